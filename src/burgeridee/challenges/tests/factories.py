"""Factories and helpers for the right to challenge; a challenge is made through the real service."""

from burgeridee.initiatives.services import InitiatorData
from burgeridee.municipalities.tests.factories import DepartmentFactory

from ..models import ChallengeSettings, ChallengeTask


def challenge_setup(municipality, *, weeks: int = 8) -> dict:
    """Turn the right to challenge on for `municipality` with two tasks (green of a square, a playground)."""
    ChallengeSettings.objects.update_or_create(
        municipality=municipality,
        defaults={"is_enabled": True, "decision_weeks": weeks, "bylaw_url": "https://example.org/verordening"},
    )
    green = DepartmentFactory(municipality=municipality, name="Beheer openbare ruimte")
    square = ChallengeTask.objects.create(
        municipality=municipality,
        title="Groenonderhoud van een plein",
        description="Snoeien, maaien en de plantenbakken bijhouden.",
        department=green,
        cost="Ongeveer € 4.000 per jaar",
        quality="Eén keer per maand maaien; zwerfvuil binnen een week weg.",
        order=1,
    )
    playground = ChallengeTask.objects.create(
        municipality=municipality,
        title="Onderhoud van een speeltuin",
        description="Het schoonhouden en controleren van de speeltuin.",
        order=2,
    )
    return {"department": green, "square": square, "playground": playground}


def idea_kwargs(municipality, **overrides) -> dict:
    return {
        "title": "Wij onderhouden het groen op het Lindeplein",
        "description": "Wij willen het groen op ons plein zelf bijhouden.",
        "target_group": "Bewoners rond het plein",
        "theme": "leefbaar",
        "neighbourhood": municipality.neighbourhoods.first(),
        "initiator": InitiatorData(
            name="Fatima Bakker",
            email="fatima@example.org",
            street_address="Lindeplein 4",
            postal_code="1234 AB",
            city="Voorbeeld",
        ),
        **overrides,
    }
