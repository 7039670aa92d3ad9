"""The survey ona designs itself (``ona survey-kit``), and the kinds of question only it asks.

Modules
-------
conditions     the five conditions of collaboration and the statements about them
recognise      recognising the kit's perception, dependency and conditions questions in any export
questionnaire  the questionnaire designed from a roster and the declared collaborations
lss, qsf       the questionnaire as a LimeSurvey (.lss) and a Qualtrics (.qsf) file to import
guides         Microsoft Forms and Google Forms guides, option lists, invitation, privacy statement, README
write          the whole kit as files, into a folder or one zip
answers        five-conditions answers from a plain table (respondent,collaboration,condition,item,score)

This package's ``__init__`` imports nothing: the survey readers import
:mod:`ona.io.kit.recognise`, and the kit must not import the readers back.
"""

__all__: list[str] = []
