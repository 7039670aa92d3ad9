"""The Departments page built around pairs (``pairs.``): who works side by side, in words, colours and charts."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "pairs.title": {"nl": "Afdelingen: wie werkt naast elkaar?", "en": "Departments: who works side by side?"},
    "pairs.intro": {
        "nl": "Rood: afdelingen die moeten samenwerken, maar maar een fractie van de banden hebben die bij hun omvang "
              "en activiteit horen (naast elkaar). Oranje: minder dan een gewoon paar (dun). Groen: minstens zoveel "
              "als een gewoon paar (gezond).",
        "en": "Red: departments that should work together but have only a fraction of the ties their size and "
              "activity would give (side by side). Orange: fewer than a typical pair (thin). Green: at least as many "
              "as a typical pair (healthy).",
    },
    "pairs.relation": {"nl": "Banden", "en": "Ties"},
    "pairs.relation.all": {"nl": "alle relaties samen", "en": "all relations together"},
    "pairs.status": {"nl": "beoordeling", "en": "status"},
    "pairs.status.gap": {"nl": "naast elkaar", "en": "side by side"},
    "pairs.status.thin": {"nl": "dun", "en": "thin"},
    "pairs.status.healthy": {"nl": "gezond", "en": "healthy"},
    "pairs.status.unknown": {"nl": "te klein om te beoordelen", "en": "too small to judge"},
    "pairs.declared": {"nl": "Samenwerkingen die zijn opgegeven", "en": "Declared collaborations"},
    "pairs.declared.help": {
        "nl": "Per paar het aantal banden (balk) tegen wat bij deze omvang en activiteit in deze organisatie "
              "gewoon is (streep).",
        "en": "For each pair its ties (bar) against what is usual in this organisation for its size and "
              "activity (line).",
    },
    "pairs.none_declared": {
        "nl": "Er zijn geen samenwerkingen opgegeven. Hieronder de paren met de minste banden vergeleken met wat "
              "te verwachten is; laad een bestand met samenwerkingen (zijbalk) om te zien wie naast elkaar werkt.",
        "en": "No collaborations were declared. Below are the pairs with the fewest ties compared with what is "
              "expected; load a collaborations file (sidebar) to see who works side by side.",
    },
    "pairs.weakest": {"nl": "Paren met de minste banden", "en": "Pairs with the fewest ties"},
    "pairs.axis.ties": {"nl": "banden tussen de twee", "en": "ties between the two"},
    "pairs.edge_label": {"nl": "{ties} van ~{expected}", "en": "{ties} of ~{expected}"},
    "pairs.bar_label": {"nl": "{ties} van ~{expected} · {status}", "en": "{ties} of ~{expected} · {status}"},
    "pairs.card": {
        "nl": "**{a}** en **{b}**{collab}: {ties} waar er ongeveer {expected} te verwachten zijn.",
        "en": "**{a}** and **{b}**{collab}: {ties} where about {expected} would be expected.",
    },
    "pairs.card.carried": {
        "nl": "Die banden hangen aan {people}.",
        "en": "Those ties hang on {people}.",
    },
    "pairs.card.unknown": {
        "nl": "**{a}** en **{b}**{collab}: een van beide is te klein of antwoordde niet, dus dit paar is niet te "
              "beoordelen.",
        "en": "**{a}** and **{b}**{collab}: one of them is too small or did not answer, so this pair cannot be "
              "judged.",
    },
    "pairs.open": {"nl": "Bekijk dit paar", "en": "Look at this pair"},
    "pairs.pair.relation": {"nl": "Banden in de relatie: {relation}", "en": "Ties in the relation: {relation}"},
    "pairs.matrix": {"nl": "Alle paren: banden tegen verwachting", "en": "Every pair: ties against expectation"},
    "pairs.matrix.help": {
        "nl": "Elk vak is een paar afdelingen, gekleurd als hierboven; opgegeven samenwerkingen zijn fel en omlijnd, "
              "de andere paren bleek. Het getal is het aantal banden.",
        "en": "Each square is a pair of departments, coloured as above; declared collaborations are bright and "
              "outlined, other pairs pale. The number is the ties.",
    },
    "pairs.perceived": {"nl": "Zoals de afdelingen het zelf zien", "en": "As the departments see it"},
    "pairs.perceived.help": {
        "nl": "Uit de vragenlijst: hoe vaak de afdeling van de rij zegt met die van de kolom samen te werken, van 0 "
              "(nooit) tot 4 (dagelijks). Omlijnd: beeld en banden lopen uiteen.",
        "en": "From the survey: how often the row's department says it works with the column's, from 0 (never) to "
              "4 (daily). Outlined: the picture and the ties disagree.",
    },
    "pairs.perceived.none": {
        "nl": "De vragenlijst vroeg niet hoe vaak afdelingen met elkaar samenwerken, dus er is geen beeld om naast de "
              "banden te leggen.",
        "en": "The survey did not ask how often departments work together, so there is no picture to set beside "
              "the ties.",
    },
    "pairs.mismatch.says_often": {
        "nl": "**{a}** en **{b}** zeggen gemiddeld {how} samen te werken, maar hebben {ties} (verwacht ~{expected}).",
        "en": "**{a}** and **{b}** say they work together {how} on average, but have {ties} (expected ~{expected}).",
    },
    "pairs.mismatch.says_rarely": {
        "nl": "**{a}** en **{b}** zeggen gemiddeld {how} samen te werken, maar hebben {ties} (verwacht ~{expected}).",
        "en": "**{a}** and **{b}** say they work together {how} on average, yet have {ties} (expected ~{expected}).",
    },
    "pairs.mismatch.none": {
        "nl": "Beeld en banden lopen bij geen enkel paar duidelijk uiteen.",
        "en": "The picture and the ties clearly disagree for no pair.",
    },
    "pairs.graph": {"nl": "Afdelingen als netwerk", "en": "Departments as a network"},
    "pairs.graph.help": {
        "nl": "Dikke gekleurde lijnen: opgegeven samenwerkingen (banden van de verwachte); een rode stippellijn: "
              "geen enkele band. Grijs: de andere banden.",
        "en": "Thick coloured lines: declared collaborations (ties of those expected); a dashed red line: not a "
              "single tie. Grey: the other ties.",
    },
    "pairs.graph.large": {
        "nl": "Met {n} afdelingen toont de tekening per afdeling de {k} sterkste verbindingen en alle opgegeven "
              "samenwerkingen.",
        "en": "With {n} departments the drawing shows each department's {k} strongest links and every declared "
              "collaboration.",
    },
    "pairs.per_group": {"nl": "Per afdeling: respons en zekerheid", "en": "Per department: response and confidence"},
    "pairs.per_group.help": {
        "nl": "Zekerheid hoog vanaf 80% respons, middel vanaf 65%; daaronder kan het beeld door ontbrekende antwoorden "
              "veranderen.",
        "en": "High confidence from 80% response, moderate from 65%; below that the missing answers could change "
              "the picture.",
    },
    "pairs.column.pair": {"nl": "Paar", "en": "Pair"},
    "pairs.column.collaboration": {"nl": "Samenwerking", "en": "Collaboration"},
    "pairs.column.ties": {"nl": "Banden", "en": "Ties"},
    "pairs.column.expected": {"nl": "Verwacht", "en": "Expected"},
    "pairs.column.status": {"nl": "Beoordeling", "en": "Status"},
    "pairs.column.group": {"nl": "Afdeling", "en": "Department"},
    "pairs.column.people": {"nl": "Mensen", "en": "People"},
    "pairs.column.respondents": {"nl": "Ingevuld", "en": "Answered"},
    "pairs.column.response": {"nl": "Respons", "en": "Response"},
    "pairs.column.band": {"nl": "Zekerheid", "en": "Confidence"},
    "pairs.column.inside": {"nl": "Deel banden binnen", "en": "Share of ties inside"},
    "pairs.band.high": {"nl": "hoog", "en": "high"},
    "pairs.band.moderate": {"nl": "middel", "en": "moderate"},
    "pairs.band.low": {"nl": "laag", "en": "low"},
    "pairs.chart.from": {"nl": "van (rij)", "en": "from (row)"},
    "pairs.chart.to": {"nl": "naar (kolom)", "en": "to (column)"},
    "pairs.chart.perceived": {"nl": "zoals gezien", "en": "as seen"},
}
