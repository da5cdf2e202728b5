"""Everything that changes the conversation model, a first conversation, its report and what follows.

Actions are atomic, write a time-line event where the resident or colleagues should see a step, and
send email after the transaction commits.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from burgeridee.core.dates import add_working_days, local_date, working_days_between
from burgeridee.core.mail import mail_send
from burgeridee.initiatives.constants import Phase, StopReason
from burgeridee.initiatives.deadlines import deadlines_refresh
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import staff_notice_send
from burgeridee.initiatives.signals import callback_promised
from burgeridee.initiatives.tokens import token_make
from burgeridee.municipalities.models import Municipality
from burgeridee.records.services import event_record

from .constants import (
    AGREEMENT_OPEN,
    AgreementResponse,
    AgreementStatus,
    ConversationStatus,
    ModelStatus,
    Moment,
    ReportStatus,
    TaskKind,
)
from .defaults import DEFAULT_CHECKLIST, DEFAULT_PHASES
from .ics import calendar_event
from .models import (
    Agreement,
    AgreementStep,
    ChecklistItem,
    Conversation,
    ConversationModel,
    FollowUpTask,
    ModelPhase,
    Reflection,
    Report,
    ResidentLink,
)
from .selectors import held_on_suggestion, report_draft_from_notes
from .variants import model_variants, variant_for


class NotEditable(Exception):
    """A published conversation model or a sent report does not change."""


# --- The conversation model ----------------------------------------------------------------------------


def conversation_model_ensure_default(*, municipality: Municipality, variant: str = "") -> ConversationModel:
    """The municipality's current published model of `variant` (the one chosen last, `conversation_model_choose`);
    the first time, version 1 made from the default.

    Read first without a transaction (every conversation page calls this); only the first time writes.
    """
    published = ConversationModel.objects.filter(
        municipality=municipality, variant=variant, status=ModelStatus.PUBLISHED
    )
    # The version chosen last (publishing chooses too); before anyone chose, the newest.
    newest_first = published.order_by(F("chosen_at").desc(nulls_last=True), "-version")
    current = newest_first.first()
    if current is not None:
        return current
    with transaction.atomic():
        # Lock the municipality so two first visits do not both create version 1.
        Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
        return newest_first.first() or default_model_create(municipality=municipality, variant=variant)


def conversation_model_for(*, initiative: Initiative) -> ConversationModel:
    """The model a new first conversation about `initiative` uses: its variant's current version."""
    return conversation_model_ensure_default(
        municipality=initiative.municipality, variant=variant_for(initiative=initiative)
    )


def default_model_create(*, municipality, classes=None, variant: str = ""):
    """Version 1 from the default texts (of `variant`). `classes` lets a data migration pass historical models."""
    model_class, phase_class, item_class = classes or (ConversationModel, ModelPhase, ChecklistItem)
    phases, checklist = (
        (model_variants[variant].phases, model_variants[variant].checklist)
        if variant
        else (DEFAULT_PHASES, DEFAULT_CHECKLIST)
    )
    model = model_class.objects.create(
        municipality=municipality, variant=variant, version=1, status=ModelStatus.PUBLISHED, published_at=timezone.now()
    )
    phase_class.objects.bulk_create(
        [
            phase_class(
                model=model,
                key=phase["key"],
                order=index,
                title=phase["title"],
                purpose=phase["purpose"],
                guiding_questions="\n".join(phase["guiding_questions"]),
                pitfall_reminder=phase["pitfall_reminder"],
                pitfall_ids=list(phase["pitfall_ids"]),
                capture_fields=[str(field) for field in phase["capture_fields"]],
            )
            for index, phase in enumerate(phases, start=1)
        ]
    )
    items = []
    for index, row in enumerate(checklist, start=1):
        key, moment, text, *rest = row
        task_kind, days = (rest + [None, None])[:2]
        items.append(
            item_class(
                model=model,
                key=key,
                moment=moment,
                order=index,
                text=text,
                task_kind=task_kind or "",
                due_working_days=days,
            )
        )
    item_class.objects.bulk_create(items)
    return model


def _require_draft(model: ConversationModel) -> None:
    if not model.is_draft:
        raise NotEditable("A published conversation model does not change; edit a draft.")


@transaction.atomic
def conversation_model_draft_get_or_create(*, municipality: Municipality, variant: str = "") -> ConversationModel:
    """The one draft of this municipality (of `variant`), made as a copy of the current version when there is none."""
    draft = (
        ConversationModel.objects.select_for_update()
        .filter(municipality=municipality, variant=variant, status=ModelStatus.DRAFT)
        .first()
    )
    if draft is not None:
        return draft
    current = conversation_model_ensure_default(municipality=municipality, variant=variant)
    draft = ConversationModel.objects.create(
        municipality=municipality, variant=variant, status=ModelStatus.DRAFT, based_on=current
    )
    ModelPhase.objects.bulk_create(
        [
            ModelPhase(
                model=draft,
                key=phase.key,
                order=phase.order,
                title=phase.title,
                purpose=phase.purpose,
                guiding_questions=phase.guiding_questions,
                pitfall_reminder=phase.pitfall_reminder,
                pitfall_ids=list(phase.pitfall_ids),
                capture_fields=list(phase.capture_fields),
                is_active=phase.is_active,
            )
            for phase in current.phases.all()
        ]
    )
    ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(
                model=draft,
                key=item.key,
                moment=item.moment,
                order=item.order,
                text=item.text,
                is_active=item.is_active,
                task_kind=item.task_kind,
                due_working_days=item.due_working_days,
            )
            for item in current.checklist_items.all()
        ]
    )
    return draft


@transaction.atomic
def phase_update(
    *,
    phase: ModelPhase,
    title: str,
    purpose: str,
    guiding_questions: str,
    pitfall_reminder: str,
    pitfall_ids: list[str],
    is_active: bool,
) -> ModelPhase:
    _require_draft(phase.model)
    phase.title = title
    phase.purpose = purpose
    phase.guiding_questions = guiding_questions
    phase.pitfall_reminder = pitfall_reminder
    phase.pitfall_ids = list(pitfall_ids)
    phase.is_active = is_active
    phase.save()
    return phase


def _unique_key(existing: set[str], prefix: str) -> str:
    number = 1
    while f"{prefix}-{number}" in existing:
        number += 1
    return f"{prefix}-{number}"


@transaction.atomic
def phase_add(
    *,
    model: ConversationModel,
    title: str,
    purpose: str = "",
    guiding_questions: str = "",
    pitfall_reminder: str = "",
    pitfall_ids: list[str] | None = None,
) -> ModelPhase:
    """A phase the municipality adds itself. It captures free notes (every phase has those)."""
    _require_draft(model)
    keys = set(model.phases.values_list("key", flat=True))
    order = (model.phases.aggregate(m=Max("order"))["m"] or 0) + 1
    return ModelPhase.objects.create(
        model=model,
        key=_unique_key(keys, "eigen-fase"),
        order=order,
        title=title,
        purpose=purpose,
        guiding_questions=guiding_questions,
        pitfall_reminder=pitfall_reminder,
        pitfall_ids=list(pitfall_ids or []),
    )


@transaction.atomic
def checklist_item_update(*, item: ChecklistItem, text: str, is_active: bool) -> ChecklistItem:
    _require_draft(item.model)
    item.text = text
    item.is_active = is_active
    item.save()
    return item


@transaction.atomic
def checklist_item_add(*, model: ConversationModel, moment: str, text: str) -> ChecklistItem:
    _require_draft(model)
    keys = set(model.checklist_items.values_list("key", flat=True))
    order = (model.checklist_items.filter(moment=moment).aggregate(m=Max("order"))["m"] or 0) + 1
    return ChecklistItem.objects.create(
        model=model,
        key=_unique_key(keys, f"eigen-{moment}"),
        moment=moment,
        order=order,
        text=text,
        task_kind=TaskKind.CHECKLIST if moment == Moment.AFTER else "",
        due_working_days=5 if moment == Moment.AFTER else None,
    )


@transaction.atomic
def item_move(*, item: ModelPhase | ChecklistItem, up: bool) -> None:
    """Swap a phase or checklist item with its neighbour (within the same moment for checklist items)."""
    _require_draft(item.model)
    siblings = list(
        item.model.phases.all()
        if isinstance(item, ModelPhase)
        else item.model.checklist_items.filter(moment=item.moment)
    )
    siblings.sort(key=lambda s: (s.order, s.pk))
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if up else index + 1
    if other < 0 or other >= len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])


@transaction.atomic
def conversation_model_publish(*, model: ConversationModel, actor) -> ConversationModel:
    """The draft becomes the next version. Conversations already run keep the version they used."""
    model = ConversationModel.objects.select_for_update().get(pk=model.pk)
    _require_draft(model)
    latest = (
        ConversationModel.objects.filter(
            municipality=model.municipality, variant=model.variant, status=ModelStatus.PUBLISHED
        ).aggregate(m=Max("version"))["m"]
        or 0
    )
    model.version = latest + 1
    model.status = ModelStatus.PUBLISHED
    model.published_at = timezone.now()
    model.published_by = actor
    model.chosen_at = model.published_at
    model.save()
    return model


@transaction.atomic
def conversation_model_choose(*, model: ConversationModel, now=None) -> bool:
    """Make a published version the current one again (new conversations use it; conversations already
    run keep theirs). False when it already was the current one."""
    if model.is_draft:
        raise NotEditable("Only a published version can be the current one.")
    if conversation_model_ensure_default(municipality=model.municipality, variant=model.variant).pk == model.pk:
        return False
    model.chosen_at = now or timezone.now()
    model.save(update_fields=["chosen_at"])
    return True


@transaction.atomic
def conversation_model_discard_draft(*, model: ConversationModel) -> None:
    _require_draft(model)
    model.delete()


# --- Links and mail to the resident ---------------------------------------------------------------------


def resident_link_make(*, conversation: Conversation, purpose: str) -> str:
    """A fresh personal link to the resident's conversation page (its own token; only the hash is kept)."""
    _nonce, token, token_hash = token_make()
    initiative = conversation.initiative
    ResidentLink.objects.create(
        conversation=conversation,
        token_hash=token_hash,
        status_token_nonce=initiative.status_token_nonce,
        purpose=purpose,
    )
    path = reverse("conversations:resident", kwargs={"municipality_slug": initiative.municipality.slug, "token": token})
    return f"{settings.SITE_URL}{path}"


def _primary(initiative: Initiative):
    return initiative.initiators.filter(is_primary=True).first()


def resident_wants_email(initiative: Initiative) -> bool:
    initiator = _primary(initiative)
    return bool(initiator and initiator.email and initiator.preferred_contact != "post")


def invitation_ics(*, conversation: Conversation) -> str:
    initiative = conversation.initiative
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "burgeridee"
    return calendar_event(
        uid=f"gesprek-{conversation.pk}@{host}",
        starts_at=conversation.starts_at,
        duration_minutes=conversation.duration_minutes,
        summary=f"Gesprek over uw idee: {initiative.title}",
        location=conversation.place,
        description=f"{initiative.municipality.name}, kenmerk {initiative.reference}",
        organizer_email=initiative.municipality.contact_email,
        # Each new plan (a move) is a revision of the same event: calendars update it instead of adding one.
        sequence=max(initiative.events.filter(kind="gesprek_gepland").count() - 1, 0),
    )


def _send(*, initiative: Initiative, subject: str, body: str, to: str, attachments=()) -> bool:
    return mail_send(
        subject=subject,
        body=body,
        to=[to],
        attachments=attachments,
        what=f"Mail to the resident about {initiative.reference}",
        municipality=initiative.municipality_id,
    )


def invitation_send(*, conversation_id: int, language: str | None = None) -> str:
    """Email the invitation with a calendar file, or mark that a letter must be printed. Returns the channel."""
    conversation = Conversation.objects.select_related("initiative__municipality", "held_by").get(pk=conversation_id)
    initiative = conversation.initiative
    initiator = _primary(initiative)
    channel = "brief"
    if resident_wants_email(initiative):
        with translation.override(language or settings.LANGUAGE_CODE):
            context = {
                "conversation": conversation,
                "initiative": initiative,
                "initiator": initiator,
                "municipality": initiative.municipality,
                "link": resident_link_make(conversation=conversation, purpose="uitnodiging"),
            }
            subject = render_to_string("conversations/email/invitation_subject.txt", context).strip()
            body = render_to_string("conversations/email/invitation.txt", context)
        ics = invitation_ics(conversation=conversation)
        if _send(
            initiative=initiative,
            subject=subject,
            body=body,
            to=initiator.email,
            attachments=[("uitnodiging.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")],
        ):
            channel = "email"
    Conversation.objects.filter(pk=conversation.pk).update(
        invitation_sent_at=timezone.now(), invitation_channel=channel
    )
    event_record(initiative=initiative, kind="uitnodiging", data={"channel": channel})
    return channel


# --- Planning and holding the conversation -------------------------------------------------------------


@transaction.atomic
def conversation_plan(
    *,
    initiative: Initiative,
    starts_at: datetime,
    place: str,
    participants: str = "",
    duration_minutes: int = 60,
    actor=None,
) -> Conversation:
    """Plan (or move) the first conversation and invite the resident."""
    conversation = Conversation.objects.select_for_update().filter(initiative=initiative).first()
    if conversation is None:
        conversation = Conversation(
            initiative=initiative,
            model=conversation_model_for(initiative=initiative),
        )
    conversation.starts_at = starts_at
    conversation.place = place
    conversation.participants = participants
    conversation.duration_minutes = duration_minutes
    conversation.held_by = conversation.held_by or actor
    conversation.status = ConversationStatus.PLANNED if conversation.held_at is None else conversation.status
    conversation.save()
    event_record(
        initiative=initiative,
        kind="gesprek_gepland",
        actor=actor,
        data={"starts_at": starts_at.isoformat(), "place": place},
    )
    language = translation.get_language()
    invitation_send(conversation_id=conversation.pk, language=language)
    return conversation


AGREEMENT_FIELDS = ("what", "who", "due")


@transaction.atomic
def conversation_save(
    *,
    conversation: Conversation,
    captures: dict | None = None,
    phase_notes: dict | None = None,
    municipal_roles: list[str] | None = None,
    agreements: list[dict] | None = None,
    checked_items: list[str] | None = None,
    callback_date: date | None | str = "unchanged",
    rating: int | None | str = "unchanged",
) -> Conversation:
    """Store what was captured. Only the given parts change, so autosave can send one field at a time."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if captures is not None:
        conversation.captures = {**conversation.captures, **captures}
    if phase_notes is not None:
        conversation.phase_notes = {**conversation.phase_notes, **phase_notes}
    if municipal_roles is not None:
        conversation.municipal_roles = list(municipal_roles)
    if agreements is not None:
        conversation.agreements_draft = [
            {
                "what": a.get("what", ""),
                "who": a.get("who", ""),
                "due": a["due"].isoformat() if isinstance(a.get("due"), date) else (a.get("due") or ""),
            }
            for a in agreements
        ]
    if checked_items is not None:
        conversation.checked_items = list(checked_items)
    if callback_date != "unchanged":
        conversation.callback_date = callback_date
    if rating != "unchanged":
        conversation.rating = rating
    conversation.save()
    return conversation


class HeldInFuture(ValueError):
    """A conversation cannot have been held on a day still to come."""


def held_at_for(*, conversation: Conversation, held_on: date, now: datetime | None = None) -> datetime:
    """The moment a conversation held on `held_on` took place: that day at the planned time, never later than now."""
    now = now or timezone.now()
    planned_time = timezone.localtime(conversation.starts_at).time() if conversation.starts_at else time(12)
    moment = timezone.make_aware(datetime.combine(held_on, planned_time))
    return min(moment, now)


@transaction.atomic
def conversation_mark_held(*, conversation: Conversation, actor=None, held_on: date | None = None) -> Conversation:
    """The conversation took place on `held_on` (the civil servant confirms the real day; without one, the
    planned day when it has come, else today). The 'after' checklist becomes tasks with due dates counted
    from that day, and the report's first draft is made from the notes (when there is no report yet)."""
    conversation = Conversation.objects.select_for_update().select_related("initiative").get(pk=conversation.pk)
    if conversation.held_at is not None:
        return conversation
    now = timezone.now()
    held_on = held_on or held_on_suggestion(conversation=conversation)
    if held_on > local_date(now):
        raise HeldInFuture("A conversation cannot be held in the future.")
    held_at = held_at_for(conversation=conversation, held_on=held_on, now=now)
    conversation.status = ConversationStatus.HELD
    conversation.held_at = held_at
    conversation.save(update_fields=["status", "held_at", "updated_at"])
    initiative = conversation.initiative
    updates = {}
    if initiative.first_contact_at is None:
        updates["first_contact_at"] = held_at
    if initiative.phase == Phase.IDEA:
        updates["phase"] = Phase.EXPLORING
    if updates:
        Initiative.objects.filter(pk=initiative.pk).update(**updates)
        deadlines_refresh(initiative_ids=[initiative.pk])  # update() sends no post_save
    event_record(
        initiative=initiative,
        kind="gesprek_gehouden",
        actor=actor,
        at=held_at,
        data={
            "held_on": held_on.isoformat(),
            "planned_on": local_date(conversation.starts_at).isoformat(),
            "recorded_at": now.isoformat(),
        },
    )
    tasks_make_from_checklist(conversation=conversation, actor=actor, start=held_on)
    if not Report.objects.filter(conversation=conversation).exists():
        # The report starts here, from the notes as they are now (the report page itself only reads).
        report_draft_get_or_create(conversation=conversation, actor=actor)
    return conversation


def tasks_make_from_checklist(*, conversation: Conversation, actor=None, start: date) -> list[FollowUpTask]:
    """The 'after' items of the checklist become follow-up tasks. Not the call-back item: the callback is the
    report's promise, which the deadlines app keeps as the one callback appointment when the report is sent
    (`initiatives.signals.callback_promised`), with the date the resident was given."""
    items = conversation.model.checklist_items.filter(moment=Moment.AFTER, is_active=True).exclude(
        task_kind=TaskKind.CALL_BACK
    )
    tasks = []
    for item in items:
        due = add_working_days(start, item.due_working_days or 5)
        task, _ = FollowUpTask.objects.get_or_create(
            conversation=conversation,
            checklist_key=item.key,
            defaults={
                "initiative": conversation.initiative,
                "kind": item.task_kind or TaskKind.CHECKLIST,
                "title": item.text,
                "due_date": due,
                "assignee": conversation.held_by or actor,
            },
        )
        tasks.append(task)
    return tasks


@transaction.atomic
def task_complete(*, task: FollowUpTask, done: bool = True) -> FollowUpTask:
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done_at"])
    return task


# --- The report ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementData:
    what: str
    who: str
    due_date: date | None = None


@transaction.atomic
def report_draft_get_or_create(*, conversation: Conversation, actor=None) -> Report:
    """The draft to work on: the open draft, else a new version copied from the last report or the notes."""
    conversation = Conversation.objects.get(pk=conversation.pk)  # the notes as saved, not a stale copy
    latest = Report.objects.select_for_update().filter(conversation=conversation).order_by("-version").first()
    if latest is not None and latest.status == ReportStatus.DRAFT:
        return latest
    if latest is None:
        report, agreements = report_draft_from_notes(conversation=conversation)
        report.created_by = actor
        report.save()
        Agreement.objects.bulk_create(agreements)
        return report
    report = Report.objects.create(
        conversation=conversation,
        version=latest.version + 1,
        summary=latest.summary,
        municipal_roles=list(latest.municipal_roles),
        initiator_role=latest.initiator_role,
        next_step=latest.next_step,
        callback_date=latest.callback_date,
        created_by=actor,
    )
    _agreements_carry_over(
        report=report,
        rows=[(a.order, a.what, a.who, a.due_date) for a in latest.agreements.all()],
        previous=list(latest.agreements.all()),
    )
    return report


def _agreements_carry_over(*, report: Report, rows, previous) -> None:
    """Make the report's agreements from (order, what, who, due date) rows. One that was done or dropped
    before (same text) stays so, with its history; every other one is a new proposal."""
    closed = {a.what: a for a in previous if not a.is_open}
    made = Agreement.objects.bulk_create(
        [
            Agreement(
                report=report,
                order=order,
                what=what,
                who=who,
                due_date=due_date,
                status=closed[what].status if what in closed else AgreementStatus.PROPOSED,
                reason=closed[what].reason if what in closed else "",
                done_at=closed[what].done_at if what in closed else None,
            )
            for order, what, who, due_date in rows
        ]
    )
    AgreementStep.objects.bulk_create(
        [
            AgreementStep(
                agreement=agreement,
                status=step.status,
                at=step.at,
                actor_id=step.actor_id,
                by_resident=step.by_resident,
                reason=step.reason,
            )
            for agreement in made
            if agreement.what in closed
            for step in closed[agreement.what].steps.all()
        ]
    )


@transaction.atomic
def report_update(
    *,
    report: Report,
    summary: str,
    next_step: str,
    callback_date: date,
    municipal_roles: list[str],
    initiator_role: str,
    agreements: list[AgreementData],
) -> Report:
    """Change a draft report. Agreements are replaced by the given list (done or dropped ones are kept by text)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_frozen:
        raise NotEditable("A sent report does not change; make a new version.")
    report.summary = summary
    report.next_step = next_step
    report.callback_date = callback_date
    report.municipal_roles = list(municipal_roles)
    report.initiator_role = initiator_role
    report.save()
    previous = list(report.agreements.prefetch_related("steps"))
    report.agreements.all().delete()
    _agreements_carry_over(
        report=report,
        rows=[(index, data.what, data.who, data.due_date) for index, data in enumerate(agreements, start=1)],
        previous=previous,
    )
    return report


@transaction.atomic
def report_send(*, report: Report, actor=None, held_on: date | None = None) -> Report:
    """Send the draft to the resident. Earlier versions are superseded; this one is frozen from now on.

    Its agreements are proposed to the resident, and its callback date is promised: the deadlines hear of
    it (`initiatives.signals.callback_promised`). A conversation not marked held yet is marked held on
    `held_on`, the day the civil servant confirms.
    """
    report = Report.objects.select_for_update().select_related("conversation__initiative").get(pk=report.pk)
    if report.is_frozen:
        raise NotEditable("This report was already sent.")
    now = timezone.now()
    report.status = ReportStatus.SENT
    report.sent_at = now
    report.save(update_fields=["status", "sent_at"])
    Report.objects.filter(conversation=report.conversation).exclude(pk=report.pk).exclude(
        status=ReportStatus.DRAFT
    ).update(status=ReportStatus.SUPERSEDED)
    conversation = report.conversation
    if conversation.held_at is None:
        conversation_mark_held(conversation=conversation, actor=actor, held_on=held_on)
    for agreement in report.agreements.filter(status=AgreementStatus.PROPOSED):
        _step(agreement, AgreementStatus.PROPOSED, at=now, actor=actor)
    # Sending the report is confirming the agreements in writing; the callback is promised below.
    conversation.tasks.filter(kind=TaskKind.CONFIRM_IN_WRITING, done_at__isnull=True).update(done_at=now)
    event_record(
        initiative=conversation.initiative,
        kind="verslag_verstuurd",
        actor=actor,
        data={"version": report.version},
        at=now,
    )
    callback_promised.send(
        sender=Report,
        initiative=conversation.initiative,
        due_date=report.callback_date,
        actor=actor,
        assigned_to=conversation.initiative.contact_person or conversation.held_by or actor,
        key=f"gespreksverslag-{conversation.pk}",
        note=str(gettext_lazy("Terugbellen zoals beloofd in het gespreksverslag (versie %(version)s)."))
        % {"version": report.version},
    )
    language = translation.get_language()
    report_mail(report_id=report.pk, template="report", language=language)
    return report


def report_mail(*, report_id: int, template: str, language: str | None = None) -> bool:
    """Email the resident a link to read and confirm the report (template 'report' or 'reminder')."""
    report = Report.objects.select_related("conversation__initiative__municipality").get(pk=report_id)
    conversation = report.conversation
    initiative = conversation.initiative
    if not resident_wants_email(initiative):
        return False
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "initiative": initiative,
            "initiator": _primary(initiative),
            "municipality": initiative.municipality,
            "link": resident_link_make(conversation=conversation, purpose=template),
        }
        subject = render_to_string(f"conversations/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"conversations/email/{template}.txt", context)
    return _send(initiative=initiative, subject=subject, body=body, to=_primary(initiative).email)


@transaction.atomic
def report_respond(*, report: Report, responses: dict[int, tuple[str, str]], comment: str = "") -> Report:
    """The resident answers per agreement: (AgreementResponse, comment). All agreed = confirmed and frozen, and
    its agreements run; any comment = the report is disputed, and the contact person is told by mail."""
    report = (
        Report.objects.select_for_update().select_related("conversation__initiative__municipality").get(pk=report.pk)
    )
    initiative = report.conversation.initiative
    if report.status != ReportStatus.SENT or initiative.is_closed:
        raise NotEditable("Only a sent report of an open initiative awaits the resident's answer.")
    now = timezone.now()
    any_comment = bool(comment.strip())
    agreements = list(report.agreements.all())
    for agreement in agreements:
        response, text = responses.get(agreement.pk, (AgreementResponse.AGREED, ""))
        agreement.response = response
        agreement.resident_comment = text if response == AgreementResponse.COMMENTED else ""
        agreement.save(update_fields=["response", "resident_comment"])
        any_comment = any_comment or response == AgreementResponse.COMMENTED
        if agreement.is_open:
            disputed = response == AgreementResponse.COMMENTED
            status = AgreementStatus.DISPUTED if disputed else AgreementStatus.CONFIRMED
            _step(agreement, status, at=now, by_resident=True)
    report.status = ReportStatus.COMMENTED if any_comment else ReportStatus.CONFIRMED
    report.resident_comment = comment.strip()
    report.responded_at = now
    report.save(update_fields=["status", "resident_comment", "responded_at"])
    if not any_comment:
        for agreement in agreements:
            if agreement.status == AgreementStatus.CONFIRMED:
                _step(agreement, AgreementStatus.RUNNING, at=now)
    event_record(
        initiative=initiative,
        kind="verslag_opmerkingen" if any_comment else "verslag_bevestigd",
        data={"version": report.version},
        at=now,
    )
    if any_comment:
        path = reverse(
            "conversations:report", kwargs={"municipality_slug": initiative.municipality.slug, "pk": initiative.pk}
        )
        staff_notice_send(
            initiative_id=initiative.pk,
            headline=gettext_lazy("Verslag betwist"),
            text=gettext_lazy(
                "De bewoner vindt dat niet alles in het gespreksverslag klopt. Lees de opmerkingen en maak een "
                "nieuwe versie."
            ),
            path=path,
        )
    return report


@transaction.atomic
def report_comments_seen(*, report: Report, actor) -> Report:
    """The contact person read the resident's comments: the inbox stops marking the report as disputed."""
    updated = Report.objects.filter(pk=report.pk, comments_seen_at__isnull=True).update(
        comments_seen_at=timezone.now(), comments_seen_by=actor
    )
    if updated:
        report.refresh_from_db(fields=["comments_seen_at", "comments_seen_by"])
    return report


# --- The life of an agreement --------------------------------------------------------------------------


class AgreementRefused(ValueError):
    """A step the agreement's life cycle does not allow; the message is plain Dutch for the user."""


def _step(agreement: Agreement, status: str, *, at: datetime, actor=None, by_resident=False, reason="") -> None:
    """Move the agreement to `status` and write the step down (who and when)."""
    agreement.status = status
    agreement.reason = reason if status == AgreementStatus.DROPPED else ""
    agreement.done_at = at if status == AgreementStatus.DONE else None
    agreement.save(update_fields=["status", "reason", "done_at"])
    AgreementStep.objects.create(
        agreement=agreement, status=status, at=at, actor=actor, by_resident=by_resident, reason=reason
    )


DONE_FROM = (AgreementStatus.PROPOSED, AgreementStatus.CONFIRMED, AgreementStatus.RUNNING)


@transaction.atomic
def agreement_transition(*, agreement: Agreement, to: str, actor, reason: str = "") -> Agreement:
    """A colleague marks an agreement done, drops it (with a reason), or opens a done or dropped one again
    (`to` = "open": back to the state it had before)."""
    agreement = (
        Agreement.objects.select_for_update().select_related("report__conversation__initiative").get(pk=agreement.pk)
    )
    initiative = agreement.report.conversation.initiative
    now = timezone.now()
    reason = reason.strip()
    if to == AgreementStatus.DONE:
        if agreement.status not in DONE_FROM:
            raise AgreementRefused(str(gettext_lazy("Deze afspraak kan nu niet als gedaan worden afgevinkt.")))
        _step(agreement, AgreementStatus.DONE, at=now, actor=actor)
        event_record(initiative=initiative, kind="afspraak_gedaan", actor=actor, data={"what": agreement.what})
    elif to == AgreementStatus.DROPPED:
        if not agreement.is_open:
            raise AgreementRefused(str(gettext_lazy("Deze afspraak is al afgesloten.")))
        if not reason:
            raise AgreementRefused(str(gettext_lazy("Schrijf op waarom deze afspraak vervalt.")))
        _step(agreement, AgreementStatus.DROPPED, at=now, actor=actor, reason=reason)
        event_record(
            initiative=initiative,
            kind="afspraak_vervallen",
            actor=actor,
            data={"what": agreement.what, "reason": reason},
        )
    elif to == "open":
        if agreement.is_open:
            return agreement
        before = (
            agreement.steps.filter(status__in=AGREEMENT_OPEN).order_by("-at", "-id").values_list("status", flat=True)
        ).first()
        _step(agreement, before or AgreementStatus.RUNNING, at=now, actor=actor)
    else:
        raise AgreementRefused(f"Unknown agreement step {to!r}.")
    return agreement


def agreement_mark_done(*, agreement: Agreement, done: bool = True, actor=None) -> Agreement:
    """Done, or open again: `agreement_transition` for the two steps the follow-up page always had."""
    return agreement_transition(agreement=agreement, to=AgreementStatus.DONE if done else "open", actor=actor)


CLOSING_REASONS = {
    Phase.COMPLETED: gettext_lazy("Het initiatief is afgerond."),
    Phase.STOPPED: gettext_lazy("Het initiatief is gestopt."),
    Phase.NOT_AN_INITIATIVE: gettext_lazy("Het idee is doorverwezen naar een andere plek."),
}


@transaction.atomic
def agreements_close_for_initiative(*, initiative: Initiative, actor=None) -> int:
    """The initiative ended: its open agreements (those of the report the resident has) are dropped, with the
    reason, by whoever closed it (the resident, when they withdrew). Done ones stay done. Returns how many."""
    conversation = Conversation.objects.filter(initiative=initiative).first()
    if conversation is None:
        return 0
    report = conversation.reports.exclude(status=ReportStatus.DRAFT).order_by("-version").first()
    if report is None:
        return 0
    withdrawn = initiative.stop_reason == StopReason.WITHDRAWN and actor is None
    with translation.override(settings.LANGUAGE_CODE):
        if withdrawn:
            reason = str(gettext_lazy("Het initiatief is ingetrokken."))
        else:
            reason = str(CLOSING_REASONS.get(initiative.phase, CLOSING_REASONS[Phase.STOPPED]))
    now = timezone.now()
    closed = 0
    for agreement in report.agreements.select_for_update().filter(status__in=AGREEMENT_OPEN):
        _step(agreement, AgreementStatus.DROPPED, at=now, actor=actor, by_resident=withdrawn, reason=reason)
        closed += 1
    return closed


def report_reminders_send(*, now: datetime | None = None, after_working_days: int | None = None) -> int:
    """Remind residents who did not react to a sent report within N working days. One reminder per report."""
    now = now or timezone.now()
    days = after_working_days if after_working_days is not None else settings.CONVERSATION_REPORT_REMINDER_DAYS
    today = local_date(now)
    sent = 0
    candidates = Report.objects.filter(status=ReportStatus.SENT, reminder_sent_at__isnull=True).select_related(
        "conversation__initiative"
    )
    for report in candidates:
        if working_days_between(local_date(report.sent_at), today) < days:
            continue
        if report_mail(report_id=report.pk, template="reminder"):
            Report.objects.filter(pk=report.pk).update(reminder_sent_at=now)
            event_record(
                initiative=report.conversation.initiative,
                kind="verslag_herinnering",
                data={"version": report.version},
                at=now,
            )
            sent += 1
    return sent


# --- Reflection ----------------------------------------------------------------------------------------


@transaction.atomic
def reflection_save(
    *, user, conversation: Conversation, facilitation: str, pitfalls_felt: list[str], note: str = ""
) -> Reflection:
    reflection, _ = Reflection.objects.update_or_create(
        user=user,
        conversation=conversation,
        defaults={"facilitation": facilitation, "pitfalls_felt": list(pitfalls_felt), "note": note},
    )
    return reflection
