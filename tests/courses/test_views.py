"""Learner pages and admin views: permissions, answers kept from the browser, flat query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import Attempt, Enrolment
from tests.factories import make_staff, make_user

from .conftest import make_index, make_module

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, settings) first
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


class TestLearnerPages:
    def test_enrol_then_mark_complete_and_continue(self, client, module, judge):
        client.force_login(judge)
        response = client.post(reverse("courses:enrol", args=[module.pk]))
        lessons = services.lessons_for(module)
        assert response.status_code == 302 and response.url == lessons[0].url
        response = client.post(reverse("courses:complete_lesson", args=[lessons[0].pk]))
        assert response.url == lessons[1].url
        page = client.get(module.url).content.decode()
        assert f"Resume: {lessons[1].title}" in page and 'value="25"' in page

    def test_cso_sees_why_and_cannot_enrol(self, client, academy_index, cso_user):
        module = make_module(academy_index, audience=["district_judge"])
        client.force_login(cso_user)
        assert "This is open to: District/Sessions judge" in client.get(module.url).content.decode()
        client.post(reverse("courses:enrol", args=[module.pk]))
        assert not Enrolment.objects.exists()

    def test_anonymous_is_sent_to_sign_in(self, client, module):
        assert "Sign in to continue." in client.get(module.url).content.decode()
        response = client.post(reverse("courses:complete_lesson", args=[services.lessons_for(module)[0].pk]))
        assert response.status_code == 302 and "/accounts/login/" in response.url

    def test_answers_are_not_in_lesson_module_or_quiz_html(self, client, module, judge):
        client.force_login(judge)
        services.enrol(judge, module)
        html = (
            client.get(module.url).content.decode() + client.get(services.lessons_for(module)[0].url).content.decode()
        )
        response = client.post(reverse("courses:start_quiz", args=[module.pk]))
        attempt = Attempt.objects.get()
        quiz = client.get(response.url).content.decode()
        for q in attempt.questions:
            assert q["text"] in quiz
            assert any(o["id"] in quiz for o in q["options"])
        for text in (html, quiz):
            assert "SECRET-FEEDBACK" not in text
            assert "correct" not in text.lower().replace("incorrect", "")
            assert "Right answer" not in html

    def test_feedback_shown_after_submission(self, client, module, judge):
        module.review_answers = "each_attempt"
        module.save()
        client.force_login(judge)
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        response = client.post(reverse("courses:attempt", args=[attempt.pk]), {})
        assert response.status_code == 302
        page = client.get(response.url).content.decode()
        assert "SECRET-FEEDBACK" in page and "You scored 0%" in page
        client.post(reverse("courses:attempt", args=[attempt.pk]), {})  # double submit
        assert Attempt.objects.get(pk=attempt.pk).score == 0 and Attempt.objects.count() == 1

    def test_learner_cannot_see_another_learners_attempt(self, client, module, judge, prosecutor):
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        client.force_login(prosecutor)
        assert client.get(reverse("courses:attempt", args=[attempt.pk])).status_code == 404
        assert client.post(reverse("courses:attempt", args=[attempt.pk]), {}).status_code == 404
        assert Attempt.objects.get(pk=attempt.pk).status == Attempt.IN_PROGRESS

    def test_catalogue_filters(self, client, home, academy, other_academy, judge):
        national = make_index(home)
        jsja = make_index(academy.page, slug="m1")
        mp = make_index(other_academy.page, slug="m2")
        a = make_module(jsja, title="Judges module", audience=["district_judge"])
        b = make_module(mp, title="Prosecutors module", audience=["prosecutor"])
        a.topics.add("Evidence")
        a.save()
        text = client.get(national.url).content.decode()
        assert a.title in text and b.title in text
        assert b.title not in client.get(jsja.url).content.decode()
        assert b.title not in client.get(national.url + "?state=JH").content.decode()
        assert a.title not in client.get(national.url + "?role=prosecutor").content.decode()
        assert b.title not in client.get(national.url + "?topic=evidence").content.decode()
        assert b.title not in client.get(national.url + "?q=judges").content.decode()


class TestQueryCounts:
    def test_module_and_lesson_pages_flat_with_3_or_30_lessons(self, client, academy_index, judge):
        client.force_login(judge)
        counts = []
        for n in (3, 30):
            module = make_module(academy_index, lessons=n)
            enrolment, _ = services.enrol(judge, module)
            lessons = services.lessons_for(module)
            for lesson in lessons[:2]:
                services.complete_lesson(enrolment, lesson)
            counts.append((_queries(client, module.url), _queries(client, lessons[1].url)))
        assert counts[0] == counts[1]

    def test_dashboard_flat_with_1_or_20_enrolments(self, client, academy_index, judge):
        client.force_login(judge)
        counts = []
        for total in (1, 20):
            Enrolment.objects.filter(user=judge).delete()
            for _ in range(total):
                module = make_module(academy_index, lessons=3)
                enrolment, _ = services.enrol(judge, module)
                services.complete_lesson(enrolment, services.lessons_for(module)[0])
            counts.append(_queries(client, reverse("accounts:dashboard")))
        assert counts[0] == counts[1]

    def test_catalogue_flat(self, client, national_index, judge):
        client.force_login(judge)
        counts = []
        for total in (1, 10):
            for _ in range(total):
                module = make_module(national_index, lessons=2, questions=1)
                services.enrol(judge, module)
            counts.append(_queries(client, national_index.url))
        assert counts[0] == counts[1]


class TestDashboard:
    def test_shows_progress_and_completion(self, client, academy_index, judge):
        module = make_module(academy_index, lessons=1, questions=0)
        enrolment, _ = services.enrol(judge, module)
        services.complete_lesson(enrolment, services.lessons_for(module)[0])
        other = make_module(academy_index, title="Unfinished module")
        services.enrol(judge, other)
        client.force_login(judge)
        page = client.get(reverse("accounts:dashboard")).content.decode()
        assert "Completed" in page and module.title in page and "Unfinished module" in page and "100%" in page


def _refused(response):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with an error message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


class TestAdminViews:
    def test_registrar_bulk_enrols_by_csv(self, client, module, registrar, judge):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client.force_login(registrar)
        upload = SimpleUploadedFile("l.csv", f"email\n{judge.email}\n".encode(), content_type="text/csv")
        response = client.post(reverse("courses_bulk_enrol", args=[module.pk]), {"mode": "csv", "csv-file": upload})
        assert response.status_code == 302
        assert Enrolment.objects.get().source == Enrolment.CSV

    def test_bad_csv_rows_are_listed_and_nothing_imported(self, client, module, registrar, judge):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client.force_login(registrar)
        upload = SimpleUploadedFile("l.csv", f"{judge.email}\nghost@example.test\n".encode())
        response = client.post(reverse("courses_bulk_enrol", args=[module.pk]), {"mode": "csv", "csv-file": upload})
        assert response.status_code == 200
        assert "ghost@example.test" in response.content.decode() and "No active account" in response.content.decode()
        assert not Enrolment.objects.exists()

    def test_registrar_of_another_academy_is_refused(self, client, module, other_academy, judge):
        outsider = make_staff(other_academy, "registrar")
        services.enrol(judge, module)
        client.force_login(outsider)
        for name in ("courses_bulk_enrol", "courses_module_report", "courses_module_csv"):
            assert _refused(client.get(reverse(name, args=[module.pk]))), name
        response = client.post(
            reverse("courses_bulk_enrol", args=[module.pk]),
            {"mode": "cohort", "cohort-role": "district_judge", "cohort-state": "1"},
        )
        assert _refused(response)
        assert client.get(reverse("courses_transcript", args=[judge.pk])).status_code == 404
        assert module.title not in client.get(reverse("courses_reports")).content.decode()

    def test_editor_sees_report_but_cannot_bulk_enrol(self, client, module, editor):
        client.force_login(editor)
        assert client.get(reverse("courses_module_report", args=[module.pk])).status_code == 200
        assert _refused(client.get(reverse("courses_bulk_enrol", args=[module.pk])))

    def test_learner_is_refused(self, client, module, judge):
        client.force_login(make_user("district_judge", mfa=True))
        response = client.get(reverse("courses_module_report", args=[module.pk]))
        assert _refused(response) or response.url.startswith("/accounts/login/")

    def test_report_and_streamed_csv(self, client, module, registrar, judge):
        enrolment, _ = services.enrol(judge, module)
        services.complete_lesson(enrolment, services.lessons_for(module)[0])
        client.force_login(registrar)
        report = client.get(reverse("courses_module_report", args=[module.pk])).content.decode()
        assert "All 1 learner: search, filter, download" in report
        # The learners themselves are listed by the learner list (a ModelViewSet), not the report.
        learners = client.get(reverse("courses_learners:index", args=[module.pk])).content.decode()
        assert judge.full_name in learners
        response = client.get(reverse("courses_module_csv", args=[module.pk]))
        assert response.streaming
        body = b"".join(response.streaming_content).decode()
        assert body.splitlines()[0].startswith("name,email") and judge.email in body
        transcript = client.get(reverse("courses_transcript", args=[judge.pk])).content.decode()
        assert module.title in transcript


class TestSections:
    def test_home_and_academy_pages_list_modules(self, client, home, academy, judge):
        national = make_index(home)
        module = make_module(make_index(academy.page, slug="jsja-modules"), title="Featured one", featured=True)
        assert "Featured one" in client.get(home.url).content.decode()
        academy_html = client.get(academy.page.url).content.decode()
        assert "Featured one" in academy_html and "Training modules of JSJA" in academy_html
        assert module.title in client.get(national.url).content.decode()
