"""Each change to and each use of a staff member's own second factor is in the processing log, with who
(receivers.py: accounts announces it, this app writes it)."""

import pytest

from burgeridee.accounts.services import backup_code_use, backup_codes_make, passkey_remove
from burgeridee.records.models import ProcessingLogEntry, StaffAuditEntry

pytestmark = pytest.mark.django_db


def test_each_backup_code_use_and_new_set_is_in_the_processing_log(contact, municipality):
    codes = backup_codes_make(user=contact)
    backup_code_use(user=contact, code=codes[0])
    made = ProcessingLogEntry.objects.get(activity="backup_codes_create")
    used = ProcessingLogEntry.objects.get(activity="backup_code_use")
    assert made.municipality == used.municipality == municipality
    assert StaffAuditEntry.objects.get(processing=used).actor == contact


def test_removing_a_passkey_is_in_the_processing_log(contact, municipality):
    from django_otp_webauthn.models import WebAuthnCredential

    credential = WebAuthnCredential.objects.create(
        user=contact, name="sleutel", credential_id=b"abc", public_key=b"def", sign_count=0, confirmed=True
    )
    assert passkey_remove(user=contact, pk=credential.pk)
    line = ProcessingLogEntry.objects.get(activity="passkey_remove")
    assert line.municipality == municipality
    assert StaffAuditEntry.objects.get(processing=line).actor == contact
