"""Demo feedback (content/feedback.yaml): a past event's feedback settings, its participants' answers
and their knowledge tests before and after it.

Runs after the colloquia loader (the event, its registrations and attendance exist). The settings
are published with the event's page, as an editor publishes them; each answer and each test goes
through the feedback app's own functions at the moment it was given (`now` within the form's
window, the pre-event test the day before), so a demo answer is checked as a real one is and is
stored as one is: without the person. Idempotent: a person who has answered, or taken a test, is
left as they are.
"""

import datetime

from django.utils.text import slugify

from colloquia.models import ColloquiumPage
from courses.models import CoursePage
from feedback import services
from feedback.models import FeedbackSetup, TestStage

from ..content import CONTENT_DIR, TEXT, ContentError, check_fields, check_list, read_yaml
from ..locales import source
from . import colloquia, courses

FILE = "feedback.yaml"
SPEC = {
    "event": (TEXT, True),
    "window_days": (int, True),
    "named": (bool, True),
    "test": (dict, False),
    "responses": (list, True),
    "tests": (list, False),
}
TEST = {"module": (TEXT, True), "questions": (int, True)}
RESPONSE = {
    "email": (TEXT, True),
    "days_after": (int, True),
    "overall": (int, True),
    "sessions": (dict, False),
    "to_change": (TEXT, False),
    "topics_wanted": (TEXT, False),
}
RATINGS = {"relevance": (int, False), "clarity": (int, False), "speaker": (int, False)}
SCORES = {"email": (TEXT, True), "pre": (int, True), "post": (int, True)}


def _rating(value, where):
    if not 1 <= value <= 5:
        raise ContentError(f"{where}: {value} is not a rating from 1 to 5")
    return value


def _response(item, where, *, attended, sessions, window_days):
    check_fields(item, RESPONSE, where)
    if item["email"] not in attended:
        raise ContentError(f"{where}.email: {item['email']} did not attend this event (colloquia/), so is not asked")
    if not 0 <= item["days_after"] < window_days:
        raise ContentError(f"{where}.days_after: the form is open for {window_days} days after the event")
    _rating(item["overall"], f"{where}.overall")
    for title, ratings in (item.get("sessions") or {}).items():
        if title not in sessions:
            raise ContentError(f"{where}.sessions: {title!r} is not a counted session of this event")
        check_fields(ratings, RATINGS, f"{where}.sessions.{title}")
        for name, value in ratings.items():
            _rating(value, f"{where}.sessions.{title}.{name}")
    return item


def _scores(item, where, *, attended, questions):
    check_fields(item, SCORES, where)
    if item["email"] not in attended:
        raise ContentError(f"{where}.email: {item['email']} did not attend this event (colloquia/)")
    for stage in ("pre", "post"):
        if not 0 <= item[stage] <= questions:
            raise ContentError(f"{where}.{stage}: between 0 and {questions} right answers")
    return item


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    events = {event["slug"]: event for event in colloquia.read(root)["events"]}
    event = events.get(data["event"])
    if event is None:
        raise ContentError(f"{FILE}.event: {data['event']!r} is not the slug of a demo colloquium")
    if event["starts_in_days"] + event["days"] > 0:
        raise ContentError(f"{FILE}.event: {data['event']!r} has not ended when the demo is loaded")
    attended = {row["email"] for row in event["registrations"] if row.get("attended")}
    sessions = {s["title"] for s in event["sessions"] if s.get("counts_for_attendance", True)}
    emails = [item.get("email") for item in data["responses"]]
    if len(set(emails)) != len(emails):
        raise ContentError(f"{FILE}.responses: a participant answers once")
    check_list(
        data["responses"],
        f"{FILE}.responses",
        lambda item, at: _response(item, at, attended=attended, sessions=sessions, window_days=data["window_days"]),
    )
    test = data.get("test")
    if test:
        check_fields(test, TEST, f"{FILE}.test")
        modules = {module["key"]: module for module in courses.read(root)["modules"]}
        module = modules.get(test["module"])
        if module is None:
            raise ContentError(f"{FILE}.test.module: {test['module']!r} is not the key of a demo module")
        if not 1 <= test["questions"] <= len(module["questions"]):
            raise ContentError(f"{FILE}.test.questions: the module has {len(module['questions'])} questions")
        test["title"] = module["title"]
        check_list(
            data.get("tests") or [],
            f"{FILE}.tests",
            lambda item, at: _scores(item, at, attended=attended, questions=test["questions"]),
        )
    elif data.get("tests"):
        raise ContentError(f"{FILE}.tests: the event sets no test (add test: module and questions)")
    return data


def _publish_settings(page, data):
    draft = page.get_latest_revision_as_object()
    test = data.get("test")
    module = source(CoursePage).get(slug=slugify(test["title"])[:80]) if test else None
    draft.feedback_setup = [
        FeedbackSetup(
            window_days=data["window_days"],
            named=data["named"],
            test_module=module,
            test_questions=test["questions"] if test else 10,
        )
    ]
    draft.save_revision().publish()
    return ColloquiumPage.objects.get(pk=page.pk)


def _answers(questions, right):
    """{question id: answer}: the first `right` questions answered rightly, the others wrongly."""
    answers = {}
    for n, question in enumerate(questions):
        options = question["options"]
        if question["kind"] == "short":
            answers[str(question["id"])] = question["accepted"][0] if n < right else "not sure"
        elif question["kind"] == "multiple":
            wanted = [o["id"] for o in options if o["correct"]] if n < right else [options[0]["id"]]
            if n >= right and options[0]["correct"]:
                wanted = [o["id"] for o in options if not o["correct"]][:1]
            answers[str(question["id"])] = wanted
        else:
            answers[str(question["id"])] = next(o["id"] for o in options if o["correct"] == (n < right))
    return answers


def _user_of(page, email):
    return page.registrations.select_related("user").get(email=email).user


def load(stdout, data=None):
    data = data or read()
    created = 0
    page = source(ColloquiumPage).get(slug=data["event"])
    if not FeedbackSetup.objects.filter(page=page).exists():
        page = _publish_settings(page, data)
        created += 1
    opens, _ = services.feedback_window(page)
    for item in data["responses"]:
        user = _user_of(page, item["email"])
        if services.has_answered(page, user):
            continue
        by_title = {session.title: str(session.uid) for session in services.rated_sessions(page)}
        services.submit_feedback(
            page,
            user,
            overall_usefulness=item["overall"],
            to_change=item.get("to_change") or "",
            topics_wanted=item.get("topics_wanted") or "",
            ratings={by_title[title]: ratings for title, ratings in (item.get("sessions") or {}).items()},
            now=opens + datetime.timedelta(days=item["days_after"], hours=2),
        )
        created += 1
    if data.get("test"):
        questions = services.knowledge.paper(page)
        before = services.knowledge.first_session_starts(page) - datetime.timedelta(days=1)
        for item in data.get("tests") or []:
            user = _user_of(page, item["email"])
            for stage, now in ((TestStage.PRE, before), (TestStage.POST, opens + datetime.timedelta(hours=1))):
                state = services.test_state(page, user, stage, now=now)
                if state["taken"]:
                    continue
                services.submit_test(page, user, stage, _answers(questions, item[stage.value]), now=now)
                created += 1
    stdout.write(f"feedback: {created} objects created\n")
    return created
