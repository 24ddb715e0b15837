import functools
import io

import pytest
from django.core.management import call_command
from PIL import Image

from demo import content, placeholders
from sites.filters import SiteFilter
from sites.models import HeritageAsset, HeritagePhoto, OpeningException, OpeningPeriod, Site, SitePhoto

MODELS = (Site, HeritageAsset, SitePhoto, HeritagePhoto, OpeningPeriod, OpeningException)


@pytest.fixture
def media(settings, tmp_path, monkeypatch):
    """Files go to a temporary MEDIA_ROOT; placeholders are drawn small to keep the tests quick."""
    settings.MEDIA_ROOT = tmp_path
    small = functools.partial(placeholders.industrial_placeholder, width=320, height=200)
    monkeypatch.setattr("demo.photos.industrial_placeholder", small)
    return tmp_path


@pytest.fixture
def loaded(media, db):
    call_command("load_demo_data", stdout=io.StringIO())
    return media


def _snapshot(media):
    counts = {model.__name__: model.objects.count() for model in MODELS}
    images = sorted(p.image.name for p in [*SitePhoto.objects.all(), *HeritagePhoto.objects.all()])
    # Media files only: the page cache's version files (tests/conftest.py) live beside them.
    files = sorted(
        str(path.relative_to(media)) for path in media.rglob("*") if path.is_file() and "page-cache" not in path.parts
    )
    return counts, images, files


@pytest.mark.django_db
def test_running_twice_gives_the_same_database_and_files(loaded):
    before = _snapshot(loaded)
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    assert _snapshot(loaded) == before
    assert "sites updated" in out.getvalue() and "photos kept" in out.getvalue()
    counts = before[0]
    assert counts["Site"] == len(content.read("sites")["sites"])
    assert counts["HeritageAsset"] == len(content.read("heritage")["heritage"])
    assert len(before[2]) > counts["SitePhoto"] + counts["HeritagePhoto"]  # the renditions were made too


@pytest.mark.django_db
def test_crrc_and_lusong_are_national_bases(loaded):
    national = SiteFilter({"level": "national"}, queryset=Site.objects.published()).qs
    assert {"zhongche-zhuji", "lusong-hangkong-xiaozhen"} <= set(national.values_list("slug", flat=True))
    crrc = Site.objects.get(slug="zhongche-zhuji")
    assert crrc.level_year and crrc.booking_required and crrc.for_study_tours and crrc.district == "shifeng"


@pytest.mark.django_db
def test_search_for_ceramics_finds_liling(loaded):
    found = SiteFilter({"q": "陶瓷"}, queryset=Site.objects.published()).qs
    assert found.filter(district="liling", industry="ceramics").count() >= 2
    assert found.filter(slug="zhongguo-taoci-gu").exists()


@pytest.mark.django_db
def test_published_sites_are_complete(loaded):
    published = Site.objects.published()
    assert published.count() == Site.objects.count()
    assert published.filter(featured=True).count() == 6
    for site in published:
        photos = list(site.photos.all())
        assert photos and all(p.alt_zh and p.alt_en and p.width and p.height for p in photos), site.slug
        assert site.has_coordinates and site.coordinates_approximate, site.slug
        assert site.periods.exists(), site.slug
        assert len(site.summary_zh) <= 120, site.slug
        assert 2 <= len(site.description_zh.split("\n\n")) <= 5, site.slug
    for obj in [*Site.objects.all(), *HeritageAsset.objects.all()]:
        assert obj.name_en and obj.summary_en and obj.description_en, obj.slug


@pytest.mark.django_db
def test_heritage_is_linked_and_marked_illustrative(loaded):
    assert HeritageAsset.objects.filter(level="national").count() == 1
    joint_workshop = HeritageAsset.objects.get(level="national")
    assert joint_workshop.site.slug == "zhongche-zhuji" and joint_workshop.state == "production"
    note = content.read("texts")["notes"]["heritage"]
    note_zh, note_en = note["zh"], note["en"]
    for asset in HeritageAsset.objects.all():
        assert asset.description_zh.endswith(note_zh) and asset.description_en.endswith(note_en), asset.slug
        assert 1 <= asset.photos.count() <= 2 and asset.has_coordinates


def test_placeholder_is_a_deterministic_jpeg():
    first = placeholders.industrial_placeholder("zhongche-zhuji-0", "rail", width=400, height=250)
    assert first == placeholders.industrial_placeholder("zhongche-zhuji-0", "rail", width=400, height=250)
    with Image.open(io.BytesIO(first)) as image:
        assert image.format == "JPEG" and image.size == (400, 250)
    for kind in placeholders.KINDS:
        assert placeholders.industrial_placeholder("seed", kind, width=160, height=100)


@pytest.mark.django_db
def test_visitors_see_the_demo_heritage_in_the_registry(loaded, client):
    page = client.get("/heritage/").content.decode()
    assert "粤汉铁路株洲总机厂联合厂房" in page
    assert HeritageAsset.objects.published().count() == HeritageAsset.objects.count()
