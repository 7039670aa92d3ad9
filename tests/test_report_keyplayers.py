"""The key-player pages of the reports (issue 15, item 2): who holds the organisation, and pairs of departments,
together; who reaches most colleagues. The figures are those of :func:`ona.measures.keyplayers.key_players` run
directly on the same network; a manager whose view shows no people gets no names; both languages read well.

Expected values: the chain network below is checked by hand (only the brokers ``x`` and ``y`` connect the three
departments, so only they can cut anyone off); the other figures come from ``key_players`` itself, called here
independently of the report code, with the same bounds (steps, no clock, no restarts).
"""

from __future__ import annotations

import math
import re

import networkx as nx
import pandas as pd
import pytest

from ona.documents import analyst_source, build_report, manager_source, to_pdf, to_pptx, view_source
from ona.documents.source import MAX_KEY_PLAYER_PAIRS, key_player_page
from ona.findings.keyplayers import key_player_text, named_cut
from ona.measures.keyplayers import file_search_steps, key_players
from ona.io.expected import read_expected
from ona.model import OrgNetwork
from ona.privacy import PrivacyPolicy, pseudonym
from ona.views import AnalystView, ManagerView

from test_documents import KEY, pdf_pages, pptx_slides, save_pages

#: English words that have no place in a Dutch page (as in test_app_dutch.py, whole words, any case).
ENGLISH = ("the", "and", "with", "ties", "tie", "people", "person", "key", "players", "player", "contribution",
           "reach", "together", "department", "departments", "between", "found", "without", "organisation",
           "pairs", "search", "set", "most", "colleagues")
_ENGLISH = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)
_DECIMAL_POINT = re.compile(r"(?<![\d.,])0\.\d+")


def chain_network(consent: bool = True) -> OrgNetwork:
    """Three departments of five in a ring each, linked only through two brokers: x ties a1, a2 to b1, b2 and
    y ties b3, b4 to c1, c2.

    ``x`` (Rob Brug, department Alfa) and ``y`` (Yara Schakel, Beta) are the only people whose absence cuts anyone
    off. With ``consent=False`` Rob Brug did not consent to being named.
    """
    people = [(f"{g}{i}", f"Medewerker {g.upper()}{i}", name)
              for g, name in (("a", "Alfa"), ("b", "Beta"), ("c", "Gamma")) for i in range(1, 6)]
    people += [("x", "Rob Brug", "Alfa"), ("y", "Yara Schakel", "Beta")]
    roster = pd.DataFrame(people, columns=["id", "name", "department"]).set_index("id")
    roster["consent"] = [consent or p != "x" for p in roster.index]
    ring = [(f"{g}{i}", f"{g}{i % 5 + 1}") for g in "abc" for i in range(1, 6)]
    chords = [(f"{g}1", f"{g}3") for g in "abc"]
    brokers = [("x", "a1"), ("x", "a2"), ("b1", "x"), ("b2", "x"), ("y", "b3"), ("y", "b4"), ("c1", "y"), ("c2", "y")]
    ties = pd.DataFrame([(u, v, r) for u, v in ring + chords + brokers for r in ("advice", "work")],
                        columns=["source", "target", "relation"]).assign(weight=1.0)
    return OrgNetwork(roster, ties, wave="1", name="Ketentest")


EXPECTED = pd.DataFrame({"collaboration": ["Keten", "Keten"], "group": ["Alfa", "Gamma"]})


def direct(G: nx.Graph, objective: str, groups: tuple[str, str] | None = None, seed: int = 0):
    """``key_players`` called directly, with the report's bounds."""
    return key_players(G, 3, objective=objective, groups=groups, grouping="department", time_limit=math.inf,
                       restarts=0, seed=seed, max_steps=file_search_steps(G.number_of_nodes(), 3))


def together(net: OrgNetwork) -> nx.DiGraph:
    return nx.compose_all([net.graph(r) for r in net.relations])


@pytest.fixture(scope="module")
def chain_source():
    net = chain_network()
    return net, analyst_source(net, expected=EXPECTED, n_permutations=0)


def test_the_hr_report_s_key_players_are_key_players_run_directly(chain_source):
    net, source = chain_source
    page = source.key_players
    G = together(net)
    assert page is not None and page.people == 17 and page.k == 3
    cut = direct(G, "fragmentation")
    # by hand: only the brokers cut anyone off. The search's set holds a third person from a ring of five (which
    # stays connected): 14 people remain, all connected now (91 pairs), in parts of 4, 5 and 5 (26 pairs): 65 cut.
    assert set(cut.cutting) == {"x", "y"} and (cut.pairs_cut, cut.pairs_connected) == (65, 91)
    # The report names only the two brokers, with their own figures: 15 people remain (105 pairs), in three
    # rings of five (30 pairs): 75 cut. The same as named_cut of the search run directly.
    named = page.fragmentation.result
    assert set(named.people) == {"x", "y"} and (named.pairs_cut, named.pairs_connected) == (75, 105)
    assert named == named_cut(cut, G)
    names = {row[0] for row in page.fragmentation.rows}
    assert names == {"Rob Brug", "Yara Schakel"}
    assert {row[0]: row[1:3] for row in page.fragmentation.rows} == {
        "Rob Brug": ("Alfa", G.degree("x")), "Yara Schakel": ("Beta", G.degree("y"))}
    reach = direct(G, "reach")
    assert page.reach.result.people == reach.people and page.reach.result.reached == reach.reached
    assert [row[3] for row in page.reach.rows] == [reach.contributions[p] for p in reach.people]
    # the declared pair Alfa - Gamma first: the same question, asked about the pairs across the two only. By hand:
    # without Rob Brug (x, of Alfa) none of the 5 x 5 pairs of the other Alfa and the Gamma people is connected.
    pair = page.pairs[0]
    across = direct(G, "fragmentation", ("Alfa", "Gamma"))
    assert pair.result == named_cut(across, G, "department")
    assert pair.result.groups == ("Alfa", "Gamma") and pair.result.people == ("x",)
    assert (pair.result.pairs_cut, pair.result.pairs_connected) == (25, 25)

def test_the_report_page_says_it_in_both_languages(chain_source):
    _, source = chain_source
    page = source.key_players
    for lang in ("nl", "en"):
        content = build_report(source, lang)
        sections = {s.key: s for s in content.sections}
        assert {"key_players", "key_players_pairs"} <= set(sections)
        text = " ".join(b.text for b in sections["key_players"].blocks if hasattr(b, "text"))
        assert key_player_text(page.fragmentation.result, lang) in text
        assert key_player_text(page.reach.result, lang) in text
        pdf, deck = to_pdf(content), to_pptx(content)
        pdf_text, deck_text = " ".join(pdf_pages(pdf)), " ".join(pptx_slides(deck))
        for shown in (pdf_text, deck_text):
            assert "Rob Brug" in shown and "Yara Schakel" in shown
            assert ("Sleutelfiguren tussen afdelingen" if lang == "nl" else "Key players between departments") in shown
        doc_pages = pdf_pages(pdf)
        first = next(i for i, p in enumerate(doc_pages) if "Sleutelfiguren" in p or "Key players" in p)
        if lang == "nl":
            assert "Zonder deze 2 mensen zouden 75 van de 105 paren" in pdf_text
            assert "Houden Alfa en Gamma bij elkaar" in pdf_text
        else:
            assert "Without these 2 people, 75 of the 105 pairs" in pdf_text
            assert "Hold Alfa and Gamma together" in pdf_text
        _save_page(pdf, first, f"report_keyplayers_{lang}")


def _save_page(pdf: bytes, index: int, stem: str) -> None:
    import pypdfium2 as pdfium

    from test_documents import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    doc = pdfium.PdfDocument(pdf)
    for i in (index, index + 1):
        if i < len(doc):
            doc[i].render(scale=1.4).to_pil().save(ARTIFACTS / f"{stem}_page{i + 1}.png")


def test_the_dutch_key_player_pages_hold_no_english(chain_source):
    _, source = chain_source
    content = build_report(source, "nl")
    for section in content.sections:
        if not section.key.startswith("key_players"):
            continue
        for text in [section.heading, *(t for b in section.blocks for t in _texts(b))]:
            words = [w for w in _ENGLISH.findall(text)]
            assert not words, f"English {words} in the Dutch key-player page: {text!r}"
            assert not _DECIMAL_POINT.search(text), f"a decimal point in the Dutch page: {text!r}"


def _texts(block):  # type: ignore[no-untyped-def]
    from ona.documents.content import _block_texts

    return [t for t in _block_texts(block) if t]


def test_a_manager_without_people_gets_no_key_player_names():
    # Rob Brug did not consent and there is no pseudonym key: the manager view shows nobody by name
    net = chain_network(consent=False)
    view = ManagerView(net, PrivacyPolicy(min_group_size=5), expected=EXPECTED)
    assert not view.person_level
    source = view_source(view)
    assert source.key_players is None
    names = set(net.roster["name"])
    for lang in ("nl", "en"):
        content = build_report(source, lang)
        assert not [s for s in content.sections if s.key.startswith("key_players")]
        text = " ".join(pdf_pages(to_pdf(content)))
        assert not [n for n in names if n in text]


def test_a_manager_with_pseudonyms_sees_the_key_players_under_pseudonyms():
    net = chain_network(consent=False)
    source = manager_source(net, PrivacyPolicy(min_group_size=5, key=KEY), expected=EXPECTED, n_permutations=0)
    page = source.key_players
    assert page is not None
    named = {row[0] for row in page.fragmentation.rows}
    assert pseudonym("x", KEY) in named and "Yara Schakel" in named and "Rob Brug" not in named
    # the same sets as on the manager view's own graph (the people the manager may see, keyed as shown)
    view = ManagerView(net, PrivacyPolicy(min_group_size=5, key=KEY), expected=EXPECTED)
    G = nx.compose_all([view.graph(r) for r in view.relations])
    assert page.fragmentation.result == named_cut(direct(G, "fragmentation"), G)
    assert page.fragmentation.result.pairs_cut == 75  # the two brokers, as in HR's report
    for lang in ("nl", "en"):
        content = build_report(source, lang)
        text = " ".join(pdf_pages(to_pdf(content)))
        assert pseudonym("x", KEY) in text and "Rob Brug" not in text


def test_a_well_connected_organisation_names_nobody_as_holding_it_together():
    # a ring with chords and no brokers: nobody's absence cuts anyone off, so nobody is named for it
    roster = pd.DataFrame({"name": [f"P {i}" for i in range(12)], "department": ["Noord"] * 6 + ["Zuid"] * 6},
                          index=pd.Index([f"p{i}" for i in range(12)], name="id"))
    edges = [(f"p{i}", f"p{(i + d) % 12}") for i in range(12) for d in (1, 2, 3, 4)]
    net = OrgNetwork(roster, pd.DataFrame(edges, columns=["source", "target"]).assign(relation="advice"))
    source = analyst_source(net, n_permutations=0)
    assert source.key_players.fragmentation.rows == ()
    assert source.key_players.reach.rows  # reach always has an answer
    content = build_report(source, "nl")
    (section,) = [s for s in content.sections if s.key == "key_players"]
    text = " ".join(t for b in section.blocks for t in _texts(b))
    assert "ona vond geen 3 mensen zonder wie collega's van elkaar afgesneden raken" in text


def test_pairs_are_capped_and_said_so():
    net = chain_network()
    G = together(net)
    pairs = [("Alfa", "Beta"), ("Alfa", "Gamma"), ("Beta", "Gamma"), ("Beta", "Alfa"), ("Gamma", "Alfa"),
             ("Gamma", "Beta"), ("Alfa", "Nergens")]
    page = key_player_page([G], grouping="department", pairs=pairs, names={})
    assert len(page.pairs) == MAX_KEY_PLAYER_PAIRS and page.pairs_discussed == len(pairs)
    assert [a.result.groups for a in page.pairs] == [tuple(p) for p in pairs[:MAX_KEY_PLAYER_PAIRS]]
    source = analyst_source(net, n_permutations=0)
    import dataclasses

    content = build_report(dataclasses.replace(source, key_players=page), "en")
    (section,) = [s for s in content.sections if s.key == "key_players_pairs"]
    text = " ".join(t for b in section.blocks for t in _texts(b))
    assert "This report discusses 7 pairs of departments; here are the first 5" in text


def test_key_players_in_an_analyst_view_s_report_equal_hr_s(chain_source):
    net, source = chain_source
    view = AnalystView(net, expected=read_expected(EXPECTED, net))
    view.prepare(n_permutations=0)
    page = view_source(view, n_permutations=0).key_players
    assert page.fragmentation.rows == source.key_players.fragmentation.rows
    assert page.reach.rows == source.key_players.reach.rows
