"""Every platform's default export of one survey loads with nothing to map and gives exactly the true ties.

The organisation and its exports are written by tests/fixtures/gemeente40/make_gemeente40.py, which
also writes the TRUE ties and group answers the exports were made from (truth_*.csv): the expected
values below come from there, not from ona. The exports copy each platform's defaults (see the
generator's docstring): Microsoft Forms' statement-only Likert columns and "other" text inside the
names cell (Dutch and English UI), Google Forms' ", "-joined cell with "other" text, LimeSurvey's
code-only export with its .lss (codes not in roster order, answer codes not in scale order),
Qualtrics' numeric export with its .qsf (choice ids and recodes shuffled), and SurveyMonkey.
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
from ona.io.survey import perceived_collaboration, read_structure

HERE = Path(__file__).parent / "fixtures" / "gemeente40"
EXPORTS = HERE / "exports"
DEFAULTS = {  # export -> structure file needed (None: none)
    "msforms_nl.xlsx": None,
    "msforms_en.xlsx": None,
    "googleforms.csv": None,
    "limesurvey_full.csv": None,
    "limesurvey_codes.csv": "enquete.lss",
    "qualtrics_numeric.csv": "enquete.qsf",
    "qualtrics_text.csv": None,
    "surveymonkey.csv": None,
}


@pytest.fixture(scope="module")
def roster():
    return ona.read_roster(HERE / "roster.csv")


@pytest.fixture(scope="module")
def truth():
    ties = pd.read_csv(HERE / "truth_ties.csv", dtype={"source": str, "target": str})
    groups = pd.read_csv(HERE / "truth_groups.csv", dtype={"respondent": str})
    respondents = set(pd.read_csv(HERE / "truth_respondents.csv", dtype=str)["id"])
    return {
        "ties": set(ties.assign(weight=ties["weight"].astype(float)).itertuples(index=False, name=None)),
        "groups": set(groups.itertuples(index=False, name=None)),
        "respondents": respondents,
        "frame": groups,
    }


@pytest.fixture(scope="module")
def nets(roster):
    out = {}
    for name, structure in DEFAULTS.items():
        out[name] = ona.load_network(EXPORTS / name, roster, structure=EXPORTS / structure if structure else None)
    return out


def _ties(net) -> set:
    return set(net.ties[["source", "target", "relation", "weight"]].itertuples(index=False, name=None))


def _groups(net) -> set:
    return set(net.group_ties[["respondent", "group", "purpose", "weight"]].itertuples(index=False, name=None))


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_the_default_export_gives_exactly_the_true_ties(nets, truth, name):
    net = nets[name]
    assert _ties(net) == truth["ties"]
    assert net.relations == ("advice", "trust")
    assert set(net.respondents) == truth["respondents"]


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_group_answers_are_perceived_collaboration_and_expectations(nets, truth, name):
    net = nets[name]
    assert _groups(net) == truth["groups"]
    questions = {q["purpose"] for q in net.report.details["questions"] if q["kind"] in ("groups", "group_scale")}
    assert questions == {"perceived", "expected"}


@pytest.mark.parametrize("name", ["msforms_nl.xlsx", "msforms_en.xlsx"])
def test_microsoft_forms_likert_statements_are_one_group_question_whatever_the_ui(nets, name):
    (likert,) = [q for q in nets[name].report.details["questions"] if q["kind"] == "group_scale"]
    assert likert["columns"] == ["Directie", "Sociaal Domein", "Ruimte", "Publiekszaken", "Bedrijfsvoering"]
    assert likert["relation"] == "collaboration" and likert["purpose"] == "perceived"
    assert likert["text"] == "Directie / Sociaal Domein / … / Bedrijfsvoering"  # the question text is lost


@pytest.mark.parametrize("name", ["msforms_nl.xlsx", "googleforms.csv"])
def test_other_text_in_the_names_cell_is_split_off_and_reviewed(nets, name):
    net = nets[name]
    others = {i.value for i in net.report.of_kind("other_answer")}
    assert "Karin Smit (provincie)" in others and len(others) == 5  # the five outsiders typed under "other"
    unmatched = {u["name"] for u in net.report.details["unmatched"]}
    assert "Karin Smit (provincie)" in unmatched


def test_never_is_no_contact_and_the_report_states_the_scale(nets):
    net = nets["limesurvey_codes.csv"]
    (scale,) = [i for i in net.report.of_kind("scale")]
    assert "AO05 = Nooit → 0" in scale.message and "AO04 = Dagelijks → 4" in scale.message
    assert "0 is nooit: geen band" in scale.text("nl")
    levels = {e["answer"]: e["weight"] for e in net.report.details["scales"][0]["levels"]}
    assert levels == {"Nooit": 0, "Minder dan maandelijks": 1, "Maandelijks": 2, "Wekelijks": 3, "Dagelijks": 4}


def test_the_limesurvey_code_export_is_refused_without_its_lss(roster):
    with pytest.raises(SurveyFormatError) as info:
        ona.load_network(EXPORTS / "limesurvey_codes.csv", roster)
    assert str(info.value).startswith("limesurvey_codes.csv: this LimeSurvey export holds only codes (such as 'Y'")
    assert "Export the responses again with full question texts and full answers, or add the survey's structure "\
           "file (.lss)" in str(info.value)
    assert "voeg het structuurbestand van de enquête (.lss) toe" in info.value.message("nl")


def test_qualtrics_numbers_without_the_qsf_are_read_as_numbers_and_said_so(roster, truth):
    net = ona.load_network(EXPORTS / "qualtrics_numeric.csv", roster)
    assert _ties(net) == truth["ties"]  # the names' columns carry their text in the second header row
    (line,) = net.report.of_kind("scale")
    assert line.key == "ingest.scale.numbers" and "add the survey's structure file" in line.message
    perceived = net.group_ties.loc[net.group_ties["purpose"] == "perceived", "weight"]
    assert perceived.min() == 1.0  # "Nooit" is recode 1: without the .qsf ona cannot know


def test_expected_pairs_come_only_from_the_question_about_working_together_more(nets, truth, roster):
    net = nets["googleforms.csv"]
    pairs = expected_from_group_ties(net, min_share=0.25, min_respondents=2)
    # the same aggregation by hand from the true answers (respondents' departments from the roster)
    frame = truth["frame"]
    dept = roster.frame["department"]
    expected = frame.loc[frame["purpose"] == "expected"].assign(own=lambda f: f["respondent"].map(dept))
    answered = frame.loc[frame["purpose"] == "expected"].assign(own=lambda f: f["respondent"].map(dept))
    n = answered.groupby("own")["respondent"].nunique()
    counts = expected.groupby(["own", "group"])["respondent"].nunique()
    hand = set()
    for (a, b), k in counts.items():
        k_ba = counts.get((b, a), 0)
        share = max(k / n.get(a, 1), k_ba / n.get(b, 1) if n.get(b) else 0)
        if a != b and share >= 0.25 and max(k, k_ba) >= 2:
            hand.add(frozenset((a, b)))
    assert {frozenset(p) for p in pairs[["group_a", "group_b"]].itertuples(index=False, name=None)} == hand
    assert set(pairs["collaboration"]) == {"Met welke afdelingen zou je meer moeten samenwerken?"}
    # without that question there is no expectation at all: a frequency question declares nothing
    only_frequency = ona.load_network(EXPORTS / "googleforms.csv", roster, relations={"meer moeten": "-"})
    assert expected_from_group_ties(only_frequency).empty


def test_perceived_collaboration_is_the_mean_answer_per_pair_of_groups(nets, truth, roster):
    matrix = perceived_collaboration(nets["msforms_en.xlsx"])
    frame = truth["frame"]
    perceived = frame.loc[frame["purpose"] == "perceived"].assign(
        own=lambda f: f["respondent"].map(roster.frame["department"]))
    hand = perceived.groupby(["own", "group"])["weight"].mean()
    for (a, b), value in hand.items():
        assert matrix.loc[a, b] == pytest.approx(value)
    assert matrix.attrs["respondents"].loc["Ruimte", "Directie"] == perceived.query(
        "own == 'Ruimte' and group == 'Directie'")["respondent"].nunique()
    assert [e["answer"] for e in matrix.attrs["scale"]] == ["Never", "Less than monthly", "Monthly", "Weekly",
                                                           "Daily"]


@pytest.mark.parametrize("name", list(DEFAULTS))
def test_the_cli_reads_every_default_export_without_mapping(tmp_path, truth, name):
    out = tmp_path / "edges.csv"
    argv = ["edges", str(EXPORTS / name), "--roster", str(HERE / "roster.csv"), "-o", str(out)]
    if DEFAULTS[name]:
        argv += ["--structure", str(EXPORTS / DEFAULTS[name])]
    assert main(argv) == 0
    written = pd.read_csv(out, dtype={"source": str, "target": str})
    assert set(written.itertuples(index=False, name=None)) == truth["ties"]


def test_the_cli_refuses_the_code_export_in_one_dutch_sentence(capsys):
    argv = ["validate", str(EXPORTS / "limesurvey_codes.csv"), "--roster", str(HERE / "roster.csv"), "--lang", "nl"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "deze LimeSurvey-export bevat alleen codes" in err and "Traceback" not in err


def test_structure_files_are_read_by_code_not_by_position():
    lss = read_structure(EXPORTS / "enquete.lss")
    assert (lss.platform, lss.language, lss.version) == ("LimeSurvey", "nl", "624")
    roster = pd.read_csv(HERE / "roster.csv")
    advice = lss.question("advies")
    assert advice.kind == "multiple_choice" and advice.other
    assert [s.label() for s in advice.subquestions] == roster["naam"].tolist()  # shown in roster order ...
    assert [s.code for s in advice.subquestions] != sorted(s.code for s in advice.subquestions)  # ... codes not
    scale = lss.question("samenwerken")
    assert [a.label() for a in scale.answers] == ["Nooit", "Minder dan maandelijks", "Maandelijks", "Wekelijks",
                                                  "Dagelijks"]
    assert scale.answer("AO05").label() == "Nooit"
    qsf = read_structure(EXPORTS / "enquete.qsf")
    assert (qsf.platform, [q.code for q in qsf.questions]) == ("Qualtrics", ["Q1", "Q2", "Q3", "Q4"])
    matrix = qsf.question("Q3")
    assert matrix.kind == "array" and matrix.answer("1").label() == "Nooit"
    assert qsf.question("QID1").subquestions[-1].other


def test_the_generator_reproduces_the_fixtures(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("make_gemeente40", HERE / "make_gemeente40.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_gemeente40", module)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for path in sorted([*HERE.glob("*.csv"), *EXPORTS.iterdir()]):
        made = tmp_path / path.relative_to(HERE)
        if path.suffix == ".xlsx":  # openpyxl writes its XML a little differently with and without lxml
            assert _cells(made) == _cells(path), path.name
        else:
            assert made.read_bytes() == path.read_bytes(), path.name


def _cells(path: Path) -> list:
    from openpyxl import load_workbook

    return [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
