"""Staff accounts. Residents never have an account: they use a personal status link."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A civil servant, trainer or administrator."""

    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    job_title = models.CharField(_("functie"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
