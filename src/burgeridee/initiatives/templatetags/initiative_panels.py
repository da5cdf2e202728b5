"""{% initiative_panel panel %}: one section of the staff initiative page (initiatives/panels.py)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def initiative_panel(context, panel):
    """Render the panel's template with the page's context plus the panel's own, as {% include %} does."""
    panel_template = context.template.engine.get_template(panel.template)
    with context.push(**panel.context):
        return panel_template.render(context)
