"""SurveyMonkey: "All responses data" exported as CSV or XLSX (expanded columns).

Two header rows. The first holds ``Respondent ID, Collector ID, Start Date,
End Date, IP Address, Email Address, First Name, Last Name, Custom Data 1``
and then each question's text over the *first* column of its block, blank over
the rest. The second row holds ``Response`` / ``Open-Ended Response`` for
one-column questions and the option, text-box or grid-row labels otherwise;
``Other (please specify)`` marks "other" text. A ticked option holds its own
text; a grid cell holds the chosen column's label. Dates are written
month-first (``03/04/2025 09:15:22 AM``).
"""

from __future__ import annotations

import re

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, find_meta, header_key, make_export, table_rows

__all__ = ["PLATFORM", "detect", "parse"]

PLATFORM = "SurveyMonkey"

_META = {
    "response_id": ("respondentid", "respondentnummer"),
    "collector": ("collectorid", "collectornummer"),
    "started": ("startdate", "begindatum", "startdatum"),
    "submitted": ("enddate", "einddatum"),
    "ip": ("ipaddress", "ipadres"),
    "email": ("emailaddress", "emailadres"),
    "first_name": ("firstname", "voornaam"),
    "last_name": ("lastname", "achternaam"),
    "person_id": ("customdata1", "customdata", "aangepastegegevens1", "aangepastegegevens"),
}
_SINGLE = {"response", "openendedresponse", "antwoord", "openantwoord", "reactie", "openreactie"}
_OTHER = re.compile(r"(?:other|anders|overig|andere)\b.*", re.I)


def detect(table: RawTable) -> bool:
    """True when the first row has SurveyMonkey's respondent and collector ids."""
    keys = {header_key(h) for h in table.cells.iloc[0].tolist()} if len(table.cells) else set()
    return bool(keys & set(_META["response_id"])) and bool(keys & set(_META["collector"]))


def parse(table: RawTable) -> ParsedExport:
    """Split a SurveyMonkey export into metadata and question blocks."""
    cells = table.cells
    headers = [str(h).strip() for h in cells.iloc[0].tolist()]
    labels = [str(v).strip() for v in cells.iloc[1].tolist()] if len(cells) > 1 else [""] * len(headers)
    data = table_rows(table, 2)
    meta = find_meta(headers, _META)
    custom = [i for i, h in enumerate(headers) if header_key(h).startswith(("customdata", "aangepastegegevens"))]
    skip = set(meta.values()) | set(custom)
    first_question = max(skip) + 1 if skip else 0
    columns: list[Column] = []
    question = ""
    for i in range(first_question, len(headers)):
        if headers[i]:
            question = headers[i]
        if not question:
            continue
        label = labels[i]
        if header_key(label) in _SINGLE:
            label = ""
        other = bool(label and _OTHER.fullmatch(label))
        columns.append(Column(i, headers[i] or f"{question} [{label}]", f"{i}:{question}" if headers[i] else
                              columns[-1].question, question, label, "", other))
    return make_export(PLATFORM, table, data, columns, meta, headers, dayfirst=False)
