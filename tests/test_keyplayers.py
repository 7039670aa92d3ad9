"""Key players (Borgatti 2006): the measures against networkx, the search against brute force.

Expected values come from hand-checked graphs (worked out in the comments) and from an independent
brute-force search written here with networkx: every set of k people, each measure computed from
networkx's components and shortest paths.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np
import pytest

from ona import OnaError, samples
from ona.measures import keyplayers as kp
from ona.measures.engines import TieArrays
from ona.measures.keyplayers import fragmentation, key_players, reach

# -- an independent implementation -------------------------------------------------------------------


def _measure(H: nx.Graph, S: tuple, objective: str, A: set | None = None, B: set | None = None) -> float:
    rest = H.subgraph(set(H) - set(S))
    if objective == "reach":
        targets = set(H) if A is None else A | B
        d = nx.multi_source_dijkstra_path_length(H, set(S))
        return sum(1.0 if d.get(j) == 0 else (1.0 / d[j] if j in d else 0.0) for j in targets) / len(targets)
    A = set(rest) if A is None else A - set(S)
    B = set(rest) if B is None else B - set(S)
    possible = sum(1 for a in A for b in B if a != b)
    if objective == "fragmentation":
        connected = 0
        for component in nx.connected_components(rest):
            connected += sum(1 for a in A & component for b in B & component if a != b)
        return 1 - connected / possible
    lengths = dict(nx.all_pairs_shortest_path_length(rest))
    harmonic = sum(1 / lengths[a][b] for a in A for b in B if a != b and b in lengths[a])
    return 1 - harmonic / possible


def _brute_force(G: nx.Graph, k: int, objective: str, A=None, B=None) -> tuple[float, list[set]]:
    H = nx.Graph(G)
    values = {S: _measure(H, S, objective, A, B) for S in combinations(H.nodes, k)}
    best = max(values.values())
    return best, [set(S) for S, v in values.items() if v == pytest.approx(best, abs=1e-12)]


def _two_triangles() -> nx.Graph:
    # a-b-c and d-e-f are triangles; c - m - d joins them.
    return nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "m"), ("m", "d"), ("d", "e"), ("e", "f"), ("f", "d")])


def _star_of_stars() -> nx.Graph:
    # hub h, spokes s1-s3, each spoke with two leaves.
    G = nx.Graph()
    for i in range(1, 4):
        G.add_edge("h", f"s{i}")
        G.add_edges_from([(f"s{i}", f"l{i}a"), (f"s{i}", f"l{i}b")])
    return G


# -- the measures ----------------------------------------------------------------------------------


def test_fragmentation_and_reach_hand_checked():
    G = _star_of_stars()
    # Without h: three stars of 3 -> sum s(s-1) = 18 over 9 * 8 = 72 pairs: F = 0.75.
    assert fragmentation(G, ["h"]) == pytest.approx(0.75)
    # Without s1: two leaves alone and 7 people together: 42 / 72 -> F = 30 / 72.
    assert fragmentation(G, ["s1"]) == pytest.approx(30 / 72)
    # Reach of {h}: itself 1, three spokes at 1, six leaves at 2 -> (1 + 3 + 3) / 10.
    assert reach(G, ["h"]) == pytest.approx(0.7)
    assert reach(G, ["s1", "s2", "s3"]) == pytest.approx(1.0)


@pytest.mark.parametrize("seed", range(4))
def test_measures_equal_networkx(seed):
    G = nx.gnp_random_graph(18, 0.15, seed=seed)
    H = nx.Graph(G)
    rng = np.random.default_rng(seed)
    for removed in ([], [int(x) for x in rng.choice(18, 3, replace=False)]):
        assert fragmentation(G, removed) == pytest.approx(_measure(H, tuple(removed), "fragmentation"))
        assert fragmentation(G, removed, distance=True) == pytest.approx(
            _measure(H, tuple(removed), "distance_fragmentation")
        )
    S = tuple(int(x) for x in rng.choice(18, 2, replace=False))
    assert reach(G, S) == pytest.approx(_measure(H, S, "reach"))


@pytest.mark.parametrize("seed", range(6))
def test_every_single_removal_at_once_equals_recomputing(seed):
    # The block-cut tree gives the connected pairs after removing each person; recompute each directly.
    G = nx.gnp_random_graph(60, 0.04, seed=seed)  # sparse: many articulation points and small components
    G.add_edges_from([(60, 61), (61, 62)])  # a path: its middle person is an articulation point
    problem = kp._Problem.of(TieArrays.from_graph(G, None))
    keep = np.ones(problem.n, dtype=bool)
    keep[[5, 17]] = False
    connected, after = kp._pairs_after_each_removal(problem, keep)
    assert np.isnan(after[[5, 17]]).all()
    H = nx.Graph(G)
    nodes = list(G.nodes)
    for x in range(problem.n):
        if not keep[x]:
            continue
        rest = H.subgraph(set(nodes) - {nodes[5], nodes[17], nodes[x]})
        expected = sum(len(c) * (len(c) - 1) for c in nx.connected_components(rest))
        assert after[x] == expected, nodes[x]


# -- the search ------------------------------------------------------------------------------------


@pytest.mark.parametrize("objective", ["fragmentation", "distance_fragmentation", "reach"])
@pytest.mark.parametrize("k", [1, 2, 3])
def test_exhaustive_search_equals_brute_force_on_random_graphs(objective, k):
    for seed in range(3):
        G = nx.gnp_random_graph(12, 0.22, seed=seed)
        best, sets = _brute_force(G, k, objective)
        result = key_players(G, k, objective=objective)
        assert result.search == "exhaustive" and result.complete
        assert result.value == pytest.approx(best)
        assert set(result.people) in sets


@pytest.mark.parametrize(
    ("graph", "k", "objective", "expected", "value"),
    [
        # Two triangles: without m they fall apart (6 + 6 of 30 ordered pairs left: F = 0.6).
        (_two_triangles, 1, "fragmentation", {"m"}, 0.6),
        # Without c and d: {a, b}, {m}, {e, f}: 4 of 20 ordered pairs left, F = 0.8.
        (_two_triangles, 2, "fragmentation", {"c", "d"}, 0.8),
        # Star of stars: the hub, then the spokes.
        (_star_of_stars, 1, "fragmentation", {"h"}, 0.75),
        (_star_of_stars, 3, "fragmentation", {"s1", "s2", "s3"}, 1.0),
        (_star_of_stars, 3, "reach", {"s1", "s2", "s3"}, 1.0),
        (_star_of_stars, 1, "reach", {"h"}, 0.7),
    ],
)
def test_greedy_swap_search_equals_brute_force_on_hand_checked_graphs(monkeypatch, graph, k, objective, expected,
                                                                     value):
    G = graph()
    best, sets = _brute_force(G, k, objective)
    assert best == pytest.approx(value) and expected in sets
    monkeypatch.setattr(kp, "EXHAUSTIVE_STEPS_UP_TO", 0)  # force Borgatti's search
    result = key_players(G, k, objective=objective)
    assert result.search == "greedy+swap" and result.complete
    assert set(result.people) in sets and result.value == pytest.approx(best)


@pytest.mark.parametrize("seed", range(3))
def test_swaps_improve_a_poor_start(seed, monkeypatch):
    # Borgatti's swaps from random starting sets reach the brute-force optimum on a small planted graph.
    monkeypatch.setattr(kp, "EXHAUSTIVE_STEPS_UP_TO", 0)
    G = nx.connected_caveman_graph(4, 5)
    best, sets = _brute_force(G, 2, "fragmentation")
    result = key_players(G, 2, restarts=3, seed=seed)
    assert result.value == pytest.approx(best) and set(result.people) in sets


def test_pair_of_groups_hand_checked():
    # Sales {a, b, c} and IT {d, e, f} meet only through m (Facilities) and, more weakly, through x - y.
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "m"), ("m", "d"), ("d", "e"), ("e", "f"), ("a", "x"), ("x", "y"),
                  ("y", "f")])
    department = {**dict.fromkeys("abc", "Sales"), **dict.fromkeys("def", "IT"), "m": "Facilities",
                  "x": "Facilities", "y": "Facilities"}
    nx.set_node_attributes(G, department, "department")
    A, B = set("abc"), set("def")
    for k, objective in ((1, "fragmentation"), (2, "fragmentation"), (2, "reach")):
        best, sets = _brute_force(G, k, objective, A, B)
        result = key_players(G, k, objective=objective, groups=("Sales", "IT"))
        assert result.groups == ("Sales", "IT")
        assert result.value == pytest.approx(best) and set(result.people) in sets
    two = key_players(G, 2, groups=("Sales", "IT"))
    # Two people separate the groups completely: Sales' two outward contacts a and c (the first such set
    # in node order; m with x or y does it too): the 3 pairs left between b and IT are all cut.
    assert two.people == ("a", "c") and two.value == pytest.approx(1.0)
    assert two.pairs_connected == 3 and two.pairs_cut == 3
    assert {"m", "x"} in _brute_force(G, 2, "fragmentation", A, B)[1]


def test_result_reports_effect_baseline_and_contributions():
    G = _two_triangles()
    result = key_players(G, 1)
    assert result.people == ("m",) and result.before == pytest.approx(0.0)
    assert result.pairs_connected == 15 and result.pairs_cut == 9 and result.share_cut == pytest.approx(0.6)
    assert result.contributions == {"m": pytest.approx(0.6)}
    # The person with the most ties (c or d, three each) cuts less than m.
    assert result.degree_value < result.value


def test_time_limit_stops_the_search_and_says_so(monkeypatch):
    monkeypatch.setattr(kp, "EXHAUSTIVE_STEPS_UP_TO", 0)
    G = samples.load("lazega").graph("cowork")
    result = key_players(G, 3, objective="reach", time_limit=0)
    assert not result.complete and len(result.people) == 3


def test_same_input_same_set():
    G = samples.load("municipality").graph("advice")
    first = key_players(G, 3, seed=1)
    assert first == key_players(G, 3, seed=1)
    assert first.search == "greedy+swap" and first.complete and len(set(first.people)) == 3


def test_errors_say_what_to_do():
    G = _two_triangles()
    with pytest.raises(OnaError, match="choose 'fragmentation'"):
        key_players(G, 2, objective="betweenness")
    with pytest.raises(OnaError, match="between 1 and"):
        key_players(G, 7)
    nx.set_node_attributes(G, "Sales", "department")
    with pytest.raises(OnaError, match="no department 'IT'") as caught:
        key_players(G, 1, groups=("Sales", "IT"))
    assert "IT" in caught.value.message("nl")
    big = nx.path_graph(kp.DISTANCE_FRAGMENTATION_UP_TO + 1)
    with pytest.raises(OnaError, match="up to"):
        key_players(big, 1, objective="distance_fragmentation")
