"""Which question is which relation, what answers weigh, and the review list as a CSV of decisions.

Expected values are worked out by hand from the question texts and the documented scale
(Nooit 0, Minder dan maandelijks 1, Maandelijks 2, Wekelijks 3, Dagelijks 4).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from ona import read_roster
from ona.io.survey import detect_relation, parse_datetimes, read_resolutions, read_survey, review_table, scale_value
from ona.io.survey.review import write_review

FIXTURES = Path(__file__).parent / "fixtures" / "surveys"


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Bij wie ga je voor advies over je werk?", "advice"),
        ("Aan wie vraag je om raad als je vastloopt?", "advice"),
        ("Who do you go to for advice?", "advice"),
        ("Met wie zou je een gevoelige werkkwestie bespreken?", "trust"),
        ("Wie vertrouw je?", "trust"),
        ("Whom do you trust?", "trust"),
        ("Met wie heb je het afgelopen halfjaar samengewerkt?", "collaboration"),
        ("Met wie werk je wekelijks samen?", "collaboration"),
        ("Hoe vaak werk je samen met de afdeling Publiekszaken?", "collaboration"),
        ("With whom do you work most closely?", "collaboration"),
        ("How often do you collaborate with these departments?", "collaboration"),
        ("Wie geeft je energie?", "energy"),
        ("Wie zijn je vrienden op het werk?", "friendship"),
        ("Van wie krijg je de informatie die je nodig hebt?", "information"),
        ("Met wie heb je contact?", "communication"),
        ("Wie vraag je om hulp als je vastloopt in je werk?", "advice"),  # wordings of other questionnaires
        ("Who do you typically turn to for help in thinking through a new or challenging problem at work?", "advice"),
        ("When you are stuck, whom do you ask?", "advice"),
        ("Who helps you solve problems in your work?", "advice"),
        ("Met wie deel je iets persoonlijks?", "trust"),
        ("Bij wie kun je je hart luchten?", "trust"),
        ("Who would you speak to in confidence about a difficult situation at work?", "trust"),
        ("Who could you share a personal concern with?", "trust"),
        ("Bij wie voel je je veilig om fouten te bespreken?", "trust"),
        ("Met wie heb je persoonlijk contact?", "communication"),
        ("Who do you turn to when you need someone you trust?", "trust"),
        ("Noem maximaal drie collega's", None),
        ("Whom do you trust and whom do you ask for advice?", None),  # two relations: not clear
        ("advies", "advice"),        # LimeSurvey question codes
        ("vertrouwen", "trust"),
        ("samenwerking", "collaboration"),
    ],
)
def test_detect_relation(text, relation):
    assert detect_relation(text) == relation


@pytest.mark.parametrize(
    ("answer", "result"),
    [
        ("Nooit", ("value", 0)), ("Never", ("value", 0)),
        ("Minder dan maandelijks", ("value", 1)), ("Minder dan 1 keer per maand", ("value", 1)),
        ("Less than monthly", ("value", 1)), ("Een paar keer per jaar", ("value", 1)),
        ("Maandelijks", ("value", 2)), ("1x per maand", ("value", 2)), ("Monthly", ("value", 2)),
        ("Wekelijks", ("value", 3)), ("Meerdere keren per week", ("value", 3)), ("Weekly", ("value", 3)),
        ("Dagelijks", ("value", 4)), ("(Bijna) dagelijks", ("value", 4)), ("Daily", ("value", 4)),
        ("Helemaal oneens", ("value", 1)), ("Oneens", ("value", 2)), ("Neutraal", ("value", 3)),
        ("Eens", ("value", 4)), ("Strongly agree", ("value", 5)),
        ("4 - Wekelijks", ("value", 3)), ("3", ("value", 3.0)), ("2,5", ("value", 2.5)), ("A4", ("value", 4.0)),
        ("Weet ik niet", ("na", None)), ("N.v.t.", ("na", None)), ("Don't know", ("na", None)),
        ("", ("empty", None)), ("soms", ("unknown", None)),
    ],
)
def test_scale_value(answer, result):
    assert scale_value(answer) == result


def test_dates_decide_day_or_month_first_per_column():
    values, order = parse_datetimes(["3-4-2025 10:20:00", "4-3-2025 9:15:22", "13-3-2025 17:02:45"])
    assert order is True and values[0] == datetime(2025, 4, 3, 10, 20) and values[1] == datetime(2025, 3, 4, 9, 15, 22)
    values, order = parse_datetimes(["03/04/2025 09:15:22 AM", "03/13/2025 01:05:00 PM"])
    assert order is False and values[1] == datetime(2025, 3, 13, 13, 5)
    # Excel serial 45720 is 4 March 2025 (45658 is 1 January 2025)
    values, _ = parse_datetimes(["2025/03/04 9:15:22 p.m. CET", "2025-03-04T09:15:22Z", "45720.5", "gisteren"])
    assert values == [datetime(2025, 3, 4, 21, 15, 22), datetime(2025, 3, 4, 9, 15, 22), datetime(2025, 3, 4, 12, 0),
                      None]


def test_a_generic_table_with_an_own_name_question_and_people_checkboxes():
    roster = read_roster(FIXTURES / "roster.csv")
    export = ("Datum;Wat is je naam?;Met wie werk je wekelijks samen? [Anna de Boer];"
              "Met wie werk je wekelijks samen? [Karin Jansen];Hoe vaak heb je contact met [Anna de Boer];"
              "Hoe vaak heb je contact met [Karin Jansen]\n"
              "04-03-2025;Jansen, Karin;x;;Wekelijks;\n"
              "05-03-2025;Anna de Boer;;x;;Dagelijks\n").encode("cp1252")
    net = read_survey(export, roster, filename="eigen.csv")
    assert net.report.input_format == "generic survey table"
    ties = set(net.ties.itertuples(index=False, name=None))
    assert ties == {("P10", "P01", "collaboration", 1.0), ("P01", "P10", "collaboration", 1.0),
                    ("P10", "P01", "communication", 3.0), ("P01", "P10", "communication", 4.0)}
    kinds = [q["kind"] for q in net.report.details["questions"]]
    assert kinds == ["respondent", "people", "person_scale"]


def test_missing_and_zero_frequencies_for_named_people_are_reported():
    roster = read_roster(FIXTURES / "roster.csv")
    export = ("Tijdstempel,E-mailadres,Met wie werk je samen? [Persoon 1],Met wie werk je samen? [Persoon 2],"
              "Met wie werk je samen? [Persoon 3],Hoe vaak werk je samen met deze personen? [Persoon 1],"
              "Hoe vaak werk je samen met deze personen? [Persoon 2],Hoe vaak werk je samen met deze personen? "
              "[Persoon 3]\n"
              "4-3-2025 9:00:00,anna.deboer@gemeente.nl,Karin Jansen,Jan Bakker,,Nooit,,Wekelijks\n").encode()
    net = read_survey(export, roster, filename="f.csv")
    assert set(net.ties.itertuples(index=False, name=None)) == {("P01", "P04", "collaboration", 1.0)}
    counts = net.report.counts()
    assert counts["zero_weight"] == 1       # Karin: named, but "Nooit"
    assert counts["missing_weight"] == 1    # Jan: no frequency, weight 1
    assert counts["empty_answer"] == 1      # a frequency for box 3 without a name


def test_review_list_round_trip_through_a_csv_of_decisions(tmp_path):
    roster = read_roster(FIXTURES / "roster.csv")
    net = read_survey(FIXTURES / "msforms_nl.xlsx", roster)
    table = review_table(net)
    assert table[["name", "mentioned_by", "status"]].values.tolist() == [
        ["Iris de Vries", "P01", "review"], ["Jan", "P10", "review"], ["Henk Smit", "P10", "unmatched"]]
    assert table["id"].eq("").all()
    path = tmp_path / "review.csv"
    assert write_review(net, path) == 3
    edited = pd.read_csv(path, dtype=str, keep_default_na=False)
    edited["id"] = ["P02", "", "-"]  # decide Iris, leave Jan undecided, Henk Smit is not on the roster
    edited.to_csv(path, index=False)
    decisions = read_resolutions(path)
    assert decisions == {("P01", "Iris de Vries"): "P02", ("P10", "Henk Smit"): None}
    again = read_survey(FIXTURES / "msforms_nl.xlsx", roster, resolutions=decisions)
    assert ("P01", "P02", "trust", 1.0) in set(again.ties.itertuples(index=False, name=None))
    assert [r["name"] for r in again.report.details["review"]] == ["Jan"]
    assert review_table(again)["name"].tolist() == ["Jan"]


def test_a_respondent_known_only_by_an_ambiguous_name_waits_for_a_decision():
    roster = read_roster(FIXTURES / "roster.csv")
    export = b"Datum,Wat is je naam?,Bij wie ga je voor advies over je werk?\n04-03-2025,Iris de Vries,Karin Jansen\n"
    net = read_survey(export, roster, filename="anoniem.csv")
    assert net.respondents == frozenset() and net.ties.empty
    issue = net.report.of_kind("unknown_respondent")[0]
    assert issue.row == 2 and "fits several people on the roster" in issue.message
    assert net.report.details["review"][0]["mentioned_by"] == "(respondent)"
    decided = read_survey(export, roster, filename="anoniem.csv", resolutions={"Iris de Vries": "P03"})
    assert decided.respondents == {"P03"}
    assert set(decided.ties.itertuples(index=False, name=None)) == {("P03", "P10", "advice", 1.0)}
