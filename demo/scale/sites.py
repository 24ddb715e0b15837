"""Scale data for sites and heritage: realistic spread, made with bulk_create.

Rows are marked by a `scale-` slug prefix so `generate_scale_data --reset` removes exactly them.
"""

import datetime
from decimal import Decimal

from core.choices import District, Industry
from sites.models import (
    DemonstrationLevel,
    HeritageAsset,
    HeritageLevel,
    HeritagePhoto,
    HeritageState,
    OpeningException,
    OpeningPeriod,
    Site,
    SitePhoto,
)

PREFIX = "scale-"
BATCH = 2000

# Where the districts are, roughly (WGS-84), and how many places each tends to have.
DISTRICT_CENTRES = {
    District.HETANG: (27.86, 113.17, 3),
    District.LUSONG: (27.80, 113.15, 3),
    District.SHIFENG: (27.88, 113.12, 4),
    District.TIANYUAN: (27.79, 113.08, 3),
    District.LUKOU: (27.65, 113.14, 2),
    District.LILING: (27.65, 113.50, 4),
    District.YOUXIAN: (27.00, 113.35, 2),
    District.CHALING: (26.79, 113.54, 1),
    District.YANLING: (26.49, 113.77, 1),
}
INDUSTRY_WORDS = {
    Industry.RAIL: ("机车", "轨道交通", "Locomotive", "rail transit"),
    Industry.AVIATION: ("航空", "通用航空", "Aviation", "general aviation"),
    Industry.CERAMICS: ("陶瓷", "瓷器", "Ceramics", "porcelain"),
    Industry.FIREWORKS: ("烟花", "花炮", "Fireworks", "fireworks"),
    Industry.MOTORSPORT: ("赛车", "汽车运动", "Racing", "motorsport"),
    Industry.APPAREL: ("服饰", "服装", "Apparel", "garments"),
    Industry.CHEMICALS: ("化工", "化学工业", "Chemical", "chemicals"),
    Industry.TEXTILES: ("纺织", "麻纺", "Textile", "textiles"),
    Industry.METALLURGY: ("冶炼", "硬质合金", "Metallurgy", "cemented carbide"),
    Industry.CREATIVE: ("文创", "工业设计", "Creative", "industrial design"),
}
KINDS_ZH = ["工业园", "博物馆", "体验馆", "厂区", "展示中心", "文创街区", "研学基地", "工业遗址公园"]
KINDS_EN = [
    "Industrial Park",
    "Museum",
    "Experience Hall",
    "Works",
    "Showroom",
    "Creative Quarter",
    "Study Base",
    "Heritage Park",
]
LEVEL_WEIGHTS = [
    (DemonstrationLevel.NATIONAL, 1),
    (DemonstrationLevel.PROVINCIAL, 4),
    (DemonstrationLevel.MUNICIPAL, 15),
    (DemonstrationLevel.NONE, 80),
]


def _weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _point(rng, district):
    lat, lng, _weight = DISTRICT_CENTRES[district]
    return Decimal(f"{lat + rng.uniform(-0.12, 0.12):.6f}"), Decimal(f"{lng + rng.uniform(-0.12, 0.12):.6f}")


def _district(rng):
    return _weighted(rng, [(d, w) for d, (_, _, w) in DISTRICT_CENTRES.items()])


def _site(rng, n):
    industry = rng.choice(list(Industry))
    district = _district(rng)
    word_zh, topic_zh, word_en, topic_en = INDUSTRY_WORDS[industry]
    kind = rng.randrange(len(KINDS_ZH))
    level = _weighted(rng, LEVEL_WEIGHTS)
    lat, lng = _point(rng, district)
    free = rng.random() < 0.6
    name_zh = f"{District(district).label}{word_zh}{KINDS_ZH[kind]}{n}号"
    return Site(
        name_zh=f"{word_zh}{KINDS_ZH[kind]}{n}号",
        name_en=f"{word_en} {KINDS_EN[kind]} No. {n}",
        slug=f"{PREFIX}site-{n}",
        summary_zh=f"株洲{topic_zh}主题的工业旅游点，可参观生产线与展陈（规模测试数据）。",
        summary_en=f"An industrial tourism site about {topic_en}: production lines and exhibits (scale test data).",
        description_zh=f"{name_zh}展示{topic_zh}的工艺与历史。\n\n游客可以参观车间、展厅并参加体验活动。",
        description_en=f"Shows the processes and history of {topic_en}.\n\nVisitors see workshops and exhibits.",
        industry=industry,
        district=district,
        address_zh=f"株洲市{District(district).label}工业大道{n}号",
        address_en=f"No. {n} Industrial Avenue, {District(district).label}",
        latitude=lat,
        longitude=lng,
        coordinates_approximate=True,
        level=level,
        level_year=None if level == DemonstrationLevel.NONE else rng.randint(2016, 2025),
        admission_free=free,
        admission_price=None if free else Decimal(rng.choice([20, 30, 40, 60, 80, 120])),
        booking_required=rng.random() < 0.3,
        for_study_tours=rng.random() < 0.5,
        for_families=rng.random() < 0.5,
        for_seniors=rng.random() < 0.3,
        for_general=rng.random() < 0.9,
        featured=rng.random() < 0.001,
        published=rng.random() < 0.95,
    )


def _periods(rng, site):
    pattern = rng.choice(["daily", "weekdays", "closed_monday"])
    days = {"daily": range(7), "weekdays": range(5), "closed_monday": range(1, 7)}[pattern]
    split = rng.random() < 0.4
    for day in days:
        if split:
            yield OpeningPeriod(site=site, weekday=day, opens=datetime.time(9), closes=datetime.time(11, 30))
            yield OpeningPeriod(site=site, weekday=day, opens=datetime.time(14), closes=datetime.time(17))
        else:
            yield OpeningPeriod(site=site, weekday=day, opens=datetime.time(9), closes=datetime.time(17, 30))


def _heritage(rng, n, site_ids):
    district = _district(rng)
    industry = rng.choice(list(Industry))
    word_zh, _topic_zh, word_en, _topic_en = INDUSTRY_WORDS[industry]
    lat, lng = _point(rng, district)
    built_from = rng.randint(1936, 1990)
    return HeritageAsset(
        name_zh=f"{word_zh}老厂房{n}号",
        name_en=f"Old {word_en} Works Building No. {n}",
        slug=f"{PREFIX}heritage-{n}",
        level=_weighted(
            rng, [(HeritageLevel.NATIONAL, 1), (HeritageLevel.PROVINCIAL, 5), (HeritageLevel.MUNICIPAL, 94)]
        ),
        year_listed=rng.randint(2018, 2025),
        built_from=built_from,
        built_to=built_from + rng.randint(0, 20),
        original_use_zh=f"{word_zh}生产车间",
        original_use_en=f"{word_en} production hall",
        current_use_zh=rng.choice(["展览馆", "文创空间", "仍在生产", "待修缮"]),
        current_use_en=rng.choice(["Exhibition hall", "Creative space", "Still in production", "Awaiting repair"]),
        state=rng.choice(list(HeritageState)),
        summary_zh=f"建于{built_from}年的{word_zh}工业建筑（规模测试数据）。",
        summary_en=f"An industrial building from {built_from} (scale test data).",
        description_zh="见证株洲工业发展的建筑。",
        description_en="A building that saw Zhuzhou's industry grow.",
        district=district,
        latitude=lat,
        longitude=lng,
        coordinates_approximate=True,
        site_id=rng.choice(site_ids) if site_ids and rng.random() < 0.3 else None,
        published=rng.random() < 0.95,
    )


def generate(*, sites, heritage, rng, photos, stdout):
    """Create `sites` sites (with hours, exceptions, photos) and `heritage` assets. `photos` are stored
    image names with their (width, height), shared by the rows."""
    Site.objects.bulk_create((_site(rng, n) for n in range(1, sites + 1)), batch_size=BATCH)
    created = list(Site.objects.filter(slug__startswith=PREFIX).only("pk"))
    OpeningPeriod.objects.bulk_create((p for s in created for p in _periods(rng, s)), batch_size=BATCH)
    holiday = datetime.date(2027, 1, 1)
    OpeningException.objects.bulk_create(
        (
            OpeningException(site=s, date=holiday, closed=True, note_zh="元旦闭馆", note_en="New Year closure")
            for s in created
            if rng.random() < 0.3
        ),
        batch_size=BATCH,
    )
    SitePhoto.objects.bulk_create(
        (
            SitePhoto(
                site=s,
                image=name,
                width=w,
                height=h,
                alt_zh="工业旅游点示意图（占位图）",
                alt_en="Illustration of an industrial site (placeholder)",
                position=i,
            )
            for s in created
            for i, (name, w, h) in enumerate(rng.sample(photos, k=min(2, len(photos))))
        ),
        batch_size=BATCH,
    )
    site_ids = [s.pk for s in created]
    HeritageAsset.objects.bulk_create((_heritage(rng, n, site_ids) for n in range(1, heritage + 1)), batch_size=BATCH)
    assets = HeritageAsset.objects.filter(slug__startswith=PREFIX).only("pk")
    HeritagePhoto.objects.bulk_create(
        (
            HeritagePhoto(
                asset=a,
                image=name,
                width=w,
                height=h,
                alt_zh="工业遗产示意图（占位图）",
                alt_en="Illustration of industrial heritage (placeholder)",
            )
            for a in assets
            for (name, w, h) in [rng.choice(photos)]
        ),
        batch_size=BATCH,
    )
    stdout.write(f"sites: {sites} sites, {heritage} heritage assets")


def delete_fast(queryset):
    """Delete rows in one statement, without loading them or sending a signal per row (each signal would bump
    the page-cache version). Only for rows nothing else points to: callers delete children first."""
    return queryset._raw_delete(queryset.db)


def reset():
    sites = Site.objects.filter(slug__startswith=PREFIX)
    assets = HeritageAsset.objects.filter(slug__startswith=PREFIX)
    delete_fast(HeritagePhoto.objects.filter(asset__in=assets))
    for model in (OpeningPeriod, OpeningException, SitePhoto):
        delete_fast(model.objects.filter(site__in=sites))
    assets.delete()
    sites.delete()


def exists():
    return Site.objects.filter(slug__startswith=PREFIX).exists()
