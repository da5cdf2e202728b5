"""The conversation model (phases and checklist, per municipality, versioned) and the first conversation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Municipality

from .constants import (
    AGREEMENT_OPEN,
    AGREEMENT_STATUS_FOR_RESIDENT,
    AgreementResponse,
    AgreementStatus,
    ConversationStatus,
    Facilitation,
    ModelStatus,
    Moment,
    ReportStatus,
    TaskKind,
)


class ConversationModel(models.Model):
    """One version of a municipality's conversation model. A published version never changes."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="conversation_models", verbose_name=_("gemeente")
    )
    # "" is the ordinary first conversation; another app may register a variant (conversations/variants.py),
    # e.g. "uitdaagrecht" for a challenge's first conversation. Each variant has its own versions.
    variant = models.CharField(_("variant"), max_length=30, blank=True, default="", db_index=True)
    version = models.PositiveIntegerField(_("versie"), null=True, blank=True, help_text=_("Leeg bij een concept."))
    status = models.CharField(_("status"), max_length=20, choices=ModelStatus.choices, default=ModelStatus.DRAFT)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("gebaseerd op")
    )
    chosen_at = models.DateTimeField(
        _("als huidige versie gekozen op"),
        null=True,
        blank=True,
        help_text=_("De gepubliceerde versie die het laatst is gekozen, is de huidige (publiceren kiest ook)."),
    )

    class Meta:
        verbose_name = _("gespreksmodel")
        verbose_name_plural = _("gespreksmodellen")
        ordering = ["municipality", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "variant", "version"], name="unique_conversation_model_version"
            ),
            models.UniqueConstraint(
                fields=["municipality", "variant"],
                condition=models.Q(status="concept"),
                name="one_conversation_model_draft",
            ),
        ]

    def __str__(self) -> str:
        if self.status == ModelStatus.DRAFT:
            return f"{self.municipality}: {_('concept')}"
        return f"{self.municipality}: {_('versie')} {self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == ModelStatus.DRAFT


class ModelPhase(ChoiceLabelsMixin, models.Model):
    """One of the phases of the conversation: purpose, guiding questions, pitfall, what to capture."""

    model = models.ForeignKey(
        ConversationModel, on_delete=models.CASCADE, related_name="phases", verbose_name=_("gespreksmodel")
    )
    key = models.SlugField(_("sleutel"), max_length=40, help_text=_("Vaste naam, ook na herformuleren."))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=120)
    purpose = models.TextField(_("doel"), blank=True)
    guiding_questions = models.TextField(_("leidende vragen"), blank=True, help_text=_("Eén vraag per regel."))
    pitfall_reminder = models.CharField(_("valkuil (korte herinnering)"), max_length=300, blank=True)
    pitfall_ids = models.JSONField(_("valkuilen"), default=list, blank=True, help_text=_("Bijvoorbeeld V5, V6."))
    capture_fields = models.JSONField(_("vast te leggen"), default=list, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("fase van het gesprek")
        verbose_name_plural = _("fasen van het gesprek")
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="unique_phase_key_per_model")]

    def __str__(self) -> str:
        return self.title

    @property
    def questions(self) -> list[str]:
        return [line.strip() for line in self.guiding_questions.splitlines() if line.strip()]


class ChecklistItem(ChoiceLabelsMixin, models.Model):
    model = models.ForeignKey(
        ConversationModel, on_delete=models.CASCADE, related_name="checklist_items", verbose_name=_("gespreksmodel")
    )
    key = models.SlugField(_("sleutel"), max_length=40)
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("tekst"), max_length=300)
    is_active = models.BooleanField(_("actief"), default=True)
    task_kind = models.CharField(
        _("wordt taak"),
        max_length=20,
        choices=TaskKind.choices,
        blank=True,
        help_text=_("Alleen voor 'na het gesprek': welke taak dit punt na het gesprek wordt."),
    )
    due_working_days = models.PositiveSmallIntegerField(
        _("termijn in werkdagen"),
        null=True,
        blank=True,
        help_text=_("Na het gesprek: binnen hoeveel werkdagen. Leeg bij terugbellen (de afgesproken datum)."),
    )

    class Meta:
        verbose_name = _("punt van de checklist")
        verbose_name_plural = _("checklist")
        ordering = ["moment", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="unique_checklist_key_per_model")]

    def __str__(self) -> str:
        return self.text


class Conversation(ChoiceLabelsMixin, models.Model):
    """The first conversation about an initiative, run with one version of the conversation model."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="conversation", verbose_name=_("initiatief")
    )
    model = models.ForeignKey(
        ConversationModel, on_delete=models.PROTECT, related_name="conversations", verbose_name=_("gespreksmodel")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ConversationStatus.choices, default=ConversationStatus.PLANNED
    )
    starts_at = models.DateTimeField(_("begint om"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), default=60)
    place = models.CharField(_("plek"), max_length=200)
    participants = models.TextField(_("wie schuiven aan"), blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="conversations",
        verbose_name=_("gespreksleider"),
    )
    invitation_sent_at = models.DateTimeField(_("uitnodiging verstuurd op"), null=True, blank=True)
    invitation_channel = models.CharField(_("uitnodiging via"), max_length=20, blank=True)
    captures = models.JSONField(_("vastgelegd"), default=dict, blank=True)
    phase_notes = models.JSONField(_("aantekeningen per fase"), default=dict, blank=True)
    municipal_roles = models.JSONField(_("rol van de gemeente"), default=list, blank=True)
    agreements_draft = models.JSONField(_("afspraken (tijdens het gesprek)"), default=list, blank=True)
    checked_items = models.JSONField(_("afgevinkte punten"), default=list, blank=True)
    callback_date = models.DateField(_("terugbeldatum"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("waardering bewoner"), null=True, blank=True)
    held_at = models.DateTimeField(_("gehouden op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("eerste gesprek")
        verbose_name_plural = _("eerste gesprekken")

    def __str__(self) -> str:
        return f"{self.initiative.reference}: {self.starts_at:%Y-%m-%d %H:%M}"


class Report(ChoiceLabelsMixin, models.Model):
    """The conversation report. Only a draft changes; a change after sending makes a new version."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="reports", verbose_name=_("gesprek")
    )
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    summary = models.TextField(_("samenvatting"))
    municipal_roles = models.JSONField(_("rol van de gemeente"), default=list, blank=True)
    initiator_role = models.TextField(_("rol van de initiatiefnemer"), blank=True)
    next_step = models.TextField(_("volgende stap"))
    callback_date = models.DateField(_("terugbeldatum"))
    resident_comment = models.TextField(_("opmerking van de bewoner"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    responded_at = models.DateTimeField(_("reactie op"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    # The resident's comments were read: until then the inbox marks the initiative "Verslag betwist".
    comments_seen_at = models.DateTimeField(_("opmerkingen gelezen op"), null=True, blank=True)
    comments_seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opmerkingen gelezen door"),
    )

    class Meta:
        verbose_name = _("gespreksverslag")
        verbose_name_plural = _("gespreksverslagen")
        ordering = ["conversation", "-version"]
        constraints = [models.UniqueConstraint(fields=["conversation", "version"], name="unique_report_version")]
        indexes = [
            # The inbox's "Verslag betwist" marker (conversations.selectors.reports_disputed_unseen_q): only the
            # few reports with unread comments, so the marker no longer scans every report of the installation.
            models.Index(
                fields=["conversation"],
                name="report_disputed_unseen_idx",
                condition=models.Q(status=ReportStatus.COMMENTED, comments_seen_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation.initiative.reference} v{self.version}"

    @property
    def is_frozen(self) -> bool:
        return self.status != ReportStatus.DRAFT


class Agreement(ChoiceLabelsMixin, models.Model):
    """One agreement in a report: what, who, by when. The resident agrees or comments."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("verslag"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    what = models.CharField(_("wat"), max_length=300)
    who = models.CharField(_("wie"), max_length=120)
    due_date = models.DateField(_("uiterlijk"), null=True, blank=True)
    response = models.CharField(
        _("reactie bewoner"), max_length=20, choices=AgreementResponse.choices, default=AgreementResponse.PENDING
    )
    resident_comment = models.TextField(_("opmerking bewoner"), blank=True)
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    status = models.CharField(
        _("stand"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.PROPOSED
    )
    reason = models.TextField(_("reden"), blank=True, help_text=_("Waarom de afspraak is vervallen."))

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.what

    @property
    def is_open(self) -> bool:
        return self.status in AGREEMENT_OPEN

    @property
    def status_for_resident(self) -> str:
        return AGREEMENT_STATUS_FOR_RESIDENT[self.status]

    @property
    def last_step(self):
        """The latest step (from the prefetched steps when there are)."""
        steps = list(self.steps.all())
        return steps[-1] if steps else None


class AgreementStep(ChoiceLabelsMixin, models.Model):
    """One step in an agreement's life: to which state, when, and who took it (a colleague, the resident)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="steps", verbose_name=_("afspraak"))
    status = models.CharField(_("stand"), max_length=20, choices=AgreementStatus.choices)
    at = models.DateTimeField(_("moment"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    by_resident = models.BooleanField(_("door de bewoner"), default=False)
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("stap van een afspraak")
        verbose_name_plural = _("stappen van afspraken")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.agreement_id} {self.status} {self.at:%Y-%m-%d}"

    @property
    def status_for_resident(self) -> str:
        return AGREEMENT_STATUS_FOR_RESIDENT[self.status]


class FollowUpTask(ChoiceLabelsMixin, models.Model):
    """After the conversation: a checklist item that became a task with a due date (feeds the inbox)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="follow_up_tasks", verbose_name=_("initiatief")
    )
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("gesprek")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=TaskKind.choices)
    checklist_key = models.SlugField(_("checklistpunt"), max_length=40, blank=True)
    title = models.CharField(_("taak"), max_length=300)
    due_date = models.DateField(_("uiterlijk"), db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_tasks",
        verbose_name=_("voor"),
    )
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)

    class Meta:
        verbose_name = _("taak na het gesprek")
        verbose_name_plural = _("taken na het gesprek")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "checklist_key"], name="unique_task_per_checklist_item")
        ]

    def __str__(self) -> str:
        return self.title


class Reflection(models.Model):
    """The civil servant's own look back. Only its author reads it; only anonymous totals leave it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections", verbose_name=_("medewerker")
    )
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="reflections", verbose_name=_("gesprek")
    )
    facilitation = models.CharField(_("gefaciliteerd of overgenomen"), max_length=20, choices=Facilitation.choices)
    pitfalls_felt = models.JSONField(_("gevoelde valkuilen"), default=list, blank=True)
    note = models.TextField(_("aantekening"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        constraints = [models.UniqueConstraint(fields=["user", "conversation"], name="unique_reflection")]

    def __str__(self) -> str:
        return f"{self.user} / {self.conversation_id}"


class ResidentLink(models.Model):
    """A link in an email to the resident that opens their conversation page. Only the hash is stored.

    The personal status link's token is never stored, so later emails carry their own token.
    """

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="resident_links", verbose_name=_("gesprek")
    )
    token_hash = models.CharField(_("controlegetal"), max_length=64, unique=True)
    # The status link this link was made under (its nonce): when staff renew the status link, every
    # link made under the old one stops working too (docs/decisions/0003-status-link.md).
    status_token_nonce = models.CharField(_("sleutel van de statuslink"), max_length=32)
    purpose = models.CharField(_("doel"), max_length=30)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("link voor de bewoner")
        verbose_name_plural = _("links voor de bewoner")

    def __str__(self) -> str:
        return f"{self.conversation_id} {self.purpose}"
