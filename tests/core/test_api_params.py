"""The content API answers malformed query parameters with 400 and a message, never 500.

Database-agnostic: offsets past the database's integers, search text that is full-text syntax.
"""

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from core.null_bytes import MESSAGE
from home.models import StandardPage

ENDPOINTS = ["pages", "images", "documents"]
NUMERIC = ["offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of", "collection"]
TEXT = ["search", "search_operator", "order", "fields", "type", "locale", "title", "html_path"]
VALUES = [
    "99999999999999999999",
    str(2**63),
    str(2**63 - 1),
    str(-(2**63) - 1),
    "9" * 5000,
    "-1",
    "0",
    "²",
    "١٢",
    "1.5",
    "1e3",
    "abc",
    "",
    '"',
    "a OR",
    "data:",
]


@pytest.fixture
def content(home):
    page = StandardPage(title="Trafficking law", slug="trafficking-law", introduction="Trafficking under the BNS.")
    home.add_child(instance=page)
    document = get_document_model()(title="Trafficking reading list")
    document.file.save("reading.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    png = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(png, "PNG")
    image = get_image_model().objects.create(
        title="Trafficking poster", file=ImageFile(io.BytesIO(png.getvalue()), name="poster.png")
    )
    return {"pages": page, "documents": document, "images": image}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_no_parameter_value_answers_500(client, content, endpoint):
    wrong = []
    for name in NUMERIC + TEXT:
        for value in VALUES:
            for path in (f"/api/v2/{endpoint}/", f"/api/v2/{endpoint}/find/"):
                response = client.get(path, {name: value})
                if response.status_code == 400:
                    ok = bool(response.json().get("message"))
                else:
                    ok = response.status_code in (200, 302, 404)
                if not ok:
                    wrong.append((path, name, value[:20], response.status_code))
    assert wrong == []


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("offset", ["99999999999999999999", str(2**63), str(2**63 - 1)])
def test_offset_past_the_end_gives_an_empty_page(client, content, endpoint, offset):
    response = client.get(f"/api/v2/{endpoint}/", {"offset": offset})
    assert response.status_code == 200
    data = response.json()
    assert data["items"] == [] and data["meta"]["total_count"] >= 1


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_offset_inside_the_list_still_pages(client, content, endpoint):
    everything = client.get(f"/api/v2/{endpoint}/").json()
    assert everything["items"]
    second = client.get(f"/api/v2/{endpoint}/", {"offset": "1"}).json()
    assert second["items"] == everything["items"][1:]
    past = client.get(f"/api/v2/{endpoint}/", {"offset": str(len(everything["items"]))}).json()
    assert past["items"] == [] and past["meta"]["total_count"] == len(everything["items"])


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("value", ["²", "abc", "-1", "1.5"])
def test_find_by_an_id_that_is_not_a_number_is_a_bad_request(client, content, endpoint, value):
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": value})
    assert response.status_code == 400
    assert response.json() == {"message": "id must be a positive integer"}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_find_by_id_still_redirects_to_the_item(client, content, endpoint):
    item = content[endpoint]
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": str(item.pk)})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == f"/api/v2/{endpoint}/{item.pk}/"


@pytest.mark.indexes
@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("text", ['"trafficking', 'trafficking"', "trafficking:", "(trafficking)", "-trafficking*"])
def test_search_syntax_around_a_word_is_ignored(client, content, endpoint, text):
    response = client.get(f"/api/v2/{endpoint}/", {"search": text})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [content[endpoint].pk]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("text", ['"', 'a"b', "'", "NEAR(", "data:"])
def test_search_text_that_is_only_syntax_answers(client, content, endpoint, text):
    response = client.get(f"/api/v2/{endpoint}/", {"search": text})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "params", [{"search": "a\x00b"}, {"locale": "en\x00"}, {"html_path": "/\x00/"}, {"x\x00": "1"}]
)
def test_a_nul_character_in_a_parameter_is_a_bad_request(client, content, endpoint, params):
    # PostgreSQL refuses NUL characters in a query; no parameter may carry one to the database.
    for path in (f"/api/v2/{endpoint}/", f"/api/v2/{endpoint}/find/", f"/api/v2/{endpoint}/{content[endpoint].pk}/"):
        response = client.get(path, params)
        assert response.status_code == 400, path
        assert response.json() == {"message": MESSAGE}, path


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_search_operator_is_a_bad_request(client, content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "trafficking", "search_operator": "xor"})
    assert response.status_code == 400
    assert response.json() == {"message": "search_operator must be 'and' or 'or'"}


@pytest.mark.indexes
def test_search_operator_or_and_ordering_still_work(client, content):
    response = client.get("/api/v2/pages/", {"search": "trafficking nowhere", "search_operator": "or"})
    assert [item["id"] for item in response.json()["items"]] == [content["pages"].pk]
    response = client.get("/api/v2/pages/", {"search": "trafficking nowhere"})
    assert response.json()["items"] == []
    response = client.get("/api/v2/pages/", {"search": "trafficking", "order": "title"})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [content["pages"].pk]


@pytest.mark.indexes
def test_documents_of_a_restricted_collection_stay_out_of_listing_and_search(client, content):
    private = Collection.get_first_root_node().add_child(name="Participants only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    hidden = get_document_model()(title="Trafficking participants' pack", collection=private)
    hidden.file.save("pack.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    for params in ({}, {"search": "trafficking"}):
        response = client.get("/api/v2/documents/", params)
        assert response.status_code == 200
        assert [item["id"] for item in response.json()["items"]] == [content["documents"].pk]
