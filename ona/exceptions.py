"""Exceptions raised by ona.

Every message says what is wrong, where (file, row, column) and what to do, so
the command line can show ``str(exc)`` as it is. An error raised with an i18n
``key`` also speaks Dutch: the app shows :meth:`OnaError.message` in the
user's language (``exc.message("nl")``); ``str(exc)`` is the English text.

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

from collections.abc import Mapping
from typing import Any

from ona.i18n import render, t

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


def location(file: str | None = None, row: int | None = None, column: str | None = None, lang: str = "en") -> str:
    """Return a human-readable place such as ``"ties.csv, row 14, column 'target'"``.

    >>> location("ties.csv", 14, "target")
    "ties.csv, row 14, column 'target'"
    >>> location("ties.csv", 14, "target", lang="nl")
    "ties.csv, rij 14, kolom 'target'"
    >>> location(column="afdeling")
    "column 'afdeling'"
    """
    parts = []
    if file:
        parts.append(str(file))
    if row is not None:
        parts.append(t("error.row", lang, row=row))
    if column is not None:
        parts.append(t("error.column", lang, column=column))
    return ", ".join(parts)


class OnaError(Exception):
    """Base class of every error ona raises on purpose.

    Parameters
    ----------
    *args
        The English message, as for any exception.
    key : str, optional
        An :mod:`ona.i18n` key whose text, filled with `values`, says the same
        in every language; :meth:`message` uses it.
    values : mapping, optional
        Placeholder values for `key`.

    Examples
    --------
    >>> error = OnaError("The workspace is damaged.", key="error.example", values={"file": "w.zip"})
    >>> str(error)
    'The workspace is damaged.'
    >>> error.message("nl")
    'Het bestand w.zip is beschadigd'
    >>> OnaError("No key: English only.").message("nl")
    'No key: English only.'
    """

    def __init__(self, *args: object, key: str | None = None, values: Mapping[str, Any] | None = None) -> None:
        super().__init__(*args)
        self.key = key
        self.values = dict(values or {})

    def message(self, lang: str = "en") -> str:
        """The message in `lang` when the error has an i18n key, else the English message."""
        if self.key is None:
            return str(self)
        return render(self.key, lang, self.values)


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
    key, fix_key : str, optional
        :mod:`ona.i18n` keys of the problem and the fix, filled with `values`,
        for :meth:`message` in other languages. With `key`, `problem` may be
        left empty: the English text of `key` is used.
    values : mapping, optional
        Placeholder values; they are said in each language as
        :func:`ona.i18n.render` does (numbers with the language's separators,
        relation names translated, long user text shortened).

    Examples
    --------
    >>> error = InputError("", key="error.example", values={"file": "ties.csv"}, file="ties.csv", row=3)
    >>> str(error)
    'ties.csv, row 3: The file ties.csv is damaged.'
    >>> error.message("nl")
    'ties.csv, rij 3: Het bestand ties.csv is beschadigd.'
    """

    def __init__(
        self,
        problem: str = "",
        *,
        fix: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        key: str | None = None,
        fix_key: str | None = None,
        values: Mapping[str, Any] | None = None,
    ) -> None:
        values = dict(values or {})
        if not problem and key is not None:
            problem = render(key, "en", values)
        if fix is None and fix_key is not None:
            fix = render(fix_key, "en", values)
        self.problem = problem
        self.fix = fix
        self.file = file
        self.row = row
        self.column = column
        self.fix_key = fix_key
        super().__init__(self._compose(problem, fix, "en"), key=key, values=values)

    def _compose(self, problem: str, fix: str | None, lang: str) -> str:
        where = location(self.file, self.row, self.column, lang)
        message = f"{where}: {problem}" if where else problem
        message = message.rstrip(".") + "."
        if fix:
            message += " " + fix.rstrip(".") + "."
        return message

    def message(self, lang: str = "en") -> str:
        """The whole message (place, problem, fix) in `lang` when the error has i18n keys."""
        if self.key is None:
            return str(self)
        fix = render(self.fix_key, lang, self.values) if self.fix_key is not None else self.fix
        return self._compose(render(self.key, lang, self.values), fix, lang)


class FileFormatError(InputError):
    """A file is not a readable CSV or XLSX, has an unknown encoding, or is too large."""


class RosterError(InputError):
    """The staff roster lacks a column or value that ona needs."""


class TieListError(InputError):
    """An edge list or adjacency matrix is malformed."""


class SurveyFormatError(InputError):
    """A survey export cannot be interpreted.

    Attributes
    ----------
    questions : list of dict
        When the export could be read but none of its questions could be used,
        the questions found (as in ``report.details["questions"]``), so that
        an app can let the user map them; empty otherwise.
    """

    questions: list[dict[str, Any]] = []


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

    def __init__(self, grouping: str, available: tuple[str, ...] | list[str] = ()) -> None:
        self.grouping = grouping
        names = ", ".join(repr(a) for a in available) or "none"
        super().__init__(
            f"The roster has no attribute {grouping!r} (it has {names}). "
            f"Add a column {grouping!r} to the roster or group by one of the existing attributes."
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
