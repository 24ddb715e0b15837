"""What every public content type shares (core.publishing.Listing): a pinyin slug from its Chinese name, fixed
once published so that links keep working, and a cover photo."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import add_photo, make_heritage, make_site
from tests.test_bookings_helpers import make_programme
from tests.test_routes import make_event, make_route

pytestmark = pytest.mark.django_db

MAKERS = {
    "site": lambda **f: make_site(**f),
    "heritage asset": lambda **f: make_heritage(**f),
    "event": lambda **f: make_event(**f),
    "themed route": lambda **f: make_route(**f),
    "study programme": lambda **f: make_programme(**f),
}


@pytest.mark.parametrize("kind", MAKERS)
def test_a_published_items_address_cannot_change(kind):
    item = MAKERS[kind](slug=f"fixed-{kind.replace(' ', '-')}", published=True)
    item.slug = "another-address"
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert refused.value.message_dict["slug"] == [f"A published {kind} keeps its address: the slug cannot change."]


@pytest.mark.parametrize("kind", MAKERS)
def test_a_drafts_address_may_change(kind):
    item = MAKERS[kind](slug=f"draft-{kind.replace(' ', '-')}", published=False)
    item.slug = "another-address"
    item.full_clean()


@pytest.mark.parametrize("kind", ["site", "heritage asset", "event", "themed route"])
def test_an_empty_slug_is_made_from_the_chinese_name(kind):
    field = "name_zh" if kind in ("site", "heritage asset") else "title_zh"
    item = MAKERS[kind](slug="", **{field: "株洲工业"})
    assert item.slug == "zhu-zhou-gong-ye"


def test_the_cover_is_the_first_photo():
    site = make_site()
    assert site.cover is None
    first = add_photo(site, position=0)
    add_photo(site, position=1)
    assert site.cover == first
