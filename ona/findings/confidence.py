r"""How certain a finding is, from how many of the people it rests on answered the survey.

A non-respondent's own ties are unknown, so every figure about them and their
group rests on what others said. Studies of missing network data find that
measures degrade as response falls, fastest for measures of brokerage and
position (betweenness) and for small groups [1]_ [2]_ [3]_. Practice in
organisational network analysis turns this into bands of response [4]_; ona
uses them per group and per finding:

=============  ==================  ==================================================
band           response            what may be said
=============  ==================  ==================================================
``high``       80% or more         everything, including naming individual brokers,
                                   bridges, overloaded and isolated people
``moderate``   65% to 79%          patterns and their direction; names are flagged
                                   as a lead to check, not a conclusion
``low``        below 65%           patterns, flagged as uncertain; **names are
                                   withheld** (the finding is told without them)
=============  ==================  ==================================================

The response a finding rests on is the *lowest* response among the groups it
is about (a pair is only as well observed as its least-answered side), and for
findings about people (overloaded, isolated, bridges) the whole
organisation's, because the ties naming a person come from everyone; a
group's connection to the rest of the organisation takes the lower of the
two.

**Could it turn over?** For two kinds a simple bound says whether the missing
answers could overturn the finding. With :math:`r` the response of the
groups involved, imagine the non-respondents had as many ties as usual:

* a declared *gap* with ratio :math:`\rho` of observed to expected ties would
  have :math:`\rho\,r + (1 - r)` (expected ties scale with the senders who
  answered); if that reaches ``gap_max_ratio``, it could turn over;
* a *silo* with :math:`I` ties inside and :math:`E` outside would get
  :math:`M = (I + E)(1 - r)/r` more ties, split like a typical group's
  (:math:`x` outside); if :math:`(E + Mx - I - M(1 - x))/(I + E + M)` rises
  above ``silo_max_ei``, it could turn over.

A fuller estimate (``Finding.robustness``) can be filled in by the measures
that compute one.

References
----------
.. [1] Kossinets, Gueorgi. 2006. "Effects of Missing Data in Social Networks."
   Social Networks 28 (3): 247-68. https://doi.org/10.1016/j.socnet.2005.07.002
.. [2] Borgatti, Stephen P., Kathleen M. Carley, and David Krackhardt. 2006.
   "On the Robustness of Centrality Measures under Conditions of Imperfect
   Data." Social Networks 28 (2): 124-36. https://doi.org/10.1016/j.socnet.2005.05.001
.. [3] Smith, Jeffrey A., and James Moody. 2013. "Structural Effects of Network
   Sampling Coverage I: Nodes Missing at Random." Social Networks 35 (4):
   652-68. https://doi.org/10.1016/j.socnet.2013.09.003
.. [4] OrgAcuity. n.d. "Response Rates for Network-Based Listening." OrgAcuity
   Help Center. https://support.orgacuity.com/article/13-response-rates-for-network-based-listening
   (80% or more: all uses, including identifying specific connectors and
   brokers; 65-79%: directional insights and broad patterns; below 65%:
   interpret with caution).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ona.findings.detectors import Detection, Thresholds
from ona.findings.finding import LANGUAGES, Confidence
from ona.findings.text import unit_words
from ona.i18n import number, percent, t
from ona.model import UNKNOWN_GROUP, OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "HIGH_RESPONSE",
    "MODERATE_RESPONSE",
    "PERSON_KINDS",
    "Responses",
    "assess",
    "band",
    "response_by_group",
]

#: Response from which a finding (and naming individuals) is said with high confidence.
HIGH_RESPONSE = 0.80
#: Response from which patterns and their direction are said with moderate confidence; below it, low.
MODERATE_RESPONSE = 0.65
#: Kinds of finding that are about people (names are withheld at low confidence).
PERSON_KINDS = ("overloaded", "isolated", "fragile_bridge", "key_player")


def band(response: float | None) -> str:
    """The confidence band of a response rate: ``"high"`` from 80%, ``"moderate"`` from 65%, else ``"low"``.

    An unknown response (None or NaN) is ``"low"``.

    >>> band(0.8), band(0.79), band(0.65), band(0.6), band(None)
    ('high', 'moderate', 'moderate', 'low', 'low')
    """
    if response is None or not math.isfinite(float(response)):
        return "low"
    if response >= HIGH_RESPONSE - 1e-12:
        return "high"
    if response >= MODERATE_RESPONSE - 1e-12:
        return "moderate"
    return "low"


@old_grouping_names
def response_by_group(net: OrgNetwork, grouping: str = "department") -> pd.DataFrame:
    """People, respondents, response rate and confidence band per group.

    Returns
    -------
    pandas.DataFrame
        Indexed by group (sorted; ``"(unknown)"`` last if present), with
        columns ``people, respondents, response, band``.

    Raises
    ------
    MissingAttributeError
        If the roster has no `grouping`.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A", "A", "A", "B"]}, index=pd.Index(list("abcd"), name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), respondents=["a", "b", "d"])
    >>> response_by_group(net).to_dict("index")["A"]
    {'people': 3, 'respondents': 2, 'response': 0.6667, 'band': 'moderate'}
    """
    groups = net.groups(grouping)
    responded = groups.index.isin(list(net.respondents))
    table = pd.DataFrame({"group": groups.to_numpy(), "responded": responded})
    summary = table.groupby("group", sort=True)["responded"].agg(people="size", respondents="sum")
    summary = summary.astype(int)
    summary["response"] = (summary["respondents"] / summary["people"]).round(4)
    summary["band"] = [band(r) for r in summary["response"]]
    order = sorted(summary.index, key=lambda g: (g == UNKNOWN_GROUP, str(g)))
    summary = summary.loc[order]
    summary.index.name = grouping
    return summary


@dataclass(frozen=True)
class Responses:
    """The response rates a set of findings rests on: per group under `grouping`, and overall.

    Build it with :meth:`of`; :func:`assess` reads it.
    """

    grouping: str
    people: dict[str, int]
    respondents: dict[str, int]
    overall_people: int
    overall_respondents: int

    @classmethod
    @old_grouping_names
    def of(cls, net: OrgNetwork, grouping: str = "department") -> Responses:
        """The responses of `net` grouped by `grouping`."""
        table = response_by_group(net, grouping)
        return cls(grouping, {str(g): int(n) for g, n in table["people"].items()},
                   {str(g): int(n) for g, n in table["respondents"].items()},
                   len(net), len(net.respondents))

    @property
    def overall(self) -> float | None:
        """The whole organisation's response rate."""
        return self.overall_respondents / self.overall_people if self.overall_people else None

    def of_group(self, group: str) -> float | None:
        """One group's response rate (None for an unknown group)."""
        people = self.people.get(group, 0)
        return self.respondents.get(group, 0) / people if people else None

    def lowest(self, groups: Sequence[str]) -> tuple[float | None, str | None]:
        """The lowest response among `groups` and the group that has it."""
        known = [(r, g) for g in groups if (r := self.of_group(g)) is not None]
        if not known:
            return None, None
        return min(known, key=lambda item: (item[0], item[1]))

    def non_respondents(self, groups: Sequence[str]) -> int:
        """How many people in `groups` did not answer."""
        return sum(self.people.get(g, 0) - self.respondents.get(g, 0) for g in set(groups))


def assess(d: Detection, relation_words: dict[str, str], responses: Responses,
           thresholds: Thresholds | None = None) -> Confidence:
    """The confidence of one detection: its band, the response behind it, and the reason in both languages.

    Parameters
    ----------
    d : Detection
    relation_words : dict
        Language -> the plural of the relation's ties (e.g. ``"advice ties"``),
        for the sentence about missing answers.
    responses : Responses
    thresholds : Thresholds, optional
        The detectors' thresholds (for whether a finding could turn over).

    Returns
    -------
    Confidence
        ``people_withheld`` is true for a finding about people at low
        confidence: its names are to be left out.

    Examples
    --------
    >>> r = Responses("department", {"A": 10, "B": 10}, {"A": 9, "B": 7}, 20, 16)
    >>> c = assess(Detection("gap", 0.9, ("A", "B"), (), {"declared": True, "pattern": "few_ties", "ratio": 0.1}),
    ...            {"nl": "relaties", "en": "ties"}, r)
    >>> c.band, c.response, c.could_overturn
    ('moderate', 0.7, False)
    >>> print(c.reason["en"])
    Moderate confidence. The lowest response among the departments involved is 70% (B). Enough for the direction, not for firm conclusions (high confidence from 80%).
    """
    th = thresholds or Thresholds()
    about_people = d.kind in PERSON_KINDS and bool(d.people)
    scope = d.evidence.get("scope")
    group = None
    if d.kind == "isolated" and scope == "team":
        size = d.evidence.get("size") or 0
        response = (d.evidence.get("respondents") or 0) / size if size else None
        group = str(d.evidence.get("team"))
    elif about_people or (d.kind == "one_sided_trust" and scope == "role") or not d.groups:
        response = responses.overall
        if d.kind == "fragile_bridge" and d.groups:
            lowest, group = responses.lowest(d.groups)
            if scope == "rest" and responses.overall is not None and (lowest is None or responses.overall < lowest):
                lowest, group = responses.overall, None
            response = lowest
    else:
        response, group = responses.lowest(d.groups)
    level = band(response)
    withheld = about_people and level == "low"
    overturn = _could_overturn(d, responses, th)
    reason = {}
    for lang in LANGUAGES:
        unit, units = unit_words(responses.grouping, lang)
        parts = [t(f"finding.confidence.{level}", lang).capitalize() + "."]
        if response is None:
            parts.append(t("finding.confidence.unknown", lang))
        elif group is not None:
            parts.append(t("finding.confidence.where_groups", lang, units=units, response=percent(response, lang),
                           group=group))
        else:
            parts.append(t("finding.confidence.where_all", lang, response=percent(response, lang)))
        values = {"high": percent(HIGH_RESPONSE, lang), "moderate": percent(MODERATE_RESPONSE, lang)}
        if about_people and level == "moderate":
            parts.append(t("finding.confidence.moderate.people", lang, **values))
        elif withheld:
            parts.append(t("finding.confidence.low.people", lang, moderate=values["moderate"], unit=unit))
        else:
            parts.append(t(f"finding.confidence.{level}.reason", lang, **values))
        if overturn:
            missing = responses.non_respondents(d.groups)
            parts.append(t("finding.confidence.overturn", lang, n=number(missing, lang),
                           rel_n=relation_words.get(lang, "")))
        reason[lang] = " ".join(parts)
    return Confidence(level, None if response is None else round(float(response), 4), reason, withheld, overturn)


def _could_overturn(d: Detection, responses: Responses, th: Thresholds) -> bool:
    """The simple bound of the module docstring, for declared gaps and silos."""
    e = d.evidence
    people = sum(responses.people.get(g, 0) for g in set(d.groups))
    if not people:
        return False
    r = (people - responses.non_respondents(d.groups)) / people
    if r >= 1:
        return False
    if r <= 0:
        return d.kind in ("gap", "silo")
    if d.kind == "gap" and e.get("declared") and e.get("pattern") == "few_ties" and e.get("ratio") is not None:
        return float(e["ratio"]) * r + (1 - r) >= th.gap_max_ratio
    if d.kind == "silo":
        inside, outside = float(e.get("internal_ties") or 0), float(e.get("external_ties") or 0)
        x = e.get("typical_external_share")
        if x is None or not math.isfinite(float(x)) or inside + outside == 0:
            return False
        missing = (inside + outside) * (1 - r) / r
        ei = (outside + missing * float(x) - inside - missing * (1 - float(x))) / (inside + outside + missing)
        return bool(ei > th.silo_max_ei)
    return False

