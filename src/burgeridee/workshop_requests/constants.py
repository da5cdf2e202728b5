from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    WORKSHOP = "workshop", _("De workshop “Oké, een burger-idee” (een dagdeel)")
    TRAINING = "training", _("Een training")
    COACHING = "coaching", _("Coaching op maat")


class RequestStatus(models.TextChoices):
    NEW = "nieuw", _("Nieuw")
    IN_PROGRESS = "in_behandeling", _("In behandeling")
    PLANNED = "ingepland", _("Ingepland")
    CLOSED = "afgehandeld", _("Afgehandeld")


OTHER_MUNICIPALITY = "anders"
