"""What a change to a municipality's set-up was. Who made it is in records.StaffAuditEntry (through the
processing-log line the change wrote); this row says what changed, from what to what."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WORKSPACE = "werkplek", _("Werkplek")
    CONFIGURATION_FILE = "configuratiebestand", _("Configuratiebestand (YAML)")
    DEMO = "demo", _("Demogegevens")


class ConfigurationChange(models.Model):
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    processing = models.OneToOneField(
        "records.ProcessingLogEntry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="configuration_change",
        verbose_name=_("regel in het verwerkingenlogboek"),
    )
    created_at = models.DateTimeField(_("moment"), db_index=True)
    activity = models.CharField(_("wat"), max_length=64)
    summary = models.CharField(_("wijziging"), max_length=500)
    before = models.JSONField(_("was"), default=dict, blank=True)
    after = models.JSONField(_("is nu"), default=dict, blank=True)
    source = models.CharField(_("via"), max_length=30, choices=Source.choices, default=Source.WORKSPACE)

    class Meta:
        verbose_name = _("wijziging in de inrichting")
        verbose_name_plural = _("wijzigingen in de inrichting")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.summary}"

    @property
    def actor_label(self) -> str:
        audit = getattr(self.processing, "staff_audit", None) if self.processing_id else None
        return audit.actor_label if audit else ""
