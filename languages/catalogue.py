"""The state of each language's catalogue: how many strings, how many translated, how many fuzzy.

`current_messages()` extracts every string the project marks today (Django's makemessages, into
a scratch folder), so a string added to a template and not yet in the catalogue counts as
untranslated; `statistics()` compares each language's catalogue with it.
"""

import ast
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

# Folders makemessages must not read: libraries, build output, tests and tools that show no text.
NOT_SCANNED = ["locale", ".venv", "node_modules", "static", "media", "tests", "bench", "ops", "docs"]
NOT_SCANNED += [".stack", "private"]


@dataclass
class Entry:
    msgid: str
    context: str = ""
    plural: str = ""
    strings: list = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self):
        return (self.context, self.msgid)

    @property
    def translated(self):
        return bool(self.strings) and all(self.strings) and not self.fuzzy


def _unquote(text):
    return ast.literal_eval(text) if text else ""


def read_po(path):
    """The entries of the .po file at `path` (header and obsolete entries left out)."""
    entries, current, last = [], None, None
    flags = []

    def finish():
        nonlocal current
        if current is not None and current.msgid:
            entries.append(current)
        current = None

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~") or not line:
            if not line:
                finish()
                flags = []
            continue
        if line.startswith("#,"):
            flags += [flag.strip() for flag in line[2:].split(",")]
            continue
        if line.startswith("#"):
            continue
        match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line)
        if match:
            keyword, text = match.groups()
            if keyword in ("msgctxt", "msgid") and current is not None and (keyword == "msgctxt" or current.msgid):
                finish()
            if current is None:
                current = Entry(msgid="", fuzzy="fuzzy" in flags)
            if keyword == "msgctxt":
                current.context, last = _unquote(text), "context"
            elif keyword == "msgid":
                current.msgid, last = _unquote(text), "msgid"
            elif keyword == "msgid_plural":
                current.plural, last = _unquote(text), "plural"
            else:
                current.strings.append(_unquote(text))
                last = "string"
        elif line.startswith('"') and current is not None:
            text = _unquote(line)
            if last == "context":
                current.context += text
            elif last == "msgid":
                current.msgid += text
            elif last == "plural":
                current.plural += text
            elif last == "string":
                current.strings[-1] += text
    finish()
    return entries


def catalogue_path(language):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def current_messages():
    """Every (context, msgid) the project marks for translation now.

    makemessages writes beside the folder it runs in, so it runs in a scratch folder that links
    to the project's folders, and writes its catalogue there: the real catalogues stay untouched.
    """
    base = Path(settings.BASE_DIR)
    previous = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch, override_settings(LOCALE_PATHS=[f"{scratch}/out"]):
        for folder in base.iterdir():
            if folder.is_dir() and folder.name not in NOT_SCANNED and not folder.name.startswith("."):
                os.symlink(folder, Path(scratch) / folder.name)
        try:
            os.chdir(scratch)
            call_command(
                "makemessages",
                locale=["xx"],
                ignore_patterns=[*NOT_SCANNED, "migrations/*"],
                no_location=True,
                symlinks=True,
                verbosity=0,
            )
        finally:
            os.chdir(previous)
        return {entry.key for entry in read_po(Path(scratch) / "out" / "xx" / "LC_MESSAGES" / "django.po")}


@dataclass
class Statistics:
    language: str
    strings: int
    translated: int
    fuzzy: int
    untranslated: list

    @property
    def complete(self):
        return self.translated == self.strings and not self.fuzzy

    def __str__(self):
        share = 100 * self.translated / self.strings if self.strings else 100
        return (
            f"{self.language}: {self.strings} strings, {self.translated} translated ({share:.1f}%), "
            f"{self.fuzzy} fuzzy, {len(self.untranslated)} untranslated"
        )


def statistics(language, wanted=None):
    wanted = current_messages() if wanted is None else wanted
    path = catalogue_path(language)
    entries = {entry.key: entry for entry in read_po(path)} if path.exists() else {}
    translated = [key for key in wanted if key in entries and entries[key].translated]
    fuzzy = [key for key in wanted if key in entries and entries[key].fuzzy]
    untranslated = sorted(key for key in wanted if key not in entries or not entries[key].translated)
    return Statistics(language, len(wanted), len(translated), len(fuzzy), untranslated)


def other_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
