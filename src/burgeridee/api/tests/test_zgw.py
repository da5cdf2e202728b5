"""Registration in the case system (ZGW) against a local fake of the Zaken and Documenten API (zgw_fake.py)
that checks every request as the standard requires: a valid ZGW JWT, the required fields, URLs pointing at
the zaak it created, the order (zaak first), and the Crs headers on zaken."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from zgw_consumers.constants import AuthTypes
from zgw_consumers.models import Service

from burgeridee.accounts.constants import Role
from burgeridee.api import zgw
from burgeridee.api.models import DeliveryStatus, ZgwKind, ZgwRegistration, ZgwSettings
from burgeridee.api.services import zgw_settings_update
from burgeridee.conversations import services as conversation_services
from burgeridee.conversations.constants import AgreementResponse
from burgeridee.conversations.models import Report
from burgeridee.conversations.tests.helpers import next_weekday_at
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import initiative_phase_change
from burgeridee.records.models import ProcessingLogEntry

from .zgw_fake import CLIENT_ID, SECRET, FakeZgw

pytestmark = pytest.mark.django_db

CATALOGI = "http://127.0.0.1:1/catalogi/api/v1/"


def configure(municipality, fake_base: str, **overrides):
    values = {
        "is_active": True,
        "zaken_url": f"{fake_base}/zaken/api/v1/",
        "catalogi_url": CATALOGI,
        "documenten_url": f"{fake_base}/documenten/api/v1/",
        "client_id": CLIENT_ID,
        "rsin": "002220647",
        "catalogus": CATALOGI + "catalogussen/1",
        "zaaktype": CATALOGI + "zaaktypen/1",
        "roltype_initiator": CATALOGI + "roltypen/1",
        "statustypes": {"idee": CATALOGI + "statustypen/1", "verkennen": CATALOGI + "statustypen/2"},
        "informatieobjecttype": CATALOGI + "informatieobjecttypen/1",
    } | overrides
    return zgw_settings_update(municipality=municipality, values=values, secret=SECRET, actor=None)


def confirm_report(initiative, contact):
    conversation = conversation_services.conversation_plan(
        initiative=initiative, starts_at=next_weekday_at(14), place="Buurthuis", participants="Fatima", actor=contact
    )
    conversation_services.conversation_save(
        conversation=conversation,
        captures={"summary": "Een moestuin op het grasveld.", "next_step": "Kabels nagaan"},
        agreements=[{"what": "Kabels en leidingen nagaan", "who": "Karim", "due": ""}],
    )
    conversation_services.conversation_mark_held(conversation=conversation, actor=contact)
    report = Report.objects.get(conversation=conversation)
    conversation_services.report_send(report=report, actor=contact)
    report.refresh_from_db()
    conversation_services.report_respond(
        report=report, responses={a.pk: (AgreementResponse.AGREED, "") for a in report.agreements.all()}
    )


def test_an_initiative_becomes_a_zaak_with_initiator_statuses_and_the_report(
    municipality, submit_idea, contact, library
):
    with FakeZgw() as fake:
        configure(municipality, fake.base)
        initiative, _token = submit_idea(municipality)
        Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
        initiative.refresh_from_db()
        initiative_phase_change(initiative=initiative, to_phase="verkennen", actor=contact)
        confirm_report(initiative, contact)
        assert fake.requests == []  # nothing was sent in the actions themselves
        assert zgw.zgw_register() == 3
        assert zgw.zgw_register() == 0  # done is done

    assert fake.problems == []
    assert fake.resources() == [
        "zaken",
        "rollen",
        "statussen",
        "statussen",
        "enkelvoudiginformatieobjecten",
        "zaakinformatieobjecten",
    ]
    zaak_request, rol, first_status, second_status, document, link = fake.requests
    zaak = zaak_request["url"]
    assert zaak_request["crs"] == "EPSG:4326"
    body = zaak_request["body"]
    assert body["zaaktype"] == CATALOGI + "zaaktypen/1"
    assert body["bronorganisatie"] == body["verantwoordelijkeOrganisatie"] == "002220647"
    assert body["startdatum"] == timezone.localdate(initiative.submitted_at).isoformat()
    assert body["omschrijving"].startswith(initiative.reference) and len(body["omschrijving"]) <= 80
    assert body["toelichting"] == initiative.description
    assert rol["body"]["zaak"] == zaak and rol["body"]["betrokkeneType"] == "natuurlijk_persoon"
    assert rol["body"]["roltype"] == CATALOGI + "roltypen/1"
    assert rol["body"]["betrokkeneIdentificatie"] == {"geslachtsnaam": "Bakker", "voornamen": "Fatima"}
    assert rol["body"]["contactpersoonRol"]["emailadres"] == "fatima@example.org"
    assert "phone" not in json.dumps(rol["body"]) and "06" not in json.dumps(rol["body"]["betrokkeneIdentificatie"])
    assert [first_status["body"]["statustype"], second_status["body"]["statustype"]] == [
        CATALOGI + "statustypen/1",
        CATALOGI + "statustypen/2",
    ]
    assert first_status["body"]["zaak"] == second_status["body"]["zaak"] == zaak
    assert document["body"]["taal"] == "dut" and document["body"]["bronorganisatie"] == "002220647"
    assert document["body"]["informatieobjecttype"] == CATALOGI + "informatieobjecttypen/1"
    assert link["body"] == {"zaak": zaak, "informatieobject": document["url"]}

    done = ZgwRegistration.objects.filter(initiative=initiative, status=DeliveryStatus.DELIVERED)
    assert sorted(done.values_list("kind", flat=True)) == sorted([ZgwKind.CASE, ZgwKind.STATUS, ZgwKind.DOCUMENT])
    log = ProcessingLogEntry.objects.filter(activity="zgw_register", initiative=initiative)
    assert log.count() == 3
    assert log.filter(fields=["name", "email"]).count() == 1  # the initiator role


def test_a_500_is_retried_later_and_then_succeeds(municipality, submit_idea):
    with FakeZgw(fail=[500]) as fake:
        configure(municipality, fake.base)
        initiative, _token = submit_idea(municipality)
        start = timezone.now()
        assert zgw.zgw_register(now=start) == 0
        work = ZgwRegistration.objects.get()
        assert work.status == DeliveryStatus.PENDING and work.attempts == 1 and "HTTP 500" in work.last_error
        assert work.next_attempt_at == start + timedelta(seconds=30)
        assert zgw.zgw_register(now=start + timedelta(seconds=10)) == 0  # back-off: not yet
        assert zgw.zgw_register(now=start + timedelta(seconds=31)) == 1
    assert fake.problems == []
    assert fake.resources() == ["zaken", "rollen", "statussen"]  # the zaak once: the 500 created nothing
    work.refresh_from_db()
    assert work.status == DeliveryStatus.DELIVERED and work.result["zaak"] == fake.requests[0]["url"]


def test_a_half_done_registration_does_not_create_the_zaak_twice(municipality, submit_idea):
    with FakeZgw() as fake:
        configure(municipality, fake.base)
        submit_idea(municipality)
        fake.fail = []
        original = zgw.ZgwClient.post
        calls = []

        def flaky(self, base, path, body, **kwargs):
            calls.append(path)
            if path == "rollen" and calls.count("rollen") == 1:
                raise zgw.ZgwError("HTTP 502 on POST rollen")
            return original(self, base, path, body, **kwargs)

        zgw.ZgwClient.post = flaky
        try:
            now = timezone.now()
            zgw.zgw_register(now=now)
            zgw.zgw_register(now=now + timedelta(minutes=5))
        finally:
            zgw.ZgwClient.post = original
    assert fake.resources() == ["zaken", "rollen", "statussen"]
    assert fake.problems == []


def test_the_resident_never_waits_submit_with_the_case_system_down(client, municipality):
    from burgeridee.initiatives.tests.test_idea_form import form_url, valid_data

    configure(municipality, "http://127.0.0.1:9")  # the discard port: nothing listens
    response = client.post(form_url(municipality), valid_data(municipality), follow=True)
    assert response.status_code == 200 and "Bedankt! Uw idee is verstuurd" in response.content.decode()
    initiative = Initiative.objects.get()
    work = ZgwRegistration.objects.get(initiative=initiative)
    assert work.status == DeliveryStatus.PENDING and work.attempts == 0  # queued, not tried in the request
    assert zgw.zgw_register() == 0
    work.refresh_from_db()
    assert work.status == DeliveryStatus.PENDING and "ConnectionError" in work.last_error


def test_nothing_is_queued_when_the_plugin_is_off(municipality, submit_idea):
    submit_idea(municipality)
    assert not ZgwRegistration.objects.exists()


def test_worker_is_asked_after_commit(municipality, submit_idea, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    configure(municipality, "http://127.0.0.1:9")
    with django_capture_on_commit_callbacks(execute=True):
        submit_idea(municipality)
    assert DBTaskResult.objects.filter(task_path__endswith="zgw_register_task").exists()


def test_calls_carry_the_jwt_zgw_consumers_makes_for_the_configured_service(municipality, submit_idea):
    """The Authorization header is zgw-consumers' ZGWAuth for the configured Service: HS256 with its client id
    as issuer and client_id, its user_id, and the `exp` zgw-consumers adds (jwt_valid_for). A changed secret
    in the Service is what the next request is signed with."""
    with FakeZgw() as fake:
        config = configure(municipality, fake.base)
        service = config.zaken_service
        assert service.auth_type == AuthTypes.zgw and service.client_id == CLIENT_ID and service.secret == SECRET
        assert config.documenten_service.api_root == f"{fake.base}/documenten/api/v1/"
        submit_idea(municipality)
        assert zgw.zgw_register() == 1
        assert fake.problems == [] and len(fake.tokens) == 3
        for claims in fake.tokens:
            assert claims["iss"] == claims["client_id"] == CLIENT_ID
            assert claims["user_id"] == service.user_id == "burgeridee"
            assert claims["exp"] - claims["iat"] == service.jwt_valid_for

        # The next calls use what the Service says now: a wrong secret is refused by the fake.
        Service.objects.filter(pk=service.pk).update(secret="een-ander-geheim-van-minstens-32-tekens")
        submit_idea(municipality)
        assert zgw.zgw_register() == 0
        assert fake.problems and "bad JWT" in fake.problems[-1]
        registration = ZgwRegistration.objects.filter(status=DeliveryStatus.PENDING).get()
        assert "401" in registration.last_error


def test_the_worker_builds_its_requests_with_zgw_consumers_build_client(municipality, submit_idea, monkeypatch):
    built = []
    original = zgw.build_client

    def spy(service, *args, **kwargs):
        built.append(service.pk)
        return original(service, *args, **kwargs)

    monkeypatch.setattr(zgw, "build_client", spy)
    with FakeZgw() as fake:
        config = configure(municipality, fake.base)
        submit_idea(municipality)
        assert zgw.zgw_register() == 1
    assert built == [config.zaken_service.pk] * 3  # zaak, rol, status


# --- The administrator's page ------------------------------------------------------------------------------


def test_administrator_configures_secret_write_only_and_audited(municipality, staff_client_factory):
    from burgeridee.administration.models import ConfigurationChange

    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    url = reverse("api:zgw", kwargs={"municipality_slug": municipality.slug})
    data = {
        "is_active": "on",
        "zaken_url": "https://openzaak.example/zaken/api/v1/",
        "catalogi_url": "https://openzaak.example/catalogi/api/v1/",
        "documenten_url": "https://openzaak.example/documenten/api/v1/",
        "client_id": "burgeridee",
        "secret": "heel-geheim-123",
        "rsin": "002220647",
        "zaaktype": "https://openzaak.example/catalogi/api/v1/zaaktypen/1",
        "statustype_idee": "https://openzaak.example/catalogi/api/v1/statustypen/1",
    }
    assert admin.post(url, data).status_code == 302
    config = ZgwSettings.objects.get(municipality=municipality)
    assert config.is_active and config.zaken_service.secret == config.documenten_service.secret == "heel-geheim-123"
    assert config.zaken_service.api_root == "https://openzaak.example/zaken/api/v1/"
    assert config.catalogi_service.api_type == "ztc" and config.zaken_service.auth_type == AuthTypes.zgw
    assert config.statustypes == {"idee": "https://openzaak.example/catalogi/api/v1/statustypen/1"}
    page = admin.get(url).content.decode()
    assert "heel-geheim-123" not in page and "Er is een geheim opgeslagen." in page
    change = ConfigurationChange.objects.get(activity="zgw_settings_change")
    assert "heel-geheim-123" not in json.dumps([change.before, change.after]) and "secret" in change.summary
    assert change.processing.staff_audit.actor.pk

    # An empty secret keeps the stored one; a bad RSIN keeps what was typed.
    assert admin.post(url, data | {"secret": "", "client_id": "nieuw"}).status_code == 302
    config.refresh_from_db()
    config.zaken_service.refresh_from_db()
    assert config.zaken_service.secret == "heel-geheim-123" and config.zaken_service.client_id == "nieuw"
    assert Service.objects.count() == 3  # the same services, brought up to date
    bad = admin.post(url, data | {"rsin": "12"})
    assert bad.status_code == 400 and "Het RSIN bestaat uit 9 cijfers." in bad.content.decode()
    assert 'value="https://openzaak.example/zaken/api/v1/"' in bad.content.decode()
    incomplete = admin.post(url, {"is_active": "on"})
    assert incomplete.status_code == 400


def test_other_roles_cannot_open_the_page(municipality, staff_client_factory):
    contact_client = staff_client_factory(municipality, Role.CONTACT)
    url = reverse("api:zgw", kwargs={"municipality_slug": municipality.slug})
    assert contact_client.get(url).status_code in (403, 404)


def test_failure_visible_to_the_administrator_who_resends(municipality, submit_idea, staff_client_factory, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    with FakeZgw(fail=[500, 503]) as fake:
        configure(municipality, fake.base)
        initiative, _token = submit_idea(municipality)
        now = timezone.now()
        zgw.zgw_register(now=now)
        zgw.zgw_register(now=now + timedelta(hours=1))
        work = ZgwRegistration.objects.get()
        assert work.status == DeliveryStatus.FAILED and "HTTP 503" in work.last_error

        admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
        url = reverse("api:zgw", kwargs={"municipality_slug": municipality.slug})
        page = admin.get(url).content.decode()
        assert initiative.reference in page and "Mislukt" in page and "HTTP 503" in page
        assert "opnieuw versturen" in page
        admin.post(url, {"action": "opnieuw", "registration": work.pk})
        assert zgw.zgw_register() == 1
    assert fake.problems == [] and fake.resources() == ["zaken", "rollen", "statussen"]


def test_switched_on_later_the_zaak_comes_first_at_the_next_event(municipality, submit_idea, contact):
    initiative, _token = submit_idea(municipality)  # the plugin is still off: nothing queued
    assert not ZgwRegistration.objects.exists()
    with FakeZgw() as fake:
        configure(municipality, fake.base)
        initiative_phase_change(initiative=initiative, to_phase="verkennen", actor=contact)
        assert zgw.zgw_register() == 2
    assert fake.problems == []
    assert fake.resources() == ["zaken", "rollen", "statussen"]  # one status: the new phase's
    assert fake.requests[2]["body"]["statustype"] == CATALOGI + "statustypen/2"


def run_until_done(start, *, rounds=8) -> None:
    """The worker as cron would run it: again and again, each time after the longest back-off so far."""
    for step in range(rounds):
        zgw.zgw_register(now=start + timedelta(hours=step))
        if not ZgwRegistration.objects.exclude(status=DeliveryStatus.DELIVERED).exists():
            return
    raise AssertionError(list(ZgwRegistration.objects.values_list("kind", "status", "last_error")))


@pytest.mark.parametrize("way", ["zaken", "zaken:timeout"])
def test_a_lost_answer_to_create_zaak_finds_that_zaak_on_retry(
    municipality, submit_idea, contact, library, settings, way
):
    """The case system made the zaak, but its answer never arrived (the connection dropped half-way, or the
    answer came after the timeout). The retry looks the zaak up by identificatie + bronorganisatie instead of
    making a second one (which the Zaken API would refuse anyway: identificatie is unique)."""
    settings.NOTIFICATION_TIMEOUT = 1
    with FakeZgw(lose=[way]) as fake:
        configure(municipality, fake.base)
        initiative, _token = submit_idea(municipality)
        start = timezone.now()
        assert zgw.zgw_register(now=start) == 0
        work = ZgwRegistration.objects.get()
        assert work.status == DeliveryStatus.PENDING and work.last_error
        assert len(fake.created("zaken")) == 1 and "zaak" not in work.result  # made there, unknown here

        assert zgw.zgw_register(now=start + timedelta(seconds=31)) == 1
        Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
        initiative.refresh_from_db()
        initiative_phase_change(initiative=initiative, to_phase="verkennen", actor=contact)
        confirm_report(initiative, contact)
        run_until_done(start + timedelta(minutes=1))

    assert fake.problems == []
    [zaak] = fake.created("zaken")
    assert ("zaken", {"identificatie": initiative.reference, "bronorganisatie": "002220647"}) in fake.searches
    work.refresh_from_db()
    assert work.result["zaak"] == zaak
    linked = [
        r["body"]["zaak"] for r in fake.requests if r["resource"] in ("rollen", "statussen", "zaakinformatieobjecten")
    ]
    assert linked == [zaak] * 4  # rol, status idee, status verkennen, the report's link: all to that one zaak
    assert len(fake.created("enkelvoudiginformatieobjecten")) == 1


def test_lost_answers_to_rol_status_document_and_link_make_no_duplicates(
    municipality, submit_idea, contact, library, settings
):
    settings.NOTIFICATION_TIMEOUT = 1
    lose = ["rollen", "statussen", "enkelvoudiginformatieobjecten", "zaakinformatieobjecten:timeout"]
    with FakeZgw(lose=lose) as fake:
        configure(municipality, fake.base)
        initiative, _token = submit_idea(municipality)
        Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
        initiative.refresh_from_db()
        initiative_phase_change(initiative=initiative, to_phase="verkennen", actor=contact)
        confirm_report(initiative, contact)
        run_until_done(timezone.now())
    assert fake.problems == [] and fake.lose == []  # every answer named was lost once
    counts = {name: len(fake.created(name)) for name in zgw_fake_resources}
    assert counts == {
        "zaken": 1,
        "rollen": 1,
        "statussen": 2,
        "enkelvoudiginformatieobjecten": 1,
        "zaakinformatieobjecten": 1,
    }
    [document] = fake.created("enkelvoudiginformatieobjecten")
    assert fake.objects[document]["identificatie"] == f"gespreksverslag-{initiative.reference}-v1"
    [link] = fake.created("zaakinformatieobjecten")
    assert fake.objects[link]["informatieobject"] == document
    searched = {resource for resource, _filters in fake.searches}
    assert searched == {"rollen", "statussen", "enkelvoudiginformatieobjecten", "zaakinformatieobjecten"}


LINK = "zaakinformatieobjecten"
zgw_fake_resources = ("zaken", "rollen", "statussen", "enkelvoudiginformatieobjecten", "zaakinformatieobjecten")


def test_the_fake_refuses_a_second_zaak_with_the_same_identificatie(municipality):
    """What a blind retry would meet in Open Zaak: identificatie is unique per bronorganisatie."""
    with FakeZgw() as fake:
        config = configure(municipality, fake.base)
        body = {
            "zaaktype": config.zaaktype,
            "bronorganisatie": config.rsin,
            "verantwoordelijkeOrganisatie": config.rsin,
            "startdatum": "2026-11-30",
            "identificatie": "BI-2026-000001",
        }
        client = zgw.ZgwClient(config)
        client.post(config.zaken_service, "zaken", body, crs=True)
        with pytest.raises(zgw.ZgwError, match="not unique"):
            client.post(config.zaken_service, "zaken", body, crs=True)
        assert client.find(config.zaken_service, "zaken", {"identificatie": "BI-2026-000001"}, crs=True)
        with pytest.raises(zgw.ZgwError, match="HTTP 400"):  # a filter the standard does not define
            client.find(config.zaken_service, "zaken", {"naam": "x"}, crs=True)


def test_an_address_another_municipality_uses_is_refused_keeping_the_input(
    municipality, other_municipality, staff_client_factory
):
    """zgw-consumers keeps one Service per address: the page never links (and so signs with) the service of
    another municipality; it says so in the error summary and keeps what was typed."""
    configure(other_municipality, "https://openzaak.example")
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    url = reverse("api:zgw", kwargs={"municipality_slug": municipality.slug})
    data = {
        "zaken_url": "https://openzaak.example/zaken/api/v1/",
        "client_id": "voorbeeld",
        "secret": "ander-geheim",
        "rsin": "002220647",
    }
    response = admin.post(url, data)
    page = response.content.decode()
    assert response.status_code == 400 and "Dit adres gebruikt een andere gemeente al." in page
    assert 'value="https://openzaak.example/zaken/api/v1/"' in page and 'value="voorbeeld"' in page
    other = ZgwSettings.objects.get(municipality=other_municipality)
    assert other.zaken_service.client_id == CLIENT_ID and other.zaken_service.secret == SECRET
    assert not ZgwSettings.objects.filter(municipality=municipality).exists()
