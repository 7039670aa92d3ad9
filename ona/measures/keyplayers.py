r"""Key players: the few people who hold the network together (KPP-Neg) or reach it best (KPP-Pos).

Centrality ranks people one at a time, but the three people whose departure would
hurt most are not simply the three most central ones: two central people often
cover the same part of the network. Borgatti's key player problem [1]_ asks for
the best *set* of `k` people, with a measure of what the set is needed for:

* **KPP-Neg, fragmentation**: whose removal would cut the network apart most?
  With :math:`s_c` the sizes of the components of the network without the set,
  over the :math:`n` remaining people,

  .. math:: F = 1 - \frac{\sum_c s_c (s_c - 1)}{n (n - 1)},

  the share of pairs of remaining people who could no longer reach each other
  (0: everyone can still reach everyone; 1: nobody can reach anybody).
* **KPP-Neg, distance-weighted fragmentation**: as :math:`F`, but pairs that
  can still reach each other over a longer path count partly:

  .. math:: D_F = 1 - \frac{2 \sum_{i < j} 1 / d_{ij}}{n (n - 1)},

  with :math:`1/d_{ij} = 0` for people who cannot reach each other. It also
  sees sets whose removal lengthens paths without cutting them, which is what
  happens in a well-connected organisation.
* **KPP-Pos, distance-weighted reach**: who reaches everyone else in the
  fewest steps?

  .. math:: D_R = \frac{1}{n} \sum_j \frac{1}{d_{Sj}},

  with :math:`d_{Sj}` the distance from the nearest member of the set to
  :math:`j` (members count as reached at distance 1), so :math:`D_R = 1`
  when everyone is in the set or next to it.

For a pair of groups (e.g. two departments that must work together) the same
questions are asked about the pairs between the groups only: which people hold
the connection between Sales and IT together (the share of Sales-IT pairs that
could no longer reach each other), or reach both groups best (reach over the
members of the two groups). Paths may run through anyone in the organisation.

Ties are taken without direction (either person named the other), as in [1]_:
a non-respondent is reached through the ties others reported.

Search
------
Borgatti's search [1]_: start from a set, then repeatedly make the single swap
of a member for a non-member that improves the measure most, until no swap
improves it. ona starts from the greedy set (the best person, then the best
addition to it, ...) and from `restarts` random sets (seeded), and keeps the
best. Small problems are solved exactly instead, by trying every set. Every
swap step evaluates all candidates at once:

* fragmentation: the components left after removing *each* person follow from
  one pass over the biconnected components and articulation points (the
  block-cut tree; Hopcroft and Tarjan [2]_), so one step costs as much as
  finding the components once. This runs on a million people.
* reach: breadth-first distances from each candidate, in blocks (memory
  grows with the people, not their square).
* distance-weighted fragmentation: every candidate set is evaluated from all
  distances; only for networks of up to :data:`DISTANCE_FRAGMENTATION_UP_TO`
  people.

A time limit bounds the search; a result says whether it finished
(``complete``). Within the time limit the same input and seed give the same set.

References
----------
.. [1] Borgatti, Stephen P. 2006. "Identifying Sets of Key Players in a Social
   Network." Computational and Mathematical Organization Theory 12 (1): 21-34.
   https://doi.org/10.1007/s10588-006-7084-x
.. [2] Hopcroft, John, and Robert Tarjan. 1973. "Algorithm 447: Efficient
   Algorithms for Graph Manipulation." Communications of the ACM 16 (6):
   372-78. https://doi.org/10.1145/362248.362272
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import combinations
from time import perf_counter
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra, shortest_path

from ona.exceptions import OnaError
from ona.measures.engines import TieArrays, group_codes, ig
from ona.compat import old_grouping_names

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "DISTANCE_FRAGMENTATION_UP_TO",
    "EXHAUSTIVE_STEPS_UP_TO",
    "KEY_PLAYER_OBJECTIVES",
    "KeyPlayers",
    "REACH_ALL_CANDIDATES_UP_TO",
    "REACH_CANDIDATES",
    "file_key_players_arrays",
    "file_search_steps",
    "fragmentation",
    "fragmentation_cut_arrays",
    "key_players",
    "key_players_arrays",
    "reach",
]

#: The measures a key-player set can be chosen for.
KEY_PLAYER_OBJECTIVES = ("fragmentation", "distance_fragmentation", "reach")
#: Seconds the search may take by default; a search stopped by it says so (``complete=False``).
DEFAULT_TIME_LIMIT = 30.0
#: Every set is tried (an exact answer) when that takes at most this many search steps
#: (one step evaluates every candidate added to one set of k - 1 people).
EXHAUSTIVE_STEPS_UP_TO = 400
#: Distance-weighted fragmentation evaluates each candidate set from all distances: up to this many people.
DISTANCE_FRAGMENTATION_UP_TO = 400
#: Reach considers every person as a candidate up to this many people ...
REACH_ALL_CANDIDATES_UP_TO = 3_000
#: ... and above it the people with the most ties (either direction), this many.
REACH_CANDIDATES = 500
#: Rows of breadth-first distances computed at once (bounds memory).
_DISTANCE_BLOCK = 128
#: Reach keeps the distance rows of candidates between search steps up to this many cells (100 MB).
_REACH_ROWS_KEPT = 12_500_000


@dataclass(frozen=True)
class KeyPlayers:
    """A key-player set and what it does.

    Attributes
    ----------
    people : tuple
        The `k` people, in node order.
    objective : str
        ``"fragmentation"``, ``"distance_fragmentation"`` or ``"reach"``.
    value : float
        The measure with the set: for the fragmentation measures, that of the
        network without the set; for reach, the set's reach.
    before : float
        For the fragmentation measures, the measure of the whole network (with
        everyone): the set's effect is ``value - before``. ``nan`` for reach.
    degree_value : float
        The measure for the `k` people with the most ties, the usual choice
        without a key-player search; compare with `value`.
    contributions : dict
        Per member, how much worse the measure gets when that member is left
        out of the set (and replaced by nobody).
    groups : tuple of str
        Empty for the whole network, or the two groups the question is about.
    pairs_connected, pairs_cut : int
        Fragmentation only: pairs of people outside the set (between the two
        groups, for a pair of groups) who can reach each other now, and how
        many of them could not without the set. 0 for the other measures.
    cutting : tuple
        Fragmentation only: the fewest members that cut as many pairs. Members
        are left out one at a time, the smallest contribution first, while the
        rest still cut at least as many pairs of the people outside them; the
        others raise the measure only by making the remaining parts more even.
        Findings, the person table and reports name these people.
    search : str
        ``"exhaustive"`` (every set tried) or ``"greedy+swap"``.
    complete : bool
        False when the time limit stopped the search.
    candidates : int
        People considered for the set.
    steps : int
        Search steps done (each evaluates every candidate against one set).
    degree_people : tuple
        The `k` people with the most ties (the set `degree_value` is about).
    degree_pairs_cut, degree_pairs_connected : int
        Fragmentation only: the pairs the `degree_people` would cut, of the
        pairs of people outside *that* set who can reach each other now.
    targets : int
        People the question is about: everyone, or the members of the two groups.
    reached, degree_reached : tuple of int
        Reach only: of the `targets`, how many are in the set or one step from
        it, and how many within two steps; for the set and for the
        `degree_people`. Empty for the other measures.
    search_key : str
        For a search bounded by steps (:func:`file_key_players_arrays`): what was
        searched (the ties' fingerprint, `k`, the measure, the seed and the
        step bound), so that the same search is not done twice. Empty otherwise.
    """

    people: tuple[Hashable, ...]
    objective: str
    value: float
    before: float
    degree_value: float
    contributions: dict[Hashable, float]
    groups: tuple[str, ...] = ()
    pairs_connected: int = 0
    pairs_cut: int = 0
    cutting: tuple[Hashable, ...] = ()
    search: str = "greedy+swap"
    complete: bool = True
    candidates: int = 0
    steps: int = 0
    degree_people: tuple[Hashable, ...] = ()
    degree_pairs_cut: int = 0
    targets: int = 0
    degree_pairs_connected: int = 0
    reached: tuple[int, ...] = ()
    degree_reached: tuple[int, ...] = ()
    search_key: str = ""
    k: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "k", len(self.people))

    @property
    def share_cut(self) -> float:
        """Share of the connected pairs that the set's removal would cut (fragmentation only)."""
        return self.pairs_cut / self.pairs_connected if self.pairs_connected else float("nan")

    @property
    def degree_share_cut(self) -> float:
        """Share of the connected pairs the `k` people with the most ties would cut (fragmentation only).

        Of the pairs of people outside the `degree_people` who can reach each other now (a share of the
        set's own pairs could exceed 1 when the two sets leave different people).
        """
        connected = self.degree_pairs_connected or self.pairs_connected
        return self.degree_pairs_cut / connected if connected else float("nan")


# -- measures ------------------------------------------------------------------------------------


def fragmentation(G: nx.Graph, removed: Sequence[Hashable] = (), *, distance: bool = False) -> float:
    r"""Return Borgatti's fragmentation of `G` without the people in `removed`.

    .. math:: F = 1 - \frac{\sum_c s_c (s_c - 1)}{n (n - 1)}, \qquad
              D_F = 1 - \frac{2 \sum_{i<j} 1/d_{ij}}{n (n - 1)}

    over the :math:`n` remaining people, with :math:`s_c` the sizes of the
    components and :math:`d_{ij}` the distances (ties without direction) [1]_.

    Parameters
    ----------
    G : NetworkX graph
    removed : sequence of nodes, optional
    distance : bool, optional (default=False)
        Distance-weighted fragmentation :math:`D_F` instead of :math:`F`.

    Returns
    -------
    float
        ``nan`` with fewer than two people left.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> fragmentation(G), fragmentation(G, ["c"])
    (0.0, 0.6666666666666667)
    >>> round(fragmentation(G, distance=True), 4)
    0.3583

    References
    ----------
    .. [1] Borgatti, Stephen P. 2006. "Identifying Sets of Key Players in a
       Social Network." Computational and Mathematical Organization Theory
       12 (1): 21-34. https://doi.org/10.1007/s10588-006-7084-x
    """
    problem = _Problem.of(TieArrays.from_graph(G, None))
    out = _positions(problem, removed)
    keep = np.ones(problem.n, dtype=bool)
    keep[out] = False
    if distance:
        return _distance_fragmentation(problem, keep)
    connected, possible = _connected_pairs(problem, keep)
    return 1.0 - connected / possible if possible else float("nan")


def reach(G: nx.Graph, people: Sequence[Hashable]) -> float:
    r"""Return the distance-weighted reach of a set of people in `G`.

    .. math:: D_R = \frac{1}{n} \sum_j \frac{1}{d_{Sj}}

    with :math:`d_{Sj}` the distance from the nearest member of the set to
    :math:`j` over ties without direction, members counting as reached at
    distance 1 and people out of reach as 0 [1]_.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> reach(G, ["c"])
    0.8
    >>> reach(G, ["b", "d"])
    1.0

    References
    ----------
    .. [1] Borgatti, Stephen P. 2006. "Identifying Sets of Key Players in a
       Social Network." Computational and Mathematical Organization Theory
       12 (1): 21-34. https://doi.org/10.1007/s10588-006-7084-x
    """
    problem = _Problem.of(TieArrays.from_graph(G, None))
    members = _positions(problem, people)
    return float(_reach_rows(problem, members).max(axis=0, initial=0.0)[problem.targets].mean()) if problem.n else math.nan


@old_grouping_names
def key_players(
    G: nx.Graph,
    k: int = 3,
    *,
    objective: str = "fragmentation",
    groups: tuple[str, str] | None = None,
    grouping: str = "department",
    time_limit: float = DEFAULT_TIME_LIMIT,
    restarts: int = 2,
    seed: int = 0,
    max_steps: int | None = None,
) -> KeyPlayers:
    r"""Return the set of `k` people who hold the network together most, or reach it best.

    See the module docstring for the measures and the search: KPP-Neg with
    ``objective="fragmentation"`` (people whose removal cuts most pairs of
    colleagues off from each other) or ``"distance_fragmentation"`` (also
    counts paths made longer), KPP-Pos with ``"reach"`` [1]_.

    Parameters
    ----------
    G : NetworkX graph
        Ties are taken without direction.
    k : int, optional (default=3)
        Size of the set.
    objective : {"fragmentation", "distance_fragmentation", "reach"}, optional
    groups : (str, str), optional
        Ask about a pair of groups only: the pairs of people between the two
        groups (fragmentation), or reaching the members of the two groups
        (reach). Anyone may be in the set and paths may run through anyone.
    grouping : str, optional (default="department")
        Node attribute holding the groups, when `groups` is given.
    time_limit : float, optional (default=30)
        Seconds the search may take; ``result.complete`` says whether it finished.
    restarts : int, optional (default=2)
        Random starting sets searched besides the greedy one.
    seed : int, optional (default=0)
        Seed of the random starting sets.
    max_steps : int, optional
        Search steps the search may take (each evaluates every candidate
        against one set): a bound that, unlike `time_limit`, gives the same
        set on any machine. Files use :func:`file_search_steps` with
        ``time_limit=math.inf``.

    Returns
    -------
    KeyPlayers

    Raises
    ------
    OnaError
        If `objective` is unknown, `k` is not between 1 and the number of
        people (or group members) minus one, a group is not in the network,
        or distance-weighted fragmentation is asked for a network of more
        than :data:`DISTANCE_FRAGMENTATION_UP_TO` people.

    Examples
    --------
    Two triangles joined through ``m``: removing ``m`` cuts them apart.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "m"), ("m", "d"),
    ...               ("d", "e"), ("e", "f"), ("f", "d")])
    >>> result = key_players(G, 1)
    >>> result.people, round(result.value, 3), result.pairs_cut, result.search
    (('m',), 0.6, 9, 'exhaustive')
    >>> key_players(G, 2, objective="reach").value  # e.g. a and d: everyone in the set or next to it
    1.0

    References
    ----------
    .. [1] Borgatti, Stephen P. 2006. "Identifying Sets of Key Players in a
       Social Network." Computational and Mathematical Organization Theory
       12 (1): 21-34. https://doi.org/10.1007/s10588-006-7084-x
    """
    arrays = TieArrays.from_graph(G, None)
    first = second = None
    if groups is not None:
        codes = group_codes(G, grouping)
        first, second = (_members(codes, g, grouping) for g in _pair(groups))
    return key_players_arrays(
        arrays, k, objective=objective, first=first, second=second, groups=tuple(groups or ()),
        time_limit=time_limit, restarts=restarts, seed=seed, max_steps=max_steps,
    )


def _pair(groups: Any) -> tuple[str, str]:
    pair = tuple(groups)
    if len(pair) != 2 or pair[0] == pair[1]:
        raise OnaError(f"Give two different groups for a pair, e.g. ('Sales', 'IT'), not {groups!r}.")
    return str(pair[0]), str(pair[1])


def _members(codes: Any, group: str, grouping: str) -> np.ndarray:
    if group not in codes.labels:
        raise OnaError(
            f"There is no {grouping} {group!r} in the network. Pick one of: {', '.join(codes.labels)}.",
            key="methods.error.no_group", values={"group": group, "grouping": grouping,
                                                 "groups": ", ".join(codes.labels)},
        )
    return codes.codes == codes.labels.index(group)


# -- implementation over arrays ------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Problem:
    """The undirected network and who counts: pairs between `first` and `second`, reach over `targets`."""

    arrays: TieArrays
    u: np.ndarray  # undirected edges, u < v
    v: np.ndarray
    first: np.ndarray  # weights a_i: 1 for people on the first side of the pairs
    second: np.ndarray  # weights b_i
    targets: np.ndarray  # bool: people whose reach counts

    @property
    def n(self) -> int:
        return self.arrays.n

    @classmethod
    def of(cls, arrays: TieArrays, first: np.ndarray | None = None, second: np.ndarray | None = None) -> _Problem:
        u, v, _ = arrays.undirected_edges(weighted=False)
        everyone = np.ones(arrays.n)
        a = everyone if first is None else first.astype(float)
        b = everyone if second is None else second.astype(float)
        targets = np.ones(arrays.n, dtype=bool) if first is None else (first | second)
        return cls(arrays, u, v, a, b, targets)

    @property
    def both(self) -> np.ndarray:
        return self.first * self.second  # people on both sides: their pair with themselves is no pair

    @cached_property
    def full_graph(self) -> Any:
        """The undirected igraph graph of everyone (built once)."""
        return ig.Graph(n=self.n, edges=list(zip(self.u.tolist(), self.v.tolist())))

    def graph(self, keep: np.ndarray) -> tuple[Any, np.ndarray]:
        """The undirected igraph graph of the kept people (in node order), and their positions."""
        kept = np.flatnonzero(keep)
        if len(kept) == self.n:
            return self.full_graph, kept
        return self.full_graph.induced_subgraph(kept.tolist(), implementation="copy_and_delete"), kept

    @cached_property
    def csr(self) -> sp.csr_matrix:
        """The symmetric 0/1 adjacency matrix (built once)."""
        data = np.ones(len(self.u), dtype=np.int8)
        M = sp.coo_matrix((data, (self.u, self.v)), shape=(self.n, self.n))
        return (M + M.T).tocsr()


def _positions(problem: _Problem, people: Sequence[Hashable]) -> np.ndarray:
    index = problem.arrays.nodes.get_indexer(list(people))
    if (index < 0).any():
        missing = [p for p, i in zip(people, index) if i < 0]
        raise OnaError(f"{missing[0]!r} is not in the network. Pick someone on the roster.")
    return index


def _pairs(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Ordered pairs (i in first, j in second, i != j) within a part with sums a, b and c = both."""
    return a * b - c


def _connected_pairs(problem: _Problem, keep: np.ndarray) -> tuple[float, float]:
    """(pairs that can reach each other, all pairs) among the kept people, as ordered pairs."""
    g, kept = problem.graph(keep)
    membership = np.asarray(g.connected_components().membership, dtype=np.int64)
    a, b, c = problem.first[kept], problem.second[kept], problem.both[kept]
    sums = [np.bincount(membership, weights=w) for w in (a, b, c)]
    connected = float(_pairs(*sums).sum())
    possible = float(_pairs(a.sum(), b.sum(), c.sum()))
    return connected, possible


def _pairs_after_each_removal(problem: _Problem, keep: np.ndarray) -> tuple[float, np.ndarray]:
    """Connected pairs among the kept people, and for every person x the connected pairs left after removing x.

    Uses the block-cut tree: removing a person who is not an articulation point
    leaves their component in one piece; removing an articulation point splits
    its component into the pieces hanging below it in the tree (the subtree of
    each child block) and the rest. Entries for people not kept are ``nan``.
    """
    g, kept = problem.graph(keep)
    n = len(kept)
    result = np.full(problem.n, np.nan)
    if n == 0:
        return 0.0, result
    w = np.column_stack([problem.first[kept], problem.second[kept], problem.both[kept]])
    component = np.asarray(g.connected_components().membership, dtype=np.int64)
    totals = np.column_stack([np.bincount(component, weights=w[:, j]) for j in range(3)])
    per_component = _pairs(*totals.T)
    connected = float(per_component.sum())
    own = totals[component]  # each person's component sums
    after = connected - per_component[component] + _pairs(*(own - w).T)
    blocks, cuts = g.biconnected_components(return_articulation_points=True)
    if cuts:
        after[cuts] = _after_cut_removal(n, list(blocks), np.asarray(cuts, dtype=np.int64), w, component, totals,
                                         connected, per_component)
    result[kept] = after
    return connected, result


def _after_cut_removal(
    n: int, blocks: list[list[int]], cuts: np.ndarray, w: np.ndarray, component: np.ndarray, totals: np.ndarray,
    connected: float, per_component: np.ndarray,
) -> np.ndarray:
    """Connected pairs left after removing each articulation point (in the order of `cuts`)."""
    n_blocks = len(blocks)
    is_cut = np.zeros(n, dtype=bool)
    is_cut[cuts] = True
    cut_node = np.full(n, -1, dtype=np.int64)
    cut_node[cuts] = n_blocks + np.arange(len(cuts))  # tree node of each articulation point
    sizes = np.fromiter((len(b) for b in blocks), dtype=np.int64, count=n_blocks)
    members = np.fromiter((x for b in blocks for x in b), dtype=np.int64, count=int(sizes.sum()))
    block_of = np.repeat(np.arange(n_blocks), sizes)
    # Tree weights: a block carries its members that are not articulation points; a cut node itself.
    tree_w = np.zeros((n_blocks + len(cuts), 3))
    plain = ~is_cut[members]
    for j in range(3):
        tree_w[:n_blocks, j] = np.bincount(block_of[plain], weights=w[members[plain], j], minlength=n_blocks)
    tree_w[n_blocks:] = w[cuts]
    # Tree edges block - articulation point; a super-root joins one block of every tree.
    linked = ~plain
    edge_block, edge_cut = block_of[linked], cut_node[members[linked]]
    n_tree = n_blocks + len(cuts)
    tree = ig.Graph(n=n_tree + 1, edges=list(zip(edge_block.tolist(), edge_cut.tolist())))
    tree_component = np.asarray(tree.connected_components().membership, dtype=np.int64)[:n_tree]
    _, roots = np.unique(tree_component, return_index=True)  # the lowest node of each tree: a block
    tree.add_edges([(n_tree, int(r)) for r in roots])
    order, layers, parents = tree.bfs(n_tree)
    order = np.asarray(order, dtype=np.int64)
    parents = np.asarray(parents, dtype=np.int64)
    subtree = np.vstack([tree_w, np.zeros((1, 3))])
    for start, end in reversed(list(zip(layers[1:-1], layers[2:]))):  # deepest layer first; skip the root
        level = order[start:end]
        np.add.at(subtree, parents[level], subtree[level])
    # Pieces left when a cut vertex goes: each child block's subtree, and the rest of its component.
    pieces = np.zeros(n_tree + 1)
    child_blocks = np.arange(n_blocks)
    under_cut = parents[child_blocks] >= n_blocks
    under_cut &= parents[child_blocks] < n_tree
    np.add.at(pieces, parents[child_blocks[under_cut]], _pairs(*subtree[child_blocks[under_cut]].T))
    cut_nodes = n_blocks + np.arange(len(cuts))
    rest = totals[component[cuts]] - subtree[cut_nodes]
    pieces[cut_nodes] += _pairs(*rest.T)
    return connected - per_component[component[cuts]] + pieces[cut_nodes]


def _distance_fragmentation(problem: _Problem, keep: np.ndarray) -> float:
    """Borgatti's D_F over the kept people (pairs between first and second)."""
    kept = np.flatnonzero(keep)
    if len(kept) == 0:
        return float("nan")
    M = problem.csr[kept][:, kept]
    a, b, c = problem.first[kept], problem.second[kept], problem.both[kept]
    possible = float(_pairs(a.sum(), b.sum(), c.sum()))
    if possible <= 0:
        return float("nan")
    harmonic = 0.0
    sources = np.flatnonzero(a > 0)
    for start in range(0, len(sources), _DISTANCE_BLOCK):
        block = sources[start : start + _DISTANCE_BLOCK]
        d = shortest_path(M, directed=False, unweighted=True, indices=block)
        with np.errstate(divide="ignore"):
            inverse = np.where(np.isfinite(d) & (d > 0), 1.0 / d, 0.0)
        harmonic += float((inverse * b[None, :]).sum())
    return 1.0 - harmonic / possible


def _reach_rows(problem: _Problem, sources: np.ndarray) -> np.ndarray:
    """Per source, 1/d to every person (1 to itself, 0 out of reach)."""
    if len(sources) == 0:
        return np.zeros((0, problem.n))
    d = shortest_path(problem.csr, directed=False, unweighted=True, indices=np.asarray(sources))
    d = np.atleast_2d(d)
    with np.errstate(divide="ignore"):
        rows = np.where(np.isfinite(d), 1.0 / np.maximum(d, 1.0), 0.0)
    return rows


class _Clock:
    """Stops the search at the time limit or after `max_steps` evaluation steps."""

    def __init__(self, limit: float, evaluate: Any = None, max_steps: int | None = None) -> None:
        self.deadline = perf_counter() + limit
        self.evaluate, self.max_steps = evaluate, max_steps
        self.stopped = False

    def out(self) -> bool:
        over = self.max_steps is not None and self.evaluate is not None and self.evaluate.steps >= self.max_steps
        if over or perf_counter() > self.deadline:
            self.stopped = True
        return self.stopped


def file_search_steps(n: int, k: int) -> int:
    """The step bound of a key-player search whose result goes into a file (the person table, findings).

    Files must be the same for the same input and seed on any machine, so their searches are bounded by
    steps, not seconds: the greedy choice and up to four rounds of swaps (``5 k`` steps) up to 50,000
    people, the greedy choice and one round (``2 k``) above (each step is one pass over the ties).

    >>> file_search_steps(10_000, 3), file_search_steps(1_000_000, 3)
    (15, 6)
    """
    return 2 * k if n > 50_000 else 5 * k


def file_key_players_arrays(
    arrays: TieArrays, k: int, *, seed: int = 0, known: Iterable[KeyPlayers | None] = ()
) -> KeyPlayers | None:
    """The KPP-Neg set of `k` people behind the files: the person table's ``key_player`` column and the findings.

    One greedy start and swaps bounded by :func:`file_search_steps` (never by the clock), so the result is the
    same on any machine. None when the network is too small to ask (`k` + 1 people or fewer, or no ties).
    A result in `known` of the same search (same ties, `k`, seed and bound: its ``search_key``) is returned
    instead of searching again: :func:`ona.findings.find_findings` reuses the set that
    :func:`ona.measures.analysis.analyze` found in its second process.
    """
    if arrays.m == 0 or arrays.n <= k + 1:
        return None
    steps = file_search_steps(arrays.n, k)
    key = f"{arrays.fingerprint}:fragmentation:k={k}:seed={seed}:steps={steps}"
    for result in known:
        if result is not None and result.search_key == key:
            return result
    result = key_players_arrays(arrays, k, objective="fragmentation", restarts=0, seed=seed, max_steps=steps,
                                time_limit=math.inf)
    return replace(result, search_key=key)


def key_players_arrays(
    arrays: TieArrays,
    k: int = 3,
    *,
    objective: str = "fragmentation",
    first: np.ndarray | None = None,
    second: np.ndarray | None = None,
    groups: tuple[str, ...] = (),
    time_limit: float = DEFAULT_TIME_LIMIT,
    restarts: int = 2,
    seed: int = 0,
    max_steps: int | None = None,
) -> KeyPlayers:
    """The key-player set of `k` people: :func:`key_players` on arrays.

    `first` and `second` (boolean per node position) restrict the question to
    the pairs between two groups; None asks about everyone. `max_steps`
    bounds the search deterministically (each step evaluates every candidate
    against one set); a search it stops is not ``complete``.
    """
    if objective not in KEY_PLAYER_OBJECTIVES:
        raise OnaError(
            f"Unknown key-player measure {objective!r}; choose 'fragmentation', 'distance_fragmentation' or 'reach'.",
            key="methods.error.key_player_objective", values={"objective": objective},
        )
    problem = _Problem.of(arrays, first, second)
    n = arrays.n
    if first is not None:
        limit = int(min(problem.first.sum(), problem.second.sum()))
        if limit <= k:
            raise OnaError(
                f"Each group needs more than {k} people to ask which {k} people hold them together; "
                f"the smaller has {limit}."
            )
    if not 1 <= k < n:
        raise OnaError(f"k must be between 1 and the number of people minus one ({n - 1}), not {k}.")
    if objective == "distance_fragmentation" and n > DISTANCE_FRAGMENTATION_UP_TO:
        raise OnaError(
            f"Distance-weighted fragmentation is computed for networks of up to {DISTANCE_FRAGMENTATION_UP_TO} "
            f"people; this one has {n}. Use objective='fragmentation' or ask about a pair of groups."
        )
    degree = arrays.in_degree + arrays.out_degree
    candidates = np.arange(n)
    if objective == "reach" and n > REACH_ALL_CANDIDATES_UP_TO:
        candidates = np.sort(np.argsort(-degree, kind="stable")[:REACH_CANDIDATES])
    evaluate = _evaluator(problem, objective)
    steps = math.comb(len(candidates), k - 1)
    # The exhaustive search is bounded by EXHAUSTIVE_STEPS_UP_TO already; max_steps bounds the swap search.
    clock = _Clock(time_limit, evaluate, max_steps if steps > EXHAUSTIVE_STEPS_UP_TO else None)
    if steps <= EXHAUSTIVE_STEPS_UP_TO:
        best, value, done = _exhaustive(evaluate, candidates, k, clock)
        search = "exhaustive"
    else:
        best, value, done = _greedy_swap(evaluate, candidates, k, clock, restarts, seed)
        search = "greedy+swap"
    best = np.sort(np.asarray(best, dtype=np.int64))
    top_degree = np.sort(np.argsort(-degree, kind="stable")[:k])
    degree_value = _value_of(problem, objective, top_degree)
    contributions = {
        arrays.nodes[person]: float(value - _value_of(problem, objective, np.delete(best, i)))
        for i, person in enumerate(best.tolist())
    }
    before = _value_of(problem, objective, np.zeros(0, dtype=np.int64)) if objective != "reach" else float("nan")
    connected = cut = degree_cut = degree_connected = 0
    cutting: tuple[Hashable, ...] = ()
    reached: tuple[int, ...] = ()
    degree_reached: tuple[int, ...] = ()
    if objective == "fragmentation":
        connected, cut = _cut(problem, best)
        degree_connected, degree_cut = _cut(problem, top_degree)
        order = sorted(range(len(best)), key=lambda i: (contributions[arrays.nodes[best[i]]], i))
        cutting = tuple(arrays.nodes[_needed_for_cut(problem, best, order)].tolist())
    if objective == "reach":
        reached, degree_reached = _reached(problem, best), _reached(problem, top_degree)
    return KeyPlayers(
        people=tuple(arrays.nodes[best].tolist()),
        objective=objective,
        value=float(value),
        before=float(before),
        degree_value=degree_value,
        contributions=contributions,
        groups=tuple(groups),
        pairs_connected=connected,
        pairs_cut=cut,
        cutting=cutting,
        search=search,
        complete=done and not clock.stopped,
        candidates=len(candidates),
        steps=evaluate.steps,  # type: ignore[attr-defined]
        degree_people=tuple(arrays.nodes[top_degree].tolist()),
        degree_pairs_cut=degree_cut,
        degree_pairs_connected=degree_connected,
        targets=int(problem.targets.sum()),
        reached=reached,
        degree_reached=degree_reached,
    )


def _reached(problem: _Problem, members: np.ndarray, steps: int = 2) -> tuple[int, ...]:
    """Of the targets, how many are in the set or at most 1, ..., `steps` steps from its nearest member."""
    d = np.atleast_2d(dijkstra(problem.csr, directed=False, unweighted=True, indices=np.asarray(members),
                               limit=steps)).min(axis=0)
    d[members] = 1  # members count as reached at distance 1, as in the reach measure
    d = d[problem.targets]
    return tuple(int((d <= s).sum()) for s in range(1, steps + 1))


def fragmentation_cut_arrays(
    arrays: TieArrays, people: Sequence[int] | np.ndarray, *, first: np.ndarray | None = None,
    second: np.ndarray | None = None,
) -> tuple[int, int]:
    """Pairs of people outside a set who can reach each other, and how many could not without the set.

    `people` are node positions; `first` and `second` restrict the pairs to
    those between two groups, as in :func:`key_players_arrays`. Pairs are
    counted once (unordered).
    """
    return _cut(_Problem.of(arrays, first, second), np.asarray(people, dtype=np.int64))


def _cut(problem: _Problem, members: np.ndarray) -> tuple[int, int]:
    keep = np.ones(problem.n, dtype=bool)
    keep[members] = False
    after, _ = _connected_pairs(problem, keep)
    connected = _pairs_among(problem, np.ones(problem.n, dtype=bool), keep)
    factor = _order_factor(problem)
    return int(round(connected / factor)), int(round((connected - after) / factor))


def _needed_for_cut(problem: _Problem, members: np.ndarray, order: Sequence[int]) -> np.ndarray:
    """The fewest members that cut as many pairs: members are left out one at a time in `order` while the
    rest still cut at least as many pairs of the people outside them; none when they cut no pair.

    Members who only make the remaining parts more even are left out; of a chain of two brokers one is kept
    (without either, nothing would be cut); two parallel bridges are both kept.
    """
    kept = np.ones(len(members), dtype=bool)
    cut = _cut(problem, members)[1]
    if cut <= 0:
        return members[:0]
    for i in order:
        kept[i] = False
        rest = _cut(problem, members[kept])[1] if kept.any() else 0
        if rest >= cut:
            cut = rest
        else:
            kept[i] = True
    return members[kept]


def _order_factor(problem: _Problem) -> float:
    """Pairs are counted ordered; for the whole network each unordered pair counts twice."""
    return 2.0 if float(problem.both.sum()) > 0 else 1.0


def _pairs_among(problem: _Problem, present: np.ndarray, counted: np.ndarray) -> float:
    """Connected (ordered) pairs among the `counted` people, with everyone `present` in the network."""
    g, kept = problem.graph(present)
    membership = np.asarray(g.connected_components().membership, dtype=np.int64)
    mask = counted[kept].astype(float)
    sums = [np.bincount(membership, weights=w[kept] * mask) for w in (problem.first, problem.second, problem.both)]
    return float(_pairs(*sums).sum())


def _value_of(problem: _Problem, objective: str, members: np.ndarray) -> float:
    keep = np.ones(problem.n, dtype=bool)
    keep[members] = False
    if objective == "fragmentation":
        connected, possible = _connected_pairs(problem, keep)
        return 1.0 - connected / possible if possible else float("nan")
    if objective == "distance_fragmentation":
        return _distance_fragmentation(problem, keep)
    rows = _reach_rows(problem, members)
    return float(rows.max(axis=0, initial=0.0)[problem.targets].mean())


class _Evaluator:
    """values(base, candidates): the measure of ``base + {c}`` for every candidate c (higher is better)."""

    def __init__(self, problem: _Problem, objective: str) -> None:
        self.problem, self.objective, self.steps = problem, objective, 0
        self._kept: dict[int, np.ndarray] = {}  # reach: 1/d rows over the targets, per person, for later steps

    def _rows(self, people: np.ndarray) -> np.ndarray:
        """1/d rows of `people` over the targets; rows are kept for the next steps (every step of a search asks
        for the same candidates) while they fit in :data:`_REACH_ROWS_KEPT` cells, so memory stays bounded."""
        problem = self.problem
        width = int(problem.targets.sum())
        people = np.asarray(people, dtype=np.int64).tolist()
        missing = [p for p in people if p not in self._kept]
        fresh: dict[int, np.ndarray] = {}
        if missing:
            rows = _reach_rows(problem, np.asarray(missing, dtype=np.int64))[:, problem.targets]
            for p, row in zip(missing, rows):
                if (len(self._kept) + 1) * width <= _REACH_ROWS_KEPT:
                    self._kept[p] = row.copy()
                else:
                    fresh[p] = row
        if not people:
            return np.zeros((0, width))
        return np.stack([self._kept[p] if p in self._kept else fresh[p] for p in people])

    def __call__(self, base: np.ndarray, candidates: np.ndarray) -> np.ndarray:
        self.steps += 1
        problem, n = self.problem, self.problem.n
        base = np.asarray(base, dtype=np.int64)
        if self.objective == "fragmentation":
            keep = np.ones(n, dtype=bool)
            keep[base] = False
            _, after = _pairs_after_each_removal(problem, keep)
            a, b, c = (problem.first[keep].sum(), problem.second[keep].sum(), problem.both[keep].sum())
            possible = _pairs(a - problem.first, b - problem.second, c - problem.both)
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(possible > 0, 1.0 - after / possible, np.nan)
            return _worst_for_members(values[candidates], candidates, base)
        if self.objective == "distance_fragmentation":
            values = np.full(len(candidates), -np.inf)
            for i, c in enumerate(candidates.tolist()):
                if c in set(base.tolist()):
                    continue
                keep = np.ones(n, dtype=bool)
                keep[base] = False
                keep[c] = False
                values[i] = _distance_fragmentation(problem, keep)
            return values
        # reach: best reach of base + c, for every candidate c, from distance rows in blocks
        current = self._rows(base).max(axis=0, initial=0.0)
        values = np.empty(len(candidates))
        for start in range(0, len(candidates), _DISTANCE_BLOCK):
            block = candidates[start : start + _DISTANCE_BLOCK]
            rows = self._rows(block)
            values[start : start + len(block)] = np.maximum(rows, current[None, :]).mean(axis=1)
        return _worst_for_members(values, candidates, base)


def _worst_for_members(values: np.ndarray, candidates: np.ndarray, base: np.ndarray) -> np.ndarray:
    values = np.where(np.isnan(values), -np.inf, values)
    values[np.isin(candidates, base)] = -np.inf
    return values


def _evaluator(problem: _Problem, objective: str) -> _Evaluator:
    return _Evaluator(problem, objective)


def _exhaustive(
    evaluate: Callable[[np.ndarray, np.ndarray], np.ndarray], candidates: np.ndarray, k: int, clock: _Clock
) -> tuple[np.ndarray, float, bool]:
    """Every set of k candidates: for each set of k - 1, every addition at once."""
    best_set, best_value = None, -np.inf
    for base in combinations(candidates.tolist(), k - 1):
        base_array = np.asarray(base, dtype=np.int64)
        later = candidates[candidates > (base[-1] if base else -1)]  # each set once, in increasing order
        if len(later) == 0:
            continue
        values = evaluate(base_array, later)
        i = int(np.argmax(values))
        if values[i] > best_value + 1e-12:
            best_value, best_set = float(values[i]), np.append(base_array, later[i])
        if clock.out():
            return best_set, best_value, False
    return best_set, best_value, True


def _greedy_swap(
    evaluate: Callable[[np.ndarray, np.ndarray], np.ndarray], candidates: np.ndarray, k: int, clock: _Clock,
    restarts: int, seed: int,
) -> tuple[np.ndarray, float, bool]:
    """Borgatti's swap search from the greedy set and from `restarts` random sets; the best found."""
    members: list[int] = []
    value = -np.inf
    for _ in range(k):
        values = evaluate(np.asarray(members, dtype=np.int64), candidates)
        i = int(np.argmax(values))
        members.append(int(candidates[i]))
        value = float(values[i])
        if clock.out():
            return np.asarray(members + _fill(candidates, members, k)), value, False
    best_set, best_value, done = _swaps(evaluate, candidates, np.asarray(members), value, clock)
    rng = np.random.default_rng(seed)
    for _ in range(restarts):
        if not done or clock.out():
            break
        start = rng.choice(candidates, size=k, replace=False)
        start_value = float(evaluate(start[:-1], start[-1:])[0])
        found, found_value, done = _swaps(evaluate, candidates, start, start_value, clock)
        if found_value > best_value + 1e-12:
            best_set, best_value = found, found_value
    return best_set, best_value, done


def _fill(candidates: np.ndarray, members: list[int], k: int) -> list[int]:
    return [int(c) for c in candidates if c not in members][: k - len(members)]


def _swaps(
    evaluate: Callable[[np.ndarray, np.ndarray], np.ndarray], candidates: np.ndarray, members: np.ndarray,
    value: float, clock: _Clock,
) -> tuple[np.ndarray, float, bool]:
    """Make the best improving swap of a member for a non-member until none improves the measure."""
    members = np.asarray(members, dtype=np.int64).copy()
    while True:
        best_gain, best_swap, stopped = 1e-12, None, False
        for i in range(len(members)):
            values = evaluate(np.delete(members, i), candidates)
            j = int(np.argmax(values))
            if values[j] - value > best_gain:
                best_gain, best_swap = values[j] - value, (i, int(candidates[j]), float(values[j]))
            if clock.out():
                stopped = True
                break
        if best_swap is None:
            return members, value, not stopped
        i, person, value = best_swap  # the best swap found so far is made, also when the search must stop
        members[i] = person
        if stopped:
            return members, value, False
