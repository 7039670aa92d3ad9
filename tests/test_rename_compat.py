"""One name for the grouping (issue W2 1/6, item 5): ``grouping`` everywhere, the 0.1 names still work."""

from __future__ import annotations

import json

import pytest

import ona
from ona.cli import main
from ona.measures.whole_network import OLD_SUMMARY_KEYS


@pytest.fixture(scope="module")
def krackhardt():
    return ona.samples.load("krackhardt")


def test_old_keywords_warn_and_mean_grouping(krackhardt):
    new = ona.find_findings(krackhardt, grouping="department", relations=["advice"])
    with pytest.warns(DeprecationWarning, match="'attribute' is now called 'grouping'"):
        old = ona.find_findings(krackhardt, attribute="department", relations=["advice"])
    assert [f.to_dict() for f in old] == [f.to_dict() for f in new]
    with pytest.warns(DeprecationWarning, match="'group_by' is now called 'grouping'"):
        analysis = ona.analyze(krackhardt, group_by="department", relations=["advice"])
    assert analysis.grouping == analysis.group_by == "department"


def test_both_names_at_once_is_an_error(krackhardt):
    with pytest.raises(TypeError, match="both 'grouping' and its old name 'attribute'"):
        ona.find_findings(krackhardt, grouping="department", attribute="department")


def test_summary_says_groups_and_keeps_the_old_keys(krackhardt):
    summary = ona.analyze(krackhardt, grouping="department", relations=["advice"]).summary["advice"]
    assert summary["grouping"] == "department"
    for old, new in OLD_SUMMARY_KEYS.items():
        assert summary[old] == summary[new]


@pytest.mark.parametrize("flag", ["--grouping", "--group-by"])
def test_the_cli_takes_grouping_and_its_old_name(tmp_path, flag, capsys):
    assert main(["analyze", "krackhardt", "-o", str(tmp_path / "out"), flag, "department", "--lang", "en"]) == 0
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["advice"]["grouping"] == "department"
