"""Name matching: typed names to roster ids, never guessing.

Cases are checked by hand against the small roster below. The fuzzy score is
checked against an independent implementation of the indel similarity that the
module documents (dynamic programming written here, not rapidfuzz).
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from ona.io.survey.matching import NameMatcher, Resolutions, name_parts, normalise_name, split_names

ROSTER = pd.DataFrame(
    {
        "name": ["Iris de Vries", "Iris de Vries", "Pieter van der Meer", "Jan Bakker", "Jan van den Berg",
                 "Zoë Özdemir", "Sanne 't Hart", "Ingrid Smit", "Henk Bos", "Tim Prins", "Tom Prins",
                 "Willemijn van de Ven"],
        "email": ["iris.devries@x.nl", "iris.devries2@x.nl", "pieter.vandermeer@x.nl", "jan.bakker@x.nl",
                  "jan.vandenberg@x.nl", "zoe.ozdemir@x.nl", "sanne.thart@x.nl", "ingrid.smit@x.nl",
                  "henk.bos@x.nl", "tim.prins@x.nl", "tom.prins@x.nl", "willemijn.vandeven@x.nl"],
        "department": ["Sociaal Domein", "Bedrijfsvoering", "Bedrijfsvoering", "Sociaal Domein", "Ruimte & Wonen",
                       "Publiekszaken", "Ruimte & Wonen", "Bedrijfsvoering", "Publiekszaken", "ICT", "ICT",
                       "Concernstaf"],
        "team": ["Jeugd", "HR", "Financiën", "Wmo", "Wonen", "KCC", "Vergunningen", "Financiën", "Burgerzaken",
                 "Servicedesk", "Servicedesk", "Communicatie"],
    },
    index=pd.Index([f"P{i:02d}" for i in range(1, 13)], name="id"),
)


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(ROSTER)


@pytest.mark.parametrize(
    ("written", "person", "method"),
    [
        ("P03", "P03", "id"),
        ("p03", "P03", "id"),
        ("Pieter.vanderMeer@X.NL", "P03", "email"),
        ("Pieter van der Meer", "P03", "exact"),
        ("pieter van der meer", "P03", "exact"),
        ("Meer, Pieter van der", "P03", "exact"),
        ("van der Meer, Pieter", "P03", "exact"),
        ("Pieter  van der Meer ", "P03", "exact"),
        ("Pieter vd Meer", "P03", "tussenvoegsel"),
        ("Pieter v.d. Meer", "P03", "tussenvoegsel"),
        ("Pieter v/d Meer", "P03", "tussenvoegsel"),
        ("Willemijn vd Ven", "P12", "tussenvoegsel"),
        ("Zoe Ozdemir", "P06", "exact"),
        ("ZOË ÖZDEMIR", "P06", "exact"),
        ("Sanne t Hart", "P07", "exact"),
        ("Sanne het Hart", "P07", "tussenvoegsel"),
        ("Ingrid", "P08", "single name"),
        ("Smit", "P08", "single name"),
        ("I. Smit", "P08", "initial"),
        ("P. van der Meer", "P03", "initial"),
        ("Pieter van der Meerr", "P03", "fuzzy"),
        ("Ingrid Smitt", "P08", "fuzzy"),
        ("Tim Prinz", "P10", "fuzzy"),  # 87.5 for Tim Prins, 75 for Tom Prins: clear enough
        ("Iris de Vries (HR)", "P02", "hint"),
        ("Iris de Vries - Jeugd", "P01", "hint"),
        ("Iris de Vries (Sociaal Domein)", "P01", "hint"),
        ("Henk Bos (Burgerzaken)", "P09", "exact"),
    ],
)
def test_names_that_are_matched(matcher, written, person, method):
    match = matcher.match(written)
    assert (match.status, match.person, match.method) == ("matched", person, method)


@pytest.mark.parametrize(
    ("written", "candidates"),
    [
        ("Iris de Vries", {"P01", "P02"}),      # two people with that name
        ("Vries, Iris de", {"P01", "P02"}),
        ("Iris Vries", {"P01", "P02"}),         # tussenvoegsel forgotten: still both
        ("Iris", {"P01", "P02"}),               # a first name two people share
        ("Jan", {"P04", "P05"}),
        ("Prins", {"P10", "P11"}),
        ("T. Prins", {"P10", "P11"}),
        ("Tam Prins", {"P10", "P11"}),          # one letter from Tim Prins and from Tom Prins
        ("Henk Bos (wethouder)", {"P09"}),      # a hint that fits nobody called Henk Bos
        ("Ingrid (provincie)", {"P08"}),
    ],
)
def test_names_that_go_to_review_are_never_guessed(matcher, written, candidates):
    match = matcher.match(written)
    assert match.status == "review" and match.person is None
    assert {c[0] for c in match.candidates} == candidates


@pytest.mark.parametrize("written", ["Kees Koster", "mijn leidinggevende", "de jurist van de provincie",
                                     "onbekend@gmail.com", "", "???"])
def test_names_of_people_outside_the_roster_are_unmatched(matcher, written):
    assert matcher.match(written).status == "unmatched"


def test_review_candidates_are_described_with_department_and_team(matcher):
    assert matcher.match("Iris de Vries").candidates == (
        ("P01", "Iris de Vries (Sociaal Domein / Jeugd)", 100.0),
        ("P02", "Iris de Vries (Bedrijfsvoering / HR)", 100.0),
    )


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Vries, Iris de", ("iris", "de", "vries")),
        ("de Vries Iris", ("iris", "de", "vries")),
        ("Anne-Marie ter Horst", ("anne marie", "ter", "horst")),
        ("P.J. v.d. Meer", ("p", "vd", "meer")),
        ("Sanne 't Hart", ("sanne", "t", "hart")),
        ("van der Meer", ("", "van der", "meer")),
    ],
)
def test_name_parts(written, parts):
    p = name_parts(written)
    assert (p.given, p.infix, p.surname) == parts


def test_normalise_name_is_order_case_and_accent_free():
    assert normalise_name("ÖZDEMIR, Zoë") == normalise_name("zoe ozdemir") == "zoe ozdemir"


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Jan Bakker; Ingrid Smit", ["Jan Bakker", "Ingrid Smit"]),
        ("Jan Bakker\nIngrid Smit", ["Jan Bakker", "Ingrid Smit"]),
        ("Jan Bakker en Ingrid Smit", ["Jan Bakker", "Ingrid Smit"]),
        ("Jan Bakker, Ingrid Smit", ["Jan Bakker", "Ingrid Smit"]),
        ("Smit, Ingrid", ["Smit, Ingrid"]),
        ("Meer, Pieter van der", ["Meer, Pieter van der"]),
        ("Iris de Vries (Werk & Inkomen)", ["Iris de Vries (Werk & Inkomen)"]),
        ("Pieter v/d Meer", ["Pieter v.d. Meer"]),
    ],
)
def test_split_names_with_the_roster(matcher, cell, names):
    assert split_names(cell, matcher) == names


def _indel_ratio(a: str, b: str) -> float:
    """100 * (1 - d / (|a| + |b|)) with d the insertion/deletion edit distance, by dynamic programming."""
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = previous[j - 1] if a[i - 1] == b[j - 1] else 1 + min(previous[j], current[j - 1])
        previous = current
    return 100.0 if not a and not b else 100.0 * (1 - previous[-1] / (len(a) + len(b)))


@given(st.text(alphabet="abcdevrijsm ", max_size=14), st.text(alphabet="abcdevrijsm ", max_size=14))
@settings(max_examples=150, deadline=None)
def test_the_fuzzy_score_is_the_documented_indel_similarity(a, b):
    assert fuzz.ratio(a, b) == pytest.approx(_indel_ratio(a, b))


@given(st.sampled_from(list(ROSTER["name"])), st.sampled_from(["", "lower", "reverse", "spaces"]))
@settings(max_examples=80, deadline=None)
def test_a_duplicated_name_is_never_matched_to_one_of_them(name, style):
    """Whatever the spelling, a name two people share stays under review (no hint given)."""
    written = {"": name, "lower": name.lower(), "spaces": f"  {name}  ",
               "reverse": ", ".join(reversed(name.split(" ", 1)))}[style]
    match = NameMatcher(ROSTER).match(written)
    if (ROSTER["name"] == name).sum() > 1:
        assert match.status == "review"
    else:
        assert match.person == ROSTER.index[ROSTER["name"] == name][0]


def test_resolutions_by_respondent_and_name():
    r = Resolutions({("E1", "Iris de Vries"): "P02", "iris de vries": "P01", "Kees": None})
    assert r.get("Vries, Iris de", "E1") == (True, "P02")
    assert r.get("Iris de Vries", "E2") == (True, "P01")
    assert r.get("KEES", None) == (True, None)
    assert r.get("Bo", "E1") == (False, None)


def test_a_decision_on_a_respondents_own_name_applies_by_name():
    r = Resolutions({("(respondent)", "Iris de Vries"): "P02", ("", "Jan"): None})
    assert r.get("Iris de Vries", None) == (True, "P02")
    assert r.get("Jan", "E7") == (True, None)
