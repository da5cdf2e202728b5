from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "burgeridee.showcase"
    label = "showcase"
    verbose_name = _("Etalage")

    def ready(self):
        from . import events  # noqa: F401 - registers this app's time-line events
