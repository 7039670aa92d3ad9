#!/usr/bin/env python3
"""Generate the flagship sample network: "Gemeente Veldhoven-aan-Zee".

A fictional Dutch municipality with 250 staff in 6 departments, surveyed in
two waves (2025 = before a collaboration programme, 2026 = after) on three
relations: ``advice``, ``trust`` and ``collaboration`` (weighted 1..4 by
frequency).  The network looks ordinary (mostly within-team ties, some
reciprocity, a few popular senior people) but contains PLANTED structure that
analysis features must be able to find:

1. **Silo** - "Openbare Ruimte" keeps almost all ties inside (E-I about -0.9)
   in every relation and in both waves.
2. **Gap ("working side by side")** - "Ruimte & Wonen" and "Publiekszaken"
   are declared to collaborate on the Omgevingswet (``collaborations.csv``)
   but in 2025 have only two ties between them, both in one direction.
3. **Fragile bridge** - "Sociaal Domein" and "Publiekszaken" (declared
   "Sociaal loket") are connected through exactly one person, Jan de Vries
   (Medewerker, Publiekszaken / Klantcontactcentrum): every tie between the
   two departments has him as an endpoint, in both waves.
4. **One-sided trust** - staff (Medewerker / Senior medewerker) name their
   Teamleider / Afdelingshoofd in trust; managers hardly ever name staff back
   in trust.  Advice and collaboration stay normally reciprocal.
5. **Spreading change in 2026** - team "Omgevingsvergunningen" (Ruimte &
   Wonen, the Omgevingswet programme team) gains many new cross-department
   ties (mostly to Publiekszaken); the people tied to that team (first step
   outwards) gain a few new cross-department ties; everyone else is the 2025
   network with ~3% random churn.
6. Extras - two *advice isolates* (respondents with no advice ties in or out),
   one *overloaded* expert (Ingrid Smit, Senior medewerker Financien) whom
   people from many departments ask for advice, and two different people both
   named "Iris de Vries" (for name-matching tests).

Survey response is ~85% per wave with different non-respondents per wave;
non-respondents have NO outgoing ties in that wave (their out-ties are
unknown) but can still be named by others.

Usage::

    python sample_networks/municipality/generate.py [OUTPUT_DIR]

Without ``OUTPUT_DIR`` the files next to this script are rewritten.  The
output is deterministic byte for byte (fixed seed, no hash-order iteration).
Only numpy, pandas and the standard library are used.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20250601
ORG = "Gemeente Veldhoven-aan-Zee"
DOMAIN = "veldhoven-aan-zee.nl"
RELATIONS = ("advice", "trust", "collaboration")
WAVES = ("2025", "2026")

# --------------------------------------------------------------------------
# Organisation design
# --------------------------------------------------------------------------
#: department -> list of (team, headcount incl. Teamleider, location).
#: The Afdelingshoofd comes on top of the team headcounts.
DEPARTMENTS: dict[str, list[tuple[str, int, str]]] = {
    "Sociaal Domein": [
        ("Jeugd", 20, "Stadhuis"),
        ("Wmo", 19, "Stadhuis"),
        ("Werk & Inkomen", 20, "Servicepunt Noord"),
    ],
    "Ruimte & Wonen": [
        ("Omgevingsvergunningen", 18, "Stadhuis"),
        ("Ruimtelijke Ordening", 16, "Stadhuis"),
        ("Wonen", 15, "Stadhuis"),
    ],
    "Publiekszaken": [
        ("Burgerzaken", 19, "Stadhuis"),
        ("Klantcontactcentrum", 20, "Servicepunt Noord"),
    ],
    "Bedrijfsvoering": [
        ("HR", 10, "Stadhuis"),
        ("Financiën", 12, "Stadhuis"),
        ("ICT", 12, "Stadhuis"),
        ("Facilitair", 10, "Stadhuis"),
    ],
    "Openbare Ruimte": [
        ("Beheer", 20, "Werf"),
        ("Projecten", 14, "Werf"),
    ],
    # Directie: Gemeentesecretaris + Afdelingshoofd Concernstaf + 2 staff;
    # it has no Teamleider (led by the Gemeentesecretaris directly).
    "Concernstaf": [
        ("Directie", 4, "Stadhuis"),
        ("Bestuursondersteuning", 8, "Stadhuis"),
        ("Communicatie", 8, "Stadhuis"),
    ],
}

SILO = "Openbare Ruimte"
GAP = ("Ruimte & Wonen", "Publiekszaken")
BRIDGE = ("Sociaal Domein", "Publiekszaken")
SEED_TEAM = ("Ruimte & Wonen", "Omgevingsvergunningen")
STAFF_ROLES = ("Medewerker", "Senior medewerker")
MANAGER_ROLES = ("Teamleider", "Afdelingshoofd")

COLLABORATIONS = [
    ("Omgevingswet", "Ruimte & Wonen"),
    ("Omgevingswet", "Publiekszaken"),
    ("Sociaal loket", "Sociaal Domein"),
    ("Sociaal loket", "Publiekszaken"),
    ("Planning & control", "Bedrijfsvoering"),
    ("Planning & control", "Concernstaf"),
    ("Wijkaanpak", "Sociaal Domein"),
    ("Wijkaanpak", "Ruimte & Wonen"),
]

#: Planted people: (first, surname, department, team, role).
PLANTED_PEOPLE = {
    "bridge": ("Jan", "de Vries", "Publiekszaken", "Klantcontactcentrum", "Medewerker"),
    "iris1": ("Iris", "de Vries", "Sociaal Domein", "Jeugd", "Senior medewerker"),
    "iris2": ("Iris", "de Vries", "Bedrijfsvoering", "HR", "Medewerker"),
    "overloaded": ("Ingrid", "Smit", "Bedrijfsvoering", "Financiën", "Senior medewerker"),
    "isolate1": ("Koen", "Hoekstra", "Ruimte & Wonen", "Wonen", "Medewerker"),
    "isolate2": ("Gerda", "Vink", "Bedrijfsvoering", "Facilitair", "Medewerker"),
}

FIRST_NAMES = """
Jan Pieter Kees Henk Willem Joost Bas Thijs Daan Sem Lars Ruben Jeroen Maarten
Niels Sander Tim Bram Koen Stijn Wouter Rik Mark Erik Frank Hans Gerard Martijn
Michiel Arjen Roel Sjoerd Jelle Wim Dirk Marco Rob Paul Ton Hugo Luuk Milan
Jesse Gijs Floris Jasper Tom Mohamed Ahmed Youssef Mehmet Rachid Emre Vincent
Remco Dennis Patrick Iris Anna Sanne Lotte Eva Emma Fleur Anouk Femke Lisa
Marieke Annemiek Ellen Monique Petra Sandra Karin Linda Esther Marloes Janneke
Judith Inge Hanneke Wendy Nicole Mirjam Saskia Yvonne Ilse Charlotte Sophie
Julia Noor Roos Maud Merel Vera Naomi Fatima Samira Nadia Yasmina Elif Priya
Kim Romy Demi Laura Marit Nienke Tessa Carla Ria Joke Annelies Bianca Renate
Astrid Willemijn Joyce Chantal Danielle Marjolein Gerda Ingrid
""".split()

SURNAMES = [
    "de Vries", "Jansen", "de Jong", "van den Berg", "Bakker", "van Dijk",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
    "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok",
    "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek",
    "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven",
    "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
    "de Jonge", "Kuipers", "van Veen", "Post", "Veenstra", "Kramer",
    "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
    "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon",
    "Boersma", "van der Velden", "Willemsen", "Evers", "ter Horst", "ter Haar",
    "ter Beek", "Wouters", "Hermans", "Bosman", "van Doorn", "Sanders",
    "El Amrani", "Bouzid", "Yilmaz", "Kaya", "Demir", "Ramdin", "van der Laan",
    "de Lange", "Hofman", "van Dongen", "Koopman", "van Rijn", "Verbeek",
    "ten Brink", "ten Have", "Oosterhuis", "van Es", "Zwart", "Molenaar",
    "Wolters", "van den Bosch", "van der Zee", "Bakhuis", "Schipper",
]

# --------------------------------------------------------------------------
# Tie model parameters
# --------------------------------------------------------------------------
#: Mean number of ties a respondent names in the base draw (before reciprocation).
BASE_OUT = {"advice": 5.0, "trust": 3.0, "collaboration": 5.0}
#: Probability that a named person names the chooser back.
RECIPROCATE = {"advice": 0.22, "trust": 0.40, "collaboration": 0.20}
W_TEAM, W_DEPT, W_CROSS = 10.0, 2.5, 0.30
SILO_FACTOR = 0.045           # cross-department affinity of the silo
HEALTHY_BOOST = 1.6           # affinity boost for declared healthy collaborations
ROLE_ATTRACT = {
    "Medewerker": 1.0, "Senior medewerker": 1.7, "Teamleider": 2.2,
    "Afdelingshoofd": 2.2, "Gemeentesecretaris": 2.5,
}
CHURN = 0.03                  # share of 2025 ties replaced in 2026
RESPONSE_RATE = 0.85
STEP1_NEW_MIN, STEP1_NEW_EXTRA = 4, 2.0   # new cross ties per seed-team member
STEP2_MIN_CONTACTS = 3                    # seed-team contacts to be in step 2
STEP2_NEW_EXTRA = 0.8                     # step 2: 1 + Poisson(0.8) new cross ties
OVERLOAD_P = {"Bedrijfsvoering": 0.30, "other": 0.20}


@dataclass
class Person:
    id: str
    name: str
    first: str
    surname: str
    department: str
    team: str
    role: str
    location: str
    manager: str = ""
    email: str = ""


# --------------------------------------------------------------------------
# Roster
# --------------------------------------------------------------------------
def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _email(first: str, surname: str, taken: dict[str, bool]) -> str:
    local = f"{_ascii(first).lower()}.{_ascii(surname).lower().replace(' ', '')}"
    candidate, n = local, 1
    while candidate in taken:
        n += 1
        candidate = f"{local}{n}"
    taken[candidate] = True
    return f"{candidate}@{DOMAIN}"


def build_roster(rng: np.random.Generator) -> list[Person]:
    """Build the 250-person hierarchy with unique names (except the planted
    pair of "Iris de Vries") and unique e-mail addresses."""
    # Slots in id order: Gemeentesecretaris first, then department by department.
    slots: list[dict] = []
    for dept, teams in DEPARTMENTS.items():
        first_team, _, first_loc = teams[0]
        if dept != "Concernstaf":
            slots.append(dict(department=dept, team=first_team, role="Afdelingshoofd",
                              location=first_loc))
        for team, size, loc in teams:
            if team == "Directie":
                roles = ["Gemeentesecretaris", "Afdelingshoofd"] + ["Medewerker"] * (size - 2)
            else:
                n_senior = round((size - 1) * 0.3)
                roles = ["Teamleider"] + ["Senior medewerker"] * n_senior
                roles += ["Medewerker"] * (size - 1 - n_senior)
            for role in roles:
                loc_here = loc
                if dept == "Publiekszaken" and role != "Afdelingshoofd" and rng.random() < 0.25:
                    loc_here = "Stadhuis" if loc == "Servicepunt Noord" else "Servicepunt Noord"
                slots.append(dict(department=dept, team=team, role=role, location=loc_here))
    # Gemeentesecretaris gets E0001.
    slots.sort(key=lambda s: s["role"] != "Gemeentesecretaris")

    # Reserve slots for planted people: the third slot with the right
    # department/team/role (the first one for the overloaded expert), so the
    # planted people do not all sit at the head of their team.
    planted_at: dict[int, tuple[str, str]] = {}
    for key, (first, sur, dept, team, role) in PLANTED_PEOPLE.items():
        matches = [k for k, s in enumerate(slots)
                   if (s["department"], s["team"], s["role"]) == (dept, team, role)]
        planted_at[matches[0 if key == "overloaded" else 2]] = (first, sur)
    reserved_names = {f"{f} {s}" for f, s in planted_at.values()}

    used: dict[str, bool] = {n: True for n in sorted(reserved_names)}
    emails_taken: dict[str, bool] = {}
    people: list[Person] = []
    for k, s in enumerate(slots):
        if k in planted_at:
            first, sur = planted_at[k]
        else:
            while True:
                first = FIRST_NAMES[rng.integers(len(FIRST_NAMES))]
                sur = SURNAMES[rng.integers(len(SURNAMES))]
                if f"{first} {sur}" not in used:
                    break
            used[f"{first} {sur}"] = True
        people.append(Person(id=f"E{k + 1:04d}", name=f"{first} {sur}", first=first,
                             surname=sur, **s))
    for p in people:  # e-mails in id order -> first Iris de Vries gets the plain address
        p.email = _email(p.first, p.surname, emails_taken)

    # Managers.
    gs = next(p for p in people if p.role == "Gemeentesecretaris")
    for p in people:
        if p.role == "Gemeentesecretaris":
            continue
        if p.role == "Afdelingshoofd" or p.team == "Directie":
            p.manager = gs.id
        elif p.role == "Teamleider":
            p.manager = next(q.id for q in people if q.department == p.department
                             and q.role == "Afdelingshoofd")
        else:
            p.manager = next(q.id for q in people if q.team == p.team
                             and q.role == "Teamleider")
    # (Concernstaf Teamleiders thereby report to the Afdelingshoofd Concernstaf,
    # who sits in the Directie team.)
    return people


# --------------------------------------------------------------------------
# Tie generation
# --------------------------------------------------------------------------
class Network:
    """Latent (complete-response) network of one wave: (source, target, relation) -> weight."""

    def __init__(self, people: list[Person], planted: dict[str, str]):
        self.people = people
        self.n = len(people)
        self.idx = {p.id: i for i, p in enumerate(people)}
        self.dept = np.array([p.department for p in people])
        self.team = np.array([f"{p.department}/{p.team}" for p in people])
        self.role = np.array([p.role for p in people])
        self.is_manager = np.isin(self.role, MANAGER_ROLES + ("Gemeentesecretaris",))
        self.planted = planted
        self.bridge = self.idx[planted["bridge"]]
        self.isolates = [self.idx[planted["isolate1"]], self.idx[planted["isolate2"]]]
        self.ties: dict[tuple[int, int, str], int] = {}
        self.protected: dict[tuple[int, int, str], bool] = {}  # planted ties, never churned

        depts = list(DEPARTMENTS)
        aff = pd.DataFrame(1.0, index=depts, columns=depts)
        for d in depts:
            aff.loc[SILO, d] = aff.loc[d, SILO] = SILO_FACTOR
        for a, b in (GAP, BRIDGE):
            aff.loc[a, b] = aff.loc[b, a] = 0.0
        groups: dict[str, list[str]] = {}
        for c, g in COLLABORATIONS:
            groups.setdefault(c, []).append(g)
        for c, gs in groups.items():
            if c in ("Omgevingswet", "Sociaal loket"):
                continue
            aff.loc[gs[0], gs[1]] *= HEALTHY_BOOST
            aff.loc[gs[1], gs[0]] *= HEALTHY_BOOST
        self.aff = aff

    # -- helpers ----------------------------------------------------------
    def weights(self, i: int, rel: str, attract: np.ndarray) -> np.ndarray:
        """Choice weights of chooser ``i`` over all people for relation ``rel``."""
        same_team = self.team == self.team[i]
        same_dept = self.dept == self.dept[i]
        cross = self.aff.loc[self.dept[i]].reindex(self.dept).to_numpy() * W_CROSS
        w = np.where(same_team, W_TEAM, np.where(same_dept, W_DEPT, cross)) * attract
        if rel == "trust":
            if self.is_manager[i]:
                w = np.where(self.is_manager, w * 6.0, w * 0.02)
            else:
                w = np.where(self.is_manager, w * 0.3, w)
        if rel == "advice":
            w[self.isolates] = 0.0
        w[i] = 0.0
        return w

    def collab_weight(self, rng: np.random.Generator, i: int, j: int) -> int:
        """Ordinal frequency 1..4 (less than monthly .. daily)."""
        if self.team[i] == self.team[j]:
            p = [0.05, 0.15, 0.40, 0.40]
        elif self.dept[i] == self.dept[j]:
            p = [0.20, 0.35, 0.30, 0.15]
        else:
            p = [0.40, 0.35, 0.20, 0.05]
        return int(rng.choice([1, 2, 3, 4], p=p))

    def add(self, rng, i: int, j: int, rel: str, w: int | None = None,
            protected: bool = False) -> bool:
        key = (i, j, rel)
        if i == j or key in self.ties:
            return False
        if w is None:
            w = self.collab_weight(rng, i, j) if rel == "collaboration" else 1
        self.ties[key] = w
        if protected:
            self.protected[key] = True
        return True

    def draw(self, rng, i: int, rel: str, k: int, attract: np.ndarray) -> list[int]:
        """Draw ``k`` new targets for ``i`` (excluding existing ties)."""
        w = self.weights(i, rel, attract).copy()
        for j in range(self.n):
            if (i, j, rel) in self.ties:
                w[j] = 0.0
        k = min(k, int((w > 0).sum()))
        if k <= 0:
            return []
        return [int(j) for j in rng.choice(self.n, size=k, replace=False, p=w / w.sum())]


def generate_2025(rng, people: list[Person], planted: dict[str, str]):
    net = Network(people, planted)
    attract = np.array([ROLE_ATTRACT[p.role] for p in people]) * rng.lognormal(0, 0.4, len(people))
    idx = net.idx

    # 1. Base draw: every person names targets (latent complete network).
    base: list[tuple[int, int, str]] = []
    for rel in RELATIONS:
        for i, p in enumerate(people):
            k = 1 + rng.poisson(BASE_OUT[rel] - 1)
            if rel == "advice" and i in net.isolates:
                continue
            forced: list[int] = []
            if rel == "trust" and p.role in STAFF_ROLES:
                # staff name their own manager (and sometimes the Afdelingshoofd)
                if rng.random() < 0.65:
                    forced.append(idx[p.manager])
                ah = [j for j in range(net.n) if net.dept[j] == p.department
                      and net.role[j] == "Afdelingshoofd" and j not in forced]
                if ah and rng.random() < 0.2:
                    forced.append(ah[0])
            for j in forced:
                if net.add(rng, i, j, rel):
                    base.append((i, j, rel))
            for j in net.draw(rng, i, rel, k - len(forced), attract):
                if net.add(rng, i, j, rel):
                    base.append((i, j, rel))

    # 2. Reciprocation pass.
    for (i, j, rel) in base:
        if (j, i, rel) in net.ties:
            continue
        if rel == "advice" and (i in net.isolates or j in net.isolates):
            continue
        p = RECIPROCATE[rel]
        if rel == "trust" and net.role[i] in STAFF_ROLES and net.is_manager[j]:
            p = 0.03  # managers rarely name staff back in trust
        if rel == "trust" and net.is_manager[i] and net.role[j] in STAFF_ROLES:
            p = 0.0
        if rng.random() < p:
            w = None
            if rel == "collaboration":
                w = int(np.clip(net.ties[(i, j, rel)] + rng.choice([-1, 0, 0, 1]), 1, 4))
            net.add(rng, j, i, rel, w)

    # 3. Planted ties.
    #   Overloaded expert: many people from many departments ask her for advice.
    ov = idx[planted["overloaded"]]
    for i, p in enumerate(people):
        if i == ov or i in net.isolates or p.department == SILO:
            continue
        prob = OVERLOAD_P.get(p.department, OVERLOAD_P["other"])
        if rng.random() < prob:
            net.add(rng, i, ov, "advice", protected=True)

    #   Fragile bridge: Jan de Vries <-> Sociaal Domein (8 ties).
    jan = net.bridge
    sd = [i for i, p in enumerate(people) if p.department == "Sociaal Domein"
          and p.role in STAFF_ROLES and i not in net.isolates]
    partners = [int(x) for x in rng.choice(sd, size=5, replace=False)]
    a, b, c, d, e = partners
    bridge_ties = [
        (jan, a, "advice", 1), (jan, b, "advice", 1),
        (c, jan, "advice", 1), (d, jan, "advice", 1),
        (jan, c, "collaboration", 3), (jan, e, "collaboration", 2),
        (c, jan, "collaboration", 3), (e, jan, "collaboration", 2),
    ]
    for s, t, rel, w in bridge_ties:
        net.add(rng, s, t, rel, w, protected=True)

    #   Gap: only two ties Ruimte & Wonen -> Publiekszaken, one direction.
    rw = [i for i, p in enumerate(people) if p.department == GAP[0]
          and p.team != SEED_TEAM[1] and p.role in STAFF_ROLES and i not in net.isolates]
    pz = [i for i, p in enumerate(people) if p.department == GAP[1]
          and p.role in STAFF_ROLES and i != jan]
    s1, s2 = (int(x) for x in rng.choice(rw, size=2, replace=False))
    t1, t2 = (int(x) for x in rng.choice(pz, size=2, replace=False))
    net.add(rng, s1, t1, "advice", 1, protected=True)
    net.add(rng, s2, t2, "collaboration", 1, protected=True)

    special = {"bridge_partners": partners, "gap_sources": [s1, s2]}
    return net, attract, special


def generate_2026(rng, net25: Network, attract: np.ndarray):
    """Wave 2: 2025 latent network + churn + spreading from the seed team."""
    net = Network(net25.people, net25.planted)
    net.ties = dict(net25.ties)
    net.protected = dict(net25.protected)
    people = net.people

    # 1. Churn: drop ~3% of unprotected ties, add as many from the same model.
    keys = [k for k in net.ties if k not in net.protected]
    drop = rng.random(len(keys)) < CHURN
    dropped = [k for k, dflag in zip(keys, drop) if dflag]
    for k in dropped:
        del net.ties[k]
    for (i, _, rel) in dropped:
        src = int(rng.integers(net.n))
        if rel == "advice" and src in net.isolates:
            src = i
        for j in net.draw(rng, src, rel, 1, attract):
            net.add(rng, src, j, rel)

    # 2. Step 2 candidates are fixed on the 2025 network: people outside the
    #    seed team (and outside the silo) with ties to >= 3 seed-team members.
    seed = [i for i, p in enumerate(people) if (p.department, p.team) == SEED_TEAM]
    seed_set = dict.fromkeys(seed, True)
    contacts: dict[int, dict[int, bool]] = {}
    for (s, t, _) in net25.ties:
        if s in seed_set and t not in seed_set:
            contacts.setdefault(t, {})[s] = True
        if t in seed_set and s not in seed_set:
            contacts.setdefault(s, {})[t] = True
    second_set = {i: True for i in sorted(contacts) if len(contacts[i]) >= STEP2_MIN_CONTACTS
                  and net.dept[i] != SILO and i != net.bridge and i not in net.isolates}

    # 3. Step 1: the seed team reaches out (mostly to Publiekszaken); some of
    #    the people they name name them back and join the second step.
    other_depts = [d for d in DEPARTMENTS if d not in (SEED_TEAM[0], SILO)]
    dept_p = np.array([0.55 if d == "Publiekszaken" else 0.45 / (len(other_depts) - 1)
                       for d in other_depts])
    for i in seed:
        for _ in range(STEP1_NEW_MIN + rng.poisson(STEP1_NEW_EXTRA)):
            d = other_depts[rng.choice(len(other_depts), p=dept_p)]
            rel = RELATIONS[rng.choice(3, p=[0.45, 0.10, 0.45])]
            cand = [j for j in range(net.n) if net.dept[j] == d and (i, j, rel) not in net.ties
                    and j != net.bridge]
            w = attract[cand] / attract[cand].sum()
            j = int(cand[rng.choice(len(cand), p=w)])
            if net.add(rng, i, j, rel) and rel != "trust" and rng.random() < 0.4:
                if j not in net.isolates and net.add(rng, j, i, rel):
                    second_set[j] = True

    # 4. Step 2: the second-step people gain a few cross-department ties.
    second = sorted(second_set)
    for i in second:
        for _ in range(1 + rng.poisson(STEP2_NEW_EXTRA)):
            rel = RELATIONS[rng.choice(3, p=[0.45, 0.10, 0.45])]
            targets = [d for d in DEPARTMENTS if d not in (net.dept[i], SILO)
                       and net.aff.loc[net.dept[i], d] > 0]
            d = targets[rng.integers(len(targets))]
            cand = [j for j in range(net.n) if net.dept[j] == d and (i, j, rel) not in net.ties
                    and j != net.bridge and not (rel == "advice" and j in net.isolates)]
            w = attract[cand] / attract[cand].sum()
            j = int(cand[rng.choice(len(cand), p=w)])
            net.add(rng, i, j, rel)
    return net, seed, second


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def choose_respondents(rng, people: list[Person], forced: list[int]) -> list[int]:
    n = len(people)
    n_resp = round(n * RESPONSE_RATE)
    forced_set = dict.fromkeys(forced, True)
    free = [i for i in range(n) if i not in forced_set]
    non = rng.choice(free, size=n - n_resp, replace=False)
    non_set = {int(x) for x in non}
    return [i for i in range(n) if i not in non_set]


def ties_frame(net: Network, respondents: list[int]) -> pd.DataFrame:
    resp = np.zeros(net.n, dtype=bool)
    resp[respondents] = True
    rows = [(net.people[s].id, net.people[t].id, r, w)
            for (s, t, r), w in net.ties.items() if resp[s]]
    df = pd.DataFrame(rows, columns=["source", "target", "relation", "weight"])
    order = {r: k for k, r in enumerate(RELATIONS)}
    df["_o"] = df["relation"].map(order)
    return df.sort_values(["_o", "source", "target"]).drop(columns="_o").reset_index(drop=True)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


# --------------------------------------------------------------------------
# Summary (figures copied into README.md)
# --------------------------------------------------------------------------
def ei_index(ties: pd.DataFrame, dept_of: dict[str, str]) -> dict[str, float]:
    s = ties["source"].map(dept_of)
    t = ties["target"].map(dept_of)
    out = {}
    for d in DEPARTMENTS:
        internal = int(((s == d) & (t == d)).sum())
        external = int(((s == d) ^ (t == d)).sum())
        out[d] = round((external - internal) / (external + internal), 3)
    return out


def reciprocity(ties: pd.DataFrame, mask: pd.Series) -> float:
    keys = set(zip(ties["source"], ties["target"]))
    sub = ties[mask]
    rec = sum((t, s) in keys for s, t in zip(sub["source"], sub["target"]))
    return round(rec / max(len(sub), 1), 3)


def summarise(roster: pd.DataFrame, ties: dict[str, pd.DataFrame],
              resp: dict[str, list[str]], planted: dict) -> str:
    dept_of = dict(zip(roster["id"], roster["department"]))
    role_of = dict(zip(roster["id"], roster["role"]))
    team_of = dict(zip(roster["id"], roster["team"]))
    lines = [f"{ORG}: {len(roster)} staff"]
    for d, n in roster.groupby("department", sort=False).size().items():
        lines.append(f"  {d}: {n}")
    for wv in WAVES:
        df = ties[wv]
        lines.append(f"\nWave {wv}: {len(resp[wv])} respondents "
                     f"({len(resp[wv]) / len(roster):.1%})")
        for rel in RELATIONS:
            sub = df[df.relation == rel]
            internal = (sub.source.map(dept_of) == sub.target.map(dept_of)).mean()
            allr = pd.Series(True, index=sub.index)
            lines.append(f"  {rel}: {len(sub)} ties, {len(sub) / len(resp[wv]):.2f} out per "
                         f"respondent, {internal:.1%} within department, reciprocity "
                         f"{reciprocity(sub, allr):.3f}")
        lines.append("  E-I (all relations): " + ", ".join(
            f"{d} {v:+.3f}" for d, v in ei_index(df, dept_of).items()))
        for rel in RELATIONS:
            sub = df[df.relation == rel]
            lines.append(f"  E-I {rel}: " + ", ".join(
                f"{d} {v:+.3f}" for d, v in ei_index(sub, dept_of).items()))
        s, t = df.source.map(dept_of), df.target.map(dept_of)
        for name, (a, b) in (("gap", GAP), ("bridge", BRIDGE)):
            ab = int(((s == a) & (t == b)).sum())
            ba = int(((s == b) & (t == a)).sum())
            # expected under random mixing of all ties
            tot = len(df)
            out_d = s.value_counts()
            in_d = t.value_counts()
            exp = out_d[a] * in_d[b] / tot + out_d[b] * in_d[a] / tot
            lines.append(f"  {name} {a} -> {b}: {ab}, {b} -> {a}: {ba} "
                         f"(expected under random mixing {exp:.1f})")
        depts = list(DEPARTMENTS)
        pairs = []
        for k, a in enumerate(depts):
            for b in depts[k + 1:]:
                m = ((s == a) & (t == b)) | ((s == b) & (t == a))
                exp = (s.eq(a).sum() * t.eq(b).sum() + s.eq(b).sum() * t.eq(a).sum()) / len(df)
                pairs.append(f"{a} | {b}: {int(m.sum())} ({m.sum() / exp:.2f}x random)")
        lines.append("  cross ties per department pair, both directions (observed / expected "
                     "under random mixing):\n    " + "\n    ".join(pairs))
        br = planted["fragile_bridge"]["people"][0]
        cross_bridge = df[((s == BRIDGE[0]) & (t == BRIDGE[1])) | ((s == BRIDGE[1]) & (t == BRIDGE[0]))]
        via = ((cross_bridge.source == br) | (cross_bridge.target == br)).sum()
        lines.append(f"  bridge ties involving {br}: {via}/{len(cross_bridge)}")
        tr = df[df.relation == "trust"]
        rs, rt = tr.source.map(role_of), tr.target.map(role_of)
        sm = rs.isin(STAFF_ROLES) & rt.isin(MANAGER_ROLES)
        ss = rs.isin(STAFF_ROLES) & rt.isin(STAFF_ROLES)
        mm = rs.isin(MANAGER_ROLES) & rt.isin(MANAGER_ROLES)
        lines.append(f"  trust staff->manager: {int(sm.sum())} ties, reciprocated "
                     f"{reciprocity(tr, sm):.3f}; staff->staff reciprocated {reciprocity(tr, ss):.3f}; "
                     f"manager->manager reciprocated {reciprocity(tr, mm):.3f}")
        for rel in ("advice", "collaboration"):
            sub = df[df.relation == rel]
            rs2, rt2 = sub.source.map(role_of), sub.target.map(role_of)
            m2 = rs2.isin(STAFF_ROLES) & rt2.isin(MANAGER_ROLES)
            lines.append(f"  {rel} staff->manager reciprocated {reciprocity(sub, m2):.3f}")
        adv = df[df.relation == "advice"]
        indeg = adv.target.value_counts()
        ovl = planted["overloaded"]["people"][0]
        ovl_depts = adv[adv.target == ovl].source.map(dept_of).nunique()
        lines.append(f"  advice in-degree {ovl}: {indeg.get(ovl, 0)} from {ovl_depts} departments "
                     f"(next highest {indeg.drop(ovl).max()}, median {indeg.median():.0f})")
        for iso in planted["isolates"]["people"]:
            lines.append(f"  isolate {iso}: advice out {int((adv.source == iso).sum())}, "
                         f"in {int((adv.target == iso).sum())}, respondent {iso in resp[wv]}")
        cross = df[s != t]
        seed_ids = planted["wave2_seed_team"]["people"]
        second = planted["wave2_second_step"]["people"]
        rs_ = resp[wv]
        grp = {
            "seed team": [x for x in seed_ids if x in rs_],
            "second step": [x for x in second if x in rs_],
            "rest": [x for x in rs_ if x not in seed_ids and x not in second],
        }
        lines.append("  cross-department out-ties per respondent: " + ", ".join(
            f"{g} {cross.source.isin(m).sum() / max(len(m), 1):.2f}" for g, m in grp.items()))
        tm = cross.source.map(team_of)
        per_team = {tn: int(((tm == tn) & cross.source.isin(rs_)).sum())
                    for tn in planted["wave2_adjacent_teams"]}
        lines.append(f"  cross-department out-ties of adjacent teams: {per_team}")
    return "\n".join(lines)


# --------------------------------------------------------------------------
def main(out_dir: Path) -> str:
    rng = np.random.default_rng(SEED)
    out_dir.mkdir(parents=True, exist_ok=True)
    people = build_roster(rng)
    by_name = {}
    for key, (first, sur, dept, team, role) in PLANTED_PEOPLE.items():
        by_name[key] = next(p.id for p in people if p.name == f"{first} {sur}"
                            and p.department == dept and p.team == team)
    net25, attract, special = generate_2025(rng, people, by_name)
    net26, seed, second = generate_2026(rng, net25, attract)

    forced = [net25.idx[by_name[k]] for k in ("bridge", "overloaded", "isolate1", "isolate2")]
    forced += special["bridge_partners"] + special["gap_sources"]
    resp = {"2025": choose_respondents(rng, people, forced),
            "2026": choose_respondents(rng, people, forced)}

    roster = pd.DataFrame([dict(id=p.id, name=p.name, email=p.email, department=p.department,
                                team=p.team, role=p.role, manager=p.manager,
                                location=p.location) for p in people])
    write_csv(roster, out_dir / "roster.csv")
    ties = {}
    for wv, net in (("2025", net25), ("2026", net26)):
        ties[wv] = ties_frame(net, resp[wv])
        write_csv(ties[wv], out_dir / f"ties_{wv}.csv")
        write_csv(pd.DataFrame({"id": [people[i].id for i in resp[wv]]}),
                  out_dir / f"respondents_{wv}.csv")
    write_csv(pd.DataFrame(COLLABORATIONS, columns=["collaboration", "group"]),
              out_dir / "collaborations.csv")

    ids = [p.id for p in people]
    seed_ids = [ids[i] for i in seed]
    second_ids = [ids[i] for i in second]
    # adjacent teams: teams (outside the seed team and the silo) of which at
    # least half the members are second-step people
    team_size = roster.groupby(["department", "team"]).size()
    sec_team = roster[roster.id.isin(second_ids)].groupby(["department", "team"]).size()
    adjacent = [t for (d, t), n in sec_team.items()
                if n >= 0.5 * team_size[(d, t)] and (d, t) != SEED_TEAM]
    planted = {
        "organisation": ORG,
        "seed": SEED,
        "waves": list(WAVES),
        "silo": SILO,
        "gap": list(GAP),
        "gap_detail": {"collaboration": "Omgevingswet", "wave": "2025",
                       "ties": [[ids[special["gap_sources"][0]], None, "advice"],
                                [ids[special["gap_sources"][1]], None, "collaboration"]]},
        "fragile_bridge": {"groups": list(BRIDGE), "collaboration": "Sociaal loket",
                           "people": [by_name["bridge"]], "name": "Jan de Vries",
                           "partners": sorted(ids[i] for i in special["bridge_partners"])},
        "one_sided_trust": {"relation": "trust", "from_roles": list(STAFF_ROLES),
                            "to_roles": list(MANAGER_ROLES)},
        "wave2_seed_team": {"department": SEED_TEAM[0], "team": SEED_TEAM[1],
                            "people": seed_ids},
        "wave2_second_step": {"people": second_ids},
        "wave2_adjacent_teams": adjacent,
        "overloaded": {"relation": "advice", "people": [by_name["overloaded"]],
                       "name": "Ingrid Smit"},
        "isolates": {"relation": "advice", "people": [by_name["isolate1"], by_name["isolate2"]]},
        "duplicate_names": {"name": "Iris de Vries",
                            "people": [by_name["iris1"], by_name["iris2"]]},
        "healthy_collaborations": ["Planning & control", "Wijkaanpak"],
    }
    # Fill in the gap targets.
    t25 = ties["2025"]
    d_of = dict(zip(roster.id, roster.department))
    for entry in planted["gap_detail"]["ties"]:
        row = t25[(t25.source == entry[0]) & (t25.relation == entry[2])
                  & (t25.target.map(d_of) == GAP[1])]
        entry[1] = row.target.iloc[0]
    (out_dir / "planted.json").write_text(json.dumps(planted, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    resp_ids = {wv: [ids[i] for i in r] for wv, r in resp.items()}
    return summarise(roster, ties, resp_ids, planted)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    print(main(target))
