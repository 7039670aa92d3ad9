"""Benchmark ``ona.analyze`` on synthetic organisations of 1,000 to 100,000 people.

Each size runs in a fresh Python process so that its peak memory is its own.
The organisation is generated with numpy (seeded): departments of 50-500
people split into teams of about 12, about 15 ties per person (80% inside the
department, half of those inside the team), 30% of ties returned, weights 1-4,
and 90% of people responding (non-respondents send no ties).

    python bench/bench.py                          # 1,000 and 10,000 people
    python bench/bench.py --sizes 1000 10000 100000
    python bench/bench.py --sizes 10000 --relations 3
    python bench/bench.py --betweenness-error 10000   # exact vs sampled betweenness

Prints a table of seconds per step and the peak resident memory, and the
seconds of ``find_findings`` (the findings ``ona analyze`` writes, timed
separately after ``analyze``) with the number of findings per kind. Not part
of the test suite; see BENCHMARKS.md for recorded results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ona.model import OrgNetwork  # noqa: E402


def generate(
    n: int,
    *,
    ties_per_person: float = 15.0,
    relations: int = 1,
    response_rate: float = 0.9,
    seed: int = 0,
) -> OrgNetwork:
    """A synthetic organisation with departmental structure (see the module docstring)."""
    rng = np.random.default_rng(seed)
    sizes = []
    while sum(sizes) < n:
        sizes.append(int(rng.integers(50, 501)))
    sizes[-1] -= sum(sizes) - n
    if sizes[-1] < 1:
        sizes.pop()
    department = np.repeat(np.arange(len(sizes)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    team = np.concatenate([np.arange(size) // 12 for size in sizes])
    team_key = department * 1000 + team
    _, team_start, team_size = np.unique(team_key, return_index=True, return_counts=True)
    team_index = np.searchsorted(np.unique(team_key), team_key)
    ids = np.array([f"P{i:06d}" for i in range(n)], dtype=object)
    roster = pd.DataFrame(
        {"department": [f"Dept {d:03d}" for d in department], "team": [f"Team {t}" for t in team_key]},
        index=pd.Index(ids, name="id"),
    )
    responded = rng.random(n) < response_rate
    frames = []
    returned_share, inside_department, inside_team = 0.30, 0.80, 0.5
    per_relation = ties_per_person / relations
    # Poisson draws per respondent, corrected for returned ties and for the ~13% of draws lost as duplicates.
    base = 1.15 * per_relation / (response_rate * (1 + returned_share * response_rate))
    for r in range(relations):
        senders = np.flatnonzero(responded)
        counts = rng.poisson(base, size=len(senders))
        source = np.repeat(senders, counts)
        choice = rng.random(len(source))
        target = rng.integers(0, n, size=len(source))  # anyone
        local = choice < inside_department
        in_team = choice < inside_department * inside_team
        dept = department[source]
        target[local] = starts[dept[local]] + (rng.random(local.sum()) * np.asarray(sizes)[dept[local]]).astype(int)
        t = team_index[source[in_team]]
        target[in_team] = team_start[t] + (rng.random(in_team.sum()) * team_size[t]).astype(int)
        keep = source != target
        source, target = source[keep], target[keep]
        back = (rng.random(len(source)) < returned_share) & responded[target]
        source, target = np.concatenate([source, target[back]]), np.concatenate([target, source[back]])
        pairs = np.unique(source.astype(np.int64) * n + target)
        frames.append(
            pd.DataFrame(
                {
                    "source": ids[pairs // n],
                    "target": ids[pairs % n],
                    "relation": f"relation{r + 1}" if relations > 1 else "advice",
                    "weight": rng.integers(1, 5, size=len(pairs)).astype(float),
                }
            )
        )
    ties = pd.concat(frames, ignore_index=True)
    return OrgNetwork(roster, ties, respondents=ids[responded].tolist(), name=f"synthetic {n}")


def run_one(args: argparse.Namespace) -> dict:
    """Generate, analyse and write one organisation; return timings and memory."""
    from ona.measures.analysis import analyze
    from ona.measures.community import LOUVAIN_IGRAPH_ABOVE

    timings: dict[str, float] = {}
    start = time.perf_counter()
    net = generate(args.one, ties_per_person=args.ties, relations=args.relations, seed=args.seed)
    timings["generate + OrgNetwork"] = time.perf_counter() - start
    start, cpu_start = time.perf_counter(), time.process_time()
    result = analyze(net, seed=args.seed, n_permutations=args.permutations)
    total, cpu_total = time.perf_counter() - start, time.process_time() - cpu_start
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result.write(folder)
        timings["write files"] = time.perf_counter() - start
    findings, findings_seconds, findings_cpu = time_findings(net, args.seed)
    steps = dict(result.timings)
    steps["other (assembling tables)"] = total - sum(steps.values())
    cpu_steps = dict(result.cpu_timings)
    cpu_steps["other (assembling tables)"] = cpu_total - sum(cpu_steps.values())
    first = result.summary[result.relations[0]]
    return {
        "people": args.one,
        "ties": int(len(net.ties)),
        "relations": len(result.relations),
        "setup": timings,
        "steps": steps,
        "cpu_steps": cpu_steps,
        "analyze": total,
        "analyze_cpu": cpu_total,
        "find_findings": findings_seconds,
        "find_findings_cpu": findings_cpu,
        "findings": findings,
        "load_average": os.getloadavg()[0],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "betweenness": first["betweenness_method"],
        "lub": first["lub_method"],
        "louvain": "igraph" if args.one > LOUVAIN_IGRAPH_ABOVE else "python-louvain",
        "communities": first["communities"],
        "nmi_departments": first["nmi_groups"],
    }


def time_findings(net: OrgNetwork, seed: int) -> tuple[dict[str, int], float, float]:
    """Time ``ona.find_findings`` (``ona analyze`` runs it after ``analyze``); also count findings per kind and level."""
    from ona.findings import find_findings

    start, cpu_start = time.perf_counter(), time.process_time()
    findings = find_findings(net, seed=seed)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    counts: dict[str, int] = {}
    for f in findings:
        counts[f"{f.kind} ({f.level})"] = counts.get(f"{f.kind} ({f.level})", 0) + 1
    return counts, seconds, cpu_seconds


def betweenness_error(n: int, seed: int, runs: int = 3) -> dict:
    """Exact betweenness against the sampled estimate on one synthetic organisation."""
    from scipy.stats import spearmanr

    from ona.measures.engines import TieArrays
    from ona.measures.metrics import SAMPLED_BETWEENNESS_SOURCES, betweenness_arrays

    net = generate(n, seed=seed)
    arrays = TieArrays.from_network(net, net.relations[0])
    start = time.perf_counter()
    exact, _ = betweenness_arrays(arrays, sources=n)
    exact_seconds = time.perf_counter() - start
    top = max(1, n // 100)
    exact_top = set(np.argsort(-exact)[:top])
    rows = []
    for run in range(runs):
        start = time.perf_counter()
        sampled, _ = betweenness_arrays(arrays, sources=SAMPLED_BETWEENNESS_SOURCES, seed=seed + run)
        seconds = time.perf_counter() - start
        sampled_top = set(np.argsort(-sampled)[:top])
        relative = np.abs(sampled - exact)[list(exact_top)] / exact[list(exact_top)]
        rows.append(
            {
                "seconds": seconds,
                "spearman": float(spearmanr(exact, sampled).statistic),
                "top1_overlap": len(exact_top & sampled_top) / top,
                "top1_median_relative_error": float(np.median(relative)),
                "mean_abs_error_over_mean": float(np.abs(sampled - exact).mean() / exact.mean()),
            }
        )
    return {"people": n, "exact_seconds": exact_seconds, "sources": SAMPLED_BETWEENNESS_SOURCES, "runs": rows}


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) // 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = 0
    return f"{cpu}, {os.cpu_count()} cores, {memory} GB RAM, Python {platform.python_version()}, {platform.system()}"


def print_table(results: list[dict]) -> None:
    """A Markdown table: wall-clock seconds per step, with CPU seconds in brackets."""
    steps = list(dict.fromkeys(k for r in results for k in [*r["setup"], *r["steps"]]))
    header = ["step (wall s, CPU s)", *(f"{r['people']:,} people" for r in results)]
    lines = [header, ["---"] * len(header)]
    for step in steps:
        row = [step]
        for r in results:
            if step in r["steps"]:
                row.append(f"{r['steps'][step]:.2f} ({r['cpu_steps'][step]:.2f})")
            else:
                row.append(f"{r['setup'][step]:.2f}")
        lines.append(row)
    lines.append(["**analyze, end to end**", *(f"**{r['analyze']:.2f}** ({r['analyze_cpu']:.2f})" for r in results)])
    lines.append(["find_findings (not in `analyze`)",
                  *(f"{r['find_findings']:.2f} ({r['find_findings_cpu']:.2f})" for r in results)])
    lines.append(["findings", *(", ".join(f"{n} {k}" for k, n in sorted(r["findings"].items())) or "none"
                                for r in results)])
    lines.append(["peak memory (RSS)", *(f"{r['peak_rss_mb']:,.0f} MB" for r in results)])
    lines.append(["ties", *(f"{r['ties']:,}" for r in results)])
    engines = (f"{r['betweenness']} / {r['lub']} / {r['louvain']}" for r in results)
    lines.append(["betweenness / LUB / Louvain", *engines])
    lines.append(
        ["communities (NMI with departments)", *(f"{r['communities']} ({r['nmi_groups']:.2f})" for r in results)]
    )
    lines.append(["machine load average at the end", *(f"{r['load_average']:.1f}" for r in results)])
    for line in lines:
        print("| " + " | ".join(line) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--ties", type=float, default=15.0, help="ties per person over all relations (default 15)")
    parser.add_argument("--relations", type=int, default=1, help="number of relations (default 1)")
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--betweenness-error", type=int, metavar="N", help="compare exact and sampled betweenness")
    parser.add_argument("--json", type=Path, help="also write the raw results as JSON")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args)))
        return
    print(f"Machine: {machine()}")
    if args.betweenness_error:
        result = betweenness_error(args.betweenness_error, args.seed)
        print(json.dumps(result, indent=2))
        if args.json:
            args.json.write_text(json.dumps(result, indent=2))
        return
    results = []
    for n in args.sizes:
        command = [
            sys.executable, __file__, "--one", str(n), "--ties", str(args.ties),
            "--relations", str(args.relations), "--permutations", str(args.permutations), "--seed", str(args.seed),
        ]  # fmt: skip
        started = time.perf_counter()
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        print(f"{n:,} people: analyze {result['analyze']:.1f} s (process {time.perf_counter() - started:.1f} s)")
        results.append(result)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
