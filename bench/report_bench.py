"""Benchmark the reports: a synthetic organisation's report as PDF and PowerPoint, for HR and for managers.

Each run is a fresh Python process (so the peak memory is its own) and times, end to end from an
``OrgNetwork``: gathering what the reader may see (analysis, findings; for managers the screened workspace),
building the content (pictures included), and rendering the PDF and the PowerPoint deck. The organisation is
``bench.generate`` (departments of 50-500 people, teams of 12, ~15 ties per person over three relations, 90%
response) with names on the roster and six declared collaborations, so the report has a page per pair.

    python bench/report_bench.py                  # 5,000 people: HR and manager report
    python bench/report_bench.py --sizes 1000 5000 20000

Not part of the test suite; the recorded results are in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def run_one(n: int, audience: str, permutations: int) -> dict:
    import pandas as pd

    from bench import generate  # type: ignore[import-not-found]
    from ona.documents import analyst_source, build_report, manager_source, to_pdf, to_pptx
    from ona.privacy import PrivacyPolicy

    timings: dict[str, float] = {}
    start = time.perf_counter()
    net = generate(n, relations=3)
    roster = net.roster.copy()
    roster["name"] = [f"Medewerker {i}" for i in range(len(roster))]
    roster["consent"] = [i % 3 != 0 for i in range(len(roster))]
    net = net.with_changes(roster=roster)
    departments = sorted(roster["department"].unique())
    expected = pd.DataFrame([(f"Samenwerking {i}", g) for i in range(6) for g in departments[2 * i:2 * i + 2]],
                            columns=["collaboration", "group"])
    timings["generate (not in the report)"] = time.perf_counter() - start
    total = time.perf_counter()
    cpu = time.process_time()
    start = time.perf_counter()
    if audience == "manager":
        source = manager_source(net, PrivacyPolicy(min_group_size=5, key="benchmark key of some length"),
                                expected=expected, n_permutations=permutations)
    else:
        source = analyst_source(net, expected=expected, n_permutations=permutations)
    timings["what the reader may see (analysis, findings)"] = time.perf_counter() - start
    results = {}
    for lang in ("nl",):
        start = time.perf_counter()
        content = build_report(source, lang)
        timings["content and pictures"] = time.perf_counter() - start
        start = time.perf_counter()
        results["pdf"] = to_pdf(content)
        timings["PDF"] = time.perf_counter() - start
        start = time.perf_counter()
        results["pptx"] = to_pptx(content)
        timings["PowerPoint"] = time.perf_counter() - start
    timings["report end to end (PDF + PowerPoint)"] = time.perf_counter() - total
    return {
        "people": n,
        "ties": int(len(net.ties)),
        "departments": len(departments),
        "audience": audience,
        "findings": len(source.findings),
        "sections": len(content.sections),
        "pdf_kb": len(results["pdf"]) // 1024,
        "pptx_kb": len(results["pptx"]) // 1024,
        "timings": timings,
        "cpu": time.process_time() - cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000])
    parser.add_argument("--audiences", nargs="+", default=["analyst", "manager"], choices=("analyst", "manager"))
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--audience", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.audience, args.permutations)))
        return
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    for n in args.sizes:
        for audience in args.audiences:
            out = subprocess.run([sys.executable, __file__, "--one", str(n), "--audience", audience,
                                  "--permutations", str(args.permutations)], capture_output=True, text=True,
                                 check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"\n{n:,} people, {result['ties']:,} ties, {result['departments']} departments, "
                  f"report for {audience}: {result['findings']} findings, {result['sections']} sections, "
                  f"PDF {result['pdf_kb']} KB, PowerPoint {result['pptx_kb']} KB")
            for step, seconds in result["timings"].items():
                print(f"  {step:<48} {seconds:7.2f} s")
            print(f"  {'CPU seconds (report)':<48} {result['cpu']:7.2f} s")
            print(f"  {'peak memory':<48} {result['peak_mb']:7d} MB")


if __name__ == "__main__":
    main()
