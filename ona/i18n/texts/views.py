"""Texts about what a view shows and leaves out (``views.``), and the words for groupings after a count."""

from __future__ import annotations

__all__ = ["COUNT_WORDS", "STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "views.privacy": {"nl": "Privacy", "en": "Privacy"},
    "app.page.start.read": {"nl": "Start", "en": "Start"},
    "views.min_group": {"nl": "Minimale groepsgrootte", "en": "Minimum group size"},
    "views.hidden.groups.one": {
        "nl": "{groups} met minder dan {k} mensen of antwoorden wordt niet apart getoond.",
        "en": "{groups} with fewer than {k} people or answers is not shown separately.",
    },
    "views.hidden.groups.many": {
        "nl": "{groups} met minder dan {k} mensen of antwoorden worden niet apart getoond.",
        "en": "{groups} with fewer than {k} people or answers are not shown separately.",
    },
    "views.hidden.people": {
        "nl": "{people} vallen buiten alle cijfers, omdat hun groep ook samengevoegd kleiner blijft dan {k}.",
        "en": "{people} are left out of every figure, because their group stays below {k} even when merged.",
    },
    "app.workspace.missing": {
        "nl": "De werkruimte {path} (ONA_WORKSPACE) bestaat niet. Laat ONA_WORKSPACE wijzen naar de map of het "
              "zip-bestand dat 'ona publish' schreef.",
        "en": "The workspace {path} (ONA_WORKSPACE) does not exist. Point ONA_WORKSPACE at the folder or zip that "
              "'ona publish' wrote.",
    },
    "views.hidden.none": {
        "nl": "Alle groepen zijn groot genoeg om apart te tonen (minimaal {k} mensen en antwoorden).",
        "en": "Every group is large enough to be shown separately (at least {k} people and answers).",
    },
}

#: Words for groups after a count, per grouping: word -> {language -> (singular, plural)}.
COUNT_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "department": {"nl": ("afdeling", "afdelingen"), "en": ("department", "departments")},
    "team": {"nl": ("team", "teams"), "en": ("team", "teams")},
    "location": {"nl": ("locatie", "locaties"), "en": ("location", "locations")},
    "group": {"nl": ("groep", "groepen"), "en": ("group", "groups")},
}
