"""Findings in plain Dutch and English: what the detectors found, ranked, with evidence and suggestions.

:func:`find_findings` runs the detectors of :mod:`ona.findings.detectors` on an
:class:`~ona.model.OrgNetwork` and returns a ranked list of :class:`Finding`
objects. Each carries the numbers behind it (``evidence``) and a sentence a
manager understands in both languages, e.g.

    Sociaal Domein en Publiekszaken moeten samenwerken (Sociaal loket), maar
    hun 8 onderlinge relaties lopen allemaal via Jan de Vries ...

The sentences come from fixed templates (:data:`TEMPLATES`) with names and
numbers filled in, never from generated prose, and every kind of finding
carries one or two widely used suggestions (:data:`SUGGESTIONS`).

Group-level patterns (silo, gap, fragile bridge) are looked for in all
analysed relations together: two people are tied when they are tied in any
relation, and cross-group ties are counted once per relation (the evidence
breaks them down per relation). Trust, advice and isolation are looked at per
relation.

One pattern is reported once: a pair of groups with a fragile bridge gets no
separate gap finding (the bridge finding carries the gap's numbers); a silo's
bridge to the rest of the organisation goes into the silo's evidence; and
without declared collaborations, the thin ties between a high-severity silo
and other groups are part of the silo finding, not gaps of their own.

Gaps and fragile bridges between groups that were not declared to work
together are less certain, and a large organisation has very many pairs of
groups (300 departments make 44,850). Of each, only the
``Thresholds.max_undeclared`` (10) most severe are reported; declared
collaborations are always reported in full.

The detectors run on integer arrays built once per relation straight from
``net.ties`` (:class:`~ona.measures.engines.TieArrays`), without networkx graphs:
100,000 people with 1.5 million ties take a few seconds (``BENCHMARKS.md``).

:func:`findings_to_json` and :func:`findings_to_markdown` write them out;
:func:`write_findings` writes ``findings.json`` and ``findings.md`` into a folder.
Names and group names come from HR files, so Markdown output escapes every
character that could turn them into markup, links, HTML or spreadsheet formulas.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from functools import cached_property

import numpy as np
import pandas as pd

from ona.measures.engines import GroupCodes, TieArrays
from ona.exceptions import OnaError, UnknownRelationError
from ona.io.expected import EXPECTED_COLUMNS, ExpectedLike, expected_frame, expected_from_group_ties, read_expected
from ona.i18n import STRINGS, t
from ona.model import OrgNetwork
from ona.findings.detectors import (
    HIGH_SEVERITY,
    KINDS,
    Detection,
    Thresholds,
    _cap_undeclared,
    _expected as _expected_pairs,
    _fragile_bridges,
    _gaps,
    _isolated,
    _one_sided_trust,
    _overloaded,
    _silos,
    matches_any,
)

__all__ = [
    "ALL_RELATIONS",
    "EVIDENCE_LABELS",
    "Finding",
    "KIND_TITLES",
    "LANGUAGES",
    "SUGGESTIONS",
    "TEMPLATES",
    "find_findings",
    "findings_to_json",
    "findings_to_markdown",
    "person_labels",
    "severity_level",
    "write_findings",
]

#: Languages of every text.
LANGUAGES = ("nl", "en")
#: The ``relation`` of a finding about all analysed relations together.
ALL_RELATIONS = "all"
#: Severity from which a finding is "medium" (from :data:`~ona.findings.detectors.HIGH_SEVERITY` on it is "high").
MEDIUM_SEVERITY = 0.3


@dataclass(frozen=True)
class Finding:
    """One finding: what was found, how serious, the evidence, and text in Dutch and English.

    Attributes
    ----------
    kind : str
        ``silo``, ``gap``, ``fragile_bridge``, ``one_sided_trust``,
        ``overloaded`` or ``isolated``.
    severity : float
        0 to 1; see :func:`severity_level` for high/medium/low.
    relation : str
        The relation it is about, or :data:`ALL_RELATIONS` (``"all"``) for
        all analysed relations together.
    groups : tuple of str
        Names of the groups involved (empty for role-based findings).
    people : tuple of str
        Ids of the people involved.
    evidence : dict
        The numbers behind the finding (plain, JSON-ready values).
    text : dict
        ``{"nl": sentence, "en": sentence}``.
    suggestions : dict
        ``{"nl": [suggestion, ...], "en": [...]}``.
    """

    kind: str
    severity: float
    relation: str
    groups: tuple[str, ...]
    people: tuple[str, ...]
    evidence: dict[str, Any] = field(compare=False, hash=False)
    text: dict[str, str] = field(hash=False)
    suggestions: dict[str, list[str]] = field(hash=False)

    @property
    def level(self) -> str:
        """``"high"``, ``"medium"`` or ``"low"`` (see :func:`severity_level`)."""
        return severity_level(self.severity)

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict (the objects of ``findings.json``)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "level": self.level,
            "relation": self.relation,
            "groups": list(self.groups),
            "people": list(self.people),
            "evidence": _plain(self.evidence),
            "text": dict(self.text),
            "suggestions": {lang: list(items) for lang, items in self.suggestions.items()},
        }


def severity_level(severity: float) -> str:
    """``"high"`` from 0.6, ``"medium"`` from 0.3, else ``"low"``.

    >>> severity_level(0.97), severity_level(0.41), severity_level(0.1)
    ('high', 'medium', 'low')
    """
    if severity >= HIGH_SEVERITY:
        return "high"
    if severity >= MEDIUM_SEVERITY:
        return "medium"
    return "low"


# -- finding ----------------------------------------------------------------------------------------


def find_findings(
    net: OrgNetwork,
    *,
    relations: Iterable[str] | None = None,
    expected: ExpectedLike | None = None,
    attribute: str = "department",
    seed: int | None = 0,
    thresholds: Thresholds | None = None,
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
    attribute : str, optional (default="department")
        The roster attribute that defines groups.
    seed : int or None, optional (default=0)
        Seed of the permutation test and Louvain.
    thresholds : Thresholds, optional
        Detector thresholds (see :class:`ona.findings.detectors.Thresholds`).

    Returns
    -------
    list of Finding
        Most severe first.

    Raises
    ------
    UnknownRelationError
        If a relation is not in the network.
    MissingAttributeError
        If the roster has no `attribute`.
    InputError
        If `expected` names a group that is not in the roster.

    Examples
    --------
    >>> from ona import samples
    >>> findings = find_findings(samples.load("krackhardt"), attribute="department", relations=["advice"])
    >>> all(set(f.text) == {"nl", "en"} for f in findings)
    True
    """
    th = thresholds or Thresholds()
    groups = GroupCodes.from_values(net.groups(attribute).tolist(), attribute)  # MissingAttributeError early
    chosen = list(net.relations) if relations is None else list(dict.fromkeys(relations))
    for relation in chosen:
        if relation not in net.relations:
            raise UnknownRelationError(relation, net.relations)
    present = set(net.ties["relation"].unique().tolist())
    chosen = [r for r in chosen if r in present]
    if not chosen:
        return []
    declared = _expected_pairs(_declared(net, expected, attribute))
    names = person_labels(net)
    context = _Context(net, chosen, attribute, names)

    arrays = {relation: TieArrays.from_network(net, relation) for relation in chosen}
    together, label, counted = _group_level_arrays(net, chosen, arrays)
    detections = [(d, label) for d in _group_patterns(together, groups, declared, th, counted, seed)]
    roles = _roster_values(net, "role")
    teams = GroupCodes.from_values(net.groups("team").tolist(), "team") if "team" in net.roster.columns else None
    for relation in chosen:
        R = arrays[relation]
        if matches_any(relation, th.trust_relations):
            detections += [(d, relation) for d in _one_sided_trust(R, groups, roles, th)]
        if matches_any(relation, th.advice_relations):
            detections += [(d, relation) for d in _overloaded(R, groups, th)]
        detections += [(d, relation) for d in _isolated(R, groups, teams, th)]

    findings = [_to_finding(d, relation, context) for d, relation in detections if d.severity >= th.min_severity]
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(findings, key=lambda f: (-f.severity, order.get(f.kind, 99), f.groups, f.relation, f.people))


def _group_patterns(arrays: TieArrays, groups: GroupCodes, declared: dict[frozenset[str], tuple[str, str, str]] | None,
                    th: Thresholds, counted: bool, seed: int | None) -> list[Detection]:
    """Silos, fragile bridges and gaps, each pattern told once (see the module docstring).

    Undeclared gaps and bridges are capped (``Thresholds.max_undeclared``)
    after that: bridges first, then the gaps of pairs without a reported bridge.
    """
    silos = _silos(arrays, groups, th, seed)
    bridges = _fragile_bridges(arrays, groups, declared, th, weighted=counted)
    silos, bridges = _absorb_silo_bridges(silos, bridges)
    bridges = _cap_undeclared(bridges, th.max_undeclared)
    bridged = {frozenset(d.groups) for d in bridges if d.evidence.get("scope") == "pair"}
    siloed = {d.groups[0] for d in silos if d.severity >= HIGH_SEVERITY}
    gaps = [
        d for d in _gaps(arrays, groups, declared, th, weighted=counted)
        if frozenset(d.groups) not in bridged and (d.evidence.get("declared") or not siloed & set(d.groups))
    ]
    return silos + _cap_undeclared(gaps, th.max_undeclared) + bridges


def _absorb_silo_bridges(silos: list[Detection], bridges: list[Detection]) -> tuple[list[Detection], list[Detection]]:
    """A silo's few outside ties often run through one or two people: that is part of the silo finding.

    The bridge between a silo and the rest of the organisation is moved into
    the silo's evidence (``outside_bridge_people``, the number of people, and
    ``outside_bridge_share``, the share of outside ties they carry) instead of
    being a finding of its own. People are not named there, so the silo stays
    a group-level finding.
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


def _declared(net: OrgNetwork, expected: ExpectedLike | None, attribute: str) -> pd.DataFrame | None:
    if expected is None:
        frame = expected_from_group_ties(net, attribute=attribute)
    elif isinstance(expected, pd.DataFrame) and not set(EXPECTED_COLUMNS) <= set(expected.columns):
        frame = read_expected(expected, net, attribute=attribute) if len(expected) else None
    else:
        frame = expected_frame(expected, net, attribute=attribute)
    return frame if frame is not None and len(frame) else None


def _group_level_arrays(net: OrgNetwork, relations: Sequence[str],
                        arrays: Mapping[str, TieArrays]) -> tuple[TieArrays, str, bool]:
    """The ties for the group-level patterns, their relation label, and whether their weights count ties.

    One relation: its own arrays (ties counted once; weights for Louvain).
    Several: two people are tied when they are tied in any of them, with
    weight the number of relations the tie occurs in, and ties counted by
    that weight.
    """
    if len(relations) == 1:
        return arrays[relations[0]], relations[0], False
    first = arrays[relations[0]]
    n = first.n
    keys = np.concatenate([a.source * n + a.target for a in (arrays[r] for r in relations)])
    pairs, counts = np.unique(keys, return_counts=True)
    together = TieArrays(first.nodes, pairs // n, pairs % n, counts.astype(np.float64), first.responded)
    return together, ALL_RELATIONS, True


def _roster_values(net: OrgNetwork, column: str) -> list[Any] | None:
    """One roster column as node attributes hold it (None where empty), or None without the column."""
    if column not in net.roster.columns:
        return None
    values = net.roster[column].astype(object)
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values.tolist()]


def person_labels(net: OrgNetwork) -> dict[str, str]:
    """Each person's display name; people who share a name get their id added, e.g. ``"Iris de Vries (E0006)"``.

    >>> roster = pd.DataFrame({"name": ["Iris de Vries", "Iris de Vries", None]},
    ...                       index=pd.Index(["E1", "E2", "E3"], name="id"))
    >>> person_labels(OrgNetwork(roster, pd.DataFrame(columns=["source", "target"])))
    {'E1': 'Iris de Vries (E1)', 'E2': 'Iris de Vries (E2)', 'E3': 'E3'}
    """
    names = net.display_names().map(lambda s: " ".join(str(s).split()))
    shared = names.duplicated(keep=False)
    return {str(p): (f"{n} ({p})" if dup else str(n)) for p, n, dup in zip(names.index, names, shared)}


# -- templates ----------------------------------------------------------------------------------------

#: Title of each kind of finding.
KIND_TITLES: dict[str, dict[str, str]] = {
    "silo": {"nl": "Silo", "en": "Silo"},
    "gap": {"nl": "Naast elkaar in plaats van samen", "en": "Side by side instead of together"},
    "fragile_bridge": {"nl": "Kwetsbare brug", "en": "Fragile bridge"},
    "one_sided_trust": {"nl": "Eenzijdig vertrouwen", "en": "One-sided trust"},
    "overloaded": {"nl": "Overbelast", "en": "Overloaded"},
    "isolated": {"nl": "Geïsoleerd", "en": "Isolated"},
    "change": {"nl": "Verandering tussen metingen", "en": "Change between waves"},  # see ona.findings.change
    # the collaboration scan's kinds (ona.findings.collaboration); texts in ona.i18n.texts.kit
    **{kind: {lang: t(f"finding.kit.title.{kind}", lang) for lang in LANGUAGES} for kind in (
        "condition_weak", "condition_divergence", "condition_change", "unrecognised_trust", "overestimated_trust")},
}

#: Sentence templates per finding variant and language (``str.format`` placeholders).
TEMPLATES: dict[str, dict[str, str]] = {
    "silo": {
        "nl": "{group} werkt vooral op zichzelf: {internal_pct} van de {ties} {rel_t} van {group} blijft binnen "
              "de {unit} (E-I-index {ei}, waar een willekeurige indeling {expected_ei} zou geven). Ook de "
              "informele groepen in het netwerk trekken een grens om {group}.",
        "en": "{group} mostly keeps to itself: {internal_pct} of the {ties} {rel_t} of {group} stay inside the "
              "{unit} (E-I index {ei}, where a random division of people would give {expected_ei}). The informal "
              "communities in the network, too, draw a line around {group}.",
    },
    "gap.declared": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar hebben maar {ties} onderlinge {rel_t}{breakdown}."
              "{one_way} Voor {units} van deze omvang en activiteit zijn er in deze organisatie ongeveer {expected} "
              "te verwachten.",
        "en": "{a} and {b} are expected to work together{collab}, but have only {ties} {rel_t} between them"
              "{breakdown}.{one_way} For {units} of this size and activity, about {expected} would be expected in this "
              "organisation.",
    },
    "gap.declared_none": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar hebben geen enkele onderlinge {rel_1}. Voor {units} "
              "van deze omvang en activiteit zijn er in deze organisatie ongeveer {expected} te verwachten.",
        "en": "{a} and {b} are expected to work together{collab}, but have no {rel_n} between them at all. For "
              "{units} of this size and activity, about {expected} would be expected in this organisation.",
    },
    "gap.one_way": {
        "nl": " Ze lopen allemaal van {source} naar {target}; andersom is er geen enkele.",
        "en": " All of them run from {source} to {target}; none run the other way.",
    },
    "gap.one_way_one": {
        "nl": " Die ene loopt van {source} naar {target}; andersom is er geen.",
        "en": " That one runs from {source} to {target}; none runs the other way.",
    },
    "gap.one_way_only": {
        "nl": "{a} en {b} moeten samenwerken{collab}. Hun {ties} onderlinge {rel_t}{breakdown} lopen alle van "
              "{source} naar {target}; andersom is er geen enkele.",
        "en": "{a} and {b} are expected to work together{collab}. All {ties} {rel_t} between them{breakdown} "
              "run from {source} to {target}; none run the other way.",
    },
    "gap.undeclared": {
        "nl": "{a} en {b} hebben {ties} onderlinge {rel_t}, {ratio_pct} van wat bij willekeurige menging te "
              "verwachten is ({expected}). Er is niet opgegeven dat zij moeten samenwerken, dus dit is minder "
              "zeker: ga na of zij elkaar nodig hebben.",
        "en": "{a} and {b} have {ties} {rel_t} between them, {ratio_pct} of what random mixing would give "
              "({expected}). No collaboration between them was declared, so this is less certain: check "
              "whether they need each other.",
    },
    "fragile_bridge.declared_all": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar hun {ties} onderlinge {rel_t}{breakdown} lopen "
              "allemaal via {people}. Zonder {people} is de verbinding weg.{expected_clause}",
        "en": "{a} and {b} are expected to work together{collab}, but all {ties} {rel_t} between them"
              "{breakdown} run through {people}. Without {people} the connection is gone.{expected_clause}",
    },
    "fragile_bridge.declared_part": {
        "nl": "{a} en {b} moeten samenwerken{collab}, maar {covered} van hun {ties} onderlinge {rel_t} "
              "({share}) lopen via {people}. Zonder {people} is de verbinding vrijwel weg.{expected_clause}",
        "en": "{a} and {b} are expected to work together{collab}, but {covered} of the {ties} {rel_t} between "
              "them ({share}) run through {people}. Without {people} the connection is almost gone."
              "{expected_clause}",
    },
    "fragile_bridge.expected": {
        "nl": " Voor {units} van deze omvang en activiteit zijn er in deze organisatie ongeveer {expected} "
              "te verwachten.",
        "en": " For {units} of this size and activity, about {expected} would be expected in this organisation.",
    },
    "fragile_bridge.pair_all": {
        "nl": "De {ties} {rel_t} tussen {a} en {b}{breakdown} lopen allemaal via {people}. Zonder {people} is "
              "de verbinding weg. Er is niet opgegeven dat {a} en {b} moeten samenwerken.",
        "en": "All {ties} {rel_t} between {a} and {b}{breakdown} run through {people}. Without {people} the "
              "connection is gone. No collaboration between {a} and {b} was declared.",
    },
    "fragile_bridge.pair_part": {
        "nl": "{covered} van de {ties} {rel_t} tussen {a} en {b} ({share}) lopen via {people}. Zonder {people} "
              "is de verbinding vrijwel weg. Er is niet opgegeven dat {a} en {b} moeten samenwerken.",
        "en": "{covered} of the {ties} {rel_t} between {a} and {b} ({share}) run through {people}. Without "
              "{people} the connection is almost gone. No collaboration between {a} and {b} was declared.",
    },
    "fragile_bridge.rest_all": {
        "nl": "De {ties} {rel_t} van {a} met de rest van de organisatie lopen allemaal via {people}. Zonder "
              "{people} staat {a} los van de rest.",
        "en": "All {ties} {rel_t} of {a} with the rest of the organisation run through {people}. Without "
              "{people}, {a} is cut off from the rest.",
    },
    "fragile_bridge.rest_part": {
        "nl": "{covered} van de {ties} {rel_t} van {a} met de rest van de organisatie ({share}) lopen via "
              "{people}. Zonder {people} staat {a} vrijwel los van de rest.",
        "en": "{covered} of the {ties} {rel_t} of {a} with the rest of the organisation ({share}) run through "
              "{people}. Without {people}, {a} is almost cut off from the rest.",
    },
    "one_sided_trust.group": {
        "nl": "Vertrouwen van {a} in {b} wordt zelden beantwoord: van de {ties} keer dat iemand van {a} iemand "
              "van {b} noemt, is dat maar {returned} keer wederzijds ({share}); bij de andere {rel_n} is dat "
              "{share_else}.",
        "en": "Trust from {a} in {b} is rarely returned: of the {ties} times someone in {a} names someone in "
              "{b}, only {returned} are mutual ({share}), against {share_else} for the other {rel_n}.",
    },
    "one_sided_trust.role": {
        "nl": "Vertrouwen van {a} in {b} wordt zelden beantwoord: van de {ties} keer dat iemand met de rol "
              "{from_roles} iemand met de rol {to_roles} noemt, is dat maar {returned} keer wederzijds ({share}); "
              "bij de andere {rel_n} is dat {share_else}.",
        "en": "Trust from {a} in {b} is rarely returned: of the {ties} times someone in the role {from_roles} "
              "names someone in the role {to_roles}, only {returned} are mutual ({share}), against {share_else} "
              "for the other {rel_n}.",
    },
    "isolated.one": {
        "nl": "{people} heeft de vragenlijst ingevuld, maar heeft geen enkele {rel_1}: niet gegeven en niet "
              "ontvangen.",
        "en": "{people} answered the survey but has no {rel_n} at all, given or received.",
    },
    "isolated.many": {
        "nl": "{n} mensen die de vragenlijst invulden hebben geen enkele {rel_1}, niet gegeven en niet "
              "ontvangen: {people}.",
        "en": "{n} people who answered the survey have no {rel_n} at all, given or received: {people}.",
    },
    "isolated.team": {
        "nl": "Team {team} ({size} mensen) heeft geen enkele {rel_1} met de rest van de organisatie; alle "
              "{internal} {rel_i} van het team blijven binnen het team.",
        "en": "Team {team} ({size} people) has no {rel_n} with the rest of the organisation; all {internal} "
              "{rel_i} of the team stay inside it.",
    },
    "overloaded.advice": {
        "nl": "{person} ({group}) wordt door {n} mensen om advies gevraagd, uit {n_groups} {units}: {share} van "
              "wie de vragenlijst invulde. Anderen worden gemiddeld door {mean} mensen gevraagd.",
        "en": "{person} ({group}) is asked for advice by {n} people from {n_groups} {units}: {share} of the "
              "respondents. Others are asked by {mean} people on average.",
    },
    "overloaded.other": {
        "nl": "{person} ({group}) wordt door {n} mensen genoemd ({rel_label}), uit {n_groups} {units}: {share} "
              "van wie de vragenlijst invulde. Anderen worden gemiddeld door {mean} mensen genoemd.",
        "en": "{person} ({group}) is named by {n} people ({rel_label}) from {n_groups} {units}: {share} of the "
              "respondents. Others are named by {mean} people on average.",
    },
}

#: One or two widely used suggestions per finding variant and language.
SUGGESTIONS: dict[str, dict[str, list[str]]] = {
    "silo": {
        "nl": ["Plan een vast, kort overleg van {group} met de {units} waarmee {group} het meest te maken heeft, "
               "bijvoorbeeld eens per maand.",
               "Laat medewerkers van {group} een dag meelopen bij een andere {unit}, en andersom."],
        "en": ["Schedule a short, regular meeting of {group} with the {units} it depends on most, for example "
               "monthly.",
               "Let staff of {group} spend a day shadowing another {unit}, and the other way round."],
    },
    "gap": {
        "nl": ["Breng samen de belangrijkste overdrachtsmomenten tussen {a} en {b} in kaart (een gezamenlijke "
               "procesanalyse).",
               "Start een vast overleg tussen {a} en {b} en begin elk overleg met het doel ervan."],
        "en": ["Map the key hand-offs between {a} and {b} together (a joint process analysis).",
               "Set up a regular meeting between {a} and {b}, and start each meeting with its goal."],
    },
    "fragile_bridge": {
        "nl": ["Zet een tweede contactpersoon naast {people} voor het contact tussen {a} en {b}, en laat die "
               "een tijd samen optrekken.",
               "Leg vast wat {people} nu informeel {regelt}, zodat anderen het kunnen overnemen."],
        "en": ["Pair a second contact person with {people} for the link between {a} and {b}, and let them "
               "work together for a while.",
               "Write down what {people} now {arranges} informally, so that others can take it over."],
    },
    "one_sided_trust": {
        "nl": ["Houd regelmatig een-op-eengesprekken waarin beide kanten bespreken wat ze van elkaar nodig "
               "hebben.",
               "Laat {b} zichtbaar terugkoppelen wat er met de vragen en zorgen van {a} gebeurt."],
        "en": ["Hold regular one-to-one conversations in which both sides discuss what they need from each "
               "other.",
               "Ask {b} to report back visibly on what happens with the questions and concerns of {a}."],
    },
    "overloaded": {
        "nl": ["Wijs naast {person} een tweede aanspreekpunt aan en leg antwoorden op veelgestelde vragen vast.",
               "Bespreek met {person} en de leidinggevende hoeveel tijd dit kost, en maak dat zichtbaar in de "
               "planning."],
        "en": ["Appoint a second point of contact next to {person} and write down the answers to frequent "
               "questions.",
               "Discuss with {person} and their manager how much time this takes, and make it visible in the "
               "planning."],
    },
    "isolated": {
        "nl": ["Ga zonder oordeel in gesprek: werkt iemand bewust zelfstandig, of mist er aansluiting? Een vast "
               "maatje (buddy) kan helpen."],
        "en": ["Talk it through without judgement: does someone work independently by choice, or is a "
               "connection missing? A buddy can help."],
    },
    "isolated.team": {
        "nl": ["Nodig team {team} uit bij het overleg van de teams waarmee het werk raakt, en wijs een vaste "
               "contactpersoon aan."],
        "en": ["Invite team {team} to the meetings of the teams its work touches, and appoint a fixed contact "
               "person."],
    },
}

# Relation words: (pattern pieces, {lang: (singular tie, plural ties, short label)}).
_RELATION_WORDS: tuple[tuple[tuple[str, ...], dict[str, tuple[str, str, str]]], ...] = (
    (("advice", "advies", "advis"), {"nl": ("adviesrelatie", "adviesrelaties", "advies"),
                                     "en": ("advice tie", "advice ties", "advice")}),
    (("trust", "vertrouw"), {"nl": ("vertrouwensrelatie", "vertrouwensrelaties", "vertrouwen"),
                             "en": ("trust tie", "trust ties", "trust")}),
    (("friend", "vriend"), {"nl": ("vriendschapsrelatie", "vriendschapsrelaties", "vriendschap"),
                            "en": ("friendship tie", "friendship ties", "friendship")}),
    (("collab", "samenwerk", "cowork", "co-work", "work"), {
        "nl": ("samenwerkingsrelatie", "samenwerkingsrelaties", "samenwerking"),
        "en": ("collaboration tie", "collaboration ties", "collaboration")}),
    (("communic", "contact"), {"nl": ("contactrelatie", "contactrelaties", "contact"),
                               "en": ("contact tie", "contact ties", "contact")}),
)
_ALL_WORDS = {"nl": ("relatie", "relaties", "alle relaties"), "en": ("tie", "ties", "all relations")}

_UNIT_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "department": {"nl": ("afdeling", "afdelingen"), "en": ("department", "departments")},
    "team": {"nl": ("team", "teams"), "en": ("team", "teams")},
    "location": {"nl": ("locatie", "locaties"), "en": ("location", "locations")},
    "office": {"nl": ("kantoor", "kantoren"), "en": ("office", "offices")},
    "role": {"nl": ("rol", "rollen"), "en": ("role", "roles")},
}
_GROUP_WORDS = {"nl": ("groep", "groepen"), "en": ("group", "groups")}
_CLASS_WORDS = {"staff": {"nl": "medewerkers", "en": "staff"}, "managers": {"nl": "leidinggevenden", "en": "managers"}}
_REST = {"nl": "de rest van de organisatie", "en": "the rest of the organisation"}
_ADVICE = ("advice", "advies", "advis")
_MAX_NAMES = 8


def _relation_words(relation: str, lang: str) -> tuple[str, str, str]:
    if relation == ALL_RELATIONS:
        return _ALL_WORDS[lang]
    for patterns, words in _RELATION_WORDS:
        if matches_any(relation, patterns):
            return words[lang]
    if lang == "nl":
        return f"relatie ({relation})", f"relaties ({relation})", relation
    return f"{relation} tie", f"{relation} ties", relation


def _unit_words(attribute: str, lang: str) -> tuple[str, str]:
    return _UNIT_WORDS.get(attribute, {}).get(lang) or _GROUP_WORDS[lang]


# -- number and list formatting ---------------------------------------------------------------------


def _number(x: float | int | None, lang: str, digits: int = 1) -> str:
    """A number as people write it: ``1.234,5`` in Dutch, ``1,234.5`` in English; minus as U+2212.

    Halves round up, as people expect (5.05 -> 5.1), not to even.

    >>> _number(1234.55, "nl"), _number(1234.55, "en"), _number(-0.25, "en", 1), _number(3.0, "nl")
    ('1.234,6', '1,234.6', '−0.3', '3')
    """
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "?"
    value = float(x)
    if not value.is_integer():
        places = Decimal(1).scaleb(-digits)
        value = float(Decimal(repr(value)).quantize(places, rounding=ROUND_HALF_UP))
    text = f"{abs(value):,.0f}" if value.is_integer() or digits == 0 else f"{abs(value):,.{digits}f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("\u2212" if value < 0 and text.strip("0.,") else "") + text


def _signed(x: float | None, lang: str) -> str:
    if x is None:
        return "?"
    text = _number(round(float(x), 2), lang, 2)
    return text if x < 0 or text in ("0", "0,00", "0.00") else "+" + text


def _percent(x: float | None, lang: str) -> str:
    if x is None or not math.isfinite(float(x)):
        return "?"
    value = 100 * float(x)
    return f"{_number(round(value), lang, 0)}%" if value >= 1 or value == 0 else f"{_number(value, lang, 1)}%"


def _join(items: Sequence[str], lang: str, word: str | None = None) -> str:
    """``A, B en C`` / ``A, B and C``; long lists end with ``en nog 4 anderen``."""
    conj = word or ("en" if lang == "nl" else "and")
    items = list(items)
    if len(items) > _MAX_NAMES:
        rest = len(items) - (_MAX_NAMES - 1)
        items = items[: _MAX_NAMES - 1] + [f"nog {rest} anderen" if lang == "nl" else f"{rest} others"]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


# -- detections to findings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    net: OrgNetwork
    relations: list[str]
    attribute: str
    names: dict[str, str]

    def name(self, person: str) -> str:
        return self.names.get(person, person)

    def breakdown(self, groups: Sequence[str], lang: str) -> str:
        """`` (advies 1, vertrouwen 0, samenwerking 1)`` for cross-group ties over several relations."""
        if len(self.relations) < 2:
            return ""
        counts = self.ties_by_relation(groups)
        parts = [f"{_relation_words(r, lang)[2]} {_number(n, lang)}" for r, n in counts.items()]
        return f" ({', '.join(parts)})"

    def ties_by_relation(self, groups: Sequence[str]) -> dict[str, int]:
        """Ties between the two groups (or between one group and the rest), per relation."""
        codes, sender, receiver, relation, count = self._cross_ties
        wanted = [codes.get(g, -1) for g in groups]
        if len(groups) == 1:
            mask = (sender == wanted[0]) | (receiver == wanted[0])
        else:
            mask = (((sender == wanted[0]) & (receiver == wanted[1]))
                    | ((sender == wanted[1]) & (receiver == wanted[0])))
        totals = np.bincount(relation[mask], weights=count[mask], minlength=len(self.relations))
        return {r: int(totals[i]) for i, r in enumerate(self.relations)}

    @cached_property
    def _cross_ties(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Ties between different groups, counted once per (sender group, receiver group, relation).

        Returns the group codes by label, then per combination the sender's and
        receiver's group codes, the relation's position in ``relations`` and the
        number of ties, so that each finding's breakdown is a few numpy masks.
        """
        labels = self.net.groups(self.attribute)
        group_code, uniques = pd.factorize(labels)
        ties = self.net.ties.loc[self.net.ties["relation"].isin(self.relations)]
        people = self.net.people
        sender = group_code[people.get_indexer(ties["source"])]
        receiver = group_code[people.get_indexer(ties["target"])]
        relation = pd.Index(self.relations).get_indexer(ties["relation"])
        cross = sender != receiver
        k, r = len(uniques), len(self.relations)
        cells, count = np.unique((sender[cross] * k + receiver[cross]) * r + relation[cross], return_counts=True)
        codes = {str(label): i for i, label in enumerate(uniques)}
        return codes, cells // r // k, cells // r % k, cells % r, count.astype(float)


def _to_finding(d: Detection, relation: str, ctx: _Context) -> Finding:
    evidence = dict(d.evidence)
    if relation == ALL_RELATIONS:
        evidence["relations"] = list(ctx.relations)
        if d.kind in ("gap", "fragile_bridge"):
            evidence["ties_by_relation"] = ctx.ties_by_relation(d.groups)
    key, values, suggestion_key = _fill(d, relation, ctx)
    text = {lang: TEMPLATES[key][lang].format(**values[lang]) for lang in LANGUAGES}
    suggestions = {lang: [s.format(**values[lang]) for s in SUGGESTIONS[suggestion_key][lang]] for lang in LANGUAGES}
    return Finding(d.kind, d.severity, relation, d.groups, d.people, evidence, text, suggestions)


def _fill(d: Detection, relation: str, ctx: _Context) -> tuple[str, dict[str, dict[str, str]], str]:
    """The template key, the values to fill in per language, and the suggestions key."""
    e = d.evidence
    key, suggestion_key = d.kind, d.kind
    values: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        rel_1, rel_n, rel_label = _relation_words(relation, lang)
        unit, units = _unit_words(ctx.attribute, lang)
        people = _join([ctx.name(p) for p in d.people], lang)
        v = {"rel_1": rel_1, "rel_n": rel_n, "rel_label": rel_label, "unit": unit, "units": units, "people": people,
             "breakdown": _breakdown(ctx, d.groups, lang, relation), "collab": _collab(e),
             "regelt": "regelt" if len(d.people) == 1 else "regelen",
             "arranges": "arranges" if len(d.people) == 1 else "arrange"}
        count = e.get("ties")
        if d.kind == "silo":
            count = e["internal_ties"] + e["external_ties"]
        v["rel_t"] = rel_1 if count == 1 else rel_n
        v["rel_i"] = rel_1 if e.get("internal_ties") == 1 else rel_n
        if d.groups:
            v["a"] = v["group"] = d.groups[0]
            v["b"] = d.groups[1] if len(d.groups) > 1 else _REST[lang]
        if d.kind == "silo":
            v.update(ties=_number(e["internal_ties"] + e["external_ties"], lang),
                     internal_pct=_percent(e["internal_share"], lang), ei=_signed(e["ei_index"], lang),
                     expected_ei=_signed(e["expected_ei"], lang))
        elif d.kind == "gap":
            key = _gap_key(e)
            v.update(ties=_number(e["ties"], lang), expected=_number(e["expected"], lang, 0),
                     ratio_pct=_percent(e["ratio_random"], lang), one_way="")
            if e.get("one_way"):
                v.update(source=e["one_way"][0], target=e["one_way"][1])
                fragment = "gap.one_way_one" if e["ties"] == 1 else "gap.one_way"
                v["one_way"] = TEMPLATES[fragment][lang].format(**v)
        elif d.kind == "fragile_bridge":
            variant = "rest" if e.get("scope") == "rest" else ("declared" if e.get("declared") else "pair")
            key = f"fragile_bridge.{variant}_{'all' if e['share'] >= 1 else 'part'}"
            expected = e.get("expected")
            v.update(ties=_number(e["ties"], lang), covered=_number(e["covered"], lang),
                     share=_percent(e["share"], lang), expected=_number(expected, lang, 0), expected_clause="")
            if variant == "declared" and expected and e["ties"] < expected:
                v["expected_clause"] = TEMPLATES["fragile_bridge.expected"][lang].format(**v)
        elif d.kind == "one_sided_trust":
            key = "one_sided_trust.role" if e.get("scope") == "role" else "one_sided_trust.group"
            if e.get("scope") == "role":
                word = "of" if lang == "nl" else "or"
                v.update(a=_CLASS_WORDS[e["from_class"]][lang], b=_CLASS_WORDS[e["to_class"]][lang],
                         from_roles=_join(e["from_roles"], lang, word), to_roles=_join(e["to_roles"], lang, word))
            v.update(ties=_number(e["ties"], lang), returned=_number(e["returned"], lang),
                     share=_percent(e["share_returned"], lang),
                     share_else=_percent(e["share_returned_elsewhere"], lang))
        elif d.kind == "isolated":
            if e.get("scope") == "team":
                key = suggestion_key = "isolated.team"
                v.update(team=e["team"], size=_number(e["size"], lang), internal=_number(e["internal_ties"], lang))
            else:
                key = "isolated.one" if len(d.people) == 1 else "isolated.many"
                v.update(n=_number(len(d.people), lang))
        elif d.kind == "overloaded":
            key = "overloaded.advice" if matches_any(relation, _ADVICE) else "overloaded.other"
            n_groups = int(e["n_groups"])
            v.update(person=people, n=_number(e["in_degree"], lang), n_groups=_number(n_groups, lang),
                     units=units if n_groups != 1 else unit, share=_percent(e["share"], lang),
                     mean=_number(e["mean_others"], lang, 1))
        values[lang] = v
    return key, values, suggestion_key


def _gap_key(e: Mapping[str, Any]) -> str:
    if not e.get("declared"):
        return "gap.undeclared"
    if e["ties"] == 0:
        return "gap.declared_none"
    return "gap.one_way_only" if e.get("pattern") == "one_way" else "gap.declared"


def _collab(e: Mapping[str, Any]) -> str:
    name = e.get("collaboration") or ""
    return f" ({name})" if name else ""


def _breakdown(ctx: _Context, groups: Sequence[str], lang: str, relation: str) -> str:
    return ctx.breakdown(groups, lang) if relation == ALL_RELATIONS else ""


# -- output -------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Evidence as JSON-ready Python values (numpy scalars to Python, NaN to None)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def findings_to_json(findings: Iterable[Finding]) -> str:
    """The findings as a JSON list of objects (``kind, severity, level, relation, groups, people,
    evidence, text, suggestions``), UTF-8 text, as ``ona analyze`` writes to ``findings.json``.

    >>> f = Finding("silo", 0.8, "advice", ("IT",), (), {"ei_index": -0.8}, {"nl": "x", "en": "y"},
    ...             {"nl": ["a"], "en": ["b"]})
    >>> json.loads(findings_to_json([f]))[0]["level"]
    'high'
    """
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2, allow_nan=False) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~=])")
_MD_LEADING = re.compile(r"^([#+\-@]|\d+[.)])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def _md(text: object) -> str:
    r"""Escape text for Markdown: no markup, links, HTML, entities or line breaks survive.

    ``<`` and ``>`` become HTML entities and a ``&`` that would start an
    entity becomes ``&amp;``; the characters that make emphasis, code, links,
    tables, strikethrough and formulas (``\ ` * _ [ ] | ~ =``) get a
    backslash, and so does a leading ``#``, ``+``, ``-``, ``@`` or ``1.``
    (headings, list items, formula starts). Line breaks become spaces.
    Parentheses and other punctuation stay readable: without ``[`` no link
    can form.

    >>> print(_md("<img src=x onerror=alert(1)>"))
    &lt;img src\=x onerror\=alert(1)&gt;
    >>> print(_md('=HYPERLINK("http://x")'))
    \=HYPERLINK("http://x")
    >>> print(_md("[klik](javascript:alert(1)) **vet**"))
    \[klik\](javascript:alert(1)) \*\*vet\*\*
    """
    value = " ".join(str(text).split())
    value = _ENTITY.sub("&amp;", value)
    value = _MD_SPECIAL.sub(r"\\\1", value)
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LEADING.sub(lambda m: "\\" + m.group(1) if not m.group(1)[0].isdigit()
                           else m.group(1)[:-1] + "\\" + m.group(1)[-1], value)


#: Labels of the evidence keys in the Markdown output.
EVIDENCE_LABELS: dict[str, dict[str, str]] = {
    # the collaboration scan's evidence (ona.findings.collaboration); texts in ona.i18n.texts.kit
    **{key.removeprefix("finding.kit.evidence."): texts for key, texts in STRINGS.items()
       if key.startswith("finding.kit.evidence.")},
    "ei_index": {"nl": "E-I-index", "en": "E-I index"},
    "expected_ei": {"nl": "E-I bij willekeurige indeling", "en": "E-I under random division"},
    "p_value": {"nl": "p-waarde", "en": "p-value"},
    "n_permutations": {"nl": "permutaties", "en": "permutations"},
    "internal_ties": {"nl": "relaties binnen", "en": "ties inside"},
    "external_ties": {"nl": "relaties naar buiten", "en": "ties outside"},
    "internal_share": {"nl": "aandeel binnen", "en": "share inside"},
    "size": {"nl": "omvang", "en": "size"},
    "community_overlap": {"nl": "overlap met informele groep (Jaccard)", "en": "overlap with community (Jaccard)"},
    "community_size": {"nl": "omvang informele groep", "en": "community size"},
    "groups_reached": {"nl": "groepen bereikt", "en": "groups reached"},
    "declared": {"nl": "opgegeven samenwerking", "en": "declared collaboration"},
    "pattern": {"nl": "patroon", "en": "pattern"},
    "collaboration": {"nl": "samenwerking", "en": "collaboration"},
    "ties": {"nl": "relaties", "en": "ties"},
    "ties_ab": {"nl": "relaties eerste → tweede", "en": "ties first → second"},
    "ties_ba": {"nl": "relaties tweede → eerste", "en": "ties second → first"},
    "expected_random": {"nl": "verwacht bij willekeurige menging", "en": "expected under random mixing"},
    "typical_rate": {"nl": "gebruikelijk deel daarvan in deze organisatie", "en": "typical share of it here"},
    "expected": {"nl": "verwacht", "en": "expected"},
    "ratio": {"nl": "verhouding waargenomen/verwacht", "en": "ratio observed/expected"},
    "ratio_random": {"nl": "verhouding tot willekeurige menging", "en": "ratio to random mixing"},
    "one_way": {"nl": "één richting", "en": "one way"},
    "note": {"nl": "opmerking", "en": "note"},
    "scope": {"nl": "reikwijdte", "en": "scope"},
    "covered": {"nl": "via de brug", "en": "through the bridge"},
    "share": {"nl": "aandeel", "en": "share"},
    "ties_per_person": {"nl": "relaties per persoon", "en": "ties per person"},
    "partners": {"nl": "contacten aan de andere kant", "en": "contacts on the other side"},
    "ties_by_relation": {"nl": "per relatie", "en": "per relation"},
    "returned": {"nl": "wederzijds", "en": "mutual"},
    "share_returned": {"nl": "aandeel wederzijds", "en": "share mutual"},
    "share_returned_elsewhere": {"nl": "aandeel wederzijds elders", "en": "share mutual elsewhere"},
    "from_class": {"nl": "van", "en": "from"},
    "to_class": {"nl": "naar", "en": "to"},
    "from_roles": {"nl": "rollen van", "en": "roles from"},
    "to_roles": {"nl": "rollen naar", "en": "roles to"},
    "isolated": {"nl": "geïsoleerd", "en": "isolated"},
    "respondents": {"nl": "respondenten", "en": "respondents"},
    "team": {"nl": "team", "en": "team"},
    "in_degree": {"nl": "keer genoemd", "en": "named by"},
    "threshold": {"nl": "drempel", "en": "threshold"},
    "mean_others": {"nl": "gemiddelde anderen", "en": "mean of others"},
    "sd_others": {"nl": "standaardafwijking anderen", "en": "sd of others"},
    "from_groups": {"nl": "genoemd vanuit", "en": "named from"},
    "n_groups": {"nl": "aantal groepen", "en": "number of groups"},
    "outside_bridge_people": {"nl": "mensen die de contacten naar buiten dragen",
                              "en": "people carrying the outside ties"},
    "outside_bridge_share": {"nl": "aandeel van die contacten", "en": "their share of those ties"},
    "typical_external_share": {"nl": "gebruikelijk aandeel naar buiten", "en": "typical share outside"},
    "mean_degree": {"nl": "gemiddeld aantal relaties", "en": "mean number of ties"},
}
_EVIDENCE_VALUES = {
    "pair": {"nl": "paar", "en": "pair"},
    "rest": {"nl": "groep en rest", "en": "group and rest"},
    "group": {"nl": "groepen", "en": "groups"},
    "role": {"nl": "rollen", "en": "roles"},
    "people": {"nl": "mensen", "en": "people"},
    "staff": {"nl": "medewerkers", "en": "staff"},
    "managers": {"nl": "leidinggevenden", "en": "managers"},
    "no declared expectation": {"nl": "geen opgegeven samenwerking", "en": "no declared expectation"},
    "few_ties": {"nl": "weinig relaties", "en": "few ties"},
    "one_way": {"nl": "één richting", "en": "one way"},
    "weak_pair": {"nl": "zwak verbonden paar", "en": "weakly connected pair"},
}
_PERSON_KEYED = ("ties_per_person", "partners")
_TRANSLATED_VALUES = ("scope", "note", "from_class", "to_class", "pattern")

_MD_WORDS = {
    "title": {"nl": "Bevindingen", "en": "Findings"},
    "intro": {"nl": "{n} bevindingen, de ernstigste eerst. Ernst loopt van 0 tot 1; vanaf 0,6 is die hoog.",
              "en": "{n} findings, the most serious first. Severity runs from 0 to 1; from 0.6 it is high."},
    "intro_one": {"nl": "1 bevinding. Ernst loopt van 0 tot 1; vanaf 0,6 is die hoog.",
                  "en": "1 finding. Severity runs from 0 to 1; from 0.6 it is high."},
    "none": {"nl": "Geen opvallende patronen gevonden.", "en": "No notable patterns found."},
    "severity": {"nl": "ernst", "en": "severity"},
    "suggestions": {"nl": "Suggesties (ter overweging)", "en": "Suggestions (to consider)"},
    "evidence": {"nl": "Onderbouwing", "en": "Evidence"},
    "relation": {"nl": "relatie", "en": "relation"},
    "groups": {"nl": "groepen", "en": "groups"},
    "people": {"nl": "mensen", "en": "people"},
    "high": {"nl": "hoog", "en": "high"},
    "medium": {"nl": "middel", "en": "medium"},
    "low": {"nl": "laag", "en": "low"},
}


def findings_to_markdown(
    findings: Iterable[Finding],
    lang: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = "",
) -> str:
    """The findings as a readable Markdown document in Dutch (``"nl"``) or English (``"en"``).

    Each finding gets a heading with its kind and severity, its sentence, the
    suggestions (marked as such) and a line of evidence. All text that comes
    from user files (names, group names, relation names) is escaped, so a
    name such as ``<img src=x onerror=alert(1)>`` or ``=HYPERLINK(...)`` shows
    as text and never becomes HTML, a link or a formula.

    Parameters
    ----------
    findings : iterable of Finding
    lang : {"nl", "en"}, optional (default="nl")
    names : mapping, optional
        Person id -> name for the list of people involved (e.g.
        :func:`person_labels`); without it, ids are shown.
    title : str or None, optional
        A level-1 heading; ``""`` (default) gives "Bevindingen"/"Findings",
        None leaves it out.

    Raises
    ------
    OnaError
        If `lang` is not ``"nl"`` or ``"en"``.

    Examples
    --------
    >>> f = Finding("silo", 0.8, "advice", ("R&D",), (), {"ei_index": -0.8},
    ...             {"nl": "R&D werkt vooral op zichzelf.", "en": "R&D mostly keeps to itself."},
    ...             {"nl": ["Plan een overleg."], "en": ["Schedule a meeting."]})
    >>> print(findings_to_markdown([f], "en"))
    # Findings
    <BLANKLINE>
    1 finding. Severity runs from 0 to 1; from 0.6 it is high.
    <BLANKLINE>
    ## 1. Silo: R&D (high, 0.80)
    <BLANKLINE>
    R&D mostly keeps to itself.
    <BLANKLINE>
    **Suggestions (to consider)**
    <BLANKLINE>
    - Schedule a meeting.
    <BLANKLINE>
    *Evidence:* relation: advice · groups: R&D · E-I index: −0.8
    <BLANKLINE>
    """
    _check_language(lang)
    items = list(findings)
    words = {k: v[lang] for k, v in _MD_WORDS.items()}
    lines: list[str] = []
    if title is not None:
        lines += [f"# {_md(title) if title else words['title']}", ""]
    if not items:
        return "\n".join(lines + [words["none"], ""])
    lines += [words["intro_one"] if len(items) == 1 else words["intro"].format(n=len(items)), ""]
    for i, f in enumerate(items, start=1):
        about = ": " + " – ".join(_md(g) for g in f.groups) if f.groups else ""
        kind = KIND_TITLES.get(f.kind, {}).get(lang, f.kind)
        severity = f"{f.severity:.2f}".replace(".", "," if lang == "nl" else ".")
        lines += [f"## {i}. {_md(kind)}{about} ({words[f.level]}, {severity})", ""]
        lines += [_md(f.text.get(lang, "")), ""]
        suggestions = f.suggestions.get(lang) or []
        if suggestions:
            lines += [f"**{words['suggestions']}**", ""] + [f"- {_md(s)}" for s in suggestions] + [""]
        lines += [f"*{words['evidence']}:* " + _evidence_line(f, lang, words, names), ""]
    return "\n".join(lines)


def _evidence_line(f: Finding, lang: str, words: Mapping[str, str], names: Mapping[str, str] | None) -> str:
    relation = _relation_words(f.relation, lang)[2] if f.relation == ALL_RELATIONS else f.relation
    parts = [f"{words['relation']}: {_md(relation)}"]
    if f.groups:
        parts.append(f"{words['groups']}: " + ", ".join(_md(g) for g in f.groups))
    if f.people:
        shown = [f"{names[p]} ({p})" if names and p in names and names[p] != p else p for p in f.people]
        parts.append(f"{words['people']}: " + ", ".join(_md(s) for s in shown))
    for key, value in f.evidence.items():
        if key in ("relations",) or value is None or value == "":
            continue
        if key in _PERSON_KEYED and isinstance(value, Mapping) and names:
            value = {names.get(p, p): n for p, n in value.items()}
        if key == "ties_by_relation" and isinstance(value, Mapping):
            value = {_relation_words(r, lang)[2]: n for r, n in value.items()}
        label = EVIDENCE_LABELS.get(key, {}).get(lang) or key.replace("_", " ")
        if key in _TRANSLATED_VALUES and value in _EVIDENCE_VALUES:
            shown = _EVIDENCE_VALUES[value][lang]
        else:
            shown = _evidence_value(value, lang)
        parts.append(f"{_md(label)}: {shown}")
    return " · ".join(parts)


def _evidence_value(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return ("ja" if value else "nee") if lang == "nl" else ("yes" if value else "no")
    if isinstance(value, (int, float)):
        return _short(value, lang)
    if isinstance(value, Mapping):
        return ", ".join(f"{_md(k)} {_evidence_value(v, lang)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return " → ".join(_md(v) for v in value) if len(value) == 2 else ", ".join(_md(v) for v in value)
    return _md(value)


def _short(x: float, lang: str) -> str:
    """A number with at most 3 decimals (4 below 0.01), without trailing zeros."""
    value = float(x)
    if not math.isfinite(value):
        return "?"
    digits = 4 if 0 < abs(value) < 0.01 else 3
    text = f"{abs(value):.{digits}f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{abs(value):.0f}"
    if lang == "nl":
        text = text.replace(".", ",")
    return ("\u2212" if value < 0 else "") + text


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise OnaError(f"Unknown language {lang!r} for findings; use 'nl' (Dutch) or 'en' (English).")


def write_findings(
    findings: Iterable[Finding],
    directory: str | Path,
    lang: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write ``findings.json`` and ``findings.md`` (in `lang`) into `directory`, creating it if needed.

    Parameters
    ----------
    findings : iterable of Finding
    directory : str or Path
    lang : {"nl", "en"}, optional (default="nl")
    names : mapping, optional
        Person id -> name for the Markdown (see :func:`findings_to_markdown`).

    Returns
    -------
    list of Path
        The two files written: ``[findings.json, findings.md]``.

    Raises
    ------
    OnaError
        If `lang` is not ``"nl"`` or ``"en"``, or the folder cannot be written.
    """
    _check_language(lang)
    items = list(findings)
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        json_path, md_path = folder / "findings.json", folder / "findings.md"
        json_path.write_text(findings_to_json(items), encoding="utf-8")
        md_path.write_text(findings_to_markdown(items, lang, names=names), encoding="utf-8")
    except OSError as exc:
        raise OnaError(f"Cannot write the findings to {folder}: {exc.strerror or exc}. "
                       "Choose a folder you can write to.") from exc
    return [json_path, md_path]
