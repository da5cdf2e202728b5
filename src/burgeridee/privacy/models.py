"""A resident's request to remove their personal data. The processing log lives in the records
foundation (`records.ProcessingLogEntry`)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin


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
        return self.requested_at + relativedelta(months=1)
