"""The conditions scan and perceived versus actual ties: hand-checked examples, Krackhardt's cognitive social
structure, and an independent computation."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ona import samples
from ona.exceptions import OnaError
from ona.measures.conditions import ALL_GROUPS, compare_conditions, conditions_scan
from ona.measures.perception import locally_aggregated_structure, perception_accuracy
from ona.model import OrgNetwork

CSS = Path(samples.sample_path("krackhardt")) / "original"


def _net(groups: dict[str, str], conditions: list[tuple]) -> OrgNetwork:
    roster = pd.DataFrame({"department": list(groups.values())}, index=pd.Index(list(groups), name="id"))
    answers = pd.DataFrame(conditions, columns=["respondent", "collaboration", "condition", "item", "score"])
    return OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), conditions=answers)


def test_scores_are_means_of_respondents_item_means_by_hand():
    # a: process items 2 and 4 -> 3; b: 5 -> 5; c (group B): 1 and 2 -> 1.5
    net = _net({"a": "A", "b": "A", "c": "B", "d": "B"},
               [("a", "X", "process", "PRO1", 2), ("a", "X", "process", "PRO2", 4), ("b", "X", "process", "PRO1", 5),
                ("c", "X", "process", "PRO1", 1), ("c", "X", "process", "PRO3", 2),
                ("a", "X", "ambition", "AMB1", 4), ("c", "X", "ambition", "AMB1", 4)])
    scan = conditions_scan(net, [("A", "B", "X")])
    table = scan.scores.set_index(["group", "condition"])
    assert table.loc[("A", "process"), "mean"] == 4.0  # (3 + 5) / 2
    assert table.loc[("A", "process"), "sd"] == pytest.approx(math.sqrt(2))  # sample sd of 3 and 5
    assert table.loc[("B", "process"), "mean"] == 1.5 and table.loc[("B", "process"), "n"] == 1
    assert math.isnan(table.loc[("B", "process"), "sd"])
    assert table.loc[(ALL_GROUPS, "process"), "mean"] == pytest.approx((3 + 5 + 1.5) / 3)
    assert table.loc[("B", "process"), "response"] == 0.5 and table.loc[(ALL_GROUPS, "process"), "members"] == 4
    summary = scan.summary.iloc[0]
    assert (summary["best"], summary["weakest"]) == ("ambition", "process")
    assert list(scan.for_collaboration("X").index) == ["A", "B", ALL_GROUPS]
    assert list(scan.for_collaboration("X").columns) == ["ambition", "process"]


def test_groups_that_see_a_condition_differently_are_notable_only_with_enough_answers():
    rows = [(p, "X", "process", "PRO1", s) for p, s in zip("abcdef", [4, 5, 4, 2, 1, 2])]
    net = _net(dict(zip("abcdef", "AAABBB")), rows)
    diff = conditions_scan(net, [("A", "B", "X")]).differences.iloc[0]
    assert (diff["higher"], diff["lower"]) == ("A", "B")
    assert diff["difference"] == pytest.approx(13 / 3 - 5 / 3)
    pooled = math.sqrt((np.var([4, 5, 4], ddof=1) + np.var([2, 1, 2], ddof=1)) / 2)
    assert diff["cohens_d"] == pytest.approx(diff["difference"] / pooled)
    assert diff["notable"]
    assert not conditions_scan(net, [("A", "B", "X")], min_n=4).differences.iloc[0]["notable"]


def test_answers_from_outside_the_collaboration_are_kept_apart():
    net = _net({"a": "A", "b": "B", "c": "C"}, [(p, "X", "process", "PRO1", 3) for p in "abc"])
    scores = conditions_scan(net, [("A", "B", "X")]).scores
    assert scores.set_index("group").loc["C", "member"] == False  # noqa: E712
    assert scores.set_index("group").loc[ALL_GROUPS, "n"] == 3


def test_without_declared_collaborations_the_answering_groups_are_the_members():
    net = _net({"a": "A", "b": "B"}, [(p, "X", "process", "PRO1", 3) for p in "ab"])
    scan = conditions_scan(net)
    assert scan.collaborations == {"X": ("A", "B")}


def test_change_between_waves():
    before = conditions_scan(_net({"a": "A", "b": "B"}, [("a", "X", "process", "PRO1", 2), ("b", "X", "process", "PRO1", 2)]))
    after = conditions_scan(_net({"a": "A", "b": "B"}, [("a", "X", "process", "PRO1", 4), ("b", "X", "process", "PRO1", 3)]))
    change = compare_conditions(before, after).set_index("group")["change"]
    assert change.to_dict() == {"A": 2.0, "B": 1.0, ALL_GROUPS: 1.5}


def test_an_empty_scan_is_empty_not_an_error():
    net = OrgNetwork(pd.DataFrame(index=pd.Index(["a"], name="id")), pd.DataFrame(columns=["source", "target"]))
    scan = conditions_scan(net)
    assert scan.empty and scan.summary.empty and scan.differences.empty


def test_scores_off_the_scale_are_refused_with_a_clear_message():
    with pytest.raises(OnaError, match="between 1 and 5"):
        _net({"a": "A"}, [("a", "X", "process", "PRO1", 7)])


# -- perception ---------------------------------------------------------------------------------------------


def _krackhardt_css() -> OrgNetwork:
    net = samples.load("krackhardt")
    css = pd.concat([pd.read_csv(CSS / "css_advice_perceptions.csv").assign(relation="advice"),
                     pd.read_csv(CSS / "css_friendship_perceptions.csv").assign(relation="friendship")])
    return net.with_changes(perceived_ties=css.astype({"perceiver": str, "source": str, "target": str}))


def test_krackhardts_own_reports_are_the_network():
    """In Krackhardt's CSS each manager's report of their own ties is the published network (row-dependent LAS)."""
    css = pd.read_csv(CSS / "css_advice_perceptions.csv")
    own = css.loc[css["perceiver"] == css["source"], ["source", "target"]]
    actual = pd.read_csv(CSS / "advice_edges.csv")
    assert set(map(tuple, own.values)) == set(map(tuple, actual.values))


def test_perception_accuracy_on_krackhardts_managers_equals_an_independent_computation():
    net = _krackhardt_css()
    result = perception_accuracy(net, ["advice"]).people.set_index("person")
    # independently: 21 x 21 matrices, X[j, k] = 1 when j names k; P[j, k] = 1 when k says j comes to k
    X = np.zeros((21, 21), dtype=int)
    for s, t in pd.read_csv(CSS / "advice_edges.csv").values:
        X[s - 1, t - 1] = 1
    P = np.zeros((21, 21), dtype=int)
    css = pd.read_csv(CSS / "css_advice_perceptions.csv")
    for k, s, t in css.loc[css["perceiver"] == css["target"]].values:
        P[s - 1, k - 1] = 1
    for k in range(21):
        a, p = np.delete(X[:, k], k), np.delete(P[:, k], k)
        row = result.loc[str(k + 1)]
        assert (row["actual"], row["perceived"], row["hits"]) == (a.sum(), p.sum(), (a & p).sum())
        assert row["accuracy"] == pytest.approx((a == p).mean())
    totals = result[["actual", "perceived", "hits"]].sum()
    assert totals.tolist() == [190, 215, 129]  # 190 published advice ties; 215 believed; 129 both


def test_locally_aggregated_structures_of_krackhardts_advice_network():
    net = _krackhardt_css()
    assert len(locally_aggregated_structure(net, "advice")) == 129
    assert len(locally_aggregated_structure(net, "advice", how="union")) == 190 + 215 - 129
    with pytest.raises(ValueError):
        locally_aggregated_structure(net, "advice", how="consensus")


def test_group_perception_adds_up_its_members():
    net = _krackhardt_css()
    result = perception_accuracy(net, ["advice"])
    groups = result.groups.set_index("group")
    people = result.people
    for group, part in people.groupby("group"):
        assert groups.loc[group, "perceived"] == part["perceived"].sum()
        assert groups.loc[group, "ratio"] == pytest.approx(part["perceived"].sum() / part["actual"].sum())


def test_non_respondents_perceived_ties_cannot_be_checked():
    roster = pd.DataFrame({"department": ["X"] * 3}, index=pd.Index(["a", "b", "c"], name="id"))
    perceived = pd.DataFrame({"perceiver": "a", "source": ["b", "c"], "target": "a", "relation": "trust"})
    net = OrgNetwork(roster, pd.DataFrame({"source": ["b"], "target": ["a"], "relation": ["trust"]}),
                     respondents=["a", "b"], perceived_ties=perceived)
    row = perception_accuracy(net).people.set_index("person").loc["a"]
    assert (row["perceived"], row["unknown"], row["hits"], row["false_alarms"]) == (1, 1, 1, 0)


def test_the_manager_network_leaves_out_the_scan_answers_of_people_it_leaves_out():
    from ona.privacy import PrivacyPolicy, manager_network

    roster = pd.DataFrame({"department": ["A"] * 3 + ["B"] * 3 + ["C"]}, index=pd.Index(list("abcdefg"), name="id"))
    perceived = pd.DataFrame({"perceiver": ["a", "g", "d"], "source": ["g", "a", "e"], "target": ["a", "g", "d"],
                              "relation": "trust"})
    answers = pd.DataFrame({"respondent": ["a", "g"], "collaboration": "X", "condition": "process", "item": "PRO1",
                            "score": [3, 4]})
    net = OrgNetwork(roster, pd.DataFrame({"source": ["a"], "target": ["d"]}), perceived_ties=perceived,
                     conditions=answers)
    shown = manager_network(net, PrivacyPolicy(min_group_size=3))
    assert "g" not in set(shown.perceived_ties[["perceiver", "source", "target"]].values.ravel())
    assert shown.conditions["respondent"].tolist() == ["a"]
