"""Reads for the workspace, always scoped to one municipality."""

import json
from base64 import urlsafe_b64decode, urlsafe_b64encode
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan
from django.utils import timezone

from burgeridee.conversations.selectors import reports_disputed_unseen_q
from burgeridee.initiatives.constants import CLOSED_PHASES, MessageDirection
from burgeridee.initiatives.models import Initiative, Message, SupportRequest
from burgeridee.initiatives.search import initiative_search
from burgeridee.initiatives.selectors import overdue_conditions
from burgeridee.municipalities.models import Municipality

TAB_NEW = "nieuw"
TAB_MINE = "mijn"
TAB_OVERDUE = "te-laat"
TAB_ALL = "alle"
TABS = [TAB_NEW, TAB_MINE, TAB_OVERDUE, TAB_ALL]

SORTS = {
    "nieuwste": ("-submitted_at", "-id"),
    "oudste": ("submitted_at", "id"),
    "deadline": ("first_contact_due", "submitted_at", "id"),
    "naam": ("title", "id"),
}
DEFAULT_SORT = "nieuwste"


@dataclass(frozen=True)
class InboxFilters:
    tab: str = TAB_NEW
    q: str = ""
    phase: str = ""
    theme: str = ""
    neighbourhood: int | None = None
    support_type: str = ""
    contact_person: int | None = None
    channel: str = ""
    sort: str = DEFAULT_SORT


def late_q(*, today: date | None = None) -> Q:
    """Open initiatives with a passed deadline: the stored column finds them, their own deadlines confirm them.

    `next_deadline < today` (initiatives/deadlines.py) is an index range over the municipality's late ones only;
    each found row is then confirmed by its conditions' own deadlines (correlated, per found row), so a row whose
    deadline was met by a write past the model (a queryset update) does not show as late even before the daily
    repair. The same set as initiatives.selectors.overdue_q: the tests compare them after every service."""
    today = today or timezone.localdate()
    confirmed = Q()
    for condition in overdue_conditions:
        if condition.deadline is not None:
            confirmed |= Q(LessThan(condition.deadline(), Value(today)))
    return Q(next_deadline__lt=today) & ~Q(phase__in=CLOSED_PHASES) & confirmed


def _tab_q(tab: str, *, user, today: date | None = None) -> Q:
    if tab == TAB_NEW:
        return Q(contact_person__isnull=True) & ~Q(phase__in=CLOSED_PHASES)
    if tab == TAB_MINE:
        return Q(contact_person=user)
    if tab == TAB_OVERDUE:
        return late_q(today=today)
    return Q()


# Counts stop here: a tab or a search with more shows "99+" / "Meer dan 99 initiatieven gevonden" (as a mail
# program counts unread mail). Counting stops after this many rows, so the counts cost the same in a municipality
# of 3,000 initiatives as in one of 90,000; a late or found row costs a visit of its table row, so the cap is low.
COUNT_CAP = 99


@dataclass(frozen=True)
class CappedCount:
    """How many, up to COUNT_CAP: `value` is exact unless `capped`."""

    value: int
    capped: bool

    def __str__(self) -> str:
        return f"{self.value}+" if self.capped else str(self.value)


def capped_counts(querysets: dict[str, QuerySet]) -> dict[str, CappedCount]:
    """COUNT of each queryset up to COUNT_CAP + 1 rows, all in one query.

    `SELECT (SELECT COUNT(*) FROM (<first queryset> LIMIT 100)), (...)`: each inner query stops after a
    hundred rows of its index, whatever the municipality's size. The SQL and parameters come from the ORM's
    own compiler (no text from the request goes into the statement itself)."""
    parts, params = [], []
    for queryset in querysets.values():
        sql, part_params = queryset.order_by().values("pk")[: COUNT_CAP + 1].query.sql_with_params()
        # The ORM compiled `sql`; its values stay bound parameters.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS capped)")  # noqa: S608  # nosec B608
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)  # nosec B608
        row = cursor.fetchone()
    return {
        key: CappedCount(min(number, COUNT_CAP), number > COUNT_CAP) for key, number in zip(querysets, row, strict=True)
    }


def inbox_counts_and_total(
    *, municipality: Municipality, user, filters: InboxFilters, today: date | None = None
) -> tuple[dict[str, CappedCount], CappedCount]:
    """How many initiatives each tab holds, and how many the current tab with its filters shows (one query)."""
    today = today or timezone.localdate()
    base = Initiative.objects.filter(municipality=municipality)
    querysets = {tab.replace("-", "_"): base.filter(_tab_q(tab, user=user, today=today)) for tab in TABS}
    querysets["total"] = inbox_filtered(municipality=municipality, user=user, filters=filters, today=today)
    counts = capped_counts(querysets)
    total = counts.pop("total")
    return counts, total


def inbox_filtered(
    *, municipality: Municipality, user, filters: InboxFilters, today: date | None = None
) -> QuerySet[Initiative]:
    """The initiatives of the tab with the filters and the search, without annotations or order."""
    queryset = Initiative.objects.filter(municipality=municipality).filter(_tab_q(filters.tab, user=user, today=today))
    if filters.phase:
        queryset = queryset.filter(phase=filters.phase)
    if filters.theme:
        queryset = queryset.filter(theme=filters.theme)
    if filters.neighbourhood:
        queryset = queryset.filter(neighbourhood_id=filters.neighbourhood)
    if filters.support_type:
        queryset = queryset.filter(support_requests__support_type=filters.support_type)
    if filters.contact_person:
        queryset = queryset.filter(contact_person_id=filters.contact_person)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    return initiative_search(queryset, filters.q)


def _with_row_markers(queryset: QuerySet, *, today: date) -> QuerySet:
    """Unread messages, a disputed report not yet read, and why a row is late (`overdue_<key>`), per row.

    Correlated subqueries in the SELECT list: PostgreSQL evaluates them after ORDER BY and LIMIT, so for the
    25 rows of the page only. Each reason reads the stored deadline first and asks the condition's own deadline
    only for a row that is late. `is_overdue` is not asked of the database: it is `late_q`, which is exactly
    "one of the reasons holds" (`_mark_overdue`), so its subqueries are neither built nor run twice."""
    unread = (
        Message.objects.filter(initiative=OuterRef("pk"), direction=MessageDirection.INBOUND, read_at__isnull=True)
        .order_by()
        .values("initiative")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # The resident said the report is not right, and nobody has read their comments yet.
    disputed = reports_disputed_unseen_q().filter(conversation__initiative=OuterRef("pk"))
    late = Q(next_deadline__lt=today) & ~Q(phase__in=CLOSED_PHASES)
    reasons = {
        f"overdue_{condition.key}": Case(
            When(late & Q(LessThan(condition.deadline(), Value(today))), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        for condition in overdue_conditions
        if condition.deadline is not None
    }
    return queryset.annotate(
        unread_messages=Coalesce(Subquery(unread, output_field=IntegerField()), 0),
        report_disputed=Exists(disputed),
        **reasons,
    )


def _mark_overdue(rows: list) -> None:
    """`is_overdue` of each row from its reasons: late_q is `late AND (deadline_1 < today OR ...)` and reason k is
    `late AND deadline_k < today`, so a row is late exactly when one of its reasons holds (the first contact's
    condition, registered by the initiatives app itself, always has a deadline)."""
    keys = [f"overdue_{condition.key}" for condition in overdue_conditions if condition.deadline is not None]
    for row in rows:
        row.is_overdue = any(getattr(row, key) for key in keys)


# What a row of the inbox shows (workspace/rows.py) and the sort orders' columns (the cursors): the row query loads
# only these, not the initiative's long texts nor the contact person's whole user row.
ROW_FIELDS = (
    "title",
    "reference",
    "channel",
    "phase",
    "submitted_at",
    "first_contact_at",
    "first_contact_due",
    "neighbourhood",
    "neighbourhood__name",
    "contact_person",
    "contact_person__first_name",
    "contact_person__last_name",
    "contact_person__username",
)


def _cursor_q(order: tuple[str, ...], values: list, *, forward: bool) -> Q:
    """Rows after (or, not forward, before) the row with these sort values, in the order `order`.

    Written as `a >= x AND (a > x OR (a = x AND (b > y OR ...)))`: the first, redundant bound lets the index of
    the sort order start right at the cursor instead of filtering from the start."""
    fields = [(name.lstrip("-"), name.startswith("-")) for name in order]

    def after(index: int) -> Q:
        name, descending = fields[index]
        strict = "lt" if descending == forward else "gt"
        beyond = Q(**{f"{name}__{strict}": values[index]})
        if index == len(fields) - 1:
            return beyond
        return beyond | (Q(**{name: values[index]}) & after(index + 1))

    name, descending = fields[0]
    bound = Q(**{f"{name}__{'lte' if descending == forward else 'gte'}": values[0]})
    return bound & after(0)


@dataclass
class InboxPage:
    """One page of the inbox, found by keyset: the rows after (or before) a cursor, in a stable order."""

    object_list: list
    has_next: bool
    has_previous: bool
    next_cursor: str = ""
    previous_cursor: str = ""

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous


def _encode(order: tuple[str, ...], row) -> str:
    values = [getattr(row, name.lstrip("-")) for name in order]
    data = json.dumps([v.isoformat() if hasattr(v, "isoformat") else v for v in values], separators=(",", ":"))
    return urlsafe_b64encode(data.encode()).decode().rstrip("=")


def _decode(order: tuple[str, ...], cursor: str) -> list | None:
    """The sort values in a cursor, or None when it is not one of ours (then the first page is shown)."""
    try:
        values = json.loads(urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(order):
            return None
        parsed = []
        for name, value in zip(order, values, strict=True):
            field = Initiative._meta.get_field(name.lstrip("-"))
            parsed.append(field.to_python(value))
            if parsed[-1] is None:
                return None
        return parsed
    except (ValueError, TypeError, ValidationError, UnicodeDecodeError):
        return None


def inbox_page(
    *,
    municipality: Municipality,
    user,
    filters: InboxFilters,
    after: str = "",
    before: str = "",
    offset: int = 0,
    size: int = 25,
    today: date | None = None,
) -> InboxPage:
    """The rows of one inbox page: the first, the one after cursor `after`, or the one before cursor `before`.

    Keyset pagination: `WHERE (sort values) beyond the cursor ORDER BY ... LIMIT size + 1`, served by the
    (municipality, sort columns) indexes, so every page reads about `size` rows however many the tab holds, and
    a row that arrives or leaves meanwhile neither hides nor repeats another. `offset` only serves old links
    with a page number and no cursor."""
    today = today or timezone.localdate()
    order = SORTS.get(filters.sort, SORTS[DEFAULT_SORT])
    reverse = tuple(name[1:] if name.startswith("-") else f"-{name}" for name in order)
    queryset = inbox_filtered(municipality=municipality, user=user, filters=filters, today=today)
    backwards = False
    if before and (values := _decode(order, before)) is not None:
        backwards = True
        queryset = queryset.filter(_cursor_q(order, values, forward=False)).order_by(*reverse)
    elif after and (values := _decode(order, after)) is not None:
        queryset = queryset.filter(_cursor_q(order, values, forward=True)).order_by(*order)
        offset = 0
    else:
        queryset = queryset.order_by(*order)
    queryset = (
        _with_row_markers(queryset, today=today)
        .select_related("neighbourhood", "contact_person")
        .only(*ROW_FIELDS)
        .prefetch_related(
            Prefetch("support_requests", queryset=SupportRequest.objects.only("initiative", "support_type"))
        )
    )
    rows = list(queryset[offset : offset + size + 1]) if not backwards else list(queryset[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    _mark_overdue(rows)
    if backwards:
        rows.reverse()
        has_previous, has_next = more, True
    else:
        has_previous, has_next = bool(after) or offset > 0, more
    return InboxPage(
        object_list=rows,
        has_next=has_next and bool(rows),
        has_previous=has_previous and bool(rows),
        next_cursor=_encode(order, rows[-1]) if rows else "",
        previous_cursor=_encode(order, rows[0]) if rows else "",
    )
