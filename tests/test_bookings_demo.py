"""The demo study tours: programmes at the demo sites, a season of slots and a booking in every state."""

import pytest
from django.utils import timezone

from bookings.models import Booking, BookingStatus, StudyProgramme, TimeSlot
from demo.loaders import study_tours as demo_study_tours
from tests.factories import make_site

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_four_sites_and_loads_twice_without_duplicates():
    for slug in ("zhongche-zhuji", "lusong-hangkong-xiaozhen", "zhongguo-taoci-gu", "qingshuitang-1956"):
        make_site(slug=slug)
    demo_study_tours.load()
    programmes, slots, bookings = StudyProgramme.objects.count(), TimeSlot.objects.count(), Booking.objects.count()
    demo_study_tours.load()
    assert (StudyProgramme.objects.count(), TimeSlot.objects.count(), Booking.objects.count()) == (
        programmes,
        slots,
        bookings,
    )
    assert programmes == 5
    assert set(Booking.objects.values_list("status", flat=True)) == set(BookingStatus.values)
    future = TimeSlot.objects.filter(start__gt=timezone.now())
    assert future.count() > 100
    for booking in Booking.objects.filter(status__in=["attended", "no_show"]):
        assert booking.slot.start < timezone.now()


def test_missing_demo_sites_are_skipped():
    make_site(slug="zhongche-zhuji")

    class Out:
        lines = []

        def write(self, text):
            self.lines.append(text)

    out = Out()
    demo_study_tours.load(stdout=out)
    assert set(StudyProgramme.objects.values_list("site__slug", flat=True)) == {"zhongche-zhuji"}
    assert any("not found" in line for line in out.lines)
