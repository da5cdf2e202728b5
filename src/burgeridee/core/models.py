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
