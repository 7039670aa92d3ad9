"""analyze(), Analysis.write() and the `ona analyze` command."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from ona import MissingAttributeError, OrgNetwork, UnknownRelationError, samples
from ona.measures import metrics as metrics_module
from ona.measures.analysis import Analysis, analyze
from ona.cli import main
from ona.measures.groups import GROUP_COLUMNS
from ona.measures.metrics import PERSON_COLUMNS

FAST = {"n_permutations": 99, "stability_runs": 2}


@pytest.fixture(scope="module")
def krackhardt_analysis() -> Analysis:
    return analyze(samples.load("krackhardt"), **FAST)


@pytest.fixture(scope="module")
def municipality_analysis() -> Analysis:
    return analyze(samples.load("municipality"), **FAST)


def test_people_table_layout(krackhardt_analysis):
    people = krackhardt_analysis.people
    assert len(people) == 21 and people.index.name == "id"
    assert list(people.columns[:3]) == ["name", "department", "team"]
    assert "email" not in people.columns and people["responded"].all()
    for relation in ("advice", "friendship", "reports_to"):
        for column in PERSON_COLUMNS:
            if column != "responded":
                assert f"{relation}_{column}" in people.columns
        assert f"community_{relation}" in people.columns
        assert f"community_stability_{relation}" in people.columns
    assert people.loc["2", "advice_in_degree"] == 18


def test_analysis_agrees_with_the_separate_functions(krackhardt_analysis):
    from ona.measures.metrics import person_table
    from ona.measures.whole_network import network_summary

    net = samples.load("krackhardt")
    G = net.graph("friendship")
    separate = person_table(G)
    block = krackhardt_analysis.people[[f"friendship_{c}" for c in PERSON_COLUMNS if c != "responded"]]
    block.columns = [c.removeprefix("friendship_") for c in block.columns]
    pd.testing.assert_frame_equal(
        block, separate.drop(columns="responded"), check_names=False, check_index_type=False
    )
    summary = network_summary(G, n_permutations=99)
    for key in ("density", "reciprocity", "transitivity", "hierarchy", "lub", "modularity_departments", "communities"):
        assert krackhardt_analysis.summary["friendship"][key] == pytest.approx(summary[key]), key


def test_summary_published_figures(krackhardt_analysis):
    advice = krackhardt_analysis.summary["advice"]
    assert advice["reciprocity"] == pytest.approx(0.47368, abs=5e-6)
    assert advice["dyadic_reciprocity"] == pytest.approx(0.31034, abs=5e-6)
    assert advice["transitivity"] == pytest.approx(0.66398, abs=5e-6)
    assert advice["triad_census"]["030T"] == 190
    friendship = krackhardt_analysis.summary["friendship"]
    assert (friendship["mutual_dyads"], friendship["asymmetric_dyads"], friendship["null_dyads"]) == (23, 56, 131)
    assert advice["betweenness_method"] == "exact" and "exact" in advice["betweenness_note"]
    layers = advice["layers"]["friendship"]
    assert layers["both"] == 60 and layers["ties_first"] == 190 and layers["ties_second"] == 102
    assert krackhardt_analysis.summary["friendship"]["layers"]["advice"]["ties_first"] == 102


def test_groups_and_matrices(krackhardt_analysis):
    groups = krackhardt_analysis.groups
    assert list(groups.columns) == ["relation", *GROUP_COLUMNS]
    assert set(groups["relation"]) == {"advice", "friendship", "reports_to"}
    assert groups.query("relation == 'advice'")["size"].sum() == 21
    matrix = krackhardt_analysis.group_matrices["advice"]
    assert matrix.to_numpy().sum() == 190
    size = int((samples.load("krackhardt").roster["department"] == "Dept 2").sum())
    assert krackhardt_analysis.group_density_matrices["advice"].loc["Dept 2", "Dept 2"] == pytest.approx(
        matrix.loc["Dept 2", "Dept 2"] / (size * (size - 1))
    )


def test_write_creates_the_documented_files(krackhardt_analysis, tmp_path):
    written = krackhardt_analysis.write(tmp_path / "out")
    names = [p.name for p in written]
    assert names == [
        "people.csv", "groups.csv", "group_matrix_advice.csv", "group_matrix_friendship.csv",
        "group_matrix_reports_to.csv", "summary.json",
    ]  # fmt: skip
    people = pd.read_csv(tmp_path / "out" / "people.csv", dtype={"id": str})
    assert list(people.columns[:3]) == ["id", "name", "department"]
    assert "advice_brokerage_liaison" in people.columns and "community_advice" in people.columns
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert list(summary) == ["advice", "friendship", "reports_to"]
    for key in ("nodes", "ties", "density", "reciprocity", "transitivity", "modularity_departments",
                "communities", "nmi_departments"):  # fmt: skip
        assert key in summary["advice"]
    matrix = pd.read_csv(tmp_path / "out" / "group_matrix_advice.csv", index_col="from")
    assert matrix.to_numpy().sum() == 190


def test_cli_analyze_sample(tmp_path, capsys):
    out = tmp_path / "result"
    assert main(["analyze", "krackhardt", "-o", str(out), "--permutations", "50", "--seed", "3", "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "21 people" in printed and "people.csv, groups.csv" in printed
    for name in ("people.csv", "groups.csv", "group_matrix_advice.csv", "summary.json"):
        assert (out / name).is_file()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["advice"]["reciprocity"] == pytest.approx(0.47368, abs=5e-6)
    assert summary["advice"]["seed"] == 3
    groups = pd.read_csv(out / "groups.csv")
    assert groups.columns[:4].tolist() == ["relation", "group", "size", "respondents"]
    assert len(pd.read_csv(out / "people.csv")) == 21


def test_cli_analyze_files_and_options(tmp_path, capsys):
    folder = samples.sample_path("krackhardt")
    out = tmp_path / "files"
    code = main([
        "analyze", str(folder / "ties.csv"), "--roster", str(folder / "roster.csv"), "-o", str(out),
        "--group-by", "role", "--resolution", "1.5", "--permutations", "0",
    ])  # fmt: skip
    assert code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["advice"]["group_by"] == "role" and summary["advice"]["resolution"] == 1.5
    assert summary["advice"]["ei_p_value"] is None  # no permutations asked for
    assert list(pd.read_csv(out / "group_matrix_advice.csv")["from"]) == ["CEO", "Manager", "Vice-president"]


def test_cli_analyze_reports_a_missing_attribute(tmp_path, capsys):
    assert main(["analyze", "krackhardt", "-o", str(tmp_path), "--group-by", "floor"]) == 2
    assert "no attribute 'floor'" in capsys.readouterr().err


def test_same_seed_same_result():
    net = samples.load("municipality")
    first = analyze(net, relations=["trust"], seed=7, **FAST)
    second = analyze(net, relations=["trust"], seed=7, **FAST)
    pd.testing.assert_frame_equal(first.people, second.people)
    pd.testing.assert_frame_equal(first.groups, second.groups)
    assert json.dumps(first.summary["trust"], default=str) == json.dumps(second.summary["trust"], default=str)


def test_progress_is_reported_in_order():
    calls = []
    analyze(samples.load("krackhardt"), relations=["advice"], progress=lambda s, f: calls.append((s, f)), **FAST)
    fractions = [f for _, f in calls]
    assert fractions == sorted(fractions) and calls[-1] == ("done", 1.0)
    assert any("advice" in step for step, _ in calls)


def test_municipality_planted_structure(municipality_analysis):
    planted = json.loads((samples.sample_path("municipality") / "planted.json").read_text(encoding="utf-8"))
    for relation, table in municipality_analysis.groups.groupby("relation"):
        assert table.set_index("group")["ei_index"].idxmin() == planted["silo"], relation
    for relation in ("advice", "trust", "collaboration"):
        summary = municipality_analysis.summary[relation]
        assert summary["response_rate"] == pytest.approx(0.848)
        assert summary["nmi_departments"] > 0.8
    people = municipality_analysis.people
    silent = ~people["responded"]
    assert people.loc[silent, "advice_out_degree"].isna().all()
    assert people.loc[silent, "advice_brokerage_total"].isna().all()
    assert people["advice_in_degree"].idxmax() == planted["overloaded"]["people"][0]
    for isolate in planted["isolates"]["people"]:
        assert people.loc[isolate, "advice_in_degree"] == 0 and people.loc[isolate, "advice_out_degree"] == 0


def test_sampled_betweenness_is_flagged(monkeypatch):
    monkeypatch.setattr(metrics_module, "EXACT_BETWEENNESS_UP_TO", 100)
    monkeypatch.setattr(metrics_module, "SAMPLED_BETWEENNESS_SOURCES", 50)
    result = analyze(samples.load("municipality"), relations=["advice"], **FAST)
    summary = result.summary["advice"]
    assert summary["betweenness_method"] == "sampled"
    assert summary["betweenness_sources"] == 50
    assert "estimated" in summary["betweenness_note"]


def test_relation_without_ties_and_odd_names(tmp_path):
    roster = pd.DataFrame({"department": ["A", "A", "B"]}, index=pd.Index(["a", "b", "c"], name="id"))
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "relation": "advies/vraag", "weight": 1.0})
    net = OrgNetwork(roster, ties, relations=("advies/vraag", "trust"))
    result = analyze(net, **FAST)
    assert result.summary["trust"]["ties"] == 0 and np.isnan(result.summary["trust"]["reciprocity"])
    names = [p.name for p in result.write(tmp_path)]
    assert "group_matrix_advies_vraag.csv" in names and "group_matrix_trust.csv" in names
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["trust"]["reciprocity"] is None


def test_errors():
    net = samples.load("krackhardt")
    with pytest.raises(MissingAttributeError):
        analyze(net, grouping="floor")
    with pytest.raises(UnknownRelationError):
        analyze(net, relations=["gossip"])


def test_qap_permutations_shrink_for_large_networks(monkeypatch):
    from ona.measures import analysis as analysis_module

    monkeypatch.setattr(analysis_module, "QAP_ALL_PERMUTATIONS_UP_TO", 10)
    result = analyze(samples.load("krackhardt"), relations=["advice", "friendship"], n_permutations=500,
                     stability_runs=1)  # fmt: skip
    layer = result.summary["advice"]["layers"]["friendship"]
    assert layer["qap_permutations"] == analysis_module.QAP_LARGE_PERMUTATIONS
    assert layer["qap_p_value"] >= 1 / (analysis_module.QAP_LARGE_PERMUTATIONS + 1)
    monkeypatch.setattr(analysis_module, "QAP_PERMUTATIONS_UP_TO", 10)
    result = analyze(samples.load("krackhardt"), relations=["advice", "friendship"], stability_runs=1)
    layer = result.layers.iloc[0]
    assert layer["qap_permutations"] == 0 and np.isnan(layer["qap_p_value"])
    assert layer["qap_correlation"] == pytest.approx(0.15459, abs=1e-4)


@pytest.mark.parametrize("method", ["leiden", "louvain"])
def test_cli_method_chooses_the_community_detection(tmp_path, capsys, method):
    out = tmp_path / method
    args = ["analyze", "lazega", "-o", str(out), "--permutations", "0"]
    assert main(args + (["--method", method] if method == "louvain" else [])) == 0
    assert method.capitalize() in capsys.readouterr().out
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    for relation in ("advice", "friendship", "cowork"):
        figures = summary[relation]
        assert figures["community_method"] == method
        assert figures["community_consensus_converged"] is True
        assert figures["communities_split"] == 0
        assert 0 <= figures["communities_stable"] <= figures["communities"]
        assert {"stability", "stable"} <= set(figures["community_table"][0])
        if method == "leiden":
            assert figures["communities_disconnected_in_runs"] == 0


def test_analyze_rejects_an_unknown_community_method():
    from ona import OnaError

    with pytest.raises(OnaError, match="choose 'leiden' or 'louvain'"):
        analyze(samples.load("krackhardt"), method="walktrap", n_permutations=0)


def test_a_second_process_gives_the_same_analysis():
    # Betweenness, the E-I test and the key players run in a forked process with workers=2 (the CLI's
    # setting); the result must not depend on it.
    net = samples.load("municipality")
    one = analyze(net, n_permutations=99, stability_runs=2, workers=1)
    two = analyze(net, n_permutations=99, stability_runs=2, workers=2)
    pd.testing.assert_frame_equal(one.people, two.people)
    pd.testing.assert_frame_equal(one.groups, two.groups)
    assert json.dumps(one.summary, sort_keys=True, default=str) == json.dumps(two.summary, sort_keys=True, default=str)
    assert {"betweenness", "E-I test", "key players"} <= set(two.timings)
