"""The ingest report as tables and text: response per group, and what was read with every problem.

:class:`ona.report.IngestReport` holds the records; this module shows them.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ona.model import OrgNetwork
from ona.report import ISSUE_KINDS

__all__ = ["format_report", "response_table"]


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
            "to a CSV with ona.io.survey.write_review(net, 'review.csv'), fill in the id column (a roster id, or '-' "
            "for someone not on the roster) and read the survey again with "
            "resolutions=ona.io.survey.read_resolutions('review.csv') (command line: --resolutions review.csv)."
        )
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
