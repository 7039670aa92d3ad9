"""Bad input is reported, never swallowed: quotes, empty tables, duplicate columns, invisible characters,
Excel dates, oversized spreadsheets and very long or very repetitive reports.

Expected values are worked out from the small inputs written in each test. Time and memory of the
large versions are measured by bench/bad_inputs.py (BENCHMARKS.md), not here.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from openpyxl import Workbook

import ona
from ona.exceptions import FileFormatError, RosterError, TieListError
from ona.io import files
from ona.io.files import read_tables
from ona.io.report_text import format_report
from ona.report import MAX_LISTED

ROSTER = b"id,name,department\nE001,Ana de Vries,HR\nE002,Bo Jansen,IT\nE003,Cas Smit,IT\n"


def test_an_unclosed_quote_names_the_row_where_the_cell_began_and_swallows_nothing():
    rows = "".join(f"E00{1 + i % 3},E00{1 + (i + 1) % 3},advice\n" for i in range(20))
    data = ("source,target,relation\n" + rows[:60] + 'E001,"E002,advice\n' + rows[60:]).encode()
    with pytest.raises(FileFormatError) as info:
        ona.read_network(data, ROSTER, filename="ties.csv")
    row = 1 + rows[:60].count("\n") + 1  # header, the complete rows before it, then the broken one
    assert str(info.value).startswith(f"ties.csv, row {row}: a quoted cell starts here and its closing quote is "
                                      "missing")
    assert info.value.message("nl").startswith(f"ties.csv, rij {row}: hier begint een cel")


def test_quotes_inside_a_cell_are_read_as_text():
    net = ona.read_network(b'source,target,note\nE001,E002,zei "hoi\nE002,E003,ok\n', ROSTER, relation="advice")
    assert len(net.ties) == 2


def test_a_header_only_edge_list_is_an_error_not_an_empty_network():
    with pytest.raises(TieListError, match=r"^ties\.csv: the edge list has column headers but no rows of ties"):
        ona.read_network(b"source,target,relation\n", ROSTER, filename="ties.csv")


def test_a_header_only_roster_and_survey_are_reported():
    with pytest.raises(RosterError, match="the roster has column headers but no rows of people"):
        ona.read_roster(b"id,name,department\n", filename="roster.csv")
    with pytest.raises(ona.SurveyFormatError, match=r"export has column headers but no responses"):
        ona.read_survey(b"Tijdstempel,E-mailadres,Bij wie ga je voor advies?\n", ROSTER, filename="leeg.csv")


def test_duplicate_columns_are_reported_and_the_first_is_used():
    roster = ona.read_roster(b"id,name,department,department\nE1,Ana,HR,IT\nE2,Bo,IT,HR\n", filename="r.csv")
    assert roster.frame.loc["E1", "department"] == "HR"
    (issue,) = [i for i in roster.issues if i.kind == "duplicate_column"]
    assert issue.message == "more than one column can be the department: 'department' and department; the first is used"
    net = ona.read_network(b"source,target,target\nE001,E002,E003\n", ROSTER, relation="advice", filename="t.csv")
    assert net.ties[["source", "target"]].values.tolist() == [["E001", "E002"]]
    assert net.report.counts()["duplicate_column"] == 1


def test_invisible_characters_and_wide_letters_do_not_make_other_people():
    roster = ona.read_roster("id,name,department\nE001,Ana,HR\nE001\u200b,Ana,HR\nＥ００２,Bo,IT\n".encode(),
                             filename="r.csv")
    assert list(roster.frame.index) == ["E001", "E002"]
    (merged,) = [i for i in roster.issues if i.kind == "duplicate_id"]
    assert "'E001<U+200B>' is the same as 'E001' in row 2 once invisible characters" in merged.message
    ties = "source,target\nE001,E002\n\u200fE002,E001\nE００1,E002\n".encode()
    net = ona.read_network(ties, ROSTER, relation="advice", filename="t.csv")
    assert sorted(map(tuple, net.ties[["source", "target"]].values.tolist())) == [("E001", "E002"), ("E002", "E001")]
    cleaned = [i.message for i in net.report.of_kind("normalised_id")]
    assert "'<U+200F>E002' read as E002 (invisible characters or wide letters removed)" in cleaned
    assert "'E００1' read as E001 (invisible characters or wide letters removed)" in cleaned
    assert net.report.counts()["duplicate_tie"] == 1  # E001 -> E002 twice, once written with wide digits


def test_group_names_that_differ_only_invisibly_are_one_group_with_a_line():
    roster = ona.read_roster("id,name,department\nE1,Ana,HR\nE2,Bo,HR\u200b\n".encode(), filename="r.csv")
    assert set(roster.frame["department"]) == {"HR"}
    assert any(i.kind == "normalised_id" and "'HR' is written in several ways" in i.message for i in roster.issues)


def test_ids_that_excel_turned_into_dates_are_reported_as_dates():
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "name", "department"])
    sheet.append([pd.Timestamp("2025-03-01").to_pydatetime(), "Ana", "HR"])
    sheet.append(["E2", "Bo", "IT"])
    buffer = io.BytesIO()
    book.save(buffer)
    roster = ona.read_roster(buffer.getvalue(), filename="personeel.xlsx")
    (issue,) = [i for i in roster.issues if i.kind == "date_id"]
    assert issue.message.startswith("id '2025-03-01 00:00:00' looks like a date: Excel turns ids such as 1-3 into")
    net = ona.read_network(b"source,target\nE2,1-3-2025\n", roster, relation="advice", filename="t.csv")
    (unknown,) = net.report.of_kind("unknown_person")
    assert unknown.message.startswith("'1-3-2025' is a date, not an id")


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_spreadsheets_are_limited_by_parts_before_parsing(monkeypatch):
    monkeypatch.setattr(files, "MAX_XLSX_PARTS", 10)
    data = _zip({"xl/workbook.xml": b"<workbook/>", **{f"xl/p{i}.xml": b"<x/>" for i in range(12)}})
    with pytest.raises(FileFormatError, match=r"consists of 13 parts, more than the limit of 10"):
        read_tables(data, filename="veel.xlsx")


def test_spreadsheets_are_limited_by_sheets_before_parsing(monkeypatch):
    monkeypatch.setattr(files, "MAX_XLSX_SHEETS", 3)
    book = Workbook()
    for i in range(4):
        book.create_sheet(f"relatie{i}")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(FileFormatError, match=r"has 5 sheets, more than the limit of 3. Keep only the needed sheets"):
        read_tables(buffer.getvalue(), filename="bladen.xlsx")


def test_spreadsheets_are_limited_by_declared_and_read_rows(monkeypatch):
    monkeypatch.setattr(files, "MAX_XLSX_CELLS", 100)
    book = Workbook()
    for i in range(60):
        book.active.append([f"E{i}", f"E{i + 1}"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(FileFormatError, match=r"sheet 'Sheet' is too large: ona reads at most .* Export the sheet as "
                                              r"CSV"):
        read_tables(buffer.getvalue(), filename="groot.xlsx")
    # the same without a <dimension>: stopped while reading, at the limit
    data = _zip({"[Content_Types].xml": b"", **{n: zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read(n)
                                                 for n in zipfile.ZipFile(io.BytesIO(buffer.getvalue())).namelist()}})
    archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    parts = {n: archive.read(n) for n in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b'<dimension ref="A1:B60"/>', b"")
    del data
    with pytest.raises(FileFormatError, match="is too large"):
        read_tables(_zip(parts), filename="groot.xlsx")


def test_csv_tables_are_limited_by_cells(monkeypatch):
    monkeypatch.setattr(files, "MAX_CELLS", 50)
    data = b"source,target\n" + b"E001,E002\n" * 30
    with pytest.raises(FileFormatError, match=r"the file has more than .* rows or 50 cells"):
        read_tables(data, filename="lang.csv")


def test_repeated_items_are_counted_not_listed():
    data = b"source,target\n" + b"E001,E002\n" * 5000
    net = ona.read_network(data, ROSTER, relation="advice", filename="dubbel.csv")
    assert net.report.counts()["duplicate_tie"] == 4999
    assert len(net.report.of_kind("duplicate_tie")) == MAX_LISTED
    text = format_report(net)
    assert "… and 4,799 more of this kind (not listed one by one)" in text
    assert len(text) < 60_000
    assert "… en nog 4.799 van deze soort" in format_report(net, lang="nl")


def test_long_cells_are_shortened_in_the_report():
    long_id = "X" * 10_000
    net = ona.read_network(f"source,target\nE001,{long_id}\n".encode(), ROSTER, relation="advice", filename="t.csv")
    (issue,) = net.report.of_kind("unknown_person")
    assert len(issue.value) <= 160 and len(issue.message) < 300
    assert len(format_report(net)) < 2_000
