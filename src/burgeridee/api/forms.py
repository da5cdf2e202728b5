from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .models import EventType, Scope


class ApiClientForm(AccessibleFormMixin, forms.Form):
    name = TextField(
        label=_("Naam van de koppeling"),
        max_length=120,
        help_text=_("Welk systeem gebruikt de sleutel? Bijvoorbeeld: Dashboard wijkteams."),
        error_messages={"required": _("Geef de koppeling een naam.")},
    )
    scopes = forms.MultipleChoiceField(
        label=_("Wat mag de koppeling?"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Kies zo weinig als nodig. Contactgegevens alleen als het systeem de bewoner moet kunnen bereiken."
        ),
        error_messages={"required": _("Kies minstens één recht.")},
    )


class SubscriptionForm(AccessibleFormMixin, forms.Form):
    name = TextField(
        label=_("Naam van het abonnement"),
        max_length=120,
        help_text=_("Welk systeem krijgt de meldingen? Bijvoorbeeld: Zaaksysteem of Dashboard."),
        error_messages={"required": _("Geef het abonnement een naam.")},
    )
    endpoint_url = forms.URLField(
        label=_("Adres (URL) dat de meldingen ontvangt"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Bijvoorbeeld https://meldingen.gemeente.nl/burgeridee. Het geheim voor de handtekening maken wij."
        ),
        error_messages={"required": _("Vul het adres in."), "invalid": _("Vul een volledig adres in, met https://.")},
    )
    event_types = forms.MultipleChoiceField(
        label=_("Welke meldingen? (niets kiezen: alle)"),
        choices=EventType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
