from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.records.navigation import NavItem, nav_registry

from .constants import INTAKE_ROLES


def letter_panel_context(request, initiative) -> dict:
    from .selectors import letter_state  # imports models: only once the app registry is ready

    return {"letter": letter_state(initiative=initiative)}


class IntakeConfig(AppConfig):
    name = "burgeridee.intake"
    label = "intake"
    verbose_name = _("Intake door een medewerker")

    def ready(self):
        # Imported here: initiatives.panels imports models, which cannot be imported before the app registry is ready.
        from burgeridee.initiatives.panels import SIDE, InitiativePanel, initiative_panels

        nav_registry.register(NavItem("intake:form", _("Idee registreren"), INTAKE_ROLES, order=60))
        # The section on the staff initiative page: for a resident without internet, the letter with their link.
        initiative_panels.register(
            InitiativePanel(
                key="letter",
                column=SIDE,
                order=12,
                template="intake/_initiative_section.html",
                context=letter_panel_context,
                roles=INTAKE_ROLES,
            )
        )
