from collections.abc import Iterable

from django.utils import timezone

from .models import ProcessingLogEntry


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
