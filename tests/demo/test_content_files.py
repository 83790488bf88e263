"""The demo content files are read and validated by plain functions: a missing or misspelt field
or block type fails with a message naming the file and the field."""

import datetime
import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from demo.blocks import stream
from demo.content import CONTENT_DIR, ContentError, check_fields
from demo.loaders import LOADERS, colloquia, courses
from demo.management.commands.load_demo import check_content


def test_every_demo_file_is_valid():
    assert check_content() == len(LOADERS)


def test_load_demo_check_validates_without_the_database():
    out = io.StringIO()
    call_command("load_demo", "--check", stdout=out)  # no django_db mark: a query would fail the test
    assert "valid" in out.getvalue()


BNS_143, IPC_370 = {"act": "BNS", "section": "143"}, {"act": "IPC", "section": "370"}


def test_lesson_blocks_become_the_stream_blocks_of_a_lesson():
    blocks = stream(
        [
            {"heading": "Three elements"},
            {"paragraph": "<p>Text.</p>"},
            {"statute": {"new_law": BNS_143, "old_law": IPC_370, "source": "BNS, s.143", "changes": "c"}},
            {
                "statute": {
                    "new_law": {"act": "BNSS", "section": "398"},
                    "no_predecessor": True,
                    "source": "BNSS, s.398",
                }
            },
            {"statute": {"new_law": {"act": "ITPA", "section": "15"}, "source": "ITPA, s.15", "to_confirm": "t"}},
            {"case": {"name": "Vishal Jeet v Union of India", "citation": "(1990) 3 SCC 318", "holding": "h"}},
            {"key_point": {"body": "<p>Consent is irrelevant.</p>"}},
        ],
        "lesson.yaml: body",
    )
    assert blocks == [
        ("heading", {"text": "Three elements", "level": "h2"}),
        ("paragraph", "<p>Text.</p>"),
        (
            "statute",
            {
                "act": "BNS",
                "section": "143",
                "source": "BNS, s.143",
                "old_act": "IPC",
                "old_section": "370",
                "changes": "c",
            },
        ),
        ("statute", {"act": "BNSS", "section": "398", "source": "BNSS, s.398", "new_provision": True}),
        ("statute", {"act": "ITPA", "section": "15", "source": "ITPA, s.15", "to_confirm": "t"}),
        ("case", {"name": "Vishal Jeet v Union of India", "citation": "(1990) 3 SCC 318", "holding": "h"}),
        ("callout", {"title": "Key point", "body": "<p>Consent is irrelevant.</p>"}),
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"statue": {}}, "lesson.yaml: body[0]: unknown block type 'statue'"),
        ({"statute": {"old_law": {"act": "IPC", "section": "370"}}}, "body[0].statute: missing field 'new_law'"),
        ({"statute": {"new_law": {"act": "BNS"}, "source": "s"}}, "body[0].statute.new_law: missing field 'section'"),
        ({"statute": {"new_law": BNS_143, "old_law": IPC_370}}, "body[0].statute: missing field 'source'"),
        ({"case": {"name": "X", "holding": "h", "cite": "c"}}, "body[0].case: unknown field 'cite'"),
        ({"case": {"name": "X", "holding": "h"}}, "body[0].case: missing field 'citation'"),
        (
            {"case": {"name": "X", "holding": "h", "citation": "c", "year": "1990"}},
            "body[0].case.year: expected a whole",
        ),
        ({"heading": ["a"]}, "body[0].heading: expected text"),
        ({"heading": "a", "paragraph": "b"}, "body[0]: a block is one line"),
    ],
)
def test_a_broken_block_is_named_with_its_file_and_field(block, message):
    with pytest.raises(ContentError) as error:
        stream([block], "lesson.yaml: body")
    assert message in str(error.value)


def test_a_missing_or_mistyped_field_is_named():
    spec = {"title": (str, True), "hours": (int, False)}
    with pytest.raises(ContentError, match=r"^m\.yaml: missing field 'title'$"):
        check_fields({}, spec, "m.yaml")
    with pytest.raises(ContentError, match=r"^m\.yaml: unknown field 'titel'"):
        check_fields({"titel": "x"}, spec, "m.yaml")
    with pytest.raises(ContentError, match=r"^m\.yaml\.hours: expected a whole number, found True"):
        check_fields({"title": "x", "hours": True}, spec, "m.yaml")


@pytest.fixture
def content(tmp_path):
    """A copy of the real content files, to break."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def _lesson(root):
    return sorted((root / "courses").glob("m1-*/lessons/01-*.yaml"))[0]


def test_a_deliberately_broken_lesson_file_fails_naming_the_file_and_field(content):
    lesson = _lesson(content)
    text = lesson.read_text(encoding="utf-8")
    assert "- statute:\n    new_law:" in text
    lesson.write_text(text.replace("- statute:\n    new_law:", "- statute:\n    new_lwa:", 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        courses.read(content)
    name = str(lesson.relative_to(content))
    assert str(error.value).startswith(f"{name}: body[")
    assert "statute: unknown field 'new_lwa'" in str(error.value)


def test_a_misspelt_block_type_in_a_lesson_file_is_named(content):
    lesson = _lesson(content)
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("- heading:", "- headng:", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"lessons/01-.*\.yaml: body\[\d+\]: unknown block type 'headng'"):
        courses.read(content)


def test_a_missing_module_field_is_named(content):
    module = sorted((content / "courses").glob("m1-*/module.yaml"))[0]
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("\npass_mark:", "\npass_marks:", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"m1-.*/module\.yaml: unknown field 'pass_marks'"):
        courses.read(content)


def test_invalid_yaml_and_unquoted_times_are_named(content):
    event = sorted((content / "colloquia").glob("1-*.yaml"))[0]
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("start: '10:45'", "start: 10:45", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"1-.*\.yaml: sessions\[\d+\]\.start: expected text, found 645"):
        colloquia.read(content)
    event.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"1-.*\.yaml: not valid YAML"):
        colloquia.read(content)


def test_load_demo_refuses_a_broken_file_before_writing_anything(content, settings, monkeypatch):
    from demo.management.commands import load_demo

    lesson = _lesson(content)
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    monkeypatch.setattr(load_demo, "check_content", lambda: check_content(content))
    with pytest.raises(CommandError, match=r"demo/content/courses/m1-.*: unknown field 'titel'"):
        call_command("load_demo", "--check", stdout=io.StringIO())


def test_an_accepted_answer_yaml_reads_as_a_date_or_number_is_refused():
    question = {"kind": "short", "text": "When?", "accepted_answers": ["14 years", datetime.date(2025, 9, 1)]}
    with pytest.raises(ContentError, match=r"^q\.yaml\.accepted_answers\[1\]: expected text, found datetime\.date"):
        courses.check_question(question, "q.yaml")
