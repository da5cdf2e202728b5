"""schemathesis against the served OpenAPI document (/api/v1/openapi.yaml), calling the WSGI application:
no 5xx, every response (status, content type, headers, body) valid against the document, and a token of
municipality A never returns B's data, whatever path, query or body is generated."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from burgeridee.api.models import Scope

from .factories import api_client_make

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SECRET = "GEHEIM-VAN-ANDERS"


@pytest.fixture
def api_world(municipality, other_municipality, submit_idea, library, settings):
    settings.RATELIMIT_ENABLE = False  # the limits have their own tests; here they would only hide answers
    ours = [submit_idea(municipality)[0] for _ in range(3)]
    theirs, _token = submit_idea(other_municipality, title=SECRET, description=SECRET)
    _client, token = api_client_make(municipality, *Scope.values)
    return {"ours": ours, "theirs": theirs, "token": token}


def _without_instance(text: str) -> str:
    try:
        body = json.loads(text)
    except ValueError:
        return text
    if isinstance(body, dict):
        body.pop("instance", None)  # a problem echoes the requested path, which may hold their reference
    return json.dumps(body)


def test_api_conforms_to_its_openapi_document(api_world):
    # Requests go to the WSGI application directly, not through Django's test client, so Django would
    # close the test's database connection after each one (on PostgreSQL the next request then finds it
    # closed). Do what the test client does: keep it open for the test.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        _conforms(api_world)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _conforms(api_world):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.yaml", get_wsgi_application())
    # The WSGI transport does not unpack gzip (GZipMiddleware): ask for the plain body.
    plain = {"Accept-Encoding": "identity"}
    headers = {"Authorization": f"Bearer {api_world['token']}", **plain}
    own = {"gemeente": "voorbeeld", "reference": api_world["ours"][0].reference, "key": "V1"}
    cross = {"gemeente": "anders", "reference": api_world["theirs"].reference, "key": "V1"}
    strategy = st.one_of(
        schema.as_strategy(path_parameters=own, headers=headers),
        schema.as_strategy(path_parameters=cross, headers=headers),
        schema.as_strategy(path_parameters={"reference": api_world["theirs"].reference}, headers=headers),
        schema.as_strategy(headers=headers),
        schema.as_strategy(path_parameters=own, headers=plain),  # no token
    )
    seen = set()

    @seed(15)
    @hypothesis_settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        response = case.call_and_validate(checks=CHECKS)
        seen.add((case.operation.label, response.status_code))
        text = _without_instance(response.text)
        assert SECRET not in text
        assert api_world["theirs"].reference not in text

    run()
    statuses = {status for _label, status in seen}
    assert {200, 401, 403, 404} <= statuses, seen
