"""Overbooking under real load: 50 concurrent booking posts of 10 persons on a 30-person slot, over HTTP.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zz_bench .venv/bin/python bench/booking_race.py

Migrates the database (an empty one is fine), creates its own site, programme and slot, starts gunicorn with the
repository's gunicorn.conf.py (4 workers, production settings over plain HTTP on 127.0.0.1), lets 50 threads each
fetch the booking form (CSRF cookie and token) and then post it at the same moment, counts what the database
holds, stops the server, removes its data, and prints one JSON object as its last line. Standard library only,
besides the project itself.
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 50
CAPACITY = 30
PUPILS, TEACHERS = 9, 1  # 10 persons a group
WORKERS = 4


def log(text):
    print(text, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(port, static_root):
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        SILENCED_SYSTEM_CHECKS="core.E001",  # a SITE_URL on this machine, on purpose
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(static_root),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(WORKERS),
        # Every thread posts from 127.0.0.1; the per-address limit would otherwise stop the test after ten.
        BOOKING_RATE_LIMIT_POSTS="100000",
        LOG_LEVEL="ERROR",
    )
    return env


def setup_django(env):
    names = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "SILENCED_SYSTEM_CHECKS", "STATIC_ROOT")
    os.environ.update({key: env[key] for key in names})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhuzhou_tourism.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    log("Migrating the database and collecting static files…")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def create_slot():
    import datetime

    from django.utils import timezone

    from bookings.models import StudyProgramme, TimeSlot
    from sites.models import Site

    tag = secrets.token_hex(4)
    site = Site.objects.create(
        name_zh=f"压测工厂{tag}", slug=f"bench-{tag}", industry="rail", district="shifeng", published=True
    )
    programme = StudyProgramme.objects.create(
        site=site,
        title_zh="压测研学",
        title_en="Bench programme",
        slug=f"bench-{tag}",
        for_junior=True,
        group_min=5,
        group_max=40,
        pupils_per_teacher=10,
        lead_days=1,
        published=True,
    )
    start = timezone.now() + datetime.timedelta(days=30)
    return TimeSlot.objects.create(
        programme=programme, start=start, end=start + datetime.timedelta(hours=2), capacity=CAPACITY
    )


def start_server(env):
    log(f"Starting gunicorn ({WORKERS} workers) on {env['GUNICORN_BIND']}…")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "zhuzhou_tourism.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process


def wait_until_up(port, path, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read()[-2000:]}")
        try:
            status, _headers, _body = request(port, "GET", path)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def csrf_cookie(headers):
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("csrftoken="):
            return value.split(";", 1)[0]
    raise RuntimeError("no CSRF cookie on the form page")


def hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    if not match:
        raise RuntimeError(f"no {name} on the form page")
    return match.group(1)


def one_client(i, port, path, slot_id, barrier, outcomes):
    """Fetch the form like a browser, wait for the others, then post it."""
    try:
        status, headers, html = request(port, "GET", path)
        if status != 200:
            raise RuntimeError(f"form page answered {status}")
        fields = {
            "csrfmiddlewaretoken": hidden(html, "csrfmiddlewaretoken"),
            "submission_key": hidden(html, "submission_key"),
            "slot": slot_id,
            "pupils_junior": PUPILS,
            "teachers": TEACHERS,
            "school": f"压测第{i + 1}中学",
            "organiser_name": "王老师",
            "organiser_phone": "13807310000",
            "organiser_email": f"bench{i}@school.example",
        }
        body = urllib.parse.urlencode(fields)
        post_headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": csrf_cookie(headers),
            "Referer": f"http://127.0.0.1:{port}{path}",
        }
    except Exception as error:  # noqa: BLE001 - a failed GET counts as an error, like a failed POST
        barrier.abort()
        outcomes[i] = ("error", str(error))
        return
    try:
        barrier.wait(timeout=60)
    except threading.BrokenBarrierError:
        outcomes[i] = ("error", "another client failed before the posts")
        return
    started = time.perf_counter()
    try:
        status, _headers, html = request(port, "POST", path, body=body, headers=post_headers)
    except OSError as error:
        outcomes[i] = ("error", f"connection: {error}", started, time.perf_counter())
        return
    if status >= 500:
        kind = "error"
    elif status == 302:
        kind = "booked"
    elif status == 200 and "Not enough places" in html:
        kind = "refused"
    else:
        kind = "other"
    outcomes[i] = (kind, status, started, time.perf_counter())


def fire(port, path, slot_id):
    barrier = threading.Barrier(REQUESTS)
    outcomes = [None] * REQUESTS
    threads = [
        threading.Thread(target=one_client, args=(i, port, path, slot_id, barrier, outcomes)) for i in range(REQUESTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def count_booked(slot):
    from bookings.models import Booking

    persons = list(Booking.objects.filter(slot=slot).values_list("persons", flat=True))
    return len(persons), sum(persons)


def remove(slot):
    from bookings.models import Booking

    programme, site = slot.programme, slot.programme.site
    Booking.objects.filter(slot=slot).delete()
    slot.delete()
    programme.delete()
    site.delete()


def main():
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/zz_bench")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="booking-race-static-") as static_root:
        env = server_environment(port, static_root)
        setup_django(env)
        slot = create_slot()
        path = f"/en/study-tours/{slot.programme.slug}/book/?slot={slot.pk}"
        server = start_server(env)
        try:
            wait_until_up(port, path, server)
            log(f"Firing {REQUESTS} concurrent posts of {PUPILS + TEACHERS} persons on a {CAPACITY}-person slot…")
            outcomes = fire(port, path, slot.pk)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        bookings, persons = count_booked(slot)
        remove(slot)
    kinds = [outcome[0] if outcome else "error" for outcome in outcomes]
    timed = [outcome for outcome in outcomes if outcome and len(outcome) == 4]
    wall = (max(o[3] for o in timed) - min(o[2] for o in timed)) if timed else 0
    others = [outcome[:2] for outcome in outcomes if outcome and outcome[0] in ("other", "error")]
    if others:
        log(f"Unexpected answers: {others[:5]}")
    result = {
        "requests": REQUESTS,
        "capacity": CAPACITY,
        "bookings": bookings,
        "persons_booked": persons,
        "refused": kinds.count("refused"),
        "errors": kinds.count("error"),
        "requests_per_s": round(REQUESTS / wall, 1) if wall else None,
    }
    print(json.dumps(result))
    ok = bookings == CAPACITY // (PUPILS + TEACHERS) and persons == CAPACITY and result["errors"] == 0
    return 0 if ok and kinds.count("booked") == bookings else 1


if __name__ == "__main__":
    sys.exit(main())
