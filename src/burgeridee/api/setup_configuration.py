"""The case-system registration from the configuration file (django-setup-configuration). The ZGW services
themselves come from zgw-consumers' own step (`zgw_consumers`, ServiceConfigurationStep, runs first);
this step links a municipality to them by their identifier (the Service's slug):

    zgw_consumers_config_enable: true
    zgw_consumers:
      services:
        - identifier: zeestad-zaken
          label: "Gemeente Zeestad: Zaken API"
          api_type: zrc
          api_root: https://openzaak.zeestad.nl/zaken/api/v1/
          auth_type: zgw
          client_id: burgeridee
          secret: ...
        - identifier: zeestad-documenten
          ...
    zgw_registration_config_enable: true
    zgw_registration_config:
      municipalities:
        - slug: zeestad
          is_active: true
          zaken_service_identifier: zeestad-zaken
          documenten_service_identifier: zeestad-documenten
          rsin: "002220647"
          zaaktype: https://openzaak.zeestad.nl/catalogi/api/v1/zaaktypen/...
"""

from django.core.exceptions import ValidationError
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import BaseModel, Field
from zgw_consumers.models import Service

from burgeridee.municipalities.models import Municipality

from .services import zgw_settings_configure


class ZgwRegistrationConfiguration(BaseModel):
    slug: str = Field(description="The municipality (it must exist: municipalities_config).")
    is_active: bool = False
    zaken_service_identifier: str = Field(default="", description="Identifier of the Zaken API service.")
    documenten_service_identifier: str = Field(default="", description="Identifier of the Documenten API service.")
    catalogi_service_identifier: str = Field(default="", description="Identifier of the Catalogi API service.")
    rsin: str = ""
    catalogus: str = ""
    zaaktype: str = ""
    roltype_initiator: str = ""
    statustypes: dict[str, str] = Field(default_factory=dict, description="Statustype URL per phase.")
    informatieobjecttype: str = ""


class ZgwRegistrationsConfiguration(ConfigurationModel):
    municipalities: list[ZgwRegistrationConfiguration]


class ZgwConfigurationStep(BaseConfigurationStep[ZgwRegistrationsConfiguration]):
    """Link municipalities' case-system registration to zgw-consumers services and set its types."""

    verbose_name = "Case-system registration (Burgeridee)"
    config_model = ZgwRegistrationsConfiguration
    namespace = "zgw_registration_config"
    enable_setting = "zgw_registration_config_enable"

    def execute(self, model: ZgwRegistrationsConfiguration) -> None:
        for item in model.municipalities:
            municipality = Municipality.objects.filter(slug=item.slug).first()
            if municipality is None:
                raise ConfigurationRunFailed(f"{item.slug}: no such municipality")
            services = {}
            for key in ("zaken_service", "documenten_service", "catalogi_service"):
                identifier = getattr(item, f"{key}_identifier")
                services[key] = Service.objects.filter(slug=identifier).first() if identifier else None
                if identifier and services[key] is None:
                    raise ConfigurationRunFailed(f"{item.slug}: no service {identifier!r}")
            values = item.model_dump(exclude={"slug"} | {f"{key}_identifier" for key in services})
            try:
                zgw_settings_configure(municipality=municipality, services=services, values=values)
            except ValidationError as error:
                raise ConfigurationRunFailed(f"{item.slug}: {'; '.join(error.messages)}") from error
