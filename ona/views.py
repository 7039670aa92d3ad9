"""What a reader may see: one role-aware reading interface for pages, downloads, reports and workspaces.

A *view* answers everything the app's pages, the downloads, the reports and a
published workspace need — relations, people, groups, group matrices, graphs,
findings, the whole-network summary, ties between two groups — and decides
once, when it is built, what its reader may see:

* :class:`AnalystView` (HR): everything, with names and ids.
* :class:`ManagerView`: the network screened once by :mod:`ona.privacy`
  under the privacy policy — people of groups too small to show are left out
  before anything is computed, small groups are merged into ``(other)``,
  people appear by name only with consent and otherwise by pseudonym, or not
  at all. Every answer is computed from the screened network, so no
  combination of answers gives back what was withheld.
* :class:`ona.workspace.WorkspaceView`: a published workspace, which is a
  serialised :class:`ManagerView` and answers the same questions from its files.

Pages take a view and show it; they never decide what a role may see. What a
reader may *do* besides reading (upload data, decide on names, publish) is in
:attr:`View.capabilities`.

Examples
--------
>>> import ona
>>> view = AnalystView(ona.samples.load("krackhardt"), grouping="department")
>>> view.relations
['advice', 'friendship', 'reports_to']
>>> int(view.group_matrix("advice").to_numpy().sum())
190
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Protocol, runtime_checkable

import networkx as nx
import pandas as pd

from ona import privacy
from ona.findings import Finding, find_findings, link_carriers, person_labels
from ona.findings.change import WaveComparison, change_findings, compare_waves
from ona.findings.collaboration import collaboration_findings
from ona.findings.confidence import Responses, with_confidence
from ona.findings.collaboration_view import CollaborationCard, ProcessSheet, collaboration_cards, process_sheet
from ona.findings.pairs import pair_table
from ona.io.expected import ExpectedLike, expected_frame
from ona.io.report_text import response_table
from ona.io.survey.perceived import perceived_collaboration
from ona.measures.analysis import Analysis, analyze
from ona.measures.conditions import ALL_GROUPS, ConditionsScan, conditions_scan
from ona.measures.metrics import PERSON_COLUMNS
from ona.exceptions import ConfigurationError
from ona.model import OrgNetwork, json_plain
from ona.report import IngestReport, Issue
from ona.viz.layout import group_graph

__all__ = [
    "ANALYST_CAPABILITIES",
    "AnalystView",
    "Change",
    "Hidden",
    "ManagerView",
    "Pair",
    "SPREAD_FIELDS",
    "View",
    "relation_people",
]

#: What an analyst may do besides reading: upload data, decide on names, see the ingest items,
#: focus on one person, see who carries a pair's ties, publish for managers.
ANALYST_CAPABILITIES = frozenset({"upload", "review", "report_items", "person_focus", "pair_people", "publish",
                                  "raw_ties", "survey_kit"})
#: Roster columns shown beside person measures.
ROSTER_COLUMNS = ("name", "department", "team", "role")


@dataclass(frozen=True)
class Hidden:
    """What a view leaves out, in counts only (never names): for the sentence "1 department ... is not shown".

    Attributes
    ----------
    groups : int
        Groups of the current grouping with fewer than ``k`` members or respondents: not shown separately
        (merged into ``(other)``, or left out when even the merged group stays below ``k``).
    people : int
        People left out of every figure.
    k : int
        The minimum group size.
    unnamed : int
        People who may be neither named nor pseudonymised (no pseudonym key, and no consent or no name in
        the roster); when above 0 nobody is shown person by person, as showing only the others would give
        them away (:func:`ona.privacy.screen_people`).
    """

    groups: int = 0
    people: int = 0
    k: int = 0
    unnamed: int = 0

    def __bool__(self) -> bool:
        return bool(self.groups or self.people or self.unnamed)


@dataclass(frozen=True)
class Pair:
    """The ties between two groups: counts both ways, and (where the reader may see people) every tie."""

    first: str
    second: str
    forward: int
    backward: int
    ties: pd.DataFrame | None = None
    carriers: pd.DataFrame | None = None

    @property
    def total(self) -> int:
        return self.forward + self.backward


#: The figures of a spread row (where cross-group growth started and how far it reached).
SPREAD_FIELDS = ("origin", "origin_gain", "contacts", "contacts_gain", "others_gain")


@dataclass(frozen=True)
class Change:
    """Two waves compared, as the reader may see them (every number from :mod:`ona.findings.change`).

    Attributes
    ----------
    before_wave, after_wave : str
    panel : int
        People who responded in both waves.
    relations : pandas.DataFrame
        Kept, new and lost ties per relation.
    matrices : dict
        Relation -> (before, after) group-by-group tie counts.
    groups, teams : pandas.DataFrame
        Cross-group ties per panel respondent, before and after, per group and per team.
    spread : pandas.DataFrame
        Per relation: the origin of the growth, its gain, its first-wave contacts' gain and the others' gain.
    findings : list of Finding
    """

    before_wave: str
    after_wave: str
    panel: int
    relations: pd.DataFrame
    matrices: dict[str, tuple[pd.DataFrame, pd.DataFrame]]
    groups: pd.DataFrame
    teams: pd.DataFrame
    spread: pd.DataFrame
    findings: list[Finding]

    @classmethod
    def of(cls, comparison: WaveComparison, findings: list[Finding]) -> Change:
        matrices = {}
        for relation in comparison.relations["relation"]:
            pairs = comparison.group_pairs[comparison.group_pairs["relation"] == relation]
            matrices[relation] = tuple(
                pairs.pivot(index="source_group", columns="target_group", values=column).fillna(0)
                for column in ("before", "after"))
        spread = pd.DataFrame([{"relation": r, "unit": s.get("unit"), "origin": s.get("origin"),
                                "origin_gain": s.get("origin_gain"), "contacts": len(s.get("contacts", ())),  # type: ignore[arg-type]
                                "contacts_gain": s.get("contacts_gain"), "others_gain": s.get("others_gain")}
                               for r, s in comparison.spread.items() if s],
                              columns=["relation", "unit", *SPREAD_FIELDS])
        return cls(str(comparison.before_wave), str(comparison.after_wave), len(comparison.panel),
                   comparison.relations, matrices, comparison.groups, comparison.teams, spread, findings)


@runtime_checkable
class View(Protocol):
    """The questions every page, download, report and workspace asks; see the module docstring."""

    role: str
    key: tuple[Hashable, ...]
    title: str
    description: str
    wave: str | None
    grouping: str
    capabilities: frozenset[str]

    @property
    def person_grouping(self) -> str: ...

    @property
    def person_level(self) -> bool: ...
    @property
    def people_count(self) -> int: ...
    @property
    def respondent_count(self) -> int: ...
    @property
    def relations(self) -> list[str]: ...
    @property
    def tie_counts(self) -> dict[str, int]: ...
    @property
    def expected(self) -> pd.DataFrame | None: ...
    @property
    def hidden(self) -> Hidden: ...
    @property
    def report(self) -> IngestReport: ...
    def group_labels(self) -> pd.Series: ...
    def groups_shown(self) -> list[str]: ...
    def person_labels(self) -> dict[str, str]: ...
    def people(self, relation: str | None = None) -> pd.DataFrame: ...
    def groups(self, relation: str) -> pd.DataFrame: ...
    def group_matrix(self, relation: str, values: str = "counts") -> pd.DataFrame: ...
    def graph(self, relation: str) -> nx.DiGraph: ...
    def group_graph(self, relation: str) -> nx.DiGraph: ...
    def findings(self) -> list[Finding]: ...
    def bridges(self) -> list[tuple[str, tuple[str, ...]]]: ...
    def summary(self) -> dict[str, dict[str, Any]]: ...
    def response(self) -> pd.DataFrame: ...
    def pair(self, relation: str, first: str, second: str) -> Pair: ...
    def pairs(self, relation: str | None = None) -> pd.DataFrame: ...
    def perceived(self) -> pd.DataFrame: ...
    def compare(self, before: OrgNetwork, after: OrgNetwork) -> Change | None: ...
    def collaborations(self) -> list[CollaborationCard]: ...
    def process_sheet(self, first: str, second: str, lang: str = "nl") -> ProcessSheet | None: ...


def relation_people(people: pd.DataFrame, relation: str) -> pd.DataFrame:
    """One relation's person measures (without the relation prefix) beside the roster columns and community.

    `people` is :attr:`ona.measures.analysis.Analysis.people` or a table of the same shape (a workspace's
    ``people.csv``): columns ``<relation>_<measure>`` become ``<measure>``; ``community_<relation>``
    becomes ``community``; measures of other relations are left out.
    """
    prefix = f"{relation}_"
    measures = {c: c[len(prefix):] for c in people.columns
                if c.startswith(prefix) and c[len(prefix):] in PERSON_COLUMNS}
    other_relations = {c for c in people.columns if c not in measures and any(
        c.endswith(f"_{m}") for m in PERSON_COLUMNS)}
    base = [c for c in people.columns if c not in measures and c not in other_relations
            and not c.startswith(("community_", "community_stability_"))]
    frame = people[base].join(people[list(measures)].rename(columns=measures))
    if f"community_{relation}" in people.columns:
        frame["community"] = people[f"community_{relation}"]
    return frame


class _NetworkView:
    """What analyst and manager views share: answers computed from one network and its analysis."""

    role = "analyst"
    capabilities: frozenset[str] = frozenset()

    def __init__(
        self,
        net: OrgNetwork,
        *,
        grouping: str = "department",
        analysis: Analysis | None = None,
        expected: pd.DataFrame | None = None,
        title: str | None = None,
        description: str = "",
        seed: int = 0,
        findings: Sequence[Finding] | None = None,
        key: tuple[Hashable, ...] = (),
    ) -> None:
        self.net = net
        self.key = (self.role, *key, grouping) if key else (self.role, id(self), grouping)
        self.grouping = grouping
        self.title = title or net.name or ""
        self.description = description
        self.wave = net.wave
        self.seed = seed
        self._analysis = analysis if analysis is not None and analysis.grouping == grouping else None
        self._expected = expected
        self._findings = list(findings) if findings is not None else None

    # -- the analysis, computed once ------------------------------------------------------------

    def prepare(self, progress: Any = None, **options: Any) -> Analysis:
        """Compute the analysis now, once: with an optional ``progress(step, fraction)`` callback and
        further options of :func:`ona.analyze` (e.g. ``n_permutations``)."""
        if self._analysis is None:
            self._analysis = analyze(self.net, grouping=self.grouping, seed=self.seed, progress=progress, **options)
        return self._analysis

    @property
    def analysis(self) -> Analysis:
        return self.prepare()

    @property
    def prepared(self) -> bool:
        """Whether the analysis has been computed."""
        return self._analysis is not None

    # -- figures ------------------------------------------------------------------------------------

    @property
    def people_count(self) -> int:
        return len(self.net)

    @property
    def respondent_count(self) -> int:
        return len(self.net.respondents)  # type: ignore[arg-type]

    @property
    def response_rate(self) -> float:
        return self.respondent_count / self.people_count if self.people_count else math.nan

    @property
    def relations(self) -> list[str]:
        """Relations with at least one tie, in the network's order."""
        counts = self.tie_counts
        return [r for r in self.net.relations if counts.get(r, 0) > 0]

    @property
    def all_relations(self) -> list[str]:
        """Every relation the survey asked about, also those without ties."""
        return list(self.net.relations)

    @cached_property
    def tie_counts(self) -> dict[str, int]:
        counts = self.net.ties["relation"].value_counts()
        return {r: int(counts.get(r, 0)) for r in self.net.relations}

    @property
    def expected(self) -> pd.DataFrame | None:
        return self._expected

    @property
    def report(self) -> IngestReport:
        return self.net.report

    def summary(self) -> dict[str, dict[str, Any]]:
        return self.analysis.summary

    def groups(self, relation: str) -> pd.DataFrame:
        table = self.analysis.groups
        return table[table["relation"] == relation].drop(columns="relation").reset_index(drop=True)

    def response(self) -> pd.DataFrame:
        """People, respondents and response rate per group, with a final ``(all)`` row."""
        return response_table(self.net, self.grouping)

    def pairs(self, relation: str | None = None) -> pd.DataFrame:
        """Every pair of groups with its observed and expected ties and its status (gap, thin, healthy):
        :func:`ona.findings.pairs.pair_table`, for all relations together (None) or one relation."""
        return pair_table(self.net, relations=[relation] if relation else None, expected=self._expected,
                          grouping=self.grouping, findings=self.findings())

    def perceived(self) -> pd.DataFrame:
        """How often each group says it works with each other group (0 never to 4 daily), from the survey:
        :func:`ona.io.survey.perceived.perceived_collaboration`; empty when the survey did not ask."""
        return perceived_collaboration(self.net, self.grouping)


class AnalystView(_NetworkView):
    """Everything, for HR: every person by name and id, every group, the raw ties and the ingest report.

    Parameters
    ----------
    net : OrgNetwork
    grouping : str, optional (default="department")
        The roster attribute that defines groups.
    analysis : Analysis, optional
        A finished :func:`ona.analyze` of `net` with the same grouping (computed on first use otherwise).
    expected : pandas.DataFrame, optional
        Declared collaborations (:func:`ona.read_expected`).
    title, description : str, optional
    seed : int, optional (default=0)
    findings : sequence of Finding, optional
        Precomputed findings (computed on first use otherwise).
    key : tuple, optional
        What identifies the data (e.g. a digest of the uploaded files), for caches of drawings; the
        view's :attr:`key` adds the role and grouping to it.
    """

    role = "analyst"
    capabilities = ANALYST_CAPABILITIES
    #: Nothing is withheld from analysts (see :attr:`ManagerView.leaks`).
    leaks = None

    @property
    def person_level(self) -> bool:
        return True

    @property
    def person_grouping(self) -> str:
        """The grouping person-level answers carry: the chosen one."""
        return self.grouping

    @property
    def hidden(self) -> Hidden:
        return Hidden()

    def group_labels(self) -> pd.Series:
        return self.net.groups(self.grouping)

    def groups_shown(self) -> list[str]:
        return sorted(self.group_labels().unique())

    def person_labels(self) -> dict[str, str]:
        return person_labels(self.net)

    def people(self, relation: str | None = None) -> pd.DataFrame:
        """Person measures of `relation` (of every relation, prefixed, when None), indexed by id, with name,
        group, roster columns and community."""
        people = self.analysis.people
        frame = people.copy() if relation is None else relation_people(people, relation)
        frame["name"] = self.net.display_names().astype(str)
        if self.grouping not in frame.columns:
            frame.insert(min(2, len(frame.columns)), self.grouping, self.group_labels())
        frame.index.name = "id"
        return frame

    def group_matrix(self, relation: str, values: str = "counts") -> pd.DataFrame:
        matrices = self.analysis.group_matrices if values == "counts" else self.analysis.group_density_matrices
        return matrices[relation]

    def graph(self, relation: str) -> nx.DiGraph:
        """The relation's graph, one node per person (id) with ``name`` and the roster attributes."""
        return self.net.graph(relation)

    def group_graph(self, relation: str) -> nx.DiGraph:
        return group_graph(self.net.graph(relation), self.grouping, weight="weight")

    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = _with_scan(self.net, find_findings(self.net, expected=self._expected,
                                                                grouping=self.grouping, seed=self.seed),
                                        self._expected, self.grouping)
        return self._findings

    def bridges(self) -> list[tuple[str, tuple[str, ...]]]:
        """(person, groups) for everyone a link between groups hangs on: fragile bridges, and the carriers of a
        side-by-side pair's few ties (see :func:`ona.findings.link_carriers`)."""
        return link_carriers(self.findings())

    def pair(self, relation: str, first: str, second: str) -> Pair:
        """Every tie between two groups (both directions), and how many of them each person carries."""
        counts = self.group_matrix(relation)
        labels, names = self.group_labels(), self.net.display_names().astype(str)
        ties = self.net.ties_of(relation)
        src, dst = ties["source"].map(labels), ties["target"].map(labels)
        between = ties[((src == first) & (dst == second)) | ((src == second) & (dst == first))]
        frame = pd.DataFrame({
            "source": between["source"].map(names).to_numpy(),
            "source_group": between["source"].map(labels).to_numpy(),
            "target": between["target"].map(names).to_numpy(),
            "target_group": between["target"].map(labels).to_numpy(),
            "weight": between["weight"].to_numpy(),
        })
        carried = pd.concat([between["source"], between["target"]]).value_counts()
        carriers = pd.DataFrame({"name": carried.index.map(names), "group": carried.index.map(labels),
                                 "ties": carried.to_numpy()})
        return Pair(first, second, _cell(counts, first, second), _cell(counts, second, first), frame, carriers)

    def compare(self, before: OrgNetwork, after: OrgNetwork) -> Change:
        """Two waves of this organisation compared (groups as in the earlier wave)."""
        comparison = compare_waves(before, after, grouping=self.grouping)
        return Change.of(comparison, change_findings(comparison))


    # -- the collaboration scan (ona.findings.collaboration_view) --------------------------------------

    @cached_property
    def _collaborations(self) -> list[CollaborationCard]:
        return collaboration_cards(self.net, self._expected, grouping=self.grouping, findings=self.findings())

    def collaborations(self) -> list[CollaborationCard]:
        """One card per declared collaboration: its five conditions per group, network evidence and findings."""
        return list(self._collaborations)

    def process_sheet(self, first: str, second: str, lang: str = "nl") -> ProcessSheet:
        """The joint process analysis sheet of two groups, with the people who carry their ties by name."""
        return process_sheet(self.net, first, second, grouping=self.grouping, expected=self._expected,
                             names=self.person_labels(), lang=lang)


class ManagerView(_NetworkView):
    """What a manager may see, decided once by the privacy policy.

    The network is screened when the view is built (:func:`ona.privacy.screen_network`): people
    whose group is too small to show under any grouping the policy offers (and in any wave given
    in `also`) are left out before anything is computed, so no figure includes them, none can be
    subtracted from another, and switching grouping or wave reveals nobody. Small groups are merged
    into ``(other)`` *before* the analysis (:meth:`ona.privacy.ScreenedNetwork.shown_network`), so
    no figure — groups reached, brokerage roles, findings — sees a group a manager may not see.
    People appear by name only with consent, otherwise by pseudonym, or not at all; no ids, e-mail
    addresses or roster details.

    **Person-level answers are the same in every grouping**: the people table, the graph of people,
    findings that name people and the bridges always come from the organisational unit (the
    policy's first grouping). Only group-level answers follow the chosen grouping. Otherwise a
    manager could join the tables of two groupings on the pseudonym and learn each person's team and
    location together — a combination that can single a person out.

    Parameters
    ----------
    net : OrgNetwork
        The whole network as HR holds it.
    policy : PrivacyPolicy
    grouping : str, optional (default="department")
        One of ``policy.groupings``.
    also : sequence of OrgNetwork, optional
        Other waves of the same organisation, screened together with `net`.
    expected, title, description, seed, key : see :class:`AnalystView`
    analysis : Analysis, optional
        A finished analysis of :attr:`screened` with this grouping; ignored when it holds other people.
    findings : sequence of Finding, optional
        Findings of `net`; used only when the screening leaves everyone in and merges no group.
    screened : ScreenedNetwork, optional
        ``screen_network(net, policy, also=...)`` when already computed.

    Raises
    ------
    ConfigurationError
        If the policy does not offer `grouping` to managers, or `screened` belongs to another
        network or policy.
    """

    role = "manager"
    capabilities: frozenset[str] = frozenset()

    def __init__(self, net: OrgNetwork, policy: privacy.PrivacyPolicy, *, grouping: str = "department",
                 also: Sequence[OrgNetwork] = (), analysis: Analysis | None = None,
                 expected: ExpectedLike | None = None, title: str | None = None, description: str = "",
                 seed: int = 0, key: tuple[Hashable, ...] = (), findings: Sequence[Finding] | None = None,
                 screened: privacy.ScreenedNetwork | None = None) -> None:
        self.full = net
        self.policy = policy
        if screened is None:
            screened = privacy.screen_network(net, policy, also=also)
        elif screened.source is not net or screened.policy != policy:
            raise ConfigurationError("The screened network given to ManagerView belongs to another network or "
                                     "policy.")
        self.screening = screened
        shown = screened.shown_network(grouping)  # a grouping the policy does not offer is refused here
        if analysis is not None and not analysis.people.index.equals(shown.people):
            analysis = None
        if expected is not None:  # declared pairs with a group that was left out or merged are dropped
            expected = expected_frame(expected, net, grouping=grouping)
            present = set(self.screening.screen(grouping).reportable)
            expected = expected.loc[expected["group_a"].isin(present) & expected["group_b"].isin(present)]
            expected = expected.reset_index(drop=True)
        if screened.net is not net or (shown.roster[grouping] != net.roster[grouping]).any():
            findings = None  # findings of the whole network name people and groups left out or merged here
        super().__init__(shown, grouping=grouping, analysis=analysis, expected=expected,
                         title=title or net.name, description=description, seed=seed, key=key, findings=findings)
        self._expected_input = expected

    @property
    def screened(self) -> OrgNetwork:
        """The network every figure of this view is computed on (small groups of the grouping merged)."""
        return self.net

    @cached_property
    def leaks(self) -> privacy.TermMatcher:
        """What no answer of this view may contain: :func:`ona.privacy.leak_matcher` of its screening (small
        groups under every grouping, names and e-mails of people not named), letting shown names through.
        Reports and workspaces check their text against exactly this."""
        return privacy.leak_matcher(self.screening)

    @property
    def groupings(self) -> tuple[str, ...]:
        """The groupings this policy offers managers."""
        return self.screening.groupings

    @property
    def person_grouping(self) -> str:
        """The grouping person-level answers carry: always the organisational unit."""
        return self.screening.unit

    @property
    def person_level(self) -> bool:
        """Whether people are shown at all: the policy allows it and everyone can be shown (named, or under a
        pseudonym); see :attr:`ona.privacy.ScreenedNetwork.person_level`."""
        return self.screening.person_level

    @cached_property
    def _persons_view(self) -> ManagerView:
        """The view person-level answers come from: this one for the unit, else the unit's view."""
        if self.grouping == self.screening.unit:
            return self
        return ManagerView(self.full, self.policy, grouping=self.screening.unit, screened=self.screening,
                           expected=None, title=self.title, description=self.description, seed=self.seed,
                           key=self.key)

    @property
    def _screen(self) -> privacy.GroupScreen:
        return self.screening.screen(self.grouping)

    @cached_property
    def hidden(self) -> Hidden:
        hidden = self.screening.hidden[self.grouping]
        return Hidden(groups=hidden.groups, people=hidden.people, k=self.policy.k, unnamed=hidden.unnamed)

    @cached_property
    def report(self) -> IngestReport:
        """What was read, in kinds and counts only: the items themselves quote names as written."""
        full = self.full.report
        return IngestReport(input_format=full.input_format, issues=tuple(Issue(i.kind, "") for i in full.issues),
                            details={k: v for k, v in full.details.items() if k == "platform"})

    def response(self) -> pd.DataFrame:
        table = response_table(self.net, self.grouping)
        shown = (set(self._screen.reportable) - {self._screen.other_label}) | {"(all)"}
        return table[table["group"].isin(shown)].reset_index(drop=True)

    # -- person level: the unit's, in every grouping ------------------------------------------------

    def group_labels(self) -> pd.Series:
        """Each shown person's unit (small units merged), indexed by the person key (pseudonym or name)."""
        unit = self._persons_view
        persons = unit.screening.persons
        shown = persons.loc[persons["shown"]] if unit.person_level else persons.iloc[:0]
        return pd.Series(unit._screen.labels.reindex(shown.index).to_numpy(), index=shown["person"].to_numpy())

    def groups_shown(self) -> list[str]:
        return [g for g in self._screen.order if g != self._screen.other_label or g in self._screen.reportable]

    def person_labels(self) -> dict[str, str]:
        if not self.person_level:
            return {}
        persons = self.screening.persons
        shown = persons.loc[persons["shown"]]
        return dict(zip(shown["person"], shown["display"]))

    def people(self, relation: str | None = None) -> pd.DataFrame:
        """Shown people's measures of `relation` (of every relation, prefixed, when None), indexed by person
        key, with name and unit; computed under the unit grouping whatever this view's grouping is."""
        unit = self._persons_view
        if unit is not self:
            return unit.people(relation)
        people = self.analysis.people
        metrics = people if relation is None else relation_people(people, relation)
        table = privacy.manager_people(metrics, self.screening, grouping=self.grouping)
        return table.set_index("person")

    def graph(self, relation: str) -> nx.DiGraph:
        """Shown people keyed by person key, with ``name`` and their unit; no other roster details."""
        unit = self._persons_view
        if unit is not self:
            return unit.graph(relation)
        if not self.person_level:
            return nx.DiGraph()
        return privacy.manager_graph(self.net.graph(relation), grouping=self.grouping, source=self.screening)

    def bridges(self) -> list[tuple[str, tuple[str, ...]]]:
        return link_carriers(self._persons_view.findings())

    # -- group level: the chosen grouping ---------------------------------------------------------------

    def group_matrix(self, relation: str, values: str = "counts") -> pd.DataFrame:
        if values == "counts":
            return privacy.manager_group_matrix(self.analysis.group_matrices[relation], self.screening,
                                                grouping=self.grouping, additive=True)
        return privacy.manager_density_matrix(self.net.graph(relation), grouping=self.grouping,
                                              source=self.screening)

    def groups(self, relation: str) -> pd.DataFrame:
        return privacy.manager_group_table(super().groups(relation), self.screening, grouping=self.grouping)

    def group_graph(self, relation: str) -> nx.DiGraph:
        return privacy.manager_graph(self.net.graph(relation), grouping=self.grouping, aggregate=True,
                                     source=self.screening)

    @cached_property
    def _shown_findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = _with_scan(self.net, find_findings(self.net, expected=self._expected,
                                                                grouping=self.grouping, seed=self.seed),
                                        self._expected, self.grouping, scan=self._scan)
        shown = privacy.manager_findings(self._findings, self.screening, grouping=self.grouping)
        if self._persons_view is self:
            return shown
        # another grouping: its findings about groups, and the unit's findings about people
        about_people = [f for f in self._persons_view.findings() if f.people]
        return [f for f in shown if not f.people] + about_people

    def findings(self) -> list[Finding]:
        return list(self._shown_findings)

    def pairs(self, relation: str | None = None) -> pd.DataFrame:
        """Pairs of shown groups only, without who carries their ties (counts identify no one)."""
        table = super().pairs(relation)
        shown = set(self._screen.reportable) - {self.policy.other_label}
        table = table.loc[table["group_a"].isin(shown) & table["group_b"].isin(shown)].reset_index(drop=True)
        table["carriers"] = [[] for _ in range(len(table))]
        return table

    def perceived(self) -> pd.DataFrame:
        """The perceived collaboration between shown groups (means over their shown respondents)."""
        matrix = super().perceived()
        if matrix.empty:
            return matrix
        shown = [g for g in self.groups_shown() if g in matrix.index]
        out = matrix.reindex(index=shown, columns=[g for g in shown if g in matrix.columns])
        out.attrs = {**matrix.attrs, "respondents": matrix.attrs.get("respondents", pd.DataFrame()).reindex(
            index=out.index, columns=out.columns)}
        return out

    def summary(self) -> dict[str, dict[str, Any]]:
        """Whole-network figures only: numbers, and texts or tables of numbers that name nothing withheld.

        Lists, such as the community table (which groups each community spans), are left out.
        """
        matcher = self.leaks

        def keep(value: Any) -> bool:
            if value is None or isinstance(value, (bool, int, float)):
                return True
            if isinstance(value, str):
                return not matcher.find(value)
            if isinstance(value, Mapping):
                return all(isinstance(k, str) and not matcher.find(k) and keep(v) for k, v in value.items())
            return False

        return {relation: {key: value for key, value in json_plain(figures).items() if keep(value)}
                for relation, figures in self.analysis.summary.items()}

    def pair(self, relation: str, first: str, second: str) -> Pair:
        """Counts only: who carries a pair's ties would identify people."""
        counts = self.group_matrix(relation)
        return Pair(first, second, _cell(counts, first, second), _cell(counts, second, first))

    # -- two waves ------------------------------------------------------------------------------------------

    def compare(self, before: OrgNetwork, after: OrgNetwork) -> Change | None:
        """Two waves compared as a manager may see them; None when fewer than ``k`` people answered twice.

        Both waves are screened together (so comparing reveals nobody) and compared on their shown groups.
        Then one *panel* rule applies to every table, matrix and finding: a group (or team) counts only when
        at least ``k`` people of it answered both times; the others are merged into ``(other)``, which is
        shown only when it reaches ``k`` itself. Teams appear only when the policy offers them as a grouping.
        """
        policy, grouping, k = self.policy, self.grouping, self.policy.k
        first = privacy.screen_network(before, policy, also=[after])
        second = privacy.screen_network(after, policy, also=[before])
        units = [grouping] + (["team"] if "team" in first.groupings and grouping != "team" else [])
        comparison = compare_waves(first.shown_network(*units), second.net, grouping=grouping)
        tables = Change.of(comparison, change_findings(comparison))
        if tables.panel < k:
            return None
        other = policy.other_label
        panel_groups = _panel_counts(comparison, "group")
        shown_groups = {g for g, n in panel_groups.items() if n >= k and g != other}
        merged = sum(n for g, n in panel_groups.items() if g not in shown_groups)
        matrix_groups = shown_groups | ({other} if merged >= k else set())
        if "team" in units:
            panel_teams = _panel_counts(comparison, "team")
            shown_teams = {g for g, n in panel_teams.items() if n >= k and g != other}
        else:
            shown_teams = set()
        group_rows = tables.groups[tables.groups["group"].isin(shown_groups)]
        team_rows = tables.teams[tables.teams["team"].isin(shown_teams)]
        big_enough = {(r, g) for r, g in zip(group_rows["relation"], group_rows["group"])} | {
            (r, g) for r, g in zip(team_rows["relation"], team_rows["team"])}
        spread = tables.spread[[(r, o) in big_enough and c >= k for r, o, c in
                                zip(tables.spread["relation"], tables.spread["origin"], tables.spread["contacts"])]]
        matrices = {relation: tuple(_merge_groups(m, matrix_groups, other) for m in pair)
                    for relation, pair in tables.matrices.items()}
        findings = []
        shown_origins = set(zip(spread["relation"], spread["origin"]))
        for finding in tables.findings:
            finding = replace(finding, people=())  # the contacts' ids: never shown to managers
            origin = finding.evidence.get("origin")
            if origin is not None and (finding.relation, origin) not in shown_origins:
                continue
            if origin is None and not set(finding.groups) <= shown_groups:
                continue  # a pair of groups: both need k people who answered twice
            unit = "team" if finding.evidence.get("unit") == "team" else grouping
            findings += privacy.manager_findings([finding], first, grouping=unit)
        return replace(tables, matrices=matrices, groups=group_rows.reset_index(drop=True),
                       teams=team_rows.reset_index(drop=True), spread=spread.reset_index(drop=True),
                       findings=findings)


    # -- the collaboration scan, screened -----------------------------------------------------------

    @cached_property
    def _real_groups(self) -> set[str]:
        screen = self._screen
        return set(screen.reportable) - {screen.other_label}

    @cached_property
    def _scan(self) -> ConditionsScan:
        """The conditions scan of the screened network with only real groups shown, and no mean of fewer than
        ``k`` answers (a mean of a few answers tells what those people said)."""
        scan = conditions_scan(self.net, self._expected, grouping=self.grouping)
        scores = scan.scores
        keep = scores["group"].isin(self._real_groups | {ALL_GROUPS})
        scores = scores.loc[keep].copy()
        few = scores["n"] < self.policy.k
        scores.loc[few, ["mean", "sd"]] = math.nan
        differences = scan.differences
        if len(differences):
            differences = differences.loc[differences["higher"].isin(self._real_groups)
                                          & differences["lower"].isin(self._real_groups)
                                          & (differences[["higher_n", "lower_n"]].min(axis=1) >= self.policy.k)]
        items = scan.items.loc[scan.items["group"].isin(self._real_groups | {ALL_GROUPS})
                               & (scan.items["n"] >= self.policy.k)] if len(scan.items) else scan.items
        summary = scan.summary.loc[scan.summary["n"] >= self.policy.k] if len(scan.summary) else scan.summary
        return replace(scan, scores=scores.reset_index(drop=True), summary=summary.reset_index(drop=True),
                       differences=differences.reset_index(drop=True), items=items.reset_index(drop=True))

    @cached_property
    def _collaborations(self) -> list[CollaborationCard]:
        self._shown_findings  # noqa: B018  (computes self._findings, the scan's findings included)
        cards = []
        for card in collaboration_cards(self.net, self._expected, grouping=self.grouping, findings=self._findings,
                                        scan=self._scan):
            pairs = [replace(pair, carriers=pair.carriers.iloc[:0],  # who carries the ties: never for managers
                             perceived_trust=pair.perceived_trust.loc[
                                 pair.perceived_trust["perceivers"] >= self.policy.k])
                     for pair in card.pairs if {pair.a, pair.b} <= self._real_groups]
            findings = privacy.manager_findings(card.findings, self.screening, grouping=self.grouping)
            cards.append(replace(card, pairs=pairs, findings=findings))
        return cards

    def collaborations(self) -> list[CollaborationCard]:
        """The cards of :meth:`AnalystView.collaborations` with only real groups, no mean of fewer than ``k``
        answers, no carriers of ties, and the findings a manager may see."""
        return list(self._collaborations)

    def process_sheet(self, first: str, second: str, lang: str = "nl") -> ProcessSheet | None:
        """The sheet of two shown groups: carriers by the label a manager may see (none without person-level
        views), conditions with at least ``k`` answers; None for a group that is not shown."""
        if not {first, second} <= self._real_groups:
            return None
        names = None
        if self.person_level:
            persons = self.screening.persons
            shown = persons.loc[persons["shown"]]
            names = dict(zip(shown.index.astype(str), shown["display"]))
        sheet = process_sheet(self.net, first, second, grouping=self.grouping, expected=self._expected,
                              scan=self._scan, names=names, lang=lang)
        if names is not None and len(sheet.carriers):  # people who may not be shown are left out of the list
            person = sheet.carriers.columns[0]
            sheet = replace(sheet, carriers=sheet.carriers.loc[sheet.carriers[person].isin(set(names.values()))]
                            .reset_index(drop=True))
        return sheet


def _with_scan(net: OrgNetwork, findings: list[Finding], expected: Any, grouping: str,
               scan: ConditionsScan | None = None) -> list[Finding]:
    """The network's findings with the collaboration scan's (conditions, perception), most severe first."""
    if (net.conditions is None or not len(net.conditions)) and (net.perceived_ties is None
                                                                or not len(net.perceived_ties)):
        return findings
    extra = with_confidence(collaboration_findings(net, expected, grouping=grouping, scan=scan),
                            Responses.of(net, grouping))  # every finding says how certain it is (issue 12)
    return sorted([*findings, *extra], key=lambda f: -f.severity)


def _panel_counts(comparison: WaveComparison, unit: str) -> dict[str, int]:
    """People who answered both times, per group (or team), from the comparison's tables."""
    table = comparison.groups if unit == "group" else comparison.teams
    if table.empty:
        return {}
    return {str(g): int(n) for g, n in table.groupby(unit)["panel_respondents"].max().items()}


def _merge_groups(matrix: pd.DataFrame, keep: set[str], other: str) -> pd.DataFrame:
    """Rows and columns of groups outside `keep` summed into `other`, which is kept only when in `keep`."""
    labels = lambda index: [g if g in keep else other for g in index]  # noqa: E731
    merged = matrix.copy()
    merged.index, merged.columns = labels(matrix.index), labels(matrix.columns)
    merged = merged.T.groupby(level=0, sort=False).sum().T.groupby(level=0, sort=False).sum()
    order = [g for g in sorted(keep - {other})] + ([other] if other in keep else [])
    return merged.reindex(index=[g for g in order if g in merged.index],
                          columns=[g for g in order if g in merged.columns]).fillna(0)


def _cell(matrix: pd.DataFrame, row: Hashable, column: Hashable) -> int:
    if row in matrix.index and column in matrix.columns:
        value = matrix.at[row, column]
        return 0 if pd.isna(value) else int(value)
    return 0
