"""The open data API (/api/v1/): only what is published, in the language asked for, with one error shape."""

import email.utils
import time
from unittest.mock import patch

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from events.models import Event
from sites.models import Site
from tests.api_catalogue import SECRET, catalogue
from tests.conftest import at
from tests.test_bookings_helpers import NOW, make_slot

pytestmark = pytest.mark.django_db

LISTS = ["sites", "heritage", "events", "routes", "study-tours"]


@pytest.fixture(autouse=True)
def _now():
    with patch("django.utils.timezone.now", return_value=NOW):
        yield


@pytest.fixture
def data():
    return catalogue(size=2)


def _addresses(data):
    first = {
        name: data[key][0].slug
        for name, key in zip(LISTS, ["sites", "heritage", "events", "routes", "programmes"], strict=True)
    }
    return [
        *(f"/api/v1/{name}/" for name in LISTS),
        *(f"/api/v1/{name}/{slug}/" for name, slug in first.items()),
        "/api/v1/sites/geojson/",
        "/api/v1/heritage/geojson/",
        f"/api/v1/routes/{first['routes']}/geojson/",
        "/api/v1/vocabularies/",
    ]


@pytest.mark.parametrize("lang", ["zh", "en", "all"])
def test_no_draft_proposed_change_or_booking_contact_in_any_answer(client, data, lang):
    for address in _addresses(data):
        response = client.get(address, {"lang": lang})
        assert response.status_code == 200, address
        body = response.content.decode()
        assert SECRET not in body and SECRET.lower() not in body, address
        assert "13807310000" not in body, address


def test_a_signed_in_editor_gets_exactly_what_a_partner_gets(client, data):
    anonymous = [client.get(address).content for address in _addresses(data)]
    client.force_login(User.objects.create_superuser("editor", "editor@bureau.example", "a-long-password-1"))
    assert [client.get(address).content for address in _addresses(data)] == anonymous
    assert client.get("/api/v1/sites/draft-site/").status_code == 404


def test_drafts_and_proposed_changes_have_no_address(client, data):
    revision = Site.objects.get(draft_of__isnull=False)
    for address in [
        "/api/v1/sites/draft-site/",
        f"/api/v1/sites/{revision.slug}/",
        "/api/v1/heritage/draft-heritage/",
        "/api/v1/events/factory-league-99/",
        "/api/v1/study-tours/draft-programme/",
    ]:
        response = client.get(address)
        assert response.status_code == 404, address
        assert response.json()["code"] == "not_found"


def test_counts_are_of_published_things_only(client, data):
    counts = {name: client.get(f"/api/v1/{name}/").json()["count"] for name in LISTS}
    assert counts == {"sites": 2, "heritage": 2, "events": 2, "routes": 2, "study-tours": 2}


def test_language_from_lang_or_accept_language(client, data):
    site = data["sites"][0]
    address = f"/api/v1/sites/{site.slug}/"
    assert client.get(address).json()["name"] == site.name_zh
    english = client.get(address, headers={"accept-language": "en-GB,en;q=0.9"})
    assert english.json()["name"] == site.name_en
    assert english.json()["url"] == f"http://testserver/en/sites/{site.slug}/"
    assert english["Content-Language"] == "en"
    assert english["Link"] == f'<http://testserver/en/sites/{site.slug}/>; rel="alternate"; type="text/html"'
    assert "Accept-Language" in english["Vary"]
    assert client.get(address, {"lang": "zh"}, headers={"accept-language": "en"}).json()["name"] == site.name_zh
    both = client.get(address, {"lang": "all"}).json()
    assert both["name"] == {"zh": site.name_zh, "en": site.name_en}
    assert both["level_label"]["en"] == "National industrial tourism demonstration base"
    assert both["transport"] == {"zh": "", "en": None}  # no English written: null, not Chinese


def test_filters_work_as_on_the_pages(client, data):
    liling = client.get("/api/v1/sites/", {"district": "liling"}).json()
    assert [site["slug"] for site in liling["results"]] == [data["sites"][1].slug]
    assert client.get("/api/v1/sites/", {"q": "CRRC works 1"}).json()["count"] == 1
    # Closed on Sundays (weekday 6) in the catalogue.
    assert client.get("/api/v1/sites/", {"open_on": "2027-03-07"}).json()["count"] == 0
    assert client.get("/api/v1/sites/", {"open_on": "2027-03-08"}).json()["count"] == 2
    late = client.get("/api/v1/events/", {"date_from": "2027-03-15"}).json()
    assert late["count"] == 2
    assert [date["starts_at"][:10] for date in late["results"][0]["occurrences"]] == ["2027-03-17", "2027-03-24"]
    assert client.get("/api/v1/events/", {"date_to": "2027-03-09"}).json()["count"] == 0


def test_pages_are_stable_and_link_on_the_public_address(client, data, settings):
    settings.ALLOWED_HOSTS = ["testserver", "second.example"]
    first = client.get("/api/v1/sites/", {"page_size": 1}, HTTP_HOST="second.example").json()
    assert first["next"] == "http://testserver/api/v1/sites/?page=2&page_size=1"
    second = client.get("/api/v1/sites/", {"page_size": 1, "page": 2}).json()
    assert first["results"][0]["slug"] != second["results"][0]["slug"]
    assert second["previous"] == "http://testserver/api/v1/sites/?page_size=1"


def test_slots_show_live_places_left_and_no_booking(client, data):
    programme = data["programmes"][0]
    slots = client.get(f"/api/v1/study-tours/{programme.slug}/").json()["slots"]
    # The booking of 20 pupils and 2 teachers holds 22 of the first slot's 60 places.
    assert [(slot["capacity"], slot["places_left"], slot["bookable"]) for slot in slots] == [
        (60, 38, True),
        (60, 60, True),
    ]


def test_a_route_as_geojson(client, data):
    route = data["routes"][0]
    layer = client.get(f"/api/v1/routes/{route.slug}/geojson/")
    assert layer["Content-Type"] == "application/geo+json"
    features = layer.json()["features"]
    assert features[0]["geometry"]["type"] == "LineString"
    assert [f["properties"]["kind"] for f in features[1:]] == ["site", "heritage", "event"]
    assert features[1]["geometry"]["coordinates"] == [113.16, 27.88]  # longitude first


@pytest.mark.parametrize(
    ("address", "params", "bad"),
    [
        ("/api/v1/sites/", {"level": "galactic"}, "level"),
        ("/api/v1/sites/", {"distict": "liling"}, "distict"),
        ("/api/v1/sites/", {"open_on": "2027-02-30"}, "open_on"),
        ("/api/v1/sites/", {"q": "x" * 101}, "q"),
        ("/api/v1/sites/", {"page": "²"}, "page"),
        ("/api/v1/sites/", {"page": "0"}, "page"),
        ("/api/v1/sites/", {"page_size": "101"}, "page_size"),
        ("/api/v1/sites/", {"lang": "fr"}, "lang"),
        ("/api/v1/sites/", {"sort": "password"}, "sort"),
        ("/api/v1/events/", {"date_from": "1999-12-31"}, "date_from"),
        ("/api/v1/events/", {"date_from": "2027-03-10", "date_to": "2027-03-01"}, "date_to"),
        ("/api/v1/study-tours/", {"site": "no-such-site"}, "site"),
        ("/api/v1/study-tours/", {"grade": "kindergarten"}, "grade"),
        ("/api/v1/routes/", {"days": "9"}, "days"),
        ("/api/v1/vocabularies/", {"page": "1"}, "page"),
        ("/api/v1/sites/draft-site/", {"district": "liling"}, "district"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, data, address, params, bad):
    response = client.get(address, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"status", "code", "message", "errors"}
    assert (body["status"], body["code"]) == (400, "invalid_parameter")
    assert list(body["errors"]) == [bad]


def test_error_messages_follow_the_language(client, data):
    body = client.get("/api/v1/sites/", {"lang": "en", "page_size": "0"}).json()
    assert body["errors"]["page_size"] == ["Give a whole number from 1 to 100."]
    chinese = client.get("/api/v1/sites/", {"page_size": "0"}).json()
    assert chinese["message"] != body["message"]


@pytest.mark.parametrize(
    ("method", "address", "status"),
    [
        ("get", "/api/v1/nowhere/", 404),
        ("get", "/api/v1/sites/no-such-site/", 404),
        ("get", "/api/v1/sites/?page=9", 404),
        ("get", "/api/v1/", 404),
        ("post", "/api/v1/sites/", 405),
        ("delete", "/api/v1/sites/x/", 405),
    ],
)
def test_other_errors_are_json_in_the_same_shape(client, data, method, address, status):
    response = getattr(client, method)(address)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"status", "code", "message", "errors"}
    assert response.json()["status"] == status


def test_unchanged_answers_are_304_until_content_changes(client, data):
    first = client.get("/api/v1/heritage/")
    assert first["Cache-Control"] == "public, max-age=60"
    etag, modified = first["ETag"], first["Last-Modified"]
    assert email.utils.parsedate_to_datetime(modified)
    assert client.get("/api/v1/heritage/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/api/v1/heritage/", headers={"if-modified-since": modified}).status_code == 304
    time.sleep(1.01)  # Last-Modified counts whole seconds (the ETag is exact)
    asset = data["heritage"][0]
    asset.name_zh = "新名字"
    asset.save()
    again = client.get("/api/v1/heritage/", headers={"if-none-match": etag})
    assert again.status_code == 200
    assert "新名字" in again.content.decode()
    assert client.get("/api/v1/heritage/", headers={"if-modified-since": modified}).status_code == 200


def test_answers_that_depend_on_the_time_change_with_the_minute(client, data):
    first = client.get("/api/v1/events/")
    later = NOW.replace(minute=1)
    with patch("django.utils.timezone.now", return_value=later):
        again = client.get("/api/v1/events/", headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 200
    assert email.utils.parsedate_to_datetime(again["Last-Modified"]) == later


def test_each_client_is_throttled_with_a_clear_429(client, data, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    assert [client.get("/api/v1/vocabularies/").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/sites/", {"lang": "en"})
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0
    assert client.get("/api/v1/sites/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_cors_only_for_configured_origins(client, data, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]
    allowed = client.get("/api/v1/sites/", headers={"origin": "https://partner.example"})
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/sites/", headers={"origin": "https://evil.example"})
    preflight = client.options(
        "/api/v1/sites/", headers={"origin": "https://partner.example", "access-control-request-method": "GET"}
    )
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    # Not the portal's pages.
    assert "Access-Control-Allow-Origin" not in client.get("/sites/", headers={"origin": "https://partner.example"})


def test_no_cross_origin_reads_by_default(client, data):
    response = client.get("/api/v1/sites/", headers={"origin": "https://partner.example"})
    assert "Access-Control-Allow-Origin" not in response


def test_the_schema_is_openapi_3_1_in_json_and_yaml(client):
    schema = client.get("/api/v1/schema/").json()
    assert schema["openapi"] == "3.1.0"
    assert client.get("/api/v1/schema/", headers={"accept": "application/yaml"})["Content-Type"].startswith(
        "application/yaml"
    )
    assert client.get("/api/v1/schema.yaml").content.startswith(b"openapi: 3.1.0")
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert len(operations) == 14
    for operation in operations:
        assert {"200", "304", "400", "404", "429"} <= set(operation["responses"])
        names = {parameter["name"] for parameter in operation["parameters"]}
        assert {"lang", "Accept-Language"} <= names
        assert all(parameter.get("description") for parameter in operation["parameters"])


def test_the_documentation_page_uses_only_our_own_files(client):
    page = client.get(reverse("api:docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "<script>" not in page and "<style>" not in page and "https://" not in page


def test_the_footer_links_the_api_documentation(client, data):
    assert 'href="/api/v1/docs/"' in client.get("/").content.decode()


def test_events_show_their_public_site_only(client, data):
    event = data["events"][0]
    Site.objects.filter(pk=event.site_id).update(published=False)
    Event.objects.filter(pk=event.pk).update(venue_name_zh="露天球场")
    venue = client.get(f"/api/v1/events/{event.slug}/").json()["venue"]
    assert venue["site"] is None and venue["name"] == "露天球场"


def test_study_tours_come_in_the_order_of_the_page_by_title(client, data):
    """The API lists programmes as /study-tours/ does, by title, each with its own next slot, not by the next slot
    (which made the database work out every programme's)."""
    programmes = data["programmes"]
    programmes[0].title_zh, programmes[1].title_zh = "B 研学", "A 研学"
    for programme in programmes:
        programme.save()
    make_slot(programmes[0], start=at(2027, 3, 10, 9), capacity=60)  # B has the sooner slot
    listed = client.get("/api/v1/study-tours/").json()["results"]
    assert [row["slug"] for row in listed] == [programmes[1].slug, programmes[0].slug]
    assert all(row["next_slot_start"] for row in listed)
