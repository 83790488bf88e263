"""Build the benchmark data sets, each in its own SQLite file under bench/data/.

    python bench/build_data.py                  # build the national set unless the cached file matches
    python bench/build_data.py --set small      # the small set (bench/data/small.sqlite3)
    python bench/build_data.py --set all --force

Two sets, made by the same builder from the same seed, differ only in their sizes (SIZES):
- national (bench.sqlite3): the demo content (demo/content/, by demo.loaders), then an academy
  per High Court, 50,000 users, 60 modules x 6 lessons with question banks, enrolments with
  500,000 lesson-progress rows, 300 colloquia with two-day agendas (60 upcoming and open for
  registration) and 100,000 attendance records, 3,000 moderated resources, 20,000 certificates;
- small (small.sqlite3): a demo-sized site, 44 colloquia, 16 modules (the demo's among them),
  150 resources: enough that each listing `make bench` compares shows a full page on it too.
  `make bench` measures each listing on both: a listing that shows one page must not get
  slower with the items it does not show.
Both hold the benchmark judge (a learner), registrars with two-factor authentication set up,
an event whose participants are issued certificates in bulk, and an event with its
registrations and no attendance yet, for the registrar's screens. Pages go through treebeard's
add_child (a few hundred); learner rows go through bulk_create. Parts whose app is not
installed are skipped, so the sets grow as the apps land.

The calendar is laid out around the day of the build (events in the past and upcoming), so a
set is rebuilt when it is older than MAX_AGE_DAYS. Otherwise a built file is cached under a key
made from every migration file, the builder's code and the set's name and sizes: a rerun with
the same key reuses it, so `make bench` spends its time measuring, not building. A set is built
into a new file and moved into place only when complete, after core.sqlite.prepare_sqlite (WAL,
ANALYZE), and only once no other process has the old file open.
"""

import argparse
import fcntl
import hashlib
import inspect
import json
import math
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
DB_PATH = DATA_DIR / "bench.sqlite3"
KEY_PATH = DATA_DIR / "bench.key"
SMALL_DB_PATH = DATA_DIR / "small.sqlite3"
SEED = 2026
PASSWORD = "Bench-Password-2026"  # noqa: S105 - benchmark data on loopback only
# The bench registrars' TOTP secret (base32), so bench/run.py can sign them in through the real
# two-factor step with the current code. Benchmark data on loopback only.
REGISTRAR_TOTP_SECRET = "KNSWE4TFORQXE6JAMJSW4Y3IEAZDAMRW"  # noqa: S105
MAX_AGE_DAYS = 28

SIZES = {
    "users": 50_000,
    "modules": 60,
    "lessons_per_module": 6,
    "questions_per_module": 12,
    "lesson_progress": 500_000,
    "colloquia": 300,
    "upcoming_colloquia": 60,
    "attendance": 100_000,
    "certificates": 20_000,
    "resources": 3_000,
    "organisations": 60,
    "judge_enrolments": 20,
    "issue_participants": 500,
    "registrar_participants": 500,
    "registrars": 8,  # one per connection of `make bench`: each checks people in with a session of their own
}
# Every paginated listing `make bench` compares across the two sets shows a full page on both (bench/pages.py
# checks it before measuring), so the growth table compares equal work on the page, not a shorter one.
SMALL_SIZES = {
    **SIZES,
    "users": 2_000,
    "modules": 16,  # totals, the demo content's included: more than a page of the catalogue (12)
    "lesson_progress": 5_000,
    "colloquia": 44,  # past ones: more than a page of the archive (12)
    "upcoming_colloquia": 24,  # two full pages of the index (core.pagination), as nationally
    "attendance": 2_000,
    "certificates": 200,
    # The most common topic fills a page of the library (20): each resource has two topics of 13.
    "resources": 150,
    "organisations": 6,
    "judge_enrolments": 6,
    "issue_participants": 50,
    "registrar_participants": 50,
}
# Each set: its database, the folder of its files (MEDIA_ROOT is <files>/media and the private
# files <files>/private, beside it, as resources.storage puts them) and its cache key.
DATA_SETS = {
    "national": {"path": DB_PATH, "files": DATA_DIR, "key": KEY_PATH, "sizes": SIZES},
    "small": {"path": SMALL_DB_PATH, "files": DATA_DIR / "small", "key": DATA_DIR / "small.key", "sizes": SMALL_SIZES},
}
JUDGE_EMAIL = "judge@bench.test"
REGISTRAR_EMAIL = "registrar-{number}@bench.test"
ISSUE_SLUG = "bench-bulk-issue-colloquium"
REGISTRAR_SLUG = "bench-registrar-colloquium"


def bench_environment(extra=None):
    """Environment for every bench process: production settings with embedded defaults, on the bench DB."""
    env = {
        "DJANGO_SETTINGS_MODULE": "colloquium_site.settings.production",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", "bench-only-" + "k" * 60),
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DB_PATH}"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": "http://127.0.0.1",
        "MEDIA_ROOT": str(DATA_DIR / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "STAFF_MFA_REQUIRED": "1",
    }
    env.update(extra or {})
    return env


def set_environment(name, database=None):
    """DATABASE_URL and MEDIA_ROOT for serving data set `name` (from `database`, a copy, if given)."""
    spec = DATA_SETS[name]
    return {
        "DATABASE_URL": f"sqlite:///{database or spec['path']}",
        "MEDIA_ROOT": str(spec["files"] / "media"),
    }


def data_key(name="national"):
    """The cache key of a set: every migration, the builder's code, the set's name and sizes.

    Only what decides the data: a change to how sets are cached, copied or served reuses them.
    """
    constants = [SEED, PASSWORD, REGISTRAR_TOTP_SECRET, JUDGE_EMAIL, REGISTRAR_EMAIL, ISSUE_SLUG, REGISTRAR_SLUG]
    digest = hashlib.sha256(json.dumps([name, DATA_SETS[name]["sizes"], constants, MAX_AGE_DAYS]).encode())
    digest.update(inspect.getsource(Builder).encode())
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def is_current(name, today=None):
    """Whether set `name` is built, from the current key, and young enough for its calendar."""
    spec = DATA_SETS[name]
    if not spec["path"].exists() or not spec["key"].exists():
        return False
    try:
        stored = json.loads(spec["key"].read_text())
        built = date.fromisoformat(stored["built"])
    except (ValueError, KeyError, TypeError):
        return False
    age = ((today or date.today()) - built).days
    # The builder dates the set in Django's TIME_ZONE (django.setup() sets the process's time zone),
    # which may be a day ahead of the process asking: a set built "tomorrow" is a set built today.
    return stored.get("key") == data_key(name) and -1 <= age <= MAX_AGE_DAYS


def setup_django(extra=None):
    for name, value in bench_environment(extra).items():
        os.environ[name] = value
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Builder:
    def __init__(self, sizes=SIZES, out=sys.stdout):
        self.sizes = sizes
        self.rng = random.Random(SEED)
        self.out = out
        self.counts = {}
        self.now = None

    def log(self, message):
        self.out.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
        self.out.flush()

    # --- helpers -------------------------------------------------------------------------------

    @staticmethod
    def installed(app):
        from django.apps import apps

        return apps.is_installed(app)

    def bulk(self, model, rows, batch_size=5000):
        from django.db import transaction

        created = []
        with transaction.atomic():
            for start in range(0, len(rows), batch_size):
                created += model.objects.bulk_create(rows[start : start + batch_size], batch_size=batch_size)
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + len(rows)
        return created

    def add_page(self, parent, page):
        page.first_published_at = page.last_published_at = self.now
        parent.add_child(instance=page)
        return page

    # --- steps ---------------------------------------------------------------------------------

    def demo_content(self):
        from django.db import transaction

        # The loaders are plain modules: production settings leave the demo app out of
        # INSTALLED_APPS, and the bench data set needs only its content.
        from demo.loaders import LOADERS

        for name, _read, load in LOADERS:
            try:
                with transaction.atomic():
                    created = load(self.out)
                self.log(f"demo {name}: {created} created")
            except Exception as error:  # a feature app mid-development must not stop the benchmark
                self.log(f"demo {name} FAILED, skipped: {error!r}")

    def academies(self):
        from academies.models import Academy
        from regions.models import HighCourt

        taken = set(Academy.objects.exclude(high_court=None).values_list("high_court_id", flat=True))
        for court in HighCourt.objects.exclude(pk__in=taken).order_by("code"):
            code = f"SJA{court.code}"[:10].upper()
            academy = Academy.objects.create(
                name=f"State Judicial Academy ({court.name})"[:160],
                short_code=code if code[0].isalpha() else f"S{code}"[:10],
                high_court=court,
                address="Bench data",
            )
            academy.states.set(court.states.all())
        self.academies_list = list(Academy.objects.select_related("page").order_by("pk"))
        self.log(f"academies: {len(self.academies_list)}")

    def users(self):
        from django.contrib.auth.hashers import make_password

        from accounts.models import User
        from accounts.roles import Role, RoleStatus
        from regions.models import HighCourt, State

        password = make_password(PASSWORD)
        states = list(State.objects.order_by("code"))
        courts = list(HighCourt.objects.order_by("code"))
        roles = [Role.DISTRICT_JUDGE, Role.JUDICIAL_OFFICER, Role.PROSECUTOR, Role.POLICE, Role.HIGH_COURT_JUDGE]
        weights = [30, 30, 20, 15, 5]
        rows = [
            User(
                email=JUDGE_EMAIL,
                password=password,
                full_name="Smt. Bench Judge",
                role=Role.DISTRICT_JUDGE,
                role_status=RoleStatus.VERIFIED,
                designation="District and Sessions Judge",
                court_or_office="Civil Court, Ranchi",
                district="Ranchi",
                state=State.objects.get(code="JH"),
                high_court=HighCourt.objects.filter(code="JHHC").first(),
            )
        ]
        for n in range(1, self.sizes["users"]):
            role = self.rng.choices(roles, weights)[0]
            rows.append(
                User(
                    email=f"user{n:05d}@bench.test",
                    password=password,
                    full_name=f"Bench Officer {n:05d}",
                    role=role,
                    role_status=RoleStatus.VERIFIED if n % 10 else RoleStatus.PENDING,
                    designation="Officer",
                    court_or_office=f"Court {n % 700}",
                    district=f"District {n % 700}",
                    state=self.rng.choice(states),
                    high_court=self.rng.choice(courts),
                )
            )
        self.bulk(User, rows)
        self.user_ids = list(
            User.objects.filter(email__endswith="@bench.test").order_by("pk").values_list("pk", flat=True)
        )
        self.judge_id = User.objects.get(email=JUDGE_EMAIL).pk
        self.log(f"users: {len(self.user_ids)}")

    def modules(self):
        from wagtail.models import Site

        from courses.models import CourseIndexPage, CoursePage, LessonPage, Question

        home = Site.objects.get(is_default_site=True).root_page
        national = CourseIndexPage.objects.child_of(home).first()
        if national is None:
            national = self.add_page(
                home, CourseIndexPage(title="Training modules", slug="modules", show_in_menus=True)
            )
        existing = CoursePage.objects.count()
        indexes = [national]
        for academy in self.academies_list[:12]:
            if academy.page_id is None:
                continue
            index = CourseIndexPage.objects.child_of(academy.page).first()
            if index is None:
                index = self.add_page(
                    academy.page, CourseIndexPage(title=f"{academy.short_code} training modules", slug="modules")
                )
            indexes.append(index)
        roles = ["district_judge", "judicial_officer", "prosecutor", "high_court_judge", "police"]
        questions = []
        for n in range(existing, self.sizes["modules"]):
            index = indexes[n % len(indexes)]
            module = self.add_page(
                index,
                CoursePage(
                    title=f"Module {n + 1}: trafficking law in practice, part {n + 1}",
                    slug=f"bench-module-{n + 1}",
                    summary="How the Bharatiya Nyaya Sanhita treats trafficking, and what a trial court must do.",
                    outcomes="Identify the ingredients of the offence\nApply the victim-protection provisions",
                    audience=self.rng.sample(roles, 2) if n % 3 else [],
                    edition="2026",
                    pass_mark=70,
                    max_attempts=3,
                    questions_drawn=8,
                    featured=n % 10 == 0,
                ),
            )
            for q in range(self.sizes["questions_per_module"]):
                questions.append(
                    Question(
                        module=module,
                        sort_order=q,
                        kind=Question.SINGLE,
                        text=f"Question {q + 1} on module {n + 1}: which provision applies?",
                        options=[
                            ("option", {"text": "Section 143 BNS", "correct": True}),
                            ("option", {"text": "Section 370 IPC only", "correct": False}),
                            ("option", {"text": "Neither", "correct": False}),
                        ],
                        feedback="Section 143 BNS replaced section 370 IPC from 1 July 2024.",
                        basis="BNS 143",
                    )
                )
            for lesson_number in range(self.sizes["lessons_per_module"]):
                self.add_page(
                    module,
                    LessonPage(
                        title=f"Lesson {lesson_number + 1}",
                        slug=f"lesson-{lesson_number + 1}",
                        body=[
                            ("heading", {"text": "What the law says", "level": "h2"}),
                            (
                                "paragraph",
                                "<p>" + "The offence has three elements: the act, the means and the "
                                "purpose of exploitation. " * 8 + "</p>",
                            ),
                            (
                                "statute",
                                {
                                    "act": "BNS",
                                    "section": "143",
                                    "old_act": "IPC",
                                    "old_section": "370",
                                    "summary": "Trafficking of persons.",
                                },
                            ),
                            (
                                "case",
                                {
                                    "name": "Vishal Jeet v. Union of India",
                                    "citation": "(1990) 3 SCC 318",
                                    "year": 1990,
                                    "holding": "Directions to act against forced prostitution.",
                                },
                            ),
                            ("paragraph", "<p>" + "Consent of the victim is immaterial. " * 10 + "</p>"),
                        ],
                    ),
                )
        self.bulk(Question, questions)
        self.module_ids = list(CoursePage.objects.live().order_by("pk").values_list("pk", flat=True))
        self.lessons = {}
        for lesson in LessonPage.objects.live().order_by("path").only("pk", "path"):
            parent_path = lesson.path[: -LessonPage.steplen]
            self.lessons.setdefault(parent_path, []).append(lesson.pk)
        self.module_lessons = {
            m.pk: self.lessons.get(m.path, []) for m in CoursePage.objects.filter(pk__in=self.module_ids)
        }
        self.log(f"modules: {len(self.module_ids)}; lessons: {sum(len(v) for v in self.module_lessons.values())}")

    def learning(self):
        from courses.models import Enrolment, LessonProgress

        target = self.sizes["lesson_progress"]
        taken = set(Enrolment.objects.values_list("user_id", "module_id"))
        modules_with_lessons = [m for m in self.module_ids if self.module_lessons.get(m)]
        # The benchmark judge: 20 enrolments, some finished, some half-way.
        plan = []
        for number, module_id in enumerate(
            self.rng.sample(modules_with_lessons, min(self.sizes["judge_enrolments"], len(modules_with_lessons)))
        ):
            lessons = self.module_lessons[module_id]
            plan.append((self.judge_id, module_id, lessons if number % 4 == 0 else lessons[: number % len(lessons)]))
        progress_rows = sum(len(done) for _, _, done in plan)
        learners = self.user_ids[1:]
        while progress_rows < target:
            user_id = self.rng.choice(learners)
            module_id = self.rng.choice(modules_with_lessons)
            if (user_id, module_id) in taken:
                continue
            taken.add((user_id, module_id))
            lessons = self.module_lessons[module_id]
            done = lessons[: min(self.rng.randint(1, len(lessons)), target - progress_rows)]
            plan.append((user_id, module_id, done))
            progress_rows += len(done)
        completed_at = self.now - timedelta(days=3)
        enrolments = self.bulk(
            Enrolment,
            [
                Enrolment(
                    user_id=u,
                    module_id=m,
                    source=Enrolment.SELF,
                    seconds_spent=600 * len(done),
                    last_seen_at=self.now,
                    completed_at=completed_at if len(done) == len(self.module_lessons[m]) else None,
                )
                for u, m, done in plan
            ],
            batch_size=10_000,
        )
        batch = []
        for enrolment, (_, _, done) in zip(enrolments, plan, strict=True):
            batch.extend(LessonProgress(enrolment_id=enrolment.pk, lesson_id=lesson_id) for lesson_id in done)
            if len(batch) >= 50_000:
                self.bulk(LessonProgress, batch, batch_size=10_000)
                batch = []
        self.bulk(LessonProgress, batch, batch_size=10_000)
        self.completed = [(e.user_id, e.module_id) for e in enrolments if e.completed_at][: self.sizes["certificates"]]
        self.log(f"enrolments: {len(enrolments)}; lesson progress: {progress_rows}")

    def colloquia(self):
        from django.utils import timezone
        from wagtail.models import Site

        from colloquia.models import (
            AgendaDay,
            AgendaRevision,
            AgendaSession,
            Attendance,
            CategoryPlaces,
            ColloquiumIndexPage,
            ColloquiumPage,
            Registration,
        )

        home = Site.objects.get(is_default_site=True).root_page
        if not ColloquiumIndexPage.objects.child_of(home).exists():
            self.add_page(home, ColloquiumIndexPage(title="Colloquia", slug="colloquia", show_in_menus=True))
        indexes = []
        for academy in self.academies_list:
            if academy.page_id is None:
                continue
            index = ColloquiumIndexPage.objects.child_of(academy.page).first()
            if index is None:
                index = self.add_page(academy.page, ColloquiumIndexPage(title="Colloquia", slug="colloquia"))
            indexes.append((academy, index))
        # The calendar around the build day: the plain events one a day before it (the latest
        # ended two days ago), and `upcoming_colloquia` of them one a day from a month ahead, open
        # for registration, so the split holds while the set is young enough to be reused
        # (MAX_AGE_DAYS). Then two events that are over: the bulk-issue one, whose participants
        # attended everything, and the registrar's, whose attendance is still to be taken.
        today = timezone.localdate(self.now)
        existing = ColloquiumPage.objects.count()
        plain = max(0, self.sizes["colloquia"] - existing - 2)
        upcoming = min(self.sizes["upcoming_colloquia"], plain)
        past = plain - upcoming
        plan = []
        for number in range(plain):
            if number < past:
                first_day = today - timedelta(days=2 + past - number)
            else:
                first_day = today + timedelta(days=MAX_AGE_DAYS + 2 + number - past)
            n = existing + number
            plan.append((n, f"Judicial colloquium on trafficking {n + 1}", f"bench-colloquium-{n + 1}", first_day))
        n = existing + plain
        plan.append((n, "Bench registrar's colloquium", REGISTRAR_SLUG, today - timedelta(days=7)))
        plan.append((n + 1, "Bench bulk-issue colloquium", ISSUE_SLUG, today - timedelta(days=30)))
        pages = []
        for n, title, slug, first_day in plan:
            academy, index = indexes[n % len(indexes)]
            page = self.add_page(
                index,
                ColloquiumPage(
                    title=title,
                    slug=slug,
                    kind="judicial_colloquium",
                    state=academy.states.first(),
                    venue=f"{academy.name}, auditorium",
                    start_date=first_day,
                    end_date=first_day + timedelta(days=1),
                    introduction="<p>A two-day colloquium under the MHA advisory of August 2022.</p>",
                    mha_supported=True,
                    amount_sanctioned=Decimal("150000"),
                    registration_mode="open",
                    registration_open=first_day > today,
                ),
            )
            pages.append(page)
        days, sessions, places, revisions = [], [], [], []
        slots = [
            ("registration", dtime(9, 0), dtime(9, 30), False),
            ("inaugural", dtime(9, 30), dtime(10, 30), True),
            ("technical", dtime(10, 45), dtime(12, 0), True),
            ("technical", dtime(12, 0), dtime(13, 0), True),
            ("break", dtime(13, 0), dtime(14, 0), False),
            ("panel", dtime(14, 0), dtime(15, 30), True),
            ("mock_trial", dtime(15, 45), dtime(17, 0), True),
            ("valedictory", dtime(17, 0), dtime(17, 30), True),
        ]
        people = [
            (
                "person",
                {
                    "role": "chair",
                    "name": "Hon'ble Justice (to be confirmed)",
                    "designation": "Judge",
                    "organisation": "High Court",
                },
            ),
            (
                "person",
                {
                    "role": "resource_person",
                    "name": "Director of Prosecution",
                    "designation": "",
                    "organisation": "State prosecution",
                },
            ),
        ]
        for page in pages:
            for day_number in range(2):
                day = page.start_date + timedelta(days=day_number)
                days.append(AgendaDay(page=page, date=day, title=f"Day {day_number + 1}", sort_order=day_number))
                for slot_number, (kind, begin, end, counts) in enumerate(slots):
                    sessions.append(
                        AgendaSession(
                            page=page,
                            sort_order=day_number * 10 + slot_number,
                            kind=kind,
                            title=f"{kind.replace('_', ' ').capitalize()} session {slot_number + 1}",
                            date=day,
                            start_time=begin,
                            end_time=end,
                            room="Hall A" if slot_number % 2 else "Hall B",
                            description="Trafficking law after 1 July 2024." if counts else "",
                            counts_for_attendance=counts,
                            people=people if counts else [],
                        )
                    )
            for order, category in enumerate(["district_judge", "prosecutor", "police"]):
                places.append(CategoryPlaces(page=page, category=category, places=None, sort_order=order))
            revisions.append(AgendaRevision(page=page, version=1, snapshot={}))
        self.bulk(AgendaDay, days)
        self.bulk(AgendaSession, sessions)
        self.bulk(CategoryPlaces, places)
        self.bulk(AgendaRevision, revisions)

        # Registrations and attendance: the bulk-issue event gets its participants, who attended
        # everything, and the registrar's event its own, with no attendance yet; the other events
        # that are over share the rest of the attendance records, and upcoming events get as many
        # registrations each.
        counted = {}
        for session_id, page_id in AgendaSession.objects.filter(counts_for_attendance=True).values_list(
            "id", "page_id"
        ):
            counted.setdefault(page_id, []).append(session_id)
        issue_page = ColloquiumPage.objects.get(slug=ISSUE_SLUG)
        registrar_page = ColloquiumPage.objects.get(slug=REGISTRAR_SLUG)
        other_pages = [
            p
            for p in ColloquiumPage.objects.exclude(pk__in=[issue_page.pk, registrar_page.pk]).order_by("pk")
            if counted.get(p.pk)
        ]
        over = {p.pk for p in other_pages if p.end_date < today} | {issue_page.pk}
        users = self.user_ids[1:]
        issue_count, registrar_count = self.sizes["issue_participants"], self.sizes["registrar_participants"]
        budget = self.sizes["attendance"] - issue_count * len(counted[issue_page.pk])
        sessions_each = max(1, len(counted[other_pages[0].pk]))
        per_page = math.ceil(budget / max(1, len(over) - 1) / sessions_each)
        registrations = [(issue_page.pk, user_id) for user_id in users[:issue_count]]
        registrations += [
            (registrar_page.pk, user_id) for user_id in users[issue_count : issue_count + registrar_count]
        ]
        for page in other_pages:
            for user_id in self.rng.sample(users, per_page):
                registrations.append((page.pk, user_id))
        created = self.bulk(
            Registration,
            [
                Registration(
                    page_id=page_id,
                    user_id=user_id,
                    email=f"r{user_id}@bench.test",
                    name=f"Bench Officer {user_id}",
                    category="district_judge",
                    status="approved",
                )
                for page_id, user_id in registrations
            ],
        )
        attendance, target = [], self.sizes["attendance"]
        for registration in created:
            if registration.page_id not in over:
                continue
            for session_id in counted[registration.page_id]:
                if len(attendance) >= target:
                    break
                attendance.append(
                    Attendance(
                        registration_id=registration.pk, session_id=session_id, status="present", method="registrar"
                    )
                )
        self.bulk(Attendance, attendance, batch_size=10_000)
        self.registrar_academy = registrar_page.academy
        self.log(f"colloquia: {len(pages)} new; registrations {len(created)}; attendance {len(attendance)}")

    def registrars(self):
        """The registrars of the registrar's event: verified e-mail addresses and TOTP, as staff must have."""
        from allauth.account.models import EmailAddress
        from allauth.mfa.totp.internal.auth import TOTP

        from academies.services import REGISTRAR, add_staff
        from accounts.models import User
        from accounts.roles import Role, RoleStatus

        for number in range(1, self.sizes["registrars"] + 1):
            user = User.objects.create_user(
                email=REGISTRAR_EMAIL.format(number=number),
                password=PASSWORD,
                full_name=f"Shri Bench Registrar {number}",
                role=Role.ACADEMY_STAFF,
                role_status=RoleStatus.VERIFIED,
                designation="Registrar",
                court_or_office=self.registrar_academy.name[:200],
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            TOTP.activate(user, REGISTRAR_TOTP_SECRET)
            add_staff(self.registrar_academy, user, REGISTRAR)
        self.log(f"registrars: {self.sizes['registrars']} for {self.registrar_academy.short_code}")

    def resources(self):
        from wagtail.models import Site

        from regions.models import State
        from resources.models import (
            ModerationDecision,
            Organisation,
            Resource,
            ResourceIndexPage,
            ResourceVersion,
            Topic,
        )

        if not ResourceIndexPage.objects.exists():
            home = Site.objects.get(is_default_site=True).root_page
            self.add_page(home, ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True))
        states = list(State.objects.order_by("code"))
        topics = list(Topic.objects.all())
        organisations = self.bulk(
            Organisation,
            [
                Organisation(
                    name=f"Bench Anti-Trafficking Trust {n + 1}",
                    slug=f"bench-trust-{n + 1}",
                    state=self.rng.choice(states),
                    verified=True,
                    about="Works with survivors.",
                )
                for n in range(self.sizes["organisations"])
            ],
        )
        existing = Resource.objects.count()
        count = self.sizes["resources"] - existing
        resources = self.bulk(
            Resource,
            [
                Resource(organisation=self.rng.choice(organisations), published_at=self.now - timedelta(hours=n))
                for n in range(count)
            ],
        )
        types = ["guide", "report", "sop", "training", "judgment"]
        from resources.choices import Language, Licence, ResourceType

        type_values = list(ResourceType.values) or types
        versions = self.bulk(
            ResourceVersion,
            [
                ResourceVersion(
                    resource=resource,
                    number=1,
                    status="approved",
                    title=f"Handbook on victim identification, volume {n + 1}",
                    summary="How to identify and support a victim of trafficking at every stage of a trial.",
                    description="<p>A practical handbook for courts, prosecutors and police.</p>",
                    resource_type=type_values[n % len(type_values)],
                    language=Language.values[n % len(Language.values)],
                    licence=Licence.values[0],
                    author_source=resource.organisation.name,
                    decided_at=self.now,
                )
                for n, resource in enumerate(resources)
            ],
        )
        topic_links, state_links = [], []
        TopicLink = ResourceVersion.topics.through
        StateLink = ResourceVersion.states.through
        for version in versions:
            for topic in self.rng.sample(topics, min(len(topics), 2)):
                topic_links.append(TopicLink(resourceversion_id=version.pk, topic_id=topic.pk))
            for state in self.rng.sample(states, 2):
                state_links.append(StateLink(resourceversion_id=version.pk, state_id=state.pk))
        self.bulk(TopicLink, topic_links)
        self.bulk(StateLink, state_links)
        self.bulk(ModerationDecision, [ModerationDecision(version=v, decision="approve", note="") for v in versions])
        for resource, version in zip(resources, versions, strict=True):
            resource.live_version = resource.latest_version = version
        Resource.objects.bulk_update(resources, ["live_version", "latest_version"], batch_size=2000)
        self.log(f"resources: {len(resources)} new; organisations {len(organisations)}")

    def certificates(self):
        from accounts.models import User
        from certificates.models import Certificate, SerialCounter
        from courses.models import CoursePage

        modules = {m.pk: m for m in CoursePage.objects.filter(pk__in=self.module_ids)}
        academy_for = {}
        for module in modules.values():
            academy_for[module.pk] = next(
                (a for a in self.academies_list if a.page_id and module.path.startswith(a.page.path)), None
            )
        people = {
            u.pk: u
            for u in User.objects.filter(pk__in={u for u, _ in self.completed}).only("pk", "full_name", "state_id")
        }
        existing = Certificate.objects.count()
        rows = []
        counters = dict(SerialCounter.objects.filter(year=2026).values_list("code", "last"))
        for number, (user_id, module_id) in enumerate(self.completed[: self.sizes["certificates"] - existing]):
            module = modules[module_id]
            academy = academy_for[module_id]
            code = academy.short_code if academy else "COLQ"
            counters[code] = counters.get(code, 0) + 1
            person = people[user_id]
            rows.append(
                Certificate(
                    kind="completion",
                    serial=f"{code}-2026-{counters[code]:06d}",
                    verification_code=f"bench{number:06d}" + hashlib.sha256(str(number).encode()).hexdigest()[:16],
                    user_id=user_id,
                    source_kind="module",
                    source_id=module_id,
                    academy=academy,
                    state_id=person.state_id,
                    recipient_name=person.full_name,
                    designation="Officer",
                    court_or_office="Court",
                    title=module.title,
                    programme="Self-paced module",
                    start_date=date(2026, 2, 1),
                    end_date=date(2026, 2, 1),
                    hours=Decimal("6.00"),
                    score=80.0,
                    academy_name=academy.name if academy else "Colloquium",
                    academy_code=code,
                    heading="Certificate of Completion",
                    statement=f"This is to certify that {person.full_name} has completed “{module.title}”.",
                    signatories=[{"name": "Director", "designation": "Director", "signature": ""}],
                    template_name="Bench completion",
                    template_version=1,
                    layout="classic",
                    issued_at=self.now,
                    pdf=f"certificates/pdf/2026/bench-{number:06d}.pdf",
                    pdf_sha256=hashlib.sha256(f"pdf{number}".encode()).hexdigest(),
                )
            )
        self.bulk(Certificate, rows)
        for code, last in counters.items():
            SerialCounter.objects.update_or_create(code=code, year=2026, defaults={"last": last})
        self.log(f"certificates: {len(rows)} new")

    def run(self):
        from django.utils import timezone

        self.now = timezone.now()
        began = time.monotonic()
        self.demo_content()
        self.academies()
        self.users()
        steps = [
            ("courses", self.modules),
            ("courses", self.learning),
            ("colloquia", self.colloquia),
            ("colloquia", self.registrars),
            ("resources", self.resources),
            ("certificates", self.certificates),
        ]
        for app, step in steps:
            if not self.installed(app):
                self.log(f"{app} not installed: {step.__name__} skipped")
                continue
            step()
        self.log(f"built in {time.monotonic() - began:.0f} s")
        return self.counts


@contextmanager
def build_lock(name):
    """One builder per set at a time: a second `make bench` waits instead of building alongside."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with open(DATA_DIR / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def copy_database(source, target):
    """A consistent copy of the SQLite file `source` (with what its WAL holds) at `target`, in WAL mode."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(source, timeout=60) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
        copy.execute("PRAGMA journal_mode=WAL")
    copy.close()
    origin.close()


def _released(target, patience=120):
    """Whether no other process has the SQLite file `target` open, waiting up to `patience` seconds.

    A checkpoint copies the WAL into the file; the last connection to close deletes the WAL file,
    so a WAL file still there afterwards belongs to a connection in another process.
    """
    waited = 0
    while True:
        with sqlite3.connect(target, timeout=60) as old:
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        old.close()
        if not Path(f"{target}-wal").exists():
            return True
        if waited >= patience:
            return False
        if waited == 0:
            print(f"waiting up to {patience} s for other processes to close {target} ...", flush=True)
        time.sleep(2)
        waited += 2


def _move_into_place(staging, spec):
    """Replace the set's database and files with the ones built in `staging`.

    Refused while another process keeps the old database open (a new database under the old
    one's WAL file would read its pages); the finished build stays in `staging` for the next run.
    """
    target = spec["path"]
    if target.exists():
        if not _released(target):
            raise SystemExit(f"{target} is open in another process: stop it, then run again (the new set is kept)")
        Path(f"{target}-shm").unlink(missing_ok=True)
    for folder in ("media", "private"):
        shutil.rmtree(spec["files"] / folder, ignore_errors=True)
        if (staging / folder).exists():
            (staging / folder).rename(spec["files"] / folder)
    (staging / "data.sqlite3").replace(target)
    shutil.rmtree(staging, ignore_errors=True)


def build(force=False, name="national"):
    """Build set `name` in this process (Django is set up on it) unless the cached one is current."""
    spec = DATA_SETS[name]
    with build_lock(name):
        if not force and is_current(name):
            print(f"bench data up to date ({spec['path'].relative_to(ROOT)}, key {data_key(name)})")
            return False
        # The key as the build starts: a migration added while it runs makes the next run build again.
        key = data_key(name)
        staging = DATA_DIR / f".building-{name}"
        finished = staging / "finished.key"
        if not force and finished.exists() and finished.read_text() == f"{key} {date.today().isoformat()}":
            print(f"moving the {name} set built earlier today into place ...", flush=True)
            _finish(staging, spec)
            return True
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        spec["files"].mkdir(parents=True, exist_ok=True)
        setup_django({"DATABASE_URL": f"sqlite:///{staging / 'data.sqlite3'}", "MEDIA_ROOT": str(staging / "media")})
        from django.core.management import call_command
        from django.db import connection

        from core.sqlite import prepare_sqlite

        print(f"migrating a fresh {name} bench database ...", flush=True)
        call_command("migrate", verbosity=0, interactive=False)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=OFF")  # the build is redone from scratch if it fails
        Builder(spec["sizes"]).run()
        prepare_sqlite()  # WAL and fresh statistics, as `load_demo` leaves the demo database
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        finished.write_text(f"{key} {date.today().isoformat()}")
        _finish(staging, spec)
        return True


def _finish(staging, spec):
    key, built = staging.joinpath("finished.key").read_text().split()
    _move_into_place(staging, spec)
    spec["key"].write_text(json.dumps({"key": key, "built": built}) + "\n")


def ensure_built(names, force=False):
    """Build each stale set of `names` in its own process (Django is set up once per process, on one database)."""
    for name in names:
        if force or not is_current(name):
            command = [sys.executable, str(Path(__file__)), "--set", name] + (["--force"] if force else [])
            subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the cached data set matches")
    parser.add_argument("--set", choices=[*DATA_SETS, "all"], default="national", help="which data set")
    arguments = parser.parse_args()
    if arguments.set == "all":
        ensure_built(list(DATA_SETS), force=arguments.force)
    else:
        build(force=arguments.force, name=arguments.set)
