"""Figures for management: where initiatives get stuck. Everything is aggregated in the database: the
initiatives of a period are read once for all their counts (from the index initiative_insight_idx), and
working-day durations are a subtraction of two working-day numbers (insights.models.WorkingDay), so the
database returns how many initiatives took 0, 1, 2, ... working days, never a row per initiative."""

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db import connections
from django.db.models import Avg, BooleanField, Count, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from burgeridee.conversations.models import Conversation
from burgeridee.conversations.selectors import reflection_totals
from burgeridee.core.dates import working_days_between
from burgeridee.deadlines.models import FollowUp
from burgeridee.evaluations.constants import ASPECTS
from burgeridee.evaluations.models import Evaluation
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.constants import LIFE_CYCLE, Phase, StopReason, SupportType, Theme
from burgeridee.initiatives.models import Initiative, SupportRequest
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.municipalities.models import Municipality

from .models import WorkingDay

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


def _local_midnight(day: date) -> datetime:
    """The first moment of a local calendar day (the zone `__date` lookups convert to)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def initiatives_filtered(*, municipality: Municipality, filters: Filters) -> QuerySet[Initiative]:
    """Initiatives of this municipality submitted in the period (Europe/Amsterdam dates).

    The period is a range of moments (local midnight of the first day up to local midnight after the last),
    the same initiatives as comparing local dates, but an index on (municipality, submitted_at) can serve it.
    """
    queryset = Initiative.objects.filter(
        municipality=municipality,
        submitted_at__gte=_local_midnight(filters.date_from),
        submitted_at__lt=_local_midnight(filters.date_to + timedelta(days=1)),
    )
    if filters.neighbourhood_id:
        queryset = queryset.filter(neighbourhood_id=filters.neighbourhood_id)
    if filters.theme:
        queryset = queryset.filter(theme=filters.theme)
    return queryset


class Histogram(Sequence):
    """Whole numbers given as (value, how often) pairs, read as the sorted list they stand for, without
    building that list: `statistics` formulas index it (median, percentiles) in a few steps per lookup."""

    def __init__(self, counts: dict[int, int]):
        self.values = sorted(value for value, n in counts.items() if n)
        self.ends = []  # self.ends[i]: how many items have a value <= self.values[i]
        total = 0
        for value in self.values:
            total += counts[value]
            self.ends.append(total)

    def __len__(self) -> int:
        return self.ends[-1] if self.ends else 0

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.values[bisect.bisect_right(self.ends, index)]

    def at_most(self, limit: int) -> int:
        """How many items are <= limit."""
        position = bisect.bisect_right(self.values, limit)
        return self.ends[position - 1] if position else 0


def _median(values: Sequence) -> float | int:
    """statistics.median on a sorted sequence (the same values and types, without sorting a copy)."""
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def _percentile_sorted(values: Sequence, fraction: float) -> float | None:
    """statistics.quantiles(values, n=100, method="inclusive") at `fraction` on a sorted sequence (one value:
    that value as a float; none: None)."""
    if not len(values):
        return None
    if len(values) == 1:
        return float(values[0])
    i = round(fraction * 100)
    j, delta = divmod(i * (len(values) - 1), 100)
    return (values[j] * (100 - delta) + values[j + 1] * delta) / 100


def _calendar_join(connection, *, days: tuple[date, date] | None) -> tuple[str, list]:
    """The two LEFT JOINs of a pair of local dates (p.wd_start, p.wd_end) with the working-day calendar.

    `days` limits the calendar rows joined to the dates a figure can expect (hashing the whole calendar, about
    12,000 rows, twice per query costs more than the pairs themselves); a date outside them finds no row and
    is counted in Python like a date outside the calendar, so the limit changes no figure."""
    table = connection.ops.quote_name(WorkingDay._meta.db_table)
    if days is None:
        limit, params = "", []
    else:
        first, last = (connection.ops.adapt_datefield_value(day) for day in days)
        limit, params = " AND {0}.day >= %s AND {0}.day <= %s", [first, last, first, last]
    sql = (
        f"LEFT JOIN {table} s ON s.day = p.wd_start{limit.format('s')} "
        f"LEFT JOIN {table} e ON e.day = p.wd_end{limit.format('e')}"
    )
    return sql, params


def expected_days(*, filters: Filters, today: date) -> tuple[date, date]:
    """The dates a dashboard's durations mostly fall on: the period and today, with a year's margin each side
    (a date outside them is counted in Python, see _calendar_join)."""
    return filters.date_from - timedelta(days=366), max(filters.date_to, today) + timedelta(days=366)


def working_day_histogram(
    *, queryset: QuerySet, start: str, end: str, days: tuple[date, date] | None = None
) -> dict[int, int]:
    """How many rows of `queryset` took each number of working days from the local date of moment `start`
    to that of `end` (rows without `end` are left out): {working days: rows}, counted by the database.

    The database groups the rows by their two local dates, looks both up in the working-day calendar and
    sums per difference. A date outside the calendar (before 2000, or far ahead) or outside `days` (see
    _calendar_join) is counted in Python.
    """
    pairs = (
        queryset.filter(**{f"{end}__isnull": False})
        .annotate(wd_start=TruncDate(start), wd_end=TruncDate(end))
        .values("wd_start", "wd_end")
        .annotate(wd_n=Count("pk"))
        .order_by()
    )
    connection = connections[pairs.db]
    inner, params = pairs.query.sql_with_params()
    join, join_params = _calendar_join(connection, days=days)
    outside = "s.number IS NULL OR e.number IS NULL"
    # Only the ORM's own SQL (its values stay parameters) and fixed names are put together here.
    sql = (
        f"SELECT e.number - s.number, CASE WHEN {outside} THEN p.wd_start END, "  # noqa: S608  # nosec B608
        f"CASE WHEN {outside} THEN p.wd_end END, SUM(p.wd_n) "
        f"FROM ({inner}) p {join} "
        "GROUP BY 1, 2, 3"
    )
    counts: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *join_params])
        for days_taken, first, last, n in cursor.fetchall():
            if days_taken is None:  # outside the calendar: core.dates counts it
                days_taken = working_days_between(_as_date(first), _as_date(last))
            counts[days_taken] = counts.get(days_taken, 0) + int(n)
    return counts


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def durations_from_histogram(counts: dict[int, int], *, promise: int) -> Durations:
    days = Histogram(counts)
    if not len(days):
        return Durations(promise=promise)
    return Durations(
        count=len(days),
        median=_median(days),
        p90=_percentile_sorted(days, 0.9),
        within_promise=days.at_most(promise),
        promise=promise,
    )


def first_contact_durations(
    *, queryset: QuerySet[Initiative], promise: int, days: tuple[date, date] | None = None
) -> Durations:
    """Working days from submission to first contact: median, 90th percentile, share within promise.

    A first contact recorded before the submission (a back-dated conversation or intake) counts negative.
    """
    counts = working_day_histogram(queryset=queryset, start="submitted_at", end="first_contact_at", days=days)
    return durations_from_histogram(counts, promise=promise)


def _initiative_counts(*, queryset: QuerySet[Initiative], today: date) -> tuple[dict[str, int], list[Row]]:
    """Every count of the initiatives themselves in one pass: in total, per phase, per theme, per reason to
    stop (of the stopped ones), the first contacts overdue (still open, no contact, past the due date) and
    per neighbourhood (most first, then by name).

    The database groups the period's rows by (phase, theme, reason, neighbourhood, overdue): a few hundred
    groups, summed here. The groups come ordered by the neighbourhood's name, so the names are in the
    database's own order (its collation, and where it puts "no neighbourhood") for equal counts.
    """
    overdue = ExpressionWrapper(
        Q(first_contact_at__isnull=True, first_contact_due__lt=today)
        & ~Q(phase__in=[Phase.STOPPED, Phase.NOT_AN_INITIATIVE, Phase.COMPLETED]),
        output_field=BooleanField(),
    )
    groups = (
        queryset.annotate(overdue=overdue)
        .values_list("phase", "theme", "stop_reason", "neighbourhood__name", "overdue")
        .annotate(n=Count("pk"))
        .order_by("neighbourhood__name")
    )
    total = overdue_total = 0
    phases: dict[str, int] = {}
    themes: dict[str, int] = {}
    stopped: dict[str, int] = {}
    hoods: dict[str | None, int] = {}  # in the database's order of names
    for phase, theme, stop_reason, hood, late, n in groups:
        total += n
        phases[phase] = phases.get(phase, 0) + n
        themes[theme] = themes.get(theme, 0) + n
        if phase == Phase.STOPPED:
            stopped[stop_reason] = stopped.get(stop_reason, 0) + n
        if late:
            overdue_total += n
        hoods[hood] = hoods.get(hood, 0) + n
    counts = {"total": total, "overdue_first_contacts": overdue_total}
    counts |= {f"phase_{value}": phases.get(value, 0) for value in LIFE_CYCLE}
    counts |= {f"theme_{value}": themes.get(value, 0) for value in Theme.values}
    counts |= {f"stop_{value}": stopped.get(value, 0) for value in StopReason.values}
    # Most first; equal counts keep the database's order of names (a stable sort).
    neighbourhoods = [
        Row(label=name or str(_("Wijk onbekend")), value=n)
        for name, n in sorted(hoods.items(), key=lambda item: -item[1])
    ]
    return counts, neighbourhoods


DASHBOARD_CACHE_SECONDS = 10 * 60


def dashboard_cache_key(*, municipality: Municipality, filters: Filters) -> str:
    """The cache key of one computation: municipality, period, filters and language."""
    return ":".join(
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


def dashboard_recent(*, municipality: Municipality, filters: Filters) -> tuple[Dashboard, datetime]:
    """The dashboard as computed at most ten minutes ago, and when that was.

    Management figures over a year of initiatives take a few hundred milliseconds at the size of a large
    municipality; the page and its CSV share one computation per municipality, period, filters and
    language, kept in the shared cache. The page says from when the figures are.
    """
    key = dashboard_cache_key(municipality=municipality, filters=filters)
    recent = cache.get(key)
    if recent is None:
        recent = (dashboard(municipality=municipality, filters=filters), timezone.now())
        cache.set(key, recent, DASHBOARD_CACHE_SECONDS)
    return recent


def dashboard(*, municipality: Municipality, filters: Filters, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    queryset = initiatives_filtered(municipality=municipality, filters=filters)
    board = Dashboard(filters=filters)

    counts, board.neighbourhoods = _initiative_counts(queryset=queryset, today=today)
    board.total = counts["total"]
    # Stopped and paused initiatives count for the phases they reached before; we only know their
    # current phase, so the funnel counts initiatives now in a phase or beyond it in the life cycle.
    for phase in FUNNEL:
        reached = LIFE_CYCLE[LIFE_CYCLE.index(phase) :]
        value = board.total if phase == Phase.IDEA else sum(counts[f"phase_{p}"] for p in reached)
        board.funnel.append(Row(label=str(Phase(phase).label), value=value))

    days = expected_days(filters=filters, today=today)
    board.first_contact = first_contact_durations(
        queryset=queryset, promise=municipality.first_contact_working_days, days=days
    )
    board.overdue_first_contacts = counts["overdue_first_contacts"]

    support = {
        row["support_type"]: row["n"]
        for row in SupportRequest.objects.filter(initiative__in=queryset).values("support_type").annotate(n=Count("id"))
    }
    board.support_types = sorted(
        (Row(label=str(label), value=support.get(value, 0)) for value, label in SupportType.choices),
        key=lambda row: -row.value,
    )
    board.themes = [Row(label=str(label), value=counts[f"theme_{value}"]) for value, label in Theme.choices]
    board.stop_reasons = [
        Row(label=str(label), value=counts[f"stop_{value}"])
        for value, label in StopReason.choices
        if counts[f"stop_{value}"]
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
    board.handovers = handovers_per_department(queryset=queryset, today=today, days=days)
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


def handovers_per_department(
    *, queryset: QuerySet[Initiative], today: date, days: tuple[date, date] | None = None
) -> list[DepartmentRow]:
    """Per department: questions asked, answered, overdue, and answer time in working days.

    Counted by the database like the first contacts: per department, how many questions took 0, 1, 2, ...
    working days from the local date asked to the local date answered (the working-day calendar), and how
    many are open and past due; the median and 90th percentile are read from those counts.
    """
    pairs = (
        Handover.objects.filter(initiative__in=queryset)
        .annotate(
            wd_department=F("department__name"),
            wd_start=TruncDate("asked_at"),
            wd_end=TruncDate("answered_at"),
            wd_late=ExpressionWrapper(Q(answered_at__isnull=True, due_date__lt=today), output_field=BooleanField()),
        )
        .values("wd_department", "wd_start", "wd_end", "wd_late")
        .annotate(wd_n=Count("pk"))
        .order_by()
    )
    connection = connections[pairs.db]
    inner, params = pairs.query.sql_with_params()
    join, join_params = _calendar_join(connection, days=days)
    outside = "p.wd_end IS NOT NULL AND (s.number IS NULL OR e.number IS NULL)"
    # Only the ORM's own SQL (its values stay parameters) and fixed names are put together here.
    sql = (
        "SELECT p.wd_department, p.wd_end IS NOT NULL, e.number - s.number, "  # noqa: S608  # nosec B608
        f"CASE WHEN {outside} THEN p.wd_start END, CASE WHEN {outside} THEN p.wd_end END, p.wd_late, SUM(p.wd_n) "
        f"FROM ({inner}) p {join} "
        "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1"
    )
    per_department: dict[str, dict] = {}  # in the database's order of names
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *join_params])
        for name, answered, days, first, last, late, n in cursor.fetchall():
            n = int(n)
            department = per_department.setdefault(name, {"asked": 0, "open_overdue": 0, "days": {}})
            department["asked"] += n
            if late:
                department["open_overdue"] += n
            if answered:
                if days is None:  # outside the calendar: core.dates counts it
                    days = working_days_between(_as_date(first), _as_date(last))
                department["days"][days] = department["days"].get(days, 0) + n
    result = []
    for name, department in per_department.items():
        days = Histogram(department["days"])
        result.append(
            DepartmentRow(
                department=name,
                asked=department["asked"],
                answered=len(days),
                open_overdue=department["open_overdue"],
                median_days=_median(days) if len(days) else None,
                p90_days=_percentile_sorted(days, 0.9),
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
