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
