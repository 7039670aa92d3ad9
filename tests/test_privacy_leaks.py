"""The red-team attacks on manager views (issue 10) that combine answers: each must recover nothing.

Every test here is one attack of the red-team review (its scripts live outside the repository); the
expected values are the attack's own: what a manager could compute from what a view shows. The data is
the municipality sample (sample_networks/municipality/README.md) with one change per attack.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ona import samples
from ona.privacy import PrivacyPolicy, screen_people
from ona.views import ManagerView

KEY = b"test organisation key 0123456789"
VICTIM = "E0050"  # the one person who did not consent to be named


@pytest.fixture(scope="module")
def municipality():  # type: ignore[no-untyped-def]
    return samples.load("municipality", wave="2025")


def _one_refuses(net):  # type: ignore[no-untyped-def]
    roster = net.roster.copy()
    roster["consent"] = True
    roster.loc[VICTIM, "consent"] = False
    return net.with_changes(roster=roster)


# -- #2: without a key, the people shown gave away the ties of the one left out ---------------------------------


def _recovered(view: ManagerView, relation: str) -> set[str]:
    """The red-team attack: shown people whose degree in the table exceeds their drawn ties."""
    people, G = view.people(relation), view.graph(relation)
    return {p for p in people.index
            if people.at[p, "in_degree"] > G.in_degree(p) or people.at[p, "out_degree"] > G.out_degree(p)}


def test_without_a_key_the_degrees_shown_give_no_hidden_person_away(municipality) -> None:  # type: ignore[no-untyped-def]
    net = _one_refuses(municipality)
    ties = net.ties_of("advice")
    assert ((ties["source"] == VICTIM) | (ties["target"] == VICTIM)).sum() == 11  # 7 named, 4 naming
    view = ManagerView(net, PrivacyPolicy(), grouping="department")
    # On main the people table held 249 people whose degrees counted the victim's 11 ties, and the graph
    # lacked those ties: subtracting gave exactly whom the victim named and who named them.
    assert _recovered(view, "advice") == set()
    # Person-level views show everyone or nobody; here nobody, and the view says why, in counts.
    assert not view.person_level and view.people("advice").empty and view.graph("advice").number_of_nodes() == 0
    assert view.hidden.unnamed == 1 and view.person_labels() == {}
    assert all(not f.people for f in view.findings())
    # With everyone's consent the same view shows everyone, and the degrees agree with the drawn ties.
    everyone = ManagerView(municipality.with_changes(roster=net.roster.assign(consent=True)), PrivacyPolicy(),
                           grouping="department")
    assert everyone.person_level and len(everyone.people("advice")) == len(everyone.screened)
    assert everyone.hidden.unnamed == 0 and _recovered(everyone, "advice") == set()
    # With a key everyone is shown too (the victim by pseudonym), so nothing is subtracted either.
    keyed = ManagerView(net, PrivacyPolicy(key=KEY), grouping="department")
    assert keyed.person_level and _recovered(keyed, "advice") == set()


def test_a_workspace_without_a_key_holds_no_people_and_says_why(municipality) -> None:  # type: ignore[no-untyped-def]
    from ona.workspace import WorkspaceView, build_workspace, load_workspace

    view = ManagerView(_one_refuses(municipality), PrivacyPolicy(), grouping="department")
    ws = build_workspace(view)
    assert ws.manifest["privacy"]["person_level"] is False and ws.manifest["hidden"]["unnamed"] == 1
    assert ws.manifest["privacy"]["names"] == "no people shown"
    assert all(entry["network"] is None for entry in ws.manifest["relations"])
    reopened = WorkspaceView(load_workspace(ws.to_zip()))
    assert not reopened.person_level and reopened.hidden.unnamed == 1


def test_the_app_says_why_managers_see_no_people_without_a_key(monkeypatch: pytest.MonkeyPatch,
                                                               municipality) -> None:  # type: ignore[no-untyped-def]
    for var in ("ONA_ANALYST_USERS", "ONA_MANAGER_USERS", "ONA_MIN_GROUP_SIZE", "ONA_GROUPS_ONLY", "ONA_WORKSPACE",
                "ONA_GROUPINGS", "ONA_PSEUDONYM_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ONA_ROLE", "manager")
    net = _one_refuses(municipality)
    table = pd.DataFrame([{"name": "consent_sample", "title": "T", "people": 250, "relations": "advice",
                           "waves": "2025", "description": "d"}])
    monkeypatch.setattr(samples, "available", lambda: ["consent_sample"])
    monkeypatch.setattr(samples, "list_samples", lambda: table)
    monkeypatch.setattr(samples, "load", lambda name, *, wave=None: net)
    monkeypatch.setattr(samples, "expected_collaborations_path", lambda name: None)
    monkeypatch.setattr(samples, "waves", lambda name: ["2025"])
    from pathlib import Path

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    at.switch_page("ona/app/pages/people.py").run()
    assert not at.exception, at.exception
    assert not at.dataframe  # no people table at all
    info = " ".join(e.value for e in at.info)
    assert "1 person did not consent" in info and "pseudonym key" in info
    at.switch_page("ona/app/pages/network.py").run()
    assert not at.exception, at.exception
    assert "1 person did not consent" in " ".join(e.value for e in at.info)


# -- #8: a consenting person whose name is empty was shown by employee id -------------------------------------------


def test_a_consenting_person_without_a_name_is_never_shown_by_id(municipality) -> None:  # type: ignore[no-untyped-def]
    roster = municipality.roster.copy()
    roster["consent"] = True
    pid = "E0003"
    roster.loc[pid, "name"] = None
    net = municipality.with_changes(roster=roster)
    ids = re.compile(r"\bE\d{4}\b")
    keyed = ManagerView(net, PrivacyPolicy(key=KEY), grouping="department")
    people = keyed.people("advice")
    persons = screen_people(net, PrivacyPolicy(key=KEY))
    assert persons.at[pid, "label"] == persons.at[pid, "pseudonym"] and pd.isna(persons.at[pid, "name"])
    assert persons.at[pid, "pseudonym"] in people.index  # shown, under the pseudonym
    shown = people.to_csv() + repr(keyed.person_labels()) + repr(list(keyed.graph("advice").nodes(data=True)))
    assert not ids.search(shown)
    # Without a key the person can be neither named nor pseudonymised: nobody is shown (see #2).
    plain = ManagerView(net, PrivacyPolicy(), grouping="department")
    assert plain.people("advice").empty and plain.hidden.unnamed == 1
    assert not ids.search(repr(plain.person_labels()) + plain.people("advice").to_csv())


# -- reports check exactly what the view hides ------------------------------------------------------------------------


def test_a_report_checks_the_views_own_leak_matcher(municipality) -> None:  # type: ignore[no-untyped-def]
    from ona.documents import view_source
    from ona.documents.files import report_file
    from ona.privacy import leak_matcher

    roster = municipality.roster.copy()
    roster.loc[["E0101", "E0102", "E0103"], "department"] = "Domein"  # withheld, beside a shown "Sociaal Domein"
    view = ManagerView(municipality.with_changes(roster=roster), PrivacyPolicy(key=KEY), grouping="department")
    source = view_source(view, n_permutations=99)
    # The view's matcher covers every grouping it screens (small teams too), not one grouping only.
    assert source.withheld is view.leaks and set(view.leaks.terms) == set(leak_matcher(view.screening).terms)
    assert "Domein" in view.leaks.terms and not view.leaks.find("Sociaal Domein werkt samen")
    assert view.leaks.find("Domein werkt samen") == ["Domein"]
    # On main the report refused legitimate data ("Domein" inside "Sociaal Domein"): "This is a bug in ona".
    data = report_file(view, "en", "pdf", n_permutations=99)
    assert data[:4] == b"%PDF"


# -- #5: findings named small teams although teams were never screened -------------------------------------------------


def _isolated_team(net, size: int):  # type: ignore[no-untyped-def]
    """`size` respondents of Publiekszaken form the team "Bezwaarcommissie" and name only each other."""
    roster = net.roster.copy()
    members = list(roster.index[(roster["department"] == "Publiekszaken") & roster.index.isin(net.respondents)][:size])
    roster.loc[members, "team"] = "Bezwaarcommissie"
    ties = net.ties[~(net.ties["source"].isin(members) | net.ties["target"].isin(members))]
    inside = pd.DataFrame([(a, b, rel, 1.0) for a in members for b in members if a != b
                           for rel in ("advice", "trust", "collaboration")], columns=["source", "target", "relation", "weight"])
    return net.with_changes(roster=roster, ties=pd.concat([ties, inside], ignore_index=True))


def _isolated_teams(view: ManagerView) -> list:  # type: ignore[type-arg]
    return [f for f in view.findings() if f.kind == "isolated" and f.evidence.get("scope") == "team"]


@pytest.mark.parametrize("person_level", [True, False])
def test_a_finding_about_a_team_is_screened_by_team(municipality, person_level: bool) -> None:  # type: ignore[no-untyped-def]
    small = _isolated_team(municipality, 3)
    # the detector does find the 3-person team (the analyst sees it) ...
    from ona.views import AnalystView

    assert any(f.evidence.get("team") == "Bezwaarcommissie" for f in AnalystView(small).findings()
               if f.kind == "isolated")
    # ... but a manager who may group by department only saw "Team Bezwaarcommissie (3 people)" on main
    for groupings in (("department",), ("department", "team", "location")):
        policy = PrivacyPolicy(key=KEY, groupings=groupings, person_level=person_level)
        view = ManagerView(small, policy, grouping="department")
        assert _isolated_teams(view) == []
        assert "Bezwaarcommissie" not in repr(view.findings())
    # A team of 6 (at least k) is named when teams are screened, and only then.
    large = _isolated_team(municipality, 6)
    screened = ManagerView(large, PrivacyPolicy(key=KEY, person_level=person_level), grouping="department")
    assert {f.evidence["team"] for f in _isolated_teams(screened)} == {"Bezwaarcommissie"}
    unscreened = ManagerView(large, PrivacyPolicy(key=KEY, groupings=("department",), person_level=person_level),
                             grouping="department")
    assert _isolated_teams(unscreened) == []


# -- #6: one-sided trust by role class had no minimum size -----------------------------------------------------------


def _one_sided(view: ManagerView) -> list:  # type: ignore[type-arg]
    return [f for f in view.findings() if f.kind == "one_sided_trust" and f.evidence.get("scope") == "role"]


def test_one_sided_trust_by_role_needs_k_in_each_class(municipality) -> None:  # type: ignore[no-untyped-def]
    from ona.privacy import screen_network

    policy = PrivacyPolicy(key=KEY, person_level=False)
    trust = screen_network(municipality, policy).net.ties_of("trust")
    top = trust["target"].value_counts().index[0]  # the person most trusted
    roster = municipality.roster.copy()
    roster["role"] = "Medewerker"
    roster.loc[top, "role"] = "Gemeentesecretaris"  # a class of one: the finding is about that person
    alone = ManagerView(municipality.with_changes(roster=roster), policy, grouping="department")
    assert _one_sided(alone) == []  # main: "of the 16 times someone ... names someone in the role Gemeentesecretaris"
    assert "Gemeentesecretaris" not in repr(alone.findings())
    # The sample's own roles: managers are 21 people (Afdelingshoofd 5, Teamleider 16), staff 221: shown.
    classes = ManagerView(municipality, policy, grouping="department")
    (finding,) = [f for f in _one_sided(classes) if f.evidence["to_class"] == "managers"]
    members = classes.screened.roster["role"].isin(finding.evidence["to_roles"])
    assert members.sum() >= 5 and members[members].index.isin(classes.screened.respondents).sum() >= 5


# -- communities: PRIVACY.md says managers do not see them; the people tables had a community column -----------------


def test_manager_people_tables_hold_no_communities(municipality) -> None:  # type: ignore[no-untyped-def]
    from ona.workspace import build_workspace

    view = ManagerView(municipality, PrivacyPolicy(key=KEY), grouping="department")
    assert not [c for c in view.people().columns if c.startswith("community")]
    assert "community" not in view.people("advice").columns
    people_csv = build_workspace(view, n_permutations=99).files["people.csv"].decode()
    assert "community" not in people_csv.splitlines()[0]
    # a grouping other than the unit reads the unit's people: no communities there either
    assert "community" not in ManagerView(municipality, PrivacyPolicy(key=KEY), grouping="team").people("advice").columns


# -- the CLI draws what the view answers --------------------------------------------------------------------------------


def test_ona_draw_for_managers_reads_the_manager_view(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from ona.cli import main

    for var in ("ONA_MIN_GROUP_SIZE", "ONA_GROUPS_ONLY", "ONA_GROUPINGS", "ONA_PSEUDONYMS_ONLY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", KEY.decode())
    out = tmp_path / "people.svg"
    assert main(["draw", "municipality", "--role", "manager", "--group-by", "team", "--picture", "network",
                 "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    # People carry their unit (department) in every grouping: on main they were coloured by team, so beside a
    # department-grouped drawing a manager learnt each person's team and department together.
    assert "Sociaal Domein" in svg and "Werk &amp; Inkomen" not in svg and "Werk & Inkomen" not in svg
    assert not re.search(r"\bE\d{4}\b", svg)
    # Without a key nobody in the sample consented, so the view shows nobody, and draw says so.
    monkeypatch.delenv("ONA_PSEUDONYM_KEY")
    empty = tmp_path / "nobody.svg"
    capsys.readouterr()
    assert main(["draw", "municipality", "--role", "manager", "--picture", "network", "-o", str(empty)]) == 2
    assert "see no people" in capsys.readouterr().err and not empty.exists()
