"""Writes for the live workshop: the session's state machine, joining, and every module's submissions.

State machine: concept -> open (participants can join) -> bezig (one agenda item at a time, the trainer moves
on) -> afgerond. A finished session can be looked back at, read-only: every write below refuses it.
"""

import secrets
from datetime import date as date_type
from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.conversations.services import conversation_model_ensure_default
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .constants import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_VOTES,
    STANDARD_AGENDA,
    ContributionKind,
    Module,
    RoleplayRole,
    SessionStatus,
)
from .dialogues import DIALOGUES
from .models import AgendaItem, BoardFactor, Contribution, FactorVote, Participant, WorkshopRequest, WorkshopSession
from .modules.base import module_for
from .sources import library


class WorkshopError(Exception):
    """A step that is not possible now; the message is plain Dutch for the person who tried."""


def code_generate() -> str:
    for _attempt in range(20):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not WorkshopSession.objects.filter(code=code).exists():
            return code
    raise WorkshopError(_("Er kon geen vrije deelnamecode worden gemaakt. Probeer het opnieuw."))


def default_place(municipality) -> str:
    address = ", ".join(line.strip() for line in municipality.contact_address.splitlines() if line.strip())
    return _("Gemeentehuis, %(address)s") % {"address": address} if address else _("Gemeentehuis")


# --- Session and agenda -------------------------------------------------------------------------------------


@transaction.atomic
def session_create(
    *, municipality, title: str, date: date_type, place: str = "", expected_participants: int = 20, created_by=None
) -> WorkshopSession:
    """A new session in draft, with the standard half-day agenda.

    The standard cases are the ones the municipality still shows in its knowledge library; where it switched
    them all off, the agenda takes its first case. A draft follows the municipality's current conversation
    model until it opens; the first version is made here if the municipality has none yet, so that showing
    the draft (its page, its report) only reads.
    """
    conversation_model_ensure_default(municipality=municipality)
    session = WorkshopSession.objects.create(
        municipality=municipality,
        title=title,
        date=date,
        place=place or default_place(municipality),
        expected_participants=expected_participants,
        code=code_generate(),
        created_by=created_by,
    )
    available = library(session).case_numbers()
    for position, (module, minutes, cases) in enumerate(STANDARD_AGENDA):
        if cases and available:
            cases = [number for number in cases if number in available] or available[:1]
        AgendaItem.objects.create(
            session=session, position=position, module=module, minutes=minutes, case_numbers=list(cases)
        )
    return session


@transaction.atomic
def session_update(*, session, title: str, date: date_type, place: str, expected_participants: int):
    session = _lock(session)
    _require_editable(session)
    session.title, session.date, session.place = title, date, place
    session.expected_participants = expected_participants
    session.save(update_fields=["title", "date", "place", "expected_participants"])
    return session


def _lock(session) -> WorkshopSession:
    return WorkshopSession.objects.select_for_update().get(pk=session.pk)


def _require_editable(session):
    if session.status not in (SessionStatus.DRAFT, SessionStatus.OPEN):
        raise WorkshopError(_("De agenda kan niet meer worden gewijzigd: de bijeenkomst is al begonnen."))


def _renumber(session):
    for position, item in enumerate(session.agenda_items.order_by("position", "pk")):
        if item.position != position:
            AgendaItem.objects.filter(pk=item.pk).update(position=position)


def _clean_cases(session, module, case_numbers) -> list[int]:
    definition = module_for(module)
    if not definition.uses_cases:
        return []
    available = library(session).case_numbers()
    valid = [int(n) for n in case_numbers if int(n) in available]
    if not valid:
        raise WorkshopError(_("Kies ten minste één casus voor dit onderdeel."))
    return valid[: definition.max_cases]


@transaction.atomic
def agenda_item_add(*, session, module: str, minutes: int, case_numbers=()) -> AgendaItem:
    session = _lock(session)
    _require_editable(session)
    if module_for(module).uses_cases and not case_numbers:
        case_numbers = library(session).case_numbers()[:1]
    return AgendaItem.objects.create(
        session=session,
        position=session.agenda_items.count(),
        module=module,
        minutes=minutes,
        case_numbers=_clean_cases(session, module, case_numbers),
    )


@transaction.atomic
def agenda_item_update(*, item, minutes: int, case_numbers=()) -> AgendaItem:
    session = _lock(item.session)
    _require_editable(session)
    item.minutes = minutes
    item.case_numbers = _clean_cases(session, item.module, case_numbers)
    item.save(update_fields=["minutes", "case_numbers"])
    return item


@transaction.atomic
def agenda_item_remove(*, item):
    session = _lock(item.session)
    _require_editable(session)
    item.delete()
    _renumber(session)


@transaction.atomic
def agenda_item_move(*, item, offset: int):
    session = _lock(item.session)
    _require_editable(session)
    items = list(session.agenda_items.order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + offset
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items):
            AgendaItem.objects.filter(pk=other.pk).update(position=position)


# --- State machine ------------------------------------------------------------------------------------------


def _bump(session, fields: list[str]):
    session.version += 1
    session.save(update_fields=[*fields, "version"])


def _pin_conversation_model(session, fields: list[str]) -> None:
    """From now on the session works with the conversation model's current version, whatever is published."""
    if session.conversation_model_id is None:
        session.conversation_model = conversation_model_ensure_default(municipality=session.municipality)
        fields.append("conversation_model")


@transaction.atomic
def session_open(*, session) -> WorkshopSession:
    """Participants can join. The session is pinned to the current version of the conversation model."""
    session = _lock(session)
    if session.status != SessionStatus.DRAFT:
        raise WorkshopError(_("Alleen een concept kan worden geopend voor aanmelden."))
    if not session.agenda_items.exists():
        raise WorkshopError(_("Zet eerst ten minste één onderdeel op de agenda."))
    session.status = SessionStatus.OPEN
    session.opened_at = timezone.now()
    fields = ["status", "opened_at"]
    _pin_conversation_model(session, fields)
    _bump(session, fields)
    return session


@transaction.atomic
def session_start(*, session) -> WorkshopSession:
    session = _lock(session)
    if session.status != SessionStatus.OPEN:
        raise WorkshopError(_("Open de bijeenkomst eerst voor aanmelden."))
    session.status = SessionStatus.RUNNING
    session.started_at = timezone.now()
    fields = ["status", "started_at"]
    _pin_conversation_model(session, fields)  # opened before sessions were pinned
    _enter(session, 0, fields)
    return session


def _enter(session, position: int, fields=()):
    session.current_position = position
    session.step = 0
    session.revealed = False
    session.module_started_at = timezone.now()
    _bump(session, [*fields, "current_position", "step", "revealed", "module_started_at"])
    item = session.agenda_items.get(position=position)
    if module_for(item.module).forms_groups:
        _form_groups(item)


def _require_running(session):
    if session.status != SessionStatus.RUNNING:
        raise WorkshopError(_("De bijeenkomst is niet bezig."))


@transaction.atomic
def session_next(*, session) -> WorkshopSession:
    session = _lock(session)
    _require_running(session)
    if session.current_position + 1 >= session.agenda_items.count():
        raise WorkshopError(_("Dit is het laatste onderdeel. Rond de bijeenkomst af."))
    _enter(session, session.current_position + 1)
    return session


@transaction.atomic
def session_previous(*, session) -> WorkshopSession:
    session = _lock(session)
    _require_running(session)
    if session.current_position == 0:
        raise WorkshopError(_("Dit is het eerste onderdeel."))
    _enter(session, session.current_position - 1)
    return session


@transaction.atomic
def session_step(*, session, offset: int) -> WorkshopSession:
    """Next or previous dialogue (spot the pitfall) or role-play round."""
    session = _lock(session)
    _require_running(session)
    item = session.agenda_items.get(position=session.current_position)
    target = session.step + offset
    if not 0 <= target < module_for(item.module).step_count:
        raise WorkshopError(_("Er is geen volgende of vorige stap in dit onderdeel."))
    session.step = target
    session.revealed = False
    _bump(session, ["step", "revealed"])
    return session


@transaction.atomic
def session_reveal(*, session) -> WorkshopSession:
    """Show the explanation of the current dialogue to everyone."""
    session = _lock(session)
    _require_running(session)
    session.revealed = True
    _bump(session, ["revealed"])
    return session


@transaction.atomic
def session_finish(*, session) -> WorkshopSession:
    session = _lock(session)
    if session.status not in (SessionStatus.OPEN, SessionStatus.RUNNING):
        raise WorkshopError(_("Alleen een geopende of lopende bijeenkomst kan worden afgerond."))
    session.status = SessionStatus.FINISHED
    session.finished_at = timezone.now()
    _bump(session, ["status", "finished_at"])
    return session


# --- Participants and groups --------------------------------------------------------------------------------


@transaction.atomic
def participant_join(*, session, display_name: str) -> Participant:
    session = _lock(session)
    if session.status not in (SessionStatus.OPEN, SessionStatus.RUNNING):
        raise WorkshopError(_("U kunt nu niet meedoen aan deze bijeenkomst."))
    participant = Participant.objects.create(session=session, display_name=display_name.strip()[:60])
    if session.status == SessionStatus.RUNNING:
        item = session.agenda_items.get(position=session.current_position)
        if module_for(item.module).forms_groups:
            groups = item.groups or []
            if groups:
                min(groups, key=len).append(participant.pk)
            else:
                groups = [[participant.pk]]
            item.groups = groups
            item.save(update_fields=["groups"])
    return participant


def _form_groups(item):
    ids = list(item.session.participants.order_by("joined_at", "pk").values_list("pk", flat=True))
    if item.groups:  # back to a module that already had groups: keep them, add who is new
        grouped = {pk for group in item.groups for pk in group}
        for pk in ids:
            if pk not in grouped:
                min(item.groups, key=len).append(pk)
        item.save(update_fields=["groups"])
        return
    groups = module_for(item.module).groups_for(ids)
    item.groups = [group for group in groups if group]
    item.save(update_fields=["groups"])


# --- Submissions --------------------------------------------------------------------------------------------


def _current_item(participant, module) -> AgendaItem:
    session = participant.session
    session.refresh_from_db(fields=["status", "current_position", "step", "revealed", "version"])
    if session.status != SessionStatus.RUNNING:
        raise WorkshopError(_("Deze bijeenkomst is niet bezig; uw antwoord is niet opgeslagen."))
    item = session.agenda_items.get(position=session.current_position)
    if item.module != module:
        raise WorkshopError(_("De trainer is al naar een ander onderdeel gegaan; uw antwoord is niet opgeslagen."))
    return item


def _save(*, item, participant, kind, key="", text="", data=None, subject=None, group=None) -> Contribution:
    contribution, _created = Contribution.objects.update_or_create(
        agenda_item=item,
        participant=participant,
        kind=kind,
        key=str(key),
        defaults={"session": item.session, "text": text, "data": data or {}, "subject": subject, "group": group},
    )
    return contribution


def group_index(item, participant) -> int | None:
    for index, members in enumerate(item.groups or []):
        if participant.pk in members:
            return index
    return None


def group_case(item, index: int | None) -> int:
    cases = item.case_numbers or [1]
    return cases[(index or 0) % len(cases)]


@transaction.atomic
def case_answers_submit(*, participant, answers: dict[int, str]) -> list[Contribution]:
    item = _current_item(participant, Module.CASES)
    index = group_index(item, participant)
    case = group_case(item, index)
    saved = []
    for question, text in answers.items():
        if text.strip():
            saved.append(
                _save(
                    item=item,
                    participant=participant,
                    kind=ContributionKind.CASE_ANSWER,
                    key=f"{case}-{question}",
                    text=text.strip(),
                    data={"case": case, "question": question},
                    group=index,
                )
            )
    if not saved:
        raise WorkshopError(_("Vul ten minste één antwoord in."))
    return saved


@transaction.atomic
def pitfalls_pick(*, participant, pitfalls: list[str]) -> Contribution:
    item = _current_item(participant, Module.PITFALLS)
    offered = library(participant.session).pitfall_keys()
    valid = [key for key in pitfalls if key in offered]
    if not valid:
        raise WorkshopError(_("Kies ten minste één valkuil."))
    dialogue = DIALOGUES[participant.session.step]
    return _save(
        item=item,
        participant=participant,
        kind=ContributionKind.PITFALL_PICK,
        key=dialogue.key,
        data={"pitfalls": valid},
    )


def roleplay_roles(item, round_index: int) -> list[dict]:
    """Per group: who plays the resident, the civil servant and who observes in this round."""
    result = []
    for members in item.groups or []:
        size = len(members)
        roles = {}
        for offset, pk in enumerate(members):
            position = (offset - round_index) % size
            roles[pk] = (
                RoleplayRole.RESIDENT
                if position == 0
                else RoleplayRole.CIVIL_SERVANT
                if position == 1
                else RoleplayRole.OBSERVER
            )
        if size == 1:
            roles[members[0]] = RoleplayRole.CIVIL_SERVANT
        result.append(roles)
    return result


@transaction.atomic
def observation_submit(*, participant, ticked: list[int], feedback: str) -> Contribution:
    item = _current_item(participant, Module.ROLEPLAY)
    round_index = participant.session.step
    index = group_index(item, participant)
    if index is None:
        raise WorkshopError(_("U zit nog niet in een groepje. Vraag de trainer om hulp."))
    roles = roleplay_roles(item, round_index)[index]
    if roles.get(participant.pk) != RoleplayRole.OBSERVER:
        raise WorkshopError(_("In deze ronde bent u geen observator."))
    subject_pk = next(pk for pk, role in roles.items() if role == RoleplayRole.CIVIL_SERVANT)
    during = {entry["number"] for entry in library(participant.session).during}
    ticked = sorted({int(n) for n in ticked if int(n) in during})
    if not ticked and not feedback.strip():
        raise WorkshopError(_("Vink iets aan of schrijf feedback."))
    return _save(
        item=item,
        participant=participant,
        kind=ContributionKind.OBSERVATION,
        key=str(round_index),
        text=feedback.strip(),
        data={"ticked": ticked},
        subject=Participant.objects.get(pk=subject_pk),
        group=index,
    )


@transaction.atomic
def factor_add(*, participant, text: str = "", source_key: str = "") -> BoardFactor:
    item = _current_item(participant, Module.FACTORS)
    sources = library(participant.session)
    if source_key and source_key not in sources.factor_keys():
        source_key = ""
    text = text.strip() or (sources.factor_title(source_key) if source_key else "")
    if not text:
        raise WorkshopError(_("Schrijf een succesfactor of kies er een."))
    return BoardFactor.objects.create(agenda_item=item, participant=participant, text=text[:200], source_key=source_key)


def _root(factor) -> BoardFactor:
    seen = set()
    while factor.merged_into_id and factor.pk not in seen:
        seen.add(factor.pk)
        factor = factor.merged_into
    return factor


@transaction.atomic
def factor_vote(*, participant, factor) -> bool:
    """Toggle a vote; True when the participant now votes for it. At most MAX_VOTES votes each."""
    item = _current_item(participant, Module.FACTORS)
    factor = _root(factor)
    if factor.agenda_item_id != item.pk:
        raise WorkshopError(_("Deze succesfactor hoort niet bij dit bord."))
    existing = FactorVote.objects.filter(factor=factor, participant=participant)
    if existing.exists():
        existing.delete()
        return False
    if FactorVote.objects.filter(participant=participant, factor__agenda_item=item).count() >= MAX_VOTES:
        raise WorkshopError(_("U heeft al %(count)s stemmen uitgebracht. Trek er eerst een in.") % {"count": MAX_VOTES})
    try:
        with transaction.atomic():
            FactorVote.objects.create(factor=factor, participant=participant)
    except IntegrityError:
        pass
    return True


@transaction.atomic
def factor_merge(*, source, target) -> BoardFactor:
    """The group says two factors are the same: `source` joins `target`, and its votes move along."""
    session = _lock(source.agenda_item.session)
    _require_running(session)
    target = _root(target)
    if source.pk == target.pk or source.agenda_item_id != target.agenda_item_id:
        raise WorkshopError(_("Kies twee verschillende succesfactoren van hetzelfde bord."))
    for vote in list(source.votes.all()):
        if FactorVote.objects.filter(factor=target, participant_id=vote.participant_id).exists():
            vote.delete()
        else:
            vote.factor = target
            vote.save(update_fields=["factor"])
    BoardFactor.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    return target  # no version bump: participants typing a factor must not lose their text


@transaction.atomic
def ladder_place(*, participant, rung: str, explanation: str) -> Contribution:
    item = _current_item(participant, Module.LADDER)
    if rung not in library(participant.session).role_keys():
        raise WorkshopError(_("Kies een rol op de ladder."))
    case = group_case(item, 0)
    return _save(
        item=item,
        participant=participant,
        kind=ContributionKind.LADDER,
        key=str(case),
        text=explanation.strip(),
        data={"rung": rung, "case": case},
    )


@transaction.atomic
def checklist_save(
    *, participant, items: list[dict], own_points: list[str], include_factors: bool = True
) -> Contribution:
    """The personal checklist: each standard point kept, dropped or reworded, plus own points.

    Points are saved by their number in the session's pinned conversation-model version (stable for the whole
    session), with the checklist item's key beside it so the saved row also names the point on its own.
    """
    item = _current_item(participant, Module.CHECKLIST)
    standard = library(participant.session).checklist_by_number
    cleaned = []
    for entry in items:
        number = int(entry["number"])
        if number not in standard:
            continue
        text = (entry.get("text") or "").strip()[:300] or standard[number]["text"]
        kept = bool(entry.get("kept"))
        cleaned.append({"number": number, "key": standard[number]["key"], "kept": kept, "text": text})
    own = [point.strip()[:300] for point in own_points if point.strip()][:20]
    if not any(entry["kept"] for entry in cleaned) and not own:
        raise WorkshopError(_("Uw checklist is leeg. Houd ten minste één punt over of voeg er een toe."))
    return _save(
        item=item,
        participant=participant,
        kind=ContributionKind.CHECKLIST,
        data={"items": cleaned, "own": own, "include_factors": include_factors},
    )


# --- After the session --------------------------------------------------------------------------------------


def names_prune(*, days: int, now=None, dry_run: bool = False) -> list[WorkshopSession]:
    """Remove participants' display names from sessions that ended more than `days` days ago."""
    now = now or timezone.now()
    cutoff = now - timezone.timedelta(days=days)
    due = [
        session
        for session in WorkshopSession.objects.filter(names_removed_at__isnull=True)
        .annotate(named=Count("participants"))
        .select_related("municipality")
        if (session.finished_at or _day_end(session.date)) < cutoff
    ]
    if dry_run:
        return due
    for session in due:
        with transaction.atomic():
            session.participants.exclude(display_name="").update(display_name="", name_removed_at=now)
            session.names_removed_at = now
            session.save(update_fields=["names_removed_at"])
            processing_record(municipality=session.municipality, actor=None, activity=Activity.WORKSHOP_NAMES_REMOVE)
    return due


def _day_end(day):
    return timezone.make_aware(datetime.combine(day, time.max))


# --- Requests for a workshop, training or coaching ---------------------------------------------------------


@transaction.atomic
def workshop_request_submit(*, municipality, **data) -> WorkshopRequest:
    return WorkshopRequest.objects.create(municipality=municipality, **data)


@transaction.atomic
def workshop_request_handle(*, workshop_request, actor) -> WorkshopRequest:
    workshop_request.handled_at = timezone.now()
    workshop_request.handled_by = actor
    workshop_request.save(update_fields=["handled_at", "handled_by"])
    processing_record(
        municipality=workshop_request.municipality, actor=actor, activity=Activity.WORKSHOP_REQUEST_HANDLE
    )
    return workshop_request
