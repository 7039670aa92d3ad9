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
