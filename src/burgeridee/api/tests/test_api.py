"""The REST API by the NL API Design Rules: versions, camelCase, problem+json, pagination, scopes,
tenancy, rate limits, the processing log, and an idea on behalf of a resident."""

import re

import pytest
from django.core import mail

from burgeridee.api.models import ApiClient, ApiReadAudit, Scope
from burgeridee.api.rest import API_VERSION, PROBLEM_TYPE
from burgeridee.api.services import api_client_revoke
from burgeridee.initiatives.models import Initiative
from burgeridee.records.models import ProcessingLogEntry

from .factories import api_client_make, bearer

BASE = "/api/v1/gemeenten/voorbeeld/"


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM_TYPE
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert response["API-Version"] == API_VERSION
    return body


def test_no_token_is_401_problem_with_version_header(client, initiative):
    body = assert_problem(client.get(BASE + "initiatieven"), 401)
    assert body["instance"] == BASE + "initiatieven"


def test_unknown_and_revoked_tokens_are_refused(client, municipality, initiative):
    assert_problem(client.get(BASE + "initiatieven", **bearer("bi_not-a-token")), 401)
    api_client, token = api_client_make(municipality)
    assert client.get(BASE + "initiatieven", **bearer(token)).status_code == 200
    api_client_revoke(client=api_client, actor=None)
    assert_problem(client.get(BASE + "initiatieven", **bearer(token)), 401)


def test_token_is_stored_hashed_only(municipality):
    api_client, token = api_client_make(municipality)
    stored = ApiClient.objects.values().get(pk=api_client.pk)
    assert token not in str(stored)
    assert stored["token_hash"] != token and len(stored["token_hash"]) == 64


def test_initiatives_camel_case_without_personal_data_and_links(client, municipality, submit_idea):
    for _ in range(3):
        submit_idea(municipality)
    _client, token = api_client_make(municipality, Scope.INITIATIVES)
    response = client.get(BASE + "initiatieven?pageSize=2", **bearer(token))
    assert response.status_code == 200
    assert response["API-Version"] == API_VERSION
    body = response.json()
    assert body["count"] == 3
    assert body["links"]["next"].endswith("page=2&pageSize=2") or "page=2" in body["links"]["next"]
    assert body["links"]["previous"] is None
    assert 'rel="next"' in response["Link"]
    item = body["results"][0]
    assert {"reference", "phase", "submittedAt", "firstContactDue", "neighbourhood", "theme", "helpAsked"} <= set(item)
    assert "contactPerson" in item
    assert all("_" not in key for key in item)  # camelCase throughout
    assert "Fatima" not in response.content.decode() and "fatima@example.org" not in response.content.decode()
    assert not ProcessingLogEntry.objects.filter(activity="api_initiative_read").exists()


def test_no_personal_data_in_urls(client, municipality, initiative):
    _client, token = api_client_make(municipality)
    body = client.get(BASE + "initiatieven", **bearer(token)).json()
    url = body["results"][0]["url"]
    assert re.search(r"/initiatieven/BI-\d{4}-\d{6}$", url)


def test_contact_details_only_with_scope_and_every_read_logged(client, municipality, initiative):
    _plain, plain_token = api_client_make(municipality, Scope.INITIATIVES)
    url = BASE + f"initiatieven/{initiative.reference}"
    body = client.get(url, **bearer(plain_token)).json()
    assert body["initiators"] is None
    assert not ProcessingLogEntry.objects.filter(activity="api_initiative_read").exists()

    reader, token = api_client_make(municipality, Scope.CONTACT_DETAILS, name="Wijkteam")
    body = client.get(url, **bearer(token)).json()
    assert body["initiators"][0]["email"] == "fatima@example.org"
    assert body["initiators"][0]["preferredContact"] == "email"
    entry = ProcessingLogEntry.objects.get(activity="api_initiative_read")
    assert entry.initiative_id == initiative.pk and entry.data_subject_type == "initiator"
    assert ApiReadAudit.objects.get(processing=entry).client == reader


def test_scope_missing_is_403(client, municipality, initiative):
    _client, token = api_client_make(municipality, Scope.FIGURES)
    assert_problem(client.get(BASE + "initiatieven", **bearer(token)), 403)
    _client, token = api_client_make(municipality, Scope.INITIATIVES)
    assert_problem(client.get(BASE + "cijfers", **bearer(token)), 403)


def test_token_of_one_municipality_never_opens_another(client, municipality, other_municipality, submit_idea):
    theirs, _token = submit_idea(other_municipality)
    _client, token = api_client_make(municipality, *Scope.values)
    for path in ("initiatieven", f"initiatieven/{theirs.reference}", "cijfers", "etalage", "kennisbank"):
        response = client.get(f"/api/v1/gemeenten/anders/{path}", **bearer(token))
        body = assert_problem(response, 403)
        body.pop("instance")  # echoes the requested path, nothing more
        assert theirs.reference not in str(body) and theirs.title not in response.content.decode()
    # Their reference under our own municipality is simply not there.
    assert_problem(client.get(BASE + f"initiatieven/{theirs.reference}", **bearer(token)), 404)


def test_unknown_address_is_404_problem(client, db):
    assert_problem(client.get("/api/v1/bestaat-niet"), 404)
    assert_problem(client.get("/api/v2/gemeenten/voorbeeld/initiatieven"), 404)


def test_rate_limit_is_429_problem(client, municipality, settings):
    settings.API_RATE_LIMIT = "2/m"
    _client, token = api_client_make(municipality)
    for _ in range(2):
        assert client.get(BASE + "initiatieven", **bearer(token)).status_code == 200
    response = client.get(BASE + "initiatieven", **bearer(token))
    assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0


def test_validation_error_is_400_with_invalid_params(client, municipality):
    _client, token = api_client_make(municipality, Scope.INITIATIVES)
    response = client.get(BASE + "initiatieven?fase=onzin", **bearer(token))
    body = assert_problem(response, 400)
    assert body["invalidParams"][0]["name"] == "fase"


def test_timeline_shows_what_the_resident_sees(client, municipality, initiative):
    from burgeridee.initiatives.services import note_add

    note_add(initiative=initiative, body="Intern: lastige buurman", actor=None)
    _client, token = api_client_make(municipality)
    body = client.get(BASE + f"initiatieven/{initiative.reference}/tijdlijn", **bearer(token)).json()
    kinds = [event["kind"] for event in body["results"]]
    assert "ingediend" in kinds and "notitie" not in kinds


def test_agreements_without_a_report_are_empty(client, municipality, initiative):
    _client, token = api_client_make(municipality)
    body = client.get(BASE + f"initiatieven/{initiative.reference}/afspraken", **bearer(token)).json()
    assert body == {
        "reportVersion": None,
        "reportStatus": None,
        "reportSentAt": None,
        "reportRespondedAt": None,
        "agreements": [],
    }


def test_figures(client, municipality, submit_idea):
    submit_idea(municipality)
    _client, token = api_client_make(municipality, Scope.FIGURES)
    body = client.get(BASE + "cijfers", **bearer(token)).json()
    assert body["total"] == 1
    assert {"key": "idee", "label": "Idee", "count": 1} in body["phases"]
    assert body["firstContact"]["promiseWorkingDays"] == municipality.first_contact_working_days
    assert_problem(client.get(BASE + "cijfers?vanaf=gisteren", **bearer(token)), 400)


def test_public_resources_need_no_token(client, municipality, library):
    assert client.get(BASE + "etalage").json()["count"] == 0
    body = client.get(BASE + "kennisbank?soort=valkuil").json()
    assert body["count"] > 0 and all(item["kind"] == "valkuil" for item in body["results"])
    key = body["results"][0]["key"]
    assert client.get(BASE + f"kennisbank/{key}").json()["key"] == key
    assert_problem(client.get(BASE + "kennisbank/ONBEKEND"), 404)


@pytest.mark.parametrize("size", [3, 12])
def test_initiative_list_queries_do_not_grow(client, municipality, submit_idea, django_assert_num_queries, size):
    for _ in range(size):
        submit_idea(municipality)
    _client, token = api_client_make(municipality)
    client.get(BASE + "initiatieven", **bearer(token))  # last_used_at written once
    # token, municipality, count, page, support requests
    with django_assert_num_queries(5):
        response = client.get(BASE + "initiatieven", **bearer(token))
    assert response.json()["count"] == size


IDEA = {
    "title": "Bankje bij de speeltuin",
    "description": "Een bankje zodat ouders kunnen zitten.",
    "targetGroup": "Ouders in de buurt",
    "theme": "leefbaar",
    "helpAsked": ["materialen"],
    "name": "Pieter Jansen",
    "email": "pieter@example.org",
    "preferredContact": "email",
}


def test_idea_on_behalf_of_a_resident(client, municipality, django_capture_on_commit_callbacks):
    _client, token = api_client_make(municipality, Scope.SUBMIT)
    data = {**IDEA, "neighbourhood": municipality.neighbourhoods.first().pk, "submissionKey": "a" * 32}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(BASE + "initiatieven", data, content_type="application/json", **bearer(token))
    assert response.status_code == 201, response.content
    body = response.json()
    initiative = Initiative.objects.get(reference=body["reference"])
    assert response["Location"] == body["url"]
    assert body["statusUrl"].startswith("http")
    assert initiative.initiators.get().name == "Pieter Jansen"
    assert list(initiative.support_requests.values_list("support_type", flat=True)) == ["materialen"]
    assert len(mail.outbox) == 1 and body["reference"] in mail.outbox[0].body  # the form's confirmation mail
    # The same form again: received, not stored twice, and no link.
    again = client.post(BASE + "initiatieven", data, content_type="application/json", **bearer(token))
    assert again.status_code == 200 and again.json()["statusUrl"] is None
    assert Initiative.objects.count() == 1


def test_idea_same_validation_as_the_form(client, municipality):
    _client, token = api_client_make(municipality, Scope.SUBMIT)
    data = {**IDEA, "email": "", "postalCode": "12"}
    response = client.post(BASE + "initiatieven", data, content_type="application/json", **bearer(token))
    body = assert_problem(response, 400)
    reasons = {param["name"]: param["reason"] for param in body["invalidParams"]}
    assert reasons["email"] == "U wilt contact per e-mail. Vul daarom uw e-mailadres in."
    assert reasons["postalCode"] == "Vul een postcode in zoals 1234 AB."
    assert not Initiative.objects.exists()


def test_idea_needs_the_submit_scope(client, municipality):
    _client, token = api_client_make(municipality, Scope.INITIATIVES, Scope.CONTACT_DETAILS)
    assert_problem(client.post(BASE + "initiatieven", IDEA, content_type="application/json", **bearer(token)), 403)


def test_idea_rate_limit_counts_stored_ideas(client, municipality, settings):
    settings.RATELIMIT_IDEA_FORM = "1/h"
    _client, token = api_client_make(municipality, Scope.SUBMIT)
    bad = client.post(BASE + "initiatieven", {**IDEA, "email": ""}, content_type="application/json", **bearer(token))
    assert bad.status_code == 400  # a refused form does not use up the allowance
    assert client.post(BASE + "initiatieven", IDEA, content_type="application/json", **bearer(token)).status_code == 201
    assert_problem(client.post(BASE + "initiatieven", IDEA, content_type="application/json", **bearer(token)), 429)
    assert Initiative.objects.count() == 1


def test_swagger_docs_from_local_files(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_agreements_name_who_only_with_the_contact_scope_and_that_read_is_logged(
    client, municipality, initiative, contact
):
    from .test_zgw import confirm_report

    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
    initiative.refresh_from_db()
    confirm_report(initiative, contact)
    url = BASE + f"initiatieven/{initiative.reference}/afspraken"

    _plain, plain_token = api_client_make(municipality, Scope.INITIATIVES)
    body = client.get(url, **bearer(plain_token)).json()
    assert body["reportStatus"] and body["agreements"][0]["what"] == "Kabels en leidingen nagaan"
    assert body["agreements"][0]["who"] is None
    assert not ProcessingLogEntry.objects.filter(activity="api_initiative_read").exists()

    reader, token = api_client_make(municipality, Scope.CONTACT_DETAILS, name="Wijkteam")
    body = client.get(url, **bearer(token)).json()
    assert body["agreements"][0]["who"] == "Karim"
    entry = ProcessingLogEntry.objects.get(activity="api_initiative_read")
    assert entry.initiative_id == initiative.pk and entry.fields == ["name"]
    assert ApiReadAudit.objects.get(processing=entry).client == reader
