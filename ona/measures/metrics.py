r"""Measures per person: degree, betweenness, PageRank, reciprocity, structural holes, brokerage.

All functions take a directed graph ``G`` as :meth:`OrgNetwork.graph
<ona.model.OrgNetwork.graph>` builds it (an undirected graph counts every edge
in both directions) and return pandas objects indexed by node id.
:func:`person_table` gathers them in one DataFrame.

Missing data
------------
A non-respondent's outgoing ties are *unknown*, not absent (node attribute
``responded=False``). The measures treat that as follows:

* out-degree (raw, normalised, weighted), brokerage and reciprocity are ``nan``
  for non-respondents: they depend on the person's own answers;
* in-degree counts the nominations received from respondents; its normalised
  form divides by the number of *other respondents*, the people who could have
  named this person (with complete data that is Freeman's :math:`n-1`);
* reciprocity of a respondent is computed over their ties with other
  respondents only, because a tie to a non-respondent could never be seen
  returned;
* betweenness, PageRank, constraint, effective size and departments reached use
  every observed tie. For non-respondents they rest on incoming ties alone;
  read them with the response rate in mind (``responded`` is in every table).

Engines: igraph for betweenness, PageRank and constraint; scipy.sparse for
effective size; numpy for brokerage (see :mod:`ona.measures.engines`).
"""

from __future__ import annotations


from collections.abc import Callable, Hashable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ona.measures.engines import (
    GroupCodes,
    StepTimer,
    TieArrays,
    group_codes,
    seeded_igraph,
)
from ona.exceptions import OnaError
from ona.measures.keyplayers import KeyPlayers, file_key_players_arrays
from ona.compat import old_grouping_names

__all__ = [
    "BROKERAGE_ROLES",
    "BetweennessMethod",
    "EXACT_BETWEENNESS_UP_TO",
    "FEWER_SOURCES_ABOVE",
    "KEY_PLAYERS_IN_TABLE",
    "LARGE_BETWEENNESS_SOURCES",
    "PERSON_COLUMNS",
    "SAMPLED_BETWEENNESS_SOURCES",
    "betweenness",
    "betweenness_arrays",
    "brokerage_roles",
    "constraint",
    "cross_group_brokers",
    "degree_table",
    "departments_reached",
    "effective_size",
    "key_player_mask",
    "key_player_mask_arrays",
    "pagerank",
    "person_reciprocity",
    "person_table",
    "person_table_arrays",
]

#: Betweenness is exact for graphs up to this many nodes and estimated from
#: sampled sources above it (Brandes and Pich 2007); see ``BENCHMARKS.md``.
EXACT_BETWEENNESS_UP_TO = 2_500
#: Number of sampled source nodes when betweenness is estimated ...
SAMPLED_BETWEENNESS_SOURCES = 256
#: ... and above this many nodes, where each source costs a pass over hundreds of thousands of ties,
#: :data:`LARGE_BETWEENNESS_SOURCES` (see ``BENCHMARKS.md`` for the error).
FEWER_SOURCES_ABOVE = 50_000
LARGE_BETWEENNESS_SOURCES = 128

#: Gould-Fernandez roles, in the order of the brokerage columns.
BROKERAGE_ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")

#: Columns of :func:`person_table`, in order.
PERSON_COLUMNS = (
    "in_degree",
    "out_degree",
    "in_degree_norm",
    "out_degree_norm",
    "weighted_in_degree",
    "weighted_out_degree",
    "betweenness",
    "pagerank",
    "reciprocity",
    "constraint",
    "effective_size",
    *(f"brokerage_{role}" for role in BROKERAGE_ROLES),
    "brokerage_total",
    "departments_reached",
    "key_player",
    "responded",
)
#: Size of the key-player set marked in :func:`person_table` (column ``key_player``).
KEY_PLAYERS_IN_TABLE = 3

#: Two-paths handled per numpy batch when counting brokerage (bounds memory).
_TWO_PATH_BATCH = 262_144
#: Rows per sparse block in effective size (bounds memory on large graphs).
_ROW_BLOCK = 8_192


@dataclass(frozen=True)
class BetweennessMethod:
    """How betweenness was computed.

    Attributes
    ----------
    sampled : bool
        True when estimated from a sample of source nodes.
    sources : int
        Number of source nodes used (all nodes when exact).
    nodes : int
        Number of nodes in the graph.
    """

    sampled: bool
    sources: int
    nodes: int

    @property
    def note(self) -> str:
        """One sentence for reports."""
        if not self.sampled:
            return "Betweenness is exact (shortest paths from every person)."
        return (
            f"Betweenness is estimated from shortest paths of {self.sources} randomly chosen people out of "
            f"{self.nodes} (Brandes and Pich 2007); the ranking of the very top people is approximate."
        )


# -- public functions over graphs ---------------------------------------------------------------


def degree_table(G: nx.Graph, *, weight: str | None = "weight") -> pd.DataFrame:
    r"""Return in- and out-degree per person: raw, normalised and weighted.

    .. math::

        C^{in}_i = \frac{d^{in}_i}{r - [i \in R]}, \qquad C^{out}_i = \frac{d^{out}_i}{n-1}

    where :math:`d` counts ties, :math:`n` is the number of people, :math:`R`
    the respondents and :math:`r=|R|`: the normalised in-degree is the share of
    the *other respondents* who named the person, which is Freeman's
    :math:`d^{in}_i/(n-1)` when everyone responded [1]_. Weighted degrees
    (strength) sum the tie weights [2]_.

    Parameters
    ----------
    G : NetworkX graph
    weight : str or None, optional (default="weight")
        Edge attribute summed for the weighted degrees; None counts each tie as 1.

    Returns
    -------
    pandas.DataFrame
        Columns ``in_degree, out_degree, in_degree_norm, out_degree_norm,
        weighted_in_degree, weighted_out_degree``, indexed by node. The out-degree
        columns are ``nan`` for non-respondents (their ties are unknown).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("c", "b"), ("b", "a")])
    >>> degree_table(G).loc["b", ["in_degree", "out_degree", "in_degree_norm"]].tolist()
    [2.0, 1.0, 1.0]

    References
    ----------
    .. [1] Freeman, Linton C. 1978. "Centrality in Social Networks Conceptual
       Clarification." Social Networks 1 (3): 215-39.
       https://doi.org/10.1016/0378-8733(78)90021-7
    .. [2] Opsahl, Tore, Filip Agneessens, and John Skvoretz. 2010. "Node
       Centrality in Weighted Networks: Generalizing Degree and Shortest
       Paths." Social Networks 32 (3): 245-51.
       https://doi.org/10.1016/j.socnet.2010.03.006
    """
    return _degree_table(TieArrays.from_graph(G, weight))


def betweenness(G: nx.Graph, *, sources: int | None = None, seed: int | None = 0) -> pd.Series:
    r"""Return each person's betweenness centrality (directed, normalised).

    .. math:: b_v = \frac{1}{(n-1)(n-2)} \sum_{s \ne v \ne t} \frac{\sigma_{st}(v)}{\sigma_{st}}

    where :math:`\sigma_{st}` is the number of shortest directed paths from
    :math:`s` to :math:`t` and :math:`\sigma_{st}(v)` those through :math:`v`
    [1]_, computed with Brandes' algorithm [2]_ in igraph. Paths count steps:
    tie weights are strengths, not distances, so they are not used. The result
    equals ``nx.betweenness_centrality(G)``.

    Large graphs: with ``sources=k`` (or automatically above
    :data:`EXACT_BETWEENNESS_UP_TO` nodes, with
    :data:`SAMPLED_BETWEENNESS_SOURCES` sources, and
    :data:`LARGE_BETWEENNESS_SOURCES` above :data:`FEWER_SOURCES_ABOVE`) only paths from
    :math:`k` randomly chosen sources are followed and the sum is scaled by
    :math:`n/k`, an unbiased estimate [3]_ (as ``nx.betweenness_centrality(G,
    k=k)`` does). ``BENCHMARKS.md`` reports its measured error.

    Parameters
    ----------
    G : NetworkX graph
    sources : int or None, optional (default=None)
        Number of sampled sources; None chooses exact or sampled by graph size.
        A value of at least the number of nodes gives the exact result.
    seed : int or None, optional (default=0)
        Seed for choosing the sampled sources.

    Returns
    -------
    pandas.Series
        Betweenness per node. ``series.attrs["method"]`` holds a
        :class:`BetweennessMethod` saying whether it was sampled.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> betweenness(G).tolist()
    [0.0, 0.5, 0.0]

    References
    ----------
    .. [1] Freeman, Linton C. 1977. "A Set of Measures of Centrality Based on
       Betweenness." Sociometry 40 (1): 35-41. https://doi.org/10.2307/3033543
    .. [2] Brandes, Ulrik. 2001. "A Faster Algorithm for Betweenness
       Centrality." Journal of Mathematical Sociology 25 (2): 163-77.
       https://doi.org/10.1080/0022250X.2001.9990249
    .. [3] Brandes, Ulrik, and Christian Pich. 2007. "Centrality Estimation in
       Large Networks." International Journal of Bifurcation and Chaos 17 (7):
       2303-18. https://doi.org/10.1142/S0218127407018403
    """
    arrays = TieArrays.from_graph(G, None)
    values, method = betweenness_arrays(arrays, sources=sources, seed=seed)
    result = arrays.relabel(values, "betweenness")
    result.attrs["method"] = method
    return result


def pagerank(G: nx.Graph, *, weight: str | None = "weight", alpha: float = 0.85) -> pd.Series:
    r"""Return each person's PageRank.

    .. math:: \pi_v = \frac{1-\alpha}{n} + \alpha \sum_{u \to v} \pi_u \frac{w_{uv}}{w_u^{out}}
              + \alpha \sum_{u:\,w_u^{out}=0} \frac{\pi_u}{n}

    the stationary distribution of a walker who follows a tie (chosen in
    proportion to its weight) with probability :math:`\alpha` and otherwise
    jumps to anyone [1]_. People without outgoing ties (including
    non-respondents) spread their score evenly, as ``nx.pagerank`` does; the
    values match it up to its convergence tolerance. Computed with igraph
    (ARPACK eigensolver).

    Parameters
    ----------
    G : NetworkX graph
    weight : str or None, optional (default="weight")
    alpha : float, optional (default=0.85)
        Damping factor.

    Returns
    -------
    pandas.Series
        PageRank per node; the values sum to 1.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> pagerank(G).round(3).tolist()
    [0.5, 0.5]

    References
    ----------
    .. [1] Brin, Sergey, and Lawrence Page. 1998. "The Anatomy of a
       Large-Scale Hypertextual Web Search Engine." Computer Networks and ISDN
       Systems 30 (1-7): 107-17. https://doi.org/10.1016/S0169-7552(98)00110-X
    """
    arrays = TieArrays.from_graph(G, weight)
    return arrays.relabel(_pagerank(arrays, alpha=alpha), "pagerank")


def person_reciprocity(G: nx.Graph) -> pd.Series:
    r"""Return the share of each person's ties that are reciprocated.

    .. math:: \rho_i = \frac{2\,|P_i \cap S_i|}{|P_i| + |S_i|}

    where :math:`S_i` are the people :math:`i` names and :math:`P_i` those who
    name :math:`i`, both restricted to respondents: a tie to a non-respondent
    can never be seen returned. With complete data this is
    ``nx.reciprocity(G, nodes)`` [1]_.

    Returns
    -------
    pandas.Series
        Reciprocity per node; ``nan`` for non-respondents and for people with
        no ties to respondents.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    >>> person_reciprocity(G).round(3).tolist()
    [0.667, 1.0, 0.0]

    References
    ----------
    .. [1] Wasserman, Stanley, and Katherine Faust. 1994. Social Network
       Analysis: Methods and Applications. Cambridge University Press, ch. 13.
       https://doi.org/10.1017/CBO9780511815478
    """
    arrays = TieArrays.from_graph(G, None)
    return arrays.relabel(_person_reciprocity(arrays), "reciprocity")


def constraint(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    r"""Return Burt's constraint of each person.

    .. math:: c_i = \sum_{j \in N(i)} \Bigl(p_{ij} + \sum_{q \ne i,j} p_{iq}\,p_{qj}\Bigr)^2,
              \qquad p_{ij} = \frac{a_{ij} + a_{ji}}{\sum_k (a_{ik} + a_{ki})}

    where :math:`N(i)` are everyone :math:`i` names or is named by and
    :math:`a_{ij}` the tie weight: how much of :math:`i`'s network time and
    energy is locked into contacts who are themselves tied to each other [1]_.
    High constraint means few structural holes. Computed in igraph; equal to
    ``nx.constraint(G, weight=weight)``.

    Parameters
    ----------
    G : NetworkX graph
    weight : str or None, optional (default="weight")

    Returns
    -------
    pandas.Series
        Constraint per node; ``nan`` for people without ties (as in networkx).

    Examples
    --------
    >>> star = nx.DiGraph([("hub", "x"), ("hub", "y")])
    >>> constraint(star).round(3).tolist()
    [0.5, 1.0, 1.0]

    References
    ----------
    .. [1] Burt, Ronald S. 1992. Structural Holes: The Social Structure of
       Competition. Cambridge, MA: Harvard University Press, 54-55.
       https://doi.org/10.4159/9780674029095
    """
    arrays = TieArrays.from_graph(G, weight)
    return arrays.relabel(_constraint(arrays, weighted=weight is not None), "constraint")


def effective_size(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    r"""Return Burt's effective size of each person's network.

    .. math:: e_i = \sum_{j \in N(i)} \Bigl(1 - \sum_{q \ne i,j} p_{iq}\, m_{jq}\Bigr),
              \qquad m_{jq} = \frac{a_{jq} + a_{qj}}{\max_k (a_{jk} + a_{kj})}

    with :math:`p_{iq}` as in :func:`constraint`: the number of contacts minus
    their redundancy, i.e. how many *non-redundant* contacts :math:`i` has [1]_.
    For an undirected, unweighted graph this is Borgatti's :math:`n - 2t/n`
    [2]_. Computed node by node with scipy.sparse (networkx 3.6's
    ``effective_size`` uses a wrong maximum on weighted or directed graphs).

    Parameters
    ----------
    G : NetworkX graph
    weight : str or None, optional (default="weight")

    Returns
    -------
    pandas.Series
        Effective size per node; ``nan`` for people without ties.

    Examples
    --------
    >>> star = nx.Graph([("hub", "x"), ("hub", "y"), ("x", "y"), ("hub", "z")])
    >>> effective_size(star).round(3).tolist()
    [2.333, 1.0, 1.0, 1.0]

    References
    ----------
    .. [1] Burt, Ronald S. 1992. Structural Holes: The Social Structure of
       Competition. Cambridge, MA: Harvard University Press, 52-53.
       https://doi.org/10.4159/9780674029095
    .. [2] Borgatti, Stephen P. 1997. "Structural Holes: Unpacking Burt's
       Redundancy Measures." Connections 20 (1): 35-38.
    """
    arrays = TieArrays.from_graph(G, weight)
    return arrays.relabel(_effective_size(arrays, weighted=weight is not None), "effective_size")


@old_grouping_names
def brokerage_roles(G: nx.Graph, grouping: str = "department") -> pd.DataFrame:
    r"""Count the Gould-Fernandez brokerage roles each person plays between groups.

    Person :math:`b` brokers on every open two-path :math:`a \to b \to c`
    (:math:`a \ne c`, no tie :math:`a \to c`). By the groups :math:`g(\cdot)`
    of the three people the role is [1]_:

    ================  ==========================================  ==============
    role              groups                                      pattern
    ================  ==========================================  ==============
    coordinator       :math:`g(a) = g(b) = g(c)`                  A → A → A
    itinerant         :math:`g(a) = g(c) \ne g(b)` ("consultant")  A → B → A
    gatekeeper        :math:`g(a) \ne g(b) = g(c)`                A → B → B
    representative    :math:`g(a) = g(b) \ne g(c)`                A → A → B
    liaison           all three different                         A → B → C
    ================  ==========================================  ==============

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
        Node attribute holding each person's group; empty values form the group
        ``"(unknown)"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``brokerage_coordinator, brokerage_itinerant,
        brokerage_gatekeeper, brokerage_representative, brokerage_liaison,
        brokerage_total``; ``nan`` for non-respondents (their outgoing ties,
        the second step of every two-path they could broker, are unknown).

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> brokerage_roles(G).loc["b", ["brokerage_representative", "brokerage_total"]].tolist()
    [1.0, 1.0]

    References
    ----------
    .. [1] Gould, Roger V., and Roberto M. Fernandez. 1989. "Structures of
       Mediation: A Formal Approach to Brokerage in Transaction Networks."
       Sociological Methodology 19: 89-126. https://doi.org/10.2307/270949
    """
    arrays = TieArrays.from_graph(G, None)
    counts = _brokerage(arrays, group_codes(G, grouping))
    return pd.DataFrame(counts, index=arrays.nodes, columns=[f"brokerage_{r}" for r in (*BROKERAGE_ROLES, "total")])


@old_grouping_names
def departments_reached(G: nx.Graph, grouping: str = "department") -> pd.Series:
    """Return the number of *other* groups each person has a tie with, in either direction.

    Counts the distinct values of `grouping` among the people someone names or
    is named by, leaving out the person's own group: 0 means all their ties
    stay inside their own department. ``"(unknown)"`` counts as a group.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("c", "a")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "IT", "c": "Sales"}, "department")
    >>> departments_reached(G).tolist()
    [2, 1, 1]
    """
    arrays = TieArrays.from_graph(G, None)
    return arrays.relabel(_departments_reached(arrays, group_codes(G, grouping)), "departments_reached")


@old_grouping_names
def person_table(
    G: nx.Graph,
    grouping: str = "department",
    *,
    weight: str | None = "weight",
    betweenness_sources: int | None = None,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Return every per-person measure of one relation in one DataFrame.

    Columns are :data:`PERSON_COLUMNS`: see :func:`degree_table`,
    :func:`betweenness`, :func:`pagerank`, :func:`person_reciprocity`,
    :func:`constraint`, :func:`effective_size`, :func:`brokerage_roles` and
    :func:`departments_reached` for the definitions and the module docstring
    for how non-respondents are treated. ``key_player`` is True for the
    people of the set of :data:`KEY_PLAYERS_IN_TABLE` whose departure would
    cut the most pairs of colleagues off from each other (Borgatti's KPP-Neg,
    :func:`ona.measures.keyplayers.key_players`) and without whom fewer pairs
    would be cut (``KeyPlayers.cutting``); when no set of that size cuts
    anyone off, nobody is marked.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
        Node attribute defining groups for brokerage and departments reached.
    weight : str or None, optional (default="weight")
        Edge attribute used for weighted degree, PageRank, constraint and
        effective size.
    betweenness_sources : int or None, optional
        See :func:`betweenness`.
    seed : int or None, optional (default=0)
        Seed for sampled betweenness.

    Returns
    -------
    pandas.DataFrame
        One row per node; ``df.attrs["betweenness"]`` is a
        :class:`BetweennessMethod`.

    Raises
    ------
    MissingAttributeError
        If no node has `grouping`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> nx.set_node_attributes(G, "HR", "department")
    >>> person_table(G).loc["a", ["in_degree", "betweenness", "brokerage_coordinator"]].tolist()
    [1.0, 0.5, 1.0]
    """
    arrays = TieArrays.from_graph(G, weight)
    return person_table_arrays(
        arrays,
        group_codes(G, grouping),
        weighted=weight is not None,
        betweenness_sources=betweenness_sources,
        seed=seed,
    )


# -- implementations over arrays ------------------------------------------------------------------
# person_table_arrays and betweenness_arrays are public: ona.measures.analysis and
# ona.measures.whole_network call them on TieArrays built once per relation.


def person_table_arrays(
    arrays: TieArrays,
    groups: GroupCodes,
    *,
    weighted: bool = True,
    betweenness_sources: int | None = None,
    seed: int | None = 0,
    timer: StepTimer | None = None,
    betweenness: Callable[[], tuple[np.ndarray, BetweennessMethod]] | None = None,
    key_player: Callable[[], np.ndarray] | None = None,
) -> pd.DataFrame:
    """Every per-person measure of one relation: :func:`person_table` on arrays.

    `timer` (optional) accumulates the seconds of each measure, for benchmarks.
    `betweenness` and `key_player` (optional) give those columns computed
    elsewhere (e.g. in a second process while this one computes the rest,
    see :func:`ona.analyze`); they are asked for last.
    """
    timer = timer or StepTimer()
    with timer("degree"):
        table = _degree_table(arrays)
    if betweenness is None:
        with timer("betweenness"):
            values, method = betweenness_arrays(arrays, sources=betweenness_sources, seed=seed)
        table["betweenness"] = values
    with timer("pagerank"):
        table["pagerank"] = _pagerank(arrays, weighted=weighted)
    with timer("reciprocity"):
        table["reciprocity"] = _person_reciprocity(arrays)
    with timer("constraint"):
        table["constraint"] = _constraint(arrays, weighted=weighted)
    with timer("effective size"):
        table["effective_size"] = _effective_size(arrays, weighted=weighted)
    with timer("brokerage"):
        brokerage = _brokerage(arrays, groups)
        table["departments_reached"] = _departments_reached(arrays, groups)
    if key_player is None:
        with timer("key players"):
            table["key_player"] = key_player_mask_arrays(arrays, seed=seed)
    for k, role in enumerate((*BROKERAGE_ROLES, "total")):
        table[f"brokerage_{role}"] = brokerage[:, k]
    if betweenness is not None:
        values, method = betweenness()
        table["betweenness"] = values
    if key_player is not None:
        table["key_player"] = key_player()
    table["responded"] = arrays.responded
    table = table[list(PERSON_COLUMNS)]
    table.attrs["betweenness"] = method
    return table


def key_player_mask_arrays(arrays: TieArrays, *, k: int = KEY_PLAYERS_IN_TABLE, seed: int | None = 0) -> np.ndarray:
    """Per node position: a member of the KPP-Neg key-player set needed for its cut (see :func:`person_table`)."""
    return key_player_mask(arrays, file_key_players_arrays(arrays, k, seed=seed or 0))


def key_player_mask(arrays: TieArrays, result: KeyPlayers | None) -> np.ndarray:
    """Per node position of `arrays`: a member of the set `result` needed for its cut (``KeyPlayers.cutting``)."""
    mask = np.zeros(arrays.n, dtype=bool)
    if result is None or result.pairs_cut <= 0:
        return mask
    mask[arrays.nodes.get_indexer(list(result.cutting))] = True
    return mask


def _degree_table(arrays: TieArrays) -> pd.DataFrame:
    n = arrays.n
    unknown = ~arrays.responded
    out_degree = arrays.out_degree.astype(float)
    out_degree[unknown] = np.nan
    weighted_out = np.bincount(arrays.source, weights=arrays.weight, minlength=n).astype(float)
    weighted_out[unknown] = np.nan
    potential_senders = arrays.respondents - arrays.responded.astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        in_norm = np.where(potential_senders > 0, arrays.in_degree / potential_senders, np.nan)
        out_norm = out_degree / (n - 1) if n > 1 else np.full(n, np.nan)
    return pd.DataFrame(
        {
            "in_degree": arrays.in_degree.astype(np.int64),
            "out_degree": out_degree,
            "in_degree_norm": in_norm,
            "out_degree_norm": out_norm,
            "weighted_in_degree": np.bincount(arrays.target, weights=arrays.weight, minlength=n).astype(float),
            "weighted_out_degree": weighted_out,
        },
        index=arrays.nodes,
    )


def betweenness_arrays(
    arrays: TieArrays, *, sources: int | None = None, seed: int | None = 0
) -> tuple[np.ndarray, BetweennessMethod]:
    """Normalised directed betweenness per node position, and how it was computed: :func:`betweenness` on arrays."""
    n = arrays.n
    if sources is not None and sources < 1:
        raise OnaError(f"betweenness sources must be a positive number of people, not {sources}.")
    if sources is None:
        if n <= EXACT_BETWEENNESS_UP_TO:
            sources = n
        else:
            sources = SAMPLED_BETWEENNESS_SOURCES if n <= FEWER_SOURCES_ABOVE else LARGE_BETWEENNESS_SOURCES
    sampled = sources < n
    g = arrays.igraph(weighted=False)
    if sampled:
        chosen = np.sort(np.random.default_rng(seed).choice(n, size=sources, replace=False))
        raw = np.asarray(g.betweenness(directed=True, sources=chosen.tolist()), dtype=float) * (n / sources)
    else:
        raw = np.asarray(g.betweenness(directed=True), dtype=float) if n else np.zeros(0)
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return raw * scale, BetweennessMethod(sampled=sampled, sources=min(sources, n), nodes=n)


def _pagerank(arrays: TieArrays, *, weighted: bool = True, alpha: float = 0.85) -> np.ndarray:
    if arrays.n == 0:
        return np.zeros(0)
    if arrays.m == 0:
        return np.full(arrays.n, 1.0 / arrays.n)
    g = arrays.igraph(weighted=weighted)
    # ARPACK rather than igraph's default PRPACK: PRPACK runs OpenMP threads that slow down
    # twenty-fold when the machine is busy (measured on the 2-core benchmark machine).
    # ARPACK starts from a random vector drawn from igraph's generator, which made the last digits
    # differ from run to run; a fixed seed makes the same input give the same bytes.
    with seeded_igraph(0):
        values = g.pagerank(directed=True, damping=alpha, weights="weight", implementation="arpack")
    return np.asarray(values, dtype=float)


def _person_reciprocity(arrays: TieArrays) -> np.ndarray:
    n = arrays.n
    both_responded = arrays.responded[arrays.source] & arrays.responded[arrays.target]
    sent = np.bincount(arrays.source[both_responded], minlength=n)
    received = np.bincount(arrays.target[both_responded], minlength=n)
    mutual = np.bincount(arrays.source[both_responded & arrays.reciprocated], minlength=n)
    total = sent + received
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(total > 0, 2.0 * mutual / total, np.nan)
    result[~arrays.responded] = np.nan
    return result


def _constraint(arrays: TieArrays, *, weighted: bool = True) -> np.ndarray:
    if arrays.n == 0:
        return np.zeros(0)
    g = arrays.igraph(weighted=weighted)
    values = np.asarray(g.constraint(weights="weight"), dtype=float)
    isolated = (arrays.in_degree + arrays.out_degree) == 0
    values[isolated] = np.nan
    return values


def _effective_size(arrays: TieArrays, *, weighted: bool = True) -> np.ndarray:
    n = arrays.n
    M = arrays.mutual_weights(weighted)  # symmetric: a_ij + a_ji
    M.eliminate_zeros()
    strength = np.asarray(M.sum(axis=1)).ravel()
    degree = np.diff(M.indptr)
    row_max = M.max(axis=1).toarray().ravel() if n else np.zeros(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        P = sp.diags(np.where(strength > 0, 1.0 / strength, 0.0)) @ M  # p_iq
        inv_max = np.where(row_max > 0, 1.0 / row_max, 0.0)
    # S_ij = 1/max_j on i's contacts j, so that sum_j (P M)_ij S_ij = sum_j sum_q p_iq m_jq.
    S = M.copy()
    S.data = inv_max[S.indices]
    redundancy = np.zeros(n)
    for start in range(0, n, _ROW_BLOCK):
        block = slice(start, min(start + _ROW_BLOCK, n))
        two_step = P[block] @ M
        redundancy[block] = np.asarray(two_step.multiply(S[block]).sum(axis=1)).ravel()
    result = degree - redundancy
    return np.where(degree > 0, result, np.nan)


def _out_csr(arrays: TieArrays) -> tuple[np.ndarray, np.ndarray]:
    """Out-neighbours in CSR form: targets sorted by source, and row pointers."""
    order = np.argsort(arrays.source, kind="stable")
    indptr = np.concatenate([[0], np.cumsum(arrays.out_degree)])
    return arrays.target[order], indptr


#: The brokerage role (index into BROKERAGE_ROLES) of a two-path a -> b -> c, by which of its groups are the same:
#: 4 * (a, b) + 2 * (b, c) + (a, c). Equal groups are transitive, so 3, 5 and 6 cannot occur.
_ROLE_OF_SAMENESS = np.array([4, 1, 2, 4, 3, 4, 4, 0], dtype=np.int64)


def _brokerage(arrays: TieArrays, groups: GroupCodes) -> np.ndarray:
    """Counts per node of the five roles plus their total (columns as BROKERAGE_ROLES + total)."""
    n = arrays.n
    counts = np.zeros((n, 6), dtype=float)
    targets_by_source, indptr = _out_csr(arrays)
    code = groups.codes
    # Every first step a -> b, continued along every tie b -> c.
    first_a, first_b = arrays.source, arrays.target
    continuations = arrays.out_degree[first_b]
    batch_edges = _batches(continuations, _TWO_PATH_BATCH)
    for lo, hi in batch_edges:
        reps = continuations[lo:hi]
        if reps.sum() == 0:
            continue
        a = np.repeat(first_a[lo:hi], reps)
        b = np.repeat(first_b[lo:hi], reps)
        starts = np.repeat(indptr[first_b[lo:hi]], reps)
        offsets = np.arange(len(a)) - np.repeat(np.cumsum(reps) - reps, reps)
        c = targets_by_source[starts + offsets]
        keep = a != c
        a, b, c = a[keep], b[keep], c[keep]
        keep = ~arrays.has_ties(a, c)
        a, b, c = a[keep], b[keep], c[keep]
        ga, gb, gc = code[a], code[b], code[c]
        same = (ga == gb).astype(np.int64) * 4
        same += (gb == gc) * 2
        same += ga == gc
        b *= 5
        b += _ROLE_OF_SAMENESS[same]
        counts[:, :5] += np.bincount(b, minlength=n * 5).reshape(n, 5)
    counts[:, 5] = counts[:, :5].sum(axis=1)
    counts[~arrays.responded] = np.nan
    return counts


def _batches(sizes: np.ndarray, limit: int) -> list[tuple[int, int]]:
    """Split positions 0..len(sizes) into consecutive runs whose sizes sum to about `limit`."""
    if len(sizes) == 0:
        return []
    cumulative = np.cumsum(sizes)
    cuts = np.searchsorted(cumulative, np.arange(limit, cumulative[-1], limit), side="right")
    bounds = [0, *np.unique(np.clip(cuts, 1, len(sizes) - 1)).tolist(), len(sizes)]
    return [(lo, hi) for lo, hi in zip(bounds[:-1], bounds[1:]) if hi > lo]


def _departments_reached(arrays: TieArrays, groups: GroupCodes) -> np.ndarray:
    n, k, code = arrays.n, groups.k, groups.codes
    person = np.concatenate([arrays.source, arrays.target])
    other = np.concatenate([arrays.target, arrays.source])
    other_group = code[other]
    outside = other_group != code[person]
    pairs = np.unique(person[outside] * k + other_group[outside])
    return np.bincount(pairs // k, minlength=n)


def cross_group_brokers(metrics: pd.DataFrame, limit: int = 10) -> list[Hashable]:
    """People with the most Gould-Fernandez brokerage *between* groups, most first.

    Ranks by the sum of the gatekeeper, representative and liaison roles (the roles that
    span groups, see :func:`brokerage_roles`), ties broken by betweenness; people with none
    are left out.

    Parameters
    ----------
    metrics : pandas.DataFrame
        Person measures indexed by person, with ``brokerage_<role>`` columns (as
        :func:`person_table` gives them) and optionally ``betweenness``.
    limit : int, optional (default=10)

    Examples
    --------
    >>> table = pd.DataFrame({"brokerage_liaison": [2, 0, 5], "brokerage_gatekeeper": [1, 0, 0],
    ...                       "betweenness": [0.1, 0.0, 0.3]}, index=["a", "b", "c"])
    >>> cross_group_brokers(table)
    ['c', 'a']
    """
    columns = [f"brokerage_{r}" for r in ("gatekeeper", "representative", "liaison")
               if f"brokerage_{r}" in metrics.columns]
    if not columns or metrics.empty:
        return []
    ranked = pd.DataFrame({"score": metrics[columns].fillna(0).sum(axis=1),
                           "betweenness": metrics["betweenness"].fillna(0) if "betweenness" in metrics else 0.0})
    ranked = ranked[ranked["score"] > 0].sort_values(["score", "betweenness"], ascending=False, kind="stable")
    return ranked.index[:limit].tolist()
