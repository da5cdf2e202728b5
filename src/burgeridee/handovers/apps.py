from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "burgeridee.handovers"
    label = "handovers"
    verbose_name = _("Warme overdrachten")
