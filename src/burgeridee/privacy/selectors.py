from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat, Trim
from django.shortcuts import get_object_or_404

from burgeridee.accounts.models import User
from burgeridee.initiatives.models import Initiator
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import data_subject_pseudonyms

from .models import DeletionRequest


def deletion_requests_open(*, municipality) -> QuerySet[DeletionRequest]:
    return (
        DeletionRequest.objects.filter(initiative__municipality=municipality, status=DeletionRequest.Status.OPEN)
        .select_related("initiative")
        .order_by("requested_at")
    )


def deletion_request_get(*, municipality, pk: int) -> DeletionRequest:
    return get_object_or_404(
        DeletionRequest.objects.select_related("initiative__municipality"), initiative__municipality=municipality, pk=pk
    )


def data_subjects_find(*, municipality, person: str) -> list:
    """The people a coordinator means by a name or email address in a data-subject request (AVG art. 15):
    initiators of this municipality's initiatives, and its staff members. The processing log holds
    only pseudonyms; these people are the way back to their lines."""
    person = person.strip()
    initiators = Initiator.objects.filter(
        Q(name__iexact=person) | Q(email__iexact=person), initiative__municipality=municipality
    ).select_related("initiative")
    staff = (
        User.objects.annotate(full_name=Trim(Concat("first_name", Value(" "), "last_name")))
        .filter(
            Q(full_name__iexact=person) | Q(username__iexact=person) | Q(email__iexact=person),
            memberships__municipality=municipality,
        )
        .distinct()
    )
    return [*initiators.order_by("pk"), *staff.order_by("pk")]


def data_subject_name(person) -> str:
    """How a data subject found by `data_subjects_find` is named to the staff who searched for them."""
    return person.name if isinstance(person, Initiator) else person.display_name


def data_subject_names(people) -> dict[str, str]:
    """Pseudonym → name, to show a log line's data subject to staff who may see that person anyway."""
    return {
        pseudonym: data_subject_name(person) for person in people for pseudonym in data_subject_pseudonyms([person])
    }


def processing_log_for_data_subjects(*, municipality, data_subjects) -> QuerySet[ProcessingLogEntry]:
    """Every log line about these people: with them as the data subject, or about an initiative of which
    one of them is an initiator (who saw my data)."""
    initiative_ids = {person.initiative_id for person in data_subjects if isinstance(person, Initiator)}
    return (
        ProcessingLogEntry.objects.filter(municipality=municipality)
        .filter(Q(data_subject_id__in=data_subject_pseudonyms(data_subjects)) | Q(initiative_id__in=initiative_ids))
        .select_related("staff_audit")
        .order_by("started_at", "id")
    )


def processing_log_for_initiative(*, municipality, initiative) -> QuerySet[ProcessingLogEntry]:
    return (
        ProcessingLogEntry.objects.filter(municipality=municipality, initiative=initiative)
        .select_related("staff_audit")
        .order_by("-started_at", "-id")
    )
