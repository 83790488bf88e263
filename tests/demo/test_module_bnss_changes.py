"""Module M9, "The BNSS changes a trafficking trial turns on": its files pair every BNSS section it teaches with
the CrPC section the concordance gives (or mark it new), and `load_demo` publishes it in the national catalogue."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from courses.models import CourseIndexPage, CoursePage, LessonPage
from demo.law import concordance
from demo.loaders import courses

TITLE = "The BNSS changes a trafficking trial turns on"

# BNSS section -> the CrPC section it replaced, or None where the section is new.
PAIRS = {
    "107": None,
    "173": "154",
    "176(3)": "157",
    "183": "164",
    "193(3)": "173(2)",
    "254": "231",
    "308": "273",
    "356": None,
    "360": "321",
    "366": "327",
    "396": "357A",
    "398": None,
    "530": None,
    "531": "484",
}
# Pairs whose concordance row records a difference: the block must say what changed.
CHANGED = {"173", "176(3)", "193(3)", "360"}


@pytest.fixture(scope="module")
def m9():
    modules = [m for m in courses.read()["modules"] if m["key"] == "M9"]
    assert len(modules) == 1, "exactly one module has the key M9"
    return modules[0]


@pytest.fixture(scope="module")
def bnss_blocks(m9):
    """Every BNSS statute block of M9's lessons, by section."""
    found = {}
    for lesson in m9["lessons"]:
        for kind, value in lesson["body"]:
            if kind == "statute" and value["act"] == "BNSS":
                found.setdefault(value["section"], []).append(value)
    return found


def test_m9_is_a_national_module_with_a_certificate_and_a_full_bank(m9):
    assert m9["title"] == TITLE
    assert m9.get("academy") in (None, "NJA")
    assert m9["gives_certificate"] is True
    assert (m9["pass_mark"], m9["max_attempts"], m9["questions_drawn"]) == (70, 3, 8)
    assert 5 <= len(m9["lessons"]) <= 6
    assert len(m9["questions"]) >= 12
    assert {q["kind"] for q in m9["questions"]} == {"single", "multiple", "true_false", "short"}
    for question in m9["questions"]:
        assert question["feedback"].strip() and question["basis"].strip(), question["text"]
        if question["kind"] == "short":
            assert len(question["accepted_answers"]) >= 3, question["text"]


@pytest.mark.parametrize(("section", "old"), PAIRS.items())
def test_every_bnss_section_is_shown_with_its_crpc_pair_or_as_new(bnss_blocks, section, old):
    blocks = bnss_blocks.get(section)
    assert blocks, f"no statute block for BNSS {section}"
    for block in blocks:
        assert block["source"] == f"Bharatiya Nagarik Suraksha Sanhita, 2023, s.{section}"
        if old is None:
            assert block.get("new_provision") is True and "old_section" not in block
        else:
            assert (block.get("old_act"), block.get("old_section")) == ("CrPC", old)
            assert block.get("new_provision") is None
        if section in CHANGED:
            assert block.get("changes", "").strip(), f"BNSS {section} needs a `changes:` note"


def test_the_expected_pairs_agree_with_the_concordance():
    table = concordance()
    for section, old in PAIRS.items():
        if old is None:
            assert f"BNSS {section}" in table.new_without_predecessor
        else:
            row = table.expected_old(f"BNSS {section}")
            assert row["old"] == f"CrPC {old}"
            assert bool(row["difference"]) == (section in CHANGED)


def test_in_camera_teaching_keeps_trafficking_off_the_mandatory_list(m9, bnss_blocks):
    (block,) = bnss_blocks["366"]
    assert "64 to 68, 70 and 71" in block["summary"] and "4, 6, 8 and 10" in block["summary"]
    false_answer = [q for q in m9["questions"] if q["kind"] == "true_false" and "366(2)" in q["text"]]
    assert len(false_answer) == 1
    assert [o["text"] for o in false_answer[0]["options"] if o["correct"]] == ["False"]


@pytest.mark.django_db
def test_load_demo_publishes_m9_and_its_lessons_in_the_national_catalogue(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    module = CoursePage.objects.get(title=TITLE)
    assert module.live
    catalogue = module.get_parent().specific
    assert isinstance(catalogue, CourseIndexPage)
    assert catalogue.get_parent().id == Site.objects.get(is_default_site=True).root_page_id
    data = [m for m in courses.read()["modules"] if m["key"] == "M9"][0]
    lessons = LessonPage.objects.child_of(module).order_by("path")
    assert [lesson.title for lesson in lessons] == [lesson["title"] for lesson in data["lessons"]]
    assert all(lesson.live for lesson in lessons)
    assert module.questions.count() == len(data["questions"])
    assert module.questions_drawn == 8
    statutes = [
        (block.value["act"], block.value["section"])
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "statute"
    ]
    assert ("BNSS", "531") in statutes and ("BNSS", "356") in statutes
