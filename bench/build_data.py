"""Build the national-scale benchmark data set in its own SQLite file (bench/data/bench.sqlite3).

    python bench/build_data.py            # build unless the cached file matches the migrations
    python bench/build_data.py --force    # rebuild

Seeded, so every build is the same: the demo content (demo/content/, by demo.loaders), then an
academy per High Court, 50,000 users, 60 modules x 6 lessons with question banks, enrolments
with 500,000 lesson-progress rows, 300 colloquia with two-day agendas and 100,000 attendance
records, 3,000 moderated resources and 20,000 certificates. Pages go through treebeard's
add_child (a few hundred); learner rows go through bulk_create. Parts whose app is not
installed are skipped, so the set grows as the apps land.

The built file is cached under a key made from every migration file and this script: a rerun
with the same key reuses it, so `make bench` spends its time measuring, not building.
"""

import argparse
import hashlib
import math
import os
import random
import shutil
import sys
import time
from datetime import date, timedelta
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
DB_PATH = DATA_DIR / "bench.sqlite3"
KEY_PATH = DATA_DIR / "bench.key"
SEED = 2026
PASSWORD = "Bench-Password-2026"  # noqa: S105 - benchmark data on loopback only

SIZES = {
    "users": 50_000,
    "modules": 60,
    "lessons_per_module": 6,
    "questions_per_module": 12,
    "lesson_progress": 500_000,
    "colloquia": 300,
    "attendance": 100_000,
    "certificates": 20_000,
    "resources": 3_000,
    "organisations": 60,
    "judge_enrolments": 20,
    "issue_participants": 500,
}
JUDGE_EMAIL = "judge@bench.test"
ISSUE_SLUG = "bench-bulk-issue-colloquium"


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


def data_key():
    digest = hashlib.sha256()
    files = sorted(ROOT.glob("*/migrations/*.py")) + [Path(__file__)]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def setup_django():
    for name, value in bench_environment().items():
        os.environ[name] = value
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Builder:
    def __init__(self, out=sys.stdout):
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
        for n in range(1, SIZES["users"]):
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
        for n in range(existing, SIZES["modules"]):
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
            for q in range(SIZES["questions_per_module"]):
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
            for lesson_number in range(SIZES["lessons_per_module"]):
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

        target = SIZES["lesson_progress"]
        taken = set(Enrolment.objects.values_list("user_id", "module_id"))
        modules_with_lessons = [m for m in self.module_ids if self.module_lessons.get(m)]
        # The benchmark judge: 20 enrolments, some finished, some half-way.
        plan = []
        for number, module_id in enumerate(self.rng.sample(modules_with_lessons, SIZES["judge_enrolments"])):
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
        self.completed = [(e.user_id, e.module_id) for e in enrolments if e.completed_at][: SIZES["certificates"]]
        self.log(f"enrolments: {len(enrolments)}; lesson progress: {progress_rows}")

    def colloquia(self):
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
        existing = ColloquiumPage.objects.count()
        total = SIZES["colloquia"]
        start = date(2026, 1, 10)
        pages = []
        for n in range(existing, total):
            academy, index = indexes[n % len(indexes)]
            first_day = start + timedelta(days=n)
            issue_page = n == total - 1
            page = self.add_page(
                index,
                ColloquiumPage(
                    title="Bench bulk-issue colloquium"
                    if issue_page
                    else f"Judicial colloquium on trafficking {n + 1}",
                    slug=ISSUE_SLUG if issue_page else f"bench-colloquium-{n + 1}",
                    kind="judicial_colloquium",
                    state=academy.states.first(),
                    venue=f"{academy.name}, auditorium",
                    start_date=first_day,
                    end_date=first_day + timedelta(days=1),
                    introduction="<p>A two-day colloquium under the MHA advisory of August 2022.</p>",
                    mha_supported=True,
                    amount_sanctioned=Decimal("150000"),
                    registration_mode="open",
                    registration_open=False,
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

        # Registrations and attendance: the bulk-issue event gets 500 participants who attended
        # everything; the others share the rest of the 100,000 attendance records.
        counted = {}
        for session_id, page_id in AgendaSession.objects.filter(counts_for_attendance=True).values_list(
            "id", "page_id"
        ):
            counted.setdefault(page_id, []).append(session_id)
        issue_page = ColloquiumPage.objects.get(slug=ISSUE_SLUG)
        other_pages = [p for p in ColloquiumPage.objects.exclude(pk=issue_page.pk).order_by("pk") if counted.get(p.pk)]
        users = self.user_ids[1:]
        budget = SIZES["attendance"] - SIZES["issue_participants"] * len(counted[issue_page.pk])
        per_page = math.ceil(budget / max(1, len(other_pages)) / max(1, len(counted[other_pages[0].pk])))
        registrations = []
        for user_id in users[: SIZES["issue_participants"]]:
            registrations.append((issue_page.pk, user_id))
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
        attendance, target = [], SIZES["attendance"]
        for registration in created:
            for session_id in counted[registration.page_id]:
                if len(attendance) >= target:
                    break
                attendance.append(
                    Attendance(
                        registration_id=registration.pk, session_id=session_id, status="present", method="registrar"
                    )
                )
        self.bulk(Attendance, attendance, batch_size=10_000)
        self.log(f"colloquia: {len(pages)} new; registrations {len(created)}; attendance {len(attendance)}")

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
                for n in range(SIZES["organisations"])
            ],
        )
        existing = Resource.objects.count()
        count = SIZES["resources"] - existing
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
        for number, (user_id, module_id) in enumerate(self.completed[: SIZES["certificates"] - existing]):
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


def build(force=False):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = data_key()
    if not force and DB_PATH.exists() and KEY_PATH.exists() and KEY_PATH.read_text().strip() == key:
        print(f"bench data up to date ({DB_PATH.relative_to(ROOT)}, key {key})")
        return False
    for path in (DB_PATH, KEY_PATH, Path(f"{DB_PATH}-wal"), Path(f"{DB_PATH}-shm")):
        path.unlink(missing_ok=True)
    shutil.rmtree(DATA_DIR / "media", ignore_errors=True)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    print("migrating a fresh bench database ...", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=OFF")
    Builder().run()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()
    KEY_PATH.write_text(key)
    return True


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the cached data set matches")
    build(force=parser.parse_args().force)
