"""Writes for training on measure, meetings, coaching and the workshop opt-in. Keyword-only, atomic; mail on commit."""

import re
from datetime import date as date_type
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.core.mail import mail_send
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity
from burgeridee.workshops import services as workshop_services
from burgeridee.workshops.constants import Module

from .constants import (
    COACHING_INTERVAL_DAYS,
    DEFAULT_MINUTES,
    DEFAULT_PRICES,
    ITEM_TO_MEETING,
    SELF_ASSESSMENT,
    ItemKind,
    MeetingStatus,
    ProposalStatus,
)
from .ics import meeting_ics
from .models import (
    CoachingGoal,
    CoachingNote,
    CoachingSession,
    CoachingTrajectory,
    Intake,
    Meeting,
    MeetingSignup,
    Proposal,
    ProposalItem,
    SelfAssessment,
    SharedInitiative,
    WorkshopParticipation,
)
from .tokens import token_for, token_make

PROPOSAL_LINK = "proposal"
MEETING_LINK = "meeting"
SIGNUP_LINK = "meeting-signup"


class TrainingError(Exception):
    """A refused change, with a Dutch message for the person who asked."""


def _on_commit_mail(**kwargs):
    """Store the mail in the outbox in the caller's transaction; it is sent after the commit (core.mail)."""
    mail_send(**kwargs)


def _local(day: date_type, at: time | None) -> datetime:
    return timezone.make_aware(datetime.combine(day, at or time(9, 30)))


# --- Intake and proposal ------------------------------------------------------------------------------------


@transaction.atomic
def intake_save(*, workshop_request, held_on: date_type, note: str, actor) -> Intake:
    intake, _created = Intake.objects.update_or_create(
        request=workshop_request, defaults={"held_on": held_on, "note": note, "by": actor}
    )
    return intake


def _item_defaults(kind: str, *, place: str) -> dict:
    return {
        "kind": kind,
        "title": str(ItemKind(kind).label),
        "modules": [value for value, _label in Module.choices] if kind == ItemKind.WORKSHOP else [],
        "duration_minutes": DEFAULT_MINUTES[kind],
        "place": place,
        "quantity": 4 if kind == ItemKind.COACHING else 1,
        "unit_price": DEFAULT_PRICES[kind],
    }


@transaction.atomic
def proposal_create(*, workshop_request, trainer) -> Proposal:
    """A draft for the request, with a first line of the kind asked for; the trainer composes the rest."""
    municipality = workshop_request.municipality
    place = workshop_services.default_place(municipality)
    proposal = Proposal.objects.create(
        municipality=municipality,
        request=workshop_request,
        trainer=trainer,
        title=_("Voorstel voor %(organisation)s") % {"organisation": workshop_request.organisation},
        place=place,
        group_size=workshop_request.participants or 16,
    )
    kind = {"workshop": ItemKind.WORKSHOP, "training": ItemKind.CUSTOM, "coaching": ItemKind.COACHING}.get(
        workshop_request.kind, ItemKind.WORKSHOP
    )
    ProposalItem.objects.create(proposal=proposal, position=0, **_item_defaults(kind, place=place))
    return proposal


def _require_editable(proposal):
    if not proposal.is_editable:
        raise TrainingError(_("Dit voorstel is verstuurd of geaccepteerd en kan niet meer worden gewijzigd."))


def _lock(proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


@transaction.atomic
def proposal_update(
    *, proposal, title: str, introduction: str, place: str, group_size: int, vat_percentage: Decimal
) -> Proposal:
    proposal = _lock(proposal)
    _require_editable(proposal)
    proposal.title, proposal.introduction, proposal.place = title, introduction, place
    proposal.group_size, proposal.vat_percentage = group_size, vat_percentage
    proposal.save(update_fields=["title", "introduction", "place", "group_size", "vat_percentage"])
    return proposal


ITEM_FIELDS = (
    "title",
    "description",
    "modules",
    "date",
    "start_time",
    "duration_minutes",
    "place",
    "quantity",
    "unit_price",
)


def _clean_item(kind: str, data: dict) -> dict:
    fields = {name: data[name] for name in ITEM_FIELDS if name in data}
    if kind != ItemKind.WORKSHOP:
        fields["modules"] = []
    elif not fields.get("modules"):
        raise TrainingError(_("Kies ten minste één onderdeel van de workshop."))
    return fields


@transaction.atomic
def proposal_item_add(*, proposal, kind: str, **data) -> ProposalItem:
    proposal = _lock(proposal)
    _require_editable(proposal)
    fields = _clean_item(kind, data)
    fields["place"] = fields.get("place") or proposal.place
    return ProposalItem.objects.create(proposal=proposal, position=proposal.items.count(), kind=kind, **fields)


@transaction.atomic
def proposal_item_update(*, item, **data) -> ProposalItem:
    proposal = _lock(item.proposal)
    _require_editable(proposal)
    for name, value in _clean_item(item.kind, data).items():
        setattr(item, name, value)
    item.place = item.place or proposal.place
    item.save()
    return item


@transaction.atomic
def proposal_item_remove(*, item) -> None:
    proposal = _lock(item.proposal)
    _require_editable(proposal)
    item.delete()
    for position, other in enumerate(proposal.items.order_by("position", "pk")):
        if other.position != position:
            ProposalItem.objects.filter(pk=other.pk).update(position=position)


def proposal_link(proposal, token: str) -> str:
    path = reverse("training:proposal_public", kwargs={"municipality_slug": proposal.municipality.slug, "token": token})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def proposal_send(*, proposal, actor) -> str:
    """Send the proposal to the requester: a personal link (made once, kept on a new version). Returns the link."""
    proposal = _lock(proposal)
    _require_editable(proposal)
    items = list(proposal.items.all())
    if not items:
        raise TrainingError(_("Een voorstel zonder onderdelen kan niet worden verstuurd."))
    undated = [item.title for item in items if item.date is None]
    if undated:
        raise TrainingError(
            _("Geef elk onderdeel een datum voordat u het voorstel verstuurt. Zonder datum: %(titles)s.")
            % {"titles": ", ".join(undated)}
        )
    if proposal.status == ProposalStatus.CHANGES_REQUESTED:
        proposal.version += 1
    if not proposal.token_nonce:
        proposal.token_nonce, token, proposal.token_hash = token_make(PROPOSAL_LINK)
    else:
        token = token_for(PROPOSAL_LINK, proposal.token_nonce)
    proposal.status = ProposalStatus.SENT
    proposal.sent_at = timezone.now()
    proposal.requester_comment = ""
    proposal.save()
    link = proposal_link(proposal, token)
    request = proposal.request
    body = render_to_string("training/mail/proposal.txt", {"proposal": proposal, "link": link, "request": request})
    _on_commit_mail(
        subject=_("Voorstel: %(title)s") % {"title": proposal.title},
        body=body,
        to=[request.email],
        reply_to=[proposal.trainer.email] if proposal.trainer and proposal.trainer.email else None,
        what="Proposal to the requester",
    )
    processing_record(municipality=proposal.municipality, actor=actor, activity=Activity.PROPOSAL_SEND)
    return link


def _require_sent(proposal):
    if proposal.status != ProposalStatus.SENT:
        raise TrainingError(_("Op dit voorstel is al gereageerd. De trainer neemt contact met u op."))


def _tell_trainer(proposal, subject: str, body: str):
    if proposal.trainer and proposal.trainer.email:
        _on_commit_mail(subject=subject, body=body, to=[proposal.trainer.email], what="Proposal answer to the trainer")


@transaction.atomic
def proposal_request_changes(*, proposal, comment: str) -> Proposal:
    proposal = _lock(proposal)
    _require_sent(proposal)
    proposal.status = ProposalStatus.CHANGES_REQUESTED
    proposal.requester_comment = comment
    proposal.responded_at = timezone.now()
    proposal.save(update_fields=["status", "requester_comment", "responded_at"])
    _tell_trainer(
        proposal,
        _("Wijzigingen gevraagd: %(title)s") % {"title": proposal.title},
        _("De aanvrager vraagt wijzigingen in het voorstel:\n\n%(comment)s") % {"comment": comment},
    )
    return proposal


@transaction.atomic
def proposal_accept(*, proposal, name: str) -> Proposal:
    """The requester accepts: every line becomes something planned (a workshop session, a meeting, coaching)."""
    proposal = _lock(proposal)
    _require_sent(proposal)
    proposal.status = ProposalStatus.ACCEPTED
    proposal.accepted_by_name = name
    proposal.responded_at = timezone.now()
    proposal.save(update_fields=["status", "accepted_by_name", "responded_at"])
    for item in proposal.items.all():
        _plan(proposal, item)
    request = proposal.request
    if request.handled_at is None:  # the request is done: off the open list, and under its retention period
        request.handled_at, request.handled_by = proposal.responded_at, proposal.trainer
        request.save(update_fields=["handled_at", "handled_by"])
    _tell_trainer(
        proposal,
        _("Voorstel geaccepteerd: %(title)s") % {"title": proposal.title},
        _("%(name)s heeft het voorstel geaccepteerd. De onderdelen staan ingepland in Burgeridee.") % {"name": name},
    )
    return proposal


def _plan(proposal, item: ProposalItem) -> None:
    municipality = proposal.municipality
    if item.kind == ItemKind.WORKSHOP:
        session = workshop_services.session_create(
            municipality=municipality,
            title=item.title,
            date=item.date,
            place=item.place or proposal.place,
            expected_participants=proposal.group_size,
            created_by=proposal.trainer,
        )
        for agenda_item in list(session.agenda_items.all()):
            if agenda_item.module not in item.modules:
                workshop_services.agenda_item_remove(item=agenda_item)
        item.planned_session = session
    elif item.kind == ItemKind.COACHING:
        trajectory = CoachingTrajectory.objects.create(
            municipality=municipality, proposal=proposal, title=item.title, coach=proposal.trainer
        )
        for number in range(item.quantity):
            CoachingSession.objects.create(
                trajectory=trajectory,
                starts_at=_local(item.date + timedelta(days=COACHING_INTERVAL_DAYS * number), item.start_time),
                place=item.place or proposal.place,
            )
        item.planned_trajectory = trajectory
    else:
        item.planned_meeting = meeting_create(
            municipality=municipality,
            organiser=proposal.trainer,
            proposal=proposal,
            kind=ITEM_TO_MEETING[item.kind],
            title=item.title,
            starts_at=_local(item.date, item.start_time),
            duration_minutes=item.duration_minutes,
            place=item.place or proposal.place,
            description=item.description,
            agenda="",
            capacity=proposal.group_size,
        )
    item.save(update_fields=["planned_session", "planned_meeting", "planned_trajectory"])


# --- Meetings -----------------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(*, municipality, organiser, proposal=None, **fields) -> Meeting:
    nonce, _token, token_hash = token_make(MEETING_LINK)
    return Meeting.objects.create(
        municipality=municipality,
        organiser=organiser,
        proposal=proposal,
        invite_nonce=nonce,
        invite_hash=token_hash,
        **fields,
    )


@transaction.atomic
def meeting_update(*, meeting, **fields) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


def meeting_invite_link(meeting) -> str:
    token = token_for(MEETING_LINK, meeting.invite_nonce)
    path = reverse("training:meeting_public", kwargs={"municipality_slug": meeting.municipality.slug, "token": token})
    return f"{settings.SITE_URL}{path}"


def signup_link(signup, token: str) -> str:
    path = reverse(
        "training:signup_page", kwargs={"municipality_slug": signup.meeting.municipality.slug, "token": token}
    )
    return f"{settings.SITE_URL}{path}"


def _ics_attachment(meeting):
    return [("bijeenkomst.ics", meeting_ics(meeting), "text/calendar; charset=utf-8; method=PUBLISH")]


@transaction.atomic
def meeting_invite(*, meeting, emails: list[str], actor) -> int:
    """Mail each address an invitation with the calendar file and the sign-up link. The addresses are not kept."""
    if meeting.status != MeetingStatus.PLANNED:
        raise TrainingError(_("Voor deze bijeenkomst kunt u niemand meer uitnodigen."))
    body = render_to_string("training/mail/invitation.txt", {"meeting": meeting, "link": meeting_invite_link(meeting)})
    subject = _("Uitnodiging: %(title)s") % {"title": meeting.title}
    attachments = _ics_attachment(meeting)
    for email in emails:
        _on_commit_mail(subject=subject, body=body, to=[email], attachments=attachments, what="Meeting invitation")
    Meeting.objects.filter(pk=meeting.pk).update(invitations_sent=meeting.invitations_sent + len(emails))
    processing_record(municipality=meeting.municipality, actor=actor, activity=Activity.MEETING_INVITATIONS_SEND)
    return len(emails)


@transaction.atomic
def meeting_sign_up(*, meeting, name: str, email: str, organisation: str = "") -> tuple[MeetingSignup, str]:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED or meeting.starts_at < timezone.now():
        raise TrainingError(_("Aanmelden voor deze bijeenkomst kan niet meer."))
    active = meeting.signups.filter(cancelled_at__isnull=True)
    if meeting.capacity and active.count() >= meeting.capacity:
        raise TrainingError(_("De bijeenkomst is vol. Neem contact op met de organisator."))
    if active.filter(email__iexact=email).exists():
        raise TrainingError(_("Met dit e-mailadres bent u al aangemeld. De link staat in de bevestiging."))
    nonce, token, token_hash = token_make(SIGNUP_LINK)
    signup = MeetingSignup.objects.create(
        meeting=meeting, name=name, email=email, organisation=organisation, token_nonce=nonce, token_hash=token_hash
    )
    link = signup_link(signup, token)
    _on_commit_mail(
        subject=_("Aangemeld: %(title)s") % {"title": meeting.title},
        body=render_to_string("training/mail/signed_up.txt", {"meeting": meeting, "signup": signup, "link": link}),
        to=[email],
        attachments=_ics_attachment(meeting),
        what="Meeting sign-up confirmation",
    )
    return signup, token


@transaction.atomic
def meeting_sign_off(*, signup) -> MeetingSignup:
    if signup.cancelled_at is None:
        signup.cancelled_at = timezone.now()
        signup.save(update_fields=["cancelled_at"])
    return signup


@transaction.atomic
def meeting_attendance_save(*, meeting, present_ids: set[int]) -> None:
    """Mark who came; everyone signed up and not cancelled gets yes or no. The meeting counts as held."""
    for signup in meeting.signups.filter(cancelled_at__isnull=True):
        attended = signup.pk in present_ids
        if signup.attended != attended:
            signup.attended = attended
            signup.save(update_fields=["attended"])
    if meeting.status == MeetingStatus.PLANNED:
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)


@transaction.atomic
def meeting_outcomes_publish(*, meeting, outcomes: str) -> Meeting:
    """Short outcomes that the participants read afterwards through their personal link."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.outcomes = outcomes
    meeting.outcomes_published_at = timezone.now()
    if meeting.status == MeetingStatus.PLANNED:
        meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["outcomes", "outcomes_published_at", "status"])
    return meeting


# --- Coaching -----------------------------------------------------------------------------------------------


@transaction.atomic
def trajectory_create(*, municipality, coach, coachee, title: str) -> CoachingTrajectory:
    return CoachingTrajectory.objects.create(municipality=municipality, coach=coach, coachee=coachee, title=title)


@transaction.atomic
def trajectory_set_coachee(*, trajectory, coachee) -> CoachingTrajectory:
    if coachee.pk == trajectory.coach_id:
        raise TrainingError(_("De coach kan niet ook de coachee zijn."))
    trajectory.coachee = coachee
    trajectory.save(update_fields=["coachee"])
    return trajectory


@transaction.atomic
def trajectory_finish(*, trajectory, actor) -> CoachingTrajectory:
    """The coach marks the trajectory finished: from then on its retention period runs (training/retention.py)."""
    if actor.pk != trajectory.coach_id:
        raise TrainingError(_("Alleen de coach rondt het traject af."))
    if trajectory.finished_at is None:
        trajectory.finished_at = timezone.now()
        trajectory.save(update_fields=["finished_at"])
    return trajectory


@transaction.atomic
def goal_add(*, trajectory, actor, text: str, phase_keys=(), pitfall_keys=(), factor_keys=()) -> CoachingGoal:
    return CoachingGoal.objects.create(
        trajectory=trajectory,
        created_by=actor,
        text=text,
        phase_keys=list(phase_keys),
        pitfall_keys=list(pitfall_keys),
        factor_keys=list(factor_keys),
    )


@transaction.atomic
def coaching_session_add(*, trajectory, starts_at: datetime, place: str) -> CoachingSession:
    return CoachingSession.objects.create(trajectory=trajectory, starts_at=starts_at, place=place)


@transaction.atomic
def coaching_note_add(*, session, author, text: str) -> CoachingNote:
    if not session.trajectory.is_party(author):
        raise TrainingError(_("Alleen de coach en de coachee schrijven aantekeningen."))
    return CoachingNote.objects.create(session=session, author=author, text=text)


EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_LIKE = re.compile(r"\+?\d(?:[\s-]?\d){9,}")
POSTCODE_LIKE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")
NAME_PARTICLES = {"van", "der", "den", "het", "ter", "ten", "de", "la", "le", "el", "al", "bin", "von"}


def resident_data_in(text: str, initiative=None) -> bool:
    """Whether a text the coachee shares holds a resident's personal data: anything like an email address, a phone
    number or a postcode, or the name (or a part of it), email, phone or street of a resident of the initiative."""
    if EMAIL_LIKE.search(text) or PHONE_LIKE.search(text) or POSTCODE_LIKE.search(text):
        return True
    if initiative is None:
        return False
    lowered = text.casefold()
    for name, email, phone, street in initiative.initiators.values_list("name", "email", "phone", "street_address"):
        parts = [part for part in re.split(r"[\s-]+", name) if len(part) > 1 and part.casefold() not in NAME_PARTICLES]
        if any(re.search(rf"\b{re.escape(part.casefold())}\b", lowered) for part in parts):
            return True
        if any(value and value.casefold() in lowered for value in (email, phone, street)):
            return True
    return False


@transaction.atomic
def initiative_share(*, trajectory, actor, initiative, summary: str, question: str) -> SharedInitiative:
    """The coachee shares one of their own initiatives: only the summary they wrote, no resident's data (a text with
    a resident's name or contact data is refused, so it never reaches the coach)."""
    if actor.pk != trajectory.coachee_id:
        raise TrainingError(_("Alleen de coachee deelt een eigen initiatief."))
    if initiative is not None and initiative.contact_person_id != actor.pk:
        raise TrainingError(_("U kunt alleen een initiatief delen waarvan u de contactpersoon bent."))
    if resident_data_in(summary, initiative) or resident_data_in(question, initiative):
        raise TrainingError(
            _(
                "Laat de persoonsgegevens van bewoners weg: geen naam, e-mailadres, telefoonnummer of adres. "
                "Schrijf bijvoorbeeld „de bewoner” of „de initiatiefnemer”."
            )
        )
    return SharedInitiative.objects.create(
        trajectory=trajectory, initiative=initiative, summary=summary, question=question
    )


@transaction.atomic
def shared_initiative_withdraw(*, shared, actor) -> None:
    if actor.pk != shared.trajectory.coachee_id:
        raise TrainingError(_("Alleen de coachee haalt een gedeeld initiatief weg."))
    shared.delete()


# --- Opt-in and self-assessment ----------------------------------------------------------------------------


def _scores_clean(scores: dict) -> dict[str, int]:
    keys = {key for key, _label in SELF_ASSESSMENT}
    cleaned = {key: int(value) for key, value in scores.items() if key in keys and 1 <= int(value) <= 5}
    if set(cleaned) != keys:
        raise TrainingError(_("Geef bij elke uitspraak een score."))
    return cleaned


@transaction.atomic
def participation_opt_in(*, municipality, user, session, baseline: dict[str, int]) -> WorkshopParticipation:
    """Opt in, with the baseline self-assessment (how the participant worked before the workshop)."""
    if session.municipality_id != municipality.pk:
        raise TrainingError(_("Deze workshop hoort niet bij deze gemeente."))
    participation, _created = WorkshopParticipation.objects.get_or_create(
        municipality=municipality, user=user, session=session, defaults={"baseline_scores": _scores_clean(baseline)}
    )
    return participation


@transaction.atomic
def participation_withdraw(*, participation) -> None:
    """Withdrawing consent removes the link and the self-assessment: nothing of it is counted any more."""
    participation.delete()


@transaction.atomic
def self_assessment_submit(*, participation, scores: dict[str, int], today: date_type | None = None) -> SelfAssessment:
    today = today or timezone.localdate()
    if participation.session.date + timedelta(days=settings.TRAINING_FOLLOWUP_DAYS) > today:
        raise TrainingError(_("De vragenlijst staat open vanaf drie maanden na de workshop."))
    cleaned = _scores_clean(scores)
    assessment, _created = SelfAssessment.objects.update_or_create(
        participation=participation, defaults={"scores": cleaned}
    )
    return assessment


def followups_offer(*, today: date_type | None = None) -> list[WorkshopParticipation]:
    """Mail the self-assessment to participants whose workshop was about three months ago (once each)."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.TRAINING_FOLLOWUP_DAYS)
    due = list(
        WorkshopParticipation.objects.filter(followup_offered_at__isnull=True, session__date__lte=cutoff)
        .select_related("user", "session", "municipality")
        .exclude(self_assessment__isnull=False)
    )
    for participation in due:
        with transaction.atomic():
            participation.followup_offered_at = timezone.now()
            participation.save(update_fields=["followup_offered_at"])
            path = reverse("training:participation", kwargs={"municipality_slug": participation.municipality.slug})
            _on_commit_mail(
                subject=_("Drie maanden na de workshop: hoe gaat het nu?"),
                body=render_to_string(
                    "training/mail/followup.txt",
                    {"participation": participation, "link": f"{settings.SITE_URL}{path}"},
                ),
                to=[participation.user.email],
                what="Workshop follow-up self-assessment",
            )
    return due
