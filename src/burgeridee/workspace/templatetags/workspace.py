from django import template

from burgeridee.initiatives.constants import Phase, StopReason

from ..navigation import nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_nav(context):
    return nav_items(context["request"])


@register.filter
def phase_label(value: str) -> str:
    return Phase(value).label if value in Phase.values else value


@register.filter
def stop_reason_label(value: str) -> str:
    return StopReason(value).label if value in StopReason.values else value
