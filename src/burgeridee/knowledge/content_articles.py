# ruff: noqa: E501  (long lines of Dutch text read better unbroken)
"""Default content: articles (background on a route or a rule). Our own words, plain Dutch."""

ARTICLES = [
    {
        "key": "artikel-uitdaagrecht",
        "title": "Het uitdaagrecht: bewoners nemen een taak over",
        "summary": "Bewoners mogen vragen of zij een taak van de gemeente mogen overnemen, als zij die even goed of beter kunnen doen.",
        "body": (
            "De Wet versterking participatie op decentraal niveau verplicht elke gemeente om in een "
            "participatieverordening vast te leggen hoe inwoners meedoen. De verordening kan bewoners het "
            "uitdaagrecht geven: zij mogen de gemeente uitdagen om een taak over te nemen, zoals het groen op hun "
            "plein, het beheer van een buurthuis of het onderhoud van een speeltuin.\\n\\n"
            "Een uitdaging is een bijzonder soort initiatief. Het begint net als elk idee: met een vaste "
            "contactpersoon en een eerste gesprek. Daarin gebruikt u de variant van het gespreksmodel voor het "
            "uitdaagrecht. Daarna maakt u samen een plan: wat de bewoners doen, waar, het budget, de kwaliteit, de "
            "verzekering en het draagvlak (handtekeningen of brieven). De afdeling die de taak nu doet, geeft "
            "advies via een warme overdracht.\\n\\n"
            "De gemeente beoordeelt het plan op vaste punten: meerwaarde voor de samenleving, aantoonbaar "
            "draagvlak in de buurt, eigenaarschap blijft bij bewoners, niet duurder en minstens dezelfde "
            "kwaliteit. Het besluit (toegekend, deels of afgewezen) komt binnen de termijn uit de verordening, in "
            "een brief met de redenen en hoe de bewoners bezwaar maken: binnen zes weken (Awb). Bij een ja volgt "
            "een overeenkomst met een periode, een budget, de kwaliteit en momenten om samen te kijken hoe het "
            "gaat. Alle besluiten komen zonder namen op de website."
        ),
        "points": (
            "Een uitdaging volgt de gewone route van een initiatief, met eigen stappen erbij.\\n"
            "Begin het eerste gesprek met de motivatie, niet met de regels van het uitdaagrecht.\\n"
            "Vraag de afdeling van de taak vroeg om advies: zo komt een spelbreker niet laat.\\n"
            "Onderbouw elk beoordelingspunt; dat maakt ook een nee begrijpelijk.\\n"
            "De gemeente heeft twee rollen: begeleiden en besluiten. Zeg dat hardop."
        ),
    },
]
