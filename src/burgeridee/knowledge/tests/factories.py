"""factory-boy factories for the knowledge library (see burgeridee/testing)."""

import factory
from factory.django import DjangoModelFactory

from burgeridee.initiatives.constants import Theme
from burgeridee.knowledge.constants import Kind
from burgeridee.knowledge.models import KnowledgeItem
from burgeridee.municipalities.tests.factories import MunicipalityFactory


class KnowledgeItemFactory(DjangoModelFactory):
    """A municipality's own practice case in the knowledge library (the defaults come from its data migration)."""

    class Meta:
        model = KnowledgeItem

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = Kind.CASE
    key = factory.Sequence(lambda n: f"eigen-casus-{n}")
    title = "Bankjes bij de vijver"
    summary = "Bewoners plaatsten bankjes; het onderhoud was niet geregeld."
    body = "Eerste alinea.\n\nTweede alinea."
    points = "Wat ging goed?\nWat niet?"
    theme = Theme.LIVEABLE
