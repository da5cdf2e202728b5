from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class PrivacyConfig(AppConfig):
    name = "burgeridee.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        # Imported here: initiatives.panels imports models, which cannot be imported before the app registry is ready.
        from burgeridee.initiatives.panels import FOOT, InitiativePanel, initiative_panels

        from . import (
            events,  # noqa: F401 - registers this app's time-line events
            receivers,  # noqa: F401 - connects the receivers; they import models (app registry ready)
        )

        # Under the staff initiative page, for administrators: the link to the initiative's processing log.
        initiative_panels.register(
            InitiativePanel(
                key="processing_log",
                column=FOOT,
                order=10,
                template="privacy/_initiative_section.html",
                roles=(Role.ADMINISTRATOR,),
            )
        )

        nav_registry.register(
            NavItem("privacy:overview", _("Privacy"), (Role.COORDINATOR, Role.ADMINISTRATOR), order=30)
        )
