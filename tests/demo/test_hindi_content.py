"""The demo in Hindi (demo/loaders/hindi.py): the Hindi files mirror the English ones, the loader
makes each translation once with copy_for_translation, live in the `hi` locale, and a file that
does not match its English file is refused."""

import io
import shutil
import unicodedata

import pytest
import yaml
from django.core.management import call_command
from wagtail.models import Page

from colloquia.models import ColloquiumPage
from courses.models import CoursePage, LessonPage
from demo.content import CONTENT_DIR, ContentError
from demo.loaders import hindi
from home.models import HomePage

MODULE = "m1-the-trafficking-offence-after-1-july-2024"
EVENT = "5-state-colloquium-bnss-child-and-cyber-trafficking.yaml"
REFUSED = "a Hindi file must have its English file's structure"


# --- The files (no database) ---------------------------------------------------------------------


def test_the_shipped_hindi_files_match_their_english_files():
    data = hindi.read(CONTENT_DIR)
    (module,) = data["modules"]
    assert module["english"]["key"] == "M1"
    assert len(module["lessons"]) == 7
    for english, lesson in module["lessons"]:
        assert [kind for kind, _ in lesson["body"]] == [kind for kind, _ in english["body"]]
    assert len(module["module"]["questions"]) == len(module["english"]["questions"])
    (event,) = data["events"]
    assert len(event["event"]["sessions"]) == len(event["english"]["sessions"])


def test_the_hindi_text_is_plain_devanagari():
    paths = sorted(CONTENT_DIR.glob("**/hi/**/*.yaml")) + sorted(CONTENT_DIR.glob("hi/*.yaml"))
    assert len(paths) >= 10
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "\u200d" not in text and "\u200c" not in text, path  # no zero-width joiners
        assert unicodedata.normalize("NFC", text) == text, path
        assert any("\u0900" <= char <= "\u097f" for char in text), path


@pytest.fixture
def content(tmp_path):
    """A copy of the module's and the colloquium's files, to spoil one at a time."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR / "courses" / MODULE, root / "courses" / MODULE)
    (root / "colloquia" / "hi").mkdir(parents=True)
    shutil.copy(CONTENT_DIR / "colloquia" / EVENT, root / "colloquia" / EVENT)
    shutil.copy(CONTENT_DIR / "colloquia" / "hi" / EVENT, root / "colloquia" / "hi" / EVENT)
    return root


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _lesson(root, number="01"):
    return next((root / "courses" / MODULE / "hi" / "lessons").glob(f"{number}-*.yaml"))


def test_a_good_copy_loads(content):
    module = hindi.read_module(content / "courses" / MODULE, content)
    assert len(module["lessons"]) == 7
    event = hindi.read_event(content / "colloquia" / "hi" / EVENT, content)
    assert event["event"]["slug"] == event["english"]["slug"]


# A pair the concordance accepts, but not the provision the English block shows.
_other_provision = {
    "new_law": {"act": "BNS", "section": "143, Explanation 2"},
    "old_law": {"act": "IPC", "section": "370 Expl. 2"},
}


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d["body"].pop(), "blocks, the English has"),
        (lambda d: d["body"].insert(0, d["body"].pop(1)), "block where the English has a"),
        (lambda d: d["body"][2]["statute"].update(_other_provision), "section"),
        (lambda d: d["body"][10]["case"].update(citation="(1991) 1 SCC 1"), "citation"),
    ],
)
def test_a_lesson_that_does_not_match_is_refused(content, spoil, message):
    _edit(_lesson(content), spoil)
    with pytest.raises(ContentError, match=message) as error:
        hindi.read_module(content / "courses" / MODULE, content)
    assert "hi/lessons/01-" in str(error.value)


def test_a_missing_or_extra_lesson_file_is_refused(content):
    lesson = _lesson(content, "07")
    moved = lesson.with_name("08-extra.yaml")
    lesson.rename(moved)
    with pytest.raises(ContentError, match=REFUSED):
        hindi.read_module(content / "courses" / MODULE, content)


def test_a_hindi_statute_block_goes_through_the_concordance_checks(content):
    # The English block pairs BNS 143 with IPC 370; a Hindi block that drops the old law is refused by demo.law.
    _edit(_lesson(content), lambda d: d["body"][2]["statute"].pop("old_law"))
    with pytest.raises(ContentError, match="needs its old-law counterpart"):
        hindi.read_module(content / "courses" / MODULE, content)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d["questions"].pop(), "questions, the English has"),
        (lambda d: d["questions"][0]["options"].pop(), "options, the English has"),
        (lambda d: d["questions"][0]["options"][1].update(correct=True), "correct"),
        (lambda d: d["questions"][0].update(kind="multiple"), "kind"),
        (lambda d: d["outcomes"].pop(), "outcomes"),
    ],
)
def test_a_question_bank_that_does_not_match_is_refused(content, spoil, message):
    _edit(content / "courses" / MODULE / "hi" / "module.yaml", spoil)
    with pytest.raises(ContentError, match=message) as error:
        hindi.read_module(content / "courses" / MODULE, content)
    assert REFUSED in str(error.value)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d["sessions"].pop(), "sessions, the English has"),
        (lambda d: d["sessions"][1]["people"].pop(), "people, the English has"),
        (
            lambda d: d["sessions"][2]["people"][0].update({"speaker": d["sessions"][2]["people"][0].pop("chair")}),
            "chair",
        ),
        (lambda d: d.update(slug="another-event"), "slug"),
    ],
)
def test_an_agenda_that_does_not_match_is_refused(content, spoil, message):
    _edit(content / "colloquia" / "hi" / EVENT, spoil)
    with pytest.raises(ContentError, match=message) as error:
        hindi.read_event(content / "colloquia" / "hi" / EVENT, content)
    assert REFUSED in str(error.value)


# --- Loading (database) --------------------------------------------------------------------------


def _hindi(page):
    return page.get_translation_or_none(hindi_locale())


def hindi_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="hi")


@pytest.mark.django_db
def test_load_demo_makes_the_hindi_translations_once(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    english_home = HomePage.objects.get(locale__language_code="en")
    module = CoursePage.objects.get(locale__language_code="en", slug="the-trafficking-offence-after-1-july-2024")
    event = ColloquiumPage.objects.get(
        locale__language_code="en", slug="state-colloquium-bnss-child-and-cyber-trafficking"
    )

    # The pages on the way, the module, its lessons and the event: live, in `hi`, one translation_key.
    pages = [*module.get_ancestors().filter(depth__gt=1), module, *event.get_ancestors().filter(depth__gt=1), event]
    for page in pages:
        translated = _hindi(page)
        assert translated is not None, page
        assert translated.live and translated.locale.language_code == "hi"
        assert translated.translation_key == page.translation_key
        assert translated.title != page.title
    assert _hindi(english_home).specific.hero_heading.startswith("प्रत्येक राज्य")

    # The module: as many lessons, the same block types in order, the same questions and options.
    hindi_module = _hindi(module).specific
    lessons = list(LessonPage.objects.child_of(module).live().specific())
    hindi_lessons = list(LessonPage.objects.child_of(hindi_module).live().specific())
    assert len(hindi_lessons) == len(lessons) == 7
    for english, translated in zip(lessons, hindi_lessons, strict=True):
        assert translated.translation_key == english.translation_key
        assert [b.block_type for b in translated.body] == [b.block_type for b in english.body]
    assert "भारतीय न्याय संहिता" in str(hindi_lessons[0].body)
    statute = next(b.value for b in hindi_lessons[0].body if b.block_type == "statute")
    assert (statute["act"], statute["section"], statute["old_act"]) == ("BNS", "143", "IPC")
    questions = list(module.questions.order_by("sort_order", "pk"))
    hindi_questions = list(hindi_module.questions.order_by("sort_order", "pk"))
    assert len(hindi_questions) == len(questions) == 12
    for english, translated in zip(questions, hindi_questions, strict=True):
        assert translated.kind == english.kind
        assert [(i, ok) for i, _text, ok in translated.option_values()] == [
            (i, ok) for i, _text, ok in english.option_values()
        ]
        assert translated.text != english.text
        assert set(english.accepted_list) <= set(translated.accepted_list)
    assert "14 वर्ष" in hindi_questions[1].accepted_list

    # The agenda: the same sessions in the same order, in Hindi.
    hindi_event = _hindi(event).specific
    # In the order they were made (PostgreSQL returns rows of equal sort_order in any order).
    sessions = list(event.sessions.order_by("sort_order", "pk"))
    hindi_sessions = list(hindi_event.sessions.order_by("sort_order", "pk"))
    assert [s.start_time for s in hindi_sessions] == [s.start_time for s in sessions]
    assert hindi_sessions[0].title == "पंजीकरण"
    assert [p.value["role"] for p in hindi_sessions[2].people] == [p.value["role"] for p in sessions[2].people]
    assert [d.title for d in hindi_event.agenda_days.order_by("date")][1] == "साइबर दुर्व्यापार और इलेक्ट्रॉनिक साक्ष्य"

    # A second run finds every translation and makes none.
    counts = Page.objects.filter(locale__language_code="hi").count()
    revisions = hindi_module.revisions.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert Page.objects.filter(locale__language_code="hi").count() == counts
    assert LessonPage.objects.filter(translation_key=lessons[0].translation_key).count() == 2
    assert hindi_module.revisions.count() == revisions
