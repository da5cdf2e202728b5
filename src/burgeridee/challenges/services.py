"""Everything that changes the right to challenge: the municipality's settings (audited), a challenge and its
route. Keyword-only, atomic, a time-line event per step on the challenge's initiative."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.core.dates import local_date
from burgeridee.deadlines.constants import FollowUpKind
from burgeridee.deadlines.services import follow_up_create
from burgeridee.handovers.services import handover_ask
from burgeridee.initiatives.constants import LIFE_CYCLE, Phase, StopReason
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import (
    ActionRefused,
    Submitted,
    initiative_phase_change,
    initiative_submit,
    message_to_resident,
    reference_next,
)
from burgeridee.municipalities.models import Municipality
from burgeridee.records.services import event_record

from .constants import GRANTING_DECISIONS, Channel, Decision
from .defaults import DEFAULT_CRITERIA
from .models import (
    Challenge,
    ChallengeCriterion,
    ChallengeSettings,
    ChallengeTask,
    CriterionAssessment,
    MonitoringMoment,
    SettingsChange,
)

# --- The municipality's settings (functional administrator) -------------------------------------------------


def settings_get_or_default(*, municipality: Municipality) -> ChallengeSettings:
    """The stored settings, or unsaved defaults (off) when the administrator never set them. Writes nothing."""
    return ChallengeSettings.objects.filter(municipality=municipality).first() or ChallengeSettings(
        municipality=municipality
    )


def _audit(*, municipality, actor, what: str, changes: dict, now) -> None:
    if not changes:
        return
    SettingsChange.objects.create(
        municipality=municipality,
        actor=actor,
        actor_label=(actor.get_full_name() or actor.get_username()) if actor else "",
        at=now,
        what=what,
        changes=changes,
    )


def _diff(instance, values: dict) -> dict:
    changes = {}
    for name, value in values.items():
        old = getattr(instance, name)
        if old != value:
            changes[name] = [_jsonable(old), _jsonable(value)]
    return changes


def _jsonable(value):
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "pk"):
        return str(value)
    return str(value)


@transaction.atomic
def challenge_settings_update(
    *, municipality: Municipality, actor, is_enabled: bool, bylaw_text: str, bylaw_url: str, decision_weeks: int
) -> ChallengeSettings:
    """Save the bylaw's settings; the change is audited (who, when, old and new value)."""
    current, _created = ChallengeSettings.objects.select_for_update().get_or_create(municipality=municipality)
    values = {
        "is_enabled": is_enabled,
        "bylaw_text": bylaw_text,
        "bylaw_url": bylaw_url,
        "decision_weeks": decision_weeks,
    }
    changes = _diff(current, values)
    for name, value in values.items():
        setattr(current, name, value)
    current.save()
    _audit(municipality=municipality, actor=actor, what="instellingen", changes=changes, now=timezone.now())
    return current


@transaction.atomic
def task_save(
    *,
    municipality: Municipality,
    actor,
    task: ChallengeTask | None = None,
    title: str,
    description: str,
    department=None,
    cost: str = "",
    quality: str = "",
    public_url: str = "",
    is_active: bool = True,
) -> ChallengeTask:
    """Add a challengeable task, or change one; audited."""
    if department is not None and department.municipality_id != municipality.pk:
        raise ActionRefused(_("Deze afdeling hoort niet bij deze gemeente."))
    values = {
        "title": title,
        "description": description,
        "department": department,
        "cost": cost,
        "quality": quality,
        "public_url": public_url,
        "is_active": is_active,
    }
    if task is None:
        last = ChallengeTask.objects.filter(municipality=municipality).order_by("-order").first()
        task = ChallengeTask(municipality=municipality, order=(last.order + 1) if last else 1)
        changes = {name: [None, _jsonable(value)] for name, value in values.items()}
        what = "taak toegevoegd"
    else:
        if task.municipality_id != municipality.pk:
            raise ActionRefused(_("Deze taak hoort niet bij deze gemeente."))
        changes = _diff(task, values)
        what = "taak gewijzigd"
    for name, value in values.items():
        setattr(task, name, value)
    task.save()
    _audit(
        municipality=municipality, actor=actor, what=what, changes={"taak": task.title, **changes}, now=timezone.now()
    )
    return task


def criteria_ensure_default(*, municipality: Municipality) -> list[ChallengeCriterion]:
    """The municipality's criteria; the first time, the usual five (BRIEF §0) from defaults.py."""
    criteria = list(ChallengeCriterion.objects.filter(municipality=municipality))
    if criteria:
        return criteria
    with transaction.atomic():
        ChallengeCriterion.objects.bulk_create(
            [
                ChallengeCriterion(municipality=municipality, key=key, title=title, explanation=text, order=n)
                for n, (key, title, text) in enumerate(DEFAULT_CRITERIA, start=1)
            ],
            ignore_conflicts=True,
        )
    return list(ChallengeCriterion.objects.filter(municipality=municipality))


@transaction.atomic
def criterion_update(
    *, criterion: ChallengeCriterion, actor, title: str, explanation: str, is_active: bool
) -> ChallengeCriterion:
    values = {"title": title, "explanation": explanation, "is_active": is_active}
    changes = _diff(criterion, values)
    for name, value in values.items():
        setattr(criterion, name, value)
    criterion.save()
    _audit(
        municipality=criterion.municipality,
        actor=actor,
        what="beoordelingspunt gewijzigd",
        changes={"punt": criterion.key, **changes} if changes else {},
        now=timezone.now(),
    )
    return criterion


@transaction.atomic
def criterion_add(*, municipality: Municipality, actor, title: str, explanation: str) -> ChallengeCriterion:
    criteria_ensure_default(municipality=municipality)
    existing = set(ChallengeCriterion.objects.filter(municipality=municipality).values_list("key", flat=True))
    number = len(existing) + 1
    while f"punt-{number}" in existing:
        number += 1
    criterion = ChallengeCriterion.objects.create(
        municipality=municipality, key=f"punt-{number}", title=title, explanation=explanation, order=number
    )
    _audit(
        municipality=municipality,
        actor=actor,
        what="beoordelingspunt toegevoegd",
        changes={"punt": criterion.key, "title": [None, title], "explanation": [None, explanation]},
        now=timezone.now(),
    )
    return criterion


# --- A challenge ------------------------------------------------------------------------------------------


class ChallengeNotOpen(ActionRefused):
    """This municipality's bylaw does not grant the right to challenge (or the administrator turned it off)."""


def _require_enabled(municipality: Municipality) -> ChallengeSettings:
    current = settings_get_or_default(municipality=municipality)
    if not current.is_enabled:
        raise ChallengeNotOpen(_("Deze gemeente kent (nog) geen uitdaagrecht."))
    return current


def challenge_submit(
    *,
    municipality: Municipality,
    task: ChallengeTask | None,
    other_task: str = "",
    submission_key: str | None = None,
    now: datetime | None = None,
    **idea,
) -> Submitted:
    """A resident challenges a task: an initiative (through initiative_submit, so the inbox, first-contact
    date, status link and confirmation all work) with a challenge on it. A repeated form stores nothing new.

    The reference number is taken before the transaction (as `initiative_submit` does), so the year's counter
    is not locked while the challenge is saved."""
    _require_enabled(municipality)
    if task is not None and (task.municipality_id != municipality.pk or not task.is_active):
        raise ActionRefused(_("Deze taak kunt u niet uitdagen."))
    if task is None and not other_task.strip():
        raise ActionRefused(_("Kies een taak of beschrijf de taak die u wilt overnemen."))
    now = now or timezone.now()
    reference = reference_next(year=local_date(now).year)
    with transaction.atomic():
        submitted = initiative_submit(
            municipality=municipality, submission_key=submission_key, now=now, reference=reference, **idea
        )
        if submitted.token is None:  # the same form again: the challenge was stored the first time
            return submitted
        challenge = Challenge.objects.create(
            initiative=submitted.initiative,
            municipality=municipality,
            task=task,
            other_task="" if task else other_task.strip(),
            channel=Channel.FORM,
            received_at=now,
        )
        event_record(
            initiative=submitted.initiative,
            kind="uitdaging_ontvangen",
            data={"challenge_id": challenge.pk, "task": challenge.task_title},
            at=now,
        )
        return submitted


@transaction.atomic
def challenge_convert(
    *,
    initiative: Initiative,
    actor,
    resident_agreement: str,
    task: ChallengeTask | None = None,
    other_task: str = "",
) -> Challenge:
    """The contact person turns an ordinary idea into a challenge, after the resident agreed (recorded)."""
    _require_enabled(initiative.municipality)
    initiative = Initiative.objects.select_for_update().select_related("municipality").get(pk=initiative.pk)
    if initiative.contact_person_id != getattr(actor, "pk", None):
        raise ActionRefused(_("Alleen de contactpersoon van dit idee kan het omzetten in een uitdaging."))
    if initiative.is_closed:
        raise ActionRefused(_("Dit idee is afgesloten."))
    if Challenge.objects.filter(initiative=initiative).exists():
        raise ActionRefused(_("Dit idee is al een uitdaging."))
    if not resident_agreement.strip():
        raise ActionRefused(_("Schrijf op hoe en wanneer de bewoner instemde."))
    if task is not None and task.municipality_id != initiative.municipality_id:
        raise ActionRefused(_("Deze taak hoort niet bij deze gemeente."))
    if task is None and not other_task.strip():
        raise ActionRefused(_("Kies een taak of beschrijf de taak die de bewoners willen overnemen."))
    now = timezone.now()
    challenge = Challenge.objects.create(
        initiative=initiative,
        municipality=initiative.municipality,
        task=task,
        other_task="" if task else other_task.strip(),
        channel=Channel.CONVERTED,
        received_at=now,
        resident_agreement=resident_agreement.strip(),
    )
    event_record(
        initiative=initiative,
        kind="uitdaging_omgezet",
        actor=actor,
        data={"challenge_id": challenge.pk, "task": challenge.task_title},
        at=now,
    )
    # The resident agreed; the message says what changes, so the new steps on the status page are no surprise.
    message_to_resident(
        initiative=initiative,
        body=_(
            "Zoals wij hebben afgesproken, volgt uw idee nu de route van het uitdaagrecht. U wilt deze taak "
            "overnemen: %(task)s. Op uw persoonlijke pagina ziet u de stappen: samen een plan maken, de "
            "beoordeling, het besluit en de overeenkomst."
        )
        % {"task": challenge.task_title},
        actor=actor,
    )
    return challenge


PLAN_REQUIRED = ("plan_what", "plan_where", "plan_budget", "plan_quality", "plan_insurance", "plan_support_evidence")


@transaction.atomic
def challenge_plan_save(
    *,
    challenge: Challenge,
    actor,
    plan_what: str,
    plan_where: str,
    plan_budget: Decimal | None,
    plan_quality: str,
    plan_insurance: str,
    plan_support_evidence: str,
    plan_support_count: int | None = None,
    plan_support_note: str = "",
    complete: bool = False,
) -> Challenge:
    """Save the plan built together with the residents; `complete` marks it complete (every part filled in),
    which starts the bylaw's decision term."""
    challenge = Challenge.objects.select_for_update().select_related("municipality").get(pk=challenge.pk)
    if challenge.is_decided:
        raise ActionRefused(_("Over deze uitdaging is al besloten. Het plan verandert niet meer."))
    values = {
        "plan_what": plan_what,
        "plan_where": plan_where,
        "plan_budget": plan_budget,
        "plan_quality": plan_quality,
        "plan_insurance": plan_insurance,
        "plan_support_evidence": plan_support_evidence,
        "plan_support_count": plan_support_count,
        "plan_support_note": plan_support_note,
    }
    for name, value in values.items():
        setattr(challenge, name, value)
    if complete and challenge.plan_completed_at is None:
        missing = [name for name in PLAN_REQUIRED if values[name] in ("", None)]
        if missing:
            raise ActionRefused(_("Het plan is nog niet compleet. Vul alle onderdelen in."))
        now = timezone.now()
        weeks = challenge.municipality.challenge_settings.decision_weeks if _has_settings(challenge) else 8
        challenge.plan_completed_at = now
        criteria_ensure_default(municipality=challenge.municipality)  # the assessment points at stored criteria
        challenge.decision_due = local_date(now) + timedelta(weeks=weeks)
        event_record(
            initiative=challenge.initiative,
            kind="uitdaging_plan_compleet",
            actor=actor,
            data={"decision_due": challenge.decision_due.isoformat()},
            at=now,
        )
        if challenge.initiative.phase in (Phase.IDEA, Phase.EXPLORING):
            _phase_to(challenge.initiative, Phase.PLANNING, actor)
    challenge.save()
    return challenge


def _has_settings(challenge: Challenge) -> bool:
    return ChallengeSettings.objects.filter(municipality_id=challenge.municipality_id).exists()


def _phase_to(initiative: Initiative, target: str, actor, *, tell_resident: bool = True) -> None:
    """Walk the initiative's life cycle one step at a time up to `target` (the life cycle allows one step). The
    resident hears only of the phase it ends in: one message, not one per step passed."""
    initiative.refresh_from_db()
    if initiative.phase not in LIFE_CYCLE or target not in LIFE_CYCLE:
        return
    while LIFE_CYCLE.index(initiative.phase) < LIFE_CYCLE.index(target):
        next_phase = LIFE_CYCLE[LIFE_CYCLE.index(initiative.phase) + 1]
        initiative = initiative_phase_change(
            initiative=initiative,
            to_phase=next_phase,
            actor=actor,
            tell_resident=tell_resident and next_phase == target,
        )


@transaction.atomic
def challenge_advice_ask(*, challenge: Challenge, actor, question: str, due_date: date | None = None):
    """Colleagues of the task's department advise through the ordinary warm hand-over."""
    challenge = Challenge.objects.select_related("task__department", "initiative__municipality").get(pk=challenge.pk)
    department = challenge.task.department if challenge.task else None
    if department is None:
        raise ActionRefused(_("Bij deze taak hoort geen afdeling. Vraag advies via 'Een afdeling iets vragen'."))
    handover = handover_ask(
        initiative=challenge.initiative,
        department=department,
        question=question,
        context=_plan_context(challenge),
        due_date=due_date,
        actor=actor,
    )
    event_record(
        initiative=challenge.initiative,
        kind="uitdaging_advies_gevraagd",
        actor=actor,
        data={"handover_id": handover.pk, "department": department.name},
    )
    return handover


def _plan_context(challenge: Challenge) -> str:
    """What the department sees: the task and the plan, no names or contact details."""
    lines = [_("Uitdaagrecht voor de taak: %(task)s") % {"task": challenge.task_title}]
    if challenge.plan_what:
        lines.append(_("Wat de bewoners willen doen: %(what)s") % {"what": challenge.plan_what})
    if challenge.plan_where:
        lines.append(_("Waar: %(where)s") % {"where": challenge.plan_where})
    if challenge.plan_budget is not None:
        lines.append(_("Gevraagd budget: € %(budget)s per jaar") % {"budget": challenge.plan_budget})
    if challenge.plan_quality:
        lines.append(_("Kwaliteit: %(quality)s") % {"quality": challenge.plan_quality})
    return "\n".join(lines)


@dataclass(frozen=True)
class CriterionScore:
    criterion: ChallengeCriterion
    verdict: str
    reasoning: str


@transaction.atomic
def challenge_assess(*, challenge: Challenge, actor, scores: list[CriterionScore]) -> Challenge:
    """Record the assessment: every active criterion with a verdict and its reasoning."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not challenge.plan_is_complete:
        raise ActionRefused(_("Beoordeel pas als het plan compleet is."))
    if challenge.is_decided:
        raise ActionRefused(_("Over deze uitdaging is al besloten."))
    active = {
        c.pk for c in ChallengeCriterion.objects.filter(municipality_id=challenge.municipality_id, is_active=True)
    }
    given = {score.criterion.pk for score in scores if score.verdict and score.reasoning.strip()}
    if not active or active - given:
        raise ActionRefused(_("Geef bij elk beoordelingspunt een oordeel en een onderbouwing."))
    CriterionAssessment.objects.filter(challenge=challenge).delete()
    CriterionAssessment.objects.bulk_create(
        [
            CriterionAssessment(
                challenge=challenge,
                criterion=score.criterion,
                criterion_title=score.criterion.title,
                order=score.criterion.order,
                verdict=score.verdict,
                reasoning=score.reasoning.strip(),
            )
            for score in scores
            if score.criterion.pk in active
        ]
    )
    now = timezone.now()
    first = challenge.assessed_at is None
    challenge.assessed_at = now
    challenge.save(update_fields=["assessed_at"])
    if first:
        event_record(initiative=challenge.initiative, kind="uitdaging_beoordeeld", actor=actor, at=now)
    return challenge


@transaction.atomic
def challenge_decide(*, challenge: Challenge, actor, decision: str, reasons: str) -> Challenge:
    """The decision: granted, partly granted or refused, with its reasons. A refusal closes the initiative;
    the resident gets a message that points to the decision letter and how to object."""
    challenge = Challenge.objects.select_for_update().select_related("initiative__municipality").get(pk=challenge.pk)
    if challenge.assessed_at is None:
        raise ActionRefused(_("Beoordeel eerst elk beoordelingspunt."))
    if challenge.is_decided:
        raise ActionRefused(_("Over deze uitdaging is al besloten."))
    if decision not in Decision.values:
        raise ActionRefused(_("Kies een besluit."))
    if not reasons.strip():
        raise ActionRefused(_("Schrijf de motivering van het besluit op."))
    now = timezone.now()
    challenge.decision = decision
    challenge.decision_reasons = reasons.strip()
    challenge.decided_at = now
    challenge.decided_by = actor
    challenge.save(update_fields=["decision", "decision_reasons", "decided_at", "decided_by"])
    event_record(
        initiative=challenge.initiative, kind="uitdaging_besluit", actor=actor, data={"decision": decision}, at=now
    )
    body = render_to_string(
        "challenges/decision_message.txt", {"challenge": challenge, "initiative": challenge.initiative}
    ).strip()
    message_to_resident(initiative=challenge.initiative, body=body, actor=actor)
    if decision in GRANTING_DECISIONS:
        # The decision message above tells the resident; the phase steps add no message of their own.
        _phase_to(challenge.initiative, Phase.AGREEMENTS, actor, tell_resident=False)
    else:
        initiative_phase_change(
            initiative=challenge.initiative,
            to_phase=Phase.STOPPED,
            actor=actor,
            stop_reason=StopReason.OTHER,
            note=_("Uitdaging afgewezen"),
            tell_resident=False,
        )
    return challenge


@dataclass(frozen=True)
class Moment:
    due_date: date
    description: str


@transaction.atomic
def challenge_agreement_make(
    *,
    challenge: Challenge,
    actor,
    starts: date,
    ends: date,
    budget: Decimal,
    quality: str,
    moments: list[Moment],
) -> Challenge:
    """The agreement of a granted challenge: term, budget, quality, and monitoring moments, each of which
    becomes a follow-up deadline for the contact person."""
    challenge = Challenge.objects.select_for_update().select_related("initiative").get(pk=challenge.pk)
    if challenge.decision not in GRANTING_DECISIONS:
        raise ActionRefused(_("Alleen een toegekende uitdaging krijgt een overeenkomst."))
    if challenge.agreement_made_at is not None:
        raise ActionRefused(_("De overeenkomst is al gesloten."))
    if ends <= starts:
        raise ActionRefused(_("De einddatum moet na de begindatum liggen."))
    if not moments:
        raise ActionRefused(_("Spreek minstens één moment af om samen te kijken hoe het gaat."))
    now = timezone.now()
    challenge.agreement_starts = starts
    challenge.agreement_ends = ends
    challenge.agreement_budget = budget
    challenge.agreement_quality = quality
    challenge.agreement_made_at = now
    challenge.save()
    for moment in sorted(moments, key=lambda m: m.due_date):
        follow_up = follow_up_create(
            initiative=challenge.initiative,
            due_date=moment.due_date,
            actor=actor,
            kind=FollowUpKind.OTHER,
            assigned_to=challenge.initiative.contact_person,
            note=_("Monitoring uitdaagrecht: %(what)s") % {"what": moment.description},
            now=now,
        )
        MonitoringMoment.objects.create(
            challenge=challenge, due_date=moment.due_date, description=moment.description, follow_up=follow_up
        )
    event_record(
        initiative=challenge.initiative,
        kind="uitdaging_overeenkomst",
        actor=actor,
        data={"starts": starts.isoformat(), "ends": ends.isoformat()},
        at=now,
    )
    _phase_to(challenge.initiative, Phase.EXECUTION, actor)
    return challenge


@transaction.atomic
def challenge_evaluate(*, challenge: Challenge, actor, note: str) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.agreement_made_at is None:
        raise ActionRefused(_("Evalueer pas als er een overeenkomst is."))
    if not note.strip():
        raise ActionRefused(_("Schrijf op wat de evaluatie opleverde."))
    now = timezone.now()
    challenge.evaluated_at = now
    challenge.evaluation_note = note.strip()
    challenge.save(update_fields=["evaluated_at", "evaluation_note"])
    event_record(initiative=challenge.initiative, kind="uitdaging_geevalueerd", actor=actor, at=now)
    return challenge
