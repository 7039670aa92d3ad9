"""Tests for ona.io.downloads: downloads that open in Excel, Gephi and a browser, with no formula injection.

Every file is read back with an independent reader (pandas, openpyxl,
networkx's GraphML and GEXF readers) and compared with what went in.
"""

from __future__ import annotations

import io
import re

import networkx as nx
import numpy as np
import openpyxl
import pandas as pd
import pytest

from ona import OrgNetwork, samples
from ona.exceptions import OnaError
from ona.findings import findings_markdown
from ona.findings.output import markdown_escape
from ona.io.downloads import (
    graph_gexf,
    graph_graphml,
    graph_html,
    neutralize,
    plain_graph,
    table_csv,
    tables_xlsx,
)
from ona.measures.metrics import person_table
from ona.viz.render import to_html

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")']


@pytest.fixture
def people() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "name": ["Zoë van 't Hof", *FORMULAS[:4]],
        "in_degree": [3, -1, 0, 2, 1],
        "betweenness": [0.5, np.nan, 0.0, 0.25, 1.0],
    })


# -- tables ---------------------------------------------------------------------------------------


def test_neutralize_prefixes_formulas_only(people: pd.DataFrame) -> None:
    safe = neutralize(people)
    assert safe["name"].tolist() == ["Zoë van 't Hof", "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd"]
    assert safe["in_degree"].tolist() == [3, -1, 0, 2, 1]  # numbers, also negative ones, stay numbers
    assert people["name"].iloc[1] == "=1+1"  # the input is not changed


def test_csv_round_trip_with_bom_and_no_formulas(people: pd.DataFrame) -> None:
    data = table_csv(people)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["name"].tolist() == ["Zoë van 't Hof", "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd"]
    assert back["in_degree"].tolist() == [3, -1, 0, 2, 1]
    assert back["betweenness"].isna().tolist() == [False, True, False, False, False]
    fields = [f for line in data.decode("utf-8-sig").splitlines() for f in line.split(",")]
    risky = [f for f in fields if f.startswith(("=", "+", "-", "@")) and not re.fullmatch(r"-?\d+(\.\d+)?", f)]
    assert risky == []


def test_csv_with_index() -> None:
    matrix = pd.DataFrame([[1, 2], [3, 4]], index=pd.Index(["HR", "=IT"], name="from"), columns=["HR", "=IT"])
    back = pd.read_csv(io.BytesIO(table_csv(matrix, index=True)), encoding="utf-8-sig")
    assert back.columns.tolist() == ["from", "HR", "'=IT"]
    assert back["from"].tolist() == ["HR", "'=IT"]


def test_workbook_has_one_sheet_per_table_and_no_formulas(people: pd.DataFrame) -> None:
    long_name = "a very long table name that Excel would refuse"
    data = tables_xlsx({"people": people, "groups/teams": people.head(2), long_name: people, "PEOPLE": people})
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["people", "groups teams", long_name[:31], "PEOPLE (2)"]
    sheet = book["people"]
    names = [sheet.cell(row=r, column=2).value for r in range(2, 7)]
    assert names == ["Zoë van 't Hof", "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd"]
    assert all(sheet.cell(row=r, column=2).data_type != "f" for r in range(2, 7))
    assert [sheet.cell(row=r, column=3).value for r in range(2, 7)] == [3, -1, 0, 2, 1]
    back = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert len(back["groups teams"]) == 2


def test_workbook_flattens_lists_and_timezones() -> None:
    frame = pd.DataFrame({"people": [["a", "b"], ("c",)],
                          "when": pd.to_datetime(["2025-01-01", "2025-06-01"]).tz_localize("Europe/Amsterdam")})
    back = pd.read_excel(io.BytesIO(tables_xlsx({"t": frame})))
    assert back["people"].tolist() == ["a, b", "c"]
    assert str(back["when"].iloc[0]).startswith("2025-01-01")


def test_empty_workbook_is_refused() -> None:
    with pytest.raises(OnaError, match="no tables"):
        tables_xlsx({})


# -- graphs ----------------------------------------------------------------------------------------


@pytest.fixture
def awkward_graph() -> nx.DiGraph:
    """numpy scalars, None, NaN, bools and lists: what GraphML and GEXF writers choke on."""
    G = nx.DiGraph(relation="advice", wave=None)
    G.add_node("a", name="Ana", department="HR", score=np.float64(0.5), level=np.int64(2), responded=True,
               tags=["x", "y"])
    G.add_node("b", name="=Bo", department=None, score=None, level=3, responded=None)
    G.add_node("c", name="Cy", department="IT", score=float("nan"), level=np.int64(1), responded=False)
    G.add_edge("a", "b", weight=np.float64(2.0))
    G.add_edge("b", "c", weight=1)
    return G


def test_plain_graph_has_plain_types(awkward_graph: nx.DiGraph) -> None:
    before = (sorted(awkward_graph.nodes(data=True), key=str), sorted(awkward_graph.edges(data=True), key=str))
    H = plain_graph(awkward_graph)
    plain = (str, int, float, bool)
    assert all(type(v) in plain for _, d in H.nodes(data=True) for v in d.values())
    assert all(type(v) in plain for _, _, d in H.edges(data=True) for v in d.values())
    assert H.nodes["b"]["department"] == "" and np.isnan(H.nodes["b"]["score"])
    assert type(H.nodes["a"]["level"]) is int and H.nodes["a"]["tags"] == "x, y"
    assert "responded" not in H.nodes["b"] and H.nodes["c"]["responded"] is False
    assert H.graph == {"relation": "advice"}  # None left out
    assert (sorted(awkward_graph.nodes(data=True), key=str), sorted(awkward_graph.edges(data=True), key=str)) == before


@pytest.mark.parametrize("writer, reader", [(graph_graphml, nx.read_graphml), (graph_gexf, nx.read_gexf)])
def test_graph_files_round_trip(awkward_graph: nx.DiGraph, writer, reader) -> None:  # type: ignore[no-untyped-def]
    back = reader(io.BytesIO(writer(awkward_graph)))
    assert back.is_directed()
    assert sorted(back.nodes) == ["a", "b", "c"]
    assert sorted(back.edges) == [("a", "b"), ("b", "c")]
    assert back.nodes["a"]["department"] == "HR" and back.nodes["a"]["score"] == 0.5
    assert back["a"]["b"]["weight"] == 2.0


def test_gexf_labels_nodes_by_name(awkward_graph: nx.DiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(graph_gexf(awkward_graph)))
    assert back.nodes["a"]["label"] == "Ana"


def test_network_export_of_the_municipality_with_metrics() -> None:
    net = samples.load("municipality")
    G = net.graph("advice")
    metrics = person_table(G)
    for writer, reader in ((graph_graphml, nx.read_graphml), (graph_gexf, nx.read_gexf)):
        back = reader(io.BytesIO(writer(G, metrics=metrics)))
        assert back.number_of_nodes() == 250 and back.number_of_edges() == G.number_of_edges()
        assert back.nodes["E0164"]["in_degree"] == metrics.at["E0164", "in_degree"] == 40  # the overloaded adviser
        assert back.nodes["E0141"]["name"] == "Jan de Vries"


def test_graph_html_needs_a_whole_page(tiny_network: OrgNetwork) -> None:
    page = to_html(tiny_network.graph("advice"))
    assert graph_html(page) == page.encode("utf-8")
    with pytest.raises(OnaError, match="complete page"):
        graph_html("<div>not a page</div>")


def test_findings_markdown(tiny_network: OrgNetwork) -> None:
    findings = pytest.importorskip("ona.findings")
    net = samples.load("municipality")
    found = findings.find_findings(net)
    text = findings_markdown(found, "nl", title="Gemeente").decode("utf-8")
    assert text.startswith("# Gemeente\n\n")
    assert [line for line in text.splitlines() if line.startswith("# ")] == ["# Gemeente"]  # no second title
    assert text == findings.findings_to_markdown(found, "nl", title="Gemeente")
    assert "**Suggesties" in text


def test_findings_markdown_names_people_and_escapes_the_title() -> None:
    findings = pytest.importorskip("ona.findings")
    net = samples.load("municipality")
    found = findings.find_findings(net)
    labels = findings.person_labels(net)
    text = findings_markdown(found, "en", title="<b>Acme</b> #1", names=labels).decode("utf-8")
    assert text.splitlines()[0] == "# " + markdown_escape("<b>Acme</b> #1")
    assert "<b>" not in text.splitlines()[0]
    assert "Ingrid Smit (E0164)" in text  # the overloaded expert among the people involved, named
    assert "Ingrid Smit (E0164)" not in findings_markdown(found, "en").decode("utf-8")  # ids without names
    assert findings_markdown(found, "en").decode("utf-8").startswith("# Findings\n")
