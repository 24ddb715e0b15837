"""Bad data is refused whichever door it comes through: the database and full_clean() both say no."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from core.slugs import pinyin_slug
from sites.models import HeritageAsset, OpeningException, OpeningPeriod, Site
from tests.factories import make_heritage, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    # Messages are checked against their English source; the Chinese text is the translators' work.
    with translation.override("en"):
        yield


def refused_by_database(build):
    with pytest.raises(IntegrityError), transaction.atomic():
        build().save()


def refused_by_full_clean(build, field=None):
    with pytest.raises(ValidationError) as caught:
        build().full_clean()
    messages = caught.value.message_dict
    assert all(text.strip() for texts in messages.values() for text in texts)
    if field:
        assert field in messages
    return " ".join(text for texts in messages.values() for text in texts)


def site(**fields):
    defaults = {"name_zh": "测试工厂", "slug": "ce-shi", "industry": "rail", "district": "shifeng"}
    return Site(**(defaults | fields))


def heritage(**fields):
    defaults = {"name_zh": "测试遗产", "slug": "yi-chan", "level": "municipal", "state": "ruin", "district": "hetang"}
    return HeritageAsset(**(defaults | fields))


# Coordinates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latitude", "longitude"), [("91", "113.1"), ("-90.5", "113.1"), ("27.8", "180.5"), ("27.8", "-181")]
)
def test_coordinates_out_of_range_are_refused(latitude, longitude):
    refused_by_database(lambda: site(latitude=latitude, longitude=longitude))
    message = refused_by_full_clean(lambda: site(latitude=latitude, longitude=longitude))
    assert "90" in message or "180" in message


def test_heritage_coordinates_out_of_range_are_refused():
    refused_by_database(lambda: heritage(latitude="95", longitude="113.1"))
    refused_by_full_clean(lambda: heritage(latitude="95", longitude="113.1"), "latitude")


@pytest.mark.parametrize(("latitude", "longitude"), [("27.8", None), (None, "113.1")])
def test_half_a_coordinate_pair_is_refused(latitude, longitude):
    # A latitude without a longitude hid the place from the map and broke the GeoJSON feed.
    refused_by_database(lambda: site(latitude=latitude, longitude=longitude))
    refused_by_database(lambda: heritage(latitude=latitude, longitude=longitude))
    assert "both" in refused_by_full_clean(lambda: site(latitude=latitude, longitude=longitude))


def test_a_place_without_coordinates_is_allowed():
    site(latitude=None, longitude=None).full_clean()
    assert not make_site(latitude=None, longitude=None).has_coordinates


def test_coordinates_on_the_edge_of_the_range_are_allowed():
    site(latitude="-90", longitude="180").full_clean()
    make_site(latitude="90", longitude="-180")


# Opening hours ----------------------------------------------------------------------------------


def test_a_period_closing_before_it_opens_is_refused():
    owner = make_site()

    def period():
        return OpeningPeriod(site=owner, weekday=0, opens=datetime.time(17), closes=datetime.time(9))

    refused_by_database(period)
    assert "close after it opens" in refused_by_full_clean(period)


def test_a_period_closing_when_it_opens_is_refused():
    owner = make_site()
    refused_by_database(lambda: OpeningPeriod(site=owner, weekday=0, opens=datetime.time(9), closes=datetime.time(9)))


def test_a_weekday_beyond_sunday_is_refused():
    owner = make_site()

    def period():
        return OpeningPeriod(site=owner, weekday=7, opens=datetime.time(9), closes=datetime.time(17))

    refused_by_database(period)
    refused_by_full_clean(period, "weekday")


def test_a_closed_day_with_times_is_refused():
    owner = make_site()

    def exception():
        return OpeningException(
            site=owner, date=datetime.date(2024, 10, 1), closed=True, opens=datetime.time(9), closes=datetime.time(12)
        )

    refused_by_database(exception)
    assert "closed day has no times" in refused_by_full_clean(exception)


def test_a_special_opening_without_times_is_refused():
    owner = make_site()

    def exception():
        return OpeningException(site=owner, date=datetime.date(2024, 10, 1), closed=False)

    refused_by_database(exception)
    assert "special opening" in refused_by_full_clean(exception)


def test_a_special_opening_closing_before_it_opens_is_refused():
    owner = make_site()

    def exception():
        return OpeningException(
            site=owner, date=datetime.date(2024, 10, 1), closed=False, opens=datetime.time(18), closes=datetime.time(9)
        )

    refused_by_database(exception)
    refused_by_full_clean(exception)


def test_valid_hours_and_exceptions_are_accepted():
    owner = make_site()
    OpeningPeriod(site=owner, weekday=6, opens=datetime.time(9), closes=datetime.time(12)).full_clean()
    OpeningException(site=owner, date=datetime.date(2024, 10, 1)).full_clean()
    OpeningException(
        site=owner, date=datetime.date(2024, 10, 2), closed=False, opens=datetime.time(19), closes=datetime.time(21)
    ).full_clean()


# Admission and status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"admission_free": True, "admission_price": "30.00"},
        {"admission_free": False, "admission_price": None},
        {"admission_free": False, "admission_price": "-5.00"},
    ],
    ids=["free with a price", "paid without a price", "negative price"],
)
def test_price_must_match_free_admission(fields):
    refused_by_database(lambda: site(**fields))
    assert "price" in refused_by_full_clean(lambda: site(**fields))


def test_free_or_priced_admission_is_accepted():
    site(admission_free=True, admission_price=None).full_clean()
    site(slug="b", admission_free=False, admission_price="60.00").full_clean()


@pytest.mark.parametrize(
    "fields", [{"level": "none", "level_year": 2020}, {"level": "national", "level_year": 1800}], ids=str
)
def test_a_year_awarded_needs_a_status_and_a_plausible_year(fields):
    refused_by_database(lambda: site(**fields))
    assert "year awarded" in refused_by_full_clean(lambda: site(**fields))


# Heritage years ---------------------------------------------------------------------------------


def test_built_to_before_built_from_is_refused():
    refused_by_database(lambda: heritage(built_from=1958, built_to=1936))
    assert "cannot come before" in refused_by_full_clean(lambda: heritage(built_from=1958, built_to=1936))


def test_built_years_read_as_a_range_or_a_single_year():
    assert heritage(built_from=1936, built_to=1958).built_years == "1936–1958"
    assert heritage(built_from=1956, built_to=1956).built_years == "1956"
    assert heritage(built_from=None, built_to=1937).built_years == "1937"
    assert heritage().built_years == ""


def test_an_implausible_listing_year_is_refused():
    refused_by_database(lambda: heritage(year_listed=1066))
    refused_by_full_clean(lambda: heritage(year_listed=1066))


# Slugs ------------------------------------------------------------------------------------------


def test_slug_is_made_from_the_pinyin_of_the_chinese_name():
    assert make_site(name_zh="中车株机", slug="").slug == "zhong-che-zhu-ji"
    assert make_heritage(name_zh="清水塘1956工业遗址", slug="").slug == "qing-shui-tang-1956-gong-ye-yi-zhi"


def test_pinyin_slug_keeps_latin_letters_and_digits():
    assert pinyin_slug("株麻1937文创产业园") == "zhu-ma-1937-wen-chuang-chan-ye-yuan"
    assert pinyin_slug("《国彩醴陵》") == "guo-cai-li-ling"
    assert pinyin_slug("！！！") == "item"


def test_two_sites_with_the_same_chinese_name_get_different_slugs():
    first = make_site(name_zh="陶瓷谷", slug="")
    second = make_site(name_zh="陶瓷谷", slug="")
    assert (first.slug, second.slug) == ("tao-ci-gu", "tao-ci-gu-2")


def test_a_very_long_name_gives_a_slug_that_fits():
    assert len(make_site(name_zh="株洲" * 60, slug="").slug) <= 80


def test_renaming_a_site_keeps_its_slug():
    existing = make_site(name_zh="中车株机", slug="")
    existing.name_zh = "中车株洲电力机车有限公司"
    existing.save()
    existing.refresh_from_db()
    assert existing.slug == "zhong-che-zhu-ji"


def test_a_published_site_keeps_its_slug():
    existing = make_site(slug="zhong-che-zhu-ji", published=True)
    existing.slug = "new-address"
    with pytest.raises(ValidationError) as caught:
        existing.full_clean()
    assert "cannot change" in " ".join(caught.value.message_dict["slug"])


def test_clearing_the_slug_of_a_published_site_is_refused_too():
    existing = make_site(name_zh="中车株机", slug="zhong-che-zhu-ji", published=True)
    existing.name_zh = "株机公司"
    existing.slug = ""
    with pytest.raises(ValidationError) as caught:
        existing.full_clean()
    assert "slug" in caught.value.message_dict


def test_a_draft_site_may_change_its_slug():
    draft = make_site(slug="draft", published=False)
    draft.slug = "better"
    draft.full_clean()


def test_slugs_are_unique():
    make_site(slug="same")
    refused_by_database(lambda: site(slug="same"))
    refused_by_full_clean(lambda: site(slug="same"), "slug")


def test_translated_fields_fall_back_to_chinese():
    place = site(name_zh="株化博物馆", name_en="", summary_zh="六十年的化工厂。", summary_en="Sixty years of a plant.")
    with translation.override("en"):
        assert (place.name, place.summary) == ("株化博物馆", "Sixty years of a plant.")
    with translation.override("zh-hans"):
        assert place.summary == "六十年的化工厂。"
