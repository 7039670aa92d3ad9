"""``ona analyze`` through the command line, start-up included, beside a hand-written networkx pipeline.

For each size a synthetic organisation (``bench.generate``: departments of 50-500 people, ~15 ties per
person, 90% response) is written as ``roster.csv`` and ``ties.csv`` (an edge list), and then timed:

* ``ona --help`` and ``ona validate`` (start-up: neither may import igraph or streamlit);
* ``ona analyze ties.csv --roster roster.csv --relation advice -o OUT`` with its defaults (1,000
  permutations, 5 community runs with consensus, findings written too);
* the same files through a hand-written pipeline of the kind analysts write: pandas, a networkx DiGraph,
  degree, PageRank, betweenness from 256 sampled sources, python-louvain communities, people.csv.

Wall-clock seconds come from the parent; CPU seconds and peak memory from the child's resource usage.
Peak memory is also sampled every 0.1 s as the sum of the resident sets of the process and its children
(ona analyze forks one worker; pages they share are counted twice, so this is an upper bound).

    python bench/cli_bench.py                       # 10,000 people
    python bench/cli_bench.py --sizes 10000 100000
    python bench/cli_bench.py --repeat 5 --no-pipeline         # the median of five runs of ona analyze
    python bench/cli_bench.py --sizes 1000000 --ties 15 --no-pipeline     # 15 million ties
    python bench/cli_bench.py --sparse 1000000 200000                     # a sparse roster

Generating the inputs is linear in their size (numpy; CSV written with pyarrow) and not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

PIPELINE = r'''
import sys, time
import networkx as nx, pandas as pd, community as community_louvain
roster = pd.read_csv(sys.argv[1], dtype={"id": str}).set_index("id")
ties = pd.read_csv(sys.argv[2], dtype={"source": str, "target": str})
G = nx.DiGraph()
G.add_nodes_from(roster.index)
G.add_weighted_edges_from(ties[["source", "target", "weight"]].itertuples(index=False, name=None))
people = pd.DataFrame(index=roster.index)
people["in_degree"] = pd.Series(dict(G.in_degree()))
people["out_degree"] = pd.Series(dict(G.out_degree()))
people["pagerank"] = pd.Series(nx.pagerank(G, weight="weight"))
people["betweenness"] = pd.Series(nx.betweenness_centrality(G, k=min(256, len(G)), seed=0))
partition = community_louvain.best_partition(G.to_undirected(), weight="weight", random_state=0)
people["community"] = pd.Series(partition)
people.to_csv(sys.argv[3])
'''


def write_inputs(folder: Path, n: int, *, ties_per_person: float = 15.0, seed: int = 0) -> tuple[Path, Path, int]:
    """roster.csv (id, department, team, responded) and ties.csv (source, target, weight) of `bench.generate`."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    from bench import generate

    net = generate(n, ties_per_person=ties_per_person, seed=seed)
    roster = pd.DataFrame({"id": net.roster.index, "department": net.roster["department"].to_numpy(),
                           "team": net.roster["team"].to_numpy(), "responded": net.respondent_mask().to_numpy()})
    ties = net.ties[["source", "target", "weight"]]
    pacsv.write_csv(pa.Table.from_pandas(roster, preserve_index=False), folder / "roster.csv")
    pacsv.write_csv(pa.Table.from_pandas(ties, preserve_index=False), folder / "ties.csv")
    return folder / "roster.csv", folder / "ties.csv", len(ties)


def write_sparse(folder: Path, n: int, m: int, *, seed: int = 0) -> tuple[Path, Path, int]:
    """A roster of `n` people in departments of 200 and `m` random ties among them (a low response)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    rng = np.random.default_rng(seed)
    ids = np.char.add("P", np.char.zfill(np.arange(n).astype(str), 7)).astype(object)
    department = np.char.add("Dept ", np.char.zfill((np.arange(n) // 200).astype(str), 4)).astype(object)
    senders = rng.choice(n, size=max(1, n // 20), replace=False)
    source = senders[rng.integers(0, len(senders), m)]
    target = rng.integers(0, n, m)
    keep = source != target
    pairs = np.unique(source[keep].astype(np.int64) * n + target[keep])
    responded = np.zeros(n, dtype=bool)
    responded[senders] = True
    roster = pd.DataFrame({"id": ids, "department": department, "responded": responded})
    ties = pd.DataFrame({"source": ids[pairs // n], "target": ids[pairs % n], "weight": 1.0})
    pacsv.write_csv(pa.Table.from_pandas(roster, preserve_index=False), folder / "roster.csv")
    pacsv.write_csv(pa.Table.from_pandas(ties, preserve_index=False), folder / "ties.csv")
    return folder / "roster.csv", folder / "ties.csv", len(ties)


def _tree_rss(pid: int) -> int:
    """Resident set (bytes) of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{p}/task/{p}/children") as handle:
                stack.extend(int(c) for c in handle.read().split())
        except OSError:
            pass
    return total


def run(command: list[str], *, timeout: float | None = None, cwd: Path | None = None) -> dict:
    """Run a command under GNU time: wall and CPU seconds (children included) and peak memory, two ways."""
    with tempfile.NamedTemporaryFile(suffix=".time", delete=False) as handle:
        report = Path(handle.name)
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", "-o", str(report), *command], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = process.communicate(timeout=timeout)
        status: int | str = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # GNU time and the command under it (and its workers)
        out, err = process.communicate()
        status = "timeout"
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    fields = report.read_text().split()[-3:] if report.exists() else ["nan", "nan", "0"]
    report.unlink(missing_ok=True)
    try:
        user, system, rss_kb = float(fields[0]), float(fields[1]), float(fields[2])
    except (ValueError, IndexError):
        user = system = float("nan")
        rss_kb = 0.0
    return {
        "status": status,
        "wall_s": wall,
        "cpu_s": user + system,
        "max_rss_mb": rss_kb / 1024,  # the largest single process (GNU time, %M)
        "peak_tree_mb": peak[0] / 2**20,
        "stderr": err[-2000:],
        "stdout": out[-2000:],
    }


def bench_size(n: int, args: argparse.Namespace, folder: Path) -> dict:
    roster, ties, m = write_inputs(folder, n, ties_per_person=args.ties)
    return bench_files(n, m, roster, ties, args, folder)


def bench_files(n: int, m: int, roster: Path, ties: Path, args: argparse.Namespace, folder: Path) -> dict:
    python = sys.executable
    result: dict = {"people": n, "ties": m, "ties_mb": ties.stat().st_size / 2**20}
    result["help"] = run([python, "-m", "ona", "--help"])
    if not args.skip_validate:
        result["validate"] = run([python, "-m", "ona", "validate", str(ties), "--roster", str(roster),
                                  "--relation", "advice"], timeout=args.timeout)
    out = folder / "out"
    result["analyze"] = _median_run([python, "-m", "ona", "analyze", str(ties), "--roster", str(roster),
                                     "--relation", "advice", "-o", str(out)], args.repeat, timeout=args.timeout)
    if not args.no_pipeline:
        script = folder / "pipeline.py"
        script.write_text(PIPELINE)
        result["pipeline"] = _median_run([python, str(script), str(roster), str(ties), str(folder / "pipeline.csv")],
                                         args.pipeline_repeat or args.repeat, timeout=args.pipeline_timeout)
    return result


def _median_run(command: list[str], repeat: int, *, timeout: float) -> dict:
    """`command` run `repeat` times in turn: the run with the median wall clock, and every run's wall clock."""
    runs = [run(command, timeout=timeout) for _ in range(max(repeat, 1))]
    runs.sort(key=lambda r: (r["status"] != 0, r["wall_s"]))
    median = dict(runs[(len(runs) - 1) // 2])
    median["walls"] = [r["wall_s"] for r in runs]
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000])
    parser.add_argument("--ties", type=float, default=15.0, help="ties per person (default 15)")
    parser.add_argument("--sparse", type=int, nargs=2, metavar=("PEOPLE", "TIES"), help="a sparse roster instead")
    parser.add_argument("--no-pipeline", action="store_true", help="skip the hand-written networkx pipeline")
    parser.add_argument("--skip-validate", action="store_true", help="skip timing `ona validate`")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--pipeline-timeout", type=float, default=900.0)
    parser.add_argument("--repeat", type=int, default=1, help="run analyze (and the pipeline) this many times; "
                        "the table shows the median run and the range")
    parser.add_argument("--pipeline-repeat", type=int, help="runs of the hand-written pipeline (default: --repeat)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from bench import machine

    print(f"Machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the start")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.sparse:
            n, m = args.sparse
            roster, ties, m = write_sparse(folder, n, m)
            results.append(bench_files(n, m, roster, ties, args, folder))
        for n in args.sizes if not args.sparse else []:
            results.append(bench_size(n, args, folder))
            print(json.dumps({k: ({kk: vv for kk, vv in v.items() if kk not in ("stderr", "stdout")}
                                  if isinstance(v, dict) else v) for k, v in results[-1].items()}), flush=True)
    for r in results:
        for step in ("help", "validate", "analyze", "pipeline"):
            if step in r and r[step]["status"] != 0:
                print(f"{r['people']:,} {step}: status {r[step]['status']}\n{r[step]['stderr']}")
    print("| people | ties | step | wall (s) | CPU (s) | peak memory: largest process / process tree (MB) |")
    print("|---|---|---|---|---|---|")
    for r in results:
        for step in ("help", "validate", "analyze", "pipeline"):
            if step in r:
                x = r[step]
                wall = f"{x['wall_s']:.2f}" if x["status"] == 0 else f"{x['status']} after {x['wall_s']:.0f}"
                if len(x.get("walls", [])) > 1:
                    wall += f" ({min(x['walls']):.2f}-{max(x['walls']):.2f}, {len(x['walls'])} runs)"
                print(f"| {r['people']:,} | {r['ties']:,} | {step} | {wall} | {x['cpu_s']:.2f} | "
                      f"{x['max_rss_mb']:,.0f} / {x['peak_tree_mb']:,.0f} |")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
