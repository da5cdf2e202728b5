from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class HandoversConfig(AppConfig):
    name = "burgeridee.handovers"
    label = "handovers"
    verbose_name = _("Warme overdrachten")

    def ready(self):
        # Imported here: these modules import models, which cannot be imported before the app registry is ready.
        from burgeridee.initiatives.panels import initiative_panels

        from . import events  # noqa: F401 - registers this app's time-line events
        from .panels import initiative_panel

        initiative_panels.register(initiative_panel)

        nav_registry.register(NavItem("handovers:list", _("Vragen aan mijn afdeling"), (Role.DEPARTMENT,), order=50))
