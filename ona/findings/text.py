"""Findings in words: detections turned into sentences, headings and plain evidence, in Dutch and English.

The sentences come from fixed templates in the text catalogue
(:mod:`ona.i18n.texts.findings`) with names and numbers filled in, never from
generated prose; numbers are written by :func:`ona.i18n.number` (``1.234,5``
in Dutch, ``1,234.5`` in English). :func:`to_finding` builds a
:class:`~ona.findings.finding.Finding` from a detection; :func:`finding_title`
heads it (by the people it is about, e.g. "Overbelast: Ingrid Smit
(Bedrijfsvoering)", or by its groups); :func:`evidence_rows` gives the evidence
a person reads, in words and without test statistics (those stay in
``findings.json``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ona.findings.detectors import Detection, matches_any
from ona.findings.finding import ALL_RELATIONS, LANGUAGES, Confidence, Finding
from ona.i18n import COUNT_WORDS, STRINGS, number, percent, relation_label, t
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "FindingContext",
    "PLAIN_EVIDENCE",
    "canonical_relation",
    "evidence_rows",
    "fill",
    "finding_title",
    "join_names",
    "kind_title",
    "relation_words",
    "suggestion_keys",
    "ties_phrase",
    "to_finding",
    "unit_words",
]

#: Relations with their own words: pieces of the name (any language, case ignored) -> canonical relation.
_RELATIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("advice", "advies", "advis"), "advice"),
    (("trust", "vertrouw"), "trust"),
    (("friend", "vriend"), "friendship"),
    (("collab", "samenwerk", "cowork", "co-work", "work"), "collaboration"),
    (("communic", "contact"), "communication"),
)
_ADVICE = ("advice", "advies", "advis")
#: Longest list of names written out; longer lists end with "and 4 others".
_MAX_NAMES = 8

#: Evidence keys a person reads (in this order); every other key is technical and stays in ``findings.json``.
PLAIN_EVIDENCE = (
    "collaboration", "size", "internal_ties", "external_ties", "internal_share", "typical_internal_share",
    "groups_reached", "outside_bridge_people", "outside_bridge_share",
    "perceived", "perceived_ab", "perceived_ba", "ties", "expected", "ties_ab", "ties_ba", "one_way", "carriers", "n_carriers", "carried_share", "covered", "share",
    "ties_per_person", "partners", "ties_by_relation",
    "returned", "share_returned", "share_returned_elsewhere", "from_roles", "to_roles",
    "team", "isolated", "respondents", "isolated_share", "in_degree", "named_share", "mean_others", "from_groups",
    "before_wave", "after_wave", "ties_before", "ties_after", "origin", "origin_gain", "contacts", "contacts_gain",
    "others_gain", "panel_respondents",
)
_SHARES = ("internal_share", "typical_internal_share", "outside_bridge_share", "carried_share", "share",
           "share_returned", "share_returned_elsewhere", "isolated_share", "named_share")
_DECIMALS = ("perceived", "perceived_ab", "perceived_ba", "mean_others", "origin_gain", "contacts_gain", "others_gain")
_PERSON_KEYED = ("ties_per_person", "partners")


def canonical_relation(relation: str) -> str | None:
    """The usual relation a relation name stands for (``"Advies"`` -> ``"advice"``), or None.

    >>> canonical_relation("Wie vraagt u om advies?"), canonical_relation("trust"), canonical_relation("lunch")
    ('advice', 'trust', None)
    """
    for patterns, canonical in _RELATIONS:
        if matches_any(relation, patterns):
            return canonical
    return None


def relation_words(relation: str, lang: str) -> tuple[str, str, str]:
    """(one tie, several ties, short label) of a relation in `lang`.

    >>> relation_words("advice", "nl"), relation_words("all", "en")
    (('adviesrelatie', 'adviesrelaties', 'advies'), ('tie', 'ties', 'all relations'))
    >>> relation_words("lunch", "nl")
    ('relatie (lunch)', 'relaties (lunch)', 'lunch')
    """
    if relation == ALL_RELATIONS:
        one, many = COUNT_WORDS["tie.any"][lang]
        return one, many, t("finding.word.all_relations", lang)
    canonical = canonical_relation(relation)
    if canonical is not None:
        one, many = COUNT_WORDS[f"tie.{canonical}"][lang]
        return one, many, relation_label(canonical, lang)
    one, many = COUNT_WORDS["tie.any"][lang]
    if lang == "nl":
        return f"{one} ({relation})", f"{many} ({relation})", relation
    return f"{relation} {one}", f"{relation} {many}", relation


def ties_phrase(n: float, relation: str, lang: str) -> str:
    """``"8 adviesrelaties"``, ``"1 advice tie"``: a number of ties of a relation.

    >>> ties_phrase(1, "advice", "en"), ties_phrase(1234, "all", "nl")
    ('1 advice tie', '1.234 relaties')
    """
    one, many, _ = relation_words(relation, lang)
    return f"{number(n, lang, 1, trim=True)} {one if n == 1 else many}"


@old_grouping_names
def unit_words(grouping: str, lang: str) -> tuple[str, str]:
    """(one, several) units of a grouping: ``("afdeling", "afdelingen")``; ``groep`` for other attributes.

    >>> unit_words("department", "nl"), unit_words("cost_centre", "en")
    (('afdeling', 'afdelingen'), ('group', 'groups'))
    """
    words = COUNT_WORDS.get(f"unit.{grouping}") or COUNT_WORDS["unit.group"]
    return words[lang]


def _count_units(n: int, grouping: str, lang: str) -> str:
    one, many = unit_words(grouping, lang)
    return f"{number(n, lang)} {one if n == 1 else many}"


def _people_count(n: int, lang: str) -> str:
    one, many = COUNT_WORDS["person"][lang]
    return f"{number(n, lang)} {one if n == 1 else many}"


def join_names(items: Sequence[str], lang: str, word: str | None = None) -> str:
    """``A, B en C`` / ``A, B and C``; lists longer than 8 end with ``en nog 4 anderen`` / ``and 4 others``.

    >>> join_names(["Ana", "Bo", "Cy"], "nl"), join_names(["Ana"], "en"), join_names(list("abcdefghij"), "en")
    ('Ana, Bo en Cy', 'Ana', 'a, b, c, d, e, f, g and 3 others')
    """
    conj = word or t("finding.word.and", lang)
    items = list(items)
    if len(items) > _MAX_NAMES:
        rest = len(items) - (_MAX_NAMES - 1)
        items = items[: _MAX_NAMES - 1] + [t("finding.word.others", lang, n=number(rest, lang))]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def kind_title(kind: str, lang: str) -> str:
    """The title of a kind of finding (``"gap"`` -> ``"Naast elkaar in plaats van samen"``); unknown kinds as written.

    >>> kind_title("overloaded", "nl"), kind_title("new_kind", "en")
    ('Overbelast', 'new_kind')
    """
    for key in (f"finding.kind.{kind}", f"finding.kit.title.{kind}"):  # the collaboration scan's kinds: kit texts
        if key in STRINGS:
            return t(key, lang)
    return kind


def suggestion_keys(key: str) -> list[str]:
    """The catalogue keys of the suggestions for a template key (``finding.suggestion.<key>.1``, ``.2``)."""
    return [k for k in (f"finding.suggestion.{key}.{i}" for i in (1, 2)) if k in STRINGS]


# -- detections to findings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingContext:
    """What a detection needs to become a finding: the network, the relations analysed, the grouping, names.

    Attributes
    ----------
    net : OrgNetwork
    relations : list of str
        The relations analysed (for the per-relation breakdown of group-level findings).
    grouping : str
        The grouping (``department``, ``team`` ...).
    names : dict
        Person id -> label (see :func:`ona.model.person_labels`).
    """

    net: OrgNetwork
    relations: list[str]
    grouping: str
    names: dict[str, str]

    def name(self, person: str) -> str:
        """A person's label, or their id."""
        return self.names.get(person, person)

    def breakdown(self, groups: Sequence[str], lang: str) -> str:
        """`` (advies 1, vertrouwen 0, samenwerking 1)`` for cross-group ties over several relations."""
        if len(self.relations) < 2:
            return ""
        counts = self.ties_by_relation(groups)
        parts = [f"{relation_words(r, lang)[2]} {number(n, lang)}" for r, n in counts.items()]
        return f" ({', '.join(parts)})"

    def ties_by_relation(self, groups: Sequence[str]) -> dict[str, int]:
        """Ties between the two groups (or between one group and the rest), per relation."""
        codes, sender, receiver, relation, tally = self._cross_ties
        wanted = [codes.get(g, -1) for g in groups]
        if len(groups) == 1:
            mask = (sender == wanted[0]) | (receiver == wanted[0])
        else:
            mask = (((sender == wanted[0]) & (receiver == wanted[1]))
                    | ((sender == wanted[1]) & (receiver == wanted[0])))
        totals = np.bincount(relation[mask], weights=tally[mask], minlength=len(self.relations))
        return {r: int(totals[i]) for i, r in enumerate(self.relations)}

    @cached_property
    def _cross_ties(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Ties between different groups, counted once per (sender group, receiver group, relation).

        Returns the group codes by label, then per combination the sender's and
        receiver's group codes, the relation's position in ``relations`` and the
        number of ties, so that each finding's breakdown is a few numpy masks.
        """
        labels = self.net.groups(self.grouping)
        group_code, uniques = pd.factorize(labels)
        ties = self.net.ties.loc[self.net.ties["relation"].isin(self.relations)]
        people = self.net.people
        sender = group_code[people.get_indexer(ties["source"])]
        receiver = group_code[people.get_indexer(ties["target"])]
        relation = pd.Index(self.relations).get_indexer(ties["relation"])
        cross = sender != receiver
        k, r = len(uniques), len(self.relations)
        cells, tally = np.unique((sender[cross] * k + receiver[cross]) * r + relation[cross], return_counts=True)
        codes = {str(label): i for i, label in enumerate(uniques)}
        return codes, cells // r // k, cells // r % k, cells % r, tally.astype(float)


def to_finding(d: Detection, relation: str, ctx: FindingContext, confidence: Confidence | None = None) -> Finding:
    """The finding of one detection in `relation`: its sentences and suggestions in both languages.

    With a `confidence` whose ``people_withheld`` is set, the finding is told
    without names: its ``people`` are left out, and so is the evidence keyed
    by person (``ties_per_person``, ``partners``). At low confidence a gap's
    ``carriers`` become their number (``n_carriers``).
    """
    evidence = dict(d.evidence)
    withheld = bool(confidence is not None and confidence.people_withheld)
    if relation == ALL_RELATIONS:
        evidence["relations"] = list(ctx.relations)
        if d.kind in ("gap", "fragile_bridge"):
            evidence["ties_by_relation"] = ctx.ties_by_relation(d.groups)
    if withheld:
        for key in _PERSON_KEYED:
            evidence.pop(key, None)
    if confidence is not None and confidence.band == "low" and evidence.get("carriers"):
        evidence["n_carriers"] = len(evidence.pop("carriers"))  # who carries the ties is a claim about people
    key, values, suggestion_key = fill(d, relation, ctx, anonymous=withheld)
    text = {lang: t(f"finding.text.{key}", lang, **values[lang]) for lang in LANGUAGES}
    suggestions = {lang: [t(k, lang, **values[lang]) for k in suggestion_keys(suggestion_key)] for lang in LANGUAGES}
    people = () if withheld else d.people
    return Finding(d.kind, d.severity, relation, d.groups, people, evidence, text, suggestions, confidence)


def fill(d: Detection, relation: str, ctx: FindingContext, *, anonymous: bool = False
         ) -> tuple[str, dict[str, dict[str, str]], str]:
    """The template key (under ``finding.text.``), the values to fill in per language, and the suggestions key.

    With `anonymous`, people are referred to by number ("1 persoon") rather than by name.
    """
    e = d.evidence
    key, suggestion_key = d.kind, d.kind
    values: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        rel_1, rel_n, rel_label = relation_words(relation, lang)
        unit, units = unit_words(ctx.grouping, lang)
        if anonymous:
            people = _people_count(len(d.people), lang)
            people_ref = t("finding.word.that_person" if len(d.people) == 1 else "finding.word.those_people", lang)
        else:
            people = people_ref = join_names([ctx.name(p) for p in d.people], lang)
        v = {"rel_1": rel_1, "rel_n": rel_n, "rel_label": rel_label, "rel_none": rel_1 if lang == "nl" else rel_n, "unit": unit, "units": units, "people": people,
             "people_ref": people_ref, "breakdown": _breakdown(ctx, d.groups, lang, relation), "collab": _collab(e),
             "verb": t("finding.word.verb_one" if len(d.people) == 1 else "finding.word.verb_many", lang),
             "one_way": "", "carried": "", "expected_clause": ""}
        if d.groups:
            v["a"] = v["group"] = d.groups[0]
            v["b"] = d.groups[1] if len(d.groups) > 1 else t("finding.word.rest", lang)
        if d.kind == "silo":
            total = e["internal_ties"] + e["external_ties"]
            typical = e.get("typical_external_share")
            key = "silo" if typical is not None else "silo.plain"
            v.update(ties=ties_phrase(total, relation, lang), internal_pct=percent(e["internal_share"], lang),
                     typical_pct=percent(1 - typical, lang) if typical is not None else "")
        elif d.kind == "gap":
            key = _gap_key(e)
            v.update(ties=ties_phrase(e["ties"], relation, lang), expected=number(e["expected"], lang))
            if e.get("one_way"):
                v.update(source=e["one_way"][0], target=e["one_way"][1])
                if key != "gap.one_way_only":
                    fragment = "gap.one_way_one" if e["ties"] == 1 else "gap.one_way"
                    v["one_way"] = t(f"finding.text.{fragment}", lang, source=v["source"], target=v["target"])
            carriers = e.get("carriers")
            if carriers:
                n = len(carriers)
                fragment = "gap.carried_all" if (e.get("carried_share") or 0) >= 1 else "gap.carried_most"
                v["carried"] = t(f"finding.text.{fragment}", lang, carriers=_people_count(n, lang))
        elif d.kind == "fragile_bridge":
            variant = "rest" if e.get("scope") == "rest" else ("declared" if e.get("declared") else "pair")
            key = f"fragile_bridge.{variant}_{'all' if e['share'] >= 1 else 'part'}"
            expected = e.get("expected")
            v.update(ties=ties_phrase(e["ties"], relation, lang), covered=number(e["covered"], lang, 1, trim=True),
                     share=percent(e["share"], lang), expected=number(expected, lang))
            if variant == "declared" and expected and e.get("ratio") is not None and 0.5 <= e["ratio"] <= 2:
                v["expected_clause"] = t("finding.text.fragile_bridge.expected", lang, units=units,
                                         expected=v["expected"])
            if e.get("one_way") and variant != "rest":
                fragment = "gap.one_way_one" if e["ties"] == 1 else "gap.one_way"
                v["one_way"] = t(f"finding.text.{fragment}", lang, source=e["one_way"][0], target=e["one_way"][1])
        elif d.kind == "one_sided_trust":
            key = "one_sided_trust.role" if e.get("scope") == "role" else "one_sided_trust.group"
            if e.get("scope") == "role":
                word = t("finding.word.or", lang)
                v.update(a=t(f"finding.word.{e['from_class']}", lang), b=t(f"finding.word.{e['to_class']}", lang),
                         from_roles=join_names(e["from_roles"], lang, word),
                         to_roles=join_names(e["to_roles"], lang, word))
            v.update(ties=number(e["ties"], lang), returned=number(e["returned"], lang),
                     share=percent(e["share_returned"], lang),
                     share_else=percent(e["share_returned_elsewhere"], lang))
        elif d.kind == "isolated":
            if e.get("scope") == "team":
                key = suggestion_key = "isolated.team"
                v.update(team=e["team"], size=_people_count(int(e["size"]), lang),
                         internal=ties_phrase(e["internal_ties"], relation, lang))
            elif anonymous:
                key = "isolated.anonymous"
                v.update(n=number(len(d.people), lang), groups=join_names(list(d.groups), lang))
            else:
                key = "isolated.one" if len(d.people) == 1 else "isolated.many"
                v.update(n=number(len(d.people), lang))
        elif d.kind == "overloaded":
            key = "overloaded.advice" if matches_any(relation, _ADVICE) else "overloaded.other"
            if anonymous:
                key += "_anonymous"
            v.update(person=people,
                     person_ref=t("finding.word.this_person", lang) if anonymous else people,
                     n=number(e["in_degree"], lang),
                     groups_reached=_count_units(int(e["n_groups"]), ctx.grouping, lang),
                     share=percent(e["share"], lang), mean=number(e["mean_others"], lang, 1, trim=True))
        values[lang] = v
    return key, values, suggestion_key


def _gap_key(e: Mapping[str, Any]) -> str:
    if not e.get("declared"):
        return "gap.undeclared"
    if e["ties"] == 0:
        return "gap.declared_none"
    return "gap.one_way_only" if e.get("pattern") == "one_way" else "gap.declared"


def _collab(e: Mapping[str, Any]) -> str:
    name = e.get("collaboration") or ""
    return f" ({name})" if name else ""


def _breakdown(ctx: FindingContext, groups: Sequence[str], lang: str, relation: str) -> str:
    return ctx.breakdown(groups, lang) if relation == ALL_RELATIONS else ""


# -- headings and evidence ------------------------------------------------------------------------------


def finding_title(f: Finding, lang: str, names: Mapping[str, str] | None = None) -> str:
    """A finding's heading: its kind, then whom it is about.

    A finding about people is headed by the people (with their group):
    ``"Overbelast: Ingrid Smit (Bedrijfsvoering)"``; a fragile bridge by its
    pair and the people it runs through; other findings by their groups
    (``"Silo: Openbare Ruimte"``, ``"… : Ruimte & Wonen – Publiekszaken"``).

    Parameters
    ----------
    f : Finding
    lang : {"nl", "en"}
    names : mapping, optional
        Person id -> name; without it (or for ids it lacks), ids are shown,
        e.g. a manager's pseudonyms.

    Examples
    --------
    >>> f = Finding("overloaded", 0.9, "advice", ("Bedrijfsvoering",), ("E0164",), {}, {}, {})
    >>> finding_title(f, "nl", {"E0164": "Ingrid Smit"})
    'Overbelast: Ingrid Smit (Bedrijfsvoering)'
    >>> g = Finding("gap", 0.9, "all", ("Ruimte & Wonen", "Publiekszaken"), (), {}, {}, {})
    >>> finding_title(g, "en")
    'Side by side instead of together: Ruimte & Wonen – Publiekszaken'
    """
    title = kind_title(f.kind, lang)
    who = [(names or {}).get(p, p) for p in f.people]
    groups = list(f.groups)
    paired = len(groups) == 2 and f.kind in ("gap", "fragile_bridge", "change")
    pair = t("finding.word.pair", lang, a=groups[0], b=groups[1]) if paired else ", ".join(groups)
    if f.kind == "one_sided_trust":
        e = f.evidence
        if e.get("scope") == "role":
            about = t("finding.word.roles", lang, a=t(f"finding.word.{e.get('from_class')}", lang),
                      b=t(f"finding.word.{e.get('to_class')}", lang))
        else:
            about = t("finding.word.roles", lang, a=groups[0], b=groups[1]) if len(groups) == 2 else pair
    elif f.kind == "isolated" and f.evidence.get("scope") == "team":
        about = f"{f.evidence.get('team')} ({pair})" if pair else str(f.evidence.get("team"))
    elif f.kind == "fragile_bridge" and who:
        about = f"{pair}, {t('finding.word.via', lang, people=join_names(who, lang))}" if pair else join_names(who, lang)
    elif who and f.kind != "change":
        about = join_names(who, lang) + (f" ({pair})" if pair else "")
    else:
        about = pair
    return f"{title}: {about}" if about else title


def evidence_rows(f: Finding, lang: str, names: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """The evidence a person reads: (label, value) in words, in a fixed order, without test statistics.

    Labels come from the catalogue (``evidence.<key>``), directions name the
    groups ("ties from HR to IT"), people are shown by `names` (or their id),
    shares as percentages and numbers as :func:`ona.i18n.number` writes them.
    p-values, z-scores, thresholds and ratios stay in ``findings.json`` only.

    Examples
    --------
    >>> f = Finding("gap", 0.9, "advice", ("HR", "IT"), (), {"declared": True, "ties": 2, "expected": 14.456,
    ...             "ties_ab": 2, "ties_ba": 0, "p_value": 0.0001, "carriers": ["e1"], "carried_share": 1.0},
    ...             {}, {})
    >>> evidence_rows(f, "nl", {"e1": "Ana"})
    [('relaties tussen hen', '2'), ('ongeveer te verwachten', '14'), ('relaties van HR naar IT', '2'), \
('relaties van IT naar HR', '0'), ('wie de paar relaties dragen', 'Ana'), ('deel van de relaties via hen', '100%')]
    """
    e = dict(f.evidence)
    if e.get("typical_external_share") is not None:
        e["typical_internal_share"] = 1 - float(e["typical_external_share"])
    if f.kind == "isolated" and e.get("scope") == "people":
        e["isolated_share"] = e.pop("share", None)
    if f.kind == "overloaded":
        e["named_share"] = e.pop("share", None)
    if f.kind == "change" and "contacts" in e and not isinstance(e["contacts"], (int, float)):
        e["contacts"] = len(e["contacts"])
    a, b = (f.groups + ("", ""))[:2]
    rows = []
    for key in PLAIN_EVIDENCE:
        value = e.get(key)
        if value is None or value == "" or value == {} or value == []:
            continue
        directed = ("ties_ab", "ties_ba", "perceived_ab", "perceived_ba")
        label = t(f"evidence.{key}", lang, a=a, b=b) if key in directed else t(f"evidence.{key}", lang)
        rows.append((label, _evidence_value(key, value, lang, names)))
    for key, value in e.items():  # the collaboration scan's evidence has its own labels (ona.i18n.texts.kit)
        label_key = f"finding.kit.evidence.{key}"
        if key not in PLAIN_EVIDENCE and label_key in STRINGS and value not in (None, "", {}, []):
            rows.append((t(label_key, lang), _evidence_value(key, value, lang, names)))
    return rows


def _evidence_value(key: str, value: Any, lang: str, names: Mapping[str, str] | None) -> str:
    named = names or {}
    if isinstance(value, bool):
        return t("finding.word.yes" if value else "finding.word.no", lang)
    if key == "one_way" and isinstance(value, (list, tuple)) and len(value) == 2:
        return t("finding.word.direction", lang, a=value[0], b=value[1])
    if key in _SHARES and isinstance(value, (int, float)):
        return percent(value, lang)
    if isinstance(value, (int, float)):
        return number(value, lang, 1 if key in _DECIMALS else 0, trim=key not in _DECIMALS)
    if isinstance(value, Mapping):
        if key == "ties_by_relation":
            return ", ".join(f"{relation_words(str(r), lang)[2]} {number(n, lang)}" for r, n in value.items())
        return ", ".join(f"{named.get(str(k), str(k))} {number(n, lang)}" for k, n in value.items())
    if isinstance(value, (list, tuple)):
        return join_names([named.get(str(v), str(v)) for v in value], lang)
    return named.get(str(value), str(value))
