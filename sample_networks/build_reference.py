"""Rebuild the Krackhardt and Lazega samples' roster.csv and ties.csv from original/.

The files in ``<sample>/original/`` are the reference data exactly as
distributed (see each sample's README for provenance). This script turns them
into ona's plain input shape, a roster plus a long edge list, so the samples
are loaded by the same reader users use. Run it from anywhere:

    python sample_networks/build_reference.py
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent

KRACKHARDT_LEVELS = {1: "CEO", 2: "Vice-president", 3: "Manager"}


def build_krackhardt() -> None:
    folder = HERE / "krackhardt"
    attrs = pd.read_csv(folder / "original" / "attributes.csv")
    reports = pd.read_csv(folder / "original" / "reports_to_edges.csv")
    manager = dict(zip(reports["source"], reports["target"]))
    roster = pd.DataFrame(
        {
            "id": attrs["id"],
            "name": [f"Manager {i}" for i in attrs["id"]],
            # dept 0 is the CEO, who belongs to no department; he gets his own group.
            "department": [f"Dept {d}" if d else "CEO" for d in attrs["dept"]],
            "role": attrs["level"].map(KRACKHARDT_LEVELS),
            "manager": [manager.get(i, "") for i in attrs["id"]],
            "level": attrs["level"],
            "age": attrs["age"],
            "tenure": attrs["tenure"],
        }
    )
    roster.to_csv(folder / "roster.csv", index=False)
    _write_ties(folder, {"advice": "advice_edges.csv", "friendship": "friendship_edges.csv",
                         "reports_to": "reports_to_edges.csv"})


def build_lazega() -> None:
    folder = HERE / "lazega"
    attrs = pd.read_csv(folder / "original" / "attributes.csv")
    roster = pd.DataFrame(
        {
            "id": attrs["id"],
            "name": [f"Lawyer {i}" for i in attrs["id"]],
            "department": attrs["office_label"],
            "team": attrs["practice_label"],
            "role": attrs["status_label"],
            "location": attrs["office_label"],
            "gender": attrs["gender_label"],
            "age": attrs["age"],
            "years": attrs["years"],
            "seniority_rank": attrs["seniority_rank"],
            "law_school": attrs["law_school_label"],
        }
    )
    roster.to_csv(folder / "roster.csv", index=False)
    _write_ties(folder, {"advice": "advice_edges.csv", "friendship": "friendship_edges.csv",
                         "cowork": "cowork_edges.csv"})


def _write_ties(folder: Path, files: dict[str, str]) -> None:
    parts = []
    for relation, file in files.items():
        edges = pd.read_csv(folder / "original" / file)
        parts.append(edges.assign(relation=relation, weight=1))
    pd.concat(parts, ignore_index=True)[["source", "target", "relation", "weight"]].to_csv(
        folder / "ties.csv", index=False
    )


if __name__ == "__main__":
    build_krackhardt()
    build_lazega()
