"""What the reader of a report may see, gathered once: :class:`ReportSource`.

A report is built from a :class:`ReportSource` only (:func:`ona.documents.build.build_report`), and a
source reads a view (:mod:`ona.views`): what a reader may see is decided by the view, never here.

* :func:`view_source` — any view: an analyst view, a manager view, a workspace opened as a view.
* :func:`analyst_source` — HR's view of the whole network: every group, people by name.
* :func:`workspace_source` — a manager workspace (:mod:`ona.workspace`), opened as a view.
* :func:`manager_source` — the manager view of a network under a policy, read as above.

Every figure in a source is already screened for its reader; :attr:`ReportSource.withheld` is the view's
leak matcher (what it hides), checked once more after the report is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "ANALYST_AUDIENCE",
    "ChangeTables",
    "KeyPlayerPage",
    "MANAGER_AUDIENCE",
    "MAX_KEY_PLAYER_PAIRS",
    "MAX_UNDECLARED_PAIRS",
    "PAIR_KINDS",
    "REPORT_KEY_PLAYERS_K",
    "ReportSource",
    "analyst_source",
    "change_tables",
    "discussed_pairs",
    "flagged_pairs",
    "key_player_page",
    "manager_source",
    "questions_asked",
    "view_source",
    "workspace_source",
]

#: The audience of a report made for HR (everything, names included).
ANALYST_AUDIENCE = "analyst"
#: The audience of a report made for managers (privacy-filtered).
MANAGER_AUDIENCE = "manager"

_QUESTION_KINDS_SHOWN = {"names", "people", "groups"}  # one text per question (per-person and per-group scales repeat)
#: Kinds of finding about a pair of groups that give the pair a page of its own in a report.
PAIR_KINDS = ("gap", "fragile_bridge", "one_sided_trust")
#: Pairs of departments without a declared collaboration that get a page of their own, at most.
MAX_UNDECLARED_PAIRS = 12
#: Size of the key-player sets in a report (as in the key-player finding).
REPORT_KEY_PLAYERS_K = 3
#: Pairs of groups whose key players a report shows, at most: the first of the pairs it discusses.
MAX_KEY_PLAYER_PAIRS = 5


@dataclass(frozen=True)
class KeyPlayerPage:
    """The key players of a report (Borgatti 2006), in the network of all the report's relations together.

    Found in the people the reader may see (the view's ``graph``), named as the reader may see them, with
    searches bounded by steps (:func:`ona.findings.keyplayers.file_key_players`), so the report is the same
    on any machine.

    Attributes
    ----------
    people : int
        People in the network searched.
    k : int
        The size of the sets searched.
    fragmentation : KeyPlayerAnswer
        KPP-Neg: the people whose absence would cut the most pairs of colleagues apart. Only the members
        the cut needs are named, with their own figures (:func:`ona.findings.keyplayers.named_cut`); none
        when the set found cuts no pair.
    reach : KeyPlayerAnswer
        KPP-Pos: the people who reach the most others in one or two steps.
    pairs : tuple of KeyPlayerAnswer
        KPP-Neg for pairs of groups the report discusses (declared collaborations first, then flagged pairs),
        at most :data:`MAX_KEY_PLAYER_PAIRS`; members named as for `fragmentation`.
    pairs_discussed : int
        Pairs of groups the report discusses (the pairs shown are the first of them).
    pairs_too_small : tuple of (str, str)
        Pairs among the first :data:`MAX_KEY_PLAYER_PAIRS` with a group of too few people for the question.
    grouping : str
        The node attribute of the groups in the rows.
    """

    people: int
    k: int
    fragmentation: Any
    reach: Any
    pairs: tuple[Any, ...] = ()
    pairs_discussed: int = 0
    pairs_too_small: tuple[tuple[str, str], ...] = ()
    grouping: str = "department"


@dataclass(frozen=True)
class ReportSource:
    """Everything a report may show, already screened for its reader.

    Attributes
    ----------
    audience : {"analyst", "manager"}
    title : str or None
        The organisation (or data set) name.
    wave : str or None
    grouping : str
        The roster attribute of the groups (usually ``department``).
    people, respondents : int
        Who the figures are about (for managers: without people whose group is too small even merged).
    groups : pandas.DataFrame
        Index: the groups shown, in display order; columns ``people`` and ``respondents``.
    relations : tuple of str
    summary : dict
        Relation -> whole-network figures (numbers).
    matrices : dict
        Relation -> group-by-group tie counts (rows send, columns receive), shown groups only.
    group_graph : networkx.DiGraph
        All relations together at group level: nodes with ``people``, ``respondents``; edges with ``ties``.
    findings : tuple of Finding
        Screened findings; person ids replaced by what the reader may see.
    names : dict
        Person key in the findings -> the name or pseudonym to print.
    collaborations : pandas.DataFrame
        Declared collaborations between shown groups: ``group_a, group_b, collaboration``.
    questions : tuple of (str, str)
        The survey's questions about people and the relation each measured.
    min_group_size : int or None
        ``k`` of the privacy policy (managers).
    hidden_groups : int
        How many groups are not shown separately (managers; they are never named).
    names_rule : str
        How people appear: ``names``, ``consent_pseudonyms``, ``consent_only``, ``pseudonyms`` or ``none``.
    seed, n_permutations : int
    withheld : TermMatcher or frozenset of str
        What must not appear anywhere in the report: a manager view's leak matcher
        (:attr:`ona.views.ManagerView.leaks`), or terms.
    collaboration_cards : tuple of CollaborationCard
        The collaboration scan per collaboration as the reader may see it
        (:meth:`ona.views.AnalystView.collaborations`): the five conditions per group, evidence, findings.
    process_sheets : dict
        ``(group_a, group_b, lang)`` -> the joint process analysis sheet
        (:class:`ona.findings.collaboration_view.ProcessSheet`) of each declared pair, in both languages.
    missing : str
        How non-respondents' unknown ties were treated: ``none`` or ``reconstruct``
        (:mod:`ona.measures.missing`).
    key_players : KeyPlayerPage or None
        The key players the reader may see (:func:`key_player_page`); None when the view shows no
        people (a manager view without person-level answers) or the network is too small.
    """

    audience: str
    title: str | None
    wave: str | None
    grouping: str
    people: int
    respondents: int
    groups: pd.DataFrame
    relations: tuple[str, ...]
    summary: Mapping[str, Mapping[str, Any]]
    matrices: Mapping[str, pd.DataFrame]
    group_graph: nx.DiGraph
    findings: tuple[Any, ...]
    names: Mapping[str, str]
    collaborations: pd.DataFrame
    questions: tuple[tuple[str, str], ...] = ()
    min_group_size: int | None = None
    hidden_groups: int = 0
    names_rule: str = "names"
    seed: int = 0
    n_permutations: int = 1000
    withheld: Any = field(default_factory=frozenset)
    collaboration_cards: tuple[Any, ...] = ()
    process_sheets: Mapping[tuple[str, str, str], Any] = field(default_factory=dict)
    missing: str = "none"
    key_players: KeyPlayerPage | None = None

    @property
    def response_rate(self) -> float:
        """Respondents / people (0 for an empty network)."""
        return self.respondents / self.people if self.people else 0.0


def questions_asked(net: OrgNetwork) -> tuple[tuple[str, str], ...]:
    """The survey's questions about people, each once, with the relation it measured.

    Empty for edge lists and matrices (no question texts were read); then a report names the relations.

    Examples
    --------
    >>> from ona import samples
    >>> questions_asked(samples.load("krackhardt"))
    ()
    """
    return _questions_of(net.report)


def _group_table(H: nx.DiGraph, order: Sequence[str]) -> pd.DataFrame:
    rows = [(g, int(H.nodes[g].get("people", 0)), int(H.nodes[g].get("respondents", 0))) for g in order if g in H]
    frame = pd.DataFrame(rows, columns=["group", "people", "respondents"]).set_index("group")
    return frame


def _sum_graphs(graphs: Iterable[nx.DiGraph], grouping: str) -> nx.DiGraph:
    """Group-level graphs of several relations added up: people from the first, ties summed."""
    total = nx.DiGraph(grouping=grouping)
    for H in graphs:
        for g, data in H.nodes(data=True):
            if g not in total:
                total.add_node(g, people=int(data.get("people", 0)), respondents=int(data.get("respondents", 0)))
        for g, h, data in H.edges(data=True):
            ties = int(data.get("ties", 1))
            if total.has_edge(g, h):
                total[g][h]["ties"] += ties
            else:
                total.add_edge(g, h, ties=ties)
    return total


def _collaborations(expected: Any, net: OrgNetwork, shown: Iterable[str], grouping: str) -> pd.DataFrame:
    columns = ["group_a", "group_b", "collaboration"]
    if expected is None:
        return pd.DataFrame(columns=columns)
    from ona.io.expected import expected_frame

    frame = expected_frame(expected, net, grouping=grouping)
    visible = set(shown)
    keep = frame["group_a"].isin(visible) & frame["group_b"].isin(visible)
    frame = frame.loc[keep, columns].copy()
    frame["collaboration"] = frame["collaboration"].fillna("").astype(str)
    return frame.drop_duplicates(subset=["group_a", "group_b"]).reset_index(drop=True)


def flagged_pairs(findings: Sequence[Any]) -> list[tuple[str, str]]:
    """Pairs of groups that findings of a :data:`PAIR_KINDS` kind are about, in the findings' order, once each."""
    pairs: list[tuple[str, str]] = []
    for f in findings:
        if f.kind in PAIR_KINDS and len(f.groups) == 2 and (tuple(f.groups) not in pairs):
            pairs.append((str(f.groups[0]), str(f.groups[1])))
    return pairs


def discussed_pairs(collaborations: pd.DataFrame, findings: Sequence[Any]) -> list[tuple[str, str]]:
    """The pairs of groups a report gives a page, in page order: declared collaborations, then pairs findings
    flag (at most :data:`MAX_UNDECLARED_PAIRS` of those).

    >>> frame = pd.DataFrame({"group_a": ["IT"], "group_b": ["Sales"], "collaboration": ["CRM"]})
    >>> discussed_pairs(frame, [])
    [('IT', 'Sales')]
    """
    declared = [(str(a), str(b)) for a, b in zip(collaborations["group_a"], collaborations["group_b"])]
    seen = {frozenset(p) for p in declared}
    undeclared = []
    for a, b in flagged_pairs(findings):
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            undeclared.append((a, b))
    return declared + undeclared[:MAX_UNDECLARED_PAIRS]


def _together(graphs: Sequence[nx.DiGraph]) -> nx.DiGraph:
    """Several relations' graphs of the same people as one: tied when tied in any of them."""
    if not graphs:
        return nx.DiGraph()
    together = nx.DiGraph()
    together.add_nodes_from(graphs[0].nodes(data=True))
    for G in graphs:
        together.add_nodes_from(n for n in G if n not in together)
        together.add_edges_from(G.edges())
    return together


def key_player_page(
    graphs: Sequence[nx.DiGraph],
    *,
    grouping: str,
    pairs: Sequence[tuple[str, str]] = (),
    names: Mapping[Any, str] | None = None,
    seed: int = 0,
    k: int = REPORT_KEY_PLAYERS_K,
) -> KeyPlayerPage | None:
    """The key players of a report: KPP-Neg and KPP-Pos for everyone, KPP-Neg for the first pairs of groups.

    Parameters
    ----------
    graphs : sequence of networkx.DiGraph
        The graphs of the report's relations as the reader may see them (a view's ``graph``), taken together
        (two people are tied when tied in any relation, as the key-player finding does).
    grouping : str
        The node attribute of the groups (a view's ``person_grouping``).
    pairs : sequence of (str, str), optional
        The pairs of groups the report discusses, most important first (:func:`discussed_pairs`); the first
        :data:`MAX_KEY_PLAYER_PAIRS` get their key players.
    names : mapping, optional
        Node -> the name to print (the node's ``name`` otherwise).
    seed : int, optional
        The view's seed.
    k : int, optional (default=3)

    Returns
    -------
    KeyPlayerPage or None
        None when there are too few people or no ties (and for a view that shows nobody: its graphs are empty).
    """
    from ona.exceptions import OnaError
    from ona.findings.keyplayers import KeyPlayerAnswer, file_key_players, named_cut

    G = _together(list(graphs))
    if G.number_of_nodes() <= k + 1 or G.number_of_edges() == 0:
        return None
    def answer(result: Any) -> Any:
        if result.objective == "fragmentation":  # name only the members the cut needs; nobody when nothing is cut
            result = named_cut(result, G, grouping)
        return KeyPlayerAnswer.of(result, G, grouping, names)

    answers = {aim: answer(file_key_players(G, k, objective=aim, seed=seed)) for aim in ("fragmentation", "reach")}
    labels = {str(g) for _, g in G.nodes(data=grouping) if g is not None and g == g}
    shown, too_small = [], []
    for a, b in list(pairs)[:MAX_KEY_PLAYER_PAIRS]:
        try:
            if a not in labels or b not in labels:
                raise OnaError(f"{a!r} or {b!r} is not among the people shown.")
            result = file_key_players(G, k, groups=(a, b), grouping=grouping, seed=seed)
        except OnaError:  # a group of k people or fewer: the question has no answer
            too_small.append((a, b))
            continue
        shown.append(answer(result))
    return KeyPlayerPage(people=G.number_of_nodes(), k=k, fragmentation=answers["fragmentation"],
                         reach=answers["reach"], pairs=tuple(shown), pairs_discussed=len(pairs),
                         pairs_too_small=tuple(too_small), grouping=grouping)


@old_grouping_names
def analyst_source(
    net: OrgNetwork,
    *,
    expected: Any = None,
    grouping: str = "department",
    seed: int = 0,
    n_permutations: int = 1000,
    analysis: Any = None,
    findings: Sequence[Any] | None = None,
) -> ReportSource:
    """HR's report source: the whole network, every group, people by name.

    Parameters
    ----------
    net : OrgNetwork
    expected : optional
        Declared collaborations (see :func:`ona.io.expected.read_expected`), for the findings and the
        per-collaboration pages.
    grouping : str, optional (default="department")
    seed, n_permutations : int, optional
        For the analysis and the findings when they are computed here.
    analysis : ona.measures.analysis.Analysis, optional
        A finished :func:`ona.measures.analysis.analyze` of `net` with the same `grouping`.
    findings : sequence of Finding, optional
        Findings of `net`; computed with :func:`ona.findings.find_findings` when omitted.
    """
    from ona.findings import find_findings, person_labels
    from ona.viz.layout import group_graph

    if analysis is None:
        from ona.measures.analysis import analyze

        analysis = analyze(net, grouping=grouping, seed=seed, n_permutations=n_permutations)
    if findings is None:
        findings = find_findings(net, expected=expected, grouping=grouping, seed=seed)
    relations = tuple(analysis.relations)
    aggregate = _sum_graphs((group_graph(net.graph(r), grouping) for r in relations), grouping)
    if not relations:  # no ties at all: the groups still show
        aggregate = group_graph(net.graph(net.relations[0]), grouping) if net.relations else aggregate
    order = sorted(aggregate.nodes, key=lambda g: (str(g).startswith("("), str(g)))
    collaborations = _collaborations(expected, net, order, grouping)
    cards: tuple[Any, ...] = ()
    sheets: dict[tuple[str, str, str], Any] = {}
    if expected is not None and len(collaborations):
        from ona.findings.collaboration_view import collaboration_cards, process_sheet

        cards = tuple(collaboration_cards(net, expected, grouping=grouping, findings=findings))
        labels = person_labels(net)
        for a, b in zip(collaborations["group_a"].astype(str), collaborations["group_b"].astype(str)):
            for lang in ("nl", "en"):
                sheets[(a, b, lang)] = process_sheet(net, a, b, grouping=grouping, expected=expected,
                                                     names=labels, lang=lang)
    labels_by_id = person_labels(net)
    key_players = key_player_page([net.graph(r) for r in relations], grouping=grouping,
                                  pairs=discussed_pairs(collaborations, findings), names=labels_by_id, seed=seed)
    return ReportSource(
        audience=ANALYST_AUDIENCE,
        title=net.name,
        wave=net.wave,
        grouping=grouping,
        people=len(net),
        respondents=len(net.respondents),  # type: ignore[arg-type]
        groups=_group_table(aggregate, order),
        relations=relations,
        summary={r: dict(analysis.summary[r]) for r in relations},
        matrices={r: analysis.group_matrices[r] for r in relations},
        group_graph=aggregate,
        findings=tuple(findings),
        names=labels_by_id,
        collaborations=collaborations,
        questions=questions_asked(net),
        seed=seed,
        n_permutations=n_permutations,
        collaboration_cards=cards,
        process_sheets=sheets,
        missing=str(getattr(analysis, "missing", "none")),
        key_players=key_players,
    )


def workspace_source(
    workspace: Any,
    *,
    expected: Any = None,
    net: OrgNetwork | None = None,
    withheld: Iterable[str] = (),
) -> ReportSource:
    """A manager's report source, read from a manager workspace (:class:`ona.workspace.Workspace`).

    The workspace is opened as a view (:class:`ona.workspace.WorkspaceView`) and read by
    :func:`view_source`: nothing is screened again here, and nothing depends on a role.

    Parameters
    ----------
    workspace : Workspace
        Built by :func:`ona.workspace.build_workspace` or opened with :func:`ona.workspace.load_workspace`.
    expected : optional
        Declared collaborations; only pairs of the groups the workspace shows are kept (needs `net`).
    net : OrgNetwork, optional
        The full network, when at hand: for the declared collaborations and the survey's questions
        (questions that contain a withheld term are left out).
    withheld : iterable of str or TermMatcher, optional
        What must not appear (a manager view's :attr:`ona.views.ManagerView.leaks`, or terms such as
        :func:`ona.privacy.withheld_terms`); the workspace itself was checked when it was built.
    """
    from ona.privacy import TermMatcher
    from ona.workspace import WorkspaceView

    source = view_source(WorkspaceView(workspace))
    blocked = withheld if isinstance(withheld, TermMatcher) else TermMatcher(str(w) for w in withheld)
    changes: dict[str, Any] = {"withheld": blocked}
    if net is not None:
        changes["questions"] = tuple(q for q in questions_asked(net) if not blocked.find(q[0]))
        if expected is not None:
            changes["collaborations"] = _collaborations(expected, net, list(source.groups.index), source.grouping)
    return _replace(source, **changes)


def view_source(view: Any, *, n_permutations: int = 1000) -> ReportSource:
    """The report source of a view (:mod:`ona.views`): exactly what the view's reader may see.

    Works with every view of the :class:`ona.views.View` protocol: an analyst view (HR), a manager view
    (screened once by the privacy policy) or a published workspace opened as a view. Nothing is computed
    here that the view does not answer itself; a manager view also gives its leak matcher
    (:attr:`ona.views.ManagerView.leaks`: what it hides, under every grouping), and the finished report is
    checked once more against exactly that.

    Parameters
    ----------
    view : ona.views.View
    n_permutations : int, optional
        The permutations the view's analysis used, for the method notes.
    """
    grouping = str(view.grouping)
    relations = tuple(view.relations)
    aggregate = _sum_graphs((view.group_graph(r) for r in relations), grouping)
    shown = [str(g) for g in view.groups_shown()]
    response = view.response()
    response = response[response["group"].astype(str) != "(all)"].set_index("group")
    order = [g for g in shown if g in response.index or g in aggregate]
    groups = pd.DataFrame(
        {"people": [int(response.at[g, "people"]) if g in response.index else
                    int(aggregate.nodes[g].get("people", 0)) for g in order],
         "respondents": [int(response.at[g, "respondents"]) if g in response.index else
                         int(aggregate.nodes[g].get("respondents", 0)) for g in order]},
        index=pd.Index(order, name="group"),
    )
    expected = view.expected
    columns = ["group_a", "group_b", "collaboration"]
    if expected is not None and len(expected):
        frame = expected.loc[expected["group_a"].astype(str).isin(order) & expected["group_b"].astype(str).isin(order)]
        collaborations = frame[columns].assign(collaboration=frame["collaboration"].fillna("").astype(str))
        collaborations = collaborations.drop_duplicates(subset=["group_a", "group_b"]).reset_index(drop=True)
    else:
        collaborations = pd.DataFrame(columns=columns)
    manager = view.role == MANAGER_AUDIENCE
    hidden = view.hidden
    policy = getattr(view, "policy", None)
    leaks = getattr(view, "leaks", None)  # the view's own leak matcher: exactly what it hides
    withheld: Any = leaks if leaks is not None else frozenset()
    names_rule = _names_rule(_policy_facts(view)) if manager else "names"
    report = view.report
    net = getattr(view, "net", None)
    questions = questions_asked(net) if net is not None and not manager else ()
    if not questions and report is not None:
        questions = _questions_of(report)
    cards = tuple(view.collaborations()) if len(collaborations) else ()
    sheets: dict[tuple[str, str, str], Any] = {}
    for a, b in zip(collaborations["group_a"].astype(str), collaborations["group_b"].astype(str)):
        for lang in ("nl", "en"):
            sheet = view.process_sheet(a, b, lang)
            if sheet is not None:
                sheets[(a, b, lang)] = sheet
    analysis = view.analysis if getattr(view, "prepared", False) else None  # what the view computed, if it did
    findings = tuple(view.findings())
    person_labels_shown = dict(view.person_labels())
    key_players = None
    if view.person_level:  # people are shown: the view's graphs hold exactly them, named as they may be
        person_grouping = str(getattr(view, "person_grouping", grouping))
        pairs = discussed_pairs(collaborations, findings) if person_grouping == grouping else []
        key_players = key_player_page([view.graph(r) for r in relations], grouping=person_grouping, pairs=pairs,
                                      names=person_labels_shown, seed=int(getattr(view, "seed", 0)))
    return ReportSource(
        audience=MANAGER_AUDIENCE if manager else ANALYST_AUDIENCE,
        title=view.title or None,
        wave=view.wave,
        grouping=grouping,
        people=int(view.people_count),
        respondents=int(view.respondent_count),
        groups=groups,
        relations=relations,
        summary=view.summary(),
        matrices={r: view.group_matrix(r, "counts") for r in relations},
        group_graph=aggregate,
        findings=findings,
        names=person_labels_shown,
        collaborations=collaborations,
        questions=questions,
        min_group_size=int(hidden.k) if manager and getattr(hidden, "k", 0) else (policy.k if manager and policy
                                                                                 else None),
        hidden_groups=int(getattr(hidden, "groups", 0)) if manager else 0,
        names_rule=names_rule,
        seed=int(getattr(view, "seed", 0)),
        n_permutations=n_permutations,
        withheld=withheld,
        collaboration_cards=cards,
        process_sheets=sheets,
        missing=str(getattr(analysis, "missing", "none")),
        key_players=key_players,
    )


def _questions_of(report: Any) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for question in (getattr(report, "details", {}) or {}).get("questions", ()) or ():
        relation, text = question.get("relation"), str(question.get("text") or "").strip()
        if relation and text and question.get("kind") in _QUESTION_KINDS_SHOWN and text not in seen:
            seen[text] = str(relation)
    return tuple(seen.items())


def _policy_facts(view: Any) -> Mapping[str, Any]:
    """The privacy settings of a manager view or a workspace view, as a workspace manifest states them
    (whether people are shown is the view's answer: nobody is without a key when someone may not be named)."""
    policy = getattr(view, "policy", None)
    if policy is not None and hasattr(policy, "show_names"):
        return {"person_level": view.person_level, "show_names": policy.show_names,
                "pseudonyms": policy.pseudonymises}
    workspace = getattr(view, "workspace", None)
    return dict(workspace.policy) if workspace is not None else {}


@dataclass(frozen=True)
class ChangeTables:
    """Two waves compared, for HR (what :meth:`ona.views.AnalystView.compare` answers; see
    :func:`ona.documents.build.build_change_report`)."""

    before_wave: str
    after_wave: str
    panel: int
    relations: pd.DataFrame
    groups: pd.DataFrame
    teams: pd.DataFrame
    spread: pd.DataFrame
    findings: list[Any]


def change_tables(comparison: Any, findings: Sequence[Any]) -> ChangeTables:
    """The tables of a :class:`ona.findings.change.WaveComparison` as a change report reads them.

    Every person and group is in them: for HR only. A manager's change report comes from a manager view's
    ``compare``, which screens the groups, teams and findings first.
    """
    spread = pd.DataFrame(
        [{"relation": r, "unit": s.get("unit"), "origin": s.get("origin"), "origin_gain": s.get("origin_gain"),
          "contacts": len(s.get("contacts", ()) or ()), "contacts_gain": s.get("contacts_gain"),
          "others_gain": s.get("others_gain")} for r, s in comparison.spread.items() if s],
        columns=["relation", "unit", "origin", "origin_gain", "contacts", "contacts_gain", "others_gain"])
    return ChangeTables(str(comparison.before_wave), str(comparison.after_wave), len(comparison.panel),
                        comparison.relations, comparison.groups, comparison.teams, spread, list(findings))


def _names_rule(privacy: Mapping[str, Any]) -> str:
    if not privacy.get("person_level", True):
        return "none"
    show, pseudonyms = bool(privacy.get("show_names")), bool(privacy.get("pseudonyms"))
    if show and pseudonyms:
        return "consent_pseudonyms"
    if show:
        return "consent_only"
    return "pseudonyms" if pseudonyms else "none"


@old_grouping_names
def manager_source(
    net: OrgNetwork,
    policy: Any,
    *,
    expected: Any = None,
    grouping: str = "department",
    seed: int = 0,
    n_permutations: int = 1000,
    analysis: Any = None,
    findings: Sequence[Any] | None = None,
) -> ReportSource:
    """A manager's report source for `net` under `policy`: :func:`view_source` of its manager view.

    The :class:`ona.views.ManagerView` applies the privacy policy once; the report is built from its
    answers only and checked against its leak matcher.

    Parameters
    ----------
    net : OrgNetwork
        The full network, as HR holds it.
    policy : ona.privacy.PrivacyPolicy
    expected, grouping, seed, n_permutations, analysis, findings
        As in :func:`ona.workspace.build_workspace`.
    """
    from ona.views import ManagerView

    view = ManagerView(net, policy, grouping=grouping, expected=expected, seed=seed, analysis=analysis,
                       findings=findings)
    view.prepare(n_permutations=n_permutations)
    return _replace(view_source(view, n_permutations=n_permutations), seed=seed)


def _replace(source: ReportSource, **changes: Any) -> ReportSource:
    import dataclasses

    return dataclasses.replace(source, **changes)
