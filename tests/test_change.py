"""Comparing two waves: kept/new/lost ties over panel respondents, and spreading cross-group gains."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ona import OnaError, OrgNetwork, samples
from ona.findings.change import compare_waves, cross_group_activity, tie_changes


@pytest.fixture
def roster():
    return pd.DataFrame(
        {"department": ["A", "A", "B", "B"], "team": ["a1", "a1", "b1", "b1"]},
        index=pd.Index(["a", "b", "c", "d"], name="id"),
    )


def _net(roster, ties, respondents, wave):
    frame = pd.DataFrame(ties, columns=["source", "target"]).assign(relation="advice", weight=1.0)
    return OrgNetwork(roster, frame, respondents=respondents, wave=wave)


def test_only_ties_of_twice_responding_senders_are_compared(roster):
    # d responded only in wave 2, so its new tie d->a is not "new": its wave-1 ties are unknown.
    before = _net(roster, [("a", "b"), ("b", "c"), ("c", "a")], ["a", "b", "c"], "1")
    after = _net(roster, [("a", "b"), ("a", "c"), ("d", "a")], ["a", "b", "d"], "2")
    changes = tie_changes(before, after, "advice")
    assert changes[["source", "target", "status"]].values.tolist() == [
        ["a", "b", "kept"], ["a", "c", "new"], ["b", "c", "lost"],
    ]
    result = compare_waves(before, after)
    assert result.panel == {"a", "b"}
    row = result.relations.iloc[0].to_dict()
    # Hand count: kept 1, new 1, lost 1 -> Jaccard 1/3.
    assert (row["kept"], row["new"], row["lost"]) == (1, 1, 1)
    assert row["jaccard"] == pytest.approx(1 / 3)
    assert (row["ties_before"], row["ties_after"]) == (2, 2)


def test_group_pair_and_group_gains_by_hand(roster):
    before = _net(roster, [("a", "b"), ("b", "c")], ["a", "b", "c", "d"], "1")
    after = _net(roster, [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")], ["a", "b", "c", "d"], "2")
    result = compare_waves(before, after)
    pairs = result.group_pairs.set_index(["source_group", "target_group"])
    assert pairs.loc[("A", "B"), ["before", "after", "change"]].tolist() == [1, 3, 2]
    assert pairs.loc[("B", "A"), "change"] == 0
    groups = result.groups.set_index("group")
    # A's panel respondents a and b send 1 cross tie before (b->c) and 3 after: mean 0.5 -> 1.5.
    assert groups.loc["A", ["cross_before", "cross_after", "gain"]].tolist() == [0.5, 1.5, 1.0]
    assert groups.loc["B", "gain"] == 0
    people = result.people.set_index("id")
    assert people.loc["a", ["cross_before", "cross_after", "new_ties", "lost_ties"]].tolist() == [0, 2, 2, 0]


def test_cross_group_activity_counts_zero_for_people_without_ties(roster):
    net = _net(roster, [("a", "c"), ("a", "b")], None, "1")
    groups = net.groups("department")
    assert cross_group_activity(net, "advice", {"a", "b", "d"}, groups).to_dict() == {"a": 1, "b": 0, "d": 0}


def test_a_reorganisation_alone_is_not_cross_group_growth(roster):
    ties = [("a", "b"), ("b", "c"), ("c", "d")]
    before = _net(roster, ties, None, "1")
    moved = roster.copy()
    moved.loc["c", "department"] = "A"  # c moves from B to A; nobody's ties change
    after = OrgNetwork(moved, before.ties, wave="2")
    result = compare_waves(before, after)
    assert (result.groups["gain"] == 0).all()
    assert (result.group_pairs["change"] == 0).all()


def test_waves_without_common_respondents_or_relations(roster):
    w1 = _net(roster, [("a", "b")], ["a"], "1")
    w2 = _net(roster, [("b", "a")], ["b"], "2")
    with pytest.raises(OnaError, match="share nobody who responded in both"):
        compare_waves(w1, w2)
    w3 = _net(roster, [("a", "b")], ["a"], "3")
    with pytest.raises(OnaError, match=r"not in both waves; both waves hold \['advice'\]"):
        compare_waves(w1, w3, relations=["trust"])


def test_municipality_spread_starts_in_the_planted_team_and_reaches_its_contacts():
    planted = json.loads((samples.sample_path("municipality") / "planted.json").read_text())
    result = compare_waves(samples.load("municipality"), samples.load("municipality", wave="2026"))
    for relation in ("advice", "collaboration"):
        spread = result.spread[relation]
        assert spread["origin"] == planted["wave2_seed_team"]["team"]
        # Spreading outwards: the origin gains most, its first-wave contacts less, the rest least.
        assert spread["origin_gain"] > spread["contacts_gain"] > spread["others_gain"]
    # The planted gap pair grew most between the waves.
    advice_pairs = result.group_pairs.query("relation == 'advice'")
    top = advice_pairs.sort_values("change", ascending=False).iloc[0]
    assert {top["source_group"], top["target_group"]} == set(planted["gap"])
    # Most ties stayed: the waves are comparable (Jaccard well above 0.3).
    assert (result.relations["jaccard"] > 0.6).all()


def test_change_findings_name_the_spread_and_the_pairs_in_both_languages(tmp_path):
    from ona.findings.change import change_findings

    planted = json.loads((samples.sample_path("municipality") / "planted.json").read_text())
    result = compare_waves(samples.load("municipality"), samples.load("municipality", wave="2026"))
    findings = change_findings(result)
    assert findings and all(f.kind == "change" and f.severity < 0.6 for f in findings)
    spread = [f for f in findings if f.relation == "advice" and f.groups == (planted["wave2_seed_team"]["team"],)]
    (finding,) = spread
    gain = result.spread["advice"]["origin_gain"]
    assert f"{gain:.1f}" in finding.text["en"] and f"{gain:.1f}".replace(".", ",") in finding.text["nl"]
    assert "spreading outwards" in finding.text["en"] and "verspreidt zich" in finding.text["nl"]
    assert finding.evidence["spreading"] is True
    gap = [f for f in findings if set(f.groups) == set(planted["gap"]) and f.relation == "advice"]
    assert gap and "moved closer" in gap[0].text["en"]
    assert all(f.suggestions["nl"] and f.suggestions["en"] for f in findings)
    written = result.write(tmp_path)
    assert sorted(p.name for p in written) == [
        "change_group_pairs.csv", "change_groups.csv", "change_people.csv", "change_relations.csv", "change_teams.csv",
    ]
    assert pd.read_csv(tmp_path / "change_relations.csv")["relation"].tolist() == ["advice", "trust", "collaboration"]


def test_a_weakened_pair_is_reported(roster):
    from ona.findings.change import change_findings

    many = [(s, t) for s in ("a", "b") for t in ("c", "d")]
    before = _net(roster, many + [("c", "a"), ("d", "b")], None, "1")
    after = _net(roster, [("a", "b")], None, "2")
    findings = change_findings(compare_waves(before, after), min_pair_change=3)
    (pair,) = [f for f in findings if f.groups == ("A", "B")]
    assert pair.text["en"] == (
        "Between A and B there are now 0 advice ties (1: 6); the connection has weakened."
    )
    assert pair.severity == pytest.approx(0.55)
