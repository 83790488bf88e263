"""Enrolment gates, bulk enrolment, progress and completion as plain functions."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services
from courses.models import Enrolment, LessonProgress
from courses.signals import module_completed
from tests.factories import make_user

from .conftest import make_module

pytestmark = pytest.mark.django_db


def _pass_quiz(enrolment):
    attempt = services.start_attempt(enrolment)
    answers = {str(q["id"]): next(o["id"] for o in q["options"] if o["correct"]) for q in attempt.questions}
    return services.submit_attempt(attempt, answers)[0]


def _all_lessons(enrolment):
    for lesson in services.lessons_for(enrolment.module):
        services.complete_lesson(enrolment, lesson)


class TestSelfEnrolment:
    def test_cso_cannot_enrol_in_judges_only_module(self, academy_index, cso_user):
        module = make_module(academy_index, audience=["district_judge", "hc_judge"])
        reasons = services.enrolment_refusals(cso_user, module)
        assert reasons and "Civil society member" in reasons[0]
        with pytest.raises(services.EnrolmentRefused):
            services.enrol(cso_user, module)
        assert not Enrolment.objects.exists()

    def test_each_reason_is_given(self, academy_index, unverified):
        from django.contrib.auth.models import AnonymousUser

        first = make_module(academy_index, title="Basics")
        second = make_module(academy_index, title="Advanced")
        second.prerequisites.add(first)
        assert services.enrolment_refusals(AnonymousUser(), second) == ["Sign in to continue."]
        reasons = services.enrolment_refusals(unverified, second)
        assert any("awaiting verification" in r for r in reasons)
        assert "Complete “Basics” first." in reasons

    def test_prerequisite_met_after_completion(self, academy_index, judge):
        first = make_module(academy_index, title="Basics")
        second = make_module(academy_index, title="Advanced")
        second.prerequisites.add(first)
        assert services.enrolment_refusals(judge, second) == ["Complete “Basics” first."]
        enrolment, _ = services.enrol(judge, first)
        _all_lessons(enrolment)
        _pass_quiz(enrolment)
        assert services.enrolment_refusals(judge, second) == []

    def test_enrol_twice_is_one_enrolment(self, module, judge):
        _, created = services.enrol(judge, module)
        _, again = services.enrol(judge, module)
        assert created and not again and Enrolment.objects.count() == 1


class TestBulkEnrolment:
    def test_csv_with_a_bad_row_imports_nothing(self, module, judge, prosecutor, cso_user, registrar):
        csv = f"email\n{judge.email}\nnobody@example.test\n{cso_user.email}\n{prosecutor.email}\n{judge.email}\n"
        result = services.bulk_enrol_emails(module, services.parse_email_csv(io.BytesIO(csv.encode())), registrar)
        assert not result.ok
        errors = {row.line: row.error for row in result.errors}
        assert errors[3] == "No active account with this email."
        assert "Civil society member" in errors[4]
        assert errors[6] == "Listed twice."
        assert Enrolment.objects.count() == 0

    def test_csv_all_good_enrols_everyone_and_skips_existing(self, module, judge, prosecutor, registrar):
        services.enrol(judge, module)
        result = services.bulk_enrol_emails(
            module, services.parse_email_csv(f"{judge.email.upper()}\n{prosecutor.email}\n"), registrar
        )
        assert result.ok and result.created == 1
        assert set(Enrolment.objects.values_list("user__email", flat=True)) == {judge.email, prosecutor.email}
        assert Enrolment.objects.get(user=prosecutor).source == Enrolment.CSV

    def test_empty_csv_is_refused(self):
        with pytest.raises(services.CoursesError, match="no email"):
            services.parse_email_csv(b"email\n\n")

    def test_cohort_by_state(self, module, registrar):
        from regions.models import State

        jh = [make_user("district_judge", state="JH") for _ in range(3)]
        make_user("district_judge", state="MP")
        make_user("district_judge", state="JH", verified=False)
        result = services.bulk_enrol_cohort(module, "district_judge", registrar, state=State.objects.get(code="JH"))
        assert result.ok and result.created == 3
        assert set(Enrolment.objects.values_list("user_id", flat=True)) == {u.pk for u in jh}


class TestProgressAndCompletion:
    def test_progress_is_monotonic_and_idempotent(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        lessons = services.lessons_for(module)
        assert services.complete_lesson(enrolment, lessons[0]) is True
        assert services.complete_lesson(enrolment, lessons[0]) is False  # second tab
        assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
        progress = services.progress_of(enrolment)
        assert progress.percent == 25 and progress.next_lesson == lessons[1]  # 1 of 3 lessons + quiz

    def test_lesson_of_another_module_is_refused(self, academy_index, module, judge):
        other = make_module(academy_index)
        enrolment, _ = services.enrol(judge, module)
        with pytest.raises(services.CoursesError):
            services.complete_lesson(enrolment, services.lessons_for(other)[0])

    def test_completion_needs_lessons_and_quiz_and_happens_once_with_one_signal(
        self, module, judge, django_capture_on_commit_callbacks
    ):
        received = []

        def listener(sender, enrolment, **kwargs):
            received.append(enrolment.pk)

        module_completed.connect(listener)
        try:
            enrolment, _ = services.enrol(judge, module)
            _pass_quiz(enrolment)
            enrolment.refresh_from_db()
            assert enrolment.completed_at is None
            lessons = services.lessons_for(module)
            with django_capture_on_commit_callbacks(execute=True):
                for lesson in lessons:
                    services.complete_lesson(enrolment, lesson)
            enrolment.refresh_from_db()
            first = enrolment.completed_at
            assert first is not None
            with django_capture_on_commit_callbacks(execute=True):
                services.complete_lesson(enrolment, lessons[0])
                assert services.check_completion(enrolment) is False
            enrolment.refresh_from_db()
            assert enrolment.completed_at == first
            assert received == [enrolment.pk]
            assert services.progress_of(enrolment).percent == 100
        finally:
            module_completed.disconnect(listener)

    def test_optional_lessons_are_not_needed(self, academy_index, judge):
        module = make_module(academy_index, lessons=2, questions=0)
        optional = services.lessons_for(module)[1]
        optional.required = False
        optional.save()
        enrolment, _ = services.enrol(judge, module)
        services.complete_lesson(enrolment, services.lessons_for(module)[0])
        enrolment.refresh_from_db()
        assert enrolment.completed_at is not None

    def test_minimum_time(self, academy_index, judge):
        module = make_module(academy_index, lessons=1, questions=0, minimum_minutes=10)
        enrolment, _ = services.enrol(judge, module)
        services.complete_lesson(enrolment, services.lessons_for(module)[0])
        enrolment.refresh_from_db()
        assert enrolment.completed_at is None
        assert "at least 10 minutes" in services.completion_missing(enrolment)[0]
        start = timezone.now()
        for minutes in (0, 6, 12):  # the gaps are under 30 minutes, so they count
            services.record_activity(enrolment, now=start + timedelta(minutes=minutes))
        enrolment.refresh_from_db()
        assert enrolment.seconds_spent == 12 * 60 and enrolment.completed_at is not None

    def test_long_gaps_do_not_count(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        start = timezone.now()
        services.record_activity(enrolment, now=start)
        services.record_activity(enrolment, now=start + timedelta(hours=3))
        enrolment.refresh_from_db()
        assert enrolment.seconds_spent == 0

    def test_views_within_a_minute_write_nothing_and_the_next_write_counts_the_whole_gap(
        self, module, judge, django_assert_num_queries
    ):
        enrolment, _ = services.enrol(judge, module)
        start = timezone.now()
        services.record_activity(enrolment, now=start)
        with django_assert_num_queries(0):
            services.record_activity(enrolment, now=start + timedelta(seconds=20))
            services.record_activity(enrolment, now=start + timedelta(seconds=50))
        services.record_activity(enrolment, now=start + timedelta(seconds=90))
        enrolment.refresh_from_db()
        assert enrolment.seconds_spent == 90
        assert enrolment.last_seen_at == start + timedelta(seconds=90)

    def test_two_tabs_recording_the_same_moment_count_it_once(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        start = timezone.now()
        services.record_activity(enrolment, now=start)
        first_tab = Enrolment.objects.get(pk=enrolment.pk)
        second_tab = Enrolment.objects.get(pk=enrolment.pk)
        services.record_activity(first_tab, now=start + timedelta(minutes=5))
        services.record_activity(second_tab, now=start + timedelta(minutes=5, seconds=3))
        enrolment.refresh_from_db()
        assert enrolment.seconds_spent == 5 * 60

    def test_completion_details_contract(self, module, judge, academy):
        enrolment, _ = services.enrol(judge, module)
        _all_lessons(enrolment)
        _pass_quiz(enrolment)
        enrolment.refresh_from_db()
        details = services.completion_details(enrolment)
        assert set(details) == {
            "user",
            "module",
            "title",
            "academy",
            "completed_at",
            "hours",
            "score",
            "gives_certificate",
            "edition",
        }
        assert details["user"] == judge and details["module"].pk == module.pk
        assert details["academy"] == academy and details["score"] == 100.0
        assert str(details["hours"]) == str(module.estimated_hours)
        assert list(services.learner_enrolments(judge)) == [enrolment]

    def test_personal_data_hides_answers_of_open_attempt(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        services.start_attempt(enrolment)
        data = services.export_personal_data(judge)["training_modules"]
        assert data[0]["attempts"][0]["answers"] is None
        assert "correct" not in str(data)
