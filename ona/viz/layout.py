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

import networkx as nx
import numpy as np

from ona.measures.engines import ig, seeded_igraph
from ona.exceptions import EmptyNetworkError, OnaError
from ona.measures.groups import group_graph, group_of  # moved down to the measures layer; re-exported

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
#: Networks with more people than this open at group level in the app.
PERSON_LEVEL_LIMIT = 1500

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
    People without ties (isolates) would be pushed to the edge of the drawing
    and squeeze everyone else into a corner, so they are placed in a row below
    the connected part instead. An empty graph gives ``{}`` and a single node
    sits at (0, 0). igraph uses
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
    tied = {n for edge in G.edges() if edge[0] != edge[1] for n in edge[:2]}
    connected = [n for n in nodes if n in tied]
    isolates = [n for n in nodes if n not in tied]
    if len(connected) < 2:  # nothing to lay out by force: everyone in a row
        connected, isolates = [], nodes
        coords = np.zeros((0, 2))
    elif method == "igraph" or (method == "auto" and len(connected) >= IGRAPH_THRESHOLD):
        coords = _igraph_layout(G, connected, seed=seed, iterations=iterations or 500)
    else:
        undirected = nx.Graph()
        undirected.add_nodes_from(connected)
        undirected.add_edges_from((u, v) for u, v in G.edges() if u != v)
        pos = nx.spring_layout(undirected, seed=seed, iterations=iterations or 50)
        coords = np.array([pos[n] for n in connected], dtype=float)
    if len(coords):
        coords = coords - coords.mean(axis=0)
        extent = float(np.abs(coords).max())
        if extent > 0:
            coords = coords * (scale / extent)
    positions = {n: (float(x), float(y)) for n, (x, y) in zip(connected, coords)}
    positions.update(_row_below(isolates, coords, scale))
    return {n: positions[n] for n in nodes}


def _row_below(nodes: list[Hashable], coords: np.ndarray, scale: float) -> dict[Hashable, Position]:
    """Isolated people in a row under the drawing, so they do not push the rest into a corner."""
    if not nodes:
        return {}
    y = float(coords[:, 1].max()) + 0.15 * scale if len(coords) else 0.0
    if len(nodes) == 1:
        return {nodes[0]: (0.0, y)}
    xs = np.linspace(-scale, scale, len(nodes))
    return {n: (float(x), y) for n, x in zip(nodes, xs)}


def _igraph_layout(G: nx.Graph, nodes: list[Hashable], *, seed: int, iterations: int) -> np.ndarray:
    index = {n: i for i, n in enumerate(nodes)}
    edges = {tuple(sorted((index[u], index[v]))) for u, v in G.edges() if u != v}
    graph = ig.Graph(n=len(nodes), edges=sorted(edges))
    with _IGRAPH_RNG_LOCK, seeded_igraph(seed):
        layout = graph.layout_fruchterman_reingold(niter=iterations)
    return np.array(layout.coords, dtype=float)


def focus_subgraph(
    G: nx.Graph, group: str, attribute: str = "department", *, bridges: bool = True
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
    attribute : str, optional (default="department")
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
    labels = group_of(G, attribute)
    members = {n for n, g in labels.items() if g == group}
    if not members:
        known = ", ".join(sorted(set(labels.values())))
        raise EmptyNetworkError(f"Nobody belongs to the {attribute} {group!r}. Pick one of: {known}.")
    F = G.__class__()
    F.graph.update(G.graph, focus=group, attribute=attribute)
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

