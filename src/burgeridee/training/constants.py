from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    SENT = "verstuurd", _("Verstuurd, wacht op de aanvrager")
    CHANGES_REQUESTED = "wijzigen", _("De aanvrager vraagt wijzigingen")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd en ingepland")


class ItemKind(models.TextChoices):
    """A part of a proposal. Each becomes something planned when the proposal is accepted (services.proposal_accept)."""

    WORKSHOP = "workshop", _("Workshop „Oké, een burger-idee”")
    CUSTOM = "maatwerk", _("Training op maat")
    INTERVISION = "intervisie", _("Intervisiebijeenkomst")
    RESIDENTS = "bewoners", _("Bijeenkomst met actieve bewoners")
    COACHING = "coaching", _("Individuele coaching")


# What a line costs when the trainer adds it; the trainer changes it per proposal.
DEFAULT_PRICES = {
    ItemKind.WORKSHOP: Decimal("1250.00"),
    ItemKind.CUSTOM: Decimal("950.00"),
    ItemKind.INTERVISION: Decimal("450.00"),
    ItemKind.RESIDENTS: Decimal("450.00"),
    ItemKind.COACHING: Decimal("165.00"),
}
DEFAULT_MINUTES = {
    ItemKind.WORKSHOP: 210,
    ItemKind.CUSTOM: 180,
    ItemKind.INTERVISION: 120,
    ItemKind.RESIDENTS: 120,
    ItemKind.COACHING: 60,
}
DEFAULT_VAT = Decimal("21")
COACHING_INTERVAL_DAYS = 21  # accepted coaching: the sessions are planned three weeks apart


class MeetingKind(models.TextChoices):
    INTERVISION = "intervisie", _("Intervisie voor ambtenaren")
    RESIDENTS = "bewoners", _("Bijeenkomst met actieve bewoners")
    TRAINING = "training", _("Training op maat")
    OTHER = "anders", _("Andere bijeenkomst")


ITEM_TO_MEETING = {
    ItemKind.CUSTOM: MeetingKind.TRAINING,
    ItemKind.INTERVISION: MeetingKind.INTERVISION,
    ItemKind.RESIDENTS: MeetingKind.RESIDENTS,
}


class MeetingStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    HELD = "gehouden", _("Gehouden")
    CANCELLED = "geannuleerd", _("Afgelast")


# The follow-up self-assessment three months after the workshop: stable keys, Dutch statements, scores 1-5.
SELF_ASSESSMENT = [
    ("model", _("Ik voer het eerste gesprek met het gespreksmodel.")),
    ("showstoppers", _("Ik vraag in het eerste gesprek op tijd naar wat het idee kan tegenhouden.")),
    ("role", _("Ik spreek de rol van de gemeente duidelijk af met de bewoners.")),
    ("callback", _("Ik bel terug op de afgesproken datum, ook als er nog geen nieuws is.")),
]
SCORES = [
    (1, _("1 - helemaal niet")),
    (2, _("2 - zelden")),
    (3, _("3 - soms")),
    (4, _("4 - meestal")),
    (5, _("5 - altijd")),
]
