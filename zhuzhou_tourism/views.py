from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import CharField, Count, Value
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.functional import SimpleLazyObject
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from api import errors as api_errors
from core.choices import Industry
from core.links import absolute_url
from core.models import rank_by
from core.pagecache import cache_public_page, this_minute
from sites.filters import LEVEL_ORDER
from sites.models import DemonstrationLevel, FigureKey, HeritageAsset, HeritageLevel, OfficialFigure, Site
from zhuzhou_tourism.jsonld import home_jsonld

FEATURED_COUNT = 6

# Which official figure stands beside each level the portal lists.
SITE_FIGURES = {
    "national": FigureKey.NATIONAL_BASES,
    "provincial": FigureKey.PROVINCIAL_POINTS,
    "municipal": FigureKey.MUNICIPAL_POINTS,
}
HERITAGE_FIGURES = {
    "national": FigureKey.NATIONAL_HERITAGE,
    "provincial": FigureKey.PROVINCIAL_HERITAGE,
    "municipal": FigureKey.MUNICIPAL_HERITAGE,
}


def _counts(found, choices, figures, official):
    """Per level: what the portal lists (`count`) and the bureau's own figure (`official`, or None)."""
    return [
        {
            "value": value,
            "label": label,
            "count": found.get(value, 0),
            "official": official.get(figures.get(value)),
        }
        for value, label in choices
    ]


def _level_counts():
    """{("sites" or "heritage", level): how many the portal lists}, both counts in one query."""
    kinds = [("sites", Site.objects.published()), ("heritage", HeritageAsset.objects.published())]
    first, *others = (
        queryset.values_list(Value(kind, output_field=CharField()), "level").annotate(n=Count("*")).order_by()
        for kind, queryset in kinds
    )
    return {(kind, level): n for kind, level, n in first.union(*others, all=True).order_by()}


def _figures():
    level_choices = [c for c in DemonstrationLevel.choices if c[0] != DemonstrationLevel.NONE]
    official = {figure.key: figure for figure in OfficialFigure.objects.all()}
    found = _level_counts()
    sites = {level: n for (kind, level), n in found.items() if kind == "sites"}
    heritage = {level: n for (kind, level), n in found.items() if kind == "heritage"}
    return {
        "sites": _counts(sites, level_choices, SITE_FIGURES, official),
        "heritage": _counts(heritage, HeritageLevel.choices, HERITAGE_FIGURES, official),
        # One line per source, however many figures it gives.
        "sources": sorted({(figure.source, figure.year) for figure in official.values()}, key=lambda s: (s[1], s[0])),
    }


@require_safe
@cache_public_page
def home(request):
    sites = Site.objects.published()
    # Lazy, like the sections' template tags: on a data-cache hit the template needs none of them.
    return render(
        request,
        "home.html",
        {
            # National bases first: the first one's photo is the hero of the page.
            "featured": sites.filter(featured=True)
            .for_cards()
            .order_by(rank_by("level", LEVEL_ORDER), "name_zh")[:FEATURED_COUNT],
            "figures": SimpleLazyObject(_figures),
            "industries": Industry.choices,
            "minute": this_minute(),
            "jsonld": home_jsonld(),
        },
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        f"Disallow: /en/{settings.ADMIN_URL}",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page links (scripts/make_favicon.py)."""
    path = finders.find("img/favicon.ico")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")


def bad_request(request, exception):
    if request.path.startswith("/api/"):
        return api_errors.json_bad_request(request)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    if request.path.startswith("/api/"):
        return api_errors.json_not_found(request)
    return render(request, "404.html", status=404)


# The 500 page carries its own styles (it must render whatever broke) and shows no data: allow them there only.
@csp_override({**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]})
def server_error(request):
    if request.path.startswith("/api/"):
        return api_errors.json_server_error(request)
    return render(request, "500.html", status=500)
