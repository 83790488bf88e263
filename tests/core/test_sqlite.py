"""core.sqlite.prepare_sqlite: a SQLite file gets WAL and planner statistics; other databases are left alone."""

import sqlite3

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from core import sqlite as core_sqlite


@pytest.fixture
def file_database(tmp_path, monkeypatch, django_db_blocker):
    """A SQLite file in rollback-journal mode with an indexed table, as the `default` database of core.sqlite.

    Not the test database: pytest-django's blocker is lifted for this file only."""
    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE talk (id INTEGER PRIMARY KEY, state TEXT)")
        raw.execute("CREATE INDEX talk_state ON talk (state)")
        raw.executemany("INSERT INTO talk (state) VALUES (?)", [("JH",)] * 50 + [("KA",)] * 50)
    raw.close()
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, "default")
    monkeypatch.setattr(core_sqlite, "connections", {"default": wrapper})
    with django_db_blocker.unblock():
        yield path
        wrapper.close()


def _read(path, sql):
    with sqlite3.connect(path) as raw:
        rows = raw.execute(sql).fetchall()
    raw.close()
    return rows


def test_a_sqlite_file_is_switched_to_wal_and_analysed(file_database):
    assert _read(file_database, "PRAGMA journal_mode") == [("delete",)]

    assert core_sqlite.prepare_sqlite() == "wal"

    assert _read(file_database, "PRAGMA journal_mode") == [("wal",)]
    assert ("talk", "talk_state", "100 50") in _read(file_database, "SELECT tbl, idx, stat FROM sqlite_stat1")


def test_statistics_are_kept_when_not_asked_for_and_refreshed_when_asked(file_database):
    core_sqlite.prepare_sqlite()
    with sqlite3.connect(file_database) as raw:
        raw.executemany("INSERT INTO talk (state) VALUES (?)", [("MH",)] * 100)
    raw.close()

    core_sqlite.prepare_sqlite(analyze=False)
    assert _read(file_database, "SELECT stat FROM sqlite_stat1 WHERE idx = 'talk_state'") == [("100 50",)]

    core_sqlite.prepare_sqlite(analyze=True)
    assert _read(file_database, "SELECT stat FROM sqlite_stat1 WHERE idx = 'talk_state'") == [("200 67",)]


def test_a_database_never_analysed_is_analysed_even_when_not_asked(file_database):
    core_sqlite.prepare_sqlite(analyze=False)

    assert _read(file_database, "SELECT stat FROM sqlite_stat1 WHERE idx = 'talk_state'") == [("100 50",)]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the test database of this run is not SQLite")
def test_inside_a_transaction_the_journal_mode_is_left_and_statistics_refreshed():
    # The test database is in memory and the test runs inside a transaction: no error, no mode change.
    assert connection.in_atomic_block
    assert core_sqlite.prepare_sqlite() == "memory"
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        assert cursor.fetchone() == (1,)


def test_other_databases_are_untouched(monkeypatch):
    class NoCursor:
        vendor = "postgresql"

        def cursor(self):
            raise AssertionError("prepare_sqlite ran SQL on PostgreSQL")

    monkeypatch.setattr(core_sqlite, "connections", {"default": NoCursor()})

    assert core_sqlite.prepare_sqlite() is None
