"""Old keyword names that keep working.

ona calls the roster column people are grouped by (department, team, location, …) its **grouping**
everywhere: ``ona.analyze(net, grouping="team")``, ``ona.find_findings(net, grouping="team")``,
``AnalystView(net, grouping="team")`` and ``ona analyze --grouping team``. Until version 0.2 the same
parameter was called ``attribute`` in most functions and ``group_by`` in :func:`ona.analyze`; scripts
written then keep working, with a :class:`DeprecationWarning`.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["OLD_GROUPING_NAMES", "old_grouping_names"]

#: Keyword names that meant what ``grouping`` means now.
OLD_GROUPING_NAMES = ("attribute", "group_by")

F = TypeVar("F", bound=Callable[..., Any])


def old_grouping_names(function: F) -> F:
    """Let `function` accept ``attribute=`` or ``group_by=`` for its ``grouping`` parameter.

    >>> @old_grouping_names
    ... def size(net, grouping="department"):
    ...     return grouping
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     size(None, attribute="team")
    'team'
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for old in OLD_GROUPING_NAMES:
            if old in kwargs:
                if "grouping" in kwargs:
                    raise TypeError(f"{function.__name__}() got both 'grouping' and its old name {old!r}.")
                warnings.warn(f"{function.__name__}(): the keyword {old!r} is now called 'grouping'.",
                              DeprecationWarning, stacklevel=2)
                kwargs["grouping"] = kwargs.pop(old)
        return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
