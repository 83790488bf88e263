"""The courses app in Hindi: catalogue, module, lesson (with its statute block), quiz, errors and messages.

The quiz views are asked for under /hi/. The Wagtail pages (catalogue, module, lesson) are served
inside `translation.override("hi")` until their /hi/ addresses route (see `hindi_page`); what is
rendered without a request (blocks, model validation, the services' messages) likewise.
"""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from courses import services
from courses.blocks import StatuteBlock
from courses.forms import CohortEnrolForm
from courses.models import Attempt, Question
from courses.services import outline
from tests.factories import hindi_url, signed_in

from .conftest import make_module

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to /hi/ leaves Hindi active in this thread (LocaleMiddleware): later tests start in English."""
    yield
    translation.activate("en")


def hindi(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    return response.content.decode()


def hindi_page(page, user):
    """A Wagtail page as `user` reads it in Hindi, served directly inside translation.override.

    (Once /hi/ page addresses route, `hindi(signed_in(user), page.url)` says the same.)"""
    request = RequestFactory().get(page.url)
    request.user = user
    request.session = SessionStore()
    with translation.override("hi"):
        response = page.specific.serve(request)
        if hasattr(response, "render"):
            response.render()
    assert response.status_code == 200
    return response.content.decode()


def test_the_module_page_reads_in_hindi(module, judge):
    page = hindi_page(module, judge)
    assert "इस मॉड्यूल में नामांकन करें" in page and "Enrol in this module" not in page
    assert "4 प्रश्न, उत्तीर्णांक 70%" in page and "questions, pass mark" not in page
    assert "प्रश्नोत्तरी देने के लिए नामांकन करें।" in page
    # The English page is unchanged.
    english = signed_in(judge).get(module.url).content.decode()
    assert "Enrol in this module" in english and "इस मॉड्यूल में नामांकन करें" not in english


def test_an_enrolled_learner_reads_progress_and_quiz_state_in_hindi(module, judge):
    enrolment, _created = services.enrol(judge, module)
    services.complete_lesson(enrolment, services.lessons_for(module)[0])
    page = hindi_page(module, judge)
    assert "आपकी प्रगति" in page and "पाठ: 3 में से 1 पूर्ण" in page
    assert "प्रश्नोत्तरी: अभी उत्तीर्ण नहीं" in page and "Lessons: 1 of 3 done" not in page
    assert "सभी अनिवार्य पाठ पूरे करें (3 में से 1 पूर्ण)।" in page


def test_the_lesson_page_and_its_statute_block_read_in_hindi(module, judge):
    services.enrol(judge, module)
    second = services.lessons_for(module)[1]
    page = hindi_page(second, judge)
    assert "पाठ 2 / 3" in page and "Lesson 2 of 3" not in page
    assert "(पूर्व में IPC 370)" in page and "formerly" not in page
    assert "पूर्ण चिह्नित करें और आगे बढ़ें" in page and "Mark complete and continue" not in page
    assert "मॉड्यूल की रूपरेखा" in page and "आप यहाँ हैं, आरंभ नहीं किया" in page


def test_the_catalogue_reads_in_hindi(academy_index, module, judge):
    page = hindi_page(academy_index, judge)
    assert "1 मॉड्यूल।" in page and "सभी विषय" in page and "All topics" not in page


def test_the_quiz_page_reads_in_hindi(module, judge):
    services.enrol(judge, module)
    browser = signed_in(judge)
    browser.post(hindi_url("courses:start_quiz", args=[module.pk]))
    attempt = Attempt.objects.get()
    page = hindi(browser, hindi_url("courses:attempt", args=[attempt.pk]))
    assert "प्रश्नोत्तरी, प्रयास 1" in page and "उत्तर प्रस्तुत करें" in page and "बाद में पूरा करें" in page
    assert "Submit answers" not in page and "Finish later" not in page
    # The page script's status words come from the page, in its language.
    assert 'data-saving-text="सहेजा जा रहा है…"' in page


def test_a_submitted_attempt_and_its_message_read_in_hindi(module, judge):
    services.enrol(judge, module)
    browser = signed_in(judge)
    browser.post(hindi_url("courses:start_quiz", args=[module.pk]))
    attempt = Attempt.objects.get()
    url = hindi_url("courses:attempt", args=[attempt.pk])
    page = browser.post(url, {"action": "submit"}, follow=True).content.decode()
    assert "आपके उत्तर प्रस्तुत कर दिए गए हैं।" in page
    assert "आपके अंक 0% हैं (4 में से 0)।" in page and "उत्तीर्णांक 70% है।" in page
    assert "You scored" not in page


def test_the_autosave_answer_is_in_the_page_language(module, judge):
    services.enrol(judge, module)
    browser = signed_in(judge)
    with translation.override("en"):
        browser.post(reverse("courses:start_quiz", args=[module.pk]))
    attempt = Attempt.objects.get()
    response = browser.post(hindi_url("courses:save_attempt", args=[attempt.pk]), {})
    assert response.json()["message"].startswith("उत्तर ") and "सहेजे गए" in response.json()["message"]


def test_a_question_bank_validation_error_reads_in_hindi(module):
    question = Question(
        module=module,
        kind=Question.SINGLE,
        text="Consent of the victim?",
        options=[("option", {"text": "Yes", "correct": True}), ("option", {"text": "No", "correct": True})],
    )
    with translation.override("hi"), pytest.raises(ValidationError) as error:
        question.full_clean(exclude=["module"])
    with translation.override("hi"):
        assert error.value.message_dict["options"] == ["ठीक एक सही विकल्प चिह्नित करें।"]


def test_the_cohort_form_error_reads_in_hindi(judge):
    with translation.override("hi"):
        form = CohortEnrolForm({"role": judge.role}, prefix=None)
        assert not form.is_valid()
        assert form.non_field_errors() == ["कोई राज्य/संघ राज्य क्षेत्र या उच्च न्यायालय चुनें।"]
        assert "उच्च न्यायालय" in str(form["high_court"].label_tag())


def test_the_quiz_rules_speak_hindi(academy_index, judge):
    module = make_module(academy_index, max_attempts=1, questions=2)
    enrolment, _created = services.enrol(judge, module)
    attempt = services.start_attempt(enrolment)
    services.submit_attempt(attempt, {})
    with translation.override("hi"):
        state = services.quiz_state(enrolment)
        assert state["reason"] == "आप इस प्रश्नोत्तरी के लिए अनुमत 1 प्रयास कर चुके हैं।"
        assert outline.quiz_outline(state).label == "उत्तीर्ण नहीं: कोई प्रयास शेष नहीं"
        assert services.review_rule(module) == "उत्तीर्ण होने या अंतिम प्रयास कर लेने के बाद"


def test_a_statute_block_renders_in_hindi():
    block = StatuteBlock()
    value = block.to_python(
        {
            "act": "BNS",
            "section": "111",
            "new_provision": True,
            "summary": "Organised crime.",
            "changes": "No IPC counterpart.",
            "to_confirm": "Sub-section numbering.",
            "source": "Bharatiya Nyaya Sanhita, 2023, s.111",
        }
    )
    with translation.override("hi"):
        html = block.render(value)
    assert "BNS 111" in html
    assert "(नया: पुरानी विधि में कोई समतुल्य उपबंध नहीं)" in html
    assert "क्या बदला:" in html and "पुष्टि की जानी है:" in html and "स्रोत:" in html
    assert 'aria-label="विधि-संदर्भ"' in html
    for english in ("What changed:", "To be confirmed:", "Source:", "no counterpart"):
        assert english not in html
    with translation.override("en"):
        assert "What changed:" in block.render(value)
