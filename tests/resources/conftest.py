import pytest

from resources import services
from resources.models import Organisation, OrganisationMember, ResourceIndexPage, Topic
from tests import factories
from tests.resources.builders import PDF, upload


@pytest.fixture
def index_page(home):
    page = ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True)
    home.add_child(instance=page)
    return page


def make_org(name="Test Trust", verified=True, state="JH"):
    from regions.models import State

    return Organisation.objects.create(name=name, state=State.objects.get(code=state), verified=verified)


def make_member(organisation, **kwargs):
    user = factories.make_user("cso", **kwargs)
    OrganisationMember.objects.create(organisation=organisation, user=user)
    return user


@pytest.fixture
def organisation(db):
    return make_org()


@pytest.fixture
def member(organisation):
    return make_member(organisation, full_name="Org Member")


@pytest.fixture
def other_member(db):
    return make_member(make_org("Other Trust"), full_name="Other Org Member")


@pytest.fixture
def other_moderator(other_academy):
    return factories.make_staff(other_academy, "moderator", full_name="Other Moderator")


def form_data(**overrides):
    data = {
        "title": "Guide to victim identification",
        "summary": "How to spot the signs.",
        "description": "<p>Read <strong>this</strong>.</p>",
        "topics": [str(Topic.objects.get(code="victim-identification").pk)],
        "resource_type": "guide",
        "language": "en",
        "states": [],
        "audience": "all",
        "licence": "cc-by-4.0",
        "author_source": "Test Trust",
        "target_mode": "states",
    }
    data.update(overrides)
    return data


def service_data(**overrides):
    """cleaned_data as the form would give it, for calling services directly."""
    from regions.models import State

    data = {
        "title": "Guide to victim identification",
        "summary": "How to spot the signs.",
        "description": "<p>Read this.</p>",
        "topics": list(Topic.objects.filter(code="victim-identification")),
        "resource_type": "guide",
        "language": "en",
        "states": list(State.objects.filter(code="JH")),
        "audience": "all",
        "licence": "cc-by-4.0",
        "author_source": "Test Trust",
        "content_note": False,
        "target_mode": "states",
        "target_academies": [],
    }
    data.update(overrides)
    return data


def submit(user, **overrides):
    from resources.files import check_upload

    checked = [check_upload(upload("guide.pdf", PDF))]
    return services.submit_resource(user, service_data(**overrides), checked)


@pytest.fixture
def pending(academy, member):
    """A version awaiting moderation, sent to `academy` (JSJA serves JH)."""
    return submit(member)


@pytest.fixture
def approved(pending, moderator):
    return services.decide(pending, moderator, "approve")
