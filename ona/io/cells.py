r"""Cell safety for spreadsheets: formulas in CSV and XLSX cells are defused (CSV injection).

Texts starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return are
formulas to Excel and LibreOffice [1]_. Every CSV or XLSX file ona writes
passes through :func:`neutralize_formulas`; files ona reads back pass
through :func:`restore_formulas`.

References
----------
.. [1] OWASP Foundation. "CSV Injection."
   https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd

__all__ = ["neutralize_cell", "neutralize_formulas", "restore_cell", "restore_formulas"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def neutralize_cell(value: Any) -> Any:
    """Prefix a text that a spreadsheet would run as a formula with an apostrophe; leave the rest.

    Texts starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    are formulas to Excel and LibreOffice (CSV injection [1]_). Numbers, and
    texts that are plain numbers such as ``"-3.5"``, are left as they are.
    A text that already starts with apostrophes before such a character
    gets one more, so :func:`restore_cell` can undo the change exactly.

    Examples
    --------
    >>> neutralize_cell('=HYPERLINK("http://x","y")')
    '\\'=HYPERLINK("http://x","y")'
    >>> neutralize_cell(-3), neutralize_cell("-3.5"), neutralize_cell("Sociaal Domein")
    (-3, '-3.5', 'Sociaal Domein')
    """
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_cell(value: Any) -> Any:
    """Undo :func:`neutralize_cell`: ``restore_cell(neutralize_cell(v)) == v`` for every value.

    For reading back files that ona wrote; a text ona did not neutralise
    is returned as it is.

    >>> restore_cell(neutralize_cell("=1+1")), restore_cell(neutralize_cell("'=1")), restore_cell("'s-Hertogenbosch")
    ('=1+1', "'=1", "'s-Hertogenbosch")
    """
    if isinstance(value, str) and value.startswith("'") and neutralize_cell(value[1:]) == value:
        return value[1:]
    return value


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` safe to write as CSV or XLSX: every formula-like text cell gets a leading apostrophe.

    Applies :func:`neutralize_cell` to text cells, column names and index
    labels (group names are matrix headers). Numeric columns keep their
    dtype. The input is not changed.

    Examples
    --------
    >>> frame = pd.DataFrame({"name": ["=1+1", "Ana"], "degree": [-1, 2]}, index=["@x", "b"])
    >>> neutralize_formulas(frame)
          name  degree
    '@x  '=1+1      -1
    b      Ana       2
    """
    return _map_text(frame, neutralize_cell)


def restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralize_formulas` on a table read back from a file ona wrote (see :func:`restore_cell`).

    >>> frame = pd.DataFrame({"name": ["=1+1", "'@x", "Ana"]}, index=["-a", "b", "c"])
    >>> restore_formulas(neutralize_formulas(frame)).equals(frame)
    True
    """
    return _map_text(frame, restore_cell)


def _map_text(frame: pd.DataFrame, function: Callable[[Any], Any]) -> pd.DataFrame:
    """A copy of `frame` with `function` applied to every text cell, column name and index label."""
    out = frame.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if isinstance(column.dtype, pd.CategoricalDtype):
            out.isetitem(i, column.cat.rename_categories(function))
        elif not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_datetime64_any_dtype(column):
            out.isetitem(i, column.map(function, na_action="ignore"))
    out.columns = _map_index(out.columns, function)
    out.index = _map_index(out.index, function)
    return out


def _map_index(index: pd.Index, function: Callable[[Any], Any]) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index.set_levels([_map_index(level, function) for level in index.levels])
    if pd.api.types.is_numeric_dtype(index):
        return index
    return pd.Index([function(v) for v in index], name=function(index.name), dtype=object)
