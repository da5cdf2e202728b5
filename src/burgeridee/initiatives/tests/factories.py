"""factory-boy factories for residents' ideas, made through initiative_submit (see burgeridee/testing)."""

import factory
from factory.django import DjangoModelFactory

from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.tests.factories import MunicipalityFactory


class InitiatorDataFactory(factory.Factory):
    """The resident who submits an idea (the service's InitiatorData; initiative_submit stores it)."""

    class Meta:
        model = services.InitiatorData

    name = "Fatima Bakker"
    email = "fatima@example.org"
    preferred_contact = ContactPreference.EMAIL


class InitiativeFactory(DjangoModelFactory):
    """A resident's idea, submitted through the real service (initiative_submit), with its primary initiator.

    Any argument of initiative_submit can be given (`now=`, `initiator=InitiatorData(...)`, `channel=`...).
    The resident's status link token is `initiative.status_token`.
    """

    class Meta:
        model = Initiative

    municipality = factory.SubFactory(MunicipalityFactory, neighbourhoods=["Centrum"])
    title = "Moestuin aan de Kastanjelaan"
    description = "Een moestuin voor de hele straat."
    target_group = "Buren en kinderen"
    theme = Theme.LIVEABLE
    neighbourhood = factory.LazyAttribute(lambda idea: idea.municipality.neighbourhoods.first())
    support_types = factory.LazyFunction(lambda: ["materialen"])
    initiator = factory.SubFactory(InitiatorDataFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.initiative_submit(**kwargs).initiative
