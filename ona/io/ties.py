"""Reading ties from plain inputs: a long edge list or adjacency matrices.

* **Edge list**: columns ``source, target[, relation][, weight]`` (headers also
  in Dutch: ``van, naar, relatie, gewicht``), one row per directed tie.
* **Adjacency matrix**: person ids (or e-mails) across the first row and down
  the first column; a non-zero cell ``(i, j)`` is a tie i -> j with that weight.
  One CSV file per relation (the file name is the relation) or one XLSX sheet
  per relation (the sheet name is the relation).

People are matched to the roster by id or e-mail (case-insensitive, after
:func:`ona.io.roster.clean_id`: invisible characters and wide letters do not
make a different person, and the report says when they were removed). Ties to
unknown people, self-ties, duplicates and unreadable weights are left out and
reported in ``net.report``; nothing disappears without a line there. A table
with a header but no rows, and columns that appear twice, are reported too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ona.io.files import RawTable, Source, read_tables
from ona.exceptions import TieListError
from ona.model import OrgNetwork, tie_keys
from ona.report import MAX_LISTED, IngestReport, Issue, IssueLog
from ona.io.roster import Roster, clean_id, clean_ids, clean_text, column_key, looks_like_date, read_roster

__all__ = [
    "PersonIndex",
    "TIE_ALIASES",
    "clean_ties",
    "edge_columns",
    "find_respondents",
    "log_unknown_person",
    "parse_weight",
    "read_network",
    "read_ties",
    "relation_name",
    "senders_are_respondents",
    "visible_text",
]

#: Recognised edge-list headers per field (compared like roster headers).
TIE_ALIASES: dict[str, tuple[str, ...]] = {
    "source": ("source", "from", "van", "ego", "sender", "bron", "afzender", "respondent", "i", "vertex1", "node1"),
    "target": ("target", "to", "naar", "alter", "receiver", "doel", "ontvanger", "nominee", "genoemd", "j",
               "vertex2", "node2"),
    "relation": ("relation", "relatie", "type", "netwerk", "network", "layer", "laag", "soort"),
    "weight": ("weight", "gewicht", "value", "waarde", "strength", "sterkte", "frequency", "frequentie", "score"),
}


class PersonIndex:
    """Looks up roster ids by id or e-mail, case-insensitively and after :func:`~ona.io.roster.clean_id`.

    >>> roster = pd.DataFrame({"email": ["Jan@X.nl", None]}, index=pd.Index(["007", "8"], name="id"))
    >>> idx = PersonIndex(roster)
    >>> idx.lookup("jan@x.nl"), idx.lookup(" 007 "), idx.lookup("8.0"), idx.lookup("nobody")
    ('007', '007', '8', None)
    >>> idx.lookup("００７\u200b"), idx.needs_cleaning("００７\u200b"), idx.needs_cleaning("007")
    ('007', True, False)
    """

    def __init__(self, roster: pd.DataFrame) -> None:
        self._ids: dict[str, str] = {}
        self._plain: set[str] = set()
        ids = roster.index.tolist()  # plain lists: iterating an Arrow-backed index item by item is slow
        for pid, cleaned in zip(ids, clean_ids(ids)):
            self._ids.setdefault(cleaned.casefold(), pid)
            self._plain.add(str(pid).strip().casefold())
        if "email" in roster.columns:
            for pid, email in zip(ids, roster["email"].tolist()):
                if isinstance(email, str) and email.strip():
                    self._ids.setdefault(clean_id(email).casefold(), pid)
                    self._plain.add(email.strip().casefold())

    def lookup(self, value: object) -> str | None:
        """The roster id for an id or e-mail, or None."""
        return self._ids.get(clean_id(value).casefold())

    def lookup_all(self, values: list[str]) -> list[str | None]:
        """:meth:`lookup` for many distinct texts, with a fast path for plain ASCII text.

        Unicode normalisation and the invisible characters :func:`~ona.io.roster.clean_id` removes
        only concern non-ASCII text, so ASCII text needs only stripping and the ``"12.0"`` rule.

        >>> PersonIndex(pd.DataFrame(index=pd.Index(["007", "8"], name="id"))).lookup_all([" 007", "8.0", "x"])
        ['007', '8', None]
        """
        found: list[str | None] = []
        for value in values:
            if isinstance(value, str) and value.isascii():
                text = value.strip()
                if text[-2:] == ".0" and text[:-2].isdigit():
                    text = text[:-2]
                found.append(self._ids.get(text.casefold()))
            else:
                found.append(self.lookup(value))
        return found

    def needs_cleaning(self, value: object) -> bool:
        """Whether `value` matches a person only once invisible characters or wide letters are removed."""
        text = str(value).strip()
        if re.fullmatch(r"\d+\.0", text):
            text = text[:-2]
        return text.casefold() not in self._plain and self.lookup(value) is not None

    def lookup_many(self, values: pd.Series) -> pd.Series:
        """:meth:`lookup` for a whole column, evaluated once per distinct value (None where unknown)."""
        distinct = values.unique()
        found = {v: self.lookup(v) for v in distinct}
        return values.map(found).astype(object).where(lambda s: s.notna(), None)


def read_network(
    ties: Source | Sequence[Source],
    roster: Roster | Source | pd.DataFrame,
    *,
    relation: str | None = None,
    respondents: Iterable[str] | None = None,
    wave: str | None = None,
    name: str | None = None,
    roster_columns: dict[str, str] | None = None,
    filename: str | None = None,
) -> OrgNetwork:
    """Read an edge list or adjacency matrices plus a roster into an :class:`OrgNetwork`.

    Parameters
    ----------
    ties : path, bytes, file object, or a list of them
        An edge list, a matrix CSV per relation, or an XLSX workbook with one
        matrix sheet per relation (or an edge list on its first sheet).
    roster : Roster, path, bytes, file object or DataFrame
        The staff roster; see :func:`ona.read_roster`.
    relation : str, optional
        Relation name for ties without a relation column (default: the file
        name, e.g. ``advice.csv`` -> ``"advice"``).
    respondents : iterable of str, optional
        Ids (or e-mails) of the people who answered. Default: the roster's
        ``responded`` column if it has one, otherwise everyone (complete data).
    wave, name : str, optional
        Survey wave label and display name of the network.
    roster_columns : dict, optional
        Column overrides for the roster (see :func:`ona.read_roster`).
    filename : str, optional
        Display name of `ties` when it is bytes or an upload.

    Returns
    -------
    OrgNetwork
        With ``net.report`` listing every tie left out and every roster problem.

    Raises
    ------
    TieListError
        If a file is neither an edge list nor a matrix, or a weight cannot be read.
    RosterError, FileFormatError
        If the roster or a file cannot be read.
    """
    if not isinstance(roster, Roster):
        roster = read_roster(roster, columns=roster_columns)
    frame = roster.frame
    sources = list(ties) if isinstance(ties, (list, tuple)) else [ties]
    parts: list[pd.DataFrame] = []
    log = IssueLog()
    log.extend(roster.issues)
    for kind, n in roster.omitted.items():
        log.count(kind, n)
    names: list[str] = [roster.source]
    formats: list[str] = []
    rows_read = 0
    index = PersonIndex(frame)
    for source in sources:
        raw, part_report = read_ties(source, index, relation=relation, filename=filename if len(sources) == 1 else None,
                                     log=log)
        parts.append(raw)
        names.extend(part_report.sources)
        formats.append(part_report.input_format)
        rows_read += part_report.rows_read
    combined = pd.concat(parts, ignore_index=True) if parts else _empty_ties()
    clean, _ = clean_ties(combined, log=log)
    respondent_ids = find_respondents(frame, respondents, index)
    if respondent_ids is not None:
        respondent_ids = senders_are_respondents(clean, respondent_ids, log)
    report = IngestReport(
        sources=tuple(dict.fromkeys(names)),
        input_format=" + ".join(dict.fromkeys(f for f in formats if f)),
        issues=tuple(log.issues),
        rows_read=rows_read,
        omitted=dict(log.omitted),
    )
    relations = tuple(dict.fromkeys(combined["relation"].tolist()))
    return OrgNetwork(
        frame.drop(columns=["responded"], errors="ignore"),
        clean[["source", "target", "relation", "weight"]],
        relations=relations,
        respondents=respondent_ids,
        wave=wave,
        name=name,
        report=report,
    )


def find_respondents(frame: pd.DataFrame, respondents: Iterable[str] | None, index: PersonIndex) -> frozenset[str] | None:
    """The respondents: `respondents` looked up on the roster, else the roster's ``responded`` column, else None."""
    if respondents is not None:
        ids = set()
        unknown = []
        for r in respondents:
            pid = index.lookup(r)
            (ids.add(pid) if pid else unknown.append(r))
        if unknown:
            raise TieListError(key="ingest.ties.unknown_respondents", fix_key="ingest.ties.unknown_respondents.fix",
                               values={"count": len(unknown), "examples": [str(u) for u in unknown[:3]]})
        return frozenset(ids)
    if "responded" in frame.columns:
        return frozenset(frame.index[frame["responded"].astype(bool)])
    return None


def senders_are_respondents(ties: pd.DataFrame, respondents: frozenset[str], log: IssueLog) -> frozenset[str]:
    """Whoever sent a tie answered: add such senders to the respondents, with one issue each."""
    outside = ties.loc[~ties["source"].isin(respondents)]
    for person, part in outside.groupby("source", sort=True):
        first = part.iloc[0]
        log.add("respondent_added", "ingest.ties.respondent_added", _int_or_none(first["row"]), None, str(person),
                file=first["file"], person=str(person), count=len(part))
    return respondents | frozenset(outside["source"])


def _empty_ties() -> pd.DataFrame:
    return pd.DataFrame(columns=["source", "target", "relation", "weight", "file", "row", "column"])


def read_ties(
    source: Source, people: PersonIndex, *, relation: str | None = None, filename: str | None = None,
    log: IssueLog | None = None,
) -> tuple[pd.DataFrame, IngestReport]:
    """Read one edge-list or matrix file into raw ties matched to roster ids.

    Returns a table with columns ``source, target, relation, weight, file, row,
    column`` (unknown people already reported and left out; self-ties and
    duplicates still in, see :func:`clean_ties`) and a report. With `log`, the
    issues go into it (and the report lists none).

    Raises
    ------
    TieListError
        If the file is neither an edge list nor a matrix, a weight cannot be
        read, or the only table has a header but no rows.
    """
    tables = [t for t in read_tables(source, filename) if len(t.cells)]
    own = log is None
    log = IssueLog() if log is None else log
    parts: list[pd.DataFrame] = []
    formats: list[str] = []
    rows_read = 0
    for table in tables:
        if _looks_like_matrix(table, people) and not edge_columns(table.cells.iloc[0].tolist()):
            rel = table.name if len(tables) > 1 or relation is None else relation
            part = _read_matrix(table, people, relation_name(rel), log)
            formats.append("adjacency matrix")
        elif edge_columns(table.with_header(0).columns):
            rel = relation or relation_name(table.name if len(tables) > 1 else Path(table.filename).stem)
            if len(table.cells) < 2:
                if len(tables) == 1:
                    raise TieListError(key="ingest.ties.header_only", fix_key="ingest.ties.header_only.fix",
                                       file=table.filename)
                log.add("empty_table", "ingest.ties.sheet_header_only", file=table.filename, sheet=table.name)
                continue
            part = _read_edge_list(table, people, rel, log)
            formats.append("edge list")
        elif len(tables) > 1:
            log.add("other", "ingest.ties.sheet_not_read", file=table.filename, sheet=table.name)
            continue
        else:
            header = ", ".join(str(h) for h in table.cells.iloc[0].tolist()[:8])
            raise TieListError(key="ingest.ties.neither", fix_key="ingest.ties.neither.fix", file=table.filename,
                               values={"header": header})
        parts.append(part)
        rows_read += len(part) + int(part.attrs.get("unknown", 0))
    if not parts:
        raise TieListError(key="ingest.ties.no_sheet", file=tables[0].filename if tables else None)
    name = tables[0].filename
    return (
        pd.concat(parts, ignore_index=True),
        IngestReport(
            sources=(name,),
            input_format=" + ".join(dict.fromkeys(formats)),
            issues=tuple(log.issues) if own else (),
            rows_read=rows_read,
            omitted=dict(log.omitted) if own else {},
        ),
    )


def relation_name(text: str) -> str:
    """Relation from a file or sheet name: ``"advice_edges"`` -> ``"advice"``."""
    name = re.sub(r"[_\-\s]*(edges?|ties|matrix|network|netwerk|relaties?)$", "", str(text).strip(), flags=re.I)
    return name or str(text).strip() or "ties"


def edge_columns(headers: Iterable[object], duplicates: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Field -> header of the edge-list columns; `duplicates` collects fields that more than one column fits."""
    keys = {str(h): column_key(re.sub(r" \(\d+\)$", "", str(h))) for h in headers}
    found: dict[str, str] = {}
    for fieldname, aliases in TIE_ALIASES.items():
        candidates = [h for alias in aliases for h, k in keys.items() if k == alias and h not in found.values()]
        candidates = list(dict.fromkeys(candidates))
        if candidates:
            found[fieldname] = candidates[0]
            if duplicates is not None and len(candidates) > 1:
                duplicates[fieldname] = candidates
    return found if "source" in found and "target" in found else {}


def _looks_like_matrix(table: RawTable, people: PersonIndex) -> bool:
    cells = table.cells
    if cells.shape[0] < 2 or cells.shape[1] < 2:
        return False
    header = [c for c in cells.iloc[0, 1:201].tolist() if str(c).strip()]
    labels = [c for c in cells.iloc[1:201, 0].tolist() if str(c).strip()]
    if not header or not labels:
        return False
    hits_h = sum(people.lookup(c) is not None for c in header) / len(header)
    hits_l = sum(people.lookup(c) is not None for c in labels) / len(labels)
    return hits_h >= 0.5 and hits_l >= 0.5 and not edge_columns(cells.iloc[0].tolist())


def parse_weight(text: str) -> float | None:
    """A tie weight as written in a cell: ``"2"``, ``"2,5"``, ``"1.234,5"``; None for empty or unreadable text.

    >>> parse_weight(" 2,5 "), parse_weight("1.234,5"), parse_weight(""), parse_weight("inf"), parse_weight("x")
    (2.5, 1234.5, None, None, None)
    """
    text = str(text).strip()
    if text == "":
        return None
    text = text.replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", text):  # 1.234,5
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # "inf" or "1e400" is no usable weight


def _read_edge_list(table: RawTable, people: PersonIndex, relation: str, log: IssueLog) -> pd.DataFrame:
    """Vectorised: lookups and weight parsing run once per distinct value, not per row."""
    frame = table.with_header(0)
    duplicates: dict[str, list[str]] = {}
    cols = edge_columns(frame.columns, duplicates)
    file = table.filename
    for fieldname, headers in duplicates.items():
        log.add("duplicate_column", "ingest.columns.duplicate", None, headers[0], file=file, field=fieldname,
                first=headers[0], others=[re.sub(r" \(\d+\)$", "", h) for h in headers[1:]])
    src_col, tgt_col = cols["source"], cols["target"]
    rel_col, w_col = cols.get("relation"), cols.get("weight")
    rows = pd.Series([RawTable.row_number(i) for i in frame.index], index=frame.index)
    source = people.lookup_many(frame[src_col])
    target = people.lookup_many(frame[tgt_col])
    if rel_col is not None:
        rel = frame[rel_col].astype(str).str.strip()
        rel = rel.where(rel.ne(""), relation)
    else:
        rel = pd.Series(relation, index=frame.index)
    weight = pd.Series(1.0, index=frame.index)
    keep = pd.Series(True, index=frame.index)
    if w_col is not None:
        raw = frame[w_col].astype(str).str.strip()
        parsed = raw.map(dict(zip(raw.unique(), map(parse_weight, raw.unique()))))
        unreadable = parsed.isna() & raw.ne("")
        if unreadable.any():
            first = unreadable.idxmax()
            raise TieListError(key="ingest.ties.weight", fix_key="ingest.ties.weight.fix", file=file,
                               row=int(rows[first]), column=w_col, values={"value": raw[first]})
        weight = parsed.fillna(1.0).astype(float)
        for kind, key, mask in (("zero_weight", "ingest.ties.zero_weight", weight.eq(0)),
                                ("invalid_weight", "ingest.ties.negative_weight", weight.lt(0))):
            at = frame.index[mask]
            for idx in at[:MAX_LISTED]:
                log.add(kind, key, int(rows[idx]), w_col, raw[idx], file=file)
            log.count(kind, len(at) - min(len(at), MAX_LISTED))
        keep &= weight.gt(0)
    missing = []
    unknown = 0
    for order, (column, ids) in enumerate(((src_col, source), (tgt_col, target))):
        at = frame.index[ids.isna() & keep]
        unknown += len(at)
        missing.extend((int(rows[idx]), order, column, idx) for idx in at[: 2 * MAX_LISTED])
        log.count("unknown_person", len(at) - min(len(at), 2 * MAX_LISTED))
    for row, _, column, idx in sorted(missing):
        log_unknown_person(log, frame.at[idx, column], file, row, column)
    for column, ids in ((src_col, source), (tgt_col, target)):
        _report_cleaned(log, frame[column], ids, people, file, column, rows)
    keep &= source.notna() & target.notna()
    result = pd.DataFrame(
        {
            "source": source[keep],
            "target": target[keep],
            "relation": rel[keep],
            "weight": weight[keep],
            "file": file,
            "row": rows[keep],
            "column": None,
        }
    )
    result = result.reset_index(drop=True)
    result.attrs["unknown"] = unknown
    return result


def _report_cleaned(log: IssueLog, raw: pd.Series, ids: pd.Series, people: PersonIndex, file: str, column: str,
                    rows: pd.Series) -> None:
    """One line per distinct written id that matched only after removing invisible characters or wide letters."""
    firsts = raw[ids.notna()].drop_duplicates()
    for first, value in firsts.items():
        if people.needs_cleaning(value):
            log.add("normalised_id", "ingest.ties.cleaned_id", int(rows[first]), column, value, file=file,
                    written=visible_text(value), id=people.lookup(value))


def visible_text(text: object) -> str:
    """Written text with invisible characters made visible (``<U+200B>``)."""
    out = []
    for c in str(text).strip():
        out.append(c if clean_text(c) or c.isspace() else f"<U+{ord(c):04X}>")
    return "".join(out)


def log_unknown_person(log: IssueLog, raw: object, file: str, row: int | None, column: str | None) -> None:
    """Report a tie left out because `raw` names nobody on the roster (an empty cell, a date, an unknown id)."""
    text = str(raw).strip()
    if log.full("unknown_person"):
        log.count("unknown_person", 1)
    elif not text:
        log.add("unknown_person", "ingest.ties.empty_cell", row, column, text, file=file)
    elif looks_like_date(text):
        log.add("unknown_person", "ingest.ties.date_id", row, column, text, file=file, id=text)
    else:
        log.add("unknown_person", "ingest.ties.unknown", row, column, text, file=file, id=text)


def _read_matrix(table: RawTable, people: PersonIndex, relation: str, log: IssueLog) -> pd.DataFrame:
    cells = table.cells
    file = table.filename
    header = cells.iloc[0].tolist()
    col_ids: list[str | None] = [None]
    unknown = 0
    for j, raw in enumerate(header[1:], start=1):
        pid = people.lookup(raw) if str(raw).strip() else None
        if pid is None and str(raw).strip():
            unknown += 1
            log.add("unknown_person", "ingest.ties.unknown_column_header", 1, _column_letter(j), str(raw), file=file,
                    id=str(raw))
        elif pid is not None and people.needs_cleaning(raw):
            log.add("normalised_id", "ingest.ties.cleaned_id", 1, _column_letter(j), raw, file=file,
                    written=visible_text(raw), id=pid)
        col_ids.append(pid)
    records = []
    for idx in cells.index[1:]:
        row = cells.loc[idx].tolist()
        rownum = RawTable.row_number(idx)
        src = people.lookup(row[0]) if str(row[0]).strip() else None
        if src is None:
            if any(parse_weight(v) for v in row[1:]):
                unknown += 1
                log.add("unknown_person", "ingest.ties.unknown_row_label", rownum, "A", str(row[0]), file=file,
                        id=str(row[0]))
            continue
        if people.needs_cleaning(row[0]):
            log.add("normalised_id", "ingest.ties.cleaned_id", rownum, "A", row[0], file=file,
                    written=visible_text(row[0]), id=src)
        for j, value in enumerate(row[1:], start=1):
            text = str(value).strip()
            if not text:
                continue
            weight = parse_weight(text)
            if weight is None:
                raise TieListError(key="ingest.ties.matrix_cell", fix_key="ingest.ties.matrix_cell.fix", file=file,
                                   row=rownum, column=_column_letter(j), values={"value": text})
            if weight == 0 or j >= len(col_ids) or col_ids[j] is None:
                continue
            if weight < 0:
                log.add("invalid_weight", "ingest.ties.negative_weight", rownum, _column_letter(j), text, file=file)
                continue
            records.append((src, col_ids[j], relation, weight, file, rownum, _column_letter(j)))
    result = pd.DataFrame(records, columns=["source", "target", "relation", "weight", "file", "row", "column"])
    result.attrs["unknown"] = unknown
    return result


def _column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based column index: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def clean_ties(raw: pd.DataFrame, *, log: IssueLog | None = None) -> tuple[pd.DataFrame, tuple[Issue, ...]]:
    """Leave out self-ties and merge duplicates, reporting each.

    `raw` has columns ``source, target, relation, weight`` and optionally
    ``file, row, column`` for messages. Duplicates of (source, target, relation)
    keep the highest weight. With `log`, the issues go into it (listing at
    most :data:`ona.report.MAX_LISTED` per kind, so a million duplicates cost
    a counter) and the returned tuple is empty.

    >>> raw = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "b"],
    ...                     "relation": ["advice"] * 3, "weight": [1.0, 3.0, 1.0]})
    >>> ties, issues = clean_ties(raw)
    >>> ties[["source", "target", "weight"]].values.tolist(), sorted(i.kind for i in issues)
    ([['a', 'b', 3.0]], ['duplicate_tie', 'self_tie'])
    """
    own = log is None
    log = IssueLog() if log is None else log
    missing = {column: None for column in ("file", "row", "column") if column not in raw.columns}
    frame = raw.assign(**missing) if missing else raw
    self_mask = frame["source"] == frame["target"]
    _log_rows(log, frame.loc[self_mask], "self_tie", "ingest.tie.self",
              lambda r: {"person": str(r.source), "relation": r.relation}, value=lambda r: str(r.source))
    frame = frame.loc[~self_mask]
    # Of each (source, target, relation) the row with the highest weight stays, the first of equal ones;
    # the others are reported, highest weight first. Only rows that have a duplicate need sorting.
    keys = tie_keys(frame)
    involved = np.flatnonzero(pd.Series(keys).duplicated(keep=False).to_numpy())
    if len(involved):
        weight = frame["weight"].to_numpy(dtype=float)[involved]
        order = involved[np.lexsort((involved, -weight, keys[involved]))]
        first = np.r_[True, keys[order][1:] != keys[order][:-1]]
        dropped = order[~first]
        dropped = dropped[np.lexsort((dropped, -frame["weight"].to_numpy(dtype=float)[dropped]))]
        _log_rows(log, frame.iloc[dropped], "duplicate_tie", "ingest.tie.duplicate",
                  lambda r: {"source": str(r.source), "target": str(r.target), "relation": r.relation})
        keep = np.ones(len(frame), dtype=bool)
        keep[dropped] = False
        frame = frame.loc[keep]
    return frame.reset_index(drop=True), (tuple(log.issues) if own else ())


def _log_rows(log: IssueLog, rows: pd.DataFrame, kind: str, key: str, params, value=None) -> None:  # type: ignore[no-untyped-def]
    """Report rows, building issues only for the ones that will be listed and counting the rest."""
    done = 0
    for r in rows.head(MAX_LISTED).itertuples(index=False):
        if log.full(kind):
            break
        log.add(kind, key, _int_or_none(r.row), r.column, value(r) if value else None, file=r.file, **params(r))
        done += 1
    log.count(kind, len(rows) - done)


def _int_or_none(value: object) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
