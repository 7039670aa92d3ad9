"""The collaboration view and the joint process analysis sheet, as data: plain tables and texts per declared
collaboration and per pair of groups, for the app, the report and anything else that shows them.

:func:`collaboration_cards` gives one :class:`CollaborationCard` per declared
collaboration: the five conditions per member group (keyed by group, so that
a manager view can withhold small groups), the network evidence per member
pair (:func:`~ona.measures.collaboration.pair_evidence`), and the findings
about it — its conditions findings, the gap or bridge findings of its
pairs, and the perception findings about its groups — each with its
suggestions from practice. :func:`card_lines` words a card's evidence.

:func:`process_sheet` gives the :class:`ProcessSheet` for a working session of
two groups: who carries their hand-offs (people named only when a mapping of
display names is given), their ties per relation against random mixing, how
each side scores the five conditions, and the questions to discuss.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd

from ona.findings import Finding
from ona.findings.collaboration import collaboration_findings
from ona.i18n import count, number, percent, relation_label, t
from ona.io.expected import ExpectedLike
from ona.io.kit.conditions import condition_label
from ona.measures.collaboration import PairEvidence, pair_evidence
from ona.measures.conditions import ALL_GROUPS, ConditionsScan, conditions_scan
from ona.measures.perception import Perception, perception_accuracy
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "CollaborationCard",
    "ProcessSheet",
    "card_lines",
    "collaboration_cards",
    "collaboration_groups",
    "process_sheet",
]


@dataclass(frozen=True)
class CollaborationCard:
    """One declared collaboration: its conditions, its network evidence and its findings.

    Attributes
    ----------
    name : str
    groups : tuple of str
        The declared member groups.
    scores : pandas.DataFrame
        Mean per group (rows: member groups, other groups that answered, then
        ``(all)``) and condition (columns, in the model's order); empty
        without answers.
    answers : pandas.DataFrame
        The number of answers behind each mean, same shape.
    best, weakest : str or None
        The strongest and weakest condition (pooled over all groups).
    pairs : list of PairEvidence
        One per pair of member groups.
    findings : list of Finding
    """

    name: str
    groups: tuple[str, ...]
    scores: pd.DataFrame
    answers: pd.DataFrame
    best: str | None
    weakest: str | None
    pairs: list[PairEvidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@old_grouping_names
def collaboration_cards(
    net: OrgNetwork,
    expected: ExpectedLike | None = None,
    *,
    grouping: str = "department",
    findings: Sequence[Finding] = (),
    scan: ConditionsScan | None = None,
    perception: Perception | None = None,
) -> list[CollaborationCard]:
    """One card per declared collaboration (see the module docstring).

    Parameters
    ----------
    net : OrgNetwork
    expected : DataFrame or iterable of pairs, optional
        The declared collaborations. Collaborations the survey kit asked about
        (``net.conditions``) that are not declared get a card too, with the
        groups that answered as members.
    findings : sequence of Finding, optional
        The network findings (:func:`ona.find_findings`) to sort onto the
        cards; the collaboration scan's own findings are added.

    Examples
    --------
    >>> from ona import samples
    >>> from ona.io.expected import read_expected
    >>> net = samples.load("municipality")
    >>> cards = collaboration_cards(net, read_expected(samples.expected_collaborations_path("municipality"), net))
    >>> [(c.name, c.weakest) for c in cards][:2]
    [('Omgevingswet', 'process'), ('Sociaal loket', 'organisation')]
    """
    scan = scan if scan is not None else conditions_scan(net, expected, grouping=grouping)
    if perception is None and net.perceived_ties is not None and len(net.perceived_ties):
        perception = perception_accuracy(net, grouping=grouping)
    # the declared collaborations, and those the survey asked about with the groups that answered
    members = collaboration_groups(net, expected, grouping=grouping) if expected is not None and len(
        expected) else {}
    members.update({name: groups for name, groups in scan.collaborations.items() if name not in members})
    if not members:
        return []
    evidence = {name: [pair_evidence(net, a, b, grouping=grouping) for a, b in combinations(groups, 2)]
                for name, groups in members.items()}
    own = collaboration_findings(net, expected, grouping=grouping, scan=scan, perception=perception)
    given = {(f.kind, f.groups, f.text.get("en")) for f in findings}
    everything = [*findings, *(f for f in own if (f.kind, f.groups, f.text.get("en")) not in given)]
    cards = []
    summary = scan.summary.set_index("collaboration") if len(scan.summary) else None
    for name, groups in members.items():
        scores = scan.for_collaboration(name) if not scan.empty else pd.DataFrame()
        answers = _answers(scan, name, scores)
        best = weakest = None
        if summary is not None and name in summary.index:
            best, weakest = summary.at[name, "best"], summary.at[name, "weakest"]
        mine = [f for f in everything if _about(f, name, groups)]
        cards.append(CollaborationCard(name, groups, scores, answers, best, weakest, evidence[name],
                                       sorted(mine, key=lambda f: -f.severity)))
    return cards


@old_grouping_names
def collaboration_groups(net: OrgNetwork, expected: ExpectedLike, *, grouping: str = "department") -> dict[
        str, tuple[str, ...]]:
    """Collaboration -> its declared member groups, from any form of expectation."""
    from ona.io.expected import expected_frame, read_expected
    from ona.io.kit.questionnaire import collaboration_members

    if isinstance(expected, pd.DataFrame) and {"collaboration", "group"} <= set(expected.columns) and\
            "group_a" not in expected.columns:
        frame = read_expected(expected, net, grouping=grouping)
    else:
        frame = expected_frame(expected, net, grouping=grouping)
    if "source" in frame.columns:  # pairs the survey suggests (who depends on whom) are not declared collaborations
        frame = frame.loc[frame["source"].astype(str) != "survey"]
    return collaboration_members(frame)


def _answers(scan: ConditionsScan, name: str, scores: pd.DataFrame) -> pd.DataFrame:
    if scan.empty or not len(scores):
        return pd.DataFrame()
    part = scan.scores.loc[scan.scores["collaboration"] == name]
    table = part.pivot(index="group", columns="condition", values="n")
    return table.reindex(index=scores.index, columns=scores.columns)


def _about(finding: Finding, name: str, groups: tuple[str, ...]) -> bool:
    collaboration = finding.evidence.get("collaboration") if isinstance(finding.evidence, Mapping) else None
    if finding.kind.startswith("condition_"):
        return collaboration == name
    if finding.kind in ("unrecognised_trust", "overestimated_trust"):
        return bool(set(finding.groups) & set(groups))
    return len(finding.groups) >= 2 and set(finding.groups) <= set(groups)


def card_lines(card: CollaborationCard, lang: str = "nl") -> list[str]:
    """The card's evidence in sentences: best and weakest condition, ties per relation, trust returned and seen."""
    lines = []
    if card.best and card.weakest and len(card.scores):
        pooled = card.scores.loc[ALL_GROUPS] if ALL_GROUPS in card.scores.index else card.scores.mean()
        lines.append(t("collab.best_weakest", lang, best=condition_label(card.best, lang),
                       best_score=number(pooled[card.best], lang, 1), weakest=condition_label(card.weakest, lang),
                       weakest_score=number(pooled[card.weakest], lang, 1)))
    for pair in card.pairs:
        for row in pair.ties.itertuples(index=False):
            if not row.expected:
                continue
            lines.append(f"{pair.a} – {pair.b}: " + t(
                "collab.ties.row", lang, relation=relation_label(row.relation, lang),
                observed=count(int(row.observed), "tie", lang), ratio=percent(row.ratio, lang),
                expected=number(row.expected, lang)))
        if not math.isnan(pair.trust_reciprocity):
            lines.append(f"{pair.a} – {pair.b}: " + t("collab.reciprocity", lang,
                                                       share=percent(pair.trust_reciprocity, lang)))
        for row in pair.perceived_trust.itertuples(index=False):
            if row.perceived or row.actual:
                lines.append(t("collab.perception", lang, group=row.group, perceived=number(row.perceived, lang),
                               actual=number(row.actual, lang)))
    return lines


@dataclass(frozen=True)
class ProcessSheet:
    """The joint process analysis sheet for two groups, in one language (see :func:`process_sheet`).

    Attributes
    ----------
    a, b : str
    lang : str
    title, intro : str
    carriers : pandas.DataFrame
        Columns person, group, ties, relations (labels in `lang`); persons as
        given by the caller's names, or empty when no names were given.
    carriers_by_group : dict
        Group -> how many people carry ties across.
    ties : pandas.DataFrame
        relation, ``a → b``, ``b → a``, expected, share of expected (headers in `lang`).
    conditions : pandas.DataFrame
        Rows: conditions (names in `lang`); columns: `a`, `b` and all groups;
        empty without answers.
    questions : list of str
        The questions for the working session.
    collaboration : str or None
        The declared collaboration the two groups share, if any.
    """

    a: str
    b: str
    lang: str
    title: str
    intro: str
    carriers: pd.DataFrame
    carriers_by_group: dict[str, int]
    ties: pd.DataFrame
    conditions: pd.DataFrame
    questions: list[str]
    collaboration: str | None = None


@old_grouping_names
def process_sheet(
    net: OrgNetwork,
    a: str,
    b: str,
    *,
    grouping: str = "department",
    expected: ExpectedLike | None = None,
    scan: ConditionsScan | None = None,
    names: Mapping[str, str] | None = None,
    lang: str = "nl",
) -> ProcessSheet:
    """The joint process analysis sheet of groups `a` and `b`.

    Parameters
    ----------
    names : mapping, optional
        Person id -> how to show them (display names for analysts,
        pseudonyms for managers). Without it, carriers are only counted per group.

    Examples
    --------
    >>> from ona import samples
    >>> from ona.findings import person_labels
    >>> net = samples.load("municipality")
    >>> sheet = process_sheet(net, "Ruimte & Wonen", "Publiekszaken", names=person_labels(net), lang="en")
    >>> sheet.title, len(sheet.carriers), sheet.carriers_by_group
    ('Joint process analysis: Ruimte & Wonen and Publiekszaken', 4, {'Ruimte & Wonen': 2, 'Publiekszaken': 2})
    """
    evidence = pair_evidence(net, a, b, grouping=grouping)
    collaboration = None
    if expected is not None:
        for name, groups in collaboration_groups(net, expected, grouping=grouping).items():
            if a in groups and b in groups:
                collaboration = name
                break
    carriers = evidence.carriers
    by_group = {g: int((carriers["group"] == g).sum()) for g in (a, b)}
    person, group_word, ties_word, relations_word = (t(f"collab.sheet.column.{c}", lang) for c in
                                                      ("person", "group", "ties", "relations"))
    if names is not None:
        shown = pd.DataFrame({
            person: [names.get(p, p) for p in carriers["person"]], group_word: carriers["group"].tolist(),
            ties_word: carriers["ties"].astype(int).tolist(),
            relations_word: [", ".join(relation_label(r, lang) for r in str(rs).split("; ") if r)
                             for rs in carriers["relations"]],
        })
    else:
        shown = pd.DataFrame(columns=[person, group_word, ties_word, relations_word])
    ties = pd.DataFrame({
        t("collab.sheet.column.relation", lang): [relation_label(r, lang) for r in evidence.ties["relation"]],
        t("collab.sheet.column.a_to_b", lang, a=a, b=b): evidence.ties["a_to_b"].astype(int).tolist(),
        t("collab.sheet.column.b_to_a", lang, a=a, b=b): evidence.ties["b_to_a"].astype(int).tolist(),
        t("collab.sheet.column.expected", lang): [number(e, lang) for e in evidence.ties["expected"]],
        t("collab.sheet.column.share", lang): [percent(r, lang) if not math.isnan(r) else ""
                                               for r in evidence.ties["ratio"]],
    })
    conditions = pd.DataFrame()
    weakest = None
    if collaboration is not None:
        scan = scan if scan is not None else conditions_scan(net, expected, grouping=grouping)
        if not scan.empty and collaboration in set(scan.scores["collaboration"]):
            table = scan.for_collaboration(collaboration)
            keep = [g for g in (a, b, ALL_GROUPS) if g in table.index]
            conditions = table.loc[keep].T
            conditions.index = [condition_label(c, lang) for c in conditions.index]
            conditions = conditions.rename(columns={ALL_GROUPS: t("conditions.all_groups", lang)})
            summary = scan.summary.set_index("collaboration")
            weakest = condition_label(summary.at[collaboration, "weakest"], lang).lower()
    questions = [t(f"collab.sheet.q{i}", lang, a=a, b=b) for i in range(1, 5)]
    if weakest:
        questions.append(t("collab.sheet.q5", lang, weakest=weakest))
    return ProcessSheet(a, b, lang, t("collab.sheet.title", lang, a=a, b=b), t("collab.sheet.intro", lang, a=a, b=b),
                        shown, by_group, ties, conditions, questions, collaboration)

