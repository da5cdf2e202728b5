from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from burgeridee.records.services import event_record

from .constants import ProcessingAction
from .models import DeletionRequest, ProcessingLogEntry


def processing_log_record(
    *,
    actor,
    municipality,
    action: str,
    activity: str,
    purpose: str,
    initiative=None,
    data_subject: str = "",
    fields: Iterable[str] = (),
) -> ProcessingLogEntry:
    """Write one line in the processing log. Call it in the same transaction as the change it records."""
    return ProcessingLogEntry.objects.create(
        occurred_at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=(actor.get_full_name() or actor.get_username())
        if getattr(actor, "is_authenticated", False)
        else "",
        municipality=municipality,
        action=action,
        activity=activity,
        purpose=purpose,
        initiative=initiative,
        initiative_reference=getattr(initiative, "reference", ""),
        data_subject=data_subject,
        fields=list(fields),
    )


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
    from .retention import initiative_personal_data_remove

    deletion_request = DeletionRequest.objects.select_for_update().get(pk=deletion_request.pk)
    if deletion_request.status != DeletionRequest.Status.OPEN:
        return deletion_request
    initiative = deletion_request.initiative
    deletion_request.status = DeletionRequest.Status.CONFIRMED if confirm else DeletionRequest.Status.REFUSED
    deletion_request.decided_by = actor
    deletion_request.decided_at = timezone.now()
    deletion_request.decision_note = note
    deletion_request.save()
    processing_log_record(
        actor=actor,
        municipality=initiative.municipality,
        action=ProcessingAction.DELETE if confirm else ProcessingAction.READ,
        activity="verzoek om verwijdering beoordelen",
        purpose="recht op vergetelheid (AVG artikel 17)",
        initiative=initiative,
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
