"""The fixed lists of the colloquia app: kinds of event, audience categories, modes, statuses.

Plain `TextChoices` with no other import from the app, so that the pages, the learner data
and the services can all use them (`colloquia.models` re-exports them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role


class Kind(models.TextChoices):
    STATE_CONFERENCE = "state_conference", _("State-level conference")
    JUDICIAL_COLLOQUIUM = "judicial_colloquium", _("Judicial colloquium")
    WORKSHOP = "workshop", _("Workshop")


class Category(models.TextChoices):
    """Who a place is for. The values are the account roles a participant declares."""

    HIGH_COURT_JUDGE = Role.HIGH_COURT_JUDGE.value, _("High Court judges")
    DISTRICT_JUDGE = Role.DISTRICT_JUDGE.value, _("District and Sessions judges")
    JUDICIAL_OFFICER = Role.JUDICIAL_OFFICER.value, _("Other judicial officers")
    PROSECUTOR = Role.PROSECUTOR.value, _("Public prosecutors")
    POLICE = Role.POLICE.value, _("Police nodal officers (AHTU)")
    CSO = Role.CSO.value, _("Civil society organisations")


class RegistrationMode(models.TextChoices):
    OPEN = "open", _("Open: verified users in the audience sign up")
    APPROVAL = "approval", _("By approval: the registrar approves or rejects each request")
    NOMINATION = "nomination", _("By nomination only: the registrar invites nominees")


class CertificateRule(models.TextChoices):
    ALL = "all", _("Attended every counted session")
    MIN_SESSIONS = "min_sessions", _("Attended at least N counted sessions")
    MIN_HOURS = "min_hours", _("Attended at least X hours of counted sessions")


class SessionKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    INAUGURAL = "inaugural", _("Inaugural")
    TECHNICAL = "technical", _("Technical session")
    PANEL = "panel", _("Panel")
    MOCK_TRIAL = "mock_trial", _("Mock trial")
    BREAK = "break", _("Break")
    VALEDICTORY = "valedictory", _("Valedictory")


class SessionMode(models.TextChoices):
    """Where a session happens. An online or hybrid session may carry a meeting link for approved participants."""

    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


ONLINE_MODES = (SessionMode.ONLINE, SessionMode.HYBRID)


class RegistrationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DECLINED = "declined", _("Declined")
    LAPSED = "lapsed", _("Invitation lapsed")


ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)
# An invitation that was never answered: no account is needed, as for INVITED and DECLINED.
UNANSWERED_OR_DECLINED = (RegistrationStatus.INVITED, RegistrationStatus.DECLINED, RegistrationStatus.LAPSED)
