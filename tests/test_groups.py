"""Per-group measures: group matrices, E-I index and its permutation test, the group table."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pytest

from ona import MissingAttributeError, OnaError, samples
from ona.measures.groups import (
    GROUP_COLUMNS,
    ei_index,
    ei_permutation_test,
    group_density_matrix,
    group_matrix,
    group_table,
    network_ei_index,
)


@pytest.fixture(scope="module")
def municipality():
    return samples.load("municipality")


@pytest.fixture(scope="module")
def planted():
    return json.loads((samples.sample_path("municipality") / "planted.json").read_text(encoding="utf-8"))


def test_ei_index_style_guide_example():
    G = nx.Graph([("ana", "bo"), ("bo", "cy")])
    nx.set_node_attributes(G, {"ana": "Sales", "bo": "Sales", "cy": "IT"}, "department")
    assert ei_index(G) == {"IT": 1.0, "Sales": 0.0}


def test_ei_index_hand_worked_and_weighted():
    # HR: a, b; IT: c. Ties a->b (HR inside), b->c (HR->IT, weight 3), c->b (IT->HR).
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 1.0), ("b", "c", 3.0), ("c", "b", 1.0)])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    G.add_node("z", department="Legal")  # no ties at all
    result = ei_index(G)
    assert result["HR"] == pytest.approx((2 - 1) / 3)
    assert result["IT"] == 1.0
    assert np.isnan(result["Legal"])
    assert ei_index(G, weight="weight")["HR"] == pytest.approx((4 - 1) / 5)
    assert network_ei_index(G) == pytest.approx((2 - 1) / 3)


def test_ei_index_reproduces_the_municipality_readme(municipality):
    # The generator's own summary (sample_networks/municipality/README.md), computed independently.
    published = {
        "advice": {"Openbare Ruimte": -0.967, "Publiekszaken": -0.639, "Concernstaf": 0.132},
        "trust": {"Openbare Ruimte": -0.906, "Sociaal Domein": -0.552},
        "collaboration": {"Openbare Ruimte": -0.918, "Bedrijfsvoering": -0.264},
    }
    for relation, figures in published.items():
        result = ei_index(municipality.graph(relation))
        for group, value in figures.items():
            assert result[group] == pytest.approx(value, abs=5e-4)


@pytest.mark.parametrize("wave", ["2025", "2026"])
@pytest.mark.parametrize("relation", ["advice", "trust", "collaboration"])
def test_planted_silo_has_the_most_negative_ei(planted, wave, relation):
    G = samples.load("municipality", wave=wave).graph(relation)
    result = ei_index(G)
    assert min(result, key=result.get) == planted["silo"]
    test = ei_permutation_test(G, n_permutations=200, seed=0).set_index("group")
    # As closed as it gets under relabelling: the smallest possible p-value.
    assert test.loc[planted["silo"], "p_value"] == pytest.approx(1 / 201)
    assert test.loc[planted["silo"], "expected_ei"] > 0.5


def test_group_matrix_counts_every_tie(municipality):
    G = municipality.graph("advice")
    matrix = group_matrix(G)
    assert matrix.to_numpy().sum() == G.number_of_edges()
    assert list(matrix.index) == list(matrix.columns) == sorted(set(nx.get_node_attributes(G, "department").values()))
    dept = nx.get_node_attributes(G, "department")
    brute = sum(1 for u, v in G.edges if dept[u] == "Ruimte & Wonen" and dept[v] == "Publiekszaken")
    assert matrix.loc["Ruimte & Wonen", "Publiekszaken"] == brute == 1  # the planted gap: one advice tie
    weighted = group_matrix(municipality.graph("collaboration"), weight="weight")
    assert weighted.to_numpy().sum() == pytest.approx(municipality.ties_of("collaboration")["weight"].sum())


def test_group_matrix_puts_unknown_last(tiny_network):
    matrix = group_matrix(tiny_network.graph("advice"))
    assert list(matrix.index) == ["HR", "IT", "(unknown)"]
    assert matrix.loc["HR", "HR"] == 2 and matrix.loc["HR", "IT"] == 1 and matrix.loc["IT", "IT"] == 1


def test_density_matrix_counts_only_observable_pairs(tiny_network):
    # HR = a, b (both respond); IT = c, d (both respond); (unknown) = e (no response).
    density = group_density_matrix(tiny_network.graph("advice"))
    assert density.loc["HR", "HR"] == 2 / (2 * 1)
    assert density.loc["HR", "IT"] == 1 / (2 * 2)
    assert density.loc["IT", "IT"] == 1 / (2 * 1)
    assert density.loc["HR", "(unknown)"] == 0.0
    assert np.isnan(density.loc["(unknown)", "HR"])  # e's outgoing ties are unknown


def test_density_matrix_equals_block_density_with_complete_data():
    net = samples.load("krackhardt")
    G = net.graph("advice")
    density = group_density_matrix(G)
    members = {g: [v for v in G if G.nodes[v]["department"] == g] for g in density.index}
    for g, h in [("Dept 2", "Dept 2"), ("Dept 1", "Dept 4")]:
        pairs = [(u, v) for u in members[g] for v in members[h] if u != v]
        assert density.loc[g, h] == pytest.approx(sum(G.has_edge(u, v) for u, v in pairs) / len(pairs))


def test_permutation_test_on_a_complete_graph_is_uninformative():
    # Every relabelling of a complete graph gives the same E-I: expected = observed, p = 1.
    G = nx.complete_graph(8, create_using=nx.DiGraph)
    nx.set_node_attributes(G, {v: "AB"[v % 2] for v in G}, "department")
    test = ei_permutation_test(G, n_permutations=50, seed=0)
    assert np.allclose(test["ei_index"], test["expected_ei"])
    assert (test["p_value"] == 1.0).all() and (test["sd_ei"] < 1e-12).all()


def test_permutation_test_matches_a_slow_reference():
    # A slow, loop-based relabelling test on a small random graph gives the same null mean (within noise).
    rng = np.random.default_rng(7)
    G = nx.gnp_random_graph(40, 0.1, seed=7, directed=True)
    labels = {v: "ABC"[int(rng.integers(3))] for v in G}
    nx.set_node_attributes(G, labels, "department")
    fast = ei_permutation_test(G, n_permutations=2000, seed=1).set_index("group")
    nodes, values = list(G), list(labels.values())
    slow = {g: [] for g in "ABC"}
    for _ in range(2000):
        shuffled = dict(zip(nodes, rng.permutation(values)))
        H = G.copy()
        nx.set_node_attributes(H, shuffled, "department")
        for g, value in ei_index(H).items():
            slow[g].append(value)
    for g in "ABC":
        assert fast.loc[g, "expected_ei"] == pytest.approx(np.mean(slow[g]), abs=0.02)
        assert fast.loc[g, "sd_ei"] == pytest.approx(np.std(slow[g]), rel=0.15)
        # Random labels: the observed E-I is unremarkable.
        assert 0.01 < fast.loc[g, "p_value"] < 0.99 or 0.01 < fast.loc[g, "p_value_high"] < 0.99


def test_permutation_test_is_reproducible_and_validates(municipality):
    G = municipality.graph("trust")
    first = ei_permutation_test(G, n_permutations=100, seed=5)
    second = ei_permutation_test(G, n_permutations=100, seed=5)
    assert first.equals(second)
    assert (first["n_permutations"] == 100).all()
    with pytest.raises(OnaError, match="at least 1"):
        ei_permutation_test(G, n_permutations=0)


def test_group_table_hand_worked(tiny_network):
    # advice: a<->b (HR), b->c (HR->IT, weight 2), c->d (IT); e: no department, no response.
    table = group_table(tiny_network.graph("advice"), n_permutations=0).set_index("group")
    assert tuple(table.reset_index().columns) == GROUP_COLUMNS
    hr, it, unknown = table.loc["HR"], table.loc["IT"], table.loc["(unknown)"]
    assert (hr["size"], hr["respondents"], hr["response_rate"]) == (2, 2, 1.0)
    assert (unknown["size"], unknown["respondents"], unknown["response_rate"]) == (1, 0, 0.0)
    assert (hr["internal_ties"], hr["external_ties"], hr["external_out"], hr["external_in"]) == (2, 1, 1, 0)
    assert hr["internal_density"] == 1.0 and it["internal_density"] == 0.5
    assert hr["ei_index"] == pytest.approx(-1 / 3) and it["ei_index"] == 0.0
    assert np.isnan(hr["ei_p_value"])  # no permutations asked for
    assert hr["reciprocity_internal"] == 1.0 and hr["reciprocity_external"] == 0.0
    assert it["reciprocity_internal"] == 0.0
    assert hr["groups_reached"] == 1 and unknown["groups_reached"] == 0


def test_group_table_reciprocity_counts_only_respondent_pairs():
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "x")])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "x": "HR"}, "department")
    nx.set_node_attributes(G, {"a": True, "b": True, "x": False}, "responded")
    table = group_table(G, n_permutations=0).set_index("group")
    assert table.loc["HR", "reciprocity_internal"] == 1.0  # a->x cannot be seen returned


def test_group_table_with_permutations(municipality, planted):
    table = group_table(municipality.graph("advice"), n_permutations=100, seed=0).set_index("group")
    assert table["size"].sum() == len(municipality)
    assert table["respondents"].sum() == len(municipality.respondents)
    assert table.loc[planted["silo"], "ei_p_value"] == pytest.approx(1 / 101)
    assert table["ei_index"].idxmin() == planted["silo"]


def test_missing_attribute_is_reported():
    G = nx.DiGraph([("a", "b")])
    nx.set_node_attributes(G, {"a": "x", "b": "y"}, "team")
    with pytest.raises(MissingAttributeError, match="no attribute 'department'.*'team'"):
        ei_index(G)
