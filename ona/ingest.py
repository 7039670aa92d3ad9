"""One entry point for every kind of tie input: edge list, adjacency matrix or survey export.

:func:`load_network` looks at the file and hands it to the right reader, so the
command line and the app accept whatever HR has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ona._files import Source
from ona.exceptions import TieListError
from ona.model import OrgNetwork
from ona.roster import Roster, read_roster
from ona.survey import read_survey
from ona.ties import read_network

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
) -> OrgNetwork:
    """Read ties of any supported shape plus a roster into an :class:`OrgNetwork`.

    Edge lists and adjacency matrices go to :func:`ona.read_network`; anything
    else (or anything, when `platform` or `relations` is given) is read as a
    survey export by :func:`ona.survey.read_survey`.

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
    """
    if not isinstance(roster, Roster):
        roster = read_roster(roster)
    single = not isinstance(ties, (list, tuple))
    if single and (platform is not None or relations):
        return read_survey(ties, roster, platform=platform, relations=relations, resolutions=resolutions,  # type: ignore[arg-type]
                           wave=wave, name=name, filename=filename)
    try:
        return read_network(ties, roster, relation=relation, respondents=respondents, wave=wave, name=name,
                            filename=filename)
    except TieListError as exc:
        if not single or "neither an edge list nor an adjacency matrix" not in exc.problem:
            raise
    return read_survey(ties, roster, platform=platform, relations=relations, resolutions=resolutions,  # type: ignore[arg-type]
                       wave=wave, name=name, filename=filename)
