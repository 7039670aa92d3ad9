r"""Informal communities (Louvain) and how far they follow the organisation chart.

Communities are found with the Louvain method [1]_ on the *undirected weighted
projection* of a relation: two people are linked when either names the other,
with weight

.. math:: w_{ij} = a_{ij} + a_{ji}

(the sum of both directions' tie weights, so a returned tie counts twice as
much as a one-way tie). Up to :data:`LOUVAIN_IGRAPH_ABOVE` people
this uses python-louvain; above that, igraph's implementation of the same
algorithm (``community_multilevel``), which is 10-20 times faster (``BENCHMARKS.md``) and finds
partitions of the same modularity (``tests/test_community.py`` checks this).
igraph is also used whenever the resolution is not 1: python-louvain 0.16
applies its ``resolution`` to the move gains and the inverse of it to the
modularity that decides when to stop, so values other than 1 give
inconsistent results (python-louvain issues #47 and #86).

Louvain is randomised: results are reproducible for a given `seed`, and
:func:`community_stability` shows how much they depend on it. The comparison
with departments uses normalised mutual information [2]_ and the adjusted Rand
index [3]_.

References
----------
.. [1] Blondel, Vincent D., Jean-Loup Guillaume, Renaud Lambiotte, and Etienne
   Lefebvre. 2008. "Fast Unfolding of Communities in Large Networks." Journal
   of Statistical Mechanics: Theory and Experiment 2008 (10): P10008.
   https://doi.org/10.1088/1742-5468/2008/10/P10008
.. [2] Danon, Leon, Albert Díaz-Guilera, Jordi Duch, and Alex Arenas. 2005.
   "Comparing Community Structure Identification." Journal of Statistical
   Mechanics: Theory and Experiment 2005 (09): P09008.
   https://doi.org/10.1088/1742-5468/2005/09/P09008
.. [3] Hubert, Lawrence, and Phipps Arabie. 1985. "Comparing Partitions."
   Journal of Classification 2 (1): 193-218. https://doi.org/10.1007/BF01908075
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import community as community_louvain
import networkx as nx
import numpy as np
import pandas as pd

from ona.measures.engines import GroupCodes, TieArrays, group_codes, ig, seeded_igraph
from ona.exceptions import OnaError

__all__ = [
    "COASSIGNMENT_MATRIX_UP_TO",
    "CommunityComparison",
    "CommunityStability",
    "LOUVAIN_IGRAPH_ABOVE",
    "adjusted_rand_index",
    "community_stability",
    "community_stability_arrays",
    "compare_with_groups",
    "compare_with_groups_arrays",
    "louvain_arrays",
    "louvain_communities",
    "modularity",
    "modularity_arrays",
    "normalized_mutual_information",
]

#: Louvain runs in python-louvain up to this many nodes and in igraph's
#: implementation of the same algorithm (Blondel et al. 2008) above it.
LOUVAIN_IGRAPH_ABOVE = 1_000
#: Largest graph for which :class:`CommunityStability` keeps the full person-by-person matrix.
COASSIGNMENT_MATRIX_UP_TO = 2_000


def louvain_communities(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    resolution: float = 1.0,
    seed: int | None = None,
) -> dict[Hashable, int]:
    r"""Return a community number for every person, found with the Louvain method.

    Louvain greedily moves people between communities to raise the modularity

    .. math:: Q = \frac{1}{2m}\sum_{ij}\Bigl(w_{ij} - \gamma\frac{s_i s_j}{2m}\Bigr)\delta(c_i, c_j)

    and then merges communities and repeats [1]_. It runs on the undirected
    projection :math:`w_{ij} = a_{ij} + a_{ji}` (see the module docstring);
    :math:`s_i` is a person's total projected weight and :math:`\gamma` the
    resolution.

    Parameters
    ----------
    G : NetworkX graph
    weight : str or None, optional (default="weight")
        Edge attribute of tie strength; None counts each tie as 1.
    resolution : float, optional (default=1.0)
        :math:`\gamma`: above 1 gives more, smaller communities; below 1 fewer,
        larger ones. Values other than 1 run in igraph (see the module docstring).
    seed : int or None, optional
        Random seed; the same seed gives the same communities.

    Returns
    -------
    dict
        Node -> community number. Communities are numbered 0, 1, ... from the
        largest down (ties broken by the first member in node order); people
        without ties are each a community of one.

    Raises
    ------
    OnaError
        If `resolution` is not a positive number.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")])
    >>> louvain_communities(G, seed=1)
    {'a': 0, 'b': 0, 'c': 0, 'd': 1, 'e': 1, 'f': 1}

    References
    ----------
    .. [1] Blondel, Vincent D., Jean-Loup Guillaume, Renaud Lambiotte, and
       Etienne Lefebvre. 2008. "Fast Unfolding of Communities in Large
       Networks." Journal of Statistical Mechanics: Theory and Experiment 2008
       (10): P10008. https://doi.org/10.1088/1742-5468/2008/10/P10008
    """
    arrays = TieArrays.from_graph(G, weight)
    labels = louvain_arrays(arrays, weighted=weight is not None, resolution=resolution, seed=seed)
    return dict(zip(arrays.nodes.tolist(), labels.tolist()))


def modularity(
    G: nx.Graph,
    partition: Mapping[Hashable, Any],
    *,
    weight: str | None = "weight",
    resolution: float = 1.0,
) -> float:
    r"""Return the modularity of a partition of `G`'s undirected weighted projection.

    .. math:: Q = \sum_c \Bigl[\frac{L_c}{m} - \gamma\Bigl(\frac{S_c}{2m}\Bigr)^2\Bigr]

    where :math:`L_c` is the projected weight inside community :math:`c`,
    :math:`S_c` the total projected weight of its members and :math:`m` the
    total projected weight [1]_. Use it on the department partition to see how
    well departments carve up the informal network (``modularity_departments``
    in :func:`ona.measures.whole_network.network_summary`).

    Parameters
    ----------
    G : NetworkX graph
    partition : mapping
        Node -> community label (any hashable); every node needs one.
    weight : str or None, optional (default="weight")
    resolution : float, optional (default=1.0)

    Returns
    -------
    float
        ``nan`` for a graph without ties.

    Raises
    ------
    OnaError
        If a node has no label in `partition`.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("c", "d")])
    >>> modularity(G, {"a": 0, "b": 0, "c": 1, "d": 1})
    0.5

    References
    ----------
    .. [1] Newman, M. E. J. 2006. "Modularity and Community Structure in
       Networks." Proceedings of the National Academy of Sciences 103 (23):
       8577-82. https://doi.org/10.1073/pnas.0601602103
    """
    arrays = TieArrays.from_graph(G, weight)
    missing = [v for v in arrays.nodes if v not in partition]
    if missing:
        raise OnaError(
            f"The partition gives no community for {len(missing)} node(s), e.g. {missing[:3]}. "
            "Give every node of the graph a label."
        )
    codes = GroupCodes.from_values([partition[v] for v in arrays.nodes], "community").codes
    return modularity_arrays(arrays, codes, weighted=weight is not None, resolution=resolution)


def normalized_mutual_information(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    r"""Return the normalised mutual information of two partitions of the same people.

    .. math:: NMI(A,B) = \frac{2\,I(A;B)}{H(A) + H(B)}

    with :math:`I` the mutual information and :math:`H` the entropy of the
    labels [1]_: 1 for identical partitions, about 0 for unrelated ones. Two
    partitions that each put everyone together give 1.

    Examples
    --------
    >>> normalized_mutual_information([0, 0, 1, 1], ["x", "x", "y", "y"])
    1.0
    >>> normalized_mutual_information([0, 0, 1, 1], ["x", "y", "x", "y"])
    0.0

    References
    ----------
    .. [1] Danon, Leon, Albert Díaz-Guilera, Jordi Duch, and Alex Arenas. 2005.
       "Comparing Community Structure Identification." Journal of Statistical
       Mechanics: Theory and Experiment 2005 (09): P09008.
       https://doi.org/10.1088/1742-5468/2005/09/P09008
    """
    return _nmi(_contingency(a, b))


def adjusted_rand_index(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    r"""Return the adjusted Rand index of two partitions of the same people.

    .. math:: ARI = \frac{\sum_{ij}\binom{n_{ij}}{2} - E}{\tfrac12\bigl[\sum_i\binom{a_i}{2}
              + \sum_j\binom{b_j}{2}\bigr] - E}, \qquad
              E = \frac{\sum_i\binom{a_i}{2}\sum_j\binom{b_j}{2}}{\binom{n}{2}}

    over the contingency table :math:`n_{ij}` with row sums :math:`a_i` and
    column sums :math:`b_j` [1]_: 1 for identical partitions, about 0 for
    chance agreement (it can be negative).

    Examples
    --------
    >>> adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7])
    1.0

    References
    ----------
    .. [1] Hubert, Lawrence, and Phipps Arabie. 1985. "Comparing Partitions."
       Journal of Classification 2 (1): 193-218. https://doi.org/10.1007/BF01908075
    """
    return _ari(_contingency(a, b))


@dataclass(frozen=True)
class CommunityComparison:
    """Communities set against a roster attribute such as department.

    Attributes
    ----------
    attribute : str
        The roster attribute compared with (e.g. ``"department"``).
    contingency : pandas.DataFrame
        People per community (rows) and group (columns).
    nmi, ari : float
        Normalised mutual information and adjusted Rand index of the two partitions.
    communities : pandas.DataFrame
        One row per community: ``community, size, groups_spanned, main_group,
        main_group_share, groups`` (e.g. ``"Sales 12, IT 3"``, largest first).
    """

    attribute: str
    contingency: pd.DataFrame
    nmi: float
    ari: float
    communities: pd.DataFrame


def compare_with_groups(
    G: nx.Graph, communities: Mapping[Hashable, int], attribute: str = "department"
) -> CommunityComparison:
    """Compare communities with a roster attribute: contingency table, NMI, ARI and the groups each spans.

    Parameters
    ----------
    G : NetworkX graph
        Supplies the groups (node attribute `attribute`).
    communities : mapping
        Node -> community, e.g. from :func:`louvain_communities`.
    attribute : str, optional (default="department")

    Returns
    -------
    CommunityComparison

    Raises
    ------
    MissingAttributeError
        If no node has `attribute`.
    OnaError
        If a node has no community.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "HR"}, "department")
    >>> result = compare_with_groups(G, {"a": 0, "b": 0, "c": 1, "d": 1})
    >>> result.communities[["community", "size", "main_group", "groups"]].values.tolist()
    [[0, 2, 'HR', 'HR 2'], [1, 2, 'HR', 'HR 1, IT 1']]
    """
    missing = [v for v in G.nodes if v not in communities]
    if missing:
        raise OnaError(
            f"No community is given for {len(missing)} node(s), e.g. {missing[:3]}. "
            "Pass the result of louvain_communities(G)."
        )
    groups = group_codes(G, attribute)
    labels = np.asarray([communities[v] for v in G.nodes])
    return compare_with_groups_arrays(labels, groups)


@dataclass(frozen=True)
class CommunityStability:
    """How much Louvain's communities depend on its random seed.

    Attributes
    ----------
    seeds : tuple of int
        The seeds used; the first gives the reference partition.
    partitions : pandas.DataFrame
        People (rows) by seed (columns): the community found in each run.
    person_stability : pandas.Series
        Per person, the mean over runs of the Jaccard overlap between their
        community in that run and in the reference run: 1 means they always
        land with the same people.
    mean_nmi : float
        Mean NMI between the reference partition and each other run.
    tie_pairs : pandas.DataFrame
        For every pair of people with a tie (``u, v``), ``together``: the share
        of runs that put them in the same community.
    """

    seeds: tuple[int, ...]
    partitions: pd.DataFrame
    person_stability: pd.Series
    mean_nmi: float
    tie_pairs: pd.DataFrame

    def coassignment(self) -> pd.DataFrame:
        """The person-by-person share of runs in which two people share a community.

        Raises
        ------
        OnaError
            For more than 2,000 people (the matrix would not fit in memory);
            use ``tie_pairs`` instead.
        """
        n = len(self.partitions)
        if n > COASSIGNMENT_MATRIX_UP_TO:
            raise OnaError(
                f"A co-assignment matrix of {n} x {n} people is too large; "
                "use CommunityStability.tie_pairs, which covers every pair with a tie."
            )
        labels = self.partitions.to_numpy()
        together = np.zeros((n, n))
        for run in labels.T:
            together += run[:, None] == run[None, :]
        together /= labels.shape[1]
        return pd.DataFrame(together, index=self.partitions.index, columns=self.partitions.index)


def community_stability(
    G: nx.Graph,
    *,
    runs: int = 10,
    seed: int = 0,
    weight: str | None = "weight",
    resolution: float = 1.0,
) -> CommunityStability:
    r"""Run Louvain with `runs` different seeds and measure how often people land together.

    Louvain's result depends on the order in which it visits people; comparing
    runs shows which communities are robust [1]_. Runs use seeds ``seed,
    seed + 1, ..., seed + runs - 1``; the first is the reference. For person
    :math:`v` with community :math:`C_r(v)` in run :math:`r`,

    .. math:: \text{stability}_v = \frac{1}{R}\sum_{r} \frac{|C_0(v) \cap C_r(v)|}{|C_0(v) \cup C_r(v)|}.

    Parameters
    ----------
    G : NetworkX graph
    runs : int, optional (default=10)
    seed : int, optional (default=0)
    weight : str or None, optional (default="weight")
    resolution : float, optional (default=1.0)

    Returns
    -------
    CommunityStability

    Raises
    ------
    OnaError
        If `runs` is less than 1 or `resolution` is not positive.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")])
    >>> result = community_stability(G, runs=5)
    >>> result.person_stability.tolist(), result.mean_nmi
    ([1.0, 1.0, 1.0, 1.0, 1.0, 1.0], 1.0)

    References
    ----------
    .. [1] Lancichinetti, Andrea, and Santo Fortunato. 2012. "Consensus
       Clustering in Complex Networks." Scientific Reports 2: 336.
       https://doi.org/10.1038/srep00336
    """
    arrays = TieArrays.from_graph(G, weight)
    return community_stability_arrays(arrays, runs=runs, seed=seed, weighted=weight is not None, resolution=resolution)


# -- implementations over arrays ------------------------------------------------------------------


def louvain_arrays(
    arrays: TieArrays, *, weighted: bool = True, resolution: float = 1.0, seed: int | None = None
) -> np.ndarray:
    """Louvain community per node position, numbered from the largest community down: :func:`louvain_communities` on arrays."""
    if not resolution > 0:
        raise OnaError(f"The Louvain resolution must be a positive number, not {resolution}.")
    n = arrays.n
    u, v, w = arrays.undirected_edges(weighted)
    if len(u) == 0:
        return np.arange(n)
    if n > LOUVAIN_IGRAPH_ABOVE or resolution != 1.0:
        g = ig.Graph(n=n, edges=np.column_stack([u, v]), directed=False)
        with seeded_igraph(seed):
            clustering = g.community_multilevel(weights=w.tolist(), resolution=resolution)
        raw = np.asarray(clustering.membership)
    else:
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist()))
        found = community_louvain.best_partition(graph, weight="weight", random_state=seed)
        raw = np.fromiter((found[i] for i in range(n)), dtype=np.int64, count=n)
    return _renumber(raw)


def _renumber(raw: np.ndarray) -> np.ndarray:
    """Renumber labels 0, 1, ... by decreasing size, ties by first appearance."""
    _, first, inverse, sizes = np.unique(raw, return_index=True, return_inverse=True, return_counts=True)
    order = np.lexsort((first, -sizes))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[inverse.ravel()]


def modularity_arrays(arrays: TieArrays, codes: np.ndarray, *, weighted: bool = True, resolution: float = 1.0) -> float:
    """Modularity of the partition `codes` (an integer label per node position): :func:`modularity` on arrays."""
    u, v, w = arrays.undirected_edges(weighted)
    total = w.sum()
    if total <= 0:
        return float("nan")
    k = int(codes.max()) + 1 if len(codes) else 0
    inside = codes[u] == codes[v]
    internal = np.bincount(codes[u][inside], weights=w[inside], minlength=k)
    strength = np.bincount(u, weights=w, minlength=arrays.n) + np.bincount(v, weights=w, minlength=arrays.n)
    community_strength = np.bincount(codes, weights=strength, minlength=k)
    return float(np.sum(internal / total - resolution * (community_strength / (2 * total)) ** 2))


def _contingency(a: Sequence[Hashable], b: Sequence[Hashable]) -> np.ndarray:
    if len(a) != len(b):
        raise OnaError(f"The two partitions cover {len(a)} and {len(b)} people; they must label the same people.")
    _, ia = np.unique(np.asarray(a, dtype=object).astype(str), return_inverse=True)
    _, ib = np.unique(np.asarray(b, dtype=object).astype(str), return_inverse=True)
    table = np.zeros((ia.max() + 1 if len(ia) else 0, ib.max() + 1 if len(ib) else 0))
    np.add.at(table, (ia.ravel(), ib.ravel()), 1)
    return table


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def _nmi(table: np.ndarray) -> float:
    n = table.sum()
    if n == 0:
        return float("nan")
    h_a, h_b = _entropy(table.sum(axis=1)), _entropy(table.sum(axis=0))
    if h_a + h_b == 0:
        return 1.0
    joint = table[table > 0] / n
    outer = np.outer(table.sum(axis=1), table.sum(axis=0))[table > 0] / n**2
    mutual = float((joint * np.log(joint / outer)).sum())
    return float(max(0.0, 2 * mutual / (h_a + h_b)))


def _ari(table: np.ndarray) -> float:
    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    n = table.sum()
    if n < 2:
        return float("nan")
    index = pairs(table)
    rows, cols = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * cols / (n * (n - 1) / 2)
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


def compare_with_groups_arrays(labels: np.ndarray, groups: GroupCodes) -> CommunityComparison:
    """Communities (a label per node position) against roster groups: :func:`compare_with_groups` on arrays."""
    community_ids, position = np.unique(labels, return_inverse=True)
    counts = np.zeros((len(community_ids), groups.k), dtype=np.int64)
    np.add.at(counts, (position.ravel(), groups.codes), 1)
    table = pd.DataFrame(
        counts,
        index=pd.Index(community_ids.tolist(), name="community"),
        columns=pd.Index(list(groups.labels), name=groups.attribute),
    )
    records = []
    for community, row in zip(community_ids.tolist(), counts):
        present = sorted(
            ((label, int(count)) for label, count in zip(groups.labels, row) if count > 0),
            key=lambda item: (-item[1], item[0]),
        )
        size = int(row.sum())
        records.append(
            {
                "community": community,
                "size": size,
                "groups_spanned": len(present),
                "main_group": present[0][0],
                "main_group_share": present[0][1] / size,
                "groups": ", ".join(f"{label} {count}" for label, count in present),
            }
        )
    values = counts.astype(float)
    return CommunityComparison(
        attribute=groups.attribute,
        contingency=table,
        nmi=_nmi(values),
        ari=_ari(values),
        communities=pd.DataFrame.from_records(records),
    )


def community_stability_arrays(
    arrays: TieArrays, *, runs: int = 10, seed: int = 0, weighted: bool = True, resolution: float = 1.0
) -> CommunityStability:
    """Louvain runs over `runs` seeds compared: :func:`community_stability` on arrays."""
    if runs < 1:
        raise OnaError(f"runs must be at least 1, not {runs}.")
    seeds = tuple(range(seed, seed + runs))
    partitions = np.column_stack(
        [louvain_arrays(arrays, weighted=weighted, resolution=resolution, seed=s) for s in seeds]
    )
    reference = partitions[:, 0]
    n = arrays.n
    jaccard = np.zeros(n)
    nmis = []
    for run in partitions.T:
        table = np.zeros((reference.max() + 1, run.max() + 1))
        np.add.at(table, (reference, run), 1)
        overlap = table[reference, run]
        union = table.sum(axis=1)[reference] + table.sum(axis=0)[run] - overlap
        jaccard += overlap / union
        nmis.append(_nmi(table))
    u, v, _ = arrays.undirected_edges(weighted=False)
    together = (partitions[u] == partitions[v]).mean(axis=1) if len(u) else np.zeros(0)
    return CommunityStability(
        seeds=seeds,
        partitions=pd.DataFrame(partitions, index=arrays.nodes, columns=list(seeds)),
        person_stability=arrays.relabel(jaccard / runs, "community_stability"),
        mean_nmi=float(np.mean(nmis[1:])) if runs > 1 else 1.0,
        tie_pairs=pd.DataFrame({"u": arrays.nodes[u], "v": arrays.nodes[v], "together": together}),
    )
