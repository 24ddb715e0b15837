"""Builders and personas shared by the bookings tests (no tests here)."""

import datetime
import itertools

from django.contrib.auth.models import Permission, User

from bookings.models import StudyProgramme, TimeSlot
from tests.conftest import at
from tests.factories import make_site

_counter = itertools.count(1)

# The fixed "now" of most tests: a Monday noon in Zhuzhou.
NOW = at(2027, 3, 1, 12)


def make_programme(site=None, **fields):
    n = next(_counter)
    defaults = {
        "site": site or make_site(),
        "title_zh": f"研学课程{n}",
        "title_en": f"Study programme {n}",
        "slug": f"programme-{n}",
        "for_junior": True,
        "for_senior": True,
        "group_min": 10,
        "group_max": 40,
        "pupils_per_teacher": 10,
        "lead_days": 3,
        "duration_minutes": 120,
        "published": True,
    }
    defaults.update(fields)
    return StudyProgramme.objects.create(**defaults)


def make_slot(programme=None, start=None, capacity=30, **fields):
    programme = programme or make_programme()
    start = start or at(2027, 3, 15, 9)
    return TimeSlot.objects.create(
        programme=programme,
        start=start,
        end=start + datetime.timedelta(minutes=programme.duration_minutes),
        capacity=capacity,
        **fields,
    )


def booking_data(slot, /, **overrides):
    """The booking form as a teacher fills it in: 20 junior pupils and 2 teachers."""
    data = {
        "slot": str(slot.pk),
        "pupils_junior": "20",
        "teachers": "2",
        "school": "株洲市第二中学",
        "organiser_name": "王老师",
        "organiser_phone": "138 0731 0000",
        "organiser_email": "wang@school.example",
        "special_needs": "",
        "submission_key": f"key-{next(_counter):04d}-abcdefghijklmnop",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def service_kwargs(slot, **overrides):
    kwargs = {
        "slot_id": slot.pk,
        "school": "株洲市第二中学",
        "organiser_name": "王老师",
        "organiser_phone": "13807310000",
        "organiser_email": "wang@school.example",
        "pupils": {"junior": 20},
        "teachers": 2,
        "now": NOW,
    }
    kwargs.update(overrides)
    return kwargs


def staff_user(username="operator", manage=True, **fields):
    user = User.objects.create_user(
        username, f"{username}@bureau.example", "a-long-password-1", is_staff=True, **fields
    )
    codenames = ["view_booking", "change_booking", "view_timeslot", "change_timeslot", "add_timeslot"]
    codenames += ["view_studyprogramme", "change_studyprogramme"]
    if manage:
        codenames.append("manage_bookings")
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="bookings", codename__in=codenames))
    return User.objects.get(pk=user.pk)  # fresh, without a stale permission cache
