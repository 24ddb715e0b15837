import pytest
from django.core.management import CommandError, call_command

from bookings.models import Booking, StudyProgramme, TimeSlot
from events.models import Event, Occurrence
from itineraries.models import Itinerary, Stop
from sites.models import HeritageAsset, OpeningPeriod, Site, SitePhoto

pytestmark = pytest.mark.django_db

SMALL = {"sites": 60, "heritage": 40, "events": 30, "routes": 5, "bookings": 100, "photo_width": 320}


def test_scale_data_fills_every_filter_and_refuses_to_run_twice():
    call_command("generate_scale_data", **SMALL)
    sites = Site.objects.filter(slug__startswith="scale-")
    assert sites.count() == 60
    assert HeritageAsset.objects.filter(slug__startswith="scale-").count() == 40
    assert sites.values("industry").distinct().count() >= 5
    assert sites.values("district").distinct().count() >= 5
    assert sites.exclude(name_en="").count() == 60
    assert OpeningPeriod.objects.filter(site__in=sites).exists()
    assert SitePhoto.objects.filter(site__in=sites).count() >= 60
    with pytest.raises(CommandError):
        call_command("generate_scale_data", sites=10, heritage=10, events=0, routes=0, bookings=0, photo_width=320)


def test_scale_events_have_many_dates_over_several_years():
    call_command("generate_scale_data", **SMALL)
    events = Event.objects.filter(slug__startswith="scale-")
    assert events.count() == 30
    dates = Occurrence.objects.filter(event__in=events)
    assert dates.count() > 150  # weekly shows and leagues have dozens of dates
    assert len({d.year for d in dates.dates("starts_at", "year")}) >= 3
    assert events.values("kind").distinct().count() >= 4
    assert events.filter(site__isnull=False).exists() and events.filter(site__isnull=True).exists()


def test_scale_routes_stop_at_published_scale_places():
    call_command("generate_scale_data", **SMALL)
    routes = Itinerary.objects.filter(slug__startswith="scale-")
    assert routes.count() == 5
    assert Stop.objects.filter(itinerary__in=routes).count() >= 10
    assert not Stop.objects.filter(itinerary__in=routes, site__published=False).exists()


def test_scale_bookings_never_overfill_a_slot():
    call_command("generate_scale_data", **SMALL)
    assert StudyProgramme.objects.filter(slug__startswith="scale-").count() == 2
    slots = TimeSlot.objects.filter(programme__slug__startswith="scale-")
    assert Booking.objects.filter(slot__in=slots).count() > 20
    for slot in slots:
        assert slot.persons_held() <= slot.capacity


def test_reset_replaces_only_scale_rows():
    from tests.factories import make_site

    kept = make_site(name_zh="真实的站点")
    call_command("generate_scale_data", **SMALL)
    call_command(
        "generate_scale_data", sites=5, heritage=5, events=3, routes=1, bookings=0, reset=True, photo_width=320
    )
    assert Site.objects.filter(slug__startswith="scale-").count() == 5
    assert Event.objects.filter(slug__startswith="scale-").count() == 3
    assert not StudyProgramme.objects.filter(slug__startswith="scale-").exists()
    assert Site.objects.filter(pk=kept.pk).exists()
