"""The demo in Hindi: translations of the home page, the pages on the way to module M1 and to the
Jharkhand colloquium, module M1 (lessons and question bank) and that colloquium's agenda.

Layout: a Hindi file sits in a `hi/` folder beside the English file it translates and mirrors it.

    hi/home.yaml                                 the home page and the index pages on the way
    courses/<module>/hi/module.yaml              the module's text and question bank
    courses/<module>/hi/lessons/<same name>.yaml one file per English lesson, same file names
    colloquia/hi/<same name>.yaml                an event's text and agenda

A Hindi file must have the English file's structure: the same lessons, the same number of blocks
of the same types in order, statute and case blocks with the same sections, Acts and citations
(the statute blocks also pass the concordance checks of demo.law), the same questions of the same
kinds with the same options in order and the same correct answers, the same sessions in order
with the same people's roles. Anything else is refused with a ContentError naming the file.

Each translation is made once with Wagtail's `copy_for_translation` (same translation_key, same
slug) and then updated in place: a second run finds it, and publishes a new revision only when
its text changed. Inline rows (quiz questions, agenda days and sessions) are set in the English
order, because core.translation matches them by position.
"""

import re

from django.conf import settings
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from academies.models import Academy, AcademyIndexPage
from colloquia.models import ColloquiumIndexPage, ColloquiumPage
from courses.models import CourseIndexPage, CoursePage, LessonPage, Question
from home.models import HomePage

from ..content import (
    CONTENT_DIR,
    TEXT,
    ContentError,
    check_fields,
    check_list,
    display_name,
    natural_order,
    read_yaml,
    yaml_files,
)
from ..locales import source
from . import colloquia, courses

LANGUAGE = "hi"
FOLDER = "hi"  # beside each English file (and hi/home.yaml at the top of the content directory)
SITE_FILE = f"{FOLDER}/home.yaml"

TITLED = {"title": (TEXT, True), "introduction": (TEXT, True)}
SITE = {
    "home_page": (dict, True),
    "academies_index": (dict, True),
    "academies": (dict, True),  # academy pages, by short code
    "course_catalogues": (dict, True),  # national, academy: as courses/catalogue.yaml
    "colloquium_indexes": (dict, True),  # national, academy: as colloquia/catalogue.yaml
}
HOME = {
    "title": (TEXT, True),
    "hero_heading": (TEXT, True),
    "hero_text": (TEXT, True),
    "hero_cta_text": (TEXT, True),
}
MODULE = {
    "key": (TEXT, True),
    "title": (TEXT, True),
    "summary": (TEXT, True),
    "outcomes": (list, True),
    "questions": (list, True),
}
QUESTION = {
    "kind": (TEXT, True),
    "text": (TEXT, True),
    "options": (list, False),
    "accepted_answers": (list, False),  # Hindi answers accepted as well as the English ones
    "feedback": (TEXT, False),
    "basis": (TEXT, False),
}
OPTION = {"text": (TEXT, True), "correct": (bool, True)}
EVENT = {
    "slug": (TEXT, True),
    "title": (TEXT, True),
    "venue": (TEXT, True),
    "address": (TEXT, True),
    "introduction": (TEXT, False),
    "room": (TEXT, True),  # the name of the room the English loader calls "Main hall"
    "day_titles": (list, False),
    "sessions": (list, True),
}
SESSION = {"title": (TEXT, True), "description": (TEXT, False), "people": (list, False)}
# Block fields that are structure, not text: a Hindi block repeats them exactly.
FIXED = {
    "statute": ("act", "section", "old_act", "old_section", "new_provision"),
    "case": ("citation", "year"),
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


# --- Reading and checking ------------------------------------------------------------------------


def _refuse(where, message):
    raise ContentError(f"{where}: {message} (a Hindi file must have its English file's structure)")


def _same_count(hindi, english, where, what):
    if len(hindi) != len(english):
        _refuse(where, f"{len(hindi)} {what}, the English has {len(english)}")


def _same_placeholders(hindi, english, where):
    if set(_PLACEHOLDER.findall(hindi)) != set(_PLACEHOLDER.findall(english)):
        _refuse(where, f"uses {hindi!r}; the English text's placeholders are {_PLACEHOLDER.findall(english)}")


def _text_where_english_has(hindi, english, fields, where):
    for name in fields:
        if english.get(name) and not hindi.get(name):
            _refuse(where, f"missing {name!r}, which the English gives")


def check_site(data, english, where=SITE_FILE):
    """hi/home.yaml against home.yaml, courses/catalogue.yaml and colloquia/catalogue.yaml."""
    check_fields(data, SITE, where)
    check_fields(data["home_page"], HOME, f"{where}: home_page")
    check_fields(data["academies_index"], TITLED, f"{where}: academies_index")
    for code, page in data["academies"].items():
        check_fields(page, TITLED, f"{where}: academies.{code}")
    for group, english_group in (("course_catalogues", "courses"), ("colloquium_indexes", "colloquia")):
        check_fields(data[group], {"national": (dict, True), "academy": (dict, True)}, f"{where}: {group}")
        for name in ("national", "academy"):
            check_fields(data[group][name], TITLED, f"{where}: {group}.{name}")
            for field in ("title", "introduction"):
                _same_placeholders(
                    data[group][name][field], english[english_group][name][field], f"{where}: {group}.{name}.{field}"
                )
    return data


def check_module(data, english, where):
    """A Hindi module.yaml against the English one: same key, outcomes and question bank."""
    check_fields(data, MODULE, where)
    if data["key"] != english["key"]:
        _refuse(f"{where}.key", f"{data['key']!r} is not the English module's key {english['key']!r}")
    check_list(data["outcomes"], f"{where}: outcomes", lambda o, at: o if isinstance(o, str) else _refuse(at, "text"))
    _same_count(data["outcomes"], english["outcomes"], f"{where}: outcomes", "outcomes")
    _same_count(data["questions"], english["questions"], f"{where}: questions", "questions")

    def question(item, at):
        check_fields(item, QUESTION, at)
        source_question = english["questions"][int(at.rsplit("[", 1)[1][:-1])]
        if item["kind"] != source_question["kind"]:
            _refuse(f"{at}.kind", f"{item['kind']!r}, the English question is {source_question['kind']!r}")
        options = check_list(item.get("options", []), f"{at}.options", lambda o, a: check_fields(o, OPTION, a))
        english_options = source_question.get("options", [])
        _same_count(options, english_options, f"{at}.options", "options")
        for n, (hindi, english_option) in enumerate(zip(options, english_options, strict=True)):
            if hindi["correct"] != english_option["correct"]:
                _refuse(
                    f"{at}.options[{n}].correct",
                    f"{hindi['correct']}, the English option says {english_option['correct']}",
                )
        check_list(item.get("accepted_answers", []), f"{at}.accepted_answers", courses._answer_text)
        if item.get("accepted_answers") and item["kind"] != Question.SHORT:
            _refuse(f"{at}.accepted_answers", "only a short-answer question has accepted answers")
        _text_where_english_has(item, source_question, ("feedback", "basis"), at)
        return item

    check_list(data["questions"], f"{where}: questions", question)
    return data


def check_lesson(data, english, where):
    """A Hindi lesson against the English one: the same blocks, of the same types, in order.

    `data` and `english` are as courses.check_lesson returns them (bodies as StreamField blocks,
    so the Hindi statute blocks have passed the concordance checks too)."""
    _text_where_english_has(data, english, ("content_note",), where)
    _same_count(data["body"], english["body"], f"{where}: body", "blocks")
    for n, ((kind, value), (english_kind, english_value)) in enumerate(zip(data["body"], english["body"], strict=True)):
        at = f"{where}: body[{n}]"
        if kind != english_kind:
            _refuse(at, f"a {kind} block where the English has a {english_kind} block")
        for field in FIXED.get(kind, ()):
            if value.get(field) != english_value.get(field):
                _refuse(f"{at}.{field}", f"{value.get(field)!r}, the English block has {english_value.get(field)!r}")
        if isinstance(value, dict):
            _text_where_english_has(
                value, english_value, [k for k in english_value if k not in FIXED.get(kind, ())], at
            )
    return data


def check_event(data, english, where):
    """A Hindi colloquium file against the English one: same slug, days and sessions in order."""
    check_fields(data, EVENT, where)
    if data["slug"] != english["slug"]:
        _refuse(f"{where}.slug", f"{data['slug']!r} is not the English event's slug {english['slug']!r}")
    _text_where_english_has(data, english, ("introduction",), where)
    _same_count(data.get("day_titles", []), english.get("day_titles", []), f"{where}: day_titles", "day titles")
    _same_count(data["sessions"], english["sessions"], f"{where}: sessions", "sessions")
    for n, (item, english_session) in enumerate(zip(data["sessions"], english["sessions"], strict=True)):
        at = f"{where}: sessions[{n}]"
        check_fields(item, SESSION, at)
        people = check_list(item.get("people", []), f"{at}.people", colloquia._person)
        english_people = english_session["people"]
        _same_count(people, english_people, f"{at}.people", "people")
        for m, (person, english_person) in enumerate(zip(people, english_people, strict=True)):
            if person[1]["role"] != english_person[1]["role"]:
                _refuse(
                    f"{at}.people[{m}]", f"a {person[1]['role']} where the English has a {english_person[1]['role']}"
                )
        item["people"] = people
    return data


def _english_module(folder, root):
    """The English module in `folder`: (module as courses.check_module gives it, {file name: lesson})."""
    lessons = {
        path.name: courses.check_lesson(read_yaml(path, root), display_name(path, root))
        for path in yaml_files(folder / "lessons")
    }
    module_file = folder / "module.yaml"
    module = courses.check_module(read_yaml(module_file, root), display_name(module_file, root), list(lessons.values()))
    return module, lessons


def read_module(folder, root=CONTENT_DIR):
    """The Hindi files of the module in `folder` -> {"english": module, "module": ..., "lessons": [pairs]}."""
    english, english_lessons = _english_module(folder, root)
    hindi_folder = folder / FOLDER
    module_file = hindi_folder / "module.yaml"
    if not module_file.exists():
        raise ContentError(f"{display_name(module_file, root)}: missing (a module's hi/ folder needs one)")
    module = check_module(read_yaml(module_file, root), english, display_name(module_file, root))
    hindi_lessons = {path.name: path for path in yaml_files(hindi_folder / "lessons")}
    lessons_folder = display_name(hindi_folder / "lessons", root)
    for name in english_lessons:
        if name not in hindi_lessons:
            _refuse(lessons_folder, f"no Hindi file for the lesson {name}")
    for name in hindi_lessons:
        if name not in english_lessons:
            _refuse(lessons_folder, f"{name} is not the file name of an English lesson")
    lessons = []
    for name, english_lesson in english_lessons.items():
        path = hindi_lessons[name]
        where = display_name(path, root)
        lessons.append(
            (english_lesson, check_lesson(courses.check_lesson(read_yaml(path, root), where), english_lesson, where))
        )
    return {"english": english, "module": module, "lessons": lessons}


def read_event(path, root=CONTENT_DIR):
    """One Hindi colloquium file (colloquia/hi/<name>.yaml) against colloquia/<name>.yaml."""
    english_path = path.parent.parent / path.name
    where = display_name(path, root)
    if not english_path.exists():
        _refuse(where, f"there is no English file {display_name(english_path, root)}")
    english = colloquia.check_event(read_yaml(english_path, root), display_name(english_path, root))
    return {"english": english, "event": check_event(read_yaml(path, root), english, where)}


def read(root=CONTENT_DIR):
    english_site = {
        "courses": read_yaml(root / courses.FOLDER / "catalogue.yaml", root),
        "colloquia": read_yaml(root / colloquia.FOLDER / "catalogue.yaml", root),
    }
    english_site["courses"] = {
        "national": english_site["courses"]["national_catalogue"],
        "academy": english_site["courses"]["academy_catalogue"],
    }
    english_site["colloquia"] = {
        "national": english_site["colloquia"]["national_index"],
        "academy": english_site["colloquia"]["academy_index"],
    }
    site = check_site(read_yaml(root / SITE_FILE, root), english_site)
    modules = [
        read_module(path, root)
        for path in sorted((root / courses.FOLDER).iterdir(), key=natural_order)
        if path.is_dir() and (path / FOLDER).is_dir()
    ]
    events = [read_event(path, root) for path in yaml_files(root / colloquia.FOLDER / FOLDER)]
    slugs = {
        "course_catalogues": {name: english_site["courses"][name]["slug"] for name in ("national", "academy")},
        "colloquium_indexes": {name: english_site["colloquia"][name]["slug"] for name in ("national", "academy")},
    }
    return {"site": site, "slugs": slugs, "modules": modules, "events": events}


# --- Loading -------------------------------------------------------------------------------------


def _comparable(value):
    if isinstance(value, StreamValue):
        return [(child.block_type, child.block.get_prep_value(child.value)) for child in value]
    return value


def _translate(page, locale, fields):
    """The translation of `page` in `locale`, made once with copy_for_translation, with `fields` set.

    Returns (translation, 1 when it was made now). Publishes a revision when made or changed."""
    page = page.specific
    translated = page.get_translation_or_none(locale)
    made = translated is None
    if made:
        translated = page.copy_for_translation(locale, copy_parents=True)
    translated = translated.specific
    changed = made or not translated.live or translated.alias_of_id is not None
    translated.alias_of = None  # a parent copied as an alias becomes a page of its own
    for name, value in fields.items():
        before = _comparable(getattr(translated, name))
        setattr(translated, name, value)
        changed |= _comparable(getattr(translated, name)) != before
    return translated, int(made), changed


def _publish(page, changed):
    if changed:
        page.save_revision().publish()
    return page


def _page(page, locale, fields):
    translated, made, changed = _translate(page, locale, fields)
    _publish(translated, changed)
    return translated, made


def _stream(model, field, raw):
    return StreamValue(model._meta.get_field(field).stream_block, raw, is_lazy=True)


def _same_ids(english_stream, values, block_type):
    """Raw stream data of `values` with the ids of the English blocks in the same positions
    (a learner's answer names an option by its id, whichever language the options are shown in)."""
    ids = [child.id for child in english_stream]
    return [{"type": block_type, "id": ids[n], "value": value} for n, value in enumerate(values)]


def _question_rows(english_page, translated, items):
    english_rows = list(english_page.questions.all())
    rows = list(translated.questions.all())
    changed = len(rows) != len(english_rows)
    result = []
    for n, (english, item) in enumerate(zip(english_rows, items, strict=True)):
        row = rows[n] if n < len(rows) else Question()
        before = (
            row.kind,
            row.sort_order,
            row.text,
            _comparable(row.options),
            row.accepted_answers,
            row.feedback,
            row.basis,
        )
        options = [{"text": o["text"], "correct": o["correct"]} for o in item.get("options", [])]
        hindi_answers = [a for a in item.get("accepted_answers", []) if a not in english.accepted_list]
        row.kind, row.sort_order, row.text = english.kind, english.sort_order, item["text"]
        row.options = _stream(Question, "options", _same_ids(english.options, options, "option"))
        row.accepted_answers = "\n".join(english.accepted_list + hindi_answers)
        row.feedback, row.basis = item.get("feedback", ""), item.get("basis", "")
        after = (
            row.kind,
            row.sort_order,
            row.text,
            _comparable(row.options),
            row.accepted_answers,
            row.feedback,
            row.basis,
        )
        changed |= before != after
        result.append(row)
    translated.questions = result
    return changed


def _load_module(data, locale, index):
    english_data, hindi = data["english"], data["module"]
    module = CoursePage.objects.child_of(index).get(slug=slugify(english_data["title"])[:80])
    translated, made, changed = _translate(
        module,
        locale,
        {"title": hindi["title"], "summary": hindi["summary"], "outcomes": "\n".join(hindi["outcomes"])},
    )
    changed |= _question_rows(module, translated, hindi["questions"])
    _publish(translated, changed)
    for english_lesson, lesson in data["lessons"]:
        source_lesson = LessonPage.objects.child_of(module).get(slug=slugify(english_lesson["title"])[:80])
        _, new = _page(
            source_lesson,
            locale,
            {"title": lesson["title"], "content_note": lesson.get("content_note", ""), "body": lesson["body"]},
        )
        made += new
    return made


def _load_event(data, locale, index):
    english, hindi = data["english"], data["event"]
    event = ColloquiumPage.objects.child_of(index).filter(slug=english["slug"]).first() or source(ColloquiumPage).get(
        slug=english["slug"]
    )
    translated, made, changed = _translate(
        event,
        locale,
        {
            "title": hindi["title"],
            "venue": hindi["venue"],
            "address": hindi["address"],
            "introduction": hindi.get("introduction", ""),
        },
    )
    days = sorted(translated.agenda_days.all(), key=lambda day: (day.date, day.pk or 0))
    english_days = sorted(event.agenda_days.all(), key=lambda day: (day.date, day.pk or 0))
    changed |= len(days) != len(english_days)
    for day, english_day, title in zip(days, english_days, hindi.get("day_titles", []), strict=False):
        changed |= (day.title, day.date) != (title, english_day.date)
        day.title, day.date = title, english_day.date
    translated.agenda_days = days
    # In the English file's order (the order they were made in), each paired with its copy by its uid,
    # which the translation keeps (PostgreSQL returns rows of equal sort_order in any order).
    english_sessions = sorted(event.sessions.all(), key=lambda row: (row.sort_order or 0, row.pk))
    copies = {row.uid: row for row in translated.sessions.all()}
    sessions = [copies.get(row.uid) for row in english_sessions]
    if len(copies) != len(english_sessions) or None in sessions:
        raise ContentError(
            f"{colloquia.FOLDER}/{FOLDER}: the Hindi page of {english['slug']} has {len(sessions)} sessions, "
            f"the English page {len(english_sessions)}; delete the Hindi page and load again"
        )
    for session, english_session, item in zip(sessions, english_sessions, hindi["sessions"], strict=True):
        before = (session.title, session.description, session.room, _comparable(session.people))
        session.title = item["title"]
        session.description = item.get("description", "")
        session.room = hindi["room"] if english_session.room else ""
        people = [value for _kind, value in item["people"]]
        session.people = _stream(type(session), "people", _same_ids(english_session.people, people, "person"))
        changed |= before != (session.title, session.description, session.room, _comparable(session.people))
    translated.sessions = sessions
    _publish(translated, changed)
    return made


def load(stdout, data=None):
    data = data or read()
    locale = Locale.objects.filter(language_code=LANGUAGE).first()
    if locale is None or LANGUAGE not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return 0
    site = data["site"]
    home = source(HomePage).first()
    if home is None:
        return 0
    _, created = _page(home, locale, site["home_page"])
    academy_index = source(AcademyIndexPage).first()
    if academy_index is not None:
        _, made = _page(academy_index, locale, site["academies_index"])
        created += made
    academy_names = {}
    for code, fields in site["academies"].items():
        academy = Academy.objects.filter(short_code=code).select_related("page").first()
        if academy is None or academy.page_id is None:
            continue
        _, made = _page(academy.page, locale, fields)
        created += made
        academy_names[academy.page_id] = fields["title"]
    catalogues = {}
    for model, group in ((CourseIndexPage, "course_catalogues"), (ColloquiumIndexPage, "colloquium_indexes")):
        slugs = data["slugs"][group]
        for index in source(model).filter(slug__in=slugs.values()):
            parent = index.get_parent()
            if parent.pk == home.pk and index.slug == slugs["national"]:
                fields = site[group]["national"]
            elif parent.pk in academy_names and index.slug == slugs["academy"]:
                fields = site[group]["academy"]
            else:
                continue  # the index of an academy whose page is not translated
            names = {"academy_name": academy_names.get(parent.pk, ""), "academy_code": ""}
            academy = Academy.objects.filter(page_id=parent.pk).first()
            if academy is not None:
                names["academy_code"] = academy.short_code
            _, made = _page(index, locale, {name: value.format(**names) for name, value in fields.items()})
            created += made
            catalogues[(group, parent.pk)] = index
    for module in data["modules"]:
        academy = Academy.objects.filter(short_code=module["english"].get("academy") or "").first()
        parent = academy.page_id if academy is not None and academy.page_id else home.pk
        index = catalogues.get(("course_catalogues", parent))
        if index is not None:
            created += _load_module(module, locale, index)
    for event in data["events"]:
        academy = Academy.objects.filter(short_code=event["english"]["academy"]).first()
        parent = academy.page_id if academy is not None and academy.page_id else home.pk
        index = catalogues.get(("colloquium_indexes", parent))
        if index is not None:
            created += _load_event(event, locale, index)
    if created:
        stdout.write(f"Hindi translations: {created} pages created\n")
    return created
