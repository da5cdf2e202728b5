from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "burgeridee.sso"
    label = "sso"
    verbose_name = _("Inloggen met werkaccount")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.accounts.external import login_alternatives
        from burgeridee.records.navigation import NavItem, nav_registry

        from . import receivers  # noqa: F401 - connects the processing-log receivers
        from .views import login_alternatives_for_providers

        nav_registry.register(NavItem("sso:settings", _("Inloggen met werkaccount"), (Role.ADMINISTRATOR,), order=90))
        if login_alternatives_for_providers not in login_alternatives:
            login_alternatives.append(login_alternatives_for_providers)
