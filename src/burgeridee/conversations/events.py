"""The time-line events of the first conversation: planned, held, the report and its agreements.

Imported from ConversationsConfig.ready(); see records/events.py for what a type declares. The kinds
that change what the resident can expect also say how they show as a step of the resident's time line
(planned with date and place, held, report sent, agreements confirmed or commented, an agreement kept).
"""

from datetime import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, ResidentStep, event_types

# The keys of the steps the initiatives app lays out as the road ahead ("Een contactpersoon neemt contact
# met u op", "Het eerste gesprek", "Afspraken op papier"); the events below replace them with what really happened.
FIRST_CONTACT = "contact"
CONVERSATION = "gesprek"
REPORT = "verslag"
REPORT_ANSWER = "verslag_reactie"


def _planned_steps(event) -> list[ResidentStep]:
    starts_at = parse_datetime(event.data.get("starts_at", "") or "")
    if starts_at is None:
        return []
    local = timezone.localtime(starts_at) if timezone.is_aware(starts_at) else starts_at
    # The same words as the conversation section of the status page ("dinsdag 10 maart 2026, om 14:00 uur").
    when = gettext("%(day)s, om %(time)s uur") % {
        "day": date_format(local, "l j F Y"),
        "time": time_format(local, "H:i"),
    }
    return [
        ResidentStep(
            CONVERSATION,
            gettext("Het eerste gesprek"),
            f"{gettext('Plek')}: {event.data.get('place', '')}",
            state="upcoming",
            day=local.date(),
            day_label=gettext("Op"),
            day_text=when,
            order=30,
            # The invitation is the contact the resident was promised.
            fulfils=(FIRST_CONTACT,),
        )
    ]


def _held_steps(event) -> list[ResidentStep]:
    # Imported here: this module is imported from ready(), but keeps model imports out of module load.
    from .models import Conversation

    conversation = Conversation.objects.filter(initiative_id=event.initiative_id).only("place", "held_at").first()
    held_at: datetime = (conversation.held_at if conversation and conversation.held_at else None) or event.created_at
    description = gettext("U heeft met uw contactpersoon over uw idee gepraat.")
    if conversation is not None and conversation.place:
        description = gettext("U heeft met uw contactpersoon over uw idee gepraat. Plek: %(place)s.") % {
            "place": conversation.place
        }
    return [
        ResidentStep(
            CONVERSATION,
            gettext("Het eerste gesprek"),
            description,
            day=timezone.localdate(held_at),
            day_label=gettext("Op"),
            at=held_at,
        )
    ]


def _report_sent_steps(event) -> list[ResidentStep]:
    revised = (event.data.get("version") or 1) > 1
    return [
        ResidentStep(
            REPORT,
            gettext("Wij hebben u een nieuw verslag gestuurd")
            if revised
            else gettext("Wij hebben u het verslag gestuurd"),
            gettext("In het verslag staan de afspraken uit het gesprek: wie doet wat, en wanneer."),
        ),
        ResidentStep(
            REPORT_ANSWER,
            gettext("Kloppen de afspraken?"),
            gettext("Lees het verslag. Zeg of de afspraken kloppen, of wat er anders moet."),
            state="current",
            order=45,
        ),
    ]


def _report_confirmed_steps(event) -> list[ResidentStep]:
    return [
        ResidentStep(
            REPORT_ANSWER,
            gettext("U heeft de afspraken bevestigd"),
            gettext("U heeft gezegd dat de afspraken kloppen."),
        )
    ]


def _report_commented_steps(event) -> list[ResidentStep]:
    return [
        ResidentStep(
            REPORT_ANSWER,
            gettext("U heeft gezegd wat er niet klopt"),
            gettext("Uw contactpersoon past het verslag aan en stuurt het opnieuw."),
        )
    ]


def _agreement_done_steps(event) -> list[ResidentStep]:
    return [ResidentStep(f"afspraak:{event.pk}", gettext("Afspraak nagekomen"), event.data.get("what", ""))]


for event_type in [
    EventType("gesprek_gepland", _("Eerste gesprek gepland"), resident_steps=_planned_steps),
    EventType("uitnodiging", _("Uitnodiging voor het gesprek verstuurd")),
    EventType("gesprek_gehouden", _("Eerste gesprek gehouden"), resident_steps=_held_steps),
    EventType("verslag_verstuurd", _("Gespreksverslag verstuurd"), resident_steps=_report_sent_steps),
    EventType(
        "verslag_bevestigd", _("Gespreksverslag bevestigd door de bewoner"), resident_steps=_report_confirmed_steps
    ),
    EventType("verslag_opmerkingen", _("Opmerkingen bij het gespreksverslag"), resident_steps=_report_commented_steps),
    EventType("verslag_herinnering", _("Herinnering gestuurd voor het gespreksverslag")),
    EventType("afspraak_gedaan", _("Afspraak nagekomen"), resident_steps=_agreement_done_steps),
    EventType("afspraak_vervallen", _("Afspraak vervallen")),
]:
    event_types.register(event_type)
