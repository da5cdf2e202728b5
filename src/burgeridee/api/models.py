"""The API's own data: clients with scopes (per municipality), event subscriptions with their deliveries,
and the case-system (ZGW) registration of initiatives. See docs/api.md."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What an API client may read or do. A client has one or more; none implies another."""

    FIGURES = "cijfers", _("Openbare cijfers")
    INITIATIVES = "initiatieven", _("Initiatieven zonder persoonsgegevens")
    CONTACT_DETAILS = "contactgegevens", _("Initiatieven met contactgegevens van de bewoner")
    SUBMIT = "ideeen_indienen", _("Ideeën indienen namens een bewoner")


class ApiClient(models.Model):
    """A system of the municipality that calls the API. Only the SHA-256 of its token is stored."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=120, help_text=_("Bijvoorbeeld: Dashboard wijkteams."))
    scopes = models.JSONField(_("rechten"), default=list)
    token_prefix = models.CharField(_("begin van de sleutel"), max_length=12)
    token_hash = models.CharField(_("controlegetal sleutel"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")
        ordering = ["revoked_at", "name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    # DRF reads request.user.is_authenticated for throttles; the client is request.auth, never a user.
    @property
    def scope_labels(self) -> list[str]:
        return [str(Scope(value).label) for value in self.scopes if value in Scope.values]


class ApiReadAudit(models.Model):
    """Which API client a processing-log line was for: the API's counterpart of records.StaffAuditEntry, so
    the log itself names no one."""

    processing = models.OneToOneField(
        "records.ProcessingLogEntry", on_delete=models.CASCADE, related_name="api_audit", verbose_name=_("regel")
    )
    client = models.ForeignKey(ApiClient, on_delete=models.PROTECT, related_name="+", verbose_name=_("koppeling"))

    class Meta:
        verbose_name = _("inzage via de API")
        verbose_name_plural = _("inzages via de API")

    def __str__(self) -> str:
        return f"{self.client_id}: {self.processing_id}"


# --- Notifications (CloudEvents to subscribed systems) ---------------------------------------------------


class EventType(models.TextChoices):
    """What a subscriber hears: the CloudEvents `type` (NL GOV profile: reverse domain name, Dutch)."""

    RECEIVED = "nl.burgeridee.initiatief-ontvangen", _("Idee ontvangen")
    ASSIGNED = "nl.burgeridee.initiatief-toegewezen", _("Contactpersoon toegewezen")
    PHASE_CHANGED = "nl.burgeridee.initiatief-fase-gewijzigd", _("Fase gewijzigd")
    REPORT_CONFIRMED = "nl.burgeridee.verslag-bevestigd", _("Gespreksverslag bevestigd door de bewoner")
    ENDED = "nl.burgeridee.initiatief-beeindigd", _("Initiatief beëindigd")


class Subscription(models.Model):
    """A system of the municipality that wants to hear what happens: an endpoint and the secret the
    messages are signed with. The secret must be stored as it is, to sign with it."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=120)
    endpoint_url = models.URLField(_("adres (URL)"), max_length=500)
    secret = models.CharField(_("geheim voor de handtekening"), max_length=128)
    event_types = models.JSONField(_("soorten meldingen"), default=list, blank=True, help_text=_("Leeg: alle."))
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"))
    last_sequence = models.PositiveBigIntegerField(_("laatste volgnummer"), default=0)

    class Meta:
        verbose_name = _("abonnement op meldingen")
        verbose_name_plural = _("abonnementen op meldingen")
        ordering = ["-is_active", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event_type: str) -> bool:
        return self.is_active and (not self.event_types or event_type in self.event_types)

    @property
    def event_type_labels(self) -> list[str]:
        """The chosen kinds in plain words (empty: all), for the administrator."""
        return [str(label) for value, label in EventType.choices if value in self.event_types]


class DeliveryStatus(models.TextChoices):
    PENDING = "wachtrij", _("Wacht op versturen")
    SENDING = "bezig", _("Wordt verstuurd")
    DELIVERED = "afgeleverd", _("Afgeleverd")
    FAILED = "mislukt", _("Mislukt")


class NotificationDelivery(models.Model):
    """One CloudEvent for one subscriber, sent by the worker with retries and back-off (delivery.py)."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("abonnement")
    )
    sequence = models.PositiveBigIntegerField(_("volgnummer"))
    event_id = models.UUIDField(_("id van de melding"), unique=True)
    event_type = models.CharField(_("soort"), max_length=80)
    subject = models.CharField(_("onderwerp"), max_length=40)
    event = models.JSONField(_("melding (CloudEvent)"))
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), db_index=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"))
    delivered_at = models.DateTimeField(_("afgeleverd op"), null=True, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("bezorging van een melding")
        verbose_name_plural = _("bezorgingen van meldingen")
        ordering = ["-sequence"]
        constraints = [models.UniqueConstraint(fields=["subscription", "sequence"], name="delivery_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.event_type} {self.subject} ({self.status})"

    @property
    def event_label(self) -> str:
        """The kind in plain words for the delivery log; the CloudEvents type for one no longer known."""
        return str(EventType(self.event_type).label) if self.event_type in EventType.values else self.event_type


class DeliveryAttempt(models.Model):
    """The delivery log: each try, what the other side answered."""

    delivery = models.ForeignKey(
        NotificationDelivery, on_delete=models.CASCADE, related_name="log", verbose_name=_("bezorging")
    )
    at = models.DateTimeField(_("moment"))
    status_code = models.PositiveSmallIntegerField(_("antwoord (HTTP-status)"), null=True, blank=True)
    error = models.CharField(_("fout"), max_length=500, blank=True)
    duration_ms = models.PositiveIntegerField(_("duur (ms)"), default=0)

    class Meta:
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error}"

    @property
    def outcome(self) -> str:
        """What the other side answered, said once: "HTTP 500", or the connection error."""
        answer = f"HTTP {self.status_code}" if self.status_code else ""
        if self.error and self.error != answer:
            return f"{answer} {self.error}".strip()
        return answer


# --- Registration in the case system (ZGW: Zaken, Catalogi and Documenten API) ------------------------------


class ZgwSettings(models.Model):
    """A municipality's optional plugin: which zgw-consumers services are its Zaken, Documenten and Catalogi API
    (their address, client id + secret for the ZGW JWT, live in the `Service`) and which types to use."""

    municipality = models.OneToOneField(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    is_active = models.BooleanField(_("initiatieven registreren in het zaaksysteem"), default=False)
    zaken_service = models.ForeignKey(
        "zgw_consumers.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Zaken API"),
    )
    documenten_service = models.ForeignKey(
        "zgw_consumers.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Documenten API"),
    )
    catalogi_service = models.ForeignKey(
        "zgw_consumers.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Catalogi API"),
    )
    rsin = models.CharField(_("RSIN van de gemeente"), max_length=9, blank=True)
    catalogus = models.URLField(_("catalogus (URL)"), max_length=500, blank=True)
    zaaktype = models.URLField(_("zaaktype (URL)"), max_length=500, blank=True)
    roltype_initiator = models.URLField(_("roltype initiatiefnemer (URL)"), max_length=500, blank=True)
    statustypes = models.JSONField(_("statustype per fase"), default=dict, blank=True)
    informatieobjecttype = models.URLField(_("informatieobjecttype verslag (URL)"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling met het zaaksysteem")
        verbose_name_plural = _("koppelingen met het zaaksysteem")

    def __str__(self) -> str:
        return str(self.municipality_id)


class ZgwKind(models.TextChoices):
    CASE = "zaak", _("Zaak en initiatiefnemer registreren")
    STATUS = "status", _("Status zetten")
    DOCUMENT = "document", _("Gespreksverslag toevoegen")


class ZgwRegistration(models.Model):
    """One piece of work for the case system, done by the worker in order per initiative (like deliveries:
    claimed with SKIP LOCKED, retried with back-off, `mislukt` after ZGW_MAX_ATTEMPTS, resent by the
    administrator). `result` keeps the URLs the case system answered."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+", verbose_name=_("initiatief")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ZgwKind.choices)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    result = models.JSONField(_("antwoord"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), db_index=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"))
    done_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("registratie in het zaaksysteem")
        verbose_name_plural = _("registraties in het zaaksysteem")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.initiative_id} ({self.status})"
