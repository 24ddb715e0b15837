"""Scale data for study tours: programmes at scale sites, weekly slots over half a year each side of today, and
school bookings that never overfill a slot.

Programmes are marked by a `scale-` slug prefix; their slots and bookings go with them on `--reset`.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from bookings.models import REFERENCE_ALPHABET, REFERENCE_LENGTH, Booking, BookingStatus, StudyProgramme, TimeSlot
from demo.scale.sites import PREFIX, delete_fast
from sites.models import Site

BATCH = 5000
BOOKINGS_PER_PROGRAMME = 39  # 26 slots of 1.5 bookings on average
SLOT_WEEKS = range(-13, 13)  # a slot a week, a quarter back and a quarter ahead
CAPACITY = 150  # three groups of at most 48 fit
TOPICS = [
    ("电力机车", "electric locomotives"),
    ("航空发动机", "aero-engines"),
    ("陶瓷工艺", "ceramics"),
    ("硬质合金", "cemented carbide"),
    ("工业遗产", "industrial heritage"),
]


def _programme(rng, n, site_id):
    topic_zh, topic_en = rng.choice(TOPICS)
    bands = rng.sample(["primary_upper", "junior", "senior", "university"], k=rng.randint(1, 3))
    return StudyProgramme(
        site_id=site_id,
        title_zh=f"{topic_zh}研学课程{n}",
        title_en=f"Study tour: {topic_en} No. {n}",
        slug=f"{PREFIX}programme-{n}",
        summary_zh=f"走进工厂，了解{topic_zh}（规模测试数据）。",
        summary_en=f"Into the works to learn about {topic_en} (scale test data).",
        learning_zh="参观生产线，动手体验，完成学习单。",
        learning_en="See the production line, try it by hand, fill in a worksheet.",
        **{f"for_{band}": True for band in bands},
        duration_minutes=rng.choice([90, 120, 180]),
        group_min=10,
        group_max=48,
        pupils_per_teacher=rng.choice([10, 15, 20]),
        price_per_pupil=Decimal(rng.choice([0, 0, 20, 40, 60])),
        lead_days=rng.choice([3, 7, 14]),
        safety_zh="全程佩戴安全帽，不得离开参观通道。",
        safety_en="Helmets on throughout; stay on the visitor passage.",
        published=rng.random() < 0.95,
    )


def _bookings(rng, slot, now, references):
    for _n in range(rng.randint(0, 3)):
        pupils = rng.randint(20, 45)
        past = slot.start < now
        status = rng.choices(
            [BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.CANCELLED]
            if past
            else [BookingStatus.CONFIRMED, BookingStatus.REQUESTED, BookingStatus.CANCELLED],
            weights=[85, 5, 10],
        )[0]
        requested = slot.start - datetime.timedelta(days=rng.randint(15, 60))
        yield Booking(
            reference=_reference(rng, references),
            slot_id=slot.pk,
            school=f"株洲市第{rng.randint(1, 40)}中学",
            organiser_name="" if past else "王老师",
            organiser_phone="" if past else "13800000000",
            organiser_email="" if past else "teacher@example.com",
            pupils_junior=pupils,
            teachers=max(2, pupils // 15),
            status=status,
            created_at=requested,
            expires_at=requested + datetime.timedelta(days=14),
            answered_at=None if status == BookingStatus.REQUESTED else requested + datetime.timedelta(days=2),
            contact_erased_at=now if past else None,
        )


def _reference(rng, taken):
    while True:
        reference = "".join(rng.choices(REFERENCE_ALPHABET, k=REFERENCE_LENGTH))
        if reference not in taken:
            taken.add(reference)
            return reference


def generate(*, bookings, rng, photos, stdout):
    """Create programmes and slots enough for about `bookings` bookings."""
    site_ids = list(
        Site.objects.published().filter(slug__startswith=PREFIX, for_study_tours=True).values_list("pk", flat=True)
    )
    if not bookings or not site_ids:
        return
    count = max(1, bookings // BOOKINGS_PER_PROGRAMME)
    StudyProgramme.objects.bulk_create(
        (_programme(rng, n, rng.choice(site_ids)) for n in range(1, count + 1)), batch_size=BATCH
    )
    programmes = StudyProgramme.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
    now = timezone.now()
    monday = timezone.localtime(now).replace(hour=9, minute=0, second=0, microsecond=0)
    monday -= datetime.timedelta(days=monday.weekday())
    TimeSlot.objects.bulk_create(
        (
            TimeSlot(
                programme_id=pk,
                start=start,
                end=start + datetime.timedelta(hours=3),
                capacity=CAPACITY,
            )
            for pk in programmes
            for week in SLOT_WEEKS
            for start in [monday + datetime.timedelta(weeks=week, days=rng.randrange(5))]
        ),
        batch_size=BATCH,
    )
    references = set(Booking.objects.values_list("reference", flat=True))
    slots = TimeSlot.objects.filter(programme__slug__startswith=PREFIX).only("pk", "start")
    made = Booking.objects.bulk_create(
        (b for slot in slots for b in _bookings(rng, slot, now, references)), batch_size=BATCH
    )
    stdout.write(f"bookings: {count} programmes, {len(made)} bookings")


def reset():
    programmes = StudyProgramme.objects.filter(slug__startswith=PREFIX)
    delete_fast(Booking.objects.filter(slot__programme__in=programmes))
    delete_fast(TimeSlot.objects.filter(programme__in=programmes))
    programmes.delete()
