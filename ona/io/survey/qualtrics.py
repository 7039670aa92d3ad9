"""Qualtrics: the CSV download ("Download data table", CSV, legacy or new format).

Three header rows: export tags (``StartDate, ..., Q1_1, Q1_2``), the question
texts (``"Bij wie ga je voor advies? - Persoon 1"``) and, in the new format, an
``{"ImportId":"QID1_1"}`` JSON row. Metadata first: ``StartDate, EndDate,
Status, IPAddress, Progress, Duration (in seconds), Finished, RecordedDate,
ResponseId, RecipientLastName, RecipientFirstName, RecipientEmail,
ExternalReference, LocationLatitude, LocationLongitude, DistributionChannel,
UserLanguage``. Multiple-answer, matrix and form questions give a column per
choice or row (``Q1_4``) holding ``1`` or the choice text; ``_TEXT`` columns
hold "other" text. Files are UTF-8 with BOM. Preview and test responses have
``DistributionChannel`` ``preview``/``test`` (``Status`` ``Survey Preview``).

Download with "Use choice text": frequency answers then arrive as labels
(``Wekelijks``) that ona turns into weights. With numeric values, the
recode numbers are used as weights as they are.
"""

from __future__ import annotations

import re

import pandas as pd

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, header_key, make_export, table_rows

__all__ = ["PLATFORM", "detect", "parse"]

PLATFORM = "Qualtrics"

_META_CODES = {
    "startdate", "enddate", "status", "ipaddress", "progress", "durationinseconds", "finished", "recordeddate",
    "responseid", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
    "externaldatareference", "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage",
    "responseset", "responsetype",
}
_META = {
    "started": "startdate",
    "submitted": "recordeddate",
    "ended": "enddate",
    "email": "recipientemail",
    "person_id": "externalreference",
    "first_name": "recipientfirstname",
    "last_name": "recipientlastname",
}
_TIMING = re.compile(r".*_(first click|last click|page submit|click count)$", re.I)
_CODE = re.compile(r"(?P<base>.+?)(?:_(?P<sub>x?\d+))?(?:_(?P<sub2>\d+))?(?P<text>_TEXT)?")
_PREVIEW_STATUS = {"survey preview", "survey test", "preview", "test", "1", "2", "9", "17", "preview spam",
                   "offline survey preview"}


def detect(table: RawTable) -> bool:
    """True for Qualtrics' ImportId row or its characteristic metadata tags."""
    cells = table.cells
    if len(cells) >= 3 and any('"importid"' in str(v).lower() for v in cells.iloc[2].tolist()[:5]):
        return True
    keys = {header_key(h) for h in cells.iloc[0].tolist()} if len(cells) else set()
    return {"responseid", "recordeddate"} <= keys or {"responseid", "distributionchannel"} <= keys


def parse(table: RawTable) -> ParsedExport:
    """Split a Qualtrics export into metadata and questions."""
    cells = table.cells
    codes = [str(h).strip() for h in cells.iloc[0].tolist()]
    header_rows = 1
    texts = codes
    if len(cells) >= 2 and _looks_like_text_row(cells.iloc[1].tolist(), codes):
        texts = [str(t).strip() for t in cells.iloc[1].tolist()]
        header_rows = 2
        if len(cells) >= 3 and any('"importid"' in str(v).lower() for v in cells.iloc[2].tolist()):
            header_rows = 3
    data = table_rows(table, header_rows)
    keys = [header_key(c) for c in codes]
    meta = {f: keys.index(k) for f, k in _META.items() if k in keys}
    if "submitted" not in meta and "ended" in meta:
        meta["submitted"] = meta.pop("ended")
    meta.pop("ended", None)
    answer = [i for i, c in enumerate(codes) if c and keys[i] not in _META_CODES and not _TIMING.fullmatch(c)
              and not c.endswith("_DO") and not c.startswith("Q_")]
    columns = _columns(answer, codes, texts)
    preview = pd.Series(False, index=data.index)
    if "distributionchannel" in keys:
        preview |= data[keys.index("distributionchannel")].astype(str).str.strip().str.lower().isin({"preview", "test"})
    if "status" in keys:
        preview |= data[keys.index("status")].astype(str).str.strip().str.lower().isin(_PREVIEW_STATUS)
    finished = None
    if "finished" in keys:
        finished = ~data[keys.index("finished")].astype(str).str.strip().str.lower().isin({"false", "0", "onwaar"})
    return make_export(PLATFORM, table, data, columns, meta, codes, dayfirst=False, preview=preview,
                       finished=finished)


def _looks_like_text_row(row: list[object], codes: list[str]) -> bool:
    """The second row holds texts such as 'Start Date' / 'Response ID' rather than answers."""
    values = {header_key(str(v)) for v in row}
    return bool(values & {"startdate", "responseid", "recordeddate", "enddate", "responsetype"}) or (
        sum(str(v).strip() != "" for v in row) == len(codes) and any(" - " in str(v) for v in row))


def _columns(answer: list[int], codes: list[str], texts: list[str]) -> list[Column]:
    groups: dict[str, list[int]] = {}
    other: dict[int, bool] = {}
    for i in answer:
        m = _CODE.fullmatch(codes[i])
        base = m.group("base") if m else codes[i]
        groups.setdefault(base, []).append(i)
        other[i] = bool(m and m.group("text"))
    columns: list[Column] = []
    for base, positions in groups.items():
        full = [texts[i] for i in positions]
        plain = [texts[i] for i in positions if not other[i]] or full
        prefix = _question_text(plain) if len(plain) > 1 or any(" - " in t for t in plain) else plain[0]
        for i in positions:
            text = texts[i]
            label = text[len(prefix):].lstrip(" -").strip() if prefix and text.startswith(prefix) else ""
            if other[i]:
                label = re.sub(r"\s*-\s*(?:text|tekst)$", "", label, flags=re.I) or "other"
            columns.append(Column(i, codes[i], base, prefix.rstrip(" -").strip() or text, label, codes[i], other[i]))
    return columns


def _question_text(texts: list[str]) -> str:
    """The shared part before ``" - "`` of a block's texts (the question without its choice)."""
    if len(texts) == 1:
        return texts[0].rsplit(" - ", 1)[0] + " - " if " - " in texts[0] else texts[0]
    first = min(texts, key=len)
    n = 0
    while n < len(first) and all(t[n] == first[n] for t in texts):
        n += 1
    prefix = first[:n]
    cut = prefix.rfind(" - ")
    return prefix[: cut + 3] if cut >= 0 else prefix
