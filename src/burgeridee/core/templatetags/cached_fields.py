"""{% cached_field form.name %}: one form control (components/field.html) from the "fragments" cache.

A control's HTML is made only of what `field_key` puts in the key, so a cached fragment can be neither stale nor
another municipality's or user's. Selects are kept (their options cost a widget template each); other controls
only while their form is unbound, so text someone typed is never kept. Used by the inbox's filters and the
controls of the staff initiative page's forms (docs/benchmark.md).
"""

import hashlib

from django import template
from django.core.cache import caches
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


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
        bound.form.use_required_attribute,
        [str(error) for error in bound.errors],
        repr(bound.value()),
        sorted((name, str(value)) for name, value in widget.attrs.items()),
        [(repr(value), str(label)) for value, label in getattr(field, "choices", ())],
    )
    return "field:" + hashlib.sha256(repr(parts).encode()).hexdigest()


@register.simple_tag(takes_context=True)
def cached_field(context, bound):
    """`{% include "components/field.html" with field=bound %}`, from the "fragments" cache when the same
    control was drawn before with the same input (`field_key`). A select with the municipality's contact
    people takes its widget templates once per option; the inbox draws seven of them on every visit. A control
    without options is kept only while its form is unbound: typed text (search words, a message) never is."""

    def draw() -> str:
        with context.push(field=bound):
            return str(context.template.engine.get_template("components/field.html").render(context))

    if not hasattr(bound.field, "choices") and bound.form.is_bound:
        return SafeString(draw())  # nosec B703 - rendered by the autoescaping Django template in draw()
    return SafeString(caches["fragments"].get_or_set(field_key(bound), draw))  # nosec B703 - rendered by the autoescaping Django template above
