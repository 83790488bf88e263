"""Personal calendar feeds: the secret link, the registrations it lists, the entries' SEQUENCE."""

from django.db.models import F

from ..choices import ACTIVE_STATUSES, RegistrationStatus
from ..records import CalendarFeed, Registration

S = RegistrationStatus


def calendar_feed(user):
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


# Registrations a personal feed lists: the active ones, and those it listed before they were
# withdrawn or rejected (kept, cancelled, so that calendar apps remove the entries).
FEED_STATUSES = (*ACTIVE_STATUSES, S.WITHDRAWN, S.REJECTED)


def feed_registrations(token):
    """The registrations a personal calendar feed lists (see agenda.personal_ics), or None for a bad token.

    Events that were unpublished (cancelled) stay too; agenda.personal_ics marks them cancelled.
    """
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return (
        Registration.objects.filter(user=feed.user, status__in=FEED_STATUSES)
        .select_related("page")
        .prefetch_related("page__sessions")
        .order_by("page__start_date")
    )


def calendar_entries_changed(page):
    """The event was published or unpublished: every registrant's calendar entries change (SEQUENCE rises)."""
    Registration.objects.filter(page=page).update(calendar_sequence=F("calendar_sequence") + 1)
