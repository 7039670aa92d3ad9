#!/usr/bin/env python3
"""Export the municipality's 2025 survey the way five survey platforms would, plus a Dutch-Excel CSV.

Reads ``roster.csv``, ``ties_2025.csv`` and ``respondents_2025.csv`` next to
this script and writes ``exports/``:

==============================  ===============================================================
``msforms_2025.xlsx``           Microsoft Forms, Dutch UI, the Excel download
``msforms_2025_excel.csv``      the same workbook re-saved by Dutch Excel: ``;``, cp1252, ``4-3-2025 09:15``
``qualtrics_2025.csv``          Qualtrics, three header rows, UTF-8 with BOM, one preview response
``googleforms_2025.csv``        Google Forms from Sheets (Dutch account), day-first dates
``limesurvey_2025.csv``         LimeSurvey, full question texts as headings, tab-separated
``surveymonkey_2025.csv``       SurveyMonkey, two header rows, month-first dates
``resolutions_2025.csv``        the correct decisions for every deliberately ambiguous or unmatched name
==============================  ===============================================================

Added later (issue W2 2/6), the same answers as other platforms' defaults write them:

==================================  ===========================================================
``msforms_likert_2025.xlsx``        Microsoft Forms, Dutch UI, question 4 as one Likert question: one
                                    column per department headed by the department's name only
``msforms_likert_en_2025.xlsx``     the same from an English-language Forms account (English column
                                    headers such as ``Start time``; the questionnaire stays Dutch)
``limesurvey_codes_2025.csv``       LimeSurvey's default export: question and answer codes only
                                    (``advies[SQ001]``, ``AO04``); subquestion codes of the department
                                    array and answer codes of the scale are *not* in display order
``limesurvey_2025.lss``             that survey's structure file (LimeSurvey 6 layout)
``qualtrics_numeric_2025.csv``      Qualtrics' default download: numeric values (recodes; "Nooit" is 1)
``qualtrics_2025.qsf``              that survey's ``.qsf``
==================================  ===========================================================

The questionnaire (Dutch) asks

1. *Bij wie ga je voor advies over je werk?* — name boxes Persoon 1..12 (advice);
2. *Met wie zou je een gevoelige werkkwestie bespreken?* — Persoon 1..10 (trust);
3. *Met wie heb je het afgelopen halfjaar samengewerkt?* — Persoon 1..15 (collaboration), followed by
   *Hoe vaak werk je samen met persoon n?* — Nooit / Minder dan maandelijks / Maandelijks / Wekelijks /
   Dagelijks, which gives the tie its weight 1..4;
4. *Hoe vaak werk je samen met de afdeling X?* for each of the six departments (group level);
5. *Via welke kanalen heb je meestal contact met collega's?* (multi-select, not about people) and
6. *Opmerkingen over deze vragenlijst* (free text).

Names are written the way people type them, drawn once with a fixed seed so that
every export holds the same text: mostly as on the roster, but also in lower
case, as "Achternaam, Voornaam tussenvoegsel", with "vd" / "v.d." for
"van der/van den/van de", with diacritics the roster lacks (Daniëlle), with a
department in brackets, as a bare first name where it is unique, with an
initial, or with one typo (only where the typo stays unmistakable). Deliberate
problems, all of which the ingest report must show:

* "Iris de Vries" without a hint (two people have that name) and a bare "Jan"
  (several Jans) -> review list; "mijn leidinggevende" instead of a name ->
  unmatched. These ties are *missing* from the read network until the
  decisions in ``resolutions_2025.csv`` are applied.
* names of people outside the organisation (a wethouder, someone at the GGD)
  -> unmatched, no tie;
* three respondents who name themselves -> self-nominations;
* two respondents who submitted twice: the earlier submission, with other
  answers, comes *after* the later one in the file, and the two dates differ
  only in day/month order (4 March vs 3 April);
* one response from an e-mail address that is not on the roster;
* in Qualtrics, one preview response.

The output is deterministic byte for byte (seeded; XLSX zip entries get a
fixed timestamp). Run ``python sample_networks/municipality/make_exports.py [OUTPUT_DIR]``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
OUT = HERE / "exports"
SEED = 20250304

N_ADVICE, N_TRUST, N_COLLAB = 12, 10, 15
FREQUENCY = {1: "Minder dan maandelijks", 2: "Maandelijks", 3: "Wekelijks", 4: "Dagelijks"}
SCALE = ["Nooit", "Minder dan maandelijks", "Maandelijks", "Wekelijks", "Dagelijks"]
CHANNELS = ["Teams", "E-mail", "Telefoon", "Persoonlijk"]
Q_ADVICE = "Bij wie ga je voor advies over je werk?"
Q_TRUST = "Met wie zou je een gevoelige werkkwestie bespreken?"
Q_COLLAB = "Met wie heb je het afgelopen halfjaar samengewerkt?"
Q_FREQ = "Hoe vaak werk je samen met deze persoon?"
Q_DEPTS = "Hoe vaak werk je samen met de volgende afdelingen?"
Q_CHANNELS = "Via welke kanalen heb je meestal contact met collega's?"
Q_COMMENTS = "Opmerkingen over deze vragenlijst"
INFIXES = ("van der", "van den", "van de", "ter", "ten", "de", "van")
DIACRITICS = {"Danielle": "Daniëlle", "Noel": "Noël", "Zoe": "Zoë", "Rene": "René", "Andre": "André"}
OUTSIDERS = ["Henk Bos (wethouder)", "Marieke de Groot - GGD", "Ahmed (provincie)", "dhr. Kuiper (extern)",
             "Sophie van Aalst (Veiligheidsregio)", "Linda - ingehuurd adviseur"]


@dataclass
class Person:
    id: str
    name: str
    email: str
    department: str
    team: str
    manager: str
    given: str
    infix: str
    surname: str


def load() -> tuple[dict[str, Person], pd.DataFrame, list[str]]:
    roster = pd.read_csv(HERE / "roster.csv", dtype=str, keep_default_na=False)
    people: dict[str, Person] = {}
    for r in roster.itertuples(index=False):
        given, rest = r.name.split(" ", 1)
        infix = next((i for i in INFIXES if rest.startswith(i + " ")), "")
        surname = rest[len(infix):].strip()
        people[r.id] = Person(r.id, r.name, r.email, r.department, r.team, r.manager, given, infix, surname)
    ties = pd.read_csv(HERE / "ties_2025.csv", dtype={"source": str, "target": str})
    respondents = pd.read_csv(HERE / "respondents_2025.csv", dtype=str)["id"].tolist()
    return people, ties, respondents


# -- how people type names ----------------------------------------------------------------------


def _fold(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _ratio(a: str, b: str) -> float:
    """Indel similarity 0-100 (Levenshtein without substitutions), computed here independently of ona."""
    n, m = len(a), len(b)
    if not n + m:
        return 100.0
    previous = list(range(m + 1))
    for i in range(1, n + 1):
        current = [i] + [0] * m
        for j in range(1, m + 1):
            current[j] = previous[j - 1] if a[i - 1] == b[j - 1] else 1 + min(previous[j], current[j - 1])
        previous = current
    return 100.0 * (1 - previous[m] / (n + m))


class Writer:
    """Decides, once and with a seed, how each respondent writes each colleague's name."""

    def __init__(self, people: dict[str, Person], rng: np.random.Generator) -> None:
        self.people = people
        self.rng = rng
        given = pd.Series([p.given for p in people.values()])
        words = given.str.lower().tolist() + [_fold(p.surname) for p in people.values()] + [
            _fold(p.infix + p.surname) for p in people.values()]
        self.unique_given = {g for g in given.unique() if words.count(g.lower()) == 1}
        self.folded = {pid: _fold(p.name) for pid, p in people.items()}

    def initial_unique(self, person: Person) -> bool:
        """Whether "P. van der Meer" points at one person only."""
        return sum(p.given[0] == person.given[0] and p.surname == person.surname
                   for p in self.people.values()) == 1

    def typo(self, person: Person) -> str | None:
        surname = person.surname
        if len(surname) < 5 or " " in surname:
            return None
        i = int(self.rng.integers(1, len(surname) - 1))
        kind = int(self.rng.integers(0, 3))
        if kind == 0:
            new = surname[:i] + surname[i + 1:]
        elif kind == 1:
            new = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2:]
        else:
            new = surname[:i] + surname[i] + surname[i:]
        written = " ".join(x for x in (person.given, person.infix, new) if x)
        folded = _fold(written)
        own = _ratio(folded, self.folded[person.id])
        others = max(_ratio(folded, f) for pid, f in self.folded.items() if pid != person.id)
        return written if own >= 90 and own - others >= 12 else None

    def write(self, target: str) -> str:
        p = self.people[target]
        roll = float(self.rng.random())
        given = DIACRITICS.get(p.given, p.given)
        surname = DIACRITICS.get(p.surname, p.surname)
        infix = p.infix
        if infix in ("van der", "van den", "van de") and self.rng.random() < 0.4:
            infix = str(self.rng.choice(["vd", "v.d.", "v/d"]))
        as_listed = " ".join(x for x in (given, infix, surname) if x)
        if roll < 0.50:
            return as_listed
        if roll < 0.62:
            return " ".join(x for x in (p.given, p.infix, p.surname) if x).lower()
        if roll < 0.72:
            return f"{surname}, {given}" + (f" {infix}" if infix else "")
        if roll < 0.75:
            return f"{infix} {surname}, {given}" if infix else as_listed
        if roll < 0.81:
            if p.given not in self.unique_given:
                return as_listed
            return given if self.rng.random() < 0.7 else given.lower()
        if roll < 0.86:
            return self.typo(p) or as_listed
        if roll < 0.90:
            if not self.initial_unique(p):
                return as_listed
            return f"{p.given[0]}. " + " ".join(x for x in (infix, surname) if x)
        if roll < 0.94:
            return f"{p.given} {p.infix + ' ' if p.infix else ''}{p.surname} ({p.team})"
        return "  ".join(x for x in (given, infix, surname) if x) + " "


@dataclass
class Response:
    respondent: str
    submitted: datetime
    names: dict[str, list[str]]          # relation -> written names in box order
    frequencies: list[str]               # collaboration box n -> frequency label
    departments: dict[str, str]          # department -> scale label
    channels: list[str]
    comment: str
    email: str


def build(people: dict[str, Person], ties: pd.DataFrame, respondents: list[str]) -> tuple[list[Response], list[dict]]:
    rng = np.random.default_rng(SEED)
    writer = Writer(people, rng)
    departments = sorted({p.department for p in people.values()})
    decisions: list[dict] = []
    by_source = {key: part for key, part in ties.groupby("source")}
    jans = [pid for pid, p in people.items() if p.given == "Jan"]
    irises = [pid for pid, p in people.items() if p.name == "Iris de Vries"]
    leave_jan = set(rng.choice(sorted(ties.loc[ties["target"].isin(jans)].index), size=5, replace=False).tolist())
    iris_rows = sorted(ties.loc[ties["target"].isin(irises)].index)
    plain_iris = set(rng.choice(iris_rows, size=len(iris_rows) // 2, replace=False).tolist())
    staff_trust = ties.loc[(ties["relation"] == "trust") & ties.apply(
        lambda t: people[t["source"]].manager == t["target"], axis=1)]
    leidinggevende = set(rng.choice(sorted(staff_trust.index), size=4, replace=False).tolist())
    responses: list[Response] = []
    start = datetime(2025, 3, 3, 8, 0, 0)
    for pid in respondents:
        mine = by_source.get(pid, ties.iloc[0:0])
        names: dict[str, list[str]] = {}
        frequencies: list[str] = []
        deliberate: dict[str, str] = {}  # deliberately unclear text -> the colleague it stands for
        for relation, limit in (("advice", N_ADVICE), ("trust", N_TRUST), ("collaboration", N_COLLAB)):
            part = mine.loc[mine["relation"] == relation]
            order = rng.permutation(len(part))
            boxes: list[str] = []
            for k in order:
                row = part.iloc[int(k)]
                index = part.index[int(k)]
                target = row["target"]
                text = ""
                if index in leave_jan:
                    text = "Jan"
                elif index in plain_iris:
                    text = "Iris de Vries"
                elif index in leidinggevende:
                    text = "mijn leidinggevende"
                if text and deliberate.get(text, target) == target:
                    deliberate[text] = target
                    decisions.append({"name": text, "mentioned_by": pid, "id": target})
                elif target in irises:
                    text = f"Iris de Vries ({people[target].team})"
                else:
                    text = writer.write(target)
                boxes.append(text)
                if relation == "collaboration":
                    frequencies.append(FREQUENCY[int(row["weight"])])
            names[relation] = boxes[:limit]
        # group level: the strongest collaboration with anyone in the department; own department daily
        dept_answers: dict[str, str] = {}
        for dept in departments:
            in_dept = mine.loc[mine["target"].map(lambda t: people[t].department) == dept]
            collab = in_dept.loc[in_dept["relation"] == "collaboration", "weight"]
            if dept == people[pid].department:
                level = 4
            elif len(collab):
                level = int(collab.max())
            elif len(in_dept):
                level = 1
            else:
                level = 0
            dept_answers[dept] = "Weet ik niet" if rng.random() < 0.02 else SCALE[level]
        channels = sorted(rng.choice(CHANNELS, size=int(rng.integers(1, 4)), replace=False).tolist(),
                          key=CHANNELS.index)
        comment = ""
        if rng.random() < 0.06:
            comment = str(rng.choice(["Goede vragenlijst", "Eén vraag was onduidelijk: wat telt als samenwerken?",
                                      "Fijn dat dit gevraagd wordt", "Te veel vakjes voor namen"]))
        email = people[pid].email
        if rng.random() < 0.1:  # some mail clients capitalise addresses
            local, domain = email.split("@")
            email = ".".join(w.capitalize() for w in local.split(".")) + "@" + domain
        day = int(rng.integers(0, 19))
        submitted = start + timedelta(days=day, hours=int(rng.integers(0, 9)), minutes=int(rng.integers(0, 60)),
                                      seconds=int(rng.integers(0, 60)))
        responses.append(Response(pid, submitted, names, frequencies, dept_answers, channels, comment, email))
    _add_problems(responses, people, rng, decisions)
    return responses, decisions


def _add_problems(responses: list[Response], people: dict[str, Person], rng: np.random.Generator,
                  decisions: list[dict]) -> None:
    by_id = {r.respondent: r for r in responses}
    # outsiders in free advice or trust boxes
    roomy = [r for r in responses if len(r.names["advice"]) < N_ADVICE - 1]
    for text, r in zip(OUTSIDERS, rng.choice(len(roomy), size=len(OUTSIDERS), replace=False)):
        chosen = roomy[int(r)]
        relation = "advice" if len(chosen.names["advice"]) < N_ADVICE else "trust"
        chosen.names[relation].append(text)
        decisions.append({"name": text, "mentioned_by": chosen.respondent, "id": "-"})
    # three self-nominations
    for r in rng.choice(len(roomy), size=3, replace=False):
        chosen = roomy[int(r)]
        chosen.names["advice"].insert(0, people[chosen.respondent].name)
    # two people who submitted twice: 4 March (earlier, other answers) and 3 April (the one that counts)
    twice = sorted(rng.choice(sorted(by_id), size=2, replace=False).tolist())
    for pid in twice:
        later = by_id[pid]
        later.submitted = datetime(2025, 4, 3, 9, int(rng.integers(0, 60)), 0)
        earlier = Response(pid, datetime(2025, 3, 4, 16, int(rng.integers(0, 60)), 0),
                           {"advice": later.names["advice"][:1], "trust": [], "collaboration": []}, [],
                           {d: "Nooit" for d in later.departments}, later.channels[:1], "", later.email)
        responses.append(earlier)
    # someone not on the roster (an intern's private address)
    guest = Response("", datetime(2025, 3, 12, 13, 14, 15),
                     {"advice": [people[responses[0].respondent].name], "trust": [], "collaboration": []}, [],
                     {d: "Maandelijks" for d in responses[0].departments}, ["Teams"], "", "stagiair.veldhoven@gmail.com")
    responses.append(guest)
    # the file lists responses by submission time, except that the earlier duplicates come after the later ones
    responses.sort(key=lambda r: (r.submitted.month == 3 and r.submitted.day == 4 and r.submitted.hour == 16,
                                  r.submitted))


def display_name(people: dict[str, Person], pid: str) -> str:
    """Azure AD style display name: 'Meer, Pieter van der'."""
    if not pid:
        return "Stagiair Veldhoven"
    p = people[pid]
    return f"{p.surname}, {p.given}" + (f" {p.infix}" if p.infix else "")


# -- the six files ------------------------------------------------------------------------------------


def _csv(rows: list[list[object]], *, delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL,
         lineterminator: str = "\r\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator).writerows(rows)
    return buffer.getvalue()


def _boxes(values: list[str], n: int) -> list[str]:
    return list(values[:n]) + [""] * (n - min(len(values), n))


def msforms(responses: list[Response], people: dict[str, Person], departments: list[str]) -> None:
    header = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd laatst gewijzigd"]
    header += [f"{Q_ADVICE} (persoon {i})" for i in range(1, N_ADVICE + 1)]
    header += [f"{Q_TRUST} (persoon {i})" for i in range(1, N_TRUST + 1)]
    for i in range(1, N_COLLAB + 1):
        header += [f"{Q_COLLAB} (persoon {i})"]
    header += [f"Hoe vaak werk je samen met persoon {i}?" for i in range(1, N_COLLAB + 1)]
    header += [f"Hoe vaak werk je samen met de afdeling {d}?" for d in departments]
    header += [Q_CHANNELS, Q_COMMENTS]
    rows = []
    for n, r in enumerate(responses, start=1):
        began = r.submitted - timedelta(minutes=7, seconds=13 * n % 50)
        rows.append([n, began, r.submitted, r.email, display_name(people, r.respondent), None,
                     *_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
                     *_boxes(r.names["collaboration"], N_COLLAB), *_boxes(r.frequencies, N_COLLAB),
                     *[r.departments[d] for d in departments],
                     "".join(c + ";" for c in r.channels), r.comment])
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        sheet.append([v if v != "" else None for v in row])
    for cells in sheet.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in cells:
            cell.number_format = "m/d/yy h:mm:ss"
    book.properties.creator = "Microsoft Forms"
    book.properties.created = book.properties.modified = datetime(2025, 4, 4, 12, 0, 0)
    buffer = io.BytesIO()
    book.save(buffer)
    (OUT / "msforms_2025.xlsx").write_bytes(_fixed_zip(buffer.getvalue()))
    excel = [header] + [[f"{v.day}-{v.month}-{v.year} {v:%H:%M}" if isinstance(v, datetime) else
                         ("" if v is None else v) for v in row] for row in rows]
    (OUT / "msforms_2025_excel.csv").write_bytes(_csv(excel, delimiter=";").encode("cp1252"))


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry timestamps, so the workbook is the same byte for byte every run."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 4, 4, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time as "modified"
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-04-04T12:00:00Z", content)
            target.writestr(fixed, content)
    return out.getvalue()


def qualtrics(responses: list[Response], people: dict[str, Person], departments: list[str]) -> None:
    meta = [("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}'),
            ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Amsterdam"}'),
            ("Status", "Response Type", '{"ImportId":"status"}'),
            ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
            ("Progress", "Progress", '{"ImportId":"progress"}'),
            ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
            ("Finished", "Finished", '{"ImportId":"finished"}'),
            ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Amsterdam"}'),
            ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
            ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
            ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
            ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
            ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
            ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
            ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
            ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
            ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}')]
    questions: list[tuple[str, str, str]] = []
    for q, text, n in (("Q1", Q_ADVICE, N_ADVICE), ("Q2", Q_TRUST, N_TRUST), ("Q3", Q_COLLAB, N_COLLAB)):
        questions += [(f"{q}_{i}", f"{text} - Persoon {i}", f'{{"ImportId":"QID{q[1:]}_{i}"}}') for i in range(1, n + 1)]
    questions += [(f"Q4_{i}", f"{Q_FREQ} - ${{q://QID3/ChoiceTextEntryValue/{i}}}", f'{{"ImportId":"QID4_{i}"}}')
                  for i in range(1, N_COLLAB + 1)]
    questions += [(f"Q5_{i}", f"{Q_DEPTS} - {d}", f'{{"ImportId":"QID5_{i}"}}') for i, d in enumerate(departments, 1)]
    questions += [(f"Q6_{i}", f"{Q_CHANNELS} - {c}", f'{{"ImportId":"QID6_{i}"}}') for i, c in enumerate(CHANNELS, 1)]
    questions += [("Q7", Q_COMMENTS, '{"ImportId":"QID7_TEXT"}')]
    rows = [[m[0] for m in meta] + [q[0] for q in questions], [m[1] for m in meta] + [q[1] for q in questions],
            [m[2] for m in meta] + [q[2] for q in questions]]

    def answers(r: Response) -> list[str]:
        return [*_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
                *_boxes(r.names["collaboration"], N_COLLAB), *_boxes(r.frequencies, N_COLLAB),
                *[r.departments[d] for d in departments], *["1" if c in r.channels else "" for c in CHANNELS],
                r.comment]

    def stamp(t: datetime) -> str:
        return f"{t:%Y-%m-%d %H:%M:%S}"

    preview = Response("", datetime(2025, 3, 2, 15, 30, 0), {"advice": ["Test"], "trust": [], "collaboration": []},
                       [], {d: "Nooit" for d in departments}, [], "test test", "")
    ordered = [preview, *responses]
    for n, r in enumerate(ordered):
        p = people.get(r.respondent)
        last = (p.infix + " " + p.surname).strip() if p else ("Veldhoven" if r.email else "")
        first = p.given if p else ("Stagiair" if r.email else "")
        channel = "preview" if r is preview else "email"
        rows.append([stamp(r.submitted - timedelta(minutes=9)), stamp(r.submitted),
                     "Survey Preview" if r is preview else "IP Address", "" if r is preview else f"145.12.{n % 250}.7",
                     "100", str(540 - n % 97), "True", stamp(r.submitted + timedelta(seconds=1)),
                     f"R_{n:03d}{'aBcDeFgHiJkLmN'[n % 14:]}{'x' * (n % 14)}", last, first, r.email, "",
                     "52.3759", "4.8975", channel, "NL", *answers(r)])
    text = _csv(rows, quoting=csv.QUOTE_ALL)
    (OUT / "qualtrics_2025.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def googleforms(responses: list[Response], departments: list[str]) -> None:
    header = ["Tijdstempel", "E-mailadres"]
    header += [f"{Q_ADVICE} (persoon {i})" for i in range(1, N_ADVICE + 1)]
    header += [f"{Q_TRUST} (persoon {i})" for i in range(1, N_TRUST + 1)]
    header += [f"{Q_COLLAB} (persoon {i})" for i in range(1, N_COLLAB + 1)]
    header += [f"Hoe vaak werk je samen met deze personen? [Persoon {i}]" for i in range(1, N_COLLAB + 1)]
    header += [f"{Q_DEPTS} [{d}]" for d in departments]
    header += [Q_CHANNELS, Q_COMMENTS]
    rows = [header]
    for r in responses:
        t = r.submitted
        rows.append([f"{t.day}-{t.month}-{t.year} {t.hour}:{t:%M:%S}", r.email,
                     *_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
                     *_boxes(r.names["collaboration"], N_COLLAB), *_boxes(r.frequencies, N_COLLAB),
                     *[r.departments[d] for d in departments], ", ".join(r.channels), r.comment])
    (OUT / "googleforms_2025.csv").write_bytes(_csv(rows).encode("utf-8"))


def limesurvey(responses: list[Response], departments: list[str]) -> None:
    header = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
              "Date last action", "Wat is je e-mailadres bij de gemeente?"]
    header += [f"{Q_ADVICE} [Persoon {i}]" for i in range(1, N_ADVICE + 1)]
    header += [f"{Q_TRUST} [Persoon {i}]" for i in range(1, N_TRUST + 1)]
    header += [f"{Q_COLLAB} [Persoon {i}]" for i in range(1, N_COLLAB + 1)]
    header += [f"{Q_FREQ} [Persoon {i}]" for i in range(1, N_COLLAB + 1)]
    header += [f"{Q_DEPTS} [{d}]" for d in departments]
    header += [f"{Q_CHANNELS} [{c}]" for c in CHANNELS]
    header += [Q_COMMENTS]
    rows = [header]
    for n, r in enumerate(responses, start=1):
        t = r.submitted
        rows.append([str(n), f"{t:%Y-%m-%d %H:%M:%S}", "5", "nl", str(1000003 * n % 9999991),
                     f"{t - timedelta(minutes=8):%Y-%m-%d %H:%M:%S}", f"{t:%Y-%m-%d %H:%M:%S}", r.email.lower(),
                     *_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
                     *_boxes(r.names["collaboration"], N_COLLAB), *_boxes(r.frequencies, N_COLLAB),
                     *[r.departments[d] for d in departments], *["Ja" if c in r.channels else "" for c in CHANNELS],
                     r.comment])
    (OUT / "limesurvey_2025.csv").write_bytes(_csv(rows, delimiter="\t", lineterminator="\n").encode("utf-8"))


def surveymonkey(responses: list[Response], people: dict[str, Person], departments: list[str]) -> None:
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1"]
    blocks = [(Q_ADVICE, [f"Persoon {i}" for i in range(1, N_ADVICE + 1)]),
              (Q_TRUST, [f"Persoon {i}" for i in range(1, N_TRUST + 1)]),
              (Q_COLLAB, [f"Persoon {i}" for i in range(1, N_COLLAB + 1)]),
              (Q_FREQ, [f"Persoon {i}" for i in range(1, N_COLLAB + 1)]),
              (Q_DEPTS, departments), (Q_CHANNELS, CHANNELS), (Q_COMMENTS, ["Open-Ended Response"])]
    top, second = list(meta), [""] * len(meta)
    for question, labels in blocks:
        top += [question] + [""] * (len(labels) - 1)
        second += labels
    rows = [top, second]

    def stamp(t: datetime) -> str:
        return f"{t:%m/%d/%Y %I:%M:%S %p}"

    for n, r in enumerate(responses, start=1):
        p = people.get(r.respondent)
        rows.append([str(114000000000 + 7919 * n), "431234567", stamp(r.submitted - timedelta(minutes=6)),
                     stamp(r.submitted), f"145.12.{n % 250}.9", r.email, p.given if p else "",
                     (p.infix + " " + p.surname).strip() if p else "", "",
                     *_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
                     *_boxes(r.names["collaboration"], N_COLLAB), *_boxes(r.frequencies, N_COLLAB),
                     *[r.departments[d] for d in departments], *[c if c in r.channels else "" for c in CHANNELS],
                     r.comment])
    (OUT / "surveymonkey_2025.csv").write_bytes(_csv(rows).encode("utf-8"))


# -- added exports (each platform's defaults; these use their own seed, so the files above stay the same) ----

SCALE_EN = ["Never", "Less than monthly", "Monthly", "Weekly", "Daily"]
ADDED_SEED = 20260115


def msforms_likert(responses: list[Response], people: dict[str, Person], departments: list[str],
                   english_ui: bool) -> bytes:
    """Microsoft Forms with question 4 as a Likert question: statement-only headers, the question text lost."""
    meta = (["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"] if english_ui else
            ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd laatst gewijzigd"])
    header = list(meta)
    header += [f"{Q_ADVICE} (persoon {i})" for i in range(1, N_ADVICE + 1)]
    header += [f"{Q_TRUST} (persoon {i})" for i in range(1, N_TRUST + 1)]
    header += [f"{Q_COLLAB} (persoon {i})" for i in range(1, N_COLLAB + 1)]
    header += [f"Hoe vaak werk je samen met persoon {i}?" for i in range(1, N_COLLAB + 1)]
    header += list(departments) + [Q_CHANNELS, Q_COMMENTS]
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for n, r in enumerate(responses, start=1):
        began = r.submitted - timedelta(minutes=7, seconds=13 * n % 50)
        row = [n, began, r.submitted, r.email, display_name(people, r.respondent), None,
               *_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
               *_boxes(r.names["collaboration"], N_COLLAB), *_boxes(r.frequencies, N_COLLAB),
               *[r.departments[d] for d in departments], "".join(c + ";" for c in r.channels), r.comment]
        sheet.append([v if v != "" else None for v in row])
    for cells in sheet.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in cells:
            cell.number_format = "m/d/yy h:mm:ss"
    book.properties.creator = "Microsoft Forms"
    book.properties.created = book.properties.modified = datetime(2025, 4, 4, 12, 0, 0)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue())


LIME_SCALE = [*SCALE, "Weet ik niet"]


def _lime_codes(departments: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Subquestion codes of the department array and answer codes of the scale, in the order they were added."""
    rng = np.random.default_rng(ADDED_SEED)
    depts = {d: f"SQ{int(i) + 1:03d}" for d, i in zip(departments, rng.permutation(len(departments)))}
    answers = {label: f"AO{int(i) + 1:02d}" for label, i in zip(LIME_SCALE, rng.permutation(len(LIME_SCALE)))}
    return depts, answers


def limesurvey_codes(responses: list[Response], departments: list[str]) -> bytes:
    depts, answers = _lime_codes(departments)
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "email"]
    header += [f"advies[SQ{i:03d}]" for i in range(1, N_ADVICE + 1)]
    header += [f"vertrouwen[SQ{i:03d}]" for i in range(1, N_TRUST + 1)]
    header += [f"samenwerking[SQ{i:03d}]" for i in range(1, N_COLLAB + 1)]
    header += [f"frequentie[SQ{i:03d}]" for i in range(1, N_COLLAB + 1)]
    header += [f"afdelingen[{depts[d]}]" for d in departments]
    header += [f"kanalen[SQ{i:03d}]" for i in range(1, len(CHANNELS) + 1)] + ["opmerkingen"]
    rows = [header]
    for n, r in enumerate(responses, start=1):
        t = r.submitted
        rows.append([str(n), f"{t:%Y-%m-%d %H:%M:%S}", "5", "nl", str(1000003 * n % 9999991),
                     f"{t - timedelta(minutes=8):%Y-%m-%d %H:%M:%S}", f"{t:%Y-%m-%d %H:%M:%S}", r.email.lower(),
                     *_boxes(r.names["advice"], N_ADVICE), *_boxes(r.names["trust"], N_TRUST),
                     *_boxes(r.names["collaboration"], N_COLLAB),
                     *[answers[f] if f else "" for f in _boxes(r.frequencies, N_COLLAB)],
                     *[answers[r.departments[d]] for d in departments],
                     *["Y" if c in r.channels else "" for c in CHANNELS], r.comment])
    return _csv(rows, quoting=csv.QUOTE_ALL, lineterminator="\n").encode("utf-8")


def lime_structure(departments: list[str]) -> bytes:
    """The survey's .lss in LimeSurvey 6's layout (texts in question_l10ns and answer_l10ns)."""
    depts, answers = _lime_codes(departments)
    qid = iter(range(1001, 2000))
    questions, subquestions, texts, options, option_texts = [], [], [], [], []

    def question(title: str, qtype: str, text: str, order: int) -> str:
        number = str(next(qid))
        questions.append((number, "0", qtype, title, str(order)))
        texts.append((number, text))
        return number

    def sub(parent: str, title: str, text: str, order: int) -> None:
        number = str(next(qid))
        subquestions.append((number, parent, "T", title, str(order)))
        texts.append((number, text))

    def scale(parent: str) -> None:
        for order, label in enumerate(LIME_SCALE):
            aid = str(5000 + len(options))
            options.append((aid, parent, answers[label], str(order)))
            option_texts.append((aid, label))

    question("email", "S", "Wat is je e-mailadres bij de gemeente?", 1)
    for title, text, n, order in (("advies", Q_ADVICE, N_ADVICE, 2), ("vertrouwen", Q_TRUST, N_TRUST, 3),
                                  ("samenwerking", Q_COLLAB, N_COLLAB, 4)):
        parent = question(title, "Q", text, order)
        for i in range(1, n + 1):
            sub(parent, f"SQ{i:03d}", f"Persoon {i}", i)
    parent = question("frequentie", "F", Q_FREQ, 5)
    for i in range(1, N_COLLAB + 1):
        sub(parent, f"SQ{i:03d}", f"Persoon {i}", i)
    scale(parent)
    parent = question("afdelingen", "F", Q_DEPTS, 6)
    for order, d in enumerate(departments, start=1):
        sub(parent, depts[d], d, order)
    scale(parent)
    parent = question("kanalen", "M", Q_CHANNELS, 7)
    for i, c in enumerate(CHANNELS, start=1):
        sub(parent, f"SQ{i:03d}", c, i)
    question("opmerkingen", "T", Q_COMMENTS, 8)

    def table(name: str, fields: list[str], rows: list[tuple[str, ...]]) -> list[str]:
        out = [f" <{name}>", "  <fields>", *[f"   <fieldname>{f}</fieldname>" for f in fields], "  </fields>",
               "  <rows>"]
        for row in rows:
            out += ["   <row>", *[f"    <{f}><![CDATA[{v}]]></{f}>" for f, v in zip(fields, row)], "   </row>"]
        return out + ["  </rows>", f" </{name}>"]

    qfields = ["qid", "parent_qid", "type", "title", "question_order"]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>", " <LimeSurveyDocType>Survey</LimeSurveyDocType>",
             " <DBVersion>624</DBVersion>", " <languages>", "  <language>nl</language>", " </languages>",
             *table("answers", ["aid", "qid", "code", "sortorder"], options),
             *table("answer_l10ns", ["aid", "answer", "language"], [(a, t, "nl") for a, t in option_texts]),
             *table("questions", qfields, questions), *table("subquestions", qfields, subquestions),
             *table("question_l10ns", ["qid", "question", "language"], [(q, t, "nl") for q, t in texts]),
             "</document>", ""]
    return "\n".join(lines).encode("utf-8")


QUALTRICS_SCALE = [*SCALE, "Weet ik niet"]  # recode values 1..6 in this order: "Nooit" is 1


def qualtrics_numeric(responses: list[Response], people: dict[str, Person], departments: list[str]) -> bytes:
    """Qualtrics' default download: recode values instead of choice text; the third header row has ImportIds."""
    text = (OUT / "qualtrics_2025.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    codes = rows[0]
    recode = {label: str(i + 1) for i, label in enumerate(QUALTRICS_SCALE)}
    channels = {f"Q6_{i}" for i in range(1, len(CHANNELS) + 1)}
    for row in rows[3:]:
        for j, code in enumerate(codes):
            value = row[j]
            if code.startswith(("Q4_", "Q5_")) and value:
                row[j] = recode[value]
            elif code in channels and value:
                row[j] = "1"
            elif code == "Status":
                row[j] = "1" if value == "Survey Preview" else "0"
            elif code == "Finished":
                row[j] = "1" if value == "True" else "0"
    return b"\xef\xbb\xbf" + _csv(rows, quoting=csv.QUOTE_ALL).encode("utf-8")


def qualtrics_structure(departments: list[str]) -> bytes:
    def element(qid: str, payload: dict) -> dict:  # type: ignore[type-arg]
        return {"SurveyID": "SV_veldhoven25", "Element": "SQ", "PrimaryAttribute": qid, "SecondaryAttribute": None,
                "TertiaryAttribute": None, "Payload": {"QuestionID": qid, "Language": [], **payload}}

    def boxes(n: int) -> dict:  # type: ignore[type-arg]
        return {"Choices": {str(i): {"Display": f"Persoon {i}"} for i in range(1, n + 1)},
                "ChoiceOrder": [str(i) for i in range(1, n + 1)]}

    scale = {"Answers": {str(i + 1): {"Display": label} for i, label in enumerate(QUALTRICS_SCALE)},
             "AnswerOrder": [str(i + 1) for i in range(len(QUALTRICS_SCALE))],
             "RecodeValues": {str(i + 1): str(i + 1) for i in range(len(QUALTRICS_SCALE))}}
    elements = [
        {"SurveyID": "SV_veldhoven25", "Element": "BL", "PrimaryAttribute": "Survey Blocks",
         "Payload": [{"Type": "Default", "ID": "BL_1",
                      "BlockElements": [{"Type": "Question", "QuestionID": f"QID{i}"} for i in range(1, 8)]}]},
        element("QID1", {"QuestionText": Q_ADVICE, "DataExportTag": "Q1", "QuestionType": "TE", "Selector": "FORM",
                         **boxes(N_ADVICE)}),
        element("QID2", {"QuestionText": Q_TRUST, "DataExportTag": "Q2", "QuestionType": "TE", "Selector": "FORM",
                         **boxes(N_TRUST)}),
        element("QID3", {"QuestionText": Q_COLLAB, "DataExportTag": "Q3", "QuestionType": "TE", "Selector": "FORM",
                         **boxes(N_COLLAB)}),
        element("QID4", {"QuestionText": Q_FREQ, "DataExportTag": "Q4", "QuestionType": "Matrix",
                         "Selector": "Likert", "SubSelector": "SingleAnswer",
                         "Choices": {str(i): {"Display": f"${{q://QID3/ChoiceTextEntryValue/{i}}}"}
                                     for i in range(1, N_COLLAB + 1)},
                         "ChoiceOrder": [str(i) for i in range(1, N_COLLAB + 1)], **scale}),
        element("QID5", {"QuestionText": Q_DEPTS, "DataExportTag": "Q5", "QuestionType": "Matrix",
                         "Selector": "Likert", "SubSelector": "SingleAnswer",
                         "Choices": {str(i): {"Display": d} for i, d in enumerate(departments, 1)},
                         "ChoiceOrder": [str(i) for i in range(1, len(departments) + 1)], **scale}),
        element("QID6", {"QuestionText": Q_CHANNELS, "DataExportTag": "Q6", "QuestionType": "MC", "Selector": "MAVR",
                         "Choices": {str(i): {"Display": c} for i, c in enumerate(CHANNELS, 1)},
                         "ChoiceOrder": [str(i) for i in range(1, len(CHANNELS) + 1)]}),
        element("QID7", {"QuestionText": Q_COMMENTS, "DataExportTag": "Q7", "QuestionType": "TE", "Selector": "ESTB"}),
    ]
    document = {"SurveyEntry": {"SurveyID": "SV_veldhoven25", "SurveyName": "Samenwerken in Veldhoven-aan-Zee 2025",
                                "SurveyLanguage": "NL"}, "SurveyElements": elements}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def added(responses: list[Response], people: dict[str, Person], departments: list[str]) -> None:
    """Write the exports added for issue W2 2/6 (the files above are left exactly as they were)."""
    (OUT / "msforms_likert_2025.xlsx").write_bytes(msforms_likert(responses, people, departments, english_ui=False))
    (OUT / "msforms_likert_en_2025.xlsx").write_bytes(msforms_likert(responses, people, departments, english_ui=True))
    (OUT / "limesurvey_codes_2025.csv").write_bytes(limesurvey_codes(responses, departments))
    (OUT / "limesurvey_2025.lss").write_bytes(lime_structure(departments))
    (OUT / "qualtrics_numeric_2025.csv").write_bytes(qualtrics_numeric(responses, people, departments))
    (OUT / "qualtrics_2025.qsf").write_bytes(qualtrics_structure(departments))


def main(out: Path = OUT) -> None:
    """Write every export into `out` (default: ``exports/`` next to this script)."""
    global OUT
    OUT = Path(out)
    people, ties, respondents = load()
    departments = sorted({p.department for p in people.values()})
    responses, decisions = build(people, ties, respondents)
    OUT.mkdir(parents=True, exist_ok=True)
    msforms(responses, people, departments)
    qualtrics(responses, people, departments)
    googleforms(responses, departments)
    limesurvey(responses, departments)
    surveymonkey(responses, people, departments)
    added(responses, people, departments)
    table = pd.DataFrame(decisions, columns=["name", "mentioned_by", "id"]).drop_duplicates()
    table.to_csv(OUT / "resolutions_2025.csv", index=False, lineterminator="\n")
    print(f"{len(responses)} response rows ({len(respondents)} respondents), {len(table)} decisions written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
