"""Tests for ona.viz.layout: seeded layouts, the group-level graph and drill-down subgraphs.

Expected values are hand-checked on the tiny network of conftest.py; the group
graph is also compared with ona.measures.groups.group_matrix, an independent
implementation over tie arrays, on the municipality sample.
"""

from __future__ import annotations

import math

import networkx as nx
import pytest

from ona import OrgNetwork, samples
from ona.exceptions import EmptyNetworkError, MissingAttributeError, OnaError
from ona.measures.groups import group_matrix
from ona.viz.layout import IGRAPH_THRESHOLD, ego_subgraph, focus_subgraph, group_graph, group_of, seeded_layout


def _snapshot(G: nx.Graph) -> tuple:
    return (sorted(G.nodes(data=True)), sorted(G.edges(data=True)), dict(G.graph))


# -- seeded_layout ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["networkx", "igraph"])
def test_layout_is_reproducible_and_depends_on_the_seed(method: str) -> None:
    G = nx.gnm_random_graph(60, 150, seed=3)
    first = seeded_layout(G, seed=7, method=method)
    assert first == seeded_layout(G, seed=7, method=method)
    assert first != seeded_layout(G, seed=8, method=method)
    assert set(first) == set(G.nodes)
    assert all(isinstance(c, float) for xy in first.values() for c in xy)


def test_layout_is_centred_and_scaled() -> None:
    G = nx.cycle_graph(10)
    pos = seeded_layout(G, seed=0, scale=500.0)
    xs, ys = zip(*pos.values())
    assert max(abs(c) for c in xs + ys) == pytest.approx(500.0)
    assert sum(xs) / len(xs) == pytest.approx(0.0, abs=1e-9)
    assert sum(ys) / len(ys) == pytest.approx(0.0, abs=1e-9)


def test_auto_switches_to_igraph_for_large_graphs() -> None:
    G = nx.gnm_random_graph(IGRAPH_THRESHOLD, IGRAPH_THRESHOLD * 3, seed=1)
    G.remove_nodes_from(list(nx.isolates(G)))
    assert seeded_layout(G, seed=2) == seeded_layout(G, seed=2, method="igraph")


def test_isolates_sit_in_a_row_below_the_connected_part() -> None:
    G = nx.path_graph(["a", "b", "c", "d"])
    G.add_nodes_from(["x", "y"])
    pos = seeded_layout(G, seed=0)
    lowest = max(pos[n][1] for n in "abcd")
    assert pos["x"][1] == pos["y"][1] > lowest  # vis-network draws larger y lower
    assert pos["x"][0] < pos["y"][0]


def test_layout_edge_cases() -> None:
    assert seeded_layout(nx.Graph()) == {}
    assert seeded_layout(nx.Graph([("a", "a")])) == {"a": (0.0, 0.0)}
    assert seeded_layout(nx.empty_graph(["p", "q"])) == {"p": (-1000.0, 0.0), "q": (1000.0, 0.0)}


def test_layout_leaves_the_graph_alone_and_accepts_frozen_graphs(tiny_network: OrgNetwork) -> None:
    G = tiny_network.graph("advice")
    before = _snapshot(G)
    seeded_layout(G, seed=1)
    assert _snapshot(G) == before


def test_unknown_method() -> None:
    with pytest.raises(OnaError, match="'auto', 'networkx' or 'igraph'"):
        seeded_layout(nx.path_graph(3), method="spring")


# -- group_graph ------------------------------------------------------------------------------------


def test_group_graph_hand_checked(tiny_network: OrgNetwork) -> None:
    # advice: a->b, b->a (inside HR), b->c (HR -> IT), c->d (inside IT); e has no department and no ties.
    H = group_graph(tiny_network.graph("advice"))
    assert sorted(H.nodes) == ["(unknown)", "HR", "IT"]
    assert dict(H.nodes["HR"]) == {"people": 2, "respondents": 2, "internal_ties": 2, "label": "HR"}
    assert dict(H.nodes["IT"]) == {"people": 2, "respondents": 2, "internal_ties": 1, "label": "IT"}
    assert dict(H.nodes["(unknown)"]) == {"people": 1, "respondents": 0, "internal_ties": 0, "label": "(unknown)"}
    assert list(H.edges(data=True)) == [("HR", "IT", {"ties": 1, "weight": 1.0})]
    assert group_graph(tiny_network.graph("advice"), weight="weight")["HR"]["IT"]["weight"] == 2.0


def test_group_graph_matches_group_matrix_on_the_municipality() -> None:
    G = samples.load("municipality").graph("collaboration")
    H = group_graph(G)
    matrix = group_matrix(G)
    for g in matrix.index:
        assert H.nodes[g]["internal_ties"] == matrix.at[g, g]
        for h in matrix.columns:
            if g != h:
                assert (H[g][h]["ties"] if H.has_edge(g, h) else 0) == matrix.at[g, h]
    assert sum(d["people"] for _, d in H.nodes(data=True)) == 250


def test_group_graph_needs_the_attribute() -> None:
    G = nx.DiGraph([("a", "b")])
    with pytest.raises(MissingAttributeError, match="'department'"):
        group_graph(G)


def test_group_of_labels_empty_values_unknown() -> None:
    G = nx.Graph()
    G.add_nodes_from([("a", {"department": " "}), ("b", {"department": math.nan}), ("c", {"department": "IT"})])
    assert group_of(G) == {"a": "(unknown)", "b": "(unknown)", "c": "IT"}


# -- drill-down ------------------------------------------------------------------------------------


def test_focus_subgraph_keeps_the_group_and_its_bridges(tiny_network: OrgNetwork) -> None:
    G = tiny_network.graph("advice")
    F = focus_subgraph(G, "IT")
    assert sorted(F.nodes) == ["b", "c", "d"]  # b is HR's end of the bridge b -> c
    assert sorted(F.edges) == [("b", "c"), ("c", "d")]  # a <-> b is HR-internal and left out
    assert F.nodes["b"]["department"] == "HR" and F.graph["focus"] == "IT"
    inside = focus_subgraph(G, "IT", bridges=False)
    assert sorted(inside.nodes) == ["c", "d"] and sorted(inside.edges) == [("c", "d")]


def test_focus_subgraph_unknown_group(tiny_network: OrgNetwork) -> None:
    with pytest.raises(EmptyNetworkError, match="Pick one of: \\(unknown\\), HR, IT"):
        focus_subgraph(tiny_network.graph("advice"), "Finance")


def test_ego_subgraph_ignores_direction(tiny_network: OrgNetwork) -> None:
    G = tiny_network.graph("advice")
    assert sorted(ego_subgraph(G, "c").nodes) == ["b", "c", "d"]
    assert sorted(ego_subgraph(G, "c", radius=2).nodes) == ["a", "b", "c", "d"]
    E = ego_subgraph(G, "c")
    E.add_node("new")  # a copy: the frozen source graph is not touched
    assert "new" not in G and E.graph["ego"] == "c"


def test_ego_subgraph_unknown_person(tiny_network: OrgNetwork) -> None:
    with pytest.raises(OnaError, match="'zz' is not in the network"):
        ego_subgraph(tiny_network.graph("advice"), "zz")


def _main_with_fragments() -> nx.Graph:
    """A 200-person main part, 12 small groups of 2-6 people and 40 people without ties."""
    G = nx.connected_watts_strogatz_graph(200, 6, 0.1, seed=4)
    start = 200
    for k in range(12):
        size = 2 + k % 5
        G.add_edges_from((start + i, start + i + 1) for i in range(size - 1))
        start += size
    G.add_nodes_from(range(start, start + 40))
    return G


def test_small_components_and_isolates_sit_beneath_without_shrinking_the_main_part() -> None:
    G = _main_with_fragments()
    pos = seeded_layout(G, seed=3)
    main = [n for n in range(200)]
    rest = [n for n in G if n >= 200]
    main_y = [pos[n][1] for n in main]
    main_x = [pos[n][0] for n in main]
    assert min(pos[n][1] for n in rest) > max(main_y)  # everything else is below the main part
    all_x = [xy[0] for xy in pos.values()]
    all_y = [xy[1] for xy in pos.values()]
    # The main part keeps the full width and most of the height of the drawing.
    assert (max(main_x) - min(main_x)) >= 0.95 * (max(all_x) - min(all_x))
    assert (max(main_y) - min(main_y)) >= 0.6 * (max(all_y) - min(all_y))
    # A small group is drawn together: its members are closer to each other than the drawing is wide.
    pair = [n for n in rest if G.degree(n) > 0][:2]
    assert math.dist(pos[pair[0]], pos[pair[1]]) < 0.1 * (max(all_x) - min(all_x))
    assert pos == seeded_layout(G, seed=3)


def test_isolates_form_a_grid_at_the_spacing_of_the_main_part() -> None:
    G = nx.cycle_graph(100)
    G.add_nodes_from(range(100, 400))
    pos = seeded_layout(G, seed=0)
    rows = sorted({round(pos[n][1], 6) for n in range(100, 400)})
    assert 2 <= len(rows) < 300  # a grid, not one long row nor one column
    assert min(pos[n][1] for n in range(100, 400)) > max(pos[n][1] for n in range(100))
