"""Module M8 (cyber-trafficking) in the demo content: its question bank, the provisions and cases its lessons
cite, and that `load_demo` publishes it with its lessons in the CJA catalogue."""

import io

import pytest
from django.core.management import call_command

from courses.models import CoursePage, LessonPage, Question
from demo.loaders import courses as courses_demo


@pytest.fixture(scope="module")
def m8():
    modules = {module["key"]: module for module in courses_demo.read()["modules"]}
    assert "M8" in modules, "module M8 is missing from demo/content/courses/"
    return modules["M8"]


def _blocks(module, kind):
    """Every block of one kind in the module's lessons, as the loader turns them into StreamField values."""
    return [value for lesson in module["lessons"] for block, value in lesson["body"] if block == kind]


def _statutes(module):
    return {(s["act"], s["section"]): s for s in _blocks(module, "statute")}


def test_m8_has_five_lessons_and_a_mixed_question_bank(m8):
    assert m8["academy"] == "CJA"
    assert m8["gives_certificate"] is True
    assert (m8["pass_mark"], m8["max_attempts"]) == (70, 3)
    assert len(m8["lessons"]) == 5
    questions = m8["questions"]
    assert len(questions) >= 10
    assert {q["kind"] for q in questions} == {"single", "multiple", "true_false", "short"}
    assert 6 <= m8["questions_drawn"] <= len(questions)
    for q in questions:
        assert q["feedback"].strip() and q["basis"].strip(), q["text"]
        if q["kind"] == "short":
            assert len(q["accepted_answers"]) >= 2, q["text"]


def test_lessons_cite_the_it_act_offences_with_their_punishments(m8):
    statutes = _statutes(m8)
    for section in ("66E", "67", "67A", "67B"):
        assert ("IT Act 2000", section) in statutes, section
        assert statutes[("IT Act 2000", section)]["source"] == f"Information Technology Act, 2000, s.{section}"
    assert "Rs 2 lakh" in statutes[("IT Act 2000", "66E")]["summary"]
    assert "five years and fine up to Rs 10 lakh" in statutes[("IT Act 2000", "67B")]["summary"]
    assert {("POCSO", "13"), ("POCSO", "14"), ("POCSO", "15")} <= set(statutes)


def test_new_code_provisions_are_paired_with_the_old_law_and_say_what_changed(m8):
    statutes = _statutes(m8)
    bsa = statutes[("BSA", "63")]
    assert (bsa["old_act"], bsa["old_section"]) == ("IEA", "65B")
    forensics = statutes[("BNSS", "176(3)")]
    assert (forensics["old_act"], forensics["old_section"]) == ("CrPC", "157")
    assert "New duty" in forensics["changes"]
    fir = statutes[("BNSS", "173")]
    assert (fir["old_act"], fir["old_section"]) == ("CrPC", "154")
    assert "zero FIR" in fir["changes"] and "e-FIR" in fir["changes"]
    assert statutes[("BNS", "143")]["old_section"] == "370"


def test_the_leading_cases_carry_their_citations(m8):
    citations = {case["name"]: case["citation"] for case in _blocks(m8, "case")}
    assert citations["Arjun Panditrao Khotkar v Kailash Kushanrao Gorantyal"] == "(2020) 7 SCC 1"
    assert citations["Anvar P.V. v P.K. Basheer"] == "(2014) 10 SCC 473"
    assert citations["Just Rights for Children Alliance v S. Harish"].startswith("2024 INSC 716")


@pytest.mark.django_db
def test_load_demo_publishes_m8_and_its_lessons(settings, m8):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    module = CoursePage.objects.get(title=m8["title"])
    assert module.live and "/academies/cja/" in module.url
    assert module.questions_drawn == m8["questions_drawn"]
    assert Question.objects.filter(module=module).count() == len(m8["questions"])
    lessons = LessonPage.objects.child_of(module)
    assert [lesson.title for lesson in lessons] == [lesson["title"] for lesson in m8["lessons"]]
    assert all(lesson.live for lesson in lessons)
    blocks = [block.block_type for block in lessons.get(title=m8["lessons"][3]["title"]).specific.body]
    assert "statute" in blocks and "case" in blocks
