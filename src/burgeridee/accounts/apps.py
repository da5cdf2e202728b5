from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "burgeridee.accounts"
    label = "accounts"
    verbose_name = _("Medewerkers")

    def ready(self):
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        from . import middleware  # noqa: F401 - connects the login-time signal
        from .constants import Role

        nav_item_register(NavItem("accounts:colleagues", _("Medewerkers"), (Role.COORDINATOR, Role.ADMINISTRATOR)))
