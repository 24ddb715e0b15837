import pytest

from tests.factories import add_photo, add_weekly_hours, make_heritage, make_site

pytestmark = pytest.mark.django_db


def test_public_pages_answer_in_both_languages(client):
    site = make_site(name_zh="醴陵陶瓷谷", level="national", level_year=2020)
    add_photo(site)
    add_weekly_hours(site)
    asset = make_heritage(site=site)
    for prefix in ("", "/en"):
        for path in ["/", "/sites/", site.get_absolute_url(), "/heritage/", asset.get_absolute_url(), "/map/"]:
            response = client.get(prefix + path)
            assert response.status_code == 200, (prefix, path)
