"""Built-in sample networks: Krackhardt's managers, Lazega's law firm and a synthetic municipality.

>>> net = load("krackhardt")
>>> len(net), net.graph("advice").number_of_edges()
(21, 190)
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ona.exceptions import OnaError, UnknownSampleError
from ona.model import OrgNetwork
from ona.io.ties import read_network

__all__ = [
    "available",
    "example_uploads",
    "expected_collaborations_path",
    "list_samples",
    "load",
    "sample_path",
    "title_in",
    "waves",
]


def sample_path(name: str | None = None) -> Path:
    """The folder holding all samples, or one sample's folder."""
    root = Path(str(resources.files("ona.sample_networks")))
    if name is None:
        return root
    if name not in available():
        raise UnknownSampleError(name, available())
    return root / name


def available() -> list[str]:
    """Names of the samples, e.g. ``['krackhardt', 'lazega', 'municipality']``."""
    root = Path(str(resources.files("ona.sample_networks")))
    return sorted(p.name for p in root.iterdir() if (p / "sample.json").is_file())


def title_in(title: str | None, lang: str) -> str | None:
    """A network's title in `lang`: a built-in sample's title (``net.name``) in the reader's language, any other
    title as it is (an organisation's own name is never translated).

    >>> title_in("Gemeente Veldhoven-aan-Zee (synthetic)", "nl"), title_in("Gemeente Utrecht", "nl")
    ('Gemeente Veldhoven-aan-Zee (synthetisch)', 'Gemeente Utrecht')
    """
    if not title or lang == "en":
        return title
    for name in available():
        meta = _manifest(name)
        if meta.get("title") == title:
            return str(meta.get(f"title_{lang}") or title)
    return title


def _manifest(name: str) -> dict[str, Any]:
    return json.loads((sample_path(name) / "sample.json").read_text(encoding="utf-8"))


def waves(name: str) -> list[str]:
    """The survey waves of a sample, oldest first.

    >>> waves("municipality")
    ['2025', '2026']
    """
    meta = _manifest(name)
    return list(meta["waves"]) if "waves" in meta else [str(meta.get("wave", ""))]


def list_samples() -> pd.DataFrame:
    """One row per sample: name, title, people, relations, waves and a description in English and Dutch."""
    rows = []
    for name in available():
        meta = _manifest(name)
        roster = pd.read_csv(sample_path(name) / meta["roster"], dtype=str)
        waves = list(meta.get("waves", {})) or [meta.get("wave", "")]
        first = meta.get("waves", {}).get(waves[0], {}).get("ties") if "waves" in meta else meta["ties"]
        relations = pd.read_csv(sample_path(name) / first, usecols=["relation"])["relation"].unique().tolist()
        rows.append(
            {
                "name": name,
                "title": meta["title"],
                "people": len(roster),
                "relations": ", ".join(relations),
                "waves": ", ".join(w for w in waves if w),
                "description": meta["description"],
                "description_nl": meta.get("description_nl", meta["description"]),
            }
        )
    return pd.DataFrame(rows)


def load(name: str, *, wave: str | None = None) -> OrgNetwork:
    """Load a sample network by name.

    Parameters
    ----------
    name : str
        One of :func:`available`.
    wave : str, optional
        For samples with several survey waves (the municipality: ``"2025"``
        before and ``"2026"`` after a collaboration programme); default is the
        first wave.

    Raises
    ------
    UnknownSampleError
        If there is no such sample.
    OnaError
        If the sample has no such wave.
    """
    return _load(name, wave)


@lru_cache(maxsize=16)
def _load(name: str, wave: str | None) -> OrgNetwork:
    folder = sample_path(name)
    meta = _manifest(name)
    if "waves" in meta:
        waves = meta["waves"]
        wave = wave or meta.get("default_wave") or next(iter(waves))
        if wave not in waves:
            raise OnaError(f"The sample {name!r} has no wave {wave!r}; it has {', '.join(waves)}.")
        spec = waves[wave]
    else:
        if wave is not None and wave != meta.get("wave"):
            raise OnaError(f"The sample {name!r} has only the wave {meta.get('wave')!r}.")
        spec, wave = meta, meta.get("wave")
    respondents = None
    if spec.get("respondents"):
        respondents = pd.read_csv(folder / spec["respondents"], dtype=str)["id"].tolist()
    net = read_network(
        folder / spec["ties"],
        folder / meta["roster"],
        respondents=respondents,
        wave=wave,
        name=meta["title"],
    )
    extra = {}
    if spec.get("conditions"):  # answers to the survey kit's five-conditions statements (ona.io.kit)
        extra["conditions"] = pd.read_csv(folder / spec["conditions"], dtype={"respondent": str})
    if spec.get("perceived"):  # answers to "who do you think comes to you?" (ona.measures.perception)
        extra["perceived_ties"] = pd.read_csv(folder / spec["perceived"], dtype=str)
    return net.with_changes(**extra) if extra else net


def expected_collaborations_path(name: str) -> Path | None:
    """The sample's declared collaborations file (``collaboration,group``), if it has one."""
    meta = _manifest(name)
    return sample_path(name) / meta["expected"] if meta.get("expected") else None


def example_uploads(name: str) -> dict[str, Path]:
    """Files of a sample that a new user can upload to try the whole flow, e.g. a raw survey export.

    Keys are ``roster``, ``survey`` and ``expected`` (where the sample has them).

    >>> sorted(p.name for p in example_uploads("municipality").values())
    ['collaborations.csv', 'msforms_2025.xlsx', 'roster.csv']
    >>> example_uploads("krackhardt")
    {}
    """
    meta = _manifest(name)
    return {kind: sample_path(name) / file for kind, file in meta.get("try_upload", {}).items()}
