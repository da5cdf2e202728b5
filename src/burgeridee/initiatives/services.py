"""Everything that changes an initiative. Each action is atomic and writes a time-line event."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from burgeridee.core.dates import add_working_days, local_date
from burgeridee.municipalities.models import Municipality, Neighbourhood

from .constants import Channel, EventKind, MessageDirection, Phase, StopReason
from .models import Initiative, Initiator, Message, ReferenceSequence, SupportRequest, TimelineEvent
from .tokens import token_make

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InitiatorData:
    name: str
    email: str = ""
    phone: str = ""
    street_address: str = ""
    postal_code: str = ""
    city: str = ""
    preferred_contact: str = "email"


@dataclass(frozen=True)
class Submitted:
    initiative: Initiative
    token: str


def reference_next(*, year: int) -> str:
    """The next readable reference for `year`, e.g. BI-2026-000123. Call inside a transaction."""
    try:
        with transaction.atomic():
            ReferenceSequence.objects.get_or_create(year=year)
    except IntegrityError:  # another request created this year's row at the same moment
        pass
    ReferenceSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = ReferenceSequence.objects.get(year=year).last_number
    return f"BI-{year}-{number:06d}"


def status_link(*, initiative: Initiative, token: str) -> str:
    path = reverse("initiatives:status", kwargs={"municipality_slug": initiative.municipality.slug, "token": token})
    return f"{settings.SITE_URL}{path}"


def event_add(
    *,
    initiative: Initiative,
    kind: str,
    actor=None,
    data: dict | None = None,
    visible_to_resident: bool = True,
    at: datetime | None = None,
) -> TimelineEvent:
    return TimelineEvent.objects.create(
        initiative=initiative,
        kind=kind,
        actor=actor,
        data=data or {},
        visible_to_resident=visible_to_resident,
        created_at=at or timezone.now(),
    )


@transaction.atomic
def initiative_submit(
    *,
    municipality: Municipality,
    title: str,
    description: str,
    target_group: str,
    theme: str,
    initiator: InitiatorData,
    neighbourhood: Neighbourhood | None = None,
    location: str = "",
    involved: str = "",
    support_types: list[str] | tuple[str, ...] = (),
    help_description: str = "",
    own_contribution: str = "",
    channel: str = Channel.ONLINE,
    actor=None,
    now: datetime | None = None,
    submission_key: str | None = None,
) -> Submitted:
    """Register a resident's idea, compute the first-contact date, and send the confirmation.

    `submission_key` identifies one filled-in form. When the same form arrives again (the resident
    pressed the button twice, or retried after an error whose commit did go through), the idea is not
    stored twice: the existing initiative gets a fresh status link and the confirmation is sent again.
    """
    now = now or timezone.now()
    token, token_hash = token_make()
    if submission_key:
        existing = (
            Initiative.objects.select_for_update()
            .filter(municipality=municipality, submission_key=submission_key)
            .first()
        )
        if existing is not None:
            existing.status_token_hash = token_hash
            existing.save(update_fields=["status_token_hash", "updated_at"])
            if existing.initiators.filter(is_primary=True).exclude(email="").exists():
                language = translation.get_language()
                transaction.on_commit(
                    lambda: confirmation_send(initiative_id=existing.pk, token=token, language=language)
                )
            return Submitted(initiative=existing, token=token)
    initiative = Initiative.objects.create(
        municipality=municipality,
        reference=reference_next(year=local_date(now).year),
        title=title,
        description=description,
        target_group=target_group,
        neighbourhood=neighbourhood,
        location=location,
        theme=theme,
        involved=involved,
        help_description=help_description,
        own_contribution=own_contribution,
        channel=channel,
        phase=Phase.IDEA,
        submitted_at=now,
        first_contact_due=add_working_days(local_date(now), municipality.first_contact_working_days),
        submission_key=submission_key or None,
        status_token_hash=token_hash,
        status_token_expires_at=now + timedelta(days=settings.STATUS_LINK_VALID_DAYS),
    )
    Initiator.objects.create(
        initiative=initiative,
        name=initiator.name,
        email=initiator.email,
        phone=initiator.phone,
        street_address=initiator.street_address,
        postal_code=initiator.postal_code,
        city=initiator.city,
        preferred_contact=initiator.preferred_contact,
        is_primary=True,
    )
    SupportRequest.objects.bulk_create(
        [
            SupportRequest(initiative=initiative, support_type=support_type)
            for support_type in dict.fromkeys(support_types)
        ]
    )
    event_add(initiative=initiative, kind=EventKind.SUBMITTED, actor=actor, data={"channel": channel}, at=now)
    if initiator.email:
        language = translation.get_language()
        transaction.on_commit(lambda: confirmation_send(initiative_id=initiative.pk, token=token, language=language))
    return Submitted(initiative=initiative, token=token)


def confirmation_send(*, initiative_id: int, token: str, language: str | None = None) -> None:
    """Email the resident their reference, the date of first contact and their personal link."""
    initiative = Initiative.objects.select_related("municipality").get(pk=initiative_id)
    initiator = initiative.initiators.filter(is_primary=True).first()
    if initiator is None or not initiator.email:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "initiative": initiative,
            "initiator": initiator,
            "municipality": initiative.municipality,
            "status_url": status_link(initiative=initiative, token=token),
        }
        subject = render_to_string("initiatives/email/confirmation_subject.txt", context).strip()
        body = render_to_string("initiatives/email/confirmation.txt", context)
    try:
        send_mail(subject, body, None, [initiator.email])
    except OSError:
        logger.exception("Confirmation mail for %s could not be sent", initiative.reference)
        return
    event_add(initiative=initiative, kind=EventKind.CONFIRMATION_SENT, data={"channel": "email"})


@transaction.atomic
def message_from_resident(*, initiative: Initiative, body: str) -> Message:
    """The resident writes to the municipality from their status page."""
    now = timezone.now()
    message = Message.objects.create(
        initiative=initiative, direction=MessageDirection.INBOUND, body=body, created_at=now
    )
    event_add(initiative=initiative, kind=EventKind.MESSAGE_FROM_RESIDENT, data={"message_id": message.pk}, at=now)
    return message


@transaction.atomic
def initiative_withdraw(*, initiative: Initiative, note: str = "") -> Initiative:
    """The resident stops their idea. It stays on record, closed, with the reason."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.is_closed:
        return initiative
    now = timezone.now()
    previous = initiative.phase
    initiative.phase = Phase.STOPPED
    initiative.stop_reason = StopReason.WITHDRAWN
    initiative.stop_note = note
    initiative.closed_at = now
    initiative.save(update_fields=["phase", "stop_reason", "stop_note", "closed_at", "updated_at"])
    event_add(initiative=initiative, kind=EventKind.WITHDRAWN, data={"from": previous, "note": note}, at=now)
    return initiative
