"""Demo resource library (content/resources/): organisations, approved resources, one pending submission.

Idempotent: organisations are found by name and resources by title, so a second run creates
nothing. Every organisation and resource is fictional and says so.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from accounts.models import User
from core.pdf import render_pdf
from home.models import HomePage
from regions.models import State
from resources.choices import Decision, Status, TargetMode
from resources.models import (
    ModerationDecision,
    Organisation,
    OrganisationMember,
    Resource,
    ResourceFile,
    ResourceIndexPage,
    ResourceVersion,
    Topic,
)
from resources.services import resolve_target_academies

from ..content import CONTENT_DIR, TEXT, check_fields, check_list, display_name, read_yaml, yaml_files
from ..locales import source

FOLDER = "resources"
ORGANISATIONS = {
    "about": (TEXT, True),
    "verified_by": (TEXT, True),
    "member": (dict, True),
    "organisations": (list, True),
    "index_page": (dict, True),
    "moderators": (dict, True),
    "default_moderator": (TEXT, True),
}
ORGANISATION = {
    "name": (TEXT, True),
    "state": (TEXT, True),
    "registration_number": (TEXT, True),
    "website": (TEXT, False),
    "verified": (bool, True),
}
MEMBER = {"email": (TEXT, True), "organisation": (TEXT, True)}
INDEX = {"title": (TEXT, True), "slug": (TEXT, True), "show_in_menus": (bool, False), "introduction": (TEXT, True)}
RESOURCE = {
    "title": (TEXT, True),
    "organisation": (TEXT, True),
    "submitted_by": (TEXT, False),
    "approved": (bool, True),
    "summary": (TEXT, True),
    "topics": (list, True),
    "resource_type": (TEXT, True),
    "language": (TEXT, True),
    "states": (list, True),
    "audience": (TEXT, True),
    "content_note": (bool, True),
    "paragraphs": (list, True),
}

PDF_TEMPLATE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="{org}"><meta name="description" content="{summary}">
<style>@font-face {{ font-family: 'Noto Sans'; src: url('/static/core/fonts/NotoSans-Regular.ttf'); }}
body {{ font-family: 'Noto Sans', sans-serif; font-size: 11pt; margin: 2cm; }} h1 {{ font-size: 18pt; }}</style>
</head><body><h1>{title}</h1><p><strong>{org}</strong></p><p>{summary}</p>{body}
<p><em>Demonstration material for Colloquium. The organisation and its content are fictional.</em></p>
</body></html>"""


def read(root=CONTENT_DIR):
    folder = root / FOLDER
    where = f"{FOLDER}/organisations.yaml"
    data = check_fields(read_yaml(folder / "organisations.yaml", root), ORGANISATIONS, where)
    check_list(data["organisations"], f"{where}: organisations", lambda o, at: check_fields(o, ORGANISATION, at))
    check_fields(data["member"], MEMBER, f"{where}: member")
    check_fields(data["index_page"], INDEX, f"{where}: index_page")
    resources = []
    for path in yaml_files(folder):
        if path.name != "organisations.yaml":
            resources.append(check_fields(read_yaml(path, root), RESOURCE, display_name(path, root)))
    return {**data, "resources": resources}


def _pdf(title, org, summary, paragraphs):
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = PDF_TEMPLATE.format(title=escape(title), org=escape(org), summary=escape(summary), body=body)
    return render_pdf(html)


def _index_page(fields):
    index = source(ResourceIndexPage).first()
    if index:
        return index, 0
    home = source(HomePage).get()
    index = ResourceIndexPage(**fields)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, 1


def _moderator_for(academy, data):
    email = data["moderators"].get(academy.short_code, data["default_moderator"])
    return User.objects.filter(email=email).first()


def _make_resource(organisation, row, submitter, data):
    title = row["title"]
    if ResourceVersion.objects.filter(resource__organisation=organisation, title=title).exists():
        return 0
    resource = Resource.objects.create(organisation=organisation, created_by=submitter)
    version = ResourceVersion.objects.create(
        resource=resource,
        number=1,
        title=title,
        summary=row["summary"],
        description="".join(f"<p>{escape(p)}</p>" for p in row["paragraphs"]),
        resource_type=row["resource_type"],
        language=row["language"],
        audience=row["audience"],
        licence="cc-by-4.0",
        author_source=organisation.name,
        content_note=row["content_note"],
        target_mode=TargetMode.STATES,
        submitted_by=submitter,
    )
    version.topics.set(Topic.objects.filter(code__in=row["topics"]))
    version.states.set(State.objects.filter(code__in=row["states"]))
    version.target_academies.set(resolve_target_academies(version))
    stored = ResourceFile(
        version=version, original_name=f"{resource.slug}.pdf"[:100], content_type="application/pdf", kind="pdf"
    )
    content = _pdf(title, organisation.name, row["summary"], row["paragraphs"])
    stored.size = len(content)
    stored.sha256 = hashlib.sha256(content).hexdigest()
    stored.file.save(stored.original_name, ContentFile(content), save=False)
    stored.save()
    resource.latest_version = version
    if row["approved"]:
        academies = version.target_academies
        moderator = _moderator_for(academies.first(), data) if academies.exists() else None
        now = timezone.now()
        version.status = Status.APPROVED
        version.decided_by = moderator
        version.decided_at = now
        version.save(update_fields=["status", "decided_by", "decided_at"])
        ModerationDecision.objects.create(version=version, decision=Decision.APPROVE, decided_by=moderator)
        resource.live_version = version
        resource.published_at = now
    resource.save()
    return 1


@transaction.atomic
def load(stdout, data=None):
    data = data or read()
    created = 0
    _, made = _index_page(data["index_page"])
    created += made
    admin = User.objects.filter(email=data["verified_by"]).first()
    organisations = {}
    for item in data["organisations"]:
        organisation, made = Organisation.objects.get_or_create(
            name=item["name"],
            defaults={
                "state": State.objects.get(code=item["state"]),
                "registration_number": item["registration_number"],
                "website": item.get("website", ""),
                "about": data["about"],
                "verified": item["verified"],
                "verified_by": admin if item["verified"] else None,
                "verified_at": timezone.now() if item["verified"] else None,
            },
        )
        created += made
        organisations[item["name"]] = organisation
    member = User.objects.filter(email=data["member"]["email"]).first()
    if member is not None:
        _, made = OrganisationMember.objects.get_or_create(
            user=member, defaults={"organisation": organisations[data["member"]["organisation"]]}
        )
        created += made
    for row in data["resources"]:
        submitter = User.objects.filter(email=row["submitted_by"]).first() if row.get("submitted_by") else None
        created += _make_resource(organisations[row["organisation"]], row, submitter, data)
    stdout.write(f"resources: {created} objects created\n")
    return created
