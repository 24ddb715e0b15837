"""Starting real servers for a test (an S3-compatible store, a PostgreSQL replica, nginx, gunicorn): free ports in
this suite's range, waiting until they answer, and stopping exactly the processes a test started."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
# The ports these tests may take (TEST_PORTS=first-last); another range when several suites share a machine.
FIRST_PORT, LAST_PORT = (int(p) for p in os.environ.get("TEST_PORTS", "8800-8899").split("-"))


def free_port():
    """A port in the range that nothing listens on now."""
    for port in range(FIRST_PORT, LAST_PORT + 1):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {FIRST_PORT}-{LAST_PORT}")


def wait_for_port(port, process=None, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}: {_output(process)}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing answered on port {port} in {timeout} s")


@contextlib.contextmanager
def running(args, port, *, env=None, cwd=ROOT, timeout=30, log=None):
    """A child process (not a daemon) listening on `port` for the length of the block, then stopped: TERM, and
    KILL if it has not ended in 10 s. Its output goes to `log` (a path) or is discarded."""
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    process.log = log
    try:
        wait_for_port(port, process, timeout)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


def _output(process):
    log = getattr(process, "log", None)
    return Path(log).read_text(errors="replace")[-2000:] if log and Path(log).exists() else ""
