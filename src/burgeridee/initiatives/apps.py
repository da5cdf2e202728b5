from django.apps import AppConfig
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
