"""Reading the staff roster: one row per person, columns detected in Dutch and English.

The roster is the list of everyone who could be named in the survey. Columns
are recognised by their header in Dutch or English (``personeelsnummer``,
``e-mail``, ``naam``, ``afdeling``, ``functie``, ``leidinggevende``, ...) or by
an explicit ``columns={"department": "Organisatieonderdeel"}`` mapping.
Problems are reported, never silently fixed: duplicate ids (later rows are
skipped), rows without an id, people without a department, columns that
appear twice, and ids that look like dates (Excel turns ``1-3`` into 1 March).

Every cell is normalised (:func:`clean_text`): Unicode NFKC (fullwidth ``Ｅ０１``
becomes ``E01``) and invisible characters removed (zero-width spaces,
direction marks, byte-order marks). When that makes two ids or two group
names the same, the report says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ona.io.files import RawTable, Source, read_tables
from ona.exceptions import RosterError
from ona.model import STANDARD_ATTRIBUTES
from ona.report import Issue, IssueLog

__all__ = [
    "ROSTER_ALIASES",
    "Roster",
    "clean_id",
    "clean_ids",
    "clean_text",
    "clean_texts",
    "column_key",
    "looks_like_date",
    "read_roster",
    "roster_from_frame",
]

#: Recognised headers per roster field, compared after lower-casing and removing
#: spaces, dashes, dots and underscores.
ROSTER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "personeelsnummer", "personeelsnr", "persnr", "medewerkernummer", "medewerkerid",
        "medewerkernr", "employeeid", "employeenumber", "employeeno", "empid", "staffid", "personid",
        "personnelnumber", "nummer", "userid", "gebruikersid",
    ),
    "email": ("email", "emailadres", "emailaddress", "mail", "mailadres", "workemail", "zakelijkemail"),
    "name": (
        "name", "naam", "fullname", "volledigenaam", "displayname", "weergavenaam", "medewerker",
        "employee", "employeename", "naammedewerker", "roepnaamachternaam",
    ),
    "department": (
        "department", "afdeling", "dept", "directie", "sector", "cluster", "domein", "division",
        "unit", "organisatieonderdeel", "organisatieeenheid", "office", "practice",
    ),
    "team": ("team", "teamnaam", "teamname", "subafdeling", "group", "groep", "sectie"),
    "role": ("role", "rol", "functie", "functienaam", "jobtitle", "functietitel", "title", "position", "level"),
    "manager": (
        "manager", "leidinggevende", "managerid", "leidinggevendeid", "supervisor", "reportsto",
        "direct leidinggevende", "directleidinggevende", "linemanager",
    ),
    "location": ("location", "locatie", "vestiging", "kantoor", "werklocatie", "site", "standplaats"),
    "consent": ("consent", "toestemming", "akkoord", "consentgiven", "toestemminggegeven"),
    "responded": ("responded", "respondent", "gereageerd", "heeftgereageerd", "ingevuld", "response"),
}
_FIRST_NAME = ("voornaam", "roepnaam", "firstname", "givenname", "voornamen")
_INFIX = ("tussenvoegsel", "tussenvoegsels", "voorvoegsel", "infix", "prefix")
_LAST_NAME = ("achternaam", "lastname", "surname", "familyname", "geslachtsnaam")

_YES = {"yes", "y", "ja", "j", "true", "waar", "1", "x", "ok", "akkoord"}
_NO = {"no", "n", "nee", "false", "onwaar", "0", ""}


def column_key(header: str) -> str:
    """A header compared loosely: no accents, case, spaces or punctuation (``"E-mail adres"`` -> ``"emailadres"``).

    >>> column_key("Personeels-nr."), column_key("Afdeling ")
    ('personeelsnr', 'afdeling')
    """
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    return re.sub(r"[\s\-_.:/()]+", "", text.lower())


_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def clean_text(value: object) -> str:
    """Text as people mean it: Unicode NFKC, invisible characters removed, outer spaces stripped.

    Removes zero-width spaces and joiners, left-to-right and right-to-left
    marks and embeddings, word joiners, soft hyphens and byte-order marks;
    NFKC turns fullwidth letters and digits into ordinary ones and
    no-break spaces into spaces.

    >>> clean_text("E0\u200b01\u200f "), clean_text("Ｅ００１"), clean_text("Sociaal\u00a0Domein")
    ('E001', 'E001', 'Sociaal Domein')
    """
    text = unicodedata.normalize("NFKC", str(value))
    return _INVISIBLE.sub("", text).strip()


def clean_id(value: object) -> str:
    """An id as ona compares it: :func:`clean_text`, and ``"12.0"`` (a number Excel made a float) as ``"12"``.

    >>> clean_id(" 007 "), clean_id("12.0"), clean_id("E\u200b12")
    ('007', '12', 'E12')
    """
    return _without_float_zero(clean_text(value))


def clean_texts(values: Iterable[object]) -> list[str]:
    """:func:`clean_text` of every value, fast for plain ASCII text (most of a roster).

    Unicode normalisation and the invisible characters only concern non-ASCII text, so ASCII text
    needs only its outer spaces stripped.

    >>> clean_texts([" HR ", "Sociaal\u00a0Domein", 7])
    ['HR', 'Sociaal Domein', '7']
    """
    return [v.strip() if type(v) is str and v.isascii() else clean_text(v) for v in values]


def clean_ids(values: Iterable[object]) -> list[str]:
    """:func:`clean_id` of every value, fast for plain ASCII text.

    >>> clean_ids([" 007 ", "12.0", "E\u200b12"])
    ['007', '12', 'E12']
    """
    return [_without_float_zero(text) for text in clean_texts(values)]


def _without_float_zero(text: str) -> str:
    if text.endswith(".0") and _FLOAT_ID.fullmatch(text):  # Excel turned an employee number into a float
        return text[:-2]
    return text


_FLOAT_ID = re.compile(r"\d+\.0")


_MONTHS = "jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec"
_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[ t]00:00(?::00)?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?: 0?0:00(?::00)?)?|"
    rf"\d{{1,2}}[- ](?:{_MONTHS})[a-z]*\.?(?:[- ]\d{{2,4}})?|(?:{_MONTHS})[a-z]*[- ]\d{{1,4}}",
    re.I,
)


def looks_like_date(value: object) -> bool:
    """Whether an id looks like a date that a spreadsheet made of it (``2025-03-01 00:00:00``, ``1-mrt``).

    >>> [looks_like_date(v) for v in ["2025-03-01 00:00:00", "1-3-2025", "1-mrt", "mrt-12", "E0001", "1-3"]]
    [True, True, True, True, False, False]
    """
    return bool(_DATE.fullmatch(str(value).strip()))


@dataclass(frozen=True)
class Roster:
    """A roster as read from a file.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per person, indexed by string id (index name ``"id"``); empty
        cells are missing values (``NaN``/``None``). It has the
        standard columns (name, email, department, team, role, manager,
        location), then ``consent``/``responded`` if present, then any extra
        columns under their original headers.
    issues : tuple of Issue
        Problems found (duplicate ids, missing ids, missing departments).
    source : str
        Display name of the file.
    columns : dict
        Which original header became which field, e.g. ``{"department": "Afdeling"}``.
    omitted : dict
        Issues counted but not listed, per kind (see :data:`ona.report.MAX_LISTED`).
    """

    frame: pd.DataFrame
    issues: tuple[Issue, ...] = ()
    source: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    omitted: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.frame)


def read_roster(
    source: Source | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    filename: str | None = None,
    sheet: str | int = 0,
) -> Roster:
    """Read a staff roster from CSV, XLSX (first sheet unless `sheet`), bytes or a DataFrame.

    Parameters
    ----------
    source : path, bytes, file object or DataFrame
    columns : mapping, optional
        Field -> header overrides, e.g. ``{"id": "Personeelsnr.", "department": "Team"}``.
        Fields: id, email, name, department, team, role, manager, location,
        consent, responded.
    filename : str, optional
        Display name for messages (e.g. the name of an uploaded file).
    sheet : str or int, optional
        Which sheet of a workbook holds the roster.

    Returns
    -------
    Roster

    Raises
    ------
    RosterError
        If no id, e-mail or name column can be found, a mapped column does not
        exist, or no person remains.

    Examples
    --------
    >>> r = read_roster(b"Personeelsnummer;Naam;Afdeling\\n001;Jan de Vries;Publiekszaken\\n002;Iris Bos;\\n")
    >>> r.frame.loc["001", ["name", "department"]].tolist()
    ['Jan de Vries', 'Publiekszaken']
    >>> [str(i) for i in r.issues]
    ["uploaded file, row 3, column 'Afdeling': 002 has no department; ..."]
    """
    if isinstance(source, pd.DataFrame):
        frame = source.astype(object).where(source.notna(), "").astype(str)
        frame.index = range(1, len(frame) + 1)  # as if read from a file: header at 0
        return roster_from_frame(frame, columns=columns, filename=filename or "roster")
    tables = read_tables(source, filename)
    table = _pick_sheet(tables, sheet)
    frame = table.with_header(0)
    return roster_from_frame(frame, columns=columns, filename=table.filename)


def _pick_sheet(tables: list[RawTable], sheet: str | int) -> RawTable:
    if isinstance(sheet, int):
        candidates = [t for t in tables if len(t.cells)]
        if sheet >= len(candidates):
            raise RosterError(key="ingest.roster.no_sheet_number", file=tables[0].filename,
                              values={"number": sheet + 1})
        return candidates[sheet]
    for t in tables:
        if t.name == sheet:
            return t
    names = ", ".join(repr(t.name) for t in tables)
    raise RosterError(key="ingest.sheet.missing", fix_key="ingest.sheet.missing.fix", file=tables[0].filename,
                      values={"sheet": str(sheet), "sheets": names})


def roster_from_frame(
    frame: pd.DataFrame, *, columns: Mapping[str, str] | None = None, filename: str = "roster"
) -> Roster:
    """Build a :class:`Roster` from a table of strings whose index + 1 is the spreadsheet row.

    This is the shared core of :func:`read_roster`; see there for the rules.
    """
    headers = [str(c) for c in frame.columns]
    log = IssueLog(filename)
    if frame.empty:
        raise RosterError(key="ingest.roster.header_only", fix_key="ingest.roster.header_only.fix", file=filename)
    mapping = _detect_columns(headers, columns or {}, filename, log)
    cleaned: dict[str, pd.Series] = {}

    def col(fieldname: str) -> pd.Series | None:
        header = mapping.get(fieldname)
        if header is None:
            return None
        if header not in cleaned:
            cleaned[header] = _cleaned_column(frame[header])
        return cleaned[header]

    email = col("email")
    ident = col("id")
    if ident is None:
        if email is None:
            raise RosterError(key="ingest.roster.no_id", fix_key="ingest.roster.no_id.fix", file=filename,
                              values={"columns": ", ".join(headers)})
        ident = email.str.lower()
        mapping["id"] = mapping["email"]

    name = col("name")
    if name is None:
        name = _compose_name(frame, headers)

    out = pd.DataFrame(index=frame.index)
    raw_ids = frame[mapping["id"]].astype(str).str.strip()
    out["id"] = pd.Series(clean_ids(ident.to_numpy(dtype=object)), index=ident.index, dtype=ident.dtype)
    for fieldname in STANDARD_ATTRIBUTES:
        if fieldname == "name":
            values = name
        else:
            values = col(fieldname)
        out[fieldname] = values.where(values.ne(""), None) if values is not None else None
    for extra in ("consent", "responded"):
        values = col(extra)
        if values is not None:
            out[extra] = _yes_no_column(values, filename, mapping[extra])
    used = set(mapping.values())
    for header in headers:
        if header not in used and not header.startswith("column "):
            values = frame[header].astype(str).str.strip()
            out[header] = _maybe_numeric(values.where(values.ne(""), None))

    id_header = mapping["id"]
    blank = out["id"].eq("")
    for idx in out.index[blank]:
        log.add("missing_id", "ingest.roster.missing_id", _row(idx), id_header)
    out = out.loc[~blank]
    dup = out["id"].duplicated(keep="first")
    if dup.any():
        firsts = out.loc[~dup, "id"]  # one lookup per person, not a Series access each (100,000 people: 15 s)
        first_row = dict(zip(firsts.tolist(), map(_row, firsts.index)))
        first_raw = dict(zip(firsts.tolist(), raw_ids.loc[firsts.index].tolist()))
        for idx, pid in out.loc[dup, "id"].items():
            if raw_ids[idx] != first_raw[pid]:  # the same only after normalising: say what merged them
                log.add("duplicate_id", "ingest.roster.duplicate_id_normalised", _row(idx), id_header, pid,
                        id=pid, raw=_visible(raw_ids[idx]), first=_visible(first_raw[pid]), first_row=first_row[pid])
            else:
                log.add("duplicate_id", "ingest.roster.duplicate_id", _row(idx), id_header, pid, id=pid,
                        first_row=first_row[pid])
        out = out.loc[~dup]
    # Every date a spreadsheet makes has a separator: only ids with one need the pattern.
    maybe_date = out["id"].str.contains(r"[-/. ]", regex=True)
    dates = out.loc[maybe_date, "id"]
    for idx, pid in dates[dates.map(looks_like_date).astype(bool)].items():
        log.add("date_id", "ingest.roster.date_id", _row(idx), id_header, pid, id=pid)
    _report_merged_labels(frame, mapping, out.index, log)
    if "department" in mapping:
        for idx in out.index[out["department"].isna()]:
            log.add("missing_department", "ingest.roster.missing_department", _row(idx), mapping["department"],
                    out.at[idx, "id"], id=out.at[idx, "id"])
    else:
        log.add("missing_department", "ingest.roster.no_department")
    if out.empty:
        raise RosterError(key="ingest.roster.empty", fix_key="ingest.roster.empty.fix", file=filename)
    if out["manager"].notna().any():
        out["manager"] = _resolve_managers(out)
    result = out.set_index("id")
    issues = tuple(log.issues)
    return Roster(result, issues, filename, {k: v for k, v in mapping.items()}, dict(log.omitted))


def _visible(text: str) -> str:
    """`text` with its invisible characters shown as ``<U+200B>`` (for messages)."""
    return "".join(f"<U+{ord(c):04X}>" if _INVISIBLE.fullmatch(c) else c for c in text)


def _row(idx: object) -> int:
    """The file row (1-based, header in row 1) of a roster frame's index (the 0-based file row)."""
    return int(idx) + 1  # type: ignore[call-overload]


def _cleaned_column(column: pd.Series) -> pd.Series:
    """:func:`clean_text` of every cell of a column, computed once per distinct text."""
    raw = column.astype(str)
    codes, distinct = pd.factorize(raw, use_na_sentinel=False)
    cleaned = np.asarray(clean_texts(distinct.tolist()), dtype=object)
    return pd.Series(cleaned[codes], index=raw.index, dtype=raw.dtype)


def _yes_no_column(values: pd.Series, filename: str, column: str) -> np.ndarray:
    """:func:`_yes_no` of every cell, once per distinct text; an unknown answer is reported at its first row."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    answers = []
    for code, value in enumerate(distinct.tolist()):
        try:
            answers.append(_yes_no(value, filename, 0, column))
        except RosterError:
            first = values.index[int(np.argmax(codes == code))]
            _yes_no(value, filename, first, column)  # raises, with the row
            raise
    return np.asarray(answers, dtype=bool)[codes]


def _report_merged_labels(frame: pd.DataFrame, mapping: Mapping[str, str], kept: pd.Index, log: IssueLog) -> None:
    """Group names that became one only through :func:`clean_text` (``"HR\u200b"`` and ``"HR"``)."""
    for fieldname in ("department", "team"):
        header = mapping.get(fieldname)
        if header is None:
            continue
        raw = frame.loc[kept, header].astype(str).str.strip()
        firsts = raw[raw.ne("")].drop_duplicates()  # each form at its first row, in row order
        variants: dict[str, dict[str, object]] = {}
        for idx, value in zip(firsts.index.tolist(), firsts.tolist()):
            variants.setdefault(clean_text(value), {}).setdefault(value, idx)
        for label, forms in variants.items():
            if len(forms) > 1:
                shown = [_visible(f) for f in forms]
                first_idx = next(iter(forms.values()))
                log.add("normalised_id", "ingest.roster.merged_label", _row(first_idx), header, label,
                        label=label, forms=" / ".join(shown))


def _detect_columns(headers: list[str], overrides: Mapping[str, str], filename: str,
                    log: IssueLog | None = None) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for fieldname, header in overrides.items():
        if fieldname not in ROSTER_ALIASES:
            raise RosterError(key="ingest.roster.unknown_field", fix_key="ingest.roster.unknown_field.fix",
                              values={"field": fieldname, "fields": ", ".join(ROSTER_ALIASES)})
        if header not in headers:
            raise RosterError(key="ingest.roster.missing_column", fix_key="ingest.roster.missing_column.fix",
                              file=filename, values={"column": header, "field": fieldname,
                                                     "columns": ", ".join(headers)})
        mapping[fieldname] = header
    keys = {h: column_key(_base_header(h)) for h in headers}
    for fieldname, aliases in ROSTER_ALIASES.items():
        if fieldname in mapping:
            continue
        alias_keys = [column_key(a) for a in aliases]
        candidates = [h for alias in alias_keys for h in headers
                      if keys[h] == alias and h not in mapping.values()]
        candidates = list(dict.fromkeys(candidates))  # aliases are in order of preference
        if candidates:
            mapping[fieldname] = candidates[0]
            if log is not None and len(candidates) > 1 and fieldname in ("id", "email", "name", "department", "team"):
                log.add("duplicate_column", "ingest.columns.duplicate", None, candidates[0], None,
                        field=fieldname, first=candidates[0], others=[_base_header(c) for c in candidates[1:]])
    return mapping


def _base_header(header: str) -> str:
    """A de-duplicated header without the `` (2)`` that :meth:`RawTable.with_header` added."""
    return re.sub(r" \(\d+\)$", "", header)


def _compose_name(frame: pd.DataFrame, headers: list[str]) -> pd.Series | None:
    keys = {column_key(h): h for h in headers}
    first = next((keys[k] for k in _FIRST_NAME if k in keys), None)
    last = next((keys[k] for k in _LAST_NAME if k in keys), None)
    if first is None and last is None:
        return None
    infix = next((keys[k] for k in _INFIX if k in keys), None)
    parts = [frame[h].astype(str).str.strip() for h in (first, infix, last) if h is not None]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + " " + part
    return joined.str.replace(r"\s+", " ", regex=True).str.strip()


def _yes_no(value: str, filename: str, row: int, column: str) -> bool:
    v = str(value).strip().lower()
    if v in _YES:
        return True
    if v in _NO:
        return False
    raise RosterError(key="ingest.roster.yes_no", fix_key="ingest.roster.yes_no.fix", file=filename,
                      row=int(row) + 1, column=column, values={"value": str(value)})


def _maybe_numeric(values: pd.Series) -> pd.Series:
    present = values.dropna()
    if present.empty:
        return values
    converted = pd.to_numeric(present.str.replace(",", ".", regex=False), errors="coerce")
    if converted.notna().all():
        result = pd.Series(None, index=values.index, dtype=object)
        result.loc[present.index] = [int(v) if float(v).is_integer() else float(v) for v in converted]
        return result
    return values


def _resolve_managers(out: pd.DataFrame) -> pd.Series:
    """Manager cells may hold ids, e-mails or names; turn those that match into ids."""
    by_id = {pid.lower(): pid for pid in out["id"]}
    by_email = {str(e).lower(): pid for e, pid in zip(out["email"], out["id"]) if e}
    names = out["name"].dropna()
    unique_names = names[~names.duplicated(keep=False)]
    by_name = {str(n).lower(): out.at[i, "id"] for i, n in unique_names.items()}

    def resolve(value: object) -> object:
        if value is None:
            return None
        key = clean_id(str(value)).lower()
        return by_id.get(key) or by_email.get(key) or by_name.get(key) or value

    return out["manager"].map(resolve)
