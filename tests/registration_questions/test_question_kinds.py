"""Each kind of question validates its answer: required, choices, dates, yes/no, files; and the editor's questions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from registration_questions.forms import AnswersForm
from registration_questions.models import RegistrationQuestion
from tests.resources.builders import PDF, ooxml_bytes, png_bytes

from .conftest import letter


def question(kind, *, pk=1, label="Question", required=True, choices="", help_text=""):
    return RegistrationQuestion(pk=pk, label=label, kind=kind, required=required, choices=choices, help_text=help_text)


def answer(q, value=None, upload=None):
    """Validate one answer to question `q`: (is_valid, cleaned value or None, errors of its field)."""
    data = MultiValueDict()
    if isinstance(value, list):
        data.setlist(f"questions-q{q.pk}", value)
    elif value is not None:
        data[f"questions-q{q.pk}"] = value
    files = {f"questions-q{q.pk}": upload} if upload is not None else {}
    form = AnswersForm([q], data=data, files=files)
    valid = form.is_valid()
    return valid, form.cleaned_data.get(f"q{q.pk}"), form.errors.get(f"q{q.pk}", [])


REQUIRED = ["This field is required."]


@pytest.mark.parametrize("kind", ["short_text", "long_text", "date", "yes_no", "file"])
def test_a_required_question_must_be_answered(kind):
    assert answer(question(kind)) == (False, None, REQUIRED)


@pytest.mark.parametrize("kind", ["short_text", "long_text", "date", "yes_no", "file", "multiple_choice"])
def test_an_optional_question_may_be_left_blank(kind):
    choices = "Veg\nNon-veg" if kind == "multiple_choice" else ""
    valid, value, errors = answer(question(kind, required=False, choices=choices))
    assert valid and not errors
    assert value in (None, "", [])


def test_text_answers_have_a_length_limit():
    assert answer(question("short_text"), "Civil Court, Ranchi") == (True, "Civil Court, Ranchi", [])
    valid, _, errors = answer(question("short_text"), "x" * 256)
    assert not valid and errors == ["Ensure this value has at most 255 characters (it has 256)."]
    assert answer(question("long_text"), "Line one\nLine two")[:2] == (True, "Line one\nLine two")
    valid, _, errors = answer(question("long_text"), "x" * 5001)
    assert not valid and errors == ["Ensure this value has at most 5000 characters (it has 5001)."]


def test_a_single_choice_must_be_one_of_the_choices():
    travel = question("single_choice", choices="Train\nBus\nAir")
    assert answer(travel, "Bus") == (True, "Bus", [])
    assert answer(travel, "Helicopter") == (
        False,
        None,
        ["Select a valid choice. Helicopter is not one of the available choices."],
    )
    assert answer(travel) == (False, None, REQUIRED)


def test_multiple_choices_must_each_be_one_of_the_choices():
    diet = question("multiple_choice", choices="Vegetarian\nJain\nDiabetic")
    assert answer(diet, ["Vegetarian", "Diabetic"]) == (True, ["Vegetarian", "Diabetic"], [])
    assert answer(diet, ["Vegetarian", "Pescatarian"]) == (
        False,
        None,
        ["Select a valid choice. Pescatarian is not one of the available choices."],
    )
    assert answer(diet, []) == (False, None, REQUIRED)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2031-03-09", datetime.date(2031, 3, 9)),  # what a browser's date picker sends
        ("09/03/2031", datetime.date(2031, 3, 9)),  # day first, as written in India
        ("9-3-2031", datetime.date(2031, 3, 9)),
        ("09.03.2031", datetime.date(2031, 3, 9)),
    ],
)
def test_a_date_is_read_in_the_formats_people_use(typed, expected):
    assert answer(question("date"), typed) == (True, expected, [])


@pytest.mark.parametrize("typed", ["31/02/2031", "2031-13-01", "next Monday", "03/09/31x"])
def test_a_date_that_is_not_one_says_how_to_write_it(typed):
    assert answer(question("date"), typed) == (False, None, ["Enter a date such as 14/03/2026."])


def test_yes_or_no_is_a_true_or_false_answer():
    accommodation = question("yes_no")
    assert answer(accommodation, "yes") == (True, True, [])
    assert answer(accommodation, "no") == (True, False, [])
    assert answer(accommodation, "maybe") == (
        False,
        None,
        ["Select a valid choice. maybe is not one of the available choices."],
    )


def test_a_file_passes_the_library_content_check():
    nomination = question("file")
    valid, checked, errors = answer(nomination, upload=letter())
    assert valid and not errors
    assert (checked.name, checked.kind, checked.content_type, checked.content) == (
        "nomination-letter.pdf",
        "pdf",
        "application/pdf",
        PDF,
    )
    valid, checked, _ = answer(nomination, upload=SimpleUploadedFile("Letter.DOCX", ooxml_bytes("docx")))
    assert valid and checked.kind == "docx"


@pytest.mark.parametrize(
    ("filename", "content", "reason"),
    [
        ("letter.pdf", b"<html><script>alert(1)</script></html>", "its content is a web page (HTML)"),
        ("letter.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG images can carry scripts"),
        ("letter.exe", b"MZ\x90\x00" + b"\x00" * 60, "programs are not accepted"),
        ("letter.docm", ooxml_bytes("docx"), "documents with macros are not accepted"),
        ("letter.png", PDF, "it is named .png but its content is"),
        ("letter.pdf", b"", "The submitted file is empty."),
        ("letter.txt", b"Plain text", "only PDF, DOCX, ODT, PPTX, XLSX, PNG or JPEG files are accepted"),
    ],
)
def test_a_hostile_or_wrong_file_is_refused_with_the_reason(filename, content, reason):
    valid, checked, errors = answer(question("file"), upload=SimpleUploadedFile(filename, content))
    assert not valid and checked is None
    assert len(errors) == 1 and reason in errors[0]


def test_every_hostile_file_of_the_shared_corpus_is_refused(corpus_dir):
    """The shared attack corpus: active content, SVG, PDFs with JavaScript and zip tricks, as answers."""
    files = [
        path
        for folder in ("active_content", "svg", "pdf_js", "archives")
        for path in sorted((corpus_dir / "uploads" / folder).iterdir())
        if path.is_file()
    ]
    assert len(files) > 30
    accepted = []
    for path in files:
        valid, _, errors = answer(question("file"), upload=SimpleUploadedFile(path.name, path.read_bytes()))
        if valid or not errors or "was refused:" not in errors[0]:
            accepted.append(path.name)
    assert accepted == []


def test_a_hostile_image_of_the_corpus_is_kept_only_re_encoded(corpus_dir):
    path = corpus_dir / "uploads" / "images" / "patt_payload_in_all_known_metadata.png"
    valid, checked, _ = answer(question("file"), upload=SimpleUploadedFile(path.name, path.read_bytes()))
    assert valid and checked.kind == "png"
    assert b"<script" not in checked.content.lower() and checked.content != path.read_bytes()


def test_the_form_marks_optional_questions_and_escapes_the_editors_help_text():
    form = AnswersForm(
        [
            question("short_text", pk=1, label="Court", help_text="<b>As on</b> your ID card"),
            question("yes_no", pk=2, label="Accommodation", required=False),
            question("file", pk=3, label="Letter"),
        ]
    )
    html = str(form)
    assert "Court" in html and "Accommodation (optional)" in html
    assert "&lt;b&gt;As on&lt;/b&gt; your ID card" in html and "<b>As on</b>" not in html
    assert "PDF, DOCX, ODT, PPTX, XLSX, PNG or JPEG, at most 20 MB." in html
    assert form.is_multipart()


def test_png_is_kept_as_an_image():
    valid, checked, _ = answer(question("file"), upload=SimpleUploadedFile("scan.png", png_bytes()))
    assert valid and checked.content_type == "image/png"


# --- the editor's questions ---


@pytest.mark.parametrize("kind", ["single_choice", "multiple_choice"])
def test_a_choice_question_needs_two_choices(kind):
    with pytest.raises(ValidationError) as refused:
        question(kind, choices="Train\n\n  Train  \n").clean()  # blank lines and repeats do not count
    assert refused.value.message_dict == {"choices": ["Give at least two choices, one per line."]}
    question(kind, choices="Train\nBus").clean()


def test_other_kinds_have_no_choices():
    with pytest.raises(ValidationError) as refused:
        question("short_text", choices="Train\nBus").clean()
    assert refused.value.message_dict == {"choices": ["Only single and multiple choice questions have choices."]}


def test_choices_are_read_one_per_line_in_order():
    assert question("single_choice", choices=" Train (AC 2-tier)\r\nBus\n\nTrain (AC 2-tier)\nAir ").choice_list() == [
        "Train (AC 2-tier)",
        "Bus",
        "Air",
    ]
