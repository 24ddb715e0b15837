"""Demo events: every event named in DOMAIN.md, on illustrative dates from December 2026 through 2027.

`load()` is idempotent: events are keyed on their slug, their dates are replaced, photos already generated are kept.
Venues link to the demo sites (sites/demo_data.py) when those exist, and fall back to a named place.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.choices import AUDIENCE_FIELDS, Audience
from events.models import Event, EventPhoto, Occurrence
from events.services import series_starts
from sites.models import Site

NOTE_ZH = "（示例数据：日期、票价与场地为演示用途，以主办方公布为准。）"
NOTE_EN = "(Demo data: the dates, prices and venue are illustrative; the organisers announce the real ones.)"

EVERY_DAY = range(7)

EVENTS = [
    {
        "slug": "chang-ba",
        "title_zh": "厂BA株洲工厂篮球联赛",
        "title_en": "Factory Basketball League (“Chang BA”)",
        "kind": "sports",
        "summary_zh": (
            "每年夏天株洲各工厂的职工篮球队同场竞技，场边有工业旅游市集、“硬核株洲”时光隧道、音乐、美食和啤酒。"
        ),
        "summary_en": (
            "Each summer the works teams of Zhuzhou's factories play it out, with an industrial tourism fair, the "
            "“Hard-core Zhuzhou” time tunnel, music, food and beer around the court."
        ),
        "description_zh": (
            "“厂BA”是株洲的工厂篮球联赛，由各企业的职工球队参赛。2023年两个月的赛期吸引了约400万人次，"
            "带动消费约4亿元。\n\n"
            "比赛日的晚上，场馆周边同时举办工业旅游市集和“硬核株洲”时光隧道展览，还有音乐演出、美食和啤酒。"
        ),
        "description_en": (
            "“Chang BA” is Zhuzhou's factory basketball league, played by the works teams of the city's companies. "
            "In 2023 its two months of games drew some 4 million visits and about 400 million yuan of spending.\n\n"
            "On match evenings an industrial tourism fair and the “Hard-core Zhuzhou” time tunnel exhibition run "
            "beside the arena, with live music, food and beer."
        ),
        "venue": {
            "venue_name_zh": "厂BA主赛场",
            "venue_name_en": "Chang BA main court",
            "address_zh": "株洲市天元区（以主办方公布为准）",
            "address_en": "Tianyuan District, Zhuzhou (as announced by the organisers)",
            "district": "tianyuan",
            "latitude": "27.826000",
            "longitude": "113.083000",
        },
        "organiser_zh": "株洲市总工会等（示意）",
        "organiser_en": "Zhuzhou Federation of Trade Unions and partners (illustrative)",
        "audiences": ("family", "general"),
        "admission_note_zh": "免费观赛，决赛等热门场次需线上领票。",
        "admission_note_en": "Free to watch; popular games such as the final need a free online ticket.",
        "photo": (
            "works",
            "示意图：夜色中的工厂与灯光（演示占位图）",
            "Illustration: a works lit up at night (demo placeholder)",
        ),
        "series": [
            {"first": "2027-07-02", "last": "2027-08-28", "weekdays": (4, 5), "times": ("19:30", "21:30")},
        ],
        "dates": [("2027-08-29T19:30", "2027-08-29T22:00", "总决赛", "Final")],
    },
    {
        "slug": "liling-chaofen-jie",
        "title_zh": "醴陵炒粉节",
        "title_en": "Liling Fried Rice Noodle Festival",
        "kind": "festival",
        "summary_zh": "醴陵炒粉的美食节：现场炒制、摊位品尝和厨艺比拼。",
        "summary_en": "A festival of Liling's fried rice noodles: cooking on the spot, stalls to taste and a cook-off.",
        "description_zh": "醴陵炒粉是当地人的日常美食。炒粉节期间，街头摊位现场炒制，可以顺路游览中国陶瓷谷和醴陵窑。",
        "description_en": (
            "Fried rice noodles are Liling's everyday dish. During the festival stalls cook them in the street; "
            "combine it with China Ceramic Valley and the Liling kiln site."
        ),
        "venue": {
            "venue_name_zh": "醴陵市区美食街区",
            "venue_name_en": "Food streets, central Liling",
            "address_zh": "湖南省株洲市醴陵市城区",
            "address_en": "Central Liling, Zhuzhou, Hunan",
            "district": "liling",
            "latitude": "27.646000",
            "longitude": "113.497000",
        },
        "organiser_zh": "醴陵市（示意）",
        "organiser_en": "Liling City (illustrative)",
        "audiences": ("family", "senior", "general"),
        "admission_note_zh": "入场免费，餐食自费。",
        "admission_note_en": "Free entry; you pay for what you eat.",
        "photo": ("square", "示意图：城市广场与人群（演示占位图）", "Illustration: a city square (demo placeholder)"),
        "series": [{"first": "2027-10-01", "last": "2027-10-03", "weekdays": EVERY_DAY, "times": ("10:00", "21:00")}],
    },
    {
        "slug": "hangkong-jianianhua",
        "title_zh": "芦淞航空嘉年华",
        "title_en": "Lusong Aviation Carnival",
        "kind": "carnival",
        "site": "lusong-hangkong-xiaozhen",
        "venue": {
            "venue_name_zh": "芦淞航空小镇",
            "venue_name_en": "Lusong Aviation Town",
            "district": "lusong",
            "latitude": "27.800000",
            "longitude": "113.170000",
        },
        "summary_zh": "飞行表演、通用航空器静态展示、低空观光体验和亲子航空科普。",
        "summary_en": (
            "Flying displays, general-aviation aircraft on show, low-altitude sightseeing "
            "and aviation science for children."
        ),
        "description_zh": (
            "芦淞航空小镇是国家工业旅游示范基地，集中了中小型航空发动机研发和通用航空制造企业。"
            "嘉年华期间有飞行表演和航空器展示，可预约低空观光飞行。"
        ),
        "description_en": (
            "Lusong Aviation Town, a national industrial tourism demonstration base, gathers makers of small and "
            "medium aero-engines and general aviation. The carnival brings flying displays and aircraft on show; "
            "low-altitude sightseeing flights can be booked."
        ),
        "organiser_zh": "芦淞区（示意）",
        "organiser_en": "Lusong District (illustrative)",
        "audiences": ("study", "family", "general"),
        "admission_price": "60",
        "admission_note_zh": "门票60元起；低空观光飞行另行购票。",
        "admission_note_en": "Tickets from 60 yuan; sightseeing flights are extra.",
        "booking_required": True,
        "photo": (
            "aviation",
            "示意图：机库与飞机剪影（演示占位图）",
            "Illustration: a hangar and an aircraft (demo placeholder)",
        ),
        "series": [{"first": "2027-09-18", "last": "2027-09-19", "weekdays": EVERY_DAY, "times": ("09:00", "17:30")}],
    },
    {
        "slug": "guocai-liling-yanchu",
        "title_zh": "《国彩醴陵》陶瓷文化烟花实景演出",
        "title_en": "“Guocai Liling” ceramics and fireworks show",
        "kind": "show",
        "site": "guocai-liling",
        "venue": {
            "venue_name_zh": "《国彩醴陵》演出景区",
            "venue_name_en": "“Guocai Liling” show grounds",
            "district": "liling",
            "latitude": "27.660000",
            "longitude": "113.510000",
        },
        "summary_zh": "把醴陵的陶瓷文化和烟花结合在一起的夜间实景演出，定期上演。",
        "summary_en": (
            "An open-air night show that brings together Liling's ceramics culture and its fireworks; on regularly."
        ),
        "description_zh": (
            "醴陵是瓷城，也是烟花之乡。《国彩醴陵》在景区实景上演，用灯光、烟花和陶瓷故事讲述这座城市。"
            "冬季每周六演出一场，春节期间暂停；四月起每周五、周六各一场。"
        ),
        "description_en": (
            "Liling is a city of porcelain and of fireworks. “Guocai Liling” is staged outdoors at the scenic area, "
            "telling the city's story with light, fireworks and ceramics. In winter there is a show every Saturday "
            "(none at the Spring Festival); from April on Fridays and Saturdays."
        ),
        "organiser_zh": "演出景区运营方（示意）",
        "organiser_en": "The scenic area's operator (illustrative)",
        "audiences": ("family", "senior", "general"),
        "admission_price": "98",
        "admission_note_zh": "门票98元起，儿童优惠以现场公布为准。",
        "admission_note_en": "Tickets from 98 yuan; reductions for children as announced on site.",
        "booking_required": True,
        "photo": (
            "fireworks",
            "示意图：夜空中的烟花（演示占位图）",
            "Illustration: fireworks in the night sky (demo placeholder)",
        ),
        "series": [
            {"first": "2026-12-05", "last": "2027-02-27", "weekdays": (5,), "times": ("19:30", "20:40")},
            {"first": "2027-04-02", "last": "2027-10-30", "weekdays": (4, 5), "times": ("20:00", "21:10")},
        ],
        "cancelled": [("2027-02-06T19:30", "春节暂停演出", "No show at the Spring Festival")],
    },
    {
        "slug": "ci-bo-hui",
        "title_zh": "中国醴陵国际陶瓷博览会（瓷博会）",
        "title_en": "China Liling International Ceramics Expo",
        "kind": "expo",
        "site": "zhongguo-taoci-gu",
        "venue": {
            "venue_name_zh": "中国陶瓷谷",
            "venue_name_en": "China Ceramic Valley",
            "district": "liling",
            "latitude": "27.670000",
            "longitude": "113.520000",
        },
        "summary_zh": "日用瓷、艺术瓷和电瓷的展会，同期有捡瓷、拉坯体验和窑口参观。跟着展会去旅游。",
        "summary_en": (
            "Tableware, art porcelain and electrical porcelain on show, with porcelain picking, wheel throwing "
            "and kiln visits alongside. Follow the expo to travel."
        ),
        "description_zh": "瓷博会在中国陶瓷谷举办。展会期间可以顺路参加醴陵捡瓷活动、参观醴陵窑遗址和陶瓷博物馆。",
        "description_en": (
            "The ceramics expo is held at China Ceramic Valley. Combine it with porcelain picking, the Liling kiln "
            "site and the ceramics museums."
        ),
        "organiser_zh": "醴陵市（示意）",
        "organiser_en": "Liling City (illustrative)",
        "audiences": ("study", "family", "senior", "general"),
        "photo": (
            "ceramics",
            "示意图：窑炉与瓷器（演示占位图）",
            "Illustration: kilns and porcelain (demo placeholder)",
        ),
        "series": [{"first": "2027-10-15", "last": "2027-10-19", "weekdays": EVERY_DAY, "times": ("09:00", "17:00")}],
    },
    {
        "slug": "hang-bo-hui",
        "title_zh": "株洲航空产业博览会（航博会）",
        "title_en": "Zhuzhou Aviation Expo",
        "kind": "expo",
        "site": "lusong-hangkong-xiaozhen",
        "venue": {
            "venue_name_zh": "芦淞航空小镇",
            "venue_name_en": "Lusong Aviation Town",
            "district": "lusong",
            "latitude": "27.800000",
            "longitude": "113.170000",
        },
        "summary_zh": "航空发动机、通用飞机和低空经济的展会，紧接航空嘉年华。",
        "summary_en": (
            "Aero-engines, general aviation and the low-altitude economy on show, just before the aviation carnival."
        ),
        "description_zh": "航博会展示株洲的中小型航空发动机和通用航空制造。公众日可参观展馆和航空器静态展示。",
        "description_en": (
            "The aviation expo shows Zhuzhou's small and medium aero-engines and general-aviation manufacturing. "
            "On the public day visitors can tour the halls and the aircraft on display."
        ),
        "organiser_zh": "株洲市（示意）",
        "organiser_en": "Zhuzhou City (illustrative)",
        "audiences": ("study", "general"),
        "booking_required": True,
        "photo": ("aviation", "示意图：航空展馆（演示占位图）", "Illustration: an aviation hall (demo placeholder)"),
        "dates": [
            ("2027-09-16T09:00", "2027-09-16T17:00", "专业观众日", "Trade day"),
            ("2027-09-17T09:00", "2027-09-17T17:00", "公众日", "Public day"),
        ],
    },
    {
        "slug": "fu-bo-hui",
        "title_zh": "株洲服装博览会（服博会）",
        "title_en": "Zhuzhou Apparel Expo",
        "kind": "expo",
        "site": "lusong-fushi-shichang-qun",
        "venue": {
            "venue_name_zh": "芦淞服饰市场群",
            "venue_name_en": "Lusong garment market cluster",
            "district": "lusong",
            "latitude": "27.830000",
            "longitude": "113.140000",
        },
        "summary_zh": "芦淞服饰市场群的服装展会：新品发布、走秀和市场购物。",
        "summary_en": "The Lusong garment markets' fair: new collections, catwalk shows and shopping.",
        "description_zh": "芦淞服饰市场群是株洲的购物旅游目的地。服博会期间有走秀和新品发布，可顺路逛市场。",
        "description_en": (
            "The Lusong garment market cluster is Zhuzhou's shopping destination. During the expo there are catwalk "
            "shows and launches; the markets are next door."
        ),
        "organiser_zh": "芦淞区（示意）",
        "organiser_en": "Lusong District (illustrative)",
        "audiences": ("general", "senior"),
        "photo": ("apparel", "示意图：服装市场（演示占位图）", "Illustration: a garment market (demo placeholder)"),
        "series": [{"first": "2027-11-05", "last": "2027-11-07", "weekdays": EVERY_DAY, "times": ("09:30", "18:00")}],
    },
    {
        "slug": "gui-bo-hui",
        "title_zh": "中国国际轨道交通和装备制造产业博览会（轨博会）",
        "title_en": "China International Rail Transit and Equipment Manufacturing Expo",
        "kind": "expo",
        "venue": {
            "venue_name_zh": "轨博会主展馆",
            "venue_name_en": "Rail expo main halls",
            "address_zh": "株洲市天元区（以主办方公布为准）",
            "address_en": "Tianyuan District, Zhuzhou (as announced by the organisers)",
            "district": "tianyuan",
            "latitude": "27.835000",
            "longitude": "113.095000",
        },
        "summary_zh": "轨道交通装备的大型展会，两个公众开放日对市民和游客开放。",
        "summary_en": "The great rail transit equipment expo; two public open days welcome residents and visitors.",
        "description_zh": (
            "株洲是“火车拉来的城市”，也是中国电力机车之都。轨博会展示机车、城轨车辆和核心部件。"
            "以往的两个公众开放日吸引了约40万人次。开放日可顺路参观中车株机和火车头广场。"
        ),
        "description_en": (
            "Zhuzhou is “the city the train pulled in” and China's electric-locomotive capital. The rail expo shows "
            "locomotives, metro trains and their key parts. Two public open days have drawn some 400,000 visitors. "
            "Combine them with CRRC Zhuzhou and Locomotive Square."
        ),
        "organiser_zh": "主办单位（示意）",
        "organiser_en": "The organisers (illustrative)",
        "audiences": ("study", "family", "senior", "general"),
        "booking_required": True,
        "admission_note_zh": "公众开放日免费，须实名预约。",
        "admission_note_en": "Free on the public open days, with a named booking.",
        "photo": (
            "rail",
            "示意图：展馆中的电力机车（演示占位图）",
            "Illustration: a locomotive in a hall (demo placeholder)",
        ),
        "dates": [
            ("2027-08-28T09:00", "2027-08-28T17:00", "公众开放日", "Public open day"),
            ("2027-08-29T09:00", "2027-08-29T17:00", "公众开放日", "Public open day"),
        ],
    },
    {
        "slug": "beidou-fenghui",
        "title_zh": "北斗规模应用国际峰会（北斗峰会）",
        "title_en": "BeiDou Applications International Summit",
        "kind": "conference",
        "venue": {
            "venue_name_zh": "北斗峰会会场",
            "venue_name_en": "BeiDou Summit venue",
            "address_zh": "株洲市（以主办方公布为准）",
            "address_en": "Zhuzhou (as announced by the organisers)",
            "district": "tianyuan",
            "latitude": "27.830000",
            "longitude": "113.090000",
        },
        "summary_zh": "北斗卫星导航应用的峰会和展览，展区设公众参观时段。",
        "summary_en": "A summit and exhibition on BeiDou satellite navigation, with public hours in the exhibition.",
        "description_zh": "峰会期间的成果展有北斗导航在交通、农业和城市管理中的应用，适合大学生和研学团队参观。",
        "description_en": (
            "The summit's exhibition shows BeiDou navigation at work in transport, farming and city management; "
            "suited to university students and study groups."
        ),
        "organiser_zh": "主办单位（示意）",
        "organiser_en": "The organisers (illustrative)",
        "audiences": ("study", "general"),
        "booking_required": True,
        "photo": ("creative", "示意图：会展中心（演示占位图）", "Illustration: a conference centre (demo placeholder)"),
        "series": [{"first": "2027-06-10", "last": "2027-06-11", "weekdays": EVERY_DAY, "times": ("09:00", "17:30")}],
    },
]


def load(stdout=None):
    """Create or update the demo events; returns {slug: Event}."""
    with transaction.atomic():
        events = {item["slug"]: _load_event(item) for item in EVENTS}
    if stdout:
        dates = Occurrence.objects.filter(event__in=events.values()).count()
        stdout.write(f"Demo events loaded: {len(events)} events, {dates} dates.")
    return events


def _load_event(item):
    site = Site.objects.filter(slug=item["site"]).first() if item.get("site") else None
    price = item.get("admission_price")
    fields = {
        "title_zh": item["title_zh"],
        "title_en": item["title_en"],
        "kind": item["kind"],
        "summary_zh": item["summary_zh"],
        "summary_en": item["summary_en"],
        "description_zh": f"{item['description_zh']}\n\n{NOTE_ZH}",
        "description_en": f"{item['description_en']}\n\n{NOTE_EN}",
        "organiser_zh": item.get("organiser_zh", ""),
        "organiser_en": item.get("organiser_en", ""),
        "admission_free": price is None,
        "admission_price": Decimal(price) if price else None,
        "admission_note_zh": item.get("admission_note_zh", ""),
        "admission_note_en": item.get("admission_note_en", ""),
        "booking_required": item.get("booking_required", False),
        "published": True,
        **_venue(item, site),
        **{field: audience in item["audiences"] for audience, field in _AUDIENCES.items()},
    }
    event, _created = Event.objects.update_or_create(slug=item["slug"], defaults=fields)
    _sync_dates(event, _occurrences(event, item))
    _photo(event, item)
    return event


_AUDIENCES = {Audience(audience).value: field for audience, field in AUDIENCE_FIELDS.items()}


def _venue(item, site):
    venue = item["venue"]
    if site:
        blank = dict.fromkeys(("venue_name_zh", "venue_name_en", "address_zh", "address_en", "district"), "")
        return {**blank, "site": site, "latitude": None, "longitude": None}
    return {
        "site": None,
        "venue_name_zh": venue["venue_name_zh"],
        "venue_name_en": venue["venue_name_en"],
        "address_zh": venue.get("address_zh", ""),
        "address_en": venue.get("address_en", ""),
        "district": venue["district"],
        "latitude": Decimal(venue["latitude"]),
        "longitude": Decimal(venue["longitude"]),
        "coordinates_approximate": True,
    }


def _occurrences(event, item):
    rows = {}
    for series in item.get("series", []):
        starts, ends = (datetime.time.fromisoformat(value) for value in series["times"])
        times = series_starts(
            first_day=datetime.date.fromisoformat(series["first"]),
            last_day=datetime.date.fromisoformat(series["last"]),
            weekdays=series["weekdays"],
            starts=starts,
            ends=ends,
        )
        for start, end in times:
            rows[start] = Occurrence(event=event, starts_at=start, ends_at=end)
    for start, end, note_zh, note_en in item.get("dates", []):
        start = _local(start)
        rows[start] = Occurrence(event=event, starts_at=start, ends_at=_local(end), note_zh=note_zh, note_en=note_en)
    for start, note_zh, note_en in item.get("cancelled", []):
        occurrence = rows[_local(start)]
        occurrence.cancelled, occurrence.note_zh, occurrence.note_en = True, note_zh, note_en
    return sorted(rows.values(), key=lambda occurrence: occurrence.starts_at)


def _sync_dates(event, wanted):
    """Keep the rows of dates that stay, so calendar subscribers see the same UIDs after a reload."""
    existing = {occurrence.starts_at: occurrence for occurrence in event.occurrences.all()}
    wanted_starts = {occurrence.starts_at for occurrence in wanted}
    event.occurrences.exclude(starts_at__in=wanted_starts).delete()
    fields = ["ends_at", "cancelled", "note_zh", "note_en"]
    for occurrence in wanted:
        if occurrence.starts_at in existing:
            occurrence.pk = existing[occurrence.starts_at].pk
    Occurrence.objects.bulk_update([o for o in wanted if o.pk], fields)
    Occurrence.objects.bulk_create([o for o in wanted if not o.pk])


def _local(value):
    return timezone.make_aware(datetime.datetime.fromisoformat(value), timezone.get_default_timezone())


def _photo(event, item):
    """One generated placeholder per event; skipped when the placeholder generator is not installed."""
    try:
        from demo.placeholders import industrial_placeholder
    except ImportError:
        return
    kind, alt_zh, alt_en = item["photo"]
    texts = {"alt_zh": alt_zh, "alt_en": alt_en, "caption_zh": "", "caption_en": ""}
    photo = EventPhoto.objects.filter(event=event, position=0).first()
    if photo and photo.image and photo.image.storage.exists(photo.image.name):
        EventPhoto.objects.filter(pk=photo.pk).update(**texts)
        return
    photo = photo or EventPhoto(event=event, position=0)
    for key, value in texts.items():
        setattr(photo, key, value)
    seed = f"event-{item['slug']}"
    photo.image.save(f"{seed}.jpg", ContentFile(industrial_placeholder(seed, kind)), save=False)
    photo.save()
