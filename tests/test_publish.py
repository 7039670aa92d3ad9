"""Tests for ona.workspace: the manager workspace leaks nothing that managers may not see.

The network is the synthetic municipality (wave 2025) with changes that make
every rule testable: a 3-person department "Juridische Zaken", the fragile
bridge Jan de Vries (E0141) renamed "Noor Verborgen" and without consent, a
department named like an HTML attack and one named like a spreadsheet formula.
Each test greps the written files themselves.

The policy's default groupings (department, team and location) are screened together, so the
4-person team "Directie" (SMALL's neighbours in Concernstaf) is withheld as well: 7 people in all.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ona import OrgNetwork, samples
from ona.measures.analysis import analyze
from ona.cli import main
from ona.exceptions import ConfigurationError, FileFormatError, OnaError
from ona.io.expected import read_expected
from ona.findings import find_findings
from ona.privacy import OTHER_GROUP, PrivacyPolicy, manager_network, pseudonym, screen_network
from ona.workspace import FORMAT, build_workspace, load_workspace, publish

KEY = b"test organisation key 0123456789"
SMALL = "Juridische Zaken"
SMALL_PEOPLE = ("E0248", "E0249", "E0250")
DIRECTIE = ("E0001", "E0232", "E0233", "E0234")  # the 4-person team "Directie": below k under the team grouping
WITHHELD = {*SMALL_PEOPLE, *DIRECTIE}
SHOWN_ID = "E0002"  # consented, shown by name
HIDDEN_ID, HIDDEN, HIDDEN_EMAIL = "E0141", "Noor Verborgen", "noor.verborgen@veldhoven-aan-zee.nl"
XSS = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://x","y")'
NO_CONSENT = {HIDDEN_ID, "E0010", "E0020", "E0030", *SMALL_PEOPLE[:2]}
RENAMED = {"Publiekszaken": XSS, "Openbare Ruimte": FORMULA}


def _municipality(wave: str = "2025") -> OrgNetwork:
    net = samples.load("municipality", wave=wave)
    roster = net.roster.copy()
    roster.loc[list(SMALL_PEOPLE), "department"] = SMALL
    roster.loc[HIDDEN_ID, ["name", "email"]] = [HIDDEN, HIDDEN_EMAIL]
    roster["department"] = roster["department"].replace(RENAMED)
    roster["consent"] = [pid not in NO_CONSENT for pid in roster.index]
    roster.loc["E0022", "name"] = XSS  # a partner of the bridge, shown by name
    roster.loc["E0029", "name"] = FORMULA
    roster.loc["E0033", "name"] = "NA"  # initials that pandas would read as "not available"
    # The lawyers answer the survey, so their group has figures that must stay out of manager views.
    extra = pd.DataFrame([("E0248", "E0249", "advice"), ("E0249", "E0250", "advice"), ("E0250", "E0248", "advice"),
                          ("E0248", "E0002", "advice"), ("E0249", "E0001", "trust"), ("E0250", "E0141", "collaboration")],
                         columns=["source", "target", "relation"]).assign(weight=1.0)
    ties = pd.concat([net.ties, extra], ignore_index=True).drop_duplicates(["source", "target", "relation"])
    return net.with_changes(roster=roster, ties=ties, respondents=net.respondents | set(SMALL_PEOPLE))


def _expected(net: OrgNetwork) -> pd.DataFrame:
    frame = pd.read_csv(samples.expected_collaborations_path("municipality"), dtype=str)
    frame["group"] = frame["group"].replace(RENAMED)
    return read_expected(frame, net)


@pytest.fixture(scope="module")
def net() -> OrgNetwork:
    return _municipality()


@pytest.fixture(scope="module")
def full_analysis(net):
    return analyze(net, n_permutations=99, stability_runs=2)


@pytest.fixture(scope="module")
def analysis(net):
    """The analysis managers get: Juridische Zaken and Directie are too small even as "(other)", so their people
    are left out."""
    assert len(manager_network(net, PrivacyPolicy())) == 247  # by department alone
    reduced = screen_network(net, PrivacyPolicy()).net
    assert set(net.people) - set(reduced.people) == WITHHELD
    return analyze(reduced, n_permutations=99, stability_runs=2)


@pytest.fixture(scope="module")
def findings(net):
    return find_findings(net, expected=_expected(net))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, net, analysis, findings) -> Path:
    folder = tmp_path_factory.mktemp("published") / "werkruimte"
    publish(net, folder, policy=PrivacyPolicy(key=KEY), lang="nl", analysis=analysis, findings=findings)
    return folder


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


# -- what is in it --------------------------------------------------------------------------------


def test_workspace_files_and_manifest(workspace, net):
    names = sorted(p.name for p in workspace.iterdir())
    relations = ("advice", "collaboration", "trust")
    expected = {"manifest.json", "README.md", "summary.json", "groups.csv", "people.csv", "findings.json",
                "findings.md"}
    for r in relations:
        expected |= {f"group_matrix_{r}.csv", f"group_density_{r}.csv", f"group_network_{r}.json",
                     f"network_{r}.json"}
    assert set(names) == expected
    manifest = json.loads((workspace / "manifest.json").read_text())
    assert manifest["format"] == FORMAT and manifest["version"] == 1
    assert manifest["privacy"] == {"min_group_size": 5, "names": "consenting people by name, others by pseudonym",
                                   "show_names": True, "person_level": True, "pseudonyms": True,
                                   "other_label": OTHER_GROUP}
    assert manifest["people"] == 243 and manifest["respondents"] == len(net.respondents) - 7
    assert set(manifest["groups"]) == {"Sociaal Domein", "Ruimte & Wonen", XSS, "Bedrijfsvoering", FORMULA,
                                       "Concernstaf"}
    assert "key" not in json.dumps(manifest["privacy"]).replace("pseudonyms", "")


def test_load_workspace_reads_back_every_part(workspace, net, analysis):
    ws = load_workspace(workspace)
    assert ws.relations == ["advice", "trust", "collaboration"]
    groups = ws.groups()
    assert set(groups["group"]) == set(ws.groups_shown)  # formula names come back as they were
    original = analysis.groups.set_index(["relation", "group"])
    row = groups.set_index(["relation", "group"]).loc[("advice", "Sociaal Domein")]
    assert row["ei_index"] == pytest.approx(original.loc[("advice", "Sociaal Domein"), "ei_index"])
    counts = ws.group_matrix("advice")
    pd.testing.assert_frame_equal(counts, analysis.group_matrices["advice"], check_names=False, check_dtype=False)
    G = ws.graph("advice")
    # Everyone is shown (by name or pseudonym) except the members of the small groups.
    assert G.number_of_nodes() == 243
    assert not {pseudonym(p, KEY) for p in WITHHELD} & set(G)
    assert G.nodes[pseudonym(HIDDEN_ID, KEY)]["name"] == pseudonym(HIDDEN_ID, KEY)
    assert G.nodes[pseudonym(SHOWN_ID, KEY)]["name"] == net.roster.at[SHOWN_ID, "name"]
    H = ws.graph("advice", aggregate=True)
    assert set(H.nodes) == set(ws.groups_shown)
    people = ws.people()
    assert len(people) == 243 and people.columns[:3].tolist() == ["person", "name", "department"]
    assert {XSS, FORMULA, "NA"} <= set(people["name"])
    found = ws.findings()
    assert all(hasattr(f, "kind") and isinstance(f.groups, tuple) for f in found)
    for finding in found:  # the structure survives the filter: texts per language, lists of suggestions
        assert set(finding.text) == {"nl", "en"} and all(isinstance(t, str) for t in finding.text.values())
        assert all(isinstance(items, list) and all(isinstance(i, str) and len(i) > 20 for i in items)
                   for items in finding.suggestions.values())
    assert ws.findings_markdown().startswith((workspace / "findings.md").read_text(encoding="utf-8")[:20])
    assert ws.summary()["advice"]["ties"] == analysis.summary["advice"]["ties"]


def test_zip_round_trip_and_deterministic_output(net, analysis, findings):
    first = build_workspace(net, policy=PrivacyPolicy(key=KEY), analysis=analysis, findings=findings)
    second = build_workspace(net, policy=PrivacyPolicy(key=KEY), analysis=analysis, findings=findings)
    assert first.files == second.files
    data = first.to_zip()
    assert data == second.to_zip()
    opened = load_workspace(data)
    assert opened.files == first.files
    assert opened.groups().equals(first.groups())


# -- the privacy rules, checked in the files --------------------------------------------------


def test_small_group_leaves_no_trace_in_any_file_or_file_name(workspace, net, full_analysis):
    texts = _texts(workspace)
    for name, text in texts.items():
        assert SMALL not in name and "Juridisch" not in name
        assert SMALL not in text and "Juridisch" not in text, name
    groups = load_workspace(workspace).groups()
    assert OTHER_GROUP not in set(groups["group"])  # 3 people: (other) stays below k too
    assert OTHER_GROUP not in load_workspace(workspace).group_matrix("trust").index
    # The control: the analyst's own results do name the small group.
    assert SMALL in set(full_analysis.groups["group"])
    assert full_analysis.group_matrices["advice"].loc[SMALL].sum() == 4


def test_shown_group_figures_do_not_give_away_the_small_group_by_difference(workspace):
    ws = load_workspace(workspace)
    groups = ws.groups().set_index(["relation", "group"])
    for relation in ws.relations:
        counts = ws.group_matrix(relation)
        off_diagonal = counts.where(~pd.DataFrame(
            [[a == b for b in counts.columns] for a in counts.index], index=counts.index, columns=counts.columns), 0)
        for group in counts.index:
            row = groups.loc[(relation, group)]
            assert row["external_out"] == off_diagonal.loc[group].sum()
            assert row["external_in"] == off_diagonal[group].sum()
        assert ws.summary()[relation]["ties"] == counts.to_numpy().sum()
        assert ws.summary()[relation]["nodes"] == 243


def test_small_groups_merged_into_other_when_together_large_enough(net, tmp_path):
    # Openbare Ruimte (28 respondents), Concernstaf (17) and Juridische Zaken (3) together: 48 respondents.
    # (Grouping by department only: with the location grouping too, the Werf, 28 respondents, would be
    # withheld, and with it Openbare Ruimte.)
    policy = PrivacyPolicy(min_group_size=30, key=KEY, groupings=("department",))
    assert manager_network(net, policy) is net
    # A person named exactly like a withheld group would stop publishing (the leak check cannot tell
    # the two apart), so the person named like the formula department gets another name here.
    roster = net.roster.copy()
    roster.loc["E0029", "name"] = "Fleur Formule"
    net = net.with_changes(roster=roster)
    ws = build_workspace(net, policy=policy, n_permutations=19, expected=_expected(net))
    assert ws.groups_shown == [XSS, "Bedrijfsvoering", "Ruimte & Wonen", "Sociaal Domein", OTHER_GROUP]
    counts = ws.group_matrix("advice")
    assert list(counts.index) == ws.groups_shown and counts.to_numpy().sum() == net.graph("advice").number_of_edges()
    assert OTHER_GROUP not in set(ws.groups()["group"])  # no per-group row for a mixed group
    text = "\n".join(content.decode() for content in ws.files.values())
    for gone in (SMALL, "Concernstaf", "HYPERLINK"):
        assert gone not in text
    assert pseudonym("E0250", KEY) in text  # members of merged groups stay, under "(other)"


def test_person_without_consent_is_never_named(workspace, net, findings):
    texts = _texts(workspace)
    everything = "\n".join(texts.values())
    assert HIDDEN not in everything and HIDDEN_EMAIL not in everything
    for pid in NO_CONSENT:
        name = net.roster.at[pid, "name"]
        assert not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", everything), name
    assert not re.search(r"\bE\d{4}\b", everything)  # no employee id anywhere
    assert "@veldhoven-aan-zee.nl" not in everything  # no e-mail address at all
    # Where the full findings name the hidden bridge, the manager's findings use the pseudonym.
    full = [f for f in findings if HIDDEN_ID in f.people]
    shown = json.loads(texts["findings.json"])
    if full:
        assert any(pseudonym(HIDDEN_ID, KEY) in f["people"] for f in shown)
        assert pseudonym(HIDDEN_ID, KEY) in texts["findings.md"]


def test_pseudonyms_only_and_no_key(net, analysis, findings, tmp_path):
    only = build_workspace(net, policy=PrivacyPolicy(key=KEY, show_names=False), analysis=analysis,
                           findings=findings)
    people = only.people()
    assert people["name"].isna().all() and people["person"].str.fullmatch(r"P-[0-9A-Z]{8}").all()
    text = "\n".join(content.decode() for content in only.files.values())
    assert net.roster.at[SHOWN_ID, "name"] not in text
    without_key = build_workspace(net, policy=PrivacyPolicy(), analysis=analysis, findings=findings)
    # Without a key, people without consent cannot be shown, so nobody is (issue 10, red-team #2).
    assert len(without_key.people()) == 0 and without_key.manifest["privacy"]["person_level"] is False
    assert without_key.manifest["hidden"]["unnamed"] == len(NO_CONSENT - WITHHELD)
    assert HIDDEN not in "\n".join(content.decode() for content in without_key.files.values())


def test_groups_only(net, analysis, findings, tmp_path):
    ws = build_workspace(net, policy=PrivacyPolicy(key=KEY, person_level=False), analysis=analysis, findings=findings)
    assert ws.manifest["files"]["people"] is None and len(ws.people()) == 0
    assert all(entry["network"] is None for entry in ws.manifest["relations"])
    assert ws.graph("advice").number_of_nodes() == 0 and ws.graph("advice", aggregate=True).number_of_nodes() == 6
    assert ws.findings() and all(not f.people for f in ws.findings())
    text = "\n".join(content.decode() for content in ws.files.values())
    assert not re.search(r"P-[0-9A-Z]{8}", text) and net.roster.at[SHOWN_ID, "name"] not in text
    assert ws.policy["names"] == "no people shown"
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "g"), "--groups-only", "--min-group-size", "3"]) == 0
    assert not (tmp_path / "g" / "people.csv").exists()


def test_pseudonyms_are_stable_across_published_waves(net, analysis, findings):
    later = _municipality("2026")
    policy = PrivacyPolicy(key=KEY)
    # Screened together, both waves withhold the same people (in 2026 team Communicatie also drops below k).
    first = build_workspace(net, policy=policy, analysis=analysis, findings=findings,
                            screened=screen_network(net, policy, also=[later]))
    second = build_workspace(later, policy=policy, n_permutations=9, findings=[],
                             screened=screen_network(later, policy, also=[net]))
    hidden = pseudonym(HIDDEN_ID, KEY)
    assert hidden in set(first.people()["person"]) and hidden in set(second.people()["person"])
    assert set(first.people()["person"]) == set(second.people()["person"])
    other_key = build_workspace(later, policy=PrivacyPolicy(key=b"another organisation key 98765"),
                                n_permutations=9, findings=[])
    assert set(other_key.people()["person"]).isdisjoint(first.people()["person"])


def test_html_in_names_is_escaped_in_every_markdown_file(workspace):
    markdown = {name: text for name, text in _texts(workspace).items() if name.endswith((".md", ".html"))}
    assert set(markdown) == {"README.md", "findings.md"}
    for name, text in markdown.items():
        assert not re.search(r"<\s*img", text, re.IGNORECASE), name
    assert "img src" in markdown["findings.md"]  # the department with the HTML name is in the findings, as text


def test_formulas_are_inert_in_every_csv_and_in_xlsx_exports(workspace):
    starts = ("=", "+", "-", "@", "\t", "\r")
    seen = 0
    for path in workspace.glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                if cell.startswith(starts):
                    float(cell)  # only plain numbers may start like a formula
                seen += "HYPERLINK" in cell
    assert seen >= 3  # the formula department is a group, a matrix header and a name
    from ona.io.downloads import tables_xlsx

    ws = load_workspace(workspace)
    data = tables_xlsx({"groups": ws.groups(), "people": ws.people(),
                        "matrix": ws.group_matrix("advice").reset_index()})
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    hyperlinks = [c.value for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert hyperlinks and all(v.startswith("'") for v in hyperlinks)


def test_no_figures_when_the_network_is_smaller_than_k():
    roster = pd.DataFrame({"department": ["A"] * 4}, index=pd.Index(list("abcd"), name="id"))
    tiny = OrgNetwork(roster, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(ConfigurationError, match="fewer than the minimum group size of 5"):
        build_workspace(tiny, policy=PrivacyPolicy(), findings=[])


def test_publishing_stops_when_a_file_would_still_hold_a_withheld_name(net, analysis, findings, monkeypatch):
    # The last safety net: were a manager view ever to let the small department's name through (a bug,
    # simulated here), nothing is published.
    import ona.privacy

    def leaky(found, *args, **kwargs):
        return [dataclasses.replace(f, text={"nl": SMALL, "en": SMALL}) for f in found[:1]]

    monkeypatch.setattr(ona.privacy, "manager_findings", leaky)  # what the manager view filters findings with
    with pytest.raises(OnaError, match=f"Publishing stopped: .* would contain '{SMALL}'"):
        build_workspace(net, policy=PrivacyPolicy(key=KEY), analysis=analysis, findings=findings)
    with pytest.raises(ConfigurationError, match="Unknown language 'de'"):
        build_workspace(net, policy=PrivacyPolicy(key=KEY), lang="de")


# -- writing and opening safely -------------------------------------------------------------------


def test_publish_refuses_a_folder_with_other_files_and_replaces_an_old_workspace(net, analysis, findings, tmp_path):
    crowded = tmp_path / "crowded"
    crowded.mkdir()
    (crowded / "salarissen.xlsx").write_bytes(b"x")
    with pytest.raises(OnaError, match="already holds other files"):
        publish(net, crowded, policy=PrivacyPolicy(key=KEY), analysis=analysis, findings=findings)
    assert sorted(p.name for p in crowded.iterdir()) == ["salarissen.xlsx"]
    folder = tmp_path / "ws"
    publish(net, folder, policy=PrivacyPolicy(key=KEY), analysis=analysis, findings=findings)
    (folder / "network_oldrelation.json").write_text("{}")
    publish(net, folder, policy=PrivacyPolicy(key=KEY), analysis=analysis, findings=findings)
    assert not (folder / "network_oldrelation.json").exists()


def test_load_workspace_rejects_what_publish_did_not_write(workspace, tmp_path):
    with pytest.raises(FileFormatError, match="no manifest.json"):
        load_workspace(tmp_path)
    with pytest.raises(FileFormatError, match="neither a workspace folder nor a workspace zip"):
        load_workspace(b"id,name\n1,Ana\n")
    crafted = tmp_path / "crafted"
    crafted.mkdir()
    manifest = json.loads((workspace / "manifest.json").read_text())
    manifest["files"]["groups"] = "../../etc/passwd"
    (crafted / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(FileFormatError, match="unsafe file"):
        load_workspace(crafted)
    manifest["version"] = 99
    (crafted / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(FileFormatError, match="format version 99"):
        load_workspace(crafted)
    (crafted / "manifest.json").write_text(json.dumps({"format": "something else"}))
    with pytest.raises(FileFormatError, match="not describe an ona manager workspace"):
        load_workspace(crafted)


# -- command line ----------------------------------------------------------------------------------


def test_cli_publish_from_files(net, tmp_path, monkeypatch, capsys):
    roster = tmp_path / "personeel.csv"
    net.roster.reset_index().assign(consent=lambda f: f["consent"].map({True: "ja", False: "nee"})).to_csv(
        roster, index=False)
    ties = tmp_path / "ties.csv"
    net.ties.to_csv(ties, index=False)
    expected = tmp_path / "samenwerkingen.csv"
    _expected_file = pd.read_csv(samples.expected_collaborations_path("municipality"), dtype=str)
    _expected_file.assign(group=_expected_file["group"].replace(RENAMED)).to_csv(expected, index=False)
    monkeypatch.setenv("HR_SLEUTEL", KEY.decode())
    out = tmp_path / "out"
    status = main(["publish", str(ties), "--roster", str(roster), "--expected", str(expected), "-o", str(out),
                   "--key-env", "HR_SLEUTEL", "--lang", "en"])
    printed = capsys.readouterr().out
    assert status == 0, printed
    assert f"Wrote a manager workspace of {len(list(out.iterdir()))} files" in printed
    assert f"{SMALL} (3)" in printed  # HR is told which groups managers will not see
    everything = "\n".join(_texts(out).values())
    assert SMALL not in everything and HIDDEN not in everything
    assert pseudonym(HIDDEN_ID, KEY) in everything


def test_cli_publish_sample_and_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ONA_PSEUDONYM_KEY", raising=False)
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "k"), "--min-group-size", "3"]) == 0
    printed = capsys.readouterr().out
    assert "No pseudonym key in ONA_PSEUDONYM_KEY" in printed
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "k2"), "--key-env", "NOT_SET_ANYWHERE"]) == 2
    assert "NOT_SET_ANYWHERE named by --key-env is not set" in capsys.readouterr().err
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "short")
    assert main(["publish", "krackhardt", "-o", str(tmp_path / "k3")]) == 2
    assert "at least 16" in capsys.readouterr().err


def test_a_withheld_group_inside_a_shown_name_is_not_a_leak():
    """Issue 10: a withheld department "Domein" beside a shown "Sociaal Domein" stopped publishing as "a bug in ona"."""
    net = samples.load("municipality", wave="2025")
    roster = net.roster.copy()
    roster.loc[["E0101", "E0102", "E0103"], "department"] = "Domein"
    ws = build_workspace(net.with_changes(roster=roster), policy=PrivacyPolicy(key=KEY), n_permutations=0,
                         findings=[])
    text = "\n".join(content.decode() for content in ws.files.values())
    assert "Sociaal Domein" in ws.groups_shown and "Domein" not in ws.groups_shown
    assert not re.search(r"(?<!Sociaal )\bDomein\b", text)  # the small department's name appears nowhere alone
