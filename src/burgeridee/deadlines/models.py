"""Dates agreed with the resident after the first contact: "I'll call you back on Thursday"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.dates import local_date
from burgeridee.core.models import ChoiceLabelsMixin

from .constants import FollowUpKind


class FollowUp(ChoiceLabelsMixin, models.Model):
    """A follow-up deadline for one initiative: who does what by when, and when it was done."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("initiatief")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=FollowUpKind.choices, default=FollowUpKind.CALLBACK)
    due_date = models.DateField(_("uiterlijk op"), db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("wie"),
        help_text=_("Leeg: de contactpersoon van het initiatief."),
    )
    note = models.TextField(_("notitie"), blank=True, help_text=_("Wat is er afgesproken?"))
    source_key = models.CharField(
        _("herkomst"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Waar de afspraak vandaan komt, bijvoorbeeld het gespreksverslag."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("gemaakt door")
    )
    created_at = models.DateTimeField(_("gemaakt op"))
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gedaan door"),
    )

    class Meta:
        verbose_name = _("terugbelafspraak")
        verbose_name_plural = _("terugbelafspraken")
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["municipality", "done_at", "due_date"], name="follow_up_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_date:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date < local_date()
