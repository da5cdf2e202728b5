from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "burgeridee.handovers"
    label = "handovers"
    verbose_name = _("Warme overdrachten")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        from . import events  # noqa: F401 - registers this app's time-line events

        nav_item_register(NavItem("handovers:list", _("Vragen aan mijn afdeling"), (Role.DEPARTMENT,)))
