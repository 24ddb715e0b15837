"""The Chinese catalogue: complete, compiled, and used by the pages.

Chinese is the site's default language and every msgid is English, so an untranslated string shows English to
most visitors. The .po is read with a few lines of Python here (no polib) so the suite needs no extra package.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests.factories import make_site

pytestmark = pytest.mark.django_db

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"


def parse_po(path):
    """The entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr (a dict by plural index), fuzzy."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):  # blank, or an obsolete entry
            continue
        if line.startswith("#"):
            if entry is not None and "msgid" in entry:  # a comment opens the next entry
                finish()
                entry = None
            entry = entry or {"msgstr": {}, "fuzzy": False}
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            continue
        keyword, _, rest = line.partition(" ") if not line.startswith('"') else ("", "", line)
        if keyword:
            if keyword in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
                finish()
                entry = None
            entry = entry or {"msgstr": {}, "fuzzy": False}
            plural = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            field = ("msgstr", int(plural.group(1))) if plural else ("msgstr", 0) if keyword == "msgstr" else keyword
            line = rest
        value = ast.literal_eval(line)
        if isinstance(field, tuple):
            entry["msgstr"][field[1]] = entry["msgstr"].get(field[1], "") + value
        else:
            entry[field] = entry.get(field, "") + value
    finish()
    return [e for e in entries if e["msgid"] or e.get("msgctxt")]  # drop the header


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = parse_po(PO_FILE)
    assert len(entries) > 100, "the catalogue looks truncated"
    untranslated = [e["msgid"] for e in entries if not e["msgstr"] or not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if e["fuzzy"]]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy[:20]}"


def test_header_declares_one_plural_form():
    text = PO_FILE.read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    assert '#, fuzzy\nmsgid ""' not in text


def test_compiled_catalogue_matches_the_po():
    """A forgotten compilemessages leaves the .mo behind the .po: the site would show the old strings."""
    with MO_FILE.open("rb") as fp:
        mo = gettext.GNUTranslations(fp)
    stale = []
    for e in parse_po(PO_FILE):
        msgid, ctx = e["msgid"], e.get("msgctxt")
        if "msgid_plural" in e:
            got = mo.npgettext(ctx, msgid, e["msgid_plural"], 1) if ctx else mo.ngettext(msgid, e["msgid_plural"], 1)
        else:
            got = mo.pgettext(ctx, msgid) if ctx else mo.gettext(msgid)
        if got != e["msgstr"][0]:
            stale.append(msgid)
    assert not stale, f"django.mo is out of date for {len(stale)} strings, e.g. {stale[:10]}; run compilemessages"


def url(name, language, **kwargs):
    with translation.override(language):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            return None


def visible_strings(html):
    """Text nodes and the human-readable attributes of a page, less scripts and the links marked lang="en"."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    html = re.sub(r'<(?!html\b)(\w+)\b[^>]*\blang="en"[^>]*>.*?</\1>', "", html, flags=re.S)
    texts = re.findall(r">([^<]+)<", html)
    attrs = re.findall(r'\b(?:aria-label|placeholder|title|alt)="([^"]*)"', html)
    return {" ".join(s.split()) for s in texts + attrs} - {""}


def english_msgids():
    return {e["msgid"] for e in parse_po(PO_FILE) if "%" not in e["msgid"] and e["msgstr"].get(0) != e["msgid"]}


def test_home_page_is_in_chinese_by_default(client):
    html = client.get("/").content.decode()
    assert "株洲工业旅游" in html
    assert "神农福地 制造名城" in html
    assert "Land of Shennong, City of Manufacturing" not in html
    assert '<html lang="zh-Hans"' in html


def test_home_page_in_english_under_en(client):
    html = client.get(url("home", "en")).content.decode()
    assert "Zhuzhou Industrial Tourism" in html
    assert "Land of Shennong, City of Manufacturing" in html
    assert "神农福地 制造名城" not in html


PAGES = [
    ("home", "神农福地 制造名城"),
    ("sites:site-list", "景点"),
    ("sites:heritage-list", "工业遗产"),
    ("points:point-list", "示范点"),
    ("sites:map", "地图"),
    ("events:event-list", "活动"),
    ("events:calendar", "活动日历"),
    ("itineraries:route-list", "线路"),
    ("bookings:programme-list", "研学游"),
]


@pytest.mark.parametrize(("name", "chinese"), PAGES, ids=[name for name, _ in PAGES])
def test_chinese_pages_show_no_english_interface_strings(client, name, chinese):
    path = url(name, "zh-hans")
    if path is None:
        pytest.skip(f"{name} is not routed")
    make_site(name_zh="株洲电力机车", level="national", level_year=2020)
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert chinese in html
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, flags=re.S)
    if nav:
        labels = [s for s in visible_strings(nav.group(0)) if re.search(r"[A-Za-z]{2,}", s)]
        assert not labels, f"English in the Chinese navigation of {path}: {labels}"
    leftovers = visible_strings(html) & english_msgids()
    assert not leftovers, f"untranslated strings on {path}: {sorted(leftovers)}"


def test_site_page_is_in_chinese(client):
    site = make_site(name_zh="株洲电力机车", level="national", level_year=2020)
    html = client.get(site.get_absolute_url()).content.decode()
    assert "国家工业旅游示范基地" in html
    leftovers = visible_strings(html) & english_msgids()
    assert not leftovers, f"untranslated strings on the site page: {sorted(leftovers)}"
