from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.records.navigation import NavItem, nav_registry


class ConversationsConfig(AppConfig):
    name = "burgeridee.conversations"
    label = "conversations"
    verbose_name = _("Eerste gesprek")

    def ready(self):
        # Imported here: models cannot be imported before the app registry is ready, and apps.py loads earlier.
        from burgeridee.initiatives.panels import SIDE, InitiativePanel, initiative_panels
        from burgeridee.initiatives.signals import initiative_closed
        from burgeridee.municipalities.models import Municipality

        from . import events  # noqa: F401 - registers this app's time-line events
        from .receivers import initiative_was_closed, municipality_created

        # The section on the staff initiative page; its template reads the conversation itself (a template tag).
        initiative_panels.register(
            InitiativePanel(
                key="conversation", column=SIDE, order=20, template="conversations/_initiative_section.html"
            )
        )
        nav_registry.register(NavItem("conversations:model", _("Gespreksmodel"), (Role.COORDINATOR,), order=70))
        post_save.connect(municipality_created, sender=Municipality, dispatch_uid="conversations.municipality_created")
        initiative_closed.connect(initiative_was_closed, dispatch_uid="conversations.initiative_was_closed")
