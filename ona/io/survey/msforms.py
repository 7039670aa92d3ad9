"""Microsoft Forms: the Excel download, or that file re-saved by Excel as CSV.

The workbook has one row per response and one header row: ``ID, Start time,
Completion time, Email, Name`` (Dutch UI: ``ID, Begintijd, Tijd van voltooien,
E-mail, Naam``), sometimes ``Last modified time`` / ``Tijd laatst gewijzigd``,
then one column per question with the question text as header. A
multiple-answer question keeps all chosen options in one cell, each followed
by ``;``. A Likert question gives one column per statement. Anonymous forms
say ``anonymous`` in the e-mail column. Dutch Excel saves CSV with ``;`` as
separator, in cp1252, with day-first dates (``4-3-2025 09:15``).
"""

from __future__ import annotations

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, find_meta, group_by_prefix, header_key, make_export, table_rows

__all__ = ["PLATFORM", "detect", "parse"]

PLATFORM = "Microsoft Forms"

_META = {
    "response_id": ("id",),
    "started": ("starttime", "begintijd", "starttijd", "heurededebut", "startzeit"),
    "submitted": ("completiontime", "tijdvanvoltooien", "voltooiingstijd", "tijdvoltooid", "eindtijd",
                  "heuredefin", "fertigstellungszeit"),
    "email": ("email", "emailadres", "courrierelectronique"),
    "name": ("name", "naam", "nom"),
    "modified": ("lastmodifiedtime", "tijdlaatstgewijzigd", "laatstgewijzigd"),
    "points": ("totalpoints", "totaalaantalpunten", "totaalpunten", "quizfeedback", "quizfeedbackweergeven"),
}
_SKIP_PREFIXES = ("points ", "punten ", "feedback ")
_DUTCH = {"begintijd", "tijdvanvoltooien", "voltooiingstijd", "naam"}


def detect(table: RawTable) -> bool:
    """True when the first row has MS Forms' ID, start and completion time columns."""
    keys = {header_key(h) for h in table.cells.iloc[0].tolist()} if len(table.cells) else set()
    return "id" in keys and bool(keys & set(_META["started"])) and bool(keys & set(_META["submitted"]))


def parse(table: RawTable) -> ParsedExport:
    """Split an MS Forms export into metadata and questions (see the module docstring)."""
    headers = [str(h).strip() for h in table.cells.iloc[0].tolist()]
    data = table_rows(table, 1)
    meta = find_meta(headers, _META)
    meta_positions = set(meta.values())
    answer = [i for i, h in enumerate(headers)
              if i not in meta_positions and h and not h.lower().startswith(_SKIP_PREFIXES)]
    grouped = group_by_prefix([headers[i] for i in answer])
    columns = [Column(i, headers[i], question, question, label) for i, (question, label) in zip(answer, grouped)]
    if "email" in meta:
        emails = data[meta["email"]].astype(str)
        data[meta["email"]] = emails.where(~emails.str.strip().str.lower().isin({"anonymous", "anoniem"}), "")
    dutch = bool({header_key(h) for h in headers} & _DUTCH)
    notes = ["re-saved by Excel as CSV"] if table.encoding else []
    return make_export(PLATFORM, table, data, columns, meta, headers, dayfirst=dutch or bool(table.encoding),
                       notes=notes)
