"""Each platform's export, as the platform writes it, read into the ties a person finds by reading the file.

The fixtures in tests/fixtures/surveys/ are written by make_fixtures.py (see
there for the byte-level habits copied from each platform). Every expected tie
below was worked out by hand from the rows in make_fixtures.py and the roster
(tests/fixtures/surveys/roster.csv): P01 Anna de Boer, P02/P03 the two Iris de
Vries (Jeugd / HR), P04 Jan Bakker, P05 Jan van den Berg, P06 Pieter van der
Meer, P07 Zoë Özdemir, P08 Sanne 't Hart, P09 Mohamed El Amrani, P10 Karin
Jansen, P11 Thijs ter Horst, P12 Femke Visser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ona import read_roster
from ona.io.survey import detect_platform, read_survey
from ona.io.files import read_tables

FIXTURES = Path(__file__).parent / "fixtures" / "surveys"


@pytest.fixture(scope="module")
def roster():
    return read_roster(FIXTURES / "roster.csv")


def ties(net) -> set[tuple[str, str, str, float]]:
    return set(net.ties[["source", "target", "relation", "weight"]].itertuples(index=False, name=None))


def group_ties(net) -> set[tuple[str, str, str, float]]:
    columns = ["respondent", "group", "relation", "weight"]
    return set(net.group_ties[columns].itertuples(index=False, name=None))


def kinds(net) -> dict[str, list[tuple[int | None, str | None]]]:
    out: dict[str, list] = {}
    for issue in net.report.issues:
        out.setdefault(issue.kind, []).append((issue.row, issue.value))
    return out


MSFORMS_TIES = {
    ("P01", "P04", "advice", 1.0), ("P01", "P06", "advice", 1.0), ("P06", "P10", "advice", 1.0),
    ("P06", "P01", "advice", 1.0), ("P10", "P06", "advice", 1.0), ("P07", "P08", "advice", 1.0),
    ("P07", "P11", "advice", 1.0),
    ("P06", "P03", "trust", 1.0), ("P07", "P12", "trust", 1.0),
    ("P01", "P12", "collaboration", 1.0), ("P01", "P07", "collaboration", 1.0),
    ("P06", "P10", "collaboration", 1.0), ("P07", "P01", "collaboration", 1.0),
}
MSFORMS_GROUPS = {
    ("P01", "Publiekszaken", "collaboration", 3.0), ("P01", "Sociaal Domein", "collaboration", 2.0),
    ("P06", "Publiekszaken", "collaboration", 0.0), ("P06", "Sociaal Domein", "collaboration", 1.0),
    ("P10", "Sociaal Domein", "collaboration", 4.0),
    ("P07", "Publiekszaken", "collaboration", 4.0), ("P07", "Sociaal Domein", "collaboration", 0.0),
}


@pytest.mark.parametrize("name", ["msforms_nl.xlsx", "msforms_nl_excel.csv"])
def test_microsoft_forms_and_its_dutch_excel_csv(roster, name):
    net = read_survey(FIXTURES / name, roster)
    assert net.report.input_format == "Microsoft Forms"
    assert ties(net) == MSFORMS_TIES
    assert group_ties(net) == MSFORMS_GROUPS
    assert net.respondents == {"P01", "P06", "P10", "P07"}
    found = kinds(net)
    # Karin's submission of 5 March (row 5) is replaced by the one of 6 March (row 4) although it comes later
    assert found["duplicate_submission"] == [(5, "P10")]
    assert found["unknown_respondent"] == [(6, "stagiair.gemeente@gmail.com")]
    assert sorted(v for _, v in found["needs_review"]) == ["Iris de Vries", "Jan"]
    assert found["unmatched_name"] == [(4, "Henk Smit")]
    assert found["self_tie"] == [(3, "P06")]
    assert found["not_applicable"] == [(4, "Weet ik niet")]
    assert found["unmapped_question"][0][0] is None  # 'Opmerkingen'


def test_the_excel_csv_is_semicolon_cp1252_with_day_first_dates():
    raw = (FIXTURES / "msforms_nl_excel.csv").read_bytes()
    assert b";" in raw.splitlines()[0] and "Zoë".encode("cp1252") in raw and b"4-3-2025 09:15" in raw
    net = read_survey(FIXTURES / "msforms_nl_excel.csv", FIXTURES / "roster.csv")
    assert "CSV, cp1252, ';'-separated" in net.report.details["notes"]


def test_qualtrics_three_header_rows_preview_choices_and_partner_frequencies(roster):
    net = read_survey(FIXTURES / "qualtrics.csv", roster)
    assert net.report.input_format == "Qualtrics"
    assert ties(net) == {
        ("P01", "P04", "advice", 1.0), ("P01", "P07", "advice", 1.0), ("P10", "P06", "advice", 1.0),
        ("P12", "P01", "advice", 1.0),
        ("P01", "P03", "trust", 1.0), ("P01", "P04", "trust", 1.0), ("P10", "P12", "trust", 1.0),
        ("P12", "P02", "trust", 1.0),
        # Person 1 / Person 2 get the frequency of "${q://QID3/ChoiceTextEntryValue/1}" / ".../2"
        ("P01", "P12", "collaboration", 3.0), ("P01", "P10", "collaboration", 1.0),
        ("P10", "P06", "collaboration", 4.0),
    }
    assert group_ties(net) == {
        ("P01", "Publiekszaken", "collaboration", 4.0), ("P01", "Sociaal Domein", "collaboration", 2.0),
        ("P10", "Publiekszaken", "collaboration", 0.0), ("P10", "Sociaal Domein", "collaboration", 0.0),
        ("P10", "Ruimte & Wonen", "collaboration", 2.0),
    }
    found = kinds(net)
    assert found["preview_response"] == [(4, None)]  # the first response row below three header rows
    assert found["duplicate_submission"] == [(7, "P10")]
    assert found["incomplete_response"] == [(8, None)]
    assert found["unmatched_name"] == [(6, "Henk (provincie)")]
    questions = {q["code"]: (q["kind"], q["relation"]) for q in net.report.details["questions"]}
    assert questions == {
        "Q1": ("names", "advice"), "Q2": ("people", "trust"), "Q2_5_TEXT": ("names", "trust"),
        "Q3": ("names", "collaboration"), "Q4": ("partner_scale", "collaboration"),
        "Q5": ("group_scale", "collaboration"), "Q6": ("other", None),
    }


def test_google_forms_day_first_dates_decide_the_latest_submission(roster):
    net = read_survey(FIXTURES / "googleforms_nl.csv", roster)
    assert net.report.input_format == "Google Forms"
    # Jan van den Berg's first row is 3 April (day-first; "13-3-2025" in the column settles the order),
    # so it replaces the 4 March row below it.
    assert kinds(net)["duplicate_submission"] == [(3, "P05")]
    assert ties(net) == {
        ("P05", "P11", "advice", 1.0), ("P05", "P08", "advice", 1.0),
        ("P09", "P02", "advice", 1.0), ("P09", "P04", "advice", 1.0),
        ("P05", "P11", "trust", 1.0),
    }
    # a checkbox of departments ("Ruimte & Wonen, Publiekszaken") and a grid about the same departments
    assert group_ties(net) == {
        ("P05", "Ruimte & Wonen", "collaboration", 4.0), ("P05", "Publiekszaken", "collaboration", 1.0),
        ("P09", "Sociaal Domein", "collaboration", 1.0), ("P09", "Publiekszaken", "collaboration", 2.0),
        ("P09", "Ruimte & Wonen", "collaboration", 0.0),
    }
    assert net.respondents == {"P05", "P08", "P09"}
    assert sorted(v for _, v in kinds(net)["empty_answer"]) == ["P08", "P08"]


def test_limesurvey_question_codes_tab_separated(roster):
    net = read_survey(FIXTURES / "limesurvey_codes.csv", roster)
    assert net.report.input_format == "LimeSurvey"
    assert ties(net) == {
        ("P08", "P11", "advice", 1.0), ("P08", "P05", "advice", 1.0), ("P08", "P07", "trust", 1.0),
        ("P11", "P08", "advice", 1.0), ("P11", "P05", "advice", 1.0),
        ("P12", "P01", "advice", 1.0), ("P12", "P07", "advice", 1.0), ("P12", "P01", "trust", 1.0),
    }
    assert kinds(net)["incomplete_response"] == [(3, None)]  # no submitdate
    assert net.group_ties is None


def test_limesurvey_full_headings_semicolons_with_y_ticks_and_other(roster):
    net = read_survey(FIXTURES / "limesurvey_full.csv", roster)
    assert ties(net) == {
        ("P04", "P09", "advice", 1.0), ("P03", "P10", "advice", 1.0),
        ("P04", "P01", "collaboration", 1.0), ("P04", "P10", "collaboration", 1.0),
        ("P04", "P06", "collaboration", 1.0), ("P03", "P10", "collaboration", 1.0),
    }
    assert group_ties(net) == {
        ("P04", "Publiekszaken", "collaboration", 3.0), ("P04", "Bedrijfsvoering", "collaboration", 0.0),
        ("P03", "Bedrijfsvoering", "collaboration", 4.0),
    }
    review = net.report.details["review"]
    assert [(r["name"], r["mentioned_by"], [c[0] for c in r["candidates"]]) for r in review] == [
        ("Iris de Vries", "P04", ["P02", "P03"])
    ]


def test_surveymonkey_two_header_rows_month_first_and_custom_data(roster):
    net = read_survey(FIXTURES / "surveymonkey.csv", roster)
    assert net.report.input_format == "SurveyMonkey"
    assert ties(net) == {
        ("P12", "P01", "advice", 1.0), ("P12", "P10", "advice", 1.0), ("P12", "P01", "trust", 1.0),
        ("P04", "P09", "advice", 1.0),
        ("P06", "P10", "advice", 1.0), ("P06", "P10", "trust", 1.0),
    }
    assert net.respondents == {"P12", "P04", "P06"}  # P04 only through Custom Data 1
    found = kinds(net)
    assert sorted(found["self_tie"]) == [(4, "P04"), (5, "P06")]
    assert found["duplicate_tie"] == [(3, None)]  # "karin jansen" and "Jansen, Karin"
    assert found["needs_review"] == [(3, "Iris")]
    assert "dates read month-first (End Date)" in net.report.details["notes"]


@pytest.mark.parametrize(
    ("name", "platform"),
    [
        ("msforms_nl.xlsx", "msforms"), ("msforms_nl_excel.csv", "msforms"), ("qualtrics.csv", "qualtrics"),
        ("googleforms_nl.csv", "googleforms"), ("limesurvey_codes.csv", "limesurvey"),
        ("limesurvey_full.csv", "limesurvey"), ("surveymonkey.csv", "surveymonkey"),
    ],
)
def test_platform_detection(name, platform):
    assert detect_platform(read_tables(FIXTURES / name)[0]) == platform


def test_platform_can_be_overridden(roster):
    # read as a generic table, the Google export still works: one header row, e-mail and timestamp recognised
    net = read_survey(FIXTURES / "googleforms_nl.csv", roster, platform="generic")
    assert net.report.input_format == "generic survey table"
    assert ("P09", "P04", "advice", 1.0) in ties(net)


def test_relations_mapping_overrides_detection_and_ignores(roster):
    net = read_survey(
        FIXTURES / "qualtrics.csv", roster,
        relations={"most closely": "coworking", "Q2": "confide", "following departments": None},
    )
    assert set(net.relations) == {"advice", "confide", "coworking"}
    assert ("P10", "P06", "coworking", 4.0) in ties(net)  # the frequency question follows its name question
    assert net.group_ties is None or net.group_ties.empty
    assert ("P01", "P03", "confide", 1.0) in ties(net)


def test_report_details_list_questions_with_relation_and_kind(roster):
    net = read_survey(FIXTURES / "msforms_nl.xlsx", roster)
    questions = net.report.details["questions"]
    assert [(q["relation"], q["kind"]) for q in questions] == [
        ("advice", "names"), ("trust", "names"), ("collaboration", "people"),
        ("collaboration", "group_scale"), ("collaboration", "group_scale"), (None, "other"),
    ]
    assert questions[0]["text"] == "Bij wie ga je voor advies over je werk?"
    assert questions[0]["columns"][2] == "Bij wie ga je voor advies over je werk? (persoon 3)"


class _Stream:
    """An upload that can be read only once (like a socket or a plain file object)."""

    def __init__(self, data: bytes, name: str) -> None:
        self._data, self.name = data, name

    def read(self) -> bytes:
        data, self._data = self._data, b""
        return data


def test_load_network_reads_an_upload_stream_once(roster):
    import ona

    net = ona.load_network(_Stream((FIXTURES / "surveymonkey.csv").read_bytes(), "export.csv"), roster)
    assert net.report.input_format == "SurveyMonkey" and net.report.sources[-1] == "export.csv"
    assert len(net.ties) == 6


def test_load_network_finds_the_export_in_a_workbook_with_more_sheets(roster, tmp_path):
    import ona
    from openpyxl import load_workbook

    book = load_workbook(FIXTURES / "msforms_nl.xlsx")
    book.create_sheet("Toelichting").append(["Deze enquête liep van 4 tot 7 maart."])
    book.move_sheet("Toelichting", offset=-1)
    book.save(tmp_path / "met_toelichting.xlsx")
    net = ona.load_network(tmp_path / "met_toelichting.xlsx", roster)
    assert ties(net) == MSFORMS_TIES
