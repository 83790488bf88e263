"""Uploads go to the S3 server, private, and come back only through the permission-checking view."""

import re

import pytest
import requests

from .conftest import Browser, location, sign_in, small_pdf

pytestmark = pytest.mark.stack


def first_choice(html, name, kind="option"):
    """The first non-empty value offered for the form field `name` (an <option> or a checkbox/radio)."""
    if kind == "option":
        select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
        assert select, f"no <select> named {name}"
        values = re.findall(r'<option value="([^"]+)"', select.group(1))
    else:
        values = re.findall(rf'<input type="{kind}" name="{name}" value="([^"]+)"', html)
    assert values, f"no choice offered for {name}"
    return values[0]


def test_an_upload_is_stored_privately_in_the_bucket_and_served_only_to_those_allowed(stack, s3, demo_accounts):
    member = Browser(stack)  # a member of a civil-society organisation may share resources
    sign_in(member, "nginx", "cso@demo.test", demo_accounts["password"])
    form = member.get("nginx", "/resources/share/")
    assert form.status_code == 200
    content = small_pdf()
    response = member.post(
        "nginx",
        "/resources/share/",
        {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1),
            "title": "Stack check: a private upload",
            "summary": "Uploaded by the production-shape tests.",
            "topics": first_choice(form.text, "topics", "checkbox"),
            "resource_type": first_choice(form.text, "resource_type"),
            "language": first_choice(form.text, "language"),
            "audience": first_choice(form.text, "audience"),
            "licence": first_choice(form.text, "licence"),
            "author_source": "The stack tests",
            "target_mode": "states",
        },
        files={"files": ("stack-check.pdf", content, "application/pdf")},
    )
    assert response.status_code == 302, response.text[:3000]
    # The edit form lists the version's files (to remove) by their id; the download view's address follows.
    edit = member.get("nginx", location(response) + "edit/")
    file_id = re.search(r'name="remove_files" value="(\d+)"[^>]*>\s*stack-check\.pdf', edit.text)
    assert file_id, "the edit form does not list the uploaded file"
    link = f"/resources/files/{file_id.group(1)}/stack-check.pdf"

    # The object is in the bucket, byte for byte, under a random name.
    bucket = stack["s3"]["bucket"]
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="resources/")["Contents"]
    stored = [item["Key"] for item in listed if s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() == content]
    assert len(stored) == 1, f"{len(stored)} objects hold the upload"
    assert "stack-check" not in stored[0]

    # The submitter gets it from either app server; someone signed out does not, nor does anyone at the bucket.
    for server in ("app-a", "app-b", "nginx"):
        download = member.get(server, link)
        assert download.status_code == 200 and download.content == content, server
    assert Browser(stack).get("nginx", link).status_code == 404
    direct = requests.get(f"{stack['s3']['endpoint_url']}/{bucket}/{stored[0]}", timeout=10)
    assert direct.status_code == 403 and direct.content != content
