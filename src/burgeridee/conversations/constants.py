"""Choices of the first conversation.

Pitfalls (V1-V17) and the participation ladder are facts of the knowledge library: this app stores only their
keys and reads the words through `knowledge.selectors` (`pitfall_choices`, `pitfall_titles`,
`participation_ladder`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModelStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")


class Moment(models.TextChoices):
    """When a checklist item applies (BRIEF §3)."""

    BEFORE = "voor", _("Voor het gesprek")
    DURING = "tijdens", _("Tijdens het gesprek")
    AFTER = "na", _("Na het gesprek")


class CaptureField(models.TextChoices):
    """What the conversation screen records; each phase shows some of these (BRIEF §2, last column)."""

    MOTIVATION = "motivation", _("Motivatie van de bewoner")
    EXPECTATIONS = "expectations", _("Wat de bewoner van dit gesprek verwacht")
    EARLIER_CONTACTS = "earlier_contacts", _("Eerdere contacten")
    INTENDED_RESULT = "intended_result", _("Beoogd resultaat")
    ONE_OFF = "one_off", _("Eenmalig of doorlopend, gewenste start")
    CORE_GROUP = "core_group", _("Kopgroep (naam en rol)")
    SUPPORT = "support", _("Draagvlak en waaruit dat blijkt")
    PARTNERS = "partners", _("Partners")
    INCLUSIVENESS = "inclusiveness", _("Kan iedereen meedoen?")
    HELP_ASKED = "help_asked", _("Gevraagde hulp")
    OWN_CONTRIBUTION = "own_contribution", _("Eigen bijdrage van de bewoners")
    COSTS = "costs", _("Kosten (schatting)")
    SHOWSTOPPERS = "showstoppers", _("Mogelijke showstoppers")
    MUNICIPAL_ROLES = "municipal_roles", _("Rol van de gemeente")
    INITIATOR_ROLE = "initiator_role", _("Rol van de initiatiefnemer")
    CONTACT = "contact", _("Vast aanspreekpunt en contactkanaal")
    AGREEMENTS = "agreements", _("Afspraken: wat, wie, wanneer")
    SUMMARY = "summary", _("Samenvatting")
    NEXT_STEP = "next_step", _("Volgende stap")
    CALLBACK_DATE = "callback_date", _("Terugbeldatum")
    RATING = "rating", _("Hoe vond de bewoner het gesprek?")


# Capture fields that are a free text on the conversation's `captures` dict.
TEXT_CAPTURES = [
    CaptureField.MOTIVATION,
    CaptureField.EXPECTATIONS,
    CaptureField.EARLIER_CONTACTS,
    CaptureField.INTENDED_RESULT,
    CaptureField.ONE_OFF,
    CaptureField.CORE_GROUP,
    CaptureField.SUPPORT,
    CaptureField.PARTNERS,
    CaptureField.INCLUSIVENESS,
    CaptureField.HELP_ASKED,
    CaptureField.OWN_CONTRIBUTION,
    CaptureField.COSTS,
    CaptureField.SHOWSTOPPERS,
    CaptureField.INITIATOR_ROLE,
    CaptureField.CONTACT,
    CaptureField.SUMMARY,
    CaptureField.NEXT_STEP,
]


class Rating(models.IntegerChoices):
    POOR = 1, _("Niet goed")
    FAIR = 2, _("Matig")
    GOOD = 3, _("Goed")
    VERY_GOOD = 4, _("Heel goed")


class ConversationStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    HELD = "gehouden", _("Gehouden")
    CANCELLED = "geannuleerd", _("Geannuleerd")


class ReportStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    SENT = "verstuurd", _("Verstuurd, wacht op de bewoner")
    CONFIRMED = "bevestigd", _("Bevestigd door de bewoner")
    COMMENTED = "opmerkingen", _("De bewoner heeft opmerkingen")
    SUPERSEDED = "vervangen", _("Vervangen door een nieuwe versie")


class AgreementResponse(models.TextChoices):
    PENDING = "open", _("Nog geen reactie")
    AGREED = "klopt", _("Klopt")
    COMMENTED = "opmerking", _("Klopt niet helemaal")


class AgreementStatus(models.TextChoices):
    """The life cycle of one agreement: proposed, then confirmed or disputed by the resident, then running
    (once the whole report is confirmed), and at last done or dropped (with a reason)."""

    PROPOSED = "voorgesteld", _("Voorgesteld")
    CONFIRMED = "bevestigd", _("Bevestigd door de bewoner")
    DISPUTED = "betwist", _("Betwist door de bewoner")
    RUNNING = "loopt", _("Loopt")
    DONE = "gedaan", _("Gedaan")
    DROPPED = "vervallen", _("Vervallen")


# Not done and not dropped: an initiative that ends closes these.
AGREEMENT_OPEN = (
    AgreementStatus.PROPOSED,
    AgreementStatus.CONFIRMED,
    AgreementStatus.DISPUTED,
    AgreementStatus.RUNNING,
)

# What the resident reads for each state (plain Dutch, B1).
AGREEMENT_STATUS_FOR_RESIDENT = {
    AgreementStatus.PROPOSED: _("Wacht op uw reactie"),
    AgreementStatus.CONFIRMED: _("U heeft dit bevestigd"),
    AgreementStatus.DISPUTED: _("Klopt niet volgens u"),
    AgreementStatus.RUNNING: _("Hier wordt aan gewerkt"),
    AgreementStatus.DONE: _("Gedaan"),
    AgreementStatus.DROPPED: _("Gaat niet door"),
}


class TaskKind(models.TextChoices):
    CONFIRM_IN_WRITING = "bevestigen", _("Afspraken schriftelijk bevestigen")
    CALL_BACK = "terugbellen", _("Terugbellen op de afgesproken datum")
    HAND_OVER = "overdragen", _("Warm overdragen aan collega's")
    CHECKLIST = "checklist", _("Punt van de checklist")


class Facilitation(models.TextChoices):
    FACILITATED = "gefaciliteerd", _("Ik heb vooral gefaciliteerd")
    MIXED = "gemengd", _("Soms gefaciliteerd, soms overgenomen")
    TOOK_OVER = "overgenomen", _("Ik heb het vooral overgenomen")
