from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessingAction(models.TextChoices):
    """What was done with personal data (Logboek dataverwerkingen: the kind of processing)."""

    READ = "read", _("Ingezien")
    CREATE = "create", _("Vastgelegd")
    UPDATE = "update", _("Gewijzigd")
    DELETE = "delete", _("Verwijderd")
    EXPORT = "export", _("Geëxporteerd")
    SEND = "send", _("Verstuurd")
