"""The app in a real headless Chromium: the network really draws, uploads work, languages switch, markup stays text.

Runs ``streamlit run app.py`` on a free port and drives Debian's Chromium
(/usr/bin/chromium) with Playwright. Every request to a host other than the
local server is blocked and recorded, so the tests prove the app needs no
internet. Screenshots go to tests/artifacts/ (not committed).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is installed by ./test.sh")
from playwright.sync_api import Browser, Frame, Page, sync_playwright  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
MUNICIPALITY = ROOT / "sample_networks" / "municipality"
CHROMIUM = os.environ.get("ONA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
EVIL = "<img src=x onerror=alert(1)>"
TIMEOUT = 90_000  # ms


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _streamlit(log_name: str, **settings: str) -> Iterator[str]:
    """``streamlit run app.py`` on a free port with these ONA_* settings (no others), until the block ends."""
    port = _free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    for var in [v for v in env if v.startswith("ONA_")]:
        env.pop(var)
    env.update(settings)
    log = (ARTIFACTS / log_name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start; see {log}")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with _streamlit("streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def manager_server() -> Iterator[str]:
    with _streamlit("streamlit_manager.log", ONA_ROLE="manager",
                    ONA_PSEUDONYM_KEY="a long and secret key for the browser tests") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}; ./test.sh installs the Debian package"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Session:
    """One browser tab on the app, recording blocked outside requests and JavaScript dialogs."""

    def __init__(self, browser: Browser, url: str, locale: str) -> None:
        self.context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.page.on("dialog", self._dialog)
        self.page.goto(url)
        self.wait_idle()

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def wait_idle(self) -> None:
        """Until the script has finished running (Streamlit shows a 'running' widget meanwhile)."""
        self.page.wait_for_selector("[data-testid=stSidebar]")
        time.sleep(0.3)
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)

    def text(self, text: str) -> None:
        self.page.get_by_text(text).first.wait_for()

    def go(self, label: str) -> None:
        """Open a page from the sidebar's navigation, and wait until its title has replaced the last page's."""
        heading = self.page.locator("[data-testid=stMain] h1")
        before = heading.first.inner_text() if heading.count() else None
        link = self.page.locator("[data-testid=stSidebarNav] a").filter(has_text=label).first
        target = (link.get_attribute("href") or "").rstrip("/").rsplit("/", 1)[-1]
        link.click()
        self.page.wait_for_url(f"**/{target}", timeout=TIMEOUT)
        self.page.wait_for_function(
            "(before) => { const h = document.querySelector('[data-testid=stMain] h1');"
            " return h && h.innerText !== before; }", arg=before, timeout=TIMEOUT)
        self.wait_idle()

    def upload(self, label: str, path: Path) -> None:
        """Put a file into the sidebar's uploader whose label starts with `label`."""
        uploader = self.page.locator("[data-testid=stSidebar] [data-testid=stFileUploader]").filter(has_text=label)
        # the file's name shows in the uploader once Streamlit has taken it (long names shortened in the middle);
        # a file put in while the script is still rerunning can be dropped on a busy machine: then once more
        for attempt in range(3):
            self.wait_idle()
            uploader.locator("input[type=file]").set_input_files(str(path))
            try:
                uploader.get_by_text(path.name[:7]).first.wait_for(timeout=TIMEOUT // 3)
                break
            except playwright_api.TimeoutError:
                if attempt == 2:
                    raise
        self.wait_idle()

    def graph_frame(self) -> Frame:
        """The iframe holding the network drawing, once vis-network has drawn it."""
        self.page.wait_for_selector("iframe")
        deadline = time.monotonic() + TIMEOUT / 1000
        while time.monotonic() < deadline:
            for frame in self.page.frames:
                if frame != self.page.main_frame and frame.query_selector("body[data-drawn=true]"):
                    return frame
            time.sleep(0.2)
        raise AssertionError("the network was not drawn")

    def shot(self, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


def painted_pixels(frame: Frame) -> int:
    """Pixels of the vis-network canvas that are not background: proof that the graph was drawn."""
    return frame.evaluate("""() => {
        const canvas = document.querySelector('#ona-graph canvas');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 40 && (data[i] < 230 || data[i + 1] < 230 || data[i + 2] < 230)) painted++;
        }
        return painted;
    }""")


def hover_node(session: Session, frame: Frame, node: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    x, y = frame.evaluate(
        "(id) => { const p = window.onaNetwork.canvasToDOM(window.onaNetwork.getPosition(id)); return [p.x, p.y]; }",
        node)
    box = frame.frame_element().bounding_box()
    assert box is not None
    session.page.mouse.move(box["x"] + x, box["y"] + y)
    tooltip = frame.wait_for_selector("div.vis-tooltip", state="visible")
    assert tooltip is not None
    return tooltip.inner_text()


@pytest.fixture
def dutch(browser: Browser, server: str) -> Iterator[Session]:
    session = Session(browser, server, "nl-NL")
    yield session
    session.close()


@pytest.fixture
def english(browser: Browser, server: str) -> Iterator[Session]:
    session = Session(browser, server, "en-GB")
    yield session
    session.close()


def test_opens_in_dutch_and_draws_the_network(dutch: Session) -> None:
    dutch.text("Hoe werkt uw organisatie echt samen?")  # Dutch because the browser asks for it
    dutch.text("Gemeente Veldhoven-aan-Zee (synthetic)")
    dutch.shot("01_start_nl")
    dutch.go("Netwerk")
    frame = dutch.graph_frame()
    assert frame.evaluate("() => window.onaNetwork.body.data.nodes.length") == 250
    assert painted_pixels(frame) > 5_000
    tip = hover_node(dutch, frame, "E0141")
    assert "Jan de Vries" in tip and "Publiekszaken" in tip and "Afdeling" in tip
    dutch.shot("02_network_nl")
    dutch.go("Overzicht")
    dutch.text("Naast elkaar in plaats van samen")  # the side-by-side pairs (issue W2 3/6)
    dutch.shot("03_overview_nl")
    dutch.go("Afdelingen")
    frame = dutch.graph_frame()
    assert painted_pixels(frame) > 2_000
    dutch.shot("04_departments_nl")
    assert dutch.outside == [] and dutch.dialogs == []


def test_upload_the_survey_export_and_switch_language(english: Session) -> None:
    page = english.page
    english.text("How does your organisation really work together?")
    english.upload("Staff roster", MUNICIPALITY / "roster.csv")
    english.upload("Survey export", MUNICIPALITY / "exports" / "msforms_2025.xlsx")
    english.wait_idle()
    english.text("Read 250 people and")
    english.text("Names to review")
    assert page.get_by_text("Microsoft Forms").count() >= 1
    english.shot("05_upload_en")
    english.go("Overview")
    english.text("mostly keeps to itself")
    english.shot("06_overview_upload_en")
    page.locator("[data-testid=stSidebar] label").filter(has_text="Nederlands").first.click()
    english.wait_idle()
    english.text("Bevindingen")
    assert page.get_by_text("Findings", exact=True).count() == 0
    page.locator("[data-testid=stSidebar] label").filter(has_text="English").first.click()
    english.wait_idle()
    english.text("Findings")
    english.go("Network")
    assert painted_pixels(english.graph_frame()) > 5_000
    english.shot("07_network_upload_en")
    assert english.outside == [] and english.dialogs == []


def test_markup_in_a_name_is_shown_as_text_and_never_runs(english: Session, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(f"id,name,department\na,{EVIL},HR\nb,Bo Jansen,HR\nc,Cy Bakker,IT\n", encoding="utf-8")
    ties = tmp_path / "advice.csv"
    ties.write_text("source,target\na,b\nb,c\nc,a\nb,a\n", encoding="utf-8")
    page = english.page
    english.upload("Staff roster", roster)
    english.upload("Survey export", ties)
    english.text("Read 3 people and 4 ties.")
    english.go("Network")
    frame = english.graph_frame()
    assert painted_pixels(frame) > 500
    tip = hover_node(english, frame, "a")
    assert EVIL in tip  # shown literally ...
    assert frame.evaluate("() => document.querySelectorAll('img').length") == 0  # ... not turned into an element
    english.shot("08_markup_in_name")
    english.go("Departments")
    english.graph_frame()
    time.sleep(1)  # give any injected handler the chance to fire
    assert english.dialogs == []
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert english.outside == []


def test_change_page_shows_where_the_change_started(english: Session) -> None:
    page = english.page
    english.text("How does your organisation really work together?")
    english.go("Change")
    english.text("Change between survey waves")
    english.text("Comparing wave")
    english.text("team Omgevingsvergunningen gained 3.4 advice ties")  # the planted spread (README, wave 2026)
    english.text("Between Publiekszaken and Ruimte & Wonen there are now 41 advice ties")  # the gap closes
    origin = page.locator("[data-testid=stMarkdown]").filter(has_text="Origin (team):")
    assert "Omgevingsvergunningen" in origin.inner_text()
    for heading in ("Ties between departments: change", "Growth per team", "Growth per department"):
        english.text(heading)
    page.wait_for_function(  # relations, change matrix, teams, departments (the grid component loads lazily)
        "() => document.querySelectorAll('[data-testid=stDataFrame]').length >= 4", timeout=TIMEOUT)
    english.shot("09_change_en")
    origin.scroll_into_view_if_needed()  # the change matrix, the spread and the team gains
    english.shot("09b_change_spread_en")
    page.locator("[data-testid=stSidebar] label").filter(has_text="Nederlands").first.click()
    english.wait_idle()
    english.text("Verandering tussen metingen")
    nl_origin = page.locator("[data-testid=stMarkdown]").filter(has_text="Oorsprong (team):").first
    nl_origin.wait_for(state="attached", timeout=TIMEOUT)
    assert "Omgevingsvergunningen" in nl_origin.inner_text()
    english.shot("10_change_nl")
    assert english.outside == [] and english.dialogs == []


GEMEENTE40 = ROOT / "tests" / "fixtures" / "gemeente40"


def test_a_limesurvey_code_export_is_refused_in_dutch_then_read_with_its_lss(dutch: Session) -> None:
    page = dutch.page
    dutch.text("Hoe werkt uw organisatie echt samen?")
    dutch.upload("Personeelslijst", GEMEENTE40 / "roster.csv")
    dutch.upload("Enquête-export", GEMEENTE40 / "exports" / "limesurvey_codes.csv")
    dutch.text("deze LimeSurvey-export bevat alleen codes")
    error = page.locator("[data-testid=stAlert]").filter(has_text="LimeSurvey-export").first.inner_text()
    assert "structuurbestand van de enquête (.lss)" in error and "--" not in error and "Traceback" not in error
    dutch.shot("20_limesurvey_codes_refused_nl")
    dutch.upload("Structuurbestand", GEMEENTE40 / "exports" / "enquete.lss")
    dutch.text("40 mensen en 201 banden ingelezen.")
    dutch.text("Vragen en relaties")
    dutch.text("Verwachte samenwerkingen uit de enquête")
    dutch.text("Nog niet geaccepteerd")
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stDataFrame]').length >= 3",
                           timeout=TIMEOUT)
    dutch.shot("21_limesurvey_with_lss_nl")
    section = page.locator("[data-testid=stVerticalBlock]").filter(
        has_text="Verwachte samenwerkingen uit de enquête").filter(has_text="Deze paren gebruiken").last
    section.scroll_into_view_if_needed()
    section.screenshot(path=str(ARTIFACTS / "22_expected_from_survey_nl.png"))
    assert dutch.outside == [] and dutch.dialogs == []


def test_microsoft_forms_in_an_english_ui_needs_no_mapping(english: Session) -> None:
    english.upload("Staff roster", GEMEENTE40 / "roster.csv")
    english.upload("Survey export", GEMEENTE40 / "exports" / "msforms_en.xlsx")
    english.text("Read 40 people and 201 ties.")
    english.text("Questions and relations")
    english.text("Expected collaborations from the survey")
    english.page.wait_for_function("() => document.querySelectorAll('[data-testid=stDataFrame]').length >= 3",
                                   timeout=TIMEOUT)
    english.shot("23_msforms_english_ui_en")
    english.page.get_by_text("Ingest report").first.scroll_into_view_if_needed()
    english.shot("24_report_en")
    assert english.page.locator("[data-testid=stAlert]").filter(has_text="Traceback").count() == 0
    assert english.outside == [] and english.dialogs == []


NORTHFIELD = ROOT / "tests" / "fixtures" / "northfield"


@pytest.mark.parametrize("folder, export, structure, shot", [
    (GEMEENTE40, "msforms_nl.xlsx", None, "25_msforms_nl"),
    (GEMEENTE40, "googleforms.csv", None, "26_googleforms_nl"),
    (GEMEENTE40, "qualtrics_numeric.csv", "enquete.qsf", "27_qualtrics_numeric_nl"),
    (NORTHFIELD, "limesurvey_codes.csv", "survey.lss", "28_northfield_limesurvey_nl"),
    (NORTHFIELD, "msforms.xlsx", None, "29_northfield_msforms_nl"),
])
def test_every_default_export_loads_in_the_dutch_app_with_nothing_to_map(
        dutch: Session, folder: Path, export: str, structure: str | None, shot: str) -> None:
    """Each platform's default export (tests/fixtures: the truth files count the ties) in a real browser."""
    people = len(pd.read_csv(folder / "roster.csv"))
    ties = len(pd.read_csv(folder / "truth_ties.csv"))
    dutch.upload("Personeelslijst", folder / "roster.csv")
    dutch.upload("Enquête-export", folder / "exports" / export)
    if structure:
        dutch.upload("Structuurbestand", folder / "exports" / structure)
    dutch.text(f"{people} mensen en {ties} banden ingelezen.")
    dutch.text("Vragen en relaties")
    page = dutch.page
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stDataFrame]').length >= 3",
                           timeout=TIMEOUT)
    alerts = page.locator("[data-testid=stAlert]").all_inner_texts()
    assert not any("Traceback" in a or "--relation" in a for a in alerts)
    assert page.locator("[data-testid=stAlert] [data-testid=stAlertContentError]").count() == 0
    page.get_by_text("Vragen en relaties").first.scroll_into_view_if_needed()
    dutch.shot(shot)
    assert dutch.outside == [] and dutch.dialogs == []


def test_an_unclear_question_waits_in_the_dutch_question_table(dutch: Session, tmp_path: Path) -> None:
    export = pd.read_csv(GEMEENTE40 / "exports" / "googleforms.csv", dtype=str, keep_default_na=False)
    export["Noem maximaal drie collega's"] = ""
    export.loc[0, "Noem maximaal drie collega's"] = "Sara Koster"
    (tmp_path / "enquete.csv").write_text(export.to_csv(index=False), encoding="utf-8")
    dutch.upload("Personeelslijst", GEMEENTE40 / "roster.csv")
    dutch.upload("Enquête-export", tmp_path / "enquete.csv")
    ties = len(pd.read_csv(GEMEENTE40 / "truth_ties.csv"))
    dutch.text(f"40 mensen en {ties} banden ingelezen.")
    dutch.text("Vragen en relaties")
    grid = dutch.page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    dutch.page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stDataFrame] [role=gridcell]')]"
        ".some(c => c.innerText.includes('kies een relatie'))", timeout=TIMEOUT)
    dutch.shot("30_unclear_question_nl")
    assert dutch.outside == [] and dutch.dialogs == []


@pytest.mark.parametrize("locale, pages, people_title", [
    ("nl-NL", ("Overzicht", "Netwerk", "Afdelingen", "Mensen", "Verandering", "Export"), "Mensen"),
    ("en-GB", ("Overview", "Network", "Departments", "People", "Change", "Export"), "People"),
])
def test_every_page_in_manager_mode(browser: Browser, manager_server: str, locale: str, pages: tuple[str, ...],
                                    people_title: str) -> None:
    """A manager opens every page in both languages: pseudonyms, no names or ids, and what is hidden is said."""
    session = Session(browser, manager_server, locale)
    page, lang = session.page, locale[:2]
    try:
        session.text("Leidinggevendemodus" if lang == "nl" else "Manager mode")
        session.text("Minimale groepsgrootte" if lang == "nl" else "Minimum group size")
        uploaders = page.locator("[data-testid=stSidebar] [data-testid=stFileUploader]")
        uploaders.first.wait_for()  # the sidebar may still be drawing on a busy machine
        session.wait_idle()
        assert uploaders.count() == 1  # workspace only
        session.shot(f"11_manager_start_{lang}")
        for number, label in enumerate(pages):
            session.go(label)
            session.page.locator("h1").first.wait_for()
            if label == people_title:
                page.wait_for_function(
                    "() => document.querySelectorAll('[data-testid=stDataFrame]').length >= 1", timeout=TIMEOUT)
            session.shot(f"12_manager_{number}_{label.lower()}_{lang}")
            body = page.locator("[data-testid=stMain]").inner_text()
            assert "Jan de Vries" not in body and "E0141" not in body, label  # nobody consented; no ids
        assert session.outside == [] and session.dialogs == []
    finally:
        session.close()


def test_the_export_page_gives_the_report_to_take_to_the_meeting(dutch: Session, tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    dutch.go("Export")
    dutch.text("Voor het overleg")
    dutch.shot("export_nl")
    with dutch.page.expect_download(timeout=TIMEOUT * 2) as info:
        dutch.page.get_by_role("button", name="Rapport (PDF)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    doc = pdfium.PdfDocument(path.read_bytes())
    text = " ".join(" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc)))
    assert path.name == "ona_rapport.pdf" and "In het kort" in text and "Versie voor HR" in text
    doc[0].render(scale=1.2).to_pil().save(ARTIFACTS / "export_nl_report_page1.png")
    with dutch.page.expect_download(timeout=TIMEOUT) as info:
        dutch.page.get_by_role("button", name="Afdelingskaart (PNG)").click()
    assert info.value.suggested_filename.endswith(".png")
    assert dutch.outside == []


# -- the Departments page: who works side by side (issue W2 3/6) -------------------------------------------


def shoot_sections(session: Session, stem: str, sections: int = 4) -> list[Path]:
    """Screenshots down the page (charts render when they scroll into view)."""
    paths = []
    height = session.page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    for i, y in enumerate(range(0, max(height, 1), 900)):
        if i >= sections:
            break
        session.page.evaluate(f"() => document.querySelector('[data-testid=stMain]').scrollTo(0, {y})")
        time.sleep(2.0)
        path = ARTIFACTS / f"{stem}_{i + 1}.png"
        session.page.screenshot(path=str(path))
        paths.append(path)
    return paths


def charts_drawn(session: Session, expected: int) -> int:
    """Vega charts that have drawn something, once `expected` charts are on the page (each scrolled into view)."""
    session.page.wait_for_function(
        "(n) => document.querySelectorAll('[data-testid=stVegaLiteChart]').length >= n", arg=expected,
        timeout=TIMEOUT)
    charts = session.page.locator("[data-testid=stVegaLiteChart]")
    drawn = 0
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        time.sleep(1.0)
        try:
            chart.locator("canvas, svg").first.wait_for(timeout=30_000)
            drawn += 1
        except Exception:  # noqa: BLE001 - counted as not drawn
            pass
    return drawn


def test_departments_point_at_the_side_by_side_pairs(dutch: Session) -> None:
    dutch.go("Afdelingen")
    dutch.text("Afdelingen: wie werkt naast elkaar?")
    dutch.text("8 relaties waar er ongeveer 62 te verwachten zijn")  # the Sociaal loket, in words
    assert dutch.page.get_by_text("naast elkaar", exact=True).count() >= 2  # the two red badges
    assert charts_drawn(dutch, 2) == 2  # the declared pairs' bars and the matrix of every pair
    frame = dutch.graph_frame()
    edges = frame.evaluate("() => window.onaNetwork.body.data.edges.get().filter(e => e.label).map(e => e.label)")
    assert "8 van ~62" in edges and "2 van ~55" in edges  # declared pairs labelled in Dutch
    shoot_sections(dutch, "13_departments_nl")
    dutch.page.get_by_role("button", name="Bekijk dit paar").nth(1).click()
    dutch.text("Wie draagt deze banden?")  # the pair view in a dialog, one click from its card
    dutch.shot("13_departments_pair_dialog_nl")
    assert dutch.outside == [] and dutch.dialogs == []


def test_departments_stay_readable_with_32_departments(english: Session, tmp_path: Path) -> None:
    """A generated organisation of 32 departments (tests/test_planted.py), uploaded as files."""
    from test_planted import planted_organisation

    net, declared, truth = planted_organisation(7, 32, (10, 30))
    names = sorted(net.groups().unique())
    extra = [(names[i], names[i + 16], f"Programma {i + 1}") for i in range(0, 12, 2)]
    roster = net.roster.reset_index()[["id", "name", "department", "team"]]
    roster.to_csv(tmp_path / "roster.csv", index=False)
    net.ties[["source", "target", "relation"]].to_csv(tmp_path / "ties.csv", index=False)
    rows = [(c, g) for a, b, c in [*declared, *extra] for g in (a, b)]
    pd.DataFrame(rows, columns=["collaboration", "group"]).to_csv(tmp_path / "collaborations.csv", index=False)
    english.upload("Staff roster", tmp_path / "roster.csv")
    english.upload("Survey export", tmp_path / "ties.csv")
    english.upload("Declared collaborations", tmp_path / "collaborations.csv")
    english.go("Departments")
    a, b = sorted(truth["gap"])
    english.text(f"{a} and {b} (Naast elkaar)")  # the planted side-by-side pair has its card
    assert charts_drawn(english, 2) == 2
    frame = english.graph_frame()
    count = frame.evaluate("() => window.onaNetwork.body.data.nodes.length")
    assert count == 32
    english.text("With 32 departments the drawing shows each department's 2 strongest links")
    shoot_sections(english, "14_departments_32_en", sections=5)
    assert english.outside == [] and english.dialogs == []
