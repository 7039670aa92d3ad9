"""Recognising the survey kit's own kinds of question in any platform's export.

Besides the usual name generators (advice, trust, weekly collaboration), the
kit (:mod:`ona.io.kit`) asks three kinds of question that need their own
reading:

* **perception** — "Who do you think comes to you for advice?" names the
  people the respondent *believes* send them a tie. Its answers are not ties
  of the respondent: they are one slice of a cognitive social structure
  (Krackhardt 1987), kept apart as ``net.perceived_ties`` with the columns
  :data:`PERCEIVED_COLUMNS` (``perceiver`` believes ``source`` -> ``target``
  in ``relation``; here ``target`` is the perceiver). While a survey is read,
  such a question carries the relation ``perceived_<relation>``
  (:func:`perceived_relation`).
* **dependency** — "Which departments do you depend on?" gives the relation
  ``depends_on`` to a group-level question; :func:`ona.io.expected.expected_from_group_ties`
  turns its answers into expected pairs.
* **conditions** — a Likert grid per declared collaboration with the five
  conditions' statements (:mod:`ona.io.kit.conditions`). Each column is
  recognised by its statement (in Dutch or English, also with the
  collaboration's name in front, as Microsoft Forms needs) or by its item
  code; the collaboration comes from the quoted name in the question text
  (``Samenwerking “Omgevingswet”: ...``) or from the statement's prefix
  (``Omgevingswet: ...``). Answers become ``net.conditions`` with the columns
  :data:`CONDITION_COLUMNS`.

The survey readers call :func:`kit_relation` and :func:`conditions_item` while
they classify questions; nothing here reads files. This module imports no
survey reader, so the readers can import it.

>>> kit_relation("Wie komen volgens jou bij jou voor advies over hun werk?")
'perceived_advice'
>>> kit_relation("Bij wie ga je voor advies over je werk?") is None
True
>>> conditions_item("Samenwerking “Omgevingswet”: in hoeverre ben je het eens met deze uitspraken?",
...                 "Lusten en lasten van deze samenwerking zijn eerlijk verdeeld.")
('Omgevingswet', 'INT3')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

from ona.i18n import LANGUAGES
from ona.io.kit.conditions import ITEM_CONDITION, ITEMS, SCALE_MAX, SCALE_MIN, item_text

__all__ = [
    "CONDITION_COLUMNS",
    "DEPENDS_ON",
    "PERCEIVED_COLUMNS",
    "PERCEIVED_PREFIX",
    "actual_relation",
    "conditions_item",
    "is_conditions_block",
    "is_perceived",
    "kit_relation",
    "perceived_relation",
    "split_perceived",
    "valid_score",
]

#: Columns of ``net.perceived_ties``: `perceiver` believes that `source` sends `target` a tie in `relation`.
PERCEIVED_COLUMNS = ("perceiver", "source", "target", "relation")
#: Columns of ``net.conditions``: one agreement score (1-5) per respondent, collaboration and statement.
CONDITION_COLUMNS = ("respondent", "collaboration", "condition", "item", "score")
#: Prefix of the relation a perception question carries while a survey is read.
PERCEIVED_PREFIX = "perceived_"
#: Relation of a question about the groups one depends on.
DEPENDS_ON = "depends_on"

_BELIEF = re.compile(
    r"\b(?:volgens (?:jou|u|jij)|denk (?:je|jij)|denkt u|verwacht (?:je|jij)|verwacht u|"
    r"(?:do |would )?you think|do you believe|you believe|in your view|would you say|you expect)\b"
)
_TO_YOU = re.compile(r"\b(?:bij|met|naar|aan) (?:jou|u)\b|\b(?:to|with) you\b")
_ADVICE = re.compile(r"advie?[sz]|advis|\badvice\b|\braad\b|\bhulp\b|\bhelp\b|expertise")
_TRUST = re.compile(r"vertrouw|gevoelig|vertrouwelijk|\btrust|sensitive|confide|persoonlijke")
_DEPENDS = re.compile(r"\bafhankelijk\b|\bdepend(?:s|ent)? on\b|\brely on\b|\bafhangt? van\b")
_QUOTED = re.compile(r"[“\"'‘«„]([^“”\"'‘’«»„]{1,80})[”\"'’»“]")
_PREFIXED = re.compile(r"\s*(?P<name>[^:]{1,80}?)\s*[:–]\s+(?P<statement>.+)", re.S)
_CODE = re.compile(r"[A-Za-z]{3}\d")


def _fold(text: object) -> str:
    value = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", value).split())


def perceived_relation(relation: str) -> str:
    """The relation name a perception question about `relation` carries while a survey is read.

    >>> perceived_relation("trust")
    'perceived_trust'
    """
    return PERCEIVED_PREFIX + relation


def is_perceived(relation: object) -> bool:
    """Whether a relation name is that of a perception question.

    >>> is_perceived("perceived_advice"), is_perceived("advice"), is_perceived(None)
    (True, False, False)
    """
    return isinstance(relation, str) and relation.startswith(PERCEIVED_PREFIX) and len(relation) > len(PERCEIVED_PREFIX)


def actual_relation(relation: str) -> str:
    """The relation a perception relation is about (``perceived_advice`` -> ``advice``); others unchanged.

    >>> actual_relation("perceived_advice"), actual_relation("trust")
    ('advice', 'trust')
    """
    return relation[len(PERCEIVED_PREFIX):] if is_perceived(relation) else relation


def kit_relation(text: str) -> str | None:
    """The relation of a perception or dependency question, or None for any other question.

    A perception question asks whom the respondent *believes* comes to them
    ("Wie komen volgens jou bij jou voor advies?", "Who do you think would
    discuss a sensitive work matter with you?"); a dependency question asks
    which groups one depends on.

    >>> kit_relation("Who do you think would discuss a sensitive work matter with you?")
    'perceived_trust'
    >>> kit_relation("Van welke afdelingen ben je voor je werk afhankelijk?")
    'depends_on'
    >>> kit_relation("Met wie zou je een gevoelige werkkwestie bespreken?") is None
    True
    """
    norm = _fold(text)
    if not norm:
        return None
    if _BELIEF.search(norm) and _TO_YOU.search(norm):
        advice, trust = bool(_ADVICE.search(norm)), bool(_TRUST.search(norm))
        if advice != trust:
            return perceived_relation("advice" if advice else "trust")
        return None
    if _DEPENDS.search(norm):
        return DEPENDS_ON
    return None


@lru_cache(maxsize=1)
def _statements() -> dict[str, str]:
    """Folded statement text (every language) -> item code."""
    return {_fold(item_text(code, lang)): code for codes in ITEMS.values() for code in codes for lang in LANGUAGES}


def _item_of(text: str) -> tuple[str, str] | None:
    """(prefix, code) for a statement, a statement with a ``Name: `` prefix, or a bare item code."""
    text = str(text).strip()
    if not text:
        return None
    code = text.upper()
    if _CODE.fullmatch(code) and code in ITEM_CONDITION:
        return "", code
    statements = _statements()
    found = statements.get(_fold(text))
    if found:
        return "", found
    m = _PREFIXED.fullmatch(text)
    if m:
        found = statements.get(_fold(m.group("statement")))
        if found:
            return m.group("name").strip().strip("“”\"'‘’«»„"), found
    return None


def conditions_item(text: str, label: str = "", header: str = "") -> tuple[str, str] | None:
    """(collaboration, item code) of one answer column of a five-conditions grid, or None.

    Parameters
    ----------
    text : str
        The question text (``Samenwerking “Omgevingswet”: in hoeverre ...``).
    label : str, optional
        The column's statement (grid row), if the export splits it off.
    header : str, optional
        The whole column header, tried when `label` is empty (Microsoft Forms
        exports a Likert statement as the header only).

    Returns
    -------
    tuple or None
        The collaboration's name — quoted in the question text, else the
        statement's prefix, else ``""`` when neither names it (a code-only
        export without its structure file) — and the item code.

    Examples
    --------
    >>> conditions_item("", "", "Omgevingswet: The benefits and burdens of this collaboration are shared fairly.")
    ('Omgevingswet', 'INT3')
    >>> conditions_item("Bij wie ga je voor advies?", "Persoon 1") is None
    True
    """
    found = None
    for candidate in (label, header if not label else "", text if not label else ""):
        found = _item_of(candidate) if candidate else None
        if found:
            break
    if found is None:
        return None
    prefix, code = found
    quoted = _QUOTED.search(str(text or ""))
    name = quoted.group(1).strip() if quoted else prefix
    if not name and text and _item_of(text) is None:
        name = _strip_frame(str(text))
    return name, code


def _strip_frame(text: str) -> str:
    """A question text without the kit's frame words, as a last resort for the collaboration's name."""
    text = re.split(r"[:?]", text, maxsplit=1)[0]
    text = re.sub(r"(?i)^\s*(?:de\s+)?(?:samenwerking|collaboration)\s+", "", text)
    return text.strip(" “”\"'‘’«»„")


def is_conditions_block(parts: list[tuple[str, str, str]]) -> bool:
    """Whether every column of a question block — ``(text, label, header)`` each — is a conditions statement.

    >>> is_conditions_block([("Samenwerking “X”: eens?", "AMB1", "x[AMB1]"), ("Samenwerking “X”: eens?", "PRO2", "x[PRO2]")])
    True
    >>> is_conditions_block([("Hoe vaak?", "HR", "Hoe vaak? [HR]")])
    False
    """
    return bool(parts) and all(conditions_item(text, label, header) is not None for text, label, header in parts)


def valid_score(value: float | None) -> bool:
    """Whether `value` is a score on the agreement scale (1 to 5).

    >>> valid_score(4.0), valid_score(0), valid_score(None)
    (True, False, False)
    """
    return value is not None and SCALE_MIN <= value <= SCALE_MAX


def split_perceived(ties: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a tie table (``source, target, relation, ...``) into real ties and perceived ties.

    A perception answer "respondent *k* thinks *j* comes to them" is read as
    the tie ``k -> j`` in ``perceived_<relation>``; it becomes the perceived
    tie ``j -> k`` seen by ``k``.

    >>> ties = pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"],
    ...                      "relation": ["advice", "perceived_advice"], "weight": [1.0, 1.0]})
    >>> real, perceived = split_perceived(ties)
    >>> real["relation"].tolist(), perceived.values.tolist()
    (['advice'], [['a', 'c', 'a', 'advice']])
    """
    mask = ties["relation"].map(is_perceived).astype(bool) if len(ties) else pd.Series(False, index=ties.index)
    part = ties.loc[mask]
    perceived = pd.DataFrame({
        "perceiver": part["source"].astype(str),
        "source": part["target"].astype(str),
        "target": part["source"].astype(str),
        "relation": part["relation"].map(actual_relation).astype(str),
    }, columns=list(PERCEIVED_COLUMNS)).reset_index(drop=True)
    return ties.loc[~mask].reset_index(drop=True), perceived
