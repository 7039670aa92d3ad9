"""Whatever is uploaded, the readers return a network or raise an OnaError with a message — nothing else.

Property-based (hypothesis): arbitrary bytes, real exports with bytes cut out, inserted or flipped, damaged
workbooks, and random tables built from the headers and answers real exports use. Each example must finish
within the deadline, so a hang shows up as a failure.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from ona import OnaError, load_network, read_roster
from ona.io.survey import read_survey

FIXTURES = Path(__file__).parent / "fixtures" / "surveys"
ROSTER = read_roster(FIXTURES / "roster.csv")
EXPORTS = {p.name: p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.suffix in (".csv", ".xlsx")
           and p.name != "roster.csv"}
SETTINGS = settings(max_examples=120, deadline=5000, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)

HEADERS = [
    "ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Start time", "Completion time", "Email", "Name",
    "Tijdstempel", "Timestamp", "E-mailadres", "Email address", "StartDate", "RecordedDate", "ResponseId",
    "DistributionChannel", "Finished", "RecipientEmail", "id", "submitdate", "lastpage", "startlanguage",
    "Respondent ID", "Collector ID", "End Date", "Email Address", "Custom Data 1", "Q1_1", "Q1_2", "Q2_5_TEXT",
    "advies[SQ001]", "advies[other]", "Bij wie ga je voor advies over je werk? (persoon 1)",
    "Bij wie ga je voor advies over je werk? [Persoon 2]", "Met wie zou je een gevoelige werkkwestie bespreken?",
    "Hoe vaak werk je samen met de afdeling Publiekszaken?", "Hoe vaak werk je samen met deze personen? [Persoon 1]",
    "Met welke collega's werk je wekelijks samen?", "Wat is je naam?", "Opmerkingen", "", "Other (please specify)",
]
CELLS = [
    "", "1", "Y", "x", "Jan", "Iris de Vries", "Meer, Pieter van der", "anna.deboer@gemeente.nl", "P03",
    "Karin Jansen;Femke Visser;", "Publiekszaken, Ruimte & Wonen", "Wekelijks", "Nooit", "Weet ik niet", "2,5",
    "4-3-2025 9:15:22", "03/13/2025 01:05:00 PM", "2025-03-04 09:15:22", "preview", "Survey Preview", "False",
    '{"ImportId":"QID1_1"}', "45720.5", "0001-01-01", "99/99/9999", "\u00a0", "=SUM(A1)", "Zoë Özdemir",
    "a" * 300, "(", ")", "[x]", "v/d", "en", ",", ";",
]


def _check(call) -> None:
    try:
        call()
    except OnaError as exc:
        assert str(exc).strip(), "an OnaError needs a message"


@given(st.binary(max_size=3000))
@SETTINGS
def test_arbitrary_bytes(data):
    _check(lambda: read_survey(data, ROSTER, filename="upload.csv"))
    _check(lambda: load_network(data, ROSTER, filename="upload.csv"))


@st.composite
def mangled(draw):
    name = draw(st.sampled_from(sorted(EXPORTS)))
    data = bytearray(EXPORTS[name])
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["cut", "insert", "flip", "truncate", "duplicate"]))
        if action == "cut":
            del data[at:at + draw(st.integers(1, 200))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = data[max(0, at - 300):at]
    return name, bytes(data)


@given(mangled())
@SETTINGS
def test_mangled_real_exports(case):
    name, data = case
    _check(lambda: read_survey(data, ROSTER, filename=name))


@st.composite
def random_table(draw):
    width = draw(st.integers(1, 8))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(st.one_of(st.sampled_from(CELLS), st.text(max_size=12)), min_size=0,
                                  max_size=width + 1), max_size=8))
    extra_header = draw(st.booleans())
    return [header, *([["", *header[1:]]] if extra_header else []), *rows]


@given(random_table(), st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
@SETTINGS
def test_random_tables_as_csv(rows, delimiter, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    _check(lambda: read_survey(data, ROSTER, filename="survey.csv"))
    _check(lambda: read_survey(data, ROSTER, filename="survey.csv", relations={"advies": "advice"}))


@given(random_table())
@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
def test_random_tables_as_xlsx(rows):
    book = Workbook()
    buffer = io.BytesIO()
    try:
        for row in rows:
            book.active.append(row)
        book.save(buffer)
    except IllegalCharacterError:  # openpyxl refuses control characters; such a workbook cannot exist
        return
    _check(lambda: read_survey(buffer.getvalue(), ROSTER, filename="survey.xlsx"))


@pytest.mark.parametrize("data", [b"\xff\xfeA", b"\xfe\xff\x00", b"\xef\xbb\xbf", b"PK\x03\x04", b"\r\n\r\n",
                                  b'"unclosed,quote\n1,2', b"a,b\n" + b"x" * 200_000 + b",1\n"])
def test_awkward_byte_sequences(data):
    _check(lambda: read_survey(data, ROSTER, filename="upload.csv"))
    _check(lambda: load_network(data, ROSTER, filename="upload.csv"))


@pytest.mark.parametrize("platform", ["msforms", "qualtrics", "googleforms", "limesurvey", "surveymonkey", "generic"])
def test_every_platform_reader_on_every_fixture(platform):
    """Forcing the wrong platform on a real export gives a network or an OnaError, never a crash."""
    for name, data in EXPORTS.items():
        _check(lambda: read_survey(data, ROSTER, filename=name, platform=platform))
