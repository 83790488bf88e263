"""The shared attack corpus against the resource library's sanitiser, text fields and upload check.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise).
Payloads are batched: all of them through clean_html and the upload form's
validation, rendered many at a time through the listing and detail templates,
and a sample through the full HTTP upload, moderation and public pages.
"""

import json
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.html import clean_html
from resources import services
from resources.files import check_upload, name_problem, sanitise_name
from resources.forms import ResourceForm
from resources.models import Resource, ResourceVersion, Topic
from tests.resources.builders import PDF
from tests.resources.conftest import make_member, make_org

pytestmark = pytest.mark.corpus

COUNTS = Counter()
FORBIDDEN = {"script", "svg", "math", "style", "iframe", "object", "embed", "base", "form", "meta", "link", "frame"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class TagAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            cleaned = "".join(ch for ch in (value or "") if ch > " ").lower()
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcset") and cleaned.startswith(
                BAD_SCHEMES
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def audit(html):
    parser = TagAudit()
    parser.feed(html)
    parser.close()
    return parser


def load_payloads(corpus_dir):
    with open(corpus_dir / "xss" / "ALL_attacklike.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["payload"] for line in handle if line.strip()]


def test_every_payload_through_clean_html(corpus_dir):
    payloads = load_payloads(corpus_dir)
    failures = []
    for payload in payloads:
        once = str(clean_html(payload))
        parsed = audit(once)
        if parsed.problems or set(parsed.tags) & FORBIDDEN or str(clean_html(once)) != once:
            failures.append((payload, once))
        COUNTS["clean_html"] += 1
    print(f"\nclean_html corpus: {COUNTS['clean_html']} payloads, {len(failures)} not inert")
    assert COUNTS["clean_html"] == len(payloads) > 2000
    assert not failures, failures[:5]


@pytest.fixture
def library(home, db):
    from resources.models import ResourceIndexPage
    from tests import factories

    index = ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True)
    home.add_child(instance=index)
    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    moderator = factories.make_staff(academy, "moderator")
    organisation = make_org("Corpus Org")
    member = make_member(organisation)
    return index, academy, moderator, organisation, member


def _form_data(payload, topic_pk):
    return {
        "title": payload[:200],
        "summary": payload[:600],
        "description": payload,
        "topics": [str(topic_pk)],
        "resource_type": "guide",
        "language": "en",
        "audience": "all",
        "licence": "cc-by-4.0",
        "author_source": payload[:200],
        "target_mode": "states",
    }


def test_every_payload_through_the_upload_form_and_pages(corpus_dir, library):
    index, academy, moderator, organisation, member = library
    payloads = load_payloads(corpus_dir)
    topic = Topic.objects.first()

    # 1. Every payload through the form's validation and the service's field preparation.
    prepared = []
    for payload in payloads:
        form = ResourceForm(_form_data(payload, topic.pk), {"files": SimpleUploadedFile("a.pdf", PDF)})
        if not form.is_valid():
            # Only length limits may refuse a payload; the rest must be accepted and made inert.
            assert set(form.errors) <= {"summary", "description"}, (payload, form.errors)
            continue
        fields = services.version_fields(form.cleaned_data)
        assert str(clean_html(fields["description"])) == fields["description"]
        prepared.append(fields)
        COUNTS["form"] += 1
    assert COUNTS["form"] > 2000

    # 2. Store them all as approved versions (bulk, the way services.decide leaves them).
    resources = Resource.objects.bulk_create([Resource(organisation=organisation) for _ in prepared])
    now = _now()
    versions = ResourceVersion.objects.bulk_create(
        [
            ResourceVersion(resource=r, number=1, status="approved", decided_at=now, **f)
            for r, f in zip(resources, prepared, strict=True)
        ]
    )
    for resource, version in zip(resources, versions, strict=True):
        resource.live_version = version
        resource.latest_version = version
        resource.published_at = version.decided_at
    Resource.objects.bulk_update(resources, ["live_version", "latest_version", "published_at"])

    # 3. Render them through the listing and detail templates, many at a time.
    request = RequestFactory().get(index.url)
    request.user = member
    baseline = None
    public = list(services.public_resources().order_by("pk"))
    for start in range(0, len(public), 100):
        chunk = public[start : start + 100]
        for resource in chunk:
            resource.url = resource.get_url(index)
        html = render_to_string(
            "resources/organisation.html",
            {"page": index, "index_page": index, "organisation": organisation, "resources": chunk},
            request=request,
        )
        parsed = audit(html)
        assert not parsed.problems, parsed.problems
        forbidden = {tag: parsed.tags[tag] for tag in FORBIDDEN}
        baseline = baseline or forbidden
        assert forbidden == baseline, forbidden  # only the base template's own script/meta/form tags
        COUNTS["listing_rendered"] += len(chunk)
    detail_baseline = None
    detail_failures = []
    for resource in public:
        html = render_to_string(
            "resources/resource_detail.html",
            {
                "page": index,
                "index_page": index,
                "resource": resource,
                "version": resource.live_version,
                "files": [],
                "topics": [],
                "states": [],
            },
            request=request,
        )
        parsed = audit(html)
        forbidden = {tag: parsed.tags[tag] for tag in FORBIDDEN}
        detail_baseline = detail_baseline or forbidden
        if parsed.problems or forbidden != detail_baseline:
            detail_failures.append((resource.live_version.title, parsed.problems, forbidden))
        COUNTS["detail_rendered"] += 1
    assert COUNTS["listing_rendered"] == COUNTS["detail_rendered"] == len(prepared)
    assert not detail_failures, detail_failures[:5]

    # 4. A sample through the real HTTP upload, moderation and public pages (search results included).
    from django.test import Client

    client = Client()
    sample = payloads[:: max(1, len(payloads) // 25)][:25]
    for payload in sample:
        client.force_login(member)
        data = _form_data(payload[:500], topic.pk)
        data["files"] = SimpleUploadedFile("a.pdf", PDF)
        response = client.post("/resources/share/", data)
        assert response.status_code == 302, payload
        version = ResourceVersion.objects.order_by("-pk").first()
        for url in (f"/resources/mine/{version.resource_id}/", version.resource.get_url(index)):
            assert not audit(client.get(url).content.decode()).problems
        services.decide(version, moderator, "approve")
        client.logout()
        for url in (version.resource.get_url(index), index.url + "?q=" + payload[:30]):
            response = client.get(url)
            assert response.status_code == 200
            assert not audit(response.content.decode()).problems, payload
        COUNTS["http_round_trip"] += 1
    assert COUNTS["http_round_trip"] == len(sample)
    print(f"\nresource corpus: {dict(COUNTS)}")


def _now():
    from django.utils import timezone

    return timezone.now()


ACCEPTED_IF_GENUINE = {"images"}  # real PNG/JPEG with hostile metadata: stored re-encoded, metadata dropped


def test_every_corpus_file_through_the_validator(corpus_dir, settings):
    files = [p for p in sorted((corpus_dir / "uploads").rglob("*")) if p.is_file() and p.parent.name != "filenames"]
    for path in files:
        data = path.read_bytes()
        try:
            checked = check_upload(SimpleUploadedFile(path.name, data))
        except ValidationError as error:
            assert "was refused:" in error.messages[0]
            COUNTS["files_refused"] += 1
            continue
        # Accepted only when it is a genuine image: then stored re-encoded, without the payload-bearing metadata.
        assert path.parent.name in ACCEPTED_IF_GENUINE, path
        assert checked.kind in ("png", "jpeg")
        lowered = checked.content.lower()
        assert b"<script" not in lowered and b"alert" not in lowered and b"javascript:" not in lowered
        COUNTS["files_stored_inert"] += 1
    assert COUNTS["files_refused"] > 40
    assert COUNTS["files_refused"] + COUNTS["files_stored_inert"] == len(files)
    print(f"\nresource upload corpus: {COUNTS['files_refused']} refused, {COUNTS['files_stored_inert']} stored inert")


def test_hostile_images_are_served_inert(corpus_dir, library, client):
    index, academy, moderator, organisation, member = library
    path = corpus_dir / "uploads" / "images" / "patt_payload_in_all_known_metadata.jpg"
    checked = check_upload(SimpleUploadedFile(path.name, path.read_bytes()))
    from tests.resources.conftest import service_data

    version = services.submit_resource(member, service_data(), [checked])
    services.decide(version, moderator, "approve")
    response = client.get(version.files.get().get_absolute_url())
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b"alert" not in b"".join(response.streaming_content).lower()


def test_every_hostile_file_name(corpus_dir):
    names = []
    for path in sorted((corpus_dir / "uploads" / "filenames").glob("*.txt")):
        names.extend(line.rstrip("\n") for line in path.read_text(encoding="utf-8", errors="replace").splitlines())
    for raw in names:
        if not raw:
            continue
        safe = sanitise_name(raw)
        assert "/" not in safe and "\\" not in safe and ".." not in safe and not safe.startswith(".")
        assert len(safe) <= 100 and all(" " <= ch < "\x7f" for ch in safe)
        if "/" in raw or "\\" in raw:
            assert name_problem(raw)  # refused with a reason when a folder path arrives at the check
        COUNTS["file_names"] += 1
    assert COUNTS["file_names"] > 1000
    print(f"\nresource file-name corpus: {COUNTS['file_names']} names")
