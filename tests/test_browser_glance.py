"""Issue 12 in a real headless Chromium, in Dutch and English: the finding cards headed by whom they are about with
their confidence, the People page's explained columns, and the network page's readable department filter.
Screenshots go to tests/artifacts/ (glance_*.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is installed by ./test.sh")
from playwright.sync_api import Browser  # noqa: E402

from test_browser import TIMEOUT, Session, browser, server  # noqa: E402,F401  (the shared server and browser)

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


def _grid_cells(session: Session, holding: str) -> str:
    """The text of the first data grid's accessible cells, once one holds `holding` (the grid draws on a canvas)."""
    page = session.page
    page.locator("[data-testid=stDataFrame] td", has_text=holding).first.wait_for(state="attached", timeout=TIMEOUT)
    return page.locator("[data-testid=stDataFrame]").first.evaluate(
        "el => Array.from(el.querySelectorAll('td')).map(c => c.textContent).join(' | ')")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_findings_are_headed_by_whom_they_are_about(browser: Browser, server: str, lang: str) -> None:  # noqa: F811
    session = Session(browser, server, "nl-NL" if lang == "nl" else "en-GB")
    try:
        session.go("Overzicht" if lang == "nl" else "Overview")
        heading = "Overbelast: Ingrid Smit (Bedrijfsvoering)" if lang == "nl" else \
            "Overloaded: Ingrid Smit (Bedrijfsvoering)"
        session.text(heading)
        session.text("zekerheid hoog" if lang == "nl" else "high confidence")
        page = session.page  # the card: the innermost block that holds the heading
        card = page.locator("[data-testid=stVerticalBlock]").filter(has=page.get_by_text(heading, exact=True)).last
        card.scroll_into_view_if_needed()
        card.get_by_text("Onderbouwing" if lang == "nl" else "Evidence").first.click()
        session.wait_idle()
        session.shot(f"glance_01_finding_{lang}")
        text = card.inner_text()
        assert "p value" not in text and "threshold" not in text and "drempel" not in text
        assert session.outside == [] and session.dialogs == []
    finally:
        session.close()


def test_people_page_for_hr_in_dutch(dutch: Session) -> None:
    dutch.go("Mensen")
    dutch.text("Verbindt afdelingen")
    dutch.text("Op wie velen leunen")
    cells = _grid_cells(dutch, "Jan de Vries")
    assert "True" not in cells and "False" not in cells
    dutch.shot("glance_02_people_nl")
    dutch.page.get_by_text("Alle kengetallen").first.click()
    dutch.wait_idle()
    _grid_cells(dutch, "Senior medewerker")  # every measure, and the roster's other columns (role ...)
    dutch.shot("glance_03_people_all_nl")
    assert dutch.outside == [] and dutch.dialogs == []


def test_people_page_for_hr_in_english_and_the_network_filter(english: Session) -> None:
    english.go("People")
    english.text("Connects departments")
    english.text("Many depend on")
    _grid_cells(english, "Ingrid Smit")
    english.shot("glance_04_people_en")
    english.go("Network")
    english.text("Show departments")
    canvas = english.page.locator("iframe").first.bounding_box()
    for department in ("Bedrijfsvoering", "Openbare Ruimte", "Ruimte & Wonen", "Sociaal Domein"):
        chip = english.page.locator(f"[data-testid=stMultiSelect] [data-tag][aria-label='{department}']").first
        chip.wait_for(timeout=TIMEOUT)
        box = chip.bounding_box()
        label = chip.locator("span").first  # the full name fits: its text is not clipped
        assert box is not None and label.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        assert canvas is not None and box["y"] + box["height"] <= canvas["y"]  # above the drawing, not under it
    english.shot("glance_05_network_en")
    assert english.outside == [] and english.dialogs == []
