"""Module M10 (victim identification and non-criminalisation) and the BNS 111 lesson of module M1, as read
from the demo content files and as loaded into the site by load_demo."""

import io

import pytest
from django.core.management import call_command

from courses.models import CoursePage, LessonPage
from demo.loaders import courses

M10_TITLE = "Victim identification and non-criminalisation"
M10_LESSONS = [
    "Indicators of trafficking in the court file",
    "Rescued victims are not offenders: ITPA sections 7 and 8",
    "Duress and compulsion: BNS 32 and its limits",
    "Foreign victims: immigration charges and the MHA advisory",
    "Repatriation and evidence from abroad",
]
BNS_111_LESSON = "Organised crime under BNS 111"


@pytest.fixture(scope="module")
def modules():
    return {module["key"]: module for module in courses.read()["modules"]}


def blocks(module, kind):
    return [value for lesson in module["lessons"] for name, value in lesson["body"] if name == kind]


def all_text(module):
    """Every piece of text a learner reads in the module: lessons, blocks, questions and options."""
    parts = []
    for lesson in module["lessons"]:
        parts.append(lesson["title"])
        for _, value in lesson["body"]:
            parts.extend(value.values() if isinstance(value, dict) else [value])
    for question in module["questions"]:
        parts += [question["text"], question.get("feedback", ""), question.get("basis", "")]
        parts += [option["text"] for option in question.get("options", [])]
    return " ".join(str(part) for part in parts)


def test_m10_has_five_lessons_and_a_certificate_quiz(modules):
    m10 = modules["M10"]
    assert m10["title"] == M10_TITLE and m10["academy"] == "CJA"
    assert [lesson["title"] for lesson in m10["lessons"]] == M10_LESSONS
    assert len(m10["questions"]) >= 10 and m10["questions_drawn"] == 8
    assert m10["gives_certificate"] is True and (m10["pass_mark"], m10["max_attempts"]) == (70, 3)
    assert {q["kind"] for q in m10["questions"]} == {"single", "multiple", "true_false", "short"}
    assert all(q.get("feedback") and q.get("basis") for q in m10["questions"])


def test_m10_covers_soliciting_foreigners_duress_and_repatriation(modules):
    m10 = modules["M10"]
    statutes = {(block["act"], block["section"]) for block in blocks(m10, "statute")}
    assert ("ITPA", "8") in statutes and ("Foreigners Act, 1946", "14") in statutes
    text = all_text(m10)
    for phrase in (
        "ITPA",
        "section 8",
        "Foreigners Act",
        "duress",
        "repatriat",
        "Immigration and Foreigners Act, 2025",
    ):
        assert phrase.lower() in text.lower(), phrase


def test_m10_pairs_new_sections_with_the_old_law(modules):
    """Compulsion by threats is BNS 32 (IPC 94), not BNS 22; letters of request are BNSS 112 (CrPC 166A)."""
    pairs = {
        (b["act"], b["section"]): (b.get("old_act"), b.get("old_section")) for b in blocks(modules["M10"], "statute")
    }
    assert pairs[("BNS", "32")] == ("IPC", "94")
    assert pairs[("BNSS", "112")] == ("CrPC", "166A")
    assert pairs[("BSA", "27")] == ("IEA", "33")
    assert ("BNS", "22") not in pairs


def test_m10_cases_carry_citations(modules):
    cases = {case["name"]: case["citation"] for case in blocks(modules["M10"], "case")}
    assert cases["Gaurav Jain v Union of India"] == "(1997) 8 SCC 114"
    assert cases["Budhadev Karmaskar v State of West Bengal"] == "(2011) 11 SCC 538"
    assert cases["State of Maharashtra v Praful B. Desai"] == "(2003) 4 SCC 601"
    assert cases["Prajwala v Union of India"].startswith("WP(C) 56/2004")


def test_m1_has_the_organised_crime_lesson_with_bns_111_marked_new(modules):
    lessons = {lesson["title"]: lesson for lesson in modules["M1"]["lessons"]}
    assert BNS_111_LESSON in lessons
    statutes = [value for name, value in lessons[BNS_111_LESSON]["body"] if name == "statute"]
    bns_111 = [block for block in statutes if (block["act"], block["section"]) == ("BNS", "111")]
    assert len(bns_111) == 1
    assert bns_111[0]["new_provision"] is True and "old_act" not in bns_111[0]
    assert "trafficking of persons" in bns_111[0]["summary"]


@pytest.mark.django_db
def test_load_demo_publishes_m10_and_the_bns_111_lesson(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())

    m10 = CoursePage.objects.get(title=M10_TITLE)
    assert m10.live and "/academies/cja/" in m10.url
    assert m10.questions.count() >= 10 and m10.questions_drawn == 8 and m10.gives_certificate
    lessons = LessonPage.objects.child_of(m10)
    assert [lesson.title for lesson in lessons.order_by("path")] == M10_LESSONS
    assert lessons.live().count() == 5

    m1 = CoursePage.objects.get(title="The trafficking offence after 1 July 2024")
    lesson = LessonPage.objects.child_of(m1).get(title=BNS_111_LESSON)
    assert lesson.live
    statute = next(block for block in lesson.body if block.block_type == "statute")
    assert (statute.value["act"], statute.value["section"]) == ("BNS", "111") and statute.value["new_provision"]
