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


class EventKind(models.TextChoices):
    SUBMITTED = "ingediend", _("Idee ontvangen")
    CONFIRMATION_SENT = "bevestiging", _("Bevestiging verstuurd")
    MESSAGE_FROM_RESIDENT = "bericht_bewoner", _("Bericht van de bewoner")
    MESSAGE_TO_RESIDENT = "bericht_gemeente", _("Bericht van de gemeente")
    CONTACT_ASSIGNED = "contactpersoon", _("Contactpersoon gekoppeld")
    PHASE_CHANGED = "fase", _("Fase gewijzigd")
    WITHDRAWN = "ingetrokken", _("Idee ingetrokken")
    CONVERSATION_PLANNED = "gesprek_gepland", _("Eerste gesprek gepland")
    INVITATION_SENT = "uitnodiging", _("Uitnodiging voor het gesprek verstuurd")
    CONVERSATION_HELD = "gesprek_gehouden", _("Eerste gesprek gehouden")
    REPORT_SENT = "verslag_verstuurd", _("Gespreksverslag verstuurd")
    REPORT_CONFIRMED = "verslag_bevestigd", _("Gespreksverslag bevestigd door de bewoner")
    REPORT_COMMENTED = "verslag_opmerkingen", _("Opmerkingen bij het gespreksverslag")
    REPORT_REMINDER = "verslag_herinnering", _("Herinnering gestuurd voor het gespreksverslag")
    AGREEMENT_DONE = "afspraak_gedaan", _("Afspraak nagekomen")


class MessageDirection(models.TextChoices):
    INBOUND = "in", _("Van de bewoner")
    OUTBOUND = "uit", _("Van de gemeente")
