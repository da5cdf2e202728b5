import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The kinds of item in the knowledge library."""

    PITFALL = "valkuil", _("Valkuil")
    SUCCESS_FACTOR = "succesfactor", _("Succesfactor")
    ROLE = "rol", _("Rol van de gemeente")
    PHASE = "fase", _("Fase in de levensloop")
    CASE = "casus", _("Praktijkcasus")
    ARTICLE = "artikel", _("Artikel")


# URL segment and plural heading per kind: /werkplek/<slug>/kennisbank/<segment>/<key>/
KIND_SEGMENTS = {
    Kind.PITFALL: "valkuilen",
    Kind.SUCCESS_FACTOR: "succesfactoren",
    Kind.ROLE: "rollen",
    Kind.PHASE: "levensloop",
    Kind.CASE: "praktijkcasussen",
    Kind.ARTICLE: "artikelen",
}
SEGMENT_KINDS = {segment: kind for kind, segment in KIND_SEGMENTS.items()}
KIND_PLURALS = {
    Kind.PITFALL: _("Valkuilen"),
    Kind.SUCCESS_FACTOR: _("Succesfactoren"),
    Kind.ROLE: _("Rollen van de gemeente"),
    Kind.PHASE: _("Levensloop van een initiatief"),
    Kind.CASE: _("Praktijkcasussen"),
    Kind.ARTICLE: _("Artikelen"),
}


class FactorGroup(models.TextChoices):
    """Where a success factor lies (BRIEF §5)."""

    INITIATOR = "initiatiefnemer", _("Bij de initiatiefnemers")
    NEIGHBOURHOOD = "buurt", _("In de buurt")
    MUNICIPALITY = "gemeente", _("Bij de gemeente")


class LinkRelation(models.TextChoices):
    """How a practice case relates to a pitfall, success factor or role."""

    SHOWS = "laat_zien", _("Speelt mee")
    AVOIDS = "voorkomen", _("Voorkomen")
    RISK = "risico", _("Als risico")
    NEEDED = "nodig", _("Was nodig geweest")


# The backbone of the success factors: ACTIE. Letter, word, the factor it stands for.
ACTIE = [
    ("A", _("Animo"), "SF1"),
    ("C", _("Contacten"), "SF8"),
    ("T", _("Toerusting"), "SF3"),
    ("I", _("Inbedding"), "SF11"),
    ("E", _("Empathie"), "SF16"),
]

ROLE_KEYS = ("loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren")
PHASE_PREFIX = "fase-"
ARTICLE_PREFIX = "artikel-"  # articles: artikel-uitdaagrecht
PITFALL_KEY = re.compile(r"^V\d{1,2}$")
FACTOR_KEY = re.compile(r"^SF\d{1,2}$")


def kind_for_key(key: str) -> str:
    """The kind an item key belongs to. Keys are unique across kinds, so the key alone is enough."""
    if PITFALL_KEY.match(key):
        return Kind.PITFALL
    if FACTOR_KEY.match(key):
        return Kind.SUCCESS_FACTOR
    if key in ROLE_KEYS:
        return Kind.ROLE
    if key.startswith(PHASE_PREFIX):
        return Kind.PHASE
    if key.startswith(ARTICLE_PREFIX):
        return Kind.ARTICLE
    return Kind.CASE


def is_reserved_case_key(key: str) -> bool:
    """A case slug must not look like the key of another kind."""
    return kind_for_key(key) != Kind.CASE or key in ("nieuw", "zoeken")


# The life-cycle phase of an initiative (initiatives.constants.Phase values) → its library key.
PHASE_LIBRARY_KEYS = {
    "idee": "fase-idee",
    "verkennen": "fase-verkennen",
    "plan": "fase-plan",
    "afspraken": "fase-afspraken",
    "uitvoering": "fase-uitvoering",
    "borgen": "fase-borgen",
    "evalueren": "fase-evalueren",
    "afgerond": "fase-na-evaluatie",
    "gepauzeerd": "fase-gepauzeerd",
    "gestopt": "fase-gestopt",
    "geen_initiatief": "fase-geen-initiatief",
}
