from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class WorkspaceConfig(AppConfig):
    name = "burgeridee.workspace"
    label = "workspace"
    verbose_name = _("Werkplek")

    def ready(self):
        nav_registry.register(
            NavItem("workspace:inbox", _("Inbox"), (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR), order=10)
        )
        # The colleagues pages belong to accounts, but accounts is part of the ground below records and
        # may not import the registry; the shell, which may import every layer, registers them for it.
        nav_registry.register(
            NavItem("accounts:colleagues", _("Medewerkers"), (Role.COORDINATOR, Role.ADMINISTRATOR), order=20)
        )
        # Mail the outbox could not deliver (core/outbox.py): the coordinator sees it and sends it again.
        nav_registry.register(
            NavItem("workspace:mail_stuck", _("Mail die niet aankwam"), (Role.COORDINATOR,), order=90)
        )
