"""Public functions of the support app: access, the money rules, documents and totals.

- access: who may see (`may_view`, `visible_records`) and keep (`may_keep`) a support record
- money: the proposal within the MHA limit, the sanction, expenditure within it, the position
- outcome: the outcome report's figures for an event
- documents: the PDFs, signing (locks the record) and corrections (a new version)
- totals: `supported_event_totals` and `supported_event_rows` (by State/UT and year) for the national statistics page
"""

from .access import keeper_academies, may_keep, may_keep_for, may_view, reviews_all, visible_records
from .documents import financial_year, open_correction, render_document, sign, signatories, signing_problem
from .money import (
    Refused,
    add_expenditure,
    add_photograph,
    budget_problem,
    open_record,
    position,
    record_refund,
    record_sanction,
    remove_expenditure,
    remove_photograph,
    require_open,
    save_proposal,
    spending_problem,
    total_spent,
)
from .outcome import outcome_figures
from .totals import page_cache_tags, sanctioned_amount, supported_event_rows, supported_event_totals

__all__ = [
    "Refused",
    "add_expenditure",
    "add_photograph",
    "budget_problem",
    "financial_year",
    "keeper_academies",
    "may_keep",
    "may_keep_for",
    "may_view",
    "open_correction",
    "open_record",
    "outcome_figures",
    "position",
    "record_refund",
    "record_sanction",
    "remove_expenditure",
    "remove_photograph",
    "render_document",
    "require_open",
    "reviews_all",
    "save_proposal",
    "sign",
    "signatories",
    "signing_problem",
    "spending_problem",
    "page_cache_tags",
    "sanctioned_amount",
    "supported_event_rows",
    "supported_event_totals",
    "total_spent",
    "visible_records",
]
