"""AppTest: the People page's key-player question (Borgatti's KPP-Neg and KPP-Pos, for the organisation and for a
pair of departments), in English and Dutch, for HR and for managers.

Expected values come from ona.measures.keyplayers run here on the same graph the page reads (the view's graph),
whose search is checked against brute force in tests/test_keyplayers.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ona import samples
from ona.i18n import number, percent
from ona.measures.keyplayers import key_players

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def _no_role_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ONA_ROLE", "ONA_ANALYST_USERS", "ONA_MANAGER_USERS", "ONA_PSEUDONYM_KEY", "ONA_MIN_GROUP_SIZE",
                "ONA_GROUPS_ONLY", "ONA_WORKSPACE"):
        monkeypatch.delenv(var, raising=False)


def _people_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception, at.exception
    if lang != "en":
        at.sidebar.radio(key="side_lang").set_value(lang).run()
    at.switch_page("ona/app/pages/people.py").run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "info", "warning") for e in getattr(at, kind))


def _search(at: AppTest, aim: str, k: int, pair: list[str] | None = None) -> AppTest:
    at.radio(key="kp_aim").set_value(aim)
    at.number_input(key="kp_k").set_value(k)
    at.multiselect(key="kp_pair").set_value(pair or [])
    at.button(key="kp_search").click().run()
    assert not at.exception, at.exception
    return at


def test_key_players_who_hold_the_municipality_together_and_who_reach_it():
    net = samples.load("municipality")
    G = net.graph("advice")
    at = _people_page()
    assert "Find key players" in [e.label for e in at.expander]
    _search(at, "fragmentation", 3)
    expected = key_players(G, 3, objective="fragmentation", time_limit=10.0)
    table = next(d.value for d in at.dataframe if "Contribution to the set" in d.value.columns)
    names = [G.nodes[p]["name"] for p in expected.people]
    assert table["Person"].tolist() == names
    text = _texts(at)
    assert (f"{number(expected.pairs_cut, 'en')} of the {number(expected.pairs_connected, 'en')} pairs of colleagues"
            in text)
    assert f"would together cut {percent(expected.degree_share_cut, 'en')}" in text
    # KPP-Pos: reach, for the whole organisation
    _search(at, "reach", 2)
    reach = key_players(G, 2, objective="reach", time_limit=10.0)
    table = next(d.value for d in at.dataframe if "Contribution to the set" in d.value.columns)
    assert table["Person"].tolist() == [G.nodes[p]["name"] for p in reach.people]
    assert (f"reach {reach.reached[0]} of the {len(G)} people directly (themselves included) and {reach.reached[1]} "
            "within two steps") in _texts(at)


def test_key_players_between_two_departments_in_dutch():
    net = samples.load("municipality")
    G = net.graph("advice")
    first, second = sorted(net.groups("department").unique())[:2]
    at = _people_page("nl")
    _search(at, "fragmentation", 2, [first])
    assert "Kies een tweede groep" in _texts(at)
    _search(at, "fragmentation", 2, [first, second])
    expected = key_players(G, 2, objective="fragmentation", groups=(first, second), time_limit=10.0)
    text = _texts(at)
    assert f"paren van iemand uit {first} en iemand uit {second}" in text
    assert f"{number(expected.pairs_cut, 'nl')} van de {number(expected.pairs_connected, 'nl')} paren" in text
    table = next(d.value for d in at.dataframe if "Bijdrage aan het groepje" in d.value.columns)
    assert table["Persoon"].tolist() == [G.nodes[p]["name"] for p in expected.people]


def test_managers_see_key_players_by_pseudonym_only(monkeypatch):
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "a-test-key-of-enough-length-0123456789")
    at = _people_page()
    assert not at.exception
    # with a pseudonym key the sample's managers see people by pseudonym, so the search is offered
    assert "Find key players" in [e.label for e in at.expander]
    _search(at, "fragmentation", 3)
    table = next(d.value for d in at.dataframe if "Contribution to the set" in d.value.columns)
    names = set(samples.load("municipality").roster["name"].dropna().astype(str))
    assert len(table) == 3 and not (set(table["Person"]) & names)
