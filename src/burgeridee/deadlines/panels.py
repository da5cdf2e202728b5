"""The deadlines' section on the staff initiative page (registered in apps.py; see initiatives/panels.py)."""

from burgeridee.initiatives.panels import SIDE, InitiativePanel

from .selectors import follow_up_list_for_initiative


def follow_ups_context(request, initiative) -> dict:
    return {"follow_ups": follow_up_list_for_initiative(initiative=initiative)}


initiative_panel = InitiativePanel(
    key="deadlines", column=SIDE, order=30, template="deadlines/_initiative_section.html", context=follow_ups_context
)
