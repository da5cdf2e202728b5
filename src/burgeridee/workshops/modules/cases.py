"""Module 2: practice cases in groups of about four; each group answers three questions about its case."""

from django import forms

from burgeridee.core.forms import AccessibleFormMixin, TextField, widget_class

from .. import selectors, services
from ..constants import CASE_GROUP_SIZE, CASE_QUESTIONS, Module
from .base import SAVED, Posted, WorkshopModule, module_register


class CaseAnswerForm(AccessibleFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(CASE_QUESTIONS, start=1):
            self.fields[f"q{number}"] = TextField(
                label=question, required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
            )
        for field in self.fields.values():
            field.widget.attrs["class"] = widget_class(field.widget)

    def answers(self) -> dict[int, str]:
        return {n: self.cleaned_data.get(f"q{n}", "") for n in range(1, len(CASE_QUESTIONS) + 1)}


@module_register
class CasesModule(WorkshopModule):
    key = Module.CASES
    actions = ("casus",)
    forms_groups = True
    uses_cases = True
    participant_template = "workshops/modules/cases/participant.html"
    results_template = "workshops/modules/cases/results.html"
    pdf_template = "workshops/modules/cases/pdf.html"
    presenter_template = "workshops/modules/cases/presenter.html"

    def groups_for(self, participant_ids):
        """Groups of about CASE_GROUP_SIZE, dealt out like cards so latecomers spread over the groups."""
        count = max(1, round(len(participant_ids) / CASE_GROUP_SIZE))
        return [participant_ids[i::count] for i in range(count)]

    def results(self, *, session, item, every_step=False) -> dict:
        return {"cases": selectors.case_answers(item=item)}

    def presenter_context(self, *, session, item) -> dict:
        return {"case_questions": [str(question) for question in CASE_QUESTIONS]}

    def participant_context(self, *, session, item, participant) -> dict:
        case = selectors.participant_case(item=item, participant=participant)
        return {
            "case": case,
            "form": CaseAnswerForm(initial={f"q{n}": text for n, text in case["answers"].items()}),
        }

    def posted(self, *, action, data, session, participant) -> Posted:
        form = CaseAnswerForm(data)
        return Posted(form=form, shown={"form": form})

    def save(self, *, action, posted, session, participant) -> str:
        services.case_answers_submit(participant=participant, answers=posted.form.answers())
        return SAVED
