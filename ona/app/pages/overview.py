"""Overview: people, response, ties per relation, and the ranked findings with their evidence."""

from __future__ import annotations

import streamlit as st

from ona.app import frame
from ona.app.widgets import hidden_note, md, show_finding, summary_table
from ona.i18n import number, percent, relation_label, t

__all__ = ["render"]


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    st.title(t("overview.title", lang))
    st.caption(md(view.title) + (f" · {t('app.wave', lang)} {md(view.wave)}" if view.wave else ""))
    counts = view.tie_counts
    cols = st.columns(3 + len(counts))
    cols[0].metric(t("overview.people", lang), number(view.people_count, lang))
    rate = view.respondent_count / view.people_count if view.people_count else float("nan")
    cols[1].metric(t("overview.response", lang), percent(rate, lang),
                   help=t("overview.respondents", lang, respondents=view.respondent_count, people=view.people_count))
    cols[2].metric(t("overview.groups", lang), number(len(view.groups_shown()), lang))
    for col, (relation, n) in zip(cols[3:], counts.items()):
        col.metric(t("overview.ties", lang, relation=relation_label(relation, lang)), number(n, lang))
    if not view.relations:
        st.warning(t("app.no_relation", lang))
        return
    st.subheader(t("overview.findings", lang))
    with st.spinner(t("app.analysing", lang)):
        findings = view.findings()
    if view.expected is not None and len(view.expected):
        st.caption(t("overview.expected", lang, count=len(view.expected)))
    note = hidden_note(view, lang)
    if note is not None and view.hidden:
        st.caption(note)
    if not findings:
        st.success(t("overview.no_findings", lang))
    labels = view.person_labels()
    for i, finding in enumerate(findings):
        show_finding(finding, i, labels, lang)
    with st.expander(t("overview.network_figures", lang)):
        st.dataframe(summary_table(view.summary(), view.relations, lang, view.grouping), width="stretch", key="overview_summary")


if __name__ == "__main__":
    render(frame.current())
