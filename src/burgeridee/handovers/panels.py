"""The hand-overs' section on the staff initiative page (registered in apps.py; see initiatives/panels.py)."""

from burgeridee.initiatives.panels import MAIN, InitiativePanel

from .selectors import handover_list_for_initiative


def handovers_context(request, initiative) -> dict:
    return {"handovers": handover_list_for_initiative(initiative=initiative)}


initiative_panel = InitiativePanel(
    key="handovers", column=MAIN, order=30, template="handovers/_initiative_section.html", context=handovers_context
)
