"""Shared test fixtures. Tests build their data with the real services, not with mocks."""

import pytest

from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Theme
from burgeridee.municipalities.models import Municipality, Neighbourhood


@pytest.fixture(autouse=True)
def _clear_caches():
    from django.core.cache import caches

    for alias in ("default", "local"):
        caches[alias].clear()
    yield


@pytest.fixture
def municipality(db):
    municipality = Municipality.objects.create(
        slug="voorbeeld",
        name="Gemeente Voorbeeld",
        contact_email="initiatieven@voorbeeld.example",
        contact_phone="14 020",
    )
    for name in ("Centrum", "Oosterpark"):
        Neighbourhood.objects.create(municipality=municipality, name=name)
    return municipality


@pytest.fixture
def other_municipality(db):
    municipality = Municipality.objects.create(slug="anders", name="Gemeente Anders")
    Neighbourhood.objects.create(municipality=municipality, name="Dorp")
    return municipality


@pytest.fixture
def submit_idea():
    """Submit an idea through the real service; returns (initiative, token)."""

    def submit(municipality, **overrides):
        data = {
            "title": "Moestuin aan de Kastanjelaan",
            "description": "Een moestuin voor de hele straat.",
            "target_group": "Buren en kinderen",
            "theme": Theme.LIVEABLE,
            "neighbourhood": municipality.neighbourhoods.first(),
            "support_types": ["materialen"],
            "initiator": services.InitiatorData(
                name="Fatima Bakker", email="fatima@example.org", preferred_contact=ContactPreference.EMAIL
            ),
        }
        data.update(overrides)
        submitted = services.initiative_submit(municipality=municipality, **data)
        return submitted.initiative, submitted.token

    return submit
