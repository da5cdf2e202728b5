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


class Membership(models.Model):
    """A staff member's place in one municipality, with their roles there."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("medewerker"))
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gemeente"),
    )
    roles = models.JSONField(_("rollen"), default=list, help_text=_("Een of meer rollen binnen deze gemeente."))
    department = models.ForeignKey(
        "municipalities.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("afdeling"),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["user", "municipality"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.municipality}"

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)
