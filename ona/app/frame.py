"""The frame around every page: language, data, grouping and role, and the one view this run shows.

:func:`ona.app.main.main` calls :func:`prepare` once per run; it draws the sidebar, reads the data
(a sample, an upload or a published workspace), builds the view for the reader's role and keeps it
in a :class:`Context` that the chosen page reads with :func:`current`. Heavy work is cached on the
uploaded bytes and the parameters.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Hashable
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from ona import privacy, samples
from ona.exceptions import OnaError
from ona.i18n import LANGUAGE_NAMES, LANGUAGES, preferred_language, t
from ona.io.expected import EXPECTED_COLUMNS, expected_from_group_ties, read_expected
from ona.io.ingest import load_network
from ona.measures.community import COMMUNITY_METHODS, DEFAULT_COMMUNITY_METHOD
from ona.model import OrgNetwork
from ona.views import AnalystView, ManagerView, View
from ona.workspace import Workspace, WorkspaceView, build_workspace, load_workspace

__all__ = [
    "SEED",
    "Context",
    "Dataset",
    "current",
    "derived_expected",
    "digest",
    "load_sample",
    "load_upload",
    "prepare",
    "sample_waves",
    "upload_decisions",
    "workspace_zip",
]

SEED = 0


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
class Context:
    """What the chosen page gets: the view, the language, and where the data came from."""

    view: View
    lang: str
    data: Dataset | None = None  # None for a published workspace
    error: OnaError | None = None  # an upload that could not be read (shown on the start page)
    policy: privacy.PrivacyPolicy | None = None


_CONTEXT: ContextVar[Context] = ContextVar("ona_page_context")


def current() -> Context:
    """The context :func:`prepare` made for this run (pages call this)."""
    return _CONTEXT.get()


def digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:16]


# -- cached loading ---------------------------------------------------------------------------------


@st.cache_data(show_spinner=False)
def sample_table(names: tuple[str, ...]) -> pd.DataFrame:
    """The samples' titles, waves and descriptions (keyed on the sample names, so a new sample shows up)."""
    return samples.list_samples()


@st.cache_data(show_spinner=False, max_entries=8)
def load_sample(name: str, wave: str | None) -> OrgNetwork:
    return samples.load(name, wave=wave)


@st.cache_data(show_spinner=False, max_entries=8)
def load_sample_expected(name: str, _net: OrgNetwork, wave: str | None, grouping: str) -> pd.DataFrame | None:
    path = samples.expected_collaborations_path(name)
    if path is None or not path.exists():
        return None
    return read_expected(path, _net, grouping=grouping)


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
    structure: tuple[str, bytes] | None = None,
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
        structure=_named_bytes(*structure) if structure else None,
    )


@st.cache_data(show_spinner=False, max_entries=4)
def derived_expected(_net: OrgNetwork, key: tuple, grouping: str) -> pd.DataFrame:
    """Expected pairs derived from the survey's question about the groups one depends on (not yet accepted)."""
    return expected_from_group_ties(_net, grouping=grouping)


@st.cache_data(show_spinner=False, max_entries=4)
def load_upload_expected(file: tuple[str, bytes], _net: OrgNetwork, key: tuple, grouping: str) -> pd.DataFrame:
    return read_expected(file[1], _net, grouping=grouping, filename=file[0])


@st.cache_resource(show_spinner=False, max_entries=4)
def open_workspace(source: str | bytes, stamp: float | None = None) -> Workspace:
    """A published workspace from a path (with its modification time as cache key) or zip bytes."""
    return load_workspace(source if isinstance(source, bytes) else Path(source))


@st.cache_resource(show_spinner=False, max_entries=8)
def _view(_data: Dataset, key: tuple[Hashable, ...], grouping: str, role: str, _policy: privacy.PrivacyPolicy,
          policy_key: tuple[Hashable, ...]) -> View:
    """One view per data, grouping and role; it computes its analysis and findings once, when first asked."""
    common = dict(grouping=grouping, expected=_data.expected, title=_data.title, description=_data.description,
                  seed=SEED, key=(*key, *policy_key))
    if role == privacy.MANAGER:
        return ManagerView(_data.net, _policy, **common)
    return AnalystView(_data.net, **common)


@st.cache_data(show_spinner=False, max_entries=4)
def _workspace_zip(_view: ManagerView, key: tuple, lang: str) -> bytes:
    return build_workspace(_view, lang=lang).to_zip()


def workspace_zip(context: Context) -> bytes:
    """The workspace managers get: the manager view of the data on screen, serialised (analysts publish it)."""
    data, view, policy = context.data, context.view, context.policy
    assert data is not None and policy is not None
    manager = _view(data, (*data.key, "expected", _expected_key(data)), view.grouping, privacy.MANAGER, policy,
                    policy_key(policy))
    return _workspace_zip(manager, manager.key, context.lang)  # type: ignore[arg-type]


def policy_key(policy: privacy.PrivacyPolicy) -> tuple[Hashable, ...]:
    """What of the policy changes a manager view (the key itself stays out of the cache keys)."""
    return (policy.k, policy.other_label, policy.show_names, policy.person_level,
            digest(policy.key) if policy.key else "")


# -- the role (decided on the server, never by a widget) ---------------------------------------------


def settings() -> privacy.Settings:
    """Role, privacy policy and workspace from the environment and Streamlit secrets (ona.privacy.load_settings)."""
    secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else None
    email = st.user.get("email") if st.user.get("is_logged_in") else None
    return privacy.load_settings(env=os.environ, secrets=secrets, user_email=str(email) if email else None)


def current_role() -> tuple[privacy.Role, privacy.PrivacyPolicy]:
    """The reader's role and the privacy policy (decided on the server, never by a widget)."""
    configured = settings()
    return configured.role, configured.policy


# -- the sidebar ------------------------------------------------------------------------------------


def remembered_choice(widget: Any, label: str, options: list[Any] | tuple[Any, ...], *, key: str, default: Any,
                      **kwargs: Any) -> Any:
    """A choice in the frame (language, sample, wave, grouping) that survives a re-created widget.

    Streamlit makes a widget afresh when its identity changes (e.g. on some page switches), and a fresh
    widget starts at its first option. The last choice is therefore also kept under a key of its own
    and given to the widget as its starting value.
    """
    memory = f"{key}__chosen"
    current = st.session_state.get(memory, default)
    if current not in options:
        current = default if default in options else options[0]
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    value = widget(label, options, index=list(options).index(current), key=key, **kwargs)
    st.session_state[memory] = value
    return value


def language() -> str:
    """The reader's language: the language switch's value, or on the first run what the browser asks for."""
    for key in ("side_lang", "side_lang__chosen"):
        if st.session_state.get(key) in LANGUAGES:
            return st.session_state[key]
    headers = st.context.headers
    accept = headers.get("Accept-Language") if headers is not None else None
    return preferred_language(st.context.locale, accept)


def setup_state() -> None:
    st.session_state.setdefault("decisions_for", None)
    st.session_state.setdefault("decisions_relations", {})
    st.session_state.setdefault("decisions_resolutions", {})


def sidebar_top(role: privacy.Role) -> str:
    """The title, the language switch and the role; returns the language."""
    from ona.app.widgets import md

    with st.sidebar:
        lang = language()
        st.markdown("### :material/hub: ona")
        st.caption(t("app.tagline", lang))
        lang = remembered_choice(st.radio, t("app.language", lang), LANGUAGES, key="side_lang", default=lang,
                                 format_func=LANGUAGE_NAMES.get, horizontal=True)
        st.caption(f":material/lock: {md(role.label(lang))}")
    return lang


def choose_data(lang: str, can_upload: bool) -> tuple[Dataset, OnaError | None]:
    """Uploads when both files are there (where the role may upload), the chosen sample otherwise."""
    from ona.app.widgets import md

    error: OnaError | None = None
    with st.sidebar:
        st.subheader(t("app.data", lang))
        if can_upload:
            roster_file = st.file_uploader(t("app.upload.roster", lang), type=["csv", "xlsx", "txt"],
                                           key="data_roster")
            tie_files = st.file_uploader(t("app.upload.ties", lang), type=["csv", "xlsx", "txt"],
                                         accept_multiple_files=True, key="data_ties")
            st.file_uploader(t("app.upload.expected", lang), type=["csv", "xlsx", "txt"], key="data_expected",
                             help=t("app.upload.expected.help", lang))
            st.file_uploader(t("ingest.app.structure", lang), type=["lss", "qsf", "xml", "json", "txt"],
                             key="data_structure", help=t("ingest.app.structure.help", lang))
            st.caption(t("app.upload.help", lang))
            if roster_file is not None and tie_files:
                try:
                    return upload_dataset(roster_file, tie_files, lang), None
                except OnaError as exc:
                    error = exc
        table = sample_table(tuple(samples.available())).set_index("name")
        names = list(table.index)
        sample = remembered_choice(st.selectbox, t("app.sample", lang), names, key="data_sample",
                                   default="municipality" if "municipality" in names else names[0],
                                   format_func=lambda n: str(table.loc[n, "title"]))
        waves = sample_waves(sample)
        if len(waves) > 1:
            wave = remembered_choice(st.selectbox, t("app.wave", lang), waves, key="data_wave", default=waves[0])
        else:
            wave = None
        title = str(table.loc[sample, "title"])
        st.info(t("app.using.sample", lang, title=md(title)))
    net = load_sample(sample, wave)
    description = table.loc[sample, "description_nl" if lang == "nl" else "description"]
    return Dataset(net, ("sample", sample, wave), "sample", title, str(description)), error


def upload_dataset(roster_file: Any, tie_files: list[Any], lang: str) -> Dataset:
    from ona.app.widgets import md

    roster = (roster_file.name, roster_file.getvalue())
    ties = tuple((f.name, f.getvalue()) for f in tie_files)
    structure_file = st.session_state.get("data_structure")
    structure = (structure_file.name, structure_file.getvalue()) if structure_file is not None else None
    key = digest(roster[1], *(data for _, data in ties), *((structure[1],) if structure else ()))
    if st.session_state["decisions_for"] != key:  # new files: earlier decisions no longer apply
        st.session_state["decisions_for"] = key
        st.session_state["decisions_relations"] = {}
        st.session_state["decisions_resolutions"] = {}
    relation, relations, resolutions = upload_decisions()
    wave = st.session_state.get("upload_wave") or None
    with st.spinner(t("app.loading", lang)):
        net = load_upload(roster, ties, relation, relations, resolutions, wave, structure)
    title = net.name or ties[0][0]
    st.success(t("app.using.upload", lang, title=md(title)))
    return Dataset(net, ("upload", key, relation, relations, resolutions, wave), "upload", title)


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


def with_expected(data: Dataset, grouping: str) -> Dataset:
    """The declared collaborations: the sample's own file (when grouping by what it names), or the uploaded one."""
    if data.kind == "sample":
        expected = None
        if grouping == "department":  # a sample's collaborations name departments
            expected = load_sample_expected(str(data.key[1]), data.net, data.key[2], grouping)
    else:
        file = st.session_state.get("data_expected")
        if file is not None:
            expected = load_upload_expected((file.name, file.getvalue()), data.net, data.key, grouping)
        else:  # pairs derived from the survey count only once HR has accepted them (start page)
            accepted = st.session_state.get("expected_accepted", {}).get((str(data.key[1]), grouping))
            if accepted is not None:
                expected = accepted
            elif not derived_expected(data.net, data.key, grouping).empty:
                expected = pd.DataFrame({c: pd.Series(dtype=float if c == "support" else object)
                                         for c in EXPECTED_COLUMNS})
            else:
                expected = None
    return replace(data, expected=expected)


def group_by_choice(net: OrgNetwork, lang: str, offered: tuple[str, ...] | None = None) -> str:
    """The grouping: any grouping column of the roster, or only those `offered` (managers: the policy's)."""
    from ona.app.widgets import column_label

    roster = net.roster
    candidates = [c for c in ("department", "team", "location") if roster[c].notna().any()]
    candidates += [c for c in roster.columns if c not in (*candidates, "name", "email", "manager", "role", "consent")
                   and roster[c].notna().any() and 1 < roster[c].nunique() < max(3, len(net) // 3)]
    if offered is not None:
        candidates = [c for c in offered if c in candidates] or [offered[0]]
    candidates = candidates or ["department"]
    with st.sidebar:
        return remembered_choice(st.selectbox, t("app.group_by", lang), candidates, key="side_group_by",
                                 default=candidates[0], format_func=lambda c: column_label(c, lang))


def method_choice(lang: str) -> str:
    """How communities are found (analysts): Leiden, which keeps every community connected, or Louvain."""
    with st.sidebar:
        return remembered_choice(st.selectbox, t("methods.app.method", lang), list(COMMUNITY_METHODS),
                                 key="side_method", default=DEFAULT_COMMUNITY_METHOD,
                                 format_func=lambda m: t(f"methods.app.method.{m}", lang),
                                 help=t("methods.app.method.help", lang))


# -- workspaces (what managers open; built by HR with "ona publish" or the export page) ----------------


def configured_workspace() -> tuple[str, float] | None:
    """The workspace folder or zip the settings name (ONA_WORKSPACE or the secret ona.workspace), with its mtime."""
    path = settings().workspace
    if path is None:
        return None
    path = Path(path).expanduser()
    if not path.exists():
        raise OnaError(f"The workspace {path} (ONA_WORKSPACE) does not exist. Point ONA_WORKSPACE at the folder or "
                       "zip that 'ona publish' wrote.", key="app.workspace.missing", values={"path": str(path)})
    stamp = max((p.stat().st_mtime for p in path.iterdir()), default=0.0) if path.is_dir() else path.stat().st_mtime
    return str(path), stamp


def choose_workspace() -> Workspace | None:
    """A configured workspace, or one uploaded as a zip (its uploader sits at the foot of the sidebar)."""
    configured = configured_workspace()
    if configured is not None:
        return open_workspace(*configured)
    file = st.session_state.get("data_workspace")  # the uploader's value, known before it is drawn
    if file is None:
        return None
    return open_workspace(file.getvalue())


def workspace_uploader(lang: str) -> None:
    if configured_workspace() is not None:
        return
    with st.sidebar:
        st.subheader(t("app.workspace", lang))
        st.file_uploader(t("app.upload.workspace", lang), type=["zip"], key="data_workspace",
                         help=t("app.upload.workspace.help", lang))


# -- this run ---------------------------------------------------------------------------------------------


def prepare(lang: str, role: privacy.Role, policy: privacy.PrivacyPolicy) -> Context:
    """Choose the data, build the view for the role, and keep both for the page of this run."""
    workspace = choose_workspace()
    if workspace is not None:  # a published workspace holds only what managers may see
        context = Context(WorkspaceView(workspace), lang)
        st.info(t("workspace.notice", lang), icon=":material/lock:")
        workspace_uploader(lang)
    else:
        can_upload = not role.is_manager
        data, error = choose_data(lang, can_upload)
        grouping = group_by_choice(data.net, lang, policy.groupings if role.is_manager else None)
        method = DEFAULT_COMMUNITY_METHOD if role.is_manager else method_choice(lang)
        workspace_uploader(lang)
        data = with_expected(data, grouping)
        role_name = privacy.MANAGER if role.is_manager else privacy.ANALYST
        chosen = () if method == DEFAULT_COMMUNITY_METHOD else ("method", method)
        view = _view(data, (*data.key, "expected", _expected_key(data), *chosen), grouping, role_name, policy,
                     policy_key(policy))
        if not getattr(view, "prepared", True):
            bar = st.progress(0.0, text=t("app.analysing", lang))
            view.prepare(progress=lambda step, f: bar.progress(f, text=f"{t('app.analysing', lang)} {step}"),
                         method=method)
            bar.empty()
        if role.is_manager:
            st.info(t("app.manager_notice", lang), icon=":material/lock:")
        context = Context(view, lang, data, error, policy)
    _CONTEXT.set(context)
    return context


def _expected_key(data: Dataset) -> str:
    return "" if data.expected is None else digest(data.expected.to_csv().encode())
