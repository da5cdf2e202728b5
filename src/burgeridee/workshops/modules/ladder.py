"""Module 6: my role. Participants place the municipality on the participation ladder for one case and say why;
the spread shows once they placed it."""

from django import forms
from django.utils.translation import gettext_lazy

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .. import selectors, services
from ..constants import Module
from ..sources import library
from .base import SAVED, Posted, WorkshopModule, module_register


class LadderForm(AccessibleFormMixin, forms.Form):
    rung = forms.ChoiceField(
        label=gettext_lazy("Welke rol past de gemeente hier?"),
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies een rol op de ladder.")},
    )
    explanation = TextField(
        label=gettext_lazy("Waarom?"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rung"].choices = [
            (key, f"{library.role_title(key)}: {library.role_description(key)}") for key in library.role_keys()
        ]


@module_register
class LadderModule(WorkshopModule):
    key = Module.LADDER
    actions = ("rol",)
    uses_cases = True
    max_cases = 1  # the whole group places the municipality for the same case
    participant_template = "workshops/modules/ladder/participant.html"
    results_template = "workshops/modules/ladder/results.html"
    pdf_template = "workshops/modules/ladder/pdf.html"
    presenter_template = "workshops/modules/ladder/presenter.html"

    def results(self, *, session, item, every_step=False) -> dict:
        return {"ladder": selectors.ladder_spread(item=item)}

    def participant_context(self, *, session, item, participant) -> dict:
        own = selectors.own_ladder_place(item=item, participant=participant)
        spread = selectors.ladder_spread(item=item)
        context = {
            "case": spread["case"],
            "form": LadderForm(
                library=library(session),
                initial={"rung": own.data.get("rung"), "explanation": own.text} if own else None,
            ),
        }
        if own:
            context["spread"] = spread
        return context

    def posted(self, *, action, data, session, participant) -> Posted:
        form = LadderForm(data, library=library(session))
        return Posted(form=form, shown={"form": form})

    def save(self, *, action, posted, session, participant) -> str:
        services.ladder_place(
            participant=participant,
            rung=posted.form.cleaned_data["rung"],
            explanation=posted.form.cleaned_data["explanation"],
        )
        return SAVED

    def export_text(self, contribution, sources) -> str:
        data = contribution.data or {}
        return sources.role_title(data["rung"]) if "rung" in data else ""
