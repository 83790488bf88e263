"""The shared attack corpus against feedback comments (shown to the academy) and chart labels.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise). Every payload
is stored as a comment and read back through the feedback report, as the registrar sees it; and
every payload is drawn as a chart label, which must stay text in the SVG.
"""

import pytest
from django.template.loader import render_to_string

from core.charts import bar_chart
from feedback import services
from feedback.models import FeedbackResponse
from tests.colloquia.conftest import make_index
from tests.feedback.conftest import ended_event

from .test_resources_corpus import FORBIDDEN, audit, load_payloads

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]
SVG_ELEMENTS = {"svg", "title", "desc", "line", "text", "g", "rect"}


def test_every_payload_as_a_comment_is_inert_in_the_report(corpus_dir, academy):
    payloads = load_payloads(corpus_dir)
    page = ended_event(make_index(academy.page))
    FeedbackResponse.objects.bulk_create(
        FeedbackResponse(page=page, overall_usefulness=3, to_change=payload) for payload in payloads
    )
    comments = services.feedback_report(page)["comments"]["to_change"]
    stored = [p for p in payloads if p.strip()]
    assert len(comments) == len(stored) > 2000  # every comment shown, none lost
    failures = []
    for comment in comments:
        parsed = audit(str(comment["html"]))
        if parsed.problems or set(parsed.tags) & FORBIDDEN:
            failures.append(comment["html"])
    assert not failures, failures[:5]


def test_every_payload_as_a_chart_label_stays_text(corpus_dir):
    payloads = load_payloads(corpus_dir)
    chart = bar_chart("Corpus", "Every payload as a label.", [(payload, n) for n, payload in enumerate(payloads)])
    html = render_to_string("core/includes/chart.html", {"chart": chart})
    parsed = audit(str(chart.svg))
    assert not parsed.problems and set(parsed.tags) <= SVG_ELEMENTS, (parsed.problems[:5], set(parsed.tags))
    page = audit(html)
    assert not page.problems
    assert set(page.tags) - SVG_ELEMENTS <= {
        "figure",
        "figcaption",
        "strong",
        "span",
        "div",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
