"""Leiden and Louvain communities, their consensus and stability, and the comparison with departments."""

from __future__ import annotations

import community as community_louvain
import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from ona import OnaError, samples
from ona.measures import community as comm
from ona.measures.community import (
    adjusted_rand_index,
    community_parts,
    community_stability,
    compare_with_groups,
    leiden_communities,
    louvain_communities,
    modularity,
    normalized_mutual_information,
)
from ona.measures.engines import TieArrays


def _projection(G: nx.DiGraph) -> nx.Graph:
    """The undirected weighted projection w_ij = a_ij + a_ji, built independently with networkx."""
    H = nx.Graph()
    H.add_nodes_from(G)
    for u, v, w in G.edges(data="weight", default=1.0):
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def _planted(n_groups: int, size: int, p_in: float, p_out: float, seed: int) -> nx.DiGraph:
    G = nx.planted_partition_graph(n_groups, size, p_in, p_out, seed=seed, directed=True)
    nx.set_node_attributes(G, {v: f"g{v // size}" for v in G}, "department")
    return G


def test_louvain_is_a_seeded_partition_numbered_by_size():
    G = samples.load("municipality").graph("collaboration")
    first = louvain_communities(G, seed=4)
    assert set(first) == set(G.nodes)
    assert first == louvain_communities(G, seed=4)
    sizes = np.bincount(list(first.values()))
    assert (np.diff(sizes) <= 0).all()  # community 0 is the largest


def test_louvain_raises_modularity_above_departments_and_singletons():
    G = samples.load("municipality").graph("advice")
    found = louvain_communities(G, seed=0)
    departments = {v: G.nodes[v]["department"] for v in G}
    assert modularity(G, found) >= modularity(G, departments) - 0.01
    assert modularity(G, found) > modularity(G, {v: v for v in G})


def test_resolution_changes_the_number_of_communities():
    G = samples.load("municipality").graph("collaboration")
    coarse = len(set(louvain_communities(G, seed=0, resolution=0.3).values()))
    fine = len(set(louvain_communities(G, seed=0, resolution=3.0).values()))
    assert fine > coarse
    with pytest.raises(OnaError, match="positive number"):
        louvain_communities(G, resolution=0)


def test_resolution_is_gamma():
    # gamma > 1 gives smaller communities, gamma < 1 larger ones; 1 finds the six planted groups.
    G = _planted(6, 40, 0.3, 0.02, seed=5)
    coarse, normal, fine = (len(set(louvain_communities(G, seed=0, resolution=g).values())) for g in (0.2, 1.0, 5.0))
    assert coarse < normal == 6 < fine


def test_modularity_equals_networkx_and_python_louvain():
    G = samples.load("municipality").graph("collaboration")
    H = _projection(G)
    partition = louvain_communities(G, seed=1)
    blocks = [{v for v in G if partition[v] == c} for c in set(partition.values())]
    expected = nx.community.modularity(H, blocks, weight="weight")
    assert modularity(G, partition) == pytest.approx(expected)
    assert modularity(G, partition) == pytest.approx(community_louvain.modularity(partition, H, weight="weight"))
    assert modularity(G, partition, resolution=2.0) == pytest.approx(
        nx.community.modularity(H, blocks, weight="weight", resolution=2.0)
    )


def test_modularity_needs_every_node():
    with pytest.raises(OnaError, match="no community for 1 node"):
        modularity(nx.DiGraph([("a", "b")]), {"a": 0})


def test_igraph_and_python_louvain_find_comparable_partitions(monkeypatch):
    # A mid-size graph (1,500 people, 15 departments): python-louvain is the design's choice; above
    # LOUVAIN_IGRAPH_ABOVE ona uses igraph's implementation of the same algorithm.
    G = _planted(15, 100, 0.08, 0.004, seed=11)
    arrays = TieArrays.from_graph(G)
    monkeypatch.setattr(comm, "LOUVAIN_IGRAPH_ABOVE", 10**9)
    python_louvain = comm.louvain_arrays(arrays, seed=0)
    monkeypatch.setattr(comm, "LOUVAIN_IGRAPH_ABOVE", 0)
    igraph_louvain = comm.louvain_arrays(arrays, seed=0)
    q_python = comm.modularity_arrays(arrays, python_louvain)
    q_igraph = comm.modularity_arrays(arrays, igraph_louvain)
    assert q_igraph == pytest.approx(q_python, abs=0.01)
    assert normalized_mutual_information(python_louvain, igraph_louvain) > 0.9
    # Both recover the planted departments.
    truth = [v // 100 for v in G]
    assert normalized_mutual_information(python_louvain, truth) > 0.9
    assert normalized_mutual_information(igraph_louvain, truth) > 0.9
    # The igraph path is seeded too.
    assert (comm.louvain_arrays(arrays, seed=0) == igraph_louvain).all()


@pytest.mark.parametrize("seed", range(5))
def test_nmi_and_ari_equal_igraph(seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 4, size=60)
    b = np.where(rng.random(60) < 0.6, a, rng.integers(0, 5, size=60))
    assert normalized_mutual_information(a, b) == pytest.approx(ig.compare_communities(a.tolist(), b.tolist(), "nmi"))
    assert adjusted_rand_index(a, b) == pytest.approx(
        ig.compare_communities(a.tolist(), b.tolist(), "adjusted_rand")
    )


def test_nmi_and_ari_edge_cases():
    assert normalized_mutual_information([0, 0, 0], ["x", "x", "x"]) == 1.0
    assert normalized_mutual_information([0, 1, 2, 3], ["x", "x", "x", "x"]) == 0.0
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)  # worse than chance
    with pytest.raises(OnaError, match="same people"):
        normalized_mutual_information([0, 1], [0])


def test_compare_with_groups_hand_checked():
    G = nx.DiGraph([("a", "b"), ("c", "d"), ("d", "e")])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT", "e": "HR"}, "department")
    result = compare_with_groups(G, {"a": 1, "b": 1, "c": 0, "d": 0, "e": 0})
    assert result.contingency.loc[0].to_dict() == {"HR": 1, "IT": 2}
    assert result.contingency.loc[1].to_dict() == {"HR": 2, "IT": 0}
    first = result.communities.set_index("community").loc[0]
    assert (first["size"], first["groups_spanned"], first["main_group"]) == (3, 2, "IT")
    assert first["main_group_share"] == pytest.approx(2 / 3) and first["groups"] == "IT 2, HR 1"
    assert result.nmi == pytest.approx(normalized_mutual_information([1, 1, 0, 0, 0], list("HHIIH")))
    with pytest.raises(OnaError, match="No community is given"):
        compare_with_groups(G, {"a": 0})


@pytest.mark.parametrize("relation", ["advice", "trust", "collaboration"])
def test_first_wave_communities_follow_departments(relation):
    # Planted: ties fall mostly inside departments, so Louvain's communities should largely be them,
    # clearly above a baseline with the department labels shuffled over people.
    G = samples.load("municipality", wave="2025").graph(relation)
    communities = louvain_communities(G, seed=0)
    result = compare_with_groups(G, communities)
    found = [communities[v] for v in G]
    departments = [G.nodes[v]["department"] for v in G]
    rng = np.random.default_rng(0)
    baseline = max(normalized_mutual_information(found, rng.permutation(departments)) for _ in range(20))
    assert result.nmi > 0.8 and result.ari > 0.75
    assert result.nmi > baseline + 0.6
    assert (result.communities.query("size >= 10")["main_group_share"] > 0.75).all()


def test_stability_of_clear_structure():
    G = _planted(4, 25, 0.5, 0.01, seed=2)
    result = community_stability(G, runs=4, seed=0)
    assert result.seeds == (0, 1, 2, 3)
    assert result.mean_nmi > 0.95 and result.person_stability.min() > 0.9
    matrix = result.coassignment()
    assert np.allclose(matrix.to_numpy(), matrix.to_numpy().T) and (np.diag(matrix) == 1).all()
    assert result.tie_pairs["together"].between(0, 1).all()
    assert len(result.tie_pairs) == _projection(G).number_of_edges()


def test_stability_shows_ambiguous_people():
    # A 200-person graph without planted structure gives runs that disagree.
    G = nx.gnp_random_graph(200, 0.03, seed=3, directed=True)
    result = community_stability(G, runs=6, seed=0)
    assert result.mean_nmi < 0.9
    assert result.person_stability.min() < 0.8


def test_stability_limits(monkeypatch):
    G = _planted(2, 10, 0.5, 0.05, seed=1)
    with pytest.raises(OnaError, match="at least 1"):
        community_stability(G, runs=0)
    monkeypatch.setattr(comm, "COASSIGNMENT_MATRIX_UP_TO", 5)
    with pytest.raises(OnaError, match="tie_pairs"):
        community_stability(G, runs=2).coassignment()


def test_isolates_are_communities_of_one():
    G = nx.DiGraph([("a", "b"), ("b", "a")])
    G.add_node("z")
    result = louvain_communities(G, seed=0)
    assert result["a"] == result["b"] != result["z"]
    assert louvain_communities(nx.empty_graph(3, create_using=nx.DiGraph)) == {0: 0, 1: 1, 2: 2}


# -- Leiden, consensus, connectedness and bounded memory -------------------------------------------

SAMPLE_RELATIONS = [
    ("krackhardt", "advice"), ("krackhardt", "friendship"),
    ("lazega", "advice"), ("lazega", "friendship"), ("lazega", "cowork"),
    ("municipality", "advice"), ("municipality", "trust"), ("municipality", "collaboration"),
]


@pytest.mark.parametrize(("sample", "relation"), SAMPLE_RELATIONS)
def test_leiden_communities_are_connected_and_reproducible(sample, relation):
    G = samples.load(sample).graph(relation)
    result = community_stability(G, method="leiden", runs=5, seed=3)
    again = community_stability(G, method="leiden", runs=5, seed=3)
    assert result.labels.equals(again.labels) and result.partitions.equals(again.partitions)
    labels = result.labels.to_dict()
    assert set(community_parts(G, labels).values()) == {1}  # every consensus community is connected
    assert result.disconnected_in_runs == 0 and result.split == 0  # and so is every single Leiden run
    for seed in result.seeds:
        run = result.partitions[seed].to_dict()
        assert set(community_parts(G, run).values()) == {1}
    assert leiden_communities(G, seed=3) == leiden_communities(G, seed=3)


def test_community_parts_finds_disconnected_communities_hand_checked():
    # Two triangles with no tie between them, labelled as one community: 2 parts.
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d")])
    assert community_parts(G, {v: 0 for v in G}) == {0: 2}
    assert community_parts(G, {v: v in "abc" for v in G}) == {True: 1, False: 1}
    arrays = TieArrays.from_graph(G)
    parts = comm.community_parts_arrays(arrays, np.zeros(6, dtype=np.int64))
    assert parts.tolist() == [0, 0, 0, 1, 1, 1]


def test_leiden_and_louvain_find_the_planted_groups_with_the_same_modularity():
    G = _planted(8, 40, 0.35, 0.01, seed=7)
    truth = [v // 40 for v in G]
    found_leiden, found_louvain = leiden_communities(G, seed=0), louvain_communities(G, seed=0)
    leiden, louvain = [found_leiden[v] for v in G], [found_louvain[v] for v in G]
    assert normalized_mutual_information(leiden, truth) > 0.95
    assert normalized_mutual_information(louvain, truth) > 0.95
    assert modularity(G, dict(zip(G, leiden))) == pytest.approx(modularity(G, dict(zip(G, louvain))), abs=0.01)


def test_consensus_of_clear_structure_is_stable_and_converges():
    G = _planted(4, 25, 0.5, 0.01, seed=2)
    result = community_stability(G, runs=6, seed=0)
    assert result.converged and result.iterations <= 2
    assert normalized_mutual_information(result.labels.tolist(), [v // 25 for v in G]) == 1.0
    assert result.communities["stable"].tolist() == ["stable"] * 4 and len(result.stable) == 4
    assert (result.communities["stability"] >= 0.75).all()


def test_consensus_marks_communities_of_a_structureless_graph_as_not_stable():
    G = nx.gnp_random_graph(200, 0.03, seed=3, directed=True)
    result = community_stability(G, runs=8, seed=0)
    verdicts = set(result.communities.query("size >= 2")["stable"])
    assert verdicts & {"unclear", "dissolved"}
    assert result.person_stability.min() < 0.8
    # Consensus communities are connected even where the runs disagree.
    assert set(community_parts(G, result.labels.to_dict()).values()) == {1}


def test_consensus_threshold_keeps_everyone_attached():
    # A person who sits between two groups and moves between runs keeps the strongest consensus tie.
    n, u, v = 5, np.array([0, 1, 2, 0]), np.array([1, 2, 3, 4])
    together = np.array([1.0, 0.4, 1.0, 0.2])
    # Edge 1 (0.4) goes: its ends keep stronger ties. Person 4's only tie (0.2) stays.
    assert comm._keep_consensus(n, u, v, together, 0.5).tolist() == [True, False, True, True]
    assert comm._keep_consensus(n, u, v, together, 0.1).tolist() == [True, True, True, True]
    # A tie no run ever kept together (0) never connects anyone.
    assert comm._keep_consensus(n, u, v, np.array([1.0, 0.0, 1.0, 0.0]), 0.5).tolist() == [True, False, True, False]


def test_one_run_is_its_own_consensus():
    G = samples.load("krackhardt").graph("advice")
    result = community_stability(G, runs=1, seed=4)
    assert result.converged and result.mean_nmi == 1.0
    found = leiden_communities(G, seed=4)
    run = [found[v] for v in G]
    assert normalized_mutual_information(result.labels.tolist(), run) == 1.0


def test_unknown_method_and_bad_settings_are_explained():
    G = samples.load("krackhardt").graph("advice")
    with pytest.raises(OnaError, match="choose 'leiden' or 'louvain'") as caught:
        community_stability(G, method="infomap")
    assert "kies 'leiden' of 'louvain'" in caught.value.message("nl")
    with pytest.raises(OnaError, match="between 0 and 1"):
        community_stability(G, threshold=1.5)
    with pytest.raises(OnaError, match="positive number"):
        leiden_communities(G, resolution=-1)


def test_stability_and_comparison_memory_grow_with_the_input_not_its_square():
    # A sparse roster: 150,000 people, 10,000 ties, 3,000 departments; almost everyone is a community of
    # one. A communities x communities (or x groups) table would need over a hundred gigabytes.
    import tracemalloc

    rng = np.random.default_rng(0)
    n, m = 150_000, 10_000
    source, target = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = source != target
    arrays = TieArrays(
        pd.Index([f"p{i}" for i in range(n)], dtype=object), source[keep], target[keep], np.ones(int(keep.sum())),
        np.ones(n, dtype=bool),
    )
    groups = comm.GroupCodes.from_values([f"d{i % 3000:04d}" for i in range(n)], "department")
    tracemalloc.start()
    stability = comm.community_stability_arrays(arrays, runs=3, seed=0)
    comparison = comm.compare_with_groups_arrays(stability.labels.to_numpy(), groups)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 150 * 2**20
    assert len(stability.communities) > 125_000 and len(comparison.communities) == len(stability.communities)
    assert comparison.counts["people"].sum() == n
    with pytest.raises(OnaError, match="counts"):
        comparison.contingency  # noqa: B018


def test_compare_with_groups_counts_in_long_form():
    G = nx.DiGraph([("a", "b"), ("c", "d"), ("d", "e")])
    nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT", "e": "HR"}, "department")
    result = compare_with_groups(G, {"a": 1, "b": 1, "c": 0, "d": 0, "e": 0})
    assert result.counts.values.tolist() == [[0, "IT", 2], [0, "HR", 1], [1, "HR", 2]]
    assert result.groups == ("HR", "IT")
