from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    CARING = "zorgzaam", _("Zorgzaam: zorg voor elkaar")
    SAFE = "veilig", _("Veilig: een veilige buurt")
    LIVEABLE = "leefbaar", _("Leefbaar: een fijne, schone en groene buurt")
    OTHER = "anders", _("Iets anders")


class SupportType(models.TextChoices):
    MONEY = "geld", _("Geld, bijvoorbeeld uit het wijkbudget")
    SPACE = "ruimte", _("Een ruimte of plek")
    PUBLIC_SPACE = "openbare_ruimte", _("Iets in de openbare ruimte, zoals groen")
    PERMIT = "vergunning", _("Een vergunning of melding")
    INSURANCE = "verzekering", _("Een verzekering")
    MATERIALS = "materialen", _("Spullen lenen, zoals tenten of gereedschap")
    NETWORK = "netwerk", _("Contact met anderen")
    ADVICE = "advies", _("Advies over een plan of aanvraag")
    SAFETY = "veiligheid", _("Veiligheid")
    PUBLICITY = "publiciteit", _("Bekendheid geven aan het idee")
    PRIVACY = "privacy", _("Hulp bij privacy")


class ContactPreference(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "telefoon", _("Telefoon")
    POST = "post", _("Post (een brief)")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online formulier")
    PHONE = "telefoon", _("Telefoon")
    LETTER = "brief", _("Brief")
    COUNTER = "balie", _("Balie")
    EMAIL = "email", _("E-mail")


class Phase(models.TextChoices):
    """The life cycle of an initiative (BRIEF §8)."""

    IDEA = "idee", _("Idee")
    EXPLORING = "verkennen", _("Verkennen en kopgroep")
    PLANNING = "plan", _("Plan en draagvlak")
    AGREEMENTS = "afspraken", _("Aanvraag en afspraken")
    EXECUTION = "uitvoering", _("Uitvoering")
    SUSTAINING = "borgen", _("Borgen")
    EVALUATING = "evalueren", _("Evalueren")
    COMPLETED = "afgerond", _("Afgerond")
    PAUSED = "gepauzeerd", _("Gepauzeerd")
    STOPPED = "gestopt", _("Gestopt")
    NOT_AN_INITIATIVE = "geen_initiatief", _("Geen initiatief: warm doorverwezen")


CLOSED_PHASES = {Phase.COMPLETED, Phase.STOPPED, Phase.NOT_AN_INITIATIVE}


def resident_phase_label(phase: str) -> str:
    """A phase as the resident reads it: the staff term "Geen initiatief: warm doorverwezen" says nothing to a
    resident (and sounds like a verdict); they read where their idea went."""
    if phase == Phase.NOT_AN_INITIATIVE:
        return str(_("Doorverwezen"))
    return str(Phase(phase).label) if phase in Phase.values else phase


# The life cycle in order (BRIEF §8). Besides it: paused, stopped (with a reason), not an initiative.
LIFE_CYCLE = [
    Phase.IDEA,
    Phase.EXPLORING,
    Phase.PLANNING,
    Phase.AGREEMENTS,
    Phase.EXECUTION,
    Phase.SUSTAINING,
    Phase.EVALUATING,
    Phase.COMPLETED,
]
# What each phase means, said to the resident in plain words (B1): in the message about a new phase and on
# the time line of the status page.
PHASE_MEANING = {
    Phase.IDEA: _("Uw idee is bij ons binnen. Een contactpersoon neemt contact met u op."),
    Phase.EXPLORING: _("We kijken samen naar uw idee: wat u wilt doen, voor wie, en wie er meedoen."),
    Phase.PLANNING: _("U maakt een plan. U vraagt de buren wat zij ervan vinden. Wij denken mee."),
    Phase.AGREEMENTS: _("U vraagt aan wat u nodig heeft, zoals een vergunning of geld. We spreken af wie wat doet."),
    Phase.EXECUTION: _("U gaat aan de slag. Uw contactpersoon blijft uw vaste aanspreekpunt."),
    Phase.SUSTAINING: _("Uw initiatief loopt. We kijken samen hoe het ook later goed blijft gaan."),
    Phase.EVALUATING: _("We kijken samen terug: wat ging goed, en wat kan beter?"),
    Phase.COMPLETED: _("Uw initiatief is klaar. Dank u wel voor alles wat u voor de buurt heeft gedaan."),
    Phase.PAUSED: _("Uw initiatief staat even stil. Later kan het weer verder."),
    Phase.STOPPED: _("Uw initiatief is gestopt. De gemeente doet er niets meer mee."),
    Phase.NOT_AN_INITIATIVE: _(
        "Uw vraag past beter bij een andere plek. Daarom hebben wij u doorverwezen. Daar helpen ze u verder."
    ),
}


def phase_change_concerns_resident(from_phase: str, to_phase: str) -> bool:
    """Whether the resident hears of a phase change: a step forward in the life cycle, a pause, going on
    after a pause, and every ending. A step back is a correction by staff: the resident is not told."""
    if to_phase in CLOSED_PHASES or to_phase == Phase.PAUSED or from_phase == Phase.PAUSED:
        return True
    if from_phase in LIFE_CYCLE and to_phase in LIFE_CYCLE:
        return LIFE_CYCLE.index(to_phase) > LIFE_CYCLE.index(from_phase)
    return False


# Early on it can turn out to be a complaint or a question: then it is passed on warmly.
NOT_AN_INITIATIVE_FROM = {Phase.IDEA, Phase.EXPLORING}


def phase_transitions(phase: str, *, paused_phase: str = "") -> list[str]:
    """Where an initiative in `phase` may go next.

    One step forward; one step back to correct a mistake; from evaluation back to execution
    ("doorgaan") or on to completed; pause and stop from every open phase; resume a pause to the
    phase it was paused in; "geen initiatief" only early on. Closed phases are final.
    """
    if phase in CLOSED_PHASES:
        return []
    if phase == Phase.PAUSED:
        resume = [paused_phase] if paused_phase in LIFE_CYCLE[:-1] else [Phase.IDEA]
        return [*resume, Phase.STOPPED]
    index = LIFE_CYCLE.index(phase)
    allowed = [LIFE_CYCLE[index + 1]]
    if index > 0:
        allowed.append(LIFE_CYCLE[index - 1])
    if phase == Phase.EVALUATING and Phase.EXECUTION not in allowed:
        allowed.append(Phase.EXECUTION)
    allowed += [Phase.PAUSED, Phase.STOPPED]
    if phase in NOT_AN_INITIATIVE_FROM:
        allowed.append(Phase.NOT_AN_INITIATIVE)
    return allowed


class StopReason(models.TextChoices):
    WITHDRAWN = "ingetrokken", _("Ingetrokken door de bewoner")
    LEAD_DROPPED_OUT = "trekker_gestopt", _("De trekker stopt of is overbelast")
    GROUP_DISAGREEMENT = "onenigheid", _("Onenigheid in de groep")
    NOBODY_RESPONSIBLE = "niemand_verantwoordelijk", _("Niemand voelt zich verantwoordelijk")
    FUNDING_ENDED = "geld_op", _("De financiering stopt")
    EXTERNAL = "extern", _("Een gebeurtenis van buiten")
    MUNICIPAL_PROCESS = "gemeente_traag", _("Trage of belemmerende processen bij de gemeente")
    ABSORBED = "opgenomen_in_beleid", _("Opgegaan in beleid")
    NATURAL_END = "natuurlijk_einde", _("Natuurlijk einde")
    OTHER = "anders", _("Anders")


class MessageDirection(models.TextChoices):
    INBOUND = "in", _("Van de bewoner")
    OUTBOUND = "uit", _("Van de gemeente")


class Delivery(models.TextChoices):
    """How a message from the municipality reaches the resident."""

    EMAIL = "email", _("E-mail")
    LETTER = "brief", _("Brief (printen en versturen)")
    PHONE = "telefoon", _("Telefonisch doorgeven")
