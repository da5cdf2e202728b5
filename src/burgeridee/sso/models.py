"""A municipality's own identity provider (OpenID Connect) and which of our staff accounts belong to which
person there. The protocol itself is mozilla-django-oidc's (backends.py, views.py);
docs/decisions/0006-oidc.md says why and docs/sso.md how an IT department sets it up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role

# RFC 8176 values that mean more than a password: "mfa" (Entra ID, ADFS), "otp" and "hwk" (Keycloak and
# others, after the password). A municipality lists what its own provider sends.
DEFAULT_MFA_AMR = "mfa otp hwk"


def split_values(text: str) -> list[str]:
    """Values typed one per line, or separated by commas or spaces."""
    return [value for value in text.replace(",", " ").split() if value]


class IdentityProvider(models.Model):
    """Single sign-on for one municipality's staff. The client secret is write-only: no page or log shows
    it (forms.py never renders it; __str__ and the audit leave it out)."""

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="identity_provider",
        verbose_name=_("gemeente"),
    )
    enabled = models.BooleanField(_("aan"), default=False)
    label = models.CharField(
        _("naam op de inlogknop"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld: Werkaccount Gemeente Ons Dorp."),
    )
    discovery_url = models.URLField(
        _("discovery-URL"),
        max_length=500,
        help_text=_(
            "Het adres van het OpenID Connect-configuratiedocument, eindigend op /.well-known/openid-configuration."
        ),
    )
    client_id = models.CharField(_("client-ID"), max_length=255)
    client_secret = models.CharField(_("client-secret"), max_length=500, blank=True)
    scopes = models.CharField(_("scopes"), max_length=255, default="openid email profile")
    username_claim = models.CharField(_("claim met de gebruikersnaam"), max_length=100, default="preferred_username")
    email_claim = models.CharField(_("claim met het e-mailadres"), max_length=100, default="email")
    groups_claim = models.CharField(_("claim met de groepen"), max_length=100, default="groups")
    role_groups = models.JSONField(
        _("groepen per rol"), default=dict, blank=True, help_text=_("Per rol de groepen die die rol geven.")
    )
    mfa_amr_values = models.CharField(
        _("amr-waarden die meer dan één stap betekenen"), max_length=255, blank=True, default=DEFAULT_MFA_AMR
    )
    mfa_acr_values = models.CharField(_("acr-waarden die meer dan één stap betekenen"), max_length=500, blank=True)
    # What the discovery document said when the settings were last saved.
    issuer = models.CharField(_("issuer"), max_length=500, blank=True)
    authorization_endpoint = models.URLField(max_length=500, blank=True)
    token_endpoint = models.URLField(max_length=500, blank=True)
    userinfo_endpoint = models.URLField(max_length=500, blank=True)
    jwks_uri = models.URLField(max_length=500, blank=True)
    end_session_endpoint = models.URLField(max_length=500, blank=True)
    signing_algorithm = models.CharField(max_length=10, default="RS256")
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("inlogdienst")
        verbose_name_plural = _("inlogdiensten")

    def __str__(self) -> str:
        return f"{self.municipality} ({self.discovery_url})"

    @property
    def button_label(self) -> str:
        return self.label or str(self.municipality)

    def groups_in(self, claims: dict) -> set[str]:
        value = claims.get(self.groups_claim) or []
        if isinstance(value, str):
            value = [value]
        return {str(group) for group in value if group is not None}

    def roles_for(self, claims: dict) -> list[str]:
        """The Burgeridee roles the person's groups give, in the order of Role."""
        groups = self.groups_in(claims)
        mapping = self.role_groups or {}
        return [role for role in Role.values if groups & set(mapping.get(role, []))]

    def asserts_mfa(self, id_token_claims: dict) -> bool:
        """The provider says the person signed in with more than one factor: an `amr` value, or the `acr`,
        that the municipality listed. Read from the ID token, which the provider signed."""
        amr = id_token_claims.get("amr") or []
        if isinstance(amr, str):
            amr = [amr]
        if set(map(str, amr)) & set(split_values(self.mfa_amr_values)):
            return True
        acr = id_token_claims.get("acr")
        return bool(acr) and str(acr) in split_values(self.mfa_acr_values)


class ProviderAccount(models.Model):
    """The person `subject` at `provider` is our `user`. Found by this pair only, never by email address, so
    one municipality's provider can never sign someone in as another municipality's colleague."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="accounts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_accounts")
    subject = models.CharField(_("subject (sub)"), max_length=255)
    created_at = models.DateTimeField(_("gekoppeld op"), auto_now_add=True)
    last_sign_in_at = models.DateTimeField(_("laatst ingelogd"), null=True, blank=True)

    class Meta:
        verbose_name = _("account bij de inlogdienst")
        verbose_name_plural = _("accounts bij de inlogdienst")
        constraints = [models.UniqueConstraint(fields=["provider", "subject"], name="unique_provider_subject")]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.provider_id}"
