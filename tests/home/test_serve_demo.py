import io
import sys
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from home.management.commands import serve_demo


@pytest.fixture
def commands(settings, monkeypatch):
    """The commands serve_demo calls, recorded instead of run (no server is started)."""
    settings.DEBUG = True
    # Restored after the test: serve_demo sets it for its in-process server.
    monkeypatch.setenv(DJANGO_AUTORELOAD_ENV, "false")
    monkeypatch.setattr(sys, "argv", ["manage.py", "serve_demo"])
    with mock.patch.object(serve_demo, "call_command") as called:
        yield called


def names(called):
    return [c.args[0] for c in called.call_args_list]


@pytest.mark.django_db
def test_an_up_to_date_database_needs_no_migrate():
    assert not serve_demo.migrate_needed()


@pytest.mark.django_db
def test_an_unapplied_migration_needs_migrate():
    MigrationRecorder(connection).record_unapplied("home", "0001_initial")
    assert serve_demo.migrate_needed()


@pytest.mark.django_db
def test_a_missing_table_of_an_app_without_migrations_needs_migrate():
    real_executor = serve_demo.MigrationExecutor

    def executor(connection):
        # As if home had no migrations: migrate would create its tables directly.
        executor = real_executor(connection)
        executor.loader.unmigrated_apps = {"home"}
        return executor

    with mock.patch.object(serve_demo, "MigrationExecutor", executor):
        assert not serve_demo.migrate_needed()
        with mock.patch.object(connection.introspection, "table_names", return_value=["django_migrations"]):
            assert serve_demo.migrate_needed()


@pytest.mark.django_db
def test_skips_migrate_when_up_to_date_and_loads_the_demo_before_serving(commands):
    call_command("serve_demo", "--noreload", "127.0.0.1:8123", stdout=io.StringIO())
    assert names(commands) == ["load_demo", "runserver"]
    runserver = commands.call_args_list[-1]
    assert runserver.args == ("runserver", "127.0.0.1:8123")
    # call_command skips the system checks unless told not to; runserver must still run them.
    assert runserver.kwargs == {"use_reloader": False, "skip_checks": False}


@pytest.mark.django_db
def test_migrates_first_when_a_migration_is_unapplied(commands):
    with mock.patch.object(serve_demo, "migrate_needed", return_value=True):
        call_command("serve_demo", "--noreload", stdout=io.StringIO())
    assert names(commands) == ["migrate", "load_demo", "runserver"]
    assert commands.call_args_list[0].kwargs["skip_checks"] is False


@pytest.mark.django_db
def test_serves_in_this_process_then_becomes_runserver_on_the_first_reload(commands):
    commands.side_effect = lambda name, *a, **kw: sys.exit(3) if name == "runserver" else None
    with mock.patch.object(serve_demo.os, "execv") as execv:
        call_command("serve_demo", "127.0.0.1:8124", stdout=io.StringIO())
    runserver = commands.call_args_list[-1]
    assert runserver.args == ("runserver", "127.0.0.1:8124")
    assert runserver.kwargs == {"skip_checks": False}
    executable, arguments = execv.call_args.args
    assert arguments[0] == executable == sys.executable
    assert arguments[-3:] == ["manage.py", "runserver", "127.0.0.1:8124"]
    # The new process must be runserver's reloader parent, not another serving process.
    assert DJANGO_AUTORELOAD_ENV not in serve_demo.os.environ


@pytest.mark.django_db
def test_other_exits_are_not_turned_into_a_restart(commands):
    commands.side_effect = lambda name, *a, **kw: sys.exit(0) if name == "runserver" else None
    with mock.patch.object(serve_demo.os, "execv") as execv, pytest.raises(SystemExit):
        call_command("serve_demo", stdout=io.StringIO())
    execv.assert_not_called()


def test_refuses_with_debug_off(commands, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG on"):
        call_command("serve_demo", "--noreload", stdout=io.StringIO())
    assert names(commands) == []
