"""Start-up of the CLI, checked by import inspection (not timing; see bench/cli_bench.py and BENCHMARKS.md).

`ona --help` and `ona validate` import neither igraph nor streamlit (tests/test_public_api.py); `ona analyze`
needs igraph and scipy.sparse but not scipy.stats, whose import alone costs about 0.5 s of CPU: the
distribution tails come from scipy.special.
"""

from __future__ import annotations

import subprocess
import sys


def test_the_analyze_path_imports_neither_scipy_stats_nor_streamlit():
    code = (
        "import sys\n"
        "import ona.cli, ona.measures.analysis, ona.findings, ona.findings.find, ona.findings.pairs\n"
        "print(sorted({m.split('.')[0] + '.' + m.split('.')[1] if m.count('.') else m for m in sys.modules\n"
        "              if m.startswith(('scipy.stats', 'streamlit', 'matplotlib'))}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_command_ends_without_freeing_its_objects_yet_says_and_writes_everything(tmp_path):
    # `python -m ona` ends with os._exit once main() returns (BENCHMARKS.md: Python would spend 0.3 s of a
    # 3-second 10,000-person run freeing objects). Piped output must still arrive whole, the files complete,
    # and the exit status must be main()'s own.
    import json
    import os

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(__import__("pathlib").Path(__file__).parents[1]),
                                                         os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "ona", "analyze", "krackhardt", "-o", str(out), "--permutations",
                           "49"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    last = done.stdout.splitlines()[-1]  # the list of files written comes last
    assert "summary.json" in last and last.rstrip().endswith("findings.md.")
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["advice"]["ties"] == 190
    assert (out / "findings.json").stat().st_size > 0
    refused = subprocess.run([sys.executable, "-m", "ona", "analyze", "no-such-file.csv", "-o", str(tmp_path / "x")],
                             capture_output=True, text=True, env=env)
    assert refused.returncode == 2 and refused.stderr.startswith("ona: error:") and "Traceback" not in refused.stderr
