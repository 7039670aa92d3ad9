"""ona's Streamlit app: upload a network survey, check it, and explore silos, gaps and bridges.

The only part of ona that imports Streamlit. ``streamlit run app.py`` (or ``ona app``) starts
:mod:`ona.app.main`, which draws the frame — language, data, grouping, role — builds one
role-aware view (:mod:`ona.views`) and hands it to the page the reader chose. Each page is one
file in :mod:`ona.app.pages` that takes the view and shows it; pages never decide what a role
may see and never compute an analysis.

- :mod:`ona.app.frame`: the sidebar, the data on screen, the role, and the view for this run.
- :mod:`ona.app.widgets`: pieces pages share (findings, evidence, heatmaps, drawings, labels).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ENTRY"]

#: The script ``streamlit run`` starts (``ona app`` uses it, so it works from any install).
ENTRY = Path(__file__).resolve().parent / "main.py"
