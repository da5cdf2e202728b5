from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class InsightsConfig(AppConfig):
    name = "burgeridee.insights"
    label = "insights"
    verbose_name = _("Inzicht")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import receivers  # noqa: F401 - connects the receivers; they import models (app registry ready)
        from .calendar import calendar_after_migrate

        post_migrate.connect(calendar_after_migrate, sender=self, dispatch_uid="insights.working_day_calendar")

        nav_registry.register(
            NavItem("insights:dashboard", _("Inzicht"), (Role.COORDINATOR, Role.ADMINISTRATOR), order=40)
        )
