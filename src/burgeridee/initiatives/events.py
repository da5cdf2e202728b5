"""The time-line events of an initiative's own life: submitted, messages, contact person, phase.

Imported from InitiativesConfig.ready(); see records/events.py for what a type declares.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from burgeridee.records.events import EventType, ResidentStep, event_types

from .constants import CLOSED_PHASES, LIFE_CYCLE, PHASE_MEANING, Phase, StopReason, resident_phase_label

# The key of the last step of a closed initiative: how it ended.
CLOSING_STEP = "afgesloten"


def _label(choices, value: str) -> str:
    return choices(value).label if value in choices.values else value


def _phase_change_context(event) -> dict:
    """The phases and the stop reason by their labels (the stored values are keys)."""
    data = event.data
    return {
        "from_phase": _label(Phase, data.get("from", "")),
        "to_phase": _label(Phase, data.get("to", "")),
        "to_phase_resident": resident_phase_label(data.get("to", "")),
        "reason": _label(StopReason, data.get("reason", "")),
    }


def _phase_steps(event) -> list[ResidentStep]:
    """A phase change as the resident's step: the new phase and what it means, or how it ended."""
    data = event.data
    previous, to = data.get("from", ""), data.get("to", "")
    if to not in Phase.values:
        return []
    meaning = str(PHASE_MEANING.get(to, ""))
    if to == Phase.NOT_AN_INITIATIVE:
        return [ResidentStep(CLOSING_STEP, gettext("Wij hebben u doorverwezen"), meaning)]
    if to == Phase.STOPPED:
        reason = data.get("reason", "")
        description = meaning
        if reason in StopReason.values:
            description = gettext("Uw initiatief is gestopt. De reden: %(reason)s.") % {
                "reason": StopReason(reason).label
            }
        return [ResidentStep(CLOSING_STEP, gettext("Uw initiatief is gestopt"), description)]
    if to == Phase.COMPLETED:
        return [ResidentStep(CLOSING_STEP, gettext("Uw initiatief is afgerond"), meaning)]
    if to == Phase.PAUSED:
        return [ResidentStep(f"pauze:{event.pk}", gettext("Uw initiatief staat even stil"), meaning)]
    if previous == Phase.PAUSED:
        return [
            ResidentStep(
                f"verder:{event.pk}",
                gettext("Uw initiatief gaat weer verder"),
                gettext("De fase is: %(phase)s. %(meaning)s") % {"phase": Phase(to).label, "meaning": meaning},
            )
        ]
    if previous in LIFE_CYCLE and to in LIFE_CYCLE and LIFE_CYCLE.index(to) < LIFE_CYCLE.index(previous):
        # A correction back: the later phases did not happen after all.
        later = tuple(f"fase:{phase}" for phase in LIFE_CYCLE[LIFE_CYCLE.index(to) + 1 :])
    else:
        later = ()
    if to == Phase.IDEA:
        return [ResidentStep("", "", replaces=later)] if later else []
    return [
        ResidentStep(
            f"fase:{to}",
            gettext("Nieuwe fase: %(phase)s") % {"phase": Phase(to).label},
            meaning,
            replaces=later,
        )
    ]


def _withdrawn_steps(event) -> list[ResidentStep]:
    return [
        ResidentStep(
            CLOSING_STEP,
            gettext("U heeft uw idee ingetrokken"),
            gettext("Wij doen er verder niets mee. U kunt altijd een nieuw idee sturen."),
        )
    ]


if CLOSED_PHASES - set(PHASE_MEANING):
    raise ImproperlyConfigured("Every ending of an initiative needs its meaning for the resident (PHASE_MEANING).")

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
        resident_template="initiatives/events/fase_resident.html",
        context=_phase_change_context,
        resident_steps=_phase_steps,
    ),
    EventType(
        "ingetrokken",
        _("Idee ingetrokken"),
        staff_template="initiatives/events/ingetrokken_staff.html",
        resident_steps=_withdrawn_steps,
    ),
    EventType("eerste_contact", _("Eerste contact gehad")),
    EventType("initiatiefnemer", _("Lid van de kopgroep toegevoegd")),
    # Internal: the resident does not see these.
    EventType("notitie", _("Interne notitie"), resident_template=None),
    EventType("bericht_gelezen", _("Bericht van de bewoner gelezen"), resident_template=None),
    EventType("statuslink_vernieuwd", _("Nieuwe persoonlijke link gemaakt"), resident_template=None),
]:
    event_types.register(event_type)
