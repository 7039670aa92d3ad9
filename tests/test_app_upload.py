"""The start page's upload flow on every platform's default export (Streamlit AppTest), in both languages.

The exports and the true ties come from tests/fixtures/gemeente40 (see its generator); expected counts are
the truth files' and ona's own reading of the same files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import ona

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
G40 = Path(__file__).parent / "fixtures" / "gemeente40"
ROSTER = ("roster.csv", (G40 / "roster.csv").read_bytes())
TRUE_TIES = len(pd.read_csv(G40 / "truth_ties.csv"))


@pytest.fixture(autouse=True)
def _no_role_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ONA_ROLE", "ONA_ANALYST_USERS", "ONA_MANAGER_USERS", "ONA_PSEUDONYM_KEY", "ONA_MIN_GROUP_SIZE",
                "ONA_GROUPS_ONLY", "ONA_WORKSPACE"):
        monkeypatch.delenv(var, raising=False)


def started(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["side_lang__chosen"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, export: str, structure: str | None = None) -> AppTest:
    at.sidebar.file_uploader(key="data_roster").set_value((ROSTER[0], ROSTER[1], "text/csv"))
    at.sidebar.file_uploader(key="data_ties").set_value(
        [(export, (G40 / "exports" / export).read_bytes(), "application/octet-stream")])
    if structure:
        at.sidebar.file_uploader(key="data_structure").set_value(
            (structure, (G40 / "exports" / structure).read_bytes(), "application/octet-stream"))
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "info", "success", "warning", "error")
                     for e in getattr(at, kind))


@pytest.mark.parametrize("export, structure", [("msforms_nl.xlsx", None), ("googleforms.csv", None),
                                               ("limesurvey_codes.csv", "enquete.lss"),
                                               ("qualtrics_numeric.csv", "enquete.qsf")])
def test_default_exports_load_with_nothing_to_map(export, structure):
    at = upload(started(), export, structure)
    assert not at.error
    assert f"Read 40 people and {TRUE_TIES} ties." in texts(at)
    questions = at.data_editor(key="upload_mapping").value
    assert set(questions["relation"]) >= {"advice", "trust", "collaboration"}


def test_the_code_export_without_its_lss_is_one_sentence_then_reads_with_it():
    at = upload(started("nl"), "limesurvey_codes.csv")
    (error,) = at.error
    assert error.value.startswith("limesurvey_codes.csv: deze LimeSurvey-export bevat alleen codes")
    assert "structuurbestand van de enquête (.lss)" in error.value and "--" not in error.value
    at.sidebar.file_uploader(key="data_structure").set_value(
        ("enquete.lss", (G40 / "exports" / "enquete.lss").read_bytes(), "application/xml")).run()
    assert not at.exception and not at.error
    assert f"{TRUE_TIES} banden ingelezen" in texts(at)


def test_an_export_with_only_unclear_questions_shows_the_table_to_map_them(tmp_path):
    roster = (G40 / "roster.csv").read_bytes()
    export = b"Tijdstempel,E-mailadres,Noem maximaal drie collega's\n4-3-2026 9:00:00,anouk.dewit@lindeveen.nl,Bas Hoekstra\n"
    at = started("nl")
    at.sidebar.file_uploader(key="data_roster").set_value(("roster.csv", roster, "text/csv"))
    at.sidebar.file_uploader(key="data_ties").set_value([("enquete.csv", export, "text/csv")]).run()
    assert not at.exception
    assert "ona ziet niet over welke relatie de vraag" in at.error[0].value and "--relation" not in at.error[0].value
    table = at.data_editor(key="upload_mapping").value
    assert table["question"].tolist() == ["Noem maximaal drie collega's"]
    at.session_state["upload_mapping"] = {"edited_rows": {0: {"relation": "advice"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.button(key="upload_mapping_apply").click().run()
    assert not at.exception and not at.error
    assert "1 banden ingelezen" in texts(at) or "40 mensen en 1 banden ingelezen." in texts(at)


def test_derived_expected_pairs_wait_for_hr_to_accept_them():
    at = upload(started(), "googleforms.csv")
    derived = ona.expected_from_group_ties(ona.load_network(G40 / "exports" / "googleforms.csv", G40 / "roster.csv"))
    table = at.data_editor(key="upload_expected").value
    assert len(table) == len(derived) > 0
    assert set(table["question"]) == {"Met welke afdelingen zou je meer moeten samenwerken?"}
    assert "Not accepted yet: the findings do not use these pairs yet." in texts(at)
    at.session_state["upload_expected"] = {"edited_rows": {0: {"accept": False}}, "added_rows": [],
                                           "deleted_rows": []}
    at.button(key="upload_expected_apply").click().run()
    assert not at.exception
    assert f"{len(derived) - 1} pairs accepted; the findings use them." in texts(at)


def test_the_report_speaks_dutch_in_the_dutch_app():
    at = upload(started("nl"), "msforms_nl.xlsx")
    items = next(d.value for d in at.dataframe if "Melding" in d.value.columns)
    assert any("staat niet op de personeelslijst" in m for m in items["Melding"])
    assert not any(" is not on the roster" in m for m in items["Melding"])
    kinds = next(d.value for d in at.dataframe if "Soort" in d.value.columns and "Aantal" in d.value.columns)
    assert "'anders'-antwoorden getypt naast de gekozen opties" in kinds["Soort"].tolist()


NORTHFIELD = Path(__file__).parent / "fixtures" / "northfield"


@pytest.mark.parametrize("export, structure", [("msforms.xlsx", None), ("googleforms.csv", None),
                                               ("limesurvey_codes.csv", "survey.lss"),
                                               ("qualtrics_numeric.csv", "survey.qsf"), ("surveymonkey.csv", None)])
def test_a_second_organisation_loads_in_the_dutch_app_with_nothing_to_map(export, structure):
    """Northfield (tests/fixtures/northfield): other departments, English wording, another column order."""
    at = started("nl")
    at.sidebar.file_uploader(key="data_roster").set_value(
        ("roster.csv", (NORTHFIELD / "roster.csv").read_bytes(), "text/csv"))
    at.sidebar.file_uploader(key="data_ties").set_value(
        [(export, (NORTHFIELD / "exports" / export).read_bytes(), "application/octet-stream")])
    if structure:
        at.sidebar.file_uploader(key="data_structure").set_value(
            (structure, (NORTHFIELD / "exports" / structure).read_bytes(), "application/octet-stream"))
    at.run()
    assert not at.exception and not at.error
    true_ties = len(pd.read_csv(NORTHFIELD / "truth_ties.csv"))
    assert f"36 mensen en {true_ties} banden ingelezen." in texts(at)
    questions = at.data_editor(key="upload_mapping").value
    assert {"advice", "trust"} <= set(questions["relation"])
    unused = questions.loc[questions["question"].isin(["How long have you worked at Northfield?",
                                                       "Anything else you would like to tell us?"])]
    assert len(unused) == 2 and set(unused["relation"]) == {"-"}
    assert not questions["used"].str.contains("kies een relatie").any()


def test_an_unclear_question_beside_clear_ones_is_listed_and_mapped_in_place():
    """The clear questions are read at once; the unclear one waits in the table until HR picks a relation."""
    export = pd.read_csv(G40 / "exports" / "googleforms.csv", dtype=str, keep_default_na=False)
    names = pd.read_csv(G40 / "roster.csv")["naam"].tolist()
    export["Noem maximaal drie collega's"] = ""
    export.loc[0, "Noem maximaal drie collega's"] = names[5]
    at = started("nl")
    at.sidebar.file_uploader(key="data_roster").set_value(ROSTER[0:1] + (ROSTER[1], "text/csv"))
    at.sidebar.file_uploader(key="data_ties").set_value(
        [("enquete.csv", export.to_csv(index=False).encode(), "text/csv")]).run()
    assert not at.exception and not at.error
    assert f"40 mensen en {TRUE_TIES} banden ingelezen." in texts(at)
    table = at.data_editor(key="upload_mapping").value
    row = table.index[table["question"] == "Noem maximaal drie collega's"][0]
    assert table.loc[row, "used"] == "niet gebruikt: kies een relatie" and table.loc[row, "relation"] == "-"
    assert "--relation" not in texts(at) and "Traceback" not in texts(at)
    at.session_state["upload_mapping"] = {"edited_rows": {int(row): {"relation": "friendship"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.button(key="upload_mapping_apply").click().run()
    assert not at.exception and not at.error
    assert f"40 mensen en {TRUE_TIES + 1} banden ingelezen." in texts(at)
    table = at.data_editor(key="upload_mapping").value
    assert table.loc[row, "relation"] == "friendship" and table.loc[row, "used"] == "gebruikt"
