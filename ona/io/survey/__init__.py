"""Survey exports as the platforms produce them: detection, questions, name matching and decisions.

>>> from ona import samples
>>> from ona.io.survey import read_survey
>>> folder = samples.sample_path("municipality")
>>> net = read_survey(folder / "exports" / "msforms_2025.xlsx", folder / "roster.csv")
>>> net.report.details["platform"], len(net.respondents), net.relations
('Microsoft Forms', 212, ('advice', 'trust', 'collaboration'))

Map a question explicitly with ``relations={"gevoelige werkkwestie": "trust"}`` (or ``{"column:F": "trust"}``).
An export of codes is read with the survey's structure file:
``read_survey(export, roster, structure="enquete.lss")``.

Modules
-------
detect        recognise the platform (Microsoft Forms, Qualtrics, Google Forms, LimeSurvey, SurveyMonkey)
msforms, qualtrics, googleforms, limesurvey, surveymonkey, generic
              one reader per platform, each producing a ParsedExport
questions     which question is which relation; frequency and Likert scales to tie weights
matching      names as typed -> roster ids, with a review list instead of guesses
review        the review list as a CSV of decisions, and reading it back
structure     survey structure files (LimeSurvey .lss, Qualtrics .qsf) as one SurveyStructure
reader        read_survey: the whole pipeline
perceived     perceived collaboration between groups from group-level frequency questions
"""

from ona.io.survey.detect import PLATFORMS, detect_platform
from ona.io.survey.export import ParsedExport, parse_datetimes
from ona.io.survey.matching import (
    NameMatch,
    NameMatcher,
    Resolutions,
    name_parts,
    normalise_name,
    split_names,
    split_options,
)
from ona.io.survey.perceived import perceived_collaboration
from ona.io.survey.questions import QuestionPlan, detect_relation, plan_questions, scale_value
from ona.io.survey.reader import GROUP_TIE_COLUMNS, MAX_ROWS, apply_structure, read_survey, survey_network
from ona.io.survey.review import read_resolutions, review_table, write_review
from ona.io.survey.structure import (
    AnswerOption,
    StructureQuestion,
    SubQuestion,
    SurveyStructure,
    read_lss,
    read_qsf,
    read_structure,
)

__all__ = [
    "AnswerOption",
    "GROUP_TIE_COLUMNS",
    "MAX_ROWS",
    "NameMatch",
    "NameMatcher",
    "PLATFORMS",
    "ParsedExport",
    "QuestionPlan",
    "Resolutions",
    "StructureQuestion",
    "SubQuestion",
    "SurveyStructure",
    "apply_structure",
    "detect_platform",
    "detect_relation",
    "name_parts",
    "normalise_name",
    "parse_datetimes",
    "perceived_collaboration",
    "plan_questions",
    "read_lss",
    "read_qsf",
    "read_resolutions",
    "read_structure",
    "read_survey",
    "review_table",
    "scale_value",
    "split_names",
    "split_options",
    "survey_network",
    "write_review",
]
