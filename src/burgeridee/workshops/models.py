"""A live workshop session: its agenda, its participants (display name only) and what they contribute."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin

from .constants import ContributionKind, Module, RequestKind, SessionStatus


class WorkshopSession(ChoiceLabelsMixin, models.Model):
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="workshop_sessions",
        verbose_name=_("gemeente"),
    )
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    place = models.CharField(_("plaats"), max_length=300, blank=True)
    expected_participants = models.PositiveSmallIntegerField(_("verwacht aantal deelnemers"), default=20)
    code = models.CharField(_("deelnamecode"), max_length=12, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.DRAFT)
    current_position = models.PositiveSmallIntegerField(_("huidig onderdeel"), null=True, blank=True)
    step = models.PositiveSmallIntegerField(
        _("stap binnen het onderdeel"), default=0, help_text=_("Dialoog of ronde binnen het huidige onderdeel.")
    )
    revealed = models.BooleanField(_("uitleg getoond"), default=False)
    conversation_model = models.ForeignKey(
        "conversations.ConversationModel",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="workshop_sessions",
        verbose_name=_("gespreksmodel"),
        help_text=_(
            "De versie van het gespreksmodel en de checklist waarmee deze bijeenkomst werkt. Vastgezet bij het "
            "openen, zodat de nummers van de checklist tijdens de bijeenkomst niet veranderen."
        ),
    )
    version = models.PositiveIntegerField(
        _("versie"), default=0, help_text=_("Telt op bij elke stap; schermen van deelnemers volgen deze.")
    )
    module_started_at = models.DateTimeField(_("onderdeel gestart op"), null=True, blank=True)
    opened_at = models.DateTimeField(_("geopend op"), null=True, blank=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    names_removed_at = models.DateTimeField(_("namen verwijderd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshopbijeenkomst")
        verbose_name_plural = _("workshopbijeenkomsten")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"

    @property
    def is_finished(self) -> bool:
        return self.status == SessionStatus.FINISHED


class AgendaItem(ChoiceLabelsMixin, models.Model):
    session = models.ForeignKey(
        WorkshopSession, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("bijeenkomst")
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))
    module = models.CharField(_("onderdeel"), max_length=30, choices=Module.choices)
    minutes = models.PositiveSmallIntegerField(_("geplande minuten"), default=20)
    case_numbers = models.JSONField(_("casussen"), default=list, blank=True)
    groups = models.JSONField(
        _("groepjes"), default=list, blank=True, help_text=_("Deelnemers per groepje (lijsten van nummers).")
    )

    class Meta:
        verbose_name = _("agendaonderdeel")
        verbose_name_plural = _("agendaonderdelen")
        ordering = ["session", "position"]

    def __str__(self) -> str:
        return f"{self.position + 1}. {self.get_module_display()}"


class Participant(models.Model):
    session = models.ForeignKey(
        WorkshopSession, on_delete=models.CASCADE, related_name="participants", verbose_name=_("bijeenkomst")
    )
    display_name = models.CharField(_("naam op het scherm"), max_length=60, blank=True)
    joined_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    name_removed_at = models.DateTimeField(_("naam verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["joined_at", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.display_name or f"Deelnemer {self.pk}"


class Contribution(ChoiceLabelsMixin, models.Model):
    """One answer of one participant: a case answer, picked pitfalls, an observation, a ladder place, a checklist."""

    session = models.ForeignKey(
        WorkshopSession, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("bijeenkomst")
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("agendaonderdeel")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("deelnemer")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ContributionKind.choices)
    key = models.CharField(_("sleutel"), max_length=40, blank=True, help_text=_("Vraag, dialoog, ronde of casus."))
    text = models.TextField(_("tekst"), blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    subject = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="received_feedback",
        verbose_name=_("over deelnemer"),
    )
    group = models.PositiveSmallIntegerField(_("groepje"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "participant", "kind", "key"], name="unique_contribution_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key}".strip()


class BoardFactor(models.Model):
    """A success factor on the board. Duplicates are merged into another factor; their votes move along."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="factors", verbose_name=_("agendaonderdeel")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("deelnemer")
    )
    text = models.CharField(_("succesfactor"), max_length=200)
    source_key = models.CharField(_("succesfactor uit de bibliotheek"), max_length=10, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("samengevoegd met"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("succesfactor op het bord")
        verbose_name_plural = _("succesfactoren op het bord")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text


class FactorVote(models.Model):
    factor = models.ForeignKey(BoardFactor, on_delete=models.CASCADE, related_name="votes", verbose_name=_("factor"))
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="factor_votes", verbose_name=_("deelnemer")
    )

    class Meta:
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [models.UniqueConstraint(fields=["factor", "participant"], name="unique_factor_vote")]

    def __str__(self) -> str:
        return f"{self.participant_id} -> {self.factor_id}"


class WorkshopRequest(ChoiceLabelsMixin, models.Model):
    """A request from a municipality's staff or an organisation for a workshop, training or coaching."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="workshop_requests",
        verbose_name=_("gemeente"),
    )
    kind = models.CharField(_("soort"), max_length=20, choices=RequestKind.choices, default=RequestKind.WORKSHOP)
    organisation = models.CharField(_("afdeling of organisatie"), max_length=200)
    contact_name = models.CharField(_("naam contactpersoon"), max_length=120)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    preferred_dates = models.TextField(_("voorkeursdata"), blank=True)
    participants = models.PositiveSmallIntegerField(_("aantal deelnemers"), null=True, blank=True)
    wishes = models.TextField(_("wensen"), blank=True)
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afgehandeld door"),
    )

    class Meta:
        verbose_name = _("aanvraag workshop of training")
        verbose_name_plural = _("aanvragen workshop of training")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.organisation}"
