"""Fixed vocabularies of the resource library."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide or handbook")
    SOP = "sop", _("Standard operating procedure")
    RESEARCH = "research", _("Research or report")
    CASE_STUDY = "case_study", _("Case study")
    DIRECTORY = "directory", _("Directory of services")
    TRAINING = "training", _("Training material")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    HINDI = "hi", _("Hindi")
    BENGALI = "bn", _("Bengali")
    MARATHI = "mr", _("Marathi")
    TAMIL = "ta", _("Tamil")
    TELUGU = "te", _("Telugu")
    ODIA = "or", _("Odia")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    ALL = "all", _("All justice-sector professionals")
    JUDGES = "judges", _("Judges")
    PROSECUTORS = "prosecutors", _("Prosecutors")
    POLICE = "police", _("Police (AHTU)")
    CSO = "cso", _("Civil society and support workers")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    PUBLIC_DOMAIN = "public-domain", _("Public domain / government work")
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved (shared with permission)")


class TargetMode(models.TextChoices):
    STATES = "states", _("The academies of the States/UTs it concerns")
    CHOSEN = "chosen", _("Academies I choose")


class Status(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Replaced by a later version")


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REQUEST_CHANGES = "changes", _("Request changes")
    REJECT = "reject", _("Reject")


DECISION_STATUS = {
    Decision.APPROVE: Status.APPROVED,
    Decision.REQUEST_CHANGES: Status.CHANGES_REQUESTED,
    Decision.REJECT: Status.REJECTED,
}
