import datetime
from decimal import Decimal

import pytest
from wagtail.models import Page

from certificates.models import Kind, SourceKind
from certificates.services import IssueContext, issue_certificate


def snapshot(title="Trafficking in persons: the law", hours="6.5", score=None, day=datetime.date(2026, 1, 12)):
    return {
        "title": title,
        "programme": "State-level colloquium",
        "venue": "JSJA, Ranchi",
        "start_date": day,
        "end_date": day + datetime.timedelta(days=1),
        "hours": Decimal(hours),
        "score": score,
    }


@pytest.fixture
def issue():
    """issue(user, academy, source_id=...) -> (certificate, created), through the real service."""

    def _issue(user, academy, source_id=101, kind=Kind.ATTENDANCE, by=None, **snap):
        context = IssueContext.build(kind, academy)
        source_kind = SourceKind.COLLOQUIUM if kind == Kind.ATTENDANCE else SourceKind.MODULE
        return issue_certificate(user, source_kind, source_id, snapshot(**snap), context=context, issued_by=by)

    return _issue


@pytest.fixture
def event_page(academy):
    """A real ColloquiumPage in the academy's section."""
    from colloquia.models import ColloquiumIndexPage, ColloquiumPage

    parent = Page.objects.get(pk=academy.page_id)
    index = ColloquiumIndexPage(title="Colloquia", slug="colloquia")
    parent.add_child(instance=index)
    page = ColloquiumPage(
        title="Colloquium on trafficking",
        slug="colloquium-trafficking",
        venue="JSJA, Ranchi",
        start_date=datetime.date(2026, 1, 12),
        end_date=datetime.date(2026, 1, 13),
    )
    index.add_child(instance=page)
    return page
