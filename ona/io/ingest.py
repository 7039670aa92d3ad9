"""One entry point for every kind of tie input: edge list, adjacency matrix or survey export.

:func:`load_network` looks at the file and hands it to the right reader, so the
command line and the app accept whatever HR has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ona.io.edgelist import ColumnarReadError, large_edge_list, read_edge_list
from ona.io.files import Source, read_source, read_tables
from ona.exceptions import TieListError
from ona.model import OrgNetwork
from ona.io.roster import Roster, read_roster
from ona.io.survey import detect_platform, read_survey
from ona.io.ties import read_network

__all__ = ["load_network"]


def load_network(
    ties: Source | Sequence[Source],
    roster: Roster | Source | pd.DataFrame,
    *,
    relation: str | None = None,
    relations: Mapping[str, str | None] | None = None,
    resolutions: Mapping[object, str | None] | None = None,
    respondents: Iterable[str] | None = None,
    wave: str | None = None,
    name: str | None = None,
    filename: str | None = None,
    platform: str | None = None,
    structure: object = None,
) -> OrgNetwork:
    """Read ties of any supported shape plus a roster into an :class:`OrgNetwork`.

    An export recognised as coming from a survey platform (or any single file
    when `platform` or `relations` is given) goes to
    :func:`ona.io.survey.read_survey`; edge lists and adjacency matrices go to
    :func:`ona.read_network`; a single file that is neither is tried as a
    survey export (a plain table of questions).

    Parameters
    ----------
    relation : str, optional
        Relation name for a plain edge list or matrix without one.
    relations : mapping, optional
        For survey exports: column code or piece of question text -> relation.
    resolutions : mapping, optional
        For survey exports: decisions on names that needed review.
    platform : str, optional
        For survey exports: the platform, if detection should be overridden.
    structure : SurveyStructure, path, bytes or file object, optional
        For survey exports: the survey's structure file (LimeSurvey ``.lss``,
        Qualtrics ``.qsf``), to read an export that holds codes.
    """
    if not isinstance(roster, Roster):
        roster = read_roster(roster)
    if isinstance(ties, (list, tuple)):
        return read_network(ties, roster, relation=relation, respondents=respondents, wave=wave, name=name)
    if platform is None and not relations and large_edge_list(ties):  # millions of ties: read column by column
        try:
            return read_edge_list(ties, roster, relation=relation, respondents=respondents, wave=wave, name=name)
        except ColumnarReadError:
            pass  # the general reader below reads it, or says what is wrong
    data, shown = read_source(ties, filename)  # read once: an upload's stream can be read only once
    if platform is not None or relations or structure is not None or _is_survey_export(data, shown):
        return read_survey(data, roster, platform=platform, relations=relations, resolutions=resolutions,
                           structure=structure, wave=wave, name=name, filename=shown)
    try:
        return read_network(data, roster, relation=relation, respondents=respondents, wave=wave, name=name,
                            filename=shown)
    except TieListError as exc:
        if exc.key not in ("ingest.ties.neither", "ingest.ties.no_sheet"):
            raise
    return read_survey(data, roster, resolutions=resolutions, structure=structure, wave=wave, name=name,
                       filename=shown)


def _is_survey_export(data: bytes, filename: str) -> bool:
    """Whether a known survey platform's export is recognised in any sheet."""
    return any(detect_platform(table) is not None for table in read_tables(data, filename) if len(table.cells))
