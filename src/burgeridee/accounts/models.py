"""Staff accounts. Residents never have an account: they use a personal status link."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin

from .constants import EnrolmentReason, Role


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


class Membership(ChoiceLabelsMixin, models.Model):
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

    @property
    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles if role in Role.values]


class EnrolmentLink(models.Model):
    """A one-time link with which a staff member sets up their authenticator app (the second factor).

    Only the SHA-256 hash of the random token is stored. A link works once, until `expires_at`, and
    only for `user`, who must also log in with their password: a password alone never sets up an app.
    A newer link for the same person revokes the older ones.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolment_links",
        verbose_name=_("medewerker"),
    )
    token_hash = models.CharField(_("hash van de link"), max_length=64, unique=True, editable=False)
    reason = models.CharField(_("reden"), max_length=20, choices=EnrolmentReason.choices)
    created_at = models.DateTimeField(_("gemaakt op"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
        help_text=_("Leeg: gemaakt met een beheercommando."),
    )
    expires_at = models.DateTimeField(_("geldig tot"))
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    revoked_at = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, help_text=_("Er kwam een nieuwere link voor dezelfde medewerker.")
    )

    class Meta:
        verbose_name = _("link om de tweede stap in te stellen")
        verbose_name_plural = _("links om de tweede stap in te stellen")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M} ({self.get_reason_display()})"

    def problem(self, *, now) -> str:
        """Why the link cannot be used (`used`, `revoked`, `expired`), or "" when it can."""
        if self.used_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "revoked"
        if now >= self.expires_at:
            return "expired"
        return ""
