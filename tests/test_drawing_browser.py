"""A large drawing (more than LARGE_DRAWING people) in a real headless Chromium: it draws, shows a tooltip
on hover and the person's ties on click, and loads nothing from the internet.

Timings are measured by bench/browser_bench.py, not here. The screenshot goes to tests/artifacts/.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is installed by ./test.sh")
from playwright.sync_api import sync_playwright  # noqa: E402

from ona.viz.layout import seeded_layout  # noqa: E402
from ona.viz.render import LARGE_DRAWING, to_html  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("ONA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _organisation(n: int) -> nx.DiGraph:
    """n people in departments of 100, most ties inside the department."""
    G = nx.DiGraph()
    for v in range(n):
        G.add_node(f"p{v}", name=f"Person {v}", department=f"Dept {v // 100:02d}")
    for v in range(n):
        for step in (1, 2, 7, 31):
            w = (v // 100) * 100 + (v + step) % 100 if step < 31 else (v + 211) % n
            if w < n and w != v:
                G.add_edge(f"p{v}", f"p{w}")
    return G


def test_a_large_drawing_draws_hovers_and_selects_in_the_browser(tmp_path):
    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}"
    G = _organisation(LARGE_DRAWING + 500)
    page = tmp_path / "network.html"
    page.write_text(to_html(G, positions=seeded_layout(G, seed=0), lang="en"), encoding="utf-8")
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        context.route("http*://**/*", lambda route: (outside.append(route.request.url), route.abort()))
        tab = context.new_page()
        tab.goto(page.as_uri())
        tab.wait_for_selector("body[data-drawn=true]", timeout=60_000)
        # The ties are drawn by the page: the canvas holds many coloured pixels besides the people.
        painted = tab.evaluate("""() => {
          const c = document.querySelector('#ona-graph canvas'), d = c.getContext('2d')
            .getImageData(0, 0, c.width, c.height).data;
          let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0) { n++; } } return n;
        }""")
        assert painted > 10_000
        target = "p1234"
        x, y = tab.evaluate("""(id) => {
          const net = window.onaNetwork, box = net.body.container.getBoundingClientRect();
          const pos = net.canvasToDOM(net.getPositions([id])[id]);
          return [box.left + pos.x, box.top + pos.y];
        }""", target)
        tab.mouse.move(x, y)
        tooltip = tab.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
        assert "Person 1234" in tooltip.inner_text()
        tab.mouse.click(x, y)
        tab.wait_for_function("window.onaNetwork.getSelectedNodes().length === 1", timeout=10_000)
        assert tab.evaluate("window.onaNetwork.getSelectedNodes()") == [target]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "large_drawing_selected.png"))
        browser.close()
    assert outside == []
