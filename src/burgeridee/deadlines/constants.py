from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUpKind(models.TextChoices):
    CALLBACK = "terugbellen", _("Terugbellen")
    OTHER = "anders", _("Iets anders")
