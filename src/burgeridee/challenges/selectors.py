"""Reading the right to challenge: the public page and register, the resident's route, staff lists, insight.
Always scoped to a municipality."""

import statistics
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from burgeridee.core.dates import local_date
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import Step
from burgeridee.municipalities.models import Municipality

from .constants import Channel, Decision
from .models import Challenge, ChallengeCriterion, ChallengeTask, SettingsChange
from .services import criteria_ensure_default, settings_get_or_default


def public_tasks(*, municipality: Municipality) -> list[ChallengeTask]:
    return list(ChallengeTask.objects.filter(municipality=municipality, is_active=True))


def all_tasks(*, municipality: Municipality) -> list[ChallengeTask]:
    return list(ChallengeTask.objects.filter(municipality=municipality).select_related("department"))


def task_get(*, municipality: Municipality, pk: int) -> ChallengeTask:
    return get_object_or_404(ChallengeTask, municipality=municipality, pk=pk)


def criteria_active(*, municipality: Municipality) -> list[ChallengeCriterion]:
    """Active criteria; the defaults from BRIEF when the municipality has none yet (unsaved, a GET writes nothing)."""
    criteria = list(ChallengeCriterion.objects.filter(municipality=municipality, is_active=True))
    if criteria or ChallengeCriterion.objects.filter(municipality=municipality).exists():
        return criteria
    from .defaults import DEFAULT_CRITERIA  # noqa: PLC0415 - only for a municipality without criteria

    return [
        ChallengeCriterion(municipality=municipality, key=key, title=title, explanation=text, order=n)
        for n, (key, title, text) in enumerate(DEFAULT_CRITERIA, start=1)
    ]


def criteria_for_assessment(*, municipality: Municipality) -> list[ChallengeCriterion]:
    """Saved criteria (made from the defaults on the first assessment): assessments point at them."""
    return [c for c in criteria_ensure_default(municipality=municipality) if c.is_active]


def settings_changes(*, municipality: Municipality, limit: int = 20) -> list[SettingsChange]:
    return list(SettingsChange.objects.filter(municipality=municipality)[:limit])


def is_open(*, municipality: Municipality) -> bool:
    return settings_get_or_default(municipality=municipality).is_enabled


def challenge_for(*, initiative: Initiative) -> Challenge | None:
    """The challenge on `initiative`, or None (one query; none when the initiative is an ordinary idea)."""
    return Challenge.objects.filter(initiative=initiative).select_related("task", "task__department").first()


def challenge_get_for_staff(*, municipality: Municipality, pk: int) -> Challenge:
    return get_object_or_404(
        Challenge.objects.select_related(
            "initiative", "initiative__neighbourhood", "initiative__contact_person", "task", "task__department"
        ).prefetch_related("assessments", "monitoring_moments"),
        municipality=municipality,
        pk=pk,
    )


def challenge_list(*, municipality: Municipality) -> list[Challenge]:
    return list(
        Challenge.objects.filter(municipality=municipality)
        .select_related("initiative", "initiative__contact_person", "task")
        .order_by("-received_at")
    )


# --- The public register: decisions without personal data -----------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    task: str
    neighbourhood: str
    decision: str
    decided_on: date


def register_rows(*, municipality: Municipality) -> list[RegisterRow]:
    """Every decision on a challenge: the task, the neighbourhood, the decision and its date. Nothing else, so
    no name, address, description or reasons that could point to a person."""
    challenges = (
        Challenge.objects.filter(municipality=municipality, decided_at__isnull=False)
        .exclude(decision="")
        .select_related("task", "initiative__neighbourhood")
        .order_by("-decided_at", "-id")
    )
    return [
        RegisterRow(
            task=c.task.title if c.task else _("Een andere taak"),
            neighbourhood=c.initiative.neighbourhood.name if c.initiative.neighbourhood else _("Onbekend"),
            decision=c.get_decision_display(),
            decided_on=local_date(c.decided_at),
        )
        for c in challenges
    ]


# --- The resident's route ------------------------------------------------------------------------------


def _day(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def _conversation_day(initiative, first_conversation_at, *, done: bool) -> tuple:
    """The date the route shows for the first conversation: when it is (or was) planned; before that the day
    of first contact, or the promised latest day; nothing when it was skipped without a date."""
    if first_conversation_at is not None:
        return timezone.localdate(first_conversation_at), _("Op")
    if initiative.first_contact_at is not None:
        return timezone.localdate(initiative.first_contact_at), _("Eerste contact op")
    if not done:
        return initiative.first_contact_due, _("Contact uiterlijk")
    return None, ""


def _agreement_text(challenge: Challenge) -> str:
    """Before the agreement what it will hold; after it, the term and when we look together how it goes."""
    if challenge.agreement_made_at is None:
        return _(
            "Wij leggen vast hoe lang u de taak doet, het budget, de kwaliteit en wanneer we samen kijken hoe het gaat."
        )
    text = _("U doet de taak van %(starts)s tot en met %(ends)s.") % {
        "starts": date_format(challenge.agreement_starts, "j F Y"),
        "ends": date_format(challenge.agreement_ends, "j F Y"),
    }
    moments = [date_format(m.due_date, "j F Y") for m in challenge.monitoring_moments.all()]
    if moments:
        text += " " + _("Wij kijken samen hoe het gaat op: %(days)s.") % {"days": ", ".join(moments)}
    return text


def resident_steps(*, challenge: Challenge, first_conversation_at=None) -> list[Step]:
    """The challenge route's own steps with real dates: received, first conversation, plan completed,
    assessment, decision, agreement, evaluation. `first_conversation_at`: when the first conversation was held
    (or is planned), read by the caller from the conversations app."""
    initiative = challenge.initiative
    decided = challenge.is_decided
    refused = challenge.decision == Decision.REFUSED
    held = first_conversation_at is not None and first_conversation_at <= timezone.now()
    conversation_done = held or challenge.plan_is_complete
    raw = [
        (
            _("Uw idee volgt nu de route van het uitdaagrecht")
            if challenge.channel == Channel.CONVERTED
            else _("Wij hebben uw uitdaging ontvangen"),
            _("Uw kenmerk is %(reference)s. U wilt deze taak overnemen: %(task)s.")
            % {"reference": initiative.reference, "task": challenge.task_title},
            True,
            _day(challenge.received_at),
            _("Op"),
        ),
        (
            _("Het eerste gesprek"),
            _("Uw contactpersoon praat met u over de taak, wie er meedoen en wat u nodig heeft."),
            conversation_done,
            *_conversation_day(initiative, first_conversation_at, done=conversation_done),
        ),
        (
            _("Uw plan is compleet"),
            _(
                "Samen maken we een plan: wat u doet, waar, wat het kost, de kwaliteit, de verzekering en wie u "
                "steunen."
            ),
            challenge.plan_is_complete,
            _day(challenge.plan_completed_at),
            _("Op"),
        ),
        (
            _("De gemeente beoordeelt uw plan"),
            _("Wij kijken naar elk beoordelingspunt en vragen advies aan de afdeling die de taak nu doet."),
            challenge.assessed_at is not None,
            _day(challenge.assessed_at),
            _("Op"),
        ),
        (
            _("Het besluit"),
            (
                _("Besluit: %(decision)s. U krijgt een brief met de uitleg en hoe u bezwaar maakt.")
                % {"decision": challenge.get_decision_display().lower()}
                if decided
                else _("U krijgt een brief met het besluit en de uitleg.")
            ),
            decided,
            _day(challenge.decided_at) or challenge.decision_due,
            _("Op") if decided else _("Uiterlijk"),
        ),
        (
            _("De overeenkomst"),
            _agreement_text(challenge),
            challenge.agreement_made_at is not None,
            _day(challenge.agreement_made_at),
            _("Op"),
        ),
        (
            _("De evaluatie"),
            _("Samen kijken we terug: hoe ging het, en gaat u door?"),
            challenge.evaluated_at is not None,
            _day(challenge.evaluated_at),
            _("Op"),
        ),
    ]
    steps = []
    current_given = False
    for index, (title, description, done, day, label) in enumerate(raw):
        if done:
            state = "done"
        elif refused and index >= 5 or initiative.is_closed:
            # Like the ordinary time line: a route that ended shows only the steps that happened.
            continue
        elif not current_given:
            state, current_given = "current", True
        else:
            state = "upcoming"
        shown_day = day if (done or state == "current") else None
        steps.append(
            Step(
                key=f"challenge-{index}",
                title=title,
                description=description,
                state=state,
                day=shown_day,
                day_label=label if shown_day else "",
            )
        )
    return steps


# --- Insight ----------------------------------------------------------------------------------------------


@dataclass
class ChallengeInsight:
    total: int
    by_task: list[tuple[str, int]]
    by_decision: list[tuple[str, int]]
    decided: int
    term_weeks: int
    median_days: float | None
    within_term: int
    over_term: int
    waiting_over_term: int


def insight(
    *,
    municipality: Municipality,
    date_from: date | None = None,
    date_to: date | None = None,
    neighbourhood_id: int | None = None,
    theme: str = "",
) -> ChallengeInsight:
    """Challenges by task and by decision, and the time from a complete plan to the decision against the
    bylaw's term, with the dashboard's filters (period received, the initiative's neighbourhood and theme).
    Counted in the database; durations from two date columns per decided challenge."""
    challenges = Challenge.objects.filter(municipality=municipality)
    if date_from:
        challenges = challenges.filter(received_at__date__gte=date_from)
    if date_to:
        challenges = challenges.filter(received_at__date__lte=date_to)
    if neighbourhood_id:
        challenges = challenges.filter(initiative__neighbourhood_id=neighbourhood_id)
    if theme:
        challenges = challenges.filter(initiative__theme=theme)
    by_task = [
        (row["task__title"] or _("Een andere taak"), row["n"])
        for row in challenges.values("task__title").annotate(n=Count("id")).order_by("-n", "task__title")
    ]
    counts = dict(challenges.exclude(decision="").values_list("decision").annotate(n=Count("id")))
    undecided = challenges.filter(decision="").count()
    by_decision = [(str(label), counts.get(value, 0)) for value, label in Decision.choices]
    by_decision.append((_("Nog geen besluit"), undecided))
    term_weeks = settings_get_or_default(municipality=municipality).decision_weeks
    pairs = list(
        challenges.filter(decided_at__isnull=False, plan_completed_at__isnull=False).values_list(
            "plan_completed_at", "decided_at"
        )
    )
    days = [(local_date(decided) - local_date(completed)).days for completed, decided in pairs]
    within = sum(1 for d in days if d <= term_weeks * 7)
    today = local_date()
    waiting_over = challenges.filter(decision="", decision_due__lt=today).count()
    return ChallengeInsight(
        total=sum(n for _label, n in by_task),
        by_task=by_task,
        by_decision=by_decision,
        decided=len(days),
        term_weeks=term_weeks,
        median_days=statistics.median(days) if days else None,
        within_term=within,
        over_term=len(days) - within,
        waiting_over_term=waiting_over,
    )


def challenges_with_overdue_decision_q(*, today: date) -> Q:
    """Initiatives whose challenge waits for a decision past the bylaw's term (an inbox overdue condition)."""
    return Q(challenge__decision="", challenge__decision_due__lt=today)


def challenge_decision_deadline() -> Subquery:
    """The day the challenge's decision is due while it is not taken (the overdue condition above as a date)."""
    return Subquery(
        Challenge.objects.filter(initiative=OuterRef("pk"), decision="").order_by().values("decision_due")[:1]
    )
