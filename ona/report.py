"""What happened while reading input: every dropped or doubtful item, with where it came from.

Nothing a user uploads may disappear silently. Readers collect an :class:`Issue`
for every row they drop, merge or doubt, and return them in an
:class:`IngestReport` that travels with the network (``net.report``).

Issues made with :meth:`Issue.of` carry a catalogue key (:mod:`ona.i18n`), so
:meth:`Issue.text` says them in Dutch or English. A report stays readable
whatever the input: quoted cells are shortened (:data:`ona.i18n.SHOWN_CHARS`)
and at most :data:`MAX_LISTED` issues of one kind are listed; the rest are
counted (:attr:`IngestReport.omitted`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ona.exceptions import location
from ona.i18n import SHOWN_CHARS as SHOWN
from ona.i18n import STRINGS, render, shorten, t

__all__ = ["ISSUE_KINDS", "IngestReport", "Issue", "IssueLog", "MAX_LISTED", "issue_label"]

#: Most issues of one kind listed in a report; further ones are only counted.
MAX_LISTED = 200

#: Every kind of issue a reader can report, with a plain-English label.
ISSUE_KINDS: dict[str, str] = {
    "duplicate_id": "duplicate roster ids (later rows ignored)",
    "missing_id": "roster rows without an id (ignored)",
    "missing_department": "people without a department",
    "unknown_person": "ties naming someone not on the roster (dropped)",
    "self_tie": "self-ties (dropped)",
    "duplicate_tie": "duplicate ties (merged, highest weight kept)",
    "invalid_weight": "ties with an unreadable or negative weight (dropped)",
    "zero_weight": "ties with weight 0 (not a tie; left out)",
    "empty_answer": "empty answers",
    "duplicate_submission": "earlier submissions replaced by a later one",
    "unmatched_name": "names not found on the roster (no tie made)",
    "needs_review": "names matching several people (no tie made until resolved)",
    "fuzzy_match": "names matched approximately (accepted)",
    "respondent_added": "people listed as non-respondents who sent ties (counted as respondents)",
    "unknown_respondent": "respondents not found on the roster (answers not used)",
    "preview_response": "preview or test responses (ignored)",
    "unmapped_question": "questions not used as a relation",
    "resolved": "names decided by your resolutions",
    "incomplete_response": "unfinished responses (the answers given are used)",
    "missing_weight": "named people without a usable frequency (weight 1 used)",
    "not_applicable": "answers such as 'don't know' or 'not applicable' (not used)",
    "duplicate_column": "columns that appear twice (the first is used)",
    "normalised_id": "ids or e-mails read after removing invisible characters or wide letters",
    "date_id": "ids that look like dates (Excel may have changed them)",
    "empty_table": "empty sheets or tables",
    "other_answer": "'other' answers typed next to the listed options",
    "scale": "answer scales and the weights used",
    "other": "other remarks",
}


def issue_label(kind: str, lang: str = "en") -> str:
    """The label of an issue kind in `lang` (``issue.<kind>`` in the catalogue, else :data:`ISSUE_KINDS`).

    >>> issue_label("self_tie", "nl")
    'banden met zichzelf (weggelaten)'
    """
    key = f"issue.{kind}"
    if key in STRINGS:
        return t(key, lang)
    return ISSUE_KINDS.get(kind, kind)


@dataclass(frozen=True)
class Issue:
    """One dropped, merged or doubtful item.

    Attributes
    ----------
    kind : str
        One of :data:`ISSUE_KINDS`.
    message : str
        A sentence saying what happened and, where useful, what to do.
    file, row, column : optional
        Where the item came from (spreadsheet row numbers: the header is row 1).
    value : str, optional
        The offending value as written in the file (shortened to
        :data:`ona.i18n.SHOWN_CHARS` characters).
    data : dict
        Extra structured detail (e.g. candidates for a name under review).
    key : str
        The catalogue key of the message (empty for English-only messages).
    params : dict
        Values for the key's placeholders.
    """

    kind: str
    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    key: str = field(default="", compare=False)
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.value is not None and len(str(self.value)) > 2 * SHOWN:
            object.__setattr__(self, "value", shorten(self.value, 2 * SHOWN))

    @classmethod
    def of(cls, kind: str, key: str, file: str | None = None, row: int | None = None, column: str | None = None,
           cell: object = None, data: dict[str, Any] | None = None, **params: object) -> Issue:
        """An issue whose message is the catalogue text `key` filled with `params` (English in ``message``).

        >>> issue = Issue.of("self_tie", "ingest.tie.self", "ties.csv", 3, None, "E1", person="E1",
        ...                  relation="advice")
        >>> str(issue), issue.text("nl")
        ('ties.csv, row 3: E1 names themselves (advice); left out', 'E1 noemt zichzelf (advies); weggelaten')
        """
        return cls(kind, render(key, "en", params), file, row, column, None if cell is None else str(cell),
                   dict(data or {}), key, dict(params))

    @property
    def where(self) -> str:
        """The location as text, e.g. ``"ties.csv, row 4, column 'target'"``."""
        return location(self.file, self.row, self.column)

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (without the location)."""
        return render(self.key, lang, self.params) if self.key and lang != "en" else self.message

    def describe(self, lang: str = "en") -> str:
        """Location and message in `lang`: ``"ties.csv, rij 3: E1 noemt zichzelf (advies); weggelaten"``."""
        where = location(self.file, self.row, self.column, lang)
        return f"{where}: {self.text(lang)}" if where else self.text(lang)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class IngestReport:
    """Everything a reader noticed while turning files into a network.

    Attributes
    ----------
    sources : tuple of str
        Display names of the files read.
    input_format : str
        What was read, e.g. ``"edge list"``, ``"adjacency matrix"``,
        ``"Microsoft Forms"``.
    issues : tuple of Issue
        Every dropped, merged or doubtful item.
    rows_read : int
        Data rows (or matrix cells with a tie) read from the tie sources.
    details : dict
        Reader-specific facts, e.g. the detected questions and their relations.
    omitted : dict
        Kind -> number of further issues of that kind that are counted but not
        listed (beyond :data:`MAX_LISTED` per kind).
    """

    sources: tuple[str, ...] = ()
    input_format: str = ""
    issues: tuple[Issue, ...] = ()
    rows_read: int = 0
    details: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    omitted: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        counter: Counter[str] = Counter()
        kept: list[Issue] = []
        omitted = dict(self.omitted)
        for issue in self.issues:
            counter[issue.kind] += 1
            if counter[issue.kind] > MAX_LISTED:
                omitted[issue.kind] = omitted.get(issue.kind, 0) + 1
            else:
                kept.append(issue)
        if len(kept) != len(self.issues):
            object.__setattr__(self, "issues", tuple(kept))
        object.__setattr__(self, "omitted", omitted)

    def counts(self) -> dict[str, int]:
        """Number of issues per kind (listed and omitted), in the order of :data:`ISSUE_KINDS`."""
        counter = Counter(issue.kind for issue in self.issues)
        counter.update(self.omitted)
        ordered = {k: counter[k] for k in ISSUE_KINDS if counter[k]}
        ordered.update({k: v for k, v in counter.items() if k not in ordered})
        return ordered

    @property
    def total(self) -> int:
        """Number of issues, listed and omitted."""
        return len(self.issues) + sum(self.omitted.values())

    def of_kind(self, kind: str) -> tuple[Issue, ...]:
        """The issues of one kind."""
        return tuple(i for i in self.issues if i.kind == kind)

    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """All listed issues as a table with columns kind, file, row, column, value, message (in `lang`)."""
        return pd.DataFrame(
            [
                {
                    "kind": i.kind,
                    "file": i.file,
                    "row": i.row,
                    "column": i.column,
                    "value": i.value,
                    "message": i.text(lang),
                }
                for i in self.issues
            ],
            columns=["kind", "file", "row", "column", "value", "message"],
        )

    def merged(self, other: IngestReport) -> IngestReport:
        """This report followed by `other` (used when several files make one network)."""
        omitted = dict(self.omitted)
        for kind, n in other.omitted.items():
            omitted[kind] = omitted.get(kind, 0) + n
        return IngestReport(
            sources=self.sources + tuple(s for s in other.sources if s not in self.sources),
            input_format=" + ".join(dict.fromkeys(f for f in (self.input_format, other.input_format) if f)),
            issues=self.issues + other.issues,
            rows_read=self.rows_read + other.rows_read,
            details={**self.details, **other.details},
            omitted=omitted,
        )

    def with_issues(self, issues: tuple[Issue, ...] | list[Issue], *, first: bool = False) -> IngestReport:
        """This report with `issues` added (after the others, or before them with `first`)."""
        issues = tuple(issues)
        return IngestReport(self.sources, self.input_format, issues + self.issues if first else self.issues + issues,
                            self.rows_read, self.details, self.omitted)


class IssueLog:
    """Collects issues while reading, listing at most :data:`MAX_LISTED` per kind and counting the rest.

    Use it where one input can produce very many issues of one kind (a
    million duplicate ties): the omitted ones cost a counter, not an object.

    >>> log = IssueLog("ties.csv")
    >>> for row in range(2, 400):
    ...     log.add("duplicate_tie", "ingest.tie.duplicate", row, source="a", target="b", relation="advice")
    >>> len(log.issues), log.omitted
    (200, {'duplicate_tie': 198})
    """

    def __init__(self, file: str | None = None) -> None:
        self.file = file
        self.issues: list[Issue] = []
        self.omitted: dict[str, int] = {}
        self._count: Counter[str] = Counter()

    def full(self, kind: str) -> bool:
        """Whether further issues of `kind` are only counted."""
        return self._count[kind] >= MAX_LISTED

    def count(self, kind: str, n: int) -> None:
        """Count `n` issues of `kind` without listing them."""
        if n > 0:
            self._count[kind] += n
            self.omitted[kind] = self.omitted.get(kind, 0) + n

    def add(self, kind: str, key: str, row: int | None = None, column: str | None = None, cell: object = None,
            *, file: str | None = None, data: dict[str, Any] | None = None, **params: object) -> None:
        """Add one issue (listed while fewer than :data:`MAX_LISTED` of its kind are, counted after).

        `cell` is the offending value as written (:attr:`Issue.value`); `params` fill the key's placeholders.
        """
        self._count[kind] += 1
        if self._count[kind] > MAX_LISTED:
            self.omitted[kind] = self.omitted.get(kind, 0) + 1
            return
        self.issues.append(Issue.of(kind, key, file or self.file, row, column, cell, data, **params))

    def extend(self, issues: tuple[Issue, ...] | list[Issue]) -> None:
        """Add issues made elsewhere (each counts against its kind's limit)."""
        for issue in issues:
            self._count[issue.kind] += 1
            if self._count[issue.kind] > MAX_LISTED:
                self.omitted[issue.kind] = self.omitted.get(issue.kind, 0) + 1
            else:
                self.issues.append(issue)
