"""The OpenAPI 3.1 description: the parameters every operation shares, the one error shape, bilingual words."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes

from api.params import LANGUAGES

DESCRIPTION = """\
The published catalogue of Zhuzhou's industrial tourism portal as data: sites, industrial heritage, events with
their dates, themed routes with their stops, study-tour programmes with the places left in their slots, and the
vocabularies their codes come from. Read-only, no key, no sign-in. 株洲工业旅游门户的开放数据：旅游点、工业遗产、
活动及日期、主题线路及站点、研学项目及实时余位、词表。只读，无需密钥或登录。

* **Language 语言**: `lang=zh` (default 默认) or `lang=en`, else the `Accept-Language` header. English texts fall
  back to Chinese where no English is written. `lang=all` gives every text as `{"zh": …, "en": …}` (`en` is null
  where missing). `lang=all` 同时返回中英文。
* **Pages 分页**: `page` and `page_size` (at most 100); `next` and `previous` link the neighbours. The order is
  stable (it ends with the primary key). 顺序稳定。
* **Caching 缓存**: every answer has an `ETag` and a `Last-Modified`; send `If-None-Match` or `If-Modified-Since`
  to get a `304 Not Modified` while nothing changed. 支持条件请求（304）。
* **Limits 限流**: requests per client address are limited; over the limit the answer is `429` with
  `Retry-After`. 超限返回429。
* **Errors 错误**: always JSON, one shape: `{"status", "code", "message", "errors": {parameter: [messages]}}`.
  Unknown parameters are refused (400), so a typo never returns the whole catalogue. 错误统一为JSON格式。
* **GeoJSON**: `/sites/geojson/`, `/heritage/geojson/` (same filters) and `/routes/{slug}/geojson/`.
* **Pages with schema.org JSON-LD 结构化数据**: every object's `url` is its public page, which carries schema.org
  JSON-LD; an object's own address also links it in a `Link: <…>; rel="alternate"; type="text/html"` header.
* Only what is published is here: drafts, proposed changes and bookings never are. 仅含已发布内容。
"""

LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(LANGUAGES),
    description="Language of texts: zh (Chinese, default), en (English), all (both, as {zh, en} objects). "
    "Overrides Accept-Language. 文本语言：zh 中文（默认）、en 英文、all 中英文。",
)
ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="Used when `lang` is not given: the first of Chinese or English it names. 未指定lang时使用。",
)

# Filters, described once for every operation that takes them.
PARAMETERS = {
    "q": "Keywords in the names, summaries and descriptions (both languages), at most 100 characters. 关键词。",
    "level": "Level (see the vocabularies). 等级。",
    "industry": "Industry. 行业。",
    "district": "District or county of Zhuzhou. 区县。",
    "audience": "Places or events suited to this audience. 适合人群。",
    "open_on": "Open at some time on this day (YYYY-MM-DD, Beijing time). 当天开放。",
    "sort": "Order: name, level, or -updated (recently updated first); default: recommended. 排序。",
    "state": "State of the heritage place. 现状。",
    "kind": "Kind of event. 活动类型。",
    "date_from": "Dates ending after the start of this day (YYYY-MM-DD, 2000–2100). 起始日期。",
    "date_to": "Dates starting before the end of this day (YYYY-MM-DD, 2000–2100). 截止日期。",
    "free": "true: free admission only. 仅免费。",
    "theme": "Route theme. 线路主题。",
    "days": "Length in days: 1, 2, or 3 for three days or more. 天数。",
    "grade": "Offered for this grade band. 学段。",
    "site": "Programmes at this site (its slug). 所在旅游点。",
    "date": "With a slot open for booking on this day (YYYY-MM-DD). 可预约日期。",
}


class ApiSchema(AutoSchema):
    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANG, ACCEPT_LANGUAGE]


ERROR = {
    "type": "object",
    "description": "The one shape of every error. 统一错误格式。",
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status."},
        "code": {
            "type": "string",
            "enum": [
                "invalid_parameter",
                "bad_request",
                "not_found",
                "method_not_allowed",
                "not_acceptable",
                "throttled",
                "error",
            ],
        },
        "message": {"type": "string", "description": "In the language asked for. 按所选语言。"},
        "errors": {
            "type": "object",
            "description": "Each bad parameter with its messages; empty otherwise. 各错误参数及说明。",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["status", "code", "message", "errors"],
    "additionalProperties": False,
}
ERRORS = {
    "400": "A parameter is unknown or has a bad value. 参数错误。",
    "404": "No published object at this address, or no such page. 未找到。",
    "406": "The Accept header asks for a type this address does not give. 不支持的格式。",
    "429": "Too many requests from this client; see Retry-After. 请求过多。",
}


def add_common_responses(result, generator, request, public):
    """Postprocessing hook: the description, the error responses, bilingual parameter descriptions, and 304."""
    result["info"]["description"] = DESCRIPTION
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter["name"] in PARAMETERS:
                    parameter["description"] = PARAMETERS[parameter["name"]]
            responses = operation.setdefault("responses", {})
            responses["304"] = {"description": "Not modified since If-None-Match / If-Modified-Since. 未修改。"}
            for code, description in ERRORS.items():
                responses[code] = {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
    return result
