"""The ingest report as tables and text: response per group, and what was read with every problem.

:class:`ona.report.IngestReport` holds the records; this module shows them.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ona.i18n import STRINGS, percent, relation_label, render, t
from ona.model import OrgNetwork
from ona.report import issue_label
from ona.compat import old_grouping_names

__all__ = ["format_label", "format_report", "note_text", "response_table"]

_NOTES = (
    (re.compile(r"^CSV, (?P<encoding>[\w-]+), (?P<delimiter>.+)-separated$"), "ingest.text.note.csv"),
    (re.compile(r"^dates read (?P<order>day|month)-first \((?P<column>.*)\)$"), "ingest.text.note.dates"),
    (re.compile(r"^re-saved by Excel as CSV$"), "ingest.text.note.resaved"),
)


_FORMATS = {"edge list": "ingest.text.format.edge_list", "adjacency matrix": "ingest.text.format.matrix"}


def format_label(input_format: str, lang: str = "en") -> str:
    """What kind of input was read (``IngestReport.input_format``), said in `lang`; platform names stay.

    >>> format_label("edge list + adjacency matrix", "nl")
    'lijst van relaties + matrix'
    >>> format_label("Microsoft Forms", "nl")
    'Microsoft Forms'
    """
    return " + ".join(t(_FORMATS[part], lang) if part in _FORMATS else part
                      for part in str(input_format or "").split(" + ") if part)


def note_text(note: str, lang: str = "en") -> str:
    """A note on how an export was read (its encoding, date order), said in `lang`.

    >>> note_text("CSV, utf-8, ','-separated", "nl")
    "CSV, utf-8, gescheiden door ','"
    >>> note_text("dates read day-first (Tijdstempel)", "nl")
    'datums gelezen met de dag eerst (Tijdstempel)'
    """
    for pattern, key in _NOTES:
        found = pattern.match(note)
        if found:
            values = found.groupdict()
            if "delimiter" in values:
                values["delimiter"] = t("ingest.text.note.tab", lang) if values["delimiter"] == "tab" else values["delimiter"]
            if "order" in values:
                values["order"] = t(f"ingest.text.note.{values['order']}", lang)
            return t(key, lang, **values)
    return note


@old_grouping_names
def response_table(net: OrgNetwork, grouping: str = "department") -> pd.DataFrame:
    """People, respondents and response rate per group, plus a final ``(all)`` row.

    >>> from ona import samples
    >>> response_table(samples.load("krackhardt")).tail(1).to_dict("records")
    [{'group': '(all)', 'people': 21, 'respondents': 21, 'response_rate': 1.0}]
    """
    groups = net.groups(grouping)
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


@old_grouping_names
def format_report(net: OrgNetwork, *, grouping: str = "department", lang: str = "en") -> str:
    """The ingest report as plain text in `lang`: what was read, response, ties, and every problem.

    Problems of one kind beyond :data:`ona.report.MAX_LISTED` are counted, not
    listed, so the text stays readable whatever the input.
    """
    report = net.report
    said = lambda key, **values: render(key, lang, values)  # noqa: E731
    sources = ", ".join(report.sources) or said("ingest.text.in_memory")
    lines = [said("ingest.text.read", sources=sources)
             + (f" ({format_label(report.input_format, lang)})" if report.input_format else "")]
    details = report.details
    if details.get("platform"):
        lines.append(said("ingest.text.platform", platform=details["platform"]))
        for note in details.get("notes", []):
            lines.append(f"  ({note_text(note, lang)})")
        responses = details.get("responses")
        if responses:
            lines.append(said("ingest.text.responses", rows=responses["rows"], used=responses["used"]))
    unclear = False
    if details.get("questions"):
        lines.append(said("ingest.text.questions"))
        for q in details["questions"]:
            relation = relation_label(q["relation"], lang) if q.get("relation") else "-"
            kind = render(f"ingest.kind.{q.get('kind')}", lang) if f"ingest.kind.{q.get('kind')}" in STRINGS else (
                q.get("kind_label") or q.get("kind"))
            purpose = f", {t('ingest.purpose.' + q['purpose'], lang)}" if q.get("purpose") else ""
            lines.append(f"  {q.get('code', '')}: {_short(str(q.get('text', '')), 60)!r} -> {relation} ({kind}{purpose})")
            unclear |= q.get("note_key") == "ingest.note.unclear"
    rate = f"{net.response_rate:.0%}" if lang == "en" else percent(net.response_rate, lang)
    lines.append(said("ingest.text.people", people=len(net), respondents=len(net.respondents), rate=rate)  # type: ignore[arg-type]
                 + (said("ingest.text.complete") if net.complete else ""))
    if grouping in net.roster.columns and net.roster[grouping].notna().any():
        shown = t(f"field.{grouping}", lang).lower() if f"field.{grouping}" in STRINGS else grouping
        lines.append(said("ingest.text.response_per", grouping=shown))
        for row in response_table(net, grouping).itertuples(index=False):
            if row.group != "(all)":
                share = f"{row.response_rate:.0%}" if lang == "en" else percent(row.response_rate, lang)
                lines.append(f"  {row.group}: {row.respondents}/{row.people} ({share})")
    lines.append(said("ingest.text.ties"))
    counts = net.ties["relation"].value_counts()
    for relation in net.relations:
        lines.append(f"  {relation if lang == 'en' else relation_label(relation, lang)}: {int(counts.get(relation, 0))}")
    issue_counts = report.counts()
    if not issue_counts:
        lines.append(said("ingest.text.no_problems"))
    else:
        lines.append(said("ingest.text.problems", count=report.total))
        for kind, n in issue_counts.items():
            lines.append(f"  {issue_label(kind, lang)}: {n}")
            listed = report.of_kind(kind)
            if kind == "fuzzy_match":  # accepted matches: one line per distinct name, not per mention
                seen = Counter(issue.text(lang) for issue in listed)
                for message, times in seen.items():
                    lines.append(f"    - {message}" + (said("ingest.text.times", times=times) if times > 1 else ""))
            else:
                for issue in listed:
                    lines.append(f"    - {issue.describe(lang)}")
            if report.omitted.get(kind):
                lines.append("    - " + said("ingest.text.more", count=report.omitted[kind]))
    if unclear:
        lines.append(said("ingest.text.map_hint"))
    if details.get("review") or details.get("unmatched"):
        lines.append(said("ingest.text.decide", review=len(details.get("review", [])),
                          unmatched=sum(1 for u in details.get("unmatched", []) if not u.get("decided"))))
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
