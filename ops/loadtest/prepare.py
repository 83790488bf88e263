"""The data `make loadtest` and `ops/loadtest/faults.py` drive the stack with, made idempotently.

Run on the stack's database with its environment (ops/loadtest/run.py does this):

    .venv/bin/python ops/stack.py manage shell --no-imports -c \
        "import runpy; runpy.run_path('ops/loadtest/prepare.py', run_name='__main__')"

It makes, or brings back to their starting state when they exist:

- LEARNERS learner accounts (load-learner-N@load.test), each enrolled in a demo module, with no
  lesson marked complete and no quiz attempt, so every run starts alike;
- the check-in event: a colloquium of a demo academy with one session today whose attendance is
  open, 300 approved registrations with their tickets and no attendance yet (each run's burst
  checks them all in again), and DESKS registrar accounts of that academy with TOTP set up;
- with `--batch`, the batch event for the fault scenarios: a colloquium that ended yesterday with
  BATCH_SIZE approved participants who attended every counted session, and no certificate.

What the load needs to know (accounts, ticket numbers, addresses) is written to
.stack/loadtest/accounts.json. The accounts exist only on the local stack: the script refuses to
run against any site but https://localhost.
"""

import functools
import json
import os
import sys
from datetime import date, time, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from academies.services import REGISTRAR, add_staff
from accounts.models import User
from accounts.roles import Role, RoleStatus
from certificates.models import Certificate, IssueBatch, SourceKind
from checkin.services import ensure_tickets
from colloquia.models import AgendaDay, CategoryPlaces, ColloquiumIndexPage, ColloquiumPage
from colloquia.records import AgendaSession, Attendance, Registration
from courses.models import Attempt, CoursePage, Enrolment, LessonProgress
from courses.services.enrolment import enrol

ROOT = Path(settings.BASE_DIR)
OUT = Path(os.environ.get("STACK_DIR", ROOT / ".stack")) / "loadtest"
LEARNERS = int(os.environ.get("LOADTEST_LEARNERS", "40"))
PARTICIPANTS = 300  # the issue's burst: 300 QR check-ins in 60 seconds
DESKS = int(os.environ.get("LOADTEST_DESKS", "10"))
BATCH_SIZE = int(os.environ.get("LOADTEST_BATCH_SIZE", "500"))
PASSWORD = "load-test-password-7Qm3"  # noqa: S105 - accounts of the local stack only (see the guard below)
TOTP_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"  # noqa: S105 - base32, the desks' authenticator
MODULE_SLUG = "the-bnss-changes-a-trafficking-trial-turns-on"
CHECKIN_SLUG = "load-test-check-in-colloquium"
BATCH_SLUG = "load-test-certificate-batch-colloquium"


def refuse_unless_local_stack():
    if settings.SITE_URL.rstrip("/") not in ("https://localhost", "http://localhost", "https://127.0.0.1"):
        sys.exit(f"prepare: SITE_URL is {settings.SITE_URL}; load-test accounts are made on the local stack only")


@functools.cache
def password_hash():
    return make_password(PASSWORD)


def person(email, full_name, *, role=Role.JUDICIAL_OFFICER, designation="Civil Judge"):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=None,
            full_name=full_name,
            role=role,
            role_status=RoleStatus.VERIFIED,
            designation=designation,
            court_or_office="Load test",
        )
        # One hash for every account: the production hasher takes a fifth of a second per hash.
        User.objects.filter(pk=user.pk).update(password=password_hash())
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def learners(module):
    emails = []
    for number in range(1, LEARNERS + 1):
        user = person(f"load-learner-{number}@load.test", f"Load Learner {number}")
        enrolment, _ = enrol(user, module, check=False)
        # Each run starts alike: no lesson complete, no attempt (the quiz allows max_attempts).
        LessonProgress.objects.filter(enrolment=enrolment).delete()
        Attempt.objects.filter(enrolment=enrolment).delete()
        Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=None)
        emails.append(user.email)
    return emails


def event(slug, title, academy_index, first_day, session_start, session_end):
    """A two-day-less, one-session colloquium of the academy whose index is `academy_index`."""
    page = ColloquiumPage.objects.filter(slug=slug).first()
    if page is None:
        page = ColloquiumPage(
            title=title,
            slug=slug,
            kind="judicial_colloquium",
            venue="Academy auditorium",
            start_date=first_day,
            end_date=first_day,
            introduction="<p>An event made by ops/loadtest/prepare.py for the load and fault runs.</p>",
            registration_mode="approval",
            registration_open=False,
        )
        academy_index.add_child(instance=page)
        page.save_revision().publish()
        CategoryPlaces.objects.create(page=page, category="district_judge", places=None, sort_order=0)
    ColloquiumPage.objects.filter(pk=page.pk).update(start_date=first_day, end_date=first_day)
    page.refresh_from_db()
    AgendaDay.objects.update_or_create(page=page, sort_order=0, defaults={"date": first_day, "title": "Day 1"})
    session, _ = AgendaSession.objects.update_or_create(
        page=page,
        sort_order=0,
        defaults={
            "kind": "technical",
            "title": "Technical session: the BNSS in a trafficking trial",
            "date": first_day,
            "start_time": session_start,
            "end_time": session_end,
            "room": "Hall A",
            "counts_for_attendance": True,
        },
    )
    return page, session


def participants(page, count, prefix):
    """`count` approved registrations of `page` by load-test officers; their registrations, by pk."""
    existing = {r.user_id: r for r in Registration.objects.filter(page=page)}
    made = []
    for number in range(1, count + 1):
        user = person(f"{prefix}-{number}@load.test", f"Load Officer {number} ({prefix})")
        if user.pk not in existing:
            made.append(
                Registration(
                    page=page,
                    user=user,
                    email=user.email,
                    name=user.full_name,
                    designation="Civil Judge",
                    category="district_judge",
                    status="approved",
                )
            )
    Registration.objects.bulk_create(made)
    return list(Registration.objects.filter(page=page, status="approved").order_by("pk"))


def desks(page):
    emails = []
    for number in range(1, DESKS + 1):
        user = person(
            f"load-registrar-{number}@load.test",
            f"Load Registrar {number}",
            role=Role.ACADEMY_STAFF,
            designation="Registrar",
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, TOTP_SECRET)
        add_staff(page.academy, user, REGISTRAR)
        emails.append(user.email)
    return emails


def check_in_event(index):
    today = timezone.localdate()
    # Attendance open all day: the burst may run at any hour the load test is started.
    page, session = event(CHECKIN_SLUG, "Load test: check-in colloquium", index, today, time(0, 5), time(23, 55))
    registrations = participants(page, PARTICIPANTS, "load-officer")
    Attendance.objects.filter(session__page=page).delete()
    tickets = ensure_tickets(registrations)
    return page, session, [tickets[r.pk].number for r in registrations]


def batch_event(index):
    yesterday = timezone.localdate() - timedelta(days=1)
    page, session = event(BATCH_SLUG, "Load test: certificate batch colloquium", index, yesterday, time(10), time(13))
    registrations = participants(page, BATCH_SIZE, "load-batch")
    present = {a.registration_id for a in Attendance.objects.filter(session=session, status="present")}
    Attendance.objects.bulk_create(
        [
            Attendance(registration=r, session=session, status="present", method="registrar")
            for r in registrations
            if r.pk not in present
        ]
    )
    # Each fault run issues the whole batch afresh: no certificate and no batch for the event yet.
    Certificate.objects.filter(source_kind=SourceKind.COLLOQUIUM, source_id=page.pk).delete()
    IssueBatch.objects.filter(colloquium_id=page.pk).delete()
    return page


def main(argv):
    refuse_unless_local_stack()
    OUT.mkdir(parents=True, exist_ok=True)
    module = CoursePage.objects.live().get(slug=MODULE_SLUG)
    index = ColloquiumIndexPage.objects.filter(url_path__endswith="/academies/jsja/colloquia/").first()
    with transaction.atomic():
        page, session, tickets = check_in_event(index)
        described = {
            "password": PASSWORD,
            "totp_secret": TOTP_SECRET,
            "learners": learners(module),
            "module": {
                "id": module.pk,
                "url": module.url,
                "lessons": [{"id": lesson.pk, "url": lesson.url} for lesson in module.get_children().live().specific()],
            },
            "check_in": {
                "event_id": page.pk,
                "event_url": page.url,
                "session_id": session.pk,
                "registrars": desks(page),
                "tickets": tickets,
            },
            # Not the batch event's: every fault run deletes and issues those again.
            "verification_codes": list(
                Certificate.objects.filter(status=Certificate.VALID)
                .exclude(source_id__in=ColloquiumPage.objects.filter(slug=BATCH_SLUG).values("pk"))
                .values_list("verification_code", flat=True)[:20]
            ),
        }
        if "--batch" in argv:
            batch = batch_event(index)
            described["batch"] = {"event_id": batch.pk, "event_url": batch.url, "size": BATCH_SIZE}
    (OUT / "accounts.json").write_text(json.dumps(described, indent=2) + "\n")
    print(json.dumps({"learners": len(described["learners"]), "tickets": len(tickets), "date": str(date.today())}))


if __name__ == "__main__":
    main(sys.argv[1:])
