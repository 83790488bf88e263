"""The questions' fixed wording in Hindi: the form's chrome and errors, the registrar's screens and CSV."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from colloquia.models import Registration
from registration_questions.forms import registration_form
from registration_questions.models import RegistrationQuestion
from tests.factories import hindi_admin

from .conftest import name, valid_answers

pytestmark = pytest.mark.django_db


def test_the_questions_chrome_and_errors_are_in_hindi(event):
    post = valid_answers(event, {"Arrival date": "next week", "Nomination letter": None})
    with translation.override("hi"):
        form = registration_form(event, data=post)
        assert not form.is_valid()
        assert form.errors[name(event, "Arrival date").removeprefix("questions-")] == ["14/03/2026 जैसी तिथि दर्ज करें।"]
        fields = {field.label: field for field in form}
        assert "Dietary needs (वैकल्पिक)" in fields  # the question is data; "(optional)" is not
        assert [str(label) for _value, label in fields["Accommodation needed"].field.choices] == ["हाँ", "नहीं"]
        letter = fields["Nomination letter"]
        assert "अधिकतम" in letter.help_text and "at most" not in letter.help_text


def test_an_editors_mistake_is_explained_in_hindi(event):
    question = RegistrationQuestion(page=event, label="Travel mode", kind="single_choice", choices="Train")
    with translation.override("hi"), pytest.raises(ValidationError) as error:
        question.clean()
    assert error.value.message_dict == {"choices": ["कम से कम दो विकल्प दें, प्रति पंक्ति एक।"]}


def test_the_registrars_screens_and_csv_are_in_their_admin_language(client, judge, registrar, event):
    client.force_login(judge)
    assert client.post(event.url + "register/", valid_answers(event)).status_code == 302
    assert Registration.objects.filter(page=event, user=judge).exists()
    client.force_login(hindi_admin(registrar))
    html = client.get("/admin/registration-questions/").content.decode()
    assert "उत्तर देने वाले पंजीकरण" in html and "Registrations that answered" not in html
    html = client.get(f"/admin/registration-questions/{event.pk}/").content.decode()
    assert "उत्तर डाउनलोड करें (CSV)" in html and "Download the answers (CSV)" not in html
    assert "Travel mode" in html and "हाँ" in html  # the question as the editor wrote it; the answer "Yes"
    response = client.get(f"/admin/registration-questions/{event.pk}/?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    # Column names shared with other apps may take their catalogue's words: Hindi, whichever.
    assert rows[0][0] == "नाम" and rows[0][4].endswith("न्यायालय या कार्यालय")
    assert not {"Name", "Email", "Category", "Status", "Nominating court or office"} & set(rows[0])
    assert dict(zip(rows[0], rows[1], strict=True))["Accommodation needed"] == "हाँ"
