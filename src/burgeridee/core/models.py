"""Small building blocks shared by the models of every app."""

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _


class ChoiceLabelsMixin:
    """`get_<field>_display()` from a dict built once per field.

    Django's default rebuilds the whole choices list on every call and hashes each label, which translates
    every lazy label: a list page showing three labels per row paid about a thousand translations per request.
    The labels stay lazy here, so each call still answers in the language of the request.
    Put it before models.Model: `class Initiative(ChoiceLabelsMixin, models.Model)`.
    """

    def _get_FIELD_display(self, field):  # noqa: N802 - the name Django looks up
        labels = field.__dict__.get("_choice_labels")
        if labels is None:
            labels = field._choice_labels = dict(field.flatchoices)
        value = getattr(self, field.attname)
        try:
            label = labels.get(value, value)
        except TypeError:  # an unhashable value (never in this project's choices): Django's own way
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)


class CspReport(models.Model):
    """A browser's report that the Content-Security-Policy blocked something on one of our pages.

    Kept briefly (CSP_REPORT_RETENTION_DAYS) so a broken policy, or an injection attempt, shows up.
    Paths are stored with personal link secrets masked; no address, no cookie, no user agent.
    """

    received_at = models.DateTimeField(_("ontvangen"), db_index=True)
    document = models.CharField(_("pagina"), max_length=300, blank=True)
    directive = models.CharField(_("regel"), max_length=100, blank=True)
    blocked = models.CharField(_("tegengehouden"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("CSP-melding")
        verbose_name_plural = _("CSP-meldingen")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M} {self.directive} {self.blocked}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("wacht op verzending")
    SENDING = "sending", _("wordt verstuurd")
    SENT = "sent", _("verstuurd")
    FAILED = "failed", _("mislukt")


class OutboxMail(ChoiceLabelsMixin, models.Model):
    """One mail, written in the same transaction as the action that caused it; a worker sends it.

    The body holds personal data (and, for a resident's confirmation, their personal link): a sent
    mail is deleted OUTBOX_RETENTION_DAYS after sending (records.mail_retention). `municipality_id`
    is the municipality whose coordinators may see and resend it; a plain number because the ground
    layer does not know the Municipality model.
    """

    municipality_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    what = models.CharField(max_length=200, blank=True)  # what it is, for the log and the coordinator
    subject = models.CharField(max_length=998)
    body = models.TextField()
    to = models.JSONField(default=list)
    reply_to = models.JSONField(default=list, blank=True)
    attachments = models.JSONField(default=list, blank=True)  # [{"name", "content" (base64), "mimetype"}]
    message_id = models.CharField(max_length=255, unique=True)
    status = models.CharField(max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("uitgaande mail")
        verbose_name_plural = _("uitgaande mails")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_outbox_due")]

    def __str__(self) -> str:
        return f"{self.what or 'mail'} ({self.status})"


class JobRun(models.Model):
    """A scheduled job that ran (or runs) for one day: the unique (job, day) makes a second start a no-op."""

    job = models.CharField(max_length=100)
    day = models.DateField()
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="core_jobrun_once_per_day")]
        ordering = ["-day", "job"]

    def __str__(self) -> str:
        return f"{self.job} {self.day}"
