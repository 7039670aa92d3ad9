"""Texts of errors: places in a file (``error.row``, ``error.column``) and error messages (``error.``).

Errors raised with an i18n key (see :class:`ona.exceptions.OnaError`) take their Dutch and English
text from here or from the catalogue of the area that raises them.
"""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "error.row": {"nl": "rij {row}", "en": "row {row}"},
    "error.column": {"nl": "kolom '{column}'", "en": "column '{column}'"},
    "error.example": {"nl": "Het bestand {file} is beschadigd", "en": "The file {file} is damaged"},
}
