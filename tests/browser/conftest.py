"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Skipped, with the reason, when Chromium or Playwright is missing. Screenshots go to tests/screenshots/browser/
(git-ignored) for a person to look at.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import get_resolver

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots" / "browser"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
# Everything but the live server is refused: map tiles would only time out here, and a test must not need a network.
OUTSIDE = re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing; install it with: apt-get install -y chromium fonts-noto-cjk")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (requirements-dev.txt)")
    # Playwright's sync API keeps an event loop running in this thread, and Django refuses database calls from a
    # thread with a running loop unless told that this is safe. Only while the browser runs.
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(os.environ, "DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            yield browser
            browser.close()


@pytest.fixture
def served_media(settings, monkeypatch):
    """The URLconf fixed MEDIA_ROOT when it was imported; point it at this test's media folder."""
    for pattern in get_resolver().url_patterns:
        if "document_root" in getattr(pattern, "default_args", {}):
            monkeypatch.setitem(pattern.default_args, "document_root", str(settings.MEDIA_ROOT))


def _open(browser, options):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", **options)
    context.route(OUTSIDE, lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("console", lambda message: _console(page, message))
    return context, page


def _console(page, message):
    if message.type != "error":
        return
    source = (message.location or {}).get("url", "")
    if OUTSIDE.match(source):  # a refused tile or other outside request
        return
    page.problems.append(f"console: {message.text} ({source})")


@pytest.fixture
def phone(browser):
    context, page = _open(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context, page = _open(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, full_page=True):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full_page)

    return take
