"""The change log: every recorded change to content and bookings, filterable, with old → new values; and the
restoring of a deleted listing from its history. Operators see the changes of their own sites only."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.params import DATE_VALIDATORS
from core.permissions import can_publish
from core.registry import logged_models
from core.shown import shown
from sites import access
from sites.models import Site


def _logged():
    """{kind: model} of everything whose changes are recorded, found in the content apps (core.registry)."""
    return {model._meta.model_name: model for model in logged_models()}


def _site_path(model):
    """The path from a row to the site that scopes it for operators; None: only bureau staff see its changes."""
    return getattr(model, "site_path", None)


def _restorable(model):
    return getattr(model, "restore_with", None) is not None


PER_PAGE = 50
SAME_DELETE = datetime.timedelta(seconds=5)


class LogFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("what"), required=False)
    change = forms.ChoiceField(
        label=_("change"),
        required=False,
        choices=[("", _("all")), ("+", _("created")), ("~", _("changed")), ("-", _("deleted"))],
    )
    user = forms.CharField(label=_("by (user name)"), required=False, max_length=150)
    since = forms.DateField(
        label=_("since"), required=False, widget=forms.DateInput(attrs={"type": "date"}), validators=DATE_VALIDATORS
    )
    until = forms.DateField(
        label=_("until"), required=False, widget=forms.DateInput(attrs={"type": "date"}), validators=DATE_VALIDATORS
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        logged = _logged()
        self.fields["kind"].choices = [(k, logged[k]._meta.verbose_name_plural) for k in kinds]


def kinds_for(user):
    everything = access.sees_all_sites(user)
    return [kind for kind, model in _logged().items() if everything or _site_path(model) is not None]


def history_for(user, kind):
    model = _logged()[kind]
    path = _site_path(model)
    records = model.history.select_related("history_user")
    if not access.sees_all_sites(user):
        records = records.filter(**{f"{path}__in" if path != "id" else "id__in": Site.objects.managed_by(user)})
    return records.order_by("-history_date", "-history_id")


def _changes(record):
    previous = record.prev_record
    if record.history_type != "~" or previous is None:
        return []
    model = record.instance_type
    return [
        (model._meta.get_field(c.field).verbose_name, shown(c.old), shown(c.new))
        for c in record.diff_against(previous).changes
    ]


def _change_label(record):
    """The change in the staff's words. Proposed changes (core.revisions) record their English reason; deleting a
    working copy once it is applied or discarded is the end of the proposal, not the loss of a listing."""
    reason = record.history_change_reason
    if record.history_type == "-" and getattr(record, "draft_of_id", None):
        return _("Proposed change discarded") if reason == "Proposed change discarded" else _("Proposed change closed")
    if reason:
        return gettext(reason)  # the reasons core.revisions records; other text shows as it was written
    return record.get_history_type_display()


def log_view(request):
    kinds = kinds_for(request.user)
    if not kinds:
        raise PermissionDenied
    form = LogFilterForm(request.GET or None, kinds=kinds)
    filters = form.cleaned_data if form.is_valid() else {}
    kind = filters.get("kind") or kinds[0]
    records = history_for(request.user, kind)
    if filters.get("change"):
        records = records.filter(history_type=filters["change"])
    if filters.get("user"):
        records = records.filter(history_user__username=filters["user"])
    if filters.get("since"):
        records = records.filter(history_date__date__gte=filters["since"])
    if filters.get("until"):
        records = records.filter(history_date__date__lte=filters["until"])
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    rows = [(record, _change_label(record), _changes(record)) for record in page]
    context = {
        **admin.site.each_context(request),
        "title": _("Change log"),
        "form": form,
        "page": page,
        "rows": rows,
        "kind": kind,
        "restorable": _restorable(_logged()[kind]) and can_publish(request.user),
        "query": request.GET.copy(),
    }
    return TemplateResponse(request, "admin/audit_log.html", context)


@require_POST
def restore_view(request, kind, history_id):
    model = _logged().get(kind)
    if model is None or not _restorable(model) or not can_publish(request.user):
        raise PermissionDenied
    record = get_object_or_404(model.history.filter(history_type="-"), history_id=history_id)
    if model.objects.filter(pk=record.id).exists():
        messages.warning(request, _("“%(name)s” exists already; nothing was restored.") % {"name": record.instance})
    else:
        restore(record, model.restore_with)
        messages.success(request, _("“%(name)s” was restored as a draft.") % {"name": record.instance})
    return redirect("audit-log")


def restore(record, related_names):
    """Recreate a deleted listing as a draft, with the rows that were deleted with it (same moment, same user)."""
    with transaction.atomic():
        listing = record.instance
        listing.published, listing.in_review = False, True
        listing.save()
        for name in related_names:
            child_model = listing._meta.get_field(name).related_model
            fk = listing._meta.get_field(name).field.attname
            deleted = child_model.history.filter(history_type="-", **{fk: listing.pk})
            for child in deleted.filter(history_date__gte=record.history_date - SAME_DELETE):
                if not child_model.objects.filter(pk=child.id).exists() and _file_kept(child.instance):
                    child.instance.save()
    return listing


def _file_kept(row):
    image = getattr(row, "image", None)
    return image is None or (image.name and image.storage.exists(image.name))
