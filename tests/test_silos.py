"""Tests for the detectors in ona.findings.detectors.

Where the expected values come from is said per test: small graphs worked out
by hand, the published figures of the synthetic municipality
(``sample_networks/municipality/README.md``), or an independent pandas
computation.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from ona import OrgNetwork, samples
from ona.exceptions import OnaError
from ona.measures.groups import ei_index
from ona.findings.detectors import (
    Detection,
    Thresholds,
    cross_group_ties,
    evidence_weight,
    find_carriers,
    find_fragile_bridges,
    find_gaps,
    find_isolated,
    find_one_sided_trust,
    find_overloaded,
    find_silos,
    matches_any,
)

PLANTED = json.loads(
    (Path(__file__).resolve().parents[1] / "sample_networks" / "municipality" / "planted.json").read_text("utf-8")
)
DECLARED = [
    ("Ruimte & Wonen", "Publiekszaken", "Omgevingswet"),
    ("Sociaal Domein", "Publiekszaken", "Sociaal loket"),
    ("Bedrijfsvoering", "Concernstaf", "Planning & control"),
    ("Sociaal Domein", "Ruimte & Wonen", "Wijkaanpak"),
]
FAST = Thresholds(silo_permutations=200)


def all_relations_graph(net: OrgNetwork) -> nx.DiGraph:
    """Every relation together; edge weight = number of relations in which the tie occurs."""
    G = nx.DiGraph()
    G.add_nodes_from(net.node_attributes())
    for (s, t), n in net.ties.groupby(["source", "target"]).size().items():
        G.add_edge(s, t, weight=float(n))
    return G


@pytest.fixture(scope="module")
def municipality() -> OrgNetwork:
    return samples.load("municipality", wave="2025")


@pytest.fixture(scope="module")
def municipality_all(municipality: OrgNetwork) -> nx.DiGraph:
    return all_relations_graph(municipality)


def cliques(spec: dict[str, int]) -> nx.DiGraph:
    """A directed clique per group; node names are group + number."""
    G = nx.DiGraph()
    for group, size in spec.items():
        members = [f"{group}{i}" for i in range(size)]
        G.add_nodes_from(members, department=group)
        G.add_edges_from((u, v) for u in members for v in members if u != v)
    return G


def random_graph(seed: int, n: int = 120, p: float = 0.05, groups: str = "ABCDE") -> nx.DiGraph:
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    labels = rng.choice(list(groups), n)
    roles = np.where(rng.random(n) < 0.15, "Teamleider", "Medewerker")
    for v in G:
        G.nodes[v].update(department=str(labels[v]), role=str(roles[v]), team=f"T{v % 12}", responded=True)
    return nx.relabel_nodes(G, {v: f"p{v}" for v in G})


# -- helpers --------------------------------------------------------------------------------------------


def test_evidence_weight_runs_from_p_01_to_p_0001() -> None:
    assert evidence_weight(0.2) == 0.0
    assert evidence_weight(0.1) == 0.0
    assert evidence_weight(0.01) == pytest.approx(0.5)
    assert evidence_weight(0.001) == pytest.approx(1.0)
    assert evidence_weight(0.0) == 1.0


def test_matches_any_ignores_case_and_missing_values() -> None:
    assert matches_any("Afdelingshoofd", ("hoofd",))
    assert matches_any("TEAM LEAD", ("lead",))
    assert not matches_any(None, ("lead",))
    assert not matches_any(float("nan"), ("lead",))


def test_thresholds_validate_bridge_size() -> None:
    with pytest.raises(OnaError, match="bridge_max_people must be 1, 2 or 3"):
        Thresholds(bridge_max_people=5)
    with pytest.raises(OnaError, match="max_undeclared must be a whole number of at least 0, or None"):
        Thresholds(max_undeclared=-1)
    assert Thresholds(manager_roles="chef").manager_roles == ("chef",)


def test_detection_normalises_its_fields() -> None:
    d = Detection("gap", np.float64(1.2345), ["A", "B"], [1])
    assert d.severity == 1.0 and type(d.severity) is float
    assert d.groups == ("A", "B") and d.people == ("1",)


# -- mixing -----------------------------------------------------------------------------------------------


def test_cross_group_ties_by_hand() -> None:
    # HR = {a, b}, IT = {c, d}; ties a->b, b->a, c->d, d->c, a->c.
    # Sent: HR 3, IT 2; received: HR 2, IT 3; T = 5.
    # E(HR->IT) = 3*3/5 = 1.8, E(IT->HR) = 2*2/5 = 0.8, together 2.6; observed 1.
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("a", "c")])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT"}, "department")
    row = cross_group_ties(G).iloc[0]
    assert (row["group_a"], row["group_b"], row["ties_ab"], row["ties_ba"]) == ("HR", "IT", 1, 0)
    assert (row["expected_ab"], row["expected_ba"], row["expected"]) == pytest.approx((1.8, 0.8, 2.6))
    assert row["ratio"] == pytest.approx(1 / 2.6)


def test_cross_group_ties_match_the_published_municipality_figures(municipality_all: nx.DiGraph) -> None:
    # sample_networks/municipality/README.md: ties over all relations, both directions, and
    # expected = out_i*in_j/total + out_j*in_i/total.
    table = cross_group_ties(municipality_all, weight="weight")
    rows = {frozenset((a, b)): r for a, b, r in zip(table["group_a"], table["group_b"], table.itertuples())}
    gap = rows[frozenset(("Ruimte & Wonen", "Publiekszaken"))]
    assert gap.ties == 2 and gap.expected == pytest.approx(217.6, abs=0.05)
    bridge = rows[frozenset(("Sociaal Domein", "Publiekszaken"))]
    assert bridge.ties == 8 and bridge.expected == pytest.approx(245.9, abs=0.05)
    assert rows[frozenset(("Sociaal Domein", "Ruimte & Wonen"))].ties == 129
    assert rows[frozenset(("Sociaal Domein", "Ruimte & Wonen"))].ratio == pytest.approx(0.36, abs=0.005)
    assert rows[frozenset(("Bedrijfsvoering", "Concernstaf"))].ties == 71
    assert rows[frozenset(("Bedrijfsvoering", "Concernstaf"))].ratio == pytest.approx(0.79, abs=0.005)


def test_cross_group_ties_agree_with_an_independent_pandas_computation() -> None:
    net = samples.load("lazega")
    table = cross_group_ties(net.graph("advice"))
    ties = net.ties_of("advice")
    office = net.groups("department")
    crosstab = pd.crosstab(ties["source"].map(office), ties["target"].map(office))
    total, out, inc = crosstab.to_numpy().sum(), crosstab.sum(axis=1), crosstab.sum(axis=0)
    for row in table.itertuples():
        a, b = row.group_a, row.group_b
        assert row.ties == crosstab.loc[a, b] + crosstab.loc[b, a]
        assert row.expected == pytest.approx(out[a] * inc[b] / total + out[b] * inc[a] / total, abs=1e-3)


# -- silo ---------------------------------------------------------------------------------------------------


def test_a_closed_group_is_a_silo_and_mixing_groups_are_not() -> None:
    # A: clique of 6 with one tie out (I = 30, E = 1, E-I = -29/31 = -0.935);
    # B and C: cliques of 6 with 36 ties between them (E-I of B = (36 + 1 - 30)/(67) > 0).
    G = cliques({"A": 6, "B": 6, "C": 6})
    G.add_edges_from((f"B{i}", f"C{j}") for i in range(6) for j in range(6))
    G.add_edge("A0", "B0")
    found = find_silos(G, thresholds=FAST, seed=1)
    assert [d.groups for d in found] == [("A",)]
    silo = found[0]
    assert silo.evidence["ei_index"] == pytest.approx(-29 / 31, abs=1e-4)
    assert (silo.evidence["internal_ties"], silo.evidence["external_ties"]) == (30, 1)
    assert silo.evidence["p_value"] < 0.05 and silo.evidence["community_overlap"] == 1.0
    assert silo.severity == 1.0  # E-I below -0.9, and its outside share is far below the others'


def test_a_silo_split_into_two_teams_still_counts() -> None:
    # A consists of two closed teams of 5 (Louvain finds each team); B and C mix.
    G = cliques({"A": 0, "B": 6, "C": 6})
    for team in ("x", "y"):
        members = [f"A{team}{i}" for i in range(5)]
        G.add_nodes_from(members, department="A")
        G.add_edges_from((u, v) for u in members for v in members if u != v)
    G.add_edges_from((f"B{i}", f"C{j}") for i in range(6) for j in range(6))
    G.add_edge("Ax0", "B0")
    found = find_silos(G, thresholds=FAST, seed=1)
    assert [d.groups for d in found] == [("A",)]
    assert found[0].evidence["community_overlap"] == 1.0


def test_when_every_group_is_closed_no_group_is_singled_out() -> None:
    # Four cliques of 6, each with two ties out: every E-I is about -0.88, so the
    # relative effect (outside share against the typical group's) is 0.
    G = cliques({g: 6 for g in "ABCD"})
    G.add_edges_from([("A0", "B0"), ("B1", "C1"), ("C2", "D2"), ("D3", "A3")])
    assert find_silos(G, thresholds=FAST, seed=1) == []


def test_a_big_group_in_a_random_network_is_no_silo() -> None:
    # 90% of people in one group: its E-I is very negative by size alone, and the
    # permutation test says so.
    rng = np.random.default_rng(3)
    G = nx.gnp_random_graph(100, 0.08, seed=3, directed=True)
    nx.set_node_attributes(G, {v: "Big" if rng.random() < 0.9 else "Small" for v in G}, "department")
    assert ei_index(G)["Big"] <= Thresholds().silo_max_ei  # a candidate by its E-I ...
    assert find_silos(G, thresholds=FAST, seed=1) == []  # ... but not closed beyond what its size explains


def test_municipality_silo_is_openbare_ruimte(municipality_all: nx.DiGraph) -> None:
    found = {d.groups[0]: d for d in find_silos(municipality_all, thresholds=FAST, seed=0)}
    assert found[PLANTED["silo"]].severity >= 0.6
    # README: -0.936 over all relations counting ties per relation; here a tie in
    # several relations counts once (as the permutation test needs), giving -0.923.
    assert found[PLANTED["silo"]].evidence["ei_index"] == pytest.approx(-0.923, abs=0.001)
    assert all(d.severity < 0.6 for g, d in found.items() if g != PLANTED["silo"])


def test_no_silos_in_random_networks() -> None:
    for seed in range(3):
        assert all(d.severity < 0.6 for d in find_silos(random_graph(seed), thresholds=FAST, seed=seed))


# -- gap ----------------------------------------------------------------------------------------------------


def two_teams(cross: list[tuple[int, int]]) -> nx.DiGraph:
    """Teams A = 0..3 and B = 4..7, cliques inside, plus the given cross ties."""
    G = nx.complete_graph(8, nx.DiGraph)
    G.remove_edges_from([(u, v) for u in range(8) for v in range(8) if (u < 4) != (v < 4)])
    G.add_edges_from(cross)
    nx.set_node_attributes(G, {i: "A" if i < 4 else "B" for i in range(8)}, "department")
    return G


def test_declared_pair_with_one_tie_is_a_one_way_gap() -> None:
    # 24 inside ties + 1 cross tie: T = 25, A sends 13 and receives 12, B sends 12 and receives 13.
    # E = 13*13/25 + 12*12/25 = 12.52; with two groups the benchmark is random mixing (b = 1).
    found = find_gaps(two_teams([(0, 4)]), expected=[("A", "B")])
    assert len(found) == 1
    gap = found[0]
    assert gap.groups == ("A", "B")
    assert gap.evidence["ties"] == 1 and gap.evidence["expected"] == pytest.approx(12.52)
    assert gap.evidence["ratio"] == pytest.approx(1 / 12.52, abs=1e-3)
    assert gap.evidence["one_way"] == ["A", "B"]
    # P(X <= 1 | Poisson(12.52)) is about 5e-5, so the evidence weight is 1
    assert gap.severity == pytest.approx(1 - 1 / 12.52, abs=1e-3)
    assert gap.people == ()  # a gap is about groups


def test_undeclared_pairs_are_not_gaps_when_expectations_are_declared() -> None:
    G = two_teams([(0, 4)])
    nx.set_node_attributes(G, {0: "A", 1: "A", 2: "C", 3: "C"}, "department")
    assert find_gaps(G, expected=[("A", "C")], thresholds=Thresholds(min_group_size=2)) == []


def test_without_declarations_gaps_have_lower_confidence() -> None:
    found = find_gaps(two_teams([(0, 4)]))
    assert len(found) == 1
    assert found[0].evidence["declared"] is False
    assert found[0].severity <= Thresholds().undeclared_factor


def test_a_healthy_declared_pair_is_no_gap() -> None:
    G = two_teams([(u, v) for u in range(4) for v in range(4, 8)] + [(v, u) for u in range(4) for v in range(4, 8)])
    assert find_gaps(G, expected=[("A", "B")]) == []


def test_municipality_gap_with_its_two_planted_ties(municipality_all: nx.DiGraph) -> None:
    found = {frozenset(d.groups): d for d in find_gaps(municipality_all, expected=DECLARED, weight="weight")}
    gap = found[frozenset(PLANTED["gap"])]
    assert gap.severity >= 0.6
    assert gap.groups == ("Ruimte & Wonen", "Publiekszaken")  # in the declared order
    assert gap.evidence["ties"] == 2 and gap.evidence["expected_random"] == pytest.approx(217.6, abs=0.05)
    assert gap.evidence["one_way"] == ["Ruimte & Wonen", "Publiekszaken"]
    # README: both planted ties run from Ruimte & Wonen to Publiekszaken
    assert (gap.evidence["ties_ab"], gap.evidence["ties_ba"]) == (len(PLANTED["gap_detail"]["ties"]), 0)
    healthy = {frozenset(("Bedrijfsvoering", "Concernstaf")), frozenset(("Sociaal Domein", "Ruimte & Wonen"))}
    assert not healthy & set(found)


# -- fragile bridge ---------------------------------------------------------------------------------------


def liaison(m: int) -> nx.DiGraph:
    """Teams A and B of four, whose only cross ties are person 0 with m people of B, both ways (2m ties)."""
    return two_teams([(0, 4 + j) for j in range(m)] + [(4 + j, 0) for j in range(m)])


def test_three_cross_ties_through_one_person_are_a_gap_carried_by_that_person() -> None:
    # 24 inside + 3 cross: E = 13.72 (A sends 14, receives 13; B sends 13, receives 14), 3 is 22% of it:
    # the teams work side by side, and the few ties they have run through person 0.
    G = two_teams([(0, 4), (5, 0), (0, 6)])
    gaps = find_gaps(G, expected=[("A", "B")])
    assert [(d.groups, d.people, d.evidence["ties"]) for d in gaps] == [(("A", "B"), (), 3)]
    assert gaps[0].evidence["carriers"] == ["0"] and gaps[0].evidence["carried_share"] == 1.0
    assert find_fragile_bridges(G, expected=[("A", "B")]) == []  # the pair is told once, as a gap
    carriers = find_carriers(G)
    assert carriers[["group_a", "group_b", "people", "covered", "ties"]].values.tolist() == [["A", "B", ("0",), 3, 3]]


def test_a_liaison_carrying_the_expected_volume_is_a_bridge() -> None:
    # 0 tied both ways with all four of B: 8 cross ties, T = 32, every group sends and receives 16,
    # so E = 16*16/32 * 2 = 16 and the ratio is 8/16 = 0.5: not below gap_max_ratio, so no gap.
    G = liaison(4)
    found = find_fragile_bridges(G, expected=[("A", "B")])
    assert [(d.groups, d.people, d.severity) for d in found] == [(("A", "B"), ("0",), 1.0)]
    assert found[0].evidence["partners"] == {"0": 4}
    assert found[0].evidence["covered"] == 8 and found[0].evidence["share"] == 1.0
    assert found[0].evidence["expected"] == pytest.approx(16.0) and found[0].evidence["ratio"] == 0.5
    assert find_gaps(G, expected=[("A", "B")]) == []


def test_the_boundary_between_gap_and_bridge() -> None:
    # 3 ties each way through 0: T = 30, E = 15*15/30 * 2 = 15, ratio 6/15 = 0.4 < 0.5 and P(X <= 6) = 0.008: a gap.
    # 4 each way (the test above): ratio 0.5, a bridge. Both are carried by 0 alone; only the volume decides.
    assert cross_group_ties(liaison(3))[["ties", "expected"]].values.tolist() == [[6.0, 15.0]]
    below = find_gaps(liaison(3), expected=[("A", "B")])
    assert [(d.evidence["ratio"], d.evidence["carriers"]) for d in below] == [(0.4, ["0"])]
    assert find_fragile_bridges(liaison(3), expected=[("A", "B")]) == []
    assert [d.kind for d in find_fragile_bridges(liaison(4), expected=[("A", "B")])] == ["fragile_bridge"]
    # just below the boundary with a tighter threshold the same pair flips
    tight = Thresholds(gap_max_ratio=0.51)
    assert [d.evidence["carriers"] for d in find_gaps(liaison(4), expected=[("A", "B")], thresholds=tight)] == [["0"]]
    assert find_fragile_bridges(liaison(4), expected=[("A", "B")], thresholds=tight) == []


def test_an_undeclared_pair_short_of_ties_is_no_bridge() -> None:
    # Without declarations the thin pair is an undeclared gap (lower confidence), still not a bridge.
    G = two_teams([(0, 4), (5, 0), (0, 6)])
    assert find_fragile_bridges(G) == []
    assert [(d.evidence["declared"], d.evidence["carriers"]) for d in find_gaps(G)] == [(False, ["0"])]


def test_two_people_carrying_most_ties_and_the_undeclared_discount() -> None:
    # 0 (in A) tied both ways with 4, 5, 6 and 6 (in B) tied both ways with 1, 2: 10 cross ties, 8 of them (80%)
    # through 0 and 6 together ... plus 3->7 and 7->3: 12 ties, 0 and 6 take part in 10 (83%).
    G = two_teams([(0, 4), (4, 0), (0, 5), (5, 0), (0, 6), (6, 0), (6, 1), (1, 6), (6, 2), (2, 6), (3, 7), (7, 3)])
    ties, expected = cross_group_ties(G)[["ties", "expected"]].values[0]
    assert ties / expected >= 0.5  # the volume is no gap
    declared = find_fragile_bridges(G, expected=[("A", "B")])
    assert [(d.people, d.evidence["covered"]) for d in declared] == [(("0", "6"), 10)]
    assert declared[0].severity == pytest.approx(round(10 / 12 * 0.85, 3))
    # Undeclared, the same pair needs company: with two groups it is the weakest pair there is (an undeclared
    # gap). Beside a third team C with one tie to each, A-B is the best-connected pair, and a bridge.
    G.add_nodes_from(range(8, 12), department="C")
    G.add_edges_from((u, v) for u in range(8, 12) for v in range(8, 12) if u != v)
    G.add_edges_from([(8, 1), (9, 5)])
    undeclared = [d for d in find_fragile_bridges(G) if d.evidence["scope"] == "pair"]
    assert [(d.groups, d.people) for d in undeclared] == [(("A", "B"), ("0", "6"))]
    assert undeclared[0].severity == pytest.approx(round(0.5 * 10 / 12 * 0.85, 3))


def test_ties_spread_over_many_people_are_no_bridge() -> None:
    G = two_teams([(0, 4), (1, 5), (2, 6), (3, 7), (4, 1), (5, 2)])
    assert find_fragile_bridges(G, expected=[("A", "B")]) == []


def test_a_bridge_may_not_be_half_of_a_group() -> None:
    # Group B has 2 members; the one carrying all ties is half of B: that is B, not a bridge.
    G = cliques({"A": 6, "B": 2})
    G.add_edges_from([("A0", "B0"), ("B0", "A1"), ("A2", "B0")])
    assert find_fragile_bridges(G, expected=[("A", "B")], thresholds=Thresholds(min_group_size=2)) == []


def test_a_group_connected_to_the_rest_through_one_person() -> None:
    G = cliques({"A": 6, "B": 6, "C": 6})
    G.add_edges_from((f"B{i}", f"C{j}") for i in range(6) for j in range(6))
    G.add_edges_from([("A0", "B0"), ("C1", "A0"), ("A0", "C2"), ("B3", "A0")])
    rest = [d for d in find_fragile_bridges(G) if d.evidence["scope"] == "rest"]
    assert [(d.groups, d.people) for d in rest] == [(("A",), ("A0",))]
    assert rest[0].severity == pytest.approx(Thresholds().rest_factor)


def test_municipality_sociaal_loket_is_a_gap_carried_by_jan_de_vries(municipality_all: nx.DiGraph) -> None:
    # README: every one of the 8 ties between Sociaal Domein and Publiekszaken runs through Jan de Vries,
    # where about 54 would be expected: the two work side by side, and he carries the little there is.
    pair = frozenset(PLANTED["fragile_bridge"]["groups"])
    gaps = {frozenset(d.groups): d for d in find_gaps(municipality_all, expected=DECLARED, weight="weight")}
    gap = gaps[pair]
    assert gap.severity >= 0.6
    assert gap.evidence["ties"] == 8 and gap.evidence["carriers"] == PLANTED["fragile_bridge"]["people"]
    assert gap.evidence["carried_share"] == 1.0
    bridges = find_fragile_bridges(municipality_all, expected=DECLARED, weight="weight")
    assert pair not in {frozenset(d.groups) for d in bridges}
    carried = find_carriers(municipality_all, weight="weight")
    row = carried.loc[carried["group_a"].isin(pair) & carried["group_b"].isin(pair)].iloc[0]
    assert row["people"] == tuple(PLANTED["fragile_bridge"]["people"]) and row["ties"] == 8
    assert all(d.severity < 0.6 for d in bridges)


def brute_force_bridge(G: nx.DiGraph, groups: set[str], th: Thresholds) -> tuple[int, float] | None:
    """Independent check: try every set of up to ``bridge_max_people`` people of the two groups (itertools).

    Returns (size, covered ties) of the smallest set covering ``bridge_min_share``
    of the cross ties, with fewer than half of any group's members, or None.
    """
    dept = nx.get_node_attributes(G, "department")
    cross = [(u, v) for u, v in G.edges if {dept[u], dept[v]} == groups]
    if len(cross) < th.bridge_min_ties:
        return None
    size = {g: sum(1 for d in dept.values() if d == g) for g in groups}
    people = sorted({p for tie in cross for p in tie})
    for k in range(1, th.bridge_max_people + 1):
        best = None
        for combo in itertools.combinations(people, k):
            if any(sum(dept[p] == g for p in combo) >= size[g] / 2 for g in groups):
                continue
            covered = sum(1 for u, v in cross if u in combo or v in combo)
            if covered >= th.bridge_min_share * len(cross) - 1e-9 and (best is None or covered > best):
                best = covered
        if best is not None:
            return k, float(best)
    return None


@pytest.mark.parametrize("seed", range(6))
def test_bridges_agree_with_a_brute_force_search(seed: int) -> None:
    # Sparse cross ties between six groups, so that some pairs have bridges of one, two or three people.
    rng = np.random.default_rng(seed)
    G = cliques({g: int(rng.integers(4, 9)) for g in "ABCDEF"})
    members = {g: [v for v, d in G.nodes(data="department") if d == g] for g in "ABCDEF"}
    for a, b in itertools.combinations("ABCDEF", 2):
        hubs = rng.choice(members[a], 2), rng.choice(members[b], 2)
        for _ in range(int(rng.integers(0, 7))):
            u = hubs[0][0] if rng.random() < 0.6 else rng.choice(members[a])
            v = hubs[1][int(rng.random() < 0.3)] if rng.random() < 0.7 else rng.choice(members[b])
            G.add_edge(*((u, v) if rng.random() < 0.5 else (v, u)))
    for people in (1, 2, 3):
        th = Thresholds(bridge_max_people=people, bridge_min_share=0.75, max_undeclared=None)
        found = {frozenset((row.group_a, row.group_b)): row for row in find_carriers(G, thresholds=th).itertuples()}
        for a, b in itertools.combinations("ABCDEF", 2):
            expected = brute_force_bridge(G, {a, b}, th)
            d = found.get(frozenset((a, b)))
            assert (None if d is None else (len(d.people), float(d.covered))) == expected, (a, b, people)


def bridged_pairs(n_pairs: int) -> nx.DiGraph:
    """2 * n_pairs cliques of five; groups G2i and G2i+1 are linked by three ties through one person."""
    G = cliques({f"G{i:02d}": 5 for i in range(2 * n_pairs)})
    for i in range(n_pairs):
        a, b = f"G{2 * i:02d}", f"G{2 * i + 1:02d}"
        G.add_edges_from([(f"{a}0", f"{b}0"), (f"{b}1", f"{a}0"), (f"{a}0", f"{b}2")])
    return G


def test_undeclared_bridges_and_gaps_are_capped_declared_ones_never() -> None:
    G = bridged_pairs(12)  # 12 undeclared bridges; 276 pairs, most without any tie
    pairs = [d for d in find_fragile_bridges(G) if d.evidence["scope"] == "pair"]
    assert len(pairs) == Thresholds().max_undeclared == 10
    everything = find_fragile_bridges(G, thresholds=Thresholds(max_undeclared=None))
    assert len([d for d in everything if d.evidence["scope"] == "pair"]) == 12
    assert find_fragile_bridges(G, thresholds=Thresholds(max_undeclared=0)) == [
        d for d in everything if d.evidence["scope"] != "pair"]
    # the ten reported are the most severe, here all equal, then by group name
    assert [d.groups for d in pairs] == [(f"G{2 * i:02d}", f"G{2 * i + 1:02d}") for i in range(10)]
    declared = [(f"G{2 * i:02d}", f"G{2 * i + 1:02d}") for i in range(12)]
    assert sum(d.evidence["scope"] == "pair" for d in find_fragile_bridges(G, expected=declared)) == 12
    # Gaps: 24 cliques of eight; the 144 pairs (i, j) with i + j odd have six ties, the others none (the typical
    # group has about three ties with each other group: none is a gap).
    G = cliques({f"G{i:02d}": 8 for i in range(24)})
    G.add_edges_from((f"G{i:02d}{k}", f"G{j:02d}{k}") for i, j in itertools.combinations(range(24), 2)
                     if (i + j) % 2 for k in range(6))
    assert len(find_gaps(G, thresholds=Thresholds(max_undeclared=None))) == 132
    weakest = find_gaps(G)
    assert len(weakest) == 10 and all(d.evidence["ties"] == 0 for d in weakest)
    without_ties = [(f"G{i:02d}", f"G{j:02d}") for i, j in itertools.combinations(range(24), 2) if not (i + j) % 2]
    assert len(find_gaps(G, expected=without_ties[:15])) == 15


# -- one-sided trust -----------------------------------------------------------------------------------------


def test_staff_trust_in_a_manager_not_returned() -> None:
    G = nx.DiGraph([(f"s{i}", "m") for i in range(5)])
    G.add_edges_from((f"s{i}", f"s{j}") for i in range(5) for j in range(5) if i != j)
    nx.set_node_attributes(G, {**{f"s{i}": "Medewerker" for i in range(5)}, "m": "Teamleider"}, "role")
    nx.set_node_attributes(G, "Team", "department")
    found = find_one_sided_trust(G, thresholds=Thresholds(trust_min_ties=5))
    assert len(found) == 1
    e = found[0].evidence
    # 5 ties to the manager, none returned; the 20 staff-staff ties are all returned
    assert (e["ties"], e["returned"], e["share_returned_elsewhere"], e["ratio"]) == (5, 0, 1.0, 0.0)
    assert (e["from_class"], e["to_class"], e["from_roles"], e["to_roles"]) == (
        "staff", "managers", ["Medewerker"], ["Teamleider"])
    # P(K <= 0 | Binomial(5, 1.0)) = 0, so the evidence weight is 1
    assert found[0].severity == 1.0


def test_trust_with_non_respondents_is_left_out() -> None:
    # Same as above, but the manager did not respond: the staff's ties to them
    # could never be seen returned, so nothing is reported.
    G = nx.DiGraph([(f"s{i}", "m") for i in range(5)])
    G.add_edges_from((f"s{i}", f"s{j}") for i in range(5) for j in range(5) if i != j)
    nx.set_node_attributes(G, {**{f"s{i}": "Medewerker" for i in range(5)}, "m": "Teamleider"}, "role")
    nx.set_node_attributes(G, "Team", "department")
    nx.set_node_attributes(G, {"m": False}, "responded")
    assert find_one_sided_trust(G, thresholds=Thresholds(trust_min_ties=5)) == []


def test_group_pairs_are_checked_too() -> None:
    # 12 trust ties from X to Y, none returned; inside X and inside Y everything is mutual.
    G = cliques({"X": 4, "Y": 4})
    G.add_edges_from((f"X{i}", f"Y{j}") for i in range(4) for j in range(3))
    found = find_one_sided_trust(G, role_attribute=None, thresholds=Thresholds(trust_min_ties=10))
    assert [(d.groups, d.evidence["ties"], d.evidence["returned"]) for d in found] == [(("X", "Y"), 12, 0)]


def test_municipality_trust_from_staff_to_managers(municipality: OrgNetwork) -> None:
    found = [d for d in find_one_sided_trust(municipality.graph("trust")) if d.severity >= 0.6]
    assert len(found) == 1
    e = found[0].evidence
    planted = PLANTED["one_sided_trust"]
    assert set(planted["from_roles"]) == set(e["from_roles"])
    assert set(planted["to_roles"]) <= set(e["to_roles"])  # plus the Gemeentesecretaris
    assert e["share_returned"] == pytest.approx(0.054, abs=0.01)  # README: 0.048 over all staff-to-manager ties


def test_no_one_sided_trust_in_random_networks() -> None:
    for seed in range(3):
        assert all(d.severity < 0.6 for d in find_one_sided_trust(random_graph(seed)))


# -- isolated ------------------------------------------------------------------------------------------------


def test_isolated_respondents_but_never_non_respondents() -> None:
    G = nx.DiGraph([(f"p{i}", f"p{(i + 1) % 30}") for i in range(30)])
    G.add_nodes_from(["loner", "silent"])
    nx.set_node_attributes(G, "IT", "department")
    nx.set_node_attributes(G, {"silent": False}, "responded")
    found = find_isolated(G)
    assert [d.people for d in found] == [("loner",)]
    # 0.9 * (1 - (1/31) / 0.1) * (mean degree 60/31 over 6)
    assert found[0].severity == pytest.approx(0.9 * (1 - (1 / 31) / 0.1) * (60 / 31) / 6, abs=1e-3)


def test_many_isolates_are_no_finding() -> None:
    G = nx.DiGraph([("a", "b")])
    G.add_nodes_from(f"x{i}" for i in range(5))
    nx.set_node_attributes(G, "IT", "department")
    assert find_isolated(G) == []


def test_a_team_without_ties_to_the_rest() -> None:
    # Teams T1..T4 of 5 with ties inside and between them; team Z of 4 only inside.
    G = nx.DiGraph()
    teams = {f"T{k}": [f"t{k}{i}" for i in range(5)] for k in range(4)}
    teams["Z"] = [f"z{i}" for i in range(4)]
    for team, members in teams.items():
        G.add_nodes_from(members, team=team, department="D")
        G.add_edges_from((u, v) for u in members for v in members if u != v)
    for k in range(4):
        G.add_edges_from((f"t{k}{i}", f"t{(k + 1) % 4}{i}") for i in range(5))
    found = find_isolated(G)
    assert [(d.evidence["scope"], d.evidence["team"], d.evidence["internal_ties"]) for d in found] == [
        ("team", "Z", 12)]
    # typical (median) team: 20 ties inside, 10 out -> share 1/3, so mu = 12 * (1/3)/(2/3) = 6,
    # p = e^-6 = 0.0025 and severity 0.8 * w(p) = 0.8 * (-log10(p) - 1) / 2
    assert found[0].evidence["expected_outside"] == pytest.approx(6.0)
    assert found[0].severity == pytest.approx(0.8 * (6 / np.log(10) - 1) / 2, abs=1e-3)


def test_municipality_advice_isolates(municipality: OrgNetwork) -> None:
    found = find_isolated(municipality.graph("advice"))
    assert len(found) == 1 and set(found[0].people) == set(PLANTED["isolates"]["people"])
    assert found[0].severity >= 0.6
    assert find_isolated(municipality.graph("trust")) == []


# -- overloaded --------------------------------------------------------------------------------------------


def test_the_person_everyone_asks() -> None:
    # A ring of 100 (in-degree 1 each) in which p2..p11 get a second tie, and 15 people ask 'guru'.
    # Others: mean 1.1, sd sqrt(9/99) = 0.3015, so z = (15 - 1.1) / 0.3015 = 46.1.
    G = nx.DiGraph([(f"p{i}", f"p{(i + 1) % 100}") for i in range(100)])
    G.add_edges_from((f"p{i}", "guru") for i in range(15))
    G.add_edges_from(("p0", f"p{i}") for i in range(2, 12))
    nx.set_node_attributes(G, "IT", "department")
    found = find_overloaded(G)
    assert [d.people for d in found] == [("guru",)]
    e = found[0].evidence
    assert e["in_degree"] == 15 and e["z_score"] == pytest.approx(46.1, abs=0.01)
    # threshold: max(1.1 + 3 * 0.3015, 0.05 * 101 respondents, 10 people) = 10
    assert e["threshold"] == pytest.approx(10.0)
    assert e["from_groups"] == {"IT": 15} and found[0].severity == 1.0


def test_municipality_overloaded_expert(municipality: OrgNetwork) -> None:
    found = find_overloaded(municipality.graph("advice"))
    assert [d.people for d in found] == [tuple(PLANTED["overloaded"]["people"])]
    # README: in-degree 40 in 2025, from 5 departments
    assert found[0].evidence["in_degree"] == 40 and found[0].evidence["n_groups"] == 5
    assert found[0].severity >= 0.6


def test_no_overloaded_people_in_random_networks() -> None:
    for seed in range(4):
        assert all(d.severity < 0.6 for d in find_overloaded(random_graph(seed, n=200, p=0.03)))


def test_detectors_do_not_change_the_graph() -> None:
    G = random_graph(0)
    before = (nx.to_dict_of_dicts(G), dict(G.nodes(data=True)))
    for detect in (find_gaps, find_fragile_bridges, find_one_sided_trust, find_isolated, find_overloaded):
        detect(G)
    find_silos(G, thresholds=FAST, seed=0)
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True))) == before


def test_empty_graph_gives_nothing() -> None:
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", "c"], department="X")
    assert find_silos(G) == [] and find_gaps(G) == [] and find_fragile_bridges(G) == []
    assert find_overloaded(G) == [] and find_one_sided_trust(G) == [] and find_isolated(G) == []
