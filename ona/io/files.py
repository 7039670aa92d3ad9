"""Reading user files into raw string tables: the only place that touches bytes.

Accepts a path, raw bytes, or a file-like object with ``read()``/``getvalue()``
(as Streamlit's ``UploadedFile``). CSV files may use ``,``, ``;`` or tab as
delimiter and UTF-8 (with or without BOM), cp1252 or latin-1 as encoding. XLSX
workbooks are checked against decompression bombs before they are opened.
Every cell comes back as a string; empty cells are ``""``.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Union

import pandas as pd

from ona.exceptions import FileFormatError

__all__ = ["MAX_BYTES", "MAX_XLSX_UNCOMPRESSED", "RawTable", "Source", "read_source", "read_tables"]

#: Largest file ona reads (bytes). Uploads in the app are limited further by Streamlit.
MAX_BYTES = 200 * 2**20
#: Largest total uncompressed size of an XLSX workbook (decompression-bomb guard).
MAX_XLSX_UNCOMPRESSED = 256 * 2**20
#: Largest compression ratio of a single XLSX part (real sheets stay far below this).
MAX_XLSX_RATIO = 100

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
        """The rows below `header_row` with that row as (de-duplicated, stripped) column names."""
        header = [str(h).strip() for h in self.cells.iloc[header_row]] if len(self.cells) else []
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
        frame = self.cells.iloc[header_row + 1 :].copy()
        frame.columns = names
        return frame

    @staticmethod
    def row_number(index: int) -> int:
        """The spreadsheet row number (header = 1) of a row with this index."""
        return int(index) + 1


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
            raise FileFormatError(
                "file not found", file=str(path), fix="Check the path and the current directory"
            )
        if path.is_dir():
            raise FileFormatError("this is a folder, not a file", file=str(path), fix="Name a CSV or XLSX file")
        size = path.stat().st_size
        if size > max_bytes:
            raise FileFormatError(
                f"the file is {size / 2**20:.0f} MB, more than the limit of {max_bytes / 2**20:.0f} MB",
                file=name,
                fix="Split it or remove columns that are not needed",
            )
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
        raise FileFormatError(
            f"the file is {len(data) / 2**20:.0f} MB, more than the limit of {max_bytes / 2**20:.0f} MB",
            file=name,
            fix="Split it or remove columns that are not needed",
        )
    return data, name


def read_tables(source: Source, filename: str | None = None, *, max_bytes: int = MAX_BYTES) -> list[RawTable]:
    """Read a CSV or XLSX source into raw string tables (one per sheet).

    Raises
    ------
    FileFormatError
        If the file is empty, too large, an old binary ``.xls``, a damaged or
        suspicious workbook, or text in an unknown encoding.
    """
    data, name = read_source(source, filename, max_bytes=max_bytes)
    if not data.strip():
        raise FileFormatError("the file is empty", file=name, fix="Export the data again")
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileFormatError(
            "this is an old Excel 97-2003 (.xls) workbook, which ona cannot read",
            file=name,
            fix="Open it in Excel and save it as .xlsx or .csv",
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(
            "this is not a text (CSV) or Excel (XLSX) file", file=name, fix="Upload the export as CSV or XLSX"
        )
    text, encoding = _decode(data)
    cells, delimiter = _parse_csv(text, name)
    return [RawTable(Path(name).stem, cells, name, encoding, delimiter)]


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
    try:  # pandas' C parser is fast; it refuses ragged rows, which the csv module accepts
        cells = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, dtype=str, keep_default_na=False,
            skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL,
        )
        cells = cells.astype(object)
    except (pd.errors.ParserError, ValueError):
        cells = _parse_csv_ragged(text, delimiter, name)
    cells = cells.apply(lambda column: column.str.strip())
    cells = cells.loc[cells.ne("").any(axis=1)]
    if cells.empty:
        raise FileFormatError("the file holds no rows", file=name, fix="Export the data again")
    cells.columns = range(cells.shape[1])
    return cells, delimiter


def _parse_csv_ragged(text: str, delimiter: str, name: str) -> pd.DataFrame:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=False))
    except csv.Error as exc:  # e.g. field larger than field limit
        raise FileFormatError(f"the CSV cannot be parsed ({exc})", file=name, fix="Export it again as CSV") from None
    if not rows:
        raise FileFormatError("the file holds no rows", file=name, fix="Export the data again")
    width = max(len(r) for r in rows)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter that gives the most columns, consistently, in the first lines."""
    sample = "\n".join(text.split("\n", 50)[:50])
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


def _read_xlsx(data: bytes, name: str) -> list[RawTable]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise FileFormatError("the Excel file is damaged", file=name, fix="Open and save it again in Excel") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_XLSX_UNCOMPRESSED or any(
        i.compress_size and i.file_size / i.compress_size > MAX_XLSX_RATIO and i.file_size > 2 * 2**20 for i in infos
    ):
        raise FileFormatError(
            f"the Excel file unpacks to {total / 2**20:.0f} MB, which is suspiciously large",
            file=name,
            fix="Save only the needed sheet, or export it as CSV",
        )
    if not any(i.filename.startswith("xl/") for i in infos):
        raise FileFormatError(
            "this is a zip archive but not an Excel workbook", file=name, fix="Upload the export as CSV or XLSX"
        )
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=str, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise FileFormatError(
            f"the Excel file cannot be read ({type(exc).__name__})", file=name, fix="Open and save it again in Excel"
        ) from None
    tables = []
    for sheet, frame in sheets.items():
        frame = frame.fillna("").map(lambda v: v.strip() if isinstance(v, str) else str(v))
        frame = frame.loc[frame.ne("").any(axis=1)]
        frame.columns = range(frame.shape[1])
        tables.append(RawTable(str(sheet), frame.astype(object), name))
    if not any(len(t.cells) for t in tables):
        raise FileFormatError("the workbook holds no data", file=name, fix="Check that you exported the right file")
    return tables
