"""Demo investment projects (demo/data/invest.yaml): the six the bureau names and nine illustrative ones, 7.5
billion yuan in all, each with its stage history. Idempotent: projects by slug, stage changes by (stage, date)."""

import datetime
from decimal import Decimal

from django.db import transaction

from demo import content
from invest.models import InvestmentProject, StageChange
from sites.models import Site


def load(stdout=None):
    data = content.read("invest")
    contact, note = data["contact"], data["note"]
    with transaction.atomic():
        for spec in data["projects"]:
            project = _project(spec, contact, note)
            _stages(project, spec["stages"])
    if stdout is not None:
        total = sum(Decimal(spec["need"]) for spec in data["projects"])
        stdout.write(f"Investment projects: {len(data['projects'])}, {total / 100_000_000:.1f} 亿元 in all.")


def _project(spec, contact, note):
    site = Site.objects.filter(slug=spec["site"]).first() if spec.get("site") else None
    illustrative = spec.get("illustrative", False)
    texts = {key: spec.get(key, "") for key in ("summary_zh", "summary_en", "description_zh", "description_en")}
    if not illustrative:  # the named projects: the figure and dates are ours, and their text says so
        texts["description_zh"] = f"{texts['description_zh']}{note['zh']}".strip()
        texts["description_en"] = f"{texts['description_en']} {note['en']}".strip()
    fields = {
        "name_zh": spec["name_zh"],
        "name_en": spec["name_en"],
        "site": site,
        "district": spec["district"],
        "industry": spec["industry"],
        "project_type": spec["type"],
        "financing_need": Decimal(spec["need"]),
        "stage": spec["stages"][-1][0],
        "illustrative": illustrative,
        "featured": spec.get("featured", False),
        "contact_office_zh": contact["office_zh"],
        "contact_office_en": contact["office_en"],
        "contact_phone": contact["phone"],
        "contact_email": contact["email"],
        "published": True,
        **texts,
    }
    project, _created = InvestmentProject.objects.update_or_create(slug=spec["slug"], defaults=fields)
    return project


def _stages(project, stages):
    for stage, day in stages:
        StageChange.objects.get_or_create(project=project, stage=stage, date=datetime.date.fromisoformat(day))
