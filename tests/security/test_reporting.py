"""Security issues can be reported (security.txt) and a broken Content-Security-Policy shows up
(issue #19, habits)."""

import json

import pytest
from django.test import override_settings

from burgeridee.core.models import CspReport

pytestmark = pytest.mark.django_db


def test_security_txt_names_a_contact_and_an_expiry(client, settings):
    settings.SECURITY_CONTACT = "cert@voorbeeld.example"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Contact: mailto:cert@voorbeeld.example" in text
    assert "Expires: " in text and "Policy: " in text
    assert client.get("/.well-known/security-policy").status_code == 200


def test_the_policy_sends_its_violations_to_us(client, municipality):
    assert "report-uri /csp-melding/" in client.get("/voorbeeld/").headers["Content-Security-Policy"]


def report(document="https://burgeridee.example/voorbeeld/mijn-initiatief/GEHEIM/?x=1", blocked="inline"):
    return json.dumps(
        {"csp-report": {"document-uri": document, "effective-directive": "script-src-elem", "blocked-uri": blocked}}
    )


def test_a_violation_is_stored_without_secrets(client):
    response = client.post("/csp-melding/", report(), content_type="application/csp-report")
    assert response.status_code == 204
    stored = CspReport.objects.get()
    assert stored.directive == "script-src-elem"
    assert stored.document == "https://burgeridee.example/voorbeeld/mijn-initiatief/…/"
    assert "GEHEIM" not in stored.document


def test_reports_are_rate_limited_and_bounded(client):
    with override_settings(RATELIMIT_CSP_REPORT="2/h"):
        codes = [
            client.post("/csp-melding/", report(), content_type="application/csp-report").status_code for _ in range(3)
        ]
    assert codes == [204, 204, 429]
    huge = json.dumps({"csp-report": {"document-uri": "x" * 20000}})
    assert client.post("/csp-melding/", huge, content_type="application/csp-report").status_code == 413
    assert client.post("/csp-melding/", "{niet json", content_type="application/csp-report").status_code == 400
