"""Every page of the app in Dutch (AppTest): no English word and no decimal point in a number (issue 12 item 6).

The walk reads what a person sees: titles, sentences, captions, widget labels and options, metrics, table
headers and cells (as displayed: a table styled by ``ona.app.numbers.styled`` is read from its display values;
an unstyled table must hold no fractional numbers, which the browser would write with a decimal point), and
every chart's number locale. Names of people, departments and samples are data and are left out of the word
check (the municipality sample is Dutch; the two classic samples keep their published English titles).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from ona import samples

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ("overview", "network", "groups", "people", "change", "export", "collaboration")

#: English words that have no place in the Dutch UI (whole words, any case).
ENGLISH = ("the", "and", "with", "ties", "tie", "advice", "trust", "collaboration", "collaborations",
           "department", "departments", "people", "person", "relation", "relations", "synthetic", "all",
           "edge", "list", "value", "figure", "none", "true", "false", "nan", "yes", "from", "between",
           "expected", "share", "inside", "outside", "groups", "physics", "equal", "other", "unknown",
           "pattern", "scope", "threshold", "score", "few_ties", "process", "organisation", "before", "after",
           "wave", "named", "by", "answered", "survey", "table", "community", "communities")
_WORDS = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)
#: A number written with a decimal point (3.4, 0.85, 12.86), not a thousands dot (1.298) nor a version or date.
_DECIMAL_POINT = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])|(?<![\d.,])0\.\d+")
#: Sample titles as published (data, not UI): the classic samples' English names.
_DATA = ("Krackhardt's high-tech managers (1987)", "Lazega's law firm (2001)")


@pytest.fixture(autouse=True)
def _no_role_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ONA_ROLE", "ONA_ANALYST_USERS", "ONA_MANAGER_USERS", "ONA_PSEUDONYM_KEY", "ONA_MIN_GROUP_SIZE",
                "ONA_GROUPS_ONLY", "ONA_WORKSPACE"):
        monkeypatch.delenv(var, raising=False)


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _walk(child)


def shown(at: AppTest) -> tuple[list[str], list[str]]:
    """(texts a person reads, problems with numbers) of the page as it stands."""
    texts, problems = [], []
    for node in _walk(at._tree):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in ("markdown", "caption", "info", "success", "warning", "error", "title", "subheader", "header",
                    "exception"):
            texts.append(str(node.value))
        elif kind == "metric":
            texts += [str(proto.label), str(proto.body)]
        elif kind == "expander":
            texts.append(str(node.label))
        elif proto is not None and hasattr(proto, "label") and kind not in ("dataframe", "arrow_data_frame"):
            texts.append(str(proto.label))
            texts += [str(o) for o in getattr(proto, "options", [])]
            if hasattr(proto, "help"):
                texts.append(str(proto.help))
        if kind in ("dataframe", "arrow_data_frame"):
            table = node.value
            texts += [str(c) for c in table.columns]
            styler = proto.arrow_data.styler if proto.arrow_data.HasField("styler") else None
            if styler is not None and styler.display_values:
                display = convert_arrow_bytes_to_pandas_df(styler.display_values)
                display.columns = table.columns
                words = [c for c in table.columns if not pd.api.types.is_bool_dtype(table[c])
                         and str(table[c].dtype) != "boolean"]  # true/false are drawn as checkboxes
                texts += [str(v) for v in display[words].to_numpy().ravel().tolist()]
            else:
                for column in table.columns:
                    values = table[column]
                    if pd.api.types.is_bool_dtype(values):
                        problems.append(f"true/false column {column!r} without display values")
                    elif pd.api.types.is_float_dtype(values) and not (values.dropna() == values.dropna().round()).all():
                        problems.append(f"fractional numbers in column {column!r} shown with a decimal point")
                    elif values.dtype == object:
                        texts += [str(v) for v in values.dropna().tolist()]
        if proto is not None and getattr(proto, "srcdoc", ""):  # a drawing: what its tooltips say
            found = re.search(r"var nodes = (.*);\n", proto.srcdoc)
            for node in json.loads(found.group(1)) if found else []:
                texts.append(re.sub(r"<[^>]+>", " ", str(node.get("title", ""))))
        if "vega" in kind or (proto is not None and hasattr(proto, "spec") and proto.spec):
            spec = json.loads(proto.spec)
            number = spec.get("config", {}).get("locale", {}).get("number", {})
            if number.get("decimal") != ",":
                problems.append("a chart without the Dutch number locale")
    return texts, problems


def english_in(texts: list[str]) -> list[str]:
    """The English words in `texts`, with the text they occur in, leaving out names (people, groups, samples)."""
    net = samples.load("municipality")
    names = set(net.display_names().astype(str)) | set(net.groups().astype(str)) | set(_DATA)
    found = []
    for text in texts:
        clean = text.replace("\\", "")
        for name in names:
            clean = clean.replace(name, " ")
        found += [f"{m.group(0)!r} in {text[:120]!r}" for m in _WORDS.finditer(clean)]
    return found


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_dutch(page: str) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio(key="side_lang").set_value("nl").run()
    at.switch_page(f"ona/app/pages/{page}.py").run()
    assert not at.exception, at.exception
    texts, problems = shown(at)
    assert not problems, problems
    if page == "people":  # and every measure behind the switch
        at.toggle(key="people_all").set_value(True).run()
        more, problems = shown(at)
        assert not problems, problems
        texts += more
    english = english_in(texts)
    assert not english, english
    points = [f"{m.group(0)!r} in {text[:120]!r}" for text in texts for m in _DECIMAL_POINT.finditer(
        text.replace("\\.", "."))]
    assert not points, points
