"""Findings in plain Dutch and English: what the detectors found, ranked, with confidence, evidence and suggestions.

:func:`find_findings` runs the detectors of :mod:`ona.findings.detectors` on an
:class:`~ona.model.OrgNetwork` and returns a ranked list of :class:`Finding`
objects. Each carries the numbers behind it (``evidence``), how certain it is
given the response (``confidence``, :mod:`ona.findings.confidence`) and a
sentence a manager understands in both languages, e.g.

    Ruimte & Wonen en Publiekszaken moeten samenwerken (Omgevingswet), maar
    hebben maar 2 relaties onderling ...

The modules:

- :mod:`ona.findings.finding`: the :class:`Finding` and :class:`Confidence` types;
- :mod:`ona.findings.detectors`: the detectors (graph functions and their array twins);
- :mod:`ona.findings.confidence`: confidence bands from response per group;
- :mod:`ona.findings.text`: sentences, headings and plain evidence, from the
  catalogue :mod:`ona.i18n.texts.findings`;
- :mod:`ona.findings.find`: :func:`find_findings`, run and rank;
- :mod:`ona.findings.output`: JSON and Markdown, and similar findings told as one;
- :mod:`ona.findings.change`: what moved between two waves.
"""

from __future__ import annotations

from ona.findings.confidence import response_by_group
from ona.findings.detectors import KINDS, Thresholds
from ona.findings.find import find_findings
from ona.findings.finding import ALL_RELATIONS, LANGUAGES, Confidence, Finding, severity_level
from ona.findings.output import (
    SimilarFindings,
    findings_markdown,
    findings_to_json,
    findings_to_markdown,
    group_similar,
    link_carriers,
    write_findings,
)
from ona.findings.text import evidence_rows, finding_title, kind_title
from ona.i18n import STRINGS
from ona.model import person_labels

__all__ = [
    "ALL_RELATIONS",
    "Confidence",
    "EVIDENCE_LABELS",
    "Finding",
    "KINDS",
    "KIND_TITLES",
    "LANGUAGES",
    "SimilarFindings",
    "Thresholds",
    "evidence_rows",
    "find_findings",
    "finding_title",
    "findings_markdown",
    "findings_to_json",
    "findings_to_markdown",
    "group_similar",
    "kind_title",
    "link_carriers",
    "person_labels",
    "response_by_group",
    "severity_level",
    "write_findings",
]

#: Title of each kind of finding per language, read from the catalogue (``finding.kind.<kind>``).
#: (Kinds of the collaboration scan, :mod:`ona.findings.collaboration`, have theirs under ``finding.kit.title.``.)
KIND_TITLES: dict[str, dict[str, str]] = {
    key.split(".")[-1]: dict(texts) for key, texts in STRINGS.items()
    if key.startswith(("finding.kind.", "finding.kit.title."))
}
#: Label of each evidence key per language, read from the catalogue (``evidence.<key>``, and
#: ``finding.kit.evidence.<key>`` for the collaboration scan's evidence).
EVIDENCE_LABELS: dict[str, dict[str, str]] = {
    key.removeprefix("finding.kit.evidence.").removeprefix("evidence."): dict(texts) for key, texts in STRINGS.items()
    if (key.startswith("evidence.") and not key.startswith("evidence.value.")) or key.startswith("finding.kit.evidence.")
}
