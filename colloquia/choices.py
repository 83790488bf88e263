"""The fixed lists of the colloquia app: kinds of event, audience categories, modes, statuses.

Plain `TextChoices` with no other import from the app, so that the pages, the learner data
and the services can all use them (`colloquia.models` re-exports them).
"""

from django.db import models

from accounts.roles import Role


class Kind(models.TextChoices):
    STATE_CONFERENCE = "state_conference", "State-level conference"
    JUDICIAL_COLLOQUIUM = "judicial_colloquium", "Judicial colloquium"
    WORKSHOP = "workshop", "Workshop"


class Category(models.TextChoices):
    """Who a place is for. The values are the account roles a participant declares."""

    HIGH_COURT_JUDGE = Role.HIGH_COURT_JUDGE.value, "High Court judges"
    DISTRICT_JUDGE = Role.DISTRICT_JUDGE.value, "District and Sessions judges"
    JUDICIAL_OFFICER = Role.JUDICIAL_OFFICER.value, "Other judicial officers"
    PROSECUTOR = Role.PROSECUTOR.value, "Public prosecutors"
    POLICE = Role.POLICE.value, "Police nodal officers (AHTU)"
    CSO = Role.CSO.value, "Civil society organisations"


class RegistrationMode(models.TextChoices):
    OPEN = "open", "Open: verified users in the audience sign up"
    APPROVAL = "approval", "By approval: the registrar approves or rejects each request"
    NOMINATION = "nomination", "By nomination only: the registrar invites nominees"


class CertificateRule(models.TextChoices):
    ALL = "all", "Attended every counted session"
    MIN_SESSIONS = "min_sessions", "Attended at least N counted sessions"
    MIN_HOURS = "min_hours", "Attended at least X hours of counted sessions"


class SessionKind(models.TextChoices):
    REGISTRATION = "registration", "Registration"
    INAUGURAL = "inaugural", "Inaugural"
    TECHNICAL = "technical", "Technical session"
    PANEL = "panel", "Panel"
    MOCK_TRIAL = "mock_trial", "Mock trial"
    BREAK = "break", "Break"
    VALEDICTORY = "valedictory", "Valedictory"


class SessionMode(models.TextChoices):
    """Where a session happens. An online or hybrid session may carry a meeting link for approved participants."""

    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In person and online"


ONLINE_MODES = (SessionMode.ONLINE, SessionMode.HYBRID)


class RegistrationStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    PENDING = "pending", "Awaiting approval"
    APPROVED = "approved", "Approved"
    WAITLISTED = "waitlisted", "On the waiting list"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DECLINED = "declined", "Declined"
    LAPSED = "lapsed", "Invitation lapsed"


ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)
# An invitation that was never answered: no account is needed, as for INVITED and DECLINED.
UNANSWERED_OR_DECLINED = (RegistrationStatus.INVITED, RegistrationStatus.DECLINED, RegistrationStatus.LAPSED)
