"""An operator files last month from the dashboard's reminder; the bureau publishes it and reads the report; a
visitor reads Zhuzhou in figures on a phone."""

from decimal import Decimal

import pytest
from django.utils import timezone

from bookings.models import Booking, BookingStatus
from office import roles
from stats.models import SiteMonthReport, previous_month
from tests.browser.test_backoffice_browser import log_in
from tests.conftest import SHANGHAI
from tests.factories import make_site, person
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def works():
    import datetime

    from bookings import services

    site = make_site(name_zh="中车株机", name_en="CRRC Zhuzhou", level="national")
    make_site(name_zh="醴陵陶瓷谷", level="provincial", district="liling")
    year, month = previous_month(timezone.localdate())
    start = datetime.datetime(year, month, 10, 9, tzinfo=SHANGHAI)
    slot = make_slot(make_programme(site), start=start, capacity=100)
    booking, _ = services.create_booking(**service_kwargs(slot, pupils={"junior": 36}, teachers=4,
                                                          now=start - datetime.timedelta(days=10)))  # fmt: skip
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.ATTENDED)
    return site, year, month


def test_an_operator_files_a_month_and_the_bureau_reads_it(live_server, desktop, phone, works, screenshot):
    site, year, month = works
    person("crrc-operator", roles.OPERATOR, [site])
    person("editor", roles.EDITOR)

    log_in(phone, live_server.url, "crrc-operator")
    reminder = phone.get_by_role("link", name="填报中车株机的月报")
    assert phone.get_by_role("link", name="填报醴陵陶瓷谷的月报").count() == 0  # not their site
    reminder.click()
    assert phone.input_value("#id_pupils") == "36"  # from the attended booking
    assert phone.input_value("#id_month") == str(month)
    phone.fill("#id_visitors", "2400")
    phone.fill("#id_tourism_revenue", "120000.5")
    phone.fill("#id_goods_revenue", "200000")  # more than the tourism revenue: refused
    phone.click("input[name=_save]")
    phone.locator(".errornote").wait_for()
    assert "文创产品收入是旅游收入的一部分" in phone.content()
    screenshot(phone, "stats-operator-refused-phone")
    phone.fill("#id_goods_revenue", "48000")
    phone.click("input[name=_save]")
    phone.wait_for_url(f"{live_server.url}/admin/stats/sitemonthreport/")
    screenshot(phone, "stats-operator-filed-phone")
    saved = SiteMonthReport.objects.get()
    assert (saved.visitors, saved.pupils, saved.tourism_revenue) == (2400, 36, Decimal("120000.50"))

    log_in(desktop, live_server.url, "editor")
    desktop.goto(f"{live_server.url}/admin/stats/sitemonthreport/")
    desktop.check(f"input[name=_selected_action][value='{saved.pk}']")
    desktop.select_option("select[name=action]", "publish")
    desktop.click("button[name=index]")
    desktop.wait_for_load_state()
    assert SiteMonthReport.objects.get().published
    desktop.goto(f"{live_server.url}/admin/statistics/?year={year}&period=quarter&by=district")
    table = desktop.locator("table.stats-table").first
    quarter = (month - 1) // 3 + 1
    assert "2,400" in table.get_by_role("row", name=f"{year}年第{quarter}季度").inner_text()
    assert desktop.locator("svg.stats-bars").count() == 3
    screenshot(desktop, "stats-report-desktop")

    phone.context.clear_cookies()
    phone.goto(f"{live_server.url}/en/figures/")
    assert "2,400" in phone.locator("#sites-title + p + figure + .figures-table-wrap, .figures-table").last.inner_text()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling of the page; wide tables scroll in their own box
    screenshot(phone, "stats-figures-phone")
