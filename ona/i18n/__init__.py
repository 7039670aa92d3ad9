"""Every text the app shows, in Dutch and English, and the choice of language.

:func:`t` looks a text up by key and fills in its ``{placeholders}``;
:func:`preferred_language` picks Dutch or English from what the browser asks
for, and :func:`number` / :func:`percent` write figures the way each language
does (1.298 in Dutch, 1,298 in English); :func:`count` puts a count before
a word in the singular or plural ("1 tie", "2 ties"). Keys are grouped by
prefix: ``app.`` (frame and sidebar), ``start.``, ``overview.``, ``network.``,
``groups.``, ``people.``, ``change.``, ``export.`` and ``workspace.`` (pages), ``field.`` (person and
group attributes), ``metric.`` (measures per person), ``summary.``
(whole-network figures), ``relation.`` (usual relation names), ``issue.``
(ingest-report kinds, see :data:`ona.report.ISSUE_KINDS`), ``severity.``,
``common.`` and ``render.`` (the drawings).

>>> t("overview.people", "nl")
'Mensen'
>>> t("start.uploaded", "en", people=12, ties=30)
'Read 12 people and 30 ties.'
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
import string
from decimal import ROUND_HALF_UP, Decimal

from ona.i18n import texts

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "SHOWN_CHARS",
    "STRINGS",
    "COUNT_WORDS",
    "count",
    "grouping_words",
    "number",
    "percent",
    "placeholders",
    "preferred_language",
    "relation_label",
    "render",
    "shorten",
    "t",
]

#: Supported languages, Dutch first.
LANGUAGES = ("nl", "en")
#: Language used when the browser asks for neither Dutch nor English.
DEFAULT_LANGUAGE = "en"
#: How each language calls itself (for the language switch).
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

def _load_catalogues() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, tuple[str, str]]]]:
    """Merge the ``STRINGS`` and ``COUNT_WORDS`` of every module in :mod:`ona.i18n.texts` (a key once only)."""
    strings: dict[str, dict[str, str]] = {}
    words: dict[str, dict[str, tuple[str, str]]] = {}
    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        for target, name in ((strings, "STRINGS"), (words, "COUNT_WORDS")):
            part = getattr(module, name, {})
            twice = sorted(set(target) & set(part))
            if twice:
                raise RuntimeError(f"ona.i18n.texts.{info.name} defines {twice[:3]} again; a key may be defined once")
            target.update(part)
    return strings, words


#: key -> {language -> text}, from every catalogue in :mod:`ona.i18n.texts`. Placeholders use str.format syntax.
#: Words that follow a count: word -> {language -> (singular, plural)}; see :func:`count`.
STRINGS, COUNT_WORDS = _load_catalogues()



def grouping_words(grouping: str, lang: str = DEFAULT_LANGUAGE, /) -> dict[str, str]:
    """The words of a grouping for texts that name it: ``{unit}``, ``{units}``, ``{Unit}``, ``{Units}``.

    A grouping without words of its own (``cost_centre``) is called "group".

    >>> grouping_words("department", "nl")["Units"], grouping_words("team", "en")["unit"]
    ('Afdelingen', 'team')
    >>> grouping_words("cost_centre", "nl")["units"]
    'groepen'
    """
    one, many = (COUNT_WORDS.get(f"unit.{grouping}") or COUNT_WORDS["unit.group"])[lang]
    return {"unit": one, "units": many, "Unit": one[:1].upper() + one[1:], "Units": many[:1].upper() + many[1:]}


_PLACEHOLDER = string.Formatter()
#: Thousands and decimal separators per language.
_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The text for `key` in `lang`, with ``{placeholders}`` filled from `values`.

    Parameters
    ----------
    key : str
        A key of :data:`STRINGS`.
    lang : {"nl", "en"}, optional
        Any other language falls back to :data:`DEFAULT_LANGUAGE`.
    **values
        Values for the placeholders.

    Raises
    ------
    KeyError
        If `key` is unknown (a programming error, so not an OnaError).

    Examples
    --------
    >>> t("groups.pair.none", "nl", a="HR", b="IT")
    'Geen enkele band tussen HR en IT: zij werken naast elkaar.'
    """
    try:
        texts = STRINGS[key]
    except KeyError:
        raise KeyError(f"No UI text with key {key!r}; add it to ona.i18n.STRINGS in both languages.") from None
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


#: Longest piece of user text (a cell, a name, a question) quoted in a message; longer text is shortened.
SHOWN_CHARS = 80


def shorten(text: object, width: int = SHOWN_CHARS) -> str:
    r"""User text for a message: on one line and at most `width` characters, with an ellipsis.

    >>> shorten("Bij wie ga je\nvoor advies?"), shorten("x" * 100, 10)
    ('Bij wie ga je voor advies?', 'xxxxxxxxx…')
    """
    value = " ".join(str(text).split())
    return value if len(value) <= width else value[: width - 1].rstrip() + "…"


def render(key: str, lang: str = DEFAULT_LANGUAGE, params: dict[str, object] | None = None) -> str:
    """:func:`t` with values that are themselves said in `lang`.

    How a value is shown depends on its placeholder's name: ``relation``
    (and names ending in ``_relation``) is a relation name
    (:func:`relation_label`); a value with a catalogue entry
    ``ingest.<name>.<value>`` (``kind``, ``method``, ``purpose``) is that entry;
    whole numbers are written as :func:`number` does; lists are joined with
    commas; other text is shortened to :data:`SHOWN_CHARS` characters
    (:func:`shorten`).

    >>> render("error.row", "nl", {"row": 1671})
    'rij 1.671'
    """
    values = {}
    for name, value in (params or {}).items():
        values[name] = _localise(name, value, lang)
    return t(key, lang, **values)


def _localise(name: str, value: object, lang: str) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        return number(value, lang, 0 if value.is_integer() else 2)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_localise(name, v, lang)) for v in value)
    if value is None:
        return "—"
    if name == "relation" or name.endswith("_relation"):
        return relation_label(str(value), lang)
    if name == "attribute" and f"field.{value}" in STRINGS:  # a roster column: "afdeling"
        return t(f"field.{value}", lang).lower()
    if f"ingest.{name}.{value}" in STRINGS:  # a word from a closed list: kind, method, purpose
        return t(f"ingest.{name}.{value}", lang)
    return shorten(value, 5 * SHOWN_CHARS if name in _LISTS else SHOWN_CHARS)


#: Placeholders that hold a list ona wrote itself (a scale's mapping, candidates, columns): shortened later.
_LISTS = frozenset({"mapping", "candidates", "columns", "forms", "sheets", "examples", "others", "header", "groups"})


def relation_label(relation: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A relation's usual name in `lang` (``advice`` -> ``advies``); other relation names are kept as written.

    >>> relation_label("trust", "nl"), relation_label("Wekelijks overleg", "nl")
    ('vertrouwen', 'Wekelijks overleg')
    """
    texts = STRINGS.get(f"relation.{relation}")
    return (texts.get(lang) or texts[DEFAULT_LANGUAGE]) if texts else relation


def count(n: int, word: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """`n` followed by `word` in the singular for exactly one, the plural otherwise (both languages).

    Dutch and English agree here: the singular goes with 1 only ("1 band",
    "0 banden", "2 banden"). The number is written as :func:`number` does.

    Raises
    ------
    KeyError
        If `word` is not in :data:`COUNT_WORDS` (a programming error).

    Examples
    --------
    >>> count(1, "tie", "en"), count(2, "tie", "en"), count(0, "tie", "nl"), count(1, "tie", "nl")
    ('1 tie', '2 ties', '0 banden', '1 band')
    >>> count(1298, "person", "nl"), count(1, "person", "en")
    ('1.298 mensen', '1 person')
    """
    try:
        forms = COUNT_WORDS[word]
    except KeyError:
        raise KeyError(f"No count word {word!r}; add it to ona.i18n.COUNT_WORDS in both languages.") from None
    singular, plural = forms.get(lang) or forms[DEFAULT_LANGUAGE]
    return f"{number(n, lang)} {singular if n == 1 else plural}"


def number(value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0, *, trim: bool = False) -> str:
    """`value` as people write it in `lang`: the one number formatter of ona.

    Thousands and decimal separators follow the language (``1.234,5`` in
    Dutch, ``1,234.5`` in English), halves round up as people expect (5.05
    gives 5.1, not to even), and a negative number gets a real minus sign
    (U+2212). With `trim`, a whole number is written without decimals
    (``3`` rather than ``3,0``). A missing or infinite value is ``?``.

    >>> number(1298, "nl"), number(1298, "en"), number(-0.9231, "nl", 2)
    ('1.298', '1,298', '−0,92')
    >>> number(1234.55, "nl", 1), number(2.25, "en", 1), number(3.0, "nl", 1, trim=True), number(None, "en")
    ('1.234,6', '2.3', '3', '?')
    """
    if value is None:
        return "?"
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(x):
        return "?"
    digits = max(0, int(digits))
    rounded = Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if trim and rounded == rounded.to_integral_value():
        digits = 0
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS[DEFAULT_LANGUAGE])
    text = f"{abs(rounded):,.{digits}f}"
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    return ("\u2212" if rounded < 0 else "") + text


def percent(share: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """A share as a percentage in the style of `lang` (``?`` when unknown).

    >>> percent(0.848, "nl"), percent(0.848, "en", 1), percent(None, "nl")
    ('85%', '84.8%', '?')
    """
    if share is None or not math.isfinite(float(share)):
        return "?"
    return number(100 * float(share), lang, digits) + "%"


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in `text` (used to check that translations agree).

    >>> sorted(placeholders("{a} and {b}"))
    ['a', 'b']
    """
    return {name for _, name, _, _ in _PLACEHOLDER.parse(text) if name}


_LANGUAGE_RANGE = re.compile(r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def preferred_language(locale: str | None = None, accept_language: str | None = None) -> str:
    """Dutch or English, from the browser's language (``navigator.language``) or its Accept-Language header.

    The browser's own language wins; otherwise the Accept-Language header is
    read by quality value (RFC 9110, section 12.5.4) and the first supported
    language is taken. Anything else gives :data:`DEFAULT_LANGUAGE`.

    Examples
    --------
    >>> preferred_language("nl-NL")
    'nl'
    >>> preferred_language(None, "de-DE,de;q=0.9,nl;q=0.8,en;q=0.7")
    'nl'
    >>> preferred_language("fr-FR", "fr")
    'en'
    """
    if locale:
        base = locale.split("-")[0].split("_")[0].strip().lower()
        if base in LANGUAGES:
            return base
    if accept_language:
        ranked = []
        for position, item in enumerate(accept_language.split(",")):
            match = _LANGUAGE_RANGE.match(item)
            if not match:
                continue
            try:
                quality = float(match.group(2)) if match.group(2) else 1.0
            except ValueError:
                continue
            ranked.append((-quality, position, match.group(1).lower()))
        for negative_quality, _, language in sorted(ranked):
            if language in LANGUAGES and negative_quality < 0:
                return language
    return DEFAULT_LANGUAGE
