"""Demo content for `manage.py load_demo_data`: Zhuzhou's industrial tourism sites and heritage.

Facts come from the city culture-and-tourism bureau's 2024 reply (see DOMAIN.md); the texts are our own.
Demonstration levels and years not stated there, every heritage listing's level and dates, ticket prices,
opening hours and coordinates are illustrative. Descriptions say so in one standard closing sentence (NOTES).
"""

# Weekdays: Monday is 0 (sites.models.Weekday).
DAILY = (0, 1, 2, 3, 4, 5, 6)
MON_FRI = (0, 1, 2, 3, 4)
TUE_SUN = (1, 2, 3, 4, 5, 6)
WED_SUN = (2, 3, 4, 5, 6)
TUE_THU = (1, 2, 3)
FRI_SAT = (4, 5)
SAT_SUN = (5, 6)

# The closing sentence of a description whose level, year or dates are not from the source document.
NOTES = {
    "year": ("（示例数据：评定年份为演示用途。）", "(Demo data: the year awarded is illustrative.)"),
    "level": ("（示例数据：示范等级为演示用途。）", "(Demo data: the demonstration level is illustrative.)"),
    "heritage": (
        "（示例数据：等级、公布年份与建造年代为演示用途。）",
        "(Demo data: the level, year listed and building dates are illustrative.)",
    ),
}

# Alt text for each kind of generated placeholder (core.placeholders): what the picture really shows.
PHOTO_ALT = {
    "rail": (
        "示意图：厂房、烟囱与轨道上的红色电力机车剪影（演示占位图）",
        "Illustration: a works hall, a chimney and a red electric locomotive on the track (demo placeholder)",
    ),
    "square": (
        "示意图：江边广场上展示的红色机车、路灯与树木剪影（演示占位图）",
        "Illustration: a red locomotive on display in a riverside square, with lamps and trees (demo placeholder)",
    ),
    "aviation": (
        "示意图：机库、塔台与空中飞机的剪影（演示占位图）",
        "Illustration: hangars, a control tower and an aircraft in the sky (demo placeholder)",
    ),
    "ceramics": (
        "示意图：瓶形窑炉剪影与架上的瓷瓶（演示占位图）",
        "Illustration: bottle-kiln silhouettes and porcelain vases on a shelf (demo placeholder)",
    ),
    "fireworks": (
        "示意图：夜空中的烟花与窑炉剪影（演示占位图）",
        "Illustration: fireworks at night above kiln silhouettes and a crowd (demo placeholder)",
    ),
    "motorsport": (
        "示意图：看台、灯塔与带红白路肩的赛道弯道（演示占位图）",
        "Illustration: a grandstand, floodlights and a track bend with red-and-white kerbs (demo placeholder)",
    ),
    "apparel": (
        "示意图：亮灯的市场楼群与成排悬挂的布料（演示占位图）",
        "Illustration: lit market buildings and a row of hanging fabrics (demo placeholder)",
    ),
    "chemicals": (
        "示意图：化工装置的塔器、球罐、管廊与烟囱剪影（演示占位图）",
        "Illustration: chemical-plant columns, spherical tanks, pipe racks and a chimney (demo placeholder)",
    ),
    "textiles": (
        "示意图：锯齿形屋顶的纺织厂房、砖烟囱与纱筒（演示占位图）",
        "Illustration: saw-tooth mill sheds, a brick chimney and cones of yarn (demo placeholder)",
    ),
    "metallurgy": (
        "示意图：老工业区的炉塔、烟囱与残存厂房剪影（演示占位图）",
        "Illustration: a furnace tower, a chimney and a roofless shed in an old heavy-industry area (demo placeholder)",
    ),
    "creative": (
        "示意图：改作文创园的老厂房、串灯、烟囱与树木（演示占位图）",
        "Illustration: an old factory shed turned creative park, with string lights, a chimney and trees "
        "(demo placeholder)",
    ),
    "museum": (
        "示意图：亮灯的展馆建筑与保留的烟囱、储罐剪影（演示占位图）",
        "Illustration: a lit museum hall with a preserved chimney and tank (demo placeholder)",
    ),
    "works": (
        "示意图：锯齿形屋顶厂房群与冒烟的烟囱（演示占位图）",
        "Illustration: saw-tooth factory sheds and a smoking chimney (demo placeholder)",
    ),
}

SAFETY_FACTORY_ZH = (
    "生产区内请穿平底封闭式鞋，不穿拖鞋和高跟鞋；全程跟随讲解员，只走划线的参观通道，"
    "不触碰设备、不跨越警戒线；拍照和录像请遵守现场规定。儿童须由成人全程陪同。"
)
SAFETY_FACTORY_EN = (
    "On the factory floor wear flat, closed shoes (no sandals or high heels), stay with your guide, keep to the "
    "marked visitor walkway, do not touch machinery or cross barrier lines, and follow the rules on photos and "
    "filming. Children must stay with an adult at all times."
)
ACCESS_ASK_ZH = "如有行动不便或需要协助的情况，请在预约时说明，以便安排合适的参观路线。"
ACCESS_ASK_EN = (
    "If you have limited mobility or need assistance, say so when booking so that a suitable route can be arranged."
)
TAXI_ZH = "公交线路请以地图应用的实时查询为准。"
TAXI_EN = "Check current bus routes in a map app."

SITES = [
    {
        "slug": "zhongche-zhuji",
        "name_zh": "中车株机工业旅游区",
        "name_en": "CRRC Zhuzhou Electric Locomotive Works",
        "industry": "rail",
        "district": "shifeng",
        "level": "national",
        "level_year": 2023,
        "note": "year",
        "latitude": "27.884000",
        "longitude": "113.165000",
        "summary_zh": "中国第一台电力机车诞生的工厂，国家工业旅游示范基地，预约后可参观总装厂房和科普文化展馆。",
        "summary_en": (
            "The works where China's first electric locomotive was built; a national industrial tourism "
            "demonstration base, visited by booking."
        ),
        "description_zh": (
            "中车株洲电力机车有限公司（简称中车株机）位于石峰区田心，前身是1936年开办的粤汉铁路株洲总机厂，"
            "最初从事蒸汽机车修理。\n\n"
            "厂区里的老联合厂房至今仍是总装车间，中国第一台电力机车就在这里组装。工业旅游区另设有科普与文化展馆，"
            "介绍机车的发展历程。这里生产的列车如今在约51个国家和地区运行。\n\n"
            "参观须提前预约，以团队为主，适合研学团队、大学生，以及以“大国重器”为主题的亲子家庭。"
        ),
        "description_en": (
            "CRRC Zhuzhou Electric Locomotive is in Tianxin, Shifeng District. It began in 1936 as the Canton–Hankou "
            "Railway's Zhuzhou works, repairing steam locomotives.\n\n"
            "The old joint workshop is still the final-assembly hall; China's first electric locomotive was built "
            "in it. The tourism zone adds a science and culture exhibition hall on the history of the locomotive. "
            "Trains made here now run in some 51 countries and regions.\n\n"
            "Visits are by booking, mostly in groups: study tours, university students, and families interested in "
            "China's great machines."
        ),
        "address_zh": "株洲市石峰区田心片区（中车株机厂区）",
        "address_en": "Tianxin area, Shifeng District, Zhuzhou (CRRC Zhuzhou works)",
        "transport_zh": "位于城区北部的田心片区，从市中心乘出租车或网约车约20–30分钟。团队大巴停车位置在预约时确认。"
        + TAXI_ZH,
        "transport_en": (
            "In the Tianxin area in the north of the city, about 20–30 minutes by taxi from the centre. Coach "
            "parking for groups is confirmed when booking. "
        )
        + TAXI_EN,
        "accessibility_zh": "生产区地面有轨道和台阶，步行距离较长。" + ACCESS_ASK_ZH,
        "accessibility_en": "The factory floor has rails, steps and long walking distances. " + ACCESS_ASK_EN,
        "safety_zh": SAFETY_FACTORY_ZH,
        "safety_en": SAFETY_FACTORY_EN,
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "须提前预约，以团队参观为主；研学课程费用以预约确认为准。",
        "admission_note_en": "Booking required, mostly for groups; study-tour programmes are priced when booked.",
        "booking_required": True,
        "audiences": ("study", "family", "senior", "general"),
        "featured": True,
        "published": True,
        "hours": [(MON_FRI, ("09:00", "11:30"), ("14:00", "16:30"))],
        "exceptions": [
            {"date": "2027-01-01", "note_zh": "元旦假期不安排参观", "note_en": "No visits on New Year's Day"},
        ],
        "photos": [
            ("rail", "中车株机厂区与电力机车（示意）", "CRRC Zhuzhou works and an electric locomotive (illustration)"),
            ("works", "厂区车间（示意）", "Workshops on the site (illustration)"),
            ("museum", "科普与文化展馆（示意）", "The science and culture exhibition hall (illustration)"),
        ],
    },
    {
        "slug": "lusong-hangkong-xiaozhen",
        "name_zh": "芦淞航空小镇",
        "name_en": "Lusong Aviation Town",
        "industry": "aviation",
        "district": "lusong",
        "level": "national",
        "level_year": 2023,
        "note": "year",
        "latitude": "27.775000",
        "longitude": "113.160000",
        "summary_zh": "以通用航空制造为特色的产业小镇，国家工业旅游示范基地，可了解航空制造并预约低空观光飞行。",
        "summary_en": (
            "A general-aviation industry town and national industrial tourism demonstration base, with aircraft "
            "makers and low-altitude sightseeing flights."
        ),
        "description_zh": (
            "芦淞航空小镇位于芦淞区，聚集了山河星航等通用航空制造企业。株洲是中国第一台航空发动机的诞生地，"
            "中小型航空发动机研究所（608所）也在这座城市。\n\n"
            "游客可以了解小型飞机的制造，在天气许可时预约低空观光飞行。株洲原创的“航空嘉年华”把飞行表演和音乐结合在一起，"
            "活动时间与地点以官方发布为准。\n\n"
            "按照规划，小镇将建设集科普研学与观光娱乐于一体的文旅综合体，并开发更多低空旅游项目。"
        ),
        "description_en": (
            "Lusong Aviation Town in Lusong District brings together general-aviation makers such as Shanhe Xinghang. "
            "Zhuzhou built China's first aviation engine, and the 608 research institute for small and medium "
            "aero-engines is in the city.\n\n"
            "Visitors can learn how light aircraft are made and, weather permitting, book a low-altitude "
            "sightseeing flight. Zhuzhou's own Aviation Carnival combines flying displays with music; check the "
            "official announcements for dates and venue.\n\n"
            "A science, study-tour and leisure complex and more low-altitude tourism are planned for the town."
        ),
        "address_zh": "株洲市芦淞区（芦淞航空小镇）",
        "address_en": "Lusong Aviation Town, Lusong District, Zhuzhou",
        "transport_zh": "位于芦淞区南部，从市中心乘出租车或网约车约25分钟。" + TAXI_ZH,
        "transport_en": "In the south of Lusong District, about 25 minutes by taxi from the city centre. " + TAXI_EN,
        "accessibility_zh": "公共区域大多为平地；低空飞行需自行登机，行动不便者请预约时咨询。",
        "accessibility_en": (
            "Public areas are mostly level; sightseeing flights require climbing into the "
            "aircraft, so ask when booking if you have limited mobility."
        ),
        "safety_zh": (
            "不要进入停机坪和跑道区域，遵守隔离线；低空飞行须提前预约，按机组的安全说明登机，恶劣天气会取消飞行。"
        ),
        "safety_en": (
            "Keep off the apron and runway and stay behind the barriers. Sightseeing flights must be booked; follow "
            "the crew's safety briefing. Flights are cancelled in bad weather."
        ),
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "公共区域免费；低空观光飞行等体验项目另行收费，以现场公布为准。",
        "admission_note_en": "Public areas are free; sightseeing flights and other experiences are charged separately.",
        "booking_required": False,
        "audiences": ("study", "family", "general"),
        "featured": True,
        "published": True,
        "hours": [(DAILY, ("09:00", "17:30"))],
        "exceptions": [
            {
                "date": "2026-12-31",
                "opens": "09:00",
                "closes": "20:30",
                "note_zh": "跨年夜延长开放（示例）",
                "note_en": "Late opening on New Year's Eve (example)",
            },
        ],
        "photos": [
            ("aviation", "机库与飞行中的小型飞机（示意）", "Hangars and a light aircraft in flight (illustration)"),
            ("aviation", "小镇的通用航空机场（示意）", "The town's general-aviation airfield (illustration)"),
        ],
    },
    {
        "slug": "shanhe-xinghang",
        "name_zh": "山河星航",
        "name_en": "Shanhe Xinghang Aircraft Works",
        "industry": "aviation",
        "district": "lusong",
        "level": "none",
        "latitude": "27.771000",
        "longitude": "113.154000",
        "summary_zh": "芦淞航空小镇内的通用飞机制造企业，接待预约的大学生体验与就业参观团队。",
        "summary_en": "A general-aviation aircraft maker in Lusong Aviation Town that hosts booked university groups.",
        "description_zh": (
            "山河星航是芦淞航空小镇里的一家飞机制造企业。\n\n"
            "在“制造名城进名校”“名校学子进名城”系列活动中，大学生走进中车株机、山河星航等企业，"
            "参加体验游和就业游，了解飞机制造。\n\n"
            "参观仅接待提前预约的团队。"
        ),
        "description_en": (
            "Shanhe Xinghang is an aircraft maker in Lusong Aviation Town.\n\n"
            "Under the city's campaigns that bring manufacturing to universities and students to the city, "
            "university groups visit firms such as CRRC Zhuzhou and Shanhe Xinghang on experience and job-hunting "
            "tours, learning how aircraft are made.\n\n"
            "Visits are for booked groups only."
        ),
        "address_zh": "株洲市芦淞区芦淞航空小镇内",
        "address_en": "Inside Lusong Aviation Town, Lusong District, Zhuzhou",
        "transport_zh": "与芦淞航空小镇同路前往，入口位置在预约确认时告知。",
        "transport_en": (
            "Reached the same way as Lusong Aviation Town; the entrance is given when the booking is confirmed."
        ),
        "accessibility_zh": "装配车间内有设备和线缆，部分区域不便轮椅通行。" + ACCESS_ASK_ZH,
        "accessibility_en": (
            "Assembly halls have equipment and cables on the floor; some areas are hard for wheelchairs. "
            + ACCESS_ASK_EN
        ),
        "safety_zh": SAFETY_FACTORY_ZH,
        "safety_en": SAFETY_FACTORY_EN,
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "仅接待预约团队。",
        "admission_note_en": "Booked groups only.",
        "booking_required": True,
        "audiences": ("study",),
        "featured": False,
        "published": True,
        "hours": [(TUE_THU, ("09:30", "11:30"), ("14:30", "16:30"))],
        "exceptions": [],
        "photos": [
            ("aviation", "通用飞机与机库（示意）", "A light aircraft and hangars (illustration)"),
            ("works", "装配车间（示意）", "Assembly halls (illustration)"),
        ],
    },
    {
        "slug": "zhongguo-taoci-gu",
        "name_zh": "中国陶瓷谷",
        "name_en": "China Ceramic Valley",
        "industry": "ceramics",
        "district": "liling",
        "level": "provincial",
        "note": "level",
        "latitude": "27.665000",
        "longitude": "113.515000",
        "summary_zh": "醴陵的陶瓷文化园区，有陶瓷博物馆和窑炉，可了解醴陵陶瓷的历史与制作。",
        "summary_en": (
            "Liling's ceramics park, with ceramics museums and kilns on the history and making of Liling porcelain."
        ),
        "description_zh": (
            "醴陵以陶瓷和烟花闻名。中国陶瓷谷集中了陶瓷博物馆和窑炉，展示醴陵陶瓷从烧造到装饰的过程。\n\n"
            "大学生和研学团队可以在醴陵体验制瓷、画瓷。关注“瓷博会”等陶瓷主题展会的日程，也可以“跟着展会去旅游”。\n\n"
            "园区适合家庭和长者慢慢游览，陶艺体验课程需另行预约。"
        ),
        "description_en": (
            "Liling is known for ceramics and fireworks. China Ceramic Valley brings together ceramics museums and "
            "kilns that show how Liling porcelain is fired and decorated.\n\n"
            "Students and study-tour groups can try making and painting porcelain in Liling. Watch for the ceramics "
            "expo and similar fairs if you like to travel with the expos.\n\n"
            "The park suits families and older visitors at an easy pace; pottery classes are booked separately."
        ),
        "address_zh": "湖南省醴陵市（中国陶瓷谷）",
        "address_en": "China Ceramic Valley, Liling, Hunan",
        "transport_zh": "从株洲城区驾车约1小时；也可乘高铁至醴陵东站，再换乘出租车前往。" + TAXI_ZH,
        "transport_en": (
            "About an hour by car from Zhuzhou city; or take the high-speed train to Liling East and a taxi from "
            "there. " + TAXI_EN
        ),
        "accessibility_zh": "园区范围较大，户外有坡道和台阶；需要协助请提前咨询。",
        "accessibility_en": "The park is large, with slopes and steps outdoors; ask in advance if you need assistance.",
        "safety_zh": "窑炉区域温度较高，请勿靠近正在烧制的窑口；陶艺体验时注意工具使用，儿童须由成人陪同。",
        "safety_en": (
            "Kiln areas are hot: keep away from kilns that are firing. Take care with tools in pottery classes; "
            "children must stay with an adult."
        ),
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "园区免费参观；陶艺体验课程另行收费。",
        "admission_note_en": "Free to visit; pottery classes are charged separately.",
        "booking_required": False,
        "audiences": ("study", "family", "senior", "general"),
        "featured": True,
        "published": True,
        "hours": [(TUE_SUN, ("09:00", "17:00"))],
        "exceptions": [
            {
                "date": "2026-12-31",
                "opens": "18:30",
                "closes": "21:30",
                "note_zh": "跨年夜特别夜场（示例）",
                "note_en": "Special evening opening on New Year's Eve (example)",
            },
        ],
        "photos": [
            ("ceramics", "窑炉与瓷器（示意）", "Kilns and porcelain (illustration)"),
            ("ceramics", "陶瓷博物馆的展品（示意）", "Pieces in the ceramics museum (illustration)"),
            ("works", "陶瓷生产车间（示意）", "Ceramics workshops (illustration)"),
        ],
    },
    {
        "slug": "liling-jian-ci",
        "name_zh": "醴陵捡瓷体验",
        "name_en": "Liling “Pick Porcelain” Experience",
        "industry": "ceramics",
        "district": "liling",
        "level": "none",
        "latitude": "27.650000",
        "longitude": "113.500000",
        "summary_zh": "醴陵的免费“捡瓷”活动：在指定场地挑选陶瓷器物带回家，2023年8月以来吸引了全国各地的游客。",
        "summary_en": (
            "Liling's free “pick porcelain” events, which since August 2023 have drawn visitors from across China."
        ),
        "description_zh": (
            "“醴陵捡瓷”是醴陵推出的陶瓷特色体验。自2023年8月起，免费的捡瓷活动吸引了全国各地的游客前来打卡。\n\n"
            "活动期间，游客可在指定场地挑选陶瓷器物，具体场地、时间和规则以每期公告为准。\n\n"
            "可以顺路去中国陶瓷谷，了解这些瓷器是怎样烧制出来的。"
        ),
        "description_en": (
            "“Pick porcelain” (jiǎn cí) is Liling's signature ceramics experience. Since August 2023 the free events "
            "have drawn visitors from all over China.\n\n"
            "During an event, visitors choose pieces of porcelain at a designated ground; the venue, times and rules "
            "are announced for each event.\n\n"
            "Combine it with China Ceramic Valley to see how the porcelain is made."
        ),
        "address_zh": "湖南省醴陵市（具体场地以每期活动公告为准）",
        "address_en": "Liling, Hunan (the venue is announced for each event)",
        "transport_zh": "从株洲城区驾车约1小时；活动日人多车多，建议乘高铁至醴陵东站后换乘出租车。",
        "transport_en": "About an hour by car from Zhuzhou city. Event days are busy: consider the high-speed train to "
        "Liling East and a taxi.",
        "accessibility_zh": "场地多为户外平地，活动日人流密集，轮椅使用者建议避开开场时段。",
        "accessibility_en": (
            "The grounds are mostly flat and outdoors; crowds are heavy, so wheelchair users may prefer to avoid the "
            "opening hour."
        ),
        "safety_zh": "请穿封闭式鞋，瓷器碎片边缘锋利，不要赤手翻找碎瓷；照看好儿童，按工作人员指引排队入场。",
        "safety_en": (
            "Wear closed shoes. Broken porcelain is sharp: do not rummage through shards with bare hands. Keep "
            "children close and queue as the stewards direct."
        ),
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费参加，规则以每期公告为准。",
        "admission_note_en": "Free; the rules are announced for each event.",
        "booking_required": False,
        "audiences": ("family", "senior", "general"),
        "featured": True,
        "published": True,
        "hours": [(SAT_SUN, ("09:00", "12:00"), ("14:30", "17:30"))],
        "exceptions": [],
        "photos": [
            ("ceramics", "成排的瓷器（示意）", "Rows of porcelain (illustration)"),
        ],
    },
    {
        "slug": "liling-yao",
        "name_zh": "醴陵窑",
        "name_en": "Liling Kiln Site",
        "industry": "ceramics",
        "district": "liling",
        "level": "none",
        "latitude": "27.628000",
        "longitude": "113.470000",
        "summary_zh": "醴陵陶瓷生产的历史窑址，正在推进工业旅游项目建设，目前开放区域和设施有限。",
        "summary_en": (
            "A historic kiln site of Liling's ceramics industry; a tourism project is under way and facilities are "
            "still limited."
        ),
        "description_zh": (
            "醴陵窑是醴陵陶瓷烧造历史的见证。\n\n"
            "醴陵窑是株洲正在推进招商落地的工业旅游项目之一，目前开放区域和游客设施有限，出发前请先确认开放情况。"
        ),
        "description_en": (
            "The Liling kilns bear witness to the long history of ceramics firing in Liling.\n\n"
            "The site is one of the industrial tourism projects Zhuzhou is seeking investors for. Open areas and "
            "visitor facilities are still limited; check before you go."
        ),
        "address_zh": "湖南省醴陵市（醴陵窑遗址）",
        "address_en": "Liling Kiln Site, Liling, Hunan",
        "transport_zh": "从醴陵城区乘出租车前往；出发前请先确认开放情况。",
        "transport_en": "By taxi from central Liling; check that the site is open before you go.",
        "accessibility_zh": "遗址区道路多为土路和坡地，不便轮椅通行。",
        "accessibility_en": "Paths on the site are mostly unpaved and sloping, and hard for wheelchairs.",
        "safety_zh": "不要攀爬窑体和护坡，不要带走瓷片；雨后路滑，请穿防滑鞋。",
        "safety_en": (
            "Do not climb on the kilns or embankments and do not take shards away. Paths are slippery after rain."
        ),
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费；开放区域以现场告示为准。",
        "admission_note_en": "Free; the open areas are signposted on site.",
        "booking_required": False,
        "audiences": ("study", "general"),
        "featured": False,
        "published": True,
        "hours": [(WED_SUN, ("09:00", "16:30"))],
        "exceptions": [],
        "photos": [
            ("ceramics", "窑炉剪影（示意）", "Kiln silhouettes (illustration)"),
        ],
    },
    {
        "slug": "guocai-liling",
        "name_zh": "《国彩醴陵》陶瓷文化烟花实景剧",
        "name_en": "“Guocai Liling” Ceramics and Fireworks Show",
        "industry": "fireworks",
        "district": "liling",
        "level": "none",
        "latitude": "27.660000",
        "longitude": "113.490000",
        "summary_zh": "把醴陵的陶瓷与烟花两大产业结合在一起的大型实景演出，在景区常态化演出。",
        "summary_en": (
            "A large outdoor show that brings together Liling's two industries, ceramics and fireworks; it runs "
            "regularly at a scenic area."
        ),
        "description_zh": (
            "醴陵既产陶瓷，也产烟花。《国彩醴陵》是全国首部大型陶瓷文化烟花实景剧，在景区常态化演出。\n\n"
            "演出在夜间进行，开场前请预留入场和就座时间。市里曾组织大学生到醴陵体验制瓷、画瓷和放烟花，反响热烈。\n\n"
            "演出场次随季节和天气调整，以景区公布为准。"
        ),
        "description_en": (
            "Liling makes both porcelain and fireworks. “Guocai Liling” is presented as China's first large-scale "
            "outdoor show on ceramic culture with fireworks, and it runs regularly at a scenic area.\n\n"
            "The show is in the evening; allow time to get in and find your seat. University groups brought to "
            "Liling by the city have enjoyed making and painting porcelain and setting off fireworks.\n\n"
            "Performances change with the season and the weather; check the scenic area's schedule."
        ),
        "address_zh": "湖南省醴陵市（演出景区）",
        "address_en": "The show's scenic area, Liling, Hunan",
        "transport_zh": "从株洲城区驾车约1小时。散场时车辆集中，建议提前约好返程车辆。",
        "transport_en": "About an hour by car from Zhuzhou city. Traffic is heavy after the show; arrange your ride "
        "back in advance.",
        "accessibility_zh": "如需无障碍观演位置，请提前咨询并提早到场。",
        "accessibility_en": "Ask in advance if you need a step-free viewing place, and arrive early.",
        "safety_zh": (
            "只在观演区内观看，服从现场工作人员指挥；烟花燃放时声音较大，可为小孩准备护耳；禁止自带烟花和放飞无人机。"
        ),
        "safety_en": (
            "Watch only from the audience area and follow the stewards. The fireworks are loud: bring ear "
            "protection for small children. Bringing your own fireworks and flying drones are not allowed."
        ),
        "admission_free": False,
        "admission_price": "98.00",
        "admission_note_zh": "票价为示例，以景区公布为准。",
        "admission_note_en": "The price is an example; see the scenic area's current prices.",
        "booking_required": False,
        "audiences": ("family", "general"),
        "featured": True,
        "published": True,
        "hours": [(FRI_SAT, ("19:30", "21:00")), ((6,), ("19:30", "20:45"))],
        "exceptions": [
            {
                "date": "2026-12-31",
                "opens": "20:00",
                "closes": "22:30",
                "note_zh": "跨年夜加演（示例）",
                "note_en": "Extra New Year's Eve performance (example)",
            },
        ],
        "photos": [
            ("fireworks", "夜空中的烟花（示意）", "Fireworks in the night sky (illustration)"),
            ("fireworks", "演出现场（示意）", "The show (illustration)"),
        ],
    },
    {
        "slug": "zhuzhou-guoji-saiche-chang",
        "name_zh": "株洲国际赛车场",
        "name_en": "Zhuzhou International Circuit",
        "industry": "motorsport",
        "district": "tianyuan",
        "level": "provincial",
        "note": "level",
        "latitude": "27.780000",
        "longitude": "113.050000",
        "summary_zh": "株洲的专业赛车场，可观赛、打卡，并参加赛车体验项目。",
        "summary_en": "Zhuzhou's motor-racing circuit: watch races, look around and try motorsport experiences.",
        "description_zh": (
            "株洲国际赛车场是城市“潮玩”的新去处，市文旅部门正指导赛车场加强运营，让赛车打卡和体验游成为时尚。\n\n"
            "非赛事日可参观场馆、参加体验项目；赛事日按赛事安排开放。"
        ),
        "description_en": (
            "Zhuzhou International Circuit is one of the city's new places for fun; the tourism bureau is helping it "
            "offer more visits and motorsport experiences.\n\n"
            "On non-race days visitors can look around and book experiences; on race days the race programme "
            "applies."
        ),
        "address_zh": "株洲市天元区（株洲国际赛车场）",
        "address_en": "Zhuzhou International Circuit, Tianyuan District, Zhuzhou",
        "transport_zh": "位于天元区，从市中心乘出租车或网约车约30分钟；赛事日请留意临时交通安排。",
        "transport_en": "In Tianyuan District, about 30 minutes by taxi from the city centre; on race days watch for "
        "temporary traffic arrangements.",
        "accessibility_zh": "如需无障碍观赛位置，请提前咨询。",
        "accessibility_en": "Ask in advance if you need a wheelchair place in the grandstand.",
        "safety_zh": (
            "观众只在看台和指定区域活动，不得进入赛道和维修区；参加驾驶体验须听取安全讲解、佩戴头盔，"
            "并符合年龄和身高要求；赛车噪声大，可准备护耳。"
        ),
        "safety_en": (
            "Spectators stay in the stands and marked areas, never on the track or in the pit lane. Driving "
            "experiences need a safety briefing, a helmet, and minimum age and height. Racing is loud: bring ear "
            "protection."
        ),
        "admission_free": False,
        "admission_price": "50.00",
        "admission_note_zh": "示例票价，含场馆参观；驾驶体验另计，赛事日按赛事票务。",
        "admission_note_en": (
            "Example price for a site visit; driving experiences extra; race days have their own tickets."
        ),
        "booking_required": False,
        "audiences": ("family", "general"),
        "featured": True,
        "published": True,
        "hours": [(WED_SUN, ("09:00", "12:00"), ("13:30", "18:00"))],
        "exceptions": [],
        "photos": [
            ("motorsport", "赛道弯道与看台（示意）", "A bend of the track and the grandstand (illustration)"),
            ("motorsport", "赛道（示意）", "The track (illustration)"),
        ],
    },
    {
        "slug": "lusong-fushi-shichang-qun",
        "name_zh": "芦淞服饰市场群",
        "name_en": "Lusong Garment Market Cluster",
        "industry": "apparel",
        "district": "lusong",
        "level": "none",
        "latitude": "27.822000",
        "longitude": "113.140000",
        "summary_zh": "株洲城区的服装批发零售市场群，正在整体提质改造，增加休闲业态，打造“购物游”。",
        "summary_en": "Zhuzhou's cluster of garment wholesale and retail markets, being upgraded with leisure for "
        "shopping tourism.",
        "description_zh": (
            "芦淞服饰市场群由多座服装市场组成，是株洲服饰产业的集中展示地。\n\n"
            "市场群正在整体提质改造，布局休闲业态，拓展“购物游”的新场景。也可关注“服博会”和“时尚服饰之旅”主题线路。"
        ),
        "description_en": (
            "The Lusong garment market cluster is a group of clothing markets where Zhuzhou's apparel industry meets "
            "its customers.\n\n"
            "The cluster is being upgraded as a whole, with more leisure, to make shopping a reason to visit. Look "
            "out for the apparel expo and the “Fashion and Apparel” themed route."
        ),
        "address_zh": "株洲市芦淞区（芦淞服饰市场群）",
        "address_en": "Lusong garment markets, Lusong District, Zhuzhou",
        "transport_zh": "位于城区中心，步行或乘出租车均可到达；周末周边道路较堵。" + TAXI_ZH,
        "transport_en": "In the city centre, on foot or by taxi; nearby roads are congested at weekends. " + TAXI_EN,
        "accessibility_zh": "市场楼层多、通道较窄，高峰时段人流密集，轮椅使用者建议工作日上午前往。",
        "accessibility_en": "The markets have many floors and narrow aisles and are crowded at peak times; wheelchair "
        "users may prefer weekday mornings.",
        "safety_zh": "人多时请保管好随身财物，照看好儿童；留意搬运货物的推车。",
        "safety_en": "Look after your belongings and children in the crowds, and watch out for goods trolleys.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费进入。",
        "admission_note_en": "Free entry.",
        "booking_required": False,
        "audiences": ("senior", "general"),
        "featured": False,
        "published": True,
        "hours": [(DAILY, ("08:30", "18:00"))],
        "exceptions": [],
        "photos": [
            ("apparel", "服装市场楼群（示意）", "The garment market buildings (illustration)"),
        ],
    },
    {
        "slug": "qingshuitang-1956",
        "name_zh": "清水塘1956工业遗址",
        "name_en": "Qingshuitang 1956 Industrial Site",
        "industry": "metallurgy",
        "district": "shifeng",
        "level": "none",
        "latitude": "27.880000",
        "longitude": "113.080000",
        "summary_zh": "清水塘老工业区的工业遗址，遗留建筑正在进行保护性修缮与改造，目前部分区域开放。",
        "summary_en": (
            "Industrial ruins in the old Qingshuitang heavy-industry area; the buildings are being repaired and only "
            "part is open."
        ),
        "description_zh": (
            "清水塘是株洲的老重工业区。清水塘1956工业遗址保留了这一片区的厂房和设施。\n\n"
            "株洲市工业文旅提升项目已纳入政府投资计划，正在对清水塘片区的工业遗留建筑进行保护性修缮与改造。"
            "施工期间只开放部分区域。\n\n"
            "老厂房适合长者的“工厂怀旧”之旅，也适合研学团队了解城市工业的变迁。附近的株化博物馆可以一并参观。"
        ),
        "description_en": (
            "Qingshuitang is Zhuzhou's old heavy-industry area. The Qingshuitang 1956 site keeps some of its works "
            "buildings and structures.\n\n"
            "Under a city project in the government's investment plan, the area's industrial buildings are being "
            "repaired and adapted. Only part of the site is open while the work goes on.\n\n"
            "The old works suit factory-nostalgia tours for older visitors and study tours on how the city's "
            "industry changed. The Zhuzhou Chemical Plant Museum is nearby."
        ),
        "address_zh": "株洲市石峰区清水塘片区",
        "address_en": "Qingshuitang area, Shifeng District, Zhuzhou",
        "transport_zh": "位于城区西北的清水塘片区，从市中心乘出租车或网约车约25分钟。" + TAXI_ZH,
        "transport_en": "In the Qingshuitang area north-west of the centre, about 25 minutes by taxi. " + TAXI_EN,
        "accessibility_zh": "地面不平，有碎石和台阶，轮椅通行困难。",
        "accessibility_en": "The ground is uneven, with gravel and steps; wheelchair access is difficult.",
        "safety_zh": "施工区域禁止进入，请勿翻越围挡、攀爬建筑和设备；请穿结实的封闭式鞋。",
        "safety_en": "Keep out of the construction zones; do not climb fences, buildings or equipment. Wear sturdy, "
        "closed shoes.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费；开放范围以现场告示为准。",
        "admission_note_en": "Free; the open areas are signposted on site.",
        "booking_required": False,
        "audiences": ("study", "senior", "general"),
        "featured": False,
        "published": True,
        "hours": [(TUE_SUN, ("09:00", "17:00"))],
        "exceptions": [
            {"date": "2027-01-01", "note_zh": "元旦闭园", "note_en": "Closed on New Year's Day"},
        ],
        "photos": [
            ("metallurgy", "老工业区的炉塔与厂房（示意）", "Furnace tower and works buildings (illustration)"),
            ("chemicals", "清水塘片区的工业设施（示意）", "Industrial structures at Qingshuitang (illustration)"),
        ],
    },
    {
        "slug": "zhuhua-bowuguan",
        "name_zh": "株化博物馆",
        "name_en": "Zhuzhou Chemical Plant Museum",
        "industry": "chemicals",
        "district": "shifeng",
        "level": "municipal",
        "note": "level",
        "latitude": "27.875000",
        "longitude": "113.090000",
        "summary_zh": "位于清水塘街道井墈社区的社区博物馆，讲述株洲化工厂从筹建到关停近60年的历程。",
        "summary_en": "A community museum in Jingkan, Qingshuitang, telling the nearly 60-year story of the Zhuzhou "
        "Chemical Plant.",
        "description_zh": (
            "株化博物馆由清水塘街道井墈社区建设，已经开馆。\n\n"
            "展馆通过文字、影像资料和实物标本，展示株洲化工厂从筹建到关停近60年的发展历程，留住了工业城市的记忆。\n\n"
            "适合长者的工厂怀旧之旅，也适合学生了解城市历史。"
        ),
        "description_en": (
            "The museum was built by the Jingkan community in Qingshuitang subdistrict and is open to the public.\n\n"
            "Texts, photographs, film and objects trace the Zhuzhou Chemical Plant over nearly 60 years, from its "
            "planning to its closure, and keep the memory of the industrial city.\n\n"
            "It suits factory-nostalgia tours for older visitors and students learning the city's history."
        ),
        "address_zh": "株洲市石峰区清水塘街道井墈社区",
        "address_en": "Jingkan community, Qingshuitang subdistrict, Shifeng District, Zhuzhou",
        "transport_zh": "从市中心乘出租车或网约车约25分钟，可与清水塘1956工业遗址同日游览。" + TAXI_ZH,
        "transport_en": "About 25 minutes by taxi from the city centre; easy to combine with the Qingshuitang 1956 "
        "site. " + TAXI_EN,
        "accessibility_zh": "需要协助请提前联系或告知现场工作人员。",
        "accessibility_en": "If you need assistance, get in touch in advance or ask the staff.",
        "safety_zh": "请勿触摸展出的实物标本，儿童须由成人陪同。",
        "safety_en": "Please do not touch the objects on display; children must stay with an adult.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费参观；团队请提前联系。",
        "admission_note_en": "Free; groups please get in touch in advance.",
        "booking_required": False,
        "audiences": ("study", "senior", "general"),
        "featured": False,
        "published": True,
        "hours": [(TUE_SUN, ("09:00", "11:30"), ("14:30", "17:00"))],
        "exceptions": [
            {"date": "2027-01-01", "note_zh": "元旦闭馆", "note_en": "Closed on New Year's Day"},
        ],
        "photos": [
            ("museum", "博物馆展厅（示意）", "The museum (illustration)"),
            ("chemicals", "化工厂的塔器与储罐（示意）", "Columns and tanks of a chemical plant (illustration)"),
        ],
    },
    {
        "slug": "zhuma-1937",
        "name_zh": "株麻1937文创产业园",
        "name_en": "Zhuma 1937 Creative Park",
        "industry": "textiles",
        "district": "hetang",
        "level": "provincial",
        "note": "level",
        "latitude": "27.860000",
        "longitude": "113.170000",
        "summary_zh": "利用老麻纺织厂厂区建设的文创产业园，可漫步老厂房。",
        "summary_en": "A creative park in the grounds of an old hemp textile mill, for a stroll among the old halls.",
        "description_zh": (
            "株麻1937文创产业园利用株洲老麻纺织厂的厂区建设，是株洲正在推进招商落地的工业旅游项目之一。\n\n"
            "老厂房适合喜欢工业建筑和文化创意的游客漫步，开放的店铺和活动以园区公告为准。"
        ),
        "description_en": (
            "Zhuma 1937 is being developed in the grounds of Zhuzhou's old hemp textile mill and is one of the "
            "industrial tourism projects the city is bringing to investors.\n\n"
            "The old halls suit a stroll for visitors who like industrial buildings and design; open shops and "
            "events are announced by the park."
        ),
        "address_zh": "株洲市荷塘区（株麻老厂区）",
        "address_en": "Former Zhuma mill, Hetang District, Zhuzhou",
        "transport_zh": "从市中心乘出租车或网约车约15分钟。" + TAXI_ZH,
        "transport_en": "About 15 minutes by taxi from the city centre. " + TAXI_EN,
        "accessibility_zh": "园区道路大多平坦，部分老厂房门槛较高。",
        "accessibility_en": "Paths are mostly level; some old halls have high thresholds.",
        "safety_zh": "老厂房内请勿攀爬保留的设备和构件。",
        "safety_en": "Please do not climb the preserved machinery and structures in the old halls.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费进入。",
        "admission_note_en": "Free entry.",
        "booking_required": False,
        "audiences": ("family", "senior", "general"),
        "featured": False,
        "published": True,
        "hours": [(DAILY, ("10:00", "21:00"))],
        "exceptions": [],
        "photos": [
            ("textiles", "锯齿形屋顶的老纺织厂房（示意）", "The old mill's saw-tooth roofed sheds (illustration)"),
            ("creative", "园区夜景（示意）", "The park in the evening (illustration)"),
        ],
    },
    {
        "slug": "youxian-gongye-jiyi",
        "name_zh": "攸县工业记忆创意园",
        "name_en": "Youxian Industrial Memory Creative Park",
        "industry": "creative",
        "district": "youxian",
        "level": "none",
        "latitude": "27.000000",
        "longitude": "113.350000",
        "summary_zh": "攸县以工业记忆为主题的创意园，园区及配套旅游设施项目正在推进中。",
        "summary_en": (
            "A creative park on Youxian's industrial memory; the park and its visitor facilities are being developed."
        ),
        "description_zh": (
            "攸县工业记忆创意园及配套旅游设施项目已被推荐申报政府专项债，正在推进建设。\n\n"
            "开放时间和参观内容将在项目建成后公布。"
        ),
        "description_en": (
            "The Youxian Industrial Memory Creative Park and its visitor facilities have been put forward for "
            "government special bonds and are being developed.\n\n"
            "Opening times and what to see will be published when the work is complete."
        ),
        "address_zh": "湖南省株洲市攸县",
        "address_en": "Youxian (You County), Zhuzhou, Hunan",
        "transport_zh": "从株洲城区驾车约1.5小时。",
        "transport_en": "About 1.5 hours by car from Zhuzhou city.",
        "accessibility_zh": "待项目建成后补充。",
        "accessibility_en": "To be added when the park opens.",
        "safety_zh": "施工期间请勿进入工地。",
        "safety_en": "Keep out of the building site during construction.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "待定。",
        "admission_note_en": "To be announced.",
        "booking_required": False,
        "audiences": ("general",),
        "featured": False,
        "published": False,
        "hours": [(WED_SUN, ("09:00", "17:00"))],
        "exceptions": [],
        "photos": [
            ("creative", "老厂房改造的创意园（示意）", "A creative park in old factory sheds (illustration)"),
        ],
    },
    {
        "slug": "huochetou-guangchang",
        "name_zh": "火车头广场",
        "name_en": "Locomotive Square",
        "industry": "rail",
        "district": "tianyuan",
        "level": "none",
        "latitude": "27.845000",
        "longitude": "113.105000",
        "summary_zh": "湘江西岸以火车头为主题的城市广场，纪念株洲这座“火车拉来的城市”。",
        "summary_en": "A city square on the west bank of the Xiang river, themed on the locomotive that made Zhuzhou.",
        "description_zh": (
            "株洲被称为“火车拉来的城市”，也被称为“中国电力机车之都”。火车头广场位于湘江西岸，以火车头为主题。\n\n"
            "广场对市民开放，适合散步、拍照，也可作为了解株洲轨道交通工业的城市一站。"
        ),
        "description_en": (
            "Zhuzhou is called “the city the train pulled in” and China's capital of the electric locomotive. "
            "Locomotive Square, on the west bank of the Xiang river, takes the locomotive as its theme.\n\n"
            "It is an open public square, good for a walk and photos, and a city stop for anyone following "
            "Zhuzhou's rail industry."
        ),
        "address_zh": "株洲市天元区湘江西岸（火车头广场）",
        "address_en": "Locomotive Square, west bank of the Xiang river, Tianyuan District, Zhuzhou",
        "transport_zh": "从河东城区过湘江大桥即到，乘出租车约10–15分钟。" + TAXI_ZH,
        "transport_en": "Just across the Xiang river from the eastern city centre, 10–15 minutes by taxi. " + TAXI_EN,
        "accessibility_zh": "广场地面平整，可乘轮椅通行。",
        "accessibility_en": "The square is level and passable by wheelchair.",
        "safety_zh": "靠近江边时请照看好儿童，不要翻越护栏。",
        "safety_en": "Keep children close near the riverside and do not climb the railings.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费开放。",
        "admission_note_en": "Free, open to all.",
        "booking_required": False,
        "audiences": ("family", "senior", "general"),
        "featured": False,
        "published": True,
        "hours": [(DAILY, ("06:00", "22:00"))],
        "exceptions": [],
        "photos": [
            ("square", "广场上的机车（示意）", "A locomotive in the square (illustration)"),
        ],
    },
    {
        "slug": "zhongguo-dongli-gu-zhanshi-zhongxin",
        "name_zh": "中国动力谷展示中心",
        "name_en": "China Power Valley Exhibition Centre",
        "industry": "rail",
        "district": "tianyuan",
        "level": "municipal",
        "note": "level",
        "latitude": "27.805000",
        "longitude": "113.085000",
        "summary_zh": "介绍株洲轨道交通、航空和动力产业的展示中心，了解“中国动力谷”的由来。",
        "summary_en": "An exhibition centre on Zhuzhou's rail, aviation and power industries: why the city is called "
        "China Power Valley.",
        "description_zh": (
            "株洲是新中国成立初期重点建设的八个工业城市之一，据报道创造了340多项全国工业“第一”，"
            "包括第一台电力机车、第一台航空发动机和第一块硬质合金，并拥有200多处近现代工业遗产。\n\n"
            "中国动力谷展示中心介绍株洲的轨道交通、航空等动力产业，适合在参观工厂前先来了解全貌。"
        ),
        "description_en": (
            "Zhuzhou was one of the eight key industrial cities built in the first years of the People's Republic. "
            "It is credited with more than 340 national industrial firsts, among them the first electric locomotive, "
            "the first aviation engine and the first cemented carbide, and has over 200 modern industrial heritage "
            "places.\n\n"
            "The China Power Valley Exhibition Centre presents the city's rail, aviation and other power industries: "
            "a good overview before visiting the factories."
        ),
        "address_zh": "株洲市天元区（中国动力谷展示中心）",
        "address_en": "China Power Valley Exhibition Centre, Tianyuan District, Zhuzhou",
        "transport_zh": "位于天元区，从市中心乘出租车或网约车约20分钟。" + TAXI_ZH,
        "transport_en": "In Tianyuan District, about 20 minutes by taxi from the city centre. " + TAXI_EN,
        "accessibility_zh": "如需无障碍协助，请提前联系。",
        "accessibility_en": "If you need step-free access or assistance, get in touch in advance.",
        "safety_zh": "请勿攀爬展品和模型，儿童须由成人陪同。",
        "safety_en": "Please do not climb on exhibits or models; children must stay with an adult.",
        "admission_free": True,
        "admission_price": None,
        "admission_note_zh": "免费参观；团队请提前预约讲解。",
        "admission_note_en": "Free; groups should book a guided tour in advance.",
        "booking_required": False,
        "audiences": ("study", "family", "senior", "general"),
        "featured": False,
        "published": True,
        "hours": [(TUE_SUN, ("09:00", "12:00"), ("14:00", "17:30"))],
        "exceptions": [
            {"date": "2027-01-01", "note_zh": "元旦闭馆", "note_en": "Closed on New Year's Day"},
        ],
        "photos": [
            ("museum", "展示中心（示意）", "The exhibition centre (illustration)"),
            ("rail", "机车与厂房（示意）", "A locomotive and works halls (illustration)"),
        ],
    },
]

HERITAGE = [
    {
        "slug": "yuehan-tielu-zhuzhou-zongjichang-lianhe-changfang",
        "name_zh": "粤汉铁路株洲总机厂联合厂房",
        "name_en": "Joint Workshop of the Canton–Hankou Railway Zhuzhou Works",
        "level": "national",
        "year_listed": 2021,
        "built_from": 1936,
        "built_to": None,
        "original_use_zh": "蒸汽机车修理联合厂房",
        "original_use_en": "Joint workshop for repairing steam locomotives",
        "current_use_zh": "电力机车总装车间",
        "current_use_en": "Final-assembly hall for electric locomotives",
        "state": "production",
        "district": "shifeng",
        "site": "zhongche-zhuji",
        "latitude": "27.885000",
        "longitude": "113.166000",
        "summary_zh": "粤汉铁路株洲总机厂的老联合厂房，中国第一台电力机车在这里组装，至今仍是总装车间。",
        "summary_en": (
            "The old joint workshop of the Canton–Hankou Railway works, where China's first electric locomotive was "
            "built; still the final-assembly hall."
        ),
        "description_zh": (
            "这座联合厂房属于1936年开办的粤汉铁路株洲总机厂，当时用于修理蒸汽机车。\n\n"
            "中国第一台电力机车在这里组装完成。厂房至今仍是中车株机的总装车间，可在预约参观中车株机时看到。"
        ),
        "description_en": (
            "The joint workshop belonged to the Canton–Hankou Railway's Zhuzhou works, opened in 1936 to repair "
            "steam locomotives.\n\n"
            "China's first electric locomotive was assembled here. The hall is still CRRC Zhuzhou's final-assembly "
            "shop and can be seen on a booked visit to the works."
        ),
        "photos": [
            ("rail", "联合厂房与机车（示意）", "The joint workshop and a locomotive (illustration)"),
            ("works", "锯齿形屋顶的老厂房（示意）", "Saw-tooth roofed old halls (illustration)"),
        ],
    },
    {
        "slug": "qingshuitang-1956-gongye-yizhi",
        "name_zh": "清水塘1956工业遗址",
        "name_en": "Qingshuitang 1956 Industrial Ruins",
        "level": "provincial",
        "year_listed": 2022,
        "built_from": 1956,
        "built_to": None,
        "original_use_zh": "重工业厂区",
        "original_use_en": "Heavy-industry works",
        "current_use_zh": "工业遗址，待保护性修缮",
        "current_use_en": "Industrial ruins awaiting repair",
        "state": "ruin",
        "district": "shifeng",
        "site": "qingshuitang-1956",
        "latitude": "27.881000",
        "longitude": "113.078000",
        "summary_zh": "清水塘老工业区留下的厂房和设施，是株洲重工业历史的见证。",
        "summary_en": "Works buildings and structures left in the old Qingshuitang heavy-industry area.",
        "description_zh": (
            "清水塘是株洲的老重工业区，这里的厂房和设施记录了城市工业的起步与转型。\n\n"
            "遗址是正在推进招商落地的工业旅游项目之一，部分区域可在清水塘1956工业遗址开放时参观。"
        ),
        "description_en": (
            "Qingshuitang was Zhuzhou's heavy-industry district; its buildings and structures record how the city's "
            "industry began and changed.\n\n"
            "The ruins are among the industrial tourism projects the city is developing; part can be seen when the "
            "Qingshuitang 1956 site is open."
        ),
        "photos": [
            ("metallurgy", "炉塔与残存厂房（示意）", "A furnace tower and roofless shed (illustration)"),
        ],
    },
    {
        "slug": "zhuma-lao-changfang",
        "name_zh": "株洲麻纺织厂老厂房",
        "name_en": "Old Halls of the Zhuzhou Hemp Textile Mill",
        "level": "provincial",
        "year_listed": 2022,
        "built_from": 1937,
        "built_to": None,
        "original_use_zh": "麻纺织生产车间",
        "original_use_en": "Hemp spinning and weaving halls",
        "current_use_zh": "文创产业园",
        "current_use_en": "Creative industries park",
        "state": "creative",
        "district": "hetang",
        "site": "zhuma-1937",
        "latitude": "27.861000",
        "longitude": "113.171000",
        "summary_zh": "株洲老麻纺织厂的厂房，正在建设为株麻1937文创产业园。",
        "summary_en": "The old hemp mill's halls, being developed as the Zhuma 1937 creative park.",
        "description_zh": ("株洲麻纺织厂的老厂房见证了株洲的纺织工业。\n\n厂区正在建设为株麻1937文创产业园。"),
        "description_en": (
            "The old halls of the Zhuzhou hemp textile mill bear witness to the city's textile industry.\n\n"
            "The grounds are being developed as the Zhuma 1937 creative park."
        ),
        "photos": [
            ("textiles", "锯齿形屋顶的纺织车间（示意）", "Saw-tooth roofed textile halls (illustration)"),
        ],
    },
    {
        "slug": "liling-yao-yizhi",
        "name_zh": "醴陵窑遗址",
        "name_en": "Liling Kiln Ruins",
        "level": "provincial",
        "year_listed": 2022,
        "built_from": None,
        "built_to": None,
        "original_use_zh": "陶瓷烧造窑场",
        "original_use_en": "Kilns for firing ceramics",
        "current_use_zh": "遗址保护与展示",
        "current_use_en": "Protected and presented as a site",
        "state": "ruin",
        "district": "liling",
        "site": "liling-yao",
        "latitude": "27.629000",
        "longitude": "113.471000",
        "summary_zh": "醴陵陶瓷生产的历史窑址。",
        "summary_en": "A historic kiln site of Liling's ceramics industry.",
        "description_zh": ("醴陵窑遗址记录了醴陵陶瓷烧造的历史。\n\n遗址正在推进工业旅游项目建设，目前开放区域有限。"),
        "description_en": (
            "The Liling kiln ruins record the history of ceramics firing in Liling.\n\n"
            "An industrial tourism project is under way; open areas are still limited."
        ),
        "photos": [
            ("ceramics", "窑炉剪影（示意）", "Kiln silhouettes (illustration)"),
        ],
    },
    {
        "slug": "zhuzhou-huagongchang-jiuzhi",
        "name_zh": "株洲化工厂旧址",
        "name_en": "Former Zhuzhou Chemical Plant",
        "level": "municipal",
        "year_listed": 2023,
        "built_from": None,
        "built_to": None,
        "original_use_zh": "化工生产",
        "original_use_en": "Chemical production",
        "current_use_zh": "停产关闭，历史由株化博物馆展示",
        "current_use_en": "Closed; its history is shown at the Chemical Plant Museum",
        "state": "museum",
        "district": "shifeng",
        "site": "zhuhua-bowuguan",
        "latitude": "27.876000",
        "longitude": "113.088000",
        "summary_zh": "运行近60年后关停的株洲化工厂，其历程在井墈社区的株化博物馆展出。",
        "summary_en": "The Zhuzhou Chemical Plant, closed after nearly 60 years; its story is told at the museum in "
        "Jingkan.",
        "description_zh": (
            "株洲化工厂是清水塘老工业区的企业之一，从筹建到关停经历了近60年。\n\n"
            "工厂的文字影像资料和实物标本在清水塘街道井墈社区的株化博物馆展出。"
        ),
        "description_en": (
            "The Zhuzhou Chemical Plant was one of the works in the old Qingshuitang industrial area; nearly 60 years "
            "passed from its planning to its closure.\n\n"
            "Its records, photographs and objects are shown at the Chemical Plant Museum in Jingkan community, "
            "Qingshuitang subdistrict."
        ),
        "photos": [
            ("chemicals", "化工厂的塔器与储罐（示意）", "Columns and tanks of a chemical plant (illustration)"),
            ("museum", "博物馆（示意）", "The museum (illustration)"),
        ],
    },
    {
        "slug": "qingshuitang-gongye-yiliu-jianzhu",
        "name_zh": "清水塘片区工业遗留建筑",
        "name_en": "Industrial Buildings of the Qingshuitang Area",
        "level": "municipal",
        "year_listed": 2023,
        "built_from": None,
        "built_to": None,
        "original_use_zh": "工业厂房与附属设施",
        "original_use_en": "Factory halls and ancillary buildings",
        "current_use_zh": "保护性修缮与改造中",
        "current_use_en": "Being repaired and adapted",
        "state": "repair",
        "district": "shifeng",
        "site": "qingshuitang-1956",
        "latitude": "27.879000",
        "longitude": "113.083000",
        "summary_zh": "清水塘片区的工业遗留建筑，正在进行保护性修缮与改造。",
        "summary_en": "Industrial buildings in the Qingshuitang area, now being repaired and adapted.",
        "description_zh": (
            "株洲市工业文旅提升项目已纳入政府投资计划并完成立项审批，主要内容是对清水塘片区的工业遗留建筑进行保护性修缮与改造。\n\n"
            "施工期间，部分建筑可从清水塘1956工业遗址的开放区域远观。"
        ),
        "description_en": (
            "A city industrial-tourism project, approved and in the government's investment plan, is repairing and "
            "adapting the industrial buildings of the Qingshuitang area.\n\n"
            "During the work some buildings can be seen from the open parts of the Qingshuitang 1956 site."
        ),
        "photos": [
            ("works", "待修缮的老厂房（示意）", "Old works halls awaiting repair (illustration)"),
        ],
    },
    {
        "slug": "youxian-lao-changfang",
        "name_zh": "攸县工业记忆老厂房",
        "name_en": "Old Factory Buildings of Youxian",
        "level": "municipal",
        "year_listed": 2023,
        "built_from": None,
        "built_to": None,
        "original_use_zh": "工业厂房",
        "original_use_en": "Factory buildings",
        "current_use_zh": "改造为攸县工业记忆创意园（建设中）",
        "current_use_en": "Being turned into the Youxian Industrial Memory Creative Park",
        "state": "repair",
        "district": "youxian",
        "site": None,
        "latitude": "27.001000",
        "longitude": "113.351000",
        "summary_zh": "攸县的老工业厂房，正在改造为工业记忆创意园。",
        "summary_en": "Old factory buildings in Youxian being turned into an industrial-memory creative park.",
        "description_zh": (
            "这些老厂房承载着攸县的工业记忆。\n\n攸县工业记忆创意园及配套旅游设施项目正在推进，建成后将对游客开放。"
        ),
        "description_en": (
            "These old factory buildings hold Youxian's industrial memory.\n\n"
            "The creative park and its visitor facilities are being developed and will open to visitors when complete."
        ),
        "photos": [
            ("creative", "改造中的老厂房（示意）", "Old factory halls being converted (illustration)"),
        ],
    },
]
