"""The organisation-network model: a roster, ties per relation, respondents and a wave.

:class:`OrgNetwork` is what every analysis in ona takes. It stores people and
ties as pandas tables (cheap for 100,000 people) and builds one directed,
weighted :class:`networkx.DiGraph` per relation on first use. Those graphs are
frozen: analyses copy them if they need a changed graph.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ona.exceptions import EmptyNetworkError, MissingAttributeError, OnaError, UnknownRelationError
from ona.report import IngestReport
from ona.compat import old_grouping_names

__all__ = [
    "OrgNetwork",
    "STANDARD_ATTRIBUTES",
    "TIE_COLUMNS",
    "UNKNOWN_GROUP",
    "display_names",
    "group_labels",
    "json_plain",
    "person_labels",
    "tie_keys",
]

#: Roster columns with a fixed meaning; any other column is kept as an extra attribute.
STANDARD_ATTRIBUTES = ("name", "email", "department", "team", "role", "manager", "location")
#: Columns of the tie table.
TIE_COLUMNS = ("source", "target", "relation", "weight")
#: Group label given to people whose group attribute is empty.
UNKNOWN_GROUP = "(unknown)"


@old_grouping_names
def group_labels(roster: pd.DataFrame, grouping: str = "department") -> pd.Series:
    """Each person's group as a string Series indexed by id; empty values become ``"(unknown)"``.

    >>> roster = pd.DataFrame({"department": ["IT", None]}, index=pd.Index(["a", "b"], name="id"))
    >>> group_labels(roster).tolist()
    ['IT', '(unknown)']
    """
    if grouping not in roster.columns:
        raise MissingAttributeError(grouping, [c for c in roster.columns])
    values = roster[grouping]
    labels = values.astype(object).where(values.notna() & values.astype(str).str.strip().ne(""), UNKNOWN_GROUP)
    return labels.map(str)


def display_names(people: pd.DataFrame) -> pd.Series:
    """Each person's name as text, or their id where the table has no name: the one rule for showing people.

    `people` is indexed by id (a roster, or the people of a graph); without a
    ``name`` column everyone is shown by id.

    >>> people = pd.DataFrame({"name": ["Ana", None, " "]}, index=pd.Index(["a", "b", "c"], name="id"))
    >>> display_names(people).tolist()
    ['Ana', 'b', 'c']
    """
    ids = pd.Series(people.index.map(str), index=people.index, dtype=object)
    if "name" not in people.columns:
        return ids
    names = people["name"].astype(object)
    present = names.notna() & names.astype(str).str.strip().ne("")
    return names.where(present, ids).map(str)


def person_labels(source: OrgNetwork | pd.Series | Mapping[str, object]) -> dict[str, str]:
    """Id -> label for texts: the display name with inner spaces collapsed, and the id added where two share it.

    `source` is a network (its :meth:`OrgNetwork.display_names` are used) or
    a mapping of ids to display names (e.g. :func:`display_names`). Labels
    are what findings and pages write about people, e.g.
    ``"Iris de Vries (E0006)"`` for one of two people called Iris de Vries.

    >>> person_labels({"E1": "Iris de  Vries", "E2": "Iris de Vries", "E3": "E3"})
    {'E1': 'Iris de Vries (E1)', 'E2': 'Iris de Vries (E2)', 'E3': 'E3'}
    >>> roster = pd.DataFrame({"name": ["Iris de Vries", "Iris de Vries", None]},
    ...                       index=pd.Index(["E1", "E2", "E3"], name="id"))
    >>> person_labels(OrgNetwork(roster, pd.DataFrame(columns=["source", "target"])))
    {'E1': 'Iris de Vries (E1)', 'E2': 'Iris de Vries (E2)', 'E3': 'E3'}
    """
    if isinstance(source, OrgNetwork):
        source = source.display_names()
    names = source if isinstance(source, pd.Series) else pd.Series(dict(source), dtype=object)
    tidy = names.map(lambda s: " ".join(str(s).split()))
    shared = tidy.duplicated(keep=False)
    return {str(p): (f"{n} ({p})" if dup else str(n)) for p, n, dup in zip(tidy.index, tidy, shared)}


@dataclass(frozen=True, eq=False)
class OrgNetwork:
    """An organisation's people and their ties in one or more relations.

    Parameters
    ----------
    roster : pandas.DataFrame
        One row per person, indexed by a unique string id (index name ``"id"``).
        Columns from :data:`STANDARD_ATTRIBUTES` have a fixed meaning (missing
        ones are added empty); any other column is kept as an extra attribute.
    ties : pandas.DataFrame
        Columns ``source, target, relation, weight``; sources and targets are
        roster ids. No self-ties and no duplicate (source, target, relation).
    relations : iterable of str, optional
        The relations in their display order, including relations that have no
        ties (e.g. a question nobody answered). Defaults to the order in `ties`.
    respondents : iterable of str, optional
        Ids of the people who answered the survey. Their outgoing ties are
        known; a non-respondent's outgoing ties are *unknown*, not absent.
        None (default) means complete network data: everyone responded.
    wave : str, optional
        A label for the survey wave or date, to compare two waves later.
    name : str, optional
        A display name for the network, e.g. the organisation.
    report : IngestReport, optional
        What the reader noticed while building the network.
    group_ties : pandas.DataFrame, optional
        Group-level answers (e.g. "how often do you work with department X?")
        with columns ``respondent, group, relation, weight``.
    perceived_ties : pandas.DataFrame, optional
        Perceived ties, one slice of a cognitive social structure (Krackhardt
        1987), with columns ``perceiver, source, target, relation``: the
        perceiver believes that `source` sends `target` a tie in `relation`
        (e.g. "who do you think comes to you for advice?" gives rows with
        ``target == perceiver``). See :mod:`ona.measures.perception`.
    conditions : pandas.DataFrame, optional
        Answers about the five conditions of each declared collaboration, with
        columns ``respondent, collaboration, condition, item, score`` (score 1
        to 5). See :mod:`ona.measures.conditions`.

    Raises
    ------
    OnaError
        If the roster ids are not unique or a tie names someone not on the
        roster, is a self-tie or is duplicated. (The readers report such rows
        and leave them out before they build a network.)

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo", "Cy"], "department": ["HR", "HR", "IT"]},
    ...                       index=pd.Index(["a", "b", "c"], name="id"))
    >>> ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"],
    ...                      "relation": ["advice", "advice"], "weight": [1.0, 2.0]})
    >>> net = OrgNetwork(roster, ties, respondents=["a", "b"])
    >>> G = net.graph("advice")
    >>> G.number_of_nodes(), G.number_of_edges(), G.nodes["c"]["responded"]
    (3, 2, False)
    >>> round(net.response_rate, 3)
    0.667
    """

    roster: pd.DataFrame
    ties: pd.DataFrame
    relations: tuple[str, ...] = ()
    respondents: frozenset[str] | None = None
    wave: str | None = None
    name: str | None = None
    report: IngestReport = field(default_factory=IngestReport)
    group_ties: pd.DataFrame | None = None
    perceived_ties: pd.DataFrame | None = None
    conditions: pd.DataFrame | None = None
    _graphs: dict[str, nx.DiGraph] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        roster = _normalise_roster(self.roster)
        ties = _normalise_ties(self.ties, roster.index)
        declared = tuple(dict.fromkeys([*(self.relations or ()), *ties["relation"].unique().tolist()]))
        respondents = self.respondents
        if respondents is None:
            respondents = frozenset(roster.index)
        else:
            respondents = frozenset(str(r) for r in respondents)
            unknown = respondents - set(roster.index)
            if unknown:
                example = sorted(unknown)[:3]
                raise OnaError(
                    f"{len(unknown)} respondent id(s) are not on the roster, e.g. {example}. "
                    "Add them to the roster or remove them from the respondents."
                )
        silent_senders = ~ties["source"].isin(respondents)
        if silent_senders.any():
            example = ties.loc[silent_senders, "source"].iloc[0]
            raise OnaError(
                f"{int(silent_senders.sum())} tie(s) are sent by people who are not respondents, e.g. {example!r}. "
                "A non-respondent's outgoing ties are unknown: add the sender to the respondents, or drop the ties."
            )
        object.__setattr__(self, "roster", roster)
        object.__setattr__(self, "ties", ties)
        object.__setattr__(self, "relations", declared)
        object.__setattr__(self, "respondents", respondents)
        object.__setattr__(self, "wave", None if self.wave is None else str(self.wave))
        if self.group_ties is not None:
            object.__setattr__(self, "group_ties", self.group_ties.reset_index(drop=True))
        if self.perceived_ties is not None:
            object.__setattr__(self, "perceived_ties", _normalise_perceived(self.perceived_ties, roster.index))
        if self.conditions is not None:
            object.__setattr__(self, "conditions", _normalise_conditions(self.conditions, roster.index))

    # -- people ---------------------------------------------------------------------------

    @property
    def people(self) -> pd.Index:
        """All person ids, in roster order."""
        return self.roster.index

    def __len__(self) -> int:
        return len(self.roster)

    def __contains__(self, person: object) -> bool:
        return person in self.roster.index

    def attribute(self, column: str) -> pd.Series:
        """One roster column as a Series indexed by id.

        Raises
        ------
        MissingAttributeError
            If the roster has no such column.
        """
        if column not in self.roster.columns:
            raise MissingAttributeError(column, list(self.roster.columns))
        return self.roster[column]

    @old_grouping_names
    def groups(self, grouping: str = "department") -> pd.Series:
        """Each person's group under `grouping`; empty values become ``"(unknown)"``."""
        return group_labels(self.roster, grouping)

    def display_names(self) -> pd.Series:
        """Each person's name, or their id where the roster has no name."""
        return display_names(self.roster)

    # -- respondents ----------------------------------------------------------------------

    def is_respondent(self, person: str) -> bool:
        """Whether `person` answered the survey (their outgoing ties are known)."""
        return person in self.respondents  # type: ignore[operator]

    @property
    def response_rate(self) -> float:
        """Share of the roster that responded (``nan`` for an empty roster)."""
        return len(self.respondents) / len(self.roster) if len(self.roster) else math.nan  # type: ignore[arg-type]

    @property
    def complete(self) -> bool:
        """True when everyone responded, so every outgoing tie is known."""
        return len(self.respondents) == len(self.roster)  # type: ignore[arg-type]

    def respondent_mask(self) -> pd.Series:
        """A boolean Series indexed by id: True for respondents."""
        return self.roster.index.to_series().isin(self.respondents).rename("responded")

    # -- relations ------------------------------------------------------------------------

    def ties_of(self, relation: str) -> pd.DataFrame:
        """The ties of one relation (columns source, target, weight)."""
        self._check_relation(relation)
        part = self.ties.loc[self.ties["relation"] == relation, ["source", "target", "weight"]]
        return part.reset_index(drop=True)

    def graph(self, relation: str) -> nx.DiGraph:
        """The directed, weighted graph of one relation, with every roster person as a node.

        Nodes carry the roster attributes plus ``responded`` (bool); edges carry
        ``weight``; ``G.graph`` holds ``relation``, ``wave`` and ``name``. The
        graph is frozen (see :func:`networkx.freeze`); use ``G.copy()`` to change it.

        Raises
        ------
        UnknownRelationError
            If the network has no such relation.
        """
        self._check_relation(relation)
        if relation not in self._graphs:
            self._graphs[relation] = nx.freeze(self._build_graph(relation))
        return self._graphs[relation]

    @property
    def graphs(self) -> Mapping[str, nx.DiGraph]:
        """All relations' graphs as a read-only mapping, built on first access."""
        return _GraphMapping(self)

    def _check_relation(self, relation: str) -> None:
        if relation not in self.relations:
            raise UnknownRelationError(relation, self.relations)

    def _build_graph(self, relation: str) -> nx.DiGraph:
        G = nx.DiGraph(relation=relation, wave=self.wave, name=self.name or "")
        G.add_nodes_from(self.node_attributes())
        part = self.ties.loc[self.ties["relation"] == relation]
        G.add_weighted_edges_from(
            zip(part["source"].tolist(), part["target"].tolist(), part["weight"].astype(float).tolist())
        )
        return G

    def node_attributes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, attributes) pairs as nodes get them: roster values (None when empty) and ``responded``."""
        frame = self.roster.astype(object).where(self.roster.notna(), None)
        records = frame.to_dict("records")
        responded = self.respondents
        for person, attrs in zip(self.roster.index.tolist(), records):
            attrs = {k: json_plain(v) for k, v in attrs.items()}
            attrs["responded"] = person in responded  # type: ignore[operator]
            yield person, attrs

    # -- derived networks -----------------------------------------------------------------

    def with_changes(self, **changes: Any) -> OrgNetwork:
        """A new network with some fields replaced, e.g. ``net.with_changes(wave="2026")``."""
        return replace(self, **changes)

    def restricted_to(self, relations: Iterable[str]) -> OrgNetwork:
        """A new network holding only the given relations."""
        keep = list(relations)
        for r in keep:
            self._check_relation(r)
        return replace(self, ties=self.ties[self.ties["relation"].isin(keep)], relations=tuple(keep))

    def require_ties(self, relation: str) -> None:
        """Raise :class:`EmptyNetworkError` if `relation` has no ties."""
        self._check_relation(relation)
        if not (self.ties["relation"] == relation).any():
            raise EmptyNetworkError(
                f"The relation {relation!r} has no ties. Check the survey's relation mapping "
                "or pick another relation."
            )

    def __repr__(self) -> str:
        label = f" {self.name!r}" if self.name else ""
        wave = f", wave {self.wave!r}" if self.wave else ""
        rel = ", ".join(f"{r}: {int((self.ties['relation'] == r).sum())} ties" for r in self.relations)
        return (
            f"<OrgNetwork{label}: {len(self.roster)} people, "
            f"{len(self.respondents)} respondents{wave}; {rel or 'no relations'}>"  # type: ignore[arg-type]
        )


class _GraphMapping(Mapping[str, nx.DiGraph]):
    def __init__(self, net: OrgNetwork) -> None:
        self._net = net

    def __getitem__(self, relation: str) -> nx.DiGraph:
        return self._net.graph(relation)

    def __iter__(self) -> Iterator[str]:
        return iter(self._net.relations)

    def __len__(self) -> int:
        return len(self._net.relations)


def json_plain(value: Any) -> Any:
    """`value` in plain JSON types: numpy scalars and arrays to Python, mappings with text keys, NaN and infinity to None.

    The one helper for values that go to JSON, GraphML, pyvis or a workspace (all accept only plain types).

    >>> json_plain({"a": np.float64(0.5), 1: [np.int64(2), float("nan")], "b": np.array([1, 2])})
    {'a': 0.5, '1': [2, None], 'b': [1, 2]}
    """
    if isinstance(value, Mapping):
        return {str(k): json_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return [json_plain(v) for v in value.tolist()]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _normalise_roster(roster: pd.DataFrame) -> pd.DataFrame:
    frame = roster.copy()
    if frame.index.name != "id" and "id" in frame.columns:
        frame = frame.set_index("id")
    frame.index = frame.index.map(str)
    frame.index.name = "id"
    if frame.index.has_duplicates:
        dupes = frame.index[frame.index.duplicated()].unique().tolist()[:3]
        raise OnaError(
            f"The roster has duplicate ids, e.g. {dupes}. Give every person a unique id "
            "(read_roster reports and skips duplicates for you)."
        )
    for column in STANDARD_ATTRIBUTES:
        if column not in frame.columns:
            frame[column] = None
    ordered = [*STANDARD_ATTRIBUTES, *[c for c in frame.columns if c not in STANDARD_ATTRIBUTES]]
    return frame[ordered]


def _normalise_ties(ties: pd.DataFrame, people: pd.Index) -> pd.DataFrame:
    missing = [c for c in ("source", "target") if c not in ties.columns]
    if missing:
        raise OnaError(f"The tie table lacks the column(s) {missing}; it needs source, target, relation, weight.")
    weight = pd.to_numeric(ties["weight"], errors="coerce") if "weight" in ties.columns else None
    if weight is not None and not (np.isfinite(weight.astype(float)) & weight.astype(float).gt(0)).all():
        bad = ties["weight"][~(np.isfinite(weight.astype(float)) & weight.astype(float).gt(0))].iloc[0]
        raise OnaError(
            f"The tie table holds a weight that is not a positive, finite number ({bad!r}). "
            "Use positive numbers; read_network() reports and leaves out such ties."
        )
    frame = pd.DataFrame(
        {
            "source": ties["source"].map(str),
            "target": ties["target"].map(str),
            "relation": ties["relation"].map(str) if "relation" in ties.columns else "ties",
            "weight": weight.astype(float) if weight is not None else 1.0,
        }
    ).reset_index(drop=True)
    known = frame["source"].isin(people) & frame["target"].isin(people)
    if not known.all():
        bad = frame.loc[~known].iloc[0]
        raise OnaError(
            f"{int((~known).sum())} tie(s) name people not on the roster, e.g. {bad['source']} -> {bad['target']}. "
            "Read ties with read_network(), which reports and leaves out such ties."
        )
    if (frame["source"] == frame["target"]).any():
        raise OnaError("The tie table holds self-ties; read_network() reports and leaves them out.")
    if pd.Series(tie_keys(frame)).duplicated().any():
        raise OnaError("The tie table holds duplicate ties; read_network() reports and merges them.")
    return frame


def tie_keys(ties: pd.DataFrame, columns: Sequence[str] = ("source", "target", "relation")) -> np.ndarray:
    """One integer per row, equal for two rows exactly when their `columns` are equal.

    Finding duplicate ties on these integers (a hash or a sort of one array) is several times faster
    than on the three text columns, which matters for millions of ties.

    >>> ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "a"], "relation": ["x"] * 3})
    >>> keys = tie_keys(ties)
    >>> bool(keys[0] == keys[1]), bool(keys[0] == keys[2])
    (True, False)
    """
    key = np.zeros(len(ties), dtype=np.int64)
    width = 1
    for column in columns:
        codes, uniques = pd.factorize(ties[column], use_na_sentinel=False)
        size = max(len(uniques), 1)
        if width * size >= 2**62:  # renumber the combinations so far: at most one per row
            key, combined = pd.factorize(key)
            width = max(len(combined), 1)
        key = key * size + codes.astype(np.int64)
        width *= size
    return key


def _normalise_perceived(perceived: pd.DataFrame, people: pd.Index) -> pd.DataFrame:
    columns = ["perceiver", "source", "target", "relation"]
    missing = [c for c in columns if c not in perceived.columns]
    if missing:
        raise OnaError(f"The perceived ties lack the column(s) {missing}; they need {', '.join(columns)}.")
    frame = perceived.loc[:, columns].astype(str).reset_index(drop=True)
    unknown = ~(frame["perceiver"].isin(people) & frame["source"].isin(people) & frame["target"].isin(people))
    if unknown.any():
        bad = frame.loc[unknown].iloc[0]
        raise OnaError(
            f"{int(unknown.sum())} perceived tie(s) name people not on the roster, e.g. {bad['perceiver']} sees "
            f"{bad['source']} -> {bad['target']}. Leave them out or add the people to the roster."
        )
    return frame.drop_duplicates().reset_index(drop=True)


def _normalise_conditions(conditions: pd.DataFrame, people: pd.Index) -> pd.DataFrame:
    columns = ["respondent", "collaboration", "condition", "item", "score"]
    missing = [c for c in columns if c not in conditions.columns]
    if missing:
        raise OnaError(f"The conditions answers lack the column(s) {missing}; they need {', '.join(columns)}.")
    frame = conditions.loc[:, columns].reset_index(drop=True)
    for column in columns[:-1]:
        frame[column] = frame[column].astype(str)
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").astype(float)
    unknown = ~frame["respondent"].isin(people)
    if unknown.any():
        raise OnaError(
            f"{int(unknown.sum())} conditions answer(s) come from people not on the roster, e.g. "
            f"{frame.loc[unknown, 'respondent'].iloc[0]!r}. Leave them out or add the people to the roster."
        )
    bad = ~frame["score"].between(1, 5)
    if bad.any():
        raise OnaError(
            f"{int(bad.sum())} conditions score(s) are not between 1 and 5, e.g. {conditions['score'].iloc[int(bad.idxmax())]!r}. "
            "Scores run from 1 (strongly disagree) to 5 (strongly agree)."
        )
    return frame
