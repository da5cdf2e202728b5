from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from burgeridee.core.dates import local_date
from burgeridee.core.forms import AccessibleFormMixin, TextField


class DueDateField(forms.DateField):
    """A date picked with the browser's date control (yyyy-mm-dd), also typed as dd-mm-yyyy."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"required": _("Vul een datum in."), "invalid": _("Vul een datum in zoals 31-12-2026.")},
        )
        super().__init__(**kwargs)

    def clean(self, value):
        day = super().clean(value)
        if day is not None and day < local_date():
            raise ValidationError(_("Kies vandaag of een dag in de toekomst."))
        return day


class HandoverAskForm(AccessibleFormMixin, forms.Form):
    department = forms.ModelChoiceField(
        label=_("Afdeling"),
        queryset=None,
        empty_label=_("Kies een afdeling"),
        error_messages={
            "required": _("Kies de afdeling die de vraag beantwoordt."),
            "invalid_choice": _("Kies een afdeling uit de lijst."),
        },
    )
    question = TextField(
        label=_("Vraag aan de afdeling"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf de vraag aan de afdeling.")},
    )
    context = TextField(
        label=_("Achtergrond (mag leeg blijven)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat moet de afdeling weten? Zet hier geen naam of contactgegevens van de bewoner: "
            "u blijft zelf het aanspreekpunt."
        ),
    )
    due_date = DueDateField(
        label=_("Antwoord uiterlijk"),
        help_text=_("Standaard een paar werkdagen vanaf vandaag. U kunt de datum aanpassen."),
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class HandoverAnswerForm(AccessibleFormMixin, forms.Form):
    answer = TextField(
        label=_("Uw antwoord"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("De contactpersoon gebruikt uw antwoord in het gesprek met de bewoner."),
        error_messages={"required": _("Schrijf eerst uw antwoord.")},
    )
