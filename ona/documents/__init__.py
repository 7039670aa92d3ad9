"""Reports people take to the meeting: a PDF document and a PowerPoint deck, in Dutch or English.

Three steps, each in its own module:

1. :mod:`ona.documents.source` gathers what the reader may see (:class:`ReportSource`):
   :func:`view_source` from any view of :mod:`ona.views`; :func:`analyst_source` for HR,
   :func:`manager_source` / :func:`workspace_source` for managers.
2. :mod:`ona.documents.build` turns it into format-free content (:class:`ReportContent`):
   :func:`build_report` for one wave, :func:`build_change_report` for two.
3. :mod:`ona.documents.pdf` and :mod:`ona.documents.slides` render that content:
   :func:`to_pdf` and :func:`to_pptx` return bytes.

>>> from ona import samples
>>> source = analyst_source(samples.load("krackhardt"), n_permutations=0)
>>> content = build_report(source, "en")
>>> to_pdf(content)[:5], to_pptx(content)[:2]
(b'%PDF-', b'PK')
"""

from __future__ import annotations

from ona.documents.build import build_change_report, build_report, check_no_leak, finding_heading
from ona.documents.content import ReportContent
from ona.documents.pdf import to_pdf
from ona.documents.slides import to_pptx
from ona.documents.source import (
    ANALYST_AUDIENCE,
    MANAGER_AUDIENCE,
    ReportSource,
    analyst_source,
    change_tables,
    manager_source,
    view_source,
    workspace_source,
)

__all__ = [
    "ANALYST_AUDIENCE",
    "FORMATS",
    "MANAGER_AUDIENCE",
    "ReportContent",
    "ReportSource",
    "analyst_source",
    "build_change_report",
    "build_report",
    "change_tables",
    "check_no_leak",
    "finding_heading",
    "manager_source",
    "render",
    "to_pdf",
    "to_pptx",
    "view_source",
    "workspace_source",
]

#: Document formats: name -> (file extension, MIME type).
FORMATS = {
    "pdf": (".pdf", "application/pdf"),
    "pptx": (".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}


def render(content: ReportContent, format: str = "pdf") -> bytes:
    """The content as a document in `format` (``"pdf"`` or ``"pptx"``).

    Raises
    ------
    ConfigurationError
        If `format` is unknown.
    """
    from ona.exceptions import ConfigurationError

    if format == "pdf":
        return to_pdf(content)
    if format == "pptx":
        return to_pptx(content)
    raise ConfigurationError(f"Unknown report format {format!r}; use 'pdf' or 'pptx'.")
