"""`make run`: bring the development database up to date, then run the development server.

One process does what four `manage.py` calls used to do (migrate, collectstatic, load_demo,
runserver), so Django and Wagtail are imported once before the first page is served. Work
that is not needed is skipped:

- migrate runs only when a migration is unapplied (or an app without migrations lacks a table);
- collectstatic is not run: with DEBUG on, runserver serves static files from the finders
  (WhiteNoise looks there first too), so `static/` is only needed in production;
- load_demo always runs: its "already loaded" check is a few dozen queries (~0.15 s), and it
  keeps restoring demo objects that were deleted by hand.

SITE_URL, the one public address certificates, QR codes, emails and the API use (core.site),
follows the address served here unless the environment sets it: `make run` passes
SITE_URL=http://127.0.0.1:$(PORT) so the settings read it at start-up; started directly without
it on another address, the command starts itself again with SITE_URL set (settings are read once).

The first server runs in this process, under runserver's reloader. Plain `runserver` would
start a second process and import Django again before serving (~2 s more). On the first
code change this process replaces itself with `manage.py runserver`, so every later reload,
including one that hits an import error, is runserver's own.
"""

import os
import sys

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.runserver import naiveip_re
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import autoreload

# django.utils.autoreload.trigger_reload exits with 3 when a watched file changes.
RELOAD_EXIT_CODE = 3
# runserver's address when given only a port, and the local address of the wildcard ones.
LOCAL_HOSTS = {"": "127.0.0.1", "0": "127.0.0.1", "0.0.0.0": "127.0.0.1", "[::]": "[::1]"}  # noqa: S104


def served_site_url(addrport):
    """The address a browser on this machine opens for a server started on `addrport` (runserver's syntax)."""
    match = naiveip_re.match(addrport)
    if match is None:
        raise CommandError(f'"{addrport}" is not a valid port number or address:port pair.')
    addr = match["addr"] or ""
    return f"http://{LOCAL_HOSTS.get(addr, addr)}:{match['port']}"


def exec_manage_py(argv):
    """Replace this process with `manage.py *argv[1:]`, started as runserver's reloader starts its children."""
    sys.argv = list(argv)
    arguments = autoreload.get_child_arguments()
    sys.stdout.flush()
    sys.stderr.flush()
    # exec closes the listening socket (Python sockets are not inheritable) and the threads.
    # The arguments are this interpreter and manage.py, as runserver's reloader uses.
    os.execv(arguments[0], arguments)  # noqa: S606


def migrate_needed(database=DEFAULT_DB_ALIAS):
    """True when `migrate` would change the database; the check takes well under 0.1 s."""
    connection = connections[database]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return True
    # migrate also creates the tables of apps that have no migrations.
    tables = set(connection.introspection.table_names())
    return any(
        model._meta.db_table not in tables
        for label in executor.loader.unmigrated_apps
        for model in apps.get_app_config(label).get_models()
        if model._meta.managed and not model._meta.proxy
    )


class Command(BaseCommand):
    help = "Apply pending migrations, load the demo content and run the development server."
    # runserver runs the system checks before it serves.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--noreload", action="store_false", dest="use_reloader", help="Do not reload on code changes."
        )

    def handle(self, *args, addrport, use_reloader, **options):
        if not settings.DEBUG:
            raise CommandError("The demo server needs DEBUG on (runserver serves the static files).")
        self.use_served_address(addrport)
        self.prepare(options["verbosity"])
        if not use_reloader:
            call_command("runserver", addrport, use_reloader=False, skip_checks=False)
            return
        # Tell the reloader that this is the serving process, not a parent that starts one.
        os.environ[autoreload.DJANGO_AUTORELOAD_ENV] = "true"
        try:
            call_command("runserver", addrport, skip_checks=False)
        except SystemExit as exit:
            if exit.code != RELOAD_EXIT_CODE:
                raise
            self.become_runserver(addrport)

    def use_served_address(self, addrport):
        """SITE_URL is the served address unless the environment sets it; restart if the settings say otherwise."""
        served = served_site_url(addrport)
        if os.environ.get("SITE_URL"):
            if served != settings.SITE_URL:
                self.stderr.write(
                    self.style.WARNING(
                        f"SITE_URL is {settings.SITE_URL}: certificates, QR codes and emails link there, "
                        f"not to {served}."
                    )
                )
            return
        os.environ["SITE_URL"] = served  # read by this process's settings after a restart, and by runserver's
        if served != settings.SITE_URL:
            self.stdout.write(f"Starting again with SITE_URL={served} (settings are read once, at start-up) ...")
            exec_manage_py(sys.argv)

    def prepare(self, verbosity):
        if migrate_needed():
            self.stdout.write("Applying migrations ...")
            # skip_checks=False: like `manage.py migrate`, do not migrate when the checks fail.
            call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0), skip_checks=False)
        call_command("load_demo", verbosity=verbosity, stdout=self.stdout)
        # The server's threads open their own connections.
        connections.close_all()

    def become_runserver(self, addrport):
        """Replace this process with `manage.py runserver` (its reloader parent, then its child)."""
        del os.environ[autoreload.DJANGO_AUTORELOAD_ENV]
        exec_manage_py([sys.argv[0], "runserver", addrport])
