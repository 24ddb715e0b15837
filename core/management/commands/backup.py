"""`manage.py backup [FOLDER]`: the database and every stored file, with a manifest (core/backups.py)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Back up the database and every media file into a new folder (default: var/backups/<time>/)."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="a new or empty folder")

    def handle(self, *args, folder=None, **options):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = folder or settings.BASE_DIR / "var" / "backups" / stamp
        try:
            manifest = backups.backup(folder)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(rows for rows, _sum in manifest["tables"].values())
        files = sum(len(listed) for listed in manifest["files"].values())
        self.stdout.write(f"Backed up {len(manifest['tables'])} tables ({rows} rows) and {files} files to {folder}")
