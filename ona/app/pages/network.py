"""Network: the interactive graph — all people, one group and its bridges, or one person's network."""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from ona.app import frame
from ona.app.widgets import column_label, draw_group_level, hidden_note, md, person_drawing, relation_choice, unnamed_note
from ona.i18n import grouping_words, number, t
from ona.measures.metrics import cross_group_brokers
from ona.viz.layout import PERSON_LEVEL_LIMIT, ego_subgraph, focus_subgraph

__all__ = ["render"]

SIZE_METRICS = ("in_degree", "betweenness", "pagerank", "brokerage_total", "effective_size", "constraint")
TOOLTIP_METRICS = ("in_degree", "out_degree", "betweenness", "brokerage_total", "constraint")
BROKERS_SHOWN = 10


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    words = grouping_words(view.grouping, lang)  # "afdeling", "team", "locatie": the grouping shown
    grouping = view.person_grouping  # people carry this grouping (for managers: the organisational unit)
    st.title(t("network.title", lang))
    note = hidden_note(view, lang)
    if note is not None and view.hidden:  # what a manager's view leaves out, in counts (never names)
        st.caption(note)
    relations = view.relations
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    labels = view.group_labels()
    groups = sorted({str(g) for g in labels.unique()})
    person_level = view.person_level and view.people_count <= PERSON_LEVEL_LIMIT and len(labels) > 0
    if person_level:  # everyone first; the group level and one group with its bridges one click away
        focus_modes = ["all", "overview", "group"] + (["person"] if "person_focus" in view.capabilities else [])
    elif view.person_level and len(labels):  # too many people to draw at once
        focus_modes = ["overview", "group"]
    else:
        focus_modes = ["overview"]
    if st.session_state.get("net_focus") not in focus_modes:
        st.session_state["net_focus"] = focus_modes[0]
    if not set(st.session_state.get("net_groups", groups)) <= set(groups):
        st.session_state["net_groups"] = groups
    st.session_state.setdefault("net_groups", groups)

    filter_slot = st.container()
    controls, canvas = st.columns([1, 3], gap="medium")
    with controls:
        relation = relation_choice(relations, lang, "net_relation")
        focus = st.radio(t("network.focus", lang), focus_modes, key="net_focus",
                         format_func=lambda m: t(f"network.focus.{m}", lang, **words))
        shown_groups, focus_group, focus_person = groups, None, None
        if focus == "all":
            # across the page above the drawing (not in the narrow column): every department's full name
            # stays readable, and many departments wrap onto more lines
            shown_groups = filter_slot.multiselect(t("network.filter", lang, **words), groups, key="net_groups")
        elif focus == "group":
            focus_group = st.selectbox(t("network.focus_group", lang, **words), groups, key="net_focus_group")
        elif focus == "person":
            names = view.person_labels()
            people = sorted(names, key=lambda p: names[p].lower())
            focus_person = st.selectbox(t("network.focus_person", lang), people, key="net_focus_person",
                                        format_func=lambda p: f"{names[p]} ({p})")
        if focus != "overview":
            colour_modes = ["group"] + (["community"] if "community" in view.people(relation).columns else [])
            color_mode = st.selectbox(t("network.color", lang), colour_modes, key="net_color",
                                      format_func=lambda m: t("glance.color.community" if m == "community"
                                                              else f"network.color.{m}", lang, **words))
            size_by = st.selectbox(t("network.size", lang), ["", *SIZE_METRICS], key="net_size",
                                   format_func=lambda m: column_label(m, lang) if m else t("network.size.none", lang))
            show_brokers = st.toggle(t("network.brokers", lang), value=True, key="net_brokers",
                                     help=t("network.brokers.help", lang, **words))
            show_bridges = st.toggle(t("glance.bridges", lang), value=True, key="net_bridges",
                                     help=t("network.bridges", lang))
            physics = st.toggle(t("glance.physics", lang), value=False, key="net_physics",
                                help=t("glance.physics.help", lang))

    if focus == "overview":
        with canvas:
            if not view.person_level:
                st.info(unnamed_note(view, lang) or t("network.manager_empty", lang, **words))
            elif view.people_count > PERSON_LEVEL_LIMIT:
                st.info(t("network.too_large", lang, people=number(view.people_count, lang), **words))
            draw_group_level(view, relation, lang)
        return

    metrics = view.people(relation)
    G = view.graph(relation)
    if focus == "group" and focus_group is not None:
        H, subset = focus_subgraph(G, focus_group, grouping), ("group", focus_group)
    elif focus == "person" and focus_person is not None:
        H, subset = ego_subgraph(G, focus_person), ("person", focus_person)
    else:
        H = G.subgraph([p for p in G.nodes if labels.get(p) in set(shown_groups)])
        subset = ("groups", tuple(sorted(shown_groups)))
    brokers = (cross_group_brokers(metrics.loc[[p for p in H.nodes if p in metrics.index]], BROKERS_SHOWN)
               if show_brokers else [])
    bridge_people, bridge_edges = set(), set()
    if show_bridges:
        for person, pair in view.bridges():
            if person not in H:
                continue
            bridge_people.add(person)
            for u, v in list(H.in_edges(person)) + list(H.out_edges(person)):
                if labels.get(u) != labels.get(v) and (not pair or {labels.get(u), labels.get(v)} <= set(pair)):
                    bridge_edges.add((u, v))
    if color_mode == "community" and "community" in metrics.columns:
        colour: str | dict[Hashable, str] = {p: t("common.community", lang, number=int(c) + 1)
                                             for p, c in metrics["community"].dropna().items()}
    else:
        colour = grouping
    shown_metrics = [c for c in (*TOOLTIP_METRICS, size_by) if c and c in metrics.columns]
    tooltip = metrics[list(dict.fromkeys(shown_metrics))]
    key = (*view.key, relation, subset)
    if len(H) == 0:
        with canvas:
            st.warning(t("network.empty", lang))
        return
    html = person_drawing(H, key, tooltip, colour, f"{color_mode}:{lang}", size_by or None,
                          tuple(sorted(set(brokers) | bridge_people)), tuple(sorted(bridge_edges)), physics, lang)
    with canvas:
        st.iframe(html, height=690)
        st.caption(t("network.caption", lang, **words, nodes=number(H.number_of_nodes(), lang),
                     edges=number(H.number_of_edges(), lang)))
        names = view.person_labels()
        if brokers:
            st.markdown(t("network.brokers_list", lang, **words, names=", ".join(md(names.get(p, p)) for p in brokers)))
        if bridge_people:
            st.markdown(t("network.bridges_list", lang,
                          names=", ".join(md(names.get(p, p)) for p in sorted(bridge_people))))


if __name__ == "__main__":
    render(frame.current())
