"""Manager workspaces: the privacy-filtered results HR publishes for managers.

HR analyses the raw survey on its own machine and publishes a *workspace*: a
folder (or one zip file) holding only figures, graphs and findings that pass
the :class:`~ona.privacy.PrivacyPolicy` — no raw answers, no names that may
not be shown, and no trace of groups below the minimum size (not in any file,
not in any file name). Managers open it in the app, which then runs in
manager mode; the raw uploads never have to leave HR's machine.

Workspace format (version 1)
----------------------------
Everything is computed on the network screened by
:func:`ona.privacy.screen_network` under *every* grouping the policy offers
(not only the one displayed): when the groups below the minimum size stay
below it even when merged into "(other)", their members are left out
altogether, so that no figure of a shown group gives away theirs by
difference, and two workspaces published with different groupings withhold
the same people.

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
     "lang": "nl", "group_by": "department", "people": 250, "respondents": 212,
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

import dataclasses
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any, Union

import networkx as nx
import pandas as pd

from ona.exceptions import ConfigurationError, FileFormatError, OnaError
from ona.model import OrgNetwork, plain
from ona.io.cells import neutralize_formulas, restore_formulas
from ona.privacy import (
    PrivacyPolicy,
    ScreenedNetwork,
    TermMatcher,
    leak_matcher,
    manager_density_matrix,
    manager_findings,
    manager_graph,
    manager_group_matrix,
    manager_group_table,
    manager_people,
    screen_network,
)

__all__ = ["FORMAT", "VERSION", "Workspace", "build_workspace", "load_workspace", "publish"]

#: The ``format`` field of a workspace manifest.
FORMAT = "ona-manager-workspace"
#: The workspace format version this ona writes and reads.
VERSION = 1
#: Largest workspace (sum of its files, uncompressed) that :func:`load_workspace` reads.
MAX_WORKSPACE_BYTES = 500 * 2**20

_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,120}")
_LANGS = ("nl", "en")
#: Names of the files a workspace can hold (older ones are replaced when publishing again).
_WORKSPACE_FILE = re.compile(
    r"manifest\.json|README\.md|summary\.json|groups\.csv|people\.csv|findings\.(json|md)"
    r"|(group_matrix|group_density)_[A-Za-z0-9_-]+\.csv|(group_network|network)_[A-Za-z0-9_-]+\.json"
)

WorkspaceSource = Union[str, Path, bytes, bytearray, IO[bytes]]


@dataclass(frozen=True)
class Workspace:
    """A manager workspace in memory: its manifest and its files, with readers for each part.

    Build one with :func:`build_workspace` or :func:`load_workspace`; save it
    with :meth:`write` (a folder) or :meth:`to_zip` (one file for download).

    Attributes
    ----------
    manifest : dict
        The parsed ``manifest.json``.
    files : mapping of str to bytes
        Every file by name, including ``manifest.json``.
    """

    manifest: dict[str, Any]
    files: Mapping[str, bytes] = field(repr=False)

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
        return json.loads(self._file("summary"))

    def groups(self) -> pd.DataFrame:
        """One row per relation and reportable group."""
        return self._csv(self.manifest["files"]["groups"])

    def people(self) -> pd.DataFrame:
        """Shown people with their measures (empty when nobody may be shown)."""
        name = self.manifest["files"].get("people")
        if not name:
            return pd.DataFrame(columns=["person", "name", self.manifest["group_by"]])
        return self._csv(name)

    def group_matrix(self, relation: str) -> pd.DataFrame:
        """Group-by-group tie counts (rows send, columns receive)."""
        return self._csv(self._relation(relation)["group_matrix"], index=True)

    def group_density_matrix(self, relation: str) -> pd.DataFrame:
        """Group-by-group densities of the merged groups."""
        return self._csv(self._relation(relation)["group_density"], index=True)

    def graph(self, relation: str, *, aggregate: bool = False) -> nx.DiGraph:
        """The person-level graph of shown people, or the group-level graph with ``aggregate=True``."""
        entry = self._relation(relation)
        name = entry["group_network"] if aggregate else entry.get("network")
        if not name:
            return nx.DiGraph(attribute=self.manifest["group_by"])
        data = json.loads(self._bytes(name))
        return nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")

    def findings(self) -> list[Any]:
        """The findings, as :class:`ona.findings.Finding` objects."""
        from ona.findings import Finding

        return [Finding.from_dict(record) for record in json.loads(self._file("findings"))]

    def findings_markdown(self) -> str:
        """The readable findings (in the language chosen when publishing)."""
        return self._file("findings_markdown")

    # -- saving ---------------------------------------------------------------------------

    def write(self, directory: str | Path) -> list[Path]:
        """Write every file into `directory` (created if needed) and return their paths.

        Raises
        ------
        OnaError
            If the folder cannot be created, or already holds files that are
            not part of an ona workspace (so nothing of the user's is mixed in
            or overwritten).
        """
        out = Path(directory)
        if out.exists() and not out.is_dir():
            raise OnaError(f"{out} is a file, not a folder. Choose a new folder for the workspace with -o.")
        if out.is_dir():
            foreign = sorted(p.name for p in out.iterdir() if p.name not in self.files)
            if foreign and not (out / "manifest.json").is_file():
                raise OnaError(
                    f"The folder {out} already holds other files ({', '.join(foreign[:3])}). "
                    "Publish into a new or empty folder, so nothing else is shared with managers."
                )
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OnaError(f"Cannot create the folder {out}: {exc.strerror}. Choose another -o folder.") from exc
        if (out / "manifest.json").is_file():  # an earlier workspace: its files may follow another policy
            for stale in out.iterdir():
                if stale.is_file() and stale.name not in self.files and _WORKSPACE_FILE.fullmatch(stale.name):
                    stale.unlink()
        written = []
        for name in self.files:
            path = out / name
            path.write_bytes(self.files[name])
            written.append(path)
        return written

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
            raise FileFormatError(f"the workspace lacks {name}", file="manifest.json", fix="Publish it again")
        return self.files[name]

    def _file(self, key: str) -> str:
        return self._bytes(self.manifest["files"][key]).decode("utf-8")

    def _csv(self, name: str, *, index: bool = False) -> pd.DataFrame:
        # Only empty cells are missing: a person or group called "NA" or "None" stays text.
        frame = pd.read_csv(io.BytesIO(self._bytes(name)), index_col=0 if index else None, keep_default_na=False,
                            na_values=[""])
        return restore_formulas(frame)


# -- building ------------------------------------------------------------------------------------


def build_workspace(
    net: OrgNetwork,
    *,
    policy: PrivacyPolicy,
    expected: Any = None,
    lang: str = "nl",
    seed: int = 0,
    group_by: str = "department",
    analysis: Any = None,
    findings: Iterable[Any] | None = None,
    n_permutations: int = 1000,
    screened: ScreenedNetwork | None = None,
) -> Workspace:
    """Build a manager workspace in memory (nothing is written to disk).

    Parameters
    ----------
    net : OrgNetwork
        The full network, as HR holds it.
    policy : PrivacyPolicy
        Minimum group size, pseudonym key and how people are shown.
    expected : optional
        Declared collaborations, passed to :func:`ona.findings.find_findings`
        (e.g. the result of :func:`ona.io.expected.read_expected`).
    lang : {"nl", "en"}, optional (default="nl")
        Language of ``findings.md``; ``findings.json`` holds both.
    seed : int, optional (default=0)
        For the analysis and the findings (permutation tests, Louvain).
    group_by : str, optional (default="department")
        The roster attribute whose groups the workspace shows; one of
        ``policy.groupings``. Whom to withhold does not depend on it.
    analysis : ona.measures.analysis.Analysis, optional
        A finished :func:`ona.measures.analysis.analyze` (with the same `group_by`)
        of the network managers may see, ``screen_network(net, policy).net``
        — which is `net` itself unless some people are withheld. Computed
        when omitted or when it holds other people.
    findings : iterable of Finding, optional
        Findings of `net`; computed with :func:`ona.findings.find_findings`
        when omitted, and always when the screening withholds people.
    n_permutations : int, optional (default=1000)
        For the analysis when it is computed here.
    screened : ScreenedNetwork, optional
        ``screen_network(net, policy)`` when already computed (e.g. with
        other waves in ``also``); computed here when omitted.

    Returns
    -------
    Workspace

    Raises
    ------
    ConfigurationError
        If the whole network has fewer than ``k`` people or respondents (no
        figure could be shown), `group_by` is not among the policy's
        groupings, or `lang` is unknown.
    OnaError
        If a file would still contain a withheld name (a safety net that
        should never trigger; the message names the file).
    """
    if lang not in _LANGS:
        raise ConfigurationError(f"Unknown language {lang!r} for the findings; use 'nl' or 'en'.")
    k = policy.min_group_size
    respondents = len(net.respondents)  # type: ignore[arg-type]
    if len(net) < k or respondents < k:
        raise ConfigurationError(
            f"The network has {len(net)} people and {respondents} respondents, fewer than the minimum group "
            f"size of {k}, so a manager may see no figure at all. Publish nothing, or lower the minimum "
            "group size if your data protection officer agrees"
        )
    full = net
    if screened is None:
        screened = screen_network(full, policy)
    elif screened.source is not full or screened.policy != policy:
        raise ConfigurationError("The screened network passed to build_workspace belongs to another network or policy.")
    screen = screened.screen(group_by)
    withheld = leak_matcher(screened)
    net = screened.net
    if len(net) < k or len(net.respondents) < k:  # type: ignore[arg-type]
        raise ConfigurationError(
            f"After leaving out the people of groups below the minimum group size of {k} (under "
            f"{', '.join(policy.groupings)}), fewer than {k} people remain, so a manager may see no figure at all. "
            "Publish nothing, offer fewer groupings, or lower the minimum group size if your data protection "
            "officer agrees"
        )
    if net is not full:  # people were left out: results that include them cannot be used
        findings = None
        if analysis is not None and not analysis.people.index.equals(net.people):
            analysis = None
    if analysis is None:
        from ona.measures.analysis import analyze

        analysis = analyze(net, group_by=group_by, seed=seed, n_permutations=n_permutations)
    if findings is None:
        from ona.findings import find_findings

        findings = find_findings(net, expected=_expected_for(expected, screened, group_by),
                                 attribute=group_by, seed=seed)
    persons = screened.persons

    files: dict[str, bytes] = {}
    relations = []
    names = _file_names(analysis.relations)
    for relation in analysis.relations:
        stem = names[relation]
        G = net.graph(relation)
        entry: dict[str, Any] = {"name": relation}
        counts = manager_group_matrix(analysis.group_matrices[relation], screened, attribute=group_by)
        entry["group_matrix"] = _put(files, f"group_matrix_{stem}.csv", _csv_bytes(counts, index_label="from"))
        density = manager_density_matrix(G, attribute=group_by, source=screened)
        entry["group_density"] = _put(files, f"group_density_{stem}.csv", _csv_bytes(density, index_label="from"))
        groups_graph = manager_graph(G, attribute=group_by, aggregate=True, source=screened)
        entry["group_network"] = _put(files, f"group_network_{stem}.json", _graph_bytes(groups_graph))
        people_graph = manager_graph(G, attribute=group_by, source=screened)
        entry["network"] = (
            _put(files, f"network_{stem}.json", _graph_bytes(people_graph)) if people_graph.number_of_nodes() else None
        )
        relations.append(entry)

    group_table = manager_group_table(analysis.groups, screened, attribute=group_by)
    people = manager_people(analysis.people, screened, attribute=group_by)
    shown_findings = manager_findings(list(findings), screened, attribute=group_by)
    labels = dict(zip(persons.loc[persons["shown"], "person"], persons.loc[persons["shown"], "display"]))
    from ona.findings import findings_to_json, findings_to_markdown

    files_index = {
        "readme": _put(files, "README.md", _readme().encode("utf-8")),
        "summary": _put(files, "summary.json", _json_bytes(_manager_summary(analysis.summary, withheld))),
        "groups": _put(files, "groups.csv", _csv_bytes(group_table)),
        "people": _put(files, "people.csv", _csv_bytes(people)) if len(people) else None,
        "findings": _put(files, "findings.json", findings_to_json(shown_findings).encode("utf-8")),
        "findings_markdown": _put(
            files, "findings.md", findings_to_markdown(shown_findings, lang, names=labels).encode("utf-8")
        ),
    }
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "name": net.name,
        "wave": net.wave,
        "lang": lang,
        "group_by": group_by,
        "people": len(net),
        "respondents": len(net.respondents),  # type: ignore[arg-type]
        "privacy": {
            "min_group_size": k,
            "names": _names_rule(policy),
            "show_names": policy.show_names,
            "person_level": policy.person_level,
            "pseudonyms": policy.pseudonymises,
            "other_label": policy.other_label,
        },
        "groups": screen.order,
        "relations": relations,
        "files": files_index,
        "ona_version": _ona_version(),
    }
    files = {"manifest.json": _json_bytes(manifest), **files}
    _check_no_leak(files, withheld)
    return Workspace(manifest=manifest, files=files)


def publish(
    net: OrgNetwork,
    directory: str | Path,
    *,
    policy: PrivacyPolicy,
    expected: Any = None,
    lang: str = "nl",
    seed: int = 0,
    group_by: str = "department",
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
        net, policy=policy, expected=expected, lang=lang, seed=seed, group_by=group_by, analysis=analysis,
        findings=findings, n_permutations=n_permutations, screened=screened,
    )
    return workspace.write(directory)


# -- loading -------------------------------------------------------------------------------------


def load_workspace(source: WorkspaceSource) -> Workspace:
    """Open a manager workspace: a folder, a zip file (path), or zip bytes / an uploaded zip.

    Only the files the manifest names are read, and only plain file names
    are accepted (no folders, no ``..``), so a crafted manifest cannot make
    ona read anything outside the workspace.

    Raises
    ------
    FileFormatError
        If there is no ``manifest.json``, it is not an ona workspace of a
        version this ona reads, or it names a file that is missing, unsafe or
        too large.
    """
    files: dict[str, bytes]
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        folder = Path(source)
        label = folder.name or str(folder)
        if not (folder / "manifest.json").is_file():
            raise FileFormatError(
                "this folder holds no manifest.json, so it is not a manager workspace", file=label,
                fix="Choose the folder that 'ona publish' wrote",
            )
        manifest = _parse_manifest((folder / "manifest.json").read_bytes(), label)
        files = {"manifest.json": (folder / "manifest.json").read_bytes()}
        total = 0
        for name in _referenced_files(manifest, label):
            path = folder / name
            if not path.is_file():
                raise FileFormatError(f"the workspace lacks {name}", file=label, fix="Publish it again")
            total += path.stat().st_size
            if total > MAX_WORKSPACE_BYTES:
                raise FileFormatError("the workspace is too large", file=label, fix="Publish fewer relations")
            files[name] = path.read_bytes()
        return Workspace(manifest=manifest, files=files)

    from ona.io.files import read_source

    data, label = read_source(source)  # type: ignore[arg-type]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, ValueError):
        raise FileFormatError(
            "this is neither a workspace folder nor a workspace zip file", file=label,
            fix="Choose the folder or zip that 'ona publish' wrote",
        ) from None
    if "manifest.json" not in infos:
        raise FileFormatError("the zip holds no manifest.json, so it is not a manager workspace", file=label,
                              fix="Choose the zip that 'ona publish' wrote")
    manifest_bytes = archive.read("manifest.json")
    manifest = _parse_manifest(manifest_bytes, label)
    names = _referenced_files(manifest, label)
    missing = [n for n in names if n not in infos]
    if missing:
        raise FileFormatError(f"the workspace lacks {missing[0]}", file=label, fix="Publish it again")
    if sum(infos[n].file_size for n in names) > MAX_WORKSPACE_BYTES:
        raise FileFormatError("the workspace unpacks to a suspiciously large size", file=label,
                              fix="Publish it again")
    files = {"manifest.json": manifest_bytes}
    files.update({n: archive.read(n) for n in names})
    return Workspace(manifest=manifest, files=files)


def _parse_manifest(data: bytes, label: str) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FileFormatError(
            "manifest.json is not valid JSON", file=label, fix="Publish the workspace again"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise FileFormatError("manifest.json does not describe an ona manager workspace", file=label,
                              fix="Choose the folder or zip that 'ona publish' wrote")
    if manifest.get("version") != VERSION:
        raise FileFormatError(
            f"the workspace has format version {manifest.get('version')!r}; this ona reads version {VERSION}",
            file=label, fix="Publish it again with this version of ona, or update ona",
        )
    for key in ("relations", "files", "groups", "privacy", "group_by"):
        if key not in manifest:
            raise FileFormatError(f"manifest.json lacks {key!r}", file=label, fix="Publish the workspace again")
    return manifest


def _referenced_files(manifest: Mapping[str, Any], label: str) -> list[str]:
    names = [n for n in manifest["files"].values() if n]
    for entry in manifest["relations"]:
        names += [entry.get(k) for k in ("group_matrix", "group_density", "group_network", "network") if entry.get(k)]
    for name in names:
        if not isinstance(name, str) or not _FILE_NAME.fullmatch(name) or ".." in name:
            raise FileFormatError(f"manifest.json names an unsafe file {str(name)[:40]!r}", file=label,
                                  fix="Only open workspaces that 'ona publish' wrote")
    return list(dict.fromkeys(names))


# -- helpers ---------------------------------------------------------------------------------------


def _expected_for(expected: Any, screened: ScreenedNetwork, attribute: str) -> Any:
    """Declared collaborations checked against the full roster, without pairs of groups left out of the screen."""
    if expected is None or screened.net is screened.source:
        return expected
    from ona.io.expected import expected_frame

    frame = expected_frame(expected, screened.source, attribute=attribute)
    gone = set(screened.source.groups(attribute)) - set(screened.net.groups(attribute))
    return frame.loc[~frame["group_a"].isin(gone) & ~frame["group_b"].isin(gone)].reset_index(drop=True)


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
    return (json.dumps(plain(value), indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def _graph_bytes(H: nx.DiGraph) -> bytes:
    """Node-link JSON, compact (graphs are the largest files); attributes are plain str and float already."""
    data = nx.node_link_data(H, edges="edges")
    return (json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n").encode("utf-8")


def _manager_summary(summary: Mapping[str, Mapping[str, Any]], matcher: TermMatcher) -> dict[str, dict[str, Any]]:
    """Whole-network figures only.

    Kept: numbers, texts and tables of numbers (e.g. the triad census, the
    comparison with other relations) that name nothing withheld. Dropped:
    lists, such as the community table, which says which groups each
    community spans.
    """
    def keep(value: Any) -> bool:
        if value is None or isinstance(value, (bool, int, float)):
            return True
        if isinstance(value, str):
            return not matcher.find(value)
        if isinstance(value, Mapping):
            return all(isinstance(k, str) and not matcher.find(k) and keep(v) for k, v in value.items())
        return False

    out: dict[str, dict[str, Any]] = {}
    for relation, figures in summary.items():
        values = plain(figures)
        out[relation] = {key: value for key, value in values.items() if keep(value)}
    return out


def _names_rule(policy: PrivacyPolicy) -> str:
    if not policy.person_level:
        return "no people shown"
    if policy.show_names and policy.pseudonymises:
        return "consenting people by name, others by pseudonym"
    if policy.show_names:
        return "consenting people by name, others left out"
    if policy.pseudonymises:
        return "everyone by pseudonym"
    return "no people shown"


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
                "This is a bug in ona; please report it (without the data)."
            )


def _ona_version() -> str:
    try:
        return version("ona")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        return "unknown"


def _readme() -> str:
    return """# Manager workspace / Werkruimte voor leidinggevenden

**Nederlands.** Deze map is gemaakt met `ona publish`. Ze bevat alleen overzichten die door het
privacyfilter van HR zijn gekomen: cijfers over groepen die groot genoeg zijn, netwerken waarin
alleen mensen met toestemming bij naam staan (anderen met een pseudoniem of niet), en bevindingen.
Er staan geen ruwe antwoorden in. Open de map of het zip-bestand in de ona-app; die toont de inhoud
in de modus voor leidinggevenden. Deel deze map niet verder dan nodig.

**English.** This folder was made with `ona publish`. It holds only views that passed HR's privacy
filter: figures about groups that are large enough, networks in which only people who consented are
named (others by pseudonym, or not at all), and findings. It holds no raw survey answers. Open the
folder or zip file in the ona app, which shows it in manager mode. Do not share it more widely than
needed.

See `manifest.json` for what is inside and which privacy settings were used.
"""

