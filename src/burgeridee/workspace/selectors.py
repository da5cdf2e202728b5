"""Reads for the workspace, always scoped to one municipality."""

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from burgeridee.conversations.selectors import reports_disputed_unseen_q
from burgeridee.initiatives.constants import CLOSED_PHASES, MessageDirection
from burgeridee.initiatives.models import Initiative, Message
from burgeridee.initiatives.search import initiative_search
from burgeridee.initiatives.selectors import overdue_q, with_overdue_reasons
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


def _tab_q(tab: str, *, user) -> Q:
    if tab == TAB_NEW:
        return Q(contact_person__isnull=True) & ~Q(phase__in=CLOSED_PHASES)
    if tab == TAB_MINE:
        return Q(contact_person=user)
    if tab == TAB_OVERDUE:
        return overdue_q()
    return Q()


def inbox_counts(*, municipality: Municipality, user) -> dict[str, int]:
    """How many initiatives each tab holds (one query)."""
    return Initiative.objects.filter(municipality=municipality).aggregate(
        **{tab.replace("-", "_"): Count("pk", filter=_tab_q(tab, user=user)) for tab in TABS}
    )


def inbox_list(*, municipality: Municipality, user, filters: InboxFilters) -> QuerySet[Initiative]:
    """The inbox rows: scoped to the municipality, filtered, searched and sorted.

    A constant number of queries whatever the page size: related rows by JOIN, support types by one
    prefetch, unread messages, a disputed report not yet read, overdue state and why a row is late as
    annotations. Unread messages are a
    correlated subquery, not a JOIN with GROUP BY: PostgreSQL then counts them only for the rows of the
    page, and the page count stays a plain COUNT(*).
    """
    queryset = Initiative.objects.filter(municipality=municipality).filter(_tab_q(filters.tab, user=user))
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
    queryset = initiative_search(queryset, filters.q)
    unread = (
        Message.objects.filter(initiative=OuterRef("pk"), direction=MessageDirection.INBOUND, read_at__isnull=True)
        .order_by()
        .values("initiative")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # The resident said the report is not right, and nobody has read their comments yet.
    disputed = reports_disputed_unseen_q().filter(conversation__initiative=OuterRef("pk"))
    queryset = with_overdue_reasons(queryset).annotate(
        unread_messages=Coalesce(Subquery(unread, output_field=IntegerField()), 0),
        report_disputed=Exists(disputed),
    )
    return (
        queryset.select_related("neighbourhood", "contact_person")
        .prefetch_related("support_requests")
        .order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT]))
    )
