"""`manage.py restore FOLDER`: put a backup back and check every table and file against its manifest."""

from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Replace the database and the media files with a backup made by `manage.py backup`, then verify them."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing the data")
        parser.add_argument("--check", action="store_true", help="only compare the data now with the backup")

    def handle(self, *args, folder, yes=False, check=False, **options):
        try:
            if check:
                differences = backups.compare(backups.read_manifest(folder))
                if differences:
                    raise CommandError("Differences from the backup:\n" + "\n".join(differences))
                self.stdout.write("Every table and file matches the backup.")
                return
            if not yes and input(f"Replace this portal's database and files with {folder}? [y/N] ").lower() != "y":
                raise CommandError("Nothing restored.")
            manifest = backups.restore(folder)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(rows for rows, _sum in manifest["tables"].values())
        files = sum(len(listed) for listed in manifest["files"].values())
        self.stdout.write(f"Restored {len(manifest['tables'])} tables ({rows} rows) and {files} files; all match.")
