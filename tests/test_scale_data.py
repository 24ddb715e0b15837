import pytest
from django.core.management import CommandError, call_command

from sites.models import HeritageAsset, OpeningPeriod, Site, SitePhoto

pytestmark = pytest.mark.django_db


def test_scale_data_fills_every_filter_and_refuses_to_run_twice():
    call_command("generate_scale_data", sites=60, heritage=40, events=30, routes=5, bookings=20, photo_width=320)
    sites = Site.objects.filter(slug__startswith="scale-")
    assert sites.count() == 60
    assert HeritageAsset.objects.filter(slug__startswith="scale-").count() == 40
    assert sites.values("industry").distinct().count() >= 5
    assert sites.values("district").distinct().count() >= 5
    assert sites.exclude(name_en="").count() == 60
    assert OpeningPeriod.objects.filter(site__in=sites).exists()
    assert SitePhoto.objects.filter(site__in=sites).count() >= 60
    with pytest.raises(CommandError):
        call_command("generate_scale_data", sites=10, heritage=10, events=0, routes=0, bookings=0, photo_width=320)


def test_reset_replaces_only_scale_rows():
    from tests.factories import make_site

    kept = make_site(name_zh="真实的站点")
    call_command("generate_scale_data", sites=20, heritage=10, events=0, routes=0, bookings=0, photo_width=320)
    call_command("generate_scale_data", sites=5, heritage=5, events=0, routes=0, bookings=0, reset=True, photo_width=320)
    assert Site.objects.filter(slug__startswith="scale-").count() == 5
    assert Site.objects.filter(pk=kept.pk).exists()
