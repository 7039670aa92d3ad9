"""Google Forms: the responses sheet downloaded from Google Sheets (or Forms) as CSV.

The first column is ``Tijdstempel`` (Dutch) or ``Timestamp``; with e-mail
collection on, ``E-mailadres`` / ``Email address`` follows. Every question is
a column headed by its text; grid questions give a column per row headed
``Question [Row]``; checkbox answers are joined by ``", "``. Dutch accounts
write day-first dates (``4-3-2025 9:15:22``); the Forms download writes
``2025/03/04 9:15:22 AM GMT+1``.
"""

from __future__ import annotations

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, find_meta, group_by_prefix, header_key, make_export, table_rows

__all__ = ["PLATFORM", "detect", "parse"]

PLATFORM = "Google Forms"

_TIMESTAMP = ("tijdstempel", "timestamp", "marcatemporal", "horodateur", "zeitstempel", "carimbodedatahora",
              "indicazionetemporale")
_META = {
    "submitted": _TIMESTAMP,
    "email": ("emailadres", "emailaddress", "email", "gebruikersnaam", "username", "adressemail",
              "direcciondecorreoelectronico", "emailadresse"),
    "score": ("score", "punten", "totaalscore", "totalscore"),
}


def detect(table: RawTable) -> bool:
    """True when the first header is Google's timestamp column."""
    if not len(table.cells):
        return False
    return header_key(str(table.cells.iloc[0, 0])) in _TIMESTAMP


def parse(table: RawTable) -> ParsedExport:
    """Split a Google Forms export into metadata and questions."""
    headers = [str(h).strip() for h in table.cells.iloc[0].tolist()]
    data = table_rows(table, 1)
    meta = find_meta(headers, _META)
    answer = [i for i, h in enumerate(headers) if i not in set(meta.values()) and h]
    grouped = group_by_prefix([headers[i] for i in answer])
    columns = [Column(i, headers[i], question, question, label) for i, (question, label) in zip(answer, grouped)]
    english = header_key(headers[0]) == "timestamp"
    return make_export(PLATFORM, table, data, columns, meta, headers, dayfirst=not english)
