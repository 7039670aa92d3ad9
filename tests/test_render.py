"""Tests for ona.viz.render: offline, escaped, interactive drawings.

The page data is read back from the JSON the page embeds, so the tests check
what vis-network will draw (ids, colours, sizes, positions, tooltips) rather
than comparing whole HTML strings. That the drawing really appears on a canvas
is checked in a real browser in tests/test_browser.py.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import pyvis

from ona import OrgNetwork, samples
from ona.exceptions import OnaError
from ona.viz.layout import group_graph, seeded_layout
from ona.viz.render import GROUP_PALETTE, group_colors, group_graph_html, to_html

EVIL = '</script><img src=x onerror="alert(1)">&amp;<b>'


@lru_cache(maxsize=1)
def vis_library() -> str:
    """The vis-network build that ships with pyvis (inlined into every page)."""
    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text("utf-8")


def own_markup(page: str) -> str:
    """The page without the inlined library: what ona itself wrote."""
    assert vis_library() in page
    return page.replace(vis_library(), "")


def page_data(page: str) -> dict[str, object]:
    """The nodes, edges and options the page hands to vis-network."""
    found = {}
    for name in ("nodes", "edges", "ties"):
        match = re.search(rf"var {name} = (.*?);(?:  /\*.*)?\n", page)
        assert match, f"no {name} in the page"
        found[name] = json.loads(match.group(1))
    options = re.search(r"new vis\.Network\(container, \{.*?\}, (.*)\);\n", page)
    assert options
    found["options"] = json.loads(options.group(1))
    return found


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


@pytest.fixture
def evil_network(tiny_roster: pd.DataFrame) -> OrgNetwork:
    roster = tiny_roster.copy()
    roster.loc["c", "name"] = EVIL
    roster.loc["d", "department"] = "<i>IT</i>"
    ties = pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "d"], "relation": "advice", "weight": 1.0})
    return OrgNetwork(roster, ties)


# -- the page works offline -------------------------------------------------------------------------


def test_page_is_standalone_and_loads_nothing_from_the_internet(tiny_network: OrgNetwork) -> None:
    page = to_html(tiny_network.graph("advice"))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "</script" not in vis_library().lower()  # the inlined library cannot end its script early
    own = own_markup(page)
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", own, re.I)
    assert "@import" not in own and "cdn" not in own.lower() and "bootstrap" not in own.lower()
    assert "url(" not in own
    assert own.count("<script>") == own.count("</script>") == 2


def test_group_page_is_standalone(tiny_network: OrgNetwork) -> None:
    own = own_markup(group_graph_html(group_graph(tiny_network.graph("advice"))))
    assert not re.search(r"<(script|link)[^>]*\s(src|href)\s*=", own, re.I)
    assert own.count("<script>") == own.count("</script>") == 2


# -- what is drawn ----------------------------------------------------------------------------------


def test_nodes_edges_positions_and_colours(tiny_network: OrgNetwork) -> None:
    G = tiny_network.graph("advice")
    data = page_data(to_html(G, seed=3))
    nodes, edges = by_id(data["nodes"]), data["edges"]
    assert sorted(nodes) == ["a", "b", "c", "d", "e"]
    assert sorted((e["from"], e["to"]) for e in edges) == sorted(G.edges)
    pos = seeded_layout(G, seed=3)  # drawn with the same shape, at the scale of 5 people: 120 * sqrt(5)
    factor = 120 * 5 ** 0.5 / max(abs(c) for xy in pos.values() for c in xy)
    assert (nodes["c"]["x"], nodes["c"]["y"]) == pytest.approx((pos["c"][0] * factor, pos["c"][1] * factor), abs=0.01)
    colours = group_colors(["HR", "IT", "(unknown)"])
    assert colours == {"(unknown)": "#c7c7c7", "HR": GROUP_PALETTE[0], "IT": GROUP_PALETTE[1]}
    assert nodes["a"]["color"] == colours["HR"] and nodes["e"]["color"] == "#c7c7c7"
    assert nodes["a"]["label"] == "Ana de Vries"
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_cross_group_edges_are_dark_and_inside_edges_take_the_group_colour(tiny_network: OrgNetwork) -> None:
    edges = {(e["from"], e["to"]): e for e in page_data(to_html(tiny_network.graph("advice")))["edges"]}
    assert edges[("b", "c")]["color"]["color"] == "#555555"  # HR -> IT
    assert edges[("a", "b")]["color"]["color"] == GROUP_PALETTE[0]


def test_size_by_metric_is_scaled_linearly_from_8_to_38(tiny_network: OrgNetwork) -> None:
    metrics = pd.DataFrame({"in_degree": [1.0, 1.0, 1.0, 1.0, None], "betweenness": [0.0, 0.5, 1.0, 0.25, None]},
                           index=list("abcde"))
    nodes = by_id(page_data(to_html(tiny_network.graph("advice"), size_by="betweenness", metrics=metrics))["nodes"])
    assert [nodes[n]["size"] for n in "abcde"] == pytest.approx([8.0, 23.0, 38.0, 15.5, 8.0])
    same = by_id(page_data(to_html(tiny_network.graph("advice"), size_by="in_degree", metrics=metrics))["nodes"])
    assert same["a"]["size"] == same["d"]["size"] == pytest.approx(23.0)  # no spread: the middle size


def test_size_by_unknown_metric(tiny_network: OrgNetwork) -> None:
    with pytest.raises(OnaError, match="Cannot size nodes by 'charisma'"):
        to_html(tiny_network.graph("advice"), size_by="charisma")


def test_highlighted_people_and_bridges(tiny_network: OrgNetwork) -> None:
    page = to_html(tiny_network.graph("advice"), highlight=["b"], bridges=[("b", "c")], lang="nl")
    data = page_data(page)
    nodes = by_id(data["nodes"])
    assert nodes["b"]["borderWidth"] == 4 and nodes["b"]["color"]["border"] == "#111111"
    assert "borderWidth" not in nodes["a"]
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    assert edges[("b", "c")]["color"]["color"] == "#d62728" and edges[("b", "c")]["width"] == 4.0
    assert edges[("c", "d")]["width"] == 1.0
    assert "makelaar" in page and "kwetsbare brug" in page  # Dutch legend


def test_colour_by_a_mapping_such_as_communities(tiny_network: OrgNetwork) -> None:
    communities = {"a": "C1", "b": "C1", "c": "C2", "d": "C2"}
    nodes = by_id(page_data(to_html(tiny_network.graph("advice"), color_by=communities))["nodes"])
    assert nodes["a"]["color"] == nodes["b"]["color"] != nodes["c"]["color"]
    assert nodes["e"]["color"] == "#c7c7c7"  # no community given: unknown


def test_tooltip_lists_department_role_metrics_and_non_response(tiny_network: OrgNetwork) -> None:
    metrics = pd.DataFrame({"in_degree": [2.0], "betweenness": [0.1234]}, index=["b"])
    nodes = by_id(page_data(to_html(tiny_network.graph("advice"), metrics=metrics, lang="nl"))["nodes"])
    tip = nodes["b"]["title"]
    for text in ("Bo Jansen", "Afdeling", "HR", "Functie", "Medewerker", "Genoemd door", "<td>2</td>",
                 "Tussenpositie", "0,123"):
        assert text in tip
    assert "Enquête ingevuld" in nodes["e"]["title"] and "nee" in nodes["e"]["title"]


def test_labels_default_off_for_large_graphs() -> None:
    G = nx.path_graph([f"p{i}" for i in range(151)])
    nodes = page_data(to_html(G))["nodes"]
    assert {n["label"] for n in nodes} == {" "}
    assert page_data(to_html(G, labels=True))["nodes"][0]["label"] == "p0"


# -- escaping ------------------------------------------------------------------------------------


def test_user_text_cannot_break_out_of_the_page(evil_network: OrgNetwork) -> None:
    page = to_html(evil_network.graph("advice"), title=EVIL)
    own = own_markup(page)
    assert "<img" not in own and "<i>" not in own and "<b>" not in own
    assert own.count("</script>") == 2
    nodes = by_id(page_data(page)["nodes"])
    assert nodes["c"]["label"] == EVIL  # drawn as canvas text, shown literally
    assert html.escape(EVIL) in nodes["c"]["title"]  # tooltip markup: escaped
    assert html.escape("<i>IT</i>") in nodes["d"]["title"]
    assert "&lt;i&gt;IT&lt;/i&gt;" in page  # the legend entry, escaped


def test_group_page_escapes_group_names(evil_network: OrgNetwork) -> None:
    page = group_graph_html(group_graph(evil_network.graph("advice")), highlight_edges=[("HR", "<i>IT</i>")])
    assert "<i>" not in own_markup(page)
    edges = page_data(page)["edges"]
    assert any("&lt;i&gt;IT&lt;/i&gt;" in e["title"] for e in edges)


# -- inputs are left alone --------------------------------------------------------------------------


def test_input_graph_is_not_changed() -> None:
    G = nx.DiGraph()
    G.add_node("a", name="Ana", department="HR", weight=3)
    G.add_node("b", name="Bo", department="IT")
    G.add_edge("a", "b", weight=2.0)
    before = (sorted(G.nodes(data=True)), sorted(G.edges(data=True)))
    to_html(G, size_by="weight")
    assert (sorted(G.nodes(data=True)), sorted(G.edges(data=True))) == before


def test_node_ids_must_stay_unique_as_text() -> None:
    G = nx.Graph([(1, "1")])
    with pytest.raises(OnaError, match="same text id '1'"):
        to_html(G)


# -- the department-level drawing -----------------------------------------------------------------


def test_group_graph_html_hand_checked(tiny_network: OrgNetwork) -> None:
    H = group_graph(tiny_network.graph("advice"))
    metrics = pd.DataFrame({"ei_index": [-0.333]}, index=["HR"])
    data = page_data(group_graph_html(H, metrics=metrics, highlight_edges=[("IT", "HR")], lang="en"))
    nodes = by_id(data["nodes"])
    assert nodes["HR"]["label"] == "HR (2)" and nodes["(unknown)"]["label"] == "(unknown) (1)"
    assert nodes["HR"]["size"] == pytest.approx(50.0) and nodes["(unknown)"]["size"] == pytest.approx(12 + 38 * 0.5 ** 0.5)
    assert "E-I index" in nodes["HR"]["title"] and "\u22120.333" in nodes["HR"]["title"]
    (edge,) = data["edges"]
    assert (edge["from"], edge["to"], edge["label"]) == ("HR", "IT", "1")
    assert edge["color"]["color"] == "#d62728"  # the highlighted pair, in either order


def test_group_graph_html_on_the_municipality_has_every_department() -> None:
    G = samples.load("municipality").graph("advice")
    data = page_data(group_graph_html(group_graph(G)))
    assert sorted(by_id(data["nodes"])) == sorted({d for _, d in G.nodes(data="department")})


# -- large drawings --------------------------------------------------------------------------------


def test_a_large_drawing_hands_its_ties_over_in_compact_form() -> None:
    from ona.viz.render import LARGE_DRAWING

    G = nx.gnm_random_graph(LARGE_DRAWING + 1, 4000, seed=1, directed=True)
    nx.set_node_attributes(G, {v: f"g{v % 3}" for v in G}, "department")
    bridge = next(iter(G.edges))
    data = page_data(to_html(G, bridges=[bridge], seed=0))
    assert data["edges"] == []  # not vis-network edges: the page draws them itself
    ties = data["ties"]
    assert len(ties["from"]) == len(ties["to"]) == len(ties["style"]) == G.number_of_edges()
    order = list(G.nodes)
    assert {(order[a], order[b]) for a, b in zip(ties["from"], ties["to"])} == set(G.edges)
    styles = ties["styles"]
    assert all(s["color"].startswith("rgba(") for s in styles)
    k = list(G.edges).index(bridge)
    assert styles[ties["style"][k]] == {"color": "rgba(214,39,40,1)", "width": 4.0, "top": True}
    options = data["options"]["interaction"]
    assert options["hover"] is False and options["dragNodes"] is False and options["hideEdgesOnZoom"] is True
    assert all("label" not in n for n in data["nodes"])  # no blank labels to draw

    small = page_data(to_html(nx.path_graph(5, create_using=nx.DiGraph)))
    assert small["ties"] is None and len(small["edges"]) == 4 and small["edges"][0]["arrows"] == "to"
