"""Meeting links of online and hybrid sessions: who may see them."""

from ..choices import RegistrationStatus


def meeting_link_for(session, *, participant):
    """The session's meeting link for an approved participant of the event; "" for anyone else.

    The one place a meeting link is read for showing: the page, the participant's calendar feed
    and their emails ask here, so the link never reaches the public agenda, its PDF or ICS, the
    API or a cached page (a participant's page is signed in, so never cached: core.middleware).
    """
    return session.meeting_link if participant and session.is_online else ""


def meeting_links(registration):
    """[(session, link)] of the event's online and hybrid sessions, for an approved registration only."""
    if registration.status != RegistrationStatus.APPROVED:
        return []
    sessions = sorted(registration.page.sessions.all(), key=lambda s: (s.date, s.start_time, s.sort_order or 0))
    return [(s, link) for s in sessions if (link := meeting_link_for(s, participant=True))]
