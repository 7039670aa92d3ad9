r"""The conditions scan: how each declared collaboration scores on the five conditions, per member group.

The Common Eye model of collaboration asks five things of every
collaboration — a shared **ambition**, **interests** done justice, a
**relationship** of trust both ways, a logical **organisation** and a
**process** that moves it forward [1]_; the A&O-fonds Gemeenten workshop
"Beter samenwerken" asks participants "which condition scores well in your
collaboration, and which less?". The survey kit (:mod:`ona.io.kit`) asks two
or three statements per condition on a 5-point agreement scale; the answers
arrive as ``net.conditions`` (``respondent, collaboration, condition, item,
score``) from any platform's export, or from a plain CSV
(:func:`ona.io.kit.answers.read_conditions`).

A respondent's score on a condition is the mean of the statements they
answered (a summated rating scale [2]_). For a collaboration *c*, a group
*g* and a condition *k*, with :math:`x_{r}` the scores of the *n* respondents
of *g* who answered about *c*,

.. math:: \bar{x}_{cgk} = \frac{1}{n}\sum_r x_r, \qquad
          s_{cgk} = \sqrt{\frac{1}{n-1}\sum_r (x_r - \bar{x}_{cgk})^2},

and the response is *n* divided by the group's size on the roster. The row
for all groups together (:data:`ALL_GROUPS`) pools every respondent. The
**best** and **weakest** conditions of a collaboration are those with the
highest and lowest pooled mean. Two member groups see a condition
**differently** when their means differ by at least ``min_difference``
points (default 1.0 on the 5-point scale, each group with at least
``min_n`` answers); the table also gives Cohen's *d* with the pooled
standard deviation [3]_.

Which groups take part comes from the declared collaborations
(:func:`ona.read_expected`); answers from people outside them are kept in
their own group's rows, marked ``member = False``.

References
----------
.. [1] Kaats, Edwin, and Wilfrid Opheij. 2012. *Leren samenwerken tussen
   organisaties: Samenwerken is mensenwerk*. Deventer: Kluwer.
.. [2] Likert, Rensis. 1932. "A Technique for the Measurement of Attitudes."
   *Archives of Psychology* 22 (140): 1-55.
.. [3] Cohen, Jacob. 1988. *Statistical Power Analysis for the Behavioral
   Sciences*. 2nd ed. Hillsdale, NJ: Lawrence Erlbaum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ona.io.cells import neutralize_formulas
from ona.io.expected import ExpectedLike, expected_frame, read_expected
from ona.io.kit.conditions import CONDITIONS
from ona.io.kit.questionnaire import collaboration_members
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "ALL_GROUPS",
    "DIFFERENCE_COLUMNS",
    "SCORE_COLUMNS",
    "SUMMARY_COLUMNS",
    "ConditionsScan",
    "compare_conditions",
    "conditions_scan",
    "respondent_scores",
]

#: The group label of the rows that pool all respondents of a collaboration.
ALL_GROUPS = "(all)"
#: Columns of :attr:`ConditionsScan.scores` (the ``conditions.csv`` that ``ona analyze`` writes).
SCORE_COLUMNS = ("collaboration", "group", "member", "condition", "mean", "sd", "n", "members", "response")
#: Columns of :attr:`ConditionsScan.summary`.
SUMMARY_COLUMNS = ("collaboration", "groups", "n", "best", "best_mean", "weakest", "weakest_mean",
                   *(f"mean_{c}" for c in CONDITIONS))
#: Columns of :attr:`ConditionsScan.differences`.
DIFFERENCE_COLUMNS = ("collaboration", "condition", "higher", "higher_mean", "higher_n", "lower", "lower_mean",
                      "lower_n", "difference", "cohens_d", "notable")


def respondent_scores(conditions: pd.DataFrame) -> pd.DataFrame:
    """Each respondent's score per collaboration and condition: the mean of the statements they answered.

    >>> answers = pd.DataFrame({"respondent": ["a", "a", "a"], "collaboration": "X",
    ...                         "condition": ["process", "process", "ambition"], "item": ["PRO1", "PRO2", "AMB1"],
    ...                         "score": [2.0, 3.0, 5.0]})
    >>> respondent_scores(answers).values.tolist()
    [['a', 'X', 'ambition', 5.0, 1], ['a', 'X', 'process', 2.5, 2]]
    """
    columns = ["respondent", "collaboration", "condition", "score", "items"]
    if conditions is None or not len(conditions):
        return pd.DataFrame(columns=columns)
    answers = conditions.dropna(subset=["score"])
    answers = answers.drop_duplicates(["respondent", "collaboration", "item"], keep="last")
    grouped = answers.groupby(["respondent", "collaboration", "condition"], sort=True)["score"]
    out = grouped.agg(score="mean", items="count").reset_index()
    return out[columns]


@dataclass(frozen=True)
class ConditionsScan:
    """The conditions scan of every collaboration (see the module docstring for the definitions).

    Attributes
    ----------
    scores : pandas.DataFrame
        :data:`SCORE_COLUMNS`: one row per collaboration, group and condition,
        plus the :data:`ALL_GROUPS` rows; keyed by group so that a privacy
        filter can withhold small groups.
    summary : pandas.DataFrame
        :data:`SUMMARY_COLUMNS`: per collaboration the pooled mean of each
        condition and the best and weakest condition.
    differences : pandas.DataFrame
        :data:`DIFFERENCE_COLUMNS`: per collaboration and condition, the two
        member groups whose means differ most.
    items : pandas.DataFrame
        Mean, spread and count per collaboration, group and statement.
    collaborations : dict
        Collaboration -> its declared groups (answers about undeclared
        collaborations give an entry with the groups of the respondents).
    """

    scores: pd.DataFrame
    summary: pd.DataFrame
    differences: pd.DataFrame
    items: pd.DataFrame
    collaborations: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when there are no answers at all."""
        return not len(self.scores)

    def for_collaboration(self, collaboration: str) -> pd.DataFrame:
        """The scores of one collaboration as a group × condition table of means (conditions in model order).

        Rows are the member groups (then other groups, then :data:`ALL_GROUPS`).
        """
        part = self.scores.loc[self.scores["collaboration"] == collaboration]
        table = part.pivot(index="group", columns="condition", values="mean")
        table = table.reindex(columns=[c for c in CONDITIONS if c in table.columns])
        members = list(self.collaborations.get(collaboration, ()))
        order = [g for g in members if g in table.index] + sorted(
            g for g in table.index if g not in members and g != ALL_GROUPS) + (
            [ALL_GROUPS] if ALL_GROUPS in table.index else [])
        return table.reindex(order)

    def write(self, folder: str | Path) -> list[Path]:
        """Write ``conditions.csv`` (:attr:`scores`) into `folder`; returns the paths written."""
        path = Path(folder) / "conditions.csv"
        neutralize_formulas(self.scores).to_csv(path, index=False)  # collaboration and group names come from HR files
        return [path]


@old_grouping_names
def conditions_scan(
    net: OrgNetwork,
    expected: ExpectedLike | None = None,
    *,
    grouping: str = "department",
    conditions: pd.DataFrame | None = None,
    min_n: int = 3,
    min_difference: float = 1.0,
) -> ConditionsScan:
    """Score every collaboration on the five conditions, per member group.

    Parameters
    ----------
    net : OrgNetwork
        The roster (groups and their sizes) and, unless `conditions` is given,
        the answers (``net.conditions``).
    expected : DataFrame or iterable of pairs, optional
        The declared collaborations (:func:`ona.read_expected`): who the
        member groups are. Without it, every group that answered counts as a
        member.
    grouping : str, optional (default="department")
    conditions : DataFrame, optional
        Answers with the columns ``respondent, collaboration, condition,
        item, score``, instead of ``net.conditions``.
    min_n : int, optional (default=3)
        Fewest answers per group for a difference between groups to be notable.
    min_difference : float, optional (default=1.0)
        Smallest difference of means (scale points) that is notable.

    Returns
    -------
    ConditionsScan

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A", "A", "B", "B"]}, index=pd.Index(list("abcd"), name="id"))
    >>> answers = pd.DataFrame({"respondent": list("abcd"), "collaboration": "X", "condition": "process",
    ...                         "item": "PRO1", "score": [2.0, 3.0, 4.0, 5.0]})
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), conditions=answers)
    >>> scan = conditions_scan(net, [("A", "B", "X")])
    >>> scan.scores[["group", "mean", "sd", "n", "response"]].values.tolist()
    [['A', 2.5, 0.7071067811865476, 2, 1.0], ['B', 4.5, 0.7071067811865476, 2, 1.0], ['(all)', 3.5, 1.2909944487358056, 4, 1.0]]
    >>> scan.differences[["higher", "lower", "difference", "notable"]].values.tolist()
    [['B', 'A', 2.0, False]]
    """
    answers = net.conditions if conditions is None else conditions
    scores = respondent_scores(answers)
    members = _members(net, expected, grouping)
    labels = net.groups(grouping)
    sizes = labels.value_counts()
    if len(scores):
        scores = scores.assign(group=scores["respondent"].astype(str).map(labels).fillna("(unknown)"))
    for collaboration in scores["collaboration"].unique().tolist() if len(scores) else []:
        if collaboration not in members:
            members[collaboration] = tuple(sorted(scores.loc[scores["collaboration"] == collaboration, "group"]
                                                  .unique().tolist()))
    rows = []
    for (collaboration, group, condition), part in (scores.groupby(["collaboration", "group", "condition"])
                                                    if len(scores) else []):
        rows.append(_row(collaboration, group, condition, part["score"], int(sizes.get(group, 0)),
                         group in members.get(collaboration, ())))
    for (collaboration, condition), part in scores.groupby(["collaboration", "condition"]) if len(scores) else []:
        size = int(sum(sizes.get(g, 0) for g in members.get(collaboration, ())))
        rows.append(_row(collaboration, ALL_GROUPS, condition, part["score"], size, True))
    table = pd.DataFrame(rows, columns=list(SCORE_COLUMNS))
    if len(table):
        order = {c: i for i, c in enumerate(CONDITIONS)}
        table = table.assign(
            _c=table["collaboration"].map(list(members).index),
            _g=[_group_rank(g, members.get(c, ())) for c, g in zip(table["collaboration"], table["group"])],
            _k=table["condition"].map(lambda k: order.get(k, 99)),
        ).sort_values(["_c", "_g", "group", "_k"], kind="stable").drop(columns=["_c", "_g", "_k"])
        table = table.reset_index(drop=True)
    return ConditionsScan(table, _summary(table, members), _differences(table, members, min_n, min_difference),
                          _items(answers, labels), members)


def _row(collaboration: str, group: str, condition: str, values: pd.Series, size: int, member: bool) -> tuple:
    n = int(values.count())
    sd = float(values.std(ddof=1)) if n > 1 else math.nan
    return (collaboration, group, bool(member), condition, float(values.mean()), sd, n, size,
            n / size if size else math.nan)


def _group_rank(group: str, members: tuple[str, ...]) -> int:
    if group == ALL_GROUPS:
        return 2
    return 0 if group in members else 1


def _members(net: OrgNetwork, expected: ExpectedLike | None, grouping: str) -> dict[str, tuple[str, ...]]:
    if expected is None:
        return {}
    if isinstance(expected, pd.DataFrame) and {"collaboration", "group"} <= set(expected.columns) and\
            "group_a" not in expected.columns:
        frame = read_expected(expected, net, grouping=grouping)
    else:
        frame = expected_frame(expected, net, grouping=grouping)
    return dict(collaboration_members(frame))


def _summary(table: pd.DataFrame, members: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    rows = []
    pooled = table.loc[table["group"] == ALL_GROUPS] if len(table) else table
    for collaboration, part in pooled.groupby("collaboration", sort=False) if len(pooled) else []:
        means = dict(zip(part["condition"], part["mean"]))
        ranked = sorted(means.items(), key=lambda kv: (-kv[1], CONDITIONS.index(kv[0]) if kv[0] in CONDITIONS else 9))
        best, weakest = ranked[0], ranked[-1]
        rows.append((collaboration, "; ".join(members.get(collaboration, ())), int(part["n"].max()), best[0],
                     best[1], weakest[0], weakest[1], *(means.get(c, math.nan) for c in CONDITIONS)))
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))


def _differences(table: pd.DataFrame, members: dict[str, tuple[str, ...]], min_n: int,
                 min_difference: float) -> pd.DataFrame:
    rows = []
    if len(table):
        part = table.loc[table["member"] & (table["group"] != ALL_GROUPS)]
        for (collaboration, condition), rows_ in part.groupby(["collaboration", "condition"], sort=False):
            if len(rows_) < 2:
                continue
            high = rows_.loc[rows_["mean"].idxmax()]
            low = rows_.loc[rows_["mean"].idxmin()]
            if high["group"] == low["group"]:
                continue
            difference = float(high["mean"] - low["mean"])
            pooled = _pooled_sd(high["sd"], int(high["n"]), low["sd"], int(low["n"]))
            d = difference / pooled if pooled and pooled > 0 else math.nan
            notable = difference >= min_difference and min(int(high["n"]), int(low["n"])) >= min_n
            rows.append((collaboration, condition, high["group"], float(high["mean"]), int(high["n"]), low["group"],
                         float(low["mean"]), int(low["n"]), difference, d, bool(notable)))
    return pd.DataFrame(rows, columns=list(DIFFERENCE_COLUMNS))


def _pooled_sd(sd_a: float, n_a: int, sd_b: float, n_b: int) -> float:
    if n_a + n_b <= 2 or math.isnan(sd_a) or math.isnan(sd_b):
        return math.nan
    return math.sqrt(((n_a - 1) * sd_a ** 2 + (n_b - 1) * sd_b ** 2) / (n_a + n_b - 2))


def _items(answers: pd.DataFrame | None, labels: pd.Series) -> pd.DataFrame:
    columns = ["collaboration", "group", "condition", "item", "mean", "sd", "n"]
    if answers is None or not len(answers):
        return pd.DataFrame(columns=columns)
    frame = answers.dropna(subset=["score"]).assign(group=answers["respondent"].astype(str).map(labels))
    both = pd.concat([frame, frame.assign(group=ALL_GROUPS)])
    out = both.groupby(["collaboration", "group", "condition", "item"])["score"].agg(
        mean="mean", sd=lambda s: s.std(ddof=1), n="count").reset_index()
    return out[columns]


def compare_conditions(before: ConditionsScan, after: ConditionsScan) -> pd.DataFrame:
    """The change of every collaboration's scores between two waves.

    Returns
    -------
    pandas.DataFrame
        ``collaboration, group, condition, mean_before, mean_after, change,
        n_before, n_after``, for the rows present in both waves.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A", "B"]}, index=pd.Index(list("ab"), name="id"))
    >>> def scan(scores):
    ...     answers = pd.DataFrame({"respondent": list("ab"), "collaboration": "X", "condition": "process",
    ...                             "item": "PRO1", "score": scores})
    ...     return conditions_scan(OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]),
    ...                                       conditions=answers), [("A", "B", "X")])
    >>> compare_conditions(scan([2.0, 3.0]), scan([3.0, 4.0]))[["group", "change"]].values.tolist()
    [['A', 1.0], ['B', 1.0], ['(all)', 1.0]]
    """
    keys = ["collaboration", "group", "condition"]
    left = before.scores[keys + ["mean", "n"]].rename(columns={"mean": "mean_before", "n": "n_before"})
    right = after.scores[keys + ["mean", "n"]].rename(columns={"mean": "mean_after", "n": "n_after"})
    merged = left.merge(right, on=keys, how="inner")
    merged["change"] = merged["mean_after"] - merged["mean_before"]
    return merged[keys + ["mean_before", "mean_after", "change", "n_before", "n_after"]].reset_index(drop=True)

