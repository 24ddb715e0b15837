"""Demo study tours: programmes at four demo sites, a season of slots, and a booking in every state.

`load()` is idempotent: programmes are matched by slug, slots by start, bookings by their DEMO reference.
Sites missing from the database (sites/demo_data.py not loaded) are skipped. The texts are our own; prices,
group sizes and times are illustrative.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from bookings import services
from bookings.models import (
    GRADE_BANDS,
    REFERENCE_ALPHABET,
    Booking,
    BookingEvent,
    BookingStatus,
    StudyProgramme,
    TimeSlot,
)
from sites.models import Site

SEASON_DAYS = 90
# Demo references are DMX + two letters for programme and state: easy to spot, never a real one's shape clash.
DEMO_CODES = REFERENCE_ALPHABET

PROGRAMMES = [
    {
        "site": "zhongche-zhuji",
        "slug": "electric-locomotive-study-tour",
        "title_zh": "大国重器：电力机车研学之旅",
        "title_en": "Made in China: the electric locomotive study tour",
        "summary_zh": "走进中国第一台电力机车诞生的总装车间，看一台机车如何从钢板变成“大国重器”。",
        "summary_en": "Step into the assembly hall where China's first electric locomotive was built and see how a "
        "locomotive grows from steel plate.",
        "learning_zh": "电力机车的工作原理：受电弓、牵引电机与制动。\n"
        "从1936年的粤汉铁路株洲总机厂到今天的机车出口51个国家和地区。\n"
        "动手环节：在科普展厅用模型搭建一段电气化铁路。",
        "learning_en": "How an electric locomotive works: pantograph, traction motors and braking.\n"
        "From the Canton–Hankou railway repair works of 1936 to locomotives running in some 51 countries and "
        "regions.\nHands on: build a stretch of electrified railway with models in the science hall.",
        "safety_zh": "全程走参观通道，不得进入黄线以内；穿平底鞋；车间内请勿触摸设备。",
        "safety_en": "Stay on the visitor walkway and behind the yellow lines; flat closed shoes; do not touch "
        "machinery in the workshop.",
        "bands": ["primary_upper", "junior", "senior"],
        "group": (15, 45),
        "pupils_per_teacher": 15,
        "price": 0,
        "lead_days": 7,
        "duration": 150,
        "weekdays": (1, 3),
        "times": ("09:00", "14:00"),
        "capacity": 60,
    },
    {
        "site": "zhongche-zhuji",
        "slug": "railway-engineers-of-tomorrow",
        "title_zh": "未来工程师：轨道交通职业体验",
        "title_en": "Engineers of tomorrow: careers in rail transit",
        "summary_zh": "面向大学生的工程实践与求职体验：与工程师面对面，了解机车设计与制造岗位。",
        "summary_en": "For university students: meet the engineers and see the design and manufacturing jobs behind "
        "a locomotive.",
        "learning_zh": "机车研发流程、质量管理与生产线数字化。\n与青年工程师座谈：专业选择与实习机会。",
        "learning_en": "How a locomotive is developed, quality management and the digital production line.\n"
        "A talk with young engineers about study choices and internships.",
        "safety_zh": "车间内须佩戴安全帽，由工作人员发放。",
        "safety_en": "Hard hats in the workshop; the staff hand them out.",
        "bands": ["university"],
        "group": (10, 40),
        "pupils_per_teacher": 40,
        "price": 30,
        "lead_days": 10,
        "duration": 180,
        "weekdays": (4,),
        "times": ("09:30",),
        "capacity": 45,
    },
    {
        "site": "lusong-hangkong-xiaozhen",
        "slug": "aviation-town-science-day",
        "title_zh": "航空科技梦：芦淞航空小镇研学日",
        "title_en": "Dream of flight: a science day at Lusong Aviation Town",
        "summary_zh": "认识通用航空飞机，了解航空发动机，动手放飞一架自己的模型飞机。",
        "summary_en": "Meet general-aviation aircraft, learn how an aero-engine works and fly a model plane you "
        "built yourself.",
        "learning_zh": "飞机为什么能飞：升力、推力、阻力与重力。\n株洲与中国第一台航空发动机。\n"
        "动手环节：制作并放飞橡筋动力模型飞机。",
        "learning_en": "Why aircraft fly: lift, thrust, drag and weight.\nZhuzhou and China's first aero-engine.\n"
        "Hands on: build and fly a rubber-band model aircraft.",
        "safety_zh": "停机坪区域须由工作人员带领，听从指挥；雷雨天气户外环节取消。",
        "safety_en": "The apron only with a guide, following instructions; outdoor parts are cancelled in "
        "thunderstorms.",
        "bands": ["primary_lower", "primary_upper", "junior"],
        "group": (10, 50),
        "pupils_per_teacher": 10,
        "price": 40,
        "lead_days": 5,
        "duration": 180,
        "weekdays": (2, 5),
        "times": ("09:00", "13:30"),
        "capacity": 55,
    },
    {
        "site": "zhongguo-taoci-gu",
        "fallback_sites": ["liling-jian-ci", "liling-yao"],
        "slug": "liling-porcelain-workshop",
        "title_zh": "千年瓷都：醴陵釉下五彩瓷手作课",
        "title_en": "A thousand years of porcelain: a Liling underglaze workshop",
        "summary_zh": "了解醴陵釉下五彩瓷的历史，跟着师傅拉坯、画坯，带走一件自己的作品。",
        "summary_en": "Learn the story of Liling's underglaze porcelain, throw and paint a piece with a potter and "
        "take it home.",
        "learning_zh": "从瓷土到瓷器：成型、施釉与烧成。\n釉下五彩的色料与技法。\n非遗传承人讲解与示范。",
        "learning_en": "From clay to porcelain: shaping, glazing and firing.\nThe colours and brushwork of "
        "underglaze painting.\nA demonstration by a master of this intangible heritage.",
        "safety_zh": "窑炉区域高温，须与窑炉保持距离；请穿着可弄脏的衣物。",
        "safety_en": "The kilns are hot: keep your distance; wear clothes that may get dirty.",
        "bands": ["primary_upper", "junior", "senior"],
        "group": (8, 30),
        "pupils_per_teacher": 12,
        "price": 60,
        "lead_days": 7,
        "duration": 150,
        "weekdays": (1, 4, 6),
        "times": ("09:30",),
        "capacity": 35,
    },
    {
        "site": "qingshuitang-1956",
        "fallback_sites": ["zhuhua-bowuguan"],
        "slug": "qingshuitang-industrial-memory",
        "title_zh": "工业记忆：清水塘老工业区的变迁",
        "title_en": "Industrial memory: how Qingshuitang changed",
        "summary_zh": "走访清水塘1956工业遗址与株化博物馆，讨论一座老工业区如何转型与生态修复。",
        "summary_en": "Walk the Qingshuitang 1956 industrial ruins and the chemical plant museum, and discuss how "
        "an old heavy-industry area is repaired and reborn.",
        "learning_zh": "新中国工业化与株洲的“八大重点工业城市”之路。\n老厂搬迁、生态修复与工业遗产保护。\n"
        "小组任务：为一栋老厂房设计新用途。",
        "learning_en": "Early industrialisation and Zhuzhou as one of the eight key industrial cities.\n"
        "Relocating the plants, repairing the land and keeping the heritage.\n"
        "Group task: design a new use for an old workshop.",
        "safety_zh": "遗址区地面不平，须穿运动鞋；不得攀爬建筑与设备。",
        "safety_en": "Uneven ground at the ruins: wear trainers; do not climb buildings or machinery.",
        "bands": ["junior", "senior", "university"],
        "group": (10, 60),
        "pupils_per_teacher": 20,
        "price": 0,
        "lead_days": 3,
        "duration": 120,
        "weekdays": (0, 2, 4),
        "times": ("09:00", "14:30"),
        "capacity": 70,
    },
]

SCHOOLS = ["株洲市第二中学", "天元区白鹤小学", "醴陵市第一中学", "湖南工业大学", "芦淞区建设中学"]

# Each demo booking: (status, days from today of its slot; a negative number is a past visit).
BOOKING_STATES = [
    (BookingStatus.REQUESTED, 20),
    (BookingStatus.CONFIRMED, 24),
    (BookingStatus.DECLINED, 27),
    (BookingStatus.CANCELLED, 31),
    (BookingStatus.EXPIRED, 17),
    (BookingStatus.ATTENDED, -12),
    (BookingStatus.NO_SHOW, -19),
]


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
        "group_min": spec["group"][0],
        "group_max": spec["group"][1],
        "pupils_per_teacher": spec["pupils_per_teacher"],
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


def _bookings(programme, spec, index, today):
    made = 0
    for n, (status, days) in enumerate(BOOKING_STATES):
        reference = f"DMX{DEMO_CODES[index]}{DEMO_CODES[n]}AAA"
        if Booking.objects.filter(reference=reference).exists():
            continue
        slot = _slot_near(programme, spec, today + datetime.timedelta(days=days))
        pupils = max(programme.group_min, min(programme.group_max, 24))
        band = spec["bands"][n % len(spec["bands"])]
        if days < 0:
            requested_at = slot.start - datetime.timedelta(days=programme.lead_days + 5)
        else:
            requested_at = timezone.now() - datetime.timedelta(hours={"requested": 2, "expired": 120}.get(status, 48))
        booking = Booking.objects.create(
            reference=reference,
            slot=slot,
            school=SCHOOLS[(index + n) % len(SCHOOLS)],
            organiser_name=["王老师", "李老师", "Ms Chen", "张老师", "刘老师", "周老师", "赵老师"][n],
            organiser_phone=f"1380731{index}{n:03d}",
            organiser_email=f"teacher{index}{n}@school.example",
            language="en" if n == 2 else "zh-hans",
            teachers=programme.teachers_needed(pupils) or 1,
            special_needs="两名学生使用轮椅。" if n == 1 else "",
            status=status,
            status_note={
                BookingStatus.DECLINED: "当天车间检修，请改约其他日期。",
                BookingStatus.CANCELLED: "学校活动调整。",
            }.get(status, ""),
            created_at=requested_at,
            expires_at=min(requested_at + datetime.timedelta(days=3), slot.start),
            answered_at=requested_at + datetime.timedelta(days=1)
            if status not in (BookingStatus.REQUESTED, BookingStatus.EXPIRED)
            else None,
            **{f"pupils_{band}": pupils},
        )
        BookingEvent.objects.create(booking=booking, at=requested_at, actor="organiser", to_status="requested")
        if status != BookingStatus.REQUESTED:
            BookingEvent.objects.create(
                booking=booking,
                at=booking.answered_at or booking.expires_at,
                actor="system" if status == BookingStatus.EXPIRED else "staff",
                from_status=BookingStatus.REQUESTED,
                to_status=status,
                note="demo",
            )
        made += 1
    return made


def load(stdout=None):
    today = timezone.localdate()
    with transaction.atomic():
        for index, spec in enumerate(PROGRAMMES):
            site = _site(spec)
            if site is None:
                _say(stdout, f"Study tours: site {spec['site']} not found, {spec['slug']} skipped.")
                continue
            programme = _programme(spec, site)
            slots = _season(programme, spec, today)
            bookings = _bookings(programme, spec, index, today)
            _say(stdout, f"Study tours: {programme.slug}: {slots} new slots, {bookings} new demo bookings.")
