"""Reads for the knowledge library, always for one municipality.

What a municipality sees: its own active items, plus the defaults it has not overridden or switched off.
Other apps read pitfalls, success factors and the participation ladder only through this module (one source
for each fact); they store the stable keys (V3, SF12, `faciliteren`) and ask here for the words.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from .constants import ROLE_KEYS, Kind, kind_for_key
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


# --- For other apps: the words for keys they store ------------------------------------------------------


def items_in_own_words(*, municipality, keys) -> dict[str, KnowledgeItem]:
    """Per key the item as this municipality last worded it, switched off or not: its own row, else the default.

    For keys stored elsewhere (a phase's pitfalls, a reflection, a report's roles): they keep reading well
    after the municipality switched the item off. Unknown keys are left out.
    """
    rows = KnowledgeItem.objects.filter(Q(municipality=municipality) | Q(municipality__isnull=True), key__in=list(keys))
    found: dict[str, KnowledgeItem] = {}
    for item in rows:
        if item.key not in found or not item.is_default:
            found[item.key] = item
    return found


def pitfall_choices(*, municipality, keep=()) -> list[tuple[str, str]]:
    """(key, "V1 Title") to choose from: the pitfalls this municipality sees, in library order, then any key
    in `keep` (chosen earlier) it no longer sees, so saving a form again does not drop it."""
    choices = [(item.key, item.label) for item in item_list(municipality=municipality, kind=Kind.PITFALL)]
    offered = {key for key, _label in choices}
    missing = [key for key in dict.fromkeys(keep) if key not in offered]
    if missing:
        words = items_in_own_words(municipality=municipality, keys=missing)
        choices += [(key, words[key].label if key in words else key) for key in missing]
    return choices


def pitfall_titles(*, municipality, keys) -> dict[str, str]:
    """Key → title in this municipality's words, for pitfall keys stored elsewhere (an unknown key reads as itself)."""
    keys = list(keys)
    words = items_in_own_words(municipality=municipality, keys=keys)
    return {key: words[key].title if key in words else key for key in keys}


def _rung_label(item: KnowledgeItem) -> str:
    summary = item.summary.strip().rstrip(".")
    return f"{item.title}: {summary}" if summary else item.title


def participation_ladder(*, municipality) -> dict[str, str]:
    """The government participation ladder (ROB 2012): rung key → "Title: summary", in ladder order.

    Always all five rungs, in this municipality's words (its own text, else the default): the ladder is a fixed
    scale, conversations and reports store these keys, and a rung switched off in the library is still a rung.
    """
    words = items_in_own_words(municipality=municipality, keys=ROLE_KEYS)
    return {key: _rung_label(words[key]) if key in words else key for key in ROLE_KEYS}
