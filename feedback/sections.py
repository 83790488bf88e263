"""What feedback shows on shared pages: the event page's side column and "My learning".

"My learning" reads the person's places and their events' settings in two queries and asks the
rules only about events whose form or test the calendar allows today (ended within the feedback
window, or not yet started with a knowledge test), so it costs the same however many events the
person has a place at. It is kept in the learner cache (core.extensions.learner_section): what it
shows changes with the person's records (places, attendance, answers and tests, which the apps
announce), with the event's settings (saved when the page is published) and with the clock, at
the moments it names (`changes_at`: a form opens or closes, a test before the event closes).
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from colloquia.choices import RegistrationStatus
from colloquia.records import Registration
from core.extensions import learner_section
from core.learner_pages import changes_at

from . import services
from .models import DEFAULT_WINDOW_DAYS, FeedbackSetup, TestStage

RECENT = timedelta(days=366)  # longer than any feedback window


def _actions(page, user):
    """The feedback and test links `user` has for `page`: [{"label", "url", "note"}], and what they did."""
    actions, done = [], []
    feedback = services.feedback_state(page, user)
    if feedback["can_answer"]:
        closes = date_format(feedback["closes"], "j M Y")
        if feedback["named"]:
            note = _("Open until %(date)s; named: your name is kept with your answers.") % {"date": closes}
        else:
            note = _("Open until %(date)s; anonymous.") % {"date": closes}
        actions.append(
            {"label": _("Give your feedback"), "url": reverse("feedback:form", args=[page.pk]), "note": note}
        )
    elif feedback["answered"]:
        done.append(_("You have given your feedback. Thank you."))
    if services.test_module(page) is not None:
        for stage, label, scored in [
            (
                TestStage.PRE,
                _("Take the test before the event"),
                _("Before the event: you scored %(correct)s of %(total)s."),
            ),
            (
                TestStage.POST,
                _("Take the test after the event"),
                _("After the event: you scored %(correct)s of %(total)s."),
            ),
        ]:
            test = services.test_state(page, user, stage)
            if test["can_take"]:
                actions.append({"label": label, "url": reverse("feedback:test", args=[page.pk, stage]), "note": ""})
            elif test["taken"]:
                done.append(scored % {"correct": test["taken"].correct, "total": test["taken"].total})
    return actions, done


def _may_have_actions(page, settings, today):
    """Whether the calendar leaves the event anything to do today: its form may be open (the event
    ended within the window, a day's margin for its time zone) or, with a knowledge test, it has
    not started yet. Only then are the rules asked, at a few queries. `settings` carries the
    event's feedback settings as annotated (`has_setup`, `collect`, `window`, `test_module_pk`)."""
    collect = settings.collect if settings.has_setup else True
    window = settings.window if settings.has_setup else DEFAULT_WINDOW_DAYS
    has_test = bool(settings.test_module_pk)
    ended_within_window = today - timedelta(days=window + 1) <= page.end_date <= today + timedelta(days=1)
    return ((collect or has_test) and ended_within_window) or (
        has_test and page.start_date >= today - timedelta(days=1)
    )


def event_section(request, page=None, **kwargs):
    """On the event's page, for a participant: the feedback form and the knowledge tests open to them."""
    user = request.user
    if page is None or not user.is_authenticated:
        return None
    if not Registration.objects.filter(page=page, user=user, status=RegistrationStatus.APPROVED).exists():
        return None
    actions, done = _actions(page, user)
    if not actions and not done:
        return None
    return {"template": "feedback/sections/event.html", "actions": actions, "done": done}


def my_feedback(request, **kwargs):
    """In "My learning": the events whose feedback form or knowledge test awaits the person."""
    return learner_section(
        request, "feedback", "feedback/sections/my_feedback.html", lambda: _awaiting_feedback(request.user)
    )


def _awaiting_feedback(user):
    today = timezone.localdate()
    now = timezone.now()
    # The person's places and their events' feedback settings in one query.
    setups = FeedbackSetup.objects.filter(page_id=OuterRef("page_id"))
    registrations = (
        Registration.objects.filter(user=user, status=RegistrationStatus.APPROVED, page__end_date__gte=today - RECENT)
        .select_related("page")
        .annotate(
            has_setup=Exists(setups),
            collect=Subquery(setups.values("collect_feedback")[:1]),
            window=Subquery(setups.values("window_days")[:1]),
            test_module_pk=Subquery(setups.values("test_module_id")[:1]),
        )
        .order_by("-page__start_date")
    )
    rows = []
    for registration in registrations:
        page = registration.page
        if not page.live or not _may_have_actions(page, registration, today):
            continue
        # When the rules' answer can change today: the form opens or closes, the test before it closes.
        moments = [*services.feedback_window(page), services.first_session_starts(page)]
        changes_at(min((moment for moment in moments if moment > now), default=None))
        actions, _done = _actions(page, user)
        if actions:
            rows.append({"page": page, "actions": actions})
    return {"rows": rows} if rows else None
