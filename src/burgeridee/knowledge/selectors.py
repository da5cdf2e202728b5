"""Reads for the knowledge library, always for one municipality.

What a municipality sees: its own active items, plus the defaults it has not overridden or switched off.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from .constants import Kind, kind_for_key
from .models import KnowledgeItem, KnowledgeLink

SEARCH_FIELDS = (
    "key",
    "title",
    "summary",
    "body",
    "what_goes_wrong",
    "why_it_happens",
    "what_works_better",
    "signal",
    "self_question",
    "example",
    "points",
)


def _own_keys(municipality) -> QuerySet:
    return KnowledgeItem.objects.filter(municipality=municipality).values("key")


def item_list(*, municipality, kind: str | None = None, query: str = "", theme: str = "", group: str = "") -> QuerySet:
    """The items this municipality sees, in library order; optionally of one kind, searched and filtered."""
    items = KnowledgeItem.objects.filter(
        Q(municipality=municipality, is_active=True)
        | (Q(municipality__isnull=True) & ~Q(key__in=_own_keys(municipality)))
    )
    if kind:
        items = items.filter(kind=kind)
    if theme:
        items = items.filter(theme=theme)
    if group:
        items = items.filter(group=group)
    for word in query.split():
        condition = Q()
        for field in SEARCH_FIELDS:
            condition |= Q(**{f"{field}__icontains": word})
        items = items.filter(condition)
    return items.order_by("kind", "number", "title")


def item_get(*, municipality, key: str, kind: str | None = None) -> KnowledgeItem:
    """One item as this municipality sees it; 404 when it does not exist for them or is switched off."""
    items = item_list(municipality=municipality, kind=kind or kind_for_key(key)).filter(key=key)
    item = items.first()
    if item is None:
        raise Http404
    return item


def pitfall_get(*, municipality, key: str) -> KnowledgeItem:
    return item_get(municipality=municipality, key=key, kind=Kind.PITFALL)


def items_by_key(*, municipality, keys) -> dict[str, KnowledgeItem]:
    return {item.key: item for item in item_list(municipality=municipality).filter(key__in=list(keys))}


def case_links(*, municipality, case: KnowledgeItem) -> list[dict]:
    """What a case points to, resolved to the items this municipality sees (missing ones left out)."""
    links = list(case.links.all())
    targets = items_by_key(municipality=municipality, keys=[link.target_key for link in links])
    return [
        {"item": targets[link.target_key], "relation": link.relation, "relation_label": link.get_relation_display()}
        for link in links
        if link.target_key in targets
    ]


def cases_linking_to(*, municipality, key: str) -> list[dict]:
    """The cases this municipality sees that point to `key` (the reverse of case_links)."""
    cases = item_list(municipality=municipality, kind=Kind.CASE)
    links = KnowledgeLink.objects.filter(target_key=key, source__in=cases).select_related("source")
    result = [
        {"item": link.source, "relation": link.relation, "relation_label": link.get_relation_display()}
        for link in links
    ]
    return sorted(result, key=lambda entry: (entry["item"].number, entry["item"].title))


def switched_off(*, municipality) -> QuerySet:
    """Defaults this municipality has switched off (editors can switch them on again)."""
    return KnowledgeItem.objects.filter(municipality=municipality, is_active=False).order_by("kind", "number")


def item_get_for_edit(*, municipality, key: str) -> KnowledgeItem:
    """The row an editor starts from: the municipality's own row if there is one, else the default."""
    own = KnowledgeItem.objects.filter(municipality=municipality, key=key).first()
    if own is not None:
        return own
    default = KnowledgeItem.objects.filter(municipality__isnull=True, key=key).first()
    if default is None:
        raise Http404
    return default


def has_default(*, key: str) -> bool:
    return KnowledgeItem.objects.filter(municipality__isnull=True, key=key).exists()
