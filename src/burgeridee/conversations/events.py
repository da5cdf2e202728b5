"""The time-line events of the first conversation: planned, held, the report and its agreements.

Imported from ConversationsConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("gesprek_gepland", _("Eerste gesprek gepland")),
    EventType("uitnodiging", _("Uitnodiging voor het gesprek verstuurd")),
    EventType("gesprek_gehouden", _("Eerste gesprek gehouden")),
    EventType("verslag_verstuurd", _("Gespreksverslag verstuurd")),
    EventType("verslag_bevestigd", _("Gespreksverslag bevestigd door de bewoner")),
    EventType("verslag_opmerkingen", _("Opmerkingen bij het gespreksverslag")),
    EventType("verslag_herinnering", _("Herinnering gestuurd voor het gespreksverslag")),
    EventType("afspraak_gedaan", _("Afspraak nagekomen")),
    EventType("afspraak_vervallen", _("Afspraak vervallen")),
]:
    event_types.register(event_type)
