"""Bulk import of sites and heritage: a dry run lists every row's errors; a file with errors changes nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from office import roles
from sites.models import HeritageAsset, Site
from tests.factories import make_site, person

pytestmark = pytest.mark.django_db

HEADER = "slug,name_zh,name_en,industry,district,level,latitude,longitude,admission_free,admission_price"
GOOD = [
    "liling-kiln,醴陵窑,Liling kiln,ceramics,liling,provincial,27.65,113.5,1,",
    "zhuma-1937,株麻1937,Zhuma 1937,textiles,lusong,none,27.83,113.15,1,",
]
BAD = [
    "bad-district,坏区,,ceramics,mars,none,27.6,113.5,1,",  # no such district
    "bad-latitude,坏坐标,,ceramics,liling,none,127.6,113.5,1,",  # latitude out of range
    "bad-price,坏价格,,ceramics,liling,none,27.6,113.5,1,12.00",  # free, yet a price
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(client):
    client.force_login(person("editor", roles.EDITOR))
    return client


def upload(client, lines, fmt="0", name="sites.csv", model="site"):
    content = ("\n".join([HEADER, *lines]) + "\n").encode() if isinstance(lines, list) else lines
    data = {"resource": "0", "format": fmt, "import_file": SimpleUploadedFile(name, content)}
    return client.post(reverse(f"admin:sites_{model}_import"), data)


def confirm(client, response, model="site"):
    form = response.context["confirm_form"]
    return client.post(reverse(f"admin:sites_{model}_process_import"), form.initial)


def test_the_dry_run_lists_every_bad_row_and_changes_nothing(editor):
    response = upload(editor, GOOD + BAD)
    result = response.context["result"]
    assert result.has_validation_errors()
    bad_rows = {row.number for row in result.invalid_rows}
    assert bad_rows == {3, 4, 5}
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert not Site.objects.exists()


def test_a_clean_file_is_imported_as_drafts_after_the_dry_run(editor):
    response = upload(editor, GOOD)
    assert not Site.objects.exists()  # the dry run wrote nothing
    confirm(editor, response)
    assert set(Site.objects.values_list("slug", flat=True)) == {"liling-kiln", "zhuma-1937"}
    site = Site.objects.get(slug="liling-kiln")
    assert not site.published and site.in_review
    assert site.history.latest().history_user.username == "editor"


def test_a_row_matching_a_slug_updates_that_site_and_keeps_it_published(editor):
    make_site(slug="liling-kiln", name_zh="旧名", industry="ceramics", district="liling")
    confirm(editor, upload(editor, GOOD[:1]))
    site = Site.objects.get(slug="liling-kiln")
    assert site.name_zh == "醴陵窑" and site.published


def test_an_xlsx_file_is_imported_too(editor):
    book = Workbook()
    sheet = book.active
    for line in [HEADER, *GOOD]:
        sheet.append([cell or None for cell in line.split(",")])
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(editor, buffer.getvalue(), fmt="1", name="sites.xlsx")
    confirm(editor, response)
    assert Site.objects.count() == 2


def test_heritage_is_imported_with_its_levels_checked(editor):
    header = "slug,name_zh,level,state,district,latitude,longitude"
    lines = "\n".join(
        [header, "qst-1956,清水塘1956,municipal,ruin,shifeng,27.9,113.05", "x,坏的,galactic,ruin,shifeng,,"]
    )
    response = upload(editor, lines.encode(), name="heritage.csv", model="heritageasset")
    assert {row.number for row in response.context["result"].invalid_rows} == {2}
    assert not HeritageAsset.objects.exists()


def test_a_file_that_is_not_a_table_gives_a_message_not_a_crash(editor):
    response = upload(editor, b"\x89PNG\r\n\x1a\n garbage", fmt="1", name="sites.xlsx")
    assert response.status_code == 200
    assert not Site.objects.exists()


def test_an_operator_cannot_import(client):
    site = make_site()
    client.force_login(person("op", roles.OPERATOR, [site]))
    assert client.get(reverse("admin:sites_site_import")).status_code == 403
    assert upload(client, GOOD).status_code == 403
