"""The processing log: one function, a fixed vocabulary, W3C trace context, no names in the line."""

import re

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from burgeridee.accounts.constants import Role
from burgeridee.records.models import ProcessingLogEntry, StaffAuditEntry
from burgeridee.records.processing import data_subject_of, data_subject_pseudonyms, processing_record
from burgeridee.records.tracing import TraceContextMiddleware, trace_span, traceparent_parse
from burgeridee.records.vocabulary import ACTIVITIES, Action, Activity, PersonalDataField, Purpose

pytestmark = pytest.mark.django_db

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"


def test_an_activity_is_stored_by_its_key_with_the_action_and_purpose_it_implies(municipality, initiative, contact):
    karim = contact
    entry = processing_record(
        municipality=municipality,
        actor=karim,
        activity=Activity.MESSAGE_EMAIL,
        initiative=initiative,
        data_subject=initiative.primary_initiator,
    )
    entry.refresh_from_db()
    assert (entry.activity, entry.action, entry.purpose, entry.status) == (
        "message_email",
        "send",
        "initiative_support",
        "ok",
    )
    assert entry.fields == ["name", "email", "message_text"]
    assert entry.processing_activity_id == "urn:burgeridee:processing-activity:message_email"
    assert re.fullmatch(r"[0-9a-f]{32}", entry.trace_id) and re.fullmatch(r"[0-9a-f]{16}", entry.span_id)
    assert entry.parent_span_id == "" and entry.started_at <= entry.ended_at
    assert (entry.initiative, entry.initiative_reference) == (initiative, initiative.reference)
    assert (entry.data_subject_type, entry.data_subject_id) == data_subject_of(initiative.primary_initiator)
    assert entry.staff_audit.actor == karim and entry.staff_audit.actor_label == "Karim Contact"


def test_fields_narrow_the_activity_and_keep_the_vocabulary_order(municipality, initiative):
    entry = processing_record(
        municipality=municipality,
        actor=None,
        activity="assisted_intake",
        initiative=initiative,
        fields=[PersonalDataField.PREFERRED_CONTACT, "email", PersonalDataField.NAME, "email"],
    )
    assert entry.fields == ["name", "email", "preferred_contact"]
    assert not StaffAuditEntry.objects.exists()  # nobody to name: the resident or the system


def test_unknown_activities_and_fields_are_refused(municipality):
    with pytest.raises(ValueError):
        processing_record(municipality=municipality, actor=None, activity="Initiatief inzien")
    with pytest.raises(ValueError):
        processing_record(municipality=municipality, actor=None, activity=Activity.INITIATIVE_READ, fields=["naam"])
    assert not ProcessingLogEntry.objects.exists()


def test_a_group_activity_names_the_group_without_an_identifier(municipality):
    entry = processing_record(municipality=municipality, actor=None, activity=Activity.WORKSHOP_NAMES_REMOVE)
    assert (entry.data_subject_type, entry.data_subject_id) == ("workshop_participants", "")
    assert (entry.action, entry.purpose) == ("delete", "retention")


def test_the_log_line_names_neither_the_resident_nor_the_staff_member(municipality, initiative, contact):
    karim = contact  # Karim Contact, karim@voorbeeld.example
    initiator = initiative.primary_initiator
    processing_record(
        municipality=municipality,
        actor=karim,
        activity=Activity.INITIATIVE_READ,
        initiative=initiative,
        data_subject=initiator,
    )
    processing_record(municipality=municipality, actor=karim, activity=Activity.SECOND_FACTOR_RESET, data_subject=karim)
    line = str(list(ProcessingLogEntry.objects.values()))
    for personal in ("Fatima", "Bakker", "fatima@example.org", "Karim", "karim", "Contact", "voorbeeld.example"):
        assert personal not in line, personal
    # Who acted is in the separate staff audit record.
    assert set(StaffAuditEntry.objects.values_list("actor_label", flat=True)) == {"Karim Contact"}


def test_the_pseudonym_is_stable_per_person_and_found_after_a_key_rotation(municipality, initiative, contact):
    karim = contact
    initiator = initiative.primary_initiator
    before = data_subject_of(initiator)
    assert before == data_subject_of(initiator) and before[1] != data_subject_of(karim)[1]
    with override_settings(SECRET_KEY="another-secret-key-" + "y" * 40, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]):
        assert data_subject_of(initiator)[1] != before[1]
        assert before[1] in data_subject_pseudonyms([initiator])


@override_settings(PROCESSING_REGISTER_URL="https://register.example/{municipality}/verwerkingen/{purpose}#{activity}")
def test_the_register_reference_follows_the_setting(municipality):
    entry = processing_record(municipality=municipality, actor=None, activity=Activity.SHOWCASE_PREPARE)
    assert entry.processing_activity_id == "https://register.example/voorbeeld/verwerkingen/showcase#showcase_prepare"
    with override_settings(PROCESSING_REGISTER_URL="https://register.example/verwerkingen/"):
        entry = processing_record(municipality=municipality, actor=None, activity=Activity.SHOWCASE_PREPARE)
    assert entry.processing_activity_id == "https://register.example/verwerkingen/showcase_prepare"


# --- Trace context -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (f"00-{TRACE_ID}-{PARENT_ID}-01", (TRACE_ID, PARENT_ID)),
        (f" 00-{TRACE_ID}-{PARENT_ID}-00 ", (TRACE_ID, PARENT_ID)),
        (f"cc-{TRACE_ID}-{PARENT_ID}-01-what-the-future-brings", (TRACE_ID, PARENT_ID)),
        (f"00-{TRACE_ID}-{PARENT_ID}-01-extra", None),  # version 00 has exactly four fields
        (f"ff-{TRACE_ID}-{PARENT_ID}-01", None),
        (f"00-{TRACE_ID.upper()}-{PARENT_ID}-01", None),
        (f"00-{'0' * 32}-{PARENT_ID}-01", None),
        (f"00-{TRACE_ID}-{'0' * 16}-01", None),
        (f"00-{TRACE_ID[:-1]}-{PARENT_ID}-01", None),
        ("", None),
        (None, None),
        ("onzin", None),
    ],
)
def test_traceparent_parsing(header, expected):
    assert traceparent_parse(header) == expected


def test_an_incoming_traceparent_is_honoured_and_a_bad_one_ignored(municipality, initiative, staff_client_factory):
    client = staff_client_factory(municipality, Role.COORDINATOR)
    url = f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/"
    assert client.get(url, HTTP_TRACEPARENT=f"00-{TRACE_ID}-{PARENT_ID}-01").status_code == 200
    honoured = ProcessingLogEntry.objects.get(activity="initiative_read")
    assert (honoured.trace_id, honoured.parent_span_id) == (TRACE_ID, PARENT_ID)
    assert honoured.span_id != PARENT_ID and re.fullmatch(r"[0-9a-f]{16}", honoured.span_id)

    assert client.get(url, HTTP_TRACEPARENT=f"00-{'0' * 32}-{PARENT_ID}-01").status_code == 200
    ignored = ProcessingLogEntry.objects.exclude(pk=honoured.pk).get(activity="initiative_read")
    assert ignored.trace_id != "0" * 32 and re.fullmatch(r"[0-9a-f]{32}", ignored.trace_id)
    assert ignored.parent_span_id == ""


def test_records_of_one_request_share_trace_and_span(municipality):
    def view(request):
        for activity in (Activity.CONVERSATION_REPORT_UPDATE, Activity.CONVERSATION_REPORT_SEND):
            processing_record(municipality=municipality, actor=None, activity=activity)
        return HttpResponse()

    middleware = TraceContextMiddleware(view)
    middleware(RequestFactory().get("/"))
    middleware(RequestFactory().get("/", HTTP_TRACEPARENT=f"00-{TRACE_ID}-{PARENT_ID}-01"))
    first, second, third, fourth = ProcessingLogEntry.objects.order_by("id")
    assert (first.trace_id, first.span_id) == (second.trace_id, second.span_id)
    assert (third.trace_id, third.span_id) == (fourth.trace_id, fourth.span_id)
    assert third.trace_id == TRACE_ID and first.trace_id != TRACE_ID
    assert first.span_id != third.span_id
    assert first.started_at == second.started_at  # the request's start


def test_outside_a_request_each_record_is_its_own_span_unless_a_span_is_opened(municipality):
    one = processing_record(municipality=municipality, actor=None, activity=Activity.WORKSHOP_REQUESTS_DELETE)
    two = processing_record(municipality=municipality, actor=None, activity=Activity.WORKSHOP_REQUESTS_DELETE)
    assert one.trace_id != two.trace_id
    with trace_span():
        three = processing_record(municipality=municipality, actor=None, activity=Activity.WORKSHOP_NAMES_REMOVE)
        four = processing_record(municipality=municipality, actor=None, activity=Activity.WORKSHOP_REQUESTS_DELETE)
    assert (three.trace_id, three.span_id) == (four.trace_id, four.span_id)


# --- The vocabulary --------------------------------------------------------------------------------------

# Stored in every log line ever written: a value may be added, never renamed or removed.
STORED_ACTIVITIES = {
    "initiative_read",
    "resident_letter_make",
    "message_email",
    "note_add",
    "initiator_add",
    "assisted_intake",
    "intake_letter_make",
    "conversation_plan",
    "conversation_invitation_send",
    "conversation_invitation_letter",
    "conversation_prepare",
    "conversation_preparation_export",
    "conversation_hold",
    "conversation_record",
    "conversation_report_read",
    "conversation_report_update",
    "conversation_report_send",
    "conversation_report_export",
    "conversation_checklist_export",
    "resident_data_download",
    "processing_log_export",
    "deletion_request_carry_out",
    "deletion_request_refuse",
    "showcase_prepare",
    "workshop_participants_read",
    "workshop_contributions_export",
    "workshop_names_remove",
    "workshop_requests_read",
    "workshop_request_handle",
    "workshop_requests_delete",
    "second_factor_reset",
    "enrolment_link_create",
}
STORED_PURPOSES = {
    "initiative_support",
    "resident_information",
    "right_of_access",
    "right_to_erasure",
    "showcase",
    "workshop",
    "workshop_request",
    "retention",
    "staff_access",
}
STORED_FIELDS = {
    "name",
    "email",
    "phone",
    "address",
    "preferred_contact",
    "message_text",
    "note",
    "display_name",
    "contributions",
    "wishes",
    "second_factor",
}


def test_stored_values_never_change():
    assert set(Activity.values) >= STORED_ACTIVITIES
    assert set(Purpose.values) >= STORED_PURPOSES
    assert set(PersonalDataField.values) >= STORED_FIELDS
    assert {"read", "create", "update", "delete", "export", "send"} <= set(Action.values)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", value) for value in Activity.values + Purpose.values)


def test_every_activity_implies_an_action_and_a_purpose():
    assert set(ACTIVITIES) == set(Activity)
    for activity in Activity:
        assert activity.action in Action and activity.purpose in Purpose
