"""The built-in samples load with one call and reproduce their published figures."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from ona import OnaError, UnknownSampleError, samples


def test_available_and_listing():
    assert samples.available() == ["krackhardt", "lazega", "municipality"]
    table = samples.list_samples().set_index("name")
    assert table.loc["krackhardt", "people"] == 21
    assert table.loc["municipality", "waves"] == "2025, 2026"


def test_krackhardt_published_figures():
    # Krackhardt (1987); figures as listed in shared/data/README.md (networkx conventions).
    net = samples.load("krackhardt")
    advice, friendship = net.graph("advice"), net.graph("friendship")
    assert advice.number_of_edges() == 190
    assert nx.density(advice) == pytest.approx(0.45238, abs=5e-6)
    assert nx.reciprocity(advice) == pytest.approx(0.47368, abs=5e-6)
    assert friendship.number_of_edges() == 102
    assert nx.density(friendship) == pytest.approx(0.24286, abs=5e-6)
    assert nx.reciprocity(friendship) == pytest.approx(0.45098, abs=5e-6)
    in_degree = dict(advice.in_degree())
    assert max(in_degree, key=in_degree.get) == "2" and in_degree["2"] == 18
    assert net.graph("reports_to").number_of_edges() == 20
    assert net.roster.loc["7", "role"] == "CEO"
    assert net.complete


def test_lazega_sizes_match_the_reference():
    net = samples.load("lazega")
    assert len(net) == 71
    assert net.graph("advice").number_of_edges() == 892
    assert net.graph("friendship").number_of_edges() == 575
    assert net.graph("cowork").number_of_edges() == 756
    assert net.groups("department").value_counts().to_dict() == {"Boston": 48, "Hartford": 19, "Providence": 4}
    assert net.roster["team"].value_counts().to_dict() == {"litigation": 41, "corporate": 30}


def test_municipality_waves_and_respondents():
    before, after = samples.load("municipality"), samples.load("municipality", wave="2026")
    assert before.wave == "2025" and after.wave == "2026"
    assert len(before) == 250 and before.relations == ("advice", "trust", "collaboration")
    assert 0.8 < before.response_rate < 0.9
    # Non-respondents' outgoing ties are unknown: none are recorded.
    silent = set(before.people) - set(before.respondents)
    assert not before.ties["source"].isin(silent).any()
    planted = json.loads((samples.sample_path("municipality") / "planted.json").read_text())
    assert before.roster.loc[planted["fragile_bridge"]["people"][0], "name"] == "Jan de Vries"
    assert samples.expected_collaborations_path("municipality").name == "collaborations.csv"


def test_unknown_sample_and_wave():
    with pytest.raises(UnknownSampleError, match="no sample network 'acme'. Available samples: krackhardt, lazega"):
        samples.load("acme")
    with pytest.raises(OnaError, match="has no wave '2030'; it has 2025, 2026"):
        samples.load("municipality", wave="2030")
