r"""Seeded layouts and the smaller graphs that are drawn instead of a whole large network.

A drawing must look the same every time it is shown, so every layout here takes
a ``seed``. Small graphs use the Fruchterman-Reingold spring layout of networkx
[1]_; from :data:`IGRAPH_THRESHOLD` nodes on, igraph's compiled implementation
of the same algorithm is used (about 10x faster at 1,000 people; see ENGINES.md).

Networks with more than :data:`PERSON_LEVEL_LIMIT` people are too large to draw
person by person in a browser. They are drawn at group level first
(:func:`group_graph`: one node per department, edge width = number of ties),
with drill-down into one group and its bridges (:func:`focus_subgraph`) or one
person's ego network (:func:`ego_subgraph`).

References
----------
.. [1] Fruchterman, Thomas M. J., and Edward M. Reingold. 1991. "Graph Drawing
   by Force-Directed Placement." Software: Practice and Experience 21 (11):
   1129-64. https://doi.org/10.1002/spe.4380211102
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np

from ona.measures.engines import ig, seeded_igraph
from ona.exceptions import EmptyNetworkError, OnaError
from ona.measures.groups import group_graph, group_of  # moved down to the measures layer; re-exported
from ona.compat import old_grouping_names

__all__ = [
    "IGRAPH_THRESHOLD",
    "PERSON_LEVEL_LIMIT",
    "ego_subgraph",
    "focus_subgraph",
    "group_graph",
    "group_of",
    "group_positions",
    "seeded_layout",
]

#: From this many nodes on, :func:`seeded_layout` uses igraph instead of networkx.
IGRAPH_THRESHOLD = 400
#: Networks with more people than this open at group level in the app. Up to this size the whole
#: network is drawn person by person (``bench/browser_bench.py``: 5,000 people drawn in about 1 s and
#: answering hover and click within 100 ms, see BENCHMARKS.md).
PERSON_LEVEL_LIMIT = 5000

# igraph draws its random numbers from one process-wide generator; seeded layouts
# swap in their own generator (ona.measures.engines.seeded_igraph) one at a time.
_IGRAPH_RNG_LOCK = threading.Lock()

Position = tuple[float, float]


def group_positions(H: nx.Graph, *, scale: float = 320.0) -> dict[Hashable, Position]:
    """Groups on a circle in sorted order: few nodes, no overlap, the same picture every time.

    Used by the browser's department graph and by the static pictures, so both place the groups alike.

    Examples
    --------
    >>> pos = group_positions(nx.Graph([("IT", "HR")]))
    >>> sorted(pos), round(pos["HR"][0]), round(pos["IT"][0])
    (['HR', 'IT'], 320, -320)
    """
    if len(H) <= 1:
        return {n: (0.0, 0.0) for n in H}
    pos = nx.circular_layout(sorted(H.nodes), scale=scale)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def seeded_layout(
    G: nx.Graph,
    *,
    seed: int = 0,
    method: str = "auto",
    scale: float = 1000.0,
    iterations: int | None = None,
) -> dict[Hashable, Position]:
    r"""Node positions from a seeded Fruchterman-Reingold layout: the same seed gives the same drawing.

    The force-directed layout of Fruchterman and Reingold (1991) places
    connected nodes near each other: every pair of nodes repels with force
    :math:`k^2/d` and every edge attracts with force :math:`d^2/k`, where
    :math:`d` is the distance between the nodes and :math:`k` the ideal edge
    length [1]_. Edge direction and weight are ignored: the layout shows who is
    tied to whom.

    Parameters
    ----------
    G : NetworkX graph
        Not changed.
    seed : int, optional (default=0)
        Seed of the random starting positions.
    method : {"auto", "networkx", "igraph"}, optional (default="auto")
        ``"auto"`` uses networkx's ``spring_layout`` below
        :data:`IGRAPH_THRESHOLD` nodes and igraph's
        ``layout_fruchterman_reingold`` from there on.
    scale : float, optional (default=1000.0)
        Positions are centred on (0, 0) and scaled so that the largest
        coordinate is `scale` (pixel-like units for vis-network).
    iterations : int, optional
        Number of iterations; default 50 (networkx) or 500 (igraph).

    Returns
    -------
    dict
        Node -> (x, y) as plain floats.

    Raises
    ------
    OnaError
        If `method` is unknown.

    Notes
    -----
    Only the largest connected part of the network is laid out by force over
    the whole drawing. People without ties (isolates) and small separate
    groups would otherwise be pushed to the edge by the repulsion and squeeze
    everyone else into a corner, so they are placed beneath it instead: the
    small components, each laid out on its own and drawn with an area in
    proportion to its people, in rows from the largest down; then the
    isolates in a grid at the spacing of the main part (rows in node order).
    An empty graph gives ``{}`` and a single node sits at (0, 0). igraph uses
    one process-wide random number generator; during the call it is replaced
    by a ``random.Random(seed)`` under a lock and restored afterwards.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> pos = seeded_layout(G, seed=1)
    >>> pos == seeded_layout(G, seed=1)
    True
    >>> max(abs(c) for xy in pos.values() for c in xy)
    1000.0

    References
    ----------
    .. [1] Fruchterman, Thomas M. J., and Edward M. Reingold. 1991. "Graph
       Drawing by Force-Directed Placement." Software: Practice and Experience
       21 (11): 1129-64. https://doi.org/10.1002/spe.4380211102
    """
    if method not in ("auto", "networkx", "igraph"):
        raise OnaError(f"Unknown layout method {method!r}; use 'auto', 'networkx' or 'igraph'.")
    nodes = list(G.nodes)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    components, edges_of = _components(len(nodes), pairs)
    coords = np.zeros((len(nodes), 2))
    main, others = (components[0], components[1:]) if len(components[0]) >= 2 else (None, components)
    if main is not None:
        use_igraph = method == "igraph" or (method == "auto" and len(main) >= IGRAPH_THRESHOLD)
        coords[main] = _unit(_force_layout(main, edges_of(main), seed=seed, iterations=iterations,
                                           use_igraph=use_igraph))
        main_size = len(main)
        top = float(coords[main, 1].max())
        left, right = float(coords[main, 0].min()), float(coords[main, 0].max())
    else:
        main_size = 1
        top = 0.0
        right = max(1.0, float(np.sqrt(sum(len(c) for c in others))) / 4.0)
        left = -right
    width = right - left
    small = [c for c in others if len(c) >= 2]
    alone = np.array([c[0] for c in others if len(c) == 1], dtype=np.int64)
    spacing = 2.0 / np.sqrt(max(main_size, 1)) if main is not None else width / max(1, int(np.ceil(np.sqrt(len(alone)))))
    gap = max(spacing, 0.04) if main is not None else spacing
    y = top + (gap if main is not None else 0.0)
    if small:
        shapes = [
            _unit(_force_layout(c, edges_of(c), seed=seed + k + 1, iterations=iterations, use_igraph=len(c) >= 4))
            * (0.5 * np.sqrt(len(c) / max(main_size, 1)) if main is not None else 0.5 * np.sqrt(len(c)) / 4)
            for k, c in enumerate(small)
        ]
        y = _shelves(coords, small, shapes, left=left, right=right, top=y, gap=gap) + gap
    if len(alone):
        columns = max(1, int(width / spacing) + 1) if main is not None else max(1, int(np.ceil(np.sqrt(len(alone)))))
        columns = min(columns, len(alone))
        rank = np.arange(len(alone))
        row, column = rank // columns, rank % columns
        span = (columns - 1) * spacing
        coords[alone, 0] = (left + right) / 2 - span / 2 + column * spacing
        coords[alone, 1] = y + row * spacing
    coords -= coords.mean(axis=0)
    extent = float(np.abs(coords).max())
    if extent > 0:
        coords *= scale / extent
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, coords)}


def _components(n: int, pairs: np.ndarray) -> tuple[list[np.ndarray], Any]:
    """Connected components as arrays of node positions, largest first (ties: lowest first position),
    and a function giving a component's edges in its own numbering (0.. in the order of its members)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    components = sorted(np.split(order, cuts), key=lambda c: (-len(c), int(c[0])))
    local = np.empty(n, dtype=np.int64)
    for members in components:
        local[members] = np.arange(len(members))
    by_component = np.argsort(label[pairs[:, 0]], kind="stable") if len(pairs) else np.zeros(0, dtype=np.int64)
    edge_label = label[pairs[by_component, 0]] if len(pairs) else np.zeros(0, dtype=np.int64)

    def edges_of(members: np.ndarray) -> np.ndarray:
        c = label[members[0]]
        lo, hi = np.searchsorted(edge_label, c), np.searchsorted(edge_label, c, side="right")
        return local[pairs[by_component[lo:hi]]]

    return components, edges_of


def _unit(coords: np.ndarray) -> np.ndarray:
    """Centred on (0, 0) with the largest coordinate 1 (a single point stays at 0)."""
    coords = coords - coords.mean(axis=0)
    extent = float(np.abs(coords).max()) if len(coords) else 0.0
    return coords / extent if extent > 0 else coords


def _force_layout(members: np.ndarray, local_edges: np.ndarray, *, seed: int, iterations: int | None,
                  use_igraph: bool) -> np.ndarray:
    """Fruchterman-Reingold positions of one connected component (its edges numbered 0.. like `members`)."""
    k = len(members)
    if k == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]])
    edges = np.unique(np.sort(local_edges, axis=1), axis=0)
    if use_igraph:
        graph = ig.Graph(n=k, edges=list(zip(edges[:, 0].tolist(), edges[:, 1].tolist())))
        with _IGRAPH_RNG_LOCK, seeded_igraph(seed):
            layout = graph.layout_fruchterman_reingold(niter=iterations or 500)
        return np.array(layout.coords, dtype=float)
    undirected = nx.Graph()
    undirected.add_nodes_from(range(k))
    undirected.add_edges_from(zip(edges[:, 0].tolist(), edges[:, 1].tolist()))
    pos = nx.spring_layout(undirected, seed=seed, iterations=iterations or 50)
    return np.array([pos[i] for i in range(k)], dtype=float)


def _shelves(coords: np.ndarray, components: list[np.ndarray], shapes: list[np.ndarray], *, left: float,
             right: float, top: float, gap: float) -> float:
    """Place each component's shape left to right in rows below `top`; returns the bottom of the last row."""
    x, y, row = left, top, 0.0
    for members, shape in zip(components, shapes):
        lo, hi = shape.min(axis=0), shape.max(axis=0)
        w, h = hi - lo
        if x > left and x + w > right:
            x, y, row = left, y + row + gap, 0.0
        coords[members] = shape - lo + np.array([x, y])
        x += w + gap
        row = max(row, h)
    return y + row


@old_grouping_names
def focus_subgraph(
    G: nx.Graph, group: str, grouping: str = "department", *, bridges: bool = True
) -> nx.Graph:
    """One group's members plus, with `bridges`, everyone outside it they have a tie with.

    This is drill-down from the group level: the group's internal network and
    the people who connect it to the rest of the organisation. Ties among the
    outside people are left out, so only the group's own ties are shown.

    Parameters
    ----------
    G : NetworkX graph
        Not changed.
    group : str
        A group label as returned by :func:`group_of`.
    grouping : str, optional (default="department")
    bridges : bool, optional (default=True)
        Include the outside ends of the group's cross-group ties.

    Returns
    -------
    NetworkX graph
        A new graph of the same type with copies of the node and edge data; its
        ``graph["focus"]`` names `group`.

    Raises
    ------
    EmptyNetworkError
        If nobody in `G` belongs to `group`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT"}, "department")
    >>> F = focus_subgraph(G, "HR")
    >>> sorted(F.nodes), sorted(F.edges)
    (['a', 'b', 'c'], [('a', 'b'), ('b', 'c')])
    """
    labels = group_of(G, grouping)
    members = {n for n, g in labels.items() if g == group}
    if not members:
        known = ", ".join(sorted(set(labels.values())))
        raise EmptyNetworkError(f"Nobody belongs to the {grouping} {group!r}. Pick one of: {known}.")
    F = G.__class__()
    F.graph.update(G.graph, focus=group, grouping=grouping)
    F.add_nodes_from((n, dict(G.nodes[n])) for n in members)
    for u, v, data in G.edges(data=True):
        if (u in members and v in members) or (bridges and (u in members or v in members)):
            for n in (u, v):
                if n not in F:
                    F.add_node(n, **dict(G.nodes[n]))
            F.add_edge(u, v, **dict(data))
    return F


def ego_subgraph(G: nx.Graph, person: Hashable, *, radius: int = 1) -> nx.Graph:
    """A person's ego network: everyone within `radius` ties (either direction) and the ties among them.

    Parameters
    ----------
    G : NetworkX graph
        Not changed.
    person : node
        The ego.
    radius : int, optional (default=1)
        Steps from the ego, ignoring direction.

    Returns
    -------
    NetworkX graph
        A new graph (copies of node and edge data) with ``graph["ego"]`` set.

    Raises
    ------
    OnaError
        If `person` is not in `G`.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> sorted(ego_subgraph(G, "b").nodes)
    ['a', 'b', 'c']
    """
    if person not in G:
        raise OnaError(f"{person!r} is not in the network. Pick someone on the roster.")
    E = nx.ego_graph(G, person, radius=radius, undirected=True).copy()
    E.graph["ego"] = person
    return E

