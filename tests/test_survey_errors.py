"""Bad survey input: every error names the file (and row/column where there is one) and says what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ona import FileFormatError, OnaError, RosterError, SurveyFormatError, read_roster
from ona.io.survey import read_resolutions, read_survey

FIXTURES = Path(__file__).parent / "fixtures" / "surveys"
ROSTER = b"id,naam,e-mail,afdeling\nE1,Ana de Vries,ana@x.nl,HR\nE2,Bo Jansen,bo@x.nl,IT\nE3,Bo Smit,bs@x.nl,IT\n"


@pytest.fixture(scope="module")
def roster():
    return read_roster(ROSTER, filename="roster.csv")


def _xlsx(rows: list[list[object]], title: str = "Sheet1") -> bytes:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_file_not_found(roster, tmp_path):
    with pytest.raises(FileFormatError, match=r"nope\.xlsx: file not found\. Check the path"):
        read_survey(tmp_path / "nope.xlsx", roster)


def test_empty_file(roster):
    with pytest.raises(FileFormatError, match=r"^survey\.csv: the file is empty\. Export the data again\.$"):
        read_survey(b"  \n", roster, filename="survey.csv")


def test_old_binary_excel(roster):
    with pytest.raises(FileFormatError, match=r"survey\.xls: this is an old Excel 97-2003 .* save it as \.xlsx"):
        read_survey(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, roster, filename="survey.xls")


def test_a_picture_instead_of_an_export(roster):
    with pytest.raises(FileFormatError, match=r"photo\.png: this is not a text \(CSV\) or Excel \(XLSX\) file"):
        read_survey(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), roster, filename="photo.png")


def test_a_zip_that_is_no_workbook(roster):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("answers.txt", "hello")
    with pytest.raises(FileFormatError, match=r"export\.xlsx: this is a zip archive but not an Excel workbook"):
        read_survey(buffer.getvalue(), roster, filename="export.xlsx")


def test_unknown_platform(roster):
    with pytest.raises(SurveyFormatError, match=r"unknown survey platform 'Typeform'\. Use one of 'qualtrics'"):
        read_survey(FIXTURES / "googleforms_nl.csv", roster, platform="Typeform")


def test_a_sheet_that_does_not_exist(roster):
    data = _xlsx([["Tijdstempel", "Bij wie ga je voor advies?"], ["4-3-2025 9:00:00", "Bo Jansen"]])
    with pytest.raises(SurveyFormatError, match=r"export\.xlsx: the workbook has no sheet 'Blad2' \(it has 'Sheet1'\)"):
        read_survey(data, roster, filename="export.xlsx", sheet="Blad2")


def test_an_unclear_question_lists_the_questions_and_how_to_map_them(roster):
    export = (b"Tijdstempel,E-mailadres,Noem maximaal drie collega's,Hoe tevreden ben je?\n"
              b"4-3-2025 9:00:00,ana@x.nl,Bo Jansen,Tevreden\n")
    with pytest.raises(SurveyFormatError) as info:
        read_survey(export, roster, filename="enquete.csv")
    message = str(info.value)
    assert message.startswith("enquete.csv: cannot tell which relation the question \"Noem maximaal drie collega's\"")
    assert "relations={\"Noem maximaal drie collega's\": 'advice'}" in message
    assert "--relation \"Noem maximaal drie collega's=advice\"" in message
    assert "C: \"Noem maximaal drie collega's\" -> ? (names typed in text boxes)" in message
    # ... and mapping it as the message says works
    net = read_survey(export, roster, relations={"Noem maximaal drie": "advice"})
    assert net.ties[["source", "target"]].values.tolist() == [["E1", "E2"]]


def test_a_mapping_that_fits_no_question(roster):
    with pytest.raises(SurveyFormatError, match=r"googleforms_nl\.csv: the relation mapping 'vriendschap' fits no "
                                                r"question in this export\. Use a column code or a piece of the "
                                                r"question text\. The questions are:\n  C: 'Bij wie ga je"):
        read_survey(FIXTURES / "googleforms_nl.csv", FIXTURES / "roster.csv", relations={"vriendschap": "friendship"})


def test_a_survey_without_questions_about_colleagues(roster):
    export = b"Timestamp,Email address,How satisfied are you?\n3/4/2025 9:00:00,ana@x.nl,Very satisfied\n"
    with pytest.raises(SurveyFormatError, match=r"tevredenheid\.csv: no question in this export asks about "
                                                r"colleagues .* Check that this is the network survey's export"):
        read_survey(export, roster, filename="tevredenheid.csv")


def test_an_export_without_question_columns(roster):
    with pytest.raises(SurveyFormatError, match=r"forms\.xlsx: the Microsoft Forms export has no question columns\. "
                                                r"Export the responses with the questions included"):
        read_survey(_xlsx([["ID", "Start time", "Completion time", "Email", "Name"],
                           [1, "2025-03-04 09:00:00", "2025-03-04 09:05:00", "ana@x.nl", "Ana"]]),
                    roster, filename="forms.xlsx")


def test_too_many_responses(roster):
    rows = "".join(f"4-3-2025 9:00:{i:02d},ana@x.nl,Bo Jansen\n" for i in range(12)).encode()
    with pytest.raises(SurveyFormatError, match=r"big\.csv: the export has 12 rows, more than the limit of 10 "
                                                r"responses\. Split the export"):
        read_survey(b"Tijdstempel,E-mailadres,Bij wie ga je voor advies?\n" + rows, roster, filename="big.csv",
                    max_rows=10)


def test_an_upload_that_is_too_large(roster):
    data = b"Tijdstempel,E-mailadres,Bij wie ga je voor advies?\n" + b"4-3-2025 9:00:00,ana@x.nl,Bo Jansen\n" * 70_000
    with pytest.raises(FileFormatError, match=r"huge\.csv: the file is 2 MB, more than the limit of 1 MB\. Split it"):
        read_survey(data, roster, filename="huge.csv", max_bytes=2**20)


def test_a_decision_naming_someone_not_on_the_roster(roster):
    with pytest.raises(SurveyFormatError, match=r"the decision for 'Iris de Vries' names 'E9999', which is not an id "
                                                r"or e-mail on the roster\. Correct the id in your resolutions"):
        read_survey(FIXTURES / "limesurvey_full.csv", FIXTURES / "roster.csv",
                    resolutions={"Iris de Vries": "E9999"})


def test_a_decisions_file_without_the_id_column():
    with pytest.raises(SurveyFormatError, match=r"besluiten\.csv: the decisions file needs the columns 'name' and "
                                                r"'id' \(it has naam, keuze\)\. Start from the file written by "
                                                r"write_review"):
        read_resolutions(b"naam,keuze\nJan,E1\n", filename="besluiten.csv")


def test_a_decisions_file_deciding_a_name_twice():
    with pytest.raises(SurveyFormatError, match=r"besluiten\.csv, row 3, column 'id': 'Jan' is decided twice, as "
                                                r"'E1' \(row 2\) and as 'E2'\. Keep one decision"):
        read_resolutions(b"name,id\nJan,E1\nJan,E2\n", filename="besluiten.csv")


def test_a_roster_without_ids_or_emails(tmp_path):
    (tmp_path / "personeel.csv").write_text("functie,afdeling\nadviseur,HR\n")
    with pytest.raises(RosterError, match=r"personeel\.csv: no id or e-mail column found \(columns are: functie, "
                                          r"afdeling\)\. Add a column 'id'"):
        read_survey(FIXTURES / "googleforms_nl.csv", tmp_path / "personeel.csv")


def test_every_error_is_an_ona_error(roster):
    with pytest.raises(OnaError):
        read_survey(b"\x00\x01\x02", roster)
