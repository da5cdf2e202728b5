"""Warm hand-over: the contact person asks a department a question; the department answers in the system."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.dates import local_date


class Handover(models.Model):
    """One question from the contact person to a department about one initiative.

    The contact person stays the resident's only contact: the department sees the idea, the question
    and the context, never the resident's name or contact details.
    """

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="handovers", verbose_name=_("initiatief")
    )
    department = models.ForeignKey(
        "municipalities.Department", on_delete=models.PROTECT, related_name="handovers", verbose_name=_("afdeling")
    )
    question = models.TextField(_("vraag"), help_text=_("Wat wil de contactpersoon van de afdeling weten?"))
    context = models.TextField(
        _("achtergrond"), blank=True, help_text=_("Wat de afdeling moet weten om de vraag te beantwoorden.")
    )
    due_date = models.DateField(_("antwoord uiterlijk"), db_index=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="handovers_asked",
        verbose_name=_("gevraagd door"),
    )
    asked_at = models.DateTimeField(_("gevraagd op"))
    answer = models.TextField(_("antwoord"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handovers_answered",
        verbose_name=_("beantwoord door"),
    )
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("warme overdracht")
        verbose_name_plural = _("warme overdrachten")
        ordering = ["due_date", "asked_at", "id"]
        indexes = [
            models.Index(fields=["municipality", "department", "answered_at"], name="handover_department_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.department}: {self.question[:40]}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date < local_date()
