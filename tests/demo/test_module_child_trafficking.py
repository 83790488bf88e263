"""Module M7 (child trafficking and the Juvenile Justice Act): the content files hold a complete module whose
BNS statute blocks agree with the concordance, cover the JJ Act and BNS child offences it teaches, and the
loaded demo publishes the module with its lessons."""

import io
import re

import pytest
from django.core.management import call_command

from courses.models import CoursePage, LessonPage
from demo.law import NEW_CODES, concordance, provision
from demo.loaders import courses as courses_demo

TITLE = "Child trafficking and the Juvenile Justice Act"
JJ_SECTIONS = {"76", "78", "79", "81", "94"}
BNS_SECTIONS = {"95", "96", "98", "99", "139"}


@pytest.fixture(scope="module")
def m7():
    modules = {module["key"]: module for module in courses_demo.read()["modules"]}
    assert "M7" in modules
    return modules["M7"]


def _blocks(module, kind):
    return [value for lesson in module["lessons"] for block, value in lesson["body"] if block == kind]


def _text(module):
    """Everything a learner reads in the lessons, as one string."""
    parts = []
    for lesson in module["lessons"]:
        parts.append(lesson["title"])
        for block, value in lesson["body"]:
            if isinstance(value, str):
                parts.append(value)
            elif block == "heading":
                parts.append(value["text"])
            else:
                parts.extend(str(v) for v in value.values())
    return " ".join(parts)


def test_m7_has_the_agreed_settings_and_a_mixed_question_bank(m7):
    assert m7["title"] == TITLE
    assert m7["academy"] == "JSJA"
    assert m7["gives_certificate"] is True
    assert (m7["pass_mark"], m7["max_attempts"], m7["questions_drawn"]) == (70, 3, 8)
    assert 5 <= len(m7["lessons"]) <= 6
    questions = m7["questions"]
    assert len(questions) >= 12 and m7["questions_drawn"] < len(questions)
    assert {q["kind"] for q in questions} == {"single", "multiple", "true_false", "short"}
    for q in questions:
        assert q["feedback"].strip() and q["basis"].strip(), q["text"]
        correct = [o for o in q.get("options", []) if o["correct"]]
        if q["kind"] in ("single", "true_false"):
            assert len(correct) == 1, q["text"]
        elif q["kind"] == "multiple":
            assert 2 <= len(correct) < len(q["options"]), q["text"]
        else:
            assert not q.get("options") and len(q["accepted_answers"]) >= 3, q["text"]


def test_every_bns_statute_block_pairs_as_the_concordance_says(m7):
    table = concordance()
    checked = set()
    for block in _blocks(m7, "statute"):
        if block["act"] not in NEW_CODES:
            continue
        new = provision(block["act"], block["section"])
        if block.get("new_provision"):
            assert "old_act" not in block, new
            assert new in table.new_without_predecessor, new
        else:
            row = table.expected_old(new)
            assert row is not None, f"{new} has no concordance row"
            assert provision(block["old_act"], block["old_section"]) == row["old"], new
            if row.get("difference"):
                assert block.get("changes"), f"{new} differs from {row['old']} but says nothing of it"
        checked.add(new)
    assert {f"BNS {s}" for s in BNS_SECTIONS} <= checked
    assert "BNS 95" in table.new_without_predecessor


def test_the_bns_blocks_state_what_changed_from_the_ipc(m7):
    bns = {block["section"]: block for block in _blocks(m7, "statute") if block["act"] == "BNS"}
    assert bns["95"].get("new_provision") is True
    assert "minor girl" in bns["96"]["changes"]
    assert "7 years" in bns["99"]["changes"] and "10 years" in bns["99"]["changes"]
    assert "20 years" in bns["139"]["changes"] and "minor" in bns["139"]["changes"]
    for section in ("96", "98", "99", "139"):
        assert bns[section]["old_act"] == "IPC"


def test_the_lessons_teach_the_jj_act_and_bns_child_offences(m7):
    statutes = {(block["act"], block["section"]) for block in _blocks(m7, "statute")}
    assert {("JJ Act 2015", s) for s in JJ_SECTIONS} <= statutes
    assert {("BNS", s) for s in BNS_SECTIONS} <= statutes
    text = _text(m7)
    for section in sorted(JJ_SECTIONS):
        assert re.search(rf"(?:section|s\.)\s?{section}\b", text, re.IGNORECASE), f"JJ Act s.{section} is not discussed"
    for section in sorted(BNS_SECTIONS):
        assert re.search(rf"BNS {section}\b", text), f"BNS {section} is never discussed"
    summary = " ".join(block["summary"] for block in _blocks(m7, "statute") if block["act"] == "JJ Act 2015")
    assert "hospital, nursing home or maternity home" in summary and "not less than 3 years" in summary


def test_the_cases_carry_full_citations(m7):
    cases = {case["name"]: case for case in _blocks(m7, "case")}
    assert "2025 INSC 482" in cases["Pinki v State of Uttar Pradesh"]["citation"]
    assert "suspension of the hospital's licence" in cases["Pinki v State of Uttar Pradesh"]["holding"]
    assert "six months" in cases["Pinki v State of Uttar Pradesh"]["holding"]
    assert cases["Jarnail Singh v State of Haryana"]["citation"] == "(2013) 7 SCC 263"
    assert cases["Jarnail Singh v State of Haryana"].get("to_confirm")  # reporter page not yet checked
    citations = {case["citation"] for case in _blocks(m7, "case")}
    assert "(2011) 5 SCC 1" in citations
    assert any("10 May 2013" in c for c in citations)


@pytest.mark.django_db
def test_load_demo_publishes_m7_and_its_lessons(settings, client, m7):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    module = CoursePage.objects.get(title=TITLE)
    assert module.live and "/academies/jsja/" in module.url
    assert module.questions.count() == len(m7["questions"]) and module.questions_drawn == 8
    lessons = LessonPage.objects.child_of(module)
    assert [lesson.title for lesson in lessons.order_by("path")] == [lesson["title"] for lesson in m7["lessons"]]
    assert all(lesson.live for lesson in lessons)
    assert client.get(module.url).status_code == 200
    bns = lessons.get(title="BNS offences against children and their relation to BNS 143")
    html = client.get(bns.url).content.decode()
    assert "BNS 99" in html and "formerly IPC 373" in html and "new: no counterpart in the old law" in html
