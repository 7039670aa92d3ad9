"""The role-aware views: what an analyst and a manager may see, and attacks that combine a manager's views.

The attacks come from a red-team review of the redesign (issue W2 1/6): each test says what a manager could
learn before the fix. The organisation is the municipality sample with two small departments planted
("Integriteit" of 3 people and "Vertrouwenspersoon" of 1; k = 5), as in tests/test_screen.py.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from ona import samples
from ona.privacy import PrivacyPolicy, screen_network
from ona.views import AnalystView, ManagerView, View

KEY = b"organisation key for the view tests"


@pytest.fixture(scope="module")
def municipality():
    return samples.load("municipality")


def _small_departments(net, seed: int = 1):
    roster = net.roster.copy()
    roster.loc[["E0101", "E0102", "E0103"], "department"] = "Integriteit"
    roster.loc["E0104", "department"] = "Vertrouwenspersoon"
    roster["consent"] = np.random.default_rng(seed).random(len(roster)) < 0.5
    return net.with_changes(roster=roster)


@pytest.fixture(scope="module")
def attack(municipality):
    return _small_departments(municipality)


def test_both_views_answer_the_view_protocol(municipality):
    analyst = AnalystView(municipality)
    manager = ManagerView(municipality, PrivacyPolicy(key=KEY))
    for view in (analyst, manager):
        assert isinstance(view, View)
        assert view.relations == ["advice", "trust", "collaboration"]
    assert "upload" in analyst.capabilities and not manager.capabilities
    assert analyst.hidden.k == 0 and manager.hidden.k == 5


def test_the_analyst_sees_every_tie_and_name(municipality):
    view = AnalystView(municipality)
    assert int(view.group_matrix("advice").to_numpy().sum()) == view.tie_counts["advice"]
    pair = view.pair("advice", "Publiekszaken", "Ruimte & Wonen")
    assert pair.ties is not None and len(pair.ties) == pair.total
    assert "Jan de Vries" in set(view.people("advice")["name"])


def test_a_manager_pair_shows_counts_only(municipality):
    view = ManagerView(municipality, PrivacyPolicy(key=KEY))
    pair = view.pair("advice", "Publiekszaken", "Ruimte & Wonen")
    assert pair.ties is None and pair.carriers is None
    analyst = AnalystView(municipality).pair("advice", "Publiekszaken", "Ruimte & Wonen")
    assert (pair.forward, pair.backward) == (analyst.forward, analyst.backward)


def test_person_level_answers_are_the_same_in_every_grouping(attack):
    # Before: the people table carried the chosen grouping's label under a pseudonym that never changes, so a
    # manager who switched department -> location joined both and learnt (department, location) per person:
    # the one non-consenting employee of Sociaal Domein who works at the depot was singled out with all figures.
    roster = attack.roster.copy()
    victim = roster.index[(roster["department"] == "Sociaal Domein") & ~roster["consent"]][0]
    roster.loc[victim, "location"] = "Werf"
    net = attack.with_changes(roster=roster)
    policy = PrivacyPolicy(key=KEY)
    screened = screen_network(net, policy)
    views = {g: ManagerView(net, policy, grouping=g, screened=screened) for g in policy.groupings}
    unit = views["department"]
    for grouping, view in views.items():
        assert view.person_grouping == "department"
        pd.testing.assert_frame_equal(view.people("advice"), unit.people("advice"))
        assert nx.utils.graphs_equal(view.graph("advice"), unit.graph("advice"))
        assert "location" not in view.people("advice").columns and "team" not in view.people("advice").columns
        assert [f for f in view.findings() if f.people] == [f for f in unit.findings() if f.people]
    assert list(views["location"].group_matrix("advice").index) != list(unit.group_matrix("advice").index)


def test_small_groups_are_merged_before_anything_is_computed(municipality):
    # Before: 'departments reached' was computed with "Integriteit" (4) and "Vertrouwenspersoon" (1) apart,
    # although a manager sees them merged as "(other)": only one assignment of the five "(other)" pseudonyms
    # fitted the drawn graph, which named the confidential counsellor.
    roster = municipality.roster.copy()
    respondents = [p for p in roster.index[roster["department"] == "Sociaal Domein"] if p in municipality.respondents]
    roster.loc[respondents[:4], "department"] = "Integriteit"
    roster.loc[respondents[4], "department"] = "Vertrouwenspersoon"
    net = municipality.with_changes(roster=roster)
    view = ManagerView(net, PrivacyPolicy(key=KEY))
    labels = view.group_labels()
    assert sorted(set(labels)) == ["(other)", "Bedrijfsvoering", "Concernstaf", "Openbare Ruimte", "Publiekszaken",
                                   "Ruimte & Wonen", "Sociaal Domein"]
    people = view.people()
    for relation in view.relations:
        G = view.graph(relation)
        reached = people[f"{relation}_departments_reached"]
        for person in G.nodes:  # what the manager can recompute from the drawing is exactly what the table says
            neighbours = set(G.successors(person)) | set(G.predecessors(person))
            assert len({labels[q] for q in neighbours} - {labels[person]}) == reached[person]
    assert "Integriteit" not in view.groups("advice")["group"].tolist()


def test_the_change_view_applies_one_panel_rule(municipality):
    # Before: Publiekszaken had 10 respondents per wave but 1 who answered both times; its groups row was
    # dropped but the change matrix still showed that one person's cross-group ties in both waves.
    later = samples.load("municipality", wave="2026")
    members = municipality.roster.index[municipality.roster["department"] == "Publiekszaken"]
    both = sorted(set(members) & municipality.respondents & later.respondents)
    keep_first, keep_second = set(both[:10]), set(both[9:19])  # one person answers twice

    def only(net, keep):
        drop = set(members) - keep
        return net.with_changes(ties=net.ties[~net.ties["source"].isin(drop)],
                                respondents=[p for p in net.respondents if p not in drop])

    first, second = only(municipality, keep_first), only(later, keep_second)
    change = ManagerView(second, PrivacyPolicy(key=KEY)).compare(first, second)
    assert change is not None
    for before, after in change.matrices.values():
        assert "Publiekszaken" not in before.index and "Publiekszaken" not in after.columns
    assert "Publiekszaken" not in set(change.groups["group"])
    assert all("Publiekszaken" not in f.groups for f in change.findings)


def test_teams_appear_in_the_change_view_only_when_managers_may_group_by_team(municipality):
    # Before: with ONA_GROUPINGS=department a manager still got a table per team and team findings, and the
    # 4-person team Directie followed from Concernstaf minus Communicatie.
    later = samples.load("municipality", wave="2026")
    unit_only = ManagerView(later, PrivacyPolicy(key=KEY, groupings=("department",))).compare(municipality, later)
    assert unit_only is not None and unit_only.teams.empty
    assert all(f.evidence.get("unit") != "team" for f in unit_only.findings)
    assert (unit_only.spread["unit"] != "team").all()
    with_teams = ManagerView(later, PrivacyPolicy(key=KEY)).compare(municipality, later)
    assert not with_teams.teams.empty and (with_teams.teams["panel_respondents"] >= 5).all()


def test_the_change_view_screens_both_waves_together(attack):
    later = _small_departments(samples.load("municipality", wave="2026"))
    change = ManagerView(later, PrivacyPolicy(key=KEY)).compare(attack, later)
    text = " ".join(str(t) for f in change.findings for t in f.text.values())
    for before, after in change.matrices.values():
        assert not {"Integriteit", "Vertrouwenspersoon"} & (set(before.index) | set(after.index))
    assert "Integriteit" not in text and "Vertrouwenspersoon" not in text
