"""The trainer's forms, joining, and the public request form. Each module's participant form lives with its module
(`modules/*.py`)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .constants import Module, RequestKind
from .modules.base import module_for


class SessionForm(AccessibleFormMixin, forms.Form):
    title = TextField(label=_("Titel"), max_length=200, initial="Oké, een burger-idee")
    date = forms.DateField(
        label=_("Datum"), help_text=_("Bijvoorbeeld 3-12-2026."), input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
    )
    place = TextField(label=_("Plaats"), max_length=300, required=False, help_text=_("Standaard: het gemeentehuis."))
    expected_participants = forms.IntegerField(label=_("Verwacht aantal deelnemers"), min_value=1, max_value=200)


class AgendaItemForm(AccessibleFormMixin, forms.Form):
    minutes = forms.IntegerField(label=_("Minuten"), min_value=1, max_value=240)
    case_numbers = forms.TypedMultipleChoiceField(
        label=_("Casussen"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    def __init__(self, *args, library, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_numbers"].choices = [
            (number, f"{number}. {library.case_card(number)['title']}") for number in library.case_numbers()
        ]
        if item is not None and not module_for(item.module).uses_cases:
            del self.fields["case_numbers"]


class AgendaAddForm(AccessibleFormMixin, forms.Form):
    module = forms.ChoiceField(label=_("Onderdeel"), choices=Module.choices)
    minutes = forms.IntegerField(label=_("Minuten"), min_value=1, max_value=240, initial=20)


class JoinCodeForm(AccessibleFormMixin, forms.Form):
    code = TextField(
        label=_("Code"),
        max_length=20,
        help_text=_("De code van zes tekens die de trainer laat zien."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class JoinNameForm(AccessibleFormMixin, forms.Form):
    display_name = TextField(
        label=_("Uw naam"),
        max_length=60,
        help_text=_("Alleen uw voornaam is genoeg. Andere deelnemers zien deze naam in uw groepje."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )


def posted_id(data, name) -> int:
    """A database id from posted data; 0 (matches nothing) when it is not a plausible id, so no error page."""
    try:
        value = int(data.get(name, ""))
    except ValueError:
        return 0
    return value if 0 < value < 2**31 else 0


class MergeForm(forms.Form):
    source = forms.IntegerField(widget=forms.HiddenInput)
    target = forms.IntegerField(label=_("Samenvoegen met"))


PHONE = re.compile(r"^[0-9 +()-]{6,20}$")


class WorkshopRequestForm(AccessibleFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Wat vraagt u aan?"), choices=RequestKind.choices, widget=forms.RadioSelect)
    organisation = TextField(label=_("Afdeling of organisatie"), max_length=200)
    contact_name = TextField(label=_("Uw naam"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = TextField(
        label=_("Telefoonnummer (niet verplicht)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    preferred_dates = TextField(
        label=_("Voorkeursdata (niet verplicht)"),
        required=False,
        max_length=500,
        help_text=_("Bijvoorbeeld: een dinsdagochtend in maart."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    participants = forms.IntegerField(
        label=_("Aantal deelnemers (niet verplicht)"), required=False, min_value=1, max_value=500
    )
    wishes = TextField(
        label=_("Wensen (niet verplicht)"),
        required=False,
        max_length=3000,
        help_text=_("Waar wilt u vooral aan werken? Is er een thema of een vraag die speelt?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in met alleen cijfers, spaties of een +."))
        return phone
