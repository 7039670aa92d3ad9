"""Start & upload: what was read, how it was read (questions and their relations), and names to decide on."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ona import samples
from ona.app import frame
from ona.app.widgets import column_label, hidden_note, label_of, md, show_error
from ona.i18n import number, percent, relation_label, t
from ona.io import downloads
from ona.io.survey import read_resolutions, review_table
from ona.model import OrgNetwork
from ona.report import ISSUE_KINDS

__all__ = ["render"]

PERSON_QUESTION_KINDS = ("names", "people", "person_scale")  # questions whose answers name people
UNDECIDED, NOT_ON_ROSTER = "__undecided__", "__not_on_roster__"


def render(context: frame.Context) -> None:
    view, lang, data = context.view, context.lang, context.data
    st.title(t("start.title", lang))
    st.markdown(t("start.intro", lang))
    if "upload" in view.capabilities:
        st.markdown(t("start.steps", lang))
    if context.error is not None:
        show_error(context.error, lang)
    roster_file, tie_files = st.session_state.get("data_roster"), st.session_state.get("data_ties")
    if roster_file is not None and not tie_files:
        st.warning(t("start.waiting_ties", lang))
    elif roster_file is None and tie_files:
        st.warning(t("start.waiting_roster", lang))
    if data is None:  # a published workspace
        st.info(t("workspace.note", lang, title=md(view.title)))
    elif data.kind == "sample":
        st.info(t("start.sample_note", lang, title=md(data.title), description=md(data.description)))
        if "upload" in view.capabilities:
            try_it_yourself(lang, str(data.key[1]))
    else:
        st.success(t("start.uploaded", lang, people=number(view.people_count, lang),
                     ties=number(sum(view.tie_counts.values()), lang)))
    if data is not None and (data.kind == "upload" or tie_files) and "upload" in view.capabilities:
        upload_options(context)
    what_was_read(context)


def try_it_yourself(lang: str, sample: str) -> None:
    """Download buttons for a sample's raw files, so a first-time user can try the upload flow."""
    files = samples.example_uploads(sample)
    if not files:
        return
    st.markdown(t("start.try_upload", lang))
    columns = st.columns(len(files))
    for column, (kind, path) in zip(columns, files.items()):
        column.download_button(
            t(f"start.try_{kind}", lang), path.read_bytes(), file_name=path.name, key=f"start_try_{kind}",
            icon=":material/download:",
        )


def upload_options(context: frame.Context) -> None:
    """How an upload is read: relation name for plain lists, wave label, and the question mapping."""
    lang, net = context.lang, context.data.net  # type: ignore[union-attr]
    with st.expander(t("start.options", lang), expanded=False):
        left, right = st.columns(2)
        left.text_input(t("start.relation_name", lang), key="upload_relation_name")
        right.text_input(t("start.wave_label", lang), key="upload_wave")
    questions = net.report.details.get("questions") if context.data.kind == "upload" else None  # type: ignore[union-attr]
    if not questions:
        return
    st.subheader(t("start.questions", lang))
    st.caption(t("start.questions.help", lang))
    mappable = [q for q in questions if q.get("kind") in PERSON_QUESTION_KINDS]
    others = [q for q in questions if q.get("kind") not in PERSON_QUESTION_KINDS]
    frame_ = pd.DataFrame({
        t("start.question", lang): [str(q.get("text", "")) for q in mappable],
        "relation": [q.get("relation") or "" for q in mappable],
        t("start.kind", lang): [str(q.get("kind_label") or q.get("kind", "")) for q in mappable],
        t("start.column", lang): [str(q.get("column", "")) for q in mappable],
    })
    with st.form("upload_mapping_form", border=False):
        edited = st.data_editor(
            frame_, disabled=[c for c in frame_.columns if c != "relation"], hide_index=True, width="stretch",
            key="upload_mapping", column_config={"relation": st.column_config.TextColumn(t("start.relation", lang))})
        if st.form_submit_button(t("start.apply_mapping", lang), key="upload_mapping_apply"):
            # the full question text identifies a question to the survey reader; empty means "do not use"
            changes = {}
            for question, after in zip(mappable, edited["relation"]):
                after = str(after or "").strip()
                if after != (question.get("relation") or ""):
                    changes[str(question.get("text"))] = after or None
            st.session_state["decisions_relations"] = {**st.session_state["decisions_relations"], **changes}
            st.rerun()
    if others:
        with st.expander(t("start.other_questions", lang, count=len(others))):
            st.dataframe(pd.DataFrame({
                t("start.question", lang): [str(q.get("text", "")) for q in others],
                t("start.relation", lang): [q.get("relation") or "—" for q in others],
                t("start.kind", lang): [str(q.get("kind_label") or q.get("kind", "")) for q in others],
            }), hide_index=True, width="stretch", key="upload_other_questions")


def what_was_read(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    report = view.report
    note = hidden_note(view, lang)
    if note is not None:
        st.subheader(t("views.privacy", lang))
        left, right = st.columns([1, 3])
        left.metric(t("views.min_group", lang), number(view.hidden.k, lang))
        right.markdown(note)
    st.subheader(t("start.check", lang))
    cols = st.columns(4)
    cols[0].metric(t("overview.people", lang), number(view.people_count, lang))
    rate = view.respondent_count / view.people_count if view.people_count else float("nan")
    cols[1].metric(t("overview.response", lang), percent(rate, lang),
                   help=t("overview.respondents", lang, respondents=view.respondent_count, people=view.people_count))
    counts = view.tie_counts
    cols[2].metric(t("field.ties", lang), number(sum(counts.values()), lang),
                   help=" · ".join(f"{relation_label(r, lang)}: {number(n, lang)}" for r, n in counts.items()))
    cols[3].metric(t("start.relations", lang), number(len(counts), lang))
    st.markdown(f"**{t('start.format', lang)}:** {md(report.input_format or '—')}"
                + (f" · **{t('start.platform', lang)}:** {md(report.details['platform'])}"
                   if report.details.get("platform") else ""))
    st.caption(" · ".join(f"{md(relation_label(r, lang))}: {number(n, lang)} {t('field.ties', lang).lower()}"
                          for r, n in counts.items()))
    if report.sources and "report_items" in view.capabilities:
        st.caption(f"{t('start.sources', lang)}: " + ", ".join(md(s) for s in report.sources))
    if "review" in view.capabilities and context.data is not None:
        review_names(context)
    st.subheader(t("start.report", lang))
    issue_counts = report.counts()
    if not issue_counts:
        st.success(t("start.no_problems", lang))
    else:
        st.warning(t("start.problems", lang, count=len(report.issues)))
        kinds = pd.DataFrame({t("start.kind", lang): [label_of("issue", k, lang, ISSUE_KINDS.get(k, k))
                                                      for k in issue_counts],
                              t("start.count", lang): list(issue_counts.values())})
        st.dataframe(kinds, hide_index=True, key="start_issue_counts")
        if "report_items" in view.capabilities:  # the items quote names as written
            with st.expander(t("start.all_items", lang, count=len(report.issues))):
                items = report.to_frame()
                items["kind"] = items["kind"].map(lambda k: label_of("issue", k, lang, ISSUE_KINDS.get(k, k)))
                st.dataframe(items, hide_index=True, width="stretch", key="start_issue_items")
    response = view.response()
    if len(response) > 1:
        st.subheader(t("start.response", lang))
        table = response.rename(columns={
            "group": column_label(view.grouping, lang), "people": t("field.people", lang),
            "respondents": t("field.respondents", lang), "response_rate": t("field.response_rate", lang)})
        st.dataframe(table, hide_index=True, key="start_response", column_config={
            t("field.response_rate", lang): st.column_config.ProgressColumn(format="percent", min_value=0.0,
                                                                           max_value=1.0)})


def review_entries(net: OrgNetwork) -> list[dict[str, Any]]:
    """Names still waiting for a decision: several candidates, or no match (with suggestions)."""
    details = net.report.details
    seen, entries = set(), []
    for status in ("review", "unmatched"):
        for entry in details.get(status, []) or []:
            key = (entry.get("mentioned_by") or "", entry.get("name"))
            if entry.get("decided") or key in seen:
                continue
            seen.add(key)
            candidates = entry.get("candidates") or entry.get("suggestions") or []
            entries.append({**entry, "status": status, "options": [str(c[0]) for c in candidates]})
    return entries


def review_names(context: frame.Context) -> None:
    """Let the analyst decide on names that fit several people (or nobody), then read the export again."""
    net, lang = context.data.net, context.lang  # type: ignore[union-attr]
    decided = st.session_state["decisions_resolutions"]
    entries = review_entries(net) if context.data.kind == "upload" else []  # type: ignore[union-attr]
    if not entries and not decided:
        return
    st.subheader(t("start.review", lang))
    names, departments = net.display_names().astype(str), net.roster["department"]

    def person(pid: str) -> str:
        if pid == UNDECIDED:
            return t("start.review.undecided", lang)
        if pid == NOT_ON_ROSTER:
            return t("start.review.not_on_roster", lang)
        dept = departments.get(pid)
        return f"{names.get(pid, pid)} ({pid}{', ' + str(dept) if isinstance(dept, str) else ''})"

    if entries:
        st.caption(t("start.review.help", lang))
        with st.form("upload_review_form"):
            choices = {}
            for i, entry in enumerate(entries):
                who = entry.get("mentioned_by") or ""
                label = t("start.review.item", lang, name=md(entry["name"]),  # widget labels are Markdown
                          by=md(names.get(who, who)) if who else "—", relation=md(entry.get("relation") or "—"))
                choices[(who, entry["name"])] = st.selectbox(
                    label, [UNDECIDED, *entry["options"], NOT_ON_ROSTER], format_func=person, key=f"upload_review_{i}")
            if st.form_submit_button(t("start.review.apply", lang), key="upload_review_apply", type="primary"):
                new = {(who, name) if who else name: (None if choice == NOT_ON_ROSTER else choice)
                       for (who, name), choice in choices.items() if choice != UNDECIDED}
                st.session_state["decisions_resolutions"] = {**decided, **new}
                st.rerun()
    left, right = st.columns(2)
    if entries:
        left.download_button(t("start.review.download", lang), lambda: downloads.table_csv(review_table(net)),
                             file_name="review.csv", mime="text/csv", key="upload_review_csv", on_click="ignore",
                             help=t("start.review.download.help", lang))
    decisions_file = right.file_uploader(t("start.review.upload", lang), type=["csv", "xlsx", "txt"],
                                         key="upload_decisions")
    if decisions_file is not None and st.session_state.get("decisions_file") != frame.digest(decisions_file.getvalue()):
        st.session_state["decisions_file"] = frame.digest(decisions_file.getvalue())
        from_file = read_resolutions(decisions_file.getvalue(), filename=decisions_file.name)
        st.session_state["decisions_resolutions"] = {**decided, **from_file}
        st.rerun()
    if decided:
        st.caption(t("start.review.done", lang, count=len(decided)))
        if st.button(t("start.review.clear", lang), key="upload_review_clear"):
            st.session_state["decisions_resolutions"] = {}
            st.rerun()


if __name__ == "__main__":
    render(frame.current())
