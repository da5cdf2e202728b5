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
        # The one staff page is Inrichting -> Medewerkers (administration): the administrator manages staff
        # there, a coordinator resets a lost phone there. Registered here as before, in the same place.
        nav_registry.register(
            NavItem("administration:staff", _("Medewerkers"), (Role.COORDINATOR, Role.ADMINISTRATOR), order=20)
        )
        # Mail the outbox could not deliver (core/outbox.py): the coordinator sees it and sends it again.
        nav_registry.register(
            NavItem("workspace:mail_stuck", _("Mail die niet aankwam"), (Role.COORDINATOR,), order=90)
        )
