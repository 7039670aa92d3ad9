"""Time and peak memory of reading bad and expensive inputs (issue W2 2/6): each is refused or reported
within bounds, never after minutes or gigabytes.

    python bench/bad_inputs.py            # every case (about a minute)
    python bench/bad_inputs.py --json out.json

Every case is built in memory (seeded where random) and read in its own Python process, so the peak
resident memory (``ru_maxrss``) is that case's alone; it includes importing ona and pandas (about
130 MB). Prints a Markdown table: what was read, what ona said, seconds, peak MB. The recorded
results are in BENCHMARKS.md; the limits are documented in ona/io/files.py and the README.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROSTER = "id,name,department\n" + "".join(f"E{i:04d},Person {i},D{i % 10}\n" for i in range(1, 1001))


def _edges(n: int, seed: int = 1) -> list[str]:
    import numpy as np

    rng = np.random.default_rng(seed)
    src, tgt = rng.integers(1, 1001, n), rng.integers(1, 1001, n)
    return [f"E{a:04d},E{b:04d},advice\n" for a, b in zip(src, tgt)]


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _workbook(sheets: dict[str, bytes]) -> bytes:
    """A minimal valid XLSX with the given sheet XML parts."""
    names = list(sheets)
    workbook = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names))
                + "</sheets></workbook>").encode()
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(names)))
            + "</Relationships>").encode()
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet.main+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.'
                       'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(names)))
             + "</Types>").encode()
    root_rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts = {"[Content_Types].xml": types, "_rels/.rels": root_rels, "xl/workbook.xml": workbook,
             "xl/_rels/workbook.xml.rels": rels}
    parts.update({f"xl/worksheets/sheet{i + 1}.xml": xml for i, xml in enumerate(sheets.values())})
    return _zip(parts)


def _sheet(rows: int, *, dimension: bool = True, numbers: bool = False) -> bytes:
    """A sheet of an edge list: a header row (source, target, weight) and `rows` - 1 ties.

    With `numbers`, the ids are plain numbers (compact XML: a million rows stay under the unpacked-size
    limit, so that the row limit is what refuses them).
    """
    head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    if dimension:
        head += f'<dimension ref="A1:C{rows}"/>'
    header = ('<row r="1"><c r="A1" t="inlineStr"><is><t>source</t></is></c><c r="B1" t="inlineStr"><is><t>target'
              '</t></is></c><c r="C1" t="inlineStr"><is><t>weight</t></is></c></row>')
    if numbers:
        body = "".join(f'<row r="{r}"><c><v>{1 + r % 1000}</v></c><c><v>{1 + (r * 7) % 1000}</v></c><c><v>1</v></c>'
                       "</row>" for r in range(2, rows + 1))
    else:
        body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>E{1 + r % 1000:04d}</t></is></c>'
                       f'<c r="B{r}" t="inlineStr"><is><t>E{1 + (r * 7) % 1000:04d}</t></is></c>'
                       f'<c r="C{r}"><v>1</v></c></row>' for r in range(2, rows + 1))
    return (head + "<sheetData>" + header + body + "</sheetData></worksheet>").encode()


def cases() -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Case name -> (file name, a function making its bytes); made one at a time, so the parent stays small."""
    big = b"<x>" + b"a" * (2 * 2**20) + b"</x>"

    def broken() -> bytes:
        edges = _edges(3343)
        return ("source,target,relation\n" + "".join(edges[:1671] + ['E0001,"E0002,advice\n'] + edges[1671:])).encode()

    return {
        "edge list, 3,343 ties, unclosed quote at tie 1,672": ("ties.csv", broken),
        "edge list, header only": ("ties.csv", lambda: b"source,target,relation\n"),
        "edge list, 1,000,000 duplicate ties": (
            "ties.csv", lambda: b"source,target,relation\n" + b"E0001,E0002,advice\n" * 1_000_000),
        "edge list, one 10 MB cell": (
            "ties.csv", lambda: b"source,target,relation\nE0001," + b"X" * 10_000_000 + b",advice\n"),
        "edge list, 1,000,000 ties (valid)": (
            "ties.csv", lambda: ("source,target,relation\n" + "".join(_edges(1_000_000))).encode()),
        "edge list, 6,000,000 rows (over the cell limit)": (
            "ties.csv", lambda: b"source,target,relation\n" + b"E0001,E0002,advice\n" * 6_000_000),
        "xlsx, 125 parts of 2 MB (250 MB unpacked)": (
            "bomb.xlsx", lambda: _zip({"xl/workbook.xml": b"<workbook/>", **{f"xl/p{i}.xml": big for i in range(125)}})),
        "xlsx, 3,000 sheets": ("sheets.xlsx", lambda: _workbook({f"rel{i}": _sheet(2) for i in range(3000)})),
        "xlsx, 120 sheets": ("sheets.xlsx", lambda: _workbook({f"rel{i}": _sheet(2) for i in range(120)})),
        "xlsx, 1,000,000-row sheet (declared)": (
            "rows.xlsx", lambda: _workbook({"ties": _sheet(1_000_000, numbers=True)})),
        "xlsx, 1,000,000-row sheet (no dimension)": (
            "rows.xlsx", lambda: _workbook({"ties": _sheet(1_000_000, dimension=False, numbers=True)})),
        "xlsx, 100,000 ties (valid)": ("ties.xlsx", lambda: _workbook({"advice": _sheet(100_001)})),
    }


_CHILD = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
import ona
from ona.io.report_text import format_report
path, roster = Path(sys.argv[1]), Path(sys.argv[2])
try:
    net = ona.read_network(path, roster, relation="advice")
    report = format_report(net)
    outcome = f"read: {len(net.ties):,} ties, {net.report.total:,} report items, report {len(report) / 1024:,.0f} KB"
except ona.OnaError as exc:
    outcome = str(exc).split(". ")[0][:110]
seconds = time.perf_counter() - t0
# VmHWM is this process's own peak (ru_maxrss would include the parent's, inherited through fork)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}))
"""


def run(name: str, filename: str, make: Callable[[], bytes], folder: Path) -> dict[str, object]:
    path = folder / filename
    data = make()
    path.write_bytes(data)
    size = len(data)
    del data
    roster = folder / "roster.csv"
    roster.write_text(ROSTER)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(roster)], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=900)
    wall = time.perf_counter() - started
    if done.returncode:
        return {"case": name, "size_kb": size / 1024, "outcome": "CRASH " + done.stderr[-300:], "seconds": wall,
                "peak_mb": float("nan")}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"case": name, "size_kb": size / 1024, **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="also write the results as JSON")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        baseline = run("(nothing: a one-tie edge list; importing ona and pandas)", "ties.csv",
                       lambda: b"source,target\nE0001,E0002\n", Path(folder))
        rows.append(baseline)
        for name, (filename, make) in cases().items():
            rows.append(run(name, filename, make, Path(folder)))
            print(f"  {name}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    print("| input | file | what ona says | seconds | peak MB |")
    print("|---|---:|---|---:|---:|")
    for r in rows:
        print(f"| {r['case']} | {r['size_kb']:,.0f} KB | {r['outcome']} | {r['seconds']:.1f} | {r['peak_mb']:.0f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
