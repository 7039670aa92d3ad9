"""LimeSurvey: "Export responses" as CSV, with question codes or full question texts as headings.

Metadata first: ``id, submitdate, lastpage, startlanguage, seed, token,
startdate, datestamp`` (full headings: ``Response ID, Date submitted, Last
page, Start language, Seed, Access code, Date started, Date last action``),
plus participant fields (``firstname, lastname, email``) when exported.
Sub-questions are coded ``Q1[SQ001]``; multiple-choice options hold ``Y``;
``Q1[other]`` holds "other" text; array questions hold the answer text or
code. The separator is ``,`` ``;`` or tab. A response without ``submitdate``
was not completed.

LimeSurvey's default export has question codes as headings and answer codes as
answers: a ticked name is ``Y`` under ``advies[SQ001]`` and a frequency is
``AO03``. Such an export can only be read with the survey's structure file
(``.lss``): :func:`apply_structure` turns codes into the question texts,
subquestion labels and answer labels (looked up by code, never by position).
"""

from __future__ import annotations

import re


from collections import Counter
from dataclasses import replace

from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, find_meta, group_by_prefix, header_key, make_export, table_rows
from ona.io.survey.structure import StructureQuestion, SurveyStructure

__all__ = ["ANSWER_CODE", "PLATFORM", "apply_structure", "detect", "parse"]

#: What LimeSurvey's answer codes look like (``A1`` in LimeSurvey 3, ``AO01`` from 4 on) and "other" chosen.
ANSWER_CODE = re.compile(r"(?:AO?\d{1,4}|-oth-)", re.I)

PLATFORM = "LimeSurvey"

_META = {
    "response_id": ("id", "responseid", "antwoordid"),
    "submitted": ("submitdate", "datesubmitted", "datumverstuurd", "datumingediend"),
    "lastpage": ("lastpage", "laatstepagina"),
    "language": ("startlanguage", "starttaal"),
    "seed": ("seed",),
    "person_id": ("token", "accesscode", "toegangscode"),
    "started": ("startdate", "datestarted", "startdatum", "datumgestart"),
    "last_action": ("datestamp", "datelastaction", "datumlaatsteactie"),
    "ip": ("ipaddr", "ipaddress", "ipadres"),
    "referrer": ("refurl", "referrerurl", "verwijzendeurl"),
    "time": ("interviewtime", "totaltime", "totaletijd"),
    "first_name": ("firstname", "voornaam"),
    "last_name": ("lastname", "achternaam"),
    "email": ("email", "emailaddress", "emailadres"),
}
_CODE = re.compile(r"(?P<code>[A-Za-z][A-Za-z0-9_]*)(?:\[(?P<sub>[^\]]+)\])?(?:\.\s*(?P<text>.+))?", re.S)
_TIMING = re.compile(r"(?:groupTime\d+|.+Time)", re.S)


def detect(table: RawTable) -> bool:
    """True when the headings include LimeSurvey's submit date with its last page or start language."""
    keys = {header_key(h) for h in table.cells.iloc[0].tolist()} if len(table.cells) else set()
    return bool(keys & set(_META["submitted"])) and bool(keys & (set(_META["lastpage"]) | set(_META["language"])))


def parse(table: RawTable) -> ParsedExport:
    """Split a LimeSurvey export into metadata and questions."""
    headers = [str(h).strip() for h in table.cells.iloc[0].tolist()]
    data = table_rows(table, 1)
    meta = find_meta(headers, _META)
    answer = [i for i, h in enumerate(headers) if i not in set(meta.values()) and h
              and not _TIMING.fullmatch(h)]
    coded = [i for i in answer if _CODE.fullmatch(headers[i]) and " " not in headers[i].split(".")[0]]
    columns: list[Column] = []
    is_coded = len(coded) >= max(1, len(answer) // 2)
    if is_coded:
        for i in answer:
            m = _CODE.fullmatch(headers[i])
            if not m or " " in headers[i].split(".")[0]:
                columns.append(Column(i, headers[i], headers[i], headers[i]))
                continue
            code, sub, text = m.group("code"), m.group("sub") or "", (m.group("text") or "").strip()
            label = ""
            grid = re.fullmatch(r"(.+?)\s*\[([^\[\]]+)\]", text, flags=re.S)
            if grid:
                text, label = grid.group(1).strip(), grid.group(2).strip()
            other = sub.lower() == "other"
            columns.append(Column(i, headers[i], code, text, label or sub, f"{code}[{sub}]" if sub else code, other))
    else:
        grouped = group_by_prefix([headers[i] for i in answer])
        for i, (question, label) in zip(answer, grouped):
            other = bool(re.fullmatch(r"(?:other|anders|overig)\b.*", label, flags=re.I))
            columns.append(Column(i, headers[i], question, question, label, "", other))
    finished = None
    if "submitted" in meta:
        finished = data[meta["submitted"]].astype(str).str.strip().ne("")
        if "last_action" in meta:  # incomplete responses: order them by their last action
            data = data.copy()
            meta_sub = meta["submitted"]
            data[meta_sub] = data[meta_sub].where(finished, data[meta["last_action"]])
    return make_export(PLATFORM, table, data, columns, meta, headers, dayfirst=True, finished=finished,
                       coded=is_coded and not any(c.text for c in columns))


def apply_structure(export: ParsedExport, structure: SurveyStructure) -> ParsedExport:
    """Give a LimeSurvey export the texts and labels of its structure file (``.lss``).

    Every column whose question code is in `structure` gets the question's
    text and its subquestion's label (found by code: ``advies[SQ007]`` gets
    the label of subquestion ``SQ007``, wherever it is listed); answer codes
    become answer labels (``AO01`` -> ``Nooit``), and ``-oth-`` (the "other"
    option of a list) becomes empty, its text being in ``[other]``. Ticks
    (``Y``) stay ticks. The labels are taken in the survey language most
    respondents used.
    """
    lang = _language(export, structure)
    data = export.data.copy()
    columns: list[Column] = []
    recodes: dict[int, dict[str, str]] = {}
    for column in export.columns:
        question = structure.question(column.question)
        if question is None:
            columns.append(column)
            continue
        sub_code = column.code[len(column.question) + 1 : -1] if column.code.endswith("]") else ""
        label, other = column.label, column.other
        if sub_code:
            sub = _subquestion(question, sub_code, lang)
            if sub is not None:
                label = sub
            elif sub_code.lower() == "other":
                other = True
        options = tuple(a.label(lang) for a in question.answers)
        if question.answers and not (question.kind == "multiple_choice" or other or sub_code.lower() == "other"):
            mapping = {a.code: a.label(lang) for a in question.answers}
            mapping.update({a.code.lower(): a.label(lang) for a in question.answers})
            mapping["-oth-"] = ""
            values = data[column.position].astype(str)
            distinct = values.unique()
            translated = {v: mapping.get(v.strip(), mapping.get(v.strip().lower(), v)) for v in distinct}
            data[column.position] = values.map(translated)
            recodes[column.position] = {v.strip(): translated[v] for v in distinct if v.strip() and translated[v] != v}
        columns.append(Column(column.position, column.header, column.question, question.text(lang) or column.text,
                              label, column.code, other, options, column.ref))
    return replace(export, data=data, columns=tuple(columns), coded=False, structure=structure.source,
                   recodes=recodes)


def _language(export: ParsedExport, structure: SurveyStructure) -> str:
    """The survey language most respondents answered in (LimeSurvey's start language), else the base language."""
    counts = Counter(v for v in export.language.tolist() if v) if export.language is not None else Counter()
    for lang, _ in counts.most_common():
        if lang in structure.languages:
            return lang
    return structure.language


def _subquestion(question: StructureQuestion, code: str, lang: str) -> str | None:
    sub = question.subquestion(code)
    if sub is not None:
        return sub.label(lang) or sub.code
    if "_" in code:  # an array of two axes: Q1[SQ001_SQ002]
        first, _, second = code.partition("_")
        a, b = question.subquestion(first), question.subquestion(second)
        if a is not None and b is not None:
            return f"{a.label(lang)} - {b.label(lang)}"
    return None
