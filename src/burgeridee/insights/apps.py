from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "burgeridee.insights"
    label = "insights"
    verbose_name = _("Inzicht")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        nav_item_register(NavItem("insights:dashboard", _("Inzicht"), (Role.COORDINATOR, Role.ADMINISTRATOR)))
