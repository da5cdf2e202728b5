"""Module 4: role-play in threes. Each round a resident, a civil servant and an observer; the roles rotate, and the
observer's ticks and feedback appear on the civil servant's phone."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .. import selectors, services
from ..constants import ROLEPLAY_ROUNDS, Module, RoleplayRole
from ..sources import library
from .base import SAVED, Posted, WorkshopModule, module_register


class ObservationForm(AccessibleFormMixin, forms.Form):
    ticked = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Wat zag u de ambtenaar doen?"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    feedback = TextField(
        label=gettext_lazy("Uw feedback voor de ambtenaar"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ticked"].choices = [(entry["number"], entry["text"]) for entry in library.during]

    def clean(self):
        data = super().clean()
        if not data.get("ticked") and not data.get("feedback"):
            raise forms.ValidationError(gettext_lazy("Vink iets aan of schrijf feedback."))
        return data


@module_register
class RoleplayModule(WorkshopModule):
    key = Module.ROLEPLAY
    actions = ("observatie",)
    step_count = ROLEPLAY_ROUNDS
    forms_groups = True
    participant_template = "workshops/modules/roleplay/participant.html"
    results_template = "workshops/modules/roleplay/results.html"
    pdf_template = "workshops/modules/roleplay/pdf.html"
    presenter_template = "workshops/modules/roleplay/presenter.html"
    controls_template = "workshops/modules/roleplay/controls.html"

    def groups_for(self, participant_ids):
        """Threes in joining order; one left over joins the last three, two left over join the last two threes."""
        groups = [participant_ids[i : i + 3] for i in range(0, len(participant_ids), 3)]
        if len(groups) > 1 and len(groups[-1]) == 1:
            groups[-2].extend(groups.pop())
        elif len(groups) > 2 and len(groups[-1]) == 2:
            last = groups.pop()
            groups[-1].append(last[0])
            groups[-2].append(last[1])
        return groups

    def results(self, *, session, item, every_step=False) -> dict:
        return {"observations": selectors.observation_summary(item=item)}

    def presenter_context(self, *, session, item) -> dict:
        return {"round": session.step + 1}

    def participant_context(self, *, session, item, participant) -> dict:
        assignment = selectors.roleplay_assignment(item=item, participant=participant, round_index=session.step)
        context = {"assignment": assignment, "round": session.step + 1}
        if assignment and assignment["role"] == RoleplayRole.OBSERVER:
            own = selectors.own_observation(item=item, participant=participant, round_index=session.step)
            context["form"] = ObservationForm(
                library=library(session),
                initial={"ticked": own.data.get("ticked", []), "feedback": own.text} if own else None,
            )
        elif assignment and assignment["role"] == RoleplayRole.CIVIL_SERVANT:
            context["phases"] = library(session).phases
        context["feedback"] = selectors.feedback_received(item=item, participant=participant)
        return context

    def feedback(self, *, item, participant) -> list[dict]:
        return selectors.feedback_received(item=item, participant=participant)

    def refusal(self, *, session, item, participant, action) -> str:
        assignment = selectors.roleplay_assignment(item=item, participant=participant, round_index=session.step)
        if assignment is None or assignment["role"] != RoleplayRole.OBSERVER:
            return _("In deze ronde bent u geen observator.")
        return ""

    def posted(self, *, action, data, session, participant) -> Posted:
        form = ObservationForm(data, library=library(session))
        return Posted(form=form, shown={"form": form})

    def save(self, *, action, posted, session, participant) -> str:
        services.observation_submit(
            participant=participant,
            ticked=posted.form.cleaned_data["ticked"],
            feedback=posted.form.cleaned_data["feedback"],
        )
        return SAVED

    def export_text(self, contribution, sources) -> str:
        return "; ".join(str(number) for number in (contribution.data or {}).get("ticked", []))
