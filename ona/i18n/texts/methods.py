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
              "De {k} mensen met de meeste relaties zouden samen {degree_share} van zulke paren afsnijden.",
        "en": "{people} hold the organisation together: without them, {cut} of the {connected} pairs of colleagues "
              "who can now reach each other through their ties ({share}) would have no connection left at all. "
              "The {k} people with the most ties would together cut {degree_share} of such pairs.",
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
    "methods.app.kp.title": {"nl": "Sleutelfiguren zoeken", "en": "Find key players"},
    "methods.app.kp.help": {
        "nl": "Welke paar mensen houden de organisatie bij elkaar (zonder hen raken collega's van elkaar "
              "afgesneden), of bereiken iedereen het snelst (om iets te verspreiden)? Het gaat om het beste "
              "groepje samen, niet om de losse mensen met de meeste relaties (Borgatti 2006).",
        "en": "Which few people hold the organisation together (without them colleagues are cut off from each "
              "other), or reach everyone fastest (to spread something)? This is about the best group together, not "
              "the individual people with the most ties (Borgatti 2006).",
    },
    "methods.app.kp.aim": {"nl": "Waarvoor", "en": "What for"},
    "methods.app.kp.aim.fragmentation": {"nl": "Houden samen bij elkaar", "en": "Hold it together"},
    "methods.app.kp.aim.reach": {"nl": "Bereiken samen iedereen", "en": "Reach everyone"},
    "methods.app.kp.k": {"nl": "Aantal mensen", "en": "Number of people"},
    "methods.app.kp.pair": {"nl": "Alleen tussen twee groepen", "en": "Only between two groups"},
    "methods.app.kp.pair.all": {"nl": "De hele organisatie", "en": "The whole organisation"},
    "methods.app.kp.pair.one": {
        "nl": "Kies een tweede groep, of geen groep voor de hele organisatie.",
        "en": "Choose a second group, or no group for the whole organisation.",
    },
    "methods.app.kp.search": {"nl": "Zoeken", "en": "Search"},
    "methods.app.kp.searching": {"nl": "Sleutelfiguren zoeken...", "en": "Finding key players..."},
    "methods.app.kp.person": {"nl": "Persoon", "en": "Person"},
    "methods.app.kp.ties": {"nl": "Relaties", "en": "Ties"},
    "methods.app.kp.contribution": {"nl": "Bijdrage aan het groepje", "en": "Contribution to the set"},
    "methods.app.kp.cut": {
        "nl": "Zonder deze {k} mensen zouden {cut} van de {connected} paren collega's die elkaar nu via hun "
              "relaties kunnen bereiken ({share}) geen enkele verbinding meer hebben. De {degree_k} mensen met de "
              "meeste relaties zouden samen {degree_share} van zulke paren afsnijden.",
        "en": "Without these {k} people, {cut} of the {connected} pairs of colleagues who can now reach each other "
              "through their ties ({share}) would have no connection left. The {degree_k} people with the most ties "
              "would together cut {degree_share} of such pairs.",
    },
    "methods.app.kp.cut.pair": {
        "nl": "Zonder deze {k} mensen zouden {cut} van de {connected} paren van iemand uit {first} en iemand uit "
              "{second} die elkaar nu kunnen bereiken ({share}) geen enkele verbinding meer hebben. De {degree_k} "
              "mensen met de meeste relaties zouden samen {degree_share} van zulke paren afsnijden.",
        "en": "Without these {k} people, {cut} of the {connected} pairs of someone in {first} and someone in "
              "{second} who can now reach each other ({share}) would have no connection left. The {degree_k} people "
              "with the most ties would together cut {degree_share} of such pairs.",
    },
    "methods.app.kp.reach": {
        "nl": "Deze {k} mensen bereiken samen {one} van de {n} mensen direct (zijzelf meegeteld) en {two} binnen "
              "twee stappen. De {degree_k} mensen met de meeste relaties: {degree_one} direct en {degree_two} "
              "binnen twee stappen.",
        "en": "Together these {k} people reach {one} of the {n} people directly (themselves included) and {two} "
              "within two steps. The {degree_k} people with the most ties: {degree_one} directly and {degree_two} "
              "within two steps.",
    },
    "methods.app.kp.reach.pair": {
        "nl": "Deze {k} mensen bereiken samen {one} van de {n} mensen in {first} en {second} direct (zijzelf "
              "meegeteld) en {two} binnen twee stappen. De {degree_k} mensen met de meeste relaties: {degree_one} "
              "direct en {degree_two} binnen twee stappen.",
        "en": "Together these {k} people reach {one} of the {n} people in {first} and {second} directly (themselves "
              "included) and {two} within two steps. The {degree_k} people with the most ties: {degree_one} "
              "directly and {degree_two} within two steps.",
    },
    "methods.app.kp.cut.one": {
        "nl": "Zonder deze persoon zouden {cut} van de {connected} paren collega's die elkaar nu via hun relaties "
              "kunnen bereiken ({share}) geen enkele verbinding meer hebben. De persoon met de meeste relaties zou "
              "{degree_share} van zulke paren afsnijden.",
        "en": "Without this person, {cut} of the {connected} pairs of colleagues who can now reach each other "
              "through their ties ({share}) would have no connection left. The person with the most ties would cut "
              "{degree_share} of such pairs.",
    },
    "methods.app.kp.cut.pair.one": {
        "nl": "Zonder deze persoon zouden {cut} van de {connected} paren van iemand uit {first} en iemand uit "
              "{second} die elkaar nu kunnen bereiken ({share}) geen enkele verbinding meer hebben. De persoon met "
              "de meeste relaties zou {degree_share} van zulke paren afsnijden.",
        "en": "Without this person, {cut} of the {connected} pairs of someone in {first} and someone in {second} "
              "who can now reach each other ({share}) would have no connection left. The person with the most ties "
              "would cut {degree_share} of such pairs.",
    },
    "methods.app.kp.reach.one": {
        "nl": "Deze persoon bereikt {one} van de {n} mensen direct (zichzelf meegeteld) en {two} binnen twee "
              "stappen. De persoon met de meeste relaties: {degree_one} direct en {degree_two} binnen twee stappen.",
        "en": "This person reaches {one} of the {n} people directly (themselves included) and {two} within two "
              "steps. The person with the most ties: {degree_one} directly and {degree_two} within two steps.",
    },
    "methods.app.kp.reach.pair.one": {
        "nl": "Deze persoon bereikt {one} van de {n} mensen in {first} en {second} direct (zichzelf meegeteld) en "
              "{two} binnen twee stappen. De persoon met de meeste relaties: {degree_one} direct en {degree_two} "
              "binnen twee stappen.",
        "en": "This person reaches {one} of the {n} people in {first} and {second} directly (themselves included) "
              "and {two} within two steps. The person with the most ties: {degree_one} directly and {degree_two} "
              "within two steps.",
    },
    "methods.app.kp.search.exhaustive": {
        "nl": "Gevonden door elk mogelijk groepje te proberen: dit is het beste.",
        "en": "Found by trying every possible set: this is the best one.",
    },
    "methods.app.kp.search.swap": {
        "nl": "Gevonden met Borgatti's zoekmethode (steeds één persoon ruilen zolang het groepje beter wordt), "
              "hoogstens {seconds} seconden.",
        "en": "Found with Borgatti's search (swapping one person at a time while the set improves), at most "
              "{seconds} seconds.",
    },
    "methods.app.kp.stopped": {
        "nl": "De tijd was op voordat de zoektocht klaar was: een beter groepje is mogelijk.",
        "en": "Time ran out before the search finished: a better set is possible.",
    },
}
