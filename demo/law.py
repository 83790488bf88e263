"""The old-law <-> new-law concordance (content/law/concordance.yaml) and the rule statute blocks obey.

A statute block that shows a section of one of the 2023 codes (BNS, BNSS, BSA) must pair it with
the old-law section the table gives, or say the section is new when the table lists it as new.
A pair whose old provision differed must say what changed. Plain functions, no database.
"""

import re
from functools import cache

from .content import CONTENT_DIR, TEXT, ContentError, check_fields, check_list, read_yaml

CONCORDANCE_FILE = "law/concordance.yaml"
# The 2023 codes and the Acts they replaced (in force 1 July 2024).
NEW_CODES = {"BNS": "IPC", "BNSS": "CrPC", "BSA": "IEA"}
TABLE = {"pairs": (list, True), "new_without_predecessor": (list, True)}
PAIR = {"new": (TEXT, True), "old": (TEXT, True), "difference": (TEXT, False)}
_SECTION = re.compile(r"^\s*(?P<number>\d+[A-Z]{0,2})(?P<part>.*)$")


def provision(act, section):
    """('BNS', '143, Explanation 1') -> 'BNS 143 Expl. 1': one spelling for every way of writing a part."""
    match = _SECTION.match(section)
    if not match:
        return f"{act} {section.strip()}"
    part = match["part"].replace(",", " ")
    part = re.sub(r"\bexplanation\b\.?|\bexpl\b\.?", "Expl.", part, flags=re.IGNORECASE)
    part = re.sub(r"\bproviso\b", "proviso", part, flags=re.IGNORECASE)
    part = re.sub(r"\s+(?=\()", "", part.strip())  # "143 (5)" -> "143(5)"
    part = " ".join(part.split())
    joiner = "" if part.startswith("(") or not part else " "
    return f"{act} {match['number']}{joiner}{part}"


def _split(name):
    act, _, section = name.partition(" ")
    return act, section


def _base(name):
    """'BNS 143(5)' -> ('BNS 143', '(5)'); 'BNS 143 Expl. 1' -> ('BNS 143', ' Expl. 1')."""
    act, section = _split(name)
    match = _SECTION.match(section)
    if not match:
        return name, ""
    return f"{act} {match['number']}", match["part"]


class Concordance:
    def __init__(self, pairs, new_without_predecessor):
        self.pairs = pairs  # normalised new provision -> {"old": ..., "difference": ...}
        self.new_without_predecessor = new_without_predecessor

    def expected_old(self, new):
        """The old provision a new one replaced, with the difference to note (or None when the table has no row)."""
        if new in self.pairs:
            return self.pairs[new]
        base, part = _base(new)
        row = self.pairs.get(base)
        if row is None:
            return None
        return {"old": row["old"] + part, "difference": row.get("difference")}

    def check_block(self, new_act, new_section, old, no_predecessor, changes, where):
        """Raise ContentError when a statute block's pair disagrees with the table; return the row it matched."""
        if new_act not in NEW_CODES:
            return None
        new = provision(new_act, new_section)
        if no_predecessor:
            if old:
                raise ContentError(f"{where}: {new} is marked new and also given an old-law section")
            if new not in self.new_without_predecessor and _base(new)[0] not in self.new_without_predecessor:
                raise ContentError(
                    f"{where}: {new} is marked new, but the concordance ({CONCORDANCE_FILE}) does not list it "
                    "under new_without_predecessor"
                )
            return None
        if not old:
            raise ContentError(
                f"{where}: {new} needs its old-law counterpart (old_law: {NEW_CODES[new_act]} ...) "
                "or `no_predecessor: true` when the section is new"
            )
        row = self.expected_old(new)
        if row is None:
            raise ContentError(f"{where}: {new} has no row in the concordance ({CONCORDANCE_FILE}); add one there")
        given = provision(*old)
        if given != row["old"]:
            raise ContentError(f"{where}: {new} replaced {row['old']}, not {given} (see {CONCORDANCE_FILE})")
        if row.get("difference") and not changes:
            raise ContentError(
                f"{where}: {given} and {new} differ ({row['difference']}); say what changed in `changes:`"
            )
        return row


def read_concordance(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / CONCORDANCE_FILE, root), TABLE, CONCORDANCE_FILE)
    pairs = {}

    def one(row, where):
        check_fields(row, PAIR, where)
        new, old = provision(*_split(row["new"])), provision(*_split(row["old"]))
        if _split(new)[0] not in NEW_CODES or _split(old)[0] != NEW_CODES[_split(new)[0]]:
            raise ContentError(
                f"{where}: {row['new']} <- {row['old']} is not a 2023 code paired with the Act it replaced"
            )
        if new in pairs:
            raise ContentError(f"{where}: {new} appears twice")
        pairs[new] = {"old": old, "difference": row.get("difference")}

    check_list(data["pairs"], f"{CONCORDANCE_FILE}: pairs", one)
    fresh = set(
        check_list(
            data["new_without_predecessor"],
            f"{CONCORDANCE_FILE}: new_without_predecessor",
            lambda name, at: provision(*_split(name)) if isinstance(name, str) else _not_text(name, at),
        )
    )
    clash = sorted(fresh & set(pairs))
    if clash:
        raise ContentError(f"{CONCORDANCE_FILE}: {clash[0]} is both paired and listed as new")
    return Concordance(pairs, fresh)


def _not_text(value, where):
    raise ContentError(f"{where}: expected a provision such as 'BNS 95', found {value!r}")


@cache
def concordance():
    """The table from the shipped content directory, read once per process."""
    return read_concordance()
