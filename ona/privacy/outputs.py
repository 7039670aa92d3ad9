"""Manager views of analysis output: person tables, group tables and matrices, graphs and findings.

Each function takes the output an analyst sees and returns what a manager
may see. Pass a :class:`~ona.privacy.screen.ScreenedNetwork` (from
:func:`~ona.privacy.screen.screen_network`) as the source: its screens and
people are used as they are, so nothing is screened twice and every view
withholds the same people. A plain network or graph as the source is
screened here under `grouping` alone (kept for analysts' scripts and tests);
manager views must use the joint screen.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import networkx as nx
import pandas as pd

from ona.measures.groups import group_density_matrix, group_graph
from ona.model import STANDARD_ATTRIBUTES, OrgNetwork  # OrgNetwork: for the examples
from ona.privacy.leaks import TermMatcher, leak_matcher
from ona.privacy.policy import PeopleSource, PrivacyPolicy, display_names, group_text, people_frame, screen_people
from ona.privacy.screen import GroupScreen, ScreenedNetwork, Source, merge_small_groups, screen_groups
from ona.compat import old_grouping_names

__all__ = [
    "manager_density_matrix",
    "manager_findings",
    "manager_graph",
    "manager_group_matrix",
    "manager_group_table",
    "manager_people",
    "screen_policy",
]

def screen_policy(source: Any, policy: PrivacyPolicy | None) -> PrivacyPolicy:
    """The policy of a ScreenedNetwork `source`, else `policy` (which must then be given).

    Raises
    ------
    TypeError
        If neither says which policy applies.
    """
    if isinstance(source, ScreenedNetwork):
        return source.policy
    if policy is None:
        raise TypeError("a PrivacyPolicy is needed unless the source is a ScreenedNetwork")
    return policy


def _screen_only(source: Source, policy: PrivacyPolicy | None, grouping: str) -> GroupScreen:
    if isinstance(source, ScreenedNetwork):
        return source.screen(grouping)
    return screen_groups(source, screen_policy(source, policy), grouping=grouping)


def _screening(
    source: Source, policy: PrivacyPolicy | None, grouping: str
) -> tuple[GroupScreen, pd.DataFrame, PeopleSource, PrivacyPolicy]:
    """(screen of `grouping`, manager persons, the people's network, policy) of `source`."""
    if isinstance(source, ScreenedNetwork):
        screen = source.screen(grouping)
        return screen, _manager_persons(source.persons, screen), source.net, source.policy
    policy = screen_policy(source, policy)
    screen = screen_groups(source, policy, grouping=grouping)
    return screen, _manager_persons(screen_people(source, policy), screen), source, policy


@old_grouping_names
def manager_people(
    table: pd.DataFrame, source: Source, policy: PrivacyPolicy | None = None, *, grouping: str = "department"
) -> pd.DataFrame:
    """A person table as a manager may see it: shown people only, no roster details, numbers only.

    Each row is keyed by ``person`` (pseudonym, or name when there is no
    key) with ``name`` (only for people who consented), the shown group
    (small groups merged) and the *numeric* columns of `table` that are not
    roster attributes (department, team, role, manager, location, e-mail,
    consent, responded and any extra roster column are dropped: they would
    let a reader recognise a pseudonymised person). Community columns
    (``community``, ``community_<relation>``, ``community_stability_<relation>``)
    are dropped too: a community is a grouping nobody screened for ``k``, and
    beside each person's unit it lists which units every community spans, which
    manager views do not show (PRIVACY.md). Hidden people are left
    out, and so are pseudonymised members of groups that carry no figures
    (adding up their rows would rebuild a suppressed group figure). Rows
    are sorted by ``person`` so the order gives no hint of the roster order.

    Parameters
    ----------
    table : pandas.DataFrame
        Indexed by person id, or with an ``id`` column (e.g. ``people.csv``).
    source : ScreenedNetwork, OrgNetwork or networkx graph
        A :class:`~ona.privacy.screen.ScreenedNetwork` (then `policy` is not
        needed and nothing is screened again), or a network screened here
        under `grouping` alone.
    policy : PrivacyPolicy, optional
    grouping : str, optional (default="department")

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo"], "department": ["X", "X"], "consent": [True, False]},
    ...                       index=pd.Index(["a", "b"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> people = pd.DataFrame({"name": ["Ana", "Bo"], "role": ["boss", "staff"], "advice_in_degree": [3, 1]},
    ...                       index=["a", "b"])
    >>> manager_people(people, net, PrivacyPolicy(min_group_size=2, key=b"organisation secret key"))
           person name department  advice_in_degree
    0  P-2Y0VA7JN  Ana          X                 3
    1  P-SXN8EE0S  NaN          X                 1
    """
    frame = table.set_index("id") if "id" in table.columns else table
    frame = frame.copy()
    frame.index = frame.index.map(str)
    screen, persons, population, policy = _screening(source, policy, grouping)
    groups = screen.labels
    roster_columns = {*people_frame(population).columns, *STANDARD_ATTRIBUTES, "consent", "responded", "id", "pseudonym"}
    keep = [
        c
        for c in frame.columns
        if c not in roster_columns
        and not c.startswith("community")
        and pd.api.types.is_numeric_dtype(frame[c])
        and not pd.api.types.is_bool_dtype(frame[c])
    ]
    visible = persons["shown"].to_dict()
    shown = [p for p in frame.index if visible.get(p, False)]
    out = pd.DataFrame(
        {
            "person": persons.loc[shown, "person"].to_numpy(),
            "name": persons.loc[shown, "name"].to_numpy(),
            grouping: groups.reindex(shown).to_numpy(),
        }
    )
    for column in keep:
        out[column] = frame.loc[shown, column].to_numpy()
    return out.sort_values("person", kind="stable").reset_index(drop=True)


@old_grouping_names
def manager_group_table(
    table: pd.DataFrame,
    source: Source,
    policy: PrivacyPolicy | None = None,
    *,
    grouping: str = "department",
    column: str | None = "group",
) -> pd.DataFrame:
    """Keep only the rows of a group table whose group is reportable (at least ``k`` members and respondents).

    Rows of small groups are dropped, not merged: per-group figures such as
    the E-I index cannot be added up. Use :func:`merge_small_groups` to
    compute figures for the merged other-group.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per group (and relation), e.g. ``groups.csv``.
    source : ScreenedNetwork, OrgNetwork or networkx graph
        As in :func:`manager_people`.
    policy : PrivacyPolicy, optional
    column : str or None, optional (default="group")
        The column holding the group; None means the index does.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A"] * 5 + ["B"] * 3},
    ...                       index=pd.Index([f"p{i}" for i in range(8)], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> groups = pd.DataFrame({"group": ["A", "B"], "size": [5, 3], "ei_index": [-0.2, -1.0]})
    >>> manager_group_table(groups, net, PrivacyPolicy(min_group_size=5))
      group  size  ei_index
    0     A     5      -0.2
    """
    screen = _screen_only(source, policy, grouping)
    real = screen.reportable - {screen.other_label}
    keys = table.index.to_series() if column is None else table[column]
    kept = table.loc[keys.map(lambda g: group_text(g) in real).to_numpy(dtype=bool)]
    return kept.reset_index(drop=True) if column is not None else kept.copy()


@old_grouping_names
def manager_density_matrix(
    G: nx.DiGraph, policy: PrivacyPolicy | None = None, *, grouping: str = "department",
    source: Source | None = None,
) -> pd.DataFrame:
    """The group-by-group density matrix a manager may see, with small groups merged first.

    Densities cannot be added up like counts, so the small groups are merged
    into ``policy.other_label`` in the graph (:func:`merge_small_groups`) and
    the densities computed afresh; groups that stay below k are left out.
    Rows and columns follow the screening order of :func:`screen_groups`.

    Parameters
    ----------
    G : networkx.DiGraph
        A relation's graph.
    policy : PrivacyPolicy, optional
        Not needed when `source` is a ScreenedNetwork.
    grouping : str, optional (default="department")
    source : ScreenedNetwork, OrgNetwork or networkx graph, optional
        Default `G`. With a :class:`~ona.privacy.screen.ScreenedNetwork`, its
        screen is used and withheld people in `G` are left out.
    """
    screen = _screen_only(G if source is None else source, policy, grouping)
    merged = group_density_matrix(
        merge_small_groups(G, screen_policy(source, policy), grouping=grouping, minimal=True, screen=screen),
        grouping,
    )
    order = [g for g in screen.order if g in merged.index]
    out = merged.loc[order, [g for g in screen.order if g in merged.columns]]
    out.index.name, out.columns.name = "from", "to"
    return out


@old_grouping_names
def manager_group_matrix(
    matrix: pd.DataFrame,
    source: Source,
    policy: PrivacyPolicy | None = None,
    *,
    grouping: str = "department",
    additive: bool = True,
) -> pd.DataFrame:
    """A group-by-group matrix with small groups merged into the other-label (or dropped).

    For an *additive* matrix such as tie counts, rows and columns of groups
    below ``k`` are summed into ``policy.other_label``, so every tie stays
    counted; the merged row and column are kept only when the merged group
    reaches ``k``. For a non-additive matrix (densities, E-I) the rows and
    columns of small groups are dropped; compute the merged figures on
    :func:`merge_small_groups` instead. `source` is a ScreenedNetwork or a
    network, as in :func:`manager_people`; with a ScreenedNetwork, compute
    `matrix` on its ``net`` (e.g. ``group_matrix(screened.net.graph(relation),
    attribute)``): a matrix of the full network still counts the ties of the
    people withheld, which no merging can take out again.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["A"] * 2 + ["B"] * 2 + ["C"]},
    ...                       index=pd.Index(list("abcde"), name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> counts = pd.DataFrame([[1, 2, 3], [4, 5, 6], [7, 8, 9]], index=list("ABC"), columns=list("ABC"))
    >>> manager_group_matrix(counts, net, PrivacyPolicy(min_group_size=2))
       A  B
    A  1  2
    B  4  5
    >>> manager_group_matrix(counts, net, PrivacyPolicy(min_group_size=1))
       A  B  C
    A  1  2  3
    B  4  5  6
    C  7  8  9
    """
    screen = _screen_only(source, policy, grouping)
    other = screen.other_label
    shown_as = dict(zip(screen.table.index, screen.table["shown_as"]))

    def label(group: Any) -> str | None:
        text = group_text(group)
        if text in shown_as:
            return shown_as[text]
        return text if text in screen.reportable else None  # unknown to the roster: dropped

    rows = [label(g) for g in matrix.index]
    cols = [label(g) for g in matrix.columns]
    order = screen.order
    if additive:
        merged = matrix.copy()
        merged.index, merged.columns = rows, cols
        merged = merged.loc[[r is not None for r in rows], [c is not None for c in cols]]
        merged = merged.T.groupby(level=0, sort=False).sum().T.groupby(level=0, sort=False).sum()
    else:
        keep_r = [r is not None and r != other for r in rows]
        keep_c = [c is not None and c != other for c in cols]
        merged = matrix.loc[keep_r, keep_c].copy()
        merged.index = [r for r, k in zip(rows, keep_r) if k]
        merged.columns = [c for c, k in zip(cols, keep_c) if k]
    present_r = [g for g in order if g in merged.index]
    present_c = [g for g in order if g in merged.columns]
    out = merged.loc[present_r, present_c]
    out.index.name = matrix.index.name
    out.columns.name = matrix.columns.name
    return out


@old_grouping_names
def manager_graph(
    G: nx.Graph,
    policy: PrivacyPolicy | None = None,
    *,
    grouping: str = "department",
    aggregate: bool = False,
    source: Source | None = None,
) -> nx.DiGraph:
    """The network as a manager may see it, for drawing or export.

    Person level (default): one node per *shown* person (as in
    :func:`manager_people`), keyed by
    ``person`` (pseudonym, or name when there is no key), with only the
    attributes ``name`` (what to show: name or pseudonym) and `grouping`
    (the shown group, small groups merged); edges among shown people with
    their ``weight``. Roster details, ids, e-mails and ``responded`` are
    left out. Nodes are added in sorted order, so the order gives no hint
    of the roster.

    Group level (``aggregate=True``): :func:`ona.measures.groups.group_graph` of the
    network with small groups merged, without the other-group when it stays
    below ``k``.

    Parameters
    ----------
    G : networkx graph
        A relation's graph (e.g. ``net.graph("advice")``). Not changed.
    policy : PrivacyPolicy, optional
        Not needed when `source` is a ScreenedNetwork.
    grouping : str, optional (default="department")
    aggregate : bool, optional (default=False)
    source : ScreenedNetwork, OrgNetwork or networkx graph, optional
        The whole network, when `G` is part of it (an ego network or one
        department's focus view): group sizes, consent and pseudonyms are
        judged on `source`, so a large group keeps its name in a small
        drawing. Default: `G` itself. With a
        :class:`~ona.privacy.screen.ScreenedNetwork`, its screens and people
        are used and withheld people in `G` are left out.

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "Ana", "b": "Bo", "c": "Cy"}, "name")
    >>> nx.set_node_attributes(G, {"a": "X", "b": "X", "c": "Y"}, "department")
    >>> nx.set_node_attributes(G, True, "consent")
    >>> nx.set_node_attributes(G, True, "responded")
    >>> H = manager_graph(G, PrivacyPolicy(min_group_size=2))
    >>> sorted(H.nodes(data="department")), list(H.edges)
    ([('Ana', 'X'), ('Bo', 'X'), ('Cy', '(other)')], [('Ana', 'Bo'), ('Bo', 'Cy')])

    (Cy's group is below ``k``, so Cy appears in "(other)", by name as Cy consented.) Without a
    pseudonym key, when someone may not be named, nobody is shown (see :func:`screen_people`):

    >>> nx.set_node_attributes(G, {"c": False}, "consent")
    >>> manager_graph(G, PrivacyPolicy(min_group_size=2)).number_of_nodes()
    0
    """
    if aggregate:
        screen = _screen_only(G if source is None else source, policy, grouping)
        merged = merge_small_groups(G, screen_policy(source, policy), grouping=grouping, minimal=True, screen=screen)
        H = group_graph(merged, grouping, weight="weight")
        H.remove_nodes_from([g for g in list(H.nodes) if g not in screen.reportable])
        H.graph = {"grouping": grouping}
        return H
    screen, persons, _, policy = _screening(G if source is None else source, policy, grouping)
    shown = persons.loc[persons["shown"]]
    key_of = {pid: key for pid, key in shown["person"].items() if pid in G}
    label_of = shown["label"].to_dict()
    group_of = screen.labels.to_dict()
    H = nx.DiGraph()
    H.add_nodes_from(
        (key_of[pid], {"name": label_of[pid], grouping: group_of[pid]})
        for pid in sorted(key_of, key=lambda p: str(key_of[p]))
    )
    edges = []
    for u, v, weight in G.edges(data="weight", default=1.0):
        if u in key_of and v in key_of:
            w = float(weight) if weight is not None else 1.0
            edges.append((key_of[u], key_of[v], w))
            if not G.is_directed():
                edges.append((key_of[v], key_of[u], w))
    H.add_weighted_edges_from(edges)
    H.graph = {"grouping": grouping}
    for name in ("relation", "wave"):
        if name in G.graph and G.graph[name] is not None:
            H.graph[name] = str(G.graph[name])
    return H


F = TypeVar("F")


@old_grouping_names
def manager_findings(
    findings: Sequence[F],
    source: Source,
    policy: PrivacyPolicy | None = None,
    *,
    grouping: str = "department",
) -> list[F]:
    """The findings a manager may see, with people named only as the policy allows.

    A finding is dropped when

    * it names a group (in ``groups``, its evidence or its text) that is
      below ``k`` or unknown under `grouping` (no finding names a small
      group, and small groups cannot be checked for groups of another kind);
    * it names or sums over a group of another unit — a team of the
      isolated-team detector, a change finding about teams — that is below
      ``k`` under that unit, or of a unit the source does not screen (a team
      when managers may group by department only): every group a finding
      aggregates over is screened by the unit it aggregates over;
    * it compares role classes (one-sided trust from staff to managers) and
      either class has fewer than ``k`` members or ``k`` respondents;
    * it is about a person who may not be shown (no consent and no key).

    In the findings that remain, person ids in ``people`` and in the
    evidence become ``person`` keys (pseudonyms), and the names of people
    who may not be named are replaced by their pseudonym in the texts and
    evidence. A last check drops any finding that still contains a withheld
    name, e-mail address or group (see :func:`withheld_terms`).

    Parameters
    ----------
    findings : sequence of Finding
        Frozen dataclasses with ``groups``, ``people``, ``evidence``,
        ``text`` and ``suggestions`` (see :mod:`ona.findings`). Not changed.
    source : ScreenedNetwork, OrgNetwork or networkx graph
        The network the findings are about; a
        :class:`~ona.privacy.screen.ScreenedNetwork` of it (then `policy`
        is not needed), whose withheld people and groups findings never name.
    policy : PrivacyPolicy, optional
    grouping : str, optional (default="department")
        The attribute the findings' groups belong to.

    Returns
    -------
    list
        New findings in the same order.
    """
    screen, persons, population, policy = _screening(source, policy, grouping)
    real_groups = screen.reportable - {screen.other_label}
    hidden_groups = set(screen.table.index) - real_groups
    if isinstance(source, ScreenedNetwork):
        hidden_groups |= source.withheld_groups
    shown = persons["shown"]
    renames, unnameable = _text_renames(population, persons)
    ids = {str(p): persons.at[p, "person"] for p in persons.index}
    withheld = leak_matcher(source, policy, grouping=grouping)
    renamer = TermMatcher(renames)
    units: dict[str, frozenset[str] | None] = {grouping: frozenset(real_groups)}

    def shown_in(unit: str) -> frozenset[str] | None:
        """The groups of `unit` that may carry figures; None when `unit` is not screened (nothing may be named)."""
        if unit not in units:
            units[unit] = _reportable(source, population, policy, unit)
        return units[unit]

    people_table = people_frame(population)
    result = []
    for finding in findings:
        groups = [group_text(g) for g in getattr(finding, "groups", ()) or ()]
        evidence_of = getattr(finding, "evidence", {}) or {}
        if not all(group in (shown_in(unit) or ()) for unit, group in _units(groups, evidence_of, grouping,
                                                                                   policy.groupings)):
            continue  # it names or sums over a group below k, or a group of a unit nobody screened
        if evidence_of.get("scope") == "role" and not _role_classes_reach_k(evidence_of, people_table, policy.k):
            continue
        people = [str(p) for p in getattr(finding, "people", ()) or ()]
        if any(p not in ids or not shown.get(p, False) or p in unnameable for p in people):
            continue
        try:
            evidence = _scrub(getattr(finding, "evidence", {}), ids, shown, lambda text: renamer.sub(text, renames),
                              screen.withheld, hidden_groups)
        except _Withheld:
            continue
        changes: dict[str, Any] = {
            "groups": _same_kind(getattr(finding, "groups", ()), groups),
            "people": _same_kind(getattr(finding, "people", ()), [ids[p] for p in people]),
            "evidence": evidence,
        }
        for field_name in ("text", "suggestions"):
            value = getattr(finding, field_name, None)
            if isinstance(value, Mapping):
                changes[field_name] = {lang: _map_strings(text, lambda t: renamer.sub(t, renames))
                                       for lang, text in value.items()}
        candidate = dataclasses.replace(finding, **changes)  # type: ignore[type-var]
        if withheld.find(_as_text(candidate)):
            continue
        result.append(candidate)
    return result



#: Roster columns whose values are groups: a finding's evidence under one of these keys names a group of that unit.
_GROUP_UNITS = ("department", "team", "location")


def _units(groups: list[str], evidence: Mapping[str, Any], grouping: str,
           groupings: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Every (unit, group) a finding names or aggregates over.

    Its ``groups`` belong to `grouping`, except for a change finding about teams (evidence
    ``unit="team"``: its origin is a team); evidence keys named after a grouping (``team`` of the
    isolated-team detector, ``department``, ``location``, or a screened grouping) name a group of it.
    """
    unit_of_groups = "team" if evidence.get("unit") == "team" else grouping
    out = [(unit_of_groups, g) for g in groups]
    for key, value in evidence.items():
        if (key in _GROUP_UNITS or key in groupings) and isinstance(value, str):
            out.append((key, group_text(value)))
    return out


def _reportable(source: Source, population: PeopleSource, policy: PrivacyPolicy, unit: str) -> frozenset[str] | None:
    """The real groups (not "(other)") of `unit` that reach ``k``; None when the source does not screen `unit`.

    A joint screen (:class:`ScreenedNetwork`) vouches only for the groupings its policy offers: a group of
    another unit (e.g. a team when managers may group by department only) was never checked for ``k``
    together with the others, so a finding naming it is dropped. A plain network is screened under `unit`
    here, when its roster has that column.
    """
    if isinstance(source, ScreenedNetwork):
        if unit not in source.screens:
            return None
        screen = source.screen(unit)
    else:
        if unit not in people_frame(population).columns:
            return None
        screen = screen_groups(population, policy, grouping=unit)
    return frozenset(screen.reportable - {screen.other_label})


def _role_classes_reach_k(evidence: Mapping[str, Any], people: pd.DataFrame, k: int) -> bool:
    """Whether both role classes of a role-scoped finding (``from_roles``, ``to_roles``) have at least ``k``
    members and ``k`` respondents: a class of one (the only director) would make the finding about that person."""
    if "role" not in people.columns:
        return False
    roles = people["role"].map(lambda r: "" if r is None or (isinstance(r, float) and r != r) else str(r))
    for side in ("from_roles", "to_roles"):
        listed = evidence.get(side)
        if not isinstance(listed, (list, tuple)) or not listed:
            return False
        members = roles.isin({str(r) for r in listed})
        if members.sum() < k or (members & people["responded"].astype(bool)).sum() < k:
            return False
    return True


class _Withheld(Exception):
    """Raised inside :func:`_scrub` when evidence names a withheld group."""



def _manager_persons(persons: pd.DataFrame, screen: GroupScreen) -> pd.DataFrame:
    """`persons` (:func:`screen_people`), with pseudonymised members of groups that carry no figures hidden as well.

    A person-level view shows each person's group. If the pseudonymised
    members of a group below ``k`` were shown (as "(other)"), a reader could
    add up their ties and rebuild the figure the group tables leave out. So
    they are hidden unless their merged group is reportable; people who
    consented to be named stay, as individuals.
    """
    reportable = screen.labels.reindex(persons.index).isin(screen.reportable)
    keep = persons["shown"] & (persons["name"].notna() | reportable)
    persons = persons.copy()
    for column in ("person", "label", "display"):
        persons[column] = persons[column].where(keep, None)
    persons["shown"] = keep
    return persons


def _text_renames(source: PeopleSource, persons: pd.DataFrame) -> tuple[dict[str, str], set[str]]:
    """How people appear in finding texts -> what a manager may see instead.

    Findings name people by their display name, with the id added when two
    people share a name (:func:`ona.findings.person_labels`). Both forms are
    mapped: ``"name (id)"`` to the person's display label, and the bare name
    of someone who may not be named to their pseudonym. People without a
    name are labelled by their id; an id without letters (``"7"``) cannot be
    told apart from a number in a sentence, so such people who may not be
    named are returned as *unnameable* (findings about them are dropped).
    """
    names = display_names(people_frame(source)).map(lambda n: " ".join(str(n).split()))
    counts = names.value_counts()
    renames: dict[str, str] = {}
    unnameable: set[str] = set()
    rows = zip(persons.index, names.reindex(persons.index), persons["shown"], persons["name"].notna(),
               persons["label"], persons["display"])
    for pid, name, shown, named, label, display in rows:
        if not shown:
            continue
        label, display = str(label), str(display)
        if name != pid:
            renames[f"{name} ({pid})"] = display
            if not named and counts[name] == 1:
                renames[name] = label
        elif not named:
            if re.search(r"[^\W\d_]", pid):
                renames[pid] = label
            else:
                unnameable.add(pid)
    return renames, unnameable


def _map_strings(value: Any, function: Callable[[str], str]) -> Any:
    """Apply `function` to a text, or to each text in a list or tuple (e.g. a finding's suggestions)."""
    if isinstance(value, str):
        return function(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_map_strings(v, function) for v in value)
    return value


def _same_kind(original: Any, values: list[Any]) -> Any:
    if isinstance(original, list):
        return values
    if isinstance(original, frozenset):
        return frozenset(values)
    return tuple(values)


def _scrub(
    value: Any,
    ids: Mapping[str, Any],
    shown: pd.Series,
    rename: Callable[[str], str],
    withheld_groups: frozenset[str],
    hidden_groups: set[str],
) -> Any:
    """Evidence with person ids mapped to person keys and names renamed; raises _Withheld on a small group."""
    def scrub(v: Any) -> Any:
        if isinstance(v, Mapping):
            return {scrub_key(k): scrub(x) for k, x in v.items()}
        if isinstance(v, (list, tuple, set, frozenset)):
            items = [scrub(x) for x in v]
            return type(v)(items) if not isinstance(v, (set, frozenset)) else sorted(items, key=str)
        if isinstance(v, pd.Series):
            return scrub(v.to_dict())
        if isinstance(v, pd.DataFrame):
            return scrub(v.to_dict(orient="list"))
        if isinstance(v, str):
            return scrub_text(v)
        return v

    def scrub_key(k: Any) -> Any:
        return scrub_text(k) if isinstance(k, str) else k

    def scrub_text(s: str) -> Any:
        if s in withheld_groups or s in hidden_groups:
            raise _Withheld(s)
        if s in ids:
            if not shown.get(s, False):
                raise _Withheld(s)
            return ids[s]
        return rename(s)

    return scrub(value)


def _as_text(finding: Any) -> str:
    if dataclasses.is_dataclass(finding):
        data = {f.name: getattr(finding, f.name) for f in dataclasses.fields(finding)}
    else:
        data = dict(vars(finding))
    return json.dumps(data, default=str, ensure_ascii=False)

