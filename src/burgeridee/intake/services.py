"""Assisted intake: a civil servant registers an idea that came in by phone, letter or at the counter."""

from django.db import transaction

from burgeridee.initiatives.services import InitiatorData, Submitted, initiative_submit
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


@transaction.atomic
def initiative_intake(
    *, municipality: Municipality, channel: str, initiator: InitiatorData, actor, **idea
) -> Submitted:
    """Register the idea for the resident (same time line, status page and confirmation as online)
    and log that `actor` recorded the resident's personal data."""
    submitted = initiative_submit(municipality=municipality, channel=channel, initiator=initiator, actor=actor, **idea)
    processing_record(
        municipality=municipality,
        actor=actor,
        activity=Activity.ASSISTED_INTAKE,
        initiative=submitted.initiative,
        data_subject=submitted.initiative.primary_initiator,
        fields=[field for name, field in PERSONAL_FIELDS.items() if getattr(initiator, name)],
    )
    return submitted
