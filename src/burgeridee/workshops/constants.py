from django.db import models
from django.utils.translation import gettext_lazy as _

# Join codes: no 0/O, 1/I/L, 5/S, 2/Z or 8/B, so a code on a flip chart reads without doubt.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


class SessionStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    OPEN = "open", _("Open voor aanmelden")
    RUNNING = "bezig", _("Bezig")
    FINISHED = "afgerond", _("Afgerond")


class Module(models.TextChoices):
    """The kinds of agenda item. Each value is stored on `AgendaItem.module` and is the key of one class in
    `modules/` that does everything the module does; never change a value."""

    INTRO = "introductie", _("Introductie van het gespreksmodel")
    CASES = "praktijkcasus", _("Praktijkcasus in groepjes")
    PITFALLS = "valkuil", _("Herken de valkuil")
    ROLEPLAY = "rollenspel", _("Rollenspel in drietallen")
    FACTORS = "succesfactoren", _("Succesfactorenbord")
    LADDER = "mijn-rol", _("Mijn rol")
    CHECKLIST = "mijn-checklist", _("Mijn checklist")


# The standard half-day agenda: module, planned minutes, case numbers.
STANDARD_AGENDA = [
    (Module.INTRO, 30, []),
    (Module.CASES, 35, [3, 8, 10, 11]),  # 11: a challenge (uitdaagrecht)
    (Module.PITFALLS, 25, []),
    (Module.ROLEPLAY, 45, []),
    (Module.FACTORS, 25, []),
    (Module.LADDER, 15, [9]),
    (Module.CHECKLIST, 25, []),
]


class ContributionKind(models.TextChoices):
    CASE_ANSWER = "casus", _("Antwoord bij een casus")
    PITFALL_PICK = "valkuil", _("Gekozen valkuilen")
    OBSERVATION = "observatie", _("Observatie rollenspel")
    LADDER = "rol", _("Plek op de participatieladder")
    CHECKLIST = "checklist", _("Persoonlijke checklist")


class RoleplayRole(models.TextChoices):
    RESIDENT = "bewoner", _("Bewoner")
    CIVIL_SERVANT = "ambtenaar", _("Ambtenaar")
    OBSERVER = "observator", _("Observator")


ROLEPLAY_ROUNDS = 3
CASE_GROUP_SIZE = 4
MAX_VOTES = 3
TOP_FACTORS = 5
CASE_QUESTIONS = [
    _("Welke valkuilen of kansen ziet u in deze casus?"),
    _("Wat had de gemeente in het eerste gesprek anders kunnen doen?"),
    _("Welke rol past de gemeente hier, en waarom?"),
]


class RequestKind(models.TextChoices):
    WORKSHOP = "workshop", _("De workshop „Oké, een burger-idee”")
    TRAINING = "training", _("Een training op maat")
    COACHING = "coaching", _("Coaching")
