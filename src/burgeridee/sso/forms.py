from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.core.forms import AccessibleFormMixin

from .models import IdentityProvider, split_values


class ProviderSettingsForm(AccessibleFormMixin, forms.ModelForm):
    """The municipality's identity provider. The client secret is write-only: the field is always shown
    empty, and left empty it keeps the stored secret."""

    discovery_url = forms.URLField(label=_("Discovery-URL"), max_length=500, assume_scheme="https")
    client_secret = forms.CharField(
        label=_("Client-secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Wordt nooit getoond. Laat leeg om het opgeslagen secret te houden."),
    )

    class Meta:
        model = IdentityProvider
        fields = [
            "enabled",
            "label",
            "discovery_url",
            "client_id",
            "client_secret",
            "scopes",
            "username_claim",
            "email_claim",
            "groups_claim",
            "mfa_amr_values",
            "mfa_acr_values",
        ]
        labels = {
            "enabled": _("Inloggen met werkaccount aanzetten"),
            "label": _("Naam op de inlogknop"),
            "discovery_url": _("Discovery-URL"),
            "client_id": _("Client-ID"),
            "scopes": _("Scopes"),
            "username_claim": _("Claim met de gebruikersnaam"),
            "email_claim": _("Claim met het e-mailadres"),
            "groups_claim": _("Claim met de groepen"),
            "mfa_amr_values": _("amr-waarden die inloggen in meer stappen betekenen"),
            "mfa_acr_values": _("acr-waarden die inloggen in meer stappen betekenen"),
        }
        help_texts = {
            "scopes": _("Gescheiden door spaties. 'openid' is verplicht."),
            "mfa_amr_values": _(
                "Gescheiden door spaties. Noemt de inlogdienst een van deze waarden in 'amr', dan vragen wij "
                "geen tweede stap meer. Leeg: altijd onze eigen tweede stap."
            ),
            "mfa_acr_values": _("Gescheiden door spaties. Bijvoorbeeld het acr van uw inlogbeleid met MFA."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role_fields = []
        mapping = self.instance.role_groups or {}
        for role in Role:
            name = f"groups_{role.value}"
            self.fields[name] = forms.CharField(
                label=_("Groepen die de rol '%(role)s' geven") % {"role": role.label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Eén groep per regel, zoals de inlogdienst ze in de groepenclaim noemt."),
                initial="\n".join(mapping.get(role.value, [])),
            )
            self.role_fields.append(name)
        self.fields["discovery_url"].error_messages["required"] = _("Vul de discovery-URL in.")
        self.fields["discovery_url"].error_messages["invalid"] = _("Vul een volledig webadres in, met https://.")
        self.fields["client_id"].error_messages["required"] = _("Vul het client-ID in.")

    @property
    def role_bound_fields(self):
        return [self[name] for name in self.role_fields]

    def clean_scopes(self):
        scopes = split_values(self.cleaned_data["scopes"])
        if "openid" not in scopes:
            raise forms.ValidationError(_("De scopes moeten 'openid' bevatten."))
        return " ".join(scopes)

    def clean_client_secret(self):
        # Write-only: empty keeps what is stored.
        return self.cleaned_data["client_secret"] or self.instance.client_secret

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("enabled") and not cleaned.get("client_secret"):
            self.add_error("client_secret", _("Vul het client-secret in."))
        roles = {
            # One per line: group names may hold spaces ("Burgeridee coördinatoren").
            role.value: [line.strip() for line in cleaned.get(f"groups_{role.value}", "").splitlines() if line.strip()]
            for role in Role
        }
        if cleaned.get("enabled") and not any(roles.values()):
            self.add_error(
                self.role_fields[0], _("Noem ten minste één groep die een rol geeft; anders kan niemand inloggen.")
            )
        self.instance.role_groups = {role: groups for role, groups in roles.items() if groups}
        return cleaned
