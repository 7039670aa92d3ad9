r"""What moved between two survey waves of the same organisation.

Ties can only be compared where they were observed twice: a tie counts as
*kept*, *new* or *lost* only when its sender responded in both waves (a
non-respondent's outgoing ties are unknown, not absent). Everything here is
computed over those *panel* senders, and says how many there are.

Stability is measured with the Jaccard index of the two tie sets,

.. math:: J = \frac{|T_1 \cap T_2|}{|T_1 \cup T_2|},

which Snijders, van de Bunt and Steglich (2010) use to judge whether two waves
are comparable (J below about 0.2 means a mostly new network) [1]_.

Cross-group change is measured per group (department or team) as the mean
number of outgoing ties to *other* groups per panel respondent, before and
after. A programme whose effect spreads from one team outwards shows as the
largest gain in that team, a smaller gain among the people who were tied to it
in the first wave, and little change elsewhere.

References
----------
.. [1] Snijders, Tom A. B., Gerhard G. van de Bunt, and Christian E. G.
   Steglich. 2010. "Introduction to Stochastic Actor-Based Models for Network
   Dynamics." Social Networks 32 (1): 44-60.
   https://doi.org/10.1016/j.socnet.2009.02.004
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ona.exceptions import OnaError
from ona.findings.confidence import HIGH_RESPONSE, MODERATE_RESPONSE, band
from ona.findings.finding import LANGUAGES, Confidence, Finding
from ona.findings.text import relation_words, suggestion_keys, unit_words
from ona.i18n import number, percent, t
from ona.model import OrgNetwork
from ona.io.cells import neutralize_formulas
from ona.compat import old_grouping_names

__all__ = ["WaveComparison", "change_findings", "compare_waves", "cross_group_activity", "tie_changes"]


@dataclass(frozen=True)
class WaveComparison:
    """The result of :func:`compare_waves`.

    Attributes
    ----------
    before_wave, after_wave : str or None
        The wave labels.
    grouping : str
        The roster attribute that defines groups (e.g. ``"department"``).
    panel : frozenset of str
        People who are on both rosters and responded in both waves.
    relations : pandas.DataFrame
        One row per relation common to both waves: ``relation, ties_before,
        ties_after, kept, new, lost, jaccard, panel_respondents``, counted over
        ties sent by panel respondents.
    group_pairs : pandas.DataFrame
        One row per relation and ordered pair of different groups:
        ``relation, source_group, target_group, before, after, change``.
    groups : pandas.DataFrame
        One row per relation and group: ``relation, group, panel_respondents,
        cross_before, cross_after, gain`` where cross_* is the mean number of
        ties to other groups per panel respondent.
    teams : pandas.DataFrame
        The same per team (empty when the roster has no teams).
    people : pandas.DataFrame
        One row per relation and panel person: ``relation, id, cross_before,
        cross_after, new_ties, lost_ties``.
    spread : dict
        Per relation, where cross-group gains started and how far they spread:
        ``origin`` (the team, or group, with the largest gain), ``origin_gain``,
        ``contacts_gain`` (mean gain of people tied to the origin in the first
        wave, outside it), ``others_gain``, ``contacts`` (their ids).
    people_on_both : int
        People on both rosters (the panel is those of them who answered
        twice; its share is the confidence of change findings).
    """

    before_wave: str | None
    after_wave: str | None
    grouping: str
    panel: frozenset[str]
    relations: pd.DataFrame
    group_pairs: pd.DataFrame
    groups: pd.DataFrame
    teams: pd.DataFrame
    people: pd.DataFrame
    spread: dict[str, dict[str, object]] = field(default_factory=dict)
    people_on_both: int = 0

    def write(self, directory: str | Path) -> list[Path]:
        """Write the comparison's tables as CSV files into `directory` (created if needed).

        Files: ``change_relations.csv``, ``change_group_pairs.csv``,
        ``change_groups.csv``, ``change_teams.csv`` and ``change_people.csv``.
        Text cells are neutralised against spreadsheet formulas.
        """
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, table in (
            ("relations", self.relations), ("group_pairs", self.group_pairs), ("groups", self.groups),
            ("teams", self.teams), ("people", self.people),
        ):
            path = out / f"change_{name}.csv"
            neutralize_formulas(table).to_csv(path, index=False)
            written.append(path)
        return written


def _panel(before: OrgNetwork, after: OrgNetwork) -> frozenset[str]:
    both = set(before.people) & set(after.people)
    return frozenset(p for p in both if before.is_respondent(p) and after.is_respondent(p))


def tie_changes(before: OrgNetwork, after: OrgNetwork, relation: str) -> pd.DataFrame:
    """Every tie sent by a panel respondent in either wave, marked kept, new or lost.

    Returns a DataFrame with columns ``source, target, status, weight_before,
    weight_after``; ``status`` is ``"kept"``, ``"new"`` or ``"lost"``.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A", "A", "B"]}, index=pd.Index(["a", "b", "c"], name="id"))
    >>> t1 = pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"], "relation": "advice", "weight": 1.0})
    >>> t2 = pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"], "relation": "advice", "weight": 1.0})
    >>> w1, w2 = OrgNetwork(roster, t1, wave="1"), OrgNetwork(roster, t2, wave="2")
    >>> tie_changes(w1, w2, "advice")[["source", "target", "status"]].values.tolist()
    [['a', 'b', 'kept'], ['a', 'c', 'new'], ['b', 'a', 'lost']]
    """
    panel = _panel(before, after)
    t1 = before.ties_of(relation)
    t2 = after.ties_of(relation)
    t1 = t1.loc[t1["source"].isin(panel) & t1["target"].isin(after.people)]
    t2 = t2.loc[t2["source"].isin(panel) & t2["target"].isin(before.people)]
    merged = t1.merge(t2, on=["source", "target"], how="outer", suffixes=("_before", "_after"), indicator=True)
    merged["status"] = merged["_merge"].map({"both": "kept", "left_only": "lost", "right_only": "new"}).astype(str)
    merged = merged.drop(columns="_merge").sort_values(["source", "target"], ignore_index=True)
    return merged[["source", "target", "status", "weight_before", "weight_after"]]


def cross_group_activity(
    net: OrgNetwork, relation: str, people: frozenset[str] | set[str], groups: pd.Series
) -> pd.Series:
    """Number of ties each of `people` sends to someone in another group.

    `groups` maps person id to group (e.g. ``before.groups("department")``),
    so two waves can be judged by the same organisation chart. People with no
    such ties get 0. The index is the person id.
    """
    ties = net.ties_of(relation)
    ties = ties.loc[ties["target"].isin(groups.index)]
    ties = ties.loc[ties["source"].isin(people)]
    cross = groups.reindex(ties["source"]).to_numpy() != groups.reindex(ties["target"]).to_numpy()
    counts = ties.loc[cross, "source"].value_counts()
    return counts.reindex(sorted(people), fill_value=0).astype(int)


@old_grouping_names
def compare_waves(
    before: OrgNetwork,
    after: OrgNetwork,
    *,
    grouping: str = "department",
    relations: list[str] | None = None,
) -> WaveComparison:
    """Compare two waves of the same organisation: kept, new and lost ties, and where cross-group ties grew.

    Groups are taken from the *first* wave's roster, so a person who moved
    department is counted in their old department in both waves.

    Parameters
    ----------
    before, after : OrgNetwork
        The earlier and the later wave.
    grouping : str, optional (default="department")
        The roster attribute that defines groups.
    relations : list of str, optional
        The relations to compare; default: those present in both waves.

    Returns
    -------
    WaveComparison

    Raises
    ------
    OnaError
        If the waves share no people who responded twice, or no relation.

    Examples
    --------
    >>> import ona
    >>> cmp = compare_waves(ona.samples.load("municipality"), ona.samples.load("municipality", wave="2026"))
    >>> cmp.spread["advice"]["origin"]
    'Omgevingsvergunningen'
    """
    panel = _panel(before, after)
    if not panel:
        raise OnaError(
            "The two waves share nobody who responded in both, so no tie can be compared. "
            "Check that both waves use the same roster ids."
        )
    common = [r for r in before.relations if r in after.relations]
    relations = relations or common
    missing = [r for r in relations if r not in common]
    if missing or not relations:
        raise OnaError(
            f"The relation(s) {missing or relations} are not in both waves; both waves hold {common or 'nothing in common'}."
        )
    groups = before.groups(grouping)
    teams = before.roster["team"] if before.roster["team"].notna().any() else None
    panel_list = sorted(panel)

    relation_rows, pair_rows, group_rows, team_rows, people_rows = [], [], [], [], []
    spread: dict[str, dict[str, object]] = {}
    for relation in relations:
        changes = tie_changes(before, after, relation)
        counts = changes["status"].value_counts()
        kept, new, lost = (int(counts.get(s, 0)) for s in ("kept", "new", "lost"))
        union = kept + new + lost
        relation_rows.append(
            {
                "relation": relation,
                "ties_before": kept + lost,
                "ties_after": kept + new,
                "kept": kept,
                "new": new,
                "lost": lost,
                "jaccard": kept / union if union else math.nan,
                "panel_respondents": len(panel),
            }
        )
        pair_rows.extend(_pair_changes(changes, groups, relation))

        c1 = cross_group_activity(before, relation, panel, groups)
        c2 = cross_group_activity(after, relation, panel, groups)
        new_by = changes.loc[changes["status"] == "new", "source"].value_counts()
        lost_by = changes.loc[changes["status"] == "lost", "source"].value_counts()
        people_rows.append(
            pd.DataFrame(
                {
                    "relation": relation,
                    "id": panel_list,
                    "cross_before": c1.to_numpy(),
                    "cross_after": c2.to_numpy(),
                    "new_ties": new_by.reindex(panel_list, fill_value=0).to_numpy(),
                    "lost_ties": lost_by.reindex(panel_list, fill_value=0).to_numpy(),
                }
            )
        )
        frame = pd.DataFrame({"group": groups.reindex(panel_list).to_numpy(), "before": c1, "after": c2})
        group_rows.append(_gain_table(frame, "group", relation))
        if teams is not None:
            frame["team"] = teams.reindex(panel_list).fillna("(no team)").to_numpy()
            team_rows.append(_gain_table(frame.drop(columns="group"), "team", relation))
        spread[relation] = _spread(before, relation, frame, teams is not None, panel)

    team_table = pd.concat(team_rows, ignore_index=True) if team_rows else pd.DataFrame(
        columns=["relation", "team", "panel_respondents", "cross_before", "cross_after", "gain"]
    )
    return WaveComparison(
        before_wave=before.wave,
        after_wave=after.wave,
        grouping=grouping,
        panel=panel,
        relations=pd.DataFrame(relation_rows),
        group_pairs=pd.DataFrame(pair_rows),
        groups=pd.concat(group_rows, ignore_index=True),
        teams=team_table,
        people=pd.concat(people_rows, ignore_index=True),
        spread=spread,
        people_on_both=len(set(before.people) & set(after.people)),
    )


def _pair_changes(changes: pd.DataFrame, groups: pd.Series, relation: str) -> list[dict[str, object]]:
    frame = changes.assign(
        source_group=groups.reindex(changes["source"]).to_numpy(),
        target_group=groups.reindex(changes["target"]).to_numpy(),
    )
    frame = frame.loc[frame["source_group"] != frame["target_group"]]
    before = frame.loc[frame["status"] != "new"].groupby(["source_group", "target_group"]).size()
    after = frame.loc[frame["status"] != "lost"].groupby(["source_group", "target_group"]).size()
    names = sorted(set(groups))
    rows = []
    for a in names:
        for b in names:
            if a == b:
                continue
            n1, n2 = int(before.get((a, b), 0)), int(after.get((a, b), 0))
            rows.append({"relation": relation, "source_group": a, "target_group": b,
                         "before": n1, "after": n2, "change": n2 - n1})
    return rows


def _gain_table(frame: pd.DataFrame, key: str, relation: str) -> pd.DataFrame:
    table = frame.groupby(key).agg(
        panel_respondents=("before", "size"), cross_before=("before", "mean"), cross_after=("after", "mean")
    )
    table["gain"] = table["cross_after"] - table["cross_before"]
    table = table.reset_index().sort_values("gain", ascending=False, ignore_index=True)
    table.insert(0, "relation", relation)
    return table


def _spread(
    before: OrgNetwork, relation: str, frame: pd.DataFrame, has_teams: bool, panel: frozenset[str]
) -> dict[str, object]:
    """Where the cross-group gain started (the unit with the largest gain) and how far it reached."""
    key = "team" if has_teams else "group"
    units = frame.groupby(key)
    sizes = units.size()
    gains = (units["after"].mean() - units["before"].mean()).loc[sizes[sizes >= 3].index]
    if gains.empty:
        return {}
    origin = str(gains.idxmax())
    members = set(frame.index[frame[key] == origin])
    ties = before.ties_of(relation)
    touching = ties.loc[ties["source"].isin(members) | ties["target"].isin(members)]
    contacts = (set(touching["source"]) | set(touching["target"])) - members
    contacts &= panel
    gain = frame["after"] - frame["before"]
    others = set(frame.index) - members - contacts
    mean = lambda ids: float(gain.loc[sorted(ids)].mean()) if ids else math.nan  # noqa: E731
    return {
        "unit": key,
        "origin": origin,
        "origin_gain": mean(members),
        "contacts": sorted(contacts),
        "contacts_gain": mean(contacts),
        "others_gain": mean(others),
    }


# -- findings ---------------------------------------------------------------------------------------

def _suggestions() -> dict[str, list[str]]:
    return {lang: [t(k, lang) for k in suggestion_keys("change")] for lang in LANGUAGES}


def _gain(x: float, lang: str) -> str:
    return number(x, lang, 1)


def _confidence(comparison: WaveComparison) -> Confidence:
    """Confidence of a change finding: the share of the people on both rosters who answered both times."""
    both = comparison.people_on_both
    share = len(comparison.panel) / both if both else None
    level = band(share)
    reason = {}
    for lang in LANGUAGES:
        parts = [t(f"finding.confidence.{level}", lang).capitalize() + "."]
        if share is None:
            parts.append(t("finding.confidence.unknown", lang))
        else:
            parts.append(t("finding.confidence.panel", lang, response=percent(share, lang)))
        values = {"high": percent(HIGH_RESPONSE, lang), "moderate": percent(MODERATE_RESPONSE, lang)}
        parts.append(t(f"finding.confidence.{level}.reason", lang, **values))
        reason[lang] = " ".join(parts)
    return Confidence(level, None if share is None else round(share, 4), reason)


def change_findings(
    comparison: WaveComparison,
    *,
    min_gain: float = 1.0,
    min_pair_change: int = 5,
) -> list[Finding]:
    """Findings of kind ``change`` about what moved between two waves, in Dutch and English.

    Reports, per relation, (1) where cross-group ties grew most and how far
    the growth spread (when the origin gained at least `min_gain` ties per
    person and more than its contacts, who gained more than everyone else),
    and (2) the group pairs whose cross ties grew or shrank by at least
    `min_pair_change`. Severity stays below "high" (at most 0.55): a change is
    news, not a problem, except that a pair that lost most of its ties gets
    the upper end. The people of a spread finding are the origin's first-wave
    contacts who responded twice (ids).

    Examples
    --------
    >>> import ona
    >>> w1, w2 = ona.samples.load("municipality"), ona.samples.load("municipality", wave="2026")
    >>> findings = change_findings(compare_waves(w1, w2))
    >>> findings[0].text["en"][:61]
    'Since 2025, team Omgevingsvergunningen gained 3.4 advice ties'
    """
    findings: list[Finding] = []
    w1, w2 = comparison.before_wave or "1", comparison.after_wave or "2"
    for relation, spread in comparison.spread.items():
        findings.extend(_spread_finding(spread, relation, comparison, min_gain))
        findings.extend(_pair_findings(comparison, relation, min_pair_change))
    return sorted(findings, key=lambda f: -f.severity)


def _spread_finding(
    spread: dict[str, object], relation: str, comparison: WaveComparison, min_gain: float
) -> list[Finding]:
    if not spread:
        return []
    w1, w2 = comparison.before_wave or "1", comparison.after_wave or "2"
    findings = []
    origin_gain = float(spread["origin_gain"])  # type: ignore[arg-type]
    contacts_gain = float(spread["contacts_gain"])  # type: ignore[arg-type]
    others_gain = float(spread["others_gain"])  # type: ignore[arg-type]
    if origin_gain >= min_gain and origin_gain > contacts_gain:
        contacts = list(spread["contacts"])  # type: ignore[call-overload]
        spreading = not math.isnan(contacts_gain) and contacts_gain > max(others_gain, 0) * 1.5
        text = {}
        for lang in LANGUAGES:
            unit = unit_words("team" if spread["unit"] == "team" else "group", lang)[0]
            values = {"w1": w1, "n": number(len(contacts), lang), "contacts_gain": _gain(contacts_gain, lang),
                      "others_gain": _gain(others_gain, lang), "unit": unit}
            rest = t("finding.change.spreading" if spreading else "finding.change.not_spreading", lang,
                     **{k: values[k] for k in (("w1", "n", "contacts_gain", "others_gain", "unit") if spreading
                                               else ("others_gain",))})
            text[lang] = t("finding.change.spread", lang, w1=w1, unit=unit, origin=spread["origin"],
                           gain=_gain(origin_gain, lang), rel_n=relation_words(relation, lang)[1], rest=rest)
        findings.append(
            Finding(
                kind="change",
                severity=round(min(0.55, 0.3 + 0.05 * origin_gain), 3),
                relation=relation,
                groups=(str(spread["origin"]),),
                people=tuple(contacts[:50]),
                evidence={
                    "before_wave": w1, "after_wave": w2, "unit": spread["unit"], "origin": spread["origin"],
                    "origin_gain": origin_gain, "contacts": len(contacts), "contacts_gain": contacts_gain,
                    "others_gain": others_gain, "spreading": spreading,
                    "panel_respondents": len(comparison.panel),
                },
                text=text,
                suggestions=_suggestions(),
                confidence=_confidence(comparison),
            )
        )
    return findings


def _pair_findings(comparison: WaveComparison, relation: str, min_pair_change: int) -> list[Finding]:
    w1, w2 = comparison.before_wave or "1", comparison.after_wave or "2"
    findings = []
    pairs = comparison.group_pairs.query("relation == @relation")
    undirected: dict[tuple[str, str], list[int]] = {}
    for row in pairs.itertuples(index=False):
        key = tuple(sorted((row.source_group, row.target_group)))
        totals = undirected.setdefault(key, [0, 0])  # type: ignore[arg-type]
        totals[0] += row.before
        totals[1] += row.after
    for (a, b), (n1, n2) in undirected.items():
        if abs(n2 - n1) < min_pair_change:
            continue
        grew = n2 > n1
        key = "finding.change.pair_grew" if grew else "finding.change.pair_weakened"
        text = {lang: t(key, lang, a=a, b=b, after=number(n2, lang), before=number(n1, lang), w1=w1,
                        rel_n=relation_words(relation, lang)[1]) for lang in LANGUAGES}
        lost_share = (n1 - n2) / n1 if n1 and not grew else 0.0
        findings.append(
            Finding(
                kind="change",
                severity=round(0.25 + 0.3 * lost_share if not grew else min(0.45, 0.2 + 0.01 * (n2 - n1)), 3),
                relation=relation,
                groups=(a, b),
                people=(),
                evidence={"before_wave": w1, "after_wave": w2, "ties_before": n1, "ties_after": n2,
                          "panel_respondents": len(comparison.panel)},
                text=text,
                suggestions=_suggestions(),
                confidence=_confidence(comparison),
            )
        )
    return findings
