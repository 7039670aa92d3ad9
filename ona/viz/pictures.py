"""Static pictures for reports, slides and downloads: PNG and SVG, drawn with matplotlib (Agg), offline.

* :func:`network_picture` — people, coloured by group, with a legend (seeded layout);
* :func:`group_graph_picture` — the department map: one circle per group, one line per pair of groups;
* :func:`matrix_picture` — a group-by-group matrix (tie counts or densities) with the values written in;
* :func:`conditions_picture` — scores per condition and group (e.g. the five conditions of a collaboration);
* :func:`change_picture` — a figure per group before and after (e.g. ties to other departments per person).

The pictures agree with the browser's drawings (:mod:`ona.viz.render`): groups get the same colours
(:func:`ona.viz.render.group_colors`), people the same seeded positions (:func:`ona.viz.layout.seeded_layout`)
and groups the same places on a circle (:func:`ona.viz.layout.group_positions`).

Every picture is drawn on its own matplotlib ``Figure`` (no pyplot, no global state), with the DejaVu fonts
that ship with matplotlib, so it looks the same on every machine and needs no internet. The same input and
seed give the same bytes: SVG files carry no date and a fixed id salt, PNG files no software version.
Text in SVG files stays text (``svg.fonttype = "none"``), so names can be searched and edited.
Names and group names come from HR files; matplotlib draws them literally (mathtext is switched off).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ona.exceptions import OnaError
from ona.i18n import number, t
from ona.viz.layout import group_of, group_positions, seeded_layout
from ona.viz.render import group_colors

__all__ = [
    "ALL_PAIRS_UP_TO",
    "PICTURE_FORMATS",
    "change_picture",
    "conditions_picture",
    "group_graph_picture",
    "matrix_picture",
    "network_picture",
]

#: The formats every picture function writes.
PICTURE_FORMATS = ("png", "svg")
#: Up to this many groups the department map draws every pair with ties (beyond, each group's strongest).
ALL_PAIRS_UP_TO = 12

_HIGHLIGHT = "#d62728"  # the browser's colour for a highlighted pair or bridge
_EDGE = "#666666"
_TEXT = "#222222"
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "svg.fonttype": "none",
    "svg.hashsalt": "ona",
    "text.parse_math": False,
    "axes.edgecolor": "#999999",
    "axes.labelcolor": _TEXT,
    "xtick.color": _TEXT,
    "ytick.color": _TEXT,
}
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure  # no pyplot: the canvas follows the format when saving

    return Figure(figsize=(width, height), layout="constrained")


def _check_format(format: str) -> None:
    if format not in PICTURE_FORMATS:
        raise OnaError(f"Unknown picture format {format!r}; use 'png' or 'svg'.")


def _save(fig: Any, format: str, dpi: int) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(_STYLE):
        fig.savefig(buffer, format=format, dpi=dpi, metadata=_METADATA[format], facecolor="white")
    return buffer.getvalue()


def _style() -> Any:
    import matplotlib

    return matplotlib.rc_context(_STYLE)


def network_picture(
    G: nx.Graph,
    *,
    color_by: str = "department",
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    seed: int = 0,
    highlight: Collection[Hashable] = (),
    labels: bool | None = None,
    title: str | None = None,
    lang: str = "en",
    format: str = "png",
    width: float = 10.0,
    height: float = 7.5,
    dpi: int = 150,
) -> bytes:
    """Draw the people of `G`, coloured by group, with a legend: PNG or SVG bytes.

    Parameters
    ----------
    G : NetworkX graph
        Nodes carry `color_by` and optionally ``name`` (drawn as the label). Not changed.
    color_by : str, optional (default="department")
        Node attribute whose values colour the nodes (empty values are ``"(unknown)"``, grey).
    positions : mapping, optional
        Node -> (x, y); default :func:`ona.viz.layout.seeded_layout` with `seed` (as the browser).
    seed : int, optional (default=0)
    highlight : collection of nodes, optional
        People drawn larger with a dark border (e.g. the people a finding is about).
    labels : bool, optional
        Write names next to the nodes; default only up to 60 people.
    title : str, optional
        Default "Network of people" in `lang`.
    lang : {"nl", "en"}, optional (default="en")
    format : {"png", "svg"}, optional (default="png")
    width, height : float, optional
        Size in inches.
    dpi : int, optional (default=150)
        Resolution of a PNG.

    Returns
    -------
    bytes

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT"}, "department")
    >>> network_picture(G)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    >>> b"HR" in network_picture(G, format="svg")
    True
    """
    _check_format(format)
    groups = group_of(G, color_by) if len(G) else {}
    colours = group_colors(groups.values())
    if positions is None:
        positions = seeded_layout(G, seed=seed)
    nodes = list(G.nodes)
    n = len(nodes)
    with _style():
        fig = _figure(width, height)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_title(title if title is not None else t("render.title.people", lang), loc="left", fontsize=13,
                     color=_TEXT)
        if n:
            from matplotlib.collections import LineCollection

            xy = np.array([positions.get(v, (0.0, 0.0)) for v in nodes], dtype=float)
            index = {v: i for i, v in enumerate(nodes)}
            segments = [(xy[index[u]], xy[index[v]]) for u, v in G.edges() if u != v]
            if segments:
                alpha = float(min(0.5, max(0.012, 8.0 / math.sqrt(len(segments) + 1))))
                ax.add_collection(LineCollection(segments, colors=_EDGE, linewidths=0.5, alpha=alpha, zorder=1))
            size = float(min(90.0, max(6.0, 6000.0 / n)))
            marked = set(highlight)
            ax.scatter(xy[:, 0], xy[:, 1], s=[size * (3.0 if v in marked else 1.0) for v in nodes],
                       c=[colours[groups[v]] for v in nodes], edgecolors=["#111111" if v in marked else "white"
                                                                          for v in nodes],
                       linewidths=[1.6 if v in marked else (0.4 if n <= 500 else 0.0) for v in nodes], zorder=2)
            if labels is None:
                labels = n <= 60
            if labels or marked:
                for v, (x, y) in zip(nodes, xy):
                    if labels or v in marked:
                        name = G.nodes[v].get("name")
                        text = str(name) if name is not None and str(name).strip() else str(v)
                        ax.annotate(text, (x, y), xytext=(4, 4), textcoords="offset points", fontsize=7.5,
                                    color=_TEXT, fontweight="bold" if v in marked else "normal", zorder=3)
            ax.autoscale_view()
            ax.set_aspect("equal", adjustable="datalim")
        _legend(fig, ax, [(group, colours[group]) for group in _ordered(colours)])
        return _save(fig, format, dpi)


def _ordered(colours: Mapping[str, str]) -> list[str]:
    """Groups in legend order: sorted, "(unknown)" and "(other)" last."""
    return sorted(colours, key=lambda g: (g.startswith("("), g))


def _legend(fig: Any, ax: Any, entries: Sequence[tuple[str, str]]) -> None:
    from matplotlib.lines import Line2D

    if not entries:
        return
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=colour,
                      markeredgecolor="white", label=label) for label, colour in entries]
    columns = 1 if len(entries) <= 14 else min(4, math.ceil(len(entries) / 14))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9,
              ncols=columns)


def group_graph_picture(
    H: nx.DiGraph,
    *,
    highlight_pairs: Collection[tuple[str, str]] = (),
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    max_partners: int | None = -1,
    title: str | None = None,
    caption: str | None = None,
    lang: str = "en",
    format: str = "png",
    width: float = 8.0,
    height: float = 6.0,
    dpi: int = 150,
) -> bytes:
    """Draw the department map: one circle per group, one line per pair of groups with ties.

    A circle's area grows with the group's ``people`` (as in the browser); a line joins two groups
    with ties in either direction, its width growing with the square root of their ties together
    (written on the line when there are at most 12 groups). Pairs in `highlight_pairs` are red;
    a highlighted pair without any tie gets a dotted red line, so a missing connection shows.

    Parameters
    ----------
    H : networkx.DiGraph
        From :func:`ona.viz.layout.group_graph` or :func:`ona.privacy.manager_graph` (``aggregate=True``):
        nodes with ``people``, edges with ``ties``. Not changed.
    highlight_pairs : collection of (g, h), optional
        Group pairs to mark, e.g. pairs a finding is about.
    positions : mapping, optional
        Group -> (x, y); default :func:`ona.viz.layout.group_positions` (a circle in sorted order).
    max_partners : int or None, optional
        Draw only each group's `max_partners` strongest pairs (and every highlighted pair), so that a
        large organisation does not become a hairball. None draws every pair; the default draws every
        pair up to :data:`ALL_PAIRS_UP_TO` groups and each group's 3 strongest pairs beyond.
    title, caption : str, optional
        A title above and a caption below the drawing.
    lang, format, width, height, dpi
        As in :func:`network_picture`.

    Examples
    --------
    >>> H = nx.DiGraph()
    >>> H.add_node("HR", people=4); H.add_node("IT", people=9); H.add_edge("HR", "IT", ties=3)
    >>> svg = group_graph_picture(H, highlight_pairs=[("IT", "HR")], format="svg").decode()
    >>> "HR (4)" in svg and "IT (9)" in svg and ">3<" in svg
    True
    """
    _check_format(format)
    colours = group_colors(H.nodes)
    if positions is None:
        positions = group_positions(H)
    groups = sorted(H.nodes)
    pairs: dict[frozenset[str], int] = {}
    for g, h, data in H.edges(data=True):
        if g != h:
            key = frozenset((g, h))
            pairs[key] = pairs.get(key, 0) + int(data.get("ties", 1))
    marked = {frozenset(p) for p in highlight_pairs if len(set(p)) == 2 and all(g in H for g in p)}
    if max_partners == -1:
        max_partners = None if len(groups) <= ALL_PAIRS_UP_TO else 3
    if max_partners is not None:
        pairs = {key: ties for key, ties in pairs.items() if key in _strongest(pairs, max_partners) or key in marked}
    most = max(pairs.values(), default=1) or 1
    largest = max((int(d.get("people", 1) or 1) for _, d in H.nodes(data=True)), default=1)
    spread = max((math.hypot(*positions[g]) for g in groups), default=0.0) or 320.0
    gap = 2 * math.pi * spread / max(len(groups), 1) if len(groups) > 1 else spread
    biggest = min(0.42 * gap, 0.22 * spread) if len(groups) > 1 else 60.0
    write_ties = len(groups) <= 12
    with _style():
        fig = _figure(width, height)
        ax = fig.add_subplot()
        ax.set_axis_off()
        if title:
            ax.set_title(title, loc="left", fontsize=13, color=_TEXT)
        for key in sorted(set(pairs) | marked, key=lambda k: sorted(k)):
            g, h = sorted(key)
            (x1, y1), (x2, y2) = positions[g], positions[h]
            ties = pairs.get(key, 0)
            red = key in marked
            width_pt = 0.8 + (9.0 if len(groups) <= 16 else 4.5) * math.sqrt(ties / most) if ties else 1.6
            ax.plot([x1, x2], [y1, y2], color=_HIGHLIGHT if red else _EDGE, alpha=0.95 if red else 0.45,
                    linewidth=width_pt, linestyle=":" if not ties else "-", solid_capstyle="round", zorder=1)
            if write_ties or red:
                # neighbours on the circle: halfway; longer chords cross near the middle, so their numbers go
                # a little towards the first group, off the crossings
                share = 0.5 if abs(groups.index(g) - groups.index(h)) in (1, len(groups) - 1) else 0.36
                ax.text(x1 + share * (x2 - x1), y1 + share * (y2 - y1), number(ties, lang), ha="center", va="center", fontsize=9,
                        color=_HIGHLIGHT if red else "#333333", fontweight="bold" if red else "normal",
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                              "alpha": 0.85}, zorder=4)
        from matplotlib.patches import Circle

        for group in groups:
            x, y = positions[group]
            people = int(H.nodes[group].get("people", 0) or 0)
            radius = biggest * (0.35 + 0.65 * math.sqrt(people / largest)) if largest else biggest * 0.35
            ax.add_patch(Circle((x, y), radius, facecolor=colours[group], edgecolor="white", linewidth=1.5,
                                zorder=2))
            norm = math.hypot(x, y)
            if norm and len(groups) > 16:  # many groups: labels point outwards, along the radius
                ux, uy = x / norm, y / norm
                angle = math.degrees(math.atan2(uy, ux))
                lx, ly = x + ux * (radius + 0.04 * spread), y + uy * (radius + 0.04 * spread)
                ax.text(lx, ly, f"{group} ({number(people, lang)})", ha="left" if ux >= 0 else "right",
                        va="center", rotation=angle if ux >= 0 else angle - 180, rotation_mode="anchor",
                        fontsize=8.5, color=_TEXT, zorder=5)
                continue
            if norm and len(groups) > 1:
                ux, uy = x / norm, y / norm
                lx, ly = x + ux * (radius + 0.05 * spread), y + uy * (radius + 0.05 * spread)
                ha = "left" if ux > 0.3 else "right" if ux < -0.3 else "center"
                va = "bottom" if uy > 0.3 else "top" if uy < -0.3 else "center"
            else:
                lx, ly, ha, va = x, y - radius - 0.05 * spread, "center", "top"
            ax.text(lx, ly, f"{group} ({number(people, lang)})", ha=ha, va=va, fontsize=10, color=_TEXT, zorder=5)
        reach = spread * 1.5 + biggest
        tall = spread * (1.12 if len(groups) <= 16 else 1.45) + biggest
        ax.set_xlim(-reach, reach)
        ax.set_ylim(-tall, tall)
        ax.set_aspect("equal", adjustable="box")
        if marked:
            from matplotlib.lines import Line2D

            fig.legend(handles=[Line2D([], [], color=_HIGHLIGHT, linewidth=2.5,
                                       label=t("pictures.legend.flagged", lang))],
                       loc="outside lower left", frameon=False, fontsize=9)
        if caption:
            fig.text(0.01, 0.005, caption, fontsize=8.5, color="#555555", ha="left", va="bottom", wrap=True)
        return _save(fig, format, dpi)


def _strongest(pairs: Mapping[frozenset[str], int], k: int) -> set[frozenset[str]]:
    """The pairs among each group's `k` strongest (most ties; ties broken by name)."""
    by_group: dict[str, list[tuple[int, tuple[str, ...], frozenset[str]]]] = {}
    for key, ties in pairs.items():
        for group in key:
            by_group.setdefault(group, []).append((-ties, tuple(sorted(key)), key))
    keep: set[frozenset[str]] = set()
    for ranked in by_group.values():
        keep.update(key for _, _, key in sorted(ranked)[:k])
    return keep


def matrix_picture(
    matrix: pd.DataFrame,
    *,
    highlight: Collection[tuple[str, str]] = (),
    value_format: Callable[[float], str] | None = None,
    row_label: str | None = None,
    column_label: str | None = None,
    title: str | None = None,
    lang: str = "en",
    format: str = "png",
    width: float | None = None,
    height: float | None = None,
    dpi: int = 150,
) -> bytes:
    """Draw a group-by-group matrix as a heat map with every value written in its cell.

    The colours follow the cells between groups; the diagonal (a group with itself, usually far larger)
    is grey, its values written in.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Rows and columns are groups (rows send, columns receive); numbers (missing values stay empty).
    highlight : collection of (row, column), optional
        Cells outlined in red (both directions of a pair are outlined), e.g. declared collaborations.
    value_format : callable, optional
        Number -> text; default whole numbers (or two decimals for values below 1) in `lang`'s style.
    row_label, column_label : str, optional
        Axis titles (e.g. "from", "to" in `lang`).
    title, lang, format, dpi
        As in :func:`network_picture`.
    width, height : float, optional
        Inches; default grows with the number of groups.

    Examples
    --------
    >>> m = pd.DataFrame([[10, 2], [0, 7.5]], index=["HR", "IT"], columns=["HR", "IT"])
    >>> svg = matrix_picture(m, lang="nl", format="svg").decode()
    >>> ">7,5<" in svg or ">7,50<" in svg
    True
    """
    _check_format(format)
    values = matrix.to_numpy(dtype=float)
    rows, cols = [str(r) for r in matrix.index], [str(c) for c in matrix.columns]
    if value_format is None:
        finite = values[np.isfinite(values)]
        whole = finite.size == 0 or bool(np.all(np.equal(np.mod(finite, 1), 0)))
        small = finite.size > 0 and float(np.abs(finite).max()) < 1

        def value_format(x: float) -> str:
            return number(x, lang, 0 if whole else 2 if small else 1)

    side = max(len(rows), len(cols), 1)
    width = width or min(14.0, 3.0 + 0.75 * side)
    height = height or min(12.0, 2.5 + 0.6 * side)
    marked = {(str(a), str(b)) for a, b in highlight} | {(str(b), str(a)) for a, b in highlight}
    with _style():
        fig = _figure(width, height)
        ax = fig.add_subplot()
        shown = np.where(np.isfinite(values), values, np.nan)
        # a group's ties with itself dwarf those between groups: the colours follow the cells between
        # groups, and the diagonal (same row and column name) is drawn in grey
        inside = np.array([[r == c for c in cols] for r in rows], dtype=bool)
        between = np.where(inside, np.nan, shown)
        scale = between if np.isfinite(between).any() else shown
        top = float(np.nanmax(scale)) if np.isfinite(scale).any() else 1.0
        ax.imshow(between if np.isfinite(between).any() else shown, cmap="Blues", vmin=0, vmax=top or 1.0,
                  aspect="auto")
        if inside.any() and np.isfinite(between).any():
            from matplotlib.colors import ListedColormap

            ax.imshow(np.where(inside, 1.0, np.nan), cmap=ListedColormap(["#e6e6e6"]), vmin=0, vmax=1,
                      aspect="auto")
        ax.set_xticks(range(len(cols)), cols, rotation=35, ha="right")
        ax.set_yticks(range(len(rows)), rows)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        font = 9 if side <= 12 else 7 if side <= 20 else 5.5
        from matplotlib.patches import Rectangle

        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                value = values[i, j]
                if np.isfinite(value):
                    dark = top and value > 0.6 * top and not inside[i, j]
                    ax.text(j, i, value_format(float(value)), ha="center", va="center", fontsize=font,
                            color="white" if dark else _TEXT)
                if (r, c) in marked:
                    ax.add_patch(Rectangle((j - 0.46, i - 0.46), 0.92, 0.92, fill=False, edgecolor=_HIGHLIGHT,
                                           linewidth=2.2))
        if row_label:
            ax.set_ylabel(row_label)
        if column_label:
            ax.set_xlabel(column_label)
        if title:
            ax.set_title(title, loc="left", fontsize=13, color=_TEXT)
        return _save(fig, format, dpi)


def conditions_picture(
    scores: pd.DataFrame,
    *,
    scale: tuple[float, float] = (1.0, 5.0),
    colours: Mapping[str, str] | None = None,
    title: str | None = None,
    lang: str = "en",
    format: str = "png",
    width: float = 9.0,
    height: float | None = None,
    dpi: int = 150,
) -> bytes:
    """Draw scores per condition and group as horizontal bars, one colour per group; a dotted line marks the
    scale's neutral middle.

    Parameters
    ----------
    scores : pandas.DataFrame
        Rows are conditions (labels as they should be read, top to bottom), columns groups, values mean
        scores on `scale`; missing values leave the bar out.
    scale : (low, high), optional (default=(1, 5))
        The answer scale: the axis runs from low to high.
    colours : mapping, optional
        Group -> colour, e.g. the organisation's group colours so that a department has the same colour as
        in the network pictures; groups not in it get :func:`ona.viz.render.group_colors` of their own.
    title, lang, format, width, dpi
        As in :func:`network_picture`.
    height : float, optional
        Inches; default grows with the number of conditions and groups.

    Examples
    --------
    >>> s = pd.DataFrame({"HR": [3.5, 2.4], "IT": [4.1, 3.0]}, index=["Ambitie", "Proces"])
    >>> svg = conditions_picture(s, lang="nl", format="svg").decode()
    >>> "Ambitie" in svg and "2,4" in svg
    True
    """
    _check_format(format)
    conditions = [str(c) for c in scores.index]
    groups = [str(g) for g in scores.columns]
    colours = {**group_colors(groups), **{str(g): c for g, c in (colours or {}).items()}}
    per = max(len(groups), 1)
    height = height or min(12.0, 1.5 + 0.35 * per * max(len(conditions), 1))
    with _style():
        fig = _figure(width, height)
        ax = fig.add_subplot()
        bar = 0.8 / per
        for k, group in enumerate(groups):
            for i in range(len(conditions)):
                value = scores.iloc[i, k]
                if value is None or not np.isfinite(float(value)):
                    continue
                y = i - 0.4 + bar * (k + 0.5)
                ax.barh(y, float(value) - scale[0], left=scale[0], height=bar * 0.9, color=colours[group],
                        label=group if i == 0 else None)
                ax.text(float(value) + 0.04, y, number(float(value), lang, 1), va="center", fontsize=8,
                        color=_TEXT)
        ax.axvline((scale[0] + scale[1]) / 2, color="#7B8794", linestyle=(0, (2, 3)), linewidth=1.0, zorder=0)
        ax.set_yticks(range(len(conditions)), conditions)
        ax.invert_yaxis()
        ax.set_xlim(scale[0], scale[1] + 0.4)
        ax.set_xticks(np.arange(scale[0], scale[1] + 0.01, 1.0),
                      [number(v, lang) for v in np.arange(scale[0], scale[1] + 0.01, 1.0)])
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if title:
            ax.set_title(title, loc="left", fontsize=13, color=_TEXT)
        if len(groups) > 1:
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
        return _save(fig, format, dpi)


def change_picture(
    table: pd.DataFrame,
    *,
    before_label: str,
    after_label: str,
    title: str | None = None,
    axis_label: str | None = None,
    lang: str = "en",
    format: str = "png",
    width: float = 9.0,
    height: float | None = None,
    dpi: int = 150,
) -> bytes:
    """Draw a figure per row before and after as a dumbbell chart: a grey dot, an arrow, a coloured dot.

    Parameters
    ----------
    table : pandas.DataFrame
        Indexed by label (e.g. department), with columns ``before`` and ``after``; drawn top to bottom.
    before_label, after_label : str
        What the two dots are (e.g. the wave labels).
    title, axis_label : str, optional
    lang, format, width, dpi
        As in :func:`network_picture`.

    Examples
    --------
    >>> frame = pd.DataFrame({"before": [1.2, 0.5], "after": [3.0, 0.4]}, index=["HR", "IT"])
    >>> svg = change_picture(frame, before_label="2025", after_label="2026", lang="nl", format="svg").decode()
    >>> "3,0" in svg and "2026" in svg
    True
    """
    _check_format(format)
    labels = [str(i) for i in table.index]
    height = height or min(12.0, 1.6 + 0.45 * max(len(labels), 1))
    colours = group_colors(labels)
    with _style():
        fig = _figure(width, height)
        ax = fig.add_subplot()
        for i, label in enumerate(labels):
            before, after = float(table["before"].iloc[i]), float(table["after"].iloc[i])
            ax.annotate("", xy=(after, i), xytext=(before, i),
                        arrowprops={"arrowstyle": "-|>", "color": "#888888", "linewidth": 1.4,
                                    "shrinkA": 4, "shrinkB": 6})
            ax.scatter([before], [i], s=50, color="#bbbbbb", zorder=3, label=before_label if i == 0 else None)
            ax.scatter([after], [i], s=70, color=colours[label], zorder=4, label=after_label if i == 0 else None)
            ax.text(max(before, after), i - 0.28, number(after, lang, 1), fontsize=8, color=_TEXT, ha="center")
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_ylim(len(labels) - 0.4, -0.8)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.xaxis.set_major_formatter(_tick_formatter(lang))
        low = float(np.nanmin(table[["before", "after"]].to_numpy(dtype=float))) if len(labels) else 0.0
        ax.set_xlim(left=min(0.0, low))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if axis_label:
            ax.set_xlabel(axis_label)
        if title:
            ax.set_title(title, loc="left", fontsize=13, color=_TEXT)
        from matplotlib.lines import Line2D

        ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color="#bbbbbb", label=before_label),
                           Line2D([], [], marker="o", linestyle="", color="#4e79a7", label=after_label)],
                  loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
        return _save(fig, format, dpi)


def _tick_formatter(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: number(x, lang, 0 if float(x).is_integer() else 1))
