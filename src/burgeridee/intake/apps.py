from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class IntakeConfig(AppConfig):
    name = "burgeridee.intake"
    label = "intake"
    verbose_name = _("Intake door een medewerker")

    def ready(self):
        nav_registry.register(NavItem("intake:form", _("Idee registreren"), (Role.COORDINATOR, Role.CONTACT), order=60))
