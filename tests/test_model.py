"""OrgNetwork: the roster, graphs per relation, respondents and waves."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from ona import EmptyNetworkError, MissingAttributeError, OnaError, OrgNetwork, UnknownRelationError


def test_every_roster_person_is_a_node_with_attributes(tiny_network):
    G = tiny_network.graph("trust")
    assert set(G) == {"a", "b", "c", "d", "e"}
    assert G.number_of_edges() == 1
    assert G.nodes["a"]["name"] == "Ana de Vries"
    assert G.nodes["a"]["department"] == "HR"
    assert G.nodes["e"]["department"] is None
    assert G.graph == {"relation": "trust", "wave": "2025", "name": "Tiny"}


def test_edges_are_directed_and_weighted(tiny_network):
    G = tiny_network.graph("advice")
    assert G.is_directed()
    assert G["b"]["c"]["weight"] == 2.0
    assert not G.has_edge("c", "b")


def test_non_respondents_are_distinguishable_from_people_without_ties(tiny_network):
    G = tiny_network.graph("trust")
    # b responded but has no trust ties; e did not respond.
    assert G.degree("b") == 0 and G.nodes["b"]["responded"] is True
    assert G.degree("e") == 0 and G.nodes["e"]["responded"] is False
    assert not tiny_network.is_respondent("e")
    assert tiny_network.response_rate == pytest.approx(0.8)
    assert not tiny_network.complete


def test_respondents_default_to_everyone(tiny_roster):
    net = OrgNetwork(tiny_roster, pd.DataFrame(columns=["source", "target", "relation", "weight"]))
    assert net.complete and net.response_rate == 1.0


def test_graphs_are_frozen_and_cached(tiny_network):
    G = tiny_network.graph("advice")
    assert nx.is_frozen(G)
    with pytest.raises(nx.NetworkXError):
        G.add_edge("a", "c")
    assert tiny_network.graph("advice") is G
    H = G.copy()
    H.add_edge("a", "c")
    assert not tiny_network.graph("advice").has_edge("a", "c")


def test_the_callers_frames_are_not_mutated(tiny_roster):
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["advice"], "weight": [1]})
    before_roster, before_ties = tiny_roster.copy(), ties.copy()
    OrgNetwork(tiny_roster, ties).graph("advice")
    pd.testing.assert_frame_equal(tiny_roster, before_roster)
    pd.testing.assert_frame_equal(ties, before_ties)


def test_relations_keep_declared_order_including_empty_ones(tiny_roster):
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["advice"], "weight": [1]})
    net = OrgNetwork(tiny_roster, ties, relations=("trust", "advice"))
    assert net.relations == ("trust", "advice")
    assert net.graph("trust").number_of_edges() == 0
    with pytest.raises(EmptyNetworkError, match="'trust' has no ties"):
        net.require_ties("trust")
    assert list(net.graphs) == ["trust", "advice"]


def test_unknown_relation_names_the_available_ones(tiny_network):
    with pytest.raises(UnknownRelationError, match="no relation 'friendship'; it holds 'advice', 'trust'"):
        tiny_network.graph("friendship")


def test_groups_label_empty_values(tiny_network):
    assert tiny_network.groups("department").to_dict() == {
        "a": "HR", "b": "HR", "c": "IT", "d": "IT", "e": "(unknown)"
    }
    with pytest.raises(MissingAttributeError, match="no attribute 'office'"):
        tiny_network.groups("office")


@pytest.mark.parametrize(
    ("ties", "message"),
    [
        ([("a", "zz", "advice", 1)], "not on the roster"),
        ([("a", "a", "advice", 1)], "self-ties"),
        ([("a", "b", "advice", 1), ("a", "b", "advice", 2)], "duplicate ties"),
    ],
)
def test_constructor_rejects_unclean_ties(tiny_roster, ties, message):
    frame = pd.DataFrame(ties, columns=["source", "target", "relation", "weight"])
    with pytest.raises(OnaError, match=message):
        OrgNetwork(tiny_roster, frame)


def test_constructor_rejects_duplicate_ids_and_unknown_respondents(tiny_roster):
    empty = pd.DataFrame(columns=["source", "target", "relation", "weight"])
    doubled = pd.concat([tiny_roster, tiny_roster.iloc[:1]])
    with pytest.raises(OnaError, match="duplicate ids"):
        OrgNetwork(doubled, empty)
    with pytest.raises(OnaError, match="not on the roster"):
        OrgNetwork(tiny_roster, empty, respondents=["a", "x"])


def test_ids_are_strings_and_node_attributes_plain_python(tiny_roster):
    roster = tiny_roster.reset_index()
    roster["id"] = [1, 2, 3, 4, 5]
    roster["age"] = pd.array([30, 40, 50, 60, 70], dtype="int64")
    ties = pd.DataFrame({"source": [1], "target": [2], "relation": ["advice"], "weight": [1]})
    net = OrgNetwork(roster, ties)
    G = net.graph("advice")
    assert set(G) == {"1", "2", "3", "4", "5"}
    assert type(G.nodes["1"]["age"]) is int


def test_with_changes_and_restricted_to(tiny_network):
    later = tiny_network.with_changes(wave="2026")
    assert later.wave == "2026" and tiny_network.wave == "2025"
    assert later.graph("advice").graph["wave"] == "2026"
    only = tiny_network.restricted_to(["trust"])
    assert only.relations == ("trust",) and len(only.ties) == 1


def test_repr_and_sizes(tiny_network):
    assert len(tiny_network) == 5
    assert "a" in tiny_network
    assert "5 people, 4 respondents, wave '2025'; advice: 4 ties, trust: 1 ties" in repr(tiny_network)
    assert math.isnan(
        OrgNetwork(pd.DataFrame(index=pd.Index([], name="id")), pd.DataFrame(columns=["source", "target"])).response_rate
    )


def test_ties_sent_by_non_respondents_are_refused(tiny_roster):
    ties = pd.DataFrame({"source": ["e"], "target": ["a"], "relation": ["advice"], "weight": [1]})
    with pytest.raises(OnaError, match="sent by people who are not respondents, e.g. 'e'"):
        OrgNetwork(tiny_roster, ties, respondents=["a", "b"])


@pytest.mark.parametrize("weight", ["x", float("inf"), 0, -1])
def test_weights_must_be_positive_finite_numbers(tiny_roster, weight):
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["advice"], "weight": [weight]})
    with pytest.raises(OnaError, match="not a positive, finite number"):
        OrgNetwork(tiny_roster, ties)
