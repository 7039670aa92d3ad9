r"""Measures per group (department, team or any roster attribute): silos and who reaches whom.

The central figure is the Krackhardt-Stern E-I index of a group,

.. math:: EI_g = \frac{E_g - I_g}{E_g + I_g},

with :math:`E_g` the ties between a member and a non-member (either
direction) and :math:`I_g` the ties between two members: -1 is a group that
keeps entirely to itself, +1 one with only outside ties [1]_. Whether -0.6 is
notable depends on the group's size and the network's density, so
:func:`ei_permutation_test` compares it with random relabelling of the groups.

Missing data: ties are counted as observed. Densities divide by the pairs whose
tie *could* have been observed, i.e. with a respondent as sender; reciprocity
is computed over ties between two respondents (see :func:`group_table`).

References
----------
.. [1] Krackhardt, David, and Robert N. Stern. 1988. "Informal Networks and
   Organizational Crises: An Experimental Simulation." Social Psychology
   Quarterly 51 (2): 123-40. https://doi.org/10.2307/2786835
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from ona.measures.engines import GroupCodes, TieArrays, group_codes
from ona.exceptions import MissingAttributeError, OnaError
from ona.model import UNKNOWN_GROUP
from ona.compat import old_grouping_names

__all__ = [
    "EITest",
    "GROUP_COLUMNS",
    "density_matrix_arrays",
    "ei_index",
    "ei_permutation_test",
    "ei_permutation_test_arrays",
    "group_density_matrix",
    "group_graph",
    "group_matrix",
    "group_matrix_arrays",
    "group_of",
    "group_table",
    "group_table_arrays",
    "network_ei_index",
]

#: Columns of :func:`group_table`, in order.
GROUP_COLUMNS = (
    "group",
    "size",
    "respondents",
    "response_rate",
    "internal_ties",
    "external_ties",
    "external_out",
    "external_in",
    "internal_density",
    "ei_index",
    "ei_expected",
    "ei_p_value",
    "reciprocity_internal",
    "reciprocity_external",
    "groups_reached",
)


@old_grouping_names
def group_matrix(G: nx.Graph, grouping: str = "department", *, weight: str | None = None) -> pd.DataFrame:
    """Return the directed group-by-group matrix of tie counts (who reaches whom).

    Cell (g, h) counts the ties from a member of g to a member of h (or sums
    their `weight`); the diagonal holds ties inside a group.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
        Node attribute holding each person's group; empty values form the group
        ``"(unknown)"``.
    weight : str or None, optional (default=None)
        Edge attribute to sum; None counts ties.

    Returns
    -------
    pandas.DataFrame
        Square; rows are sender groups, columns receiver groups, both sorted
        with ``"(unknown)"`` last.

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> group_matrix(G).values.tolist()
    [[1, 1], [1, 0]]
    """
    arrays = TieArrays.from_graph(G, weight)
    groups = group_codes(G, grouping)
    return _group_matrix_frame(group_matrix_arrays(arrays, groups, weighted=weight is not None), groups)


@old_grouping_names
def group_density_matrix(G: nx.Graph, grouping: str = "department") -> pd.DataFrame:
    r"""Return the directed group-by-group matrix of tie densities.

    .. math:: d_{gh} = \frac{t_{gh}}{r_g\, n_h} \;(g \ne h), \qquad d_{gg} = \frac{t_{gg}}{r_g (n_g - 1)}

    where :math:`t_{gh}` counts ties from g to h, :math:`n_h` is the size of h
    and :math:`r_g` the number of respondents in g: the share of the pairs
    whose tie could have been observed (a non-respondent's outgoing ties are
    unknown). With complete data this is the usual block density [1]_.

    Returns
    -------
    pandas.DataFrame
        Square, like :func:`group_matrix`; ``nan`` where no tie could be observed.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> group_density_matrix(G).values.tolist()
    [[0.5, 0.5], [0.5, nan]]

    References
    ----------
    .. [1] Wasserman, Stanley, and Katherine Faust. 1994. Social Network
       Analysis: Methods and Applications. Cambridge University Press, 400-401.
       https://doi.org/10.1017/CBO9780511815478
    """
    arrays = TieArrays.from_graph(G, None)
    groups = group_codes(G, grouping)
    density = density_matrix_arrays(arrays, groups, group_matrix_arrays(arrays, groups, weighted=False))
    return _group_matrix_frame(density, groups)


@old_grouping_names
def ei_index(G: nx.Graph, grouping: str = "department", *, weight: str | None = None) -> dict[str, float]:
    r"""Return the Krackhardt-Stern E-I index of each group in `G`.

    .. math:: EI_g = \frac{E_g - I_g}{E_g + I_g}

    where :math:`E_g` counts the ties between a member of :math:`g` and a
    non-member, in either direction, and :math:`I_g` the ties between two
    members: -1 is a closed silo, +1 a group with only outside ties [1]_.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
        Node attribute holding each person's group.
    weight : str or None, optional (default=None)
        Edge attribute used as tie strength; None counts every tie as 1.

    Returns
    -------
    dict
        Group -> E-I index; a group with no ties maps to ``nan``.

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.Graph([("ana", "bo"), ("bo", "cy")])
    >>> nx.set_node_attributes(G, {"ana": "Sales", "bo": "Sales", "cy": "IT"}, "department")
    >>> ei_index(G)
    {'IT': 1.0, 'Sales': 0.0}

    References
    ----------
    .. [1] Krackhardt, David, and Robert N. Stern. 1988. "Informal Networks and
       Organizational Crises: An Experimental Simulation." Social Psychology
       Quarterly 51 (2): 123-40. https://doi.org/10.2307/2786835
    """
    arrays = TieArrays.from_graph(G, weight)
    groups = group_codes(G, grouping)
    ei = _ei_from_matrix(group_matrix_arrays(arrays, groups, weighted=weight is not None))
    return dict(zip(groups.labels, ei.tolist()))


@old_grouping_names
def network_ei_index(G: nx.Graph, grouping: str = "department", *, weight: str | None = None) -> float:
    r"""Return the E-I index of the whole network: :math:`(E - I)/(E + I)`.

    :math:`E` counts ties between different groups and :math:`I` ties inside a
    group, each tie once [1]_. ``nan`` for a graph without ties.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> round(network_ei_index(G), 3)
    0.333

    References
    ----------
    .. [1] Krackhardt, David, and Robert N. Stern. 1988. "Informal Networks and
       Organizational Crises: An Experimental Simulation." Social Psychology
       Quarterly 51 (2): 123-40. https://doi.org/10.2307/2786835
    """
    arrays = TieArrays.from_graph(G, weight)
    matrix = group_matrix_arrays(arrays, group_codes(G, grouping), weighted=weight is not None)
    return _network_ei_from_matrix(matrix)


@old_grouping_names
def ei_permutation_test(
    G: nx.Graph,
    grouping: str = "department",
    *,
    n_permutations: int = 1000,
    seed: int | None = None,
) -> pd.DataFrame:
    r"""Test each group's E-I index against random relabelling of the groups.

    The group labels are shuffled over the people (keeping every group's size
    and every tie) `n_permutations` times; each shuffle gives an E-I index per
    group. The one-sided p-value for a group as closed as observed or more is

    .. math:: p = \frac{1 + \#\{EI^{\pi}_g \le EI_g\}}{1 + N_\pi}

    which is never zero [2]_. This answers "is -0.6 notable *for this network*":
    small, dense groups reach low E-I values by chance alone [1]_. Each
    permutation is one vectorised numpy pass over the tie list.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
    n_permutations : int, optional (default=1000)
    seed : int or None, optional
        Seed of the random shuffles.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``group, ei_index, expected_ei`` (mean under
        permutation), ``sd_ei``, ``p_value`` (one-sided, E-I as low or lower),
        ``p_value_high`` (as high or higher), ``n_permutations``.

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.
    OnaError
        If `n_permutations` is less than 1.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("a", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT"}, "department")
    >>> test = ei_permutation_test(G, n_permutations=200, seed=1)
    >>> test[["group", "ei_index"]].values.tolist()
    [['HR', -0.333...], ['IT', -0.333...]]

    References
    ----------
    .. [1] Krackhardt, David, and Robert N. Stern. 1988. "Informal Networks and
       Organizational Crises: An Experimental Simulation." Social Psychology
       Quarterly 51 (2): 123-40. https://doi.org/10.2307/2786835
    .. [2] Phipson, Belinda, and Gordon K. Smyth. 2010. "Permutation P-values
       Should Never Be Zero: Calculating Exact P-values When Permutations Are
       Randomly Drawn." Statistical Applications in Genetics and Molecular
       Biology 9 (1): Article 39. https://doi.org/10.2202/1544-6115.1585
    """
    arrays = TieArrays.from_graph(G, None)
    groups = group_codes(G, grouping)
    return ei_permutation_test_arrays(arrays, groups, n_permutations=n_permutations, seed=seed).groups


@old_grouping_names
def group_table(
    G: nx.Graph,
    grouping: str = "department",
    *,
    n_permutations: int = 1000,
    seed: int | None = None,
) -> pd.DataFrame:
    r"""Return one row per group with its size, response, ties, density, E-I and reciprocity.

    Columns (:data:`GROUP_COLUMNS`):

    * ``size``, ``respondents``, ``response_rate``;
    * ``internal_ties`` (:math:`I_g`), ``external_ties`` (:math:`E_g`, both
      directions), ``external_out`` and ``external_in`` (the two directions);
    * ``internal_density``: :math:`I_g / (r_g (n_g - 1))`, ties inside the
      group per pair that could have been observed (sender a respondent);
    * ``ei_index``, ``ei_expected`` and ``ei_p_value`` from
      :func:`ei_permutation_test` (one-sided, as closed or more);
    * ``reciprocity_internal`` and ``reciprocity_external``: the share of
      ties inside the group, and of ties crossing its boundary, that are
      returned, counting only ties between two respondents (a tie to a
      non-respondent could never be seen returned) [1]_;
    * ``groups_reached``: the number of other groups it has ties with.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
    n_permutations : int, optional (default=1000)
        For the E-I test; 0 skips it (``ei_expected`` and ``ei_p_value`` are ``nan``).
    seed : int or None, optional

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> table = group_table(G, n_permutations=0)
    >>> table[["group", "internal_ties", "external_ties", "internal_density", "reciprocity_internal"]].values.tolist()
    [['HR', 2, 1, 1.0, 1.0], ['IT', 0, 1, nan, nan]]

    References
    ----------
    .. [1] Wasserman, Stanley, and Katherine Faust. 1994. Social Network
       Analysis: Methods and Applications. Cambridge University Press, ch. 13.
       https://doi.org/10.1017/CBO9780511815478
    """
    arrays = TieArrays.from_graph(G, None)
    groups = group_codes(G, grouping)
    test = ei_permutation_test_arrays(arrays, groups, n_permutations=n_permutations, seed=seed) if n_permutations else None
    return group_table_arrays(arrays, groups, test)


# -- implementations over arrays ------------------------------------------------------------------
# The array versions below are what the graph functions above wrap; ona.measures.analysis and the
# findings call them directly on TieArrays built once per relation.


@dataclass(frozen=True)
class EITest:
    """The result of :func:`ei_permutation_test_arrays`.

    Attributes
    ----------
    groups : pandas.DataFrame
        One row per group: ``group, ei_index, expected_ei, sd_ei, p_value,
        p_value_high, n_permutations`` (as :func:`ei_permutation_test` returns).
    network : dict
        ``ei_index``, ``expected_ei`` and ``p_value`` of the whole network.
    """

    groups: pd.DataFrame
    network: dict[str, float]


def group_matrix_arrays(arrays: TieArrays, groups: GroupCodes, *, weighted: bool = False) -> np.ndarray:
    """The k x k matrix of ties (or summed weights) from group to group: :func:`group_matrix` on arrays.

    Rows are senders' groups and columns receivers' groups, in the order of
    ``groups.labels``; int64 counts, or float sums of tie weights with `weighted`.
    """
    k = groups.k
    cells = groups.codes[arrays.source] * k + groups.codes[arrays.target]
    matrix = np.bincount(cells, weights=arrays.weight if weighted else None, minlength=k * k).reshape(k, k)
    return matrix if weighted else matrix.astype(np.int64)


def _group_matrix_frame(matrix: np.ndarray, groups: GroupCodes) -> pd.DataFrame:
    labels = pd.Index(list(groups.labels), dtype=object)
    return pd.DataFrame(matrix, index=labels.rename("from"), columns=labels.rename("to"))


def density_matrix_arrays(arrays: TieArrays, groups: GroupCodes, counts: np.ndarray) -> np.ndarray:
    """Tie density from group to group: :func:`group_density_matrix` on arrays.

    `counts` is :func:`group_matrix_arrays`; each cell is divided by the pairs
    whose tie could be observed (respondents of the row group times members of
    the column group, less one on the diagonal); ``nan`` where there are none.
    """
    sizes = groups.sizes.astype(float)
    respondents = np.bincount(groups.codes[arrays.responded], minlength=groups.k).astype(float)
    possible = np.outer(respondents, sizes)
    possible[np.diag_indices_from(possible)] = respondents * (sizes - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(possible > 0, counts / possible, np.nan)


def _ei_from_matrix(matrix: np.ndarray) -> np.ndarray:
    internal = np.diag(matrix).astype(float)
    external = matrix.sum(axis=0) + matrix.sum(axis=1) - 2 * internal
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(external + internal > 0, (external - internal) / (external + internal), np.nan)


def _network_ei_from_matrix(matrix: np.ndarray) -> float:
    internal = float(np.trace(matrix))
    external = float(matrix.sum()) - internal
    total = internal + external
    return (external - internal) / total if total > 0 else float("nan")


def ei_permutation_test_arrays(
    arrays: TieArrays, groups: GroupCodes, *, n_permutations: int = 1000, seed: int | None = None
) -> EITest:
    """E-I per group and for the network against shuffles of the group labels: :func:`ei_permutation_test` on arrays.

    See :func:`ei_permutation_test` for the test; one numpy pass over the tie
    list per permutation, so memory stays linear in the ties.
    """
    if n_permutations < 1:
        raise OnaError(f"n_permutations must be at least 1, not {n_permutations}.")
    k, n = groups.k, arrays.n
    observed_matrix = group_matrix_arrays(arrays, groups)
    observed = _ei_from_matrix(observed_matrix)
    observed_network = _network_ei_from_matrix(observed_matrix)
    degree = (arrays.in_degree + arrays.out_degree).astype(float)
    rng = np.random.default_rng(seed)
    codes = groups.codes.astype(np.int16 if k < 2**15 else np.int64)
    source, target = arrays.source.astype(np.int32), arrays.target.astype(np.int32)
    permuted_ei = np.empty((n_permutations, k))
    permuted_network = np.empty(n_permutations)
    # One numpy pass over the tie list per permutation: 1-D gathers are about four times faster than
    # batching permutations into 2-D arrays (5 ms per permutation for 1.5 million ties).
    for p in range(n_permutations):
        labels = codes[rng.permutation(n)]
        sender, receiver = np.take(labels, source), np.take(labels, target)
        inside = sender == receiver
        internal = np.bincount(sender[inside], minlength=k).astype(float)
        touching = np.bincount(labels, weights=degree, minlength=k)  # sum of members' degrees = 2 I_g + E_g
        external = touching - 2 * internal
        with np.errstate(divide="ignore", invalid="ignore"):
            permuted_ei[p] = (external - internal) / (external + internal)
        permuted_network[p] = (arrays.m - 2 * internal.sum()) / arrays.m if arrays.m else np.nan
    with np.errstate(invalid="ignore"):
        valid = ~np.isnan(permuted_ei)
        low = ((permuted_ei <= observed[None, :] + 1e-12) & valid).sum(axis=0)
        high = ((permuted_ei >= observed[None, :] - 1e-12) & valid).sum(axis=0)
        n_valid = valid.sum(axis=0)
        expected = np.where(n_valid > 0, np.nansum(permuted_ei, axis=0) / np.maximum(n_valid, 1), np.nan)
        centred = np.where(valid, permuted_ei - expected[None, :], 0.0)
        sd = np.where(n_valid > 1, np.sqrt((centred**2).sum(axis=0) / np.maximum(n_valid - 1, 1)), np.nan)
        p_low = np.where(np.isnan(observed) | (n_valid == 0), np.nan, (1 + low) / (1 + n_valid))
        p_high = np.where(np.isnan(observed) | (n_valid == 0), np.nan, (1 + high) / (1 + n_valid))
    table = pd.DataFrame(
        {
            "group": list(groups.labels),
            "ei_index": observed,
            "expected_ei": expected,
            "sd_ei": sd,
            "p_value": p_low,
            "p_value_high": p_high,
            "n_permutations": n_permutations,
        }
    )
    network = {
        "ei_index": observed_network,
        "expected_ei": float(np.mean(permuted_network)) if arrays.m else float("nan"),
        "p_value": float((1 + np.sum(permuted_network <= observed_network + 1e-12)) / (1 + n_permutations))
        if arrays.m
        else float("nan"),
    }
    return EITest(table, network)


def group_table_arrays(arrays: TieArrays, groups: GroupCodes, test: EITest | None) -> pd.DataFrame:
    """One row per group with the columns :data:`GROUP_COLUMNS`: :func:`group_table` on arrays.

    `test` supplies the E-I expectation and p-value; None leaves them ``nan``.
    """
    k, code = groups.k, groups.codes
    counts = group_matrix_arrays(arrays, groups)
    internal = np.diag(counts)
    external_out = counts.sum(axis=1) - internal
    external_in = counts.sum(axis=0) - internal
    sizes = groups.sizes
    respondents = np.bincount(code[arrays.responded], minlength=k)
    with np.errstate(divide="ignore", invalid="ignore"):
        possible_inside = respondents * (sizes - 1)
        internal_density = np.where(possible_inside > 0, internal / possible_inside, np.nan)
        response_rate = np.where(sizes > 0, respondents / sizes, np.nan)
    # Reciprocity over ties between two respondents.
    observable = arrays.responded[arrays.source] & arrays.responded[arrays.target]
    gs, gt = code[arrays.source], code[arrays.target]
    inside = (gs == gt) & observable
    crossing = (gs != gt) & observable
    returned = arrays.reciprocated
    inside_total = np.bincount(gs[inside], minlength=k)
    inside_returned = np.bincount(gs[inside & returned], minlength=k)
    cross_total = np.bincount(gs[crossing], minlength=k) + np.bincount(gt[crossing], minlength=k)
    cross_returned = np.bincount(gs[crossing & returned], minlength=k) + np.bincount(
        gt[crossing & returned], minlength=k
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        reciprocity_internal = np.where(inside_total > 0, inside_returned / inside_total, np.nan)
        reciprocity_external = np.where(cross_total > 0, cross_returned / cross_total, np.nan)
    linked = (counts + counts.T) > 0
    np.fill_diagonal(linked, False)
    if test is not None:
        ei = test.groups["ei_index"].to_numpy()
        expected, p_value = test.groups["expected_ei"].to_numpy(), test.groups["p_value"].to_numpy()
    else:
        ei, expected, p_value = _ei_from_matrix(counts), np.full(k, np.nan), np.full(k, np.nan)
    table = pd.DataFrame(
        {
            "group": list(groups.labels),
            "size": sizes,
            "respondents": respondents,
            "response_rate": response_rate,
            "internal_ties": internal,
            "external_ties": external_out + external_in,
            "external_out": external_out,
            "external_in": external_in,
            "internal_density": internal_density,
            "ei_index": ei,
            "ei_expected": expected,
            "ei_p_value": p_value,
            "reciprocity_internal": reciprocity_internal,
            "reciprocity_external": reciprocity_external,
            "groups_reached": linked.sum(axis=1),
        }
    )
    return table[list(GROUP_COLUMNS)]


@old_grouping_names
def group_of(G: nx.Graph, grouping: str = "department") -> dict[Hashable, str]:
    """Each node's group label under `grouping`; empty values become ``"(unknown)"``.

    Raises
    ------
    MissingAttributeError
        If no node of a non-empty `G` has the attribute at all.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("a", {"department": "HR"}), ("b", {"department": None})])
    >>> group_of(G)
    {'a': 'HR', 'b': '(unknown)'}
    """
    if len(G) and not any(grouping in data for _, data in G.nodes(data=True)):
        raise MissingAttributeError(grouping, sorted({k for _, d in G.nodes(data=True) for k in d}))
    labels = {}
    for node, data in G.nodes(data=True):
        value = data.get(grouping)
        text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
        labels[node] = text or UNKNOWN_GROUP
    return labels


@old_grouping_names
def group_graph(G: nx.Graph, grouping: str = "department", *, weight: str | None = None) -> nx.DiGraph:
    """The network aggregated to groups: one node per group, one edge per group pair with ties.

    A node carries ``people`` (group size), ``respondents`` (members with
    ``responded`` true, or all members when no node has that attribute) and
    ``internal_ties`` (ties inside the group). An edge ``(g, h)`` carries
    ``ties`` (number of ties from a member of `g` to a member of `h`) and
    ``weight`` (their summed `weight`; equals ``ties`` when `weight` is None).
    This is the group-by-group tie count matrix of block modelling, drawn as a
    graph (Wasserman and Faust 1994, ch. 10) [1]_.

    Parameters
    ----------
    G : NetworkX graph
        Directed or undirected; undirected ties count once, from the first
        endpoint. Not changed.
    grouping : str, optional (default="department")
        Node attribute holding each person's group.
    weight : str or None, optional (default=None)
        Edge attribute summed into the group edge's ``weight``.

    Returns
    -------
    networkx.DiGraph
        Groups sorted by name, with ``G.graph["grouping"]`` set.

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT"}, "department")
    >>> H = group_graph(G)
    >>> H.nodes["HR"]["people"], H.nodes["HR"]["internal_ties"], H.nodes["IT"]["internal_ties"]
    (2, 1, 1)
    >>> H["HR"]["IT"]["ties"], H["IT"]["HR"]["ties"]
    (1, 1)

    References
    ----------
    .. [1] Wasserman, Stanley, and Katherine Faust. 1994. *Social Network
       Analysis: Methods and Applications*. Cambridge University Press.
       https://doi.org/10.1017/CBO9780511815478
    """
    labels = group_of(G, grouping)
    has_response = any("responded" in d for _, d in G.nodes(data=True))
    H = nx.DiGraph(grouping=grouping)
    for group in sorted(set(labels.values())):
        H.add_node(group, people=0, respondents=0, internal_ties=0, label=group)
    for node, data in G.nodes(data=True):
        group = labels[node]
        H.nodes[group]["people"] += 1
        H.nodes[group]["respondents"] += int(bool(data.get("responded", True)) if has_response else 1)
    for u, v, data in G.edges(data=True):
        g, h = labels[u], labels[v]
        w = float(data.get(weight, 1.0)) if weight else 1.0
        if g == h:
            H.nodes[g]["internal_ties"] += 1
            continue
        if H.has_edge(g, h):
            H[g][h]["ties"] += 1
            H[g][h]["weight"] += w
        else:
            H.add_edge(g, h, ties=1, weight=w)
    return H
