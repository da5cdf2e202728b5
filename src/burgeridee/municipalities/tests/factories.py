"""factory-boy factories for municipalities, their neighbourhoods and departments (see burgeridee/testing)."""

import factory
from factory.django import DjangoModelFactory

from burgeridee.municipalities.models import Department, Municipality, Neighbourhood


class NeighbourhoodFactory(DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    municipality = factory.SubFactory("burgeridee.municipalities.tests.factories.MunicipalityFactory")
    name = factory.Sequence(lambda n: f"Wijk {n}")


class MunicipalityFactory(DjangoModelFactory):
    """A municipality; `neighbourhoods=["Centrum", "Oosterpark"]` adds one neighbourhood per name."""

    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"gemeente{n}")
    name = factory.LazyAttribute(lambda municipality: f"Gemeente {municipality.slug.capitalize()}")

    @factory.post_generation
    def neighbourhoods(municipality, create, names, **kwargs):
        for name in names or ():
            NeighbourhoodFactory(municipality=municipality, name=name)


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Afdeling {n}")
