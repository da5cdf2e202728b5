"""The default library every municipality gets. Loaded by a data migration; safe to run again."""

from .constants import Kind
from .content_articles import ARTICLES
from .content_cases import CASES
from .content_factors import PHASES, ROLES, SUCCESS_FACTORS
from .content_pitfalls import PITFALLS

DEFAULTS = {
    Kind.PITFALL: PITFALLS,
    Kind.SUCCESS_FACTOR: SUCCESS_FACTORS,
    Kind.ROLE: ROLES,
    Kind.PHASE: PHASES,
    Kind.CASE: CASES,
    Kind.ARTICLE: ARTICLES,
}


def defaults_load(item_model=None, link_model=None) -> int:
    """Create the default items that are missing (municipality NULL). Existing rows stay as they are.

    Takes the models as arguments so a data migration can pass its historical models. Returns the number
    of items created.
    """
    if item_model is None:  # not from a migration: the current models (a migration must not import them)
        from .models import KnowledgeItem as item_model  # noqa: N813
        from .models import KnowledgeLink as link_model  # noqa: N813

    existing = set(item_model.objects.filter(municipality__isnull=True).values_list("key", flat=True))
    created = 0
    for kind, entries in DEFAULTS.items():
        for number, entry in enumerate(entries, start=1):
            if entry["key"] in existing:
                continue
            data = {name: value for name, value in entry.items() if name != "links"}
            item = item_model.objects.create(kind=kind, number=number, municipality=None, **data)
            link_model.objects.bulk_create(
                link_model(source=item, target_key=key, relation=relation) for key, relation in entry.get("links", [])
            )
            created += 1
    return created
