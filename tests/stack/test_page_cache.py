"""The anonymous page cache is in Redis: a page cached by one app server is served by the other,
and a publish makes both serve the new content at once."""

import secrets
from urllib.parse import urlsplit

import pytest

from .conftest import Browser, stack_shell

pytestmark = pytest.mark.stack

PUBLISH_TITLE = """
import json
from wagtail.models import Page
page = Page.objects.get(pk={id}).specific
page.title = {title!r}
page.save_revision().publish()
print(json.dumps({{"published": page.live_revision_id}}))
"""


def test_a_publish_invalidates_the_page_cache_of_both_app_servers(stack):
    visitor = Browser(stack)  # signed out, no cookies: the requests the page cache answers
    listed = visitor.get("nginx", "/api/v2/pages/?type=home.StandardPage&fields=title&order=id").json()["items"][0]
    page = {"id": listed["id"], "url": urlsplit(listed["meta"]["html_url"]).path, "title": listed["title"]}
    visitor.get("app-a", page["url"])
    cached = {server: visitor.get(server, page["url"]) for server in ("app-a", "app-b")}
    for server, response in cached.items():
        assert response.status_code == 200 and response.headers.get("X-Page-Cache") == "hit", server
        assert page["title"] in response.text

    new_title = f"{page['title']} ({secrets.token_hex(4)})"
    try:
        stack_shell(stack, PUBLISH_TITLE.format(id=page["id"], title=new_title))
        for server in ("app-b", "app-a"):  # no waiting: the new generation is in Redis already
            response = visitor.get(server, page["url"])
            assert response.status_code == 200 and new_title in response.text, server
    finally:
        stack_shell(stack, PUBLISH_TITLE.format(id=page["id"], title=page["title"]))
