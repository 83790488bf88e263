"""Demo registration questions (content/registration_questions.yaml): an event's questions, and the
answers its demo participants gave.

Runs after the colloquia loader (the events and their registrations exist). The questions are
published with the event's page, as an editor publishes them; the answers go through the same
form a participant fills in, so a demo answer is checked as a real one is (a letter is printed
as a PDF and passes the upload check). Idempotent: an event that has questions, and a
registration that has answers, are left as they are.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils.html import escape

from colloquia.models import ColloquiumPage, Registration
from core.pdf import render_pdf
from registration_questions.choices import CHOICE_KINDS, QuestionKind
from registration_questions.forms import field_name, registration_form
from registration_questions.models import RegistrationQuestion

from ..content import CONTENT_DIR, TEXT, ContentError, check_choice, check_fields, check_list, read_yaml
from ..locales import source
from . import colloquia

FILE = "registration_questions.yaml"
SPEC = {"events": (list, True)}
EVENT = {"event": (TEXT, True), "questions": (list, True), "answers": (list, False)}
QUESTION = {
    "label": (TEXT, True),
    "kind": (TEXT, True),
    "help_text": (TEXT, False),
    "required": (bool, False),
    "choices": (list, False),
}
ANSWERS = {"email": (TEXT, True), "answers": (dict, True)}
# What an answer to each kind is in the file (see its header).
ANSWER_TYPES = {
    QuestionKind.SHORT_TEXT: str,
    QuestionKind.LONG_TEXT: str,
    QuestionKind.SINGLE_CHOICE: str,
    QuestionKind.MULTIPLE_CHOICE: list,
    QuestionKind.DATE: int,
    QuestionKind.YES_NO: bool,
    QuestionKind.FILE: str,
}


def _question(question, where):
    check_fields(question, QUESTION, where)
    kind = check_choice(question["kind"], QuestionKind.values, f"{where}.kind")
    choices = question.get("choices") or []
    if (kind in CHOICE_KINDS) != bool(choices):
        need = "needs a list of choices" if kind in CHOICE_KINDS else "has choices, which only choice questions have"
        raise ContentError(f"{where}: a {kind} question {need}")
    return question


def _answers(item, where, questions, registered):
    check_fields(item, ANSWERS, where)
    if item["email"] not in registered:
        raise ContentError(f"{where}.email: {item['email']} is not registered for this event (colloquia/)")
    for label, value in item["answers"].items():
        question = questions.get(label)
        if question is None:
            raise ContentError(f"{where}.answers: {label!r} is not one of this event's questions")
        expected = ANSWER_TYPES[question["kind"]]
        # bool is an int in Python: a date answer must not accept true/false.
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise ContentError(f"{where}.answers.{label}: expected {expected.__name__}, found {value!r}")
        chosen = value if isinstance(value, list) else [value]
        if question["kind"] in CHOICE_KINDS and not set(chosen) <= set(question["choices"]):
            raise ContentError(f"{where}.answers.{label}: {value!r} is not among the choices")
    return item


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    events = {event["slug"]: event for event in colloquia.read(root)["events"]}
    for n, event in enumerate(data["events"]):
        where = f"{FILE}: events[{n}]"
        check_fields(event, EVENT, where)
        if event["event"] not in events:
            raise ContentError(f"{where}.event: {event['event']!r} is not the slug of a demo colloquium")
        questions = check_list(event["questions"], f"{where}.questions", _question)
        by_label = {question["label"]: question for question in questions}
        registered = {row["email"] for row in events[event["event"]]["registrations"]}
        check_list(
            event.get("answers", []),
            f"{where}.answers",
            lambda item, at, by_label=by_label, registered=registered: _answers(item, at, by_label, registered),
        )
    return data


def _publish_questions(page, questions):
    draft = page.get_latest_revision_as_object()
    draft.registration_questions = [
        RegistrationQuestion(
            label=question["label"],
            kind=question["kind"],
            help_text=question.get("help_text", ""),
            required=question.get("required", True),
            choices="\n".join(question.get("choices", [])),
        )
        for question in questions
    ]
    draft.save_revision().publish()
    return ColloquiumPage.objects.get(pk=page.pk)


def _letter(text):
    html = f"<html lang='en'><head><title>Nomination letter</title></head><body><p>{escape(text)}</p></body></html>"
    return SimpleUploadedFile("nomination-letter.pdf", render_pdf(html), content_type="application/pdf")


def _answer(page, registration, answers):
    """Fill in the event's form as the participant would, and save it for their registration."""
    questions = {question.label: question for question in page.registration_questions.all()}
    data, files = QueryDict(mutable=True), {}
    for label, value in answers.items():
        question = questions[label]
        key = f"questions-{field_name(question)}"
        if question.kind == QuestionKind.FILE:
            files[key] = _letter(value)
        elif question.kind == QuestionKind.DATE:
            data[key] = (page.start_date + datetime.timedelta(days=value)).isoformat()
        elif question.kind == QuestionKind.YES_NO:
            data[key] = "yes" if value else "no"
        else:
            data.setlist(key, value if isinstance(value, list) else [value])
    form = registration_form(page, data=data, files=files)
    if not form.is_valid():
        raise ContentError(f"{FILE}: {registration.email}: {form.errors.as_text()}")
    form.save(registration)
    return len(answers)


def load(stdout, data=None):
    data = data or read()
    created = 0
    for event in data["events"]:
        page = source(ColloquiumPage).get(slug=event["event"])
        if not page.registration_questions.exists():
            page = _publish_questions(page, event["questions"])
            created += len(event["questions"])
        for item in event.get("answers", []):
            registration = Registration.objects.get(page=page, email=item["email"])
            if not registration.question_answers.exists():
                created += _answer(page, registration, item["answers"])
    stdout.write(f"registration questions: {created} objects created\n")
    return created
