r"""Privacy by design: roles, keyed pseudonyms, consent, minimum group size and safe exports.

Network data about colleagues is sensitive HR data (AVG/GDPR). This module
holds the rules that decide what a *manager* may see, as pure functions the
app, the command line (``ona publish``) and analysts call:

* **Roles** (:func:`resolve_role`): an *analyst* (HR) sees everything; a
  *manager* sees privacy-filtered views. The role is decided on the server
  from the environment or Streamlit secrets, never by a widget. Nothing
  configured means analyst mode, and :class:`Role` says so in its label.
* **Minimum group size** (:func:`screen_groups`): a group with fewer than
  ``k`` members or fewer than ``k`` respondents gets no figure of its own. Its
  people are merged into :data:`OTHER_GROUP`, which carries figures only when
  it reaches ``k`` itself; the small group's name appears nowhere.
* **Pseudonyms and consent** (:func:`pseudonym`, :func:`screen_people`): a
  person is named only with consent (roster column ``consent``); everyone
  else appears under a keyed pseudonym such as ``P-7K3Q9X2M``, stable across
  waves, or not at all when no key is configured.
* **Manager views** of analysis output: :func:`manager_people`,
  :func:`manager_group_table`, :func:`manager_group_matrix`,
  :func:`manager_graph` and :func:`manager_findings`; and
  :func:`manager_network`, the network to analyse for managers when small
  groups must be left out altogether.
* **Safe exports**: :func:`neutralize_formulas` defuses spreadsheet formulas
  in CSV/XLSX cells (CSV injection).

The minimum group size is the threshold rule of statistical disclosure
control [1]_: a figure about fewer than ``k`` people can single them out, so
it is suppressed or aggregated, in the spirit of k-anonymity [2]_.

References
----------
.. [1] Hundepool, Anco, Josep Domingo-Ferrer, Luisa Franconi, Sarah Giessing,
   Eric Schulte Nordholt, Keith Spicer, and Peter-Paul de Wolf. 2012.
   *Statistical Disclosure Control*. Wiley. https://doi.org/10.1002/9781118348239
.. [2] Sweeney, Latanya. 2002. "k-Anonymity: A Model for Protecting Privacy."
   International Journal of Uncertainty, Fuzziness and Knowledge-Based
   Systems 10 (5): 557-70. https://doi.org/10.1142/S0218488502001648
.. [3] Krawczyk, Hugo, Mihir Bellare, and Ran Canetti. 1997. "HMAC:
   Keyed-Hashing for Message Authentication." RFC 2104.
   https://doi.org/10.17487/RFC2104
.. [4] OWASP Foundation. "CSV Injection."
   https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union

import networkx as nx
import pandas as pd

from ona.exceptions import ConfigurationError, MissingAttributeError
from ona.io.cells import neutralize_cell, neutralize_formulas, restore_cell, restore_formulas
from ona.model import STANDARD_ATTRIBUTES, UNKNOWN_GROUP, OrgNetwork
from ona.report import IngestReport

__all__ = [
    "ANALYST",
    "DEFAULT_KEY_ENV",
    "GroupScreen",
    "MANAGER",
    "MIN_KEY_BYTES",
    "OTHER_GROUP",
    "PeopleSource",
    "PrivacyPolicy",
    "Role",
    "TermMatcher",
    "consent_mask",
    "contains_withheld",
    "key_from_env",
    "manager_findings",
    "manager_graph",
    "manager_density_matrix",
    "manager_group_matrix",
    "manager_group_table",
    "manager_network",
    "manager_people",
    "merge_small_groups",
    "neutralize_cell",
    "neutralize_formulas",
    "parse_consent",
    "pseudonym",
    "resolve_role",
    "restore_cell",
    "restore_formulas",
    "screen_groups",
    "screen_people",
    "withheld_terms",
]

#: Label under which groups below the minimum size are merged.
OTHER_GROUP = "(other)"
#: The analyst (HR) role: sees everything.
ANALYST = "analyst"
#: The manager role: sees privacy-filtered views only.
MANAGER = "manager"
#: Environment variable read by default for the pseudonym key.
DEFAULT_KEY_ENV = "ONA_PSEUDONYM_KEY"
#: Shortest pseudonym key accepted (bytes); shorter keys can be guessed.
MIN_KEY_BYTES = 16

#: Either an organisation network or one of its graphs: both know every person's attributes.
PeopleSource = Union[OrgNetwork, nx.Graph]

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PSEUDONYM_DOMAIN = b"ona-pseudonym-v1\x00"
_YES = {"yes", "y", "ja", "j", "true", "waar", "1", "x", "ok", "akkoord"}
_NO = {"no", "n", "nee", "false", "onwaar", "0", ""}
_ROLE_WORDS = {
    "analyst": ANALYST, "analist": ANALYST, "hr": ANALYST,
    "manager": MANAGER, "leidinggevende": MANAGER,
}


# -- policy ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrivacyPolicy:
    """What a manager may see: the minimum group size, the pseudonym key and how people are shown.

    Parameters
    ----------
    min_group_size : int, optional (default=5)
        ``k``: a group needs at least this many members *and* respondents for
        a figure of its own in manager views (most figures are built from
        answers, so both counts must reach ``k``).
    key : bytes or str, optional
        The organisation's secret pseudonym key (at least 16 bytes). Without
        a key no pseudonyms can be made, so people who may not be named are
        left out of person-level views (group figures still count them).
    show_names : bool, optional (default=True)
        Show people who consented by name. False shows everyone by pseudonym.
    person_level : bool, optional (default=True)
        Show people at all. False gives managers group-level views only: no
        person tables, no person-level graphs and no findings about people.
        Person-level data always lets a reader infer more (e.g. who did not
        answer the survey: their outgoing ties are missing).
    other_label : str, optional (default="(other)")
        The label under which small groups are merged.

    Raises
    ------
    ConfigurationError
        If ``min_group_size`` is below 1 or the key is shorter than 16 bytes.

    Examples
    --------
    >>> PrivacyPolicy(min_group_size=3, key="a long secret key of HR")
    PrivacyPolicy(min_group_size=3, show_names=True, person_level=True, other_label='(other)')
    >>> PrivacyPolicy(key="short")
    Traceback (most recent call last):
    ...
    ona.exceptions.ConfigurationError: The pseudonym key is 5 bytes long; ...
    """

    min_group_size: int = 5
    key: bytes | None = dataclasses.field(default=None, repr=False)
    show_names: bool = True
    person_level: bool = True
    other_label: str = OTHER_GROUP

    def __post_init__(self) -> None:
        if isinstance(self.min_group_size, bool) or not isinstance(self.min_group_size, int):
            raise ConfigurationError(
                f"The minimum group size must be a whole number, not {self.min_group_size!r}. Use e.g. 5."
            )
        if self.min_group_size < 1:
            raise ConfigurationError(
                f"The minimum group size must be at least 1, not {self.min_group_size}. "
                "Use 5 or more for manager views."
            )
        if self.key is not None:
            key = self.key.encode("utf-8") if isinstance(self.key, str) else bytes(self.key)
            if len(key) < MIN_KEY_BYTES:
                raise ConfigurationError(
                    f"The pseudonym key is {len(key)} bytes long; use at least {MIN_KEY_BYTES} random "
                    "characters (e.g. from 'python -c \"import secrets; print(secrets.token_urlsafe(32))\"') "
                    "and keep it secret"
                )
            object.__setattr__(self, "key", key)
        if not str(self.other_label).strip():
            raise ConfigurationError("The label for merged small groups is empty. Use e.g. '(other)'.")

    @property
    def k(self) -> int:
        """The minimum group size."""
        return self.min_group_size

    @property
    def pseudonymises(self) -> bool:
        """Whether people who may not be named are shown under a pseudonym (a key is set)."""
        return self.key is not None


def key_from_env(var: str = DEFAULT_KEY_ENV, env: Mapping[str, str] | None = None) -> bytes | None:
    """The pseudonym key held in environment variable `var`, or None when it is unset or empty.

    >>> key_from_env("ONA_KEY", {"ONA_KEY": "0123456789abcdef0123"})
    b'0123456789abcdef0123'
    >>> key_from_env("ONA_KEY", {}) is None
    True
    """
    env = os.environ if env is None else env
    value = env.get(var, "")
    return value.strip().encode("utf-8") if value and value.strip() else None


# -- pseudonyms and consent ----------------------------------------------------------------


def pseudonym(person_id: str, key: bytes | str, *, length: int = 8) -> str:
    r"""Return the keyed pseudonym of a person: ``"P-"`` and `length` Crockford base-32 characters.

    .. math:: \mathrm{pseudonym}(id) = \texttt{P-} \,\|\,
              \mathrm{base32}\big(\mathrm{HMAC\text{-}SHA256}(key,\ d \,\|\, id)\big)_{1..length}

    where $d$ is a fixed domain label. HMAC [3]_ makes the pseudonym a
    function of the id *and* the secret key: the same person gets the same
    pseudonym in every wave, another key gives unrelated pseudonyms, and
    without the key the id cannot be recovered (not even by trying every
    employee number). Crockford's alphabet leaves out I, L, O and U, so a
    pseudonym reads aloud without confusion.

    Parameters
    ----------
    person_id : str
        The roster id.
    key : bytes or str
        The organisation's secret key.
    length : int, optional (default=8)
        Characters after ``P-``: 8 give 40 bits, so among 100,000 people the
        chance that two share a pseudonym is about 0.5%
        (:func:`screen_people` checks for it).

    Returns
    -------
    str

    Raises
    ------
    ConfigurationError
        If `length` is outside 4-51 (51 characters use all 256 bits).

    Examples
    --------
    >>> pseudonym("E0001", b"organisation secret key")
    'P-8ANYSXP6'
    >>> pseudonym("E0001", b"another secret key!") != pseudonym("E0001", b"organisation secret key")
    True

    References: see the module docstring.
    """
    if not 4 <= length <= 51:
        raise ConfigurationError(f"A pseudonym length of {length} is not supported; use 4 to 51 characters.")
    key_bytes = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    digest = hmac.new(key_bytes, _PSEUDONYM_DOMAIN + str(person_id).encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest, "big")
    chars = []
    for _ in range(length):
        number, rest = divmod(number, 32)
        chars.append(_CROCKFORD[rest])
    return "P-" + "".join(chars)


def parse_consent(values: Iterable[Any]) -> list[bool]:
    """Turn consent answers into booleans: yes/ja/true/1/x is consent; no/nee/false/0/empty is not.

    Missing values (None, NaN) mean *no* consent.

    Raises
    ------
    ConfigurationError
        On any other value; the message names it.

    Examples
    --------
    >>> parse_consent(["ja", "Nee", True, None, "yes", ""])
    [True, False, True, False, True, False]
    """
    result = []
    for value in values:
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            result.append(False)
        elif isinstance(value, bool) or type(value).__name__ == "bool_":
            result.append(bool(value))
        elif str(value).strip().lower() in _YES:
            result.append(True)
        elif str(value).strip().lower() in _NO:
            result.append(False)
        else:
            raise ConfigurationError(
                f"The consent value {value!r} is not yes/no. Use yes/no or ja/nee in the roster column 'consent'."
            )
    return result


def consent_mask(source: PeopleSource) -> pd.Series:
    """Whether each person consented to be named (bool Series indexed by id).

    Consent comes from the roster column ``consent`` (``toestemming``), which
    :func:`ona.read_roster` reads as booleans. Without that column nobody has
    consented: privacy is the default.

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo"], "consent": [True, False]},
    ...                       index=pd.Index(["a", "b"], name="id"))
    >>> consent_mask(OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))).tolist()
    [True, False]
    """
    people = _people(source)
    if "consent" not in people.columns:
        return pd.Series(False, index=people.index, name="consent")
    return pd.Series(parse_consent(people["consent"].tolist()), index=people.index, name="consent")


def screen_people(source: PeopleSource, policy: PrivacyPolicy) -> pd.DataFrame:
    """Decide how each person may appear in manager views.

    A person is *named* when ``policy.show_names`` is on and they consented;
    otherwise they appear under their pseudonym, or are *hidden* when the
    policy has no key or shows no people (``person_level=False``).

    Returns
    -------
    pandas.DataFrame
        Indexed by id, with columns ``person`` (the key manager views use:
        the pseudonym, or the name when there is no key; None when hidden),
        ``label`` (what to show: name or pseudonym; None when hidden),
        ``name`` (the shown name, None unless named), ``pseudonym``,
        ``consent``, ``shown`` and ``display`` (the label, with the
        pseudonym or a number added when two shown people share a name).

    Raises
    ------
    ConfigurationError
        If two people get the same pseudonym (choose another key).

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo"], "consent": ["ja", "nee"]},
    ...                       index=pd.Index(["a", "b"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> screen_people(net, PrivacyPolicy(key=b"organisation secret key"))[["label", "name", "shown"]]
             label name  shown
    id
    a          Ana  Ana   True
    b   P-SXN8EE0S  NaN   True
    >>> screen_people(net, PrivacyPolicy())["label"].tolist()
    ['Ana', None]
    """
    people = _people(source)
    consent = consent_mask(source)
    names = _display_names(people)
    named = consent & policy.show_names & policy.person_level
    if policy.key is not None:
        pseudonyms = pd.Series([pseudonym(p, policy.key) for p in people.index], index=people.index, dtype=object)
        clashes = pseudonyms[pseudonyms.duplicated(keep=False)]
        if len(clashes):
            raise ConfigurationError(
                f"Two people get the same pseudonym ({clashes.iloc[0]}); this happens very rarely. "
                "Choose another pseudonym key"
            )
    else:
        pseudonyms = pd.Series(None, index=people.index, dtype=object)
    label = pseudonyms.where(~named, names)
    if policy.key is not None:
        person = pseudonyms.copy()
    else:
        person = _unique_labels(label.where(named, None))
    frame = pd.DataFrame(
        {
            "person": person,
            "label": label.where(named | (pseudonyms.notna() & policy.person_level), None).astype(object),
            "name": names.where(named, None).astype(object),
            "pseudonym": pseudonyms,
            "consent": consent.astype(bool),
        },
        index=people.index,
    )
    frame["shown"] = frame["label"].notna()
    shared = (frame["name"].notna() & frame["name"].duplicated(keep=False)).tolist()
    display = []
    for is_shared, label, person in zip(shared, frame["label"], frame["person"]):
        if not is_shared:
            display.append(label)
        elif policy.key is not None:
            display.append(f"{label} ({person})")  # the pseudonym tells them apart
        else:
            display.append(person)  # already numbered: 'Iris de Vries (2)'
    frame["display"] = pd.Series(display, index=frame.index, dtype=object)
    frame.index.name = "id"
    return frame


# -- groups -----------------------------------------------------------------------------------


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
    attribute : str
    """

    table: pd.DataFrame
    labels: pd.Series
    reportable: frozenset[str]
    withheld: frozenset[str]
    other_label: str
    attribute: str

    @property
    def order(self) -> list[str]:
        """Reportable labels in display order: groups sorted by name, the other-label last."""
        groups = sorted(g for g in self.reportable if g != self.other_label)
        return groups + ([self.other_label] if self.other_label in self.reportable else [])


def screen_groups(source: PeopleSource, policy: PrivacyPolicy, *, attribute: str = "department") -> GroupScreen:
    """Apply the minimum group size ``k`` to the groups under `attribute`.

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
        Nodes (people) with `attribute` and ``responded``.
    policy : PrivacyPolicy
    attribute : str, optional (default="department")

    Returns
    -------
    GroupScreen

    Raises
    ------
    MissingAttributeError
        If people have no `attribute`.
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
    people = _people(source)
    if attribute not in people.columns:
        raise MissingAttributeError(attribute, [c for c in people.columns if c not in ("responded",)])
    groups = _group_labels(people[attribute])
    other = policy.other_label
    if (groups == other).any():
        raise ConfigurationError(
            f"A group in {attribute!r} is called {other!r}, the label ona uses for merged small groups. "
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
    labels = groups.map(dict(zip(table.index, table["shown_as"]))).rename(attribute)
    return GroupScreen(
        table=table,
        labels=labels,
        reportable=frozenset(reportable),
        withheld=frozenset(small.index),
        other_label=other,
        attribute=attribute,
    )


def merge_small_groups(
    G: nx.Graph,
    policy: PrivacyPolicy,
    *,
    attribute: str = "department",
    minimal: bool = False,
    source: PeopleSource | None = None,
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
    attribute : str, optional (default="department")
    minimal : bool, optional (default=False)
        Keep only what group measures need: `attribute` and ``responded`` on
        nodes, ``weight`` on edges (much faster for large networks).
    source : OrgNetwork or networkx graph, optional
        The whole network when `G` is part of it (see :func:`manager_graph`).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "X", "b": "X", "c": "Y"}, "department")
    >>> H = merge_small_groups(G, PrivacyPolicy(min_group_size=2))
    >>> dict(H.nodes(data="department")), dict(G.nodes(data="department"))["c"]
    ({'a': 'X', 'b': 'X', 'c': '(other)'}, 'Y')
    """
    screen = screen_groups(G if source is None else source, policy, attribute=attribute)
    labels = screen.labels.to_dict()
    if minimal:
        H = G.__class__()
        H.add_nodes_from(
            (n, {attribute: labels.get(str(n), data.get(attribute)), "responded": bool(data.get("responded", True))})
            for n, data in G.nodes(data=True)
        )
        H.add_weighted_edges_from(G.edges(data="weight", default=1.0))
        H.graph = dict(G.graph)
        return H
    H = G.copy()
    if nx.is_frozen(H):
        H = H.__class__(H)
    nx.set_node_attributes(H, {n: labels[str(n)] for n in H if str(n) in labels}, attribute)
    return H


def manager_network(net: OrgNetwork, policy: PrivacyPolicy, *, attribute: str = "department") -> OrgNetwork:
    """The network to analyse for managers: without the people whose group can carry no figure at all.

    When the groups below ``k`` together reach ``k``, they are merged into
    the other-group and nobody is left out: `net` itself is returned. When
    even the merged other-group stays below ``k``, its members (and their
    ties, group-level answers, perceived ties and conditions answers) are removed. Otherwise figures of the
    groups that *are* shown would give away the suppressed ones by
    difference: a department's external ties minus its ties to the other
    departments shown would be exactly its ties with the small group.

    Figures computed on the result describe the organisation without those
    people; they differ slightly from the analyst's figures.

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
    screen = screen_groups(net, policy, attribute=attribute)
    if not screen.withheld or screen.other_label in screen.reportable:
        return net
    drop = set(screen.labels.index[screen.labels == screen.other_label])
    ties = net.ties.loc[~net.ties["source"].isin(drop) & ~net.ties["target"].isin(drop)]
    group_ties = net.group_ties
    if group_ties is not None:
        keep = ~group_ties["respondent"].astype(str).isin(drop) & ~group_ties["group"].astype(str).isin(screen.withheld)
        group_ties = group_ties.loc[keep]
    perceived = net.perceived_ties  # the collaboration scan's answers of the people left out go too
    if perceived is not None:
        perceived = perceived.loc[~perceived[["perceiver", "source", "target"]].isin(drop).any(axis=1)]
    conditions = net.conditions
    if conditions is not None:
        conditions = conditions.loc[~conditions["respondent"].isin(drop)]
    return net.with_changes(
        roster=net.roster.drop(index=sorted(drop)),
        ties=ties,
        respondents=[p for p in net.respondents if p not in drop],  # type: ignore[union-attr]
        group_ties=group_ties,
        perceived_ties=perceived,
        conditions=conditions,
        report=IngestReport(),
    )


# -- manager views of analysis output -----------------------------------------------------


def manager_people(
    table: pd.DataFrame, source: PeopleSource, policy: PrivacyPolicy, *, attribute: str = "department"
) -> pd.DataFrame:
    """A person table as a manager may see it: shown people only, no roster details, numbers only.

    Each row is keyed by ``person`` (pseudonym, or name when there is no
    key) with ``name`` (only for people who consented), the shown group
    (small groups merged) and the *numeric* columns of `table` that are not
    roster attributes (department, team, role, manager, location, e-mail,
    consent, responded and any extra roster column are dropped: they would
    let a reader recognise a pseudonymised person). Hidden people are left
    out, and so are pseudonymised members of groups that carry no figures
    (adding up their rows would rebuild a suppressed group figure). Rows
    are sorted by ``person`` so the order gives no hint of the roster order.

    Parameters
    ----------
    table : pandas.DataFrame
        Indexed by person id, or with an ``id`` column (e.g. ``people.csv``).
    source : OrgNetwork or networkx graph
    policy : PrivacyPolicy
    attribute : str, optional (default="department")

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
    screen = screen_groups(source, policy, attribute=attribute)
    persons = _manager_persons(source, policy, screen)
    groups = screen.labels
    roster_columns = {*_people(source).columns, *STANDARD_ATTRIBUTES, "consent", "responded", "id", "pseudonym"}
    keep = [
        c
        for c in frame.columns
        if c not in roster_columns
        and pd.api.types.is_numeric_dtype(frame[c])
        and not pd.api.types.is_bool_dtype(frame[c])
    ]
    visible = persons["shown"].to_dict()
    shown = [p for p in frame.index if visible.get(p, False)]
    out = pd.DataFrame(
        {
            "person": persons.loc[shown, "person"].to_numpy(),
            "name": persons.loc[shown, "name"].to_numpy(),
            attribute: groups.reindex(shown).to_numpy(),
        }
    )
    for column in keep:
        out[column] = frame.loc[shown, column].to_numpy()
    return out.sort_values("person", kind="stable").reset_index(drop=True)


def manager_group_table(
    table: pd.DataFrame,
    source: PeopleSource,
    policy: PrivacyPolicy,
    *,
    attribute: str = "department",
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
    screen = screen_groups(source, policy, attribute=attribute)
    real = screen.reportable - {screen.other_label}
    keys = table.index.to_series() if column is None else table[column]
    kept = table.loc[keys.map(lambda g: _group_text(g) in real).to_numpy(dtype=bool)]
    return kept.reset_index(drop=True) if column is not None else kept.copy()


def manager_density_matrix(
    G: nx.DiGraph, policy: PrivacyPolicy, *, attribute: str = "department"
) -> pd.DataFrame:
    """The group-by-group density matrix a manager may see, with small groups merged first.

    Densities cannot be added up like counts, so the small groups are merged
    into ``policy.other_label`` in the graph (:func:`merge_small_groups`) and
    the densities computed afresh; groups that stay below k are left out.
    Rows and columns follow the screening order of :func:`screen_groups`.
    """
    from ona.measures.groups import group_density_matrix

    screen = screen_groups(G, policy, attribute=attribute)
    merged = group_density_matrix(merge_small_groups(G, policy, attribute=attribute, minimal=True), attribute)
    order = [g for g in screen.order if g in merged.index]
    out = merged.loc[order, [g for g in screen.order if g in merged.columns]]
    out.index.name, out.columns.name = "from", "to"
    return out


def manager_group_matrix(
    matrix: pd.DataFrame,
    source: PeopleSource,
    policy: PrivacyPolicy,
    *,
    attribute: str = "department",
    additive: bool = True,
) -> pd.DataFrame:
    """A group-by-group matrix with small groups merged into the other-label (or dropped).

    For an *additive* matrix such as tie counts, rows and columns of groups
    below ``k`` are summed into ``policy.other_label``, so every tie stays
    counted; the merged row and column are kept only when the merged group
    reaches ``k``. For a non-additive matrix (densities, E-I) the rows and
    columns of small groups are dropped; compute the merged figures on
    :func:`merge_small_groups` instead.

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
    screen = screen_groups(source, policy, attribute=attribute)
    other = screen.other_label
    shown_as = dict(zip(screen.table.index, screen.table["shown_as"]))

    def label(group: Any) -> str | None:
        text = _group_text(group)
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


def manager_graph(
    G: nx.Graph,
    policy: PrivacyPolicy,
    *,
    attribute: str = "department",
    aggregate: bool = False,
    source: PeopleSource | None = None,
) -> nx.DiGraph:
    """The network as a manager may see it, for drawing or export.

    Person level (default): one node per *shown* person (as in
    :func:`manager_people`), keyed by
    ``person`` (pseudonym, or name when there is no key), with only the
    attributes ``name`` (what to show: name or pseudonym) and `attribute`
    (the shown group, small groups merged); edges among shown people with
    their ``weight``. Roster details, ids, e-mails and ``responded`` are
    left out. Nodes are added in sorted order, so the order gives no hint
    of the roster.

    Group level (``aggregate=True``): :func:`ona.viz.layout.group_graph` of the
    network with small groups merged, without the other-group when it stays
    below ``k``.

    Parameters
    ----------
    G : networkx graph
        A relation's graph (e.g. ``net.graph("advice")``). Not changed.
    policy : PrivacyPolicy
    attribute : str, optional (default="department")
    aggregate : bool, optional (default=False)
    source : OrgNetwork or networkx graph, optional
        The whole network, when `G` is part of it (an ego network or one
        department's focus view): group sizes, consent and pseudonyms are
        judged on `source`, so a large group keeps its name in a small
        drawing. Default: `G` itself.

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "Ana", "b": "Bo", "c": "Cy"}, "name")
    >>> nx.set_node_attributes(G, {"a": "X", "b": "X", "c": "Y"}, "department")
    >>> nx.set_node_attributes(G, {"a": True, "b": True, "c": False}, "consent")
    >>> nx.set_node_attributes(G, True, "responded")
    >>> H = manager_graph(G, PrivacyPolicy(min_group_size=2))
    >>> sorted(H.nodes(data="department")), list(H.edges)
    ([('Ana', 'X'), ('Bo', 'X')], [('Ana', 'Bo')])
    """
    population = G if source is None else source
    screen = screen_groups(population, policy, attribute=attribute)
    if aggregate:
        from ona.viz.layout import group_graph

        merged = merge_small_groups(G, policy, attribute=attribute, minimal=True, source=population)
        H = group_graph(merged, attribute, weight="weight")
        H.remove_nodes_from([g for g in list(H.nodes) if g not in screen.reportable])
        H.graph = {"attribute": attribute}
        return H
    persons = _manager_persons(population, policy, screen)
    shown = persons.loc[persons["shown"]]
    key_of = {pid: key for pid, key in shown["person"].items() if pid in G}
    label_of = shown["label"].to_dict()
    group_of = screen.labels.to_dict()
    H = nx.DiGraph()
    H.add_nodes_from(
        (key_of[pid], {"name": label_of[pid], attribute: group_of[pid]})
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
    H.graph = {"attribute": attribute}
    for name in ("relation", "wave"):
        if name in G.graph and G.graph[name] is not None:
            H.graph[name] = str(G.graph[name])
    return H


F = TypeVar("F")


def manager_findings(
    findings: Sequence[F],
    source: PeopleSource,
    policy: PrivacyPolicy,
    *,
    attribute: str = "department",
) -> list[F]:
    """The findings a manager may see, with people named only as the policy allows.

    A finding is dropped when

    * it names a group (in ``groups``, its evidence or its text) that is
      below ``k`` or unknown under `attribute` (no finding names a small
      group, and small groups cannot be checked for groups of another kind);
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
    source : OrgNetwork or networkx graph
        The network the findings are about.
    policy : PrivacyPolicy
    attribute : str, optional (default="department")
        The attribute the findings' groups belong to.

    Returns
    -------
    list
        New findings in the same order.
    """
    screen = screen_groups(source, policy, attribute=attribute)
    persons = _manager_persons(source, policy, screen)
    real_groups = screen.reportable - {screen.other_label}
    all_groups = set(screen.table.index)
    shown = persons["shown"]
    renames, unnameable = _text_renames(source, persons)
    ids = {str(p): persons.at[p, "person"] for p in persons.index}
    withheld = TermMatcher(withheld_terms(source, policy, attribute=attribute))
    renamer = TermMatcher(renames)
    result = []
    for finding in findings:
        groups = [_group_text(g) for g in getattr(finding, "groups", ()) or ()]
        if any(g not in real_groups for g in groups):
            continue
        people = [str(p) for p in getattr(finding, "people", ()) or ()]
        if any(p not in ids or not shown.get(p, False) or p in unnameable for p in people):
            continue
        try:
            evidence = _scrub(getattr(finding, "evidence", {}), ids, shown, lambda text: renamer.sub(text, renames),
                              screen.withheld, all_groups - real_groups)
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


# -- leak checks -------------------------------------------------------------------------------


def withheld_terms(source: PeopleSource, policy: PrivacyPolicy, *, attribute: str = "department") -> frozenset[str]:
    """Names that must not appear in manager output: small groups, and names and e-mails of people not named.

    Names shared with a person who may be named are not included (the
    shown name cannot be told apart). Ids are not included: they are short
    codes that also occur as numbers; manager views never carry them.

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo"], "department": ["X", "Y"], "consent": [True, False]},
    ...                       index=pd.Index(["a", "b"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> sorted(withheld_terms(net, PrivacyPolicy(min_group_size=1)))
    ['Bo']
    >>> sorted(withheld_terms(net, PrivacyPolicy(min_group_size=2)))
    ['Bo', 'X', 'Y']
    """
    screen = screen_groups(source, policy, attribute=attribute)
    persons = screen_people(source, policy)
    people = _people(source)
    names = _display_names(people)
    named = persons["name"].notna()
    shown_names = set(names[named].map(str))
    terms = set(screen.withheld)
    hidden = persons.index[~named]
    emails = people["email"].reindex(hidden).tolist() if "email" in people.columns else [None] * len(hidden)
    for pid, name, email in zip(hidden, names.reindex(hidden).map(str).str.strip(), emails):
        if name and name != pid and name not in shown_names:
            terms.add(name)
        if isinstance(email, str) and email.strip():
            terms.add(email.strip())
    return frozenset(t for t in terms if t.strip() and t not in screen.reportable)


def contains_withheld(text: str, terms: Iterable[str]) -> list[str]:
    """The withheld terms found in `text` as whole words, also when HTML- or backslash-escaped.

    Returns the terms found (empty when `text` is clean), so callers can
    both test and report.

    Examples
    --------
    >>> contains_withheld("Ties between HR and IT", ["HR", "Legal"])
    ['HR']
    >>> contains_withheld("HRM only", ["HR"])
    []
    >>> contains_withheld("&lt;b&gt;Bo&lt;/b&gt;", ["<b>Bo</b>"])
    ['<b>Bo</b>']
    """
    return TermMatcher(terms).find(text)


class TermMatcher:
    """Finds many terms at once as whole words: one regular expression built from a trie of the terms.

    A trie-shaped pattern stays fast with tens of thousands of names, where
    one search per name would scan every text again and again. Build one
    from :func:`withheld_terms` to check many texts.

    Examples
    --------
    >>> matcher = TermMatcher(["Jan", "Jan de Vries", "HR"])
    >>> matcher.find("Vraag het Jan de Vries (HR), niet HRM.")
    ['HR', 'Jan de Vries']
    >>> matcher.sub("Jan en Jan de Vries", {"Jan": "P-1", "Jan de Vries": "P-2", "HR": "-"})
    'P-1 en P-2'
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = sorted({t for t in terms if t})
        body = _trie_pattern(self.terms)
        self.pattern = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)") if self.terms else None

    def find(self, text: str) -> list[str]:
        """The terms in `text`, also when HTML-escaped or backslash-escaped (as Markdown escapes)."""
        if self.pattern is None:
            return []
        import html

        variants = {text, text.replace("\\", "")}
        variants |= {html.unescape(v) for v in list(variants)}
        found: set[str] = set()
        for variant in variants:
            found.update(m.group(0) for m in self.pattern.finditer(variant))
        return sorted(found)

    def sub(self, text: str, replacements: Mapping[str, str]) -> str:
        """`text` with every term replaced by ``replacements[term]``."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: replacements[m.group(0)], text)


def _trie_pattern(terms: Iterable[str]) -> str:
    """A regular expression matching exactly `terms`, longest first, shaped as a trie."""
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(trie)


# -- roles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """Who is using ona: an analyst (HR, sees everything) or a manager (privacy-filtered views).

    Attributes
    ----------
    name : {"analyst", "manager"}
    source : str
        Where the decision came from, e.g. ``"ONA_ROLE"``, ``"secrets: ona.users"``
        or ``"nothing configured"``.
    user : str or None
        The signed-in user's e-mail address, when known.
    configured : bool
        False when no role configuration exists (local use, analyst mode).
    """

    name: Literal["analyst", "manager"]
    source: str
    user: str | None = None
    configured: bool = True

    @property
    def is_manager(self) -> bool:
        """True for the manager role."""
        return self.name == MANAGER

    @property
    def is_analyst(self) -> bool:
        """True for the analyst role."""
        return self.name == ANALYST

    def label(self, lang: str = "en") -> str:
        """A short label for the app's header, e.g. ``"Analyst mode (no roles configured: local use)"``.

        >>> Role(ANALYST, "nothing configured", configured=False).label("nl")
        'Analistmodus (geen rollen ingesteld: lokaal gebruik)'
        >>> Role(MANAGER, "ONA_ROLE").label("en")
        'Manager mode: privacy-filtered views only'
        """
        dutch = lang.lower().startswith("nl")
        if self.is_manager:
            return "Leidinggevendemodus: alleen privacygefilterde overzichten" if dutch else (
                "Manager mode: privacy-filtered views only"
            )
        if not self.configured:
            return "Analistmodus (geen rollen ingesteld: lokaal gebruik)" if dutch else (
                "Analyst mode (no roles configured: local use)"
            )
        return "Analistmodus: volledige toegang" if dutch else "Analyst mode: full access"


def resolve_role(
    *,
    env: Mapping[str, str] = os.environ,
    secrets: Mapping[str, Any] | None = None,
    user_email: str | None = None,
) -> Role:
    """Decide the role on the server side, from configuration only (never from what the user picks).

    Configuration, in the environment or in Streamlit secrets::

        ONA_ROLE=manager                      # everyone's role (analyst or manager)
        ONA_ANALYST_USERS=hr@gemeente.nl      # per signed-in user (comma-separated)
        ONA_MANAGER_USERS=a@gemeente.nl,b@gemeente.nl

        # .streamlit/secrets.toml
        [ona]
        role = "manager"                      # everyone else's role (optional)
        [ona.users]
        "hr@gemeente.nl" = "analyst"
        "a@gemeente.nl" = "manager"

    Rules, in order:

    1. a signed-in user listed per user gets that role;
    2. otherwise the configured default role (``ONA_ROLE`` or ``[ona] role``);
    3. otherwise, when users are listed but this user is not (or nobody is
       signed in), the more restricted role: manager;
    4. nothing configured at all: analyst, labelled as local use.

    E-mail addresses are compared without case. ``analist``/``hr`` and
    ``leidinggevende`` are accepted as Dutch role names.

    Parameters
    ----------
    env : mapping, optional (default=os.environ)
    secrets : mapping, optional
        Streamlit's ``st.secrets`` (or any mapping of the same shape).
    user_email : str, optional
        The signed-in user's e-mail (``st.user.email`` when sign-in is set up).

    Returns
    -------
    Role

    Raises
    ------
    ConfigurationError
        If a role name is unknown, a user is listed with two roles, or the
        environment and the secrets set different default roles.

    Examples
    --------
    >>> resolve_role(env={}).name, resolve_role(env={}).configured
    ('analyst', False)
    >>> resolve_role(env={"ONA_ROLE": "manager"}).name
    'manager'
    >>> env = {"ONA_ANALYST_USERS": "HR@gemeente.nl"}
    >>> resolve_role(env=env, user_email="hr@gemeente.nl").name, resolve_role(env=env, user_email="x@y.nl").name
    ('analyst', 'manager')
    """
    users: dict[str, tuple[str, str]] = {}

    def add_user(email: str, role_word: Any, where: str) -> None:
        role = _role_name(role_word, where)
        key = str(email).strip().lower()
        if not key:
            return
        if key in users and users[key][0] != role:
            raise ConfigurationError(
                f"{key} is listed as {users[key][0]} ({users[key][1]}) and as {role} ({where}). "
                "Give each user one role"
            )
        users[key] = (role, where)

    ona_secrets = secrets.get("ona") if secrets is not None else None
    if ona_secrets is not None and not isinstance(ona_secrets, Mapping):
        raise ConfigurationError("The Streamlit secret 'ona' must be a table ([ona] in secrets.toml).")
    secret_users = ona_secrets.get("users") if ona_secrets else None
    if secret_users is not None:
        if not isinstance(secret_users, Mapping):
            raise ConfigurationError(
                "The Streamlit secret 'ona.users' must map e-mail addresses to roles ([ona.users] in secrets.toml)."
            )
        for email, role_word in secret_users.items():
            add_user(email, role_word, "secrets: ona.users")
    for var, role_word in (("ONA_ANALYST_USERS", ANALYST), ("ONA_MANAGER_USERS", MANAGER)):
        for email in re.split(r"[,;\s]+", env.get(var, "") or ""):
            add_user(email, role_word, var)

    defaults = []
    if ona_secrets and ona_secrets.get("role"):
        defaults.append((_role_name(ona_secrets["role"], "secrets: ona.role"), "secrets: ona.role"))
    if (env.get("ONA_ROLE") or "").strip():
        defaults.append((_role_name(env["ONA_ROLE"], "ONA_ROLE"), "ONA_ROLE"))
    if len({d[0] for d in defaults}) > 1:
        raise ConfigurationError(
            f"ONA_ROLE says {defaults[1][0]} but the secret ona.role says {defaults[0][0]}. "
            "Set the default role in one place"
        )

    email = user_email.strip().lower() if user_email and user_email.strip() else None
    if email is not None and email in users:
        role, where = users[email]
        return Role(role, where, email)  # type: ignore[arg-type]
    if defaults:
        return Role(defaults[0][0], defaults[0][1], email)  # type: ignore[arg-type]
    if users:
        why = "signed-in user not listed" if email else "not signed in"
        return Role(MANAGER, f"users are listed, {why}", email)
    return Role(ANALYST, "nothing configured", email, configured=False)


# -- helpers -----------------------------------------------------------------------------------


class _Withheld(Exception):
    """Raised inside :func:`_scrub` when evidence names a withheld group."""


def _people(source: PeopleSource) -> pd.DataFrame:
    """Everyone with their attributes and ``responded``, indexed by string id."""
    if isinstance(source, OrgNetwork):
        frame = source.roster.copy()
        frame["responded"] = source.respondent_mask()
        return frame
    if isinstance(source, nx.Graph):
        frame = pd.DataFrame.from_dict(dict(source.nodes(data=True)), orient="index")
        frame.index = frame.index.map(str)
        if "responded" not in frame.columns:
            frame["responded"] = True
        frame["responded"] = frame["responded"].fillna(False).astype(bool)
        frame.index.name = "id"
        return frame
    raise TypeError(f"expected an OrgNetwork or a networkx graph, not {type(source).__name__}")


def _display_names(people: pd.DataFrame) -> pd.Series:
    if "name" not in people.columns:
        return pd.Series(people.index, index=people.index, dtype=object)
    names = people["name"].astype(object)
    present = names.notna() & names.astype(str).str.strip().ne("")
    return names.where(present, pd.Series(people.index, index=people.index)).map(str)


def _group_labels(values: pd.Series) -> pd.Series:
    values = values.astype(object)
    present = values.notna() & values.astype(str).str.strip().ne("")
    return values.where(present, UNKNOWN_GROUP).map(str)


def _group_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == "":
        return UNKNOWN_GROUP
    return str(value)


def _unique_labels(labels: pd.Series) -> pd.Series:
    """Make labels unique by numbering repeats: 'Iris de Vries', 'Iris de Vries (2)'."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        if label is None or (isinstance(label, float) and math.isnan(label)):
            out.append(None)
            continue
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return pd.Series(out, index=labels.index, dtype=object)


def _role_name(word: Any, where: str) -> str:
    role = _ROLE_WORDS.get(str(word).strip().lower())
    if role is None:
        raise ConfigurationError(
            f"{where}: {word!r} is not a role. Use 'analyst' (HR, sees everything) or 'manager' "
            "(privacy-filtered views)"
        )
    return role


def _manager_persons(source: PeopleSource, policy: PrivacyPolicy, screen: GroupScreen) -> pd.DataFrame:
    """:func:`screen_people`, with pseudonymised members of groups that carry no figures hidden as well.

    A person-level view shows each person's group. If the pseudonymised
    members of a group below ``k`` were shown (as "(other)"), a reader could
    add up their ties and rebuild the figure the group tables leave out. So
    they are hidden unless their merged group is reportable; people who
    consented to be named stay, as individuals.
    """
    persons = screen_people(source, policy)
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
    names = _display_names(_people(source)).map(lambda n: " ".join(str(n).split()))
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

