from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "burgeridee.initiatives"
    label = "initiatives"
    verbose_name = _("Initiatieven")

    def ready(self):
        from . import (
            events,  # noqa: F401 - registers this app's time-line events
            panels,  # noqa: F401 - registers the staff initiative page's own sections
            retention,  # noqa: F401 - registers the anonymiser
        )
        from .deadlines import deadline_source_changed, deadline_source_deleted

        # Any model an overdue condition names as a source (registered by apps above this one); the receiver
        # returns at once for the others.
        post_save.connect(deadline_source_changed, dispatch_uid="initiatives.deadline_source_saved")
        post_delete.connect(deadline_source_deleted, dispatch_uid="initiatives.deadline_source_deleted")
        post_migrate.connect(deadlines_after_migrate, sender=self, dispatch_uid="initiatives.deadlines_after_migrate")


def deadlines_after_migrate(sender, **kwargs):
    """After `migrate` (every table exists then): fill `next_deadline` where it is missing or stale, e.g. the
    first time after the column was added. A no-op on a database that is up to date."""
    from .deadlines import deadlines_repair

    deadlines_repair()
