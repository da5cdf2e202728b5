from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "burgeridee.evaluations"
    label = "evaluations"
    verbose_name = _("Evaluaties")

    def ready(self):
        from burgeridee.initiatives.closing import ClosingParagraph, closing_paragraphs

        from . import (
            events,  # noqa: F401 - registers this app's time-line events
            receivers,  # noqa: F401 - connects the receivers; they import models (app registry ready)
        )
        from .services import evaluation_paragraph

        closing_paragraphs.register(ClosingParagraph(key="evaluation", text=evaluation_paragraph))
