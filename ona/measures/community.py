r"""Informal communities (Leiden or Louvain, with a consensus over seeded runs) and how far they follow the chart.

Communities are found on the *undirected weighted projection* of a relation:
two people are linked when either names the other, with weight

.. math:: w_{ij} = a_{ij} + a_{ji}

(the sum of both directions' tie weights, so a returned tie counts twice as
much as a one-way tie). Both methods maximise the modularity of that graph:

* **Leiden** [1]_ (the default, igraph's ``community_leiden``): Louvain with a
  refinement step, which guarantees that every community is connected.
  Louvain can return badly connected and even disconnected communities
  (Traag, Waltman and van Eck found up to 16% disconnected in their tests).
  networkx 3.6 names ``leiden_communities`` but ships no implementation of
  it (it needs a backend), so ona uses igraph's.
* **Louvain** [2]_: python-louvain up to :data:`LOUVAIN_IGRAPH_ABOVE` people
  and igraph's ``community_multilevel`` above (10-20 times faster, same
  modularity, ``BENCHMARKS.md``). igraph is also used whenever the resolution
  is not 1: python-louvain 0.16 applies its ``resolution`` to the move gains
  and the inverse of it to the modularity that decides when to stop
  (python-louvain issues #47 and #86).

Both are randomised: results are reproducible for a `seed`.
:func:`community_stability` runs the method with several seeds and combines the
runs by consensus clustering [3]_: people who land together in most runs are
put together, so the result no longer hangs on one seed, and each community is
marked stable or not by how well it reappears in the runs [4]_. Every community
it returns is connected: a disconnected one is split into its connected parts,
and the number split is reported.

Memory grows with the number of people and ties, never with their square:
partitions are compared through sparse contingency tables (pairs of labels that
occur), the consensus is kept per tie, not per pair of people.

The comparison with departments uses normalised mutual information [5]_ and the
adjusted Rand index [6]_.

References
----------
.. [1] Traag, Vincent A., Ludo Waltman, and Nees Jan van Eck. 2019. "From
   Louvain to Leiden: Guaranteeing Well-Connected Communities." Scientific
   Reports 9: 5233. https://doi.org/10.1038/s41598-019-41695-z
.. [2] Blondel, Vincent D., Jean-Loup Guillaume, Renaud Lambiotte, and Etienne
   Lefebvre. 2008. "Fast Unfolding of Communities in Large Networks." Journal
   of Statistical Mechanics: Theory and Experiment 2008 (10): P10008.
   https://doi.org/10.1088/1742-5468/2008/10/P10008
.. [3] Lancichinetti, Andrea, and Santo Fortunato. 2012. "Consensus Clustering
   in Complex Networks." Scientific Reports 2: 336.
   https://doi.org/10.1038/srep00336
.. [4] Hennig, Christian. 2007. "Cluster-Wise Assessment of Cluster
   Stability." Computational Statistics & Data Analysis 52 (1): 258-71.
   https://doi.org/10.1016/j.csda.2006.11.025
.. [5] Danon, Leon, Albert Díaz-Guilera, Jordi Duch, and Alex Arenas. 2005.
   "Comparing Community Structure Identification." Journal of Statistical
   Mechanics: Theory and Experiment 2005 (09): P09008.
   https://doi.org/10.1088/1742-5468/2005/09/P09008
.. [6] Hubert, Lawrence, and Phipps Arabie. 1985. "Comparing Partitions."
   Journal of Classification 2 (1): 193-218. https://doi.org/10.1007/BF01908075
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ona.exceptions import OnaError
from ona.measures.engines import GroupCodes, TieArrays, group_codes, ig, seeded_igraph
from ona.compat import old_grouping_names

__all__ = [
    "COASSIGNMENT_MATRIX_UP_TO",
    "COMMUNITY_METHODS",
    "CONSENSUS_MAX_ITERATIONS",
    "CONSENSUS_THRESHOLD",
    "CONTINGENCY_CELLS_UP_TO",
    "CommunityComparison",
    "CommunityStability",
    "DEFAULT_COMMUNITY_METHOD",
    "DISSOLVED_JACCARD",
    "LOUVAIN_IGRAPH_ABOVE",
    "STABLE_JACCARD",
    "adjusted_rand_index",
    "community_parts",
    "community_parts_arrays",
    "community_stability",
    "community_stability_arrays",
    "compare_with_groups",
    "compare_with_groups_arrays",
    "leiden_arrays",
    "leiden_communities",
    "louvain_arrays",
    "louvain_communities",
    "modularity",
    "modularity_arrays",
    "normalized_mutual_information",
    "partition_arrays",
]

#: The community detection methods: ``"leiden"`` (default) and ``"louvain"``.
COMMUNITY_METHODS = ("leiden", "louvain")
#: The method used when none is chosen.
DEFAULT_COMMUNITY_METHOD = "leiden"
#: Louvain runs in python-louvain up to this many nodes and in igraph's
#: implementation of the same algorithm (Blondel et al. 2008) above it.
LOUVAIN_IGRAPH_ABOVE = 1_000
#: Largest graph for which :class:`CommunityStability` gives the full person-by-person matrix.
COASSIGNMENT_MATRIX_UP_TO = 2_000
#: Largest communities x groups table that :attr:`CommunityComparison.contingency` builds.
CONTINGENCY_CELLS_UP_TO = 5_000_000
#: Consensus threshold :math:`\tau`: ties whose two people share a community in fewer runs are dropped.
CONSENSUS_THRESHOLD = 0.5
#: Rounds of consensus clustering at most; the rounds stop as soon as all runs agree on every tie.
CONSENSUS_MAX_ITERATIONS = 10
#: A community is *stable* when its mean Jaccard similarity with its best match in each run is at
#: least this (Hennig 2007: "a valid, stable cluster should yield a mean Jaccard similarity of 0.75 or more").
STABLE_JACCARD = 0.75
#: ... and *dissolved* at or below this (Hennig 2007).
DISSOLVED_JACCARD = 0.5


# -- partitions of one graph ---------------------------------------------------------------------


def leiden_communities(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    resolution: float = 1.0,
    seed: int | None = None,
) -> dict[Hashable, int]:
    r"""Return a community number for every person, found with the Leiden algorithm.

    Leiden [1]_ maximises the modularity

    .. math:: Q = \frac{1}{2m}\sum_{ij}\Bigl(w_{ij} - \gamma\frac{s_i s_j}{2m}\Bigr)\delta(c_i, c_j)

    of the undirected projection :math:`w_{ij} = a_{ij} + a_{ji}` (see the
    module docstring), like Louvain, but refines each community before
    merging, so that every community it returns is connected (in fact
    :math:`\gamma`-connected: no part of a community could be split off to
    raise the modularity). :math:`s_i` is a person's total projected weight
    and :math:`\gamma` the resolution. Runs igraph's ``community_leiden`` (two
    iterations, :math:`\beta = 0.01`).

    Parameters
    ----------
    G : NetworkX graph
    weight : str or None, optional (default="weight")
        Edge attribute of tie strength; None counts each tie as 1.
    resolution : float, optional (default=1.0)
        :math:`\gamma`: above 1 gives more, smaller communities; below 1 fewer, larger ones.
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
    >>> leiden_communities(G, seed=1)
    {'a': 0, 'b': 0, 'c': 0, 'd': 1, 'e': 1, 'f': 1}

    References
    ----------
    .. [1] Traag, Vincent A., Ludo Waltman, and Nees Jan van Eck. 2019. "From
       Louvain to Leiden: Guaranteeing Well-Connected Communities." Scientific
       Reports 9: 5233. https://doi.org/10.1038/s41598-019-41695-z
    """
    arrays = TieArrays.from_graph(G, weight)
    labels = leiden_arrays(arrays, weighted=weight is not None, resolution=resolution, seed=seed)
    return dict(zip(arrays.nodes.tolist(), labels.tolist()))


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
    resolution. A Louvain community can be disconnected; see
    :func:`community_parts` and :func:`leiden_communities`.

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


def community_parts(G: nx.Graph, partition: Mapping[Hashable, Any]) -> dict[Hashable, int]:
    """Return the number of connected parts of each community (1 for a connected community).

    A community is connected when its members can reach each other over ties
    between members (either direction). Louvain can return communities of 2
    or more parts; Leiden never does (Traag, Waltman and van Eck 2019).

    Parameters
    ----------
    G : NetworkX graph
    partition : mapping
        Node -> community label; every node needs one.

    Returns
    -------
    dict
        Community label -> number of connected parts.

    Raises
    ------
    OnaError
        If a node has no label in `partition`.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("c", "d")])
    >>> community_parts(G, {"a": 0, "b": 0, "c": 0, "d": 1})
    {0: 2, 1: 1}
    """
    arrays = TieArrays.from_graph(G, None)
    labels = [partition[v] for v in _every_node(arrays, partition)]
    codes = GroupCodes.from_values(labels, "community").codes
    parts = community_parts_arrays(arrays, codes)
    width = int(parts.max()) + 1 if len(parts) else 1
    counts = np.bincount(np.unique(codes * width + parts) // width, minlength=int(codes.max(initial=-1)) + 1)
    _, first = np.unique(codes, return_index=True)
    return {labels[i]: int(counts[codes[i]]) for i in sorted(first.tolist())}


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
    well departments carve up the informal network (``modularity_groups``
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
    codes = GroupCodes.from_values([partition[v] for v in _every_node(arrays, partition)], "community").codes
    return modularity_arrays(arrays, codes, weighted=weight is not None, resolution=resolution)


def _every_node(arrays: TieArrays, partition: Mapping[Hashable, Any]) -> list[Hashable]:
    nodes = arrays.nodes.tolist()
    missing = [v for v in nodes if v not in partition]
    if missing:
        raise OnaError(
            f"The partition gives no community for {len(missing)} node(s), e.g. {missing[:3]}. "
            "Give every node of the graph a label."
        )
    return nodes


# -- comparing partitions ------------------------------------------------------------------------


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
    return _nmi(_Contingency.of(*_codes_of(a, b)))


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
    return _ari(_Contingency.of(*_codes_of(a, b)))


def _codes_of(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[np.ndarray, np.ndarray]:
    if len(a) != len(b):
        raise OnaError(f"The two partitions cover {len(a)} and {len(b)} people; they must label the same people.")
    _, ia = np.unique(np.asarray(a, dtype=object).astype(str), return_inverse=True)
    _, ib = np.unique(np.asarray(b, dtype=object).astype(str), return_inverse=True)
    return ia.ravel().astype(np.int64), ib.ravel().astype(np.int64)


@dataclass(frozen=True)
class _Contingency:
    """A sparse contingency table of two labelings: the label pairs that occur and how often."""

    row: np.ndarray  # row label of each occurring pair
    col: np.ndarray  # column label
    count: np.ndarray  # people with that pair of labels
    row_sums: np.ndarray
    col_sums: np.ndarray

    @classmethod
    def of(cls, a: np.ndarray, b: np.ndarray) -> _Contingency:
        """Labels `a` and `b` are integer codes 0.. per person."""
        if len(a) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, empty, empty, empty, empty)
        width = int(b.max()) + 1
        pairs, count = np.unique(a * width + b, return_counts=True)
        return cls(
            pairs // width,
            pairs % width,
            count,
            np.bincount(a, minlength=int(a.max()) + 1),
            np.bincount(b, minlength=width),
        )

    @property
    def total(self) -> int:
        return int(self.count.sum())


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def _nmi(table: _Contingency) -> float:
    n = table.total
    if n == 0:
        return float("nan")
    h_a, h_b = _entropy(table.row_sums), _entropy(table.col_sums)
    if h_a + h_b == 0:
        return 1.0
    joint = table.count / n
    outer = table.row_sums[table.row].astype(float) * table.col_sums[table.col] / n**2
    mutual = float((joint * np.log(joint / outer)).sum())
    return float(max(0.0, 2 * mutual / (h_a + h_b)))


def _ari(table: _Contingency) -> float:
    def pairs(x: np.ndarray) -> float:
        x = x.astype(float)
        return float((x * (x - 1) / 2).sum())

    n = table.total
    if n < 2:
        return float("nan")
    index = pairs(table.count)
    rows, cols = pairs(table.row_sums), pairs(table.col_sums)
    expected = rows * cols / (n * (n - 1) / 2)
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


@dataclass(frozen=True)
class CommunityComparison:
    """Communities set against a roster attribute such as department.

    Attributes
    ----------
    grouping : str
        The roster attribute compared with (e.g. ``"department"``).
    counts : pandas.DataFrame
        People per community and group, one row per pair that occurs:
        ``community, <attribute>, people`` (sorted by community, then most
        people first). Its size grows with the number of people, never with
        communities times groups.
    nmi, ari : float
        Normalised mutual information and adjusted Rand index of the two partitions.
    communities : pandas.DataFrame
        One row per community: ``community, size, groups_spanned, main_group,
        main_group_share, groups`` (e.g. ``"Sales 12, IT 3"``, largest first).
    groups : tuple of str
        The group labels, in roster order (the columns of :attr:`contingency`).
    """

    grouping: str
    counts: pd.DataFrame
    nmi: float
    ari: float
    communities: pd.DataFrame
    groups: tuple[str, ...] = ()

    @property
    def contingency(self) -> pd.DataFrame:
        """People per community (rows) and group (columns), as a full table.

        Raises
        ------
        OnaError
            If the table would have more than :data:`CONTINGENCY_CELLS_UP_TO`
            cells (e.g. many small communities in a large roster); use
            :attr:`counts`, which holds the same numbers in long form.
        """
        rows = pd.Index(self.communities["community"].tolist(), name="community")
        columns = pd.Index(list(self.groups), name=self.grouping)
        if len(rows) * len(columns) > CONTINGENCY_CELLS_UP_TO:
            raise OnaError(
                f"A table of {len(rows)} communities x {len(columns)} groups is too large; "
                "use CommunityComparison.counts, which lists the same numbers per pair that occurs."
            )
        table = np.zeros((len(rows), len(columns)), dtype=np.int64)
        r = rows.get_indexer(self.counts["community"])
        c = columns.get_indexer(self.counts[self.grouping])
        table[r, c] = self.counts["people"].to_numpy()
        return pd.DataFrame(table, index=rows, columns=columns)


@old_grouping_names
def compare_with_groups(
    G: nx.Graph, communities: Mapping[Hashable, int], grouping: str = "department"
) -> CommunityComparison:
    """Compare communities with a roster attribute: people per pair, NMI, ARI and the groups each spans.

    Parameters
    ----------
    G : NetworkX graph
        Supplies the groups (node attribute `grouping`).
    communities : mapping
        Node -> community, e.g. from :func:`leiden_communities`.
    grouping : str, optional (default="department")

    Returns
    -------
    CommunityComparison

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.
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
            "Pass the result of leiden_communities(G) or louvain_communities(G)."
        )
    groups = group_codes(G, grouping)
    labels = np.asarray([communities[v] for v in G.nodes])
    return compare_with_groups_arrays(labels, groups)


# -- several runs: consensus and stability -------------------------------------------------------


@dataclass(frozen=True)
class CommunityStability:
    """Communities over several seeded runs: their consensus, and how stable each community is.

    Attributes
    ----------
    method : str
        ``"leiden"`` or ``"louvain"``.
    seeds : tuple of int
        The seeds of the runs on the network itself.
    labels : pandas.Series
        Per person, the consensus community (numbered from the largest down;
        every community connected).
    partitions : pandas.DataFrame
        People (rows) by seed (columns): the community found in each run.
    person_stability : pandas.Series
        Per person, the mean over runs of the Jaccard overlap between their
        consensus community and their community in that run: 1 means they
        always land with the same people.
    communities : pandas.DataFrame
        One row per consensus community: ``community, size, stability,
        stable``. ``stability`` is the mean over runs of the Jaccard
        similarity with the community's best match in that run (Hennig 2007);
        ``stable`` is ``"stable"`` from :data:`STABLE_JACCARD`,
        ``"dissolved"`` up to :data:`DISSOLVED_JACCARD` and ``"unclear"`` in
        between (a community of one person is ``"single"``).
    mean_nmi : float
        Mean NMI between the consensus and each run (1.0 for a single run).
    iterations : int
        Rounds of consensus clustering done.
    converged : bool
        True when the rounds ended with every run agreeing on every tie.
    split : int
        Communities that were disconnected and were split into their parts.
    disconnected_in_runs : int
        Disconnected communities over all the runs on the network itself
        (Louvain can produce them, Leiden does not).
    tie_pairs : pandas.DataFrame
        For every pair of people with a tie (``u, v``), ``together``: the share
        of runs that put them in the same community.
    """

    method: str
    seeds: tuple[int, ...]
    labels: pd.Series
    partitions: pd.DataFrame
    person_stability: pd.Series
    communities: pd.DataFrame
    mean_nmi: float
    iterations: int
    converged: bool
    split: int
    disconnected_in_runs: int
    tie_pairs: pd.DataFrame

    @property
    def stable(self) -> list[int]:
        """The stable communities of two or more people."""
        return self.communities.loc[self.communities["stable"] == "stable", "community"].tolist()

    def coassignment(self) -> pd.DataFrame:
        """The person-by-person share of runs in which two people share a community.

        Raises
        ------
        OnaError
            For more than :data:`COASSIGNMENT_MATRIX_UP_TO` people (the matrix
            grows with the square of the people); use ``tie_pairs`` instead.
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
    method: str = DEFAULT_COMMUNITY_METHOD,
    runs: int = 10,
    seed: int = 0,
    weight: str | None = "weight",
    resolution: float = 1.0,
    threshold: float = CONSENSUS_THRESHOLD,
) -> CommunityStability:
    r"""Run Leiden or Louvain with several seeds, combine the runs by consensus and mark stable communities.

    The result of a randomised method depends on the order in which it visits
    people. Consensus clustering [1]_ removes that dependence:

    1. run the method `runs` times (seeds ``seed, seed + 1, ...``);
    2. give every tie :math:`(i, j)` the share :math:`D_{ij}` of runs that put
       :math:`i` and :math:`j` together; drop ties with :math:`D_{ij} <
       \tau` (`threshold`), but keep each person's strongest tie so nobody is
       cut loose by the threshold alone [2]_;
    3. run the method `runs` times on that weighted consensus network (Leiden
       starts each of these runs from the previous round's first partition,
       which it may change freely; this only saves time);
    4. repeat 2-3 until every run agrees on every tie (all :math:`D_{ij}` are
       0 or 1), at most :data:`CONSENSUS_MAX_ITERATIONS` times.

    The consensus is computed per tie, not per pair of people (as in the fast
    consensus of [2]_), so memory grows with the ties. The consensus
    communities are then the connected groups of people who are together in
    every run; a community that is not connected is split into its parts.

    Stability: for person :math:`v` with consensus community :math:`C(v)` and
    community :math:`C_r(v)` in run :math:`r` on the network itself,

    .. math:: \text{stability}_v = \frac{1}{R}\sum_{r} \frac{|C(v) \cap C_r(v)|}{|C(v) \cup C_r(v)|},

    and a community's stability is the mean over runs of its Jaccard
    similarity with its best-matching community in the run: stable from
    0.75, dissolved at 0.5 or below [3]_.

    Parameters
    ----------
    G : NetworkX graph
    method : {"leiden", "louvain"}, optional (default="leiden")
    runs : int, optional (default=10)
    seed : int, optional (default=0)
    weight : str or None, optional (default="weight")
    resolution : float, optional (default=1.0)
    threshold : float, optional (default=0.5)
        :math:`\tau`, between 0 and 1.

    Returns
    -------
    CommunityStability

    Raises
    ------
    OnaError
        If `method` is unknown, `runs` is less than 1, `resolution` is not
        positive or `threshold` is outside 0-1.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")])
    >>> result = community_stability(G, runs=5)
    >>> result.labels.tolist(), result.person_stability.tolist(), result.mean_nmi
    ([0, 0, 0, 1, 1, 1], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0], 1.0)
    >>> result.communities[["community", "size", "stable"]].values.tolist()
    [[0, 3, 'stable'], [1, 3, 'stable']]

    References
    ----------
    .. [1] Lancichinetti, Andrea, and Santo Fortunato. 2012. "Consensus
       Clustering in Complex Networks." Scientific Reports 2: 336.
       https://doi.org/10.1038/srep00336
    .. [2] Tandon, Aditya, Aiiad Albeshri, Vijey Thayananthan, Wadee Alhalabi,
       and Santo Fortunato. 2019. "Fast Consensus Clustering in Complex
       Networks." Physical Review E 99 (4): 042301.
       https://doi.org/10.1103/PhysRevE.99.042301
    .. [3] Hennig, Christian. 2007. "Cluster-Wise Assessment of Cluster
       Stability." Computational Statistics & Data Analysis 52 (1): 258-71.
       https://doi.org/10.1016/j.csda.2006.11.025
    """
    arrays = TieArrays.from_graph(G, weight)
    return community_stability_arrays(
        arrays, method=method, runs=runs, seed=seed, weighted=weight is not None, resolution=resolution,
        threshold=threshold,
    )


# -- implementations over arrays ------------------------------------------------------------------
# Public: ona.measures.analysis, ona.measures.whole_network and the findings call these on TieArrays
# built once per relation. Labels are integer arrays indexed by node position.


def _check_method(method: str) -> None:
    if method not in COMMUNITY_METHODS:
        raise OnaError(
            f"Unknown community method {method!r}; choose 'leiden' or 'louvain'.",
            key="methods.error.community_method", values={"method": method},
        )


def _check_resolution(resolution: float) -> None:
    if not resolution > 0:
        raise OnaError(f"The community resolution must be a positive number, not {resolution}.")


def partition_arrays(
    arrays: TieArrays,
    *,
    method: str = DEFAULT_COMMUNITY_METHOD,
    weighted: bool = True,
    resolution: float = 1.0,
    seed: int | None = None,
) -> np.ndarray:
    """One run of `method` (``"leiden"`` or ``"louvain"``): a community per node position, largest first."""
    _check_method(method)
    if method == "leiden":
        return leiden_arrays(arrays, weighted=weighted, resolution=resolution, seed=seed)
    return louvain_arrays(arrays, weighted=weighted, resolution=resolution, seed=seed)


def leiden_arrays(
    arrays: TieArrays, *, weighted: bool = True, resolution: float = 1.0, seed: int | None = None
) -> np.ndarray:
    """Leiden community per node position, numbered from the largest down: :func:`leiden_communities` on arrays."""
    _check_resolution(resolution)
    u, v, w = arrays.undirected_edges(weighted)
    return _run_on_edges("leiden", arrays.n, u, v, w, resolution=resolution, seed=seed)


def louvain_arrays(
    arrays: TieArrays, *, weighted: bool = True, resolution: float = 1.0, seed: int | None = None
) -> np.ndarray:
    """Louvain community per node position, numbered from the largest down: :func:`louvain_communities` on arrays."""
    _check_resolution(resolution)
    u, v, w = arrays.undirected_edges(weighted)
    return _run_on_edges("louvain", arrays.n, u, v, w, resolution=resolution, seed=seed)


class _Edges:
    """Undirected weighted edges (u < v) over n people, run on the people with ties only.

    People without ties are always communities of one; leaving them out of the graph the
    algorithms see keeps a sparse roster (a million people, a few ties) fast. The igraph graph
    is built once and reused for every seeded run.
    """

    def __init__(self, n: int, u: np.ndarray, v: np.ndarray, w: np.ndarray) -> None:
        self.n, self.u, self.v, self.w = n, u, v, w
        self.active = np.unique(np.concatenate([u, v]))
        self._graph: Any = None

    def graph(self) -> Any:
        if self._graph is None:
            cu, cv = np.searchsorted(self.active, self.u), np.searchsorted(self.active, self.v)
            g = ig.Graph(n=len(self.active), edges=list(zip(cu.tolist(), cv.tolist())), directed=False)
            g.es["weight"] = self.w
            self._graph = g
        return self._graph

    def expand(self, membership: np.ndarray) -> np.ndarray:
        """Labels of the active people back on all n positions; everyone else alone."""
        raw = np.arange(self.n, dtype=np.int64) + int(membership.max(initial=-1)) + 1
        raw[self.active] = membership
        return _renumber(raw)


def _run_on_edges(
    method: str, n: int, u: np.ndarray, v: np.ndarray, w: np.ndarray, *, resolution: float, seed: int | None,
    edges: _Edges | None = None, start: np.ndarray | None = None,
) -> np.ndarray:
    """One run of `method` on the undirected weighted edges (u < v); labels renumbered by size."""
    if len(u) == 0:
        return np.arange(n)
    edges = edges if edges is not None else _Edges(n, u, v, w)
    if _python_louvain(method, n, resolution):
        import community as community_louvain  # python-louvain, only needed on this path

        k = len(edges.active)
        graph = nx.Graph()
        graph.add_nodes_from(range(k))
        cu, cv = np.searchsorted(edges.active, u), np.searchsorted(edges.active, v)
        graph.add_weighted_edges_from(zip(cu.tolist(), cv.tolist(), w.tolist()))
        found = community_louvain.best_partition(graph, weight="weight", random_state=seed)
        return edges.expand(np.fromiter((found[i] for i in range(k)), dtype=np.int64, count=k))
    g = edges.graph()
    with seeded_igraph(seed):
        if method == "leiden":
            initial = _renumber(start[edges.active]).tolist() if start is not None else None
            clustering = g.community_leiden(
                objective_function="modularity", weights="weight", resolution=resolution, beta=0.01, n_iterations=2,
                initial_membership=initial,
            )
        else:
            clustering = g.community_multilevel(weights="weight", resolution=resolution)
    return edges.expand(np.asarray(clustering.membership, dtype=np.int64))


def _renumber(raw: np.ndarray) -> np.ndarray:
    """Renumber labels 0, 1, ... by decreasing size, ties by first appearance."""
    if len(raw) == 0:
        return raw.astype(np.int64)
    _, first, inverse, sizes = np.unique(raw, return_index=True, return_inverse=True, return_counts=True)
    order = np.lexsort((first, -sizes))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[inverse.ravel()].astype(np.int64)


def community_parts_arrays(arrays: TieArrays, labels: np.ndarray) -> np.ndarray:
    """Each node's connected part of its community: labels that split every community into its parts.

    Two members of a community are in the same part when they are linked by
    ties (either direction) between members. The result is a partition
    numbered from the largest part down; it equals `labels` (up to numbering)
    exactly when every community is connected.
    """
    u, v, _ = arrays.undirected_edges(weighted=False)
    return _parts(arrays.n, u, v, labels)


def _parts(n: int, u: np.ndarray, v: np.ndarray, labels: np.ndarray) -> np.ndarray:
    inside = labels[u] == labels[v]
    graph = coo_matrix((np.ones(int(inside.sum()), dtype=np.int8), (u[inside], v[inside])), shape=(n, n))
    _, parts = connected_components(graph, directed=False)
    return _renumber(parts)


def _disconnected(labels: np.ndarray, parts: np.ndarray) -> int:
    """Number of communities made of more than one part."""
    if len(labels) == 0:
        return 0
    width = int(parts.max()) + 1
    pairs = np.unique(labels * width + parts)
    return int((np.bincount(pairs // width) > 1).sum())


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


def compare_with_groups_arrays(labels: np.ndarray, groups: GroupCodes) -> CommunityComparison:
    """Communities (a label per node position) against roster groups: :func:`compare_with_groups` on arrays."""
    community_ids, position = np.unique(labels, return_inverse=True)
    position = position.ravel().astype(np.int64)
    table = _Contingency.of(position, groups.codes.astype(np.int64))
    # Sort the occurring pairs by community, then most people first, then group order.
    order = np.lexsort((table.col, -table.count, table.row))
    row, col, count = table.row[order], table.col[order], table.count[order]
    label_array = np.asarray(groups.labels, dtype=object)
    counts = pd.DataFrame(
        {"community": community_ids[row], groups.grouping: label_array[col], "people": count}
    )
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]]) if len(row) else np.zeros(0, dtype=np.int64)
    spanned = np.diff(np.r_[starts, len(row)])
    sizes = table.row_sums[row[starts]] if len(row) else np.zeros(0, dtype=np.int64)
    pieces = [f"{label} {c}" for label, c in zip(label_array[col].tolist(), count.tolist())]
    texts = [
        pieces[s] if k == 1 else ", ".join(pieces[s : s + k]) for s, k in zip(starts.tolist(), spanned.tolist())
    ]
    communities = pd.DataFrame(
        {
            "community": community_ids[row[starts]] if len(row) else community_ids,
            "size": sizes,
            "groups_spanned": spanned,
            "main_group": label_array[col[starts]] if len(row) else [],
            "main_group_share": count[starts] / sizes if len(row) else [],
            "groups": texts,
        }
    )
    return CommunityComparison(
        grouping=groups.grouping, counts=counts, nmi=_nmi(table), ari=_ari(table), communities=communities,
        groups=tuple(groups.labels),
    )


def community_stability_arrays(
    arrays: TieArrays,
    *,
    method: str = DEFAULT_COMMUNITY_METHOD,
    runs: int = 10,
    seed: int = 0,
    weighted: bool = True,
    resolution: float = 1.0,
    threshold: float = CONSENSUS_THRESHOLD,
    max_iterations: int = CONSENSUS_MAX_ITERATIONS,
) -> CommunityStability:
    """Consensus communities over `runs` seeded runs, and their stability: :func:`community_stability` on arrays."""
    _check_method(method)
    _check_resolution(resolution)
    if runs < 1:
        raise OnaError(f"runs must be at least 1, not {runs}.")
    if not 0 <= threshold <= 1:
        raise OnaError(f"The consensus threshold must be between 0 and 1, not {threshold}.")
    n = arrays.n
    u, v, w = arrays.undirected_edges(weighted)
    seeds = tuple(range(seed, seed + runs))
    original = _Edges(n, u, v, w)
    first = np.column_stack(
        [_run_on_edges(method, n, u, v, w, resolution=resolution, seed=s, edges=original) for s in seeds]
    ) if n else np.zeros((0, runs), dtype=np.int64)
    disconnected_in_runs = sum(_disconnected(run, _parts(n, u, v, run)) for run in first.T) if len(u) else 0

    partitions, iterations, converged = first, 0, False
    edges_u, edges_v = u, v
    while len(u):
        together = _together(partitions, edges_u, edges_v)
        if ((together == 0) | (together == 1)).all():
            converged = True
            break
        if iterations >= max_iterations:
            break
        keep = _keep_consensus(n, edges_u, edges_v, together, threshold)
        edges_u, edges_v, weights = edges_u[keep], edges_v[keep], together[keep]
        iterations += 1
        consensus_edges = _Edges(n, edges_u, edges_v, weights)
        start = partitions[:, 0]  # Leiden's runs on the consensus network start from the last round's first run
        partitions = np.column_stack([
            _run_on_edges(method, n, edges_u, edges_v, weights, resolution=resolution, seed=s + 1_000 * iterations,
                          edges=consensus_edges, start=start)
            for s in seeds
        ])
    if not len(u):
        consensus = np.arange(n)
        converged = True
    elif converged:
        # Every run agrees on every remaining tie: the communities are the connected groups of people
        # together in all runs.
        together = _together(partitions, edges_u, edges_v)
        consensus = _parts(n, edges_u[together == 1], edges_v[together == 1], np.zeros(n, dtype=np.int64))
    else:
        consensus = partitions[:, 0]
    parts = _parts(n, u, v, consensus)
    split = _disconnected(consensus, parts)
    labels = _renumber(parts)
    return _stability(arrays, method, seeds, labels, first, u, v, iterations, converged, split, disconnected_in_runs)


def _python_louvain(method: str, n: int, resolution: float) -> bool:
    return method == "louvain" and n <= LOUVAIN_IGRAPH_ABOVE and resolution == 1.0


def _together(partitions: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Per edge, the share of runs (columns of `partitions`) that put both ends together."""
    if len(u) == 0:
        return np.zeros(0)
    same = np.zeros(len(u))
    for run in partitions.T:
        same += run[u] == run[v]
    return same / partitions.shape[1]


def _keep_consensus(n: int, u: np.ndarray, v: np.ndarray, together: np.ndarray, threshold: float) -> np.ndarray:
    """Edges at or above the threshold, plus each person's strongest edge (so nobody is cut loose)."""
    keep = together >= threshold
    keep &= together > 0
    covered = np.zeros(n, dtype=bool)
    covered[u[keep]] = True
    covered[v[keep]] = True
    # Each person's strongest edge: sort edges by strength (stable, so the first tie wins), then the
    # first occurrence of each endpoint.
    order = np.argsort(-together, kind="stable")
    ends = np.concatenate([u[order], v[order]])
    edge_of = np.concatenate([order, order])
    position = np.concatenate([np.arange(len(order)), np.arange(len(order))])
    by_rank = np.lexsort((position, ends))
    ends, edge_of = ends[by_rank], edge_of[by_rank]
    first = np.r_[True, ends[1:] != ends[:-1]]
    best_edge = edge_of[first]
    lonely = ~covered[ends[first]] & (together[best_edge] > 0)
    keep[best_edge[lonely]] = True
    return keep


def _stability(
    arrays: TieArrays,
    method: str,
    seeds: tuple[int, ...],
    labels: np.ndarray,
    partitions: np.ndarray,
    u: np.ndarray,
    v: np.ndarray,
    iterations: int,
    converged: bool,
    split: int,
    disconnected_in_runs: int,
) -> CommunityStability:
    n, runs = arrays.n, len(seeds)
    k = int(labels.max()) + 1 if n else 0
    sizes = np.bincount(labels, minlength=k)
    jaccard_person = np.zeros(n)
    best = np.zeros(k)
    nmis = []
    for run in partitions.T if n else ():
        table = _Contingency.of(labels, run)
        overlap = table.count
        union = table.row_sums[table.row] + table.col_sums[table.col] - overlap
        jaccard = overlap / union
        # Per person: the Jaccard of their (consensus, run) pair.
        width = int(run.max()) + 1
        keys = table.row * width + table.col
        jaccard_person += jaccard[np.searchsorted(keys, labels * width + run)]
        # Per consensus community: its best match in this run.
        run_best = np.zeros(k)
        np.maximum.at(run_best, table.row, jaccard)
        best += run_best
        nmis.append(_nmi(table))
    stability = best / runs if runs else best
    verdict = np.where(
        sizes < 2, "single",
        np.where(stability >= STABLE_JACCARD, "stable", np.where(stability <= DISSOLVED_JACCARD, "dissolved", "unclear")),
    )
    together = _together(partitions, u, v)
    return CommunityStability(
        method=method,
        seeds=seeds,
        labels=arrays.relabel(labels, "community"),
        partitions=pd.DataFrame(partitions, index=arrays.nodes, columns=list(seeds)),
        person_stability=arrays.relabel(jaccard_person / runs, "community_stability"),
        communities=pd.DataFrame({"community": np.arange(k), "size": sizes, "stability": stability, "stable": verdict}),
        mean_nmi=float(np.mean(nmis)) if nmis and runs > 1 else 1.0,
        iterations=iterations,
        converged=converged,
        split=split,
        disconnected_in_runs=int(disconnected_in_runs),
        tie_pairs=pd.DataFrame({"u": arrays.nodes[u], "v": arrays.nodes[v], "together": together}),
    )
