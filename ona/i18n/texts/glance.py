"""Texts of issue 12 ("side by side at a glance") in the app: certainty, the People page for HR, what a
manager's view leaves out, and the network page's placement of small pieces."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "glance.robust": {
        "nl": "Blijft staan als we invullen wat de mensen die niet antwoordden zouden kunnen hebben gezegd.",
        "en": "Holds when we fill in what the people who did not answer might have said.",
    },
    "glance.not_robust": {
        "nl": "Let op: de ontbrekende antwoorden kunnen dit beeld nog veranderen.",
        "en": "Note: the missing answers could still change this picture.",
    },
}

STRINGS.update({
    "people.all": {"nl": "Alle kengetallen", "en": "All measures"},
    "people.all.help": {
        "nl": "Toon elk kengetal per persoon (tussenpositie, PageRank, makelaarsrollen ...), voor analisten.",
        "en": "Show every measure per person (betweenness, PageRank, brokerage roles ...), for analysts.",
    },
    "people.col.connects": {"nl": "Verbindt {units}", "en": "Connects {units}"},
    "people.col.connects.help": {
        "nl": "met hoeveel andere {units} iemand banden heeft; wie hoog scoort, verbindt {units}.",
        "en": "how many other {units} someone has ties with; a high number connects {units}.",
    },
    "people.col.bridge": {"nl": "Dunne verbinding hangt aan", "en": "Thin link hangs on"},
    "people.col.bridge.help": {
        "nl": "de banden tussen twee {units} lopen (bijna) alleen via deze persoon; valt die weg, dan is de "
              "verbinding weg.",
        "en": "the ties between two {units} run (almost) only through this person; without them the link "
              "is gone.",
    },
    "people.col.depended_on": {"nl": "Op wie velen leunen", "en": "Many depend on"},
    "people.col.depended_on.help": {
        "nl": "door hoeveel collega's iemand wordt genoemd in deze relatie; wie hoog scoort, is een aanspreekpunt "
              "(en kan overbelast raken).",
        "en": "how many colleagues name someone in this relation; a high number is a go-to person (who may be "
              "overloaded).",
    },
    "people.col.isolated": {"nl": "Geïsoleerd", "en": "Isolated"},
    "people.col.isolated.help": {
        "nl": "geen enkele band in deze relatie, gegeven noch ontvangen (leeg: niet ingevuld en door niemand "
              "genoemd, dus onbekend).",
        "en": "no tie at all in this relation, given or received (empty: did not answer and nobody named them, "
              "so unknown).",
    },
    "people.low_response": {
        "nl": "{response} van de mensen vulde de vragenlijst in. Cijfers over personen zijn pas betrouwbaar vanaf "
              "{high}: lees ze als aanwijzing om na te gaan, niet als conclusie.",
        "en": "{response} of the people answered the survey. Figures about individuals are reliable from {high}: "
              "read them as a lead to check, not a conclusion.",
    },
})

STRINGS.update({
    "glance.color.community": {"nl": "Informele groep", "en": "Informal group"},
    "glance.physics": {"nl": "Laten bewegen", "en": "Let it move"},
    "glance.physics.help": {
        "nl": "De punten duwen en trekken aan elkaar tot ze een plek vinden; uit houdt de tekening stil.",
        "en": "The points push and pull until they settle; off keeps the drawing still.",
    },
})

STRINGS.update({
    "glance.search_code": {"nl": "Zoek op code", "en": "Search by code"},
})

STRINGS.update({
    "glance.bridges": {"nl": "Dunne verbindingen markeren", "en": "Highlight thin links"},
})
