from django.db import transaction
from django.utils import timezone

from burgeridee.records.processing import processing_record
from burgeridee.records.services import event_record
from burgeridee.records.vocabulary import Activity

from .models import DeletionRequest
from .retention import initiative_personal_data_remove


@transaction.atomic
def deletion_request_create(*, initiative, note: str = "") -> "DeletionRequest":
    """The resident asks for their personal data to be removed. One open request at a time."""
    existing = DeletionRequest.objects.filter(initiative=initiative, status=DeletionRequest.Status.OPEN).first()
    if existing:
        return existing
    request = DeletionRequest.objects.create(initiative=initiative, requested_at=timezone.now(), note=note)
    event_record(initiative=initiative, kind="verwijderverzoek")
    return request


@transaction.atomic
def deletion_request_decide(*, deletion_request, actor, confirm: bool, note: str = "") -> "DeletionRequest":
    """A coordinator carries out (or, with a reason, refuses) a resident's deletion request."""
    deletion_request = DeletionRequest.objects.select_for_update().get(pk=deletion_request.pk)
    if deletion_request.status != DeletionRequest.Status.OPEN:
        return deletion_request
    initiative = deletion_request.initiative
    deletion_request.status = DeletionRequest.Status.CONFIRMED if confirm else DeletionRequest.Status.REFUSED
    deletion_request.decided_by = actor
    deletion_request.decided_at = timezone.now()
    deletion_request.decision_note = note
    deletion_request.save()
    processing_record(
        municipality=initiative.municipality,
        actor=actor,
        activity=Activity.DELETION_REQUEST_CARRY_OUT if confirm else Activity.DELETION_REQUEST_REFUSE,
        initiative=initiative,
        data_subject=initiative.primary_initiator,
    )
    if confirm:
        initiative_personal_data_remove(initiative=initiative)
    event_record(
        initiative=initiative,
        kind="gegevens_verwijderd" if confirm else "verwijderverzoek_geweigerd",
        actor=actor,
        data={"note": note} if note else {},
    )
    return deletion_request
