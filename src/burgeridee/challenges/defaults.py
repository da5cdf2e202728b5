# ruff: noqa: E501  (long lines of Dutch text read better unbroken)
"""Default content of the right to challenge, in Dutch: the usual assessment criteria (BRIEF §0) and the
conversation model variant for a challenge's first conversation. Data: a municipality changes it in the
workspace (criteria) or in its conversation model, without touching this file."""

from burgeridee.conversations.constants import CaptureField as C
from burgeridee.conversations.constants import Moment, TaskKind

DEFAULT_CRITERIA = [
    (
        "maatschappelijke-meerwaarde",
        "Meerwaarde voor de samenleving",
        "Levert het de buurt iets op dat er nu niet is, bijvoorbeeld meer contact, meer zorg voor elkaar of een mooiere plek?",
    ),
    (
        "draagvlak",
        "Aantoonbaar draagvlak in de buurt",
        "Steunen buurtbewoners het plan? Dat blijkt uit handtekeningen, brieven of een buurtbijeenkomst.",
    ),
    (
        "eigenaarschap",
        "Eigenaarschap blijft bij bewoners",
        "De bewoners voeren de taak zelf uit en houden de regie. De gemeente neemt het niet over.",
    ),
    (
        "niet-duurder",
        "Niet duurder",
        "De taak kost de gemeente niet meer dan nu. Het budget is niet hoger dan wat de gemeente er zelf aan uitgeeft.",
    ),
    (
        "kwaliteit",
        "Minstens dezelfde kwaliteit",
        "Het resultaat is minstens zo goed als nu: dezelfde eisen aan veiligheid, onderhoud en bereikbaarheid.",
    ),
]

# The first conversation about a challenge: the six phases of BRIEF §2 with the questions a challenge adds.
CHALLENGE_PHASES = [
    {
        "key": "kennismaken",
        "title": "Kennismaken",
        "purpose": "Een gelijkwaardig begin. Wie zijn de bewoners en waarom willen zij deze taak overnemen?",
        "guiding_questions": [
            "Hoe bent u op het idee gekomen om deze taak over te nemen?",
            "Wat betekent deze plek of voorziening voor u en de buurt?",
            "Wat wilt u dat dit gesprek u oplevert?",
        ],
        "pitfall_reminder": "Begin niet met de regels van het uitdaagrecht. Eerst het verhaal.",
        "pitfall_ids": ["V5", "V6"],
        "capture_fields": [C.MOTIVATION, C.EXPECTATIONS, C.EARLIER_CONTACTS],
    },
    {
        "key": "taak-verkennen",
        "title": "De taak verkennen",
        "purpose": "Welke taak precies, waar, en wat doen de bewoners beter of anders dan de gemeente nu?",
        "guiding_questions": [
            "Welk deel van de taak wilt u doen, en waar precies?",
            "Wat gaat er nu niet goed, of wat kan beter?",
            "Stel: over een jaar doet u de taak. Wat zien we dan?",
        ],
        "pitfall_reminder": "Oordeel niet te snel. Vraag eerst wat de bewoners beter willen doen.",
        "pitfall_ids": ["V2", "V12"],
        "capture_fields": [C.INTENDED_RESULT, C.ONE_OFF],
    },
    {
        "key": "mensen-draagvlak",
        "title": "Mensen en draagvlak",
        "purpose": "Wie doen er mee, wie neemt het over als iemand stopt, en hoe laten de bewoners zien dat de buurt het steunt?",
        "guiding_questions": [
            "Wie doen er mee, en wie neemt het over als u stopt?",
            "Hoe laat u zien dat de buurt het steunt: handtekeningen, brieven, een bijeenkomst?",
            "Kan iedereen meedoen?",
        ],
        "pitfall_reminder": "Praat niet alleen met de trekker. Een taak overnemen vraagt een groep.",
        "pitfall_ids": ["V16", "V17"],
        "capture_fields": [C.CORE_GROUP, C.SUPPORT, C.PARTNERS, C.INCLUSIVENESS],
    },
    {
        "key": "plan-kosten-kwaliteit",
        "title": "Plan, kosten en kwaliteit",
        "purpose": "Wat kost de taak nu, wat is er nodig, welke kwaliteit vraagt de gemeente, en hoe is het verzekerd?",
        "guiding_questions": [
            "Wat heeft u nodig om de taak te doen: geld, gereedschap, ruimte?",
            "Weet u welke kwaliteit de gemeente vraagt? Kunt u dat waarmaken?",
            "Heeft u gedacht aan een verzekering en aan veiligheid?",
        ],
        "pitfall_reminder": "Wees eerlijk over de eisen. Geen automatisch nee en niet te veel beloven.",
        "pitfall_ids": ["V5", "V8"],
        "capture_fields": [C.HELP_ASKED, C.OWN_CONTRIBUTION, C.COSTS, C.SHOWSTOPPERS],
    },
    {
        "key": "beoordeling-afspraken",
        "title": "Beoordeling en afspraken",
        "purpose": "Leg uit hoe de gemeente het plan beoordeelt, welke afdeling advies geeft en wanneer het besluit komt.",
        "guiding_questions": [
            "Kent u de punten waarop de gemeente het plan beoordeelt?",
            "Wat wilt u zelf in de hand houden?",
            "Hoe houden we elkaar op de hoogte?",
        ],
        "pitfall_reminder": "Neem het niet over, en zeg hardop dat de gemeente ook besluit (twee rollen).",
        "pitfall_ids": ["V1", "V7"],
        "capture_fields": [C.MUNICIPAL_ROLES, C.INITIATOR_ROLE, C.CONTACT, C.AGREEMENTS],
    },
    {
        "key": "samenvatten-vervolg",
        "title": "Samenvatten en vervolg",
        "purpose": "Vat samen, controleer of u het goed begrepen heeft, en spreek af wanneer het plan klaar is.",
        "guiding_questions": [
            "Heb ik het goed begrepen dat…?",
            "Wanneer is uw plan klaar?",
            "Hoe vond u dit gesprek?",
        ],
        "pitfall_reminder": "Eindig niet met 'we nemen het mee'. Noem de datum van het besluit.",
        "pitfall_ids": ["V4"],
        "capture_fields": [C.SUMMARY, C.NEXT_STEP, C.CALLBACK_DATE, C.RATING],
    },
]

CHALLENGE_CHECKLIST = [
    ("voor-taak", Moment.BEFORE, "Zoek op wat de taak nu kost en welke kwaliteit de gemeente vraagt."),
    ("voor-afdeling", Moment.BEFORE, "Vraag de afdeling van de taak wat er op deze plek al speelt."),
    (
        "voor-verordening",
        Moment.BEFORE,
        "Lees wat de participatieverordening zegt over het uitdaagrecht en de termijn.",
    ),
    ("tijdens-motivatie", Moment.DURING, "Begin met kennismaken en de motivatie, niet met regels."),
    ("tijdens-draagvlak", Moment.DURING, "Vraag hoe de bewoners het draagvlak laten zien."),
    ("tijdens-criteria", Moment.DURING, "Leg de beoordelingspunten en de termijn van het besluit uit."),
    ("tijdens-rollen", Moment.DURING, "Zeg hardop dat de gemeente begeleidt én besluit."),
    (
        "na-bevestigen",
        Moment.AFTER,
        "Bevestig de afspraken binnen een paar dagen op papier.",
        TaskKind.CONFIRM_IN_WRITING,
        3,
    ),
    (
        "na-terugbellen",
        Moment.AFTER,
        "Bel terug op de afgesproken datum, ook als er nog geen nieuws is.",
        TaskKind.CALL_BACK,
    ),
]
