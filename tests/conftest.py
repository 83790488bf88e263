import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests import factories

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached pages live in the cache; each test starts afresh.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _index_updates(request):
    """Wagtail updates its search and reference indexes on every save of a page or snippet: a third
    of the time of a test that builds pages. Only tests marked `indexes` (and the browser journeys,
    which walk the whole site) read them, so the others skip the updates."""
    if request.node.get_closest_marker("indexes") or request.node.get_closest_marker("browser"):
        yield
        return
    with factories.without_index_updates():
        yield


@pytest.fixture(autouse=True)
def _default_language():
    # A test that renders in Hindi must not leave Hindi on the thread for the next one.
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def page_cache_on(settings, tmp_path):
    """The page cache as in production (it is off in the test settings), with its own generation marker."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MARKER = str(tmp_path / "page-cache-generation")
    return settings


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def academy(db, home):
    return factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")


@pytest.fixture
def other_academy(db, home):
    return factories.make_academy("MPSJA", "MP State Judicial Academy", states=("MP",), high_court="MPHC")


@pytest.fixture
def judge(db):
    return factories.make_user("district_judge", full_name="Test Judge")


@pytest.fixture
def prosecutor(db):
    return factories.make_user("prosecutor", full_name="Test Prosecutor")


@pytest.fixture
def police(db):
    return factories.make_user("police", full_name="Test Police Officer")


@pytest.fixture
def cso_user(db):
    return factories.make_user("cso", full_name="Test CSO Member")


@pytest.fixture
def unverified(db):
    return factories.make_user("district_judge", verified=False, full_name="Unverified Judge")


@pytest.fixture
def editor(academy):
    return factories.make_staff(academy, "editor", full_name="Test Editor")


@pytest.fixture
def moderator(academy):
    return factories.make_staff(academy, "moderator", full_name="Test Moderator")


@pytest.fixture
def registrar(academy):
    return factories.make_staff(academy, "registrar", full_name="Test Registrar")


@pytest.fixture
def superuser(db):
    user = factories.make_user(None, full_name="Test Admin", is_staff=True, is_superuser=True)
    return factories.give_mfa(user)


@pytest.fixture
def corpus_dir():
    if not CORPUS_DIR.is_dir():
        pytest.skip("shared attack corpus not present")
    return CORPUS_DIR


def pytest_report_header(config):
    return f"settings: {settings.SETTINGS_MODULE}; database: {settings.DATABASES['default']['ENGINE']}"


DATABASE_FIXTURES = {"db", "transactional_db"}


def opens_the_database(item):
    """Whether a test uses the database under test (the only thing that differs between the passes)."""
    names = set(getattr(item, "fixturenames", ()))
    marked = item.get_closest_marker("django_db") or item.get_closest_marker("postgres")
    return marked is not None or bool(names & DATABASE_FIXTURES)


def pytest_collection_modifyitems(config, items):
    # `make test` runs the suite on SQLite, then on PostgreSQL. A test that never opens the
    # database (template and catalogue checks, the demo's data files, processes that bring
    # their own SQLite file) proves nothing new the second time: the PostgreSQL pass leaves it out.
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        kept = [item for item in items if opens_the_database(item)]
        if len(kept) < len(items):
            config.hook.pytest_deselected(items=[item for item in items if not opens_the_database(item)])
            items[:] = kept
    # A transactional test (live server, threads) ends by emptying every table, which
    # would also drop the States, High Courts, groups and Wagtail root rows that data
    # migrations create. Serialized rollback restores them for the tests that follow.
    for item in items:
        names = getattr(item, "fixturenames", ())
        marker = item.get_closest_marker("django_db")
        transactional = "live_server" in names or "transactional_db" in names
        if marker is not None and marker.kwargs.get("transaction"):
            transactional = True
        if transactional:
            kwargs = dict(marker.kwargs) if marker is not None else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


# The rows the migrations made (States, High Courts, groups, Wagtail's root page and
# collection), as Django serialised them when it created the test database.
REFERENCE_ROWS = {}


@pytest.fixture(scope="session", autouse=True)
def _keep_reference_rows(django_db_setup):
    # Copied at once: Django keeps them on the connection object, and Playwright's event
    # loop can leave this thread holding a different connection object later on.
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            REFERENCE_ROWS[connection.alias] = contents


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return marker is not None and marker.kwargs.get("transaction", False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the migration-made rows back right after a transactional test empties the tables.

    Django restores them only when the *next* serialized test starts; with tests spread
    over xdist workers, an ordinary test may run in between and find no States or root page.
    """
    yield
    # After the last test the test database is already gone (nextitem is None): nothing to restore.
    if nextitem is None or not _is_transactional(item) or not REFERENCE_ROWS:
        return
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for alias, contents in REFERENCE_ROWS.items():
            # Rows created lazily after the flush (content types, say) would clash: empty again first.
            call_command("flush", verbosity=0, interactive=False, database=alias, inhibit_post_migrate=True)
            connection = connections[alias]
            connection.creation.deserialize_db_from_string(contents)
            # The restored rows carry their ids; move PostgreSQL's sequences past them.
            statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        ContentType.objects.clear_cache()
