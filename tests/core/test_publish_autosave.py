"""A publish is never undone by the editor's autosave (Wagtail 8 admin, over HTTP).

Requests are built as Wagtail's editor builds them: the form's fields, the hidden
`loaded_revision_id` / `loaded_revision_created_at` the edit form was rendered with, and,
once an autosave has answered, `overwrite_revision_id`; autosaves ask for JSON.

Two requests running side by side are played in the one order that loses the publish: a
`before_edit_page` hook (registered for the test only) runs the editor's Publish request
after the autosave request has read the page and before it writes.
"""

import inspect
import re
from pathlib import Path

import pytest
import wagtail
from django.test import Client
from wagtail import hooks
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, PageLogEntry, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.editing import STALE_SAVE_MESSAGE, PublishSafePageForm, is_draft_save, page_changed_since_read
from courses.models import CoursePage, LessonPage
from tests.courses.conftest import make_index

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's AutosaveController sends
PUBLISH = {"action-publish": "action-publish"}


def module_form(title="Victim-centred trials"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "victim-centred-trials",
            "summary": "Testimony, privacy, technology.",
            "outcomes": "",
            "estimated_hours": "3.0",
            "edition": "2026",
            "topics": "",
            "gives_certificate": "on",
            "pass_mark": "70",
            "max_attempts": "3",
            "questions_drawn": "1",
            "shuffle_options": "on",
            "review_answers": "when_finished",
            "minimum_minutes": "0",
            "quiz_time_limit": "0",
            "questions": inline_formset(
                [
                    {
                        "kind": "single",
                        "text": "Is the victim's consent relevant under BNS 143?",
                        "options": streamfield(
                            [("option", {"text": "No", "correct": "on"}), ("option", {"text": "Yes"})]
                        ),
                        "accepted_answers": "",
                        "feedback": "",
                        "basis": "",
                    }
                ]
            ),
        }
    )
    data["audience"] = ["district_judge"]
    return data


def lesson_form(title="The offence of trafficking"):
    return nested_form_data(
        {
            "title": title,
            "slug": "the-offence",
            "content_note": "",
            "required": "on",
            "body": streamfield(
                [("statute", {"act": "BNS", "section": "143", "old_act": "IPC", "old_section": "370", "summary": ""})]
            ),
        }
    )


def loaded_revision(client, page_id):
    """The hidden inputs the edit form was rendered with, as the browser sends them back."""
    html = client.get(f"/admin/pages/{page_id}/edit/").content.decode()
    revision_id = re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1)
    created_at = re.search(r'name="loaded_revision_created_at" value="([^"]+)"', html).group(1)
    return {"loaded_revision_id": revision_id, "loaded_revision_created_at": created_at}


def history(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True))


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def index(academy):
    return make_index(academy.page, slug="jsja-modules", title="JSJA modules")


@pytest.fixture
def draft_module(editor_client, index):
    """A module created the way the Wagtail 8 editor creates it: by its first autosave."""
    response = editor_client.post(f"/admin/pages/add/courses/coursepage/{index.pk}/", module_form(), **JSON)
    body = response.json()
    assert body["success"], body
    return CoursePage.objects.get(pk=body["pk"]), body["revision_id"]


@pytest.fixture
def draft_lesson(editor_client, draft_module):
    """A lesson saved as a draft with the "Save draft" button (no autosave yet)."""
    module, _ = draft_module
    response = editor_client.post(f"/admin/pages/add/courses/lessonpage/{module.pk}/", lesson_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    return LessonPage.objects.get(slug="the-offence")


def while_it_runs(editor, page_id, data, *, autosave=True):
    """A before_edit_page hook: during the first edit POST of the kind given (an autosave, or a
    form POST), once it has read the page and before it writes, the same editor's request `data`
    from another window (a plain form POST) runs to completion."""
    ran = []

    def hook(request, page):
        if ran or request.method != "POST" or request.accepts("text/html") == autosave:
            return None
        ran.append(None)  # the other request passes through this hook too
        ran[0] = signed_in(editor).post(f"/admin/pages/{page_id}/edit/", data)
        return None

    return hook, ran


def assert_live_as_published(page_id, title):
    page = Page.objects.get(pk=page_id).specific
    assert page.live
    assert page.live_revision_id == page.latest_revision_id, "an older draft was put back over the publish"
    assert page.latest_revision.as_object().title == title
    assert history(page)[-1] == "wagtail.publish"


# --- The race: an autosave reads the page, the publish lands, the autosave writes -------------


def test_autosave_racing_the_publish_of_a_new_module_is_refused(editor_client, editor, draft_module):
    module, autosaved_revision = draft_module
    data = {**module_form(), **loaded_revision(editor_client, module.pk)}
    hook, ran = while_it_runs(editor, module.pk, {**data, **PUBLISH})

    with hooks.register_temporarily("before_edit_page", hook):
        response = editor_client.post(
            f"/admin/pages/{module.pk}/edit/", {**data, "overwrite_revision_id": str(autosaved_revision)}, **JSON
        )

    assert ran[0].status_code == 302  # "has been published"
    # The answer Wagtail's AutosaveController treats as a conflict: it stops autosaving and says so.
    assert response.status_code == 400
    assert response.json() == {"success": False, "error_code": "invalid_revision", "error_message": STALE_SAVE_MESSAGE}
    assert_live_as_published(module.pk, "Victim-centred trials")


def test_first_autosave_of_a_lesson_racing_its_publish_is_refused(editor_client, editor, draft_lesson):
    # No autosave has answered yet, so the request carries only the revision the form was loaded with.
    data = {**lesson_form("The offence of trafficking (BNS 143)"), **loaded_revision(editor_client, draft_lesson.pk)}
    hook, ran = while_it_runs(editor, draft_lesson.pk, {**data, **PUBLISH})

    with hooks.register_temporarily("before_edit_page", hook):
        response = editor_client.post(f"/admin/pages/{draft_lesson.pk}/edit/", data, **JSON)

    assert ran[0].status_code == 302
    assert response.json()["error_code"] == "invalid_revision"
    assert_live_as_published(draft_lesson.pk, "The offence of trafficking (BNS 143)")


def test_autosave_racing_a_republish_does_not_put_the_old_draft_back(editor_client, editor, draft_module):
    module, _ = draft_module
    assert editor_client.post(f"/admin/pages/{module.pk}/edit/", {**module_form(), **PUBLISH}).status_code == 302
    stale = {**module_form("Victim-centred trials"), **loaded_revision(editor_client, module.pk)}
    newer = {**module_form("Victim-centred trials (2026 edition)"), **loaded_revision(editor_client, module.pk)}
    hook, ran = while_it_runs(editor, module.pk, {**newer, **PUBLISH})

    with hooks.register_temporarily("before_edit_page", hook):
        response = editor_client.post(f"/admin/pages/{module.pk}/edit/", stale, **JSON)

    assert ran[0].status_code == 302
    assert response.json()["error_code"] == "invalid_revision"
    assert_live_as_published(module.pk, "Victim-centred trials (2026 edition)")


def test_save_draft_racing_a_publish_keeps_the_entries_and_says_why(editor_client, editor, draft_lesson):
    base = loaded_revision(editor_client, draft_lesson.pk)
    hook, ran = while_it_runs(editor, draft_lesson.pk, {**lesson_form(), **base, **PUBLISH}, autosave=False)

    with hooks.register_temporarily("before_edit_page", hook):
        response = editor_client.post(f"/admin/pages/{draft_lesson.pk}/edit/", {**lesson_form("Typed here"), **base})

    assert ran[0].status_code == 302
    html = response.content.decode()
    assert response.status_code == 200 and "not saved over it" in html
    assert 'value="Typed here"' in html  # the form comes back as entered
    assert_live_as_published(draft_lesson.pk, "The offence of trafficking")


def test_publish_racing_an_autosave_still_publishes(editor_client, editor, draft_module):
    # The other order: the autosave writes while the Publish request is on its way; the publish wins.
    module, autosaved_revision = draft_module
    data = {**module_form(), **loaded_revision(editor_client, module.pk)}
    autosave = {**module_form("Victim-centred trials, draft"), "overwrite_revision_id": str(autosaved_revision)}
    ran = []

    def hook(request, page):
        if not ran and request.accepts("text/html"):
            ran.append(editor_client.post(f"/admin/pages/{module.pk}/edit/", {**data, **autosave}, **JSON))

    with hooks.register_temporarily("before_edit_page", hook):
        response = signed_in(editor).post(f"/admin/pages/{module.pk}/edit/", {**data, **PUBLISH})

    assert ran[0].json()["success"] and response.status_code == 302
    assert_live_as_published(module.pk, "Victim-centred trials")


# --- Requests one after the other: Wagtail's own check, and the guard staying out of the way -------


def test_autosave_arriving_after_the_publish_is_refused(editor_client, draft_module):
    module, autosaved_revision = draft_module
    data = {**module_form(), **loaded_revision(editor_client, module.pk)}
    assert editor_client.post(f"/admin/pages/{module.pk}/edit/", {**data, **PUBLISH}).status_code == 302

    late = {**data, "overwrite_revision_id": str(autosaved_revision)}
    response = editor_client.post(f"/admin/pages/{module.pk}/edit/", late, **JSON)

    assert response.json()["error_code"] == "invalid_revision"
    assert_live_as_published(module.pk, "Victim-centred trials")


def test_autosave_with_nothing_in_between_saves_a_draft(editor_client, draft_module):
    module, autosaved_revision = draft_module
    data = {**module_form("Victim-centred trials, revised"), **loaded_revision(editor_client, module.pk)}

    response = editor_client.post(
        f"/admin/pages/{module.pk}/edit/", {**data, "overwrite_revision_id": str(autosaved_revision)}, **JSON
    )

    assert response.json()["success"] is True
    module.refresh_from_db()
    assert module.latest_revision_id == autosaved_revision
    assert module.latest_revision.as_object().title == "Victim-centred trials, revised"


def test_autosave_of_a_live_page_saves_a_draft_and_keeps_it_live(editor_client, draft_module):
    module, _ = draft_module
    assert editor_client.post(f"/admin/pages/{module.pk}/edit/", {**module_form(), **PUBLISH}).status_code == 302
    data = {**module_form("Victim-centred trials, next edition"), **loaded_revision(editor_client, module.pk)}

    assert editor_client.post(f"/admin/pages/{module.pk}/edit/", data, **JSON).json()["success"] is True

    module.refresh_from_db()
    assert module.live and module.has_unpublished_changes
    assert module.title == "Victim-centred trials"  # what visitors see is unchanged


# --- The rule as plain functions, and the protocol the guard relies on --------------------------


def test_only_draft_saves_are_guarded():
    assert is_draft_save({"title": "x", "loaded_revision_id": "3"})
    assert is_draft_save({"title": "x", "overwrite_revision_id": "3"})
    assert not is_draft_save({"title": "x", "action-publish": "action-publish"})
    assert not is_draft_save({"title": "x", "action-submit": "1"})


def test_page_changed_since_read(draft_module):
    module, _ = draft_module
    read = CoursePage.objects.get(pk=module.pk)
    assert not page_changed_since_read(read)
    module.save_revision().publish()
    assert page_changed_since_read(read)
    assert not page_changed_since_read(CoursePage.objects.get(pk=module.pk))


def test_wagtail_autosave_protocol_is_the_one_the_guard_and_these_tests_assume():
    """Fails on a Wagtail upgrade that changes how autosave requests are built or how a draft save
    is written and refused: re-read core/editing.py and docs/courses.md ("Publishing and autosave")
    and check whether Wagtail now locks or re-reads the page, in which case the guard can go."""
    script = (Path(wagtail.__file__).parent / "admin" / "static" / "wagtailadmin" / "js" / "core.js").read_text()
    assert 'set("overwrite_revision_id"' in script and 'Accept:"application/json"' in script
    save_action = inspect.getsource(EditView.save_action)
    assert save_action.index("with transaction.atomic():") < save_action.index("self.form.save(")
    assert "except PermissionDenied" in save_action
    assert 'self.json_error_response("invalid_revision", str(e))' in save_action


def test_every_page_type_of_the_project_guards_its_draft_saves():
    project_apps = {"home", "academies", "courses", "colloquia", "resources"}
    page_types = [model for model in get_page_models() if model._meta.app_label in project_apps]
    assert len(page_types) >= 9, page_types
    unguarded = [model.__name__ for model in page_types if not issubclass(model.base_form_class, PublishSafePageForm)]
    assert not unguarded, f"page types whose autosave could undo a publish: {unguarded}"
