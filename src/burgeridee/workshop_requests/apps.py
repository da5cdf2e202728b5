from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopRequestsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "burgeridee.workshop_requests"
    verbose_name = _("Aanvragen voor workshops, trainingen en coaching")
