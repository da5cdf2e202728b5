"""The case-system registration's services are zgw-consumers `Service`s: configured by zgw-consumers' own
setup-configuration step and linked by identifier, moved there from the old fields by a data migration."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from zgw_consumers.constants import AuthTypes
from zgw_consumers.models import Service

from burgeridee.api import zgw
from burgeridee.api.models import ZgwSettings

from .zgw_fake import CLIENT_ID, SECRET, FakeZgw

YAML = """
zgw_consumers_config_enable: true
zgw_consumers:
  services:
    - identifier: voorbeeld-zaken
      label: "Gemeente Voorbeeld: Zaken API"
      api_type: zrc
      api_root: {base}/zaken/api/v1/
      auth_type: zgw
      client_id: {client_id}
      secret: {secret}
      user_id: burgeridee
      user_representation: Burgeridee
    - identifier: voorbeeld-documenten
      label: "Gemeente Voorbeeld: Documenten API"
      api_type: drc
      api_root: {base}/documenten/api/v1/
      auth_type: zgw
      client_id: {client_id}
      secret: {secret}
zgw_registration_config_enable: true
zgw_registration_config:
  municipalities:
    - slug: {slug}
      is_active: true
      zaken_service_identifier: voorbeeld-zaken
      documenten_service_identifier: {documenten}
      rsin: "002220647"
      zaaktype: http://127.0.0.1:1/catalogi/api/v1/zaaktypen/1
      roltype_initiator: http://127.0.0.1:1/catalogi/api/v1/roltypen/1
      statustypes:
        idee: http://127.0.0.1:1/catalogi/api/v1/statustypen/1
"""


def apply(tmp_path, base, slug="voorbeeld", documenten="voorbeeld-documenten"):
    path = tmp_path / "zgw.yaml"
    path.write_text(YAML.format(base=base, client_id=CLIENT_ID, secret=SECRET, slug=slug, documenten=documenten))
    call_command("setup_configuration", yaml_file=str(path))


@pytest.mark.django_db(transaction=True)
def test_the_configuration_file_configures_services_and_links_them(tmp_path, municipality, submit_idea):
    with FakeZgw() as fake:
        apply(tmp_path, fake.base)
        apply(tmp_path, fake.base)  # idempotent
        config = ZgwSettings.objects.get(municipality=municipality)
        assert config.is_active and config.zaken_service.slug == "voorbeeld-zaken"
        assert config.documenten_service.api_root == f"{fake.base}/documenten/api/v1/"
        assert config.zaken_service.auth_type == AuthTypes.zgw and Service.objects.count() == 2
        submit_idea(municipality)
        assert zgw.zgw_register() == 1
    assert fake.problems == [] and fake.resources() == ["zaken", "rollen", "statussen"]


@pytest.mark.django_db(transaction=True)
def test_the_configuration_file_refuses_an_unknown_service_or_municipality(tmp_path, municipality):
    with pytest.raises(CommandError, match="failed step"):
        apply(tmp_path, "http://127.0.0.1:1", documenten="onbekend")
    with pytest.raises(CommandError, match="failed step"):
        apply(tmp_path, "http://127.0.0.1:1", slug="nergens")
    assert not ZgwSettings.objects.exists() and not Service.objects.exists()  # all rolled back


@pytest.mark.django_db(transaction=True)
def test_migration_moves_the_addresses_and_credentials_into_services(municipality):
    executor = MigrationExecutor(connection)
    before, after = [("api", "0003_zgw_registration")], [("api", "0004_zgw_services")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldSettings = old_apps.get_model("api", "ZgwSettings")
    OldSettings.objects.create(
        municipality_id=municipality.pk,
        is_active=True,
        zaken_url="https://openzaak.example/zaken/api/v1",
        documenten_url="https://openzaak.example/documenten/api/v1/",
        client_id="burgeridee",
        secret="heel-geheim",
        rsin="002220647",
        zaaktype="https://openzaak.example/catalogi/api/v1/zaaktypen/1",
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new_apps = executor.loader.project_state(after).apps
    config = new_apps.get_model("api", "ZgwSettings").objects.get(municipality_id=municipality.pk)
    services = new_apps.get_model("zgw_consumers", "Service").objects
    zaken = services.get(pk=config.zaken_service_id)
    documenten = services.get(pk=config.documenten_service_id)
    assert config.catalogi_service_id is None and config.is_active and config.rsin == "002220647"
    assert (zaken.api_root, zaken.api_type) == ("https://openzaak.example/zaken/api/v1/", "zrc")
    assert (documenten.api_root, documenten.api_type) == ("https://openzaak.example/documenten/api/v1/", "drc")
    for service in (zaken, documenten):
        assert (service.auth_type, service.client_id, service.secret) == ("zgw", "burgeridee", "heel-geheim")
    assert zaken.slug == "voorbeeld-zrc" and zaken.label == "Gemeente Voorbeeld: Zaken API"
