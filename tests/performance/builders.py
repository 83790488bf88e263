"""Data for the query-count tests, built in steps so a page can be measured at two sizes.

Each `grow_*` adds `n` more of something to an existing world; the tests measure a page,
grow the data, and measure again. Bulk rows use the models directly, pages go through
add_child, as in bench/build_data.py.
"""

import itertools
from datetime import date, time, timedelta
from decimal import Decimal

from django.utils import timezone

from regions.models import State
from tests import factories

_n = itertools.count(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- courses -------------------------------------------------------------------------------------


def catalogue(home):
    from courses.models import CourseIndexPage

    return publish(home, CourseIndexPage(title="Training modules", slug="modules", show_in_menus=True))


def grow_modules(index, n, lessons=3, questions=4):
    from courses.models import CoursePage, LessonPage, Question

    modules = []
    for _ in range(n):
        k = next(_n)
        module = publish(
            index,
            CoursePage(
                title=f"Module {k}",
                slug=f"module-{k}",
                summary="BNS 143 in practice.",
                outcomes="One\nTwo",
                audience=["district_judge"] if k % 2 else [],
                questions_drawn=2,
                featured=True,
            ),
        )
        module.topics.add(f"topic-{k % 3}")
        module.save_revision().publish()
        for q in range(questions):
            Question.objects.create(
                module=module,
                sort_order=q,
                kind=Question.SINGLE,
                text=f"Question {q}",
                options=[("option", {"text": "Yes", "correct": True}), ("option", {"text": "No", "correct": False})],
            )
        for lesson in range(lessons):
            publish(
                module,
                LessonPage(
                    title=f"Lesson {lesson + 1}",
                    slug=f"lesson-{lesson + 1}",
                    body=[
                        ("paragraph", "<p>The act, the means and the purpose.</p>"),
                        ("statute", {"act": "BNS", "section": "143", "old_act": "IPC", "old_section": "370"}),
                    ],
                ),
            )
        modules.append(module)
    return modules


def enrol(user, modules, done_lessons=2, complete_every=3):
    from courses.models import Enrolment, LessonPage, LessonProgress

    for number, module in enumerate(modules):
        lessons = list(LessonPage.objects.child_of(module).order_by("path"))
        complete = complete_every and number % complete_every == 0
        enrolment = Enrolment.objects.create(
            user=user, module=module, completed_at=timezone.now() if complete else None
        )
        for lesson in lessons if complete else lessons[:done_lessons]:
            LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)


def other_learners(modules, n):
    for _ in range(n):
        enrol(factories.make_user("prosecutor"), modules, done_lessons=1)


# --- colloquia -----------------------------------------------------------------------------------


def colloquium(home, academy=None, title="State colloquium"):
    from colloquia.models import ColloquiumIndexPage, ColloquiumPage

    parent = academy.page if academy else home
    index = ColloquiumIndexPage.objects.child_of(parent).first() or publish(
        parent, ColloquiumIndexPage(title="Colloquia", slug="colloquia")
    )
    start = timezone.localdate() + timedelta(days=30)
    k = next(_n)
    return publish(
        index,
        ColloquiumPage(
            title=f"{title} {k}",
            slug=f"colloquium-{k}",
            venue="Judicial Academy, Ranchi",
            start_date=start,
            end_date=start + timedelta(days=1),
            state=State.objects.get(code="JH"),
            introduction="<p>Two days on trafficking law.</p>",
        ),
    )


def grow_agenda(page, sessions_per_day):
    """Two days with `sessions_per_day` more sessions each, people on each, then publish."""
    from colloquia.models import AgendaDay, AgendaSession, CategoryPlaces

    page = page.get_latest_revision_as_object()
    if not page.agenda_days.exists() and not list(page.agenda_days.all()):
        page.agenda_days = [
            AgendaDay(date=page.start_date, title="Day 1"),
            AgendaDay(date=page.end_date, title="Day 2"),
        ]
        page.audience = [CategoryPlaces(category="district_judge", places=40), CategoryPlaces(category="prosecutor")]
    sessions = list(page.sessions.all())
    for day in (page.start_date, page.end_date):
        for _ in range(sessions_per_day):
            hour = 9 + len(sessions) % 8
            sessions.append(
                AgendaSession(
                    kind="technical",
                    title=f"Session {len(sessions) + 1}",
                    date=day,
                    start_time=time(hour, 0),
                    end_time=time(hour, 45),
                    room="Hall A",
                    people=[
                        (
                            "person",
                            {"role": "chair", "name": "Justice A", "designation": "Judge", "organisation": "HC"},
                        ),
                        ("person", {"role": "resource_person", "name": "Dr B", "designation": "", "organisation": ""}),
                    ],
                )
            )
    page.sessions = sessions
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)


def register(page, users):
    from colloquia.models import Registration

    for user in users:
        Registration.objects.create(
            page=page, user=user, email=user.email, name=user.full_name, category="district_judge", status="approved"
        )


# --- resources -----------------------------------------------------------------------------------


def library(home):
    from resources.models import ResourceIndexPage

    return publish(home, ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True))


def organisation(name=None):
    from resources.models import Organisation

    return Organisation.objects.create(
        name=name or f"Trust {next(_n)}", state=State.objects.get(code="JH"), verified=True
    )


def grow_resources(org, academy, n, topics=2, states=2):
    from resources.models import ModerationDecision, Resource, ResourceVersion, Topic

    created = []
    for _ in range(n):
        k = next(_n)
        resource = Resource.objects.create(organisation=org, published_at=timezone.now())
        version = ResourceVersion.objects.create(
            resource=resource,
            number=1,
            status="approved",
            title=f"Handbook {k}",
            summary="Victim identification.",
            description="<p>Handbook.</p>",
            resource_type="guide",
            language="en",
            licence="cc-by-4.0",
            author_source=org.name,
            decided_at=timezone.now(),
        )
        version.topics.set(Topic.objects.order_by("position")[:topics])
        version.states.set(State.objects.order_by("code")[:states])
        version.target_academies.set([academy])
        ModerationDecision.objects.create(version=version, decision="approve")
        resource.live_version = resource.latest_version = version
        resource.save()
        created.append(resource)
    return created


# --- certificates --------------------------------------------------------------------------------


def certificate(user, module, academy, revoked=False):
    from certificates.models import Certificate

    k = next(_n)
    return Certificate.objects.create(
        kind="completion",
        serial=f"{academy.short_code}-2026-{k:06d}",
        user=user,
        source_kind="module",
        source_id=module.pk,
        academy=academy,
        recipient_name=user.full_name,
        title=module.title,
        start_date=date(2026, 2, 1),
        end_date=date(2026, 2, 1),
        hours=Decimal("2.0"),
        academy_name=academy.name,
        academy_code=academy.short_code,
        heading="Certificate of Completion",
        statement=f"{user.full_name} completed {module.title}.",
        signatories=[{"name": "Director", "designation": "Director", "signature": ""}],
        template_name="Default",
        layout="classic",
        issued_at=timezone.now(),
        pdf=f"certificates/pdf/2026/test-{k}.pdf",
        pdf_sha256="0" * 64,
    )
