"""A small world with two academies, every role, and objects owned by each, for the authorization matrix.

Built with each app's public services and the test builders the apps ship, so a
change of rules in an app shows up here. Academy A (JSJA, Jharkhand) is where every
staff role of the matrix works; academy B (MPSJA, Madhya Pradesh) owns the objects
used for cross-academy cases, and "another learner" / "another organisation" own
the objects used for object-level cases.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from tests import factories

# Roles of the matrix, in the order the table prints them.
ROLES = [
    "anonymous",
    "unverified",
    "judge",
    "prosecutor",
    "police",
    "cso",
    "cso_unverified_org",
    "editor",
    "moderator",
    "registrar",
    "superuser",
]
STAFF_ROLES = ("editor", "moderator", "registrar")


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> User (anonymous -> None)
    academy_a: object = None
    academy_b: object = None
    objects: dict = field(default_factory=dict)  # name -> model object
    notes: list = field(default_factory=list)  # apps that were missing when the world was built

    def __getitem__(self, name):
        return self.objects[name]

    def get(self, name, default=None):
        return self.objects.get(name, default)


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def build_users(world):
    a, b = world.academy_a, world.academy_b
    make = factories.make_user
    world.users.update(
        anonymous=None,
        unverified=make("district_judge", verified=False, full_name="Pending Judge"),
        judge=make("district_judge", full_name="Judge A"),
        prosecutor=make("prosecutor", full_name="Prosecutor A"),
        police=make("police", full_name="Police A"),
        cso=make("cso", full_name="CSO member, verified org"),
        cso_unverified_org=make("cso", full_name="CSO member, unverified org"),
        editor=factories.make_staff(a, "editor", full_name="Editor A"),
        moderator=factories.make_staff(a, "moderator", full_name="Moderator A"),
        registrar=factories.make_staff(a, "registrar", full_name="Registrar A"),
        superuser=factories.give_mfa(make(None, full_name="Superuser", is_staff=True, is_superuser=True, state=None)),
    )
    # Owners of the objects other roles must not reach.
    world.objects["learner_b"] = make("district_judge", state="MP", full_name="Judge B (another learner)")
    world.objects["pending_b"] = make("district_judge", verified=False, state="MP", full_name="Pending Judge B")
    world.objects["editor_b"] = factories.make_staff(b, "editor", full_name="Editor B")
    world.objects["registrar_b"] = factories.make_staff(b, "registrar", full_name="Registrar B")
    world.objects["moderator_b"] = factories.make_staff(b, "moderator", full_name="Moderator B")


def build_wagtail(world):
    Document, Image = get_document_model(), get_image_model()
    for key, academy in (("a", world.academy_a), ("b", world.academy_b)):
        doc = Document(title=f"Reading list {key.upper()}", collection=academy.collection)
        doc.file.save(f"reading-{key}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
        world.objects[f"document_{key}"] = doc
        image = Image.objects.create(
            title=f"Photo {key.upper()}",
            collection=academy.collection,
            file=ImageFile(io.BytesIO(_png()), name=f"photo-{key}.png"),
        )
        world.objects[f"image_{key}"] = image
    world.objects["collection_a"] = Collection.objects.get(pk=world.academy_a.collection_id)
    world.objects["collection_b"] = Collection.objects.get(pk=world.academy_b.collection_id)
    home = world.objects["home"]
    # A draft page (never published) in each academy's section.
    for key, academy in (("a", world.academy_a), ("b", world.academy_b)):
        from home.models import StandardPage

        parent = Page.objects.get(pk=academy.page_id)
        draft = StandardPage(title=f"Draft notes {key.upper()}", slug=f"draft-{key}", live=False)
        parent.add_child(instance=draft)
        draft.save_revision()
        world.objects[f"draft_page_{key}"] = draft
        world.objects[f"academy_page_{key}"] = parent.specific
    world.objects["revision_home"] = home.save_revision()
    from wagtail.contrib.redirects.models import Redirect

    world.objects["redirect"] = Redirect.objects.create(old_path="/old-page", redirect_link="/")


def build_courses(world):
    from courses import services
    from courses.models import Enrolment
    from notes.services import save_note
    from tests.courses.conftest import make_index, make_module

    a_index = make_index(Page.objects.get(pk=world.academy_a.page_id), slug="a-modules", title="A modules")
    b_index = make_index(Page.objects.get(pk=world.academy_b.page_id), slug="b-modules", title="B modules")
    module_a = make_module(a_index, lessons=2, questions=2, title="Module A", slug="module-a")
    module_b = make_module(b_index, lessons=2, questions=2, title="Module B", slug="module-b")
    judge, learner_b = world.users["judge"], world.objects["learner_b"]
    enrol_a, _ = services.enrol(judge, module_a)
    enrol_b, _ = services.enrol(learner_b, module_b)
    lessons_a = services.lessons_for(module_a)
    services.complete_lesson(enrol_a, lessons_a[0])
    services.complete_lesson(enrol_b, services.lessons_for(module_b)[0])
    attempt_a = services.start_attempt(enrol_a)
    attempt_b = services.start_attempt(enrol_b)
    module_a.save_revision()
    module_b.save_revision()
    module_a.refresh_from_db()
    module_b.refresh_from_db()
    world.objects.update(
        course_index_a=a_index,
        module_a=module_a,
        module_b=module_b,
        lesson_a=lessons_a[0],
        lesson_b=services.lessons_for(module_b)[0],
        enrolment_a=Enrolment.objects.get(pk=enrol_a.pk),
        attempt_a=attempt_a,
        attempt_b=attempt_b,
        # Private notes: the judge's on a lesson of module A, academy B's learner's on module B.
        note_a=save_note(judge, lessons_a[0], "The judge's private note."),
        note_b=save_note(learner_b, services.lessons_for(module_b)[0], "Another learner's private note."),
    )


def build_resources(world):
    from resources import services
    from resources.models import OrganisationMember, ResourceIndexPage
    from tests.resources.conftest import make_member, make_org, submit

    index = ResourceIndexPage(title="Resources", slug="resources")
    world.objects["home"].add_child(instance=index)
    org = make_org("Verified Trust", verified=True)
    OrganisationMember.objects.create(organisation=org, user=world.users["cso"])
    unverified_org = make_org("Unverified Trust", verified=False)
    OrganisationMember.objects.create(organisation=unverified_org, user=world.users["cso_unverified_org"])
    other_org = make_org("Other Trust", verified=True)
    other_member = make_member(other_org, full_name="Other org member")
    world.objects["organisation_mp"] = make_org("Madhya Pradesh Trust", verified=False, state="MP")
    own_pending = submit(world.users["cso"], title="Own pending guide")
    other_pending = submit(other_member, title="Other org pending guide")
    # Sent to academy B (serves MP): academy A's moderator must not see it.
    from regions.models import State

    b_pending = submit(other_member, title="Pending guide for MP", states=list(State.objects.filter(code="MP")))
    public = submit(other_member, title="Public guide")
    services.decide(public, world.users["moderator"], "approve")
    world.objects.update(
        resource_index=index,
        organisation=org,
        organisation_unverified=unverified_org,
        organisation_other=other_org,
        version_own_pending=own_pending,
        version_other_pending=other_pending,
        version_b_pending=b_pending,
        version_public=public,
        file_own_pending=own_pending.files.first(),
        file_other_pending=other_pending.files.first(),
        file_b_pending=b_pending.files.first(),
        file_public=public.files.first(),
    )


def _event(academy, key, world):
    from colloquia.models import AgendaSession, CategoryPlaces, ColloquiumIndexPage, ColloquiumPage

    parent = Page.objects.get(pk=academy.page_id)
    index = ColloquiumIndexPage(title=f"Colloquia {key.upper()}", slug=f"colloquia-{key}")
    parent.add_child(instance=index)
    from django.utils import timezone

    today = timezone.localdate()
    # Running today, so QR check-in is open for the whole day.
    page = ColloquiumPage(
        title=f"Colloquium {key.upper()}",
        slug=f"colloquium-{key}",
        venue=f"Academy {key.upper()}",
        start_date=today,
        end_date=today + datetime.timedelta(days=1),
        registration_open=True,
    )
    index.add_child(instance=page)
    CategoryPlaces.objects.create(page=page, category="district_judge")
    session = AgendaSession.objects.create(
        page=page,
        title="Opening session",
        date=page.start_date,
        start_time=datetime.time(0, 0),
        end_time=datetime.time(23, 59),
    )
    page.save_revision().publish()
    return page, session


def build_colloquia(world):
    from colloquia import services

    page_a, session_a = _event(world.academy_a, "a", world)
    page_b, session_b = _event(world.academy_b, "b", world)
    registration_a = services.register(world.users["judge"], page_a)
    registration_b = services.register(world.objects["learner_b"], page_b)
    feed_a = services.calendar_feed(world.users["judge"])
    from colloquia.models import Registration, RegistrationStatus, RestrictedMaterial

    nominee = Registration.objects.create(
        page=page_a,
        email="nominee@example.test",
        name="Nominated Judge",
        category="district_judge",
        status=RegistrationStatus.INVITED,
    )
    restricted = get_document_model()(title="Participants' pack A", collection=world.academy_a.collection)
    restricted.file.save("pack-a.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    RestrictedMaterial.objects.create(page=page_a, document=restricted)
    world.objects.update(
        event_a=page_a,
        event_b=page_b,
        session_a=session_a,
        session_b=session_b,
        registration_a=registration_a,
        registration_b=registration_b,
        feed_token_a=feed_a.token,
        invitation_token=services.invitation_token(nominee),
        check_in_code_a=services.current_check_in_code(session_a),
        document_restricted_a=restricted,
    )


def build_certificates(world):
    from certificates.models import CertificateTemplate, Kind, SourceKind
    from certificates.services import IssueContext, issue_certificate
    from tests.certificates.conftest import snapshot

    certs = {}
    for key, user, academy in (
        ("a", world.users["judge"], world.academy_a),
        ("b", world.objects["learner_b"], world.academy_b),
    ):
        context = IssueContext.build(Kind.COMPLETION, academy)
        cert, _ = issue_certificate(user, SourceKind.MODULE, 900 + ord(key), snapshot(), context=context)
        certs[key] = cert
        world.objects[f"template_{key}"] = CertificateTemplate.objects.create(
            name=f"Template {key.upper()}",
            kind=Kind.COMPLETION,
            academy=academy,
            heading="Certificate of Completion",
            wording="This certifies that {name} completed {title}.",
        )
    from certificates.models import IssueBatch

    for key in ("a", "b"):
        academy = world.academy_a if key == "a" else world.academy_b
        event = world.get(f"event_{key}")
        world.objects[f"batch_{key}"] = IssueBatch.objects.create(
            colloquium_id=event.pk if event else 0, title=f"Batch {key.upper()}", academy=academy
        )
    world.objects.update(certificate_a=certs["a"], certificate_b=certs["b"])


BUILDERS = [
    ("wagtail", build_wagtail),
    ("courses", build_courses),
    ("resources", build_resources),
    ("colloquia", build_colloquia),
    ("certificates", build_certificates),
]


def build_world():
    from django.apps import apps

    world = World()
    world.objects["home"] = factories.make_home()
    world.academy_a = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", ("JH",), "JHHC")
    world.academy_b = factories.make_academy("MPSJA", "MP State Judicial Academy", ("MP",), "MPHC")
    build_users(world)
    for app, builder in BUILDERS:
        if app != "wagtail" and not apps.is_installed(app):
            world.notes.append(f"{app} is not installed: its objects are missing")
            continue
        builder(world)
    return world
