from django import template

from burgeridee.core.templatetags.cached_fields import cached_field, field_key  # noqa: F401 - field_key for tests

from ..navigation import nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_nav(context):
    return nav_items(context["request"])


# The inbox's filter controls are drawn by the cached control tag that core keeps for every staff page.
register.simple_tag(cached_field, takes_context=True)
