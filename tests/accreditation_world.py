"""Builders for the accreditation tests: a small scheme, an open call, two sites with their operators, three
assessors, an editor and the administrator; and helpers that move an application along."""

import datetime
import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from accreditation import services
from accreditation.models import Assignment, Call, Criterion, Scheme, Section
from office import roles
from tests.conftest import at
from tests.factories import make_site, person


def make_scheme(**fields):
    scheme = Scheme.objects.create(
        **{
            "name_zh": "市级工业旅游示范点（测试）",
            "name_en": "Municipal points (test)",
            "pass_municipal": 18,
            "pass_provincial": 20,
            "pass_national": 25,
            "disagreement_margin": 2,
            **fields,
        }
    )
    a = Section.objects.create(scheme=scheme, position=1, title_zh="旅游条件", title_en="Tourism conditions")
    b = Section.objects.create(scheme=scheme, position=2, title_zh="安全管理", title_en="Safety")
    Criterion.objects.create(
        section=a, position=1, code="A1", title_zh="参观线路", title_en="Visit route", max_points=10
    )
    Criterion.objects.create(
        section=a, position=2, code="A2", title_zh="讲解", title_en="Interpretation", max_points=10
    )
    Criterion.objects.create(
        section=b,
        position=1,
        code="B1",
        title_zh="三年无安全事故",
        title_en="No accident in three years",
        max_points=10,
        mandatory=True,
        mandatory_points=6,
        evidence_zh="安全生产证明",
        evidence_en="Safety record",
    )
    return scheme


def make_call(scheme, now, **fields):
    return Call.objects.create(
        scheme=scheme,
        title_zh="2027年市级示范点申报",
        title_en="Municipal points 2027",
        opens_at=now - datetime.timedelta(days=10),
        deadline=now + datetime.timedelta(days=20),
        **fields,
    )


def make_world(now):
    scheme = make_scheme()
    site_a = make_site(name_zh="甲厂", name_en="Works A", slug="works-a")
    site_b = make_site(name_zh="乙厂", name_en="Works B", slug="works-b")
    return {
        "scheme": scheme,
        "call": make_call(scheme, now),
        "a": site_a,
        "b": site_b,
        "operator_a": person("op-a", roles.OPERATOR, [site_a]),
        "operator_b": person("op-b", roles.OPERATOR, [site_b]),
        "x": person("assessor-x", roles.ASSESSOR),
        "y": person("assessor-y", roles.ASSESSOR),
        "z": person("assessor-z", roles.ASSESSOR),
        "editor": person("editor", roles.EDITOR),
        "administrator": person("administrator", roles.ADMINISTRATOR),
    }


def criteria(scheme):
    return {c.code: c for c in Criterion.objects.filter(section__scheme=scheme)}


def submitted(world, site="a"):
    application = services.start_application(user=world[f"operator_{site}"], call=world["call"], site=world[site])
    texts = {c.pk: f"关于{c.code}的说明" for c in criteria(world["scheme"]).values()}
    services.save_answers(application=application, texts=texts, uploads={}, removals=set())
    return services.submit_application(application=application, user=world[f"operator_{site}"])


def score(world, application, who, points):
    """`points` {code: points}; declares no conflict and sends."""
    assignment = Assignment.objects.get(application=application, assessor=world[who])
    if assignment.declared_at is None:
        services.declare_interests(assignment=assignment, has_conflict=False, note="")
    by_code = criteria(world["scheme"])
    scores = {by_code[code].pk: (value, f"{code} 评语") for code, value in points.items()}
    return services.save_scores(assignment=assignment, scores=scores, send=True)


def scored(world, site="a", x=None, y=None):
    application = submitted(world, site)
    services.assign_assessors(application=application, assessors=[world["x"], world["y"]])
    score(world, application, "x", x or {"A1": 8, "A2": 7, "B1": 8})
    score(world, application, "y", y or {"A1": 7, "A2": 8, "B1": 7})
    return application


def pdf_bytes(javascript=None, launch=False, open_action_js=False):
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if javascript:  # a document-level script, in the /Names tree as Acrobat writes it
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(javascript)}
        )
        tree = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("init"), writer._add_object(action)])}
        )
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): writer._add_object(tree)}
        )
    if launch:
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    if open_action_js:
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/J#53"): TextStringObject("app.alert(1)")}
        )
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


NOW = at(2027, 3, 1, 12)
