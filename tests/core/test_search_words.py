"""core.search: typed text becomes a plain-text query of its words, whatever characters it holds."""

import pytest
from wagtail.search.query import PlainText

from core.search import MAX_WORD_LENGTH, MAX_WORDS, plain_text_query, search_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("human trafficking", ["human", "trafficking"]),
        ('"trafficking"', ["trafficking"]),
        ('a"b', ["a", "b"]),
        ("a OR b", ["a", "OR", "b"]),
        ("data:", ["data"]),
        ("title:foo*", ["title", "foo"]),
        ("NEAR(a b)", ["NEAR", "a", "b"]),
        ("BNS 143(1)", ["BNS", "143", "1"]),
        ("a\x00b", ["a", "b"]),
        ("anti-trafficking", ["anti", "trafficking"]),
        # Devanagari vowel signs and viramas are combining marks: words stay whole; the danda separates.
        ("मानव तस्करी।", ["मानव", "तस्करी"]),
        ("धारा 143", ["धारा", "143"]),
        ('"', []),
        ("\x00", []),
        ("  ", []),
        ("", []),
        (None, []),
    ],
)
def test_search_words(text, words):
    assert search_words(text) == words


def test_the_number_and_length_of_words_are_bounded():
    assert len(search_words("word " * 1000)) == MAX_WORDS
    assert search_words("x" * (MAX_WORD_LENGTH + 1) + " short") == ["short"]


def test_plain_text_query():
    query = plain_text_query('"human trafficking"')
    assert isinstance(query, PlainText)
    assert (query.query_string, query.operator) == ("human trafficking", "and")
    assert plain_text_query("a b", operator="or").operator == "or"
    assert plain_text_query('"') is None


def test_an_unknown_operator_is_refused():
    with pytest.raises(ValueError):
        plain_text_query("a", operator="xor")
