"""Compact array views of a network and the compiled engines that compute on them.

Users receive and pass :mod:`networkx` graphs, but networkx is too slow for the
heavy measures on 10,000 people or more (see ``BENCHMARKS.md``). Every analysis
in ona therefore turns a graph, or one relation of an
:class:`~ona.model.OrgNetwork`, into a :class:`TieArrays`: node ids, the tie
list as integer positions and weights, and who responded. From there the
measures run on numpy, :mod:`scipy.sparse` and :mod:`igraph`, and the results
come back as pandas objects indexed by the original node ids.

Engine choices (measured in ``BENCHMARKS.md``):

* igraph: betweenness (sampled above :data:`ona.measures.metrics.EXACT_BETWEENNESS_UP_TO`
  nodes), PageRank, Burt's constraint, topological order and, above
  :data:`ona.measures.community.LOUVAIN_IGRAPH_ABOVE` nodes, Louvain (``community_multilevel``).
* scipy.sparse: effective size, transitivity, weak and strong components.
* numpy: E-I index and its permutation test, brokerage roles, QAP.

>>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
>>> arrays = TieArrays.from_graph(G)
>>> arrays.n, arrays.m, arrays.source.tolist(), arrays.target.tolist()
(3, 3, [0, 1, 2], [1, 2, 0])
"""

from __future__ import annotations

import hashlib
import math
import random
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from time import perf_counter, process_time
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ona.exceptions import MissingAttributeError
from ona.model import UNKNOWN_GROUP
from ona.compat import old_grouping_names

if TYPE_CHECKING:
    from ona.model import OrgNetwork


def _import_igraph():  # type: ignore[no-untyped-def]
    """Import igraph without its optional matplotlib plotting.

    python-igraph imports ``matplotlib.pyplot`` when it is installed, to offer
    plotting that ona never uses: that costs about 0.3 s of every start and
    makes matplotlib write a font cache into the user's home folder. While
    igraph is imported, ``matplotlib`` is marked as absent (igraph then puts a
    placeholder in its drawing module); the mark is removed right after, so a
    program that imports matplotlib itself gets the real one. If matplotlib
    or igraph was already imported, nothing is changed.
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        import igraph
    finally:
        if sys.modules.get("matplotlib", 0) is None:
            del sys.modules["matplotlib"]
    return igraph


#: The igraph module, imported once here (see :func:`_import_igraph`); other modules of ona use this one.
ig = _import_igraph()

__all__ = [
    "GroupCodes",
    "StepTimer",
    "TieArrays",
    "group_codes",
    "seeded_igraph",
    "to_igraph",
]

@dataclass(frozen=True, eq=False)
class TieArrays:
    """One directed relation as arrays: the form every measure in ona computes on.

    Attributes
    ----------
    nodes : pandas.Index
        Node ids; position ``i`` in the other arrays is ``nodes[i]``.
    source, target : numpy.ndarray of int64
        Each tie as node positions, ``source[k] -> target[k]``; no self-ties,
        no duplicates.
    weight : numpy.ndarray of float64
        Tie weights (1.0 where the graph has none).
    responded : numpy.ndarray of bool
        Per node: did this person answer the survey? A non-respondent's
        outgoing ties are unknown, not absent.
    """

    nodes: pd.Index
    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray
    responded: np.ndarray

    # -- construction ----------------------------------------------------------------------

    @classmethod
    def from_graph(cls, G: nx.Graph, weight: str | None = "weight") -> TieArrays:
        """The arrays of a networkx graph.

        An undirected graph becomes a directed one with both directions of every
        edge. Self-loops are dropped. A node's ``responded`` attribute (set by
        :meth:`OrgNetwork.graph <ona.model.OrgNetwork.graph>`) marks
        non-respondents; nodes without it count as respondents.
        """
        nodes = list(G.nodes)
        position = {v: i for i, v in enumerate(nodes)}
        n_edges = G.number_of_edges()
        source = np.empty(n_edges, dtype=np.int64)
        target = np.empty(n_edges, dtype=np.int64)
        weights = np.empty(n_edges, dtype=np.float64)
        for k, (u, v, w) in enumerate(G.edges(data=weight or "weight", default=1.0)):
            source[k], target[k] = position[u], position[v]
            weights[k] = 1.0 if weight is None else float(w)
        if not G.is_directed():
            source, target = np.concatenate([source, target]), np.concatenate([target, source])
            weights = np.concatenate([weights, weights])
        keep = source != target
        responded = np.fromiter(
            (bool(G.nodes[v].get("responded", True)) for v in nodes), dtype=bool, count=len(nodes)
        )
        index = pd.Index(nodes, dtype=object, name="id")
        return cls(index, source[keep], target[keep], weights[keep], responded)

    @classmethod
    def from_network(cls, net: OrgNetwork, relation: str) -> TieArrays:
        """The arrays of one relation of an :class:`~ona.model.OrgNetwork`, without building a graph."""
        ties = net.ties_of(relation)
        nodes = net.people
        source = nodes.get_indexer(ties["source"]).astype(np.int64)
        target = nodes.get_indexer(ties["target"]).astype(np.int64)
        responded = net.respondent_mask().to_numpy(dtype=bool)
        index = pd.Index(nodes.tolist(), dtype=object, name="id")
        return cls(index, source, target, ties["weight"].to_numpy(dtype=np.float64), responded)

    # -- sizes -----------------------------------------------------------------------------

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.nodes)

    @property
    def m(self) -> int:
        """Number of ties."""
        return len(self.source)

    @property
    def respondents(self) -> int:
        """Number of nodes who responded."""
        return int(self.responded.sum())

    # -- derived structures (computed once, on first use) ----------------------------------------

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the people and the ties (not the weights or who responded).

        Two arrays with the same fingerprint have the same node ids in the same order and the same
        ties: a search that depends on nothing else (a key-player search) can be reused between them.
        """
        digest = hashlib.blake2b(digest_size=16)
        digest.update(np.int64(self.n).tobytes())
        digest.update("\x1f".join(map(repr, self.nodes)).encode("utf-8", "surrogatepass"))  # 1 and "1" differ
        digest.update(np.ascontiguousarray(self.source, dtype=np.int64).tobytes())
        digest.update(np.ascontiguousarray(self.target, dtype=np.int64).tobytes())
        return digest.hexdigest()

    @cached_property
    def out_degree(self) -> np.ndarray:
        return np.bincount(self.source, minlength=self.n)

    @cached_property
    def in_degree(self) -> np.ndarray:
        return np.bincount(self.target, minlength=self.n)

    @cached_property
    def _sorted_keys(self) -> np.ndarray:
        return np.sort(self.source * self.n + self.target)

    def has_ties(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Vectorised ``G.has_edge(u[k], v[k])`` for arrays of node positions."""
        keys = np.asarray(u, dtype=np.int64) * self.n + np.asarray(v, dtype=np.int64)
        sorted_keys = self._sorted_keys
        if len(sorted_keys) == 0:
            return np.zeros(len(keys), dtype=bool)
        pos = np.searchsorted(sorted_keys, keys)
        pos[pos == len(sorted_keys)] = 0
        return sorted_keys[pos] == keys

    @cached_property
    def reciprocated(self) -> np.ndarray:
        """Per tie: is the reverse tie also present?"""
        return self.has_ties(self.target, self.source)

    def adjacency(self, weighted: bool = True) -> sp.csr_matrix:
        """The n x n adjacency matrix (tie weights, or ones)."""
        data = self.weight if weighted else np.ones(self.m)
        return sp.csr_matrix((data, (self.source, self.target)), shape=(self.n, self.n))

    def mutual_weights(self, weighted: bool = True) -> sp.csr_matrix:
        r"""The symmetric matrix :math:`a_{ij} + a_{ji}` (Burt's "mutual" tie strength)."""
        A = self.adjacency(weighted)
        return (A + A.T).tocsr()

    def undirected_edges(self, weighted: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        r"""Each connected pair once as ``(u, v, w)`` with ``u < v`` and :math:`w = a_{uv} + a_{vu}`."""
        M = sp.triu(self.mutual_weights(weighted), k=1).tocoo()
        return M.row.astype(np.int64), M.col.astype(np.int64), M.data.astype(np.float64)

    def igraph(self, weighted: bool = True) -> ig.Graph:
        """A directed igraph graph with the same node positions; edge attribute ``weight``.

        Built once per `weighted` and shared by every measure that asks (do not change it).
        Edges are handed over as a list of pairs and weights as an array: a numpy array of
        edges, or weights as a list, take several times longer to convert.
        """
        cache = self._igraph_cache
        if weighted not in cache:
            g = ig.Graph(n=self.n, edges=list(zip(self.source.tolist(), self.target.tolist())), directed=True)
            g.es["weight"] = self.weight if weighted else np.ones(self.m)
            cache[weighted] = g
        return cache[weighted]

    @cached_property
    def _igraph_cache(self) -> dict[bool, ig.Graph]:
        return {}

    def relabel(self, values: np.ndarray | Sequence[Any], name: str | None = None) -> pd.Series:
        """A Series indexed by node id."""
        return pd.Series(np.asarray(values), index=self.nodes, name=name)


@dataclass(frozen=True, eq=False)
class GroupCodes:
    """Each node's group as an integer code.

    Attributes
    ----------
    codes : numpy.ndarray of int64
        Per node position, an index into `labels`.
    labels : tuple of str
        Group names, sorted, with ``"(unknown)"`` last.
    grouping : str
        The node attribute the groups come from.
    """

    codes: np.ndarray
    labels: tuple[str, ...]
    grouping: str

    @property
    def k(self) -> int:
        """Number of groups."""
        return len(self.labels)

    @cached_property
    def sizes(self) -> np.ndarray:
        return np.bincount(self.codes, minlength=self.k)

    @classmethod
    @old_grouping_names
    def from_values(cls, values: Sequence[Any], grouping: str) -> GroupCodes:
        """Codes for a sequence of labels; empty values become ``"(unknown)"``."""
        clean = [_label(v) for v in values]
        labels = sorted(set(clean) - {UNKNOWN_GROUP})
        if UNKNOWN_GROUP in clean:
            labels.append(UNKNOWN_GROUP)
        lookup = {label: i for i, label in enumerate(labels)}
        codes = np.fromiter((lookup[v] for v in clean), dtype=np.int64, count=len(clean))
        return cls(codes, tuple(labels), grouping)


def _label(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return UNKNOWN_GROUP
    text = str(value)
    return text if text.strip() else UNKNOWN_GROUP


@old_grouping_names
def group_codes(G: nx.Graph, grouping: str = "department") -> GroupCodes:
    """Each node's group under the node attribute `grouping`, as integer codes.

    Nodes whose value is missing or empty form the group ``"(unknown)"``, as in
    :meth:`OrgNetwork.groups <ona.model.OrgNetwork.groups>`.

    Raises
    ------
    MissingAttributeError
        If no node has the attribute at all.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("a", {"department": "IT"}), ("b", {"department": None}), ("c", {"department": "HR"})])
    >>> groups = group_codes(G)
    >>> groups.labels, groups.codes.tolist()
    (('HR', 'IT', '(unknown)'), [1, 2, 0])
    """
    values = [G.nodes[v].get(grouping) for v in G.nodes]
    if G.number_of_nodes() and all(grouping not in G.nodes[v] for v in G.nodes):
        available = sorted({key for _, data in G.nodes(data=True) for key in data})
        raise MissingAttributeError(grouping, available)
    return GroupCodes.from_values(values, grouping)


def to_igraph(G: nx.Graph, weight: str | None = "weight") -> tuple[ig.Graph, pd.Index]:
    """Convert a networkx graph to a directed igraph graph.

    Returns the igraph graph (edge attribute ``weight``) and the node ids in
    igraph's vertex order.

    >>> g, nodes = to_igraph(nx.DiGraph([("a", "b")]))
    >>> g.vcount(), g.ecount(), list(nodes)
    (2, 1, ['a', 'b'])
    """
    arrays = TieArrays.from_graph(G, weight)
    return arrays.igraph(weighted=weight is not None), arrays.nodes


_IGRAPH_RNG_LOCK = threading.RLock()


@contextmanager
def seeded_igraph(seed: int | None) -> Iterator[None]:
    """Run igraph's randomised algorithms with a seeded generator, then restore the default.

    python-igraph draws its random numbers from a process-wide generator (by
    default Python's :mod:`random` module); this swaps in ``random.Random(seed)``
    for the duration of the block. A process-wide re-entrant lock serialises
    such blocks, so concurrent callers (Streamlit serves sessions in threads)
    cannot swap the generator under each other's feet.
    """
    with _IGRAPH_RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


class StepTimer:
    """Accumulates wall-clock and CPU seconds per named step; ``with timer("betweenness"): ...``.

    CPU seconds (:func:`time.process_time`) are less disturbed than wall-clock
    seconds when other programs share the machine.

    >>> timer = StepTimer()
    >>> with timer("nothing"):
    ...     pass
    >>> list(timer.seconds), list(timer.cpu_seconds)
    (['nothing'], ['nothing'])
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, step: str) -> Iterator[None]:
        start, cpu_start = perf_counter(), process_time()
        try:
            yield
        finally:
            self.seconds[step] = self.seconds.get(step, 0.0) + perf_counter() - start
            self.cpu_seconds[step] = self.cpu_seconds.get(step, 0.0) + process_time() - cpu_start
