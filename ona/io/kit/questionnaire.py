"""The questionnaire ona designs from a roster and the declared collaborations.

:func:`build_questionnaire` decides the questions once; every writer (the
LimeSurvey and Qualtrics files, the Microsoft Forms and Google Forms guides,
the readable text) renders the same :class:`Questionnaire`, so a survey built
from any of them exports questions that ona's readers recognise with nothing
to map:

1. the respondent's e-mail (for LimeSurvey and Qualtrics; Forms record it);
2. the three name generators: advice, trust, weekly collaboration [1]_;
3. perception: who the respondent thinks comes to them for advice and for a
   sensitive work matter — one slice of a cognitive social structure [2]_;
4. optionally the groups one depends on (expected collaboration from the
   survey, see :func:`ona.io.expected.expected_from_group_ties`);
5. per declared collaboration, the five conditions' statements
   (:mod:`ona.io.kit.conditions`) on a 5-point agreement scale.

People are chosen from the roster (one option per person) in organisations
of up to :data:`LIST_LIMIT` people, and typed one per line above that; the
caller can choose either.

References
----------
.. [1] Marsden, Peter V. 1990. "Network Data and Measurement." Annual Review
   of Sociology 16: 435-63. https://doi.org/10.1146/annurev.so.16.080190.002251
.. [2] Krackhardt, David. 1987. "Cognitive Social Structures." Social
   Networks 9 (2): 109-34. https://doi.org/10.1016/0378-8733(87)90009-8
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from ona.exceptions import InputError
from ona.i18n import LANGUAGES, t
from ona.io.expected import ExpectedLike, expected_frame
from ona.io.kit.conditions import CONDITIONS, ITEMS, item_text, scale_labels
from ona.io.kit.recognise import DEPENDS_ON, perceived_relation
from ona.io.roster import Roster
from ona.model import UNKNOWN_GROUP, OrgNetwork, group_labels
from ona.compat import old_grouping_names

__all__ = [
    "BOXES",
    "LIST_LIMIT",
    "KitQuestion",
    "Option",
    "Questionnaire",
    "build_questionnaire",
    "collaboration_members",
]

#: Largest roster whose people are chosen from a list; larger organisations type names.
LIST_LIMIT = 100
#: Most names typed per question when names are typed.
BOXES = 10

_CODE = re.compile(r"[A-Za-z0-9]{1,20}")
_RESERVED = {"time", "other", "comment"}


@dataclass(frozen=True)
class Option:
    """One option of a question: a stable code (LimeSurvey subquestion, Qualtrics choice) and its label."""

    code: str
    label: str


@dataclass(frozen=True)
class KitQuestion:
    """One question of the kit.

    Attributes
    ----------
    code : str
        Unique code: a letter and letters or digits, at most 20 (LimeSurvey's
        question code and Qualtrics' export tag).
    kind : {"email", "people", "groups", "conditions"}
    section : str
        ``you``, ``network``, ``perception``, ``groups`` or ``collaboration``.
    text, help : str
        Question text and instruction, in the questionnaire's language.
    relation : str or None
        ``advice``, ``trust``, ``collaboration``, ``perceived_advice``,
        ``perceived_trust`` or ``depends_on``.
    options : tuple of Option
        People, groups or (for ``conditions``) statements; empty for typed names.
    free_text : bool
        True when names are typed, one per line.
    collaboration : str or None
        The collaboration a ``conditions`` question is about.
    scale : tuple of str
        The answer labels of a ``conditions`` question (1 to 5).
    """

    code: str
    kind: str
    section: str
    text: str
    help: str = ""
    relation: str | None = None
    options: tuple[Option, ...] = ()
    free_text: bool = False
    collaboration: str | None = None
    scale: tuple[str, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    """The whole questionnaire in one language, with what the invitation and privacy statement need."""

    lang: str
    organisation: str
    questions: tuple[KitQuestion, ...]
    people: tuple[Option, ...]
    groups: tuple[Option, ...]
    collaborations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: str = "list"
    grouping: str = "department"
    min_group_size: int = 5
    retention_months: int = 12
    contact: str = ""
    boxes: int = BOXES

    @property
    def title(self) -> str:
        """The survey's title."""
        return t("kit.title", self.lang, organisation=self.organisation)

    @property
    def minutes(self) -> int:
        """An estimate of the time it takes, rounded up to 5 minutes."""
        statements = sum(len(q.options) for q in self.questions if q.kind == "conditions")
        people = sum(1 for q in self.questions if q.kind in ("people", "groups"))
        return max(5, 5 * math.ceil((1.5 * people + 0.15 * statements + 0.5) / 5))

    @property
    def groups_word(self) -> str:
        """What the groups are called ("afdelingen", "teams")."""
        key = self.grouping if self.grouping in ("department", "team") else "other"
        return t(f"kit.groups.{key}", self.lang)

    @property
    def welcome(self) -> str:
        """The welcome text shown before the first question."""
        return t("kit.welcome", self.lang, organisation=self.organisation, minutes=self.minutes,
                 k=self.min_group_size)

    @property
    def end(self) -> str:
        """The text shown after the last question."""
        return t("kit.end", self.lang)

    def sections(self) -> list[tuple[str, str, list[KitQuestion]]]:
        """(key, title, questions) per section, in order; a collaboration is a section of its own."""
        out: list[tuple[str, str, list[KitQuestion]]] = []
        for q in self.questions:
            key = f"collaboration:{q.collaboration}" if q.section == "collaboration" else q.section
            if not out or out[-1][0] != key:
                out.append((key, self.section_title(q), []))
            out[-1][2].append(q)
        return out

    def section_title(self, question: KitQuestion) -> str:
        """The title of the section a question is in."""
        if question.section == "collaboration":
            return t("kit.section.collaboration", self.lang, collaboration=question.collaboration)
        if question.section == "groups":
            return t("kit.section.groups", self.lang, groups=self.groups_word)
        return t(f"kit.section.{question.section}", self.lang)

    def invitation(self, *, deadline: str | None = None, sender: str | None = None) -> tuple[str, str]:
        """The invitation: (subject, body)."""
        lang = self.lang
        subject = t("kit.invitation.subject", lang, minutes=self.minutes)
        body = t("kit.invitation.body", lang, organisation=self.organisation, minutes=self.minutes,
                 k=self.min_group_size, deadline=deadline or t("kit.invitation.deadline", lang),
                 contact=self.contact or t("kit.invitation.contact", lang),
                 sender=sender or t("kit.invitation.sender", lang))
        return subject, body

    def privacy_statement(self) -> str:
        """The privacy statement (Markdown): what is asked, who sees what, the minimum group size, retention."""
        lang = self.lang
        kinds = {q.section for q in self.questions}
        asked = [t("kit.privacy.asked.network", lang)]
        if "perception" in kinds:
            asked.append(t("kit.privacy.asked.perception", lang))
        if "groups" in kinds:
            asked.append(t("kit.privacy.asked.groups", lang, groups=self.groups_word))
        if self.collaborations:
            names = [f"“{name}”" for name in self.collaborations]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {t('kit.and', lang)} " + names[-1]
            asked.append(t("kit.privacy.asked.conditions", lang, collaborations=joined))
        if any(q.kind == "email" for q in self.questions):
            asked.append(t("kit.privacy.asked.email", lang))
        return (f"## {t('kit.privacy.title', lang)}\n\n"
                + t("kit.privacy.body", lang, organisation=self.organisation, asked=" ".join(asked),
                    contact=self.contact or t("kit.invitation.contact", lang), k=self.min_group_size,
                    months=self.retention_months))


def collaboration_members(expected: pd.DataFrame | None, lang: str = "nl") -> dict[str, tuple[str, ...]]:
    """Collaboration name -> its groups, from a table of expected pairs (:data:`ona.io.expected.EXPECTED_COLUMNS`).

    A pair that belongs to several collaborations (names joined by ``"; "``)
    counts for each; a pair without a name becomes a collaboration named after
    its two groups.

    >>> from ona.io.expected import expected_frame
    >>> pairs = expected_frame([("R&W", "PZ", "Omgevingswet"), ("SD", "PZ", "Sociaal loket"), ("HR", "IT")])
    >>> collaboration_members(pairs, "en")
    {'Omgevingswet': ('R&W', 'PZ'), 'Sociaal loket': ('SD', 'PZ'), 'HR and IT': ('HR', 'IT')}
    """
    members: dict[str, list[str]] = {}
    if expected is None or not len(expected):
        return {}
    for a, b, names in zip(expected["group_a"], expected["group_b"], expected["collaboration"]):
        text = names if isinstance(names, str) else ""
        for name in [n.strip() for n in text.split(";") if n.strip()] or [f"{a} {t('kit.and', lang)} {b}"]:
            group = members.setdefault(name, [])
            for g in (str(a), str(b)):
                if g not in group:
                    group.append(g)
    return {name: tuple(groups) for name, groups in members.items()}


@old_grouping_names
def build_questionnaire(
    roster: Roster | OrgNetwork | pd.DataFrame,
    expected: ExpectedLike | None = None,
    *,
    lang: str = "nl",
    organisation: str | None = None,
    names: str = "auto",
    perception: bool = True,
    dependency: bool = True,
    grouping: str = "department",
    min_group_size: int = 5,
    retention_months: int = 12,
    contact: str = "",
    email: bool = True,
    list_limit: int = LIST_LIMIT,
    boxes: int = BOXES,
) -> Questionnaire:
    """Design the network survey for a roster (see the module docstring for what it asks).

    Parameters
    ----------
    roster : Roster, OrgNetwork or DataFrame
        The staff roster (a DataFrame indexed by id with ``name`` and the
        `grouping` column, as :func:`ona.read_roster` gives).
    expected : DataFrame or iterable of pairs, optional
        The declared collaborations (:func:`ona.read_expected`); each gets the
        five conditions' statements.
    lang : {"nl", "en"}
    organisation : str, optional
        The organisation's name in the texts (default: "de organisatie" / "the organisation").
    names : {"auto", "list", "text"}
        Whether people are chosen from the roster or typed (``auto``: a list up
        to `list_limit` people).
    perception, dependency : bool
        Ask the perception questions; ask which groups one depends on.
    grouping : str
        The roster column holding the groups.
    min_group_size, retention_months : int
        What the privacy statement promises (the policy's minimum group size
        and how long raw answers are kept).
    contact : str
        Who to contact, for the invitation and the privacy statement.
    email : bool
        Ask the respondent's e-mail (LimeSurvey and Qualtrics; the Forms guides
        switch on the platform's own recording instead).

    Raises
    ------
    InputError
        For an unknown language or name mode, a roster without names, or
        declared collaborations naming groups not in the roster.

    Examples
    --------
    >>> roster = pd.DataFrame({"name": ["Ana Smit", "Bo Jansen", "Cy de Vries"], "department": ["HR", "IT", "IT"]},
    ...                       index=pd.Index(["E1", "E2", "E3"], name="id"))
    >>> q = build_questionnaire(roster, [("HR", "IT", "Onboarding")], lang="en", organisation="Acme")
    >>> [question.code for question in q.questions]
    ['email', 'advice', 'trust', 'collab', 'perceivedAdvice', 'perceivedTrust', 'dependsOn', 'cond1']
    >>> q.questions[1].text, [o.label for o in q.questions[1].options]
    ('To whom do you go for advice about your work?', ['Ana Smit', 'Bo Jansen', 'Cy de Vries'])
    >>> len(q.questions[-1].options), q.questions[-1].collaboration
    (14, 'Onboarding')
    """
    if lang not in LANGUAGES:
        raise InputError(f"the language {lang!r} is not available", fix="Choose nl or en")
    if names not in ("auto", "list", "text"):
        raise InputError(f"the name mode {names!r} is not known", fix="Choose auto, list or text")
    frame = _roster_frame(roster)
    if "name" not in frame.columns or frame["name"].isna().all():
        raise InputError("the roster has no names", fix="Add a name column (naam) so people can recognise colleagues")
    groups = _groups(frame, grouping)
    table = None
    if expected is not None:
        table = expected_frame(expected, [o.label for o in groups], grouping=grouping)
    collaborations = collaboration_members(table, lang)
    mode = names if names != "auto" else ("list" if len(frame) <= list_limit else "text")
    people = _people(frame, grouping)
    organisation = organisation or {"nl": "de organisatie", "en": "the organisation"}[lang]
    words = t(f"kit.groups.{grouping if grouping in ('department', 'team') else 'other'}", lang)
    questions: list[KitQuestion] = []
    if email:
        questions.append(KitQuestion("email", "email", "you", t("kit.q.email", lang, organisation=organisation),
                                     t("kit.q.email.help", lang)))
    names_help = (t("kit.q.names.list", lang, groups=words) if mode == "list"
                  else t("kit.q.names.text", lang, boxes=boxes))
    chosen = people if mode == "list" else ()
    for code, relation in (("advice", "advice"), ("trust", "trust"), ("collab", "collaboration")):
        questions.append(KitQuestion(code, "people", "network", t(f"kit.q.{relation}", lang), names_help,
                                     relation, chosen, mode == "text"))
    if perception:
        help_text = t("kit.q.perception.help", lang) + " " + names_help
        for code, relation in (("perceivedAdvice", "advice"), ("perceivedTrust", "trust")):
            perceived = perceived_relation(relation)
            questions.append(KitQuestion(code, "people", "perception", t(f"kit.q.{perceived}", lang), help_text,
                                         perceived, chosen, mode == "text"))
    if dependency and len(groups) > 1:
        questions.append(KitQuestion("dependsOn", "groups", "groups", t("kit.q.depends_on", lang, groups=words),
                                     t("kit.q.depends_on.help", lang, groups=words), DEPENDS_ON, groups))
    statements = tuple(Option(code, item_text(code, lang)) for condition in CONDITIONS for code in ITEMS[condition])
    for number, (name, members) in enumerate(collaborations.items(), start=1):
        joined = ", ".join(members[:-1]) + f" {t('kit.and', lang)} " + members[-1] if len(members) > 1 else members[0]
        questions.append(KitQuestion(f"cond{number}", "conditions", "collaboration",
                                     t("kit.q.conditions", lang, collaboration=name),
                                     t("kit.q.conditions.help", lang, groups=joined), None, statements,
                                     collaboration=name, scale=scale_labels(lang)))
    return Questionnaire(lang, organisation, tuple(questions), people, groups, collaborations, mode, grouping,
                         min_group_size, retention_months, contact, boxes)


def _roster_frame(roster: Roster | OrgNetwork | pd.DataFrame) -> pd.DataFrame:
    if isinstance(roster, OrgNetwork):
        return roster.roster
    if isinstance(roster, Roster):
        return roster.frame
    frame = roster.copy()
    if frame.index.name != "id" and "id" in frame.columns:
        frame = frame.set_index("id")
    frame.index = frame.index.map(str)
    return frame


def _groups(frame: pd.DataFrame, grouping: str) -> tuple[Option, ...]:
    labels = [g for g in dict.fromkeys(group_labels(frame, grouping).tolist()) if g != UNKNOWN_GROUP]
    return tuple(Option(f"G{i:02d}", label) for i, label in enumerate(labels, start=1))


def _people(frame: pd.DataFrame, grouping: str) -> tuple[Option, ...]:
    """One option per person: a code LimeSurvey accepts (the id where it can be) and an unmistakable label."""
    names = frame["name"].astype(object).where(frame["name"].notna(), None)
    names = pd.Series([" ".join(str(n).split()) if n else pid for pid, n in zip(frame.index, names)], index=frame.index)
    groups = group_labels(frame, grouping) if grouping in frame.columns else pd.Series("", index=frame.index)
    labels = names.copy()
    shared = names.duplicated(keep=False)
    labels[shared] = [f"{n} ({g})" for n, g in zip(names[shared], groups[shared])]
    still = labels.duplicated(keep=False)
    labels[still] = [f"{n} ({pid})" for pid, n in zip(labels.index[still], labels[still])]
    ids = [str(i) for i in frame.index]
    folded = [i.lower() for i in ids]
    usable = (all(_CODE.fullmatch(i) for i in ids) and len(set(folded)) == len(ids)
              and not set(folded) & _RESERVED)
    codes = ids if usable else [f"P{i:04d}" for i in range(1, len(ids) + 1)]
    order = sorted(range(len(ids)), key=lambda i: (_sort_key(labels.iloc[i]), ids[i]))
    return tuple(Option(codes[i], str(labels.iloc[i])) for i in order)


def _sort_key(label: str) -> str:
    """People are listed by first name, as they are found in a list: case and accents ignored."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()

