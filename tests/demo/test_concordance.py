"""One concordance table (content/law/concordance.yaml) decides every old-law <-> new-law pair the
demo lessons show: a block that pairs the wrong sections, hides a change of sentence, or shows a
2023-code section alone is refused with a message naming the file and the block."""

import pytest
from django.template.loader import render_to_string

from demo.content import CONTENT_DIR, ContentError, yaml_files
from demo.law import concordance, provision, read_concordance
from demo.loaders import courses


@pytest.mark.parametrize(
    ("act", "section", "expected"),
    [
        ("BNS", "143", "BNS 143"),
        ("BNS", "143, Explanation 1", "BNS 143 Expl. 1"),
        ("BNS", "143 (5)", "BNS 143(5)"),
        ("BNSS", "254, proviso", "BNSS 254 proviso"),
        ("IPC", "370A", "IPC 370A"),
        ("IEA", "65B", "IEA 65B"),
    ],
)
def test_one_spelling_for_each_provision(act, section, expected):
    assert provision(act, section) == expected


def _check(new, old=None, no_predecessor=False, changes=None):
    act, _, section = new.partition(" ")
    old = tuple(old.split(" ", 1)) if old else None
    return concordance().check_block(act, section, old, no_predecessor, changes, "lesson.yaml: body[2].statute")


@pytest.mark.parametrize(
    ("new", "old", "no_predecessor", "changes"),
    [
        ("BNS 143", "IPC 370", False, None),
        ("BNS 143(5)", "IPC 370(5)", False, "'minor' became 'child'"),
        ("BNS 143, Explanation 2", "IPC 370, Explanation 2", False, None),
        ("BNS 144", "IPC 370A", False, "IPC 370A: 5-7 and 3-5 years"),
        ("BNS 96", "IPC 366A", False, "a minor girl became any child"),
        ("BNS 141", "IPC 366B", False, None),
        ("BNS 146", "IPC 374", False, None),
        ("BNSS 396", "CrPC 357A", False, None),
        ("BSA 63", "IEA 65B", False, "the Schedule certificate"),
        ("BSA 27", "IEA 33", False, None),
        ("BNS 111", None, True, None),
        ("BNSS 398", None, True, None),
        ("POCSO 33", None, False, None),  # not a 2023 code: nothing to pair
    ],
)
def test_a_pair_the_table_gives_is_accepted(new, old, no_predecessor, changes):
    _check(new, old, no_predecessor, changes)


@pytest.mark.parametrize(
    ("new", "old", "no_predecessor", "changes", "message"),
    [
        ("BNS 144", "IPC 370", False, "c", "BNS 144 replaced IPC 370A, not IPC 370"),
        ("BNS 144", "IPC 370A", False, None, "IPC 370A and BNS 144 differ (IPC 370A punished"),
        ("BNS 143(5)", "IPC 370", False, "c", "BNS 143(5) replaced IPC 370(5), not IPC 370"),
        ("BNS 143, Explanation 1", "IPC 370, Explanation 1", False, None, "did not list beggary"),
        ("BNS 143", None, False, None, "BNS 143 needs its old-law counterpart (old_law: IPC"),
        ("BSA 63", None, False, None, "BSA 63 needs its old-law counterpart (old_law: IEA"),
        ("BNS 143", None, True, None, "BNS 143 is marked new, but the concordance"),
        ("BNS 95", "IPC 363A", True, None, "BNS 95 is marked new and also given an old-law section"),
        ("BNS 999", "IPC 999", False, None, "BNS 999 has no row in the concordance"),
    ],
)
def test_a_pair_the_table_does_not_give_is_refused(new, old, no_predecessor, changes, message):
    with pytest.raises(ContentError) as error:
        _check(new, old, no_predecessor, changes)
    assert str(error.value).startswith("lesson.yaml: body[2].statute: ")
    assert message in str(error.value)


def test_every_statute_block_in_the_demo_lessons_agrees_with_the_table():
    """Read every lesson file and count the 2023-code blocks the table decided."""
    table = concordance()
    paired, new = set(), set()
    for module in courses.read()["modules"]:
        for lesson in module["lessons"]:
            for kind, block in lesson["body"]:
                if kind != "statute" or block["act"] not in ("BNS", "BNSS", "BSA"):
                    continue
                name = provision(block["act"], block["section"])
                if block.get("new_provision"):
                    new.add(name)
                    continue
                row = table.expected_old(name)
                assert provision(block["old_act"], block["old_section"]) == row["old"], name
                assert block.get("source"), name
                if row["difference"]:
                    assert block.get("changes"), name
                paired.add(name)
    # The pairs the audit singled out are taught, with the change spelt out.
    assert {"BNS 143", "BNS 144", "BNS 143(5)", "BNS 143(7)", "BNS 143 Expl. 1", "BNSS 366", "BNSS 396"} <= paired
    assert {"BNSS 398", "BNSS 530"} <= new


def test_every_lesson_file_is_covered_by_the_check():
    lesson_files = [
        p for folder in (CONTENT_DIR / "courses").iterdir() if folder.is_dir() for p in yaml_files(folder / "lessons")
    ]
    assert len(lesson_files) == sum(len(m["lessons"]) for m in courses.read()["modules"])


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("pairs:\n- {new: BNS 143, old: CrPC 370}\nnew_without_predecessor: []\n", "is not a 2023 code paired"),
        (
            "pairs:\n- {new: BNS 1, old: IPC 1}\n- {new: BNS 1, old: IPC 2}\nnew_without_predecessor: []\n",
            "BNS 1 appears twice",
        ),
        (
            "pairs:\n- {new: BNS 1, old: IPC 1}\nnew_without_predecessor: [BNS 1]\n",
            "BNS 1 is both paired and listed as new",
        ),
        ("pairs:\n- {new: BNS 1}\nnew_without_predecessor: []\n", r"pairs\[0\]: missing field 'old'"),
    ],
)
def test_a_broken_table_is_refused(tmp_path, table, message):
    (tmp_path / "law").mkdir()
    (tmp_path / "law" / "concordance.yaml").write_text(table, encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        read_concordance(tmp_path)


def test_a_statute_block_shows_the_change_the_source_and_what_is_unconfirmed():
    html = render_to_string(
        "blocks/statute_block.html",
        {
            "value": {
                "act": "BNS",
                "section": "144",
                "old_act": "IPC",
                "old_section": "370A",
                "source": "Bharatiya Nyaya Sanhita, 2023, s.144",
                "summary": "Engaging a trafficked person for sexual exploitation.",
                "changes": "IPC 370A: 5 to 7 years for a minor.",
                "to_confirm": "The form number.",
            }
        },
    )
    assert "(formerly IPC 370A)" in html
    assert "What changed:</strong> IPC 370A: 5 to 7 years for a minor." in html
    assert "To be confirmed:</strong> The form number." in html
    assert "Source: Bharatiya Nyaya Sanhita, 2023, s.144" in html
    fresh = render_to_string(
        "blocks/statute_block.html", {"value": {"act": "BNS", "section": "111", "new_provision": True, "source": "s"}}
    )
    assert "new: no counterpart in the old law" in fresh and "formerly" not in fresh
