"""Done when: the municipality's 2025 survey, exported by five platforms and re-saved by Dutch Excel, loads
with one call each, gives the same ties, and those are the ties of ties_2025.csv except the deliberately
unclear names, which the report lists.

The exports are written by sample_networks/municipality/make_exports.py from roster.csv, ties_2025.csv and
respondents_2025.csv (the truth). Which names were written unclearly on purpose is recorded independently of
ona in exports/resolutions_2025.csv.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

import ona
from ona.io.survey import read_resolutions, read_survey, review_table

MUNICIPALITY = Path(__file__).resolve().parent.parent / "sample_networks" / "municipality"
EXPORTS = MUNICIPALITY / "exports"
FILES = ["msforms_2025.xlsx", "msforms_2025_excel.csv", "qualtrics_2025.csv", "googleforms_2025.csv",
         "limesurvey_2025.csv", "surveymonkey_2025.csv",
         # added for issue W2 2/6: other platforms' defaults of the same answers
         "msforms_likert_2025.xlsx", "msforms_likert_en_2025.xlsx", "limesurvey_codes_2025.csv",
         "qualtrics_numeric_2025.csv"]
PLATFORMS = ["Microsoft Forms", "Microsoft Forms", "Qualtrics", "Google Forms", "LimeSurvey", "SurveyMonkey",
             "Microsoft Forms", "Microsoft Forms", "LimeSurvey", "Qualtrics"]
STRUCTURES = {"limesurvey_codes_2025.csv": "limesurvey_2025.lss", "qualtrics_numeric_2025.csv": "qualtrics_2025.qsf"}


def tie_set(frame: pd.DataFrame) -> set[tuple[str, str, str, float]]:
    return set(frame[["source", "target", "relation", "weight"]].astype({"weight": float})
               .itertuples(index=False, name=None))


@pytest.fixture(scope="module")
def roster():
    return ona.read_roster(MUNICIPALITY / "roster.csv")


@pytest.fixture(scope="module")
def truth() -> set[tuple[str, str, str, float]]:
    return tie_set(pd.read_csv(MUNICIPALITY / "ties_2025.csv", dtype={"source": str, "target": str}))


@pytest.fixture(scope="module")
def nets(roster):
    return {name: ona.load_network(EXPORTS / name, roster,
                                   structure=EXPORTS / STRUCTURES[name] if name in STRUCTURES else None)
            for name in FILES}


@pytest.fixture(scope="module")
def decisions() -> pd.DataFrame:
    return pd.read_csv(EXPORTS / "resolutions_2025.csv", dtype=str, keep_default_na=False)


def test_each_export_loads_with_one_call_and_is_recognised(nets):
    assert [net.report.input_format for net in nets.values()] == PLATFORMS


def test_all_exports_give_the_same_ties_group_answers_and_respondents(nets):
    first = nets[FILES[0]]
    for name, net in nets.items():
        assert tie_set(net.ties) == tie_set(first.ties), name
        columns = ["respondent", "group", "relation", "weight"]
        assert set(net.group_ties[columns].itertuples(index=False, name=None)) == set(
            first.group_ties[columns].itertuples(index=False, name=None)), name
        assert net.respondents == first.respondents, name


def test_respondents_are_the_municipalitys_respondents(nets):
    expected = set(pd.read_csv(MUNICIPALITY / "respondents_2025.csv", dtype=str)["id"])
    for net in nets.values():
        assert net.respondents == expected


def test_no_tie_is_invented_and_every_missing_tie_is_a_deliberately_unclear_name(nets, truth, decisions):
    unclear = {(r.mentioned_by, r.id) for r in decisions.itertuples() if r.id != "-"}
    for name, net in nets.items():
        ties = tie_set(net.ties)
        assert ties <= truth, name
        missing = truth - ties
        assert {(s, t) for s, t, _, _ in missing} <= unclear, name
        # ... and each of them is in the report, as a name to review or a name not on the roster
        listed = {(e["mentioned_by"], e["name"], e["relation"])
                  for e in net.report.details["review"] + net.report.details["unmatched"]}
        written = {(r.mentioned_by, r.id): r.name for r in decisions.itertuples()}
        for source, target, relation, _ in missing:
            assert (source, written[(source, target)], relation) in listed, (name, source, target)
    assert len(truth - tie_set(nets[FILES[0]].ties)) == 22  # 13 x "Iris de Vries", 5 x "Jan", 4 x "mijn leidinggevende"


def test_every_deliberate_problem_is_reported(nets):
    for name, net in nets.items():
        counts = net.report.counts()
        assert counts["self_tie"] == 3, name
        assert counts["duplicate_submission"] == 2, name
        assert counts["unknown_respondent"] == 1, name
        assert counts.get("preview_response", 0) == (1 if name.startswith("qualtrics") else 0), name
        outsiders = {e["name"] for e in net.report.details["review"] + net.report.details["unmatched"]}
        assert {"Henk Bos (wethouder)", "Marieke de Groot - GGD", "Ahmed (provincie)", "dhr. Kuiper (extern)",
                "Sophie van Aalst (Veiligheidsregio)", "Linda - ingehuurd adviseur"} <= outsiders, name


def test_the_latest_submission_counts_although_the_earlier_one_comes_later_in_the_file(nets):
    for name, net in nets.items():
        replaced = net.report.of_kind("duplicate_submission")
        for issue in replaced:
            later_row = int(issue.message.split("later one in row ")[1].split()[0])
            assert issue.row > later_row, name  # the replaced (4 March) row is further down
            assert "2025-03-04" in issue.message and "2025-04-03" in issue.message, name


def test_with_the_decisions_the_ties_are_exactly_ties_2025(roster, truth):
    resolutions = read_resolutions(EXPORTS / "resolutions_2025.csv")
    for name in ("msforms_2025_excel.csv", "surveymonkey_2025.csv"):
        net = read_survey(EXPORTS / name, roster, resolutions=resolutions)
        assert tie_set(net.ties) == truth, name
        assert net.report.counts()["resolved"] == 22
        assert not net.report.details["review"]


def test_review_table_lists_each_unclear_name_once_per_respondent(nets, decisions):
    table = review_table(nets["googleforms_2025.csv"])
    assert set(zip(table["name"], table["mentioned_by"])) == set(zip(decisions["name"], decisions["mentioned_by"]))
    iris = table.loc[table["name"] == "Iris de Vries", "candidates"].iloc[0]
    assert "E0006 Iris de Vries (Sociaal Domein / Jeugd) [100]" in iris and "E0159" in iris


def test_code_and_number_exports_need_their_structure_file(roster, nets):
    with pytest.raises(ona.SurveyFormatError, match="this LimeSurvey export holds only codes"):
        ona.load_network(EXPORTS / "limesurvey_codes_2025.csv", roster)
    numbers = ona.load_network(EXPORTS / "qualtrics_numeric_2025.csv", roster)
    assert {i.key for i in numbers.report.of_kind("scale")} == {"ingest.scale.numbers"}
    (scale,) = [i for i in nets["qualtrics_numeric_2025.csv"].report.of_kind("scale")
                if "afdelingen" in i.message]
    assert "Nooit → 0" in scale.message and "Weet ik niet → –" in scale.message


def test_the_frequency_per_department_is_perceived_collaboration_not_an_expectation(nets):
    for name in ("msforms_likert_2025.xlsx", "limesurvey_codes_2025.csv", "googleforms_2025.csv"):
        net = nets[name]
        assert set(net.group_ties["purpose"]) == {"perceived"}, name
        assert ona.expected_from_group_ties(net).empty, name
    first = ona.perceived_collaboration(nets[FILES[0]])
    for name in FILES[1:]:
        pd.testing.assert_frame_equal(ona.perceived_collaboration(nets[name]), first, check_like=True)


def test_collaboration_weights_come_from_the_frequency_per_person(nets, truth):
    collab = nets["limesurvey_2025.csv"].ties.query("relation == 'collaboration'")
    assert set(collab["weight"]) == {1.0, 2.0, 3.0, 4.0}
    assert tie_set(collab) <= truth


def test_make_exports_is_deterministic(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("make_exports", MUNICIPALITY / "make_exports.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_exports", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for path in sorted(EXPORTS.iterdir()):
        if path.suffix == ".xlsx":  # openpyxl writes its XML a little differently with and without lxml
            assert _workbook_content(tmp_path / path.name) == _workbook_content(path), path.name
        else:
            assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def _workbook_content(path):
    """Every sheet's cells (value and number format) and the document properties of a workbook."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheets = {sheet.title: [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
              for sheet in book.worksheets}
    props = book.properties
    return sheets, (props.creator, props.created, props.modified)
