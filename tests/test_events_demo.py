"""The demo events: every event DOMAIN.md names, on future dates, loaded twice without duplicates."""

import io
from unittest import mock

import pytest

from demo import content
from demo.loaders import events as demo_events
from events.models import Event, EventPhoto, Occurrence
from tests.conftest import at
from tests.factories import jpeg_bytes, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_placeholders():
    # The generated pictures take seconds each; their look is not what these tests are about.
    with mock.patch("demo.photos.industrial_placeholder", return_value=jpeg_bytes(800, 500)) as placeholder:
        yield placeholder


NAMED = ["厂BA", "醴陵炒粉节", "航空嘉年华", "国彩醴陵", "瓷博会", "航博会", "服博会", "轨博会", "北斗峰会"]


def test_the_demo_has_every_named_event_on_illustrative_future_dates():
    demo_events.load()
    titles = " ".join(Event.objects.values_list("title_zh", flat=True))
    assert all(name in titles for name in NAMED)
    assert not Occurrence.objects.filter(starts_at__lt=at(2026, 11, 26)).exists()
    assert all("示例数据" in e.description_zh and "illustrative" in e.description_en for e in Event.objects.all())
    gui_bo_hui = Event.objects.get(slug="gui-bo-hui")
    assert [o.note_zh for o in gui_bo_hui.occurrences.all()] == ["公众开放日", "公众开放日"]
    assert Occurrence.objects.filter(event__slug="guocai-liling-yanchu", cancelled=True).count() == 1


def test_loading_twice_keeps_the_same_events_dates_and_photos():
    out = io.StringIO()
    demo_events.load(out)
    first = set(Occurrence.objects.values_list("pk", "starts_at"))
    demo_events.load(out)
    assert set(Occurrence.objects.values_list("pk", "starts_at")) == first
    events = content.read("events")["events"]
    assert Event.objects.count() == len(events)
    assert EventPhoto.objects.count() == len(events)
    assert "Demo events loaded: 9 events" in out.getvalue()


def test_demo_events_take_their_venue_from_the_demo_sites_when_loaded():
    demo_events.load()
    assert Event.objects.get(slug="ci-bo-hui").site is None  # no sites yet: a named place
    valley = make_site(slug="zhongguo-taoci-gu", name_zh="中国陶瓷谷", district="liling")
    demo_events.load()
    expo = Event.objects.get(slug="ci-bo-hui")
    assert expo.site == valley
    assert expo.place_district == "liling"
    assert expo.latitude is None  # the site's coordinates are the ones shown
