"""Texts of reading input (``ingest.``): file errors and limits, roster, ties, survey exports, structure
files, question kinds (``ingest.kind.``), scales and report lines; plus the labels of the report kinds that
reading adds (``issue.``).

Placeholders are filled by :func:`ona.i18n.render`: ``{relation}`` is said in the language, whole numbers
get the language's separators, user text is shortened.
"""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- where -------------------------------------------------------------------------------------
    # -- files ---------------------------------------------------------------------------------------
    "ingest.file.not_found": {"nl": "bestand niet gevonden", "en": "file not found"},
    "ingest.file.not_found.fix": {
        "nl": "Controleer het pad en de huidige map",
        "en": "Check the path and the current directory",
    },
    "ingest.file.folder": {"nl": "dit is een map, geen bestand", "en": "this is a folder, not a file"},
    "ingest.file.folder.fix": {"nl": "Kies een CSV- of XLSX-bestand", "en": "Name a CSV or XLSX file"},
    "ingest.file.too_large": {
        "nl": "het bestand is {size} MB, meer dan de grens van {limit} MB",
        "en": "the file is {size} MB, more than the limit of {limit} MB",
    },
    "ingest.file.too_large.fix": {
        "nl": "Splits het bestand of laat kolommen weg die niet nodig zijn",
        "en": "Split it or remove columns that are not needed",
    },
    "ingest.file.empty": {"nl": "het bestand is leeg", "en": "the file is empty"},
    "ingest.file.no_rows": {"nl": "het bestand bevat geen rijen", "en": "the file holds no rows"},
    "ingest.file.export_again": {"nl": "Exporteer de gegevens opnieuw", "en": "Export the data again"},
    "ingest.file.xls": {
        "nl": "dit is een oud Excel 97-2003-bestand (.xls), dat ona niet kan lezen",
        "en": "this is an old Excel 97-2003 (.xls) workbook, which ona cannot read",
    },
    "ingest.file.xls.fix": {
        "nl": "Open het in Excel en sla het op als .xlsx of .csv",
        "en": "Open it in Excel and save it as .xlsx or .csv",
    },
    "ingest.file.binary": {
        "nl": "dit is geen tekstbestand (CSV) en geen Excel-bestand (XLSX)",
        "en": "this is not a text (CSV) or Excel (XLSX) file",
    },
    "ingest.file.binary.fix": {"nl": "Upload de export als CSV of XLSX", "en": "Upload the export as CSV or XLSX"},
    "ingest.csv.unclosed_quote": {
        "nl": "hier begint een cel tussen aanhalingstekens zonder afsluitend aanhalingsteken, zodat de rest van "
        "het bestand als één cel gelezen zou worden",
        "en": "a quoted cell starts here and its closing quote is missing, so the rest of the file would be "
        "read as one cell",
    },
    "ingest.csv.unclosed_quote.fix": {
        "nl": "Sluit het aanhalingsteken of haal het weg en sla het bestand opnieuw op",
        "en": "Close the quote or remove it, and save the file again",
    },
    "ingest.csv.unreadable": {
        "nl": "de CSV kan vanaf hier niet gelezen worden ({error})",
        "en": "the CSV cannot be read from here on ({error})",
    },
    "ingest.csv.too_many": {
        "nl": "het bestand heeft meer dan {rows} rijen of {cells} cellen, de grens van ona",
        "en": "the file has more than {rows} rows or {cells} cells, ona's limit",
    },
    "ingest.csv.too_many.fix": {
        "nl": "Splits het bestand of laat kolommen weg die niet nodig zijn",
        "en": "Split the file or remove columns that are not needed",
    },
    "ingest.xlsx.damaged": {"nl": "het Excel-bestand is beschadigd", "en": "the Excel file is damaged"},
    "ingest.xlsx.damaged_type": {
        "nl": "het Excel-bestand kan niet gelezen worden ({error})",
        "en": "the Excel file cannot be read ({error})",
    },
    "ingest.xlsx.damaged.fix": {
        "nl": "Open het in Excel en sla het opnieuw op",
        "en": "Open and save it again in Excel",
    },
    "ingest.xlsx.parts": {
        "nl": "het Excel-bestand bestaat uit {parts} onderdelen, meer dan de grens van {limit}",
        "en": "the Excel file consists of {parts} parts, more than the limit of {limit}",
    },
    "ingest.xlsx.parts.fix": {
        "nl": "Bewaar alleen het nodige werkblad in een nieuw bestand, of exporteer het als CSV",
        "en": "Save only the needed sheet in a new workbook, or export it as CSV",
    },
    "ingest.xlsx.sheets": {
        "nl": "het Excel-bestand heeft {sheets} werkbladen, meer dan de grens van {limit}",
        "en": "the Excel file has {sheets} sheets, more than the limit of {limit}",
    },
    "ingest.xlsx.sheets.fix": {
        "nl": "Bewaar alleen de nodige werkbladen (één per relatie), of exporteer ze als CSV",
        "en": "Keep only the needed sheets (one per relation), or export them as CSV",
    },
    "ingest.xlsx.unpacked": {
        "nl": "het Excel-bestand pakt uit tot {size} MB, verdacht groot",
        "en": "the Excel file unpacks to {size} MB, which is suspiciously large",
    },
    "ingest.xlsx.unpacked.fix": {
        "nl": "Bewaar alleen het nodige werkblad, of exporteer het als CSV",
        "en": "Save only the needed sheet, or export it as CSV",
    },
    "ingest.xlsx.too_many": {
        "nl": "werkblad '{sheet}' is te groot: ona leest uit een Excel-bestand hoogstens {rows} rijen en {cells} "
        "cellen",
        "en": "sheet '{sheet}' is too large: ona reads at most {rows} rows and {cells} cells from an Excel file",
    },
    "ingest.xlsx.too_many.fix": {
        "nl": "Exporteer het werkblad als CSV (dat leest veel sneller) of laat overbodige rijen en kolommen weg",
        "en": "Export the sheet as CSV (which reads much faster) or remove rows and columns that are not needed",
    },
    "ingest.xlsx.not_workbook": {
        "nl": "dit is een zip-archief maar geen Excel-bestand",
        "en": "this is a zip archive but not an Excel workbook",
    },
    "ingest.xlsx.no_data": {"nl": "het Excel-bestand bevat geen gegevens", "en": "the workbook holds no data"},
    "ingest.xlsx.no_data.fix": {
        "nl": "Controleer of u het goede bestand heeft geëxporteerd",
        "en": "Check that you exported the right file",
    },
    "ingest.sheet.missing": {
        "nl": "het Excel-bestand heeft geen werkblad '{sheet}' (wel {sheets})",
        "en": "the workbook has no sheet '{sheet}' (it has {sheets})",
    },
    "ingest.sheet.missing.fix": {"nl": "Kies een van die werkbladen", "en": "Name one of those sheets"},
    "ingest.columns.duplicate": {
        "nl": "meer dan één kolom kan {field} zijn: '{first}' en {others}; de eerste wordt gebruikt",
        "en": "more than one column can be the {field}: '{first}' and {others}; the first is used",
    },
    # -- roster ------------------------------------------------------------------------------------
    "ingest.roster.header_only": {
        "nl": "de personeelslijst heeft kolomkoppen maar geen rijen met mensen",
        "en": "the roster has column headers but no rows of people",
    },
    "ingest.roster.header_only.fix": {
        "nl": "Controleer of u de goede personeelslijst heeft gekozen",
        "en": "Check that you chose the right roster",
    },
    "ingest.roster.no_id": {
        "nl": "geen kolom met personeelsnummer of e-mailadres gevonden (de kolommen zijn: {columns})",
        "en": "no id or e-mail column found (columns are: {columns})",
    },
    "ingest.roster.no_id.fix": {
        "nl": "Voeg een kolom 'personeelsnummer' of 'e-mail' toe",
        "en": "Add a column 'id' (e.g. the employee number) or 'e-mail', or pass columns={{'id': 'YourColumn'}} "
        "(CLI: --roster-column id=YourColumn)",
    },
    "ingest.roster.missing_id": {
        "nl": "deze rij heeft geen personeelsnummer en wordt overgeslagen; vul het in",
        "en": "this row has no id and is ignored; fill in the id",
    },
    "ingest.roster.duplicate_id": {
        "nl": "personeelsnummer '{id}' staat al in rij {first_row}; deze rij wordt overgeslagen. Geef iedereen een "
        "eigen nummer",
        "en": "id '{id}' already appears in row {first_row}; this row is ignored. Give every person a unique id",
    },
    "ingest.roster.duplicate_id_normalised": {
        "nl": "personeelsnummer '{raw}' is hetzelfde als '{first}' in rij {first_row} zodra onzichtbare tekens en "
        "brede letters zijn weggehaald; deze rij wordt overgeslagen. Controleer of het echt dezelfde persoon is",
        "en": "id '{raw}' is the same as '{first}' in row {first_row} once invisible characters and wide letters "
        "are removed; this row is ignored. Check that it really is the same person",
    },
    "ingest.roster.date_id": {
        "nl": "personeelsnummer '{id}' lijkt een datum: Excel maakt van nummers als 1-3 een datum. Zet de kolom "
        "in Excel op 'Tekst' en typ de nummers opnieuw",
        "en": "id '{id}' looks like a date: Excel turns ids such as 1-3 into dates. Format the column as text "
        "in Excel and type the ids again",
    },
    "ingest.roster.merged_label": {
        "nl": "'{label}' staat er in verschillende schrijfwijzen ({forms}) die alleen in onzichtbare tekens of "
        "brede letters verschillen; ze zijn samengenomen",
        "en": "'{label}' is written in several ways ({forms}) that differ only in invisible characters or wide "
        "letters; they are taken as one",
    },
    "ingest.roster.missing_department": {
        "nl": "{id} heeft geen afdeling en valt onder '(onbekend)'. Vul de afdeling in voor de analyse van "
        "afdelingen",
        "en": "{id} has no department; they are grouped as '(unknown)'. Fill in the department for silo analysis",
    },
    "ingest.roster.no_department": {
        "nl": "de personeelslijst heeft geen kolom met de afdeling, dus analyses per afdeling zijn niet mogelijk. "
        "Voeg een kolom 'afdeling' toe",
        "en": "the roster has no department column, so department analyses are not possible. Add an "
        "'afdeling'/'department' column or map one with columns={{'department': ...}}",
    },
    "ingest.roster.empty": {"nl": "er blijven geen mensen over", "en": "no people remain after reading"},
    "ingest.roster.empty.fix": {
        "nl": "Controleer of het bestand de personeelslijst is",
        "en": "Check that the file holds the roster",
    },
    "ingest.roster.unknown_field": {
        "nl": "onbekend veld '{field}' in de koppeling van kolommen",
        "en": "unknown roster field '{field}' in the column mapping",
    },
    "ingest.roster.unknown_field.fix": {"nl": "Gebruik een van {fields}", "en": "Use one of {fields}"},
    "ingest.roster.missing_column": {
        "nl": "de kolom '{column}' voor '{field}' bestaat niet (de kolommen zijn: {columns})",
        "en": "the column '{column}' mapped to '{field}' does not exist (columns are: {columns})",
    },
    "ingest.roster.missing_column.fix": {
        "nl": "Controleer de spelling van de kolomnaam",
        "en": "Check the spelling of the column name",
    },
    "ingest.roster.yes_no": {"nl": "'{value}' is geen ja/nee-waarde", "en": "'{value}' is not a yes/no value"},
    "ingest.roster.yes_no.fix": {"nl": "Gebruik ja/nee", "en": "Use yes/no or ja/nee"},
    "ingest.roster.no_sheet_number": {
        "nl": "het Excel-bestand heeft geen werkblad nummer {number}",
        "en": "the workbook has no sheet number {number}",
    },
    # -- ties (edge lists and matrices) ----------------------------------------------------------------
    "ingest.ties.unknown_respondents": {
        "nl": "{count} respondent(en) staan niet op de personeelslijst, bijv. {examples}",
        "en": "{count} respondent(s) are not on the roster, e.g. {examples}",
    },
    "ingest.ties.unknown_respondents.fix": {
        "nl": "Gebruik personeelsnummers of e-mailadressen van de personeelslijst",
        "en": "Use roster ids or e-mails for respondents",
    },
    "ingest.ties.respondent_added": {
        "nl": "{person} staat niet als respondent vermeld maar noemt {count} mensen; telt mee als respondent. "
        "Verbeter de lijst van respondenten als dat niet klopt",
        "en": "{person} is not listed as a respondent but names {count} people; they are counted as a respondent. "
        "Correct the respondents list if that is wrong",
    },
    "ingest.ties.header_only": {
        "nl": "de lijst heeft kolomkoppen maar geen rijen met banden",
        "en": "the edge list has column headers but no rows of ties",
    },
    "ingest.ties.header_only.fix": {
        "nl": "Controleer of u het goede bestand heeft gekozen en of de export volledig is",
        "en": "Check that you chose the right file and that the export is complete",
    },
    "ingest.ties.sheet_header_only": {
        "nl": "werkblad '{sheet}' heeft kolomkoppen maar geen rijen; niets gelezen",
        "en": "sheet '{sheet}' has column headers but no rows; nothing read",
    },
    "ingest.ties.sheet_not_read": {
        "nl": "werkblad '{sheet}' is geen lijst van relaties en geen matrix en is niet gelezen",
        "en": "sheet '{sheet}' is neither an edge list nor a matrix and was not read",
    },
    "ingest.ties.neither": {
        "nl": "dit is geen lijst van relaties en geen matrix (eerste rij: {header})",
        "en": "this is neither an edge list nor an adjacency matrix (first row: {header})",
    },
    "ingest.ties.neither.fix": {
        "nl": "Een lijst van relaties heeft de kolommen 'van' en 'naar'; een matrix heeft personeelsnummers in de "
        "eerste rij en de eerste kolom",
        "en": "An edge list needs columns 'source' and 'target' (or 'van' and 'naar'); a matrix needs roster ids "
        "across the first row and down the first column. For a survey export use read_survey",
    },
    "ingest.ties.no_sheet": {
        "nl": "geen werkblad bevat een lijst van relaties of een matrix",
        "en": "no sheet holds an edge list or a matrix",
    },
    "ingest.ties.weight": {"nl": "het gewicht '{value}' is geen getal", "en": "the weight '{value}' is not a number"},
    "ingest.ties.weight.fix": {
        "nl": "Gebruik gewone getallen (bijv. 1 of 2,5) of laat de cel leeg voor gewicht 1",
        "en": "Use ordinary numbers (e.g. 1 or 2,5) or leave the cell empty for weight 1",
    },
    "ingest.ties.zero_weight": {
        "nl": "een band met gewicht 0 is geen band en is weggelaten",
        "en": "a tie with weight 0 is no tie and was left out",
    },
    "ingest.ties.negative_weight": {
        "nl": "negatieve gewichten worden niet ondersteund; de band is weggelaten",
        "en": "negative weights are not supported; the tie was left out",
    },
    "ingest.ties.empty_cell": {
        "nl": "de cel is leeg, dus de band is weggelaten",
        "en": "the cell is empty, so the tie was left out",
    },
    "ingest.ties.unknown": {
        "nl": "'{id}' staat niet op de personeelslijst (als nummer of e-mail); de band is weggelaten. Zet de "
        "persoon op de lijst of verbeter het nummer",
        "en": "'{id}' is not on the roster (by id or e-mail); the tie was left out. Add the person to the roster "
        "or correct the id",
    },
    "ingest.ties.date_id": {
        "nl": "'{id}' is een datum, geen personeelsnummer: Excel maakt van nummers als 1-3 een datum. Zet de kolom "
        "in Excel op 'Tekst' en typ de nummers opnieuw; de band is weggelaten",
        "en": "'{id}' is a date, not an id: Excel turns ids such as 1-3 into dates. Format the column as text in "
        "Excel and type the ids again; the tie was left out",
    },
    "ingest.ties.cleaned_id": {
        "nl": "'{written}' gelezen als {id} (onzichtbare tekens of brede letters weggehaald)",
        "en": "'{written}' read as {id} (invisible characters or wide letters removed)",
    },
    "ingest.ties.unknown_column_header": {
        "nl": "kolomkop '{id}' staat niet op de personeelslijst; de banden in die kolom zijn weggelaten",
        "en": "column header '{id}' is not on the roster; its ties were left out",
    },
    "ingest.ties.unknown_row_label": {
        "nl": "rijlabel '{id}' staat niet op de personeelslijst; de banden in die rij zijn weggelaten",
        "en": "row label '{id}' is not on the roster; its ties were left out",
    },
    "ingest.ties.matrix_cell": {
        "nl": "de celwaarde '{value}' is geen getal",
        "en": "the cell value '{value}' is not a number",
    },
    "ingest.ties.matrix_cell.fix": {
        "nl": "Cellen van een matrix moeten getallen zijn (0 of leeg voor geen band)",
        "en": "Matrix cells must be numbers (0 or empty for no tie)",
    },
    "ingest.tie.self": {
        "nl": "{person} noemt zichzelf ({relation}); weggelaten",
        "en": "{person} names themselves ({relation}); left out",
    },
    "ingest.tie.duplicate": {
        "nl": "{source} -> {target} ({relation}) komt meer dan eens voor; samengenomen met het hoogste gewicht",
        "en": "{source} -> {target} ({relation}) appears more than once; merged, keeping the highest weight",
    },
    # -- report kinds added by reading ------------------------------------------------------------------
    "issue.duplicate_column": {
        "nl": "kolommen die twee keer voorkomen (de eerste wordt gebruikt)",
        "en": "columns that appear twice (the first is used)",
    },
    "issue.normalised_id": {
        "nl": "nummers, e-mailadressen of namen gelezen na weghalen van onzichtbare tekens of brede letters",
        "en": "ids, e-mails or names read after removing invisible characters or wide letters",
    },
    "issue.date_id": {
        "nl": "personeelsnummers die op een datum lijken (Excel kan ze veranderd hebben)",
        "en": "ids that look like dates (Excel may have changed them)",
    },
    "issue.empty_table": {"nl": "lege werkbladen of tabellen", "en": "empty sheets or tables"},
    "issue.other_answer": {
        "nl": "'anders'-antwoorden getypt naast de gekozen opties",
        "en": "'other' answers typed next to the listed options",
    },
    "issue.scale": {"nl": "antwoordschalen en de gebruikte gewichten", "en": "answer scales and the weights used"},
    # -- survey exports -----------------------------------------------------------------------------------
    "ingest.survey.no_data": {"nl": "het bestand bevat geen gegevens", "en": "the file holds no data"},
    "ingest.survey.no_responses": {
        "nl": "de {platform}-export heeft kolomkoppen maar geen antwoorden",
        "en": "the {platform} export has column headers but no responses",
    },
    "ingest.survey.no_responses.fix": {
        "nl": "Exporteer de antwoorden opnieuw nadat de enquête is ingevuld",
        "en": "Export the responses again once the survey has been answered",
    },
    "ingest.survey.too_many_rows": {
        "nl": "de export heeft {rows} rijen, meer dan de grens van {limit} antwoorden",
        "en": "the export has {rows} rows, more than the limit of {limit} responses",
    },
    "ingest.survey.too_many_rows.fix": {
        "nl": "Splits de export",
        "en": "Split the export, or pass a higher max_rows if your machine can handle it",
    },
    "ingest.survey.no_questions": {
        "nl": "de {platform}-export heeft geen kolommen met vragen",
        "en": "the {platform} export has no question columns",
    },
    "ingest.survey.no_questions.fix": {
        "nl": "Exporteer de antwoorden met de vragen erbij",
        "en": "Export the responses with the questions included",
    },
    "ingest.survey.incomplete": {
        "nl": "{who} heeft de enquête niet afgemaakt; de gegeven antwoorden worden gebruikt",
        "en": "{who} did not finish the survey; the answers given are used",
    },
    "ingest.survey.group_duplicate": {
        "nl": "{person} antwoordde in meer dan één vraag over {group} ({relation}); samengenomen met het hoogste "
        "gewicht",
        "en": "{person} answered about {group} ({relation}) in more than one question; merged, keeping the highest "
        "weight",
    },
    "ingest.survey.preview": {
        "nl": "een test- of voorbeeldantwoord van de enquête; niet gebruikt",
        "en": "a preview or test response of the survey; not used",
    },
    "ingest.survey.respondent_resolved": {
        "nl": "respondent '{name}' gelezen als {person} (uw keuze)",
        "en": "respondent '{name}' taken as {person} (your decision)",
    },
    "ingest.survey.respondent_fuzzy": {
        "nl": "respondent '{name}' gelezen als {person} ({method}, score {score})",
        "en": "respondent '{name}' taken as {person} ({method}, score {score})",
    },
    "ingest.survey.respondent_missing": {
        "nl": "bij dit antwoord staat geen e-mailadres, nummer of naam van de respondent; het wordt niet gebruikt. "
        "Verzamel e-mailadressen of vraag naar de naam",
        "en": "the response has no e-mail, id or name of the respondent; its answers are not used. Collect e-mail "
        "addresses or ask for the respondent's name",
    },
    "ingest.survey.respondent_review": {
        "nl": "respondent {who} past bij meer mensen op de personeelslijst; de antwoorden worden pas gebruikt als u "
        "kiest wie het is (zie de lijst met namen om te controleren)",
        "en": "the respondent {who} fits several people on the roster; the answers are not used until you decide "
        "who it is (see the review list)",
    },
    "ingest.survey.respondent_unknown": {
        "nl": "respondent {who} staat niet op de personeelslijst; de antwoorden worden niet gebruikt. Zet de "
        "persoon op de lijst of verbeter het e-mailadres",
        "en": "the respondent {who} is not on the roster; the answers are not used. Add them to the roster or "
        "correct the e-mail",
    },
    "ingest.survey.duplicate_submission_dated": {
        "nl": "{who} vulde meer dan eens in; dit antwoord van {when} is vervangen door het latere in rij {latest} "
        "({latest_when})",
        "en": "{who} submitted more than once; this submission of {when} is replaced by the later one in row "
        "{latest} ({latest_when})",
    },
    "ingest.survey.duplicate_submission": {
        "nl": "{who} vulde meer dan eens in; dit antwoord is vervangen door het latere in rij {latest}",
        "en": "{who} submitted more than once; this submission is replaced by the later one in row {latest}",
    },
    "ingest.survey.not_a_group": {
        "nl": "'{option}' is geen afdeling of team op de personeelslijst; weggelaten",
        "en": "'{option}' is not a department or team on the roster; left out",
    },
    "ingest.survey.other_empty": {
        "nl": "'{option}' is aangevinkt maar er is geen naam getypt; geen band",
        "en": "'{option}' is ticked but no name was typed; no tie made",
    },
    "ingest.survey.other_in_cell": {
        "nl": "'{text}' staat niet in de lijst met namen (een 'anders'-antwoord in dezelfde cel); gelezen als een "
        "getypte naam",
        "en": "'{text}' is not one of the listed names (an 'other' answer in the same cell); read as a typed name",
    },
    "ingest.survey.negative": {"nl": "'{value}' is negatief; weggelaten", "en": "'{value}' is negative; left out"},
    "ingest.survey.not_applicable": {
        "nl": "'{value}' bij '{about}'; niet gebruikt",
        "en": "'{value}' for '{about}'; not used",
    },
    "ingest.survey.unknown_scale": {
        "nl": "'{value}' is geen antwoord op een frequentie- of andere schaal die ona kent; weggelaten. Gebruik "
        "bijv. Nooit/Maandelijks/Wekelijks/Dagelijks of getallen",
        "en": "'{value}' is not a frequency or scale answer ona knows; left out. Use e.g. "
        "Nooit/Maandelijks/Wekelijks/Dagelijks or numbers",
    },
    "ingest.survey.zero_frequency": {
        "nl": "'{name}' is genoemd voor {relation} maar de frequentie is '{value}'; geen band",
        "en": "'{name}' is named for {relation} but the frequency is '{value}'; no tie made",
    },
    "ingest.survey.no_frequency": {
        "nl": "'{name}' is genoemd voor {relation} maar er is geen frequentie gegeven; gewicht 1 gebruikt",
        "en": "'{name}' is named for {relation} but no frequency was given; weight 1 used",
    },
    "ingest.survey.na_frequency": {
        "nl": "'{name}' is genoemd voor {relation} maar de frequentie is '{value}'; gewicht 1 gebruikt",
        "en": "'{name}' is named for {relation} but the frequency is '{value}'; weight 1 used",
    },
    "ingest.survey.unknown_frequency": {
        "nl": "'{name}' is genoemd voor {relation} maar de frequentie '{value}' staat niet op de schaal; gewicht 1 "
        "gebruikt",
        "en": "'{name}' is named for {relation} but the frequency '{value}' is not on the scale; weight 1 used",
    },
    "ingest.survey.frequency_without_name": {
        "nl": "er is een frequentie ('{value}') gegeven voor persoon {slot} maar in vak {slot} is geen naam getypt "
        "({relation}); niet gebruikt",
        "en": "a frequency ('{value}') is given for person {slot} but no name was typed in box {slot} ({relation}); "
        "not used",
    },
    "ingest.survey.named_nobody": {
        "nl": "{who} noemde niemand voor {relation}",
        "en": "{who} named nobody for {relation}",
    },
    "ingest.survey.needs_review": {
        "nl": "'{name}' ({relation}, genoemd door {who}) kan zijn: {candidates}; geen band tot u kiest",
        "en": "'{name}' ({relation}, named by {who}) could be {candidates}; no tie until you decide",
    },
    "ingest.survey.fuzzy": {
        "nl": "'{name}' gelezen als {person} ({method}, score {score})",
        "en": "'{name}' taken as {person} ({method}, score {score})",
    },
    "ingest.survey.decided_not_on_roster": {
        "nl": "'{name}' staat niet op de personeelslijst (uw keuze); geen band",
        "en": "'{name}' is not on the roster (your decision); no tie made",
    },
    "ingest.survey.resolved": {
        "nl": "'{name}' gelezen als {person} (uw keuze)",
        "en": "'{name}' taken as {person} (your decision)",
    },
    "ingest.survey.bad_decision": {
        "nl": "de keuze voor '{name}' noemt '{value}', en dat is geen nummer of e-mailadres op de personeelslijst",
        "en": "the decision for '{name}' names '{value}', which is not an id or e-mail on the roster",
    },
    "ingest.survey.bad_decision.fix": {
        "nl": "Verbeter het nummer in uw keuzes (schrijf '-' voor iemand die niet op de lijst staat)",
        "en": "Correct the id in your resolutions (write '-' for someone not on the roster)",
    },
    "ingest.survey.unmatched": {
        "nl": "'{name}' ({relation}, genoemd door {who}) staat niet op de personeelslijst; geen band",
        "en": "'{name}' ({relation}, named by {who}) is not on the roster; no tie made",
    },
    "ingest.survey.unmatched_closest": {
        "nl": "'{name}' ({relation}, genoemd door {who}) staat niet op de personeelslijst; het dichtst bij: "
        "{candidates}; geen band",
        "en": "'{name}' ({relation}, named by {who}) is not on the roster; closest: {candidates}; no tie made",
    },
    "ingest.survey.condition_score": {
        "nl": "{score} staat niet op de schaal van 1 tot 5 (oneens tot eens); weggelaten",
        "en": "{score} is not on the 1-5 agreement scale; left out",
    },
    "ingest.survey.condition_unnamed": {
        "nl": "de export noemt de samenwerking van deze uitspraak niet; voeg het structuurbestand van de enquête toe",
        "en": "the statement's collaboration is not named in the export; add the survey's structure file",
    },
    "ingest.method.exact": {"nl": "exact", "en": "exact"},
    "ingest.method.id": {"nl": "nummer", "en": "id"},
    "ingest.method.email": {"nl": "e-mail", "en": "e-mail"},
    "ingest.method.tussenvoegsel": {"nl": "tussenvoegsel", "en": "tussenvoegsel"},
    "ingest.method.hint": {"nl": "aanwijzing", "en": "hint"},
    "ingest.method.single name": {"nl": "alleen voor- of achternaam", "en": "single name"},
    "ingest.method.initial": {"nl": "voorletter", "en": "initial"},
    "ingest.method.fuzzy": {"nl": "bij benadering", "en": "fuzzy"},
    # -- questions ---------------------------------------------------------------------------------------
    "ingest.note.not_used": {
        "nl": "de vraag '{question}' wordt niet gebruikt",
        "en": "the question '{question}' is not used",
    },
    "ingest.note.ignored": {
        "nl": "de vraag '{question}' wordt niet gebruikt: zo gekozen",
        "en": "the question '{question}' is not used: ignored as you asked",
    },
    "ingest.note.nobody_answered": {
        "nl": "de vraag '{question}' wordt niet gebruikt: niemand heeft haar beantwoord",
        "en": "the question '{question}' is not used: nobody answered it",
    },
    "ingest.note.not_people": {
        "nl": "de vraag '{question}' wordt niet gebruikt: de opties zijn geen mensen of afdelingen",
        "en": "the question '{question}' is not used: its options are not people or departments",
    },
    "ingest.note.scale_not_people": {
        "nl": "de vraag '{question}' wordt niet gebruikt: een schaal die niet over mensen of afdelingen gaat",
        "en": "the question '{question}' is not used: a scale that is not about people or departments",
    },
    "ingest.note.not_names": {
        "nl": "de vraag '{question}' wordt niet gebruikt: de antwoorden zijn geen namen van collega's",
        "en": "the question '{question}' is not used: its answers are not names of colleagues",
    },
    "ingest.note.no_names_before": {
        "nl": "de vraag '{question}' wordt niet gebruikt: een frequentie per persoon, maar er gaat geen vraag naar "
        "namen aan vooraf",
        "en": "the question '{question}' is not used: a frequency per person, but no name question precedes it",
    },
    "ingest.note.unclear": {
        "nl": "de vraag '{question}' gaat over collega's maar het is niet duidelijk over welke relatie; ze wordt "
        "niet gebruikt tot u er een relatie voor kiest",
        "en": "the question '{question}' is about colleagues but it is not clear which relation it asks about; it "
        "is not used until you choose a relation for it",
    },
    "ingest.question.mapping_unused": {
        "nl": "de koppeling '{mapping}' past bij geen enkele vraag in deze export",
        "en": "the relation mapping '{mapping}' fits no question in this export",
    },
    "ingest.question.mapping_unused.fix": {
        "nl": "Gebruik een stuk van de vraagtekst of de code van de kolom",
        "en": "Use a column code or a piece of the question text",
    },
    "ingest.question.all_unclear": {
        "nl": "ona ziet niet over welke relatie de vraag '{question}' gaat; er is geen vraag die ona zonder uw "
        "keuze kan gebruiken",
        "en": "cannot tell which relation the question '{question}' asks about, and no other question can be used "
        "without your choice",
    },
    "ingest.question.all_unclear.fix": {
        "nl": "Kies in de tabel met vragen voor elke vraag een relatie",
        "en": "Choose a relation for each question in the table of questions",
    },
    "ingest.question.none_about_people": {
        "nl": "geen vraag in deze export gaat over collega's (geen namen, mensen of afdelingen gevonden)",
        "en": "no question in this export asks about colleagues (no names, people or departments found)",
    },
    "ingest.question.none_about_people.fix": {
        "nl": "Controleer of dit de export van de netwerkenquête is en of de personeelslijst klopt, of kies in de "
        "tabel met vragen een relatie voor een vraag",
        "en": "Check that this is the network survey's export and that the roster is the right one, or choose a "
        "relation for a question in the table of questions",
    },
    "ingest.kind.names": {"nl": "namen getypt in tekstvakken", "en": "names typed in text boxes"},
    "ingest.kind.people": {"nl": "mensen gekozen uit een lijst", "en": "people chosen from a list"},
    "ingest.kind.person_scale": {"nl": "frequentie of schaal per persoon", "en": "frequency or scale per person"},
    "ingest.kind.partner_scale": {
        "nl": "frequentie per genoemde persoon (gewicht van de band)",
        "en": "frequency per named person (tie weight)",
    },
    "ingest.kind.groups": {
        "nl": "afdelingen gekozen uit een lijst (groepsniveau)",
        "en": "departments chosen from a list (group level)",
    },
    "ingest.kind.group_scale": {
        "nl": "frequentie of schaal per afdeling (groepsniveau)",
        "en": "frequency or scale per department (group level)",
    },
    "ingest.kind.respondent": {
        "nl": "naam, e-mailadres of nummer van de respondent",
        "en": "the respondent's own name, e-mail or id",
    },
    "ingest.kind.conditions": {
        "nl": "vijf voorwaarden van een samenwerking (eens/oneens per uitspraak)",
        "en": "five conditions of a collaboration (agreement per statement)",
    },
    "ingest.kind.other": {"nl": "niet over mensen (niet gebruikt)", "en": "not about people (not used)"},
    "ingest.kind.ignored": {"nl": "genegeerd, zo gekozen", "en": "ignored as asked"},
    "ingest.purpose.perceived": {"nl": "ervaren samenwerking", "en": "perceived collaboration"},
    "ingest.purpose.expected": {"nl": "verwachte samenwerking", "en": "expected collaboration"},
    # -- scales -----------------------------------------------------------------------------------------
    "ingest.scale.used": {
        "nl": "antwoorden op '{question}' gelezen als {mapping} (0 is nooit: geen band en geen contact)",
        "en": "answers to '{question}' read as {mapping} (0 is never: no tie and no contact)",
    },
    "ingest.scale.used_many": {
        "nl": "antwoorden op '{question}' en {more} andere vragen gelezen als {mapping} (0 is nooit: geen band en "
        "geen contact)",
        "en": "answers to '{question}' and {more} other questions read as {mapping} (0 is never: no tie and no "
        "contact)",
    },
    "ingest.scale.numbers_many": {
        "nl": "de antwoorden op '{question}' en {more} andere vragen zijn getallen zonder omschrijving ({mapping}); "
        "ze zijn gebruikt zoals ze zijn en 0 betekent nooit. Betekent het laagste getal 'nooit', voeg dan het "
        "structuurbestand van de enquête toe zodat ona de omschrijvingen kan lezen",
        "en": "the answers to '{question}' and {more} other questions are numbers without labels ({mapping}); they "
        "are used as they are and 0 means never. If the lowest number means 'never', add the survey's structure "
        "file so ona can read the labels",
    },
    "ingest.scale.numbers": {
        "nl": "de antwoorden op '{question}' zijn getallen zonder omschrijving ({mapping}); ze zijn gebruikt zoals "
        "ze zijn en 0 betekent nooit. Betekent het laagste getal 'nooit', voeg dan het structuurbestand van de "
        "enquête toe zodat ona de omschrijvingen kan lezen",
        "en": "the answers to '{question}' are numbers without labels ({mapping}); they are used as they are and 0 "
        "means never. If the lowest number means 'never', add the survey's structure file so ona can read the "
        "labels",
    },
    # -- structure files --------------------------------------------------------------------------------
    "ingest.structure.unknown": {
        "nl": "dit is geen structuurbestand van LimeSurvey (.lss) of Qualtrics (.qsf)",
        "en": "this is not a LimeSurvey (.lss) or Qualtrics (.qsf) survey structure file",
    },
    "ingest.structure.unknown.fix": {
        "nl": "Exporteer de structuur van de enquête opnieuw: in LimeSurvey als .lss, in Qualtrics als .qsf",
        "en": "Export the survey's structure again: from LimeSurvey as .lss, from Qualtrics as .qsf",
    },
    "ingest.structure.entities": {
        "nl": "het structuurbestand bevat een DOCTYPE of entiteiten, wat LimeSurvey nooit schrijft; niet gelezen",
        "en": "the structure file declares a DOCTYPE or entities, which LimeSurvey never writes; not read",
    },
    "ingest.structure.damaged": {
        "nl": "het structuurbestand is beschadigd ({error})",
        "en": "the structure file is damaged ({error})",
    },
    "ingest.structure.damaged.fix": {
        "nl": "Exporteer de structuur van de enquête opnieuw",
        "en": "Export the survey's structure again",
    },
    "ingest.structure.not_lime": {
        "nl": "dit XML-bestand is geen LimeSurvey-enquête",
        "en": "this XML file is not a LimeSurvey survey",
    },
    "ingest.structure.not_qualtrics": {
        "nl": "dit JSON-bestand is geen Qualtrics-enquête",
        "en": "this JSON file is not a Qualtrics survey",
    },
    "ingest.structure.no_questions": {
        "nl": "het structuurbestand bevat geen vragen",
        "en": "the structure file holds no questions",
    },
    "ingest.structure.mismatch": {
        "nl": "het structuurbestand komt uit {structure}, maar de export uit {platform}",
        "en": "the structure file is from {structure}, but the export is from {platform}",
    },
    "ingest.structure.mismatch.fix": {
        "nl": "Voeg het structuurbestand van dezelfde enquête toe",
        "en": "Add the structure file of the same survey",
    },
    "ingest.lime.codes": {
        "nl": "deze LimeSurvey-export bevat alleen codes (zoals '{value}' in kolom '{column}') in plaats van namen "
        "en antwoorden",
        "en": "this LimeSurvey export holds only codes (such as '{value}' in column '{column}') instead of names "
        "and answers",
    },
    "ingest.lime.codes.fix": {
        "nl": "Exporteer de antwoorden opnieuw met volledige vraagteksten en volledige antwoorden, of voeg het "
        "structuurbestand van de enquête (.lss) toe",
        "en": "Export the responses again with full question texts and full answers, or add the survey's "
        "structure file (.lss)",
    },
    # -- the ingest report as text (CLI) ------------------------------------------------------------------
    "ingest.text.in_memory": {"nl": "(in het geheugen)", "en": "(in memory)"},
    "ingest.text.read": {"nl": "Gelezen: {sources}", "en": "Read: {sources}"},
    "ingest.text.platform": {"nl": "Enquêteplatform: {platform}", "en": "Survey platform: {platform}"},
    "ingest.text.responses": {
        "nl": "Rijen met antwoorden: {rows}; gebruikt na weglaten van test-, dubbele en onbekende antwoorden: {used}",
        "en": "Response rows: {rows}; used after removing previews, duplicates and unknown respondents: {used}",
    },
    "ingest.text.note.csv": {"nl": "CSV, {encoding}, gescheiden door {delimiter}",
                             "en": "CSV, {encoding}, {delimiter}-separated"},
    "ingest.text.format.edge_list": {"nl": "lijst van relaties", "en": "edge list"},
    "ingest.text.format.matrix": {"nl": "matrix", "en": "adjacency matrix"},
    "ingest.text.note.tab": {"nl": "tabs", "en": "tab"},
    "ingest.text.note.dates": {"nl": "datums gelezen met de {order} eerst ({column})",
                               "en": "dates read {order}-first ({column})"},
    "ingest.text.note.day": {"nl": "dag", "en": "day"},
    "ingest.text.note.month": {"nl": "maand", "en": "month"},
    "ingest.text.note.resaved": {"nl": "door Excel opnieuw als CSV opgeslagen", "en": "re-saved by Excel as CSV"},
    "ingest.text.questions": {"nl": "Vragen:", "en": "Questions:"},
    "ingest.text.people": {
        "nl": "Mensen op de personeelslijst: {people}; respondenten: {respondents} ({rate})",
        "en": "People on the roster: {people}; respondents: {respondents} ({rate})",
    },
    "ingest.text.complete": {"nl": " (volledige netwerkgegevens)", "en": " (complete network data)"},
    "ingest.text.response_per": {"nl": "Respons per {grouping}:", "en": "Response per {grouping}:"},
    "ingest.text.ties": {"nl": "Banden per relatie:", "en": "Ties per relation:"},
    "ingest.text.no_problems": {"nl": "Geen problemen gevonden.", "en": "No problems found."},
    "ingest.text.problems": {"nl": "Problemen en opmerkingen ({count}):", "en": "Problems and remarks ({count}):"},
    "ingest.text.times": {"nl": " ({times} keer)", "en": " ({times} times)"},
    "ingest.text.more": {
        "nl": "… en nog {count} van deze soort (niet afzonderlijk vermeld)",
        "en": "… and {count} more of this kind (not listed one by one)",
    },
    "ingest.text.map_hint": {
        "nl": "Kies een relatie voor een onduidelijke vraag met --relation 'STUK VRAAGTEKST=advice' (of "
        "'column:F=advice'); '-' laat een vraag weg.",
        "en": "Choose a relation for an unclear question with --relation 'PIECE OF QUESTION TEXT=advice' (or "
        "'column:F=advice'); '-' leaves a question out.",
    },
    "ingest.text.decide": {
        "nl": "Namen om over te beslissen: {review} te controleren, {unmatched} niet op de personeelslijst. Schrijf "
        "ze met 'ona review' naar een CSV, vul de kolom id in (een personeelsnummer, of '-' voor iemand die niet "
        "op de lijst staat) en lees de enquête opnieuw met --resolutions review.csv.",
        "en": "Names to decide on: {review} under review, {unmatched} not on the roster. Write them to a CSV with "
        "ona.io.survey.write_review(net, 'review.csv'), fill in the id column (a roster id, or '-' for someone not "
        "on the roster) and read the survey again with resolutions=ona.io.survey.read_resolutions('review.csv') "
        "(command line: --resolutions review.csv).",
    },
    # -- the app's upload (start page) ---------------------------------------------------------------------
    "ingest.app.structure": {
        "nl": "Structuurbestand van de enquête (optioneel, .lss of .qsf)",
        "en": "Survey structure file (optional, .lss or .qsf)",
    },
    "ingest.app.structure.help": {
        "nl": "Bevat uw export alleen codes (LimeSurvey's standaardexport, Qualtrics met getallen)? Voeg dan het "
        "structuurbestand van dezelfde enquête toe: in LimeSurvey 'Enquêtestructuur (.lss)', in Qualtrics "
        "'Enquête exporteren (.qsf)'. Dan leest ona de namen en antwoorden achter de codes.",
        "en": "Does your export hold only codes (LimeSurvey's default export, Qualtrics with numeric values)? Then "
        "add the same survey's structure file: in LimeSurvey 'Survey structure (.lss)', in Qualtrics 'Export "
        "survey (.qsf)'. ona then reads the names and answers behind the codes.",
    },
    "ingest.app.questions.help": {
        "nl": "Elke vraag van de export, met wat ona ermee doet. Kies per vraag een relatie, of 'niet gebruiken', en "
        "klik op 'Koppeling toepassen': ona leest de export dan opnieuw.",
        "en": "Every question of the export, with what ona does with it. Choose a relation for each question, or "
        "'not used', and click 'Apply mapping': ona then reads the export again.",
    },
    "ingest.app.not_used": {"nl": "niet gebruiken", "en": "not used"},
    "ingest.app.used": {"nl": "gebruikt", "en": "used"},
    "ingest.app.unclear": {
        "nl": "niet gebruikt: kies een relatie",
        "en": "not used: choose a relation",
    },
    "ingest.app.status": {"nl": "Gebruik", "en": "Use"},
    "ingest.app.respondent": {"nl": "gebruikt: wie antwoordde", "en": "used: who answered"},
    "ingest.note.ignored.short": {"nl": "niet gebruikt: zo gekozen", "en": "not used: as you chose"},
    "ingest.note.nobody_answered.short": {"nl": "niet gebruikt: niemand antwoordde", "en": "not used: nobody answered"},
    "ingest.note.not_people.short": {
        "nl": "niet gebruikt: geen mensen of afdelingen",
        "en": "not used: not people or departments",
    },
    "ingest.note.scale_not_people.short": {
        "nl": "niet gebruikt: schaal niet over mensen of afdelingen",
        "en": "not used: a scale not about people or departments",
    },
    "ingest.note.not_names.short": {
        "nl": "niet gebruikt: geen namen van collega's",
        "en": "not used: no names of colleagues",
    },
    "ingest.note.no_names_before.short": {
        "nl": "niet gebruikt: geen vraag naar namen ervoor",
        "en": "not used: no name question before it",
    },
    "ingest.app.expected.title": {
        "nl": "Verwachte samenwerkingen uit de enquête",
        "en": "Expected collaborations from the survey",
    },
    "ingest.app.expected.help": {
        "nl": "Afgeleid uit de vraag met welke afdelingen men (meer) zou moeten samenwerken of van welke men afhangt: "
        "een paar staat hier als een flink deel van een afdeling het andere noemt. Een vraag hoe vaak men "
        "samenwerkt telt niet: dat is ervaren samenwerking. De bevindingen gebruiken deze paren pas als u ze "
        "accepteert; vink paren uit, pas ze aan of voeg er een toe.",
        "en": "Derived from the question which departments one should work with (more) or depends on: a pair is "
        "listed when a real share of one department names the other. A question how often one works together does "
        "not count: that is perceived collaboration. The findings use these pairs only once you accept them; "
        "untick pairs, change them or add one.",
    },
    "ingest.app.expected.accept": {"nl": "Accepteren", "en": "Accept"},
    "ingest.app.expected.source": {"nl": "Bron (vraag)", "en": "Source (question)"},
    "ingest.app.expected.share": {"nl": "Deel van de respondenten", "en": "Share of respondents"},
    "ingest.app.expected.apply": {"nl": "Deze paren gebruiken", "en": "Use these pairs"},
    "ingest.app.expected.waiting": {
        "nl": "Nog niet geaccepteerd: de bevindingen gebruiken deze paren nog niet.",
        "en": "Not accepted yet: the findings do not use these pairs yet.",
    },
    "ingest.app.expected.accepted": {
        "nl": "{count} paren geaccepteerd; de bevindingen gebruiken ze.",
        "en": "{count} pairs accepted; the findings use them.",
    },
    "ingest.app.item.kind": {"nl": "Soort", "en": "Kind"},
    "ingest.app.item.file": {"nl": "Bestand", "en": "File"},
    "ingest.app.item.row": {"nl": "Rij", "en": "Row"},
    "ingest.app.item.column": {"nl": "Kolom", "en": "Column"},
    "ingest.app.item.value": {"nl": "Waarde", "en": "Value"},
    "ingest.app.item.message": {"nl": "Melding", "en": "Message"},
    "ingest.app.omitted": {
        "nl": "Nog {count} meldingen van dezelfde soort zijn geteld maar niet afzonderlijk vermeld.",
        "en": "{count} more items of the same kinds are counted but not listed one by one.",
    },
    # -- declared collaborations ---------------------------------------------------------------------------
    "ingest.expected.none": {"nl": "het bestand noemt geen samenwerking", "en": "the file declares no collaboration"},
    "ingest.expected.none.fix": {
        "nl": "Zet per deelnemende afdeling een rij, bijv. 'Omgevingswet,Publiekszaken' en 'Omgevingswet,Ruimte & "
        "Wonen'",
        "en": "Add one row per group taking part, e.g. 'Omgevingswet,Publiekszaken' and 'Omgevingswet,Ruimte & "
        "Wonen'",
    },
    "ingest.expected.pair": {
        "nl": "verwacht paar {number} is '{pair}'; een paar heeft twee verschillende groepen nodig",
        "en": "expected pair {number} is '{pair}'; a pair needs two different groups",
    },
    "ingest.expected.columns": {
        "nl": "de kolommen ({columns}) worden niet herkend als verwachte samenwerkingen",
        "en": "the columns ({columns}) are not recognised as declared collaborations",
    },
    "ingest.expected.columns.fix": {
        "nl": "Gebruik de kolommen 'samenwerking,afdeling' met een rij per deelnemende afdeling (bijv. "
        "'Omgevingswet,Publiekszaken'), of 'afdeling_a,afdeling_b' met een rij per paar",
        "en": "Use the columns 'collaboration,group' with one row per group taking part (e.g. "
        "'Omgevingswet,Publiekszaken'), or 'group_a,group_b' with one row per pair",
    },
    "ingest.expected.no_collaboration": {
        "nl": "de rij noemt de groep '{group}' maar geen samenwerking",
        "en": "the row names the group '{group}' but no collaboration",
    },
    "ingest.expected.no_collaboration.fix": {
        "nl": "Vul in aan welke samenwerking de groep deelneemt",
        "en": "Fill in which collaboration the group takes part in",
    },
    "ingest.expected.empty_group": {
        "nl": "de samenwerking '{collaboration}' heeft een lege groep",
        "en": "the collaboration '{collaboration}' has an empty group",
    },
    "ingest.expected.empty_group.fix": {
        "nl": "Vul de groep in of haal de rij weg",
        "en": "Fill in the group or remove the row",
    },
    "ingest.expected.one_group": {
        "nl": "de samenwerking '{collaboration}' noemt maar één groep ({group}); een samenwerking heeft minstens twee "
        "verschillende groepen nodig",
        "en": "the collaboration '{collaboration}' names only one group ({group}); a collaboration needs at least "
        "two different groups",
    },
    "ingest.expected.one_group.fix": {
        "nl": "Voeg een rij toe voor elke andere deelnemende groep, of haal de samenwerking weg",
        "en": "Add a row for every other group taking part, or remove the collaboration",
    },
    "ingest.expected.pair_empty": {"nl": "de groep is leeg", "en": "the group is empty"},
    "ingest.expected.pair_empty.fix": {
        "nl": "Vul beide groepen van het paar in of haal de rij weg",
        "en": "Fill in both groups of the pair or remove the row",
    },
    "ingest.expected.twice": {"nl": "het paar noemt '{group}' twee keer", "en": "the pair names '{group}' twice"},
    "ingest.expected.twice.fix": {"nl": "Noem twee verschillende groepen", "en": "Name two different groups"},
    "ingest.expected.many_unknown": {
        "nl": "{count} groepen staan niet op de personeelslijst: {groups}",
        "en": "{count} groups are not in the roster: {groups}",
    },
    "ingest.expected.unknown": {
        "nl": "'{value}' is geen {grouping} op de personeelslijst",
        "en": "'{value}' is not a {grouping} in the roster",
    },
    "ingest.expected.unknown.fix": {
        "nl": "Schrijf de naam zoals in de kolom {grouping} van de personeelslijst ({groups})",
        "en": "Spell it as in the roster's {grouping} column ({groups})",
    },
    "ingest.expected.unknown.fix_close": {
        "nl": "Bedoelt u '{close}'? Schrijf de naam zoals in de kolom {grouping} van de personeelslijst ({groups})",
        "en": "Did you mean '{close}'? Spell it as in the roster's {grouping} column ({groups})",
    },
    # -- decisions on names -------------------------------------------------------------------------------
    "ingest.review.columns": {
        "nl": "het bestand met beslissingen heeft de kolommen 'name' en 'id' nodig (het heeft {columns})",
        "en": "the decisions file needs the columns 'name' and 'id' (it has {columns})",
    },
    "ingest.review.columns.fix": {
        "nl": "Begin met de lijst die ona om te controleren geeft (als CSV gedownload) en vul de kolom id in",
        "en": "Start from the file written by write_review (or ona's review list) and fill in the id column",
    },
    "ingest.review.twice": {
        "nl": "over '{name}' is twee keer beslist: als '{first}' (rij {first_row}) en als '{second}'",
        "en": "'{name}' is decided twice, as '{first}' (row {first_row}) and as '{second}'",
    },
    "ingest.review.twice.fix": {
        "nl": "Houd één beslissing per naam en respondent",
        "en": "Keep one decision per name and respondent",
    },
}
