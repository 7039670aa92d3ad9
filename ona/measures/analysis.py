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
from ona.measures.metrics import person_table_arrays
from ona.model import OrgNetwork, json_plain
from ona.io.cells import neutralize_formulas
from ona.measures.qap import aligned_arrays, overlap_arrays, qap_correlation_arrays, respondent_cells
from ona.measures.whole_network import network_summary_arrays

__all__ = [
    "Analysis",
    "Progress",
    "QAP_PERMUTATIONS_UP_TO",
    "analyze",
]

#: Layers are compared with QAP permutation p-values up to this many respondents;
#: above it the correlation is given without a p-value (see ``BENCHMARKS.md``).
QAP_PERMUTATIONS_UP_TO = 20_000
#: Above this many respondents the QAP test uses at most :data:`QAP_LARGE_PERMUTATIONS`
#: permutations (each costs about 0.7 ms per 50,000 ties); ``qap_permutations`` records it.
QAP_ALL_PERMUTATIONS_UP_TO = 5_000
QAP_LARGE_PERMUTATIONS = 200
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
    group_by : str
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
    timings, cpu_timings : dict of str to float
        Wall-clock and CPU seconds per step, summed over relations (for benchmarks).
    """

    name: str | None
    wave: str | None
    group_by: str
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
    timings: dict[str, float] = field(default_factory=dict)
    cpu_timings: dict[str, float] = field(default_factory=dict)

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


def analyze(
    net: OrgNetwork,
    *,
    group_by: str = "department",
    relations: Iterable[str] | None = None,
    seed: int = 0,
    resolution: float = 1.0,
    n_permutations: int = 1000,
    stability_runs: int = 5,
    method: str = DEFAULT_COMMUNITY_METHOD,
    missing: str = "none",
    progress: Progress | None = None,
) -> Analysis:
    """Analyse every relation of a network: people, groups, communities, whole network and layers.

    Parameters
    ----------
    net : OrgNetwork
    group_by : str, optional (default="department")
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
        given); ``summary[relation]["layers"]`` records the number used.
    stability_runs : int, optional (default=5)
        Runs of the community detection (seeds ``seed .. seed + runs - 1``)
        combined by consensus clustering, which also says which communities
        are stable (:func:`ona.measures.community.community_stability`).
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

    Returns
    -------
    Analysis

    Raises
    ------
    MissingAttributeError
        If the roster has no column `group_by`.
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
    groups = GroupCodes.from_values(net.groups(group_by).tolist(), group_by)  # MissingAttributeError early
    timer = StepTimer()
    steps = _Steps(progress, total=_STEPS_PER_RELATION * len(chosen) + 1)
    settings = {"seed": seed, "resolution": resolution, "n_permutations": n_permutations, "runs": stability_runs,
                "method": method}

    results: dict[str, _RelationResult] = {}
    arrays_by_relation: dict[str, TieArrays] = {}
    for relation in chosen:
        steps(f"{relation}: reading ties")
        with timer("ties to arrays"):
            arrays = TieArrays.from_network(net, relation)
            treated = missing == "reconstruct" and reconstructable(relation)
            observed = arrays.m
            if treated:
                arrays = reconstruct_arrays(arrays)
            arrays_by_relation[relation] = arrays
        results[relation] = _analyze_relation(relation, arrays, groups, settings, timer, steps)
        results[relation].summary["missing_treatment"] = "reconstruct" if treated else "none"
        results[relation].summary["reconstructed_ties"] = arrays.m - observed

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
        group_by=group_by,
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


def _analyze_relation(
    relation: str,
    arrays: TieArrays,
    groups: GroupCodes,
    settings: dict[str, Any],
    timer: StepTimer,
    steps: _Steps,
) -> _RelationResult:
    seed, n_permutations = settings["seed"], settings["n_permutations"]
    steps(f"{relation}: measures per person")
    table = person_table_arrays(arrays, groups, seed=seed, timer=timer)
    method = table.attrs["betweenness"]

    steps(f"{relation}: groups and E-I permutation test")
    with timer("groups + E-I test"):
        test = None
        if n_permutations:
            test = ei_permutation_test_arrays(arrays, groups, n_permutations=n_permutations, seed=seed)
        group_table = group_table_arrays(arrays, groups, test).assign(relation=relation)[["relation", *GROUP_COLUMNS]]
        counts = group_matrix_arrays(arrays, groups)
        labels = pd.Index(list(groups.labels), dtype=object)
        matrix = pd.DataFrame(counts, index=labels.rename("from"), columns=labels.rename("to"))
        density = pd.DataFrame(density_matrix_arrays(arrays, groups, counts), index=matrix.index, columns=matrix.columns)

    steps(f"{relation}: communities")
    with timer("communities (runs + consensus)"):
        runs = max(settings["runs"], 1)
        stability = community_stability_arrays(
            arrays, method=settings["method"], runs=runs, seed=seed, resolution=settings["resolution"]
        )
    communities = stability.labels.to_numpy()
    comparison = compare_with_groups_arrays(communities, groups)

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
