"""The time-line events of a resident's request to remove their personal data.

Imported from PrivacyConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("verwijderverzoek", _("Verzoek om gegevens te verwijderen")),
    EventType("gegevens_verwijderd", _("Persoonsgegevens verwijderd")),
    EventType("verwijderverzoek_geweigerd", _("Verzoek om verwijdering niet uitgevoerd")),
]:
    event_types.register(event_type)
