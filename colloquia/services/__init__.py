"""Public functions of the colloquia app: registration, attendance, eligibility.

Plain functions taking and returning model objects; views, admin screens, the page's
context and routes, the demo loader and the certificates app call them. They work on the
learner data (colloquia.records) and are given the pages they act on; none imports a page
class. One module per concern:

- registration: the gate, places, the waiting list, decisions and withdrawal
- invitations: court nominations, the signed invitation links, re-sending them and their lapse
- registrar: the waiting list by hand (move to it, reorder, promote), registering on someone's behalf
- attendance: when attendance opens, the registrar's marks, room-screen codes, QR check-in
- eligibility: certificate eligibility and the end of an event
- feeds: personal calendar feeds
- meetings: the meeting links of online and hybrid sessions, for approved participants only
- display / listing: what a colloquium page shows; an index page's upcoming events and its archive
- emails, clock, errors, personal_data: the shared sender, the clock, `Refused`, data export
- statistics: events held and who attended them, in aggregate, for the national statistics page

The contract certificates relies on: `eligible_participants`, `event_details`,
`attendance_summary`, and for when an event's certificates may be issued `event_has_ended`,
`event_ends_at`, `format_moment`.
"""

from .attendance import (
    AttendanceNotOpen,
    attendance_open,
    attendance_opens_at,
    check_in_code,
    check_in_problem,
    check_in_seconds,
    check_in_url,
    current_check_in_code,
    record_attendance,
    require_attendance_open,
    self_check_in,
    session_by_uid,
)
from .clock import format_moment
from .display import agenda_days, materials_for, page_context, sessions_in_order
from .eligibility import (
    approved_participants,
    attendance_summary,
    counted_sessions,
    eligible_participants,
    event_details,
    event_ends_at,
    event_has_ended,
    held_session_ids,
    set_override,
    summaries,
)
from .emails import DEFERRED as DEFERRED_ATTACHMENT
from .emails import in_background, notify, send_email
from .errors import Refused
from .feeds import FEED_STATUSES, calendar_entries_changed, calendar_feed, feed_registrations
from .invitations import (
    INVITATION_MAX_AGE,
    INVITATION_SALT,
    accept_invitation,
    decline_invitation,
    import_nominations,
    invitation_overdue,
    invitation_token,
    lapse_invitation,
    lapse_overdue_invitations,
    registration_for_token,
    resend_invitation,
)
from .listing import archive_listing, archived_year, upcoming_listing
from .meetings import meeting_link_for, meeting_links
from .personal_data import export_personal_data
from .registrar import (
    Places,
    events_for_registrar,
    invite_on_behalf,
    is_registrar_for,
    move_on_waitlist,
    move_to_waitlist,
    places_by_category,
    promote_from_waitlist,
    register_on_behalf,
)
from .registration import (
    STATUS_SUBJECTS,
    decide,
    has_place,
    lock_event,
    places_taken,
    promote_waitlist,
    register,
    registration_gate,
    set_status,
    waiting_list,
    waitlist_position,
    with_waitlist_position,
    withdraw,
    withdrawal_problem,
)
from .roster import MARK_FILTERS, NOT_MARKED, roster, session_tally
from .statistics import attended_rows, held_event_rows

__all__ = [
    "DEFERRED_ATTACHMENT",
    "FEED_STATUSES",
    "INVITATION_MAX_AGE",
    "INVITATION_SALT",
    "MARK_FILTERS",
    "NOT_MARKED",
    "STATUS_SUBJECTS",
    "AttendanceNotOpen",
    "Places",
    "Refused",
    "accept_invitation",
    "agenda_days",
    "archive_listing",
    "archived_year",
    "attendance_open",
    "attendance_opens_at",
    "approved_participants",
    "attendance_summary",
    "attended_rows",
    "calendar_entries_changed",
    "calendar_feed",
    "check_in_code",
    "check_in_problem",
    "check_in_seconds",
    "check_in_url",
    "counted_sessions",
    "current_check_in_code",
    "decide",
    "decline_invitation",
    "eligible_participants",
    "event_details",
    "event_ends_at",
    "event_has_ended",
    "held_session_ids",
    "events_for_registrar",
    "export_personal_data",
    "feed_registrations",
    "format_moment",
    "has_place",
    "held_event_rows",
    "import_nominations",
    "in_background",
    "invitation_overdue",
    "invitation_token",
    "invite_on_behalf",
    "is_registrar_for",
    "lapse_invitation",
    "lapse_overdue_invitations",
    "lock_event",
    "materials_for",
    "meeting_link_for",
    "meeting_links",
    "move_on_waitlist",
    "move_to_waitlist",
    "notify",
    "page_context",
    "places_by_category",
    "places_taken",
    "promote_from_waitlist",
    "promote_waitlist",
    "record_attendance",
    "register",
    "register_on_behalf",
    "roster",
    "registration_for_token",
    "registration_gate",
    "require_attendance_open",
    "resend_invitation",
    "self_check_in",
    "send_email",
    "session_by_uid",
    "sessions_in_order",
    "session_tally",
    "set_override",
    "set_status",
    "summaries",
    "upcoming_listing",
    "waiting_list",
    "waitlist_position",
    "with_waitlist_position",
    "withdraw",
    "withdrawal_problem",
]
