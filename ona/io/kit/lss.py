"""The questionnaire as a LimeSurvey survey structure file (``.lss``), importable by LimeSurvey 3 to 6.

An ``.lss`` file is an XML document (``<document>``, ``LimeSurveyDocType``
``Survey``) with one table per element: ``<fields>`` names the columns and
every ``<row>`` holds values in CDATA. ona writes the LimeSurvey 3 layout
(``DBVersion`` 359), in which question, subquestion, group and answer rows
carry their texts with a ``language`` column, one row per language.
LimeSurvey 3 imports it natively and LimeSurvey 4, 5 and 6 convert it on
import (their importer reads the texts from these rows when the file has no
``question_l10ns`` table), so one file serves every version.

What the importer checks, and the file keeps to:

* question codes start with a letter and hold letters and digits only, at
  most 20, unique in the survey, and no reserved word (``SID``, ``TOKEN``,
  ``self`` ...); subquestion codes hold letters and digits only (at most 20,
  unique per question, not ``time`` or ``other``); answer codes at most 5;
* every question's group and every subquestion's parent exists, and every
  language listed has a row for every group, question, subquestion and answer.

The survey is bilingual: its first language is the questionnaire's, the
other one (Dutch or English) is an additional language respondents can pick.
Question types: ``S`` (short text: e-mail), ``M`` (multiple choice: people
or groups), ``T`` (long text: names typed one per line) and ``F`` (array:
the five conditions' statements against the agreement scale A1..A5). The
respondent's e-mail is asked, so no participant table is needed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from ona.io.kit.questionnaire import KitQuestion, Questionnaire

__all__ = ["DB_VERSION", "SURVEY_ID", "to_lss"]

#: LimeSurvey's database version of the layout written (LimeSurvey 3.x).
DB_VERSION = 359
#: The survey id in the file; LimeSurvey gives the survey a new id on import when this one is taken.
SURVEY_ID = 482751

_GROUP_FIELDS = ("gid", "sid", "group_name", "group_order", "description", "language", "randomization_group",
                 "grelevance")
_QUESTION_FIELDS = ("qid", "parent_qid", "sid", "gid", "type", "title", "question", "preg", "help", "other",
                    "mandatory", "question_order", "language", "scale_id", "same_default", "relevance", "modulename")
_ANSWER_FIELDS = ("qid", "code", "answer", "sortorder", "assessment_value", "language", "scale_id")
_ATTRIBUTE_FIELDS = ("qid", "attribute", "value", "language")
_SURVEY_FIELDS = (
    "sid", "gsid", "admin", "expires", "startdate", "adminemail", "anonymized", "faxto", "format", "savetimings",
    "template", "language", "additional_languages", "datestamp", "usecookie", "allowregister", "allowsave",
    "autonumber_start", "autoredirect", "allowprev", "printanswers", "ipaddr", "refurl", "showsurveypolicynotice",
    "publicstatistics", "publicgraphs", "listpublic", "htmlemail", "sendconfirmation", "tokenanswerspersistence",
    "assessments", "usecaptcha", "usetokens", "bounce_email", "emailresponseto", "emailnotificationto",
    "tokenlength", "showxquestions", "showgroupinfo", "shownoanswer", "showqnumcode", "bounceprocessing",
    "showwelcome", "showprogress", "questionindex", "navigationdelay", "nokeyboard", "alloweditaftercompletion",
)
_LANGUAGE_FIELDS = ("surveyls_survey_id", "surveyls_language", "surveyls_title", "surveyls_description",
                    "surveyls_welcometext", "surveyls_endtext", "surveyls_url", "surveyls_urldescription",
                    "surveyls_email_invite_subj", "surveyls_email_invite", "surveyls_numberformat")
_TYPES = {"email": "S", "groups": "M", "conditions": "F"}


def to_lss(questionnaires: Questionnaire | Sequence[Questionnaire]) -> bytes:
    """The survey as an ``.lss`` file (UTF-8 XML), in one or more languages; the first is the base language.

    Parameters
    ----------
    questionnaires : Questionnaire or sequence of Questionnaire
        The same questionnaire in each language (built from the same roster
        and collaborations, so codes agree).

    Raises
    ------
    ValueError
        If the questionnaires differ in their questions or options.

    Examples
    --------
    >>> import pandas as pd
    >>> from ona.io.kit.questionnaire import build_questionnaire
    >>> roster = pd.DataFrame({"name": ["Ana Smit", "Bo Jansen"], "department": ["HR", "IT"]},
    ...                       index=pd.Index(["E1", "E2"], name="id"))
    >>> xml = to_lss(build_questionnaire(roster, lang="en")).decode()
    >>> "<LimeSurveyDocType>Survey</LimeSurveyDocType>" in xml, xml.count("<title><![CDATA[advice]]></title>")
    (True, 1)
    """
    qs = [questionnaires] if isinstance(questionnaires, Questionnaire) else list(questionnaires)
    base = qs[0]
    for other in qs[1:]:
        if [(q.code, q.kind, [o.code for o in q.options]) for q in other.questions] != [
                (q.code, q.kind, [o.code for o in q.options]) for q in base.questions]:
            raise ValueError("the questionnaires of an .lss file must have the same questions and options")
    languages = [q.lang for q in qs]
    sid = SURVEY_ID
    groups, questions, subquestions, answers, attributes = [], [], [], [], []
    qid = 0
    sections = [q.sections() for q in qs]
    for order, parts in enumerate(zip(*sections), start=1):
        gid = order
        for q, (key, title, _) in zip(qs, parts):
            groups.append({"gid": gid, "sid": sid, "group_name": title, "group_order": order,
                           "description": "", "language": q.lang, "randomization_group": "", "grelevance": ""})
        for position, variants in enumerate(zip(*(p[2] for p in parts)), start=1):
            qid += 1
            parent = qid
            first: KitQuestion = variants[0]
            kind = _TYPES.get(first.kind, "T" if first.free_text else "M")
            for lang, question in zip(languages, variants):
                questions.append({
                    "qid": parent, "parent_qid": 0, "sid": sid, "gid": gid, "type": kind, "title": question.code,
                    "question": _html(question.text), "preg": "", "help": _html(question.help), "other": "N",
                    "mandatory": "Y" if question.kind == "email" else "N", "question_order": position,
                    "language": lang, "scale_id": 0, "same_default": 0, "relevance": "1", "modulename": "",
                })
            if kind == "M" and len(first.options) > 20:
                attributes.append({"qid": parent, "attribute": "display_columns", "value": "2", "language": ""})
            for sort, options in enumerate(zip(*(v.options for v in variants)), start=1):
                qid += 1
                for lang, option in zip(languages, options):
                    subquestions.append({
                        "qid": qid, "parent_qid": parent, "sid": sid, "gid": gid, "type": "T", "title": option.code,
                        "question": _html(option.label), "preg": "", "help": "", "other": "N", "mandatory": "N",
                        "question_order": sort, "language": lang, "scale_id": 0, "same_default": 0,
                        "relevance": "1", "modulename": "",
                    })
            if kind == "F":
                for value, labels in enumerate(zip(*(v.scale for v in variants)), start=1):
                    for lang, label in zip(languages, labels):
                        answers.append({"qid": parent, "code": f"A{value}", "answer": _html(label),
                                        "sortorder": value, "assessment_value": value, "language": lang,
                                        "scale_id": 0})
    survey = {
        "sid": sid, "gsid": 1, "admin": "HR", "expires": "", "startdate": "", "adminemail": "",
        "anonymized": "N", "faxto": "", "format": "G", "savetimings": "N", "template": "vanilla",
        "language": languages[0], "additional_languages": " ".join(languages[1:]), "datestamp": "Y",
        "usecookie": "N", "allowregister": "N", "allowsave": "Y", "autonumber_start": 0, "autoredirect": "N",
        "allowprev": "Y", "printanswers": "N", "ipaddr": "N", "refurl": "N", "showsurveypolicynotice": 0,
        "publicstatistics": "N", "publicgraphs": "N", "listpublic": "N", "htmlemail": "Y", "sendconfirmation": "N",
        "tokenanswerspersistence": "N", "assessments": "N", "usecaptcha": "N", "usetokens": "N",
        "bounce_email": "", "emailresponseto": "", "emailnotificationto": "", "tokenlength": 15,
        "showxquestions": "Y", "showgroupinfo": "B", "shownoanswer": "Y", "showqnumcode": "X",
        "bounceprocessing": "N", "showwelcome": "Y", "showprogress": "Y", "questionindex": 0,
        "navigationdelay": 0, "nokeyboard": "N", "alloweditaftercompletion": "N",
    }
    settings = []
    for q in qs:
        subject, body = q.invitation()
        settings.append({
            "surveyls_survey_id": sid, "surveyls_language": q.lang, "surveyls_title": q.title,
            "surveyls_description": _markdown_html(q.privacy_statement()), "surveyls_welcometext": _html(q.welcome),
            "surveyls_endtext": _html(q.end), "surveyls_url": "", "surveyls_urldescription": "",
            "surveyls_email_invite_subj": subject, "surveyls_email_invite": _html(body).replace("\n", "<br />\n"),
            "surveyls_numberformat": 1 if q.lang == "nl" else 0,
        })
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>", " <LimeSurveyDocType>Survey</LimeSurveyDocType>",
           f" <DBVersion>{DB_VERSION}</DBVersion>", " <languages>"]
    out += [f"  <language>{lang}</language>" for lang in languages]
    out.append(" </languages>")
    for name, fields, rows in (("answers", _ANSWER_FIELDS, answers), ("groups", _GROUP_FIELDS, groups),
                               ("questions", _QUESTION_FIELDS, questions),
                               ("subquestions", _QUESTION_FIELDS, subquestions),
                               ("question_attributes", _ATTRIBUTE_FIELDS, attributes),
                               ("surveys", _SURVEY_FIELDS, [survey]),
                               ("surveys_languagesettings", _LANGUAGE_FIELDS, settings)):
        if rows:
            out += _table(name, fields, rows)
    out.append("</document>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _table(name: str, fields: Sequence[str], rows: list[dict[str, object]]) -> list[str]:
    lines = [f" <{name}>", "  <fields>"] + [f"   <fieldname>{f}</fieldname>" for f in fields] + ["  </fields>",
                                                                                              "  <rows>"]
    for row in rows:
        lines.append("   <row>")
        for f in fields:
            value = row.get(f, "")
            text = "" if value is None else str(value)
            lines.append(f"    <{f}><![CDATA[{_cdata(text)}]]></{f}>" if text != "" else f"    <{f}/>")
        lines.append("   </row>")
    lines += ["  </rows>", f" </{name}>"]
    return lines


def _cdata(text: str) -> str:
    """Text safe inside CDATA: the one sequence CDATA cannot hold is split over two sections."""
    return text.replace("]]>", "]]]]><![CDATA[>")


def _html(text: str) -> str:
    """Plain text for a LimeSurvey HTML field: angle brackets escaped, nothing else changed."""
    return str(text).replace("<", "&lt;").replace(">", "&gt;")


def _markdown_html(text: str) -> str:
    """The little Markdown of the kit's texts (headings, bold, paragraphs) as HTML."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", str(text).strip()):
        block = escape(html.unescape(block))
        heading = re.fullmatch(r"#+\s*(.+)", block)
        if heading:
            paragraphs.append(f"<h3>{heading.group(1)}</h3>")
            continue
        block = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", block)
        paragraphs.append("<p>" + block.replace("\n", "<br />") + "</p>")
    return "\n".join(paragraphs)
