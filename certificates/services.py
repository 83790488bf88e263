"""Issuing, revoking and re-issuing certificates: plain functions, callable from receivers, tasks and views.

Idempotency is the database's job: a partial unique constraint allows one valid
certificate per person and module/event. `issue_certificate` checks first, takes a
serial in a short transaction of its own, checks again, renders the PDF outside any
transaction, and inserts; an IntegrityError means "someone else issued it" — so
pressing twice, or two workers at once, issues one. On PostgreSQL, issuers of the same
person's certificate take turns on an advisory lock (see `_one_issuer_per_person`).
A serial that goes unused (a lost race, a failed render) is given back while it is
still the last one taken, and otherwise skipped (recorded in the audit log): serials
are unique and increasing but may have gaps.

`issue_many` does the same for a group of people (a batch chunk) with a fixed number of
write transactions whatever the group's size: one to take the group's serials, one to insert
its certificates (each in a savepoint, so a lost race refuses only that person's).
"""

import hashlib
import logging
import posixpath
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import ExtractYear
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from accounts.audit import record
from colloquia.services import event_ends_at, event_has_ended, format_moment
from core.formatting import format_hours
from core.i18n import language_of
from core.site import absolute_url

from .models import (
    DEFAULT_HEADING,
    DEFAULT_WORDING,
    NATIONAL_CODE,
    Certificate,
    CertificateTemplate,
    Kind,
    Layout,
    SerialCounter,
    SourceKind,
    format_dates_hi,
    language_for,
)
from .pdf import fill_wording, format_score, print_ready_image, render_certificate
from .signals import certificate_issued

logger = logging.getLogger("colloquium.certificates")

ASSET_DIR = "certificates/assets"
ACTION_ISSUED = "colloquium.certificate_issued"
ACTION_REVOKED = "colloquium.certificate_revoked"
ACTION_REISSUED = "colloquium.certificate_reissued"
ACTION_BATCH = "colloquium.certificate_batch_started"
ACTION_BATCH_EARLY = "colloquium.certificate_batch_early"
ACTION_SERIAL_SKIPPED = "colloquium.certificate_serial_skipped"


# --- Serials ------------------------------------------------------------------------------------


def academy_code(academy):
    return academy.short_code if academy is not None else NATIONAL_CODE


def next_serial(code, year):
    """The next serial for `code` in `year`, unique and increasing (see `next_serials`)."""
    return next_serials(code, year, 1)[0]


def next_serials(code, year, count):
    """The next `count` serials for `code` in `year`, unique and increasing.

    The counter row is incremented in SQL and read back in a transaction of its own that
    commits at once, so it is locked only for the increment, not while the PDFs render, and
    concurrent issuers for one academy render in parallel. Inside an outer transaction
    (e.g. `reissue`) it is a savepoint and the row stays locked until the outer commit; a
    rollback there gives the numbers back.
    """
    counter = SerialCounter.objects.filter(code=code, year=year)
    with transaction.atomic():
        # The UPDATE locks the row until commit, so the value read next is ours alone.
        if not counter.update(last=F("last") + count):
            try:
                with transaction.atomic():
                    SerialCounter.objects.create(code=code, year=year, last=count)
            except IntegrityError:  # created by a concurrent issuer a moment ago
                counter.update(last=F("last") + count)
        last = counter.values_list("last", flat=True).get()
    return [f"{code}-{year}-{number:06d}" for number in range(last - count + 1, last + 1)]


# --- What gets printed ---------------------------------------------------------------------------


def _copy_asset(image):
    """Copy a Wagtail image's file into certificate storage, named by content hash.

    Certificates keep this copy, so a later change or deletion of the image leaves
    them as they were.
    """
    if image is None:
        return ""
    try:
        with image.file.open("rb") as handle:
            body = handle.read()
    except (OSError, ValueError):
        logger.warning("certificate asset %s could not be read", image.pk)
        return ""
    extension = posixpath.splitext(image.file.name)[1].lower() or ".png"
    ready = print_ready_image(body)  # a JPEG on white: every render then embeds it as it is
    if ready is not None:
        body, extension = ready
    name = f"{ASSET_DIR}/{hashlib.sha256(body).hexdigest()}{extension}"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(body))
    return name


def template_for(kind, academy):
    """The newest active template of `kind` for `academy`, else the platform one, else a built-in default."""
    templates = CertificateTemplate.objects.filter(kind=kind, is_active=True).select_related("logo")
    chosen = None
    if academy is not None:
        chosen = templates.filter(academy=academy).order_by("-updated_at").first()
    chosen = chosen or templates.filter(academy__isnull=True).order_by("-updated_at").first()
    if chosen is None:
        chosen = CertificateTemplate(
            name="Built-in default",
            kind=kind,
            layout=Layout.CLASSIC,
            heading=DEFAULT_HEADING[kind],
            wording=DEFAULT_WORDING[kind],
            version=0,
        )
    return chosen


@dataclass
class IssueContext:
    """What every certificate of one kind from one academy shares: worked out once per batch."""

    kind: str
    academy: object
    template: CertificateTemplate
    logo_path: str
    signatories: list = field(default_factory=list)
    hindi_titles: dict = field(default_factory=dict)  # source id: its title in Hindi (one look-up a batch)

    @classmethod
    def build(cls, kind, academy):
        template = template_for(kind, academy)
        logo = template.logo or (academy.logo if academy is not None else None)
        signatories = []
        if academy is not None:
            for signatory in academy.signatories.select_related("signature").order_by("sort_order"):
                signatories.append(
                    {
                        "name": signatory.name,
                        "designation": signatory.designation,
                        "signature": _copy_asset(signatory.signature),
                    }
                )
        return cls(kind=kind, academy=academy, template=template, logo_path=_copy_asset(logo), signatories=signatories)


def _as_date(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def completion_snapshot(details):
    """Frozen fields for a completion certificate from courses.services.completion_details()."""
    done_on = _as_date(details["completed_at"]) or timezone.localdate()
    return {
        "title": details["title"],
        "programme": details.get("edition") or gettext_noop("Course module"),
        "venue": "",
        "start_date": done_on,
        "end_date": done_on,
        "hours": Decimal(details["hours"] or 0),
        "score": details.get("score"),
    }


def attendance_snapshot(event, participant):
    """Frozen fields for an attendance certificate from colloquia.services."""
    start = _as_date(event["start_date"])
    end = _as_date(event.get("end_date")) or start
    return {
        "title": event["title"],
        "programme": str(event.get("kind_label") or gettext_noop("Colloquium")),
        "venue": event.get("venue") or "",
        "start_date": start,
        "end_date": end,
        "hours": Decimal(participant["hours"] or 0),
        "score": None,
    }


def hindi_title(source_id, fallback):
    """The title of page `source_id`'s Hindi translation, else `fallback` (the English title)."""
    from wagtail.models import Locale, Page

    locale = Locale.objects.filter(language_code="hi").first()
    page = Page.objects.filter(pk=source_id).first() if locale is not None and source_id else None
    if page is None:
        return fallback
    if page.locale_id == locale.pk:
        return page.title
    translated = page.get_translation_or_none(locale)
    return translated.title if translated is not None else fallback


def _in_hindi(text):
    """A known English label (a programme kind, say) in Hindi when a catalogue has it, else as it is."""
    if not text:
        return ""
    with translation.override("hi"):
        return gettext(str(text))


def _build(context, user, snapshot, *, name=None, name_devanagari=None, language=None, source_id=None):
    academy = context.academy
    template = context.template
    with translation.override("en"):  # the English record is English whatever page issued it
        snapshot = {key: str(value) if key == "programme" else value for key, value in snapshot.items()}
    cert = Certificate(
        kind=context.kind,
        user=user,
        academy=academy,
        state_id=user.state_id,
        recipient_name=name if name is not None else user.full_name,
        recipient_name_devanagari=name_devanagari if name_devanagari is not None else user.name_devanagari,
        designation=user.designation,
        court_or_office=user.court_or_office,
        academy_name=academy.name if academy is not None else settings.WAGTAIL_SITE_NAME,
        academy_code=academy_code(academy),
        heading=template.heading,
        signatories=context.signatories,
        logo_path=context.logo_path,
        template=template if template.pk else None,
        template_name=template.name,
        template_version=template.version,
        layout=template.layout,
        language=language or language_for(user),
        **snapshot,
    )
    values = {
        "name": cert.recipient_name,
        "name_devanagari": cert.recipient_name_devanagari,
        "designation": cert.designation,
        "court": cert.court_or_office,
        "title": cert.title,
        "dates": cert.dates_display,
        "hours": format_hours(cert.hours),
        "score": format_score(cert.score),
        "academy": cert.academy_name,
        "venue": cert.venue,
        "programme": cert.programme,
    }
    cert.statement = fill_wording(template.wording, values)
    if cert.in_hindi:
        if source_id not in context.hindi_titles:
            context.hindi_titles[source_id] = hindi_title(source_id, "")
        cert.title_hi = context.hindi_titles[source_id] or cert.title
        cert.heading_hi = template.hindi_heading()
        cert.statement_hi = fill_wording(
            template.hindi_wording(),
            {
                **values,
                "name": cert.recipient_name_devanagari or cert.recipient_name,
                "title": cert.title_hi,
                "dates": format_dates_hi(cert.start_date, cert.end_date),
                "programme": _in_hindi(cert.programme),
            },
        )
    return cert


def valid_certificate(user, source_kind, source_id):
    # At most one row (a partial unique index), so no ORDER BY: the model's default ordering,
    # or .first(), would add a sort step for nothing.
    found = Certificate.objects.filter(user=user, source_kind=source_kind, source_id=source_id, status="valid")
    return next(iter(found.order_by()[:1]), None)


def _render_and_store(cert, context):
    """Render `cert`'s PDF (no lock held, unless the caller's own transaction holds one) and store it."""
    body, digest = render_certificate(
        cert, primary_colour=context.template.primary_colour, accent_colour=context.template.accent_colour
    )
    cert.pdf_sha256 = digest
    cert.pdf.save(f"{cert.serial}.pdf", ContentFile(body), save=False)


def _stamp(cert, issued_by):
    cert.issued_at = timezone.now()
    cert.issued_by = issued_by
    cert.serial = next_serial(cert.academy_code, timezone.localtime(cert.issued_at).year)


def _insert(cert):
    """Insert `cert`; if the database refuses it, remove its stored PDF and re-raise."""
    try:
        with transaction.atomic():
            cert.save(force_insert=True)
    except IntegrityError:
        cert.pdf.delete(save=False)
        raise


def _release_serial(cert, existing, issued_by):
    """Give back `cert`'s unused serial if no later one has been taken; otherwise it is skipped, on record.

    The conditional update is atomic, so a number is given back only while it is still the
    counter's last, and the next issuer takes it; a concurrent increment makes it a skip instead.
    """
    code, year, number = cert.serial.rsplit("-", 2)
    number = int(number)
    try:
        if SerialCounter.objects.filter(code=code, year=int(year), last=number).update(last=number - 1):
            return
    except DatabaseError:
        logger.exception("could not give back serial %s", cert.serial)
    held_by = existing.serial if existing is not None else "nobody"
    logger.info("serial %s skipped (the certificate is held by %s)", cert.serial, held_by)
    if existing is not None:
        record(existing, ACTION_SERIAL_SKIPPED, issued_by, serial=cert.serial, existing=existing.serial)


@contextmanager
def _one_issuer_per_person(user, source_kind, source_id):
    """On PostgreSQL, issuers of the same person's certificate for one source take turns.

    An advisory lock keyed on the person and source, not a row lock: issuers for different
    people never wait for each other. The second issuer then finds the first one's
    certificate before taking a serial, so it neither renders for nothing nor leaves a gap.
    Inside a caller's transaction the lock lasts until that ends (it cannot be released
    from an aborted transaction); otherwise it is a session lock released at once.
    Yields whether a lock was taken (not on SQLite, whose writers are serialised anyway).
    """
    connection = transaction.get_connection()
    if connection.vendor != "postgresql" or user is None:
        yield False
        return
    name = f"certificate:{source_kind}:{source_id}:{user.pk}".encode()
    key = int.from_bytes(hashlib.blake2b(name, digest_size=8).digest(), "big", signed=True)
    in_transaction = connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)" if in_transaction else "SELECT pg_advisory_lock(%s)", [key])
    try:
        yield True
    finally:
        if not in_transaction:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def issue_certificate(
    user,
    source_kind,
    source_id,
    snapshot,
    *,
    context,
    issued_by=None,
    notify=True,
    holders_checked=False,
    language=None,
):
    """Issue one certificate, or return the valid one that exists. Returns (certificate, created).

    `holders_checked`: the caller has just looked up who holds one (see `holders`) and this
    person did not, so the first look is skipped; the look after the serial still guards a race.
    `language`: en, hi or both (CertificateLanguage); by default the person's preferred language.
    """
    existing = None if holders_checked else valid_certificate(user, source_kind, source_id)
    if existing:
        return existing, False
    with _one_issuer_per_person(user, source_kind, source_id) as locked:
        # With the lock, look again: the issuer we waited for has committed. Without it, look
        # again once the serial is taken, so that a concurrent issuer's certificate skips the render.
        if locked and (existing := valid_certificate(user, source_kind, source_id)):
            return existing, False
        cert = _build(context, user, snapshot, language=language, source_id=source_id)
        cert.source_kind, cert.source_id = source_kind, source_id
        _stamp(cert, issued_by)
        if not locked and (existing := valid_certificate(user, source_kind, source_id)):
            _release_serial(cert, existing, issued_by)
            return existing, False
        try:
            _render_and_store(cert, context)
            with transaction.atomic():
                _insert(cert)
                record(
                    cert, ACTION_ISSUED, issued_by, serial=cert.serial, recipient=cert.recipient_name, title=cert.title
                )
        except IntegrityError:
            # Lost the race for this person and source (the partial unique constraint): keep theirs.
            existing = valid_certificate(user, source_kind, source_id)
            _release_serial(cert, existing, issued_by)
            if existing is None:
                raise
            return existing, False
        except Exception:
            _release_serial(cert, None, issued_by)
            raise
    if notify:
        transaction.on_commit(lambda: notify_recipient(cert))
    transaction.on_commit(
        lambda: certificate_issued.send(sender=Certificate, certificate=cert, replaces=None), robust=True
    )
    return cert, True


@contextmanager
def _one_issuer_per_people(user_ids, source_kind, source_id):
    """`_one_issuer_per_person` for a group: the locks of all of them, taken in one order (so two
    groups that share people never wait for each other in a circle). Yields whether locks were taken."""
    connection = transaction.get_connection()
    if connection.vendor != "postgresql" or not user_ids:
        yield False
        return
    keys = sorted(
        int.from_bytes(
            hashlib.blake2b(f"certificate:{source_kind}:{source_id}:{user_id}".encode(), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for user_id in set(user_ids)
    )
    in_transaction = connection.in_atomic_block
    lock = "pg_advisory_xact_lock" if in_transaction else "pg_advisory_lock"
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute(f"SELECT {lock}(%s)", [key])  # noqa: S608 - one of two fixed names
    try:
        yield True
    finally:
        if not in_transaction:
            with connection.cursor() as cursor:
                for key in keys:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def _valid_certificates(source_kind, source_id, user_ids):
    """{user id: valid certificate} for those of `user_ids` who hold one for this source (one query)."""
    found = Certificate.objects.filter(source_kind=source_kind, source_id=source_id, status="valid")
    return {cert.user_id: cert for cert in found.filter(user_id__in=user_ids).order_by()}


def issue_many(people, source_kind, source_id, *, context, issued_by=None, notify=True):
    """Issue one source's certificate to each of `people` ([(user, snapshot)], distinct users): a
    batch chunk. Returns {user id: (certificate, created)}, or {user id: exception} for a person
    whose certificate could not be made (the others are issued all the same).

    The rules of `issue_certificate`, for a group: who already holds one is read in one query
    (after the group's locks on PostgreSQL, else again once the serials are taken); the group's
    serials are taken in one short transaction; the PDFs render outside any transaction; the
    certificates and their audit entries are written in one short transaction, each insert in a
    savepoint, so a person whose certificate someone else has issued meanwhile gets theirs.
    """
    by_id = {user.pk: (user, snapshot) for user, snapshot in people}
    outcome = {}
    issued = []
    with _one_issuer_per_people(list(by_id), source_kind, source_id) as locked:
        for user_id, cert in _valid_certificates(source_kind, source_id, list(by_id)).items():
            outcome[user_id] = (cert, False)
        certs = []
        for user_id, (user, snapshot) in by_id.items():
            if user_id in outcome:
                continue
            try:
                cert = _build(context, user, snapshot, source_id=source_id)
            except Exception as error:  # noqa: BLE001 - one person's bad data fails only them
                outcome[user_id] = error
                continue
            cert.source_kind, cert.source_id = source_kind, source_id
            certs.append(cert)
        if not certs:
            return outcome
        issued_at = timezone.now()
        serials = next_serials(certs[0].academy_code, timezone.localtime(issued_at).year, len(certs))
        for cert, serial in zip(certs, serials, strict=True):
            cert.issued_at, cert.issued_by, cert.serial = issued_at, issued_by, serial
        unused = []  # (certificate whose serial goes unused, the valid one held instead or None)
        if not locked:
            meanwhile = _valid_certificates(source_kind, source_id, [cert.user_id for cert in certs])
            for cert in certs:
                if cert.user_id in meanwhile:
                    outcome[cert.user_id] = (meanwhile[cert.user_id], False)
                    unused.append((cert, meanwhile[cert.user_id]))
            certs = [cert for cert in certs if cert.user_id not in meanwhile]
        rendered = []
        for cert in certs:
            try:
                _render_and_store(cert, context)
                rendered.append(cert)
            except Exception as error:  # noqa: BLE001 - a failed render fails only this person
                logger.exception("certificate for user %s could not be rendered", cert.user_id)
                outcome[cert.user_id] = error
                unused.append((cert, None))
        lost = []
        try:
            with transaction.atomic():
                for cert in rendered:
                    try:
                        _insert(cert)
                    except IntegrityError:  # someone else issued this person's certificate meanwhile
                        lost.append(cert)
                        continue
                    record(
                        cert,
                        ACTION_ISSUED,
                        issued_by,
                        serial=cert.serial,
                        recipient=cert.recipient_name,
                        title=cert.title,
                    )
                    outcome[cert.user_id] = (cert, True)
                    issued.append(cert)
        except Exception:
            # Nothing of the group was written: its PDFs go too.
            for cert in rendered:
                cert.pdf.delete(save=False)
            raise
        if lost:
            winners = _valid_certificates(source_kind, source_id, [cert.user_id for cert in lost])
            for cert in lost:
                winner = winners.get(cert.user_id)
                outcome[cert.user_id] = (winner, False) if winner else IntegrityError("no valid certificate found")
                unused.append((cert, winner))
        # The highest first, so that a run of unused numbers at the counter's end is given back whole.
        for cert, held in sorted(unused, key=lambda pair: pair[0].serial, reverse=True):
            try:
                _release_serial(cert, held, issued_by)
            except Exception:  # the certificates stand: a skip that could not be recorded is logged
                logger.exception("serial %s: could not give it back or record the skip", cert.serial)
    for cert in issued:
        if notify:
            transaction.on_commit(lambda cert=cert: notify_recipient(cert))
        transaction.on_commit(
            lambda cert=cert: certificate_issued.send(sender=Certificate, certificate=cert, replaces=None), robust=True
        )
    return outcome


def issue_completion(details, *, issued_by=None):
    """Issue the completion certificate described by courses.services.completion_details()."""
    module = details["module"]
    context = IssueContext.build(Kind.COMPLETION, details.get("academy"))
    return issue_certificate(
        details["user"],
        SourceKind.MODULE,
        module.pk,
        completion_snapshot(details),
        context=context,
        issued_by=issued_by,
    )


def issue_attendance(event_page, event, participant, *, context, issued_by=None, holders_checked=False):
    return issue_certificate(
        participant["user"],
        SourceKind.COLLOQUIUM,
        event_page.pk,
        attendance_snapshot(event, participant),
        context=context,
        issued_by=issued_by,
        holders_checked=holders_checked,
    )


def holders(source_kind, source_id, user_ids):
    """Which of `user_ids` hold a valid certificate for this source: one query for a whole batch."""
    return set(
        Certificate.objects.filter(
            source_kind=source_kind, source_id=source_id, status="valid", user_id__in=user_ids
        ).values_list("user_id", flat=True)
    )


def notify_recipient(cert):
    user = cert.user
    if user is None or not user.email or not user.is_active:
        return
    with translation.override(language_of(user)):
        body = render_to_string(
            "certificates/email/issued.txt",
            {
                "cert": cert,
                "user": user,
                "mine_url": absolute_url(reverse("certificates:mine")),
            },
        )
        title = cert.title_hi if translation.get_language() == "hi" and cert.title_hi else cert.title
        subject = gettext("Your certificate is ready: %(title)s") % {"title": title}
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:  # noqa: BLE001 - the certificate stands; a failed email is logged, not fatal
        logger.exception("could not email certificate %s", cert.serial)


# --- Revoke and re-issue -------------------------------------------------------------------------


class CertificateStateError(ValueError):
    pass


@transaction.atomic
def revoke(cert, *, reason, by):
    reason = (reason or "").strip()
    if not reason:
        raise CertificateStateError(gettext("Give the reason for revoking."))
    cert = Certificate.objects.select_for_update().get(pk=cert.pk)
    if cert.status != Certificate.VALID:
        raise CertificateStateError(
            gettext("Certificate %(serial)s is already %(status)s.")
            % {"serial": cert.serial, "status": cert.get_status_display().lower()}
        )
    cert.status = Certificate.REVOKED
    cert.revoked_reason = reason
    cert.revoked_at = timezone.now()
    cert.revoked_by = by
    cert.save(update_fields=["status", "revoked_reason", "revoked_at", "revoked_by"])
    record(cert, ACTION_REVOKED, by, serial=cert.serial, reason=reason)
    return cert


def reissue(cert, *, by, reason, name=None, name_devanagari=None, language=None):
    """Issue a corrected copy (new serial, the profile's current details) and mark `cert` superseded.

    `name`/`name_devanagari` override the profile (e.g. a registrar typing the corrected
    spelling); otherwise the recipient's current profile is used. `language` changes the
    language(s) printed; by default the copy keeps the old certificate's.
    """
    reason = (reason or "").strip()
    if not reason:
        raise CertificateStateError(gettext("Give the reason for re-issuing, e.g. the name correction made."))
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=cert.pk)
        if old.status != Certificate.VALID:
            raise CertificateStateError(
                gettext("Only a valid certificate can be re-issued; %(serial)s is %(status)s.")
                % {"serial": old.serial, "status": old.get_status_display().lower()}
            )
        if old.user is None:
            raise CertificateStateError(
                gettext("The recipient's account was deleted; this certificate cannot be re-issued.")
            )
        context = IssueContext.build(old.kind, old.academy)
        snapshot = {
            "title": old.title,
            "programme": old.programme,
            "venue": old.venue,
            "start_date": old.start_date,
            "end_date": old.end_date,
            "hours": old.hours,
            "score": old.score,
        }
        new = _build(
            context,
            old.user,
            snapshot,
            name=name,
            name_devanagari=name_devanagari,
            language=language or old.language,
            source_id=old.source_id,
        )
        new.source_kind, new.source_id = old.source_kind, old.source_id
        new.reissue_reason = reason
        # The old one stops being "valid" first, so the one-valid constraint holds throughout.
        Certificate.objects.filter(pk=old.pk).update(
            status=Certificate.REVOKED, revoked_reason=reason, revoked_at=timezone.now(), revoked_by=by
        )
        # Inside this transaction the serial counter stays locked until commit; re-issues are rare.
        _stamp(new, by)
        _render_and_store(new, context)
        _insert(new)
        Certificate.objects.filter(pk=old.pk).update(
            status=Certificate.SUPERSEDED, superseded_by=new, revoked_reason="", revoked_at=None, revoked_by=None
        )
        old.refresh_from_db()
        record(old, ACTION_REISSUED, by, serial=old.serial, new_serial=new.serial, reason=reason)
        record(new, ACTION_ISSUED, by, serial=new.serial, replaces=old.serial, reason=reason)
    transaction.on_commit(lambda: notify_recipient(new))
    transaction.on_commit(
        lambda: certificate_issued.send(sender=Certificate, certificate=new, replaces=cert), robust=True
    )
    return new


# --- When an event's certificates may be issued ----------------------------------------------------


class BatchRefused(CertificateStateError):
    """Certificates for an event that has not ended, asked for without a written reason."""


def batch_refusal(event_page, now=None):
    """Why attendance certificates for `event_page` cannot be issued yet ("" when they can).

    Attendance is complete only once the last counted session has ended (colloquia decides
    when that is); a registrar may still issue earlier with a written reason (see tasks.start_batch).
    """
    if event_has_ended(event_page, now):
        return ""
    return gettext("Certificates for “%(title)s” can be issued once its last counted session ends, at %(moment)s.") % {
        "title": event_page.title,
        "moment": format_moment(event_ends_at(event_page)),
    }


# --- Reading --------------------------------------------------------------------------------------


def certificates_of(user):
    return Certificate.objects.filter(user=user).select_related("superseded_by").order_by("-issued_at")


def transcript_data(user):
    valid = Certificate.objects.filter(user=user, status=Certificate.VALID).order_by("start_date", "serial")
    total = valid.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    return list(valid), total


def export_personal_data(user):
    """For the personal-data download (the colloquium_personal_data hook): the certificates held by `user`."""
    return {
        "certificates": [
            {
                "serial": cert.serial,
                "kind": cert.kind,
                "status": cert.status,
                "title": cert.title,
                "recipient_name": cert.recipient_name,
                "recipient_name_devanagari": cert.recipient_name_devanagari,
                "language": cert.language,
                "title_hi": cert.title_hi,
                "designation": cert.designation,
                "court_or_office": cert.court_or_office,
                "academy": cert.academy_name,
                "start_date": cert.start_date.isoformat(),
                "end_date": cert.end_date.isoformat(),
                "hours": str(cert.hours),
                "score": cert.score,
                "issued_at": cert.issued_at.isoformat(),
                "verify_url": cert.verify_url,
                "pdf_sha256": cert.pdf_sha256,
            }
            for cert in certificates_of(user)
        ]
    }


def verification_tag(code):
    """The page-cache tag of a certificate's public verification page (core.cache.depends_on)."""
    return f"certificate:{code}"


def issued_rows(*, year=None, state_code=None):
    """For the national statistics page: valid certificates counted by the recipient's State/UT at
    issue ("" when not given), the year of issue and the source (event or module). One query; no
    row names a person. A revoked or superseded certificate is not counted (its re-issue is)."""
    certificates = Certificate.objects.filter(status=Certificate.VALID)
    if year is not None:
        certificates = certificates.filter(issued_at__year=year)
    if state_code:
        certificates = certificates.filter(state__code=state_code)
    rows = (
        certificates.order_by()
        .annotate(year=ExtractYear("issued_at"))
        .values("state__code", "state__name", "year", "source_kind")
        .annotate(issued=Count("pk"))
    )
    return [
        {
            "state": row["state__code"] or "",
            "state_name": row["state__name"] or "",
            "year": row["year"],
            "source": row["source_kind"],
            "issued": row["issued"],
        }
        for row in rows
    ]
