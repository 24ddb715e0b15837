"""A teacher on a phone books a study tour end to end, opens the link from the mail and cancels it."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from bookings.models import Booking
from tests.browser.conftest import OUTSIDE, PHONE
from tests.factories import make_site
from tests.test_bookings_helpers import make_programme, make_slot

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def locomotive_tour():
    cache.clear()
    site = make_site(name_zh="中车株机", name_en="CRRC Zhuzhou Electric Locomotive", slug="zhongche-zhuji")
    programme = make_programme(
        site=site,
        title_zh="大国重器研学",
        title_en="Made in China: the locomotive study tour",
        slug="locomotive-study-tour",
        group_min=10,
        group_max=45,
        pupils_per_teacher=15,
    )
    start = timezone.localtime() + datetime.timedelta(days=20)
    start = start.replace(hour=9, minute=0, second=0, microsecond=0)
    slots = [make_slot(programme, start + datetime.timedelta(days=n), capacity=60) for n in range(3)]
    return programme, slots


def _fits_the_screen(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


def test_a_teacher_books_a_study_tour_on_a_phone(live_server, phone, locomotive_tour, screenshot):
    programme, slots = locomotive_tour
    page = phone
    page.goto(live_server.url + "/en/study-tours/")
    assert page.locator(".main-nav a[aria-current='page']").inner_text() == "Study tours"
    _fits_the_screen(page)
    screenshot(page, "bookings-phone-1-list")

    page.locator(".programme-card a").first.click()
    page.wait_for_url(re.compile(r"/en/study-tours/locomotive-study-tour/$"))
    assert page.locator(".slot").count() == 3
    assert page.locator(".slot-left").first.inner_text() == "60 places left"
    _fits_the_screen(page)
    screenshot(page, "bookings-phone-2-programme")

    page.locator(".slot-book").nth(1).click()
    page.wait_for_url(re.compile(rf"/book/\?slot={slots[1].pk}$"))
    assert page.locator("#id_slot").input_value() == str(slots[1].pk)

    # First too few teachers for 31 pupils: the form says so and keeps what was typed.
    page.locator("#id_pupils_junior").fill("31")
    page.locator("#id_teachers").fill("2")
    page.locator("#id_school").fill("株洲市第二中学")
    page.locator("#id_organiser_name").fill("王老师")
    page.locator("#id_organiser_phone").fill("138 0731 0000")
    page.locator("#id_organiser_email").fill("wang@school.example")
    page.locator("#id_special_needs").fill("两名学生使用轮椅")
    page.get_by_role("button", name="Send the request").click()
    errors = page.locator("#form-errors")
    assert "3 teachers for this group" in errors.inner_text()
    # The page's last script moves the focus there; expect() waits for it instead of racing it.
    expect(errors).to_be_focused()
    assert page.locator("#id_school").input_value() == "株洲市第二中学"
    _fits_the_screen(page)
    screenshot(page, "bookings-phone-3-form-error")

    page.locator("#id_teachers").fill("3")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url(re.compile(r"/received/$"))
    booking = Booking.objects.get()
    assert (booking.slot_id, booking.pupils, booking.teachers, booking.language) == (slots[1].pk, 31, 3, "en")
    assert page.locator(".page-head .reference").inner_text() == booking.reference
    _fits_the_screen(page)
    screenshot(page, "bookings-phone-4-received")

    # The link in the mail opens the booking; the organiser cancels it and the places are free again.
    [message] = mail.outbox
    link = re.search(r"http\S+/en/study-tours/booking/\S+/", message.body).group(0)
    page.goto(live_server.url + link[link.index("/en/") :])
    assert page.locator(".status-panel h2").inner_text() == "Requested"
    screenshot(page, "bookings-phone-5-manage")
    page.get_by_label("Yes, cancel this booking").check()
    page.get_by_role("button", name="Cancel the booking").click()
    page.wait_for_url(re.compile(rf"/booking/{booking.reference}/[^/]+/$"))
    assert page.locator(".status-panel h2").inner_text() == "Cancelled"
    assert "Your booking is cancelled" in page.locator(".messages").inner_text()
    booking.refresh_from_db()
    assert booking.status == "cancelled" and slots[1].places_left() == 60
    assert page.problems == []


def test_the_booking_form_works_without_javascript(live_server, browser, locomotive_tour):
    programme, slots = locomotive_tour
    context = browser.new_context(java_script_enabled=False, locale="zh-CN", timezone_id="Asia/Shanghai", **PHONE)
    context.route(OUTSIDE, lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(live_server.url + f"/en/study-tours/{programme.slug}/book/")
        page.locator("#id_slot").select_option(str(slots[0].pk))
        page.locator("#id_pupils_senior").fill("12")
        page.locator("#id_teachers").fill("1")
        page.locator("#id_school").fill("醴陵市第一中学")
        page.locator("#id_organiser_name").fill("Ms Li")
        page.locator("#id_organiser_phone").fill("+44 20 7946 0000".replace(" ", ""))
        page.locator("#id_organiser_email").fill("li@school.example")
        page.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/received/$"))
        assert Booking.objects.get().persons == 13
    finally:
        context.close()


def test_the_programme_page_on_a_desktop(live_server, desktop, locomotive_tour, screenshot):
    programme, _slots = locomotive_tour
    page = desktop
    page.goto(live_server.url + programme.get_absolute_url().replace("/en/", "/"))
    side, main = page.locator(".detail-side").bounding_box(), page.locator(".detail-main").bounding_box()
    assert side["x"] > main["x"] + main["width"] - 1  # the facts sit beside the dates on a wide screen
    _fits_the_screen(page)
    screenshot(page, "bookings-desktop-1-programme")
    page.goto(live_server.url + f"/study-tours/{programme.slug}/book/")
    _fits_the_screen(page)
    screenshot(page, "bookings-desktop-2-form")
    assert page.problems == []
