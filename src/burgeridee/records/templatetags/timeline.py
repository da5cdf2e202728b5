"""{% event_text event "staff" %}: one time-line event as text for staff or for the resident.

{% load timeline %}
{% event_text event "resident" as text %}{% if text %}<li>{{ text }}</li>{% endif %}
"""

from django import template

register = template.Library()


@register.simple_tag
def event_text(event, audience: str):
    """The event rendered by its kind's template (records.events); the stored key for an unknown kind."""
    return event.render(audience)
