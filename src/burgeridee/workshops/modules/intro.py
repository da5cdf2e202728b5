"""Module 1: the introduction of the conversation model (the phases of the session's version)."""

from ..constants import Module
from ..sources import library
from .base import WorkshopModule, module_register


@module_register
class IntroModule(WorkshopModule):
    key = Module.INTRO
    participant_template = "workshops/modules/intro/participant.html"
    results_template = "workshops/modules/intro/results.html"
    pdf_template = "workshops/modules/intro/pdf.html"

    def results(self, *, session, item, every_step=False) -> dict:
        return {"phases": library(session).phases}

    def participant_context(self, *, session, item, participant) -> dict:
        return {"phases": library(session).phases}
