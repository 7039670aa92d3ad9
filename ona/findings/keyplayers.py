r"""The key-player finding: "these 3 people hold the organisation together".

:func:`find_key_players` looks for the set of :data:`KEY_PLAYERS_K` people
whose departure would cut the most pairs of colleagues off from each other
(Borgatti's KPP-Neg with fragmentation, :func:`ona.measures.keyplayers.key_players`),
in the network of all analysed relations together (two people are tied when
either named the other in any relation). It reports them when that set cuts a
notable share of the pairs of colleagues who can reach each other today.

Severity is the share of connected pairs the set would cut,
:math:`s = \text{pairs cut} / \text{pairs connected}`, scaled linearly from 0
at :data:`KEY_PLAYERS_SHARE_ZERO` (5%) to 1 at
:data:`KEY_PLAYERS_SHARE_FULL` (30%): from 20% of pairs cut it is high.
There is no permutation test here; the finding is a plain fact about the
observed network (which ties non-respondents would have reported is not
known, see :func:`ona.measures.missing.sensitivity`). Fewer than
:data:`KEY_PLAYERS_MIN_PAIRS` pairs cut is never a finding.

The sentences live in :mod:`ona.i18n.texts.methods` (``methods.finding.key_players``).

References
----------
.. [1] Borgatti, Stephen P. 2006. "Identifying Sets of Key Players in a Social
   Network." Computational and Mathematical Organization Theory 12 (1): 21-34.
   https://doi.org/10.1007/s10588-006-7084-x
"""

from __future__ import annotations


from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np

from ona.findings.confidence import assess
from ona.findings.detectors import Detection
from ona.findings.finding import Finding
from ona.i18n import number, percent, t
from ona.measures.engines import TieArrays
from ona.measures.keyplayers import KeyPlayers, file_key_players, fragmentation_cut_arrays

__all__ = [
    "KEY_PLAYERS_K",
    "KEY_PLAYERS_KIND",
    "KEY_PLAYERS_MIN_PAIRS",
    "KEY_PLAYERS_SHARE_FULL",
    "KEY_PLAYERS_SHARE_ZERO",
    "find_key_players",
    "key_player_detections",
    "key_player_finding",
    "key_player_findings",
    "key_player_severity",
]

#: The kind of the finding (a kind about people: :data:`ona.findings.confidence.PERSON_KINDS`).
KEY_PLAYERS_KIND = "key_player"
#: Size of the key-player set.
KEY_PLAYERS_K = 3
#: Severity is 0 up to this share of connected pairs cut ...
KEY_PLAYERS_SHARE_ZERO = 0.05
#: ... and 1 from this share on.
KEY_PLAYERS_SHARE_FULL = 0.30
#: At least this many pairs must be cut.
KEY_PLAYERS_MIN_PAIRS = 10


def key_player_severity(share_cut: float) -> float:
    """Severity from the share of connected pairs cut: 0 at 5%, 0.6 (high) at 20%, 1 from 30%.

    >>> key_player_severity(0.05), key_player_severity(0.2), key_player_severity(0.5)
    (0.0, 0.6, 1.0)
    """
    span = KEY_PLAYERS_SHARE_FULL - KEY_PLAYERS_SHARE_ZERO
    return round(min(1.0, max(0.0, (share_cut - KEY_PLAYERS_SHARE_ZERO) / span)), 3)


def find_key_players(G: nx.Graph, *, k: int = KEY_PLAYERS_K, seed: int = 0) -> list[Detection]:
    """Detect the `k` people who hold the network together, if their departure would cut it notably.

    Parameters
    ----------
    G : NetworkX graph
        Ties are taken without direction.
    k : int, optional (default=3)
    seed : int, optional (default=0)
        Seed of the search's random starting sets.

    Returns
    -------
    list of Detection
        None or one detection of kind ``"key_player"`` with evidence
        ``k, pairs_connected, pairs_cut, share_cut, fragmentation_before,
        fragmentation_after, degree_share_cut`` (what the `k` people with the
        most ties would cut), ``search`` and ``complete``.

    Examples
    --------
    Two teams of four that meet only through ``m``:

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("d", "m"), ("m", "e"),
    ...               ("e", "f"), ("f", "g"), ("g", "h"), ("h", "e")])
    >>> [(d.people, d.evidence["pairs_cut"], d.severity) for d in find_key_players(G, k=1)]
    [(('m',), 16, 1.0)]
    """
    return key_player_detections(TieArrays.from_graph(G, None), k=k, seed=seed)


def key_player_detections(arrays: TieArrays, *, k: int = KEY_PLAYERS_K, seed: int = 0,
                          known: Iterable[KeyPlayers | None] = ()) -> list[Detection]:
    """:func:`find_key_players` on arrays (``find_findings`` calls this once per run).

    `known` holds searches already done (e.g. :attr:`ona.measures.analysis.Analysis.key_players`); one of
    the same ties, `k` and seed is used instead of searching again (:func:`ona.measures.keyplayers.file_key_players`).
    """
    # Bounded by search steps, not seconds, so findings.json is the same on any machine (file_search_steps).
    result = file_key_players(arrays, k, seed=seed, known=known)
    if result is None or result.pairs_cut < KEY_PLAYERS_MIN_PAIRS or not result.pairs_connected:
        return []
    share = result.share_cut
    # What the k people with the most ties would cut, for comparison (same pair counting).
    degree_share = _share_cut_by_degree(arrays, k)
    evidence = {
        "k": k,
        "pairs_connected": result.pairs_connected,
        "pairs_cut": result.pairs_cut,
        "share_cut": round(share, 4),
        "fragmentation_before": round(result.before, 4),
        "fragmentation_after": round(result.value, 4),
        "degree_share_cut": round(degree_share, 4),
        "search": result.search,
        "complete": result.complete,
    }
    # Name the members the cut needs (others only make the remaining parts more even, see KeyPlayers.cutting).
    people = tuple(map(str, result.cutting))
    evidence["k"] = len(people)
    return [Detection(KEY_PLAYERS_KIND, key_player_severity(share), (), people, evidence)]


def _share_cut_by_degree(arrays: TieArrays, k: int) -> float:
    degree = arrays.in_degree + arrays.out_degree
    top = np.argsort(-degree, kind="stable")[:k]
    connected, cut = fragmentation_cut_arrays(arrays, top)
    return cut / connected if connected else 0.0


def _names(people: Sequence[str], names: Mapping[str, str], lang: str) -> str:
    items = [names.get(p, p) for p in people]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('methods.and', lang)} {items[-1]}"


def key_player_finding(d: Detection, relation: str, names: Mapping[str, str], confidence: Any = None) -> Finding:
    """The finding, with its Dutch and English text, for a key-player detection.

    `names` maps person ids to display names (:func:`ona.model.person_labels`). With a `confidence`
    whose ``people_withheld`` is set (low response), the finding names nobody: it says how many people.
    """
    e = d.evidence
    withheld = bool(confidence is not None and getattr(confidence, "people_withheld", False))
    text, suggestions = {}, {}
    for lang in ("nl", "en"):
        values = {
            "people": _names(d.people, names, lang),
            "k": number(e["k"], lang),
            "cut": number(e["pairs_cut"], lang),
            "connected": number(e["pairs_connected"], lang),
            "share": percent(e["share_cut"], lang),
            "degree_share": percent(e["degree_share_cut"], lang),
        }
        key = "methods.finding.key_players.anonymous" if withheld else "methods.finding.key_players"
        text[lang] = t(key, lang, **values)
        suggestions[lang] = [t(f"methods.finding.key_players.suggestion{i}", lang) for i in (1, 2)]
    people = () if withheld else d.people
    return Finding(KEY_PLAYERS_KIND, d.severity, relation, d.groups, people, dict(e), text, suggestions, confidence)


def key_player_findings(arrays: TieArrays, relation: str, names: Mapping[str, str], responses: Any = None,
                        thresholds: Any = None, seed: int | None = 0,
                        known: Iterable[KeyPlayers | None] = ()) -> list[Finding]:
    """The key-player finding of one network (none, or one), with its confidence: what ``find_findings`` adds.

    `responses` and `thresholds` are those of :func:`ona.findings.confidence.assess`; without
    `responses` the finding carries no confidence. `known`: searches already done (see
    :func:`key_player_detections`).
    """
    from ona.findings.text import relation_words

    findings = []
    minimum = getattr(thresholds, "min_severity", 0.0)
    for d in key_player_detections(arrays, seed=seed or 0, known=known):
        if d.severity < minimum:
            continue
        confidence = None
        if responses is not None:
            words = {lang: relation_words(relation, lang)[1] for lang in ("nl", "en")}
            confidence = assess(d, words, responses, thresholds)
        findings.append(key_player_finding(d, relation, names, confidence))
    return findings
