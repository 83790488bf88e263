"""The checks `make test` runs on translations (manage.py translation_report), both directions."""

import textwrap

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from languages import catalogue
from languages.template_text import english_words, scan_project, untranslated_text


def texts(source, is_html=True):
    return [found.text for found in untranslated_text(source, "t.html", is_html=is_html)]


def test_text_outside_a_translation_tag_is_found_with_its_line():
    source = '{% load i18n %}\n<p>{% translate "Fine" %}</p>\n<p>Hello {{ name }}</p>\n<img alt="A judge">'
    found = untranslated_text(source, "t.html")
    assert [(f.line, f.text) for f in found] == [(3, "Hello …"), (4, 'alt="A judge"')]
    assert str(found[0]) == "t.html:3: 'Hello …'"


def test_buttons_placeholders_and_included_labels_are_read_too():
    source = (
        '<input type="submit" value="Save it"><input placeholder="Search here">'
        '<button value="accept">{% translate "Accept" %}</button>'
        '{% include "x.html" with label="Save changes now" %}'
    )
    assert texts(source) == ["label=Save changes now", 'value="Save it"', 'placeholder="Search here"']


def test_translated_commented_scripted_and_markup_text_is_not_reported():
    source = textwrap.dedent(
        """
        {% load i18n %}
        {% blocktranslate trimmed with n=count %}You have {{ n }} notes.{% endblocktranslate %}
        {% comment %}Nothing here is shown.{% endcomment %}
        <script>var message = "not shown";</script><style>p { color: red }</style>
        <{% if href %}a href="{{ href }}"{% else %}button{% endif %} class="button">{% translate "Go" %}</a>
        {% block body_class %}account-page{% endblock %}
        <p>BNS 143 · PDF · CSV · Colloquium</p><p>x = {{ n }}</p>
        """
    )
    assert texts(source) == []


def test_plain_text_templates_are_read_line_by_line():
    assert texts("{% load i18n %}Dear {{ name }},\n{% translate 'Thanks' %}", is_html=False) == ["Dear"]
    assert english_words("%(count)s items") == ["items"]


def test_the_projects_templates_are_all_marked():
    from django.conf import settings

    assert scan_project(settings.BASE_DIR) == []


PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Save"
msgstr "सहेजें"

msgctxt "event status"
msgid "Open"
msgstr "खुला"

#, fuzzy
msgid "Close"
msgstr "बंद"

msgid ""
"A long "
"sentence"
msgstr ""

msgid "One note"
msgid_plural "%(n)s notes"
msgstr[0] "एक नोट"
msgstr[1] "%(n)s नोट"

#~ msgid "Gone"
#~ msgstr "गया"
"""


@pytest.fixture
def hindi_catalogue(tmp_path, settings):
    path = tmp_path / "hi" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(PO, encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]
    return path


def test_a_catalogue_is_read_entry_by_entry(hindi_catalogue):
    entries = {entry.key: entry for entry in catalogue.read_po(hindi_catalogue)}
    assert set(entries) == {
        ("", "Save"),
        ("event status", "Open"),
        ("", "Close"),
        ("", "A long sentence"),
        ("", "One note"),
    }
    assert entries[("", "Save")].translated and entries[("event status", "Open")].strings == ["खुला"]
    assert entries[("", "Close")].fuzzy and not entries[("", "Close")].translated
    assert not entries[("", "A long sentence")].translated
    assert entries[("", "One note")].plural == "%(n)s notes" and entries[("", "One note")].translated


def test_statistics_count_missing_empty_and_fuzzy_strings(hindi_catalogue):
    wanted = {("", "Save"), ("event status", "Open"), ("", "Close"), ("", "A long sentence"), ("", "New")}
    stats = catalogue.statistics("hi", wanted)
    assert (stats.strings, stats.translated, stats.fuzzy) == (5, 2, 1)
    assert stats.untranslated == [("", "A long sentence"), ("", "Close"), ("", "New")]
    assert not stats.complete
    assert str(stats) == "hi: 5 strings, 2 translated (40.0%), 1 fuzzy, 3 untranslated"
    assert catalogue.statistics("hi", {("", "Save")}).complete


def test_the_report_fails_on_an_untranslated_string(hindi_catalogue, monkeypatch, capsys):
    monkeypatch.setattr("languages.management.commands.translation_report.current_messages", lambda: {("", "New")})
    with pytest.raises(CommandError, match="1 translation problems"):
        call_command("translation_report")
    assert "catalogue hi: 1 strings, 0 translated (0.0%), 0 fuzzy, 1 untranslated" in capsys.readouterr().out


def test_the_projects_strings_are_all_in_the_hindi_catalogue(capsys):
    call_command("translation_report")  # extracts every marked string afresh (makemessages in a scratch folder)
    output = capsys.readouterr().out
    assert "templates: 0 texts not marked for translation" in output
    assert "translated (100.0%), 0 fuzzy, 0 untranslated" in output
    assert catalogue.other_languages() == ["hi"]
