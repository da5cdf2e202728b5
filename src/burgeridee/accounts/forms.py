from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin


class StaffLoginForm(AccessibleFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("Deze combinatie van gebruikersnaam en wachtwoord klopt niet. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief. Neem contact op met de beheerder."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["username"].error_messages["required"] = _("Vul uw gebruikersnaam in.")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["password"].error_messages["required"] = _("Vul uw wachtwoord in.")


class StaffPasswordChangeForm(AccessibleFormMixin, PasswordChangeForm):
    """Change the password: the current one, then the new one twice (checked against the password rules)."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].label = _("Huidig wachtwoord")
        self.fields["old_password"].error_messages["required"] = _("Vul uw huidige wachtwoord in.")
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password1"].help_text = _("Ten minste 12 tekens. Gebruik geen naam of veelgebruikt woord.")
        self.fields["new_password1"].error_messages["required"] = _("Vul een nieuw wachtwoord in.")
        self.fields["new_password2"].label = _("Nieuw wachtwoord, nog een keer")
        self.fields["new_password2"].error_messages["required"] = _("Vul het nieuwe wachtwoord nog een keer in.")
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": _("Het huidige wachtwoord klopt niet. Let op hoofdletters."),
            "password_mismatch": _("De twee nieuwe wachtwoorden zijn niet gelijk."),
        }
        for name in ("old_password", "new_password1", "new_password2"):
            self.fields[name].widget.attrs.pop("autofocus", None)


class TokenForm(AccessibleFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code uit uw app"),
        max_length=10,
        help_text=_("Zes cijfers, bijvoorbeeld 123456. De code verandert elke 30 seconden."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
        error_messages={"required": _("Vul de code uit uw app in.")},
    )

    def __init__(self, *args, devices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = list(devices)
        self.device = None

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError(_("De code bestaat uit zes cijfers."))
        for device in self.devices:
            allowed, _data = device.verify_is_allowed()
            if not allowed:
                raise forms.ValidationError(_("Te veel verkeerde codes. Wacht even en probeer het dan opnieuw."))
            if device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError(_("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat."))


class BackupCodeForm(AccessibleFormMixin, forms.Form):
    """One of the one-time backup codes (eight letters and digits; spaces and dashes do not matter)."""

    code = forms.CharField(
        label=_("Reservecode"),
        max_length=20,
        help_text=_("Acht letters en cijfers van uw lijst met reservecodes. Elke code werkt één keer."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "size": 12}
        ),
        error_messages={"required": _("Vul een reservecode in.")},
    )
