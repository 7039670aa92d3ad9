"""People, for HR: a few explained columns by default (who connects departments, whom many depend on, who is
isolated, their department, whether they answered), every measure behind an "all measures" switch, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ona.app import frame
from ona.app.keyplayers import render_key_players
from ona.app.numbers import styled
from ona.app.widgets import column_label, hidden_note, relation_choice, unnamed_note
from ona.findings.confidence import HIGH_RESPONSE, band
from ona.i18n import grouping_words, percent, relation_label, t
from ona.io import downloads

__all__ = ["EXPLAINED", "explained_table", "render"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The columns shown by default, each with one sentence on what it means (``people.col.<name>`` and
#: ``people.col.<name>.help``): computed from the view's person table by :func:`explained_table`.
EXPLAINED = ("connects", "bridge", "depended_on", "isolated")


def explained_table(people: pd.DataFrame, bridges: set[str], grouping: str) -> pd.DataFrame:
    """The default People table: who someone is, and the four explained columns.

    Parameters
    ----------
    people : pandas.DataFrame
        ``view.people(relation)``, indexed by person key (id or pseudonym).
    bridges : set of str
        Person keys a link between groups hangs on (``view.bridges()``).
    grouping : str
        The roster column of the person's unit (``view.person_grouping``).

    Returns
    -------
    pandas.DataFrame
        ``person, name, <grouping>, responded, connects, bridge, depended_on, isolated`` (the columns the view
        has): *connects* the number of other departments someone has ties with, *bridge* whether a thin link
        between departments hangs on them, *depended_on* how many colleagues name them, *isolated* no tie either
        way (unknown, empty, for someone who did not answer and whom nobody named).
    """
    out = pd.DataFrame(index=people.index)
    out.index.name = people.index.name or "person"
    for column in ("name", grouping, "responded"):
        if column in people.columns:
            out[column] = people[column]
    received = pd.to_numeric(people.get("in_degree", pd.Series(0, index=people.index)), errors="coerce").fillna(0)
    sent = pd.to_numeric(people.get("out_degree", pd.Series(float("nan"), index=people.index)), errors="coerce")
    if "departments_reached" in people.columns:
        out["connects"] = people["departments_reached"].astype("Int64")
    out["bridge"] = [str(p) in bridges for p in people.index]
    out["depended_on"] = received.astype(int)
    answered = people["responded"].astype(bool) if "responded" in people.columns else sent.notna()
    isolated = pd.array([(r == 0 and s == 0) if a else (False if r > 0 else pd.NA)
                         for r, s, a in zip(received, sent.fillna(0), answered)], dtype="boolean")
    out["isolated"] = isolated
    return out.reset_index()


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    st.title(t("people.title", lang))
    note = hidden_note(view, lang)
    if note is not None and view.hidden:  # what a manager's view leaves out, in counts (never names)
        st.caption(note)
    if not view.relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 2, 1])
    relation = relation_choice(view.relations, lang, "people_relation", cols[0])
    people = view.people(relation)
    if people.empty:
        st.info(unnamed_note(view, lang) or t("network.manager_empty", lang, **grouping_words(view.grouping, lang)))
        return
    named = "name" in people.columns and people["name"].notna().any()
    search = cols[1].text_input(t("people.search" if named else "glance.search_code", lang), key="people_search")
    everything = cols[2].toggle(t("people.all", lang), key="people_all", help=t("people.all.help", lang))
    response = view.respondent_count / view.people_count if view.people_count else None
    if band(response) != "high":  # person-level figures rest on everyone's answers
        st.warning(t("people.low_response", lang, response=percent(response or 0, lang),
                     high=percent(HIGH_RESPONSE, lang)), icon=":material/info:")
    grouping = view.person_grouping if view.person_grouping in people.columns else "department"
    units = grouping_words(view.grouping, lang)  # "afdelingen", "teams": the grouping the reader chose
    if everything:
        st.caption(t("people.help", lang))
        table = people.reset_index()
        if "brokerage_total" in table.columns:
            table = table.sort_values("brokerage_total", ascending=False, kind="stable")
    else:
        heads = {c: t(f"people.col.{c}", lang, **units) for c in EXPLAINED}
        st.markdown("\n".join(f"- **{heads[c]}**: {t(f'people.col.{c}.help', lang, **units)}" for c in EXPLAINED))
        table = explained_table(people, {str(p) for p, _ in view.bridges()}, grouping)
        table = table.sort_values(["bridge", "connects", "depended_on"] if "connects" in table.columns
                                  else ["bridge", "depended_on"], ascending=False, kind="stable")
        if table["name"].isna().all() if "name" in table.columns else False:
            table = table.drop(columns="name")  # a manager's pseudonyms: nobody consented to be named
    if search:  # by name, and by id or pseudonym
        searched = [c for c in ("name", "id", "person") if c in table.columns]
        hit = table[searched].fillna("").astype(str).apply(
            lambda c: c.str.contains(search, case=False, regex=False, na=False))
        table = table[hit.any(axis=1)]
    labels = {c: (t(f"people.col.{c}", lang, **units) if c in EXPLAINED else column_label(c, lang))
              for c in table.columns}
    config = {labels[c]: st.column_config.Column(help=t(f"people.col.{c}.help", lang, **units)) for c in EXPLAINED
              if c in table.columns}
    shown = table.rename(columns=labels)
    st.dataframe(styled(shown, lang), hide_index=True, width="stretch", height=560, key="people_table",
                 column_config=config)
    c1, c2, _ = st.columns([1, 1, 3])
    name = t("export.table.people", lang)
    download = shown if not everything else table
    c1.download_button(t("export.csv", lang, table=name), lambda: downloads.table_csv(download),
                       file_name=f"people_{relation}.csv", mime="text/csv", key="people_csv", on_click="ignore")
    c2.download_button(t("export.xlsx", lang, table=name),
                       lambda: downloads.tables_xlsx({f"{name} {relation_label(relation, lang)}"[:31]: download}),
                       file_name=f"people_{relation}.xlsx", key="people_xlsx", on_click="ignore", mime=XLSX)
    render_key_players(view, relation, lang)


if __name__ == "__main__":
    render(frame.current())
