"""What a colloquium page shows: its agenda by day, its materials, the visitor's registration."""

from collections import defaultdict
from decimal import Decimal

from django.utils.text import capfirst
from wagtail.documents import get_document_model

from academies.services import contact_for
from core.translation import localize_rows

from ..blocks import PERSON_ROLES
from ..choices import ACTIVE_STATUSES, RegistrationStatus, SessionKind, SessionMode
from .meetings import meeting_link_for
from .registration import registration_gate, with_waitlist_position


def sessions_in_order(page):
    # Their titles and descriptions in the reader's language when the event is translated (core.translation).
    sessions = localize_rows(page, page.sessions.all(), "sessions")
    return sorted(sessions, key=lambda s: (s.date, s.start_time, s.end_time, s.sort_order or 0))


def agenda_days(page, sessions=None):
    """[(date, day title, [sessions])] in time order."""
    sessions = sessions if sessions is not None else sessions_in_order(page)
    titles = {day.date: day.title for day in localize_rows(page, page.agenda_days.all(), "agenda_days")}
    grouped = defaultdict(list)
    for session in sessions:
        grouped[session.date].append(session)
    for day in titles:
        grouped.setdefault(day, [])
    return [(day, titles.get(day, ""), grouped[day]) for day in sorted(grouped)]


def materials_for(sessions, *, participant):
    """{session pk: [(title, url)]}: documents loaded in one query; participants-only ones only for participants."""
    wanted = {}
    for session in sessions:
        for block in session.materials.raw_data:
            value = block.get("value") or {}
            if value.get("document"):
                wanted.setdefault(session.pk, []).append(value)
    ids = {value["document"] for values in wanted.values() for value in values}
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    result = {}
    for session_pk, values in wanted.items():
        for value in values:
            document = documents.get(value["document"])
            if document is None:
                continue
            restricted = value.get("access") == "participants"
            if restricted and not participant:
                continue
            result.setdefault(session_pk, []).append(
                {"title": value.get("title") or document.title, "url": document.url, "restricted": restricted}
            )
    return result


ROLE_LABELS = dict(PERSON_ROLES)
KIND_LABELS = dict(SessionKind.choices)
MODE_LABELS = dict(SessionMode.choices)


def people_labels(session):
    """ "Chair: Justice A, Judge, High Court of X" for each person on the dais, read from the raw stream."""
    labels = []
    for item in session.people.raw_data:
        person = item.get("value") or {}
        role = person.get("role") or ""
        parts = [f"{ROLE_LABELS.get(role) or capfirst(role)}: {person.get('name') or ''}"]
        parts += [person[field] for field in ("designation", "organisation") if person.get(field)]
        labels.append(", ".join(parts))
    return labels


def label_for_agenda(session):
    """What the agenda prints of `session`, worked out once here rather than by filters in the template."""
    date = session.date.isoformat()
    session.start_label, session.end_label = f"{session.start_time:%H:%M}", f"{session.end_time:%H:%M}"
    session.starts_iso, session.ends_iso = f"{date}T{session.start_label}", f"{date}T{session.end_label}"
    session.kind_label = KIND_LABELS.get(session.kind, session.kind)
    session.mode_label = MODE_LABELS.get(session.mode, session.mode)
    session.people_labels = people_labels(session)


def page_context(page, user):
    """Everything the colloquium page shows: agenda, revision notice, the visitor's registration."""
    sessions = sessions_in_order(page)
    registration = None
    if user.is_authenticated:
        registration = with_waitlist_position(page.registrations.filter(user=user)).first()
    participant = registration is not None and registration.status == RegistrationStatus.APPROVED
    revision = page.agenda_revisions.filter(announced=True).order_by("-version").first()
    materials = materials_for(sessions, participant=participant)
    for session in sessions:
        session.material_links = materials.get(session.pk, [])
        # Only an approved participant's page (signed in, so never cached: core.middleware) gets the link.
        session.join_link = meeting_link_for(session, participant=participant)
        label_for_agenda(session)
    contact = None
    if registration is not None and registration.status not in ACTIVE_STATUSES:
        contact = contact_for(page.academy)
    return {
        "days": agenda_days(page, sessions),
        "revision": revision,
        "my_registration": registration,
        "academy_contact": contact,
        "registration_gate": registration_gate(user, page),
        "audience": list(page.audience.all()),
        "total_hours": sum((s.hours for s in sessions if s.counts_for_attendance), Decimal("0")),
    }
