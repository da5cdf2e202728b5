"""What the foundation records: the time line of an initiative."""

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .events import Audience, event_kind_validate, event_label, event_types


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
            context = {"event": self, "data": self.data, "label": event_type.label, "audience": audience}
            if event_type.context is not None:
                context.update(event_type.context(self))
            # Templates end in a newline; one line of text is wanted.
            text = SafeString(render_to_string(template, context).strip())
        if audience == "staff" and self.actor is not None:
            return format_html("{} · {}", text, self.actor.display_name)
        return SafeString(text)
