"""Integrity under races: many threads hit the same rule at once, through each app's public services.

Each thread has its own database connection (closed when it ends) and waits at a
barrier so the calls really overlap. SQLite serialises writers, so these tests need
PostgreSQL: `bash .ci/postgres.sh`, then run pytest with
DATABASE_URL=postgres://colloquium:colloquium@127.0.0.1:5432/colloquium (or `make security`).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections

from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="race tests need PostgreSQL row locks; SQLite serialises every writer (set DATABASE_URL)",
    ),
]

THREADS = 20


def in_parallel(fn, n=THREADS):
    """Run fn(i) in n threads released together; return [(result, exception)] in thread order."""
    barrier = threading.Barrier(n)

    def run(i):
        try:
            barrier.wait(timeout=120)
            return fn(i), None
        except Exception as error:  # noqa: BLE001 - reported to the test
            return None, error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(run, range(n)))


def unexpected(results, *allowed):
    return [e for _, e in results if e is not None and not isinstance(e, allowed)]


# --- courses ---------------------------------------------------------------------------------


@pytest.fixture
def course_world(transactional_db):
    from tests.courses.conftest import make_index

    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", ("JH",), "JHHC")
    index = make_index(academy.page, slug="race-modules")
    return academy, index


def _enrolled(index, **module_fields):
    from courses import services
    from tests.courses.conftest import make_module

    module = make_module(index, **module_fields)
    judge = factories.make_user("district_judge")
    enrolment, _ = services.enrol(judge, module)
    return module, enrolment


def test_twenty_simultaneous_submissions_grade_an_attempt_once(course_world):
    from courses import services
    from courses.models import Attempt

    _, index = course_world
    _module, enrolment = _enrolled(index, lessons=1, questions=3)
    attempt = services.start_attempt(enrolment)
    answers = {str(q["id"]): q["options"][0]["id"] for q in attempt.questions}

    results = in_parallel(lambda i: services.submit_attempt(attempt, answers)[1])

    assert not unexpected(results)
    assert sum(1 for graded, _ in results if graded) == 1
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert attempt.status == Attempt.SUBMITTED and attempt.score is not None
    assert Attempt.objects.filter(enrolment=enrolment).count() == 1


def test_saves_racing_submissions_never_change_the_grade(course_world):
    """The page's script saving answers while "Submit answers" is pressed in two tabs: one grade, and
    whatever is saved after it changes neither the answers graded nor the score."""
    from courses import services
    from courses.models import Attempt

    _, index = course_world
    _module, enrolment = _enrolled(index, lessons=1, questions=3)
    attempt = services.start_attempt(enrolment)
    right = {str(q["id"]): next(o["id"] for o in q["options"] if o["correct"]) for q in attempt.questions}
    wrong = {str(q["id"]): next(o["id"] for o in q["options"] if not o["correct"]) for q in attempt.questions}

    def act(i):
        if i % 4 == 0:
            return ("submit", services.submit_attempt(attempt, right)[1])
        return ("save", services.save_answers(attempt, wrong).is_submitted)

    results = in_parallel(act)
    assert not unexpected(results)
    assert sum(1 for (kind, graded), _ in results if kind == "submit" and graded) == 1
    attempt = Attempt.objects.get(pk=attempt.pk)
    # Graded once, with the answers as they stood at that moment: the submission's own (all right).
    assert attempt.is_submitted and attempt.answers == right and attempt.correct_count == 3


def test_attempt_limit_holds_when_attempts_start_in_parallel(course_world):
    from courses import services
    from courses.models import Attempt

    _, index = course_world
    _module, enrolment = _enrolled(index, lessons=0, questions=2, max_attempts=2, pass_mark=100)
    for round_number in (1, 2):
        results = in_parallel(lambda i: services.start_attempt(enrolment).pk)
        assert not unexpected(results)
        assert len({pk for pk, _ in results}) == 1, "parallel starts must share the one attempt in progress"
        attempt = Attempt.objects.get(pk=results[0][0])
        assert attempt.number == round_number
        services.submit_attempt(attempt, {})  # all wrong: fails
    results = in_parallel(lambda i: services.start_attempt(enrolment))
    assert all(isinstance(error, services.QuizError) for _, error in results)
    assert Attempt.objects.filter(enrolment=enrolment).count() == 2


def test_progress_from_two_tabs_never_goes_backwards(course_world):
    from courses import services
    from courses.models import LessonProgress

    _, index = course_world
    module, enrolment = _enrolled(index, lessons=4, questions=0, drawn=0)
    lessons = services.lessons_for(module)
    seen = []

    def work(i):
        if i % 5 == 4:  # a reader in a third tab
            seen.append(services.progress_of(enrolment).done)
            return None
        return services.complete_lesson(enrolment, lessons[i % len(lessons)])

    results = in_parallel(work)
    assert not unexpected(results)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == len(lessons)
    final = services.progress_of(enrolment)
    assert final.done == len(lessons) and final.complete
    assert all(value <= final.done for value in seen)


def test_twenty_simultaneous_completions_give_one_certificate_with_one_serial(course_world):
    """The last lesson completed from 20 tabs at once: one completion, one certificate."""
    from certificates.models import Certificate
    from courses import services

    _, index = course_world
    module, enrolment = _enrolled(index, lessons=1, questions=0, drawn=0)
    lesson = services.lessons_for(module)[0]

    results = in_parallel(lambda i: services.complete_lesson(enrolment, lesson))

    assert not unexpected(results)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    certificates = Certificate.objects.filter(user=enrolment.user)
    assert certificates.count() == 1
    assert certificates.get().serial.endswith("-000001")


def test_twenty_simultaneous_issue_requests_give_one_certificate(course_world):
    from certificates.models import Certificate, Kind, SourceKind
    from certificates.services import IssueContext, issue_certificate
    from tests.certificates.conftest import snapshot

    academy, _ = course_world
    judge = factories.make_user("district_judge")

    def issue(i):
        context = IssueContext.build(Kind.ATTENDANCE, academy)
        cert, created = issue_certificate(judge, SourceKind.COLLOQUIUM, 4242, snapshot(), context=context)
        return cert.serial, created

    results = in_parallel(issue)

    assert not unexpected(results)
    assert sum(1 for (_, created), _ in results if created) == 1
    assert len({serial for (serial, _), _ in results}) == 1
    assert Certificate.objects.filter(user=judge).count() == 1
    # The serials that losing threads took were given back: the next certificate is number 2.
    other = factories.make_user("district_judge")
    cert, _ = issue_certificate(
        other, SourceKind.COLLOQUIUM, 4242, snapshot(), context=IssueContext.build(Kind.ATTENDANCE, academy)
    )
    assert cert.serial.endswith("-000002")


# --- resources --------------------------------------------------------------------------------


def test_approve_reject_and_edit_of_one_resource_end_consistent(transactional_db):
    from wagtail.models import ModelLogEntry

    from resources import services
    from resources.files import check_upload
    from resources.models import ModerationDecision, Resource, ResourceVersion
    from tests.resources.builders import PDF, upload
    from tests.resources.conftest import make_member, make_org, service_data, submit

    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", ("JH",), "JHHC")
    member = make_member(make_org())
    moderators = [factories.make_staff(academy, "moderator") for _ in range(2)]

    for _round in range(5):
        version = submit(member)

        def act(i, version=version):
            kind = i % 3
            if kind == 0:
                return services.decide(version, moderators[0], "approve")
            if kind == 1:
                return services.decide(version, moderators[1], "reject", "Not suitable.")
            resource = Resource.objects.get(pk=version.resource_id)
            files = [check_upload(upload("guide.pdf", PDF))]
            return services.submit_edit(member, resource, service_data(title="Edited"), files, [])

        results = in_parallel(act, n=9)
        assert not unexpected(results, services.DecisionConflict)

        resource = Resource.objects.get(pk=version.resource_id)
        version = ResourceVersion.objects.get(pk=version.pk)
        decisions = ModerationDecision.objects.filter(version=version)
        assert decisions.count() <= 1, "one version, one decision"
        audited = ModelLogEntry.objects.filter(
            object_id=str(resource.pk), action__in=["colloquium.resource_approve", "colloquium.resource_reject"]
        )
        assert audited.count() == decisions.count(), "every decision has its audit entry, and only those"
        if version.status == "approved":
            assert resource.live_version_id == version.pk
        else:
            assert resource.live_version_id is None
        if decisions.exists():
            assert version.status in ("approved", "rejected") and version.decided_by_id is not None
        else:
            assert version.status == "superseded"
        assert resource.latest_version.status in ("pending", "approved", "rejected")
