"""Shared fixtures: tiny networks you can check by hand, and the sample folders."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ona import OrgNetwork

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_networks"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def tiny_roster() -> pd.DataFrame:
    """Five people in two departments; 'e' has no department."""
    return pd.DataFrame(
        {
            "name": ["Ana de Vries", "Bo Jansen", "Cy Bakker", "Dee Smit", "Eef Visser"],
            "department": ["HR", "HR", "IT", "IT", None],
            "role": ["Teamleider", "Medewerker", "Medewerker", "Medewerker", "Medewerker"],
        },
        index=pd.Index(["a", "b", "c", "d", "e"], name="id"),
    )


@pytest.fixture
def tiny_network(tiny_roster: pd.DataFrame) -> OrgNetwork:
    """advice: a->b, b->a, b->c, c->d; trust: d->a. 'e' did not respond."""
    ties = pd.DataFrame(
        [
            ("a", "b", "advice", 1.0),
            ("b", "a", "advice", 1.0),
            ("b", "c", "advice", 2.0),
            ("c", "d", "advice", 1.0),
            ("d", "a", "trust", 1.0),
        ],
        columns=["source", "target", "relation", "weight"],
    )
    return OrgNetwork(tiny_roster, ties, respondents=["a", "b", "c", "d"], wave="2025", name="Tiny")
