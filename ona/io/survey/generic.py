"""Any other export: one header row with question texts, recognised metadata columns by name.

Used when no platform is recognised (a hand-made sheet, another tool). A
timestamp, e-mail, name or employee-number column is recognised by its header
in Dutch or English; every other column is a question. Grid headers
``Question [Row]`` and neighbours sharing ``Question - label`` are grouped.
"""

from __future__ import annotations

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, find_meta, group_by_prefix, make_export, table_rows

__all__ = ["PLATFORM", "parse"]

PLATFORM = "generic survey table"

_META = {
    "submitted": ("submitted", "submitdate", "datesubmitted", "completiontime", "tijdvanvoltooien", "timestamp",
                  "tijdstempel", "enddate", "einddatum", "datum", "date", "ingevuldop", "ingediend",
                  "verzonden", "datumingevuld"),
    "started": ("startdate", "starttime", "begintijd", "startdatum", "begindatum"),
    "email": ("email", "emailadres", "emailaddress", "mail", "mailadres", "respondentemail", "jouwemailadres"),
    "person_id": ("personeelsnummer", "medewerkernummer", "employeeid", "employeenumber", "staffid",
                  "personid", "respondentid", "respondent"),
    "name": ("naam", "name", "respondentnaam", "respondentname", "jenaam", "jouwnaam", "uwnaam", "volledigenaam",
             "fullname"),
    "first_name": ("voornaam", "firstname"),
    "last_name": ("achternaam", "lastname", "surname"),
}


def parse(table: RawTable) -> ParsedExport:
    """Split a plain table of responses into metadata and questions."""
    headers = [str(h).strip() for h in table.cells.iloc[0].tolist()]
    data = table_rows(table, 1)
    meta = find_meta(headers, _META)
    answer = [i for i, h in enumerate(headers) if i not in set(meta.values()) and h]
    grouped = group_by_prefix([headers[i] for i in answer])
    columns = [Column(i, headers[i], question, question, label) for i, (question, label) in zip(answer, grouped)]
    return make_export(PLATFORM, table, data, columns, meta, headers, dayfirst=True)
