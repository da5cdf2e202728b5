from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class AdministrationConfig(AppConfig):
    name = "burgeridee.administration"
    label = "administration"
    verbose_name = _("Inrichting en beheer")

    def ready(self):
        nav_registry.register(NavItem("administration:overview", _("Inrichting"), (Role.ADMINISTRATOR,), order=95))
