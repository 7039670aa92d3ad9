"""The collaboration scan's pages in a real headless Chromium, in Dutch and English: the five conditions are drawn,
the joint process analysis sheet downloads, and the survey kit downloads as a zip. Screenshots go to
tests/artifacts/ (kit_*.png)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is installed by ./test.sh")
from playwright.sync_api import Browser  # noqa: E402

from test_browser import Session, browser, server  # noqa: E402,F401  (the shared server and browser fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def dutch(browser: Browser, server: str) -> Iterator[Session]:  # noqa: F811
    session = Session(browser, server, "nl-NL")
    yield session
    session.close()


@pytest.fixture
def english(browser: Browser, server: str) -> Iterator[Session]:  # noqa: F811
    session = Session(browser, server, "en-GB")
    yield session
    session.close()


def _bars(session: Session) -> int:
    """Bars drawn in the first Vega chart on the page (the five conditions per group)."""
    session.page.wait_for_selector("[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg")
    return session.page.evaluate("""() => {
        const chart = document.querySelector('[data-testid=stVegaLiteChart]');
        return chart.querySelectorAll('path[aria-roledescription="bar"], .mark-rect path').length
            || (chart.querySelector('canvas') ? 1 : 0);
    }""")


def test_collaborations_in_dutch(dutch: Session) -> None:
    dutch.go("Samenwerkingen")
    dutch.text("Betrokken: Ruimte & Wonen, Publiekszaken")
    dutch.text("Sterkst: Ambitie (3,7). Zwakst: Proces (2,3).")
    assert _bars(dutch) > 0
    dutch.text("Omgevingswet: proces scoort het laagst")
    dutch.text("Gezamenlijke procesanalyse: Ruimte & Wonen en Publiekszaken")
    dutch.shot("kit_01_collaboration_nl")
    with dutch.page.expect_download() as info:
        dutch.page.get_by_text("Werkblad downloaden (HTML)").click()
    sheet = info.value.path().read_text(encoding="utf-8")
    assert "Vragen voor de werksessie" in sheet and "<script" not in sheet
    page = dutch.page
    page.locator("label").filter(has_text="Sociaal loket").first.click()
    dutch.wait_idle()
    dutch.text("Gezamenlijke procesanalyse: Sociaal Domein en Publiekszaken")
    dutch.wait_idle()
    # the carriers' table is a data grid drawn on a canvas; its accessible cells hold the names
    page.locator("[data-testid=stDataFrame] td", has_text="Jan de Vries").first.wait_for(state="attached")
    page.get_by_text("Bevindingen en suggesties").first.scroll_into_view_if_needed()
    dutch.shot("kit_02_collaboration_sociaal_loket_findings_nl")
    page.get_by_text("Waar scoort organisatie laag").first.scroll_into_view_if_needed()
    dutch.wait_idle()
    dutch.shot("kit_02_collaboration_sociaal_loket_sheet_nl")
    assert dutch.outside == [] and dutch.dialogs == []


def test_collaborations_and_the_survey_kit_in_english(english: Session) -> None:
    english.go("Collaborations")
    english.text("Strongest: Ambition (3.7). Weakest: Process (2.3).")
    english.text("Publiekszaken sees ‘process’ very differently from Ruimte & Wonen")
    assert _bars(english) > 0
    english.shot("kit_03_collaboration_en")
    english.go("Design the survey")
    english.text("11 questions, 4 collaboration(s), 250 people on the staff list.")
    english.text("Collaboration “Omgevingswet”: how far do you agree with these statements?")
    english.page.get_by_text("Ask who people think come to them").first.wait_for()
    english.wait_idle()
    english.shot("kit_04_survey_kit_en")
    with english.page.expect_download() as info:
        english.page.get_by_text("Download the survey kit (zip)").click()
    names = zipfile.ZipFile(io.BytesIO(info.value.path().read_bytes())).namelist()
    assert "ona-survey-kit/limesurvey.lss" in names and "ona-survey-kit/qualtrics.qsf" in names
    assert english.outside == [] and english.dialogs == []


def test_the_survey_kit_in_dutch(dutch: Session) -> None:
    dutch.go("Enquête ontwerpen")
    dutch.text("11 vragen, 4 samenwerking(en), 250 mensen op de personeelslijst.")
    dutch.text("Samenwerking “Omgevingswet”: in hoeverre ben je het eens met deze uitspraken?")
    dutch.page.get_by_text("Vraag wie volgens iemand bij hem of haar komt").first.wait_for()
    dutch.wait_idle()
    dutch.shot("kit_05_survey_kit_nl")
    assert dutch.outside == [] and dutch.dialogs == []
