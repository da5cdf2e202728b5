"""The one door to the knowledge library and the standard checklist.

Pitfalls (V1-V17), success factors (SF1-SF19), the five roles, the ten practice cases, the six phases of
the conversation model and the checklist for the first conversation are referenced by their stable keys
everywhere in this app. Only this module turns a key into text. For now it reads the compact defaults
below (our own Dutch words, after the domain brief); when the knowledge and conversations apps exist,
point these functions at their selectors and delete the tables.
"""

from django.utils.translation import gettext_lazy as _

PITFALLS = {
    "V1": (_("Overnemen of doodknuffelen"), _("Steun, maar laat de bewoners de baas. Vraag wat ze nodig hebben.")),
    "V2": (
        _("Inkapselen"),
        _("Bescherm de eigen doelen van het initiatief; koppel alleen aan beleid als zij dat willen."),
    ),
    "V3": (_("Van het kastje naar de muur"), _("Draag warm over en geef één vast aanspreekpunt.")),
    "V4": (_("Geen of traag antwoord"), _("Antwoord binnen een vaste termijn en zeg wanneer.")),
    "V5": (_("Nee-reflex"), _("Zoek uit hoe het wél kan.")),
    "V6": (_("Bureaucratiseren"), _("Houd eisen in verhouding tot de omvang en het risico.")),
    "V7": (_("Meerdere monden"), _("Stem eerst intern af en spreek met één stem.")),
    "V8": (_("Vaag over mogelijkheden"), _("Zeg vroeg en duidelijk wat wel en niet kan.")),
    "V9": (_("Laat nee"), _("Check in het eerste gesprek snel op showstoppers.")),
    "V10": (_("Eerst beleid"), _("Handel binnen de ruimte die er al is.")),
    "V11": (_("Sturen op eigen doelen"), _("Laat het initiatief zijn eigen gang gaan.")),
    "V12": (_("Waardeoordeel of stokpaardje"), _("Beoordeel neutraal; durf nee te zeggen, met redenen.")),
    "V13": (_("Met de eer strijken"), _("Zet de bewoners in het zonnetje.")),
    "V14": (_("Alleen geld"), _("Denk ook aan ruimte, spullen en netwerk; help bij ander geld.")),
    "V15": (_("Afhankelijk maken"), _("Bouw eigen kracht en meer bronnen van inkomsten op.")),
    "V16": (_("Alleen met de trekker"), _("Vraag naar de kopgroep en wie kan invallen.")),
    "V17": (_("Alleen de usual suspects"), _("Vraag wie er nog ontbreekt en hoe u die uitnodigt.")),
}

FACTORS = {
    "SF1": _("Animo: eigen drive"),
    "SF2": _("Een kopgroep, geen eenmansactie"),
    "SF3": _("Toerusting: kunnen organiseren, plannen, afspraken op papier"),
    "SF4": _("Leiderschap dat meebeweegt"),
    "SF5": _("Een helder en haalbaar doel"),
    "SF6": _("Open voor iedereen, geen eigen gewin"),
    "SF7": _("Aantoonbaar draagvlak in de buurt"),
    "SF8": _("Contacten en partners"),
    "SF9": _("Een plek en een echte behoefte"),
    "SF10": _("Zichtbare resultaten, gevierd"),
    "SF11": _("Inbedding in wijkteam en welzijnswerk"),
    "SF12": _("Een vast aanspreekpunt of initiatievenmakelaar"),
    "SF13": _("Een constructieve houding op maat"),
    "SF14": _("Eén overheid: intern afgestemd"),
    "SF15": _("Bekende, duidelijke mogelijkheden en voorwaarden"),
    "SF16": _("Empathie en korte lijnen"),
    "SF17": _("Ruimte om te handelen voor ambtenaren"),
    "SF18": _("Klein en snel geld of spullen"),
    "SF19": _("Respect voor de eigen regie"),
}

ROLES = {
    "loslaten": (_("Loslaten"), _("Geen bemoeienis: privé en weinig risico.")),
    "faciliteren": (_("Faciliteren"), _("Middelen geven en drempels weghalen; bewoners houden de leiding.")),
    "stimuleren": (_("Stimuleren"), _("Actief aanmoedigen: publiek belang, nog weinig bewoners.")),
    "regisseren": (_("Regisseren"), _("Partijen bij elkaar brengen en de regie houden.")),
    "reguleren": (_("Reguleren"), _("Regels stellen en handhaven: veiligheid of wettelijke plicht.")),
}

CASES = {
    1: (
        _("Zwerfafvalploeg langs de gracht"),
        _(
            "Bewoners prikken elke maand zwerfafval. Spullen konden ze snel lenen. Een jaar later vroeg het "
            "wijkbudget om kwartaalverslagen en foto's, en twee vrijwilligers haakten af."
        ),
        ["V6", "V2"],
        ["SF18", "SF10"],
    ),
    2: (
        _("Netwerk voor eenzame ouderen"),
        _(
            "De gemeente wilde cliëntlijsten delen, maar dat mocht niet. Een sociaal makelaar bracht de groep "
            "in contact met het wijkteam. Later zag de gemeente de groep als gratis zorgcapaciteit."
        ),
        ["V1", "V15"],
        ["SF11", "SF16"],
    ),
    3: (
        _("Buurtmoestuin op een grasveld van de gemeente"),
        _(
            "In het eerste gesprek kwamen kabels en toestemming meteen op tafel. Er kwam een "
            "bruikleenovereenkomst en de meeste buren tekenden voor de tuin."
        ),
        [],
        ["SF2", "SF7", "SF12"],
    ),
    4: (
        _("Zelfgebouwd klimrek"),
        _(
            "Bewoners bouwden een klimrek op het pleintje. Maanden later bleek dat de gemeente aansprakelijk "
            "was voor toestellen in haar grond. Het rek moest weg."
        ),
        ["V9", "V8"],
        [],
    ),
    5: (
        _("Huiskamer in een flat van de corporatie"),
        _(
            "Eén groep nam de ruimte over en nieuwe bewoners bleven weg. Een coördinator van het welzijnswerk "
            "maakte de huiskamer weer open voor iedereen."
        ),
        ["V17"],
        ["SF9", "SF11"],
    ),
    6: (
        _("AED in de straat"),
        _(
            "Buren zamelden geld in, de gemeente gaf een bijdrage en de AED werd aangemeld bij het "
            "burgerhulpnetwerk. Drie jaar later was de batterij leeg: niemand was eigenaar van het onderhoud."
        ),
        ["V8"],
        ["SF5"],
    ),
    7: (
        _("Buurtpreventie-app"),
        _(
            "De wijkagent legde de regels uit en er kwamen borden. Toen berichten gingen over verdachte "
            "'vreemden', grepen de beheerders in."
        ),
        [],
        ["SF8", "SF3"],
    ),
    8: (
        _("Zonnepanelen op de sporthal"),
        _(
            "Vastgoed, duurzaamheid en vergunningen gaven elk een ander antwoord. Het duurde veertien maanden "
            "en de subsidie dreigde te verlopen."
        ),
        ["V7", "V3"],
        ["SF14"],
    ),
    9: (
        _("Straatfeest"),
        _(
            "Een bewoner organiseert voor het eerst een feest en vraagt wat er nodig is. Een eenvoudige "
            "melding en geleende tafels: in één telefoongesprek geregeld."
        ),
        [],
        ["SF15", "SF18"],
    ),
    10: (
        _("Samen eten met oudere buurtbewoners"),
        _(
            "Een e-mail bleef weken onbeantwoord. Daarna kwamen er hygiëneregels zonder hulp. Een nieuwe "
            "contactpersoon bracht hem in contact met de keuken van het buurthuis."
        ),
        ["V4", "V5", "V3"],
        ["SF12", "SF16"],
    ),
}

PHASES = [
    (_("Kennismaken"), _("Een gelijkwaardige start: wie is deze bewoner en wat drijft hem of haar?")),
    (_("Het idee verkennen"), _("Wat is het doel en voor wie? Bouw voort op wat al werkt.")),
    (_("Mensen en draagvlak"), _("Wie doen er mee, wie kan invallen, wat vinden de buren?")),
    (_("Behoefte en mogelijkheden"), _("Welke hulp is nodig, wat doen ze zelf, welke showstoppers zijn er?")),
    (_("Rollen en afspraken"), _("Welke rol neemt de gemeente? Eén aanspreekpunt; wie doet wat wanneer.")),
    (_("Samenvatten en vervolg"), _("Feiten en gevoel samenvatten, de volgende stap en een datum.")),
]

CHECKLIST = [
    ("voor", _("Zoek op wat de gemeente al weet: eerdere contacten, meldingen, vergelijkbare initiatieven.")),
    ("voor", _("Ga na of het een initiatief is, of eigenlijk een klacht, melding of vraag.")),
    ("voor", _("Plan het gesprek snel en bevestig het op papier.")),
    ("voor", _("Spreek af in de buurt of bij de bewoner thuis als dat kan.")),
    ("voor", _("Ken de middelen: wijkbudget, spullen lenen, vrijwilligersverzekering.")),
    ("voor", _("Vraag collega's wat er al speelt op deze plek.")),
    ("voor", _("Ken uw mandaat: wat mag u zelf toezeggen?")),
    ("voor", _("Neem de gespreksleidraad mee, geen formulier.")),
    ("tijdens", _("Begin met kennismaken en motivatie, niet met regels.")),
    ("tijdens", _("Luister, vat samen (ook gevoel) en vraag door.")),
    ("tijdens", _("Vraag wat al werkt en wat de droom is.")),
    ("tijdens", _("Vraag wie er meedoen en wie kan invallen.")),
    ("tijdens", _("Verken het draagvlak bij buren en wie er nog ontbreekt.")),
    ("tijdens", _("Noteer de gevraagde hulp per soort en wat bewoners zelf doen.")),
    ("tijdens", _("Benoem mogelijke showstoppers vroeg.")),
    ("tijdens", _("Wees open over wat de gemeente niet kan.")),
    ("tijdens", _("Spreek de rol van de gemeente duidelijk af.")),
    ("tijdens", _("Spreek één vast aanspreekpunt af.")),
    ("tijdens", _("Sluit af met een samenvatting, een volgende stap en een datum.")),
    ("na", _("Bevestig de afspraken binnen een paar dagen op papier.")),
    ("na", _("Draag persoonlijk over aan collega's; nooit koud.")),
    ("na", _("Stem intern af, zodat de gemeente met één stem spreekt.")),
    ("na", _("Leg het initiatief vast: status, rol en afspraken.")),
    ("na", _("Bel terug op de afgesproken datum, ook als er nog geen nieuws is.")),
    ("na", _("Plan een evaluatie; vier en laat successen zien.")),
    ("na", _("Kijk naar uw eigen rol: faciliteer ik of neem ik over?")),
]
SECTIONS = {"voor": _("Voor het gesprek"), "tijdens": _("Tijdens het gesprek"), "na": _("Na het gesprek")}


def pitfall_keys() -> list[str]:
    return list(PITFALLS)


def pitfall_title(key: str) -> str:
    return str(PITFALLS[key][0]) if key in PITFALLS else key


def pitfall_better(key: str) -> str:
    return str(PITFALLS[key][1]) if key in PITFALLS else ""


def factor_keys() -> list[str]:
    return list(FACTORS)


def factor_title(key: str) -> str:
    return str(FACTORS.get(key, key))


def role_keys() -> list[str]:
    return list(ROLES)


def role_title(key: str) -> str:
    return str(ROLES[key][0]) if key in ROLES else key


def role_description(key: str) -> str:
    return str(ROLES[key][1]) if key in ROLES else ""


def case_numbers() -> list[int]:
    return list(CASES)


def case_card(number: int) -> dict:
    """A practice case as a card: title, story, and the pitfalls and success factors it shows."""
    title, story, pitfalls, factors = CASES[int(number)]
    return {
        "number": int(number),
        "title": str(title),
        "story": str(story),
        "pitfalls": [(key, pitfall_title(key)) for key in pitfalls],
        "factors": [(key, factor_title(key)) for key in factors],
    }


def conversation_phases() -> list[dict]:
    return [{"number": i, "title": str(t), "purpose": str(p)} for i, (t, p) in enumerate(PHASES, start=1)]


def standard_checklist(municipality=None) -> list[dict]:
    """The standard checklist for the first conversation (26 points in before/during/after)."""
    return [
        {"number": i, "section": section, "section_title": str(SECTIONS[section]), "text": str(text)}
        for i, (section, text) in enumerate(CHECKLIST, start=1)
    ]


def checklist_section_title(section: str) -> str:
    return str(SECTIONS.get(section, section))
