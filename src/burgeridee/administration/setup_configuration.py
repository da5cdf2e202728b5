"""Applying municipalities' set-up from a YAML file, for automated installs (django-setup-configuration,
as Maykin's products do):

    manage.py setup_configuration --yaml-file gemeenten.yaml

    municipalities_config_enable: true
    municipalities_config:
      municipalities:
        - slug: zeestad
          name: Gemeente Zeestad
          contact_email: initiatieven@zeestad.nl
          first_contact_working_days: 5
          theme: {accent: "#00689e", link: "#00507a"}
          neighbourhoods: [Centrum, Haven]
          departments:
            - {name: Vergunningen, email: vergunningen@zeestad.nl, support_types: [vergunning]}

Each municipality goes through the same service as the workspace pages (services.municipality_configure):
created when it is not there, brought up to date when it is; applying the same file twice changes
nothing. Staff are not in the file (no passwords in files): invite them with `manage.py staff_create` or
in the workspace.
"""

from django.core.exceptions import ValidationError
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import BaseModel, Field

from burgeridee.initiatives.constants import SupportType

from .models import Source
from .services import municipality_configure


class DepartmentConfiguration(BaseModel):
    name: str = Field(description="The department's name, unique within the municipality.")
    email: str = Field(default="", description="Where questions to the department go (besides its colleagues).")
    support_types: list[SupportType] | None = Field(
        default=None, description="Kinds of support the department is usually involved in."
    )


class ThemeConfiguration(BaseModel):
    accent: str | None = Field(default=None, description="House colour (header line, icon), hex.")
    background: str | None = None
    text: str | None = None
    link: str | None = None
    button_background: str | None = None
    button_text: str | None = None


class MunicipalityConfiguration(BaseModel):
    slug: str = Field(description="Short name in the web address: /<slug>/. Cannot change later.")
    name: str
    contact_email: str = ""
    contact_phone: str = ""
    contact_address: str = ""
    website: str = ""
    privacy_officer_email: str = ""
    first_contact_working_days: int = Field(default=5, ge=1, le=30)
    retention_months: int = Field(default=24, ge=1, le=120)
    processing_register_url: str = ""
    processing_register_references: dict[str, str] = Field(default_factory=dict)
    theme: ThemeConfiguration | None = None
    neighbourhoods: list[str] = Field(default_factory=list)
    departments: list[DepartmentConfiguration] = Field(default_factory=list)


class MunicipalitiesConfiguration(ConfigurationModel):
    municipalities: list[MunicipalityConfiguration]


class MunicipalitiesConfigurationStep(BaseConfigurationStep[MunicipalitiesConfiguration]):
    """Create or update municipalities with their theme, neighbourhoods and departments."""

    verbose_name = "Municipalities (Burgeridee)"
    config_model = MunicipalitiesConfiguration
    namespace = "municipalities_config"
    enable_setting = "municipalities_config_enable"

    def execute(self, model: MunicipalitiesConfiguration) -> None:
        for municipality in model.municipalities:
            config = municipality.model_dump(exclude_none=True)
            if municipality.theme is not None:
                config["theme"] = municipality.theme.model_dump(exclude_none=True)
            config["departments"] = [
                {key: value for key, value in row.items() if value is not None}
                for row in (department.model_dump() for department in municipality.departments)
            ]
            for row in config["departments"]:
                if "support_types" in row:
                    row["support_types"] = [str(value) for value in row["support_types"]]
            try:
                municipality_configure(config=config, source=Source.CONFIGURATION_FILE)
            except ValidationError as error:
                raise ConfigurationRunFailed(f"{municipality.slug}: {'; '.join(error.messages)}") from error
