r"""Findings written out: ``findings.json``, a readable ``findings.md``, and similar findings told as one.

:func:`findings_to_json` and :func:`findings_to_markdown` write findings out;
:func:`write_findings` writes ``findings.json`` and ``findings.md`` into a
folder, and :func:`findings_markdown` gives the Markdown as bytes for a
download. :func:`group_similar` tells similar findings (e.g. twelve pairs of
departments whose ties grew) as one :class:`SimilarFindings` with a table.

Names and group names come from HR files, so Markdown output escapes every
character that could turn them into markup, links, HTML or spreadsheet
formulas (:func:`markdown_escape`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ona.exceptions import OnaError
from ona.findings.detectors import HIGH_SEVERITY
from ona.findings.finding import Finding, check_language, severity_level
from ona.findings.text import evidence_rows, finding_title, relation_words, unit_words
from ona.i18n import number, t
from ona.compat import old_grouping_names

__all__ = [
    "SimilarFindings",
    "link_carriers",
    "findings_markdown",
    "findings_to_json",
    "findings_to_markdown",
    "group_similar",
    "markdown_escape",
    "write_findings",
]


def findings_to_json(findings: Iterable[Finding]) -> str:
    """The findings as a JSON list of objects (``kind, severity, level, relation, groups, people,
    evidence, text, suggestions, confidence, robustness``), UTF-8 text, as ``ona analyze`` writes to
    ``findings.json``.

    >>> f = Finding("silo", 0.8, "advice", ("IT",), (), {"ei_index": -0.8}, {"nl": "x", "en": "y"},
    ...             {"nl": ["a"], "en": ["b"]})
    >>> json.loads(findings_to_json([f]))[0]["level"]
    'high'
    """
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2, allow_nan=False) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~=])")
_MD_LEADING = re.compile(r"^([#+\-@]|\d+[.)])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def markdown_escape(text: object) -> str:
    r"""Escape text for Markdown: no markup, links, HTML, entities or line breaks survive.

    ``<`` and ``>`` become HTML entities and a ``&`` that would start an
    entity becomes ``&amp;``; the characters that make emphasis, code, links,
    tables, strikethrough and formulas (``\ ` * _ [ ] | ~ =``) get a
    backslash, and so does a leading ``#``, ``+``, ``-``, ``@`` or ``1.``
    (headings, list items, formula starts). Line breaks become spaces.
    Parentheses and other punctuation stay readable: without ``[`` no link
    can form.

    >>> print(markdown_escape("<img src=x onerror=alert(1)>"))
    &lt;img src\=x onerror\=alert(1)&gt;
    >>> print(markdown_escape('=HYPERLINK("http://x")'))
    \=HYPERLINK("http://x")
    >>> print(markdown_escape("[klik](javascript:alert(1)) **vet**"))
    \[klik\](javascript:alert(1)) \*\*vet\*\*
    """
    value = " ".join(str(text).split())
    value = _ENTITY.sub("&amp;", value)
    value = _MD_SPECIAL.sub(r"\\\1", value)
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_LEADING.sub(lambda m: "\\" + m.group(1) if not m.group(1)[0].isdigit()
                           else m.group(1)[:-1] + "\\" + m.group(1)[-1], value)


def link_carriers(findings: Iterable[Finding]) -> list[tuple[str, tuple[str, ...]]]:
    """(person, groups) for everyone a link between groups hangs on: a fragile bridge's people, and the
    carriers of a side-by-side pair's few ties (a gap's ``carriers``).

    >>> gap = Finding("gap", 0.9, "all", ("A", "B"), (), {"carriers": ["e1"]}, {}, {})
    >>> bridge = Finding("fragile_bridge", 0.9, "all", ("A", "C"), ("e2",), {}, {}, {})
    >>> link_carriers([gap, bridge])
    [('e1', ('A', 'B')), ('e2', ('A', 'C'))]
    """
    out = []
    for f in findings:
        if f.kind == "fragile_bridge":
            out += [(p, f.groups) for p in f.people]
        elif f.kind == "gap":
            out += [(str(p), f.groups) for p in f.evidence.get("carriers") or ()]
    return out


# -- similar findings -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SimilarFindings:
    """Similar findings told as one: a sentence, and a table with a row per finding.

    Today these are changes between waves: the pairs of groups whose ties
    grew (or fell) by the same margin or more, in one relation.

    Attributes
    ----------
    kind : str
        The kind of the findings (``"change"``).
    relation : str
    findings : tuple of Finding
        The findings, most severe first.
    text : dict
        ``{"nl": sentence, "en": sentence}`` about them all.
    suggestions : dict
        The suggestions they share.
    """

    kind: str
    relation: str
    findings: tuple[Finding, ...]
    text: dict[str, str]
    suggestions: dict[str, list[str]]

    @property
    def severity(self) -> float:
        """The highest severity among the findings."""
        return max(f.severity for f in self.findings)

    @property
    def level(self) -> str:
        """``"high"``, ``"medium"`` or ``"low"`` of :attr:`severity`."""
        return severity_level(self.severity)

    @property
    def groups(self) -> tuple[str, ...]:
        """Every group involved, in order of first appearance."""
        return tuple(dict.fromkeys(g for f in self.findings for g in f.groups))

    def table(self, lang: str) -> pd.DataFrame:
        """One row per finding: the pair, the ties before and after, and the difference (numbers stay numbers)."""
        before = self.findings[0].evidence.get("before_wave", "1")
        after = self.findings[0].evidence.get("after_wave", "2")
        rows = [{t("finding.change.column.pair", lang): t("finding.word.pair", lang, a=f.groups[0], b=f.groups[-1]),
                 t("finding.change.column.before", lang, wave=before): int(f.evidence["ties_before"]),
                 t("finding.change.column.after", lang, wave=after): int(f.evidence["ties_after"]),
                 t("finding.change.column.change", lang): int(f.evidence["ties_after"]) - int(f.evidence["ties_before"])}
                for f in self.findings]
        return pd.DataFrame(rows)


@old_grouping_names
def group_similar(findings: Sequence[Finding], *, grouping: str = "department",
                  min_size: int = 2) -> list[Finding | SimilarFindings]:
    """The findings with similar ones told as one :class:`SimilarFindings`, where each would say the same.

    Changes between waves about pairs of groups are grouped per relation and
    direction (grew or fell) when there are at least `min_size` of them; the
    group takes the place of its first finding. Other findings stay as they are.

    Examples
    --------
    >>> def pair(a, b, n1, n2):
    ...     return Finding("change", 0.3, "advice", (a, b), (), {"before_wave": "2025", "after_wave": "2026",
    ...                    "ties_before": n1, "ties_after": n2}, {}, {"nl": [], "en": []})
    >>> items = group_similar([pair("A", "B", 2, 9), pair("A", "C", 1, 8), pair("B", "C", 9, 1)])
    >>> [type(item).__name__ for item in items]
    ['SimilarFindings', 'Finding']
    >>> print(items[0].text["en"])
    Between 2 pairs of departments, the number of advice ties grew by 7 or more since 2025.
    >>> items[0].table("en").values.tolist()
    [['A – B', 2, 9, 7], ['A – C', 1, 8, 7]]
    """
    def key(f: Finding) -> tuple[str, bool] | None:
        e = f.evidence
        if f.kind != "change" or "ties_before" not in e or "ties_after" not in e or len(f.groups) != 2:
            return None
        return f.relation, e["ties_after"] > e["ties_before"]

    members: dict[tuple[str, bool], list[Finding]] = {}
    for f in findings:
        k = key(f)
        if k is not None:
            members.setdefault(k, []).append(f)
    out: list[Finding | SimilarFindings] = []
    placed: set[tuple[str, bool]] = set()
    for f in findings:
        k = key(f)
        if k is None or len(members[k]) < min_size:
            out.append(f)
            continue
        if k in placed:
            continue
        placed.add(k)
        group = members[k]
        smallest = min(abs(int(g.evidence["ties_after"]) - int(g.evidence["ties_before"])) for g in group)
        wave = group[0].evidence.get("before_wave", "1")
        text = {}
        for lang in ("nl", "en"):
            words = "finding.change.pairs_grew" if k[1] else "finding.change.pairs_weakened"
            text[lang] = t(words, lang, n=number(len(group), lang), units=unit_words(grouping, lang)[1],
                           rel_n=relation_words(k[0], lang)[1], min=number(smallest, lang), w1=wave)
        out.append(SimilarFindings(group[0].kind, k[0], tuple(group), text, group[0].suggestions))
    return out


# -- Markdown -------------------------------------------------------------------------------------------------


@old_grouping_names
def findings_to_markdown(
    findings: Iterable[Finding],
    lang: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = "",
    grouping: str = "department",
) -> str:
    """The findings as a readable Markdown document in Dutch (``"nl"``) or English (``"en"``).

    Each finding gets a heading with whom it is about
    (:func:`ona.findings.text.finding_title`) and its severity, its sentence,
    its confidence, the suggestions (marked as such) and a line of plain
    evidence (:func:`ona.findings.text.evidence_rows`). Similar changes are
    told as one, with a table (:func:`group_similar`). All text that comes
    from user files (names, group names, relation names) is escaped, so a
    name such as ``<img src=x onerror=alert(1)>`` or ``=HYPERLINK(...)`` shows
    as text and never becomes HTML, a link or a formula.

    Parameters
    ----------
    findings : iterable of Finding
    lang : {"nl", "en"}, optional (default="nl")
    names : mapping, optional
        Person id -> name for the people involved (e.g.
        :func:`ona.model.person_labels`); without it, ids are shown.
    title : str or None, optional
        A level-1 heading; ``""`` (default) gives "Bevindingen"/"Findings",
        None leaves it out.
    grouping : str, optional (default="department")
        The grouping, for the words of grouped changes.

    Raises
    ------
    OnaError
        If `lang` is not ``"nl"`` or ``"en"``.

    Examples
    --------
    >>> f = Finding("silo", 0.8, "advice", ("R&D",), (), {"size": 12},
    ...             {"nl": "R&D werkt vooral op zichzelf.", "en": "R&D mostly keeps to itself."},
    ...             {"nl": ["Plan een overleg."], "en": ["Schedule a meeting."]})
    >>> print(findings_to_markdown([f], "en"))
    # Findings
    <BLANKLINE>
    1 finding. Severity runs from 0 to 1; from 0.6 it is high.
    <BLANKLINE>
    ## 1. Silo: R&D (high, 0.80)
    <BLANKLINE>
    R&D mostly keeps to itself.
    <BLANKLINE>
    **Suggestions (to consider)**
    <BLANKLINE>
    - Schedule a meeting.
    <BLANKLINE>
    *Evidence:* relation: advice · number of people: 12
    <BLANKLINE>
    """
    check_language(lang)
    items = group_similar(list(findings), grouping=grouping)
    lines: list[str] = []
    if title is not None:
        lines += [f"# {markdown_escape(title) if title else t('finding.md.title', lang)}", ""]
    if not items:
        return "\n".join(lines + [t("finding.md.none", lang), ""])
    high = number(HIGH_SEVERITY, lang, 1)
    count = sum(len(i.findings) if isinstance(i, SimilarFindings) else 1 for i in items)
    lines += [t("finding.md.intro_one", lang, high=high) if count == 1
              else t("finding.md.intro", lang, n=number(count, lang), high=high), ""]
    for i, item in enumerate(items, start=1):
        level = t(f"finding.level.{item.level}", lang)
        severity = number(item.severity, lang, 2)
        if isinstance(item, SimilarFindings):
            heading = f"{t(f'finding.kind.{item.kind}', lang)}: {relation_words(item.relation, lang)[2]}"
            lines += [f"## {i}. {markdown_escape(heading)} ({level}, {severity})", ""]
            lines += [markdown_escape(item.text.get(lang, "")), ""]
            lines += _markdown_table(item.table(lang), lang) + [""]
        else:
            heading = finding_title(item, lang, names)
            lines += [f"## {i}. {markdown_escape(heading)} ({level}, {severity})", ""]
            lines += [markdown_escape(item.text.get(lang, "")), ""]
            if item.confidence is not None and item.confidence.reason.get(lang):
                lines += [f"*{t('finding.md.confidence', lang)}:* {markdown_escape(item.confidence.reason[lang])}", ""]
        suggestions = item.suggestions.get(lang) or []
        if suggestions:
            lines += [f"**{t('finding.md.suggestions', lang)}**", ""]
            lines += [f"- {markdown_escape(s)}" for s in suggestions] + [""]
        if not isinstance(item, SimilarFindings):
            lines += [f"*{t('finding.md.evidence', lang)}:* " + _evidence_line(item, lang, names), ""]
    return "\n".join(lines)


def _markdown_table(table: pd.DataFrame, lang: str) -> list[str]:
    def cell(value: object) -> str:
        return number(value, lang) if isinstance(value, (int, float)) else markdown_escape(value)

    header = "| " + " | ".join(markdown_escape(c) for c in table.columns) + " |"
    rule = "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(table.columns))) + "|"
    return [header, rule] + ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]


def _evidence_line(f: Finding, lang: str, names: Mapping[str, str] | None) -> str:
    relation = relation_words(f.relation, lang)[2]
    parts = [f"{t('evidence.relation', lang)}: {markdown_escape(relation)}"]
    if f.people:
        shown = [f"{names[p]} ({p})" if names and p in names and names[p] != p else p for p in f.people]
        parts.append(f"{t('evidence.people', lang)}: " + ", ".join(markdown_escape(s) for s in shown))
    parts += [f"{markdown_escape(label)}: {markdown_escape(value)}" for label, value in evidence_rows(f, lang, names)]
    return " · ".join(parts)


def findings_markdown(
    findings: Sequence[Finding],
    lang: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
) -> bytes:
    """Findings as a Markdown document (UTF-8 bytes, for a download): :func:`findings_to_markdown` encoded.

    Parameters
    ----------
    findings : sequence of Finding
    lang : {"nl", "en"}, optional (default="nl")
    names : mapping, optional
        Person id -> name (see :func:`findings_to_markdown`).
    title : str, optional
        Heading; default "Bevindingen"/"Findings".

    Raises
    ------
    OnaError
        If `lang` is not ``"nl"`` or ``"en"``.

    Examples
    --------
    >>> f = Finding("isolated", 0.5, "advice", ("IT",), ("p1",), {}, {"nl": "x", "en": "Ana has no ties."},
    ...             {"nl": [], "en": []})
    >>> text = findings_markdown([f], "en", title="Acme", names={"p1": "Ana"}).decode("utf-8")
    >>> text.splitlines()[0], "## 1. Isolated: Ana (IT)" in text
    ('# Acme', True)
    """
    return findings_to_markdown(list(findings), lang, names=names, title=title or "").encode("utf-8")


def write_findings(
    findings: Iterable[Finding],
    directory: str | Path,
    lang: str = "nl",
    *,
    names: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write ``findings.json`` and ``findings.md`` (in `lang`) into `directory`, creating it if needed.

    Parameters
    ----------
    findings : iterable of Finding
    directory : str or Path
    lang : {"nl", "en"}, optional (default="nl")
    names : mapping, optional
        Person id -> name for the Markdown (see :func:`findings_to_markdown`).

    Returns
    -------
    list of Path
        The two files written: ``[findings.json, findings.md]``.

    Raises
    ------
    OnaError
        If `lang` is not ``"nl"`` or ``"en"``, or the folder cannot be written.
    """
    check_language(lang)
    items = list(findings)
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        json_path, md_path = folder / "findings.json", folder / "findings.md"
        json_path.write_text(findings_to_json(items), encoding="utf-8")
        md_path.write_text(findings_to_markdown(items, lang, names=names), encoding="utf-8")
    except OSError as exc:
        raise OnaError(f"Cannot write the findings to {folder}: {exc.strerror or exc}. "
                       "Choose a folder you can write to.") from exc
    return [json_path, md_path]
