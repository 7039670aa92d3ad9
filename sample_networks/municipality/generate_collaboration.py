#!/usr/bin/env python3
"""Answers to the survey kit's collaboration questions for the synthetic municipality, with planted patterns.

Reads ``roster.csv``, ``collaborations.csv``, ``ties_<wave>.csv`` and ``respondents_<wave>.csv`` next to this
script (it changes none of them) and writes, for both waves,

* ``conditions_<wave>.csv`` — ``respondent,collaboration,condition,item,score``: every respondent in a
  collaboration's departments answers its five-conditions statements (1-5) with probability 0.9, anyone else
  with probability 0.03;
* ``perceived_<wave>.csv`` — ``perceiver,source,target,relation``: every respondent's answer to "who do you think
  comes to you for advice / would discuss a sensitive work matter with you?" (``target == perceiver``);

and ``planted_collaboration.json`` with the planted patterns. See the README, "Collaboration scan".

Scores: a department's mean for a condition in a collaboration (``MEANS``), plus a respondent effect
N(0, 0.45) per condition and an item effect N(0, 0.55), rounded and clipped to 1-5. Perception: each actual
in-tie j -> k (j a respondent) is seen by k with probability ``RECALL``; besides, k names Poisson(``FALSE``)
people who do not name k, first among those k names, then among k's team. Seeded and deterministic:
``python sample_networks/municipality/generate_collaboration.py [OUTPUT_DIR]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SEED = 20250602
WAVES = ("2025", "2026")
ITEMS = {
    "ambition": ("AMB1", "AMB2", "AMB3"),
    "interests": ("INT1", "INT2", "INT3"),
    "relationship": ("REL1", "REL2", "REL3"),
    "organisation": ("ORG1", "ORG2"),
    "process": ("PRO1", "PRO2", "PRO3"),
}
#: (collaboration, wave) -> condition -> department -> mean score; "*" is every other department.
MEANS: dict[tuple[str, str], dict[str, dict[str, float]]] = {
    ("Omgevingswet", "2025"): {
        "ambition": {"*": 3.7}, "interests": {"*": 3.2}, "organisation": {"*": 3.0},
        "relationship": {"Ruimte & Wonen": 2.9, "Publiekszaken": 2.6, "*": 2.8},
        "process": {"Ruimte & Wonen": 2.8, "Publiekszaken": 1.7, "*": 2.3},
    },
    ("Omgevingswet", "2026"): {
        "ambition": {"*": 3.9}, "interests": {"*": 3.4}, "organisation": {"*": 3.3},
        "relationship": {"Ruimte & Wonen": 3.4, "Publiekszaken": 3.3, "*": 3.3},
        "process": {"Ruimte & Wonen": 3.4, "Publiekszaken": 3.1, "*": 3.2},
    },
    ("Sociaal loket", "2025"): {
        "ambition": {"*": 3.8}, "interests": {"*": 3.3}, "relationship": {"*": 3.4},
        "organisation": {"*": 2.6}, "process": {"*": 3.1},
    },
    ("Planning & control", "2025"): {
        "ambition": {"*": 3.9}, "interests": {"*": 3.5}, "relationship": {"*": 4.0},
        "organisation": {"*": 3.8}, "process": {"*": 3.7},
    },
    ("Wijkaanpak", "2025"): {
        "ambition": {"*": 4.1}, "interests": {"*": 3.6}, "relationship": {"*": 3.7},
        "organisation": {"*": 3.4}, "process": {"*": 3.5},
    },
}
MEANS[("Sociaal loket", "2026")] = MEANS[("Sociaal loket", "2025")]
MEANS[("Planning & control", "2026")] = MEANS[("Planning & control", "2025")]
MEANS[("Wijkaanpak", "2026")] = MEANS[("Wijkaanpak", "2025")]
#: (relation, department) -> share of actual in-ties the perceiver knows about; "*" for every other department.
RECALL = {("trust", "Sociaal Domein"): 0.3, ("trust", "*"): 0.75, ("advice", "*"): 0.75}
#: (relation, department) -> mean number of people named who do not name the perceiver.
FALSE = {("trust", "Concernstaf"): 4.0, ("trust", "*"): 0.4, ("advice", "*"): 0.5}
MEMBER_ANSWERS, OTHER_ANSWERS = 0.9, 0.03


def _get(table: dict, relation: str, department: str) -> float:
    return table.get((relation, department), table[(relation, "*")])


def conditions(roster: pd.DataFrame, respondents: list[str], collaborations: pd.DataFrame, wave: str,
               rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    department = roster.set_index("id")["department"]
    for name, part in collaborations.groupby("collaboration", sort=False):
        members = set(part["group"])
        means = MEANS[(name, wave)]
        for pid in respondents:
            dept = department[pid]
            if rng.random() >= (MEMBER_ANSWERS if dept in members else OTHER_ANSWERS):
                continue
            for condition, codes in ITEMS.items():
                mean = means[condition].get(dept, means[condition]["*"]) + rng.normal(0, 0.45)
                for code in codes:
                    if rng.random() < 0.04:  # a statement left unanswered
                        continue
                    score = int(np.clip(np.rint(mean + rng.normal(0, 0.55)), 1, 5))
                    rows.append((pid, name, condition, code, score))
    return pd.DataFrame(rows, columns=["respondent", "collaboration", "condition", "item", "score"])


def perception(roster: pd.DataFrame, ties: pd.DataFrame, respondents: list[str],
               rng: np.random.Generator) -> pd.DataFrame:
    people = roster.set_index("id")
    answered = set(respondents)
    rows = []
    for relation in ("advice", "trust"):
        part = ties.loc[ties["relation"] == relation]
        senders = part.groupby("target")["source"].agg(list).to_dict()
        named = part.groupby("source")["target"].agg(list).to_dict()
        for pid in respondents:
            dept = people.at[pid, "department"]
            actual = sorted(s for s in senders.get(pid, []) if s in answered)
            seen = [s for s in actual if rng.random() < _get(RECALL, relation, dept)]
            wrong = int(rng.poisson(_get(FALSE, relation, dept)))
            pool = [p for p in named.get(pid, []) if p not in actual and p != pid]
            team = people.index[(people["team"] == people.at[pid, "team"])].tolist()
            pool += [p for p in sorted(team) if p not in actual and p != pid and p not in pool]
            pool = [p for p in pool if p in answered]
            if wrong and pool:
                first = pool[: max(wrong, 3)]
                picked = rng.choice(first, size=min(wrong, len(first)), replace=False).tolist()
                seen += [str(p) for p in picked]
            rows += [(pid, source, pid, relation) for source in sorted(set(seen))]
    return pd.DataFrame(rows, columns=["perceiver", "source", "target", "relation"])


def main(out: Path) -> None:
    roster = pd.read_csv(HERE / "roster.csv", dtype=str, keep_default_na=False)
    collaborations = pd.read_csv(HERE / "collaborations.csv", dtype=str)
    for offset, wave in enumerate(WAVES):
        rng = np.random.default_rng(SEED + offset)
        ties = pd.read_csv(HERE / f"ties_{wave}.csv", dtype={"source": str, "target": str})
        respondents = pd.read_csv(HERE / f"respondents_{wave}.csv", dtype=str)["id"].tolist()
        conditions(roster, respondents, collaborations, wave, rng).to_csv(
            out / f"conditions_{wave}.csv", index=False, lineterminator="\n")
        perception(roster, ties, respondents, rng).to_csv(out / f"perceived_{wave}.csv", index=False,
                                                          lineterminator="\n")
    planted = {
        "seed": SEED,
        "conditions": {
            "weakest": {"Omgevingswet": {"2025": "process"}, "Sociaal loket": {"2025": "organisation",
                                                                               "2026": "organisation"}},
            "improving": {"collaboration": "Omgevingswet", "condition": "process", "from": "2025", "to": "2026"},
            "differently": {"collaboration": "Omgevingswet", "condition": "process", "wave": "2025",
                            "groups": ["Ruimte & Wonen", "Publiekszaken"]},
            "healthy": ["Planning & control", "Wijkaanpak"],
        },
        "perception": {
            "overestimated_trust": "Concernstaf",
            "unrecognised_trust": "Sociaal Domein",
        },
    }
    (out / "planted_collaboration.json").write_text(json.dumps(planted, indent=2, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
    print(f"wrote conditions, perception and planted_collaboration.json for waves {', '.join(WAVES)} to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
