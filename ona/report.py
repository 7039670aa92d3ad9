"""What happened while reading input: every dropped or doubtful item, with where it came from.

Nothing a user uploads may disappear silently. Readers collect an :class:`Issue`
for every row they drop, merge or doubt, and return them in an
:class:`IngestReport` that travels with the network (``net.report``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ona.exceptions import location

if TYPE_CHECKING:
    from ona.model import OrgNetwork

__all__ = ["ISSUE_KINDS", "IngestReport", "Issue", "format_report", "response_table"]

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


def response_table(net: OrgNetwork, attribute: str = "department") -> pd.DataFrame:
    """People, respondents and response rate per group, plus a final ``(all)`` row.

    >>> from ona import samples
    >>> response_table(samples.load("krackhardt")).tail(1).to_dict("records")
    [{'group': '(all)', 'people': 21, 'respondents': 21, 'response_rate': 1.0}]
    """
    groups = net.groups(attribute)
    responded = net.respondent_mask()
    table = (
        pd.DataFrame({"group": groups, "responded": responded})
        .groupby("group", sort=True)["responded"]
        .agg(people="size", respondents="sum")
        .reset_index()
    )
    total = pd.DataFrame([{"group": "(all)", "people": len(groups), "respondents": int(responded.sum())}])
    table = pd.concat([table, total], ignore_index=True)
    table["respondents"] = table["respondents"].astype(int)
    table["response_rate"] = table["respondents"] / table["people"]
    return table


def format_report(net: OrgNetwork, *, attribute: str = "department") -> str:
    """The ingest report as plain text: what was read, response, ties, and every problem."""
    report = net.report
    lines = [f"Read: {', '.join(report.sources) or '(in memory)'}" + (f" ({report.input_format})" if report.input_format else "")]
    details = report.details
    if details.get("platform"):
        lines.append(f"Survey platform: {details['platform']}")
        for note in details.get("notes", []):
            lines.append(f"  ({note})")
        responses = details.get("responses")
        if responses:
            lines.append(f"Response rows: {responses['rows']}; used after removing previews, duplicates and "
                         f"unknown respondents: {responses['used']}")
    if details.get("questions"):
        lines.append("Questions:")
        for q in details["questions"]:
            relation = q.get("relation") or "-"
            lines.append(f"  {q.get('code', '')}: {_short(str(q.get('text', '')), 60)!r} -> {relation} "
                         f"({q.get('kind_label') or q.get('kind')})")
    lines.append(
        f"People on the roster: {len(net)}; respondents: {len(net.respondents)} "  # type: ignore[arg-type]
        f"({net.response_rate:.0%})" + ("" if not net.complete else " (complete network data)")
    )
    if attribute in net.roster.columns and net.roster[attribute].notna().any():
        lines.append(f"Response per {attribute}:")
        for row in response_table(net, attribute).itertuples(index=False):
            if row.group != "(all)":
                lines.append(f"  {row.group}: {row.respondents}/{row.people} ({row.response_rate:.0%})")
    lines.append("Ties per relation:")
    counts = net.ties["relation"].value_counts()
    for relation in net.relations:
        lines.append(f"  {relation}: {int(counts.get(relation, 0))}")
    issue_counts = report.counts()
    if not issue_counts:
        lines.append("No problems found.")
    else:
        lines.append(f"Problems and remarks ({len(report.issues)}):")
        for kind, n in issue_counts.items():
            lines.append(f"  {ISSUE_KINDS.get(kind, kind)}: {n}")
            if kind == "fuzzy_match":  # accepted matches: one line per distinct name, not per mention
                seen = Counter(issue.message for issue in report.of_kind(kind))
                for message, times in seen.items():
                    lines.append(f"    - {message}" + (f" ({times} times)" if times > 1 else ""))
                continue
            for issue in report.of_kind(kind):
                lines.append(f"    - {issue}")
    if details.get("review") or details.get("unmatched"):
        lines.append(
            f"Names to decide on: {len(details.get('review', []))} under review, "
            f"{sum(1 for u in details.get('unmatched', []) if not u.get('decided'))} not on the roster. Write them "
            "to a CSV with ona.survey.write_review(net, 'review.csv'), fill in the id column (a roster id, or '-' "
            "for someone not on the roster) and read the survey again with "
            "resolutions=ona.survey.read_resolutions('review.csv') (command line: --resolutions review.csv)."
        )
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
