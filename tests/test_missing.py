"""Non-respondents: reconstruction where defensible, the scenarios of a sensitivity run, robustness marks.

Expected values are worked out by hand on small networks (see the comments).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from ona import OnaError, OrgNetwork, samples
from ona.measures.analysis import analyze
from ona.measures.engines import GroupCodes, TieArrays
from ona.measures.missing import (
    SENSITIVITY_SCENARIOS,
    reconstruct,
    reconstruct_arrays,
    reconstructable,
    scenario_networks,
    sensitivity,
)


def _net() -> OrgNetwork:
    # HR {a, b, c} work together closely; IT {d, e, f} too; c -> d is the one tie HR reports to IT.
    # n (HR) did not answer; d (IT) reports a tie to n.
    roster = pd.DataFrame({"department": ["HR", "HR", "HR", "HR", "IT", "IT", "IT"]},
                          index=pd.Index(list("abcndef"), name="id"))
    pairs = [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b"), ("a", "c"), ("c", "a"), ("d", "e"), ("e", "d"),
             ("e", "f"), ("f", "e"), ("d", "f"), ("f", "d"), ("c", "d"), ("d", "n")]
    ties = pd.DataFrame({"source": [p[0] for p in pairs], "target": [p[1] for p in pairs],
                         "relation": "collaboration", "weight": 2.0})
    return OrgNetwork(roster, ties, respondents=list("abcdef"))


def _cross(net: OrgNetwork) -> list[str]:
    """A result: 'HR-IT weak' when at most 2 ties cross between HR and IT."""
    dept = net.roster["department"]
    ties = net.ties
    crossing = int((dept.loc[ties["source"]].to_numpy() != dept.loc[ties["target"]].to_numpy()).sum())
    return ["HR-IT weak"] if crossing <= 2 else []


def test_which_relations_may_be_reconstructed():
    assert all(map(reconstructable, ["collaboration", "Samenwerking", "cowork", "communication", "werkoverleg",
                                     "works with", "contact"]))
    assert not any(map(reconstructable, ["advice", "trust", "friendship", "information", "energy", "reports_to",
                                         "innovation"]))


def test_reconstruction_takes_the_other_sides_report():
    arrays = TieArrays.from_network(_net(), "collaboration")
    rebuilt = reconstruct_arrays(arrays)
    added = set(zip(rebuilt.nodes[rebuilt.source[arrays.m:]], rebuilt.nodes[rebuilt.target[arrays.m:]]))
    assert added == {("n", "d")}  # d named n, so n -> d with d's weight
    assert rebuilt.weight[arrays.m:].tolist() == [2.0]
    assert (rebuilt.responded == arrays.responded).all()  # n is still a non-respondent
    assert reconstruct_arrays(rebuilt).m == rebuilt.m  # nothing added twice


def test_reconstruct_network_and_its_refusal():
    net = _net()
    rebuilt = reconstruct(net)
    assert rebuilt.complete and len(rebuilt.ties) == len(net.ties) + 1
    mixed = samples.load("municipality")
    if not mixed.complete:
        with pytest.raises(OnaError, match="unknown ties in"):
            reconstruct(mixed)


def test_analyze_reconstructs_only_symmetric_relations():
    net = samples.load("municipality")
    assert not net.complete
    plain = analyze(net, n_permutations=0, stability_runs=1)
    rebuilt = analyze(net, n_permutations=0, stability_runs=1, missing="reconstruct")
    assert rebuilt.summary["collaboration"]["missing_treatment"] == "reconstruct"
    assert rebuilt.summary["collaboration"]["reconstructed_ties"] > 0
    assert rebuilt.summary["collaboration"]["ties"] == plain.summary["collaboration"]["ties"] + rebuilt.summary[
        "collaboration"]["reconstructed_ties"]
    for relation in ("advice", "trust"):  # directed: unknown stays unknown
        assert rebuilt.summary[relation]["missing_treatment"] == "none"
        assert rebuilt.summary[relation]["ties"] == plain.summary[relation]["ties"]
    assert plain.summary["collaboration"]["missing_treatment"] == "none"
    # Non-respondents stay non-respondents: their out-degree is still unknown.
    silent = ~net.respondent_mask()
    assert rebuilt.people.loc[silent, "collaboration_out_degree"].isna().all()
    with pytest.raises(OnaError, match="'none' or 'reconstruct'"):
        analyze(net, missing="impute")


def test_scenarios_hand_checked():
    net = _net()
    scenarios = scenario_networks(net, seed=1)
    assert list(scenarios) == list(SENSITIVITY_SCENARIOS)
    assert "n" not in scenarios["drop"].people and len(scenarios["drop"].ties) == len(net.ties) - 1
    assert scenarios["reconstruct"].complete
    assert ("n", "d") in set(zip(scenarios["reconstruct"].ties["source"], scenarios["reconstruct"].ties["target"]))
    # Like colleagues: n copies an HR respondent, who all have two ties inside HR.
    imagined = scenarios["like_colleagues"].ties
    from_n = imagined[imagined["source"] == "n"]
    assert 1 <= len(from_n) <= 2 and set(from_n["target"]) <= {"a", "b", "c"}
    again = scenario_networks(net, seed=1)["like_colleagues"].ties
    pd.testing.assert_frame_equal(imagined, again)


def test_sensitivity_marks_a_result_that_rests_on_a_non_respondent():
    net = _net()
    assert _cross(net) == ["HR-IT weak"]  # c -> d and d -> n
    [mark] = sensitivity(net, _cross, str)
    # Dropping n leaves 1 crossing tie, like-colleagues keeps n inside HR (2), reconstruction adds n -> d (3).
    assert mark.scenarios == {"drop": True, "reconstruct": False, "like_colleagues": True}
    assert not mark.robust and mark.non_respondents == 1
    assert mark.to_dict() == {"robust": False, "non_respondents": 1,
                              "scenarios": {"drop": True, "reconstruct": False, "like_colleagues": True}}


def test_with_full_response_everything_is_robust():
    net = samples.load("krackhardt")
    assert net.complete and scenario_networks(net) == {}
    marks = sensitivity(net, lambda n: ["x", "y"], str)
    assert [(m.robust, m.scenarios, m.non_respondents) for m in marks] == [(True, {}, 0), (True, {}, 0)]


def test_like_colleagues_keeps_the_donors_mix_of_inside_and_outside_ties():
    # 400 people in 4 groups; respondents send 80% of their ties inside the group. Imagined ties of the
    # non-respondents should do about the same.
    rng = np.random.default_rng(0)
    n = 400
    group = np.repeat(np.arange(4), 100)
    G = nx.DiGraph()
    G.add_nodes_from((i, {"department": f"g{group[i]}", "responded": i % 5 != 0}) for i in range(n))
    for i in range(n):
        if i % 5 == 0:
            continue
        for _ in range(10):
            j = rng.integers(0, n) if rng.random() < 0.2 else group[i] * 100 + rng.integers(0, 100)
            if j != i:
                G.add_edge(i, int(j))
    arrays = TieArrays.from_graph(G, None)
    groups = GroupCodes.from_values([G.nodes[v]["department"] for v in G], "department")
    from ona.measures.missing import _like_colleagues

    imagined = _like_colleagues(arrays, groups, np.random.default_rng(3))
    new = slice(arrays.m, imagined.m)
    inside = groups.codes[imagined.source[new]] == groups.codes[imagined.target[new]]
    assert (~arrays.responded[imagined.source[new]]).all()
    assert 0.7 < inside.mean() < 0.9
    assert abs((imagined.m - arrays.m) / 80 - arrays.m / 320) < 2.5  # about as many ties per person
