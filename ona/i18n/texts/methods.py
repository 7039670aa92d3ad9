"""Texts of the methods layer: community detection, key players and missing data (``methods.``)."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "methods.error.community_method": {
        "nl": "Onbekende methode voor informele groepen '{method}'; kies 'leiden' of 'louvain'.",
        "en": "Unknown community method '{method}'; choose 'leiden' or 'louvain'.",
    },
    "methods.error.key_player_objective": {
        "nl": "Onbekende maat voor sleutelfiguren '{objective}'; kies 'fragmentation', 'distance_fragmentation' "
              "of 'reach'.",
        "en": "Unknown key-player measure '{objective}'; choose 'fragmentation', 'distance_fragmentation' or 'reach'.",
    },
    "methods.error.no_group": {
        "nl": "Er is geen {grouping} '{group}' in het netwerk. Kies een van: {groups}.",
        "en": "There is no {grouping} '{group}' in the network. Pick one of: {groups}.",
    },
    "methods.error.missing_treatment": {
        "nl": "Onbekende behandeling van ontbrekende relaties '{missing}'; kies 'none' of 'reconstruct'.",
        "en": "Unknown treatment of missing ties '{missing}'; choose 'none' or 'reconstruct'.",
    },
    "metric.key_player": {"nl": "Sleutelfiguur", "en": "Key player"},
    "methods.cli.robust": {
        "nl": "Bestand tegen de niet-respondenten: {robust} van de {n} bevindingen (zie 'robustness' in findings.json).",
        "en": "Robust to the non-respondents: {robust} of {n} findings (see 'robustness' in findings.json).",
    },
    "methods.app.method": {"nl": "Informele groepen vinden met", "en": "Find communities with"},
    "methods.app.method.leiden": {"nl": "Leiden (aanbevolen)", "en": "Leiden (recommended)"},
    "methods.app.method.louvain": {"nl": "Louvain", "en": "Louvain"},
    "methods.app.method.help": {
        "nl": "Leiden zorgt dat elke informele groep aaneengesloten is; Louvain kan groepen geven waarvan de leden "
              "elkaar niet via elkaar bereiken. Beide worden vijf keer gedraaid en gecombineerd; stabiele groepen "
              "komen elke keer terug.",
        "en": "Leiden keeps every community connected; Louvain can return communities whose members cannot reach "
              "each other through the community. Both run five times and are combined; stable communities come "
              "back every time.",
    },
    "summary.communities_stable": {"nl": "Stabiele gemeenschappen", "en": "Stable communities"},
    "summary.community_method": {"nl": "Gemeenschappen gevonden met", "en": "Communities found with"},
    "methods.and": {"nl": "en", "en": "and"},
    "methods.finding.key_players": {
        "nl": "{people} houden de organisatie bij elkaar: zonder hen zouden {cut} van de {connected} paren collega's "
              "die elkaar nu via hun relaties kunnen bereiken ({share}) geen enkele verbinding meer met elkaar hebben. "
              "De {k} mensen met de meeste relaties zouden samen {degree_share} van die paren afsnijden.",
        "en": "{people} hold the organisation together: without them, {cut} of the {connected} pairs of colleagues "
              "who can now reach each other through their ties ({share}) would have no connection left at all. "
              "The {k} people with the most ties would together cut {degree_share} of those pairs.",
    },
    "methods.finding.key_players.anonymous": {
        "nl": "{k} mensen houden de organisatie bij elkaar: zonder hen zouden {cut} van de {connected} paren "
              "collega's die elkaar nu via hun relaties kunnen bereiken ({share}) geen enkele verbinding meer met "
              "elkaar hebben. Wie het zijn blijft ongenoemd: daarvoor hebben te weinig mensen de vragenlijst ingevuld.",
        "en": "{k} people hold the organisation together: without them, {cut} of the {connected} pairs of "
              "colleagues who can now reach each other through their ties ({share}) would have no connection left "
              "at all. Who they are is not said: too few people answered the survey for that.",
    },
    "methods.finding.key_players.suggestion1": {
        "nl": "Zorg dat hun contacten en kennis ook bij anderen liggen: koppel elk van hen aan een collega "
              "(meelopen, overdracht) voordat iemand vertrekt of uitvalt.",
        "en": "Make sure their contacts and knowledge also sit with others: pair each of them with a colleague "
              "(shadowing, handover) before anyone leaves or falls ill.",
    },
    "methods.finding.key_players.suggestion2": {
        "nl": "Leg directe verbindingen tussen de groepen die nu alleen via hen contact hebben, bijvoorbeeld met "
              "een gezamenlijk overleg of project.",
        "en": "Build direct links between the groups that now meet only through them, for example with a joint "
              "meeting or project.",
    },
}
