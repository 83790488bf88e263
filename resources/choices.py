"""Fixed vocabularies of the resource library."""

from django.db import models


class ResourceType(models.TextChoices):
    GUIDE = "guide", "Guide or handbook"
    SOP = "sop", "Standard operating procedure"
    RESEARCH = "research", "Research or report"
    CASE_STUDY = "case_study", "Case study"
    DIRECTORY = "directory", "Directory of services"
    TRAINING = "training", "Training material"
    OTHER = "other", "Other"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    HINDI = "hi", "Hindi"
    BENGALI = "bn", "Bengali"
    MARATHI = "mr", "Marathi"
    TAMIL = "ta", "Tamil"
    TELUGU = "te", "Telugu"
    ODIA = "or", "Odia"
    OTHER = "other", "Other"


class Audience(models.TextChoices):
    ALL = "all", "All justice-sector professionals"
    JUDGES = "judges", "Judges"
    PROSECUTORS = "prosecutors", "Prosecutors"
    POLICE = "police", "Police (AHTU)"
    CSO = "cso", "Civil society and support workers"


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    PUBLIC_DOMAIN = "public-domain", "Public domain / government work"
    ALL_RIGHTS = "all-rights-reserved", "All rights reserved (shared with permission)"


class TargetMode(models.TextChoices):
    STATES = "states", "The academies of the States/UTs it concerns"
    CHOSEN = "chosen", "Academies I choose"


class Status(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    CHANGES_REQUESTED = "changes", "Changes requested"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SUPERSEDED = "superseded", "Replaced by a later version"


class Decision(models.TextChoices):
    APPROVE = "approve", "Approve"
    REQUEST_CHANGES = "changes", "Request changes"
    REJECT = "reject", "Reject"


DECISION_STATUS = {
    Decision.APPROVE: Status.APPROVED,
    Decision.REQUEST_CHANGES: Status.CHANGES_REQUESTED,
    Decision.REJECT: Status.REJECTED,
}
