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

import math

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from ona.findings.confidence import assess
from ona.findings.detectors import Detection
from ona.findings.finding import Finding
from ona.i18n import number, percent, t
from ona.measures.engines import TieArrays
from ona.measures.keyplayers import (
    KeyPlayers,
    file_key_players_arrays,
    file_search_steps,
    fragmentation_cut_arrays,
    key_players,
)

__all__ = [
    "KeyPlayerAnswer",
    "KEY_PLAYERS_K",
    "KEY_PLAYERS_KIND",
    "KEY_PLAYERS_MIN_PAIRS",
    "KEY_PLAYERS_SHARE_FULL",
    "KEY_PLAYERS_SHARE_ZERO",
    "file_key_players",
    "find_key_players",
    "key_player_detections",
    "key_player_finding",
    "key_player_findings",
    "key_player_severity",
    "key_player_text",
    "named_cut",
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
    the same ties, `k` and seed is used instead of searching again
    (:func:`ona.measures.keyplayers.file_key_players_arrays`).
    """
    # Bounded by search steps, not seconds, so findings.json is the same on any machine (file_search_steps).
    result = file_key_players_arrays(arrays, k, seed=seed, known=known)
    if result is None or result.pairs_cut < KEY_PLAYERS_MIN_PAIRS or not result.pairs_connected:
        return []
    # Name the members the cut needs (others only make the remaining parts more even, see KeyPlayers.cutting),
    # with their own figures, beside as many people with the most ties (same pair counting).
    people = tuple(map(str, result.cutting))
    if set(result.cutting) == set(result.people):  # the whole set: its figures are the search's
        connected, cut = result.pairs_connected, result.pairs_cut
    else:
        connected, cut = fragmentation_cut_arrays(arrays, arrays.nodes.get_indexer(list(result.cutting)))
    if cut < KEY_PLAYERS_MIN_PAIRS or not connected:
        return []
    share = cut / connected
    evidence = {
        "k": len(people),
        "pairs_connected": connected,
        "pairs_cut": cut,
        "share_cut": round(share, 4),
        "fragmentation_before": round(result.before, 4),
        "fragmentation_after": round(result.value, 4),
        "degree_share_cut": round(_share_cut_by_degree(arrays, len(people)), 4),
        "search": result.search,
        "complete": result.complete,
    }
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


# -- a key-player set as a page shows it (the People page, reports) ---------------------------------------


def key_player_text(result: KeyPlayers, lang: str) -> str:
    """What the set does, in one or two sentences, beside what the people with the most ties would do.

    The set is ``result.people`` (a report names only the members a cut needs); the comparison is with the
    ``result.degree_people``.

    The sentences live in :mod:`ona.i18n.texts.methods` (``methods.app.kp.*``); the app's People page and
    the reports (:mod:`ona.documents`) both say it this way.

    Examples
    --------
    Three triangles in a chain through ``m`` and ``n``: without them, the 9 others keep only the 9 pairs
    inside their triangles of the 36 pairs they have now.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "m"), ("m", "d"), ("d", "e"), ("e", "f"),
    ...               ("f", "d"), ("f", "n"), ("n", "g"), ("g", "h"), ("h", "i"), ("i", "g")])
    >>> print(key_player_text(key_players(G, 2), "nl"))
    Zonder deze 2 mensen zouden 27 van de 36 paren collega's die elkaar nu via hun relaties kunnen bereiken
    (75%) geen enkele verbinding meer hebben. De 2 mensen met de meeste relaties zouden samen 56% van zulke
    paren afsnijden.
    """
    k = number(result.k, lang)
    pair = {"first": result.groups[0] if result.groups else "", "second": result.groups[-1] if result.groups else "",
            "degree_k": number(len(result.degree_people) or result.k, lang)}
    one = ".one" if result.k == 1 and len(result.degree_people) <= 1 else ""  # "this person", "the person"
    if result.objective == "fragmentation":
        key = ("methods.app.kp.cut.pair" if result.groups else "methods.app.kp.cut") + one
        return t(key, lang, k=k, cut=number(result.pairs_cut, lang), connected=number(result.pairs_connected, lang),
                 share=percent(result.share_cut, lang), degree_share=percent(result.degree_share_cut, lang), **pair)
    first, second = result.reached
    degree_one, degree_two = result.degree_reached
    key = ("methods.app.kp.reach.pair" if result.groups else "methods.app.kp.reach") + one
    return t(key, lang, k=k, one=number(first, lang), two=number(second, lang), n=number(result.targets, lang),
             degree_one=number(degree_one, lang), degree_two=number(degree_two, lang), **pair)


def file_key_players(G: nx.Graph, k: int = KEY_PLAYERS_K, *, objective: str = "fragmentation",
                     groups: tuple[str, str] | None = None, grouping: str = "department",
                     seed: int = 0) -> KeyPlayers:
    """:func:`ona.measures.keyplayers.key_players` bounded as files need: by search steps, never by seconds.

    The greedy set and its swaps up to :func:`ona.measures.keyplayers.file_search_steps`, without random
    restarts, as the key-player finding searches; so the same graph and seed give the same set on any
    machine, and a report is byte-identical between runs.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "m"), ("m", "d"),
    ...               ("d", "e"), ("e", "f"), ("f", "d")])
    >>> file_key_players(G, 1).people
    ('m',)
    """
    return key_players(G, k, objective=objective, groups=groups, grouping=grouping, time_limit=math.inf,
                       restarts=0, seed=seed, max_steps=file_search_steps(G.number_of_nodes(), k))


@dataclass(frozen=True)
class KeyPlayerAnswer:
    """A key-player set as a page shows it: the search result and one row per member.

    Attributes
    ----------
    result : KeyPlayers
        What :func:`ona.measures.keyplayers.key_players` found.
    rows : tuple of (str, str, int, float)
        Per member, in the order of ``result.people``: the name as the reader may see it, the member's
        group, ties (named or named by, any relation of the graph) and the member's contribution
        (``result.contributions``: how much worse the set does without that member).
    best_connected : tuple of str
        The names of the `k` people with the most ties (``result.degree_people``), for comparison.
    """

    result: KeyPlayers
    rows: tuple[tuple[str, str, int, float], ...]
    best_connected: tuple[str, ...]

    @classmethod
    def of(cls, result: KeyPlayers, G: nx.Graph, grouping: str,
           names: Mapping[Hashable, str] | None = None) -> KeyPlayerAnswer:
        """Rows from `G` (the graph the set was found in): names from `names`, else the node's ``name``."""
        names = names or {}

        def name(p: Hashable) -> str:
            return str(names.get(p) or G.nodes[p].get("name") or p)

        def group(p: Hashable) -> str:
            value = G.nodes[p].get(grouping)
            return "" if value is None or value != value else str(value)

        rows = tuple((name(p), group(p), int(G.degree(p)), float(result.contributions.get(p, 0.0)))
                     for p in result.people)
        return cls(result, rows, tuple(name(p) for p in result.degree_people))


def named_cut(result: KeyPlayers, G: nx.Graph, grouping: str = "department") -> KeyPlayers:
    """The fewest members of a fragmentation set that cut as many pairs, with their own figures: whom to name.

    A set found for fragmentation may hold people who cut nobody off themselves: they make the remaining
    parts more even, or (for a pair of groups) leave fewer pairs to count. The search already chose whom the
    cut needs (``result.cutting``: members left out one at a time, the smallest contribution first, while the
    rest cut at least as many pairs), so the finding, the person table and a report name the same people.
    The result's figures are those of these members (pairs connected and cut, and the same number of people
    with the most ties), and each member's contribution is how much smaller the share cut becomes without
    them (0 to 1). With no pair cut, nobody is left (``people == ()``).

    Parameters
    ----------
    result : KeyPlayers
        A fragmentation result of :func:`ona.measures.keyplayers.key_players` on `G`.
    G : NetworkX graph
    grouping : str, optional
        The node attribute of ``result.groups``.

    Examples
    --------
    Three triangles in a chain through ``m`` and ``n``: the search finds ``c``, ``d`` and ``n``; ``c`` is not
    needed, as without ``d`` and ``n`` the nine others fall apart into a-b-c-m, e-f and g-h-i: 26 of their
    36 pairs are cut (6 + 1 + 3 stay).

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "m"), ("m", "d"), ("d", "e"), ("e", "f"),
    ...               ("f", "d"), ("f", "n"), ("n", "g"), ("g", "h"), ("h", "i"), ("i", "g")])
    >>> found = key_players(G, 3)
    >>> named = named_cut(found, G)
    >>> found.people, named.people, named.pairs_cut, named.pairs_connected
    (('c', 'd', 'n'), ('d', 'n'), 26, 36)
    """
    import dataclasses

    if result.objective != "fragmentation":
        raise ValueError("named_cut needs a fragmentation result")
    arrays = TieArrays.from_graph(G, None)
    position = {node: i for i, node in enumerate(arrays.nodes.tolist())}
    first = second = None
    if result.groups:
        labels = np.asarray([str(G.nodes[node].get(grouping)) for node in arrays.nodes.tolist()])
        first, second = labels == str(result.groups[0]), labels == str(result.groups[-1])

    def cut(people: Sequence[Hashable]) -> tuple[int, int]:
        if not people:
            return 0, 0
        return fragmentation_cut_arrays(arrays, [position[p] for p in people], first=first, second=second)

    def share(people: Sequence[Hashable]) -> float:
        connected, pairs = cut(people)
        return pairs / connected if connected else 0.0

    # The members the cut needs are the search's own (KeyPlayers.cutting): the finding and the person table
    # name the same people.
    kept = [p for p in result.people if p in set(result.cutting)]
    connected, pairs = cut(kept)
    if not pairs:
        kept, connected = [], cut(result.people)[0]
    degree = arrays.in_degree + arrays.out_degree
    top = sorted(np.argsort(-degree, kind="stable")[:len(kept)].tolist())
    degree_people = tuple(arrays.nodes[top].tolist()) if kept else ()
    degree_connected, degree_cut = cut(degree_people)
    whole = pairs / connected if connected else 0.0
    contributions = {p: round(max(0.0, whole - share([q for q in kept if q != p])), 12) for p in kept}
    return dataclasses.replace(result, people=tuple(kept), cutting=tuple(kept), pairs_connected=connected,
                               pairs_cut=pairs, contributions=contributions, degree_people=degree_people,
                               degree_pairs_cut=degree_cut, degree_pairs_connected=degree_connected)
