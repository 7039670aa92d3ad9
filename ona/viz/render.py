"""Interactive network drawings as standalone HTML pages that work offline.

:func:`to_html` draws people, :func:`group_graph_html` draws departments. Both
return one self-contained HTML page: the vis-network library that ships with
pyvis is inlined, so the page needs no internet access (no CDN, no Bootstrap,
no tom-select) and can be embedded with ``st.iframe`` or saved as a file.

Safety: every text that comes from user data (names, departments, roles,
metric labels) is escaped with :func:`html.escape` before it goes into a
tooltip or the legend, and the data embedded in the page's ``<script>`` is JSON
with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes, so a roster
name such as ``</script><img src=x onerror=alert(1)>`` is shown literally and
never runs. Node labels are drawn as canvas text.

Positions come from :func:`ona.viz.layout.seeded_layout` (the same seed gives the
same picture on every rerun); the physics simulation is off by default.
"""

from __future__ import annotations

import colorsys
import html
import json
import math
import re
from collections.abc import Collection, Hashable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from pyvis.network import Network

from ona.exceptions import OnaError
from ona.i18n import grouping_words, t
from ona.viz.layout import group_of, group_positions, seeded_layout
from ona.model import UNKNOWN_GROUP

__all__ = ["GROUP_PALETTE", "LARGE_DRAWING", "PAIR_COLOURS", "group_colors", "group_graph_html", "to_html"]

#: Colours given to groups in sorted order (Tableau 10 and its light variants, colour-blind aware).
GROUP_PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d4a6c8",
)
_UNKNOWN_COLOR = "#c7c7c7"
_BROKER_BORDER = "#111111"
_BRIDGE_COLOR = "#d62728"
_TOOLTIP_FIELDS = ("department", "team", "role")
_MIN_SIZE, _MAX_SIZE = 8.0, 38.0
#: From this many people on, a drawing is drawn for speed: no arrows, no hover highlighting (the tooltip
#: still shows), edges hidden while zooming or dragging. See ``bench/browser_bench.py``.
LARGE_DRAWING = 1500


def group_colors(groups: Iterable[str]) -> dict[str, str]:
    """A stable colour per group: sorted groups take :data:`GROUP_PALETTE` in turn.

    ``"(unknown)"`` is always grey. Beyond the palette, colours are spread
    evenly around the hue circle.

    Examples
    --------
    >>> group_colors(["IT", "HR", "(unknown)"])
    {'(unknown)': '#c7c7c7', 'HR': '#4e79a7', 'IT': '#f28e2b'}
    """
    ordered = sorted(set(groups))
    known = [g for g in ordered if g != UNKNOWN_GROUP]
    colours = {g: _UNKNOWN_COLOR for g in ordered if g == UNKNOWN_GROUP}
    for i, group in enumerate(known):
        if i < len(GROUP_PALETTE):
            colours[group] = GROUP_PALETTE[i]
        else:
            r, g, b = colorsys.hls_to_rgb(((i - len(GROUP_PALETTE)) * 0.618034) % 1.0, 0.55, 0.55)
            colours[group] = f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"
    return colours


def to_html(
    G: nx.Graph,
    *,
    color_by: str | Mapping[Hashable, Any] = "department",
    size_by: str | Mapping[Hashable, float] | None = None,
    metrics: pd.DataFrame | None = None,
    highlight: Collection[Hashable] = (),
    bridges: Collection[tuple[Hashable, Hashable]] = (),
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    seed: int = 0,
    physics: bool = False,
    labels: bool | None = None,
    height: int = 650,
    lang: str = "en",
    title: str | None = None,
) -> str:
    """Draw a person-level network as a standalone, offline, interactive HTML page.

    Parameters
    ----------
    G : NetworkX graph
        Nodes carry roster attributes (``name``, ``department``, ``role``,
        ...). Not changed: the drawing gets new node and edge records, never `G`.
    color_by : str or mapping, optional (default="department")
        A node attribute whose values colour the nodes, or a mapping node ->
        label (e.g. communities from Louvain).
    size_by : str or mapping, optional
        Node size: a column of `metrics`, a node attribute or a mapping node
        -> number, scaled linearly to 8-38 px (missing values get the
        smallest size). None draws every node the same size.
    metrics : pandas.DataFrame, optional
        Indexed by node; its numeric columns are shown in the tooltip (labels
        translated where ona knows the metric).
    highlight : collection of nodes, optional
        People to emphasise, e.g. brokers: thick dark border and bold label.
    bridges : collection of (u, v), optional
        Ties to emphasise, e.g. fragile bridges: thick red line (either
        direction of an undirected pair matches).
    positions : mapping, optional
        Node -> (x, y); default :func:`ona.viz.layout.seeded_layout` with `seed`.
        They are rescaled (same shape) so that node sizes suit the number of
        people: a handful of people are not drawn as specks.
    seed : int, optional (default=0)
        Layout seed when `positions` is not given.
    physics : bool, optional (default=False)
        Let the browser keep moving the nodes (slow for large graphs).
    labels : bool, optional
        Draw names next to the nodes; default only up to 150 nodes.
    height : int, optional (default=650)
        Drawing height in pixels.
    lang : {"nl", "en"}, optional (default="en")
        Language of the legend and tooltip field names.
    title : str, optional
        Page title (escaped).

    Returns
    -------
    str
        A complete HTML document.

    Raises
    ------
    OnaError
        If two node ids have the same text form (vis-network needs unique
        text ids) or `size_by` names no metric or attribute.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b")])
    >>> nx.set_node_attributes(G, {"a": "Ana", "b": "<b>Bo</b>"}, "name")
    >>> page = to_html(G)
    >>> page.startswith("<!DOCTYPE html>") and "cdn" not in page.lower()
    True
    >>> "<b>Bo</b>" in page, "\\\\u003cb\\\\u003eBo" in page
    (False, True)
    """
    ids = _text_ids(G)
    pos = _fit_positions(positions if positions is not None else seeded_layout(G, seed=seed), len(G))
    groups = _colour_groups(G, color_by)
    colours = group_colors(groups.values())
    sizes = _sizes(G, size_by, metrics)
    show_labels = labels if labels is not None else len(G) <= 150
    highlighted = set(highlight)
    metric_frame = _numeric_metrics(metrics)

    large = len(G) > LARGE_DRAWING
    nodes: list[dict[str, Any]] = []
    for node, data in G.nodes(data=True):
        x, y = pos.get(node, (0.0, 0.0))
        name = _text(data.get("name")) or str(node)
        colour = colours[groups[node]]
        options: dict[str, Any] = {
            "x": round(float(x), 2),
            "y": round(float(y), 2),
            "size": sizes.get(node, _MIN_SIZE) if sizes else 12.0,
            "title": _person_tooltip(node, data, groups[node], metric_frame, lang),
            "font": {"size": 14, "color": "#222222"},
        }
        if node in highlighted:
            options["borderWidth"] = 4
            options["color"] = {"background": colour, "border": _BROKER_BORDER,
                                "highlight": {"background": colour, "border": _BROKER_BORDER}}
            options["font"] = {"size": 16, "color": "#000000", "bold": True, "face": "arial"}
        colour_option = options.pop("color") if node in highlighted else colour
        record = {"color": colour_option, **options, "id": ids[node], "shape": "dot"}
        if show_labels or not large:  # a blank label still costs text drawing on every redraw
            record["label"] = name if show_labels else " "
        nodes.append(record)

    bridge_set = {(u, v) for u, v in bridges}
    if not G.is_directed():
        bridge_set |= {(v, u) for u, v in bridge_set}
    arrows = G.is_directed() and not large  # arrows cost drawing time and are unreadable among thousands
    edges: list[dict[str, Any]] = []
    ties = _Ties() if large else None
    position = {node: i for i, node in enumerate(G.nodes)}
    for u, v, data in G.edges(data=True):
        weight = _number(data.get("weight")) or 1.0
        same = groups[u] == groups[v]
        edge: dict[str, Any] = {"width": min(1.0 + 0.5 * (weight - 1.0), 4.0)}
        if (u, v) in bridge_set:
            edge.update(width=4.0, color={"color": _BRIDGE_COLOR, "opacity": 1.0})
        elif same:
            edge["color"] = {"color": colours[groups[u]], "opacity": 0.35}
        else:
            edge["color"] = {"color": "#555555", "opacity": 0.6}
        if ties is not None:
            ties.add(position[u], position[v], edge["color"], edge["width"], on_top=(u, v) in bridge_set)
            continue
        edge.update({"from": ids[u], "to": ids[v]})
        if arrows:
            edge["arrows"] = "to"
        edges.append(edge)

    legend = [(colours[g], g, "dot") for g in sorted(set(groups.values()))]
    if highlighted & set(G.nodes):
        legend.append((_BROKER_BORDER, t("render.legend.highlight", lang), "ring"))
    if bridge_set & set(G.edges):
        legend.append((_BRIDGE_COLOR, t("render.legend.bridge", lang), "line"))
    options = _vis_options(physics=physics and not large, directed=arrows, curved=False, large=large)
    return _page(nodes, edges, options, legend=legend, height=height, lang=lang,
                 title=title or t("render.title.people", lang), ties=ties.to_dict() if ties is not None else None)


class _Ties:
    """A large drawing's ties in compact form, drawn by the page itself (not as vis-network edges).

    vis-network builds an object per edge (about 60 microseconds each: 4 seconds for 75,000 ties) and
    draws them one by one; the page instead draws the ties of one colour and width as one path.
    """

    def __init__(self) -> None:
        self.source: list[int] = []
        self.target: list[int] = []
        self.style: list[int] = []
        self.styles: dict[tuple[str, float, bool], int] = {}

    def add(self, u: int, v: int, color: Mapping[str, Any], width: float, *, on_top: bool) -> None:
        key = (_rgba(str(color["color"]), float(color["opacity"])), round(float(width), 2), on_top)
        self.source.append(u)
        self.target.append(v)
        self.style.append(self.styles.setdefault(key, len(self.styles)))

    def to_dict(self) -> dict[str, Any]:
        styles = [{"color": c, "width": w, "top": top} for (c, w, top) in self.styles]
        return {"from": self.source, "to": self.target, "style": self.style, "styles": styles}


def _rgba(colour: str, opacity: float) -> str:
    """``#rrggbb`` and an opacity as a CSS ``rgba()`` colour."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{opacity:g})"


def group_graph_html(
    H: nx.DiGraph,
    *,
    metrics: pd.DataFrame | None = None,
    highlight_edges: Collection[tuple[str, str]] = (),
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    height: int = 550,
    lang: str = "en",
    title: str | None = None,
    pairs: pd.DataFrame | None = None,
    max_partners: int = 3,
) -> str:
    """Draw a group-level graph (from :func:`ona.viz.layout.group_graph`) as an offline HTML page.

    Node area grows with ``people`` (radius proportional to its square root);
    edge width grows with the square root of ``ties``; the tooltip gives
    people, respondents, internal ties, the ties of each edge and any numeric
    columns of `metrics` (indexed by group, e.g. the E-I index).

    Parameters
    ----------
    H : networkx.DiGraph
        Nodes are groups with ``people``, ``respondents`` and
        ``internal_ties``; edges carry ``ties``. Not changed.
    metrics : pandas.DataFrame, optional
        Indexed by group label; numeric columns go into the tooltip.
    highlight_edges : collection of (g, h), optional
        Group pairs to emphasise in red, e.g. the pair a finding is about.
    positions : mapping, optional
        Group -> (x, y); default the groups on a circle in sorted order.
    height, lang, title
        As in :func:`to_html`.
    pairs : pandas.DataFrame, optional
        Pairs of groups with ``group_a, group_b, declared, ties, expected, status`` (from
        :func:`ona.findings.pairs.pair_table`). The pairs declared to work together are drawn as one
        thick line each, coloured by their status (red: side by side, orange: thin, green: healthy) and
        labelled "2 of ~55" (ties of the ties expected); a declared pair without any tie gets a dashed red line, so the missing
        connection shows. Other lines stay grey and thin, without numbers, and the groups one neutral
        colour, so that red and green mean only what the lines say.
    max_partners : int, optional (default=3)
        With `pairs` and more than 12 groups, each group keeps only its `max_partners` strongest other
        lines (declared pairs are always drawn), so 30 departments stay readable.

    Returns
    -------
    str
        A complete HTML document.

    Examples
    --------
    >>> from ona.viz.layout import group_graph
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> page = group_graph_html(group_graph(G))
    >>> '"id": "HR"' in page and '"id": "IT"' in page
    True
    >>> pairs = pd.DataFrame({"group_a": ["HR"], "group_b": ["IT"], "declared": [True], "ties": [1.0],
    ...                       "expected": [12.0], "status": ["gap"]})
    >>> '"label": "1 of ~12"' in group_graph_html(group_graph(G), pairs=pairs)
    True
    """
    colours = group_colors(H.nodes)
    if pairs is not None:  # the lines carry the colours (red, orange, green): the groups stay one neutral colour
        colours = {g: _NEUTRAL_GROUP for g in H.nodes}
    many = H.number_of_nodes() > 12
    if positions is None:  # many groups: a wider circle, so that they do not overlap
        positions = group_positions(H, scale=320.0 * max(1.0, H.number_of_nodes() / 12))
    metric_frame = _numeric_metrics(metrics)
    largest = max((int(d.get("people", 1)) for _, d in H.nodes(data=True)), default=1) or 1
    most_ties = max((int(d.get("ties", 1)) for _, _, d in H.edges(data=True)), default=1) or 1
    highlighted = {tuple(p) for p in highlight_edges}

    net = Network(directed=True)
    ids = _text_ids(H)
    for group, data in H.nodes(data=True):
        x, y = positions.get(group, (0.0, 0.0))
        people = int(data.get("people", 0))
        rows = [
            (t("field.people", lang), f"{people}"),
            (t("field.respondents", lang), f"{int(data.get('respondents', people))}"),
            (t("field.internal_ties", lang), f"{int(data.get('internal_ties', 0))}"),
        ]
        rows += _metric_rows(group, metric_frame, lang)
        net.add_node(
            ids[group],
            label=f"{group} ({people})",
            color=colours[group],
            shape="dot",
            x=round(float(x), 2),
            y=round(float(y), 2),
            size=(8.0 + 16.0 * math.sqrt(people / largest)) if many else (12.0 + 38.0 * math.sqrt(people / largest)),
            title=_tooltip(str(group), rows),
            font={"size": 28 if many else 16, "color": "#222222"},
        )
    declared = _declared_pairs(pairs)
    kept = _strongest_lines(H, declared, max_partners if H.number_of_nodes() <= 24 else min(max_partners, 2))\
        if pairs is not None and many else None
    drawn: set[frozenset] = set()
    for g, h, data in H.edges(data=True):
        ties = int(data.get("ties", 1))
        key = frozenset((g, h))
        if key in declared:
            if key in drawn:
                continue  # a declared pair is one line: its ties both ways, coloured by its status
            drawn.add(key)
            row = declared[key]
            net.add_edge(ids[g], ids[h], width=2.5 + 6.0 * math.sqrt(min(1.0, float(row["ties"]) / most_ties)),
                         title=_tooltip(t("finding.word.pair", lang, a=g, b=h), _pair_rows(row, lang)),
                         color={"color": PAIR_COLOURS.get(row["status"], "#888888"), "opacity": 1.0},
                         label=_pair_label(row, lang), arrows={"to": {"enabled": False}},
                         font={"size": 26 if many else 15, "align": "horizontal", "color": "#222222", "strokeWidth": 5})
            continue
        if kept is not None and key not in kept:
            continue
        highlighted_edge = (g, h) in highlighted or (h, g) in highlighted
        line: dict[str, Any] = {
            "width": 1.0 + 7.0 * math.sqrt(ties / most_ties),
            "title": _tooltip(f"{g} \u2192 {h}", [(t("field.ties", lang), str(ties))]),
            "color": {"color": _BRIDGE_COLOR if highlighted_edge else "#666666",
                      "opacity": 1.0 if highlighted_edge else 0.55},
            "font": {"size": 14, "align": "middle", "color": "#333333", "strokeWidth": 3},
        }
        if pairs is None:  # with pairs only the declared ones carry numbers
            line["label"] = str(ties)
        else:
            line.update(width=1.0 + 3.0 * math.sqrt(ties / most_ties),
                        color={"color": "#9e9e9e", "opacity": 0.3 if many else 0.45})
        net.add_edge(ids[g], ids[h], **line)
    for key, row in declared.items():  # declared pairs without a single tie: a dashed red line
        a, b = row["group_a"], row["group_b"]
        if key in drawn or a not in ids or b not in ids:
            continue
        net.add_edge(ids[a], ids[b], width=2.5, dashes=True, label=_pair_label(row, lang),
                     title=_tooltip(t("finding.word.pair", lang, a=a, b=b), _pair_rows(row, lang)),
                     color={"color": PAIR_COLOURS.get(row["status"], "#888888"), "opacity": 1.0},
                     arrows={"to": {"enabled": False}},
                     font={"size": 26 if many else 15, "align": "horizontal", "color": "#222222", "strokeWidth": 5})
    legend = []  # the nodes carry their group's name; only the highlight needs explaining
    if highlighted:
        legend.append((_BRIDGE_COLOR, t("render.legend.pair", lang), "line"))
    options = _vis_options(physics=False, directed=True, curved=True)
    return _page(net.nodes, net.edges, options, legend=legend, height=height, lang=lang,
                 title=title or t("render.title.groups", lang,
                                                 **grouping_words(str(H.graph.get("grouping", "group")), lang)))


_NEUTRAL_GROUP = "#9fb3c8"
#: Colours of a pair's status (see :mod:`ona.findings.pairs`): side by side, thin, healthy, too small to judge.
PAIR_COLOURS = {"gap": "#d62728", "thin": "#ff7f0e", "healthy": "#2ca02c", "unknown": "#9e9e9e"}


def _declared_pairs(pairs: pd.DataFrame | None) -> dict[frozenset, dict[str, Any]]:
    if pairs is None or pairs.empty or "declared" not in pairs.columns:
        return {}
    rows = pairs.loc[pairs["declared"].astype(bool)]
    return {frozenset((r["group_a"], r["group_b"])): r for r in rows.to_dict("records")}


def _strongest_lines(H: nx.DiGraph, declared: Mapping[frozenset, Any], max_partners: int) -> set[frozenset]:
    """The lines to draw in a large group graph: each group's strongest `max_partners` pairs and every declared one."""
    strength: dict[frozenset, float] = {}
    for g, h, data in H.edges(data=True):
        key = frozenset((g, h))
        strength[key] = strength.get(key, 0.0) + float(data.get("ties", 1))
    kept = set(declared)
    for group in H.nodes:
        mine = sorted((k for k in strength if group in k), key=lambda k: (-strength[k], sorted(map(str, k))))
        kept.update(mine[:max_partners])
    return kept


def _pair_label(row: Mapping[str, Any], lang: str) -> str:
    """``"2 of ~55"``: a declared pair's ties against the ties expected (numbers as the language writes them)."""
    from ona.i18n import number

    ties = row.get("ties")
    expected = row.get("expected")
    ties_text = number(ties, lang) if ties is not None and not pd.isna(ties) else "?"
    if expected is None or pd.isna(expected):
        return ties_text
    return t("pairs.edge_label", lang, ties=ties_text, expected=number(expected, lang))


def _pair_rows(row: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    from ona.i18n import number

    rows = []
    if row.get("collaboration"):
        rows.append((t("evidence.collaboration", lang), str(row["collaboration"])))
    rows.append((t("evidence.ties", lang), number(row.get("ties"), lang)))
    rows.append((t("evidence.expected", lang), number(row.get("expected"), lang)))
    rows.append((t("pairs.status", lang), t(f"pairs.status.{row.get('status', 'unknown')}", lang)))
    return rows


# -- helpers ---------------------------------------------------------------------------------


def _text_ids(G: nx.Graph) -> dict[Hashable, str]:
    ids = {node: str(node) for node in G.nodes}
    if len(set(ids.values())) != len(ids):
        seen: dict[str, Hashable] = {}
        for node, text in ids.items():
            if text in seen:
                raise OnaError(
                    f"Nodes {seen[text]!r} and {node!r} have the same text id {text!r}; the drawing needs "
                    "unique ids. Relabel the graph with nx.relabel_nodes first."
                )
            seen[text] = node
    return ids


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _colour_groups(G: nx.Graph, color_by: str | Mapping[Hashable, Any]) -> dict[Hashable, str]:
    if isinstance(color_by, str):
        if not any(color_by in data for _, data in G.nodes(data=True)):
            return {node: UNKNOWN_GROUP for node in G.nodes}  # nothing to colour by: one colour
        return group_of(G, color_by)
    labels = {}
    for node in G.nodes:
        value = _text(color_by.get(node))
        labels[node] = value or UNKNOWN_GROUP
    return labels


def _sizes(
    G: nx.Graph, size_by: str | Mapping[Hashable, float] | None, metrics: pd.DataFrame | None
) -> dict[Hashable, float]:
    if size_by is None:
        return {}
    if isinstance(size_by, str):
        if metrics is not None and size_by in metrics.columns:
            source: Mapping[Hashable, Any] = metrics[size_by].to_dict()
        elif any(size_by in d for _, d in G.nodes(data=True)):
            source = dict(G.nodes(data=size_by))
        else:
            have = list(metrics.columns) if metrics is not None else []
            raise OnaError(
                f"Cannot size nodes by {size_by!r}: it is neither a metric "
                f"({', '.join(map(str, have)) or 'none given'}) "
                "nor a node attribute. Pick one of the metrics."
            )
    else:
        source = size_by
    values = {n: _number(source.get(n)) for n in G.nodes}
    known = [v for v in values.values() if v is not None]
    if not known:
        return {n: _MIN_SIZE for n in G.nodes}
    low, high = min(known), max(known)
    span = high - low
    return {
        n: (_MIN_SIZE if v is None else _MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * ((v - low) / span if span else 0.5))
        for n, v in values.items()
    }


def _numeric_metrics(metrics: pd.DataFrame | None) -> pd.DataFrame | None:
    if metrics is None:
        return None
    numeric = metrics.select_dtypes(include="number")
    others = [c for c in metrics.columns if c not in numeric.columns and metrics[c].dtype == bool]
    return metrics[[*numeric.columns, *others]] if len(numeric.columns) or others else None


def _metric_rows(key: Hashable, metrics: pd.DataFrame | None, lang: str) -> list[tuple[str, str]]:
    if metrics is None or key not in metrics.index:
        return []
    rows = []
    for column, value in metrics.loc[key].items():
        number = _number(value)
        if number is None:
            continue
        text = f"{int(number)}" if float(number).is_integer() and abs(number) >= 1 else f"{number:.3f}"
        rows.append((_metric_label(str(column), lang), text))
    return rows


def _metric_label(column: str, lang: str) -> str:
    try:
        return t(f"metric.{column}", lang)
    except KeyError:
        return column


def _person_tooltip(
    node: Hashable, data: Mapping[str, Any], group: str, metrics: pd.DataFrame | None, lang: str
) -> str:
    rows = []
    for field in _TOOLTIP_FIELDS:
        value = _text(data.get(field))
        if value:
            rows.append((t(f"field.{field}", lang), value))
    if data.get("responded") is False:
        rows.append((t("field.responded", lang), t("common.no", lang)))
    rows += _metric_rows(node, metrics, lang)
    return _tooltip(_text(data.get("name")) or str(node), rows)


def _tooltip(heading: str, rows: list[tuple[str, str]]) -> str:
    """Tooltip HTML; every piece of text is escaped here."""
    body = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>" for label, value in rows
    )
    return f"<div class='ona-tip'><strong>{html.escape(heading)}</strong><table>{body}</table></div>"


def _fit_positions(positions: Mapping[Hashable, tuple[float, float]], n: int) -> dict[Hashable, tuple[float, float]]:
    """Positions rescaled to a spread that grows with the square root of the number of nodes (150 to 1000)."""
    extent = max((abs(c) for xy in positions.values() for c in xy), default=0.0)
    if not extent:
        return dict(positions)
    factor = min(max(120.0 * math.sqrt(max(n, 1)), 150.0), 1000.0) / extent
    return {node: (x * factor, y * factor) for node, (x, y) in positions.items()}


def _vis_options(*, physics: bool, directed: bool, curved: bool, large: bool = False) -> dict[str, Any]:
    """vis-network options; a `large` drawing skips what redraws the whole canvas on every hover."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},  # positions are given: never let vis-network move them
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": physics, "iterations": 150},
        },
        "interaction": {
            "hover": not large, "tooltipDelay": 30 if large else 80, "hideEdgesOnDrag": True,
            "hideEdgesOnZoom": large, "dragNodes": not large, "navigationButtons": False,
        },
        "nodes": {"borderWidth": 1, "borderWidthSelected": 3},
        "edges": {
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.4 if curved else 0.5}},
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15} if curved else {"enabled": False},
            "selectionWidth": 2,
        },
    }


def _script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    root = Path(str(resources.files("pyvis"))) / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    text = root.read_text(encoding="utf-8")
    if "</script" in text.lower():  # would end the inline script early
        raise OnaError(f"{root} contains '</script' and cannot be inlined; reinstall pyvis 0.3.2.")
    return text


_CSS = """
html, body { margin: 0; padding: 0; background: #ffffff; font-family: "Source Sans Pro", Arial, sans-serif; }
#ona-graph { width: 100%; height: __HEIGHT__px; border: 1px solid #e6e6e6; border-radius: 6px; box-sizing: border-box; }
#ona-legend { position: absolute; top: 8px; left: 8px; max-width: 45%; background: rgba(255,255,255,0.88);
  border: 1px solid #e6e6e6; border-radius: 6px; padding: 6px 10px; font-size: 13px; line-height: 1.5; }
#ona-legend .item { display: flex; align-items: center; gap: 6px; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
#ona-legend .dot { width: 11px; height: 11px; border-radius: 50%; display: inline-block; flex: none; }
#ona-legend .ring { width: 9px; height: 9px; border-radius: 50%; border: 3px solid; display: inline-block; flex: none; }
#ona-legend .line { width: 16px; height: 0; border-top: 4px solid; display: inline-block; flex: none; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 6px 8px; white-space: nowrap; font-size: 13px;
  background: #ffffff; border: 1px solid #999999; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,0.15);
  pointer-events: none; z-index: 5; color: #111111; }
.ona-tip table { border-collapse: collapse; margin-top: 3px; }
.ona-tip th { text-align: left; font-weight: normal; color: #555555; padding: 0 10px 0 0; }
.ona-tip td { text-align: right; padding: 0; }
"""

_SCRIPT = """
(function () {
  var nodes = __NODES__;
  var edges = __EDGES__;
  var ties = __TIES__;  /* a large drawing's ties, drawn here rather than as vis-network edges */
  function tip(markup) {  /* markup was escaped by ona.viz.render */
    var box = document.createElement("div");
    box.innerHTML = markup;
    return box;
  }
  nodes.forEach(function (n) { if (typeof n.title === "string") { n.title = tip(n.title); } });
  edges.forEach(function (e) { if (typeof e.title === "string") { e.title = tip(e.title); } });
  var container = document.getElementById("ona-graph");
  var network = new vis.Network(container, {nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges)}, __OPTIONS__);
  if (ties) { drawLarge(network, nodes, ties); }
  network.fit({maxZoomLevel: 1.5, animation: false});  /* before the first drawing, so it is drawn once */
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "true"); });
  window.onaNetwork = network;

  /* A large drawing: the page draws the ties itself, one path per colour, and keeps the whole drawing
     as a picture. A click that changes no view (selecting a person) copies the picture back and draws
     the selected people and their ties on top, instead of drawing every tie and person again; the
     picture is drawn again whenever the view (pan, zoom, size) changes. Relies on vis-network 9's
     renderer (_drawEdges, _drawNodes, _drawArrows); without them the ties are simply not drawn. */
  function drawLarge(network, nodes, ties) {
    var renderer = network.renderer, body = network.body;
    if (!renderer || typeof renderer._drawNodes !== "function" || !body || !body.view) { return; }
    var drawNodes = renderer._drawNodes, index = {}, byStyle = ties.styles.map(function () { return []; });
    nodes.forEach(function (n, i) { index[n.id] = i; });
    var count = new Int32Array(nodes.length + 1), k;
    for (k = 0; k < ties.from.length; k++) {
      byStyle[ties.style[k]].push(k);
      count[ties.from[k] + 1]++;
      count[ties.to[k] + 1]++;
    }
    for (k = 1; k <= nodes.length; k++) { count[k] += count[k - 1]; }
    var fill = count.slice(0, nodes.length), touching = new Int32Array(2 * ties.from.length);
    for (k = 0; k < ties.from.length; k++) {
      touching[fill[ties.from[k]]++] = k;
      touching[fill[ties.to[k]]++] = k;
    }
    var order = ties.styles.map(function (s, i) { return i; }).sort(function (a, b) {
      return (ties.styles[a].top ? 1 : 0) - (ties.styles[b].top ? 1 : 0);
    });
    var at = null;
    function place() { at = nodes.map(function (n) { return body.nodes[n.id]; }); }
    function line(ctx, k) {
      var a = at[ties.from[k]], b = at[ties.to[k]];
      if (a && b) { ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); }
    }
    function drawTies(ctx) {
      if (!at) { place(); }
      order.forEach(function (s) {
        var style = ties.styles[s];
        ctx.beginPath();
        ctx.strokeStyle = style.color;
        ctx.lineWidth = style.width;
        byStyle[s].forEach(function (k) { line(ctx, k); });
        ctx.stroke();
      });
    }
    function drawSelected(ctx) {
      if (!at) { place(); }
      var chosen = network.getSelectedNodes();
      if (!chosen.length) { return; }
      ctx.beginPath();
      ctx.strokeStyle = "rgba(17,17,17,0.85)";
      ctx.lineWidth = 2 / Math.max(body.view.scale, 0.2);
      chosen.forEach(function (id) {
        var i = index[id];
        if (i === undefined) { return; }
        for (var j = count[i]; j < count[i + 1]; j++) { line(ctx, touching[j]); }
      });
      ctx.stroke();
      chosen.forEach(function (id) { if (body.nodes[id]) { body.nodes[id].draw(ctx); } });
    }
    var picture = document.createElement("canvas"), shown = null, frame = {key: null, ties: false, cached: false};
    function keyOf(ctx) {
      var view = body.view;
      return [view.translation.x, view.translation.y, view.scale, ctx.canvas.width, ctx.canvas.height].join(",");
    }
    renderer._drawArrows = function () {};  /* no arrows in a large drawing: skip visiting every tie */
    renderer._drawEdges = function (ctx) {
      frame.key = keyOf(ctx);
      frame.cached = frame.key === shown;
      if (frame.cached) {
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(picture, 0, 0);
        ctx.restore();
        return;
      }
      drawTies(ctx);
      frame.ties = true;
    };
    renderer._drawNodes = function (ctx, hidden) {
      var key = keyOf(ctx);
      if (!hidden && frame.cached && key === frame.key) {
        frame.cached = false;
        drawSelected(ctx);
        return {drawExternalLabels: null};
      }
      var chosen = network.getSelectedNodes().map(function (id) { return body.nodes[id]; })
                                              .filter(function (n) { return n; });
      chosen.forEach(function (n) { n.selected = false; });
      var result = drawNodes.call(renderer, ctx, hidden);
      chosen.forEach(function (n) { n.selected = true; });
      if (!hidden && frame.ties && key === frame.key) {
        picture.width = ctx.canvas.width;
        picture.height = ctx.canvas.height;
        var copy = picture.getContext("2d");
        copy.clearRect(0, 0, picture.width, picture.height);
        copy.drawImage(ctx.canvas, 0, 0);
        shown = key;
      } else {
        shown = null;
      }
      frame.ties = false;
      drawSelected(ctx);
      return result;
    };
  }
})();
"""


def _page(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    options: Mapping[str, Any],
    *,
    legend: list[tuple[str, str, str]],
    height: int,
    lang: str,
    title: str,
    ties: Mapping[str, Any] | None = None,
) -> str:
    legend_items = "".join(
        f'<div class="item"><span class="{kind}" style="{"background" if kind == "dot" else "border-color"}:'
        f'{html.escape(colour)}"></span>{html.escape(text)}</div>'
        for colour, text, kind in legend
    )
    data = {"NODES": _script_json(nodes), "EDGES": _script_json(edges), "OPTIONS": _script_json(dict(options)),
            "TIES": _script_json(dict(ties)) if ties is not None else "null"}
    # One pass, so text inside the data (e.g. a person called "__EDGES__") is never substituted again.
    script = re.sub(r"__(NODES|EDGES|OPTIONS|TIES)__", lambda m: data[m.group(1)], _SCRIPT)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f"<style>{_CSS.replace('__HEIGHT__', str(int(height)))}</style>"
        f"<script>{_vis_network_js()}</script></head>"
        '<body><div style="position: relative;">'
        f'<div id="ona-graph" role="img" aria-label="{html.escape(title)}"></div>'
        + (f'<div id="ona-legend">{legend_items}</div>' if legend_items else "")
        + f"</div><script>{script}</script></body></html>\n"
    )
