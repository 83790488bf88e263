"""Answering an event's feedback form: once per person, stored without the person."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from colloquia.services import sessions_in_order

from ..models import FeedbackReceipt, FeedbackResponse, SessionRating
from .rules import feedback_state, setup_for

ALREADY_ANSWERED = gettext_lazy(
    "You have already given your feedback on this event. Thank you: each participant answers once."
)
DIMENSIONS = ("relevance", "clarity", "speaker")


class FeedbackRefused(Exception):
    """The person may not answer (now); the message says why, in words for them."""


def rated_sessions(page):
    """The sessions the form asks about: those that count for attendance, in agenda order."""
    return [session for session in sessions_in_order(page) if session.counts_for_attendance]


def submit_feedback(page, user, *, overall_usefulness, to_change="", topics_wanted="", ratings=None, now=None):
    """Store `user`'s answers to the event's feedback form. Returns the FeedbackResponse.

    `ratings` is {session uid (str): {"relevance": 1-5 or None, "clarity": ..., "speaker": ...}};
    sessions the form does not ask about are ignored, and a session left wholly unrated is not
    stored. The receipt ("has answered") and the response are written in one transaction; the
    receipt's unique constraint refuses a second answer, even from two submissions at once.
    """
    state = feedback_state(page, user, now)
    if not state["can_answer"]:
        raise FeedbackRefused(state["reason"])
    ratings = ratings or {}
    given_values = [overall_usefulness, *(r.get(name) for r in ratings.values() for name in DIMENSIONS)]
    if any(value is not None and value not in range(1, 6) for value in given_values):
        raise ValueError("Ratings are whole numbers from 1 to 5.")
    named = setup_for(page).named
    rows = []
    for session in rated_sessions(page):
        given = ratings.get(str(session.uid)) or {}
        values = {name: given.get(name) for name in DIMENSIONS}
        if any(value is not None for value in values.values()):
            rows.append({"session_uid": session.uid, "session_title": session.title, **values})
    try:
        with transaction.atomic():
            FeedbackReceipt.objects.create(page_id=page.pk, user=user)
            response = FeedbackResponse.objects.create(
                page_id=page.pk,
                submitted_on=timezone.localdate(now),
                overall_usefulness=overall_usefulness,
                to_change=(to_change or "").strip(),
                topics_wanted=(topics_wanted or "").strip(),
                respondent_name=(user.full_name or user.email) if named else "",
            )
            SessionRating.objects.bulk_create([SessionRating(response=response, **row) for row in rows])
    except IntegrityError as error:
        raise FeedbackRefused(ALREADY_ANSWERED) from error
    return response
