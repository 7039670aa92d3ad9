"""What every platform reader produces: answer columns grouped into questions, plus metadata.

A platform reader (one module per platform) knows where its export keeps the
submission time, the respondent's e-mail, preview flags and the question
texts. It hands back a :class:`ParsedExport`; everything after that
(relations, name matching, the network) is the same for every platform.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pandas as pd

from ona.io.files import RawTable
from ona.io.survey.matching import normalise_text

__all__ = [
    "Column",
    "ParsedExport",
    "column_letter",
    "datetime_series",
    "find_meta",
    "group_by_prefix",
    "header_key",
    "make_export",
    "parse_datetimes",
    "short",
    "table_rows",
]


@dataclass(frozen=True)
class Column:
    """One answer column of an export.

    Attributes
    ----------
    position : int
        0-based column index in the file.
    header : str
        The header as shown in the file (a code such as ``Q1_3`` for Qualtrics
        and LimeSurvey, the question text for the others).
    question : str
        Key grouping the columns of one question (``"Q1"``, ``"advies"``, or
        the question text).
    text : str
        The question text, without the sub-label.
    label : str
        The sub-label: a text box ("Persoon 1"), an option or a grid row; ``""``
        for a one-column question.
    code : str
        The platform's code for the column (``"Q1_3"``), or ``""``.
    other : bool
        True for an "other, namely" free-text column.
    options : tuple of str
        The answer options this column can hold, when a structure file says
        so (a scale's labels, the options of a single choice).
    ref : str
        The platform's own reference for the column (Qualtrics' ImportId such
        as ``QID3_4``), or ``""``.
    """

    position: int
    header: str
    question: str
    text: str
    label: str = ""
    code: str = ""
    other: bool = False
    options: tuple[str, ...] = ()
    ref: str = ""

    @property
    def where(self) -> str:
        """How a message names this column: the code, or letter and (shortened) header."""
        if self.code:
            return self.code
        if self.label and self.text:
            return f"{column_letter(self.position)} ({short(self.text, 28)} {self.label.strip('()[] ')})"
        return f"{column_letter(self.position)} ({short(self.header)})"


@dataclass(frozen=True)
class ParsedExport:
    """A survey export split into metadata and answer columns.

    Attributes
    ----------
    platform : str
        Display name, e.g. ``"Qualtrics"``.
    file : str
        Display name of the file.
    data : pandas.DataFrame
        The response rows as strings (``""`` for empty), columns numbered by
        position, indexed by spreadsheet row number.
    columns : tuple of Column
        The answer columns (metadata columns left out).
    submitted : pandas.Series
        Submission time per row (``NaT`` when unknown), same index as `data`.
    email, name, person_id : pandas.Series or None
        What the platform recorded about the respondent.
    language : pandas.Series or None
        The language each respondent answered in, when the platform records it.
    preview : pandas.Series
        True for preview or test responses.
    finished : pandas.Series
        False for responses the respondent did not finish.
    meta : dict
        Which header holds which field (``{"submitted": "RecordedDate", ...}``).
    notes : tuple of str
        Remarks on how the file was read (encoding, delimiter, date order).
    coded : bool
        True when the export holds question codes instead of texts (a
        LimeSurvey export with code headings), so that ticks and answer codes
        can only be read with the survey's structure file.
    structure : str
        Display name of the structure file applied, or ``""``.
    recodes : dict
        Column position -> {code as exported: label} for every column whose
        codes the structure file turned into labels.
    """

    platform: str
    file: str
    data: pd.DataFrame
    columns: tuple[Column, ...]
    submitted: pd.Series
    email: pd.Series | None = None
    name: pd.Series | None = None
    person_id: pd.Series | None = None
    language: pd.Series | None = None
    preview: pd.Series | None = None
    finished: pd.Series | None = None
    meta: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    coded: bool = False
    structure: str = ""
    recodes: dict[int, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index = self.data.index
        if self.preview is None:
            object.__setattr__(self, "preview", pd.Series(False, index=index))
        if self.finished is None:
            object.__setattr__(self, "finished", pd.Series(True, index=index))


def column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based index: 0 -> A, 27 -> AB.

    >>> column_letter(0), column_letter(27)
    ('A', 'AB')
    """
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def short(text: str, width: int = 40) -> str:
    """`text` cut to `width` characters with an ellipsis.

    >>> short("Bij wie ga je voor advies over je werk?", 20)
    'Bij wie ga je voor…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def header_key(header: str) -> str:
    """A header compared loosely: lower case, no diacritics, no punctuation or spaces.

    >>> header_key("Tijd van voltooien"), header_key("E-mailadres")
    ('tijdvanvoltooien', 'emailadres')
    """
    return normalise_text(header).replace(" ", "")


def table_rows(table: RawTable, header_rows: int) -> pd.DataFrame:
    """The data rows of `table` below `header_rows` header rows, indexed by spreadsheet row number."""
    data = table.cells.iloc[header_rows:].copy()
    data.index = [RawTable.row_number(i) for i in data.index]
    return data.astype(object)


def group_by_prefix(headers: Sequence[str]) -> list[tuple[str, str]]:
    """Split headers into (question, label) where neighbours share a question.

    Recognises Google-style grids (``"Question [Row]"``) and neighbouring
    columns that share a long prefix ending in ``" - "``, ``": "``, ``"? "`` or
    ``"."`` (``"Question?.Statement"``). Other headers are their own question.

    >>> group_by_prefix(["Hoe vaak? [HR]", "Hoe vaak? [ICT]", "Opmerkingen"])
    [('Hoe vaak?', 'HR'), ('Hoe vaak?', 'ICT'), ('Opmerkingen', '')]
    >>> group_by_prefix(["Met wie werk je samen? - Persoon 1", "Met wie werk je samen? - Persoon 2"])
    [('Met wie werk je samen?', 'Persoon 1'), ('Met wie werk je samen?', 'Persoon 2')]
    """
    out: list[tuple[str, str]] = []
    for header in headers:
        m = re.fullmatch(r"(.+?)\s*\[([^\[\]]+)\]\s*", header, flags=re.S)
        out.append((m.group(1).strip(), m.group(2).strip()) if m else (header, ""))
    # neighbours with a shared prefix up to a separator
    i = 0
    while i < len(out):
        if out[i][1]:
            i += 1
            continue
        j = i + 1
        while j < len(out) and not out[j][1] and _split_prefix(out[i][0], out[j][0]) is not None:
            j += 1
        if j - i >= 2:
            prefix = _common_prefix([out[k][0] for k in range(i, j)])
            for k in range(i, j):
                out[k] = (prefix.rstrip(" -:.").strip(), out[k][0][len(prefix):].strip())
        i = max(j, i + 1)
    return out


_SEPARATORS = (" - ", ": ", "? ", "?.", ". ", " – ")


def _split_prefix(a: str, b: str) -> str | None:
    prefix = _common_prefix([a, b])
    return prefix if prefix and len(prefix) >= 12 and a != b else None


def _common_prefix(texts: list[str]) -> str:
    first = min(texts, key=len)
    n = 0
    while n < len(first) and all(t[n] == first[n] for t in texts):
        n += 1
    prefix = first[:n]
    cut = max((prefix.rfind(sep) + len(sep) for sep in _SEPARATORS if sep in prefix), default=-1)
    if cut <= 0:
        return ""
    return prefix[:cut]


# -- dates ------------------------------------------------------------------------------

_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?\s*"
    r"(am|pm|a\.\s?m\.?|p\.\s?m\.?)?\s*(?:z|utc|gmt|[a-z]{3,5}|[+-]\d{2}:?\d{2}|gmt[+-]\d{1,2}(?::?\d{2})?)?"
)
_LOCAL = re.compile(
    r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(?:[ t,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?\s*"
    r"(am|pm|a\.\s?m\.?|p\.\s?m\.?)?\s*(?:z|utc|[a-z]{3,5}|[+-]\d{2}:?\d{2}|gmt[+-]\d{1,2}(?::?\d{2})?)?"
)
_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?")


def parse_datetimes(values: Sequence[object], *, dayfirst: bool = True) -> tuple[list[datetime | None], bool | None]:
    """Parse a column of submission times, deciding day-first or month-first for the whole column.

    Accepts ISO dates (``2025-03-04 09:15:22``, ``2025/03/04 9:15:22 p.m. CET``),
    local dates (``4-3-2025 9:15``, ``03/04/2025 09:15:22 AM``) and Excel serial
    numbers. For local dates the column decides: a first number above 12
    means day-first, a second number above 12 means month-first; otherwise
    `dayfirst` (the platform's habit) decides.

    Returns the parsed values (None where unreadable) and the date order used
    (None when no local dates were seen).

    >>> parse_datetimes(["3/4/2025 9:00:00 AM", "12/31/2025 1:05:00 PM"])[0][0]
    datetime.datetime(2025, 3, 4, 9, 0)
    >>> parse_datetimes(["4-3-2025 09:15", "13-3-2025 17:00"])[0][0]
    datetime.datetime(2025, 3, 4, 9, 15)
    """
    parsed: list[tuple[str, tuple] | None] = []
    first_gt12 = second_gt12 = False
    for value in values:
        text = str(value).strip().lower() if value is not None else ""
        if not text or text == "nan":
            parsed.append(None)
            continue
        m = _ISO.fullmatch(text)
        if m:
            parsed.append(("iso", m.groups()))
            continue
        m = _LOCAL.fullmatch(text)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            first_gt12 |= a > 12
            second_gt12 |= b > 12
            parsed.append(("local", m.groups()))
            continue
        if _SERIAL.fullmatch(text):
            parsed.append(("serial", (text,)))
            continue
        parsed.append(None)
    order: bool | None = None
    if any(p and p[0] == "local" for p in parsed):
        if first_gt12 and not second_gt12:
            order = True
        elif second_gt12 and not first_gt12:
            order = False
        else:
            order = dayfirst
    out: list[datetime | None] = []
    for item in parsed:
        out.append(_build(item, order) if item else None)
    return out, order


def _build(item: tuple[str, tuple], dayfirst: bool | None) -> datetime | None:
    kind, groups = item
    try:
        if kind == "serial":
            serial = float(groups[0].replace(",", "."))
            if not 20000 < serial < 80000 or math.isnan(serial):
                return None
            return datetime(1899, 12, 30) + timedelta(days=serial)
        if kind == "iso":
            year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        else:
            a, b, year = int(groups[0]), int(groups[1]), int(groups[2])
            year = year + 2000 if year < 100 else year
            day, month = (a, b) if dayfirst else (b, a)
        hour = int(groups[3] or 0)
        minute = int(groups[4] or 0)
        second = int(groups[5] or 0)
        ampm = (groups[6] or "").replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if not 1900 <= year <= 2200:
            return None
        return datetime(year, month, day, hour, minute, second)
    except (ValueError, OverflowError):
        return None


def datetime_series(values: pd.Series, *, dayfirst: bool = True) -> tuple[pd.Series, bool | None]:
    """:func:`parse_datetimes` for a Series; ``NaT`` where unreadable."""
    parsed, order = parse_datetimes(values.tolist(), dayfirst=dayfirst)
    return pd.Series(pd.to_datetime(parsed), index=values.index), order


def find_meta(headers: Sequence[str], aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Positions of metadata columns: field -> first column whose :func:`header_key` is an alias.

    >>> find_meta(["ID", "Begintijd", "E-mail"], {"started": ("starttime", "begintijd"), "email": ("email",)})
    {'started': 1, 'email': 2}
    """
    keys = [header_key(h) for h in headers]
    found: dict[str, int] = {}
    for fieldname, names in aliases.items():
        for alias in names:
            if alias in keys and keys.index(alias) not in found.values():
                found[fieldname] = keys.index(alias)
                break
    return found


def make_export(
    platform: str,
    table: RawTable,
    data: pd.DataFrame,
    columns: Sequence[Column],
    meta: dict[str, int],
    headers: Sequence[str],
    *,
    dayfirst: bool,
    preview: pd.Series | None = None,
    finished: pd.Series | None = None,
    notes: Sequence[str] = (),
    coded: bool = False,
) -> ParsedExport:
    """Assemble a :class:`ParsedExport` from metadata column positions.

    `meta` may hold ``submitted``, ``started``, ``email``, ``name``,
    ``first_name``, ``last_name`` and ``person_id``; the submission time falls
    back to ``started`` where ``submitted`` is empty.
    """
    def column(fieldname: str) -> pd.Series | None:
        position = meta.get(fieldname)
        return data[position].astype(str).str.strip() if position is not None else None

    notes = list(notes)
    submitted = pd.Series(pd.NaT, index=data.index, dtype="datetime64[ns]")
    for fieldname in ("submitted", "started"):
        raw = column(fieldname)
        if raw is None:
            continue
        parsed, order = datetime_series(raw, dayfirst=dayfirst)
        submitted = submitted.fillna(parsed) if submitted.notna().any() else parsed
        if order is not None and fieldname == "submitted":
            notes.append(f"dates read {'day' if order else 'month'}-first ({headers[meta[fieldname]]})")
    name = column("name")
    first, last = column("first_name"), column("last_name")
    if name is None and (first is not None or last is not None):
        parts = [s for s in (first, last) if s is not None]
        name = parts[0] if len(parts) == 1 else (parts[0] + " " + parts[1]).str.strip()
    if table.encoding:
        delimiter = {"\t": "tab", ",": "','", ";": "';'", "|": "'|'"}.get(table.delimiter or ",", table.delimiter)
        notes.insert(0, f"CSV, {table.encoding}, {delimiter}-separated")
    return ParsedExport(
        platform=platform,
        file=table.filename,
        data=data,
        columns=tuple(columns),
        submitted=submitted,
        email=column("email"),
        name=name,
        person_id=column("person_id"),
        language=column("language"),
        preview=preview,
        finished=finished,
        meta={k: headers[v] for k, v in meta.items()},
        notes=tuple(notes),
        coded=coded,
    )
