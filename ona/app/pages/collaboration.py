"""Collaborations: for each declared collaboration the five conditions per member group, what the network shows,
the findings with suggestions from practice, and the joint process analysis sheet to print."""

from __future__ import annotations

import streamlit as st

from ona.app import frame
from ona.app.widgets import md, show_finding
from ona.documents.files import conditions_file
from ona.findings.collaboration_view import card_lines
from ona.i18n import count, number, t
from ona.measures.conditions import ALL_GROUPS
from ona.viz.conditions import conditions_chart
from ona.viz.render import group_colors
from ona.viz.sheet import process_sheet_html

__all__ = ["render"]


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    st.title(t("collab.title", lang))
    st.caption(t("collab.intro", lang))
    cards = view.collaborations()
    if not cards:
        st.info(t("collab.none", lang))
        return
    names = [card.name for card in cards]
    if st.session_state.get("collab_pick") not in names:
        st.session_state["collab_pick"] = names[0]
    chosen = st.radio(t("collab.pick", lang), names, key="collab_pick", horizontal=True)
    card = cards[names.index(chosen)]
    st.markdown(md(t("collab.groups", lang, groups=", ".join(card.groups))))
    lines = card_lines(card, lang)
    if len(card.scores):
        st.subheader(t("collab.scores", lang))
        shown = [g for g in card.scores.index if g in card.groups or g == ALL_GROUPS]
        colours = group_colors([str(g) for g in view.groups_shown()])  # as in the network and the report
        st.altair_chart(conditions_chart(card.scores.loc[shown], lang, card.answers.reindex(shown), colours),
                        width="stretch", key=f"collab_chart_{names.index(chosen)}")
        others = [g for g in card.scores.index if g not in shown]
        if others:
            answered = int(card.answers.loc[others].max(axis=1).sum())
            st.caption(t("collab.others", lang, count=count(answered, "person", lang)))
        index = names.index(chosen)
        png, svg = st.columns(2)
        png.download_button(t("collab.chart.png", lang), lambda: conditions_file(view, chosen, lang=lang),
                            file_name=f"ona_voorwaarden_{index + 1}.png" if lang == "nl" else
                            f"ona_conditions_{index + 1}.png", mime="image/png", key=f"collab_png_{index}",
                            on_click="ignore")
        svg.download_button(t("collab.chart.svg", lang),
                            lambda: conditions_file(view, chosen, lang=lang, format="svg"),
                            file_name=f"ona_voorwaarden_{index + 1}.svg" if lang == "nl" else
                            f"ona_conditions_{index + 1}.svg", mime="image/svg+xml", key=f"collab_svg_{index}",
                            on_click="ignore")
    else:
        st.info(t("collab.no_conditions", lang))
    if lines:
        st.subheader(t("collab.network", lang))
        st.markdown("\n".join(f"- {md(line)}" for line in lines))
    if card.findings:
        st.subheader(t("collab.findings", lang))
        labels = view.person_labels()
        for i, finding in enumerate(card.findings, start=1):
            show_finding(finding, i, labels, lang, key=f"collab_{names.index(chosen)}")
    if len(card.groups) < 2:
        return
    st.subheader(t("collab.sheet", lang))
    pairs = [(a, b) for i, a in enumerate(card.groups) for b in card.groups[i + 1:]]
    pair = pairs[0]
    if len(pairs) > 1:
        shown = [f"{a} – {b}" for a, b in pairs]
        pair = pairs[shown.index(st.selectbox(t("collab.sheet.pick", lang), shown, key="collab_sheet_pair"))]
    sheet = view.process_sheet(*pair, lang=lang)
    if sheet is None:
        return
    st.markdown(f"**{md(sheet.title)}**  \n{md(sheet.intro)}")
    st.markdown(f"**{t('collab.sheet.carriers', lang)}** — " + ", ".join(
        f"{md(g)}: {number(n, lang)}" for g, n in sheet.carriers_by_group.items()))
    if len(sheet.carriers):
        st.dataframe(sheet.carriers, hide_index=True, width="stretch", key="collab_sheet_carriers")
    st.markdown(f"**{t('collab.sheet.ties', lang)}**")
    st.dataframe(sheet.ties, hide_index=True, width="stretch", key="collab_sheet_ties")
    if len(sheet.conditions):
        st.markdown(f"**{t('collab.sheet.conditions', lang)}**")
        shown_conditions = sheet.conditions.apply(lambda column: [number(v, lang, 1) if v == v else "–" for v in column])
        st.dataframe(shown_conditions, width="stretch", key="collab_sheet_conditions")
    st.markdown(f"**{t('collab.sheet.questions', lang)}**")
    st.markdown("\n".join(f"{i}. {md(q)}" for i, q in enumerate(sheet.questions, start=1)))
    st.caption(t("collab.sheet.print", lang))
    st.download_button(t("collab.sheet.download", lang), process_sheet_html(sheet).encode("utf-8"),
                       file_name=f"procesanalyse_{sheet.a}_{sheet.b}.html".replace(" ", "_"), mime="text/html",
                       key="collab_sheet_download")


if __name__ == "__main__":
    render(frame.current())
