"""Reading user files into raw string tables: the only place that touches bytes.

Accepts a path, raw bytes, or a file-like object with ``read()``/``getvalue()``
(as Streamlit's ``UploadedFile``). CSV files may use ``,``, ``;``, tab or ``|``
as delimiter and UTF-8 (with or without BOM), UTF-16, cp1252 or latin-1 as
encoding. Every cell comes back as a string; empty cells are ``""``.

Limits
------
Every file is checked against these limits *before* it is parsed, so a file
that is expensive to open is refused in about a second with a message saying
which limit it exceeds and what to do (``BENCHMARKS.md`` measures them):

=========================  =============================================================
:data:`MAX_BYTES`          200 MB per file
:data:`MAX_ROWS`           1,048,576 rows per table (Excel's own limit)
:data:`MAX_CELLS`          5 million cells per CSV table (rows x columns)
:data:`MAX_XLSX_PARTS`     1,000 parts in an XLSX workbook (a zip archive)
:data:`MAX_XLSX_SHEETS`    100 sheets per workbook
:data:`MAX_XLSX_UNCOMPRESSED`  100 MB unpacked per workbook; no part may unpack to more
                           than :data:`MAX_XLSX_RATIO` times its packed size (zip bombs)
:data:`MAX_XLSX_CELLS`     500,000 cells per workbook (all sheets together), counted in the sheets' XML
                           before any sheet is parsed
=========================  =============================================================

A CSV file with a quoted cell whose closing quote is missing is refused with
the row where that cell begins (it would otherwise swallow the rest of the
file as one cell).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Union

import pandas as pd

from ona.exceptions import FileFormatError

__all__ = [
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_ROWS",
    "MAX_XLSX_CELLS",
    "MAX_XLSX_PARTS",
    "MAX_XLSX_RATIO",
    "MAX_XLSX_SHEETS",
    "MAX_XLSX_UNCOMPRESSED",
    "RawTable",
    "Source",
    "read_source",
    "read_tables",
]

#: Largest file ona reads (bytes). Uploads in the app are limited further by Streamlit.
MAX_BYTES = 200 * 2**20
#: Most rows in one table (sheet or CSV file), header included.
MAX_ROWS = 1_048_576
#: Most cells (rows x columns) in one CSV table.
MAX_CELLS = 5_000_000
#: Most parts (zip entries) in an XLSX workbook; real workbooks have a few dozen.
MAX_XLSX_PARTS = 1_000
#: Most sheets in an XLSX workbook.
MAX_XLSX_SHEETS = 100
#: Largest total uncompressed size of an XLSX workbook (decompression-bomb guard).
MAX_XLSX_UNCOMPRESSED = 100 * 2**20
#: Largest compression ratio of a single XLSX part above 2 MB (real sheets stay far below this).
MAX_XLSX_RATIO = 100
#: Most cells read from one workbook, all sheets together (reading XLSX runs at 20,000-80,000 cells a second).
MAX_XLSX_CELLS = 500_000

Source = Union[str, os.PathLike, bytes, bytearray, IO[bytes]]

_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class RawTable:
    """One sheet or CSV file as strings, without interpreting any header.

    Attributes
    ----------
    name : str
        Sheet name for XLSX, the file's stem for CSV.
    cells : pandas.DataFrame
        All cells as ``str`` with ``""`` for empty; columns are 0..n-1. Blank
        rows are left out and the index is the 0-based row position in the
        file, so ``index + 1`` is the row number a spreadsheet shows.
    filename : str
        Display name of the file (never used as a path).
    encoding, delimiter : str or None
        What was detected for CSV; None for XLSX.
    """

    name: str
    cells: pd.DataFrame
    filename: str
    encoding: str | None = None
    delimiter: str | None = None

    def with_header(self, header_row: int = 0) -> pd.DataFrame:
        """The rows below `header_row` with that row as (de-duplicated, stripped) column names.

        A header that occurs twice gets `` (2)`` added to its second
        occurrence; :meth:`duplicate_headers` lists them so readers can say so.
        """
        header = [str(h).strip() for h in self.cells.iloc[header_row]] if len(self.cells) else []
        frame = self.cells.iloc[header_row + 1 :].copy()
        frame.columns = _unique_names(header)
        return frame

    def duplicate_headers(self, header_row: int = 0) -> dict[str, list[int]]:
        """Headers that occur more than once (compared ignoring case and spaces) -> their 0-based positions.

        >>> cells = pd.DataFrame([["id", "Afdeling", "afdeling "]])
        >>> RawTable("t", cells, "t.csv").duplicate_headers()
        {'Afdeling': [1, 2]}
        """
        if not len(self.cells):
            return {}
        seen: dict[str, list[int]] = {}
        first: dict[str, str] = {}
        for i, h in enumerate(self.cells.iloc[header_row].tolist()):
            key = " ".join(str(h).split()).casefold()
            if key:
                seen.setdefault(key, []).append(i)
                first.setdefault(key, str(h).strip())
        return {first[k]: v for k, v in seen.items() if len(v) > 1}

    @staticmethod
    def row_number(index: int) -> int:
        """The spreadsheet row number (header = 1) of a row with this index."""
        return int(index) + 1


def _unique_names(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for i, h in enumerate(header):
        h = h or f"column {i + 1}"
        if h in seen:
            seen[h] += 1
            h = f"{h} ({seen[h]})"
        else:
            seen[h] = 1
        names.append(h)
    return names


def read_source(source: Source, filename: str | None = None, *, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """Return the bytes of `source` and a display name for messages.

    A name passed as `filename` (e.g. an upload's name) is only used in messages.
    """
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        name = filename or "uploaded file"
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = filename or path.name
        if not path.exists():
            raise FileFormatError(key="ingest.file.not_found", fix_key="ingest.file.not_found.fix", file=str(path))
        if path.is_dir():
            raise FileFormatError(key="ingest.file.folder", fix_key="ingest.file.folder.fix", file=str(path))
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes, name)
        data = path.read_bytes()
    elif hasattr(source, "getvalue"):
        data = bytes(source.getvalue())
        name = filename or getattr(source, "name", None) or "uploaded file"
    elif hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        name = filename or getattr(source, "name", None) or "uploaded file"
    else:
        raise TypeError(f"cannot read {type(source).__name__}; pass a path, bytes or a file object")
    name = os.path.basename(str(name)) or "uploaded file"
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes, name)
    return data, name


def _too_large(size: int, limit: int, name: str) -> FileFormatError:
    return FileFormatError(key="ingest.file.too_large", fix_key="ingest.file.too_large.fix", file=name,
                           values={"size": round(size / 2**20), "limit": round(limit / 2**20)})


def read_tables(source: Source, filename: str | None = None, *, max_bytes: int = MAX_BYTES) -> list[RawTable]:
    """Read a CSV or XLSX source into raw string tables (one per sheet).

    Raises
    ------
    FileFormatError
        If the file is empty, larger than a limit (see the module docstring),
        an old binary ``.xls``, a damaged or suspicious workbook, text in an
        unknown encoding, or a CSV file with an unclosed quote.
    """
    data, name = read_source(source, filename, max_bytes=max_bytes)
    if not data.strip():
        raise FileFormatError(key="ingest.file.empty", fix_key="ingest.file.export_again", file=name)
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileFormatError(key="ingest.file.xls", fix_key="ingest.file.xls.fix", file=name)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(key="ingest.file.binary", fix_key="ingest.file.binary.fix", file=name)
    _check_lines(data, name)
    text, encoding = _decode(data)
    cells, delimiter = _parse_csv(text, name)
    return [RawTable(Path(name).stem, cells, name, encoding, delimiter)]


def _check_lines(data: bytes, name: str) -> None:
    """Refuse a CSV file far beyond the row or cell limit before it is decoded and parsed.

    Lines are an upper bound of rows (a quoted cell may hold line breaks), so only a file with more than
    twice the limit is refused here; the exact limit is applied while parsing.
    """
    lines = data.count(b"\n") + 1
    first = data[: data.find(b"\n")] if b"\n" in data else data
    width = max(1, max(first.count(d.encode()) for d in _DELIMITERS) + 1)
    if lines > 2 * MAX_ROWS or lines * width > 2 * MAX_CELLS:
        raise _too_many_cells(name, lines, width, csv_file=True)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _parse_csv(text: str, name: str) -> tuple[pd.DataFrame, str]:
    delimiter = _sniff_delimiter(text)
    first_line = text.split("\n", 1)[0].replace("\r", "")
    try:
        width = max(1, len(next(csv.reader(io.StringIO(first_line), delimiter=delimiter), [""])))
    except csv.Error:
        width = 1
    row_limit = min(MAX_ROWS, MAX_CELLS // width)
    try:  # pandas' C parser is fast; it refuses ragged rows and unclosed quotes, which we handle below
        cells = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, dtype=str, keep_default_na=False,
            skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL, nrows=row_limit + 1,
        )
        cells = cells.astype(object)
    except (pd.errors.ParserError, ValueError):
        cells = _parse_csv_ragged(text, delimiter, name, row_limit)
    if len(cells) > row_limit or cells.shape[0] * cells.shape[1] > MAX_CELLS:
        raise _too_many_cells(name, max(len(cells), row_limit + 1), cells.shape[1], csv_file=True)
    cells = cells.apply(lambda column: column.str.strip())
    cells = cells.loc[cells.ne("").any(axis=1)]
    if cells.empty:
        raise FileFormatError(key="ingest.file.no_rows", fix_key="ingest.file.export_again", file=name)
    cells.columns = range(cells.shape[1])
    return cells, delimiter


def _too_many_cells(name: str, rows: int, columns: int, *, csv_file: bool, sheet: str | None = None,
                    cells: int | None = None) -> FileFormatError:
    if csv_file:
        return FileFormatError(key="ingest.csv.too_many", fix_key="ingest.csv.too_many.fix", file=name,
                               values={"rows": MAX_ROWS, "cells": MAX_CELLS})
    return FileFormatError(key="ingest.xlsx.too_many", fix_key="ingest.xlsx.too_many.fix", file=name,
                           values={"sheet": sheet or "", "rows": MAX_ROWS, "cells": MAX_XLSX_CELLS})


def _parse_csv_ragged(text: str, delimiter: str, name: str, row_limit: int) -> pd.DataFrame:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter, strict=True):
            rows.append(row)
            if len(rows) > row_limit:
                break
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise FileFormatError(key="ingest.csv.unclosed_quote", fix_key="ingest.csv.unclosed_quote.fix",
                                  file=name, row=len(rows) + 1) from None
        # other quoting oddities (a quote inside an unquoted cell): read leniently, as spreadsheets do
        rows = []
        try:
            for row in csv.reader(io.StringIO(text), delimiter=delimiter, strict=False):
                rows.append(row)
                if len(rows) > row_limit:
                    break
        except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
            raise FileFormatError(key="ingest.csv.unreadable", fix_key="ingest.file.export_again", file=name,
                                  row=len(rows) + 1, values={"error": str(error)}) from None
    if not rows:
        raise FileFormatError(key="ingest.file.no_rows", fix_key="ingest.file.export_again", file=name)
    width = max(len(r) for r in rows)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter that gives the most columns, consistently, in the first lines."""
    sample = "\n".join(text[:200_000].split("\n", 50)[:50])
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = [len(r) for r in rows]
        header = widths[0]
        if header < 2:
            continue
        consistent = sum(1 for w in widths if w == header)
        score = (consistent, header)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# -- XLSX -----------------------------------------------------------------------------------------

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?\"")
_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"})


def _read_xlsx(data: bytes, name: str) -> list[RawTable]:
    archive = _open_workbook_archive(data, name)
    _check_sheet_sizes(archive, name)  # before openpyxl, which reads a sheet without <dimension> to size it
    try:
        import openpyxl  # imported here: only workbooks need it

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileFormatError:
        raise
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise FileFormatError(key="ingest.xlsx.damaged_type", fix_key="ingest.xlsx.damaged.fix", file=name,
                              values={"error": type(exc).__name__}) from None
    try:
        sheets = book.worksheets
        if len(sheets) > MAX_XLSX_SHEETS:
            raise FileFormatError(key="ingest.xlsx.sheets", fix_key="ingest.xlsx.sheets.fix", file=name,
                                  values={"sheets": len(sheets), "limit": MAX_XLSX_SHEETS})
        tables = []
        budget = MAX_XLSX_CELLS
        for sheet in sheets:
            frame, used = _sheet_cells(sheet, name, budget)
            budget -= used
            tables.append(RawTable(str(sheet.title), frame, name))
    except FileFormatError:
        raise
    except Exception as exc:
        raise FileFormatError(key="ingest.xlsx.damaged_type", fix_key="ingest.xlsx.damaged.fix", file=name,
                              values={"error": type(exc).__name__}) from None
    finally:
        book.close()
    if not any(len(t.cells) for t in tables):
        raise FileFormatError(key="ingest.xlsx.no_data", fix_key="ingest.xlsx.no_data.fix", file=name)
    return tables


def _open_workbook_archive(data: bytes, name: str) -> zipfile.ZipFile:
    """The workbook as a zip archive, after the checks that need no unpacking."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise FileFormatError(key="ingest.xlsx.damaged", fix_key="ingest.xlsx.damaged.fix", file=name) from None
    if len(infos) > MAX_XLSX_PARTS:
        raise FileFormatError(key="ingest.xlsx.parts", fix_key="ingest.xlsx.parts.fix", file=name,
                              values={"parts": len(infos), "limit": MAX_XLSX_PARTS})
    total = sum(i.file_size for i in infos)
    if total > MAX_XLSX_UNCOMPRESSED or any(
        i.compress_size and i.file_size / i.compress_size > MAX_XLSX_RATIO and i.file_size > 2 * 2**20 for i in infos
    ):
        raise FileFormatError(key="ingest.xlsx.unpacked", fix_key="ingest.xlsx.unpacked.fix", file=name,
                              values={"size": round(total / 2**20)})
    if not any(i.filename.startswith("xl/") for i in infos):
        raise FileFormatError(key="ingest.xlsx.not_workbook", fix_key="ingest.file.binary.fix", file=name)
    if "xl/workbook.xml" in archive.namelist():
        try:
            with archive.open("xl/workbook.xml") as part:
                head = part.read(min(archive.getinfo("xl/workbook.xml").file_size, 8 * 2**20))
        except Exception:  # zipfile raises BadZipFile, zlib.error, EOFError, ... on damaged parts
            raise FileFormatError(key="ingest.xlsx.damaged", fix_key="ingest.xlsx.damaged.fix", file=name) from None
        sheets = len(_SHEET.findall(head))
        if sheets > MAX_XLSX_SHEETS:
            raise FileFormatError(key="ingest.xlsx.sheets", fix_key="ingest.xlsx.sheets.fix", file=name,
                                  values={"sheets": sheets, "limit": MAX_XLSX_SHEETS})
    return archive


def _check_sheet_sizes(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a workbook whose sheets hold too many rows or cells, from their XML, before any is parsed.

    First each sheet's declared ``<dimension>`` (free), then its rows and cells counted while its XML is
    unpacked (about 0.1 s per 10 MB of XML; bounded by :data:`MAX_XLSX_UNCOMPRESSED`).
    """
    parts = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    for path in parts:
        rows, columns = _declared_size(archive, path)
        if rows > MAX_ROWS or rows * columns > MAX_XLSX_CELLS:
            raise _too_many_cells(name, rows, columns, csv_file=False, sheet=_sheet_title(archive, path))
    cells = 0
    for path in parts:
        rows, found = _counted_size(archive, path, MAX_XLSX_CELLS - cells)
        cells += found
        if rows > MAX_ROWS or cells > MAX_XLSX_CELLS:
            raise _too_many_cells(name, rows, found, csv_file=False, sheet=_sheet_title(archive, path))


def _sheet_title(archive: zipfile.ZipFile, path: str) -> str:
    """The title of the sheet stored in `path`, from the workbook's relationships (or the part's name)."""
    try:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile):
        return Path(path).stem
    target = path[len("xl/"):]
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = rel.group(0)
        if re.search(rf'Target="/?(?:xl/)?{re.escape(target)}"', tag):
            rid = re.search(r'Id="([^"]+)"', tag)
            if rid:
                sheet = re.search(rf'<(?:\w+:)?sheet\b[^>]*name="([^"]*)"[^>]*r:id="{re.escape(rid.group(1))}"', book)
                if sheet:
                    return sheet.group(1)
    return Path(path).stem


def _declared_size(archive: zipfile.ZipFile, path: str) -> tuple[int, int]:
    """Rows and columns a sheet part declares in its ``<dimension>`` (0, 0 when it declares none)."""
    with archive.open(path) as part:
        head = part.read(4096)
    match = _DIMENSION.search(head)
    if not match:
        return 0, 0
    last_col, last_row = match.group(3) or match.group(1), match.group(4) or match.group(2)
    if not last_row or not last_col:
        return 0, 0
    columns = 0
    for letter in last_col.decode():
        columns = columns * 26 + ord(letter) - 64
    return int(last_row), columns


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _counted_size(archive: zipfile.ZipFile, path: str, budget: int) -> tuple[int, int]:
    """Rows and cells of a sheet part, counted in its XML while it is unpacked (about 0.1 s per 10 MB of XML).

    Counting stops as soon as the rows pass :data:`MAX_ROWS` or the cells pass `budget`.
    """
    rows = cells = 0
    tail = b""
    with archive.open(path) as part:
        while True:
            chunk = part.read(2**20)
            if not chunk:
                break
            block = tail + chunk
            rows += len(_ROW_TAG.findall(block))
            cells += len(_CELL_TAG.findall(block))
            cut = block.rfind(b"<")  # a tag split over two chunks is counted in the next one
            if cut > len(block) - 8:
                tail = block[cut:]
                rows -= len(_ROW_TAG.findall(tail))
                cells -= len(_CELL_TAG.findall(tail))
            else:
                tail = b""
            if rows > MAX_ROWS or cells > budget:
                break
    return rows, cells


def _sheet_cells(sheet: object, name: str, budget: int) -> tuple[pd.DataFrame, int]:
    """The non-blank rows of a sheet as strings (index = 0-based row), reading at most `budget` cells."""
    sheet.reset_dimensions()  # type: ignore[attr-defined]  # do not trust the declared size while reading
    rows: list[list[str]] = []
    index: list[int] = []
    used = 0
    for position, values in enumerate(sheet.iter_rows(values_only=True)):  # type: ignore[attr-defined]
        used += len(values)
        if used > budget or position >= MAX_ROWS:
            raise _too_many_cells(name, position + 1, len(values), csv_file=False, sheet=str(sheet.title))  # type: ignore[attr-defined]
        cells = [_cell_text(v) for v in values]
        if any(cells):
            rows.append(cells)
            index.append(position)
    width = max((len(r) for r in rows), default=0)
    while width and not any(len(r) >= width and r[width - 1] for r in rows):
        width -= 1  # trailing empty columns
    frame = pd.DataFrame([(r + [""] * (width - len(r)))[:width] for r in rows], index=index, dtype=object)
    frame.columns = range(frame.shape[1])
    return frame, used


def _cell_text(value: object) -> str:
    """A cell as text, the way pandas' Excel reader with ``dtype=str`` writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, (datetime, date, time)):
        return str(value)
    text = str(value).strip()
    return "" if text in _ERRORS else text
