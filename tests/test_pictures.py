"""Static pictures (ona.viz.pictures): PNG and SVG, the browser's colours, the reader's number style, names
drawn literally, the same bytes for the same input."""

from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

from ona import samples
from ona.viz.layout import group_graph, group_positions
from ona.viz.pictures import (
    change_picture,
    conditions_picture,
    group_graph_picture,
    matrix_picture,
    network_picture,
)
from ona.viz.render import group_colors


@pytest.fixture(scope="module")
def advice() -> nx.DiGraph:
    return samples.load("municipality").graph("advice")


def _fills(svg: bytes) -> set[str]:
    return {m.lower() for m in re.findall(rb"fill: ?(#[0-9a-fA-F]{6})", svg)}


def test_network_picture_uses_the_browsers_group_colours_and_a_legend(advice):
    svg = network_picture(advice, format="svg", lang="nl")
    colours = group_colors({d for _, d in advice.nodes(data="department")})
    assert {c.encode() for c in colours.values()} <= {f.encode() if isinstance(f, str) else f for f in _fills(svg)}
    for department in colours:  # the legend names every department
        assert department.replace("&", "&amp;").encode() in svg
    assert b"Netwerk van mensen" in svg


def test_pictures_are_the_same_bytes_for_the_same_input_and_seed(advice):
    assert network_picture(advice, seed=3) == network_picture(advice, seed=3)
    assert network_picture(advice, seed=3, format="svg") == network_picture(advice, seed=3, format="svg")
    assert network_picture(advice, seed=3) != network_picture(advice, seed=4)  # the seed moves people


def test_png_is_a_png_and_svg_carries_no_date(advice):
    png = network_picture(advice)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = network_picture(advice, format="svg")
    assert b"<dc:date>" not in svg and svg.lstrip().startswith(b"<?xml")


def test_group_graph_picture_draws_counts_in_the_readers_style_and_marks_pairs():
    H = nx.DiGraph()
    H.add_node("Zorg", people=120)
    H.add_node("Wonen", people=30)
    H.add_node("Werk", people=8)
    H.add_edge("Zorg", "Wonen", ties=1000)
    H.add_edge("Wonen", "Zorg", ties=234)  # the pair's ties together: 1,234
    dutch = group_graph_picture(H, highlight_pairs=[("Werk", "Zorg")], format="svg", lang="nl").decode()
    english = group_graph_picture(H, format="svg", lang="en").decode()
    assert ">1.234<" in dutch and ">1,234<" in english
    assert "Zorg (120)" in dutch
    assert "#d62728" in dutch  # the highlighted pair without ties: a red dotted line, with its count 0
    assert ">0<" in dutch and "paar met een bevinding" in dutch
    assert "#d62728" not in english


def test_group_graph_picture_places_groups_as_the_browser_does():
    H = group_graph(samples.load("krackhardt").graph("advice"), "department")
    assert group_positions(H) == group_positions(H.copy())  # sorted circle: no randomness
    assert group_graph_picture(H) == group_graph_picture(H)


def test_matrix_picture_writes_values_with_decimal_commas_in_dutch():
    m = pd.DataFrame([[0.125, 0.5], [0.0, 0.75]], index=["HR", "IT"], columns=["HR", "IT"])
    dutch = matrix_picture(m, format="svg", lang="nl", row_label="noemt").decode()
    assert ">0,12<" in dutch or ">0,13<" in dutch
    assert ">0,75<" in dutch and "noemt" in dutch
    assert ">0.75<" in matrix_picture(m, format="svg", lang="en").decode()


def test_conditions_and_change_pictures():
    scores = pd.DataFrame({"Publiekszaken": [3.8, 2.4], "Ruimte & Wonen": [4.1, 3.0]}, index=["Ambitie", "Proces"])
    svg = conditions_picture(scores, lang="nl", format="svg").decode()
    assert "Ambitie" in svg and ">2,4<" in svg and "Ruimte &amp; Wonen" in svg
    frame = pd.DataFrame({"before": [1.25, 0.5], "after": [3.0, 0.4]}, index=["HR", "IT"])
    svg = change_picture(frame, before_label="2025", after_label="2026", lang="nl", format="svg").decode()
    assert ">3,0<" in svg and "2025" in svg


def test_names_from_hr_files_are_drawn_literally():
    G = nx.Graph([("a", "b")])
    nx.set_node_attributes(G, {"a": "<script>alert(1)</script>", "b": "$x^2$ & Co"}, "name")
    nx.set_node_attributes(G, {"a": "R&D <b>", "b": "R&D <b>"}, "department")
    svg = network_picture(G, format="svg").decode()
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "$x^2$ &amp; Co" in svg  # no mathtext: the dollar signs stay
    assert "R&amp;D &lt;b&gt;" in svg


def test_an_unknown_format_is_refused():
    from ona.exceptions import OnaError

    with pytest.raises(OnaError, match="use 'png' or 'svg'"):
        network_picture(nx.Graph([("a", "b")]), color_by="x", format="gif")


def test_a_large_department_map_draws_each_groups_strongest_pairs_only():
    H = nx.DiGraph()
    groups = [f"Afdeling {i:02d}" for i in range(20)]
    for i, g in enumerate(groups):
        H.add_node(g, people=10 + i)
    for i, g in enumerate(groups):
        for j, h in enumerate(groups):
            if i < j:
                H.add_edge(g, h, ties=1 + (i * 7 + j * 3) % 11)
    every = group_graph_picture(H, max_partners=None, format="svg").count(b'id="line2d_')
    strongest = group_graph_picture(H, format="svg").count(b'id="line2d_')
    assert every == 190  # 20 groups: every pair has ties
    assert strongest <= 20 * 3 and strongest >= 20 * 3 // 2
    marked = group_graph_picture(H, highlight_pairs=[("Afdeling 00", "Afdeling 01")], format="svg")
    assert b"#d62728" in marked  # a highlighted pair is drawn even when it is not among the strongest
