"""Texts of the methods layer: community detection, key players and missing data (``methods.``)."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "methods.error.community_method": {
        "nl": "Onbekende methode voor informele groepen '{method}'; kies 'leiden' of 'louvain'.",
        "en": "Unknown community method '{method}'; choose 'leiden' or 'louvain'.",
    },
}
