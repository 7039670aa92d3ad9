"""Same input and seed, same output: every file `ona analyze` writes is byte-identical between runs.

Each run is a fresh process with its own string-hash seed (PYTHONHASHSEED), so neither set order nor
any process-wide random state (igraph's generator, ARPACK's start vector) can leak into the output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _analyze(out: Path, hash_seed: str, *extra: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "ona", "analyze", *extra, "-o", str(out), "--permutations", "99"],
        check=True, capture_output=True, env=env, timeout=300,
    )


@pytest.mark.parametrize("sample", ["municipality", "lazega"])
def test_analyze_twice_writes_identical_bytes(tmp_path, sample):
    first, second = tmp_path / "first", tmp_path / "second"
    _analyze(first, "1", sample)
    _analyze(second, "2", sample)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "people.csv" in names and "summary.json" in names and "findings.json" in names
    different = [name for name in names if (first / name).read_bytes() != (second / name).read_bytes()]
    assert different == []


def _run(hash_seed: str, *command: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "ONA_TEST_KEY": "determinism-key-0123456789abcdef"}
    subprocess.run([sys.executable, "-m", "ona", *command], check=True, capture_output=True, env=env, timeout=300)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reports_pictures_edges_and_workspaces_are_byte_identical_between_runs(tmp_path):
    # Every other file the CLI writes, from two fresh processes with different string-hash seeds: the report
    # as PDF and PowerPoint, the network picture as PNG and the department map as SVG, the cleaned edge list
    # and a manager workspace (pseudonyms from a fixed key).
    outputs = {}
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        out.mkdir()
        _run(hash_seed, "report", "municipality", "-o", str(out / "report.pdf"), "--permutations", "99")
        _run(hash_seed, "report", "municipality", "-o", str(out / "report.pptx"), "--permutations", "99",
             "--lang", "en")
        _run(hash_seed, "draw", "municipality", "-o", str(out / "network.png"))
        _run(hash_seed, "draw", "municipality", "-o", str(out / "departments.svg"), "--picture", "departments")
        _run(hash_seed, "edges", "lazega", "-o", str(out / "edges.csv"))
        _run(hash_seed, "publish", "municipality", "-o", str(out / "workspace"), "--key-env", "ONA_TEST_KEY")
        outputs[hash_seed] = _files(out)
    first, second = outputs["1"], outputs["2"]
    assert sorted(first) == sorted(second)
    assert {"report.pdf", "report.pptx", "network.png", "departments.svg", "edges.csv"} <= set(first)
    assert sum(name.startswith("workspace") for name in first) > 5
    assert [name for name in first if first[name] != second[name]] == []
