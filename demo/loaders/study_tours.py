"""Demo study tours (demo/data/study_tours.yaml): programmes at the demo sites, a season of slots from today, and a
booking in every state for each programme.

Idempotent: programmes are matched by slug, slots by start, bookings by their DMX reference. Programmes whose site
is missing (the sites not loaded) are skipped.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from bookings import services
from bookings.models import (
    GRADE_BANDS,
    REFERENCE_ALPHABET,
    Booking,
    BookingStatus,
    StudyProgramme,
    TimeSlot,
)
from demo import content
from sites.models import Site

SEASON_DAYS = 90
# Demo references are DMX + two letters for programme and state: easy to spot, never a real one's shape clash.
DEMO_CODES = REFERENCE_ALPHABET
# How long ago each kind of request was sent; an expired one must be older than its three days to answer.
REQUESTED_HOURS_AGO = {BookingStatus.REQUESTED: 2, BookingStatus.EXPIRED: 120}


def load(stdout=None):
    data = content.read("study_tours")
    today = timezone.localdate()
    with transaction.atomic():
        for index, spec in enumerate(data["programmes"]):
            site = _site(spec)
            if site is None:
                _say(stdout, f"Study tours: site {spec['site']} not found, {spec['slug']} skipped.")
                continue
            programme = _programme(spec, site)
            slots = _season(programme, spec, today)
            bookings = _bookings(programme, spec, index, today, data)
            _say(stdout, f"Study tours: {programme.slug}: {slots} new slots, {bookings} new demo bookings.")


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _site(spec):
    for slug in [spec["site"], *spec.get("fallback_sites", [])]:
        site = Site.objects.filter(slug=slug).first()
        if site is not None:
            return site
    return None


def _programme(spec, site):
    fields = {
        "site": site,
        "published": True,
        "price_per_pupil": spec["price"],
        "lead_days": spec["lead_days"],
        "duration_minutes": spec["duration"],
        "group_min": spec["group_min"],
        "group_max": spec["group_max"],
        "pupils_per_teacher": spec["pupils_per_teacher"],
        "safety_officers_per_group": spec.get("safety_officers_per_group", 0),
        "tutors_per_group": spec.get("tutors_per_group", 0),
        "booking_phone": spec.get("booking_phone", ""),
        "booking_email": spec.get("booking_email", ""),
        **{key: spec[key] for key in spec if key.endswith(("_zh", "_en"))},
        **{f"for_{band}": band in spec["bands"] for band in GRADE_BANDS},
    }
    programme, _created = StudyProgramme.objects.update_or_create(slug=spec["slug"], defaults=fields)
    return programme


def _season(programme, spec, today):
    times = [datetime.datetime.strptime(t, "%H:%M").time() for t in spec["times"]]
    created, _skipped = services.generate_slots(
        programme=programme,
        first_day=today + datetime.timedelta(days=1),
        last_day=today + datetime.timedelta(days=SEASON_DAYS),
        weekdays=spec["weekdays"],
        times=times,
        capacity=spec["capacity"],
    )
    return created


def _slot_near(programme, spec, day):
    """The programme's slot on `day` or the next day it runs; past days get a slot made for the demo."""
    slot = programme.slots.filter(start__date__gte=day).order_by("start").first()
    if slot is not None and day >= timezone.localdate():
        return slot
    start = datetime.datetime.combine(
        day, datetime.datetime.strptime(spec["times"][0], "%H:%M").time(), tzinfo=timezone.get_current_timezone()
    )
    slot, _created = TimeSlot.objects.get_or_create(
        programme=programme,
        start=start,
        defaults={"end": start + datetime.timedelta(minutes=programme.duration_minutes), "capacity": spec["capacity"]},
    )
    return slot


def _save_as(booking, actor, at):
    booking._change_reason, booking._history_date = actor, at
    booking.save()


def _bookings(programme, spec, index, today, data):
    made = 0
    schools = data["schools"]
    for n, plan in enumerate(data["bookings"]):
        reference = f"DMX{DEMO_CODES[index]}{DEMO_CODES[n]}AAA"
        if Booking.objects.filter(reference=reference).exists():
            continue
        status, days = BookingStatus(plan["status"]), plan["days"]
        slot = _slot_near(programme, spec, today + datetime.timedelta(days=days))
        pupils = max(programme.group_min, min(programme.group_max, 24))
        band = spec["bands"][n % len(spec["bands"])]
        if days < 0:
            requested_at = slot.start - datetime.timedelta(days=programme.lead_days + 5)
        else:
            requested_at = timezone.now() - datetime.timedelta(hours=REQUESTED_HOURS_AGO.get(status, 48))
        booking = Booking(
            reference=reference,
            slot=slot,
            school=schools[(index + n) % len(schools)],
            organiser_name=plan["organiser"],
            organiser_phone=f"1380731{index}{n:03d}",
            organiser_email=f"teacher{index}{n}@school.example",
            language=plan.get("language", "zh-hans"),
            teachers=programme.teachers_needed(pupils) or 1,
            safety_officers=programme.safety_officers_per_group,
            tutors=programme.tutors_per_group,
            special_needs=plan.get("special_needs", ""),
            created_at=requested_at,
            expires_at=min(requested_at + datetime.timedelta(days=3), slot.start),
            **{f"pupils_{band}": pupils},
        )
        # Its status log as the services write it: requested by the organiser, then answered or expired.
        _save_as(booking, "organiser", requested_at)
        if status != BookingStatus.REQUESTED:
            booking.status, booking.status_note = status, plan.get("status_note", "")
            if status != BookingStatus.EXPIRED:
                booking.answered_at = requested_at + datetime.timedelta(days=1)
            _save_as(
                booking,
                "system" if status == BookingStatus.EXPIRED else "staff",
                booking.answered_at or booking.expires_at,
            )
        made += 1
    return made
