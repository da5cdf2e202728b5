"""Recording a processing of personal data: the one function every app calls.

    processing_record(
        municipality=initiative.municipality,
        actor=request.user,
        activity=Activity.INITIATIVE_READ,
        initiative=initiative,
        data_subject=initiative.primary_initiator,
    )

The activity implies the action, the purpose and the personal data (records/vocabulary.py). The line
gets the request's trace and span (records/tracing.py), a reference into the municipality's register
of processing activities (`PROCESSING_REGISTER_URL`), and the data subject as a pseudonym: an HMAC of
the subject's kind and database id with SECRET_KEY. The pseudonym cannot be turned back into a name
from the log alone; a coordinator answering a data-subject request finds the person first (an
initiator by name or email address) and then their lines by the pseudonym (`data_subject_pseudonyms`).
The staff member who acted goes into a separate `StaffAuditEntry`.

Call it in the same transaction as the change it records.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import ProcessingLogEntry, StaffAuditEntry
from .tracing import trace_context_current, trace_context_new
from .vocabulary import Activity, DataSubjectType, PersonalDataField, Status

_PSEUDONYM_SALT = "burgeridee.records.processing.data_subject"

# A data subject is passed as the model instance; its kind is read from its model label, so the
# foundation imports no feature app.
SUBJECT_MODELS = {
    "initiatives.initiator": DataSubjectType.INITIATOR,
    settings.AUTH_USER_MODEL.lower(): DataSubjectType.STAFF_MEMBER,
}


def data_subject_pseudonym(subject_type: str, pk, *, secret: str | None = None) -> str:
    """The stable pseudonym of one person: HMAC-SHA256 of their kind and id with SECRET_KEY."""
    return salted_hmac(_PSEUDONYM_SALT, f"{subject_type}:{pk}", secret=secret, algorithm="sha256").hexdigest()


def data_subject_of(instance) -> tuple[str, str]:
    """(kind, pseudonym) of an initiator or a staff member."""
    subject_type = SUBJECT_MODELS.get(instance._meta.label_lower)
    if subject_type is None:
        raise ValueError(f"{instance._meta.label} is not a kind of data subject of the processing log.")
    return subject_type, data_subject_pseudonym(subject_type, instance.pk)


def data_subject_pseudonyms(instances: Iterable) -> list[str]:
    """Every pseudonym these people may appear under: with SECRET_KEY and each of SECRET_KEY_FALLBACKS,
    so lines written before a key rotation are still found."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    pseudonyms = []
    for instance in instances:
        subject_type, _pseudonym = data_subject_of(instance)
        pseudonyms.extend(data_subject_pseudonym(subject_type, instance.pk, secret=secret) for secret in secrets)
    return pseudonyms


def processing_activity_reference(*, activity: Activity, municipality) -> str:
    """Where the activity is described in the municipality's register of processing activities.

    The municipality's own reference for this activity when its functional administrator gave one;
    otherwise its register address, or the installation's (PROCESSING_REGISTER_URL). An address may name
    `{activity}`, `{purpose}` and `{municipality}` (the slug); without any of them the activity key is
    appended.
    """
    own = getattr(municipality, "processing_register_references", None) or {}
    if isinstance(own, dict) and own.get(activity.value):
        return str(own[activity.value])
    base = getattr(municipality, "processing_register_url", "") or settings.PROCESSING_REGISTER_URL
    values = {"activity": activity.value, "purpose": activity.purpose.value, "municipality": municipality.slug}
    if not any(f"{{{name}}}" in base for name in values):
        return base + activity.value
    return base.format_map(values)


@transaction.atomic
def processing_record(
    *,
    municipality,
    actor,
    activity: Activity | str,
    initiative=None,
    data_subject=None,
    fields: Iterable[str] | None = None,
    status: str = Status.OK,
    started_at=None,
) -> ProcessingLogEntry:
    """Write one line in the processing log.

    `data_subject` is the initiator or staff member whose data it is (None when there is none, or when
    the activity concerns a group); `fields` narrows the activity's personal data to what was really
    there (None: all of it). `started_at` defaults to the start of the request.
    """
    activity = Activity(activity)
    definition = activity.definition
    chosen = set(definition.fields if fields is None else (PersonalDataField(value) for value in fields))
    context = trace_context_current() or trace_context_new()
    if data_subject is not None:
        subject_type, subject_id = data_subject_of(data_subject)
    else:
        subject_type, subject_id = (definition.group or ""), ""
    now = timezone.now()
    entry = ProcessingLogEntry.objects.create(
        trace_id=context.trace_id,
        span_id=context.span_id,
        parent_span_id=context.parent_span_id,
        municipality=municipality,
        activity=activity.value,
        action=definition.action.value,
        purpose=definition.purpose.value,
        processing_activity_id=processing_activity_reference(activity=activity, municipality=municipality),
        status=Status(status).value,
        started_at=started_at or min(context.started_at, now),
        ended_at=now,
        initiative=initiative,
        initiative_reference=getattr(initiative, "reference", ""),
        data_subject_type=subject_type,
        data_subject_id=subject_id,
        # In the vocabulary's order, so the same data always reads the same.
        fields=[value.value for value in PersonalDataField if value in chosen],
    )
    if getattr(actor, "is_authenticated", False):
        StaffAuditEntry.objects.create(
            processing=entry, actor=actor, actor_label=actor.get_full_name() or actor.get_username()
        )
    return entry
