"""ona's Streamlit app: upload a network survey, check it, and explore silos, gaps and bridges.

Run it with ``streamlit run app.py`` (or ``ona app``). The app is a thin layer
over the ``ona`` package: every number comes from ``ona``; this file holds the
widgets, the layout and the caching. Heavy work is cached on the uploaded
bytes and the parameters, and ``ona`` errors (``OnaError``) are shown as one
sentence saying what to do, never as a traceback.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from ona import export, samples
from ona.exceptions import OnaError
from ona.groups import ei_index, group_density_matrix, group_matrix, group_table
from ona.i18n import LANGUAGE_NAMES, LANGUAGES, preferred_language, t
from ona.ingest import load_network
from ona.layout import PERSON_LEVEL_LIMIT, ego_subgraph, focus_subgraph, group_graph, seeded_layout
from ona.metrics import person_table
from ona.model import OrgNetwork
from ona.render import group_graph_html, to_html
from ona.report import ISSUE_KINDS, response_table


def _optional(name: str) -> ModuleType | None:
    """Parts of ona that a build may not include yet; the app shows what exists."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


findings_module = _optional("ona.findings")
community_module = _optional("ona.community")

PAGES = ("start", "overview", "network", "groups", "people", "export")
TOOLTIP_METRICS = ("in_degree", "out_degree", "betweenness", "brokerage_total", "constraint")
SIZE_METRICS = ("in_degree", "betweenness", "pagerank", "brokerage_total", "effective_size", "constraint")
PEOPLE_COLUMNS = (
    "in_degree", "out_degree", "betweenness", "pagerank", "constraint", "effective_size",
    "brokerage_coordinator", "brokerage_itinerant", "brokerage_gatekeeper", "brokerage_representative",
    "brokerage_liaison", "brokerage_total", "departments_reached", "responded",
)
SEVERITY_COLOURS = {"high": "red", "medium": "orange", "low": "blue", "info": "gray"}
BROKERS_SHOWN = 10
CROSS_GROUP_ROLES = ("brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison")
SEED = 0


# -- data: what is being looked at -------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """The network on screen and a hashable key that identifies it for the caches."""

    net: OrgNetwork
    key: tuple[Hashable, ...]
    kind: str  # "sample" or "upload"
    title: str
    description: str = ""
    expected: tuple[tuple[str, str], ...] = ()  # declared collaborations: (collaboration, group)


@st.cache_data(show_spinner=False)
def sample_table() -> pd.DataFrame:
    return samples.list_samples()


@st.cache_data(show_spinner=False, max_entries=8)
def load_sample(name: str, wave: str | None) -> OrgNetwork:
    return samples.load(name, wave=wave)


@st.cache_data(show_spinner=False, max_entries=8)
def sample_waves(name: str) -> list[str]:
    waves = samples.list_samples().set_index("name").loc[name, "waves"]
    return [w.strip() for w in str(waves).split(",") if w.strip()]


@st.cache_data(show_spinner=False, max_entries=8)
def sample_expected(name: str) -> tuple[tuple[str, str], ...]:
    path = samples.expected_collaborations_path(name)
    if path is None or not path.exists():
        return ()
    frame = pd.read_csv(path, dtype=str)
    return tuple(zip(frame["collaboration"], frame["group"]))


def _named_bytes(name: str, data: bytes) -> io.BytesIO:
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


@st.cache_data(show_spinner=False, max_entries=4)
def load_upload(
    roster: tuple[str, bytes],
    ties: tuple[tuple[str, bytes], ...],
    relation: str | None,
    relations: tuple[tuple[str, str], ...],
    resolutions: tuple[tuple[str, str | None], ...],
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
        name=roster[0].rsplit(".", 1)[0],
        filename=ties[0][0] if len(ties) == 1 else None,
    )


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:16]


# -- cached analyses (the network is passed as _net and identified by its key) -------------------


@st.cache_data(show_spinner=False, max_entries=32)
def people_metrics(_net: OrgNetwork, key: tuple, relation: str, group_by: str) -> pd.DataFrame:
    table = person_table(_net.graph(relation), group_by, seed=SEED)
    return table


@st.cache_data(show_spinner=False, max_entries=32)
def group_figures(_net: OrgNetwork, key: tuple, relation: str, group_by: str) -> dict[str, pd.DataFrame]:
    G = _net.graph(relation)
    return {
        "matrix": group_matrix(G, group_by),
        "density": group_density_matrix(G, group_by),
        "table": group_table(G, group_by, n_permutations=1000, seed=SEED),
    }


@st.cache_data(show_spinner=False, max_entries=16)
def communities(_net: OrgNetwork, key: tuple, relation: str) -> dict[str, str]:
    if community_module is None:
        return {}
    parts = community_module.louvain_communities(_net.graph(relation), seed=SEED)
    if isinstance(parts, dict):
        return {str(n): str(c) for n, c in parts.items()}
    return {str(n): str(i + 1) for i, part in enumerate(parts) for n in part}


@st.cache_data(show_spinner=False, max_entries=8)
def find_findings(_net: OrgNetwork, key: tuple, group_by: str, expected: tuple[tuple[str, str], ...]) -> list[Any]:
    if findings_module is None:
        return []
    expected_frame = pd.DataFrame(list(expected), columns=["collaboration", "group"]) if expected else None
    return list(findings_module.find_findings(_net, expected=expected_frame, group_by=group_by))


@st.cache_data(show_spinner=False, max_entries=32)
def positions(_G: nx.Graph, key: tuple) -> dict[str, tuple[float, float]]:
    return seeded_layout(_G, seed=SEED)


@st.cache_data(show_spinner=False, max_entries=32)
def person_drawing(
    _G: nx.Graph,
    key: tuple,
    _metrics: pd.DataFrame,
    _colour: str | dict[str, str],
    colour_key: str,
    size_by: str | None,
    highlight: tuple[str, ...],
    bridges: tuple[tuple[str, str], ...],
    physics: bool,
    lang: str,
) -> str:
    return to_html(_G, color_by=_colour, size_by=size_by, metrics=_metrics, highlight=highlight, bridges=bridges,
                   positions=positions(_G, key), physics=physics, lang=lang)


@st.cache_data(show_spinner=False, max_entries=16)
def group_drawing(_H: nx.DiGraph, key: tuple, _metrics: pd.DataFrame | None, options: tuple) -> str:
    return group_graph_html(_H, metrics=_metrics, **dict(options))


# -- small helpers ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """User text made inert for st.markdown (no links, emphasis, HTML, LaTeX or colour directives)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def show_error(exc: OnaError) -> None:
    st.error(str(exc), icon="⚠️")


def relations_with_ties(net: OrgNetwork) -> list[str]:
    counts = net.ties["relation"].value_counts()
    return [r for r in net.relations if counts.get(r, 0) > 0]


def names(net: OrgNetwork) -> pd.Series:
    return net.display_names().astype(str)


def metric_label(column: str, lang: str) -> str:
    try:
        return t(f"metric.{column}", lang)
    except KeyError:
        return column.replace("_", " ")


def field_label(column: str, lang: str) -> str:
    try:
        return t(f"field.{column}", lang)
    except KeyError:
        return metric_label(column, lang)


def finding_value(finding: Any, attribute: str, lang: str) -> Any:
    value = getattr(finding, attribute, None)
    if isinstance(value, dict):
        return value.get(lang) or value.get("en") or next(iter(value.values()), "")
    return value


# -- the page frame ----------------------------------------------------------------------------------


def setup_state() -> None:
    headers = st.context.headers
    accept = headers.get("Accept-Language") if headers is not None else None
    st.session_state.setdefault("side_lang", preferred_language(st.context.locale, accept))
    st.session_state.setdefault("side_page", "start")
    st.session_state.setdefault("data_sample", "municipality" if "municipality" in samples.available() else samples.available()[0])
    st.session_state.setdefault("decisions_for", None)
    st.session_state.setdefault("decisions_relations", {})
    st.session_state.setdefault("decisions_resolutions", {})


def sidebar(lang_default: str) -> tuple[str, str]:
    with st.sidebar:
        st.title("ona")
        st.caption(t("app.tagline", lang_default))
        lang = st.radio(
            t("app.language", lang_default), LANGUAGES, format_func=LANGUAGE_NAMES.get, key="side_lang",
            horizontal=True,
        )
        page = st.radio(
            t("app.page", lang), PAGES, format_func=lambda p: t(f"app.page.{p}", lang), key="side_page",
        )
    return lang, page


def choose_data(lang: str) -> tuple[Dataset | None, OnaError | None]:
    """The sidebar's data section: uploads when both files are there, the chosen sample otherwise."""
    with st.sidebar:
        st.subheader(t("app.data", lang))
        roster_file = st.file_uploader(t("app.upload.roster", lang), type=["csv", "xlsx", "txt"], key="data_roster")
        tie_files = st.file_uploader(
            t("app.upload.ties", lang), type=["csv", "xlsx", "txt"], accept_multiple_files=True, key="data_ties"
        )
        st.caption(t("app.upload.help", lang))
        error: OnaError | None = None
        if roster_file is not None and tie_files:
            roster = (roster_file.name, roster_file.getvalue())
            ties = tuple((f.name, f.getvalue()) for f in tie_files)
            digest = _digest(roster[1], *(data for _, data in ties))
            if st.session_state["decisions_for"] != digest:
                st.session_state["decisions_for"] = digest
                st.session_state["decisions_relations"] = {}
                st.session_state["decisions_resolutions"] = {}
            relation = st.session_state.get("upload_relation_name") or None
            wave = st.session_state.get("upload_wave") or None
            relations = tuple(sorted(st.session_state["decisions_relations"].items()))
            resolutions = tuple(sorted(st.session_state["decisions_resolutions"].items(), key=lambda kv: kv[0]))
            try:
                with st.spinner(t("app.loading", lang)):
                    net = load_upload(roster, ties, relation, relations, resolutions, wave)
            except OnaError as exc:
                error = exc
            else:
                key = ("upload", digest, relation, relations, resolutions, wave)
                title = net.name or roster[0]
                st.success(t("app.using.upload", lang, title=md(title)))
                return Dataset(net, key, "upload", title), None
        table = sample_table().set_index("name")
        sample = st.selectbox(
            t("app.sample", lang), list(table.index), format_func=lambda n: str(table.loc[n, "title"]),
            key="data_sample",
        )
        waves = sample_waves(sample)
        wave = st.selectbox(t("app.wave", lang), waves, key="data_wave") if len(waves) > 1 else None
        net = load_sample(sample, wave)
        st.info(t("app.using.sample", lang, title=md(table.loc[sample, "title"])))
        dataset = Dataset(
            net, ("sample", sample, wave), "sample", str(table.loc[sample, "title"]),
            str(table.loc[sample, "description"]), sample_expected(sample),
        )
        return dataset, error


def group_by_choice(net: OrgNetwork, lang: str) -> str:
    candidates = [c for c in ("department", "team", "location", "role") if net.roster[c].notna().any()]
    candidates += [c for c in net.roster.columns if c not in candidates and c not in ("name", "email", "manager")
                   and net.roster[c].notna().any() and 1 < net.roster[c].nunique() < max(2, len(net) // 2)]
    if not candidates:
        candidates = ["department"]
    if st.session_state.get("side_group_by") not in candidates:
        st.session_state["side_group_by"] = candidates[0]
    with st.sidebar:
        return st.selectbox(t("app.group_by", lang), candidates, format_func=lambda c: field_label(c, lang),
                            key="side_group_by")


# -- pages -------------------------------------------------------------------------------------------


def page_start(data: Dataset, error: OnaError | None, lang: str) -> None:
    st.title(t("start.title", lang))
    st.markdown(t("start.intro", lang))
    st.markdown(t("start.steps", lang))
    if error is not None:
        show_error(error)
    roster_file = st.session_state.get("data_roster")
    tie_files = st.session_state.get("data_ties")
    if roster_file is not None and not tie_files:
        st.warning(t("start.waiting_ties", lang))
    elif roster_file is None and tie_files:
        st.warning(t("start.waiting_roster", lang))
    if data.kind == "sample":
        st.info(t("start.sample_note", lang, title=md(data.title), description=md(data.description)))
    else:
        st.success(t("start.uploaded", lang, people=len(data.net), ties=len(data.net.ties)))
    upload_options(lang, data)
    ingest_report(data, lang)


def upload_options(lang: str, data: Dataset) -> None:
    """Options that change how an upload is read: relation name for plain lists, wave label, question mapping."""
    if data.kind != "upload" and not st.session_state.get("data_ties"):
        return
    details = data.net.report.details if data.kind == "upload" else {}
    columns = st.columns(2)
    columns[0].text_input(t("start.relation_name", lang), key="upload_relation_name")
    columns[1].text_input(t("start.wave_label", lang), key="upload_wave")
    questions = details.get("questions")
    if questions:
        st.subheader(t("start.questions", lang))
        st.caption(t("start.questions.help", lang))
        frame = pd.DataFrame(questions)
        if "relation" not in frame.columns:
            frame["relation"] = ""
        frame["relation"] = frame["relation"].fillna("").astype(str)
        text_column = next((c for c in ("text", "question", "header") if c in frame.columns), frame.columns[0])
        with st.form("upload_mapping_form"):
            edited = st.data_editor(
                frame,
                disabled=[c for c in frame.columns if c != "relation"],
                hide_index=True,
                width="stretch",
                key="upload_mapping",
            )
            if st.form_submit_button(t("start.apply_mapping", lang), key="upload_mapping_apply"):
                mapping = {str(q): str(r).strip() for q, r in zip(edited[text_column], edited["relation"])}
                st.session_state["decisions_relations"] = {q: r for q, r in mapping.items() if r}
                st.rerun()


def ingest_report(data: Dataset, lang: str) -> None:
    net = data.net
    report = net.report
    st.subheader(t("start.check", lang))
    cols = st.columns(4)
    cols[0].metric(t("overview.people", lang), f"{len(net):,}")
    cols[1].metric(t("overview.response", lang), f"{net.response_rate:.0%}",
                   help=t("overview.respondents", lang, respondents=len(net.respondents), people=len(net)))
    cols[2].metric(t("start.format", lang), report.input_format or "—")
    platform = report.details.get("platform")
    cols[3].metric(t("start.platform", lang), platform or "—")
    if report.sources:
        st.caption(f"{t('start.sources', lang)}: " + ", ".join(md(s) for s in report.sources))
    review_names(data, lang)
    st.subheader(t("start.report", lang))
    counts = report.counts()
    if not counts:
        st.success(t("start.no_problems", lang))
    else:
        st.warning(t("start.problems", lang, count=len(report.issues)))
        kinds = pd.DataFrame(
            [{t("start.kind", lang): issue_label(kind, lang), t("start.count", lang): n} for kind, n in counts.items()]
        )
        st.dataframe(kinds, hide_index=True, key="start_issue_counts")
        with st.expander(t("start.all_items", lang, count=len(report.issues))):
            items = report.to_frame()
            items["kind"] = items["kind"].map(lambda k: issue_label(k, lang))
            st.dataframe(items, hide_index=True, width="stretch", key="start_issue_items")
    group_by = st.session_state.get("side_group_by", "department")
    if group_by in net.roster.columns:
        st.subheader(t("start.response", lang))
        table = response_table(net, group_by).rename(columns={
            "group": field_label(group_by, lang), "people": t("field.people", lang),
            "respondents": t("field.respondents", lang), "response_rate": t("field.response_rate", lang),
        })
        st.dataframe(table, hide_index=True, key="start_response",
                     column_config={t("field.response_rate", lang): st.column_config.ProgressColumn(
                         format="percent", min_value=0.0, max_value=1.0)})


def issue_label(kind: str, lang: str) -> str:
    try:
        return t(f"issue.{kind}", lang)
    except KeyError:
        return ISSUE_KINDS.get(kind, kind)


def review_names(data: Dataset, lang: str) -> None:
    """Names in the export that match several people (or nobody exactly): let the user decide."""
    review = data.net.report.details.get("review") or []
    if data.kind != "upload" or not review:
        return
    st.subheader(t("start.review", lang))
    st.caption(t("start.review.help", lang))
    roster_names = names(data.net)
    undecided, outside = "__undecided__", "__outside__"
    with st.form("upload_review_form"):
        choices: dict[str, str] = {}
        for i, item in enumerate(review):
            name = str(item.get("name", ""))
            candidates = [str(c) for c in item.get("candidates", [])]
            options = [undecided, *candidates, outside]
            current = st.session_state["decisions_resolutions"].get(name, undecided)
            current = outside if current is None else current
            label = name + (f" — {t('start.review.mentions', lang, count=item['count'])}" if item.get("count") else "")
            choices[name] = st.selectbox(
                label,
                options,
                index=options.index(current) if current in options else 0,
                format_func=lambda c: (
                    t("start.review.undecided", lang) if c == undecided
                    else t("start.review.not_on_roster", lang) if c == outside
                    else f"{roster_names.get(c, c)} ({c}, {data.net.roster.at[c, 'department'] if c in data.net.roster.index else ''})"
                ),
                key=f"upload_review_{i}",
            )
        if st.form_submit_button(t("start.review.apply", lang), key="upload_review_apply"):
            decisions = {n: (None if c == outside else c) for n, c in choices.items() if c != undecided}
            st.session_state["decisions_resolutions"] = decisions
            st.rerun()
    if st.session_state["decisions_resolutions"]:
        st.caption(t("start.review.done", lang, count=len(st.session_state["decisions_resolutions"])))


def page_overview(data: Dataset, group_by: str, lang: str) -> None:
    net = data.net
    st.title(t("overview.title", lang))
    st.caption(md(data.title) + (f" · {t('app.wave', lang)} {md(net.wave)}" if net.wave else ""))
    relations = relations_with_ties(net)
    counts = net.ties["relation"].value_counts()
    cols = st.columns(3 + len(net.relations))
    cols[0].metric(t("overview.people", lang), f"{len(net):,}")
    cols[1].metric(t("overview.response", lang), f"{net.response_rate:.0%}",
                   help=t("overview.respondents", lang, respondents=len(net.respondents), people=len(net)))
    cols[2].metric(t("overview.groups", lang), f"{net.groups(group_by).nunique():,}")
    for col, relation in zip(cols[3:], net.relations):
        col.metric(t("overview.ties", lang, relation=relation), f"{int(counts.get(relation, 0)):,}")
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    st.subheader(t("overview.findings", lang))
    if findings_module is None:
        st.info(t("overview.findings_pending", lang))
        return
    with st.spinner(t("app.analysing", lang)):
        findings = find_findings(net, data.key, group_by, data.expected)
    if data.expected:
        st.caption(t("overview.expected", lang))
    if not findings:
        st.success(t("overview.no_findings", lang))
    for i, finding in enumerate(findings):
        show_finding(finding, i, net, lang)


def show_finding(finding: Any, index: int, net: OrgNetwork, lang: str) -> None:
    severity = str(getattr(finding, "severity", "info"))
    with st.container(border=True):
        badge = t(f"severity.{severity}", lang) if f"severity.{severity}" in _severity_keys() else severity
        st.badge(badge, color=SEVERITY_COLOURS.get(severity, "gray"))
        st.markdown(md(finding_value(finding, "text", lang)))
        suggestions = finding_value(finding, "suggestions", lang)
        if suggestions:
            items = suggestions if isinstance(suggestions, (list, tuple)) else [suggestions]
            st.markdown(f"**{t('overview.suggestions', lang)}**\n\n" + "\n".join(f"- {md(s)}" for s in items))
        with st.expander(t("overview.evidence", lang)):
            relation = getattr(finding, "relation", None)
            if relation:
                st.caption(f"{t('overview.relation', lang)}: {md(relation)}")
            groups = getattr(finding, "groups", ()) or ()
            if groups:
                st.caption(f"{t('overview.groups_involved', lang)}: " + ", ".join(md(g) for g in groups))
            people = getattr(finding, "people", ()) or ()
            if people:
                display = names(net)
                st.caption(f"{t('overview.people_involved', lang)}: "
                           + ", ".join(md(display.get(p, p)) for p in people))
            show_evidence(getattr(finding, "evidence", None), f"overview_evidence_{index}")


def _severity_keys() -> set[str]:
    from ona.i18n import STRINGS

    return {k for k in STRINGS if k.startswith("severity.")}


def show_evidence(evidence: Any, key: str) -> None:
    if evidence is None:
        return
    if isinstance(evidence, pd.DataFrame):
        st.dataframe(evidence, hide_index=True, width="stretch", key=key)
    elif isinstance(evidence, dict):
        tables = {k: v for k, v in evidence.items() if isinstance(v, pd.DataFrame)}
        scalars = {k: v for k, v in evidence.items() if not isinstance(v, pd.DataFrame)}
        if scalars:
            frame = pd.DataFrame({"": list(scalars), " ": [str(v) for v in scalars.values()]})
            st.dataframe(frame, hide_index=True, key=f"{key}_values")
        for name, table in tables.items():
            st.caption(md(name))
            st.dataframe(table, hide_index=True, width="stretch", key=f"{key}_{name}")
    else:
        st.text(str(evidence))


def fragile_bridges(findings: list[Any]) -> tuple[set[str], list[tuple[str, tuple[str, ...]]]]:
    """People and group pairs of the findings about fragile bridges."""
    people: set[str] = set()
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for finding in findings:
        if "bridge" in str(getattr(finding, "kind", "")):
            for person in getattr(finding, "people", ()) or ():
                people.add(str(person))
                pairs.append((str(person), tuple(getattr(finding, "groups", ()) or ())))
    return people, pairs


def page_network(data: Dataset, group_by: str, lang: str) -> None:
    net = data.net
    st.title(t("network.title", lang))
    relations = relations_with_ties(net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    groups = sorted(net.groups(group_by).unique())
    large = len(net) > PERSON_LEVEL_LIMIT
    focus_modes = ["overview", "group", "person"] if large else ["all", "group", "person"]
    if st.session_state.get("net_focus") not in focus_modes:
        st.session_state["net_focus"] = focus_modes[0]
    if not set(st.session_state.get("net_groups", groups)) <= set(groups):
        st.session_state["net_groups"] = groups
    st.session_state.setdefault("net_groups", groups)

    controls, canvas = st.columns([1, 3], gap="medium")
    with controls:
        relation = st.selectbox(t("network.relation", lang), relations, key="net_relation")
        focus = st.radio(t("network.focus", lang), focus_modes, format_func=lambda m: t(f"network.focus.{m}", lang),
                         key="net_focus")
        shown_groups = groups
        focus_group = focus_person = None
        if focus == "all":
            shown_groups = st.multiselect(t("network.filter", lang), groups, key="net_groups")
        elif focus == "group":
            focus_group = st.selectbox(t("network.focus_group", lang), groups, key="net_focus_group")
        elif focus == "person":
            display = names(net)
            people = sorted(net.people, key=lambda p: display[p].lower())
            focus_person = st.selectbox(t("network.focus_person", lang), people,
                                        format_func=lambda p: f"{display[p]} ({p})", key="net_focus_person")
        color_modes = ["group"] + (["community"] if community_module is not None else [])
        color_mode = st.selectbox(t("network.color", lang), color_modes,
                                  format_func=lambda m: t(f"network.color.{m}", lang), key="net_color")
        size_by = st.selectbox(t("network.size", lang), ["", *SIZE_METRICS],
                               format_func=lambda m: metric_label(m, lang) if m else t("network.size.none", lang),
                               key="net_size")
        show_brokers = st.toggle(t("network.brokers", lang), value=True, key="net_brokers",
                                 help=t("network.brokers.help", lang))
        show_bridges = st.toggle(t("network.bridges", lang), value=True, key="net_bridges",
                                 disabled=findings_module is None)
        physics = st.toggle(t("network.physics", lang), value=False, key="net_physics")

    G = net.graph(relation)
    with st.spinner(t("app.analysing", lang)):
        metrics = people_metrics(net, data.key, relation, group_by)
    if focus == "overview":
        with canvas:
            st.info(t("network.too_large", lang, people=f"{len(net):,}"))
            draw_group_level(net, data, relation, group_by, lang)
        return

    if focus == "group" and focus_group is not None:
        H = focus_subgraph(G, focus_group, group_by)
        subset = ("group", focus_group)
    elif focus == "person" and focus_person is not None:
        H = ego_subgraph(G, focus_person)
        subset = ("person", focus_person)
    else:
        keep = set(shown_groups)
        labels = net.groups(group_by)
        H = G.subgraph([p for p in G.nodes if labels[p] in keep])
        subset = ("groups", tuple(sorted(keep)))
    if len(H) == 0:
        st.warning(t("network.empty", lang))
        return

    brokers = cross_group_brokers(metrics.loc[[p for p in H.nodes if p in metrics.index]]) if show_brokers else []
    bridge_edges: list[tuple[str, str]] = []
    bridge_people: set[str] = set()
    if show_bridges and findings_module is not None:
        findings = find_findings(net, data.key, group_by, data.expected)
        bridge_people, pairs = fragile_bridges(findings)
        labels = net.groups(group_by)
        for person, pair_groups in pairs:
            for u, v in H.edges:
                if person in (u, v) and labels[u] != labels[v] and (not pair_groups or
                                                                    {labels[u], labels[v]} <= set(pair_groups)):
                    bridge_edges.append((u, v))
    colour: str | dict[str, str] = group_by
    if color_mode == "community":
        parts = communities(net, data.key, relation)
        colour = {p: t("common.community", lang, number=c) for p, c in parts.items()}
    shown_metrics = metrics[[c for c in TOOLTIP_METRICS if c in metrics.columns]]
    html = person_drawing(
        H, (*data.key, relation, group_by, subset), shown_metrics, colour, f"{color_mode}:{lang}", size_by or None,
        tuple(sorted(set(brokers) | bridge_people)), tuple(sorted(set(bridge_edges))), physics, lang,
    )
    with canvas:
        st.iframe(html, height=680)
        st.caption(t("network.caption", lang, nodes=H.number_of_nodes(), edges=H.number_of_edges()))
        display = names(net)
        if brokers:
            st.markdown(t("network.brokers_list", lang, names=", ".join(md(display[p]) for p in brokers)))
        if bridge_people:
            st.markdown(t("network.bridges_list", lang,
                          names=", ".join(md(display.get(p, p)) for p in sorted(bridge_people))))


def cross_group_brokers(metrics: pd.DataFrame, limit: int = BROKERS_SHOWN) -> list[str]:
    """The people with the most Gould-Fernandez brokerage *between* groups (gatekeeper, representative, liaison)."""
    columns = [c for c in CROSS_GROUP_ROLES if c in metrics.columns]
    if not columns or metrics.empty:
        return []
    score = metrics[columns].fillna(0).sum(axis=1)
    ranked = pd.DataFrame({"score": score, "betweenness": metrics.get("betweenness", 0.0)})
    ranked = ranked[ranked["score"] > 0].sort_values(["score", "betweenness"], ascending=False)
    return ranked.index[:limit].tolist()


def draw_group_level(net: OrgNetwork, data: Dataset, relation: str, group_by: str, lang: str, *,
                     highlight: tuple[tuple[str, str], ...] = ()) -> str:
    G = net.graph(relation)
    H = group_graph(G, group_by)
    figures = group_figures(net, data.key, relation, group_by)
    table = figures["table"].set_index("group")[["ei_index"]]
    html = group_drawing(H, (*data.key, relation, group_by), table, (("lang", lang), ("highlight_edges", highlight)))
    st.iframe(html, height=580)
    return html


def page_groups(data: Dataset, group_by: str, lang: str) -> None:
    net = data.net
    st.title(t("groups.title", lang))
    relations = relations_with_ties(net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 1, 2])
    relation = cols[0].selectbox(t("network.relation", lang), relations, key="groups_relation")
    values = cols[1].radio(t("groups.values", lang), ["counts", "density"],
                           format_func=lambda v: t(f"groups.values.{v}", lang), key="groups_values", horizontal=True)
    with st.spinner(t("app.analysing", lang)):
        figures = group_figures(net, data.key, relation, group_by)
    st.subheader(t("groups.matrix", lang))
    st.caption(t("groups.matrix.help", lang))
    matrix = figures["matrix"] if values == "counts" else figures["density"]
    st.altair_chart(heatmap(matrix, values, lang), width="stretch", key="groups_heatmap")

    left, right = st.columns([3, 2])
    with left:
        st.subheader(t("groups.graph", lang))
        st.caption(t("groups.graph.help", lang))
        pair = st.session_state.get("groups_pair_a"), st.session_state.get("groups_pair_b")
        highlight = (tuple(pair),) if all(pair) and pair[0] != pair[1] else ()
        draw_group_level(net, data, relation, group_by, lang, highlight=highlight)
    with right:
        st.subheader(t("groups.ei", lang))
        st.caption(t("groups.ei.help", lang))
        table = figures["table"]
        shown = table[["group", "size", "ei_index", "ei_p_value"]].rename(columns={
            "group": field_label(group_by, lang), "size": t("field.people", lang),
            "ei_index": t("metric.ei_index", lang), "ei_p_value": "p",
        })
        st.dataframe(shown, hide_index=True, key="groups_ei_table", width="stretch",
                     column_config={t("metric.ei_index", lang): st.column_config.NumberColumn(format="%+.2f"),
                                    "p": st.column_config.NumberColumn(format="%.3f", help=t("groups.ei.p", lang))})

    st.subheader(t("groups.pair", lang))
    groups = list(matrix.index)
    if len(groups) < 2:
        return
    st.session_state.setdefault("groups_pair_a", groups[0])
    st.session_state.setdefault("groups_pair_b", groups[1])
    c1, c2 = st.columns(2)
    a = c1.selectbox(t("groups.pair.first", lang), groups, key="groups_pair_a")
    b = c2.selectbox(t("groups.pair.second", lang), groups, key="groups_pair_b")
    if a == b:
        st.info(t("groups.pair.same", lang))
        return
    ties, carriers = pair_ties(net, relation, group_by, a, b, lang)
    if ties.empty:
        st.warning(t("groups.pair.none", lang, a=md(a), b=md(b)))
        return
    st.markdown(t("groups.pair.summary", lang, ties=len(ties), a=md(a), b=md(b), people=len(carriers)))
    c1, c2 = st.columns([3, 2])
    c1.dataframe(ties, hide_index=True, width="stretch", key="groups_pair_ties")
    c2.caption(t("groups.pair.carriers", lang))
    c2.dataframe(carriers, hide_index=True, width="stretch", key="groups_pair_carriers")


def pair_ties(net: OrgNetwork, relation: str, group_by: str, a: str, b: str, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every tie between groups a and b (both directions), and how many of them each person carries."""
    labels = net.groups(group_by)
    display = names(net)
    ties = net.ties_of(relation)
    src, dst = ties["source"].map(labels), ties["target"].map(labels)
    between = ties[((src == a) & (dst == b)) | ((src == b) & (dst == a))]
    frame = pd.DataFrame({
        t("field.source", lang): between["source"].map(display),
        field_label(group_by, lang) + " →": between["source"].map(labels),
        t("field.target", lang): between["target"].map(display),
        "→ " + field_label(group_by, lang): between["target"].map(labels),
        t("field.weight", lang): between["weight"],
    })
    people = pd.concat([between["source"], between["target"]]).value_counts()
    carriers = pd.DataFrame({
        t("field.name", lang): people.index.map(display),
        field_label(group_by, lang): people.index.map(labels),
        t("field.ties", lang): people.to_numpy(),
    })
    return frame, carriers


def heatmap(matrix: pd.DataFrame, values: str, lang: str) -> alt.LayerChart:
    """The group matrix as a heatmap; the diagonal (ties inside a group) is grey so the colours show the gaps."""
    frame = matrix.copy()
    frame.index.name = "from"
    long = frame.reset_index().melt(id_vars="from", var_name="to", value_name="value")
    long["label"] = long["value"].map(lambda v: "–" if pd.isna(v) else (f"{v:.0f}" if values == "counts" else f"{v:.3f}"))
    long["inside"] = long["from"] == long["to"]
    order = list(matrix.index)
    title = t(f"groups.values.{values}", lang)
    base = alt.Chart(long).encode(
        x=alt.X("to:N", sort=order, title=t("field.target", lang), axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("from:N", sort=order, title=t("field.source", lang)),
        tooltip=[alt.Tooltip("from:N", title=t("field.source", lang)), alt.Tooltip("to:N", title=t("field.target", lang)),
                 alt.Tooltip("label:N", title=title)],
    )
    between = base.transform_filter("!datum.inside").mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="blues", domainMin=0), title=title),
    )
    inside = base.transform_filter("datum.inside").mark_rect(color="#e8e8e8", stroke="white")
    off_diagonal = long.loc[~long["inside"], "value"]
    threshold = float(off_diagonal.max()) * 0.6 if off_diagonal.notna().any() else 0.0
    text = base.mark_text(fontSize=13).encode(
        text="label:N",
        color=alt.condition(f"!datum.inside && datum.value > {threshold}", alt.value("white"), alt.value("#222")),
    )
    return (inside + between + text).properties(height=max(260, 56 * len(order) + 40))


def people_frame(data: Dataset, relation: str, group_by: str, lang: str) -> pd.DataFrame:
    net = data.net
    metrics = people_metrics(net, data.key, relation, group_by)
    roster = net.roster[["name", "department", "team", "role"]].copy()
    if group_by not in roster.columns:
        roster[group_by] = net.roster[group_by]
    roster["name"] = names(net)
    frame = roster.join(metrics[[c for c in PEOPLE_COLUMNS if c in metrics.columns]])
    frame.index.name = "id"
    return frame.reset_index()


def page_people(data: Dataset, group_by: str, lang: str) -> None:
    st.title(t("people.title", lang))
    st.caption(t("people.help", lang))
    relations = relations_with_ties(data.net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    cols = st.columns([1, 2])
    relation = cols[0].selectbox(t("network.relation", lang), relations, key="people_relation")
    search = cols[1].text_input(t("people.search", lang), key="people_search")
    with st.spinner(t("app.analysing", lang)):
        frame = people_frame(data, relation, group_by, lang)
    if search:
        frame = frame[frame["name"].str.contains(search, case=False, regex=False, na=False)]
    frame = frame.sort_values("brokerage_total" if "brokerage_total" in frame.columns else "name", ascending=False)
    labels = {c: field_label(c, lang) for c in frame.columns}
    shown = frame.rename(columns=labels)
    st.dataframe(shown, hide_index=True, width="stretch", height=560, key="people_table")
    c1, c2 = st.columns(2)
    c1.download_button(t("export.csv", lang, table=t("export.table.people", lang)), export.table_csv(frame),
                       file_name=f"people_{relation}.csv", mime="text/csv", key="people_csv")
    c2.download_button("XLSX", export.tables_xlsx({f"people {relation}": frame}), file_name=f"people_{relation}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="people_xlsx")


def page_export(data: Dataset, group_by: str, lang: str) -> None:
    net = data.net
    st.title(t("export.title", lang))
    relations = relations_with_ties(net)
    if not relations:
        st.warning(t("app.no_relation", lang))
        return
    relation = st.selectbox(t("network.relation", lang), relations, key="export_relation")
    with st.spinner(t("app.analysing", lang)):
        people = people_frame(data, relation, group_by, lang)
        figures = group_figures(net, data.key, relation, group_by)
    ties = net.ties.copy()
    tables = {
        t("export.table.people", lang): people,
        t("export.table.ties", lang): ties,
        t("export.table.groups", lang): figures["table"],
        t("export.table.matrix", lang): figures["matrix"].reset_index(names=field_label(group_by, lang)),
        t("export.table.report", lang): net.report.to_frame(),
    }
    st.subheader(t("export.tables", lang))
    st.caption(t("export.formula_note", lang))
    st.download_button(t("export.workbook", lang), export.tables_xlsx(tables), file_name="ona.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="export_xlsx",
                       type="primary")
    cols = st.columns(len(tables))
    for col, (name, table) in zip(cols, tables.items()):
        col.download_button(t("export.csv", lang, table=name), export.table_csv(table), file_name=f"{name}.csv",
                            mime="text/csv", key=f"export_csv_{name}")
    st.subheader(t("export.network", lang))
    G = net.graph(relation)
    metrics = people_metrics(net, data.key, relation, group_by)
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("export.gexf", lang), export.graph_gexf(G, metrics=metrics), file_name=f"ona_{relation}.gexf",
                       mime="application/xml", key="export_gexf")
    c2.download_button(t("export.graphml", lang), export.graph_graphml(G, metrics=metrics),
                       file_name=f"ona_{relation}.graphml", mime="application/xml", key="export_graphml")
    page = to_html(G, color_by=group_by, metrics=metrics[["in_degree", "betweenness", "brokerage_total"]],
                   positions=positions(G, (*data.key, relation, group_by, ("groups", tuple(sorted(net.groups(group_by).unique()))))),
                   lang=lang, title=f"{data.title} — {relation}")
    c3.download_button(t("export.html", lang), export.graph_html(page), file_name=f"ona_{relation}.html",
                       mime="text/html", key="export_html", help=t("export.html.help", lang))
    if findings_module is not None:
        findings = find_findings(net, data.key, group_by, data.expected)
        st.download_button(t("export.findings", lang), export.findings_markdown(findings, lang, title=data.title),
                           file_name=f"ona_findings_{lang}.md", mime="text/markdown", key="export_findings")


# -- main ----------------------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="ona", page_icon="🕸️", layout="wide")
    setup_state()
    lang, page = sidebar(st.session_state["side_lang"])
    data, error = choose_data(lang)
    if data is None:
        if error is not None:
            show_error(error)
        return
    group_by = group_by_choice(data.net, lang)
    pages: dict[str, Callable[[], None]] = {
        "start": lambda: page_start(data, error, lang),
        "overview": lambda: page_overview(data, group_by, lang),
        "network": lambda: page_network(data, group_by, lang),
        "groups": lambda: page_groups(data, group_by, lang),
        "people": lambda: page_people(data, group_by, lang),
        "export": lambda: page_export(data, group_by, lang),
    }
    try:
        pages[page]()
    except OnaError as exc:
        show_error(exc)


main()
