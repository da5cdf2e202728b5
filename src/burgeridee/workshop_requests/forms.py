import re

from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .constants import OTHER_MUNICIPALITY, RequestKind, RequestStatus

PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")


class WorkshopRequestForm(AccessibleFormMixin, forms.Form):
    municipality = forms.ChoiceField(
        label=_("Voor welke gemeente?"),
        error_messages={"required": _("Kies de gemeente waarvoor u de aanvraag doet.")},
    )
    municipality_name = TextField(
        label=_("Naam van uw gemeente of organisatie"),
        max_length=160,
        required=False,
        help_text=_("Alleen nodig als uw gemeente niet in de lijst staat."),
    )
    contact_name = TextField(label=_("Uw naam"), max_length=160, error_messages={"required": _("Vul uw naam in.")})
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_("U krijgt een bevestiging op dit adres."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@gemeente.nl."),
        },
    )
    phone = TextField(label=_("Uw telefoonnummer (mag leeg blijven)"), max_length=40, required=False)
    kind = forms.ChoiceField(
        label=_("Wat wilt u aanvragen?"),
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat u wilt aanvragen.")},
    )
    preferred_dates = TextField(
        label=_("Voorkeursdata"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: dinsdagochtend 3 of 10 maart, of: liefst in april."),
        error_messages={"required": _("Noem een of meer data of een periode die u uitkomt.")},
    )
    participants = forms.IntegerField(
        label=_("Aantal deelnemers"),
        min_value=1,
        max_value=500,
        help_text=_("Een schatting is goed."),
        error_messages={
            "required": _("Vul het aantal deelnemers in."),
            "invalid": _("Vul een getal in, bijvoorbeeld 15."),
            "min_value": _("Vul minstens 1 deelnemer in."),
            "max_value": _("Vul hoogstens 500 deelnemers in. Voor meer: neem contact op."),
        },
    )
    wishes = TextField(
        label=_("Wensen (mag leeg blijven)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Bijvoorbeeld: een thema dat u extra aandacht wilt geven, of wie er meedoen."),
    )
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, municipalities=(), fallback=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {m.slug: m for m in municipalities}
        self.fallback = fallback
        choices = [("", _("Kies een gemeente"))] + [(m.slug, m.name) for m in municipalities]
        if fallback is not None:
            choices.append((OTHER_MUNICIPALITY, _("Een andere gemeente of organisatie")))
        self.fields["municipality"].choices = choices
        self.fields["participants"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["contact_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})
        if fallback is None:
            del self.fields["municipality_name"]

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in zoals 030 123 45 67."))
        return phone

    def clean(self):
        data = super().clean()
        choice = data.get("municipality")
        if choice == OTHER_MUNICIPALITY and not data.get("municipality_name"):
            self.add_error("municipality_name", _("Vul de naam van uw gemeente of organisatie in."))
        return data

    @property
    def receiving_municipality(self):
        choice = self.cleaned_data["municipality"]
        return self.fallback if choice == OTHER_MUNICIPALITY else self.municipalities[choice]

    @property
    def municipality_name_value(self) -> str:
        if self.cleaned_data["municipality"] == OTHER_MUNICIPALITY:
            return self.cleaned_data["municipality_name"]
        return self.municipalities[self.cleaned_data["municipality"]].name


class StatusForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=RequestStatus.choices)
