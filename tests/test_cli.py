"""The ona command line: exit status 2 and one sentence for user errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from ona.cli import main


def test_samples_lists_every_sample(capsys):
    assert main(["samples"]) == 0
    out = capsys.readouterr().out
    for name in ("krackhardt", "lazega", "municipality"):
        assert name in out


def test_validate_prints_what_was_read_and_every_problem(tmp_path, capsys):
    (tmp_path / "roster.csv").write_text("id,naam,afdeling\n1,A,X\n1,B,Y\n2,C,\n3,D,X\n")
    (tmp_path / "ties.csv").write_text("van,naar\n1,2\n1,1\n2,9\n1,2\n3,1\n")
    assert main(["validate", str(tmp_path / "ties.csv"), "--roster", str(tmp_path / "roster.csv")]) == 0
    out = capsys.readouterr().out
    assert "People on the roster: 3; respondents: 3" in out
    assert "ties: 2" in out
    assert "roster.csv, row 3, column 'id': id '1' already appears in row 2" in out
    assert "ties.csv, row 4, column 'naar': '9' is not on the roster" in out
    assert "self-ties (dropped): 1" in out
    assert "duplicate ties (merged, highest weight kept): 1" in out


def test_validate_a_sample_by_name(capsys):
    assert main(["validate", "krackhardt"]) == 0
    assert "advice: 190" in capsys.readouterr().out


def test_edges_writes_clean_ties_with_roster_ids(tmp_path, capsys):
    (tmp_path / "roster.csv").write_text("id,email,afdeling\nE1,a@x.nl,X\nE2,b@x.nl,Y\n")
    (tmp_path / "advice.csv").write_text("bron;doel\nA@X.NL;b@x.nl\nb@x.nl;b@x.nl\n")
    out_file = tmp_path / "edges.csv"
    assert main(["edges", str(tmp_path / "advice.csv"), "--roster", str(tmp_path / "roster.csv"), "-o", str(out_file)]) == 0
    written = pd.read_csv(out_file)
    assert written.to_dict("records") == [{"source": "E1", "target": "E2", "relation": "advice", "weight": 1.0}]
    assert "1 items were left out" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["validate", "nope.csv", "--roster", "r.csv"], "nope.csv: file not found"),
        (["validate", "acme"], "'acme' is not a sample name"),
        (["validate", "krackhardt", "--wave", "2030"], "has only the wave '1987'"),
    ],
)
def test_user_errors_exit_2_with_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_text("id,name\n1,A\n")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("ona: error: ") and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_python_dash_m_and_console_script_agree(tmp_path):
    (tmp_path / "r.csv").write_text("naam\nJan\n")
    result = subprocess.run(
        [sys.executable, "-m", "ona", "validate", "x.csv", "--roster", "r.csv"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "r.csv: no id or e-mail column found" in result.stderr
    assert "Traceback" not in result.stderr


def test_analyze_a_sample_writes_findings_in_the_chosen_language(tmp_path, capsys):
    import json

    out = tmp_path / "out"
    assert main(["analyze", "municipality", "-o", str(out), "--lang", "en", "--permutations", "200"]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"people.csv", "groups.csv", "summary.json", "findings.json", "findings.md"} <= names
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    kinds = {f["kind"] for f in findings if f["level"] == "high"}
    # The sample's declared collaborations are used, so the planted gap is a declared one; the Sociaal loket,
    # 8 ties all through Jan de Vries where about 54 are expected, is a gap he carries (issue W2 3/6).
    assert {"silo", "gap", "overloaded", "one_sided_trust"} <= kinds
    assert sum(f["kind"] == "gap" and f["level"] == "high" for f in findings) == 2
    markdown = (out / "findings.md").read_text(encoding="utf-8")
    assert "Jan de Vries" in markdown and "Openbare Ruimte" in markdown
    printed = capsys.readouterr().out
    assert "Findings: " in printed and "[high]" in printed and "Analysed" in printed


def test_the_console_summary_follows_the_language(tmp_path, capsys):
    assert main(["analyze", "krackhardt", "-o", str(tmp_path / "nl"), "--lang", "nl", "--permutations", "50"]) == 0
    printed = capsys.readouterr().out
    assert "geanalyseerd: 21 mensen" in printed and "Bevindingen: " in printed
    assert "bestanden geschreven naar" in printed and "dichtheid 0," in printed  # a decimal comma
    for english in ("Analysed", "Findings", "Wrote", " ties,", "density", "[high]", "[medium]"):
        assert english not in printed, english
    assert main(["compare", "municipality", "-o", str(tmp_path / "cmp"), "--lang", "nl"]) == 0
    printed = capsys.readouterr().out
    assert "Meting 2025 vergeleken met meting 2026" in printed and "behouden" in printed
    assert "Compared" not in printed and "kept" not in printed


def test_review_writes_the_names_that_need_a_decision(tmp_path, capsys):
    from ona.io.samples import sample_path

    folder = sample_path("municipality")
    export = sorted((folder / "exports").glob("*forms*.xlsx"))[0]
    out = tmp_path / "review.csv"
    assert main(["review", str(export), "--roster", str(folder / "roster.csv"), "-o", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert {"name", "mentioned_by", "id"} <= set(table.columns)
    assert len(table) > 0 and table["id"].isna().all()
    assert "Fill in the id column" in capsys.readouterr().out


def test_compare_two_waves_of_a_sample(tmp_path, capsys):
    out = tmp_path / "cmp"
    assert main(["compare", "municipality", "-o", str(out), "--lang", "en"]) == 0
    relations = pd.read_csv(out / "change_relations.csv")
    assert relations["relation"].tolist() == ["advice", "trust", "collaboration"]
    assert (out / "change_findings.md").read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert "Compared wave 2025 with wave 2026: 179 people responded to both." in printed
    assert "Omgevingsvergunningen" in printed


def test_compare_needs_two_inputs_or_a_sample(capsys):
    assert main(["compare", "only_one.csv", "-o", "x"]) == 2
    assert "Give two inputs and a roster" in capsys.readouterr().err


def test_every_csv_the_cli_writes_neutralises_formulas(tmp_path):
    """Names and departments come from HR files; a spreadsheet must never run them."""
    import csv

    evil_name, evil_dept = "=1+2", '=HYPERLINK("http://x","y")'
    (tmp_path / "roster.csv").write_text(
        f'id,name,department\nE1,"{evil_name}","{evil_dept.replace(chr(34), chr(34) * 2)}"\nE2,Bo,IT\nE3,Cy,IT\n'
    )
    (tmp_path / "ties.csv").write_text("source,target\nE1,E2\nE2,E1\nE2,E3\nE3,E1\n")
    roster, ties = str(tmp_path / "roster.csv"), str(tmp_path / "ties.csv")
    assert main(["analyze", ties, "--roster", roster, "-o", str(tmp_path / "out"), "--permutations", "0"]) == 0
    assert main(["edges", ties, "--roster", roster, "-o", str(tmp_path / "edges.csv")]) == 0
    cells = []
    for path in [*(tmp_path / "out").glob("*.csv"), tmp_path / "edges.csv"]:
        with path.open(encoding="utf-8") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    assert "'" + evil_name in cells and "'" + evil_dept in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:2].isdigit())]


def test_negative_seed_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["analyze", "krackhardt", "-o", "x", "--seed", "-1"])
    assert info.value.code == 2
    assert "-1 is negative; use 0 or more" in capsys.readouterr().err


def test_two_bare_relation_names_are_refused(tmp_path, capsys):
    (tmp_path / "r.csv").write_text("id,name\n1,A\n2,B\n")
    (tmp_path / "t.csv").write_text("source,target\n1,2\n")
    argv = ["validate", str(tmp_path / "t.csv"), "--roster", str(tmp_path / "r.csv"), "--relation", "advice",
            "--relation", "trust"]
    assert main(argv) == 2
    assert "names the relation of a plain edge list or matrix once; got 'advice' and 'trust'" in capsys.readouterr().err


def test_sample_collaborations_apply_only_when_grouping_by_department(tmp_path):
    assert main(["analyze", "municipality", "--group-by", "team", "-o", str(tmp_path), "--permutations", "0"]) == 0


def test_a_closed_pipe_is_not_a_traceback(tmp_path):
    result = subprocess.run(
        f"{sys.executable} -m ona validate municipality | head -1", shell=True, capture_output=True, text=True,
    )
    assert result.stdout.startswith("Read:") and "Traceback" not in result.stderr


def test_compare_two_survey_exports_with_decisions(tmp_path, capsys):
    from ona.io.samples import sample_path

    folder = sample_path("municipality")
    exports = folder / "exports"
    argv = ["compare", str(exports / "googleforms_2025.csv"), str(exports / "qualtrics_2025.csv"),
            "--roster", str(folder / "roster.csv"), "--resolutions", str(exports / "resolutions_2025.csv"),
            "--waves", "forms", "qualtrics", "-o", str(tmp_path), "--lang", "en"]
    assert main(argv) == 0
    relations = pd.read_csv(tmp_path / "change_relations.csv")
    # The same survey exported twice: with the same decisions nothing changed.
    assert relations["new"].sum() == 0 and relations["lost"].sum() == 0
    assert "Compared wave forms with wave qualtrics: 212 people responded to both." in capsys.readouterr().out
