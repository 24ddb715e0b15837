from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from core.listing import listing_context
from core.pagecache import CATALOGUE, cache_public_page, cached_for_content
from core.publishing import detail_object, preview_context
from core.ratelimit import client_address, over_limit
from invest import services
from invest.filters import ProjectFilter
from invest.forms import EnquiryForm
from invest.models import InvestmentProject, ProjectDocument


@require_safe
@cache_public_page
def project_list(request):
    def filterset():
        return ProjectFilter(request.GET, queryset=InvestmentProject.objects.published().for_listing())

    context = listing_context(request, ProjectFilter, filterset, "invest", parts=[CATALOGUE])
    filterset_obj = context["filter"]
    # By stage, for the filtered projects: the rows add up to the total because it is their sum (one query).
    context["totals"] = cached_for_content(
        f"invest-totals:{context['list_key']}", lambda: filterset_obj.qs.totals_by_stage(), parts=[CATALOGUE]
    )
    return render(request, "invest/project_list.html", context)


@require_safe
@cache_public_page
def project_detail(request, slug):
    project = detail_object(request, InvestmentProject, slug, timezone.localdate())
    parents = [project.site] if project.site_id else []
    return render(request, "invest/project_detail.html", {"project": project, **preview_context(project, *parents)})


@require_safe
def document(request, slug, pk):
    """A project's PDF, as an attachment: only for a project the user may see (published, or theirs to preview)."""
    project = get_object_or_404(InvestmentProject.objects.previewable(request), slug=slug)
    doc = get_object_or_404(ProjectDocument, project=project, pk=pk)
    try:
        handle = doc.file.open("rb")
    except OSError:
        raise Http404 from None
    title = doc.title or "document"
    response = FileResponse(handle, as_attachment=True, filename=f"{title}.pdf", content_type="application/pdf")
    if not project.is_live():
        response["Cache-Control"] = "private, no-store"
    return response


def _limited(request):
    limit = settings.INVEST_ENQUIRY_RATE_LIMIT
    if request.method == "POST" and over_limit("invest-enquiry", client_address(request), limit):
        response = render(request, "invest/rate_limited.html", status=429)
        response["Retry-After"] = str(limit[1])
        return response
    return None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def enquiry(request, slug):
    project = get_object_or_404(InvestmentProject.objects.published(), slug=slug)
    if (refused := _limited(request)) is not None:
        return refused
    form = EnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.create_enquiry(project=project, language=get_language(), **form.cleaned_data)
        return redirect("invest:enquiry-sent", slug=project.slug)
    context = {"project": project, "form": form, "retention_days": settings.INVEST_ENQUIRY_RETENTION_DAYS}
    return render(request, "invest/enquiry_form.html", context)


@require_safe
def enquiry_sent(request, slug):
    project = get_object_or_404(InvestmentProject.objects.published(), slug=slug)
    return render(request, "invest/enquiry_sent.html", {"project": project})
