"""The five conditions of a collaboration as a chart: one bar per condition and member group, on the 1-5 scale.

:func:`conditions_chart` takes a group × condition table of means (as
:meth:`ona.measures.conditions.ConditionsScan.for_collaboration` gives, or a
screened copy of it) and returns an Altair chart; :func:`conditions_chart_data`
gives the long table behind it, with labels in the chosen language.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ona.i18n import number, t
from ona.io.kit.conditions import CONDITIONS, condition_label
from ona.measures.conditions import ALL_GROUPS

__all__ = ["conditions_chart", "conditions_chart_data"]

#: Colours of the groups (colour-blind safe, as in the app's other charts); the pooled row is grey.
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
_POOLED = "#9AA5B1"


def conditions_chart_data(scores: pd.DataFrame, lang: str = "nl", answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The long table of a chart: group, condition (label), order, mean, text and answers.

    >>> table = pd.DataFrame({"process": [2.0, 3.5], "ambition": [4.0, 3.0]}, index=["A", "(all)"])
    >>> conditions_chart_data(table, "en")[["group", "condition", "mean", "text"]].values.tolist()
    [['A', 'Ambition', 4.0, '4.0'], ['A', 'Process', 2.0, '2.0'], ['(all departments)', 'Ambition', 3.0, '3.0'], ['(all departments)', 'Process', 3.5, '3.5']]
    """
    rows = []
    for group in scores.index:
        shown = t("conditions.all_groups", lang) if group == ALL_GROUPS else str(group)
        for order, condition in enumerate(c for c in CONDITIONS if c in scores.columns):
            value = scores.at[group, condition]
            if pd.isna(value):
                continue
            n = answers.at[group, condition] if answers is not None and group in answers.index else None
            rows.append((shown, condition_label(condition, lang), order, float(value), number(float(value), lang, 1),
                         None if n is None or pd.isna(n) else int(n)))
    return pd.DataFrame(rows, columns=["group", "condition", "order", "mean", "text", "answers"])


def conditions_chart(scores: pd.DataFrame, lang: str = "nl", answers: pd.DataFrame | None = None,
                     colours: Mapping[str, str] | None = None) -> alt.Chart:
    """Grouped bars: the five conditions along the x axis, one bar per group, the mean on a 1-5 axis.

    `colours` (group -> colour, e.g. :func:`ona.viz.render.group_colors` of every group shown) gives each group
    the colour it has in the network drawings and the report's pictures; other groups take the chart's palette.

    Examples
    --------
    >>> table = pd.DataFrame({"process": [2.0, 3.5]}, index=["A", "(all)"])
    >>> spec = conditions_chart(table, "nl").to_dict()
    >>> spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    [1, 5]
    """
    data = conditions_chart_data(scores, lang, answers)
    groups = list(dict.fromkeys(data["group"]))
    pooled = t("conditions.all_groups", lang)
    given = dict(colours or {})
    shades = [(_POOLED if g == pooled else given.get(g) or _PALETTE[i % len(_PALETTE)]) for i, g in enumerate(groups)]
    order = [condition_label(c, lang) for c in CONDITIONS if c in scores.columns]
    group_title = t("conditions.column.group", lang).capitalize()
    base = alt.Chart(data).encode(
        x=alt.X("condition:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13)),
        xOffset=alt.XOffset("group:N", sort=groups),
        y=alt.Y("mean:Q", scale=alt.Scale(domain=[1, 5]), title=t("conditions.column.mean", lang).capitalize(),
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d")),
        color=alt.Color("group:N", sort=groups, scale=alt.Scale(domain=groups, range=shades),
                        legend=alt.Legend(title=group_title, orient="bottom")),
        tooltip=[alt.Tooltip("group:N", title=group_title),
                 alt.Tooltip("condition:N", title=t("conditions.column.condition", lang).capitalize()),
                 alt.Tooltip("text:N", title=t("conditions.column.mean", lang).capitalize()),
                 alt.Tooltip("answers:Q", title=t("conditions.column.n", lang).capitalize())],
    )
    bars = base.mark_bar(clip=True)
    labels = base.mark_text(dy=-7, fontSize=11).encode(text="text:N", color=alt.value("#1f2933"))
    neutral = alt.Chart(pd.DataFrame({"y": [3]})).mark_rule(strokeDash=[4, 4], color="#7B8794").encode(y="y:Q")
    return (bars + labels + neutral).properties(height=300)
