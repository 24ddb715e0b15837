"""The backup drill: back up, wipe the database and every file, restore, and find every row and file again
(`manage.py backup`, `manage.py restore`; pg_dump/pg_restore on PostgreSQL, SQLite's backup API otherwise)."""

import hashlib
import shutil
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection

from bookings.models import Booking
from bookings.services import create_booking
from core import backups, images
from sites.models import Site
from tests.factories import add_photo, make_site
from tests.test_bookings_helpers import make_programme, make_slot, service_kwargs, staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def _portal():
    """Rows of every kind, photos with their renditions, a private file."""
    for n in range(3):
        site = make_site(name_zh=f"备份测试{n}", slug=f"backup-{n}")
        photo = add_photo(site)
        images.make_renditions(photo.image.name)
    slot = make_slot(make_programme(site=Site.objects.first()))
    create_booking(**service_kwargs(slot))
    staff_user("backup-operator")
    storages["private"].save("enquiries/letter.pdf", ContentFile(b"%PDF-1.4 private letter"))


def _every_row():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models() if m._meta.managed}


def _every_file():
    found = {}
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        for path in root.rglob("*"):
            if path.is_file():
                found[str(path.relative_to(root.parent))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _wipe():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
            cursor.execute("PRAGMA foreign_keys = ON")
    shutil.rmtree(settings.MEDIA_ROOT)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT)
    assert connection.introspection.table_names() == [] and _every_file() == {}


def test_back_up_wipe_restore_and_find_every_row_and_file_again(tmp_path, client, capsys):
    _portal()
    rows, sums, files = _every_row(), backups.table_checksums(), _every_file()
    assert (
        rows["sites.Site"] == 3 and rows["bookings.Booking"] == 1 and len(files) == 3 * 5 + 1
    )  # an original and 4 renditions each

    call_command("backup", tmp_path / "backup")
    assert "Backed up" in capsys.readouterr().out
    kept = sorted(path.name for path in (tmp_path / "backup").iterdir())
    database = "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"
    assert kept == sorted([database, "manifest.json", "media.tar", "private.tar"])

    _wipe()
    call_command("restore", tmp_path / "backup", yes=True)
    assert "all match" in capsys.readouterr().out

    assert _every_row() == rows
    assert backups.table_checksums() == sums
    assert _every_file() == files
    booking = Booking.objects.get()
    assert booking.organiser_email == "wang@school.example"
    page = client.get(Site.objects.get(slug="backup-0").get_absolute_url())
    assert page.status_code == 200 and "备份测试0" in page.content.decode()
    assert storages["private"].open("enquiries/letter.pdf").read() == b"%PDF-1.4 private letter"


def test_the_check_finds_a_changed_row_and_a_changed_file(tmp_path):
    _portal()
    call_command("backup", tmp_path / "backup")
    call_command("restore", tmp_path / "backup", check=True)
    Site.objects.filter(slug="backup-1").update(name_zh="改过")
    photo = next(Path(settings.MEDIA_ROOT).glob("photos/**/test-*-0.jpg"))
    photo.write_bytes(b"not the photo")
    with pytest.raises(CommandError) as refused:
        call_command("restore", tmp_path / "backup", check=True)
    assert "table sites_site" in str(refused.value) and photo.name in str(refused.value)


def test_a_backup_refuses_a_folder_in_use_and_a_restore_an_archive_that_escapes(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", tmp_path / "used")
    call_command("backup", tmp_path / "backup")
    with tarfile.open(tmp_path / "backup" / "media.tar", "w") as archive:
        archive.add(tmp_path / "used" / "something", arcname="../../outside.txt")
    with pytest.raises(CommandError, match="unexpected entry"):
        call_command("restore", tmp_path / "backup", yes=True)
    assert not (Path(settings.MEDIA_ROOT).parent.parent / "outside.txt").exists()


def test_project_documents_and_accreditation_evidence_come_back_with_a_restore(tmp_path, client):
    """The private files of the new apps (a project's PDF, an application's evidence) are in the backup too."""
    from accreditation.models import Evidence
    from tests.test_invest import make_project

    document = make_project().documents.create(title_zh="简介", file=ContentFile(b"%PDF-1.4 plan\n%%EOF", "x.pdf"))
    evidence_field = Evidence._meta.get_field("file")
    stored = evidence_field.storage.save(evidence_field.generate_filename(None, "permit.pdf"), ContentFile(b"permit"))
    call_command("backup", tmp_path / "backup")
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)  # no photos here; _wipe removes the folder
    _wipe()
    call_command("restore", tmp_path / "backup", yes=True)
    assert evidence_field.storage.open(stored).read() == b"permit"
    response = client.get(document.project.get_absolute_url() + f"documents/{document.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-1.4 plan")
