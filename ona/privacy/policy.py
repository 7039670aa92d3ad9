r"""The privacy policy, keyed pseudonyms and consent: how people may appear in manager views.

* :class:`PrivacyPolicy`: the minimum group size ``k``, the pseudonym key, whether
  consenting people are named, whether people are shown at all, and the
  groupings managers may use.
* :func:`pseudonym`: a keyed pseudonym (HMAC [1]_), stable across waves.
* :func:`parse_consent`, :func:`consent_mask`: consent from the roster.
* :func:`screen_people`: how each person may appear (name, pseudonym or not at all).

References
----------
.. [1] Krawczyk, Hugo, Mihir Bellare, and Ran Canetti. 1997. "HMAC:
   Keyed-Hashing for Message Authentication." RFC 2104.
   https://doi.org/10.17487/RFC2104
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Union

import networkx as nx
import numpy as np
import pandas as pd

from ona.exceptions import ConfigurationError
from ona.model import UNKNOWN_GROUP, OrgNetwork

__all__ = [
    "DEFAULT_GROUPINGS",
    "DEFAULT_KEY_ENV",
    "MIN_KEY_BYTES",
    "OTHER_GROUP",
    "PeopleSource",
    "PrivacyPolicy",
    "consent_mask",
    "display_names",
    "group_text",
    "NAMES_RULES",
    "key_from_env",
    "names_rule",
    "names_rule_text",
    "parse_consent",
    "people_frame",
    "pseudonym",
    "respondent_flags",
    "screen_people",
    "unnamed_count",
]

#: Label under which groups below the minimum size are merged.
OTHER_GROUP = "(other)"
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
#: Roster attributes managers may group by, unless the policy names others; the first is the
#: organisational unit (the standard grouping columns of a roster, see :data:`ona.model.STANDARD_ATTRIBUTES`).
DEFAULT_GROUPINGS = ("department", "team", "location")


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
        a key no pseudonyms can be made, so when someone may not be named,
        nobody is shown person by person (see :func:`screen_people` why);
        group figures still count everyone.
    show_names : bool, optional (default=True)
        Show people who consented by name. False shows everyone by pseudonym.
    person_level : bool, optional (default=True)
        Show people at all. False gives managers group-level views only: no
        person tables, no person-level graphs and no findings about people.
        Person-level data always lets a reader infer more (e.g. who did not
        answer the survey: their outgoing ties are missing).
    other_label : str, optional (default="(other)")
        The label under which small groups are merged.
    groupings : sequence of str, optional (default=("department", "team", "location"))
        The roster attributes managers may group by. Whom to withhold is
        decided under all of them at once (:func:`ona.privacy.screen.screen_network`),
        so switching between them, or comparing workspaces published with
        different ones, reveals nobody. The first is the organisational
        unit (:attr:`unit`).

    Raises
    ------
    ConfigurationError
        If ``min_group_size`` is below 1, the key is shorter than 16 bytes or
        no grouping is named.

    Examples
    --------
    >>> PrivacyPolicy(min_group_size=3, key="a long secret key of HR")
    PrivacyPolicy(min_group_size=3, show_names=True, person_level=True, other_label='(other)', \
groupings=('department', 'team', 'location'))
    >>> PrivacyPolicy(groupings=["team"]).unit
    'team'
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
    groupings: tuple[str, ...] = DEFAULT_GROUPINGS

    def __post_init__(self) -> None:
        if isinstance(self.min_group_size, bool) or not isinstance(self.min_group_size, int):
            raise ConfigurationError(
                f"The minimum group size must be a whole number, not {self.min_group_size!r}. Use e.g. 5.",
                key="privacy.policy.k_not_whole", values={"value": repr(self.min_group_size)},
            )
        if self.min_group_size < 1:
            raise ConfigurationError(
                f"The minimum group size must be at least 1, not {self.min_group_size}. "
                "Use 5 or more for manager views.",
                key="privacy.policy.k_below_one", values={"value": self.min_group_size},
            )
        if self.key is not None:
            key = self.key.encode("utf-8") if isinstance(self.key, str) else bytes(self.key)
            if len(key) < MIN_KEY_BYTES:
                raise ConfigurationError(
                    f"The pseudonym key is {len(key)} bytes long; use at least {MIN_KEY_BYTES} random "
                    "characters (e.g. from 'python -c \"import secrets; print(secrets.token_urlsafe(32))\"') "
                    "and keep it secret",
                    key="privacy.policy.short_key", values={"length": len(key), "minimum": MIN_KEY_BYTES},
                )
            object.__setattr__(self, "key", key)
        if not str(self.other_label).strip():
            raise ConfigurationError("The label for merged small groups is empty. Use e.g. '(other)'.",
                                     key="privacy.policy.other_empty")
        groupings = (self.groupings,) if isinstance(self.groupings, str) else tuple(self.groupings)
        groupings = tuple(dict.fromkeys(str(g).strip() for g in groupings if str(g).strip()))
        if not groupings:
            raise ConfigurationError(
                "The privacy policy names no grouping. Name at least one roster column, e.g. department.",
                key="privacy.policy.no_groupings",
            )
        object.__setattr__(self, "groupings", groupings)

    @property
    def k(self) -> int:
        """The minimum group size."""
        return self.min_group_size

    @property
    def unit(self) -> str:
        """The organisational unit: the first of :attr:`groupings`."""
        return self.groupings[0]

    @property
    def pseudonymises(self) -> bool:
        """Whether people who may not be named are shown under a pseudonym (a key is set)."""
        return self.key is not None


#: How a policy shows people, as written in a workspace manifest's ``privacy.names`` -> its i18n key.
NAMES_RULES = {
    "consenting people by name, others by pseudonym": "privacy.names.consent_pseudonyms",
    "consenting people by name, others left out": "privacy.names.consent_only",
    "everyone by pseudonym": "privacy.names.pseudonyms",
    "no people shown": "privacy.names.none",
}


def names_rule(policy: PrivacyPolicy) -> str:
    """How `policy` shows people, in the words of :data:`NAMES_RULES` (a workspace manifest's ``privacy.names``).

    >>> names_rule(PrivacyPolicy(key="a long secret key of HR")), names_rule(PrivacyPolicy(person_level=False))
    ('consenting people by name, others by pseudonym', 'no people shown')
    """
    if not policy.person_level:
        return "no people shown"
    if policy.show_names and policy.pseudonymises:
        return "consenting people by name, others by pseudonym"
    if policy.show_names:
        return "consenting people by name, others left out"
    if policy.pseudonymises:
        return "everyone by pseudonym"
    return "no people shown"


def names_rule_text(rule: str, lang: str = "en") -> str:
    """A :func:`names_rule` in `lang`; an unknown rule (from an untrusted manifest) comes back as it is.

    >>> names_rule_text("everyone by pseudonym", "nl")
    'iedereen met een pseudoniem'
    """
    from ona.i18n import t

    key = NAMES_RULES.get(rule)
    return t(key, lang) if key else str(rule)


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

    where $d$ is a fixed domain label. HMAC [1]_ makes the pseudonym a
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
    digest = hmac.digest(key_bytes, _PSEUDONYM_DOMAIN + str(person_id).encode("utf-8"), "sha256")  # one C call
    # The characters are the lowest base-32 digits of the digest read as one number, which only its last
    # ceil(5 * length / 8) bytes decide.
    number = int.from_bytes(digest[-((5 * length + 7) // 8):], "big")
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
                f"The consent value {value!r} is not yes/no. Use yes/no or ja/nee in the roster column 'consent'.",
                key="privacy.policy.consent", values={"value": repr(value)},
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
    people = people_frame(source)
    if "consent" not in people.columns:
        return pd.Series(False, index=people.index, name="consent")
    return pd.Series(parse_consent(people["consent"].tolist()), index=people.index, name="consent")


def screen_people(source: PeopleSource, policy: PrivacyPolicy) -> pd.DataFrame:
    """Decide how each person may appear in manager views: all of them, or none.

    A person is *named* when ``policy.show_names`` is on, they consented and
    the roster gives them a name; otherwise they appear under their
    pseudonym (never their employee id). Everyone is *hidden* when the
    policy shows no people (``person_level=False``) and also when there is
    no pseudonym key while someone may not be named: person-level views
    show **everyone or nobody**. Showing only some people would give the
    others away: the degrees of the people shown count ties with the people
    left out, and the whole-network and group figures count them too, so
    subtracting the ties drawn recovers whom a hidden person named and who
    named them (the red-team attack of issue 10). :func:`unnamed_count`
    says how many people stopped the person-level views.

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

    Without a key, Bo (no consent) cannot be shown, so nobody is; with
    everyone's consent everyone is, by name:

    >>> screen_people(net, PrivacyPolicy())["label"].tolist()
    [None, None]
    >>> screen_people(net.with_changes(roster=roster.assign(consent="ja")), PrivacyPolicy())["label"].tolist()
    ['Ana', 'Bo']
    """
    people = people_frame(source)
    consent = consent_mask(source)
    names = display_names(people)
    named = consent & policy.show_names & policy.person_level & _has_name(people)
    if policy.key is not None:
        pseudonyms = pd.Series([pseudonym(p, policy.key) for p in people.index.to_numpy(dtype=object)], index=people.index, dtype=object)
        clashes = pseudonyms[pseudonyms.duplicated(keep=False)]
        if len(clashes):
            raise ConfigurationError(
                f"Two people get the same pseudonym ({clashes.iloc[0]}); this happens very rarely. "
                "Choose another pseudonym key",
                key="privacy.policy.pseudonym_clash", values={"pseudonym": clashes.iloc[0]},
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
    if policy.person_level and not frame["shown"].all():  # no key: showing only some would give the rest away
        for column in ("person", "label", "name"):
            frame[column] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        frame["shown"] = False
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


def unnamed_count(source: PeopleSource, policy: PrivacyPolicy) -> int:
    """How many people may be neither named nor pseudonymised: without a key, those without consent or a name.

    When this is above 0, :func:`screen_people` shows nobody person by person (see there why).

    >>> roster = pd.DataFrame({"name": ["Ana", None, "Cy"], "consent": ["ja", "ja", "nee"]},
    ...                       index=pd.Index(["a", "b", "c"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> unnamed_count(net, PrivacyPolicy()), unnamed_count(net, PrivacyPolicy(key=b"organisation secret key"))
    (2, 0)
    """
    if not policy.person_level or policy.key is not None:
        return 0
    people = people_frame(source)
    named = consent_mask(source) & policy.show_names & _has_name(people)
    return int((~named).sum())


def _has_name(people: pd.DataFrame) -> pd.Series:
    """Whether the roster gives each person a name (not empty): a person without one is never shown by id."""
    if "name" not in people.columns:
        return pd.Series(False, index=people.index)
    names = people["name"].astype(object)
    return (names.notna() & names.astype(str).str.strip().ne("")).astype(bool)


def people_frame(source: PeopleSource) -> pd.DataFrame:
    """Everyone with their attributes and ``responded``, indexed by string id.

    Parameters
    ----------
    source : OrgNetwork or networkx graph
        A graph's node attributes stand in for the roster; nodes without
        ``responded`` count as respondents.

    Examples
    --------
    >>> G = nx.DiGraph([(1, 2)])
    >>> people_frame(G)["responded"].to_dict()
    {'1': True, '2': True}
    """
    if isinstance(source, OrgNetwork):
        frame = source.roster.copy()
        frame["responded"] = respondent_flags(source)
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


def respondent_flags(net: OrgNetwork) -> np.ndarray:
    """Whether each person on the roster responded, in roster order (a boolean array).

    The same as ``net.respondent_mask().to_numpy()``, in milliseconds for 100,000 people (one set lookup
    per person).

    >>> roster = pd.DataFrame({"department": ["A", "A"]}, index=pd.Index(["a", "b"], name="id"))
    >>> respondent_flags(OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), respondents=["b"])).tolist()
    [False, True]
    """
    respondents = net.respondents or frozenset()
    ids = net.roster.index.to_numpy(dtype=object)
    return np.fromiter((i in respondents for i in ids), dtype=bool, count=len(ids))


def display_names(people: pd.DataFrame) -> pd.Series:
    """Each person's name as text, or their id where the name is empty (as :meth:`OrgNetwork.display_names`).

    >>> display_names(pd.DataFrame({"name": ["Ana", None]}, index=["a", "b"])).tolist()
    ['Ana', 'b']
    """
    if "name" not in people.columns:
        return pd.Series(people.index, index=people.index, dtype=object)
    names = people["name"].astype(object)
    present = names.notna() & names.astype(str).str.strip().ne("")
    return names.where(present, pd.Series(people.index, index=people.index)).map(str)


def group_text(value: Any) -> str:
    """One group value as its label: empty values become ``"(unknown)"`` (as :func:`ona.model.group_labels`).

    >>> group_text(None), group_text(" "), group_text(3)
    ('(unknown)', '(unknown)', '3')
    """
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

