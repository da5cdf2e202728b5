from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "burgeridee.records"
    label = "records"
    verbose_name = _("Vastleggen")

    def ready(self):
        from . import mail_retention  # noqa: F401 - registers the outbox's retention rule
