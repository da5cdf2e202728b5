from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.core.mail import mail_send
from burgeridee.initiatives.services import status_link
from burgeridee.records.processing import processing_record
from burgeridee.records.services import event_record
from burgeridee.records.vocabulary import Activity

from .models import ShowcaseEntry


def showcase_consent_request_send(*, entry_id: int) -> None:
    """Ask the resident by email for consent (residents without email hear it from their contact person)."""
    entry = ShowcaseEntry.objects.select_related("initiative__municipality").get(pk=entry_id)
    initiative = entry.initiative
    initiator = initiative.initiators.filter(is_primary=True).first()
    if not initiator or not initiator.email:
        return
    body = render_to_string(
        "showcase/email/consent_request.txt",
        {
            "initiative": initiative,
            "initiator": initiator,
            "municipality": initiative.municipality,
            "status_url": status_link(initiative=initiative),
        },
    )
    mail_send(
        subject=_("Mogen wij laten zien wat u bereikte?"),
        body=body,
        to=[initiator.email],
        what=f"Showcase consent request for {initiative.reference}",
        municipality=initiative.municipality,
    )


@transaction.atomic
def showcase_prepare(
    *,
    initiative,
    actor,
    achievement: str,
    photo: bytes | None = None,
    photo_content_type: str = "",
    photo_alt: str = "",
) -> ShowcaseEntry:
    """Staff write what the initiative achieved; the residents then decide whether it may be shown.
    Any change asks for consent again."""
    entry, _created = ShowcaseEntry.objects.get_or_create(
        initiative=initiative, defaults={"achievement": achievement, "prepared_at": timezone.now()}
    )
    entry.achievement = achievement
    if photo is not None:
        entry.photo, entry.photo_content_type, entry.photo_alt = photo, photo_content_type, photo_alt
    entry.prepared_by = actor
    entry.prepared_at = timezone.now()
    entry.consent_given_at = None
    entry.consent_withdrawn_at = None
    entry.save()
    event_record(initiative=initiative, kind="etalage_voorgesteld", actor=actor)
    showcase_consent_request_send(entry_id=entry.pk)
    processing_record(
        municipality=initiative.municipality, actor=actor, activity=Activity.SHOWCASE_PREPARE, initiative=initiative
    )
    return entry


@transaction.atomic
def showcase_consent(*, entry: ShowcaseEntry, given: bool) -> ShowcaseEntry:
    """The resident says yes (or withdraws a yes) from their status page."""
    now = timezone.now()
    if given:
        entry.consent_given_at, entry.consent_withdrawn_at = now, None
    else:
        entry.consent_withdrawn_at = now
    entry.save(update_fields=["consent_given_at", "consent_withdrawn_at"])
    event_record(
        initiative=entry.initiative,
        kind="etalage_toestemming" if given else "etalage_ingetrokken",
    )
    return entry
