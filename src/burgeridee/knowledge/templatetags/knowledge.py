"""Link into the knowledge library from any staff template.

    {% load knowledge %}
    {% pitfall_link "V4" %}          → <a href="…/kennisbank/valkuilen/V4/">V4 Geen of traag antwoord</a>
    {% knowledge_link "SF12" %}      → the same for any key (success factor, role, phase, case)
    {% knowledge_url "V4" as url %}  → only the address
    {% pitfall_card "V5" %}          → a small reminder: title, "vraag aan jezelf" and a link (for the
                                       conversation screen and the preparation page)

The municipality comes from the template context (`municipality`) or from request.municipality.
Titles are read once per request.
"""

from django import template
from django.http import Http404
from django.utils.html import format_html

from ..constants import Kind, kind_for_key
from ..links import knowledge_url as _knowledge_url
from ..selectors import item_list, pitfall_get

register = template.Library()


def _municipality(context):
    municipality = context.get("municipality")
    if municipality is None and context.get("request") is not None:
        municipality = getattr(context["request"], "municipality", None)
    if municipality is None:
        raise template.TemplateSyntaxError("knowledge links need a municipality in the context")
    return municipality


def _labels(context, municipality) -> dict[str, str]:
    request = context.get("request")
    cache = getattr(request, "_knowledge_labels", None) if request is not None else None
    if cache is None or cache[0] != municipality.pk:
        labels = {item.key: item.label for item in item_list(municipality=municipality)}
        cache = (municipality.pk, labels)
        if request is not None:
            request._knowledge_labels = cache
    return cache[1]


@register.simple_tag(takes_context=True)
def knowledge_url(context, key: str) -> str:
    return _knowledge_url(municipality_slug=_municipality(context).slug, key=key)


@register.simple_tag(takes_context=True)
def knowledge_link(context, key: str, text: str = ""):
    municipality = _municipality(context)
    label = text or _labels(context, municipality).get(key)
    if label is None:
        return key  # switched off or unknown: plain text, no dead link
    return format_html(
        '<a class="utrecht-link" href="{}">{}</a>',
        _knowledge_url(municipality_slug=municipality.slug, key=key),
        label,
    )


@register.simple_tag(takes_context=True)
def pitfall_link(context, key: str, text: str = ""):
    if kind_for_key(key) != Kind.PITFALL:
        raise template.TemplateSyntaxError(f"{key} is not a pitfall key")
    return knowledge_link(context, key, text)


@register.inclusion_tag("knowledge/_pitfall_card.html", takes_context=True)
def pitfall_card(context, key: str, heading_level: int = 3):
    """A reminder of one pitfall; renders nothing when the municipality switched it off."""
    municipality = _municipality(context)
    try:
        pitfall = pitfall_get(municipality=municipality, key=key)
    except Http404:
        pitfall = None
    return {
        "pitfall": pitfall,
        "heading_level": heading_level,
        "url": _knowledge_url(municipality_slug=municipality.slug, key=key) if pitfall else "",
    }
