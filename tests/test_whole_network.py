"""Whole-network figures: published Krackhardt figures, hand-checked hierarchy graphs, brute-force references."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from ona import samples
from ona.measures import whole_network as wn
from ona.measures.whole_network import (
    betweenness_centralization,
    connectedness,
    degree_centralization,
    dyad_census,
    dyadic_reciprocity,
    graph_efficiency,
    graph_hierarchy,
    krackhardt_hierarchy,
    least_upper_boundedness,
    network_summary,
    weak_transitivity,
)

CONTRACT_KEYS = {
    "nodes", "ties", "density", "reciprocity", "dyadic_reciprocity", "transitivity", "components",
    "in_degree_centralization", "out_degree_centralization", "betweenness_centralization",
    "connectedness", "hierarchy", "efficiency", "lub", "modularity_departments", "communities",
    "nmi_departments", "ari_departments", "response_rate",
}  # fmt: skip


@pytest.fixture(scope="module")
def krackhardt():
    return samples.load("krackhardt")


@pytest.fixture(scope="module")
def advice_summary(krackhardt):
    return network_summary(krackhardt.graph("advice"), n_permutations=50)


# -- published figures: Krackhardt (1987) high-tech managers --------------------------------------------


def test_krackhardt_advice_published_figures(advice_summary):
    # Figures as published for KRACKAD (UCINET conventions): arc reciprocity 0.47368, dyadic
    # reciprocity among non-null dyads 0.31034, weak transitivity 0.66398, 190 transitive (030T) triads.
    assert advice_summary["ties"] == 190
    assert advice_summary["density"] == pytest.approx(0.45238, abs=5e-6)
    assert advice_summary["reciprocity"] == pytest.approx(0.47368, abs=5e-6)
    assert advice_summary["dyadic_reciprocity"] == pytest.approx(0.31034, abs=5e-6)
    assert advice_summary["transitivity"] == pytest.approx(0.66398, abs=5e-6)
    assert advice_summary["triad_census"]["030T"] == 190


def test_krackhardt_friendship_dyad_census(krackhardt):
    G = krackhardt.graph("friendship")
    assert dyad_census(G) == {"mutual": 23, "asymmetric": 56, "null": 131}
    assert dyadic_reciprocity(G) == pytest.approx(23 / 79)


def test_reciprocity_matches_networkx(krackhardt):
    for relation in krackhardt.relations:
        G = krackhardt.graph(relation)
        assert network_summary(G, n_permutations=0)["reciprocity"] == pytest.approx(nx.reciprocity(G))


def test_summary_has_the_contract_keys(advice_summary):
    assert CONTRACT_KEYS <= set(advice_summary)
    assert advice_summary["response_rate"] == 1.0
    assert "unknown" in advice_summary["missing_data"]


def test_reports_to_is_a_perfect_hierarchy(krackhardt):
    # The reports-to relation is a tree pointing upwards: all four Krackhardt dimensions are 1.
    result = krackhardt_hierarchy(krackhardt.graph("reports_to"), upward=True)
    assert [result[k] for k in ("connectedness", "hierarchy", "efficiency", "lub")] == [1.0, 1.0, 1.0, 1.0]
    assert result["lub_method"] == "exact"


# -- transitivity and centralisation ---------------------------------------------------------


def test_weak_transitivity_equals_networkx_on_undirected_graphs():
    for G in (nx.karate_club_graph(), nx.Graph(samples.load("lazega").graph("cowork").to_undirected())):
        assert weak_transitivity(G) == pytest.approx(nx.transitivity(G))


def test_weak_transitivity_brute_force(krackhardt):
    G = krackhardt.graph("friendship")
    closed = paths = 0
    for i, j, k in itertools.permutations(G, 3):
        if G.has_edge(i, j) and G.has_edge(j, k):
            paths += 1
            closed += G.has_edge(i, k)
    assert weak_transitivity(G) == pytest.approx(closed / paths)


def test_degree_centralization_hand_checked(krackhardt):
    in_star = nx.DiGraph([(leaf, "hub") for leaf in "abcd"])
    assert degree_centralization(in_star, "in") == 1.0
    assert degree_centralization(nx.cycle_graph(5, create_using=nx.DiGraph), "in") == 0.0
    G = krackhardt.graph("advice")
    indeg = np.array([d for _, d in G.in_degree()])
    n = len(indeg)
    assert degree_centralization(G) == pytest.approx((indeg.max() - indeg).sum() / (n - 1) ** 2)
    with pytest.raises(ValueError, match="'in' or 'out'"):
        degree_centralization(G, "both")


def test_out_degree_centralization_uses_respondents_only():
    # x names everyone; y and z name nobody; w did not respond.
    G = nx.DiGraph([("x", "y"), ("x", "z"), ("x", "w")])
    nx.set_node_attributes(G, {"x": True, "y": True, "z": True, "w": False}, "responded")
    # Respondents x, y, z: sum of (3 - d) = 0 + 3 + 3 over (r - 1)(n - 1) = 2 * 3.
    assert degree_centralization(G, "out") == 1.0


def test_betweenness_centralization_hand_checked():
    star = nx.DiGraph()
    for leaf in "abcd":
        star.add_edges_from([("hub", leaf), (leaf, "hub")])
    assert betweenness_centralization(star) == 1.0
    assert betweenness_centralization(nx.cycle_graph(6, create_using=nx.DiGraph)) == pytest.approx(0.0)


# -- Krackhardt's hierarchy dimensions on hand-checked graphs ------------------------------------------


def test_out_star_is_an_out_tree():
    star = nx.DiGraph([("boss", leaf) for leaf in "abcde"])
    result = krackhardt_hierarchy(star, upward=False)
    assert [result[k] for k in ("connectedness", "hierarchy", "efficiency", "lub")] == [1.0, 1.0, 1.0, 1.0]


def test_in_star_depends_on_the_direction_of_ties():
    # Five people all report to one boss: ties point up.
    star = nx.DiGraph([(leaf, "boss") for leaf in "abcde"])
    assert least_upper_boundedness(star, upward=True) == 1.0
    # Read downwards, no two subordinates share an upper bound: all C(5, 2) = 10 pairs
    # of leaves violate, out of the maximum (N-1)(N-2)/2 = 10.
    assert least_upper_boundedness(star, upward=False) == 0.0
    assert graph_hierarchy(star) == 1.0 and graph_efficiency(star) == 1.0


def test_cycle():
    n = 6
    cycle = nx.cycle_graph(n, create_using=nx.DiGraph)
    result = krackhardt_hierarchy(cycle)
    assert result["hierarchy"] == 0.0  # everyone reaches everyone back
    assert result["lub"] == 1.0  # every node is an upper bound of every pair, and all reach each other
    # n links, one more than a tree needs, out of (n-1)(n-2)/2 possible extra links.
    assert result["efficiency"] == pytest.approx(1 - 1 / ((n - 1) * (n - 2) / 2))
    assert result["connectedness"] == 1.0


def test_tree_and_extra_link():
    tree = nx.DiGraph([("r", "a"), ("r", "b"), ("a", "c"), ("a", "d"), ("b", "e")])
    assert krackhardt_hierarchy(tree, upward=False)["lub"] == 1.0
    assert graph_efficiency(tree) == 1.0
    tree.add_edge("c", "e")  # e now has two bosses: one extra link out of (6-1)(6-2)/2 = 10
    assert graph_efficiency(tree) == pytest.approx(0.9)
    # Every pair still has a lowest common boss (r at worst), so LUB stays 1.
    assert krackhardt_hierarchy(tree, upward=False)["lub"] == 1.0


def test_two_bosses_without_a_common_superior():
    # r1 and r2 both manage a and b. Pairs (r1, r2) and (a, b) have no least upper bound:
    # (r1, r2) has no upper bound, and a, b have two (r1, r2) of which neither reaches the other.
    # Violations 2 of (N-1)(N-2)/2 = 3.
    G = nx.DiGraph([("r1", "a"), ("r2", "a"), ("r1", "b"), ("r2", "b")])
    assert least_upper_boundedness(G, upward=False) == pytest.approx(1 - 2 / 3)
    assert least_upper_boundedness(G.reverse(), upward=True) == pytest.approx(1 - 2 / 3)


def test_connectedness_hand_checked():
    G = nx.DiGraph([("a", "b"), ("c", "d")])
    G.add_node("e")
    # Reachable unordered pairs: (a,b), (c,d) = 2 of 10.
    assert connectedness(G) == pytest.approx(2 / 10)


def _brute_force_hierarchy(G: nx.DiGraph) -> float:
    reach = {v: nx.descendants(G, v) for v in G}
    mutual = nonnull = 0
    for i, j in itertools.combinations(G, 2):
        forward, backward = j in reach[i], i in reach[j]
        mutual += forward and backward
        nonnull += forward or backward
    return 1 - mutual / nonnull if nonnull else float("nan")


def _brute_force_lub(G: nx.DiGraph, upward: bool) -> float:
    """sna's lubness algorithm, literally: upper bounds from reachability (reflexive), then a least one."""
    H = G.reverse() if upward else G
    reaches = {k: nx.descendants(H, k) | {k} for k in H}
    violations = maximum = 0.0
    for component in nx.weakly_connected_components(H):
        size = len(component)
        if size < 3:
            continue
        maximum += (size - 1) * (size - 2) / 2
        for i, j in itertools.combinations(sorted(component, key=str), 2):
            upper = [k for k in component if i in reaches[k] and j in reaches[k]]
            has_least = any(all(l in reaches[k] for k in upper) for l in upper)
            violations += not has_least
    return 1 - violations / maximum if maximum else float("nan")


@pytest.mark.parametrize("seed", range(8))
def test_hierarchy_and_lub_match_brute_force_on_random_digraphs(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 25))
    G = nx.gnp_random_graph(n, float(rng.uniform(0.04, 0.2)), seed=seed, directed=True)
    for upward in (True, False):
        result = krackhardt_hierarchy(G, upward=upward)
        assert result["lub"] == pytest.approx(_brute_force_lub(G, upward), nan_ok=True)
        assert result["hierarchy"] == pytest.approx(_brute_force_hierarchy(G), nan_ok=True)


def test_lub_matches_brute_force_on_lazega():
    G = samples.load("lazega").graph("friendship")
    assert least_upper_boundedness(G) == pytest.approx(_brute_force_lub(G, upward=True))
    assert graph_hierarchy(G) == pytest.approx(_brute_force_hierarchy(G))


def test_sampled_lub_is_close_to_exact(monkeypatch):
    G = samples.load("municipality").graph("trust")
    exact = krackhardt_hierarchy(G)
    monkeypatch.setattr(wn, "LUB_EXACT_PAIRS_UP_TO", 0)
    sampled = krackhardt_hierarchy(G, seed=3)
    assert exact["lub_method"] == "exact" and sampled["lub_method"] == "sampled"
    assert sampled["lub_pairs"] == wn.LUB_SAMPLED_PAIRS
    assert abs(sampled["lub"] - exact["lub"]) < 4 * sampled["lub_standard_error"] + 1e-9
    assert sampled["hierarchy"] == exact["hierarchy"]


def test_hierarchy_is_skipped_beyond_the_component_limit(monkeypatch):
    monkeypatch.setattr(wn, "HIERARCHY_COMPONENTS_UP_TO", 1)
    result = krackhardt_hierarchy(nx.DiGraph([("a", "b"), ("b", "c")]))
    assert np.isnan(result["hierarchy"]) and np.isnan(result["lub"]) and result["lub_method"] == "not computed"
    assert result["connectedness"] == 1.0  # still computed


# -- missing data ----------------------------------------------------------------------------------


def test_density_and_reciprocity_with_non_respondents(tiny_network):
    # advice: a<->b, b->c, c->d among 5 people; e did not respond.
    summary = network_summary(tiny_network.graph("advice"), n_permutations=0)
    assert summary["density"] == pytest.approx(4 / (5 * 4))
    assert summary["density_respondents"] == pytest.approx(4 / (4 * 4))
    assert summary["response_rate"] == pytest.approx(0.8)
    assert summary["reciprocity"] == pytest.approx(0.5)
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "x")])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "x": "HR"}, "department")
    nx.set_node_attributes(G, {"a": True, "b": True, "x": False}, "responded")
    summary = network_summary(G, n_permutations=0)
    assert summary["reciprocity"] == pytest.approx(2 / 3)
    assert summary["reciprocity_respondents"] == 1.0  # a->x could never be seen returned
    assert summary["dyadic_reciprocity_respondents"] == 1.0


def test_summary_of_a_graph_without_ties():
    G = nx.DiGraph()
    G.add_nodes_from([("a", {"department": "X"}), ("b", {"department": "Y"}), ("c", {"department": "X"})])
    summary = network_summary(G, n_permutations=10)
    assert summary["ties"] == 0 and summary["density"] == 0.0
    assert np.isnan(summary["reciprocity"]) and np.isnan(summary["transitivity"])
    assert summary["communities"] == 0 and summary["singleton_communities"] == 3
    assert np.isnan(summary["hierarchy"])


def test_summary_needs_the_group_attribute():
    from ona import MissingAttributeError

    with pytest.raises(MissingAttributeError, match="'department'"):
        network_summary(nx.DiGraph([("a", "b")]), n_permutations=0)
