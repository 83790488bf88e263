"""Demo content for the resource library: organisations, approved resources, one pending submission.

Idempotent: organisations are found by name and resources by title, so a second
run creates nothing. Every organisation and resource is fictional and says so.
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

from .choices import Decision, Status, TargetMode
from .models import (
    ModerationDecision,
    Organisation,
    OrganisationMember,
    Resource,
    ResourceFile,
    ResourceIndexPage,
    ResourceVersion,
    Topic,
)
from .services import resolve_target_academies

ORGANISATIONS = [
    # name, state, registration number, website, verified
    ("Sahyog Anti-Trafficking Network (demo)", "JH", "JH/SOC/2011/0417", "https://example.org/sahyog", True),
    ("Mukti Margdarshan Trust (demo)", "CH", "CHD/TR/2008/112", "https://example.org/mukti", True),
    ("Surakshit Bachpan Foundation (demo)", "WB", "WB/S8/2016/0093", "https://example.org/surakshit", True),
    ("Nayi Disha Collective (demo)", "OD", "OD/SOC/2023/0555", "", False),
]

# organisation index, title, summary, topics, type, language, states, audience, content note, body paragraphs
RESOURCES = [
    (
        0,
        "Recognising forced labour at brick kilns: a field guide (demo)",
        "Signs that a worker at a brick kiln may be in bonded or forced labour, and what a first responder can ask.",
        ["forced-labour", "victim-identification"],
        "guide",
        "en",
        ["JH"],
        "police",
        False,
        [
            "Advance wages that can never be repaid, withheld identity papers and families working as one unit "
            "are common signs described by field workers.",
            "This fictional demo guide suggests open questions, in the worker's own language, asked away from "
            "the employer.",
        ],
    ),
    (
        0,
        "Directory of shelter homes and support services in Jharkhand (demo)",
        "A fictional, illustrative directory of shelters, legal aid and counselling contacts, organised by district.",
        ["repatriation", "compensation"],
        "directory",
        "hi",
        ["JH"],
        "all",
        False,
        [
            "Each entry lists the kind of support offered and the languages spoken. All names in this demo are "
            "invented.",
        ],
    ),
    (
        1,
        "Survivor testimony in court: reducing re-traumatisation (demo)",
        "Practical steps the courtroom can take so that a survivor can give evidence safely and completely.",
        ["evidence", "commercial-sexual-exploitation"],
        "training",
        "en",
        ["CH", "PB", "HR"],
        "judges",
        True,
        [
            "Screens, breaks, a support person and questions put through the court help a witness give a full account.",
            "The case examples in this demo are composites and describe sexual exploitation.",
        ],
    ),
    (
        1,
        "Child marriage and trafficking: a case study from Haryana (demo)",
        "A fictional composite case showing how a forced marriage can conceal trafficking, and the evidence that "
        "revealed it.",
        ["forced-marriage", "age-determination"],
        "case_study",
        "en",
        ["HR"],
        "prosecutors",
        True,
        ["The case study follows an investigation from the first complaint to the charge sheet."],
    ),
    (
        2,
        "Children used as drug couriers across the border: research brief (demo)",
        "Findings of a small fictional study on how children are recruited to carry drugs, and what protects them.",
        ["drug-couriers", "victim-identification"],
        "research",
        "bn",
        ["WB"],
        "all",
        False,
        ["Children found carrying drugs may themselves be victims of trafficking; the brief discusses indicators."],
    ),
    (
        2,
        "Domestic workers placed through agencies: SOP for rescue teams (demo)",
        "A step-by-step fictional procedure for rescue teams when a domestic worker may be held in servitude.",
        ["domestic-servitude", "begging"],
        "sop",
        "en",
        ["WB", "DL"],
        "police",
        False,
        ["Plan the visit, bring a woman officer and an interpreter, and arrange a shelter before the rescue."],
    ),
]

PENDING = (
    "Checklist for age determination hearings (demo draft)",
    "A one-page checklist of documents and steps a court may consider when a victim's age is disputed.",
    ["age-determination", "evidence"],
    "guide",
    "en",
    ["JH"],
    "judges",
    False,
    ["A draft submitted by the demo CSO account; it waits for a moderator of the Jharkhand academy."],
)

PDF_TEMPLATE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="{org}"><meta name="description" content="{summary}">
<style>@font-face {{ font-family: 'Noto Sans'; src: url('/static/core/fonts/NotoSans-Regular.ttf'); }}
body {{ font-family: 'Noto Sans', sans-serif; font-size: 11pt; margin: 2cm; }} h1 {{ font-size: 18pt; }}</style>
</head><body><h1>{title}</h1><p><strong>{org}</strong></p><p>{summary}</p>{body}
<p><em>Demonstration material for Colloquium. The organisation and its content are fictional.</em></p>
</body></html>"""


def _pdf(title, org, summary, paragraphs):
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = PDF_TEMPLATE.format(title=escape(title), org=escape(org), summary=escape(summary), body=body)
    return render_pdf(html)


def _index_page():
    index = ResourceIndexPage.objects.first()
    if index:
        return index, 0
    home = HomePage.objects.get()
    index = ResourceIndexPage(
        title="Resources",
        slug="resources",
        show_in_menus=True,
        introduction="Material shared by civil society organisations working against trafficking.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, 1


def _moderator_for(academy):
    emails = {"JSJA": "editor@demo.test", "CJA": "cja-staff@demo.test", "NJA": "nja-staff@demo.test"}
    return User.objects.filter(email=emails.get(academy.short_code, "admin@demo.test")).first()


def _make_resource(organisation, row, submitter, *, approve):
    title, summary, topics, rtype, language, states, audience, content_note, paragraphs = row
    if ResourceVersion.objects.filter(resource__organisation=organisation, title=title).exists():
        return 0
    resource = Resource.objects.create(organisation=organisation, created_by=submitter)
    version = ResourceVersion.objects.create(
        resource=resource,
        number=1,
        title=title,
        summary=summary,
        description="".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        resource_type=rtype,
        language=language,
        audience=audience,
        licence="cc-by-4.0",
        author_source=organisation.name,
        content_note=content_note,
        target_mode=TargetMode.STATES,
        submitted_by=submitter,
    )
    version.topics.set(Topic.objects.filter(code__in=topics))
    version.states.set(State.objects.filter(code__in=states))
    version.target_academies.set(resolve_target_academies(version))
    stored = ResourceFile(
        version=version, original_name=f"{resource.slug}.pdf"[:100], content_type="application/pdf", kind="pdf"
    )
    content = _pdf(title, organisation.name, summary, paragraphs)
    stored.size = len(content)
    stored.sha256 = hashlib.sha256(content).hexdigest()
    stored.file.save(stored.original_name, ContentFile(content), save=False)
    stored.save()
    resource.latest_version = version
    if approve:
        moderator = _moderator_for(version.target_academies.first()) if version.target_academies.exists() else None
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
def load(stdout):
    created = 0
    _, made = _index_page()
    created += made
    admin = User.objects.filter(email="admin@demo.test").first()
    organisations = []
    for name, state, reg, website, verified in ORGANISATIONS:
        organisation, made = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "state": State.objects.get(code=state),
                "registration_number": reg,
                "website": website,
                "about": "A fictional organisation created for the Colloquium demonstration.",
                "verified": verified,
                "verified_by": admin if verified else None,
                "verified_at": timezone.now() if verified else None,
            },
        )
        created += made
        organisations.append(organisation)
    cso = User.objects.filter(email="cso@demo.test").first()
    if cso is not None:
        _, made = OrganisationMember.objects.get_or_create(user=cso, defaults={"organisation": organisations[0]})
        created += made
    for org_index, *row in RESOURCES:
        created += _make_resource(organisations[org_index], row, cso if org_index == 0 else None, approve=True)
    created += _make_resource(organisations[0], PENDING, cso, approve=False)
    stdout.write(f"resources: {created} objects created\n")
    return created
