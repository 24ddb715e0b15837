"""The header and the footer are made of the code alone and rendered once per worker ({% samemarkup %}), cache or
no cache: each page still shows its own section as the current one, in its own language."""

import re

import pytest
from django.template import Context, Template
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _current(client, path):
    page = client.get(path).content.decode()
    header = page[page.index('<header class="site-header">') : page.index("</header>")]
    return re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', header)


@override_settings(DATA_CACHE_SECONDS=0, PAGE_CACHE_SECONDS=0)
def test_each_page_marks_its_own_section_in_its_own_language(client):
    for _round in range(2):  # the second time from the worker's copy
        assert _current(client, "/sites/") == [("/sites/", "景点")]
        assert _current(client, "/heritage/") == [("/heritage/", "工业遗产")]
        assert _current(client, "/en/sites/") == [("/en/sites/", "Sites")]
        assert _current(client, "/") == []


def test_markup_is_rendered_once_per_value_and_again_after_a_setting_changes():
    template = Template('{% load portal %}{% samemarkup "test" value %}{{ value }}{{ extra }}{% endsamemarkup %}')
    assert template.render(Context({"value": "a", "extra": 1})) == "a1"
    assert template.render(Context({"value": "a", "extra": 2})) == "a1"
    assert template.render(Context({"value": "b", "extra": 2})) == "b2"
    with override_settings(USE_TZ=True):
        assert template.render(Context({"value": "a", "extra": 3})) == "a3"
