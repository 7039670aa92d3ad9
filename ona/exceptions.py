"""Exceptions raised by ona.

Every message says what is wrong, where (file, row, column) and what to do, so
the command line and the app can show ``str(exc)`` as it is.

Hierarchy::

    OnaError
    ├── InputError                 a file or table the user supplied cannot be used
    │   ├── FileFormatError        not a readable CSV/XLSX, wrong encoding, too large
    │   ├── RosterError            the staff roster lacks what ona needs
    │   ├── TieListError           an edge list or adjacency matrix is malformed
    │   └── SurveyFormatError      a survey export cannot be interpreted
    ├── UnknownRelationError       a relation name that the network does not hold
    ├── MissingAttributeError      a roster attribute (e.g. department) that is absent
    ├── UnknownSampleError         a sample network name that does not exist
    ├── EmptyNetworkError          nothing left to analyse
    └── ConfigurationError         privacy or role configuration is invalid

Row numbers follow what a person sees in a spreadsheet: the header is row 1 and
the first data row is row 2.
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "EmptyNetworkError",
    "FileFormatError",
    "InputError",
    "MissingAttributeError",
    "OnaError",
    "RosterError",
    "SurveyFormatError",
    "TieListError",
    "UnknownRelationError",
    "UnknownSampleError",
    "location",
]


def location(file: str | None = None, row: int | None = None, column: str | None = None) -> str:
    """Return a human-readable place such as ``"ties.csv, row 14, column 'target'"``.

    >>> location("ties.csv", 14, "target")
    "ties.csv, row 14, column 'target'"
    >>> location(column="afdeling")
    "column 'afdeling'"
    """
    parts = []
    if file:
        parts.append(str(file))
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column '{column}'")
    return ", ".join(parts)


class OnaError(Exception):
    """Base class of every error ona raises on purpose."""


class InputError(OnaError):
    """A user-supplied file or table cannot be used.

    Parameters
    ----------
    problem : str
        What is wrong, as a sentence fragment without the location.
    fix : str, optional
        What the user can do about it.
    file, row, column : optional
        Where the problem is; included at the start of the message.
    """

    def __init__(
        self,
        problem: str,
        *,
        fix: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.problem = problem
        self.fix = fix
        self.file = file
        self.row = row
        self.column = column
        where = location(file, row, column)
        message = f"{where}: {problem}" if where else problem
        message = message.rstrip(".") + "."
        if fix:
            message += " " + fix.rstrip(".") + "."
        super().__init__(message)


class FileFormatError(InputError):
    """A file is not a readable CSV or XLSX, has an unknown encoding, or is too large."""


class RosterError(InputError):
    """The staff roster lacks a column or value that ona needs."""


class TieListError(InputError):
    """An edge list or adjacency matrix is malformed."""


class SurveyFormatError(InputError):
    """A survey export cannot be interpreted."""


class UnknownRelationError(OnaError, KeyError):
    """A relation was asked for that the network does not hold."""

    def __init__(self, relation: str, available: tuple[str, ...] | list[str]) -> None:
        self.relation = relation
        self.available = tuple(available)
        names = ", ".join(repr(r) for r in self.available) or "none"
        super().__init__(
            f"The network has no relation {relation!r}; it holds {names}. "
            "Pick one of those, or check the relation mapping of your survey."
        )

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return self.args[0]


class MissingAttributeError(OnaError):
    """A roster attribute such as ``department`` is absent."""

    def __init__(self, attribute: str, available: tuple[str, ...] | list[str] = ()) -> None:
        self.attribute = attribute
        names = ", ".join(repr(a) for a in available) or "none"
        super().__init__(
            f"The roster has no attribute {attribute!r} (it has {names}). "
            f"Add a column {attribute!r} to the roster or group by one of the existing attributes."
        )


class UnknownSampleError(OnaError):
    """A sample network name that does not exist."""

    def __init__(self, name: str, available: tuple[str, ...] | list[str]) -> None:
        self.name = name
        super().__init__(
            f"There is no sample network {name!r}. Available samples: {', '.join(available)}. "
            "Run 'ona samples' to list them."
        )


class EmptyNetworkError(OnaError):
    """Nothing is left to analyse, e.g. a roster without people or a relation without ties."""


class ConfigurationError(OnaError):
    """Privacy or role configuration is invalid."""
