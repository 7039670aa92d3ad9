"""ona: organisational network analysis for HR teams, managers and analysts.

Turn network surveys ("whom do you go to for advice?") into networkx graphs and
see what the organisation chart hides: silos, gaps between departments that
should work together, fragile bridges, one-sided trust and change over time.

>>> import ona
>>> net = ona.samples.load("krackhardt")
>>> net.graph("advice").number_of_edges()
190
"""

from ona.io import samples
from ona.measures.analysis import Analysis, analyze
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
from ona.findings.change import compare_waves
from ona.io.expected import expected_from_group_ties, read_expected
from ona.findings import Finding, find_findings, findings_to_json, findings_to_markdown, write_findings
from ona.io.ingest import load_network
from ona.model import OrgNetwork
from ona.privacy import PrivacyPolicy, pseudonym, resolve_role
from ona.workspace import load_workspace, publish
from ona.report import IngestReport, Issue
from ona.io.report_text import format_report, response_table
from ona.io.roster import Roster, read_roster
from ona.findings.detectors import Thresholds
from ona.io.survey import read_resolutions, read_survey, review_table, write_review
from ona.io.ties import read_network

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
    "pseudonym",
    "publish",
    "read_expected",
    "read_network",
    "read_resolutions",
    "read_roster",
    "read_survey",
    "resolve_role",
    "response_table",
    "review_table",
    "samples",
    "write_findings",
    "write_review",
]
