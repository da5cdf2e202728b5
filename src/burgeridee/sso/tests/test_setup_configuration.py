"""Single sign-on settings from a YAML file (django-setup-configuration): against a real provider on
loopback, idempotent, the secret from the environment and never in the output or the log."""

import logging

import pytest
from django.core.management import CommandError, call_command

from burgeridee.records.models import ProcessingLogEntry
from burgeridee.sso.models import IdentityProvider

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "zeestad-heel-geheim-9876"

YAML = """
municipalities_config_enable: true
municipalities_config:
  municipalities:
    - slug: zeestad
      name: Gemeente Zeestad
sso_config_enable: true
sso_config:
  identity_providers:
    - municipality: zeestad
      label: Werkaccount Zeestad
      discovery_url: "{url}/.well-known/openid-configuration"
      client_id: burgeridee-zeestad
      client_secret:
        value_from: {{env: ZEESTAD_OIDC_SECRET}}
      role_groups:
        coordinator: [zs-coordinatoren]
        contactpersoon: [zs-contactpersonen, zs-wijkteam]
      mfa_acr_values: "urn:zeestad:mfa"
"""


@pytest.fixture
def apply(tmp_path, provider_url, monkeypatch):
    monkeypatch.setenv("ZEESTAD_OIDC_SECRET", SECRET)

    def run(text=YAML):
        path = tmp_path / "sso.yaml"
        path.write_text(text.format(url=provider_url))
        call_command("setup_configuration", yaml_file=str(path))

    return run


def snapshot():
    provider = IdentityProvider.objects.get(municipality__slug="zeestad")
    fields = {f.name: getattr(provider, f.name) for f in IdentityProvider._meta.concrete_fields}
    return fields, ProcessingLogEntry.objects.filter(activity="sso_settings_update").count()


def test_applying_the_file_sets_up_sso_and_twice_changes_nothing(apply, provider_url, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    apply()
    provider = IdentityProvider.objects.get(municipality__slug="zeestad")
    assert provider.enabled and provider.label == "Werkaccount Zeestad"
    assert provider.client_secret == SECRET
    assert provider.role_groups == {
        "coordinator": ["zs-coordinatoren"],
        "contactpersoon": ["zs-contactpersonen", "zs-wijkteam"],
    }
    assert provider.issuer and provider.authorization_endpoint.startswith(provider_url)
    assert provider.mfa_acr_values == "urn:zeestad:mfa"
    first = snapshot()
    assert first[1] == 1  # audited once

    apply()
    assert snapshot() == first  # nothing saved (updated_at too), no new audit row

    # A changed file changes only what changed, audited once more.
    apply(YAML.replace("client_id: burgeridee-zeestad", "client_id: burgeridee-zs"))
    fields, audits = snapshot()
    assert fields["client_id"] == "burgeridee-zs" and fields["client_secret"] == SECRET
    assert audits == 2

    output = capsys.readouterr()
    assert SECRET not in output.out + output.err
    assert SECRET not in caplog.text


def test_an_unknown_municipality_or_a_wrong_discovery_url_is_refused_without_the_secret(apply, capsys):
    with pytest.raises(CommandError):
        apply(YAML.replace("- municipality: zeestad", "- municipality: nergensdorp"))
    output = capsys.readouterr()
    assert "nergensdorp: no such municipality" in output.out + output.err
    assert SECRET not in output.out + output.err
    with pytest.raises(CommandError):
        apply(YAML.replace("/.well-known/openid-configuration", "/bestaat-niet"))
    output = capsys.readouterr()
    assert "zeestad: the discovery document could not be used" in output.out + output.err
    assert SECRET not in output.out + output.err
    assert not IdentityProvider.objects.exists()


def test_an_enabled_provider_without_groups_is_refused(apply, capsys):
    text = YAML.split("      role_groups:")[0]
    with pytest.raises(CommandError):
        apply(text)
    output = capsys.readouterr()
    assert "at least one role group" in output.out + output.err
    assert not IdentityProvider.objects.exists()
