"""Large edge lists, read column by column: millions of ties from one CSV file.

The general reader (:func:`ona.io.ties.read_network`) reads every cell as text
in Python and therefore refuses tables beyond :data:`ona.io.files.MAX_ROWS` rows
or :data:`ona.io.files.MAX_CELLS` cells. A person-to-person export of a large
employer (a million people, fifteen million ties) is far beyond that, yet
simple: one row per tie, a handful of columns. :func:`read_edge_list` reads
such a file with pyarrow's multi-threaded CSV reader, looks every distinct id
up once and keeps people as positions in the roster, so time and memory grow
with the file. :func:`ona.load_network` uses it by itself for a CSV edge list
of :data:`COLUMNAR_FROM_BYTES` or more.

The result is the same as the general reader's: the same ties, the same
relation names, and the same report (unknown people, self-ties, duplicates,
zero or negative weights, ids that matched only after cleaning, senders added
as respondents), with the row numbers a spreadsheet shows. A file it cannot
read this way (quoted cells that span lines, a broken row) goes to the general
reader, which explains what is wrong.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

from ona.exceptions import FileFormatError, TieListError
from ona.io.roster import Roster, read_roster
from ona.io.ties import (
    PersonIndex,
    clean_ties,
    edge_columns,
    find_respondents,
    log_unknown_person,
    parse_weight,
    relation_name,
    senders_are_respondents,
    visible_text,
)
from ona.model import OrgNetwork
from ona.report import MAX_LISTED, IngestReport, IssueLog

__all__ = ["COLUMNAR_FROM_BYTES", "ColumnarReadError", "MAX_COLUMNAR_BYTES", "large_edge_list", "read_edge_list"]

#: :func:`ona.load_network` reads a CSV edge list of this size or more column by column.
COLUMNAR_FROM_BYTES = 2**20
#: Largest file :func:`read_edge_list` reads (bytes); about 300 million ties.
MAX_COLUMNAR_BYTES = 8 * 2**30

_DELIMITERS = (",", ";", "\t", "|")


class ColumnarReadError(TieListError):
    """The file cannot be read column by column (a quoted cell spans lines, a row is broken, a line holds only
    spaces); :func:`ona.load_network` then reads it with the general reader, which says what is wrong."""


class _Header:
    def __init__(self, names: list[str], delimiter: str, encoding: str) -> None:
        self.names, self.delimiter, self.encoding = names, delimiter, encoding


def _header(path: Path) -> _Header | None:
    """The header of a CSV edge list, from the file's first line; None if it is not one."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if head[:4] == b"PK\x03\x04" or b"\x00" in head[:4096]:
        return None
    encoding = "utf-8"
    if head.startswith(b"\xef\xbb\xbf"):
        head, encoding = head[3:], "utf-8-sig"
    line = head.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    delimiter = max(_DELIMITERS, key=text.count)
    if text.count(delimiter) == 0:
        return None
    names = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    if not edge_columns([n.strip() for n in names]):
        return None
    return _Header([n.strip() for n in names], delimiter, encoding)


def large_edge_list(source: object) -> bool:
    """Whether `source` is a path to a CSV edge list of :data:`COLUMNAR_FROM_BYTES` or more.

    >>> large_edge_list(b"source,target\\na,b\\n"), large_edge_list("no/such/file.csv")
    (False, False)
    """
    if not isinstance(source, (str, os.PathLike)):
        return False
    path = Path(source)
    try:
        if not path.is_file() or path.stat().st_size < COLUMNAR_FROM_BYTES:
            return False
        return _header(path) is not None
    except OSError:
        return False


def read_edge_list(
    path: str | os.PathLike,
    roster: Roster | object,
    *,
    relation: str | None = None,
    respondents: object = None,
    wave: str | None = None,
    name: str | None = None,
) -> OrgNetwork:
    """Read a (large) CSV edge list and a roster into an :class:`~ona.model.OrgNetwork`, column by column.

    Parameters are those of :func:`ona.io.ties.read_network` for one file.
    The file has columns ``source, target[, relation][, weight]`` (any header
    :data:`ona.io.ties.TIE_ALIASES` knows) and one row per directed tie.

    Returns
    -------
    OrgNetwork
        Equal to what :func:`ona.io.ties.read_network` gives for the same file,
        report included.

    Raises
    ------
    FileFormatError
        If the file is larger than :data:`MAX_COLUMNAR_BYTES`.
    TieListError
        If the file is not a CSV edge list, holds no rows or a weight cannot be read.
    """
    path = Path(path)
    if not isinstance(roster, Roster):
        roster = read_roster(roster)
    header = _header(path)
    if header is None:
        raise TieListError(key="ingest.ties.neither", fix_key="ingest.ties.neither.fix", file=path.name,
                           values={"header": ""})
    size = path.stat().st_size
    if size > MAX_COLUMNAR_BYTES:
        raise FileFormatError(
            f"the file is {size / 2**30:.1f} GB, more than the limit of {MAX_COLUMNAR_BYTES / 2**30:.0f} GB",
            file=path.name, fix="Split it into one file per relation",
        )
    frame = roster.frame
    log = IssueLog()
    log.extend(roster.issues)
    for kind, n in roster.omitted.items():
        log.count(kind, n)
    index = PersonIndex(frame)
    duplicates: dict[str, list[str]] = {}
    names = _unique(header.names)
    cols = edge_columns(names, duplicates)
    file = path.name
    for fieldname, headers in duplicates.items():
        log.add("duplicate_column", "ingest.columns.duplicate", None, headers[0], file=file, field=fieldname,
                first=headers[0], others=headers[1:])
    table, rows = _read_columns(path, header, names, [c for c in cols.values()])
    if table.num_rows == 0:
        raise TieListError(key="ingest.ties.header_only", fix_key="ingest.ties.header_only.fix", file=file)
    people = pd.Index(frame.index)
    src_col, tgt_col = cols["source"], cols["target"]
    ids = (_Ids(table.column(src_col), index, people), _Ids(table.column(tgt_col), index, people))
    source, target = ids[0].position, ids[1].position
    default = relation or relation_name(path.stem)
    if "relation" in cols:
        rel = pd.Series(table.column(cols["relation"]).to_pandas(), dtype=object).str.strip()
        rel = rel.where(rel.ne(""), default)
        relation_values = pd.Categorical(rel)
    else:
        relation_values = pd.Categorical.from_codes(np.zeros(table.num_rows, dtype=np.int8), [default])
    keep = np.ones(table.num_rows, dtype=bool)
    weight = np.ones(table.num_rows)
    if "weight" in cols:
        weight, keep = _weights(table.column(cols["weight"]), rows, cols["weight"], file, log)
    _report_people(log, ids, (src_col, tgt_col), keep, rows, file, index)
    unknown = int(((source < 0) | (target < 0))[keep].sum()) if len(keep) else 0
    keep &= (source >= 0) & (target >= 0)
    raw = pd.DataFrame({
        "source": pd.Categorical.from_codes(source[keep], categories=people),
        "target": pd.Categorical.from_codes(target[keep], categories=people),
        "relation": relation_values[keep],
        "weight": weight[keep],
        "file": file,
        "row": rows[keep],
        "column": None,
    })
    rows_read = len(raw) + unknown
    clean, _ = clean_ties(raw, log=log)
    respondent_ids = find_respondents(frame, respondents, index)  # type: ignore[arg-type]
    if respondent_ids is not None:
        respondent_ids = senders_are_respondents(clean, respondent_ids, log)
    report = IngestReport(
        sources=(roster.source, file),
        input_format="edge list",
        issues=tuple(log.issues),
        rows_read=rows_read,
        omitted=dict(log.omitted),
    )
    relations = tuple(dict.fromkeys(str(r) for r in pd.unique(relation_values)))
    return OrgNetwork(
        frame.drop(columns=["responded"], errors="ignore"),
        clean[["source", "target", "relation", "weight"]],
        relations=relations,
        respondents=respondent_ids,
        wave=wave,
        name=name,
        report=report,
    )


def _unique(names: list[str]) -> list[str]:
    """Column names made unique as the general reader does (``name (2)``)."""
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(names):
        h = h or f"column {i + 1}"
        if h in seen:
            seen[h] += 1
            h = f"{h} ({seen[h]})"
        else:
            seen[h] = 1
        out.append(h)
    return out


def _read_columns(path: Path, header: _Header, names: list[str], wanted: list[str]):  # type: ignore[no-untyped-def]
    """The wanted columns as pyarrow strings, and each row's spreadsheet row number (header = 1)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    read = pacsv.ReadOptions(column_names=names, skip_rows=1, encoding="utf8", block_size=1 << 24)
    parse = pacsv.ParseOptions(delimiter=header.delimiter, newlines_in_values=False)
    convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, include_columns=wanted,
                                   strings_can_be_null=False, quoted_strings_can_be_null=False)
    try:
        table = pacsv.read_csv(path, read_options=read, parse_options=parse, convert_options=convert)
    except pa.ArrowInvalid as exc:
        raise ColumnarReadError(f"the CSV cannot be read column by column ({str(exc).splitlines()[0]})",
                                file=path.name, fix="Check the row it names, or save the file again as CSV") from None
    rows = _row_numbers(path, table.num_rows, bom=header.encoding == "utf-8-sig")
    if rows is None:
        raise ColumnarReadError("the rows of the CSV do not match its lines", file=path.name,
                                fix="Save the file again as CSV without line breaks inside cells")
    import pyarrow.compute as pc

    table = pa.table({n: pc.utf8_trim_whitespace(table.column(n)) for n in wanted})
    return table, rows


def _row_numbers(path: Path, count: int, *, bom: bool) -> np.ndarray | None:
    """Spreadsheet row numbers of the data rows: blank lines are skipped by the reader but still count."""
    data = np.fromfile(path, dtype=np.uint8)
    if bom:
        data = data[3:]
    ends = np.flatnonzero(data == 10)
    starts = np.concatenate([[0], ends + 1])
    stops = np.concatenate([ends, [len(data)]])
    length = stops - starts
    carriage = (length > 0) & (data[np.maximum(stops - 1, 0)] == 13)
    blank = (length - carriage) == 0
    line_numbers = np.flatnonzero(~blank) + 1  # 1-based lines that hold something
    data_rows = line_numbers[1:]  # after the header
    if len(data_rows) != count:  # a cell spans lines, or a line holds only spaces
        return None
    return data_rows.astype(np.int64)


class _Ids:
    """One id column: each cell's roster position (-1 when unknown), its distinct written values and codes."""

    def __init__(self, column, index: PersonIndex, people: pd.Index) -> None:  # type: ignore[no-untyped-def]
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(column).combine_chunks()
        self.values: list[str] = encoded.dictionary.to_pylist()
        self.found = index.lookup_all(self.values)  # every distinct value looked up once
        self.codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        known = people.get_indexer([f if f is not None else "\x00missing" for f in self.found])
        self.position = known[self.codes] if len(self.codes) else np.zeros(0, dtype=np.int64)

    def written(self, i: int) -> str:
        return self.values[self.codes[i]]


def _weights(column, rows: np.ndarray, name: str, file: str, log: IssueLog) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Weights as the general reader parses them (an empty cell is 1); zero and negative ones reported."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column).combine_chunks()
    values = encoded.dictionary.to_pylist()
    parsed = [parse_weight(v) if v != "" else 1.0 for v in values]
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    bad = np.array([p is None for p in parsed], dtype=bool)
    if bad.any() and bad[codes].any():
        first = int(np.flatnonzero(bad[codes])[0])
        raise TieListError(key="ingest.ties.weight", fix_key="ingest.ties.weight.fix", file=file,
                           row=int(rows[first]), column=name, values={"value": values[codes[first]]})
    weight = np.array([1.0 if p is None else p for p in parsed], dtype=float)[codes]
    for kind, key, mask in (("zero_weight", "ingest.ties.zero_weight", weight == 0),
                            ("invalid_weight", "ingest.ties.negative_weight", weight < 0)):
        at = np.flatnonzero(mask)
        for i in at[:MAX_LISTED]:
            log.add(kind, key, int(rows[i]), name, values[codes[i]], file=file)
        log.count(kind, len(at) - min(len(at), MAX_LISTED))
    return weight, weight > 0


def _report_people(log: IssueLog, ids: tuple[_Ids, _Ids], columns: tuple[str, str], keep: np.ndarray,
                   rows: np.ndarray, file: str, index: PersonIndex) -> None:
    """Unknown people (the first rows listed, the rest counted) and ids that matched only after cleaning."""
    missing = []
    for order, (column, found) in enumerate(zip(columns, ids)):
        at = np.flatnonzero((found.position < 0) & keep)
        missing.extend((int(rows[i]), order, column, int(i)) for i in at[: 2 * MAX_LISTED])
        log.count("unknown_person", len(at) - min(len(at), 2 * MAX_LISTED))
    for row, order, column, i in sorted(missing):
        log_unknown_person(log, ids[order].written(i), file, row, column)
    for column, found in zip(columns, ids):
        # Roster ids and e-mails are stored cleaned, so only text with non-ASCII characters (invisible
        # ones, wide letters) can match only after cleaning: check just those values.
        suspect = np.array([not v.isascii() for v in found.values], dtype=bool)
        matched = (found.position >= 0) & (suspect[found.codes] if len(found.codes) else False)
        distinct, first = np.unique(found.codes[matched], return_index=True)
        first_rows = np.flatnonzero(matched)[first]
        for code, i in sorted(zip(distinct.tolist(), first_rows.tolist()), key=lambda item: item[1]):
            value = found.values[code]
            if index.needs_cleaning(value):
                log.add("normalised_id", "ingest.ties.cleaned_id", int(rows[i]), column, value, file=file,
                        written=visible_text(value), id=found.found[code])
