"""Who may see and who may keep a support record.

Keepers are the registrars and the finance officers of the event's academy (and platform
administrators); MHA reviewers read every academy's records and change nothing. The model
permissions (granted by the groups in support's data migration) say what a person may do at
all; the academy scoping (academies.services) says for which academies.
"""

from academies.models import Academy
from academies.services import FINANCE, REGISTRAR, academies_for, acts_for_all, is_staff_of

from ..models import SupportRecord

VIEW_PERMISSION = "support.view_supportrecord"
KEEP_PERMISSION = "support.change_supportrecord"
REVIEW_PERMISSION = "support.review_all_records"


def keeper_academies(user):
    """The academies whose support records `user` keeps (every academy for platform administrators)."""
    if not user.has_perm(KEEP_PERMISSION):
        return Academy.objects.none()
    if acts_for_all(user):
        return Academy.objects.all()
    return (academies_for(user, REGISTRAR) | academies_for(user, FINANCE)).distinct()


def may_keep_for(user, academy):
    """Whether `user` may open and change support records of `academy`'s events."""
    if academy is None or not user.has_perm(KEEP_PERMISSION):
        return False
    return acts_for_all(user) or is_staff_of(user, academy, REGISTRAR) or is_staff_of(user, academy, FINANCE)


def may_keep(user, record):
    return may_keep_for(user, record.academy)


def reviews_all(user):
    """MHA reviewers (and platform administrators) read every academy's records."""
    return user.is_authenticated and user.is_staff and (user.has_perm(REVIEW_PERMISSION) or acts_for_all(user))


def may_view(user, record):
    if not user.has_perm(VIEW_PERMISSION):
        return False
    return reviews_all(user) or may_keep(user, record)


def visible_records(user):
    """The support records `user` may read."""
    records = SupportRecord.objects.select_related("event", "event__state", "academy")
    if not user.has_perm(VIEW_PERMISSION):
        return records.none()
    if reviews_all(user):
        return records
    return records.filter(academy__in=keeper_academies(user))
