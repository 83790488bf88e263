import pytest

from core.html import clean_html


@pytest.mark.parametrize(
    "payload",
    [
        '<a href="javascript:123" onclick="alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href=" &#14;javascript:alert(1)">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    ],
)
def test_dangerous_link_schemes_lose_their_href(payload):
    cleaned = str(clean_html(payload))
    assert "href" not in cleaned and "onclick" not in cleaned


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<iframe src=//x></iframe>", "<style>*{}</style>"],
)
def test_active_elements_are_removed(payload):
    cleaned = str(clean_html(payload))
    for bad in ("<script", "<img", "<iframe", "<style", "onerror"):
        assert bad not in cleaned


def test_safe_links_keep_href_and_get_rel():
    cleaned = str(
        clean_html('<p>See <a href="https://nalsa.gov.in/" title="NALSA">NALSA</a> and <a href="/x">x</a></p>')
    )
    assert 'href="https://nalsa.gov.in/"' in cleaned and 'href="/x"' in cleaned
    assert cleaned.count('rel="nofollow noopener noreferrer"') == 2


def test_cleaning_is_idempotent():
    once = str(clean_html('<p onclick="x">Hi <a href="https://a.example">a</a> <b>b</b></p>'))
    assert str(clean_html(once)) == once
