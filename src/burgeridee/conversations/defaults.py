"""The default conversation model and checklist, in Dutch. Written from BRIEF §2 and §3 in our own words.

This is data: `conversation_model_ensure_default` copies it into a municipality's first published
version, after which a coordinator changes it in the workspace without touching this file. The texts
are stored as written here (Dutch), because they are the municipality's own content from then on.
"""

from .constants import CaptureField as C
from .constants import Moment, TaskKind

DEFAULT_PHASES = [
    {
        "key": "kennismaken",
        "title": "Kennismaken",
        "purpose": "Een gelijkwaardig begin. Wie is deze bewoner en waarom komt hij of zij met dit idee?",
        "guiding_questions": [
            "Hoe bent u op dit idee gekomen?",
            "Wat betekent deze buurt voor u?",
            "Wat wilt u dat dit gesprek u oplevert?",
            "Met wie heeft u er al over gepraat?",
        ],
        "pitfall_reminder": "Begin niet met regels of formulieren. Eerst de mens en het verhaal.",
        "pitfall_ids": ["V5", "V6"],
        "capture_fields": [C.MOTIVATION, C.EXPECTATIONS, C.EARLIER_CONTACTS],
    },
    {
        "key": "idee-verkennen",
        "title": "Het idee verkennen",
        "purpose": "Begrijpen wat nodig is en wat het moet opleveren. Bouw voort op wat al werkt.",
        "guiding_questions": [
            "Wat wilt u doen, en voor wie?",
            "Welk probleem of welke kans ziet u?",
            "Stel: over een jaar is het gelukt. Wat zien we dan?",
            "Wat werkt er al, hier of ergens anders?",
        ],
        "pitfall_reminder": "Oordeel niet over het idee en buig het niet naar de doelen van de gemeente.",
        "pitfall_ids": ["V2", "V12"],
        "capture_fields": [C.INTENDED_RESULT, C.ONE_OFF],
    },
    {
        "key": "mensen-draagvlak",
        "title": "Mensen en draagvlak",
        "purpose": "Wie doen er mee, steunen de buren het, wie helpen er, en kan iedereen meedoen?",
        "guiding_questions": [
            "Wie doen er mee? En wie neemt het over als u uitvalt?",
            "Weten de buren ervan? Wat vinden zij ervan?",
            "Welke organisaties of bedrijven helpen mee?",
            "Kan iedereen meedoen? Wie ontbreekt er nog?",
        ],
        "pitfall_reminder": "Praat niet alleen met de trekker. Vraag naar de kopgroep en naar wie er nog mist.",
        "pitfall_ids": ["V16", "V17"],
        "capture_fields": [C.CORE_GROUP, C.SUPPORT, C.PARTNERS, C.INCLUSIVENESS],
    },
    {
        "key": "behoefte-mogelijkheden",
        "title": "Behoefte en mogelijkheden",
        "purpose": "Welke hulp is nodig, wat doen de bewoners zelf, en wat kan een spelbreker zijn? Wees eerlijk.",
        "guiding_questions": [
            "Wat regelt u zelf?",
            "Waar loopt u vast, denkt u?",
            "Wat is de kleinste hulp waarmee u verder kunt?",
            "Heeft u gedacht aan een vergunning, veiligheid, verzekering en onderhoud later?",
        ],
        "pitfall_reminder": "Geen automatisch nee en niet te veel beloven. Geld is niet het enige antwoord.",
        "pitfall_ids": ["V5", "V8", "V14"],
        "capture_fields": [C.HELP_ASKED, C.OWN_CONTRIBUTION, C.COSTS, C.SHOWSTOPPERS],
    },
    {
        "key": "rollen-afspraken",
        "title": "Rollen en afspraken",
        "purpose": "Spreek de rol van de gemeente hardop af, één vast aanspreekpunt, en wie wat doet en wanneer.",
        "guiding_questions": [
            "Wat wilt u zelf in de hand houden?",
            "Welke rol wilt u van ons, en welke juist niet?",
            "Hoe houden we elkaar op de hoogte?",
            "Wanneer is het voor u geslaagd?",
        ],
        "pitfall_reminder": "Neem het niet over. Heeft de gemeente twee rollen, zeg dat dan.",
        "pitfall_ids": ["V1", "V7"],
        "capture_fields": [C.MUNICIPAL_ROLES, C.INITIATOR_ROLE, C.CONTACT, C.AGREEMENTS],
    },
    {
        "key": "samenvatten-vervolg",
        "title": "Samenvatten en vervolg",
        "purpose": "Vat feiten en gevoelens samen, check of u elkaar begrijpt, en leg de volgende stap vast.",
        "guiding_questions": [
            "Heb ik goed begrepen dat ...?",
            "Wat is nu de belangrijkste volgende stap?",
            "Wat heeft u nog van mij nodig, en wanneer?",
            "Hoe vond u dit gesprek?",
        ],
        "pitfall_reminder": "Sluit niet af met 'we nemen het mee'. Noem een datum.",
        "pitfall_ids": ["V4"],
        "capture_fields": [C.SUMMARY, C.NEXT_STEP, C.CALLBACK_DATE, C.RATING],
    },
]

# (key, moment, text, task kind, working days)
DEFAULT_CHECKLIST = [
    (
        "voor-1",
        Moment.BEFORE,
        "Zoek op wat de gemeente al weet: eerdere contacten, verslagen, initiatieven in de buurt.",
    ),
    ("voor-2", Moment.BEFORE, "Ga na of dit een initiatief is, of eigenlijk een klacht, melding of vraag."),
    ("voor-3", Moment.BEFORE, "Plan het gesprek snel en bevestig de afspraak op papier of per mail."),
    ("voor-4", Moment.BEFORE, "Spreek af in de buurt of bij de bewoner thuis als dat kan."),
    ("voor-5", Moment.BEFORE, "Ken de middelen: wijkbudget, spullen om te lenen, vrijwilligersverzekering."),
    (
        "voor-6",
        Moment.BEFORE,
        "Vraag collega's (vergunningen, openbare ruimte, vastgoed) wat er al speelt op die plek.",
    ),
    ("voor-7", Moment.BEFORE, "Weet wat u zelf mag toezeggen."),
    ("voor-8", Moment.BEFORE, "Neem de gespreksleidraad mee, geen formulier."),
    ("tijdens-1", Moment.DURING, "Begin met kennismaken en de motivatie, niet met regels."),
    ("tijdens-2", Moment.DURING, "Luister, vat samen (ook gevoelens) en vraag door."),
    ("tijdens-3", Moment.DURING, "Vraag wat al werkt en wat de droom is."),
    ("tijdens-4", Moment.DURING, "Vraag wie er meedoen en wie kan invallen."),
    ("tijdens-5", Moment.DURING, "Verken het draagvlak bij de buren en wie er nog ontbreekt."),
    ("tijdens-6", Moment.DURING, "Noteer de gevraagde hulp per soort, en wat de bewoners zelf doen."),
    ("tijdens-7", Moment.DURING, "Noem mogelijke spelbrekers vroeg."),
    ("tijdens-8", Moment.DURING, "Zeg eerlijk wat de gemeente niet kan."),
    ("tijdens-9", Moment.DURING, "Spreek de rol van de gemeente duidelijk af."),
    ("tijdens-10", Moment.DURING, "Spreek één vast aanspreekpunt af."),
    ("tijdens-11", Moment.DURING, "Sluit af met een samenvatting, een volgende stap en een datum."),
    ("na-1", Moment.AFTER, "Bevestig de afspraken binnen een paar dagen op papier.", TaskKind.CONFIRM_IN_WRITING, 3),
    ("na-2", Moment.AFTER, "Draag persoonlijk over aan collega's, nooit koud.", TaskKind.HAND_OVER, 5),
    ("na-3", Moment.AFTER, "Stem intern af, zodat de gemeente met één stem spreekt.", TaskKind.CHECKLIST, 5),
    ("na-4", Moment.AFTER, "Leg het initiatief vast: status, rol en afspraken.", TaskKind.CHECKLIST, 2),
    (
        "na-5",
        Moment.AFTER,
        "Bel terug op de afgesproken datum, ook als er nog geen nieuws is.",
        TaskKind.CALL_BACK,
        None,
    ),
    ("na-6", Moment.AFTER, "Plan een evaluatie. Vier en laat successen zien.", TaskKind.CHECKLIST, 20),
    ("na-7", Moment.AFTER, "Kijk naar uw eigen rol: faciliteer ik of neem ik het over?", TaskKind.CHECKLIST, 5),
]
