"""An investor on a desktop filters the investment projects and sends an enquiry; a visitor browses 株洲礼物 on a
phone, in both languages."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile

from gifts.models import Collection, Gift, GiftPhoto, Outlet
from invest.models import Enquiry, InvestmentProject, StageChange
from tests.factories import add_illustrated_photo, jpeg_bytes, make_site

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits_the_screen(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


@pytest.fixture
def projects():
    cache.clear()
    site = make_site(
        name_zh="清水塘1956工业遗址", name_en="Qingshuitang 1956", slug="qingshuitang", industry="metallurgy"
    )
    common = {"district": "shifeng", "industry": "metallurgy", "contact_office_zh": "市文旅局招商科", "published": True}
    seeking = InvestmentProject.objects.create(
        name_zh="清水塘1956工业遗址项目",
        name_en="Qingshuitang 1956 heritage park",
        slug="qingshuitang-park",
        summary_zh="工业遗址公园。",
        summary_en="An industrial heritage park.",
        site=site,
        project_type="complex",
        financing_need=Decimal("800000000"),
        stage="seeking",
        **common,
    )
    StageChange.objects.create(project=seeking, stage="planned", date="2023-11-01")
    StageChange.objects.create(project=seeking, stage="seeking", date="2024-06-01")
    InvestmentProject.objects.create(
        name_zh="株洲市工业文旅提升项目",
        name_en="Industrial culture and tourism upgrade",
        slug="upgrade",
        project_type="renovation",
        financing_need=Decimal("1200000000"),
        stage="approved",
        **common,
    )
    return seeking


def test_an_investor_filters_the_projects_and_sends_an_enquiry(live_server, desktop, projects, screenshot):
    page = desktop
    page.goto(live_server.url + "/en/invest/")
    expect(page.locator(".stage-totals tfoot")).to_contain_text("2 billion yuan")
    screenshot(page, "invest-1-list")

    page.select_option("#id_stage", "seeking")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url(re.compile(r"stage=seeking"))
    expect(page.locator(".project-card")).to_have_count(1)
    expect(page.locator(".stage-totals tfoot")).to_contain_text("800 million yuan")

    page.get_by_role("link", name="Qingshuitang 1956 heritage park").click()
    expect(page.locator(".stage-timeline li")).to_have_count(2)
    screenshot(page, "invest-2-project")
    page.get_by_role("link", name="Send an enquiry").click()

    page.get_by_label("Company").fill("Xiangjiang Culture & Tourism Investment Co.")
    page.get_by_label("Contact person").fill("Wang Li")
    page.get_by_role("button", name="Send the enquiry").click()
    expect(page.locator("#form-errors")).to_contain_text("phone number or an email address")
    assert not Enquiry.objects.exists()

    page.get_by_label("Email").fill("wang@example.com")
    page.get_by_label("Your interest").select_option("operate")
    page.get_by_role("button", name="Send the enquiry").click()
    page.wait_for_url(re.compile(r"/enquire/sent/$"))
    expect(page.locator("h1")).to_contain_text("Thank you")
    enquiry = Enquiry.objects.get()
    assert (enquiry.project, enquiry.interest, enquiry.language) == (projects, "operate", "en")
    assert not page.problems, page.problems


@pytest.fixture
def goods():
    cache.clear()
    site = make_site(name_zh="中国陶瓷谷", name_en="China Ceramic Valley", slug="ceramic-valley", industry="ceramics")
    add_illustrated_photo(site)
    spring = Collection.objects.create(name_zh="新春礼盒", name_en="Spring Festival gift boxes", slug="spring")
    for n, (zh, en) in enumerate([("釉下五彩茶杯", "Underglaze teacup"), ("瓷片书签", "Shard bookmark")]):
        gift = Gift.objects.create(
            name_zh=zh,
            name_en=en,
            slug=f"gift-{n}",
            maker_zh="醴陵某瓷厂",
            maker_en="A Liling porcelain works",
            site=site,
            industry="ceramics",
            price_min=Decimal(28 + n * 100),
            price_max=Decimal(880) if n == 0 else None,
            illustrative=True,
            published=True,
        )
        photo = GiftPhoto(gift=gift, alt_zh=zh, alt_en=en)
        photo.image.save(f"gift-{n}.jpg", ContentFile(jpeg_bytes(color=(150, 60 + n * 40, 50))), save=False)
        photo.save()
        Outlet.objects.create(
            gift=gift, kind="online", name_zh="网店", name_en="Online shop", url="https://shop.example.com/"
        )
        if n == 0:
            gift.collections.add(spring)
    return site


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_visitor_browses_zhuzhou_gifts_on_a_phone(live_server, phone, goods, served_media, screenshot, prefix):
    page = phone
    page.goto(live_server.url + prefix + "/gifts/")
    expect(page.locator(".gift-card")).to_have_count(2)
    _fits_the_screen(page)
    screenshot(page, f"gifts-phone-1-list{prefix.replace('/', '-')}")

    page.locator("summary").filter(has_text=re.compile("Filters|筛选")).click()
    page.select_option("#id_collection", "spring")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"collection=spring"))
    expect(page.locator(".gift-card")).to_have_count(1)

    page.locator(".gift-card a").first.click()
    page.wait_for_url(re.compile(r"/gifts/gift-0/$"))
    _fits_the_screen(page)
    link = page.locator(".outlets a[rel~=noopener]")
    assert link.get_attribute("href") == "https://shop.example.com/"
    expect(page.locator(".gift-price").first).to_contain_text("¥28–880")
    screenshot(page, f"gifts-phone-2-product{prefix.replace('/', '-')}")

    page.goto(live_server.url + prefix + "/sites/ceramic-valley/")
    expect(page.locator("#site-gifts-title")).to_be_visible()
    expect(page.locator("#site-gifts-title + .card-grid .gift-card")).to_have_count(2)
    assert not page.problems, page.problems
