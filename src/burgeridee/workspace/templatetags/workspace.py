import hashlib

from django import template
from django.core.cache import caches
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from ..navigation import nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_nav(context):
    return nav_items(context["request"])


def field_key(bound) -> str:
    """Everything a control's HTML (components/field.html) is made of: the language, the field's name, label,
    description, errors, value, widget attributes and options (the contact people and neighbourhoods of the
    municipality, with their names). Two requests with the same key get the same HTML, so a cached fragment
    cannot be stale nor show one municipality's or user's options to another."""
    field, widget = bound.field, bound.field.widget
    parts = (
        get_language(),
        bound.html_name,
        bound.auto_id,
        type(field).__qualname__,
        type(widget).__qualname__,
        str(bound.label),
        str(bound.help_text),
        field.required,
        field.disabled,
        [str(error) for error in bound.errors],
        repr(bound.value()),
        sorted((name, str(value)) for name, value in widget.attrs.items()),
        [(repr(value), str(label)) for value, label in field.choices],
    )
    return "field:" + hashlib.sha256(repr(parts).encode()).hexdigest()


@register.simple_tag(takes_context=True)
def cached_field(context, bound):
    """`{% include "components/field.html" with field=bound %}`, from the "fragments" cache when the same
        control was drawn before with the same input (`field_key`). A select with the municipality's contact
        people takes its widget templates once per option; the inbox draws seven of them on every visit. Controls
    without options (the search text) are drawn each time."""

    def draw() -> str:
        with context.push(field=bound):
            return str(context.template.engine.get_template("components/field.html").render(context))

    if not hasattr(bound.field, "choices"):
        return SafeString(draw())  # nosec B703 - a plain input is cheap, and typed search text is not kept
    cache = caches["fragments"]
    key = field_key(bound)
    html = cache.get(key)
    if html is None:
        html = draw()
        cache.set(key, html)
    return SafeString(html)  # nosec B703 - rendered by the autoescaping Django template above
