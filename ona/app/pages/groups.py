"""Departments: who works side by side? The declared pairs first, coloured by their ties against expectation,
every pair in a matrix beside the departments' own picture, the department graph, and one pair up close."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ona.app import frame
from ona.app.numbers import styled
from ona.app.pair_charts import pair_bars, pair_matrix, perceived_matrix
from ona.app.widgets import column_label, md
from ona.findings.confidence import band
from ona.findings.pairs import perceived_words, with_perception
from ona.findings.text import ties_phrase
from ona.i18n import count, grouping_words, number, relation_label, t
from ona.viz.render import group_graph_html
from ona.views import View

__all__ = ["render"]

_BADGE = {"gap": "red", "thin": "orange", "healthy": "green", "unknown": "gray"}
#: Undeclared pairs shown as "the weakest pairs" when no collaboration was declared.
_WEAKEST = 8


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    st.title(t("pairs.title", lang))
    st.caption(t("pairs.intro", lang))
    relations = view.relations
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    options = ["all", *relations] if len(relations) > 1 else relations
    choice = st.selectbox(t("pairs.relation", lang), options, key="groups_relation",
                          format_func=lambda r: t("pairs.relation.all", lang) if r == "all" else relation_label(r, lang))
    relation = None if choice == "all" else choice
    pairs = view.pairs(relation)
    groups = view.groups_shown()

    declared = pairs.loc[pairs["declared"]] if not pairs.empty else pairs
    st.subheader(t("pairs.declared", lang))
    if declared.empty:
        st.info(t("pairs.none_declared", lang))
        shown = pairs.loc[pairs["status"] != "unknown"].sort_values("ratio").head(_WEAKEST)
        if not shown.empty:
            st.caption(t("pairs.weakest", lang))
            st.altair_chart(pair_bars(shown, lang), width="stretch", key="groups_pair_bars")
    else:
        st.caption(t("pairs.declared.help", lang))
        st.altair_chart(pair_bars(declared, lang), width="stretch", key="groups_pair_bars")
        _cards(declared, view, lang, relation or relations[0])

    perceived = view.perceived()
    left, right = st.columns([1, 1] if not perceived.empty else [3, 2], gap="medium")
    with left:
        st.subheader(t("pairs.matrix", lang))
        st.caption(t("pairs.matrix.help", lang))
        st.altair_chart(pair_matrix(pairs, groups, lang), width="content", key="groups_matrix")
    with right:
        st.subheader(t("pairs.perceived", lang))
        if perceived.empty:
            st.caption(t("pairs.perceived.none", lang))
        else:
            st.caption(t("pairs.perceived.help", lang))
            compared = with_perception(pairs, perceived)
            mismatched = {frozenset((a, b)) for a, b, d in zip(compared["group_a"], compared["group_b"],
                                                                compared["disagreement"]) if d}
            st.altair_chart(perceived_matrix(perceived, mismatched, lang), width="content", key="groups_perceived")
            _mismatches(compared, lang)

    st.subheader(t("pairs.graph", lang))
    st.caption(t("pairs.graph.help", lang))
    if len(groups) > 12:
        st.caption(t("pairs.graph.large", lang, n=number(len(groups), lang), k=3 if len(groups) <= 24 else 2))
    graph_relation = relation or relations[0]
    html = group_graph_html(view.group_graph(graph_relation), pairs=pairs, lang=lang, height=560)
    st.iframe(html, height=600)

    with st.expander(t("pairs.per_group", lang)):
        st.caption(t("pairs.per_group.help", lang))
        _per_group(view, graph_relation, lang)

    flagged = declared.loc[declared["status"].isin(["gap", "thin"])] if not declared.empty else declared
    first = (flagged["group_a"].iloc[0], flagged["group_b"].iloc[0]) if len(flagged) else None
    _pair_view(view, graph_relation, groups, lang, first)


def _open(a: str, b: str) -> None:
    """The pair view, one click away: select the pair (the selectors below read these keys)."""
    st.session_state["groups_pair_a"], st.session_state["groups_pair_b"] = a, b


def _cards(declared: pd.DataFrame, view: View, lang: str, relation: str) -> None:
    """A card per declared pair that is not healthy, in words, with the pair view one click away."""
    names = view.person_labels()
    flagged = declared.loc[declared["status"] != "healthy"]
    for i, row in enumerate(flagged.itertuples(index=False)):
        collab = f" ({md(row.collaboration)})" if row.collaboration else ""
        with st.container(border=True):
            word = t(f"pairs.status.{row.status}", lang)
            if row.status == "unknown":
                sentence = t("pairs.card.unknown", lang, a=md(row.group_a), b=md(row.group_b), collab=collab)
            else:
                sentence = t("pairs.card", lang, a=md(row.group_a), b=md(row.group_b), collab=collab,
                             ties=ties_phrase(row.ties, "all", lang), expected=number(row.expected, lang))
            st.markdown(f":{_BADGE[row.status]}-badge[{word}] {sentence}")
            if row.carriers:
                people = ", ".join(md(names.get(p, p)) for p in row.carriers)
                st.caption(t("pairs.card.carried", lang, people=people))
            if st.button(t("pairs.open", lang), key=f"groups_open_{i}", on_click=_open,
                         args=(row.group_a, row.group_b), icon=":material/zoom_in:"):
                _pair_dialog(view, relation, row.group_a, row.group_b, lang)


def _mismatches(compared: pd.DataFrame, lang: str) -> None:
    rows = compared.loc[compared["disagreement"] != ""]
    if rows.empty:
        st.caption(t("pairs.mismatch.none", lang))
        return
    for row in rows.itertuples(index=False):
        st.markdown(":red-badge[!] " + t(f"pairs.mismatch.{row.disagreement}", lang, a=md(row.group_a),
                                        b=md(row.group_b), how=perceived_words(float(row.perceived), lang),
                                        ties=ties_phrase(row.ties, "all", lang),
                                        expected=number(row.expected, lang)))


def _per_group(view: View, relation: str, lang: str) -> None:
    """Per department: people, respondents, response and its confidence band, and the share of ties inside."""
    response = view.response()
    response = response.loc[response["group"] != "(all)"].copy()
    table = view.groups(relation).set_index("group")
    frame_ = pd.DataFrame({
        t("pairs.column.group", lang): response["group"].to_numpy(),
        t("pairs.column.people", lang): response["people"].to_numpy(),
        t("pairs.column.respondents", lang): response["respondents"].to_numpy(),
        t("pairs.column.response", lang): response["response_rate"].to_numpy(),
        t("pairs.column.band", lang): [t(f"pairs.band.{band(r)}", lang) for r in response["response_rate"]],
    })
    if "ei_index" in table.columns:
        inside = (1 - table["ei_index"].reindex(response["group"]).to_numpy()) / 2
        frame_[t("pairs.column.inside", lang)] = inside
    st.dataframe(styled(frame_, lang, percents=[t("pairs.column.response", lang), t("pairs.column.inside", lang)]),
                 hide_index=True, width="stretch", key="groups_per_group")


def _pair_dialog(view: View, relation: str, a: str, b: str, lang: str) -> None:
    """The pair up close, in a dialog over the page: one click from its card."""
    @st.dialog(t("groups.pair", lang, **grouping_words(view.grouping, lang)), width="large")
    def dialog() -> None:
        _pair_details(view, relation, a, b, lang, "groups_dialog")

    dialog()


def _pair_view(view: View, relation: str, groups: list[str], lang: str, first: tuple[str, str] | None) -> None:
    words = grouping_words(view.grouping, lang)
    st.subheader(t("groups.pair", lang, **words))
    if len(groups) < 2:
        return
    defaults = first if first is not None else (groups[0], groups[1])
    for name, default in zip(("groups_pair_a", "groups_pair_b"), defaults):
        if st.session_state.get(name) not in groups:
            st.session_state[name] = default
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("groups.pair.first", lang, **words), groups, key="groups_pair_a")
    b = c2.selectbox(t("groups.pair.second", lang, **words), groups, key="groups_pair_b")
    if a == b:
        st.info(t("groups.pair.same", lang, **words))
        return
    _pair_details(view, relation, a, b, lang, "groups_pair")


def _pair_details(view: View, relation: str, a: str, b: str, lang: str, key: str) -> None:
    st.caption(t("pairs.pair.relation", lang, relation=relation_label(relation, lang)))
    pair_ = view.pair(relation, a, b)
    if pair_.total == 0:
        st.warning(t("groups.pair.none", lang, a=md(a), b=md(b)))
        return
    if pair_.ties is None or pair_.carriers is None:  # the view shows counts only
        st.markdown(t("groups.pair.counts", lang, a=md(a), b=md(b), ab=count(pair_.forward, "tie", lang),
                      ba=number(pair_.backward, lang)))
        return
    group = column_label(view.grouping, lang)
    ties = pair_.ties.rename(columns={
        "source": t("field.source", lang), "source_group": f"{group} ({t('field.source', lang).lower()})",
        "target": t("field.target", lang), "target_group": f"{group} ({t('field.target', lang).lower()})",
        "weight": t("field.weight", lang)})
    carriers = pair_.carriers.rename(columns={"name": t("field.name", lang), "group": group,
                                              "ties": t("field.ties", lang)})
    st.markdown(t("groups.pair.summary", lang, ties=count(len(ties), "tie", lang), a=md(a), b=md(b),
                  people=count(len(carriers), "person", lang), ab=number(pair_.forward, lang),
                  ba=number(pair_.backward, lang)))
    c1, c2 = st.columns([3, 2], gap="medium")
    c1.dataframe(styled(ties, lang), hide_index=True, width="stretch", key=f"{key}_ties")
    c2.caption(t("groups.pair.carriers", lang))
    c2.dataframe(styled(carriers, lang), hide_index=True, width="stretch", key=f"{key}_carriers")


if __name__ == "__main__":
    render(frame.current())
