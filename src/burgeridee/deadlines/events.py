"""The time-line events of a call-back appointment (internal).

Imported from DeadlinesConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("terugbellen_gepland", _("Terugbelafspraak gemaakt"), resident_template=None),
    EventType("terugbellen_gedaan", _("Terugbelafspraak afgerond"), resident_template=None),
]:
    event_types.register(event_type)
