"""Everything that changes an initiative. Each action is atomic and writes a time-line event."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.core.mail import mail_send
from burgeridee.municipalities.models import Municipality, Neighbourhood
from burgeridee.records.processing import processing_record
from burgeridee.records.services import event_record
from burgeridee.records.vocabulary import Activity

from . import signals
from .closing import closing_paragraphs_for
from .constants import (
    CLOSED_PHASES,
    PHASE_MEANING,
    Channel,
    ContactPreference,
    Delivery,
    MessageDirection,
    Phase,
    StopReason,
    phase_change_concerns_resident,
    phase_transitions,
)
from .models import Initiative, Initiator, InternalNote, Message, ReferenceSequence, SupportRequest
from .tokens import token_hash, token_make


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
    token: str | None  # None when the same form came again: the link is shown only once


def reference_next(*, year: int) -> str:
    """The next readable reference for `year`, e.g. BI-2026-000123.

    One statement takes the number (UPDATE ... RETURNING on the year's counter row). Outside a transaction, as
    `initiative_submit` calls it, that statement commits at once: the counter row is locked only while it runs,
    not while the idea is saved, so ideas sent at the same moment do not queue behind each other's saving. A
    number taken for an idea that then fails to save is not given out again: references stay unique and in the
    same format, the series may skip a number. Inside a transaction the row stays locked until it ends.
    """
    table = connection.ops.quote_name(ReferenceSequence._meta.db_table)
    sql = f"UPDATE {table} SET last_number = last_number + 1 WHERE year = %s RETURNING last_number"  # noqa: S608  # nosec B608 - the table name is the model's own, the year a parameter
    for _attempt in (1, 2):
        with connection.cursor() as cursor:
            cursor.execute(sql, [year])
            row = cursor.fetchone()
        if row is not None:
            return f"BI-{year}-{row[0]:06d}"
        try:  # the year's first idea
            with transaction.atomic():
                ReferenceSequence.objects.create(year=year, last_number=1)
            return f"BI-{year}-{1:06d}"
        except IntegrityError:  # another request created this year's row at the same moment: count on from it
            pass
    raise RuntimeError(f"no reference counter for {year}")


def status_link(*, initiative: Initiative, token: str | None = None) -> str:
    """The resident's personal link, absolute, for emails and letters."""
    path = reverse(
        "initiatives:status",
        kwargs={"municipality_slug": initiative.municipality.slug, "token": token or initiative.status_token},
    )
    return f"{settings.SITE_URL}{path}"


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
    reference: str | None = None,
) -> Submitted:
    """Register a resident's idea, compute the first-contact date, and send the confirmation.

    `submission_key` identifies one filled-in form. When the same form arrives again within
    SUBMISSION_KEY_VALID_MINUTES (the resident pressed the button twice, or retried after an error
    whose commit did go through), the idea is not stored twice, and the answer carries no status link:
    whoever holds the key learns only that the form was received. Only the key's hash is stored.

    The reference is taken first, before the idea's own transaction (`reference_next`), unless the caller took
    it (`reference`) before a transaction of its own: the year's counter is then not locked while the idea,
    its time line and its confirmation mail are saved.
    """
    now = now or timezone.now()
    reference = reference or reference_next(year=local_date(now).year)
    with transaction.atomic():
        nonce, token, status_hash = token_make()
        key_hash = token_hash(submission_key) if submission_key else None
        if key_hash:
            # The hash is unique: no ORDER BY (Django would hash every selected column to match it).
            locked = Initiative.objects.select_for_update().filter(submission_key_hash=key_hash).order_by()
            existing = next(iter(locked[:1]), None)
            if existing is not None:
                if existing.municipality_id == municipality.pk and existing.submission_key_expires_at > now:
                    return Submitted(initiative=existing, token=None)
                # An expired key recognises nothing any more: the form counts as a new one.
                Initiative.objects.filter(pk=existing.pk).update(
                    submission_key_hash=None, submission_key_expires_at=None
                )
        initiative = Initiative.objects.create(
            municipality=municipality,
            reference=reference,
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
            status_token_nonce=nonce,
            submission_key_hash=key_hash,
            submission_key_expires_at=now + timedelta(minutes=settings.SUBMISSION_KEY_VALID_MINUTES)
            if key_hash
            else None,
            status_token_hash=status_hash,
            status_token_expires_at=now + timedelta(days=settings.STATUS_LINK_VALID_DAYS),
        )
        primary = Initiator.objects.create(
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
        event_record(initiative=initiative, kind="ingediend", actor=actor, data={"channel": channel}, at=now)
        if initiator.email:
            language = translation.get_language()
            # In this transaction: the mail is stored in the outbox together with the idea (core.mail).
            # The rows just written, not read again.
            _confirmation_mail(initiative=initiative, initiator=primary, language=language)
        return Submitted(initiative=initiative, token=token)


def confirmation_send(*, initiative_id: int, language: str | None = None) -> None:
    """Email the resident their reference, the date of first contact and their personal link."""
    initiative = Initiative.objects.select_related("municipality").get(pk=initiative_id)
    initiator = initiative.initiators.filter(is_primary=True).first()
    _confirmation_mail(initiative=initiative, initiator=initiator, language=language)


def _confirmation_mail(*, initiative: Initiative, initiator: Initiator | None, language: str | None) -> None:
    if initiator is None or not initiator.email:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "initiative": initiative,
            "initiator": initiator,
            "municipality": initiative.municipality,
            "status_url": status_link(initiative=initiative),
        }
        subject = render_to_string("initiatives/email/confirmation_subject.txt", context).strip()
        body = render_to_string("initiatives/email/confirmation.txt", context)
    if not mail_send(
        subject=subject,
        body=body,
        to=[initiator.email],
        what=f"Confirmation mail for {initiative.reference}",
        municipality=initiative.municipality,
    ):
        return
    event_record(initiative=initiative, kind="bevestiging", data={"channel": "email"})


@transaction.atomic
def initiative_status_token_renew(*, initiative: Initiative, actor, now: datetime | None = None) -> str:
    """Make a fresh personal status link (e.g. when the old one was shared by mistake); the old link
    stops working. Returns the new token.
    """
    now = now or timezone.now()
    nonce, token, new_hash = token_make()
    Initiative.objects.filter(pk=initiative.pk).update(
        status_token_nonce=nonce,
        status_token_hash=new_hash,
        status_token_expires_at=now + timedelta(days=settings.STATUS_LINK_VALID_DAYS),
        updated_at=now,
    )
    initiative.status_token_nonce = nonce
    initiative.status_token_hash = new_hash
    initiative.status_token_expires_at = now + timedelta(days=settings.STATUS_LINK_VALID_DAYS)
    event_record(
        initiative=initiative,
        kind="statuslink_vernieuwd",
        actor=actor,
        visible_to_resident=False,
        at=now,
    )
    return token


def staff_to_tell(*, initiative: Initiative) -> list:
    """Who hears of what the resident did: the contact person; while there is none, the coordinators."""
    if initiative.contact_person_id and initiative.contact_person.is_active:
        return [initiative.contact_person]
    memberships = Membership.objects.filter(
        municipality_id=initiative.municipality_id, is_active=True, user__is_active=True
    ).select_related("user")
    return [m.user for m in memberships if m.has_role(Role.COORDINATOR)]


def staff_notice_send(*, initiative_id: int, headline, text, path: str) -> int:
    """Mail the people `staff_to_tell` names that the resident did something (call it in the action's
    transaction: the mails go into the outbox with it).

    The mail says what happened and links to `path` in the workspace; the resident's own words stay
    there, out of mailboxes. Staff mail is in the workspace's language (Dutch). Returns how many went out.
    """
    initiative = Initiative.objects.select_related("municipality", "contact_person").get(pk=initiative_id)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for person in staff_to_tell(initiative=initiative):
            if not person.email:
                continue
            context = {
                "initiative": initiative,
                "person": person,
                "headline": str(headline),
                "text": str(text),
                "url": f"{settings.SITE_URL}{path}",
            }
            subject = render_to_string("initiatives/email/staff_notice_subject.txt", context).strip()
            body = render_to_string("initiatives/email/staff_notice.txt", context)
            sent += mail_send(
                subject=subject,
                body=body,
                to=[person.email],
                what=f"Staff notice for {initiative.reference}",
                municipality=initiative.municipality,
            )
    return sent


@transaction.atomic
def message_from_resident(*, initiative: Initiative, body: str) -> Message:
    """The resident writes to the municipality from their status page; the contact person is told by mail."""
    now = timezone.now()
    message = Message.objects.create(
        initiative=initiative, direction=MessageDirection.INBOUND, body=body, created_at=now
    )
    event_record(initiative=initiative, kind="bericht_bewoner", data={"message_id": message.pk}, at=now)
    path = reverse(
        "initiatives:staff_initiative", kwargs={"municipality_slug": initiative.municipality.slug, "pk": initiative.pk}
    )
    staff_notice_send(
        initiative_id=initiative.pk,
        headline=gettext_lazy("Nieuw bericht van de bewoner"),
        text=gettext_lazy("De bewoner heeft u een bericht gestuurd."),
        path=path + "#berichten",
    )
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
    event_record(initiative=initiative, kind="ingetrokken", data={"from": previous, "note": note}, at=now)
    phase_message_send(initiative=initiative, from_phase=previous, actor=None, withdrawn=True)
    initiative_closed(initiative=initiative, resident_told=True)
    return initiative


def initiative_closed(*, initiative: Initiative, actor=None, resident_told: bool = False) -> None:
    """Whenever an initiative ends (completed, stopped, withdrawn), the apps that follow it hear so: the
    evaluation moment (evaluations/receivers.py). `resident_told`: the closing message, with the paragraphs
    of `closing.closing_paragraphs` (the evaluation invitation), went to the resident already."""
    signals.initiative_closed.send(sender=Initiative, initiative=initiative, actor=actor, resident_told=resident_told)


# --- Staff actions ---------------------------------------------------------------------------------


class ActionRefused(ValueError):
    """A staff action that the rules do not allow; the message is plain Dutch for the user."""


def _primary_initiator(initiative: Initiative) -> Initiator | None:
    return initiative.initiators.filter(is_primary=True).first()


@transaction.atomic
def initiative_phase_change(
    *,
    initiative: Initiative,
    to_phase: str,
    actor,
    stop_reason: str = "",
    note: str = "",
    tell_resident: bool = True,
) -> Initiative:
    """Move the initiative through its life cycle (BRIEF §8), refusing steps the life cycle does not allow.

    Stopping needs a reason (StopReason); "geen initiatief" needs a note saying where it went. A caller that
    tells the resident itself, in a message of its own (a decision on a challenge), passes tell_resident=False.
    """
    initiative = Initiative.objects.select_for_update().select_related("municipality").get(pk=initiative.pk)
    previous = initiative.phase
    if to_phase not in phase_transitions(previous, paused_phase=initiative.paused_phase):
        raise ActionRefused(
            _("Van fase %(from)s naar %(to)s kan niet.")
            % {"from": Phase(previous).label, "to": Phase(to_phase).label if to_phase in Phase.values else to_phase}
        )
    if to_phase == Phase.STOPPED and stop_reason not in StopReason.values:
        raise ActionRefused(_("Kies waarom het initiatief stopt."))
    if to_phase == Phase.NOT_AN_INITIATIVE and not note.strip():
        raise ActionRefused(_("Schrijf op naar wie of waar u de bewoner heeft doorverwezen."))
    now = timezone.now()
    initiative.phase = to_phase
    if to_phase == Phase.PAUSED:
        initiative.paused_phase = previous
    elif previous == Phase.PAUSED:
        initiative.paused_phase = ""
    if to_phase == Phase.STOPPED:
        initiative.stop_reason = stop_reason
        initiative.stop_note = note
    if to_phase == Phase.NOT_AN_INITIATIVE:
        initiative.stop_note = note
    if to_phase in CLOSED_PHASES:
        initiative.closed_at = now
    initiative.save(update_fields=["phase", "paused_phase", "stop_reason", "stop_note", "closed_at", "updated_at"])
    data = {"from": previous, "to": to_phase}
    if stop_reason and to_phase == Phase.STOPPED:
        data["reason"] = stop_reason
    if note:
        data["note"] = note
    event_record(initiative=initiative, kind="fase", actor=actor, data=data, at=now)
    told = tell_resident and phase_change_concerns_resident(previous, to_phase)
    if told:
        phase_message_send(initiative=initiative, from_phase=previous, actor=actor)
    if to_phase in CLOSED_PHASES:
        initiative_closed(initiative=initiative, actor=actor, resident_told=told)
    return initiative


def phase_message_send(*, initiative: Initiative, from_phase: str, actor, withdrawn: bool = False) -> Message:
    """Tell the resident, in their own channel, which phase their initiative is in now and what that means;
    for an ending, how it ended (and after "geen initiatief", where they can go now), followed by what the
    apps above ask at the end (`closing.closing_paragraphs`: the evaluation invitation), so the resident gets
    one message. Call inside the transaction of the change: the message is stored with it, and mailed on
    commit or left as a letter.
    """
    context = {
        "initiative": initiative,
        "phase": initiative.phase,
        "phase_label": initiative.get_phase_display(),
        "meaning": PHASE_MEANING.get(initiative.phase, ""),
        "resumed": from_phase == Phase.PAUSED and initiative.phase != Phase.STOPPED,
        "withdrawn": withdrawn,
        "reason": initiative.get_stop_reason_display() if initiative.stop_reason else "",
        "note": initiative.stop_note,
    }
    body = render_to_string("initiatives/phase_message.txt", context).strip()
    if initiative.phase in CLOSED_PHASES:
        body = "\n\n".join([body, *closing_paragraphs_for(initiative)])
    return message_to_resident(initiative=initiative, body=body, actor=actor)


@transaction.atomic
def initiative_first_contact_made(*, initiative: Initiative, actor, at: datetime | None = None) -> Initiative:
    """Record that the contact person has spoken with the resident (stops the first-contact clock)."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.first_contact_at is not None:
        return initiative
    at = at or timezone.now()
    initiative.first_contact_at = at
    initiative.save(update_fields=["first_contact_at", "updated_at"])
    event_record(initiative=initiative, kind="eerste_contact", actor=actor, at=at)
    return initiative


def delivery_for(initiator: Initiator | None) -> str:
    """Email when we have an address and the resident did not ask for post; otherwise a phone call when
    they asked for one, otherwise a letter."""
    if initiator is None:
        return Delivery.LETTER
    if initiator.email and initiator.preferred_contact != ContactPreference.POST:
        return Delivery.EMAIL
    if initiator.preferred_contact == ContactPreference.PHONE and initiator.phone:
        return Delivery.PHONE
    if initiator.email and not (initiator.street_address and initiator.postal_code):
        return Delivery.EMAIL
    return Delivery.LETTER


@transaction.atomic
def message_to_resident(*, initiative: Initiative, body: str, actor) -> Message:
    """Staff writes to the resident: it appears on the status page, and goes out by email when we can;
    otherwise the staff member prints it as a letter or reads it out on the phone."""
    initiator = _primary_initiator(initiative)
    delivery = delivery_for(initiator)
    now = timezone.now()
    message = Message.objects.create(
        initiative=initiative,
        direction=MessageDirection.OUTBOUND,
        body=body,
        created_at=now,
        author=actor,
        delivery=delivery,
    )
    event_record(
        initiative=initiative,
        kind="bericht_gemeente",
        actor=actor,
        data={"message_id": message.pk, "delivery": delivery},
        at=now,
    )
    if delivery == Delivery.EMAIL:
        processing_record(
            municipality=initiative.municipality,
            actor=actor,
            activity=Activity.MESSAGE_EMAIL,
            initiative=initiative,
            data_subject=initiator,
        )
        language = translation.get_language()
        message_email_send(message_id=message.pk, language=language)
    return message


def message_email_send(*, message_id: int, language: str | None = None) -> None:
    message = Message.objects.select_related("initiative__municipality", "author").get(pk=message_id)
    initiative = message.initiative
    initiator = _primary_initiator(initiative)
    if initiator is None or not initiator.email:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "message": message,
            "initiative": initiative,
            "initiator": initiator,
            "status_url": status_link(initiative=initiative),
        }
        subject = render_to_string("initiatives/email/message_subject.txt", context).strip()
        text = render_to_string("initiatives/email/message.txt", context)
    reply_to = [message.author.email] if message.author and message.author.email else None
    mail_send(
        subject=subject,
        body=text,
        to=[initiator.email],
        reply_to=reply_to,
        what=f"Message mail for {initiative.reference}",
        municipality=initiative.municipality,
    )


@transaction.atomic
def message_letter_sent(*, message: Message, actor) -> Message:
    """The member of staff printed the letter and put it in the post: it no longer waits."""
    if message.letter_waiting:
        message.letter_sent_at = timezone.now()
        message.save(update_fields=["letter_sent_at"])
    return message


@transaction.atomic
def message_mark_read(*, message: Message, actor) -> Message:
    if message.read_at is None and message.direction == MessageDirection.INBOUND:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
        event_record(
            initiative=message.initiative,
            kind="bericht_gelezen",
            actor=actor,
            data={"message_id": message.pk},
            visible_to_resident=False,
        )
    return message


@transaction.atomic
def note_add(*, initiative: Initiative, body: str, actor) -> InternalNote:
    """An internal note: on the staff time line, never on the resident's page."""
    now = timezone.now()
    note = InternalNote.objects.create(initiative=initiative, author=actor, body=body, created_at=now)
    processing_record(
        municipality=initiative.municipality, actor=actor, activity=Activity.NOTE_ADD, initiative=initiative
    )
    event_record(
        initiative=initiative,
        kind="notitie",
        actor=actor,
        data={"note_id": note.pk},
        visible_to_resident=False,
        at=now,
    )
    return note


@transaction.atomic
def initiator_add(
    *,
    initiative: Initiative,
    actor,
    name: str,
    email: str = "",
    phone: str = "",
    role: str = "",
) -> Initiator:
    """Add a member of the core group (kopgroep)."""
    initiator = Initiator.objects.create(
        initiative=initiative,
        name=name,
        email=email,
        phone=phone,
        role=role,
        is_primary=False,
        preferred_contact=ContactPreference.EMAIL if email else ContactPreference.PHONE,
    )
    event_record(initiative=initiative, kind="initiatiefnemer", actor=actor, data={"initiator_id": initiator.pk})
    processing_record(
        municipality=initiative.municipality,
        actor=actor,
        activity=Activity.INITIATOR_ADD,
        initiative=initiative,
        data_subject=initiator,
        fields=[f for f, value in (("name", name), ("email", email), ("phone", phone)) if value],
    )
    return initiator


@transaction.atomic
def initiative_assign_contact(*, initiative: Initiative, contact, actor) -> Initiative:
    """Give the initiative one fixed contact person and tell the resident who it is and how to reach them.

    Reassigning is logged on the time line (from / to) and the resident is told again.
    """
    initiative = Initiative.objects.select_for_update().select_related("municipality").get(pk=initiative.pk)
    membership = Membership.objects.filter(user=contact, municipality=initiative.municipality, is_active=True).first()
    if membership is None or not membership.has_role(Role.CONTACT):
        raise ActionRefused(_("Deze medewerker is geen contactpersoon bij deze gemeente."))
    previous = initiative.contact_person
    if previous is not None and previous.pk == contact.pk:
        return initiative
    initiative.contact_person = contact
    initiative.save(update_fields=["contact_person", "updated_at"])
    event_record(
        initiative=initiative,
        kind="contactpersoon",
        actor=actor,
        data={
            "from": previous.pk if previous else None,
            "from_name": previous.display_name if previous else "",
            "to": contact.pk,
            "to_name": contact.display_name,
        },
    )
    context = {"contact": contact, "initiative": initiative, "previous": previous}
    body = render_to_string("initiatives/contact_assigned_message.txt", context).strip()
    message_to_resident(initiative=initiative, body=body, actor=actor)
    return initiative
