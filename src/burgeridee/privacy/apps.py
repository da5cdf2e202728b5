from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "burgeridee.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        from . import events  # noqa: F401 - registers this app's time-line events

        nav_item_register(NavItem("privacy:overview", _("Privacy"), (Role.COORDINATOR, Role.ADMINISTRATOR)))
