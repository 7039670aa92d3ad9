"""Manager workspaces: the privacy-filtered results HR publishes for managers.

HR analyses the raw survey on its own machine and publishes a *workspace*: a
folder (or one zip file) holding only figures, graphs and findings that pass
the :class:`~ona.privacy.PrivacyPolicy` — no raw answers, no names that may
not be shown, and no trace of groups below the minimum size (not in any file,
not in any file name). Managers open it in the app, which then runs in
manager mode; the raw uploads never have to leave HR's machine.

Workspace format (version 1)
----------------------------
Everything is computed on :func:`ona.privacy.manager_network`: when the
groups below the minimum size stay below it even when merged into
"(other)", their members are left out altogether, so that no figure of a
shown group gives away theirs by difference.

Every file sits at the top level of the folder or zip; names are plain ASCII
(letters, digits, ``_``, ``-``, ``.``)::

    manifest.json                 what is in the workspace (below)
    README.md                     what this folder is, in Dutch and English
    summary.json                  per relation: whole-network figures (numbers only)
    groups.csv                    per relation and reportable group: size, ties, E-I, ...
    people.csv                    shown people: person key, name (consent only), group, measures
    group_matrix_<rel>.csv        group-by-group tie counts, small groups merged into "(other)"
    group_density_<rel>.csv       group-by-group densities of the merged groups
    group_network_<rel>.json      group-level graph (node-link JSON)
    network_<rel>.json            person-level graph of shown people (node-link JSON)
    findings.json                 findings a manager may see, both languages
    findings.md                   the same findings, readable, in the chosen language

``manifest.json``::

    {"format": "ona-manager-workspace", "version": 1, "name": ..., "wave": ...,
     "lang": "nl", "group_by": "department", "person_group_by": "department", "people": 250, "respondents": 212,
     "privacy": {"min_group_size": 5, "names": "consenting people by name, others by pseudonym",
                 "show_names": true, "person_level": true, "pseudonyms": true, "other_label": "(other)"},
     "groups": ["Publiekszaken", ..., "(other)"],
     "relations": [{"name": "advice", "group_matrix": "group_matrix_advice.csv",
                    "group_density": "group_density_advice.csv",
                    "group_network": "group_network_advice.json",
                    "network": "network_advice.json"}],
     "files": {"readme": "README.md", "summary": "summary.json", "groups": "groups.csv",
               "people": "people.csv", "findings": "findings.json", "findings_markdown": "findings.md"}}

CSV files are UTF-8 with a header row; text cells that a spreadsheet would
run as a formula start with an apostrophe (:func:`ona.privacy.neutralize_formulas`),
which :func:`load_workspace` removes again.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any, Union

import networkx as nx
import pandas as pd

from ona.exceptions import ConfigurationError, FileFormatError, OnaError
from ona.model import OrgNetwork, json_plain
from ona.report import IngestReport
from ona.views import Hidden, ManagerView, Pair, relation_people
from ona.io.cells import neutralize_formulas, restore_formulas
from ona.io.output import output_folder
from ona.privacy import PrivacyPolicy, ScreenedNetwork, TermMatcher, names_rule
from ona.compat import old_grouping_names

__all__ = [
    "FORMAT",
    "MAX_MANIFEST_BYTES",
    "MAX_MEMBERS",
    "MAX_WORKSPACE_BYTES",
    "VERSION",
    "Workspace",
    "WorkspaceView",
    "build_workspace",
    "is_workspace_folder",
    "load_workspace",
    "publish",
]

#: The ``format`` field of a workspace manifest.
FORMAT = "ona-manager-workspace"
#: The workspace format version this ona writes and reads.
VERSION = 1
#: Largest workspace (sum of its files, uncompressed) that :func:`load_workspace` reads.
MAX_WORKSPACE_BYTES = 500 * 2**20
#: Largest ``manifest.json`` that :func:`load_workspace` reads (a real one is a few kilobytes).
MAX_MANIFEST_BYTES = 2**20
#: Most files a workspace zip may hold (a real one holds 7 and 4 per relation).
MAX_MEMBERS = 1000

_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,120}")
_LANGS = ("nl", "en")
WorkspaceSource = Union[str, Path, bytes, bytearray, IO[bytes]]


@dataclass(frozen=True)
class Workspace:
    """A manager workspace in memory: its manifest and its files, with readers for each part.

    Build one with :func:`build_workspace` or :func:`load_workspace`; save it
    with :meth:`write` (a folder) or :meth:`to_zip` (one file for download).
    :func:`load_workspace` reads every part once to check it, so a workspace
    it returns never fails later; each part is parsed once and kept.

    Attributes
    ----------
    manifest : dict
        The parsed ``manifest.json``.
    files : mapping of str to bytes
        Every file by name, including ``manifest.json``.
    label : str
        The folder or zip file's name, for messages.
    """

    manifest: dict[str, Any]
    files: Mapping[str, bytes] = field(repr=False)
    label: str = field(default="workspace", compare=False)
    _parsed: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    # -- what is inside -------------------------------------------------------------------

    @property
    def relations(self) -> list[str]:
        """The relations, in order."""
        return [r["name"] for r in self.manifest["relations"]]

    @property
    def groups_shown(self) -> list[str]:
        """The groups that carry figures, the merged other-group (if any) last."""
        return list(self.manifest["groups"])

    @property
    def policy(self) -> dict[str, Any]:
        """The privacy settings the workspace was made with (without the key)."""
        return dict(self.manifest["privacy"])

    def summary(self) -> dict[str, dict[str, Any]]:
        """Whole-network figures per relation."""
        return copy.deepcopy(self._parse(self.manifest["files"]["summary"], _read_summary))

    def groups(self) -> pd.DataFrame:
        """One row per relation and reportable group."""
        return self._parse(self.manifest["files"]["groups"], _read_group_table).copy()

    def people(self) -> pd.DataFrame:
        """Shown people with their measures (empty when nobody may be shown)."""
        name = self.manifest["files"].get("people")
        grouping = self.person_grouping
        if not name:
            return pd.DataFrame(columns=["person", "name", grouping])
        return self._parse(name, lambda n, d: _read_people(n, d, grouping)).copy()

    @property
    def person_grouping(self) -> str:
        """The grouping people carry (the organisational unit; older workspaces: the display grouping)."""
        return str(self.manifest.get("person_group_by") or self.manifest["group_by"])

    def group_matrix(self, relation: str) -> pd.DataFrame:
        """Group-by-group tie counts (rows send, columns receive)."""
        return self._parse(self._relation(relation)["group_matrix"], _read_matrix).copy()

    def group_density_matrix(self, relation: str) -> pd.DataFrame:
        """Group-by-group densities of the merged groups."""
        return self._parse(self._relation(relation)["group_density"], _read_matrix).copy()

    def graph(self, relation: str, *, aggregate: bool = False) -> nx.DiGraph:
        """The person-level graph of shown people, or the group-level graph with ``aggregate=True``."""
        entry = self._relation(relation)
        name = entry["group_network"] if aggregate else entry.get("network")
        if not name:
            return nx.DiGraph(grouping=self.manifest["group_by"])
        return self._parse(name, _read_graph).copy()

    def findings(self) -> list[Any]:
        """The findings, as :class:`ona.findings.Finding` objects."""
        records = self._parse(self.manifest["files"]["findings"], _read_findings)
        return [dataclasses.replace(f, evidence=copy.deepcopy(f.evidence), text=dict(f.text),
                                    suggestions={k: list(v) for k, v in f.suggestions.items()}) for f in records]

    def findings_markdown(self) -> str:
        """The readable findings (in the language chosen when publishing)."""
        return str(self._parse(self.manifest["files"]["findings_markdown"], _read_text))

    def check(self) -> Workspace:
        """Read every part once, so that a damaged part is found now; returns the workspace itself.

        Raises
        ------
        FileFormatError
            On the first part that is not what ``ona publish`` writes (one
            sentence naming the file, in Dutch and English).
        """
        self.summary()
        self.groups()
        self.people()
        for relation in self.relations:
            self.group_matrix(relation)
            self.group_density_matrix(relation)
            self.graph(relation)
            self.graph(relation, aggregate=True)
        self.findings()
        self.findings_markdown()
        self._parse(self.manifest["files"]["readme"], _read_text)
        return self

    # -- saving ---------------------------------------------------------------------------

    def write(self, directory: str | Path) -> list[Path]:
        """Write every file into `directory` and return their paths.

        The files are written into a fresh folder beside `directory` and
        moved into place when all are written, so the folder never holds
        half a workspace, nor files of an earlier one (an earlier workspace
        is replaced as a whole).

        Raises
        ------
        OnaError
            If the folder's parent does not exist, `directory` is a file or a
            folder holding files that are not an ona workspace (so nothing of
            the user's is mixed in, shared or overwritten), or writing fails
            (a full disk, no permission): one sentence each.
        """
        out = Path(directory)
        with output_folder(out, command="publish", owned=is_workspace_folder, marker=False) as temporary:
            for name in self.files:
                (temporary / name).write_bytes(self.files[name])
        return [out / name for name in self.files]

    def to_zip(self) -> bytes:
        """The workspace as one zip file (for a download button or e-mail)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in self.files:
                info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, self.files[name])
        return buffer.getvalue()

    # -- helpers --------------------------------------------------------------------------

    def _relation(self, relation: str) -> dict[str, Any]:
        for entry in self.manifest["relations"]:
            if entry["name"] == relation:
                return entry
        from ona.exceptions import UnknownRelationError

        raise UnknownRelationError(relation, self.relations)

    def _bytes(self, name: str) -> bytes:
        if name not in self.files:
            raise _problem("workspace_file.lacks", self.label, name=name)
        return self.files[name]

    def _parse(self, name: str, reader: Callable[[str, bytes], Any]) -> Any:
        """`reader(name, bytes)` once per file; its FileFormatError gets the workspace's name as place."""
        if name not in self._parsed:
            try:
                self._parsed[name] = reader(name, self._bytes(name))
            except FileFormatError as exc:
                if exc.file is None:
                    raise FileFormatError(exc.problem, fix=exc.fix, file=self.label, key=exc.key,
                                          fix_key=exc.fix_key, values=exc.values) from None
                raise
        return self._parsed[name]


class WorkspaceView:
    """A published workspace read as a view: it answers the questions of :class:`ona.views.View` from its files.

    A workspace is a serialised :class:`ona.views.ManagerView`, so it answers exactly what the manager
    view answered when it was published, and nothing more (one wave: :meth:`compare` gives None).
    """

    role = "manager"
    description = ""
    capabilities = frozenset({"download_workspace"})

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        manifest = workspace.manifest
        self.key = ("workspace", hashlib.sha256(workspace.files["manifest.json"]).hexdigest()[:16])
        self.title = str(manifest.get("name") or "")
        self.wave = manifest.get("wave")
        self.grouping = str(manifest.get("group_by", "department"))
        self.person_grouping = workspace.person_grouping
        self._people = workspace.people()

    @property
    def person_level(self) -> bool:
        return bool(self.workspace.policy.get("person_level", True)) and len(self._people) > 0

    @property
    def people_count(self) -> int:
        return int(self.workspace.manifest.get("people", 0))

    @property
    def respondent_count(self) -> int:
        return int(self.workspace.manifest.get("respondents", 0))

    @property
    def tie_counts(self) -> dict[str, int]:
        summary = self.workspace.summary()
        return {r: int(summary.get(r, {}).get("ties") or 0) for r in self.workspace.relations}

    @property
    def relations(self) -> list[str]:
        return [r for r, n in self.tie_counts.items() if n > 0]

    @property
    def expected(self) -> pd.DataFrame | None:
        return None

    @property
    def hidden(self) -> Hidden:
        hidden = self.workspace.manifest.get("hidden", {})
        return Hidden(groups=int(hidden.get("groups", 0)), people=int(hidden.get("people", 0)),
                      k=int(self.workspace.policy.get("min_group_size", 0)), unnamed=int(hidden.get("unnamed", 0)))

    @property
    def report(self) -> IngestReport:
        return IngestReport()

    def group_labels(self) -> pd.Series:
        people = self._people
        if people.empty:
            return pd.Series(dtype=object)
        return pd.Series(people[self.person_grouping].to_numpy(), index=people["person"].to_numpy())

    def groups_shown(self) -> list[str]:
        return self.workspace.groups_shown

    def person_labels(self) -> dict[str, str]:
        people = self._people
        if people.empty:
            return {}
        names = people["name"] if "name" in people.columns else pd.Series(None, index=people.index)
        return {str(p): str(n) if isinstance(n, str) and n else str(p) for p, n in zip(people["person"], names)}

    def people(self, relation: str | None = None) -> pd.DataFrame:
        people = self._people.set_index("person") if "person" in self._people.columns else self._people
        return people.copy() if relation is None else relation_people(people, relation)

    def groups(self, relation: str) -> pd.DataFrame:
        table = self.workspace.groups()
        return table[table["relation"] == relation].drop(columns="relation").reset_index(drop=True)

    def group_matrix(self, relation: str, values: str = "counts") -> pd.DataFrame:
        if values == "counts":
            return self.workspace.group_matrix(relation)
        return self.workspace.group_density_matrix(relation)

    def graph(self, relation: str) -> nx.DiGraph:
        return self.workspace.graph(relation)

    def group_graph(self, relation: str) -> nx.DiGraph:
        return self.workspace.graph(relation, aggregate=True)

    def findings(self) -> list[Any]:
        return self.workspace.findings()

    def bridges(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(p, f.groups) for f in self.findings() if f.kind == "fragile_bridge" for p in f.people]

    def summary(self) -> dict[str, dict[str, Any]]:
        return self.workspace.summary()

    def response(self) -> pd.DataFrame:
        people, respondents = self.people_count, self.respondent_count
        return pd.DataFrame([{"group": "(all)", "people": people, "respondents": respondents,
                              "response_rate": respondents / people if people else math.nan}])

    def pair(self, relation: str, first: str, second: str) -> Pair:
        counts = self.group_matrix(relation)

        def cell(a: str, b: str) -> int:
            return int(counts.at[a, b]) if a in counts.index and b in counts.columns else 0

        return Pair(first, second, cell(first, second), cell(second, first))

    def pairs(self, relation: str | None = None) -> pd.DataFrame:
        """Every pair of shown groups with its status, from the published group matrices (all relations together
        when `relation` is None); no carriers (a workspace names no one behind a pair's ties)."""
        from ona.findings.detectors import declared_pairs, matrix_volumes
        from ona.findings.pairs import pairs_from_volumes

        relations = [relation] if relation else self.relations
        matrices = [self.group_matrix(r) for r in relations]
        if not matrices:
            return pairs_from_volumes(matrix_volumes(pd.DataFrame()), None)
        total = matrices[0]
        for other in matrices[1:]:
            total = total.add(other, fill_value=0)
        table = pairs_from_volumes(matrix_volumes(total), declared_pairs(self.expected), findings=self.findings())
        table["carriers"] = [[] for _ in range(len(table))]
        return table

    def perceived(self) -> pd.DataFrame:
        """Empty: a workspace does not carry the survey's perceived collaboration."""
        return pd.DataFrame()

    def compare(self, before: OrgNetwork, after: OrgNetwork) -> None:
        return None

    def collaborations(self) -> list[Any]:
        """A workspace holds no collaboration scan (yet): no cards."""
        return []

    def process_sheet(self, first: str, second: str, lang: str = "nl") -> None:
        return None


# -- building ------------------------------------------------------------------------------------


@old_grouping_names
def build_workspace(
    source: OrgNetwork | ManagerView,
    *,
    policy: PrivacyPolicy | None = None,
    expected: Any = None,
    lang: str = "nl",
    seed: int = 0,
    grouping: str = "department",
    analysis: Any = None,
    findings: Iterable[Any] | None = None,
    n_permutations: int = 1000,
    screened: ScreenedNetwork | None = None,
) -> Workspace:
    """Build a manager workspace in memory (nothing is written to disk): a serialised :class:`ManagerView`.

    Parameters
    ----------
    source : ManagerView or OrgNetwork
        The manager view to publish; or the full network as HR holds it, from which a
        :class:`ona.views.ManagerView` is made with `policy`, `grouping`, `expected`, `seed`,
        `analysis` and `findings` (see there).
    policy : PrivacyPolicy
        Minimum group size, pseudonym key and how people are shown (required with a network).
    lang : {"nl", "en"}, optional (default="nl")
        Language of ``findings.md``; ``findings.json`` holds both.
    n_permutations : int, optional (default=1000)
        For the analysis when it is computed here.
    screened : ScreenedNetwork, optional
        ``screen_network(net, policy)`` when already computed (e.g. with other waves in ``also``).

    Whom to withhold does not depend on `grouping`: the screening covers every grouping the policy
    offers (``policy.groupings``), so workspaces of the same data with other groupings reveal nobody
    together.

    Returns
    -------
    Workspace

    Raises
    ------
    ConfigurationError
        If the whole network has fewer than ``k`` people or respondents (no
        figure could be shown), or `lang` is unknown.
    OnaError
        If a file would still contain a withheld name (a safety net that
        should never trigger; the message names the file).
    """
    if lang not in _LANGS:
        raise ConfigurationError(f"Unknown language {lang!r} for the findings; use 'nl' or 'en'.",
                                 key="workspace_file.build.lang", values={"lang": repr(lang)})
    full = source.full if isinstance(source, ManagerView) else source
    k = source.policy.min_group_size if isinstance(source, ManagerView) else (policy.min_group_size if policy else 0)
    respondents = len(full.respondents)  # type: ignore[arg-type]
    if len(full) < k or respondents < k:
        raise ConfigurationError(
            f"The network has {len(full)} people and {respondents} respondents, fewer than the minimum group "
            f"size of {k}, so a manager may see no figure at all. Publish nothing, or lower the minimum "
            "group size if your data protection officer agrees",
            key="workspace_file.build.too_small", values={"people": len(full), "respondents": respondents, "k": k},
        )
    if isinstance(source, ManagerView):
        view = source
    else:
        if policy is None:
            raise ConfigurationError("Publishing needs a privacy policy (the minimum group size and how people "
                                     "are shown).")
        view = ManagerView(source, policy, grouping=grouping, expected=expected, seed=seed,
                           findings=list(findings) if findings is not None else None, analysis=analysis,
                           screened=screened)
    net = view.screened
    if len(net) < k or len(net.respondents) < k:  # type: ignore[arg-type]
        raise ConfigurationError(
            f"After leaving out the people of groups below the minimum group size of {k} (under "
            f"{', '.join(view.policy.groupings)}), fewer than {k} people remain, so a manager may see no figure at "
            "all. Publish nothing, offer fewer groupings, or lower the minimum group size if your data protection "
            "officer agrees",
            key="workspace_file.build.too_small_screened",
            values={"k": k, "groupings": ", ".join(view.policy.groupings)},
        )
    if not view.prepared:
        view.prepare(n_permutations=n_permutations)
    policy, grouping = view.policy, view.grouping
    withheld = view.leaks  # exactly what the view hides

    files: dict[str, bytes] = {}
    relations = []
    names = _file_names(view.analysis.relations)
    for relation in view.analysis.relations:
        stem = names[relation]
        entry: dict[str, Any] = {"name": relation}
        entry["group_matrix"] = _put(files, f"group_matrix_{stem}.csv",
                                     _csv_bytes(view.group_matrix(relation, "counts"), index_label="from"))
        entry["group_density"] = _put(files, f"group_density_{stem}.csv",
                                      _csv_bytes(view.group_matrix(relation, "density"), index_label="from"))
        entry["group_network"] = _put(files, f"group_network_{stem}.json", _graph_bytes(view.group_graph(relation)))
        people_graph = view.graph(relation)
        entry["network"] = (
            _put(files, f"network_{stem}.json", _graph_bytes(people_graph)) if people_graph.number_of_nodes() else None
        )
        relations.append(entry)

    group_table = pd.concat([view.groups(r).assign(relation=r) for r in view.analysis.relations], ignore_index=True)
    group_table = group_table[["relation", *[c for c in group_table.columns if c != "relation"]]]
    people = view.people().reset_index() if view.person_level else pd.DataFrame()
    shown_findings = view.findings()
    from ona.findings import findings_to_json, findings_to_markdown

    files_index = {
        "readme": _put(files, "README.md", _readme().encode("utf-8")),
        "summary": _put(files, "summary.json", _json_bytes(view.summary())),
        "groups": _put(files, "groups.csv", _csv_bytes(group_table)),
        "people": _put(files, "people.csv", _csv_bytes(people)) if len(people) else None,
        "findings": _put(files, "findings.json", findings_to_json(shown_findings).encode("utf-8")),
        "findings_markdown": _put(
            files, "findings.md",
            findings_to_markdown(shown_findings, lang, names=view.person_labels()).encode("utf-8")
        ),
    }
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "name": net.name,
        "wave": net.wave,
        "lang": lang,
        "group_by": grouping,
        "person_group_by": view.person_grouping,
        "people": len(net),
        "respondents": len(net.respondents),  # type: ignore[arg-type]
        "privacy": {
            "min_group_size": k,
            "names": names_rule(policy) if view.person_level else "no people shown",
            "show_names": policy.show_names,
            "person_level": view.person_level,
            "pseudonyms": policy.pseudonymises,
            "other_label": policy.other_label,
        },
        "groups": view.groups_shown(),
        "hidden": {"groups": view.hidden.groups, "people": view.hidden.people, "unnamed": view.hidden.unnamed},
        "relations": relations,
        "files": files_index,
        "ona_version": _ona_version(),
    }
    files = {"manifest.json": _json_bytes(manifest), **files}
    _check_no_leak(files, withheld)
    return Workspace(manifest=manifest, files=files)


@old_grouping_names
def publish(
    net: OrgNetwork,
    directory: str | Path,
    *,
    policy: PrivacyPolicy,
    expected: Any = None,
    lang: str = "nl",
    seed: int = 0,
    grouping: str = "department",
    analysis: Any = None,
    findings: Iterable[Any] | None = None,
    n_permutations: int = 1000,
    screened: ScreenedNetwork | None = None,
) -> list[Path]:
    """Write a manager workspace into `directory` and return the files written.

    The workspace holds only privacy-filtered figures, graphs and findings:
    see the module docstring for its files and :func:`build_workspace` for
    the parameters. The folder must be new, empty or an earlier workspace
    (whose files are replaced), so nothing else is shared by accident.

    Examples
    --------
    >>> import tempfile
    >>> from ona import samples
    >>> net = samples.load("krackhardt")  # four departments of 3-8 managers, and the CEO alone
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     files = publish(net, folder, policy=PrivacyPolicy(min_group_size=3), n_permutations=99)
    ...     workspace = load_workspace(folder)
    >>> sorted(p.name for p in files)[:3]
    ['README.md', 'findings.json', 'findings.md']
    >>> workspace.groups_shown, workspace.manifest["people"]  # the CEO's "group" of 1 is left out
    (['Dept 1', 'Dept 2', 'Dept 3', 'Dept 4'], 20)
    """
    workspace = build_workspace(
        net, policy=policy, expected=expected, lang=lang, seed=seed, grouping=grouping, analysis=analysis,
        findings=findings, n_permutations=n_permutations, screened=screened,
    )
    return workspace.write(directory)


# -- loading -------------------------------------------------------------------------------------


def is_workspace_folder(folder: str | Path) -> bool:
    """Whether `folder` holds a manager workspace (its ``manifest.json`` says so): ona may replace it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     is_workspace_folder(folder)
    False
    """
    manifest = Path(folder) / "manifest.json"
    try:
        if not manifest.is_file() or manifest.stat().st_size > MAX_MANIFEST_BYTES:
            return False
        data = json.loads(manifest.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def load_workspace(source: WorkspaceSource, *, filename: str | None = None) -> Workspace:
    """Open a manager workspace: a folder, a zip file (path), or zip bytes / an uploaded zip.

    A workspace is untrusted input (it may come by e-mail or upload), so:

    * every file's size is checked before it is read (``manifest.json`` at
      most 1 MB, all files together at most :data:`MAX_WORKSPACE_BYTES`
      unpacked, also when a zip's headers understate the sizes);
    * only the files the manifest names are read, and only plain file names
      are accepted (no folders, no ``..``), so a crafted manifest cannot make
      ona read anything outside the workspace;
    * the manifest's fields are checked (types and values), and every file is
      parsed once (JSON within Python's nesting limit, CSV, node-link graphs,
      findings) and kept, so a workspace that loads never fails later.

    Parameters
    ----------
    source : path, bytes or file object
    filename : str, optional
        The name to use in messages (e.g. an upload's name).

    Raises
    ------
    FileFormatError
        On anything that is not a workspace ``ona publish`` wrote, with one
        sentence in Dutch and English (:meth:`~ona.exceptions.OnaError.message`)
        saying which file and what is wrong; never another exception.
    """
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        folder = Path(source)
        label = filename or folder.name or str(folder)
        if not (folder / "manifest.json").is_file():
            raise _problem("workspace_file.no_manifest_folder", label, fix="workspace_file.fix.choose")
        read = _folder_reader(folder, label)
    else:
        from ona.io.files import read_source

        data, label = read_source(source, filename)  # type: ignore[arg-type]
        read = _zip_reader(data, label)
    budget = [MAX_WORKSPACE_BYTES]
    manifest_bytes = read("manifest.json", MAX_MANIFEST_BYTES, budget)
    manifest = _parse_manifest(manifest_bytes, label)
    files = {"manifest.json": manifest_bytes}
    for name in _referenced_files(manifest, label):
        files[name] = read(name, budget[0], budget)
    return Workspace(manifest=manifest, files=files, label=label).check()


Reader = Callable[[str, int, list], bytes]


def _folder_reader(folder: Path, label: str) -> Reader:
    def read(name: str, limit: int, budget: list) -> bytes:
        path = folder / name
        if not path.is_file():
            raise _problem("workspace_file.lacks", label, name=name)
        try:
            if path.stat().st_size > limit:
                raise _too_large(name, label, limit)
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise _problem("workspace_file.unreadable", label, name=name, reason=exc.strerror or str(exc)) from None
        if len(data) > limit:
            raise _too_large(name, label, limit)
        budget[0] -= len(data)
        return data

    return read


def _zip_reader(data: bytes, label: str) -> Reader:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _problem("workspace_file.not_zip", label, fix="workspace_file.fix.choose") from None
    if len(infos) > MAX_MEMBERS:
        raise _problem("workspace_file.too_many", label, count=len(infos), limit=MAX_MEMBERS)
    if "manifest.json" not in infos:
        raise _problem("workspace_file.no_manifest_zip", label, fix="workspace_file.fix.choose")

    def read(name: str, limit: int, budget: list) -> bytes:
        info = infos.get(name)
        if info is None:
            raise _problem("workspace_file.lacks", label, name=name)
        if info.file_size > limit:  # the declared size, before anything is unpacked
            raise _too_large(name, label, limit)
        try:
            with archive.open(info) as handle:
                content = handle.read(limit + 1)  # never more, even if the header understates the size
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
            raise _problem("workspace_file.damaged", label, name=name, fix="workspace_file.fix.again") from None
        if len(content) > limit:
            raise _too_large(name, label, limit)
        budget[0] -= len(content)
        return content

    return read


def _too_large(name: str, label: str, limit: int) -> FileFormatError:
    return _problem("workspace_file.too_large", label, name=name, megabytes=max(1, limit // 2**20))


def _parse_manifest(data: bytes, label: str) -> dict[str, Any]:
    try:
        manifest = _json("manifest.json", data)
    except FileFormatError as exc:
        raise _problem(exc.key or "workspace_file.not_json", label, name="manifest.json") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _problem("workspace_file.not_workspace", label, fix="workspace_file.fix.choose")
    if manifest.get("version") != VERSION:
        raise _problem("workspace_file.version", label, fix="workspace_file.fix.version",
                       version=repr(manifest.get("version")), supported=VERSION)
    check = _FieldCheck(label)
    check.field(manifest, "name", (str, type(None)), "text")
    check.field(manifest, "wave", (str, type(None)), "text")
    check.field(manifest, "group_by", str, "text", required=True, nonempty=True)
    check.field(manifest, "person_group_by", str, "text", nonempty=True)
    check.count(manifest, "people")
    check.count(manifest, "respondents")
    privacy = check.field(manifest, "privacy", dict, "table", required=True)
    check.count(privacy, "min_group_size", "privacy.", minimum=1)
    for flag in ("show_names", "person_level", "pseudonyms"):
        check.field(privacy, flag, bool, "yes_no", prefix="privacy.")
    check.field(privacy, "names", str, "text", prefix="privacy.")
    check.field(privacy, "other_label", str, "text", prefix="privacy.")
    hidden = check.field(manifest, "hidden", dict, "table")
    for key in ("groups", "people", "unnamed"):
        if key in hidden:
            check.count(hidden, key, "hidden.")
    groups = check.field(manifest, "groups", list, "list", required=True)
    for i, group in enumerate(groups):
        if not isinstance(group, str):
            check.fail(f"groups[{i}]", "text", group)
    relations = check.field(manifest, "relations", list, "list", required=True)
    seen: set[str] = set()
    for i, entry in enumerate(relations):
        if not isinstance(entry, dict):
            check.fail(f"relations[{i}]", "table", entry)
        name = check.field(entry, "name", str, "text", prefix=f"relations[{i}].", required=True, nonempty=True)
        if name in seen:
            raise _problem("workspace_file.twice", label, field=f"relations[{i}].name", value=name)
        seen.add(name)
        for key in ("group_matrix", "group_density", "group_network"):
            check.field(entry, key, str, "text", prefix=f"relations[{i}].", required=True, nonempty=True)
        check.field(entry, "network", (str, type(None)), "text", prefix=f"relations[{i}].")
    files = check.field(manifest, "files", dict, "table", required=True)
    for key in ("readme", "summary", "groups", "findings", "findings_markdown"):
        check.field(files, key, str, "text", prefix="files.", required=True, nonempty=True)
    check.field(files, "people", (str, type(None)), "text", prefix="files.")
    return manifest


class _FieldCheck:
    """Checks manifest fields; each problem is one FileFormatError naming the field, what it should be and what it is."""

    def __init__(self, label: str) -> None:
        self.label = label

    def field(self, table: Any, key: str, kinds: Any, expected: str, *, prefix: str = "", required: bool = False,
              nonempty: bool = False) -> Any:
        if key not in table:
            if required:
                raise _problem("workspace_file.missing_field", self.label, field=prefix + key)
            return {"table": {}, "list": []}.get(expected)
        value = table[key]
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _tuple(kinds)):
            self.fail(prefix + key, expected, value)
        if nonempty and not str(value).strip():
            self.fail(prefix + key, expected, value)
        return value

    def count(self, table: Any, key: str, prefix: str = "", minimum: int = 0) -> None:
        if key not in table:
            raise _problem("workspace_file.missing_field", self.label, field=prefix + key)
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(prefix + key, "whole_number", value)

    def fail(self, field_name: str, expected: str, value: Any) -> None:
        found = _describe(value)
        raise _problem(f"workspace_file.field.{expected}", self.label, field=field_name, found=found)


def _tuple(kinds: Any) -> tuple[Any, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _describe(value: Any) -> str:
    """A short, safe description of a JSON value for a message: its type and (for scalars) the value."""
    if isinstance(value, (dict, list)):
        return {dict: "a table", list: "a list"}[type(value)] + f" ({len(value)})"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _referenced_files(manifest: Mapping[str, Any], label: str) -> list[str]:
    names = [n for n in manifest["files"].values() if n]
    for entry in manifest["relations"]:
        names += [entry.get(k) for k in ("group_matrix", "group_density", "group_network", "network") if entry.get(k)]
    for name in names:
        if not isinstance(name, str) or not _FILE_NAME.fullmatch(name) or ".." in name or name == "manifest.json":
            raise _problem("workspace_file.unsafe_name", label, name=str(name)[:40])
    return list(dict.fromkeys(names))


# -- reading the parts (each raises FileFormatError naming the file) -------------------------------


def _json(name: str, data: bytes) -> Any:
    text = _read_text(name, data)
    try:
        return json.loads(text)
    except RecursionError:
        raise _problem("workspace_file.too_deep", None, name=name) from None
    except ValueError:  # JSONDecodeError, and integers too long to convert
        raise _problem("workspace_file.not_json", None, name=name) from None


def _read_text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _problem("workspace_file.not_utf8", None, name=name) from None


def _read_summary(name: str, data: bytes) -> dict[str, dict[str, Any]]:
    summary = _json(name, data)
    if not isinstance(summary, dict) or not all(isinstance(v, dict) for v in summary.values()):
        raise _problem("workspace_file.summary", None, name=name)
    return summary


def _read_csv(name: str, data: bytes, *, index: bool = False) -> pd.DataFrame:
    if not data.strip():
        raise _problem("workspace_file.empty", None, name=name)
    _read_text(name, data)
    try:
        # Only empty cells are missing: a person or group called "NA" or "None" stays text.
        frame = pd.read_csv(io.BytesIO(data), index_col=0 if index else None, keep_default_na=False,
                            na_values=[""])
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, IndexError):
        raise _problem("workspace_file.csv", None, name=name) from None
    return restore_formulas(frame)


def _read_group_table(name: str, data: bytes) -> pd.DataFrame:
    frame = _read_csv(name, data)
    _require_columns(name, frame, ("relation", "group"))
    return frame


def _read_people(name: str, data: bytes, grouping: str) -> pd.DataFrame:
    frame = _read_csv(name, data)
    _require_columns(name, frame, ("person", "name", grouping))
    return frame


def _read_matrix(name: str, data: bytes) -> pd.DataFrame:
    frame = _read_csv(name, data, index=True)
    if not all(pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns):
        raise _problem("workspace_file.not_numbers", None, name=name)
    return frame


def _require_columns(name: str, frame: pd.DataFrame, columns: Iterable[str]) -> None:
    for column in columns:
        if column not in frame.columns:
            raise _problem("workspace_file.column", None, name=name, column=column)


def _read_graph(name: str, data: bytes) -> nx.DiGraph:
    value = _json(name, data)
    if not isinstance(value, dict) or not isinstance(value.get("nodes"), list) or not isinstance(
            value.get("edges"), list):
        raise _problem("workspace_file.graph", None, name=name)
    nodes = value["nodes"]
    if not all(isinstance(n, dict) and isinstance(n.get("id"), (str, int)) for n in nodes):
        raise _problem("workspace_file.graph", None, name=name)
    ids = {n["id"] for n in nodes}
    if not all(isinstance(e, dict) and e.get("source") in ids and e.get("target") in ids for e in value["edges"]):
        raise _problem("workspace_file.graph", None, name=name)
    try:
        return nx.node_link_graph(value, directed=True, multigraph=False, edges="edges")
    except (KeyError, TypeError, ValueError, AttributeError, nx.NetworkXError):
        raise _problem("workspace_file.graph", None, name=name) from None


def _read_findings(name: str, data: bytes) -> list[Any]:
    from ona.findings import Finding

    records = _json(name, data)
    if not isinstance(records, list):
        raise _problem("workspace_file.findings", None, name=name, number=0)
    out = []
    for number, record in enumerate(records, start=1):
        if not _finding_record(record):
            raise _problem("workspace_file.findings", None, name=name, number=number)
        out.append(Finding.from_dict(record))  # with its confidence and robustness
    return out


def _finding_record(record: Any) -> bool:
    """Whether `record` is a finding as :func:`ona.findings.findings_to_json` writes it."""
    def texts(value: Any) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    return (
        isinstance(record, dict)
        and isinstance(record.get("kind"), str)
        and isinstance(record.get("severity"), (int, float)) and not isinstance(record.get("severity"), bool)
        and isinstance(record.get("relation"), str)
        and texts(record.get("groups")) and texts(record.get("people"))
        and isinstance(record.get("evidence"), dict)
        and isinstance(record.get("text"), dict) and all(isinstance(v, str) for v in record["text"].values())
        and isinstance(record.get("suggestions"), dict) and all(texts(v) for v in record["suggestions"].values())
        and _confidence_record(record.get("confidence"))
    )


def _confidence_record(value: Any) -> bool:
    """Whether `value` is a finding's confidence as :meth:`ona.findings.Confidence.to_dict` writes it (or None)."""
    from ona.findings.finding import BANDS

    if value is None:
        return True
    response = value.get("response") if isinstance(value, dict) else None
    return (
        isinstance(value, dict) and value.get("band") in BANDS
        and (response is None or (isinstance(response, (int, float)) and not isinstance(response, bool)))
        and isinstance(value.get("reason", {}), dict) and all(isinstance(v, str) for v in value.get("reason", {}).values())
    )


def _problem(key: str, label: str | None, *, fix: str = "workspace_file.fix.again", **values: Any) -> FileFormatError:
    """One sentence in both languages: `key` of the catalogue with its fix, placed at the workspace `label`."""
    return FileFormatError(key=key, fix_key=fix, values=values, file=label)


# -- helpers ---------------------------------------------------------------------------------------


def _put(files: dict[str, bytes], name: str, content: bytes) -> str:
    files[name] = content
    return name


def _file_names(relations: Iterable[str]) -> dict[str, str]:
    """A distinct, plain ASCII name per relation (relation names are user text)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for i, relation in enumerate(relations, start=1):
        base = re.sub(r"[^A-Za-z0-9_-]+", "_", str(relation)).strip("_-")[:40] or f"relation{i}"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name.lower())
        names[relation] = name
    return names


def _csv_bytes(frame: pd.DataFrame, *, index_label: str | None = None) -> bytes:
    safe = neutralize_formulas(frame)
    text = safe.to_csv(index=index_label is not None, index_label=index_label, lineterminator="\n")
    return text.encode("utf-8")


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(json_plain(value), indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def _graph_bytes(H: nx.DiGraph) -> bytes:
    """Node-link JSON, compact (graphs are the largest files); attributes are plain str and float already."""
    data = nx.node_link_data(H, edges="edges")
    return (json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n").encode("utf-8")




def _check_no_leak(files: Mapping[str, bytes], matcher: TermMatcher) -> None:
    """The last safety net: no file (name or content) holds a withheld term.

    The README is ona's own fixed text, holding no data, so a withheld group
    that shares a word with it (a team called "HR") is no leak; it is checked
    to be exactly that text instead.
    """
    for name, content in files.items():
        if name == "README.md" and content == _readme().encode("utf-8"):
            continue
        found = matcher.find(name) or matcher.find(content.decode("utf-8", errors="replace"))
        if found:
            raise OnaError(
                f"Publishing stopped: {name} would contain {found[0]!r}, which managers may not see. "
                "This is a bug in ona; please report it (without the data).",
                key="workspace_file.build.leak", values={"name": name, "term": repr(found[0])},
            )


def _ona_version() -> str:
    try:
        return version("ona")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        return "unknown"


def _readme() -> str:
    """The workspace's README.md: what the folder is, in Dutch and English (texts: ``workspace_file.readme.*``)."""
    from ona.i18n import t

    return (f"# {t('workspace_file.readme.title', 'en')} / {t('workspace_file.readme.title', 'nl')}\n\n"
            f"**Nederlands.** {t('workspace_file.readme.body', 'nl')}\n\n"
            f"**English.** {t('workspace_file.readme.body', 'en')}\n\n"
            f"{t('workspace_file.readme.manifest', 'en')}\n")

