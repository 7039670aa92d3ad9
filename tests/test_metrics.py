"""Per-person measures, checked against hand-worked graphs, networkx and brute-force definitions."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from ona import MissingAttributeError, OnaError, samples
from ona.measures.metrics import (
    BROKERAGE_ROLES,
    PERSON_COLUMNS,
    betweenness,
    brokerage_roles,
    constraint,
    degree_table,
    departments_reached,
    effective_size,
    pagerank,
    person_reciprocity,
    person_table,
)


@pytest.fixture(scope="module")
def krackhardt():
    return samples.load("krackhardt")


@pytest.fixture(scope="module")
def municipality():
    return samples.load("municipality")


def _values(series_or_dict, nodes):
    return np.array([series_or_dict[v] for v in nodes], dtype=float)


# -- degree -----------------------------------------------------------------------------------


def test_degrees_match_networkx_on_krackhardt(krackhardt):
    G = krackhardt.graph("advice")
    table = degree_table(G)
    nodes = list(G)
    assert table["in_degree"].tolist() == [G.in_degree(v) for v in nodes]
    assert table["out_degree"].tolist() == [G.out_degree(v) for v in nodes]
    # Complete data: normalised in-degree is Freeman's d/(n-1), as nx.in_degree_centrality.
    assert np.allclose(table["in_degree_norm"], _values(nx.in_degree_centrality(G), nodes))
    assert np.allclose(table["out_degree_norm"], _values(nx.out_degree_centrality(G), nodes))
    assert table.loc["2", "in_degree"] == 18  # published: person 2 is asked most (Krackhardt 1987)


def test_weighted_degree_sums_weights(municipality):
    G = municipality.graph("collaboration")
    table = degree_table(G)
    v = "E0002"
    assert table.loc[v, "weighted_in_degree"] == sum(d["weight"] for _, _, d in G.in_edges(v, data=True))
    assert table.loc[v, "weighted_out_degree"] == sum(d["weight"] for _, _, d in G.out_edges(v, data=True))


def test_non_respondents_out_degree_is_unknown(tiny_network):
    # advice: a<->b, b->c, c->d; 'e' did not respond, so 4 respondents.
    table = degree_table(tiny_network.graph("advice"))
    assert np.isnan(table.loc["e", "out_degree"]) and np.isnan(table.loc["e", "weighted_out_degree"])
    assert table.loc["e", "in_degree"] == 0
    # b is named by a: 1 of the 3 *other* respondents could have named b.
    assert table.loc["b", "in_degree_norm"] == pytest.approx(1 / 3)
    # e did not respond, so all 4 respondents could have named e.
    assert table.loc["e", "in_degree_norm"] == 0.0
    assert table.loc["b", "out_degree_norm"] == pytest.approx(2 / 4)
    assert table.loc["b", "weighted_out_degree"] == 3.0


# -- betweenness and PageRank ------------------------------------------------------------------


@pytest.mark.parametrize("relation", ["advice", "friendship", "reports_to"])
def test_betweenness_equals_networkx(krackhardt, relation):
    G = krackhardt.graph(relation)
    ours = betweenness(G)
    assert ours.attrs["method"].sampled is False
    assert np.allclose(ours.to_numpy(), _values(nx.betweenness_centrality(G), list(G)))


def test_sampled_betweenness_is_the_brandes_pich_estimate():
    G = samples.load("lazega").graph("advice")
    n, k, seed = G.number_of_nodes(), 10, 3
    ours = betweenness(G, sources=k, seed=seed)
    method = ours.attrs["method"]
    assert method.sampled and method.sources == k and "estimated" in method.note
    # Independent: networkx's subset betweenness from the same sources to everyone, scaled by n/k.
    nodes = list(G)
    chosen = [nodes[i] for i in np.sort(np.random.default_rng(seed).choice(n, size=k, replace=False))]
    subset = nx.betweenness_centrality_subset(G, chosen, nodes, normalized=False)
    expected = _values(subset, nodes) * (n / k) / ((n - 1) * (n - 2))
    assert np.allclose(ours.to_numpy(), expected)
    # As many sources as people is exact.
    assert np.allclose(betweenness(G, sources=n).to_numpy(), betweenness(G).to_numpy())


def test_betweenness_rejects_zero_sources():
    with pytest.raises(OnaError, match="positive number"):
        betweenness(nx.DiGraph([("a", "b")]), sources=0)


@pytest.mark.parametrize("weight", [None, "weight"])
def test_pagerank_equals_networkx(municipality, weight):
    G = municipality.graph("collaboration")
    ours = pagerank(G, weight=weight)
    theirs = nx.pagerank(G, weight=weight, tol=1e-12, max_iter=1000)
    assert ours.sum() == pytest.approx(1.0)
    assert np.allclose(ours.to_numpy(), _values(theirs, list(G)), atol=1e-9)


# -- reciprocity ----------------------------------------------------------------------------------


def test_person_reciprocity_equals_networkx_with_complete_data(krackhardt):
    G = krackhardt.graph("friendship")
    ours = person_reciprocity(G)
    theirs = nx.reciprocity(G, [v for v in G if G.degree(v) > 0])
    for v in G:
        if G.degree(v):
            assert ours[v] == pytest.approx(theirs[v])
        else:
            assert np.isnan(ours[v])


def test_person_reciprocity_ignores_ties_with_non_respondents():
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "x"), ("x", "a")])
    G.add_edge("a", "y")  # y did not respond: this tie could never be seen returned
    nx.set_node_attributes(G, {"a": True, "b": True, "x": True, "y": False}, "responded")
    result = person_reciprocity(G)
    assert result["a"] == 1.0  # a<->b and a<->x; a->y does not count
    assert np.isnan(result["y"])


# -- structural holes -------------------------------------------------------------------------------


@pytest.mark.parametrize(("sample", "relation", "weight"), [
    ("krackhardt", "advice", None),
    ("krackhardt", "friendship", None),
    ("municipality", "collaboration", "weight"),  # valued, directed, with non-respondents and isolates
    ("municipality", "advice", None),
])  # fmt: skip
def test_constraint_equals_networkx(sample, relation, weight):
    G = samples.load(sample).graph(relation)
    ours = constraint(G, weight=weight)
    theirs = nx.constraint(G, weight=weight)
    for v in G:
        if np.isnan(theirs[v]):
            assert np.isnan(ours[v])
        else:
            assert ours[v] == pytest.approx(theirs[v], abs=1e-12)


def _burt_effective_size(G: nx.DiGraph, weight: str | None) -> dict:
    """Burt (1992) effective size written out node by node, as the independent reference."""

    def a(u, v):
        if not G.has_edge(u, v):
            return 0.0
        return 1.0 if weight is None else G.edges[u, v][weight]

    def mutual(u, v):
        return a(u, v) + a(v, u)

    result = {}
    for i in G:
        contacts = set(G.predecessors(i)) | set(G.successors(i))
        if not contacts:
            result[i] = float("nan")
            continue
        total = sum(mutual(i, q) for q in contacts)
        size = 0.0
        for j in contacts:
            j_contacts = set(G.predecessors(j)) | set(G.successors(j))
            j_max = max(mutual(j, k) for k in j_contacts)
            redundancy = sum(mutual(i, q) / total * mutual(j, q) / j_max for q in contacts if q != j)
            size += 1 - redundancy
        result[i] = size
    return result


def test_effective_size_hand_worked_weighted_directed():
    # a->b (2), b->a (1), a->c, b->c. Mutual weights ab=3, ac=1, bc=1.
    # For a: p_ab=3/4, p_ac=1/4; b's largest mutual tie is 3, c's is 1.
    # Contact b: 1 - p_ac*m_bc = 1 - 1/4*1/3 = 11/12; contact c: 1 - p_ab*m_cb = 1 - 3/4 = 1/4.
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 2.0), ("b", "a", 1.0), ("a", "c", 1.0), ("b", "c", 1.0)])
    assert effective_size(G)["a"] == pytest.approx(11 / 12 + 1 / 4)
    assert effective_size(G, weight=None)["a"] == pytest.approx(_burt_effective_size(G, None)["a"])


@pytest.mark.parametrize(("sample", "relation", "weight"), [
    ("krackhardt", "advice", None),
    ("municipality", "collaboration", "weight"),
    ("municipality", "trust", None),
])  # fmt: skip
def test_effective_size_equals_burts_formula(sample, relation, weight):
    G = samples.load(sample).graph(relation)
    ours = effective_size(G, weight=weight)
    reference = _burt_effective_size(G, weight)
    assert np.allclose(ours.to_numpy(), _values(reference, list(G)), equal_nan=True)


def test_effective_size_equals_borgatti_on_undirected_graphs():
    # networkx's undirected, unweighted branch is Borgatti's n - 2t/n, which is correct.
    G = nx.Graph(samples.load("krackhardt").graph("friendship").to_undirected())
    ours = effective_size(G, weight=None)
    assert np.allclose(ours.to_numpy(), _values(nx.effective_size(G), list(G)))


# -- brokerage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("groups", "role"), [
    ("AAA", "coordinator"),
    ("ABA", "itinerant"),
    ("ABB", "gatekeeper"),
    ("AAB", "representative"),
    ("ABC", "liaison"),
])  # fmt: skip
def test_each_gould_fernandez_role(groups, role):
    G = nx.DiGraph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, dict(zip("abc", groups)), "department")
    counts = brokerage_roles(G)
    assert counts.loc["b", f"brokerage_{role}"] == 1
    assert counts.loc["b", "brokerage_total"] == 1
    assert counts.loc[["a", "c"], "brokerage_total"].tolist() == [0, 0]


def test_brokerage_skips_closed_and_returning_two_paths():
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("b", "a")])
    nx.set_node_attributes(G, "A", "department")
    counts = brokerage_roles(G)
    # a->b->c and b->a->c are closed (a->c, b->c exist); a->b->a and b->a->b return to their start.
    assert counts["brokerage_total"].sum() == 0


def test_brokerage_hand_worked_example():
    # HR: a, b; IT: c, d; Sales: e.
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a"), ("c", "a")])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT", "e": "Sales"}, "department")
    counts = brokerage_roles(G)
    # b brokers a->b->c (HR,HR,IT): representative.
    # c brokers b->c->d (HR,IT,IT): gatekeeper; b->c->a (HR,IT,HR): itinerant.
    # d brokers c->d->e (IT,IT,Sales): representative.
    # e brokers d->e->a (IT,Sales,HR): liaison.
    # a brokers e->a->b (Sales,HR,HR): gatekeeper; c->a->b (IT,HR,HR): gatekeeper.
    expected = {
        "a": {"gatekeeper": 2},
        "b": {"representative": 1},
        "c": {"gatekeeper": 1, "itinerant": 1},
        "d": {"representative": 1},
        "e": {"liaison": 1},
    }
    for person, roles in expected.items():
        for role in BROKERAGE_ROLES:
            assert counts.loc[person, f"brokerage_{role}"] == roles.get(role, 0), (person, role)


def _brute_force_brokerage(G: nx.DiGraph, grouping: str) -> dict:
    """Gould-Fernandez straight from the definition: every ordered (a, b, c) triple."""
    group = nx.get_node_attributes(G, grouping)
    counts = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    for a, b, c in itertools.permutations(G, 3):
        if G.has_edge(a, b) and G.has_edge(b, c) and not G.has_edge(a, c):
            ga, gb, gc = group[a], group[b], group[c]
            if ga == gb == gc:
                role = "coordinator"
            elif ga == gc:
                role = "itinerant"
            elif gb == gc:
                role = "gatekeeper"
            elif ga == gb:
                role = "representative"
            else:
                role = "liaison"
            counts[b][role] += 1
    return counts


def test_brokerage_matches_brute_force_on_krackhardt(krackhardt):
    G = krackhardt.graph("advice")
    ours = brokerage_roles(G)
    reference = _brute_force_brokerage(G, "department")
    for v in G:
        for role in BROKERAGE_ROLES:
            assert ours.loc[v, f"brokerage_{role}"] == reference[v][role]


def test_brokerage_is_unknown_for_non_respondents(tiny_network):
    counts = brokerage_roles(tiny_network.graph("advice"))
    assert counts.loc["e"].isna().all()
    assert counts.loc["c", "brokerage_total"] == 1  # b->c->d


def test_brokerage_needs_the_attribute():
    with pytest.raises(MissingAttributeError, match="'team'"):
        brokerage_roles(nx.DiGraph([("a", "b")]), "team")


# -- departments reached and the full table -----------------------------------------------------


def test_departments_reached(tiny_network):
    # a (HR) <-> b (HR) -> c (IT) -> d (IT); e has no department and no advice ties.
    reached = departments_reached(tiny_network.graph("advice"))
    assert reached.to_dict() == {"a": 0, "b": 1, "c": 1, "d": 0, "e": 0}


def test_person_table_columns_and_consistency(krackhardt):
    G = krackhardt.graph("advice")
    table = person_table(G)
    assert tuple(table.columns) == PERSON_COLUMNS
    assert list(table.index) == list(G)
    assert table.attrs["betweenness"].sampled is False
    pd.testing.assert_series_equal(table["constraint"], constraint(G), check_names=False)
    brokerage = brokerage_roles(G)
    assert (table["brokerage_total"] == brokerage["brokerage_total"]).all()
    assert table["responded"].all()


def test_person_table_does_not_touch_the_graph(krackhardt):
    G = krackhardt.graph("friendship").copy()
    before = nx.to_dict_of_dicts(G), dict(G.nodes(data=True))
    person_table(G)
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True))) == before


def test_undirected_graphs_count_both_directions():
    G = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, "X", "department")
    table = person_table(G)
    assert table.loc["b", "in_degree"] == 2 and table.loc["b", "out_degree"] == 2
    assert table.loc["b", "reciprocity"] == 1.0
