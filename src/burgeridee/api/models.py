"""The API's own data: clients with scopes (per municipality), event subscriptions with their deliveries,
and the case-system (ZGW) registration of initiatives. See docs/api.md."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What an API client may read or do. A client has one or more; none implies another."""

    FIGURES = "cijfers", _("Openbare cijfers")
    INITIATIVES = "initiatieven", _("Initiatieven zonder persoonsgegevens")
    CONTACT_DETAILS = "contactgegevens", _("Initiatieven met contactgegevens van de bewoner")
    SUBMIT = "ideeen_indienen", _("Ideeën indienen namens een bewoner")


class ApiClient(models.Model):
    """A system of the municipality that calls the API. Only the SHA-256 of its token is stored."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=120, help_text=_("Bijvoorbeeld: Dashboard wijkteams."))
    scopes = models.JSONField(_("rechten"), default=list)
    token_prefix = models.CharField(_("begin van de sleutel"), max_length=12)
    token_hash = models.CharField(_("controlegetal sleutel"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")
        ordering = ["revoked_at", "name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    # DRF reads request.user.is_authenticated for throttles; the client is request.auth, never a user.
    @property
    def scope_labels(self) -> list[str]:
        return [str(Scope(value).label) for value in self.scopes if value in Scope.values]


class ApiReadAudit(models.Model):
    """Which API client a processing-log line was for: the API's counterpart of records.StaffAuditEntry, so
    the log itself names no one."""

    processing = models.OneToOneField(
        "records.ProcessingLogEntry", on_delete=models.CASCADE, related_name="api_audit", verbose_name=_("regel")
    )
    client = models.ForeignKey(ApiClient, on_delete=models.PROTECT, related_name="+", verbose_name=_("koppeling"))

    class Meta:
        verbose_name = _("inzage via de API")
        verbose_name_plural = _("inzages via de API")

    def __str__(self) -> str:
        return f"{self.client_id}: {self.processing_id}"
