"""Numbers as the reader's language writes them, in tables and charts (decimal comma and thousands dot in Dutch).

Tables keep their numbers as numbers (so they still sort by value): :func:`styled` gives Streamlit a pandas
Styler whose *display* follows the language. Charts get the language's number locale
(:func:`localised`), which Vega-Lite applies to every axis, legend and tooltip number.
"""

from __future__ import annotations

import math

from collections.abc import Iterable, Mapping
from typing import Any

import altair as alt
import pandas as pd

from ona.i18n import number, percent

__all__ = ["STYLED_ROWS", "localised", "number_locale", "styled"]

_SEPARATORS = {"nl": (",", "."), "en": (".", ",")}  # (decimal, thousands)
#: Tables up to this many rows get their numbers in the reader's style (see :func:`styled`).
STYLED_ROWS = 5_000


def number_locale(lang: str) -> alt.Locale:
    """The Vega-Lite number locale of `lang` (``1.234,5`` in Dutch, ``1,234.5`` in English)."""
    decimal, thousands = _SEPARATORS.get(lang, _SEPARATORS["en"])
    return alt.Locale(number=alt.NumberLocale(decimal=decimal, thousands=thousands, grouping=[3],
                                              currency=["€ ", ""] if lang == "nl" else ["€", ""]))


def localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """`chart` with the number locale of `lang` (a top-level chart: apply it last)."""
    return chart.configure(locale=number_locale(lang))


def styled(frame: pd.DataFrame, lang: str, *, digits: Mapping[str, int] | None = None,
           percents: Iterable[str] = (), signed: Iterable[str] = ()) -> Any:
    """`frame` for ``st.dataframe``: numbers shown as `lang` writes them, still sorted as numbers.

    Parameters
    ----------
    frame : pandas.DataFrame
    lang : {"nl", "en"}
    digits : mapping, optional
        Column -> decimals (default: 0 for whole-number columns, 2 for other numbers).
    percents : iterable of str
        Columns holding shares (0.85) shown as percentages (85%).
    signed : iterable of str
        Columns shown with a sign (+0,25 / −0,40).

    Tables longer than :data:`STYLED_ROWS` rows are returned as they are: a Styler formats every cell up
    front, which for 100,000 people would take longer than the page.
    """
    if len(frame) > STYLED_ROWS:
        return frame
    digits = dict(digits or {})
    shares, plus = set(percents), set(signed)
    formats = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_bool_dtype(series):
            continue
        if not pd.api.types.is_numeric_dtype(series):
            if series.isna().any():  # text columns: a missing value is a dash too (Styler's na_rep skips them)
                formats[column] = lambda v: "–" if v is None or (isinstance(v, float) and math.isnan(v)) else v
            continue
        if column in shares:
            formats[column] = lambda v, d=digits.get(column, 0): "–" if pd.isna(v) else percent(v, lang, d)
            continue
        places = digits.get(column)
        if places is None:
            whole = series.dropna()
            places = 0 if whole.empty or (whole == whole.round()).all() else 2
        if column in plus:
            formats[column] = lambda v, d=places: "–" if pd.isna(v) else ("+" if v > 0 else "") + number(v, lang, d)
        else:
            formats[column] = lambda v, d=places: "–" if pd.isna(v) else number(v, lang, d)
    return frame.style.format(formats, na_rep="–")  # a missing value is a dash, never "None" or "nan"
