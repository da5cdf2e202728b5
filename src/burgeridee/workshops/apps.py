from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "burgeridee.workshops"
    label = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        """Registers the app's plug-ins. Imported here: retention and the modules import models (app registry)."""
        from burgeridee.accounts.constants import Role
        from burgeridee.records.navigation import NavItem, nav_registry

        nav_registry.register(NavItem("workshops:list", _("Workshops"), (Role.TRAINER,), order=80))
        from . import retention  # noqa: F401 - registers the retention rule for workshop requests
        from .modules import (  # noqa: F401 - each module file registers its workshop module
            cases,
            checklist,
            factors,
            intro,
            ladder,
            pitfalls,
            roleplay,
        )
