"""Search text typed by people, turned into a query every search backend can run.

Wagtail's database search backends translate a `PlainText` query into the database's own
full-text syntax (an SQLite FTS5 `MATCH` expression, a PostgreSQL `tsquery`). They quote each
word, but not every character those syntaxes give a meaning to: a lone `"` leaves an FTS5
string open and a NUL character ends an SQL string, so such text would fail in the database.
People search for words: the query keeps the letters, combining marks and digits of what they
typed, in any script (Devanagari vowel signs are marks), and everything else separates words,
as the backends' own tokenisers do when they index the text.
"""

import unicodedata

from wagtail.search.query import PlainText

# More words than anyone types; a bound on the size of the database query.
MAX_WORDS = 32
# Longer "words" are dropped: no language has them, and PostgreSQL refuses query words over 2,047 bytes.
MAX_WORD_LENGTH = 100


def search_words(text):
    """The words of `text`: runs of letters, marks and digits; any other character separates them."""
    kept = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text or "")
    return [word for word in kept.split() if len(word) <= MAX_WORD_LENGTH][:MAX_WORDS]


def plain_text_query(text, operator=PlainText.DEFAULT_OPERATOR):
    """A `PlainText` query for the words of `text`, or None when it has no words (nothing can match).

    `operator` is "and" (every word must match) or "or"; anything else raises ValueError.
    """
    words = search_words(text)
    query = PlainText(" ".join(words), operator=operator)
    return query if words else None
