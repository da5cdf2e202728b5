"""factory-boy factories for training: a request for a workshop, training or coaching, made by the real service."""

import factory
from factory.django import DjangoModelFactory

from burgeridee.municipalities.tests.factories import MunicipalityFactory
from burgeridee.workshops import services as workshop_services
from burgeridee.workshops.models import WorkshopRequest


class WorkshopRequestFactory(DjangoModelFactory):
    class Meta:
        model = WorkshopRequest

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "workshop"
    organisation = "Team Wijken"
    contact_name = "Sanne Vermeer"
    email = "sanne@voorbeeld.example"
    phone = ""
    preferred_dates = "Maart, dinsdagmiddag"
    participants = 14
    wishes = "Veel nieuwe collega's; graag ook intervisie daarna."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return workshop_services.workshop_request_submit(**kwargs)
