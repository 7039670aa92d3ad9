"""Streamlit AppTest of the collaboration scan's pages: the collaboration view with its joint process analysis
sheet, and the survey kit page, in both languages and as a manager sees them."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SAMPLE = ROOT / "sample_networks" / "municipality"


@pytest.fixture(autouse=True)
def _no_role_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ONA_ROLE", "ONA_ANALYST_USERS", "ONA_MANAGER_USERS", "ONA_PSEUDONYM_KEY", "ONA_MIN_GROUP_SIZE",
                "ONA_GROUPS_ONLY", "ONA_WORKSPACE"):
        monkeypatch.delenv(var, raising=False)


def _open(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, at.exception
    if lang == "nl":
        at.sidebar.radio(key="side_lang").set_value("nl").run()
    at.switch_page(f"ona/app/pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    """Everything written on the page, with Markdown's backslash escapes taken out."""
    return re.sub(r"\\(.)", r"\1", "\n".join([m.value for m in at.markdown] + [s.value for s in at.subheader] + [c.value for c in at.caption]
                     + [i.value for i in at.info] + [s.value for s in at.success] + [t.value for t in at.title]))


def test_the_collaboration_view_shows_conditions_evidence_findings_and_the_sheet():
    at = _open("collaboration")
    text = _texts(at)
    assert "Collaborations" in text and "Involved: Ruimte & Wonen, Publiekszaken" in text
    assert at.radio(key="collab_pick").options == ["Omgevingswet", "Sociaal loket", "Planning & control",
                                                   "Wijkaanpak"]
    charts = at.get("vega_lite_chart")
    assert charts, "the five-conditions chart is drawn"
    # each department has the colour it has in the network drawing and the report's pictures
    from ona import samples
    from ona.viz.render import group_colors

    colours = group_colors(samples.load("municipality").roster["department"].astype(str))
    spec = charts[0].proto.spec
    assert colours["Ruimte & Wonen"] in spec and colours["Publiekszaken"] in spec
    assert "Strongest: Ambition (3.7). Weakest: Process (2.3)." in text
    assert "Omgevingswet: process scores lowest (2.3 of 5" in text
    assert "Joint process analysis: Ruimte & Wonen and Publiekszaken" in text
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download chart (PNG)" in labels and "Download chart (SVG)" in labels
    at.radio(key="collab_pick").set_value("Sociaal loket").run()
    assert not at.exception
    carriers = next(d.value for d in at.dataframe if list(d.value.columns)[:2] == ["person", "department"])
    assert carriers.iloc[0, 0] == "Jan de Vries"


def test_the_collaboration_view_in_dutch():
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio(key="side_lang").set_value("nl").run()
    at.switch_page("ona/app/pages/collaboration.py").run()
    assert not at.exception, at.exception
    text = _texts(at)
    assert "Samenwerkingen" in text and "Betrokken: Ruimte & Wonen, Publiekszaken" in text
    assert "Sterkst: Ambitie (3,7). Zwakst: Proces (2,3)." in text
    assert "Omgevingswet: proces scoort het laagst (2,3 van 5" in text
    assert "Gezamenlijke procesanalyse: Ruimte & Wonen en Publiekszaken" in text
    assert "Welke drie overdrachten tussen Ruimte & Wonen en Publiekszaken" in text
    assert not re.search(r"\b(?:the|and|of|scores|lowest)\b", text.split("Gegevens")[0].replace("Planning & control", ""))


def test_managers_see_no_carriers_and_no_small_group(monkeypatch):
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "a long and secret key for the tests")
    at = _open("collaboration")
    at.radio(key="collab_pick").set_value("Sociaal loket").run()
    assert not at.exception, at.exception
    text = _texts(at)
    assert "Joint process analysis: Sociaal Domein and Publiekszaken" in text
    for frame in at.dataframe:
        assert "E0141" not in frame.value.to_string()
    assert "E0141" not in text


def test_the_kit_page_designs_the_survey_for_the_data_on_screen():
    at = _open("kit")
    assert not at.exception
    text = _texts(at)
    assert "11 questions, 4 collaboration(s), 250 people on the staff list." in text
    assert "Collaboration “Omgevingswet”: how far do you agree with these statements?" in text
    data = at.get("download_button")[0]
    assert data is not None
    at.radio(key="kit_names").set_value("list").run()
    assert not at.exception
    at.radio(key="kit_lang").set_value("nl").run()
    assert "Samenwerking “Omgevingswet”: in hoeverre ben je het eens met deze uitspraken?" in _texts(at)


def test_the_kit_page_is_for_hr_only(monkeypatch):
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "a long and secret key for the tests")
    at = _open("kit")
    assert "HR designs the survey" in _texts(at)
    assert not at.get("download_button")


@pytest.mark.parametrize("platform", ["msforms", "googleforms", "limesurvey", "qualtrics", "surveymonkey"])
def test_an_uploaded_kit_export_shows_its_collaborations(platform):
    """A survey made with the kit, answered and exported by each platform, uploaded with nothing to map: its
    conditions (chart, weakest condition) and perception answers (who believes it is trusted) are on the page."""
    import test_kit
    from kit_exports import PLATFORMS

    roster = test_kit._roster(duplicate=False)
    questionnaire = test_kit.build_questionnaire(roster, test_kit.COLLABORATIONS, lang="nl", names="text",
                                                 organisation="Gemeente X")
    write, filename = PLATFORMS[platform]
    export = write(questionnaire, roster, test_kit._planted_answers(roster, questionnaire))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.file_uploader(key="data_roster").set_value(
        ("roster.csv", roster.reset_index().to_csv(index=False).encode("utf-8"), "text/csv"))
    at.sidebar.file_uploader(key="data_ties").set_value([(filename, export, "application/octet-stream")])
    at.run()
    assert not at.exception, at.exception
    at.switch_page("ona/app/pages/collaboration.py").run()
    assert not at.exception, at.exception
    assert at.radio(key="collab_pick").options == ["Omgevingswet", "Sociaal loket"]
    text = _texts(at)
    assert "Involved: Publiekszaken, Ruimte & Wonen" in text or "Involved: Ruimte & Wonen, Publiekszaken" in text
    assert "Weakest: Process (1.0)" in text
    # perceived versus actual trust between the two departments, and the finding about Ruimte & Wonen as a whole
    assert "Ruimte & Wonen believes it is trusted 16 times and is trusted 4 times." in text
    assert "Ruimte & Wonen believes it is trusted more than it is: its people expect 24 times" in text
    assert at.get("vega_lite_chart")
