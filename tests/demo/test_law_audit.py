"""The eleven errors of the legal audit ("[law]") stay fixed in the demo as loaded.

The demo is loaded once for the module, inside a transaction rolled back at the end. Each test reads
what a learner or visitor is shown (the rendered lesson body, the question bank rows, the colloquium
pages and the home pages) and checks that the wrong statement is gone and the right one is there.
"""

import html
import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction

from colloquia.models import ColloquiumPage
from courses.models import LessonPage, Question
from home.models import StandardPage
from tests import factories


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with factories.without_index_updates():
                call_command("load_demo", force=True, stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _plain(markup):
    """Rendered HTML -> the words a reader sees, on one line."""
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
    return re.sub(r" ([,.;:)])", r"\1", words)


def lesson(title):
    """The rendered body of the lesson with this title, as plain text."""
    return _plain(str(LessonPage.objects.get(title=title).body))


def all_lessons():
    return {page.title: _plain(str(page.body)) for page in LessonPage.objects.filter(locale__language_code="en")}


def question(starting):
    return Question.objects.get(text__startswith=starting)


def question_text(item):
    """Everything a learner may see of a question: text, options, feedback and basis."""
    options = " ".join(text for _, text, _ in item.option_values())
    return " ".join([item.text, options, item.accepted_answers, item.feedback, item.basis])


M1_BNS_144 = "Demand-side liability under BNS 144"
M1_DATES = "Before and after 1 July 2024: IPC 370 or BNS 143"


# 1. BNS 144 is not "formerly IPC 370A" with BNS's sentences: show both ranges and Art. 20(1).
def test_1_bns_144_is_paired_with_the_lower_ipc_370a_ranges_and_article_20_1():
    for title, text in all_lessons().items():
        assert "carries forward IPC 370A" not in text, title
        assert "carried forward from IPC 370A" not in text, title
        assert "The numbering is what changes" not in text, title
        assert "same graded sentences" not in text, title
        if "formerly IPC 370A" in text:
            assert "5 to 7" in text and "3 to 5" in text, title
            assert "5 to 10" in text and "3 to 7" in text, title
            assert "Article 20(1)" in text, title
    for title in (M1_BNS_144, M1_DATES):
        text = lesson(title)
        assert "formerly IPC 370A" in text and "Article 20(1)" in text
    adult = question("Under BNS 144, what is the minimum term")
    assert "3 to 5 years for an adult" in adult.feedback and "5 to 7 years for a minor" in adult.feedback
    assert "Article 20(1)" in adult.feedback and "IPC 370A" in adult.basis
    before = question("In March 2024 the accused knowingly engaged a trafficked 15-year-old")
    correct = [text for _, text, ok in before.option_values() if ok]
    assert correct == ["7 years, the maximum under IPC 370A(1)"]
    assert "Article 20(1)" in before.feedback


# 2. BNS 143 Expl. 1 lists beggary; IPC 370 Expl. 1 did not.
def test_2_beggary_is_taught_as_a_bns_addition():
    texts = all_lessons()
    pairing = [title for title, text in texts.items() if "formerly IPC 370 Expl. 1" in text]
    assert len(pairing) >= 2  # M1 lesson 1 and M5 lesson 5
    for title in pairing:
        assert "did not list beggary" in texts[title], title
    assert "Beggary is new" in texts["Act, means and purpose: the structure of BNS 143"]
    assert "Beggary is a BNS addition" in texts["Begging, drug couriers and arms smuggling"]
    assert "materially the same in the two codes" not in texts[M1_DATES]
    item = question("Explanation 1 to BNS 143 says exploitation includes")
    assert "Explanation 1 to IPC 370 did not list it; the BNS added it" in item.feedback


# 3. BNS 143(5) and (7) map to IPC 370(5) and (7), and "minor" became "child" in the child grades.
def test_3_sub_sections_map_to_sub_sections_and_minor_became_child():
    text = lesson("Aggravated forms and sentences")
    assert "BNS 143(5) (formerly IPC 370(5))" in text
    assert "BNS 143(7) (formerly IPC 370(7))" in text
    assert "(formerly IPC 370)" not in text
    assert "Where IPC 370(4), (5) and (6) spoke of a minor, BNS 143(4), (5) and (6) speak of a child" in text
    assert 'IPC 370(5) spoke of a "minor"; BNS 143(5) speaks of a "child"' in text
    item = question("What is the minimum sentence of rigorous imprisonment for trafficking more than one child")
    assert "IPC 370(5)" in item.feedback and '"minor"' in item.feedback and "IPC 370(5)" in item.basis


# 4. The BNS numbers of IPC 366A, 366B, 372, 373 and 374 are settled: BNS 96, 141, 98, 99 and 146.
def test_4_the_older_ipc_offences_have_their_settled_bns_numbers():
    for title, text in all_lessons().items():
        assert "Their BNS equivalents are not confirmed" not in text, title
    text = lesson("Overlap with the ITPA, POCSO and JJ Acts")
    for old, new in [("366A", "96"), ("366B", "141"), ("372", "98"), ("373", "99"), ("374", "146")]:
        assert re.search(rf"IPC {old} \([^)]*\) became BNS {new}\b", text), (old, new)
    assert "IPC 370 and 374 (for conduct after 1 July 2024, BNS 143 and BNS 146)" in text


# 5. PCMA ss.10 and 11 are imprisonment AND fine; only s.9 is "or both".
def test_5_child_marriage_penalties_are_and_for_sections_10_and_11():
    for title, text in all_lessons().items():
        assert "imprisonment up to 2 years, fine up to Rs 1 lakh, or both" not in text, title
    text = lesson("Child marriage as trafficking")
    assert "Section 9 punishes a male adult over 18" in text
    assert "rigorous imprisonment up to 2 years, or fine up to Rs 1 lakh, or both" in text
    assert "section 11 (a parent, guardian" in text
    assert "carry rigorous imprisonment up to 2 years and fine up to Rs 1 lakh" in text
    item = question("A person convicted under section 10 of the Prohibition of Child Marriage Act")
    assert [text for _, text, ok in item.option_values() if ok] == ["False"]
    assert "Only section 9" in item.feedback


# 6. The entertainment exception of the child-labour law excludes the circus.
def test_6_the_child_artist_exception_excludes_the_circus():
    texts = all_lessons()
    for title, text in texts.items():
        assert "audio-visual performing" not in text, title
    assert "excludes the circus (section 3(2)(b))" in texts["Child and adolescent labour after 2016"]
    assert "which never includes the circus" in texts["Child and adolescent labour after 2016"]
    assert "which excludes the circus" in texts["Age thresholds across the statutes"]
    item = question("Under the amended child labour law, in which of these situations may a child under 14")
    options = {text: ok for _, text, ok in item.option_values()}
    assert options["As a performer in a travelling circus"] is False
    assert "excludes the circus" in item.feedback


# 7. THOTA s.18(1) is limited to persons rendering services at a hospital; s.19 covers commercial dealings.
def test_7_thota_section_18_is_stated_with_its_limit():
    text = lesson("Organ trade under the THOTA")
    assert "Unauthorised removal of human organs is punishable" not in text
    assert "Section 18(1) is limited to a person who renders services to or at a hospital" in text
    assert "THOTA 1994 18(1)" in text and "Commercial dealing in organs, by anyone, falls under s.19" in text
    item = question("What is the maximum term of imprisonment under section 18(1) of the THOTA")
    assert "hospital" in item.text
    assert "render services to or at a hospital" in item.feedback and "section 19" in item.feedback


# 8. SAARC: no settled "in force 2006"; Bahrain: a Cabinet approval, not a signed MoU.
def test_8_saarc_date_is_to_be_confirmed_and_bahrain_is_not_a_signed_mou():
    for title, text in all_lessons().items():
        assert "came into force in 2006" not in text and "in force 2006" not in text, title
        assert "Myanmar and Bahrain" not in text, title
    saarc = lesson("The Palermo Protocol and the SAARC Convention")
    assert "entered into force after it had been ratified by all the member States" in saarc
    assert "To be confirmed: The date of entry into force" in saarc and "15 November 2005" in saarc
    mous = lesson("Bilateral arrangements: Bangladesh, Nepal and beyond")
    assert "UAE, Cambodia and Myanmar" in mous
    assert "only the Union Cabinet's approval (2016) of a proposed MoU has been found, not a signed MoU" in mous


# 9. Quiz: the bonded-labour amount names its category (Rs 3 lakh) and the annuity; publication cites
# the proviso to BNSS 366(3) and BNS 72/73.
def test_9_quiz_answers_name_the_category_and_cite_the_publication_law():
    bonded = [q for q in Question.objects.filter(kind="short") if "Bonded Labourer 2021" in q.text]
    assert len(bonded) == 1
    (item,) = bonded
    assert "rescued from trafficking or sexual exploitation" in item.text
    assert "Rs 3 lakh" in item.accepted_list and "Rs 2 lakh" not in item.accepted_list
    assert "annuity deposit" in item.feedback and "linked to the conviction" in item.feedback
    lesson_text = lesson("Rehabilitation of bonded labourers: the 2021 scheme")
    assert "women and children rescued from trafficking or sexual exploitation" in lesson_text
    assert "annuity deposit" in lesson_text and "linked to conviction" in lesson_text
    publication = question("Matter relating to a rape trial held in camera under BNSS 366(2)")
    assert "The proviso to section 366(3)" in publication.feedback
    assert "BNS 73" in publication.feedback and "BNS 72" in publication.feedback
    assert publication.basis == "BNSS 366(3) and its proviso; BNS 72 and 73"


# 10. MHA support reaches State-level events through States and High Courts; it predates the 2022 advisory.
def test_10_mha_support_goes_to_state_events_and_predates_the_2022_advisory():
    events = ColloquiumPage.objects.filter(locale__language_code="en").select_related("academy")
    nja = events.get(slug="border-region-colloquium-mock-trial")
    assert nja.academy.is_national and not nja.mha_supported and nja.amount_sanctioned is None
    supported = [event for event in events if event.mha_supported]
    assert "state-judicial-colloquium-aht" in [event.slug for event in supported]
    for event in supported:
        assert not event.academy.is_national, event.slug
        assert event.kind in ("judicial_colloquium", "state_conference"), event.slug
    state = _plain(events.get(slug="state-judicial-colloquium-aht").introduction)
    assert "routed through the State Government and the High Court" in state
    assert "existed before the MHA's advisory of August 2022, which reminded the States of it" in state
    about = _plain(str(StandardPage.objects.get(slug="about").body))
    assert "In August 2022 the Ministry of Home Affairs asked every State" not in about
    assert "through the State Governments and the High Courts" in about
    assert "The support existed before August 2022, when an MHA advisory reminded" in about


# 11. Offences before 1 July 2024 stay under the IPC through the savings clauses (BNSS 531).
def test_11_the_savings_clause_bnss_531_is_cited():
    text = lesson(M1_DATES)
    assert "are charged, tried and punished under the IPC" not in text
    assert "this module does not address them" not in text
    assert "Section 531 of the BNSS, the savings clause" in text
    assert "BNSS 531 (formerly CrPC 484)" in text
    item = question("The accused recruited and transported a woman for sexual exploitation on 15 March 2024")
    assert "section 531" in item.feedback and "BNSS 531" in item.basis
