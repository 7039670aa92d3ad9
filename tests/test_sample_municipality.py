"""Checks of the flagship sample network ``sample_networks/municipality``.

These tests verify the PLANTED structure numerically with pandas only (no
``ona`` code), so that analysis features can later be tested against a
known truth (see ``planted.json`` and the sample's README).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "sample_networks" / "municipality"
WAVES = ("2025", "2026")
RELATIONS = ("advice", "trust", "collaboration")
STAFF = ("Medewerker", "Senior medewerker")
MANAGERS = ("Teamleider", "Afdelingshoofd")
FILES = ("roster.csv", "ties_2025.csv", "ties_2026.csv", "respondents_2025.csv",
         "respondents_2026.csv", "collaborations.csv", "planted.json")


@pytest.fixture(scope="module")
def roster() -> pd.DataFrame:
    return pd.read_csv(DATA / "roster.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def ties() -> dict[str, pd.DataFrame]:
    return {w: pd.read_csv(DATA / f"ties_{w}.csv", dtype={"weight": int}) for w in WAVES}


@pytest.fixture(scope="module")
def resp() -> dict[str, list[str]]:
    return {w: pd.read_csv(DATA / f"respondents_{w}.csv")["id"].tolist() for w in WAVES}


@pytest.fixture(scope="module")
def planted() -> dict:
    return json.loads((DATA / "planted.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dept(roster) -> dict[str, str]:
    return dict(zip(roster["id"], roster["department"]))


def ei(df: pd.DataFrame, dept: dict[str, str]) -> dict[str, float]:
    """Krackhardt-Stern E-I index per department over the ties in ``df``."""
    s, t = df["source"].map(dept), df["target"].map(dept)
    out = {}
    for d in sorted(set(dept.values())):
        internal = ((s == d) & (t == d)).sum()
        external = ((s == d) ^ (t == d)).sum()
        out[d] = (external - internal) / (external + internal)
    return out


def reciprocated_share(df: pd.DataFrame, mask: pd.Series) -> float:
    keys = set(zip(df["source"], df["target"]))
    sub = df[mask]
    return sum((t, s) in keys for s, t in zip(sub["source"], sub["target"])) / len(sub)


def cross_out_per_respondent(df, dept, ids, respondents) -> float:
    ids = [i for i in ids if i in set(respondents)]
    cross = df[df["source"].map(dept) != df["target"].map(dept)]
    return cross["source"].isin(ids).sum() / len(ids)


# ---------------------------------------------------------------- schema ---
def test_roster_schema(roster):
    assert list(roster.columns) == ["id", "name", "email", "department", "team", "role",
                                    "manager", "location"]
    assert len(roster) == 250
    assert roster["id"].str.fullmatch(r"E\d{4}").all() and roster["id"].is_unique
    assert roster["email"].is_unique
    assert roster["email"].str.endswith("@veldhoven-aan-zee.nl").all()
    sizes = roster.groupby("department").size().to_dict()
    assert sizes == {"Sociaal Domein": 60, "Ruimte & Wonen": 50, "Publiekszaken": 40,
                     "Bedrijfsvoering": 45, "Openbare Ruimte": 35, "Concernstaf": 20}
    # names unique except the two planted "Iris de Vries" in different departments
    dup = roster[roster["name"].duplicated(keep=False)]
    assert set(dup["name"]) == {"Iris de Vries"} and len(dup) == 2
    assert dup["department"].nunique() == 2
    assert sorted(dup["email"].str.split("@").str[0]) == ["iris.devries", "iris.devries2"]
    assert roster["name"].str.contains(r" (?:de|van|van der|van den|ter) ").sum() > 50


def test_hierarchy(roster):
    ids = set(roster["id"])
    top = roster[roster["manager"] == ""]
    assert list(top["role"]) == ["Gemeentesecretaris"]
    assert top["team"].iloc[0] == "Directie"
    assert roster.loc[roster["manager"] != "", "manager"].isin(ids).all()
    role = dict(zip(roster["id"], roster["role"]))
    for d, g in roster.groupby("department"):
        assert (g["role"] == "Afdelingshoofd").sum() == 1, d
        for t, tg in g.groupby("team"):
            if t != "Directie":
                assert (tg["role"] == "Teamleider").sum() == 1, t
    staff = roster[roster["role"].isin(STAFF) & (roster["team"] != "Directie")]
    assert staff["manager"].map(role).eq("Teamleider").all()
    # every chain reaches the top
    mgr = dict(zip(roster["id"], roster["manager"]))
    for i in roster["id"]:
        for _ in range(5):
            i = mgr[i] or i
        assert role[i] == "Gemeentesecretaris"


def test_ties_schema(ties, roster):
    ids = set(roster["id"])
    for w, df in ties.items():
        assert list(df.columns) == ["source", "target", "relation", "weight"]
        assert set(df["relation"]) == set(RELATIONS)
        assert (df["source"] != df["target"]).all()
        assert not df.duplicated(["source", "target", "relation"]).any()
        assert df["source"].isin(ids).all() and df["target"].isin(ids).all()
        assert (df.loc[df["relation"] != "collaboration", "weight"] == 1).all()
        assert df.loc[df["relation"] == "collaboration", "weight"].between(1, 4).all()
        assert df.loc[df["relation"] == "collaboration", "weight"].nunique() == 4


def test_degree_and_mixing_levels(ties, resp, dept):
    bounds = {"advice": (5, 8), "trust": (3, 5), "collaboration": (5, 8)}
    df = ties["2025"]
    for rel, (lo, hi) in bounds.items():
        sub = df[df["relation"] == rel]
        assert lo <= len(sub) / len(resp["2025"]) <= hi, rel
        inside = (sub["source"].map(dept) == sub["target"].map(dept)).mean()
        assert 0.75 <= inside <= 0.87, rel
        rec = reciprocated_share(sub, pd.Series(True, index=sub.index))
        assert 0.28 <= rec <= 0.45, rel


def test_respondents(ties, resp, roster):
    for w in WAVES:
        assert 0.8 <= len(resp[w]) / len(roster) <= 0.9
        # non-respondents have no out-ties, but some are named by others
        assert ties[w]["source"].isin(resp[w]).all()
        non = set(roster["id"]) - set(resp[w])
        assert ties[w]["target"].isin(non).any()
    assert set(resp["2025"]) != set(resp["2026"])


def test_collaborations_file():
    c = pd.read_csv(DATA / "collaborations.csv")
    assert list(c.columns) == ["collaboration", "group"]
    pairs = set(map(tuple, c.to_numpy()))
    for p in [("Omgevingswet", "Ruimte & Wonen"), ("Omgevingswet", "Publiekszaken"),
              ("Sociaal loket", "Sociaal Domein"), ("Sociaal loket", "Publiekszaken")]:
        assert p in pairs


# ------------------------------------------------------ planted structure ---
def test_silo(ties, dept, planted):
    silo = planted["silo"]
    for w in WAVES:
        frames = [ties[w]] + [ties[w][ties[w]["relation"] == r] for r in RELATIONS]
        for df in frames:
            e = ei(df, dept)
            assert min(e, key=e.get) == silo
            assert e[silo] <= -0.85
            others = sorted(v for d, v in e.items() if d != silo)
            assert e[silo] < others[0] - 0.2


def test_gap(ties, dept, planted):
    a, b = planted["gap"]
    df = ties["2025"]
    s, t = df["source"].map(dept), df["target"].map(dept)
    ab, ba = ((s == a) & (t == b)).sum(), ((s == b) & (t == a)).sum()
    assert 1 <= ab + ba <= 3 and min(ab, ba) == 0  # a trickle, one direction only
    out, inn, total = s.value_counts(), t.value_counts(), len(df)
    expected = out[a] * inn[b] / total + out[b] * inn[a] / total
    assert ab + ba < 0.05 * expected
    # both are declared to work together
    c = pd.read_csv(DATA / "collaborations.csv")
    groups = c.groupby("collaboration")["group"].apply(set)
    assert any({a, b} <= g for g in groups)


def test_fragile_bridge(ties, dept, planted):
    a, b = planted["fragile_bridge"]["groups"]
    (person,) = planted["fragile_bridge"]["people"]
    assert dept[person] in (a, b)
    for w in WAVES:
        df = ties[w]
        s, t = df["source"].map(dept), df["target"].map(dept)
        cross = df[((s == a) & (t == b)) | ((s == b) & (t == a))]
        assert 6 <= len(cross) <= 10
        assert ((cross["source"] == person) | (cross["target"] == person)).all()
        assert set(cross["relation"]) >= {"advice", "collaboration"}


def test_other_pairs_are_connected(ties, dept, planted):
    """Apart from silo, gap and bridge pairs, departments have healthy cross ties."""
    df = ties["2025"]
    s, t = df["source"].map(dept), df["target"].map(dept)
    special = {frozenset(planted["gap"]), frozenset(planted["fragile_bridge"]["groups"])}
    out, inn, total = s.value_counts(), t.value_counts(), len(df)
    depts = sorted(set(dept.values()) - {planted["silo"]})
    for i, a in enumerate(depts):
        for b in depts[i + 1:]:
            if frozenset((a, b)) in special:
                continue
            m = ((s == a) & (t == b)) | ((s == b) & (t == a))
            expected = out[a] * inn[b] / total + out[b] * inn[a] / total
            assert m.sum() >= 0.2 * expected, (a, b)
            assert pd.concat([df.loc[m, "source"], df.loc[m, "target"]]).nunique() >= 15


def test_one_sided_trust(ties, roster, planted):
    role = dict(zip(roster["id"], roster["role"]))
    frm, to = planted["one_sided_trust"]["from_roles"], planted["one_sided_trust"]["to_roles"]
    for w in WAVES:
        tr = ties[w][ties[w]["relation"] == "trust"]
        rs, rt = tr["source"].map(role), tr["target"].map(role)
        up = rs.isin(frm) & rt.isin(to)
        peers = rs.isin(frm) & rt.isin(frm)
        assert up.sum() >= 100
        assert reciprocated_share(tr, up) < 0.2
        assert reciprocated_share(tr, peers) > 0.35
        # advice and collaboration are normally reciprocal up the hierarchy
        for rel in ("advice", "collaboration"):
            sub = ties[w][ties[w]["relation"] == rel]
            m = sub["source"].map(role).isin(frm) & sub["target"].map(role).isin(to)
            assert reciprocated_share(sub, m) > 0.2


def test_wave2_spreading(ties, dept, resp, roster, planted):
    seed = planted["wave2_seed_team"]["people"]
    assert set(seed) == set(roster.loc[roster["team"] == planted["wave2_seed_team"]["team"], "id"])
    second = planted["wave2_second_step"]["people"]
    rest = [i for i in roster["id"] if i not in seed and i not in second]

    def per(ids, w):
        return cross_out_per_respondent(ties[w], dept, ids, resp[w])

    d_seed = per(seed, "2026") - per(seed, "2025")
    d_second = per(second, "2026") - per(second, "2025")
    d_rest = per(rest, "2026") - per(rest, "2025")
    assert per(seed, "2026") > 2 * per(seed, "2025")
    assert d_seed > 4
    assert 1 <= d_second < d_seed
    assert abs(d_rest) < 0.15 * per(rest, "2025")
    # team level: the adjacent teams gain cross-department ties too
    team = dict(zip(roster["id"], roster["team"]))
    for tname in planted["wave2_adjacent_teams"]:
        ids = [i for i in roster["id"] if team[i] == tname]
        assert per(ids, "2026") > per(ids, "2025") + 0.5, tname
    # the gap starts to close through the seed team
    a, b = planted["gap"]
    df = ties["2026"]
    s, t = df["source"].map(dept), df["target"].map(dept)
    gap26 = df[((s == a) & (t == b)) | ((s == b) & (t == a))]
    assert len(gap26) > 30
    assert ((s == b) & (t == a)).sum() > 5
    involved = gap26["source"].isin(seed) | gap26["target"].isin(seed)
    assert involved.mean() > 0.6


def test_rest_of_network_stable(ties, resp):
    both = set(resp["2025"]) & set(resp["2026"])
    k = {w: set(map(tuple, ties[w][["source", "target", "relation"]].to_numpy()))
         for w in WAVES}
    k = {w: {x for x in v if x[0] in both} for w, v in k.items()}
    kept = len(k["2025"] & k["2026"]) / len(k["2025"])
    assert 0.9 <= kept < 1.0  # small churn, not a frozen copy


def test_overloaded(ties, dept, planted):
    (person,) = planted["overloaded"]["people"]
    for w in WAVES:
        adv = ties[w][ties[w]["relation"] == "advice"]
        indeg = adv["target"].value_counts()
        assert indeg.idxmax() == person
        assert indeg[person] > 2 * indeg.drop(person).max()
        assert adv.loc[adv["target"] == person, "source"].map(dept).nunique() >= 4


def test_isolates(ties, resp, planted):
    iso = planted["isolates"]["people"]
    assert 1 <= len(iso) <= 3
    for w in WAVES:
        adv = ties[w][ties[w]["relation"] == "advice"]
        assert set(iso) <= set(resp[w])
        assert not adv["source"].isin(iso).any()
        assert not adv["target"].isin(iso).any()


def test_named_people(roster, planted):
    name = dict(zip(roster["id"], roster["name"]))
    (jan,) = planted["fragile_bridge"]["people"]
    assert name[jan] == "Jan de Vries"
    row = roster.set_index("id").loc[jan]
    assert (row["department"], row["team"]) == ("Publiekszaken", "Klantcontactcentrum")
    (ovl,) = planted["overloaded"]["people"]
    assert roster.set_index("id").loc[ovl, "department"] == "Bedrijfsvoering"
    assert [name[i] for i in planted["duplicate_names"]["people"]] == ["Iris de Vries"] * 2


# -------------------------------------------------------- reproducibility ---
def test_generate_reproduces_files(tmp_path):
    subprocess.run([sys.executable, str(DATA / "generate.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for f in FILES:
        assert (tmp_path / f).read_bytes() == (DATA / f).read_bytes(), f
