"""What the findings are computed from: the declared collaborations and the ties of all relations together.

Shared by :mod:`ona.findings.find` (the findings) and :mod:`ona.findings.pairs` (every pair's status).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ona.findings.finding import ALL_RELATIONS
from ona.io.expected import EXPECTED_COLUMNS, ExpectedLike, expected_frame, expected_from_group_ties, read_expected
from ona.measures.engines import TieArrays
from ona.model import OrgNetwork
from ona.compat import old_grouping_names

__all__ = ["declared_frame", "group_level_arrays"]


@old_grouping_names
def declared_frame(net: OrgNetwork, expected: ExpectedLike | None, grouping: str = "department") -> pd.DataFrame | None:
    """The declared collaborations as a table of pairs (:func:`ona.io.expected.expected_frame`), or None if none.

    `expected` None uses the survey's own group-level declarations (``net.group_ties``), as
    :func:`find_findings` does; a declaration table (``collaboration, group``) is read with
    :func:`ona.io.expected.read_expected`.
    """
    if expected is None:
        frame = expected_from_group_ties(net, grouping=grouping)
    elif isinstance(expected, pd.DataFrame) and not set(EXPECTED_COLUMNS) <= set(expected.columns):
        frame = read_expected(expected, net, grouping=grouping) if len(expected) else None
    else:
        frame = expected_frame(expected, net, grouping=grouping)
    return frame if frame is not None and len(frame) else None


def group_level_arrays(relations: Sequence[str], arrays: Mapping[str, TieArrays]) -> tuple[TieArrays, str, bool]:
    """The ties for the group-level patterns, their relation label, and whether their weights count ties.

    One relation: its own arrays (ties counted once; weights for Louvain).
    Several: two people are tied when they are tied in any of them, with
    weight the number of relations the tie occurs in, and ties counted by
    that weight.
    """
    if len(relations) == 1:
        return arrays[relations[0]], relations[0], False
    first = arrays[relations[0]]
    n = first.n
    keys = np.concatenate([a.source * n + a.target for a in (arrays[r] for r in relations)])
    pairs, counts = np.unique(keys, return_counts=True)
    together = TieArrays(first.nodes, pairs // n, pairs % n, counts.astype(np.float64), first.responded)
    return together, ALL_RELATIONS, True
