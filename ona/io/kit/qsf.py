"""The questionnaire as a Qualtrics survey file (``.qsf``), importable through "Create a new project › Survey ›
Import a QSF file".

A ``.qsf`` file is JSON: ``SurveyEntry`` (the survey's name, language and
status) and ``SurveyElements``, a list of elements each with ``Element``,
``PrimaryAttribute``, ``SecondaryAttribute``, ``TertiaryAttribute`` and a
``Payload``. ona writes the blocks (``BL``: a default block, the trash and
one standard block per section), the survey flow (``FL``: every block in
order), the survey options (``SO``), the question count (``QC``) and one
``SQ`` element per question:

=================  ==========================================================
kit question       Qualtrics question
=================  ==========================================================
welcome, privacy   ``DB`` / ``TB`` (descriptive text, no answer columns)
e-mail             ``TE`` / ``SL`` (single line), forced response
people, groups     ``MC`` / ``MAVR`` (multiple answer, vertical), one choice each
typed names        ``TE`` / ``ML`` (multi-line), one name per line
five conditions    ``Matrix`` / ``Likert`` / ``SingleAnswer``: statements as
                   choices, the agreement scale as answers 1-5
=================  ==========================================================

Each question's ``DataExportTag`` is the kit's code, so the CSV download has
columns such as ``advice_3`` and ``cond1_14`` with texts ``Question - Choice``
in its second header row: exactly what :mod:`ona.io.survey.qualtrics` reads.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from ona.io.kit.questionnaire import KitQuestion, Questionnaire

__all__ = ["SURVEY_ID", "to_qsf"]

#: The survey id in the file; Qualtrics gives the imported survey its own id.
SURVEY_ID = "SV_0na5urveyk1t00"
_OWNER = "UR_0na5urveyk1t00"
_NEVER = "0000-00-00 00:00:00"


def to_qsf(questionnaire: Questionnaire) -> bytes:
    """The survey as a ``.qsf`` file (UTF-8 JSON).

    Examples
    --------
    >>> import pandas as pd
    >>> from ona.io.kit.questionnaire import build_questionnaire
    >>> roster = pd.DataFrame({"name": ["Ana Smit", "Bo Jansen"], "department": ["HR", "IT"]},
    ...                       index=pd.Index(["E1", "E2"], name="id"))
    >>> survey = json.loads(to_qsf(build_questionnaire(roster, lang="en")))
    >>> sorted({e["Element"] for e in survey["SurveyElements"]})
    ['BL', 'FL', 'QC', 'SO', 'SQ']
    >>> [e["Payload"]["DataExportTag"] for e in survey["SurveyElements"] if e["Element"] == "SQ"][:3]
    ['intro', 'email', 'advice']
    """
    q = questionnaire
    questions: list[tuple[str, dict[str, Any]]] = []
    blocks: list[dict[str, Any]] = []
    intro = _question(1, "intro", "DB", "TB", q.welcome + "<br><br>" + _paragraphs(q.privacy_statement()))
    questions.append(("QID1", intro))
    number = 1
    for index, (_, title, members) in enumerate(q.sections(), start=1):
        elements = []
        if index == 1:
            elements.append({"Type": "Question", "QuestionID": "QID1"})
        for question in members:
            number += 1
            qid = f"QID{number}"
            questions.append((qid, _payload(number, question)))
            elements.append({"Type": "Question", "QuestionID": qid})
        blocks.append({"Type": "Standard", "SubType": "", "Description": title, "ID": _block_id(index),
                       "BlockElements": elements})
    payload_blocks = [{"Type": "Default", "Description": "Default Question Block", "ID": _block_id(0),
                       "BlockElements": []},
                      {"Type": "Trash", "Description": "Trash / Unused Questions", "ID": _block_id(99),
                       "BlockElements": []}] + blocks
    flow = [{"ID": b["ID"], "Type": "Standard", "FlowID": f"FL_{i}"} for i, b in enumerate(blocks, start=2)]
    elements: list[dict[str, Any]] = [
        _element("BL", "Survey Blocks", None, payload_blocks),
        _element("FL", "Survey Flow", None, {"Flow": flow, "Properties": {"Count": len(flow) + 1},
                                              "FlowID": "FL_1", "Type": "Root"}),
        _element("SO", "Survey Options", None, {
            "BackButton": "true", "SaveAndContinue": "true", "SurveyProtection": "PublicSurvey",
            "BallotBoxStuffingPrevention": "false", "NoIndex": "Yes", "SecureResponseFiles": "true",
            "SurveyExpiration": "None", "SurveyTermination": "DefaultMessage", "Header": "", "Footer": "",
            "ProgressBarDisplay": "Text", "PartialData": "+1 week", "ValidationMessage": "",
            "PreviousButton": " ← ", "NextButton": " → ", "SurveyTitle": q.title, "NewScoring": 1,
            "EOSMessage": "", "ShowExportTags": "false", "CollectGeoLocation": "false", "SurveyMetaDescription": "",
            "PasswordProtection": "No", "AnonymizeResponse": "No", "RefererCheck": "No", "ConfirmStart": False,
            "AutoConfirmStart": False, "ResponseSummary": "No", "EOSRedirectURL": "", "EmailThankYou": False,
        }),
        _element("QC", "Survey Question Count", str(len(questions)), None),
    ]
    for qid, payload in questions:
        elements.append({"SurveyID": SURVEY_ID, "Element": "SQ", "PrimaryAttribute": qid,
                         "SecondaryAttribute": _plain(payload["QuestionText"])[:99], "TertiaryAttribute": None,
                         "Payload": payload})
    survey = {
        "SurveyEntry": {
            "SurveyID": SURVEY_ID, "SurveyName": q.title, "SurveyDescription": None, "SurveyOwnerID": _OWNER,
            "SurveyBrandID": "", "DivisionID": None, "SurveyLanguage": q.lang.upper(),
            "SurveyActiveResponseSet": "RS_0na5urveyk1t00", "SurveyStatus": "Inactive",
            "SurveyStartDate": _NEVER, "SurveyExpirationDate": _NEVER, "SurveyCreationDate": _NEVER,
            "CreatorID": _OWNER, "LastModified": _NEVER, "LastAccessed": _NEVER, "LastActivated": _NEVER,
            "Deleted": None,
        },
        "SurveyElements": elements,
    }
    return (json.dumps(survey, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _element(kind: str, primary: str, secondary: str | None, payload: Any) -> dict[str, Any]:
    return {"SurveyID": SURVEY_ID, "Element": kind, "PrimaryAttribute": primary, "SecondaryAttribute": secondary,
            "TertiaryAttribute": None, "Payload": payload}


def _block_id(index: int) -> str:
    return f"BL_0na{index:012d}"


def _question(number: int, tag: str, kind: str, selector: str, text: str, **extra: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "QuestionText": text, "DefaultChoices": False, "DataExportTag": tag, "QuestionType": kind,
        "Selector": selector, "Configuration": {"QuestionDescriptionOption": "UseText"},
        "QuestionDescription": _plain(text)[:99], "Validation": {"Settings": {"Type": "None"}},
        "GradingData": [], "Language": [], "NextChoiceId": 1, "NextAnswerId": 1, "QuestionID": f"QID{number}",
    }
    payload.update(extra)
    return payload


def _payload(number: int, question: KitQuestion) -> dict[str, Any]:
    text = question.text + (f"<br><em>{question.help}</em>" if question.help else "")
    force = {"Settings": {"ForceResponse": "ON", "ForceResponseType": "ON", "Type": "None"}}
    optional = {"Settings": {"ForceResponse": "OFF", "ForceResponseType": "ON", "Type": "None"}}
    if question.kind == "email":
        return _question(number, question.code, "TE", "SL", text, Validation=force,
                         SearchSource={"AllowFreeResponse": "false"})
    if question.kind == "conditions":
        choices = {str(i): {"Display": o.label} for i, o in enumerate(question.options, start=1)}
        answers = {str(i): {"Display": label} for i, label in enumerate(question.scale, start=1)}
        return _question(number, question.code, "Matrix", "Likert", text, SubSelector="SingleAnswer",
                         Configuration={"QuestionDescriptionOption": "UseText", "TextPosition": "inline",
                                        "ChoiceColumnWidth": 40, "RepeatHeaders": "none", "WhiteSpace": "OFF",
                                        "MobileFirst": True},
                         Choices=choices, ChoiceOrder=list(choices), Answers=answers, AnswerOrder=list(answers),
                         ChoiceDataExportTags=False, Validation=optional, NextChoiceId=len(choices) + 1,
                         NextAnswerId=len(answers) + 1)
    if question.free_text:
        return _question(number, question.code, "TE", "ML", text, Validation=optional,
                         SearchSource={"AllowFreeResponse": "false"})
    choices = {str(i): {"Display": o.label} for i, o in enumerate(question.options, start=1)}
    return _question(number, question.code, "MC", "MAVR", text, SubSelector="TX", Choices=choices,
                     ChoiceOrder=list(choices), Validation=optional, NextChoiceId=len(choices) + 1)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", str(text)).split())


def _paragraphs(markdown: str) -> str:
    out = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        block = html.escape(block, quote=False)
        block = re.sub(r"^#+\s*(.+)$", r"<strong>\1</strong>", block)
        out.append(re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", block).replace("\n", "<br>"))
    return "<br><br>".join(out)
