"""Single sign-on settings from a YAML file, for automated installs (django-setup-configuration), next to
the municipalities step (administration/setup_configuration.py) and after it in SETUP_CONFIGURATION_STEPS:

    sso_config_enable: true
    sso_config:
      identity_providers:
        - municipality: zeestad
          label: Werkaccount Zeestad
          discovery_url: https://login.zeestad.nl/realms/burgeridee/.well-known/openid-configuration
          client_id: burgeridee
          client_secret:
            value_from: {env: ZEESTAD_OIDC_CLIENT_SECRET}
          role_groups:
            coordinator: [burgeridee-coordinatoren]
            contactpersoon: [burgeridee-contactpersonen]

The secret is best read from the environment (`value_from`), so it is not in the file; it is a pydantic
SecretStr and appears in no log, message or page. Every run fetches the discovery document; the settings are
saved (and audited in the processing log) only when something differs, so applying the file twice changes
nothing. docs/sso.md explains each field.
"""

from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import BaseModel, Field, SecretStr, field_validator

from burgeridee.accounts.constants import Role
from burgeridee.municipalities.models import Municipality

from .models import DEFAULT_MFA_AMR, split_values
from .services import DiscoveryFailed, provider_configure, provider_discover


class IdentityProviderConfiguration(BaseModel):
    municipality: str = Field(description="The municipality's slug; it must exist (municipalities_config).")
    enabled: bool = Field(default=True, description="Show the sign-in button and accept sign-ins.")
    label: str = Field(default="", description="Text on the sign-in button; empty: the municipality's name.")
    discovery_url: str = Field(description="Ends in /.well-known/openid-configuration.")
    client_id: str
    client_secret: SecretStr = Field(description="Best read from the environment with value_from.")
    scopes: str = "openid email profile"
    username_claim: str = "preferred_username"
    email_claim: str = "email"
    groups_claim: str = "groups"
    role_groups: dict[Role, list[str]] = Field(
        default_factory=dict, description="Per Burgeridee role the provider's groups that give it."
    )
    mfa_amr_values: str = Field(default=DEFAULT_MFA_AMR, description="amr values that mean MFA; space separated.")
    mfa_acr_values: str = Field(default="", description="acr values that mean MFA; space separated.")

    @field_validator("scopes")
    @classmethod
    def scopes_hold_openid(cls, value: str) -> str:
        scopes = split_values(value)
        if "openid" not in scopes:
            raise ValueError("scopes must contain 'openid'")
        return " ".join(scopes)


class IdentityProvidersConfiguration(ConfigurationModel):
    identity_providers: list[IdentityProviderConfiguration]


class IdentityProvidersConfigurationStep(BaseConfigurationStep[IdentityProvidersConfiguration]):
    """Create or update municipalities' OpenID Connect identity providers."""

    verbose_name = "Single sign-on (Burgeridee)"
    config_model = IdentityProvidersConfiguration
    namespace = "sso_config"
    enable_setting = "sso_config_enable"

    def execute(self, model: IdentityProvidersConfiguration) -> None:
        for item in model.identity_providers:
            municipality = Municipality.objects.filter(slug=item.municipality).first()
            if municipality is None:
                raise ConfigurationRunFailed(f"{item.municipality}: no such municipality")
            role_groups = {
                str(role): [g.strip() for g in groups if g.strip()] for role, groups in item.role_groups.items()
            }
            role_groups = {role: groups for role, groups in role_groups.items() if groups}
            secret = item.client_secret.get_secret_value()
            if item.enabled and not (secret and role_groups):
                raise ConfigurationRunFailed(
                    f"{item.municipality}: an enabled provider needs client_secret and at least one role group"
                )
            try:
                discovered = provider_discover(discovery_url=item.discovery_url)
            except DiscoveryFailed as error:
                raise ConfigurationRunFailed(
                    f"{item.municipality}: the discovery document could not be used ({error})"
                ) from error
            values = item.model_dump(exclude={"municipality", "client_secret", "role_groups"})
            provider_configure(
                municipality=municipality,
                values=values | {"client_secret": secret, "role_groups": role_groups},
                discovered=discovered,
            )
