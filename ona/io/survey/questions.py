r"""Which question is which relation, and what its answers mean.

Network surveys ask a handful of *name generator* questions ("Whom do you go
to for advice?") and sometimes *name interpreter* questions about the people
named ("How often do you work with person 1?") [1]_. This module

* detects the relation a question asks about from its text or code, in Dutch
  and English (:func:`detect_relation`), always overridable by a mapping from
  a column code or a piece of question text to a relation name;
* turns frequency and Likert answers into ordinal tie weights
  (:func:`scale_value`): the frequency scale
  Nooit / Minder dan maandelijks / Maandelijks / Wekelijks / Dagelijks
  (Never ... Daily) becomes 0 / 1 / 2 / 3 / 4, where 0 means "no tie"; a
  five-point agreement scale becomes 1-5;
* decides what kind of question each export block is (:func:`plan_questions`).

Question kinds
--------------
``names``
    Free-text boxes where people type names ("Persoon 1..5", "other, namely").
``people``
    A choice question whose options are people on the roster.
``person_scale``
    A grid with one row per person and a frequency or Likert answer.
``partner_scale``
    A frequency question about the person typed in box *n* of a name
    generator; it gives that tie its weight.
``groups``, ``group_scale``
    The same for departments (or teams): kept as group-level data. Their
    *purpose* is ``perceived`` (how often one works with a group: perceived
    collaboration, never a declaration) unless the question asks which groups
    one depends on or should work with (``expected``). Columns whose headers
    are only the roster's group names (Microsoft Forms' Likert statements)
    are one group-level question, whatever the question said.
``respondent``
    The respondent's own name, e-mail or employee number.
``other``
    Anything else (not used for the network, but listed in the report).

A question about people whose relation cannot be told is not used, and the
report says how to map it; reading never stops for it. A mapping key
``column:F`` selects the question that starts in spreadsheet column F.

References
----------
.. [1] Marsden, Peter V. 1990. "Network Data and Measurement." Annual Review
   of Sociology 16: 435-63. https://doi.org/10.1146/annurev.so.16.080190.002251
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ona.exceptions import SurveyFormatError
from ona.io.survey.export import Column, ParsedExport, column_letter, short
from ona.io.survey.matching import NameMatch, NameMatcher, normalise_text, split_names
from ona.io.kit.recognise import DEPENDS_ON, is_conditions_block, kit_relation

__all__ = [
    "EXPECTATION_CUES",
    "FREQUENCY_SCALE",
    "GroupIndex",
    "IGNORE",
    "NETWORK_KINDS",
    "QUESTION_KINDS",
    "QuestionPlan",
    "RELATION_PATTERNS",
    "detect_relation",
    "is_tick",
    "plan_questions",
    "scale_value",
]

#: Relation names and the patterns (on lower-case text without diacritics) that reveal them.
RELATION_PATTERNS: dict[str, tuple[str, ...]] = {
    "advice": (r"advie?[sz]", r"advis", r"advice", r"\braad\b", r"\bom raad", r"hulp (?:vraagt|vragen|bij)",
               r"ask(?:ing)? for help", r"go to for help", r"\bexpertise\b",
               r"\bturn(?:s|ed)? to\b(?!.*\b(?:trust|confide|vertrouw))", r"\bfor help\b", r"\bstuck\b",
               r"\bvast ?(?:loopt|loop|zit)\b", r"\bproblem[- ]solving\b", r"\bom hulp\b", r"\bwho helps\b",
               r"\bhelps? you (?:with|solve|think)"),
    "trust": (r"vertrouw", r"\btrust", r"gevoelig", r"sensitive", r"confide", r"vertrouwelijk",
              r"persoonlijke (?:zaken|kwesties?|problemen|dingen|situatie|zorgen)", r"iets persoonlijks",
              r"personal (?:matters|issues|problems|concerns?|situation|worries)", r"hart (?:te )?luchten",
              r"\bfeel safe\b", r"\bveilig (?:voelt|voel|bespreken|delen)", r"\bvoel\w* .{0,12}\bveilig\b"),
    "collaboration": (r"samen ?(?:ge)?werk", r"\bwerk\w* (?:je|jij|u|jullie)\b.*\bsamen\b", r"samen te werken",
                      r"collaborat",
                      r"\bwork(?:s|ed|ing)?\b(?! (?:matters?|issues?|problems?|questions?|related|life)\b)(?: \w+){0,3} with\b", r"work together",
                      r"with whom (?:do|did|would|will) (?:you|u) (?:\w+ )?work", r"\bwork (?:most |more )?closely",
                      r"met wie werk (?:je|jij|u)\b",
                      r"cooperat"),
    "communication": (r"communic", r"\bspreek", r"\bspreken\b", r"\bcontact\b", r"\btalk", r"\boverleg"),
    "information": (r"\binformatie\b", r"\binformation\b"),
    "friendship": (r"vriend", r"friend"),
    "energy": (r"energie", r"energi[sz]", r"\benergy\b"),
    "innovation": (r"\bidee", r"\bideas?\b", r"innovat"),
}

#: Relation value meaning "do not use this question".
IGNORE = frozenset({"", "-", "ignore", "skip", "none", "negeer", "geen"})

#: The kinds a question can have, with a plain-English label for the report.
QUESTION_KINDS: dict[str, str] = {
    "names": "names typed in text boxes",
    "people": "people chosen from a list",
    "person_scale": "frequency or scale per person",
    "partner_scale": "frequency per named person (tie weight)",
    "groups": "departments chosen from a list (group level)",
    "group_scale": "frequency or scale per department (group level)",
    "respondent": "the respondent's own name, e-mail or id",
    "conditions": "five conditions of a collaboration (agreement per statement)",
    "other": "not about people (not used)",
    "ignored": "ignored as asked",
}

#: Phrases (lower case, no diacritics) of a group-level question asking which groups one depends on or
#: should work with: its answers are expectations, not perceived collaboration.
EXPECTATION_CUES = re.compile(
    r"afhankelijk|\bdepend|\brel(?:y|ies) on|zou(?:den)? (?:\w+ )?(?:meer )?moeten (?:samen ?)?werken|"
    r"moet(?:en)? (?:\w+ )?(?:meer )?samen ?werken|should (?:\w+ )?(?:work|collaborate|cooperate)|"
    r"ought to (?:work|collaborate)|need(?:s)? to (?:work|collaborate)|meer (?:willen |moeten )?samen ?werken|"
    r"(?:heb|hebt|hebben|heeft) (?:je|jij|u|jullie)? ?\w* ?nodig|do you need|would you need|nodig voor (?:je|jouw|uw) werk"
)

#: The ordinal frequency scale: level -> phrases (lower case, no diacritics), checked from the top.
FREQUENCY_SCALE: tuple[tuple[float, str], ...] = (
    (1, r"minder dan (?:1 ?(?:keer|x) |een keer |eens )?(?:per |in de |een )?maand(?:elijks)?|"
        r"less than (?:once )?(?:a |per )?month(?:ly)?|(?:een )?(?:paar|enkele) ke(?:er|ren) per jaar|"
        r"(?:a )?few times (?:a|per) year|(?:1 ?(?:keer|x) |eens )?per jaar|jaarlijks|yearly|annually|"
        r"zelden|rarely|bijna nooit|hardly ever|almost never|seldom"),
    (0, r"nooit|never|not at all|geen contact|no contact"),
    (4, r"(?:bijna |almost |vrijwel )?(?:dagelijks|daily)|(?:elke|iedere) dag|every ?day|"
        r"(?:meerdere|een paar|enkele) ke(?:er|ren) per dag|several times a day"),
    (3, r"(?:bijna |almost )?(?:wekelijks|weekly)|(?:1 ?(?:keer|x) |een keer |eens |elke |iedere )?(?:per )?week|"
        r"(?:once |1 ?x )?(?:a|per) week|every week|(?:meerdere|een paar|enkele) ke(?:er|ren) per week|"
        r"(?:a )?few times (?:a|per) week|several times a week"),
    (2, r"(?:ongeveer |circa )?(?:maandelijks|monthly)|(?:1 ?(?:keer|x) |een keer |eens |elke |iedere )?(?:per )?maand|"
        r"(?:once |1 ?x )?(?:a|per) month|every month|(?:meerdere|een paar|enkele) ke(?:er|ren) per maand|"
        r"(?:a )?few times (?:a|per) month|several times a month"),
)
_AGREEMENT: tuple[tuple[float, str], ...] = (
    (1, r"helemaal (?:mee )?oneens|zeer (?:mee )?oneens|strongly disagree|totally disagree"),
    (5, r"helemaal (?:mee )?eens|zeer (?:mee )?eens|strongly agree|totally agree"),
    (3, r"neutraal|neutral|niet eens(?:,)? niet oneens|noch eens noch oneens|neither agree nor disagree|"
        r"eens noch oneens"),
    (2, r"(?:mee )?oneens|disagree"),
    (4, r"(?:mee )?eens|agree"),
)
_NOT_APPLICABLE = re.compile(
    r"weet (?:ik )?(?:het )?niet|geen mening|n ?v ?t|niet van toepassing|not applicable|n ?a|don ?t know|"
    r"do not know|prefer not to (?:say|answer)|zeg ik liever niet|geen antwoord|no answer|onbekend|unknown"
)
_SCALES = tuple((value, re.compile(pattern)) for value, pattern in (*FREQUENCY_SCALE, *_AGREEMENT))
_TICKS = frozenset({"1", "y", "yes", "ja", "j", "x", "true", "waar", "selected", "geselecteerd", "checked",
                    "aangevinkt", "v", "ok", "1 0"})
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_CODED = re.compile(r"a0*(\d{1,2})")


def scale_value(text: object) -> tuple[str, float | None]:
    """Read one frequency or Likert answer.

    Returns ``("value", weight)``, ``("na", None)`` for "don't know" / "not
    applicable", ``("empty", None)`` or ``("unknown", None)``. Numbers (also
    with a Dutch decimal comma) are taken as they are; a number before a known
    label (``"4 - Wekelijks"``) yields the label's level; LimeSurvey answer
    codes ``A1``..``A9`` yield their number.

    >>> [scale_value(t)[1] for t in ["Nooit", "Minder dan maandelijks", "maandelijks", "Wekelijks", "DAGELIJKS"]]
    [0, 1, 2, 3, 4]
    >>> scale_value("Less than monthly"), scale_value("2,5"), scale_value("Weet ik niet")
    (('value', 1), ('value', 2.5), ('na', None))
    >>> scale_value("Helemaal eens"), scale_value("soms")
    (('value', 5), ('unknown', None))
    """
    raw = str(text).strip() if text is not None else ""
    if not raw or raw.lower() == "nan":
        return "empty", None
    if _NUMBER.fullmatch(raw):
        return "value", float(raw.replace(",", "."))
    norm = normalise_text(raw)
    for value, pattern in _SCALES:
        if pattern.fullmatch(norm):
            return "value", value
    if _NOT_APPLICABLE.fullmatch(norm):
        return "na", None
    labelled = re.fullmatch(r"\(?(\d{1,2})\)?\s*(?:[=:.)-]\s*|\s+)(.+)", raw)
    if labelled and not _NUMBER.fullmatch(labelled.group(2)):
        status, value = scale_value(labelled.group(2))
        if status in ("value", "na"):
            return status, value
        return "value", float(labelled.group(1))
    coded = _CODED.fullmatch(norm)
    if coded:
        return "value", float(coded.group(1))
    return "unknown", None


def is_tick(value: object, label: str = "") -> bool:
    """Whether a choice cell says "ticked": ``1``, ``Y``, ``Ja``, ``x``, or the option's own text.

    >>> is_tick("Y"), is_tick("Jan Bos", "Jan Bos"), is_tick("0")
    (True, True, False)
    """
    text = normalise_text(value)
    return text in _TICKS or (bool(label) and text == normalise_text(label))


def detect_relation(text: str) -> str | None:
    """The relation a question asks about, if exactly one relation's patterns match.

    >>> detect_relation("Bij wie ga je voor advies over je werk?")
    'advice'
    >>> detect_relation("Met wie zou je een gevoelige werkkwestie bespreken?")
    'trust'
    >>> detect_relation("Hoe vaak werk je samen met de afdeling Publiekszaken?")
    'collaboration'
    >>> detect_relation("Whom do you go to for advice and whom do you trust?") is None
    True
    """
    norm = normalise_text(text)
    found = [rel for rel, patterns in RELATION_PATTERNS.items() if any(re.search(p, norm) for p in patterns)]
    if len(found) > 1 and "communication" in found:  # "contact"/"overleg" also appear in the others
        found.remove("communication")
    return found[0] if len(found) == 1 else None


_SLOT = (
    re.compile(r"\b(?:persoon|person|collega|colleague|naam|name|contact(?:persoon)?|medewerker|alter|"
               r"nominee|contactpersoon)\s*(?:nr|nummer|no|number)?\s*#?\s*(\d{1,2})\b"),
    re.compile(r"\b(\d{1,2})\s*(?:e|ste|de|st|nd|rd|th)?\s+(?:persoon|person|collega|colleague|naam|name)\b"),
    re.compile(r"choicetextentryvalue\s+(\d{1,2})\b"),
    re.compile(r"^sq0*(\d{1,3})$"),
    re.compile(r"^(\d{1,2})$"),
)
_NAME_CUE = re.compile(
    r"\b(?:bij wie|met wie|aan wie|van wie|wie\b|whom|who\b|which colleagues|welke collega|namen|names|"
    r"noem|name up to|typ de naam|type the name)"
)
_FREQUENCY_CUE = re.compile(r"\bhoe vaak\b|\bhow often\b|\bfrequent|\bhoe regelmatig\b")
_RESPONDENT = {
    "email": re.compile(r"^(?:(?:wat is )?(?:je|jouw|uw|your)(?: eigen| own| werk| work)? ?(?:e ?mail|mail)(?:adres|address)?|"
                        r"e ?mail(?:adres| address)?(?: respondent)?)\b"),
    "id": re.compile(r"personeelsnummer|medewerkernummer|employee (?:id|number)|staff (?:id|number)|"
                     r"personnel number|werknemersnummer"),
    "name": re.compile(r"^(?:wat is )?(?:je|jouw|uw|your)(?: volledige| full)? (?:naam|name)\b|^(?:naam|name)$|"
                       r"^(?:voor en achternaam|first and last name|full name|volledige naam)$"),
}


class GroupIndex:
    """Finds departments (or teams) in option labels and question texts.

    >>> roster = pd.DataFrame({"department": ["Ruimte & Wonen", "Publiekszaken"], "team": ["Wonen", "KCC"]})
    >>> g = GroupIndex(roster)
    >>> g.exact("Afdeling Ruimte en Wonen"), g.within("Hoe vaak werk je samen met Publiekszaken?")
    ('Ruimte & Wonen', 'Publiekszaken')
    """

    def __init__(self, roster: pd.DataFrame) -> None:
        self._groups: dict[str, dict[str, str]] = {}
        for grouping in ("department", "team"):
            if grouping in roster.columns:
                labels = [v for v in roster[grouping].dropna().unique().tolist() if str(v).strip()]
                self._groups[grouping] = {normalise_text(v): str(v) for v in labels}

    @staticmethod
    def _strip(text: str) -> str:
        return re.sub(r"^(?:de |het )?(?:afdeling|department|dept|team|directie|sector|cluster|unit)\s+", "",
                      normalise_text(text))

    def exact(self, label: str) -> str | None:
        """The group a label names (``"Afdeling X"``, ``"team X"``, ``"X"``), departments first."""
        key = self._strip(label)
        for groups in self._groups.values():
            if key in groups:
                return groups[key]
        return None

    def within(self, text: str) -> str | None:
        """The one group named inside a longer text (the longest name found), or None."""
        norm = f" {normalise_text(text)} "
        for groups in self._groups.values():
            hits = [k for k in groups if len(k) >= 3 and f" {k} " in norm]
            if hits:
                longest = max(hits, key=len)
                if all(h in longest for h in hits):
                    return groups[longest]
                return None
        return None


@dataclass(frozen=True)
class QuestionPlan:
    """How one question of an export is used.

    Attributes
    ----------
    key : str
        The question's key within the export.
    code : str
        The platform's code (``"Q3"``), or the first column's letter.
    text : str
        The question text.
    columns : tuple of Column
    kind : str
        One of :data:`QUESTION_KINDS`.
    relation : str or None
    mapped : bool
        True when the relation came from the caller's mapping.
    slots : dict
        Column position -> box number (names and partner_scale).
    groups : dict
        Column position -> group label (group_scale and groups).
    separator : str or None
        For options in one cell: the separator (``";"`` or ``", "``).
    note : str
        Why the question is not used, for the report (English).
    note_key : str
        The catalogue key of the note (``ingest.note.*``).
    purpose : str
        For group-level questions: ``"perceived"`` or ``"expected"``.
    options : tuple of str
        For people chosen from a list: the list's options seen in the answers
        (names exactly as on the roster), so that "other" text typed into the
        same cell can be told apart.
    """

    key: str
    code: str
    text: str
    columns: tuple[Column, ...]
    kind: str
    relation: str | None = None
    mapped: bool = False
    slots: dict[int, int] = field(default_factory=dict)
    groups: dict[int, str] = field(default_factory=dict)
    separator: str | None = None
    note: str = ""
    respondent_field: str = ""
    note_key: str = ""
    purpose: str = ""
    options: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """The question text; its statements' headers when the export kept no text (Microsoft Forms' Likert)."""
        if self.text:
            return self.text
        if self.key.startswith(_STATEMENTS):
            labels = [c.label for c in self.columns]
            return " / ".join(labels) if len(labels) <= 3 else f"{labels[0]} / {labels[1]} / … / {labels[-1]}"
        return self.key

    @property
    def mapping_key(self) -> str:
        """A key of ``relations=`` that selects exactly this question: ``"column:F"`` (its first column)."""
        return f"column:{column_letter(self.columns[0].position)}"

    def describe(self) -> dict[str, object]:
        """The question as it appears in ``report.details["questions"]``."""
        headers = [c.header for c in self.columns]
        return {
            "column": headers[0] if len(headers) == 1 else f"{headers[0]} .. {headers[-1]} ({len(headers)} columns)",
            "code": self.code,
            "text": self.display,
            "relation": self.relation if self.kind in NETWORK_KINDS else None,
            "kind": self.kind,
            "kind_label": QUESTION_KINDS.get(self.kind, self.kind),
            "columns": headers,
            "key": self.mapping_key,
            "mapped": self.mapped,
            "purpose": self.purpose,
            "note": self.note,
            "note_key": self.note_key,
            "used": self.kind in NETWORK_KINDS and bool(self.relation),
        }


def plan_questions(
    export: ParsedExport,
    matcher: NameMatcher,
    groups: GroupIndex,
    relations: Mapping[str, str | None] | None = None,
    *,
    rows: pd.Index | None = None,
) -> list[QuestionPlan]:
    """Classify every question of `export` and give it a relation.

    Parameters
    ----------
    relations : mapping, optional
        Column code, piece of question text (case- and accent-insensitive) or
        ``"column:F"`` -> relation name; a value in :data:`IGNORE` (or None)
        skips the question. The longest matching key wins.
    rows : pandas.Index, optional
        The response rows to look at (preview rows left out).

    Returns
    -------
    list of QuestionPlan
        In export order. A question about people whose relation cannot be
        told has ``relation=None`` and the note ``ingest.note.unclear``.

    Raises
    ------
    SurveyFormatError
        If a mapping key fits no question, or if no question can be used for
        the network (none is about people, or none has a clear relation). The
        error's ``questions`` attribute lists the questions
        (:meth:`QuestionPlan.describe`), so an app can offer to map them.
    """
    data = export.data if rows is None else export.data.loc[rows]
    mapping = _Mapping(relations or {}, export)
    blocks: dict[str, list[Column]] = {}
    for column in export.columns:
        key = f"{column.question}\x00other{column.position}" if column.other else column.question
        blocks.setdefault(key, []).append(column)
    plans: list[QuestionPlan] = []
    parents: dict[str, QuestionPlan] = {}
    for key, columns in _statement_blocks(list(blocks.values()), data, groups):
        plan = _classify(columns, data, matcher, groups, mapping)
        if columns[0].other:
            parent = parents.get(columns[0].question)
            relation = plan.relation if plan.mapped else (parent.relation if parent else plan.relation)
            plan = QuestionPlan(plan.key, plan.code, plan.text, plan.columns,
                                "names" if relation else plan.kind, relation, plan.mapped,
                                {c.position: 1 for c in columns}, note=plan.note, note_key=plan.note_key)
        else:
            parents[columns[0].question] = plan
        plans.append(plan)
    mapping.check_all_used(plans)
    return _pair_and_check(plans, export)


_STATEMENTS = "\x00statements:"


def _statement_blocks(blocks: list[list[Column]], data: pd.DataFrame,
                      groups: GroupIndex) -> list[tuple[str, list[Column]]]:
    """Merge neighbouring one-column questions headed only by a group name into one group-level question.

    Microsoft Forms exports a Likert question as one column per statement,
    headed by the statement alone ("Sociaal Domein"): the question text is
    lost. Such neighbours are one question; a group name that comes back
    starts a new one.
    """
    out: list[tuple[str, list[Column]]] = []
    run: list[Column] = []
    seen: set[str] = set()

    def flush() -> None:
        if run:
            key = f"{_STATEMENTS}{run[0].position}"
            out.append((key, [Column(c.position, c.header, key, "", c.text or c.header, c.code, False, c.options, c.ref)
                              for c in run]))
            run.clear()
            seen.clear()

    for columns in blocks:
        column = columns[0]
        group = groups.exact(column.text or column.header) if len(columns) == 1 and not column.label else None
        if group is not None and not column.other and _scale_like(data[column.position]):
            if group in seen:
                flush()
            run.append(column)
            seen.add(group)
            continue
        flush()
        out.append((column.question, columns))
    flush()
    return out


def _scale_like(values: pd.Series) -> bool:
    cells = [str(v).strip() for v in values.tolist() if str(v).strip()]
    return not cells or sum(scale_value(c)[0] in ("value", "na") for c in cells) / len(cells) >= 0.9


class _Mapping:
    def __init__(self, relations: Mapping[str, str | None], export: ParsedExport) -> None:
        self.items = [(str(k), normalise_text(k), v) for k, v in relations.items()]
        self.used: set[str] = set()
        self.export = export

    def find(self, columns: list[Column]) -> tuple[bool, str | None]:
        first = columns[0]
        letter = f"column:{column_letter(first.position)}".lower()
        codes = {c.code.lower() for c in columns if c.code} | {first.question.lower(), first.header.lower()}
        codes |= {c.header.lower() for c in columns}
        texts = [normalise_text(t) for t in {first.text, first.question, *(c.header for c in columns),
                                              *(c.label for c in columns)} if t]
        best: tuple[int, str, str | None] | None = None
        for key, norm, relation in self.items:
            if key.strip().lower().startswith("column:"):
                hit = key.strip().lower().replace(" ", "") == letter
                size = 10_000  # an exact column wins over any piece of text
            else:
                hit = key.lower() in codes or bool(norm and any(norm in t for t in texts))
                size = len(norm)
            if hit and (best is None or size > best[0]):
                best = (size, key, relation)
        if best is None:
            return False, None
        self.used.add(best[1])
        relation = best[2]
        if relation is None or str(relation).strip().lower() in IGNORE:
            return True, None
        return True, str(relation).strip()

    def check_all_used(self, plans: list[QuestionPlan]) -> None:
        unused = [k for k, _, _ in self.items if k not in self.used]
        if unused:
            error = SurveyFormatError(
                f"the relation mapping {unused[0]!r} fits no question in this export",
                file=self.export.file,
                fix="Use a column code or a piece of the question text. The questions are:\n" + _question_list(plans),
                key="ingest.question.mapping_unused", fix_key="ingest.question.mapping_unused.fix",
                values={"mapping": unused[0]},
            )
            error.questions = [p.describe() for p in plans]  # type: ignore[attr-defined]
            raise error


def _classify(columns: list[Column], data: pd.DataFrame, matcher: NameMatcher, groups: GroupIndex,
              mapping: _Mapping) -> QuestionPlan:
    first = columns[0]
    if first.code:
        code = first.code if len(columns) == 1 else first.question
    else:
        last = columns[-1].position
        code = column_letter(first.position) + (f"-{column_letter(last)}" if last != first.position else "")
    text = first.text
    mapped, relation = mapping.find(columns)
    base = dict(key=first.question, code=code, text=text, columns=tuple(columns))
    if mapped and relation is None:
        return QuestionPlan(**base, kind="ignored", mapped=True, note="ignored as you asked",
                            note_key="ingest.note.ignored")
    if not mapped:
        if is_conditions_block([(c.text, c.label, c.header) for c in columns]):
            return QuestionPlan(**base, kind="conditions")
        # the kit's perception and dependency questions (ona.io.kit.recognise) before the usual relations
        relation = kit_relation(text or first.question) or detect_relation(text) or detect_relation(
            first.question) or (detect_relation(first.code) if first.code else None)
    values = [data[c.position] for c in columns]
    cells = [str(v).strip() for series in values for v in series.tolist() if str(v).strip()]
    slots = {c.position: s for c in columns if (s := _slot(c)) is not None}
    if len(slots) < len(columns) and len(columns) > 1 and all(_slot(c) is not None or not c.label for c in columns):
        slots = {}
    own = _respondent_field(text or first.header)
    if own and not mapped and len(columns) == 1:
        return QuestionPlan(**base, kind="respondent", respondent_field=own)
    statements = first.question.startswith(_STATEMENTS)

    def plan(kind: str, **extra: object) -> QuestionPlan:
        chosen = relation
        if kind in ("groups", "group_scale"):
            expected = chosen == DEPENDS_ON or bool(EXPECTATION_CUES.search(normalise_text(text)))
            extra.setdefault("purpose", "expected" if expected else "perceived")
            if chosen is None and not mapped:
                chosen = "collaboration"  # how often one works with a group: perceived collaboration
        return QuestionPlan(**base, kind=kind, relation=chosen, mapped=mapped, **extra)  # type: ignore[arg-type]

    def other(note: str, key: str, **extra: object) -> QuestionPlan:
        return QuestionPlan(**base, kind="other", relation=relation, mapped=mapped, note=note, note_key=key,
                            **extra)  # type: ignore[arg-type]

    def group_of(c: Column) -> str | None:
        return groups.exact(c.label) if c.label else groups.within(c.text or c.header)

    if not cells:  # nobody answered: go by the text
        if _FREQUENCY_CUE.search(normalise_text(text)) or statements:
            found = {c.position: group_of(c) for c in columns}
            if all(found.values()):
                return plan("group_scale", groups=found)  # type: ignore[arg-type]
            if slots and len(slots) == len(columns):
                return plan("partner_scale", slots=slots)
        elif slots or _NAME_CUE.search(normalise_text(text)):
            return plan("names", slots=slots or _default_slots(columns))
        return other("nobody answered it", "ingest.note.nobody_answered")
    # options in one cell: "A;B;" (Microsoft Forms) or "A, B" (Google Forms)
    if len(columns) == 1:
        semi = sum(c.endswith(";") or ";" in c for c in cells) / len(cells)
        if semi >= 0.5:
            options = [o.strip() for c in cells for o in c.split(";") if o.strip()]
            kind = _option_kind(options, matcher, groups)
            if kind:
                return plan(kind, separator=";", groups={first.position: ""} if kind == "groups" else {},
                            options=_listed_people(options, matcher) if kind == "people" else ())
            return other("its options are not people or departments", "ingest.note.not_people", separator=";")
        if any(", " in c for c in cells):
            pieces = [[o.strip() for o in c.split(", ")] for c in cells]
            options = [o for cell in pieces for o in cell if o]
            if sum(groups.exact(o) is not None for o in options) / len(options) >= 0.9:
                return plan("groups", separator=", ", groups={first.position: ""})
            # options written "Surname, Given name" hold the separator themselves: try each two pieces too
            pairs = [f"{a}, {b}" for cell in pieces for a, b in zip(cell, cell[1:]) if a and b]
            listed = _listed_people(options + pairs, matcher)
            if listed and _covered(pieces, set(listed)) / len(options) >= 0.6 and not slots:
                return plan("people", separator=", ", options=listed)
    # one column per option, ticked
    labelled = all(c.label for c in columns) and not all(_slot(c) is not None for c in columns)
    ticks = sum(is_tick(v, c.label) for c, series in zip(columns, values) for v in series.tolist()
                if str(v).strip())
    if labelled and ticks / len(cells) >= 0.95:
        labels = [c.label for c in columns]
        found_groups = {c.position: groups.exact(c.label) for c in columns}
        if sum(g is not None for g in found_groups.values()) / len(columns) >= 0.8:
            return plan("groups", groups={p: g for p, g in found_groups.items() if g})
        if _people_share(labels, matcher) >= 0.5:
            return plan("people")
        return other("its options are not people or departments", "ingest.note.not_people")
    # a scale per column
    statuses = [scale_value(c)[0] for c in cells]
    if sum(s in ("value", "na") for s in statuses) / len(cells) >= 0.9:
        found = {c.position: group_of(c) for c in columns}
        if all(found.values()):
            return plan("group_scale", groups=found)  # type: ignore[arg-type]
        if slots and len(slots) == len(columns):
            return plan("partner_scale", slots=slots)
        if all(c.label for c in columns) and _people_share([c.label for c in columns], matcher) >= 0.5:
            return plan("person_scale")
        if len(columns) == 1 and (_slot_in_text(first) is not None):
            return plan("partner_scale", slots={first.position: _slot_in_text(first)})  # type: ignore[dict-item]
        return other("a scale that is not about people or departments", "ingest.note.scale_not_people")
    # free text: names?
    cue = bool(slots) or bool(_NAME_CUE.search(normalise_text(f"{text} {first.question}"))) or first.other
    share = _people_share(_sample_names(cells, matcher), matcher)
    if (cue and relation) or share >= 0.5 or (mapped and relation) or (cue and share >= 0.2):
        return plan("names", slots=slots or _default_slots(columns))
    return other("its answers are not names of colleagues", "ingest.note.not_names")


def _covered(cells: list[list[str]], known: set[str]) -> int:
    """How many of the cells' pieces belong to a known option (one piece, or two joined by ", ")."""
    covered = 0
    for pieces in cells:
        i = 0
        while i < len(pieces):
            if i + 1 < len(pieces) and f"{pieces[i]}, {pieces[i + 1]}" in known:
                covered, i = covered + 2, i + 2
            else:
                covered, i = covered + (pieces[i] in known and bool(pieces[i])), i + 1
    return covered


def _listed_people(options: list[str], matcher: NameMatcher) -> tuple[str, ...]:
    """The options of a list of people: distinct pieces written exactly as someone on the roster is named."""
    listed = []
    for option in dict.fromkeys(options):
        match = matcher.match(option)
        if match.status == "matched" and match.method in ("exact", "id", "email", "tussenvoegsel", "hint"):
            listed.append(option)
    return tuple(listed)
def _default_slots(columns: list[Column]) -> dict[int, int]:
    return {c.position: i for i, c in enumerate(columns, start=1)}


def _slot(column: Column) -> int | None:
    label = normalise_text(column.label)
    if label:
        for pattern in _SLOT:
            m = pattern.search(label)
            if m:
                return int(m.group(1))
        return None
    return _slot_in_text(column)


def _slot_in_text(column: Column) -> int | None:
    text = normalise_text(column.text or column.header)
    for pattern in _SLOT[:3]:
        m = pattern.search(text)
        if m:
            return int(m.group(1))
    return None


def _respondent_field(text: str) -> str:
    norm = normalise_text(text)
    for fieldname, pattern in _RESPONDENT.items():
        if pattern.search(norm):
            return fieldname
    return ""


def _option_kind(options: list[str], matcher: NameMatcher, groups: GroupIndex) -> str | None:
    if not options:
        return None
    distinct = list(dict.fromkeys(options))
    if sum(groups.exact(o) is not None for o in distinct) / len(distinct) >= 0.8:
        return "groups"
    if _people_share(distinct, matcher) >= 0.5:
        return "people"
    return None


def _sample_names(cells: list[str], matcher: NameMatcher, limit: int = 200) -> list[str]:
    names: list[str] = []
    for cell in dict.fromkeys(cells):
        names.extend(split_names(cell, matcher))
        if len(names) >= limit:
            break
    return names


def _people_share(texts: Sequence[str], matcher: NameMatcher) -> float:
    texts = [t for t in texts if t.strip()]
    if not texts:
        return 0.0
    def counts(match: NameMatch) -> bool:  # a confident match, or a name that fits several people exactly
        return match.status == "matched" or (match.status == "review" and match.score >= 95)

    return sum(counts(matcher.match(t)) for t in texts) / len(texts)


#: Question kinds whose answers go into the network (person or group level).
NETWORK_KINDS = ("names", "people", "person_scale", "partner_scale", "groups", "group_scale")


def _pair_and_check(plans: list[QuestionPlan], export: ParsedExport) -> list[QuestionPlan]:
    """Give partner scales the relation of their name generator; mark unclear relations; refuse an unusable export."""
    out: list[QuestionPlan] = []
    names_relations = [p.relation for p in plans if p.kind == "names" and p.relation]
    last_names: QuestionPlan | None = None
    for plan in plans:
        if plan.kind == "names":
            last_names = plan
        if plan.kind == "partner_scale" and plan.relation not in names_relations:
            # a frequency per box belongs to the name question just before it
            target = last_names.relation if last_names is not None else None
            plan = QuestionPlan(plan.key, plan.code, plan.text, plan.columns,
                                "partner_scale" if target else "other", target, plan.mapped, plan.slots,
                                note="" if target else "a frequency per person, but no name question precedes it",
                                note_key="" if target else "ingest.note.no_names_before")
        elif plan.kind in NETWORK_KINDS and not plan.relation:
            plan = QuestionPlan(plan.key, plan.code, plan.text, plan.columns, plan.kind, None, plan.mapped,
                                plan.slots, plan.groups, plan.separator,
                                "it is not clear which relation it asks about", plan.respondent_field,
                                "ingest.note.unclear", plan.purpose, plan.options)
        out.append(plan)
    usable = [p for p in out if p.kind in NETWORK_KINDS and p.relation]
    if not usable:
        unclear = [p for p in out if p.kind in NETWORK_KINDS]
        if unclear:
            first = unclear[0]
            error = SurveyFormatError(
                f"cannot tell which relation the question {short(first.display, 70)!r} ({first.code}) asks about"
                + (f", nor for {len(unclear) - 1} other question(s)" if len(unclear) > 1 else ""),
                file=export.file,
                fix="Map each question to a relation with a piece of its text or its code: in Python "
                f"relations={{{_example_key(first)!r}: 'advice'}}, on the command line "
                f"--relation \"{_example_key(first)}=advice\" (repeatable; use '-' to ignore a question). "
                "The questions found are:\n" + _question_list(out),
                key="ingest.question.all_unclear", fix_key="ingest.question.all_unclear.fix",
                values={"question": first.display, "count": len(unclear)},
            )
        else:
            error = SurveyFormatError(
                "no question in this export asks about colleagues (no names, people or departments found)",
                file=export.file,
                fix="Check that this is the network survey's export and that the roster is the right one, or map "
                "a question with relations={'piece of question text': 'advice'} (CLI: --relation "
                "\"text=advice\"). The questions found are:\n" + _question_list(out),
                key="ingest.question.none_about_people", fix_key="ingest.question.none_about_people.fix",
            )
        error.questions = [p.describe() for p in out]  # type: ignore[attr-defined]
        raise error
    return out


def _example_key(plan: QuestionPlan) -> str:
    if plan.columns and plan.columns[0].code:
        return plan.code
    words = plan.display.split()
    return " ".join(words[:4]) if words else plan.code


def _question_list(plans: list[QuestionPlan]) -> str:
    lines = []
    for p in plans:
        relation = p.relation or ("?" if p.kind in NETWORK_KINDS else "-")
        lines.append(f"  {p.code}: {short(p.display, 70)!r} -> {relation} ({QUESTION_KINDS.get(p.kind, p.kind)})")
    return "\n".join(lines)
