"""An initiative: a resident's idea on its way to becoming a working initiative."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.models import ChoiceLabelsMixin
from burgeridee.municipalities.models import Municipality, Neighbourhood

from .constants import (
    CLOSED_PHASES,
    Channel,
    ContactPreference,
    Delivery,
    MessageDirection,
    Phase,
    StopReason,
    SupportType,
    Theme,
    resident_phase_label,
)
from .tokens import token_for_nonce


class ReferenceSequence(models.Model):
    """One counter per year for the readable reference BI-<year>-<number>."""

    year = models.PositiveIntegerField(_("jaar"), primary_key=True)
    last_number = models.PositiveIntegerField(_("laatste nummer"), default=0)

    class Meta:
        verbose_name = _("referentiereeks")
        verbose_name_plural = _("referentiereeksen")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Initiative(ChoiceLabelsMixin, models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("gemeente")
    )
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True, help_text=_("Bijvoorbeeld BI-2026-000123."))
    title = models.CharField(_("naam van het idee"), max_length=120)
    description = models.TextField(_("het idee"), help_text=_("Wat wil de bewoner doen?"))
    target_group = models.TextField(_("voor wie"), help_text=_("Voor wie is het idee?"))
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("wijk"),
    )
    location = models.CharField(_("plek"), max_length=200, blank=True, help_text=_("Straat, plein of gebouw."))
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    involved = models.TextField(_("wie doen er al mee"), blank=True)
    help_description = models.TextField(_("welke hulp"), blank=True)
    own_contribution = models.TextField(_("wat regelen de bewoners zelf"), blank=True)
    channel = models.CharField(_("binnengekomen via"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, default=Phase.IDEA, db_index=True)
    paused_phase = models.CharField(
        _("fase voor de pauze"),
        max_length=20,
        choices=Phase.choices,
        blank=True,
        help_text=_("Na de pauze gaat het initiatief verder in deze fase."),
    )
    stop_reason = models.CharField(_("reden van stoppen"), max_length=30, choices=StopReason.choices, blank=True)
    stop_note = models.TextField(_("toelichting bij stoppen"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), db_index=True)
    first_contact_due = models.DateField(
        _("eerste contact uiterlijk"), help_text=_("Berekend in werkdagen vanaf de dag van indienen.")
    )
    first_contact_at = models.DateTimeField(_("eerste contact op"), null=True, blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("contactpersoon"),
    )
    status_token_nonce = models.CharField(_("sleutel statuslink"), max_length=32)
    # Only the SHA-256 of the form's key, and only for minutes: it recognises a double click, and
    # opens nothing (docs/decisions/0003-status-link.md).
    submission_key_hash = models.CharField(
        _("formuliersleutel (hash)"),
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Eén sleutel per ingevuld formulier: een tweede keer versturen maakt geen tweede initiatief."),
    )
    submission_key_expires_at = models.DateTimeField(_("formuliersleutel geldig tot"), null=True, blank=True)
    status_token_hash = models.CharField(_("controlegetal statuslink"), max_length=64, unique=True)
    status_token_expires_at = models.DateTimeField(_("statuslink geldig tot"))
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("persoonsgegevens verwijderd op"),
        null=True,
        blank=True,
        help_text=_("Na de bewaartermijn zijn namen, contactgegevens en berichten verwijderd."),
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    # The earliest deadline still open (first contact, a callback, a hand-over's answer, a challenge's
    # decision: every registered overdue condition), kept by initiatives.deadlines when any of them changes;
    # empty when nothing is due or the initiative is closed. Late = this day has passed. A column, so the
    # inbox's "Te laat" tab and its row markers read one indexed value instead of scanning deadlines.
    next_deadline = models.DateField(_("eerstvolgende termijn"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["-submitted_at"]
        indexes = [
            # The inbox pages by keyset in each of its sort orders (workspace/selectors.py): these indexes give
            # the rows of one municipality already in order, so a page reads 25 rows, not the municipality.
            models.Index(fields=["municipality", "submitted_at", "id"], name="initiative_inbox_newest_idx"),
            models.Index(
                fields=["municipality", "contact_person", "submitted_at", "id"], name="initiative_inbox_contact_idx"
            ),
            models.Index(
                fields=["municipality", "first_contact_due", "submitted_at", "id"], name="initiative_inbox_due_idx"
            ),
            models.Index(fields=["municipality", "title", "id"], name="initiative_inbox_title_idx"),
            models.Index(fields=["municipality", "next_deadline"], name="initiative_inbox_late_idx"),
            models.Index(fields=["municipality", "phase", "submitted_at"], name="initiative_inbox_idx"),
            # Every column the inbox tab counts read, so PostgreSQL counts from the index alone instead of
            # visiting every row of the municipality (41 ms -> 5 ms for 25,000 initiatives).
            models.Index(
                fields=["municipality", "phase", "contact_person", "first_contact_due", "first_contact_at", "id"],
                name="initiative_inbox_counts_idx",
            ),
            # The insight dashboard (insights.selectors): a period of one municipality's submissions, with every
            # column its figures group or count by, so PostgreSQL aggregates from the index alone.
            models.Index(
                fields=[
                    "municipality",
                    "submitted_at",
                    "phase",
                    "theme",
                    "stop_reason",
                    "neighbourhood",
                    "first_contact_at",
                    "first_contact_due",
                    "id",
                ],
                name="initiative_insight_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def status_token(self) -> str:
        """The token of the resident's personal link (recomputed; never stored)."""
        return token_for_nonce(self.status_token_nonce)

    @property
    def is_closed(self) -> bool:
        return self.phase in CLOSED_PHASES

    @property
    def resident_phase_label(self) -> str:
        return resident_phase_label(self.phase)

    @property
    def primary_initiator(self) -> "Initiator | None":
        initiators = [i for i in self.initiators.all() if i.is_primary]
        return initiators[0] if initiators else None


class Initiator(ChoiceLabelsMixin, models.Model):
    """A resident behind the initiative. Personal data: logged, kept only as long as needed."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="initiators", verbose_name=_("initiatief")
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    street_address = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    preferred_contact = models.CharField(
        _("liefst contact via"),
        max_length=20,
        choices=ContactPreference.choices,
        default=ContactPreference.EMAIL,
    )
    is_primary = models.BooleanField(_("eerste aanspreekpunt"), default=True)
    role = models.CharField(_("rol in de groep"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("initiatiefnemer")
        verbose_name_plural = _("initiatiefnemers")
        ordering = ["-is_primary", "id"]

    def __str__(self) -> str:
        return self.name


class SupportRequest(ChoiceLabelsMixin, models.Model):
    """One kind of help the residents ask for."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="support_requests", verbose_name=_("initiatief")
    )
    support_type = models.CharField(_("soort hulp"), max_length=30, choices=SupportType.choices)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "support_type"], name="unique_support_type_per_initiative")
        ]

    def __str__(self) -> str:
        return self.get_support_type_display()


class Message(ChoiceLabelsMixin, models.Model):
    """A message between the resident and the municipality."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="messages", verbose_name=_("initiatief")
    )
    direction = models.CharField(_("richting"), max_length=5, choices=MessageDirection.choices)
    body = models.TextField(_("bericht"))
    created_at = models.DateTimeField(_("verstuurd op"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("door")
    )
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    delivery = models.CharField(
        _("bezorgd via"),
        max_length=10,
        choices=Delivery.choices,
        blank=True,
        help_text=_("Alleen bij berichten van de gemeente: e-mail, brief of telefoon."),
    )
    letter_sent_at = models.DateTimeField(
        _("brief verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Bij een brief: wanneer de medewerker de brief heeft geprint en verstuurd."),
    )

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def letter_waiting(self) -> bool:
        """A letter to the resident that nobody has printed and posted yet."""
        return (
            self.direction == MessageDirection.OUTBOUND and self.delivery == Delivery.LETTER and not self.letter_sent_at
        )


class InternalNote(models.Model):
    """A note for colleagues. Residents never see it."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="notes", verbose_name=_("initiatief")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("door")
    )
    body = models.TextField(_("notitie"))
    created_at = models.DateTimeField(_("geschreven op"))

    class Meta:
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.initiative_id} ({self.created_at:%Y-%m-%d %H:%M})"
