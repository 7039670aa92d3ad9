"""Run the detectors on an organisation and rank what they find: :func:`find_findings`.

Group-level patterns (silo, gap, fragile bridge) are looked for in all
analysed relations together: two people are tied when they are tied in any
relation, and cross-group ties are counted once per relation (the evidence
breaks them down per relation). Trust, advice and isolation are looked at per
relation.

One pattern is reported once: a pair of groups is a gap or a fragile bridge,
never both (:func:`ona.findings.detectors.detect_pairs` states the rule: a
pair far short of ties is a gap whatever carries its few ties); a silo's
bridge to the rest of the organisation goes into the silo's evidence; and
without declared collaborations, the thin ties between a high-severity silo
and other groups are part of the silo finding, not gaps of their own.

Gaps and fragile bridges between groups that were not declared to work
together are less certain, and a large organisation has very many pairs of
groups (300 departments make 44,850). Of each, only the
``Thresholds.max_undeclared`` (10) most severe are reported; declared
collaborations are always reported in full.

Where the survey asked how often each group works with the others
(:func:`ona.io.survey.perceived.perceived_collaboration`), pairs whose
perception and ties disagree are findings too (:mod:`ona.findings.pairs`).

Every finding carries its confidence from the response behind it
(:mod:`ona.findings.confidence`): below 65% response a finding about people
is told without names.

The detectors run on integer arrays built once per relation straight from
``net.ties`` (:class:`~ona.measures.engines.TieArrays`), without networkx graphs:
100,000 people with 1.5 million ties take a few seconds (``BENCHMARKS.md``).
"""

from __future__ import annotations

import math
from dataclasses import replace
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ona.exceptions import OnaError, UnknownRelationError
from ona.findings.confidence import Responses, assess
from ona.findings.detectors import (
    HIGH_SEVERITY,
    KINDS,
    DeclaredPairs,
    Detection,
    Thresholds,
    cap_undeclared,
    declared_pairs,
    detect_isolated,
    detect_one_sided_trust,
    detect_overloaded,
    detect_pairs,
    detect_silos,
    matches_any,
    pair_volumes,
)
from ona.findings.finding import LANGUAGES, Finding
from ona.findings.keyplayers import key_player_findings
from ona.findings.pairs import pairs_from_volumes, perception_findings, with_perception
from ona.findings.prepare import declared_frame, group_level_arrays
from ona.io.survey.perceived import perceived_collaboration
from ona.findings.text import FindingContext, relation_words, to_finding
from ona.io.expected import ExpectedLike
from ona.measures.engines import GroupCodes, TieArrays
from ona.measures.missing import MISSING_TREATMENTS, reconstruct_arrays, reconstructable
from ona.measures.missing import sensitivity as missing_sensitivity
from ona.model import OrgNetwork, person_labels
from ona.compat import old_grouping_names

if TYPE_CHECKING:  # analysis imports igraph; find_findings only reads an Analysis it is given
    from ona.measures.analysis import Analysis

__all__ = ["absorb_silo_bridges", "find_findings", "group_patterns", "rank", "treated_arrays"]


@old_grouping_names
def find_findings(
    net: OrgNetwork,
    *,
    relations: Iterable[str] | None = None,
    expected: ExpectedLike | None = None,
    grouping: str = "department",
    seed: int | None = 0,
    thresholds: Thresholds | None = None,
    missing: str = "none",
    sensitivity: bool = False,
    analysis: Analysis | None = None,
) -> list[Finding]:
    """Find silos, gaps, fragile bridges, one-sided trust, overload and isolation, ranked by severity.

    Parameters
    ----------
    net : OrgNetwork
    relations : iterable of str, optional
        The relations to analyse; default all relations with ties.
    expected : DataFrame or iterable of pairs, optional
        Which groups are supposed to work together: a table from
        :func:`ona.io.expected.read_expected`, a declaration table
        (``collaboration, group``), or pairs such as ``[("HR", "IT")]``. None
        uses the survey's group-level answers (``net.group_ties``) if there
        are any; without expectations, gaps are the weakest pairs, reported
        with lower confidence, and at most ``thresholds.max_undeclared`` of
        them (likewise for fragile bridges between undeclared pairs).
    grouping : str, optional (default="department")
        The roster attribute that defines groups.
    seed : int or None, optional (default=0)
        Seed of the permutation test and Louvain.
    thresholds : Thresholds, optional
        Detector thresholds (see :class:`ona.findings.detectors.Thresholds`).
    missing : {"none", "reconstruct"}, optional (default="none")
        Non-respondents' unknown ties; ``"reconstruct"`` takes them from the
        other side's reports in symmetric relations (:mod:`ona.measures.missing`).
    sensitivity : bool, optional (default=False)
        Also mark each finding as robust or not to the non-respondents
        (``Finding.robustness``, an :class:`ona.measures.missing.Robustness`):
        the findings are looked for again with the non-respondents left out,
        reconstructed, and answering like their colleagues.
    analysis : Analysis, optional
        :func:`ona.measures.analysis.analyze` of the same network: its
        key-player sets (:attr:`~ona.measures.analysis.Analysis.key_players`)
        are reused where they were searched on the same ties with the same
        seed, instead of searching again. The findings are the same with or
        without it.

    Returns
    -------
    list of Finding
        Most severe first, each with its :class:`~ona.findings.finding.Confidence`.

    Raises
    ------
    UnknownRelationError
        If a relation is not in the network.
    MissingAttributeError
        If the roster has no `grouping`.
    InputError
        If `expected` names a group that is not in the roster.

    Examples
    --------
    >>> from ona import samples
    >>> findings = find_findings(samples.load("krackhardt"), grouping="department", relations=["advice"])
    >>> all(set(f.text) == {"nl", "en"} and f.confidence is not None for f in findings)
    True
    """
    th = thresholds or Thresholds()
    groups = GroupCodes.from_values(net.groups(grouping).tolist(), grouping)  # MissingAttributeError early
    chosen = list(net.relations) if relations is None else list(dict.fromkeys(relations))
    for relation in chosen:
        if relation not in net.relations:
            raise UnknownRelationError(relation, net.relations)
    present = set(net.ties["relation"].unique().tolist())
    chosen = [r for r in chosen if r in present]
    if not chosen:
        return []
    declared = declared_pairs(declared_frame(net, expected, grouping))
    context = FindingContext(net, chosen, grouping, person_labels(net.display_names()))
    responses = Responses.of(net, grouping)

    arrays = {relation: treated_arrays(net, relation, missing) for relation in chosen}
    together, label, counted = group_level_arrays(chosen, arrays)
    detections = [(d, label) for d in group_patterns(together, groups, declared, th, counted, seed)]
    roles = _roster_values(net, "role")
    teams = GroupCodes.from_values(net.groups("team").tolist(), "team") if "team" in net.roster.columns else None
    for relation in chosen:
        R = arrays[relation]
        if matches_any(relation, th.trust_relations):
            detections += [(d, relation) for d in detect_one_sided_trust(R, groups, roles, th)]
        if matches_any(relation, th.advice_relations):
            detections += [(d, relation) for d in detect_overloaded(R, groups, th)]
        detections += [(d, relation) for d in detect_isolated(R, groups, teams, th)]

    findings = []
    for d, relation in detections:
        if d.severity < th.min_severity:
            continue
        words = {lang: relation_words(relation, lang)[1] for lang in LANGUAGES}
        findings.append(to_finding(d, relation, context, assess(d, words, responses, th)))
    known = tuple(analysis.key_players.values()) if analysis is not None else ()
    findings += key_player_findings(together, label, context.names, responses, th, seed, known)  # ona.findings.keyplayers
    perceived = perceived_collaboration(net, grouping)
    if not perceived.empty:  # what the groups say about their collaboration, beside their ties
        volumes = pair_volumes(together, groups, th, weighted=counted, every=False, declared=declared)  # sparse
        pairs = pairs_from_volumes(volumes, declared, th)
        findings += perception_findings(with_perception(pairs, perceived), grouping=grouping, responses=responses)
    findings = rank(findings)
    if sensitivity:
        findings = _with_robustness(net, findings, dict(relations=chosen, expected=expected, grouping=grouping,
                                                        seed=seed, thresholds=th, missing=missing))
    return findings


def treated_arrays(net: OrgNetwork, relation: str, missing: str = "none") -> TieArrays:
    """One relation's arrays, with non-respondents' ties reconstructed where `missing` asks and it is defensible."""
    if missing not in MISSING_TREATMENTS:
        raise OnaError(
            f"Unknown treatment of missing ties {missing!r}; choose 'none' or 'reconstruct'.",
            key="methods.error.missing_treatment", values={"missing": missing},
        )
    arrays = TieArrays.from_network(net, relation)
    return reconstruct_arrays(arrays) if missing == "reconstruct" and reconstructable(relation) else arrays


def _with_robustness(net: OrgNetwork, findings: list[Finding], options: dict[str, Any]) -> list[Finding]:
    """The findings with ``robustness`` set by a sensitivity run (ona.measures.missing.sensitivity)."""
    def key(f: Finding) -> tuple:
        return (f.kind, f.relation, f.groups, f.people)

    def scenario_keys(f: Finding) -> list[tuple]:  # a finding told without names matches one with names
        return [key(f), (f.kind, f.relation, f.groups, ())]

    marks = missing_sensitivity(net, lambda other: find_findings(other, **options), key, baseline=findings,
                                grouping=options["grouping"], seed=options["seed"] or 0,
                                scenario_keys=scenario_keys)
    return [replace(f, robustness=mark) for f, mark in zip(findings, marks)]


def rank(findings: Iterable[Finding]) -> list[Finding]:
    """Findings most severe first; equal severities by kind (:data:`~ona.findings.detectors.KINDS`), groups,
    relation and people, so that the order never depends on the order found.
    """
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(findings, key=lambda f: (-f.severity, order.get(f.kind, 99), f.groups, f.relation, f.people))


def group_patterns(arrays: TieArrays, groups: GroupCodes, declared: DeclaredPairs | None, th: Thresholds,
                   counted: bool, seed: int | None) -> list[Detection]:
    """Silos, gaps and fragile bridges, each pattern told once (see the module docstring).

    `counted` says whether ``arrays.weight`` counts ties (several relations
    together). Undeclared gaps and bridges are capped
    (``Thresholds.max_undeclared``) after the rule has decided each pair's kind.
    """
    silos = detect_silos(arrays, groups, th, seed)
    gaps, bridges = detect_pairs(arrays, groups, declared, th, weighted=counted)
    silos, bridges = absorb_silo_bridges(silos, bridges)
    bridges = cap_undeclared(bridges, th.max_undeclared)
    siloed = {d.groups[0] for d in silos if d.severity >= HIGH_SEVERITY}
    gaps = [d for d in gaps if d.evidence.get("declared") or not siloed & set(d.groups)]
    return silos + cap_undeclared(gaps, th.max_undeclared) + bridges


def absorb_silo_bridges(silos: list[Detection], bridges: list[Detection]) -> tuple[list[Detection], list[Detection]]:
    """A silo's few outside ties often run through one or two people: that is part of the silo finding.

    The bridge between a silo and the rest of the organisation is moved into
    the silo's evidence (``outside_bridge_people``, the number of people, and
    ``outside_bridge_share``, the share of outside ties they carry) instead of
    being a finding of its own. People are not named there, so the silo stays
    a group-level finding.

    Returns
    -------
    (list of Detection, list of Detection)
        The silos and the bridges that remain.
    """
    rest = {d.groups[0]: d for d in bridges if d.evidence.get("scope") == "rest"}
    merged = []
    absorbed = set()
    for silo in silos:
        bridge = rest.get(silo.groups[0])
        if bridge is None:
            merged.append(silo)
            continue
        absorbed.add(id(bridge))
        evidence = {**silo.evidence, "outside_bridge_people": len(bridge.people),
                    "outside_bridge_share": bridge.evidence["share"]}
        merged.append(Detection(silo.kind, silo.severity, silo.groups, silo.people, evidence))
    return merged, [d for d in bridges if id(d) not in absorbed]


def _roster_values(net: OrgNetwork, column: str) -> list[Any] | None:
    """One roster column as node attributes hold it (None where empty), or None without the column."""
    if column not in net.roster.columns:
        return None
    values = net.roster[column].astype(object)
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values.tolist()]
