"""What the OpenAPI description says about each operation, in English with the Chinese alongside."""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiTypes, extend_schema

from api import serializers
from api.geojson import FEATURE_COLLECTION


def _list(summary, description, serializer):
    return {"summary": summary, "description": description, "responses": {200: serializer(many=True)}}


def _detail(summary, description, serializer):
    return {"summary": summary, "description": description, "responses": {200: serializer}}


SLUG = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="The identifier from a list. 标识（来自列表）。"
)

SITES_LIST = extend_schema(
    **_list(
        "Sites · 工业旅游点",
        "Published industrial tourism sites, national bases first, then featured, then by Chinese name "
        "(the directory's order). 已发布的工业旅游点，国家级示范基地在前。",
        serializers.SiteSerializer,
    ),
    tags=["Places · 地点"],
)
SITES_DETAIL = extend_schema(
    **_detail(
        "One site · 单个旅游点",
        "A published site with its weekly hours, closures and special openings from yesterday on, and the "
        "industrial heritage seen there. 旅游点详情：开放时间、例外日期、可参观的工业遗产。",
        serializers.SiteDetailSerializer,
    ),
    parameters=[SLUG],
    tags=["Places · 地点"],
)
HERITAGE_LIST = extend_schema(
    **_list(
        "Industrial heritage · 工业遗产",
        "Published industrial heritage, national first. 已发布的工业遗产，国家级在前。",
        serializers.HeritageSerializer,
    ),
    tags=["Places · 地点"],
)
HERITAGE_DETAIL = extend_schema(
    **_detail(
        "One heritage place · 单个工业遗产", "With its description. 含介绍。", serializers.HeritageDetailSerializer
    ),
    parameters=[SLUG],
    tags=["Places · 地点"],
)
EVENTS_LIST = extend_schema(
    **_list(
        "Events · 活动",
        "Published events with a date inside the date filters (by default a date not yet over), each event once, "
        "at its first such date, soonest first; `occurrences` gives up to 20 of those dates. "
        "已发布的活动，按最近日期排序；每个活动列出筛选范围内的日期（最多20个）。",
        serializers.EventSerializer,
    ),
    tags=["Events · 活动"],
)
EVENTS_DETAIL = extend_schema(
    **_detail(
        "One event · 单个活动",
        "A published event with every date, past ones included. 活动详情，含全部日期。",
        serializers.EventDetailSerializer,
    ),
    parameters=[SLUG],
    tags=["Events · 活动"],
)
ROUTES_LIST = extend_schema(
    **_list(
        "Themed routes · 主题线路",
        "Published themed routes with their stops at published places, featured first. 已发布的主题线路及其站点。",
        serializers.RouteSerializer,
    ),
    tags=["Routes · 线路"],
)
ROUTES_DETAIL = extend_schema(
    **_detail(
        "One route · 单条线路",
        "A published route with its introduction, tips and stops. 线路详情。",
        serializers.RouteDetailSerializer,
    ),
    parameters=[SLUG],
    tags=["Routes · 线路"],
)
PROGRAMMES_LIST = extend_schema(
    **_list(
        "Study-tour programmes · 研学项目",
        "Published study-tour programmes at published sites, by title, each with its next slot to book. "
        "Bookings themselves and their contact data are never part of the API. "
        "已发布的研学项目；预订及联系人信息不对外提供。",
        serializers.ProgrammeSerializer,
    ),
    tags=["Study tours · 研学"],
)
PROGRAMMES_DETAIL = extend_schema(
    **_detail(
        "One programme with live availability · 研学项目及实时余位",
        "A programme with its slots open for booking requests and the places left in each, counted from the "
        "bookings at this minute. 项目详情及各时段实时余位。",
        serializers.ProgrammeDetailSerializer,
    ),
    parameters=[SLUG],
    tags=["Study tours · 研学"],
)
VOCABULARIES = {
    "summary": "Vocabularies · 词表",
    "description": "Every code the filters and fields use, with its label: levels, industries, districts, "
    "audiences, event kinds, route themes, grades. 筛选与字段所用的全部代码及名称。",
    "responses": {200: serializers.VocabulariesSerializer},
    "tags": ["Vocabularies · 词表"],
    "examples": [
        OpenApiExample(
            "Districts in English",
            value={"districts": [{"code": "liling", "label": "Liling City"}]},
            response_only=True,
        )
    ],
}
GEOJSON_LIST = {
    "summary": "As GeoJSON · 地图图层",
    "description": "The located places the same filters select, as a GeoJSON FeatureCollection (RFC 7946: WGS-84, "
    "longitude first), in pages of up to 1,000 with `count`, `next` and `previous` as foreign members. "
    "按相同筛选条件返回有坐标的地点（GeoJSON，WGS-84）。",
    "responses": {(200, "application/geo+json"): FEATURE_COLLECTION, (200, "application/json"): FEATURE_COLLECTION},
    "filters": True,
    "tags": ["Places · 地点"],
    "parameters": [
        OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1. 页码。"),
        OpenApiParameter("page_size", OpenApiTypes.INT, description="Features per page (default 500, at most 1000)."),
    ],
}
GEOJSON_ROUTE = {
    "summary": "A route as GeoJSON · 线路地图",
    "description": "The route as a LineString through its located stops, then each stop as a numbered Point "
    "(RFC 7946: WGS-84, longitude first). 线路折线及各站点。",
    "responses": {(200, "application/geo+json"): FEATURE_COLLECTION, (200, "application/json"): FEATURE_COLLECTION},
    "parameters": [SLUG],
    "tags": ["Routes · 线路"],
}
