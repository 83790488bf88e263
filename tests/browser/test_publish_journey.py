"""Browser journey: an editor creates a module and its first lesson in the Wagtail admin and
publishes each while the editor's autosave is on its way; both stay live.

The live server runs every request in its own thread. Hooks registered for this test only
make the two requests meet in the order that used to lose the publish (about one time in
five by hand): the Publish request waits until the autosave started by the last keystroke
has read the page, that autosave writes only once the publish is in the database, and the
answer to Publish (which takes the browser away from the editor) waits for the autosave's.
"""

import threading

import pytest
from django.core.signals import request_finished
from playwright.sync_api import expect
from wagtail import hooks
from wagtail.models import PageLogEntry

from courses.models import CoursePage, LessonPage
from tests.courses.conftest import make_index

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAIT = 60  # seconds: generous, for a busy machine

# Counts, per page load, when the editor's form starts watching for changes (2 s after it loads:
# typing before that is taken as its initial state) and each answered autosave.
EDITOR_EVENTS = """
window.editorEvents = {"w-unsaved:watch-edits": 0, "w-autosave:success": 0};
for (const name of Object.keys(window.editorEvents)) {
  document.addEventListener(name, () => { window.editorEvents[name] += 1; });
}
"""


class PublishMeetsAutosave:
    """Hooks for the live server's request threads; each waits on an event with a generous deadline."""

    def __init__(self):
        self.publishing = self.autosaving = None
        self.autosave_read = threading.Event()
        self.published = threading.Event()
        self.autosave_answered = threading.Event()

    def before_edit_page(self, request, page):
        if request.method != "POST":
            return None
        if "action-publish" in request.POST:
            self.publishing = threading.get_ident()
            self.autosave_read.wait(WAIT)  # let the autosave the last keystroke started read the page
        elif self.publishing and not request.accepts("text/html") and not self.autosave_read.is_set():
            self.autosaving = threading.get_ident()
            self.autosave_read.set()
            self.published.wait(WAIT)  # and write only once the publish is in the database
        return None

    def after_publish_page(self, request, page):
        self.published.set()
        # The browser leaves the editor with the answer to Publish: keep it until the autosave is
        # answered, so the two never use the test database at the same time.
        self.autosave_answered.wait(WAIT)

    def request_finished(self, sender, **kwargs):
        if threading.get_ident() == self.autosaving:
            self.autosave_answered.set()


def publish_while_autosaving(page, type_last_change):
    """Type a change and press Publish at once; return once the autosave the change started
    and the publish have both been answered."""
    hold = PublishMeetsAutosave()
    request_finished.connect(hold.request_finished)
    try:
        with hooks.register_temporarily(
            [("before_edit_page", hold.before_edit_page), ("after_publish_page", hold.after_publish_page)]
        ):
            type_last_change()
            page.locator("footer [data-w-dropdown-target='toggle']").first.click()
            page.locator("button[name='action-publish']").click(no_wait_after=True)
            assert hold.autosave_read.wait(WAIT), "no autosave was sent while Publish was on its way"
            assert hold.autosave_answered.wait(WAIT), "the autosave was not answered"
            page.wait_for_url(lambda url: "/edit/" not in url and "/add/" not in url)
    finally:
        request_finished.disconnect(hold.request_finished)


def wait_for_editor(page, event):
    page.wait_for_function(f"window.editorEvents['{event}'] >= 1", polling=100, timeout=WAIT * 1000)


def assert_still_published(page_model, title):
    created = page_model.objects.get(title=title)
    assert created.live and created.live_revision_id == created.latest_revision_id
    history = list(
        PageLogEntry.objects.filter(page=created).order_by("timestamp", "pk").values_list("action", flat=True)
    )
    assert history[-1] == "wagtail.publish", history
    return created


def test_editor_publishes_a_module_and_a_lesson_while_autosave_runs(live_server, page, academy, editor):
    index = make_index(academy.page, slug="jsja-modules", title="JSJA modules")
    page.add_init_script(EDITOR_EVENTS)
    login(page, live_server, editor.email)

    # The module: the first autosave creates it as a draft, and the editor becomes an edit view.
    page.goto(f"{live_server.url}/admin/pages/add/courses/coursepage/{index.pk}/")
    wait_for_editor(page, "w-unsaved:watch-edits")
    page.locator("#id_title").fill("Victim-centred trials")
    page.locator("#id_summary").fill("Testimony, privacy and technology in trafficking trials.")
    wait_for_editor(page, "w-autosave:success")  # the first autosave created the page as a draft
    assert "/edit/" in page.url
    publish_while_autosaving(page, lambda: page.locator("#id_edition").fill("2026"))
    module = assert_still_published(CoursePage, "Victim-centred trials")
    assert module.edition == "2026"

    # Its first lesson, with a statute block in the body.
    page.goto(f"{live_server.url}/admin/pages/add/courses/lessonpage/{module.pk}/")
    wait_for_editor(page, "w-unsaved:watch-edits")
    page.locator("#id_title").fill("The offence of trafficking")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Statute reference").click()
    page.locator("[name='body-0-value-act']").fill("BNS")
    page.locator("[name='body-0-value-section']").fill("143")
    wait_for_editor(page, "w-autosave:success")  # the first autosave created the page as a draft
    assert "/edit/" in page.url
    publish_while_autosaving(page, lambda: page.locator("[name='body-0-value-old_act']").fill("IPC"))
    lesson = assert_still_published(LessonPage, "The offence of trafficking")
    assert lesson.body[0].value["old_act"] == "IPC"

    expect(page.get_by_text("The offence of trafficking").first).to_be_visible()
