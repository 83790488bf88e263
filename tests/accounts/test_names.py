"""What prints on certificates is what is stored: NFC, no hidden direction or invisible characters."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User
from accounts.names import clean_printed_text
from tests.accounts.test_profile_and_roles import profile_data
from tests.accounts.test_signup_and_login import signup_data

# --- The rule, without a request ---


@pytest.mark.parametrize(
    "text",
    [
        "Justice A. K. Sharma",
        "Smt. Rekha Soren",
        "रेखा सोरेन",
        "क्\u200dष",  # ZWJ after the virama (half form): correct Devanagari spelling
        "क्\u200cष",  # ZWNJ between Devanagari letters
    ],
)
def test_ordinary_and_devanagari_text_is_kept(text):
    assert clean_printed_text(text) == text


def test_devanagari_extended_letters_also_allow_a_joiner():
    text = "क\u200d\ua8f2"  # DEVANAGARI SIGN SPACING CANDRABINDU, in U+A8E0-U+A8FF
    assert clean_printed_text(text) == text


def test_text_is_normalised_to_nfc():
    decomposed = "Rene\u0301 Dsouza"  # e + combining acute
    cleaned = clean_printed_text(decomposed)
    assert cleaned == "Ren\u00e9 Dsouza" and unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize(
    "char",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]
    + ["\u061c"],
)
def test_bidirectional_controls_are_refused_with_the_code_point_named(char):
    with pytest.raises(ValidationError) as refusal:
        clean_printed_text(f"Justice {char}amrahS")
    message = refusal.value.messages[0]
    assert f"U+{ord(char):04X}" in message and "direction" in message


@pytest.mark.parametrize(
    "char",
    [
        "\u200b",  # zero-width space
        "\u2060",  # word joiner
        "\ufeff",  # zero-width no-break space (BOM)
        "\u00ad",  # soft hyphen
        "\u0007",  # control (Cc)
        "\n",  # control (Cc)
        "\ue000",  # private use (Co)
        "\U000e0041",  # tag letter A (Cf)
        "\u0378",  # unassigned (Cn)
        "\u2028",  # line separator
    ],
)
def test_invisible_and_control_characters_are_refused(char):
    with pytest.raises(ValidationError) as refusal:
        clean_printed_text(f"A. K.{char} Sharma")
    assert f"U+{ord(char):04X}" in refusal.value.messages[0]


@pytest.mark.parametrize(
    "text",
    [
        "Sharma\u200d",  # ZWJ after Latin
        "\u200cरेखा",  # ZWNJ at the start
        "रेखा\u200d",  # ZWJ at the end
        "Rekha\u200dरेखा",  # between Latin and Devanagari
        "रेखा \u200c सोरेन",  # between spaces
    ],
)
def test_joiners_outside_devanagari_are_refused(text):
    with pytest.raises(ValidationError) as refusal:
        clean_printed_text(text)
    assert "only between two Devanagari letters" in refusal.value.messages[0]


# --- Applied where the fields are edited ---


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["full_name", "name_devanagari", "designation", "court_or_office"])
def test_signup_refuses_a_hidden_character_in_each_printed_field_and_keeps_the_entries(client, field):
    data = signup_data()
    data[field] = data[field][:3] + "\u202e" + data[field][3:]
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field] and "U+202E" in errors[field][0]
    html = response.content.decode()
    assert 'value="new.judge@example.test"' in html and 'value="Dumka"' in html  # entries kept
    assert not User.objects.filter(email=data["email"]).exists()


@pytest.mark.django_db
def test_signup_stores_the_name_in_nfc(client):
    client.post("/accounts/signup/", signup_data(full_name="Smt. Rene\u0301 Soren"))
    assert User.objects.get(email=signup_data()["email"]).full_name == "Smt. Ren\u00e9 Soren"


@pytest.mark.django_db
def test_profile_refuses_a_zero_width_space_and_keeps_the_entries(client, judge):
    client.force_login(judge)
    response = client.post(
        "/accounts/profile/", profile_data(judge, designation="Sessions\u200bJudge", court_or_office="Kept court")
    )
    assert response.status_code == 200
    assert "U+200B" in response.context["form"].errors["designation"][0]
    assert b"Kept court" in response.content
    judge.refresh_from_db()
    assert judge.designation == "" and judge.court_or_office == ""


@pytest.mark.django_db
def test_profile_keeps_a_devanagari_joiner(client, judge):
    client.force_login(judge)
    response = client.post("/accounts/profile/", profile_data(judge, name_devanagari="क्\u200dष शर्मा"))
    assert response.status_code == 302
    judge.refresh_from_db()
    assert judge.name_devanagari == "क्\u200dष शर्मा"


@pytest.mark.django_db
def test_model_validation_refuses_hidden_characters_whatever_form_edits_it(judge):
    # The Wagtail admin's user forms and any other ModelForm run the model's validators.
    judge.full_name = "Test \u202eegduJ"
    judge.court_or_office = "Civil Court\u2060, Ranchi"
    with pytest.raises(ValidationError) as refusal:
        judge.full_clean()
    assert set(refusal.value.message_dict) == {"full_name", "court_or_office"}


@pytest.mark.django_db
def test_the_admin_user_edit_form_refuses_a_right_to_left_override(judge):
    from accounts.forms import WagtailUserEditForm

    form = WagtailUserEditForm(
        instance=judge,
        data={"email": judge.email, "full_name": "Test \u202eegduJ", "is_active": "on"},
    )
    assert not form.is_valid()
    assert "U+202E" in form.errors["full_name"][0]
