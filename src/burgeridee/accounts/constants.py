from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a staff member may do within one municipality. One membership can hold several roles."""

    COORDINATOR = "coordinator", _("Coördinator")
    CONTACT = "contactpersoon", _("Contactpersoon")
    DEPARTMENT = "afdeling", _("Collega van een afdeling")
    TRAINER = "trainer", _("Trainer")
    ADMINISTRATOR = "beheerder", _("Beheerder")
