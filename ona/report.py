"""What happened while reading input: every dropped or doubtful item, with where it came from.

Nothing a user uploads may disappear silently. Readers collect an :class:`Issue`
for every row they drop, merge or doubt, and return them in an
:class:`IngestReport` that travels with the network (``net.report``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ona.exceptions import location

__all__ = ["ISSUE_KINDS", "IngestReport", "Issue"]

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
    "other": "other remarks",
}


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
        The offending value as written in the file.
    data : dict
        Extra structured detail (e.g. candidates for a name under review).
    """

    kind: str
    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def where(self) -> str:
        """The location as text, e.g. ``"ties.csv, row 4, column 'target'"``."""
        return location(self.file, self.row, self.column)

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
    """

    sources: tuple[str, ...] = ()
    input_format: str = ""
    issues: tuple[Issue, ...] = ()
    rows_read: int = 0
    details: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def counts(self) -> dict[str, int]:
        """Number of issues per kind, in the order of :data:`ISSUE_KINDS`."""
        counter = Counter(issue.kind for issue in self.issues)
        ordered = {k: counter[k] for k in ISSUE_KINDS if counter[k]}
        ordered.update({k: v for k, v in counter.items() if k not in ordered})
        return ordered

    def of_kind(self, kind: str) -> tuple[Issue, ...]:
        """The issues of one kind."""
        return tuple(i for i in self.issues if i.kind == kind)

    def to_frame(self) -> pd.DataFrame:
        """All issues as a table with columns kind, file, row, column, value, message."""
        return pd.DataFrame(
            [
                {
                    "kind": i.kind,
                    "file": i.file,
                    "row": i.row,
                    "column": i.column,
                    "value": i.value,
                    "message": i.message,
                }
                for i in self.issues
            ],
            columns=["kind", "file", "row", "column", "value", "message"],
        )

    def merged(self, other: IngestReport) -> IngestReport:
        """This report followed by `other` (used when several files make one network)."""
        return IngestReport(
            sources=self.sources + tuple(s for s in other.sources if s not in self.sources),
            input_format=" + ".join(dict.fromkeys(f for f in (self.input_format, other.input_format) if f)),
            issues=self.issues + other.issues,
            rows_read=self.rows_read + other.rows_read,
            details={**self.details, **other.details},
        )
