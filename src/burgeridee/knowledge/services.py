"""Writes for the knowledge library. Defaults (municipality NULL) are never changed here: a municipality
gets its own row with the same key, which then takes the default's place for that municipality only."""

from django.db import transaction
from django.utils.text import slugify

from .constants import Kind, LinkRelation, is_reserved_case_key
from .models import KnowledgeItem, KnowledgeLink

COPIED_FIELDS = (
    "kind",
    "number",
    "title",
    "summary",
    "body",
    "what_goes_wrong",
    "why_it_happens",
    "what_works_better",
    "signal",
    "self_question",
    "group",
    "example",
    "points",
    "theme",
)


def _own_row(*, municipality, key: str) -> KnowledgeItem:
    """The municipality's row for `key`, made as a copy of the default (with its links) when missing."""
    own = KnowledgeItem.objects.filter(municipality=municipality, key=key).first()
    if own is not None:
        return own
    default = KnowledgeItem.objects.get(municipality__isnull=True, key=key)
    own = KnowledgeItem.objects.create(
        municipality=municipality, key=key, **{field: getattr(default, field) for field in COPIED_FIELDS}
    )
    KnowledgeLink.objects.bulk_create(
        KnowledgeLink(source=own, target_key=link.target_key, relation=link.relation) for link in default.links.all()
    )
    return own


def _set_links(*, item: KnowledgeItem, keys: list[str]) -> None:
    """Keep the links to `keys` (their relation stays), add new ones as 'speelt in deze casus'."""
    existing = {link.target_key: link for link in item.links.all()}
    item.links.exclude(target_key__in=keys).delete()
    KnowledgeLink.objects.bulk_create(
        KnowledgeLink(source=item, target_key=key, relation=LinkRelation.SHOWS) for key in keys if key not in existing
    )


@transaction.atomic
def item_update(*, municipality, key: str, data: dict, actor, link_keys: list[str] | None = None) -> KnowledgeItem:
    """Change the text of an item for this municipality (a default becomes the municipality's own copy)."""
    item = _own_row(municipality=municipality, key=key)
    for field, value in data.items():
        setattr(item, field, value)
    item.updated_by = actor
    item.save()
    if link_keys is not None and item.kind == Kind.CASE:
        _set_links(item=item, keys=link_keys)
    return item


def _free_case_key(*, municipality, title: str) -> str:
    base = slugify(title)[:50] or "casus"
    if is_reserved_case_key(base):
        base = f"casus-{base}"
    taken = set(
        KnowledgeItem.objects.filter(key__startswith=base, municipality__isnull=True).values_list("key", flat=True)
    ) | set(KnowledgeItem.objects.filter(key__startswith=base, municipality=municipality).values_list("key", flat=True))
    key, counter = base, 2
    while key in taken:
        key, counter = f"{base}-{counter}", counter + 1
    return key


@transaction.atomic
def case_create(*, municipality, data: dict, actor, link_keys: list[str]) -> KnowledgeItem:
    """Add a practice case of the municipality's own, for example from a finished initiative."""
    last = (
        KnowledgeItem.objects.filter(kind=Kind.CASE, municipality__isnull=True).order_by("-number").first(),
        KnowledgeItem.objects.filter(kind=Kind.CASE, municipality=municipality).order_by("-number").first(),
    )
    number = max((item.number for item in last if item), default=0) + 1
    item = KnowledgeItem.objects.create(
        municipality=municipality,
        kind=Kind.CASE,
        key=_free_case_key(municipality=municipality, title=data["title"]),
        number=number,
        updated_by=actor,
        **data,
    )
    _set_links(item=item, keys=link_keys)
    return item


@transaction.atomic
def item_switch(*, municipality, key: str, active: bool, actor) -> KnowledgeItem:
    """Switch an item off (or on again) for this municipality only."""
    item = _own_row(municipality=municipality, key=key)
    item.is_active = active
    item.updated_by = actor
    item.save(update_fields=["is_active", "updated_by", "updated_at"])
    return item


@transaction.atomic
def item_restore_default(*, municipality, key: str) -> None:
    """Drop the municipality's own version so the default text shows again (only where a default exists)."""
    if KnowledgeItem.objects.filter(municipality__isnull=True, key=key).exists():
        KnowledgeItem.objects.filter(municipality=municipality, key=key).delete()
