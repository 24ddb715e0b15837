"""schema.org JSON-LD for the site and heritage pages (core.jsonld has what the apps share)."""

from core.jsonld import clean, geo, image_urls
from core.links import absolute_url
from core.translation import is_english


def site_jsonld(request, site):
    data = {
        "@context": "https://schema.org",
        "@type": "TouristAttraction",
        "name": site.name,
        "alternateName": site.name_zh if is_english() else site.name_en,
        "description": site.summary or site.description[:300],
        "url": absolute_url(site.get_absolute_url()),
        "image": image_urls(site),
        "geo": geo(site),
        "address": clean(
            {
                "@type": "PostalAddress",
                "streetAddress": site.address,
                "addressLocality": str(site.get_district_display()),
                "addressRegion": "Hunan" if is_english() else "湖南省",
                "addressCountry": "CN",
            }
        ),
        "telephone": site.phone,
        "isAccessibleForFree": site.admission_free,
        "touristType": site.audience_labels(),
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{_SCHEMA_DAYS[p.weekday]}",
                "opens": p.opens.strftime("%H:%M"),
                "closes": p.closes.strftime("%H:%M"),
            }
            for p in site.periods.all()
        ],
        "sameAs": site.website,
    }
    data["touristType"] = [str(label) for label in data["touristType"]]
    return clean(data)


def heritage_jsonld(request, asset):
    data = {
        "@context": "https://schema.org",
        "@type": "LandmarksOrHistoricalBuildings",
        "name": asset.name,
        "alternateName": asset.name_zh if is_english() else asset.name_en,
        "description": asset.summary or asset.description[:300],
        "url": absolute_url(asset.get_absolute_url()),
        "image": image_urls(asset),
        "geo": geo(asset),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": str(asset.get_district_display()),
            "addressCountry": "CN",
        },
    }
    if asset.site_id and asset.site.is_live():
        data["containedInPlace"] = {
            "@type": "TouristAttraction",
            "name": asset.site.name,
            "url": absolute_url(asset.site.get_absolute_url()),
        }
    return clean(data)


_SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
