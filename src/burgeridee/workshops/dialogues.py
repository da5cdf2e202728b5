"""Short dialogues for "Herken de valkuil": a resident and a civil servant; which pitfall(s) do you see?"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

RESIDENT = _("Bewoner")
CIVIL_SERVANT = _("Ambtenaar")


@dataclass(frozen=True)
class Dialogue:
    key: str
    title: str
    lines: tuple
    answer: tuple  # pitfall keys
    explanation: str


DIALOGUES = [
    Dialogue(
        "formulier",
        _("Eerst het formulier"),
        (
            (RESIDENT, _("Wij willen met de straat in juni een buurtfeest houden.")),
            (CIVIL_SERVANT, _("Leuk. Heeft u het aanvraagformulier evenementen al ingevuld? En de risicoanalyse?")),
            (RESIDENT, _("Een risicoanalyse? Het is een barbecue met dertig buren.")),
            (CIVIL_SERVANT, _("Regels zijn regels. Zonder formulier kan ik niets voor u doen.")),
        ),
        ("V6", "V5"),
        _(
            "De ambtenaar opent met regels in plaats van met de bewoner. Voor een klein straatfeest is vaak "
            "een eenvoudige melding genoeg. Vraag eerst wat het plan is en zoek uit hoe het wél kan."
        ),
    ),
    Dialogue(
        "meenemen",
        _("We nemen het mee"),
        (
            (RESIDENT, _("Wanneer hoor ik of we het buurthuis op dinsdag mogen gebruiken?")),
            (CIVIL_SERVANT, _("Goede vraag. Ik neem het mee naar ons overleg.")),
            (RESIDENT, _("Wanneer is dat overleg?")),
            (CIVIL_SERVANT, _("Dat weet ik niet precies. U hoort van ons.")),
        ),
        ("V4",),
        _(
            "Het gesprek eindigt zonder datum. De bewoner weet niet wanneer er antwoord komt. Spreek een "
            "terugbeldatum af en bel dan ook als er nog geen nieuws is."
        ),
    ),
    Dialogue(
        "doorverwijzen",
        _("Daar moet u niet bij mij zijn"),
        (
            (RESIDENT, _("Wij zoeken een lokaal voor ons repair café.")),
            (CIVIL_SERVANT, _("Lokalen, dat is Vastgoed. Belt u het algemene nummer maar.")),
            (RESIDENT, _("Daar stuurden ze me juist naar u.")),
            (CIVIL_SERVANT, _("Dan weet ik het ook niet.")),
        ),
        ("V3",),
        _(
            "De bewoner wordt van loket naar loket gestuurd. Zoek zelf de juiste collega, stel de bewoner "
            "persoonlijk voor en blijf het vaste aanspreekpunt."
        ),
    ),
    Dialogue(
        "wij-regelen",
        _("Wij regelen het wel"),
        (
            (RESIDENT, _("We willen met de buren een moestuin aanleggen op het grasveld.")),
            (
                CIVIL_SERVANT,
                _("Mooi! Weet u wat: onze groenaannemer legt hem aan en wij bepalen wat er geplant wordt."),
            ),
            (RESIDENT, _("Maar we wilden het juist samen doen.")),
            (CIVIL_SERVANT, _("Zo is het veel makkelijker. U hoeft alleen nog te komen oogsten.")),
        ),
        ("V1",),
        _(
            "De gemeente neemt het initiatief over. Dan verdwijnt wat het waardevol maakte: bewoners die het "
            "samen doen. Vraag wat zij nodig hebben en laat de regie bij hen."
        ),
    ),
    Dialogue(
        "programma",
        _("Past mooi in ons programma"),
        (
            (RESIDENT, _("We willen elke maand samen koken met oudere buren.")),
            (
                CIVIL_SERVANT,
                _("Dat past perfect in ons programma Gezond Ouder. Dan moet u wel elke week open zijn."),
            ),
            (CIVIL_SERVANT, _("En wilt u de bezoekers registreren voor onze monitor?")),
            (RESIDENT, _("Elke week? Dat redden we niet met vier vrijwilligers.")),
        ),
        ("V2", "V11"),
        _(
            "Het idee wordt in beleid ingekapseld en langs de doelen van de gemeente gelegd. Bescherm de eigen "
            "doelen van de bewoners; koppel aan een programma alleen als zij dat willen."
        ),
    ),
    Dialogue(
        "ga-je-gang",
        _("Ga vooral je gang"),
        (
            (RESIDENT, _("Mogen we op het pleintje zelf een klimrek bouwen voor de kinderen?")),
            (CIVIL_SERVANT, _("Ik zie geen bezwaar. Ga vooral je gang.")),
            (RESIDENT, _("Fijn, dan beginnen we volgende maand.")),
            (
                CIVIL_SERVANT,
                _("Een half jaar later: het rek moet weg, want het voldoet niet aan de veiligheidsregels."),
            ),
        ),
        ("V9", "V8"),
        _(
            "Een blokkade komt pas na maanden boven. Check in het eerste gesprek snel op showstoppers, zoals "
            "veiligheid van speeltoestellen, kabels en eigendom van de grond, en zeg eerlijk wat wel kan."
        ),
    ),
    Dialogue(
        "alleen-henk",
        _("Dan bel ik u wel"),
        (
            (RESIDENT, _("Ik organiseer de buurtbibliotheek eigenlijk in mijn eentje.")),
            (CIVIL_SERVANT, _("Prima, dan regel ik alles met u. Dat is wel zo overzichtelijk.")),
            (RESIDENT, _("Volgend jaar ga ik wel een half jaar naar mijn dochter in Canada.")),
            (CIVIL_SERVANT, _("Dat zien we dan wel.")),
        ),
        ("V16",),
        _(
            "Als de trekker wegvalt, stopt alles. Vraag wie er nog meedoen, wie kan invallen, en wie in de buurt "
            "nog ontbreekt."
        ),
    ),
    Dialogue(
        "jeu-de-boules",
        _("Iets voor oude mensen"),
        (
            (RESIDENT, _("We willen een jeu-de-boulesbaan bij het speelveld.")),
            (CIVIL_SERVANT, _("Eerlijk gezegd vind ik jeu de boules iets voor oude mensen.")),
            (CIVIL_SERVANT, _("Waarom maken jullie geen voetbalkooi? Daar heb ik altijd voor gepleit.")),
        ),
        ("V12",),
        _(
            "De ambtenaar oordeelt over het idee en brengt een eigen stokpaardje in. Beoordeel neutraal: het "
            "gaat om wat de bewoners willen en wat de buurt nodig heeft."
        ),
    ),
    Dialogue(
        "alleen-geld",
        _("Meer dan geld hebben we niet"),
        (
            (RESIDENT, _("We zoeken een ruimte om één avond per week te vergaderen.")),
            (CIVIL_SERVANT, _("We kunnen u 500 euro subsidie geven. Meer kunnen we niet doen.")),
            (RESIDENT, _("Met geld alleen hebben we nog geen ruimte.")),
        ),
        ("V14",),
        _(
            "Geld is niet altijd de hulp die past. Denk ook aan ruimte, spullen en het netwerk van de gemeente, "
            "bijvoorbeeld een vergaderruimte in het buurthuis of school."
        ),
    ),
]
DIALOGUES_BY_KEY = {dialogue.key: dialogue for dialogue in DIALOGUES}


def dialogue_at(step: int) -> Dialogue:
    return DIALOGUES[min(max(step, 0), len(DIALOGUES) - 1)]
