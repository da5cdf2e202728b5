"""Module 3: spot the pitfall. The trainer steps through short dialogues; participants pick the pitfalls they
see, then the trainer reveals the explanation."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from burgeridee.core.forms import AccessibleFormMixin

from .. import selectors, services
from ..constants import Module
from ..dialogues import DIALOGUES
from ..sources import library
from .base import SAVED, Posted, WorkshopModule, module_register


class PitfallPickForm(AccessibleFormMixin, forms.Form):
    pitfalls = forms.MultipleChoiceField(
        label=gettext_lazy("Welke valkuil of valkuilen ziet u?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Kies ten minste één valkuil.")},
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pitfalls"].choices = [(key, library.pitfall_label(key)) for key in library.pitfall_keys()]


@module_register
class PitfallsModule(WorkshopModule):
    key = Module.PITFALLS
    actions = ("valkuil",)
    step_count = len(DIALOGUES)
    participant_template = "workshops/modules/pitfalls/participant.html"
    results_template = "workshops/modules/pitfalls/results.html"
    pdf_template = "workshops/modules/pitfalls/pdf.html"
    controls_template = "workshops/modules/pitfalls/controls.html"

    def results(self, *, session, item, every_step=False) -> dict:
        return {"dialogues": selectors.pitfall_dialogues(session=session, item=item, every_dialogue=every_step)}

    def presenter_context(self, *, session, item) -> dict:
        context = {"step_count": len(DIALOGUES)}
        if not session.is_finished:
            context["step_label"] = _("Dialoog %(n)s van %(total)s") % {"n": session.step + 1, "total": len(DIALOGUES)}
        return context

    def participant_context(self, *, session, item, participant) -> dict:
        dialogue = DIALOGUES[session.step]
        mine = selectors.own_pitfall_pick(item=item, participant=participant, dialogue_key=dialogue.key)
        context = {
            "dialogue": dialogue,
            "step_count": len(DIALOGUES),
            "mine": mine,
            "form": PitfallPickForm(library=library(session), initial={"pitfalls": mine}),
        }
        if session.revealed:
            context["results"] = selectors.pitfall_results(item=item, dialogue_key=dialogue.key)
        return context

    def refusal(self, *, session, item, participant, action) -> str:
        if session.revealed:
            return _("De uitleg is al getoond; uw keuze is niet opgeslagen.")
        return ""

    def posted(self, *, action, data, session, participant) -> Posted:
        form = PitfallPickForm(data, library=library(session))
        return Posted(form=form, shown={"form": form})

    def save(self, *, action, posted, session, participant) -> str:
        services.pitfalls_pick(participant=participant, pitfalls=posted.form.cleaned_data["pitfalls"])
        return SAVED

    def export_text(self, contribution, sources) -> str:
        return ", ".join(sources.pitfall_label(key) for key in (contribution.data or {}).get("pitfalls", []))
