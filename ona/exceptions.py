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

An :class:`InputError` raised with a catalogue ``key`` (see :mod:`ona.i18n`)
can be shown in Dutch or English with :meth:`InputError.text`; ``str(exc)`` is
always the English sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

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


def location(file: str | None = None, row: int | None = None, column: str | None = None,
             lang: str = "en") -> str:
    """Return a human-readable place such as ``"ties.csv, row 14, column 'target'"``.

    >>> location("ties.csv", 14, "target")
    "ties.csv, row 14, column 'target'"
    >>> location(column="afdeling")
    "column 'afdeling'"
    >>> location("ties.csv", 1671, "target", lang="nl")
    "ties.csv, rij 1.671, kolom 'target'"
    """
    parts = []
    if file:
        parts.append(str(file))
    if row is not None:
        parts.append(render("ingest.where.row", lang, {"row": int(row)}) if lang != "en" else f"row {row}")
    if column is not None:
        parts.append(t("ingest.where.column", lang, column=column))
    return ", ".join(parts)


class OnaError(Exception):
    """Base class of every error ona raises on purpose."""


class InputError(OnaError):
    """A user-supplied file or table cannot be used.

    Parameters
    ----------
    problem : str, optional
        What is wrong, as a sentence fragment without the location. May be
        left out when `key` is given: the English text of the key is used.
    fix : str, optional
        What the user can do about it (or the English text of `fix_key`).
    file, row, column : optional
        Where the problem is; included at the start of the message.
    key, fix_key : str, optional
        Catalogue keys (:data:`ona.i18n.STRINGS`) of the problem and the fix,
        so that :meth:`text` can say it in Dutch too.
    params : mapping, optional
        Values for the placeholders of `key` and `fix_key`.

    Examples
    --------
    >>> error = InputError(key="ingest.csv.unclosed_quote", fix_key="ingest.csv.unclosed_quote.fix",
    ...                    file="ties.csv", row=1671)
    >>> str(error)
    'ties.csv, row 1671: a quoted cell starts here and its closing quote is missing, so the rest of the file would be read as one cell. Close the quote or remove it, and save the file again.'
    >>> error.text("nl")[:71]
    'ties.csv, rij 1.671: hier begint een cel tussen aanhalingstekens zonder'
    """

    def __init__(
        self,
        problem: str | None = None,
        *,
        fix: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        key: str | None = None,
        fix_key: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.key = key
        self.fix_key = fix_key
        self.params = dict(params or {})
        if problem is None:
            problem = render(key, "en", self.params) if key else "the input cannot be used"
        if fix is None and fix_key:
            fix = render(fix_key, "en", self.params)
        self.problem = problem
        self.fix = fix
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self._compose(location(file, row, column), problem, fix))

    @staticmethod
    def _compose(where: str, problem: str, fix: str | None) -> str:
        message = f"{where}: {problem}" if where else problem
        message = message.rstrip(".") + "."
        if fix:
            message += " " + fix.rstrip(".") + "."
        return message

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (Dutch or English): where, what is wrong and what to do.

        Errors raised without a catalogue key come back in English.
        """
        if lang == "en" or not self.key:
            return str(self)
        problem = render(self.key, lang, self.params)
        fix = render(self.fix_key, lang, self.params) if self.fix_key else None
        if fix is None and self.fix and not self.fix_key:
            fix = None  # an English-only fix is left out rather than mixed into a Dutch sentence
        return self._compose(location(self.file, self.row, self.column, lang), problem, fix)


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

    questions: list[dict[str, object]] = []


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
