"""Reports and pictures made from views (ona.views): the manager's come from the manager view and hold
nothing a manager may not see, also for two waves."""

from __future__ import annotations

import pandas as pd
import pytest

from ona import samples
from ona.documents import build_change_report, build_report, to_pdf, view_source
from ona.documents.files import picture_file, report_file
from ona.io.expected import read_expected
from ona.model import OrgNetwork
from ona.privacy import PrivacyPolicy, pseudonym
from ona.views import AnalystView, ManagerView

from test_documents import KEY, SMALL_GROUPS, SMALL_PEOPLE, pdf_pages, pptx_slides, private_network

HIDDEN = [*SMALL_GROUPS, *SMALL_PEOPLE.values(), *SMALL_PEOPLE, *(pseudonym(p, KEY) for p in SMALL_PEOPLE)]


@pytest.fixture(scope="module")
def municipality_view() -> AnalystView:
    net = samples.load("municipality")
    expected = read_expected(samples.expected_collaborations_path("municipality"), net)
    view = AnalystView(net, expected=expected)
    view.prepare(n_permutations=99)
    return view


def test_an_analyst_views_report_is_hr_s_report(municipality_view):
    source = view_source(municipality_view, n_permutations=99)
    assert source.audience == "analyst" and source.people == 250 and source.respondents == 212
    assert list(source.groups.index) == sorted(source.groups.index) and int(source.groups["people"].sum()) == 250
    assert len(source.collaborations) == 4
    text = " ".join(pdf_pages(report_file(municipality_view, "nl", "pdf", n_permutations=99)))
    assert "Omgevingswet: Ruimte & Wonen en Publiekszaken" in text and "Versie voor HR" in text
    assert "Ingrid Smit" in text  # HR's report names people (the overloaded expert; Jan de Vries carries a gap since W2 3/6)


def test_a_manager_views_report_holds_nothing_of_the_hidden_groups():
    net = private_network()
    view = ManagerView(net, PrivacyPolicy(min_group_size=5, key=KEY))
    source = view_source(view)
    assert source.audience == "manager" and source.people == 16 and source.hidden_groups == 2
    assert set(source.withheld.terms) >= set(SMALL_GROUPS) and source.withheld is view.leaks
    for lang, fmt in (("nl", "pdf"), ("en", "pptx")):
        data = report_file(view, lang, fmt)
        text = " ".join(pdf_pages(data) if fmt == "pdf" else pptx_slides(data))
        for term in HIDDEN:
            assert term not in text, f"{term!r} is in the {lang} {fmt}"
        assert ("2 afdelingen met minder dan 5" if lang == "nl" else "2 departments with fewer than 5") in text


@pytest.mark.parametrize("picture", ["network", "departments", "matrix"])
def test_pictures_of_a_manager_view_show_only_what_the_view_shows(picture):
    view = ManagerView(private_network(), PrivacyPolicy(min_group_size=5, key=KEY))
    svg = picture_file(view, picture, "advice", lang="nl", format="svg").decode()
    for term in HIDDEN:
        assert term not in svg
    assert "Noord" in svg
    assert picture_file(view, picture, "advice", format="png")[:4] == b"\x89PNG"


def test_the_change_report_for_managers_comes_from_the_manager_views_comparison():
    first = private_network()
    later = pd.concat([first.ties, pd.DataFrame(
        [(u, v, r, 1.0) for u, v in [("n4", "z6"), ("n6", "z7"), ("z8", "n8"), ("n7", "dierw3"), ("sterw1", "n3")]
         for r in ("advice", "trust")], columns=["source", "target", "relation", "weight"])], ignore_index=True)
    second = OrgNetwork(first.roster, later, wave="2", name="Privacytest")
    view = ManagerView(first, PrivacyPolicy(min_group_size=5, key=KEY))
    change = view.compare(first, second)
    assert change is not None and change.panel == 16
    content = build_change_report(change, lang="nl", title=view.title, audience="manager",
                                  withheld=view_source(view).withheld)
    text = " ".join(pdf_pages(to_pdf(content)))
    for term in HIDDEN:
        assert term not in text
    assert "Wat veranderde in Privacytest" in text and "Versie voor leidinggevenden" in text


def test_view_source_and_analyst_source_agree(municipality_view):
    from ona.documents import analyst_source

    direct = analyst_source(municipality_view.net, expected=municipality_view.expected, n_permutations=99,
                            analysis=municipality_view.analysis, findings=municipality_view.findings())
    viewed = view_source(municipality_view, n_permutations=99)
    assert [s.heading for s in build_report(direct, "en").sections] ==\
        [s.heading for s in build_report(viewed, "en").sections]
