r"""Detectors for silos, side-by-side gaps, fragile bridges, one-sided trust, isolation and overload.

Each detector is a pure function over a directed graph, networkx style
(``G`` first, options as keywords), and returns a list of :class:`Detection`
objects: a kind, a severity between 0 and 1, the groups and people involved,
and the numbers behind it (``evidence``). Each has an array twin
(``detect_silos``, ``detect_pairs``, ``detect_one_sided_trust``,
``detect_isolated``, ``detect_overloaded``) over
:class:`~ona.measures.engines.TieArrays`, which
:func:`ona.findings.find_findings` runs on an :class:`~ona.model.OrgNetwork`
before turning the detections into findings with Dutch and English text.

Gap or fragile bridge
---------------------
A pair of groups is told once, as the right kind. A pair whose cross ties are
far below what is expected is a **gap** (the two work side by side), whatever
carries its few ties: the one or two people who do go into its evidence. A
**fragile bridge** is a pair whose volume is not a gap but whose ties run
through one or two people. See :func:`detect_pairs`.

Graphs are the ones :meth:`OrgNetwork.graph <ona.model.OrgNetwork.graph>`
builds: every person is a node with roster attributes (``department``,
``team``, ``role``, ...) and ``responded``; a non-respondent's outgoing ties
are *unknown*, not absent, so no detector ever blames a non-respondent.

Severity
--------
Every severity is an *effect size* (how far from normal) multiplied by an
*evidence weight* :math:`w(p)` that discounts what could be chance:

.. math:: w(p) = \min\Bigl(1, \max\Bigl(0, \frac{-\log_{10} p - 1}{2}\Bigr)\Bigr),

which is 0 for :math:`p \ge 0.1` and 1 for :math:`p \le 0.001`. Severities of
at least :data:`HIGH_SEVERITY` (0.6) are "high". Findings that rest on no
declared expectation are capped at ``Thresholds.undeclared_factor`` (0.5), so
they are never high. Because they are less certain, and because an organisation
with hundreds of departments has tens of thousands of pairs, at most
``Thresholds.max_undeclared`` (10) undeclared gaps and as many undeclared
fragile bridges are reported, the most severe first; declared collaborations
are always reported in full. The defaults in :class:`Thresholds` are calibrated so
that on the synthetic municipality sample every planted structure is high and
nothing else is, and that on random (Erdős-Rényi) networks with random
departments nothing is high (``tests/test_silos.py`` and
``tests/test_findings.py`` check both).

References
----------
.. [1] Krackhardt, David, and Robert N. Stern. 1988. "Informal Networks and
   Organizational Crises: An Experimental Simulation." Social Psychology
   Quarterly 51 (2): 123-40. https://doi.org/10.2307/2786835
.. [2] Krackhardt, David, and Jeffrey R. Hanson. 1993. "Informal Networks: The
   Company behind the Chart." Harvard Business Review 71 (4): 104-11.
.. [3] Burt, Ronald S. 2004. "Structural Holes and Good Ideas." American
   Journal of Sociology 110 (2): 349-99. https://doi.org/10.1086/421787
.. [4] Cross, Rob, and Andrew Parker. 2004. The Hidden Power of Social
   Networks: Understanding How Work Really Gets Done in Organizations. Boston:
   Harvard Business School Press.
.. [5] Newman, M. E. J. 2003. "Mixing Patterns in Networks." Physical Review E
   67 (2): 026126. https://doi.org/10.1103/PhysRevE.67.026126
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy import special  # the distributions' tails; scipy.stats takes 0.3 s to import

from ona.measures.community import louvain_arrays
from ona.measures.engines import GroupCodes, TieArrays, group_codes
from ona.exceptions import OnaError
from ona.io.expected import ExpectedLike, expected_frame, expected_pairs
from ona.measures.groups import ei_permutation_test_arrays, group_matrix_arrays
from ona.model import UNKNOWN_GROUP
from ona.compat import old_grouping_names

__all__ = [
    "CHANCE_P",
    "DeclaredPairs",
    "Detection",
    "HIGH_SEVERITY",
    "KINDS",
    "MIN_GAP_EXPECTED",
    "PairMixing",
    "Thresholds",
    "cap_undeclared",
    "cross_group_ties",
    "declared_pairs",
    "detect_isolated",
    "detect_one_sided_trust",
    "detect_overloaded",
    "detect_pairs",
    "detect_silos",
    "evidence_weight",
    "find_carriers",
    "find_fragile_bridges",
    "find_gaps",
    "find_isolated",
    "find_one_sided_trust",
    "find_overloaded",
    "find_silos",
    "matches_any",
    "matrix_volumes",
    "pair_volumes",
    "round4",
    "units4",
]

#: Severity from which a detection counts as "high".
HIGH_SEVERITY = 0.6
#: The detection kinds, in the order findings of equal severity are listed.
KINDS = ("silo", "gap", "fragile_bridge", "one_sided_trust", "overloaded", "isolated")


@dataclass(frozen=True)
class Thresholds:
    """Thresholds and settings of the detectors, with calibrated defaults.

    Attributes
    ----------
    min_group_size : int (default 3)
        Groups with fewer people are not analysed as groups (too small to
        tell a pattern from two people's habits, and a privacy risk).
    alpha : float (default 0.05)
        Significance level of the E-I permutation test for silos.
    silo_max_ei : float (default -0.5)
        A group is a silo candidate only with an E-I index at or below this.
    silo_ei_zero, silo_ei_full : float (default -0.4 and -0.9)
        Silo severity rises linearly from 0 at E-I ``silo_ei_zero`` to 1 at
        ``silo_ei_full``: -0.7 (85% of ties inside) is the border of "high".
    silo_min_overlap : float (default 0.6)
        The group must coincide with Louvain communities: Jaccard overlap
        :math:`|g \\cap U| / |g \\cup U|` at least this, with :math:`U` the
        communities whose majority is in the group.
    silo_relative_full : float (default 0.25)
        A group whose share of outside ties is at most this fraction of the
        typical group's gets the full relative effect (see :func:`find_silos`).
    silo_permutations : int (default 1000)
        Permutations of the E-I test.
    gap_max_ratio : float (default 0.5)
        A declared pair is a gap when its cross ties are below this fraction of
        what the organisation's typical cross-group rate predicts.
    one_way_factor : float (default 0.75)
        Severity of a declared pair whose ties all run one way (before the
        evidence weight).
    undeclared_factor : float (default 0.5)
        Severity multiplier (and so the ceiling) for gaps and bridges between
        groups that were not declared to work together: lower confidence.
    max_undeclared : int or None (default 10)
        At most this many gaps, and at most this many fragile bridges, between
        pairs of groups that were not declared to work together are reported:
        the most severe first (ties broken by the weaker pair for gaps and by
        more ties for bridges, then by group name). Declared pairs and a
        group's bridge to the rest of the organisation are always reported.
        None reports all; in an organisation of 300 departments that can be
        tens of thousands of lower-confidence findings.
    bridge_max_people : int (default 2)
        A bridge is carried by at most this many people.
    bridge_min_share : float (default 0.8)
        ... who together take part in at least this share of the cross ties.
    bridge_min_ties : int (default 3)
        Pairs with fewer cross ties are reported as gaps, not bridges.
    rest_factor : float (default 0.75)
        Severity multiplier for a group whose whole connection to the rest of
        the organisation runs through one or two people.
    trust_min_ties : int (default 10)
        Trust ties from X to Y (both respondents) needed to judge reciprocity.
    trust_max_ratio : float (default 0.5)
        One-sided when X's trust in Y is returned less than this fraction as
        often as trust elsewhere ...
    trust_full_ratio : float (default 0.25)
        ... and fully so (effect 1) at this fraction or less.
    manager_roles : tuple of str
        Case-insensitive pieces of role names that mark a manager (Dutch and
        English); everyone else with a role counts as staff.
    trust_relations, advice_relations : tuple of str
        Case-insensitive pieces of relation names that mark the trust relation
        (for one-sided trust) and the advice relation (for overload).
    isolated_max_share : float (default 0.1)
        Isolation is reported while fewer than this share of the respondents
        are isolated; severity falls from 0.9 (none others) to 0 at this share.
    isolated_full_degree : float (default 6.0)
        In a relation where respondents have fewer ties than this on average
        (in + out), isolation is less telling and its severity is scaled down.
    team_max_size : int (default 15)
        Teams up to this size are checked for having no ties to the rest.
    overload_sd : float (default 3.0)
        Overloaded: in-degree above the others' mean + this many standard deviations ...
    overload_min_share : float (default 0.05)
        ... and named by at least this share of the respondents ...
    overload_min_count : int (default 10)
        ... and by at least this many people.
    overload_sd_full : float (default 7.0)
        Severity reaches 1 at this many standard deviations above the others' mean.
    min_severity : float (default 0.05)
        :func:`ona.findings.find_findings` leaves out detections below this
        severity (statistical noise).
    """

    min_group_size: int = 3
    alpha: float = 0.05
    silo_max_ei: float = -0.5
    silo_ei_zero: float = -0.4
    silo_ei_full: float = -0.9
    silo_min_overlap: float = 0.6
    silo_relative_full: float = 0.25
    silo_permutations: int = 1000
    gap_max_ratio: float = 0.5
    one_way_factor: float = 0.75
    undeclared_factor: float = 0.5
    max_undeclared: int | None = 10
    bridge_max_people: int = 2
    bridge_min_share: float = 0.8
    bridge_min_ties: int = 3
    rest_factor: float = 0.75
    trust_min_ties: int = 10
    trust_max_ratio: float = 0.5
    trust_full_ratio: float = 0.25
    manager_roles: tuple[str, ...] = (
        "leider", "leidinggevend", "hoofd", "chef", "manager", "director", "directeur", "secretaris", "bestuurder",
        "head", "chief", "lead", "supervisor", "ceo",
    )
    trust_relations: tuple[str, ...] = ("trust", "vertrouw")
    advice_relations: tuple[str, ...] = ("advice", "advies", "advis")
    isolated_max_share: float = 0.1
    isolated_full_degree: float = 6.0
    team_max_size: int = 15
    overload_sd: float = 3.0
    overload_min_share: float = 0.05
    overload_min_count: int = 10
    overload_sd_full: float = 7.0
    min_severity: float = 0.05

    def __post_init__(self) -> None:
        for name in ("manager_roles", "trust_relations", "advice_relations"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            else:
                object.__setattr__(self, name, tuple(str(v) for v in value))
        if not 1 <= self.bridge_max_people <= 3:
            raise OnaError(f"bridge_max_people must be 1, 2 or 3, not {self.bridge_max_people}.")
        if self.max_undeclared is not None and not (isinstance(self.max_undeclared, int) and self.max_undeclared >= 0):
            raise OnaError(f"max_undeclared must be a whole number of at least 0, or None for all, "
                           f"not {self.max_undeclared!r}.")


@dataclass(frozen=True)
class Detection:
    """One detected pattern.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    severity : float
        0 (nothing notable) to 1; at least :data:`HIGH_SEVERITY` is high.
    groups : tuple of str
        The groups involved, e.g. the two departments of a gap.
    people : tuple of str
        Ids of the people involved (bridges, isolates, the overloaded).
    evidence : dict
        The numbers behind the detection, as plain Python values.
    """

    kind: str
    severity: float
    groups: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", round(_clip(float(self.severity)), 3))
        object.__setattr__(self, "groups", tuple(str(g) for g in self.groups))
        object.__setattr__(self, "people", tuple(str(p) for p in self.people))


# -- shared helpers -------------------------------------------------------------------------------


def evidence_weight(p: float) -> float:
    r"""The weight of the evidence of a p-value: 0 at p >= 0.1, 1 at p <= 0.001.

    .. math:: w(p) = \min(1, \max(0, (-\log_{10} p - 1) / 2))

    >>> evidence_weight(0.5), evidence_weight(0.01), evidence_weight(1e-6)
    (0.0, 0.5, 1.0)
    """
    if not p > 0:
        return 1.0
    return float(min(1.0, max(0.0, (-math.log10(p) - 1.0) / 2.0)))


def matches_any(text: object, patterns: Iterable[str]) -> bool:
    """Whether `text` contains any of `patterns`, ignoring case.

    >>> matches_any("Teamleider", ("leider", "hoofd")), matches_any("Medewerker", ("leider",))
    (True, False)
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return False
    lowered = str(text).casefold()
    return any(p.casefold() in lowered for p in patterns if p)


def _clip(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def _r(x: float, digits: int = 4) -> float | None:
    return None if x is None or not math.isfinite(x) else round(float(x), digits)


def _setup(G: nx.Graph, grouping: str, weight: str | None) -> tuple[TieArrays, GroupCodes]:
    return TieArrays.from_graph(G, weight), group_codes(G, grouping)


def _node_values(G: nx.Graph, nodes: Iterable[Any], grouping: str) -> list[Any]:
    """Each node's value of `grouping` (None where it has none), in the order of `nodes`."""
    return [G.nodes[v].get(grouping) for v in nodes]


def _active_groups(arrays: TieArrays, groups: GroupCodes, th: Thresholds) -> np.ndarray:
    """Boolean per group code: known, big enough, with a respondent and a tie."""
    respondents = np.bincount(groups.codes[arrays.responded], minlength=groups.k)
    tied = np.zeros(groups.k, dtype=bool)
    tied[np.unique(groups.codes[np.concatenate([arrays.source, arrays.target])])] = True
    active = (groups.sizes >= th.min_group_size) & (respondents > 0) & tied
    if groups.labels and groups.labels[-1] == UNKNOWN_GROUP:
        active[-1] = False
    return active


def _tie_weights(arrays: TieArrays, weighted: bool) -> np.ndarray:
    return arrays.weight if weighted else np.ones(arrays.m)


#: Declared pairs of groups: {frozenset((a, b)): (a, b, collaboration)}, as :func:`declared_pairs` gives them.
DeclaredPairs = dict[frozenset[str], tuple[str, str, str]]


def declared_pairs(expected: ExpectedLike | None) -> DeclaredPairs | None:
    """Declared pairs as {frozenset: (group_a, group_b, collaboration)}, in the declared order; None if none.

    `expected` is anything :func:`ona.io.expected.expected_frame` reads: a
    table of pairs, a declaration table, or pairs such as ``[("HR", "IT")]``.

    >>> list(declared_pairs([("HR", "IT")]).values())
    [('HR', 'IT', '')]
    >>> declared_pairs(None) is None
    True
    """
    if expected is None:
        return None
    frame = expected_frame(expected)
    if not len(frame):
        return None
    collaborations = expected_pairs(frame)
    return {
        frozenset((str(a), str(b))): (str(a), str(b), collaborations[frozenset((str(a), str(b)))])
        for a, b in zip(frame["group_a"], frame["group_b"])
    }


# -- mixing: observed and expected cross-group ties -----------------------------------------------


@old_grouping_names
def cross_group_ties(G: nx.Graph, grouping: str = "department", *, weight: str | None = None) -> pd.DataFrame:
    r"""Observed and expected ties between every pair of groups under random mixing.

    With :math:`t_{gh}` the ties from group g to group h,
    :math:`o_g = \sum_h t_{gh}` (sent), :math:`i_g = \sum_h t_{hg}` (received)
    and :math:`T` all ties, random mixing that keeps every group's tie totals
    expects [5]_

    .. math:: E_{AB} = \frac{o_A\, i_B}{T} + \frac{o_B\, i_A}{T}

    ties between A and B (both directions). Only observed ties count, so a
    group's low response lowers both its observed and its expected ties.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
    weight : str or None, optional (default=None)
        Edge attribute to sum (e.g. the number of relations a tie occurs in);
        None counts ties.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair of groups: ``group_a, group_b, ties_ab,
        ties_ba, ties, expected_ab, expected_ba, expected, ratio``
        (``ties / expected``).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("a", "c")])
    >>> nx.set_node_attributes(G, {"a": "HR", "b": "HR", "c": "IT", "d": "IT"}, "department")
    >>> table = cross_group_ties(G)
    >>> table[["group_a", "group_b"]].values.tolist()
    [['HR', 'IT']]
    >>> table[["ties_ab", "ties_ba", "expected_ab", "expected_ba"]].values.tolist()
    [[1.0, 0.0, 1.8, 0.8]]
    >>> round(float(table.at[0, "ratio"]), 4)
    0.3846
    """
    arrays, groups = _setup(G, grouping, weight)
    matrix = group_matrix_arrays(arrays, groups, weighted=weight is not None)
    return _mixing(matrix, groups.labels).drop(columns=["code_a", "code_b"])


def _mixing(matrix: np.ndarray, labels: Sequence[str], keep: np.ndarray | None = None) -> pd.DataFrame:
    """The table of :func:`cross_group_ties` from a group matrix, for the pairs of groups in `keep` (default all).

    Adds the columns ``code_a`` and ``code_b`` (the groups' positions in `labels`).
    """
    values = matrix.astype(float)
    total = values.sum()
    out, inc = values.sum(axis=1), values.sum(axis=0)
    a, b = np.triu_indices(len(labels), k=1)
    if keep is not None:
        wanted = keep[a] & keep[b]
        a, b = a[wanted], b[wanted]
    e_ab = out[a] * inc[b] / total if total else np.zeros(len(a))
    e_ba = out[b] * inc[a] / total if total else np.zeros(len(a))
    t_ab, t_ba = matrix[a, b], matrix[b, a]
    expected = e_ab + e_ba
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected != 0, (t_ab + t_ba) / np.where(expected != 0, expected, 1.0), np.nan)
    names = np.asarray(labels, dtype=object)
    table = pd.DataFrame({
        "code_a": a, "code_b": b, "group_a": names[a].tolist(), "group_b": names[b].tolist(),
        "ties_ab": t_ab, "ties_ba": t_ba,
        "ties": t_ab + t_ba,
        # Python's round (correctly rounded), as people check these figures by hand
        "expected_ab": [round(x, 4) for x in e_ab.tolist()], "expected_ba": [round(x, 4) for x in e_ba.tolist()],
        "expected": [round(x, 4) for x in expected.tolist()], "ratio": ratio,
    })
    return table.astype({c: float for c in ("expected_ab", "expected_ba", "expected", "ratio")})


def pair_volumes(arrays: TieArrays, groups: GroupCodes, th: Thresholds, *, weighted: bool, every: bool = True,
                 declared: DeclaredPairs | None = None) -> pd.DataFrame:
    r"""Observed and expected ties of the pairs of active groups, against the organisation's typical rate.

    The benchmark of :func:`find_gaps`: with :math:`E_{AB}` the ties random
    mixing gives (:func:`cross_group_ties`) and :math:`b` the typical rate
    (the median group's ratio of observed to random-mixing ties with the
    other groups, at most 1; see :class:`PairMixing`), a pair is expected
    to have :math:`\mu_{AB} = b\,E_{AB}` ties.

    Parameters
    ----------
    arrays : TieArrays
    groups : GroupCodes
    th : Thresholds
        ``min_group_size`` decides which groups are active (big enough, with a respondent and a tie).
    weighted : bool
        Count ties by ``arrays.weight`` (e.g. the number of relations a tie occurs in).
    every : bool, optional (default=True)
        A row for every pair of active groups (a table that grows with the square of the groups).
        False gives only the pairs whose status can be other than ``thin`` or ``unknown``
        (:func:`ona.findings.pairs.pair_status`): pairs with ties, the `declared` pairs, and pairs
        expecting enough ties that having none is a gap (:meth:`PairMixing.telling_codes`); memory
        then grows with the ties, not with the pairs.
    declared : dict, optional
        Declared pairs (:func:`declared_pairs`), kept as rows when `every` is False.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair of active groups (in the order of their codes): ``group_a, group_b,
        ties_ab, ties_ba, ties, expected_random, typical_rate, expected`` (:math:`\mu`) and ``ratio``
        (:math:`t/\mu`, NaN when nothing is expected).
    """
    if arrays.m == 0:
        return pd.DataFrame(columns=list(_VOLUME_COLUMNS))
    mixing = PairMixing(arrays, groups, th, weighted=weighted)
    codes = mixing.all_codes() if every else mixing.telling_codes(declared, zero_tie_gaps=True)
    return _volumes(mixing.table(codes), mixing.typical_rate)


def matrix_volumes(matrix: pd.DataFrame) -> pd.DataFrame:
    """:func:`pair_volumes` from a group x group table of tie counts (rows send, columns receive).

    For the figures a manager's workspace holds: its group matrices. Every group of the table counts
    (the table holds the groups that may be shown).

    >>> m = pd.DataFrame([[12, 1], [0, 12]], index=["A", "B"], columns=["A", "B"])
    >>> matrix_volumes(m)[["group_a", "group_b", "ties", "expected"]].values.tolist()
    [['A', 'B', 1.0, 12.52]]
    """
    labels = [str(g) for g in matrix.index]
    values = matrix.reindex(index=matrix.index, columns=matrix.index).fillna(0).to_numpy(dtype=float)
    if not len(labels) or values.sum() == 0:
        return pd.DataFrame(columns=list(_VOLUME_COLUMNS))
    return _volumes(_mixing(values, labels))


_VOLUME_COLUMNS = ("group_a", "group_b", "ties_ab", "ties_ba", "ties", "expected_random", "typical_rate", "expected",
                   "ratio")


def _volumes(table: pd.DataFrame, b: float | None = None) -> pd.DataFrame:
    """The volume table from a mixing table; `b` is the typical rate (default: :func:`_typical_rate` of `table`)."""
    columns = list(_VOLUME_COLUMNS)
    if table.empty:
        return pd.DataFrame(columns=columns)
    if b is None:
        b = _typical_rate(table)
    mu = b * table["expected"]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(mu > 0, table["ties"] / mu.where(mu > 0, 1.0), np.nan)
    return pd.DataFrame({
        "group_a": table["group_a"], "group_b": table["group_b"], "ties_ab": table["ties_ab"],
        "ties_ba": table["ties_ba"], "ties": table["ties"], "expected_random": table["expected"],
        "typical_rate": b, "expected": mu.round(2), "ratio": ratio,
    })[columns].reset_index(drop=True)


def _typical_rate(table: pd.DataFrame) -> float:
    """The organisation's typical cross-group rate: the median group's ratio of observed to random-mixing
    ties with the other groups, at most 1.

    Each group counts once: its ties with all other groups over what random
    mixing gives it. A median over *pairs* would let one withdrawn group (a
    silo takes part in every pair it belongs to) and the gaps under test drag
    the benchmark down: with 5 groups, a silo's 4 pairs and 2 side-by-side
    pairs are 6 of the 10, and a pair far short of ties would look "as
    expected". With fewer than three pairs there is no "typical" to speak of,
    and random mixing (1) is the benchmark.

    >>> t = pd.DataFrame({"group_a": ["A", "A", "B"], "group_b": ["B", "C", "C"], "ties": [1.0, 9.0, 10.0],
    ...                   "expected": [10.0, 10.0, 10.0], "ratio": [0.1, 0.9, 1.0]})
    >>> _typical_rate(t)  # A 10/20, B 11/20, C 19/20: the median group is B
    0.55
    """
    usable = table.loc[table["ratio"].notna() & (table["expected"] > 0)]
    if len(usable) < 3:
        return 1.0
    ends = pd.concat([usable[["group_a", "ties", "expected"]].rename(columns={"group_a": "group"}),
                      usable[["group_b", "ties", "expected"]].rename(columns={"group_b": "group"})])
    totals = ends.groupby("group", sort=False)[["ties", "expected"]].sum()
    return float(min(1.0, (totals["ties"] / totals["expected"]).median()))


# -- the pairs that can matter, without a row per pair --------------------------------------------

#: A p-value at or above which a detection is chance: :func:`evidence_weight` is 0 there, so no gap
#: (declared or not) and no gap status (:func:`ona.findings.pairs.pair_status`) rests on it.
CHANCE_P = 0.1
#: The fewest ties a pair must expect before having none of them can be a gap. With :math:`t = 0` the
#: Poisson tail of :func:`find_gaps` is :math:`P(X \le 0) = e^{-\mu}`, below :data:`CHANCE_P` only for
#: :math:`\mu > \ln(1/0.1) \approx 2.3026`; and :math:`\mu = b\,E \le E` (the typical rate is at most 1),
#: so a pair with no ties and :math:`E \le \ln 10` is never a gap, declared or not. The margin of 0.01
#: covers the rounding of expected ties (4 decimals, and 2 for ``expected`` in :func:`pair_volumes`).
MIN_GAP_EXPECTED = math.log(1 / CHANCE_P) - 0.01
#: Above this many (profile x profile) cells, :attr:`PairMixing.typical_rate` sums each group's expected
#: ties in closed form instead of pair by pair (see there).
_PROFILE_CELLS = 40_000_000
#: Cells per block of that sum (bounds its memory: a few arrays of this many floats).
_BLOCK_CELLS = 1 << 19


class PairMixing:
    r"""Observed and random-mixing ties between the pairs of active groups, without a row per pair.

    The table of :func:`cross_group_ties` for any set of pairs, plus the two
    summaries over *all* pairs of active groups that :func:`find_gaps` needs,
    computed without enumerating the pairs:

    - :attr:`typical_rate` :math:`b`: per active group G its ties with the
      other groups over what random mixing gives it, of these the median
      group's, at most 1 (see :func:`_typical_rate`, whose all-pairs table
      it reproduces). A group's random-mixing ties with every other group,
      :math:`E_{GH} = (o_G i_H + o_H i_G)/T`, depend on H only through its
      totals :math:`(o_H, i_H)`, so they are summed over the distinct
      totals, rounded per pair to 4 decimals as the table rounds them. With
      more than about 6,000 distinct totals the sum is taken in closed form,
      :math:`\sum_{H \ne G} E_{GH} = (o_G (I - i_G) + i_G (O - o_G))/T`
      (:math:`O, I` summed over the active groups), which differs from the
      rounded sum by at most :math:`5 \cdot 10^{-5}` per pair.
    - :attr:`median_ratio`: the median over all pairs of active groups of
      observed over random-mixing ties; every pair without ties has ratio 0,
      so only the pairs with ties are looked at, and the others are counted.

    :meth:`telling_codes` gives the pairs that can matter: those with ties
    (either direction), the declared ones, and those expecting at least
    :data:`MIN_GAP_EXPECTED` ties under random mixing. These last are found
    without visiting the other pairs: :math:`E_{AB} \le s_A s_B / T` with
    :math:`s = o + i`, so with the groups sorted by :math:`s` each group's
    candidates are a prefix of the others, and only the pairs with
    :math:`s_A s_B \ge` :data:`MIN_GAP_EXPECTED` :math:`\cdot\, T` are made,
    at most :math:`2T /` :data:`MIN_GAP_EXPECTED` of them (:math:`\sum s = 2T`).
    Memory grows with the ties, not with the square of the groups.

    A pair is coded ``code_a * k + code_b`` (``code_a < code_b``, positions in
    ``groups.labels``); tables list pairs in the order of their codes.

    Parameters
    ----------
    arrays : TieArrays
    groups : GroupCodes
    th : Thresholds
        ``min_group_size`` decides which groups are active.
    weighted : bool
        Count ties by ``arrays.weight``.

    Examples
    --------
    Three groups of three, A and B tied, C only inside:

    >>> from ona.measures.engines import GroupCodes, TieArrays
    >>> arrays = TieArrays(tuple(range(9)), np.array([0, 1, 3, 4, 0, 6, 7]), np.array([1, 0, 4, 3, 3, 7, 8]),
    ...                    np.ones(7), np.ones(9, dtype=bool))
    >>> groups = GroupCodes.from_values(list("AAABBBCCC"), "department")
    >>> mixing = PairMixing(arrays, groups, Thresholds(), weighted=False)
    >>> mixing.telling_codes(None).tolist(), mixing.table(mixing.all_codes())["ties"].tolist()
    ([1], [1, 0, 0])
    >>> round(mixing.typical_rate, 4), mixing.median_ratio  # A and B have 1 tie each where 1.86 + 1.43 are expected
    (0.3043, 0.0)
    """

    def __init__(self, arrays: TieArrays, groups: GroupCodes, th: Thresholds, *, weighted: bool) -> None:
        k = groups.k
        codes = np.asarray(groups.codes, dtype=np.int64)
        gu, gv = codes[arrays.source], codes[arrays.target]
        w = _tie_weights(arrays, weighted).astype(float)
        self.k, self.labels, self.weighted = k, groups.labels, weighted
        self.active = _active_groups(arrays, groups, th)
        self.out = np.bincount(gu, weights=w, minlength=k)
        self.inc = np.bincount(gv, weights=w, minlength=k)
        self.total = float(self.out.sum())
        cross = (gu != gv) & self.active[gu] & self.active[gv]
        forward, wc = (gu < gv)[cross], w[cross]
        keys = np.minimum(gu, gv)[cross] * k + np.maximum(gu, gv)[cross]
        self.tie_codes, where = np.unique(keys, return_inverse=True)
        n = len(self.tie_codes)
        self.ties_ab = np.bincount(where, weights=np.where(forward, wc, 0.0), minlength=n)
        self.ties_ba = np.bincount(where, weights=np.where(forward, 0.0, wc), minlength=n)

    # -- pairs ---------------------------------------------------------------------------------------

    def all_codes(self) -> np.ndarray:
        """Every pair of active groups (as many as the groups squared: the brute force)."""
        act = np.flatnonzero(self.active).astype(np.int64)
        a, b = np.triu_indices(len(act), k=1)
        return act[a] * self.k + act[b]

    def telling_codes(self, declared: DeclaredPairs | None = None, *, zero_tie_gaps: bool = True) -> np.ndarray:
        """The pairs of active groups that can matter, sorted: with ties, `declared`, and (with
        `zero_tie_gaps`) those expecting at least :data:`MIN_GAP_EXPECTED` ties under random mixing."""
        parts = [self.tie_codes]
        if declared:
            code_of = {label: c for c, label in enumerate(self.labels)}
            pairs = [(code_of.get(a, -1), code_of.get(b, -1)) for a, b, _ in declared.values()]
            pairs = np.array([(min(a, b), max(a, b)) for a, b in pairs if a >= 0 and b >= 0 and a != b],
                             dtype=np.int64).reshape(-1, 2)
            pairs = pairs[self.active[pairs[:, 0]] & self.active[pairs[:, 1]]]
            parts.append(pairs[:, 0] * self.k + pairs[:, 1])
        if zero_tie_gaps and self.total:
            candidates = self._pairs_above(MIN_GAP_EXPECTED * self.total)
            a, b = divmod(candidates, self.k)
            e_ab, e_ba = self._expected(a, b)
            parts.append(candidates[e_ab + e_ba >= MIN_GAP_EXPECTED])
        return np.unique(np.concatenate(parts))

    def _pairs_above(self, bound: float) -> np.ndarray:
        """Codes of the pairs of active groups with :math:`s_A s_B \\ge` `bound` (:math:`s = o + i`), made
        without visiting the others: a superset of the pairs with :math:`E_{AB} T \\ge` `bound`."""
        act = np.flatnonzero(self.active).astype(np.int64)
        s = (self.out + self.inc)[act]
        order = np.argsort(-s, kind="stable")
        act, s = act[order], s[order]
        with np.errstate(divide="ignore"):
            need = np.where(s > 0, bound * (1 - 1e-9) / np.where(s > 0, s, 1.0), np.inf)
        reach = np.searchsorted(-s, -need, side="right")  # how many groups have s >= need
        count = np.maximum(reach - np.arange(len(s)) - 1, 0)  # partners after this one in the order
        first = np.repeat(np.arange(len(s)), count)
        second = first + 1 + (np.arange(len(first)) - np.repeat(np.cumsum(count) - count, count))
        a, b = act[first], act[second]
        return np.minimum(a, b) * self.k + np.maximum(a, b)

    def _expected(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if not self.total:
            return np.zeros(len(a)), np.zeros(len(a))
        return self.out[a] * self.inc[b] / self.total, self.out[b] * self.inc[a] / self.total

    def _ties(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Ties from the first group of each pair to the second and back (0 for a pair without ties)."""
        t_ab, t_ba = np.zeros(len(codes)), np.zeros(len(codes))
        if len(self.tie_codes) and len(codes):
            at = np.minimum(np.searchsorted(self.tie_codes, codes), len(self.tie_codes) - 1)
            found = self.tie_codes[at] == codes
            t_ab[found], t_ba[found] = self.ties_ab[at[found]], self.ties_ba[at[found]]
        if not self.weighted:  # counts, as the group matrix holds them
            return t_ab.astype(np.int64), t_ba.astype(np.int64)
        return t_ab, t_ba

    def table(self, codes: np.ndarray) -> pd.DataFrame:
        """The table of :func:`cross_group_ties` for the pairs `codes`, with ``code_a`` and ``code_b``."""
        codes = np.asarray(codes, dtype=np.int64)
        a, b = codes // self.k, codes % self.k
        e_ab, e_ba = self._expected(a, b)
        t_ab, t_ba = self._ties(codes)
        expected = e_ab + e_ba
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(expected != 0, (t_ab + t_ba) / np.where(expected != 0, expected, 1.0), np.nan)
        names = np.asarray(self.labels, dtype=object)
        return pd.DataFrame({
            "code_a": a, "code_b": b, "group_a": names[a].tolist(), "group_b": names[b].tolist(),
            "ties_ab": t_ab, "ties_ba": t_ba, "ties": t_ab + t_ba,
            "expected_ab": round4(e_ab), "expected_ba": round4(e_ba), "expected": round4(expected),
            "ratio": ratio.astype(float),
        })

    # -- summaries over all pairs --------------------------------------------------------------------

    @cached_property
    def median_ratio(self) -> float:
        """The median over all pairs of active groups of ties over random-mixing ties (NaN without any)."""
        act = self.active
        o_pos, i_pos = self.out > 0, self.inc > 0
        n = int(act.sum())
        # E_AB = 0 exactly when o_A i_B = 0 and o_B i_A = 0: a group with no ties counted, or two groups
        # that only send, or two that only receive
        none = int((act & ~o_pos & ~i_pos).sum())
        only_out = int((act & o_pos & ~i_pos).sum())
        only_in = int((act & ~o_pos & i_pos).sum())
        valid = n * (n - 1) // 2 - (none * (none - 1) // 2 + none * (n - none)
                                    + only_out * (only_out - 1) // 2 + only_in * (only_in - 1) // 2)
        if valid <= 0:
            return math.nan
        a, b = divmod(self.tie_codes, self.k)
        e_ab, e_ba = self._expected(a, b)
        expected = e_ab + e_ba
        with np.errstate(divide="ignore", invalid="ignore"):
            ratios = np.sort(((self.ties_ab + self.ties_ba) / expected)[expected != 0])
        zeros = valid - len(ratios)  # pairs without ties

        def at(i: int) -> float:
            return 0.0 if i < zeros else float(ratios[i - zeros])

        low, high = at((valid - 1) // 2), at(valid // 2)
        return low if valid % 2 else float(np.mean([low, high]))

    @cached_property
    def typical_rate(self) -> float:
        """The typical rate :math:`b` of :func:`_typical_rate`, over all pairs of active groups."""
        act = np.flatnonzero(self.active)
        if len(act) < 2 or not self.total:
            return 1.0
        units, usable = self._expected_units(self.out[act], self.inc[act])
        position = np.full(self.k, -1)
        position[act] = np.arange(len(act))
        # observed ties of the usable pairs (expected ties > 0 after rounding), at both ends
        a, b = divmod(self.tie_codes, self.k)
        e_ab, e_ba = self._expected(a, b)
        keep = round4(e_ab + e_ba) > 0
        ties = (self.ties_ab + self.ties_ba)[keep]
        ends = np.concatenate([position[a[keep]], position[b[keep]]])
        observed = np.bincount(ends, weights=np.concatenate([ties, ties]), minlength=len(act))
        if usable.sum() / 2 < 3:
            return 1.0
        counted = usable > 0
        rates = pd.Series(observed[counted] / (units[counted] / 1e4))
        return float(min(1.0, rates.median()))

    def _expected_units(self, o: np.ndarray, i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per active group: its random-mixing ties with all other active groups, each pair's rounded to 4
        decimals, in units of 0.0001; and how many of those pairs expect more than 0 after rounding."""
        totals, where, count = np.unique(np.column_stack([o, i]), axis=0, return_inverse=True, return_counts=True)
        where = where.ravel()
        d = len(totals)
        if d * d > _PROFILE_CELLS:  # closed form, without the per-pair rounding
            others = (o * (i.sum() - i) + i * (o.sum() - o)) / self.total
            usable = self._nonzero_partners(o, i)
            return others * 1e4, usable.astype(float)
        po, pi = totals[:, 0], totals[:, 1]
        weights = count.astype(float)
        units, usable, own = np.empty(d), np.empty(d), np.empty(d)
        step = max(1, _BLOCK_CELLS // d)
        for start in range(0, d, step):
            stop = min(d, start + step)
            e = np.multiply.outer(po[start:stop], pi) / self.total + np.multiply.outer(pi[start:stop], po) / self.total
            n = units4(e)
            units[start:stop] = n @ weights
            usable[start:stop] = (n > 0) @ weights
            own[start:stop] = n[np.arange(stop - start), np.arange(start, stop)]
        # each group's own totals were counted as a partner once too many (itself)
        return units[where] - own[where], usable[where] - (own[where] > 0)

    @staticmethod
    def _nonzero_partners(o: np.ndarray, i: np.ndarray) -> np.ndarray:
        """Per group, how many of the others it expects a tie with (E > 0): see :attr:`median_ratio`."""
        o_pos, i_pos = o > 0, i > 0
        n = len(o)
        none = int((~o_pos & ~i_pos).sum())
        only_out = int((o_pos & ~i_pos).sum())
        only_in = int((~o_pos & i_pos).sum())
        partners = np.full(n, n - 1 - none)
        partners[o_pos & ~i_pos] -= only_out - 1
        partners[~o_pos & i_pos] -= only_in - 1
        partners[~o_pos & ~i_pos] = 0
        return partners


def units4(x: np.ndarray) -> np.ndarray:
    """``round(v, 4) * 10_000`` for every value: Python's correctly rounded :func:`round`, vectorised.

    ``numpy.round`` scales first, which can land a value just off a half on it; those few are rounded by
    Python. Returns floats holding whole numbers.

    >>> units4(np.array([0.00005, 0.03125, 1.23456, 2.0])).tolist()
    [1.0, 312.0, 12346.0, 20000.0]
    """
    x = np.asarray(x, dtype=float)
    y = x * 1e4
    n = np.rint(y)
    near = np.abs(y - np.floor(y) - 0.5) <= 8 * np.spacing(np.abs(y))
    if near.any():
        n[near] = np.rint(np.array([round(v, 4) for v in x[near].tolist()]) * 1e4)
    return n


def round4(x: np.ndarray) -> np.ndarray:
    """``[round(v, 4) for v in x]`` as an array, without a Python call per value (see :func:`units4`).

    >>> round4(np.array([0.00005, 2 / 3])).tolist() == [round(0.00005, 4), round(2 / 3, 4)]
    True
    """
    return units4(x) / 1e4


# -- silo -----------------------------------------------------------------------------------------


@old_grouping_names
def find_silos(
    G: nx.Graph,
    grouping: str = "department",
    *,
    thresholds: Thresholds | None = None,
    seed: int | None = None,
) -> list[Detection]:
    r"""Find groups that keep their ties inside: silos.

    A group g is a silo when all three hold:

    1. its Krackhardt-Stern E-I index [1]_
       :math:`EI_g = (E_g - I_g)/(E_g + I_g)` is at most ``silo_max_ei``
       (-0.5: three quarters of its ties inside);
    2. the permutation test (:func:`ona.measures.groups.ei_permutation_test`) finds
       so closed a group rare under random relabelling (:math:`p < \alpha`),
       so it is not just a large group;
    3. the Louvain communities (:func:`ona.measures.community.louvain_communities`)
       draw a line around it: the communities whose majority is in g together
       overlap g with Jaccard index :math:`|g \cap U| / |g \cup U|` at least
       ``silo_min_overlap``. (A silo that Louvain splits into its teams still
       counts; a group merged with another one does not.)

    Severity is the smaller of two effects. The *absolute* effect rises
    linearly with the E-I index, from 0 at ``silo_ei_zero`` (-0.4) to 1 at
    ``silo_ei_full`` (-0.9). The *relative* effect compares the group's share
    of ties that cross its boundary, :math:`x_g = E_g/(E_g + I_g)`, with the
    median :math:`\tilde x` over the active groups (needs three groups):
    :math:`(1 - x_g/\tilde x)/(1 - q)` with :math:`q` = ``silo_relative_full``
    (0.25), clipped to [0, 1]. When every department is closed, that is how
    the organisation works, and no single department is singled out.

    Parameters
    ----------
    G : NetworkX graph
        Directed; ``weight`` is used by Louvain only.
    grouping : str, optional (default="department")
    thresholds : Thresholds, optional
    seed : int or None, optional
        Seed of the permutations and of Louvain.

    Returns
    -------
    list of Detection
        Kind ``"silo"``; evidence ``ei_index, expected_ei, p_value,
        n_permutations, internal_ties, external_ties, internal_share,
        typical_external_share, size, community_overlap, groups_reached``.

    Examples
    --------
    Group A is a closed clique of six; B and C are cliques with 36 ties between them:

    >>> G = nx.DiGraph()
    >>> for g in "ABC":
    ...     members = [f"{g}{i}" for i in range(6)]
    ...     G.add_nodes_from(members, department=g)
    ...     G.add_edges_from((u, v) for u in members for v in members if u != v)
    >>> G.add_edges_from((f"B{i}", f"C{j}") for i in range(6) for j in range(6))
    >>> G.add_edge("A0", "B0")
    >>> found = find_silos(G, thresholds=Thresholds(silo_permutations=200), seed=1)
    >>> [(d.groups, d.evidence["ei_index"]) for d in found]
    [(('A',), -0.9355)]
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, "weight")
    return detect_silos(arrays, groups, th, seed)


def detect_silos(arrays: TieArrays, groups: GroupCodes, th: Thresholds, seed: int | None) -> list[Detection]:
    """:func:`find_silos` on arrays: ties are counted, ``arrays.weight`` is used by Louvain only."""
    if arrays.m == 0:
        return []
    active = _active_groups(arrays, groups, th)
    # per group: ties inside, sent and received (the group matrix's diagonal and sums, without the matrix)
    gu, gv = groups.codes[arrays.source], groups.codes[arrays.target]
    internal = np.bincount(gu[gu == gv], minlength=groups.k).astype(float)
    external = (np.bincount(gv, minlength=groups.k) + np.bincount(gu, minlength=groups.k) - 2 * internal)
    with np.errstate(divide="ignore", invalid="ignore"):
        outside_share = np.where(internal + external > 0, external / (internal + external), np.nan)
    typical = float(np.nanmedian(outside_share[active])) if active.sum() >= 3 else math.nan
    ei = (external - internal) / np.maximum(internal + external, 1)
    absolute = np.clip((th.silo_ei_zero - ei) / (th.silo_ei_zero - th.silo_ei_full), 0.0, 1.0)
    relative = np.ones(groups.k)
    if math.isfinite(typical) and typical > 0:
        with np.errstate(invalid="ignore"):
            relative = np.clip((1 - outside_share / typical) / (1 - th.silo_relative_full), 0.0, 1.0)
    severity = np.minimum(absolute, relative)
    # The permutation test and Louvain (the costly steps) run only if some group could be a silo.
    candidates = [c for c in range(groups.k)
                  if active[c] and internal[c] + external[c] > 0 and ei[c] <= th.silo_max_ei and severity[c] > 0]
    if not candidates:
        return []
    test = ei_permutation_test_arrays(arrays, groups, n_permutations=th.silo_permutations, seed=seed).groups
    test = test.set_index("group")
    community = louvain_arrays(arrays, weighted=True, seed=seed)
    cross = gu != gv
    tied = np.unique(np.minimum(gu, gv)[cross].astype(np.int64) * groups.k + np.maximum(gu, gv)[cross])
    partners = np.bincount(np.concatenate([tied // groups.k, tied % groups.k]), minlength=groups.k)  # groups reached
    detections = []
    for code in candidates:
        label = groups.labels[code]
        p = float(test.at[label, "p_value"])
        if not p < th.alpha:
            continue
        members = groups.codes == code
        overlap = _community_overlap(members, community)
        if overlap < th.silo_min_overlap:
            continue
        reached = int(partners[code])
        detections.append(Detection(
            "silo", float(severity[code]), (label,), (),
            {
                "ei_index": _r(float(ei[code])), "expected_ei": _r(float(test.at[label, "expected_ei"])),
                "p_value": _r(p, 6), "n_permutations": int(th.silo_permutations),
                "internal_ties": int(internal[code]), "external_ties": int(external[code]),
                "internal_share": _r(1 - outside_share[code]), "typical_external_share": _r(typical),
                "size": int(members.sum()), "community_overlap": _r(overlap), "groups_reached": reached,
            },
        ))
    return detections


def _community_overlap(members: np.ndarray, community: np.ndarray) -> float:
    """Jaccard overlap of a group with the union of the communities whose majority is in the group."""
    union = np.zeros_like(members)
    for c in np.unique(community[members]):
        in_c = community == c
        if (in_c & members).sum() * 2 > in_c.sum():
            union |= in_c
    return float((members & union).sum() / (members | union).sum())


# -- gap ------------------------------------------------------------------------------------------


@old_grouping_names
def find_gaps(
    G: nx.Graph,
    grouping: str = "department",
    *,
    expected: ExpectedLike | None = None,
    thresholds: Thresholds | None = None,
    weight: str | None = None,
) -> list[Detection]:
    r"""Find pairs of groups that work side by side instead of together.

    The model is random mixing given each group's tie totals
    (:func:`cross_group_ties`, after Newman [5]_): :math:`E_{AB}` cross ties
    between A and B. Departments everywhere keep most ties inside, so the
    benchmark is the organisation's *typical* cross-group rate :math:`b`: per
    active group G its ties with the other groups over what random mixing
    gives it, :math:`\sum_X t_{GX} / \sum_X E_{GX}`, and of these the median
    group's (at most 1; 1 with fewer than three pairs). Each group counts
    once, so a silo, which takes part in every pair it belongs to, does not
    drag the benchmark down with it. A pair then "should" have
    :math:`\mu_{AB} = b\,E_{AB}` ties, and with :math:`t_{AB}` observed

    .. math:: \rho_{AB} = t_{AB} / \mu_{AB}, \qquad p = P(X \le t_{AB}),\ X \sim \mathrm{Poisson}(\mu_{AB}).

    **Declared pairs** (in `expected`) are gaps when :math:`\rho <`
    ``gap_max_ratio``, with severity :math:`(1 - \rho)\,w(p)`. A declared pair
    whose ties all run one way is flagged too, with severity
    ``one_way_factor`` :math:`\times\, w(e^{-\mu_{BA}})` for the missing
    direction (the chance of seeing no tie at all that way).

    **Without declared pairs** (`expected` None or empty), the weakest pairs
    are reported with lower confidence: pairs whose ratio to random mixing
    :math:`r = t_{AB}/E_{AB}` is at or below the median ratio and significantly
    below 1, with severity ``undeclared_factor`` :math:`\times (1 - r)\,w(p)`
    (:math:`p` now against :math:`E_{AB}`): at most 0.5, never "high". Of
    these, only the ``max_undeclared`` (10) most severe are returned; ties in
    severity go to the pair with the lower ratio, then more expected ties.

    **The rule: a gap whatever carries its ties.** A pair whose volume is a
    gap (declared: :math:`\rho <` ``gap_max_ratio`` and not chance,
    :math:`w(p) > 0`; undeclared: the weak pair above) is a gap even when its
    few ties all run through one or two people: those *carriers* (found as in
    :func:`find_fragile_bridges`) go into the evidence, and the pair is not
    also a fragile bridge. A declared pair flagged only because its ties run
    one way is not short of ties; if one or two people carry them, it is told
    as a fragile bridge instead (with ``one_way`` in its evidence).

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
    expected : DataFrame or iterable of pairs, optional
        Declared collaborations (see :mod:`ona.io.expected`).
    thresholds : Thresholds, optional
    weight : str or None, optional (default=None)
        Edge attribute to count ties by (e.g. the number of relations of a
        combined graph); None counts each tie once.

    Returns
    -------
    list of Detection
        Kind ``"gap"``, about groups only (no people: a gap is a pattern
        between groups, and naming the few who do connect would keep the
        finding from managers who may not see them); evidence ``declared,
        pattern`` (``"few_ties"``, ``"one_way"`` when only the direction is
        the problem, ``"weak_pair"`` without declarations), ``collaboration,
        ties, ties_ab, ties_ba, expected_random, typical_rate,
        expected, ratio, ratio_random, p_value, one_way`` (``None`` or
        ``[from, to]``). ``ties_ab`` counts ties from the first group of
        ``groups`` to the second, ``ties_ba`` the other way. When one or two
        people carry the pair's few ties: ``carriers`` (their ids) and
        ``carried_share`` (the share of the cross ties they take part in).

    Examples
    --------
    Two teams of four who are supposed to work together, with one tie between them:

    >>> G = nx.complete_graph(8, nx.DiGraph)
    >>> G.remove_edges_from([(u, v) for u in range(8) for v in range(8) if (u < 4) != (v < 4)])
    >>> G.add_edge(0, 4)
    >>> nx.set_node_attributes(G, {i: "A" if i < 4 else "B" for i in range(8)}, "department")
    >>> [(d.groups, d.evidence["ties"], d.evidence["expected"]) for d in find_gaps(G, expected=[("A", "B")])]
    [(('A', 'B'), 1, 12.52)]
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, weight)
    gaps, _ = detect_pairs(arrays, groups, declared_pairs(expected), th, weighted=weight is not None)
    return cap_undeclared(gaps, th.max_undeclared)


def _gaps(arrays: TieArrays, groups: GroupCodes, declared: DeclaredPairs | None, th: Thresholds, *,
          table: pd.DataFrame, b: float, median_ratio: float) -> list[Detection]:
    """The gap detections of :func:`detect_pairs` (before carriers are added), from the mixing `table`.

    `table` holds at least every pair that can be a gap; `b` and `median_ratio` are
    :attr:`PairMixing.typical_rate` and :attr:`PairMixing.median_ratio` (over all pairs).
    """
    if table.empty:
        return []
    if declared is not None:
        pairs = [frozenset(key) for key in zip(table["group_a"], table["group_b"])]
        table = table.loc[[key in declared for key in pairs]]
        p_values = None
    else:
        # Only pairs at or below the median ratio and below random mixing qualify, and only with p < 0.1
        # (evidence weight 0 above it); the Poisson tail is computed for all of them at once.
        table = table.loc[(table["expected"] > 0) & (table["ratio"] <= median_ratio) & (table["ratio"] < 1)]
        p_values = special.pdtr(table["ties"].to_numpy(dtype=float), table["expected"].to_numpy(dtype=float))
        table, p_values = table.loc[p_values < CHANCE_P], p_values[p_values < CHANCE_P]
    detections = []
    for i, row in enumerate(table.itertuples(index=False)):
        key = frozenset((row.group_a, row.group_b))
        if declared is not None:
            detection = _declared_gap(row, b, declared[key][2], th)
        else:
            detection = _undeclared_gap(row, median_ratio, th, float(p_values[i]))
        if detection is None:
            continue
        pair = declared[key][:2] if declared is not None else (row.group_a, row.group_b)
        evidence = detection[1]
        if pair[0] != row.group_a:  # directions follow the order of `groups`
            evidence["ties_ab"], evidence["ties_ba"] = evidence["ties_ba"], evidence["ties_ab"]
        detections.append(Detection("gap", detection[0], pair, (), evidence))
    return detections


def _declared_gap(row: Any, b: float, collaboration: str, th: Thresholds) -> tuple[float, dict] | None:
    mu = b * row.expected
    if mu <= 0:
        return None
    rho = row.ties / mu
    p = float(special.pdtr(row.ties, mu))  # Poisson CDF
    severity = (1 - rho) * evidence_weight(p) if rho < th.gap_max_ratio else 0.0
    pattern = "few_ties"
    one_way = None
    if row.ties > 0 and min(row.ties_ab, row.ties_ba) == 0:
        missing_mu = b * (row.expected_ba if row.ties_ba == 0 else row.expected_ab)
        one_way_severity = th.one_way_factor * evidence_weight(math.exp(-missing_mu))
        if one_way_severity > 0:
            one_way = [row.group_a, row.group_b] if row.ties_ba == 0 else [row.group_b, row.group_a]
            if one_way_severity > severity:
                severity, pattern = one_way_severity, ("one_way" if severity == 0 else pattern)
    if severity <= 0:
        return None
    return round(severity, 3), {
        "declared": True, "pattern": pattern, "collaboration": collaboration, "ties": _num(row.ties),
        "ties_ab": _num(row.ties_ab),
        "ties_ba": _num(row.ties_ba), "expected_random": _r(row.expected, 2), "typical_rate": _r(b, 3),
        "expected": _r(mu, 2), "ratio": _r(rho, 3), "ratio_random": _r(row.ratio, 3), "p_value": _r(p, 6),
        "one_way": one_way,
    }


def _undeclared_gap(row: Any, median_ratio: float, th: Thresholds, p: float) -> tuple[float, dict] | None:
    """`p` is the Poisson probability of at most ``row.ties`` ties with mean ``row.expected``."""
    if not (row.expected > 0 and row.ratio <= median_ratio and row.ratio < 1):
        return None
    severity = th.undeclared_factor * (1 - row.ratio) * evidence_weight(p)
    if severity <= 0:
        return None
    return round(severity, 3), {
        "declared": False, "pattern": "weak_pair", "collaboration": "", "ties": _num(row.ties),
        "ties_ab": _num(row.ties_ab),
        "ties_ba": _num(row.ties_ba), "expected_random": _r(row.expected, 2), "typical_rate": None,
        "expected": _r(row.expected, 2), "ratio": _r(row.ratio, 3), "ratio_random": _r(row.ratio, 3),
        "p_value": _r(p, 6), "one_way": None, "note": "no declared expectation",
    }


def _num(x: Any) -> int | float:
    x = float(x)
    return int(x) if x.is_integer() else round(x, 4)


# -- fragile bridge -------------------------------------------------------------------------------


@old_grouping_names
def find_fragile_bridges(
    G: nx.Graph,
    grouping: str = "department",
    *,
    expected: ExpectedLike | None = None,
    thresholds: Thresholds | None = None,
    weight: str | None = None,
) -> list[Detection]:
    r"""Find pairs of groups (and groups and the rest) connected through one or two people.

    Krackhardt and Hanson's "bow-tie" [2]_: the link between two groups runs
    through one person, and Burt's broker [3]_ who spans a structural hole.
    For a pair of groups with :math:`n \ge` ``bridge_min_ties`` cross ties
    (both directions), the smallest set :math:`S` of at most
    ``bridge_max_people`` people such that the ties with an end in :math:`S`
    make up a share :math:`c \ge` ``bridge_min_share`` of the cross ties is
    searched for (exactly). Without those people the groups lose that share
    of their direct connection; ties spread over many people give no bridge.
    :math:`S` must hold fewer than half of the members of each group it
    draws from (a bridge is a person, not the group itself).

    **The rule: a bridge only where the volume is no gap.** A pair whose
    cross ties are far below what is expected is a gap (:func:`find_gaps`),
    however few people carry them; it is never a fragile bridge. A fragile
    bridge is a pair whose volume is not a gap (e.g. about as many ties as
    expected) that runs through one or two people: the connection is there,
    but it hangs on them. (:func:`find_carriers` gives the people behind
    every pair, whatever its kind.)

    Severity is :math:`f \cdot c \cdot k`, with :math:`k` = 1 for one person
    and 0.85 for more, and :math:`f` = 1 for a declared pair,
    ``undeclared_factor`` (0.5) for another pair and ``rest_factor`` (0.75) for
    a group's connection to the whole rest of the organisation (checked for
    groups of at least :math:`2 \cdot` ``bridge_max_people`` + 1 people).
    Of the undeclared pairs only the ``max_undeclared`` (10) most severe are
    returned (ties in severity: more cross ties first).

    Speed: every person's coverage (the weight of the cross ties they take
    part in) for every pair comes from one sort of the tie ends; a pair goes
    to the exact search only if its ``bridge_max_people`` best-covering
    people could together reach the share, and the search looks among its
    60 best-covering people. 100,000 people with 1.5 million ties take about
    a second.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
    expected : DataFrame or iterable of pairs, optional
        Declared collaborations (see :mod:`ona.io.expected`).
    thresholds : Thresholds, optional
    weight : str or None, optional (default=None)
        Edge attribute to count ties by; None counts each tie once.

    Returns
    -------
    list of Detection
        Kind ``"fragile_bridge"``, ``groups`` the pair (or the one group, with
        evidence ``scope="rest"``), ``people`` the bridge. Evidence: ``scope,
        declared, collaboration, ties, covered, share, ties_per_person,
        partners``, and for pairs ``expected`` (random mixing times the
        typical rate, as in :func:`find_gaps`), ``ratio``.

    Examples
    --------
    Two teams of four whose cross ties all involve person 0. With three
    ties, where about 14 would be expected, the pair is a gap carried by 0;
    with 0 tied both ways to all of B, the volume is there, and it hangs on 0:

    >>> G = nx.complete_graph(8, nx.DiGraph)
    >>> G.remove_edges_from([(u, v) for u in range(8) for v in range(8) if (u < 4) != (v < 4)])
    >>> nx.set_node_attributes(G, {i: "A" if i < 4 else "B" for i in range(8)}, "department")
    >>> G.add_edges_from([(0, 4), (5, 0), (0, 6)])
    >>> find_fragile_bridges(G, expected=[("A", "B")]), find_gaps(G, expected=[("A", "B")])[0].evidence["carriers"]
    ([], ['0'])
    >>> G.add_edges_from([(0, v) for v in range(4, 8)] + [(v, 0) for v in range(4, 8)])
    >>> [(d.groups, d.people, d.severity, d.evidence["ties"]) for d in find_fragile_bridges(G, expected=[("A", "B")])]
    [(('A', 'B'), ('0',), 1.0, 8)]
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, weight)
    _, bridges = detect_pairs(arrays, groups, declared_pairs(expected), th, weighted=weight is not None)
    return cap_undeclared(bridges, th.max_undeclared)


def detect_pairs(arrays: TieArrays, groups: GroupCodes, declared: DeclaredPairs | None, th: Thresholds, *,
                 weighted: bool, every: bool = False) -> tuple[list[Detection], list[Detection]]:
    """Gaps and fragile bridges on arrays, each pair told as the right kind, without the cap on undeclared pairs.

    The rule (see :func:`find_gaps` and :func:`find_fragile_bridges`): a pair
    whose cross ties are far below what is expected is a gap, whatever carries
    its few ties; the one or two people who carry them (if any) go into the
    gap's evidence (``carriers``, ``carried_share``). A pair is a fragile
    bridge only when its volume is not a gap. A declared pair that is a gap
    only because all its ties run one way, and that is carried by one or two
    people, is told as the bridge, with ``one_way`` in its evidence. An
    undeclared pair as short of ties as a declared gap would be is no
    fragile bridge either.

    Parameters
    ----------
    arrays : TieArrays
    groups : GroupCodes
    declared : dict or None
        Declared pairs, as :func:`declared_pairs` returns them.
    th : Thresholds
    weighted : bool
        Count ties by ``arrays.weight`` (e.g. the number of relations).
    every : bool, optional (default=False)
        Look at every pair of active groups, a table as large as the groups squared: the brute force
        that the default is tested against. By default only the pairs that can be a gap or a fragile
        bridge get a row (:meth:`PairMixing.telling_codes`): the pairs with ties, and the declared
        pairs or (without declarations) the pairs expecting at least :data:`MIN_GAP_EXPECTED` ties.
        Both give the same detections; memory and time then grow with the ties.

    Returns
    -------
    (list of Detection, list of Detection)
        The gaps and the fragile bridges (pairs, then groups and the rest).
    """
    if arrays.m == 0:
        return [], []
    mixing = PairMixing(arrays, groups, th, weighted=weighted)
    active = mixing.active
    # only the pairs that can be a gap or a bridge get a row (see PairMixing); `every` makes all of them
    codes = mixing.all_codes() if every else mixing.telling_codes(declared, zero_tie_gaps=declared is None)
    table = mixing.table(codes)
    gaps = _gaps(arrays, groups, declared, th, table=table, b=mixing.typical_rate, median_ratio=mixing.median_ratio)
    code_of = {label: code for code, label in enumerate(groups.labels)}
    covers = _pair_covers(arrays, groups, th, weighted=weighted, active=active)
    bridges = _pair_bridges(arrays, groups, declared or {}, th, table, covers, mixing.typical_rate)
    by_pair = {frozenset(d.groups): d for d in bridges}
    told_as_gap: set[frozenset[str]] = set()
    kept_gaps = []
    for gap in gaps:
        pair = frozenset(gap.groups)
        if gap.evidence.get("pattern") == "one_way" and pair in by_pair:
            bridge = by_pair[pair]
            bridge.evidence["one_way"] = gap.evidence["one_way"]
            continue
        told_as_gap.add(pair)
        ca, cb = sorted(code_of[g] for g in gap.groups)
        cover = covers.get(ca * groups.k + cb)
        if cover is not None:
            (people, covered, total), _ = cover
            gap.evidence.update({"carriers": [str(arrays.nodes[p]) for p in people],
                                 "carried_share": _r(covered / total, 3)})
        kept_gaps.append(gap)
    bridges = [d for d in bridges if frozenset(d.groups) not in told_as_gap and not _short_of_ties(d, th)]
    return kept_gaps, bridges + _rest_bridges(arrays, groups, th, weighted=weighted, active=active)


def _short_of_ties(d: Detection, th: Thresholds) -> bool:
    """Whether a pair's volume is a gap (fewer than ``gap_max_ratio`` of the expected ties, and not by chance).

    The test of a declared gap, applied to any pair: an undeclared pair that
    is this short of ties is not told as a fragile bridge either (when
    collaborations are declared, undeclared pairs are not gaps, and a thin
    pair that is not meant to work together is no finding).
    """
    mu, ties = d.evidence.get("expected"), d.evidence.get("ties")
    if not mu or ties is None:
        return False
    return ties / mu < th.gap_max_ratio and float(special.pdtr(ties, mu)) < 0.1  # Poisson CDF


@old_grouping_names
def find_carriers(
    G: nx.Graph,
    grouping: str = "department",
    *,
    thresholds: Thresholds | None = None,
    weight: str | None = None,
) -> pd.DataFrame:
    """Who carries each pair's cross ties: the smallest set of at most ``bridge_max_people`` people in at least
    ``bridge_min_share`` of them, for every pair of groups that has one (whatever its kind).

    This is the search behind both kinds of pair finding: a gap's carriers
    and a fragile bridge's people (see :func:`find_fragile_bridges` for the
    search and its limits).

    Returns
    -------
    pandas.DataFrame
        One row per pair with carriers: ``group_a, group_b, people`` (a tuple
        of node ids), ``covered`` (the weight of the ties they take part in),
        ``ties`` (all cross ties of the pair), ``share``.

    Examples
    --------
    >>> G = nx.complete_graph(8, nx.DiGraph)
    >>> G.remove_edges_from([(u, v) for u in range(8) for v in range(8) if (u < 4) != (v < 4)])
    >>> G.add_edges_from([(0, 4), (5, 0), (0, 6)])
    >>> nx.set_node_attributes(G, {i: "A" if i < 4 else "B" for i in range(8)}, "department")
    >>> find_carriers(G)[["group_a", "group_b", "people", "covered", "ties"]].values.tolist()
    [['A', 'B', ('0',), 3.0, 3.0]]
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, weight)
    columns = ["group_a", "group_b", "people", "covered", "ties", "share"]
    if arrays.m == 0:
        return pd.DataFrame(columns=columns)
    covers = _pair_covers(arrays, groups, th, weighted=weight is not None, active=_active_groups(arrays, groups, th))
    rows = []
    for key, ((people, covered, total), _) in sorted(covers.items()):
        ca, cb = divmod(key, groups.k)
        rows.append((groups.labels[ca], groups.labels[cb], tuple(str(arrays.nodes[p]) for p in people),
                     float(covered), float(total), round(covered / total, 3)))
    return pd.DataFrame(rows, columns=columns)


def _pair_covers(arrays: TieArrays, groups: GroupCodes, th: Thresholds, *, weighted: bool,
                 active: np.ndarray) -> dict[int, tuple[_Cover, _Ties]]:
    """Pair key (``code_a * k + code_b``, code_a < code_b) -> (its carriers, its cross ties), for pairs with carriers."""
    gu, gv = groups.codes[arrays.source], groups.codes[arrays.target]
    cross = (gu != gv) & active[gu] & active[gv]
    if not cross.any():
        return {}
    u, v, gu, gv = arrays.source[cross], arrays.target[cross], gu[cross], gv[cross]
    w = _tie_weights(arrays, weighted)[cross]
    pair_of_tie = np.minimum(gu, gv) * groups.k + np.maximum(gu, gv)
    return {key: (found, ties) for key, found, ties in _smallest_covers(pair_of_tie, u, v, w, groups, th)}


def _pair_bridges(arrays: TieArrays, groups: GroupCodes, declared: DeclaredPairs, th: Thresholds,
                  table: pd.DataFrame, covers: Mapping[int, tuple[_Cover, _Ties]], b: float) -> list[Detection]:
    """A fragile-bridge detection for every pair with carriers (gaps are taken out by :func:`detect_pairs`).

    `table` holds every pair with ties; `b` is the typical rate.
    """
    if not covers:
        return []
    codes = table["code_a"].to_numpy(dtype=np.int64) * groups.k + table["code_b"].to_numpy(dtype=np.int64)
    rows = table.loc[np.isin(codes, np.fromiter(covers, dtype=np.int64, count=len(covers)))]
    mixing = {(int(ca), int(cb)): float(e) for ca, cb, e in zip(rows["code_a"], rows["code_b"], rows["expected"])}
    detections = []
    for key, (found, ties) in covers.items():
        ca, cb = divmod(key, groups.k)
        a, b_label = groups.labels[ca], groups.labels[cb]
        pair_key = frozenset((a, b_label))
        is_declared = pair_key in declared
        factor = 1.0 if is_declared else th.undeclared_factor
        people, covered, total = found
        severity = factor * (covered / total) * (1.0 if len(people) == 1 else 0.85)
        expected_random = mixing.get((ca, cb))
        mu = b * expected_random if expected_random is not None else math.nan
        evidence = _bridge_evidence(ties, people, arrays, covered, total, "pair", is_declared,
                                    declared[pair_key][2] if is_declared else "")
        evidence.update({"expected": _r(mu, 2), "ratio": _r(total / mu, 3) if mu else None})
        pair = declared[pair_key][:2] if is_declared else (a, b_label)
        detections.append(Detection("fragile_bridge", round(severity, 3), pair,
                                    tuple(str(arrays.nodes[p]) for p in people), evidence))
    return detections


def _rest_bridges(arrays: TieArrays, groups: GroupCodes, th: Thresholds, *, weighted: bool,
                  active: np.ndarray) -> list[Detection]:
    """A group whose connection to the rest of the organisation runs through one or two people."""
    gu, gv = groups.codes[arrays.source], groups.codes[arrays.target]
    cross = (gu != gv) & active[gu] & active[gv]
    if not cross.any():
        return []
    u, v, gu, gv = arrays.source[cross], arrays.target[cross], gu[cross], gv[cross]
    w = _tie_weights(arrays, weighted)[cross]
    # every cross tie counts for both of its groups
    checked = active & (groups.sizes >= 2 * th.bridge_max_people + 1)
    both = np.concatenate([np.arange(len(u)), np.arange(len(u))])
    group_of_tie = np.concatenate([gu, gv])
    both, group_of_tie = both[checked[group_of_tie]], group_of_tie[checked[group_of_tie]]
    detections = []
    for code, found, ties in _smallest_covers(group_of_tie, u[both], v[both], w[both], groups, th):
        people, covered, total = found
        others = np.unique(groups.codes[np.concatenate(ties[:2])])
        if len(others) <= 2:  # all its outside ties go to one group: that pair tells it (gap or bridge)
            continue
        severity = th.rest_factor * (covered / total) * (1.0 if len(people) == 1 else 0.85)
        evidence = _bridge_evidence(ties, people, arrays, covered, total, "rest", False, "")
        detections.append(Detection("fragile_bridge", round(severity, 3), (groups.labels[code],),
                                    tuple(str(arrays.nodes[p]) for p in people), evidence))
    return detections


_Ties = tuple[np.ndarray, np.ndarray, np.ndarray]
_Cover = tuple[list[int], float, float]


def _smallest_covers(keys: np.ndarray, u: np.ndarray, v: np.ndarray, w: np.ndarray, groups: GroupCodes,
                     th: Thresholds) -> Iterator[tuple[int, _Cover, _Ties]]:
    """For each key (a pair of groups, or a group and the rest) whose ties ``u -> v`` have a bridge:
    ``(key, (people, covered, total), (u, v, w) of its ties)``, in the order of the keys.

    A person's *coverage* is the weight of the key's ties they take part in. All
    coverages come from one sort of the tie ends; only keys with at least
    ``bridge_min_ties`` and whose ``bridge_max_people`` best-covering people
    could together reach ``bridge_min_share`` go to the exact search.
    """
    if not len(keys):
        return
    order = np.argsort(keys, kind="stable")
    keys, u, v, w = keys[order], u[order], v[order], w[order]
    unique_keys, tie_start = np.unique(keys, return_index=True)
    tie_end = np.append(tie_start[1:], len(keys))
    totals = np.add.reduceat(w, tie_start)
    need = th.bridge_min_share * totals - 1e-9
    # coverage per (key, person), each key's people sorted by coverage (descending), then by position
    key_index = np.repeat(np.arange(len(unique_keys)), tie_end - tie_start)
    n = max(int(max(u.max(), v.max())) + 1, 1)
    ends, where = np.unique(np.concatenate([key_index * n + u, key_index * n + v]), return_inverse=True)
    coverage = np.bincount(where, weights=np.concatenate([w, w]))
    owner, person = ends // n, ends % n
    order = np.lexsort((person, -coverage, owner))
    owner, person, coverage = owner[order], person[order], coverage[order]
    cover_start = np.searchsorted(owner, np.arange(len(unique_keys)))
    rank = np.arange(len(owner)) - cover_start[owner]
    best = rank < th.bridge_max_people
    reachable = np.bincount(owner[best], weights=coverage[best], minlength=len(unique_keys))
    limit = groups.sizes / 2
    for i in np.flatnonzero((totals >= th.bridge_min_ties) & (reachable >= need)):
        start = cover_start[i]
        stop = cover_start[i + 1] if i + 1 < len(unique_keys) else len(owner)
        candidates = person[start:min(stop, start + _MAX_CANDIDATES)].tolist()
        values = coverage[start:min(stop, start + _MAX_CANDIDATES)].tolist()
        ties = (u[tie_start[i]:tie_end[i]], v[tie_start[i]:tie_end[i]], w[tie_start[i]:tie_end[i]])
        found = _bridge(candidates, values, ties, groups.codes, limit, float(need[i]), th.bridge_max_people)
        if found is not None:
            yield int(unique_keys[i]), (found[0], found[1], float(totals[i])), ties


#: The exact search for a bridge looks among this many best-covering people.
_MAX_CANDIDATES = 60


def _bridge(candidates: list[int], coverage: list[float], ties: _Ties, codes: np.ndarray, limit: np.ndarray,
            need: float, max_people: int) -> tuple[list[int], float] | None:
    """The smallest set of at most `max_people` candidates whose ties weigh at least `need`, and that weight.

    `candidates` are sorted by `coverage` (descending). Among sets of the
    smallest size that qualify, the one covering most wins (the first found
    on equal coverage). A set may hold fewer than `limit` people of a group.
    """
    group_of = {p: int(codes[p]) for p in candidates}
    value = dict(zip(candidates, coverage))
    between: dict[tuple[int, int], float] = {}
    if max_people > 1:
        chosen = set(candidates)
        for a, b, weight in zip(ties[0].tolist(), ties[1].tolist(), ties[2].tolist()):
            if a in chosen and b in chosen:
                between[(a, b)] = weight
    best: tuple[list[int], float] | None = None
    for k in range(1, max_people + 1):
        for combo in _combinations(candidates, k, value, need):
            per_group: dict[int, int] = {}
            for p in combo:
                per_group[group_of[p]] = per_group.get(group_of[p], 0) + 1
            if any(count >= limit[g] for g, count in per_group.items()):
                continue
            covered = float(sum(value[p] for p in combo))
            covered -= sum(between.get((a, b), 0.0) for a in combo for b in combo if a != b)
            if covered >= need and (best is None or covered > best[1]):
                best = (list(combo), covered)
        if best is not None:
            return best
    return None


def _combinations(candidates: list[int], k: int, coverage: dict[int, float], need: float
                  ) -> Iterator[tuple[int, ...]]:
    """Combinations of k candidates whose summed coverage can reach `need` (candidates sorted by coverage)."""
    if k == 1:
        for p in candidates:
            if coverage[p] < need:
                return
            yield (p,)
        return
    for i, p in enumerate(candidates):
        rest = candidates[i + 1:]
        if not rest or coverage[p] + sum(coverage[q] for q in rest[: k - 1]) < need:
            return
        for tail in _combinations(rest, k - 1, coverage, need - coverage[p]):
            yield (p, *tail)


def _bridge_evidence(ties: _Ties, people: Sequence[int], arrays: TieArrays, covered: float, total: float,
                     scope: str, declared: bool, collaboration: str) -> dict[str, Any]:
    u, v, w = ties
    per_person, partners = {}, {}
    for p in people:
        own = (u == p) | (v == p)
        per_person[str(arrays.nodes[p])] = _num(w[own].sum())
        others = set(u[own].tolist()) | set(v[own].tolist())
        partners[str(arrays.nodes[p])] = len(others - {p})
    return {
        "scope": scope, "declared": declared, "collaboration": collaboration, "ties": _num(total),
        "covered": _num(covered), "share": _r(covered / total, 3), "ties_per_person": per_person,
        "partners": partners,
    }


def cap_undeclared(detections: list[Detection], limit: int | None) -> list[Detection]:
    """All detections, except that of the gaps and of the fragile bridges between undeclared pairs of groups
    only the `limit` most severe of each kind are kept (see ``Thresholds.max_undeclared``); None keeps all.

    >>> weak = [Detection("gap", s, ("A", f"B{i}"), (), {"declared": False}) for i, s in enumerate((0.2, 0.4, 0.3))]
    >>> [d.severity for d in cap_undeclared(weak, 2)]
    [0.4, 0.3]
    """
    if limit is None:
        return detections
    kept: set[int] = set()
    for kind, strength in (("gap", _gap_strength), ("fragile_bridge", _bridge_strength)):
        pool = sorted((d for d in detections if d.kind == kind and _undeclared_pair(d)), key=strength)
        kept.update(id(d) for d in pool[:limit])
    return [d for d in detections if not _undeclared_pair(d) or id(d) in kept]


def _undeclared_pair(d: Detection) -> bool:
    return (d.kind in ("gap", "fragile_bridge") and not d.evidence.get("declared")
            and d.evidence.get("scope", "pair") == "pair")


def _gap_strength(d: Detection) -> tuple:
    """Most severe first, then the weaker pair (lower ratio to random mixing, more ties expected)."""
    ratio, expected = d.evidence.get("ratio_random"), d.evidence.get("expected")
    return (-d.severity, ratio if ratio is not None else math.inf, -(expected or 0.0), d.groups)


def _bridge_strength(d: Detection) -> tuple:
    """Most severe first, then more ties running through the bridge."""
    return (-d.severity, -float(d.evidence.get("ties") or 0), d.groups)


# -- one-sided trust ------------------------------------------------------------------------------


@old_grouping_names
def find_one_sided_trust(
    G: nx.Graph,
    grouping: str = "department",
    *,
    role_attribute: str | None = "role",
    thresholds: Thresholds | None = None,
) -> list[Detection]:
    r"""Find groups or roles whose trust in another group is rarely returned.

    Only ties between two respondents count: a tie to a non-respondent could
    never be seen returned. For the :math:`n_{XY}` trust ties from group X to
    group Y, of which :math:`k_{XY}` are returned (the reverse tie exists), the
    share :math:`r_{XY} = k_{XY}/n_{XY}` is compared with the share
    :math:`r_{\text{else}}` among all other ties between respondents
    (reciprocity, Wasserman and Faust ch. 13):

    .. math:: \text{ratio} = r_{XY} / r_{\text{else}}, \qquad
              p = P(K \le k_{XY}),\ K \sim \mathrm{Binomial}(n_{XY}, r_{\text{else}}).

    Pairs with :math:`n_{XY} \ge` ``trust_min_ties`` and ratio below
    ``trust_max_ratio`` are reported with severity
    :math:`\min(1, (1 - \text{ratio})/(1 - r))\,w(p)`, with :math:`r` =
    ``trust_full_ratio`` (0.25): returned a quarter as often as elsewhere, or
    less, is fully one-sided. This is checked for every ordered pair
    of different groups under `grouping` and for two role classes:
    managers (roles matching ``Thresholds.manager_roles``) and staff (any
    other role).

    Parameters
    ----------
    G : NetworkX graph
        The trust relation.
    grouping : str, optional (default="department")
    role_attribute : str or None, optional (default="role")
        Node attribute with the role; None skips the role check.
    thresholds : Thresholds, optional

    Returns
    -------
    list of Detection
        Kind ``"one_sided_trust"``. Department pairs have ``groups`` = (X, Y);
        role pairs have no groups and evidence ``from_roles``, ``to_roles``.
        Evidence: ``scope`` (``"group"`` or ``"role"``), ``ties``,
        ``returned``, ``share_returned``, ``share_returned_elsewhere``,
        ``ratio``, ``p_value``.

    Examples
    --------
    Five staff trust their manager ``m``, who trusts none of them back;
    the staff trust each other mutually:

    >>> G = nx.DiGraph([(f"s{i}", "m") for i in range(5)])
    >>> G.add_edges_from((f"s{i}", f"s{j}") for i in range(5) for j in range(5) if i != j)
    >>> nx.set_node_attributes(G, {**{f"s{i}": "Medewerker" for i in range(5)}, "m": "Teamleider"}, "role")
    >>> nx.set_node_attributes(G, "Team", "department")
    >>> [(d.evidence["from_roles"], d.evidence["returned"], d.evidence["ties"])
    ...  for d in find_one_sided_trust(G, thresholds=Thresholds(trust_min_ties=5))]
    [(['Medewerker'], 0, 5)]
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, None)
    roles = _node_values(G, arrays.nodes, role_attribute) if role_attribute is not None else None
    return detect_one_sided_trust(arrays, groups, roles, th)


def detect_one_sided_trust(arrays: TieArrays, groups: GroupCodes, roles: Sequence[Any] | None,
                     th: Thresholds) -> list[Detection]:
    """:func:`find_one_sided_trust` on arrays; `roles` holds each node's role (None: no role check)."""
    both = arrays.responded[arrays.source] & arrays.responded[arrays.target]
    if not both.any():
        return []
    source, target = arrays.source[both], arrays.target[both]
    returned = arrays.reciprocated[both]
    total_n, total_k = len(source), int(returned.sum())
    detections = []
    codes = groups.codes
    usable = np.ones(groups.k, dtype=bool)
    usable[groups.sizes < th.min_group_size] = False
    if groups.labels and groups.labels[-1] == UNKNOWN_GROUP:
        usable[-1] = False
    x, y = codes[source], codes[target]
    pick = (x != y) & usable[x] & usable[y]
    # per (from group, to group) with trust ties, in the order of the cells; no k x k table
    cells, where = np.unique(x[pick].astype(np.int64) * groups.k + y[pick], return_inverse=True)
    ties = np.bincount(where, minlength=len(cells))
    mutual = np.bincount(where, weights=returned[pick], minlength=len(cells))
    for i in np.flatnonzero(ties >= max(th.trust_min_ties, 1)):
        cell = cells[i]
        found = _one_sided(int(ties[i]), int(mutual[i]), total_n, total_k, th)
        if found is not None:
            found[1].update({"scope": "group"})
            a, b = divmod(int(cell), groups.k)
            detections.append(Detection("one_sided_trust", found[0], (groups.labels[a], groups.labels[b]), (),
                                        found[1]))
    if roles is not None:
        has_role = np.asarray([r is not None and str(r).strip() != "" for r in roles])
        manager = np.asarray([matches_any(r, th.manager_roles) for r in roles]) & has_role
        staff = has_role & ~manager
        if manager.sum() >= 1 and staff.sum() >= 1:
            role_names = np.asarray([str(r) if r is not None else "" for r in roles], dtype=object)
            for label_from, label_to, from_mask, to_mask in (("staff", "managers", staff, manager),
                                                              ("managers", "staff", manager, staff)):
                pick = from_mask[source] & to_mask[target]
                found = _one_sided(int(pick.sum()), int(returned[pick].sum()), total_n, total_k, th)
                if found is None:
                    continue
                found[1].update({
                    "scope": "role", "from_class": label_from, "to_class": label_to,
                    "from_roles": sorted(set(role_names[source[pick]])),
                    "to_roles": sorted(set(role_names[target[pick]])),
                })
                detections.append(Detection("one_sided_trust", found[0], (), (), found[1]))
    return detections


def _one_sided(n: int, k: int, total_n: int, total_k: int, th: Thresholds) -> tuple[float, dict] | None:
    if n < th.trust_min_ties or total_n - n <= 0:
        return None
    elsewhere = (total_k - k) / (total_n - n)
    if elsewhere <= 0:
        return None
    share = k / n
    ratio = share / elsewhere
    if ratio >= th.trust_max_ratio:
        return None
    p = float(special.bdtr(k, n, elsewhere))  # binomial CDF
    severity = _clip((1 - ratio) / (1 - th.trust_full_ratio)) * evidence_weight(p)
    if severity <= 0:
        return None
    return round(severity, 3), {
        "ties": n, "returned": k, "share_returned": _r(share, 3), "share_returned_elsewhere": _r(elsewhere, 3),
        "ratio": _r(ratio, 3), "p_value": _r(p, 6),
    }


# -- isolated -------------------------------------------------------------------------------------


@old_grouping_names
def find_isolated(
    G: nx.Graph,
    grouping: str = "department",
    *,
    team_attribute: str | None = "team",
    thresholds: Thresholds | None = None,
) -> list[Detection]:
    r"""Find respondents without any tie in this relation, and small teams cut off from the rest.

    **People.** A respondent with no tie at all (none named, none received).
    Non-respondents are never reported: their own ties are unknown. Being
    isolated is notable when it is rare and when others have many ties, so
    with :math:`s` the share of respondents who are isolated and
    :math:`\bar d` the respondents' mean number of ties (in + out) the
    severity is

    .. math:: 0.9\,\Bigl(1 - \frac{s}{s_{\max}}\Bigr)\,\min\Bigl(1, \frac{\bar d}{d_{\text{full}}}\Bigr)

    with :math:`s_{\max}` = ``isolated_max_share`` and :math:`d_{\text{full}}`
    = ``isolated_full_degree``; from that share on nothing is reported (in a
    sparse relation many people have no tie, and that is no finding). All
    isolated respondents form one detection.

    **Teams.** A team (`team_attribute`) of 2 to ``team_max_size`` people with
    ties inside but none to or from anyone outside it, and at least half of
    its members respondents. If teams typically have a share :math:`x` of
    their ties outside, a team with :math:`I` ties inside would have about
    :math:`\mu = I\,x/(1-x)` outside, and none with probability
    :math:`p = e^{-\mu}`. Severity: 0.8 times the team's response rate times
    :math:`w(p)`.

    Parameters
    ----------
    G : NetworkX graph
    grouping : str, optional (default="department")
        Used to name the groups the isolated people belong to.
    team_attribute : str or None, optional (default="team")
    thresholds : Thresholds, optional

    Returns
    -------
    list of Detection
        Kind ``"isolated"``; evidence ``scope`` (``"people"`` or ``"team"``),
        for people ``isolated, respondents, share, mean_degree``; for a team
        ``team, size, respondents, internal_ties, expected_outside, p_value``.

    Examples
    --------
    >>> G = nx.DiGraph([(f"p{i}", f"p{(i + 1) % 30}") for i in range(30)])
    >>> G.add_nodes_from(["loner", "silent"])
    >>> nx.set_node_attributes(G, "IT", "department")
    >>> nx.set_node_attributes(G, {"silent": False}, "responded")
    >>> [(d.people, d.severity) for d in find_isolated(G)]
    [(('loner',), 0.197)]

    (0.9 times 1 - (1/31)/0.1 times 1.94/6: a ring gives everyone only two ties.)
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, None)
    teams = None
    if team_attribute and any(team_attribute in G.nodes[v] for v in G.nodes):
        teams = group_codes(G, team_attribute)
    return detect_isolated(arrays, groups, teams, th)


def detect_isolated(arrays: TieArrays, groups: GroupCodes, teams: GroupCodes | None, th: Thresholds) -> list[Detection]:
    """:func:`find_isolated` on arrays; `teams` None skips the check of teams."""
    degree = arrays.in_degree + arrays.out_degree
    isolated = (degree == 0) & arrays.responded
    detections = []
    respondents = arrays.respondents
    if isolated.any() and respondents:
        share = isolated.sum() / respondents
        mean_degree = float(degree[arrays.responded].mean())
        severity = 0.9 * (1 - share / th.isolated_max_share) * min(1.0, mean_degree / th.isolated_full_degree)
        if severity > 0:
            people = tuple(str(v) for v in arrays.nodes[isolated])
            involved = sorted({groups.labels[c] for c in groups.codes[isolated]} - {UNKNOWN_GROUP})
            detections.append(Detection("isolated", round(severity, 3), tuple(involved), people, {
                "scope": "people", "isolated": int(isolated.sum()), "respondents": int(respondents),
                "share": _r(share, 4), "mean_degree": _r(mean_degree, 2),
            }))
    if teams is not None:
        detections.extend(_isolated_teams(arrays, groups, teams, th))
    return detections


def _isolated_teams(arrays: TieArrays, groups: GroupCodes, teams: GroupCodes, th: Thresholds) -> list[Detection]:
    tu, tv = teams.codes[arrays.source], teams.codes[arrays.target]
    inside = np.bincount(tu[tu == tv], minlength=teams.k)
    outside = np.bincount(np.concatenate([tu[tu != tv], tv[tu != tv]]), minlength=teams.k)
    responded = np.bincount(teams.codes[arrays.responded], minlength=teams.k)
    known = np.asarray([label != UNKNOWN_GROUP for label in teams.labels])
    with np.errstate(divide="ignore", invalid="ignore"):
        outside_share = np.where(inside + outside > 0, outside / (inside + outside), np.nan)
    typical = float(np.nanmedian(outside_share[known])) if known.any() else math.nan
    if not (math.isfinite(typical) and 0 < typical < 1):
        return []
    detections = []
    for code, label in enumerate(teams.labels):
        size = int(teams.sizes[code])
        if not known[code] or not 2 <= size <= th.team_max_size or size == arrays.n:
            continue
        if outside[code] or inside[code] == 0 or responded[code] < size / 2:
            continue
        expected_outside = inside[code] * typical / (1 - typical)
        p = math.exp(-expected_outside)
        severity = 0.8 * responded[code] / size * evidence_weight(p)
        if severity <= 0:
            continue
        members = teams.codes == code
        involved = sorted({groups.labels[c] for c in groups.codes[members]} - {UNKNOWN_GROUP})
        detections.append(Detection("isolated", severity, tuple(involved), (), {
            "scope": "team", "team": label, "size": size, "respondents": int(responded[code]),
            "internal_ties": int(inside[code]), "expected_outside": _r(expected_outside, 2), "p_value": _r(p, 6),
        }))
    return detections


# -- overloaded -----------------------------------------------------------------------------------


def _upper_tail(d: int, mean: float, var: float) -> float:
    """P(X >= d) for in-degrees X with this mean and variance: negative binomial, or Poisson if not overdispersed."""
    if mean <= 0:
        return 0.0 if d > 0 else 1.0
    if d < 1:
        return 1.0
    if var > mean:
        r = mean**2 / (var - mean)
        return float(special.betainc(d, r, mean / (r + mean)))  # negative binomial P(X > d - 1)
    return float(special.pdtrc(d - 1, mean))  # Poisson P(X > d - 1)


@old_grouping_names
def find_overloaded(
    G: nx.Graph,
    grouping: str = "department",
    *,
    thresholds: Thresholds | None = None,
) -> list[Detection]:
    r"""Find people whom a disproportionate share of others depend on (in advice).

    Cross and Parker's overloaded central connectors [4]_: the expert
    everyone asks, who becomes a bottleneck and a risk. With :math:`d_v` the
    in-degree of :math:`v` and :math:`\bar d_{-v}`, :math:`s_{-v}` the mean and
    standard deviation of everyone else's in-degree, :math:`v` is overloaded
    when

    .. math:: d_v > \tau_v = \max\bigl(\bar d_{-v} + z_0\, s_{-v},\; q R,\; m\bigr)

    with :math:`z_0` = ``overload_sd`` (3), :math:`q` = ``overload_min_share``
    (0.05), :math:`R` the number of respondents and :math:`m` =
    ``overload_min_count`` (10). How far above the others they are is the
    z-score :math:`z_v = (d_v - \bar d_{-v}) / s_{-v}`, and the severity is

    .. math:: \min\Bigl(1, \frac{z_v - z_0}{z_1 - z_0}\Bigr)\, w(p)

    with :math:`z_1` = ``overload_sd_full`` (7), where :math:`p = n\,P(X \ge
    d_v)` is the chance that any of the :math:`n` people is named this often
    when in-degrees :math:`X` follow a negative binomial distribution with the
    others' mean and variance (Poisson when they are not overdispersed), a
    Bonferroni bound. In a random network the most popular person is then no
    finding.

    Parameters
    ----------
    G : NetworkX graph
        Usually the advice relation.
    grouping : str, optional (default="department")
    thresholds : Thresholds, optional

    Returns
    -------
    list of Detection
        Kind ``"overloaded"``, one per person; evidence ``in_degree,
        threshold, mean_others, sd_others, z_score, p_value, respondents, share,
        from_groups`` (group -> people naming them), ``n_groups``.

    Examples
    --------
    A ring of 100 people, 15 of whom also ask ``guru``:

    >>> G = nx.DiGraph([(f"p{i}", f"p{(i + 1) % 100}") for i in range(100)])
    >>> G.add_edges_from((f"p{i}", "guru") for i in range(15))
    >>> nx.set_node_attributes(G, "IT", "department")
    >>> G.add_edges_from(("p0", f"p{i}") for i in range(2, 12))  # p2 ... p11 get a second tie
    >>> [(d.people, d.evidence["in_degree"], d.evidence["z_score"], d.severity) for d in find_overloaded(G)]
    [(('guru',), 15, 46.1, 1.0)]
    """
    th = thresholds or Thresholds()
    arrays, groups = _setup(G, grouping, None)
    return detect_overloaded(arrays, groups, th)


def detect_overloaded(arrays: TieArrays, groups: GroupCodes, th: Thresholds) -> list[Detection]:
    """:func:`find_overloaded` on arrays."""
    n = arrays.n
    if n < 3 or arrays.m == 0:
        return []
    d = arrays.in_degree.astype(float)
    s1, s2 = d.sum(), (d**2).sum()
    mean_others = (s1 - d) / (n - 1)
    var_others = np.maximum(((s2 - d**2) - (n - 1) * mean_others**2) / (n - 2), 0.0)
    sd_others = np.sqrt(var_others)
    threshold = np.maximum.reduce([mean_others + th.overload_sd * sd_others,
                                   np.full(n, th.overload_min_share * arrays.respondents),
                                   np.full(n, float(th.overload_min_count))])
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd_others > 0, (d - mean_others) / sd_others, np.inf)
    detections = []
    for v in np.flatnonzero(d > threshold):
        p = min(1.0, n * _upper_tail(int(d[v]), float(mean_others[v]), float(var_others[v])))
        effect = _clip((z[v] - th.overload_sd) / (th.overload_sd_full - th.overload_sd)) if math.isfinite(z[v]) else 1.0
        severity = effect * evidence_weight(p)
        if severity <= 0:
            continue
        senders = arrays.source[arrays.target == v]
        counts = np.bincount(groups.codes[senders], minlength=groups.k)
        named_by = sorted(((int(counts[c]), groups.labels[c]) for c in np.flatnonzero(counts)),
                          key=lambda item: (-item[0], item[1]))
        from_groups = {label: count for count, label in named_by}
        detections.append(Detection("overloaded", severity, (groups.labels[groups.codes[v]],),
                                    (str(arrays.nodes[v]),), {
            "in_degree": int(d[v]), "threshold": _r(threshold[v], 2), "mean_others": _r(mean_others[v], 2),
            "sd_others": _r(sd_others[v], 2), "z_score": _r(float(z[v]), 2), "p_value": _r(p, 6),
            "respondents": int(arrays.respondents),
            "share": _r(d[v] / arrays.respondents, 3) if arrays.respondents else None,
            "from_groups": from_groups,
            "n_groups": int(len(from_groups)),
        }))
    return detections
