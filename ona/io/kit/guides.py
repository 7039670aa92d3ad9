"""The kit's documents: step-by-step guides for Microsoft Forms, Google Forms and SurveyMonkey, the option lists to
paste, the questionnaire as readable text, the invitation, the privacy statement and a README.

Microsoft Forms, Google Forms and SurveyMonkey cannot import a survey file, so
the kit tells HR exactly what to build: every question's type, its text word
for word and its options as a file to paste (the Forms turn pasted lines into
one option each; SurveyMonkey's "bulk answer editing" takes one per line).
Platform habits shape the texts:

* Microsoft Forms' Excel download heads a Likert statement's column with the
  statement alone, so its statements carry the collaboration's name in front
  (``Omgevingswet: ...``);
* the platforms record who answered (Forms: "Record name" for people in the
  organisation; Google: "Collect email addresses"; SurveyMonkey: the e-mail
  invitation collector), so they need no e-mail question.

Everything is rendered from one :class:`~ona.io.kit.questionnaire.Questionnaire`.
"""

from __future__ import annotations

import re
import unicodedata

from ona.i18n import t
from ona.io.kit.questionnaire import KitQuestion, Questionnaire

__all__ = [
    "FILE_NAMES",
    "PLATFORM_GUIDES",
    "forms_guide",
    "invitation_text",
    "option_files",
    "questionnaire_text",
    "readme_text",
    "statement_label",
]

#: The platforms that get a step-by-step guide instead of a file to import.
PLATFORM_GUIDES = ("msforms", "googleforms", "surveymonkey")

#: File names of the kit per language.
FILE_NAMES: dict[str, dict[str, str]] = {
    "nl": {"readme": "LEESMIJ.md", "questionnaire": "vragenlijst.md", "lss": "limesurvey.lss",
           "qsf": "qualtrics.qsf", "msforms": "microsoft-forms.md", "googleforms": "google-formulieren.md",
           "surveymonkey": "surveymonkey.md", "invitation": "uitnodiging.txt", "privacy": "privacyverklaring.md", "options": "opties",
           "people": "mensen", "groups": "afdelingen", "scale": "schaal", "statements": "uitspraken"},
    "en": {"readme": "README.md", "questionnaire": "questionnaire.md", "lss": "limesurvey.lss",
           "qsf": "qualtrics.qsf", "msforms": "microsoft-forms.md", "googleforms": "google-forms.md",
           "surveymonkey": "surveymonkey.md", "invitation": "invitation.txt", "privacy": "privacy-statement.md", "options": "options",
           "people": "people", "groups": "departments", "scale": "scale", "statements": "statements"},
}


def statement_label(question: KitQuestion, text: str, platform: str) -> str:
    """A statement as a platform shows it: Microsoft Forms puts the collaboration's name in front.

    >>> q = KitQuestion("cond1", "conditions", "collaboration", "…", collaboration="Omgevingswet")
    >>> statement_label(q, "We share a goal.", "msforms"), statement_label(q, "We share a goal.", "googleforms")
    ('Omgevingswet: We share a goal.', 'We share a goal.')
    """
    return f"{question.collaboration}: {text}" if platform == "msforms" else text


def _slug(text: str) -> str:
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", value).strip("-") or "x"


def option_files(questionnaire: Questionnaire, platform: str = "googleforms") -> dict[str, str]:
    """Relative path -> text of every option list to paste (one option per line), for `platform`.

    >>> import pandas as pd
    >>> from ona.io.kit.questionnaire import build_questionnaire
    >>> roster = pd.DataFrame({"name": ["Ana Smit", "Bo Jansen"], "department": ["HR", "IT"]},
    ...                       index=pd.Index(["E1", "E2"], name="id"))
    >>> files = option_files(build_questionnaire(roster, [("HR", "IT", "Onboarding")], lang="en"), "msforms")
    >>> sorted(files), files["options/people.txt"]
    (['options/departments.txt', 'options/onboarding-statements-msforms.txt', 'options/people.txt', 'options/scale.txt'], 'Ana Smit\\nBo Jansen\\n')
    """
    names = FILE_NAMES[questionnaire.lang]
    folder = names["options"]
    out: dict[str, str] = {}
    for question in questionnaire.questions:
        path = _options_path(questionnaire, question, platform)
        if path is None:
            continue
        if question.kind == "conditions":
            lines = [statement_label(question, o.label, platform) for o in question.options]
            out[f"{folder}/{names['scale']}.txt"] = "\n".join(question.scale) + "\n"
        else:
            lines = [o.label for o in question.options]
        out[path] = "\n".join(lines) + "\n"
    return dict(sorted(out.items()))


def _options_path(questionnaire: Questionnaire, question: KitQuestion, platform: str) -> str | None:
    names = FILE_NAMES[questionnaire.lang]
    folder = names["options"]
    if not question.options:
        return None
    if question.kind == "people":
        return f"{folder}/{names['people']}.txt"
    if question.kind == "groups":
        return f"{folder}/{names['groups']}.txt"
    if question.kind == "conditions":
        suffix = "-msforms" if platform == "msforms" else ""
        return f"{folder}/{_slug(question.collaboration or '')}-{names['statements']}{suffix}.txt"
    return None


def forms_guide(questionnaire: Questionnaire, platform: str) -> str:
    """The step-by-step guide (Markdown) for building the questionnaire in Microsoft Forms, Google Forms or
    SurveyMonkey.

    Raises
    ------
    ValueError
        For a platform other than ``msforms``, ``googleforms`` or ``surveymonkey``.
    """
    if platform not in PLATFORM_GUIDES:
        raise ValueError(f"no guide for {platform!r}; choose one of {PLATFORM_GUIDES}")
    q = questionnaire
    lang = q.lang
    lines = [f"# {t(f'kit.guide.{platform}.title', lang)}", "",
             t(f"kit.guide.{platform}.setup", lang, title=q.title), "",
             f"## {t('kit.guide.welcome', lang)}", "", _quote(q.welcome), ""]
    number = 0
    for _, title, members in q.sections():
        asked = [m for m in members if m.kind != "email"]
        if not asked:
            continue
        lines += [f"## {title}", ""]
        for question in asked:
            number += 1
            kind = "likert" if question.kind == "conditions" else ("text" if question.free_text else "list")
            lines += [f"### {t('kit.guide.question', lang, number=number)}", "",
                      f"- {t('kit.guide.type', lang)}: {t(f'kit.guide.{platform}.type.{kind}', lang)}",
                      f"- {t('kit.guide.text', lang)}: `{question.text}`"]
            if question.help:
                lines.append(f"- {t('kit.guide.subtitle', lang)}: `{question.help}`")
            path = _options_path(q, question, platform)
            if question.kind == "conditions":
                lines.append(f"- {t('kit.guide.statements', lang)} — "
                             + t("kit.guide.options", lang, file=path, count=len(question.options)) + ":")
                lines += [f"  {i}. `{statement_label(question, o.label, platform)}`"
                          for i, o in enumerate(question.options, start=1)]
                scale_file = f"{FILE_NAMES[lang]['options']}/{FILE_NAMES[lang]['scale']}.txt"
                lines.append(f"- {t('kit.guide.scale', lang)} — "
                             + t("kit.guide.options", lang, file=scale_file, count=len(question.scale)) + ": "
                             + ", ".join(f"`{s}`" for s in question.scale))
            elif path is not None:
                lines.append("- " + t("kit.guide.options", lang, file=path, count=len(question.options)))
            lines += [f"- {t('kit.guide.required', lang)}", ""]
    lines += [f"## {t('kit.guide.export', lang)}", "", t(f"kit.export.{platform}", lang), ""]
    return "\n".join(lines)


def questionnaire_text(questionnaire: Questionnaire) -> str:
    """The whole questionnaire as readable Markdown, for review before it goes out."""
    q = questionnaire
    lang = q.lang
    lines = [f"# {_md(q.title)}", "", _md(q.welcome), ""]
    number = 0
    for _, title, members in q.sections():
        lines += [f"## {_md(title)}", ""]
        for question in members:
            number += 1
            lines.append(f"**{number}. {_md(question.text)}**" + (f"  \n_{_md(question.help)}_" if question.help
                                                                  else ""))
            lines.append("")
            if question.kind == "conditions":
                lines += [f"- {_md(o.label)}" for o in question.options]
                lines += ["", " / ".join(f"{i} {s}" for i, s in enumerate(question.scale, start=1)), ""]
            elif question.options and question.kind == "groups":
                lines += [f"- {_md(o.label)}" for o in question.options] + [""]
            elif question.options:
                lines += [f"- {_md(question.options[0].label)}", "- …",
                          f"- {_md(question.options[-1].label)} ({len(question.options)})", ""]
    if q.collaborations:
        lines += ["---", "", t("kit.source", lang), "", t("kit.reference", lang), ""]
    lines += ["---", "", _md(q.end), ""]
    return "\n".join(lines)


def invitation_text(questionnaire: Questionnaire, *, deadline: str | None = None, sender: str | None = None) -> str:
    """The invitation e-mail as text (subject line first), followed by the privacy statement."""
    subject, body = questionnaire.invitation(deadline=deadline, sender=sender)
    privacy = re.sub(r"\*\*(.+?)\*\*", r"\1", questionnaire.privacy_statement()).replace("## ", "")
    return f"{subject}\n\n{body}\n\n---\n\n{privacy}\n"


def readme_text(questionnaire: Questionnaire, files: list[str]) -> str:
    """The kit's README: what the folder holds and how to read the answers back."""
    q = questionnaire
    lang = q.lang
    names = FILE_NAMES[lang]
    described = {names["lss"]: "kit.file.lss", names["qsf"]: "kit.file.qsf", names["msforms"]: "kit.file.msforms",
                 names["googleforms"]: "kit.file.googleforms", names["surveymonkey"]: "kit.file.surveymonkey",
                 names["invitation"]: "kit.file.invitation",
                 names["privacy"]: "kit.file.privacy", names["questionnaire"]: "kit.file.questionnaire"}
    lines = [f"# {t('kit.readme.title', lang)}", "",
             t("kit.readme.intro", lang, organisation=q.organisation,
               collaborations=t("kit.readme.collaborations", lang) if q.collaborations else ""), "",
             f"## {t('kit.readme.files', lang)}", ""]
    for name in files:
        if name in described:
            lines.append(f"- `{name}` — {t(described[name], lang)}")
    if any(f.startswith(names["options"] + "/") for f in files):
        lines.append(f"- `{names['options']}/` — {t('kit.file.options', lang)}")
    expected = " --expected COLLABORATIONS" if q.collaborations else ""
    lines += ["", f"## {t('kit.guide.export', lang)}", "", t("kit.readme.export", lang, expected=expected), ""]
    lines += [f"- {t(f'kit.export.{p}', lang)}" for p in ("limesurvey", "qualtrics", "msforms", "googleforms",
                                                                "surveymonkey")]
    if q.collaborations:
        lines += ["", "---", "", t("kit.source", lang), "", t("kit.reference", lang)]
    return "\n".join(lines) + "\n"


def _md(text: object) -> str:
    r"""A name from an HR file, safe inside Markdown: markup characters and angle brackets escaped.

    >>> _md("<b>R&W</b> *x*")
    '&lt;b&gt;R&W&lt;/b&gt; \\*x\\*'
    """
    value = str(text).replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", value)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
