"""Texts of issue 12 ("side by side at a glance") in the app: certainty, the People page for HR, what a
manager's view leaves out, and the network page's placement of small pieces."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "glance.robust": {
        "nl": "Blijft staan als we invullen wat de mensen die niet antwoordden zouden kunnen hebben gezegd.",
        "en": "Holds when we fill in what the people who did not answer might have said.",
    },
    "glance.not_robust": {
        "nl": "Let op: de ontbrekende antwoorden kunnen dit beeld nog veranderen.",
        "en": "Note: the missing answers could still change this picture.",
    },
}
