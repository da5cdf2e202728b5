"""Choices of the right to challenge (uitdaagrecht)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The conversation model variant of a challenge's first conversation (conversations.variants).
CONVERSATION_VARIANT = "uitdaagrecht"


class Decision(models.TextChoices):
    GRANTED = "toegekend", _("Toegekend")
    PARTLY = "deels", _("Deels toegekend")
    REFUSED = "afgewezen", _("Afgewezen")


GRANTING_DECISIONS = {Decision.GRANTED, Decision.PARTLY}


class CriterionVerdict(models.TextChoices):
    MET = "voldoet", _("Voldoet")
    PARTLY = "deels", _("Voldoet deels")
    NOT_MET = "voldoet_niet", _("Voldoet niet")


class SupportEvidence(models.TextChoices):
    SIGNATURES = "handtekeningen", _("Handtekeningen van buurtbewoners")
    LETTERS = "brieven", _("Brieven of steunbetuigingen")
    MEETING = "bijeenkomst", _("Een buurtbijeenkomst")
    OTHER = "anders", _("Iets anders")


class Channel(models.TextChoices):
    """How a challenge began: the resident's own form, or an ordinary idea turned into a challenge."""

    FORM = "formulier", _("Formulier uitdaagrecht")
    CONVERTED = "omgezet", _("Omgezet vanuit een idee")


# Objection term under the Awb (artikel 6:7): six weeks after the day the decision was sent.
OBJECTION_WEEKS = 6
