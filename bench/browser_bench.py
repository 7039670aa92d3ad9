"""Draw a whole organisation person by person in a real browser, and time drawing, hover and click.

Builds the page the app shows (``ona.viz.render.to_html`` with a seeded layout, physics off) for a
synthetic organisation (``bench.generate``), opens it in Debian's Chromium through Playwright and
measures, inside the page:

* **draw**: from the start of navigation to the end of the first complete drawing
  (``performance.now()`` when vis-network's first ``afterDrawing`` ran);
* **hover**: from the mouse arriving on a person to their tooltip being shown, over several people;
* **click**: from the click on a person to the end of the redraw that shows them selected.

Python-side seconds (layout, building the page) are reported too. Not part of the test suite; the
recorded results are in BENCHMARKS.md.

    python bench/browser_bench.py                 # 5,000 people
    python bench/browser_bench.py --sizes 1500 5000 --screenshot /tmp/shot.png
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Timestamps recorded inside the page (injected before the page's own scripts run).
_PROBE = """
window.onaProbe = {drawn: [], popups: []};
document.addEventListener("DOMContentLoaded", function () {
  var wait = setInterval(function () {
    if (!window.onaNetwork) { return; }
    clearInterval(wait);
    window.onaNetwork.on("afterDrawing", function () { window.onaProbe.drawn.push(performance.now()); });
    window.onaNetwork.on("showPopup", function () { window.onaProbe.popups.push(performance.now()); });
  }, 1);
});
"""


def build_page(n: int, seed: int = 0) -> tuple[str, dict[str, float], int, int]:
    """The person-level page of a synthetic organisation of `n` people; seconds per Python step."""
    from bench import generate
    from ona.viz.layout import seeded_layout
    from ona.viz.render import to_html

    timings: dict[str, float] = {}
    net = generate(n, seed=seed)
    G = net.graph("advice")
    start = time.perf_counter()
    positions = seeded_layout(G, seed=seed)
    timings["layout"] = time.perf_counter() - start
    start = time.perf_counter()
    page = to_html(G, positions=positions, color_by="department", lang="en")
    timings["page"] = time.perf_counter() - start
    return page, timings, G.number_of_nodes(), G.number_of_edges()


def measure(page: str, *, hovers: int = 8, screenshot: Path | None = None) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        path = Path(folder) / "network.html"
        path.write_text(page, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(_PROBE)
        tab = context.new_page()
        tab.goto(path.as_uri())
        tab.wait_for_selector("body[data-drawn=true]", timeout=120_000)
        drawn = tab.evaluate("window.onaProbe.drawn.length ? window.onaProbe.drawn[0] : performance.now()")
        # Wait for the fit() redraw to settle, then hover and click people spread over the drawing.
        time.sleep(1.0)
        points = tab.evaluate(
            """(k) => {
              const net = window.onaNetwork, ids = net.body.data.nodes.getIds();
              const box = net.body.container.getBoundingClientRect();
              const out = [];
              for (let i = 0; i < ids.length && out.length < k; i += Math.max(1, Math.floor(ids.length / k))) {
                const pos = net.canvasToDOM(net.getPositions([ids[i]])[ids[i]]);
                if (pos.x > 5 && pos.y > 5 && pos.x < box.width - 5 && pos.y < box.height - 5) {
                  out.push([box.left + pos.x, box.top + pos.y]);
                }
              }
              return out;
            }""",
            hovers,
        )
        hover_ms, click_ms = [], []
        for x, y in points:
            tab.mouse.move(5, 5)
            time.sleep(0.3)
            before = tab.evaluate("window.onaProbe.popups.length")
            started = tab.evaluate("performance.now()")
            tab.mouse.move(x, y)
            tab.wait_for_function(f"window.onaProbe.popups.length > {before}", timeout=10_000)
            hover_ms.append(tab.evaluate("window.onaProbe.popups[window.onaProbe.popups.length - 1]") - started)
            draws = tab.evaluate("window.onaProbe.drawn.length")
            started = tab.evaluate("performance.now()")
            tab.mouse.click(x, y)
            tab.wait_for_function(f"window.onaProbe.drawn.length > {draws}", timeout=10_000)
            click_ms.append(tab.evaluate("window.onaProbe.drawn[window.onaProbe.drawn.length - 1]") - started)
        if screenshot:
            tab.screenshot(path=str(screenshot))
        browser.close()
    return {
        "draw_ms": drawn,
        "hover_ms_median": statistics.median(hover_ms) if hover_ms else float("nan"),
        "hover_ms_max": max(hover_ms) if hover_ms else float("nan"),
        "click_ms_median": statistics.median(click_ms) if click_ms else float("nan"),
        "click_ms_max": max(click_ms) if click_ms else float("nan"),
        "people_probed": len(hover_ms),
        "page_mb": len(page.encode("utf-8")) / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000])
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from bench import machine

    print(f"Machine: {machine()}")
    rows = []
    for n in args.sizes:
        page, timings, nodes, edges = build_page(n)
        shot = args.screenshot.with_name(f"{args.screenshot.stem}_{n}{args.screenshot.suffix}") if args.screenshot else None
        result = {"people": nodes, "ties": edges, **{f"{k}_s": v for k, v in timings.items()}, **measure(page, screenshot=shot)}
        rows.append(result)
        print(json.dumps(result))
    print("| people | ties | layout (s) | page (s) | page (MB) | draw (ms) | hover median / max (ms) | click median / max (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['people']:,} | {r['ties']:,} | {r['layout_s']:.2f} | {r['page_s']:.2f} | {r['page_mb']:.1f} | "
              f"{r['draw_ms']:.0f} | {r['hover_ms_median']:.0f} / {r['hover_ms_max']:.0f} | "
              f"{r['click_ms_median']:.0f} / {r['click_ms_max']:.0f} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
