"""Recognising which survey platform produced an export.

Each platform module has a ``detect(table)`` that looks only at the header
rows. They are tried from the most specific signature (Qualtrics' ImportId
row) to the least (Google's lone timestamp column); if none fits, the
generic reader takes the table as one header row of question texts.
"""

from __future__ import annotations

from collections.abc import Callable

from ona.io.files import RawTable
from ona.exceptions import SurveyFormatError
from ona.io.survey import generic, googleforms, limesurvey, msforms, qualtrics, surveymonkey
from ona.io.survey.export import ParsedExport, header_key

__all__ = ["PLATFORMS", "detect_platform", "parser_for", "platform_key"]

#: Platform key -> (display name, detector or None, parser), in detection order.
PLATFORMS: dict[str, tuple[str, Callable[[RawTable], bool] | None, Callable[[RawTable], ParsedExport]]] = {
    "qualtrics": (qualtrics.PLATFORM, qualtrics.detect, qualtrics.parse),
    "surveymonkey": (surveymonkey.PLATFORM, surveymonkey.detect, surveymonkey.parse),
    "limesurvey": (limesurvey.PLATFORM, limesurvey.detect, limesurvey.parse),
    "msforms": (msforms.PLATFORM, msforms.detect, msforms.parse),
    "googleforms": (googleforms.PLATFORM, googleforms.detect, googleforms.parse),
    "generic": (generic.PLATFORM, None, generic.parse),
}
_ALIASES = {
    "microsoftforms": "msforms", "msforms": "msforms", "forms": "msforms", "office365forms": "msforms",
    "googleforms": "googleforms", "google": "googleforms", "gforms": "googleforms",
    "qualtrics": "qualtrics", "limesurvey": "limesurvey", "lime": "limesurvey",
    "surveymonkey": "surveymonkey", "monkey": "surveymonkey", "generic": "generic", "other": "generic",
    "table": "generic",
}


def platform_key(platform: str) -> str:
    """The key of a platform named by the user (``"Microsoft Forms"`` -> ``"msforms"``).

    >>> platform_key("Google Forms"), platform_key("qualtrics")
    ('googleforms', 'qualtrics')

    Raises
    ------
    SurveyFormatError
        For an unknown platform; the message lists the known ones.
    """
    key = _ALIASES.get(header_key(platform))
    if key is None:
        names = ", ".join(repr(k) for k in PLATFORMS)
        raise SurveyFormatError(f"unknown survey platform {platform!r}", fix=f"Use one of {names}")
    return key


def detect_platform(table: RawTable) -> str | None:
    """The key of the platform whose export `table` looks like, or None.

    >>> import pandas as pd
    >>> cells = pd.DataFrame([["Tijdstempel", "E-mailadres", "Bij wie ga je voor advies?"]])
    >>> detect_platform(RawTable("responses", cells, "responses.csv"))
    'googleforms'
    """
    if not len(table.cells):
        return None
    for key, (_, detector, _) in PLATFORMS.items():
        if detector is not None and detector(table):
            return key
    return None


def parser_for(key: str) -> Callable[[RawTable], ParsedExport]:
    """The parse function of a platform key."""
    return PLATFORMS[key][2]
