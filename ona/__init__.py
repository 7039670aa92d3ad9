"""ona: organisational network analysis for HR teams, managers and analysts.

Turn network surveys ("whom do you go to for advice?") into networkx graphs and
see what the organisation chart hides: silos, gaps between departments that
should work together, fragile bridges, one-sided trust and change over time.

>>> import ona
>>> net = ona.samples.load("krackhardt")
>>> net.graph("advice").number_of_edges()
190
"""

from ona import samples
from ona.analysis import Analysis, analyze
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
from ona.change import compare_waves
from ona.expected import expected_from_group_ties, read_expected
from ona.findings import Finding, find_findings, findings_to_json, findings_to_markdown, write_findings
from ona.ingest import load_network
from ona.model import OrgNetwork
from ona.privacy import PrivacyPolicy, pseudonym, resolve_role
from ona.publish import load_workspace, publish
from ona.report import IngestReport, Issue, format_report, response_table
from ona.roster import Roster, read_roster
from ona.silos import Thresholds
from ona.survey import read_resolutions, read_survey, review_table, write_review
from ona.ties import read_network

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
