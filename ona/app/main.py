"""The app's entry: the frame (language, data, role), one view, and the pages as st.navigation.

``streamlit run app.py`` runs this through the thin ``app.py`` at the repository's top;
``ona app`` runs this file directly, so the app works from any install.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ona.app import frame
from ona.app.widgets import show_error
from ona.exceptions import OnaError
from ona.i18n import grouping_words, t

__all__ = ["PAGES", "main"]

#: The pages in menu order: file name (in ona/app/pages/) and icon.
PAGES = (
    ("start", ":material/upload_file:"),
    ("overview", ":material/insights:"),
    ("network", ":material/hub:"),
    ("groups", ":material/grid_view:"),
    ("people", ":material/person_search:"),
    ("change", ":material/compare_arrows:"),
    ("export", ":material/download:"),
    ("collaboration", ":material/handshake:"),
    ("kit", ":material/edit_note:"),
)
_PAGE_DIR = Path(__file__).resolve().parent / "pages"


def main() -> None:
    st.set_page_config(page_title="ona", page_icon="🕸️", layout="wide")  # an emoji favicon is drawn locally
    frame.setup_state()
    lang = frame.language()
    try:
        role, policy = frame.current_role()
    except OnaError as exc:  # a broken role configuration must not fall back to showing everything
        show_error(exc, lang)
        return
    # The frame's widgets come before st.navigation: widgets made after it belong to the page, and a
    # page switch would reset them (the chosen sample, the grouping).
    lang = frame.sidebar_top(role)
    try:
        context = frame.prepare(lang, role, policy)
    except OnaError as exc:
        show_error(exc, lang)
        return
    words = grouping_words(context.view.grouping, lang)  # "Afdelingen", "Teams": the grouping shown
    titles = {name: t(f"app.page.{name}", lang, **words) for name, _ in PAGES}
    if "upload" not in context.view.capabilities:  # nothing to upload: the first page is a start page only
        titles["start"] = t("app.page.start.read", lang)
    pages = [st.Page(_PAGE_DIR / f"{name}.py", title=titles[name], icon=icon, url_path=name,
                     default=name == "start") for name, icon in PAGES]
    navigation = st.navigation(pages, position="sidebar")
    try:
        navigation.run()
    except OnaError as exc:
        show_error(exc, lang)


if __name__ == "__main__":
    main()
