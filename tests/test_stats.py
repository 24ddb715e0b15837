"""Monthly site reports in the back office: checked on entry whichever door (form, admin, database), scoped to the
operator's sites, pre-filled with the pupils of attended bookings, published only by the bureau, edits kept."""

from decimal import Decimal
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from bookings import services
from bookings.models import Booking, BookingStatus
from office import roles
from stats.admin import ReportForm
from stats.models import EventReport, SiteMonthReport, attended_pupils
from tests.conftest import at
from tests.factories import make_site, person
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_time_in_english")]  # 2027-03-01, English

ADD = "admin:stats_sitemonthreport_add"


@pytest.fixture
def two_sites():
    return make_site(name_zh="甲厂"), make_site(name_zh="乙厂")


@pytest.fixture
def operator_a(client, two_sites):
    user = person("op-a", roles.OPERATOR, [two_sites[0]])
    client.force_login(user)
    return user


def report(site, year=2027, month=2, **fields):
    values = {"visitors": 1000, "pupils": 100, "tourism_revenue": "50000.00", "goods_revenue": "20000.00"} | fields
    return SiteMonthReport.objects.create(site=site, year=year, month=month, **values)


def form_data(site, **overrides):
    data = {
        "site": site.pk,
        "year": 2027,
        "month": 2,
        "visitors": 1200,
        "pupils": 80,
        "tourism_revenue": "56000.50",
        "goods_revenue": "12000.25",
        "note": "",
    }
    return data | overrides


# Validation: the form, the admin and the database refuse the same things --------------------------------------

BAD = [
    ({"visitors": -1}, "visitors"),
    ({"pupils": -5}, "pupils"),
    ({"tourism_revenue": "-0.01"}, "tourism_revenue"),
    ({"tourism_revenue": "100.005"}, "tourism_revenue"),
    ({"goods_revenue": "12.345"}, "goods_revenue"),
    ({"pupils": 1300}, None),  # more pupils than visitors
    ({"goods_revenue": "60000.00"}, None),  # more goods than tourism revenue
    ({"month": 13}, "month"),
    ({"month": 0}, "month"),
    ({"year": 1999}, "year"),
    ({"year": 2027, "month": 4}, "month"),  # a month that has not begun
]


@pytest.mark.parametrize(("change", "field"), BAD)
def test_the_form_refuses_bad_figures(two_sites, change, field):
    form = ReportForm(form_data(two_sites[0], **change))
    assert not form.is_valid()
    assert field in form.errors if field else "__all__" in form.errors
    assert not SiteMonthReport.objects.exists()


@pytest.mark.parametrize(("change", "field"), BAD)
def test_the_admin_refuses_bad_figures_with_a_message_and_saves_nothing(client, operator_a, two_sites, change, field):
    response = client.post(reverse(ADD), form_data(two_sites[0], **change))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not SiteMonthReport.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"visitors": -1},
        {"pupils": -1},
        {"tourism_revenue": Decimal("-1.00")},
        {"goods_revenue": Decimal("-1.00")},
        {"pupils": 2000},
        {"goods_revenue": Decimal("60000.00")},
        {"month": 13},
        {"year": 1999},
    ],
)
def test_the_database_refuses_what_the_form_refuses(two_sites, fields):
    values = {"year": 2027, "month": 1, "visitors": 1000, "pupils": 10, "tourism_revenue": Decimal("50000.00")}
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteMonthReport.objects.bulk_create([SiteMonthReport(site=two_sites[0], **(values | fields))])


def test_the_database_keeps_revenue_to_the_fen(two_sites):
    """SQLite refuses a third decimal (the check constraint); PostgreSQL's numeric(14, 2) column rounds it."""
    try:
        with transaction.atomic():
            SiteMonthReport.objects.bulk_create([SiteMonthReport(site=two_sites[0], year=2027, month=1, visitors=1,
                                                                 tourism_revenue=Decimal("100.005"))])  # fmt: skip
    except IntegrityError:
        assert not SiteMonthReport.objects.exists()
    else:
        assert SiteMonthReport.objects.get().tourism_revenue.as_tuple().exponent == -2


def test_a_month_is_reported_once_in_the_form_and_in_the_database(client, operator_a, two_sites):
    report(two_sites[0])
    response = client.post(reverse(ADD), form_data(two_sites[0]))
    assert "already reported this month" in response.content.decode()
    with pytest.raises(IntegrityError), transaction.atomic():
        report(two_sites[0])
    assert SiteMonthReport.objects.count() == 1
    report(two_sites[0], month=1)  # another month is fine
    report(two_sites[1])  # and another site


def test_full_clean_names_every_broken_rule(two_sites):
    bad = SiteMonthReport(site=two_sites[0], year=2027, month=2, visitors=10, pupils=20,
                          tourism_revenue=Decimal("1.00"), goods_revenue=Decimal("2.00"))  # fmt: skip
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    text = " ".join(error.value.messages)
    assert "cannot be more" in text and "Creative-goods revenue" in text


# Permissions -------------------------------------------------------------------------------------------------------


def test_an_operator_reports_for_their_site_and_is_recorded(client, operator_a, two_sites):
    response = client.post(reverse(ADD), form_data(two_sites[0]))
    assert response.status_code == 302
    saved = SiteMonthReport.objects.get()
    assert (saved.site, saved.visitors, saved.tourism_revenue) == (two_sites[0], 1200, Decimal("56000.50"))
    assert saved.reported_by == operator_a and not saved.published
    assert saved.history.get().history_user == operator_a


def test_an_operator_cannot_report_for_another_site(client, operator_a, two_sites):
    response = client.post(reverse(ADD), form_data(two_sites[1]))
    assert response.status_code == 200 and "site" in response.context["adminform"].form.errors
    assert not SiteMonthReport.objects.exists()
    assert "乙厂" not in client.get(reverse(ADD)).content.decode()


def test_an_operator_sees_and_opens_only_their_own_sites_reports(client, operator_a, two_sites):
    mine, theirs = report(two_sites[0]), report(two_sites[1])
    listing = client.get(reverse("admin:stats_sitemonthreport_changelist")).content.decode()
    assert "甲厂" in listing and "乙厂" not in listing
    assert client.get(reverse("admin:stats_sitemonthreport_change", args=[mine.pk])).status_code == 200
    assert client.get(reverse("admin:stats_sitemonthreport_change", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("admin:stats_sitemonthreport_history", args=[theirs.pk])).status_code == 404
    client.post(reverse("admin:stats_sitemonthreport_change", args=[theirs.pk]), form_data(two_sites[1], visitors=1))
    assert SiteMonthReport.objects.get(pk=theirs.pk).visitors == 1000


def test_an_operator_cannot_publish_even_by_a_forged_post(client, operator_a, two_sites):
    client.post(reverse(ADD), form_data(two_sites[0], published="on", illustrative="on"))
    saved = SiteMonthReport.objects.get()
    assert not saved.published and not saved.illustrative
    response = client.post(
        reverse("admin:stats_sitemonthreport_changelist"), {"action": "publish", "_selected_action": [saved.pk]}
    )
    assert response.status_code == 200  # no such action for them
    assert not SiteMonthReport.objects.get().published


def test_an_operator_cannot_touch_event_reports(client, operator_a):
    assert client.get(reverse("admin:stats_eventreport_changelist")).status_code == 403


def test_an_edit_after_publishing_keeps_its_history_and_goes_back_to_the_bureau(client, operator_a, two_sites):
    editor = person("editor", roles.EDITOR)
    saved = report(two_sites[0])
    client.force_login(editor)
    changelist = reverse("admin:stats_sitemonthreport_changelist")
    client.post(changelist, {"action": "publish", "_selected_action": [saved.pk]})
    assert SiteMonthReport.objects.get().published
    client.force_login(operator_a)
    client.post(reverse("admin:stats_sitemonthreport_change", args=[saved.pk]), form_data(two_sites[0], visitors=1500))
    saved.refresh_from_db()
    assert saved.visitors == 1500 and not saved.published  # back to the bureau before the public sees it
    history = list(saved.history.order_by("history_date", "history_id"))
    assert [(h.visitors, h.published, h.history_user) for h in history] == [
        (1000, False, None), (1000, True, editor), (1500, False, operator_a)]  # fmt: skip
    page = client.get(reverse("admin:stats_sitemonthreport_history", args=[saved.pk])).content.decode()
    assert "op-a" in page and "editor" in page


# The pupils prefill ------------------------------------------------------------------------------------------------


def test_the_form_is_prefilled_with_the_pupils_of_attended_bookings_of_that_site_and_month(client, operator_a,
                                                                                          two_sites):  # fmt: skip
    site = two_sites[0]
    programme = make_programme(site, group_max=60)
    counted = []
    for day, pupils, status in [(3, 20, BookingStatus.ATTENDED), (17, 25, BookingStatus.ATTENDED),
                                (18, 30, BookingStatus.NO_SHOW), (20, 15, BookingStatus.CONFIRMED)]:  # fmt: skip
        slot = make_slot(programme, start=at(2027, 2, day, 9), capacity=100)
        booking, _ = services.create_booking(**service_kwargs(slot, pupils={"junior": pupils}, teachers=3,
                                                              now=at(2027, 1, 2)))  # fmt: skip
        Booking.objects.filter(pk=booking.pk).update(status=status)
        counted.append(booking)
    # Attended in another month and at another site: not counted.
    other = make_slot(programme, start=at(2027, 1, 31, 23), capacity=100)
    Booking.objects.filter(pk=services.create_booking(**service_kwargs(other, now=at(2027, 1, 2)))[0].pk).update(
        status=BookingStatus.ATTENDED
    )
    assert attended_pupils(site, 2027, 2) == 45
    assert attended_pupils(two_sites[1], 2027, 2) == 0
    form = client.get(reverse(ADD), {"site": site.pk, "year": 2027, "month": 2}).context["adminform"].form
    assert form.initial["pupils"] == 45 and form.initial["site"] == str(site.pk)


def test_the_empty_form_proposes_last_month(client, operator_a):
    form = client.get(reverse(ADD)).context["adminform"].form
    assert (form.initial["year"], form.initial["month"]) == (2027, 2)


@pytest.mark.parametrize(
    "query",
    [{"site": "abc"}, {"site": "99999999999999999999"}, {"year": "²"}, {"month": "13"}, {"year": "-1", "month": "x"}],
)
def test_bad_prefill_parameters_give_the_form_not_an_error(client, operator_a, two_sites, query):
    response = client.get(reverse(ADD), query)
    assert response.status_code == 200
    assert "pupils" not in response.context["adminform"].form.initial


def test_the_prefill_does_not_count_another_operators_site(client, operator_a, two_sites):
    form = client.get(reverse(ADD), {"site": two_sites[1].pk, "year": 2027, "month": 2}).context["adminform"].form
    assert "pupils" not in form.initial


# Event reports -------------------------------------------------------------------------------------------------------


def test_event_reports_refuse_negative_and_fractional_fen(two_sites):
    from tests.test_events import make_event

    event = make_event()
    for fields in [{"attendance": -1}, {"spending": Decimal("-5")}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            EventReport.objects.bulk_create([EventReport(event=event, year=2023, period_zh="两天", source_zh="答复",
                                                         **({"attendance": 1} | fields))])  # fmt: skip
    bad = EventReport(event=event, year=2023, period_zh="两天", source_zh="答复", attendance=1,
                      spending=Decimal("1.005"))  # fmt: skip
    with pytest.raises(ValidationError):
        bad.full_clean()
    EventReport.objects.create(event=event, year=2023, period_zh="两天", source_zh="答复", attendance=400000)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventReport.objects.create(event=event, year=2023, period_zh="两天", source_zh="答复", attendance=1)


def test_the_change_log_shows_an_operator_the_changes_of_their_own_sites_reports_only(client, operator_a, two_sites):
    mine = report(two_sites[0])
    report(two_sites[1], visitors=4321)
    with patch("django.utils.timezone.now", return_value=at(2027, 3, 1, 13)):  # an hour after it was created
        change = reverse("admin:stats_sitemonthreport_change", args=[mine.pk])
        client.post(change, form_data(two_sites[0], visitors=1777))
    page = client.get(reverse("audit-log"), {"kind": "sitemonthreport"}).content.decode()
    assert "1000 → 1777" in page and "op-a" in page
    assert "4321" not in page


# The dashboard's reminders and the demo figures ---------------------------------------------------------------------


def test_the_dashboard_lists_the_sites_missing_last_month_with_their_prefilled_form(client, two_sites):
    site_a, site_b = two_sites
    make_site(name_zh="草稿厂", published=False)  # not published: not chased
    report(site_a, month=1)  # another month does not count
    client.force_login(person("editor", roles.EDITOR))
    reminders = client.get(reverse("admin:index")).context["dash"]["reports"]
    assert reminders["month"] == "2027-02" and reminders["count"] == 2
    links = {row["site"]: row["url"] for row in reminders["sites"]}
    assert set(links) == {site_a, site_b}
    assert links[site_a] == f"{reverse(ADD)}?site={site_a.pk}&year=2027&month=2"
    report(site_a)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Report the month for 乙厂" in page and "Report the month for 甲厂" not in page


def test_an_operator_is_reminded_of_their_own_sites_only(client, operator_a, two_sites):
    reminders = client.get(reverse("admin:index")).context["dash"]["reports"]
    assert [row["site"] for row in reminders["sites"]] == [two_sites[0]]


def test_the_demo_loads_the_bureaus_event_figures_and_labels_the_monthly_reports_illustrative():
    import datetime

    from demo.loaders import stats as demo_stats
    from tests.test_events import make_event

    make_event(slug="chang-ba")
    make_event(slug="gui-bo-hui")
    make_site(slug="zhongche-zhuji")
    for _ in range(2):  # a second run changes nothing
        demo_stats.load(today=datetime.date(2027, 3, 1))
    cba = EventReport.objects.get(event__slug="chang-ba")
    assert (cba.year, cba.attendance, cba.attendance_qualifier) == (2023, 4_000_000, "more")
    assert (cba.spending, cba.spending_qualifier) == (Decimal("400000000.00"), "about")
    assert "1219" in cba.source_zh and cba.published and not cba.illustrative
    expo = EventReport.objects.get(event__slug="gui-bo-hui")
    assert (expo.attendance, expo.spending, expo.period_en) == (400_000, None, "two public open days")
    months = SiteMonthReport.objects.all()
    assert months.count() == 14  # January 2026 to February 2027
    assert all(month.illustrative and month.published for month in months)
    for month in months:
        month.full_clean()  # the generated figures pass every check
