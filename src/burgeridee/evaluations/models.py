from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def score_field(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Evaluation(models.Model):
    """The resident looks back on the process and the result, once the initiative has ended."""

    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="evaluation", verbose_name=_("initiatief")
    )
    invited_at = models.DateTimeField(_("uitgenodigd op"))
    submitted_at = models.DateTimeField(_("ingevuld op"), null=True, blank=True)
    reachability = score_field(_("bereikbaarheid"))
    reachability_comment = models.TextField(_("toelichting bereikbaarheid"), blank=True)
    speed = score_field(_("snelheid"))
    speed_comment = models.TextField(_("toelichting snelheid"), blank=True)
    clarity = score_field(_("duidelijkheid"))
    clarity_comment = models.TextField(_("toelichting duidelijkheid"), blank=True)
    personal_contact = score_field(_("persoonlijk contact"))
    personal_contact_comment = models.TextField(_("toelichting persoonlijk contact"), blank=True)
    result = score_field(_("resultaat"))
    result_comment = models.TextField(_("toelichting resultaat"), blank=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return f"{self.initiative_id}"
