"""A real streaming replica of the local PostgreSQL for a test: pg_basebackup -R from the primary into a temporary
folder, started with pg_ctl on its own port, stopped and deleted afterwards.

Replication connections need a pg_hba.conf line of their own ("all" does not cover them). Debian's default
cluster has none; when this process may write the primary's pg_hba.conf (root on a CI machine) it adds one for
127.0.0.1 only, reloads, and takes it out again at the end. Otherwise the test is skipped with the line to add."""

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2

HBA_LINE = "host replication all 127.0.0.1/32 trust  # added by the zhuzhou replica test"
# Settings the standby must have at least as high as the primary, or it refuses to replay.
AT_LEAST_PRIMARY = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


class Unavailable(Exception):
    """Why no replica can be made here; the test is skipped with this message."""


def primary_query(server, sql):
    """Run one statement on a server (host, port, user and optionally dbname) and return its rows."""
    with contextlib.closing(psycopg2.connect(**{"dbname": "postgres"} | server)) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else None


def _bindir():
    if not shutil.which("pg_config"):
        raise Unavailable("pg_config is not on the PATH (apt-get install postgresql)")
    return Path(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip())


@contextlib.contextmanager
def replication_allowed(primary):
    """Yield once the primary accepts replication connections from 127.0.0.1, adding the pg_hba.conf line if it
    must (and taking it out afterwards)."""
    hba = Path(primary_query(primary, "SHOW hba_file")[0][0])
    original = None
    if not _replication_works(primary):
        if not os.access(hba, os.W_OK):
            raise Unavailable(f"the primary refuses replication connections; add to {hba}: {HBA_LINE.split('  #')[0]}")
        original = hba.read_text()
        hba.write_text(original + ("" if original.endswith("\n") else "\n") + HBA_LINE + "\n")
        primary_query(primary, "SELECT pg_reload_conf()")
        time.sleep(0.3)
    try:
        yield
    finally:
        if original is not None:
            hba.write_text(original)  # exactly as it was
            primary_query(primary, "SELECT pg_reload_conf()")


def _replication_works(primary):
    result = subprocess.run(
        [
            "psql",
            f"host={primary['host']} port={primary['port']} user={primary['user']} replication=1",
            "-Atc",
            "IDENTIFY_SYSTEM",
        ],
        capture_output=True,
        text=True,
        timeout=20,
    )
    return result.returncode == 0


@contextlib.contextmanager
def streaming_replica(primary, port):
    """A hot standby of `primary` (host, port, user) on `port`; yields its connection parameters and `stop`."""
    bindir = _bindir()
    as_postgres = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no postgres user to run the replica") from None
        as_postgres = ["runuser", "-u", "postgres", "--"]
    # Not under pytest's temporary folder, which only root may enter.
    folder = Path(tempfile.mkdtemp(prefix="zhuzhou-replica-"))
    data = folder / "data"
    try:
        with replication_allowed(primary):
            subprocess.run(
                [
                    bindir / "pg_basebackup",
                    "-h",
                    primary["host"],
                    "-p",
                    str(primary["port"]),
                    "-U",
                    primary["user"],
                    "-D",
                    data,
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
            _configure(primary, data, port)
            if as_postgres:
                shutil.chown(folder, "postgres", "postgres")
                subprocess.run(["chown", "-R", "postgres:postgres", folder], check=True)
            subprocess.run(
                [*as_postgres, bindir / "pg_ctl", "-D", data, "-l", folder / "log", "-w", "-t", "60", "start"],
                check=True,
                capture_output=True,
                timeout=90,
            )
            stop = [*as_postgres, bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]
            try:
                yield {
                    "host": "127.0.0.1",
                    "port": port,
                    "user": primary["user"],
                    "stop": lambda: subprocess.run(stop, capture_output=True, timeout=60),
                }
            finally:
                subprocess.run(stop, capture_output=True, timeout=60)
    except subprocess.CalledProcessError as error:
        log = (folder / "log").read_text(errors="replace")[-1500:] if (folder / "log").exists() else ""
        raise RuntimeError(f"{error.cmd[0]} failed: {error.stderr!r} {log}") from error
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _configure(primary, data, port):
    """Debian keeps a cluster's configuration in /etc, so the copy has none: give it what a standby needs."""
    values = {name: primary_query(primary, f"SHOW {name}")[0][0] for name in AT_LEAST_PRIMARY}
    settings = {
        "port": port,
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": f"'{data}'",
        "hot_standby": "on",
        "shared_buffers": "'32MB'",
        **values,
    }
    (data / "postgresql.conf").write_text("".join(f"{key} = {value}\n" for key, value in settings.items()))
    (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    (data / "pg_ident.conf").write_text("")


def wait_until_replayed(primary, replica, timeout=30):
    """Block until the replica has replayed everything the primary has written so far."""
    target = primary_query(primary, "SELECT pg_current_wal_lsn()")[0][0]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        behind = primary_query(
            replica, f"SELECT coalesce(pg_wal_lsn_diff('{target}', pg_last_wal_replay_lsn()) > 0, true)"
        )[0][0]
        if not behind:
            return
        time.sleep(0.05)
    raise TimeoutError("the replica did not catch up")
