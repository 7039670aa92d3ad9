"""The command line on survey exports: `ona validate` prints the ingest report, `ona edges` writes roster-id ties."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ona.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "surveys"
ROSTER = str(FIXTURES / "roster.csv")


def test_validate_prints_platform_questions_response_and_every_problem(capsys):
    assert main(["validate", str(FIXTURES / "msforms_nl.xlsx"), "--roster", ROSTER]) == 0
    out = capsys.readouterr().out
    assert "Read: roster.csv, msforms_nl.xlsx (Microsoft Forms)" in out
    assert "Survey platform: Microsoft Forms" in out
    assert "  G-I: 'Bij wie ga je voor advies over je werk?' -> advice (names typed in text boxes)" in out
    assert "  L: \"Met welke collega's werk je wekelijks samen?\" -> collaboration (people chosen from a list)" in out
    assert "People on the roster: 12; respondents: 4 (33%)" in out
    assert "  Bedrijfsvoering: 2/3 (67%)" in out
    assert "Ties per relation:\n  advice: 7\n  trust: 2\n  collaboration: 4" in out
    assert ("msforms_nl.xlsx, row 5: P10 (Karin Jansen) submitted more than once; this submission of "
            "2025-03-05 08:03 is replaced by the later one in row 4 (2025-03-06 14:09)") in out
    assert "msforms_nl.xlsx, row 6: the respondent 'stagiair.gemeente@gmail.com', 'Stagiair' is not on the roster" in out
    assert "'Henk Smit' (advice, named by P10 (Karin Jansen)) is not on the roster" in out
    assert "'Iris de Vries' (trust, named by P01 (Anna de Boer)) could be P02 Iris de Vries" in out
    assert "Names to decide on: 2 under review, 1 not on the roster." in out


def test_edges_writes_the_accepted_ties_with_roster_ids(tmp_path, capsys):
    out_file = tmp_path / "edges.csv"
    assert main(["edges", str(FIXTURES / "qualtrics.csv"), "--roster", ROSTER, "-o", str(out_file)]) == 0
    written = pd.read_csv(out_file)
    assert list(written.columns) == ["source", "target", "relation", "weight"]
    assert len(written) == 11
    assert {"source": "P01", "target": "P12", "relation": "collaboration", "weight": 3.0} in written.to_dict("records")
    assert "Wrote 11 ties" in capsys.readouterr().out


def test_relation_options_map_questions(tmp_path):
    out_file = tmp_path / "edges.csv"
    argv = ["edges", str(FIXTURES / "qualtrics.csv"), "--roster", ROSTER, "-o", str(out_file),
            "--relation", "most closely=coworking", "--relation", "following departments=-"]
    assert main(argv) == 0
    written = pd.read_csv(out_file)
    assert set(written["relation"]) == {"advice", "trust", "coworking"}


def test_an_unclear_question_is_one_line_of_advice_and_exit_status_2(tmp_path, capsys):
    survey = tmp_path / "enquete.csv"
    survey.write_text("Tijdstempel,E-mailadres,Noem maximaal drie collega's\n4-3-2025 9:00:00,"
                      "anna.deboer@gemeente.nl,Jan Bakker\n", encoding="utf-8")
    assert main(["validate", str(survey), "--roster", ROSTER]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ona: error: enquete.csv: cannot tell which relation the question")
    assert "--relation \"Noem maximaal drie collega's=advice\"" in err
    assert main(["validate", str(survey), "--roster", ROSTER, "--relation", "maximaal drie=advice"]) == 0


def test_resolutions_file_decides_names_under_review(tmp_path, capsys):
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("name,id\nIris de Vries,P02\n", encoding="utf-8")
    out_file = tmp_path / "edges.csv"
    argv = ["edges", str(FIXTURES / "limesurvey_full.csv"), "--roster", ROSTER, "-o", str(out_file),
            "--resolutions", str(decisions)]
    assert main(argv) == 0
    written = pd.read_csv(out_file)
    assert {"source": "P04", "target": "P02", "relation": "advice", "weight": 1.0} in written.to_dict("records")
