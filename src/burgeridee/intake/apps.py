from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "burgeridee.intake"
    label = "intake"
    verbose_name = _("Intake door een medewerker")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        nav_item_register(NavItem("intake:form", _("Idee registreren"), (Role.COORDINATOR, Role.CONTACT)))
