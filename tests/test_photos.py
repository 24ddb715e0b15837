"""Photos: renditions are made when a save commits, pages show only renditions with alt text, bad files are refused."""

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import translation
from PIL import Image

from core import images
from sites.models import HeritagePhoto, SitePhoto
from tests.factories import add_photo, jpeg_bytes, make_heritage, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    # A request through /en/ leaves English active in the thread; start every test in the default language.
    translation.activate("zh-hans")
    yield
    translation.deactivate()


def photo_of(owner, width, height, name="hall.jpg", image_format="JPEG", **fields):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 100, 110)).save(buffer, image_format)
    model, key = (SitePhoto, "site") if hasattr(owner, "level_year") else (HeritagePhoto, "asset")
    photo = model(**{key: owner}, alt_zh=fields.pop("alt_zh", "厂房外景"), **fields)
    photo.image.save(name, ContentFile(buffer.getvalue()), save=False)
    with TestCase.captureOnCommitCallbacks(execute=True):  # as if the save committed: small photos' renditions
        photo.save()
    return photo


def renditions_on_disk(settings):
    root = Path(settings.MEDIA_ROOT) / "renditions"
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


# Renditions -------------------------------------------------------------------------------------


def test_saving_a_photo_makes_jpeg_and_webp_renditions_in_every_width_up_to_its_own(settings):
    photo = photo_of(make_site(), 2000, 1000)
    stem = Path(photo.image.name).with_suffix("").as_posix()
    expected = sorted(f"{stem}-{width}.{ext}" for width in images.WIDTHS for ext in ("jpg", "webp"))
    assert renditions_on_disk(settings) == expected
    for width in images.WIDTHS:
        for fmt, (ext, pil_format, _options) in images.FORMATS.items():
            with Image.open(Path(settings.MEDIA_ROOT) / images.rendition_name(photo.image.name, width, fmt)) as made:
                assert (made.format, made.size) == (pil_format, (width, width // 2)), (fmt, ext)


def test_a_photo_narrower_than_the_widest_rendition_is_not_enlarged(settings):
    photo = photo_of(make_site(), 1200, 800)
    widths = {int(re.search(r"-(\d+)\.", name).group(1)) for name in renditions_on_disk(settings)}
    assert widths == {480, 960}
    assert photo.rendition_url(1600).endswith("-960.jpg")
    assert photo.srcset_webp.count("w,") == 1


def test_a_small_photo_still_gets_the_smallest_rendition_at_its_own_size(settings):
    photo = photo_of(make_site(), 300, 200, name="small.png", image_format="PNG")
    with Image.open(Path(settings.MEDIA_ROOT) / images.rendition_name(photo.image.name, 480, "jpeg")) as made:
        assert made.size == (300, 200)
    assert photo.src.endswith("small-480.jpg")


def test_heritage_photos_get_renditions_too(settings):
    photo = photo_of(make_heritage(), 1000, 600)
    assert len(renditions_on_disk(settings)) == 4
    assert photo.thumbnail_url.endswith("-480.jpg")


def test_renditions_are_not_remade_when_they_exist(settings):
    photo = photo_of(make_site(), 1000, 600)
    assert images.make_renditions(photo.image.name) == 0
    assert images.make_renditions(photo.image.name, force=True) == 4


def test_photos_record_their_size(settings):
    photo = photo_of(make_site(), 1000, 600)
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (1000, 600)
    assert photo.ratio_height_960 == 576


# Pages ------------------------------------------------------------------------------------------


@pytest.fixture
def pictured():
    site = make_site(slug="pictured", featured=True, level="national")
    add_photo(
        site, alt_zh="总装车间里的电力机车", alt_en="An electric locomotive in the assembly hall", caption_zh="总装"
    )
    add_photo(site, position=1, alt_zh="厂区大门", alt_en="")
    asset = make_heritage(slug="pictured-heritage", site=site)
    photo_of(asset, 1000, 700, alt_zh="老厂房", alt_en="The old workshop")
    photo_of(asset, 1000, 700, name="second.jpg", alt_zh="屋顶", position=1)
    return site, asset


PAGES = ["/", "/sites/", "/sites/pictured/", "/heritage/", "/heritage/pictured-heritage/", "/map/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_show_renditions_and_never_the_original_upload(client, settings, pictured, path):
    page = client.get(path).content.decode()
    originals = [photo.image.url for photo in [*SitePhoto.objects.all(), *HeritagePhoto.objects.all()]]
    assert not [url for url in originals if url in page]
    for url in re.findall(r"/media/[^\s\"',]+", page):
        assert url.startswith("/media/renditions/"), url
        response = client.get(url)  # on disk already, or made now from the original
        assert response.status_code == 200 and response["Content-Type"].startswith("image/"), url


def test_pictures_offer_webp_with_a_jpeg_fallback(client, pictured):
    page = client.get("/sites/pictured/").content.decode()
    assert re.search(r'<source type="image/webp" srcset="/media/renditions/[^"]+-480\.webp 480w, ', page)
    assert re.search(r'<img src="/media/renditions/[^"]+-960\.jpg" srcset="[^"]+-480\.jpg 480w', page)


def test_alt_text_is_rendered_in_the_language_of_the_page(client, pictured):
    chinese = client.get("/sites/pictured/").content.decode()
    english = client.get("/en/sites/pictured/").content.decode()
    assert 'alt="总装车间里的电力机车"' in chinese
    assert 'alt="An electric locomotive in the assembly hall"' in english
    assert 'alt="厂区大门"' in english  # no English alt text: the Chinese one, never an empty alt
    assert 'alt="The old workshop"' in client.get("/en/heritage/pictured-heritage/").content.decode()


def test_every_content_image_has_alt_text(client, pictured):
    for path in PAGES:
        for tag in re.findall(r"<img [^>]*>", client.get(path).content.decode()):
            if "/media/" in tag:
                assert re.search(r'alt="[^"]+"', tag), (path, tag)


def test_captions_are_shown_in_the_gallery(client, pictured):
    assert "<figcaption>总装</figcaption>" in client.get("/sites/pictured/").content.decode()


def test_a_photo_without_alt_text_is_refused():
    photo = SitePhoto(site=make_site(), alt_zh="")
    photo.image.save("real.jpg", ContentFile(jpeg_bytes()), save=False)
    with pytest.raises(ValidationError) as caught:
        photo.full_clean()
    assert list(caught.value.message_dict) == ["alt_zh"]


# The image validator ----------------------------------------------------------------------------


def truncated_jpeg():
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 80).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def gif_bytes():
    buffer = io.BytesIO()
    Image.new("P", (900, 600)).save(buffer, "GIF")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"This is a text file, not a photo.", "This file is not a readable image."),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "This file is not a readable image."),
        (truncated_jpeg(), "This file is not a readable image."),
        (gif_bytes(), "Upload a JPEG, PNG or WebP photo."),
        (b"", "This file is not a readable image."),
    ],
    ids=["text renamed .jpg", "a JPEG header only", "truncated JPEG", "GIF", "empty file"],
)
def test_the_image_validator_refuses_bad_files_with_a_clear_message(content, message):
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            images.validate_image(SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg"))
        assert caught.value.messages == [message]


def test_the_image_validator_accepts_jpeg_png_and_webp():
    for image_format in ("JPEG", "PNG", "WEBP"):
        buffer = io.BytesIO()
        Image.new("RGB", (900, 600)).save(buffer, image_format)
        upload = SimpleUploadedFile(f"photo.{image_format.lower()}", buffer.getvalue())
        images.validate_image(upload)
        assert upload.tell() == 0  # left ready to be read again and stored


def test_full_clean_refuses_a_fake_photo_on_the_image_field():
    photo = SitePhoto(site=make_site(), alt_zh="假照片")
    photo.image.save("fake.jpg", ContentFile(b"<?php echo 1; ?>"), save=False)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            photo.full_clean()
        assert caught.value.message_dict["image"] == ["This file is not a readable image."]


def test_a_photo_whose_original_went_missing_is_refused_with_a_message_not_a_crash(settings):
    # A database restored without its media folder: staff editing the site must be told, not see a 500.
    photo = SitePhoto.objects.get(pk=add_photo(make_site()).pk)
    (Path(settings.MEDIA_ROOT) / photo.image.name).unlink()
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            photo.full_clean()
        assert caught.value.message_dict["image"] == ["This file is not a readable image."]


def test_a_real_photo_passes_full_clean():
    photo = SitePhoto(site=make_site(), alt_zh="厂房")
    photo.image.save("real.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.full_clean()


def test_a_cover_read_with_its_row_is_the_first_photo_as_prefetching_gives_it():
    site, bare = make_site(name_zh="有照片"), make_site(name_zh="没有照片")
    add_photo(site, position=2, alt_zh="后")
    first = add_photo(site, position=1, alt_zh="前", alt_en="Front", caption_zh="说明")
    read = {row.pk: row for row in type(site).objects.with_cover()}
    prefetched = {row.pk: row for row in type(site).objects.for_listing()}
    cover = read[site.pk].cover
    assert cover == first == prefetched[site.pk].cover
    assert (cover.image.name, cover.width, cover.height, cover.alt_en, cover.caption_zh, cover.site_id) == (
        first.image.name,
        first.width,
        first.height,
        "Front",
        "说明",
        site.pk,
    )
    assert cover.srcset_webp == first.srcset_webp
    assert read[bare.pk].cover is None is prefetched[bare.pk].cover
