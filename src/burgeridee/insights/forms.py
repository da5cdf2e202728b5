from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin
from burgeridee.initiatives.constants import Theme


class DashboardFilterForm(AccessibleFormMixin, forms.Form):
    date_from = forms.DateField(
        label=_("Van"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in zoals 2026-01-31.")},
    )
    date_to = forms.DateField(
        label=_("Tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in zoals 2026-12-31.")},
    )
    neighbourhood = forms.TypedChoiceField(label=_("Wijk"), required=False, coerce=int, empty_value=None)
    theme = forms.ChoiceField(label=_("Thema"), required=False, choices=[("", _("Alle thema's")), *Theme.choices])

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].choices = [("", _("Alle wijken")), *[(n.pk, n.name) for n in neighbourhoods]]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("De einddatum ligt voor de begindatum."))
        return cleaned
