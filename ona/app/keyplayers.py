"""Key players on the People page: the few people who hold the organisation (or two groups) together, or reach it best.

Reads only ``view.graph(relation)`` (the people the reader may see, named as the reader may see them) and runs
Borgatti's key-player search (:func:`ona.measures.keyplayers.key_players`) on it when the reader asks; the result
is kept in the session for the same view, relation and question.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from ona.exceptions import OnaError
from ona.findings.keyplayers import KeyPlayerAnswer, key_player_text
from ona.i18n import number, t
from ona.measures.keyplayers import KeyPlayers, key_players
from ona.views import View

__all__ = ["KEY_PLAYER_TIME_LIMIT", "render_key_players"]

#: Seconds the search may take in the app (the result says when it stopped early).
KEY_PLAYER_TIME_LIMIT = 10.0
_AIMS = ("fragmentation", "reach")
_MIN_PEOPLE = 5


def _table(result: KeyPlayers, G: nx.DiGraph, grouping: str, lang: str) -> pd.DataFrame:
    answer = KeyPlayerAnswer.of(result, G, grouping)
    group = t(f"field.{grouping}", lang) if _known(f"field.{grouping}") else grouping
    rows = [{t("methods.app.kp.person", lang): name, group: unit, t("methods.app.kp.ties", lang): ties,
             t("methods.app.kp.contribution", lang): round(contribution, 3)}
            for name, unit, ties, contribution in answer.rows]
    return pd.DataFrame(rows)


def _known(key: str) -> bool:
    try:
        t(key, "en")
    except KeyError:
        return False
    return True


def _search(G: nx.DiGraph, k: int, aim: str, pair: tuple[str, ...], grouping: str, seed: int) -> KeyPlayers:
    return key_players(G, k, objective=aim, groups=pair or None, grouping=grouping,
                       time_limit=KEY_PLAYER_TIME_LIMIT, seed=seed)


def render_key_players(view: View, relation: str, lang: str, container: Any = st) -> None:
    """The key-player question for the People page: how many people, what for, and optionally a pair of groups."""
    G = view.graph(relation)
    if G.number_of_nodes() < _MIN_PEOPLE or G.number_of_edges() == 0:
        return
    grouping = view.person_grouping
    with container.expander(t("methods.app.kp.title", lang)):
        st.caption(t("methods.app.kp.help", lang))
        groups = sorted({str(g) for _, g in G.nodes(data=grouping) if g is not None and g == g})
        with st.form("key_players_form", border=False):
            c1, c2, c3 = st.columns([2, 1, 3])
            aim = c1.radio(t("methods.app.kp.aim", lang), _AIMS, key="kp_aim",
                           format_func=lambda a: t(f"methods.app.kp.aim.{a}", lang))
            k = int(c2.number_input(t("methods.app.kp.k", lang), min_value=1, max_value=10, value=3, step=1,
                                    key="kp_k"))
            pair = c3.multiselect(t("methods.app.kp.pair", lang), groups, max_selections=2, key="kp_pair",
                                  placeholder=t("methods.app.kp.pair.all", lang))
            asked = st.form_submit_button(t("methods.app.kp.search", lang), key="kp_search")
        question = (view.key, relation, aim, k, tuple(sorted(pair)))
        answers = st.session_state.setdefault("key_player_answers", {})
        if asked:
            if len(pair) == 1:
                st.info(t("methods.app.kp.pair.one", lang))
                return
            try:
                with st.spinner(t("methods.app.kp.searching", lang)):
                    answers[question] = _search(G, k, aim, tuple(pair), grouping, getattr(view, "seed", 0))
            except OnaError as exc:
                st.warning(exc.message(lang))
                return
        result = answers.get(question)
        if result is None:
            return
        st.markdown(key_player_text(result, lang))
        st.dataframe(_table(result, G, grouping, lang), hide_index=True, key="key_player_table")
        how = "exhaustive" if result.search == "exhaustive" else "swap"
        st.caption(t(f"methods.app.kp.search.{how}", lang, seconds=number(KEY_PLAYER_TIME_LIMIT, lang))
                   + ("" if result.complete else " " + t("methods.app.kp.stopped", lang)))
