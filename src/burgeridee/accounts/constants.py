from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a staff member may do within one municipality. One membership can hold several roles."""

    COORDINATOR = "coordinator", _("Coördinator")
    CONTACT = "contactpersoon", _("Contactpersoon")
    DEPARTMENT = "afdeling", _("Collega van een afdeling")
    TRAINER = "trainer", _("Trainer")
    ADMINISTRATOR = "beheerder", _("Beheerder")


class EnrolmentReason(models.TextChoices):
    """Why someone received a link to set up their authenticator app."""

    NEW_ACCOUNT = "nieuw_account", _("Nieuw account")
    RESET = "opnieuw", _("Tweede stap opnieuw ingesteld")
    NEW_LINK = "nieuwe_link", _("Nieuwe link")
