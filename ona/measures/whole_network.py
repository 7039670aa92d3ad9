r"""Whole-network figures: size, density, reciprocity, transitivity, centralisation, hierarchy.

:func:`network_summary` gathers everything for one relation in a dict (it is
what ``summary.json`` holds per relation). The separate functions document each
figure.

Krackhardt's four graph-theoretic dimensions of hierarchy [1]_ are 1 for a
perfect *out-tree* (a chart where authority flows down from one root) and lower
as the network departs from it: :func:`connectedness`,
:func:`graph_hierarchy`, :func:`graph_efficiency` and
:func:`least_upper_boundedness`. They are computed per weak component and
summed over components as in the R package sna [2]_.

Missing data: a non-respondent's outgoing ties are unknown. Density is given
over all pairs and over the pairs whose tie could be observed (sender a
respondent); reciprocity over all ties and over ties between two respondents.
The summary always carries the response rate next to them.

References
----------
.. [1] Krackhardt, David. 1994. "Graph Theoretical Dimensions of Informal
   Organizations." In Computational Organization Theory, edited by Kathleen M.
   Carley and Michael J. Prietula, 89-111. Hillsdale, NJ: Lawrence Erlbaum.
.. [2] Butts, Carter T. 2008. "Social Network Analysis with sna." Journal of
   Statistical Software 24 (6): 1-51. https://doi.org/10.18637/jss.v024.i06
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from ona.measures.community import (
    DEFAULT_COMMUNITY_METHOD,
    compare_with_groups_arrays,
    modularity_arrays,
    partition_arrays,
)
from ona.measures.engines import GroupCodes, StepTimer, TieArrays, group_codes, ig
from ona.measures.groups import ei_permutation_test_arrays
from ona.measures.metrics import BetweennessMethod, betweenness_arrays
from ona.compat import old_grouping_names

__all__ = [
    "HIERARCHY_COMPONENTS_UP_TO",
    "LUB_EXACT_PAIRS_UP_TO",
    "LUB_SAMPLED_PAIRS",
    "OLD_SUMMARY_KEYS",
    "TRIAD_CENSUS_UP_TO",
    "betweenness_centralization",
    "connectedness",
    "degree_centralization",
    "dyad_census",
    "dyadic_reciprocity",
    "graph_efficiency",
    "graph_hierarchy",
    "krackhardt_hierarchy",
    "least_upper_boundedness",
    "network_summary",
    "network_summary_arrays",
    "weak_transitivity",
]

#: Hierarchy and least upper boundedness are computed for graphs with up to this
#: many strong components (their reachability sets take about C²/16 bytes).
HIERARCHY_COMPONENTS_UP_TO = 20_000
#: Least upper boundedness is exact up to this many pairs of strong components,
#: and estimated from :data:`LUB_SAMPLED_PAIRS` random pairs of people above it.
LUB_EXACT_PAIRS_UP_TO = 300_000
#: Number of random pairs of people when least upper boundedness is estimated.
LUB_SAMPLED_PAIRS = 20_000
#: The triad census (networkx) is included in the summary up to this many people.
TRIAD_CENSUS_UP_TO = 500
#: Summary keys of version 0.1 (which said "departments" whatever the grouping) and the keys they copy.
OLD_SUMMARY_KEYS = {"modularity_departments": "modularity_groups", "nmi_departments": "nmi_groups",
                    "ari_departments": "ari_groups", "group_by": "grouping"}
#: Rows per sparse block when counting two-paths.
_ROW_BLOCK = 8_192


# -- dyads, reciprocity, transitivity ------------------------------------------------------------


def dyad_census(G: nx.Graph) -> dict[str, int]:
    """Return the number of mutual, asymmetric and null dyads (unordered pairs) [1]_.

    Examples
    --------
    >>> dyad_census(nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")]))
    {'mutual': 1, 'asymmetric': 1, 'null': 1}

    References
    ----------
    .. [1] Holland, Paul W., and Samuel Leinhardt. 1970. "A Method for
       Detecting Structure in Sociometric Data." American Journal of Sociology
       76 (3): 492-513. https://doi.org/10.1086/224954
    """
    return _dyad_census(TieArrays.from_graph(G, None))


def dyadic_reciprocity(G: nx.Graph) -> float:
    r"""Return the share of connected pairs whose tie goes both ways.

    .. math:: \frac{M}{M + A}

    with :math:`M` mutual and :math:`A` asymmetric dyads ("dyadic, non-null"
    reciprocity in sna; ``nx.reciprocity`` instead counts ties,
    :math:`2M/(2M + A)`) [1]_.

    Examples
    --------
    >>> dyadic_reciprocity(nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")]))
    0.5

    References
    ----------
    .. [1] Wasserman, Stanley, and Katherine Faust. 1994. Social Network
       Analysis: Methods and Applications. Cambridge University Press, 515-16.
       https://doi.org/10.1017/CBO9780511815478
    """
    census = dyad_census(G)
    connected = census["mutual"] + census["asymmetric"]
    return census["mutual"] / connected if connected else float("nan")


def weak_transitivity(G: nx.Graph) -> float:
    r"""Return the share of two-paths that are closed (UCINET's weak transitivity).

    .. math:: T = \frac{\#\{(i,j,k):\ i \to j \to k,\ i \to k,\ i \ne k\}}{\#\{(i,j,k):\ i \to j \to k,\ i \ne k\}}

    "If I go to you for advice and you go to her, do I go to her too?" [1]_.
    For an undirected graph this equals ``nx.transitivity``.

    Examples
    --------
    >>> weak_transitivity(nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")]))
    1.0
    >>> weak_transitivity(nx.DiGraph([("a", "b"), ("b", "c")]))
    0.0

    References
    ----------
    .. [1] Wasserman, Stanley, and Katherine Faust. 1994. Social Network
       Analysis: Methods and Applications. Cambridge University Press, 243-47.
       https://doi.org/10.1017/CBO9780511815478
    """
    return _weak_transitivity(TieArrays.from_graph(G, None))


def degree_centralization(G: nx.Graph, direction: str = "in") -> float:
    r"""Return Freeman's degree centralisation of the in- or out-degrees.

    .. math:: C_D = \frac{\sum_i (d_{max} - d_i)}{(n-1)^2}

    1 for a star whose centre is named by (or names) everyone and nobody else
    has ties, 0 when everyone has the same degree [1]_. Out-degrees are known
    only for respondents, so ``direction="out"`` sums over the :math:`r`
    respondents and divides by :math:`(r-1)(n-1)`.

    Parameters
    ----------
    G : NetworkX graph
    direction : {"in", "out"}, optional (default="in")

    Raises
    ------
    ValueError
        If `direction` is not ``"in"`` or ``"out"``.

    Examples
    --------
    >>> star = nx.DiGraph([("x", "hub"), ("y", "hub"), ("z", "hub")])
    >>> degree_centralization(star, "in"), round(degree_centralization(star, "out"), 3)
    (1.0, 0.111)

    References
    ----------
    .. [1] Freeman, Linton C. 1978. "Centrality in Social Networks Conceptual
       Clarification." Social Networks 1 (3): 215-39.
       https://doi.org/10.1016/0378-8733(78)90021-7
    """
    if direction not in ("in", "out"):
        raise ValueError(f"direction must be 'in' or 'out', not {direction!r}")
    return _degree_centralization(TieArrays.from_graph(G, None), direction)


def betweenness_centralization(G: nx.Graph, *, sources: int | None = None, seed: int | None = 0) -> float:
    r"""Return Freeman's betweenness centralisation.

    .. math:: C_B = \frac{\sum_i (b_{max} - b_i)}{n - 1}

    with :math:`b_i` the normalised directed betweenness of
    :func:`ona.measures.metrics.betweenness`; 1 for a star with ties both ways [1]_.

    Examples
    --------
    >>> star = nx.DiGraph([("hub", "x"), ("x", "hub"), ("hub", "y"), ("y", "hub"), ("hub", "z"), ("z", "hub")])
    >>> betweenness_centralization(star)
    1.0

    References
    ----------
    .. [1] Freeman, Linton C. 1978. "Centrality in Social Networks Conceptual
       Clarification." Social Networks 1 (3): 215-39.
       https://doi.org/10.1016/0378-8733(78)90021-7
    """
    values, _ = betweenness_arrays(TieArrays.from_graph(G, None), sources=sources, seed=seed)
    return _betweenness_centralization(values)


# -- Krackhardt's hierarchy ----------------------------------------------------------------------


def connectedness(G: nx.Graph) -> float:
    r"""Return Krackhardt's connectedness: the share of pairs that can reach each other, ignoring direction.

    .. math:: 1 - \frac{V}{n(n-1)/2}

    with :math:`V` the pairs in different weak components [1]_.

    Examples
    --------
    >>> connectedness(nx.DiGraph([("a", "b"), ("c", "d")]))
    0.333...

    References
    ----------
    .. [1] Krackhardt, David. 1994. "Graph Theoretical Dimensions of Informal
       Organizations." In Computational Organization Theory, edited by Kathleen
       M. Carley and Michael J. Prietula, 89-111. Hillsdale, NJ: Lawrence
       Erlbaum.
    """
    return _connectedness(TieArrays.from_graph(G, None))


def graph_hierarchy(G: nx.Graph) -> float:
    r"""Return Krackhardt's graph hierarchy: how asymmetric reachability is.

    .. math:: 1 - \frac{V}{\max V}

    with :math:`V` the pairs that reach each other (both ways, through directed
    paths) and :math:`\max V` the pairs where at least one reaches the other:
    0 when everyone who can reach someone is also reached back (e.g. a cycle),
    1 when no one is [1]_. ``nan`` for a graph without ties. Equals sna's
    ``hierarchy(measure="krackhardt")``.

    Examples
    --------
    >>> graph_hierarchy(nx.DiGraph([("a", "b"), ("b", "c")]))
    1.0
    >>> graph_hierarchy(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    0.0

    References
    ----------
    .. [1] Krackhardt, David. 1994. "Graph Theoretical Dimensions of Informal
       Organizations." In Computational Organization Theory, edited by Kathleen
       M. Carley and Michael J. Prietula, 89-111. Hillsdale, NJ: Lawrence
       Erlbaum.
    """
    return krackhardt_hierarchy(G)["hierarchy"]


def graph_efficiency(G: nx.Graph) -> float:
    r"""Return Krackhardt's graph efficiency: how few links there are beyond those needed to connect.

    .. math:: 1 - \frac{\sum_c \bigl(L_c - (N_c - 1)\bigr)}{\sum_c (N_c - 1)(N_c - 2)/2}

    over the weak components :math:`c` with :math:`N_c` people and :math:`L_c`
    links (connected pairs, direction ignored): 1 for a tree, lower as
    redundant links are added [1]_. Krackhardt counts links of the underlying
    undirected graph, which is what is done here; sna's ``efficiency`` counts
    directed arcs instead. ``nan`` when no component has three or more people.

    Examples
    --------
    >>> graph_efficiency(nx.DiGraph([("a", "b"), ("a", "c"), ("a", "d")]))
    1.0
    >>> graph_efficiency(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")]))
    0.666...

    References
    ----------
    .. [1] Krackhardt, David. 1994. "Graph Theoretical Dimensions of Informal
       Organizations." In Computational Organization Theory, edited by Kathleen
       M. Carley and Michael J. Prietula, 89-111. Hillsdale, NJ: Lawrence
       Erlbaum.
    """
    return _efficiency(TieArrays.from_graph(G, None))


def least_upper_boundedness(G: nx.Graph, *, upward: bool = True, seed: int | None = 0) -> float:
    r"""Return Krackhardt's least upper boundedness (LUB).

    In Krackhardt's orientation (ties point from superior to subordinate), an
    *upper bound* of people :math:`i, j` is anyone with directed paths to both
    (including :math:`i` or :math:`j` themselves); a *least* upper bound is an
    upper bound that every other upper bound reaches: the lowest common boss.
    Then

    .. math:: LUB = 1 - \frac{V}{\sum_c (N_c-1)(N_c-2)/2}

    with :math:`V` the pairs within a weak component that have no least upper
    bound [1]_ [2]_. In an out-tree every pair has one.

    Parameters
    ----------
    G : NetworkX graph
    upward : bool, optional (default=True)
        True when ties point *up*, from subordinate to superior, as in survey
        questions ("whom do you go to for advice", "to whom do you report"):
        the graph is reversed to Krackhardt's orientation first. False when
        ties already point down (e.g. "who reports to you").
    seed : int or None, optional (default=0)
        Seed for the sampled pairs on large graphs (see
        :func:`krackhardt_hierarchy`).

    Examples
    --------
    >>> reports_to = nx.DiGraph([("b", "a"), ("c", "a"), ("d", "b"), ("e", "b")])
    >>> least_upper_boundedness(reports_to)
    1.0
    >>> round(least_upper_boundedness(reports_to, upward=False), 3)
    0.333

    References
    ----------
    .. [1] Krackhardt, David. 1994. "Graph Theoretical Dimensions of Informal
       Organizations." In Computational Organization Theory, edited by Kathleen
       M. Carley and Michael J. Prietula, 89-111. Hillsdale, NJ: Lawrence
       Erlbaum.
    .. [2] Everett, Martin G., and David Krackhardt. 2012. "A Second Look at
       Krackhardt's Graph Theoretical Dimensions of Informal Organizations."
       Social Networks 34 (2): 159-63. https://doi.org/10.1016/j.socnet.2011.10.006
    """
    return krackhardt_hierarchy(G, upward=upward, seed=seed)["lub"]


def krackhardt_hierarchy(G: nx.Graph, *, upward: bool = True, seed: int | None = 0) -> dict[str, object]:
    """Return Krackhardt's four hierarchy dimensions and how LUB was computed.

    Returns a dict with ``connectedness``, ``hierarchy``, ``efficiency``,
    ``lub`` (see the functions of those names), ``lub_method`` (``"exact"``,
    ``"sampled"`` or ``"not computed"``), ``lub_pairs`` (pairs of people
    checked) and ``lub_standard_error`` (``0`` when exact). LUB is exact up to
    :data:`LUB_EXACT_PAIRS_UP_TO` pairs of strong components and otherwise
    estimated from :data:`LUB_SAMPLED_PAIRS` random pairs of people in the same
    weak component. Hierarchy and LUB need every person's reachability set and
    are ``nan`` (``"not computed"``) above :data:`HIERARCHY_COMPONENTS_UP_TO`
    strong components.

    Examples
    --------
    >>> out_tree = nx.DiGraph([("a", "b"), ("a", "c"), ("b", "d")])
    >>> result = krackhardt_hierarchy(out_tree, upward=False)
    >>> [result[key] for key in ("connectedness", "hierarchy", "efficiency", "lub")]
    [1.0, 1.0, 1.0, 1.0]
    """
    return _krackhardt(TieArrays.from_graph(G, None), upward=upward, seed=seed)


# -- the summary ---------------------------------------------------------------------------------


@old_grouping_names
def network_summary(
    G: nx.Graph,
    grouping: str = "department",
    *,
    seed: int = 0,
    resolution: float = 1.0,
    n_permutations: int = 1000,
    weight: str | None = "weight",
    betweenness_sources: int | None = None,
    method: str = DEFAULT_COMMUNITY_METHOD,
) -> dict[str, object]:
    """Return every whole-network figure of one relation as a JSON-ready dict.

    Keys (``nan`` where a figure is undefined):

    * ``nodes``, ``ties``, ``respondents``, ``response_rate``;
    * ``density`` (ties / :math:`n(n-1)`) and ``density_respondents`` (ties /
      :math:`r(n-1)`, the pairs whose tie could be observed);
    * ``reciprocity`` (arc reciprocity, as ``nx.reciprocity``: share of ties
      returned, over all ties) and ``reciprocity_respondents`` (over ties
      between two respondents); ``dyadic_reciprocity`` and
      ``dyadic_reciprocity_respondents`` (:func:`dyadic_reciprocity`);
      ``mutual_dyads``, ``asymmetric_dyads``, ``null_dyads``;
    * ``transitivity`` (:func:`weak_transitivity`);
    * ``components`` (weak), ``strong_components``, ``largest_component_share``;
    * ``in_degree_centralization``, ``out_degree_centralization``,
      ``betweenness_centralization``, with ``betweenness_method`` and
      ``betweenness_sources``;
    * ``connectedness``, ``hierarchy``, ``efficiency``, ``lub``,
      ``lub_method`` (:func:`krackhardt_hierarchy`, with ties taken to point
      upward as in survey questions);
    * ``ei_index_network``, ``ei_expected``, ``ei_p_value`` (whole-network E-I
      against relabelling, see :mod:`ona.measures.groups`);
    * ``modularity_groups`` (modularity of the `grouping` partition on
      the undirected weighted projection), ``communities`` (Leiden or Louvain
      communities of two or more people), ``singleton_communities``,
      ``modularity_communities``, ``nmi_groups``, ``ari_groups`` (communities
      against the grouping), ``community_method``;
    * ``triad_census`` (dict, up to :data:`TRIAD_CENSUS_UP_TO` people; else None);
    * ``grouping``, ``seed``, ``resolution`` and ``missing_data`` (how
      non-respondents are treated, in words).

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
        Node attribute for E-I, modularity and the community comparison;
        the summary's ``grouping`` names it. The keys of version 0.1, which
        said "departments" whatever the grouping (``modularity_departments``,
        ``nmi_departments``, ``ari_departments``, ``group_by``), are kept
        beside the new ones with the same values (:data:`OLD_SUMMARY_KEYS`).
    seed : int, optional (default=0)
        Seed for Louvain, the permutation test and sampling.
    resolution : float, optional (default=1.0)
        Resolution of the community detection.
    n_permutations : int, optional (default=1000)
    weight : str or None, optional (default="weight")
        Edge attribute for Louvain and modularity.
    betweenness_sources : int or None, optional
        See :func:`ona.measures.metrics.betweenness`.
    method : {"leiden", "louvain"}, optional (default="leiden")
        Community detection method (one seeded run; see
        :func:`ona.measures.community.community_stability` for a consensus
        over several runs).

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> summary = network_summary(G, n_permutations=10)
    >>> summary["ties"], round(summary["density"], 3), round(summary["reciprocity"], 3)
    (3, 0.5, 0.667)
    """
    arrays = TieArrays.from_graph(G, weight)
    groups = group_codes(G, grouping)
    return network_summary_arrays(
        arrays,
        groups,
        seed=seed,
        resolution=resolution,
        n_permutations=n_permutations,
        weighted=weight is not None,
        betweenness_sources=betweenness_sources,
        method=method,
    )


MISSING_DATA_NOTE = (
    "Non-respondents' outgoing ties are unknown, not absent. density counts all pairs, density_respondents only "
    "pairs with a respondent as sender; reciprocity counts all ties, reciprocity_respondents only ties between two "
    "respondents (a tie to a non-respondent can never be seen returned). Per person, out-degree, reciprocity and "
    "brokerage are left empty for non-respondents; their other measures rest on incoming ties only."
)


def network_summary_arrays(
    arrays: TieArrays,
    groups: GroupCodes,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    n_permutations: int = 1000,
    weighted: bool = True,
    betweenness_sources: int | None = None,
    betweenness: tuple[np.ndarray, BetweennessMethod] | None = None,
    communities: np.ndarray | None = None,
    ei_network: dict[str, float] | None = None,
    timer: StepTimer | None = None,
    method: str = DEFAULT_COMMUNITY_METHOD,
) -> dict[str, object]:
    """Every whole-network figure of one relation: :func:`network_summary` on arrays.

    Pass already computed `betweenness` (values and method), `communities`
    (a label per node position) or `ei_network` (the network part of
    :class:`ona.measures.groups.EITest`) to reuse them; `timer` accumulates
    seconds per step for benchmarks.
    """
    timer = timer or StepTimer()
    with timer("whole network"):
        summary = _summary_figures(
            arrays, groups, seed=seed, resolution=resolution, n_permutations=n_permutations, weighted=weighted,
            betweenness_sources=betweenness_sources, betweenness=betweenness, communities=communities,
            ei_network=ei_network, community_method=method,
        )
    with timer("hierarchy (Krackhardt)"):
        hierarchy = _krackhardt(arrays, upward=True, seed=seed)
    position = list(summary).index("ei_index_network")
    items = list(summary.items())
    return dict(items[:position] + list(hierarchy.items()) + items[position:])


def _summary_figures(
    arrays: TieArrays,
    groups: GroupCodes,
    *,
    seed: int,
    resolution: float,
    n_permutations: int,
    weighted: bool,
    betweenness_sources: int | None,
    betweenness: tuple[np.ndarray, BetweennessMethod] | None,
    communities: np.ndarray | None,
    ei_network: dict[str, float] | None,
    community_method: str,
) -> dict[str, object]:
    n, m, r = arrays.n, arrays.m, arrays.respondents
    census = _dyad_census(arrays)
    both = arrays.responded[arrays.source] & arrays.responded[arrays.target]
    returned_between_respondents = int((arrays.reciprocated & both).sum())
    mutual_respondents = returned_between_respondents // 2
    asymmetric_respondents = int(both.sum()) - returned_between_respondents
    n_weak, weak = connected_components(_binary(arrays), directed=True, connection="weak")
    n_strong, _ = connected_components(_binary(arrays), directed=True, connection="strong")
    if betweenness is None:
        betweenness = betweenness_arrays(arrays, sources=betweenness_sources, seed=seed)
    values, method = betweenness
    if communities is None:
        communities = partition_arrays(
            arrays, method=community_method, weighted=weighted, resolution=resolution, seed=seed
        )
    if ei_network is None:
        ei_network = (
            ei_permutation_test_arrays(arrays, groups, n_permutations=n_permutations, seed=seed).network
            if n_permutations
            else {"ei_index": float("nan"), "expected_ei": float("nan"), "p_value": float("nan")}
        )
    community_sizes = np.bincount(communities) if len(communities) else np.zeros(0, dtype=int)
    comparison = compare_with_groups_arrays(communities, groups)
    summary: dict[str, object] = {
        "nodes": n,
        "ties": m,
        "respondents": r,
        "response_rate": r / n if n else float("nan"),
        "density": m / (n * (n - 1)) if n > 1 else float("nan"),
        "density_respondents": m / (r * (n - 1)) if r and n > 1 else float("nan"),
        "reciprocity": float(arrays.reciprocated.mean()) if m else float("nan"),
        "reciprocity_respondents": returned_between_respondents / int(both.sum()) if both.any() else float("nan"),
        "dyadic_reciprocity": _ratio(census["mutual"], census["mutual"] + census["asymmetric"]),
        "dyadic_reciprocity_respondents": _ratio(mutual_respondents, mutual_respondents + asymmetric_respondents),
        "mutual_dyads": census["mutual"],
        "asymmetric_dyads": census["asymmetric"],
        "null_dyads": census["null"],
        "transitivity": _weak_transitivity(arrays),
        "components": int(n_weak),
        "strong_components": int(n_strong),
        "largest_component_share": float(np.bincount(weak).max() / n) if n else float("nan"),
        "in_degree_centralization": _degree_centralization(arrays, "in"),
        "out_degree_centralization": _degree_centralization(arrays, "out"),
        "betweenness_centralization": _betweenness_centralization(values),
        "betweenness_method": "sampled" if method.sampled else "exact",
        "betweenness_sources": method.sources,
        "ei_index_network": ei_network["ei_index"],
        "ei_expected": ei_network["expected_ei"],
        "ei_p_value": ei_network["p_value"],
        "modularity_groups": modularity_arrays(arrays, groups.codes, weighted=weighted, resolution=1.0),
        "communities": int((community_sizes >= 2).sum()),
        "singleton_communities": int((community_sizes == 1).sum()),
        "modularity_communities": modularity_arrays(arrays, communities, weighted=weighted, resolution=1.0),
        "nmi_groups": comparison.nmi,
        "ari_groups": comparison.ari,
        "community_method": community_method,
        "triad_census": _triad_census(arrays) if n <= TRIAD_CENSUS_UP_TO else None,
        "grouping": groups.grouping,
        "seed": seed,
        "resolution": resolution,
        "missing_data": MISSING_DATA_NOTE,
    }
    for old, new in OLD_SUMMARY_KEYS.items():  # the names of version 0.1, still read by older scripts
        summary[old] = summary[new]
    return summary


# -- implementations over arrays ------------------------------------------------------------------


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def _binary(arrays: TieArrays) -> sp.csr_matrix:
    return arrays.adjacency(weighted=False)


def _dyad_census(arrays: TieArrays) -> dict[str, int]:
    n, m = arrays.n, arrays.m
    mutual = int(arrays.reciprocated.sum()) // 2
    asymmetric = m - 2 * mutual
    return {"mutual": mutual, "asymmetric": asymmetric, "null": n * (n - 1) // 2 - mutual - asymmetric}


def _triad_census(arrays: TieArrays) -> dict[str, int]:
    G = nx.DiGraph()
    G.add_nodes_from(range(arrays.n))
    G.add_edges_from(zip(arrays.source.tolist(), arrays.target.tolist()))
    return {name: int(count) for name, count in nx.triadic_census(G).items()}


def _weak_transitivity(arrays: TieArrays) -> float:
    A = _binary(arrays)
    # Two-paths i -> j -> k with i != k: sum_j in_j * out_j minus the returns i -> j -> i.
    two_paths = float(np.dot(arrays.in_degree, arrays.out_degree)) - float(arrays.reciprocated.sum())
    if two_paths <= 0:
        return float("nan")
    closed = 0.0
    for start in range(0, arrays.n, _ROW_BLOCK):
        block = A[start : start + _ROW_BLOCK]
        closed += float((block @ A).multiply(block).sum())
    return closed / two_paths


def _degree_centralization(arrays: TieArrays, direction: str) -> float:
    n = arrays.n
    if direction == "in":
        degrees = arrays.in_degree.astype(float)
        maximum_sum = (n - 1) ** 2
    else:
        degrees = arrays.out_degree[arrays.responded].astype(float)
        maximum_sum = (len(degrees) - 1) * (n - 1)
    if len(degrees) < 2 or maximum_sum <= 0:
        return float("nan")
    return float((degrees.max() - degrees).sum() / maximum_sum)


def _betweenness_centralization(values: np.ndarray) -> float:
    n = len(values)
    if n < 3:
        return float("nan")
    return float((values.max() - values).sum() / (n - 1))


def _connectedness(arrays: TieArrays) -> float:
    n = arrays.n
    if n < 2:
        return float("nan")
    _, weak = connected_components(_binary(arrays), directed=True, connection="weak")
    sizes = np.bincount(weak).astype(float)
    return float((sizes * (sizes - 1)).sum() / (n * (n - 1)))


def _efficiency(arrays: TieArrays) -> float:
    _, weak = connected_components(_binary(arrays), directed=True, connection="weak")
    sizes = np.bincount(weak).astype(float)
    u, _, _ = arrays.undirected_edges(weighted=False)
    links = float(len(u))
    required = float((sizes - 1).sum())
    possible_extra = float(((sizes - 1) * (sizes - 2) / 2).sum())
    if possible_extra <= 0:
        return float("nan")
    return 1.0 - (links - required) / possible_extra


@dataclass(frozen=True)
class _Reachability:
    """Upper sets of the strong components, as bitsets over positions in topological order."""

    component: np.ndarray  # strong component per node
    sizes: np.ndarray  # people per strong component
    position: np.ndarray  # topological position per component (Krackhardt orientation)
    at_position: np.ndarray  # component per topological position
    upper: list[int]  # per component: bitset of the components that reach it (itself included)


def _reachability(arrays: TieArrays, *, upward: bool) -> _Reachability:
    n_strong, component = connected_components(_binary(arrays), directed=True, connection="strong")
    sizes = np.bincount(component, minlength=n_strong)
    # Krackhardt's orientation: from superior to subordinate.
    boss, subordinate = (arrays.target, arrays.source) if upward else (arrays.source, arrays.target)
    cb, cs = component[boss], component[subordinate]
    between = cb != cs
    pairs = np.unique(cb[between] * n_strong + cs[between])
    parent, child = pairs // n_strong, pairs % n_strong
    dag = ig.Graph(n=n_strong, edges=np.column_stack([parent, child]), directed=True)
    order = np.asarray(dag.topological_sorting(mode="out"), dtype=np.int64)
    position = np.empty(n_strong, dtype=np.int64)
    position[order] = np.arange(n_strong)
    by_child = np.argsort(child, kind="stable")
    parent_sorted, child_sorted = parent[by_child], child[by_child]
    starts = np.searchsorted(child_sorted, np.arange(n_strong))
    ends = np.searchsorted(child_sorted, np.arange(n_strong), side="right")
    upper = [0] * n_strong
    for c in order.tolist():
        bits = 1 << int(position[c])
        for p in parent_sorted[starts[c] : ends[c]].tolist():
            bits |= upper[p]
        upper[c] = bits
    return _Reachability(component, sizes, position, order, upper)


def _weighted_count(bits: int, sizes_by_position: np.ndarray, all_ones: bool) -> int:
    """Number of people in the components of a bitset."""
    if all_ones:
        return bits.bit_count()
    raw = np.frombuffer(bits.to_bytes((bits.bit_length() + 7) // 8 or 1, "little"), dtype=np.uint8)
    flags = np.unpackbits(raw, bitorder="little")[: len(sizes_by_position)]
    return int(np.dot(flags, sizes_by_position[: len(flags)]))


def _krackhardt(arrays: TieArrays, *, upward: bool = True, seed: int | None = 0) -> dict[str, object]:
    result: dict[str, object] = {
        "connectedness": _connectedness(arrays),
        "hierarchy": float("nan"),
        "efficiency": _efficiency(arrays),
        "lub": float("nan"),
        "lub_method": "not computed",
        "lub_pairs": 0,
        "lub_standard_error": float("nan"),
    }
    n = arrays.n
    if n < 2:
        return result
    n_strong, _ = connected_components(_binary(arrays), directed=True, connection="strong")
    if n_strong > HIERARCHY_COMPONENTS_UP_TO:
        return result
    reach = _reachability(arrays, upward=upward)
    sizes_by_position = reach.sizes[reach.at_position]
    all_ones = bool((reach.sizes == 1).all())
    reached_pairs = sum(
        int(reach.sizes[c]) * _weighted_count(bits, sizes_by_position, all_ones) for c, bits in enumerate(reach.upper)
    ) - n  # ordered pairs (k, i), k != i, with a path from k to i
    mutual = int((reach.sizes * (reach.sizes - 1) // 2).sum())  # unordered pairs reaching each other
    nonnull = reached_pairs - mutual  # unordered pairs with a path at least one way
    result["hierarchy"] = 1.0 - mutual / nonnull if nonnull > 0 else float("nan")
    result.update(_lub(arrays, reach, seed=seed))
    return result


def _has_lub(reach: _Reachability, a: int, b: int) -> bool:
    common = reach.upper[a] & reach.upper[b]
    if not common:
        return False
    lowest = int(reach.at_position[common.bit_length() - 1])
    return reach.upper[lowest] == common


def _lub(arrays: TieArrays, reach: _Reachability, *, seed: int | None) -> dict[str, object]:
    _, weak = connected_components(_binary(arrays), directed=True, connection="weak")
    weak_sizes = np.bincount(weak)
    counted = weak_sizes >= 3  # as sna: only components of three or more people count
    max_violations = float(((weak_sizes[counted] - 1) * (weak_sizes[counted] - 2) / 2).sum())
    if max_violations <= 0:
        return {"lub": float("nan"), "lub_method": "not computed", "lub_pairs": 0, "lub_standard_error": float("nan")}
    total_pairs = float((weak_sizes[counted] * (weak_sizes[counted] - 1) / 2).sum())
    component_weak = np.zeros(len(reach.sizes), dtype=np.int64)
    component_weak[reach.component] = weak
    in_counted = counted[component_weak]
    strong_ids = np.flatnonzero(in_counted)
    # Strong components grouped by weak component.
    by_weak: dict[int, list[int]] = {}
    for c in strong_ids.tolist():
        by_weak.setdefault(int(component_weak[c]), []).append(c)
    strong_pairs = sum(len(members) * (len(members) - 1) // 2 for members in by_weak.values())
    if strong_pairs <= LUB_EXACT_PAIRS_UP_TO:
        violations = 0
        for members in by_weak.values():
            for x, a in enumerate(members):
                size_a = int(reach.sizes[a])
                for b in members[x + 1 :]:
                    if not _has_lub(reach, a, b):
                        violations += size_a * int(reach.sizes[b])
        return {
            "lub": 1.0 - violations / max_violations,
            "lub_method": "exact",
            "lub_pairs": int(total_pairs),
            "lub_standard_error": 0.0,
        }
    # Sample pairs of people uniformly among the pairs inside counted weak components.
    rng = np.random.default_rng(seed)
    people = np.flatnonzero(counted[weak])
    people = people[np.argsort(weak[people], kind="stable")]
    labels = weak[people]
    comp_ids, first = np.unique(labels, return_index=True)
    comp_sizes = weak_sizes[comp_ids].astype(float)
    chosen = rng.choice(len(comp_ids), size=LUB_SAMPLED_PAIRS, p=comp_sizes * (comp_sizes - 1) / (2 * total_pairs))
    size = comp_sizes[chosen].astype(np.int64)
    i = rng.integers(0, size)
    j = (i + rng.integers(1, size)) % size  # a different member
    u, v = people[first[chosen] + i], people[first[chosen] + j]
    cu, cv = reach.component[u], reach.component[v]
    misses = sum(1 for a, b in zip(cu.tolist(), cv.tolist()) if a != b and not _has_lub(reach, a, b))
    share = misses / LUB_SAMPLED_PAIRS
    scale = total_pairs / max_violations
    return {
        "lub": 1.0 - share * scale,
        "lub_method": "sampled",
        "lub_pairs": LUB_SAMPLED_PAIRS,
        "lub_standard_error": float(scale * np.sqrt(share * (1 - share) / LUB_SAMPLED_PAIRS)),
    }
