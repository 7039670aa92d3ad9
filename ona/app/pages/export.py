"""Export: first a report and pictures for the meeting (PDF, PowerPoint, PNG/SVG) under plain names; then, for
analysts, tables (CSV, XLSX), the network (GEXF, GraphML, HTML), findings (Markdown) and a manager workspace."""

from __future__ import annotations

import re

import streamlit as st

from ona.app import frame
from ona.app.widgets import column_label, positions, relation_choice
from ona.documents import files
from ona.findings import findings_markdown
from ona.i18n import grouping_words, t
from ona.io import downloads
from ona.measures.metrics import PERSON_COLUMNS
from ona.views import View
from ona.viz.render import to_html

__all__ = ["render"]

TOOLTIP_METRICS = ("in_degree", "out_degree", "betweenness", "brokerage_total", "constraint")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def render(context: frame.Context) -> None:
    view, lang, grouping = context.view, context.lang, context.view.grouping
    st.title(t("export.title", lang))
    if "download_workspace" in view.capabilities:
        st.download_button(t("workspace.download", lang), view.workspace.to_zip,  # type: ignore[attr-defined]
                           file_name="ona_workspace.zip", mime="application/zip", key="export_workspace",
                           type="primary", on_click="ignore")
    relations = view.relations
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    relation = relation_choice(relations, lang, "export_relation")
    meeting(view, relation, lang)
    st.subheader(t("export.more", lang))
    group_label = column_label(grouping, lang)
    words = grouping_words(grouping, lang)
    tables = {}
    if view.person_level:
        tables[t("export.table.people", lang)] = view.people(relation).reset_index()
    tables[t("export.table.groups", lang, **words)] = view.groups(relation)
    tables[t("export.table.matrix", lang, **words)] = view.group_matrix(relation, "counts").reset_index(names=group_label)
    tables[t("export.table.density", lang)] = view.group_matrix(relation, "density").reset_index(names=group_label)
    if "raw_ties" in view.capabilities:
        tables[t("export.table.ties", lang)] = context.data.net.ties.copy()  # type: ignore[union-attr]
        tables[t("export.table.report", lang)] = view.report.to_frame()
    st.subheader(t("export.tables", lang))
    st.caption(t("export.formula_note", lang))
    st.download_button(t("export.workbook", lang), lambda: downloads.tables_xlsx(tables), file_name="ona.xlsx",
                       mime=XLSX, key="export_xlsx", type="primary", on_click="ignore")
    cols = st.columns(3)
    for i, (name, table) in enumerate(tables.items()):
        cols[i % 3].download_button(t("export.csv", lang, table=name), lambda table=table: downloads.table_csv(table),
                                    file_name=f"{name}.csv", mime="text/csv", key=f"export_csv_{i}",
                                    on_click="ignore")
    if view.person_level:
        st.subheader(t("export.network", lang))
        G = view.graph(relation)
        people = view.people(relation)
        metrics = people[[c for c in PERSON_COLUMNS if c in people.columns and c != "responded"]]
        c1, c2, c3 = st.columns(3)
        c1.download_button(t("export.gexf", lang), lambda: downloads.graph_gexf(G, metrics=metrics),
                           file_name=f"ona_{relation}.gexf", mime="application/xml", key="export_gexf",
                           on_click="ignore")
        c2.download_button(t("export.graphml", lang), lambda: downloads.graph_graphml(G, metrics=metrics),
                           file_name=f"ona_{relation}.graphml", mime="application/xml", key="export_graphml",
                           on_click="ignore")

        def drawing() -> bytes:
            page = to_html(G, color_by=grouping, metrics=metrics[[c for c in TOOLTIP_METRICS if c in metrics.columns]],
                           positions=positions(G, (*view.key, relation, "export")), lang=lang,
                           title=f"{view.title} · {relation}")
            return downloads.graph_html(page)

        c3.download_button(t("export.html", lang), drawing, file_name=f"ona_{relation}.html", mime="text/html",
                           key="export_html", help=t("export.html.help", lang), on_click="ignore")
    findings = view.findings()
    st.subheader(t("overview.findings", lang))
    names = view.person_labels()
    st.download_button(t("export.findings", lang),
                       lambda: findings_markdown(findings, lang, title=view.title, names=names),
                       file_name=f"ona_findings_{lang}.md", mime="text/markdown", key="export_findings",
                       on_click="ignore")
    if "publish" in view.capabilities and context.policy is not None:
        policy = context.policy
        st.subheader(t("export.publish", lang))
        st.caption(t("export.publish.help", lang, k=policy.k,
                     names=t("export.publish.pseudonyms" if policy.pseudonymises else "export.publish.consent",
                             lang)))
        st.download_button(t("export.publish.button", lang), lambda: frame.workspace_zip(context),
                           file_name="ona_workspace.zip", mime="application/zip", key="export_publish",
                           on_click="ignore")


def meeting(view: View, relation: str, lang: str) -> None:
    """The report (PDF, PowerPoint) and the pictures, made from the view: what this reader sees, nothing more."""
    st.subheader(t("export.meeting", lang))
    audience = "export.meeting.manager" if view.role == "manager" else "export.meeting.analyst"
    st.caption(f"{t('export.meeting.help', lang)} {t(audience, lang)}")
    stem = f"ona_{'rapport' if lang == 'nl' else 'report'}"
    c1, c2 = st.columns(2)
    c1.download_button(t("export.report.pdf", lang), lambda: files.report_file(view, lang, "pdf"),
                       file_name=f"{stem}.pdf", mime="application/pdf", key="export_report_pdf", type="primary",
                       on_click="ignore")
    c2.download_button(t("export.report.pptx", lang), lambda: files.report_file(view, lang, "pptx"),
                       file_name=f"{stem}.pptx", mime=PPTX, key="export_report_pptx", type="primary",
                       on_click="ignore")
    kinds = [kind for kind in files.PICTURES if kind != "network" or view.person_level]
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", relation).strip("_") or "relation"
    for column, kind in zip(st.columns(len(kinds)), kinds):
        column.download_button(t(f"export.picture.{kind}", lang),
                               lambda kind=kind: files.picture_file(view, kind, relation, lang=lang),
                               file_name=f"ona_{kind}_{slug}.png", mime="image/png", key=f"export_png_{kind}",
                               on_click="ignore")
    with st.expander(t("export.picture.svg", lang)):
        for column, kind in zip(st.columns(len(kinds)), kinds):
            column.download_button(t(f"export.picture.{kind}", lang).replace("PNG", "SVG"),
                                   lambda kind=kind: files.picture_file(view, kind, relation, lang=lang, format="svg"),
                                   file_name=f"ona_{kind}_{slug}.svg", mime="image/svg+xml",
                                   key=f"export_svg_{kind}", on_click="ignore")


if __name__ == "__main__":
    render(frame.current())
