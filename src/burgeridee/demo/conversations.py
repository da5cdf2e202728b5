"""Demo data for the first conversation, used by `manage.py seed_demo`."""

from datetime import datetime, timedelta

from django.utils import timezone

from burgeridee.conversations import services
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.initiatives.models import Initiative


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def conversations_seed(*, municipality, contact) -> None:
    """One initiative with a planned conversation, one with a held conversation and a sent report."""
    services.conversation_model_ensure_default(municipality=municipality)
    today = local_date()

    litter = Initiative.objects.get(municipality=municipality, title="Zwerfafval prikken langs de gracht")
    services.conversation_plan(
        initiative=litter,
        starts_at=_at(add_working_days(today, 3), 19),
        place="Buurtcentrum De Gracht, Centrum",
        participants="De initiatiefnemer en twee buren uit de kopgroep; de wijkbeheerder schuift aan.",
        actor=contact,
    )

    party = Initiative.objects.get(municipality=municipality, title="Buurtfeest in de Rivierenbuurt")
    conversation = services.conversation_plan(
        initiative=party,
        starts_at=_at(today - timedelta(days=7), 20),
        place="Bij de initiatiefnemer thuis, Rivierenbuurt",
        actor=contact,
    )
    services.conversation_save(
        conversation=conversation,
        captures={
            "motivation": "Sinds de nieuwbouw kennen de buren elkaar niet meer.",
            "core_group": "Drie buren: de initiatiefnemer (trekker), Ayla (muziek), Piet (tafels en stoelen).",
            "support": "Twaalf buren tekenden al; de school doet mee met spelletjes.",
            "help_asked": "Een melding klein evenement en tafels lenen.",
            "own_contribution": "Eten, muziek, opbouwen en opruimen.",
            "showstoppers": "Geen: de straat hoeft niet afgesloten voor doorgaand verkeer.",
            "summary": "Een straatfeest op een zaterdag in juni, door en voor de buren.",
            "next_step": "De initiatiefnemer doet de melding; de gemeente regelt de tafels.",
        },
        municipal_roles=["faciliteren", "reguleren"],
        agreements=[
            {"what": "Melding klein evenement doen", "who": "Initiatiefnemer", "due": add_working_days(today, 5)},
            {
                "what": "Twintig tafels reserveren bij de uitleen",
                "who": "Gemeente (Karim)",
                "due": add_working_days(today, 3),
            },
        ],
        callback_date=add_working_days(today, 10),
        rating=4,
    )
    services.conversation_mark_held(conversation=conversation, actor=contact)
    report = services.report_draft_get_or_create(conversation=conversation, actor=contact)
    services.report_send(report=report, actor=contact)
