from django.db.models import Q, QuerySet

from .models import DeletionRequest, ProcessingLogEntry


def deletion_requests_open(*, municipality) -> QuerySet[DeletionRequest]:
    return (
        DeletionRequest.objects.filter(initiative__municipality=municipality, status=DeletionRequest.Status.OPEN)
        .select_related("initiative")
        .order_by("requested_at")
    )


def deletion_request_get(*, municipality, pk: int) -> DeletionRequest:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        DeletionRequest.objects.select_related("initiative__municipality"), initiative__municipality=municipality, pk=pk
    )


def processing_log_for_person(*, municipality, person: str) -> QuerySet[ProcessingLogEntry]:
    """Every log line about one person: named as the data subject, or about an initiative in which
    someone with that name or email address is an initiator (AVG art. 15: who saw my data)."""
    from burgeridee.initiatives.models import Initiator

    person = person.strip()
    initiative_ids = Initiator.objects.filter(
        Q(name__iexact=person) | Q(email__iexact=person), initiative__municipality=municipality
    ).values("initiative_id")
    return (
        ProcessingLogEntry.objects.filter(municipality=municipality)
        .filter(Q(data_subject__iexact=person) | Q(initiative_id__in=initiative_ids))
        .order_by("occurred_at", "id")
    )
