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
(``Wekelijks``) that ona turns into weights. With numeric values (the
default), answers are recode values: with the survey's ``.qsf`` file,
:func:`apply_structure` turns them into their labels (so ``1`` can be
``Nooit``); without it, the numbers are used as they are and the report says so.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pandas as pd

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, header_key, make_export, table_rows
from ona.io.survey.structure import StructureQuestion, SubQuestion, SurveyStructure

__all__ = ["PLATFORM", "apply_structure", "detect", "parse"]

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
    "language": "userlanguage",
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
    refs = [""] * len(codes)
    if len(cells) >= 2 and _looks_like_text_row(cells.iloc[1].tolist(), codes):
        texts = [str(t).strip() for t in cells.iloc[1].tolist()]
        header_rows = 2
        if len(cells) >= 3 and any('"importid"' in str(v).lower() for v in cells.iloc[2].tolist()):
            header_rows = 3
            refs = [_import_id(v) for v in cells.iloc[2].tolist()]
    data = table_rows(table, header_rows)
    keys = [header_key(c) for c in codes]
    meta = {f: keys.index(k) for f, k in _META.items() if k in keys}
    if "submitted" not in meta and "ended" in meta:
        meta["submitted"] = meta.pop("ended")
    meta.pop("ended", None)
    answer = [i for i, c in enumerate(codes) if c and keys[i] not in _META_CODES and not _TIMING.fullmatch(c)
              and not c.endswith("_DO") and not c.startswith("Q_")]
    columns = [replace(c, ref=refs[c.position]) for c in _columns(answer, codes, texts)]
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


def _import_id(value: object) -> str:
    """``QID3_4`` from the third header row's ``{"ImportId":"QID3_4"}``."""
    try:
        parsed = json.loads(str(value))
    except (ValueError, TypeError):
        return ""
    return str(parsed.get("ImportId", "")) if isinstance(parsed, dict) else ""


def apply_structure(export: ParsedExport, structure: SurveyStructure) -> ParsedExport:
    """Give a Qualtrics export the labels of its survey file (``.qsf``).

    A column is found by its ImportId (``QID3_4``: question ``QID3``, choice
    ``4``) or, in exports without that row, by its export tag and suffix
    (``Q3_4``: the choice whose id, recode value or export tag is ``4``).
    Recode values of single-choice and matrix questions become their labels;
    a ticked multiple-choice column keeps its ``1``.
    """
    lang = _language(export, structure)
    data = export.data.copy()
    columns: list[Column] = []
    recodes: dict[int, dict[str, str]] = {}
    for column in export.columns:
        question, sub = _locate(column, structure)
        if question is None:
            columns.append(column)
            continue
        label = sub.label(lang) if sub is not None else column.label
        other = column.other or (sub is not None and sub.other and column.code.upper().endswith("_TEXT"))
        options = tuple(a.label(lang) for a in question.answers)
        if question.answers and question.kind in ("single_choice", "array") and not column.code.upper().endswith(
                "_TEXT"):
            values = data[column.position].astype(str)
            distinct = values.unique()
            translated = {}
            for value in distinct:
                option = question.answer(value.strip()) if value.strip() else None
                translated[value] = option.label(lang) if option is not None else value
            data[column.position] = values.map(translated)
            recodes[column.position] = {v.strip(): translated[v] for v in distinct if v.strip() and translated[v] != v}
        text = question.text(lang) or column.text
        columns.append(Column(column.position, column.header, column.question, text, label, column.code, other,
                              options, column.ref))
    return replace(export, data=data, columns=tuple(columns), structure=structure.source, recodes=recodes)


def _locate(column: Column, structure: SurveyStructure) -> tuple[StructureQuestion | None, SubQuestion | None]:
    """The question (and choice) of an export column, by ImportId or by export tag and suffix."""
    if column.ref:
        qid, _, rest = column.ref.partition("_")
        question = structure.question(qid)
        if question is not None:
            choice = rest[:-5] if rest.upper().endswith("_TEXT") else rest
            choice = choice.split("_")[0] if choice else ""
            found = next((s for s in question.subquestions if s.id == choice), None) if choice else None
            return question, found
    question = structure.question(column.question)
    if question is None:
        return None, None
    suffix = column.code[len(column.question):].lstrip("_")
    if suffix.upper().endswith("_TEXT"):
        suffix = suffix[:-5]
    suffix = suffix.split("_")[0] if suffix else ""
    return question, (question.subquestion_by_suffix(suffix) if suffix and suffix.upper() != "TEXT" else None)


def _language(export: ParsedExport, structure: SurveyStructure) -> str:
    """The language most respondents used (``UserLanguage``), else the survey's base language."""
    if export.language is not None:
        counts = export.language.str.lower().value_counts()
        for lang in counts.index:
            if lang and lang in structure.languages:
                return str(lang)
    return structure.language


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
