"""ona's Streamlit app: upload a network survey, check it, and explore silos, gaps and bridges.

Run it with ``streamlit run app.py`` (or ``ona app``). This file is a thin layer
over the ``ona`` package: every number comes from ``ona``; here live the
widgets, the layout and the caching. Heavy work is cached on the uploaded bytes
and the parameters; ``ona`` errors (``OnaError``) appear as one sentence saying
what to do, never as a traceback. The role (analyst or manager) is decided on
the server by :func:`ona.privacy.resolve_role`; managers see privacy-filtered
views only.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from ona import privacy, samples
from ona.io import downloads as export
from ona.measures.analysis import Analysis, analyze
from ona.findings.change import WaveComparison, change_findings, compare_waves
from ona.exceptions import OnaError
from ona.io.expected import read_expected
from ona.findings import ALL_RELATIONS, EVIDENCE_LABELS, KIND_TITLES, Finding, find_findings, findings_markdown, link_carriers, person_labels
from ona.i18n import LANGUAGE_NAMES, LANGUAGES, count, number, percent, preferred_language, relation_label, t
from ona.io.ingest import load_network
from ona.viz.layout import PERSON_LEVEL_LIMIT, ego_subgraph, focus_subgraph, group_graph, seeded_layout
from ona.measures.metrics import PERSON_COLUMNS
from ona.model import OrgNetwork
from ona.workspace import Workspace, build_workspace, load_workspace
from ona.viz.render import group_graph_html, to_html
from ona.io.survey import read_resolutions, review_table
from ona.report import ISSUE_KINDS
from ona.io.report_text import response_table


PAGES = ("start", "overview", "network", "groups", "people", "change", "export")
PAGE_ICONS = {"start": ":material/upload_file:", "overview": ":material/insights:", "network": ":material/hub:",
              "groups": ":material/grid_view:", "people": ":material/person_search:",
              "change": ":material/compare_arrows:", "export": ":material/download:"}
SIZE_METRICS = ("in_degree", "betweenness", "pagerank", "brokerage_total", "effective_size", "constraint")
TOOLTIP_METRICS = ("in_degree", "out_degree", "betweenness", "brokerage_total", "constraint")
CROSS_GROUP_ROLES = ("brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison")
ROSTER_COLUMNS = ("name", "department", "team", "role")
PERSON_QUESTION_KINDS = ("names", "people", "person_scale")  # questions whose answers name people
SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "blue", "info": "gray"}
SUMMARY_FIGURES = ("density", "reciprocity", "transitivity", "ei_index_network", "modularity_departments",
                   "communities", "nmi_departments", "components")
BROKERS_SHOWN = 10
SEED = 0
UNDECIDED, NOT_ON_ROSTER = "__undecided__", "__not_on_roster__"


# -- data: what is being looked at ---------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """The network on screen, a hashable key identifying it for the caches, and what it is."""

    net: OrgNetwork
    key: tuple[Hashable, ...]
    kind: str  # "sample" or "upload"
    title: str
    description: str = ""
    expected: pd.DataFrame | None = None


@dataclass(frozen=True)
class View:
    """Everything a page needs: the data, its analysis, the language, the grouping and the role."""

    data: Dataset
    analysis: Analysis
    group_by: str
    lang: str
    role: privacy.Role
    policy: privacy.PrivacyPolicy

    @property
    def net(self) -> OrgNetwork:
        return self.data.net

    @property
    def manager(self) -> bool:
        return self.role.is_manager


@st.cache_data(show_spinner=False)
def sample_table(names: tuple[str, ...]) -> pd.DataFrame:
    """The samples' titles, waves and descriptions (keyed on the sample names, so a new sample shows up)."""
    return samples.list_samples()


@st.cache_data(show_spinner=False, max_entries=8)
def load_sample(name: str, wave: str | None) -> OrgNetwork:
    return samples.load(name, wave=wave)


@st.cache_data(show_spinner=False, max_entries=8)
def load_sample_expected(name: str, _net: OrgNetwork, wave: str | None, group_by: str) -> pd.DataFrame | None:
    path = samples.expected_collaborations_path(name)
    if path is None or not path.exists():
        return None
    return read_expected(path, _net, attribute=group_by)


def _named_bytes(name: str, data: bytes) -> io.BytesIO:
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


@st.cache_data(show_spinner=False, max_entries=4)
def load_upload(
    roster: tuple[str, bytes],
    ties: tuple[tuple[str, bytes], ...],
    relation: str | None,
    relations: tuple[tuple[str, str | None], ...],
    resolutions: tuple[tuple[Any, str | None], ...],
    wave: str | None,
) -> OrgNetwork:
    tie_sources = [_named_bytes(name, data) for name, data in ties]
    return load_network(
        tie_sources if len(tie_sources) > 1 else tie_sources[0],
        _named_bytes(*roster),
        relation=relation or None,
        relations=dict(relations) or None,
        resolutions=dict(resolutions) or None,
        wave=wave or None,
        name=ties[0][0].rsplit(".", 1)[0],
        filename=ties[0][0] if len(ties) == 1 else None,
    )


@st.cache_data(show_spinner=False, max_entries=4)
def load_upload_expected(file: tuple[str, bytes], _net: OrgNetwork, key: tuple, group_by: str) -> pd.DataFrame:
    return read_expected(file[1], _net, attribute=group_by, filename=file[0])


@st.cache_data(show_spinner=False, max_entries=4)
def open_workspace(source: str | bytes, stamp: float | None = None) -> Workspace:
    """A published workspace from a path (with its modification time as cache key) or zip bytes."""
    return load_workspace(source if isinstance(source, bytes) else Path(source))


@st.cache_data(show_spinner=False, max_entries=4)
def publish_zip(_net: OrgNetwork, key: tuple, group_by: str, _expected: pd.DataFrame | None, expected_key: str,
                _policy: privacy.PrivacyPolicy, policy_key: tuple, _analysis: Analysis, lang: str) -> bytes:
    workspace = build_workspace(_net, policy=_policy, expected=_expected, lang=lang, seed=SEED, group_by=group_by,
                                analysis=_analysis)
    return workspace.to_zip()


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:16]


# -- cached analyses (a network is passed as _net and identified by its key) ----------------------


@st.cache_data(show_spinner=False, max_entries=8)
def manager_net(_net: OrgNetwork, key: tuple, group_by: str, _policy: privacy.PrivacyPolicy,
                policy_key: tuple) -> OrgNetwork:
    """The network managers' views are computed on: without groups too small even when merged."""
    return privacy.manager_network(_net, _policy, attribute=group_by)


@st.cache_data(show_spinner=False, max_entries=8)
def run_analysis(_net: OrgNetwork, key: tuple, group_by: str, _label: str) -> Analysis:
    bar = st.progress(0.0, text=_label)  # created inside, so a cache hit replays nothing visible
    result = analyze(_net, group_by=group_by, seed=SEED,
                     progress=lambda step, fraction: bar.progress(fraction, text=f"{_label} {step}"))
    bar.empty()
    return result


@st.cache_data(show_spinner=False, max_entries=8)
def run_findings(_net: OrgNetwork, key: tuple, group_by: str, _expected: pd.DataFrame | None,
                 expected_key: str) -> list[Finding]:
    return find_findings(_net, expected=_expected, attribute=group_by, seed=SEED)


@st.cache_data(show_spinner=False, max_entries=32)
def positions(_G: nx.Graph, key: tuple) -> dict[Hashable, tuple[float, float]]:
    return seeded_layout(_G, seed=SEED)


@st.cache_data(show_spinner=False, max_entries=32)
def person_drawing(
    _G: nx.Graph,
    key: tuple,
    _metrics: pd.DataFrame | None,
    _colour: str | dict[Hashable, str],
    colour_key: str,
    size_by: str | None,
    highlight: tuple[Hashable, ...],
    bridges: tuple[tuple[Hashable, Hashable], ...],
    physics: bool,
    lang: str,
) -> str:
    return to_html(_G, color_by=_colour, size_by=size_by, metrics=_metrics, highlight=highlight, bridges=bridges,
                   positions=positions(_G, key), physics=physics, lang=lang)


@st.cache_data(show_spinner=False, max_entries=16)
def group_drawing(_H: nx.DiGraph, key: tuple, _metrics: pd.DataFrame | None,
                  highlight: tuple[tuple[str, str], ...], lang: str) -> str:
    return group_graph_html(_H, metrics=_metrics, highlight_edges=highlight, lang=lang)


# -- the role (decided on the server, never by a widget) ----------------------------------------------


def current_role() -> tuple[privacy.Role, privacy.PrivacyPolicy]:
    secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else None
    email = st.user.get("email") if st.user.get("is_logged_in") else None
    role = privacy.resolve_role(env=os.environ, secrets=secrets, user_email=str(email) if email else None)
    settings = (secrets or {}).get("ona", {}) if isinstance((secrets or {}).get("ona", {}), dict) else {}
    size = os.environ.get("ONA_MIN_GROUP_SIZE") or settings.get("min_group_size") or 5
    try:
        k = int(size)
    except (TypeError, ValueError):
        raise OnaError(f"ONA_MIN_GROUP_SIZE should be a whole number such as 5, not {size!r}.") from None
    key = privacy.key_from_env(env=os.environ) or settings.get("pseudonym_key")
    groups_only = str(os.environ.get("ONA_GROUPS_ONLY") or settings.get("groups_only") or "").lower()
    person_level = groups_only not in ("1", "true", "yes", "ja")
    return role, privacy.PrivacyPolicy(min_group_size=k, key=key, person_level=person_level)


# -- small helpers ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """User text made inert for st.markdown: no links, emphasis, HTML, LaTeX or colour directives."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def show_error(exc: OnaError) -> None:
    st.error(str(exc), icon=":material/error:")


def group_labels(view: View) -> pd.Series:
    """Each person's group as this role sees it: small groups merged into "(other)" for managers."""
    if view.manager:
        return privacy.screen_groups(view.net, view.policy, attribute=view.group_by).labels
    return view.net.groups(view.group_by)


def relations_with_ties(net: OrgNetwork) -> list[str]:
    counts = net.ties["relation"].value_counts()
    return [r for r in net.relations if counts.get(r, 0) > 0]


def display_names(net: OrgNetwork) -> pd.Series:
    return net.display_names().astype(str)


def label_of(prefix: str, key: str, lang: str, fallback: str | None = None) -> str:
    try:
        return t(f"{prefix}.{key}", lang)
    except KeyError:
        return fallback if fallback is not None else key.replace("_", " ")


def column_label(column: str, lang: str) -> str:
    return label_of("field", column, lang, label_of("metric", column, lang))


def localised(value: Any, lang: str) -> Any:
    if isinstance(value, dict):
        return value.get(lang) or value.get("en") or next(iter(value.values()), "")
    return value


def relation_people(analysis: Analysis, relation: str) -> pd.DataFrame:
    """One relation's person measures (unprefixed) next to the roster columns and the community."""
    people = analysis.people
    roster = people[[c for c in (*ROSTER_COLUMNS, "responded") if c in people.columns]]
    columns = {f"{relation}_{m}": m for m in PERSON_COLUMNS if f"{relation}_{m}" in people.columns}
    frame = roster.join(people[list(columns)].rename(columns=columns))
    if f"community_{relation}" in people.columns:
        frame["community"] = people[f"community_{relation}"]
    return frame


def relation_groups(analysis: Analysis, relation: str) -> pd.DataFrame:
    table = analysis.groups
    return table[table["relation"] == relation].drop(columns="relation").reset_index(drop=True)


def cross_group_brokers(metrics: pd.DataFrame, limit: int = BROKERS_SHOWN) -> list[str]:
    """People with the most Gould-Fernandez brokerage *between* groups (gatekeeper, representative, liaison)."""
    columns = [c for c in CROSS_GROUP_ROLES if c in metrics.columns]
    if not columns or metrics.empty:
        return []
    ranked = pd.DataFrame({"score": metrics[columns].fillna(0).sum(axis=1),
                           "betweenness": metrics["betweenness"].fillna(0) if "betweenness" in metrics else 0.0})
    ranked = ranked[ranked["score"] > 0].sort_values(["score", "betweenness"], ascending=False, kind="stable")
    return ranked.index[:limit].tolist()


def fragile_bridges(findings: Sequence[Finding]) -> list[tuple[str, tuple[str, ...]]]:
    """(person, groups) for everyone a link between groups hangs on (bridges, carriers of side-by-side pairs)."""
    return link_carriers(findings)


# -- the frame: sidebar, data choice, role -----------------------------------------------------------


def setup_state() -> None:
    headers = st.context.headers
    accept = headers.get("Accept-Language") if headers is not None else None
    available = samples.available()
    st.session_state.setdefault("side_lang", preferred_language(st.context.locale, accept))
    st.session_state.setdefault("side_page", "start")
    st.session_state.setdefault("data_sample", "municipality" if "municipality" in available else available[0])
    st.session_state.setdefault("decisions_for", None)
    st.session_state.setdefault("decisions_relations", {})
    st.session_state.setdefault("decisions_resolutions", {})


def sidebar_top(role: privacy.Role) -> tuple[str, str]:
    with st.sidebar:
        st.title(":material/hub: ona")
        lang = st.session_state["side_lang"]
        st.caption(t("app.tagline", lang))
        lang = st.radio(t("app.language", lang), LANGUAGES, format_func=LANGUAGE_NAMES.get, key="side_lang",
                        horizontal=True)
        page = st.radio(t("app.page", lang), PAGES, key="side_page",
                        format_func=lambda p: f"{PAGE_ICONS[p]}  {t(f'app.page.{p}', lang)}")
        st.caption(f":material/lock: {md(role.label(lang))}")
    return lang, page


def choose_data(lang: str, manager: bool) -> tuple[Dataset, OnaError | None]:
    """Uploads when both files are there (analysts only), the chosen sample otherwise."""
    error: OnaError | None = None
    with st.sidebar:
        st.subheader(t("app.data", lang))
        if not manager:
            roster_file = st.file_uploader(t("app.upload.roster", lang), type=["csv", "xlsx", "txt"],
                                           key="data_roster")
            tie_files = st.file_uploader(t("app.upload.ties", lang), type=["csv", "xlsx", "txt"],
                                         accept_multiple_files=True, key="data_ties")
            st.file_uploader(t("app.upload.expected", lang), type=["csv", "xlsx", "txt"], key="data_expected",
                             help=t("app.upload.expected.help", lang))
            st.caption(t("app.upload.help", lang))
            if roster_file is not None and tie_files:
                try:
                    return upload_dataset(roster_file, tie_files, lang), None
                except OnaError as exc:
                    error = exc
        table = sample_table(tuple(samples.available())).set_index("name")
        sample = st.selectbox(t("app.sample", lang), list(table.index), key="data_sample",
                              format_func=lambda n: str(table.loc[n, "title"]))
        waves = sample_waves(sample)
        if len(waves) > 1:
            if st.session_state.get("data_wave") not in waves:
                st.session_state["data_wave"] = waves[0]
            wave = st.selectbox(t("app.wave", lang), waves, key="data_wave")
        else:
            wave = None
        title = str(table.loc[sample, "title"])
        st.info(t("app.using.sample", lang, title=md(title)))
    net = load_sample(sample, wave)
    description = table.loc[sample, "description_nl" if lang == "nl" else "description"]
    return Dataset(net, ("sample", sample, wave), "sample", title, str(description)), error


def upload_dataset(roster_file: Any, tie_files: list[Any], lang: str) -> Dataset:
    roster = (roster_file.name, roster_file.getvalue())
    ties = tuple((f.name, f.getvalue()) for f in tie_files)
    digest = _digest(roster[1], *(data for _, data in ties))
    if st.session_state["decisions_for"] != digest:  # new files: earlier decisions no longer apply
        st.session_state["decisions_for"] = digest
        st.session_state["decisions_relations"] = {}
        st.session_state["decisions_resolutions"] = {}
    relation, relations, resolutions = upload_decisions()
    wave = st.session_state.get("upload_wave") or None
    with st.spinner(t("app.loading", lang)):
        net = load_upload(roster, ties, relation, relations, resolutions, wave)
    title = net.name or ties[0][0]
    st.success(t("app.using.upload", lang, title=md(title)))
    return Dataset(net, ("upload", digest, relation, relations, resolutions, wave), "upload", title)


def upload_decisions() -> tuple[str | None, tuple[tuple[str, str | None], ...], tuple[tuple[Any, str | None], ...]]:
    """How uploads are read: the relation name for plain lists, the question mapping and the name decisions."""
    relation = st.session_state.get("upload_relation_name") or None
    relations = tuple(sorted(st.session_state["decisions_relations"].items()))
    resolutions = tuple(sorted(st.session_state["decisions_resolutions"].items(), key=lambda kv: repr(kv[0])))
    return relation, relations, resolutions


def sample_waves(name: str) -> list[str]:
    """A sample's survey waves, oldest first."""
    table = sample_table(tuple(samples.available())).set_index("name")
    return [w.strip() for w in str(table.loc[name, "waves"]).split(",") if w.strip()]


def with_expected(data: Dataset, group_by: str) -> Dataset:
    """The declared collaborations: the sample's own file, or the uploaded one."""
    if data.kind == "sample":
        expected = load_sample_expected(str(data.key[1]), data.net, data.key[2], group_by)
    else:
        file = st.session_state.get("data_expected")
        expected = load_upload_expected((file.name, file.getvalue()), data.net, data.key, group_by) if file else None
    return Dataset(data.net, data.key, data.kind, data.title, data.description, expected)


def for_managers(data: Dataset, group_by: str, policy: privacy.PrivacyPolicy) -> Dataset:
    """The data as managers' views must be computed: on :func:`ona.privacy.manager_network`.

    When the groups below the minimum size stay below it even when merged,
    their members are left out before anything is computed: otherwise a
    shown group's figures minus its visible matrix cells would give back the
    hidden group's ties by subtraction. Declared collaborations with a group
    that was left out are dropped too.
    """
    net = manager_net(data.net, data.key, group_by, policy, policy_key(policy))
    expected = data.expected
    if expected is not None:
        present = set(net.groups(group_by))
        expected = expected.loc[expected["group_a"].isin(present) & expected["group_b"].isin(present)]
        expected = expected.reset_index(drop=True)
    key = (*data.key, "manager", group_by, policy_key(policy))
    return Dataset(net, key, data.kind, data.title, data.description, expected)


def policy_key(policy: privacy.PrivacyPolicy) -> tuple[Hashable, ...]:
    """What of the policy changes a manager view (the key itself stays out of the cache keys)."""
    return (policy.k, policy.other_label, policy.show_names, policy.person_level,
            _digest(policy.key) if policy.key else "")


def group_by_choice(net: OrgNetwork, lang: str) -> str:
    roster = net.roster
    candidates = [c for c in ("department", "team", "location") if roster[c].notna().any()]
    candidates += [c for c in roster.columns if c not in (*candidates, "name", "email", "manager", "role", "consent")
                   and roster[c].notna().any() and 1 < roster[c].nunique() < max(3, len(net) // 3)]
    candidates = candidates or ["department"]
    if st.session_state.get("side_group_by") not in candidates:
        st.session_state["side_group_by"] = candidates[0]
    with st.sidebar:
        return st.selectbox(t("app.group_by", lang), candidates, format_func=lambda c: column_label(c, lang),
                            key="side_group_by")


# -- page: start & upload ----------------------------------------------------------------------------


def page_start(view: View, error: OnaError | None) -> None:
    lang, data = view.lang, view.data
    st.title(t("start.title", lang))
    st.markdown(t("start.intro", lang))
    if not view.manager:
        st.markdown(t("start.steps", lang))
    if error is not None:
        show_error(error)
    roster_file, tie_files = st.session_state.get("data_roster"), st.session_state.get("data_ties")
    if roster_file is not None and not tie_files:
        st.warning(t("start.waiting_ties", lang))
    elif roster_file is None and tie_files:
        st.warning(t("start.waiting_roster", lang))
    if data.kind == "sample":
        st.info(t("start.sample_note", lang, title=md(data.title), description=md(data.description)))
        if not view.manager:
            try_it_yourself(lang, data.key[1])
    else:
        st.success(t("start.uploaded", lang, people=number(len(data.net), lang), ties=number(len(data.net.ties), lang)))
    if data.kind == "upload" or tie_files:
        upload_options(view)
    what_was_read(view)


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


def upload_options(view: View) -> None:
    """How an upload is read: relation name for plain lists, wave label, and the question mapping."""
    lang, net = view.lang, view.net
    with st.expander(t("start.options", lang), expanded=False):
        left, right = st.columns(2)
        left.text_input(t("start.relation_name", lang), key="upload_relation_name")
        right.text_input(t("start.wave_label", lang), key="upload_wave")
    questions = net.report.details.get("questions") if view.data.kind == "upload" else None
    if not questions:
        return
    st.subheader(t("start.questions", lang))
    st.caption(t("start.questions.help", lang))
    mappable = [q for q in questions if q.get("kind") in PERSON_QUESTION_KINDS]
    others = [q for q in questions if q.get("kind") not in PERSON_QUESTION_KINDS]
    frame = pd.DataFrame({
        t("start.question", lang): [str(q.get("text", "")) for q in mappable],
        "relation": [q.get("relation") or "" for q in mappable],
        t("start.kind", lang): [str(q.get("kind_label") or q.get("kind", "")) for q in mappable],
        t("start.column", lang): [str(q.get("column", "")) for q in mappable],
    })
    with st.form("upload_mapping_form", border=False):
        edited = st.data_editor(
            frame, disabled=[c for c in frame.columns if c != "relation"], hide_index=True, width="stretch",
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


def what_was_read(view: View) -> None:
    net, lang = view.net, view.lang
    report = net.report
    st.subheader(t("start.check", lang))
    cols = st.columns(4)
    cols[0].metric(t("overview.people", lang), number(len(net), lang))
    cols[1].metric(t("overview.response", lang), percent(net.response_rate, lang),
                   help=t("overview.respondents", lang, respondents=len(net.respondents), people=len(net)))
    counts = net.ties["relation"].value_counts()
    cols[2].metric(t("field.ties", lang), number(len(net.ties), lang),
                   help=" · ".join(f"{relation_label(r, lang)}: {number(int(counts.get(r, 0)), lang)}"
                                   for r in net.relations))
    cols[3].metric(t("start.relations", lang), number(len(net.relations), lang))
    st.markdown(f"**{t('start.format', lang)}:** {md(report.input_format or '—')}"
                + (f" · **{t('start.platform', lang)}:** {md(report.details['platform'])}"
                   if report.details.get("platform") else ""))
    st.caption(" · ".join(f"{md(relation_label(r, lang))}: {number(int(counts.get(r, 0)), lang)} "
                          f"{t('field.ties', lang).lower()}" for r in net.relations))
    if report.sources and not view.manager:
        st.caption(f"{t('start.sources', lang)}: " + ", ".join(md(s) for s in report.sources))
    if not view.manager:
        review_names(view)
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
        if not view.manager:  # the items quote names as written: analysts only
            with st.expander(t("start.all_items", lang, count=len(report.issues))):
                items = report.to_frame()
                items["kind"] = items["kind"].map(lambda k: label_of("issue", k, lang, ISSUE_KINDS.get(k, k)))
                st.dataframe(items, hide_index=True, width="stretch", key="start_issue_items")
    if not view.manager and view.group_by in net.roster.columns:
        st.subheader(t("start.response", lang))
        table = response_table(net, view.group_by).rename(columns={
            "group": column_label(view.group_by, lang), "people": t("field.people", lang),
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


def review_names(view: View) -> None:
    """Let the analyst decide on names that fit several people (or nobody), then read the export again."""
    net, lang = view.net, view.lang
    decided = st.session_state["decisions_resolutions"]
    entries = review_entries(net) if view.data.kind == "upload" else []
    if not entries and not decided:
        return
    st.subheader(t("start.review", lang))
    names, departments = display_names(net), net.roster["department"]

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
        left.download_button(t("start.review.download", lang), lambda: export.table_csv(review_table(net)),
                             file_name="review.csv", mime="text/csv", key="upload_review_csv", on_click="ignore",
                             help=t("start.review.download.help", lang))
    decisions_file = right.file_uploader(t("start.review.upload", lang), type=["csv", "xlsx", "txt"],
                                         key="upload_decisions")
    if decisions_file is not None and st.session_state.get("decisions_file") != _digest(decisions_file.getvalue()):
        st.session_state["decisions_file"] = _digest(decisions_file.getvalue())
        from_file = read_resolutions(decisions_file.getvalue(), filename=decisions_file.name)
        st.session_state["decisions_resolutions"] = {**decided, **from_file}
        st.rerun()
    if decided:
        st.caption(t("start.review.done", lang, count=len(decided)))
        if st.button(t("start.review.clear", lang), key="upload_review_clear"):
            st.session_state["decisions_resolutions"] = {}
            st.rerun()


# -- page: overview -----------------------------------------------------------------------------------


def page_overview(view: View) -> None:
    net, lang, data = view.net, view.lang, view.data
    st.title(t("overview.title", lang))
    st.caption(md(data.title) + (f" · {t('app.wave', lang)} {md(net.wave)}" if net.wave else ""))
    counts = net.ties["relation"].value_counts()
    cols = st.columns(3 + len(net.relations))
    cols[0].metric(t("overview.people", lang), number(len(net), lang))
    cols[1].metric(t("overview.response", lang), percent(net.response_rate, lang),
                   help=t("overview.respondents", lang, respondents=len(net.respondents), people=len(net)))
    cols[2].metric(t("overview.groups", lang), number(group_labels(view).nunique(), lang))
    for col, relation in zip(cols[3:], net.relations):
        col.metric(t("overview.ties", lang, relation=relation_label(relation, lang)),
                   number(int(counts.get(relation, 0)), lang))
    if not relations_with_ties(net):
        st.warning(t("app.no_relation", lang))
        return
    st.subheader(t("overview.findings", lang))
    findings = view_findings(view)
    if data.expected is not None and len(data.expected):
        st.caption(t("overview.expected", lang, count=len(data.expected)))
    if not findings:
        st.success(t("overview.no_findings", lang))
    labels = person_labels(net) if not view.manager else {}
    for i, finding in enumerate(findings):
        show_finding(finding, i, labels, lang)
    with st.expander(t("overview.network_figures", lang)):
        st.dataframe(summary_table(view), width="stretch", key="overview_summary")


def view_findings(view: View) -> list[Finding]:
    data = view.data
    with st.spinner(t("app.analysing", view.lang)):
        findings = run_findings(data.net, data.key, view.group_by, data.expected, _expected_key(data))
    if view.manager:
        findings = privacy.manager_findings(findings, data.net, view.policy, attribute=view.group_by)
    return findings


def show_finding(finding: Finding, index: int, labels: dict[str, str], lang: str, key: str = "overview") -> None:
    with st.container(border=True):
        kind = KIND_TITLES.get(finding.kind, {}).get(lang, finding.kind)
        relation = (t("overview.all_relations", lang) if finding.relation == ALL_RELATIONS
                    else relation_label(finding.relation, lang))
        colour = SEVERITY_COLOURS.get(finding.level, "gray")
        st.markdown(f":{colour}-badge[{label_of('severity', finding.level, lang, finding.level)}] "
                    f"**{md(kind)}** · {md(relation)}")
        st.markdown(md(finding.text.get(lang, "")))
        suggestions = finding.suggestions.get(lang) or []
        if suggestions:
            st.markdown(f"**{t('overview.suggestions', lang)}**\n\n" + "\n".join(f"- {md(s)}" for s in suggestions))
        with st.expander(t("overview.evidence", lang)):
            if finding.groups:
                st.caption(f"{t('overview.groups_involved', lang)}: " + ", ".join(md(g) for g in finding.groups))
            if finding.people:
                st.caption(f"{t('overview.people_involved', lang)}: "
                           + ", ".join(md(labels.get(p, p)) for p in finding.people))
            show_evidence(finding.evidence, lang, labels, f"{key}_evidence_{index}")


def show_evidence(evidence: dict[str, Any], lang: str, labels: dict[str, str], key: str) -> None:
    """The numbers behind a finding: one table of figures, and one small table per breakdown."""
    def label(name: str) -> str:
        return EVIDENCE_LABELS.get(name, {}).get(lang) or label_of("field", name, lang)

    def text(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.3g}" if abs(value) < 1 else f"{value:,.1f}".rstrip("0").rstrip(".")
        if isinstance(value, (list, tuple)):
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        return labels.get(str(value), str(value)) if not isinstance(value, bool) else (
            t("common.yes", lang) if value else t("common.no", lang))

    figures = {label(k): text(v) for k, v in evidence.items() if not isinstance(v, dict) and v not in ("", None)}
    if figures:
        table = {t("overview.figure", lang): list(figures), t("overview.value", lang): list(figures.values())}
        st.dataframe(pd.DataFrame(table),
                     hide_index=True, key=f"{key}_figures")
    for name, value in evidence.items():
        if isinstance(value, dict) and value:
            st.caption(md(label(name)))
            breakdown = {"": [labels.get(str(k), str(k)) for k in value], " ": [text(v) for v in value.values()]}
            st.dataframe(pd.DataFrame(breakdown),
                         hide_index=True, key=f"{key}_{name}")


def summary_table(view: View) -> pd.DataFrame:
    rows = {}
    for relation in view.analysis.relations:
        summary = view.analysis.summary.get(relation, {})
        rows[relation] = {label_of("summary", f, view.lang, f): summary.get(f) for f in SUMMARY_FIGURES}
    return pd.DataFrame(rows).map(lambda v: round(v, 3) if isinstance(v, float) else v)


# -- page: network ------------------------------------------------------------------------------------


def page_network(view: View) -> None:
    net, lang, group_by = view.net, view.lang, view.group_by
    st.title(t("network.title", lang))
    relations = relations_with_ties(net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    labels = group_labels(view)
    groups = sorted(labels.unique())
    large = len(net) > PERSON_LEVEL_LIMIT
    focus_modes = ["overview", "group", "person"] if large else ["all", "group", "person"]
    if view.manager:
        focus_modes = [m for m in focus_modes if m != "person"]
    if st.session_state.get("net_focus") not in focus_modes:
        st.session_state["net_focus"] = focus_modes[0]
    if not set(st.session_state.get("net_groups", groups)) <= set(groups):
        st.session_state["net_groups"] = groups
    st.session_state.setdefault("net_groups", groups)

    controls, canvas = st.columns([1, 3], gap="medium")
    with controls:
        relation = st.selectbox(t("network.relation", lang), relations, key="net_relation",
                                format_func=lambda r: relation_label(r, lang))
        focus = st.radio(t("network.focus", lang), focus_modes, key="net_focus",
                         format_func=lambda m: t(f"network.focus.{m}", lang))
        shown_groups, focus_group, focus_person = groups, None, None
        if focus == "all":
            shown_groups = st.multiselect(t("network.filter", lang), groups, key="net_groups")
        elif focus == "group":
            focus_group = st.selectbox(t("network.focus_group", lang), groups, key="net_focus_group")
        elif focus == "person":
            names = display_names(net)
            people = sorted(net.people, key=lambda p: names[p].lower())
            focus_person = st.selectbox(t("network.focus_person", lang), people, key="net_focus_person",
                                        format_func=lambda p: f"{names[p]} ({p})")
        color_mode = st.selectbox(t("network.color", lang), ["group", "community"], key="net_color",
                                  format_func=lambda m: t(f"network.color.{m}", lang))
        size_by = st.selectbox(t("network.size", lang), ["", *SIZE_METRICS], key="net_size",
                               format_func=lambda m: column_label(m, lang) if m else t("network.size.none", lang))
        show_brokers = st.toggle(t("network.brokers", lang), value=True, key="net_brokers",
                                 help=t("network.brokers.help", lang))
        show_bridges = st.toggle(t("network.bridges", lang), value=True, key="net_bridges")
        physics = st.toggle(t("network.physics", lang), value=False, key="net_physics")

    if focus == "overview":
        with canvas:
            st.info(t("network.too_large", lang, people=number(len(net), lang)))
            draw_group_level(view, relation)
        return

    metrics = relation_people(view.analysis, relation)
    G = net.graph(relation)
    if view.manager:  # people of small groups carry the merged label, as everywhere in manager views
        G = privacy.merge_small_groups(G, view.policy, attribute=group_by, source=net)
    if focus == "group" and focus_group is not None:
        H, subset = focus_subgraph(G, focus_group, group_by), ("group", focus_group)
    elif focus == "person" and focus_person is not None:
        H, subset = ego_subgraph(G, focus_person), ("person", focus_person)
    else:
        H = G.subgraph([p for p in G.nodes if labels[p] in set(shown_groups)])
        subset = ("groups", tuple(sorted(shown_groups)))
    brokers = cross_group_brokers(metrics.loc[[p for p in H.nodes if p in metrics.index]]) if show_brokers else []
    bridge_people, bridge_edges = set(), set()
    if show_bridges:
        for person, pair in visible_bridges(view):
            if person not in H:
                continue
            bridge_people.add(person)
            for u, v in list(H.in_edges(person)) + list(H.out_edges(person)):
                if labels[u] != labels[v] and (not pair or {labels[u], labels[v]} <= set(pair)):
                    bridge_edges.add((u, v))
    if color_mode == "community" and "community" in metrics.columns:
        colour: str | dict[Hashable, str] = {p: t("common.community", lang, number=int(c) + 1)
                                             for p, c in metrics["community"].items()}
    else:
        colour = group_by
    shown_metrics = [c for c in (*TOOLTIP_METRICS, size_by) if c and c in metrics.columns]
    tooltip = metrics[list(dict.fromkeys(shown_metrics))]
    highlight = set(brokers) | bridge_people
    key = (*view.data.key, relation, group_by, subset)
    if view.manager:  # pseudonyms, shown people only, no roster details
        H, tooltip, colour, key = manager_drawing_input(view, H, metrics, colour, highlight, bridge_edges, key)
        highlight, bridge_edges = H.graph.pop("highlight"), H.graph.pop("bridges")
    if len(H) == 0:
        with canvas:
            if view.manager:  # nobody may be shown person by person: the department level still may
                st.info(t("network.manager_empty", lang))
                draw_group_level(view, relation)
            else:
                st.warning(t("network.empty", lang))
        return
    html = person_drawing(H, key, tooltip, colour, f"{color_mode}:{lang}", size_by or None,
                          tuple(sorted(highlight)), tuple(sorted(bridge_edges)), physics, lang)
    with canvas:
        st.iframe(html, height=690)
        st.caption(t("network.caption", lang, nodes=number(H.number_of_nodes(), lang),
                     edges=number(H.number_of_edges(), lang)))
        if not view.manager:
            names = display_names(net)
            if brokers:
                st.markdown(t("network.brokers_list", lang, names=", ".join(md(names[p]) for p in brokers)))
            if bridge_people:
                st.markdown(t("network.bridges_list", lang,
                              names=", ".join(md(names.get(p, p)) for p in sorted(bridge_people))))


def visible_bridges(view: View) -> list[tuple[str, tuple[str, ...]]]:
    """(person id, groups) of the fragile bridges this role may see highlighted."""
    data = view.data
    bridges = fragile_bridges(run_findings(data.net, data.key, view.group_by, data.expected, _expected_key(data)))
    if not view.manager:
        return bridges
    allowed = {p for p, _ in link_carriers(view_findings(view))}  # person keys
    persons = privacy.screen_people(data.net, view.policy)
    key_of = persons.loc[persons["shown"], "person"].to_dict()
    return [(p, pair) for p, pair in bridges if key_of.get(p) in allowed]


def _expected_key(data: Dataset) -> str:
    return "" if data.expected is None else _digest(data.expected.to_csv().encode())


def manager_drawing_input(view: View, H: nx.Graph, metrics: pd.DataFrame, colour: Any, highlight: set[str],
                          bridges: set[tuple[str, str]],
                          key: tuple) -> tuple[nx.DiGraph, pd.DataFrame | None, Any, tuple]:
    """The drawing's graph, metrics and highlights as a manager may see them (keyed by pseudonym)."""
    policy, group_by = view.policy, view.group_by
    persons = privacy.screen_people(view.net, policy)
    shown = persons.loc[persons["shown"], "person"].to_dict()
    M = privacy.manager_graph(H, policy, attribute=group_by, source=view.net)
    table = privacy.manager_people(metrics, view.net, policy, attribute=group_by).set_index("person")
    tooltip = table[[c for c in dict.fromkeys((*TOOLTIP_METRICS, *SIZE_METRICS)) if c in table.columns]]
    M.graph["highlight"] = {shown[p] for p in highlight if p in shown}
    M.graph["bridges"] = {(shown[u], shown[v]) for u, v in bridges if u in shown and v in shown}
    colour = {shown[p]: c for p, c in colour.items() if p in shown} if isinstance(colour, dict) else colour
    return M, tooltip, colour, (*key, "manager")


def draw_group_level(view: View, relation: str, highlight: tuple[tuple[str, str], ...] = ()) -> None:
    G = view.net.graph(relation)
    if view.manager:
        H = privacy.manager_graph(G, view.policy, attribute=view.group_by, aggregate=True)
        table = privacy.manager_group_table(relation_groups(view.analysis, relation), view.net, view.policy,
                                            attribute=view.group_by)
    else:
        H = group_graph(G, view.group_by)
        table = relation_groups(view.analysis, relation)
    html = group_drawing(H, (*view.data.key, relation, view.group_by, view.manager),
                         table.set_index("group")[["ei_index"]], highlight, view.lang)
    st.iframe(html, height=580)


# -- page: departments --------------------------------------------------------------------------------


def group_matrices(view: View, relation: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    counts = view.analysis.group_matrices[relation]
    density = view.analysis.group_density_matrices[relation]
    table = relation_groups(view.analysis, relation)
    if view.manager:
        args = (view.net, view.policy)
        counts = privacy.manager_group_matrix(counts, *args, attribute=view.group_by, additive=True)
        density = privacy.manager_density_matrix(view.net.graph(relation), view.policy, attribute=view.group_by)
        table = privacy.manager_group_table(table, *args, attribute=view.group_by)
    return counts, density, table


def page_groups(view: View) -> None:
    net, lang, group_by = view.net, view.lang, view.group_by
    st.title(t("groups.title", lang))
    relations = relations_with_ties(net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 1, 2])
    relation = cols[0].selectbox(t("network.relation", lang), relations, key="groups_relation",
                                 format_func=lambda r: relation_label(r, lang))
    values = cols[1].radio(t("groups.values", lang), ["counts", "density"], key="groups_values", horizontal=True,
                           format_func=lambda v: t(f"groups.values.{v}", lang))
    counts, density, table = group_matrices(view, relation)
    st.subheader(t("groups.matrix", lang))
    st.caption(t("groups.matrix.help", lang))
    st.altair_chart(heatmap(counts if values == "counts" else density, values, lang), width="stretch",
                    key="groups_heatmap")

    groups = [g for g in counts.index]
    pair = st.session_state.get("groups_pair_a"), st.session_state.get("groups_pair_b")
    highlight = (tuple(pair),) if all(pair) and pair[0] != pair[1] else ()
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.subheader(t("groups.graph", lang))
        st.caption(t("groups.graph.help", lang))
        draw_group_level(view, relation, highlight)
    with right:
        st.subheader(t("groups.ei", lang))
        st.caption(t("groups.ei.help", lang))
        shown = table[["group", "size", "ei_index", "ei_p_value"]].rename(columns={
            "group": column_label(group_by, lang), "size": t("field.people", lang),
            "ei_index": t("metric.ei_index", lang), "ei_p_value": "p"})
        st.dataframe(shown, hide_index=True, width="stretch", key="groups_ei_table", column_config={
            t("metric.ei_index", lang): st.column_config.NumberColumn(format="%+.2f"),
            "p": st.column_config.NumberColumn(format="%.3f", help=t("groups.ei.p", lang))})

    st.subheader(t("groups.pair", lang))
    if len(groups) < 2:
        return
    for name, default in (("groups_pair_a", groups[0]), ("groups_pair_b", groups[1])):
        if st.session_state.get(name) not in groups:
            st.session_state[name] = default
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("groups.pair.first", lang), groups, key="groups_pair_a")
    b = c2.selectbox(t("groups.pair.second", lang), groups, key="groups_pair_b")
    if a == b:
        st.info(t("groups.pair.same", lang))
        return
    n_ab, n_ba = int(counts.at[a, b]), int(counts.at[b, a])
    if n_ab + n_ba == 0:
        st.warning(t("groups.pair.none", lang, a=md(a), b=md(b)))
        return
    if view.manager:  # who carries the ties would identify people: counts only
        st.markdown(t("groups.pair.counts", lang, a=md(a), b=md(b), ab=count(n_ab, "tie", lang),
                      ba=number(n_ba, lang)))
        return
    ties, carriers = pair_ties(net, relation, group_by, a, b, lang)
    st.markdown(t("groups.pair.summary", lang, ties=count(len(ties), "tie", lang), a=md(a), b=md(b),
                  people=count(len(carriers), "person", lang), ab=number(n_ab, lang), ba=number(n_ba, lang)))
    c1, c2 = st.columns([3, 2], gap="medium")
    c1.dataframe(ties, hide_index=True, width="stretch", key="groups_pair_ties")
    c2.caption(t("groups.pair.carriers", lang))
    c2.dataframe(carriers, hide_index=True, width="stretch", key="groups_pair_carriers")


def pair_ties(net: OrgNetwork, relation: str, group_by: str, a: str, b: str,
              lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every tie between groups a and b (both directions), and how many of them each person carries."""
    labels, names = net.groups(group_by), display_names(net)
    ties = net.ties_of(relation)
    src, dst = ties["source"].map(labels), ties["target"].map(labels)
    between = ties[((src == a) & (dst == b)) | ((src == b) & (dst == a))]
    group = column_label(group_by, lang)
    frame = pd.DataFrame({
        t("field.source", lang): between["source"].map(names).to_numpy(),
        f"{group} ({t('field.source', lang).lower()})": between["source"].map(labels).to_numpy(),
        t("field.target", lang): between["target"].map(names).to_numpy(),
        f"{group} ({t('field.target', lang).lower()})": between["target"].map(labels).to_numpy(),
        t("field.weight", lang): between["weight"].to_numpy(),
    })
    carried = pd.concat([between["source"], between["target"]]).value_counts()
    carriers = pd.DataFrame({
        t("field.name", lang): carried.index.map(names),
        group: carried.index.map(labels),
        t("field.ties", lang): carried.to_numpy(),
    })
    return frame, carriers


def heatmap(matrix: pd.DataFrame, values: str, lang: str) -> alt.LayerChart:
    """The group matrix as a heatmap; the diagonal (ties inside a group) is grey so the colours show the gaps."""
    frame = matrix.copy()
    frame.index.name = "from"
    frame.columns.name = None
    long = frame.reset_index().melt(id_vars="from", var_name="to", value_name="value")
    pattern = "{:.0f}" if values == "counts" else "{:.3f}"
    long["label"] = long["value"].map(lambda v: "–" if pd.isna(v) else pattern.format(v))
    long["inside"] = long["from"] == long["to"]
    order = list(matrix.index)
    title = t(f"groups.values.{values}", lang)
    base = alt.Chart(long).encode(
        x=alt.X("to:N", sort=order, title=t("field.target", lang), axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("from:N", sort=order, title=t("field.source", lang)),
        tooltip=[alt.Tooltip("from:N", title=t("field.source", lang)),
                 alt.Tooltip("to:N", title=t("field.target", lang)),
                 alt.Tooltip("label:N", title=title)],
    )
    between = base.transform_filter("!datum.inside").mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="blues", domainMin=0), title=title))
    inside = base.transform_filter("datum.inside").mark_rect(color="#e8e8e8", stroke="white")
    off_diagonal = long.loc[~long["inside"], "value"]
    threshold = float(off_diagonal.max()) * 0.6 if off_diagonal.notna().any() else 0.0
    text = base.mark_text(fontSize=13).encode(
        text="label:N",
        color=alt.condition(f"!datum.inside && datum.value > {threshold}", alt.value("white"), alt.value("#222")))
    return (inside + between + text).properties(height=max(260, 56 * len(order) + 40))


# -- page: people -------------------------------------------------------------------------------------


def people_table(view: View, relation: str) -> pd.DataFrame:
    """The people table as this role may see it, with readable column names left to the caller."""
    metrics = relation_people(view.analysis, relation)
    if view.manager:
        return privacy.manager_people(metrics, view.net, view.policy, attribute=view.group_by)
    frame = metrics.copy()
    frame["name"] = display_names(view.net)
    if view.group_by not in frame.columns:
        frame.insert(2, view.group_by, view.net.roster[view.group_by])
    frame.index.name = "id"
    return frame.reset_index()


def page_people(view: View) -> None:
    lang = view.lang
    st.title(t("people.title", lang))
    st.caption(t("people.help", lang))
    relations = relations_with_ties(view.net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 2])
    relation = cols[0].selectbox(t("network.relation", lang), relations, key="people_relation",
                                 format_func=lambda r: relation_label(r, lang))
    search = cols[1].text_input(t("people.search", lang), key="people_search")
    frame = people_table(view, relation)
    if frame.empty:
        st.info(t("network.manager_empty", lang))
        return
    name_column = "name" if "name" in frame.columns else frame.columns[0]
    if search:
        frame = frame[frame[name_column].astype(str).str.contains(search, case=False, regex=False, na=False)]
    if "brokerage_total" in frame.columns:
        frame = frame.sort_values("brokerage_total", ascending=False, kind="stable")
    shown = frame.rename(columns={c: column_label(c, lang) for c in frame.columns})
    st.dataframe(shown, hide_index=True, width="stretch", height=560, key="people_table")
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button(t("export.csv", lang, table=t("export.table.people", lang)), lambda: export.table_csv(frame),
                       file_name=f"people_{relation}.csv", mime="text/csv", key="people_csv", on_click="ignore")
    c2.download_button(t("export.xlsx", lang, table=t("export.table.people", lang)),
                       lambda: export.tables_xlsx({f"{t('export.table.people', lang)} {relation}": frame}),
                       file_name=f"people_{relation}.xlsx", key="people_xlsx", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# -- page: change between waves --------------------------------------------------------------------------

CHANGE_FIELDS = ("ties_before", "ties_after", "kept", "new", "lost", "jaccard", "panel_respondents")
GAIN_FIELDS = ("panel_respondents", "cross_before", "cross_after", "gain")
SPREAD_FIELDS = ("origin", "origin_gain", "contacts", "contacts_gain", "others_gain")
GROWTH_COLOUR, LOSS_COLOUR = (44, 160, 44), (214, 39, 40)


@dataclass(frozen=True)
class Waves:
    """Two waves to compare and a hashable key identifying the pair."""

    before: OrgNetwork
    after: OrgNetwork
    key: tuple[Hashable, ...]


@dataclass(frozen=True)
class ChangeTables:
    """What the change page shows, as this role may see it (every number from ona.findings.change)."""

    before_wave: str
    after_wave: str
    panel: int
    relations: pd.DataFrame
    matrices: dict[str, tuple[pd.DataFrame, pd.DataFrame]]  # relation -> (before, after) cross-group tie counts
    groups: pd.DataFrame
    teams: pd.DataFrame
    spread: pd.DataFrame
    findings: list[Finding]


@st.cache_data(show_spinner=False, max_entries=8)
def run_comparison(_before: OrgNetwork, _after: OrgNetwork, key: tuple, group_by: str) -> tuple[WaveComparison,
                                                                                                 list[Finding]]:
    comparison = compare_waves(_before, _after, attribute=group_by)
    return comparison, change_findings(comparison)


def choose_waves(view: View) -> Waves | None:
    """The sample's waves chosen on the page, or the current upload and a second one uploaded here."""
    data, lang = view.data, view.lang
    if data.kind == "sample":
        name = str(data.key[1])
        waves = sample_waves(name)
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
        pair = [(load_sample(name, w), ("sample", name, w)) for w in (first, second)]
    elif view.manager:  # managers never see uploaded raw data
        st.info(t("change.manager_upload", lang))
        return None
    else:
        uploaded = upload_other_wave(view)
        if uploaded is None:
            return None
        pair = uploaded
    if view.manager:  # both waves without the groups that must stay hidden, as on every other page
        pair = [(manager_net(net, key, view.group_by, view.policy, policy_key(view.policy)),
                 (*key, "manager", policy_key(view.policy))) for net, key in pair]
    (before, before_key), (after, after_key) = pair
    return Waves(before, after, (before_key, after_key))


def upload_other_wave(view: View) -> list[tuple[OrgNetwork, tuple[Hashable, ...]]] | None:
    """The current upload and the other wave uploaded on this page, earlier wave first."""
    data, lang = view.data, view.lang
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
    decisions = upload_decisions()
    with st.spinner(t("app.loading", lang)):
        other = load_upload(roster, ties, *decisions, other_label)
    current = data.net if data.net.wave == current_label else data.net.with_changes(wave=current_label)
    pair = [(current, (*data.key, current_label)),
            (other, ("upload", _digest(roster[1], *(b for _, b in ties)), decisions, other_label))]
    return pair if order == "later" else pair[::-1]


def change_tables(view: View, waves: Waves, comparison: WaveComparison, findings: list[Finding]) -> ChangeTables | None:
    """The comparison's tables; for managers only groups and teams of at least k panel respondents (None if the
    panel itself is smaller than k)."""
    matrices = {}
    for relation in comparison.relations["relation"]:
        pairs = comparison.group_pairs[comparison.group_pairs["relation"] == relation]
        matrices[relation] = tuple(
            pairs.pivot(index="source_group", columns="target_group", values=column).fillna(0)
            for column in ("before", "after"))
    spread = pd.DataFrame([{"relation": r, "unit": s.get("unit"), "origin": s.get("origin"),
                            "origin_gain": s.get("origin_gain"), "contacts": len(s.get("contacts", ())),  # type: ignore[arg-type]
                            "contacts_gain": s.get("contacts_gain"), "others_gain": s.get("others_gain")}
                           for r, s in comparison.spread.items() if s],
                          columns=["relation", "unit", *SPREAD_FIELDS])
    tables = ChangeTables(str(comparison.before_wave), str(comparison.after_wave), len(comparison.panel),
                          comparison.relations, matrices, comparison.groups, comparison.teams, spread, findings)
    return manager_change_tables(view, waves.before, tables) if view.manager else tables


def manager_change_tables(view: View, before: OrgNetwork, tables: ChangeTables) -> ChangeTables | None:
    """The minimum group size applied to the change tables (ona.privacy screening on the earlier wave)."""
    policy, group_by, k = view.policy, view.group_by, view.policy.k
    if tables.panel < k:
        return None
    groups = privacy.screen_groups(before, policy, attribute=group_by)
    real_groups = groups.reportable - {groups.other_label}
    teams = privacy.screen_groups(before, policy, attribute="team")
    real_teams = teams.reportable - {teams.other_label}
    group_rows = tables.groups[tables.groups["group"].isin(real_groups) & (tables.groups["panel_respondents"] >= k)]
    team_rows = tables.teams[tables.teams["team"].isin(real_teams) & (tables.teams["panel_respondents"] >= k)]
    big_enough = {(r, g) for r, g in zip(group_rows["relation"], group_rows["group"])} | {
        (r, g) for r, g in zip(team_rows["relation"], team_rows["team"])}
    spread = tables.spread[[(r, o) in big_enough and c >= k for r, o, c in
                            zip(tables.spread["relation"], tables.spread["origin"], tables.spread["contacts"])]]
    matrices = {relation: tuple(privacy.manager_group_matrix(m, before, policy, attribute=group_by, additive=True)
                                for m in pair) for relation, pair in tables.matrices.items()}
    findings = []
    shown_origins = set(zip(spread["relation"], spread["origin"]))
    for finding in tables.findings:
        finding = dataclasses.replace(finding, people=())  # the contacts' ids: never shown to managers
        origin = finding.evidence.get("origin")
        if origin is not None and (finding.relation, origin) not in shown_origins:
            continue
        attribute = "team" if finding.evidence.get("unit") == "team" else group_by
        findings += privacy.manager_findings([finding], before, policy, attribute=attribute)
    return dataclasses.replace(tables, matrices=matrices, groups=group_rows.reset_index(drop=True),
                               teams=team_rows.reset_index(drop=True), spread=spread.reset_index(drop=True),
                               findings=findings)


def page_change(view: View) -> None:
    lang, group_by = view.lang, view.group_by
    st.title(t("change.title", lang))
    st.caption(t("change.intro", lang))
    waves = choose_waves(view)
    if waves is None:
        return
    with st.spinner(t("app.analysing", lang)):
        comparison, findings = run_comparison(waves.before, waves.after, waves.key, group_by)
    tables = change_tables(view, waves, comparison, findings)
    if tables is None:
        st.info(t("change.small_panel", lang, k=view.policy.k))
        return
    before, after = md(tables.before_wave), md(tables.after_wave)
    st.markdown(t("change.comparing", lang, before=before, after=after))
    if view.manager:
        st.caption(t("change.manager_note", lang, k=view.policy.k))

    st.subheader(t("change.relations", lang))
    st.caption(t("change.relations.help", lang, panel=number(tables.panel, lang)))
    relations = tables.relations.assign(relation=tables.relations["relation"].map(lambda r: relation_label(r, lang)))
    st.dataframe(relations.rename(columns={c: column_label(c, lang) for c in relations.columns}), hide_index=True,
                 key="change_relations", column_config={
                     column_label("jaccard", lang): st.column_config.NumberColumn(format="%.2f")})

    st.subheader(t("change.findings", lang))
    if not tables.findings:
        st.success(t("change.no_findings", lang))
    labels = person_labels(waves.before) if not view.manager else {}
    for i, finding in enumerate(tables.findings):
        show_finding(finding, i, labels, lang, key="change")

    relation = st.selectbox(t("network.relation", lang), list(tables.matrices), key="change_relation",
                            format_func=lambda r: relation_label(r, lang))
    st.subheader(t("change.pairs", lang))
    st.caption(t("change.pairs.help", lang, before=before, after=after))
    first, second = tables.matrices[relation]
    st.dataframe(change_matrix(second - first, column_label(group_by, lang)), key="change_pairs")
    with st.expander(t("change.pairs.all", lang)):
        st.dataframe(pair_table(first, second, lang), hide_index=True, width="stretch", key="change_pairs_all")

    st.subheader(t("change.spread", lang))
    st.caption(t("change.spread.help", lang))
    show_spread(tables.spread[tables.spread["relation"] == relation], lang)
    for title, table, unit in (("change.teams", tables.teams, "team"), ("change.groups", tables.groups, "group")):
        rows = table[table["relation"] == relation][[unit, *GAIN_FIELDS]]
        st.markdown(f"**{t(title, lang)}**")
        st.dataframe(rows.rename(columns={unit: column_label(group_by if unit == "group" else unit, lang),
                                          **{c: column_label(c, lang) for c in GAIN_FIELDS}}),
                     hide_index=True, width="stretch", key=f"change_{unit}s", column_config={
                         column_label(c, lang): st.column_config.NumberColumn(format="%+.2f" if c == "gain" else "%.2f")
                         for c in GAIN_FIELDS if c != "panel_respondents"})
    workbook = {t("change.relations", lang)[:31]: tables.relations,
                t("change.pairs", lang)[:31]: pd.concat(
                    [pair_table(*m, lang).assign(**{t("field.relation", lang): r}) for r, m in tables.matrices.items()]),
                t("change.teams", lang): tables.teams, t("change.groups", lang): tables.groups,
                t("field.origin", lang): tables.spread}
    st.download_button(t("change.download", lang), lambda: export.tables_xlsx(workbook), file_name="ona_change.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="change_xlsx",
                       on_click="ignore")


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

    def colours(frame: pd.DataFrame) -> pd.DataFrame:
        css = frame.map(colour)
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
    frame = pd.DataFrame(rows, columns=["source", "target", "before", "after"])
    frame["change"] = frame["after"] - frame["before"]
    frame = frame.iloc[frame["change"].abs().sort_values(ascending=False, kind="stable").index]
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns}).reset_index(drop=True)


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



# -- page: export -------------------------------------------------------------------------------------


def page_export(view: View) -> None:
    net, lang, group_by = view.net, view.lang, view.group_by
    st.title(t("export.title", lang))
    relations = relations_with_ties(net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    relation = st.selectbox(t("network.relation", lang), relations, key="export_relation",
                            format_func=lambda r: relation_label(r, lang))
    counts, density, groups = group_matrices(view, relation)
    tables = {
        t("export.table.people", lang): people_table(view, relation),
        t("export.table.groups", lang): groups,
        t("export.table.matrix", lang): counts.reset_index(names=column_label(group_by, lang)),
        t("export.table.density", lang): density.reset_index(names=column_label(group_by, lang)),
    }
    if not view.manager:
        tables[t("export.table.ties", lang)] = net.ties.copy()
        tables[t("export.table.report", lang)] = net.report.to_frame()
    st.subheader(t("export.tables", lang))
    st.caption(t("export.formula_note", lang))
    st.download_button(t("export.workbook", lang), lambda: export.tables_xlsx(tables), file_name="ona.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="export_xlsx",
                       type="primary", on_click="ignore")
    cols = st.columns(3)
    for i, (name, table) in enumerate(tables.items()):
        cols[i % 3].download_button(t("export.csv", lang, table=name), lambda table=table: export.table_csv(table),
                                    file_name=f"{name}.csv", mime="text/csv", key=f"export_csv_{i}",
                                    on_click="ignore")
    st.subheader(t("export.network", lang))
    G = net.graph(relation)
    metrics = relation_people(view.analysis, relation)[[c for c in PERSON_COLUMNS if c != "responded"]]
    if view.manager:
        G = privacy.manager_graph(G, view.policy, attribute=group_by)
        metrics = privacy.manager_people(metrics, net, view.policy, attribute=group_by).set_index("person")
        metrics = metrics[[c for c in PERSON_COLUMNS if c in metrics.columns]]
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("export.gexf", lang), lambda: export.graph_gexf(G, metrics=metrics),
                       file_name=f"ona_{relation}.gexf", mime="application/xml", key="export_gexf", on_click="ignore")
    c2.download_button(t("export.graphml", lang), lambda: export.graph_graphml(G, metrics=metrics),
                       file_name=f"ona_{relation}.graphml", mime="application/xml", key="export_graphml",
                       on_click="ignore")

    def drawing() -> bytes:
        page = to_html(G, color_by=group_by, metrics=metrics[[c for c in TOOLTIP_METRICS if c in metrics.columns]],
                       positions=positions(G, (*view.data.key, relation, group_by, "export", view.manager)),
                       lang=lang, title=f"{view.data.title} · {relation}")
        return export.graph_html(page)

    c3.download_button(t("export.html", lang), drawing, file_name=f"ona_{relation}.html", mime="text/html",
                       key="export_html", help=t("export.html.help", lang), on_click="ignore")
    findings = view_findings(view)
    st.subheader(t("overview.findings", lang))
    names = person_labels(net) if not view.manager else None  # managers' findings carry pseudonyms already
    st.download_button(t("export.findings", lang),
                       lambda: findings_markdown(findings, lang, title=view.data.title, names=names),
                       file_name=f"ona_findings_{lang}.md", mime="text/markdown", key="export_findings",
                       on_click="ignore")
    if not view.manager:
        st.subheader(t("export.publish", lang))
        st.caption(t("export.publish.help", lang, k=view.policy.k,
                     names=t("export.publish.pseudonyms" if view.policy.pseudonymises else "export.publish.consent",
                             lang)))
        data = view.data
        st.download_button(
            t("export.publish.button", lang),
            lambda: publish_zip(data.net, data.key, group_by, data.expected, _expected_key(data), view.policy,
                                policy_key(view.policy), view.analysis, lang),
            file_name="ona_workspace.zip", mime="application/zip", key="export_publish", on_click="ignore")


# -- published workspaces (what managers open; built by HR with "ona publish" or the export page) ----------


@dataclass(frozen=True)
class WorkspaceView:
    """A published, privacy-filtered workspace on screen."""

    workspace: Workspace
    key: tuple[Hashable, ...]
    lang: str

    @property
    def group_by(self) -> str:
        return str(self.workspace.manifest.get("group_by", "department"))

    @property
    def title(self) -> str:
        manifest = self.workspace.manifest
        return str(manifest.get("name") or t("workspace.untitled", self.lang)) + (
            f" · {t('app.wave', self.lang)} {manifest['wave']}" if manifest.get("wave") else "")


def configured_workspace() -> tuple[str, float] | None:
    """The workspace folder or zip named by ONA_WORKSPACE or the secret ona.workspace, with its mtime."""
    secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    settings = secrets.get("ona", {}) if isinstance(secrets.get("ona", {}), dict) else {}
    location = os.environ.get("ONA_WORKSPACE") or settings.get("workspace")
    if not location:
        return None
    path = Path(str(location)).expanduser()
    if not path.exists():
        raise OnaError(f"The workspace {path} (ONA_WORKSPACE) does not exist. Point ONA_WORKSPACE at the folder or "
                       "zip that 'ona publish' wrote.")
    stamp = max((p.stat().st_mtime for p in path.iterdir()), default=0.0) if path.is_dir() else path.stat().st_mtime
    return str(path), stamp


def choose_workspace(lang: str) -> WorkspaceView | None:
    """A configured workspace, or one uploaded as a zip (its uploader sits at the foot of the sidebar)."""
    configured = configured_workspace()
    if configured is not None:
        return WorkspaceView(open_workspace(*configured), ("workspace", *configured), lang)
    file = st.session_state.get("data_workspace")  # the uploader's value, known before it is drawn
    if file is None:
        return None
    data = file.getvalue()
    return WorkspaceView(open_workspace(data), ("workspace", _digest(data)), lang)


def workspace_uploader(lang: str) -> None:
    if configured_workspace() is not None:
        return
    with st.sidebar:
        st.subheader(t("app.workspace", lang))
        st.file_uploader(t("app.upload.workspace", lang), type=["zip"], key="data_workspace",
                         help=t("app.upload.workspace.help", lang))


def workspace_people(ws: Workspace, relation: str) -> pd.DataFrame:
    people = ws.people()
    prefix = f"{relation}_"
    keep = {c: c[len(prefix):] for c in people.columns if c.startswith(prefix) and c[len(prefix):] in PERSON_COLUMNS}
    base = [c for c in people.columns if not any(c.startswith(f"{r}_") for r in ws.relations)
            and not c.startswith(("community_", "community_stability_"))]
    frame = people[base].join(people[list(keep)].rename(columns=keep))
    if f"community_{relation}" in people.columns:
        frame["community"] = people[f"community_{relation}"]
    return frame


def ws_start(view: WorkspaceView) -> None:
    lang, manifest = view.lang, view.workspace.manifest
    st.title(t("start.title", lang))
    st.markdown(t("start.intro", lang))
    st.info(t("workspace.note", lang, title=md(view.title)))
    cols = st.columns(3)
    cols[0].metric(t("overview.people", lang), number(int(manifest.get("people", 0)), lang))
    cols[1].metric(t("field.respondents", lang), number(int(manifest.get("respondents", 0)), lang))
    cols[2].metric(t("workspace.min_group", lang), str(manifest.get("privacy", {}).get("min_group_size", "—")))
    st.caption(md(manifest.get("privacy", {}).get("names", "")))


def ws_overview(view: WorkspaceView) -> None:
    lang, ws = view.lang, view.workspace
    st.title(t("overview.title", lang))
    st.caption(md(view.title))
    summary = ws.summary()
    manifest = ws.manifest
    people = int(manifest.get("people", 0))
    cols = st.columns(3 + len(ws.relations))
    cols[0].metric(t("overview.people", lang), number(people, lang))
    cols[1].metric(t("overview.response", lang),
                   percent(int(manifest.get("respondents", 0)) / people, lang) if people else "—")
    cols[2].metric(t("overview.groups", lang), number(len(ws.groups_shown), lang))
    for col, relation in zip(cols[3:], ws.relations):
        col.metric(t("overview.ties", lang, relation=relation_label(relation, lang)),
                   number(int(summary.get(relation, {}).get("ties", 0)), lang))
    st.subheader(t("overview.findings", lang))
    findings = ws.findings()
    if not findings:
        st.success(t("overview.no_findings", lang))
    for i, finding in enumerate(findings):
        show_finding(finding, i, {}, lang)
    with st.expander(t("overview.network_figures", lang)):
        rows = {r: {label_of("summary", f, lang, f): summary.get(r, {}).get(f) for f in SUMMARY_FIGURES}
                for r in ws.relations}
        st.dataframe(pd.DataFrame(rows).map(lambda v: round(v, 3) if isinstance(v, float) else v), width="stretch",
                     key="overview_summary")


def ws_network(view: WorkspaceView) -> None:
    lang, ws, group_by = view.lang, view.workspace, view.group_by
    st.title(t("network.title", lang))
    controls, canvas = st.columns([1, 3], gap="medium")
    with controls:
        relation = st.selectbox(t("network.relation", lang), ws.relations, key="net_relation",
                                format_func=lambda r: relation_label(r, lang))
        level = st.radio(t("network.focus", lang), ["overview", "all"], key="ws_level",
                         format_func=lambda m: t(f"network.focus.{m}", lang))
        size_by = st.selectbox(t("network.size", lang), ["", *SIZE_METRICS], key="net_size",
                               format_func=lambda m: column_label(m, lang) if m else t("network.size.none", lang))
    H = ws.graph(relation)
    with canvas:
        if level == "overview" or len(H) == 0:
            if len(H) == 0:
                st.info(t("network.manager_empty", lang))
            groups = ws.groups()
            table = groups[groups["relation"] == relation].set_index("group")[["ei_index"]]
            html = group_drawing(ws.graph(relation, aggregate=True), (*view.key, relation), table, (), lang)
            st.iframe(html, height=580)
            return
        metrics = workspace_people(ws, relation).set_index("person")
        shown = [c for c in dict.fromkeys((*TOOLTIP_METRICS, size_by)) if c and c in metrics.columns]
        html = person_drawing(H, (*view.key, relation), metrics[shown], group_by, f"group:{lang}", size_by or None,
                              (), (), False, lang)
        st.iframe(html, height=690)
        st.caption(t("network.caption", lang, nodes=number(H.number_of_nodes(), lang),
                     edges=number(H.number_of_edges(), lang)))


def ws_groups(view: WorkspaceView) -> None:
    lang, ws, group_by = view.lang, view.workspace, view.group_by
    st.title(t("groups.title", lang))
    cols = st.columns([1, 1, 2])
    relation = cols[0].selectbox(t("network.relation", lang), ws.relations, key="groups_relation",
                                 format_func=lambda r: relation_label(r, lang))
    values = cols[1].radio(t("groups.values", lang), ["counts", "density"], key="groups_values", horizontal=True,
                           format_func=lambda v: t(f"groups.values.{v}", lang))
    counts = ws.group_matrix(relation)
    matrix = counts if values == "counts" else ws.group_density_matrix(relation)
    st.subheader(t("groups.matrix", lang))
    st.caption(t("groups.matrix.help", lang))
    st.altair_chart(heatmap(matrix, values, lang), width="stretch", key="groups_heatmap")
    groups = ws.groups()
    table = groups[groups["relation"] == relation]
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.subheader(t("groups.graph", lang))
        st.caption(t("groups.graph.help", lang))
        html = group_drawing(ws.graph(relation, aggregate=True), (*view.key, relation),
                             table.set_index("group")[["ei_index"]], (), lang)
        st.iframe(html, height=580)
    with right:
        st.subheader(t("groups.ei", lang))
        st.caption(t("groups.ei.help", lang))
        shown = table[["group", "size", "ei_index", "ei_p_value"]].rename(columns={
            "group": column_label(group_by, lang), "size": t("field.people", lang),
            "ei_index": t("metric.ei_index", lang), "ei_p_value": "p"})
        st.dataframe(shown, hide_index=True, width="stretch", key="groups_ei_table")


def ws_people(view: WorkspaceView) -> None:
    lang, ws = view.lang, view.workspace
    st.title(t("people.title", lang))
    st.caption(t("people.help", lang))
    relation = st.selectbox(t("network.relation", lang), ws.relations, key="people_relation",
                            format_func=lambda r: relation_label(r, lang))
    frame = workspace_people(ws, relation)
    if frame.empty:
        st.info(t("network.manager_empty", lang))
        return
    st.dataframe(frame.rename(columns={c: column_label(c, lang) for c in frame.columns}), hide_index=True,
                 width="stretch", height=560, key="people_table")


def ws_change(view: WorkspaceView) -> None:
    st.title(t("change.title", view.lang))
    st.info(t("workspace.no_change", view.lang))


def ws_export(view: WorkspaceView) -> None:
    lang, ws = view.lang, view.workspace
    st.title(t("export.title", lang))
    st.download_button(t("workspace.download", lang), ws.to_zip, file_name="ona_workspace.zip",
                       mime="application/zip", key="export_workspace", type="primary", on_click="ignore")
    st.download_button(t("export.findings", lang), ws.findings_markdown().encode("utf-8"),
                       file_name="ona_findings.md", mime="text/markdown", key="export_findings", on_click="ignore")
    tables = {t("export.table.groups", lang): ws.groups(), t("export.table.people", lang): ws.people()}
    st.download_button(t("export.workbook", lang), lambda: export.tables_xlsx(tables), file_name="ona.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="export_xlsx",
                       on_click="ignore")


# -- main ----------------------------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="ona", page_icon="🕸️", layout="wide")  # an emoji favicon is drawn locally
    setup_state()
    try:
        role, policy = current_role()
    except OnaError as exc:  # a broken role configuration must not fall back to showing everything
        show_error(exc)
        return
    lang, page = sidebar_top(role)
    try:
        workspace = choose_workspace(lang)
    except OnaError as exc:
        show_error(exc)
        return
    if workspace is not None:  # a published workspace holds only what managers may see
        st.info(t("workspace.notice", lang), icon=":material/lock:")
        workspace_pages: dict[str, Callable[[WorkspaceView], None]] = {
            "start": ws_start, "overview": ws_overview, "network": ws_network, "groups": ws_groups,
            "people": ws_people, "change": ws_change, "export": ws_export,
        }
        try:
            workspace_pages[page](workspace)
        except OnaError as exc:
            show_error(exc)
        workspace_uploader(lang)
        return
    data, error = choose_data(lang, role.is_manager)
    group_by = group_by_choice(data.net, lang)
    workspace_uploader(lang)
    pages: dict[str, Callable[[View], None]] = {
        "start": lambda v: page_start(v, error),
        "overview": page_overview,
        "network": page_network,
        "groups": page_groups,
        "people": page_people,
        "change": page_change,
        "export": page_export,
    }
    try:
        data = with_expected(data, group_by)
        if role.is_manager:  # every figure a manager sees is computed without the groups that must stay hidden
            data = for_managers(data, group_by, policy)
        analysis = run_analysis(data.net, data.key, group_by, t("app.analysing", lang))
        view = View(data, analysis, group_by, lang, role, policy)
        if role.is_manager:
            st.info(t("app.manager_notice", lang), icon=":material/lock:")
        pages[page](view)
    except OnaError as exc:
        show_error(exc)


main()
