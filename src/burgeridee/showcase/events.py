"""The time-line events of the public showcase: the proposal and the resident's consent.

Imported from ShowcaseConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("etalage_voorgesteld", _("Gevraagd om het initiatief op de website te tonen")),
    EventType("etalage_toestemming", _("Toestemming gegeven om het initiatief te tonen")),
    EventType("etalage_ingetrokken", _("Toestemming om te tonen ingetrokken")),
]:
    event_types.register(event_type)
