"""Tests for ona.i18n: every UI text in Dutch and English, placeholders that agree, and the language choice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ona.i18n import COUNT_WORDS, DEFAULT_LANGUAGE, LANGUAGES, STRINGS, count, placeholders, preferred_language, t
from ona.measures.metrics import PERSON_COLUMNS
from ona.model import STANDARD_ATTRIBUTES
from ona.report import ISSUE_KINDS

ROOT = Path(__file__).resolve().parent.parent
#: Files whose t("...") calls must all name an existing key.
CALLERS = [ROOT / "app.py", *sorted((ROOT / "ona").glob("*.py"))]


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = STRINGS[key]
    assert set(texts) == set(LANGUAGES), f"{key} has {sorted(texts)}"
    assert all(text.strip() for text in texts.values()), key
    assert placeholders(texts["nl"]) == placeholders(texts["en"]), key


def test_dutch_is_really_translated() -> None:
    # Identical texts are fine for names such as "PageRank" or "Team", but not for most keys.
    same = [k for k, v in STRINGS.items() if v["nl"] == v["en"]]
    assert len(same) < 0.1 * len(STRINGS), same


def test_every_literal_key_used_in_the_code_exists() -> None:
    used = set()
    for path in CALLERS:
        used |= set(re.findall(r"\bt\(\s*\"([a-z_.]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no t() calls found: the pattern is out of date"
    assert sorted(used - set(STRINGS)) == []


@pytest.mark.parametrize(
    ("prefix", "names"),
    [
        ("issue", list(ISSUE_KINDS)),
        ("metric", [c for c in PERSON_COLUMNS if c != "responded"] + ["ei_index", "community"]),
        ("field", [c for c in STANDARD_ATTRIBUTES if c != "manager"] + ["manager", "responded"]),
        ("network.focus", ["all", "group", "person", "overview"]),
        ("network.color", ["group", "community"]),
        ("groups.values", ["counts", "density"]),
        ("severity", ["high", "medium", "low", "info"]),
        ("app.page", ["start", "overview", "network", "groups", "people", "export"]),
    ],
)
def test_keys_built_at_run_time_exist(prefix: str, names: list[str]) -> None:
    missing = [name for name in names if f"{prefix}.{name}" not in STRINGS]
    assert missing == []


def test_t_fills_placeholders_in_each_language() -> None:
    assert t("groups.pair.none", "en", a="HR", b="IT") == "Not a single tie between HR and IT: they work side by side."
    assert t("groups.pair.none", "nl", a="HR", b="IT") == "Geen enkele band tussen HR en IT: zij werken naast elkaar."


def test_t_falls_back_to_english_for_an_unknown_language() -> None:
    assert DEFAULT_LANGUAGE == "en"
    assert t("overview.people", "de") == t("overview.people", "en") == "People"


def test_t_names_an_unknown_key() -> None:
    with pytest.raises(KeyError, match="no.such.key"):
        t("no.such.key", "nl")


def test_t_reports_a_missing_placeholder_value() -> None:
    with pytest.raises(KeyError):
        t("groups.pair.none", "en", a="HR")


@pytest.mark.parametrize(
    ("locale", "accept", "expected"),
    [
        ("nl-NL", None, "nl"),
        ("nl-BE", "en-US,en;q=0.9", "nl"),  # the browser's own language wins over the header
        ("en-GB", "nl", "en"),
        (None, "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "nl"),
        (None, "en-US,en;q=0.9,nl;q=0.8", "en"),
        (None, "de-DE,de;q=0.9,nl;q=0.8,en;q=0.7", "nl"),  # first supported language by quality
        (None, "en;q=0.5,nl;q=0.8", "nl"),  # quality, not position, decides
        (None, "nl;q=0", "en"),  # q=0 means "not acceptable"
        ("fr-FR", "fr", "en"),
        (None, None, "en"),
        ("", "garbage;;;", "en"),
    ],
)
def test_preferred_language(locale: str | None, accept: str | None, expected: str) -> None:
    assert preferred_language(locale, accept) == expected


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [(1234567, "nl", 0, "1.234.567"), (1234567, "en", 0, "1,234,567"), (-0.5, "nl", 2, "\u22120,50"),
     (0.125, "en", 3, "0.125"), (999.5, "nl", 0, "1.000"), (0.25, "en", 1, "0.3"), (None, "nl", 0, "?")],
)
def test_numbers_follow_the_language(value: float, lang: str, digits: int, expected: str) -> None:
    from ona.i18n import number

    assert number(value, lang, digits) == expected


def test_percent_and_relation_names() -> None:
    from ona.i18n import percent, relation_label

    assert percent(0.8479, "nl", 1) == "84,8%" and percent(1.0, "en") == "100%"
    assert relation_label("advice", "nl") == "advies" and relation_label("advice", "en") == "advice"
    assert relation_label("<b>weekly</b>", "nl") == "<b>weekly</b>"  # unknown relations stay as written


@pytest.mark.parametrize(("n", "lang", "expected"), [
    (0, "en", "0 ties"), (1, "en", "1 tie"), (2, "en", "2 ties"), (1234, "en", "1,234 ties"),
    (0, "nl", "0 banden"), (1, "nl", "1 band"), (2, "nl", "2 banden"), (1234, "nl", "1.234 banden"),
])
def test_count_uses_the_singular_for_one_only(n: int, lang: str, expected: str) -> None:
    assert count(n, "tie", lang) == expected


def test_every_count_word_has_both_languages() -> None:
    for word, forms in COUNT_WORDS.items():
        assert set(forms) == set(LANGUAGES), word
        assert all(len(pair) == 2 and all(pair) for pair in forms.values()), word
    assert count(1, "person", "nl") == "1 persoon" and count(5, "person", "nl") == "5 mensen"
    with pytest.raises(KeyError, match="COUNT_WORDS"):
        count(2, "banana")


def test_tables_show_a_missing_text_as_a_dash_not_none() -> None:
    """A person without a manager showed 'None' in the Dutch People table (all measures)."""
    import pandas as pd

    from ona.app.numbers import styled

    table = pd.DataFrame({"leidinggevende": ["E0163", None], "score": [1.5, None], "ingevuld": [True, False]})
    html = styled(table, "nl").to_html()
    assert "None" not in html and "nan" not in html and "1,50" in html and html.count("–") == 2
