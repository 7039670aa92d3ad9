"""Start & upload: what was read, how it was read (questions and their relations), and names to decide on."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ona import samples
from ona.app import frame
from ona.app.widgets import column_label, hidden_note, md, show_error
from ona.i18n import STRINGS, number, percent, relation_label, t
from ona.io import downloads
from ona.io.expected import EXPECTED_COLUMNS
from ona.io.report_text import format_label
from ona.io.survey import read_resolutions, review_table
from ona.io.survey.questions import NETWORK_KINDS, RELATION_PATTERNS
from ona.model import OrgNetwork
from ona.report import issue_label

__all__ = ["render"]

UNDECIDED, NOT_ON_ROSTER = "__undecided__", "__not_on_roster__"
NOT_USED = "-"  # the question table's choice for "do not use this question" (an empty cell would read "None")


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
    unusable = getattr(context.error, "questions", None)  # an export none of whose questions could be used
    if "upload" in view.capabilities and (unusable or (data is not None and (data.kind == "upload" or tie_files))):
        upload_options(context)
    if data is not None and data.kind == "upload" and "upload" in view.capabilities:
        survey_expectations(context)
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
    """How an upload is read: relation name for plain lists, wave label, and every question with its relation.

    The question table is always there for a survey export, also when no question could be used: HR picks
    a relation for each question (or "not used") in place, and the export is read again.
    """
    lang = context.lang
    with st.expander(t("start.options", lang), expanded=False):
        left, right = st.columns(2)
        left.text_input(t("start.relation_name", lang), key="upload_relation_name")
        right.text_input(t("start.wave_label", lang), key="upload_wave")
    questions = getattr(context.error, "questions", None) or []
    if not questions and context.data is not None and context.data.kind == "upload":
        questions = context.data.net.report.details.get("questions") or []
    if not questions:
        return
    st.subheader(t("start.questions", lang))
    st.caption(t("ingest.app.questions.help", lang))
    relations = list(dict.fromkeys([*RELATION_PATTERNS, *(q["relation"] for q in questions if q.get("relation"))]))
    table = pd.DataFrame({
        "question": [str(q.get("text", "")) for q in questions],
        "relation": [(q.get("relation") or NOT_USED) if q.get("kind") in NETWORK_KINDS or q.get("mapped") else NOT_USED
                     for q in questions],
        "used": [_used_label(q, lang) for q in questions],
        "kind": [_kind_label(q, lang) for q in questions],
        "column": [str(q.get("column", "")) for q in questions],
    })
    with st.form("upload_mapping_form", border=False):
        edited = st.data_editor(
            table, disabled=["question", "kind", "used", "column"], hide_index=True, width="stretch",
            key="upload_mapping", column_config={
                "question": st.column_config.TextColumn(t("start.question", lang), width="large"),
                "relation": st.column_config.SelectboxColumn(
                    t("start.relation", lang), options=[NOT_USED, *relations], required=False,
                    format_func=lambda r: relation_label(r, lang) if r and r != NOT_USED
                    else t("ingest.app.not_used", lang)),
                "kind": st.column_config.TextColumn(t("start.kind", lang)),
                "used": st.column_config.TextColumn(t("ingest.app.status", lang), width="medium"),
                "column": st.column_config.TextColumn(t("start.column", lang)),
            })
        if st.form_submit_button(t("start.apply_mapping", lang), key="upload_mapping_apply"):
            changes = {}
            for question, after in zip(questions, edited["relation"]):
                after = str(after or "").strip()
                before = (question.get("relation") or NOT_USED) if question.get("kind") in NETWORK_KINDS else NOT_USED
                if after != before:  # the question's first column identifies it exactly ("column:F")
                    changes[str(question.get("key") or question.get("text"))] = after or None
            st.session_state["decisions_relations"] = {**st.session_state["decisions_relations"], **changes}
            st.rerun()


def _kind_label(question: dict[str, Any], lang: str) -> str:
    kind = str(question.get("kind", ""))
    label = t(f"ingest.kind.{kind}", lang) if f"ingest.kind.{kind}" in STRINGS else str(question.get("kind_label") or kind)
    purpose = question.get("purpose")
    return f"{label} · {t('ingest.purpose.' + purpose, lang)}" if purpose else label


def _used_label(question: dict[str, Any], lang: str) -> str:
    if question.get("kind") == "respondent":
        return t("ingest.app.respondent", lang)
    if question.get("used"):
        return t("ingest.app.used", lang)
    key = question.get("note_key")
    if key == "ingest.note.unclear":
        return t("ingest.app.unclear", lang)
    if key and f"{key}.short" in STRINGS:
        return t(f"{key}.short", lang)
    return t("ingest.app.not_used", lang)


def survey_expectations(context: frame.Context) -> None:
    """Expected pairs derived from the question about the groups one depends on: shown with their source, and
    used by the findings only once HR accepts them (edited if need be)."""
    data, lang = context.data, context.lang
    assert data is not None
    if st.session_state.get("data_expected") is not None:
        return  # a declared collaborations file wins
    grouping = context.view.grouping
    derived = frame.derived_expected(data.net, data.key, grouping)
    if derived.empty:
        return
    st.subheader(t("ingest.app.expected.title", lang))
    st.caption(t("ingest.app.expected.help", lang))
    store = st.session_state.setdefault("expected_accepted", {})
    slot = (str(data.key[1]), grouping)
    accepted = store.get(slot)
    groups = sorted(set(data.net.groups(grouping)) - {"(unknown)"})
    table = pd.DataFrame({
        "accept": [True] * len(derived) if accepted is None else [
            frozenset((a, b)) in {frozenset(p) for p in zip(accepted["group_a"], accepted["group_b"])}
            for a, b in zip(derived["group_a"], derived["group_b"])],
        "group_a": derived["group_a"].astype(str), "group_b": derived["group_b"].astype(str),
        "question": derived["collaboration"].astype(str),
        "support": derived["support"].astype(float),
    })
    with st.form("upload_expected_form", border=False):
        edited = st.data_editor(
            table, hide_index=True, width="stretch", num_rows="dynamic", key="upload_expected",
            disabled=["question", "support"], column_config={
                "accept": st.column_config.CheckboxColumn(t("ingest.app.expected.accept", lang), default=True),
                "group_a": st.column_config.SelectboxColumn(column_label(grouping, lang), options=groups,
                                                            required=True),
                "group_b": st.column_config.SelectboxColumn(column_label(grouping, lang), options=groups,
                                                            required=True),
                "question": st.column_config.TextColumn(t("ingest.app.expected.source", lang), width="large"),
                "support": st.column_config.ProgressColumn(t("ingest.app.expected.share", lang), format="percent",
                                                           min_value=0.0, max_value=1.0),
            })
        if st.form_submit_button(t("ingest.app.expected.apply", lang), key="upload_expected_apply", type="primary"):
            rows = edited.loc[edited["accept"].fillna(False).astype(bool)]
            rows = rows.loc[rows["group_a"].notna() & rows["group_b"].notna() & (rows["group_a"] != rows["group_b"])]
            frame_ = pd.DataFrame({
                "group_a": rows["group_a"].astype(str), "group_b": rows["group_b"].astype(str),
                "collaboration": rows["question"].fillna("").astype(str),
                "source": "survey", "support": pd.to_numeric(rows["support"], errors="coerce"),
            }, columns=list(EXPECTED_COLUMNS)).reset_index(drop=True)
            store[slot] = frame_
            st.rerun()
    if accepted is None:
        st.info(t("ingest.app.expected.waiting", lang))
    else:
        st.success(t("ingest.app.expected.accepted", lang, count=len(accepted)))


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
    st.markdown(f"**{t('start.format', lang)}:** {md(format_label(report.input_format, lang) or '—')}"
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
        st.warning(t("start.problems", lang, count=report.total))
        kinds = pd.DataFrame({t("start.kind", lang): [issue_label(k, lang) for k in issue_counts],
                              t("start.count", lang): list(issue_counts.values())})
        st.dataframe(kinds, hide_index=True, key="start_issue_counts")
        if "report_items" in view.capabilities:  # the items quote names as written
            with st.expander(t("start.all_items", lang, count=len(report.issues))):
                items = report.to_frame(lang)
                items["kind"] = items["kind"].map(lambda k: issue_label(k, lang))
                items = items.rename(columns={c: t(f"ingest.app.item.{c}", lang) for c in items.columns})
                st.dataframe(items, hide_index=True, width="stretch", key="start_issue_items")
                if report.omitted:
                    st.caption(t("ingest.app.omitted", lang, count=number(sum(report.omitted.values()), lang)))
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
