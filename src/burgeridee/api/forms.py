from django import forms
from django.utils.translation import gettext_lazy as _
from zgw_consumers.constants import AuthTypes

from burgeridee.core.forms import AccessibleFormMixin, TextField
from burgeridee.initiatives.constants import Phase

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


class ZgwSettingsForm(AccessibleFormMixin, forms.Form):
    """The case-system plugin. The addresses and credentials are saved in zgw-consumers services (one per API,
    services.zgw_settings_update). The secret is write-only: the field is never filled in; empty keeps it."""

    is_active = forms.BooleanField(label=_("Initiatieven registreren in het zaaksysteem"), required=False)
    zaken_url = forms.URLField(
        label=_("Zaken API (basisadres)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld https://openzaak.gemeente.nl/zaken/api/v1/"),
    )
    catalogi_url = forms.URLField(
        label=_("Catalogi API (basisadres)"), max_length=500, required=False, assume_scheme="https"
    )
    documenten_url = forms.URLField(
        label=_("Documenten API (basisadres)"), max_length=500, required=False, assume_scheme="https"
    )
    auth_type = forms.ChoiceField(
        label=_("Soort autorisatie"),
        choices=[
            (AuthTypes.zgw, _("ZGW: client-id en geheim (JWT)")),
            (AuthTypes.no_auth, _("Geen autorisatie")),
        ],
        initial=AuthTypes.zgw,
        required=False,  # not sent: ZGW
        help_text=_("Open Zaak en andere ZGW API's vragen om een client-id en geheim."),
    )
    client_id = TextField(label=_("Client-id"), max_length=120, required=False)
    secret = forms.CharField(
        label=_("Geheim"),
        max_length=200,
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Alleen invullen om het te wijzigen. Het opgeslagen geheim tonen wij nooit."),
    )
    rsin = forms.RegexField(
        label=_("RSIN van de gemeente"),
        regex=r"^\d{9}\Z",
        required=False,
        error_messages={"invalid": _("Het RSIN bestaat uit 9 cijfers.")},
    )
    catalogus = forms.URLField(label=_("Catalogus (URL)"), max_length=500, required=False, assume_scheme="https")
    zaaktype = forms.URLField(label=_("Zaaktype (URL)"), max_length=500, required=False, assume_scheme="https")
    roltype_initiator = forms.URLField(
        label=_("Roltype initiatiefnemer (URL)"), max_length=500, required=False, assume_scheme="https"
    )
    informatieobjecttype = forms.URLField(
        label=_("Informatieobjecttype gespreksverslag (URL)"), max_length=500, required=False, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for phase, label in Phase.choices:
            self.fields[f"statustype_{phase}"] = forms.URLField(
                label=_("Statustype voor fase %(phase)s (URL)") % {"phase": label},
                max_length=500,
                required=False,
                assume_scheme="https",
            )

    @classmethod
    def initial_for(cls, config) -> dict:
        if config is None:
            return {}
        from .services import zgw_values

        values = zgw_values(config)
        initial = {name: values[name] for name in cls.base_fields if name in values}
        for phase, url in (config.statustypes or {}).items():
            initial[f"statustype_{phase}"] = url
        return initial

    def values(self) -> dict:
        data = {name: value for name, value in self.cleaned_data.items() if not name.startswith("statustype_")}
        data.pop("secret", None)
        data["auth_type"] = data.get("auth_type") or AuthTypes.zgw
        data["statustypes"] = {
            phase: self.cleaned_data[f"statustype_{phase}"]
            for phase in Phase.values
            if self.cleaned_data.get(f"statustype_{phase}")
        }
        return data
