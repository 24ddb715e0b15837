"""The accreditation desk in the back office (behind the admin login, see staff_urls): operators apply for their
sites, assessors declare their interests and score, bureau staff assign assessors and the administrator decides.
Every view starts from Application.objects.visible_to(user): what a user cannot see is a 404, not a 403 that
confirms it exists."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accreditation import forms, roles, services
from accreditation.models import Answer, Appeal, Application, Assignment, Call, Evidence, Outcome, Stage
from accreditation.services import AccreditationError
from core.params import row_id
from sites.models import Site

PER_PAGE = 25


def _visible(request, pk):
    return get_object_or_404(Application.objects.visible_to(request.user).select_related("site", "call__scheme"), pk=pk)


def _my_assignment(request, application):
    return Assignment.objects.filter(application=application, assessor=request.user).first()


def _render(request, template, context, status=200):
    return TemplateResponse(request, template, {**context, "title": context.get("title")}, status=status)


def desk(request):
    user = request.user
    applications = Application.objects.visible_to(user).for_list().order_by("-updated_at", "-pk")
    stage = request.GET.get("stage", "")
    if stage in Stage.values:
        applications = applications.filter(stage=stage)
    elif stage:
        messages.warning(request, _("Unknown stage: showing every application."))
        stage = ""
    page = Paginator(applications, PER_PAGE).get_page(request.GET.get("page"))
    may_apply = user.has_perm(roles.APPLY_PERMISSION) and Site.objects.managed_by(user).exists()
    assigned = set(
        Assignment.objects.filter(assessor=user, application__in=[a.pk for a in page]).values_list(
            "application_id", flat=True
        )
    )
    return _render(
        request,
        "accreditation/desk.html",
        {
            "title": _("Demonstration points: applications"),
            "page": page,
            "assigned": assigned,
            "stages": Stage.choices,
            "stage": stage,
            "start_form": forms.StartForm(user=user) if may_apply else None,
            "open_calls": list(Call.objects.open().select_related("scheme")),
            "bureau": roles.is_bureau_staff(user),
        },
    )


@require_POST
def start(request):
    form = forms.StartForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            application = services.start_application(
                user=request.user, call=form.cleaned_data["call"], site=form.cleaned_data["site"]
            )
        except AccreditationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Application opened: answer each criterion, save, and submit when ready."))
            return redirect("accreditation:edit", pk=application.pk)
    return _render(
        request,
        "accreditation/start.html",
        {"title": _("Apply for a demonstration point"), "form": form},
        status=400,
    )


def application_view(request, pk):
    application = _visible(request, pk)
    user = request.user
    assignments = list(application.assignments.select_related("assessor"))
    complete = services.all_scores_in(application)
    mine = next((a for a in assignments if a.assessor_id == user.pk), None)
    bureau = roles.is_bureau_staff(user)
    context = {
        "title": str(application),
        "application": application,
        "answers": _answers(application),
        "assignments": assignments,
        "complete": complete,
        "mine": mine,
        "bureau": bureau,
        "decisions": list(application.decisions.select_related("decided_by")),
        "appeal": Appeal.objects.filter(application=application).first(),
        "manages": Site.objects.managed_by(user).filter(pk=application.site_id).exists(),
    }
    # Scores stay hidden until every assessor has sent theirs; then the bureau and the assessors see them all.
    if complete and (bureau or (mine and not mine.has_conflict)):
        context["results"] = services.results(application)
    if bureau and application.stage in (Stage.SUBMITTED, Stage.ASSESSING):
        context["assign_form"] = forms.AssignForm(application=application)
    if roles.may_decide(user) and application.stage in (Stage.SCORED, Stage.APPEALED):
        context["decision_form"] = forms.DecisionForm()
    context["appeal_form"] = _appeal_form(application, context)
    return _render(request, "accreditation/application.html", context)


def _appeal_form(application, context):
    decision = next((d for d in context["decisions"] if not d.superseded), None)
    may = (
        context["manages"]
        and application.stage == Stage.DECIDED
        and decision is not None
        and not decision.on_appeal
        and decision.outcome != Outcome.ACCREDIT
        and timezone.localdate() <= decision.appeal_until()
    )
    context["appeal_until"] = decision.appeal_until() if may else None
    return forms.AppealForm() if may else None


def _answers(application):
    return list(
        Answer.objects.filter(application=application)
        .select_related("criterion__section")
        .prefetch_related("evidence")
        .order_by("criterion__section__position", "criterion__section__id", "criterion__position", "criterion__id")
    )


def edit(request, pk):
    application = _visible(request, pk)
    if not (
        request.user.has_perm(roles.APPLY_PERMISSION)
        and Site.objects.managed_by(request.user).filter(pk=application.site_id).exists()
    ):
        raise Http404
    if not application.is_editable():
        messages.info(request, _("This application has been submitted and can no longer be changed."))
        return redirect(application)
    answers = _answers(application)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    answer_forms = [forms.AnswerForm(data, files, answer=a, prefix=f"c{a.criterion_id}") for a in answers]
    status = 200
    if request.method == "POST":
        if all(f.is_valid() for f in answer_forms):
            try:
                _save_answers(request, application, answer_forms)
                if "submit" in request.POST:
                    services.submit_application(application=application, user=request.user)
                    messages.success(request, _("Application submitted. The bureau will assign assessors."))
                    return redirect(application)
            except AccreditationError as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(request, _("Draft saved."))
                return redirect("accreditation:edit", pk=application.pk)
        else:
            messages.error(request, _("Nothing was saved: correct the answers marked below."))
            status = 400
        answers = _answers(application)
        answer_forms = [_keep_post(f, a) for f, a in zip(answer_forms, answers, strict=True)]
    return _render(
        request,
        "accreditation/edit.html",
        {
            "title": _("Application: %(name)s") % {"name": application.site},
            "application": application,
            "forms": _grouped(answer_forms),
        },
        status=status,
    )


def _keep_post(form, answer):
    """The posted form again (what the operator typed stays), with the evidence list as stored."""
    form.answer = answer
    form.fields["remove"].choices = [(str(e.pk), e.original_name) for e in answer.evidence.all()]
    return form


def _save_answers(request, application, answer_forms):
    texts = {f.answer.criterion_id: f.cleaned_data["text"] for f in answer_forms}
    uploads = {f.answer.criterion_id: f.cleaned_data["files"] for f in answer_forms if f.cleaned_data["files"]}
    removals = {int(pk) for f in answer_forms for pk in f.cleaned_data["remove"]}
    services.save_answers(application=application, texts=texts, uploads=uploads, removals=removals)


def _grouped(items, criterion=lambda item: item.answer.criterion):
    """[(section, [item, ...])] in the scheme's order."""
    groups = []
    for item in items:
        section = criterion(item).section
        if not groups or groups[-1][0] != section:
            groups.append((section, []))
        groups[-1][1].append(item)
    return groups


def assess(request, pk):
    application = _visible(request, pk)
    assignment = _my_assignment(request, application)
    if assignment is None or not request.user.has_perm(roles.SCORE_PERMISSION):
        raise Http404
    status = 200
    if assignment.declared_at is None:
        form = forms.DeclarationForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    services.declare_interests(
                        assignment=assignment,
                        has_conflict=form.cleaned_data["has_conflict"],
                        note=form.cleaned_data["note"],
                    )
                except AccreditationError as error:
                    form.add_error(None, str(error))
                else:
                    return redirect("accreditation:assess", pk=application.pk)
            status = 400
        return _render(
            request,
            "accreditation/declare.html",
            {"title": _("Declaration of interests"), "application": application, "form": form},
            status=status,
        )
    criteria = services._criteria(application.call.scheme)
    stored = {s.criterion_id: s for s in assignment.scores.all()}
    data = request.POST if request.method == "POST" and assignment.may_score() else None
    score_forms = [
        forms.ScoreForm(
            data,
            criterion=c,
            prefix=f"c{c.pk}",
            initial={
                "points": getattr(stored.get(c.pk), "points", None),
                "comment": getattr(stored.get(c.pk), "comment", ""),
            },
        )
        for c in criteria
    ]
    answers = {a.criterion_id: a for a in _answers(application)}
    for form in score_forms:
        form.answer = answers.get(form.criterion.pk)
    if data is not None:
        if all(f.is_valid() for f in score_forms):
            scores = {f.criterion.pk: (f.cleaned_data["points"], f.cleaned_data["comment"]) for f in score_forms}
            try:
                services.save_scores(assignment=assignment, scores=scores, send="send" in request.POST)
            except AccreditationError as error:
                messages.error(request, str(error))
                status = 400
            else:
                sent = "send" in request.POST
                messages.success(request, _("Scores sent.") if sent else _("Scores saved; send them when complete."))
                return redirect(
                    application if sent else "accreditation:assess", **({} if sent else {"pk": application.pk})
                )
        else:
            messages.error(request, _("Nothing was saved: correct the scores marked below."))
            status = 400
    return _render(
        request,
        "accreditation/assess.html",
        {
            "title": _("Assessment: %(name)s") % {"name": application.site},
            "application": application,
            "assignment": assignment,
            "forms": _grouped(score_forms, criterion=lambda f: f.criterion),
        },
        status=status,
    )


@require_POST
def assign(request, pk):
    application = _visible(request, pk)
    if not roles.is_bureau_staff(request.user):
        raise Http404
    form = forms.AssignForm(request.POST, application=application)
    if form.is_valid():
        try:
            services.assign_assessors(application=application, assessors=list(form.cleaned_data["assessors"]))
        except AccreditationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Assessors assigned. Each declares their interests, then scores."))
    else:
        messages.error(request, " ".join(form.errors.get("assessors", [])) or _("Choose the assessors."))
    return redirect(application)


@require_POST
def decide(request, pk):
    application = _visible(request, pk)
    if not roles.may_decide(request.user):
        raise Http404
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(
                application=application,
                user=request.user,
                outcome=form.cleaned_data["outcome"],
                reasons=form.cleaned_data["reasons"],
            )
        except AccreditationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Decision recorded; the operator is told by mail."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(application)


@require_POST
def appeal(request, pk):
    application = _visible(request, pk)
    form = forms.AppealForm(request.POST)
    if form.is_valid():
        try:
            services.lodge_appeal(application=application, user=request.user, grounds=form.cleaned_data["grounds"])
        except AccreditationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Appeal lodged. The administrator will decide again."))
    else:
        messages.error(request, _("Give the grounds of the appeal."))
    return redirect(application)


def report(request, pk):
    """The printable assessment report: scores, comments, decision. Bureau staff and the assessors, once every
    score is in."""
    application = _visible(request, pk)
    mine = _my_assignment(request, application)
    if not (roles.is_bureau_staff(request.user) or (mine and not mine.has_conflict)):
        raise Http404
    if not services.all_scores_in(application):
        messages.info(request, _("The report is ready once every assessor has sent their scores."))
        return redirect(application)
    return TemplateResponse(
        request,
        "accreditation/report.html",
        {
            "application": application,
            "results": services.results(application),
            "assignments": list(application.assignments.select_related("assessor")),
            "decisions": list(application.decisions.select_related("decided_by")),
            "now": timezone.now(),
        },
    )


def evidence_file(request, pk):
    """A piece of evidence, to whoever may open its application; sent as a download, never rendered in the site's
    origin (a PDF viewer in the page could run what slipped through)."""
    pk = row_id(pk)
    if pk is None:
        raise Http404
    item = get_object_or_404(
        Evidence.objects.filter(answer__application__in=Application.objects.visible_to(request.user)), pk=pk
    )
    try:
        handle = item.file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.original_name)
    response["Content-Type"] = (
        "application/pdf"
        if item.kind == Evidence.PDF
        else f"image/{item.file.name.rsplit('.', 1)[-1].replace('jpg', 'jpeg')}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
