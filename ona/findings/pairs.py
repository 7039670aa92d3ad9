r"""Who works side by side? Every pair of groups, its observed and expected ties, and its status.

For every pair of groups the ties between them (all analysed relations
together, as the findings count them) are set against what the organisation's
typical cross-group rate predicts for two groups of their size and activity
(:func:`ona.findings.detectors.find_gaps`): :math:`\rho = t / \mu`. Each pair
gets a status:

=============  =========================================================================
``gap``        fewer than half the expected ties, and not by chance (:math:`\rho < 0.5`,
               :math:`P(X \le t) < 0.1` for :math:`X \sim \mathrm{Poisson}(\mu)`): the
               groups work side by side, the test of a declared gap
``thin``       not a gap, but fewer ties than a typical pair (:math:`\rho < 1`)
``healthy``    at least as many ties as a typical pair of this size and activity
``unknown``    a group too small to judge (fewer than ``min_group_size`` people,
               no respondent or no tie), or nothing to compare with
=============  =========================================================================

Declared pairs (the collaborations that should work together) come first;
their status is what the Departments page colours. :func:`perception_mismatches`
sets the perceived collaboration that respondents report for each pair of
groups (:func:`ona.io.survey.perceived.perceived_collaboration`) beside the
ties, and :func:`perception_findings` tells the pairs where the two disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import special  # the Poisson tail; scipy.stats takes 0.5 s to import (start-up of `ona analyze`)

from ona.exceptions import UnknownRelationError
from ona.findings.detectors import DeclaredPairs, Detection, Thresholds, declared_pairs, pair_volumes
from ona.findings.prepare import declared_frame, group_level_arrays
from ona.findings.finding import ALL_RELATIONS, LANGUAGES, Finding
from ona.findings.confidence import Responses, assess
from ona.findings.text import relation_words, suggestion_keys, ties_phrase, unit_words
from ona.i18n import number, t
from ona.io.expected import ExpectedLike
from ona.measures.engines import GroupCodes, TieArrays
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "PAIR_COLUMNS",
    "PERCEIVED_OFTEN",
    "PERCEIVED_RARELY",
    "STATUSES",
    "THIN_RATIO",
    "pair_status",
    "pair_table",
    "pairs_from_volumes",
    "perceived_words",
    "perception_findings",
    "with_perception",
]

#: Statuses of a pair, from the worst: see the module docstring.
STATUSES = ("gap", "thin", "healthy", "unknown")
#: Ratio of observed to expected ties from which a pair is as connected as a typical one (``healthy``).
THIN_RATIO = 1.0
#: Columns of :func:`pair_table`.
PAIR_COLUMNS = ("group_a", "group_b", "declared", "collaboration", "ties", "ties_ab", "ties_ba", "expected",
                "ratio", "status", "finding", "carriers")


def pair_status(ties: float, expected: float | None, thresholds: Thresholds | None = None) -> str:
    """The status of one pair: ``gap``, ``thin``, ``healthy``, or ``unknown`` without an expectation.

    >>> pair_status(2, 55.0), pair_status(30, 40.0), pair_status(45, 40.0), pair_status(3, None)
    ('gap', 'thin', 'healthy', 'unknown')
    >>> pair_status(1, 3.0)  # a third of three could be chance: thin, not a gap
    'thin'
    """
    th = thresholds or Thresholds()
    if expected is None or not math.isfinite(float(expected)) or expected <= 0:
        return "unknown"
    ratio = ties / expected
    if ratio < th.gap_max_ratio and float(special.pdtr(math.floor(ties), expected)) < 0.1:
        return "gap"
    return "thin" if ratio < THIN_RATIO else "healthy"


@old_grouping_names
def pair_table(
    net: OrgNetwork,
    *,
    relations: Iterable[str] | None = None,
    expected: ExpectedLike | None = None,
    grouping: str = "department",
    thresholds: Thresholds | None = None,
    findings: Sequence[Finding] = (),
) -> pd.DataFrame:
    """Every pair of groups with its ties, the ties expected, and whether the two work side by side.

    Parameters
    ----------
    net : OrgNetwork
    relations : iterable of str, optional
        The relations counted together (default: all with ties), as :func:`ona.findings.find_findings` does.
    expected : DataFrame or iterable of pairs, optional
        Declared collaborations (as for :func:`ona.findings.find_findings`; None uses the survey's).
    grouping : str, optional (default="department")
    thresholds : Thresholds, optional
    findings : sequence of Finding, optional
        Findings of `net`: a pair's gap or fragile-bridge finding fills ``finding`` and ``carriers``.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair of groups (:data:`PAIR_COLUMNS`): the groups (a declared pair in the
        declared order), ``declared`` and its ``collaboration``, ``ties`` (``ties_ab`` from the first to
        the second, ``ties_ba`` back), ``expected`` (the typical rate times random mixing), ``ratio``,
        ``status`` (:data:`STATUSES`), ``finding`` (the kind of finding about the pair, or ``""``) and
        ``carriers`` (the people its few ties, or its bridge, hang on). Declared pairs first, then by ratio.
        A declared pair with a group too small to judge is listed with status ``unknown``.

    Raises
    ------
    UnknownRelationError, MissingAttributeError, InputError
        As :func:`ona.findings.find_findings`.

    Examples
    --------
    >>> from ona import samples
    >>> table = pair_table(samples.load("krackhardt"), relations=["advice"], expected=[("Dept 1", "Dept 2")])
    >>> table.loc[0, ["group_a", "group_b", "status"]].tolist(), bool(table.at[0, "declared"])
    (['Dept 1', 'Dept 2', 'thin'], True)
    """
    th = thresholds or Thresholds()
    groups = GroupCodes.from_values(net.groups(grouping).tolist(), grouping)
    chosen = list(net.relations) if relations is None else list(dict.fromkeys(relations))
    for relation in chosen:
        if relation not in net.relations:
            raise UnknownRelationError(relation, net.relations)
    present = set(net.ties["relation"].unique().tolist())
    chosen = [r for r in chosen if r in present]
    declared = declared_pairs(declared_frame(net, expected, grouping)) or {}
    if chosen:
        arrays = {relation: TieArrays.from_network(net, relation) for relation in chosen}
        together, _, counted = group_level_arrays(chosen, arrays)
        volumes = pair_volumes(together, groups, th, weighted=counted)
    else:
        volumes = pd.DataFrame(columns=["group_a", "group_b", "ties_ab", "ties_ba", "ties", "expected", "ratio"])
    return pairs_from_volumes(volumes, declared, th, findings)


def pairs_from_volumes(volumes: pd.DataFrame, declared: DeclaredPairs | None, thresholds: Thresholds | None = None,
                       findings: Sequence[Finding] = ()) -> pd.DataFrame:
    """The table of :func:`pair_table` from :func:`ona.findings.detectors.pair_volumes` and the declared pairs.

    Parameters
    ----------
    volumes : pandas.DataFrame
        From :func:`ona.findings.detectors.pair_volumes`.
    declared : dict or None
        From :func:`ona.findings.detectors.declared_pairs`.
    thresholds : Thresholds, optional
    findings : sequence of Finding, optional
        A pair's gap or fragile-bridge finding fills ``finding`` and ``carriers``.
    """
    th = thresholds or Thresholds()
    declared = declared or {}
    about = {frozenset(f.groups): f for f in findings if f.kind in ("gap", "fragile_bridge") and len(f.groups) == 2}
    rows = []
    seen = set()
    for row in volumes.itertuples(index=False):
        key = frozenset((row.group_a, row.group_b))
        seen.add(key)
        a, b, ab, ba = row.group_a, row.group_b, row.ties_ab, row.ties_ba
        if key in declared and declared[key][0] != a:
            a, b, ab, ba = b, a, ba, ab
        expected_ties = None if pd.isna(row.expected) else float(row.expected)
        rows.append(_row(a, b, key, declared, float(row.ties), float(ab), float(ba), expected_ties, th, about))
    for key, (a, b, _) in declared.items():  # declared pairs with a group too small to judge: listed, unknown
        if key not in seen:
            rows.append(_row(a, b, key, declared, math.nan, math.nan, math.nan, None, th, about))
    table = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    if table.empty:
        return table
    table["_order"] = table["ratio"].fillna(math.inf)
    table = table.sort_values(["declared", "_order", "group_a", "group_b"], ascending=[False, True, True, True],
                              kind="stable").drop(columns="_order")
    return table.reset_index(drop=True)


def _row(a: str, b: str, key: frozenset[str], declared: dict, ties: float, ab: float, ba: float,
         expected: float | None, th: Thresholds, about: dict) -> dict:
    finding = about.get(key)
    carriers: list[str] = []
    if finding is not None:
        carriers = list(finding.evidence.get("carriers") or []) if finding.kind == "gap" else list(finding.people)
    ratio = ties / expected if expected else math.nan
    status = pair_status(ties, expected, th) if not math.isnan(ties) else "unknown"
    return {"group_a": a, "group_b": b, "declared": bool(key in declared),
            "collaboration": declared[key][2] if key in declared else "",
            "ties": ties, "ties_ab": ab, "ties_ba": ba, "expected": expected if expected is not None else math.nan,
            "ratio": round(ratio, 3) if math.isfinite(ratio) else math.nan, "status": status,
            "finding": finding.kind if finding is not None else "", "carriers": carriers}


# -- perceived collaboration beside the ties ------------------------------------------------------------

#: Perceived contact (0 never to 4 daily) from which two groups say they work together often: weekly on average.
PERCEIVED_OFTEN = 3.0
#: Perceived contact at or below which two groups say they rarely work together: less than monthly on average.
PERCEIVED_RARELY = 1.0


def with_perception(pairs: pd.DataFrame, perceived: pd.DataFrame) -> pd.DataFrame:
    """The pair table with the collaboration the groups perceive beside their ties, and where the two disagree.

    Parameters
    ----------
    pairs : pandas.DataFrame
        From :func:`pair_table`.
    perceived : pandas.DataFrame
        From :func:`ona.io.survey.perceived.perceived_collaboration` (``statistic="mean"``): rows the
        respondents' groups, columns the groups asked about, the mean answer from 0 (never) to 4 (daily).

    Returns
    -------
    pandas.DataFrame
        `pairs` with ``perceived_ab`` (how the first group sees its contact with the second),
        ``perceived_ba``, ``perceived`` (their mean, or the one there is) and ``disagreement``:
        ``"says_often"`` when the groups say they work together weekly or more on average
        (:data:`PERCEIVED_OFTEN`) while their ties are a gap, ``"says_rarely"`` when they say less than
        monthly (:data:`PERCEIVED_RARELY`) while their ties are healthy, else ``""``.

    Examples
    --------
    >>> pairs = pd.DataFrame({"group_a": ["HR", "HR"], "group_b": ["IT", "Fin"], "status": ["gap", "healthy"]})
    >>> seen = pd.DataFrame({"HR": [4.0, 3.0, 0.0], "IT": [3.5, 4.0, 1.0], "Fin": [1.0, 1.0, 4.0]},
    ...                     index=["HR", "IT", "Fin"])
    >>> with_perception(pairs, seen)[["perceived", "disagreement"]].values.tolist()
    [[3.25, 'says_often'], [0.5, 'says_rarely']]
    """
    out = pairs.copy()
    if perceived is None or perceived.empty or out.empty:
        for column in ("perceived_ab", "perceived_ba", "perceived"):
            out[column] = math.nan
        out["disagreement"] = ""
        return out

    def seen(a: str, b: str) -> float:
        try:
            value = perceived.at[a, b]
        except KeyError:
            return math.nan
        return float(value) if pd.notna(value) else math.nan

    out["perceived_ab"] = [seen(a, b) for a, b in zip(out["group_a"], out["group_b"])]
    out["perceived_ba"] = [seen(b, a) for a, b in zip(out["group_a"], out["group_b"])]
    out["perceived"] = out[["perceived_ab", "perceived_ba"]].mean(axis=1, skipna=True).round(2)
    often = (out["perceived"] >= PERCEIVED_OFTEN) & (out["status"] == "gap")
    rarely = (out["perceived"] <= PERCEIVED_RARELY) & (out["status"] == "healthy")
    out["disagreement"] = np.where(often, "says_often", np.where(rarely, "says_rarely", ""))
    return out


@old_grouping_names
def perception_findings(pairs: pd.DataFrame, *, grouping: str = "department",
                        responses: Responses | None = None) -> list[Finding]:
    """A finding for every pair whose perceived collaboration and ties disagree (see :func:`with_perception`).

    A pair that says it works together weekly but has a handful of ties may work through formal channels or a
    few people, or its picture may be wrong; a pair that says it rarely works together but has many ties has
    more contact than it thinks. Either is worth a conversation, not a verdict: severity stays at most 0.55
    (medium) for the first and 0.3 for the second.

    Parameters
    ----------
    pairs : pandas.DataFrame
        From :func:`with_perception`.
    grouping : str, optional (default="department")
    responses : Responses, optional
        The response per group, for each finding's confidence.
    """
    findings = []
    for row in pairs.loc[pairs["disagreement"] != ""].itertuples(index=False):
        often = row.disagreement == "says_often"
        ratio = float(row.ratio) if pd.notna(row.ratio) else 0.0
        severity = round(min(0.55, 0.55 * (1 - ratio)) if often else 0.3, 3)
        text, suggestions = {}, {}
        for lang in LANGUAGES:
            values = {"a": row.group_a, "b": row.group_b, "how": perceived_words(float(row.perceived), lang),
                      "ties": ties_phrase(float(row.ties), ALL_RELATIONS, lang),
                      "expected": number(row.expected, lang), "units": unit_words(grouping, lang)[1]}
            key = "says_often" if often else "says_rarely"
            text[lang] = t(f"finding.text.perception.{key}", lang, **values)
            suggestions[lang] = [t(k, lang, **values) for k in suggestion_keys("perception")]
        evidence = {"perceived": row.perceived, "perceived_ab": row.perceived_ab, "perceived_ba": row.perceived_ba,
                    "ties": row.ties, "expected": row.expected, "declared": bool(getattr(row, "declared", False)),
                    "collaboration": getattr(row, "collaboration", ""), "disagreement": row.disagreement}
        detection = Detection("perception", severity, (row.group_a, row.group_b), (), evidence)
        confidence = None
        if responses is not None:
            words = {lang: relation_words(ALL_RELATIONS, lang)[1] for lang in LANGUAGES}
            confidence = assess(detection, words, responses)
        findings.append(Finding("perception", severity, ALL_RELATIONS, (row.group_a, row.group_b), (), evidence,
                                text, suggestions, confidence))
    return findings


def perceived_words(value: float, lang: str) -> str:
    """The answer nearest to a mean perceived contact, in words; halfway between two, the lower one.

    >>> perceived_words(3.4, "nl"), perceived_words(3.5, "en"), perceived_words(0.2, "en")
    ('wekelijks', 'weekly', 'never')
    """
    level = int(min(4, max(0, math.floor(value + 0.5 - 1e-9))))  # halfway between two answers: the lower one
    return t(f"finding.perception.level.{level}", lang)
