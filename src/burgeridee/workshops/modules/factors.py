"""Module 5: the success-factor board. Participants put factors on the board and vote (at most MAX_VOTES each);
the trainer merges duplicates, and their votes move along."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .. import selectors, services
from ..constants import MAX_VOTES, TOP_FACTORS, Module
from ..forms import posted_id
from ..sources import library
from .base import SAVED, Posted, WorkshopModule, module_register


class FactorAddForm(AccessibleFormMixin, forms.Form):
    text = TextField(label=gettext_lazy("Succesfactor in uw eigen woorden"), required=False, max_length=200)
    source_key = forms.ChoiceField(label=gettext_lazy("Of kies een bekende succesfactor"), required=False)

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_key"].choices = [("", gettext_lazy("(geen)"))] + [
            (key, f"{key} {library.factor_title(key)}") for key in library.factor_keys()
        ]

    def clean(self):
        data = super().clean()
        if not data.get("text") and not data.get("source_key"):
            self.add_error("text", gettext_lazy("Schrijf een succesfactor of kies er een."))
        return data


@module_register
class FactorsModule(WorkshopModule):
    key = Module.FACTORS
    actions = ("factor", "stem")  # put a factor on the board; vote for one (or take the vote back)
    participant_template = "workshops/modules/factors/participant.html"
    results_template = "workshops/modules/factors/results.html"
    pdf_template = "workshops/modules/factors/pdf.html"
    presenter_template = "workshops/modules/factors/presenter.html"
    presenter_side_template = "workshops/modules/factors/presenter_side.html"

    def results(self, *, session, item, every_step=False) -> dict:
        return {"board": selectors.factor_board(item=item), "top": TOP_FACTORS}

    def participant_context(self, *, session, item, participant) -> dict:
        return {
            "board": selectors.factor_board(item=item, participant=participant),
            "votes_left": selectors.votes_left(item=item, participant=participant),
            "max_votes": MAX_VOTES,
            "form": FactorAddForm(library=library(session)),
        }

    def posted(self, *, action, data, session, participant) -> Posted:
        if action == "stem":
            return Posted(values={"factor": posted_id(data, "factor")})
        form = FactorAddForm(data, library=library(session))
        return Posted(form=form, shown={"form": form})

    def save(self, *, action, posted, session, participant) -> str:
        if action == "stem":
            factor = selectors.board_factor(session=session, pk=posted.values["factor"])
            if factor is None:
                raise Http404
            voted = services.factor_vote(participant=participant, factor=factor)
            return _("Uw stem is geteld.") if voted else _("Uw stem is ingetrokken.")
        services.factor_add(
            participant=participant,
            text=posted.form.cleaned_data["text"],
            source_key=posted.form.cleaned_data["source_key"],
        )
        return SAVED
