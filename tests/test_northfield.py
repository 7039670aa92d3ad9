"""A second, differently shaped organisation: every platform's default export loads with nothing to map.

Northfield Housing (tests/fixtures/northfield/make_northfield.py) differs from Gemeente Lindeveen in
everything ona could have been fitted to: English question wording (Cross & Parker's "turn to for help"
advice question, a three-box confidant question, "depend on" departments), six departments (one with
"&"), ids with leading zeros, the roster's columns in another order, the questions in another order, a
scale whose lowest anchor is "Not at all", two questions that are not about colleagues, a LimeSurvey 3
structure file and Qualtrics' own export tags with the scale recoded 0..4. The expected values come from
the generator's truth files, never from ona.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

import ona
from ona.cli import main
from ona.exceptions import SurveyFormatError
from ona.io.expected import expected_from_group_ties

HERE = Path(__file__).parent / "fixtures" / "northfield"
EXPORTS = HERE / "exports"
DEFAULTS = {  # export -> its structure file (None: none needed)
    "msforms.xlsx": None,
    "googleforms.csv": None,
    "limesurvey_codes.csv": "survey.lss",
    "qualtrics_numeric.csv": "survey.qsf",
    "surveymonkey.csv": None,
}
EXPECTED_QUESTION = "Which departments does your team depend on to get its work done?"


@pytest.fixture(scope="module")
def roster():
    return ona.read_roster(HERE / "roster.csv")


@pytest.fixture(scope="module")
def truth():
    ties = pd.read_csv(HERE / "truth_ties.csv", dtype={"source": str, "target": str})
    groups = pd.read_csv(HERE / "truth_groups.csv", dtype={"respondent": str})
    return {
        "ties": set(ties.assign(weight=ties["weight"].astype(float)).itertuples(index=False, name=None)),
        "groups": set(groups.itertuples(index=False, name=None)),
        "respondents": set(pd.read_csv(HERE / "truth_respondents.csv", dtype=str)["id"]),
    }


@pytest.fixture(scope="module")
def nets(roster):
    return {name: ona.load_network(EXPORTS / name, roster, structure=EXPORTS / structure if structure else None)
            for name, structure in DEFAULTS.items()}


def _ties(net) -> set:
    return set(net.ties[["source", "target", "relation", "weight"]].itertuples(index=False, name=None))


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_every_default_export_gives_exactly_the_true_ties(nets, truth, name):
    net = nets[name]
    assert _ties(net) == truth["ties"]
    assert set(net.relations) == {"advice", "trust"}
    assert set(net.respondents) == truth["respondents"]
    groups = set(net.group_ties[["respondent", "group", "purpose", "weight"]].itertuples(index=False, name=None))
    assert groups == truth["groups"]


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_questions_not_about_colleagues_are_listed_as_not_used(nets, name):
    questions = nets[name].report.details["questions"]
    unused = {q["text"] for q in questions if not q["used"] and q["kind"] != "respondent"}
    assert unused == {"How long have you worked at Northfield?", "Anything else you would like to tell us?"}
    assert not [q for q in questions if q.get("note_key") == "ingest.note.unclear"]


def test_the_scale_starts_at_not_at_all_and_the_report_says_so(nets):
    for name in ("googleforms.csv", "limesurvey_codes.csv", "qualtrics_numeric.csv"):
        (scale,) = nets[name].report.of_kind("scale")
        assert "Not at all → 0" in scale.message and "Every day → 4" in scale.message, name


def test_other_text_with_a_comma_stays_one_answer(nets):
    net = nets["googleforms.csv"]
    others = {i.value for i in net.report.of_kind("other_answer")}
    assert "Dr Okoro, GP practice" in others and "someone at the council" in others


def test_expected_pairs_come_from_the_question_about_depending_on(nets):
    pairs = expected_from_group_ties(nets["msforms.xlsx"], min_share=0.25, min_respondents=2)
    assert len(pairs) and set(pairs["collaboration"]) == {EXPECTED_QUESTION}
    assert set(pairs["group_a"]) | set(pairs["group_b"]) <= set(nets["msforms.xlsx"].roster["department"])


def test_the_code_export_is_refused_without_its_lss(roster):
    with pytest.raises(SurveyFormatError) as info:
        ona.load_network(EXPORTS / "limesurvey_codes.csv", roster)
    assert str(info.value).startswith("limesurvey_codes.csv: this LimeSurvey export holds only codes")
    assert "(.lss)" in str(info.value) and "(.lss)" in info.value.message("nl")


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_the_cli_reads_every_default_export_without_mapping(tmp_path, truth, name):
    out = tmp_path / "edges.csv"
    argv = ["edges", str(EXPORTS / name), "--roster", str(HERE / "roster.csv"), "-o", str(out)]
    if DEFAULTS[name]:
        argv += ["--structure", str(EXPORTS / DEFAULTS[name])]
    assert main(argv) == 0
    written = pd.read_csv(out, dtype={"source": str, "target": str})
    assert set(written.itertuples(index=False, name=None)) == truth["ties"]


def test_the_generator_reproduces_the_fixtures(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("make_northfield", HERE / "make_northfield.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_northfield", module)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for path in sorted([*HERE.glob("*.csv"), *EXPORTS.iterdir()]):
        made = tmp_path / path.relative_to(HERE)
        if path.suffix == ".xlsx":  # openpyxl writes its XML a little differently with and without lxml
            from openpyxl import load_workbook

            cells = [[[c.value for c in row] for row in load_workbook(p).active.iter_rows()] for p in (made, path)]
            assert cells[0] == cells[1], path.name
        else:
            assert made.read_bytes() == path.read_bytes(), path.name


def test_options_written_surname_first_are_split_by_the_roster_not_by_every_comma(tmp_path, roster, truth):
    """A Google Forms list whose options read "Khan, Aisha": the ", " that joins ticked options is inside them too."""
    export = pd.read_csv(EXPORTS / "googleforms.csv", dtype=str, keep_default_na=False)
    names = sorted(pd.read_csv(HERE / "roster.csv")["Full Name"], key=len, reverse=True)
    column = next(c for c in export.columns if c.startswith("Who do you typically turn to"))

    def surname_first(cell: str) -> str:
        for name in names:
            given, surname = name.split(" ", 1)
            cell = cell.replace(name, f"{surname}, {given}")
        return cell

    export[column] = export[column].map(surname_first)
    assert "Khan, Aisha" in " ".join(export[column])
    (tmp_path / "googleforms.csv").write_text(export.to_csv(index=False), encoding="utf-8")
    net = ona.load_network(tmp_path / "googleforms.csv", roster)
    assert _ties(net) == truth["ties"]
    assert not net.report.of_kind("needs_review") and not net.report.of_kind("duplicate_tie")
    assert {i.value for i in net.report.of_kind("other_answer")} == {
        "someone at the council", "my old line manager", "Dr Okoro, GP practice", "Pete (ex-colleague)"}
