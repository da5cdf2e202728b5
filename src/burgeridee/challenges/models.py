"""The right to challenge (uitdaagrecht): a municipality's bylaw settings, its challengeable tasks and
criteria, and each challenge, which rides on an initiative (inbox, contact person, time line, processing log
and retention keep working) and adds its own route: plan, advice, assessment, decision, agreement."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin

from .constants import Channel, CriterionVerdict, Decision, SupportEvidence


class ChallengeSettings(models.Model):
    """What a municipality's participation bylaw says about the right to challenge."""

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="challenge_settings",
        verbose_name=_("gemeente"),
    )
    is_enabled = models.BooleanField(
        _("de verordening geeft het uitdaagrecht"),
        default=False,
        help_text=_("Aan: bewoners zien de uitleg en het formulier op de website."),
    )
    bylaw_text = models.TextField(_("tekst uit de verordening"), blank=True)
    bylaw_url = models.URLField(_("link naar de verordening"), blank=True)
    decision_weeks = models.PositiveSmallIntegerField(
        _("beslistermijn in weken"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Binnen hoeveel weken na een compleet plan besluit de gemeente."),
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("instellingen uitdaagrecht")
        verbose_name_plural = _("instellingen uitdaagrecht")

    def __str__(self) -> str:
        return str(self.municipality)


class ChallengeTask(models.Model):
    """A municipal task residents may challenge, with its public description."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="challenge_tasks",
        verbose_name=_("gemeente"),
    )
    title = models.CharField(_("taak"), max_length=120)
    description = models.TextField(_("korte uitleg voor bewoners"))
    department = models.ForeignKey(
        "municipalities.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenge_tasks",
        verbose_name=_("afdeling"),
        help_text=_("De afdeling die de taak nu doet. Zij geeft advies over een uitdaging."),
    )
    cost = models.CharField(_("wat de taak nu kost"), max_length=200, blank=True)
    quality = models.TextField(_("gevraagde kwaliteit"), blank=True)
    public_url = models.URLField(
        _("waar de gemeente de taak publiceert"),
        blank=True,
        help_text=_("Een pagina op de website van de gemeente over deze taak, met bijvoorbeeld kosten en kwaliteit."),
    )
    is_active = models.BooleanField(_("op de website"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("taak voor het uitdaagrecht")
        verbose_name_plural = _("taken voor het uitdaagrecht")
        ordering = ["order", "title", "id"]

    def __str__(self) -> str:
        return self.title


class ChallengeCriterion(models.Model):
    """One point on which the municipality assesses a challenge, with its explanation."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="challenge_criteria",
        verbose_name=_("gemeente"),
    )
    key = models.SlugField(_("sleutel"), max_length=60)
    title = models.CharField(_("beoordelingspunt"), max_length=120)
    explanation = models.TextField(_("uitleg"))
    is_active = models.BooleanField(_("actief"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("beoordelingspunt")
        verbose_name_plural = _("beoordelingspunten")
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="unique_challenge_criterion")]

    def __str__(self) -> str:
        return self.title


class SettingsChange(models.Model):
    """Audit trail of the functional administrator's changes to the right-to-challenge settings."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    actor_label = models.CharField(_("naam medewerker"), max_length=200)
    at = models.DateTimeField(_("op"))
    what = models.CharField(_("onderdeel"), max_length=40)
    changes = models.JSONField(_("wijzigingen"), default=dict)

    class Meta:
        verbose_name = _("wijziging uitdaagrecht")
        verbose_name_plural = _("wijzigingen uitdaagrecht")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.what} {self.at:%Y-%m-%d %H:%M}"


class Challenge(ChoiceLabelsMixin, models.Model):
    """A challenge: residents ask to take over a municipal task. One per initiative."""

    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="challenge", verbose_name=_("initiatief")
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="challenges", verbose_name=_("gemeente")
    )
    task = models.ForeignKey(
        ChallengeTask,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenges",
        verbose_name=_("taak"),
    )
    other_task = models.CharField(_("andere taak"), max_length=200, blank=True)
    channel = models.CharField(_("begonnen via"), max_length=20, choices=Channel.choices, default=Channel.FORM)
    received_at = models.DateTimeField(_("ontvangen op"))
    resident_agreement = models.TextField(
        _("instemming van de bewoner"),
        blank=True,
        help_text=_("Bij een omgezet idee: hoe en wanneer de bewoner instemde."),
    )
    # The plan, built together.
    plan_what = models.TextField(_("wat gaan de bewoners doen"), blank=True)
    plan_where = models.CharField(_("waar"), max_length=200, blank=True)
    plan_budget = models.DecimalField(
        _("budget (euro per jaar)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    plan_quality = models.TextField(_("kwaliteit"), blank=True)
    plan_insurance = models.TextField(_("verzekering"), blank=True)
    plan_support_evidence = models.CharField(
        _("draagvlak blijkt uit"), max_length=20, choices=SupportEvidence.choices, blank=True
    )
    plan_support_count = models.PositiveIntegerField(_("aantal handtekeningen of brieven"), null=True, blank=True)
    plan_support_note = models.TextField(_("toelichting op het draagvlak"), blank=True)
    plan_completed_at = models.DateTimeField(_("plan compleet op"), null=True, blank=True)
    decision_due = models.DateField(_("besluit uiterlijk"), null=True, blank=True)
    assessed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(_("motivering"), blank=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    # The agreement of a granted challenge.
    agreement_starts = models.DateField(_("overeenkomst gaat in op"), null=True, blank=True)
    agreement_ends = models.DateField(_("overeenkomst loopt tot"), null=True, blank=True)
    agreement_budget = models.DecimalField(
        _("budget in de overeenkomst (euro per jaar)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    agreement_quality = models.TextField(_("afgesproken kwaliteit"), blank=True)
    agreement_made_at = models.DateTimeField(_("overeenkomst gesloten op"), null=True, blank=True)
    evaluated_at = models.DateTimeField(_("geëvalueerd op"), null=True, blank=True)
    evaluation_note = models.TextField(_("uitkomst evaluatie"), blank=True)

    class Meta:
        verbose_name = _("uitdaging")
        verbose_name_plural = _("uitdagingen")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["municipality", "decision", "decided_at"], name="challenge_register_idx")]

    def __str__(self) -> str:
        return f"{self.initiative.reference}: {self.task_title}"

    @property
    def task_title(self) -> str:
        return self.task.title if self.task else self.other_task

    @property
    def is_decided(self) -> bool:
        return bool(self.decision)

    @property
    def plan_is_complete(self) -> bool:
        return self.plan_completed_at is not None


class CriterionAssessment(ChoiceLabelsMixin, models.Model):
    """How a challenge scores on one criterion, with the reasoning. The criterion's title is copied, so an
    assessment reads the same after the municipality renames or removes the criterion."""

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("uitdaging")
    )
    criterion = models.ForeignKey(
        ChallengeCriterion, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("beoordelingspunt")
    )
    criterion_title = models.CharField(_("beoordelingspunt"), max_length=120)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    verdict = models.CharField(_("oordeel"), max_length=20, choices=CriterionVerdict.choices)
    reasoning = models.TextField(_("onderbouwing"))

    class Meta:
        verbose_name = _("beoordeling per punt")
        verbose_name_plural = _("beoordelingen per punt")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.criterion_title}: {self.get_verdict_display()}"


class MonitoringMoment(models.Model):
    """A moment in a granted challenge's agreement when the municipality and residents look at how it goes.
    Each becomes a follow-up deadline (deadlines.FollowUp) for the contact person."""

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="monitoring_moments", verbose_name=_("uitdaging")
    )
    due_date = models.DateField(_("datum"))
    description = models.CharField(_("wat bekijken we"), max_length=200)
    follow_up = models.OneToOneField(
        "deadlines.FollowUp", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("monitoringsmoment")
        verbose_name_plural = _("monitoringsmomenten")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return f"{self.due_date:%Y-%m-%d} {self.description}"
