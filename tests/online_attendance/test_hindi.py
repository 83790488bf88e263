"""The registrar's online attendance screens, their refusals and the forms' errors in Hindi."""

from unittest import mock

import pytest
from django.utils import translation

from online_attendance.forms import MappingForm
from online_attendance.models import AttendanceImport
from tests.factories import hindi_admin

from .conftest import after, approved, upload, zoom_csv

pytestmark = pytest.mark.django_db


def test_the_screens_speak_the_registrars_admin_language(client, event, session, registrar):
    approved(event, full_name="Asha Verma", email="asha.verma@courts.example")
    client.force_login(hindi_admin(registrar))
    html = client.get("/admin/online-attendance/").content.decode()
    assert "रिपोर्ट आयात करें" in html and "Import a report" not in html
    html = client.get(f"/admin/online-attendance/{event.pk}/").content.decode()
    assert "रिपोर्ट अपलोड करें" in html and "उपस्थिति रिपोर्ट (CSV)" in html and "Upload a report" not in html
    response = client.post(
        f"/admin/online-attendance/{event.pk}/",
        {"session": session.pk, "report": upload(zoom_csv(session.date, [("Asha Verma", "", "10:00", "10:50")]))},
    )
    report = AttendanceImport.objects.get()
    html = client.get(response["Location"]).content.decode()
    assert "आपकी पुष्टि के बिना कुछ भी दर्ज नहीं किया जाता।" in html and "Nothing is recorded" not in html
    assert "Zoom प्रतिभागी रिपोर्ट" in html and "पुष्टि करें और उपस्थिति दर्ज करें" in html
    with mock.patch("colloquia.services.clock.now", return_value=after(event)):
        response = client.post(f"/admin/online-attendance/import/{report.pk}/confirm/", follow=True)
    html = response.content.decode()
    assert f"“{session.title}” के लिए उपस्थिति दर्ज की गई: ऑनलाइन रिपोर्ट के आधार पर 1 उपस्थित" in html


def test_an_upload_refused_says_why_in_hindi(client, event, session, registrar):
    client.force_login(hindi_admin(registrar))
    response = client.post(
        f"/admin/online-attendance/{event.pk}/", {"session": session.pk, "report": upload(b"%PDF-1.4", "list.pdf")}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "“list.pdf” CSV फ़ाइल नहीं है।" in html and "is not a CSV file" not in html


def test_the_column_choice_error_is_in_hindi():
    with translation.override("hi"):
        form = MappingForm({"name": "0", "email": "0"}, header=["Who", "When"])
        assert not form.is_valid()
        assert form.non_field_errors() == ["प्रत्येक स्तंभ केवल एक ही जानकारी के लिए चुना जा सकता है।"]
        form = MappingForm({"name": "0"}, header=["Who", "When"])
        assert not form.is_valid()
        assert form.non_field_errors() == ["जुड़ने के समय वाला स्तंभ चुनें।"]
