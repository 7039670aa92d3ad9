"""Leak checks: the names manager output must never contain, found as whole words in any text.

:func:`withheld_terms` lists what must not appear (groups below the minimum
size, names and e-mail addresses of people who may not be named);
:func:`shown_terms` what may (shown groups and names), so that a withheld
"Domein" beside a shown "Sociaal Domein" is not called a leak;
:class:`TermMatcher` finds many terms at once. Manager views use these as a
last check before anything leaves ona (``ona.workspace``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ona.model import OrgNetwork
from ona.privacy.policy import PrivacyPolicy, display_names, people_frame, screen_people
from ona.privacy.screen import ScreenedNetwork, Source, screen_groups
from ona.compat import old_grouping_names

__all__ = ["TermMatcher", "contains_withheld", "leak_matcher", "shown_terms", "withheld_terms"]

def _shown_groups(screened: ScreenedNetwork) -> set[str]:
    shown: set[str] = set()
    for screen in screened.screens.values():
        shown |= screen.reportable
    return shown


@old_grouping_names
def withheld_terms(
    source: Source, policy: PrivacyPolicy | None = None, *, grouping: str = "department"
) -> frozenset[str]:
    """Names that must not appear in manager output: small groups, and names and e-mails of people not named.

    Names shared with a person who may be named are not included (the
    shown name cannot be told apart). Ids are not included: they are short
    codes that also occur as numbers; manager views never carry them.

    Parameters
    ----------
    source : ScreenedNetwork, OrgNetwork or networkx graph
        With a :class:`~ona.privacy.screen.ScreenedNetwork`: the groups no
        grouping shows and everyone not named, withheld people included
        (`policy` and `grouping` are not used). Otherwise the network,
        screened under `grouping`.
    policy : PrivacyPolicy, optional
    grouping : str, optional (default="department")

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo"], "department": ["X", "Y"], "consent": [True, False]},
    ...                       index=pd.Index(["a", "b"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> key = b"organisation secret key"
    >>> sorted(withheld_terms(net, PrivacyPolicy(min_group_size=1, key=key)))
    ['Bo']
    >>> sorted(withheld_terms(net, PrivacyPolicy(min_group_size=2, key=key)))
    ['Bo', 'X', 'Y']
    """
    if isinstance(source, ScreenedNetwork):
        groups, shown_groups = set(source.withheld_groups), _shown_groups(source)
        people = people_frame(source.source)
        named = source.persons["name"].reindex(people.index).notna()
    else:
        if policy is None:
            raise TypeError("a PrivacyPolicy is needed unless the source is a ScreenedNetwork")
        screen = screen_groups(source, policy, grouping=grouping)
        groups, shown_groups = set(screen.withheld), set(screen.reportable)
        people = people_frame(source)
        named = screen_people(source, policy)["name"].reindex(people.index).notna()
    names = display_names(people)
    shown_names = set(names[named].map(str))
    terms = groups
    hidden = people.index[~named.to_numpy()]
    emails = people["email"].reindex(hidden).tolist() if "email" in people.columns else [None] * len(hidden)
    for pid, name, email in zip(hidden, names.reindex(hidden).map(str).str.strip(), emails):
        if name and name != pid and name not in shown_names:
            terms.add(name)
        if isinstance(email, str) and email.strip():
            terms.add(email.strip())
    return frozenset(t for t in terms if t.strip() and t not in shown_groups)


@old_grouping_names
def shown_terms(
    source: Source, policy: PrivacyPolicy | None = None, *, grouping: str = "department"
) -> frozenset[str]:
    """What manager output may legitimately say: the groups shown and the names of people shown by name.

    A withheld term inside one of these (a withheld department "Domein"
    inside a shown "Sociaal Domein") is not a leak; :func:`leak_matcher`
    lets them through.

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana", "Bo"], "department": ["X", "X"], "consent": [True, False]},
    ...                       index=pd.Index(["a", "b"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> sorted(shown_terms(net, PrivacyPolicy(min_group_size=2, key=b"organisation secret key")))
    ['Ana', 'P-SXN8EE0S', 'X']
    """
    if isinstance(source, ScreenedNetwork):
        groups, persons = _shown_groups(source), source.persons
    else:
        if policy is None:
            raise TypeError("a PrivacyPolicy is needed unless the source is a ScreenedNetwork")
        groups = set(screen_groups(source, policy, grouping=grouping).reportable)
        persons = screen_people(source, policy)
    names = {str(n) for n in persons["name"].dropna()} | {str(d) for d in persons["display"].dropna()}
    return frozenset(t for t in groups | names if t.strip())


@old_grouping_names
def leak_matcher(source: Source, policy: PrivacyPolicy | None = None, *, grouping: str = "department") -> TermMatcher:
    """A :class:`TermMatcher` of :func:`withheld_terms` that lets :func:`shown_terms` through.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["Sociaal Domein"] * 2 + ["Domein"]},
    ...                       index=pd.Index(["a", "b", "c"], name="id"))
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]))
    >>> matcher = leak_matcher(net, PrivacyPolicy(min_group_size=2, groupings=["department"]))
    >>> matcher.find("Ties within Sociaal Domein"), matcher.find("Ties within Domein")
    ([], ['Domein'])
    """
    return TermMatcher(withheld_terms(source, policy, grouping=grouping),
                       allowed=shown_terms(source, policy, grouping=grouping))


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

    def __init__(self, terms: Iterable[str], *, allowed: Iterable[str] = ()) -> None:
        allowed_set = {a for a in allowed if a}
        self.terms = sorted({t for t in terms if t} - allowed_set)
        plain = _whole_words(self.terms)
        #: Texts that may appear although they contain a term (at one place in a text, the longest match wins).
        self.allowed = frozenset(a for a in allowed_set if plain is not None and plain.search(a))
        self.pattern = _whole_words([*self.terms, *self.allowed]) if self.terms else None

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
        return sorted(found - self.allowed)

    def sub(self, text: str, replacements: Mapping[str, str]) -> str:
        """`text` with every term replaced by ``replacements[term]``."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: replacements.get(m.group(0), m.group(0)), text)


def _whole_words(terms: list[str]) -> re.Pattern[str] | None:
    """A pattern matching any of `terms` as whole words, or None without terms."""
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(terms) + r")(?!\w)") if terms else None


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

