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


def test_person_table_marks_the_key_players_who_cut_something():
    from ona.measures.metrics import person_table

    # Two teams of four that meet only through m; the best three to remove are b, d and e (exhaustive search:
    # d and e cut m off and split the teams); the column marks the fewest of them that cut as many pairs: d or e
    # alone cuts 15 of the 28 pairs of the other eight (a-b-c-d or a-b-c, m with the other ring, f-g-h), as
    # many as d and e together cut of the other seven's 21. A complete graph has none.
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("d", "m"), ("m", "e"), ("e", "f"),
                    ("f", "g"), ("g", "h"), ("h", "e")])
    nx.set_node_attributes(G, "X", "department")
    marked = person_table(G)["key_player"]
    result = key_players(G, 3)
    assert marked.dtype == bool and set(marked[marked].index) == set(result.cutting)
    assert set(result.cutting) in ({"d"}, {"e"})
    assert kp.fragmentation_cut_arrays(TieArrays.from_graph(G, None), [list(G).index(result.cutting[0])]) == (28, 15)
    K = nx.complete_graph(8, create_using=nx.DiGraph)
    nx.set_node_attributes(K, "X", "department")
    assert not person_table(K)["key_player"].any()


def _two_teams_net(respondents=None):
    import pandas as pd

    from ona import OrgNetwork

    # Two teams of six (complete inside) that meet only through m and n; everyone in department X.
    people = [f"a{i}" for i in range(6)] + [f"b{i}" for i in range(6)] + ["m", "n"]
    roster = pd.DataFrame({"name": [p.upper() for p in people], "department": "X"}, index=pd.Index(people, name="id"))
    pairs = [(f"{team}{i}", f"{team}{j}") for team in "ab" for i in range(6) for j in range(6) if i != j]
    pairs += [("a0", "m"), ("m", "a0"), ("m", "n"), ("n", "m"), ("n", "b0"), ("b0", "n")]
    ties = pd.DataFrame({"source": [p[0] for p in pairs], "target": [p[1] for p in pairs], "relation": "advice",
                         "weight": 1.0})
    if respondents is not None:  # a non-respondent's own ties are unknown
        ties = ties[ties["source"].isin(respondents)]
    return OrgNetwork(roster, ties, respondents=respondents)


def test_find_findings_reports_the_people_who_hold_the_organisation_together():
    from ona.findings import find_findings, findings_to_markdown

    found = [f for f in find_findings(_two_teams_net()) if f.kind == "key_player"]
    assert len(found) == 1
    finding = found[0]
    # By Borgatti's fragmentation the best three to remove are a0, a1 and b0 (it also cuts m and n off and
    # leaves the parts more even); the finding names those the cut needs: a0 and b0 (a1 cuts no pair off).
    assert finding.people == ("a0", "b0") and finding.level == "high" and finding.evidence["k"] == 2
    assert finding.evidence["pairs_cut"] >= 25 and finding.confidence is not None
    assert "houden de organisatie bij elkaar" in finding.text["nl"] and "A0 en B0" in finding.text["nl"]
    assert "hold the organisation together" in finding.text["en"]
    assert "Sleutelfiguur" in findings_to_markdown([finding], "nl")


def test_with_low_response_the_key_player_finding_names_nobody():
    from ona.findings import find_findings

    net = _two_teams_net(respondents=["a0", "a1", "b0", "m", "n"])
    found = [f for f in find_findings(net) if f.kind == "key_player"]
    assert found and all(f.people == () for f in found)
    assert all("A0" not in f.text["en"] and "people hold the organisation together" in f.text["en"] for f in found)


def test_the_people_with_the_most_ties_are_compared_hand_checked():
    # Two triangles joined through m (degrees: c and d 3, m 2). Removing c (the first of the two with three ties)
    # leaves a-b and m-d-e-f: of the 15 connected pairs of the six others, 1 + 6 stay, 8 are cut; m cuts 9.
    G = _two_triangles()
    result = key_players(G, 1)
    assert result.degree_people == ("c",) and result.degree_pairs_cut == 8
    assert result.degree_share_cut == pytest.approx(8 / 15)
    # Reach: c has a, b and m next to it (4 with itself) and d two steps away (5 of 7).
    result = key_players(G, 1, objective="reach")
    assert result.people == ("c",) and result.reached == (4, 5) and result.targets == 7
    # Two people reach everyone directly; the two with the most ties (c, d) too.
    result = key_players(G, 2, objective="reach")
    assert result.reached == (7, 7) and result.degree_people == ("c", "d") and result.degree_reached == (7, 7)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reached_counts_equal_networkx(seed):
    G = nx.gnp_random_graph(40, 0.06, seed=seed)
    result = key_players(G, 3, objective="reach")
    d = nx.multi_source_dijkstra_path_length(G, set(result.people))
    assert result.reached == (sum(1 for v in G if v in d and d[v] <= 1), sum(1 for v in G if v in d and d[v] <= 2))
    # a pair of groups: only their members count
    A, B = set(range(0, 10)), set(range(10, 20))
    nx.set_node_attributes(G, {v: "A" if v in A else "B" if v in B else "C" for v in G}, "department")
    result = key_players(G, 2, objective="reach", groups=("A", "B"))
    d = nx.multi_source_dijkstra_path_length(G, set(result.people))
    assert result.targets == 20
    assert result.reached == tuple(sum(1 for v in A | B if v in d and max(d[v], 1) <= s) for s in (1, 2))


def test_files_do_not_depend_on_the_speed_of_the_machine(monkeypatch):
    # The person table's key_player column and the key-player finding are bounded by search steps, not by
    # seconds: with a clock that runs a thousand seconds per reading, they come out the same.
    from ona.findings.keyplayers import key_player_detections
    from ona.measures.metrics import key_player_mask_arrays

    monkeypatch.setattr(kp, "EXHAUSTIVE_STEPS_UP_TO", 0)  # the swap search, also on a small network
    arrays = TieArrays.from_graph(samples.load("municipality").graph("advice"), None)
    mask, found = key_player_mask_arrays(arrays, seed=0), key_player_detections(arrays, seed=0)
    ticks = iter(range(0, 10**9, 1000))
    monkeypatch.setattr(kp, "perf_counter", lambda: float(next(ticks)))
    assert key_player_mask_arrays(arrays, seed=0).tolist() == mask.tolist()
    slow = key_player_detections(arrays, seed=0)
    assert [(d.people, d.evidence) for d in slow] == [(d.people, d.evidence) for d in found]
    assert found and mask.sum() > 0


def test_find_findings_reuses_the_analysis_key_player_search_and_finds_the_same(monkeypatch):
    # `ona analyze` searches the key players once (in analyze's second process); find_findings given that
    # Analysis reuses the set, and its findings are exactly those of a search of its own.
    from ona.findings import find_findings
    from ona.measures.analysis import analyze

    net = samples.load("municipality")
    result = analyze(net, relations=["advice"], n_permutations=9, stability_runs=2, workers=1)
    known = result.key_players["advice"]
    assert known is not None and known.search_key
    assert set(result.people.index[result.people["advice_key_player"]]) == set(known.cutting)
    alone = find_findings(net, relations=["advice"])
    searches = []
    original = kp.key_players_arrays
    monkeypatch.setattr(kp, "key_players_arrays", lambda *a, **kw: searches.append(1) or original(*a, **kw))
    reused = find_findings(net, relations=["advice"], analysis=result)
    assert searches == []  # the key-player set was not searched again
    assert [(f.kind, f.people, f.evidence, f.text) for f in reused] == [(f.kind, f.people, f.evidence, f.text)
                                                                        for f in alone]
    # Other ties (here: another seed, or another relation) are searched anew, never mixed up.
    other = find_findings(net, relations=["advice"], analysis=result, seed=1)
    assert searches and all(f.kind != "key_player" or f.evidence["search"] for f in other)
    assert kp.file_key_players_arrays(TieArrays.from_network(net, "trust"), 3, known=[known]) is not known


def test_the_members_a_cut_needs_are_named_also_when_only_all_together_cut():
    # Two teams of five joined by a chain a0 - x - y - b0. The set {x, y} cuts the teams apart (25 of the
    # 45 pairs of the ten others), but neither member alone reconnects a pair when it comes back (x only
    # touches team a and y): the old rule named nobody. Leaving out x first, y alone still cuts all 25
    # pairs, so y is the one to name; leaving y out then cuts nothing, so y stays.
    G = nx.complete_graph([f"a{i}" for i in range(5)])
    G.add_edges_from(nx.complete_graph([f"b{i}" for i in range(5)]).edges())
    G.add_edges_from([("a0", "x"), ("x", "y"), ("y", "b0")])
    arrays = TieArrays.from_graph(G, None)
    members = np.sort(arrays.nodes.get_indexer(["x", "y"]))
    problem = kp._Problem.of(arrays, None, None)
    assert kp.fragmentation_cut_arrays(arrays, members) == (45, 25)
    x_first = [int(np.flatnonzero(members == arrays.nodes.get_loc("x"))[0]),
               int(np.flatnonzero(members == arrays.nodes.get_loc("y"))[0])]
    assert arrays.nodes[kp._needed_for_cut(problem, members, x_first)].tolist() == ["y"]
    # A well-connected set of people cuts nothing: nobody is needed.
    K = TieArrays.from_graph(nx.complete_graph(6), None)
    assert len(kp._needed_for_cut(kp._Problem.of(K, None, None), np.array([0, 1]), [0, 1])) == 0


@pytest.mark.parametrize("seed", range(6))
def test_the_named_members_cut_as_many_pairs_as_the_whole_set(seed):
    # On random sparse graphs (exhaustive search, k = 3): the members named (cutting) are never empty when the
    # set cuts a pair, and removing just them cuts at least as many pairs of the others as the whole set.
    from ona.findings.keyplayers import find_key_players

    G = nx.gnp_random_graph(22, 0.12, seed=seed)
    result = key_players(G, 3)
    if result.pairs_cut == 0:
        assert result.cutting == ()
        return
    assert result.cutting and set(result.cutting) <= set(result.people)
    arrays = TieArrays.from_graph(G, None)
    named = arrays.nodes.get_indexer(list(result.cutting))
    assert kp.fragmentation_cut_arrays(arrays, named)[1] >= result.pairs_cut
    # The finding's figures are those of the people it names, beside as many best-connected people.
    for d in find_key_players(G, k=3):
        named = arrays.nodes.get_indexer([int(p) for p in d.people])  # findings name people by str(id)
        assert (d.evidence["pairs_connected"], d.evidence["pairs_cut"]) == kp.fragmentation_cut_arrays(arrays, named)
        assert d.evidence["k"] == len(d.people)
