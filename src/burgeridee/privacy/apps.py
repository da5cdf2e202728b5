from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class PrivacyConfig(AppConfig):
    name = "burgeridee.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from . import (
            events,  # noqa: F401 - registers this app's time-line events
            receivers,  # noqa: F401 - connects the receivers; they import models (app registry ready)
        )

        nav_registry.register(
            NavItem("privacy:overview", _("Privacy"), (Role.COORDINATOR, Role.ADMINISTRATOR), order=30)
        )
