"""The crawl's URLs, printed as one JSON object of groups (run inside Django by bench/pages.py --crawl).

Every published site, heritage place and event page, and list pages across filters, page numbers and search words
in both languages: what a search engine's crawler walks."""

import itertools
import json

from core.choices import Audience, District, Industry
from events.models import Event
from sites.models import HeritageAsset, Site

PAGE_SIZE = 12
WORDS = ["陶瓷", "机车", "工厂", "博物馆", "烟花", "航空", "醴陵", "rail", "服装", "遗址"]


def list_paths(sites, heritage):
    paths = []
    for prefix in ("", "/en"):
        paths += [f"{prefix}/sites/?page={page}" for page in range(1, 1 + sites // PAGE_SIZE, 7)]
        paths += [f"{prefix}/heritage/?page={page}" for page in range(1, 1 + heritage // PAGE_SIZE, 9)]
        for district, industry in itertools.product(District.values, Industry.values):
            query = f"district={district}&industry={industry}"
            paths += [f"{prefix}/sites/?{query}", f"{prefix}/sites/?{query}&page=2"]
        for district, audience in itertools.product(District.values, Audience.values):
            paths.append(f"{prefix}/events/?district={district}&audience={audience}")
        paths += [f"{prefix}/heritage/?district={district}" for district in District.values]
        for word in WORDS:
            paths += [f"{prefix}/sites/?q={word}", f"{prefix}/heritage/?q={word}"]
        for page in range(1, 40):
            paths += [f"{prefix}/events/?page={page}", f"{prefix}/routes/?page={page}"]
    return paths


def main():
    sites = list(Site.objects.published().values_list("slug", flat=True))
    heritage = list(HeritageAsset.objects.published().values_list("slug", flat=True))
    events = list(Event.objects.published().values_list("slug", flat=True))
    groups = {
        "site_pages": [f"/sites/{slug}/" for slug in sites],
        "heritage_pages": [f"/heritage/{slug}/" for slug in heritage],
        "event_pages": [f"/events/{slug}/" for slug in events],
        "list_pages": list_paths(len(sites), len(heritage)),
    }
    print(json.dumps(groups, ensure_ascii=False))
