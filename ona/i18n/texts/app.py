"""The app's own texts: frame, sidebar and pages (``app.``, ``start.``, ``overview.``, ``network.``,
``groups.``, ``people.``, ``change.``, ``export.``, ``workspace.``), attribute and measure names
(``field.``, ``metric.``, ``summary.``, ``relation.``), ingest-report kinds (``issue.``), ``severity.``,
``common.`` and the drawings (``render.``)."""

from __future__ import annotations

__all__ = ["COUNT_WORDS", "STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- frame and sidebar ---------------------------------------------------------------
    "app.tagline": {
        "nl": "Organisatienetwerkanalyse: zie hoe afdelingen écht samenwerken.",
        "en": "Organisational network analysis: see how departments really work together.",
    },
    "app.language": {"nl": "Taal", "en": "Language"},
    "app.page": {"nl": "Pagina", "en": "Page"},
    "app.page.start": {"nl": "Start en upload", "en": "Start & upload"},
    "app.page.overview": {"nl": "Overzicht", "en": "Overview"},
    "app.page.network": {"nl": "Netwerk", "en": "Network"},
    "app.page.groups": {"nl": "{Units}",
        "en": "{Units}"},
    "app.page.people": {"nl": "Mensen", "en": "People"},
    "app.page.change": {"nl": "Verandering", "en": "Change"},
    "app.page.export": {"nl": "Export", "en": "Export"},
    "app.data": {"nl": "Gegevens", "en": "Data"},
    "app.sample": {"nl": "Voorbeeld", "en": "Sample"},
    "app.wave": {"nl": "Meting", "en": "Survey wave"},
    "app.upload.roster": {"nl": "Personeelslijst (CSV of XLSX)", "en": "Staff roster (CSV or XLSX)"},
    "app.upload.ties": {
        "nl": "Enquête-export, lijst van relaties of matrices (CSV of XLSX)",
        "en": "Survey export, edge list or matrices (CSV or XLSX)",
    },
    "app.upload.help": {
        "nl": "Upload beide bestanden om uw eigen gegevens te bekijken. Tot die tijd ziet u het voorbeeld.",
        "en": "Upload both files to see your own data. Until then you are looking at the sample.",
    },
    "app.using.sample": {"nl": "U bekijkt het voorbeeld **{title}**.", "en": "You are looking at the sample **{title}**."},
    "app.using.upload": {"nl": "U bekijkt uw upload **{title}**.", "en": "You are looking at your upload **{title}**."},
    "app.upload.expected": {
        "nl": "Verwachte samenwerkingen (optioneel, CSV of XLSX)",
        "en": "Declared collaborations (optional, CSV or XLSX)",
    },
    "app.upload.expected.help": {
        "nl": "Kolommen samenwerking,afdeling: welke afdelingen zouden moeten samenwerken. Dan ziet ona of zij "
        "naast elkaar werken.",
        "en": "Columns collaboration,group: which departments are supposed to work together. ona then shows "
        "whether they work side by side.",
    },
    "app.workspace": {"nl": "Voor leidinggevenden", "en": "For managers"},
    "app.upload.workspace": {"nl": "Gepubliceerde werkruimte openen (zip)", "en": "Open a published workspace (zip)"},
    "app.upload.workspace.help": {
        "nl": "De zip die HR met ‘Publiceren voor leidinggevenden’ of ‘ona publish’ maakte: alleen privacygefilterde "
        "cijfers.",
        "en": "The zip HR made with ‘Publish for managers’ or ‘ona publish’: privacy-filtered figures only.",
    },
    "app.group_by": {"nl": "Groepen volgens", "en": "Group people by"},
    "app.manager_notice": {
        "nl": "U ziet de weergave voor leidinggevenden: alleen groepen en geanonimiseerde gegevens.",
        "en": "You see the manager view: groups and pseudonymised data only.",
    },
    "app.loading": {"nl": "Gegevens inlezen…", "en": "Reading the data…"},
    "app.analysing": {"nl": "Netwerk analyseren…", "en": "Analysing the network…"},
    "app.no_relation": {
        "nl": "Deze gegevens bevatten geen relaties met banden. Controleer de koppeling van vragen op de startpagina.",
        "en": "This data holds no relation with ties. Check the question mapping on the start page.",
    },
    # -- start page ------------------------------------------------------------------------
    "start.title": {"nl": "Hoe werkt uw organisatie echt samen?", "en": "How does your organisation really work together?"},
    "start.intro": {
        "nl": "ona leest een netwerkenquête (“bij wie ga je voor advies?”, “wie vertrouw je?”, "
        "“met wie werk je wekelijks samen?”) en een personeelslijst, en laat zien wat het organogram verbergt: "
        "silo's, afdelingen die naast elkaar werken in plaats van samen, kwetsbare bruggen en eenzijdig vertrouwen.",
        "en": "ona reads a network survey (“whom do you go to for advice?”, “whom do you trust?”, "
        "“with whom do you work weekly?”) and a staff roster, and shows what the organisation chart hides: "
        "silos, departments working side by side instead of together, fragile bridges and one-sided trust.",
    },
    "start.steps": {
        "nl": "1. Upload links uw **personeelslijst** en de **export van uw enquête** (Microsoft Forms, Qualtrics, "
        "Google Forms, LimeSurvey, SurveyMonkey) of een lijst van relaties.\n"
        "2. Controleer hieronder wat ona heeft gelezen, koppel vragen aan relaties en beslis over twijfelachtige namen.\n"
        "3. Bekijk het **Overzicht** voor de bevindingen, **Afdelingen** voor wie naast elkaar werkt, en "
        "**Netwerk** voor wie de bruggen slaat.",
        "en": "1. Upload your **staff roster** and your **survey export** (Microsoft Forms, Qualtrics, Google Forms, "
        "LimeSurvey, SurveyMonkey) or an edge list in the sidebar.\n"
        "2. Check below what ona read, map questions to relations and decide on doubtful names.\n"
        "3. See the **Overview** for the findings, **Departments** for who works side by side, and **Network** "
        "for who bridges them.",
    },
    "start.sample_note": {
        "nl": "Nu getoond: het voorbeeld **{title}**. {description}",
        "en": "Now showing: the sample **{title}**. {description}",
    },
    "start.try_upload": {
        "nl": "**Zelf proberen?** Download de personeelslijst en de ruwe Microsoft Forms-export van dit voorbeeld "
        "(en eventueel de verwachte samenwerkingen) en upload ze links, precies zoals HR dat met een eigen "
        "enquête doet.",
        "en": "**Try it yourself:** download this sample's roster and its raw Microsoft Forms export (and, if you "
        "like, the expected collaborations) and upload them on the left, just as HR would with their own survey.",
    },
    "start.try_roster": {"nl": "Personeelslijst", "en": "Roster"},
    "start.try_survey": {"nl": "Enquête-export (Microsoft Forms)", "en": "Survey export (Microsoft Forms)"},
    "start.try_expected": {"nl": "Verwachte samenwerkingen", "en": "Expected collaborations"},
    "start.waiting_roster": {
        "nl": "De export is er; upload ook de personeelslijst.",
        "en": "The export is here; please also upload the staff roster.",
    },
    "start.waiting_ties": {
        "nl": "De personeelslijst is er; upload ook de enquête-export of lijst van relaties.",
        "en": "The roster is here; please also upload the survey export or edge list.",
    },
    "start.uploaded": {"nl": "{people} mensen en {ties} banden ingelezen.", "en": "Read {people} people and {ties} ties."},
    "start.check": {"nl": "Wat ona las", "en": "What ona read"},
    "start.format": {"nl": "Soort invoer", "en": "Input format"},
    "start.relations": {"nl": "Relaties", "en": "Relations"},
    "start.platform": {"nl": "Enquêteplatform", "en": "Survey platform"},
    "start.sources": {"nl": "Bestanden", "en": "Files"},
    "start.questions": {"nl": "Vragen en relaties", "en": "Questions and relations"},
    "start.questions.help": {
        "nl": "Pas de kolom ‘relatie’ aan als een vraag verkeerd gekoppeld is; laat hem leeg om de vraag niet te gebruiken.",
        "en": "Change the ‘relation’ column where a question is mapped wrongly; leave it empty to not use the question.",
    },
    "start.question": {"nl": "Vraag", "en": "Question"},
    "start.column": {"nl": "Kolom", "en": "Column"},
    "start.relation": {"nl": "Relatie", "en": "Relation"},
    "start.other_questions": {
        "nl": "Overige vragen ({count}): gewichten, afdelingen en vragen die niet over mensen gaan",
        "en": "Other questions ({count}): weights, departments and questions not about people",
    },
    "start.apply_mapping": {"nl": "Koppeling toepassen", "en": "Apply mapping"},
    "start.options": {"nl": "Opties voor het inlezen", "en": "Reading options"},
    "start.relation_name": {
        "nl": "Naam van de relatie (voor een lijst of matrix zonder relatiekolom)",
        "en": "Relation name (for an edge list or matrix without a relation column)",
    },
    "start.wave_label": {"nl": "Label van de meting (bijv. 2025)", "en": "Wave label (e.g. 2025)"},
    "start.report": {"nl": "Controleverslag", "en": "Ingest report"},
    "start.no_problems": {"nl": "Geen problemen gevonden.", "en": "No problems found."},
    "start.problems": {
        "nl": "{count} opmerkingen: niets is stilzwijgend weggelaten.",
        "en": "{count} remarks: nothing was dropped silently.",
    },
    "start.kind": {"nl": "Soort", "en": "Kind"},
    "start.count": {"nl": "Aantal", "en": "Count"},
    "start.all_items": {"nl": "Alle {count} meldingen", "en": "All {count} items"},
    "start.response": {"nl": "Respons per groep", "en": "Response per group"},
    "start.review": {"nl": "Namen om te controleren", "en": "Names to review"},
    "start.review.help": {
        "nl": "Deze namen passen bij meerdere mensen of bij niemand precies. Kies de juiste persoon of "
        "‘niet op de personeelslijst’; ona leest de export daarna opnieuw in.",
        "en": "These names match several people or nobody exactly. Pick the right person or ‘not on the roster’; "
        "ona then reads the export again.",
    },
    "start.review.undecided": {"nl": "(nog niet besloten)", "en": "(not decided yet)"},
    "start.review.not_on_roster": {"nl": "niet op de personeelslijst", "en": "not on the roster"},
    "start.review.item": {
        "nl": "‘{name}’ genoemd door {by} ({relation})",
        "en": "‘{name}’ named by {by} ({relation})",
    },
    "start.review.download": {"nl": "Lijst als CSV downloaden", "en": "Download the list as CSV"},
    "start.review.download.help": {
        "nl": "Vul de kolom id in (een personeelsnummer, of - voor ‘niet op de personeelslijst’) en upload het "
        "bestand hiernaast.",
        "en": "Fill in the id column (a roster id, or - for ‘not on the roster’) and upload the file next to this "
        "button.",
    },
    "start.review.upload": {"nl": "Bestand met beslissingen uploaden", "en": "Upload a file of decisions"},
    "start.review.clear": {"nl": "Beslissingen wissen", "en": "Clear decisions"},
    "start.review.apply": {"nl": "Opnieuw inlezen met deze keuzes", "en": "Read again with these decisions"},
    "start.review.done": {"nl": "{count} beslissingen toegepast.", "en": "{count} decisions applied."},
    "start.review.mentions": {"nl": "{count}× genoemd", "en": "named {count}×"},
    # -- overview --------------------------------------------------------------------------
    "overview.title": {"nl": "Overzicht", "en": "Overview"},
    "overview.people": {"nl": "Mensen", "en": "People"},
    "overview.response": {"nl": "Respons", "en": "Response rate"},
    "overview.respondents": {"nl": "{respondents} van {people} beantwoord", "en": "{respondents} of {people} answered"},
    "overview.groups": {"nl": "Groepen", "en": "Groups"},
    "overview.ties": {"nl": "Banden: {relation}", "en": "Ties: {relation}"},
    "overview.findings": {"nl": "Bevindingen", "en": "Findings"},
    "overview.no_findings": {"nl": "Geen opvallende patronen gevonden.", "en": "No notable patterns found."},
    "overview.expected": {
        "nl": "Met {count} verwachte samenwerkingen tussen afdelingen (uit het bestand met samenwerkingen).",
        "en": "With {count} declared collaborations between departments (from the collaborations file).",
    },
    "overview.network_figures": {"nl": "Netwerkkenmerken per relatie", "en": "Whole-network figures per relation"},
    "overview.all_relations": {"nl": "alle relaties samen", "en": "all relations together"},
    "overview.figure": {"nl": "Kengetal", "en": "Figure"},
    "overview.value": {"nl": "Waarde", "en": "Value"},
    "overview.evidence": {"nl": "Onderbouwing", "en": "Evidence"},
    "overview.suggestions": {"nl": "Suggesties — wat kunt u doen?", "en": "Suggestions — what you could do"},
    "overview.people_involved": {"nl": "Betrokken mensen", "en": "People involved"},
    "overview.groups_involved": {"nl": "Betrokken groepen", "en": "Groups involved"},
    # -- network ---------------------------------------------------------------------------
    "network.title": {"nl": "Netwerk", "en": "Network"},
    "network.relation": {"nl": "Relatie", "en": "Relation"},
    "network.color": {"nl": "Kleur volgens", "en": "Colour by"},
    "network.color.group": {"nl": "{Unit}",
        "en": "{Unit}"},
    "network.color.community": {"nl": "Gemeenschap (Louvain)", "en": "Community (Louvain)"},
    "network.size": {"nl": "Grootte volgens", "en": "Size by"},
    "network.size.none": {"nl": "(gelijk)", "en": "(equal)"},
    "network.filter": {"nl": "Toon {units}",
        "en": "Show {units}"},
    "network.focus": {"nl": "Inzoomen op", "en": "Focus on"},
    "network.focus.all": {"nl": "Iedereen", "en": "Everyone"},
    "network.focus.group": {"nl": "Eén {unit} en de bruggen ernaartoe",
        "en": "One {unit} and its bridges"},
    "network.focus.person": {"nl": "Het netwerk van één persoon", "en": "One person's network"},
    "network.focus.overview": {"nl": "Per {unit}",
        "en": "By {unit}"},
    "network.focus_group": {"nl": "{Unit}",
        "en": "{Unit}"},
    "network.focus_person": {"nl": "Persoon", "en": "Person"},
    "network.brokers": {"nl": "Makelaars markeren", "en": "Highlight brokers"},
    "network.brokers.help": {"nl": "De tien mensen met de meeste makelaarsrollen tússen {units} (poortwachter, vertegenwoordiger, verbinder; Gould en Fernandez 1989).",
        "en": "The ten people with the most brokerage roles between {units} (gatekeeper, representative, liaison; Gould and Fernandez 1989)."},
    "network.bridges": {"nl": "Markeren wie een dunne verbinding draagt", "en": "Highlight who carries a thin link"},
    "network.physics": {"nl": "Beweging (physics)", "en": "Physics"},
    "network.caption": {"nl": "{nodes} mensen en {edges} banden getekend. Beweeg over een punt voor naam, {unit}, functie en kerncijfers; scroll om te zoomen.",
        "en": "{nodes} people and {edges} ties drawn. Hover over a dot for name, {unit}, role and key metrics; scroll to zoom."},
    "network.too_large": {"nl": "Dit netwerk heeft {people} mensen: te veel om persoon voor persoon te tekenen. U ziet het per {unit}; zoom in op één {unit} of persoon.",
        "en": "This network has {people} people: too many to draw person by person. It opens by {unit}; focus on one {unit} or person to drill down."},
    "network.brokers_list": {"nl": "**Makelaars tussen {units}:** {names}",
        "en": "**Brokers between {units}:** {names}"},
    "network.bridges_list": {"nl": "**Dunne verbindingen hangen aan:** {names}", "en": "**Thin links hang on:** {names}"},
    "network.manager_empty": {"nl": "Volgens de privacy-instellingen mag hier niemand persoonlijk getoond worden (geen toestemming, geen pseudoniemsleutel, of alleen groepsoverzichten). U ziet de cijfers per {unit}.",
        "en": "Under the privacy settings nobody here may be shown person by person (no consent, no pseudonym key, or group-level views only). You see the figures by {unit}."},
    "network.empty": {"nl": "Geen mensen om te tekenen met deze filters.", "en": "Nobody to draw with these filters."},
    # -- departments -----------------------------------------------------------------------
    "groups.title": {"nl": "Afdelingen", "en": "Departments"},
    "groups.matrix": {"nl": "Wie heeft banden met wie?", "en": "Who has ties with whom?"},
    "groups.matrix.help": {
        "nl": "Rijen sturen, kolommen ontvangen. Lage waarden buiten de diagonaal: afdelingen die naast elkaar werken.",
        "en": "Rows send, columns receive. Low values off the diagonal: departments working side by side.",
    },
    "groups.values": {"nl": "Waarden", "en": "Values"},
    "groups.values.counts": {"nl": "Aantal banden", "en": "Tie counts"},
    "groups.values.density": {"nl": "Dichtheid", "en": "Density"},
    "groups.graph": {"nl": "Afdelingen als netwerk", "en": "Departments as a network"},
    "groups.graph.help": {
        "nl": "Grootte = aantal mensen, lijndikte = aantal banden.",
        "en": "Size = number of people, line width = number of ties.",
    },
    "groups.ei": {"nl": "E-I-index per afdeling", "en": "E-I index per department"},
    "groups.ei.help": {
        "nl": "−1 = alle banden binnen de afdeling (silo), +1 = alle banden naar buiten.",
        "en": "−1 = all ties inside the department (silo), +1 = all ties outside.",
    },
    "groups.ei.p": {
        "nl": "Kans op een even gesloten of geslotener afdeling bij willekeurige toewijzing van mensen aan afdelingen "
        "(1000 permutaties).",
        "en": "Chance of a department this closed or more when people are assigned to departments at random "
        "(1000 permutations).",
    },
    "groups.pair": {"nl": "Twee {units} vergelijken",
        "en": "Compare two {units}"},
    "groups.pair.first": {"nl": "Eerste {unit}",
        "en": "First {unit}"},
    "groups.pair.second": {"nl": "Tweede {unit}",
        "en": "Second {unit}"},
    "groups.pair.none": {
        "nl": "Geen enkele band tussen {a} en {b}: zij werken naast elkaar.",
        "en": "Not a single tie between {a} and {b}: they work side by side.",
    },
    "groups.pair.summary": {
        "nl": "{ties} tussen {a} en {b} ({ab} van {a} naar {b}, {ba} terug), gedragen door {people}.",
        "en": "{ties} between {a} and {b} ({ab} from {a} to {b}, {ba} back), carried by {people}.",
    },
    "groups.pair.counts": {
        "nl": "{ab} van {a} naar {b} en {ba} terug.",
        "en": "{ab} from {a} to {b} and {ba} back.",
    },
    "groups.pair.carriers": {"nl": "Wie draagt deze banden?", "en": "Who carries these ties?"},
    "groups.pair.same": {"nl": "Kies twee verschillende {units}.",
        "en": "Pick two different {units}."},
    # -- people ----------------------------------------------------------------------------
    "people.title": {"nl": "Mensen", "en": "People"},
    "people.help": {
        "nl": "Klik op een kolomkop om te sorteren. Makelaarsrollen volgens Gould en Fernandez (1989).",
        "en": "Click a column header to sort. Brokerage roles after Gould and Fernandez (1989).",
    },
    "people.search": {"nl": "Zoek op naam", "en": "Search by name"},
    # -- change between waves -------------------------------------------------------------
    "change.title": {"nl": "Verandering tussen metingen", "en": "Change between survey waves"},
    "change.intro": {
        "nl": "Vergelijk twee metingen van dezelfde organisatie: welke banden bleven, welke zijn nieuw of verdwenen, "
        "tussen welke afdelingen het netwerk groeide en vanuit welk team de verandering zich verspreidde.",
        "en": "Compare two survey waves of the same organisation: which ties were kept, which are new or lost, "
        "between which departments the network grew, and from which team the change spread.",
    },
    "change.before": {"nl": "Eerdere meting", "en": "Earlier wave"},
    "change.after": {"nl": "Latere meting", "en": "Later wave"},
    "change.same": {"nl": "Kies twee verschillende metingen.", "en": "Pick two different waves."},
    "change.one_wave": {
        "nl": "Dit voorbeeld heeft één meting. Kies de gemeente (2025 en 2026), of upload uw eigen gegevens en "
        "daarna hier de export van een tweede meting.",
        "en": "This sample has one wave. Choose the municipality (2025 and 2026), or upload your own data and then "
        "the export of a second wave here.",
    },
    "change.manager_upload": {
        "nl": "Voor een vergelijking zijn twee metingen nodig; in deze weergave zijn die er niet.",
        "en": "A comparison needs two survey waves; this view has only one.",
    },
    "change.upload": {"nl": "Tweede meting uploaden", "en": "Upload a second wave"},
    "change.upload.ties": {
        "nl": "Enquête-export of lijst van relaties van de andere meting (CSV of XLSX)",
        "en": "Survey export or edge list of the other wave (CSV or XLSX)",
    },
    "change.upload.roster": {
        "nl": "Personeelslijst van die meting (optioneel; anders de huidige)",
        "en": "Staff roster of that wave (optional; otherwise the current one)",
    },
    "change.upload.help": {
        "nl": "Dezelfde ids als in de huidige personeelslijst: alleen zo herkent ona mensen in beide metingen. "
        "Koppelingen van vragen en beslissingen over namen van de huidige upload gelden ook hier.",
        "en": "Use the same ids as in the current roster: only then does ona recognise people in both waves. "
        "Question mappings and name decisions of the current upload apply here too.",
    },
    "change.upload.wait": {
        "nl": "Upload hierboven de export van de andere meting om te vergelijken met **{title}**.",
        "en": "Upload the export of the other wave above to compare it with **{title}**.",
    },
    "change.wave_label": {"nl": "Naam van die meting", "en": "Label of that wave"},
    "change.current_label": {"nl": "Naam van de huidige meting", "en": "Label of the current wave"},
    "change.order": {"nl": "De upload is de", "en": "The upload is the"},
    "change.order.later": {"nl": "latere meting", "en": "later wave"},
    "change.order.earlier": {"nl": "eerdere meting", "en": "earlier wave"},
    "change.comparing": {
        "nl": "Vergelijking van meting **{before}** met meting **{after}**.",
        "en": "Comparing wave **{before}** with wave **{after}**.",
    },
    "change.relations": {"nl": "Banden: behouden, nieuw, verdwenen", "en": "Ties: kept, new, lost"},
    "change.relations.help": {
        "nl": "Alleen de {panel} mensen die beide keren de enquête invulden tellen mee: van wie één keer "
        "antwoordde, weten we de banden in de andere meting niet (onbekend is niet hetzelfde als verdwenen). "
        "Jaccard = behouden banden gedeeld door alle banden uit beide metingen; onder 0,2 is het netwerk grotendeels "
        "nieuw (Snijders, Van de Bunt en Steglich 2010).",
        "en": "Only the {panel} people who answered the survey both times count: for someone who answered once, "
        "the ties in the other wave are unknown (unknown is not the same as lost). Jaccard = kept ties divided by "
        "all ties in either wave; below 0.2 the network is mostly new (Snijders, Van de Bunt and Steglich 2010).",
    },
    "change.findings": {"nl": "Wat veranderde er?", "en": "What changed?"},
    "change.no_findings": {
        "nl": "Geen opvallende veranderingen tussen deze metingen.",
        "en": "No notable changes between these waves.",
    },
    "change.pairs": {"nl": "Banden tussen {units}: verandering",
        "en": "Ties between {units}: change"},
    "change.pairs.help": {
        "nl": "Rijen sturen, kolommen ontvangen. Elk vak: banden in meting {after} min banden in meting {before} "
        "(alleen van mensen die beide keren antwoordden). Groen = gegroeid, rood = afgenomen.",
        "en": "Rows send, columns receive. Each cell: ties in wave {after} minus ties in wave {before} (only from "
        "people who answered both times). Green = grew, red = shrank.",
    },
    "change.pairs.all": {"nl": "Alle paren met hun aantallen", "en": "Every pair with its counts"},
    "change.spread": {"nl": "Waar groeiden banden met andere {units}?",
        "en": "Where did ties to other {units} grow?"},
    "change.spread.help": {
        "nl": "Per persoon gemiddeld aantal banden met mensen van andere afdelingen, voor en na. De oorsprong is het "
        "team (van minstens 3 mensen) dat het meest groeide; contacten zijn de mensen buiten dat team met wie het in "
        "de eerste meting al banden had. Groeien de contacten meer dan de rest, dan verspreidt de verandering zich.",
        "en": "Mean number of ties per person to people in other departments, before and after. The origin is the "
        "team (of at least 3 people) that grew most; contacts are the people outside that team with whom it already "
        "had ties in the first wave. When the contacts grew more than everyone else, the change is spreading.",
    },
    "change.spread.none": {"nl": "Geen groei om te tonen.", "en": "No growth to show."},
    "change.teams": {"nl": "Groei per team", "en": "Growth per team"},
    "change.groups": {"nl": "Groei per {unit}",
        "en": "Growth per {unit}"},
    "change.small_panel": {
        "nl": "Minder dan {k} mensen vulden beide metingen in: te weinig om cijfers te tonen.",
        "en": "Fewer than {k} people answered both waves: too few to show figures.",
    },
    "change.manager_note": {"nl": "Alleen teams en {units} met minstens {k} mensen die beide keren antwoordden.",
        "en": "Only teams and {units} with at least {k} people who answered both times."},
    "change.download": {"nl": "Vergelijking als Excel-werkmap", "en": "Comparison as an Excel workbook"},
    # -- export ----------------------------------------------------------------------------
    "export.title": {"nl": "Export", "en": "Export"},
    "export.tables": {"nl": "Tabellen", "en": "Tables"},
    "export.workbook": {"nl": "Alle tabellen als Excel-werkmap", "en": "All tables as one Excel workbook"},
    "export.csv": {"nl": "{table} (CSV)", "en": "{table} (CSV)"},
    "export.xlsx": {"nl": "{table} (Excel)", "en": "{table} (Excel)"},
    "export.network": {"nl": "Netwerk", "en": "Network"},
    "export.gexf": {"nl": "Netwerk als GEXF (Gephi)", "en": "Network as GEXF (Gephi)"},
    "export.graphml": {"nl": "Netwerk als GraphML", "en": "Network as GraphML"},
    "export.findings": {"nl": "Bevindingen als Markdown", "en": "Findings as Markdown"},
    "export.html": {"nl": "Huidige netwerktekening als HTML", "en": "Current network drawing as HTML"},
    "export.html.help": {
        "nl": "Een los bestand dat zonder internet in elke browser opent.",
        "en": "A standalone file that opens in any browser without internet.",
    },
    "export.formula_note": {
        "nl": "Cellen die met =, +, − of @ beginnen krijgen een apostrof, zodat Excel ze niet als formule uitvoert.",
        "en": "Cells starting with =, +, - or @ get an apostrophe so that Excel does not run them as formulas.",
    },
    "export.table.people": {"nl": "mensen", "en": "people"},
    "export.table.ties": {"nl": "banden", "en": "ties"},
    "export.table.groups": {"nl": "{units}",
        "en": "{units}"},
    "export.table.matrix": {"nl": "matrix per {unit}",
        "en": "{unit} matrix"},
    "export.table.density": {"nl": "dichtheidsmatrix", "en": "density matrix"},
    "export.table.findings": {"nl": "bevindingen", "en": "findings"},
    "export.table.report": {"nl": "controleverslag", "en": "ingest report"},
    "export.publish": {"nl": "Publiceren voor leidinggevenden", "en": "Publish for managers"},
    "export.publish.help": {
        "nl": "Een werkruimte met alleen privacygefilterde cijfers: groepen van minstens {k} mensen, {names}. "
        "Leidinggevenden openen de zip in deze app.",
        "en": "A workspace with privacy-filtered figures only: groups of at least {k} people, {names}. Managers "
        "open the zip in this app.",
    },
    "export.publish.pseudonyms": {
        "nl": "mensen met toestemming bij naam en anderen onder een pseudoniem",
        "en": "people who consented by name and others by pseudonym",
    },
    "export.publish.consent": {
        "nl": "alleen mensen met toestemming persoonlijk (er is geen pseudoniemsleutel ingesteld)",
        "en": "only people who consented shown person by person (no pseudonym key is configured)",
    },
    "export.publish.button": {"nl": "Werkruimte downloaden (zip)", "en": "Download the workspace (zip)"},
    # -- published workspaces --------------------------------------------------------------
    "workspace.notice": {
        "nl": "U bekijkt een gepubliceerde werkruimte: alleen privacygefilterde cijfers, geen ruwe antwoorden.",
        "en": "You are looking at a published workspace: privacy-filtered figures only, no raw answers.",
    },
    "workspace.note": {"nl": "Gepubliceerde werkruimte: **{title}**.", "en": "Published workspace: **{title}**."},
    "workspace.untitled": {"nl": "(zonder naam)", "en": "(untitled)"},
    "workspace.min_group": {"nl": "Minimale groepsgrootte", "en": "Minimum group size"},
    "workspace.no_change": {
        "nl": "Een gepubliceerde werkruimte bevat één meting. Vraag HR om een vergelijking tussen metingen.",
        "en": "A published workspace holds one survey wave. Ask HR for a comparison between waves.",
    },
    "workspace.download": {"nl": "Werkruimte downloaden (zip)", "en": "Download the workspace (zip)"},
    # -- fields and metrics ----------------------------------------------------------------
    "field.id": {"nl": "Id", "en": "Id"},
    "field.name": {"nl": "Naam", "en": "Name"},
    "field.email": {"nl": "E-mail", "en": "E-mail"},
    "field.department": {"nl": "Afdeling", "en": "Department"},
    "field.team": {"nl": "Team", "en": "Team"},
    "field.role": {"nl": "Functie", "en": "Role"},
    "field.manager": {"nl": "Leidinggevende", "en": "Manager"},
    "field.location": {"nl": "Locatie", "en": "Location"},
    "field.responded": {"nl": "Enquête ingevuld", "en": "Answered the survey"},
    "field.person": {"nl": "Persoon", "en": "Person"},
    "field.people": {"nl": "Mensen", "en": "People"},
    "field.respondents": {"nl": "Respondenten", "en": "Respondents"},
    "field.response_rate": {"nl": "Respons", "en": "Response rate"},
    "field.internal_ties": {"nl": "Banden binnen", "en": "Ties inside"},
    "field.ties": {"nl": "Banden", "en": "Ties"},
    "field.source": {"nl": "Van", "en": "From"},
    "field.target": {"nl": "Naar", "en": "To"},
    "field.relation": {"nl": "Relatie", "en": "Relation"},
    "field.weight": {"nl": "Gewicht", "en": "Weight"},
    "field.group": {"nl": "Groep", "en": "Group"},
    "field.ties_before": {"nl": "Banden voor", "en": "Ties before"},
    "field.ties_after": {"nl": "Banden na", "en": "Ties after"},
    "field.kept": {"nl": "Behouden", "en": "Kept"},
    "field.new": {"nl": "Nieuw", "en": "New"},
    "field.lost": {"nl": "Verdwenen", "en": "Lost"},
    "field.jaccard": {"nl": "Jaccard (stabiliteit)", "en": "Jaccard (stability)"},
    "field.panel_respondents": {"nl": "Beide keren geantwoord", "en": "Answered both times"},
    "field.cross_before": {"nl": "Voor (per persoon)", "en": "Before (per person)"},
    "field.cross_after": {"nl": "Na (per persoon)", "en": "After (per person)"},
    "field.gain": {"nl": "Groei per persoon", "en": "Gain per person"},
    "field.origin": {"nl": "Oorsprong", "en": "Origin"},
    "field.origin_gain": {"nl": "Groei in de oorsprong", "en": "Gain in the origin"},
    "field.contacts": {"nl": "Contacten", "en": "Contacts"},
    "field.contacts_gain": {"nl": "Groei bij contacten", "en": "Gain among contacts"},
    "field.others_gain": {"nl": "Groei bij de rest", "en": "Gain among everyone else"},
    "field.before": {"nl": "Voor", "en": "Before"},
    "field.after": {"nl": "Na", "en": "After"},
    "field.change": {"nl": "Verandering", "en": "Change"},
    "field.before_wave": {"nl": "Eerdere meting", "en": "Earlier wave"},
    "field.after_wave": {"nl": "Latere meting", "en": "Later wave"},
    "field.unit": {"nl": "Eenheid", "en": "Unit"},
    "field.spreading": {"nl": "Verspreidt zich", "en": "Spreading"},
    "metric.in_degree": {"nl": "Genoemd door", "en": "Named by"},
    "metric.out_degree": {"nl": "Noemt", "en": "Names"},
    "metric.betweenness": {"nl": "Tussenpositie", "en": "Betweenness"},
    "metric.pagerank": {"nl": "PageRank", "en": "PageRank"},
    "metric.constraint": {"nl": "Beperking (Burt)", "en": "Constraint (Burt)"},
    "metric.effective_size": {"nl": "Effectieve omvang", "en": "Effective size"},
    "metric.ei_index": {"nl": "E-I-index", "en": "E-I index"},
    "metric.reciprocity": {"nl": "Wederkerigheid", "en": "Reciprocity"},
    "metric.community": {"nl": "Gemeenschap", "en": "Community"},
    "metric.brokerage": {"nl": "Makelaarsrol", "en": "Brokerage"},
    "metric.density": {"nl": "Dichtheid", "en": "Density"},
    "metric.in_degree_norm": {"nl": "Genoemd door (genormeerd)", "en": "Named by (normalised)"},
    "metric.out_degree_norm": {"nl": "Noemt (genormeerd)", "en": "Names (normalised)"},
    "metric.weighted_in_degree": {"nl": "Genoemd door (gewogen)", "en": "Named by (weighted)"},
    "metric.weighted_out_degree": {"nl": "Noemt (gewogen)", "en": "Names (weighted)"},
    "metric.brokerage_coordinator": {"nl": "Coördinator", "en": "Coordinator"},
    "metric.brokerage_itinerant": {"nl": "Consulent", "en": "Itinerant"},
    "metric.brokerage_gatekeeper": {"nl": "Poortwachter", "en": "Gatekeeper"},
    "metric.brokerage_representative": {"nl": "Vertegenwoordiger", "en": "Representative"},
    "metric.brokerage_liaison": {"nl": "Verbinder", "en": "Liaison"},
    "metric.brokerage_total": {"nl": "Makelaarsrollen totaal", "en": "Brokerage total"},
    "metric.departments_reached": {"nl": "Afdelingen bereikt", "en": "Departments reached"},
    "summary.density": {"nl": "Dichtheid", "en": "Density"},
    "summary.reciprocity": {"nl": "Wederkerigheid", "en": "Reciprocity"},
    "summary.transitivity": {"nl": "Transitiviteit", "en": "Transitivity"},
    "summary.ei_index_network": {"nl": "E-I-index (netwerk)", "en": "E-I index (network)"},
    "summary.modularity_groups": {"nl": "Modulariteit van de {units}", "en": "Modularity of the {units}"},
    "summary.communities": {"nl": "Gemeenschappen", "en": "Communities"},
    "summary.nmi_groups": {
        "nl": "Overeenkomst gemeenschappen–{units} (NMI)",
        "en": "Communities vs {units} (NMI)",
    },
    "summary.components": {"nl": "Componenten", "en": "Components"},
    "common.yes": {"nl": "ja", "en": "yes"},
    "common.no": {"nl": "nee", "en": "no"},
    "common.community": {"nl": "Gemeenschap {number}", "en": "Community {number}"},
    "severity.high": {"nl": "hoog", "en": "high"},
    "severity.medium": {"nl": "middel", "en": "medium"},
    "severity.low": {"nl": "laag", "en": "low"},
    "severity.info": {"nl": "info", "en": "info"},
    # -- ingest report kinds (see ona.report.ISSUE_KINDS) ------------------------------------
    "issue.duplicate_id": {
        "nl": "dubbele personeelsnummers (latere rijen genegeerd)",
        "en": "duplicate roster ids (later rows ignored)",
    },
    "issue.missing_id": {"nl": "rijen zonder personeelsnummer (genegeerd)", "en": "roster rows without an id (ignored)"},
    "issue.missing_department": {"nl": "mensen zonder afdeling", "en": "people without a department"},
    "issue.unknown_person": {
        "nl": "banden met iemand die niet op de personeelslijst staat (weggelaten)",
        "en": "ties naming someone not on the roster (dropped)",
    },
    "issue.self_tie": {"nl": "banden met zichzelf (weggelaten)", "en": "self-ties (dropped)"},
    "issue.duplicate_tie": {
        "nl": "dubbele banden (samengevoegd, hoogste gewicht behouden)",
        "en": "duplicate ties (merged, highest weight kept)",
    },
    "issue.invalid_weight": {
        "nl": "banden met een onleesbaar of negatief gewicht (weggelaten)",
        "en": "ties with an unreadable or negative weight (dropped)",
    },
    "issue.zero_weight": {"nl": "banden met gewicht 0 (geen band; weggelaten)", "en": "ties with weight 0 (not a tie; left out)"},
    "issue.empty_answer": {"nl": "lege antwoorden", "en": "empty answers"},
    "issue.duplicate_submission": {
        "nl": "eerdere inzendingen vervangen door een latere",
        "en": "earlier submissions replaced by a later one",
    },
    "issue.unmatched_name": {
        "nl": "namen die niet op de personeelslijst staan (geen band gemaakt)",
        "en": "names not found on the roster (no tie made)",
    },
    "issue.needs_review": {
        "nl": "namen die bij meerdere mensen passen (geen band tot u beslist)",
        "en": "names matching several people (no tie made until resolved)",
    },
    "issue.fuzzy_match": {"nl": "namen bij benadering herkend (geaccepteerd)", "en": "names matched approximately (accepted)"},
    "issue.respondent_added": {
        "nl": "mensen op de lijst van niet-respondenten die wel banden noemden (geteld als respondent)",
        "en": "people listed as non-respondents who sent ties (counted as respondents)",
    },
    "issue.unknown_respondent": {
        "nl": "respondenten die niet op de personeelslijst staan (antwoorden niet gebruikt)",
        "en": "respondents not found on the roster (answers not used)",
    },
    "issue.preview_response": {"nl": "test- of voorbeeldantwoorden (genegeerd)", "en": "preview or test responses (ignored)"},
    "issue.unmapped_question": {"nl": "vragen die niet als relatie gebruikt worden", "en": "questions not used as a relation"},
    "issue.resolved": {"nl": "namen besloten met uw keuzes", "en": "names decided by your resolutions"},
    "issue.incomplete_response": {
        "nl": "onvolledige antwoorden (de gegeven antwoorden worden gebruikt)",
        "en": "unfinished responses (the answers given are used)",
    },
    "issue.missing_weight": {
        "nl": "genoemde mensen zonder bruikbare frequentie (gewicht 1 gebruikt)",
        "en": "named people without a usable frequency (weight 1 used)",
    },
    "issue.not_applicable": {
        "nl": "antwoorden als ‘weet niet’ of ‘niet van toepassing’ (niet gebruikt)",
        "en": "answers such as ‘don't know’ or ‘not applicable’ (not used)",
    },
    "issue.other": {"nl": "overige opmerkingen", "en": "other remarks"},
    # -- relations with a usual name (others are shown as written) ----------------------------
    "relation.advice": {"nl": "advies", "en": "advice"},
    "relation.trust": {"nl": "vertrouwen", "en": "trust"},
    "relation.collaboration": {"nl": "samenwerking", "en": "collaboration"},
    "relation.friendship": {"nl": "vriendschap", "en": "friendship"},
    "relation.reports_to": {"nl": "rapporteert aan", "en": "reports to"},
    "relation.communication": {"nl": "communicatie", "en": "communication"},
    "relation.information": {"nl": "informatie", "en": "information"},
    "relation.energy": {"nl": "energie", "en": "energy"},
    "relation.ties": {"nl": "banden", "en": "ties"},
    # -- drawings --------------------------------------------------------------------------
    "render.title.people": {"nl": "Netwerk van mensen", "en": "Network of people"},
    "render.title.groups": {"nl": "Netwerk van {units}",
        "en": "Network of {units}"},
    "render.legend.highlight": {"nl": "makelaar", "en": "broker"},
    "render.legend.bridge": {"nl": "kwetsbare brug", "en": "fragile bridge"},
    "render.legend.pair": {"nl": "gekozen paar", "en": "selected pair"},
}


#: Words that follow a count: word -> {language -> (singular, plural)}; see :func:`count`.
COUNT_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "tie": {"nl": ("band", "banden"), "en": ("tie", "ties")},
    "person": {"nl": ("persoon", "mensen"), "en": ("person", "people")},
    "finding": {"nl": ("bevinding", "bevindingen"), "en": ("finding", "findings")},
}
