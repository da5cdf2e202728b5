from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "burgeridee.knowledge"
    verbose_name = _("Kennisbank")

    def ready(self):
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        nav_item_register(NavItem("knowledge:overview", _("Kennisbank")))
