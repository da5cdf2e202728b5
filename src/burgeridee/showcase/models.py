"""Completed initiatives shown publicly, only with the initiators' explicit consent (pitfall V13:
put the residents in the spotlight)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ShowcaseEntry(models.Model):
    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="showcase", verbose_name=_("initiatief")
    )
    achievement = models.TextField(_("wat het heeft opgeleverd"))
    photo = models.BinaryField(_("foto"), null=True, blank=True, editable=True)
    photo_content_type = models.CharField(_("soort foto"), max_length=30, blank=True)
    photo_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name=_("voorbereid door")
    )
    prepared_at = models.DateTimeField(_("voorbereid op"))
    consent_given_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(_("toestemming ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("etalage-item")
        verbose_name_plural = _("etalage")

    def __str__(self) -> str:
        return str(self.initiative_id)

    @property
    def has_consent(self) -> bool:
        return self.consent_given_at is not None and self.consent_withdrawn_at is None
