#!/usr/bin/env python3
"""Back up Colloquium: the database and the media files, into backups/<timestamp>/.

    python ops/backup.py [--database-url URL] [--media-root DIR] [--out DIR]

Reads DATABASE_URL and MEDIA_ROOT like the settings do (SQLite file db.sqlite3 and
media/ by default). PostgreSQL is dumped with `pg_dump --format=custom`; SQLite with
its online backup API (safe while the site runs). Media goes into media.tar.gz.
manifest.json records what was saved and a SHA-256 of each file. With media in S3, the bucket is
left to the provider's versioning unless --include-bucket copies it into bucket.tar.gz. Restore with
ops/restore.py (see docs/security.md).
"""

import argparse
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent


def database_from_url(url):
    """("sqlite", path) or ("postgresql", url) from a DATABASE_URL."""
    if not url:
        return "sqlite", BASE_DIR / "db.sqlite3"
    scheme = urlsplit(url).scheme
    if scheme.startswith("sqlite"):
        path = url.split("://", 1)[1]
        return "sqlite", Path(path[1:] if path.startswith("//") else path)
    if scheme in ("postgres", "postgresql", "pgsql"):
        return "postgresql", url.replace("pgsql://", "postgresql://", 1)
    raise SystemExit(f"Unsupported DATABASE_URL scheme: {scheme}")


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump_sqlite(path, target):
    if not path.exists():
        raise SystemExit(f"No SQLite database at {path}")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    with dest:
        source.backup(dest)
    dest.close()
    source.close()


def dump_postgresql(url, target):
    # pg_dump from PATH, arguments as a list (no shell).
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", f"--dbname={url}"], check=True)  # noqa: S603, S607


def archive_media(media_root, target):
    with tarfile.open(target, "w:gz") as tar:
        if media_root.is_dir():
            for item in sorted(media_root.iterdir()):
                tar.add(item, arcname=item.name)


def s3_client():
    """boto3's client for the media bucket, from the variables the settings read."""
    import boto3

    return boto3.client("s3", endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None)


def archive_bucket(bucket, target):
    """Every object of the media bucket into a tar.gz, one member per key (the database is dumped
    first, so every file it names was written before the listing)."""
    client = s3_client()
    with tarfile.open(target, "w:gz") as tar:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
                member = tarfile.TarInfo(item["Key"])
                member.size = len(body)
                tar.addfile(member, io.BytesIO(body))


def backup(database_url, media_root, out_dir, include_bucket=False):
    engine, location = database_from_url(database_url)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = out_dir / stamp
    folder.mkdir(parents=True, exist_ok=False)
    db_file = folder / ("database.sqlite3" if engine == "sqlite" else "database.pgdump")
    (dump_sqlite if engine == "sqlite" else dump_postgresql)(location, db_file)
    files = {db_file.name: sha256(db_file)}
    media_note = ""
    if os.environ.get("AWS_STORAGE_BUCKET_NAME") and include_bucket:
        archive_bucket(os.environ["AWS_STORAGE_BUCKET_NAME"], folder / "bucket.tar.gz")
        files["bucket.tar.gz"] = sha256(folder / "bucket.tar.gz")
    elif os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        media_note = "media live in the S3 bucket; back the bucket up with the provider's versioning or replication"
    else:
        archive_media(media_root, folder / "media.tar.gz")
        files["media.tar.gz"] = sha256(folder / "media.tar.gz")
    manifest = {
        "created_at": stamp,
        "engine": engine,
        "database": db_file.name,
        "media_root": str(media_root),
        "files": files,
        "note": media_note,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--media-root", default=os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
    parser.add_argument("--out", default=str(BASE_DIR / "backups"))
    parser.add_argument(
        "--include-bucket",
        action="store_true",
        help="with media in S3 (AWS_STORAGE_BUCKET_NAME), copy every object of the bucket into bucket.tar.gz",
    )
    args = parser.parse_args(argv)
    folder = backup(args.database_url, Path(args.media_root), Path(args.out), args.include_bucket)
    print(f"Backup written to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
