"""The time-line events of a challenge. Imported from ChallengesConfig.ready(); see records/events.py."""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

for event_type in [
    EventType("uitdaging_ontvangen", _("Uitdaging ontvangen")),
    EventType("uitdaging_omgezet", _("Idee omgezet in een uitdaging, met instemming van de bewoner")),
    EventType("uitdaging_plan_compleet", _("Plan voor de uitdaging compleet")),
    EventType("uitdaging_advies_gevraagd", _("Advies gevraagd aan de afdeling van de taak"), resident_template=None),
    EventType("uitdaging_beoordeeld", _("Uitdaging beoordeeld")),
    EventType("uitdaging_besluit", _("Besluit over de uitdaging genomen")),
    EventType("uitdaging_overeenkomst", _("Overeenkomst gesloten")),
    EventType("uitdaging_geevalueerd", _("Uitdaging geëvalueerd")),
]:
    event_types.register(event_type)
