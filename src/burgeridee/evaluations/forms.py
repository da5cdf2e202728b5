from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .constants import ASPECTS, SCORES


class EvaluationForm(AccessibleFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, question in ASPECTS:
            self.fields[name] = forms.TypedChoiceField(
                label=question,
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
                error_messages={"required": _("Kies een cijfer bij: %(aspect)s") % {"aspect": label}},
            )
            self.fields[f"{name}_comment"] = TextField(
                label=_("Toelichting bij %(aspect)s (mag leeg blijven)") % {"aspect": str(label).lower()},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
            )

    def aspects(self):
        """(score field, comment field, heading) per aspect, for the template."""
        return [(self[name], self[f"{name}_comment"], label) for name, label, _question in ASPECTS]
