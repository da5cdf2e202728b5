from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.records.navigation import NavItem, nav_registry


class KnowledgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "burgeridee.knowledge"
    verbose_name = _("Kennisbank")

    def ready(self):
        nav_registry.register(NavItem("knowledge:overview", _("Kennisbank"), order=90))
