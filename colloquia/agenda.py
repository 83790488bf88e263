"""The agenda as published: versions and change lists, iCalendar and PDF."""

import hashlib
import html
import re
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.audit import record
from core.devanagari import MAX_ALIASES, DevanagariMarkup
from core.pdf import render_pdf
from core.site import absolute_url

from .choices import ACTIVE_STATUSES, RegistrationStatus, SessionMode
from .records import AgendaRevision, AgendaSession, Registration, RestrictedMaterial
from .services import agenda_days, materials_for, meeting_link_for, send_email, sessions_in_order
from .services.display import ROLE_LABELS
from .services.emails import recipient_language

SNAPSHOT_FIELDS = ("title", "date", "start", "end", "room", "kind", "counts")


def _session_facts(s):
    facts = {
        "title": s.title,
        "date": s.date.isoformat(),
        "start": s.start_time.strftime("%H:%M"),
        "end": s.end_time.strftime("%H:%M"),
        "room": s.room,
        "kind": s.kind,
        "counts": s.counts_for_attendance,
    }
    # Only for online and hybrid sessions, so agendas published before hybrid sessions existed
    # compare equal. The link is kept as a digest: a revision is not the place for it.
    if s.is_online:
        facts["mode"] = s.mode
        facts["link"] = hashlib.sha256(s.meeting_link.encode()).hexdigest()[:16] if s.meeting_link else ""
    return facts


def snapshot(page):
    """{session uid: the facts a participant cares about}; compared between publications."""
    return {str(s.uid): _session_facts(s) for s in sessions_in_order(page)}


def describe_changes(old, new):
    """A short list, in words, of what changed between two snapshots.

    The list is stored with the revision (in English: see agenda_published), not translated."""
    changes = []
    for uid, after in new.items():
        before = old.get(uid)
        if before is None:
            changes.append(f"Added: “{after['title']}” on {after['date']}, {after['start']}–{after['end']}.")
            continue
        if before["title"] != after["title"]:
            changes.append(f"Renamed: “{before['title']}” is now “{after['title']}”.")
        if (before["date"], before["start"], before["end"]) != (after["date"], after["start"], after["end"]):
            changes.append(
                f"Moved: “{after['title']}” from {before['date']} {before['start']}–{before['end']} "
                f"to {after['date']} {after['start']}–{after['end']}."
            )
        if before["room"] != after["room"]:
            changes.append(f"Room changed: “{after['title']}” now in {after['room'] or 'a room to be announced'}.")
        if before.get("mode", "in_person") != after.get("mode", "in_person"):
            mode = SessionMode(after.get("mode", "in_person")).label
            changes.append(f"Now {mode.lower()}: “{after['title']}”.")
        if before.get("link", "") != after.get("link", "") and after.get("link"):
            changes.append(f"Meeting link {'changed' if before.get('link') else 'added'}: “{after['title']}”.")
        if before.get("counts") != after.get("counts"):
            state = "now counts" if after.get("counts") else "no longer counts"
            changes.append(f"Attendance: “{after['title']}” {state} towards the certificate.")
    for uid, before in old.items():
        if uid not in new:
            changes.append(f"Removed: “{before['title']}” ({before['date']}, {before['start']}–{before['end']}).")
    return changes


def agenda_published(page):
    """Called on each publication: record a new agenda version if the agenda changed.

    The first publication is version 1. Later changes raise the version (the ICS SEQUENCE);
    when people had already registered, the change is announced on the page and emailed.
    """
    current = snapshot(page)
    with transaction.atomic():
        latest = AgendaRevision.objects.select_for_update().filter(page=page).order_by("-version").first()
        if latest is None:
            return AgendaRevision.objects.create(page=page, version=1, snapshot=current)
        if latest.snapshot == current:
            return None
        registrations = list(
            Registration.objects.filter(page=page, status__in=ACTIVE_STATUSES, user__isnull=False).select_related(
                "user"
            )
        )
        # Stored words: in the default language whoever publishes, as the record of the change.
        with translation.override(settings.LANGUAGE_CODE):
            changes = describe_changes(latest.snapshot, current)
        revision = AgendaRevision.objects.create(
            page=page,
            version=latest.version + 1,
            snapshot=current,
            changes=changes,
            announced=bool(registrations),
        )
        page.__dict__.pop("agenda_version", None)
        record(page, "colloquium.agenda_revised", None, version=revision.version, changes=revision.changes)
        if registrations:
            recipients = [(r.email, recipient_language(r)) for r in registrations]
            subject = format_lazy("{}: {}", gettext_lazy("Revised agenda"), page.title)

            def send():
                for email, language in recipients:
                    with translation.override(language):
                        context = {
                            "page": page,
                            "page_url": page.full_url,
                            "revision": revision,
                        }  # the /hi/ address in Hindi
                    send_email(email, subject, "colloquia/email/agenda_revised.txt", context, language=language)

            transaction.on_commit(send)
    return revision


def rebuild_restricted_materials(page):
    document_ids = set()
    for session in page.sessions.all():
        for block in session.materials.raw_data:
            value = block.get("value") or {}
            if value.get("access") == "participants" and value.get("document"):
                document_ids.add(value["document"])
    with transaction.atomic():
        RestrictedMaterial.objects.filter(page=page).exclude(document_id__in=document_ids).delete()
        for document_id in document_ids:
            RestrictedMaterial.objects.get_or_create(page=page, document_id=document_id)


def renew_session_uids(page):
    """A copied page gets new session identities, so two events never share a calendar UID."""
    for session in AgendaSession.objects.filter(page=page):
        session.uid = uuid.uuid4()
        session.save(update_fields=["uid"])


# --- iCalendar ---


def _uid_domain():
    return urlsplit(settings.SITE_URL).hostname or "colloquium"


def _person_line(person):
    role = person.get("role") or ""
    label = ROLE_LABELS.get(role) or role.replace("_", " ").capitalize()
    return _("%(role)s: %(name)s") % {"role": label, "name": person.get("name") or ""}


def add_sessions(calendar, page, *, status_note="", status=None, sequence=None, participant=False):
    """One VEVENT per session. `status` (CONFIRMED, TENTATIVE, CANCELLED) and `sequence` default to
    none and the agenda version (the public feed). Meeting links only in an approved participant's
    own feed (`participant`), as the description's last line and an RFC 7986 CONFERENCE property.
    The fixed words (roles, modes, "Online", "Join online") are in the active language: the
    request's (a download under /hi/ is in Hindi); the titles are the page's own."""
    zone = page.zone
    version = page.agenda_version if sequence is None else sequence
    stamp = timezone.now()
    location = ", ".join(part for part in (page.venue, page.address.replace("\n", ", ")) if part)
    from icalendar import Event  # loaded by calendar downloads only, not by every web worker (~8 MB)

    for session in sessions_in_order(page):
        event = Event()
        event.add("uid", f"{session.uid}@{_uid_domain()}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at(zone))
        event.add("dtend", session.ends_at(zone))
        event.add("sequence", version)
        if status:
            event.add("status", status)
        event.add("summary", f"{session.title} — {page.title}")
        if session.mode == SessionMode.ONLINE:
            event.add("location", _("Online"))
        else:
            place = f"{session.room}, {location}" if session.room else location
            event.add("location", _("%(place)s (and online)") % {"place": place} if session.is_online else place)
        people = "; ".join(_person_line(p) for p in session.people_list())
        mode = f"{session.get_mode_display()}." if session.is_online else ""
        link = meeting_link_for(session, participant=participant)
        join = _("Join online: %(link)s") % {"link": link} if link else ""
        if link:
            event.add("conference", link, parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": _("Join online")})
        description = "\n".join(part for part in (session.description, people, mode, status_note, join) if part)
        if description:
            event.add("description", description)
        event.add("url", page.full_url)
        event.add("categories", [str(session.get_kind_display())])
        calendar.add_component(event)


def new_calendar(name):
    from icalendar import Calendar  # loaded by calendar downloads only (see add_sessions)

    calendar = Calendar()
    calendar.add("prodid", "-//Colloquium//Judicial colloquia//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def finish(calendar):
    calendar.add_missing_timezones()
    return calendar.to_ical()


def page_ics(page):
    calendar = new_calendar(page.title)
    calendar.add("x-wr-timezone", page.time_zone)
    add_sessions(calendar, page)
    return finish(calendar)


def personal_status(registration):
    """The iCalendar STATUS of a person's entries: cancelled once they withdrew, were not approved, or
    the event was unpublished; confirmed with an approved place; tentative while waiting."""
    if registration.status not in ACTIVE_STATUSES or not registration.page.live:
        return "CANCELLED"
    return "CONFIRMED" if registration.status == RegistrationStatus.APPROVED else "TENTATIVE"


def personal_ics(registrations):
    """A person's events. Cancelled ones stay, with STATUS:CANCELLED and a higher SEQUENCE (the agenda
    version plus the registration's `calendar_sequence`, which rises at every change of status and
    publication), so that calendar apps remove them instead of keeping stale entries."""
    calendar = new_calendar(_("My colloquia"))
    for registration in registrations:
        page = registration.page
        status = personal_status(registration)
        if status == "CANCELLED" and registration.status in ACTIVE_STATUSES:
            note = _("This event has been cancelled.")
        else:
            note = _("Your registration: %(status)s.") % {"status": registration.get_status_display()}
        add_sessions(
            calendar,
            page,
            status_note=note,
            status=status,
            sequence=page.agenda_version + registration.calendar_sequence,
            participant=status == "CONFIRMED",
        )
    return finish(calendar)


# --- PDF ---

_TAG = re.compile(r"(<[^>]*>)")
_DEVANAGARI = re.compile("[\u0900-\u097f]")


def _devanagari_pdf_html(document, aliases=MAX_ALIASES):
    """`document` with every run of body text that holds Devanagari set by one DevanagariMarkup.

    The agenda's fixed words in Hindi, day and month names, and Hindi titles or names then copy out
    of the PDF as typed (core.devanagari). Text in the head (the title, read by no renderer) and
    text without Devanagari are left as they are; the spaces around a run are kept.
    """
    head, marker, body = document.partition("<body")
    if not marker:
        return document
    markup = DevanagariMarkup(aliases=aliases)
    parts = _TAG.split(body)
    for number, part in enumerate(parts):
        if number % 2 or not _DEVANAGARI.search(part):
            continue
        text = html.unescape(part)
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        parts[number] = f"{' ' if lead else ''}{markup(text)}{' ' if tail else ''}"
    return head + marker + "".join(parts)


def _page_footer():
    """The CSS `content` of the page-number footer: "Page 1 of 3" in the active language."""
    content = []
    for piece in re.split(r"(%\((?:page|pages)\)s)", _("Page %(page)s of %(pages)s")):
        if piece in ("%(page)s", "%(pages)s"):
            content.append(f"counter({piece[2:-2]})")
        elif piece:
            content.append('"' + piece.replace("\\", "").replace('"', "") + '"')
    return " ".join(content)


PDF_STYLESHEETS = ("core/devanagari.css", "colloquia/pdf.css")


def _render_agenda_pdf(template, context):
    context = {**context, "footer_content": _page_footer()}
    return render_pdf(_devanagari_pdf_html(render_to_string(template, context)), stylesheets=PDF_STYLESHEETS)


def page_pdf(page):
    """The printable agenda. Each session lists its public materials (title and address); the
    participants-only ones are never printed: the PDF is public. In the active language (the
    request's): its headings, day and month names; the titles are the page's own."""
    sessions = sessions_in_order(page)
    materials = materials_for(sessions, participant=False)
    for session in sessions:
        session.material_links = [
            {**material, "url": material["url"] if "://" in material["url"] else absolute_url(material["url"])}
            for material in materials.get(session.pk, [])
        ]
    return _render_agenda_pdf(
        "colloquia/pdf/agenda.html",
        {"page": page, "days": agenda_days(page, sessions), "version": page.agenda_version, "now": timezone.now()},
    )


def sign_in_sheet_pdf(page, session, registrations):
    return _render_agenda_pdf(
        "colloquia/pdf/sign_in_sheet.html",
        {"page": page, "session": session, "registrations": registrations, "now": timezone.now()},
    )
