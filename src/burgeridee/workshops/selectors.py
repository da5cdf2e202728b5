"""Reads for the live workshop: sessions scoped to a municipality, and every module's aggregate."""

from collections import Counter

from django.db.models import Count
from django.http import Http404
from django.utils import timezone

from burgeridee.conversations.constants import Moment

from .constants import (
    CASE_QUESTIONS,
    CODE_ALPHABET,
    MAX_VOTES,
    TOP_FACTORS,
    ContributionKind,
    RoleplayRole,
    SessionStatus,
)
from .dialogues import DIALOGUES, DIALOGUES_BY_KEY
from .models import AgendaItem, BoardFactor, Contribution, FactorVote, Participant, WorkshopRequest, WorkshopSession
from .services import group_case, group_index, roleplay_roles
from .sources import checklist_section_title, library


def session_list(*, municipality):
    return WorkshopSession.objects.filter(municipality=municipality).annotate(
        participant_count=Count("participants", distinct=True)
    )


def session_get(*, municipality, pk) -> WorkshopSession:
    session = (
        WorkshopSession.objects.filter(municipality=municipality, pk=pk)
        .select_related("municipality", "conversation_model")
        .first()
    )
    if session is None:
        raise Http404
    return session


def normalize_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def session_get_by_code(*, code: str) -> WorkshopSession | None:
    code = normalize_code(code)
    if not code or any(ch not in CODE_ALPHABET for ch in code):
        return None
    # The code is unique: no ORDER BY (`.first()` would order by the model's ordering, and Django then hashes every
    # selected column of the session, its municipality and its conversation model to match it).
    sessions = WorkshopSession.objects.filter(code=code).select_related("municipality", "conversation_model")
    return next(iter(sessions.order_by()[:1]), None)


def participant_get(*, session, pk) -> Participant | None:
    if not pk:
        return None
    # By primary key: no ORDER BY needed. participant.session is this same object.
    return next(iter(session.participants.filter(pk=pk).order_by()[:1]), None)


def agenda(*, session) -> list[AgendaItem]:
    return list(session.agenda_items.order_by("position"))


def current_item(*, session) -> AgendaItem | None:
    if session.status != SessionStatus.RUNNING or session.current_position is None:
        return None
    return session.agenda_items.filter(position=session.current_position).first()


def timer(*, session, item, now=None) -> dict:
    """Planned minutes against the time spent on the current item."""
    now = now or timezone.now()
    planned = item.minutes * 60
    elapsed = int((now - session.module_started_at).total_seconds()) if session.module_started_at else 0
    remaining = planned - elapsed
    return {
        "planned_minutes": item.minutes,
        "remaining": max(remaining, 0),
        "over": max(-remaining, 0),
        "label": f"{max(remaining, 0) // 60}:{max(remaining, 0) % 60:02d}",
        "over_label": f"{max(-remaining, 0) // 60}:{max(-remaining, 0) % 60:02d}",
    }


def bars(rows: list[tuple], total: int | None = None) -> list[dict]:
    """Rows (key, label, count[, extra]) as bar data: percentages of the largest count (or of `total`)."""
    top = total if total else max((row[2] for row in rows), default=0)
    return [
        {
            "key": row[0],
            "label": row[1],
            "count": row[2],
            "extra": row[3] if len(row) > 3 else None,
            "percent": round(100 * row[2] / top) if top else 0,
        }
        for row in rows
    ]


# --- Module 2: cases in groups ------------------------------------------------------------------------------


def participant_case(*, item, participant) -> dict:
    index = group_index(item, participant)
    case = library(item.session).case_card(group_case(item, index))
    members = []
    if index is not None:
        by_pk = {p.pk: p for p in Participant.objects.filter(pk__in=item.groups[index])}
        members = [by_pk[pk].label for pk in item.groups[index] if pk in by_pk]
    own = {
        c.data.get("question"): c.text
        for c in Contribution.objects.filter(
            agenda_item=item, participant=participant, kind=ContributionKind.CASE_ANSWER
        )
    }
    return {"group": (index or 0) + 1, "case": case, "members": members, "answers": own}


def case_answers(*, item) -> list[dict]:
    """Per case: the card and the collected answers per question."""
    contributions = Contribution.objects.filter(agenda_item=item, kind=ContributionKind.CASE_ANSWER)
    sources = library(item.session)
    result = []
    for number in item.case_numbers:
        questions = []
        for index, question in enumerate(CASE_QUESTIONS, start=1):
            texts = [c.text for c in contributions if c.data.get("case") == number and c.data.get("question") == index]
            questions.append({"number": index, "question": str(question), "answers": texts})
        result.append({"case": sources.case_card(number), "questions": questions})
    return result


# --- Module 3: spot the pitfall -----------------------------------------------------------------------------


def pitfall_results(*, item, dialogue_key: str) -> dict:
    dialogue = DIALOGUES_BY_KEY[dialogue_key]
    sources = library(item.session)
    picks = Contribution.objects.filter(agenda_item=item, kind=ContributionKind.PITFALL_PICK, key=dialogue_key)
    counter = Counter()
    respondents = 0
    for pick in picks:
        respondents += 1
        counter.update(pick.data.get("pitfalls", []))
    keys = [key for key in sources.pitfall_keys() if counter[key] or key in dialogue.answer]
    # Picked or meant as the answer, but switched off in the library since: still counted and named.
    keys += [key for key in dict.fromkeys([*dialogue.answer, *counter]) if key not in keys]
    rows = [(key, sources.pitfall_label(key), counter[key], key in dialogue.answer) for key in keys]
    return {
        "dialogue": dialogue,
        "respondents": respondents,
        "bars": bars(rows, total=respondents),
        "answer": [(key, sources.pitfall_title(key), sources.pitfall_better(key)) for key in dialogue.answer],
    }


def pitfall_dialogues(*, session, item, every_dialogue: bool = False) -> list[dict]:
    """The results per dialogue. While this agenda item runs, only the dialogue on screen; every dialogue when
    it does not run (the review of a finished session) or when the caller asks for `every_dialogue` (the report).
    """
    on_screen = not every_dialogue and session.current_position == item.position and not session.is_finished
    keys = [DIALOGUES[session.step].key] if on_screen else [dialogue.key for dialogue in DIALOGUES]
    return [pitfall_results(item=item, dialogue_key=key) for key in keys]


def own_pitfall_pick(*, item, participant, dialogue_key: str) -> list[str]:
    pick = Contribution.objects.filter(
        agenda_item=item, participant=participant, kind=ContributionKind.PITFALL_PICK, key=dialogue_key
    ).first()
    return pick.data.get("pitfalls", []) if pick else []


# --- Module 4: role-play in threes --------------------------------------------------------------------------


def roleplay_assignment(*, item, participant, round_index: int) -> dict | None:
    index = group_index(item, participant)
    if index is None:
        return None
    roles = roleplay_roles(item, round_index)[index]
    people = {p.pk: p for p in Participant.objects.filter(pk__in=roles)}
    return {
        "group": index + 1,
        "role": roles[participant.pk],
        "role_label": RoleplayRole(roles[participant.pk]).label,
        "members": [
            {"label": people[pk].label, "role": RoleplayRole(role).label, "is_me": pk == participant.pk}
            for pk, role in roles.items()
            if pk in people
        ],
    }


def during_checklist(*, session) -> list[dict]:
    """The "during" points of the session's checklist: what an observer ticks in the role-play."""
    return library(session).during


def observation_summary(*, item) -> dict:
    """How many observations came in, and which points of the checklist the observers saw done."""
    observations = list(Contribution.objects.filter(agenda_item=item, kind=ContributionKind.OBSERVATION))
    counter = Counter()
    for observation in observations:
        counter.update(observation.data.get("ticked", []))
    during = during_checklist(session=item.session)
    rows = [(entry["number"], entry["text"], counter[entry["number"]]) for entry in during]
    return {
        "count": len(observations),
        "groups": len(item.groups or []),
        "bars": bars(rows, total=len(observations)),
    }


def feedback_received(*, item, participant) -> list[dict]:
    during = during_checklist(session=item.session)
    return [
        {
            "round": int(c.key) + 1,
            "text": c.text,
            "ticked": [entry["text"] for entry in during if entry["number"] in c.data.get("ticked", [])],
        }
        for c in Contribution.objects.filter(agenda_item=item, subject=participant, kind=ContributionKind.OBSERVATION)
    ]


def own_observation(*, item, participant, round_index: int) -> Contribution | None:
    return Contribution.objects.filter(
        agenda_item=item, participant=participant, kind=ContributionKind.OBSERVATION, key=str(round_index)
    ).first()


# --- Module 5: success-factor board -------------------------------------------------------------------------


def factor_board(*, item, participant=None) -> list[dict]:
    factors = (
        BoardFactor.objects.filter(agenda_item=item, merged_into__isnull=True)
        .annotate(vote_count=Count("votes", distinct=True), merged_count=Count("merged", distinct=True))
        .order_by("-vote_count", "created_at", "pk")
    )
    mine = set()
    if participant is not None:
        mine = set(
            FactorVote.objects.filter(participant=participant, factor__agenda_item=item).values_list(
                "factor_id", flat=True
            )
        )
    return [
        {
            "pk": f.pk,
            "text": f.text,
            "source_key": f.source_key,
            "votes": f.vote_count,
            "merged": f.merged_count,
            "voted": f.pk in mine,
        }
        for f in factors
    ]


def board_factor(*, session, pk: int) -> BoardFactor | None:
    """A factor on one of this session's boards (merged ones included), or None."""
    return BoardFactor.objects.filter(agenda_item__session=session, pk=pk).first()


def votes_left(*, item, participant) -> int:
    return MAX_VOTES - FactorVote.objects.filter(participant=participant, factor__agenda_item=item).count()


def top_factors(*, session, limit: int = TOP_FACTORS) -> list[str]:
    """The group's top success factors (with at least one vote) over the session's boards."""
    factors = (
        BoardFactor.objects.filter(agenda_item__session=session, merged_into__isnull=True)
        .annotate(vote_count=Count("votes"))
        .filter(vote_count__gt=0)
        .order_by("-vote_count", "created_at", "pk")[:limit]
    )
    return [f.text for f in factors]


# --- Module 6: my role --------------------------------------------------------------------------------------


def ladder_spread(*, item) -> dict:
    places = list(Contribution.objects.filter(agenda_item=item, kind=ContributionKind.LADDER))
    counter = Counter(p.data.get("rung") for p in places)
    sources = library(item.session)
    keys = sources.role_keys()
    keys += [key for key in counter if key and key not in keys]  # placed earlier, switched off since
    rows = [(key, sources.role_title(key), counter[key]) for key in keys]
    return {
        "case": sources.case_card(group_case(item, 0)),
        "count": len(places),
        "bars": bars(rows, total=len(places)),
        "reasons": [{"rung": sources.role_title(p.data.get("rung", "")), "text": p.text} for p in places if p.text],
    }


def own_ladder_place(*, item, participant) -> Contribution | None:
    return Contribution.objects.filter(agenda_item=item, participant=participant, kind=ContributionKind.LADDER).first()


# --- Module 7: my checklist ---------------------------------------------------------------------------------


def saved_checklist(*, session, participant) -> Contribution | None:
    return Contribution.objects.filter(
        session=session, participant=participant, kind=ContributionKind.CHECKLIST
    ).first()


def checklist_form_rows(*, session, participant) -> list[dict]:
    """The standard checklist with the participant's saved choices laid over it."""
    saved = saved_checklist(session=session, participant=participant)
    choices = {entry["number"]: entry for entry in (saved.data.get("items", []) if saved else [])}
    rows = []
    for entry in library(session).checklist:
        choice = choices.get(entry["number"])
        rows.append(
            {
                **entry,
                "kept": choice["kept"] if choice else True,
                "current": choice["text"] if choice else entry["text"],
            }
        )
    return rows


def personal_checklist(*, session, participant) -> dict | None:
    """What goes into the participant's PDF: kept points per section, own points, the group's top factors."""
    saved = saved_checklist(session=session, participant=participant)
    if saved is None:
        return None
    standard = library(session).checklist_by_number
    sections = {}
    for entry in saved.data.get("items", []):
        if entry.get("kept") and entry["number"] in standard:
            section = standard[entry["number"]]["section"]
            sections.setdefault(section, []).append(
                {"text": entry["text"], "reworded": entry["text"] != standard[entry["number"]]["text"]}
            )
    return {
        "sections": [
            {"key": key, "title": checklist_section_title(key), "items": sections[key]}
            for key in Moment.values
            if key in sections
        ],
        "own": saved.data.get("own", []),
        "factors": top_factors(session=session) if saved.data.get("include_factors") else [],
    }


def checklist_summary(*, item) -> dict:
    saved = list(Contribution.objects.filter(agenda_item=item, kind=ContributionKind.CHECKLIST))
    dropped = Counter()
    reworded = Counter()
    standard = library(item.session).checklist_by_number
    for contribution in saved:
        for entry in contribution.data.get("items", []):
            if not entry.get("kept"):
                dropped[entry["number"]] += 1
            elif entry["number"] in standard and entry["text"] != standard[entry["number"]]["text"]:
                reworded[entry["number"]] += 1
    return {
        "count": len(saved),
        "dropped": bars([(n, standard[n]["text"], c) for n, c in dropped.most_common(5)], total=len(saved)),
        "reworded": bars([(n, standard[n]["text"], c) for n, c in reworded.most_common(5)], total=len(saved)),
        "own_points": sum(len(c.data.get("own", [])) for c in saved),
    }


# --- Presenter and export -----------------------------------------------------------------------------------


def participant_count(*, session) -> int:
    return session.participants.count()


def contributions_for_export(*, session):
    return (
        Contribution.objects.filter(session=session)
        .select_related("agenda_item", "participant", "subject")
        .order_by("agenda_item__position", "created_at", "pk")
    )


def factors_for_export(*, session):
    return (
        BoardFactor.objects.filter(agenda_item__session=session)
        .select_related("agenda_item", "participant", "merged_into")
        .annotate(vote_count=Count("votes"))
        .order_by("agenda_item__position", "created_at", "pk")
    )


def workshop_requests_open(*, municipality):
    return WorkshopRequest.objects.filter(municipality=municipality, handled_at__isnull=True)
