"""Texts of the reports, slides and pictures (``report.``, ``pictures.``): see :mod:`ona.documents`."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "pictures.legend.flagged": {"nl": "paar met een bevinding", "en": "pair with a finding"},
    # -- the app's export page -------------------------------------------------------------------------
    "export.meeting": {"nl": "Voor het overleg", "en": "For the meeting"},
    "export.meeting.help": {
        "nl": "Een rapport en plaatjes om mee te nemen naar een overleg, in de taal van deze pagina.",
        "en": "A report and pictures to take to a meeting, in the language of this page.",
    },
    "export.meeting.manager": {
        "nl": "Alles hieronder is de versie voor leidinggevenden: alleen wat u hier ook ziet.",
        "en": "Everything below is the version for managers: only what you see here too.",
    },
    "export.meeting.analyst": {
        "nl": "Dit is de versie voor HR, met namen. Voor leidinggevenden: publiceer een werkruimte.",
        "en": "This is the version for HR, with names. For managers: publish a workspace.",
    },
    "export.report.pdf": {"nl": "Rapport (PDF)", "en": "Report (PDF)"},
    "export.report.pptx": {"nl": "Presentatie (PowerPoint)", "en": "Presentation (PowerPoint)"},
    "export.report.working": {"nl": "Rapport maken…", "en": "Making the report…"},
    "export.picture.network": {"nl": "Netwerkplaat (PNG)", "en": "Network picture (PNG)"},
    "export.picture.departments": {"nl": "Afdelingskaart (PNG)", "en": "Department map (PNG)"},
    "export.picture.matrix": {"nl": "Afdelingsmatrix (PNG)", "en": "Department matrix (PNG)"},
    "export.picture.svg": {
        "nl": "Dezelfde plaatjes als SVG (scherp op elk formaat, bewerkbaar)",
        "en": "The same pictures as SVG (sharp at any size, editable)",
    },
    "export.more": {"nl": "Voor analisten: gegevens en andere formaten", "en": "For analysts: data and other formats"},
    # -- words ----------------------------------------------------------------------------------
    "report.and": {"nl": "en", "en": "and"},
    "report.group.other": {"nl": "(overig)", "en": "(other)"},
    "report.group.unknown": {"nl": "(onbekend)", "en": "(unknown)"},
    "report.unit.department": {"nl": "afdeling", "en": "department"},
    "report.unit.departments": {"nl": "afdelingen", "en": "departments"},
    "report.unit.group": {"nl": "groep", "en": "group"},
    "report.unit.groups": {"nl": "groepen", "en": "groups"},
    "report.level": {"nl": "Belang: {level}", "en": "Importance: {level}"},
    "report.suggestions": {"nl": "Wat u kunt doen", "en": "What you can do"},
    "report.page": {"nl": "pagina {page}", "en": "page {page}"},
    "report.made_with": {
        "nl": "Gemaakt met ona {version}, open-source organisatienetwerkanalyse.",
        "en": "Made with ona {version}, open-source organisational network analysis.",
    },
    # -- title page -------------------------------------------------------------------------------
    "report.title": {"nl": "Samenwerking in {name}", "en": "Working together in {name}"},
    "report.title.unnamed": {"nl": "Samenwerking in uw organisatie", "en": "Working together in your organisation"},
    "report.subtitle": {"nl": "Netwerkonderzoek", "en": "Network survey"},
    "report.subtitle.wave": {"nl": "Netwerkonderzoek, meting {wave}", "en": "Network survey, wave {wave}"},
    "report.fig.people": {"nl": "medewerkers op de personeelslijst", "en": "people on the staff roster"},
    "report.fig.respondents": {"nl": "vulden de vragenlijst in ({share})", "en": "answered the survey ({share})"},
    "report.fig.relations": {"nl": "vragen over collega's: {relations}", "en": "questions about colleagues: {relations}"},
    "report.audience.manager": {
        "nl": "Versie voor leidinggevenden. Afdelingen met minder dan {k} medewerkers of minder dan {k} ingevulde "
        "vragenlijsten staan er niet apart in; {names}.",
        "en": "Version for managers. Departments with fewer than {k} people or fewer than {k} answered surveys are "
        "not shown separately; {names}.",
    },
    "report.audience.analyst": {
        "nl": "Versie voor HR. Dit rapport noemt medewerkers bij naam: deel het alleen met wie het nodig heeft. "
        "Voor leidinggevenden is er een eigen versie met alleen wat zij mogen zien.",
        "en": "Version for HR. This report names people: share it only with those who need it. Managers get a "
        "version of their own that holds only what they may see.",
    },
    "report.names.consent_pseudonyms": {
        "nl": "collega's staan er alleen met hun toestemming met naam in, anderen onder een schuilnaam",
        "en": "colleagues appear by name only with their consent, others under a pseudonym",
    },
    "report.names.consent_only": {
        "nl": "collega's staan er alleen met hun toestemming met naam in",
        "en": "colleagues appear by name only with their consent",
    },
    "report.names.pseudonyms": {
        "nl": "collega's staan er alleen onder een schuilnaam in",
        "en": "colleagues appear under a pseudonym only",
    },
    "report.names.none": {"nl": "er staan geen personen in", "en": "no individual appears in it"},
    "report.names.names": {"nl": "collega's staan er met naam in", "en": "colleagues appear by name"},
    "report.hidden.one": {
        "nl": "{n} {unit} met minder dan {k} medewerkers of ingevulde vragenlijsten staat niet apart in dit rapport.",
        "en": "{n} {unit} with fewer than {k} people or answered surveys is not shown separately in this report.",
    },
    "report.hidden.many": {
        "nl": "{n} {units} met minder dan {k} medewerkers of ingevulde vragenlijsten staan niet apart in dit rapport.",
        "en": "{n} {units} with fewer than {k} people or answered surveys are not shown separately in this report.",
    },
    # -- in brief ----------------------------------------------------------------------------------
    "report.summary.heading": {"nl": "In het kort", "en": "In brief"},
    "report.summary.lead": {
        "nl": "In de antwoorden van {respondents} collega's vond ona {findings}, waarvan {high} met hoog belang. "
        "Dit zijn de belangrijkste.",
        "en": "In the answers of {respondents} colleagues ona found {findings}, {high} of high importance. "
        "These matter most.",
    },
    "report.summary.none": {
        "nl": "ona vond geen opvallende patronen: de {units} werken met elkaar samen zoals in een organisatie van "
        "deze omvang te verwachten is.",
        "en": "ona found no notable patterns: the {units} work together as one would expect in an organisation "
        "of this size.",
    },
    # -- department map and matrix -------------------------------------------------------------------
    "report.map.heading": {"nl": "Hoe de {units} met elkaar verbonden zijn", "en": "How the {units} are connected"},
    "report.map.lead": {
        "nl": "Elke cirkel is een {unit}: hoe groter, hoe meer medewerkers. Een lijn betekent dat medewerkers van "
        "twee {units} elkaar noemen; hoe dikker, hoe vaker. Het getal is het aantal relaties, alle vragen samen "
        "({relations}).",
        "en": "Each circle is a {unit}: the larger, the more people. A line means that people of two {units} "
        "name each other; the thicker, the more often. The number counts their ties, all questions together "
        "({relations}).",
    },
    "report.map.flagged": {
        "nl": "Rood zijn de paren waar een bevinding over gaat.",
        "en": "Red marks the pairs a finding is about.",
    },
    "report.map.caption": {
        "nl": "Relaties tussen {units}, alle vragen samen ({relations}).",
        "en": "Ties between {units}, all questions together ({relations}).",
    },
    "report.map.strongest": {
        "nl": "Bij zoveel {units} zijn per {unit} alleen de drie sterkste verbindingen getekend, en alle rode.",
        "en": "With this many {units}, only each {unit}'s three strongest connections are drawn, and every red one.",
    },
    "report.map.alt": {
        "nl": "Kaart van {n} {units} met lijnen voor de relaties ertussen.",
        "en": "Map of {n} {units} with lines for the ties between them.",
    },
    "report.matrix.heading": {"nl": "Wie wie noemt, per {unit}", "en": "Who names whom, by {unit}"},
    "report.matrix.lead": {
        "nl": "Elke rij is de {unit} die noemt, elke kolom de {unit} die genoemd wordt. Op de grijze diagonaal staan "
        "de relaties binnen een {unit}. Daarbuiten geldt: hoe donkerder het vak, hoe meer relaties.",
        "en": "Each row is the {unit} that names, each column the {unit} that is named. The grey diagonal holds "
        "the ties within a {unit}. Elsewhere, the darker the cell, the more ties.",
    },
    "report.matrix.declared": {
        "nl": "Rood omrand: paren die volgens opgave moeten samenwerken.",
        "en": "Outlined in red: pairs that are declared to work together.",
    },
    "report.matrix.rows": {"nl": "noemt", "en": "names"},
    "report.matrix.columns": {"nl": "wordt genoemd", "en": "is named"},
    "report.matrix.caption": {
        "nl": "Aantal relaties, alle vragen samen ({relations}).",
        "en": "Number of ties, all questions together ({relations}).",
    },
    "report.matrix.alt": {
        "nl": "Tabel als kleurvlakken: relaties tussen {units}.",
        "en": "Table as coloured cells: ties between {units}.",
    },
    # -- pairs -------------------------------------------------------------------------------------------
    "report.pair.heading": {"nl": "{a} en {b}", "en": "{a} and {b}"},
    "report.pair.heading.named": {"nl": "{name}: {a} en {b}", "en": "{name}: {a} and {b}"},
    "report.pair.kicker.declared": {"nl": "Samenwerking {i} van {n}", "en": "Collaboration {i} of {n}"},
    "report.pair.kicker.flagged": {"nl": "Paar met een bevinding, {i} van {n}", "en": "Pair with a finding, {i} of {n}"},
    "report.pair.fine": {
        "nl": "{a} en {b} hebben samen {ties}; ona vond hier geen knelpunt.",
        "en": "{a} and {b} have {ties} between them; ona found no problem here.",
    },
    "report.pair.table": {"nl": "Relaties tussen {a} en {b}, per vraag", "en": "Ties between {a} and {b}, per question"},
    "report.pair.relation": {"nl": "Relatie", "en": "Relation"},
    "report.pair.names": {"nl": "{a} noemt {b}", "en": "{a} names {b}"},
    "report.pair.total": {"nl": "Samen", "en": "Together"},
    "report.pair.all": {"nl": "alle vragen", "en": "all questions"},
    # -- the collaboration scan on a collaboration's page ---------------------------------------------
    "report.conditions.caption": {
        "nl": "De vijf voorwaarden voor samenwerken, gemiddelde per afdeling (1 = helemaal oneens, 5 = helemaal "
        "eens); de stippellijn is het neutrale midden.",
        "en": "The five conditions of working together, mean per department (1 = strongly disagree, 5 = strongly "
        "agree); the dotted line is the neutral middle.",
    },
    "report.conditions.alt": {
        "nl": "Staafdiagram van de vijf voorwaarden (ambitie, belangen, relatie, organisatie, proces) van {name}, "
        "per afdeling.",
        "en": "Bar chart of the five conditions (ambition, interests, relationship, organisation, process) of "
        "{name}, per department.",
    },
    "report.sheet.kicker": {"nl": "Werkblad voor een werksessie", "en": "Worksheet for a working session"},
    "report.sheet.counts": {"nl": "Mensen met banden naar de andere afdeling: {counts}.",
                            "en": "People with ties to the other department: {counts}."},
    "report.sheet.carriers": {"nl": "Wie de overdrachten dragen", "en": "Who carries the hand-offs"},
    "report.sheet.more": {"nl": "En nog {n} mensen met minder banden naar de andere afdeling.",
                          "en": "And {n} more people with fewer ties to the other department."},
    "report.sheet.ties": {"nl": "Banden per relatie, tegen wat te verwachten is",
                          "en": "Ties per relation, against what would be expected"},
    "report.sheet.conditions": {"nl": "De vijf voorwaarden, gemiddelde per afdeling",
                                "en": "The five conditions, mean per department"},
    "report.sheet.condition": {"nl": "Voorwaarde", "en": "Condition"},
    "report.sheet.answer_space": {
        "nl": "Noteer bij elke vraag de antwoorden van beide afdelingen en wie wat oppakt.",
        "en": "For each question, note both departments' answers and who picks up what.",
    },
    "report.robust.no": {
        "nl": "Deze bevinding hangt af van wat de mensen die niet antwoordden gezegd zouden hebben.",
        "en": "This finding depends on what the people who did not answer would have said.",
    },
    # -- other findings ------------------------------------------------------------------------------------
    "report.other.heading": {"nl": "Overige bevindingen", "en": "Other findings"},
    "report.other.lead": {
        "nl": "Minder dringend, maar het bespreken waard.",
        "en": "Less urgent, but worth discussing.",
    },
    # -- method ------------------------------------------------------------------------------------------
    "report.method.heading": {"nl": "Zo is het onderzocht", "en": "How this was studied"},
    "report.method.asked": {"nl": "Wat is gevraagd", "en": "What was asked"},
    "report.method.question": {"nl": "“{text}” ({relation})", "en": "“{text}” ({relation})"},
    "report.method.response_table": {"nl": "Respons per {unit}", "en": "Response by {unit}"},
    "report.method.people": {"nl": "Medewerkers", "en": "People"},
    "report.method.respondents": {"nl": "Ingevuld", "en": "Answered"},
    "report.method.response": {"nl": "Respons", "en": "Response"},
    "report.method.total": {"nl": "Totaal", "en": "Total"},
    "report.method.missing": {
        "nl": "Een relatie betekent: iemand noemt een collega bij een vraag. Wie de vragenlijst niet invulde, heeft "
        "zelf niemand genoemd; hun relaties naar anderen zijn dus onbekend, niet afwezig. Dat anderen hen noemden, "
        "telt wel mee. Hoe lager de respons van een {unit}, hoe voorzichtiger u de cijfers over die {unit} leest.",
        "en": "A tie means: someone names a colleague in answer to a question. People who did not answer named "
        "nobody themselves, so their ties to others are unknown, not absent. That others named them does count. "
        "The lower a {unit}'s response, the more carefully its figures should be read.",
    },
    "report.method.treatment.none": {
        "nl": "Ontbrekende antwoorden zijn niet aangevuld: relaties die alleen de niet-invullers hadden kunnen noemen, "
        "blijven onbekend. Maten die op iemands eigen antwoorden rusten (wie iemand noemt, wederzijdsheid, "
        "makelaarsrol) blijven voor niet-invullers leeg; hun andere cijfers rusten alleen op wat anderen over hen "
        "zeiden.",
        "en": "Missing answers were not filled in: ties only the people who did not answer could have named stay "
        "unknown. Measures that rest on a person's own answers (whom they name, reciprocity, brokerage) stay empty "
        "for them; their other figures rest only on what others said about them.",
    },
    "report.method.treatment.reconstruct": {
        "nl": "Ontbrekende antwoorden zijn aangevuld waar dat verdedigbaar is: bij wederzijdse relaties ({relations}) "
        "telt een relatie die een collega met een niet-invuller meldde ook andersom ({ties}; Stork en Richards "
        "1992). Bij relaties met een richting, zoals advies en vertrouwen, blijven ze onbekend.",
        "en": "Missing answers were filled in where that is defensible: for mutual relations ({relations}) a tie a "
        "colleague reported with someone who did not answer also counts the other way ({ties}; Stork and Richards "
        "1992). For relations with a direction, such as advice and trust, they stay unknown.",
    },
    "report.method.confidence": {
        "nl": "Bij elke bevinding staat hoe zeker die is, naar de laagste respons van de betrokken {units}: zekerheid "
        "hoog vanaf 80%, middel van 65% tot 80%, laag daaronder. Onder 65% noemt ona geen namen; tussen 65% en 80% "
        "zijn namen een aanwijzing om na te gaan, geen conclusie.",
        "en": "Each finding says how certain it is, from the lowest response among the {units} involved: high "
        "confidence from 80%, moderate from 65% to 80%, low below that. Below 65% ona names no one; between 65% "
        "and 80% names are a lead to check, not a conclusion.",
    },
    "report.method.robust": {
        "nl": "Gevoeligheid: {robust} van de {n} bevindingen blijven staan als de niet-invullers worden weggelaten, "
        "als hun relaties worden aangevuld en als ze antwoorden zoals collega's van hun afdeling.",
        "en": "Sensitivity: {robust} of the {n} findings hold when the people who did not answer are left out, when "
        "their ties are filled in, and when they answer like colleagues of their department.",
    },
    "report.method.key_players": {
        "nl": "Sleutelfiguren: ona zoekt de drie mensen zonder wie de meeste paren collega's elkaar niet meer "
        "bereiken, in alle vragen samen (Borgatti 2006). Dat is een feit over het netwerk zoals het is "
        "opgegeven, geen oordeel over personen; bespreek het met hen en hun leidinggevende.",
        "en": "Key players: ona looks for the three people without whom the most pairs of colleagues could no "
        "longer reach each other, in all questions together (Borgatti 2006). That is a fact about the network as "
        "reported, not a judgement of people; discuss it with them and their manager.",
    },
    "report.method.conditions": {
        "nl": "De vijf voorwaarden voor samenwerken (ambitie, belangen, relatie, organisatie, proces; het model van "
        "Common Eye, zoals gebruikt in de workshop ‘Beter samenwerken’ van het A&O-fonds Gemeenten) zijn per "
        "samenwerking gevraagd met twee of drie uitspraken per voorwaarde, op een schaal van 1 (helemaal oneens) tot "
        "5 (helemaal eens). Een gemiddelde onder 3 is een zwakke voorwaarde.",
        "en": "The five conditions of working together (ambition, interests, relationship, organisation, process; "
        "Common Eye's model as used in the A&O-fonds Gemeenten workshop ‘Beter samenwerken’) were asked per "
        "collaboration with two or three statements per condition, on a scale from 1 (strongly disagree) to 5 "
        "(strongly agree). A mean below 3 is a weak condition.",
    },
    "report.method.perception": {
        "nl": "Wie denkt dat een collega bij hem of haar zou komen, is ook gevraagd. Dat beeld is vergeleken met wie "
        "die collega zelf noemde (Krackhardt 1987): zo blijkt of een afdeling weet wie op haar vertrouwt.",
        "en": "People were also asked who they think would come to them. That picture was compared with whom those "
        "colleagues named themselves (Krackhardt 1987): it shows whether a department knows who relies on it.",
    },
    "report.method.measures": {
        "nl": "Of een afdeling vooral op zichzelf werkt, meet ona met de E-I-index (Krackhardt en Stern 1988): "
        "relaties naar buiten min relaties naar binnen, gedeeld door alle relaties. Hoeveel relaties tussen twee "
        "{units} te verwachten zijn, volgt uit hun omvang en hoe actief hun medewerkers zijn.",
        "en": "Whether a department mostly works on its own is measured with the E-I index (Krackhardt and Stern "
        "1988): ties going out minus ties staying in, divided by all ties. How many ties two {units} can be "
        "expected to have follows from their size and how active their people are.",
    },
    "report.method.chance": {
        "nl": "Of een patroon toeval kan zijn, toetst ona door de indeling {n} keer willekeurig te husselen "
        "(startwaarde {seed}): dezelfde gegevens geven steeds dezelfde uitkomst.",
        "en": "Whether a pattern could be chance is tested by shuffling the division {n} times at random "
        "(seed {seed}): the same data always give the same result.",
    },
    "report.method.figures": {"nl": "Het netwerk per vraag", "en": "The network per question"},
    "report.method.ties": {"nl": "Relaties", "en": "Ties"},
    "report.method.density": {"nl": "Dichtheid", "en": "Density"},
    "report.method.reciprocity": {"nl": "Wederzijds", "en": "Returned"},
    "report.method.figures_note": {
        "nl": "Dichtheid: het deel van alle mogelijke relaties dat er is. Wederzijds: het deel van de relaties dat "
        "ook andersom genoemd wordt.",
        "en": "Density: the share of all possible ties that exist. Returned: the share of ties that are also "
        "named the other way round.",
    },
    # -- privacy ------------------------------------------------------------------------------------------
    "report.privacy.heading": {"nl": "Privacy", "en": "Privacy"},
    "report.privacy.manager.k": {
        "nl": "Dit rapport toont alleen cijfers van {units} met minstens {k} medewerkers en minstens {k} ingevulde "
        "vragenlijsten, zodat niemand uit de cijfers te herleiden is.",
        "en": "This report shows figures only for {units} with at least {k} people and at least {k} answered "
        "surveys, so no one can be singled out from the figures.",
    },
    "report.privacy.manager.other": {
        "nl": "Kleinere afdelingen worden nergens genoemd; waar dat veilig kan, tellen hun medewerkers samen mee "
        "onder ‘(overig)’.",
        "en": "Smaller departments are named nowhere; where that is safe, their people are counted together "
        "under ‘(other)’.",
    },
    "report.privacy.manager.answers": {
        "nl": "Individuele antwoorden staan niet in dit rapport; ze blijven bij HR.",
        "en": "Individual answers are not in this report; they stay with HR.",
    },
    "report.privacy.analyst.names": {
        "nl": "Dit rapport bevat namen van medewerkers en is bedoeld voor HR.",
        "en": "This report contains the names of people and is meant for HR.",
    },
    "report.privacy.analyst.share": {
        "nl": "Geef het niet aan leidinggevenden: voor hen maakt u de versie voor leidinggevenden, met alleen "
        "groepscijfers en namen van wie toestemming gaf.",
        "en": "Do not hand it to managers: make the version for managers, with group figures only and the names "
        "of those who consented.",
    },
    "report.privacy.analyst.keep": {
        "nl": "Bewaar het niet langer dan nodig en volg de afspraken van uw organisatie over personeelsgegevens.",
        "en": "Keep it no longer than needed and follow your organisation's rules on staff data.",
    },
    # -- change report --------------------------------------------------------------------------------------
    "report.change.title": {"nl": "Wat veranderde in {name}", "en": "What changed in {name}"},
    "report.change.title.unnamed": {"nl": "Wat veranderde in uw organisatie", "en": "What changed in your organisation"},
    "report.change.subtitle": {
        "nl": "Netwerkonderzoek: meting {before} en meting {after} vergeleken",
        "en": "Network survey: wave {before} compared with wave {after}",
    },
    "report.change.audience.manager": {
        "nl": "Versie voor leidinggevenden: alleen groepscijfers van afdelingen en teams die groot genoeg zijn.",
        "en": "Version for managers: group figures only, of departments and teams that are large enough.",
    },
    "report.change.fig.panel": {
        "nl": "collega's vulden beide keren de vragenlijst in",
        "en": "colleagues answered both surveys",
    },
    "report.change.fig.new": {"nl": "nieuwe relaties", "en": "new ties"},
    "report.change.fig.lost": {"nl": "relaties verdwenen", "en": "ties lost"},
    "report.change.lead": {
        "nl": "Tussen meting {before} en meting {after} vond ona {findings}. Dit zijn de belangrijkste.",
        "en": "Between wave {before} and wave {after} ona found {findings}. These matter most.",
    },
    "report.change.none": {
        "nl": "Tussen meting {before} en meting {after} veranderde er weinig dat opvalt.",
        "en": "Between wave {before} and wave {after} little changed that stands out.",
    },
    "report.change.what.heading": {"nl": "Wat veranderde", "en": "What changed"},
    "report.change.what.lead": {
        "nl": "Geteld over de {panel} collega's die in {before} en in {after} de vragenlijst invulden: welke "
        "relaties bleven, welke kwamen erbij en welke verdwenen.",
        "en": "Counted over the {panel} colleagues who answered in both {before} and {after}: which ties stayed, "
        "which are new and which were lost.",
    },
    "report.change.what.table": {"nl": "Relaties per vraag", "en": "Ties per question"},
    "report.change.col.before": {"nl": "In {wave}", "en": "In {wave}"},
    "report.change.col.after": {"nl": "In {wave}", "en": "In {wave}"},
    "report.change.col.kept": {"nl": "Gebleven", "en": "Kept"},
    "report.change.col.new": {"nl": "Nieuw", "en": "New"},
    "report.change.col.lost": {"nl": "Verdwenen", "en": "Lost"},
    "report.change.spread.heading": {"nl": "Waar het begon: {relation}", "en": "Where it started: {relation}"},
    "report.change.spread.lead": {
        "nl": "Bij {relation} kreeg {unit} {origin} de meeste relaties met andere afdelingen erbij: gemiddeld {gain} "
        "per persoon. De {contacts} collega's met wie zij al contact hadden, kregen er gemiddeld {contacts_gain} "
        "bij; de rest {others_gain}.",
        "en": "For {relation}, {unit} {origin} gained the most ties with other departments: {gain} per person on "
        "average. The {contacts} colleagues they were already in touch with gained {contacts_gain} on average; "
        "the others {others_gain}.",
    },
    "report.change.spread.none": {
        "nl": "Geen team of afdeling kreeg duidelijk meer relaties met andere afdelingen dan de rest.",
        "en": "No team or department clearly gained more ties with other departments than the rest.",
    },
    "report.change.unit.team": {"nl": "team", "en": "team"},
    "report.change.axis": {
        "nl": "relaties ({relation}) met andere {units}, per persoon",
        "en": "ties ({relation}) with other {units}, per person",
    },
    "report.change.caption": {
        "nl": "Relaties ({relation}) met andere {units} per persoon, in {before} (grijs) en {after} (kleur).",
        "en": "Ties ({relation}) with other {units} per person, in {before} (grey) and {after} (colour).",
    },
    "report.change.alt": {
        "nl": "Per afdeling twee punten: voor en na, met een pijl ertussen.",
        "en": "Two dots per department: before and after, with an arrow between them.",
    },
    "report.change.method.panel": {
        "nl": "Vergeleken worden alleen collega's die in {before} en in {after} op de personeelslijst stonden en "
        "beide keren de vragenlijst invulden, zodat een verschil niet komt doordat andere mensen antwoordden.",
        "en": "Only colleagues who were on the roster in {before} and {after} and answered both times are "
        "compared, so a difference does not come from other people answering.",
    },
    "report.change.method.groups": {
        "nl": "Iedereen telt mee bij de {unit} waar hij of zij in {before} werkte, ook wie sindsdien van {unit} "
        "wisselde.",
        "en": "Everyone counts in the {unit} they worked in in {before}, also those who changed {unit} since.",
    },
    "report.change.privacy.manager": {
        "nl": "Dit rapport toont alleen groepscijfers van afdelingen en teams met genoeg medewerkers en "
        "ingevulde vragenlijsten; kleinere worden nergens genoemd.",
        "en": "This report shows group figures only for departments and teams with enough people and answers; "
        "smaller ones are named nowhere.",
    },
}
