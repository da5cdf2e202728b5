"""Resetting a colleague's second factor (accounts) is written to the processing log: accounts announces
it (accounts.signals.second_factor_was_reset), this app records it (privacy/receivers.py)."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import Role
from burgeridee.accounts.services import second_factor_reset
from burgeridee.accounts.tests.factories import MembershipFactory
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import data_subject_of

pytestmark = pytest.mark.django_db


def test_a_reset_by_a_coordinator_is_logged_in_their_municipality(municipality, coordinator, newcomer):
    TOTPDevice.objects.create(user=newcomer, name="telefoon", confirmed=True)
    second_factor_reset(user=newcomer, actor=coordinator, municipality=municipality, send_email=False)
    entry = ProcessingLogEntry.objects.get(activity="second_factor_reset")
    assert entry.staff_audit.actor.username == "carla" and entry.data_subject_id == data_subject_of(newcomer)[1]
    assert entry.activity_label == "Tweede stap van een medewerker opnieuw instellen"
    assert entry.municipality == municipality


def test_a_new_link_without_an_app_is_logged_as_such(municipality, coordinator, newcomer):
    second_factor_reset(user=newcomer, actor=coordinator, municipality=municipality, send_email=False)
    assert ProcessingLogEntry.objects.filter(activity="enrolment_link_create").count() == 1


def test_a_reset_from_a_command_is_logged_in_every_municipality_of_the_user(municipality, other_municipality, newcomer):
    MembershipFactory(user=newcomer, municipality=other_municipality, roles=[Role.CONTACT])
    second_factor_reset(user=newcomer, actor=None, send_email=False)
    pseudonym = data_subject_of(newcomer)[1]
    entries = ProcessingLogEntry.objects.filter(data_subject_id=pseudonym, staff_audit__isnull=True)
    assert {entry.municipality for entry in entries} == {municipality, other_municipality}
