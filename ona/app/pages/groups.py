"""Departments: the group-by-group matrix, the group graph, E-I per group, and the ties between two groups."""

from __future__ import annotations

import streamlit as st

from ona.app import frame
from ona.app.widgets import column_label, draw_group_level, heatmap, md, relation_choice
from ona.i18n import count, number, t

__all__ = ["render"]


def render(context: frame.Context) -> None:
    view, lang, grouping = context.view, context.lang, context.view.grouping
    st.title(t("groups.title", lang))
    relations = view.relations
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 1, 2])
    relation = relation_choice(relations, lang, "groups_relation", cols[0])
    values = cols[1].radio(t("groups.values", lang), ["counts", "density"], key="groups_values", horizontal=True,
                           format_func=lambda v: t(f"groups.values.{v}", lang))
    counts = view.group_matrix(relation, "counts")
    st.subheader(t("groups.matrix", lang))
    st.caption(t("groups.matrix.help", lang))
    st.altair_chart(heatmap(counts if values == "counts" else view.group_matrix(relation, "density"), values, lang),
                    width="stretch", key="groups_heatmap")

    groups = list(counts.index)
    pair = st.session_state.get("groups_pair_a"), st.session_state.get("groups_pair_b")
    highlight = (tuple(pair),) if all(pair) and pair[0] != pair[1] else ()
    table = view.groups(relation)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.subheader(t("groups.graph", lang))
        st.caption(t("groups.graph.help", lang))
        draw_group_level(view, relation, lang, highlight)
    with right:
        st.subheader(t("groups.ei", lang))
        st.caption(t("groups.ei.help", lang))
        shown = table[["group", "size", "ei_index", "ei_p_value"]].rename(columns={
            "group": column_label(grouping, lang), "size": t("field.people", lang),
            "ei_index": t("metric.ei_index", lang), "ei_p_value": "p"})
        st.dataframe(shown, hide_index=True, width="stretch", key="groups_ei_table", column_config={
            t("metric.ei_index", lang): st.column_config.NumberColumn(format="%+.2f"),
            "p": st.column_config.NumberColumn(format="%.3f", help=t("groups.ei.p", lang))})

    st.subheader(t("groups.pair", lang))
    if len(groups) < 2:
        return
    for name, default in (("groups_pair_a", groups[0]), ("groups_pair_b", groups[1])):
        if st.session_state.get(name) not in groups:
            st.session_state[name] = default
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("groups.pair.first", lang), groups, key="groups_pair_a")
    b = c2.selectbox(t("groups.pair.second", lang), groups, key="groups_pair_b")
    if a == b:
        st.info(t("groups.pair.same", lang))
        return
    pair_ = view.pair(relation, a, b)
    if pair_.total == 0:
        st.warning(t("groups.pair.none", lang, a=md(a), b=md(b)))
        return
    if pair_.ties is None or pair_.carriers is None:  # the view shows counts only
        st.markdown(t("groups.pair.counts", lang, a=md(a), b=md(b), ab=count(pair_.forward, "tie", lang),
                      ba=number(pair_.backward, lang)))
        return
    group = column_label(grouping, lang)
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
    c1.dataframe(ties, hide_index=True, width="stretch", key="groups_pair_ties")
    c2.caption(t("groups.pair.carriers", lang))
    c2.dataframe(carriers, hide_index=True, width="stretch", key="groups_pair_carriers")


if __name__ == "__main__":
    render(frame.current())
