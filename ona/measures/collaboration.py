r"""The network evidence about two groups that should work together: ties per relation against what random
mixing would give, who carries them, whether trust between them is returned, and whether each side sees it.

For groups *a* and *b* and a relation, let :math:`M_{gh}` count the ties
from members of *g* to members of *h* (senders are respondents: a
non-respondent's ties are unknown), :math:`o_g = \sum_h M_{gh}`,
:math:`i_h = \sum_g M_{gh}` and :math:`T = \sum_{gh} M_{gh}`. Under random
mixing — ties made regardless of group, with each group's activity kept —
the expected number of ties between the two groups is

.. math:: E_{ab} = \frac{o_a i_b}{T} + \frac{o_b i_a}{T},

and the ratio :math:`(M_{ab} + M_{ba}) / E_{ab}` says how much of it is
there (the expectation of the gap finding, after the independence model of
a contingency table [1]_). The **carriers** of a pair are the people with a
tie to or from the other group; the pair's hand-offs run through them [2]_.
**Trust reciprocity** is the share of trust ties between the two groups,
both ends respondents, whose reverse tie exists. **Perceived trust** counts,
for each side, the trust ties its members believe they receive from the
other side (``net.perceived_ties``) against those the other side reports.

References
----------
.. [1] Agresti, Alan. 2013. *Categorical Data Analysis*. 3rd ed. Hoboken, NJ:
   Wiley.
.. [2] Cross, Rob, and Andrew Parker. 2004. *The Hidden Power of Social
   Networks: Understanding How Work Really Gets Done in Organizations*.
   Boston: Harvard Business School Press.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = ["CARRIER_COLUMNS", "PAIR_TIE_COLUMNS", "PERCEIVED_PAIR_COLUMNS", "PairEvidence", "pair_evidence"]

#: Columns of :attr:`PairEvidence.ties`.
PAIR_TIE_COLUMNS = ("relation", "a_to_b", "b_to_a", "observed", "expected", "ratio")
#: Columns of :attr:`PairEvidence.carriers`.
CARRIER_COLUMNS = ("person", "group", "ties", "partners", "relations")
#: Columns of :attr:`PairEvidence.perceived_trust`.
PERCEIVED_PAIR_COLUMNS = ("group", "other", "perceivers", "perceived", "actual", "hits")


@dataclass(frozen=True)
class PairEvidence:
    """The network between two groups (definitions in the module docstring).

    Attributes
    ----------
    a, b : str
        The two groups.
    ties : pandas.DataFrame
        :data:`PAIR_TIE_COLUMNS`, one row per relation.
    carriers : pandas.DataFrame
        :data:`CARRIER_COLUMNS`: everyone with a tie across, most ties first.
        Person ids: a manager view pseudonymises or withholds them.
    trust_reciprocity : float
        Share of the cross-group trust ties (between respondents) that are
        returned; ``nan`` without trust ties.
    trust_ties : int
        The cross-group trust ties that share is taken over.
    perceived_trust : pandas.DataFrame
        :data:`PERCEIVED_PAIR_COLUMNS`: per side, trust it believes it gets from
        the other side versus what the other side reports; empty without
        perception answers.
    """

    a: str
    b: str
    ties: pd.DataFrame
    carriers: pd.DataFrame
    trust_reciprocity: float
    trust_ties: int
    perceived_trust: pd.DataFrame

    def ratio(self, relation: str) -> float:
        """Observed / expected ties in one relation (``nan`` when the relation is absent)."""
        row = self.ties.loc[self.ties["relation"] == relation]
        return float(row["ratio"].iloc[0]) if len(row) else math.nan


@old_grouping_names
def pair_evidence(
    net: OrgNetwork,
    a: str,
    b: str,
    *,
    grouping: str = "department",
    relations: Iterable[str] | None = None,
    trust: str = "trust",
) -> PairEvidence:
    """The network evidence about groups `a` and `b`.

    Parameters
    ----------
    net : OrgNetwork
    a, b : str
        Two groups of `grouping`.
    relations : iterable of str, optional
        Default: every relation with ties.
    trust : str, optional (default="trust")
        The relation whose reciprocity and perception are reported.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A", "A", "B", "B"]}, index=pd.Index(list("pqrs"), name="id"))
    >>> ties = pd.DataFrame({"source": ["p", "q", "r", "p"], "target": ["q", "r", "q", "r"],
    ...                      "relation": ["trust", "trust", "trust", "advice"]})
    >>> ev = pair_evidence(OrgNetwork(roster, ties), "A", "B")
    >>> ev.ties[["relation", "a_to_b", "b_to_a", "observed"]].values.tolist()
    [['trust', 1, 1, 2], ['advice', 1, 0, 1]]
    >>> ev.trust_reciprocity, ev.carriers["person"].tolist()
    (1.0, ['r', 'q', 'p'])
    """
    labels = net.groups(grouping)
    present = list(dict.fromkeys(net.ties["relation"].tolist()))
    chosen = [r for r in (net.relations if relations is None else relations) if r in present]
    ties = net.ties.assign(g_source=net.ties["source"].map(labels), g_target=net.ties["target"].map(labels))
    rows = []
    for relation in chosen:
        part = ties.loc[ties["relation"] == relation]
        matrix = pd.crosstab(part["g_source"], part["g_target"])
        total = float(matrix.values.sum())
        out, into = matrix.sum(axis=1), matrix.sum(axis=0)
        ab = int(matrix.at[a, b]) if a in matrix.index and b in matrix.columns else 0
        ba = int(matrix.at[b, a]) if b in matrix.index and a in matrix.columns else 0
        expected = (out.get(a, 0) * into.get(b, 0) + out.get(b, 0) * into.get(a, 0)) / total if total else 0.0
        rows.append((relation, ab, ba, ab + ba, float(expected), (ab + ba) / expected if expected else math.nan))
    tie_table = pd.DataFrame(rows, columns=list(PAIR_TIE_COLUMNS))
    cross = ties.loc[ties["relation"].isin(chosen) & (
        ((ties["g_source"] == a) & (ties["g_target"] == b)) | ((ties["g_source"] == b) & (ties["g_target"] == a)))]
    ends = pd.concat([
        cross[["source", "target", "relation"]].rename(columns={"source": "person", "target": "partner"}),
        cross[["target", "source", "relation"]].rename(columns={"target": "person", "source": "partner"}),
    ])
    if len(ends):
        carriers = ends.groupby("person").agg(
            ties=("partner", "size"), partners=("partner", "nunique"),
            relations=("relation", lambda r: "; ".join(c for c in chosen if c in set(r)))).reset_index()
        carriers["group"] = carriers["person"].map(labels)
        carriers = carriers.sort_values(["ties", "partners", "person"], ascending=[False, False, True], kind="stable")
        carriers = carriers[list(CARRIER_COLUMNS)].reset_index(drop=True)
    else:
        carriers = pd.DataFrame(columns=list(CARRIER_COLUMNS))
    respondents = net.respondents or frozenset()
    trusted = cross.loc[(cross["relation"] == trust) & cross["source"].isin(respondents)
                        & cross["target"].isin(respondents)]
    pairs = set(zip(trusted["source"], trusted["target"]))
    returned = sum((t, s) in pairs for s, t in pairs)
    reciprocity = returned / len(pairs) if pairs else math.nan
    return PairEvidence(a, b, tie_table, carriers, reciprocity, len(pairs),
                        _perceived(net, a, b, labels, trust, respondents))


def _perceived(net: OrgNetwork, a: str, b: str, labels: pd.Series, trust: str,
               respondents: frozenset[str]) -> pd.DataFrame:
    perceived = net.perceived_ties
    if perceived is None or not len(perceived) or trust not in set(perceived["relation"]):
        return pd.DataFrame(columns=list(PERCEIVED_PAIR_COLUMNS))
    mine = perceived.loc[(perceived["relation"] == trust) & (perceived["target"] == perceived["perceiver"])
                         & perceived["source"].isin(respondents)]
    actual = net.ties.loc[(net.ties["relation"] == trust) & net.ties["source"].isin(respondents)]
    actual_pairs = set(zip(actual["source"], actual["target"]))
    rows = []
    for group, other in ((a, b), (b, a)):
        perceivers = [p for p in labels.index[labels == group] if p in respondents]
        seen = mine.loc[mine["perceiver"].isin(perceivers) & (mine["source"].map(labels) == other)]
        seen_pairs = set(zip(seen["source"], seen["target"]))
        real = {(s, t) for s, t in actual_pairs if labels.get(s) == other and t in set(perceivers)}
        rows.append((group, other, len(perceivers), len(seen_pairs), len(real), len(seen_pairs & real)))
    return pd.DataFrame(rows, columns=list(PERCEIVED_PAIR_COLUMNS))
