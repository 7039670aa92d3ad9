"""Survey structure files (LimeSurvey .lss 3-6, Qualtrics .qsf) read into one SurveyStructure.

The survey kit (ona.io.kit) writes both formats; reading its files back must give every question,
subquestion and answer with its code and its label in each language (the kit's own values are the
expected ones). The fixture organisation's .lss is in LimeSurvey 6's layout, the kit's in LimeSurvey
3's, so both layouts are covered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ona
from ona.exceptions import SurveyFormatError
from ona.io.kit.lss import to_lss
from ona.io.kit.qsf import to_qsf
from ona.io.kit.questionnaire import build_questionnaire
from ona.io.survey import apply_structure, read_lss, read_qsf, read_structure
from ona.io.survey.structure import plain_text

HERE = Path(__file__).parent / "fixtures" / "gemeente40"


@pytest.fixture(scope="module")
def questionnaires():
    roster = ona.read_roster(HERE / "roster.csv").frame
    expected = [("Directie", "Ruimte", "Omgevingswet")]
    return (build_questionnaire(roster, expected, lang="nl", organisation="Lindeveen"),
            build_questionnaire(roster, expected, lang="en", organisation="Lindeveen"))


def test_the_kits_bilingual_lss_reads_back_code_for_code(questionnaires):
    dutch, english = questionnaires
    survey = read_lss(to_lss([dutch, english]), filename="kit.lss")
    assert (survey.platform, survey.languages, survey.version) == ("LimeSurvey", ("nl", "en"), "359")
    assert [q.code for q in survey.questions] == [q.code for q in dutch.questions]
    for nl_question, en_question in zip(dutch.questions, english.questions):
        read = survey.question(nl_question.code)
        assert read.text("nl") == plain_text(nl_question.text)
        assert read.text("en") == plain_text(en_question.text)
        if nl_question.kind in ("people", "groups"):
            assert {s.code: s.label("nl") for s in read.subquestions} == {o.code: o.label for o in nl_question.options}
        if nl_question.kind == "conditions":
            assert [a.label("nl") for a in read.answers] == list(nl_question.scale)
            assert [a.label("en") for a in read.answers] == list(en_question.scale)


def test_the_kits_qsf_reads_back_code_for_code(questionnaires):
    dutch, _ = questionnaires
    survey = read_qsf(to_qsf(dutch), filename="kit.qsf")
    assert survey.platform == "Qualtrics"
    for question in dutch.questions:
        read = survey.question(question.code)
        assert read is not None, question.code
        if question.kind in ("people", "groups"):
            assert read.kind == "multiple_choice"
            assert sorted(s.label() for s in read.subquestions) == sorted(o.label for o in question.options)


def test_structure_files_that_cannot_be_read_say_so():
    with pytest.raises(SurveyFormatError, match=r"not a LimeSurvey \(\.lss\) or Qualtrics \(\.qsf\) survey structure file"):
        read_structure(b"id,name\n1,Ana\n", filename="lijst.csv")
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><document>&a;</document>'
    with pytest.raises(SurveyFormatError, match="declares a DOCTYPE or entities"):
        read_structure(bomb, filename="enquete.lss")
    with pytest.raises(SurveyFormatError, match=r"the structure file is damaged"):
        read_structure(b"<document><questions>", filename="enquete.lss")
    with pytest.raises(SurveyFormatError, match="this JSON file is not a Qualtrics survey"):
        read_structure(b'{"a": 1}', filename="enquete.qsf")


def test_a_structure_file_of_another_platform_is_refused():
    roster = ona.read_roster(HERE / "roster.csv")
    with pytest.raises(SurveyFormatError, match=r"enquete\.qsf: the structure file is from Qualtrics, but the export "
                                                r"is from LimeSurvey"):
        ona.read_survey(HERE / "exports" / "limesurvey_codes.csv", roster, structure=HERE / "exports" / "enquete.qsf")
    assert callable(apply_structure)


def test_a_limesurvey_3_file_with_texts_in_its_rows():
    lss = b"""<?xml version="1.0" encoding="UTF-8"?>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>359</DBVersion>
<languages><language>en</language><language>nl</language></languages>
<answers><rows>
<row><qid>5</qid><code>A2</code><answer>Weekly</answer><sortorder>1</sortorder><language>en</language><scale_id>0</scale_id></row>
<row><qid>5</qid><code>A1</code><answer>Never</answer><sortorder>0</sortorder><language>en</language><scale_id>0</scale_id></row>
<row><qid>5</qid><code>A2</code><answer>Wekelijks</answer><sortorder>1</sortorder><language>nl</language><scale_id>0</scale_id></row>
<row><qid>5</qid><code>A1</code><answer>Nooit</answer><sortorder>0</sortorder><language>nl</language><scale_id>0</scale_id></row>
</rows></answers>
<questions><rows>
<row><qid>5</qid><parent_qid>0</parent_qid><gid>1</gid><type>F</type><title>freq</title><question>How often?</question><language>en</language><question_order>1</question_order></row>
<row><qid>5</qid><parent_qid>0</parent_qid><gid>1</gid><type>F</type><title>freq</title><question>Hoe vaak?</question><language>nl</language><question_order>1</question_order></row>
</rows></questions>
<subquestions><rows>
<row><qid>6</qid><parent_qid>5</parent_qid><gid>1</gid><type>T</type><title>SQ002</title><question>HR</question><language>en</language><question_order>1</question_order></row>
<row><qid>6</qid><parent_qid>5</parent_qid><gid>1</gid><type>T</type><title>SQ002</title><question>P&amp;O</question><language>nl</language><question_order>1</question_order></row>
</rows></subquestions></document>"""
    survey = read_structure(lss, filename="oud.lss")
    question = survey.question("FREQ")
    assert (question.kind, question.text("nl"), question.text("en")) == ("array", "Hoe vaak?", "How often?")
    assert [a.code for a in question.answers] == ["A1", "A2"]  # by sortorder, not as listed
    assert question.answer("A1").label("nl") == "Nooit" and question.subquestion("sq002").label("nl") == "P&O"
