"""What the foundation records: the time line of an initiative, and the processing log."""

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from . import vocabulary
from .events import LABEL_TEMPLATE, Audience, event_kind_validate, event_label, event_types


class TimelineEvent(models.Model):
    """Something that happened. The text is made from `kind` and `data`, so it can be translated.

    `kind` is a key from `records.events.event_types`, declared by the app the event belongs to; it
    has no database choices, so a new kind needs no migration.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="events", verbose_name=_("initiatief")
    )
    kind = models.CharField(_("soort"), max_length=30, validators=[event_kind_validate])
    created_at = models.DateTimeField(_("moment"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("door")
    )
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    visible_to_resident = models.BooleanField(_("zichtbaar voor bewoner"), default=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def label(self) -> str:
        """The kind's translated label; the stored key for a kind that is no longer registered."""
        return event_label(self.kind)

    def render(self, audience: Audience) -> SafeString:
        """The event as one line of text for `audience` ("staff" or "resident").

        Staff see the kind's staff text and who did it. The resident sees the resident text, or nothing
        for an event that does not concern them. A kind no app registers any more (an old row) shows its
        stored key, so a page never breaks on it.
        """
        event_type = event_types.get(self.kind)
        if event_type is None:
            text = conditional_escape(self.kind)
        else:
            template = event_type.template_for(audience)
            if template is None:
                return SafeString("")
            if template == LABEL_TEMPLATE and event_type.context is None:
                # What records/events/label.html (`{{ label }}`) renders, without a template per event.
                return self._with_actor(conditional_escape(str(event_type.label).strip()), audience)
            context = {"event": self, "data": self.data, "label": event_type.label, "audience": audience}
            if event_type.context is not None:
                context.update(event_type.context(self))
            # Templates end in a newline; one line of text is wanted. A rendered template is already
            # escaped by the template engine, so it stays safe after strip() (bandit B703 reviewed).
            text = SafeString(render_to_string(template, context).strip())  # nosec B703
        return self._with_actor(text, audience)

    def _with_actor(self, text, audience: Audience) -> SafeString:
        if audience == "staff" and self.actor is not None:
            return format_html("{} · {}", text, self.actor.display_name)
        return SafeString(text)  # nosec B703


# --- The processing log (Logboek dataverwerkingen) ------------------------------------------------------
# Written only through records.processing.processing_record; the vocabulary is in records/vocabulary.py.


class ProcessingLogEntry(models.Model):
    """One processing of personal data, in the shape of the Dutch standard "Logboek dataverwerkingen".

    The line says what was done (activity, implying action and purpose), when (UTC), in which trace and
    span, with which kinds of personal data, about whom (a pseudonym, never a name), and in the
    municipality's register of processing activities. Who did it is not here: a staff member's name
    lives in the separate `StaffAuditEntry`, so the log can be handed over without staff names.

    The vocabulary columns hold stable keys without database choices: a new activity needs no migration,
    and a line keeps its key even if the activity is later retired. Labels come from the vocabulary only
    when a line is shown.
    """

    trace_id = models.CharField(_("trace-id"), max_length=32, db_index=True)
    span_id = models.CharField(_("span-id"), max_length=16)
    parent_span_id = models.CharField(_("bovenliggende span-id"), max_length=16, blank=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    activity = models.CharField(_("verwerkingsactiviteit"), max_length=64)
    action = models.CharField(_("handeling"), max_length=10)
    purpose = models.CharField(_("doel"), max_length=64)
    processing_activity_id = models.CharField(_("verwerkingsactiviteit in het register"), max_length=500)
    status = models.CharField(_("status"), max_length=10, default=vocabulary.Status.OK)
    started_at = models.DateTimeField(_("begonnen (UTC)"), db_index=True)
    ended_at = models.DateTimeField(_("klaar (UTC)"))
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiatief"),
    )
    initiative_reference = models.CharField(_("kenmerk"), max_length=20, blank=True, db_index=True)
    data_subject_type = models.CharField(_("soort betrokkene"), max_length=32, blank=True)
    data_subject_id = models.CharField(_("betrokkene (pseudoniem)"), max_length=64, blank=True, db_index=True)
    fields = models.JSONField(_("gegevens"), default=list, blank=True)

    class Meta:
        verbose_name = _("regel in het verwerkingenlogboek")
        verbose_name_plural = _("verwerkingenlogboek")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["municipality", "initiative", "started_at"], name="records_processing_log_idx")]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.trace_id}/{self.span_id} {self.activity}"

    @property
    def activity_label(self):
        return vocabulary.label(vocabulary.Activity, self.activity)

    @property
    def action_label(self):
        return vocabulary.label(vocabulary.Action, self.action)

    @property
    def purpose_label(self):
        return vocabulary.label(vocabulary.Purpose, self.purpose)

    @property
    def status_label(self):
        return vocabulary.label(vocabulary.Status, self.status)

    @property
    def data_subject_type_label(self):
        return vocabulary.label(vocabulary.DataSubjectType, self.data_subject_type) if self.data_subject_type else ""

    @property
    def field_labels(self) -> list:
        return [vocabulary.label(vocabulary.PersonalDataField, value) for value in self.fields]


class StaffAuditEntry(models.Model):
    """Which staff member did what a processing-log line records. Kept apart from the log itself, so the
    log names no staff, and pruned with it (the row goes when its log line goes)."""

    processing = models.OneToOneField(
        ProcessingLogEntry,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="staff_audit",
        verbose_name=_("regel in het verwerkingenlogboek"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("door")
    )
    actor_label = models.CharField(_("door (naam)"), max_length=150)

    class Meta:
        verbose_name = _("medewerker bij een verwerking")
        verbose_name_plural = _("medewerkers bij verwerkingen")

    def __str__(self) -> str:
        return f"{self.processing_id} {self.actor_label}"
