"""Pieces the pages share: safe Markdown, labels, findings and their evidence, heatmaps and drawings."""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from ona.exceptions import OnaError
from ona.findings import ALL_RELATIONS, EVIDENCE_LABELS, KIND_TITLES, Finding
from ona.findings.text import unit_words
from ona.i18n import COUNT_WORDS, count, relation_label, t
from ona.viz.layout import seeded_layout
from ona.viz.render import group_graph_html, to_html
from ona.views import View

__all__ = [
    "SEVERITY_COLOURS",
    "SUMMARY_FIGURES",
    "column_label",
    "draw_group_level",
    "group_drawing",
    "heatmap",
    "hidden_note",
    "label_of",
    "md",
    "person_drawing",
    "positions",
    "relation_choice",
    "show_error",
    "show_evidence",
    "show_finding",
    "summary_table",
]

SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "blue", "info": "gray"}
SUMMARY_FIGURES = ("density", "reciprocity", "transitivity", "ei_index_network", "modularity_groups",
                   "communities", "communities_stable", "community_method", "nmi_groups", "components")
SEED = 0

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """User text made inert for st.markdown: no links, emphasis, HTML, LaTeX or colour directives."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def show_error(exc: OnaError, lang: str) -> None:
    """One sentence in the reader's language (never a traceback)."""
    st.error(exc.message(lang), icon=":material/error:")


def label_of(prefix: str, key: str, lang: str, fallback: str | None = None) -> str:
    try:
        return t(f"{prefix}.{key}", lang)
    except KeyError:
        return fallback if fallback is not None else key.replace("_", " ")


def column_label(column: str, lang: str) -> str:
    return label_of("field", column, lang, label_of("metric", column, lang))


def relation_choice(relations: list[str], lang: str, key: str, container: Any = st) -> str:
    return container.selectbox(t("network.relation", lang), relations, key=key,
                               format_func=lambda r: relation_label(r, lang))


def show_finding(finding: Finding, index: int, labels: dict[str, str], lang: str, key: str = "overview") -> None:
    with st.container(border=True):
        kind = KIND_TITLES.get(finding.kind, {}).get(lang, finding.kind)
        relation = (t("overview.all_relations", lang) if finding.relation == ALL_RELATIONS
                    else relation_label(finding.relation, lang))
        colour = SEVERITY_COLOURS.get(finding.level, "gray")
        st.markdown(f":{colour}-badge[{label_of('severity', finding.level, lang, finding.level)}] "
                    f"**{md(kind)}** · {md(relation)}")
        st.markdown(md(finding.text.get(lang, "")))
        suggestions = finding.suggestions.get(lang) or []
        if suggestions:
            st.markdown(f"**{t('overview.suggestions', lang)}**\n\n" + "\n".join(f"- {md(s)}" for s in suggestions))
        with st.expander(t("overview.evidence", lang)):
            if finding.groups:
                st.caption(f"{t('overview.groups_involved', lang)}: " + ", ".join(md(g) for g in finding.groups))
            if finding.people:
                st.caption(f"{t('overview.people_involved', lang)}: "
                           + ", ".join(md(labels.get(p, p)) for p in finding.people))
            show_evidence(finding.evidence, lang, labels, f"{key}_evidence_{index}")


def show_evidence(evidence: dict[str, Any], lang: str, labels: dict[str, str], key: str) -> None:
    """The numbers behind a finding: one table of figures, and one small table per breakdown."""
    def label(name: str) -> str:
        return EVIDENCE_LABELS.get(name, {}).get(lang) or label_of("field", name, lang)

    def text(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.3g}" if abs(value) < 1 else f"{value:,.1f}".rstrip("0").rstrip(".")
        if isinstance(value, (list, tuple)):
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        return labels.get(str(value), str(value)) if not isinstance(value, bool) else (
            t("common.yes", lang) if value else t("common.no", lang))

    figures = {label(k): text(v) for k, v in evidence.items() if not isinstance(v, dict) and v not in ("", None)}
    if figures:
        table = {t("overview.figure", lang): list(figures), t("overview.value", lang): list(figures.values())}
        st.dataframe(pd.DataFrame(table), hide_index=True, key=f"{key}_figures")
    for name, value in evidence.items():
        if isinstance(value, dict) and value:
            st.caption(md(label(name)))
            breakdown = {"": [labels.get(str(k), str(k)) for k in value], " ": [text(v) for v in value.values()]}
            st.dataframe(pd.DataFrame(breakdown), hide_index=True, key=f"{key}_{name}")


def summary_table(summary: dict[str, dict[str, Any]], relations: list[str], lang: str,
                  grouping: str = "department") -> pd.DataFrame:
    units = unit_words(grouping, lang)[1]  # "afdelingen", "teams", "groepen": the words of the grouping shown
    labels = {f: t(f"summary.{f}", lang, units=units) if f in ("modularity_groups", "nmi_groups")
              else label_of("summary", f, lang, f) for f in SUMMARY_FIGURES}
    rows = {relation: {labels[f]: summary.get(relation, {}).get(f) for f in SUMMARY_FIGURES}
            for relation in relations}
    return pd.DataFrame(rows).map(lambda v: round(v, 3) if isinstance(v, float) else v)


def heatmap(matrix: pd.DataFrame, values: str, lang: str) -> alt.LayerChart:
    """The group matrix as a heatmap; the diagonal (ties inside a group) is grey so the colours show the gaps."""
    frame = matrix.copy()
    frame.index.name = "from"
    frame.columns.name = None
    long = frame.reset_index().melt(id_vars="from", var_name="to", value_name="value")
    pattern = "{:.0f}" if values == "counts" else "{:.3f}"
    long["label"] = long["value"].map(lambda v: "–" if pd.isna(v) else pattern.format(v))
    long["inside"] = long["from"] == long["to"]
    order = list(matrix.index)
    title = t(f"groups.values.{values}", lang)
    base = alt.Chart(long).encode(
        x=alt.X("to:N", sort=order, title=t("field.target", lang), axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("from:N", sort=order, title=t("field.source", lang)),
        tooltip=[alt.Tooltip("from:N", title=t("field.source", lang)),
                 alt.Tooltip("to:N", title=t("field.target", lang)),
                 alt.Tooltip("label:N", title=title)],
    )
    between = base.transform_filter("!datum.inside").mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="blues", domainMin=0), title=title))
    inside = base.transform_filter("datum.inside").mark_rect(color="#e8e8e8", stroke="white")
    off_diagonal = long.loc[~long["inside"], "value"]
    threshold = float(off_diagonal.max()) * 0.6 if off_diagonal.notna().any() else 0.0
    text = base.mark_text(fontSize=13).encode(
        text="label:N",
        color=alt.condition(f"!datum.inside && datum.value > {threshold}", alt.value("white"), alt.value("#222")))
    return (inside + between + text).properties(height=max(260, 56 * len(order) + 40))


# -- drawings (cached on a key that identifies the graph) -----------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def positions(_G: nx.Graph, key: tuple) -> dict[Hashable, tuple[float, float]]:
    return seeded_layout(_G, seed=SEED)


@st.cache_data(show_spinner=False, max_entries=32)
def person_drawing(
    _G: nx.Graph,
    key: tuple,
    _metrics: pd.DataFrame | None,
    _colour: str | dict[Hashable, str],
    colour_key: str,
    size_by: str | None,
    highlight: tuple[Hashable, ...],
    bridges: tuple[tuple[Hashable, Hashable], ...],
    physics: bool,
    lang: str,
) -> str:
    return to_html(_G, color_by=_colour, size_by=size_by, metrics=_metrics, highlight=highlight, bridges=bridges,
                   positions=positions(_G, key), physics=physics, lang=lang)


@st.cache_data(show_spinner=False, max_entries=16)
def group_drawing(_H: nx.DiGraph, key: tuple, _metrics: pd.DataFrame | None,
                  highlight: tuple[tuple[str, str], ...], lang: str) -> str:
    return group_graph_html(_H, metrics=_metrics, highlight_edges=highlight, lang=lang)


def draw_group_level(view: View, relation: str, lang: str, highlight: tuple[tuple[str, str], ...] = ()) -> None:
    """The group-level drawing: one node per group, sized by people, coloured by E-I."""
    table = view.groups(relation)
    metrics = table.set_index("group")[["ei_index"]] if "ei_index" in table.columns else None
    html = group_drawing(view.group_graph(relation), (*view.key, relation), metrics, highlight, lang)
    st.iframe(html, height=580)


def hidden_note(view: View, lang: str) -> str | None:
    """What the view leaves out, in one or two sentences without naming it (None for views that hide nothing)."""
    hidden = view.hidden
    if not hidden.k:
        return None
    if not hidden:
        return t("views.hidden.none", lang, k=hidden.k)
    word = view.grouping if view.grouping in COUNT_WORDS else "group"
    parts = []
    if hidden.groups:
        parts.append(t(f"views.hidden.groups.{'one' if hidden.groups == 1 else 'many'}", lang,
                       groups=count(hidden.groups, word, lang), k=hidden.k))
    if hidden.people:
        parts.append(t("views.hidden.people", lang, people=count(hidden.people, "person", lang), k=hidden.k))
    return " ".join(parts)
