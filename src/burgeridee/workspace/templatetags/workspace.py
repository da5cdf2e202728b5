from django import template

from ..navigation import nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_nav(context):
    return nav_items(context["request"])
