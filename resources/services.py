"""Public functions of the resources app: who may upload, see and moderate; submitting and deciding.

Plain functions over model objects, called by views, the demo loader and tests.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from academies.models import Academy
from academies.services import MODERATOR, academies_for
from accounts.audit import record
from accounts.roles import Role
from accounts.services import Gate, role_gate
from core.cache import depends_on
from core.html import clean_html
from core.i18n import language_of

from .choices import DECISION_STATUS, Decision, Status, TargetMode
from .records import (
    ModerationDecision,
    Organisation,
    OrganisationMember,
    Resource,
    ResourceFile,
    ResourceVersion,
)


class DecisionConflict(Exception):
    """The version was already decided or replaced; the caller must not act on it."""


# --- who may do what ---


def membership(user):
    if not user.is_authenticated:
        return None
    try:
        return user.cso_membership
    except OrganisationMember.DoesNotExist:
        return None


def organisation_of(user):
    member = membership(user)
    return member.organisation if member else None


def upload_gate(user):
    """Whether `user` may share a resource, and if not, what stands in the way, in plain words.

    Sharing is for members of verified civil society organisations. Anyone else (a judge, a
    prosecutor, the police, verified or not) is told so, not that a pending verification will
    open it; a CSO member is told exactly what is still pending: their role, their organisation,
    or both.
    """
    gate = role_gate(user, [Role.CSO])
    if gate.code == "anonymous":
        return Gate(False, _("Sign in with your civil society account to share a resource."), "anonymous")
    if user.role != Role.CSO:
        return _not_a_cso_member(user)
    if gate.code == "rejected":
        return Gate(
            False,
            _(
                "Your role as a civil society member could not be verified, so you cannot share resources. "
                "Update your profile or contact the academy."
            ),
            "rejected",
        )
    role_pending = gate.code == "unverified"
    organisation = organisation_of(user)
    if organisation is None:
        if role_pending:
            return Gate(
                False,
                _(
                    "Your role (%(role)s) is awaiting verification by academy staff, and your account is not "
                    "linked to an organisation yet. Ask academy staff to add you to your organisation's record. "
                    "You can share resources once both are done."
                )
                % {"role": user.get_role_display()},
                "unverified",
            )
        return Gate(
            False,
            _(
                "Your account is not linked to an organisation yet. Ask academy staff to add you to your "
                "organisation's record."
            ),
            "no_organisation",
        )
    if role_pending and not organisation.verified:
        return Gate(
            False,
            _(
                "Your role (%(role)s) and your organisation, %(organisation)s, are awaiting verification by "
                "academy staff. You can share resources once both are verified."
            )
            % {"role": user.get_role_display(), "organisation": organisation.name},
            "unverified",
        )
    if role_pending:
        return Gate(
            False,
            _(
                "Your role (%(role)s) is awaiting verification by academy staff. "
                "You can share resources once it is verified."
            )
            % {"role": user.get_role_display()},
            "unverified",
        )
    if not organisation.verified:
        return Gate(
            False,
            _(
                "Your organisation, %(organisation)s, is awaiting verification by academy staff. "
                "You can upload once it is verified."
            )
            % {"organisation": organisation.name},
            "organisation_unverified",
        )
    return Gate(True)


def _not_a_cso_member(user):
    if not user.role:
        return Gate(
            False,
            _(
                "Sharing resources is for members of verified civil society organisations. If you work for one, "
                "choose “Civil society member” as your role on your profile."
            ),
            "no_role",
        )
    return Gate(
        False,
        _(
            "Sharing resources is for members of verified civil society organisations. Your role is "
            "%(role)s: you can read and download the library, but not add to it."
        )
        % {"role": user.get_role_display()},
        "not_cso",
    )


def moderated_academies(user):
    return academies_for(user, MODERATOR)


def can_moderate(user, version):
    if not user.is_authenticated:
        return False
    return moderated_academies(user).filter(pk__in=version.target_academies.values("pk")).exists()


def is_member_of(user, organisation):
    member = membership(user)
    return member is not None and member.organisation_id == organisation.pk


def can_view_version(user, version):
    """The public sees the live version; the organisation and the target academies' moderators see every version."""
    resource = version.resource
    if resource.live_version_id == version.pk and resource.organisation.verified:
        return True
    if not user.is_authenticated:
        return False
    return is_member_of(user, resource.organisation) or can_moderate(user, version)


def can_edit(user, resource):
    return bool(upload_gate(user)) and is_member_of(user, resource.organisation)


def moderation_queue(user):
    academies = moderated_academies(user)
    return (
        ResourceVersion.objects.filter(status=Status.PENDING, target_academies__in=academies)
        .select_related("resource__organisation", "submitted_by")
        .distinct()
        .order_by("submitted_at")
    )


def submissions_of(organisation):
    return (
        Resource.objects.filter(organisation=organisation)
        .select_related("latest_version", "live_version", "latest_version__decided_by")
        .order_by("-latest_version__submitted_at")
    )


# --- submitting ---


def resolve_target_academies(version, chosen=()):
    """The academies whose moderators review `version`.

    "Chosen" uses the academies the CSO picked; "States" uses the academies serving
    the States/UTs it concerns, and the national academy when none serves them.
    """
    if version.target_mode == TargetMode.CHOSEN and chosen:
        return list(chosen)
    academies = list(Academy.objects.filter(states__in=version.states.all()).distinct())
    if not academies:
        academies = list(Academy.objects.filter(is_national=True))
    if not academies:
        academies = list(Academy.objects.all())
    return academies


def version_fields(data):
    """The stored text of a version from the form's cleaned data; the description goes through clean_html."""
    return {
        "title": data["title"],
        "summary": data["summary"],
        "description": str(clean_html(data.get("description", ""))),
        "resource_type": data["resource_type"],
        "language": data["language"],
        "audience": data["audience"],
        "licence": data["licence"],
        "author_source": data["author_source"],
        "content_note": bool(data.get("content_note")),
        "target_mode": data["target_mode"],
    }


def _save_version(resource, user, data, checked_files, stored_names, kept_files=()):
    number = (resource.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = ResourceVersion.objects.create(
        resource=resource, number=number, status=Status.PENDING, submitted_by=user, **version_fields(data)
    )
    version.topics.set(data["topics"])
    version.states.set(data.get("states") or [])
    version.target_academies.set(resolve_target_academies(version, data.get("target_academies") or ()))
    for checked in checked_files:
        stored = ResourceFile(
            version=version,
            original_name=checked.name,
            content_type=checked.content_type,
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
        )
        stored.file.save(checked.name, ContentFile(checked.content), save=False)
        stored_names.append((stored.file.storage, stored.file.name))
        stored.save()
    for old in kept_files:
        # The same stored file, now also part of the new version.
        ResourceFile.objects.create(
            version=version,
            file=old.file.name,
            original_name=old.original_name,
            content_type=old.content_type,
            kind=old.kind,
            size=old.size,
            sha256=old.sha256,
        )
    resource.latest_version = version
    resource.save(update_fields=["latest_version"])
    return version


def _delete_stored(stored_names):
    """Remove files written by a transaction that then rolled back."""
    for storage, name in stored_names:
        storage.delete(name)


def submit_resource(user, data, checked_files):
    """Create a resource and its first version, awaiting moderation. All or nothing."""
    gate = upload_gate(user)
    if not gate:
        raise PermissionDenied(gate.reason)
    if not checked_files:
        raise ValueError("A resource needs at least one file.")
    stored_names = []
    try:
        with transaction.atomic():
            resource = Resource.objects.create(organisation=organisation_of(user), created_by=user)
            version = _save_version(resource, user, data, checked_files, stored_names)
            record(resource, "colloquium.resource_submitted", user, version=version.number, title=version.title)
    except BaseException:
        _delete_stored(stored_names)
        raise
    return version


def submit_edit(user, resource, data, checked_files, kept_files):
    """A new version of `resource`. An open (pending) version is replaced; the live one stays public."""
    if not can_edit(user, resource):
        raise PermissionDenied("Only members of the organisation may edit its resources.")
    if not checked_files and not kept_files:
        raise ValueError("A resource needs at least one file.")
    stored_names = []
    try:
        with transaction.atomic():
            resource = Resource.objects.select_for_update().get(pk=resource.pk)
            ResourceVersion.objects.filter(resource=resource, status=Status.PENDING).update(status=Status.SUPERSEDED)
            kept = list(ResourceFile.objects.filter(pk__in=[f.pk for f in kept_files], version__resource=resource))
            version = _save_version(resource, user, data, checked_files, stored_names, kept)
            record(resource, "colloquium.resource_edited", user, version=version.number, title=version.title)
    except BaseException:
        _delete_stored(stored_names)
        raise
    return version


# --- deciding ---


def _email_uploader(version, decision, note):
    user = version.submitted_by
    if user is None or not user.email:
        return
    with translation.override(language_of(user)):
        subject = {
            Decision.APPROVE: _("Your resource is now public"),
            Decision.REQUEST_CHANGES: _("Changes requested to your resource"),
            Decision.REJECT: _("Your resource was not accepted"),
        }[decision]
        body = render_to_string(
            "resources/email/decision.txt",
            {
                "user": user,
                "version": version,
                "decision": decision,
                "note": note,
                "site_url": settings.SITE_URL,
                # Reversed in the recipient's language: a Hindi reader's link opens the /hi/ page.
                "submission_path": reverse("resources:submission", args=[version.resource_id]),
            },
        )
    send_mail(subject, body, None, [user.email])


def decide(version, moderator, decision, note=""):
    """Approve, request changes to, or reject a pending version.

    Locks the resource row, then checks the version is still pending and still the
    latest: of approve/reject/edit racing on one resource, the first wins and the
    others get DecisionConflict. Moderators act only for their own academies.
    """
    decision = Decision(decision)
    note = (note or "").strip()
    if decision in (Decision.REQUEST_CHANGES, Decision.REJECT) and not note:
        raise ValueError("Say what needs to change, or why it is rejected; the organisation sees this note.")
    with transaction.atomic():
        resource = Resource.objects.select_for_update().get(pk=version.resource_id)
        version = ResourceVersion.objects.select_related("resource__organisation").get(pk=version.pk)
        if not can_moderate(moderator, version):
            raise PermissionDenied("You do not moderate any academy this resource was sent to.")
        if version.status != Status.PENDING or resource.latest_version_id != version.pk:
            raise DecisionConflict(
                _("This version has already been decided or replaced by a newer edit. Reload to see its state.")
            )
        now = timezone.now()
        version.status = DECISION_STATUS[decision]
        version.decided_by = moderator
        version.decided_at = now
        version.moderator_note = note
        version.save(update_fields=["status", "decided_by", "decided_at", "moderator_note"])
        ModerationDecision.objects.create(version=version, decision=decision, note=note, decided_by=moderator)
        if decision == Decision.APPROVE:
            if resource.live_version_id:
                ResourceVersion.objects.filter(pk=resource.live_version_id).update(status=Status.SUPERSEDED)
            resource.live_version = version
            resource.published_at = now
            resource.save(update_fields=["live_version", "published_at"])
        record(
            resource,
            f"colloquium.resource_{decision.value}",
            moderator,
            version=version.number,
            title=version.title,
            note=note,
        )
        transaction.on_commit(lambda: _email_uploader(version, decision, note))
    return version


# --- organisations ---


@transaction.atomic
def set_verified(organisation, verified, by):
    """Stamp who verified an organisation, and when; record the change."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.verified == verified and (not verified or organisation.verified_by_id):
        return organisation
    organisation.verified = verified
    organisation.verified_by = by if verified else None
    organisation.verified_at = timezone.now() if verified else None
    organisation.save(update_fields=["verified", "verified_by", "verified_at"])
    record(
        organisation,
        "colloquium.organisation_verified" if verified else "colloquium.organisation_unverified",
        by,
        name=organisation.name,
    )
    return organisation


# The page-cache tag of every public page that shows a resource (core.cache.depends_on): the
# library, a resource's page, an organisation's page, the home page's newest resources and any
# page with a resource link block. Moderation decisions bump it, and nothing else.
PUBLIC_RESOURCES_TAG = "resources"


def page_cache_tags():
    return {
        label: lambda instance: [PUBLIC_RESOURCES_TAG]
        for label in ("resources.Organisation", "resources.Resource", "resources.ResourceVersion")
    }


def public_resources():
    depends_on(PUBLIC_RESOURCES_TAG)
    return Resource.objects.public().with_live()


def search_public(queryset, query):
    query = (query or "").strip()[:200]
    if not query:
        return queryset
    for word in query.split()[:8]:
        queryset = queryset.filter(
            Q(live_version__title__icontains=word)
            | Q(live_version__summary__icontains=word)
            | Q(live_version__description__icontains=word)
            | Q(live_version__author_source__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return queryset


def export_personal_data(user):
    """The user's organisation membership and the versions they submitted (the colloquium_personal_data hook)."""
    member = membership(user)
    versions = ResourceVersion.objects.filter(submitted_by=user).order_by("submitted_at")
    return {
        "resource library": {
            "organisation": member.organisation.name if member else None,
            "submissions": [
                {
                    "resource": v.resource_id,
                    "version": v.number,
                    "title": v.title,
                    "status": v.status,
                    "submitted_at": v.submitted_at.isoformat(),
                    "moderator_note": v.moderator_note,
                }
                for v in versions
            ],
        }
    }
