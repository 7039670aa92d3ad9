"""Charts of pairs of groups: who works side by side, in one colour language (red, orange, green).

Every chart here colours a pair by its status (:mod:`ona.findings.pairs`): red for side by side, orange
for thin, green for healthy; pairs declared to work together are bright and outlined, others pale. The
colours are the same on the matrix, the bars and the department graph
(:data:`ona.viz.render.PAIR_COLOURS`), and the page says what they mean in one sentence, so no legend is
needed. Charts stay readable with 30 and more departments: cells shrink to at least 14 pixels, numbers in
cells are kept for declared pairs when there are many departments, and labels are cut with an ellipsis.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from ona.app.numbers import localised
from ona.i18n import number, t
from ona.viz.render import PAIR_COLOURS

__all__ = ["STATUSES", "pair_bars", "pair_matrix", "perceived_matrix", "status_scale"]

#: The statuses in the order their colours are given to the charts.
STATUSES = ("gap", "thin", "healthy", "unknown")
#: Above this many groups, only declared pairs keep their number inside the matrix's cells.
_NUMBERED = 16


def status_scale() -> alt.Scale:
    """The colour scale of pair statuses (no legend: the page says what the colours mean)."""
    return alt.Scale(domain=list(STATUSES), range=[PAIR_COLOURS[s] for s in STATUSES])


def _cell_size(n: int) -> int:
    return int(max(14, min(44, 720 / max(n, 1))))


def pair_bars(pairs: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """One row per pair: a bar for its ties in its status colour, a black line at the ties expected, and a label
    "2 of ~55 · side by side" at the end; the worst pairs on top."""
    rows = pairs.copy()
    rows["label"] = [t("finding.word.pair", lang, a=a, b=b) + (f" ({c})" if c else "")
                     for a, b, c in zip(rows["group_a"], rows["group_b"], rows["collaboration"])]
    rows["word"] = [t(f"pairs.status.{s}", lang) for s in rows["status"]]
    rows["ties"] = rows["ties"].fillna(0.0)
    rows["text"] = [t("pairs.bar_label", lang, ties=number(ti, lang), expected=number(e, lang), status=w)
                    if not pd.isna(e) else w for ti, e, w in zip(rows["ties"], rows["expected"], rows["word"])]
    rows["end"] = rows[["ties", "expected"]].max(axis=1, skipna=True)
    order = rows["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320, labelFontSize=13))
    tooltip = [alt.Tooltip("label:N", title=t("pairs.column.pair", lang)),
               alt.Tooltip("ties:Q", title=t("pairs.column.ties", lang), format=",.0f"),
               alt.Tooltip("expected:Q", title=t("pairs.column.expected", lang), format=",.0f"),
               alt.Tooltip("word:N", title=t("pairs.column.status", lang))]
    span = float(rows["end"].max() or 1.0) or 1.0
    scale = alt.Scale(domain=[0, span * 1.6])
    base = alt.Chart(rows).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(height=18).encode(
        x=alt.X("ties:Q", title=t("pairs.axis.ties", lang), axis=alt.Axis(format=",.0f"), scale=scale),
        color=alt.Color("status:N", scale=status_scale(), legend=None))
    expected = base.mark_tick(color="#222222", thickness=3, size=26).encode(x=alt.X("expected:Q", scale=scale))
    text = base.mark_text(align="left", dx=8, fontSize=13, fontWeight="bold").encode(
        x=alt.X("end:Q", scale=scale), text="text:N", color=alt.Color("status:N", scale=status_scale(), legend=None))
    chart = (bars + expected + text).properties(height=34 * len(rows) + 30)
    return localised(chart, lang)


def _matrix_frame(pairs: pd.DataFrame, groups: list[str]) -> pd.DataFrame:
    """Both cells of every pair (the matrix is symmetric), and the grey diagonal."""
    rows = []
    for r in pairs.itertuples(index=False):
        for a, b in ((r.group_a, r.group_b), (r.group_b, r.group_a)):
            rows.append({"row": a, "column": b, "status": r.status, "declared": bool(r.declared),
                         "ties": float(r.ties) if not pd.isna(r.ties) else math.nan,
                         "expected": float(r.expected) if not pd.isna(r.expected) else math.nan,
                         "collaboration": r.collaboration})
    rows += [{"row": g, "column": g, "status": "inside", "declared": False, "ties": math.nan, "expected": math.nan,
              "collaboration": ""} for g in groups]
    return pd.DataFrame(rows)


def pair_matrix(pairs: pd.DataFrame, groups: list[str], lang: str) -> alt.TopLevelMixin:
    """Every pair of groups as a square coloured by its status; declared pairs bright and outlined, others pale.

    The numbers in the squares are the ties; with more than 16 groups only declared pairs keep theirs.
    """
    frame = _matrix_frame(pairs, groups)
    n = len(groups)
    size = _cell_size(n)
    numbered = n <= _NUMBERED
    frame["label"] = [("" if pd.isna(v) else number(v, lang)) if (numbered or d) else ""
                      for v, d in zip(frame["ties"], frame["declared"])]
    frame["word"] = [t(f"pairs.status.{s}", lang) if s in STATUSES else "" for s in frame["status"]]
    axis_x = alt.Axis(labelAngle=-45, orient="top", labelLimit=150, labelFontSize=12 if n <= 20 else 10,
                      labelOverlap=False)
    axis_y = alt.Axis(labelLimit=180, labelFontSize=12 if n <= 20 else 10, labelOverlap=False)
    base = alt.Chart(frame).encode(
        x=alt.X("column:N", sort=groups, title=None, axis=axis_x),
        y=alt.Y("row:N", sort=groups, title=None, axis=axis_y),
        tooltip=[alt.Tooltip("row:N", title=t("pairs.chart.from", lang)),
                 alt.Tooltip("column:N", title=t("pairs.chart.to", lang)),
                 alt.Tooltip("collaboration:N", title=t("pairs.column.collaboration", lang)),
                 alt.Tooltip("ties:Q", title=t("pairs.column.ties", lang), format=",.0f"),
                 alt.Tooltip("expected:Q", title=t("pairs.column.expected", lang), format=",.0f"),
                 alt.Tooltip("word:N", title=t("pairs.column.status", lang))],
    )
    inside = base.transform_filter("datum.status == 'inside'").mark_rect(color="#eeeeee")
    other = base.transform_filter("datum.status != 'inside' && !datum.declared").mark_rect(
        opacity=0.35, stroke="white", strokeWidth=1).encode(color=alt.Color("status:N", scale=status_scale(),
                                                                            legend=None))
    declared = base.transform_filter("datum.declared").mark_rect(stroke="#111111", strokeWidth=2.5).encode(
        color=alt.Color("status:N", scale=status_scale(), legend=None))
    text = base.mark_text(fontSize=12 if n <= 20 else 9).encode(
        text="label:N", color=alt.condition("datum.declared", alt.value("white"), alt.value("#333333")))
    chart = (inside + other + declared + text).properties(width=alt.Step(size), height=alt.Step(size))
    return localised(chart, lang)


def perceived_matrix(perceived: pd.DataFrame, mismatched: set[frozenset[str]], lang: str) -> alt.TopLevelMixin:
    """How often each group says it works with each other group (0 never to 4 daily), shaded from white to
    blue; the pairs whose picture and ties disagree are outlined in red."""
    matrix = perceived.copy()
    groups = [g for g in matrix.index]
    matrix.index.name = "row"
    matrix.columns.name = None
    long = matrix.reset_index().melt(id_vars="row", var_name="column", value_name="value")
    long["label"] = long["value"].map(lambda v: "" if pd.isna(v) else number(v, lang, 1))
    long["mismatch"] = [frozenset((a, b)) in mismatched and a != b for a, b in zip(long["row"], long["column"])]
    n = len(groups)
    size = _cell_size(max(n, len(matrix.columns)))
    base = alt.Chart(long).encode(
        x=alt.X("column:N", sort=list(matrix.columns), title=None,
                axis=alt.Axis(labelAngle=-45, orient="top", labelLimit=150, labelOverlap=False)),
        y=alt.Y("row:N", sort=groups, title=None, axis=alt.Axis(labelLimit=180, labelOverlap=False)),
        tooltip=[alt.Tooltip("row:N", title=t("pairs.chart.from", lang)),
                 alt.Tooltip("column:N", title=t("pairs.chart.to", lang)),
                 alt.Tooltip("value:Q", title=t("pairs.chart.perceived", lang), format=",.1f")],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(domain=[0, 4], scheme="blues"), legend=None))
    outline = base.transform_filter("datum.mismatch").mark_rect(fill=None, stroke=PAIR_COLOURS["gap"],
                                                                 strokeWidth=3)
    text = base.mark_text(fontSize=12 if n <= 20 else 9).encode(
        text="label:N", color=alt.condition("datum.value > 2.6", alt.value("white"), alt.value("#222222")))
    chart = (cells + outline + text).properties(width=alt.Step(size), height=alt.Step(size))
    return localised(chart, lang)
