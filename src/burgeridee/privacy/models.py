"""The processing log: every read or change of personal data, in the shape of the Dutch standard
"Logboek dataverwerkingen" (who, what, when in UTC, why, about which initiative)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin

from .constants import ProcessingAction


class ProcessingLogEntry(ChoiceLabelsMixin, models.Model):
    # Logboek dataverwerkingen: every entry has its own trace id and names the processing activity.
    trace_id = models.UUIDField(_("trace-id"), default=uuid.uuid4, editable=False, unique=True)
    occurred_at = models.DateTimeField(_("moment (UTC)"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("door")
    )
    actor_label = models.CharField(_("door (naam)"), max_length=150, blank=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    action = models.CharField(_("handeling"), max_length=10, choices=ProcessingAction.choices)
    activity = models.CharField(
        _("verwerkingsactiviteit"), max_length=100, help_text=_("Bijvoorbeeld: initiatief inzien.")
    )
    purpose = models.CharField(_("doel"), max_length=200)
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiatief"),
    )
    initiative_reference = models.CharField(_("kenmerk"), max_length=20, blank=True, db_index=True)
    data_subject = models.CharField(_("betrokkene"), max_length=150, blank=True)
    fields = models.JSONField(_("gegevens"), default=list, blank=True)

    class Meta:
        verbose_name = _("regel in het verwerkingenlogboek")
        verbose_name_plural = _("verwerkingenlogboek")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["municipality", "initiative", "occurred_at"], name="processing_log_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.activity}"


class DeletionRequest(ChoiceLabelsMixin, models.Model):
    """A resident asks to have their personal data removed (AVG art. 17); a coordinator decides."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CONFIRMED = "uitgevoerd", _("Uitgevoerd")
        REFUSED = "geweigerd", _("Geweigerd")

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        related_name="deletion_requests",
        verbose_name=_("initiatief"),
    )
    requested_at = models.DateTimeField(_("gevraagd op"))
    note = models.TextField(_("toelichting van de bewoner"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("besloten door")
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decision_note = models.TextField(_("toelichting bij het besluit"), blank=True)

    class Meta:
        verbose_name = _("verzoek om verwijdering")
        verbose_name_plural = _("verzoeken om verwijdering")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.initiative_id} {self.get_status_display()}"

    @property
    def respond_by(self):
        """The AVG gives one month to answer a request (art. 12(3))."""
        from dateutil.relativedelta import relativedelta

        return self.requested_at + relativedelta(months=1)
