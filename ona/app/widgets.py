"""Pieces the pages share: safe Markdown, labels, findings and their evidence, heatmaps and drawings."""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from ona.app.numbers import styled
from ona.exceptions import OnaError
from ona.findings import (ALL_RELATIONS, Finding, SimilarFindings, evidence_rows, finding_title,
                          group_similar)
from ona.i18n import COUNT_WORDS, count, number, relation_label, t
from ona.findings.text import unit_words
from ona.viz.layout import seeded_layout
from ona.viz.render import group_graph_html, to_html
from ona.views import View

__all__ = [
    "CONFIDENCE_COLOURS",
    "SEVERITY_COLOURS",
    "SUMMARY_FIGURES",
    "certainty_notes",
    "column_label",
    "draw_group_level",
    "group_drawing",
    "heatmap",
    "hidden_note",
    "unnamed_note",
    "label_of",
    "md",
    "person_drawing",
    "positions",
    "relation_choice",
    "show_error",
    "show_finding",
    "show_findings",
    "show_similar",
    "summary_table",
]

SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "blue", "info": "gray"}
#: Badge colour of each confidence band (:mod:`ona.findings.confidence`).
CONFIDENCE_COLOURS = {"high": "green", "moderate": "orange", "low": "red"}
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


def show_findings(findings: list[Finding], labels: dict[str, str], lang: str, key: str = "overview",
                  grouping: str = "department") -> None:
    """Findings as cards, most severe first; similar ones (changes between waves) as one card with a table."""
    for i, item in enumerate(group_similar(findings, grouping=grouping)):
        if isinstance(item, SimilarFindings):
            show_similar(item, i, lang, key)
        else:
            show_finding(item, i, labels, lang, key)


def show_finding(finding: Finding, index: int, labels: dict[str, str], lang: str, key: str = "overview") -> None:
    """One finding: headed by whom it is about, its sentence, how certain it is, suggestions, evidence in words."""
    with st.container(border=True):
        st.markdown(f"{_badges(finding.level, finding.confidence, lang)} "
                    f"**{md(finding_title(finding, lang, labels))}** · {md(_relation(finding.relation, lang))}")
        st.markdown(md(finding.text.get(lang, "")))
        for note in certainty_notes(finding, lang):
            st.caption(md(note))
        _suggestions(finding.suggestions.get(lang) or [], lang)
        with st.expander(t("overview.evidence", lang)):
            rows = evidence_rows(finding, lang, labels)
            if finding.people:
                rows.insert(0, (t("overview.people_involved", lang), ", ".join(labels.get(p, p) for p in finding.people)))
            if rows:
                table = {t("overview.figure", lang): [r[0] for r in rows], t("overview.value", lang): [r[1] for r in rows]}
                st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key=f"{key}_evidence_{index}")


def show_similar(item: SimilarFindings, index: int, lang: str, key: str = "overview") -> None:
    """Similar findings told once: one sentence and a table with a row per finding."""
    with st.container(border=True):
        first = item.findings[0]
        st.markdown(f"{_badges(item.level, first.confidence, lang)} "
                    f"**{md(t(f'finding.kind.{item.kind}', lang))}** · {md(_relation(item.relation, lang))}")
        st.markdown(md(item.text.get(lang, "")))
        for note in certainty_notes(first, lang):
            st.caption(md(note))
        st.dataframe(styled(item.table(lang), lang), hide_index=True, width="stretch", key=f"{key}_similar_{index}")
        _suggestions(item.suggestions.get(lang) or [], lang)


def certainty_notes(finding: Finding, lang: str) -> list[str]:
    """How certain a finding is, in words: its confidence from the response, and whether the missing answers
    could turn it over (from ``Finding.robustness`` where a sensitivity run set it)."""
    notes = []
    if finding.confidence is not None and finding.confidence.reason.get(lang):
        notes.append(finding.confidence.reason[lang])
    robustness = finding.robustness
    robust = getattr(robustness, "robust", None)
    if robust is None and isinstance(robustness, dict):
        robust = robustness.get("robust")
    if robust is not None:
        notes.append(t("glance.robust" if robust else "glance.not_robust", lang))
    return notes


def _badges(level: str, confidence: Any, lang: str) -> str:
    colour = SEVERITY_COLOURS.get(level, "gray")
    badges = f":{colour}-badge[{label_of('severity', level, lang, level)}]"
    if confidence is not None:
        badges += f" :{CONFIDENCE_COLOURS.get(confidence.band, 'gray')}-badge[{t(f'finding.confidence.{confidence.band}', lang)}]"
    return badges


def _relation(relation: str, lang: str) -> str:
    return t("overview.all_relations", lang) if relation == ALL_RELATIONS else relation_label(relation, lang)


def _suggestions(suggestions: list[str], lang: str) -> None:
    if suggestions:
        st.markdown(f"**{t('overview.suggestions', lang)}**\n\n" + "\n".join(f"- {md(s)}" for s in suggestions))


def summary_table(summary: dict[str, dict[str, Any]], relations: list[str], lang: str,
                  grouping: str = "department") -> pd.DataFrame:
    """The whole-network figures per relation, written as the reader's language writes numbers (one column
    per relation, headed by its name in that language; the grouping's own words, e.g. "Modulariteit van de
    teams")."""
    units = unit_words(grouping, lang)[1]  # "afdelingen", "teams", "groepen": the words of the grouping shown
    labels = {f: t(f"summary.{f}", lang, units=units) if f in ("modularity_groups", "nmi_groups")
              else label_of("summary", f, lang, f) for f in SUMMARY_FIGURES}

    def text(figure: str, value: Any) -> str:
        if value is None or (isinstance(value, float) and value != value):
            return "–"
        if isinstance(value, bool):
            return t("common.yes", lang) if value else t("common.no", lang)
        if isinstance(value, int):
            return number(value, lang)
        if isinstance(value, float):
            return number(value, lang, 0 if value.is_integer() and figure in ("communities", "components") else 3)
        if figure == "community_method":
            return str(value).capitalize()
        return str(value)

    rows = {relation_label(relation, lang): {labels[f]: text(f, summary.get(relation, {}).get(f))
                                              for f in SUMMARY_FIGURES} for relation in relations}
    return pd.DataFrame(rows)


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
    if hidden.unnamed:
        parts.append(unnamed_note(view, lang))
    return " ".join(parts)


def unnamed_note(view: View, lang: str) -> str | None:
    """Why nobody is shown person by person when that is because of people without consent and no key (else None)."""
    unnamed = getattr(view.hidden, "unnamed", 0)
    return t("privacy.unnamed", lang, people=count(unnamed, "person", lang)) if unnamed else None
