r"""Joint screening: whom manager views withhold, decided once for every grouping and wave.

A figure about fewer than ``k`` people can single them out, so manager views
apply the threshold rule of statistical disclosure control [1]_, in the
spirit of k-anonymity [2]_: a group with fewer than ``k`` members or
respondents gets no figure of its own; its people are merged into the
"(other)" group, which carries figures only when it reaches ``k`` itself.
When even "(other)" stays below ``k``, its members are *withheld*: left out
of every figure, or the figures of the groups that are shown would give
them away by difference.

Screening one grouping at a time is not enough: people withheld under
"department" are counted under "location", so a manager who switches the
grouping (or compares two workspaces published with different groupings,
or two waves) finds them by subtraction. :func:`screen_network` therefore
decides **once** whom to withhold, under all the groupings the policy offers
(:attr:`PrivacyPolicy.groupings`) and all waves given, and every manager
figure is computed on the network without them (:attr:`ScreenedNetwork.net`).

The rule
--------
Let :math:`P` be the people of every wave, :math:`W \subseteq P` the withheld
people, :math:`\mathcal{G}` the groupings and :math:`g(p)` the group of
person :math:`p` under grouping :math:`g`. For the people not withheld, a group
:math:`c` of :math:`g` is *small* when it has fewer than :math:`k` members or
fewer than :math:`k` respondents, and :math:`S_g` is the union of the small
groups. Start with :math:`W = \emptyset` and repeat

.. math:: W \leftarrow W \cup \bigcup_{\text{waves}} \bigcup_{g \in \mathcal{G}}
          \{\, p \in S_g : |S_g| < k \ \text{or}\ |S_g \cap R| < k \,\}

(:math:`R` the respondents) until :math:`W` no longer grows: withholding
people makes other groups smaller, so a second round may withhold more.
Every round looks at all groupings and waves at once, so the result does not
depend on their order; it depends only on the data, ``k`` and the groupings,
never on the grouping a view displays: two workspaces published from the
same data and policy withhold exactly the same people.

At the fixed point every person left is, under every grouping, in a group of
at least ``k`` members and respondents or in a reportable "(other)".

What it does not close
----------------------
* *Differencing between nested or overlapping groupings.* A department of
  12 whose teams are 8 and 4 shows the department and the 8-person team;
  the department's figure minus the team's is the 4-person team's (merged
  into "(other)" under the team grouping). Tie counts are additive, so such
  subtraction works whenever one grouping's groups are unions of another's
  and the difference is below ``k``. Closing it needs cell suppression
  across linked tables [1]_ (ch. 4), which ona does not do: offer only
  groupings you need (``ONA_GROUPINGS``), and a larger ``k``.
* *Outside knowledge.* A reader who knows who is in "(other)" or who did
  not answer learns about them from the "(other)" figures and from missing
  outgoing ties; person-level views always allow more inference than group
  figures (``ONA_GROUPS_ONLY`` turns them off).
* *Waves not given.* Only the waves passed in ``also`` are screened
  together; publishing a later wave with other people screens anew.

References
----------
.. [1] Hundepool, Anco, Josep Domingo-Ferrer, Luisa Franconi, Sarah Giessing,
   Eric Schulte Nordholt, Keith Spicer, and Peter-Paul de Wolf. 2012.
   *Statistical Disclosure Control*. Wiley. https://doi.org/10.1002/9781118348239
.. [2] Sweeney, Latanya. 2002. "k-Anonymity: A Model for Protecting Privacy."
   International Journal of Uncertainty, Fuzziness and Knowledge-Based
   Systems 10 (5): 557-70. https://doi.org/10.1142/S0218488502001648
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Union

import networkx as nx
import numpy as np
import pandas as pd

from ona.exceptions import ConfigurationError, MissingAttributeError
from ona.model import OrgNetwork, group_labels
from ona.privacy.policy import (
    PeopleSource,
    PrivacyPolicy,
    people_frame,
    respondent_flags,
    screen_people,
    unnamed_count,
)
from ona.report import IngestReport
from ona.compat import old_grouping_names

__all__ = [
    "GroupScreen",
    "Hidden",
    "ScreenedNetwork",
    "Source",
    "manager_network",
    "merge_small_groups",
    "screen_groups",
    "screen_network",
]


# -- one grouping -----------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupScreen:
    """Which groups may carry figures in manager views, and what each person's group is shown as.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per original group (index ``group``) with ``members``,
        ``respondents``, ``reportable`` (both reach ``k``) and ``shown_as``
        (the group itself, or the other-label).
    labels : pandas.Series
        Person id -> shown group label.
    reportable : frozenset of str
        Shown labels that may carry figures: the reportable groups, plus the
        other-label when the merged small groups together reach ``k``.
    withheld : frozenset of str
        Names of groups below ``k``: they must not appear in manager output.
    other_label : str
    grouping : str
    """

    table: pd.DataFrame
    labels: pd.Series
    reportable: frozenset[str]
    withheld: frozenset[str]
    other_label: str
    grouping: str

    @property
    def order(self) -> list[str]:
        """Reportable labels in display order: groups sorted by name, the other-label last."""
        groups = sorted(g for g in self.reportable if g != self.other_label)
        return groups + ([self.other_label] if self.other_label in self.reportable else [])


@old_grouping_names
def screen_groups(source: PeopleSource, policy: PrivacyPolicy, *, grouping: str = "department") -> GroupScreen:
    """Apply the minimum group size ``k`` to the groups under `grouping`.

    A group is *reportable* when

    .. math:: |members_g| \\ge k \\quad\\text{and}\\quad |respondents_g| \\ge k

    (the threshold rule of statistical disclosure control [1]_; respondents
    count because most figures are built from answers). The other groups are
    merged into ``policy.other_label``, which is reportable only when the
    merged members and respondents reach ``k`` too. People without a group
    form the group ``"(unknown)"`` and follow the same rule.

    Parameters
    ----------
    source : OrgNetwork or networkx graph
        Nodes (people) with `grouping` and ``responded``.
    policy : PrivacyPolicy
    grouping : str, optional (default="department")

    Returns
    -------
    GroupScreen

    Raises
    ------
    MissingAttributeError
        If people have no `grouping`.
    ConfigurationError
        If a real group carries the other-label.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A"] * 5 + ["B"] * 3 + ["C"] * 2},
    ...                       index=pd.Index([f"p{i}" for i in range(10)], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> screen = screen_groups(net, PrivacyPolicy(min_group_size=5))
    >>> screen.table
           members  respondents  reportable shown_as
    group
    A            5            5        True        A
    B            3            3       False  (other)
    C            2            2       False  (other)
    >>> screen.order, sorted(screen.withheld)
    (['A', '(other)'], ['B', 'C'])
    """
    people = people_frame(source)
    if grouping not in people.columns:
        raise MissingAttributeError(grouping, [c for c in people.columns if c not in ("responded",)])
    groups = group_labels(people, grouping)
    other = policy.other_label
    if (groups == other).any():
        raise ConfigurationError(
            f"A group in {grouping!r} is called {other!r}, the label ona uses for merged small groups. "
            "Rename that group or pass another other_label to PrivacyPolicy"
        )
    responded = people["responded"].astype(bool)
    table = pd.DataFrame(
        {
            "members": groups.value_counts(sort=False),
            "respondents": groups[responded].value_counts(sort=False),
        }
    ).fillna(0).astype(int)
    table = table.sort_index()
    table.index.name = "group"
    k = policy.min_group_size
    table["reportable"] = (table["members"] >= k) & (table["respondents"] >= k)
    table["shown_as"] = [g if ok else other for g, ok in zip(table.index, table["reportable"])]
    small = table.loc[~table["reportable"]]
    reportable = set(table.index[table["reportable"]])
    if len(small) and small["members"].sum() >= k and small["respondents"].sum() >= k:
        reportable.add(other)
    labels = groups.map(dict(zip(table.index, table["shown_as"]))).rename(grouping)
    return GroupScreen(
        table=table,
        labels=labels,
        reportable=frozenset(reportable),
        withheld=frozenset(small.index),
        other_label=other,
        grouping=grouping,
    )


@old_grouping_names
def merge_small_groups(
    G: nx.Graph,
    policy: PrivacyPolicy,
    *,
    grouping: str = "department",
    minimal: bool = False,
    source: PeopleSource | None = None,
    screen: GroupScreen | None = None,
) -> nx.Graph:
    """A copy of `G` in which everyone in a group below ``k`` has the group label ``policy.other_label``.

    Group measures computed on the copy (e.g. :func:`ona.measures.groups.group_matrix`)
    give figures for the merged group; keep only the rows and columns in
    :attr:`GroupScreen.reportable`. The copy is an intermediate result, not
    a manager view: by default it keeps every node attribute.

    Parameters
    ----------
    G : networkx graph
        Not changed.
    policy : PrivacyPolicy
    grouping : str, optional (default="department")
    minimal : bool, optional (default=False)
        Keep only what group measures need: `grouping` and ``responded`` on
        nodes, ``weight`` on edges (much faster for large networks).
    source : OrgNetwork or networkx graph, optional
        The whole network when `G` is part of it (see :func:`ona.privacy.outputs.manager_graph`).
    screen : GroupScreen, optional
        The screen of `grouping` already computed (e.g. from
        :attr:`ScreenedNetwork.screens`); `policy` and `source` are then not used.
        Nodes the screen does not know (people withheld) are left out.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "X", "b": "X", "c": "Y"}, "department")
    >>> H = merge_small_groups(G, PrivacyPolicy(min_group_size=2))
    >>> dict(H.nodes(data="department")), dict(G.nodes(data="department"))["c"]
    ({'a': 'X', 'b': 'X', 'c': '(other)'}, 'Y')
    """
    known = screen is not None
    if screen is None:
        screen = screen_groups(G if source is None else source, policy, grouping=grouping)
    labels = screen.labels.to_dict()
    if known:  # a joint screen: people it does not know were withheld
        G = G.subgraph([n for n in G if str(n) in labels])
    if minimal:
        H = G.__class__()
        H.add_nodes_from(
            (n, {grouping: labels.get(str(n), data.get(grouping)), "responded": bool(data.get("responded", True))})
            for n, data in G.nodes(data=True)
        )
        H.add_weighted_edges_from(G.edges(data="weight", default=1.0))
        H.graph = dict(G.graph)
        return H
    H = G.__class__(G) if known else G.copy()
    if nx.is_frozen(H):
        H = H.__class__(H)
    nx.set_node_attributes(H, {n: labels[str(n)] for n in H if str(n) in labels}, grouping)
    return H


# -- every grouping and wave at once ----------------------------------------------------------


@dataclass(frozen=True)
class Hidden:
    """What one grouping does not show, as counts only: for a view to say so without naming anything.

    Attributes
    ----------
    groups : int
        Groups of the roster under this grouping that get no figure of their
        own: merged into "(other)" or withheld with their people.
    people : int
        People withheld from every manager view (the same for every grouping).
    unnamed : int
        People who may be neither named nor pseudonymised (no pseudonym key, and no consent or no name):
        when above 0, nobody is shown person by person (:func:`ona.privacy.policy.screen_people`).
    """

    groups: int
    people: int
    unnamed: int = 0


@dataclass(frozen=True)
class ScreenedNetwork:
    """A network screened once for managers: whom to withhold, and how each grouping is shown.

    Made by :func:`screen_network`; every manager figure, table, graph and
    finding is computed on :attr:`net` with the screens held here, so nothing
    is screened twice and every view withholds the same people.

    Attributes
    ----------
    net : OrgNetwork
        The network without the withheld people (their ties and group-level
        answers removed). The original network itself when nobody is withheld.
    policy : PrivacyPolicy
    withheld : frozenset of str
        Ids of the people withheld, over all waves screened together.
    screens : mapping of str to GroupScreen
        Per grouping the policy offers, the screen of :attr:`net`: small
        groups merged into "(other)", which groups carry figures.
    persons : pandas.DataFrame
        :func:`ona.privacy.policy.screen_people` of :attr:`net`: per person
        ``person`` (pseudonym, or name without a key), ``label``, ``name``,
        ``pseudonym``, ``consent``, ``shown`` and ``display``.
    hidden : mapping of str to Hidden
        Per grouping, how many groups get no figure of their own and how many
        people are withheld.
    source : OrgNetwork
        The network before screening (for the leak check of
        :func:`ona.privacy.leaks.withheld_terms`; never shown to managers).
    """

    net: OrgNetwork
    policy: PrivacyPolicy
    withheld: frozenset[str]
    screens: Mapping[str, GroupScreen]
    persons: pd.DataFrame = field(repr=False)
    hidden: Mapping[str, Hidden]
    source: OrgNetwork = field(repr=False)

    @property
    def groupings(self) -> tuple[str, ...]:
        """The groupings managers may use, the organisational unit first."""
        return tuple(self.screens)

    @property
    def unit(self) -> str:
        """The organisational unit (the policy's first grouping)."""
        return self.groupings[0]

    @property
    def person_level(self) -> bool:
        """Whether managers see people at all: the policy allows it and everyone left can be shown.

        False with ``person_level=False`` and also without a pseudonym key when someone may not be
        named (:attr:`Hidden.unnamed`): person-level views show everyone or nobody.
        """
        return self.policy.person_level and bool(self.persons["shown"].all())

    def screen(self, grouping: str | None = None) -> GroupScreen:
        """The screen of `grouping` (default: the organisational unit).

        Raises
        ------
        ConfigurationError
            If the policy does not offer `grouping` to managers.
        """
        grouping = self.unit if grouping is None else grouping
        if grouping not in self.screens:
            offered = ", ".join(self.groupings)
            raise ConfigurationError(
                f"Managers may not group by '{grouping}': the privacy policy offers {offered}. "
                "Group by one of those, or add it to the groupings (ONA_GROUPINGS)",
                key="privacy.grouping_not_offered", values={"grouping": grouping, "offered": offered},
            )
        return self.screens[grouping]

    def shown_network(self, *groupings: str) -> OrgNetwork:
        """:attr:`net` with each grouping's column holding every person's *shown* group (default: every
        grouping the policy offers): small groups merged into "(other)", so that every figure computed on
        it (groups reached, brokerage roles, findings, change between waves) sees only the groups a manager
        may see.

        Raises
        ------
        ConfigurationError
            If the policy does not offer one of `groupings` to managers.
        """
        roster = self.net.roster.copy()
        for grouping in groupings or self.groupings:
            screen = self.screen(grouping)
            roster[screen.grouping] = screen.labels.reindex(roster.index).to_numpy(dtype=object)
        return self.net.with_changes(roster=roster)

    @property
    def withheld_groups(self) -> frozenset[str]:
        """Names of the source's groups (under any grouping) that no view may show: small or withheld ones."""
        shown: set[str] = set()
        for screen in self.screens.values():
            shown |= screen.reportable
        names: set[str] = set()
        for grouping in self.screens:
            names |= set(group_labels(self.source.roster, grouping))
        return frozenset(names - shown)


#: What manager views are computed from: a screened network (the joint screen), or a network or graph
#: screened under one grouping (analysts' scripts and tests).
Source = Union[ScreenedNetwork, OrgNetwork, nx.Graph]


def screen_network(
    net: OrgNetwork, policy: PrivacyPolicy, *, also: Sequence[OrgNetwork] = ()
) -> ScreenedNetwork:
    r"""Decide once whom manager views withhold, under every grouping the policy offers and every wave.

    A person is withheld when, under any of ``policy.groupings``, their group
    has fewer than ``k`` members or respondents and the merged "(other)"
    group stays below ``k`` too; repeated until nobody more is withheld (see
    the module docstring for the rule, its literature and what it does not
    close). With `also`, the other waves of the same organisation (the same
    person ids), the union over all waves is withheld, so comparing waves
    reveals nobody either; ``screen_network(a, p, also=[b])`` and
    ``screen_network(b, p, also=[a])`` withhold the same people.

    Parameters
    ----------
    net : OrgNetwork
        The network to screen (the full network, as HR holds it).
    policy : PrivacyPolicy
    also : sequence of OrgNetwork, optional
        Other waves screened together with `net`.

    Returns
    -------
    ScreenedNetwork

    Raises
    ------
    MissingAttributeError
        If a wave's roster lacks one of the policy's groupings.
    ConfigurationError
        If a real group carries the label of merged small groups.

    Examples
    --------
    Department C (1 person) is below ``k = 3`` and alone in "(other)"; under
    the location grouping everyone sits in two large groups. Joint screening
    withholds ``g`` whichever grouping a view shows:

    >>> roster = pd.DataFrame({"department": ["A"] * 3 + ["B"] * 3 + ["C"],
    ...                        "location": ["North"] * 3 + ["South"] * 4},
    ...                       index=pd.Index(list("abcdefg"), name="id"))
    >>> ties = pd.DataFrame({"source": ["a", "d", "g"], "target": ["d", "g", "a"]})
    >>> screened = screen_network(OrgNetwork(roster, ties), PrivacyPolicy(min_group_size=3,
    ...                           groupings=("department", "location")))
    >>> sorted(screened.withheld), len(screened.net), screened.screen("location").order
    (['g'], 6, ['North', 'South'])
    >>> screened.hidden["department"], screened.hidden["location"]
    (Hidden(groups=1, people=1, unnamed=6), Hidden(groups=0, people=1, unnamed=6))

    (``unnamed``: nobody here has consented to be named and there is no pseudonym key, so managers
    see no people, only group figures.)

    Withholding can make other groups small: with ``g`` gone, "South" would
    keep only ``e`` and ``f`` if ``d`` were in "North", so they go too, and
    then department B (``d`` alone) as well. The rounds repeat until nobody
    more is withheld:

    >>> moved = roster.assign(location=["North"] * 4 + ["South"] * 3)
    >>> sorted(screen_network(OrgNetwork(moved, ties), PrivacyPolicy(min_group_size=3,
    ...        groupings=("department", "location"))).withheld)
    ['d', 'e', 'f', 'g']
    """
    waves = [net, *also]
    other = policy.other_label
    k = policy.min_group_size
    prepared = []
    for wave in waves:
        roster = wave.roster
        for grouping in policy.groupings:
            if grouping not in roster.columns:
                raise MissingAttributeError(grouping, list(roster.columns))
        labels = {g: group_labels(roster, g) for g in policy.groupings}
        for grouping, values in labels.items():
            if (values == other).any():
                raise ConfigurationError(
                    f"A group in {grouping!r} is called {other!r}, the label ona uses for merged small groups. "
                    "Rename that group or pass another other_label to PrivacyPolicy"
                )
        ids = roster.index.map(str).to_numpy(dtype=object)
        responded = respondent_flags(wave)
        prepared.append((ids, {g: v.to_numpy(dtype=object) for g, v in labels.items()}, responded))

    withheld: set[str] = set()
    while True:
        found: set[str] = set()
        for ids, labels, responded in prepared:
            keep = ~np.isin(ids, np.array(sorted(withheld), dtype=object)) if withheld else np.ones(len(ids), bool)
            for values in labels.values():
                found |= _unmergeable(ids[keep], values[keep], responded[keep], k)
        if found <= withheld:
            break
        withheld |= found

    screened = _without(net, frozenset(withheld), policy)
    screens = {g: screen_groups(screened, policy, grouping=g) for g in policy.groupings}
    hidden = {}
    unnamed = unnamed_count(screened, policy)
    for grouping, screen in screens.items():
        groups = set(group_labels(net.roster, grouping))
        shown = screen.reportable - {other}
        hidden[grouping] = Hidden(groups=len(groups - shown), people=len(withheld), unnamed=unnamed)
    return ScreenedNetwork(
        net=screened,
        policy=policy,
        withheld=frozenset(withheld),
        screens=MappingProxyType(screens),
        persons=screen_people(screened, policy),
        hidden=MappingProxyType(hidden),
        source=net,
    )


def _unmergeable(ids: np.ndarray, values: np.ndarray, responded: np.ndarray, k: int) -> set[str]:
    """The people of the small groups of one grouping when even their union stays below ``k``."""
    if not len(ids):
        return set()
    groups = pd.Series(values)
    members = groups.value_counts()
    answers = groups[responded].value_counts().reindex(members.index, fill_value=0)
    small = members.index[(members < k) | (answers < k)]
    if not len(small) or (members[small].sum() >= k and answers[small].sum() >= k):
        return set()
    return set(ids[groups.isin(small).to_numpy()].tolist())


def _without(net: OrgNetwork, drop: frozenset[str], policy: PrivacyPolicy) -> OrgNetwork:
    """`net` without the people in `drop`: their ties, answers and group-level answers removed."""
    present = drop & set(net.roster.index.map(str))
    if not present:
        return net
    ties = net.ties.loc[~net.ties["source"].isin(present) & ~net.ties["target"].isin(present)]
    roster = net.roster.drop(index=sorted(present))
    group_ties = net.group_ties
    if group_ties is not None:
        # answers about a group nobody is left in (under any grouping) would describe withheld people
        before: set[str] = set()
        after: set[str] = set()
        for grouping in policy.groupings:
            before |= set(group_labels(net.roster, grouping))
            after |= set(group_labels(roster, grouping))
        gone = before - after
        keep = ~group_ties["respondent"].astype(str).isin(present) & ~group_ties["group"].astype(str).isin(gone)
        group_ties = group_ties.loc[keep]
    perceived = net.perceived_ties  # the collaboration scan's answers of the people left out go too
    if perceived is not None:
        perceived = perceived.loc[~perceived[["perceiver", "source", "target"]].isin(present).any(axis=1)]
    conditions = net.conditions
    if conditions is not None:
        conditions = conditions.loc[~conditions["respondent"].isin(present)]
    return net.with_changes(
        roster=roster,
        ties=ties,
        respondents=[p for p in net.respondents if p not in present],  # type: ignore[union-attr]
        group_ties=group_ties,
        perceived_ties=perceived,
        conditions=conditions,
        report=IngestReport(),
    )


@old_grouping_names
def manager_network(net: OrgNetwork, policy: PrivacyPolicy, *, grouping: str = "department") -> OrgNetwork:
    """The network to analyse for managers who group by `grouping` only: without the people it withholds.

    :func:`screen_network` with `grouping` as the only grouping. When the
    groups below ``k`` together reach ``k``, they are merged into the
    other-group and nobody is left out: `net` itself is returned. When even
    the merged other-group stays below ``k``, its members (and their ties,
    group-level answers, perceived ties and conditions answers) are removed. Manager views that offer several
    groupings use :func:`screen_network` with all of them instead.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A"] * 3 + ["B"] * 3 + ["C"]},
    ...                       index=pd.Index(list("abcdefg"), name="id"))
    >>> ties = pd.DataFrame({"source": ["a", "d", "g"], "target": ["d", "g", "a"]})
    >>> net = OrgNetwork(roster, ties)
    >>> manager_network(net, PrivacyPolicy(min_group_size=3))
    <OrgNetwork: 6 people, 6 respondents; ties: 1 ties>
    >>> manager_network(net, PrivacyPolicy(min_group_size=1)) is net
    True
    """
    return screen_network(net, dataclasses.replace(policy, groupings=(grouping,))).net
