"""Demo accreditation (demo/data/accreditation.yaml): the illustrative scheme, a closed and an open call, three
assessor accounts without a password, and applications at every stage for demo sites.

Idempotent: the scheme and calls are matched by their Chinese names, applications by call and site; an application
that exists is left as it is. Applications whose site is missing are skipped. Records are written directly (the
services check deadlines against today, and the closed call's are past); the accredited one goes through the same
level-setting as a real decision, so the site's history says why its level changed.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accreditation import roles, services
from accreditation.models import Answer, Application, Assignment, Call, Criterion, Decision, Scheme, Score, Section
from accreditation.models import Stage as S
from demo import content
from sites.models import Site


def load(stdout=None):
    data = content.read("accreditation")
    now = timezone.now()
    with transaction.atomic():
        scheme = _scheme(data["scheme"])
        calls = [_call(spec, scheme, now) for spec in data["calls"]]
        assessors = [_assessor(spec) for spec in data["assessors"]]
        added = 0
        for spec in data["applications"]:
            site = Site.objects.filter(slug=spec["site"]).first()
            if site is None:
                _say(stdout, f"Accreditation: site {spec['site']} not found, skipped.")
                continue
            added += _application(spec, site, calls[spec["call"]], assessors, now)
    _say(stdout, f"Accreditation: illustrative scheme, {len(calls)} calls, {added} new demo applications.")


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _scheme(spec):
    fields = {key: spec[key] for key in spec if key != "sections"}
    scheme = Scheme.objects.filter(name_zh=spec["name_zh"]).first()
    if scheme is not None:
        return scheme  # possibly in use, so frozen: the demo keeps the one it made
    scheme = Scheme.objects.create(illustrative=True, **fields)
    for position, section_spec in enumerate(spec["sections"], 1):
        section = Section.objects.create(
            scheme=scheme, position=position, title_zh=section_spec["title_zh"], title_en=section_spec["title_en"]
        )
        Criterion.objects.bulk_create(
            Criterion(
                section=section,
                position=index,
                code=c["code"],
                max_points=c["points"],
                mandatory="mandatory" in c,
                mandatory_points=c.get("mandatory"),
                **{key: c[key] for key in c if key.endswith(("_zh", "_en"))},
            )
            for index, c in enumerate(section_spec["criteria"], 1)
        )
    return scheme


def _call(spec, scheme, now):
    call, _created = Call.objects.update_or_create(
        title_zh=spec["title_zh"],
        defaults={
            "title_en": spec["title_en"],
            "scheme": scheme,
            "opens_at": now + datetime.timedelta(days=spec["opens_days"]),
            "deadline": now + datetime.timedelta(days=spec["deadline_days"]),
        },
    )
    return call


def _assessor(spec):
    user, created = get_user_model().objects.get_or_create(
        username=spec["username"], defaults={"first_name": spec["first_name"], "is_staff": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=roles.ASSESSOR))
    return user


def _application(spec, site, call, assessors, now):
    if Application.objects.filter(call=call, site=site).exists():
        return 0
    stage = spec["stage"]
    submitted_at = min(call.deadline, now) - datetime.timedelta(days=3)
    application = Application.objects.create(
        call=call, site=site, stage=stage, submitted_at=None if stage == S.DRAFT else submitted_at
    )
    criteria = services._criteria(call.scheme)
    Answer.objects.bulk_create(
        Answer(
            application=application,
            criterion=criterion,
            text="" if stage == S.DRAFT and index > 2 else f"（示意）{site.name_zh}：{criterion.title_zh}的情况说明。",
        )
        for index, criterion in enumerate(criteria)
    )
    for assessor, points in zip(assessors, spec.get("scores") or [], strict=False):
        _assign(application, assessor, criteria, points, submitted_at)
    if "decision" in spec:
        _decide(application, spec["decision"], submitted_at + datetime.timedelta(days=30))
    return 1


def _assign(application, assessor, criteria, points, at):
    assignment = Assignment.objects.create(
        application=application,
        assessor=assessor,
        declared_at=at + datetime.timedelta(days=2) if points else None,
        submitted_at=at + datetime.timedelta(days=9) if points else None,
    )
    if points:
        Score.objects.bulk_create(
            Score(assignment=assignment, criterion=criterion, points=value, comment="（示意）评分说明。")
            for criterion, value in zip(criteria, points, strict=True)
        )


def _decide(application, spec, at):
    decision = Decision(
        application=application,
        outcome=spec["outcome"],
        reasons=spec.get("reasons_zh", ""),
        decided_at=at,
    )
    if spec["outcome"] == "accredit":
        decision.level, decision.year = application.call.level, timezone.localdate(at).year
        decision.valid_until = services._years_later(timezone.localdate(at), application.call.scheme.validity_years)
        site = application.site
        services._set_level(site, decision.level, decision.year, None, "Accredited (demo data)")
    decision.save()
