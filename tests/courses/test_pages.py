"""Page tree rules, and the admin refusing a quiz that draws more questions than its bank holds."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from academies.models import AcademyPage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage, StandardPage


class TreeRulesTests(WagtailPageTestCase):
    def test_catalogue_under_home_and_academy_only(self):
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanCreateAt(AcademyPage, CourseIndexPage)
        self.assertCanNotCreateAt(StandardPage, CourseIndexPage)
        self.assertCanNotCreateAt(CoursePage, CourseIndexPage)

    def test_modules_only_under_catalogue(self):
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(AcademyPage, CoursePage)
        self.assertCanNotCreateAt(LessonPage, CoursePage)
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_lessons_only_under_modules(self):
        self.assertCanCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())


def _module_post(questions, drawn):
    data = nested_form_data(
        {
            "title": "Victim-centred trials",
            "slug": "victim-centred-trials",
            "summary": "Testimony, privacy, technology.",
            "outcomes": "",
            "estimated_hours": "3.0",
            "edition": "2026",
            "topics": "",
            "gives_certificate": "on",
            "pass_mark": "70",
            "max_attempts": "3",
            "questions_drawn": str(drawn),
            "shuffle_options": "on",
            "review_answers": "when_finished",
            "minimum_minutes": "0",
            "quiz_time_limit": "0",
            "questions": inline_formset(
                [
                    {
                        "kind": "single",
                        "text": f"Question {i}",
                        "options": streamfield(
                            [("option", {"text": "Yes", "correct": "on"}), ("option", {"text": "No"})]
                        ),
                        "accepted_answers": "",
                        "feedback": "",
                        "basis": "",
                    }
                    for i in range(questions)
                ]
            ),
        }
    )
    data["audience"] = ["district_judge"]
    return data


@pytest.mark.django_db
class TestAdminQuizValidation:
    def _add_url(self, academy_index):
        return f"/admin/pages/add/courses/coursepage/{academy_index.pk}/"

    def test_draw_larger_than_bank_is_refused_with_a_clear_error(self, client, superuser, academy_index):
        client.force_login(superuser)
        response = client.post(self._add_url(academy_index), _module_post(questions=2, drawn=5))
        assert response.status_code == 200
        assert "draws 5 questions but the question bank has only 2" in response.content.decode()
        assert not CoursePage.objects.filter(slug="victim-centred-trials").exists()

    def test_draw_within_bank_saves(self, client, superuser, academy_index):
        client.force_login(superuser)
        response = client.post(self._add_url(academy_index), _module_post(questions=3, drawn=3))
        assert response.status_code == 302, response.content.decode()[:3000]
        module = CoursePage.objects.get(slug="victim-centred-trials")
        assert module.questions.count() == 3 and module.audience == ["district_judge"]

    def test_single_choice_question_needs_one_correct_option(self, client, superuser, academy_index):
        client.force_login(superuser)
        data = _module_post(questions=1, drawn=1)
        data["questions-0-options-0-value-correct"] = ""
        response = client.post(self._add_url(academy_index), data)
        assert response.status_code == 200
        assert "Tick exactly one correct option" in response.content.decode()
        assert not Page.objects.filter(slug="victim-centred-trials").exists()
