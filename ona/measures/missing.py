r"""Non-respondents: what to do with their unknown ties, and whether a result depends on them.

A person who did not answer the survey still appears in the network through the
ties others reported to them, but their own outgoing ties are *unknown*. ona's
default treatment is **none**: unknown stays unknown (measures that rest on a
person's own answers are left empty for non-respondents, see
:mod:`ona.measures.metrics`). Two further tools follow the literature on
missing network data [1]_ [2]_:

**Reconstruction** (:func:`reconstruct_arrays`, ``analyze(missing="reconstruct")``,
``ona analyze --missing reconstruct``): a non-respondent's tie to a colleague is
taken from that colleague's report of a tie to the non-respondent, with the
same weight [1]_. Huisman [2]_ found it the best of the simple procedures for
undirected relations and for relations with high reciprocity. It assumes the
relation is *symmetric*, so ona applies it only to relations where that is
defensible (:func:`reconstructable`):

* yes: working together, collaboration, co-work, communication, contact,
  meetings (if A works with B, B works with A);
* no: advice, trust, information, friendship, energy, ideas, reporting lines
  and anything else with a direction (that A asks B for advice says nothing
  about B asking A); their non-respondents keep unknown ties.

Reconstructed ties are used by every measure that follows ties (betweenness,
components, communities, the E-I index, findings); a reconstructed person
still counts as a non-respondent, so their own out-degree, reciprocity and
brokerage stay empty.

**Sensitivity** (:func:`sensitivity`): the analysis is run again under
three different assumptions about what the non-respondents would have said,
and each result is marked *robust* when it holds under all of them:

* ``"drop"``: the non-respondents are left out altogether (complete-case
  analysis, the usual default of other tools [1]_);
* ``"reconstruct"``: every relation reconstructed as above, as if they had
  returned every tie reported to them;
* ``"like_colleagues"``: each non-respondent answers like a randomly drawn
  respondent of their own group: that respondent's number of ties, with the
  same split between their own group and other groups, to randomly drawn
  people (seeded; hot-deck imputation [2]_).

A finding that disappears under one of them rests on the non-respondents and
should be read with care.

References
----------
.. [1] Stork, Diana, and William D. Richards. 1992. "Nonrespondents in
   Communication Network Studies: Problems and Possibilities." Group &
   Organization Management 17 (2): 193-209.
   https://doi.org/10.1177/1059601192172006
.. [2] Huisman, Mark. 2009. "Imputation of Missing Network Data: Some Simple
   Procedures." Journal of Social Structure 10 (1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ona.exceptions import OnaError
from ona.measures.engines import GroupCodes, TieArrays
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "MISSING_TREATMENTS",
    "RECONSTRUCTABLE_PATTERNS",
    "Robustness",
    "SENSITIVITY_SCENARIOS",
    "reconstruct",
    "reconstruct_arrays",
    "reconstructable",
    "scenario_networks",
    "sensitivity",
]

#: Treatments of non-respondents' unknown ties: ``"none"`` (default) and ``"reconstruct"``.
MISSING_TREATMENTS = ("none", "reconstruct")
#: The imagined answers a sensitivity run tries (see the module docstring).
SENSITIVITY_SCENARIOS = ("drop", "reconstruct", "like_colleagues")
#: Relation names (lower case, searched anywhere in the name) for which reconstruction is defensible:
#: relations that are symmetric by nature.
RECONSTRUCTABLE_PATTERNS = (
    r"collab", r"samen ?(?:ge)?werk", r"co-?work", r"work(?:s|ed|ing)? (?:together|with)", r"communic",
    r"\bcontact", r"overleg", r"meeting", r"\bspreek", r"\bspreken", r"\btalk",
)

T = TypeVar("T")


def reconstructable(relation: str) -> bool:
    """Whether reconstruction from the other side's report is defensible for `relation` (a symmetric relation).

    >>> reconstructable("collaboration"), reconstructable("Samenwerking"), reconstructable("cowork")
    (True, True, True)
    >>> reconstructable("advice"), reconstructable("trust"), reconstructable("friendship")
    (False, False, False)
    """
    name = str(relation).lower()
    return any(re.search(pattern, name) for pattern in RECONSTRUCTABLE_PATTERNS)


def reconstruct_arrays(arrays: TieArrays) -> TieArrays:
    r"""One relation with every non-respondent's ties reconstructed from the reports of others.

    For every tie :math:`j \to i` reported by a respondent :math:`j` to a
    non-respondent :math:`i`, the tie :math:`i \to j` is added with the same
    weight (Stork and Richards 1992; Huisman 2009). Nothing else changes:
    ``responded`` stays False for the non-respondents.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("c", "b"), ("a", "c")])
    >>> G.nodes["b"]["responded"] = False
    >>> R = reconstruct_arrays(TieArrays.from_graph(G))
    >>> sorted(zip(R.nodes[R.source], R.nodes[R.target]))
    [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'b')]
    """
    silent = ~arrays.responded
    incoming = silent[arrays.target] & arrays.responded[arrays.source]
    source, target = arrays.target[incoming], arrays.source[incoming]
    new = ~arrays.has_ties(source, target)
    return TieArrays(
        arrays.nodes,
        np.concatenate([arrays.source, source[new]]),
        np.concatenate([arrays.target, target[new]]),
        np.concatenate([arrays.weight, arrays.weight[incoming][new]]),
        arrays.responded,
    )


def reconstruct(net: OrgNetwork, relations: Iterable[str] | None = None) -> OrgNetwork:
    """The network with non-respondents' ties reconstructed, in relations where that is defensible.

    Reconstructed people become respondents *of the returned network* (an
    :class:`~ona.model.OrgNetwork` only holds ties sent by respondents), so
    use it for what-if analyses; for an analysis that keeps them marked as
    non-respondents, use ``analyze(net, missing="reconstruct")``. Only
    non-respondents who could be reconstructed in every relation become
    respondents; in a network with other relations, use `relations` with all
    of them or :func:`reconstruct_arrays` per relation.

    Parameters
    ----------
    net : OrgNetwork
    relations : iterable of str, optional
        The relations to reconstruct; default those for which
        :func:`reconstructable` is true. Naming a directed relation here
        reconstructs it anyway (your decision).

    Returns
    -------
    OrgNetwork
        With ``report`` unchanged and the reconstructed ties added.

    Raises
    ------
    OnaError
        If relations other than the reconstructed ones hold ties, which would
        then wrongly count as complete for the new respondents.
    """
    chosen = [r for r in net.relations if reconstructable(r)] if relations is None else list(relations)
    for relation in chosen:
        net._check_relation(relation)
    others = [r for r in net.relations if r not in chosen and (net.ties["relation"] == r).any()]
    if others:
        raise OnaError(
            f"Reconstruction makes non-respondents respondents, which would make their unknown ties in "
            f"{', '.join(others)} look absent. Reconstruct every relation "
            f"(relations=net.relations) or use analyze(net, missing='reconstruct')."
        )
    return _complete(net, {r: reconstruct_arrays(TieArrays.from_network(net, r)) for r in chosen})


def _complete(net: OrgNetwork, arrays_by_relation: dict[str, TieArrays], keep: np.ndarray | None = None) -> OrgNetwork:
    """An OrgNetwork from imputed arrays (everyone kept counts as a respondent)."""
    frames = []
    for relation, arrays in arrays_by_relation.items():
        ids = arrays.nodes.to_numpy(dtype=object)
        frames.append(pd.DataFrame({
            "source": ids[arrays.source], "target": ids[arrays.target], "relation": relation, "weight": arrays.weight,
        }))
    ties = pd.concat(frames, ignore_index=True) if frames else net.ties.iloc[:0]
    roster = net.roster if keep is None else net.roster.loc[keep]
    return OrgNetwork(roster, ties, relations=net.relations, respondents=None, wave=net.wave, name=net.name,
                      report=net.report)


def _like_colleagues(arrays: TieArrays, groups: GroupCodes, rng: np.random.Generator) -> TieArrays:
    """Each non-respondent answers like a random respondent of their own group (hot deck)."""
    n = arrays.n
    silent = np.flatnonzero(~arrays.responded)
    respondents = np.flatnonzero(arrays.responded)
    if len(silent) == 0 or len(respondents) == 0:
        return arrays
    code = groups.codes
    # A donor per non-respondent: a respondent of the same group, else any respondent.
    order = np.argsort(code[respondents], kind="stable")
    donors_sorted = respondents[order]
    starts = np.searchsorted(code[donors_sorted], code[silent], side="left")
    ends = np.searchsorted(code[donors_sorted], code[silent], side="right")
    count = ends - starts
    pick = starts + (rng.random(len(silent)) * np.maximum(count, 1)).astype(np.int64)
    donor = np.where(count > 0, donors_sorted[np.minimum(pick, len(donors_sorted) - 1)],
                     respondents[rng.integers(0, len(respondents), len(silent))])
    # The donor's ties: how many, how many inside their own group, and their weights.
    inside = code[arrays.source] == code[arrays.target]
    out_all = np.bincount(arrays.source, minlength=n)[donor]
    out_inside = np.bincount(arrays.source[inside], minlength=n)[donor]
    person = np.repeat(silent, out_all)
    # The first out_inside of each person's ties stay inside their group.
    rank = np.arange(len(person)) - np.repeat(np.cumsum(out_all) - out_all, out_all)
    within = rank < np.repeat(out_inside, out_all)
    # Targets: a random member of the own group (within) or a random person of another group.
    members_order = np.argsort(code, kind="stable")
    g = code[person]
    g_start = np.searchsorted(code[members_order], g, side="left")
    g_end = np.searchsorted(code[members_order], g, side="right")
    same = members_order[g_start + (rng.random(len(person)) * (g_end - g_start)).astype(np.int64)]
    anyone = rng.integers(0, n, len(person))
    target = np.where(within, same, anyone)
    keep = (target != person) & (within | (code[target] != g))
    source, target = person[keep], target[keep]
    pairs = np.unique(source * n + target)
    source, target = pairs // n, pairs % n
    weights = np.full(len(source), float(np.median(arrays.weight)) if arrays.m else 1.0)
    new = ~arrays.has_ties(source, target)
    return TieArrays(arrays.nodes, np.concatenate([arrays.source, source[new]]),
                     np.concatenate([arrays.target, target[new]]), np.concatenate([arrays.weight, weights[new]]),
                     arrays.responded)


@old_grouping_names
def scenario_networks(net: OrgNetwork, *, grouping: str = "department", seed: int = 0) -> dict[str, OrgNetwork]:
    """The network under each imagined answer of the non-respondents (see the module docstring).

    Returns
    -------
    dict
        :data:`SENSITIVITY_SCENARIOS` -> OrgNetwork; empty when everyone responded.
    """
    silent = ~net.respondent_mask().to_numpy(dtype=bool)
    if not silent.any():
        return {}
    groups = GroupCodes.from_values(net.groups(grouping).tolist(), grouping)
    arrays = {r: TieArrays.from_network(net, r) for r in net.relations}
    rng = np.random.default_rng(seed)
    keep = ~silent
    kept_ids = set(net.people[keep].tolist())
    dropped = net.ties[net.ties["source"].isin(kept_ids) & net.ties["target"].isin(kept_ids)]
    return {
        "drop": OrgNetwork(net.roster.loc[keep], dropped, relations=net.relations, respondents=None, wave=net.wave,
                           name=net.name, report=net.report),
        "reconstruct": _complete(net, {r: reconstruct_arrays(a) for r, a in arrays.items()}),
        "like_colleagues": _complete(net, {r: _like_colleagues(a, groups, rng) for r, a in arrays.items()}),
    }


@dataclass(frozen=True)
class Robustness:
    """Whether one result holds up under every imagined answer of the non-respondents.

    Attributes
    ----------
    robust : bool
        Found in every scenario (True when everyone responded).
    scenarios : dict of str to bool
        Per scenario of :data:`SENSITIVITY_SCENARIOS`: found there?
    non_respondents : int
        How many people's answers were imagined.
    """

    robust: bool
    scenarios: dict[str, bool]
    non_respondents: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"robust": ..., "scenarios": {...}, "non_respondents": ...}``."""
        return {"robust": self.robust, "scenarios": dict(self.scenarios), "non_respondents": self.non_respondents}


@old_grouping_names
def sensitivity(
    net: OrgNetwork,
    run: Callable[[OrgNetwork], Sequence[T]],
    key: Callable[[T], Hashable],
    *,
    baseline: Sequence[T] | None = None,
    grouping: str = "department",
    seed: int = 0,
    scenario_keys: Callable[[T], Iterable[Hashable]] | None = None,
) -> list[Robustness]:
    """Mark each result of `run` as robust or not to the non-respondents.

    `run` is any analysis that turns a network into a list of results (e.g.
    findings); `key` says when two results are the same (e.g. kind, relation,
    groups and people of a finding). `run` is repeated on every network of
    :func:`scenario_networks`; a result is robust when a result with the same
    key comes out of every one of them.

    Parameters
    ----------
    net : OrgNetwork
    run : callable
        OrgNetwork -> sequence of results.
    key : callable
        Result -> hashable identity.
    baseline : sequence, optional
        ``run(net)``, if already computed.
    grouping : str, optional (default="department")
        Groups for the ``"like_colleagues"`` scenario.
    seed : int, optional (default=0)
    scenario_keys : callable, optional
        Result of a scenario -> the keys it matches (default ``[key(result)]``);
        e.g. a finding told without names also matches one that names people.

    Returns
    -------
    list of Robustness
        Aligned with `baseline` (or ``run(net)``).

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["HR", "HR", "IT"]}, index=pd.Index(["a", "b", "c"], name="id"))
    >>> ties = pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["collaboration"], "weight": [1.0]})
    >>> net = OrgNetwork(roster, ties, respondents=["a", "c"])
    >>> def people_without_ties(n):
    ...     tied = set(n.ties["source"]) | set(n.ties["target"])
    ...     return [p for p in n.people if p not in tied]
    >>> [(p, r.robust) for p, r in zip(people_without_ties(net), sensitivity(net, people_without_ties, str))]
    [('c', True)]
    """
    results = list(run(net) if baseline is None else baseline)
    silent = int((~net.respondent_mask().to_numpy(dtype=bool)).sum())
    scenarios = scenario_networks(net, grouping=grouping, seed=seed)
    keys_of = scenario_keys or (lambda item: [key(item)])
    found = {name: {k for item in run(other) for k in keys_of(item)} for name, other in scenarios.items()}
    marks = []
    for item in results:
        k = key(item)
        per = {name: k in keys for name, keys in found.items()}
        marks.append(Robustness(all(per.values()), per, silent))
    return marks
