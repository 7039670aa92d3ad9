"""Reports (issue W2 5/6) with the collaboration scan (W2 4/6): each declared collaboration's page shows its five
conditions as a chart and is followed by the joint process analysis sheet; each finding says how certain it is;
the method notes say how missing answers were treated and how key players are found; a sample's title is in the
reader's language; ``ona draw`` draws what the reader's view holds.

Text is read back from the PDF (pypdfium2) and the deck (python-pptx); the collaboration pages are written as PNG
into tests/artifacts/ in both languages. Expected figures are the sample's planted answers
(sample_networks/municipality/README.md, "Collaboration scan").
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ona import samples
from ona.cli import main
from ona.documents import build_report, to_pdf, to_pptx, view_source
from ona.documents.content import Picture
from ona.io.expected import read_expected
from ona.privacy import PrivacyPolicy
from ona.views import AnalystView, ManagerView

pdfium = pytest.importorskip("pypdfium2")

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _pages(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    return [" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]


def _slides(data: bytes) -> list[tuple[str, list[str], str]]:
    """(title, picture names, all text) per slide."""
    from pptx import Presentation

    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        parts, pictures = [], []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.shape_type == 13:
                pictures.append(shape.name)
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        out.append((title, pictures, " ".join(" ".join(parts).split())))
    return out


@pytest.fixture(scope="module")
def net_expected():
    net = samples.load("municipality")
    return net, read_expected(samples.expected_collaborations_path("municipality"), net)


@pytest.fixture(scope="module")
def analyst(net_expected):
    net, expected = net_expected
    view = AnalystView(net, expected=expected)
    view.prepare(n_permutations=0)
    source = view_source(view, n_permutations=0)
    return {lang: build_report(source, lang) for lang in ("nl", "en")}


@pytest.fixture(scope="module")
def analyst_pdf(analyst):
    return {lang: to_pdf(content) for lang, content in analyst.items()}


def _section(content, key):
    return next(s for s in content.sections if s.key == key)


def test_a_collaborations_page_shows_its_five_conditions_and_is_followed_by_its_sheet(analyst, analyst_pdf):
    for lang, best in (("nl", "Sterkst: Ambitie (3,7). Zwakst: Proces (2,3)."),
                       ("en", "Strongest: Ambition (3.7). Weakest: Process (2.3).")):
        content = analyst[lang]
        keys = [s.key for s in content.sections]
        assert keys.index("sheet_1") == keys.index("pair_1") + 1
        page = _section(content, "pair_1")
        pictures = [b for b in page.blocks if isinstance(b, Picture)]
        assert [p.name for p in pictures] == ["conditions_Omgevingswet"]
        svg = pictures[0].svg.decode()
        assert "Ruimte &amp; Wonen" in svg and "Publiekszaken" in svg
        assert ("Proces" if lang == "nl" else "Process") in svg and ("1,8" if lang == "nl" else "1.8") in svg
        text = " ".join(_pages(analyst_pdf[lang]))
        assert best in text
    nl = " ".join(_pages(analyst_pdf["nl"]))
    # the sheet: who carries the hand-offs (names, for HR), ties against expected, the conditions, the questions
    assert "Gezamenlijke procesanalyse: Ruimte & Wonen en Publiekszaken" in nl
    assert "Wie de overdrachten dragen — Ruimte & Wonen: 2, Publiekszaken: 2" in nl
    assert "Tom de Boer" in nl and "Jan de Vries" in nl
    assert "Vragen voor de werksessie" in nl and "Waar scoort proces laag" in nl
    en = " ".join(_pages(analyst_pdf["en"]))
    assert "Joint process analysis: Sociaal Domein and Publiekszaken" in en and "Where does organisation score low" in en
    # a healthy pair with many carriers lists the 12 with most ties and counts the rest
    assert "And 33 more people with fewer ties to the other department." in en


def test_the_deck_has_the_conditions_chart_and_the_sheet_as_native_tables(analyst):
    slides = _slides(to_pptx(analyst["en"]))
    chart = [s for s in slides if "conditions_Omgevingswet" in s[1]]
    assert len(chart) == 1 and chart[0][0] == "Omgevingswet: Ruimte & Wonen and Publiekszaken"
    sheet = [s for s in slides if s[0] == "Joint process analysis: Ruimte & Wonen and Publiekszaken"]
    assert any("Tom de Boer" in s[2] for s in sheet)
    assert any("Questions for the working session" in s[2] for s in sheet)


def test_every_finding_says_how_certain_it_is(analyst_pdf, analyst):
    nl = " ".join(_pages(analyst_pdf["nl"]))
    assert "Belang: hoog · zekerheid hoog" in nl
    assert "Zekerheid hoog. De laagste respons van de betrokken afdelingen is 80% (Openbare Ruimte)." in nl
    en = " ".join(_pages(analyst_pdf["en"]))
    assert "Importance: high · high confidence" in en
    slides = _slides(to_pptx(analyst["nl"]))
    silo = next(s for s in slides if s[0].startswith("1. Silo: Openbare Ruimte"))
    assert "zekerheid hoog" in silo[2] and "De laagste respons van de betrokken afdelingen is 80%" in silo[2]


def test_the_method_notes_say_how_missing_answers_were_treated_and_how_key_players_are_found(analyst_pdf,
                                                                                             net_expected):
    nl = " ".join(_pages(analyst_pdf["nl"]))
    assert "Ontbrekende antwoorden zijn niet aangevuld" in nl
    assert "zekerheid hoog vanaf 80%, middel van 65% tot 80%, laag daaronder" in nl
    assert "Sleutelfiguren: ona zoekt de drie mensen" in nl and "Borgatti 2006" in nl
    assert "Common Eye" in nl and "Krackhardt 1987" in nl
    en = " ".join(_pages(analyst_pdf["en"]))
    assert "Missing answers were not filled in" in en and "Key players: ona looks for the three people" in en
    net, expected = net_expected
    view = AnalystView(net, expected=expected)
    view.prepare(n_permutations=0, missing="reconstruct")
    text = " ".join(_pages(to_pdf(build_report(view_source(view, n_permutations=0), "nl"))))
    rebuilt = int(view.summary()["collaboration"]["reconstructed_ties"])
    assert rebuilt > 0
    assert "bij wederzijdse relaties (samenwerking) telt een relatie" in text and f"({rebuilt} banden;" in text


def test_a_samples_title_is_in_the_readers_language(analyst_pdf):
    nl, en = " ".join(_pages(analyst_pdf["nl"])), " ".join(_pages(analyst_pdf["en"]))
    assert "Gemeente Veldhoven-aan-Zee (synthetisch)" in nl and "(synthetic)" not in nl
    assert "Gemeente Veldhoven-aan-Zee (synthetic)" in en


def test_a_managers_sheet_names_no_one_and_the_pages_are_saved_as_pictures(net_expected, analyst_pdf):
    net, expected = net_expected
    view = ManagerView(net, PrivacyPolicy(min_group_size=5, key="a long and secret key for the tests"),
                       expected=expected)
    view.prepare(n_permutations=0)
    content = build_report(view_source(view, n_permutations=0), "nl")
    keys = [s.key for s in content.sections]
    assert "sheet_1" in keys and "conditions_Omgevingswet" in [b.name for b in _section(content, "pair_1").blocks
                                                               if isinstance(b, Picture)]
    text = " ".join(_pages(to_pdf(content)))
    assert "Gezamenlijke procesanalyse: Ruimte & Wonen en Publiekszaken" in text
    # the carriers as the manager view shows them (pseudonyms or consenting names), never the others' names
    sheet = view.process_sheet("Ruimte & Wonen", "Publiekszaken", "nl")
    shown = sheet.carriers.iloc[:, 0].tolist()
    assert all(label in text for label in shown)
    if not shown:
        assert "Namen worden niet getoond in deze weergave." in text
    for name in ("Tom de Boer", "Jan de Vries", "Ton ter Haar"):
        assert name not in text
    ARTIFACTS.mkdir(exist_ok=True)
    for lang, data in analyst_pdf.items():
        doc = pdfium.PdfDocument(data)
        pages = [i for i, page in enumerate(_pages(data)) if "SAMENWERKING 1 VAN" in page or "COLLABORATION 1 OF"
                 in page or "procesanalyse: Ruimte & Wonen" in page or "process analysis: Ruimte & Wonen" in page]
        assert pages, lang
        for n, i in enumerate(pages[:3], start=1):
            doc[i].render(scale=1.4).to_pil().save(ARTIFACTS / f"report_collaboration_{lang}_{n}.png")


def test_draw_reads_the_view_and_draws_the_conditions(tmp_path, capsys):
    out = tmp_path / "c.svg"
    assert main(["draw", "municipality", "--picture", "conditions", "--collaboration", "Omgevingswet",
                 "--lang", "en", "-o", str(out)]) == 0
    svg = out.read_text()
    assert "Omgevingswet" in svg and "Process" in svg and "(all departments)" in svg and "1.8" in svg
    assert main(["draw", "municipality", "--picture", "conditions", "--collaboration", "Begroting",
                 "-o", str(out)]) == 2
    assert "There is no collaboration 'Begroting'" in capsys.readouterr().err
    # managers see departments only under the default policy: the network picture says so instead of drawing
    # an empty picture; their department map is the manager view's
    assert main(["draw", "municipality", "--role", "manager", "-o", str(tmp_path / "n.png")]) == 2
    assert "managers see no people" in capsys.readouterr().err
    assert main(["draw", "municipality", "--role", "manager", "--picture", "departments", "--lang", "en",
                 "-o", str(tmp_path / "d.svg")]) == 0
    assert "Publiekszaken" in (tmp_path / "d.svg").read_text()
