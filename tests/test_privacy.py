"""Tests for ona.privacy: pseudonyms, consent, minimum group size, manager views, formulas and roles.

Expected values are hand-checked on the small network below (15 people in three
departments, one of them with only 3 people), or computed independently in the
test (HMAC via the standard library, counts summed by hand).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import subprocess
import sys
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ona import OrgNetwork, read_roster, samples
from ona.io.files import read_source, read_tables
from ona.exceptions import ConfigurationError, FileFormatError
from ona.privacy import (
    OTHER_GROUP,
    PrivacyPolicy,
    consent_mask,
    contains_withheld,
    key_from_env,
    manager_findings,
    manager_graph,
    manager_group_matrix,
    manager_group_table,
    manager_people,
    merge_small_groups,
    neutralize_cell,
    neutralize_formulas,
    parse_consent,
    pseudonym,
    resolve_role,
    restore_cell,
    restore_formulas,
    screen_groups,
    screen_people,
    withheld_terms,
)

KEY = b"test organisation key 0123456789"
SMALL = "Juridische Zaken"  # the 3-person department
HIDDEN = "Noor Verborgen"  # no consent
HIDDEN_EMAIL = "noor.verborgen@example.org"
XSS = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def privacy_net() -> OrgNetwork:
    """Sociaal Domein (6) and Publiekszaken (6) and Juridische Zaken (3); everyone responded.

    Consent: everyone except s2 (Noor Verborgen) and two of the three lawyers (j1, j2).
    """
    people = [
        ("s1", "Sanne Smit", "Sociaal Domein", True),
        ("s2", HIDDEN, "Sociaal Domein", False),
        ("s3", "Sem de Boer", "Sociaal Domein", True),
        ("s4", "Sara Bos", "Sociaal Domein", True),
        ("s5", "Stijn Visser", "Sociaal Domein", True),
        ("s6", "Saar Dekker", "Sociaal Domein", True),
        ("p1", "Pim Jansen", "Publiekszaken", True),
        ("p2", XSS, "Publiekszaken", True),
        ("p3", FORMULA, "Publiekszaken", True),
        ("p4", "Puck Mulder", "Publiekszaken", True),
        ("p5", "Pepijn Peters", "Publiekszaken", True),
        ("p6", "Pien Hendriks", "Publiekszaken", True),
        ("j1", "Jurre Kok", SMALL, False),
        ("j2", "Jet van Dijk", SMALL, False),
        ("j3", "Joost Vos", SMALL, True),
    ]
    roster = pd.DataFrame(
        {
            "name": [p[1] for p in people],
            "email": [HIDDEN_EMAIL if p[0] == "s2" else f"{p[0]}@example.org" for p in people],
            "department": [p[2] for p in people],
            "role": ["Medewerker"] * len(people),
            "consent": [p[3] for p in people],
        },
        index=pd.Index([p[0] for p in people], name="id"),
    )
    ties = []
    for group in ("s", "p", "j"):
        members = [p[0] for p in people if p[0].startswith(group)]
        for i, u in enumerate(members):  # a directed ring plus one chord inside each group
            ties.append((u, members[(i + 1) % len(members)]))
            if len(members) > 3:
                ties.append((u, members[(i + 2) % len(members)]))
    ties += [("s1", "p1"), ("p1", "s1"), ("s2", "p2"), ("s3", "j1"), ("j1", "s3"), ("j2", "p4"), ("p5", "j3")]
    frame = pd.DataFrame(ties, columns=["source", "target"]).assign(relation="advice", weight=1.0)
    return OrgNetwork(roster, frame, wave="2025", name="Test")


# -- pseudonyms -----------------------------------------------------------------------------


def _crockford_decode(text: str) -> int:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    return sum(alphabet.index(c) * 32**i for i, c in enumerate(text))


def test_pseudonym_is_hmac_sha256_in_crockford_base32():
    # Independent check: the 40 bits the pseudonym encodes are the low 40 bits of the HMAC digest.
    value = pseudonym("E0001", KEY)
    assert value.startswith("P-") and len(value) == 10
    assert set(value[2:]) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    digest = hmac.new(KEY, b"ona-pseudonym-v1\x00E0001", hashlib.sha256).digest()
    assert _crockford_decode(value[2:]) == int.from_bytes(digest, "big") % 32**8


def test_pseudonyms_differ_with_another_key_and_between_people():
    assert pseudonym("E0001", KEY) == pseudonym("E0001", KEY.decode())
    assert pseudonym("E0001", KEY) != pseudonym("E0001", b"another organisation key 987654")
    assert pseudonym("E0001", KEY) != pseudonym("E0002", KEY)


def test_pseudonyms_are_stable_across_waves():
    first = samples.load("municipality", wave="2025")
    second = samples.load("municipality", wave="2026")
    assert first.wave != second.wave and first.respondents != second.respondents
    policy = PrivacyPolicy(key=KEY, show_names=False)
    a, b = screen_people(first, policy), screen_people(second, policy)
    assert a["pseudonym"].equals(b["pseudonym"])
    assert a["pseudonym"].is_unique
    other = screen_people(first, PrivacyPolicy(key=b"a different organisation key!!", show_names=False))
    assert (other["pseudonym"] != a["pseudonym"]).all()


def test_pseudonym_length(privacy_net):
    assert len(pseudonym("E0001", KEY, length=4)) == 6
    assert pseudonym("E0001", KEY, length=12).startswith(pseudonym("E0001", KEY))  # same digits, more of them
    with pytest.raises(ConfigurationError, match="length of 3"):
        pseudonym("E0001", KEY, length=3)


def test_pseudonym_collisions_are_refused(privacy_net, monkeypatch):
    monkeypatch.setattr("ona.privacy.policy.pseudonym", lambda person_id, key, length=8: "P-SAME0000")
    with pytest.raises(ConfigurationError, match="same pseudonym"):
        screen_people(privacy_net, PrivacyPolicy(key=KEY))


def test_policy_validates_key_and_threshold_and_hides_the_key():
    with pytest.raises(ConfigurationError, match="at least 16"):
        PrivacyPolicy(key="too short")
    with pytest.raises(ConfigurationError, match="at least 1"):
        PrivacyPolicy(min_group_size=0)
    with pytest.raises(ConfigurationError, match="whole number"):
        PrivacyPolicy(min_group_size=2.5)  # type: ignore[arg-type]
    policy = PrivacyPolicy(key=KEY.decode())
    assert policy.key == KEY and policy.k == 5 and policy.pseudonymises
    assert KEY.decode() not in repr(policy)
    assert key_from_env("K", {"K": "  " + KEY.decode() + "\n"}) == KEY
    assert key_from_env("K", {"K": ""}) is None


# -- consent ----------------------------------------------------------------------------------


def test_parse_consent_accepts_dutch_and_english_and_refuses_other_words():
    assert parse_consent(["ja", "JA", "yes", "nee", "No", "", None, float("nan"), True, False, 1, 0]) == [
        True, True, True, False, False, False, False, False, True, False, True, False,
    ]
    with pytest.raises(ConfigurationError, match="'misschien' is not yes/no"):
        parse_consent(["misschien"])


def test_consent_from_a_roster_file_and_no_column_means_no_consent(privacy_net):
    roster = read_roster(b"id;naam;afdeling;toestemming\n1;Ana;HR;ja\n2;Bo;HR;nee\n3;Cy;HR;\n")
    net = OrgNetwork(roster.frame, pd.DataFrame(columns=["source", "target"]))
    assert consent_mask(net).tolist() == [True, False, False]
    without = OrgNetwork(privacy_net.roster.drop(columns="consent"), privacy_net.ties)
    assert not consent_mask(without).any()
    assert screen_people(without, PrivacyPolicy())["shown"].sum() == 0  # no key, no consent: nobody named


def test_screen_people_names_only_consenting_people(privacy_net):
    view = screen_people(privacy_net, PrivacyPolicy(key=KEY))
    assert view.at["s1", "label"] == "Sanne Smit" and view.at["s1", "name"] == "Sanne Smit"
    assert view.at["s2", "label"] == pseudonym("s2", KEY) and pd.isna(view.at["s2", "name"])
    assert view["shown"].all() and (view["person"] == view["pseudonym"]).all()
    everyone_pseudonymous = screen_people(privacy_net, PrivacyPolicy(key=KEY, show_names=False))
    assert everyone_pseudonymous["name"].isna().all()
    nobody = screen_people(privacy_net, PrivacyPolicy(key=KEY, person_level=False))
    assert not nobody["shown"].any() and nobody["label"].isna().all()
    # Without a key, people who may not be named cannot be shown, so nobody is (issue 10, red-team #2):
    # the degrees of the people shown would count ties with those left out.
    no_key = screen_people(privacy_net, PrivacyPolicy())
    assert not no_key["shown"].any() and no_key["person"].isna().all() and no_key["name"].isna().all()
    everyone_consents = OrgNetwork(privacy_net.roster.assign(consent=True), privacy_net.ties)
    all_named = screen_people(everyone_consents, PrivacyPolicy())
    assert all_named["shown"].all() and all_named.at["s1", "person"] == "Sanne Smit"


def test_duplicate_names_get_distinct_person_keys_without_a_key():
    roster = pd.DataFrame({"name": ["Iris de Vries", "Iris de Vries"], "consent": [True, True]},
                          index=pd.Index(["a", "b"], name="id"))
    net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    assert screen_people(net, PrivacyPolicy())["person"].tolist() == ["Iris de Vries", "Iris de Vries (2)"]


# -- minimum group size ---------------------------------------------------------------------


def test_groups_below_k_members_or_respondents_are_withheld(privacy_net):
    screen = screen_groups(privacy_net, PrivacyPolicy(min_group_size=5))
    assert screen.table.loc[SMALL, ["members", "respondents"]].tolist() == [3, 3]
    assert screen.withheld == {SMALL}
    assert screen.reportable == {"Sociaal Domein", "Publiekszaken"}  # (other) has 3 < 5 people
    assert screen.labels["j1"] == OTHER_GROUP and screen.labels["s1"] == "Sociaal Domein"
    # A 6-person group with only 4 respondents is withheld too: its figures come from 4 people's answers.
    silent = ("s1", "s2")  # non-respondents send no ties: their outgoing ties are unknown
    few = privacy_net.with_changes(
        respondents=[p for p in privacy_net.people if p not in silent],
        ties=privacy_net.ties[~privacy_net.ties["source"].isin(silent)],
    )
    assert screen_groups(few, PrivacyPolicy(min_group_size=5)).withheld == {SMALL, "Sociaal Domein"}
    assert screen_groups(privacy_net, PrivacyPolicy(min_group_size=3)).withheld == frozenset()


def test_merged_other_group_is_reportable_once_it_reaches_k(privacy_net):
    screen = screen_groups(privacy_net, PrivacyPolicy(min_group_size=7))
    assert screen.withheld == {"Sociaal Domein", "Publiekszaken", SMALL}
    assert screen.reportable == {OTHER_GROUP}  # 15 people together
    assert screen.order == [OTHER_GROUP]


def test_screening_an_attribute_the_roster_lacks(privacy_net):
    from ona.exceptions import MissingAttributeError

    with pytest.raises(MissingAttributeError, match="no attribute 'afdeling'"):
        screen_groups(privacy_net, PrivacyPolicy(), grouping="afdeling")


def test_a_real_group_called_other_is_refused(privacy_net):
    roster = privacy_net.roster.copy()
    roster.loc["j1", "department"] = OTHER_GROUP
    with pytest.raises(ConfigurationError, match="Rename that group"):
        screen_groups(OrgNetwork(roster, privacy_net.ties), PrivacyPolicy())


def test_graph_and_network_give_the_same_screen(privacy_net):
    policy = PrivacyPolicy(min_group_size=5, key=KEY)
    by_graph = screen_groups(privacy_net.graph("advice"), policy)
    by_net = screen_groups(privacy_net, policy)
    assert by_graph.table.equals(by_net.table)
    assert screen_people(privacy_net.graph("advice"), policy).equals(screen_people(privacy_net, policy))


# -- manager views: no figure for the 3-person group, no name without consent ----------------


def _assert_clean(text: str) -> None:
    assert SMALL not in text
    assert HIDDEN not in text and HIDDEN_EMAIL not in text
    for lawyer in ("Jurre Kok", "Jet van Dijk"):  # Joost Vos consented
        assert lawyer not in text


def test_manager_group_table_has_no_row_for_the_small_group(privacy_net):
    from ona.measures.groups import group_table

    table = group_table(privacy_net.graph("advice"), n_permutations=0)
    assert SMALL in set(table["group"])
    view = manager_group_table(table, privacy_net, PrivacyPolicy())
    assert set(view["group"]) == {"Sociaal Domein", "Publiekszaken"}
    _assert_clean(view.to_csv())
    pd.testing.assert_frame_equal(view, table.loc[table["group"] != SMALL].reset_index(drop=True))


def test_manager_group_matrix_merges_or_drops_the_small_group(privacy_net):
    from ona.measures.groups import group_density_matrix, group_matrix

    G = privacy_net.graph("advice")
    counts = group_matrix(G)
    view = manager_group_matrix(counts, privacy_net, PrivacyPolicy(min_group_size=5))
    assert list(view.index) == list(view.columns) == ["Publiekszaken", "Sociaal Domein"]
    assert view.loc["Sociaal Domein", "Publiekszaken"] == 2  # s1->p1, s2->p2
    _assert_clean(view.to_csv())
    # Merged into (other) when (other) reaches k: every tie stays counted.
    merged = manager_group_matrix(counts, privacy_net, PrivacyPolicy(min_group_size=3, other_label="(overig)"))
    assert SMALL in merged.index  # k=3: the lawyers are a group of their own
    big = manager_group_matrix(counts, privacy_net, PrivacyPolicy(min_group_size=7))
    assert list(big.index) == [OTHER_GROUP] and big.iloc[0, 0] == counts.to_numpy().sum()
    # Densities are not additive: small groups are dropped, and merged figures are recomputed.
    density = manager_group_matrix(group_density_matrix(G), privacy_net, PrivacyPolicy(), additive=False)
    assert SMALL not in density.index and SMALL not in density.columns
    recomputed = group_density_matrix(merge_small_groups(G, PrivacyPolicy(min_group_size=7)))
    assert list(recomputed.index) == [OTHER_GROUP]
    assert recomputed.iloc[0, 0] == pytest.approx(G.number_of_edges() / (15 * 14))


def test_merge_small_groups_does_not_change_the_input(privacy_net):
    G = privacy_net.graph("advice")
    H = merge_small_groups(G, PrivacyPolicy())
    assert G.nodes["j1"]["department"] == SMALL and H.nodes["j1"]["department"] == OTHER_GROUP
    assert not nx.is_frozen(H) and H.number_of_edges() == G.number_of_edges()


def test_manager_people_shows_no_hidden_name_and_no_roster_details(privacy_net):
    from ona.measures.metrics import person_table

    table = person_table(privacy_net.graph("advice"))
    table = privacy_net.roster[["name", "email", "department", "role"]].join(table.add_prefix("advice_"))
    view = manager_people(table, privacy_net, PrivacyPolicy(key=KEY))
    # The pseudonymised lawyers j1, j2 are left out: their rows would add up to the suppressed group's figures.
    assert len(view) == 13 and pseudonym("j1", KEY) not in set(view["person"])
    assert view.loc[view["name"] == "Joost Vos", "department"].tolist() == [OTHER_GROUP]
    assert {"email", "role", "consent"}.isdisjoint(view.columns)
    assert view.columns[:3].tolist() == ["person", "name", "department"]
    assert "advice_in_degree" in view.columns
    assert set(view["department"]) == {"Sociaal Domein", "Publiekszaken", OTHER_GROUP}
    assert view["person"].is_monotonic_increasing  # no hint of the roster order
    _assert_clean(view.to_csv())
    row = view.loc[view["person"] == pseudonym("s2", KEY)].iloc[0]
    assert pd.isna(row["name"]) and row["department"] == "Sociaal Domein"
    assert manager_people(table, privacy_net, PrivacyPolicy()).empty  # no key: everyone or nobody


def test_manager_graph_person_level_and_aggregated(privacy_net):
    G = privacy_net.graph("advice")
    H = manager_graph(G, PrivacyPolicy(key=KEY))
    # j1 and j2 are left out; 6 of the 34 ties touch them (ring j1-j2-j3, s3<->j1, j2->p4).
    assert G.number_of_edges() == 34 and H.number_of_nodes() == 13 and H.number_of_edges() == 28
    assert H.nodes[pseudonym("s1", KEY)] == {"name": "Sanne Smit", "department": "Sociaal Domein"}
    assert H.nodes[pseudonym("s2", KEY)] == {"name": pseudonym("s2", KEY), "department": "Sociaal Domein"}
    assert H.nodes[pseudonym("j3", KEY)] == {"name": "Joost Vos", "department": OTHER_GROUP}
    assert list(H.nodes) == sorted(H.nodes)
    _assert_clean(" ".join(nx.generate_graphml(H)))
    assert manager_graph(G, PrivacyPolicy()).number_of_nodes() == 0  # no key: everyone or nobody
    groups = manager_graph(G, PrivacyPolicy(), aggregate=True)
    assert set(groups.nodes) == {"Sociaal Domein", "Publiekszaken"}
    assert groups["Sociaal Domein"]["Publiekszaken"]["ties"] == 2
    _assert_clean(" ".join(nx.generate_graphml(groups)))
    assert G.nodes["s2"]["name"] == HIDDEN  # the input is untouched


def test_manager_graph_of_a_part_is_judged_on_the_whole_network(privacy_net):
    G = privacy_net.graph("advice")
    ego = G.subgraph(["s1", "s3", "p1", "j3"])
    whole = manager_graph(ego, PrivacyPolicy(key=KEY), source=privacy_net)
    assert whole.nodes[pseudonym("s1", KEY)]["department"] == "Sociaal Domein"
    assert whole.nodes[pseudonym("j3", KEY)]["department"] == OTHER_GROUP
    assert whole.number_of_nodes() == 4
    alone = manager_graph(ego, PrivacyPolicy(key=KEY))  # judged on 4 people: every group is too small
    assert {d for _, d in alone.nodes(data="department")} == {OTHER_GROUP}
    groups = manager_graph(ego, PrivacyPolicy(min_group_size=5), aggregate=True, source=privacy_net)
    assert set(groups.nodes) == {"Sociaal Domein", "Publiekszaken"}


@dataclass(frozen=True)
class _Finding:
    """The shape of ona.findings.Finding (the contract manager_findings is written against)."""

    kind: str
    severity: float
    relation: str
    groups: tuple[str, ...]
    people: tuple[str, ...]
    evidence: dict = field(default_factory=dict)
    text: dict = field(default_factory=dict)
    suggestions: dict = field(default_factory=dict)


def test_manager_findings_drop_small_groups_and_pseudonymise_people(privacy_net):
    findings = [
        _Finding("silo", 0.9, "advice", (SMALL,), (), {"ei_index": -0.8},
                 {"nl": f"{SMALL} werkt op zichzelf.", "en": f"{SMALL} keeps to itself."}),
        _Finding("gap", 0.7, "advice", ("Sociaal Domein", "Publiekszaken"), ("s2",),
                 {"cross_ties": 2, "carried_by": ["s2"], "by_group": {"Sociaal Domein": 1}},
                 {"nl": f"Sociaal Domein en Publiekszaken: 2 relaties, via {HIDDEN}.",
                  "en": f"Sociaal Domein and Publiekszaken: 2 ties, through {HIDDEN}."}),
        _Finding("gap", 0.6, "advice", ("Sociaal Domein", "Publiekszaken"), (),
                 {"ties_by_group": {SMALL: 2, "Publiekszaken": 1}}, {"nl": "x", "en": "x"}),
        _Finding("overloaded", 0.5, "advice", ("Sociaal Domein",), ("s1",), {"share": 0.4},
                 {"nl": "Sanne Smit krijgt veel vragen.", "en": "Sanne Smit gets many questions."},
                 {"nl": [f"Zet iemand naast {HIDDEN}.", "Praat erover."], "en": ["Pair someone."]}),
        _Finding("isolated", 0.4, "advice", (), ("j3",), {}, {"nl": "Joost Vos", "en": "Joost Vos"}),
        _Finding("isolated", 0.4, "advice", (), ("j2",), {}, {"nl": "Jet van Dijk", "en": "Jet van Dijk"}),
        _Finding("isolated", 0.3, "advice", ("Team Onbekend",), (), {}, {"nl": "y", "en": "y"}),
        _Finding("note", 0.2, "advice", (), (), {}, {"nl": f"mail {HIDDEN_EMAIL}", "en": "z"}),
    ]
    kept = manager_findings(findings, privacy_net, PrivacyPolicy(key=KEY))
    assert [f.kind for f in kept] == ["gap", "overloaded", "isolated"]
    gap, overloaded, isolated = kept
    s2 = pseudonym("s2", KEY)
    assert gap.people == (s2,) and gap.evidence["carried_by"] == [s2]
    assert gap.text["nl"] == f"Sociaal Domein en Publiekszaken: 2 relaties, via {s2}."
    assert overloaded.text["en"] == "Sanne Smit gets many questions."
    assert overloaded.suggestions == {"nl": [f"Zet iemand naast {s2}.", "Praat erover."], "en": ["Pair someone."]}
    assert overloaded.people == (pseudonym("s1", KEY),)
    assert isolated.text["nl"] == "Joost Vos" and isolated.people == (pseudonym("j3", KEY),)
    for finding in kept:
        _assert_clean(repr(finding))
    assert findings[1].people == ("s2",)  # the input is untouched
    # Without a key (and someone who may not be named) nobody is shown, so no finding about people stays.
    assert manager_findings(findings, privacy_net, PrivacyPolicy()) == []
    # With everyone's consent, a finding mentioning a name still dropped elsewhere goes: the overloaded
    # finding's suggestion names Noor, who is in the small group; without that suggestion it stays.
    consenting = OrgNetwork(privacy_net.roster.assign(consent=True), privacy_net.ties)
    plain = dataclasses.replace(findings[3], suggestions={})
    assert [f.kind for f in manager_findings([plain], consenting, PrivacyPolicy())] == ["overloaded"]


def test_findings_with_shared_names_and_nameless_people(privacy_net):
    roster = privacy_net.roster.copy()
    roster.loc[["s3", "s4"], "name"] = "Iris de Vries"  # s3 and s4 both consented
    roster.loc["s5", ["name", "consent"]] = ["Iris de Vries", False]
    net = OrgNetwork(roster, privacy_net.ties)
    text = "Via Iris de Vries (s3), Iris de Vries (s4) en Iris de Vries (s5)."
    finding = _Finding("fragile_bridge", 0.9, "advice", ("Sociaal Domein",), ("s3", "s5"), {}, {"nl": text, "en": text})
    (kept,) = manager_findings([finding], net, PrivacyPolicy(key=KEY))
    p3, p4, p5 = (pseudonym(p, KEY) for p in ("s3", "s4", "s5"))
    assert kept.text["nl"] == f"Via Iris de Vries ({p3}), Iris de Vries ({p4}) en {p5}."
    consenting = OrgNetwork(roster.assign(consent=True), privacy_net.ties)  # without a key: all or nobody
    (no_key,) = manager_findings([dataclasses.replace(finding, people=("s3",))], consenting, PrivacyPolicy())
    assert "(s3)" not in no_key.text["nl"] and "Iris de Vries (2)" in no_key.text["nl"]
    # People without a name are shown by id; a numeric id cannot be replaced safely in a sentence.
    nameless = OrgNetwork(roster.assign(name=None, consent=False), privacy_net.ties)
    about_s1 = _Finding("overloaded", 0.5, "advice", (), ("s1",), {}, {"nl": "s1 krijgt 5 vragen", "en": "s1"})
    assert manager_findings([about_s1], nameless, PrivacyPolicy(key=KEY))[0].text["nl"] == (
        f"{pseudonym('s1', KEY)} krijgt 5 vragen")
    numeric = OrgNetwork(nameless.roster.rename(index={"s1": "7"}),
                         nameless.ties.replace({"source": {"s1": "7"}, "target": {"s1": "7"}}))
    about_7 = dataclasses.replace(about_s1, people=("7",), text={"nl": "7 krijgt 5 vragen", "en": "7"})
    assert manager_findings([about_7], numeric, PrivacyPolicy(key=KEY)) == []


def test_withheld_terms_and_leak_check(privacy_net):
    terms = withheld_terms(privacy_net, PrivacyPolicy(key=KEY))
    assert {SMALL, HIDDEN, HIDDEN_EMAIL, "Jurre Kok"} <= terms
    assert "Sanne Smit" not in terms and "Sociaal Domein" not in terms
    assert contains_withheld(f"via {HIDDEN}.", terms) == [HIDDEN]
    assert contains_withheld("via Noor Verborgenheid", [HIDDEN]) == []
    assert contains_withheld(r"via Noor\ Verborgen", [HIDDEN]) == [HIDDEN]  # Markdown escaping
    assert contains_withheld("&lt;img src=x onerror=alert(1)&gt;", [XSS]) == [XSS]


# -- formulas in CSV/XLSX ------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert neutralize_cell(start + "cmd|' /C calc'!A0") == "'" + start + "cmd|' /C calc'!A0"


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r.,0123456789eEaZ ")))
def test_neutralised_text_never_starts_a_formula_and_can_be_restored(value):
    safe = neutralize_cell(value)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r")) or float(safe.replace(",", ".")) == float(
        safe.replace(",", ".")
    )
    assert restore_cell(safe) == value


def test_restore_formulas_undoes_neutralize_formulas():
    frame = pd.DataFrame({"name": [FORMULA, "'-x", "''@y", "Ana", None], "n": [1, -2, 3, 4, 5]},
                         index=["=a", "b", "c", "d", "e"])
    back = restore_formulas(neutralize_formulas(frame))
    assert back["name"].tolist()[:4] == frame["name"].tolist()[:4] and pd.isna(back["name"].iloc[4])
    assert back.index.tolist() == frame.index.tolist() and back["n"].tolist() == frame["n"].tolist()


def test_numbers_stay_numbers():
    frame = pd.DataFrame({"n": [-1, 2], "x": [-0.5, 1e-3], "text": ["-3.5", "+31 6"], "flag": [True, False]})
    out = neutralize_formulas(frame)
    assert out["n"].tolist() == [-1, 2] and out["n"].dtype == frame["n"].dtype
    assert out["x"].dtype == frame["x"].dtype and out["flag"].dtype == bool
    assert out["text"].tolist() == ["-3.5", "'+31 6"]  # a plain number is inert; "+31 6" is not a number


def test_neutralize_formulas_covers_headers_index_and_string_dtypes():
    frame = pd.DataFrame({FORMULA: pd.array([FORMULA, None], dtype="string"), "cat": pd.Categorical(["@a", "b"])},
                         index=pd.Index(["-x", "y"], name="=idx"))
    out = neutralize_formulas(frame)
    assert list(out.columns) == ["'" + FORMULA, "cat"]
    assert out.iloc[0, 0] == "'" + FORMULA and pd.isna(out.iloc[1, 0])
    assert list(out["cat"]) == ["'@a", "b"]
    assert list(out.index) == ["'-x", "y"] and out.index.name == "'=idx"
    assert frame.iloc[0, 0] == FORMULA  # the input is untouched


def test_formula_names_are_inert_in_csv_and_xlsx(privacy_net, tmp_path):
    view = manager_people(privacy_net.roster[["name"]].assign(degree=1), privacy_net, PrivacyPolicy(key=KEY))
    safe = neutralize_formulas(view)
    csv_text = safe.to_csv(index=False)
    assert "\n" + FORMULA not in csv_text and "," + FORMULA not in csv_text.replace('""', '"')
    assert pd.read_csv(io.StringIO(csv_text))["name"].str.startswith("=").sum() == 0
    path = tmp_path / "people.xlsx"
    safe.to_excel(path, index=False)
    sheet = openpyxl.load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert len(cells) == 1
    assert cells[0].data_type == "s" and cells[0].value == "'" + FORMULA
    unsafe = tmp_path / "unsafe.xlsx"  # the control: without neutralising, openpyxl writes a live formula
    view.to_excel(unsafe, index=False)
    formulas = [c for row in openpyxl.load_workbook(unsafe).active.iter_rows() for c in row if c.data_type == "f"]
    assert len(formulas) == 1


# -- roles ----------------------------------------------------------------------------------------


def test_nothing_configured_is_analyst_mode_clearly_labelled():
    role = resolve_role(env={})
    assert role.is_analyst and not role.configured and role.source == "nothing configured"
    assert "local" in role.label("en") and "lokaal" in role.label("nl")


def test_environment_decides_the_role():
    assert resolve_role(env={"ONA_ROLE": "manager"}).is_manager
    assert resolve_role(env={"ONA_ROLE": "Leidinggevende"}).is_manager
    assert resolve_role(env={"ONA_ROLE": "analyst"}).configured
    env = {"ONA_MANAGER_USERS": "a@x.nl, B@x.nl", "ONA_ANALYST_USERS": "hr@x.nl"}
    assert resolve_role(env=env, user_email="b@X.nl").is_manager
    assert resolve_role(env=env, user_email="hr@x.nl").is_analyst
    assert resolve_role(env=env, user_email="stranger@x.nl").is_manager  # listed users exist: least privilege
    assert resolve_role(env=env).is_manager  # not signed in
    assert resolve_role(env={**env, "ONA_ROLE": "analyst"}, user_email="stranger@x.nl").is_analyst


def test_streamlit_secrets_map_users_to_roles():
    secrets = {"ona": {"role": "manager", "users": {"HR@gemeente.nl": "analyst"}}}
    role = resolve_role(env={}, secrets=secrets, user_email="hr@gemeente.nl")
    assert role.is_analyst and role.user == "hr@gemeente.nl" and "secrets" in role.source
    assert resolve_role(env={}, secrets=secrets, user_email="jan@gemeente.nl").is_manager
    assert resolve_role(env={}, secrets={}).is_analyst  # secrets without [ona]: nothing configured


@pytest.mark.parametrize(
    ("env", "secrets", "message"),
    [
        ({"ONA_ROLE": "admin"}, None, "'admin' is not a role"),
        ({"ONA_MANAGER_USERS": "a@x.nl", "ONA_ANALYST_USERS": "A@x.nl"}, None, "one role"),
        ({"ONA_ROLE": "analyst"}, {"ona": {"role": "manager"}}, "one place"),
        ({}, {"ona": {"users": ["a@x.nl"]}}, "must map e-mail addresses"),
        ({}, {"ona": "manager"}, "must be a table"),
    ],
)
def test_bad_role_configuration_is_explained(env, secrets, message):
    with pytest.raises(ConfigurationError, match=message):
        resolve_role(env=env, secrets=secrets, user_email="a@x.nl")


# -- uploads: XLSX bombs and file names --------------------------------------------------------------


def _xlsx_with_sheet(sheet_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()


def test_xlsx_decompression_bomb_is_rejected_before_it_is_unpacked():
    row = b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaa</t></is></c></row>'
    bomb = _xlsx_with_sheet(b"<worksheet><sheetData>" + row * 400_000 + b"</sheetData></worksheet>")
    assert len(bomb) < 200_000  # ~24 MB of XML in well under 1 MB of upload
    with pytest.raises(FileFormatError, match="suspiciously large") as info:
        read_tables(bomb, filename="aanmeldingen.xlsx")
    assert str(info.value).startswith("aanmeldingen.xlsx: the Excel file unpacks to")
    assert "export it as CSV" in str(info.value)


def test_xlsx_total_size_limit(monkeypatch):
    monkeypatch.setattr("ona.io.files.MAX_XLSX_UNCOMPRESSED", 1000)
    small = _xlsx_with_sheet(b"<worksheet>" + b"x" * 2000 + b"</worksheet>")
    with pytest.raises(FileFormatError, match="suspiciously large"):
        read_tables(small, filename="roster.xlsx")


def test_upload_file_names_are_only_used_in_messages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    secret = tmp_path / "secret.csv"
    secret.write_text("id,name\nX,should never be read\n")
    data, name = read_source(b"id,name\n1,Ana\n", filename=str(secret))
    assert data == b"id,name\n1,Ana\n" and name == "secret.csv"
    _, name = read_source(b"a", filename="../../etc/passwd")
    assert name == "passwd"
    table = read_tables(b"id,name\n1,Ana\n", filename="../../" + str(secret))[0]
    assert table.cells.iloc[1].tolist() == ["1", "Ana"] and table.filename == "secret.csv"
    with pytest.raises(FileFormatError) as info:
        read_tables(b"  ", filename="/var/data/../uploads/leeg.csv")
    assert str(info.value).startswith("leeg.csv: the file is empty")

    class Upload(io.BytesIO):
        name = "../../../tmp/evil.csv"

    _, name = read_source(Upload(b"id\n1\n"))
    assert name == "evil.csv"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.csv"]  # nothing written


def test_upload_size_is_limited():
    with pytest.raises(FileFormatError, match="more than the limit"):
        read_source(b"x" * 2048, filename="big.csv", max_bytes=1024)


# -- no data at rest ---------------------------------------------------------------------------------


def test_reading_and_analysing_writes_no_files(tmp_path):
    """A whole session in a fresh process (cwd, HOME, TMPDIR and caches in empty folders) leaves no file."""
    work, home, tmp, cache = (tmp_path / n for n in ("work", "home", "tmp", "cache"))
    for folder in (work, home, tmp, cache):
        folder.mkdir()
    sample = Path(samples.sample_path("municipality"))
    code = textwrap.dedent(
        f"""
        import ona
        from ona import privacy
        from ona.measures.analysis import analyze
        from ona.io.downloads import table_csv, tables_xlsx
        from ona.findings import find_findings, findings_to_markdown
        from ona.workspace import build_workspace
        from ona.viz.render import to_html, group_graph_html
        net = ona.load_network({str(sample / "ties_2025.csv")!r}, {str(sample / "roster.csv")!r})
        result = analyze(net, n_permutations=19, stability_runs=2)
        findings = find_findings(net)
        findings_to_markdown(findings, "nl")
        G = net.graph("advice")
        policy = privacy.PrivacyPolicy(key=b"session key for this test only")
        view = privacy.manager_people(result.people, net, policy)
        privacy.manager_group_table(result.groups, net, policy)
        privacy.manager_group_matrix(result.group_matrices["advice"], net, policy)
        privacy.manager_findings(findings, net, policy)
        table_csv(view), tables_xlsx({{"people": view}})
        html = to_html(privacy.manager_graph(G, policy))
        group_graph_html(privacy.manager_graph(G, policy, aggregate=True))
        workspace = build_workspace(net, policy=policy, analysis=result, findings=findings)
        workspace.to_zip()
        print(len(view), len(html) > 0)
        """
    )
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(cache),
        "PYTHONDONTWRITEBYTECODE": "1", "MPLCONFIGDIR": str(cache / "mpl"),
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=work, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["250", "True"]
    # igraph imports matplotlib.pyplot when matplotlib is installed, and matplotlib keeps a list of the
    # system's fonts in its cache folder: no data of the user's, so that one file (and its folder) may stay
    fonts = {cache / "mpl"} | set((cache / "mpl").glob("fontlist-*.json"))
    left = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p not in (work, home, tmp, cache, *fonts)]
    assert left == []


def test_manager_density_matrix_merges_small_groups_before_computing_densities(privacy_net):
    from ona.measures.groups import group_density_matrix
    from ona.privacy import manager_density_matrix

    G = privacy_net.graph("advice")
    # k = 7: no department is big enough alone; together the 15 people form "(other)".
    merged = manager_density_matrix(G, PrivacyPolicy(min_group_size=7))
    assert merged.index.tolist() == merged.columns.tolist() == [OTHER_GROUP]
    n = G.number_of_nodes()
    assert merged.iloc[0, 0] == pytest.approx(G.number_of_edges() / (n * (n - 1)))  # one group: the whole density
    # k = 5: the two 6-person departments are shown as they are; the 3 lawyers alone stay hidden.
    shown = manager_density_matrix(G, PrivacyPolicy(min_group_size=5))
    assert set(shown.index) == {"Sociaal Domein", "Publiekszaken"} and SMALL not in shown.columns
    full = group_density_matrix(G)
    assert shown.loc["Sociaal Domein", "Publiekszaken"] == pytest.approx(full.loc["Sociaal Domein", "Publiekszaken"])
