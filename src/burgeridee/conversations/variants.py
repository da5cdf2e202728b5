"""Variants of the conversation model: a first conversation of a special kind with its own phases and checklist.

The ordinary first conversation is the variant "" (conversations/defaults.py). An app above this one registers
a variant from its AppConfig.ready(), with its default texts and a test for which initiatives it applies to:

    model_variants.register(ModelVariant("uitdaagrecht", _("Uitdaagrecht"), PHASES, CHECKLIST, applies))

Each variant is versioned per municipality like the ordinary model; a new first conversation uses the current
version of the first variant that applies to its initiative (`variant_for`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import Http404
from django.utils.translation import gettext as _

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


def variant_choices() -> list[tuple[str, str]]:
    """(key, label) of every variant, the ordinary model first: the switch on the pages that show one variant."""
    return [("", _("Gewoon eerste gesprek"))] + [(variant.key, str(variant.label)) for variant in model_variants]


def variant_requested(request) -> str:
    """The variant a page or form is about (`?variant=` or a hidden `variant` field; "" the ordinary model). An
    unknown one is a 404."""
    variant = request.GET.get("variant") or request.POST.get("variant") or ""
    if variant and variant not in model_variants:
        raise Http404
    return variant
