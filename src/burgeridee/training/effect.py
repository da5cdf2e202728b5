"""Does the learning change the work? Before and after the workshop, for participants who opted in.

Figures are shown per group (the opted-in participants of one workshop session) and for the municipality, and only
over groups of at least `TRAINING_MIN_GROUP_SIZE` people: a smaller group is named but its figures are hidden, and
its members are left out of the municipality's total too (otherwise the difference between the total and the shown
groups would give the small group away). The follow-up self-assessment is shown only when at least as many people
answered. Each person's own workshop date splits their work into before and after:

- time to first contact: working days from submission to first contact, for initiatives the person is the contact
  person of, by the day the initiative came in;
- first conversations held with the model: of those initiatives with a first contact, the share with a first
  conversation held in Burgeridee (with the conversation model), by the day of first contact;
- reports confirmed without dispute: of the conversation reports the person sent that the resident answered, the
  share the resident confirmed (not commented on), by the day the report was sent;
- residents' evaluation: the mean of all scores (1-5) residents gave in the evaluation of those initiatives, by the
  day the initiative came in;
- self-assessment: per statement, the mean score (1-5) of the baseline each participant gave when opting in (how
  they worked before the workshop) against their follow-up three months after the workshop, over the participants
  who gave both.

Observational: people who chose to take part and to opt in are compared with themselves earlier; other things
changed in the same months. The page says so.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.conversations.constants import ConversationStatus, ReportStatus
from burgeridee.conversations.models import Conversation, Report
from burgeridee.core.dates import WorkingDayCounter
from burgeridee.evaluations.constants import ASPECTS
from burgeridee.evaluations.models import Evaluation
from burgeridee.initiatives.models import Initiative

from .constants import SELF_ASSESSMENT
from .models import SelfAssessment, WorkshopParticipation


@dataclass
class Comparison:
    key: str
    label: str
    unit: str
    before: float | None = None
    before_n: int = 0
    after: float | None = None
    after_n: int = 0


@dataclass
class Group:
    label: str
    day: date | None
    size: int
    hidden: bool = False
    comparisons: list[Comparison] = field(default_factory=list)
    respondents: int = 0
    self_assessment: list[tuple[str, float | None, float | None]] = field(default_factory=list)
    self_assessment_hidden: bool = True


@dataclass
class Effect:
    min_size: int
    groups: list[Group]
    total: Group | None
    participants: int
    date_from: date | None = None
    date_to: date | None = None


def _day(moment) -> date:
    return timezone.localdate(moment)


def _split(rows, dates: dict[int, date]):
    """rows of (user_id, day, value) -> (before values, after values) by the user's workshop day."""
    before, after = [], []
    for user_id, day, value in rows:
        (before if day < dates[user_id] else after).append(value)
    return before, after


def _median(values):
    return float(statistics.median(values)) if values else None


def _share(values):
    return round(100 * sum(values) / len(values)) if values else None


def _mean(values):
    return round(statistics.fmean(values), 1) if values else None


def comparisons(*, municipality, dates: dict[int, date]) -> list[Comparison]:
    users = list(dates)
    initiatives = Initiative.objects.filter(
        municipality=municipality, contact_person_id__in=users, first_contact_at__isnull=False
    ).annotate(held=Exists(Conversation.objects.filter(initiative=OuterRef("pk"), status=ConversationStatus.HELD)))
    rows = list(initiatives.values_list("contact_person_id", "submitted_at", "first_contact_at", "held"))
    result = []

    contact = Comparison("first_contact", _("Tijd tot eerste contact"), _("werkdagen (mediaan)"))
    if rows:
        days = [(_day(s), _day(f)) for _u, s, f, _h in rows]
        counter = WorkingDayCounter(min(min(pair) for pair in days), max(max(pair) for pair in days))
        before, after = _split(
            [(u, start, counter.between(start, end)) for (u, *_rest), (start, end) in zip(rows, days, strict=True)],
            dates,
        )
        contact.before, contact.before_n, contact.after, contact.after_n = (
            _median(before),
            len(before),
            _median(after),
            len(after),
        )
    result.append(contact)

    model = Comparison("model", _("Eerste gesprekken gevoerd met het gespreksmodel"), _("procent"))
    before, after = _split([(u, _day(f), 1 if held else 0) for u, _s, f, held in rows], dates)
    model.before, model.before_n, model.after, model.after_n = _share(before), len(before), _share(after), len(after)
    result.append(model)

    reports = Report.objects.filter(
        conversation__initiative__municipality=municipality,
        conversation__held_by_id__in=users,
        responded_at__isnull=False,
        sent_at__isnull=False,
    ).values_list("conversation__held_by_id", "sent_at", "status")
    confirmed = Comparison("confirmed", _("Verslagen bevestigd zonder opmerkingen"), _("procent"))
    before, after = _split(
        [(u, _day(sent), 1 if status == ReportStatus.CONFIRMED else 0) for u, sent, status in reports], dates
    )
    confirmed.before, confirmed.before_n, confirmed.after, confirmed.after_n = (
        _share(before),
        len(before),
        _share(after),
        len(after),
    )
    result.append(confirmed)

    names = [name for name, _label, _question in ASPECTS]
    evaluations = Evaluation.objects.filter(
        initiative__municipality=municipality,
        initiative__contact_person_id__in=users,
        submitted_at__isnull=False,
    ).values_list("initiative__contact_person_id", "initiative__submitted_at", *names)
    score_rows = [
        (u, _day(submitted), score) for u, submitted, *scores in evaluations for score in scores if score is not None
    ]
    evaluation = Comparison("evaluation", _("Cijfer van bewoners in de evaluatie"), _("gemiddeld, 1-5"))
    before, after = _split(score_rows, dates)
    evaluation.before, evaluation.after = _mean(before), _mean(after)
    # Counted in evaluations, not in scores.
    per_eval = [(u, _day(submitted), 1) for u, submitted, *scores in evaluations if any(s is not None for s in scores)]
    b, a = _split(per_eval, dates)
    evaluation.before_n, evaluation.after_n = len(b), len(a)
    result.append(evaluation)
    return result


def _self_assessment(group: Group, participation_ids: list[int], min_size: int) -> None:
    """Baseline (at opt-in) against follow-up (three months later), over the participants who gave both; shown only
    with at least `min_size` of them."""
    pairs = [
        (baseline, scores)
        for baseline, scores in SelfAssessment.objects.filter(participation_id__in=participation_ids).values_list(
            "participation__baseline_scores", "scores"
        )
        if baseline
    ]
    group.respondents = len(pairs)
    group.self_assessment_hidden = group.respondents < min_size
    if group.self_assessment_hidden:
        return
    group.self_assessment = [
        (
            str(label),
            _mean([baseline[key] for baseline, _scores in pairs if key in baseline]),
            _mean([scores[key] for _baseline, scores in pairs if key in scores]),
        )
        for key, label in SELF_ASSESSMENT
    ]


def effect(
    *, municipality, min_size: int | None = None, date_from: date | None = None, date_to: date | None = None
) -> Effect:
    """The figures per workshop group and in total; with date_from/date_to only the groups whose workshop was held in
    that window (both inclusive)."""
    min_size = settings.TRAINING_MIN_GROUP_SIZE if min_size is None else min_size
    participations = WorkshopParticipation.objects.filter(municipality=municipality)
    if date_from:
        participations = participations.filter(session__date__gte=date_from)
    if date_to:
        participations = participations.filter(session__date__lte=date_to)
    rows = list(
        participations.values_list("pk", "user_id", "session_id", "session__title", "session__date").order_by(
            "session__date", "session_id"
        )
    )
    sessions: dict[int, dict] = {}
    for pk, user_id, session_id, title, day in rows:
        entry = sessions.setdefault(session_id, {"title": title, "day": day, "users": {}, "participations": []})
        entry["users"][user_id] = day
        entry["participations"].append(pk)
    groups = []
    shown_dates: dict[int, date] = {}
    shown_participations: list[int] = []
    for entry in sessions.values():
        label = f"{entry['title']} ({entry['day']:%d-%m-%Y})"
        group = Group(label=label, day=entry["day"], size=len(entry["users"]))
        if group.size < min_size:
            group.hidden = True
        else:
            group.comparisons = comparisons(municipality=municipality, dates=entry["users"])
            _self_assessment(group, entry["participations"], min_size)
            for user_id, day in entry["users"].items():
                shown_dates[user_id] = min(day, shown_dates.get(user_id, day))
            shown_participations += entry["participations"]
        groups.append(group)
    total = None
    if shown_dates:
        total = Group(label=_("Alle getoonde groepen samen"), day=None, size=len(shown_dates))
        total.comparisons = comparisons(municipality=municipality, dates=shown_dates)
        _self_assessment(total, shown_participations, min_size)
    return Effect(
        min_size=min_size,
        groups=groups,
        total=total,
        participants=len({row[1] for row in rows}),
        date_from=date_from,
        date_to=date_to,
    )
