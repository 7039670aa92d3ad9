"""Reading the staff roster: one row per person, columns detected in Dutch and English.

The roster is the list of everyone who could be named in the survey. Columns
are recognised by their header in Dutch or English (``personeelsnummer``,
``e-mail``, ``naam``, ``afdeling``, ``functie``, ``leidinggevende``, ...) or by
an explicit ``columns={"department": "Organisatieonderdeel"}`` mapping.
Problems are reported, never silently fixed: duplicate ids (later rows are
skipped), rows without an id, and people without a department.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from ona.io.files import RawTable, Source, read_tables
from ona.exceptions import RosterError
from ona.model import STANDARD_ATTRIBUTES
from ona.report import Issue

__all__ = ["ROSTER_ALIASES", "Roster", "read_roster", "roster_from_frame"]

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


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    return re.sub(r"[\s\-_.:/()]+", "", text.lower())


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
    """

    frame: pd.DataFrame
    issues: tuple[Issue, ...] = ()
    source: str = ""
    columns: dict[str, str] = field(default_factory=dict)

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
            raise RosterError(f"the workbook has no sheet number {sheet + 1}", file=tables[0].filename)
        return candidates[sheet]
    for t in tables:
        if t.name == sheet:
            return t
    names = ", ".join(t.name for t in tables)
    raise RosterError(f"the workbook has no sheet {sheet!r} (it has {names})", file=tables[0].filename)


def roster_from_frame(
    frame: pd.DataFrame, *, columns: Mapping[str, str] | None = None, filename: str = "roster"
) -> Roster:
    """Build a :class:`Roster` from a table of strings whose index + 1 is the spreadsheet row.

    This is the shared core of :func:`read_roster`; see there for the rules.
    """
    headers = [str(c) for c in frame.columns]
    mapping = _detect_columns(headers, columns or {}, filename)
    issues: list[Issue] = []

    def col(fieldname: str) -> pd.Series | None:
        header = mapping.get(fieldname)
        return frame[header].astype(str).str.strip() if header is not None else None

    email = col("email")
    ident = col("id")
    if ident is None:
        if email is None:
            raise RosterError(
                "no id or e-mail column found (columns are: " + ", ".join(headers) + ")",
                file=filename,
                fix="Add a column 'id' (e.g. the employee number) or 'e-mail', "
                "or pass columns={'id': 'YourColumn'} (CLI: --roster-column id=YourColumn)",
            )
        ident = email.str.lower()
        mapping["id"] = mapping["email"]

    name = col("name")
    if name is None:
        name = _compose_name(frame, headers)

    out = pd.DataFrame(index=frame.index)
    out["id"] = ident.map(_clean_id)
    for fieldname in STANDARD_ATTRIBUTES:
        if fieldname == "name":
            values = name
        else:
            values = col(fieldname)
        out[fieldname] = values.where(values.ne(""), None) if values is not None else None
    for extra in ("consent", "responded"):
        values = col(extra)
        if values is not None:
            out[extra] = [_yes_no(v, filename, row, mapping[extra]) for row, v in zip(frame.index, values)]
    used = set(mapping.values())
    for header in headers:
        if header not in used and not header.startswith("column "):
            values = frame[header].astype(str).str.strip()
            out[header] = _maybe_numeric(values.where(values.ne(""), None))

    row_of = {idx: int(idx) + 1 for idx in out.index}  # the index is the 0-based file row
    id_header = mapping["id"]
    blank = out["id"].eq("")
    for idx in out.index[blank]:
        issues.append(
            Issue("missing_id", "this row has no id and is ignored; fill in the id", filename, row_of[idx], id_header)
        )
    out = out.loc[~blank]
    dup = out["id"].duplicated(keep="first")
    first_row = {pid: row_of[idx] for idx, pid in out.loc[~dup, "id"].items()}
    for idx, pid in out.loc[dup, "id"].items():
        issues.append(
            Issue(
                "duplicate_id",
                f"id {pid!r} already appears in row {first_row[pid]}; this row is ignored. "
                "Give every person a unique id",
                filename,
                row_of[idx],
                id_header,
                pid,
            )
        )
    out = out.loc[~dup]
    if "department" in mapping:
        for idx in out.index[out["department"].isna()]:
            issues.append(
                Issue(
                    "missing_department",
                    f"{out.at[idx, 'id']} has no department; they are grouped as '(unknown)'. "
                    "Fill in the department for silo analysis",
                    filename,
                    row_of[idx],
                    mapping["department"],
                    out.at[idx, "id"],
                )
            )
    else:
        issues.append(
            Issue(
                "missing_department",
                "the roster has no department column, so department analyses are not possible. "
                "Add an 'afdeling'/'department' column or map one with columns={'department': ...}",
                filename,
                None,
                None,
            )
        )
    if out.empty:
        raise RosterError("no people remain after reading", file=filename, fix="Check that the file holds the roster")
    if out["manager"].notna().any():
        out["manager"] = _resolve_managers(out)
    result = out.set_index("id")
    return Roster(result, tuple(issues), filename, {k: v for k, v in mapping.items()})


def _detect_columns(headers: list[str], overrides: Mapping[str, str], filename: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for fieldname, header in overrides.items():
        if fieldname not in ROSTER_ALIASES:
            raise RosterError(
                f"unknown roster field {fieldname!r} in the column mapping",
                fix="Use one of " + ", ".join(ROSTER_ALIASES),
            )
        if header not in headers:
            raise RosterError(
                f"the column {header!r} mapped to {fieldname!r} does not exist (columns are: {', '.join(headers)})",
                file=filename,
                fix="Check the spelling of the column name",
            )
        mapping[fieldname] = header
    keys = {h: _key(h) for h in headers}
    for fieldname, aliases in ROSTER_ALIASES.items():
        if fieldname in mapping:
            continue
        alias_keys = [_key(a) for a in aliases]
        for alias in alias_keys:  # aliases are in order of preference
            match = next((h for h in headers if keys[h] == alias and h not in mapping.values()), None)
            if match is not None:
                mapping[fieldname] = match
                break
    return mapping


def _compose_name(frame: pd.DataFrame, headers: list[str]) -> pd.Series | None:
    keys = {_key(h): h for h in headers}
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


def _clean_id(value: str) -> str:
    value = str(value).strip()
    if re.fullmatch(r"\d+\.0", value):  # Excel turned an employee number into a float
        value = value[:-2]
    return value


def _yes_no(value: str, filename: str, row: int, column: str) -> bool:
    v = str(value).strip().lower()
    if v in _YES:
        return True
    if v in _NO:
        return False
    raise RosterError(
        f"{value!r} is not a yes/no value", file=filename, row=int(row) + 1, column=column,
        fix="Use yes/no or ja/nee",
    )


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
        key = _clean_id(str(value)).lower()
        return by_id.get(key) or by_email.get(key) or by_name.get(key) or value

    return out["manager"].map(resolve)
