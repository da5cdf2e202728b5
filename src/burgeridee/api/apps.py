from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "burgeridee.api"
    label = "api"
    verbose_name = _("API, meldingen en zaaksysteem")

    def ready(self):
        from django.db.models.signals import post_save

        from burgeridee.accounts.constants import Role
        from burgeridee.records.models import TimelineEvent
        from burgeridee.records.navigation import NavItem, nav_registry

        from . import schema  # noqa: F401 - registers the OpenAPI security scheme (imports DRF)
        from .notifications import timeline_event_saved
        from .zgw import timeline_event_saved as zgw_timeline_event_saved

        # Notifications hear the time line: every action that matters already writes an event there.
        post_save.connect(timeline_event_saved, sender=TimelineEvent, dispatch_uid="api.notifications")
        # The case system (ZGW) hears the same events; its work is queued, never done in the request.
        post_save.connect(zgw_timeline_event_saved, sender=TimelineEvent, dispatch_uid="api.zgw")

        nav_registry.register(NavItem("api:clients", _("API en koppelingen"), (Role.ADMINISTRATOR,), order=96))
