r"""Perceived collaboration between groups: what respondents say about how often they work with each group.

A question such as "How often do you work with the following departments?"
(Nooit ... Dagelijks) is no declaration that departments *must* work
together, and no tie between people: it is each respondent's *perception* of
their group-level contact. Set beside the person-level ties it shows where
perception and ties disagree (a pair that says "weekly" but has two ties
between its people).

For groups :math:`A` (the respondents' own group) and :math:`B` (the group
asked about), with :math:`w_{rB}` the ordinal answer of respondent
:math:`r` (0 = never, 1 = less than monthly, 2 = monthly, 3 = weekly,
4 = daily; see :data:`ona.io.survey.questions.FREQUENCY_SCALE`),

.. math:: P_{AB} = \frac{1}{n_{AB}} \sum_{r \in A,\ r \text{ answered about } B} w_{rB}

where :math:`n_{AB}` counts the respondents of :math:`A` who answered about
:math:`B` ("don't know" is no answer). The matrix is not symmetric: how
Finance sees its contact with HR need not be how HR sees it. Reading
group-level frequency questions this way follows the use of aggregated
perceptions of inter-unit contact in the organisational network literature
[1]_.

References
----------
.. [1] Tsai, Wenpin. 2002. "Social Structure of 'Coopetition' Within a
   Multiunit Organization: Coordination, Competition, and Intraorganizational
   Knowledge Sharing." Organization Science 13 (2): 179-90.
   https://doi.org/10.1287/orsc.13.2.179.536
"""

from __future__ import annotations

import pandas as pd

from ona.model import UNKNOWN_GROUP, OrgNetwork
from ona.compat import old_grouping_names

__all__ = ["perceived_collaboration"]


@old_grouping_names
def perceived_collaboration(
    net: OrgNetwork,
    grouping: str = "department",
    *,
    relation: str | None = None,
    statistic: str = "mean",
) -> pd.DataFrame:
    """The group x group matrix of perceived collaboration from a survey's group-level frequency answers.

    Parameters
    ----------
    net : OrgNetwork
        A network read from a survey (``net.group_ties`` with ``purpose``
        ``"perceived"``; a table without a ``purpose`` column is used whole).
    grouping : str, optional (default="department")
        The roster attribute whose groups the rows are (the respondents' own
        group). The columns are the groups asked about.
    relation : str, optional
        Use only the answers of this relation (default: all perceived answers).
    statistic : {"mean", "share"}, optional (default="mean")
        ``"mean"``: the mean ordinal answer :math:`P_{AB}` (0 = never to
        4 = daily, or the scale's own levels); ``"share"``: the share of
        respondents answering anything above never.

    Returns
    -------
    pandas.DataFrame
        Rows: respondents' groups; columns: groups asked about; ``nan`` where
        nobody of the row group answered about the column group. Empty when
        the network has no perceived group-level answers. ``frame.attrs``
        holds ``"respondents"`` (a frame of the same shape with
        :math:`n_{AB}`), ``"scale"`` (the answers and the weights they were
        given, from the survey's report: a list of dicts with ``answer``,
        ``code`` and ``weight``), ``"questions"`` (the questions used) and
        ``"statistic"``.

    Raises
    ------
    MissingAttributeError
        If the roster has no `grouping`.
    ValueError
        For an unknown `statistic`.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["HR", "HR", "IT"]}, index=pd.Index(["a", "b", "c"], name="id"))
    >>> answers = pd.DataFrame({"respondent": ["a", "b", "a", "c"], "group": ["IT", "IT", "HR", "HR"],
    ...                         "relation": "collaboration", "weight": [3.0, 0.0, 4.0, 1.0],
    ...                         "question": "Hoe vaak?", "purpose": "perceived"})
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), group_ties=answers)
    >>> matrix = perceived_collaboration(net)
    >>> float(matrix.loc["HR", "IT"]), float(matrix.loc["IT", "HR"]), int(matrix.attrs["respondents"].loc["HR", "IT"])
    (1.5, 1.0, 2)
    >>> float(perceived_collaboration(net, statistic="share").loc["HR", "IT"])
    0.5
    """
    if statistic not in ("mean", "share"):
        raise ValueError(f"statistic must be 'mean' or 'share', not {statistic!r}")
    labels = net.groups(grouping)  # MissingAttributeError early
    answers = net.group_ties
    if answers is None or answers.empty:
        return _empty()
    if "purpose" in answers.columns:
        answers = answers.loc[answers["purpose"].astype(str) == "perceived"]
    if relation is not None:
        answers = answers.loc[answers["relation"].astype(str) == relation]
    weights = pd.to_numeric(answers["weight"], errors="coerce")
    frame = pd.DataFrame({
        "own": answers["respondent"].astype(str).map(labels),
        "group": answers["group"].astype(str),
        "respondent": answers["respondent"].astype(str),
        "weight": weights,
    }).dropna(subset=["own", "weight"])
    frame = frame.loc[frame["own"] != UNKNOWN_GROUP]
    if frame.empty:
        return _empty()
    # one answer per respondent and group (two questions about one group: the mean of the answers)
    frame = frame.groupby(["own", "group", "respondent"], sort=False, as_index=False)["weight"].mean()
    frame["value"] = frame["weight"] if statistic == "mean" else (frame["weight"] > 0).astype(float)
    rows = sorted(set(labels.unique()) - {UNKNOWN_GROUP})
    columns = list(dict.fromkeys([*rows, *sorted(set(frame["group"]) - set(rows))]))
    table = frame.pivot_table(index="own", columns="group", values="value", aggfunc="mean")
    counts = frame.pivot_table(index="own", columns="group", values="value", aggfunc="count")
    table = table.reindex(index=rows, columns=columns)
    counts = counts.reindex(index=rows, columns=columns).fillna(0).astype(int)
    table.index.name, table.columns.name = grouping, "group"
    counts.index.name, counts.columns.name = grouping, "group"
    table.attrs["respondents"] = counts
    table.attrs["statistic"] = statistic
    questions = sorted(set(answers["question"].astype(str))) if "question" in answers.columns else []
    table.attrs["questions"] = questions
    table.attrs["scale"] = _scale(net, questions)
    return table


def _scale(net: OrgNetwork, questions: list[str]) -> list[dict[str, object]]:
    """The answers of the group-level questions and their weights, as the survey's report states them."""
    levels: dict[str, dict[str, object]] = {}
    for scale in net.report.details.get("scales", []) or []:
        if scale.get("kind") == "group_scale" and (not questions or scale.get("question") in questions):
            for entry in scale.get("levels", []):
                levels.setdefault(str(entry.get("answer")), dict(entry))
    return sorted(levels.values(), key=lambda e: (e.get("weight") is None, e.get("weight") or 0, e.get("answer")))


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame()
    frame.attrs.update({"respondents": pd.DataFrame(), "statistic": "mean", "questions": [], "scale": []})
    return frame
