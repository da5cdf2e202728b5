# ruff: noqa: E501  (long lines of Dutch text read better unbroken)
"""Default content: the seventeen pitfalls (V1–V17). Our own words, plain Dutch."""

PITFALLS = [
    {
        "key": "V1",
        "title": "Overnemen of doodknuffelen",
        "summary": "De gemeente gaat het project zelf trekken en de bewoners raken hun idee kwijt.",
        "what_goes_wrong": (
            "Een enthousiaste ambtenaar wil helpen en neemt steeds meer taken over: de planning, de "
            "aanvraag, de contacten met andere afdelingen. Na een paar maanden is het een gemeenteproject "
            "geworden. De bewoners voelen zich toeschouwer en haken af. Als de ambtenaar daarna een andere "
            "baan krijgt, valt alles stil."
        ),
        "why_it_happens": (
            "Het is goed bedoeld. De ambtenaar kent de weg en denkt dat het zo sneller gaat. Soms speelt "
            "ook mee dat de gemeente het resultaat graag wil laten zien, of dat de ambtenaar bang is dat "
            "het anders misgaat."
        ),
        "what_works_better": (
            "Vraag wat de bewoners zelf willen doen en welke hulp ze daarbij nodig hebben. Geef die hulp, "
            "en niet meer. Laat beslissingen bij de initiatiefnemers, ook als jij het anders zou doen. "
            "Spreek samen af wie wat doet en kijk regelmatig of die verdeling nog klopt."
        ),
        "signal": (
            "Jij schrijft de plannen en belt de partners. De bewoners vragen jou wat de volgende stap is. "
            "In jouw verslagen staat steeds 'wij' waar 'de bewoners' zou moeten staan."
        ),
        "self_question": "Doe ik nu iets wat de bewoners zelf kunnen en willen doen?",
    },
    {
        "key": "V2",
        "title": "Inkapselen",
        "summary": "Het idee wordt in beleid getrokken, groter gemaakt en verliest zijn eigen karakter.",
        "what_goes_wrong": (
            "Een klein idee past mooi bij een gemeentelijk programma. Dus wordt het gekoppeld, opgeschaald "
            "en voorzien van doelen en indicatoren. Er komen voorwaarden en overleggen bij. Het idee van de "
            "bewoners is daarna nauwelijks nog te herkennen, en hun energie is weg."
        ),
        "why_it_happens": (
            "Gemeenten werken met programma's, budgetten en doelen. Een initiatief dat daarin past, is "
            "makkelijk te verantwoorden. Het voelt als een compliment om het idee 'groter' te maken."
        ),
        "what_works_better": (
            "Bescherm de eigen doelen van de bewoners. Koppel het initiatief alleen aan beleid als de "
            "bewoners dat zelf willen en begrijpen wat het betekent. Vraag: wat willen jullie bereiken, en "
            "hoe groot willen jullie het maken?"
        ),
        "signal": (
            "In het gesprek gaat het vooral over het programma van de gemeente. De bewoners moeten "
            "formulieren invullen die voor een veel groter project zijn bedoeld."
        ),
        "self_question": "Wiens doel dien ik nu: dat van de bewoners of dat van mijn organisatie?",
    },
    {
        "key": "V3",
        "title": "Van het kastje naar de muur",
        "summary": "De bewoner wordt van afdeling naar afdeling gestuurd, zonder warme overdracht.",
        "what_goes_wrong": (
            "De bewoner belt de gemeente en krijgt een ander nummer. Daar hoort hij dat hij bij weer een "
            "andere afdeling moet zijn. Elke keer moet hij het hele verhaal opnieuw vertellen. Na een paar "
            "keer geeft hij het op, of hij wordt boos."
        ),
        "why_it_happens": (
            "Een initiatief raakt vaak meerdere afdelingen tegelijk. Niemand voelt zich eigenaar van het "
            "geheel. Doorverwijzen lijkt behulpzaam, maar het werk komt zo bij de bewoner terecht."
        ),
        "what_works_better": (
            "Zorg voor één vast aanspreekpunt dat het initiatief blijft volgen. Moet een collega iets doen, "
            "stel die dan persoonlijk voor: een warme overdracht, met het verhaal erbij. De bewoner hoeft "
            "het dan niet opnieuw te vertellen."
        ),
        "signal": (
            "Je zegt: 'Daarvoor moet u bij een andere afdeling zijn.' Je geeft een algemeen nummer in "
            "plaats van een naam. Je weet niet of de collega het verzoek echt heeft opgepakt."
        ),
        "self_question": "Weet de bewoner na dit gesprek precies wie hem verder helpt, en weet die collega het ook?",
    },
    {
        "key": "V4",
        "title": "Geen of traag antwoord",
        "summary": "Weken geen reactie: de bewoner weet niet of er iets gebeurt.",
        "what_goes_wrong": (
            "Een bewoner stuurt een e-mail of vult een formulier in en hoort daarna weken niets. Ook na een "
            "gesprek blijft het stil, omdat er intern nog iets moet worden uitgezocht. De bewoner denkt dat "
            "de gemeente niet geïnteresseerd is en verliest het vertrouwen."
        ),
        "why_it_happens": (
            "De ambtenaar wacht op een antwoord van een collega en wil pas iets laten horen als er nieuws "
            "is. Drukte en vakanties maken het erger. Er is vaak geen vaste termijn afgesproken."
        ),
        "what_works_better": (
            "Reageer binnen een vaste, korte termijn en zeg wanneer de bewoner weer iets hoort. Bel ook als "
            "er nog geen nieuws is: 'Ik heb nog geen antwoord, ik bel u volgende week dinsdag weer.' Zet de "
            "afspraak in je agenda."
        ),
        "signal": (
            "Je sluit een gesprek af met 'we nemen het mee'. Er liggen berichten van bewoners die je nog "
            "niet hebt beantwoord omdat je eerst iets wilt uitzoeken."
        ),
        "self_question": "Weet de bewoner op welke datum hij weer iets van mij hoort?",
    },
    {
        "key": "V5",
        "title": "Nee-reflex",
        "summary": "Te snel 'dat mag niet' zeggen, of de bewoner verdwaalt in regels.",
        "what_goes_wrong": (
            "Bij het eerste bezwaar zegt de gemeente nee. Of de bewoner krijgt een lijst met regels, "
            "vergunningen en voorwaarden zonder uitleg hoe het wel kan. Het initiatief strandt voordat het "
            "begonnen is."
        ),
        "why_it_happens": (
            "Ambtenaren willen risico's voorkomen en kennen de regels goed. Nee zeggen is veilig en snel. "
            "Uitzoeken hoe iets wel kan, kost tijd en overleg met collega's."
        ),
        "what_works_better": (
            "Begin met de vraag hoe het wél kan. Zoek samen naar een andere plek, een kleinere vorm of een "
            "eenvoudigere route. Is het echt niet mogelijk, leg dan uit waarom en denk mee over een "
            "alternatief."
        ),
        "signal": (
            "Je eerste reactie begint met 'dat gaat lastig worden' of 'daar zijn regels voor'. De bewoner "
            "gaat weg met een lijst regels maar zonder volgende stap."
        ),
        "self_question": "Heb ik gezocht naar een manier waarop het wel kan, voordat ik nee zeg?",
    },
    {
        "key": "V6",
        "title": "Bureaucratiseren",
        "summary": "Formulieren en verantwoording die niet in verhouding staan tot het initiatief.",
        "what_goes_wrong": (
            "Voor een kleine bijdrage moeten bewoners een uitgebreid plan, een begroting en rapportages "
            "aanleveren. Vrijwilligers besteden meer tijd aan papierwerk dan aan hun buurt. Sommigen stoppen "
            "ermee."
        ),
        "why_it_happens": (
            "Regels voor grote subsidies worden ook op kleine bedragen toegepast. De organisatie wil alles "
            "kunnen verantwoorden en is bang voor misbruik."
        ),
        "what_works_better": (
            "Maak de eisen evenredig aan de omvang en het risico. Bij een klein bedrag is een foto of een "
            "kort berichtje vaak genoeg. Vraag alleen wat je echt nodig hebt en leg uit waarom."
        ),
        "signal": (
            "Het aanvraagformulier is langer dan het plan van de bewoners. Je vraagt om een verslag waar "
            "niemand iets mee doet."
        ),
        "self_question": "Zou ik dit formulier zelf invullen voor dit bedrag, naast mijn werk?",
    },
    {
        "key": "V7",
        "title": "Meerdere monden",
        "summary": "Afdelingen zeggen verschillende dingen tegen dezelfde bewoner.",
        "what_goes_wrong": (
            "De ene afdeling is enthousiast, de andere zegt dat het niet kan, een derde stelt nieuwe "
            "voorwaarden. De bewoner weet niet wie gelijk heeft en wat hij moet doen. Het kost maanden "
            "voordat er een duidelijk antwoord is."
        ),
        "why_it_happens": (
            "Elke afdeling kijkt vanuit haar eigen taak en regels. Er is niemand die het geheel overziet "
            "en de antwoorden op elkaar afstemt voordat ze naar buiten gaan."
        ),
        "what_works_better": (
            "Stem eerst intern af en spreek dan met één stem. Breng de betrokken collega's samen aan tafel, "
            "liefst één keer, en geef de bewoner daarna één duidelijk antwoord via het vaste aanspreekpunt."
        ),
        "signal": (
            "De bewoner zegt: 'Maar uw collega zei iets anders.' Je hoort via de bewoner wat een andere "
            "afdeling heeft besloten."
        ),
        "self_question": "Weet ik wat mijn collega's al tegen deze bewoner hebben gezegd?",
    },
    {
        "key": "V8",
        "title": "Vaag over mogelijkheden",
        "summary": "Valse verwachtingen wekken, met teleurstelling achteraf.",
        "what_goes_wrong": (
            "In het eerste gesprek klinkt alles positief: 'Dat moet wel lukken.' Later blijkt het budget "
            "op, de locatie niet beschikbaar of het onderhoud niet geregeld. De teleurstelling is groter "
            "dan bij een eerlijk antwoord in het begin."
        ),
        "why_it_happens": (
            "De ambtenaar wil de bewoner niet ontmoedigen en weet zelf nog niet precies wat er kan. Een "
            "duidelijk 'nee' of 'misschien' voelt ongemakkelijk."
        ),
        "what_works_better": (
            "Zeg vroeg en duidelijk wat wel en niet kan, en wat je nog niet weet. Noem ook de voorwaarden: "
            "wie betaalt het onderhoud, wie is verantwoordelijk later? Beloof alleen wat je zelf kunt "
            "waarmaken."
        ),
        "signal": (
            "Je zegt 'dat komt vast goed' zonder het te weten. De bewoner vertelt anderen al dat de "
            "gemeente meedoet, terwijl er nog niets is besloten."
        ),
        "self_question": "Weet de bewoner wat nog onzeker is, en wie er later verantwoordelijk is?",
    },
    {
        "key": "V9",
        "title": "Laat nee",
        "summary": "Een blokkade komt pas na maanden boven: kabels, bestemming, veiligheid.",
        "what_goes_wrong": (
            "Bewoners werken maanden aan hun plan. Dan blijkt dat er kabels in de grond liggen, dat de grond "
            "een andere bestemming heeft of dat een speeltoestel aan strenge veiligheidseisen moet voldoen. "
            "Alles moet opnieuw, of het gaat helemaal niet door."
        ),
        "why_it_happens": (
            "In het eerste gesprek gaat het over het idee en het enthousiasme. Niemand kijkt meteen naar "
            "de harde voorwaarden, of de collega die het weet wordt pas laat gevraagd."
        ),
        "what_works_better": (
            "Doe in het eerste gesprek of kort daarna een snelle check op mogelijke showstoppers: "
            "eigendom van de grond, kabels en leidingen, vergunning, veiligheid, verzekering, onderhoud. "
            "Vraag de collega's die het weten meteen om een eerste blik."
        ),
        "signal": ("Je hebt nog niet gekeken van wie de grond is. Je denkt: 'Die vergunning regelen we later wel.'"),
        "self_question": "Welke harde voorwaarde kan dit idee straks nog tegenhouden, en weet ik dat nu al?",
    },
    {
        "key": "V10",
        "title": "Eerst beleid",
        "summary": "Wachten op een beleidskader terwijl bewoners niet willen wachten.",
        "what_goes_wrong": (
            "Het initiatief is nieuw en past nergens in. De gemeente wil eerst beleid of een regeling "
            "maken. Dat duurt een jaar of langer. Intussen zijn de bewoners hun energie kwijt of is de "
            "kans voorbij."
        ),
        "why_it_happens": (
            "Zonder kader voelt een ambtenaar zich niet gedekt. Gelijke behandeling is belangrijk, en een "
            "regeling lijkt de veilige route."
        ),
        "what_works_better": (
            "Gebruik de ruimte die er al is: bestaande budgetten, regels en mandaten. Doe het eerst één "
            "keer, kijk wat je leert, en maak pas daarna zo nodig beleid."
        ),
        "signal": (
            "Je zegt: 'Daar hebben we nog geen beleid voor.' Het initiatief staat op een lijst voor een "
            "toekomstige regeling."
        ),
        "self_question": "Wat kan ik nu al doen binnen de regels en middelen die er zijn?",
    },
    {
        "key": "V11",
        "title": "Sturen op eigen doelen",
        "summary": "Het initiatief beoordelen op de doelen van de gemeente in plaats van op die van de bewoners.",
        "what_goes_wrong": (
            "De gemeente meet het succes van het initiatief aan haar eigen cijfers: bereik, doelgroepen, "
            "kosten per deelnemer. Het initiatief moet zich aanpassen om aan die eisen te voldoen en "
            "verliest zijn eigen dynamiek."
        ),
        "why_it_happens": (
            "De gemeente moet verantwoorden waar haar geld naartoe gaat. Het is verleidelijk om daar de "
            "eigen doelen voor te gebruiken."
        ),
        "what_works_better": (
            "Laat het initiatief zijn eigen koers volgen. Vraag de bewoners wanneer het voor hen geslaagd "
            "is en gebruik dat als maatstaf. Koppel alleen terug op wat echt nodig is."
        ),
        "signal": ("Je vraagt naar aantallen deelnemers uit een doelgroep waar de bewoners nooit op hebben gericht."),
        "self_question": "Wanneer is dit initiatief geslaagd volgens de bewoners zelf?",
    },
    {
        "key": "V12",
        "title": "Waardeoordeel of stokpaardje",
        "summary": "De ambtenaar vindt zelf iets van het idee en laat dat meewegen.",
        "what_goes_wrong": (
            "De ambtenaar vindt het idee niet mooi, of juist heel mooi omdat het bij zijn eigen "
            "stokpaardje past. Het ene initiatief krijgt daardoor veel aandacht, het andere weinig. "
            "Bewoners voelen zich beoordeeld in plaats van geholpen."
        ),
        "why_it_happens": (
            "Iedereen heeft eigen voorkeuren en ervaringen. Zonder duidelijke criteria sluipen die "
            "ongemerkt in het advies."
        ),
        "what_works_better": (
            "Beoordeel neutraal, aan de hand van vaste en bekende criteria. Durf nee te zeggen als het "
            "nodig is, maar altijd met een reden die de bewoner kan begrijpen. Merk je dat je het persoonlijk "
            "maakt, vraag dan een collega mee te kijken."
        ),
        "signal": (
            "Je denkt: 'Wat een onzinidee' of 'Dit is precies wat ik altijd al wilde.' Je geeft het ene "
            "initiatief voorrang zonder dat je kunt zeggen waarom."
        ),
        "self_question": "Zou ik hetzelfde adviseren als ik dit idee niet leuk of juist heel leuk vond?",
    },
    {
        "key": "V13",
        "title": "Met de eer strijken",
        "summary": "De wethouder of de gemeente gaat met het succes aan de haal.",
        "what_goes_wrong": (
            "Bij de opening staat de wethouder vooraan en in het persbericht staat vooral de gemeente. De "
            "bewoners die het werk deden, staan aan de zijkant. Ze voelen zich gebruikt en zijn minder "
            "gemotiveerd voor een volgend idee."
        ),
        "why_it_happens": (
            "Bestuurders willen laten zien wat de gemeente doet. Communicatie gaat vaak via de kanalen en "
            "woorden van de gemeente."
        ),
        "what_works_better": (
            "Zet de bewoners in de schijnwerpers. Laat hen het verhaal vertellen, noem hun namen en laat "
            "de bestuurder vooral bedanken. Vraag vooraf hoe de bewoners het succes willen vieren."
        ),
        "signal": "In het persbericht staat de wethouder eerder dan de bewoners, of de bewoners staan er niet in.",
        "self_question": "Wie krijgt de aandacht bij dit succes, en is dat terecht?",
    },
    {
        "key": "V14",
        "title": "Alleen geld",
        "summary": "Een subsidie als enige antwoord, ook als die niet past bij de vraag.",
        "what_goes_wrong": (
            "Elke vraag wordt vertaald naar een subsidieaanvraag. Maar de bewoners hadden vooral een "
            "ruimte, spullen of het juiste contact nodig. Of de subsidie is te groot en brengt te veel "
            "verplichtingen mee."
        ),
        "why_it_happens": (
            "Geld is het middel dat de gemeente het best kent en het makkelijkst kan geven. Andere vormen "
            "van steun zijn minder zichtbaar of liggen bij andere afdelingen."
        ),
        "what_works_better": (
            "Vraag eerst wat de bewoners nodig hebben. Denk ook aan ruimte, materialen, een netwerk of "
            "advies. Help bij het vinden van geld van buiten de gemeente, zoals fondsen of bedrijven uit "
            "de buurt."
        ),
        "signal": "Je eerste vraag is: 'Hoeveel geld heeft u nodig?'",
        "self_question": "Welke hulp, behalve geld, zou dit initiatief echt verder brengen?",
    },
    {
        "key": "V15",
        "title": "Afhankelijk maken",
        "summary": "Een initiatief dat alleen op de gemeente leunt, is kwetsbaar.",
        "what_goes_wrong": (
            "Het initiatief draait volledig op geld, ruimte of mensen van de gemeente. Als een budget stopt "
            "of beleid verandert, valt het om. Soms gaat de gemeente het initiatief ook zien als gratis "
            "uitvoerder van haar eigen taken."
        ),
        "why_it_happens": (
            "Steun van de gemeente is makkelijk en vertrouwd. Niemand denkt in het begin na over wat er "
            "gebeurt als die steun wegvalt."
        ),
        "what_works_better": (
            "Help het initiatief eigen kracht op te bouwen: meer vrijwilligers, eigen inkomsten, meerdere "
            "partners en geldbronnen. Spreek af hoe lang de steun van de gemeente duurt en wat er daarna "
            "gebeurt."
        ),
        "signal": (
            "De gemeente is de enige geldgever. Je vraagt het initiatief taken te doen die eigenlijk bij de "
            "gemeente horen."
        ),
        "self_question": "Bestaat dit initiatief nog als de gemeente morgen stopt met steunen?",
    },
    {
        "key": "V16",
        "title": "Alleen met de trekker",
        "summary": "Alles hangt aan één persoon; valt die weg, dan stopt het.",
        "what_goes_wrong": (
            "De gemeente praat alleen met de ene enthousiaste trekker. Alle kennis en contacten zitten bij "
            "hem of haar. Wordt de trekker ziek, verhuist hij of raakt hij opgebrand, dan stopt het "
            "initiatief."
        ),
        "why_it_happens": (
            "Eén vast contact is handig, en de trekker is vaak degene die belt en mailt. Naar de rest van "
            "de groep vraagt niemand."
        ),
        "what_works_better": (
            "Vraag naar de kerngroep: wie doen er nog meer mee, en wie neemt het over als de trekker "
            "uitvalt? Nodig ook anderen uit voor gesprekken en let op signalen van overbelasting."
        ),
        "signal": "Je kent maar één naam van het initiatief. De trekker zegt dat hij alles alleen doet.",
        "self_question": "Wie neemt het over als deze persoon morgen stopt?",
    },
    {
        "key": "V17",
        "title": "Alleen de usual suspects",
        "summary": "De groep is geen afspiegeling van de buurt; anderen voelen zich buitengesloten.",
        "what_goes_wrong": (
            "Steeds dezelfde actieve bewoners doen mee. Nieuwe bewoners, jongeren of mensen met een andere "
            "achtergrond komen niet of haken af. Het initiatief wordt een clubje en verliest draagvlak in "
            "de buurt."
        ),
        "why_it_happens": (
            "Mensen nodigen vooral mensen uit die op hen lijken. De gemeente kent de actieve bewoners al "
            "en spreekt hen het eerst aan."
        ),
        "what_works_better": (
            "Vraag wie er nog ontbreekt en hoe die mensen uitgenodigd kunnen worden. Denk aan andere "
            "plekken, tijden en talen. Een sociaal werker of opbouwwerker kan helpen om nieuwe groepen te "
            "bereiken."
        ),
        "signal": "Bij elke bijeenkomst zie je dezelfde gezichten. Nieuwkomers komen één keer en dan niet meer.",
        "self_question": "Wie uit de buurt zie ik hier niet, en waarom niet?",
    },
]
