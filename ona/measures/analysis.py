"""The whole analysis of a network in one call: :func:`analyze`, and :class:`Analysis` to keep or write it.

For every relation (advice, trust, ...) :func:`analyze` computes the measures
per person (:mod:`ona.measures.metrics`), per group with the E-I permutation test
(:mod:`ona.measures.groups`), communities (Leiden or Louvain, a consensus over seeded runs)
and their stability compared with the groups (:mod:`ona.measures.community`) and the whole-network figures
(:mod:`ona.measures.whole_network`); across relations it compares the layers
(:mod:`ona.measures.qap`). :meth:`Analysis.write` stores the result as ``people.csv``,
``groups.csv``, ``group_matrix_<relation>.csv`` and ``summary.json``, which is
what ``ona analyze`` does.

>>> from ona import samples
>>> result = analyze(samples.load("krackhardt"), n_permutations=99, stability_runs=2)
>>> result.relations
('advice', 'friendship', 'reports_to')
>>> round(result.summary["advice"]["reciprocity"], 5)
0.47368
"""

from __future__ import annotations

import json
import math
import multiprocessing
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd

from ona.measures.community import (
    COMMUNITY_METHODS,
    DEFAULT_COMMUNITY_METHOD,
    CommunityComparison,
    CommunityStability,
    community_stability_arrays,
    compare_with_groups_arrays,
)
from ona.measures.engines import GroupCodes, StepTimer, TieArrays
from ona.measures.missing import MISSING_TREATMENTS, reconstruct_arrays, reconstructable
from ona.exceptions import EmptyNetworkError, OnaError
from ona.measures.groups import GROUP_COLUMNS, density_matrix_arrays, ei_permutation_test_arrays, group_matrix_arrays, group_table_arrays
from ona.measures.keyplayers import KeyPlayers, file_key_players_arrays
from ona.measures.metrics import KEY_PLAYERS_IN_TABLE, betweenness_arrays, key_player_mask, person_table_arrays
from ona.model import OrgNetwork, json_plain
from ona.io.cells import neutralize_formulas
from ona.measures.qap import aligned_arrays, overlap_arrays, qap_correlation_arrays, respondent_cells
from ona.measures.whole_network import network_summary_arrays
from ona.compat import old_grouping_names

__all__ = [
    "Analysis",
    "COMMUNITY_RUNS_ALL_UP_TO",
    "COMMUNITY_RUNS_LARGE",
    "EI_ALL_PERMUTATIONS_UP_TO",
    "EI_LARGE_PERMUTATIONS",
    "Progress",
    "QAP_PERMUTATIONS_UP_TO",
    "analyze",
    "ei_permutations",
]

#: Layers are compared with QAP permutation p-values up to this many respondents;
#: above it the correlation is given without a p-value (see ``BENCHMARKS.md``).
QAP_PERMUTATIONS_UP_TO = 20_000
#: Above this many respondents the QAP test uses at most :data:`QAP_LARGE_PERMUTATIONS`
#: permutations (each costs about 0.7 ms per 50,000 ties); ``qap_permutations`` records it.
QAP_ALL_PERMUTATIONS_UP_TO = 5_000
QAP_LARGE_PERMUTATIONS = 200
#: The E-I permutation test uses all ``n_permutations`` up to this many respondents and at most
#: :data:`EI_LARGE_PERMUTATIONS` above (each permutation is a pass over all ties; ``ei_permutations``
#: in the summary records the number used).
EI_ALL_PERMUTATIONS_UP_TO = 50_000
EI_LARGE_PERMUTATIONS = 500
#: Above this many people the communities come from at most :data:`COMMUNITY_RUNS_LARGE` runs (each a
#: pass of Leiden or Louvain over all ties); ``community_stability_runs`` records the number used.
COMMUNITY_RUNS_ALL_UP_TO = 200_000
COMMUNITY_RUNS_LARGE = 3
#: Communities listed per relation in ``summary.json`` (largest first).
_COMMUNITIES_IN_SUMMARY = 50
#: Roster columns left out of ``people.csv`` (personal data the analysis does not need).
_PRIVATE_COLUMNS = ("email",)

#: A progress callback: ``progress(step, fraction_done)``.
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Analysis:
    """Everything :func:`analyze` computed for one network.

    Attributes
    ----------
    name, wave : str or None
        From the network.
    grouping : str
        The roster attribute that defines groups (default ``"department"``).
    relations : tuple of str
        The relations analysed, in order.
    seed, resolution, n_permutations, method, missing : settings used (``method`` is the
        community detection method, ``"leiden"`` or ``"louvain"``; ``missing`` the
        treatment of non-respondents' ties, ``"none"`` or ``"reconstruct"``).
    people : pandas.DataFrame
        One row per person, indexed by id: roster columns (without e-mail),
        ``responded``, then per relation ``<relation>_<measure>`` for every
        column of :func:`ona.measures.metrics.person_table`, ``community_<relation>`` (the
        consensus community) and ``community_stability_<relation>``.
    groups : pandas.DataFrame
        One row per relation and group: ``relation`` then the columns of
        :func:`ona.measures.groups.group_table`.
    group_matrices, group_density_matrices : dict of str to pandas.DataFrame
        Per relation, the directed group-by-group tie counts and densities.
    summary : dict of str to dict
        Per relation, :func:`ona.measures.whole_network.network_summary` plus
        ``community_stability`` (mean NMI between the consensus and each run),
        ``community_stability_runs``, ``community_consensus_rounds`` and
        ``community_consensus_converged``, ``communities_stable`` (communities of
        two or more people that are stable), ``communities_disconnected_in_runs``
        (disconnected communities over the runs; Louvain can make them, Leiden
        cannot), ``communities_split`` (disconnected consensus communities split
        into their parts), ``community_table`` (the largest communities, the
        groups they span, their ``stability`` and whether they are ``stable``)
        and ``layers`` (overlap and QAP correlation with every other relation).
    communities : dict of str to CommunityComparison
    stability : dict of str to CommunityStability
    layers : pandas.DataFrame
        One row per pair of relations: overlap counts, Jaccard, QAP correlation
        and its p-value.
    key_players : dict of str to KeyPlayers or None
        Per relation, the KPP-Neg set behind the person table's ``key_player``
        column (:func:`ona.measures.keyplayers.file_key_players_arrays`; None when the
        network is too small); :func:`ona.findings.find_findings` reuses it.
    timings, cpu_timings : dict of str to float
        Wall-clock and CPU seconds per step, summed over relations (for benchmarks).
    """

    name: str | None
    wave: str | None
    grouping: str
    relations: tuple[str, ...]
    seed: int
    resolution: float
    n_permutations: int
    method: str
    missing: str
    people: pd.DataFrame
    groups: pd.DataFrame
    group_matrices: dict[str, pd.DataFrame]
    group_density_matrices: dict[str, pd.DataFrame]
    summary: dict[str, dict[str, Any]]
    communities: dict[str, CommunityComparison]
    stability: dict[str, CommunityStability]
    layers: pd.DataFrame
    key_players: dict[str, KeyPlayers | None] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    cpu_timings: dict[str, float] = field(default_factory=dict)

    @property
    def group_by(self) -> str:
        """The old name of :attr:`grouping` (see :mod:`ona.compat`)."""
        return self.grouping

    def write(self, directory: str | Path) -> list[Path]:
        """Write ``people.csv``, ``groups.csv``, ``group_matrix_<relation>.csv`` and ``summary.json``.

        The directory is created if needed; existing files of these names are
        overwritten. Relation names are made safe for file names (characters
        other than letters, digits, ``-``, ``_`` and ``.`` become ``_``).
        Missing values are empty cells in the CSV files and ``null`` in JSON.

        Returns
        -------
        list of pathlib.Path
            The files written, in the order above.
        """
        out = Path(directory)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OnaError(f"Cannot create the output folder {out}: {exc.strerror}. Choose another -o folder.") from exc
        written = []
        # Names and group labels come from HR files: neutralise anything a spreadsheet would run.
        people = out / "people.csv"
        neutralize_formulas(self.people).to_csv(people, index=True, index_label="id")
        written.append(people)
        groups = out / "groups.csv"
        neutralize_formulas(self.groups).to_csv(groups, index=False)
        written.append(groups)
        for relation, filename in _file_names(self.relations).items():
            path = out / f"group_matrix_{filename}.csv"
            neutralize_formulas(self.group_matrices[relation]).to_csv(path, index_label="from")
            written.append(path)
        summary = out / "summary.json"
        summary.write_text(
            json.dumps(json_plain(self.summary), indent=2, ensure_ascii=False, allow_nan=False) + "\n",
            encoding="utf-8",
        )
        written.append(summary)
        return written


@old_grouping_names
def analyze(
    net: OrgNetwork,
    *,
    grouping: str = "department",
    relations: Iterable[str] | None = None,
    seed: int = 0,
    resolution: float = 1.0,
    n_permutations: int = 1000,
    stability_runs: int = 5,
    method: str = DEFAULT_COMMUNITY_METHOD,
    missing: str = "none",
    progress: Progress | None = None,
    workers: int = 1,
) -> Analysis:
    """Analyse every relation of a network: people, groups, communities, whole network and layers.

    Parameters
    ----------
    net : OrgNetwork
    grouping : str, optional (default="department")
        Roster attribute defining groups (E-I, brokerage, group matrices,
        modularity and the community comparison).
    relations : iterable of str, optional
        Relations to analyse; default all of ``net.relations``.
    seed : int, optional (default=0)
        Seed for the communities, permutation tests and sampled betweenness:
        the same seed gives the same output.
    resolution : float, optional (default=1.0)
        Resolution of the community detection (above 1: more, smaller communities).
    n_permutations : int, optional (default=1000)
        Permutations for the E-I test and the QAP correlations; 0 skips them.
        For networks of more than :data:`QAP_ALL_PERMUTATIONS_UP_TO`
        respondents the QAP tests use at most :data:`QAP_LARGE_PERMUTATIONS`,
        and none above :data:`QAP_PERMUTATIONS_UP_TO` (the correlation is still
        given); ``summary[relation]["layers"]`` records the number used. The
        E-I test uses at most :data:`EI_LARGE_PERMUTATIONS` above
        :data:`EI_ALL_PERMUTATIONS_UP_TO` respondents (``ei_permutations``).
    stability_runs : int, optional (default=5)
        Runs of the community detection (seeds ``seed .. seed + runs - 1``)
        combined by consensus clustering, which also says which communities
        are stable (:func:`ona.measures.community.community_stability`); at
        most :data:`COMMUNITY_RUNS_LARGE` above :data:`COMMUNITY_RUNS_ALL_UP_TO`
        people.
    method : {"leiden", "louvain"}, optional (default="leiden")
        Community detection method. Leiden guarantees connected communities;
        Louvain (python-louvain up to 1,000 people, igraph above) is kept for
        comparison with earlier results.
    missing : {"none", "reconstruct"}, optional (default="none")
        Non-respondents' unknown ties: ``"none"`` leaves them unknown;
        ``"reconstruct"`` takes them from the other side's reports in the
        relations where that is defensible (symmetric ones such as
        collaboration; see :mod:`ona.measures.missing`). ``summary`` says per
        relation what was done (``missing_treatment``, ``reconstructed_ties``).
    progress : callable, optional
        Called as ``progress(step, fraction)`` before each step, with
        ``fraction`` between 0 and 1, and ``("done", 1.0)`` at the end; the
        app uses it for a progress bar.
    workers : int, optional (default=1)
        With 2 or more, betweenness and the E-I permutation test run in a
        second process (forked; POSIX only) while this one computes the rest,
        so a two-core machine finishes sooner. The results are the same. The
        command line uses 2; keep 1 in a program that runs threads (a forked
        process copies only the calling thread).

    Returns
    -------
    Analysis

    Raises
    ------
    MissingAttributeError
        If the roster has no column `grouping`.
    UnknownRelationError
        If a relation is not in the network.
    EmptyNetworkError
        If the roster is empty.
    """
    chosen = tuple(net.relations if relations is None else relations)
    for relation in chosen:
        net._check_relation(relation)
    if len(net) == 0:
        raise EmptyNetworkError("The roster holds no people, so there is nothing to analyse. Check the roster file.")
    if n_permutations < 0:
        raise OnaError(f"n_permutations must be 0 or more, not {n_permutations}.")
    if method not in COMMUNITY_METHODS:
        raise OnaError(
            f"Unknown community method {method!r}; choose 'leiden' or 'louvain'.",
            key="methods.error.community_method", values={"method": method},
        )
    if missing not in MISSING_TREATMENTS:
        raise OnaError(
            f"Unknown treatment of missing ties {missing!r}; choose 'none' or 'reconstruct'.",
            key="methods.error.missing_treatment", values={"missing": missing},
        )
    groups = GroupCodes.from_values(net.groups(grouping).tolist(), grouping)  # MissingAttributeError early
    timer = StepTimer()
    steps = _Steps(progress, total=_STEPS_PER_RELATION * len(chosen) + 1)
    settings = {"seed": seed, "resolution": resolution, "n_permutations": n_permutations, "runs": stability_runs,
                "method": method}

    results: dict[str, _RelationResult] = {}
    arrays_by_relation: dict[str, TieArrays] = {}
    reconstructed: dict[str, int] = {}
    key_players: dict[str, KeyPlayers | None] = {}
    with timer("ties to arrays"):
        for relation in chosen:
            arrays = TieArrays.from_network(net, relation)
            observed = arrays.m
            if missing == "reconstruct" and reconstructable(relation):
                arrays = reconstruct_arrays(arrays)
                reconstructed[relation] = arrays.m - observed
            arrays_by_relation[relation] = arrays
    side = _Side(arrays_by_relation, groups, settings, parallel=workers > 1)
    try:
        for relation in chosen:
            steps(f"{relation}: reading ties")
            results[relation] = _analyze_relation(relation, arrays_by_relation[relation], groups, settings, timer,
                                                  steps, side)
            results[relation].summary["missing_treatment"] = "reconstruct" if relation in reconstructed else "none"
            results[relation].summary["reconstructed_ties"] = reconstructed.get(relation, 0)
            key_players[relation] = side.get(relation, timer)[2]
    finally:
        side.close(timer)

    steps("comparing relations")
    with timer("layers (overlap + QAP)"):
        layers = _compare_layers(arrays_by_relation, n_permutations=n_permutations, seed=seed)
    for row in layers.to_dict("records"):
        first, second = row["first"], row["second"]
        figures = {k: v for k, v in row.items() if k not in ("first", "second")}
        results[first].summary["layers"][second] = figures
        results[second].summary["layers"][first] = _swap(figures)
    steps.done()

    people = net.roster.drop(columns=[c for c in _PRIVATE_COLUMNS if c in net.roster.columns])
    people = people.assign(responded=net.respondent_mask().to_numpy())
    blocks = [r.people.set_axis(people.index) for r in results.values()]
    group_tables = [r.groups for r in results.values()]
    return Analysis(
        name=net.name,
        wave=net.wave,
        grouping=grouping,
        relations=chosen,
        seed=seed,
        resolution=resolution,
        n_permutations=n_permutations,
        method=method,
        missing=missing,
        people=pd.concat([people, *blocks], axis=1),
        groups=(
            pd.concat(group_tables, ignore_index=True)
            if group_tables
            else pd.DataFrame(columns=["relation", *GROUP_COLUMNS])
        ),
        group_matrices={relation: r.matrix for relation, r in results.items()},
        group_density_matrices={relation: r.density for relation, r in results.items()},
        summary={relation: r.summary for relation, r in results.items()},
        communities={relation: r.comparison for relation, r in results.items()},
        stability={relation: r.stability for relation, r in results.items()},
        layers=layers,
        key_players=key_players,
        timings=dict(timer.seconds),
        cpu_timings=dict(timer.cpu_seconds),
    )


# -- one relation --------------------------------------------------------------------------------

_STEPS_PER_RELATION = 5


class _Steps:
    """Reports ``progress(step, fraction)`` before each step."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress, self._total, self._done = progress, total, 0

    def __call__(self, description: str) -> None:
        if self._progress is not None:
            self._progress(description, min(self._done / self._total, 1.0))
        self._done += 1

    def done(self) -> None:
        if self._progress is not None:
            self._progress("done", 1.0)


@dataclass(frozen=True)
class _RelationResult:
    people: pd.DataFrame  # the relation's columns of people.csv
    groups: pd.DataFrame  # its rows of groups.csv
    matrix: pd.DataFrame
    density: pd.DataFrame
    summary: dict[str, Any]
    comparison: CommunityComparison
    stability: CommunityStability


class _Side:
    """Betweenness and the E-I permutation test of every relation: here, or in a forked second process.

    The second process computes them relation by relation and sends each result as soon as it is done,
    while this process computes the communities and the other measures; :meth:`get` waits for a
    relation's result when it is needed. Without fork (or if the second process fails) they are
    computed here, with the same result.
    """

    def __init__(self, arrays: Mapping[str, TieArrays], groups: GroupCodes, settings: dict[str, Any], *,
                 parallel: bool) -> None:
        self._arrays, self._groups, self._settings = arrays, groups, settings
        self._done: dict[str, tuple[Any, Any, Any, dict[str, float], dict[str, float]]] = {}
        self._process: Any = None
        self._connection: Any = None
        self._counted: set[str] = set()
        if parallel and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=self._work, args=(sender,), daemon=True)
            self._process.start()
            sender.close()
            self._connection = receiver

    def _compute(self, relation: str) -> tuple[Any, Any, Any, dict[str, float], dict[str, float]]:
        arrays, settings, timer = self._arrays[relation], self._settings, StepTimer()
        with timer("betweenness"):
            betweenness = betweenness_arrays(arrays, seed=settings["seed"])
        test = None
        with timer("E-I test"):
            permutations = ei_permutations(settings["n_permutations"], arrays.respondents)
            if permutations:
                test = ei_permutation_test_arrays(arrays, self._groups, n_permutations=permutations,
                                                  seed=settings["seed"])
        with timer("key players"):
            key_players = file_key_players_arrays(arrays, KEY_PLAYERS_IN_TABLE, seed=settings["seed"] or 0)
        return betweenness, test, key_players, timer.seconds, timer.cpu_seconds

    def _work(self, sender: Any) -> None:  # in the second process
        try:
            for relation in self._arrays:
                sender.send((relation, self._compute(relation)))
        except BaseException as exc:  # noqa: BLE001 - handed to the first process, which computes it itself
            sender.send(("__failed__", repr(exc)))
        finally:
            sender.close()

    def get(self, relation: str, timer: StepTimer) -> tuple[Any, Any, Any]:
        while relation not in self._done and self._connection is not None:
            try:
                name, result = self._connection.recv()
            except (EOFError, OSError):
                name, result = "__failed__", None
            if name == "__failed__":
                self._stop()
                break
            self._done[name] = result
        if relation not in self._done:
            self._done[relation] = self._compute(relation)
        betweenness, test, key_player, seconds, cpu = self._done[relation]
        if relation not in self._counted:  # the second process's seconds, under the step names of one process
            self._counted.add(relation)
            for step in seconds:
                timer.seconds[step] = timer.seconds.get(step, 0.0) + seconds[step]
                timer.cpu_seconds[step] = timer.cpu_seconds.get(step, 0.0) + cpu[step]
        return betweenness, test, key_player

    def _stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None

    def close(self, timer: StepTimer) -> None:
        self._stop()


def _analyze_relation(
    relation: str,
    arrays: TieArrays,
    groups: GroupCodes,
    settings: dict[str, Any],
    timer: StepTimer,
    steps: _Steps,
    side: _Side,
) -> _RelationResult:
    seed, n_permutations = settings["seed"], settings["n_permutations"]
    steps(f"{relation}: communities")
    with timer("communities (runs + consensus)"):
        runs = max(settings["runs"], 1)
        if arrays.n > COMMUNITY_RUNS_ALL_UP_TO:
            runs = min(runs, COMMUNITY_RUNS_LARGE)
        stability = community_stability_arrays(
            arrays, method=settings["method"], runs=runs, seed=seed, resolution=settings["resolution"]
        )
    communities = stability.labels.to_numpy()
    comparison = compare_with_groups_arrays(communities, groups)

    steps(f"{relation}: measures per person")
    table = person_table_arrays(arrays, groups, seed=seed, timer=timer,
                                betweenness=lambda: side.get(relation, timer)[0],
                                key_player=lambda: key_player_mask(arrays, side.get(relation, timer)[2]))
    method = table.attrs["betweenness"]

    steps(f"{relation}: groups and E-I permutation test")
    with timer("groups + E-I test"):
        test = side.get(relation, timer)[1]
        group_table = group_table_arrays(arrays, groups, test).assign(relation=relation)[["relation", *GROUP_COLUMNS]]
        counts = group_matrix_arrays(arrays, groups)
        labels = pd.Index(list(groups.labels), dtype=object)
        matrix = pd.DataFrame(counts, index=labels.rename("from"), columns=labels.rename("to"))
        density = pd.DataFrame(density_matrix_arrays(arrays, groups, counts), index=matrix.index, columns=matrix.columns)

    steps(f"{relation}: whole network")
    summary = network_summary_arrays(
        arrays,
        groups,
        seed=seed,
        resolution=settings["resolution"],
        n_permutations=n_permutations,
        betweenness=(table["betweenness"].to_numpy(), method),
        communities=communities,
        ei_network=test.network if test is not None else _no_test(),
        timer=timer,
        method=settings["method"],
    )
    summary["betweenness_note"] = method.note
    summary["ei_permutations"] = ei_permutations(n_permutations, arrays.respondents)
    summary["community_stability"] = stability.mean_nmi if runs > 1 else None
    summary["community_stability_runs"] = runs
    summary["community_consensus_rounds"] = stability.iterations
    summary["community_consensus_converged"] = stability.converged
    summary["communities_stable"] = len(stability.stable)
    summary["communities_disconnected_in_runs"] = stability.disconnected_in_runs
    summary["communities_split"] = stability.split
    largest = comparison.communities.head(_COMMUNITIES_IN_SUMMARY)
    verdicts = stability.communities.set_index("community").loc[largest["community"], ["stability", "stable"]]
    summary["community_table"] = largest.assign(
        stability=verdicts["stability"].to_numpy(), stable=verdicts["stable"].to_numpy()
    ).to_dict("records")
    summary["layers"] = {}

    people = table.drop(columns="responded").add_prefix(f"{relation}_")
    people[f"community_{relation}"] = communities
    people[f"community_stability_{relation}"] = stability.person_stability.to_numpy()
    return _RelationResult(people, group_table, matrix, density, summary, comparison, stability)


# -- across relations ----------------------------------------------------------------------------


def _no_test() -> dict[str, float]:
    return {"ei_index": math.nan, "expected_ei": math.nan, "p_value": math.nan}


def _compare_layers(arrays: Mapping[str, TieArrays], *, n_permutations: int, seed: int) -> pd.DataFrame:
    rows = []
    for first, second in combinations(arrays, 2):
        a, b = aligned_arrays(arrays[first], arrays[second])
        row: dict[str, Any] = {"first": first, "second": second, **overlap_arrays(a, b)}
        responded = int((a.responded & b.responded).sum())
        row["qap_correlation"] = math.nan
        row["qap_p_value"] = math.nan
        row["qap_permutations"] = 0
        if responded >= 3:
            x, y = respondent_cells(a, b)
            permutations = _qap_permutations(n_permutations, responded)
            result = qap_correlation_arrays(x, y, n_permutations=max(permutations, 1), seed=seed)
            row["qap_correlation"] = result.correlation
            if permutations:
                row["qap_p_value"] = result.p_value
                row["qap_permutations"] = permutations
        rows.append(row)
    columns = [
        "first", "second", "ties_first", "ties_second", "both", "jaccard",
        "share_of_first_in_second", "share_of_second_in_first",
        "qap_correlation", "qap_p_value", "qap_permutations",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def ei_permutations(requested: int, respondents: int) -> int:
    """Permutations of the E-I test for a network with this many respondents (see :data:`EI_LARGE_PERMUTATIONS`).

    >>> ei_permutations(1000, 10_000), ei_permutations(1000, 100_000), ei_permutations(0, 100_000)
    (1000, 500, 0)
    """
    return requested if respondents <= EI_ALL_PERMUTATIONS_UP_TO else min(requested, EI_LARGE_PERMUTATIONS)


def _qap_permutations(requested: int, respondents: int) -> int:
    if respondents <= QAP_ALL_PERMUTATIONS_UP_TO:
        return requested
    if respondents <= QAP_PERMUTATIONS_UP_TO:
        return min(requested, QAP_LARGE_PERMUTATIONS)
    return 0


def _swap(figures: dict[str, Any]) -> dict[str, Any]:
    swapped = dict(figures)
    swapped["ties_first"], swapped["ties_second"] = figures["ties_second"], figures["ties_first"]
    swapped["share_of_first_in_second"] = figures["share_of_second_in_first"]
    swapped["share_of_second_in_first"] = figures["share_of_first_in_second"]
    return swapped


def _file_names(relations: Iterable[str]) -> dict[str, str]:
    """A distinct, file-system-safe name per relation."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for relation in relations:
        base = re.sub(r"[^\w.-]+", "_", relation).strip("._") or "relation"
        name, k = base, 2
        while name.lower() in used:
            name, k = f"{base}_{k}", k + 1
        used.add(name.lower())
        names[relation] = name
    return names
