"""The time-line events of a warm hand-over: a question to a department and its answer (internal).

Imported from HandoversConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("overdracht_gevraagd", _("Vraag aan een afdeling gesteld"), resident_template=None),
    EventType("overdracht_beantwoord", _("Antwoord van een afdeling"), resident_template=None),
]:
    event_types.register(event_type)
