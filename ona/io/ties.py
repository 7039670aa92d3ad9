"""Reading ties from plain inputs: a long edge list or adjacency matrices.

* **Edge list**: columns ``source, target[, relation][, weight]`` (headers also
  in Dutch: ``van, naar, relatie, gewicht``), one row per directed tie.
* **Adjacency matrix**: person ids (or e-mails) across the first row and down
  the first column; a non-zero cell ``(i, j)`` is a tie i -> j with that weight.
  One CSV file per relation (the file name is the relation) or one XLSX sheet
  per relation (the sheet name is the relation).

People are matched to the roster by id or e-mail (case-insensitive). Ties to
unknown people, self-ties, duplicates and unreadable weights are left out and
reported in ``net.report``; nothing disappears without a line there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from ona.io.files import RawTable, Source, read_tables
from ona.exceptions import TieListError
from ona.model import OrgNetwork
from ona.report import IngestReport, Issue
from ona.io.roster import Roster, _key, read_roster

__all__ = ["PersonIndex", "TIE_ALIASES", "clean_ties", "read_network", "read_ties"]

#: Recognised edge-list headers per field (compared like roster headers).
TIE_ALIASES: dict[str, tuple[str, ...]] = {
    "source": ("source", "from", "van", "ego", "sender", "bron", "afzender", "respondent", "i", "vertex1", "node1"),
    "target": ("target", "to", "naar", "alter", "receiver", "doel", "ontvanger", "nominee", "genoemd", "j",
               "vertex2", "node2"),
    "relation": ("relation", "relatie", "type", "netwerk", "network", "layer", "laag", "soort"),
    "weight": ("weight", "gewicht", "value", "waarde", "strength", "sterkte", "frequency", "frequentie", "score"),
}


class PersonIndex:
    """Looks up roster ids by id or e-mail, case-insensitively.

    >>> roster = pd.DataFrame({"email": ["Jan@X.nl", None]}, index=pd.Index(["007", "8"], name="id"))
    >>> idx = PersonIndex(roster)
    >>> idx.lookup("jan@x.nl"), idx.lookup(" 007 "), idx.lookup("8.0"), idx.lookup("nobody")
    ('007', '007', '8', None)
    """

    def __init__(self, roster: pd.DataFrame) -> None:
        self._ids: dict[str, str] = {}
        for pid in roster.index:
            self._ids.setdefault(str(pid).strip().casefold(), pid)
        if "email" in roster.columns:
            for pid, email in roster["email"].items():
                if isinstance(email, str) and email.strip():
                    self._ids.setdefault(email.strip().casefold(), pid)

    def lookup(self, value: object) -> str | None:
        """The roster id for an id or e-mail, or None."""
        text = str(value).strip()
        if re.fullmatch(r"\d+\.0", text):
            text = text[:-2]
        return self._ids.get(text.casefold())

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
    report = IngestReport(sources=(roster.source,), issues=roster.issues)
    index = PersonIndex(frame)
    for source in sources:
        raw, part_report = read_ties(source, index, relation=relation, filename=filename if len(sources) == 1 else None)
        parts.append(raw)
        report = report.merged(part_report)
    combined = pd.concat(parts, ignore_index=True) if parts else _empty_ties()
    clean, issues = clean_ties(combined)
    report = IngestReport(
        sources=report.sources,
        input_format=report.input_format,
        issues=report.issues + issues,
        rows_read=report.rows_read,
        details=report.details,
    )
    respondent_ids = _respondents(frame, respondents, index)
    if respondent_ids is not None:
        respondent_ids, added = _senders_are_respondents(clean, respondent_ids)
        report = IngestReport(
            sources=report.sources, input_format=report.input_format, issues=report.issues + added,
            rows_read=report.rows_read, details=report.details,
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


def _respondents(frame: pd.DataFrame, respondents: Iterable[str] | None, index: PersonIndex) -> frozenset[str] | None:
    if respondents is not None:
        ids = set()
        unknown = []
        for r in respondents:
            pid = index.lookup(r)
            (ids.add(pid) if pid else unknown.append(r))
        if unknown:
            raise TieListError(
                f"{len(unknown)} respondent(s) are not on the roster, e.g. {unknown[:3]}",
                fix="Use roster ids or e-mails for respondents",
            )
        return frozenset(ids)
    if "responded" in frame.columns:
        return frozenset(frame.index[frame["responded"].astype(bool)])
    return None


def _senders_are_respondents(ties: pd.DataFrame, respondents: frozenset[str]) -> tuple[frozenset[str], tuple[Issue, ...]]:
    """Whoever sent a tie answered: add such senders to the respondents, with one issue each."""
    outside = ties.loc[~ties["source"].isin(respondents)]
    issues = []
    for person, part in outside.groupby("source", sort=True):
        first = part.iloc[0]
        issues.append(
            Issue(
                "respondent_added",
                f"{person} is not listed as a respondent but names {len(part)} people; they are counted as a "
                "respondent. Correct the respondents list if that is wrong",
                first["file"], _int_or_none(first["row"]), None, str(person),
            )
        )
    return respondents | frozenset(outside["source"]), tuple(issues)


def _empty_ties() -> pd.DataFrame:
    return pd.DataFrame(columns=["source", "target", "relation", "weight", "file", "row", "column"])


def read_ties(
    source: Source, people: PersonIndex, *, relation: str | None = None, filename: str | None = None
) -> tuple[pd.DataFrame, IngestReport]:
    """Read one edge-list or matrix file into raw ties matched to roster ids.

    Returns a table with columns ``source, target, relation, weight, file, row,
    column`` (unknown people already reported and left out; self-ties and
    duplicates still in, see :func:`clean_ties`) and a report.
    """
    tables = [t for t in read_tables(source, filename) if len(t.cells)]
    parts: list[pd.DataFrame] = []
    issues: list[Issue] = []
    formats: list[str] = []
    rows_read = 0
    for table in tables:
        if _looks_like_matrix(table, people) and not _edge_columns(table.cells.iloc[0].tolist()):
            rel = table.name if len(tables) > 1 or relation is None else relation
            part, found = _read_matrix(table, people, _relation_name(rel))
            formats.append("adjacency matrix")
        elif _edge_columns(table.with_header(0).columns):
            rel = relation or _relation_name(table.name if len(tables) > 1 else Path(table.filename).stem)
            part, found = _read_edge_list(table, people, rel)
            formats.append("edge list")
        elif len(tables) > 1:
            issues.append(
                Issue("other", f"sheet {table.name!r} is neither an edge list nor a matrix and was not read",
                      table.filename)
            )
            continue
        else:
            header = ", ".join(str(h) for h in table.cells.iloc[0].tolist()[:8])
            raise TieListError(
                f"this is neither an edge list nor an adjacency matrix (first row: {header})",
                file=table.filename,
                fix="An edge list needs columns 'source' and 'target' (or 'van' and 'naar'); a matrix needs "
                "roster ids across the first row and down the first column. For a survey export use read_survey",
            )
        parts.append(part)
        issues.extend(found)
        rows_read += len(part) + sum(1 for i in found if i.kind == "unknown_person")
    if not parts:
        raise TieListError("no sheet holds an edge list or a matrix", file=tables[0].filename if tables else None)
    name = tables[0].filename
    return (
        pd.concat(parts, ignore_index=True),
        IngestReport(
            sources=(name,),
            input_format=" + ".join(dict.fromkeys(formats)),
            issues=tuple(issues),
            rows_read=rows_read,
        ),
    )


def _relation_name(text: str) -> str:
    """Relation from a file or sheet name: ``"advice_edges"`` -> ``"advice"``."""
    name = re.sub(r"[_\-\s]*(edges?|ties|matrix|network|netwerk|relaties?)$", "", str(text).strip(), flags=re.I)
    return name or str(text).strip() or "ties"


def _edge_columns(headers: Iterable[object]) -> dict[str, str]:
    keys = {str(h): _key(str(h)) for h in headers}
    found: dict[str, str] = {}
    for fieldname, aliases in TIE_ALIASES.items():
        for alias in aliases:
            match = next((h for h, k in keys.items() if k == alias and h not in found.values()), None)
            if match is not None:
                found[fieldname] = match
                break
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
    return hits_h >= 0.5 and hits_l >= 0.5 and not _edge_columns(cells.iloc[0].tolist())


def _parse_weight(text: str) -> float | None:
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


def _read_edge_list(table: RawTable, people: PersonIndex, relation: str) -> tuple[pd.DataFrame, list[Issue]]:
    """Vectorised: lookups and weight parsing run once per distinct value, not per row."""
    frame = table.with_header(0)
    cols = _edge_columns(frame.columns)
    issues: list[Issue] = []
    file = table.filename
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
        parsed = raw.map(dict(zip(raw.unique(), map(_parse_weight, raw.unique()))))
        unreadable = parsed.isna() & raw.ne("")
        if unreadable.any():
            first = unreadable.idxmax()
            raise TieListError(
                f"the weight {raw[first]!r} is not a number",
                file=file, row=int(rows[first]), column=w_col,
                fix="Use ordinary numbers (e.g. 1 or 2,5) or leave the cell empty for weight 1",
            )
        weight = parsed.fillna(1.0).astype(float)
        for idx in frame.index[weight.eq(0)]:
            issues.append(Issue("zero_weight", "a tie with weight 0 is no tie and was left out", file,
                                int(rows[idx]), w_col, raw[idx]))
        for idx in frame.index[weight.lt(0)]:
            issues.append(Issue("invalid_weight", "negative weights are not supported; the tie was left out",
                                file, int(rows[idx]), w_col, raw[idx]))
        keep &= weight.gt(0)
    for column, ids in ((src_col, source), (tgt_col, target)):
        for idx in frame.index[ids.isna() & keep]:
            issues.append(_unknown(frame.at[idx, column], file, int(rows[idx]), column))
    keep &= source.notna() & target.notna()
    issues.sort(key=lambda i: (i.row or 0, 0 if i.column == src_col else 1))
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
    return result.reset_index(drop=True), issues


def _unknown(raw: object, file: str, row: int | None, column: str | None) -> Issue:
    text = str(raw).strip()
    if not text:
        return Issue("unknown_person", "the cell is empty, so the tie was left out", file, row, column, text)
    return Issue(
        "unknown_person",
        f"{text!r} is not on the roster (by id or e-mail); the tie was left out. Add the person to the roster "
        "or correct the id",
        file, row, column, text,
    )


def _read_matrix(table: RawTable, people: PersonIndex, relation: str) -> tuple[pd.DataFrame, list[Issue]]:
    cells = table.cells
    file = table.filename
    issues: list[Issue] = []
    header = cells.iloc[0].tolist()
    col_ids: list[str | None] = [None]
    for j, raw in enumerate(header[1:], start=1):
        pid = people.lookup(raw) if str(raw).strip() else None
        if pid is None and str(raw).strip():
            issues.append(
                Issue("unknown_person", f"column header {str(raw)!r} is not on the roster; its ties were left out",
                      file, 1, _column_letter(j), str(raw))
            )
        col_ids.append(pid)
    records = []
    for idx in cells.index[1:]:
        row = cells.loc[idx].tolist()
        rownum = RawTable.row_number(idx)
        src = people.lookup(row[0]) if str(row[0]).strip() else None
        if src is None:
            if any(_parse_weight(v) for v in row[1:]):
                issues.append(
                    Issue("unknown_person", f"row label {str(row[0])!r} is not on the roster; its ties were left out",
                          file, rownum, "A", str(row[0]))
                )
            continue
        for j, value in enumerate(row[1:], start=1):
            text = str(value).strip()
            if not text:
                continue
            weight = _parse_weight(text)
            if weight is None:
                raise TieListError(
                    f"the cell value {text!r} is not a number",
                    file=file, row=rownum, column=_column_letter(j),
                    fix="Matrix cells must be numbers (0 or empty for no tie)",
                )
            if weight == 0 or j >= len(col_ids) or col_ids[j] is None:
                continue
            if weight < 0:
                issues.append(Issue("invalid_weight", "negative weights are not supported; the tie was left out",
                                    file, rownum, _column_letter(j), text))
                continue
            records.append((src, col_ids[j], relation, weight, file, rownum, _column_letter(j)))
    return pd.DataFrame(records, columns=["source", "target", "relation", "weight", "file", "row", "column"]), issues


def _column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based column index: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def clean_ties(raw: pd.DataFrame) -> tuple[pd.DataFrame, tuple[Issue, ...]]:
    """Leave out self-ties and merge duplicates, reporting each.

    `raw` has columns ``source, target, relation, weight`` and optionally
    ``file, row, column`` for messages. Duplicates of (source, target, relation)
    keep the highest weight.

    >>> raw = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "b"],
    ...                     "relation": ["advice"] * 3, "weight": [1.0, 3.0, 1.0]})
    >>> ties, issues = clean_ties(raw)
    >>> ties[["source", "target", "weight"]].values.tolist(), sorted(i.kind for i in issues)
    ([['a', 'b', 3.0]], ['duplicate_tie', 'self_tie'])
    """
    frame = raw.copy()
    for column in ("file", "row", "column"):
        if column not in frame.columns:
            frame[column] = None
    issues: list[Issue] = []
    self_mask = frame["source"] == frame["target"]
    for r in frame.loc[self_mask].itertuples(index=False):
        issues.append(Issue("self_tie", f"{r.source} names themselves ({r.relation}); left out",
                            r.file, _int_or_none(r.row), r.column, str(r.source)))
    frame = frame.loc[~self_mask]
    frame = frame.sort_values("weight", ascending=False, kind="stable")
    dup_mask = frame.duplicated(["source", "target", "relation"], keep="first")
    for r in frame.loc[dup_mask].itertuples(index=False):
        issues.append(Issue("duplicate_tie", f"{r.source} -> {r.target} ({r.relation}) appears more than once; "
                            "merged, keeping the highest weight", r.file, _int_or_none(r.row), r.column))
    frame = frame.loc[~dup_mask].sort_index(kind="stable")
    return frame.reset_index(drop=True), tuple(issues)


def _int_or_none(value: object) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
