"""Tests for ona.io.expected: declared collaborations and survey-derived expected pairs.

Expected values are worked out by hand from the small inputs in each test; the
municipality pairs come from its README (``collaborations.csv``).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook

from ona import OrgNetwork, samples
from ona.exceptions import FileFormatError, InputError
from ona.io.expected import EXPECTED_COLUMNS, expected_frame, expected_from_group_ties, expected_pairs, read_expected

GROUPS = ["Ruimte & Wonen", "Publiekszaken", "Sociaal Domein", "Bedrijfsvoering", "Financiën"]


def pairs_of(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(frame["group_a"], frame["group_b"], frame["collaboration"]))


# -- reading declared collaborations -----------------------------------------------------------------


def test_long_layout_gives_every_pair_of_a_collaboration() -> None:
    data = (
        b"collaboration,group\n"
        b"Omgevingswet,Ruimte & Wonen\nOmgevingswet,Publiekszaken\n"
        b"Sociaal loket,Sociaal Domein\nSociaal loket,Publiekszaken\nSociaal loket,Bedrijfsvoering\n"
    )
    frame = read_expected(data, GROUPS)
    assert list(frame.columns) == list(EXPECTED_COLUMNS)
    # 1 pair + 3 pairs (a collaboration of three groups); in the order first met
    assert pairs_of(frame) == [
        ("Ruimte & Wonen", "Publiekszaken", "Omgevingswet"),
        ("Sociaal Domein", "Publiekszaken", "Sociaal loket"),
        ("Sociaal Domein", "Bedrijfsvoering", "Sociaal loket"),
        ("Publiekszaken", "Bedrijfsvoering", "Sociaal loket"),
    ]
    assert set(frame["source"]) == {"file"}
    assert frame["support"].isna().all()


def test_a_pair_in_two_collaborations_is_listed_once_with_both_names() -> None:
    data = b"collaboration,group\nA,Publiekszaken\nA,Sociaal Domein\nB,Sociaal Domein\nB,Publiekszaken\n"
    frame = read_expected(data, GROUPS)
    assert pairs_of(frame) == [("Publiekszaken", "Sociaal Domein", "A; B")]


def test_dutch_headers_semicolons_and_loose_spelling_come_back_as_in_the_roster() -> None:
    data = "Samenwerking;Afdeling\nKeten;  ruimte &  wonen \nKeten;FINANCIEN\n".encode("cp1252")
    frame = read_expected(data, GROUPS)
    assert pairs_of(frame) == [("Ruimte & Wonen", "Financiën", "Keten")]


def test_pair_layout_with_optional_collaboration_column() -> None:
    frame = read_expected(b"group_a,group_b\nPubliekszaken,Sociaal Domein\n", GROUPS)
    assert pairs_of(frame) == [("Publiekszaken", "Sociaal Domein", "")]
    frame = read_expected(b"afdeling_a,afdeling_b,programma\nPubliekszaken,Financien,Loket\n", GROUPS)
    assert pairs_of(frame) == [("Publiekszaken", "Financiën", "Loket")]


def test_xlsx_and_dataframe_sources() -> None:
    book = Workbook()
    sheet = book.active
    for row in (["collaboration", "group"], ["X", "Publiekszaken"], ["X", "Sociaal Domein"]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    assert pairs_of(read_expected(buffer.getvalue(), GROUPS)) == [("Publiekszaken", "Sociaal Domein", "X")]
    frame = pd.DataFrame({"collaboration": ["X", "X"], "group": ["Publiekszaken", "Sociaal Domein"]})
    assert pairs_of(read_expected(frame, GROUPS)) == [("Publiekszaken", "Sociaal Domein", "X")]


def test_groups_are_checked_against_an_orgnetwork_roster() -> None:
    net = samples.load("municipality")
    path = samples.expected_collaborations_path("municipality")
    frame = read_expected(path, net)
    assert {frozenset((a, b)) for a, b, _ in pairs_of(frame)} == {
        frozenset(("Ruimte & Wonen", "Publiekszaken")),
        frozenset(("Sociaal Domein", "Publiekszaken")),
        frozenset(("Bedrijfsvoering", "Concernstaf")),
        frozenset(("Sociaal Domein", "Ruimte & Wonen")),
    }
    with pytest.raises(InputError, match="'Jeugd' is not a department in the roster"):
        read_expected(b"collaboration,group\nX,Jeugd\nX,Publiekszaken\n", net)
    teams = read_expected(b"collaboration,team\nX,Jeugd\nX,Wmo\n", net, grouping="team")
    assert pairs_of(teams) == [("Jeugd", "Wmo", "X")]


# -- errors that tell what to do ------------------------------------------------------------------------


def test_unknown_group_names_row_column_and_closest_name() -> None:
    data = b"collaboration,group\nX,Publiekszaken\nX,Publiekzaken\n"
    with pytest.raises(InputError) as info:
        read_expected(data, GROUPS, filename="collaborations.csv")
    message = str(info.value)
    assert message.startswith("collaborations.csv, row 3, column 'group': 'Publiekzaken' is not a department")
    assert "Did you mean 'Publiekszaken'?" in message
    assert "Bedrijfsvoering" in message  # lists the valid groups


def test_several_unknown_groups_are_reported_together() -> None:
    data = b"collaboration,group\nX,Foo\nX,Bar\nX,Publiekszaken\n"
    with pytest.raises(InputError, match=r"2 groups are not in the roster: .*row 2.*'Foo'.*row 3.*'Bar'"):
        read_expected(data, GROUPS, filename="c.csv")


def test_a_collaboration_needs_two_groups() -> None:
    with pytest.raises(InputError, match=r"row 2, column 'collaboration': the collaboration 'Solo' names only one"):
        read_expected(b"collaboration,group\nSolo,Publiekszaken\nSolo,publiekszaken\n", GROUPS)


def test_empty_cells_and_unknown_headers() -> None:
    with pytest.raises(InputError, match=r"row 3, column 'group': the collaboration 'X' has an empty group"):
        read_expected(b"collaboration,group\nX,Publiekszaken\nX,\n", GROUPS)
    with pytest.raises(InputError, match=r"row 2, column 'collaboration': .*no collaboration"):
        read_expected(b"collaboration,group\n,Publiekszaken\n", GROUPS)
    with pytest.raises(InputError, match=r"columns \('naam', 'waarde'\) are not recognised.*'collaboration,group'"):
        read_expected(b"naam,waarde\na,b\n", GROUPS)
    with pytest.raises(InputError, match="the pair names 'Publiekszaken' twice"):
        read_expected(b"group_a,group_b\nPubliekszaken,publiekszaken\n", GROUPS)
    with pytest.raises(InputError, match="declares no collaboration"):
        read_expected(b"collaboration,group\n", GROUPS)
    with pytest.raises(FileFormatError, match="empty"):
        read_expected(b"", GROUPS)


# -- pairs given directly ---------------------------------------------------------------------------------


def test_expected_frame_from_pairs_and_validation() -> None:
    frame = expected_frame([("Publiekszaken", "Financien"), ("Sociaal Domein", "Publiekszaken", "Loket")], GROUPS)
    assert pairs_of(frame) == [("Publiekszaken", "Financiën", ""), ("Sociaal Domein", "Publiekszaken", "Loket")]
    assert expected_pairs(frame)[frozenset(("Publiekszaken", "Sociaal Domein"))] == "Loket"
    with pytest.raises(InputError, match="a pair needs two different groups"):
        expected_frame([("Publiekszaken", "Publiekszaken")])
    with pytest.raises(InputError, match="'Nowhere' is not a department"):
        expected_frame([("Publiekszaken", "Nowhere")], GROUPS)
    # a standard table passes through, and is checked when groups are given
    assert expected_frame(frame).equals(frame)
    bad = frame.assign(group_b=["Nowhere", "Publiekszaken"])
    with pytest.raises(InputError, match="row 2, column 'group_b'"):
        expected_frame(bad, GROUPS)


# -- survey answers ----------------------------------------------------------------------------------------


@pytest.fixture
def survey_net() -> OrgNetwork:
    """HR: a, b, c, d (all answered); IT: e, f (both answered); Sales: g (did not answer)."""
    roster = pd.DataFrame(
        {"department": ["HR"] * 4 + ["IT"] * 2 + ["Sales"]}, index=pd.Index(list("abcdefg"), name="id")
    )
    answers = pd.DataFrame(
        [
            ("a", "IT", "depends_on", 1.0),
            ("b", "it", "depends_on", 2.0),  # spelled differently, still IT
            ("c", "Sales", "depends_on", 1.0),
            ("d", "HR", "depends_on", 1.0),  # own group: ignored
            ("e", "Sales", "depends_on", 0.0),  # weight 0: not named
            ("e", "HR", "depends_on", 1.0),
            ("f", "Marketing", "depends_on", 1.0),  # not in the roster
            ("f", "Sales", "work_with", 1.0),
        ],
        columns=["respondent", "group", "relation", "weight"],
    )
    return OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), group_ties=answers)


def test_survey_answers_aggregate_into_pairs(survey_net: OrgNetwork) -> None:
    frame = expected_from_group_ties(survey_net)
    table = frame[["group_a", "group_b", "collaboration", "support"]].values
    rows = {frozenset((a, b)): (c, s) for a, b, c, s in table}
    # HR-IT: 2 of 4 HR respondents name IT (0.5), 1 of 2 IT names HR (0.5) -> support 0.5
    # HR-Sales: 1 of 4 (0.25) but only one respondent < min_respondents=2 -> not expected
    # IT-Sales: f names Sales in another question: 1 of 2 (0.5), one respondent -> not expected
    assert rows == {frozenset(("HR", "IT")): ("depends_on", 0.5)}
    assert set(frame["source"]) == {"survey"}
    assert frame.attrs["unmatched_groups"] == ["Marketing"]


def test_survey_thresholds_and_relation_filter(survey_net: OrgNetwork) -> None:
    loose = expected_from_group_ties(survey_net, min_respondents=1)
    assert {frozenset((a, b)) for a, b in zip(loose["group_a"], loose["group_b"])} == {
        frozenset(("HR", "IT")), frozenset(("HR", "Sales")), frozenset(("IT", "Sales")),
    }
    only = expected_from_group_ties(survey_net, relation="work_with", min_respondents=1)
    # within 'work_with' only f answered for IT: 1 of 1 -> share 1.0
    assert pairs_of(only) == [("IT", "Sales", "work_with")]
    assert only["support"].tolist() == [1.0]
    strict = expected_from_group_ties(survey_net, min_share=0.6)
    assert strict.empty


def test_no_survey_answers_gives_an_empty_table() -> None:
    net = samples.load("krackhardt")
    frame = expected_from_group_ties(net)
    assert frame.empty and list(frame.columns) == list(EXPECTED_COLUMNS)
    assert frame["support"].dtype == float
