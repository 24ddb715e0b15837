"""The city's official figures (the bureau's, with their source and year) on the home page, beside what is listed."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from demo.loaders import figures as demo_figures
from office import roles
from sites.models import OfficialFigure
from tests.factories import make_heritage, make_site, person

pytestmark = pytest.mark.django_db

REPLY = "对市十六届人大三次会议第1219号建议的答复"
BUREAU = [
    ("national-bases", 3),
    ("provincial-points", 10),
    ("national-heritage", 1),
    ("provincial-heritage", 3),
    ("municipal-heritage", 40),
]


@pytest.fixture(autouse=True)
def _chinese_outside_requests():
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture
def official():
    for key, value in BUREAU:
        OfficialFigure.objects.create(
            key=key, value=value, source_zh="株洲市文旅局" + REPLY, source_en="The Zhuzhou bureau reply", year=2024
        )


def _figure(page, href):
    """The text of the home page's figure that links to `href`, whitespace squeezed."""
    item = re.search(rf'<li class="figure">\s*<a href="{re.escape(href)}".*?</li>', page, re.S)
    assert item, href
    return " ".join(re.sub(r"<[^>]+>", " ", item.group(0)).split())


def test_the_home_page_shows_the_bureaus_figures_and_apart_what_is_listed_here(client, official):
    for _ in range(2):
        make_site(level="national")
    for _ in range(3):
        make_heritage(level="municipal")
    page = client.get("/en/").content.decode()
    assert _figure(page, "/en/sites/?level=national") == "3 National bases 2 listed here"
    assert _figure(page, "/en/sites/?level=provincial") == "10 Provincial points 0 listed here"
    assert _figure(page, "/en/heritage/?level=national") == "1 National 0 listed here"
    assert _figure(page, "/en/heritage/?level=municipal") == "40 Municipal 3 listed here"
    assert "Official figures: The Zhuzhou bureau reply, 2024" in " ".join(page.split())


def test_without_an_official_figure_the_home_page_says_only_what_is_listed(client, official):
    make_site(level="municipal")
    page = client.get("/en/").content.decode()
    assert _figure(page, "/en/sites/?level=municipal") == "1 Municipal points listed here"


def test_the_chinese_home_page_names_the_source(client, official):
    page = " ".join(client.get("/").content.decode().split())
    assert "官方数据：株洲市文旅局" + REPLY + "，2024年" in page
    assert "本站收录 0 处" in page


def test_the_demo_loads_the_bureaus_figures_from_its_reply():
    demo_figures.load()
    demo_figures.load()  # keyed on the key: a second run changes nothing
    assert dict(OfficialFigure.objects.values_list("key", "value")) == dict(BUREAU)
    assert set(OfficialFigure.objects.values_list("year", flat=True)) == {2024}
    assert all(REPLY in figure.source_zh and figure.source_en for figure in OfficialFigure.objects.all())


def test_a_bureau_editor_corrects_a_figure_and_the_home_page_shows_it(client, official):
    client.force_login(person("editor", roles.EDITOR))
    figure = OfficialFigure.objects.get(key="provincial-points")
    url = reverse("admin:sites_officialfigure_change", args=[figure.pk])
    data = {"key": figure.key, "value": "11", "source_zh": figure.source_zh, "source_en": figure.source_en}
    response = client.post(url, {**data, "year": "2025"})
    assert response.status_code == 302
    client.logout()
    assert _figure(client.get("/en/").content.decode(), "/en/sites/?level=provincial").startswith("11 ")


@pytest.mark.parametrize("year", ["1850", "²⁰²⁴", "99999999999"])
def test_a_bad_year_is_refused_with_a_message(client, official, year):
    client.force_login(person("editor", roles.EDITOR))
    figure = OfficialFigure.objects.get(key="provincial-points")
    url = reverse("admin:sites_officialfigure_change", args=[figure.pk])
    data = {"key": figure.key, "value": "11", "source_zh": "来源", "source_en": "", "year": year}
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["adminform"].form.errors["year"]


def test_a_site_operator_cannot_change_the_figures(client, official):
    client.force_login(person("operator", roles.OPERATOR, sites=[make_site()]))
    assert client.get(reverse("admin:sites_officialfigure_changelist")).status_code == 403
