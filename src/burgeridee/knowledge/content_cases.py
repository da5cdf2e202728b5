# ruff: noqa: E501  (long lines of Dutch text read better unbroken)
"""Default content: the practice cases (fictional): the ten of BRIEF §9 and a challenge (uitdaagrecht). Our own words, plain Dutch.

links: (key, relation). Relations: laat_zien (shows), voorkomen (avoided), risico (a risk), nodig (was needed).
"""

from burgeridee.initiatives.constants import Theme

from .constants import LinkRelation

SHOWS, AVOIDS, RISK, NEEDED = LinkRelation.SHOWS, LinkRelation.AVOIDS, LinkRelation.RISK, LinkRelation.NEEDED

CASES = [
    {
        "key": "opruimploeg-langs-de-gracht",
        "title": "Opruimploeg langs de gracht",
        "theme": Theme.LIVEABLE,
        "summary": "Een groep buren ruimt elke maand zwerfvuil op; na een jaar verdwijnt de helft door papierwerk.",
        "body": (
            "Ingrid woont aan de gracht en ergert zich aan het zwerfvuil langs het water. Ze vraagt een paar "
            "buren om één zaterdag per maand samen op te ruimen. Bij de gemeente vraagt ze of ze grijpers en "
            "vuilniszakken kan lenen.\n\n"
            "Binnen een week staan de spullen klaar bij de werf. De ploeg groeit tot twaalf mensen. Na elke "
            "ronde zet Ingrid een foto van de volle zakken in de buurtapp, en steeds meer buren doen mee. "
            "De wijkkrant schrijft erover.\n\n"
            "Een jaar later vraagt de ploeg een klein bedrag uit het wijkbudget voor koffie en nieuwe "
            "handschoenen. Dan komen de voorwaarden: elk kwartaal een verslag, foto's met datum en een "
            "overzicht van het aantal deelnemers, gekoppeld aan de doelen van het programma Schone Wijken. "
            "Twee vaste vrijwilligers haken af: 'Ik kom om op te ruimen, niet om formulieren in te vullen.' "
            "Ingrid doet de administratie er met tegenzin bij."
        ),
        "points": (
            "Wat deed de gemeente in het begin goed?\n"
            "Waarom haakten de twee vrijwilligers af?\n"
            "Welke verantwoording is redelijk voor dit bedrag?\n"
            "Hoe had de koppeling aan het programma anders gekund?\n"
            "Wie had hier iets kunnen zeggen, en wanneer?"
        ),
        "links": [("V6", SHOWS), ("V2", SHOWS), ("SF18", SHOWS), ("SF10", SHOWS)],
    },
    {
        "key": "netwerk-voor-eenzame-ouderen",
        "title": "Netwerk voor eenzame ouderen",
        "theme": Theme.CARING,
        "summary": "Buren zoeken eenzame ouderen op; de gemeente gaat hen later zien als gratis zorg.",
        "body": (
            "Een paar buurtbewoners merken dat oudere buren steeds minder buiten komen. Ze willen een "
            "netwerk opzetten: even aanbellen, samen boodschappen doen, af en toe een kop koffie. Ze vragen "
            "de gemeente om een lijst van ouderen die alleen wonen.\n\n"
            "De gemeente wil graag helpen en wil een lijst met cliënten delen, maar de privacyregels staan "
            "dat niet toe. Een sociaal makelaar komt met een ander voorstel: zij brengt de groep in contact "
            "met het wijkteam. Het wijkteam vraagt ouderen zelf of ze bezoek willen en brengt hen met de "
            "vrijwilligers in contact. De lijnen zijn kort en de sociaal makelaar is goed bereikbaar.\n\n"
            "Het netwerk groeit. Na twee jaar gaat de gemeente het steeds vaker gebruiken: het wijkteam "
            "stuurt mensen door die eigenlijk professionele zorg nodig hebben, en in een beleidsnota staat "
            "het netwerk als onderdeel van het zorgaanbod. De vrijwilligers voelen zich overvraagd. Als de "
            "subsidie voor de sociaal makelaar stopt, weet niemand meer wie het netwerk ondersteunt."
        ),
        "points": (
            "Hoe ging de gemeente om met de privacyvraag?\n"
            "Wat maakte de oplossing via het wijkteam sterk?\n"
            "Waar ging de gemeente over de grens, en hoe merk je dat?\n"
            "Wat had het netwerk minder afhankelijk kunnen maken?\n"
            "Welke rol van de gemeente past hier?"
        ),
        "links": [("V1", SHOWS), ("V15", SHOWS), ("SF11", SHOWS), ("SF16", SHOWS)],
    },
    {
        "key": "buurtmoestuin-op-het-grasveld",
        "title": "Buurtmoestuin op het grasveld",
        "theme": Theme.LIVEABLE,
        "summary": "Een moestuin op gemeentegrond: kabels en toestemming komen meteen in het eerste gesprek aan bod.",
        "body": (
            "Bewoners van een straat met veel flats willen een moestuin op het grasveld aan het eind van de "
            "straat. Het veld is van de gemeente. Met vijf buren melden ze zich bij de initiatievenmakelaar.\n\n"
            "In het eerste gesprek vraagt de makelaar niet alleen naar het idee, maar ook naar de grond: "
            "van wie is die, liggen er kabels, wie mag erop? Ze belt nog die week met Beheer openbare ruimte. "
            "Er blijkt een leiding aan de rand te liggen; de tuin komt een paar meter verderop. De gemeente "
            "stelt een bruikleenovereenkomst voor, met afspraken over onderhoud en wat er gebeurt als de "
            "tuin stopt.\n\n"
            "De groep gaat langs de deuren en haalt handtekeningen op bij de meeste buren. Twee buren "
            "maken zich zorgen over rommel; zij worden uitgenodigd om mee te denken en één van hen gaat "
            "meedoen. Na een half jaar staan er de eerste bakken. De makelaar blijft het vaste "
            "aanspreekpunt en belt elk kwartaal even."
        ),
        "points": (
            "Welke vragen in het eerste gesprek voorkwamen problemen later?\n"
            "Waarom is een kerngroep van vijf sterker dan één trekker?\n"
            "Hoe ging de groep om met de buren die twijfelden?\n"
            "Wat had er mis kunnen gaan zonder vast aanspreekpunt?"
        ),
        "links": [("V9", AVOIDS), ("SF2", SHOWS), ("SF7", SHOWS), ("SF12", SHOWS)],
    },
    {
        "key": "zelfgebouwd-klimrek",
        "title": "Zelfgebouwd klimrek",
        "theme": Theme.SAFE,
        "summary": "Ouders bouwen een klimrek; maanden later moet het weg vanwege de veiligheidsregels.",
        "body": (
            "Een groep ouders vindt dat hun kinderen te weinig speelplek hebben. Een van de vaders is "
            "timmerman. Ze bouwen samen een mooi houten klimrek op het plantsoen en zetten het vast met "
            "betonpoeren. Bij de gemeente hadden ze gevraagd of dat mocht; het antwoord was: 'Leuk idee, "
            "dat komt vast goed.'\n\n"
            "Het klimrek is een groot succes. Maar na een paar maanden ziet een inspecteur van de gemeente "
            "het staan. Omdat het vastzit in gemeentegrond, is de gemeente verantwoordelijk voor de "
            "veiligheid, en het rek voldoet niet aan de keuringseisen voor speeltoestellen. De gemeente is "
            "aansprakelijk als er een kind valt.\n\n"
            "Het klimrek moet weg. De ouders zijn boos en teleurgesteld: ze hebben er weken aan gewerkt en "
            "hadden toch gevraagd of het mocht. Het vertrouwen in de gemeente is voor lange tijd weg."
        ),
        "points": (
            "Op welk moment had dit voorkomen kunnen worden?\n"
            "Wat had de ambtenaar in het eerste gesprek moeten zeggen?\n"
            "Welke alternatieven waren er geweest?\n"
            "Hoe herstel je het vertrouwen van deze ouders?"
        ),
        "links": [("V9", SHOWS), ("V8", SHOWS)],
    },
    {
        "key": "buurtkamer-in-de-flat",
        "title": "Buurtkamer in de flat",
        "theme": Theme.CARING,
        "summary": "Een buurtkamer in een flat van de corporatie wordt een clubje; een coördinator maakt hem weer open.",
        "body": (
            "In een flat staat een ruimte op de begane grond leeg. Bewoners vragen de woningcorporatie of ze "
            "er een buurtkamer van mogen maken. Dat mag. Er is behoefte aan: veel bewoners kennen elkaar "
            "niet en er is in de buurt geen plek om elkaar te ontmoeten.\n\n"
            "Na een goed begin neemt één groep bewoners de buurtkamer steeds meer in. Zij bepalen de "
            "openingstijden, de activiteiten en wie de sleutel krijgt. Nieuwe bewoners en jongere gezinnen "
            "komen één keer en daarna niet meer. Er ontstaan klachten bij de corporatie.\n\n"
            "De gemeente vraagt het welzijnswerk om te helpen. Een coördinator komt een paar uur per week. "
            "Zij maakt samen met de bewoners een rooster, zorgt voor activiteiten op verschillende tijden en "
            "gaat langs bij nieuwe bewoners. Na een jaar komen er weer verschillende groepen, en de "
            "oorspronkelijke groep heeft een eigen vaste middag."
        ),
        "points": (
            "Waarom bleven nieuwkomers weg?\n"
            "Wat had je in het eerste gesprek kunnen vragen om dit te voorkomen?\n"
            "Wat deed de coördinator wel en wat niet?\n"
            "Hoe bewaak je dat het initiatief van de bewoners blijft?"
        ),
        "links": [("V17", SHOWS), ("SF9", SHOWS), ("SF11", SHOWS)],
    },
    {
        "key": "aed-in-de-straat",
        "title": "AED in de straat",
        "theme": Theme.SAFE,
        "summary": "Bewoners zamelen geld in voor een AED; drie jaar later is de batterij leeg.",
        "body": (
            "Na een hartstilstand in de buurt wil een bewoner een AED aan de gevel van het buurthuis. Hij "
            "start een inzamelingsactie en de gemeente legt een deel van het bedrag bij. Het doel is "
            "helder: binnen zes minuten hulp bij een hartstilstand.\n\n"
            "De AED wordt opgehangen en aangemeld bij het netwerk van burgerhulpverleners. Tien buren "
            "volgen een reanimatiecursus. Er is een feestelijke onthulling.\n\n"
            "Drie jaar later is er weer een noodgeval. Een burgerhulpverlener haalt de AED, maar het "
            "apparaat geeft een foutmelding: de batterij en de elektroden zijn verlopen. Niemand had "
            "afgesproken wie het onderhoud zou doen. De bewoner die het had opgezet, was verhuisd. De "
            "gemeente dacht dat de buurt het deed, de buurt dacht dat de gemeente het deed."
        ),
        "points": (
            "Wat ging er goed in het begin?\n"
            "Welke afspraak ontbrak, en wie had die moeten maken?\n"
            "Hoe had de gemeente eerlijker kunnen zijn over wat zij wel en niet doet?\n"
            "Welke vragen stel je bij elk initiatief dat iets neerzet dat blijft staan?"
        ),
        "links": [("V8", SHOWS), ("SF5", SHOWS)],
    },
    {
        "key": "buurtpreventie-app",
        "title": "Buurtpreventie-app",
        "theme": Theme.SAFE,
        "summary": "Een appgroep voor veiligheid in de buurt; de beheerders houden zich aan de afspraken.",
        "body": (
            "Na een paar inbraken starten bewoners een appgroep om elkaar te waarschuwen. Ze vragen de "
            "gemeente om borden 'Let op: buurtpreventie'. De wijkagent komt op een avond uitleggen wat wel "
            "en niet de bedoeling is: bel eerst 112, ga zelf niet achter iemand aan, deel geen foto's van "
            "mensen.\n\n"
            "De groep stelt spelregels op en kiest drie beheerders. De gemeente plaatst de borden. De "
            "wijkagent blijft het aanspreekpunt en de groep heeft contact met de buurtvereniging.\n\n"
            "Na een tijd verschijnen er berichten over 'vreemde types' in de straat, soms alleen vanwege "
            "iemands uiterlijk. De beheerders grijpen in: ze wijzen op de spelregels, verwijderen berichten "
            "en spreken leden aan. Een paar mensen verlaten de groep, maar de meeste blijven. De beheerders "
            "vragen de wijkagent om nog een keer uitleg te geven."
        ),
        "points": (
            "Wat maakte dat de beheerders konden ingrijpen?\n"
            "Welk risico zie je als de groep alleen uit dezelfde soort mensen bestaat?\n"
            "Welke rol heeft de gemeente hier, en welke de wijkagent?\n"
            "Wat doe je als de beheerders het niet meer aankunnen?"
        ),
        "links": [("SF8", SHOWS), ("SF3", SHOWS), ("V17", RISK)],
    },
    {
        "key": "zonnepanelen-op-de-sporthal",
        "title": "Zonnepanelen op de sporthal",
        "theme": Theme.LIVEABLE,
        "summary": "Drie afdelingen, drie antwoorden: veertien maanden voor een dak vol zonnepanelen.",
        "body": (
            "Een energiecoöperatie uit de wijk wil zonnepanelen leggen op het dak van de gemeentelijke "
            "sporthal. Buren zonder eigen dak kunnen dan toch meedoen. De coöperatie heeft een plan en "
            "genoeg deelnemers, en er is een subsidie met een vaste deadline.\n\n"
            "Vastgoed vindt het goed, maar wil eerst weten of het dak sterk genoeg is. Duurzaamheid is "
            "enthousiast en belooft snelle medewerking. Vergunningen zegt dat er misschien een vergunning "
            "nodig is en vraagt nieuwe tekeningen. Elke afdeling verwijst voor de rest naar een andere. De "
            "coöperatie krijgt drie verschillende contactpersonen en soms tegenstrijdige antwoorden.\n\n"
            "Na veertien maanden liggen de panelen er. Het scheelde weinig of de subsidie was verlopen. De "
            "coöperatie zegt achteraf: met één persoon die de afdelingen bij elkaar had gebracht, was het "
            "in vier maanden gelukt. Hier had de gemeente de regie moeten nemen."
        ),
        "points": (
            "Wat had één overheid hier betekend in de praktijk?\n"
            "Wie binnen de gemeente had de regie kunnen nemen?\n"
            "Waarom is regisseren hier een betere rol dan faciliteren?\n"
            "Hoe ga je om met de druk van een subsidiedeadline?"
        ),
        "links": [("V7", SHOWS), ("V3", SHOWS), ("SF14", NEEDED), ("regisseren", SHOWS)],
    },
    {
        "key": "straatfeest",
        "title": "Straatfeest",
        "theme": Theme.LIVEABLE,
        "summary": "Een eerste straatfeest: met één telefoontje geregeld.",
        "body": (
            "Samira woont net een jaar in haar straat en wil een straatfeest organiseren, zodat de buren "
            "elkaar leren kennen. Ze heeft dit nog nooit gedaan en belt de gemeente met de vraag wat er "
            "allemaal nodig is.\n\n"
            "De medewerker vraagt een paar dingen: hoe groot wordt het, gaat de straat dicht, komt er "
            "muziek? Het blijkt om een middag te gaan met een paar tafels op de stoep. Een eenvoudige "
            "melding voor een klein evenement is genoeg. De medewerker legt uit hoe dat online werkt en "
            "vertelt dat de gemeente tafels en banken uitleent.\n\n"
            "Samira doet de melding die avond nog en haalt de tafels op. Het feest wordt een succes. De "
            "gemeente heeft er verder niets mee te maken, en dat is precies goed."
        ),
        "points": (
            "Waarom was één telefoontje hier genoeg?\n"
            "Welke informatie moet een medewerker paraat hebben?\n"
            "Wanneer wordt een straatfeest wel een zaak voor meer afdelingen?\n"
            "Waarom is loslaten hier een goede keuze?"
        ),
        "links": [("loslaten", SHOWS), ("faciliteren", SHOWS), ("SF15", SHOWS), ("SF18", SHOWS)],
    },
    {
        "key": "samen-eten-met-ouderen",
        "title": "Samen eten met ouderen",
        "theme": Theme.CARING,
        "summary": "Een kok wil koken voor ouderen, hoort weken niets en stuit op regels; een nieuwe contactpersoon helpt.",
        "body": (
            "Henk is gepensioneerd kok. Hij wil één keer per maand koken voor ouderen die alleen wonen. Hij "
            "stuurt de gemeente een e-mail met zijn plan en vraagt waar hij kan koken. Weken hoort hij "
            "niets.\n\n"
            "Als hij opnieuw mailt, krijgt hij een brief met de regels voor voedselveiligheid en de "
            "mededeling dat hij een geschikte keuken moet regelen. Er staat niet bij hoe of waar. Hij wordt "
            "doorverwezen naar een andere afdeling, die hem weer terugstuurt. Henk wil er eigenlijk mee "
            "stoppen.\n\n"
            "Dan krijgt hij een nieuwe contactpersoon, een initiatievenmakelaar. Zij belt hem binnen twee "
            "dagen, komt langs en brengt hem in contact met het buurtcentrum, dat een goedgekeurde keuken "
            "heeft. Ze legt uit wat de hygiëneregels in de praktijk betekenen. Drie maanden later schuiven "
            "er twintig ouderen aan."
        ),
        "points": (
            "Waar ging het mis, en wat was het effect op Henk?\n"
            "Wat deed de initiatievenmakelaar anders?\n"
            "Hoe kun je regels uitleggen zonder de bewoner te ontmoedigen?\n"
            "Welke afspraak over reactietijd had hier geholpen?"
        ),
        "links": [("V4", SHOWS), ("V5", SHOWS), ("V3", SHOWS), ("SF12", SHOWS), ("SF16", SHOWS)],
    },
    {
        "key": "groen-op-het-lindeplein",
        "title": "Het groen op het Lindeplein (uitdaagrecht)",
        "theme": Theme.LIVEABLE,
        "summary": "Bewoners dagen de gemeente uit: zij willen het groenonderhoud van hun plein overnemen.",
        "body": (
            "Op het Lindeplein wordt het gras twee keer per jaar gemaaid en de plantenbakken staan vol onkruid. "
            "Anouk en vijf buren vinden dat het beter kan. Ze lezen dat hun gemeente het uitdaagrecht kent en "
            "vullen het formulier in: 'Wij willen het groenonderhoud van ons plein overnemen.'\n\n"
            "De contactpersoon plant een eerste gesprek op het plein. Ze vraagt eerst waarom het plein de buren "
            "zo raakt, en pas daarna naar het plan. Samen zoeken ze uit wat de taak nu kost: ongeveer 4.000 euro "
            "per jaar. De afdeling Beheer openbare ruimte geeft via een warme overdracht advies: maaien mag, "
            "bomen snoeien niet. Een veiligheidseis komt dus vroeg op tafel, niet na maanden. De buren halen 42 "
            "handtekeningen op en regelen de vrijwilligersverzekering van de gemeente.\n\n"
            "De gemeente beoordeelt het plan op vijf punten: meerwaarde, draagvlak, eigenaarschap, niet duurder "
            "en minstens dezelfde kwaliteit. Het besluit: deels toegekend. De bewoners doen het maaien en de "
            "plantenbakken voor 3.500 euro per jaar; de bomen blijven bij de gemeente. In de overeenkomst staan "
            "drie momenten om samen te kijken hoe het gaat. Na een jaar wil een tweede plein in de wijk hetzelfde."
        ),
        "points": (
            "Waarom begon de contactpersoon met de motivatie en niet met de regels?\n"
            "Wat maakt een uitdaging anders dan een gewoon idee, voor de bewoners en voor de gemeente?\n"
            "Welke twee rollen heeft de gemeente hier tegelijk?\n"
            "Hoe leg je een 'deels' besluit uit zonder de bewoners te ontmoedigen?\n"
            "Wat moet er in de overeenkomst staan zodat het na een jaar nog loopt?"
        ),
        "links": [
            ("V9", AVOIDS),
            ("V1", RISK),
            ("SF7", SHOWS),
            ("SF2", SHOWS),
            ("SF15", SHOWS),
            ("faciliteren", SHOWS),
            ("reguleren", SHOWS),
        ],
    },
]
