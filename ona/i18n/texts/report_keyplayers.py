"""Texts of the key-player pages of the reports (``report.kp.``): see :func:`ona.documents.build.build_report`.

The sentences about what a set does are shared with the app's People page (``methods.app.kp.*`` in
:mod:`ona.i18n.texts.methods`, said by :func:`ona.findings.keyplayers.key_player_text`).
"""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "report.kp.heading": {"nl": "Sleutelfiguren", "en": "Key players"},
    "report.kp.lead": {
        "nl": "Welke {k} mensen houden de organisatie samen het meest bij elkaar, en welke {k} bereiken samen de "
              "meeste collega's? Het gaat om het beste groepje samen, niet om de losse mensen met de meeste "
              "relaties: twee mensen met veel relaties kennen vaak dezelfde collega's (Borgatti 2006). Alle "
              "vragen tellen samen: twee mensen zijn verbonden als een van beiden de ander in een vraag noemde.",
        "en": "Which {k} people hold the organisation together most, and which {k} together reach the most "
              "colleagues? This is about the best group together, not the individual people with the most ties: "
              "two people with many ties often know the same colleagues (Borgatti 2006). All questions count "
              "together: two people are connected when either named the other in any question.",
    },
    "report.kp.cut.caption": {
        "nl": "Houden de organisatie bij elkaar",
        "en": "Hold the organisation together",
    },
    "report.kp.reach.caption": {
        "nl": "Bereiken samen de meeste collega's",
        "en": "Together reach the most colleagues",
    },
    "report.kp.pair.caption": {
        "nl": "Houden {a} en {b} bij elkaar",
        "en": "Hold {a} and {b} together",
    },
    "report.kp.cut.none": {
        "nl": "ona vond geen {k} mensen zonder wie collega's van elkaar afgesneden raken: wie nu via hun relaties "
              "met elkaar verbonden is, blijft dat ook zonder een paar mensen. De organisatie hangt niet aan een "
              "paar mensen.",
        "en": "ona found no {k} people without whom colleagues would be cut off from each other: people who are "
              "connected through their ties now stay connected without a few people. The organisation does not "
              "hang on a few people.",
    },
    "report.kp.cut.none.pairs": {
        "nl": "Voor {pairs} vond ona geen {k} mensen zonder wie collega's uit de twee van elkaar afgesneden raken: "
              "die verbindingen hangen niet aan een paar mensen.",
        "en": "For {pairs}, ona found no {k} people without whom colleagues across the two would be cut off from "
              "each other: those connections do not hang on a few people.",
    },
    "report.kp.pair": {"nl": "{a} – {b}", "en": "{a} – {b}"},
    "report.kp.person": {"nl": "Persoon", "en": "Person"},
    "report.kp.ties": {"nl": "Relaties", "en": "Ties"},
    "report.kp.contribution": {"nl": "Bijdrage", "en": "Contribution"},
    "report.kp.best_connected": {
        "nl": "De {k} mensen met de meeste relaties, ter vergelijking",
        "en": "The {k} people with the most ties, for comparison",
    },
    "report.kp.best_connected.one": {
        "nl": "De persoon met de meeste relaties, ter vergelijking",
        "en": "The person with the most ties, for comparison",
    },
    "report.kp.how": {
        "nl": "Bijdrage: hoeveel minder het groepje bereikt zonder deze persoon (0 = niets, 1 = alles). Bij bij "
              "elkaar houden noemt ona alleen wie nodig is: wie zelf niemand afsnijdt, blijft ongenoemd. "
              "{search} Een feit over het netwerk zoals het is opgegeven, geen oordeel over personen: bespreek "
              "het met hen en hun leidinggevende.",
        "en": "Contribution: how much less the set achieves without this person (0 = nothing, 1 = everything). "
              "For holding together ona names only who is needed: who cuts nobody off themselves is not named. "
              "{search} A fact about the network as reported, not a judgement of people: discuss it with them and "
              "their manager.",
    },
    "report.kp.search.exhaustive": {
        "nl": "Gevonden door elk mogelijk groepje te proberen: dit zijn de beste.",
        "en": "Found by trying every possible set: these are the best.",
    },
    "report.kp.search.swap": {
        "nl": "Gevonden met Borgatti's zoekmethode (steeds één persoon ruilen zolang het groepje beter wordt), "
              "in een vast aantal stappen, zodat het rapport bij elke keer maken hetzelfde is.",
        "en": "Found with Borgatti's search (swapping one person at a time while the set improves), in a fixed "
              "number of steps, so the report is the same every time it is made.",
    },
    "report.kp.search.stopped": {
        "nl": "Gevonden met Borgatti's zoekmethode (steeds één persoon ruilen zolang het groepje beter wordt); "
              "de zoektocht stopte na een vast aantal stappen, zodat het rapport bij elke keer maken hetzelfde "
              "is: een iets beter groepje is mogelijk.",
        "en": "Found with Borgatti's search (swapping one person at a time while the set improves); the search "
              "stopped after a fixed number of steps, so the report is the same every time it is made: a slightly "
              "better set is possible.",
    },
    "report.kp.pairs.heading": {
        "nl": "Sleutelfiguren tussen {units}",
        "en": "Key players between {units}",
    },
    "report.kp.pairs.lead": {
        "nl": "Per paar {units} dat dit rapport bespreekt: de hoogstens {k} mensen zonder wie de meeste paren "
              "collega's uit de twee {units} elkaar niet meer kunnen bereiken. Zij mogen uit elke {unit} komen.",
        "en": "For each pair of {units} this report discusses: the at most {k} people without whom the most pairs "
              "of colleagues across the two {units} could no longer reach each other. They may come from any "
              "{unit}.",
    },
    "report.kp.pairs.first": {
        "nl": "Dit rapport bespreekt {n} paren {units}; hier staan de eerste {shown}: eerst de afgesproken "
              "samenwerkingen, dan de paren met de belangrijkste bevindingen.",
        "en": "This report discusses {n} pairs of {units}; here are the first {shown}: the agreed collaborations "
              "first, then the pairs with the most important findings.",
    },
    "report.kp.pairs.small": {
        "nl": "Niet gezocht voor {pairs}: een van beide heeft {k} of minder mensen in dit overzicht.",
        "en": "Not searched for {pairs}: one of the two has {k} or fewer people in this overview.",
    },
}
