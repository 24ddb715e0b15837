"""The review queue: everything waiting for a bureau editor (drafts sent for review and proposed changes to
published pages), oldest first, with who sent it. Operators see their own sites' items."""

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.permissions import can_publish
from core.publishing import back_office_scope, may_open_in_back_office
from core.registry import publishable_models

SHOWN = 100  # per kind; the admin list behind each heading has them all


def _queues(request):
    """(model, queryset of what waits) for every content type, scoped like its changelist (an operator: their
    own sites' listings, proposed changes and programmes)."""
    return [
        (model, back_office_scope(request, model))
        for model in publishable_models()
        if may_open_in_back_office(request, model)
    ]


def _last_change(model):
    """The latest history row of each object: who sent it and when."""
    latest = model.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
    return {
        "sent_by": Subquery(latest.values("history_user__username")[:1]),
        "sent_at": Subquery(latest.values("history_date")[:1]),
    }


def count_waiting(request):
    """How many items wait, as the queue lists them: one query per kind."""
    return sum(queryset.awaiting_review().count() for _model, queryset in _queues(request))


def waiting_for_review(request):
    """One group per kind of content the user may see, each a list of rows; one query per kind."""
    groups = []
    for model, queryset in _queues(request):
        opts = model._meta
        rows = list(queryset.awaiting_review().annotate(**_last_change(model)).order_by("sent_at", "pk")[:SHOWN])
        groups.append(
            {
                "label": opts.verbose_name_plural,
                "list_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + "?publication=review",
                "rows": [
                    {
                        "object": obj,
                        "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
                        "kind": _("Proposed change") if getattr(obj, "draft_of_id", None) else _("Draft"),
                        "sent_by": obj.sent_by,
                        "sent_at": obj.sent_at,
                    }
                    for obj in rows
                ],
            }
        )
    return groups


def review_view(request):
    groups = waiting_for_review(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Waiting for review"),
        "groups": groups,
        "total": sum(len(group["rows"]) for group in groups),
        "may_publish": can_publish(request.user),
    }
    return TemplateResponse(request, "admin/review_queue.html", context)
