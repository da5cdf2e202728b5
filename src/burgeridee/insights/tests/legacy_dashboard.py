"""The insight dashboard as computed before the working-day calendar (release 0.1.0, commit e4c301f), kept
verbatim as the reference the new selectors must match figure for figure (test_dashboard_same_figures.py):
local dates compared per row, one query per count, durations counted in Python with core.dates."""

import math
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from burgeridee.conversations.models import Conversation
from burgeridee.conversations.selectors import reflection_totals
from burgeridee.core.dates import WorkingDayCounter
from burgeridee.deadlines.models import FollowUp
from burgeridee.evaluations.constants import ASPECTS
from burgeridee.evaluations.models import Evaluation
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.constants import LIFE_CYCLE, Phase, StopReason, SupportType, Theme
from burgeridee.initiatives.models import Initiative, SupportRequest
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.municipalities.models import Municipality

# The funnel: how far initiatives got. A phase counts as reached when the initiative is in it or beyond.
FUNNEL = [Phase.IDEA, Phase.EXPLORING, Phase.PLANNING, Phase.AGREEMENTS, Phase.EXECUTION, Phase.COMPLETED]


@dataclass(frozen=True)
class Filters:
    date_from: date
    date_to: date
    neighbourhood_id: int | None = None
    theme: str = ""

    @classmethod
    def default(cls, *, today: date | None = None) -> "Filters":
        today = today or timezone.localdate()
        return cls(date_from=today - timedelta(days=365), date_to=today)


@dataclass
class Row:
    label: str
    value: float | int | None
    extra: str = ""


@dataclass
class Durations:
    count: int = 0
    median: float | None = None
    p90: float | None = None
    within_promise: int = 0
    promise: int = 0

    @property
    def within_promise_share(self) -> int | None:
        return round(100 * self.within_promise / self.count) if self.count else None

    @property
    def median_working_days(self) -> int | None:
        """The median in whole working days, rounded up: with a median of 2.5, half were within 3."""
        return math.ceil(self.median) if self.median is not None else None


@dataclass
class Dashboard:
    filters: Filters
    total: int = 0
    funnel: list[Row] = field(default_factory=list)
    first_contact: Durations = field(default_factory=Durations)
    overdue_first_contacts: int = 0
    support_types: list[Row] = field(default_factory=list)
    neighbourhoods: list[Row] = field(default_factory=list)
    themes: list[Row] = field(default_factory=list)
    stop_reasons: list[Row] = field(default_factory=list)
    evaluation_count: int = 0
    evaluation_scores: list[Row] = field(default_factory=list)
    overdue_callbacks: int = 0
    handovers: list["DepartmentRow"] = field(default_factory=list)
    roles: list[Row] = field(default_factory=list)
    reflections: dict = field(default_factory=dict)


@dataclass
class DepartmentRow:
    """Hand-overs to one department: where the organisation itself is slow."""

    department: str
    asked: int
    answered: int
    open_overdue: int
    median_days: float | None
    p90_days: float | None


def initiatives_filtered(*, municipality: Municipality, filters: Filters) -> QuerySet[Initiative]:
    """Initiatives of this municipality submitted in the period (Europe/Amsterdam dates)."""
    queryset = Initiative.objects.filter(
        municipality=municipality,
        submitted_at__date__gte=filters.date_from,
        submitted_at__date__lte=filters.date_to,
    )
    if filters.neighbourhood_id:
        queryset = queryset.filter(neighbourhood_id=filters.neighbourhood_id)
    if filters.theme:
        queryset = queryset.filter(theme=filters.theme)
    return queryset


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return float(values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def first_contact_durations(*, queryset: QuerySet[Initiative], promise: int) -> Durations:
    """Working days from submission to first contact: median, 90th percentile, share within promise."""
    # The database turns the moments into local dates and groups equal pairs: a year of initiatives gives a
    # few thousand (start, end, count) rows instead of one Python date conversion per initiative.
    pairs = list(
        queryset.filter(first_contact_at__isnull=False)
        .annotate(start=TruncDate("submitted_at"), end=TruncDate("first_contact_at"))
        .values_list("start", "end")
        .annotate(n=Count("id"))
        .order_by()
    )
    if not pairs:
        return Durations(promise=promise)
    # A first contact recorded before the submission (a back-dated conversation or intake) counts negative,
    # so the counter spans every date of both columns.
    dates = [day for start, end, _n in pairs for day in (start, end)]
    counter = WorkingDayCounter(min(dates), max(dates))
    days = sorted(day for start, end, n in pairs for day in [counter.between(start, end)] * n)
    return Durations(
        count=len(days),
        median=statistics.median(days),
        p90=_percentile(days, 0.9),
        within_promise=sum(1 for d in days if d <= promise),
        promise=promise,
    )


def _counts(queryset, field_name: str, choices) -> list[Row]:
    counts = {row[field_name]: row["n"] for row in queryset.values(field_name).annotate(n=Count("id"))}
    return [Row(label=str(label), value=counts.get(value, 0)) for value, label in choices]


DASHBOARD_CACHE_SECONDS = 10 * 60


def dashboard_recent(*, municipality: Municipality, filters: Filters) -> tuple[Dashboard, datetime]:
    """The dashboard as computed at most ten minutes ago, and when that was.

    Management figures over a year of initiatives take a few hundred milliseconds at the size of a large
    municipality; the page and its CSV share one computation per municipality, period, filters and
    language, kept in the shared cache. The page says from when the figures are.
    """
    key = ":".join(
        str(part)
        for part in (
            "insights:dashboard",
            municipality.pk,
            filters.date_from,
            filters.date_to,
            filters.neighbourhood_id,
            filters.theme,
            get_language(),
        )
    )
    recent = cache.get(key)
    if recent is None:
        recent = (dashboard(municipality=municipality, filters=filters), timezone.now())
        cache.set(key, recent, DASHBOARD_CACHE_SECONDS)
    return recent


def dashboard(*, municipality: Municipality, filters: Filters, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    queryset = initiatives_filtered(municipality=municipality, filters=filters)
    board = Dashboard(filters=filters)

    phase_counts = {row["phase"]: row["n"] for row in queryset.values("phase").annotate(n=Count("id"))}
    board.total = sum(phase_counts.values())
    # Stopped and paused initiatives count for the phases they reached before; we only know their
    # current phase, so the funnel counts initiatives now in a phase or beyond it in the life cycle.
    for phase in FUNNEL:
        reached = LIFE_CYCLE[LIFE_CYCLE.index(phase) :]
        value = board.total if phase == Phase.IDEA else sum(phase_counts.get(p, 0) for p in reached)
        board.funnel.append(Row(label=str(Phase(phase).label), value=value))

    board.first_contact = first_contact_durations(queryset=queryset, promise=municipality.first_contact_working_days)
    board.overdue_first_contacts = (
        queryset.filter(first_contact_at__isnull=True, first_contact_due__lt=today)
        .exclude(phase__in=[Phase.STOPPED, Phase.NOT_AN_INITIATIVE, Phase.COMPLETED])
        .count()
    )

    support = {
        row["support_type"]: row["n"]
        for row in SupportRequest.objects.filter(initiative__in=queryset).values("support_type").annotate(n=Count("id"))
    }
    board.support_types = sorted(
        (Row(label=str(label), value=support.get(value, 0)) for value, label in SupportType.choices),
        key=lambda row: -row.value,
    )
    hoods = queryset.values("neighbourhood__name").annotate(n=Count("id")).order_by("-n", "neighbourhood__name")
    board.neighbourhoods = [
        Row(label=row["neighbourhood__name"] or str(_("Wijk onbekend")), value=row["n"]) for row in hoods
    ]
    board.themes = _counts(queryset, "theme", Theme.choices)
    board.stop_reasons = [
        row for row in _counts(queryset.filter(phase=Phase.STOPPED), "stop_reason", StopReason.choices) if row.value
    ]

    evaluations = Evaluation.objects.filter(initiative__in=queryset, submitted_at__isnull=False)
    averages = evaluations.aggregate(n=Count("id"), **{name: Avg(name) for name, _l, _q in ASPECTS})
    board.evaluation_count = averages.pop("n")
    board.evaluation_scores = [
        Row(label=str(label), value=round(averages[name], 1) if averages[name] is not None else None)
        for name, label, _q in ASPECTS
    ]
    board.overdue_callbacks = FollowUp.objects.filter(
        initiative__in=queryset, done_at__isnull=True, due_date__lt=today
    ).count()
    board.handovers = handovers_per_department(queryset=queryset, today=today)
    roles: dict[str, int] = {}
    chosen_together = (
        Conversation.objects.filter(initiative__in=queryset)
        .values_list("municipal_roles")
        .annotate(n=Count("id"))
        .order_by()
    )
    for chosen, n in chosen_together:  # a handful of distinct combinations, counted by the database
        for rung in chosen or []:
            roles[rung] = roles.get(rung, 0) + n
    board.roles = [
        Row(label=str(label), value=roles.get(value, 0))
        for value, label in participation_ladder(municipality=municipality).items()
    ]
    board.reflections = reflection_totals(municipality=municipality)
    return board


def handovers_per_department(*, queryset: QuerySet[Initiative], today: date) -> list[DepartmentRow]:
    """Per department: questions asked, answered, overdue, and answer time in working days."""
    rows = (
        Handover.objects.filter(initiative__in=queryset)
        .values_list("department__name", "asked_at", "answered_at", "due_date")
        .order_by("department__name")
    )
    per_department: dict[str, list] = {}
    for name, asked_at, answered_at, due_date in rows:
        per_department.setdefault(name, []).append((asked_at, answered_at, due_date))
    dates = [
        timezone.localdate(moment)
        for items in per_department.values()
        for a, b, _d in items
        for moment in (a, b)
        if moment
    ]
    counter = WorkingDayCounter(min(dates), max(dates)) if dates else None
    result = []
    for name, items in per_department.items():
        days = sorted(
            counter.between(timezone.localdate(asked), timezone.localdate(answered))
            for asked, answered, _due in items
            if answered
        )
        result.append(
            DepartmentRow(
                department=name,
                asked=len(items),
                answered=len(days),
                open_overdue=sum(1 for _a, answered, due in items if not answered and due < today),
                median_days=statistics.median(days) if days else None,
                p90_days=_percentile(days, 0.9),
            )
        )
    return sorted(result, key=lambda row: -(row.median_days or 0))


def public_first_contact(*, municipality: Municipality, today: date | None = None) -> Durations:
    """Promised and real median time to first contact over the last 12 months, for the public page."""
    today = today or timezone.localdate()
    queryset = Initiative.objects.filter(
        municipality=municipality, submitted_at__date__gt=today - timedelta(days=365)
    ).filter(~Q(phase=Phase.NOT_AN_INITIATIVE))
    return first_contact_durations(queryset=queryset, promise=municipality.first_contact_working_days)
