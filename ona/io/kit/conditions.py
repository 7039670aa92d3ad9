r"""The five conditions of collaboration and the statements the survey kit asks about them.

The Common Eye model of collaboration (Kaats and Opheij 2012) looks at every
collaboration through five lenses, which the A&O-fonds Gemeenten workshop
"Beter samenwerken" uses as five conditions [1]_ [2]_:

================  ==============  =====================================================
key               Dutch           the question
================  ==============  =====================================================
``ambition``      ambitie         do we share an ambition?
``interests``     belangen        are everyone's interests done justice?
``relationship``  relatie         do I trust the others, and do they trust me?
``organisation``  organisatie     is the collaboration organised logically?
``process``       proces          is there a process that moves us forward?
================  ==============  =====================================================

For each condition the kit asks two or three statements (:data:`ITEMS`),
worded for colleagues inside one organisation and answered on a 5-point
agreement scale (1 = strongly disagree ... 5 = strongly agree). The
statements were written for ona; they are not Common Eye's own instrument.
Their texts live in :mod:`ona.i18n.texts.kit` (keys ``kit.item.<code>``).

References
----------
.. [1] Kaats, Edwin, and Wilfrid Opheij. 2012. *Leren samenwerken tussen
   organisaties: Samenwerken is mensenwerk*. Deventer: Kluwer.
.. [2] A&O-fonds Gemeenten. Workshop "Beter samenwerken" (working together
   better), for municipal staff.
"""

from __future__ import annotations

import re
import unicodedata

from ona.i18n import t

__all__ = [
    "CONDITIONS",
    "CONDITION_ALIASES",
    "ITEMS",
    "ITEM_CONDITION",
    "SCALE_MAX",
    "SCALE_MIN",
    "condition_key",
    "condition_label",
    "item_text",
    "scale_labels",
]

#: The five conditions in the model's order.
CONDITIONS: tuple[str, ...] = ("ambition", "interests", "relationship", "organisation", "process")

#: Statement codes per condition (texts: ``kit.item.<code>`` in :mod:`ona.i18n`).
ITEMS: dict[str, tuple[str, ...]] = {
    "ambition": ("AMB1", "AMB2", "AMB3"),
    "interests": ("INT1", "INT2", "INT3"),
    "relationship": ("REL1", "REL2", "REL3"),
    "organisation": ("ORG1", "ORG2"),
    "process": ("PRO1", "PRO2", "PRO3"),
}

#: Statement code -> its condition.
ITEM_CONDITION: dict[str, str] = {code: condition for condition, codes in ITEMS.items() for code in codes}

#: The agreement scale: 1 (strongly disagree) to 5 (strongly agree).
SCALE_MIN, SCALE_MAX = 1, 5

#: Names a condition may have in a plain CSV, Dutch or English -> its key.
CONDITION_ALIASES: dict[str, str] = {
    "ambition": "ambition", "ambitie": "ambition", "amb": "ambition",
    "interests": "interests", "interest": "interests", "belangen": "interests", "belang": "interests",
    "int": "interests",
    "relationship": "relationship", "relation": "relationship", "relatie": "relationship", "rel": "relationship",
    "organisation": "organisation", "organization": "organisation", "organisatie": "organisation",
    "org": "organisation",
    "process": "process", "proces": "process", "pro": "process",
}


def _fold(text: str) -> str:
    value = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", value).split())


def condition_key(name: str) -> str | None:
    """The condition a Dutch or English name (or an item code) stands for, or None.

    >>> condition_key("Proces"), condition_key("relationship"), condition_key("AMB2"), condition_key("budget")
    ('process', 'relationship', 'ambition', None)
    """
    folded = _fold(name)
    if folded in CONDITION_ALIASES:
        return CONDITION_ALIASES[folded]
    return ITEM_CONDITION.get(folded.upper().replace(" ", ""))


def condition_label(condition: str, lang: str = "nl") -> str:
    """The condition's name in `lang`.

    >>> condition_label("process", "nl"), condition_label("interests", "en")
    ('Proces', 'Interests')
    """
    return t(f"condition.{condition}", lang)


def item_text(code: str, lang: str = "nl") -> str:
    """The statement of an item code in `lang`.

    >>> item_text("REL2", "en")
    'Colleagues from the other departments trust me to do what I promise.'
    """
    return t(f"kit.item.{code}", lang)


def scale_labels(lang: str = "nl") -> tuple[str, ...]:
    """The five answer labels, from 1 (strongly disagree) to 5 (strongly agree).

    >>> scale_labels("nl")
    ('Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens')
    """
    return tuple(t(f"kit.scale.{i}", lang) for i in range(SCALE_MIN, SCALE_MAX + 1))

