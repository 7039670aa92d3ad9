"""LimeSurvey: "Export responses" as CSV, with question codes or full question texts as headings.

Metadata first: ``id, submitdate, lastpage, startlanguage, seed, token,
startdate, datestamp`` (full headings: ``Response ID, Date submitted, Last
page, Start language, Seed, Access code, Date started, Date last action``),
plus participant fields (``firstname, lastname, email``) when exported.
Sub-questions are coded ``Q1[SQ001]``; multiple-choice options hold ``Y``;
``Q1[other]`` holds "other" text; array questions hold the answer text or
code. The separator is ``,`` ``;`` or tab. A response without ``submitdate``
was not completed.
"""

from __future__ import annotations

import re


from ona.io.files import RawTable
from ona.io.survey.export import Column, ParsedExport, find_meta, group_by_prefix, header_key, make_export, table_rows

__all__ = ["PLATFORM", "detect", "parse"]

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
    if len(coded) >= max(1, len(answer) // 2):
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
    return make_export(PLATFORM, table, data, columns, meta, headers, dayfirst=True, finished=finished)
