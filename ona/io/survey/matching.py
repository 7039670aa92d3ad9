r"""Matching names as people type them to a staff roster.

Survey respondents type colleagues' names in every way imaginable: lower case,
"Achternaam, Voornaam", without diacritics, "vd" for "van der", only a first
name, with a typo. This module turns such text into roster ids, and it never
guesses: a name that fits several people goes to a review list with its
candidates, and a name that fits nobody is kept as unmatched.

The rules, applied in this order (the first that decides wins):

1. **Id or e-mail**, compared case-insensitively (``E0141``, ``Jan.deVries@...``).
2. **Exact after normalisation**: case, diacritics, punctuation and spacing are
   ignored, "Achternaam, Voornaam" is turned around, words in brackets are
   set aside as a hint (``"Iris de Vries (HR)"``).
3. **Tussenvoegsels loosened**: "van de", "van der", "van den", "vd", "v.d."
   are one form, so are "'t" and "het".
4. **A hint** in brackets or after a dash (department, team, location or role)
   picks one person out of several with the same name; a hint that fits
   nobody with that name sends it to review ("Henk Bos (wethouder)" when the
   roster's Henk Bos is no wethouder).
5. **One word** (a bare first name or surname) is accepted only if exactly one
   person has it; **an initial plus surname** (``"P. van der Meer"``) likewise.
6. **Fuzzy**: the normalised similarity of Levenshtein's indel distance
   (rapidfuzz's ``fuzz.ratio``, 0-100) [1]_, also on the loosened form and
   with word order ignored. The best candidate is accepted if it scores at
   least `accept` *and* beats every other person by at least `margin` points;
   candidates from `review` upwards go to review; below that the name is
   unmatched.

.. math:: \mathrm{ratio}(a, b) = 100 \left(1 - \frac{d_{\mathrm{indel}}(a, b)}{|a| + |b|}\right)

References
----------
.. [1] Levenshtein, Vladimir I. 1966. "Binary Codes Capable of Correcting
   Deletions, Insertions, and Reversals." Soviet Physics Doklady 10 (8): 707-10.
   See also Navarro, Gonzalo. 2001. "A Guided Tour to Approximate String
   Matching." ACM Computing Surveys 33 (1): 31-88. https://doi.org/10.1145/375360.375365
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ona.io.ties import PersonIndex

__all__ = [
    "ACCEPT",
    "MARGIN",
    "NameMatch",
    "NameMatcher",
    "NameParts",
    "REVIEW",
    "Resolutions",
    "TUSSENVOEGSELS",
    "name_parts",
    "normalise_name",
    "normalise_text",
    "split_names",
    "split_options",
]

#: Lowest fuzzy score (0-100) at which a unique best candidate is accepted.
ACCEPT = 85.0
#: How many points the accepted candidate must beat every other person by.
MARGIN = 8.0
#: Lowest fuzzy score at which a candidate is shown for review.
REVIEW = 72.0

#: Dutch (and a few other) surname prefixes, as single words after normalisation.
TUSSENVOEGSELS = frozenset(
    "van de der den het t te ten ter in op aan bij onder uit voor over vd vander vanden "
    "von zu la le les du da das dos di del della d l s".split()
)
_LOOSE_GROUPS = (
    (("van", "der"), "vd"), (("van", "den"), "vd"), (("van", "de"), "vd"), (("vander",), "vd"),
    (("vanden",), "vd"), (("vande",), "vd"), (("v", "d"), "vd"), (("vd",), "vd"), (("het",), "t"),
)


def normalise_text(text: object) -> str:
    """Lower case, no diacritics, punctuation as spaces, single spaces.

    >>> normalise_text("  Zoë  O'Neill-Özdemir ")
    'zoe o neill ozdemir'
    """
    value = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    value = value.lower().replace("&", " en ")
    value = re.sub(r"[^a-z0-9@]+", " ", value)
    return " ".join(value.split())


@dataclass(frozen=True)
class NameParts:
    """A name split the Dutch way: given name(s), tussenvoegsel and surname.

    Attributes
    ----------
    given : str
        Given name(s) or an initial; empty when only a surname was written.
    infix : str
        The tussenvoegsel (``"van der"``; ``"vd"`` for an abbreviation).
    surname : str
        The rest of the name.
    hint : str
        Text in brackets or after " - ", e.g. a department.
    """

    given: str
    infix: str
    surname: str
    hint: str = ""

    @property
    def tokens(self) -> list[str]:
        return [t for part in (self.given, self.infix, self.surname) for t in part.split()]

    @property
    def full(self) -> str:
        """Given, infix and surname as one normalised string."""
        return " ".join(self.tokens)

    @property
    def compact(self) -> str:
        """:attr:`full` without spaces: ``"irisdevries"``."""
        return "".join(self.tokens)

    @property
    def loose(self) -> str:
        """:attr:`compact` with "van der"/"van den"/"van de"/"vd" as one form."""
        return "".join(_loosen(self.tokens))

    @property
    def family(self) -> str:
        """Tussenvoegsel and surname, loosened: ``"vdmeer"``."""
        return "".join(_loosen([*self.infix.split(), *self.surname.split()]))

    @property
    def is_initial(self) -> bool:
        return len(self.given) == 1 and bool(self.surname)

    @property
    def single_word(self) -> str | None:
        """The word when only one name part was written (a bare first name or surname)."""
        if self.given and not self.surname and " " not in self.given:
            return self.given
        if not self.given and self.surname:
            return self.family
        return None


def _loosen(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for group, replacement in _LOOSE_GROUPS:
            if tuple(tokens[i : i + len(group)]) == group:
                out.append(replacement)
                i += len(group)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def name_parts(text: object) -> NameParts:
    """Split a written name into :class:`NameParts`, reversing "Achternaam, Voornaam".

    >>> name_parts("Vries, Iris de")
    NameParts(given='iris', infix='de', surname='vries', hint='')
    >>> name_parts("de Vries, Iris")
    NameParts(given='iris', infix='de', surname='vries', hint='')
    >>> name_parts("P. v.d. Meer (Financiën)")
    NameParts(given='p', infix='vd', surname='meer', hint='financien')
    >>> name_parts("jan")
    NameParts(given='jan', infix='', surname='', hint='')
    >>> name_parts("T. Kok"), name_parts("V. van Veen").infix
    (NameParts(given='t', infix='', surname='kok', hint=''), 'van')
    """
    raw = str(text).strip()
    hints = re.findall(r"\(([^)]*)\)|\[([^\]]*)\]", raw)
    hint_text = " ".join(a or b for a, b in hints)
    raw = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", raw)
    dash = re.split(r"\s+[-–—/]\s+", raw, maxsplit=1)
    if len(dash) == 2:
        raw, extra = dash
        hint_text = f"{hint_text} {extra}"
    if raw.count(",") == 1:
        last, first = raw.split(",")
        raw = f"{first} {last}"
    raw = re.sub(r"(?i)\bv\s*[./]\s*d\s*\.?(?=\s|$)", " vd ", raw)  # v.d. / v/d / v.d
    initial = re.match(r"\s*([^\W\d_])\.(?:\s*[^\W\d_]\.)*\s+(?=\S)", raw)  # "P. van der Meer", "P.J. de Vries"
    if initial:
        raw = raw[initial.end():]
    raw = re.sub(r"(?i)\bv\.\s", " van ", raw)
    raw = re.sub(r"(?i)(^|\s)'t(?=\s)", r"\1t", raw)
    tokens = normalise_text(raw).replace("@", " ").split()
    hint = normalise_text(hint_text)
    if not tokens:
        return NameParts("", "", "", hint)
    if initial:
        letter = normalise_text(initial.group(1))
        lead = 0
        while lead < len(tokens) - 1 and tokens[lead] in TUSSENVOEGSELS:
            lead += 1
        return NameParts(letter, " ".join(tokens[:lead]), " ".join(tokens[lead:]), hint)
    if tokens[0] in TUSSENVOEGSELS:
        lead = 0
        while lead < len(tokens) and tokens[lead] in TUSSENVOEGSELS:
            lead += 1
        rest = tokens[lead:]
        if len(rest) >= 2:  # "de Vries Iris": surname first, given name last
            return NameParts(rest[-1], " ".join(tokens[:lead]), " ".join(rest[:-1]), hint)
        if rest:
            return NameParts("", " ".join(tokens[:lead]), rest[0], hint)
        return NameParts(" ".join(tokens), "", "", hint)
    first_infix = next((i for i, t in enumerate(tokens) if i > 0 and t in TUSSENVOEGSELS), None)
    if first_infix is not None:
        end = first_infix
        while end < len(tokens) and tokens[end] in TUSSENVOEGSELS:
            end += 1
        if end < len(tokens):
            return NameParts(" ".join(tokens[:first_infix]), " ".join(tokens[first_infix:end]),
                             " ".join(tokens[end:]), hint)
        # the name ends in what looks like a tussenvoegsel ("Anne Ter"): treat it as the surname
        return NameParts(" ".join(tokens[:first_infix]), " ".join(tokens[first_infix:-1]), tokens[-1], hint)
    if len(tokens) == 1:
        return NameParts(tokens[0], "", "", hint)
    return NameParts(" ".join(tokens[:-1]), "", tokens[-1], hint)


def normalise_name(text: object) -> str:
    """A name in one canonical form: lower case, no diacritics, given name first.

    >>> normalise_name("VRIES, Iris  de")
    'iris de vries'
    >>> normalise_name("José van 't Hek")
    'jose van t hek'
    """
    return name_parts(text).full


@dataclass(frozen=True)
class NameMatch:
    """The outcome of matching one written name.

    Attributes
    ----------
    text : str
        The name as written.
    status : str
        ``"matched"``, ``"review"`` (several candidates; never guessed) or
        ``"unmatched"`` (nobody on the roster fits).
    person : str or None
        The roster id when matched.
    method : str
        How it was decided: ``"id"``, ``"email"``, ``"exact"``,
        ``"tussenvoegsel"``, ``"hint"``, ``"single name"``, ``"initial"``,
        ``"fuzzy"``, ``"resolution"`` (or ``""`` when not matched).
    score : float
        Similarity 0-100 of the chosen or best candidate.
    candidates : tuple of (id, name, score)
        For review: the people it might be, best first. For unmatched names:
        the closest people, as a suggestion.
    """

    text: str
    status: str
    person: str | None = None
    method: str = ""
    score: float = 0.0
    candidates: tuple[tuple[str, str, float], ...] = ()

    @property
    def approximate(self) -> bool:
        """True for accepted matches that were not exact (worth a line in the report)."""
        return self.status == "matched" and self.method in {"single name", "initial", "fuzzy"}


@dataclass
class NameMatcher:
    """Match written names to the people of a roster (see the module docstring for the rules).

    Parameters
    ----------
    roster : pandas.DataFrame
        Indexed by id, with a ``name`` column; ``email``, ``department``,
        ``team``, ``location`` and ``role`` are used when present.
    accept, margin, review : float
        Fuzzy thresholds on the 0-100 scale; see :data:`ACCEPT`,
        :data:`MARGIN`, :data:`REVIEW`.

    Examples
    --------
    >>> roster = pd.DataFrame(
    ...     {"name": ["Iris de Vries", "Iris de Vries", "Pieter van der Meer", "Jan Bos", "Jan Smit"],
    ...      "department": ["Jeugd", "HR", "Financien", "HR", "ICT"]},
    ...     index=pd.Index(["a", "b", "c", "d", "e"], name="id"))
    >>> m = NameMatcher(roster)
    >>> m.match("meer, pieter vd").person, m.match("Pieter van der Meerr").method
    ('c', 'fuzzy')
    >>> m.match("Iris de Vries").status, [c[0] for c in m.match("Iris de Vries").candidates]
    ('review', ['a', 'b'])
    >>> m.match("Iris de Vries (HR)").person
    'b'
    >>> m.match("Jan").status, m.match("Smit").person, m.match("Kees Koster").status
    ('review', 'e', 'unmatched')
    >>> m.match("Jan Smit (ICT)").person, m.match("Jan Smit (wethouder)").status
    ('e', 'review')
    """

    roster: pd.DataFrame
    accept: float = ACCEPT
    margin: float = MARGIN
    review: float = REVIEW
    _cache: dict[str, NameMatch] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        frame = self.roster
        self._people = PersonIndex(frame)
        self._ids: list[str] = [str(i) for i in frame.index]
        names = frame["name"] if "name" in frame.columns else pd.Series(None, index=frame.index)
        self._names: list[str] = [str(n) if isinstance(n, str) and n.strip() else "" for n in names]
        self._parts: list[NameParts] = [name_parts(n) for n in self._names]
        self._compact = np.array([p.compact for p in self._parts], dtype=object)
        self._loose = np.array([p.loose for p in self._parts], dtype=object)
        self._full = np.array([p.full for p in self._parts], dtype=object)
        self._by: dict[str, dict[str, list[int]]] = {k: defaultdict(list) for k in ("compact", "loose", "word")}
        for i, p in enumerate(self._parts):
            if not p.compact:
                continue
            self._by["compact"][p.compact].append(i)
            self._by["loose"][p.loose].append(i)
            words = {p.given.split()[0]} if p.given else set()
            if p.surname:
                words |= {p.family, "".join(p.surname.split())}
            for w in words:
                self._by["word"][w].append(i)
        context_columns = [c for c in ("department", "team", "location", "role") if c in frame.columns]
        self._context: list[list[str]] = [
            [normalise_text(v) for v in row if isinstance(v, str) and v.strip()]
            for row in frame[context_columns].itertuples(index=False)
        ] if context_columns else [[] for _ in range(len(frame))]
        label_columns = [c for c in ("department", "team") if c in frame.columns]
        self._label: list[str] = [
            " / ".join(str(v) for v in row if isinstance(v, str) and v.strip())
            for row in frame[label_columns].itertuples(index=False)
        ] if label_columns else [""] * len(frame)
        self._position: dict[str, int] = {pid: i for i, pid in enumerate(self._ids)}

    # -- public ---------------------------------------------------------------------------

    def match(self, text: object) -> NameMatch:
        """Match one written name (results are cached per text)."""
        key = str(text).strip()
        if key not in self._cache:
            self._cache[key] = self._match(key)
        return self._cache[key]

    def describe(self, person: str) -> str:
        """``"Iris de Vries (Sociaal Domein / Jeugd)"`` for an id, to show candidates."""
        i = self._position.get(person)
        if i is None:
            return person
        label = f" ({self._label[i]})" if self._label[i] else ""
        return f"{self._names[i] or person}{label}"

    def name_of(self, person: str) -> str:
        """The roster name of an id (or the id itself)."""
        i = self._position.get(person)
        return person if i is None else (self._names[i] or person)

    def lookup(self, value: object) -> str | None:
        """An id for an id or e-mail (case-insensitive), or None."""
        return self._people.lookup(value)

    # -- rules ----------------------------------------------------------------------------

    def _match(self, text: str) -> NameMatch:
        if not text:
            return NameMatch(text, "unmatched")
        pid = self._people.lookup(text)
        if pid is not None:
            return NameMatch(text, "matched", pid, "email" if "@" in text else "id", 100.0)
        if "@" in text:
            return NameMatch(text, "unmatched", method="", candidates=())
        parts = name_parts(text)
        if not parts.compact:
            return NameMatch(text, "unmatched")
        for method, index in (("exact", self._by["compact"].get(parts.compact)),
                              ("tussenvoegsel", self._by["loose"].get(parts.loose))):
            if index:
                return self._decide(text, parts, index, method, 100.0)
        word = parts.single_word
        if word is not None:
            return self._match_word(text, parts, word)
        if parts.is_initial:
            index = [i for i, p in enumerate(self._parts)
                     if p.given.startswith(parts.given) and p.family == parts.family]
            if index:
                return self._decide(text, parts, index, "initial", 100.0)
        return self._match_fuzzy(text, parts)

    def _accept(self, text: str, parts: NameParts, i: int, method: str, score: float) -> NameMatch:
        """Accept person `i`, unless a hint in brackets fits nobody like them ("Henk Bos (wethouder)")."""
        if parts.hint and not self._by_hint(parts.hint, [i]):
            return NameMatch(text, "review", None, "", score, (self._candidate(i, score),))
        return NameMatch(text, "matched", self._ids[i], method, score)

    def _decide(self, text: str, parts: NameParts, index: list[int], method: str, score: float) -> NameMatch:
        index = sorted(set(index))
        if len(index) == 1:
            return self._accept(text, parts, index[0], method, score)
        narrowed = self._by_hint(parts.hint, index)
        if len(narrowed) == 1:
            return NameMatch(text, "matched", self._ids[narrowed[0]], "hint", score)
        return NameMatch(text, "review", None, "", score, tuple(self._candidate(i, score) for i in index))

    def _match_word(self, text: str, parts: NameParts, word: str) -> NameMatch:
        index = self._by["word"].get(word)
        if index:
            decided = self._decide(text, parts, index, "single name", 100.0)
            return decided
        words = list(self._by["word"])
        hits = process.extract(word, words, scorer=fuzz.ratio, score_cutoff=self.review, limit=None)
        if not hits:
            return NameMatch(text, "unmatched")
        best: dict[int, float] = {}
        for w, score, _ in hits:
            for i in self._by["word"][w]:
                best[i] = max(best.get(i, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        candidates = tuple(self._candidate(i, s) for i, s in ranked[:8])
        return NameMatch(text, "review", None, "", candidates[0][2], candidates)

    def _match_fuzzy(self, text: str, parts: NameParts) -> NameMatch:
        cutoff = 60  # lower scores are never shown, so rapidfuzz may skip them
        scores = np.maximum.reduce([
            process.cdist([parts.compact], self._compact, scorer=fuzz.ratio, score_cutoff=cutoff)[0],
            process.cdist([parts.loose], self._loose, scorer=fuzz.ratio, score_cutoff=cutoff)[0],
            process.cdist([parts.full], self._full, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)[0],
        ]).astype(float)
        if parts.is_initial:  # an initial only fits people whose given name starts with it
            mask = np.array([p.given.startswith(parts.given) for p in self._parts])
            scores = np.where(mask, scores, 0.0)
        order = np.argsort(-scores, kind="stable")
        best = float(scores[order[0]]) if len(order) else 0.0
        second = float(scores[order[1]]) if len(order) > 1 else 0.0
        if best >= self.accept and best - second >= self.margin:
            return self._accept(text, parts, int(order[0]), "fuzzy", round(best, 1))
        if best >= self.review:
            floor = max(self.review, best - 2 * self.margin)
            index = [int(i) for i in order[:8] if scores[i] >= floor]
            narrowed = self._by_hint(parts.hint, index)
            if len(narrowed) == 1 and scores[narrowed[0]] >= self.accept:
                return NameMatch(text, "matched", self._ids[narrowed[0]], "hint", round(float(scores[narrowed[0]]), 1))
            return NameMatch(text, "review", None, "", round(best, 1),
                             tuple(self._candidate(i, float(scores[i])) for i in index))
        close = [int(i) for i in order[:3] if scores[i] >= 60]
        return NameMatch(text, "unmatched", None, "", round(best, 1),
                         tuple(self._candidate(i, float(scores[i])) for i in close))

    def _by_hint(self, hint: str, index: Iterable[int]) -> list[int]:
        if not hint:
            return []
        words = set(hint.split())
        hits = []
        for i in index:
            fields = self._context[i]
            known = {w for f in fields for w in f.split()}
            if any(f" {hint} " in f" {f} " for f in fields) or words <= known:
                hits.append(i)
        return hits

    def _candidate(self, i: int, score: float) -> tuple[str, str, float]:
        return (self._ids[i], self.describe(self._ids[i]), round(float(score), 1))


_SPLIT = re.compile(r"\s*(?:[;\n\r/+|]|\s&\s|\s+(?:en|and|und|et)\s+)\s*", re.I)


def split_names(text: str, matcher: NameMatcher | None = None) -> list[str]:
    """Split a cell that may hold several names (``"Jan Bos; Ingrid Smit"``).

    Semicolons, new lines, slashes, ``&``, "en"/"and" always separate names.
    A comma separates names too, unless the whole text is one name written
    "Achternaam, Voornaam" — which the `matcher` decides (without one, a comma
    between single words is read as a reversed name).

    >>> split_names("Jan Bos, Ingrid Smit; Piet")
    ['Jan Bos', 'Ingrid Smit', 'Piet']
    >>> split_names("Vries, Iris de")
    ['Vries, Iris de']
    >>> split_names("Bram Hermans (Werk & Inkomen) en W. v/d Meer")
    ['Bram Hermans (Werk & Inkomen)', 'W. v.d. Meer']
    """
    text = re.sub(r"(?i)\bv\s*/\s*d\b", "v.d.", str(text))  # "v/d" is "van der", not two names
    brackets: list[str] = []

    def hide(m: re.Match[str]) -> str:  # "(Werk & Inkomen)" is a hint, not two names
        brackets.append(m.group(0))
        return f"\x00{len(brackets) - 1}\x00"

    text = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", hide, text)
    pieces = [re.sub(r"\x00(\d+)\x00", lambda m: brackets[int(m.group(1))], p).strip(" ,")
              for p in _SPLIT.split(text) if p and p.strip(" ,.")]
    out: list[str] = []
    for piece in pieces:
        if "," not in piece:
            out.append(piece)
            continue
        parts = [p.strip() for p in piece.split(",") if p.strip()]
        if len(parts) == 2 and _looks_reversed(piece, parts, matcher):
            out.append(piece)
        else:
            out.extend(parts)
    return out


def split_options(cell: str, separator: str, options: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split a multi-select cell into the listed options it holds and the rest ("other" text), in order.

    Google Forms joins the ticked options with ``", "`` and puts the text of
    "Other" in the same cell; Microsoft Forms ends every option with ``;``,
    the "other" text too. Known options are taken first (the longest first,
    so an option may itself hold the separator); whatever is left between
    them is "other" text, kept whole.

    >>> split_options("Fatima El Amrani, Karin Smit (provincie)", ", ", ["Fatima El Amrani", "Jan Bos"])
    (['Fatima El Amrani'], ['Karin Smit (provincie)'])
    >>> split_options("Jan Bos;iemand van de GGD, namelijk Els;Fatima El Amrani;", ";", ["Fatima El Amrani", "Jan Bos"])
    (['Jan Bos', 'Fatima El Amrani'], ['iemand van de GGD, namelijk Els'])
    >>> split_options("Vries, Iris de, Jan Bos", ", ", ["Jan Bos"])
    (['Jan Bos'], ['Vries, Iris de'])
    """
    token = separator.strip() or separator
    pieces = [p.strip() for p in str(cell).split(token)]
    known = {" ".join(o.split()).casefold(): o for o in options if str(o).strip()}
    longest = max((o.count(token) + 1 for o in known), default=1)
    chosen: list[str] = []
    rest: list[str] = []
    run: list[str] = []
    i = 0
    while i < len(pieces):
        for size in range(min(longest, len(pieces) - i), 0, -1):
            joined = " ".join(f"{token} ".join(pieces[i : i + size]).split()).casefold()
            if joined in known:
                if run:
                    rest.append(f"{token} ".join(run) if token != ";" else ";".join(run))
                    run = []
                chosen.append(" ".join(f"{token} ".join(pieces[i : i + size]).split()))
                i += size
                break
        else:
            if pieces[i]:
                run.append(pieces[i])
            i += 1
    if run:
        rest.append(f"{token} ".join(run) if token != ";" else ";".join(run))
    return chosen, [r.strip(" " + token) for r in rest if r.strip(" " + token)]


def _looks_reversed(whole: str, parts: list[str], matcher: NameMatcher | None) -> bool:
    if matcher is not None:
        together = matcher.match(whole)
        if together.status == "matched":
            return True
        separately = [matcher.match(p).status for p in parts]
        if all(s == "matched" for s in separately):
            return False
        if together.status == "review":
            return True
    last, first = parts
    # "Vries, Iris de" / "van der Meer, Pieter" / "Smit, Ingrid": a surname before the comma
    return len(first.split()) <= 2 and (len(last.split()) == 1 or last.split()[0].lower() in TUSSENVOEGSELS)


class Resolutions:
    """Decisions on names, looked up by ``(respondent, name)`` first and then by name alone.

    Parameters
    ----------
    decisions : mapping
        Keys are names as written, or ``(respondent id, name)`` tuples when the
        same text means different people for different respondents (a tuple
        whose respondent is ``"(respondent)"`` or empty counts as a plain
        name: the review list uses it for respondents' own names); values are
        a roster id or e-mail, or None for "not on the roster". Names are also
        found after :func:`normalise_name`, so ``"iris de vries"`` decides
        ``"Vries, Iris de"``.

    Examples
    --------
    >>> r = Resolutions({"Iris de Vries": "E6", ("E2", "Iris de Vries"): "E159", "Kees": None})
    >>> r.get("Vries, Iris de", "E9"), r.get("Iris de Vries", "E2"), r.get("kees", None), r.get("Bo", None)
    ((True, 'E6'), (True, 'E159'), (True, None), (False, None))
    """

    def __init__(self, decisions: Mapping[object, str | None] | None = None) -> None:
        self._by_name: dict[str, str | None] = {}
        self._by_pair: dict[tuple[str, str], str | None] = {}
        for key, value in (decisions or {}).items():
            value = None if value is None or not str(value).strip() else str(value).strip()
            if isinstance(key, tuple) and len(key) == 2 and str(key[0] or "").strip() not in ("", "(respondent)"):
                self._by_pair[(str(key[0]).strip(), normalise_name(key[1]))] = value
            elif isinstance(key, tuple) and len(key) == 2:  # about a respondent's own name: no "mentioned by"
                self._by_name[normalise_name(key[1])] = value
            else:
                self._by_name[normalise_name(key)] = value
        self.used: set[str] = set()

    def __len__(self) -> int:
        return len(self._by_name) + len(self._by_pair)

    def get(self, name: str, respondent: str | None) -> tuple[bool, str | None]:
        """``(found, value)`` for `name` as written by `respondent`."""
        key = normalise_name(name)
        if respondent is not None and (respondent, key) in self._by_pair:
            return True, self._by_pair[(respondent, key)]
        if key in self._by_name:
            return True, self._by_name[key]
        return False, None
