"""Downloads: tables as CSV and one XLSX workbook, the network as GEXF and GraphML, and drawings.

Findings as Markdown are :func:`ona.findings.findings_markdown` (the findings layer sits above this one).

Every function returns ``bytes`` ready for a download button or a file, and
none changes its input. Table cells pass through
:func:`ona.privacy.neutralize_formulas` first, so a name such as
``=HYPERLINK(...)`` cannot run as a formula when HR opens the file in Excel
(the "CSV injection" attack described by OWASP).

Graph files get plain attribute values: GraphML and GEXF accept only
``str``, ``int``, ``float`` and ``bool``, so numpy scalars become Python
numbers and missing values become ``""`` (text attributes) or ``nan``
(numeric attributes).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from ona.exceptions import OnaError
from ona.io.cells import neutralize_formulas

__all__ = [
    "graph_gexf",
    "graph_graphml",
    "graph_html",
    "neutralize",
    "plain_graph",
    "table_csv",
    "tables_xlsx",
]

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def neutralize(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` in which no cell can run as a spreadsheet formula: :func:`ona.privacy.neutralize_formulas`.

    Text cells, column names and index labels starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return get a leading apostrophe (OWASP's
    advice against CSV injection); numbers and plain-number texts stay.

    Examples
    --------
    >>> frame = pd.DataFrame({"name": ["=1+1", "Ana"], "score": [-1.5, 2.0]})
    >>> neutralize(frame).to_dict("list")
    {'name': ["'=1+1", 'Ana'], 'score': [-1.5, 2.0]}
    """
    return neutralize_formulas(frame)


def table_csv(frame: pd.DataFrame, *, index: bool = False) -> bytes:
    """`frame` as UTF-8 CSV with a byte-order mark (so Excel shows accents correctly).

    Examples
    --------
    >>> table_csv(pd.DataFrame({"naam": ["Zoë"]})).decode("utf-8-sig").splitlines()
    ['naam', 'Zoë']
    """
    safe = neutralize(frame.reset_index() if index else frame)
    return safe.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def tables_xlsx(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """Several tables as one XLSX workbook, one sheet per table in the given order.

    Sheet names are cut to Excel's 31 characters, stripped of ``[]:*?/\\``
    and made unique.

    Raises
    ------
    OnaError
        If `tables` is empty (a workbook needs at least one sheet).

    Examples
    --------
    >>> data = tables_xlsx({"people": pd.DataFrame({"id": ["a"]})})
    >>> pd.read_excel(io.BytesIO(data), sheet_name=None)["people"].to_dict("list")
    {'id': ['a']}
    """
    if not tables:
        raise OnaError("There are no tables to put in the workbook; analyse a network first.")
    buffer = io.BytesIO()
    used: set[str] = set()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in tables.items():
            sheet = _sheet_name(name, used)
            used.add(sheet.lower())
            _excel_ready(neutralize(frame)).to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", str(name)).strip().strip("'")[:31] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    return candidate


def _excel_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel cannot store timezone-aware datetimes or Python objects such as lists."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            out[column] = series.dt.tz_localize(None)
        elif series.dtype == object:
            out[column] = series.map(
                lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple, set, frozenset)) else v)
    return out


def plain_graph(G: nx.Graph, *, metrics: pd.DataFrame | None = None) -> nx.Graph:
    """A copy of `G` whose graph, node and edge attributes are plain ``str``/``int``/``float``/``bool``.

    Per attribute the type is decided once over all nodes (or edges): if every
    present value is a bool, int or float the attribute stays numeric and a
    missing number becomes ``nan`` (a missing bool is left out); otherwise
    every value becomes text and a missing value ``""``. Lists become
    comma-separated text. This is what GraphML and GEXF writers need.

    Parameters
    ----------
    G : NetworkX graph
        Not changed.
    metrics : pandas.DataFrame, optional
        Indexed by node; its columns are added as node attributes.

    Examples
    --------
    >>> import numpy as np
    >>> G = nx.DiGraph()
    >>> G.add_node("a", department="HR", score=np.float64(0.5))
    >>> G.add_node("b", department=None, score=None)
    >>> H = plain_graph(G)
    >>> H.nodes["b"]["department"], type(H.nodes["a"]["score"]).__name__
    ('', 'float')
    """
    H = G.__class__()
    node_records = {n: dict(d) for n, d in G.nodes(data=True)}
    if metrics is not None:
        for column in metrics.columns:
            values = metrics[column].to_dict()
            for n in node_records:
                node_records[n][str(column)] = values.get(n)
    node_types = _attribute_types(node_records.values())
    H.add_nodes_from((n, _plain_record(d, node_types)) for n, d in node_records.items())
    edge_records = [(u, v, dict(d)) for u, v, d in G.edges(data=True)]
    edge_types = _attribute_types(d for _, _, d in edge_records)
    H.add_edges_from((u, v, _plain_record(d, edge_types)) for u, v, d in edge_records)
    for key, value in G.graph.items():
        plain = _plain_value(value)
        if plain is not None and not (isinstance(plain, float) and math.isnan(plain)):
            H.graph[str(key)] = plain if isinstance(plain, (str, int, float, bool)) else str(plain)
    return H


def _plain_value(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _attribute_types(records: Iterable[Mapping[str, Any]]) -> dict[str, type]:
    kinds: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            plain = _plain_value(value)
            kinds.setdefault(str(key), set())
            if plain is not None:
                kinds[str(key)].add(type(plain))
    types: dict[str, type] = {}
    for key, found in kinds.items():
        if found and found <= {bool}:
            types[key] = bool
        elif found and found <= {int}:
            types[key] = int
        elif found and found <= {int, float, bool}:
            types[key] = float
        else:
            types[key] = str
    return types


def _plain_record(record: Mapping[str, Any], types: Mapping[str, type]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, kind in types.items():
        value = _plain_value(record.get(key))
        if kind is str:
            out[key] = "" if value is None else str(value)
        elif value is not None:
            out[key] = kind(value)
        elif kind is float or kind is int:
            out[key] = math.nan
        # a missing bool is left out: GraphML and GEXF have no "missing" bool value
    return out


def graph_graphml(G: nx.Graph, *, metrics: pd.DataFrame | None = None) -> bytes:
    """`G` (plus optional metric columns) as GraphML, for Gephi, Cytoscape, yEd or igraph.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b")], relation="advice")
    >>> nx.read_graphml(io.BytesIO(graph_graphml(G))).has_edge("a", "b")
    True
    """
    buffer = io.BytesIO()
    nx.write_graphml(plain_graph(G, metrics=metrics), buffer, encoding="utf-8")
    return buffer.getvalue()


def graph_gexf(G: nx.Graph, *, metrics: pd.DataFrame | None = None) -> bytes:
    """`G` (plus optional metric columns) as GEXF 1.2, Gephi's own format.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b")])
    >>> nx.read_gexf(io.BytesIO(graph_gexf(G))).has_edge("a", "b")
    True
    """
    H = plain_graph(G, metrics=metrics)
    for _, data in H.nodes(data=True):
        # GEXF writes a node's "label" from this attribute; keep the person's name visible in Gephi.
        if data.get("name"):
            data["label"] = data["name"]
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, encoding="utf-8", version="1.2draft")
    return buffer.getvalue()


def graph_html(page: str) -> bytes:
    """A drawing from :func:`ona.viz.render.to_html` as UTF-8 bytes for a standalone ``.html`` file.

    Raises
    ------
    OnaError
        If `page` is not a complete HTML document.
    """
    if not page.lstrip().lower().startswith("<!doctype html>"):
        raise OnaError("graph_html() needs a complete page from ona.viz.render.to_html(); got a fragment.")
    return page.encode("utf-8")
