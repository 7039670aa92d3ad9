r"""Survey structure files: what a survey asks, with its codes and their labels in every language.

A survey platform's own description of a survey lets ona read exports that
hold only codes: LimeSurvey's ``.lss`` (XML, LimeSurvey 3 to 6) and
Qualtrics' ``.qsf`` (JSON). :func:`read_structure` reads either into one
:class:`SurveyStructure`: questions with their code, type, texts per language,
subquestions (the rows of an array, the options of a multiple-choice question,
the boxes of a multiple-text question) and answer options (the scale of an
array, the options of a single-choice question), each with its code and its
labels per language.

Nothing is assumed about the order of codes: ``SQ007`` may be the first
person listed and recode ``5`` the lowest point of a scale. Codes are looked up,
never counted.

>>> lss = b'''<?xml version="1.0" encoding="UTF-8"?>
... <document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>640</DBVersion>
... <languages><language>nl</language></languages>
... <questions><rows><row><qid>1</qid><parent_qid>0</parent_qid><type>M</type><title>advies</title>
... <other>Y</other><question_order>1</question_order></row></rows></questions>
... <subquestions><rows><row><qid>2</qid><parent_qid>1</parent_qid><type>T</type><title>SQ002</title>
... <question_order>1</question_order></row></rows></subquestions>
... <question_l10ns><rows><row><qid>1</qid><question>Bij wie ga je voor &lt;b&gt;advies&lt;/b&gt;?</question>
... <language>nl</language></row><row><qid>2</qid><question>Fatima El Amrani</question><language>nl</language>
... </row></rows></question_l10ns></document>'''
>>> survey = read_structure(lss, filename="enquete.lss")
>>> question = survey.question("advies")
>>> survey.platform, question.kind, question.text("nl"), question.subquestion("SQ002").label()
('LimeSurvey', 'multiple_choice', 'Bij wie ga je voor advies?', 'Fatima El Amrani')
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.etree import ElementTree

from ona.exceptions import SurveyFormatError
from ona.io.files import Source, read_source

__all__ = [
    "AnswerOption",
    "KINDS",
    "StructureQuestion",
    "SubQuestion",
    "SurveyStructure",
    "plain_text",
    "read_lss",
    "read_qsf",
    "read_structure",
]

#: Generic question kinds, whatever the platform calls them.
KINDS = {
    "text": "one free-text answer",
    "multiple_text": "several free-text boxes (one column each)",
    "single_choice": "one option chosen from a list",
    "multiple_choice": "several options ticked (one column each)",
    "array": "a scale for each row (one column per row)",
    "number": "a number",
    "other": "anything else (dates, uploads, display text)",
}


@dataclass(frozen=True)
class AnswerOption:
    """One answer option: a point of a scale or an option of a single-choice question.

    Attributes
    ----------
    code : str
        What an export holds when this option is chosen and exported as codes
        (LimeSurvey's answer code such as ``AO01``; Qualtrics' recode value).
    labels : dict
        Language -> label (plain text).
    order : int
        Position in which the survey shows it (0-based).
    id : str
        The platform's own id (Qualtrics' choice or answer id), or ``""``.
    names : tuple of str
        Other names an export may use for it (Qualtrics' variable naming).
    """

    code: str
    labels: dict[str, str]
    order: int = 0
    id: str = ""
    names: tuple[str, ...] = ()

    def label(self, lang: str | None = None) -> str:
        """The label in `lang`, else in the first language that has one."""
        return _pick(self.labels, lang)


@dataclass(frozen=True)
class SubQuestion:
    """A row of an array, an option of a multiple-choice question or a box of a multiple-text question.

    Attributes
    ----------
    code : str
        LimeSurvey's subquestion code (``SQ001``: the part in brackets in
        ``advies[SQ001]``); for Qualtrics the choice id.
    labels : dict
        Language -> label.
    order : int
        Display position (0-based).
    scale : int
        LimeSurvey's scale id (dual-scale arrays: 1 for the column axis).
    other : bool
        True for an "other, namely" text entry.
    id : str
        The platform's own id (LimeSurvey qid, Qualtrics choice id).
    suffixes : tuple of str
        The column suffixes an export may use for it (Qualtrics: choice id,
        recode value, export tag).
    """

    code: str
    labels: dict[str, str]
    order: int = 0
    scale: int = 0
    other: bool = False
    id: str = ""
    suffixes: tuple[str, ...] = ()

    def label(self, lang: str | None = None) -> str:
        """The label in `lang`, else in the first language that has one."""
        return _pick(self.labels, lang)


@dataclass(frozen=True)
class StructureQuestion:
    """One question of a survey.

    Attributes
    ----------
    code : str
        The code an export uses for it (LimeSurvey's question code, Qualtrics'
        data export tag such as ``Q3``).
    type : str
        The platform's own type (LimeSurvey ``M``, ``F``, ``Q`` ...; Qualtrics
        ``MC/MAVR``, ``Matrix/Likert``, ``TE/FORM`` ...).
    kind : str
        One of :data:`KINDS`.
    texts : dict
        Language -> question text (plain text: HTML tags and entities removed).
    subquestions : tuple of SubQuestion
    answers : tuple of AnswerOption
    other : bool
        Whether the question has an "other, namely" option.
    id : str
        The platform's id (LimeSurvey qid, Qualtrics ``QID3``).
    order : int
        Position in the survey (0-based).
    """

    code: str
    type: str
    kind: str
    texts: dict[str, str]
    subquestions: tuple[SubQuestion, ...] = ()
    answers: tuple[AnswerOption, ...] = ()
    other: bool = False
    id: str = ""
    order: int = 0

    def text(self, lang: str | None = None) -> str:
        """The question text in `lang`, else in the first language that has one."""
        return _pick(self.texts, lang)

    def subquestion(self, code: str) -> SubQuestion | None:
        """The subquestion with this code (case-insensitive), else the first whose column suffixes hold it, or None.

        A code always wins over a suffix: in Qualtrics, choice ``7`` may have
        recode value ``12`` while choice ``12`` has recode value ``7``.
        """
        wanted = str(code).strip().casefold()
        for sub in self.subquestions:
            if sub.code.casefold() == wanted:
                return sub
        for sub in self.subquestions:
            if wanted in (s.casefold() for s in sub.suffixes):
                return sub
        return None

    def subquestion_by_suffix(self, suffix: str) -> SubQuestion | None:
        """The subquestion an export column's suffix names, trying the suffixes in their order of precedence.

        For a Qualtrics multiple-choice question the suffix is the recode value
        (``Q1_12``), for a matrix the choice id or its export tag; every
        subquestion's first matching suffix kind wins over later kinds.
        """
        wanted = str(suffix).strip().casefold()
        depth = max((len(s.suffixes) for s in self.subquestions), default=0)
        for level in (1, 2, 0) if depth > 1 else (0,):
            for sub in self.subquestions:
                if level < len(sub.suffixes) and sub.suffixes[level].casefold() == wanted:
                    return sub
        return self.subquestion(suffix)

    def answer(self, code: str) -> AnswerOption | None:
        """The answer option with this code (or id or name), or None; ``"5.0"`` finds code ``5``."""
        wanted = str(code).strip()
        if re.fullmatch(r"-?\d+\.0", wanted):
            wanted = wanted[:-2]
        folded = wanted.casefold()
        for option in self.answers:
            if option.code.casefold() == folded:
                return option
        for option in self.answers:
            if folded in (n.casefold() for n in option.names):
                return option
        return None


@dataclass(frozen=True)
class SurveyStructure:
    """A survey's structure file, read.

    Attributes
    ----------
    platform : str
        ``"LimeSurvey"`` or ``"Qualtrics"``.
    languages : tuple of str
        The survey's languages, its base language first (``("nl", "en")``).
    questions : tuple of StructureQuestion
        In survey order.
    title : str
        The survey's title (base language), or ``""``.
    version : str
        LimeSurvey's DBVersion or the Qualtrics schema version.
    source : str
        Display name of the file.
    """

    platform: str
    languages: tuple[str, ...]
    questions: tuple[StructureQuestion, ...]
    title: str = ""
    version: str = ""
    source: str = ""
    _by_code: dict[str, StructureQuestion] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code: dict[str, StructureQuestion] = {}
        for q in self.questions:
            by_code.setdefault(q.code.casefold(), q)
            if q.id:
                by_code.setdefault(q.id.casefold(), q)
        object.__setattr__(self, "_by_code", by_code)

    @property
    def language(self) -> str:
        """The base language."""
        return self.languages[0] if self.languages else ""

    def question(self, code: str) -> StructureQuestion | None:
        """The question with this code (or platform id), case-insensitive, or None."""
        return self._by_code.get(str(code).strip().casefold())


def _pick(labels: dict[str, str], lang: str | None) -> str:
    if lang and labels.get(lang):
        return labels[lang]
    if lang:
        base = lang.split("-")[0].casefold()
        for key, value in labels.items():
            if key.split("-")[0].casefold() == base and value:
                return value
    return next((v for v in labels.values() if v), "")


def plain_text(value: object) -> str:
    """Survey text as people read it: HTML tags and entities removed, spaces collapsed.

    >>> plain_text("<p>Bij wie ga je voor <b>advies</b>?&nbsp;</p>")
    'Bij wie ga je voor advies?'
    """
    text = re.sub(r"<br\s*/?>|</p>|</div>|</li>", " ", str(value or ""), flags=re.I)
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.I | re.S)
    text = re.sub(r"<[^>]*>", "", text)
    return " ".join(html.unescape(text).split())


def read_structure(source: Source, filename: str | None = None) -> SurveyStructure:
    """Read a LimeSurvey ``.lss`` or Qualtrics ``.qsf`` structure file (recognised from its content).

    Raises
    ------
    SurveyFormatError
        If the file is neither, is damaged, or holds no questions.
    """
    data, name = read_source(source, filename)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return read_lss(data, filename=name)
    if head.startswith(b"{"):
        return read_qsf(data, filename=name)
    raise SurveyFormatError(key="ingest.structure.unknown", fix_key="ingest.structure.unknown.fix", file=name)


# -- LimeSurvey ---------------------------------------------------------------------------------

_LIME_KINDS = {
    "S": "text", "T": "text", "U": "text", "Q": "multiple_text", "M": "multiple_choice", "P": "multiple_choice",
    "L": "single_choice", "!": "single_choice", "O": "single_choice", "5": "single_choice", "G": "single_choice",
    "Y": "single_choice", "F": "array", "H": "array", "A": "array", "B": "array", "C": "array", "E": "array",
    "1": "array", ":": "array", ";": "array", "N": "number", "K": "number",
}
#: Fixed answers of LimeSurvey types without answer options (code -> English, Dutch label).
_LIME_FIXED = {
    "Y": {"Y": ("Yes", "Ja"), "N": ("No", "Nee")},
    "G": {"F": ("Female", "Vrouw"), "M": ("Male", "Man")},
    "C": {"Y": ("Yes", "Ja"), "N": ("No", "Nee"), "U": ("Uncertain", "Weet niet")},
    "E": {"I": ("Increase", "Toename"), "S": ("Same", "Gelijk"), "D": ("Decrease", "Afname")},
}


def read_lss(source: Source, *, filename: str | None = None) -> SurveyStructure:
    """Read a LimeSurvey survey structure file (``.lss``, LimeSurvey 3 to 6).

    LimeSurvey 3 keeps texts in the rows of ``questions``, ``subquestions``
    and ``answers`` (one row per language); LimeSurvey 4 and later keep them
    in ``question_l10ns`` and ``answer_l10ns``. Both are read.

    Raises
    ------
    SurveyFormatError
        If the XML is damaged, declares entities (refused: they can hide
        billion-laughs bombs), or is not a LimeSurvey survey.
    """
    data, name = read_source(source, filename)
    if b"<!DOCTYPE" in data[:65536].upper() or b"<!ENTITY" in data.upper():
        raise SurveyFormatError(key="ingest.structure.entities", fix_key="ingest.structure.unknown.fix", file=name)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise SurveyFormatError(key="ingest.structure.damaged", fix_key="ingest.structure.damaged.fix", file=name,
                                values={"error": str(exc)}) from None
    if root.tag != "document" or root.find("questions") is None:
        raise SurveyFormatError(key="ingest.structure.not_lime", fix_key="ingest.structure.unknown.fix", file=name)
    version = (root.findtext("DBVersion") or "").strip()
    listed = root.find("languages")
    languages = [(e.text or "").strip() for e in (listed.iter("language") if listed is not None else [])]
    languages = list(dict.fromkeys(lang for lang in languages if lang))
    questions = _lime_rows(root, "questions")
    subquestions = _lime_rows(root, "subquestions")
    texts: dict[str, dict[str, str]] = {}
    for row in questions + subquestions + _lime_rows(root, "question_l10ns"):
        if row.get("question") is not None and row.get("qid"):
            lang = row.get("language") or (languages[0] if languages else "")
            texts.setdefault(row["qid"], {})[lang] = plain_text(row["question"])
    answer_texts: dict[str, dict[str, str]] = {}
    for row in _lime_rows(root, "answer_l10ns"):
        answer_texts.setdefault(row.get("aid", ""), {})[row.get("language", "")] = plain_text(row.get("answer"))
    answers: dict[str, dict[tuple[int, str], AnswerOption]] = {}
    for row in _lime_rows(root, "answers"):
        qid, code = row.get("qid", ""), row.get("code", "")
        scale = _int(row.get("scale_id"))
        labels = dict(answer_texts.get(row.get("aid", ""), {}))
        if row.get("answer") is not None:
            labels[row.get("language") or (languages[0] if languages else "")] = plain_text(row["answer"])
        known = answers.setdefault(qid, {})
        previous = known.get((scale, code))
        merged = {**(previous.labels if previous else {}), **labels}
        known[(scale, code)] = AnswerOption(code, merged, _int(row.get("sortorder")), row.get("aid", ""))
    subs: dict[str, dict[tuple[int, str], SubQuestion]] = {}
    for row in subquestions + [r for r in questions if r.get("parent_qid") not in (None, "", "0")]:
        parent, code = row.get("parent_qid", ""), row.get("title", "")
        scale = _int(row.get("scale_id"))
        subs.setdefault(parent, {})[(scale, code)] = SubQuestion(
            code, texts.get(row.get("qid", ""), {}), _int(row.get("question_order")), scale, False, row.get("qid", ""))
    found: dict[str, StructureQuestion] = {}
    order = 0
    for row in sorted((r for r in questions if r.get("parent_qid") in (None, "", "0")),
                      key=lambda r: (_int(r.get("gid")), _int(r.get("question_order")), _int(r.get("qid")))):
        qid = row.get("qid", "")
        if qid in found:
            continue  # LimeSurvey 3: one row per language
        qtype = row.get("type", "")
        options = sorted(answers.get(qid, {}).values(), key=lambda a: (a.order, a.code))
        if not options and qtype in _LIME_FIXED:
            options = [AnswerOption(code, {"en": en, "nl": nl}, i) for i, (code, (en, nl)) in
                       enumerate(_LIME_FIXED[qtype].items())]
        if not options and qtype == "5":
            options = [AnswerOption(str(i), {"en": str(i)}, i - 1) for i in range(1, 6)]
        if not options and qtype == "B":
            options = [AnswerOption(str(i), {"en": str(i)}, i - 1) for i in range(1, 11)]
        if not options and qtype == "A":
            options = [AnswerOption(str(i), {"en": str(i)}, i - 1) for i in range(1, 6)]
        rows = sorted(subs.get(qid, {}).values(), key=lambda s: (s.scale, s.order, s.code))
        other = (row.get("other") or "N").upper() == "Y"
        found[qid] = StructureQuestion(row.get("title", ""), qtype, _LIME_KINDS.get(qtype, "other"),
                                       texts.get(qid, {}), tuple(rows), tuple(options), other, qid, order)
        order += 1
    if not found:
        raise SurveyFormatError(key="ingest.structure.no_questions", fix_key="ingest.structure.unknown.fix",
                                file=name)
    title = ""
    for row in _lime_rows(root, "surveys_languagesettings"):
        if row.get("surveyls_title"):
            title = plain_text(row["surveyls_title"])
            break
    if not languages:
        languages = sorted({lang for t in texts.values() for lang in t})
    return SurveyStructure("LimeSurvey", tuple(languages), tuple(found.values()), title, version, name)


def _lime_rows(root: ElementTree.Element, section: str) -> list[dict[str, str]]:
    element = root.find(section)
    if element is None:
        return []
    rows = element.find("rows")
    if rows is None:
        return []
    out = []
    for row in rows.findall("row"):
        out.append({child.tag: (child.text or "") for child in row})
    return out


def _int(value: object) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 0


# -- Qualtrics ----------------------------------------------------------------------------------


def read_qsf(source: Source, *, filename: str | None = None) -> SurveyStructure:
    """Read a Qualtrics survey file (``.qsf``, JSON).

    Choices keep their id, recode value (``RecodeValues``) and variable name
    (``VariableNaming``); an export's column ``Q3_4`` is found by the choice id
    in its ImportId (``QID3_4``) or by the recode value or export tag after
    the underscore. Translations (``Language``) give the other languages.

    Raises
    ------
    SurveyFormatError
        If the JSON is damaged or is not a Qualtrics survey.
    """
    data, name = read_source(source, filename)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SurveyFormatError(key="ingest.structure.damaged", fix_key="ingest.structure.damaged.fix", file=name,
                                values={"error": str(exc)[:120]}) from None
    if not isinstance(document, dict) or not isinstance(document.get("SurveyElements"), list):
        raise SurveyFormatError(key="ingest.structure.not_qualtrics", fix_key="ingest.structure.unknown.fix",
                                file=name)
    entry = document.get("SurveyEntry") or {}
    base = str(entry.get("SurveyLanguage") or "EN").lower()
    elements = [e for e in document["SurveyElements"] if isinstance(e, dict)]
    block_order = _qualtrics_order(elements)
    questions: list[StructureQuestion] = []
    languages = [base]
    for element in elements:
        if element.get("Element") != "SQ" or not isinstance(element.get("Payload"), dict):
            continue
        payload = element["Payload"]
        qid = str(payload.get("QuestionID") or element.get("PrimaryAttribute") or "")
        qtype, selector = str(payload.get("QuestionType") or ""), str(payload.get("Selector") or "")
        sub_selector = str(payload.get("SubSelector") or "")
        translations = payload.get("Language") if isinstance(payload.get("Language"), dict) else {}
        languages.extend(str(k).lower() for k in translations)
        texts = {base: plain_text(payload.get("QuestionText") or payload.get("QuestionDescription") or "")}
        for lang, translated in translations.items():
            if isinstance(translated, dict) and translated.get("QuestionText"):
                texts[str(lang).lower()] = plain_text(translated["QuestionText"])
        kind = _qualtrics_kind(qtype, selector, sub_selector)
        choices = _mapping(payload.get("Choices"))
        choice_order = [str(c) for c in (payload.get("ChoiceOrder") or choices.keys())]
        recodes = {str(k): str(v) for k, v in _mapping(payload.get("RecodeValues")).items()}
        names = {str(k): str(v) for k, v in _mapping(payload.get("VariableNaming")).items()}
        tags = {str(k): str(v) for k, v in _mapping(payload.get("ChoiceDataExportTags")).items()}

        def labels_of(key: str, cid: str, entry: dict) -> dict[str, str]:  # type: ignore[type-arg]
            out = {base: plain_text(entry.get("Display", ""))}
            for lang, translated in translations.items():
                part = _mapping(translated.get(key)) if isinstance(translated, dict) else {}
                if isinstance(part.get(cid), dict) and part[cid].get("Display"):
                    out[str(lang).lower()] = plain_text(part[cid]["Display"])
            return out

        subquestions: list[SubQuestion] = []
        answers: list[AnswerOption] = []
        other = False
        for position, cid in enumerate(c for c in choice_order if c in choices):
            choice = choices[cid] if isinstance(choices[cid], dict) else {}
            text_entry = str(choice.get("TextEntry", "")).lower() in ("true", "1", "on")
            other = other or text_entry
            labels = labels_of("Choices", cid, choice)
            if kind == "single_choice":
                answers.append(AnswerOption(recodes.get(cid, cid), labels, position, cid,
                                            tuple(n for n in (names.get(cid), labels[base]) if n)))
            else:  # a matrix's RecodeValues are about its answers (columns), a multiple choice's about its choices
                own = (cid, tags.get(cid)) if qtype == "Matrix" else (cid, recodes.get(cid), tags.get(cid))
                suffixes = tuple(dict.fromkeys(s for s in own if s))
                subquestions.append(SubQuestion(cid, labels, position, 0, text_entry, cid, suffixes))
        if kind == "array":
            scale = _mapping(payload.get("Answers"))
            answer_order = [str(a) for a in (payload.get("AnswerOrder") or scale.keys())]
            answer_recodes = recodes if qtype == "Matrix" else {}
            for position, aid in enumerate(a for a in answer_order if a in scale):
                entry_ = scale[aid] if isinstance(scale[aid], dict) else {}
                answers.append(AnswerOption(answer_recodes.get(aid, aid), labels_of("Answers", aid, entry_),
                                            position, aid))
        code = str(payload.get("DataExportTag") or qid)
        questions.append(StructureQuestion(code, f"{qtype}/{selector}" if selector else qtype, kind, texts,
                                           tuple(subquestions), tuple(answers), other, qid, 0))
    questions.sort(key=lambda q: (block_order.get(q.id, len(block_order)), _qid_number(q.id)))
    questions = [StructureQuestion(q.code, q.type, q.kind, q.texts, q.subquestions, q.answers, q.other, q.id, i)
                 for i, q in enumerate(questions)]
    if not questions:
        raise SurveyFormatError(key="ingest.structure.no_questions", fix_key="ingest.structure.unknown.fix",
                                file=name)
    schema = next((str(e.get("TertiaryAttribute") or "") for e in elements if e.get("Element") == "PROJ"), "")
    return SurveyStructure("Qualtrics", tuple(dict.fromkeys(languages)), tuple(questions),
                           str(entry.get("SurveyName") or ""), schema, name)


def _mapping(value: object) -> dict[str, object]:
    """A Qualtrics mapping (a dict, or a list that Qualtrics sometimes writes instead) as a dict."""
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, list):
        return {str(i + 1): v for i, v in enumerate(value) if v is not None}
    return {}


def _qualtrics_kind(qtype: str, selector: str, sub_selector: str) -> str:
    if qtype == "MC":
        return "multiple_choice" if selector in ("MAVR", "MAHR", "MACOL", "MSB", "MAB") else "single_choice"
    if qtype == "Matrix":
        return "multiple_choice" if sub_selector == "MultipleAnswer" else "array"
    if qtype == "TE":
        return "multiple_text" if selector == "FORM" else "text"
    if qtype in ("Slider", "CS"):
        return "array"
    return "other"


def _qualtrics_order(elements: Iterable[dict]) -> dict[str, int]:  # type: ignore[type-arg]
    """Question id -> position in the survey's blocks (the trash block last)."""
    order: dict[str, int] = {}
    for element in elements:
        if element.get("Element") != "BL":
            continue
        payload = element.get("Payload")
        blocks = payload.values() if isinstance(payload, dict) else payload or []
        blocks = sorted(blocks, key=lambda b: 1 if isinstance(b, dict) and b.get("Type") == "Trash" else 0)
        for block in blocks:
            if not isinstance(block, dict):
                continue
            for item in block.get("BlockElements") or []:
                if isinstance(item, dict) and item.get("Type") == "Question":
                    order.setdefault(str(item.get("QuestionID")), len(order))
    return order


def _qid_number(qid: str) -> int:
    m = re.search(r"\d+", qid)
    return int(m.group(0)) if m else 0
