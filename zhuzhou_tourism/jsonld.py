"""schema.org JSON-LD for the home page: the portal as a WebSite with its search, published by the bureau."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.translation import is_english


def home_jsonld():
    bureau = {
        "@type": "GovernmentOrganization",
        "@id": absolute_url("/#bureau"),
        "name": _("Zhuzhou Bureau of Culture, Tourism, Radio, Television and Sports"),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Zhuzhou" if is_english() else "株洲市",
            "addressRegion": "Hunan" if is_english() else "湖南省",
            "addressCountry": "CN",
        },
    }
    website = {
        "@type": "WebSite",
        "@id": absolute_url(reverse("home") + "#website"),
        "name": _("Zhuzhou Industrial Tourism"),
        "url": absolute_url(reverse("home")),
        "inLanguage": "en" if is_english() else "zh-Hans",
        "publisher": {"@id": bureau["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            # Sites are what the home page's search box looks in.
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(reverse("sites:site-list")) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return {"@context": "https://schema.org", "@graph": [website, bureau]}
