#!/usr/bin/env python3
"""Restore a backup made by ops/backup.py: the database and the media files.

    python ops/restore.py BACKUP_DIR [--database-url URL] [--media-root DIR]

Checks every file against manifest.json first. SQLite: the current database file is
moved aside (<name>.before-restore-<time>) and replaced. PostgreSQL: `pg_restore
--clean --if-exists --no-owner` into the database named by DATABASE_URL (restore
into a new, empty database and switch the site over when you can). Media: the
current media folder is moved aside the same way, then the archive is unpacked
(members that would land outside the folder are refused). A backup made with --include-bucket
puts its objects back into the media bucket.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from backup import BASE_DIR, database_from_url, s3_client, sha256  # noqa: E402


def verify(folder):
    manifest = json.loads((folder / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        if sha256(folder / name) != digest:
            raise SystemExit(f"{name} does not match its checksum in manifest.json: the backup is damaged.")
    return manifest


def move_aside(path, stamp):
    if path.exists():
        aside = path.with_name(f"{path.name}.before-restore-{stamp}")
        path.rename(aside)
        return aside
    return None


def restore_bucket(archive):
    """Put every object of bucket.tar.gz back into the media bucket (AWS_STORAGE_BUCKET_NAME), private."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        raise SystemExit("The backup holds the media bucket; set AWS_STORAGE_BUCKET_NAME (and its endpoint and keys).")
    client = s3_client()
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if member.isfile():
                client.put_object(Bucket=bucket, Key=member.name, Body=tar.extractfile(member).read(), ACL="private")


def restore(folder, database_url, media_root):
    folder = Path(folder)
    manifest = verify(folder)
    engine, location = database_from_url(database_url)
    if engine != manifest["engine"]:
        raise SystemExit(f"The backup is a {manifest['engine']} database; DATABASE_URL points to {engine}.")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    source = folder / manifest["database"]
    if engine == "sqlite":
        location.parent.mkdir(parents=True, exist_ok=True)
        move_aside(location, stamp)
        shutil.copyfile(source, location)
    else:
        # pg_restore from PATH, arguments as a list (no shell).
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={location}",
                str(source),
            ],
            check=True,
        )
    if "bucket.tar.gz" in manifest["files"]:
        restore_bucket(folder / "bucket.tar.gz")
    if "media.tar.gz" in manifest["files"]:
        move_aside(media_root, stamp)
        media_root.mkdir(parents=True)
        with tarfile.open(folder / "media.tar.gz", "r:gz") as tar:
            tar.extractall(media_root, filter="data")  # refuses absolute paths, "..", links outside
    return manifest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("backup", help="a folder under backups/")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--media-root", default=os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
    args = parser.parse_args(argv)
    manifest = restore(args.backup, args.database_url, Path(args.media_root))
    print(f"Restored the {manifest['engine']} database and media from {args.backup} ({manifest['created_at']}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
