"""Design the survey: ona writes the questionnaire (LimeSurvey, Qualtrics, Microsoft Forms and Google Forms), the
invitation and the privacy statement from the roster and the declared collaborations, as one zip to download."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from ona.app import frame
from ona.app.widgets import md, show_error
from ona.exceptions import OnaError
from ona.i18n import LANGUAGE_NAMES, LANGUAGES, number, t
from ona.io.expected import read_expected
from ona.io.kit.guides import questionnaire_text
from ona.io.kit.questionnaire import LIST_LIMIT
from ona.io.kit.write import kit_zip, survey_kit
from ona.io.roster import read_roster

__all__ = ["render"]


@st.cache_data(show_spinner=False, max_entries=8)
def _kit(key: tuple, _roster: Any, _expected: Any, options: tuple) -> tuple[str, str, int, int, int, bytes]:
    """The questionnaire as text, its counts and the kit as a zip (cached on `key` and the options)."""
    questionnaire, files = survey_kit(_roster, _expected, **dict(options))
    return (questionnaire_text(questionnaire), questionnaire.names, len(questionnaire.questions),
            len(questionnaire.collaborations), len(questionnaire.people), kit_zip(files, folder="ona-survey-kit"))


def _inputs(context: frame.Context, roster_file: Any, expected_file: Any) -> tuple[tuple, Any, Any]:
    """(cache key, roster, declared collaborations): the uploads, else the data on screen."""
    data = context.data
    if roster_file is not None:
        roster = read_roster(roster_file.getvalue(), filename=roster_file.name)
        key: tuple = ("upload", frame.digest(roster_file.getvalue()))
        groups = roster.frame["department"].dropna().astype(str).unique().tolist() if "department" in\
            roster.frame.columns else []
    else:
        roster, key, groups = data.net, data.key, data.net  # type: ignore[union-attr]
    if expected_file is not None:
        expected = read_expected(expected_file.getvalue(), groups, filename=expected_file.name)
        key += ("expected", frame.digest(expected_file.getvalue()))
    else:
        expected = data.expected if roster_file is None and data is not None else None
    return key, roster, expected


def render(context: frame.Context) -> None:
    view, lang = context.view, context.lang
    st.title(t("kitpage.title", lang))
    st.markdown(t("kitpage.intro", lang))
    if "survey_kit" not in view.capabilities:
        st.info(t("kitpage.not_here", lang))
        return
    data = context.data
    left, right = st.columns(2)
    roster_file = left.file_uploader(t("kitpage.roster", lang), type=["csv", "xlsx"], key="kit_roster")
    expected_file = right.file_uploader(t("app.upload.expected", lang), type=["csv", "xlsx"], key="kit_expected")
    if roster_file is None and data is None:
        st.info(t("kitpage.need_roster", lang))
        return
    if roster_file is None:
        st.caption(t("kitpage.using", lang, title=md(data.title)))  # type: ignore[union-attr]
    c1, c2, c3 = st.columns(3)
    survey_lang = c1.radio(t("kitpage.language", lang), list(LANGUAGES), index=list(LANGUAGES).index(lang),
                           format_func=lambda code: LANGUAGE_NAMES[code], key="kit_lang", horizontal=True)
    organisation = c2.text_input(t("kitpage.organisation", lang), key="kit_organisation")
    contact = c3.text_input(t("kitpage.contact", lang), key="kit_contact")
    c1, c2, c3 = st.columns(3)
    names = c1.radio(t("kitpage.names", lang), ["auto", "list", "text"], key="kit_names",
                     format_func=lambda mode: t(f"kitpage.names.{mode}", lang, limit=LIST_LIMIT))
    perception = c2.checkbox(t("kitpage.perception", lang), value=True, key="kit_perception")
    dependency = c2.checkbox(t("kitpage.dependency", lang), value=True, key="kit_dependency")
    months = c3.number_input(t("kitpage.months", lang), min_value=1, max_value=120, value=12, key="kit_months")
    options = (("lang", survey_lang), ("organisation", organisation.strip() or None), ("names", names),
               ("perception", perception), ("dependency", dependency), ("retention_months", int(months)),
               ("contact", contact.strip()),
               ("min_group_size", context.policy.k if context.policy is not None else 5))
    try:
        key, roster, expected = _inputs(context, roster_file, expected_file)
        with st.spinner(t("kitpage.building", lang)):
            text, mode, questions, collaborations, people, archive = _kit(key, roster, expected, options)
    except OnaError as exc:
        show_error(exc, lang)
        return
    st.success(t("kitpage.summary", lang, questions=number(questions, lang),
                 collaborations=number(collaborations, lang), people=number(people, lang))
               + " " + t(f"kitpage.mode.{mode}", lang))
    st.download_button(t("kitpage.download", lang), archive, file_name="ona-survey-kit.zip", mime="application/zip",
                       key="kit_download", type="primary")
    with st.expander(t("kitpage.preview", lang), expanded=True):
        # the kit's own Markdown (names from HR files are escaped in it), headings two levels down
        st.markdown(re.sub(r"(?m)^(#+) ", lambda m: "#" * min(6, len(m.group(1)) + 2) + " ", text))


if __name__ == "__main__":
    render(frame.current())
