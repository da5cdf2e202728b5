"""Status tokens and enrolment links never reach the application's log lines (issue #19, concern)."""

import logging

import pytest

from burgeridee.core.logfilters import SecretPathFilter, mask_secrets

pytestmark = pytest.mark.django_db


def test_secrets_in_paths_are_masked():
    assert mask_secrets('"GET /voorbeeld/mijn-initiatief/AbC-123_x/gesprek/ HTTP/1.1" 200') == (
        '"GET /voorbeeld/mijn-initiatief/…/gesprek/ HTTP/1.1" 200'
    )
    assert mask_secrets("/werkplek/inloggen/link/geheim123/") == "/werkplek/inloggen/link/…/"
    assert mask_secrets("/voorbeeld/idee/") == "/voorbeeld/idee/"


def test_a_not_found_on_a_status_link_logs_no_token(client, municipality, caplog):
    """Django's own "Not Found" warning names the path; through the project's handlers it is masked."""
    console = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert console and all(any(isinstance(f, SecretPathFilter) for f in h.filters) for h in console)
    caplog.handler.addFilter(SecretPathFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/voorbeeld/mijn-initiatief/geheim-token-123/bestaat-niet/")
    assert caplog.records, "Django logged the 404"
    assert all("geheim-token-123" not in record.getMessage() for record in caplog.records)
