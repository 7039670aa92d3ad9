"""Reports (ona.documents): what the PDF and the PowerPoint deck say, in which language, for whom.

Text is read back from the files themselves (pypdfium2 for PDF, python-pptx for slides), so these tests
check what a reader gets. The first pages of the Dutch and English reports are written as PNG into
tests/artifacts/ to be looked at.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from ona import samples
from ona.documents import (
    analyst_source,
    build_change_report,
    build_report,
    check_no_leak,
    manager_source,
    to_pdf,
    to_pptx,
)
from ona.documents.content import ReportContent, Section, Text, TitlePage
from ona.documents.source import change_tables
from ona.exceptions import OnaError
from ona.io.expected import read_expected
from ona.model import OrgNetwork
from ona.privacy import PrivacyPolicy, pseudonym

pdfium = pytest.importorskip("pypdfium2")

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
KEY = "a long and secret key for the tests"


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, whitespace folded (lines wrap anywhere)."""
    doc = pdfium.PdfDocument(data)
    pages = []
    for i in range(len(doc)):
        text = doc[i].get_textpage().get_text_range()
        pages.append(" ".join(text.replace("\r", " ").replace("\n", " ").split()))
    return pages


def pptx_slides(data: bytes) -> list[str]:
    from pptx import Presentation

    slides = []
    for slide in Presentation(io.BytesIO(data)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        slides.append(" ".join(" ".join(parts).split()))
    return slides


def save_pages(data: bytes, stem: str, pages: int = 3) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    doc = pdfium.PdfDocument(data)
    for i in range(min(pages, len(doc))):
        doc[i].render(scale=1.4).to_pil().save(ARTIFACTS / f"{stem}_page{i + 1}.png")


@pytest.fixture(scope="module")
def municipality():
    net = samples.load("municipality")
    expected = read_expected(samples.expected_collaborations_path("municipality"), net)
    return net, analyst_source(net, expected=expected)


@pytest.fixture(scope="module")
def dutch(municipality):
    return build_report(municipality[1], "nl")


@pytest.fixture(scope="module")
def english(municipality):
    return build_report(municipality[1], "en")


# -- the analyst's report -------------------------------------------------------------------------------


def test_dutch_pdf_reads_in_dutch_with_the_findings_and_dutch_numbers(dutch, municipality):
    pdf = to_pdf(dutch)
    save_pages(pdf, "report_nl")
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    assert "Samenwerking in Gemeente Veldhoven-aan-Zee" in pages[0]
    assert "212 vulden de vragenlijst in (85%)" in pages[0]
    assert "pagina 2 In het kort" in pages[1]  # the footer is drawn first
    # the main finding, as the findings module wrote it, and a decimal comma: the overloaded expert's colleagues
    # are asked by 5,1 people on average (findings carry no test statistics since issue W2 3/6, so the silo's
    # E-I index of -0.92 is no longer in its sentence)
    silo = next(f for f in municipality[1].findings if f.kind == "silo")
    assert " ".join(silo.text["nl"].split())[:80] in text
    assert "gemiddeld door 5,1 mensen" in text and "5.1" not in text
    # a page per declared collaboration, with the ties per question in a table
    assert "Omgevingswet: Ruimte & Wonen en Publiekszaken" in text
    assert "Ruimte & Wonen noemt Publiekszaken" in text
    assert "Zo is het onderzocht" in text and "Respons per afdeling" in text and "Privacy" in text
    assert "Ingrid Smit" in text  # HR's report names people (the overloaded expert)
    for english_word in ("In brief", "Findings", "department", "Response"):
        assert english_word not in text


def test_english_pdf_reads_in_english(english):
    pdf = to_pdf(english)
    save_pages(pdf, "report_en")
    text = " ".join(pdf_pages(pdf))
    assert "Working together in Gemeente Veldhoven-aan-Zee" in text
    assert "In brief" in text and "Omgevingswet: Ruimte & Wonen and Publiekszaken" in text
    assert "by 5.1 people on average" in text and "5,1" not in text
    assert "In het kort" not in text and "afdelingen" not in text


def test_the_response_table_adds_up(municipality, dutch):
    net, source = municipality
    assert int(source.groups["people"].sum()) == len(net) == 250
    text = " ".join(pdf_pages(to_pdf(dutch)))
    assert "Totaal 250 212 85%" in text


def test_pptx_has_one_message_per_slide_with_native_tables_and_pictures(english):
    from pptx import Presentation

    data = to_pptx(english)
    deck = Presentation(io.BytesIO(data))
    slides = pptx_slides(data)
    assert slides[0].startswith("Working together in Gemeente Veldhoven-aan-Zee")
    findings = [f for f in english.sections[0].blocks if type(f).__name__ == "FindingList"][0].cards
    for card in findings:  # every main finding has a slide of its own, titled by it
        assert sum(1 for s in deck.slides if s.shapes.title is not None
                   and s.shapes.title.text == f"{card.number}. {card.heading}") == 1
    tables = [shape for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert tables and any(t.table.cell(0, 0).text == "Relation" for t in tables)
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) >= 2 and all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
    assert any("Omgevingswet: Ruimte & Wonen and Publiekszaken" in s for s in slides)


def test_dutch_pptx_writes_dutch_numbers(dutch):
    text = " ".join(pptx_slides(to_pptx(dutch)))
    assert "In het kort" in text and "5,1" in text and "Verwacht" not in text


def test_same_content_gives_the_same_bytes(dutch):
    assert to_pdf(dutch) == to_pdf(dutch)
    assert to_pptx(dutch) == to_pptx(dutch)


def test_names_are_escaped_and_printed_literally():
    roster = pd.DataFrame({"name": [f"Jansen & <b>Co</b> {i}" for i in range(6)] + [f"P{i}" for i in range(6)],
                           "department": ["R&D <i>lab</i>"] * 6 + ["Zorg"] * 6},
                          index=pd.Index([f"p{i}" for i in range(12)], name="id"))
    ties = pd.DataFrame([(f"p{i}", f"p{(i + 1) % 6}") for i in range(6)] + [(f"p{6 + i}", f"p{6 + (i + 1) % 6}")
                                                                           for i in range(6)] + [("p0", "p6")],
                        columns=["source", "target"]).assign(relation="advice")
    net = OrgNetwork(roster, ties, name="<script>alert('x')</script>")
    content = build_report(analyst_source(net, n_permutations=0), "en")
    text = " ".join(pdf_pages(to_pdf(content)))
    assert "<script>alert('x')</script>" in text and "R&D <i>lab</i>" in text
    assert "R&D <i>lab</i>" in " ".join(pptx_slides(to_pptx(content)))


# -- the manager's report: nothing of a group that is too small -------------------------------------------

SMALL_GROUPS = ("Dierenweide", "Sterrenwacht")  # 3 people and 1 person: 4 together, below k = 5
SMALL_PEOPLE = {"dierw1": "Quirijn Zwaluw", "dierw2": "Xenia Pluimgraaf", "dierw3": "Wubbo Kraanvogel",
                "sterw1": "Yolanda Eenzaam"}


def private_network() -> OrgNetwork:
    """Noord and Zuid (8 each, everyone consents) and two small departments with ties to both."""
    people = [(f"n{i}", f"Noord Persoon {i}", "Noord", True) for i in range(1, 9)]
    people += [(f"z{i}", f"Zuid Persoon {i}", "Zuid", True) for i in range(1, 9)]
    people += [(p, n, "Dierenweide", True) for p, n in SMALL_PEOPLE.items() if p.startswith("d")]
    people += [("sterw1", SMALL_PEOPLE["sterw1"], "Sterrenwacht", True)]
    roster = pd.DataFrame(people, columns=["id", "name", "department", "consent"]).set_index("id")
    inside = [(f"{g}{i}", f"{g}{i % 8 + 1}") for g in "nz" for i in range(1, 9)]
    inside += [(f"{g}{i}", f"{g}{(i + 2) % 8 + 1}") for g in "nz" for i in range(1, 9, 2)]
    across = [("n1", "z1"), ("z2", "n2")]
    small = [("n1", "dierw1"), ("dierw1", "n1"), ("n2", "dierw2"), ("dierw2", "n4"), ("dierw3", "z3"),
             ("z4", "dierw3"), ("sterw1", "z1"), ("n5", "sterw1"), ("dierw1", "dierw2"), ("dierw2", "dierw3")]
    ties = pd.DataFrame([(u, v, r) for u, v in inside + across + small for r in ("advice", "trust")],
                        columns=["source", "target", "relation"]).assign(weight=1.0)
    return OrgNetwork(roster, ties, wave="1", name="Privacytest")


def test_manager_report_holds_no_name_or_figure_of_a_hidden_group():
    net = private_network()
    policy = PrivacyPolicy(min_group_size=5, key=KEY)
    expected = pd.DataFrame({"collaboration": ["Noordzuid", "Noordzuid", "Dieren", "Dieren"],
                             "group": ["Noord", "Zuid", "Noord", "Dierenweide"]})
    source = manager_source(net, policy, expected=expected, n_permutations=50)
    assert list(source.groups.index) == ["Noord", "Zuid"] and source.people == 16
    hidden = [*SMALL_GROUPS, *SMALL_PEOPLE.values(), *SMALL_PEOPLE, *(pseudonym(p, KEY) for p in SMALL_PEOPLE),
              "Dieren"]
    for lang in ("nl", "en"):
        content = build_report(source, lang)
        pdf, deck = to_pdf(content), to_pptx(content)
        pdf_text, deck_text = " ".join(pdf_pages(pdf)), " ".join(pptx_slides(deck))
        svgs = " ".join(p.svg.decode() for s in content.sections for p in s.blocks if getattr(p, "svg", None))
        for term in hidden:
            for where, text in (("PDF", pdf_text), ("slides", deck_text), ("pictures", svgs)):
                assert term not in text, f"{term!r} is in the {lang} manager {where}"
        # the figures are the manager network's: 16 people, 16 respondents; the full network has 20
        assert "16 " in pdf_text and not re.search(r"\b20 (medewerkers|people)", pdf_text)
        assert ("2 afdelingen met minder dan 5" if lang == "nl" else "2 departments with fewer than 5") in pdf_text
        assert ("Noordzuid: Noord en Zuid" if lang == "nl" else "Noordzuid: Noord and Zuid") in pdf_text
        # consenting people a finding is about are named (since issue W2 3/6 the thin Noordzuid pair is a gap,
        # whose text names no one, so this holds for whichever findings name people)
        named = [source.names.get(p, p) for f in source.findings for p in f.people]
        assert all(name in pdf_text for name in named)
        if lang == "nl":
            save_pages(pdf, "report_manager_nl", pages=2)


def test_a_leaking_report_is_refused():
    content = ReportContent("nl", TitlePage("Rapport", "", (), "HR"), (Section("Kop", (Text("Dierenweide werkt"),)),),
                            "voet")
    check_no_leak(content, frozenset({"Sterrenwacht"}))
    with pytest.raises(OnaError, match="'Dierenweide'"):
        check_no_leak(content, frozenset({"Dierenweide"}))


# -- the change report ---------------------------------------------------------------------------------------


def test_change_report_says_what_changed_and_where_it_spread():
    from ona.findings.change import change_findings, compare_waves

    before, after = samples.load("municipality", wave="2025"), samples.load("municipality", wave="2026")
    comparison = compare_waves(before, after)
    findings = change_findings(comparison)
    content = build_change_report(change_tables(comparison, findings), lang="nl", title=before.name)
    pdf = to_pdf(content)
    save_pages(pdf, "change_nl", pages=2)
    text = " ".join(pdf_pages(pdf))
    advice = comparison.relations.set_index("relation").loc["advice"]
    assert "Wat veranderde in Gemeente Veldhoven-aan-Zee" in text
    assert advice.ties_before == 1100 and "advies 1.100 1.214" in text  # ties in 2025 and 2026, Dutch style
    assert "Waar het begon: advies" in text and "Omgevingsvergunningen" in text
    assert " ".join(findings[0].text["nl"].split())[:60] in text
    english = build_change_report(change_tables(comparison, findings), lang="en", title=before.name)
    english = " ".join(pptx_slides(to_pptx(english)))
    assert "Where it started: advice" in english and "1,100" in english
