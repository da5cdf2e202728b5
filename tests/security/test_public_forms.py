"""Security sweep over the resident's public forms: unusual input is validated or saved, never a 500, always escaped.

The strategies and the checks live in inputs.py; the live workshop's forms are in test_workshop_forms.py. The tenancy
sweep over staff URLs (every staff URL with another municipality's ids -> 404) is workspace/tests/test_tenancy.py.
"""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations import services as conversation_services
from burgeridee.conversations.constants import AgreementResponse, ReportStatus
from burgeridee.evaluations.constants import ASPECTS
from burgeridee.evaluations.models import Evaluation
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.models import Initiative
from burgeridee.privacy.models import DeletionRequest
from burgeridee.showcase.services import showcase_prepare

from .inputs import NASTY, QUICK, SETTINGS, assert_dutch_problem, assert_escaped, assert_safe, clean

pytestmark = pytest.mark.django_db


def valid_idea(municipality):
    return {
        "title": "Buurtmoestuin",
        "description": "Samen groente kweken.",
        "target_group": "De straat",
        "neighbourhood": "onbekend",
        "theme": "leefbaar",
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "preferred_contact": "email",
    }


def status_url(municipality, token, rest=""):
    return f"/{municipality.slug}/mijn-initiatief/{token}/{rest}"


# --- The idea form and the status page ------------------------------------------------------------------------


@override_settings(RATELIMIT_ENABLE=False)
@SETTINGS
@given(
    field=st.sampled_from(
        [
            "title",
            "description",
            "target_group",
            "location",
            "name",
            "phone",
            "postal_code",
            "email",
            "involved",
            "neighbourhood",
            "theme",
        ]
    ),
    value=NASTY,
)
def test_idea_form_survives_unusual_input(client, municipality, field, value):
    data = valid_idea(municipality) | {field: value}
    response = client.post(f"/{municipality.slug}/idee/", data)
    assert_safe(response, value)
    if response.status_code == 302:
        stored = Initiative.objects.order_by("-pk").first()
        page = client.get(response["Location"])
        assert_safe(page, value)
        assert stored.reference in page.content.decode()
    else:
        assert response.status_code == 400
        assert_dutch_problem(response)


@override_settings(RATELIMIT_ENABLE=False)
@SETTINGS
@given(value=NASTY)
def test_status_message_box_survives_unusual_input(client, municipality, submit_idea, value):
    _initiative, token = submit_idea(municipality)
    response = client.post(status_url(municipality, token, "bericht/"), {"body": value})
    assert_safe(response, value)
    if response.status_code == 400:
        assert_dutch_problem(response)
    page = client.get(status_url(municipality, token))
    assert_safe(page, value)


@SETTINGS
@given(value=NASTY)
def test_withdraw_form_survives_unusual_input(client, municipality, submit_idea, value):
    _initiative, token = submit_idea(municipality)
    response = client.post(status_url(municipality, token, "intrekken/"), {"note": value})
    assert_safe(response, value)
    if response.status_code == 400:
        assert_dutch_problem(response)
    assert_safe(client.get(status_url(municipality, token)), value)


@QUICK
@given(value=NASTY)
def test_deletion_request_survives_unusual_input(client, municipality, submit_idea, staff_client_factory, value):
    initiative, token = submit_idea(municipality)
    response = client.post(status_url(municipality, token, "gegevens-verwijderen/"), {"note": value})
    assert_safe(response, value)
    if response.status_code == 400:
        assert_dutch_problem(response)
        assert not DeletionRequest.objects.filter(initiative=initiative).exists()
        return
    request = DeletionRequest.objects.get(initiative=initiative)
    assert request.note == clean(value) and "\x00" not in request.note
    assert_safe(client.get(status_url(municipality, token)), value)
    # The coordinator reads the note on the request's page: escaped there too.
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    page = coordinator.get(f"/werkplek/{municipality.slug}/privacy/verwijderverzoeken/{request.pk}/")
    assert page.status_code == 200
    assert_escaped(page)


@QUICK
@given(aspect=st.sampled_from([name for name, _label, _question in ASPECTS]), score=NASTY, comment=NASTY)
def test_evaluation_form_survives_unusual_input(client, municipality, submit_idea, aspect, score, comment):
    initiative, token = submit_idea(municipality)
    initiative_services.initiative_withdraw(initiative=initiative)
    answers = {name: "4" for name, _label, _question in ASPECTS}
    answers |= {f"{aspect}_comment": comment}
    # Half the time the score itself is odd as well.
    if len(score) % 2:
        answers[aspect] = score
    response = client.post(status_url(municipality, token, "evaluatie/"), answers)
    assert_safe(response, comment)
    evaluation = Evaluation.objects.filter(initiative=initiative, submitted_at__isnull=False).first()
    if response.status_code == 400:
        assert_dutch_problem(response)
        assert evaluation is None
    else:
        assert getattr(evaluation, f"{aspect}_comment") == clean(comment)
        assert getattr(evaluation, aspect) in (1, 2, 3, 4, 5)
    assert_safe(client.get(status_url(municipality, token)), comment)


def _sent_report(municipality, initiative, staff):
    """A planned first conversation whose report (two agreements) was sent to the resident."""
    day = timezone.localdate() + timedelta(days=7)
    conversation = conversation_services.conversation_plan(
        initiative=initiative,
        starts_at=timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 14, 0)),
        place="Buurthuis De Kastanje",
        actor=staff,
    )
    report = conversation_services.report_draft_get_or_create(conversation=conversation, actor=staff)
    conversation_services.report_update(
        report=report,
        summary="Een moestuin op het grasveld.",
        next_step="Kabels nagaan.",
        callback_date=timezone.localdate() + timedelta(days=14),
        municipal_roles=["faciliteren"],
        initiator_role="De kopgroep regelt de tuin.",
        agreements=[
            conversation_services.AgreementData(what="Kabels nagaan", who="Gemeente"),
            conversation_services.AgreementData(what="Handtekeningen verzamelen", who="Fatima"),
        ],
    )
    return conversation_services.report_send(report=report, actor=staff)


@QUICK
@given(response_value=st.one_of(st.sampled_from(["klopt", "opmerking"]), NASTY), note=NASTY, comment=NASTY)
def test_report_response_survives_unusual_input(
    client, municipality, submit_idea, staff_client_factory, response_value, note, comment
):
    staff = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    initiative, token = submit_idea(municipality)
    report = _sent_report(municipality, initiative, staff)
    first, second = report.agreements.order_by("order")
    url = status_url(municipality, token, "gesprek/")
    response = client.post(
        url,
        {
            f"response_{first.pk}": response_value,
            f"note_{first.pk}": note,
            f"response_{second.pk}": "klopt",
            "comment": comment,
        },
    )
    assert_safe(response, note)
    report.refresh_from_db()
    if response.status_code == 400:
        assert_dutch_problem(response)
        assert report.status == ReportStatus.SENT
    else:
        first.refresh_from_db()
        assert report.status in (ReportStatus.CONFIRMED, ReportStatus.COMMENTED)
        assert report.resident_comment == clean(comment)
        assert first.response in (AgreementResponse.AGREED, AgreementResponse.COMMENTED)
        if first.response == AgreementResponse.COMMENTED:
            assert first.resident_comment == clean(note) != ""
    assert_safe(client.get(url), note)
    assert_safe(client.get(status_url(municipality, token)), note)
    # The contact person reads the answers on the report page: escaped there too.
    page = staff_client_factory(user=staff).get(
        f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/gesprek/verslag/"
    )
    assert page.status_code == 200
    assert_escaped(page)


@override_settings(RATELIMIT_ENABLE=False)
@QUICK
@given(consent=st.one_of(st.just("ja"), NASTY))
def test_showcase_consent_survives_unusual_input(client, municipality, submit_idea, consent):
    staff = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    initiative, token = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(phase=Phase.COMPLETED)
    initiative.refresh_from_db()
    entry = showcase_prepare(initiative=initiative, actor=staff, achievement="Twintig geveltuinen.")
    response = client.post(status_url(municipality, token, "etalage/"), {"consent": consent})
    assert_safe(response, consent, allowed=(302,))
    entry.refresh_from_db()
    assert (entry.consent_given_at is not None and entry.consent_withdrawn_at is None) == (consent == "ja")
    assert_safe(client.get(status_url(municipality, token)), consent)


# --- Anything else a visitor can post -------------------------------------------------------------------------


@SETTINGS
@given(language=NASTY, next_url=st.one_of(NASTY, st.sampled_from(["//evil.example/", "https://evil.example/x"])))
def test_language_switch_survives_unusual_input(client, municipality, language, next_url):
    response = client.post("/taal/", {"language": language, "next": next_url})
    assert_safe(response, next_url, allowed=(302,))
    location = response["Location"]
    assert "evil.example" not in location and "\n" not in location and "\r" not in location


@override_settings(AXES_ENABLED=False)
@QUICK
@given(username=NASTY, password=NASTY)
def test_staff_login_form_survives_unusual_input(client, municipality, username, password):
    response = client.post("/werkplek/inloggen/", {"username": username, "password": password})
    assert_safe(response, username, allowed=(400,))
    assert_dutch_problem(response)


@pytest.mark.parametrize("token", ["<script>", "../../etc/passwd", "%00", "a" * 500, "🌳"])
def test_odd_tokens_are_a_plain_404(client, municipality, token):
    response = client.get(status_url(municipality, token))
    assert response.status_code == 404
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("rest", ["", "gesprek/", "evaluatie/", "gegevens-verwijderen/", "intrekken/", "etalage/"])
def test_odd_tokens_on_every_resident_form_are_a_plain_404(client, municipality, rest):
    for token in ("<script>", "a" * 500, "🌳"):
        response = client.post(status_url(municipality, token, rest), {"note": "x"})
        assert response.status_code in (404, 405)
        assert "<script>" not in response.content.decode()


# --- Rate limits ----------------------------------------------------------------------------------------------


@override_settings(RATELIMIT_MESSAGE_FORM="2/h")
def test_message_form_is_rate_limited_per_address(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    url = status_url(municipality, token, "bericht/")
    assert [client.post(url, {"body": f"Bericht {n}"}).status_code for n in range(3)] == [302, 302, 429]


def test_showcase_consent_is_rate_limited_per_initiative(client, settings, municipality, submit_idea):
    settings.RATELIMIT_SHOWCASE_CONSENT = "2/h"
    staff = StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="carla")
    tokens = []
    for title in ("Geveltuinen", "Speeltuin"):
        initiative, token = submit_idea(municipality, title=title)
        Initiative.objects.filter(pk=initiative.pk).update(phase=Phase.COMPLETED)
        initiative.refresh_from_db()
        showcase_prepare(initiative=initiative, actor=staff, achievement="Twintig geveltuinen.")
        tokens.append(token)
    url = status_url(municipality, tokens[0], "etalage/")
    answers = [client.post(url, {"consent": consent}).status_code for consent in ("ja", "nee", "ja")]
    assert answers == [302, 302, 429]
    # Another initiative, from the same address, is not affected.
    assert client.post(status_url(municipality, tokens[1], "etalage/"), {"consent": "ja"}).status_code == 302
