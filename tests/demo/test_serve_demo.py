import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from demo.management.commands import serve_demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def commands(settings, monkeypatch):
    """The commands serve_demo calls, recorded instead of run (no server is started)."""
    settings.DEBUG = True
    # Restored after the test: serve_demo sets it for its in-process server.
    monkeypatch.setenv(DJANGO_AUTORELOAD_ENV, "false")
    # As `make run` does: SITE_URL chosen, so serve_demo does not start itself again to apply it.
    monkeypatch.setenv("SITE_URL", settings.SITE_URL)
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


# --- SITE_URL follows the served address ---


@pytest.mark.parametrize(
    ("addrport", "site_url"),
    [
        ("127.0.0.1:8801", "http://127.0.0.1:8801"),
        ("8801", "http://127.0.0.1:8801"),
        ("0.0.0.0:8801", "http://127.0.0.1:8801"),
        ("localhost:8801", "http://localhost:8801"),
        ("[::1]:8801", "http://[::1]:8801"),
    ],
)
def test_the_site_url_is_the_served_address(addrport, site_url):
    assert serve_demo.served_site_url(addrport) == site_url


def test_an_invalid_address_is_refused_as_runserver_refuses_it():
    with pytest.raises(CommandError, match="not a valid port number"):
        serve_demo.served_site_url("127.0.0.1:http")


@pytest.mark.django_db
def test_without_site_url_it_starts_again_with_the_served_address(commands, monkeypatch, settings):
    monkeypatch.delenv("SITE_URL")  # restored after the test, like every variable set below
    settings.SITE_URL = "http://127.0.0.1:8000"  # the default, read at start-up
    seen = {}

    def exec_manage_py(argv):
        seen.update(argv=list(argv), site_url=serve_demo.os.environ.get("SITE_URL"))
        raise SystemExit(0)  # os.execv does not return

    monkeypatch.setattr(serve_demo, "exec_manage_py", exec_manage_py)
    monkeypatch.setattr(sys, "argv", ["manage.py", "serve_demo", "127.0.0.1:8801"])
    with pytest.raises(SystemExit):
        call_command("serve_demo", "127.0.0.1:8801", stdout=io.StringIO())
    # The new process is the same command, and its settings read SITE_URL from the environment.
    assert seen == {"argv": ["manage.py", "serve_demo", "127.0.0.1:8801"], "site_url": "http://127.0.0.1:8801"}
    assert names(commands) == []  # nothing was served with the wrong address


@pytest.mark.django_db
def test_without_site_url_on_the_default_address_it_serves_at_once(commands, monkeypatch, settings):
    monkeypatch.delenv("SITE_URL")
    settings.SITE_URL = "http://127.0.0.1:8000"
    with mock.patch.object(serve_demo, "exec_manage_py") as restart:
        call_command("serve_demo", "--noreload", "127.0.0.1:8000", stdout=io.StringIO())
    restart.assert_not_called()
    assert names(commands) == ["load_demo", "runserver"]
    # runserver's processes after a reload read it too.
    assert serve_demo.os.environ["SITE_URL"] == "http://127.0.0.1:8000"


@pytest.mark.django_db
def test_a_site_url_set_in_the_environment_is_kept(commands, monkeypatch, settings):
    monkeypatch.setenv("SITE_URL", "https://colloquium.example.org")
    settings.SITE_URL = "https://colloquium.example.org"
    err = io.StringIO()
    with mock.patch.object(serve_demo, "exec_manage_py") as restart:
        call_command("serve_demo", "--noreload", "127.0.0.1:8801", stdout=io.StringIO(), stderr=err)
    restart.assert_not_called()
    assert serve_demo.os.environ["SITE_URL"] == "https://colloquium.example.org"
    assert "link there, not to http://127.0.0.1:8801" in err.getvalue()


@pytest.mark.parametrize(
    ("environment", "site_url"),
    [({}, "http://127.0.0.1:8801"), ({"SITE_URL": "https://colloquium.example.org"}, "https://colloquium.example.org")],
)
def test_make_run_passes_the_served_address_as_site_url_unless_set(environment, site_url):
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT", "MAKEFLAGS", "MAKELEVEL")}
    done = subprocess.run(  # noqa: S603 - make -n prints the commands without running them
        ["make", "-n", "run", "PORT=8801"],  # noqa: S607
        cwd=ROOT,
        env={**env, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    serve = [line for line in done.stdout.splitlines() if "manage.py serve_demo" in line]
    assert serve == [f"SITE_URL={site_url} .venv/bin/python manage.py serve_demo 127.0.0.1:8801"]
