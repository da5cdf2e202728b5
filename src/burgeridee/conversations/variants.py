"""Variants of the conversation model: a first conversation of a special kind with its own phases and checklist.

The ordinary first conversation is the variant "" (conversations/defaults.py). An app above this one registers
a variant from its AppConfig.ready(), with its default texts and a test for which initiatives it applies to:

    model_variants.register(ModelVariant("uitdaagrecht", _("Uitdaagrecht"), PHASES, CHECKLIST, applies))

Each variant is versioned per municipality like the ordinary model; a new first conversation uses the current
version of the first variant that applies to its initiative (`variant_for`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from burgeridee.records.registry import Registry


@dataclass(frozen=True)
class ModelVariant:
    key: str
    label: str
    phases: list = field(compare=False)
    checklist: list = field(compare=False)
    # (initiative) -> bool: whether a first conversation about this initiative uses the variant.
    applies: Callable = field(compare=False)


model_variants = Registry[ModelVariant]("conversation model variants")


def variant_for(*, initiative) -> str:
    """The variant of a first conversation about `initiative`; "" for the ordinary one."""
    for variant in model_variants:
        if variant.applies(initiative):
            return variant.key
    return ""
