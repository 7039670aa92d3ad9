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
from ona.ties import read_network

__all__ = ["load_network"]


def load_network(
    ties: Source | Sequence[Source],
    roster: Roster | Source | pd.DataFrame,
    *,
    relation: str | None = None,
    relations: Mapping[str, str] | None = None,
    resolutions: Mapping[str, str | None] | None = None,
    respondents: Iterable[str] | None = None,
    wave: str | None = None,
    name: str | None = None,
    filename: str | None = None,
) -> OrgNetwork:
    """Read ties of any supported shape plus a roster into an :class:`OrgNetwork`.

    Edge lists and adjacency matrices go to :func:`ona.read_network`; anything
    else is tried as a survey export (:func:`ona.read_survey`).

    Parameters
    ----------
    relation : str, optional
        Relation name for a plain edge list or matrix without one.
    relations : mapping, optional
        For survey exports: column code or piece of question text -> relation.
    resolutions : mapping, optional
        For survey exports: decisions on names that needed review.
    """
    if not isinstance(roster, Roster):
        roster = read_roster(roster)
    try:
        return read_network(ties, roster, relation=relation, respondents=respondents, wave=wave, name=name,
                            filename=filename)
    except TieListError as exc:
        if "neither an edge list nor an adjacency matrix" not in exc.problem:
            raise
        return _read_survey(ties, roster, relations=relations, resolutions=resolutions, wave=wave, name=name,
                            filename=filename, plain_error=exc)


def _read_survey(ties, roster, *, relations, resolutions, wave, name, filename, plain_error):  # type: ignore[no-untyped-def]
    try:
        from ona.survey import read_survey
    except ImportError:  # survey support not installed in this build
        raise plain_error from None
    return read_survey(ties, roster, relations=relations, resolutions=resolutions, wave=wave, name=name,
                       filename=filename)
