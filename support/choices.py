"""The fixed lists of the support app: budget heads and the kinds of grantee (which UC form applies)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BudgetHead(models.TextChoices):
    """The heads of an event's budget, as the proposal, the expenditure and the UC list them."""

    VENUE = "venue", _("Venue")
    BOARDING_LODGING = "boarding_lodging", _("Boarding and lodging")
    PARTICIPANT_TRAVEL = "participant_travel", _("Participants' travel")
    RESOURCE_PERSONS = "resource_persons", _("Resource persons' honoraria and travel")
    COURSE_MATERIAL = "course_material", _("Course material")
    CERTIFICATES_PRINTING = "certificates_printing", _("Certificates and printing")
    MISCELLANEOUS = "miscellaneous", _("Miscellaneous")


def budget_field(head):
    """The SupportRecord field that holds the proposal's amount for `head`."""
    return f"budget_{head}"


class GranteeKind(models.TextChoices):
    """Who receives the grant, which decides the General Financial Rules 2017 form of its UC.

    GFR 2017 Rule 238(1): Form GFR 12-A for autonomous bodies (a registered society or other
    autonomous grantee); Rule 239: Form GFR 12-C for grants to a State Government, countersigned
    by the Administrative Secretary of the department or the Finance Secretary of the State.
    """

    STATE_GOVERNMENT = (
        "state_government",
        _("State Government (department or the High Court's establishment): Form GFR 12-C"),
    )
    AUTONOMOUS_BODY = "autonomous_body", _("Autonomous or registered body (e.g. a society): Form GFR 12-A")


GFR_FORM = {GranteeKind.STATE_GOVERNMENT: "GFR 12-C", GranteeKind.AUTONOMOUS_BODY: "GFR 12-A"}
GFR_RULE = {GranteeKind.STATE_GOVERNMENT: _("Rule 239"), GranteeKind.AUTONOMOUS_BODY: _("Rule 238(1)")}


class Document(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    CERTIFICATE = "utilisation-certificate", _("Utilisation certificate")
    REPORT = "outcome-report", _("Outcome report")
