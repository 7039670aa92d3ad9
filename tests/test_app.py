"""Streamlit AppTest for every page of app.py, on the municipality sample and on uploads.

Expected values come from ona itself, computed here independently of the app
(e.g. ``ona.measures.groups.ei_index`` against the app's E-I table, ``focus_subgraph``
against the drawn nodes), and from the planted structure of the municipality
sample (sample_networks/municipality/README.md): the silo Openbare Ruimte, the
fragile bridge Jan de Vries (E0141), the overloaded adviser Ingrid Smit
(E0164, named by 40 people for advice).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ona import samples
from ona.io.expected import read_expected
from ona.findings import find_findings, group_similar, link_carriers
from ona.measures.groups import ei_index
from ona.io.ingest import load_network
from ona.viz.layout import ego_subgraph, focus_subgraph
from ona.model import OrgNetwork

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
MUNICIPALITY = ROOT / "sample_networks" / "municipality"
MS_FORMS = MUNICIPALITY / "exports" / "msforms_2025.xlsx"
EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def _no_role_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ONA_ROLE", "ONA_ANALYST_USERS", "ONA_MANAGER_USERS", "ONA_PSEUDONYM_KEY", "ONA_MIN_GROUP_SIZE",
                "ONA_GROUPS_ONLY", "ONA_WORKSPACE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def net():  # type: ignore[no-untyped-def]
    return samples.load("municipality")


def go(at: AppTest, page: str) -> AppTest:
    """Open a page as the sidebar's navigation does (one file per page in ona/app/pages/)."""
    at.switch_page(f"ona/app/pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def drawing(at: AppTest, index: int = 0) -> dict[str, list[dict]]:
    """The nodes and edges of the index-th drawing on the page, as vis-network receives them."""
    page = at.get("iframe")[index].proto.srcdoc
    data = {}
    for name in ("nodes", "edges"):
        match = re.search(rf"var {name} = (.*);\n", page)
        assert match, f"the iframe holds no {name}"
        data[name] = json.loads(match.group(1))
    return data


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page with this column."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def texts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "info", "success", "warning", "error")
                     for e in getattr(at, kind))


# -- start ---------------------------------------------------------------------------------------


def test_start_opens_on_the_municipality(app: AppTest) -> None:
    assert app.title[0].value == "How does your organisation really work together?"
    assert app.title[0].value == "How does your organisation really work together?"
    assert "Veldhoven" in texts(app)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["People"] == "250" and metrics["Response rate"] == "85%" and metrics["Relations"] == "3"
    assert metrics["Ties"] == f"{3343:,}"  # sample_networks/municipality/README.md: all ties, 2025
    assert "**Input format:** edge list" in texts(app)
    response = app.dataframe[-1].value
    assert response.iloc[-1].tolist()[:3] == ["(all)", 250, 212]
    assert not app.error


def test_start_offers_the_samples_raw_files_to_try_the_upload(app: AppTest) -> None:
    buttons = {b.proto.label: b for b in app.get("download_button") if b.proto.id and "start_try" in b.proto.id}
    assert set(buttons) == {"Roster", "Survey export (Microsoft Forms)", "Expected collaborations"}
    assert "Try it yourself" in texts(app)
    assert "A synthetic Dutch municipality" in texts(app)
    app.sidebar.radio(key="side_lang").set_value("nl").run()
    assert "Zelf proberen?" in texts(app) and "Een synthetische Nederlandse gemeente" in texts(app)


def test_other_samples_are_selectable(app: AppTest) -> None:
    app.sidebar.selectbox(key="data_sample").set_value("krackhardt").run()
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["People"] == "21"
    assert not [b for b in app.get("download_button") if "start_try" in b.proto.id]  # no raw files to try


def test_second_wave_of_the_municipality(app: AppTest) -> None:
    app.sidebar.selectbox(key="data_wave").set_value("2026").run()
    go(app, "overview")
    counts = samples.load("municipality", wave="2026").ties["relation"].value_counts()
    assert {m.label: m.value for m in app.metric}["Ties: advice"] == f"{counts['advice']:,}"


# -- overview ----------------------------------------------------------------------------------------


def test_overview_figures_and_ranked_findings(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    go(app, "overview")
    metrics = {m.label: m.value for m in app.metric}
    counts = net.ties["relation"].value_counts()
    assert metrics["People"] == "250" and metrics["Groups"] == "6"
    for relation in ("advice", "trust", "collaboration"):
        assert metrics[f"Ties: {relation}"] == f"{counts[relation]:,}"
    shown = texts(app)
    assert "With 4 declared collaborations" in shown
    assert "Openbare Ruimte mostly keeps to itself" in shown  # the planted silo
    assert "The few there are all run through 1 person\\." in shown  # the Sociaal loket: side by side, one carrier
    assert "Ingrid Smit \\(Bedrijfsvoering\\) is asked for advice by 40 people" in shown  # overloaded, escaped
    badges = [m.value for m in app.markdown if "-badge[" in m.value]
    assert badges[0].startswith(":red-badge[high] :green-badge[high confidence]")
    assert len(app.expander) >= len(badges)
    # issue 12 item 5: a finding about a person is headed by the person; evidence in words, no test statistics
    assert any("**Overloaded\\: Ingrid Smit \\(Bedrijfsvoering\\)**" in b for b in badges)
    assert any("**Silo\\: Openbare Ruimte**" in b for b in badges)
    evidence = pd.concat([d.value for d in app.dataframe if "Figure" in d.value.columns])
    labels = " ".join(evidence["Figure"])
    for jargon in ("p value", "z score", "threshold", "ei index", "pattern", "scope", "sd others"):
        assert jargon not in labels
    assert "share of ties that stay inside" in labels and "96%" in evidence["Value"].tolist()
    # issue 12 item 2: every finding says how certain it is, from the response behind it
    bands = ("High confidence", "Moderate confidence", "Low confidence")
    assert len([c for c in app.caption if c.value.startswith(bands)]) == len(badges)
    assert "The lowest response among the departments involved is 80% \\(Openbare Ruimte\\)" in shown


# -- network -----------------------------------------------------------------------------------------


def test_network_draws_every_person_with_brokers_and_the_fragile_bridge(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    go(app, "network")
    data = drawing(app)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == set(net.people)
    assert len(data["edges"]) == net.graph("advice").number_of_edges()
    expected = read_expected(samples.expected_collaborations_path("municipality"), net)
    # the people thin links hang on: bridges, and carriers of side-by-side pairs (Jan de Vries carries the
    # Sociaal loket's 8 ties, a gap since issue W2 3/6)
    bridges = {p for p, _ in link_carriers(find_findings(net, expected=expected))}
    assert "E0141" in bridges and all(nodes[p]["borderWidth"] == 4 for p in bridges)
    red = [(e["from"], e["to"]) for e in data["edges"] if e["color"]["color"] == "#d62728"]
    assert all(set(pair) & bridges for pair in red)  # their ties across the bridge are red ...
    assert ("E0141", "E0022") in red  # ... such as Jan's advice to Sociaal Domein
    (line,) = [m.value for m in app.markdown if m.value.startswith("**Thin links hang on:**")]
    assert "Jan de Vries" in line
    assert "Brokers between departments:**" in texts(app)


def test_network_focus_on_a_department_and_on_a_person(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    go(app, "network")
    app.radio(key="net_focus").set_value("group").run()
    app.selectbox(key="net_focus_group").set_value("Publiekszaken").run()
    G = net.graph("advice")
    assert {n["id"] for n in drawing(app)["nodes"]} == set(focus_subgraph(G, "Publiekszaken").nodes)
    app.radio(key="net_focus").set_value("person").run()
    app.selectbox(key="net_focus_person").set_value("E0141").run()
    assert {n["id"] for n in drawing(app)["nodes"]} == set(ego_subgraph(G, "E0141").nodes)


def test_network_filter_colour_size_and_relation(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    go(app, "network")
    app.multiselect(key="net_groups").set_value(["Openbare Ruimte"]).run()
    members = set(net.roster.index[net.roster["department"] == "Openbare Ruimte"])
    assert {n["id"] for n in drawing(app)["nodes"]} == members
    app.selectbox(key="net_color").set_value("community").run()
    app.selectbox(key="net_size").set_value("pagerank").run()
    app.selectbox(key="net_relation").set_value("trust").run()
    assert not app.exception
    data = drawing(app)
    page = app.get("iframe")[0].proto.srcdoc
    assert "Community 1" in page
    assert len({round(n["size"], 3) for n in data["nodes"]}) > 5  # sizes follow PageRank
    trust = net.graph("trust").subgraph(members)
    assert len(data["edges"]) == trust.number_of_edges()


def test_large_networks_open_at_department_level(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ona.viz.layout.PERSON_LEVEL_LIMIT", 100)
    at = AppTest.from_file(APP, default_timeout=60).run()
    go(at, "network")
    assert at.radio(key="net_focus").value == "overview"
    assert sorted(n["id"] for n in drawing(at)["nodes"]) == sorted(samples.load("municipality").groups().unique())
    assert "too many to draw person by person" in texts(at)


# -- departments -------------------------------------------------------------------------------------


def test_departments_page_points_at_the_side_by_side_pairs(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    """Issue W2 3/6: the declared pairs first, coloured by ties against expectation, each flagged one a card."""
    go(app, "groups")
    assert app.title[0].value == "Departments: who works side by side?"
    assert len(app.get("vega_lite_chart")) == 2  # the declared pairs' bars and the matrix of every pair
    cards = [m.value for m in app.markdown if "-badge[" in m.value]
    assert len(cards) == 2 and all(c.startswith(":red-badge[side by side]") for c in cards)
    assert "**Ruimte & Wonen** and **Publiekszaken** (Omgevingswet): 2 ties where about 48" in cards[0]
    assert "**Sociaal Domein** and **Publiekszaken** (Sociaal loket): 8 ties where about 54" in cards[1]
    assert "Those ties hang on Jan de Vries." in texts(app)
    # the department graph: groups in one neutral colour, declared pairs one line each in their status colour
    data = drawing(app)
    assert {n["id"] for n in data["nodes"]} == set(net.groups().unique())
    assert len({n["color"] for n in data["nodes"]}) == 1
    coloured = {frozenset((e["from"], e["to"])): e for e in data["edges"] if e["color"]["color"] != "#9e9e9e"}
    assert {k: e["color"]["color"] for k, e in coloured.items()} == {
        frozenset(("Ruimte & Wonen", "Publiekszaken")): "#d62728", frozenset(("Sociaal Domein", "Publiekszaken")):
        "#d62728", frozenset(("Sociaal Domein", "Ruimte & Wonen")): "#2ca02c",
        frozenset(("Bedrijfsvoering", "Concernstaf")): "#2ca02c"}
    assert coloured[frozenset(("Sociaal Domein", "Publiekszaken"))]["label"] == "8 of ~54"
    # per department: response, confidence and the share of ties inside, (1 - E-I) / 2 of the advice ties
    app.selectbox(key="groups_relation").set_value("advice").run()
    table = app.dataframe[0].value.set_index("Department")
    inside = {g: (1 - v) / 2 for g, v in ei_index(net.graph("advice")).items()}
    assert table["Share of ties inside"].to_dict() == pytest.approx(inside)
    assert table["Share of ties inside"].idxmax() == "Openbare Ruimte"  # the silo
    assert set(table["Confidence"]) <= {"high", "moderate", "low"}


def test_pair_view_shows_who_carries_the_ties(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    go(app, "groups")
    # opens on the first flagged pair; the Sociaal loket's card opens its pair in a dialog
    assert (app.selectbox(key="groups_pair_a").value, app.selectbox(key="groups_pair_b").value) == (
        "Ruimte & Wonen", "Publiekszaken")
    app.button(key="groups_open_1").click().run()
    assert not app.exception
    assert (app.selectbox(key="groups_pair_a").value, app.selectbox(key="groups_pair_b").value) == (
        "Sociaal Domein", "Publiekszaken")
    assert ("4 ties between Sociaal Domein and Publiekszaken (2 from Sociaal Domein to Publiekszaken, 2 back), "
            "carried by 5 people") in texts(app)  # Jan de Vries and his four partners (advice)
    carriers = app.dataframe[-1].value
    assert carriers.iloc[0].tolist() == ["Jan de Vries", "Publiekszaken", 4]  # every tie runs through him
    app.selectbox(key="groups_pair_b").set_value("Openbare Ruimte").run()
    assert "Not a single tie between Sociaal Domein and Openbare Ruimte" in texts(app)


def test_pair_view_counts_one_tie_in_the_singular(app: AppTest) -> None:
    go(app, "groups")
    app.selectbox(key="groups_pair_a").set_value("Ruimte & Wonen").run()
    app.selectbox(key="groups_pair_b").set_value("Publiekszaken").run()  # the planted gap: one advice tie in 2025
    assert ("1 tie between Ruimte & Wonen and Publiekszaken (1 from Ruimte & Wonen to Publiekszaken, 0 back), "
            "carried by 2 people.") in texts(app)
    app.sidebar.radio(key="side_lang").set_value("nl").run()
    assert "1 band tussen Ruimte & Wonen en Publiekszaken" in texts(app)


# -- people and export ---------------------------------------------------------------------------------


def test_people_table_sorts_and_searches(app: AppTest, net) -> None:  # type: ignore[no-untyped-def]
    go(app, "people")
    # issue 12 item 4: by default a few explained columns, each with one sentence
    table = app.dataframe[0].value
    assert len(table) == 250
    assert list(table.columns) == ["Id", "Name", "Department", "Answered the survey", "Connects departments",
                                   "Thin link hangs on", "Many depend on", "Isolated"]
    shown = texts(app)
    for column in ("Connects departments", "Thin link hangs on", "Many depend on", "Isolated"):
        assert f"**{column}**: " in shown
    rows = table.set_index("Name")
    # the planted fragile bridge Jan de Vries heads the table; Ingrid Smit is named by 40 people for advice
    assert table.iloc[0]["Name"] == "Jan de Vries" and rows.at["Jan de Vries", "Thin link hangs on"]
    assert rows.at["Ingrid Smit", "Many depend on"] == 40
    isolated = set(table.loc[table["Isolated"].fillna(False).astype(bool), "Name"])
    assert {"Koen Hoekstra", "Gerda Vink"} <= isolated  # the overview's isolated finding (advice)
    people = net.ties_of("advice")
    tied = set(people["source"]) | set(people["target"])
    expected = {net.display_names()[p] for p in net.respondents if p not in tied}
    assert isolated == expected  # respondents with no advice tie either way, computed from the ties here
    reached = rows.at["Ingrid Smit", "Connects departments"]
    assert reached == 4  # ona.measures.metrics.departments_reached (the People table of every measure)
    # every measure behind the switch
    app.toggle(key="people_all").set_value(True).run()
    table = app.dataframe[0].value
    assert {"Name", "Department", "Named by", "Betweenness", "Liaison", "Brokerage total"} <= set(table.columns)
    assert table["Brokerage total"].dropna().is_monotonic_decreasing  # non-respondents (unknown) last
    assert table["Brokerage total"].isna().sum() == 250 - 212
    app.text_input(key="people_search").set_value("ingrid smit").run()
    found = app.dataframe[0].value.set_index("Name")["Named by"].to_dict()
    assert found == {"Ingrid Smit": 40, "Ingrid Smits": found["Ingrid Smits"]}
    assert [b.proto.label for b in app.get("download_button")] == ["people (CSV)", "people (Excel)"]


def test_export_page_offers_every_download(app: AppTest) -> None:
    go(app, "export")
    labels = [b.proto.label for b in app.get("download_button")]
    # what people take to a meeting comes first, under plain names; the analysts' formats after it
    assert labels[:5] == ["Report (PDF)", "Presentation (PowerPoint)", "Network picture (PNG)", "Department map (PNG)",
                          "Department matrix (PNG)"]
    assert labels.index("Department matrix (PNG)") < labels.index("Network as GEXF (Gephi)")
    for label in ("All tables as one Excel workbook", "people (CSV)", "department matrix (CSV)", "ties (CSV)",
                  "Network as GEXF (Gephi)", "Network as GraphML", "Current network drawing as HTML",
                  "Findings as Markdown"):
        assert label in labels


# -- change between waves -------------------------------------------------------------------------------


def test_change_page_compares_the_two_waves_of_the_municipality(app: AppTest) -> None:
    from ona.findings.change import change_findings, compare_waves

    go(app, "change")
    assert app.selectbox(key="change_before").value == "2025" and app.selectbox(key="change_after").value == "2026"
    comparison = compare_waves(samples.load("municipality"), samples.load("municipality", wave="2026"))
    relations = table_with(app, "Kept").set_index("Relation")
    expected = comparison.relations.set_index("relation")
    for relation in ("advice", "trust", "collaboration"):  # computed independently with ona.findings.change
        for column, label in (("kept", "Kept"), ("new", "New"), ("lost", "Lost"), ("panel_respondents",
                                                                                   "Answered both times")):
            assert relations.at[relation, label] == expected.at[relation, column]
    shown = texts(app)
    assert "Only the 179 people who answered the survey both times count" in shown
    # the planted spread from team Omgevingsvergunningen (README: 2026 wave) and the gap pair's growth
    assert "team Omgevingsvergunningen gained 3\\.4 advice ties to other departments per person" in shown
    # the pairs whose advice ties grew are one card with a table (issue 12 item 5), not a card each
    assert "pairs of departments, the number of advice ties grew by" in shown
    grew = table_with(app, "Now (2026)")
    row = grew[grew["Pair"] == "Publiekszaken – Ruimte & Wonen"].iloc[0]
    assert (row["In 2025"], row["Now (2026)"], row["Difference"]) == (1, 41, 40)
    cards = group_similar(change_findings(comparison))
    assert len(cards) < len(change_findings(comparison))
    assert len([m for m in app.markdown if "-badge[" in m.value]) == len(cards)
    assert "**Origin (team):** Omgevingsvergunningen" in shown
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Gain in the origin"] == "+3.4" and metrics["Gain among contacts"] == "+0.8"
    pairs = table_with(app, "Publiekszaken")  # the change matrix: ties in 2026 minus ties in 2025
    assert pairs.at["Ruimte & Wonen", "Publiekszaken"] + pairs.at["Publiekszaken", "Ruimte & Wonen"] == 41 - 1
    assert pairs.at["Publiekszaken", "Publiekszaken"] == 0  # inside a group: no cross ties (drawn as a dash)
    teams = table_with(app, "Team")
    assert teams.iloc[0]["Team"] == "Omgevingsvergunningen" and teams.iloc[0]["Gain per person"] == pytest.approx(3.4)
    app.selectbox(key="change_before").set_value("2026").run()
    assert "Pick two different waves." in texts(app)
    app.sidebar.radio(key="side_lang").set_value("nl").run()
    app.selectbox(key="change_before").set_value("2025").run()
    assert "team Omgevingsvergunningen per persoon gemiddeld 3,4 adviesrelaties" in texts(app)
    assert app.title[0].value == "Verandering tussen metingen"


def test_change_page_compares_an_upload_with_a_second_wave(app: AppTest) -> None:
    upload(app, ("roster.csv", (MUNICIPALITY / "roster.csv").read_bytes()),
           [("ties_2025.csv", (MUNICIPALITY / "ties_2025.csv").read_bytes())])
    go(app, "change")
    assert "Upload the export of the other wave above" in texts(app)
    later = (MUNICIPALITY / "ties_2026.csv").read_bytes()
    app.file_uploader(key="change_ties").set_value([("ties_2026.csv", later, "text/csv")]).run()
    assert not app.exception and not app.error
    shown = texts(app)
    assert "Comparing wave **1** with wave **2**" in shown
    assert "team Omgevingsvergunningen gained" in shown
    before = load_network(MUNICIPALITY / "ties_2025.csv", MUNICIPALITY / "roster.csv")
    after = load_network(MUNICIPALITY / "ties_2026.csv", MUNICIPALITY / "roster.csv")
    from ona.findings.change import compare_waves

    expected = compare_waves(before, after).relations.set_index("relation")
    assert table_with(app, "Kept").set_index("Relation").at["advice", "New"] == expected.at["advice", "new"]
    app.radio(key="change_order").set_value("earlier").run()  # the upload is the earlier wave: gains turn to losses
    assert "Comparing wave **2** with wave **1**" in texts(app)
    assert table_with(app, "Kept").set_index("Relation").at["advice", "Lost"] == expected.at["advice", "new"]


def test_change_page_of_a_single_wave_sample(app: AppTest) -> None:
    app.sidebar.selectbox(key="data_sample").set_value("krackhardt").run()
    go(app, "change")
    assert "This sample has one wave" in texts(app)


# -- language --------------------------------------------------------------------------------------------


def test_switching_to_dutch(app: AppTest) -> None:
    app.sidebar.radio(key="side_lang").set_value("nl").run()
    assert app.title[0].value == "Hoe werkt uw organisatie echt samen?"
    go(app, "overview")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Mensen"] == "250" and metrics["Banden: advies"] == "1.298"
    assert "Openbare Ruimte werkt vooral op zichzelf" in texts(app)
    go(app, "network")
    assert "Netwerk van mensen" in app.get("iframe")[0].proto.srcdoc


# -- uploads ----------------------------------------------------------------------------------------------


def upload(at: AppTest, roster: tuple[str, bytes], ties: list[tuple[str, bytes]]) -> AppTest:
    at.sidebar.file_uploader(key="data_roster").set_value((roster[0], roster[1], "text/csv"))
    at.sidebar.file_uploader(key="data_ties").set_value([(n, b, "application/octet-stream") for n, b in ties])
    at.run()
    assert not at.exception, at.exception
    return at


def test_upload_the_microsoft_forms_export_and_resolve_names(app: AppTest) -> None:
    roster = ("roster.csv", (MUNICIPALITY / "roster.csv").read_bytes())
    upload(app, roster, [("msforms_2025.xlsx", MS_FORMS.read_bytes())])
    expected = load_network(MS_FORMS, MUNICIPALITY / "roster.csv")
    assert f"Read 250 people and {len(expected.ties):,} ties." in texts(app)
    assert "**Survey platform:** Microsoft Forms" in texts(app)
    questions = app.get("arrow_data_frame") or app.get("data_editor")  # the question mapping
    assert questions or "Questions and relations" in [s.value for s in app.subheader]
    first = app.selectbox(key="upload_review_0")
    assert first.label.startswith("‘Iris de Vries’ named by")  # Markdown-escaped, but nothing to escape here
    assert first.options[1:3] == ["Iris de Vries (E0006, Sociaal Domein)", "Iris de Vries (E0159, Bedrijfsvoering)"]
    review = [e for e in expected.report.details["review"]]
    who = next(e["mentioned_by"] for e in review if e["name"] == "Iris de Vries")
    first.set_value("E0159")
    app.button(key="upload_review_apply").click().run()
    assert not app.exception
    decided = load_network(MS_FORMS, MUNICIPALITY / "roster.csv", resolutions={(who, "Iris de Vries"): "E0159"})
    assert len(decided.ties) > len(expected.ties)  # the decision made ties
    assert f"Read 250 people and {len(decided.ties):,} ties." in texts(app)
    go(app, "overview")
    assert "Openbare Ruimte mostly keeps to itself" in texts(app)


def test_upload_a_decisions_file(app: AppTest) -> None:
    upload(app, ("roster.csv", (MUNICIPALITY / "roster.csv").read_bytes()),
           [("msforms_2025.xlsx", MS_FORMS.read_bytes())])
    decisions = (MUNICIPALITY / "exports" / "resolutions_2025.csv").read_bytes()
    app.file_uploader(key="upload_decisions").set_value(("resolutions.csv", decisions, "text/csv")).run()
    assert not app.exception
    assert len(app.session_state["decisions_resolutions"]) == len(pd.read_csv(MUNICIPALITY / "exports" /
                                                                              "resolutions_2025.csv"))
    go(app, "overview")
    sample = samples.load("municipality").ties["relation"].value_counts()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Ties: advice"] == f"{sample['advice']:,}"  # every name decided: the ties of the sample


def test_unreadable_upload_is_one_sentence(app: AppTest) -> None:
    upload(app, ("roster.csv", (MUNICIPALITY / "roster.csv").read_bytes()), [("ties.csv", b"\x00\x01\x02garbage")])
    assert len(app.error) == 1
    message = app.error[0].value
    assert "Traceback" not in message and message.endswith(".")
    assert "Veldhoven" in texts(app)  # the sample stays on screen


def test_names_with_markup_are_shown_literally(app: AppTest) -> None:
    roster = f"id,name,department\na,{EVIL},HR\nb,Bo,HR\nc,Cy,IT\n".encode()
    upload(app, ("roster.csv", roster), [("advice.csv", b"source,target\na,b\nb,c\nc,a\n")])
    go(app, "network")
    nodes = {n["id"]: n for n in drawing(app)["nodes"]}
    assert nodes["a"]["label"] == EVIL
    page = app.get("iframe")[0].proto.srcdoc
    assert EVIL not in page and "&lt;img src=x onerror=alert(1)&gt;" in nodes["a"]["title"]
    go(app, "people")
    assert EVIL in app.dataframe[0].value["Name"].tolist()  # a table cell: text, not markup


# -- roles --------------------------------------------------------------------------------------------------


def test_manager_mode_shows_privacy_filtered_views(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "a long and secret key for the tests")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "Manager mode" in texts(at)
    assert [u.key for u in at.sidebar.file_uploader] == ["data_workspace"]  # managers open workspaces, no raw data
    go(at, "people")
    table = at.dataframe[0].value
    assert table["Person"].str.fullmatch(r"P-[0-9A-Z]{8}").all()
    assert "Name" not in table.columns or table["Name"].isna().all()  # nobody in the sample consented to be named
    assert "Role" not in table.columns and "E0141" not in table.to_string()
    go(at, "overview")
    assert "Jan de Vries" not in texts(at)
    go(at, "network")
    page = at.get("iframe")[0].proto.srcdoc
    assert "Jan de Vries" not in page and "E0141" not in page


def test_switching_the_grouping_reveals_nobody_to_managers(monkeypatch: pytest.MonkeyPatch) -> None:
    # Lazega: Providence's 4 lawyers are below k = 5 under "department" (the office). Before the joint
    # screening a manager saw 67 people by department and 71 by practice ("team"): the 4 by subtraction.
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "a long and secret key for the tests")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.selectbox(key="data_sample").set_value("lazega").run()
    go(at, "overview")
    seen = {}
    for grouping in ("department", "team"):
        at.sidebar.selectbox(key="side_group_by").set_value(grouping).run()
        assert not at.exception, at.exception
        metrics = {m.label: m.value for m in at.metric}
        seen[grouping] = (metrics["People"], metrics["Ties: advice"])
        assert "Providence" not in texts(at)
    assert seen["department"] == seen["team"] == ("67", "847")
    assert "4 people are left out of every figure" in texts(at)


def test_broken_role_configuration_stops_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONA_ROLE", "director")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert len(at.error) == 1 and "director" in at.error[0].value
    assert not at.get("iframe") and not at.metric


# -- published workspaces ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace_zip() -> bytes:
    from ona.privacy import PrivacyPolicy
    from ona.workspace import build_workspace

    policy = PrivacyPolicy(key="a long and secret key for the tests")
    return build_workspace(samples.load("municipality"), policy=policy, n_permutations=99).to_zip()


def test_an_uploaded_workspace_replaces_the_raw_data(app: AppTest, workspace_zip: bytes) -> None:
    app.sidebar.file_uploader(key="data_workspace").set_value(("ws.zip", workspace_zip, "application/zip")).run()
    assert not app.exception
    assert "published workspace" in texts(app)
    assert {m.label: m.value for m in app.metric}["Minimum group size"] == "5"
    go(app, "overview")
    assert "Openbare Ruimte mostly keeps to itself" in texts(app)
    assert "Jan de Vries" not in texts(app)  # no consent in the sample: a pseudonym instead
    go(app, "network")
    app.radio(key="net_focus").set_value("overview").run()
    assert sorted(n["id"] for n in drawing(app)["nodes"]) == sorted(samples.load("municipality").groups().unique())
    app.radio(key="net_focus").set_value("all").run()
    nodes = drawing(app)["nodes"]
    # 250 people less the 4-person team Directie, withheld because managers may also group by team
    assert len(nodes) == 246 and all(re.fullmatch(r"P-[0-9A-Z]{8}", n["id"]) for n in nodes)
    go(app, "groups")
    go(app, "people")
    assert app.dataframe[0].value["Person"].str.fullmatch(r"P-[0-9A-Z]{8}").all()
    go(app, "export")
    assert "Download the workspace (zip)" in [b.proto.label for b in app.get("download_button")]


def test_a_configured_workspace_opens_for_managers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   workspace_zip: bytes) -> None:
    (tmp_path / "ws.zip").write_bytes(workspace_zip)
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_WORKSPACE", str(tmp_path / "ws.zip"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and "published workspace" in texts(at)
    assert len(at.sidebar.file_uploader) == 0
    monkeypatch.setenv("ONA_WORKSPACE", str(tmp_path / "missing.zip"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and "does not exist" in at.error[0].value


def test_analysts_can_publish_for_managers(app: AppTest) -> None:
    go(app, "export")
    assert "Download the workspace (zip)" in [b.proto.label for b in app.get("download_button")]
    assert "groups of at least 5 people" in texts(app)


def test_map_a_question_to_another_relation(app: AppTest) -> None:
    upload(app, ("roster.csv", (MUNICIPALITY / "roster.csv").read_bytes()),
           [("msforms_2025.xlsx", MS_FORMS.read_bytes())])
    mapping = app.data_editor[0].value
    row = mapping.index[mapping["question"] == "Met wie zou je een gevoelige werkkwestie bespreken?"][0]
    assert mapping.at[row, "relation"] == "trust"
    app.session_state["upload_mapping"] = {"edited_rows": {int(row): {"relation": "friendship"}}, "added_rows": [],
                                           "deleted_rows": []}
    app.button(key="upload_mapping_apply").click().run()
    assert not app.exception and not app.error
    expected = load_network(MS_FORMS, MUNICIPALITY / "roster.csv",
                            relations={"Met wie zou je een gevoelige werkkwestie bespreken?": "friendship"})
    counts = expected.ties["relation"].value_counts()
    assert f"friendship: {counts['friendship']:,} ties" in texts(app)
    assert "trust:" not in texts(app)


def test_group_level_only_for_managers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", "a long and secret key for the tests")
    monkeypatch.setenv("ONA_GROUPS_ONLY", "1")
    at = AppTest.from_file(APP, default_timeout=60).run()
    go(at, "network")
    assert sorted(n["id"] for n in drawing(at)["nodes"]) == sorted(samples.load("municipality").groups().unique())
    assert "group-level views only" in texts(at)
    go(at, "people")
    assert not at.dataframe and "group-level views only" in texts(at)


# -- manager mode: small groups leave no trace (privacy) ---------------------------------------------------------

PRIVATE_SAMPLE = "privacy_check"
SMALL_GROUPS = ("Dierenweide", "Sterrenwacht")  # 3 people and 1 person: 4 together, below k = 5
SMALL_PEOPLE = {"dierw1": "Quirijn Zwaluw", "dierw2": "Xenia Pluimgraaf", "dierw3": "Wubbo Kraanvogel",
                "sterw1": "Yolanda Eenzaam"}
KEY = "a long and secret key for the tests"


def _private_waves() -> dict[str, OrgNetwork]:
    """Two waves of 20 people: Noord and Zuid (8 each) and two small departments with ties to both."""
    people = [(f"n{i}", f"Noord Persoon {i}", "Noord", "Noordteam") for i in range(1, 9)]
    people += [(f"z{i}", f"Zuid Persoon {i}", "Zuid", "Zuidteam") for i in range(1, 9)]
    people += [(p, n, "Dierenweide", "Weideteam") for p, n in SMALL_PEOPLE.items() if p.startswith("d")]
    people += [("sterw1", SMALL_PEOPLE["sterw1"], "Sterrenwacht", "Telescoop")]
    roster = pd.DataFrame(people, columns=["id", "name", "department", "team"]).set_index("id")
    inside = [(f"{g}{i}", f"{g}{i % 8 + 1}") for g in "nz" for i in range(1, 9)]
    inside += [(f"{g}{i}", f"{g}{(i + 2) % 8 + 1}") for g in "nz" for i in range(1, 9, 2)]
    across = [("n1", "z1"), ("z2", "n2"), ("n3", "z5")]
    small = [("n1", "dierw1"), ("dierw1", "n1"), ("n2", "dierw2"), ("dierw2", "n4"), ("dierw3", "z3"),
             ("z4", "dierw3"), ("sterw1", "z1"), ("n5", "sterw1"), ("dierw1", "dierw2"), ("dierw2", "dierw3")]
    later = [("n4", "z6"), ("n6", "z7"), ("z8", "n8"), ("n7", "dierw3"), ("sterw1", "n3")]

    def wave(label: str, pairs: list[tuple[str, str]]) -> OrgNetwork:
        ties = pd.DataFrame([(u, v, r) for u, v in pairs for r in ("advice", "trust")],
                            columns=["source", "target", "relation"]).assign(weight=1.0)
        return OrgNetwork(roster, ties, wave=label, name="Privacytest")

    return {"1": wave("1", inside + across + small), "2": wave("2", inside + across + small + later)}


@pytest.fixture
def private_sample(monkeypatch: pytest.MonkeyPatch) -> dict[str, OrgNetwork]:
    """A sample with a 3-person and a 1-person department, served to the app in manager mode."""
    waves = _private_waves()
    table = pd.DataFrame([{"name": PRIVATE_SAMPLE, "title": "Privacytest", "people": 20, "relations": "advice, trust",
                           "waves": "1, 2", "description": "Two departments and two very small ones.",
                           "description_nl": "Twee afdelingen en twee heel kleine."}])
    monkeypatch.setattr(samples, "available", lambda: [PRIVATE_SAMPLE])
    monkeypatch.setattr(samples, "list_samples", lambda: table)
    monkeypatch.setattr(samples, "load", lambda name, *, wave=None: waves[wave or "1"])
    monkeypatch.setattr(samples, "expected_collaborations_path", lambda name: None)
    monkeypatch.setenv("ONA_ROLE", "manager")
    monkeypatch.setenv("ONA_PSEUDONYM_KEY", KEY)
    return waves


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _walk(child)


def everything_shown(at: AppTest) -> tuple[str, list[pd.DataFrame]]:
    """Every text on the page (all element protos: labels, options, markdown, metrics, drawings) and every table.

    Tables are decoded from Arrow (dataframes and the data behind charts), so their numbers can be checked.
    """
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    parts, tables = [], []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        parts.append(str(proto))
        if hasattr(proto, "srcdoc"):
            parts.append(proto.srcdoc)
        if getattr(node, "type", "") in ("arrow_data_frame", "dataframe") and hasattr(node, "value"):
            tables.append(node.value)
        for dataset in getattr(proto, "datasets", []):
            tables.append(convert_arrow_bytes_to_pandas_df(dataset.data.data))
    for table in tables:
        parts.append(table.to_csv())
    return "\n".join(parts), tables


def test_manager_views_are_computed_without_groups_too_small_to_show(private_sample) -> None:  # type: ignore[no-untyped-def]
    from ona.privacy import PrivacyPolicy, manager_network, pseudonym

    full = private_sample["1"]
    policy = PrivacyPolicy(min_group_size=5, key=KEY)
    managed = manager_network(full, policy)
    assert len(managed) == 16 and len(full) == 20  # the two small departments (4 people < 5) are left out
    hidden = [*SMALL_GROUPS, "Weideteam", "Telescoop", *SMALL_PEOPLE.values(), *SMALL_PEOPLE,
              *(pseudonym(p, KEY) for p in SMALL_PEOPLE)]
    # the subtraction attack works on the full network: Noord's E-I counts its ties with the small groups
    full_ei, managed_ei = ei_index(full.graph("advice")), ei_index(managed.graph("advice"))
    assert full_ei["Noord"] != pytest.approx(managed_ei["Noord"])

    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    shown_pages = []
    for page in ("start", "overview", "network", "groups", "people", "change", "export"):
        go(at, page)
        if page == "network":
            at.radio(key="net_focus").set_value("group").run()
            shown_pages.append(everything_shown(at))
            at.radio(key="net_focus").set_value("all").run()
            assert at.selectbox(key="net_color").options == ["Department"]  # communities are not shown to managers
        if page == "groups":
            shown_pages.append(everything_shown(at))
            at.selectbox(key="groups_relation").set_value("advice").run()
        assert not at.exception, at.exception
        shown_pages.append(everything_shown(at))
        if page == "overview":  # the figures are the manager network's
            metrics = {m.label: m.value for m in at.metric}
            assert metrics["People"] == "16" and metrics["Groups"] == "2"
            assert metrics["Ties: advice"] == str(len(managed.ties_of("advice")))
        if page == "groups":  # the matrix of pairs (advice): ties between Noord and Zuid both ways
            counts = next(t for t in shown_pages[-1][1] if {"row", "column", "ties"} <= set(t.columns))
            cells = counts.set_index(["row", "column"])["ties"].to_dict()
            matrix = manager_network(full, policy).graph("advice")
            assert cells[("Noord", "Zuid")] == sum(
                1 for u, v in matrix.edges if {u[0], v[0]} == {"n", "z"})
            assert set(counts["row"]) == {"Noord", "Zuid"}
        if page == "change":  # compared on the manager networks of both waves: 16 people answered twice
            from ona.findings.change import compare_waves

            comparison = compare_waves(managed, manager_network(private_sample["2"], policy))
            relations = table_with(at, "Kept").set_index("Relation")
            assert relations.at["advice", "Answered both times"] == 16
            assert relations.at["advice", "New"] == comparison.relations.set_index("relation").at["advice", "new"]
            assert table_with(at, "Team")["Team"].tolist() == ["Noordteam", "Zuidteam"]
    go(at, "groups")
    at.selectbox(key="groups_relation").set_value("advice").run()
    inside = at.dataframe[0].value.set_index("Department")["Share of ties inside"].to_dict()
    assert inside == pytest.approx({g: (1 - v) / 2 for g, v in managed_ei.items()})  # the manager network's
    text = "\n".join(page for page, _ in shown_pages)
    for term in hidden:
        assert term not in text, f"{term!r} is shown to managers"
    assert f"{full_ei['Noord']:.2f}" not in text.replace("+", "")  # the full network's figure for Noord
    assert f"{(1 - full_ei['Noord']) / 2:.4f}" not in text  # ... nor its share of ties inside
    nodes = drawing(at)["nodes"]
    assert sorted(n["id"] for n in nodes) == ["Noord", "Zuid"]


def test_analysts_choose_leiden_or_louvain_for_the_communities():
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert at.sidebar.selectbox(key="side_method").value == "leiden"
    go(at, "overview")
    summaries = [df.value for df in at.dataframe if "Leiden" in df.value.astype(str).to_numpy().tolist().__str__()]
    assert summaries  # the overview's network figures say how communities were found
    at.sidebar.selectbox(key="side_method").set_value("louvain").run()
    assert not at.exception
    assert at.sidebar.selectbox(key="side_method").value == "louvain"
    assert any("Louvain" in str(df.value.astype(str).to_numpy().tolist()) for df in at.dataframe)


@pytest.mark.parametrize("page", ["overview", "network", "groups", "people", "change"])
def test_manager_pages_say_what_they_leave_out_without_naming_it(private_sample, page: str) -> None:  # type: ignore[no-untyped-def]
    # issue 12 item 7: Dierenweide (3) and Sterrenwacht (1) are below k = 5: said in counts on every page, never named
    at = AppTest.from_file(APP, default_timeout=60).run()
    go(at, page)
    shown = texts(at)
    assert "2 departments with fewer than 5 people or answers are not shown separately." in shown
    text, _ = everything_shown(at)
    for term in (*SMALL_GROUPS, *SMALL_PEOPLE.values(), *SMALL_PEOPLE):
        assert term not in text, f"{term!r} is named on the {page} page"
    at.sidebar.radio(key="side_lang").set_value("nl").run()
    go(at, page)
    assert "2 afdelingen met minder dan 5 mensen of antwoorden worden niet apart getoond." in texts(at)


def _labels(at: AppTest) -> str:
    """Every widget label and option on the page, and its texts."""
    parts = [texts(at)]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "checkbox", "text_input"):
        for widget in getattr(at, kind):
            parts.append(str(widget.label))
            parts += [str(o) for o in getattr(widget, "options", [])]
    parts += [str(s.value) for s in at.subheader]
    return "\n".join(parts)


@pytest.mark.parametrize(("lang", "shown", "wrong"), [("nl", "Toon teams", "Toon afdelingen"),
                                                       ("en", "Show teams", "Show departments")])
def test_the_words_follow_the_grouping(lang: str, shown: str, wrong: str) -> None:
    """Grouped by team, the pages say team, not department (issue W2 1/6, item 5)."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    if lang == "nl":
        at.sidebar.radio(key="side_lang").set_value("nl").run()
    at.sidebar.selectbox(key="side_group_by").set_value("team").run()
    seen = ""
    for page in ("overview", "network", "groups", "change", "export"):
        seen += _labels(go(at, page))
    assert shown in seen and wrong not in seen
    assert "{unit" not in seen and "{Unit" not in seen
