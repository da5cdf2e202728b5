"""Training on measure: the intake and proposal for a request, meetings with sign-up, individual coaching, and the
opt-in that connects a workshop participant's work to the effect figures."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin

from .constants import DEFAULT_VAT, ItemKind, MeetingKind, MeetingStatus, ProposalStatus

CENT = Decimal("0.01")


class Intake(models.Model):
    """The trainer's note of the intake conversation with the requester."""

    request = models.OneToOneField(
        "workshops.WorkshopRequest", on_delete=models.CASCADE, related_name="intake", verbose_name=_("aanvraag")
    )
    held_on = models.DateField(_("gesprek gevoerd op"))
    note = models.TextField(_("aantekeningen van het intakegesprek"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("intakegesprek")
        verbose_name_plural = _("intakegesprekken")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.held_on}"


class Proposal(ChoiceLabelsMixin, models.Model):
    """A proposal on measure for one request. The requester answers it through a personal link (no account)."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="proposals", verbose_name=_("gemeente")
    )
    request = models.ForeignKey(
        "workshops.WorkshopRequest", on_delete=models.CASCADE, related_name="proposals", verbose_name=_("aanvraag")
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("trainer")
    )
    title = models.CharField(_("titel"), max_length=200)
    introduction = models.TextField(_("inleiding"), blank=True)
    place = models.CharField(_("plaats"), max_length=300)
    group_size = models.PositiveSmallIntegerField(_("groepsgrootte"), default=16)
    vat_percentage = models.DecimalField(_("btw-percentage"), max_digits=4, decimal_places=1, default=DEFAULT_VAT)
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    token_nonce = models.CharField(_("sleutel persoonlijke link"), max_length=32, blank=True)
    token_hash = models.CharField(
        _("controlegetal persoonlijke link"), max_length=64, null=True, blank=True, unique=True
    )
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    responded_at = models.DateTimeField(_("reactie op"), null=True, blank=True)
    requester_comment = models.TextField(_("gevraagde wijzigingen"), blank=True)
    accepted_by_name = models.CharField(_("geaccepteerd door"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voorstel op maat")
        verbose_name_plural = _("voorstellen op maat")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (ProposalStatus.DRAFT, ProposalStatus.CHANGES_REQUESTED)

    def totals(self, items=None) -> dict[str, Decimal]:
        """Subtotal excluding VAT, the VAT, and the total, each rounded to the cent (half up)."""
        items = list(self.items.all()) if items is None else items
        subtotal = sum((item.line_total for item in items), Decimal("0.00")).quantize(CENT, ROUND_HALF_UP)
        vat = (subtotal * self.vat_percentage / Decimal(100)).quantize(CENT, ROUND_HALF_UP)
        return {"subtotal": subtotal, "vat": vat, "total": subtotal + vat}


class ProposalItem(ChoiceLabelsMixin, models.Model):
    """One part of a proposal and its price line."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="items", verbose_name=_("voorstel"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    kind = models.CharField(_("soort"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    modules = models.JSONField(_("onderdelen van de workshop"), default=list, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), default=120)
    place = models.CharField(_("plaats"), max_length=300, blank=True)
    quantity = models.PositiveSmallIntegerField(_("aantal"), default=1)
    unit_price = models.DecimalField(_("prijs per stuk (excl. btw)"), max_digits=8, decimal_places=2)
    # What the accepted proposal planned for this line.
    planned_session = models.ForeignKey(
        "workshops.WorkshopSession", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    planned_meeting = models.ForeignKey("Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    planned_trajectory = models.ForeignKey(
        "CoachingTrajectory", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("onderdeel van een voorstel")
        verbose_name_plural = _("onderdelen van een voorstel")
        ordering = ["proposal", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def line_total(self) -> Decimal:
        return (self.unit_price * self.quantity).quantize(CENT, ROUND_HALF_UP)


class Meeting(ChoiceLabelsMixin, models.Model):
    """A meeting (intervision, a meeting with active residents, a custom training): agenda, invitations, sign-up,
    attendance and short outcomes for the participants."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("gemeente")
    )
    proposal = models.ForeignKey(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings", verbose_name=_("voorstel")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.INTERVISION)
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begint om"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), default=120)
    place = models.CharField(_("plaats"), max_length=300)
    description = models.TextField(_("uitleg"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Eén punt per regel."))
    capacity = models.PositiveSmallIntegerField(_("maximaal aantal deelnemers"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("organisator")
    )
    invite_nonce = models.CharField(_("sleutel aanmeldlink"), max_length=32)
    invite_hash = models.CharField(_("controlegetal aanmeldlink"), max_length=64, unique=True)
    invitations_sent = models.PositiveIntegerField(_("uitnodigingen verstuurd"), default=0)
    outcomes = models.TextField(_("opbrengst"), blank=True)
    outcomes_published_at = models.DateTimeField(_("opbrengst gedeeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def agenda_points(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class MeetingSignup(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="signups", verbose_name=_("bijeenkomst")
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"))
    organisation = models.CharField(_("afdeling of organisatie"), max_length=200, blank=True)
    token_nonce = models.CharField(_("sleutel persoonlijke link"), max_length=32)
    token_hash = models.CharField(_("controlegetal persoonlijke link"), max_length=64, unique=True)
    signed_up_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["signed_up_at", "pk"]

    def __str__(self) -> str:
        return self.name


class CoachingTrajectory(models.Model):
    """Individual coaching of a civil servant. Goals, sessions and notes are for the coach and the coachee only."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="coaching_trajectories",
        verbose_name=_("gemeente"),
    )
    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajectories",
        verbose_name=_("voorstel"),
    )
    title = models.CharField(_("titel"), max_length=200)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coaching_as_coach", verbose_name=_("coach")
    )
    coachee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coaching_as_coachee",
        verbose_name=_("coachee"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    finished_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("coachingstraject")
        verbose_name_plural = _("coachingstrajecten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def is_party(self, user) -> bool:
        return user.pk is not None and user.pk in (self.coach_id, self.coachee_id)


class CoachingGoal(models.Model):
    """A goal the coachee and the coach agree, linked to phases of the conversation model, pitfalls and success
    factors by their stable keys (the texts come from the conversation model and the knowledge library)."""

    trajectory = models.ForeignKey(
        CoachingTrajectory, on_delete=models.CASCADE, related_name="goals", verbose_name=_("traject")
    )
    text = models.TextField(_("doel"))
    phase_keys = models.JSONField(_("fasen van het gespreksmodel"), default=list, blank=True)
    pitfall_keys = models.JSONField(_("valkuilen"), default=list, blank=True)
    factor_keys = models.JSONField(_("succesfactoren"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("coachingsdoel")
        verbose_name_plural = _("coachingsdoelen")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class CoachingSession(models.Model):
    trajectory = models.ForeignKey(
        CoachingTrajectory, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("traject")
    )
    starts_at = models.DateTimeField(_("datum en tijd"))
    place = models.CharField(_("plaats"), max_length=300, blank=True)
    held_at = models.DateTimeField(_("gehouden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("coachingsgesprek")
        verbose_name_plural = _("coachingsgesprekken")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.starts_at:%Y-%m-%d}"


class CoachingNote(models.Model):
    """A private note with a session: only the coach and the coachee read it."""

    session = models.ForeignKey(
        CoachingSession, on_delete=models.CASCADE, related_name="notes", verbose_name=_("gesprek")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    text = models.TextField(_("aantekening"))
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("aantekening bij coaching")
        verbose_name_plural = _("aantekeningen bij coaching")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.text[:40]}"


class SharedInitiative(models.Model):
    """A real initiative the coachee brings in: only the summary they write, never the resident's data."""

    trajectory = models.ForeignKey(
        CoachingTrajectory, on_delete=models.CASCADE, related_name="shared_initiatives", verbose_name=_("traject")
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiatief"),
    )
    summary = models.TextField(_("wat ik deel"))
    question = models.TextField(_("mijn vraag aan de coach"), blank=True)
    shared_at = models.DateTimeField(_("gedeeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("gedeeld initiatief")
        verbose_name_plural = _("gedeelde initiatieven")
        ordering = ["shared_at", "pk"]

    def __str__(self) -> str:
        return self.summary[:60]


class WorkshopParticipation(models.Model):
    """A staff member's opt-in: 'I took part in this workshop; count my work in the effect figures', with their
    baseline self-assessment (how they worked before the workshop, scores 1-5 per statement of SELF_ASSESSMENT).
    Withdrawing deletes the row (and both self-assessments with it)."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workshop_participations",
        verbose_name=_("medewerker"),
    )
    session = models.ForeignKey(
        "workshops.WorkshopSession", on_delete=models.CASCADE, related_name="+", verbose_name=_("workshop")
    )
    consented_at = models.DateTimeField(_("toestemming gegeven op"), auto_now_add=True)
    baseline_scores = models.JSONField(_("zelfevaluatie vóór de workshop"), default=dict, blank=True)
    followup_offered_at = models.DateTimeField(_("vragenlijst aangeboden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling workshopdeelname")
        verbose_name_plural = _("koppelingen workshopdeelname")
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="unique_participation_per_session")]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.session_id}"


class SelfAssessment(models.Model):
    """The follow-up self-assessment, three months after the workshop: a score 1-5 per statement (the same
    statements as the baseline on the participation)."""

    participation = models.OneToOneField(
        WorkshopParticipation, on_delete=models.CASCADE, related_name="self_assessment", verbose_name=_("deelname")
    )
    scores = models.JSONField(_("scores"), default=dict)
    submitted_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("zelfevaluatie")
        verbose_name_plural = _("zelfevaluaties")

    def __str__(self) -> str:
        return f"{self.participation_id}"
