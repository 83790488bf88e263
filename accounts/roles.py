"""The roles a user can declare, and the staff groups created for them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HIGH_COURT_JUDGE = "hc_judge", _("High Court judge")
    DISTRICT_JUDGE = "district_judge", _("District/Sessions judge")
    JUDICIAL_OFFICER = "judicial_officer", _("Other judicial officer")
    PROSECUTOR = "prosecutor", _("Public prosecutor")
    POLICE = "police", _("Police nodal officer (AHTU)")
    CSO = "cso", _("Civil society member")
    ACADEMY_STAFF = "academy_staff", _("Academy staff")


class RoleStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Not verified")


JUDICIAL_ROLES = (Role.HIGH_COURT_JUDGE, Role.DISTRICT_JUDGE, Role.JUDICIAL_OFFICER)


def declarable_roles(current=""):
    """The roles a person may declare at sign-up or on their profile.

    Staff act through academy groups, so "Academy staff" is never offered; someone who already
    holds it keeps it (it stays among their choices) but no one else can choose it.
    """
    return [(value, label) for value, label in Role.choices if value != Role.ACADEMY_STAFF or value == current]


# Platform-wide staff groups (created in a data migration). Academies add their
# own per-academy groups on top; these carry the permissions that are not tied
# to a section of the page tree.
EDITORS_GROUP = "Academy editors"
MODERATORS_GROUP = "Moderators"
REGISTRARS_GROUP = "Registrars"
PLATFORM_ADMINS_GROUP = "Platform administrators"
STAFF_GROUPS = (EDITORS_GROUP, MODERATORS_GROUP, REGISTRARS_GROUP, PLATFORM_ADMINS_GROUP)
