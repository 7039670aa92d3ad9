"""People: a sortable, searchable table of people and their measures, with downloads."""

from __future__ import annotations

import streamlit as st

from ona.app import frame
from ona.app.keyplayers import render_key_players
from ona.app.widgets import column_label, relation_choice, unnamed_note
from ona.i18n import grouping_words, t
from ona.io import downloads

__all__ = ["render"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    st.title(t("people.title", lang))
    st.caption(t("people.help", lang))
    if not view.relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 2])
    relation = relation_choice(view.relations, lang, "people_relation", cols[0])
    frame_ = view.people(relation).reset_index()
    if frame_.empty:
        st.info(unnamed_note(view, lang) or t("network.manager_empty", lang, **grouping_words(view.grouping, lang)))
        return
    search = cols[1].text_input(t("people.search", lang), key="people_search")
    if search:  # by name, and by id or pseudonym
        searched = [c for c in ("name", "id", "person") if c in frame_.columns]
        hit = frame_[searched].fillna("").astype(str).apply(lambda c: c.str.contains(search, case=False, regex=False, na=False))
        frame_ = frame_[hit.any(axis=1)]
    if "brokerage_total" in frame_.columns:
        frame_ = frame_.sort_values("brokerage_total", ascending=False, kind="stable")
    shown = frame_.rename(columns={c: column_label(c, lang) for c in frame_.columns})
    st.dataframe(shown, hide_index=True, width="stretch", height=560, key="people_table")
    c1, c2, _ = st.columns([1, 1, 3])
    table = t("export.table.people", lang)
    c1.download_button(t("export.csv", lang, table=table), lambda: downloads.table_csv(frame_),
                       file_name=f"people_{relation}.csv", mime="text/csv", key="people_csv", on_click="ignore")
    c2.download_button(t("export.xlsx", lang, table=table),
                       lambda: downloads.tables_xlsx({f"{table} {relation}": frame_}),
                       file_name=f"people_{relation}.xlsx", key="people_xlsx", on_click="ignore", mime=XLSX)
    render_key_players(view, relation, lang)


if __name__ == "__main__":
    render(frame.current())
