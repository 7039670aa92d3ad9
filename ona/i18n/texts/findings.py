"""Texts of findings, in Dutch and English: kinds, sentences, suggestions, evidence, confidence and change.

Keys: ``finding.kind.`` (titles), ``finding.text.`` (sentence templates per
variant of a finding), ``finding.suggestion.`` (one or two widely used
suggestions per kind, numbered ``.1`` and ``.2``), ``finding.confidence.``
(confidence bands and their reasons), ``finding.change.`` (what moved between
waves), ``finding.md.`` (the words of ``findings.md``), ``finding.cli.`` (the
console summary), ``finding.word.`` (small words filled into sentences) and
``evidence.`` (the evidence shown to people, in words; ``evidence.value.``
for values that are words). The count words ``tie.<relation>`` and
``unit.<attribute>`` give a relation's ties and a grouping's units in the
singular and plural.

Sentences are filled with :meth:`str.format`; both languages of a key use the
same placeholders. No test statistic appears in a sentence: p-values,
z-scores and thresholds stay in ``findings.json``.
"""

from __future__ import annotations

__all__ = ["COUNT_WORDS", "STRINGS"]

_KINDS = {
    "finding.kind.silo": {"nl": "Silo", "en": "Silo"},
    "finding.kind.gap": {"nl": "Naast elkaar in plaats van samen", "en": "Side by side instead of together"},
    "finding.kind.fragile_bridge": {"nl": "Kwetsbare brug", "en": "Fragile bridge"},
    "finding.kind.one_sided_trust": {"nl": "Eenzijdig vertrouwen", "en": "One-sided trust"},
    "finding.kind.overloaded": {"nl": "Overbelast", "en": "Overloaded"},
    "finding.kind.isolated": {"nl": "Geïsoleerd", "en": "Isolated"},
    "finding.kind.change": {"nl": "Verandering tussen metingen", "en": "Change between waves"},
    "finding.kind.key_player": {"nl": "Sleutelfiguur", "en": "Key player"},
}

_TEXTS = {
    "finding.text.silo": {
        "nl": "{group} werkt vooral op zichzelf: {internal_pct} van de {ties} van {group} blijft binnen de {unit}, "
              "waar dat bij een gewone {unit} in deze organisatie {typical_pct} is. Ook de informele groepen in het "
              "netwerk trekken een grens om {group}.",
        "en": "{group} mostly keeps to itself: {internal_pct} of the {ties} of {group} stay inside the {unit}, "
              "against {typical_pct} for a typical {unit} in this organisation. The informal communities in the "
              "network, too, draw a line around {group}.",
    },
    "finding.text.silo.plain": {
        "nl": "{group} werkt vooral op zichzelf: {internal_pct} van de {ties} van {group} blijft binnen de {unit}. "
              "Ook de informele groepen in het netwerk trekken een grens om {group}.",
        "en": "{group} mostly keeps to itself: {internal_pct} of the {ties} of {group} stay inside the {unit}. "
              "The informal communities in the network, too, draw a line around {group}.",
    },
    "finding.text.gap.declared": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar hebben maar {ties} onderling{breakdown}.{one_way} "
              "Voor {units} van deze omvang en activiteit zijn er in deze organisatie ongeveer {expected} te "
              "verwachten.{carried}",
        "en": "{a} and {b} are expected to work together{collab}, but have only {ties} between them{breakdown}."
              "{one_way} For {units} of this size and activity, about {expected} would be expected in this "
              "organisation.{carried}",
    },
    "finding.text.gap.declared_none": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar hebben geen enkele onderlinge {rel_none}. Voor {units} "
              "van deze omvang en activiteit zijn er in deze organisatie ongeveer {expected} te verwachten.",
        "en": "{a} and {b} are expected to work together{collab}, but have no {rel_none} between them at all. For "
              "{units} of this size and activity, about {expected} would be expected in this organisation.",
    },
    "finding.text.gap.one_way": {
        "nl": " Ze lopen allemaal van {source} naar {target}; andersom is er geen enkele.",
        "en": " All of them run from {source} to {target}; none run the other way.",
    },
    "finding.text.gap.one_way_one": {
        "nl": " Die ene loopt van {source} naar {target}; andersom is er geen.",
        "en": " That one runs from {source} to {target}; none runs the other way.",
    },
    "finding.text.gap.one_way_only": {
        "nl": "{a} en {b} moeten samenwerken{collab}. Hun {ties} onderling{breakdown} lopen alle van "
              "{source} naar {target}; andersom is er geen enkele.{carried}",
        "en": "{a} and {b} are expected to work together{collab}. All {ties} between them{breakdown} "
              "run from {source} to {target}; none run the other way.{carried}",
    },
    "finding.text.gap.undeclared": {
        "nl": "{a} en {b} hebben {ties} onderling, minder dan de meeste paren {units} hier: als mensen hun "
              "contacten kozen los van hun {unit}, zouden het er ongeveer {expected} zijn.{carried} Er is niet "
              "opgegeven dat zij moeten samenwerken, dus dit is minder zeker: ga na of zij elkaar nodig hebben.",
        "en": "{a} and {b} have {ties} between them, fewer than most pairs of {units} here: if people chose "
              "their contacts regardless of {unit}, there would be about {expected}.{carried} No collaboration "
              "between them was declared, so this is less certain: check whether they need each other.",
    },
    "finding.text.gap.carried_all": {
        "nl": " De paar die er zijn, lopen allemaal via {carriers}.",
        "en": " The few there are all run through {carriers}.",
    },
    "finding.text.gap.carried_most": {
        "nl": " De paar die er zijn, lopen vrijwel allemaal via {carriers}.",
        "en": " The few there are almost all run through {carriers}.",
    },
    "finding.text.fragile_bridge.declared_all": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar hun {ties} onderling{breakdown} lopen "
              "allemaal via {people}. Zonder {people_ref} is de verbinding weg.{expected_clause}{one_way}",
        "en": "{a} and {b} are expected to work together{collab}, but all {ties} between them"
              "{breakdown} run through {people}. Without {people_ref} the connection is gone.{expected_clause}"
              "{one_way}",
    },
    "finding.text.fragile_bridge.declared_part": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar {covered} van hun {ties} onderling "
              "({share}) lopen via {people}. Zonder {people_ref} is de verbinding vrijwel weg.{expected_clause}"
              "{one_way}",
        "en": "{a} and {b} are expected to work together{collab}, but {covered} of the {ties} between "
              "them ({share}) run through {people}. Without {people_ref} the connection is almost gone."
              "{expected_clause}{one_way}",
    },
    "finding.text.fragile_bridge.expected": {
        "nl": " Er zijn er ongeveer zoveel als voor {units} van deze omvang en activiteit te verwachten is "
              "({expected}): de verbinding is er, maar hangt aan weinig mensen.",
        "en": " That is about as many as expected for {units} of this size and activity ({expected}): the "
              "connection is there, but it hangs on few people.",
    },
    "finding.text.fragile_bridge.pair_all": {
        "nl": "De {ties} tussen {a} en {b}{breakdown} lopen allemaal via {people}. Zonder {people_ref} is "
              "de verbinding weg. Er is niet opgegeven dat {a} en {b} moeten samenwerken.",
        "en": "All {ties} between {a} and {b}{breakdown} run through {people}. Without {people_ref} the "
              "connection is gone. No collaboration between {a} and {b} was declared.",
    },
    "finding.text.fragile_bridge.pair_part": {
        "nl": "{covered} van de {ties} tussen {a} en {b} ({share}) lopen via {people}. Zonder {people_ref} "
              "is de verbinding vrijwel weg. Er is niet opgegeven dat {a} en {b} moeten samenwerken.",
        "en": "{covered} of the {ties} between {a} and {b} ({share}) run through {people}. Without "
              "{people_ref} the connection is almost gone. No collaboration between {a} and {b} was declared.",
    },
    "finding.text.fragile_bridge.rest_all": {
        "nl": "De {ties} van {a} met de rest van de organisatie lopen allemaal via {people}. Zonder "
              "{people_ref} staat {a} los van de rest.",
        "en": "All {ties} of {a} with the rest of the organisation run through {people}. Without "
              "{people_ref}, {a} is cut off from the rest.",
    },
    "finding.text.fragile_bridge.rest_part": {
        "nl": "{covered} van de {ties} van {a} met de rest van de organisatie ({share}) lopen via "
              "{people}. Zonder {people_ref} staat {a} vrijwel los van de rest.",
        "en": "{covered} of the {ties} of {a} with the rest of the organisation ({share}) run through "
              "{people}. Without {people_ref}, {a} is almost cut off from the rest.",
    },
    "finding.text.one_sided_trust.group": {
        "nl": "Vertrouwen van {a} in {b} wordt zelden beantwoord: van de {ties} keer dat iemand van {a} iemand "
              "van {b} noemt, is dat maar {returned} keer wederzijds ({share}); bij de andere {rel_n} is dat "
              "{share_else}.",
        "en": "Trust from {a} in {b} is rarely returned: of the {ties} times someone in {a} names someone in "
              "{b}, only {returned} are mutual ({share}), against {share_else} for the other {rel_n}.",
    },
    "finding.text.one_sided_trust.role": {
        "nl": "Vertrouwen van {a} in {b} wordt zelden beantwoord: van de {ties} keer dat iemand met de rol "
              "{from_roles} iemand met de rol {to_roles} noemt, is dat maar {returned} keer wederzijds ({share}); "
              "bij de andere {rel_n} is dat {share_else}.",
        "en": "Trust from {a} in {b} is rarely returned: of the {ties} times someone in the role {from_roles} "
              "names someone in the role {to_roles}, only {returned} are mutual ({share}), against {share_else} "
              "for the other {rel_n}.",
    },
    "finding.text.isolated.one": {
        "nl": "{people} heeft de vragenlijst ingevuld, maar heeft geen enkele {rel_none}: niet gegeven en niet "
              "ontvangen.",
        "en": "{people} answered the survey but has no {rel_none} at all, given or received.",
    },
    "finding.text.isolated.many": {
        "nl": "{n} mensen die de vragenlijst invulden hebben geen enkele {rel_none}, niet gegeven en niet "
              "ontvangen: {people}.",
        "en": "{n} people who answered the survey have no {rel_none} at all, given or received: {people}.",
    },
    "finding.text.isolated.anonymous": {
        "nl": "{n} mensen die de vragenlijst invulden hebben geen enkele {rel_none}, niet gegeven en niet "
              "ontvangen ({groups}).",
        "en": "{n} people who answered the survey have no {rel_none} at all, given or received ({groups}).",
    },
    "finding.text.isolated.team": {
        "nl": "Team {team} ({size}) heeft geen enkele {rel_none} met de rest van de organisatie; alle "
              "{internal} van het team blijven binnen het team.",
        "en": "Team {team} ({size}) has no {rel_none} with the rest of the organisation; all {internal} "
              "of the team stay inside it.",
    },
    "finding.text.overloaded.advice": {
        "nl": "{person} ({group}) wordt door {n} mensen om advies gevraagd, uit {groups_reached}: {share} van "
              "wie de vragenlijst invulde. Anderen worden gemiddeld door {mean} mensen gevraagd.",
        "en": "{person} ({group}) is asked for advice by {n} people from {groups_reached}: {share} of the "
              "respondents. Others are asked by {mean} people on average.",
    },
    "finding.text.overloaded.other": {
        "nl": "{person} ({group}) wordt door {n} mensen genoemd ({rel_label}), uit {groups_reached}: {share} "
              "van wie de vragenlijst invulde. Anderen worden gemiddeld door {mean} mensen genoemd.",
        "en": "{person} ({group}) is named by {n} people ({rel_label}) from {groups_reached}: {share} of the "
              "respondents. Others are named by {mean} people on average.",
    },
    "finding.text.overloaded.advice_anonymous": {
        "nl": "Iemand in {group} wordt door {n} mensen om advies gevraagd, uit {groups_reached}: {share} van "
              "wie de vragenlijst invulde. Anderen worden gemiddeld door {mean} mensen gevraagd.",
        "en": "Someone in {group} is asked for advice by {n} people from {groups_reached}: {share} of the "
              "respondents. Others are asked by {mean} people on average.",
    },
    "finding.text.overloaded.other_anonymous": {
        "nl": "Iemand in {group} wordt door {n} mensen genoemd ({rel_label}), uit {groups_reached}: {share} "
              "van wie de vragenlijst invulde. Anderen worden gemiddeld door {mean} mensen genoemd.",
        "en": "Someone in {group} is named by {n} people ({rel_label}) from {groups_reached}: {share} of the "
              "respondents. Others are named by {mean} people on average.",
    },
}

_SUGGESTIONS = {
    "finding.suggestion.silo.1": {
        "nl": "Plan een vast, kort overleg van {group} met de {units} waarmee {group} het meest te maken heeft, "
              "bijvoorbeeld eens per maand.",
        "en": "Schedule a short, regular meeting of {group} with the {units} it depends on most, for example "
              "monthly.",
    },
    "finding.suggestion.silo.2": {
        "nl": "Laat medewerkers van {group} een dag meelopen bij een andere {unit}, en andersom.",
        "en": "Let staff of {group} spend a day shadowing another {unit}, and the other way round.",
    },
    "finding.suggestion.gap.1": {
        "nl": "Breng samen de belangrijkste overdrachtsmomenten tussen {a} en {b} in kaart (een gezamenlijke "
              "procesanalyse).",
        "en": "Map the key hand-offs between {a} and {b} together (a joint process analysis).",
    },
    "finding.suggestion.gap.2": {
        "nl": "Start een vast overleg tussen {a} en {b} en begin elk overleg met het doel ervan.",
        "en": "Set up a regular meeting between {a} and {b}, and start each meeting with its goal.",
    },
    "finding.suggestion.fragile_bridge.1": {
        "nl": "Zet een tweede contactpersoon naast {people_ref} voor het contact tussen {a} en {b}, en laat die "
              "een tijd samen optrekken.",
        "en": "Pair a second contact person with {people_ref} for the link between {a} and {b}, and let them "
              "work together for a while.",
    },
    "finding.suggestion.fragile_bridge.2": {
        "nl": "Leg vast wat {people_ref} nu informeel {verb}, zodat anderen het kunnen overnemen.",
        "en": "Write down what {people_ref} now {verb} informally, so that others can take it over.",
    },
    "finding.suggestion.one_sided_trust.1": {
        "nl": "Houd regelmatig een-op-eengesprekken waarin beide kanten bespreken wat ze van elkaar nodig "
              "hebben.",
        "en": "Hold regular one-to-one conversations in which both sides discuss what they need from each "
              "other.",
    },
    "finding.suggestion.one_sided_trust.2": {
        "nl": "Laat {b} zichtbaar terugkoppelen wat er met de vragen en zorgen van {a} gebeurt.",
        "en": "Ask {b} to report back visibly on what happens with the questions and concerns of {a}.",
    },
    "finding.suggestion.overloaded.1": {
        "nl": "Wijs naast {person_ref} een tweede aanspreekpunt aan en leg antwoorden op veelgestelde vragen vast.",
        "en": "Appoint a second point of contact next to {person_ref} and write down the answers to frequent "
              "questions.",
    },
    "finding.suggestion.overloaded.2": {
        "nl": "Bespreek met {person_ref} en de leidinggevende hoeveel tijd dit kost, en maak dat zichtbaar in de "
              "planning.",
        "en": "Discuss with {person_ref} and their manager how much time this takes, and make it visible in the "
              "planning.",
    },
    "finding.suggestion.isolated.1": {
        "nl": "Ga zonder oordeel in gesprek: werkt iemand bewust zelfstandig, of mist er aansluiting? Een vast "
              "maatje (buddy) kan helpen.",
        "en": "Talk it through without judgement: does someone work independently by choice, or is a "
              "connection missing? A buddy can help.",
    },
    "finding.suggestion.isolated.team.1": {
        "nl": "Nodig team {team} uit bij het overleg van de teams waarmee het werk raakt, en wijs een vaste "
              "contactpersoon aan.",
        "en": "Invite team {team} to the meetings of the teams its work touches, and appoint a fixed contact "
              "person.",
    },
    "finding.suggestion.change.1": {
        "nl": "Bespreek met de betrokken teams wat de verandering bracht, en wat daarvan elders kan helpen.",
        "en": "Ask the teams involved what brought the change, and what of it could help elsewhere.",
    },
    "finding.suggestion.change.2": {
        "nl": "Herhaal de meting na dezelfde periode om te zien of de nieuwe verbindingen blijven.",
        "en": "Repeat the survey after the same period to see whether the new ties last.",
    },
}

_WORDS = {
    "finding.word.and": {"nl": "en", "en": "and"},
    "finding.word.or": {"nl": "of", "en": "or"},
    "finding.word.others": {"nl": "nog {n} anderen", "en": "{n} others"},
    "finding.word.rest": {"nl": "de rest van de organisatie", "en": "the rest of the organisation"},
    "finding.word.organisation": {"nl": "de organisatie", "en": "the organisation"},
    "finding.word.all_relations": {"nl": "alle relaties", "en": "all relations"},
    "finding.word.staff": {"nl": "medewerkers", "en": "staff"},
    "finding.word.managers": {"nl": "leidinggevenden", "en": "managers"},
    "finding.word.verb_one": {"nl": "regelt", "en": "arranges"},
    "finding.word.verb_many": {"nl": "regelen", "en": "arrange"},
    "finding.word.that_person": {"nl": "die persoon", "en": "that person"},
    "finding.word.those_people": {"nl": "die mensen", "en": "those people"},
    "finding.word.this_person": {"nl": "deze persoon", "en": "this person"},
    "finding.word.via": {"nl": "via {people}", "en": "through {people}"},
    "finding.word.pair": {"nl": "{a} – {b}", "en": "{a} – {b}"},
    "finding.word.direction": {"nl": "van {a} naar {b}", "en": "from {a} to {b}"},
    "finding.word.roles": {"nl": "{a} → {b}", "en": "{a} → {b}"},
    "finding.word.yes": {"nl": "ja", "en": "yes"},
    "finding.word.no": {"nl": "nee", "en": "no"},
}

_CONFIDENCE = {
    "finding.confidence.high": {"nl": "zekerheid hoog", "en": "high confidence"},
    "finding.confidence.moderate": {"nl": "zekerheid middel", "en": "moderate confidence"},
    "finding.confidence.low": {"nl": "zekerheid laag", "en": "low confidence"},
    "finding.confidence.where_groups": {
        "nl": "De laagste respons van de betrokken {units} is {response} ({group}).",
        "en": "The lowest response among the {units} involved is {response} ({group}).",
    },
    "finding.confidence.where_all": {
        "nl": "{response} van de organisatie vulde de vragenlijst in.",
        "en": "{response} of the organisation answered the survey.",
    },
    "finding.confidence.high.reason": {
        "nl": "Genoeg antwoorden om dit met zekerheid te zeggen (vanaf {high}).",
        "en": "Enough answers to say this with confidence (from {high}).",
    },
    "finding.confidence.moderate.reason": {
        "nl": "Genoeg voor de richting, niet voor harde conclusies (zekerheid hoog vanaf {high}).",
        "en": "Enough for the direction, not for firm conclusions (high confidence from {high}).",
    },
    "finding.confidence.moderate.people": {
        "nl": "Behandel de namen als aanwijzing om na te gaan, niet als conclusie: wie mensen noemde die niet "
              "antwoordden, is maar half bekend (namen met zekerheid vanaf {high}).",
        "en": "Treat the names as a lead to check, not as a conclusion: the ties of people who did not answer "
              "are only half known (names with confidence from {high}).",
    },
    "finding.confidence.low.reason": {
        "nl": "Te weinig antwoorden voor een stellige uitspraak (onder {moderate}): de ontbrekende antwoorden "
              "kunnen het beeld veranderen.",
        "en": "Too few answers for a firm statement (below {moderate}): the missing answers could change the "
              "picture.",
    },
    "finding.confidence.low.people": {
        "nl": "Namen zijn weggelaten: onder {moderate} respons zegt dit iets over de {unit}, niet over personen.",
        "en": "Names are left out: below {moderate} response this says something about the {unit}, not about "
              "people.",
    },
    "finding.confidence.overturn": {
        "nl": "Let op: als de {n} mensen die niet antwoordden even veel {rel_n} hadden als gebruikelijk, zou dit "
              "beeld kunnen omslaan.",
        "en": "Note: if the {n} people who did not answer had as many {rel_n} as usual, this picture could turn "
              "over.",
    },
    "finding.confidence.panel": {
        "nl": "{response} van de mensen die beide keren op de lijst stonden, vulde beide keren in.",
        "en": "{response} of the people on both rosters answered both times.",
    },
    "finding.confidence.unknown": {
        "nl": "Respons onbekend.",
        "en": "Response unknown.",
    },
}

_CHANGE = {
    "finding.change.spread": {
        "nl": "Sinds {w1} kreeg {unit} {origin} per persoon gemiddeld {gain} {rel_n} met andere afdelingen "
              "erbij{rest}",
        "en": "Since {w1}, {unit} {origin} gained {gain} {rel_n} to other departments per person{rest}",
    },
    "finding.change.spreading": {
        "nl": "; de {n} mensen met wie zij in {w1} al contact hadden, kregen er {contacts_gain} bij (de rest: "
              "{others_gain}). De verandering verspreidt zich vanuit dit {unit}.",
        "en": "; the {n} people they were in touch with in {w1} gained {contacts_gain} (everyone else: "
              "{others_gain}). The change is spreading outwards from this {unit}.",
    },
    "finding.change.not_spreading": {
        "nl": " (de rest: {others_gain}).",
        "en": " (everyone else: {others_gain}).",
    },
    "finding.change.pair_grew": {
        "nl": "Tussen {a} en {b} zijn er nu {after} {rel_n} (in {w1}: {before}); de afdelingen zijn dichter bij "
              "elkaar gekomen.",
        "en": "Between {a} and {b} there are now {after} {rel_n} ({w1}: {before}); the departments have moved "
              "closer.",
    },
    "finding.change.pair_weakened": {
        "nl": "Tussen {a} en {b} zijn er nu {after} {rel_n} (in {w1}: {before}); de verbinding is zwakker "
              "geworden.",
        "en": "Between {a} and {b} there are now {after} {rel_n} ({w1}: {before}); the connection has "
              "weakened.",
    },
    "finding.change.pairs_grew": {
        "nl": "Tussen {n} paren {units} groeide het aantal {rel_n} sinds {w1} met {min} of meer.",
        "en": "Between {n} pairs of {units}, the number of {rel_n} grew by {min} or more since {w1}.",
    },
    "finding.change.pairs_weakened": {
        "nl": "Tussen {n} paren {units} daalde het aantal {rel_n} sinds {w1} met {min} of meer.",
        "en": "Between {n} pairs of {units}, the number of {rel_n} fell by {min} or more since {w1}.",
    },
    "finding.change.column.pair": {"nl": "Paar", "en": "Pair"},
    "finding.change.column.before": {"nl": "In {wave}", "en": "In {wave}"},
    "finding.change.column.after": {"nl": "Nu ({wave})", "en": "Now ({wave})"},
    "finding.change.column.change": {"nl": "Verschil", "en": "Difference"},
}

_MARKDOWN = {
    "finding.md.title": {"nl": "Bevindingen", "en": "Findings"},
    "finding.md.intro": {
        "nl": "{n} bevindingen, de ernstigste eerst. Ernst loopt van 0 tot 1; vanaf {high} is die hoog.",
        "en": "{n} findings, the most serious first. Severity runs from 0 to 1; from {high} it is high.",
    },
    "finding.md.intro_one": {
        "nl": "1 bevinding. Ernst loopt van 0 tot 1; vanaf {high} is die hoog.",
        "en": "1 finding. Severity runs from 0 to 1; from {high} it is high.",
    },
    "finding.md.none": {"nl": "Geen opvallende patronen gevonden.", "en": "No notable patterns found."},
    "finding.md.suggestions": {"nl": "Suggesties (ter overweging)", "en": "Suggestions (to consider)"},
    "finding.md.evidence": {"nl": "Onderbouwing", "en": "Evidence"},
    "finding.md.confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "finding.level.high": {"nl": "hoog", "en": "high"},
    "finding.level.medium": {"nl": "middel", "en": "medium"},
    "finding.level.low": {"nl": "laag", "en": "low"},
    "finding.cli.summary": {"nl": "Bevindingen: {n} ({high} hoog):", "en": "Findings: {n} ({high} high):"},
    "finding.cli.change_summary": {"nl": "Veranderingen: {n}:", "en": "Changes: {n}:"},
}

_EVIDENCE = {
    "evidence.relation": {"nl": "relatie", "en": "relation"},
    "evidence.groups": {"nl": "afdelingen of groepen", "en": "departments or groups"},
    "evidence.people": {"nl": "mensen", "en": "people"},
    "evidence.size": {"nl": "aantal mensen", "en": "number of people"},
    "evidence.internal_ties": {"nl": "relaties binnen", "en": "ties inside"},
    "evidence.external_ties": {"nl": "relaties naar buiten", "en": "ties outside"},
    "evidence.internal_share": {"nl": "deel van de relaties dat binnen blijft", "en": "share of ties that stay inside"},
    "evidence.typical_internal_share": {
        "nl": "hetzelfde bij een gewone afdeling of groep", "en": "the same for a typical department or group"},
    "evidence.groups_reached": {"nl": "andere afdelingen of groepen bereikt", "en": "other departments or groups reached"},
    "evidence.outside_bridge_people": {"nl": "mensen die de contacten naar buiten dragen",
                                       "en": "people carrying the outside ties"},
    "evidence.outside_bridge_share": {"nl": "deel van die contacten via hen", "en": "their share of those ties"},
    "evidence.collaboration": {"nl": "opgegeven samenwerking", "en": "declared collaboration"},
    "evidence.declared": {"nl": "samenwerking opgegeven", "en": "collaboration declared"},
    "evidence.ties": {"nl": "relaties tussen hen", "en": "ties between them"},
    "evidence.expected": {"nl": "ongeveer te verwachten", "en": "about expected"},
    "evidence.ties_ab": {"nl": "relaties van {a} naar {b}", "en": "ties from {a} to {b}"},
    "evidence.ties_ba": {"nl": "relaties van {b} naar {a}", "en": "ties from {b} to {a}"},
    "evidence.one_way": {"nl": "alleen in één richting", "en": "one way only"},
    "evidence.carriers": {"nl": "wie de paar relaties dragen", "en": "who carries the few ties"},
    "evidence.n_carriers": {"nl": "aantal mensen die ze dragen", "en": "number of people carrying them"},
    "evidence.carried_share": {"nl": "deel van de relaties via hen", "en": "share of the ties through them"},
    "evidence.covered": {"nl": "relaties via de brug", "en": "ties through the bridge"},
    "evidence.share": {"nl": "deel via de brug", "en": "share through the bridge"},
    "evidence.ties_per_person": {"nl": "relaties per persoon", "en": "ties per person"},
    "evidence.partners": {"nl": "contacten aan de andere kant", "en": "contacts on the other side"},
    "evidence.ties_by_relation": {"nl": "per relatie", "en": "per relation"},
    "evidence.returned": {"nl": "wederzijds", "en": "mutual"},
    "evidence.share_returned": {"nl": "deel wederzijds", "en": "share mutual"},
    "evidence.share_returned_elsewhere": {"nl": "deel wederzijds bij de rest", "en": "share mutual elsewhere"},
    "evidence.from_roles": {"nl": "rollen die vertrouwen geven", "en": "roles giving trust"},
    "evidence.to_roles": {"nl": "rollen die vertrouwen krijgen", "en": "roles receiving trust"},
    "evidence.isolated": {"nl": "mensen zonder enige relatie", "en": "people without any tie"},
    "evidence.respondents": {"nl": "mensen die de vragenlijst invulden", "en": "people who answered the survey"},
    "evidence.isolated_share": {"nl": "deel van wie invulde", "en": "share of those who answered"},
    "evidence.named_share": {"nl": "deel van wie invulde", "en": "share of those who answered"},
    "evidence.team": {"nl": "team", "en": "team"},
    "evidence.in_degree": {"nl": "keer genoemd", "en": "named by"},
    "evidence.mean_others": {"nl": "anderen gemiddeld genoemd", "en": "others named on average"},
    "evidence.from_groups": {"nl": "genoemd vanuit", "en": "named from"},
    "evidence.n_groups": {"nl": "aantal afdelingen of groepen", "en": "number of departments or groups"},
    "evidence.before_wave": {"nl": "eerdere meting", "en": "earlier wave"},
    "evidence.after_wave": {"nl": "latere meting", "en": "later wave"},
    "evidence.ties_before": {"nl": "relaties toen", "en": "ties then"},
    "evidence.ties_after": {"nl": "relaties nu", "en": "ties now"},
    "evidence.origin": {"nl": "waar de groei begon", "en": "where the growth started"},
    "evidence.origin_gain": {"nl": "groei daar per persoon", "en": "growth there per person"},
    "evidence.contacts": {"nl": "mensen met wie zij al contact hadden", "en": "people they were in touch with"},
    "evidence.contacts_gain": {"nl": "hun groei per persoon", "en": "their growth per person"},
    "evidence.others_gain": {"nl": "groei bij de rest per persoon", "en": "growth of everyone else per person"},
    "evidence.panel_respondents": {"nl": "mensen die beide keren invulden", "en": "people who answered both times"},
    "evidence.response": {"nl": "respons", "en": "response"},
}

STRINGS: dict[str, dict[str, str]] = {
    **_KINDS, **_TEXTS, **_SUGGESTIONS, **_WORDS, **_CONFIDENCE, **_CHANGE, **_MARKDOWN, **_EVIDENCE,
}

#: Words that follow a count (see :func:`ona.i18n.count`): a relation's ties and a grouping's units.
COUNT_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "tie.advice": {"nl": ("adviesrelatie", "adviesrelaties"), "en": ("advice tie", "advice ties")},
    "tie.trust": {"nl": ("vertrouwensrelatie", "vertrouwensrelaties"), "en": ("trust tie", "trust ties")},
    "tie.friendship": {"nl": ("vriendschapsrelatie", "vriendschapsrelaties"),
                       "en": ("friendship tie", "friendship ties")},
    "tie.collaboration": {"nl": ("samenwerkingsrelatie", "samenwerkingsrelaties"),
                          "en": ("collaboration tie", "collaboration ties")},
    "tie.communication": {"nl": ("contactrelatie", "contactrelaties"), "en": ("contact tie", "contact ties")},
    "tie.any": {"nl": ("relatie", "relaties"), "en": ("tie", "ties")},
    "unit.department": {"nl": ("afdeling", "afdelingen"), "en": ("department", "departments")},
    "unit.team": {"nl": ("team", "teams"), "en": ("team", "teams")},
    "unit.location": {"nl": ("locatie", "locaties"), "en": ("location", "locations")},
    "unit.office": {"nl": ("kantoor", "kantoren"), "en": ("office", "offices")},
    "unit.role": {"nl": ("rol", "rollen"), "en": ("role", "roles")},
    "unit.group": {"nl": ("groep", "groepen"), "en": ("group", "groups")},
}
