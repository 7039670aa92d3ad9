"""Reading rosters: Dutch and English headers, overrides, and every reported problem."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from ona import FileFormatError, RosterError, read_roster


def test_dutch_headers_are_detected():
    data = (
        "Personeelsnummer;Naam;E-mailadres;Afdeling;Team;Functie;Leidinggevende;Locatie\n"
        "001;Jan de Vries;jan@gem.nl;Publiekszaken;KCC;Medewerker;002;Stadhuis\n"
        "002;Iris Bos;iris@gem.nl;Publiekszaken;KCC;Teamleider;;Stadhuis\n"
    ).encode("cp1252")
    roster = read_roster(data, filename="roster.csv")
    frame = roster.frame
    assert list(frame.index) == ["001", "002"]  # leading zeros kept
    assert frame.loc["001", "name"] == "Jan de Vries"
    assert frame.loc["001", "department"] == "Publiekszaken"
    assert frame.loc["001", "role"] == "Medewerker"
    assert frame.loc["001", "manager"] == "002"
    assert frame.loc["001", "location"] == "Stadhuis"
    assert roster.columns["department"] == "Afdeling"
    assert roster.issues == ()


def test_english_headers_with_email_as_id_and_extra_columns():
    data = b"Email,Full name,Department,Job title,Age\nA@x.org,Ann,Sales,Rep,31\nb@x.org,Ben,IT,Dev,45\n"
    frame = read_roster(data).frame
    assert list(frame.index) == ["a@x.org", "b@x.org"]
    assert frame.loc["a@x.org", "role"] == "Rep"
    assert frame.loc["b@x.org", "Age"] == 45


def test_name_is_composed_from_first_infix_last():
    data = b"id,Voornaam,Tussenvoegsel,Achternaam,Afdeling\n1,Jan,van der,Berg,X\n2,Els,,Bos,X\n"
    assert read_roster(data).frame["name"].tolist() == ["Jan van der Berg", "Els Bos"]


def test_explicit_mapping_overrides_detection():
    data = b"nr,wie,unit,Organisatieonderdeel\n1,Ann,A,Zorg\n2,Ben,B,Zorg\n"
    roster = read_roster(data, columns={"id": "nr", "name": "wie", "department": "Organisatieonderdeel"})
    assert roster.frame["department"].tolist() == ["Zorg", "Zorg"]
    assert roster.frame.loc["1", "name"] == "Ann"


def test_mapping_to_a_missing_column_says_which_columns_exist():
    with pytest.raises(RosterError, match=r"the column 'Dept' mapped to 'department' does not exist \(columns are: id, name\)"):
        read_roster(b"id,name\n1,Ann\n", columns={"department": "Dept"}, filename="staff.csv")


def test_unknown_field_in_mapping():
    with pytest.raises(RosterError, match="unknown roster field 'afdeling'"):
        read_roster(b"id,name\n1,Ann\n", columns={"afdeling": "name"})


def test_no_id_or_email_column_is_an_error_that_says_what_to_do():
    with pytest.raises(RosterError) as info:
        read_roster(b"Naam,Afdeling\nJan,X\n", filename="staff.csv")
    message = str(info.value)
    assert message.startswith("staff.csv: no id or e-mail column found (columns are: Naam, Afdeling)")
    assert "columns={'id': 'YourColumn'}" in message


def test_duplicate_ids_are_reported_with_rows_and_first_kept():
    roster = read_roster(b"id,name,department\n7,Ann,A\n8,Ben,B\n7,Ann Two,C\n", filename="r.csv")
    assert roster.frame.loc["7", "name"] == "Ann"
    (issue,) = roster.issues
    assert issue.kind == "duplicate_id"
    assert (issue.file, issue.row, issue.column, issue.value) == ("r.csv", 4, "id", "7")
    assert "already appears in row 2" in issue.message


def test_rows_without_id_and_people_without_department_are_reported():
    roster = read_roster(b"id,name,afdeling\n,Ghost,A\n2,Ben,\n3,Cas,B\n", filename="r.csv")
    kinds = {(i.kind, i.row) for i in roster.issues}
    assert kinds == {("missing_id", 2), ("missing_department", 3)}
    assert list(roster.frame.index) == ["2", "3"]
    assert pd.isna(roster.frame.loc["2", "department"])


def test_roster_without_department_column_is_reported_once():
    roster = read_roster(b"id,name\n1,Ann\n2,Ben\n")
    assert [i.kind for i in roster.issues] == ["missing_department"]
    assert "no department column" in roster.issues[0].message


def test_excel_float_ids_and_xlsx_input():
    frame = pd.DataFrame({"Personeelsnummer": [101.0, 102.0], "Naam": ["A", "B"], "Afdeling": ["X", "Y"]})
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    roster = read_roster(buffer.getvalue(), filename="roster.xlsx")
    assert list(roster.frame.index) == ["101", "102"]


def test_consent_and_responded_columns_are_parsed_as_booleans():
    roster = read_roster(b"id,naam,afdeling,toestemming\n1,A,X,ja\n2,B,X,nee\n3,C,X,\n")
    assert roster.frame["consent"].tolist() == [True, False, False]
    with pytest.raises(RosterError, match=r"row 2, column 'toestemming': 'misschien' is not a yes/no value"):
        read_roster(b"id,naam,afdeling,toestemming\n1,A,X,misschien\n")


def test_managers_given_by_name_or_email_become_ids():
    data = b"id,name,email,department,manager\n1,Ann,ann@x,A,\n2,Ben,ben@x,A,Ann\n3,Cas,cas@x,A,BEN@X\n4,Dan,,A,Nobody\n"
    managers = read_roster(data).frame["manager"].tolist()
    assert managers[1:] == ["1", "2", "Nobody"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"old Excel 97-2003 \(.xls\)"),
        (b"PK\x03\x04garbage", "the Excel file is damaged"),
        (b"\x00\x01\x02binary\x00", "not a text \\(CSV\\) or Excel"),
    ],
)
def test_unreadable_files_say_what_to_do(data, message):
    with pytest.raises(FileFormatError, match=message):
        read_roster(data, filename="roster.dat")


def test_missing_file(tmp_path):
    with pytest.raises(FileFormatError, match="file not found. Check the path"):
        read_roster(tmp_path / "nope.csv")


def test_dataframe_input_rows_are_numbered_like_a_spreadsheet():
    frame = pd.DataFrame({"id": ["1", "1"], "name": ["A", "B"], "department": ["X", "X"]})
    (issue,) = read_roster(frame, filename="roster").issues
    assert issue.row == 3
