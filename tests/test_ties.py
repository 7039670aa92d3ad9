"""Reading edge lists and adjacency matrices: shapes, matching and every reported problem."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from ona import TieListError, read_network, read_roster
from ona.io.report_text import format_report

ROSTER = b"id,name,email,department\n1,Ann,ann@x.nl,A\n2,Ben,ben@x.nl,A\n3,Cas,cas@x.nl,B\n"


@pytest.fixture
def roster():
    return read_roster(ROSTER, filename="roster.csv")


def test_long_edge_list_with_relation_and_weight(roster):
    ties = b"source,target,relation,weight\n1,2,advice,1\n2,3,advice,2.5\n3,1,trust,1\n"
    net = read_network(ties, roster, filename="ties.csv")
    assert net.relations == ("advice", "trust")
    assert net.graph("advice")["2"]["3"]["weight"] == 2.5
    assert net.report.input_format == "edge list"
    assert net.report.issues == ()


def test_dutch_edge_list_by_email_with_decimal_commas(roster):
    ties = "van;naar;gewicht\nANN@x.nl;ben@x.nl;1,5\nben@x.nl;cas@x.nl;\n".encode("cp1252")
    net = read_network(ties, roster, relation="samenwerking", filename="netwerk.csv")
    assert net.relations == ("samenwerking",)
    G = net.graph("samenwerking")
    assert G["1"]["2"]["weight"] == 1.5 and G["2"]["3"]["weight"] == 1.0


def test_relation_defaults_to_the_file_name(roster, tmp_path):
    path = tmp_path / "advice_edges.csv"
    path.write_text("source,target\n1,2\n")
    assert read_network(path, roster).relations == ("advice",)


def test_every_dropped_tie_is_reported_with_its_place(roster):
    ties = b"source,target\n1,2\n1,1\n2,99\n1,2\n,3\n"
    net = read_network(ties, roster, relation="advice", filename="t.csv")
    assert len(net.ties) == 1
    report = net.report
    assert report.counts() == {"unknown_person": 2, "self_tie": 1, "duplicate_tie": 1}
    unknown = report.of_kind("unknown_person")
    assert [(i.row, i.column, i.value) for i in unknown] == [(4, "target", "99"), (6, "source", "")]
    assert report.of_kind("self_tie")[0].row == 3
    assert report.of_kind("duplicate_tie")[0].row == 5
    text = format_report(net)
    assert "t.csv, row 4, column 'target': '99' is not on the roster" in text
    assert "self-ties (dropped): 1" in text


def test_zero_and_negative_weights_are_reported(roster):
    net = read_network(b"source,target,weight\n1,2,0\n2,3,-1\n3,1,2\n", roster, relation="r", filename="t.csv")
    assert net.report.counts() == {"invalid_weight": 1, "zero_weight": 1}
    assert len(net.ties) == 1


def test_unreadable_weight_is_an_error_with_row_and_column(roster):
    with pytest.raises(TieListError, match=r"t.csv, row 3, column 'weight': the weight 'vaak' is not a number"):
        read_network(b"source,target,weight\n1,2,1\n2,3,vaak\n", roster, filename="t.csv")


def test_neither_edge_list_nor_matrix(roster):
    with pytest.raises(TieListError, match=r"x.csv: this is neither an edge list nor an adjacency matrix \(first row: foo, bar\)"):
        read_network(b"foo,bar\n1,2\n", roster, filename="x.csv")


def test_matrix_csv_per_relation(roster, tmp_path):
    (tmp_path / "advice.csv").write_text(",1,2,3\n1,0,1,0\n2,1,0,1\n3,0,0,0\n")
    (tmp_path / "trust.csv").write_text(";1;2;3\n1;0;0;2\n2;0;0;0\n3;0;0;0\n")
    net = read_network([tmp_path / "advice.csv", tmp_path / "trust.csv"], roster)
    assert net.relations == ("advice", "trust")
    assert sorted(net.graph("advice").edges) == [("1", "2"), ("2", "1"), ("2", "3")]
    assert net.graph("trust")["1"]["3"]["weight"] == 2.0
    assert net.report.input_format == "adjacency matrix"


def test_matrix_xlsx_one_sheet_per_relation_with_unknown_and_diagonal(roster):
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer) as writer:
        pd.DataFrame([[1, 1, 0], [0, 0, 1], [1, 0, 0]], index=["1", "2", "3"], columns=["1", "2", "3"]).to_excel(
            writer, sheet_name="advies"
        )
        pd.DataFrame([[0, 1, 1], [0, 0, 0], [0, 0, 0]], index=["1", "2", "3"], columns=["1", "2", "x9"]).to_excel(
            writer, sheet_name="vertrouwen"
        )
    net = read_network(buffer.getvalue(), roster, filename="netwerk.xlsx")
    assert net.relations == ("advies", "vertrouwen")
    assert net.graph("advies").number_of_edges() == 3  # the diagonal 1 is a self-tie
    assert net.report.counts() == {"unknown_person": 1, "self_tie": 1}
    unknown = net.report.of_kind("unknown_person")[0]
    assert (unknown.file, unknown.row, unknown.column, unknown.value) == ("netwerk.xlsx", 1, "D", "x9")


def test_matrix_cell_that_is_not_a_number(roster):
    with pytest.raises(TieListError, match=r"m.csv, row 3, column 'B': the cell value 'ja' is not a number"):
        read_network(b",1,2\n1,0,1\n2,ja,0\n", roster, filename="m.csv")


def test_respondents_from_argument_or_roster_column():
    roster = read_roster(b"id,name,department,responded\n1,A,X,ja\n2,B,X,nee\n3,C,Y,ja\n")
    net = read_network(b"source,target\n1,2\n", roster, relation="advice")
    assert net.respondents == {"1", "3"}
    assert "responded" not in net.roster.columns
    net2 = read_network(b"source,target\n1,2\n", roster, relation="advice", respondents=["2"])
    assert net2.respondents == {"1", "2"}  # 1 sent a tie, so 1 answered (reported)
    assert [i.value for i in net2.report.of_kind("respondent_added")] == ["1"]
    with pytest.raises(TieListError, match="not on the roster"):
        read_network(b"source,target\n1,2\n", roster, relation="advice", respondents=["zz"])


def test_roster_problems_travel_in_the_network_report():
    net = read_network(b"source,target\n1,2\n", b"id,name,department\n1,A,X\n1,B,X\n2,C,\n", relation="advice")
    assert net.report.counts() == {"duplicate_id": 1, "missing_department": 1}


def test_senders_listed_as_non_respondents_are_reported_and_counted_as_respondents():
    roster = read_roster(b"id,name,department,responded\n1,A,X,ja\n2,B,X,nee\n3,C,Y,ja\n")
    net = read_network(b"source,target\n2,1\n2,3\n1,3\n", roster, relation="advice", filename="t.csv")
    assert net.respondents == {"1", "2", "3"}
    (issue,) = net.report.of_kind("respondent_added")
    assert (issue.file, issue.row, issue.value) == ("t.csv", 2, "2")
    assert "names 2 people; they are counted as a respondent" in issue.message


@pytest.mark.parametrize("weight", ["inf", "1e400", "-inf"])
def test_infinite_weights_are_refused(roster, weight):
    with pytest.raises(TieListError, match=f"the weight '{weight}' is not a number"):
        read_network(f"source,target,weight\n1,2,{weight}\n".encode(), roster, filename="t.csv")


def test_duplicates_keep_the_highest_weight_first_of_equals_and_are_listed_highest_first():
    # Hand-checked: rows 2-7 of the file. 1->2 advice three times (weights 1, 3, 3): row 3 (the first 3) stays;
    # 1->2 trust once (a different relation); 2->3 twice with equal weight: row 6 stays. Dropped rows are
    # listed as clean_ties always did: highest weight first, then file order (rows 4, 7, 2).
    from ona.io.ties import clean_ties

    raw = pd.DataFrame({"source": ["1", "1", "1", "1", "2", "2"], "target": ["2", "2", "2", "2", "3", "3"],
                        "relation": ["advice", "advice", "advice", "trust", "advice", "advice"],
                        "weight": [1.0, 3.0, 3.0, 1.0, 2.0, 2.0], "row": [2, 3, 4, 5, 6, 7]})
    kept, issues = clean_ties(raw)
    assert kept["row"].tolist() == [3, 5, 6]
    assert [i.row for i in issues if i.kind == "duplicate_tie"] == [4, 7, 2]


def test_a_yes_no_column_reports_its_first_unreadable_answer_by_row():
    from ona import RosterError

    data = b"id,department,responded\n1,A,ja\n2,A,nee\n3,B,misschien\n4,B,ja\n5,B,weet niet\n"
    with pytest.raises(RosterError) as caught:
        read_roster(data, filename="roster.csv")
    assert caught.value.row == 4 and "misschien" in str(caught.value)
    answers = read_roster(b"id,responded\n1,ja\n2,Nee\n3, yes\n4,ja\n").frame["responded"]
    assert answers.tolist() == [True, False, True, True]
