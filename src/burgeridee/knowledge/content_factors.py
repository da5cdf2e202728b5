# ruff: noqa: E501  (long lines of Dutch text read better unbroken)
"""Default content: the nineteen success factors (SF1–SF19), the five roles and the life cycle."""

from .constants import FactorGroup

INITIATOR, NEIGHBOURHOOD, MUNICIPALITY = FactorGroup.INITIATOR, FactorGroup.NEIGHBOURHOOD, FactorGroup.MUNICIPALITY

SUCCESS_FACTORS = [
    {
        "key": "SF1",
        "group": INITIATOR,
        "title": "Animo: eigen drive",
        "summary": "De bewoners willen het zelf, en niet omdat iemand anders het vraagt.",
        "body": (
            "Een initiatief dat uit de bewoners zelf komt, heeft energie die je niet kunt organiseren. Die "
            "energie helpt door tegenslagen heen. Als gemeente kun je die drive niet maken, wel beschermen: "
            "luister naar het waarom achter het idee en laat het eigenaarschap bij de bewoners."
        ),
    },
    {
        "key": "SF2",
        "group": INITIATOR,
        "title": "Een kerngroep, geen eenmansactie",
        "summary": "Meerdere mensen dragen het initiatief en kunnen elkaar vervangen.",
        "body": (
            "Als het werk over een paar mensen is verdeeld, valt het initiatief niet om wanneer één persoon "
            "uitvalt. Een kerngroep brengt ook meer kennis, contacten en ideeën mee. Vraag in het eerste "
            "gesprek wie er meedoen en wie het kan overnemen."
        ),
    },
    {
        "key": "SF3",
        "group": INITIATOR,
        "title": "Toerusting: kunnen organiseren",
        "summary": "De groep kan plannen maken, taken verdelen en afspraken vastleggen.",
        "body": (
            "Een goed idee moet ook uitgevoerd worden. Dat vraagt om een plan, een begroting, duidelijke "
            "taken en afspraken op papier. Niet elke groep kan dat vanaf het begin. De gemeente of een "
            "opbouwwerker kan helpen met advies, een voorbeeld of een eenvoudig format."
        ),
    },
    {
        "key": "SF4",
        "group": INITIATOR,
        "title": "Leiderschap dat meebeweegt",
        "summary": "De trekkers kunnen zich aanpassen als de situatie of de groep verandert.",
        "body": (
            "Een initiatief verandert onderweg: er komen mensen bij, de buurt reageert, plannen lukken niet "
            "zoals gedacht. Trekkers die kunnen luisteren, taken loslaten en bijsturen, houden de groep bij "
            "elkaar. Bespreek gerust hoe de groep beslissingen neemt."
        ),
    },
    {
        "key": "SF5",
        "group": INITIATOR,
        "title": "Een helder en haalbaar doel",
        "summary": "Iedereen weet wat het initiatief wil bereiken, en dat is te doen.",
        "body": (
            "Een duidelijk doel helpt bij keuzes, bij het werven van mensen en bij het vragen van steun. "
            "Een haalbaar doel voorkomt teleurstelling. Denk daarbij ook aan later: wie zorgt voor "
            "onderhoud en vervanging als het eenmaal staat?"
        ),
    },
    {
        "key": "SF6",
        "group": INITIATOR,
        "title": "Open voor iedereen, geen eigen gewin",
        "summary": "Het initiatief is er voor de buurt, niet voor het voordeel van een paar mensen.",
        "body": (
            "Buren doen eerder mee en de gemeente steunt makkelijker als duidelijk is dat iedereen welkom is "
            "en niemand er privé beter van wordt. Vraag hoe het initiatief nieuwe mensen uitnodigt en hoe "
            "het met geld omgaat."
        ),
    },
    {
        "key": "SF7",
        "group": NEIGHBOURHOOD,
        "title": "Aantoonbaar draagvlak",
        "summary": "De buren weten ervan en staan erachter; dat is ook te laten zien.",
        "body": (
            "Steun uit de buurt maakt een initiatief sterker en voorkomt bezwaren achteraf. Handtekeningen, "
            "reacties op een bewonersavond of mensen die meehelpen zijn goede bewijzen. Vraag wat de buren "
            "ervan vinden en wie er nog niet van weet."
        ),
    },
    {
        "key": "SF8",
        "group": NEIGHBOURHOOD,
        "title": "Contacten en partners",
        "summary": "Het initiatief werkt samen met bijvoorbeeld een woningcorporatie, school of ondernemers.",
        "body": (
            "Partners brengen ruimte, geld, kennis of mensen mee. Een initiatief met meerdere partners is "
            "minder afhankelijk van de gemeente. De gemeente kan helpen door de juiste mensen met elkaar in "
            "contact te brengen."
        ),
    },
    {
        "key": "SF9",
        "group": NEIGHBOURHOOD,
        "title": "Een plek en een echte behoefte",
        "summary": "Er is een geschikte plek en het initiatief voorziet in iets wat de buurt mist.",
        "body": (
            "Een initiatief zonder plek heeft het moeilijk, en een initiatief waar niemand om vraagt ook. "
            "Als beide er zijn, groeit het vaak vanzelf. Vraag wat de buurt nu mist en waar het initiatief "
            "kan landen."
        ),
    },
    {
        "key": "SF10",
        "group": NEIGHBOURHOOD,
        "title": "Zichtbare resultaten, samen gevierd",
        "summary": "De buurt ziet wat er bereikt is, en dat wordt gevierd.",
        "body": (
            "Resultaten die je kunt zien geven energie en trekken nieuwe mensen aan. Een kleine viering, "
            "een foto in de wijkkrant of een bedankje van de gemeente laat zien dat het werk gewaardeerd "
            "wordt. Zet daarbij de bewoners voorop."
        ),
    },
    {
        "key": "SF11",
        "group": NEIGHBOURHOOD,
        "title": "Inbedding in de wijk",
        "summary": "Het initiatief is verbonden met het wijkteam, welzijnswerk en andere initiatieven.",
        "body": (
            "Een initiatief dat weet wie er nog meer in de wijk actief is, kan doorverwijzen, samenwerken "
            "en hulp vinden als het lastig wordt. Het wijkteam of een sociaal makelaar kan die verbindingen "
            "leggen zonder het initiatief over te nemen."
        ),
    },
    {
        "key": "SF12",
        "group": MUNICIPALITY,
        "title": "Een vast aanspreekpunt",
        "summary": "De bewoners hebben één vaste persoon bij de gemeente, zoals een initiatievenmakelaar.",
        "body": (
            "Met één vast aanspreekpunt hoeven bewoners niet zelf de weg in de gemeente te zoeken. Die "
            "persoon kent het verhaal, houdt het overzicht en regelt de contacten met andere afdelingen. "
            "Dat scheelt tijd en voorkomt dat bewoners van het kastje naar de muur gaan."
        ),
    },
    {
        "key": "SF13",
        "group": MUNICIPALITY,
        "title": "Een constructieve houding, maatwerk",
        "summary": "De gemeente denkt mee en past haar aanpak aan het initiatief aan.",
        "body": (
            "Geen twee initiatieven zijn gelijk. Een ambtenaar die meedenkt over hoe iets wel kan, en "
            "regels en steun afstemt op de omvang van het initiatief, maakt veel mogelijk. Vraag jezelf af "
            "wat dit initiatief nodig heeft, niet wat de standaardprocedure is."
        ),
    },
    {
        "key": "SF14",
        "group": MUNICIPALITY,
        "title": "Eén overheid",
        "summary": "Afdelingen stemmen intern af en spreken met één stem.",
        "body": (
            "Als afdelingen vooraf samen kijken naar een initiatief, krijgt de bewoner één duidelijk "
            "antwoord in plaats van tegenstrijdige berichten. Dat vraagt om korte lijnen tussen collega's "
            "en iemand die de regie neemt binnen de gemeente."
        ),
    },
    {
        "key": "SF15",
        "group": MUNICIPALITY,
        "title": "Bekende en duidelijke mogelijkheden",
        "summary": "Bewoners kunnen vooraf zien welke steun er is en onder welke voorwaarden.",
        "body": (
            "Als de mogelijkheden en voorwaarden bekend zijn, weten bewoners waar ze aan toe zijn en hoeven "
            "ze niet te zoeken. Denk aan een overzicht van het wijkbudget, uitleenspullen, de melding voor "
            "een klein evenement en de vrijwilligersverzekering."
        ),
    },
    {
        "key": "SF16",
        "group": MUNICIPALITY,
        "title": "Empathie en korte lijnen",
        "summary": "De ambtenaar leeft zich in en is makkelijk bereikbaar.",
        "body": (
            "Bewoners doen dit in hun vrije tijd en met veel energie. Een ambtenaar die dat ziet, snel "
            "reageert en even belt in plaats van een brief stuurt, bouwt vertrouwen op. Korte lijnen maken "
            "kleine problemen klein."
        ),
    },
    {
        "key": "SF17",
        "group": MUNICIPALITY,
        "title": "Ruimte voor ambtenaren (mandaat)",
        "summary": "De ambtenaar mag zelf beslissingen nemen binnen duidelijke grenzen.",
        "body": (
            "Een ambtenaar die voor elke kleine toezegging toestemming moet vragen, is traag. Met een "
            "duidelijk mandaat kan hij in het gesprek zelf ja zeggen op kleine vragen. Weet wat je mag "
            "beloven, en vraag om meer ruimte als dat nodig is."
        ),
    },
    {
        "key": "SF18",
        "group": MUNICIPALITY,
        "title": "Kleine, snelle middelen",
        "summary": "Een klein budget, uitleenspullen en snelle beslissingen voor kleine vragen.",
        "body": (
            "Veel initiatieven hebben weinig nodig: een aanhanger, grijpers, een paar tafels of een klein "
            "bedrag. Als dat snel en zonder veel papier geregeld kan, blijft de energie erin. Houd zulke "
            "middelen bij de hand en maak ze bekend."
        ),
    },
    {
        "key": "SF19",
        "group": MUNICIPALITY,
        "title": "Respect voor eigen regie",
        "summary": "De gemeente respecteert dat het initiatief van de bewoners is.",
        "body": (
            "De bewoners bepalen de koers van hun initiatief, ook als de gemeente het anders zou doen. "
            "Respect voor hun keuzes houdt de motivatie hoog en voorkomt dat de gemeente het overneemt. "
            "Steun waar gevraagd, en stap terug waar het kan."
        ),
    },
]

ROLES = [
    {
        "key": "loslaten",
        "title": "Loslaten",
        "summary": "De gemeente doet niets: de bewoners regelen het zelf.",
        "body": (
            "De gemeente is niet betrokken. Dat past bij activiteiten die privé zijn, weinig risico hebben "
            "en niet om gemeentelijke steun of toestemming vragen. Loslaten is geen desinteresse: het is "
            "vertrouwen dat bewoners het zelf kunnen."
        ),
        "example": "Buren organiseren een etentje in een eigen tuin. Er is niets te regelen bij de gemeente.",
        "points": "Privé of op eigen grond\nWeinig risico\nGeen steun of toestemming nodig",
    },
    {
        "key": "faciliteren",
        "title": "Faciliteren",
        "summary": "De gemeente helpt met middelen en haalt obstakels weg; de bewoners leiden.",
        "body": (
            "De bewoners hebben de regie. De gemeente helpt met spullen, een ruimte, een klein budget, "
            "advies of het wegnemen van een regel die in de weg zit. Dit is de rol die bij de meeste "
            "bewonersinitiatieven past."
        ),
        "example": "Voor een opruimactie leent de gemeente een aanhanger, grijpers en vuilniszakken uit.",
        "points": "De bewoners trekken het initiatief\nEr is een concrete, vaak kleine hulpvraag\nDe gemeente kan een drempel wegnemen",
    },
    {
        "key": "stimuleren",
        "title": "Stimuleren",
        "summary": "De gemeente moedigt actief aan, omdat er een publiek belang is.",
        "body": (
            "Er is een publiek belang, maar nog maar weinig bewoners die het oppakken. De gemeente zet "
            "zelf een stap: ze maakt het bekend, geeft een bijdrage of nodigt mensen uit. Het initiatief "
            "blijft wel van de bewoners."
        ),
        "example": "De gemeente betaalt mee aan een AED in de straat als bewoners het grootste deel zelf ophalen.",
        "points": "Er is een duidelijk publiek belang\nNog weinig bewoners zijn actief\nEen duwtje helpt het op gang",
    },
    {
        "key": "regisseren",
        "title": "Regisseren",
        "summary": "De gemeente brengt partijen samen en houdt de regie.",
        "body": (
            "Er zijn veel belanghebbenden, en er moet iemand zijn die ze bij elkaar brengt en het proces "
            "bewaakt. De gemeente neemt die rol, maar laat de inhoud zoveel mogelijk bij de partijen. Ze "
            "zorgt ook dat haar eigen afdelingen met één stem spreken."
        ),
        "example": "Bewoners willen zonnepanelen op het dak van een sporthal van de gemeente, met een coöperatie en de sportclub.",
        "points": "Veel partijen en belangen\nGemeentelijk eigendom of beleid speelt mee\nInterne afstemming is nodig",
    },
    {
        "key": "reguleren",
        "title": "Reguleren",
        "summary": "De gemeente stelt regels en ziet erop toe, vanwege veiligheid of wettelijke plichten.",
        "body": (
            "Soms moet de gemeente regels stellen en handhaven, bijvoorbeeld voor veiligheid of omdat de "
            "wet dat vraagt. Vaak heeft de gemeente die rol naast een andere, zoals faciliteren. Zeg dat "
            "dan eerlijk tegen de bewoners: 'Ik help u, en tegelijk moet mijn collega de vergunning toetsen.'"
        ),
        "example": "Een speeltoestel in de openbare ruimte moet aan de veiligheidsregels voldoen en wordt gekeurd.",
        "points": "Veiligheid van anderen speelt mee\nEr is een wettelijke plicht, zoals een vergunning\nLeg uit welke rol je nog meer hebt",
    },
]

PHASES = [
    {
        "key": "fase-idee",
        "title": "Idee",
        "summary": "Een bewoner heeft een idee en meldt zich bij de gemeente.",
        "body": (
            "Alles begint met een bewoner die iets wil voor de buurt. In deze fase is het belangrijk om "
            "snel te reageren, kennis te maken en te kijken of het echt een initiatief is of eigenlijk een "
            "klacht, melding of vraag."
        ),
        "points": "Reageer snel en noem een datum\nPlan het eerste gesprek, liefst in de buurt\nZoek op wat er al bekend is",
    },
    {
        "key": "fase-verkennen",
        "title": "Verkennen en kopgroep",
        "summary": "Het idee wordt verkend en er vormt zich een groep die het trekt.",
        "body": (
            "In het eerste gesprek en daarna verkennen bewoners en gemeente samen het idee: voor wie is "
            "het, wat moet het opleveren, wie doen er mee? Er ontstaat een kopgroep die het initiatief "
            "gaat dragen."
        ),
        "points": "Vraag naar de kerngroep en vervangers\nCheck vroeg op showstoppers\nSpreek de rol van de gemeente af",
    },
    {
        "key": "fase-plan",
        "title": "Plan en draagvlak",
        "summary": "De bewoners maken een plan en zoeken steun in de buurt.",
        "body": (
            "De kopgroep werkt het idee uit tot een plan en gaat in gesprek met de buren en mogelijke "
            "partners. Het draagvlak wordt zichtbaar, en het plan wordt haalbaar gemaakt."
        ),
        "points": "Help met een eenvoudig format, niet met een dik formulier\nVraag wie er nog ontbreekt\nLeg contact met partners",
    },
    {
        "key": "fase-afspraken",
        "title": "Aanvraag en afspraken",
        "summary": "De hulp wordt aangevraagd en de afspraken worden vastgelegd.",
        "body": (
            "De bewoners vragen aan wat ze nodig hebben: geld, een plek, een vergunning, spullen. Gemeente "
            "en bewoners leggen vast wie wat doet en wanneer, en wie het vaste aanspreekpunt is."
        ),
        "points": "Houd eisen in verhouding tot de omvang\nBevestig afspraken schriftelijk\nStem intern af: één stem",
    },
    {
        "key": "fase-uitvoering",
        "title": "Uitvoering",
        "summary": "Het initiatief gaat van start.",
        "body": (
            "Nu gebeurt het: de tuin wordt aangelegd, de eerste maaltijd gekookt, het feest gevierd. De "
            "gemeente blijft bereikbaar en houdt zich aan haar afspraken, zonder het over te nemen."
        ),
        "points": "Blijf bereikbaar en bel op de afgesproken datum\nVier de eerste resultaten\nLet op overbelasting van de trekker",
    },
    {
        "key": "fase-borgen",
        "title": "Borgen",
        "summary": "Het initiatief wordt duurzaam: onderhoud, opvolging en eigen kracht.",
        "body": (
            "Een initiatief dat langer loopt, moet ook overeind blijven als mensen vertrekken of geld "
            "stopt. Denk aan onderhoud, opvolging in de groep, meerdere geldbronnen en vaste afspraken over "
            "wie waarvoor verantwoordelijk is."
        ),
        "points": "Wie doet het onderhoud en betaalt vervanging?\nWie neemt het over als iemand stopt?\nZijn er meerdere geldbronnen?",
    },
    {
        "key": "fase-evalueren",
        "title": "Evalueren",
        "summary": "Bewoners en gemeente kijken samen terug op het proces en het resultaat.",
        "body": (
            "Op een afgesproken moment kijken bewoners en gemeente samen terug. Wat ging goed, wat kan "
            "beter, ook aan de kant van de gemeente? Daarna kiezen de bewoners: doorgaan, uitbreiden, "
            "overdragen aan anderen of afronden."
        ),
        "points": "Vraag ook hoe de bewoners de gemeente vonden\nLeg lessen vast voor een volgend initiatief\nBespreek doorgaan, uitbreiden, overdragen of afronden",
    },
    {
        "key": "fase-na-evaluatie",
        "title": "Doorgaan, uitbreiden, overdragen of afronden",
        "summary": "Na de evaluatie kiezen de bewoners hoe het verder gaat.",
        "body": (
            "Sommige initiatieven gaan door zoals ze zijn, andere worden groter. Soms neemt een andere "
            "groep of organisatie het over. En veel initiatieven zijn klein en eenmalig: die ronden af, en "
            "dat is een prima einde."
        ),
        "points": "Doorgaan zoals het is\nUitbreiden naar meer mensen of plekken\nOverdragen aan een andere groep of organisatie\nAfronden: het doel is bereikt",
    },
    {
        "key": "fase-gepauzeerd",
        "title": "Gepauzeerd",
        "summary": "Het initiatief staat even stil, met de bedoeling later verder te gaan.",
        "body": (
            "Soms is er even geen tijd, geld of energie. Een pauze is geen mislukking. Spreek af wanneer "
            "je weer contact hebt, zodat het initiatief niet ongemerkt stopt."
        ),
        "points": "Spreek een datum af om weer te bellen\nVraag wat er nodig is om verder te gaan",
    },
    {
        "key": "fase-gestopt",
        "title": "Gestopt",
        "summary": "Het initiatief is gestopt; de reden wordt vastgelegd.",
        "body": (
            "Initiatieven stoppen om allerlei redenen. Leg de reden vast: zo leert de gemeente waar zij "
            "zelf iets anders kan doen. Een aantal redenen komt vaak voor."
        ),
        "points": (
            "De trekker raakt opgebrand of valt weg\nOnenigheid in de groep\nNiemand voelt zich "
            "verantwoordelijk\nHet geld houdt op\nIets van buitenaf, zoals een crisis of verbouwing\n"
            "Trage of tegenwerkende processen bij de gemeente\nHet initiatief is opgeslokt door beleid\n"
            "Een natuurlijk einde: het was eenmalig"
        ),
    },
    {
        "key": "fase-geen-initiatief",
        "title": "Geen initiatief",
        "summary": "Het bleek een klacht, melding of vraag; de bewoner is warm doorverwezen.",
        "body": (
            "Niet alles wat binnenkomt is een initiatief. Soms is het een klacht over de buurt, een melding "
            "van iets kapots of een vraag. Verwijs dan warm door: zorg dat de juiste collega het oppakt en "
            "laat de bewoner weten wie dat is."
        ),
        "points": "Verwijs persoonlijk door, niet met een algemeen nummer\nLaat de bewoner weten wie het oppakt",
    },
]
