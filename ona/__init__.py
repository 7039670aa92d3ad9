"""ona: organisational network analysis for HR teams, managers and analysts.

Turn network surveys ("whom do you go to for advice?") into networkx graphs and
see what the organisation chart hides: silos, gaps between departments that
should work together, fragile bridges, one-sided trust and change over time.

>>> import ona
>>> net = ona.samples.load("krackhardt")
>>> net.graph("advice").number_of_edges()
190
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Where each public name lives. ``import ona`` imports none of these modules: a name is imported
#: the first time it is used (PEP 562), so ``ona --help`` and ``ona validate`` start without
#: loading igraph, scipy.stats or the analysis code.
_LAZY: dict[str, str] = {
    "Analysis": "ona.measures.analysis",
    "ConfigurationError": "ona.exceptions",
    "EmptyNetworkError": "ona.exceptions",
    "FileFormatError": "ona.exceptions",
    "Finding": "ona.findings",
    "IngestReport": "ona.report",
    "InputError": "ona.exceptions",
    "Issue": "ona.report",
    "MissingAttributeError": "ona.exceptions",
    "OnaError": "ona.exceptions",
    "OrgNetwork": "ona.model",
    "PrivacyPolicy": "ona.privacy",
    "Roster": "ona.io.roster",
    "RosterError": "ona.exceptions",
    "SurveyFormatError": "ona.exceptions",
    "Thresholds": "ona.findings.detectors",
    "TieListError": "ona.exceptions",
    "UnknownRelationError": "ona.exceptions",
    "UnknownSampleError": "ona.exceptions",
    "analyze": "ona.measures.analysis",
    "compare_waves": "ona.findings.change",
    "expected_from_group_ties": "ona.io.expected",
    "find_findings": "ona.findings",
    "findings_to_json": "ona.findings",
    "findings_to_markdown": "ona.findings",
    "format_report": "ona.io.report_text",
    "perceived_collaboration": "ona.io.survey",
    "load_network": "ona.io.ingest",
    "load_workspace": "ona.workspace",
    "pseudonym": "ona.privacy",
    "publish": "ona.workspace",
    "read_expected": "ona.io.expected",
    "read_network": "ona.io.ties",
    "read_resolutions": "ona.io.survey",
    "read_roster": "ona.io.roster",
    "read_structure": "ona.io.survey",
    "read_survey": "ona.io.survey",
    "resolve_role": "ona.privacy",
    "response_table": "ona.io.report_text",
    "review_table": "ona.io.survey",
    "samples": "ona.io.samples",  # a module
    "write_findings": "ona.findings",
    "write_review": "ona.io.survey",
}

if TYPE_CHECKING:  # for type checkers and editors; at run time the names load on first use
    from ona.exceptions import (
        ConfigurationError,
        EmptyNetworkError,
        FileFormatError,
        InputError,
        MissingAttributeError,
        OnaError,
        RosterError,
        SurveyFormatError,
        TieListError,
        UnknownRelationError,
        UnknownSampleError,
    )
    from ona.findings import Finding, find_findings, findings_to_json, findings_to_markdown, write_findings
    from ona.findings.change import compare_waves
    from ona.findings.detectors import Thresholds
    from ona.io import samples
    from ona.io.expected import expected_from_group_ties, read_expected
    from ona.io.ingest import load_network
    from ona.io.report_text import format_report, response_table
    from ona.io.roster import Roster, read_roster
    from ona.io.survey import (
        perceived_collaboration,
        read_resolutions,
        read_structure,
        read_survey,
        review_table,
        write_review,
    )
    from ona.io.ties import read_network
    from ona.measures.analysis import Analysis, analyze
    from ona.model import OrgNetwork
    from ona.privacy import PrivacyPolicy, pseudonym, resolve_role
    from ona.report import IngestReport, Issue
    from ona.workspace import load_workspace, publish


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562) and keep it as a module attribute."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'ona' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if name == "samples" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "ConfigurationError",
    "EmptyNetworkError",
    "FileFormatError",
    "Finding",
    "IngestReport",
    "InputError",
    "Issue",
    "MissingAttributeError",
    "OnaError",
    "OrgNetwork",
    "PrivacyPolicy",
    "Roster",
    "RosterError",
    "SurveyFormatError",
    "Thresholds",
    "TieListError",
    "UnknownRelationError",
    "UnknownSampleError",
    "analyze",
    "compare_waves",
    "expected_from_group_ties",
    "find_findings",
    "findings_to_json",
    "findings_to_markdown",
    "format_report",
    "load_network",
    "load_workspace",
    "perceived_collaboration",
    "pseudonym",
    "publish",
    "read_expected",
    "read_network",
    "read_resolutions",
    "read_roster",
    "read_structure",
    "read_survey",
    "resolve_role",
    "response_table",
    "review_table",
    "samples",
    "write_findings",
    "write_review",
]
