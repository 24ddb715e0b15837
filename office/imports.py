"""Bulk import of sites and heritage from CSV or XLSX (django-import-export).

The admin's import page always runs a dry run first and lists every row's errors; only a file without errors can be
confirmed. Each import runs in one transaction, so a file with errors changes nothing. Rows are matched by slug;
new rows arrive as drafts waiting for review, and nothing imported can publish or assign operators.
"""

import logging
import re
import secrets
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST
from import_export import exceptions, resources
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm
from import_export.tmp_storages import BaseStorage

from core.permissions import can_publish
from sites.models import HeritageAsset, Site

logger = logging.getLogger(__name__)

FORMATS = [CSV, XLSX]
SITE_FIELDS = [
    "slug", "name_zh", "name_en", "summary_zh", "summary_en", "description_zh", "description_en", "industry",
    "district", "address_zh", "address_en", "level", "level_year", "admission_free", "admission_price",
    "booking_required", "latitude", "longitude", "phone", "email", "website",
    "for_study_tours", "for_families", "for_seniors", "for_general",
]  # fmt: skip
HERITAGE_FIELDS = [
    "slug", "name_zh", "name_en", "level", "year_listed", "state", "built_from", "built_to", "original_use_zh",
    "original_use_en", "current_use_zh", "current_use_en", "summary_zh", "summary_en", "description_zh",
    "description_en", "district", "latitude", "longitude",
]  # fmt: skip


class TooManyRows(Exception):
    def __init__(self, rows):
        super().__init__(rows)
        self.rows = rows


class ListingResource(resources.ModelResource):
    def import_data(self, dataset, *args, **kwargs):
        # django-import-export goes on to the rows after an error about the whole file: stop before them. Each row
        # is checked as the admin form would check it, so their number is what one request can afford.
        try:
            if len(dataset) > settings.MAX_IMPORT_ROWS:
                raise TooManyRows(len(dataset))
            self._check_import_id_fields(dataset.headers)
        except (TooManyRows, exceptions.FieldError) as error:
            result = self.get_result_class()()
            result.total_rows = len(dataset)
            self.handle_import_error(result, error, kwargs.get("raise_errors", False))
            return result
        return super().import_data(dataset, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        self._rows_by_slug = {}

    def before_import_row(self, row, row_number=None, **kwargs):
        # Without this a second row with the same slug updates the first one's (unsaved) site: two rows merge.
        slug = str(row.get("slug") or "").strip()
        if slug in self._rows_by_slug:
            message = _("This slug is already used on an earlier row of the file (row %(row)s).")
            raise ValidationError({"slug": message % {"row": self._rows_by_slug[slug]}})
        if slug:
            self._rows_by_slug[slug] = row_number

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            instance.published, instance.in_review = False, True

    class Meta:
        import_id_fields = ["slug"]
        use_transactions = True
        # full_clean() on every row: field validators, clean() and the constraints, as in the admin form.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class SiteResource(ListingResource):
    class Meta(ListingResource.Meta):
        model = Site
        fields = SITE_FIELDS


class HeritageResource(ListingResource):
    class Meta(ListingResource.Meta):
        model = HeritageAsset
        fields = HERITAGE_FIELDS


def _megabytes(size):
    return round(size / 2**20, 1)


class LimitedImportForm(ImportForm):
    """Refuses a file too large to check in one request before anything reads it: by its size, and an XLSX (a
    zip) by what its parts declare they unpack to, which is all Python's zipfile will then unpack."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.MAX_IMPORT_BYTES:
            raise ValidationError(
                _("This file is too large (%(size)s MB); the limit is %(limit)s MB."),
                params={"size": _megabytes(upload.size), "limit": _megabytes(settings.MAX_IMPORT_BYTES)},
            )
        if zipfile.is_zipfile(upload):
            try:
                with zipfile.ZipFile(upload) as archive:
                    unpacked = sum(part.file_size for part in archive.infolist())
            except (zipfile.BadZipFile, OSError, ValueError):
                unpacked = 0  # the format's own reader says what is wrong with it
            if unpacked > settings.MAX_IMPORT_UNPACKED_BYTES:
                raise ValidationError(
                    _("This file expands to more than %(limit)s MB when unpacked; split it into smaller files."),
                    params={"limit": _megabytes(settings.MAX_IMPORT_UNPACKED_BYTES)},
                )
        upload.seek(0)
        return upload


class PrivateImportStorage(BaseStorage):
    """An uploaded file between the dry run and the confirm step, under a random name the server chooses, in a
    folder nothing serves (IMPORT_TMP_DIR). The admin keeps the name in the uploader's session and takes no other."""

    NAME = re.compile(r"[0-9a-f]{32}")

    def save(self, data):
        folder = Path(settings.IMPORT_TMP_DIR)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_abandoned(folder)
        self.name = secrets.token_hex(16)
        with open(folder / self.name, "xb") as handle:
            handle.write(data)

    def read(self):
        data = self._path().read_bytes()
        return data if "b" in self.read_mode else data.decode(self.encoding or "utf-8")

    def remove(self):
        self._path().unlink(missing_ok=True)

    def _path(self):
        if not self.NAME.fullmatch(self.name or ""):
            raise FileNotFoundError("not an import file name")
        return Path(settings.IMPORT_TMP_DIR) / self.name


def _remove_abandoned(folder):
    """Files whose dry run was never confirmed, older than a staff session can be."""
    too_old = time.time() - settings.SESSION_COOKIE_AGE
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < too_old:
            path.unlink(missing_ok=True)


# What the confirm form posts back, checked against what the dry run kept in the session.
PENDING_FIELDS = ("import_file_name", "format", "resource")
NOT_WAITING = _(
    "This confirmation does not match a file waiting to be imported: it was imported already, replaced by a newer "
    "upload, or has expired. Upload the file again."
)
# django-import-export's own Chinese for this heading of its template is garbled; ours comes first (LOCALE_PATHS).
gettext_noop("Some rows failed to validate")
CHANGED = _("The file no longer passes its checks, so nothing was imported. Upload it again to see why.")


class ImportAdminMixin:
    """For import_export.admin.ImportMixin admins: bureau staff only, CSV and XLSX. The file a dry run accepted
    waits under a name the server chose, kept in the uploader's session; the confirm step imports that file once,
    whatever the form posts, and deletes it. Errors are shown as messages, never as a traceback."""

    formats = FORMATS
    import_help = _("Rows are matched by slug. A dry run lists every error first; a file with errors changes nothing.")
    tmp_storage_class = PrivateImportStorage
    import_form_class = LimitedImportForm
    import_template_name = "admin/imports/import.html"

    def has_import_permission(self, request):
        return can_publish(request.user)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if request.method == "POST" and context is not None:
            self._keep_or_remove_upload(request, context)
            context["import_problems"] = _problems(context.get("result"))
        return response

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        pending = request.session.get(self._pending_key())
        form = self.create_confirm_form(request)
        if not (pending and form.is_valid() and all(str(form.cleaned_data[f]) == pending[f] for f in PENDING_FIELDS)):
            return self._back_to_import(request, NOT_WAITING)
        del request.session[self._pending_key()]
        dataset = self._read_pending(pending)
        if dataset is None:
            return self._back_to_import(request, NOT_WAITING)
        result = self.process_dataset(dataset, form, request, **kwargs)
        if result.has_errors() or result.has_validation_errors():
            return self._back_to_import(request, CHANGED)
        return self.process_result(result, request)

    def _read_pending(self, pending):
        input_format = self.get_import_formats()[int(pending["format"])](encoding=self.from_encoding)
        storage = self._storage(pending["import_file_name"], input_format)
        try:
            return input_format.create_dataset(storage.read())
        except Exception:  # the dry run read it; a file gone or changed since is reported, not a 500
            logger.warning("Import file %s could not be read at confirmation", storage.name, exc_info=True)
            return None
        finally:
            storage.remove()

    def _keep_or_remove_upload(self, request, context):
        form = context["form"]
        # The upload itself: a file that could not be read is no longer in cleaned_data.
        name = getattr((form.files or {}).get("import_file"), "tmp_storage_name", None)
        if name is None:
            return
        confirm_form = context.get("confirm_form")
        if not confirm_form:
            self._storage(name).remove()
            return
        previous = request.session.get(self._pending_key())
        if previous:  # a newer upload replaces the one waiting
            self._storage(previous["import_file_name"]).remove()
        request.session[self._pending_key()] = {f: str(confirm_form.initial[f]) for f in PENDING_FIELDS}

    def _storage(self, name, input_format=None):
        binary = input_format is None or input_format.is_binary()
        return self.get_tmp_storage_class()(
            name=name,
            encoding=None if binary else self.from_encoding,
            read_mode="rb" if binary else input_format.get_read_mode(),
        )

    def _pending_key(self):
        return "import:{}.{}".format(*self.get_model_info())

    def _back_to_import(self, request, message):
        messages.error(request, message)
        return redirect(reverse("admin:{}_{}_import".format(*self.get_model_info()), current_app=self.admin_site.name))


def _problems(result):
    """What went wrong outside row validation, in words for staff; the traceback goes to the log only."""
    if result is None or not result.has_errors():
        return []
    problems = []
    for error in result.base_errors:
        logger.warning("Import failed: %s", error.traceback)
        if isinstance(error.error, TooManyRows):
            limit = settings.MAX_IMPORT_ROWS
            problems.append(
                _("The file has %(rows)s rows; import at most %(limit)s at a time.")
                % {"rows": error.error.rows, "limit": limit}
            )
        elif isinstance(error.error, exceptions.FieldError) and "import_id_fields" in str(error.error):
            problems.append(_("The file has no “slug” column; every row needs one."))
        else:
            problems.append(_("The file could not be imported. Check its columns against the list above."))
    for number, errors in result.row_errors():
        for error in errors:
            logger.warning("Import failed on row %s: %s", number, error.traceback)
        problems.append(_("Row %(row)s could not be imported. Check its values.") % {"row": number})
    return problems
