"""Public functions of the colloquia app: registration, attendance, eligibility.

Plain functions taking and returning model objects; views, admin screens, the
demo loader and the certificates app call them. The contract certificates relies
on: `eligible_participants`, `event_details`, `attendance_summary`, and for when an
event's certificates may be issued `event_has_ended`, `event_ends_at`, `format_moment`.
"""

import hashlib
import hmac
from collections import defaultdict
from datetime import datetime, time, timedelta
from decimal import Decimal

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from academies.services import contact_for
from accounts.audit import record
from accounts.roles import RoleStatus
from accounts.services import learner_records_changed, role_gate
from core.site import absolute_url
from regions.models import State

from .models import (
    ACTIVE_STATUSES,
    AgendaSession,
    Attendance,
    CalendarFeed,
    Category,
    CertificateRule,
    ColloquiumPage,
    Kind,
    Registration,
    RegistrationMode,
    RegistrationStatus,
)

S = RegistrationStatus
INVITATION_SALT = "colloquia.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 45  # 45 days


class Refused(Exception):
    """An action the rules do not allow; `str(error)` is the reason in plain words."""


class AttendanceNotOpen(Refused):
    """Attendance for a session that has not started yet (less the event's grace period)."""


# --- Listing and page context ---


def live_colloquia():
    return ColloquiumPage.objects.live().public().select_related("academy", "state")


def index_listing(index_page, params):
    """Upcoming and past events for an index page, filtered by State/UT, academy, year and kind."""
    from academies.models import Academy, AcademyPage

    parent = index_page.get_parent().specific_class
    pages = live_colloquia()
    national = not (parent and issubclass(parent, AcademyPage))
    if not national:
        pages = pages.child_of(index_page)
    filters = {key: (params.get(key) or "").strip() for key in ("state", "academy", "year", "kind")}
    if filters["state"]:
        pages = pages.filter(state__code=filters["state"])
    if filters["academy"] and national:
        pages = pages.filter(academy__short_code=filters["academy"])
    # Only a year a date can hold (1 to 9999, ASCII digits) filters; any other value lists every year.
    year = filters["year"]
    if year.isascii() and year.isdigit() and len(year) <= 4 and int(year) >= 1:
        pages = pages.filter(start_date__year=int(year))
    if filters["kind"] in Kind.values:
        pages = pages.filter(kind=filters["kind"])
    today = timezone.localdate()
    years = sorted({d.year for d in live_colloquia().values_list("start_date", flat=True)}, reverse=True)
    return {
        "upcoming": list(pages.filter(end_date__gte=today).order_by("start_date", "title")),
        "past": list(pages.filter(end_date__lt=today).order_by("-start_date", "title")),
        "filters": filters,
        "is_national": national,
        "states": State.objects.filter(pk__in=live_colloquia().values("state")).order_by("name"),
        "academies": Academy.objects.filter(pk__in=live_colloquia().values("academy")) if national else [],
        "years": years,
        "kinds": Kind.choices,
    }


def sessions_in_order(page):
    return sorted(page.sessions.all(), key=lambda s: (s.date, s.start_time, s.end_time, s.sort_order or 0))


def agenda_days(page, sessions=None):
    """[(date, day title, [sessions])] in time order."""
    sessions = sessions if sessions is not None else sessions_in_order(page)
    titles = {day.date: day.title for day in page.agenda_days.all()}
    grouped = defaultdict(list)
    for session in sessions:
        grouped[session.date].append(session)
    for day in titles:
        grouped.setdefault(day, [])
    return [(day, titles.get(day, ""), grouped[day]) for day in sorted(grouped)]


def materials_for(sessions, *, participant):
    """{session pk: [(title, url)]}: documents loaded in one query; participants-only ones only for participants."""
    from wagtail.documents import get_document_model

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


def page_context(page, user):
    """Everything the colloquium page shows: agenda, revision notice, the visitor's registration."""
    sessions = sessions_in_order(page)
    registration = None
    if user.is_authenticated:
        registration = with_waitlist_position(Registration.objects.filter(page=page, user=user)).first()
    participant = registration is not None and registration.status == S.APPROVED
    revision = page.agenda_revisions.filter(announced=True).order_by("-version").first()
    materials = materials_for(sessions, participant=participant)
    for session in sessions:
        session.material_links = materials.get(session.pk, [])
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


# --- Registration ---


def registration_gate(user, page):
    """Whether `user` may register now (a Gate-like object with allowed/reason)."""
    from accounts.services import Gate

    if page.registration_mode == RegistrationMode.NOMINATION:
        return Gate(False, "This event is by nomination only: the academy invites participants.", "nomination")
    if not page.registration_open:
        return Gate(False, "Registration is not open.", "closed")
    if page.registration_deadline and timezone.now() > page.registration_deadline:
        return Gate(False, "The registration deadline has passed.", "deadline")
    if page.end_date < timezone.localdate():
        return Gate(False, "This event is over.", "past")
    roles = page.audience_roles()
    if not roles:
        return Gate(False, "The academy has not yet said who may attend.", "no_audience")
    return role_gate(user, roles)


def places_taken(page, category):
    return Registration.objects.filter(page=page, category=category, status=S.APPROVED).count()


def has_place(page, category):
    quota = page.audience.filter(category=category).values_list("places", flat=True).first()
    return quota is None or places_taken(page, category) < quota


def _lock(page):
    """Lock the event row so that quota checks and promotions are exact under concurrency."""
    return ColloquiumPage.objects.select_for_update().get(pk=page.pk)


def _set_status(registration, status, by=None, note=None):
    previous = registration.status
    registration.status = status
    registration.status_changed_at = timezone.now()
    fields = ["status", "status_changed_at"]
    if by is not None:
        registration.decided_by = by
        fields.append("decided_by")
    if note is not None:
        registration.decision_note = note
        fields.append("decision_note")
    if previous != status:
        # The person's calendar entries change (confirmed, cancelled...): their SEQUENCE must rise.
        registration.calendar_sequence += 1
        fields.append("calendar_sequence")
    registration.save(update_fields=fields)
    if previous == S.WAITLISTED and status != S.WAITLISTED:
        _waiting_list_moved(registration.page_id, registration.category)


# --- Waiting list: one list per category, first come first served (`created_at`, then `pk`) ---


def _waiting(page_id, category):
    return Registration.objects.filter(page_id=page_id, category=category, status=S.WAITLISTED)


def _waiting_list_moved(page_id, category):
    """Someone left a waiting list: everyone still on it has a new number on "My learning"."""
    learner_records_changed(_waiting(page_id, category).values("user_id"))


def waitlist_position(registration):
    """The person's number on the waiting list of their category (1 = next to get a place), in one query.

    None when they are not on the waiting list. The order is the one `promote_waitlist` follows.
    """
    if registration.status != S.WAITLISTED:
        return None
    return (
        _waiting(registration.page_id, registration.category)
        .filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lte=registration.pk)
        )
        .count()
    )


def with_waitlist_position(registrations):
    """`registrations` annotated with `waitlist_position` (as `waitlist_position()`), in the same query."""
    ahead = (
        Registration.objects.filter(page=OuterRef("page"), category=OuterRef("category"), status=S.WAITLISTED)
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk")))
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(
        waitlist_position=Case(When(status=S.WAITLISTED, then=Subquery(ahead)), output_field=IntegerField())
    )


def _email(to, subject, template, context):
    body = render_to_string(template, {"site_url": settings.SITE_URL, **context})
    send_mail(subject, body, None, [to])


def _notify(registration, subject, template, **context):
    """Email a participant after the transaction commits."""
    page = registration.page
    transaction.on_commit(
        lambda: _email(
            registration.email,
            f"{subject}: {page.title}",
            template,
            {"registration": registration, "page": page, "page_url": page.full_url, **context},
        )
    )


STATUS_SUBJECTS = {
    S.APPROVED: "Your place is confirmed",
    S.PENDING: "Your registration request was received",
    S.WAITLISTED: "You are on the waiting list",
    S.REJECTED: "Your registration was not approved",
    S.WITHDRAWN: "You have withdrawn",
}


def register(user, page):
    """Register `user` for `page` under its mode. Returns the Registration or raises Refused."""
    gate = registration_gate(user, page)
    if not gate:
        raise Refused(gate.reason)
    category = user.role
    with transaction.atomic():
        page = _lock(page)
        registration = Registration.objects.select_for_update().filter(page=page, user=user).first()
        if registration is None:
            # Someone nominated by email before they had an account.
            registration = Registration.objects.select_for_update().filter(page=page, email=user.email).first()
        if registration is not None:
            if registration.status in ACTIVE_STATUSES:
                return registration
            if registration.status == S.REJECTED:
                raise Refused("The registrar did not approve your request. Contact the academy if this is a mistake.")
            if registration.status == S.INVITED:
                raise Refused("You have been invited: use the link in your invitation email to accept or decline.")
        if page.registration_mode == RegistrationMode.APPROVAL:
            status = S.PENDING
        else:
            status = S.APPROVED if has_place(page, category) else S.WAITLISTED
        previous = ""
        if registration is None:
            registration = Registration(page=page, user=user, email=user.email.lower())
        else:
            # Registering again after withdrawing (or declining): the same row, as a new request.
            # One row per person and event keeps the constraints and the attendance already
            # recorded; the earlier request, decision and withdrawal stay in the audit log.
            previous = registration.status
            registration.calendar_sequence += 1
            registration.decided_by = None
            registration.decision_note = ""
        registration.user = user
        registration.name = user.full_name or user.email
        registration.designation = user.designation
        registration.category = category
        registration.status = status
        registration.created_at = registration.status_changed_at = timezone.now()
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            return Registration.objects.get(page=page, user=user)
        record(registration, "colloquium.registered", user, status=status, category=category, previous=previous)
        _notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            position=waitlist_position(registration),
        )
    return registration


def decide(registration, *, approve, by, note=""):
    """The registrar approves (subject to places) or rejects a request; the note goes into the email."""
    note = (note or "").strip()
    with transaction.atomic():
        page = _lock(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if approve:
            if registration.status not in (S.PENDING, S.WAITLISTED, S.REJECTED):
                raise Refused(
                    f"{registration.name} is {registration.get_status_display().lower()}; nothing to approve."
                )
            status = S.APPROVED if has_place(page, registration.category) else S.WAITLISTED
        else:
            if registration.status not in (S.PENDING, S.WAITLISTED, S.APPROVED):
                raise Refused(f"{registration.name} is {registration.get_status_display().lower()}; nothing to reject.")
            status = S.REJECTED
        freed = registration.status == S.APPROVED and status != S.APPROVED
        _set_status(registration, status, by=by, note=note)
        action = "colloquium.registration_approved" if approve else "colloquium.registration_rejected"
        record(registration, action, by, status=status, note=note)
        _notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            note=note,
            position=waitlist_position(registration),
        )
        if freed:
            promote_waitlist(page, registration.category)
    return registration


def withdrawal_problem(registration, page):
    """Why `registration` cannot be withdrawn now ("" when it can)."""
    if registration.status not in (*ACTIVE_STATUSES, S.INVITED):
        return f"Your registration is {registration.get_status_display().lower()}; there is nothing to withdraw."
    if page.end_date < timezone.localdate():
        return "This event is over."
    return ""


def withdraw(registration, *, by):
    """The participant withdraws (or declines an invitation); a freed place goes to the waiting list.

    While registration is open they may register again (`register`), as a new request.
    """
    with transaction.atomic():
        page = _lock(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        problem = withdrawal_problem(registration, page)
        if problem:
            raise Refused(problem)
        freed = registration.status == S.APPROVED
        status = S.DECLINED if registration.status == S.INVITED else S.WITHDRAWN
        _set_status(registration, status)
        record(registration, "colloquium.registration_withdrawn", by, status=status)
        if freed:
            promote_waitlist(page, registration.category)
    return registration


def promote_waitlist(page, category):
    """Give freed places to the waiting list, first come first served. Call with the event row locked."""
    promoted = []
    quota = page.audience.filter(category=category).values_list("places", flat=True).first()
    waiting = _waiting(page.pk, category).select_for_update()
    for registration in waiting.order_by("created_at", "pk"):
        if quota is not None and places_taken(page, category) >= quota:
            break
        _set_status(registration, S.APPROVED)
        record(registration, "colloquium.registration_promoted", None, category=category)
        _notify(registration, STATUS_SUBJECTS[S.APPROVED], "colloquia/email/status.txt", promoted=True)
        promoted.append(registration)
    return promoted


# --- Nomination and invitations ---


def invitation_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=INVITATION_SALT)


def registration_for_token(token):
    """The invited Registration a signed link points to, or raise Refused."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise Refused("This invitation link has expired. Ask the academy to invite you again.") from error
    except signing.BadSignature as error:
        raise Refused("This invitation link is not valid. Copy the whole link from the email.") from error
    registration = Registration.objects.select_related("page").filter(pk=data.get("r"), email=data.get("e")).first()
    if registration is None:
        raise Refused("This invitation no longer exists.")
    return registration


def import_nominations(page, rows, *, by):
    """Create an invitation per row (rows already checked by NominationUploadForm), all or nothing."""
    User = get_user_model()
    created = []
    with transaction.atomic():
        page = _lock(page)
        users = {u.email.lower(): u for u in User.objects.filter(email__in=[row["email"] for row in rows])}
        for row in rows:
            registration = Registration.objects.create(
                page=page,
                user=users.get(row["email"]),
                email=row["email"],
                name=row["name"],
                designation=row["designation"],
                category=row["category"],
                status=S.INVITED,
                nominated_by=by,
                nominating_office=row["nominating_office"],
                invited_at=timezone.now(),
            )
            created.append(registration)
        record(page, "colloquium.nominations_imported", by, count=len(created))
        for registration in created:
            token = invitation_token(registration)
            _notify(
                registration,
                "Invitation",
                "colloquia/email/invitation.txt",
                accept_url=absolute_url(reverse("colloquia:invitation", args=[token])),
            )
    return created


def accept_invitation(registration):
    """Accept an invitation: create the account if needed, then take a place or join the waiting list.

    Returns (registration, set_password_url or ""). A new account is verified in the nominated
    category (the academy nominated the person) and has no password until they set one.
    """
    User = get_user_model()
    set_password_url = ""
    with transaction.atomic():
        page = _lock(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != S.INVITED:
            raise Refused(f"This invitation was already answered ({registration.get_status_display().lower()}).")
        user = registration.user or User.objects.filter(email__iexact=registration.email).first()
        if user is None:
            user = User.objects.create_user(
                email=registration.email,
                password=None,
                full_name=registration.name,
                role=registration.category,
                role_status=RoleStatus.VERIFIED,
                designation=registration.designation,
                court_or_office=registration.nominating_office,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            record(user, "colloquium.account_from_invitation", None, page=page.pk)
            set_password_url = absolute_url(
                reverse(
                    "account_reset_password_from_key",
                    kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
                )
            )
        registration.user = user
        registration.save(update_fields=["user"])
        status = S.APPROVED if has_place(page, registration.category) else S.WAITLISTED
        _set_status(registration, status)
        record(registration, "colloquium.invitation_accepted", user, status=status)
        _notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            set_password_url=set_password_url,
        )
    return registration, set_password_url


def decline_invitation(registration):
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != S.INVITED:
            raise Refused(f"This invitation was already answered ({registration.get_status_display().lower()}).")
        _set_status(registration, S.DECLINED)
        record(registration, "colloquium.invitation_declined", registration.user)
    return registration


# --- Attendance ---


def _now():
    """The clock attendance uses (tests move it without moving Django's session clock)."""
    return timezone.now()


def format_moment(value):
    """“09:30 IST on 12 Dec 2026”: an aware time as people at the event read it (in its own zone)."""
    return f"{value:%H:%M %Z} on {value.day} {value:%b %Y}"


def attendance_opens_at(session):
    """When attendance for `session` opens: its start, less the event's `attendance_opens_minutes_before`."""
    page = session.page
    return session.starts_at(page.zone) - timedelta(minutes=page.attendance_opens_minutes_before)


def attendance_open(session, now=None):
    """Whether attendance for `session` may be recorded at `now` (by anyone, by any method)."""
    return (now or _now()) >= attendance_opens_at(session)


def require_attendance_open(session, now=None):
    """Raise AttendanceNotOpen, saying when it opens, if attendance for `session` may not be recorded yet.

    The one rule every way of recording attendance calls: the registrar's marks, paper entry
    and QR self check-in.
    """
    if not attendance_open(session, now):
        opens = attendance_opens_at(session)
        raise AttendanceNotOpen(f"Attendance for “{session.title}” opens at {format_moment(opens)}.")


def event_ends_at(colloquium):
    """When the event's last counted session ends (the end of its last day if it counts none), in its zone."""
    zone = colloquium.zone
    ends = [session.ends_at(zone) for session in _counted_sessions(colloquium)]
    if ends:
        return max(ends)
    return datetime.combine(colloquium.end_date + timedelta(days=1), time.min, tzinfo=zone)


def event_has_ended(colloquium, now=None):
    """Whether the event's last counted session has ended, so that its attendance is complete."""
    return (now or _now()) >= event_ends_at(colloquium)


def record_attendance(session, marks, *, method, by, now=None):
    """Record {registration: status} for one session. Only approved registrations of the event count.

    Refused as a whole (nothing written) for a session whose attendance is not open yet.
    Returns the number of records created or changed; each change is audited.
    """
    if not session.counts_for_attendance:
        raise Refused(f"Attendance is not taken for “{session.title}”.")
    require_attendance_open(session, now)
    changed = 0
    with transaction.atomic():
        approved = {
            r.pk: r
            for r in Registration.objects.filter(
                page_id=session.page_id, status=S.APPROVED, pk__in=[r.pk for r in marks]
            )
        }
        existing = {
            a.registration_id: a
            for a in Attendance.objects.select_for_update().filter(session=session, registration_id__in=approved)
        }
        for registration, status in marks.items():
            if registration.pk not in approved:
                raise Refused(f"{registration.name} does not hold an approved place at this event.")
            if status not in Attendance.Status.values:
                raise Refused(f"“{status}” is not an attendance status.")
            current = existing.get(registration.pk)
            if current is not None and current.status == status:
                continue
            previous = current.status if current else ""
            if current is None:
                current = Attendance(registration=registration, session=session)
            current.status, current.method, current.recorded_by = status, method, by
            current.recorded_at = timezone.now()
            current.save()
            record(
                current.registration,
                "colloquium.attendance_recorded",
                by,
                session=str(session.uid),
                session_title=session.title,
                status=status,
                previous=previous,
                method=method,
            )
            changed += 1
    return changed


def check_in_seconds():
    """How long each room-screen code lasts: setting COLLOQUIA_CHECK_IN_SECONDS, 60 by default."""
    return max(1, int(getattr(settings, "COLLOQUIA_CHECK_IN_SECONDS", 60)))


def _window(moment):
    return int(moment.timestamp()) // check_in_seconds()


def check_in_code(session, window):
    message = f"colloquia-check-in:{session.uid}:{window}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]


def current_check_in_code(session, now=None):
    return check_in_code(session, _window(now or _now()))


def check_in_url(session, now=None):
    return absolute_url(reverse("colloquia:check_in", args=[session.uid, current_check_in_code(session, now)]))


def session_by_uid(uid):
    return AgendaSession.objects.select_related("page").filter(uid=uid, page__live=True).first()


def check_in_problem(user, session, code, now=None):
    """Why `user` may not check in to `session` with `code` now ("" when they may)."""
    now = now or _now()
    window = _window(now)
    if not any(hmac.compare_digest(code, check_in_code(session, w)) for w in (window, window - 1)):
        return "This code has expired. Scan the code on the screen again."
    if not session.counts_for_attendance:
        return f"Attendance is not taken for “{session.title}”."
    page = session.page
    try:
        require_attendance_open(session, now)
    except AttendanceNotOpen as refusal:
        return str(refusal)
    if now > session.ends_at(page.zone):
        return f"“{session.title}” has ended; check-in is closed. Ask the registrar to record your attendance."
    registration = Registration.objects.filter(page=page, user=user).first()
    if registration is None or registration.status != S.APPROVED:
        return "You do not hold an approved place at this event, so you cannot check in."
    return ""


def self_check_in(user, session, code, now=None):
    problem = check_in_problem(user, session, code, now)
    if problem:
        raise Refused(problem)
    registration = Registration.objects.get(page_id=session.page_id, user=user)
    with transaction.atomic():
        attendance, created = Attendance.objects.select_for_update().get_or_create(
            registration=registration,
            session=session,
            defaults={"status": Attendance.Status.PRESENT, "method": Attendance.Method.QR, "recorded_by": user},
        )
        if not created and attendance.status != Attendance.Status.PRESENT:
            attendance.status, attendance.method, attendance.recorded_by = "present", "qr", user
            attendance.recorded_at = timezone.now()
            attendance.save()
            created = True
        if created:
            record(registration, "colloquium.checked_in", user, session=str(session.uid), session_title=session.title)
    return attendance


# --- Eligibility: the contract the certificates app relies on ---


def _counted_sessions(page):
    return [s for s in page.sessions.all() if s.counts_for_attendance]


def _summarise(page, registration, counted, present_ids):
    attended = [s for s in counted if s.pk in present_ids]
    hours = sum((s.hours for s in attended), Decimal("0"))
    rule = page.certificate_rule
    if registration.status != S.APPROVED or not counted:
        eligible = False
    elif rule == CertificateRule.MIN_SESSIONS:
        eligible = len(attended) >= (page.certificate_min_sessions or len(counted))
    elif rule == CertificateRule.MIN_HOURS:
        eligible = hours >= (page.certificate_min_hours or sum((s.hours for s in counted), Decimal("0")))
    else:
        eligible = len(attended) == len(counted)
    override_reason = ""
    if registration.override_eligible is not None:
        eligible = registration.override_eligible
        override_reason = registration.override_reason
    return {
        "sessions_attended": len(attended),
        "sessions_counted": len(counted),
        "hours": hours,
        "eligible": eligible,
        "override_reason": override_reason,
    }


def attendance_summary(registration):
    """{sessions_attended, sessions_counted, hours, eligible, override_reason} for one registration."""
    page = registration.page
    counted = _counted_sessions(page)
    present = set(
        Attendance.objects.filter(registration=registration, status=Attendance.Status.PRESENT).values_list(
            "session_id", flat=True
        )
    )
    return _summarise(page, registration, counted, present)


def summaries(page, registrations):
    """attendance_summary for many registrations of one event, in three queries."""
    counted = _counted_sessions(page)
    present = defaultdict(set)
    rows = Attendance.objects.filter(
        registration__in=[r.pk for r in registrations], status=Attendance.Status.PRESENT
    ).values_list("registration_id", "session_id")
    for registration_id, session_id in rows:
        present[registration_id].add(session_id)
    return {r.pk: _summarise(page, r, counted, present[r.pk]) for r in registrations}


def eligible_participants(colloquium_page):
    """Approved participants who meet the certificate rule (or were overridden to eligible), by name.

    Each item: user, registration, sessions_attended (int), hours (Decimal), override_reason (str or "").
    """
    page = colloquium_page
    registrations = list(
        Registration.objects.filter(page=page, status=S.APPROVED, user__isnull=False).select_related("user")
    )
    result = []
    for registration in registrations:
        registration.page = page
    for registration_pk, summary in summaries(page, registrations).items():
        if summary["eligible"]:
            registration = next(r for r in registrations if r.pk == registration_pk)
            result.append(
                {
                    "user": registration.user,
                    "registration": registration,
                    "sessions_attended": summary["sessions_attended"],
                    "hours": summary["hours"],
                    "override_reason": summary["override_reason"],
                }
            )
    result.sort(key=lambda item: ((item["user"].full_name or item["registration"].name).lower(), item["user"].pk))
    return result


def event_details(colloquium_page):
    page = colloquium_page
    return {
        "title": page.title,
        "academy": page.academy,
        "start_date": page.start_date,
        "end_date": page.end_date,
        "venue": page.venue,
        "state": page.state,
        "total_hours": sum((s.hours for s in _counted_sessions(page)), Decimal("0")),
        "kind_label": str(Kind(page.kind).label),
    }


def set_override(registration, *, eligible, reason, by):
    """Override computed eligibility (True/False) with a written reason, or clear it (eligible=None)."""
    reason = (reason or "").strip()
    if eligible is not None and not reason:
        raise Refused("Write why you are overriding the computed eligibility; it is recorded.")
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        registration.override_eligible = eligible
        registration.override_reason = reason if eligible is not None else ""
        registration.override_by = by if eligible is not None else None
        registration.override_at = timezone.now() if eligible is not None else None
        registration.save(update_fields=["override_eligible", "override_reason", "override_by", "override_at"])
        record(registration, "colloquium.eligibility_override", by, eligible=eligible, reason=reason)
    return registration


# --- Calendar feed, personal data ---


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


def export_personal_data(user):
    registrations = Registration.objects.filter(user=user).select_related("page")
    attendance = Attendance.objects.filter(registration__user=user).select_related("session", "registration__page")
    return {
        "colloquium_registrations": [
            {
                "event": r.page.title,
                "category": str(Category(r.category).label),
                "status": r.status,
                "registered_at": r.created_at.isoformat(),
                "nominating_office": r.nominating_office,
                "eligibility_override": r.override_eligible,
                "override_reason": r.override_reason,
            }
            for r in registrations
        ],
        "colloquium_attendance": [
            {
                "event": a.registration.page.title,
                "session": a.session.title,
                "date": a.session.date.isoformat(),
                "status": a.status,
                "method": a.method,
                "recorded_at": a.recorded_at.isoformat(),
            }
            for a in attendance
        ],
    }
