"""An event's feedback in figures: the summary the outcome report prints, and the academy's feedback report.

Nothing here names a person: responses carry none (unless the event collects named feedback,
whose names the report shows, as the form told respondents), and the knowledge gain leaves out
groups of fewer than five people.
"""

from collections import Counter

from django.db.models import Count
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.html import clean_html

from ..models import FeedbackResponse, SessionRating
from .knowledge import knowledge_gain
from .responses import DIMENSIONS, rated_sessions
from .rules import eligible_registrations, setup_for

SCALE = range(1, 6)
DIMENSION_LABELS = {
    "relevance": gettext_lazy("Relevance"),
    "clarity": gettext_lazy("Clarity"),
    "speaker": gettext_lazy("Resource person"),
}
# The CSV's measures for each dimension, whole (a translation may not put the dimension where English does).
CSV_MEANS = {
    "relevance": gettext_lazy("Session relevance: mean (1-5)"),
    "clarity": gettext_lazy("Session clarity: mean (1-5)"),
    "speaker": gettext_lazy("Session resource person: mean (1-5)"),
}
CSV_ANSWERS = {
    "relevance": gettext_lazy("Session relevance: answers of %(mark)s"),
    "clarity": gettext_lazy("Session clarity: answers of %(mark)s"),
    "speaker": gettext_lazy("Session resource person: answers of %(mark)s"),
}


def _mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None


def _distribution(values):
    counts = Counter(v for v in values if v is not None)
    return [counts.get(point, 0) for point in SCALE]


def _session_ratings(page, sessions):
    """{session uid: {dimension: [values]}} and {uid: number of responses rating it}."""
    values = {session.uid: {name: [] for name in DIMENSIONS} for session in sessions}
    answered = Counter()
    rows = SessionRating.objects.filter(response__page_id=page.pk, session_uid__in=list(values))
    for uid, *given in rows.values_list("session_uid", *DIMENSIONS):
        answered[uid] += 1
        for name, value in zip(DIMENSIONS, given, strict=True):
            values[uid][name].append(value)
    return values, answered


def event_feedback_summary(event_page):
    """The event's feedback in figures (the agreed shape, printed in the outcome report).

    {"invited", "responses", "response_rate" (0..1), "overall_usefulness_mean" (or None),
     "sessions": [{"title", "relevance_mean", "clarity_mean", "speaker_mean", "responses"}],
     "knowledge_gain": [{"category", "pre_mean", "post_mean", "people"}] (groups under five left out)}
    """
    page = event_page
    invited = eligible_registrations(page).count() if setup_for(page).collect_feedback else 0
    usefulness = list(FeedbackResponse.objects.filter(page_id=page.pk).values_list("overall_usefulness", flat=True))
    sessions = rated_sessions(page)
    values, answered = _session_ratings(page, sessions)
    return {
        "invited": invited,
        "responses": len(usefulness),
        "response_rate": min(1.0, len(usefulness) / invited) if invited else 0.0,
        "overall_usefulness_mean": _mean(usefulness),
        "sessions": [
            {
                "title": session.title,
                **{f"{name}_mean": _mean(values[session.uid][name]) for name in DIMENSIONS},
                "responses": answered[session.uid],
            }
            for session in sessions
        ],
        "knowledge_gain": knowledge_gain(page),
    }


def _comment(text):
    """A comment as HTML: typed as plain text, escaped, its paragraphs kept, and cleaned by core.html."""
    return clean_html(linebreaks(escape(text)))


def feedback_report(event_page):
    """The feedback report: the summary, each rating's spread (counts of 1 to 5) and the comments."""
    page = event_page
    summary = event_feedback_summary(page)
    sessions = rated_sessions(page)
    values, _answered = _session_ratings(page, sessions)
    for row, session in zip(summary["sessions"], sessions, strict=True):
        row["spread"] = [
            {
                "name": name,
                "label": str(DIMENSION_LABELS[name]),
                "mean": row[f"{name}_mean"],
                "counts": _distribution(values[session.uid][name]),
            }
            for name in DIMENSIONS
        ]
    responses = list(FeedbackResponse.objects.filter(page_id=page.pk).order_by("id"))  # random ids: no order of arrival
    named = setup_for(page).named
    comments = {"to_change": [], "topics_wanted": []}
    for response in responses:
        for field in comments:
            text = getattr(response, field).strip()
            if text:
                comments[field].append({"html": _comment(text), "name": response.respondent_name if named else ""})
    gain = [{**row, "gain": round(row["post_mean"] - row["pre_mean"], 1)} for row in summary["knowledge_gain"]]
    return {
        **summary,
        "knowledge_gain": gain,
        "named": named,
        "usefulness_counts": _distribution(r.overall_usefulness for r in responses),
        "comments": comments,
    }


def report_csv_rows(report):
    """The report's figures as CSV rows (measure, item, value): no free text, nothing about a person."""
    yield [_("Participants asked"), "", report["invited"]]
    yield [_("Responses"), "", report["responses"]]
    yield [_("Response rate (%)"), "", round(100 * report["response_rate"], 1)]
    yield [_("Overall usefulness: mean (1-5)"), "", report["overall_usefulness_mean"]]
    for point, count in zip(SCALE, report["usefulness_counts"], strict=True):
        yield [_("Overall usefulness: answers of %(mark)s") % {"mark": point}, "", count]
    for session in report["sessions"]:
        yield [_("Session: responses"), session["title"], session["responses"]]
        for spread in session["spread"]:
            yield [str(CSV_MEANS[spread["name"]]), session["title"], spread["mean"]]
            for point, count in zip(SCALE, spread["counts"], strict=True):
                yield [str(CSV_ANSWERS[spread["name"]]) % {"mark": point}, session["title"], count]
    for row in report["knowledge_gain"]:
        yield [_("Knowledge test before: mean score (%)"), row["category"], row["pre_mean"]]
        yield [_("Knowledge test after: mean score (%)"), row["category"], row["post_mean"]]
        yield [_("Knowledge tests: people who took both"), row["category"], row["people"]]


def events_with_counts(pages):
    """[(page, responses)] for the events of `pages` that have begun: the report list's rows, in one query more."""
    pages = list(pages.filter(start_date__lte=timezone.localdate()))
    counts = dict(
        FeedbackResponse.objects.filter(page_id__in=[p.pk for p in pages])
        .values_list("page_id")
        .annotate(n=Count("id"))
        .values_list("page_id", "n")
    )
    return [(page, counts.get(page.pk, 0)) for page in pages]
