"""Tests for ona.findings.pairs: every pair's status, the declared pairs first, and perception beside the ties.

Expected values: the municipality's planted.json (two side-by-side collaborations, two healthy ones), the
planted organisations of tests/test_planted.py, and small networks whose ratios are worked out by hand.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from ona import OrgNetwork, samples
from ona.findings import find_findings
from ona.findings.detectors import Thresholds, cross_group_ties
from ona.findings.pairs import (
    PAIR_COLUMNS,
    pair_status,
    pair_table,
    perception_findings,
    with_perception,
)
from ona.io.expected import read_expected

ROOT = Path(__file__).resolve().parents[1]
PLANTED = json.loads((ROOT / "sample_networks" / "municipality" / "planted.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def municipality() -> tuple[OrgNetwork, pd.DataFrame, list]:
    net = samples.load("municipality")
    expected = read_expected(samples.expected_collaborations_path("municipality"), net)
    return net, expected, find_findings(net, expected=expected)


def test_the_municipality_declared_pairs_side_by_side_and_healthy(municipality) -> None:
    net, expected, findings = municipality
    table = pair_table(net, expected=expected, findings=findings)
    assert list(table.columns) == list(PAIR_COLUMNS)
    declared = table.loc[table["declared"]]
    assert len(declared) == 4 and table["declared"].iloc[:4].all()  # declared pairs first
    status = {row.collaboration: row.status for row in declared.itertuples()}
    assert status[PLANTED["gap_detail"]["collaboration"]] == "gap"
    assert status[PLANTED["fragile_bridge"]["collaboration"]] == "gap"
    for name in PLANTED["healthy_collaborations"]:
        assert status[name] == "healthy"
    loket = declared.loc[declared["collaboration"] == "Sociaal loket"].iloc[0]
    assert loket["ties"] == 8 and loket["finding"] == "gap" and loket["carriers"] == ["E0141"]
    assert (loket["group_a"], loket["group_b"]) == ("Sociaal Domein", "Publiekszaken")  # the declared order


def test_statuses_agree_with_the_gap_findings(municipality) -> None:
    net, expected, findings = municipality
    table = pair_table(net, expected=expected, findings=findings)
    gaps = {frozenset(f.groups) for f in findings if f.kind == "gap"}
    for row in table.loc[table["declared"]].itertuples():
        assert (row.status == "gap") == (frozenset((row.group_a, row.group_b)) in gaps), row


def test_ratios_against_random_mixing_by_hand() -> None:
    # Two cliques of four and 6 cross ties through one person: 15 expected (see test_silos), ratio 0.4.
    G = nx.complete_graph(8, nx.DiGraph)
    G.remove_edges_from([(u, v) for u in range(8) for v in range(8) if (u < 4) != (v < 4)])
    G.add_edges_from([(0, 4), (4, 0), (0, 5), (5, 0), (0, 6), (6, 0)])
    nx.set_node_attributes(G, {i: "A" if i < 4 else "B" for i in range(8)}, "department")
    roster = pd.DataFrame({"department": ["A"] * 4 + ["B"] * 4}, index=pd.Index([str(i) for i in range(8)], name="id"))
    ties = pd.DataFrame([(str(u), str(v), "advice", 1.0) for u, v in G.edges],
                        columns=["source", "target", "relation", "weight"])
    net = OrgNetwork(roster, ties)
    table = pair_table(net, expected=[("B", "A")])
    row = table.iloc[0]
    assert (row.group_a, row.group_b) == ("B", "A")  # declared order, directions follow it
    assert row.ties == 6 and row.expected == pytest.approx(15.0) and row.ratio == pytest.approx(0.4)
    assert row.status == "gap" and cross_group_ties(G)["expected"].iloc[0] == pytest.approx(15.0)


@pytest.mark.parametrize(("ties", "expected", "status"), [
    (2, 55.0, "gap"), (27, 55.0, "gap"), (28, 55.0, "thin"), (54, 55.0, "thin"), (55, 55.0, "healthy"),
    (1, 3.0, "thin"),  # one of three expected could be chance: not a gap
    (0, 0.0, "unknown"), (3, math.nan, "unknown"),
])
def test_pair_status_boundaries(ties, expected, status) -> None:
    assert pair_status(ties, expected) == status


def test_a_declared_pair_with_a_group_too_small_to_judge_is_listed_as_unknown(municipality) -> None:
    net, _, _ = municipality
    roster = net.roster.copy()
    roster.loc[roster.index[:2], "department"] = "Tweetal"  # two people: below min_group_size 3
    small = OrgNetwork(roster, net.ties, respondents=net.respondents)
    table = pair_table(small, expected=[("Tweetal", "Publiekszaken")])
    row = table.iloc[0]
    assert (row.group_a, row.group_b, row.status) == ("Tweetal", "Publiekszaken", "unknown")
    assert math.isnan(row.expected)


def test_planted_organisations_colour_as_planted() -> None:
    from test_planted import planted_organisation

    for seed in range(6):
        net, declared, truth = planted_organisation(seed)
        table = pair_table(net, expected=declared, thresholds=Thresholds(silo_permutations=50))
        status = {frozenset((r.group_a, r.group_b)): r.status for r in table.itertuples()}
        assert status[frozenset(truth["gap"])] == "gap", seed
        assert status[frozenset(truth["bridge"])] != "gap", seed  # the liaison carries the usual volume
        assert status[frozenset(truth["healthy"])] == "healthy", seed


# -- perception ---------------------------------------------------------------------------------------------


def perceiving_network() -> OrgNetwork:
    """Three departments of six; A-B say they work together weekly but have one tie; A-C say never, yet are tied."""
    people = [(f"{g}{i}", g) for g in "ABC" for i in range(6)]
    roster = pd.DataFrame(people, columns=["id", "department"]).set_index("id")
    ties = [(f"{g}{i}", f"{g}{j}") for g in "ABC" for i in range(6) for j in range(6) if i != j and (i + j) % 2]
    ties += [("A0", "B0")]
    ties += [(f"A{i}", f"C{i}") for i in range(6)] + [(f"C{i}", f"A{(i + 1) % 6}") for i in range(6)]
    ties += [(f"B{i}", f"C{i}") for i in range(3)] + [(f"C{i}", f"B{i}") for i in range(3)]
    frame = pd.DataFrame([(u, v, "advice", 1.0) for u, v in ties], columns=["source", "target", "relation", "weight"])
    answers = []
    for g, others in (("A", {"B": 3.0, "C": 0.0}), ("B", {"A": 4.0, "C": 2.0}), ("C", {"A": 1.0, "B": 2.0})):
        answers += [(f"{g}{i}", h, "collaboration", w, "Hoe vaak?", "perceived") for i in range(6)
                    for h, w in others.items()]
    group_ties = pd.DataFrame(answers, columns=["respondent", "group", "relation", "weight", "question", "purpose"])
    return OrgNetwork(roster, frame, group_ties=group_ties)


def test_perception_and_ties_that_disagree_are_findings() -> None:
    net = perceiving_network()
    from ona.io.survey.perceived import perceived_collaboration

    table = with_perception(pair_table(net), perceived_collaboration(net))
    row = {frozenset((r.group_a, r.group_b)): r for r in table.itertuples()}
    ab, ac = row[frozenset("AB")], row[frozenset("AC")]
    assert ab.perceived == 3.5 and ab.status == "gap" and ab.disagreement == "says_often"
    assert ac.perceived == 0.5 and ac.status == "healthy" and ac.disagreement == "says_rarely"
    assert row[frozenset("BC")].disagreement == ""
    found = [f for f in find_findings(net) if f.kind == "perception"]
    assert sorted(f.evidence["disagreement"] for f in found) == ["says_often", "says_rarely"]
    often = next(f for f in found if f.evidence["disagreement"] == "says_often")
    assert "wekelijks" in often.text["nl"] and "weekly" in often.text["en"] and "1 relatie" in often.text["nl"]
    assert often.severity <= 0.55 and often.confidence is not None and often.suggestions["nl"]


def test_no_perceived_answers_no_perception_findings() -> None:
    empty = with_perception(pd.DataFrame({"group_a": ["A"], "group_b": ["B"], "status": ["gap"]}), pd.DataFrame())
    assert empty["disagreement"].tolist() == [""] and math.isnan(empty["perceived"].iloc[0])
    assert perception_findings(empty) == []
    assert not any(f.kind == "perception" for f in find_findings(samples.load("krackhardt"), relations=["advice"]))


def test_a_survey_with_a_frequency_question_per_department() -> None:
    """tests/fixtures/gemeente40: the Microsoft Forms export's 'how often do you work with ...' question."""
    from ona.io.ingest import load_network
    from ona.io.survey.perceived import perceived_collaboration

    folder = ROOT / "tests" / "fixtures" / "gemeente40"
    net = load_network(folder / "exports" / "msforms_nl.xlsx", folder / "roster.csv")
    perceived = perceived_collaboration(net)
    table = with_perception(pair_table(net), perceived)
    assert perceived.shape == (5, 5) and table["perceived"].notna().all()
    truth = pd.read_csv(folder / "truth_groups.csv")
    truth = truth.merge(net.groups().rename("own"), left_on="respondent", right_index=True)
    row = table.iloc[0]
    by_hand = truth.loc[((truth["own"] == row.group_a) & (truth["group"] == row.group_b))
                        | ((truth["own"] == row.group_b) & (truth["group"] == row.group_a))]
    means = by_hand.groupby("own")["weight"].mean()
    assert row.perceived == pytest.approx(means.mean(), abs=0.01)
