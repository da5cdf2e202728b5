from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField
from burgeridee.handovers.forms import DueDateField

from .constants import FollowUpKind


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class FollowUpForm(AccessibleFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort afspraak"),
        choices=FollowUpKind.choices,
        widget=forms.RadioSelect,
        initial=FollowUpKind.CALLBACK,
        error_messages={"required": _("Kies de soort afspraak.")},
    )
    due_date = DueDateField(label=_("Uiterlijk op"), help_text=_("De dag die u met de bewoner heeft afgesproken."))
    assigned_to = StaffChoiceField(
        label=_("Wie doet het?"),
        queryset=None,
        empty_label=_("Kies een medewerker"),
        error_messages={"required": _("Kies wie het doet."), "invalid_choice": _("Kies een medewerker uit de lijst.")},
    )
    note = TextField(
        label=_("Wat is er afgesproken? (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, assignees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = assignees
