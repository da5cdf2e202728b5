"""Demo data for the right to challenge, used by `manage.py seed_demo`: Gemeente Voorbeeld's bylaw grants it,
two tasks can be challenged, and one challenge is underway (plan complete, advice asked of the department)."""

from datetime import timedelta
from decimal import Decimal

from burgeridee.challenges import services
from burgeridee.challenges.models import ChallengeTask
from burgeridee.initiatives.constants import ContactPreference, Theme
from burgeridee.initiatives.services import InitiatorData, initiative_assign_contact
from burgeridee.municipalities.models import Department


def challenges_seed(*, municipality, administrator, contact, coordinator, neighbourhood, now) -> None:
    services.challenge_settings_update(
        municipality=municipality,
        actor=administrator,
        is_enabled=True,
        bylaw_text=(
            "Artikel 7. Uitdaagrecht\n"
            "1. Inwoners kunnen het college vragen een taak van de gemeente over te nemen.\n"
            "2. Het college besluit binnen acht weken nadat het plan compleet is."
        ),
        bylaw_url="https://www.voorbeeld.example/participatieverordening",
        decision_weeks=8,
    )
    services.criteria_ensure_default(municipality=municipality)
    green = services.task_save(
        municipality=municipality,
        actor=administrator,
        title="Groenonderhoud van een plein of plantsoen",
        description="Maaien, onkruid wieden en de plantenbakken bijhouden. Bomen snoeien blijft bij de gemeente.",
        department=Department.objects.get(municipality=municipality, name="Beheer openbare ruimte"),
        cost="Ongeveer € 4.000 per plein per jaar",
        quality="Gras hooguit 10 cm hoog; zwerfvuil binnen een week weg; paden vrij.",
    )
    services.task_save(
        municipality=municipality,
        actor=administrator,
        title="Beheer van buurthuis De Weide",
        description="Het buurthuis openen en sluiten, de zalen verhuren en het gebouw schoon houden.",
        department=Department.objects.get(municipality=municipality, name="Vastgoed"),
        cost="Ongeveer € 18.000 per jaar",
        quality="Vijf dagen per week open; veilig en schoon.",
    )
    submitted = services.challenge_submit(
        municipality=municipality,
        task=ChallengeTask.objects.get(pk=green.pk),
        title="Wij onderhouden het groen op het Lindeplein",
        description="Met zes buren willen wij het groen op ons plein zelf bijhouden. Dat kan mooier en vaker.",
        target_group="Bewoners rond het Lindeplein",
        theme=Theme.LIVEABLE,
        neighbourhood=neighbourhood,
        location="Lindeplein",
        initiator=InitiatorData(
            name="Anouk de Vries",
            email="anouk.devries@voorbeeld.example",
            phone="06 12345678",
            preferred_contact=ContactPreference.EMAIL,
        ),
        now=now - timedelta(days=20),
    )
    initiative = submitted.initiative
    initiative_assign_contact(initiative=initiative, contact=contact, actor=coordinator)
    services.challenge_plan_save(
        challenge=initiative.challenge,
        actor=contact,
        plan_what="Elke maand maaien en wieden, de plantenbakken bijhouden, zwerfvuil opruimen.",
        plan_where="Lindeplein, het grasveld en de vier plantenbakken",
        plan_budget=Decimal("3500"),
        plan_quality="Zoals de gemeente vraagt; elke maand een foto in de buurtapp.",
        plan_insurance="Vrijwilligersverzekering van de gemeente",
        plan_support_evidence="handtekeningen",
        plan_support_count=42,
        complete=True,
    )
    services.challenge_advice_ask(
        challenge=initiative.challenge,
        actor=contact,
        question="Is dit plan niet duurder dan nu, en is de kwaliteit minstens gelijk?",
    )
