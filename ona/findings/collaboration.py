"""Findings of the collaboration scan: weak conditions, groups that see a condition differently, change between
waves, and trust that is not seen as it is — each in plain Dutch and English with suggestions from practice.

The detectors read the measures (:mod:`ona.measures.conditions`,
:mod:`ona.measures.perception`, :mod:`ona.measures.collaboration`) and return
:class:`~ona.findings.Finding` objects of five kinds (:data:`COLLABORATION_KINDS`):

``condition_weak``
    A collaboration's weakest condition scores below ``weak_below`` (3.0, the
    scale's neutral point) with at least ``min_n`` answers; the text adds the
    network evidence of the member pair with the fewest ties against random
    mixing. Severity rises from 0.3 at 3.0 to 1 at 1.6.
``condition_divergence``
    Two member groups' means differ by at least 1 point, each with at least 3
    answers (:attr:`~ona.measures.conditions.ConditionsScan.differences`).
``condition_change``
    Between two waves a condition's pooled mean moved by at least
    ``min_change`` (0.5) points, both waves with ``min_n`` answers.
``unrecognised_trust``
    A group's members do not expect at least half of the trust they receive
    (misses / actual), with at least ``min_ties`` (5) misses.
``overestimated_trust``
    A group expects at least 1.5 times the trust it receives, with at least
    ``min_ties`` ties believed in that the other side does not report.

Suggestions come from the practice of the A&O-fonds Gemeenten workshop "Beter
samenwerken" and the Common Eye model: a joint analysis of the key hand-offs,
meetings that start from the shared ambition, time, interaction and real
acquaintance to build trust, ambassadors who start small and let it spread
like an oil slick. Texts live in :mod:`ona.i18n.texts.kit`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations

import pandas as pd

from ona.findings import ALL_RELATIONS, LANGUAGES, Finding
from ona.i18n import count, number, percent, relation_label, t
from ona.io.expected import ExpectedLike
from ona.io.kit.conditions import condition_label
from ona.measures.collaboration import PairEvidence, pair_evidence
from ona.measures.conditions import ALL_GROUPS, ConditionsScan, compare_conditions, conditions_scan
from ona.measures.perception import Perception, perception_accuracy
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "COLLABORATION_KINDS",
    "collaboration_findings",
    "condition_change_findings",
    "condition_findings",
    "kind_title",
    "perception_findings",
]

#: The kinds of finding this module makes.
COLLABORATION_KINDS = ("condition_weak", "condition_divergence", "condition_change", "unrecognised_trust",
                       "overestimated_trust")


def kind_title(kind: str, lang: str = "nl") -> str:
    """The title of one of :data:`COLLABORATION_KINDS` in `lang`.

    >>> kind_title("condition_weak", "en"), kind_title("overestimated_trust", "nl")
    ('Weak condition', 'Overschat vertrouwen')
    """
    return t(f"finding.kit.title.{kind}", lang)


def _one(value: float, lang: str) -> str:
    return number(value, lang, 1)


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('kit.and', lang)} " + items[-1]


def _texts(key: str, values: dict[str, dict[str, object]]) -> dict[str, str]:
    return {lang: t(key, lang, **values[lang]) for lang in LANGUAGES}


def _suggestions(keys: list[str], values: dict[str, dict[str, object]]) -> dict[str, list[str]]:
    return {lang: [t(k, lang, **values[lang]) for k in keys] for lang in LANGUAGES}


@old_grouping_names
def condition_findings(
    scan: ConditionsScan,
    net: OrgNetwork | None = None,
    *,
    grouping: str = "department",
    min_n: int = 5,
    weak_below: float = 3.0,
    evidence: dict[str, list[PairEvidence]] | None = None,
) -> list[Finding]:
    """Weak conditions and member groups that see a condition differently (see the module docstring).

    Parameters
    ----------
    scan : ConditionsScan
    net : OrgNetwork, optional
        For the network evidence in the text (ties between the member groups).
    evidence : dict, optional
        Collaboration -> its pairs' :class:`~ona.measures.collaboration.PairEvidence`,
        when already computed.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A"] * 3 + ["B"] * 3}, index=pd.Index(list("abcdef"), name="id"))
    >>> answers = pd.DataFrame({"respondent": list("abcdef"), "collaboration": "X", "condition": "process",
    ...                         "item": "PRO1", "score": [4.0, 5.0, 4.0, 2.0, 3.0, 2.0]})
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), conditions=answers)
    >>> [f.kind for f in condition_findings(conditions_scan(net, [("A", "B", "X")]))]
    ['condition_divergence']
    """
    findings: list[Finding] = []
    for row in scan.summary.itertuples(index=False):
        if row.n < min_n or not row.weakest_mean < weak_below:
            continue
        groups = tuple(scan.collaborations.get(row.collaboration, ()))
        pairs = (evidence or {}).get(row.collaboration)
        if pairs is None and net is not None:
            pairs = [pair_evidence(net, a, b, grouping=grouping) for a, b in combinations(groups, 2)]
        network = _weakest_link(pairs or [])
        values: dict[str, dict[str, object]] = {}
        for lang in LANGUAGES:
            v: dict[str, object] = {
                "collaboration": row.collaboration, "condition": condition_label(row.weakest, lang).lower(),
                "mean": _one(row.weakest_mean, lang), "n": number(row.n, lang),
                "best": condition_label(row.best, lang).lower(), "best_mean": _one(row.best_mean, lang),
                "groups": _join(list(groups), lang), "network": "",
            }
            if network is not None:
                pair, relation, observed, expected, ratio = network
                v["network"] = t("finding.kit.network", lang, relation=relation_label(relation, lang).capitalize(),
                                 a=pair.a, b=pair.b, ratio=percent(ratio, lang), observed=count(observed, "tie", lang),
                                 expected=number(expected, lang))
            values[lang] = v
        severity = float(min(1.0, max(0.3, 0.3 + 0.5 * (weak_below - row.weakest_mean))))
        means = {c: getattr(row, f"mean_{c}") for c in ("ambition", "interests", "relationship", "organisation",
                                                        "process")}
        ev: dict[str, object] = {"collaboration": row.collaboration, "condition": row.weakest,
                                 "mean": round(float(row.weakest_mean), 3), "n": int(row.n), "best": row.best,
                                 "best_mean": round(float(row.best_mean), 3),
                                 "means": {k: (None if math.isnan(v) else round(float(v), 3)) for k, v in means.items()}}
        if network is not None:
            pair, relation, observed, expected, ratio = network
            ev.update(pair=[pair.a, pair.b], pair_relation=relation, pair_ties=observed,
                      pair_expected=round(expected, 2), pair_ratio=round(ratio, 4))
        keys = [f"finding.kit.suggest.{row.weakest}.1", f"finding.kit.suggest.{row.weakest}.2"]
        findings.append(Finding("condition_weak", round(severity, 4), ALL_RELATIONS, groups, (), ev,
                                _texts("finding.kit.condition_weak", values), _suggestions(keys, values)))
    for row in scan.differences.loc[scan.differences["notable"]].itertuples(index=False) if len(
            scan.differences) else []:
        values = {lang: {"collaboration": row.collaboration, "condition": condition_label(row.condition, lang).lower(),
                         "higher": row.higher, "lower": row.lower, "higher_mean": _one(row.higher_mean, lang),
                         "lower_mean": _one(row.lower_mean, lang),
                         "groups": _join([row.higher, row.lower], lang)} for lang in LANGUAGES}
        severity = float(min(0.8, 0.3 + 0.3 * (row.difference - 1.0) + 0.1))
        ev = {"collaboration": row.collaboration, "condition": row.condition, "higher": row.higher,
              "higher_mean": round(row.higher_mean, 3), "higher_n": int(row.higher_n), "lower": row.lower,
              "lower_mean": round(row.lower_mean, 3), "lower_n": int(row.lower_n),
              "difference": round(row.difference, 3),
              "cohens_d": None if math.isnan(row.cohens_d) else round(float(row.cohens_d), 3)}
        keys = ["finding.kit.suggest.divergence", f"finding.kit.suggest.{row.condition}.1"]
        findings.append(Finding("condition_divergence", round(severity, 4), ALL_RELATIONS, (row.lower, row.higher),
                                (), ev, _texts("finding.kit.condition_divergence", values),
                                _suggestions(keys, values)))
    return findings


def _weakest_link(pairs: list[PairEvidence]) -> tuple[PairEvidence, str, int, float, float] | None:
    """The member pair and relation with the lowest observed/expected ratio (advice first when present)."""
    best = None
    for pair in pairs:
        for row in pair.ties.itertuples(index=False):
            if not row.expected or math.isnan(row.ratio):
                continue
            rank = (0 if row.relation == "advice" else 1, row.ratio)
            if best is None or rank < best[0]:
                best = (rank, (pair, row.relation, int(row.observed), float(row.expected), float(row.ratio)))
    return best[1] if best else None


def condition_change_findings(
    before: ConditionsScan,
    after: ConditionsScan,
    *,
    waves: tuple[str, str] = ("1", "2"),
    min_change: float = 0.5,
    min_n: int = 5,
) -> list[Finding]:
    """Conditions whose pooled mean moved by at least `min_change` points between two waves.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A"] * 5}, index=pd.Index(list("abcde"), name="id"))
    >>> def scan(score):
    ...     answers = pd.DataFrame({"respondent": list("abcde"), "collaboration": "X", "condition": "process",
    ...                             "item": "PRO1", "score": score})
    ...     return conditions_scan(OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), conditions=answers))
    >>> [f.text["en"] for f in condition_change_findings(scan(2.0), scan(3.0), waves=("2025", "2026"))]
    ['X: process improved from 2.0 to 3.0 of 5 (wave 2025 to 2026).']
    """
    change = compare_conditions(before, after)
    change = change.loc[(change["group"] == ALL_GROUPS) & (change["change"].abs() >= min_change)
                        & (change["n_before"] >= min_n) & (change["n_after"] >= min_n)]
    findings = []
    for row in change.itertuples(index=False):
        up = row.change > 0
        groups = tuple(after.collaborations.get(row.collaboration, before.collaborations.get(row.collaboration, ())))
        values = {lang: {"collaboration": row.collaboration, "condition": condition_label(row.condition, lang).lower(),
                         "before": _one(row.mean_before, lang), "after": _one(row.mean_after, lang),
                         "wave_before": waves[0], "wave_after": waves[1]} for lang in LANGUAGES}
        severity = 0.3 if up else float(min(1.0, 0.3 + 0.4 * abs(row.change)))
        ev = {"collaboration": row.collaboration, "condition": row.condition, "direction": "up" if up else "down",
              "mean_before": round(row.mean_before, 3), "mean_after": round(row.mean_after, 3),
              "change_points": round(row.change, 3), "n_before": int(row.n_before), "n_after": int(row.n_after),
              "waves": list(waves)}
        key = "finding.kit.condition_change." + ("up" if up else "down")
        findings.append(Finding("condition_change", round(severity, 4), ALL_RELATIONS, groups, (), ev,
                                _texts(key, values),
                                _suggestions(["finding.kit.suggest.change_" + ("up" if up else "down")], values)))
    return findings


def perception_findings(
    perception: Perception,
    *,
    relation: str = "trust",
    min_ties: int = 5,
    unrecognised_share: float = 0.5,
    overestimate_ratio: float = 1.5,
) -> list[Finding]:
    """Trust a group does not know it receives, and trust a group believes it has but does not.

    Examples
    --------
    >>> groups = pd.DataFrame({"group": ["A", "B"], "relation": "trust", "perceivers": [10, 10], "actual": [40, 20],
    ...                        "perceived": [12, 45], "hits": [10, 15], "misses": [30, 5], "false_alarms": [2, 30],
    ...                        "ratio": [0.3, 2.25], "unrecognised_share": [0.75, 0.25],
    ...                        "overestimate_share": [0.17, 0.67]})
    >>> [(f.kind, f.groups) for f in perception_findings(Perception(pd.DataFrame(), groups))]
    [('unrecognised_trust', ('A',)), ('overestimated_trust', ('B',))]
    """
    findings = []
    table = perception.groups
    part = table.loc[table["relation"] == relation] if len(table) else table
    for row in part.itertuples(index=False):
        values = {lang: {"group": row.group, "actual": number(row.actual, lang), "misses": number(row.misses, lang),
                         "perceived": number(row.perceived, lang), "hits": number(row.hits, lang),
                         "share": percent(row.unrecognised_share, lang) if row.actual else ""} for lang in LANGUAGES}
        ev = {"perceivers": int(row.perceivers), "actual": int(row.actual),
              "perceived": int(row.perceived), "hits": int(row.hits), "misses": int(row.misses),
              "false_alarms": int(row.false_alarms),
              "perceived_ratio": None if pd.isna(row.ratio) else round(float(row.ratio), 3),
              "unrecognised_share": None if pd.isna(row.unrecognised_share) else round(float(row.unrecognised_share), 3)}
        if row.actual and row.misses >= min_ties and row.unrecognised_share >= unrecognised_share:
            severity = float(min(0.8, 0.3 + 0.8 * (row.unrecognised_share - unrecognised_share)))
            findings.append(Finding("unrecognised_trust", round(severity, 4), relation, (row.group,), (), ev,
                                    _texts("finding.kit.unrecognised_trust", values),
                                    _suggestions(["finding.kit.suggest.unrecognised.1",
                                                  "finding.kit.suggest.unrecognised.2"], values)))
        if row.actual and row.false_alarms >= min_ties and row.ratio >= overestimate_ratio:
            severity = float(min(0.9, 0.3 + 0.3 * (row.ratio - overestimate_ratio)))
            findings.append(Finding("overestimated_trust", round(severity, 4), relation, (row.group,), (), ev,
                                    _texts("finding.kit.overestimated_trust", values),
                                    _suggestions(["finding.kit.suggest.overestimated.1",
                                                  "finding.kit.suggest.overestimated.2"], values)))
    return findings


@old_grouping_names
def collaboration_findings(
    net: OrgNetwork,
    expected: ExpectedLike | None = None,
    *,
    grouping: str = "department",
    scan: ConditionsScan | None = None,
    perception: Perception | None = None,
    relations: Iterable[str] = ("trust",),
) -> list[Finding]:
    """Every finding of the collaboration scan on one wave, most severe first.

    Empty when the network has neither conditions answers nor perceived ties.
    """
    findings: list[Finding] = []
    if scan is None and net.conditions is not None and len(net.conditions):
        scan = conditions_scan(net, expected, grouping=grouping)
    if scan is not None and not scan.empty:
        findings += condition_findings(scan, net, grouping=grouping)
    if perception is None and net.perceived_ties is not None and len(net.perceived_ties):
        perception = perception_accuracy(net, grouping=grouping)
    if perception is not None and not perception.empty:
        for relation in relations:
            findings += perception_findings(perception, relation=relation)
    if findings:  # how certain each is: from the survey's response of the groups it is about, as for every finding
        from ona.findings.confidence import Responses, assess
        from ona.findings.detectors import Detection

        responses = Responses.of(net, grouping=grouping)
        findings = [f if f.confidence is not None else
                    replace(f, confidence=assess(Detection(f.kind, f.severity, tuple(f.groups), (), {}), {}, responses))
                    for f in findings]
    order = {kind: i for i, kind in enumerate(COLLABORATION_KINDS)}
    return sorted(findings, key=lambda f: (-f.severity, order[f.kind], f.groups))
