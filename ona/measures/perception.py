r"""Perceived versus actual ties: "and do they trust me?" (cognitive social structures).

Krackhardt (1987) asked every manager of a firm to report the whole advice
network as they saw it: a *cognitive social structure*, one slice per
perceiver [1]_. The survey kit asks the part people know best about
themselves — "who do you think comes to you for advice / would discuss a
sensitive work matter with you?" — which is the perceiver's *column* of
their own slice (``net.perceived_ties`` rows with ``target == perceiver``).
What actually happens is the senders' own reports: the row-dependent
locally aggregated structure, i.e. the ordinary network [1]_.

For a perceiver *k* and relation *r*, let :math:`S_k` be the respondents
other than *k* (only their out-ties are known), :math:`A_k \subseteq S_k`
those who name *k* (actual in-ties) and :math:`P_k \subseteq S_k` those *k*
believes would name them (perceived in-ties). Then

* hits :math:`|A_k \cap P_k|` — the tie exists and *k* knows it (the
  intersection of the row- and column-dependent structures [1]_);
* misses :math:`|A_k \setminus P_k|` — trust or advice-seeking that *k*
  does not know about;
* false alarms :math:`|P_k \setminus A_k|` — ties *k* believes in that the
  other does not report;
* recall (hit rate) :math:`|A_k \cap P_k| / |A_k|`, precision
  :math:`|A_k \cap P_k| / |P_k|`, and accuracy, the share of the
  :math:`|S_k|` dyads perceived correctly (hits plus correct rejections),
  as in Krackhardt's accuracy scores [2]_ [3]_.

Perceived senders who did not respond are counted apart (``unknown``): their
tie cannot be checked. A group's figures add up its members' (those who
answered the perception question); the group believes it is trusted more
than it is when its perceived in-ties clearly outnumber its actual ones
(``ratio = perceived / actual``).

References
----------
.. [1] Krackhardt, David. 1987. "Cognitive Social Structures." *Social
   Networks* 9 (2): 109-34. https://doi.org/10.1016/0378-8733(87)90009-8
.. [2] Krackhardt, David. 1990. "Assessing the Political Landscape:
   Structure, Cognition, and Power in Organizations." *Administrative
   Science Quarterly* 35 (2): 342-69. https://doi.org/10.2307/2393394
.. [3] Casciaro, Tiziana. 1998. "Seeing Things Clearly: Social Structure,
   Personality, and Accuracy in Social Network Perception." *Social
   Networks* 20 (4): 331-51. https://doi.org/10.1016/S0378-8733(98)00008-2
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "GROUP_PERCEPTION_COLUMNS",
    "PERSON_PERCEPTION_COLUMNS",
    "Perception",
    "locally_aggregated_structure",
    "perception_accuracy",
    "perception_relations",
]

#: Columns of :attr:`Perception.people`.
PERSON_PERCEPTION_COLUMNS = ("person", "group", "relation", "actual", "perceived", "hits", "misses",
                             "false_alarms", "unknown", "recall", "precision", "accuracy")
#: Columns of :attr:`Perception.groups`.
GROUP_PERCEPTION_COLUMNS = ("group", "relation", "perceivers", "actual", "perceived", "hits", "misses",
                            "false_alarms", "ratio", "unrecognised_share", "overestimate_share")


def perception_relations(net: OrgNetwork) -> list[str]:
    """The relations with perceived ties that are also relations of the network.

    >>> roster = pd.DataFrame(index=pd.Index(["a", "b"], name="id"))
    >>> ties = pd.DataFrame({"source": ["b"], "target": ["a"], "relation": ["trust"]})
    >>> perceived = pd.DataFrame({"perceiver": ["a"], "source": ["b"], "target": ["a"], "relation": ["trust"]})
    >>> perception_relations(OrgNetwork(roster, ties, perceived_ties=perceived))
    ['trust']
    """
    if net.perceived_ties is None or not len(net.perceived_ties):
        return []
    present = set(net.perceived_ties["relation"])
    return [r for r in net.relations if r in present]


@dataclass(frozen=True)
class Perception:
    """Perceived versus actual in-ties per person and per group (definitions in the module docstring).

    Attributes
    ----------
    people : pandas.DataFrame
        :data:`PERSON_PERCEPTION_COLUMNS`, one row per perceiver and relation.
    groups : pandas.DataFrame
        :data:`GROUP_PERCEPTION_COLUMNS`, one row per group and relation;
        keyed by group so that a privacy filter can withhold small groups.
    """

    people: pd.DataFrame
    groups: pd.DataFrame

    @property
    def empty(self) -> bool:
        """True when nobody answered a perception question."""
        return not len(self.people)


@old_grouping_names
def perception_accuracy(
    net: OrgNetwork,
    relations: Iterable[str] | None = None,
    *,
    grouping: str = "department",
    perceivers: Iterable[str] | None = None,
) -> Perception:
    """How accurately people see who comes to them, per person and group.

    Parameters
    ----------
    net : OrgNetwork
        Actual ties (senders' reports) and ``net.perceived_ties``.
    relations : iterable of str, optional
        Default: every relation with perceived ties (:func:`perception_relations`).
    grouping : str, optional (default="department")
    perceivers : iterable of str, optional
        Who answered the perception questions; default the respondents.

    Returns
    -------
    Perception

    Examples
    --------
    Ana is trusted by Bo and Cy; she thinks Bo and Di trust her; Di did not respond.

    >>> roster = pd.DataFrame({"department": ["X", "X", "Y", "Y"]}, index=pd.Index(["ana", "bo", "cy", "di"], name="id"))
    >>> ties = pd.DataFrame({"source": ["bo", "cy"], "target": ["ana", "ana"], "relation": "trust"})
    >>> perceived = pd.DataFrame({"perceiver": "ana", "source": ["bo", "di"], "target": "ana", "relation": "trust"})
    >>> net = OrgNetwork(roster, ties, respondents=["ana", "bo", "cy"], perceived_ties=perceived)
    >>> row = perception_accuracy(net).people.set_index("person").loc["ana"]
    >>> [row[c].item() for c in ("actual", "perceived", "hits", "misses", "false_alarms", "unknown", "recall")]
    [2, 1, 1, 1, 0, 1, 0.5]
    """
    chosen = perception_relations(net) if relations is None else [r for r in relations]
    labels = net.groups(grouping)
    respondents = net.respondents or frozenset()
    who = sorted(respondents if perceivers is None else {str(p) for p in perceivers} & set(net.roster.index))
    rows = []
    perceived_all = net.perceived_ties if net.perceived_ties is not None else pd.DataFrame(
        columns=["perceiver", "source", "target", "relation"])
    n_respondents = len(respondents)
    for relation in chosen:
        ties = net.ties.loc[net.ties["relation"] == relation, ["source", "target"]]
        actual = ties.loc[ties["source"].isin(respondents)]
        actual_in = actual.groupby("target")["source"].agg(set).to_dict()
        mine = perceived_all.loc[(perceived_all["relation"] == relation)
                                 & (perceived_all["target"] == perceived_all["perceiver"])]
        perceived_in = mine.groupby("perceiver")["source"].agg(set).to_dict()
        for person in who:
            a = actual_in.get(person, set()) - {person}
            seen = perceived_in.get(person, set()) - {person}
            p = {s for s in seen if s in respondents}
            unknown = len(seen) - len(p)
            hits = len(a & p)
            possible = n_respondents - (1 if person in respondents else 0)
            correct = hits + (possible - len(a | p))
            rows.append((person, labels.get(person), relation, len(a), len(p), hits, len(a) - hits, len(p) - hits,
                         unknown, hits / len(a) if a else math.nan, hits / len(p) if p else math.nan,
                         correct / possible if possible else math.nan))
    people = pd.DataFrame(rows, columns=list(PERSON_PERCEPTION_COLUMNS))
    return Perception(people, _group_table(people))


def _group_table(people: pd.DataFrame) -> pd.DataFrame:
    if not len(people):
        return pd.DataFrame(columns=list(GROUP_PERCEPTION_COLUMNS))
    sums = people.groupby(["group", "relation"], sort=True).agg(
        perceivers=("person", "count"), actual=("actual", "sum"), perceived=("perceived", "sum"),
        hits=("hits", "sum"), misses=("misses", "sum"), false_alarms=("false_alarms", "sum")).reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        sums["ratio"] = np.where(sums["actual"] > 0, sums["perceived"] / sums["actual"].replace(0, np.nan), np.nan)
        sums["unrecognised_share"] = sums["misses"] / sums["actual"].replace(0, np.nan)
        sums["overestimate_share"] = sums["false_alarms"] / sums["perceived"].replace(0, np.nan)
    for column in ("perceivers", "actual", "perceived", "hits", "misses", "false_alarms"):
        sums[column] = sums[column].astype(int)
    return sums[list(GROUP_PERCEPTION_COLUMNS)]


def locally_aggregated_structure(net: OrgNetwork, relation: str, *, how: str = "intersection") -> pd.DataFrame:
    """Krackhardt's locally aggregated structure from the senders' and receivers' own reports.

    The row-dependent structure holds a tie *j -> k* when *j* reports it (the
    ordinary network); the column-dependent one when *k* reports that *j*
    sends it (``net.perceived_ties`` with ``target == perceiver == k``). The
    ``intersection`` keeps ties both report, the ``union`` those either
    reports [1]_. Only ties between two people who answered are decided.

    Parameters
    ----------
    how : {"intersection", "union"}

    Returns
    -------
    pandas.DataFrame
        ``source, target`` of the ties in the structure, sorted.

    Raises
    ------
    ValueError
        For another `how`.

    Examples
    --------
    >>> roster = pd.DataFrame(index=pd.Index(["a", "b", "c"], name="id"))
    >>> ties = pd.DataFrame({"source": ["b", "c"], "target": ["a", "a"], "relation": "advice"})
    >>> perceived = pd.DataFrame({"perceiver": "a", "source": ["b", "a"], "target": "a", "relation": "advice"})
    >>> net = OrgNetwork(roster, ties, perceived_ties=perceived.iloc[:1])
    >>> locally_aggregated_structure(net, "advice").values.tolist()
    [['b', 'a']]
    >>> len(locally_aggregated_structure(net, "advice", how="union"))
    2
    """
    if how not in ("intersection", "union"):
        raise ValueError(f"how must be 'intersection' or 'union', not {how!r}")
    respondents = net.respondents or frozenset()
    ties = net.ties.loc[(net.ties["relation"] == relation) & net.ties["source"].isin(respondents)
                        & net.ties["target"].isin(respondents)]
    row = set(zip(ties["source"], ties["target"]))
    perceived = net.perceived_ties if net.perceived_ties is not None else pd.DataFrame(
        columns=["perceiver", "source", "target", "relation"])
    column_part = perceived.loc[(perceived["relation"] == relation) & (perceived["target"] == perceived["perceiver"])
                                & perceived["source"].isin(respondents) & perceived["target"].isin(respondents)]
    column = set(zip(column_part["source"], column_part["target"]))
    pairs = row & column if how == "intersection" else row | column
    return pd.DataFrame(sorted(pairs), columns=["source", "target"])
