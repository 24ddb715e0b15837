"""schema.org JSON-LD for the site and heritage pages (core.jsonld has what the apps share)."""

from core.jsonld import about, clean, geo, image_urls
from core.links import absolute_url
from core.translation import is_english


def site_jsonld(request, site):
    data = {
        "@context": "https://schema.org",
        **about(site, "TouristAttraction"),
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
        **about(asset, "LandmarksOrHistoricalBuildings"),
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
