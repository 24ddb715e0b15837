"""The public "Zhuzhou in figures" page, and the bureau's report with its CSV and XLSX exports (staff only, scoped
like the changelist: an operator's report covers their own sites)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.pagecache import cache_public_page
from sites import access
from sites.models import Site
from stats import export
from stats.figures import event_figures, figures_context
from stats.models import SiteMonthReport
from stats.report import options_from, report, table_rows

EVENTS_PER_PAGE = 20


@require_safe
@cache_public_page
def figures(request):
    page = Paginator(event_figures(), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "stats/figures.html", {**figures_context(), "page": page})


def _scoped_reports(request):
    """The reports the user's changelist shows; refused to staff without the permission or without a site."""
    user = request.user
    if not user.has_perm("stats.view_sitemonthreport"):
        raise PermissionDenied
    if not access.sees_all_sites(user) and not Site.objects.managed_by(user).exists():
        raise PermissionDenied
    return SiteMonthReport.objects.managed_by(user)


def _report_data(request):
    options = options_from(request.GET)
    return report(_scoped_reports(request), options)


def report_view(request):
    data = _report_data(request)
    for error in data["options"].errors:
        messages.warning(request, _("Ignored, the default is shown instead: %(error)s") % {"error": error})
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": _("Visitor statistics"),
        "bureau": access.sees_all_sites(request.user),
        "query": query.urlencode(),
        **data,
    }
    return TemplateResponse(request, "stats/admin/report.html", context)


def _filename(data, ext):
    options = data["options"]
    return f"visitor-statistics-{options.year}-{options.period}-{options.by}-{timezone.localdate()}.{ext}"


def report_csv(request):
    data = _report_data(request)
    return export.csv_response(_filename(data, "csv"), table_rows(data))


def report_xlsx(request):
    data = _report_data(request)
    return export.xlsx_response(_filename(data, "xlsx"), table_rows(data), _("Visitor statistics"))
