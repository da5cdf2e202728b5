"""The time-line events of an initiative's own life: submitted, messages, contact person, phase.

Imported from InitiativesConfig.ready(); see records/events.py for what a type declares.
"""

from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, event_types

from .constants import Phase, StopReason


def _label(choices, value: str) -> str:
    return choices(value).label if value in choices.values else value


def _phase_change_context(event) -> dict:
    """The phases and the stop reason by their labels (the stored values are keys)."""
    data = event.data
    return {
        "from_phase": _label(Phase, data.get("from", "")),
        "to_phase": _label(Phase, data.get("to", "")),
        "reason": _label(StopReason, data.get("reason", "")),
    }


for event_type in [
    EventType("ingediend", _("Idee ontvangen")),
    EventType("bevestiging", _("Bevestiging verstuurd")),
    EventType("bericht_bewoner", _("Bericht van de bewoner")),
    EventType(
        "bericht_gemeente",
        _("Bericht van de gemeente"),
        staff_template="initiatives/events/bericht_gemeente_staff.html",
    ),
    EventType(
        "contactpersoon",
        _("Contactpersoon gekoppeld"),
        staff_template="initiatives/events/contactpersoon_staff.html",
    ),
    EventType(
        "fase",
        _("Fase gewijzigd"),
        staff_template="initiatives/events/fase_staff.html",
        context=_phase_change_context,
    ),
    EventType("ingetrokken", _("Idee ingetrokken"), staff_template="initiatives/events/ingetrokken_staff.html"),
    EventType("eerste_contact", _("Eerste contact gehad")),
    EventType("initiatiefnemer", _("Lid van de kopgroep toegevoegd")),
    # Internal: the resident does not see these.
    EventType("notitie", _("Interne notitie"), resident_template=None),
    EventType("bericht_gelezen", _("Bericht van de bewoner gelezen"), resident_template=None),
    EventType("statuslink_vernieuwd", _("Nieuwe persoonlijke link gemaakt"), resident_template=None),
]:
    event_types.register(event_type)
