"""The survey kit: a questionnaire ona designs, in files the platforms import, whose exports load back with
nothing to map (round trips through every platform's reader with the kit's own questions)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from ona.exceptions import InputError
from ona.io.kit.conditions import CONDITIONS, ITEM_CONDITION, ITEMS, item_text
from ona.io.kit.guides import forms_guide, option_files
from ona.io.kit.lss import to_lss
from ona.io.kit.qsf import to_qsf
from ona.io.kit.questionnaire import build_questionnaire
from ona.io.kit.recognise import conditions_item, kit_relation
from ona.io.kit.write import kit_zip, survey_kit, write_survey_kit
from ona.io.roster import read_roster
from ona.io.survey import read_survey
from ona.io.survey.questions import detect_relation

from kit_exports import PLATFORMS

DEPARTMENTS = {"Ruimte & Wonen": ["Ans Bakker", "Bas Claes", "Iris de Vries", "Dirk Elzinga"],
               "Publiekszaken": ["Eva Fokkema", "Frank Gerritsen", "Iris de Vries", "Hanna Idema"],
               "Sociaal Domein": ["Jan Kuipers", "Karin Leenders", "Lars Mulder", "Mila Nijboer"]}
COLLABORATIONS = [("Ruimte & Wonen", "Publiekszaken", "Omgevingswet"),
                  ("Sociaal Domein", "Publiekszaken", "Sociaal loket")]


def _roster(duplicate: bool = True) -> pd.DataFrame:
    rows = []
    for department, names in DEPARTMENTS.items():
        for name in names:
            if not duplicate and name == "Iris de Vries" and department == "Publiekszaken":
                name = "Iris de Wit"
            n = len(rows) + 1
            rows.append({"id": f"E{n:03d}", "name": name, "email": f"p{n}@gemeente.nl", "department": department})
    return pd.DataFrame(rows).set_index("id")


def _answers(roster: pd.DataFrame, questionnaire, seed: int = 7) -> dict[str, dict[str, object]]:
    """Seeded answers of 10 of the 12 people; everyone answers something of every kind."""
    rng = np.random.default_rng(seed)
    ids = list(roster.index)
    answers: dict[str, dict[str, object]] = {}
    for pid in ids[:10]:
        others = [i for i in ids if i != pid]
        given: dict[str, object] = {}
        for question in questionnaire.questions:
            if question.kind == "people":
                k = int(rng.integers(0, 4))
                given[question.code] = sorted(rng.choice(others, size=k, replace=False).tolist())
            elif question.kind == "groups":
                given[question.code] = sorted(rng.choice(list(DEPARTMENTS), size=int(rng.integers(1, 3)),
                                                         replace=False).tolist(), key=list(DEPARTMENTS).index)
            elif question.kind == "conditions":
                codes = [o.code for o in question.options]
                answered = [c for c in codes if rng.random() < 0.85]
                given[question.code] = {c: int(rng.integers(1, 6)) for c in answered}
        answers[pid] = given
    return answers


def _expected(questionnaire, answers):
    relation_of = {q.code: q.relation for q in questionnaire.questions}
    collaboration_of = {q.code: q.collaboration for q in questionnaire.questions}
    ties, perceived, groups, conditions = set(), set(), set(), set()
    for pid, given in answers.items():
        for code, value in given.items():
            relation = relation_of[code]
            if relation in ("advice", "trust", "collaboration"):
                ties |= {(pid, target, relation) for target in value}
            elif relation and relation.startswith("perceived_"):
                perceived |= {(pid, source, pid, relation.removeprefix("perceived_")) for source in value}
            elif relation == "depends_on":
                groups |= {(pid, g) for g in value}
            elif collaboration_of[code]:
                conditions |= {(pid, collaboration_of[code], ITEM_CONDITION[item], item, float(score))
                               for item, score in value.items()}
    return ties, perceived, groups, conditions


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@pytest.mark.parametrize(("lang", "names"), [("nl", "list"), ("en", "list"), ("nl", "text"), ("en", "text")])
def test_an_answered_kit_loads_back_with_nothing_to_map(platform, lang, names, tmp_path):
    roster = _roster(duplicate=names == "list")
    questionnaire = build_questionnaire(roster, COLLABORATIONS, lang=lang, names=names, organisation="Gemeente X")
    answers = _answers(roster, questionnaire)
    write, filename = PLATFORMS[platform]
    data = write(questionnaire, roster, answers)
    net = read_survey(data, roster.reset_index(), filename=filename)
    ties, perceived, groups, conditions = _expected(questionnaire, answers)

    assert net.report.input_format != "generic survey table"
    assert set(net.relations) == {"advice", "trust", "collaboration"}
    assert set(map(tuple, net.ties[["source", "target", "relation"]].values)) == ties
    assert set(map(tuple, net.perceived_ties.values)) == perceived
    assert set(map(tuple, net.group_ties.loc[net.group_ties["relation"] == "depends_on",
                                             ["respondent", "group"]].values)) == groups
    assert set(map(tuple, net.conditions.values)) == conditions
    assert sorted(net.respondents) == sorted(answers)
    kinds = {q["kind"] for q in net.report.details["questions"]}
    assert "other" not in kinds and "conditions" in kinds
    assert not [i for i in net.report.issues if i.kind in ("needs_review", "unmatched_name", "unmapped_question",
                                                           "invalid_weight", "unknown_respondent")]


def test_kit_questions_are_recognised_by_text_in_both_languages():
    for lang in ("nl", "en"):
        q = build_questionnaire(_roster(), COLLABORATIONS, lang=lang)
        by_code = {x.code: x for x in q.questions}
        for code, relation in (("advice", "advice"), ("trust", "trust"), ("collab", "collaboration")):
            assert kit_relation(by_code[code].text) is None
            assert detect_relation(by_code[code].text) == relation
        assert kit_relation(by_code["perceivedAdvice"].text) == "perceived_advice"
        assert kit_relation(by_code["perceivedTrust"].text) == "perceived_trust"
        assert kit_relation(by_code["dependsOn"].text) == "depends_on"
        cond = by_code["cond1"]
        for option in cond.options:
            assert conditions_item(cond.text, option.label) == ("Omgevingswet", option.code)
            assert conditions_item("", "", f"Omgevingswet: {option.label}") == ("Omgevingswet", option.code)


@pytest.mark.parametrize("text", [
    "Bij wie ga je voor advies over je werk?", "Met wie zou je een gevoelige werkkwestie bespreken?",
    "Met wie heb je het afgelopen halfjaar samengewerkt?", "Hoe vaak werk je samen met deze persoon?",
    "Hoe vaak werk je samen met de volgende afdelingen?", "Whom do you go to for advice?",
    "Who do you trust?", "With whom would you discuss a sensitive work matter?",
    "Wat is je e-mailadres bij de gemeente?", "Opmerkingen over deze vragenlijst",
])
def test_ordinary_network_questions_are_not_taken_for_kit_questions(text):
    assert kit_relation(text) is None
    assert conditions_item(text, "Persoon 1") is None


def test_every_condition_has_two_or_three_statements_in_both_languages():
    assert CONDITIONS == ("ambition", "interests", "relationship", "organisation", "process")
    for condition in CONDITIONS:
        assert 2 <= len(ITEMS[condition]) <= 3
        for code in ITEMS[condition]:
            assert item_text(code, "nl") != item_text(code, "en")
    # "and do they trust me?" is asked in so many words
    assert "vertrouwen erop dat ik" in item_text("REL2", "nl")


def test_large_rosters_type_names_and_small_ones_choose():
    small = build_questionnaire(_roster(), lang="nl")
    assert small.names == "list" and len(small.questions[1].options) == 12
    assert build_questionnaire(_roster(), lang="nl", list_limit=5).names == "text"


def test_people_with_the_same_name_get_their_department_in_the_list():
    labels = [o.label for o in build_questionnaire(_roster(), lang="nl").people]
    assert "Iris de Vries (Publiekszaken)" in labels and "Iris de Vries (Ruimte & Wonen)" in labels


def test_unusable_ids_become_codes_limesurvey_accepts():
    roster = _roster().rename(index=lambda i: f"emp-{i}")
    codes = [o.code for o in build_questionnaire(roster, lang="nl").people]
    assert codes[0] == "P0001" and all(re.fullmatch(r"[A-Za-z0-9]{1,20}", c) for c in codes)


def test_collaborations_must_name_roster_groups():
    with pytest.raises(InputError, match="Publiekzaken"):
        build_questionnaire(_roster(), [("Ruimte & Wonen", "Publiekzaken", "Omgevingswet")], lang="nl")


# -- the LimeSurvey file, checked the way LimeSurvey's importer checks it -------------------------------------

RESERVED = {"LANG", "SID", "SAVEDID", "TOKEN", "QID", "GID", "SGQ", "self", "that", "this"}


def _tables(xml: bytes) -> tuple[ET.Element, dict[str, list[dict[str, str]]]]:
    root = ET.fromstring(xml)
    tables = {}
    for table in root:
        if table.find("fields") is None:
            continue
        fields = [f.text for f in table.find("fields")]
        rows = []
        for row in table.find("rows"):
            values = {child.tag: child.text or "" for child in row}
            assert set(values) <= set(fields), (table.tag, set(values) - set(fields))
            rows.append(values)
        tables[table.tag] = rows
    return root, tables


def test_the_lss_file_meets_limesurveys_import_rules():
    roster = _roster()
    nl = build_questionnaire(roster, COLLABORATIONS, lang="nl")
    en = build_questionnaire(roster, COLLABORATIONS, lang="en", organisation=nl.organisation)
    root, tables = _tables(to_lss([nl, en]))
    assert root.tag == "document" and root.findtext("LimeSurveyDocType") == "Survey"
    assert int(root.findtext("DBVersion")) >= 359
    languages = [e.text for e in root.find("languages")]
    assert languages == ["nl", "en"]
    survey = tables["surveys"][0]
    assert survey["language"] == "nl" and survey["additional_languages"] == "en"
    gids = {r["gid"] for r in tables["groups"]}
    questions = tables["questions"]
    qids = {r["qid"] for r in questions}
    for lang in languages:  # every language has every group, question, subquestion and answer
        assert {r["gid"] for r in tables["groups"] if r["language"] == lang} == gids
        assert {r["qid"] for r in questions if r["language"] == lang} == qids
    titles = {r["title"] for r in questions if r["language"] == "nl"}
    assert len(titles) == len(qids)
    for r in questions:
        assert r["gid"] in gids and r["parent_qid"] == "0"
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,19}", r["title"]) and r["title"] not in RESERVED
        assert r["type"] in {"S", "M", "T", "F"}
    subquestions = tables["subquestions"]
    for r in subquestions:
        assert r["parent_qid"] in qids and r["gid"] in gids
        assert re.fullmatch(r"[A-Za-z0-9]{1,20}", r["title"]) and r["title"].lower() not in {"time", "other"}
    per_parent: dict[tuple[str, str], list[str]] = {}
    for r in subquestions:
        per_parent.setdefault((r["parent_qid"], r["language"]), []).append(r["title"].lower())
    assert all(len(v) == len(set(v)) for v in per_parent.values())
    arrays = {r["qid"] for r in questions if r["type"] == "F"}
    assert len(arrays) == 2
    for r in tables["answers"]:
        assert r["qid"] in arrays and len(r["code"]) <= 5 and r["language"] in languages
    assert {(r["qid"], r["code"]) for r in tables["answers"]} == {(q, f"A{i}") for q in arrays for i in range(1, 6)}
    settings = {r["surveyls_language"]: r for r in tables["surveys_languagesettings"]}
    assert set(settings) == set(languages)
    assert "Privacyverklaring" in settings["nl"]["surveyls_description"]
    assert "minstens 5" in settings["nl"]["surveyls_welcometext"]


def test_the_lss_survives_names_that_look_like_markup():
    roster = _roster()
    roster.iloc[0, roster.columns.get_loc("name")] = "Ans <b>]]> Bakker"
    xml = to_lss(build_questionnaire(roster, lang="nl"))
    _, tables = _tables(xml)
    assert any(r["question"] == "Ans &lt;b&gt;]]&gt; Bakker" for r in tables["subquestions"])


def test_the_qsf_file_has_the_structure_qualtrics_imports():
    q = build_questionnaire(_roster(), COLLABORATIONS, lang="en")
    survey = json.loads(to_qsf(q))
    assert set(survey) == {"SurveyEntry", "SurveyElements"}
    elements = survey["SurveyElements"]
    blocks = next(e for e in elements if e["Element"] == "BL")["Payload"]
    flow = next(e for e in elements if e["Element"] == "FL")["Payload"]
    sq = {e["PrimaryAttribute"]: e["Payload"] for e in elements if e["Element"] == "SQ"}
    count = next(e for e in elements if e["Element"] == "QC")
    assert int(count["SecondaryAttribute"]) == len(sq)
    in_blocks = [b["QuestionID"] for block in blocks for b in block["BlockElements"]]
    assert sorted(in_blocks) == sorted(sq) and len(set(in_blocks)) == len(in_blocks)
    assert [f["ID"] for f in flow["Flow"]] == [b["ID"] for b in blocks if b["Type"] == "Standard"]
    tags = [p["DataExportTag"] for p in sq.values()]
    assert len(tags) == len(set(tags))
    for qid, payload in sq.items():
        assert payload["QuestionID"] == qid
        if "Choices" in payload:
            assert payload["ChoiceOrder"] == list(payload["Choices"])
    matrix = [p for p in sq.values() if p["QuestionType"] == "Matrix"]
    assert len(matrix) == 2 and all(len(p["Choices"]) == 14 and len(p["Answers"]) == 5 for p in matrix)
    assert {(p["QuestionType"], p["Selector"]) for p in sq.values()} == {
        ("DB", "TB"), ("TE", "SL"), ("MC", "MAVR"), ("Matrix", "Likert")}


def test_forms_guides_give_the_exact_texts_and_the_lists_to_paste():
    q = build_questionnaire(_roster(), COLLABORATIONS, lang="nl")
    guide = forms_guide(q, "msforms")
    for question in q.questions:
        if question.kind != "email":
            assert f"`{question.text}`" in guide
    assert "Naam vastleggen" in guide and "`Omgevingswet: " in guide
    files = option_files(q, "msforms")
    assert files["opties/mensen.txt"].splitlines() == [o.label for o in q.people]
    assert files["opties/omgevingswet-uitspraken-msforms.txt"].splitlines()[0].startswith("Omgevingswet: ")
    google = forms_guide(q, "googleforms")
    assert "E-mailadressen verzamelen" in google and "Raster met meerkeuzevragen" in google
    monkey = forms_guide(q, "surveymonkey")
    for question in q.questions:
        if question.kind != "email":
            assert f"`{question.text}`" in monkey
    assert "Uitnodiging per e-mail" in monkey and "Matrix/beoordelingsschaal" in monkey
    assert "`opties/omgevingswet-uitspraken.txt`" in monkey and "-msforms" not in monkey
    with pytest.raises(ValueError):
        forms_guide(q, "qualtrics")


def test_the_kit_holds_every_file_in_the_chosen_language(tmp_path):
    _, files = survey_kit(_roster(), COLLABORATIONS, lang="en", organisation="Acme", contact="hr@acme.nl")
    assert {"README.md", "questionnaire.md", "limesurvey.lss", "qualtrics.qsf", "microsoft-forms.md",
            "google-forms.md", "surveymonkey.md", "invitation.txt", "privacy-statement.md"} <= set(files)
    privacy = files["privacy-statement.md"].decode()
    assert "at least 5 people" in privacy and "12 months" in privacy and "hr@acme.nl" in privacy
    invitation = files["invitation.txt"].decode()
    assert invitation.startswith("How do we work together?") and "hr@acme.nl" in invitation
    assert "Kaats" in files["questionnaire.md"].decode()
    written = write_survey_kit(tmp_path / "kit", files)
    assert sorted(p.relative_to(tmp_path / "kit").as_posix() for p in written) == sorted(files)
    assert kit_zip(files) == kit_zip(files)
    _, dutch = survey_kit(_roster(), COLLABORATIONS, lang="nl")
    assert "LEESMIJ.md" in dutch and "privacyverklaring.md" in dutch


def test_writing_the_kit_onto_a_file_is_one_clear_error(tmp_path):
    target = tmp_path / "kit"
    target.write_text("x")
    with pytest.raises(InputError, match="is a file"):
        write_survey_kit(target, {"a.txt": b"x"})


def test_the_kit_reads_its_roster_like_every_other_command(tmp_path):
    path = tmp_path / "roster.csv"
    _roster().reset_index().to_csv(path, index=False)
    q = build_questionnaire(read_roster(path), lang="nl")
    assert len(q.people) == 12


def test_the_command_line_writes_the_kit(tmp_path, capsys):
    from ona.cli import main

    roster = tmp_path / "roster.csv"
    _roster().reset_index().to_csv(roster, index=False)
    expected = tmp_path / "collaborations.csv"
    expected.write_text("collaboration,group\nOmgevingswet,Ruimte & Wonen\nOmgevingswet,Publiekszaken\n")
    status = main(["survey-kit", "--roster", str(roster), "--expected", str(expected), "--lang", "nl",
                   "-o", str(tmp_path / "kit"), "--organisation", "Gemeente X"])
    assert status == 0
    assert "Enquêtepakket (nl)" in capsys.readouterr().out
    assert (tmp_path / "kit" / "limesurvey.lss").read_bytes().startswith(b"<?xml")
    assert "Samenwerking “Omgevingswet”" in (tmp_path / "kit" / "vragenlijst.md").read_text()
    expected.write_text("collaboration,group\nOmgevingswet,Ruimte en Wonen\nOmgevingswet,Publiekzaken\n")
    assert main(["survey-kit", "--roster", str(roster), "--expected", str(expected), "-o", str(tmp_path / "k2")]) == 2
    assert "Publiekzaken" in capsys.readouterr().err


@pytest.mark.parametrize(("platform", "structure"), [("limesurvey_codes", "lss"), ("qualtrics_numeric", "qsf")])
@pytest.mark.parametrize("names", ["list", "text"])
def test_a_code_export_loads_with_the_kits_own_structure_file(platform, structure, names):
    import kit_exports

    roster = _roster(duplicate=names == "list")
    questionnaire = build_questionnaire(roster, COLLABORATIONS, lang="nl", names=names, organisation="Gemeente X")
    other = build_questionnaire(roster, COLLABORATIONS, lang="en", names=names, organisation="Gemeente X")
    answers = _answers(roster, questionnaire)
    data = getattr(kit_exports, platform)(questionnaire, roster, answers)
    file = to_lss([questionnaire, other]) if structure == "lss" else to_qsf(questionnaire)
    net = read_survey(data, roster.reset_index(), filename="kit.csv", structure=file)
    ties, perceived, groups, conditions = _expected(questionnaire, answers)
    assert set(map(tuple, net.ties[["source", "target", "relation"]].values)) == ties
    assert set(map(tuple, net.perceived_ties.values)) == perceived
    assert set(map(tuple, net.group_ties.loc[net.group_ties["relation"] == "depends_on",
                                             ["respondent", "group"]].values)) == groups
    assert set(map(tuple, net.conditions.values)) == conditions


def _planted_answers(roster: pd.DataFrame, questionnaire) -> dict[str, dict[str, object]]:
    """Answers with patterns the findings must find: Omgevingswet's process statements all 1 (everything else
    4), Ruimte & Wonen believing six colleagues each would trust them (one does: everyone trusts E001 only),
    and Publiekszaken trusted by everyone without knowing it."""
    ids = list(roster.index)
    members = {d: [i for i in ids if roster.at[i, "department"] == d] for d in DEPARTMENTS}
    answers: dict[str, dict[str, object]] = {}
    for pid in ids[:10]:
        given: dict[str, object] = {}
        for question in questionnaire.questions:
            if question.relation == "trust":
                given[question.code] = [i for i in members["Publiekszaken"] + ["E001"] if i != pid]
            elif question.relation == "advice":
                given[question.code] = [i for i in ids[:3] if i != pid]
            elif question.relation == "perceived_trust" and pid in members["Ruimte & Wonen"]:
                given[question.code] = [i for i in ids[4:10]]
            elif question.kind == "conditions":
                given[question.code] = {o.code: 1 if question.collaboration == "Omgevingswet" and
                                        ITEM_CONDITION[o.code] == "process" else 4 for o in question.options}
        answers[pid] = given
    return answers


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_ona_analyze_reads_a_kit_export_into_conditions_perception_and_findings(platform, tmp_path, capsys):
    """Done when of issue 13: each platform's export of the kit's survey, given to ``ona analyze`` with nothing to
    map, gives conditions.csv, perception.csv and the collaboration scan's finding kinds."""
    from ona.cli import main

    roster = _roster(duplicate=True)
    questionnaire = build_questionnaire(roster, COLLABORATIONS, lang="nl", names="list", organisation="Gemeente X")
    write, filename = PLATFORMS[platform]
    export = tmp_path / filename
    export.write_bytes(write(questionnaire, roster, _planted_answers(roster, questionnaire)))
    roster.reset_index().to_csv(tmp_path / "roster.csv", index=False)
    (tmp_path / "samenwerkingen.csv").write_text(
        "collaboration,group\n" + "".join(f"{c},{a}\n{c},{b}\n" for a, b, c in COLLABORATIONS), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(export), "--roster", str(tmp_path / "roster.csv"), "--expected",
                 str(tmp_path / "samenwerkingen.csv"), "-o", str(out), "--permutations", "0"]) == 0, \
        capsys.readouterr().err
    conditions = pd.read_csv(out / "conditions.csv")
    assert set(conditions["collaboration"]) == {"Omgevingswet", "Sociaal loket"}
    pooled = conditions[(conditions["collaboration"] == "Omgevingswet") & (conditions["member"] != False)]  # noqa: E712
    assert pooled.loc[pooled["condition"] == "process", "mean"].max() == 1.0
    perception = pd.read_csv(out / "perception.csv").set_index(["group", "relation"])
    assert perception.loc[("Ruimte & Wonen", "trust"), "perceived"] == 24
    findings = json.loads((out / "findings.json").read_text())
    found = {(f["kind"], tuple(f["groups"])[:1]) for f in findings
             if f["kind"] in ("condition_weak", "overestimated_trust", "unrecognised_trust")}
    assert ("overestimated_trust", ("Ruimte & Wonen",)) in found
    assert ("unrecognised_trust", ("Publiekszaken",)) in found
    weak = [f for f in findings if f["kind"] == "condition_weak"]
    assert [(f["evidence"]["collaboration"], f["evidence"]["condition"]) for f in weak] == [("Omgevingswet", "process")]
