"""Change: two survey waves compared — kept, new and lost ties, and where new cross-group ties came from."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pandas as pd
import streamlit as st

from ona.app import frame
from ona.app.widgets import column_label, md, relation_choice, show_finding
from ona.i18n import count, grouping_words, number, relation_label, t
from ona.io import downloads
from ona.model import OrgNetwork
from ona.views import Change, View

__all__ = ["render"]

GAIN_FIELDS = ("panel_respondents", "cross_before", "cross_after", "gain")
GROWTH_COLOUR, LOSS_COLOUR = (44, 160, 44), (214, 39, 40)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Wave = tuple[OrgNetwork, tuple[Hashable, ...]]


@st.cache_data(show_spinner=False, max_entries=8)
def compare(_view: View, view_key: tuple, _before: OrgNetwork, _after: OrgNetwork, key: tuple) -> Change | None:
    return _view.compare(_before, _after)


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    words = grouping_words(view.grouping, lang)
    st.title(t("change.title", lang))
    st.caption(t("change.intro", lang))
    waves = choose_waves(context)
    if waves is None:
        return
    (before, before_key), (after, after_key) = waves
    with st.spinner(t("app.analysing", lang)):
        tables = compare(view, view.key, before, after, (before_key, after_key))
    if tables is None:
        st.info(t("change.small_panel", lang, k=context.policy.k if context.policy else 5))
        return
    before_label, after_label = md(tables.before_wave), md(tables.after_wave)
    st.markdown(t("change.comparing", lang, before=before_label, after=after_label))
    if view.hidden.k:
        st.caption(t("change.manager_note", lang, k=view.hidden.k, **words))

    st.subheader(t("change.relations", lang))
    st.caption(t("change.relations.help", lang, panel=number(tables.panel, lang)))
    relations = tables.relations.assign(relation=tables.relations["relation"].map(lambda r: relation_label(r, lang)))
    st.dataframe(relations.rename(columns={c: column_label(c, lang) for c in relations.columns}), hide_index=True,
                 key="change_relations", column_config={
                     column_label("jaccard", lang): st.column_config.NumberColumn(format="%.2f")})

    st.subheader(t("change.findings", lang))
    if not tables.findings:
        st.success(t("change.no_findings", lang))
    labels = view.person_labels()
    for i, finding in enumerate(tables.findings):
        show_finding(finding, i, labels, lang, key="change")

    relation = relation_choice(list(tables.matrices), lang, "change_relation")
    st.subheader(t("change.pairs", lang, **words))
    st.caption(t("change.pairs.help", lang, before=before_label, after=after_label))
    first, second = tables.matrices[relation]
    st.dataframe(change_matrix(second - first, column_label(view.grouping, lang)), key="change_pairs")
    with st.expander(t("change.pairs.all", lang)):
        st.dataframe(pair_table(first, second, lang), hide_index=True, width="stretch", key="change_pairs_all")

    st.subheader(t("change.spread", lang, **words))
    st.caption(t("change.spread.help", lang))
    show_spread(tables.spread[tables.spread["relation"] == relation], lang)
    for title, table, unit in (("change.teams", tables.teams, "team"), ("change.groups", tables.groups, "group")):
        rows = table[table["relation"] == relation][[unit, *GAIN_FIELDS]]
        st.markdown(f"**{t(title, lang, **words)}**")
        st.dataframe(rows.rename(columns={unit: column_label(view.grouping if unit == "group" else unit, lang),
                                          **{c: column_label(c, lang) for c in GAIN_FIELDS}}),
                     hide_index=True, width="stretch", key=f"change_{unit}s", column_config={
                         column_label(c, lang): st.column_config.NumberColumn(format="%+.2f" if c == "gain" else "%.2f")
                         for c in GAIN_FIELDS if c != "panel_respondents"})
    workbook = {t("change.relations", lang)[:31]: tables.relations,
                t("change.pairs", lang, **words)[:31]: pd.concat(
                    [pair_table(*m, lang).assign(**{t("field.relation", lang): r}) for r, m in tables.matrices.items()]),
                t("change.teams", lang): tables.teams, t("change.groups", lang, **words)[:31]: tables.groups,
                t("field.origin", lang): tables.spread}
    st.download_button(t("change.download", lang), lambda: downloads.tables_xlsx(workbook),
                       file_name="ona_change.xlsx", mime=XLSX, key="change_xlsx", on_click="ignore")


def choose_waves(context: frame.Context) -> tuple[Wave, Wave] | None:
    """The sample's waves chosen on the page, or the current upload and a second one uploaded here."""
    data, lang, view = context.data, context.lang, context.view
    if data is None:  # a published workspace holds one wave
        st.info(t("workspace.no_change", lang))
        return None
    if data.kind == "sample":
        name = str(data.key[1])
        waves = frame.sample_waves(name)
        if len(waves) < 2:
            st.info(t("change.one_wave", lang))
            return None
        for widget, default in (("change_before", waves[0]), ("change_after", waves[-1])):
            if st.session_state.get(widget) not in waves:
                st.session_state[widget] = default
        c1, c2, _ = st.columns([1, 1, 2])
        first = c1.selectbox(t("change.before", lang), waves, key="change_before")
        second = c2.selectbox(t("change.after", lang), waves, key="change_after")
        if first == second:
            st.info(t("change.same", lang))
            return None
        return tuple((frame.load_sample(name, w), ("sample", name, w)) for w in (first, second))  # type: ignore[return-value]
    if "upload" not in view.capabilities:
        st.info(t("change.manager_upload", lang))
        return None
    return upload_other_wave(context)


def upload_other_wave(context: frame.Context) -> tuple[Wave, Wave] | None:
    """The current upload and the other wave uploaded on this page, earlier wave first."""
    data, lang = context.data, context.lang
    assert data is not None
    st.session_state.setdefault("change_current_label", data.net.wave or "1")
    st.session_state.setdefault("change_wave_label", "2")
    with st.container(border=True):
        st.subheader(t("change.upload", lang))
        st.caption(t("change.upload.help", lang))
        c1, c2 = st.columns(2)
        tie_files = c1.file_uploader(t("change.upload.ties", lang), type=["csv", "xlsx", "txt"],
                                     accept_multiple_files=True, key="change_ties")
        roster_file = c2.file_uploader(t("change.upload.roster", lang), type=["csv", "xlsx", "txt"],
                                       key="change_roster")
        c1, c2, c3 = st.columns(3)
        current_label = c1.text_input(t("change.current_label", lang), key="change_current_label").strip() or "1"
        other_label = c2.text_input(t("change.wave_label", lang), key="change_wave_label").strip() or "2"
        order = c3.radio(t("change.order", lang), ["later", "earlier"], key="change_order", horizontal=True,
                         format_func=lambda o: t(f"change.order.{o}", lang))
    if not tie_files:
        st.info(t("change.upload.wait", lang, title=md(data.title)))
        return None
    if roster_file is None:
        roster_file = st.session_state.get("data_roster")  # the current upload's roster
    roster = (roster_file.name, roster_file.getvalue())
    ties = tuple((f.name, f.getvalue()) for f in tie_files)
    decisions = frame.upload_decisions()
    with st.spinner(t("app.loading", lang)):
        other = frame.load_upload(roster, ties, *decisions, other_label)
    current = data.net if data.net.wave == current_label else data.net.with_changes(wave=current_label)
    pair: list[Wave] = [(current, (*data.key, current_label)),
                        (other, ("upload", frame.digest(roster[1], *(b for _, b in ties)), decisions, other_label))]
    return (pair[0], pair[1]) if order == "later" else (pair[1], pair[0])


def change_matrix(change: pd.DataFrame, group_label: str) -> Any:
    """The change in cross-group ties as a table coloured like a heatmap: green grew, red shrank, grey inside."""
    matrix = change.astype(float).copy()
    inside = [(g, g) for g in matrix.index.intersection(matrix.columns)]
    for cell in inside:
        matrix.loc[cell] = 0.0  # ties inside a group are not cross ties: shown as "–"
    matrix.index.name, matrix.columns.name = group_label, None
    largest = float(matrix.abs().max().max()) if len(matrix) else 0.0

    def colour(value: float) -> str:
        if value == 0 or largest == 0:
            return ""
        r, g, b = GROWTH_COLOUR if value > 0 else LOSS_COLOUR
        return f"background-color: rgba({r}, {g}, {b}, {0.15 + 0.6 * abs(value) / largest:.2f})"

    def colours(frame_: pd.DataFrame) -> pd.DataFrame:
        css = frame_.map(colour)
        for cell in inside:
            css.loc[cell] = "background-color: #e8e8e8; color: #888"
        return css

    styler = matrix.style.apply(colours, axis=None).format(lambda v: f"{v:+.0f}" if v else "0")
    for cell in inside:  # Streamlit shows a missing value as "None", so the diagonal is 0 drawn as a dash
        styler = styler.format("–", subset=pd.IndexSlice[[cell[0]], [cell[1]]])
    return styler


def pair_table(first: pd.DataFrame, second: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per ordered pair of different groups: ties before, after and the change, largest change first."""
    rows = [(a, b, int(first.at[a, b]), int(second.at[a, b])) for a in first.index for b in first.columns
            if a != b and a in second.index and b in second.columns]
    frame_ = pd.DataFrame(rows, columns=["source", "target", "before", "after"])
    frame_["change"] = frame_["after"] - frame_["before"]
    frame_ = frame_.iloc[frame_["change"].abs().sort_values(ascending=False, kind="stable").index]
    return frame_.rename(columns={c: column_label(c, lang) for c in frame_.columns}).reset_index(drop=True)


def show_spread(spread: pd.DataFrame, lang: str) -> None:
    """Where the cross-group gain started and how far it reached, as four figures."""
    if spread.empty:
        st.info(t("change.spread.none", lang))
        return
    row = spread.iloc[0]

    def gain(value: Any) -> str:
        return "—" if pd.isna(value) else ("+" if value >= 0 else "") + number(float(value), lang, 1)

    unit = column_label("team" if row["unit"] == "team" else "group", lang)
    st.markdown(f"**{t('field.origin', lang)} ({unit.lower()}):** {md(row['origin'])}")
    cols = st.columns(3)
    cols[0].metric(t("field.origin_gain", lang), gain(row["origin_gain"]))
    cols[1].metric(t("field.contacts_gain", lang), gain(row["contacts_gain"]),
                   help=f"{t('field.contacts', lang)}: {count(int(row['contacts']), 'person', lang)}")
    cols[2].metric(t("field.others_gain", lang), gain(row["others_gain"]))


if __name__ == "__main__":
    render(frame.current())
