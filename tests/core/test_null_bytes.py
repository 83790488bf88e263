"""A NUL character in a query string is refused before any view can hand it to the database
(PostgreSQL answers every comparison with NUL by an error, which would be a 500)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/modules/?state=%00",
        "/resources/?topic=a%00b",
        "/academies/?state=%00",
        "/colloquia/?kind=%00",
        "/colloquia/?year=%00",
        "/colloquia/?state=JH%00",
        "/search/?q=%00",
        "/api/v2/pages/?type=%00",
    ],
)
def test_a_null_character_in_the_query_is_a_bad_request_with_a_message(client, home, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "null character" in response.content.decode()


def test_ordinary_query_strings_pass(client, home):
    response = client.get("/search/?q=trafficking%20BNS")
    assert response.status_code == 200
