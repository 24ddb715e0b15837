"""Bulk import of sites and heritage: a dry run lists every row's errors; a file with errors changes nothing."""

import io
import re
import tempfile
import zipfile
from unittest.mock import patch

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


# The confirm step: only the file this user's dry run accepted, once ------------------------------------------------

STALE = "does not match a file waiting to be imported"


@pytest.fixture
def temp_folder(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def files_in(*folders):
    return [path for folder in folders if folder.exists() for path in folder.rglob("*") if path.is_file()]


def test_a_forged_file_name_neither_reads_nor_deletes_another_file(editor, temp_folder):
    editor.raise_request_exception = False
    secret = temp_folder / "someone-elses.csv"
    secret.write_text("\n".join([HEADER, GOOD[1]]) + "\n")
    fields = {**upload(editor, GOOD[:1]).context["confirm_form"].initial, "import_file_name": secret.name}
    response = editor.post(reverse("admin:sites_site_process_import"), fields, follow=True)
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert secret.exists()
    assert not Site.objects.filter(slug="zhuma-1937").exists()


def test_no_upload_is_left_behind_after_a_dry_run_with_errors_or_a_confirmed_import(editor, temp_folder, settings):
    upload(editor, GOOD + BAD)
    upload(editor, b"\x89PNG\r\n\x1a\n garbage", fmt="1", name="sites.xlsx")
    assert files_in(temp_folder, settings.IMPORT_TMP_DIR) == []
    confirm(editor, upload(editor, GOOD))
    assert files_in(temp_folder, settings.IMPORT_TMP_DIR) == []


def test_confirming_twice_imports_once_and_says_why_the_second_time(editor):
    editor.raise_request_exception = False
    dry_run = upload(editor, GOOD)
    confirm(editor, dry_run)
    Site.objects.filter(slug="liling-kiln").update(name_zh="改过的名字")
    fields = dry_run.context["confirm_form"].initial
    again = editor.post(reverse("admin:sites_site_process_import"), fields, follow=True)
    assert again.status_code == 200 and STALE in again.content.decode()
    assert Site.objects.get(slug="liling-kiln").name_zh == "改过的名字"


@pytest.mark.parametrize(
    ("field", "value"),
    [("format", "1"), ("format", "9"), ("format", "x"), ("resource", "4"), ("import_file_name", "../../etc/passwd")],
)
def test_a_tampered_confirmation_is_refused_with_a_message(editor, field, value):
    editor.raise_request_exception = False
    fields = {**upload(editor, GOOD).context["confirm_form"].initial, field: value}
    response = editor.post(reverse("admin:sites_site_process_import"), fields, follow=True)
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert not Site.objects.exists()


def test_a_confirmation_from_another_session_is_refused(editor, client):
    editor.raise_request_exception = False
    fields = upload(editor, GOOD).context["confirm_form"].initial
    other = person("editor2", roles.EDITOR)
    client.force_login(other)
    client.raise_request_exception = False
    response = client.post(reverse("admin:sites_site_process_import"), fields, follow=True)
    assert response.status_code == 200 and STALE in response.content.decode()
    assert not Site.objects.exists()


def test_a_slug_twice_in_one_file_is_an_error_on_the_second_row(editor):
    response = upload(editor, [GOOD[0], GOOD[0].replace("醴陵窑", "醴陵窑二")])
    result = response.context["result"]
    assert {row.number for row in result.invalid_rows} == {2}
    assert "already used on an earlier row of the file (row 1)" in response.content.decode()
    assert not response.context.get("confirm_form")


def test_the_chinese_page_says_in_plain_words_that_rows_failed_their_checks(editor):
    with translation.override("zh-hans"):
        page = upload(editor, BAD).content.decode()
    assert "部分行未通过数据检查" in page
    assert "某些行验数据证失败" not in page


# The admin's page does not scroll sideways: a wide table scrolls in a box of its own (.bo-table-wrap).
TABLE_IN_WRAPPER = re.compile(r'<div class="bo-table-wrap"[^>]*>((?!</div>).)*<table class="import-preview">', re.S)


def test_the_table_of_row_errors_scrolls_inside_the_page(editor):
    page = upload(editor, BAD).content.decode()
    assert TABLE_IN_WRAPPER.search(page)


def test_the_preview_table_scrolls_inside_the_page_too(editor):
    page = upload(editor, GOOD).content.decode()
    assert TABLE_IN_WRAPPER.search(page)


def test_a_file_without_a_slug_column_gets_a_message_and_no_traceback(editor):
    response = upload(editor, b"name_zh,name_en\n\xe9\x86\xb4\xe9\x99\xb5,Liling\n")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file has no “slug” column" in page
    assert "Traceback" not in page and ".py" not in page


# Limits, checked before the rows are read -----------------------------------------------------------------------


def xlsx_bytes(lines, padding=0):
    """A workbook of the lines; `padding` bytes of blank space inside its sheet make it unpack big."""
    book = Workbook()
    for line in lines:
        book.active.append([cell or None for cell in line.split(",")])
    buffer = io.BytesIO()
    book.save(buffer)
    if not padding:
        return buffer.getvalue()
    padded = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * padding)
            target.writestr(item.filename, data)
    return padded.getvalue()


def test_an_xlsx_that_unpacks_too_big_is_refused_before_it_is_read(editor, settings):
    settings.MAX_IMPORT_UNPACKED_BYTES = 1_000_000
    content = xlsx_bytes([HEADER, *GOOD], padding=3_000_000)
    assert len(content) < 100_000
    response = upload(editor, content, fmt="1", name="sites.xlsx")
    assert "This file expands to more than 1.0 MB when unpacked" in response.content.decode()
    assert not response.context.get("confirm_form")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(editor, settings):
    settings.MAX_IMPORT_BYTES = 10_000
    lines = [GOOD[0].replace("liling-kiln", f"kiln-{n}") for n in range(200)]
    response = upload(editor, lines)
    assert "This file is too large" in response.content.decode()
    assert "result" not in response.context or response.context["result"] is None


def test_a_file_with_too_many_rows_is_refused_before_any_row_is_checked(editor, settings):
    settings.MAX_IMPORT_ROWS = 3
    lines = [GOOD[0].replace("liling-kiln", f"kiln-{n}") for n in range(4)]
    with patch("office.imports.ListingResource.import_row") as import_row:
        response = upload(editor, lines)
    import_row.assert_not_called()
    assert "The file has 4 rows; import at most 3 at a time." in response.content.decode()
    assert not response.context.get("confirm_form")
