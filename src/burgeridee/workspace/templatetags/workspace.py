from django import template

from burgeridee.initiatives.selectors import overdue_reasons as _overdue_reasons

from ..navigation import nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_nav(context):
    return nav_items(context["request"])


@register.filter
def overdue_reasons(initiative) -> list[str]:
    """Why an inbox row is late (read from the inbox query's annotations, no queries)."""
    return _overdue_reasons(initiative)
