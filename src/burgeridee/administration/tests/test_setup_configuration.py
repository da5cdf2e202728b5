"""The same set-up from a YAML file (django-setup-configuration), idempotently; and the demo made the
same way."""

import pytest
from django.core.management import CommandError, call_command

from burgeridee.administration.models import ConfigurationChange, Source
from burgeridee.municipalities.models import Department, Municipality
from burgeridee.records.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db(transaction=True)

YAML = """
municipalities_config_enable: true
municipalities_config:
  municipalities:
    - slug: zeestad
      name: Gemeente Zeestad
      contact_email: initiatieven@zeestad.example
      privacy_officer_email: privacy@zeestad.example
      first_contact_working_days: 3
      retention_months: 18
      processing_register_url: "https://register.zeestad.example/{activity}"
      theme:
        accent: "#00689e"
        link: "#00507a"
      neighbourhoods: [Centrum, Haven, Duinen]
      departments:
        - name: Vergunningen
          email: vergunningen@zeestad.example
          support_types: [vergunning]
        - name: Subsidies
"""


def apply(tmp_path, text=YAML):
    path = tmp_path / "gemeenten.yaml"
    path.write_text(text)
    call_command("setup_configuration", yaml_file=str(path))


def snapshot():
    zeestad = Municipality.objects.get(slug="zeestad")
    return (
        {f.name: getattr(zeestad, f.name) for f in Municipality._meta.concrete_fields},
        sorted(zeestad.neighbourhoods.values_list("name", flat=True)),
        sorted(Department.objects.filter(municipality=zeestad).values_list("name", "email", "support_types")),
        ConfigurationChange.objects.count(),
        ProcessingLogEntry.objects.count(),
    )


def test_applying_the_file_sets_up_the_municipality_and_twice_changes_nothing(tmp_path):
    apply(tmp_path)
    zeestad = Municipality.objects.get(slug="zeestad")
    assert (zeestad.first_contact_working_days, zeestad.retention_months) == (3, 18)
    assert zeestad.theme == {"--utrecht-color-red-40": "#00689e", "--utrecht-link-color": "#00507a"}
    assert sorted(zeestad.neighbourhoods.values_list("name", flat=True)) == ["Centrum", "Duinen", "Haven"]
    assert Department.objects.get(municipality=zeestad, name="Vergunningen").support_types == ["vergunning"]
    assert set(ConfigurationChange.objects.values_list("source", flat=True)) == {Source.CONFIGURATION_FILE}
    first = snapshot()
    apply(tmp_path)
    assert snapshot() == first

    # A changed file changes only what changed.
    apply(tmp_path, YAML.replace("first_contact_working_days: 3", "first_contact_working_days: 4"))
    assert Municipality.objects.get(slug="zeestad").first_contact_working_days == 4
    assert ConfigurationChange.objects.count() == first[3] + 1


def test_a_file_with_a_contrast_problem_is_refused_and_changes_nothing(tmp_path):
    with pytest.raises(CommandError):
        apply(tmp_path, YAML.replace('link: "#00507a"', 'link: "#9fc5e8"'))
    assert not Municipality.objects.filter(slug="zeestad").exists()


def test_the_demo_is_made_with_the_same_services():
    call_command("seed_demo")
    voorbeeld = Municipality.objects.get(slug="voorbeeld")
    changes = ConfigurationChange.objects.filter(municipality=voorbeeld)
    assert set(changes.values_list("source", flat=True)) == {Source.DEMO}
    activities = set(changes.values_list("activity", flat=True))
    assert {
        "municipality_create",
        "theme_change",
        "neighbourhoods_change",
        "departments_change",
        "staff_invite",
    } <= activities
    assert voorbeeld.theme["--utrecht-color-red-40"] == "#b3261e"
