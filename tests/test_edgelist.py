"""The columnar edge-list reader gives what the general reader gives: the same ties and the same report.

The general reader (ona.io.ties.read_network) is the independent implementation the columnar one
(ona.io.edgelist.read_edge_list) is compared with, on files with every kind of problem it reports.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ona.io import edgelist
from ona.io.edgelist import ColumnarReadError, large_edge_list, read_edge_list
from ona.io.ingest import load_network
from ona.io.roster import read_roster
from ona.io.ties import read_network


def _files(folder: Path, *, seed: int = 0, header=("bron", "doel", "relatie", "gewicht"), sep: str = ",") -> tuple[Path, Path]:
    rng = np.random.default_rng(seed)
    n, m = 300, 3000
    ids = [f"E{i:04d}" for i in range(n)]
    roster = pd.DataFrame({"id": ids, "email": [f"p{i}@x.nl" for i in range(n)],
                           "department": [f"D{i % 7}" for i in range(n)], "responded": rng.random(n) < 0.8})
    roster.to_csv(folder / "roster.csv", index=False)
    src, tgt = rng.choice(ids, m).astype(object), rng.choice(ids, m).astype(object)
    src[5], tgt[7], src[9], tgt[11], src[13], tgt[15] = "nobody", "", "p3@X.nl", "2025-03-01", " E0001 ", "e0002"
    tgt[17] = src[17]  # a self-tie
    tgt[19] = "E0004\u200b"  # matches only once the invisible character is removed
    weight = rng.integers(1, 5, m).astype(object)
    weight[20], weight[21], weight[22], weight[23] = "0", "-1", "2,5", ""
    relation = np.where(rng.random(m) < 0.5, "advice", "trust").astype(object)
    relation[30] = ""
    ties = pd.DataFrame(dict(zip(header, (src, tgt, relation, weight))))
    ties = pd.concat([ties, ties.iloc[:50]])  # duplicates
    path = folder / "collab_edges.csv"
    ties.to_csv(path, index=False, sep=sep)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\nE0005{sep}E0006{sep}advice{sep}1\n")  # blank lines still count as rows
    return path, folder / "roster.csv"


def _same(a, b) -> None:
    ta = a.ties.astype({"source": str, "target": str, "relation": str}).reset_index(drop=True)
    tb = b.ties.astype({"source": str, "target": str, "relation": str}).reset_index(drop=True)
    pd.testing.assert_frame_equal(ta, tb)
    assert a.relations == b.relations and a.respondents == b.respondents
    issues = lambda net: [(i.kind, i.key, i.row, i.column, i.value, i.file) for i in net.report.issues]  # noqa: E731
    assert issues(a) == issues(b)
    assert a.report.omitted == b.report.omitted and a.report.rows_read == b.report.rows_read
    assert a.report.sources == b.report.sources and a.report.input_format == b.report.input_format


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_columnar_reader_equals_the_general_reader(tmp_path, sep):
    ties, roster_file = _files(tmp_path, sep=sep)
    roster = read_roster(roster_file)
    columnar, general = read_edge_list(ties, roster), read_network(ties, roster)
    _same(columnar, general)
    kinds = {i.kind for i in general.report.issues}
    assert {"unknown_person", "self_tie", "duplicate_tie", "zero_weight", "invalid_weight", "normalised_id",
            "respondent_added"} <= kinds
    assert set(columnar.relations) == {"advice", "trust", "collab"}  # "collab" from the file name


def test_without_relation_and_weight_columns_and_with_given_respondents(tmp_path):
    ties, roster_file = _files(tmp_path, header=("source", "target", "x", "y"))
    roster = read_roster(roster_file)
    respondents = [f"E{i:04d}" for i in range(0, 300, 2)]
    _same(read_edge_list(ties, roster, relation="advice", respondents=respondents),
          read_network(ties, roster, relation="advice", respondents=respondents))


def test_load_network_reads_large_edge_lists_column_by_column(tmp_path, monkeypatch):
    ties, roster_file = _files(tmp_path)
    assert not large_edge_list(ties)  # small: the general reader
    monkeypatch.setattr(edgelist, "COLUMNAR_FROM_BYTES", 1)
    assert large_edge_list(ties) and not large_edge_list(roster_file.with_name("none.csv"))
    called = []
    real = edgelist.read_edge_list
    monkeypatch.setattr("ona.io.ingest.read_edge_list", lambda *a, **k: called.append(1) or real(*a, **k))
    _same(load_network(ties, roster_file), read_network(ties, read_roster(roster_file)))
    assert called == [1]


def test_a_file_it_cannot_read_goes_to_the_general_reader(tmp_path, monkeypatch):
    roster = pd.DataFrame({"id": ["a", "b", "c"]})
    roster.to_csv(tmp_path / "roster.csv", index=False)
    ties = tmp_path / "ties.csv"
    ties.write_text('source,target,note\na,b,"two\nlines"\nb,c,x\n', encoding="utf-8")
    with pytest.raises(ColumnarReadError):
        read_edge_list(ties, tmp_path / "roster.csv")
    monkeypatch.setattr(edgelist, "COLUMNAR_FROM_BYTES", 1)
    net = load_network(ties, tmp_path / "roster.csv")
    assert len(net.ties) == 2


def test_analysis_runs_on_a_columnar_network(tmp_path):
    from ona.findings import find_findings
    from ona.measures.analysis import analyze

    ties, roster_file = _files(tmp_path)
    roster = read_roster(roster_file)
    columnar, general = read_edge_list(ties, roster), read_network(ties, roster)
    a = analyze(columnar, n_permutations=19, stability_runs=2)
    b = analyze(general, n_permutations=19, stability_runs=2)
    pd.testing.assert_frame_equal(a.people, b.people)
    assert [f.text for f in find_findings(columnar)] == [f.text for f in find_findings(general)]
