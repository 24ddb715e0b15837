"""Schemathesis against the served OpenAPI description: every operation, generated parameters, and every answer
checked against the description (no 500, a documented status, content type, headers and body)."""

import json
from unittest.mock import patch

import pytest
import schemathesis
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import Client, override_settings
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api_catalogue import catalogue
from tests.test_bookings_helpers import NOW
from zhuzhou_tourism.wsgi import application


def _served_schema():
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        response = Client().get("/api/v1/schema/")
    assert response.status_code == 200, response.content
    loaded = schemathesis.openapi.from_dict(json.loads(response.content))
    loaded.app = application
    return loaded


schema = _served_schema()


@pytest.fixture
def _catalogue(db, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.API_THROTTLE_RATE = "100000/minute"
    settings.DATA_CACHE_SECONDS = 0  # every example reaches the database
    # As Django's test client does: the WSGI handler would close the test's connection, inside its transaction.
    request_started.disconnect(close_old_connections)
    try:
        with patch("django.utils.timezone.now", return_value=NOW):
            catalogue(size=2)
            yield
    finally:
        request_started.connect(close_old_connections)


@pytest.mark.usefixtures("_catalogue")
@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_described(case):
    # Every check but "schema-valid requests are accepted": the API refuses, with a 400 that names them, values an
    # OpenAPI schema cannot describe (a date_to before date_from, event dates outside 2000-2100, a site slug that
    # names no site with programmes), as tests/test_api.py shows. Bad values must still be refused (checked).
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
