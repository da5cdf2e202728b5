"""Assisted intake: a civil servant registers an idea that came in by phone, letter or at the counter."""

from django.db import transaction
from django.utils import timezone

from burgeridee.core.dates import local_date
from burgeridee.initiatives.services import InitiatorData, Submitted, initiative_submit, reference_next
from burgeridee.municipalities.models import Municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity, PersonalDataField

# What the resident may have told us, and how the processing log names it.
PERSONAL_FIELDS = {
    "name": PersonalDataField.NAME,
    "email": PersonalDataField.EMAIL,
    "phone": PersonalDataField.PHONE,
    "street_address": PersonalDataField.ADDRESS,
    "postal_code": PersonalDataField.ADDRESS,
    "city": PersonalDataField.ADDRESS,
    "preferred_contact": PersonalDataField.PREFERRED_CONTACT,
}


def initiative_intake(
    *, municipality: Municipality, channel: str, initiator: InitiatorData, actor, **idea
) -> Submitted:
    """Register the idea for the resident (same time line, status page and confirmation as online)
    and log that `actor` recorded the resident's personal data."""
    # The reference before the transaction, as initiative_submit does: the year's counter is not held meanwhile.
    now = idea.pop("now", None) or timezone.now()
    reference = reference_next(year=local_date(now).year)
    with transaction.atomic():
        submitted = initiative_submit(
            municipality=municipality,
            channel=channel,
            initiator=initiator,
            actor=actor,
            now=now,
            reference=reference,
            **idea,
        )
        processing_record(
            municipality=municipality,
            actor=actor,
            activity=Activity.ASSISTED_INTAKE,
            initiative=submitted.initiative,
            data_subject=submitted.initiative.primary_initiator,
            fields=[field for name, field in PERSONAL_FIELDS.items() if getattr(initiator, name)],
        )
    return submitted
