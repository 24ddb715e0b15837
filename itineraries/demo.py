"""Demo themed routes for `manage.py load_demo_data`, run after the sites and events loaders.

The five route names were launched in 2024 (DOMAIN.md); the stops, their order, visit lengths and directions are
our suggestions, and every description says so. Places are found by slug; a place that is missing is skipped.
"""

from django.db import transaction

from events.models import Event
from itineraries.models import Itinerary, Stop
from sites.models import HeritageAsset, Site

NOTE_ZH = "（示例数据：站点顺序、停留时间与交通方式为建议，出发前请核实各点开放时间与预约要求。）"
NOTE_EN = (
    "(Demo data: the order of the stops, visit lengths and transport are suggestions; check each place's opening "
    "hours and booking rules before you set off.)"
)
TAXI_CITY_ZH = "市区内打车或网约车最方便；公交线路请以地图应用的实时查询为准。"
TAXI_CITY_EN = "A taxi or ride-hailing car is easiest in town; check current bus routes in a map app."

MODELS = {"site": Site, "heritage": HeritageAsset, "event": Event}


def stop(kind, slug, minutes, note=("", ""), to_next=None):
    """A stop: `to_next` is (mode, minutes, directions_zh, directions_en) for the way to the following stop."""
    return {"kind": kind, "slug": slug, "minutes": minutes, "note": note, "to_next": to_next}


ROUTES = [
    {
        "slug": "da-guo-zhong-qi-zhi-lv",
        "title_zh": "大国重器之旅",
        "title_en": "Pillars of the Nation",
        "theme": "heavy_industry",
        "audiences": ("family", "study", "general"),
        "featured": True,
        "event": "gui-bo-hui",
        "summary_zh": "走进中国第一台电力机车诞生的总装厂房，再看动力谷和航空小镇：两天读懂“火车拉来的城市”。",
        "summary_en": (
            "Stand in the hall where China's first electric locomotive was built, then see the Power Valley and the "
            "aviation town: two days in the city the train pulled in."
        ),
        "description_zh": (
            "株洲是新中国最早布局的八个重点工业城市之一，被称为“中国电力机车之都”。第一天在田心的中车株机，"
            "看机车在1936年建成的粤汉铁路总机厂联合厂房里总装，傍晚到湘江西岸的火车头广场。"
            "第二天在中国动力谷展示中心了解轨道交通、航空和新材料三大产业，下午去芦淞航空小镇看通用飞机。"
        ),
        "description_en": (
            "Zhuzhou was one of the eight key industrial cities of the PRC's first years and calls itself the capital "
            "of China's electric locomotives. Day one is at CRRC Zhuzhou Electric Locomotive in Tianxin, where "
            "locomotives are still assembled in the 1936 joint workshop of the Canton–Hankou railway works; in the "
            "evening walk Locomotive Square on the west bank of the Xiang. Day two starts at the China Power Valley "
            "exhibition centre (rail, aviation and new materials) and ends among the light aircraft of Lusong "
            "Aviation Town."
        ),
        "tips_zh": "参观生产区需提前预约并携带身份证件，穿平底封闭式鞋。轨博会公众开放日前后人多，请尽早预约。",
        "tips_en": (
            "Factory visits need booking ahead and an ID card; wear flat, closed shoes. Around the rail expo's "
            "public open days book early."
        ),
        "days": [
            [
                stop(
                    "site",
                    "zhongche-zhuji",
                    150,
                    ("看电力机车总装线和科普展馆。", "Watch the locomotive assembly line and visit the science hall."),
                    ("walk", 5, "在厂区内随讲解员步行前往。", "Walk there with your guide inside the works."),
                ),
                stop(
                    "heritage",
                    "yuehan-tielu-zhuzhou-zongjichang-lianhe-changfang",
                    45,
                    (
                        "中国第一台电力机车在这座厂房里诞生。",
                        "The hall where China's first electric locomotive was built.",
                    ),
                    ("taxi", 25, "打车前往湘江西岸的火车头广场。", "Take a taxi to Locomotive Square by the river."),
                ),
                stop(
                    "site",
                    "huochetou-guangchang",
                    45,
                    ("傍晚在广场看展示的机车，沿江散步。", "See the locomotive on display and stroll by the river."),
                    ("taxi", 20, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
            ],
            [
                stop(
                    "site",
                    "zhongguo-dongli-gu-zhanshi-zhongxin",
                    120,
                    ("了解轨道交通、航空和新材料产业。", "Rail, aviation and new materials in one exhibition."),
                    ("taxi", 25, "打车前往芦淞航空小镇。", "Take a taxi to Lusong Aviation Town."),
                ),
                stop(
                    "site",
                    "lusong-hangkong-xiaozhen",
                    180,
                    (
                        "看通用飞机，天气好时可体验低空观光。",
                        "See light aircraft; sightseeing flights in good weather.",
                    ),
                ),
            ],
        ],
    },
    {
        "slug": "qian-nian-ci-du-zhi-lv",
        "title_zh": "千年瓷都之旅",
        "title_en": "A Thousand Years of Porcelain",
        "theme": "ceramics",
        "audiences": ("family", "general"),
        "featured": True,
        "event": "ci-bo-hui",
        "summary_zh": "在醴陵住一晚：陶瓷谷、捡瓷、夜看《国彩醴陵》，第二天寻访醴陵窑遗址。",
        "summary_en": (
            "A night in Liling: China Ceramic Valley, picking porcelain, the 'Guocai Liling' show after dark and the "
            "old kiln site the next morning."
        ),
        "description_zh": (
            "醴陵以釉下五彩瓷闻名。第一天在中国陶瓷谷看陶瓷博物馆和窑炉，下午参加“捡瓷”，晚上看陶瓷文化烟花实景剧"
            "《国彩醴陵》。第二天上午去醴陵窑遗址，赶上炒粉节的话，中午去尝一碗醴陵炒粉。"
        ),
        "description_en": (
            "Liling is known for its underglaze multicolour porcelain. Day one: the museums and kilns of China "
            "Ceramic Valley, a porcelain-picking session in the afternoon and the ceramics-and-fireworks show "
            "'Guocai Liling' at night. Day two: the Liling kiln site, and if your trip falls on the festival, a plate "
            "of Liling fried rice noodles."
        ),
        "tips_zh": "醴陵距株洲市区约50公里，可乘高铁或大巴。《国彩醴陵》需购票，按演出日期安排住宿。",
        "tips_en": (
            "Liling is about 50 km from central Zhuzhou by high-speed train or coach. 'Guocai Liling' needs a ticket: "
            "plan your night around a show date."
        ),
        "days": [
            [
                stop(
                    "site",
                    "zhongguo-taoci-gu",
                    180,
                    ("陶瓷博物馆、窑炉与大师工作室。", "Ceramics museums, kilns and masters' studios."),
                    ("taxi", 10, "打车约10分钟。", "About ten minutes by taxi."),
                ),
                stop(
                    "site",
                    "liling-jian-ci",
                    120,
                    ("在“捡瓷”活动中挑选自己的瓷器。", "Pick your own pieces at a porcelain-picking session."),
                    ("taxi", 15, "晚饭后打车前往演出场地。", "After dinner take a taxi to the show."),
                ),
                stop("event", "guocai-liling-yanchu", 90, ("夜场演出，提前入场。", "An evening show; arrive early.")),
            ],
            [
                stop(
                    "site",
                    "liling-yao",
                    120,
                    ("看古窑址和出土瓷片。", "The old kiln site and the sherds found there."),
                    ("taxi", 15, "打车约15分钟到老城区。", "About 15 minutes by taxi to the old town."),
                ),
                stop(
                    "event",
                    "liling-chaofen-jie",
                    90,
                    ("节日期间品尝醴陵炒粉。", "Taste Liling fried rice noodles during the festival."),
                ),
            ],
        ],
    },
    {
        "slug": "su-du-ji-qing-zhi-lv",
        "title_zh": "速度激情之旅",
        "title_en": "Speed and Passion",
        "theme": "speed",
        "audiences": ("family", "general"),
        "featured": True,
        "event": "hangkong-jianianhua",
        "summary_zh": "一天里看飞机、看造飞机，再到株洲国际赛车场感受速度。",
        "summary_en": "In one day: aircraft, an aircraft factory and a lap of the Zhuzhou International Circuit.",
        "description_zh": (
            "上午在芦淞航空小镇看通用航空，顺路参观飞机制造企业山河星航；下午去株洲国际赛车场，"
            "观看比赛或参加赛道体验。航空嘉年华期间还有飞行表演。"
        ),
        "description_en": (
            "Morning at Lusong Aviation Town among light aircraft, with a visit to the aircraft maker Shanhe "
            "Xinghang; afternoon at the Zhuzhou International Circuit for a race or a track experience. During the "
            "aviation carnival there are flying displays too."
        ),
        "tips_zh": "赛道体验有年龄和身高要求，需提前预约。",
        "tips_en": "Track experiences have age and height limits and need booking.",
        "days": [
            [
                stop(
                    "site",
                    "lusong-hangkong-xiaozhen",
                    150,
                    ("看飞机起降，可预约低空观光。", "Watch take-offs; sightseeing flights can be booked."),
                    ("walk", 10, "在航空小镇内步行前往。", "A short walk within the aviation town."),
                ),
                stop(
                    "site",
                    "shanhe-xinghang",
                    90,
                    ("参观轻型飞机的生产。", "See how light aircraft are built."),
                    ("taxi", 30, "打车约30分钟到赛车场。", "About 30 minutes by taxi to the circuit."),
                ),
                stop(
                    "site",
                    "zhuzhou-guoji-saiche-chang",
                    180,
                    ("看比赛或参加赛道体验。", "Watch a race or try a track experience."),
                ),
            ],
        ],
    },
    {
        "slug": "li-shi-wen-hua-zhi-lv",
        "title_zh": "历史文化之旅",
        "title_en": "History and Culture",
        "theme": "history",
        "audiences": ("senior", "study", "general"),
        "featured": False,
        "event": None,
        "summary_zh": "从清水塘的老工业区到株麻1937：一天走过株洲工业的来路。",
        "summary_en": "From the old heavy-industry district of Qingshuitang to the Zhuma 1937 mill: a day of history.",
        "description_zh": (
            "清水塘曾是株洲的重化工业区，老厂关停后留下了工业遗址。上午看清水塘1956工业遗址和株化博物馆，"
            "下午到由麻纺厂改造的株麻1937文创园，傍晚在火车头广场结束。"
        ),
        "description_en": (
            "Qingshuitang was Zhuzhou's heavy and chemical industry district; its closed works are now industrial "
            "heritage. Morning at the Qingshuitang 1956 ruins and the Zhuzhou Chemical Plant museum, afternoon in the "
            "Zhuma 1937 creative park in a former hemp mill, and the evening at Locomotive Square."
        ),
        "tips_zh": "遗址区地面不平，请穿舒适的鞋，注意警示标志。",
        "tips_en": "The ruins have uneven ground: wear comfortable shoes and respect the warning signs.",
        "days": [
            [
                stop(
                    "site",
                    "qingshuitang-1956",
                    90,
                    ("老厂房、烟囱和修缮中的工业建筑。", "Old sheds, chimneys and buildings under repair."),
                    ("taxi", 10, "打车约10分钟到井墈社区。", "About ten minutes by taxi to Jingkan community."),
                ),
                stop(
                    "site",
                    "zhuhua-bowuguan",
                    90,
                    ("株洲化工厂六十年的故事。", "Sixty years of the Zhuzhou Chemical Plant."),
                    ("taxi", 25, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
                stop(
                    "site",
                    "zhuma-1937",
                    120,
                    ("老麻纺厂里的文创街区和咖啡馆。", "Shops, studios and cafés in the old hemp mill."),
                    ("taxi", 15, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
                stop("site", "huochetou-guangchang", 45, ("在江边看夜景。", "The riverside at dusk.")),
            ],
        ],
    },
    {
        "slug": "shi-shang-fu-shi-zhi-lv",
        "title_zh": "时尚服饰之旅",
        "title_en": "Fashion and Apparel",
        "theme": "fashion",
        "audiences": ("family", "general"),
        "featured": False,
        "event": "fu-bo-hui",
        "summary_zh": "逛芦淞服饰市场群，再去株麻1937看老纺织厂的新模样。",
        "summary_en": "Shop the Lusong garment markets, then see an old textile mill reborn at Zhuma 1937.",
        "description_zh": (
            "芦淞服饰市场群是中南地区重要的服装批发市场。上午逛市场，下午到株麻1937文创园，"
            "看看老纺织厂房的新用途，晚上到火车头广场散步。服博会期间还可以看新品发布。"
        ),
        "description_en": (
            "The Lusong garment market cluster is one of central China's big clothing wholesale markets. Shop in "
            "the morning, spend the afternoon in the Zhuma 1937 creative park in a former textile mill and end at "
            "Locomotive Square. During the apparel expo there are new-collection shows as well."
        ),
        "tips_zh": "市场以批发为主，上午人多货全；部分商户也零售。",
        "tips_en": "The markets are mainly wholesale and busiest in the morning; many stalls also sell single pieces.",
        "days": [
            [
                stop(
                    "site",
                    "lusong-fushi-shichang-qun",
                    240,
                    ("服装、面料和饰品市场。", "Markets for clothes, fabrics and accessories."),
                    ("taxi", 20, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
                stop(
                    "site",
                    "zhuma-1937",
                    120,
                    ("老纺织厂房里的设计小店。", "Design shops in the old mill sheds."),
                    ("taxi", 15, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
                stop("site", "huochetou-guangchang", 45, ("晚上沿江散步。", "An evening walk by the river.")),
            ],
        ],
    },
    {
        "slug": "zhi-zao-ming-cheng-yan-xue",
        "title_zh": "制造名城研学之旅",
        "title_en": "City of Manufacturing Study Tour",
        "theme": "study",
        "audiences": ("study",),
        "featured": False,
        "event": None,
        "summary_zh": "为中学和大学班级设计的一日研学：机车总装、产业展示和飞机制造。",
        "summary_en": (
            "A one-day study tour for secondary-school and university classes: locomotive assembly, the industries "
            "of the Power Valley and an aircraft maker."
        ),
        "description_zh": (
            "上午在中车株机参观电力机车总装，了解“大国重器”；中午后到中国动力谷展示中心，"
            "认识株洲的三大产业；下午到山河星航参观飞机制造，适合高中和大学学生的专业与就业体验。"
        ),
        "description_en": (
            "Morning at CRRC Zhuzhou Electric Locomotive for the assembly of electric locomotives; early afternoon "
            "at the China Power Valley exhibition centre on the city's three big industries; then the aircraft maker "
            "Shanhe Xinghang, a career taster for senior-secondary and university students."
        ),
        "tips_zh": (
            "研学团队请通过各点的研学项目预约，按团队配备带队老师和安全员；学生无需提交个人身份信息，带队老师携带证件。"
        ),
        "tips_en": (
            "Book each place through its study-tour programme and bring the teachers and safety officer the group "
            "needs; pupils' personal details are not required, the lead teacher carries ID."
        ),
        "days": [
            [
                stop(
                    "site",
                    "zhongche-zhuji",
                    150,
                    ("看机车总装线，听工程师讲解。", "The assembly line, explained by an engineer."),
                    ("coach", 25, "乘团队大巴前往。", "By the group's coach."),
                ),
                stop(
                    "site",
                    "zhongguo-dongli-gu-zhanshi-zhongxin",
                    90,
                    ("认识轨道交通、航空和新材料产业。", "Rail transit, aviation and new materials."),
                    ("coach", 25, "乘团队大巴前往。", "By the group's coach."),
                ),
                stop(
                    "site",
                    "shanhe-xinghang",
                    90,
                    ("参观飞机制造，了解航空专业。", "Aircraft making and careers in aviation."),
                ),
            ],
        ],
    },
    {
        "slug": "lao-chang-ji-yi-huai-jiu-zhi-lv",
        "title_zh": "老厂记忆怀旧之旅",
        "title_en": "Old Factory Memories",
        "theme": "nostalgia",
        "audiences": ("senior",),
        "featured": False,
        "event": None,
        "summary_zh": "慢节奏的两天：株洲化工厂和清水塘的老厂区，再到株麻老厂房和火车头广场。",
        "summary_en": (
            "Two unhurried days for those who remember the works: the chemical plant and Qingshuitang, then the "
            "old hemp mill and Locomotive Square."
        ),
        "description_zh": (
            "为老同志设计的怀旧线路，每站停留充裕、路程短。第一天在清水塘：株化博物馆、株洲化工厂旧址和清水塘1956"
            "工业遗址；第二天在市区：株麻1937和老麻纺厂房，傍晚到火车头广场。"
        ),
        "description_en": (
            "A nostalgia route for older visitors, with long stops and short journeys. Day one in Qingshuitang: the "
            "Zhuzhou Chemical Plant museum, the old plant and the Qingshuitang 1956 ruins. Day two in town: Zhuma "
            "1937 and the old hemp-mill sheds, and Locomotive Square at dusk."
        ),
        "tips_zh": "行程节奏较慢，中午留出休息时间；行动不便者请提前告知各点以便安排。",
        "tips_en": (
            "The pace is slow with a rest at midday; if you have limited mobility, tell each place ahead so they can "
            "help."
        ),
        "days": [
            [
                stop(
                    "site",
                    "zhuhua-bowuguan",
                    120,
                    ("老照片、老设备和职工的故事。", "Old photos, machines and the workers' stories."),
                    ("walk", 10, "步行前往，路面平整。", "A short walk on level ground."),
                ),
                stop(
                    "heritage",
                    "zhuzhou-huagongchang-jiuzhi",
                    45,
                    ("从外面看保留下来的老厂房。", "The surviving plant buildings, seen from outside."),
                    ("taxi", 10, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
                stop(
                    "site",
                    "qingshuitang-1956",
                    60,
                    ("老烟囱和修缮中的厂房。", "Old chimneys and sheds under repair."),
                    ("taxi", 25, "次日上午打车前往株麻1937。", "Next morning, a taxi to Zhuma 1937."),
                ),
            ],
            [
                stop(
                    "site",
                    "zhuma-1937",
                    90,
                    ("在老麻纺厂喝杯茶。", "Tea in the old hemp mill."),
                    ("walk", 5, "在园内步行。", "A walk within the park."),
                ),
                stop(
                    "heritage",
                    "zhuma-lao-changfang",
                    45,
                    ("锯齿形屋顶的老车间。", "The saw-tooth-roofed workshops."),
                    ("taxi", 15, TAXI_CITY_ZH, TAXI_CITY_EN),
                ),
                stop("site", "huochetou-guangchang", 45, ("傍晚在江边散步。", "A walk by the river at dusk.")),
            ],
        ],
    },
]

_AUDIENCE_FIELDS = {"study": "for_study_tours", "family": "for_families", "senior": "for_seniors"}


def load(stdout=None):
    """Create or update the demo routes and replace their stops; returns {slug: Itinerary}."""
    skipped = []
    with transaction.atomic():
        routes = {item["slug"]: _load_route(item, skipped) for item in ROUTES}
    if stdout:
        stops = Stop.objects.filter(itinerary__in=routes.values()).count()
        stdout.write(f"Demo routes loaded: {len(routes)} routes, {stops} stops.")
        if skipped:
            stdout.write(f"Skipped stops whose place is missing: {', '.join(skipped)}.")
    return routes


def _load_route(item, skipped):
    event = Event.objects.filter(slug=item["event"]).first() if item["event"] else None
    fields = {
        key: item[key]
        for key in ("title_zh", "title_en", "theme", "summary_zh", "summary_en", "tips_zh", "tips_en", "featured")
    }
    fields.update(
        description_zh=f"{item['description_zh']}\n\n{NOTE_ZH}",
        description_en=f"{item['description_en']}\n\n{NOTE_EN}",
        related_event=event,
        published=True,
        for_general="general" in item["audiences"],
        **{field: audience in item["audiences"] for audience, field in _AUDIENCE_FIELDS.items()},
    )
    route, _created = Itinerary.objects.update_or_create(slug=item["slug"], defaults=fields)
    route.stops.all().delete()
    Stop.objects.bulk_create(_stops(route, item, skipped))
    return route


def _stops(route, item, skipped):
    stops = []
    for day, day_stops in enumerate(item["days"], start=1):
        for position, data in enumerate(day_stops, start=1):
            place = MODELS[data["kind"]].objects.filter(slug=data["slug"]).first()
            if place is None:
                skipped.append(f"{item['slug']}/{data['slug']}")
                continue
            mode, minutes, directions_zh, directions_en = data["to_next"] or ("", None, "", "")
            stops.append(
                Stop(
                    itinerary=route,
                    day=day,
                    position=position,
                    visit_minutes=data["minutes"],
                    note_zh=data["note"][0],
                    note_en=data["note"][1],
                    next_mode=mode,
                    next_minutes=minutes,
                    next_directions_zh=directions_zh,
                    next_directions_en=directions_en,
                    **{data["kind"]: place},
                )
            )
    return stops
