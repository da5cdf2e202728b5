"""Assisted intake: a civil servant registers an idea that came in by phone, letter or at the counter."""

from django.db import transaction

from burgeridee.initiatives.services import InitiatorData, Submitted, initiative_submit
from burgeridee.municipalities.models import Municipality
from burgeridee.privacy.constants import ProcessingAction
from burgeridee.privacy.services import processing_log_record

PERSONAL_FIELDS = ("name", "email", "phone", "street_address", "postal_code", "city", "preferred_contact")


@transaction.atomic
def initiative_intake(
    *, municipality: Municipality, channel: str, initiator: InitiatorData, actor, **idea
) -> Submitted:
    """Register the idea for the resident (same time line, status page and confirmation as online)
    and log that `actor` recorded the resident's personal data."""
    submitted = initiative_submit(municipality=municipality, channel=channel, initiator=initiator, actor=actor, **idea)
    processing_log_record(
        actor=actor,
        municipality=municipality,
        action=ProcessingAction.CREATE,
        activity="idee registreren namens bewoner",
        purpose="Een idee vastleggen dat per telefoon, brief of aan de balie binnenkwam",
        initiative=submitted.initiative,
        data_subject=initiator.name,
        fields=[name for name in PERSONAL_FIELDS if getattr(initiator, name)],
    )
    return submitted
