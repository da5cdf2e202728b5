from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField, widget_class

from .constants import CASE_QUESTIONS, Module, RequestKind


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
        if item is not None and item.module not in (Module.CASES, Module.LADDER):
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


class PitfallPickForm(AccessibleFormMixin, forms.Form):
    pitfalls = forms.MultipleChoiceField(
        label=_("Welke valkuil of valkuilen ziet u?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één valkuil.")},
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pitfalls"].choices = [(key, library.pitfall_label(key)) for key in library.pitfall_keys()]


class ObservationForm(AccessibleFormMixin, forms.Form):
    ticked = forms.TypedMultipleChoiceField(
        label=_("Wat zag u de ambtenaar doen?"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    feedback = TextField(
        label=_("Uw feedback voor de ambtenaar"),
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
            raise forms.ValidationError(_("Vink iets aan of schrijf feedback."))
        return data


class FactorAddForm(AccessibleFormMixin, forms.Form):
    text = TextField(label=_("Succesfactor in uw eigen woorden"), required=False, max_length=200)
    source_key = forms.ChoiceField(label=_("Of kies een bekende succesfactor"), required=False)

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_key"].choices = [("", _("(geen)"))] + [
            (key, f"{key} {library.factor_title(key)}") for key in library.factor_keys()
        ]

    def clean(self):
        data = super().clean()
        if not data.get("text") and not data.get("source_key"):
            self.add_error("text", _("Schrijf een succesfactor of kies er een."))
        return data


class LadderForm(AccessibleFormMixin, forms.Form):
    rung = forms.ChoiceField(
        label=_("Welke rol past de gemeente hier?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een rol op de ladder.")},
    )
    explanation = TextField(
        label=_("Waarom?"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rung"].choices = [
            (key, f"{library.role_title(key)}: {library.role_description(key)}") for key in library.role_keys()
        ]


class MergeForm(forms.Form):
    source = forms.IntegerField(widget=forms.HiddenInput)
    target = forms.IntegerField(label=_("Samenvoegen met"))


PHONE = __import__("re").compile(r"^[0-9 +()-]{6,20}$")


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
