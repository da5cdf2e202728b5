"""The time-line events of a warm hand-over: a question to a department and its answer.

Imported from HandoversConfig.ready(); see records/events.py for what a type declares. The staff time
line shows them in full; the resident's time line shows only that a department was asked to help with
their idea and when it answered (the department's name, never the question or the answer: the contact
person stays the resident's one contact and tells them what the answer means).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, ResidentStep, event_types


def _asked_steps(event) -> list[ResidentStep]:
    return [
        ResidentStep(
            f"overdracht:{event.data.get('handover_id', event.pk)}",
            gettext("Wij hebben een collega om hulp gevraagd"),
            gettext("De afdeling %(department)s denkt mee over uw idee. Uw contactpersoon blijft uw aanspreekpunt.")
            % {"department": event.data.get("department", "")},
        )
    ]


def _answered_steps(event) -> list[ResidentStep]:
    return [
        ResidentStep(
            f"overdracht_antwoord:{event.data.get('handover_id', event.pk)}",
            gettext("De afdeling %(department)s heeft geantwoord") % {"department": event.data.get("department", "")},
            gettext("Uw contactpersoon vertelt u wat het antwoord voor u betekent."),
        )
    ]


for event_type in [
    EventType(
        "overdracht_gevraagd", _("Vraag aan een afdeling gesteld"), resident_template=None, resident_steps=_asked_steps
    ),
    EventType(
        "overdracht_beantwoord", _("Antwoord van een afdeling"), resident_template=None, resident_steps=_answered_steps
    ),
]:
    event_types.register(event_type)
