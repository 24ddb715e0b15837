"""Backups of the whole portal: the database and every file in the media storages, with a manifest to check a
restore against (`manage.py backup`, `manage.py restore`).

A backup is a folder:
- `database.dump`: pg_dump's custom format on PostgreSQL (compressed, restored by pg_restore in one transaction,
  schema, indexes, extensions and sequences included), or `database.sqlite3`: a copy made by SQLite's online
  backup API, consistent while the portal keeps writing. Django's dumpdata would lose what is not a model (the
  migration records, indexes made in SQL) and would need the schema rebuilt first; these are exact copies.
- `media.tar` and `private.tar`: every file of the media storage and of the private one, read and written through
  the storage API, so the same command copies a local folder or an S3 bucket. Photos are compressed already.
- `manifest.json`: per table its row count and a checksum of its rows; per file its size and SHA-256.

The database is copied first, then the files: originals are never overwritten (new uploads get new names), so
every row's file is in the backup; a file uploaded meanwhile may be there without its row.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

from django.core.files.base import File
from django.core.files.storage import storages
from django.db import connection

STORAGES = {"media": "default", "private": "private"}
MANIFEST = "manifest.json"


class BackupError(Exception):
    """What went wrong, in words for the person running the command."""


def backup(folder):
    """Write a backup into `folder` (made if missing, must be empty) and return its manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty; give a new folder for each backup.")
    manifest = {"created": datetime.datetime.now(datetime.UTC).isoformat(), "engine": connection.vendor}
    _dump_database(folder)
    manifest["tables"] = table_checksums()
    manifest["files"] = {
        archive: _archive_storage(alias, folder / f"{archive}.tar") for archive, alias in STORAGES.items()
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True))
    return manifest


def restore(folder):
    """Replace the database and the stored files with the backup in `folder`, then check every table and file
    against its manifest. Returns the manifest; raises BackupError listing any difference."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if connection.in_atomic_block:
        raise BackupError("A restore replaces the whole database: run it outside any transaction.")
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"This backup is of a {manifest['engine']} database; this portal uses {connection.vendor}.")
    for archive in STORAGES:
        _members(folder / f"{archive}.tar")  # refuse a damaged or tampered archive before anything is replaced
    _restore_database(folder)
    for archive, alias in STORAGES.items():
        _unpack_storage(alias, folder / f"{archive}.tar")
    differences = compare(manifest)
    if differences:
        raise BackupError("The restored data differ from the backup:\n" + "\n".join(differences))
    return manifest


def read_manifest(folder):
    try:
        return json.loads((Path(folder) / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} holds no readable backup ({MANIFEST}: {error})") from None


def compare(manifest):
    """What differs between the database and storages now and the backup's manifest, in words."""
    differences = []
    now = table_checksums()
    for table, expected in manifest["tables"].items():
        if now.get(table) != expected:
            differences.append(f"table {table}: backup {expected}, now {now.get(table)}")
    for archive, alias in STORAGES.items():
        now_files = storage_files(alias)
        for name, expected in manifest["files"][archive].items():
            if now_files.get(name) != expected:
                differences.append(f"{archive} file {name}: backup {expected}, now {now_files.get(name)}")
    return differences


# --- Database ----------------------------------------------------------------------------------------------------


def _pg_command(program, *args):
    settings = connection.settings_dict
    command = [shutil.which(program) or program, "--no-password", "--dbname", settings["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            command += [option, str(settings[key])]
    env = os.environ | ({"PGPASSWORD": settings["PASSWORD"]} if settings.get("PASSWORD") else {})
    return [*command, *args], env


def _run(program, *args):
    command, env = _pg_command(program, *args)
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise BackupError(f"{program} is not installed (apt-get install postgresql-client)") from None
    if result.returncode:
        raise BackupError(f"{program} failed: {result.stderr.strip()[-2000:]}")


def _dump_database(folder):
    if connection.vendor == "postgresql":
        _run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(folder / "database.dump"))
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / "database.sqlite3") as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        raise BackupError(f"No backup for {connection.vendor} databases.")


def _restore_database(folder):
    if connection.vendor == "postgresql":
        # Everything in the backup replaces what is there, in one transaction: a failure leaves the database as
        # it was. Tables that the backup does not know (a newer migration) stay.
        connection.close()
        _run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            str(folder / "database.dump"),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / "database.sqlite3") as copy:
            copy.backup(connection.connection)  # page by page into the open database, under its lock
        copy.close()


def table_checksums():
    """Per table: [rows, SHA-256 of its rows in a fixed order]."""
    sums = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} WHERE 1 = 0")  # noqa: S608 - a table name from introspection
            order = ", ".join(str(n) for n in range(1, len(cursor.description) + 1))
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")  # noqa: S608
            digest, rows = hashlib.sha256(), 0
            while batch := cursor.fetchmany(2000):
                for row in batch:
                    digest.update(repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode())
                rows += len(batch)
            sums[table] = [rows, digest.hexdigest()]
    return sums


# --- Files -------------------------------------------------------------------------------------------------------


def walk(storage, folder=""):
    """Every file name in a storage, through its API (a local folder or a bucket alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in folders:
        yield from walk(storage, str(PurePosixPath(folder, sub)) if folder else sub)


def storage_files(alias):
    """{name: [size, SHA-256]} of every file in a storage."""
    storage = storages[alias]
    found = {}
    for name in walk(storage):
        digest, size = hashlib.sha256(), 0
        with storage.open(name, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
        found[name] = [size, digest.hexdigest()]
    return found


def _archive_storage(alias, path):
    storage, listed = storages[alias], {}
    with tarfile.open(path, "w") as archive:
        for name in sorted(walk(storage)):
            with storage.open(name, "rb") as handle:
                data = handle.read()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            listed[name] = [len(data), hashlib.sha256(data).hexdigest()]
    return listed


def _members(path):
    try:
        with tarfile.open(path) as archive:
            members = archive.getmembers()
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path.name} cannot be read: {error}") from None
    for member in members:
        if not member.isfile() or member.name.startswith("/") or ".." in PurePosixPath(member.name).parts:
            raise BackupError(f"{path.name} holds an unexpected entry: {member.name!r}")
    return members


def _unpack_storage(alias, path):
    storage = storages[alias]
    with tarfile.open(path) as archive:
        for member in _members(path):
            storage.delete(member.name)  # the backup's copy under its own name (a storage renames, never replaces)
            saved = storage.save(member.name, File(archive.extractfile(member), name=member.name))
            if saved != member.name:
                raise BackupError(f"{member.name} was stored as {saved}")
