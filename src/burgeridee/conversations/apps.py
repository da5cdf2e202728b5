from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "burgeridee.conversations"
    label = "conversations"
    verbose_name = _("Eerste gesprek")

    def ready(self):
        from burgeridee.accounts.constants import Role
        from burgeridee.workspace.navigation import NavItem, nav_item_register

        from . import events  # noqa: F401 - registers this app's time-line events

        nav_item_register(NavItem("conversations:model", _("Gespreksmodel"), (Role.COORDINATOR,)))
