"""Feedback in Hindi: the form and its errors under /hi/, the refusal, My learning, the report, the reminder email."""

import csv
import io

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from feedback import services
from feedback.models import FeedbackSetup
from feedback.tasks import queue_feedback_reminders
from tests.colloquia.conftest import make_event
from tests.courses.conftest import make_index as make_course_index
from tests.courses.conftest import make_module

from .conftest import add_registration, ended_event, mark_present, participants

pytestmark = pytest.mark.django_db


@pytest.fixture
def attendee(past_event, judge):
    mark_present(add_registration(past_event, judge))
    return judge


def test_the_form_is_in_hindi_under_hi(client, past_event, attendee):
    client.force_login(attendee)
    body = client.get(f"/hi/feedback/{past_event.pk}/").content.decode()
    assert "<strong>अनाम।</strong>" in body and "मेरी प्रतिपुष्टि भेजें" in body
    assert "समग्र रूप से, यह कार्यक्रम आपके कार्य के लिए कितना उपयोगी रहा?" in body
    assert "1 (असंतोषजनक)" in body and "5 (उत्कृष्ट)" in body
    assert "Send my feedback" not in body and "How useful was the event" not in body
    # The English address stays English.
    assert "Send my feedback" in client.get(f"/feedback/{past_event.pk}/").content.decode()


def test_a_form_error_and_the_thanks_are_in_hindi(client, past_event, attendee):
    client.force_login(attendee)
    url = f"/hi/feedback/{past_event.pk}/"
    body = client.post(url, {"overall_usefulness": "", "to_change": "", "topics_wanted": ""}).content.decode()
    assert "कृपया 1 से 5 के बीच चुनें कि कार्यक्रम कितना उपयोगी रहा।" in body
    assert "कृपया नीचे चिह्नित उत्तर सुधारें।" in body and "Choose how useful" not in body
    thanks = client.post(url, {"overall_usefulness": "4", "to_change": "", "topics_wanted": ""}).content.decode()
    assert "आपकी प्रतिपुष्टि के लिए धन्यवाद" in thanks and "Thank you for your feedback" not in thanks
    again = client.get(url)
    assert again.status_code == 409 and "आप इस कार्यक्रम पर अपनी प्रतिपुष्टि पहले ही दे चुके हैं।" in again.content.decode()


def test_the_refusal_says_why_in_hindi(client, past_event, prosecutor):
    client.force_login(prosecutor)
    response = client.get(f"/hi/feedback/{past_event.pk}/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "इस कार्यक्रम पर केवल वे प्रतिभागी प्रतिपुष्टि दे सकते हैं जिन्होंने इसमें भाग लिया।" in body
    assert "Only participants who attended" not in body


def test_my_learning_offers_the_form_in_hindi(client, past_event, attendee):
    client.force_login(attendee)
    body = client.get("/hi/accounts/dashboard/").content.decode()
    assert "प्रतिपुष्टि अपेक्षित" in body and "अपनी प्रतिपुष्टि दें" in body and "तक खुला; अनाम।" in body
    assert "Give your feedback" not in body


def test_the_report_and_its_csv_in_the_registrars_language(client, registrar, past_event):
    people = participants(past_event, 6)
    for n, user in enumerate(people[:5]):
        services.submit_feedback(past_event, user, overall_usefulness=1 + n % 5)
    profile = UserProfile.get_for_user(registrar)
    profile.preferred_language = "hi"  # the admin's own language setting (Wagtail's account page)
    profile.save()
    client.force_login(registrar)
    body = client.get(f"/admin/feedback/{past_event.pk}/").content.decode()
    assert "समग्र उपयोगिता" in body and "प्रति सत्र मूल्यांकन" in body and "Ratings per session" not in body
    response = client.get(f"/admin/feedback/{past_event.pk}/?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["माप", "सत्र या श्रेणी", "मान"]
    assert ["उत्तर", "", "5"] in rows and ["जिन प्रतिभागियों से पूछा गया", "", "6"] in rows


def test_the_reminder_email_is_in_each_recipients_language(index, django_capture_on_commit_callbacks):
    page = ended_event(index, days_ago=4)
    hindi, english = participants(page, 2)
    hindi.preferred_language = "hi"
    hindi.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_feedback_reminders() == 2
    to_hindi = next(m for m in mail.outbox if m.to == [hindi.email])
    to_english = next(m for m in mail.outbox if m.to == [english.email])
    assert to_hindi.subject == f"{page.title} पर आपकी प्रतिपुष्टि"
    assert to_hindi.body.startswith(f"प्रिय {hindi.full_name},")
    assert "आपके उत्तर अनाम हैं" in to_hindi.body and f"/hi/feedback/{page.pk}/" in to_hindi.body
    assert "Dear" not in to_hindi.body and "anonymous" not in to_hindi.body
    assert to_english.subject == f"Your feedback on {page.title}" and to_english.body.startswith("Dear ")
    assert f"/feedback/{page.pk}/" in to_english.body and "/hi/" not in to_english.body


def test_the_knowledge_test_and_its_score_are_in_hindi(client, index, home, judge):
    module = make_module(make_course_index(home), lessons=0, questions=4)
    page = make_event(index, title="Upcoming colloquium")
    FeedbackSetup.objects.create(page=page, test_module=module, test_questions=2)
    add_registration(page, judge)
    client.force_login(judge)
    url = f"/hi/feedback/{page.pk}/test/pre/"
    body = client.get(url).content.decode()
    assert "कार्यक्रम से पहले की ज्ञान परीक्षा" in body and "2 प्रश्न।" in body and "उत्तर प्रस्तुत करें" in body
    assert "Knowledge test" not in body and "Submit answers" not in body
    questions = services.knowledge.paper(page)
    data = {f"q{q['id']}": next(o["id"] for o in q["options"] if o["correct"]) for q in questions}
    done = client.post(url, data).content.decode()
    assert "आपने 2 में से 2 प्रश्नों के सही उत्तर दिए।" in done and "You answered" not in done
