"""Public functions of the registration_questions app: who sees answers, how they read, exports.

Plain functions on model objects, called by views.py and registered with colloquia's hooks
in wagtail_hooks.py. They are given the event pages they act on and import no page class.
"""

import datetime

from django.db.models import Count
from django.utils.translation import gettext as _

from colloquia.services import is_registrar_for
from core.formatting import format_date_span
from core.site import absolute_url

from .choices import QuestionKind
from .models import Answer

K = QuestionKind

# The hook colloquia reads for the columns of its registration exports: fn(event_page) -> a list of
# (heading, fn(registration) -> value). Defined in colloquia by the participant lists' rework.
EXPORT_COLUMNS_HOOK = "colloquium_registration_export_columns"


def may_see_answers(user, page):
    """The event's registrars (of its academy; platform administrators for national events) see its answers."""
    return is_registrar_for(user, page)


def display_value(answer):
    """The answer as a person reads it: "Train; Bus", "14 Mar 2026", "Yes", a file's name."""
    value = answer.value
    if answer.kind == K.FILE:
        return answer.file_name
    if answer.kind == K.MULTIPLE_CHOICE:
        return "; ".join(value or [])
    if answer.kind == K.DATE:
        return format_date_span(datetime.date.fromisoformat(value))
    if answer.kind == K.YES_NO:
        return _("Yes") if value else _("No")
    return str(value)


def export_value(answer):
    """The answer as a spreadsheet cell: dates as dates, a file as the registrar's link to it."""
    if answer is None:
        return None
    if answer.kind == K.FILE:
        return absolute_url(answer.registrar_url())
    if answer.kind == K.DATE:
        return datetime.date.fromisoformat(answer.value)
    return display_value(answer)


class _EventAnswers:
    """Every answer of an event's registrations, read in one query the first time one is asked for."""

    def __init__(self, page):
        self.page = page
        self.by_key = None

    def get(self, registration_id, question_id):
        if self.by_key is None:
            answers = Answer.objects.filter(registration__page_id=self.page.pk, question__isnull=False)
            self.by_key = {(a.registration_id, a.question_id): a for a in answers}
        return self.by_key.get((registration_id, question_id))


def export_columns(page):
    """One column per question of `page`: [(heading, fn(registration) -> value)].

    Two queries whatever the number of registrations: the questions now, every answer with
    the first row.
    """
    answers = _EventAnswers(page)

    def column(question):
        return lambda registration: export_value(answers.get(registration.pk, question.pk))

    return [(question.label, column(question)) for question in page.registration_questions.all()]


def answer_table(page, registrations):
    """(questions, [(registration, [(answer, text) or None per question])]) for the registrar's screen."""
    questions = list(page.registration_questions.all())
    answers = _EventAnswers(page)
    rows = []
    for registration in registrations:
        found = (answers.get(registration.pk, question.pk) for question in questions)
        rows.append((registration, [(answer, display_value(answer)) if answer else None for answer in found]))
    return questions, rows


def events_with_questions(pages):
    """`pages` that ask questions, each with `question_count` and `answered` (registrations that answered)."""
    return (
        pages.filter(registration_questions__isnull=False)
        .annotate(
            question_count=Count("registration_questions", distinct=True),
            answered=Count("registrations__question_answers__registration", distinct=True),
        )
        .order_by("-start_date")
    )


def personal_data(user):
    """The `colloquium_personal_data` hook: the person's answers, with links to their own files."""
    answers = Answer.objects.filter(registration__user=user).select_related("registration__page")
    return {
        "colloquium_registration_answers": [
            {
                "event": answer.registration.page.title,
                "question": answer.question_label,
                "answer": display_value(answer),
                "answered_at": answer.answered_at.isoformat(),
                **({"file": absolute_url(answer.participant_url())} if answer.file else {}),
            }
            for answer in answers
        ]
    }


def forget_answers_of(user):
    """Delete the answers of `user`'s registrations (and their files): their account was anonymised."""
    return Answer.objects.filter(registration__user=user).delete()
