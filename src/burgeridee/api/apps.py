from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "burgeridee.api"
    label = "api"
    verbose_name = _("API, meldingen en zaaksysteem")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.records.navigation import NavItem, nav_registry

        from . import schema  # noqa: F401 - registers the OpenAPI security scheme (imports DRF)

        nav_registry.register(NavItem("api:clients", _("API en koppelingen"), (Role.ADMINISTRATOR,), order=96))
