from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField


class DeletionDecisionForm(AccessibleFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("uitvoeren", _("Uitvoeren: persoonsgegevens verwijderen")), ("weigeren", _("Weigeren"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies uitvoeren of weigeren.")},
    )
    note = TextField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij weigeren: de bewoner krijgt de reden."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "weigeren" and not cleaned.get("note"):
            self.add_error("note", _("Schrijf op waarom het verzoek wordt geweigerd."))
        return cleaned


class PersonLogForm(AccessibleFormMixin, forms.Form):
    person = TextField(
        label=_("Naam of e-mailadres van de betrokkene"),
        max_length=254,
        error_messages={"required": _("Vul een naam of e-mailadres in.")},
    )


class DeletionRequestForm(AccessibleFormMixin, forms.Form):
    note = TextField(
        label=_("Wilt u er iets bij vertellen? (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
