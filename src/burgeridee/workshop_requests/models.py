"""A request for the workshop, a training or coaching, sent from the public form."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.municipalities.models import Municipality

from .constants import RequestKind, RequestStatus


class WorkshopRequest(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="workshop_requests",
        verbose_name=_("behandelende gemeente"),
        help_text=_("De trainers van deze gemeente zien de aanvraag."),
    )
    municipality_name = models.CharField(_("naam gemeente of organisatie"), max_length=160)
    contact_name = models.CharField(_("contactpersoon"), max_length=160)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    kind = models.CharField(_("soort aanvraag"), max_length=20, choices=RequestKind.choices)
    preferred_dates = models.TextField(_("voorkeursdata"))
    participants = models.PositiveSmallIntegerField(
        _("aantal deelnemers"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    wishes = models.TextField(_("wensen"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW)
    received_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )

    class Meta:
        verbose_name = _("aanvraag workshop of training")
        verbose_name_plural = _("aanvragen workshop of training")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.municipality_name}"
