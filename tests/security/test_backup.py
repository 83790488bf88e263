"""`make backup` / `make restore`: a backup of a database with data and media restores elsewhere intact."""

import json
import os
import sqlite3
import subprocess
import sys
import uuid

import pytest

from .test_configuration import ROOT

BACKUP, RESTORE = ROOT / "ops" / "backup.py", ROOT / "ops" / "restore.py"


def run(script, *args, env=None):
    result = subprocess.run(
        [sys.executable, str(script), *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def make_site_copy(tmp_path):
    """A small SQLite database with a row of learner data, and media with a nested file."""
    db = tmp_path / "site" / "db.sqlite3"
    db.parent.mkdir()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE certificates (serial TEXT PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO certificates VALUES ('JSJA-2026-000001', 'Smt. Anjali Verma')")
    media = tmp_path / "site" / "media"
    (media / "certificates" / "2026").mkdir(parents=True)
    (media / "certificates" / "2026" / "JSJA-2026-000001.pdf").write_bytes(b"%PDF-1.4 certificate\n")
    (media / "original_images").mkdir()
    (media / "original_images" / "logo.png").write_bytes(b"\x89PNG fake")
    return db, media


def test_sqlite_backup_restores_data_and_media_in_a_fresh_location(tmp_path):
    db, media = make_site_copy(tmp_path)
    out = run(BACKUP, f"--database-url=sqlite:///{db}", f"--media-root={media}", f"--out={tmp_path / 'backups'}")
    folder = next((tmp_path / "backups").iterdir())
    assert str(folder) in out
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["engine"] == "sqlite" and set(manifest["files"]) == {"database.sqlite3", "media.tar.gz"}

    # Changes after the backup are undone by the restore; the old files are kept aside.
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM certificates")
    new_db, new_media = tmp_path / "elsewhere" / "db.sqlite3", tmp_path / "elsewhere" / "media"
    run(RESTORE, str(folder), f"--database-url=sqlite:///{new_db}", f"--media-root={new_media}")
    with sqlite3.connect(new_db) as conn:
        assert conn.execute("SELECT name FROM certificates").fetchall() == [("Smt. Anjali Verma",)]
    assert (new_media / "certificates" / "2026" / "JSJA-2026-000001.pdf").read_bytes() == b"%PDF-1.4 certificate\n"
    assert (new_media / "original_images" / "logo.png").exists()

    # Restoring over an existing site moves the current files aside instead of deleting them.
    run(RESTORE, str(folder), f"--database-url=sqlite:///{db}", f"--media-root={media}")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM certificates").fetchone() == (1,)
    assert list((tmp_path / "site").glob("db.sqlite3.before-restore-*"))
    assert list((tmp_path / "site").glob("media.before-restore-*"))


def test_a_damaged_backup_is_refused(tmp_path):
    db, media = make_site_copy(tmp_path)
    run(BACKUP, f"--database-url=sqlite:///{db}", f"--media-root={media}", f"--out={tmp_path / 'backups'}")
    folder = next((tmp_path / "backups").iterdir())
    with open(folder / "database.sqlite3", "ab") as handle:
        handle.write(b"tampered")
    result = subprocess.run(
        [
            sys.executable,
            str(RESTORE),
            str(folder),
            f"--database-url=sqlite:///{tmp_path / 'x.sqlite3'}",
            f"--media-root={tmp_path / 'x-media'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "checksum" in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (DATABASE_URL=postgres://...) for pg_dump/pg_restore",
)
def test_postgresql_backup_restores_into_a_scratch_database(tmp_path):
    import psycopg

    source, scratch = f"backup_src_{uuid.uuid4().hex[:8]}", f"backup_dst_{uuid.uuid4().hex[:8]}"
    base = os.environ["DATABASE_URL"].split("?")[0].rsplit("/", 1)[0]
    url = f"{base}/postgres"  # the maintenance database: DATABASE_URL's own may not exist under pytest
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{source}"')
        admin.execute(f'CREATE DATABASE "{scratch}"')
    try:
        with psycopg.connect(f"{base}/{source}", autocommit=True) as conn:
            conn.execute("CREATE TABLE certificates (serial text primary key, name text)")
            conn.execute("INSERT INTO certificates VALUES ('JSJA-2026-000001', 'Smt. Anjali Verma')")
        media = tmp_path / "media"
        (media / "documents").mkdir(parents=True)
        (media / "documents" / "reading.pdf").write_bytes(b"%PDF-1.4 reading\n")
        run(BACKUP, f"--database-url={base}/{source}", f"--media-root={media}", f"--out={tmp_path / 'backups'}")
        folder = next((tmp_path / "backups").iterdir())
        assert json.loads((folder / "manifest.json").read_text())["engine"] == "postgresql"
        run(RESTORE, str(folder), f"--database-url={base}/{scratch}", f"--media-root={tmp_path / 'restored'}")
        with psycopg.connect(f"{base}/{scratch}") as conn:
            assert conn.execute("SELECT name FROM certificates").fetchall() == [("Smt. Anjali Verma",)]
        assert (tmp_path / "restored" / "documents" / "reading.pdf").exists()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{source}"')
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
