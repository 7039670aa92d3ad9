"""Joint screening (ona.privacy.screen): switching the grouping, publishing twice or comparing waves reveals nobody.

The attacks of issue 10, each of which worked on the screening of one grouping at a time:

* a roster where "Integriteit" has 3 people and "Vertrouwenspersoon" 1 (both below k = 5): publishing by
  department showed 246 people, by location 250 — the 4 extra pseudonyms were exactly the hidden people;
* Lazega in manager mode: department vs team showed 67 vs 71 lawyers and 847 vs 892 advice ties, Providence's 4
  lawyers by subtraction; group-level views only (ONA_GROUPS_ONLY) did not stop it;
* two waves published separately withheld different people.

Expected values: counted by hand from the rosters (the sample documentation gives the group sizes) and
checked against an independent count of the ties among the people left.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ona import OrgNetwork, samples
from ona.exceptions import ConfigurationError, MissingAttributeError
from ona.privacy import (
    Hidden,
    PrivacyPolicy,
    ScreenedNetwork,
    manager_graph,
    manager_group_matrix,
    manager_people,
    screen_network,
)
from ona.measures.groups import group_matrix
from ona.workspace import build_workspace

KEY = b"test organisation key 0123456789"
INTEGRITY = ("E0101", "E0102", "E0103")  # three people of Sociaal Domein moved into "Integriteit"
CONFIDANT = "E0104"  # one person moved into "Vertrouwenspersoon"


def _attack_roster() -> OrgNetwork:
    net = samples.load("municipality", wave="2025")
    roster = net.roster.copy()
    roster.loc[list(INTEGRITY), "department"] = "Integriteit"
    roster.loc[CONFIDANT, "department"] = "Vertrouwenspersoon"
    return net.with_changes(roster=roster)


@pytest.fixture(scope="module")
def attack() -> OrgNetwork:
    return _attack_roster()


@pytest.fixture(scope="module")
def lazega() -> OrgNetwork:
    return samples.load("lazega")


def _tie_count(net: OrgNetwork, relation: str, people: set[str]) -> int:
    ties = net.ties[net.ties["relation"] == relation]
    return int((ties["source"].isin(people) & ties["target"].isin(people)).sum())


# -- the rule -------------------------------------------------------------------------------------


def test_small_groups_under_any_grouping_are_withheld_from_every_view(attack):
    screened = screen_network(attack, PrivacyPolicy(key=KEY))
    # Integriteit (3) + Vertrouwenspersoon (1) = 4 < 5 under department; team Directie (4) alone under team.
    directie = set(attack.roster.index[attack.roster["team"] == "Directie"])
    assert len(directie) == 4
    assert screened.withheld == {*INTEGRITY, CONFIDANT} | directie
    assert len(screened.net) == 250 - 8
    assert screened.hidden == {"department": Hidden(groups=2, people=8), "team": Hidden(groups=1, people=8),
                               "location": Hidden(groups=0, people=8)}
    for grouping in ("department", "team", "location"):
        screen = screened.screen(grouping)
        assert set(screen.labels.index) == set(screened.net.people)  # the same people under every grouping
        assert set(screen.labels).issubset(screen.reportable)  # everyone left is in a group with figures
    assert {"Integriteit", "Vertrouwenspersoon", "Directie"} <= screened.withheld_groups


def test_withholding_repeats_until_nobody_more_is_withheld():
    # k = 3. Department C (g) is alone; once g is gone, location South keeps e and f only, so they go;
    # then department B keeps d alone, so d goes too. One pass per grouping would stop after g.
    roster = pd.DataFrame({"department": list("AAABBBC"), "location": ["N"] * 4 + ["S"] * 3},
                          index=pd.Index(list("abcdefg"), name="id"))
    net = OrgNetwork(roster, pd.DataFrame({"source": ["a", "d"], "target": ["d", "g"]}))
    screened = screen_network(net, PrivacyPolicy(min_group_size=3, groupings=("department", "location")))
    assert screened.withheld == {"d", "e", "f", "g"}
    assert list(screened.net.people) == ["a", "b", "c"] and len(screened.net.ties) == 0
    # The order of the groupings does not matter.
    swapped = screen_network(net, PrivacyPolicy(min_group_size=3, groupings=("location", "department")))
    assert swapped.withheld == screened.withheld


def test_respondents_count_as_well_as_members():
    roster = pd.DataFrame({"department": list("AAAABBBB")}, index=pd.Index(list("abcdefgh"), name="id"))
    ties = pd.DataFrame({"source": list("abcde"), "target": list("bcdea")})
    net = OrgNetwork(roster, ties, respondents=list("abcde"))  # B has 4 members but 1 respondent
    screened = screen_network(net, PrivacyPolicy(min_group_size=4, groupings=("department",)))
    assert screened.withheld == set("efgh")


def test_nobody_withheld_returns_the_network_itself(lazega):
    screened = screen_network(lazega, PrivacyPolicy(min_group_size=1))
    assert screened.net is lazega and not screened.withheld


def test_a_grouping_the_policy_does_not_offer_is_refused(lazega):
    screened = screen_network(lazega, PrivacyPolicy(groupings=("department",)))
    with pytest.raises(ConfigurationError, match="may not group by 'team'") as info:
        screened.screen("team")
    assert "groeperen op 'team'" in info.value.message("nl")
    with pytest.raises(MissingAttributeError, match="no attribute 'cluster'"):
        screen_network(lazega, PrivacyPolicy(groupings=("department", "cluster")))
    with pytest.raises(ConfigurationError, match="names no grouping"):
        PrivacyPolicy(groupings=())


# -- the attacks ----------------------------------------------------------------------------------


def test_publishing_by_another_grouping_reveals_nobody(attack):
    """Issue 10: by department 246 people, by location 250; now the same people whatever the grouping."""
    policy = PrivacyPolicy(key=KEY)
    screened = screen_network(attack, policy)
    workspaces = {g: build_workspace(attack, policy=policy, grouping=g, n_permutations=0, findings=[],
                                     screened=screened) for g in ("department", "team", "location")}
    people = {g: set(ws.people()["person"]) for g, ws in workspaces.items()}
    assert people["department"] == people["team"] == people["location"]
    assert len(people["location"]) == 242
    for g, ws in workspaces.items():
        assert ws.manifest["people"] == 242, g
        for relation in ws.relations:  # every tie among the people shown, and no other, under every grouping
            expected = _tie_count(attack, relation, set(screened.net.people))
            assert ws.group_matrix(relation).to_numpy().sum() == expected, (g, relation)
    # Screened separately (without passing `screened`), two workspaces still withhold the same people.
    again = build_workspace(attack, policy=policy, grouping="location", n_permutations=0, findings=[])
    assert set(again.people()["person"]) == people["department"]


def test_lazega_department_and_team_show_the_same_lawyers_and_ties(lazega):
    """Issue 10: 67 vs 71 lawyers and 847 vs 892 advice ties; Providence's 4 lawyers by subtraction."""
    screened = screen_network(lazega, PrivacyPolicy(key=KEY))
    providence = set(lazega.roster.index[lazega.roster["location"] == "Providence"])
    assert len(providence) == 4 and screened.withheld == providence
    G = lazega.graph("advice")  # the full graph: withheld people in it are left out of every view
    by_department = manager_graph(G, grouping="department", source=screened)
    by_team = manager_graph(G, grouping="team", source=screened)
    assert set(by_department) == set(by_team) and len(by_department) == 67
    assert by_department.number_of_edges() == by_team.number_of_edges() == _tie_count(
        lazega, "advice", set(lazega.people) - providence) == 847
    H = screened.net.graph("advice")  # group figures are computed on the screened network
    matrices = {a: manager_group_matrix(group_matrix(H, a), screened, grouping=a) for a in ("department", "team")}
    assert matrices["department"].to_numpy().sum() == matrices["team"].to_numpy().sum() == 847
    assert "Providence" not in matrices["department"].index
    metrics = pd.DataFrame({"in_degree": dict(G.in_degree())})
    assert len(manager_people(metrics, screened, grouping="department")) == len(
        manager_people(metrics, screened, grouping="team")) == 67


def test_groups_only_reveals_nobody_by_switching_either(attack):
    policy = PrivacyPolicy(person_level=False)
    screened = screen_network(attack, policy)
    totals = set()
    for g in ("department", "team", "location"):
        ws = build_workspace(attack, policy=policy, grouping=g, n_permutations=0, findings=[], screened=screened)
        assert ws.manifest["people"] == 242 and len(ws.people()) == 0
        totals.add(tuple(int(ws.group_matrix(r).to_numpy().sum()) for r in ws.relations))
        H = ws.graph("advice", aggregate=True)
        totals.add(("people", sum(d["people"] for _, d in H.nodes(data=True))))
    assert len(totals) == 2  # one tie total per relation, one head count, whatever the grouping


def test_two_waves_withhold_the_same_people_whichever_is_screened_first():
    first, second = (samples.load("municipality", wave=w) for w in ("2025", "2026"))
    policy = PrivacyPolicy(key=KEY)
    alone = screen_network(second, policy).withheld | screen_network(first, policy).withheld
    together = screen_network(first, policy, also=[second])
    assert together.withheld == screen_network(second, policy, also=[first]).withheld
    assert together.withheld >= alone
    assert set(together.screen().labels.index) == set(first.people) - together.withheld


def test_nothing_is_screened_twice(attack, monkeypatch):
    import ona.privacy.outputs
    import ona.privacy.policy
    import ona.privacy.screen

    calls = {"screen_groups": 0, "pseudonym": 0}

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(ona.privacy.policy, "pseudonym", counting(ona.privacy.policy, "pseudonym"))
    for module in (ona.privacy.screen, ona.privacy.outputs):
        monkeypatch.setattr(module, "screen_groups", counting(ona.privacy.screen, "screen_groups"))
    build_workspace(attack, policy=PrivacyPolicy(key=KEY), n_permutations=0)
    assert calls == {"screen_groups": 3, "pseudonym": 242}  # one screen per grouping, one HMAC per person


def test_screened_network_is_frozen(lazega):
    screened = screen_network(lazega, PrivacyPolicy())
    assert isinstance(screened, ScreenedNetwork)
    with pytest.raises(Exception):
        screened.withheld = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        screened.screens["x"] = None  # type: ignore[index]
