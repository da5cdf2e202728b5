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


class Rung(models.TextChoices):
    """The municipality's role on the government participation ladder (ROB 2012). More than one may apply."""

    LET_GO = "loslaten", _("Loslaten: de gemeente doet niet mee")
    FACILITATE = "faciliteren", _("Faciliteren: middelen geven en obstakels weghalen")
    STIMULATE = "stimuleren", _("Stimuleren: actief aanmoedigen")
    DIRECT = "regisseren", _("Regisseren: partijen bij elkaar brengen en sturen")
    REGULATE = "reguleren", _("Reguleren: regels stellen en handhaven")


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


class TaskKind(models.TextChoices):
    CONFIRM_IN_WRITING = "bevestigen", _("Afspraken schriftelijk bevestigen")
    CALL_BACK = "terugbellen", _("Terugbellen op de afgesproken datum")
    HAND_OVER = "overdragen", _("Warm overdragen aan collega's")
    CHECKLIST = "checklist", _("Punt van de checklist")


class Facilitation(models.TextChoices):
    FACILITATED = "gefaciliteerd", _("Ik heb vooral gefaciliteerd")
    MIXED = "gemengd", _("Soms gefaciliteerd, soms overgenomen")
    TOOK_OVER = "overgenomen", _("Ik heb het vooral overgenomen")


# Pitfalls of BRIEF §4: stable ids with a short Dutch name. The knowledge app may own these later.
PITFALLS = {
    "V1": _("Overnemen of doodknuffelen"),
    "V2": _("Inkapselen in beleid"),
    "V3": _("Van het kastje naar de muur"),
    "V4": _("Geen of traag antwoord"),
    "V5": _("Nee-reflex"),
    "V6": _("Bureaucratiseren"),
    "V7": _("Meerdere monden"),
    "V8": _("Vaag over mogelijkheden"),
    "V9": _("Laat nee"),
    "V10": _("Eerst beleid"),
    "V11": _("Sturen op eigen doelen"),
    "V12": _("Waardeoordeel of stokpaardje"),
    "V13": _("Met de eer strijken"),
    "V14": _("Alleen geld"),
    "V15": _("Afhankelijk maken"),
    "V16": _("Alleen met de trekker"),
    "V17": _("Alleen de usual suspects"),
}
PITFALL_CHOICES = [(key, f"{key} {label}") for key, label in PITFALLS.items()]
