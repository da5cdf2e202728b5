"""The time-line events of looking back after the end.

Imported from EvaluationsConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("evaluatie_gevraagd", _("Gevraagd om terug te kijken")),
    EventType("evaluatie_ingevuld", _("Evaluatie ingevuld")),
]:
    event_types.register(event_type)
