"""Turn the block lists of the content files into StreamField values.

In a file a body is a list of one-key mappings, the key naming the block:

    - heading: Three elements, one offence
    - paragraph: <p>HTML</p>
    - statute: {new_law: {act: BNS, section: "143"}, old_law: {act: IPC, section: "370"},
                source: "Bharatiya Nyaya Sanhita, 2023, s.143", summary: ..., changes: ..., to_confirm: ...}
    - case: {name: ..., citation: ..., year: 1990, holding: ..., to_confirm: ...}

A statute block of the BNS, BNSS or BSA must agree with the concordance (law/concordance.yaml):
see demo.law. Every statute block names its source and every case its citation.
    - key_point: {title: Framing the charge, body: <p>HTML</p>}
"""

from .content import TEXT, ContentError, check_fields, check_list
from .law import concordance

LAW = {"act": (TEXT, True), "section": (TEXT, True)}
STATUTE = {
    "new_law": (dict, True),
    "old_law": (dict, False),
    "no_predecessor": (bool, False),
    "source": (TEXT, True),
    "summary": (TEXT, False),
    "changes": (TEXT, False),
    "to_confirm": (TEXT, False),
}
CASE = {
    "name": (TEXT, True),
    "citation": (TEXT, True),
    "year": (int, False),
    "holding": (TEXT, True),
    "to_confirm": (TEXT, False),
}
KEY_POINT = {"title": (TEXT, False), "body": (TEXT, True)}


def _text(value, where):
    if not isinstance(value, str):
        raise ContentError(f"{where}: expected text, found {value!r}")
    return value


def heading(value, where):
    return "heading", {"text": _text(value, where), "level": "h2"}


def paragraph(value, where):
    return "paragraph", _text(value, where)


def statute(value, where):
    check_fields(value, STATUTE, where)
    new = check_fields(value["new_law"], LAW, f"{where}.new_law")
    old = check_fields(value["old_law"], LAW, f"{where}.old_law") if "old_law" in value else None
    concordance().check_block(
        new["act"],
        new["section"],
        (old["act"], old["section"]) if old else None,
        value.get("no_predecessor", False),
        value.get("changes"),
        where,
    )
    block = {"act": new["act"], "section": new["section"], "source": value["source"]}
    if old:
        block.update(old_act=old["act"], old_section=old["section"])
    if value.get("no_predecessor"):
        block["new_provision"] = True
    block.update({field: value[field] for field in ("summary", "changes", "to_confirm") if value.get(field)})
    return "statute", block


def case(value, where):
    return "case", dict(check_fields(value, CASE, where))


def key_point(value, where):
    check_fields(value, KEY_POINT, where)
    return "callout", {"title": value.get("title", "Key point"), "body": value["body"]}


LESSON_BLOCKS = {"heading": heading, "paragraph": paragraph, "statute": statute, "case": case, "key_point": key_point}
PAGE_BLOCKS = {"paragraph": paragraph}


def stream(items, where, kinds=LESSON_BLOCKS):
    """A list of blocks from a file -> [(block type, value)] for a StreamField."""

    def one(item, at):
        if not isinstance(item, dict) or len(item) != 1:
            raise ContentError(f"{at}: a block is one line `type: value`, found {item!r}")
        ((kind, value),) = item.items()
        if kind not in kinds:
            raise ContentError(f"{at}: unknown block type {kind!r} (expected one of: {', '.join(kinds)})")
        return kinds[kind](value, f"{at}.{kind}")

    return check_list(items, where, one)
