"""Exports of a survey built with ona's kit, as each platform would write them (test support, not ona code).

Each function takes the kit's :class:`~ona.io.kit.questionnaire.Questionnaire` and the answers, and returns the
bytes of the file HR would download:

* Microsoft Forms: the Excel download (Dutch or English UI); a multiple-answer choice holds ``A;B;``, a long
  text the typed lines, a Likert statement a column headed by the statement alone;
* Google Forms: the Sheets CSV download; checkboxes joined by ``", "``, grids headed ``Question [Row]``;
* LimeSurvey: "Export responses" as CSV with full question texts and full answers (``Ja``/``Yes`` under
  ``Question [Option]``), tab-separated;
* Qualtrics: the CSV download with three header rows and "Use choice text";
* SurveyMonkey: "All responses data", expanded columns, as CSV: a question's text over the first column of its
  block, the options (checkboxes) or statements (matrix) in the second row, ``Open-Ended Response`` under a comment
  box; a ticked option holds its own text, a matrix row the chosen column's label; who answered is in
  ``Email Address`` (the e-mail invitation collector), the English or Dutch UI's headings.

Answers are ``{respondent id: {question code: value}}``: a list of person ids (people questions), a list of group
labels (groups) or ``{item code: score 1-5}`` (conditions).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pandas as pd
from openpyxl import Workbook

from ona.io.kit.guides import statement_label
from ona.io.kit.questionnaire import KitQuestion, Questionnaire

Answers = dict[str, dict[str, object]]


def _label_of(q: Questionnaire) -> dict[str, str]:
    return {o.code: o.label for o in q.people}


def _code_of_person(q: Questionnaire, roster: pd.DataFrame) -> dict[str, str]:
    """Person id -> option code (the kit uses ids as codes when it can, else P0001...)."""
    ids = [str(i) for i in roster.index]
    codes = {o.code for o in q.people}
    if set(ids) <= codes:
        return {i: i for i in ids}
    return {i: f"P{n:04d}" for n, i in enumerate(ids, start=1)}


def _people_cell(q: Questionnaire, question: KitQuestion, ids: list[str], roster: pd.DataFrame, sep: str) -> str:
    if question.free_text:
        return "\n".join(str(roster.at[i, "name"]) for i in ids)
    code = _code_of_person(q, roster)
    label = _label_of(q)
    return sep.join(label[code[i]] for i in ids)


def _times(n: int) -> list[datetime]:
    start = datetime(2026, 3, 2, 9, 0, 0)
    return [start + timedelta(hours=5 * k, minutes=7 * k % 60) for k in range(n)]


def _csv(rows: list[list[object]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def msforms(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    dutch = q.lang == "nl"
    header = (["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam"] if dutch
              else ["ID", "Start time", "Completion time", "Email", "Name"])
    asked = [x for x in q.questions if x.kind != "email"]
    for question in asked:
        if question.kind == "conditions":
            header += [statement_label(question, o.label, "msforms") for o in question.options]
        else:
            header.append(question.text)
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for n, (pid, given) in enumerate(answers.items(), start=1):
        done = _times(len(answers))[n - 1]
        row: list[object] = [n, done - timedelta(minutes=9), done, roster.at[pid, "email"], roster.at[pid, "name"]]
        for question in asked:
            value = given.get(question.code)
            if question.kind == "conditions":
                scores = value or {}
                row += [question.scale[int(scores[o.code]) - 1] if o.code in scores else None
                        for o in question.options]
            elif question.kind == "groups":
                row.append("".join(f"{g};" for g in value or []) or None)
            else:
                cell = _people_cell(q, question, list(value or []), roster, ";")
                row.append((cell + (";" if cell and not question.free_text else "")) or None)
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def googleforms(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    dutch = q.lang == "nl"
    header = ["Tijdstempel" if dutch else "Timestamp", "E-mailadres" if dutch else "Email Address"]
    asked = [x for x in q.questions if x.kind != "email"]
    for question in asked:
        if question.kind == "conditions":
            header += [f"{question.text} [{o.label}]" for o in question.options]
        else:
            header.append(question.text)
    rows: list[list[object]] = [header]
    for (pid, given), done in zip(answers.items(), _times(len(answers))):
        stamp = f"{done.day}-{done.month}-{done.year} {done:%H:%M:%S}" if dutch else f"{done:%m/%d/%Y %H:%M:%S}"
        row: list[object] = [stamp, roster.at[pid, "email"]]
        for question in asked:
            value = given.get(question.code)
            if question.kind == "conditions":
                scores = value or {}
                row += [question.scale[int(scores[o.code]) - 1] if o.code in scores else "" for o in question.options]
            elif question.kind == "groups":
                row.append(", ".join(value or []))
            else:
                row.append(_people_cell(q, question, list(value or []), roster, ", "))
        rows.append(row)
    return _csv(rows)


def limesurvey(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    yes = "Ja" if q.lang == "nl" else "Yes"
    header = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started",
              "Date last action"]
    columns: list[tuple[KitQuestion, str | None]] = []
    for question in q.questions:
        if question.kind == "email" or (question.kind == "people" and question.free_text):
            header.append(question.text)
            columns.append((question, None))
        else:
            for option in question.options:
                header.append(f"{question.text} [{option.label}]")
                columns.append((question, option.code))
    rows: list[list[object]] = [header]
    groups = {o.label: o.code for o in q.groups}
    for n, ((pid, given), done) in enumerate(zip(answers.items(), _times(len(answers))), start=1):
        row: list[object] = [n, f"{done:%Y-%m-%d %H:%M:%S}", len(q.sections()), q.lang, 1000 + n,
                             f"{done - timedelta(minutes=9):%Y-%m-%d %H:%M:%S}", f"{done:%Y-%m-%d %H:%M:%S}"]
        code = _code_of_person(q, roster)
        for question, option in columns:
            value = given.get(question.code)
            if question.kind == "email":
                row.append(roster.at[pid, "email"])
            elif option is None:
                row.append(_people_cell(q, question, list(value or []), roster, "\n"))
            elif question.kind == "conditions":
                scores = value or {}
                row.append(question.scale[int(scores[option]) - 1] if option in scores else "")
            elif question.kind == "groups":
                row.append(yes if option in {groups[g] for g in value or []} else "")
            else:
                row.append(yes if option in {code[i] for i in value or []} else "")
        rows.append(row)
    return _csv(rows, delimiter="\t")


def qualtrics(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    meta = [("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}'),
            ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Amsterdam"}'),
            ("Status", "Response Type", '{"ImportId":"status"}'),
            ("Progress", "Progress", '{"ImportId":"progress"}'),
            ("Finished", "Finished", '{"ImportId":"finished"}'),
            ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Amsterdam"}'),
            ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
            ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
            ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}')]
    codes = [m[0] for m in meta]
    texts = [m[1] for m in meta]
    imports = [m[2] for m in meta]
    columns: list[tuple[KitQuestion, int | None]] = []
    for number, question in enumerate(q.questions, start=2):
        if question.kind == "email" or (question.kind == "people" and question.free_text):
            codes.append(question.code)
            texts.append(question.text)
            imports.append(f'{{"ImportId":"QID{number}_TEXT"}}')
            columns.append((question, None))
        else:
            for i, option in enumerate(question.options, start=1):
                codes.append(f"{question.code}_{i}")
                texts.append(f"{question.text} - {option.label}")
                imports.append(f'{{"ImportId":"QID{number}_{i}"}}')
                columns.append((question, i))
    rows: list[list[object]] = [codes, texts, imports]
    groups = [o.label for o in q.groups]
    for n, ((pid, given), done) in enumerate(zip(answers.items(), _times(len(answers))), start=1):
        stamp = f"{done:%Y-%m-%d %H:%M:%S}"
        row: list[object] = [stamp, stamp, "IP Address", 100, "True", stamp, f"R_{n:015d}", "anonymous",
                             q.lang.upper()]
        code = _code_of_person(q, roster)
        for question, index in columns:
            value = given.get(question.code)
            if question.kind == "email":
                row.append(roster.at[pid, "email"])
            elif index is None:
                row.append(_people_cell(q, question, list(value or []), roster, "\n"))
            else:
                option = question.options[index - 1]
                if question.kind == "conditions":
                    scores = value or {}
                    row.append(question.scale[int(scores[option.code]) - 1] if option.code in scores else "")
                elif question.kind == "groups":
                    row.append(option.label if option.label in set(value or []) & set(groups) else "")
                else:
                    row.append(option.label if option.code in {code[i] for i in value or []} else "")
        rows.append(row)
    return b"\xef\xbb\xbf" + _csv(rows)


def surveymonkey(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    dutch = q.lang == "nl"
    meta = (["Respondentnummer", "Collectornummer", "Begindatum", "Einddatum", "IP-adres", "E-mailadres",
             "Voornaam", "Achternaam", "Aangepaste gegevens 1"] if dutch else
            ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
             "Last Name", "Custom Data 1"])
    top, second = list(meta), [""] * len(meta)
    asked = [x for x in q.questions if x.kind != "email"]
    for question in asked:
        if question.free_text:
            top.append(question.text)
            second.append("Open antwoord" if dutch else "Open-Ended Response")
        else:
            top += [question.text] + [""] * (len(question.options) - 1)
            second += [o.label for o in question.options]
    rows: list[list[object]] = [top, second]
    code = _code_of_person(q, roster)
    for n, ((pid, given), done) in enumerate(zip(answers.items(), _times(len(answers))), start=1):
        name = str(roster.at[pid, "name"]).split(" ", 1)
        row: list[object] = [114000000000 + 7919 * n, 431234567, f"{done - timedelta(minutes=6):%m/%d/%Y %I:%M:%S %p}",
                             f"{done:%m/%d/%Y %I:%M:%S %p}", f"145.12.1.{n}", roster.at[pid, "email"], name[0],
                             name[-1], ""]
        for question in asked:
            value = given.get(question.code)
            if question.free_text:
                row.append(_people_cell(q, question, list(value or []), roster, "\n"))
            elif question.kind == "conditions":
                scores = value or {}
                row += [question.scale[int(scores[o.code]) - 1] if o.code in scores else "" for o in question.options]
            elif question.kind == "groups":
                row += [o.label if o.label in set(value or []) else "" for o in question.options]
            else:
                ticked = {code[i] for i in value or []}
                row += [o.label if o.code in ticked else "" for o in question.options]
        rows.append(row)
    return _csv(rows)


PLATFORMS = {"msforms": (msforms, "kit.xlsx"), "googleforms": (googleforms, "kit.csv"),
             "limesurvey": (limesurvey, "kit.csv"), "qualtrics": (qualtrics, "kit.csv"),
             "surveymonkey": (surveymonkey, "kit.csv")}


def limesurvey_codes(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    """LimeSurvey's default export: question codes as headings (``advice[E001]``) and answer codes (``Y``, ``A4``)."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    columns: list[tuple[KitQuestion, str | None]] = []
    for question in q.questions:
        if question.kind == "email" or (question.kind == "people" and question.free_text):
            header.append(question.code)
            columns.append((question, None))
        else:
            for option in question.options:
                header.append(f"{question.code}[{option.code}]")
                columns.append((question, option.code))
    rows: list[list[object]] = [header]
    groups = {o.label: o.code for o in q.groups}
    for n, ((pid, given), done) in enumerate(zip(answers.items(), _times(len(answers))), start=1):
        stamp = f"{done:%Y-%m-%d %H:%M:%S}"
        row: list[object] = [n, stamp, len(q.sections()), q.lang, 1000 + n, stamp, stamp]
        code = _code_of_person(q, roster)
        for question, option in columns:
            value = given.get(question.code)
            if question.kind == "email":
                row.append(roster.at[pid, "email"])
            elif option is None:
                row.append(_people_cell(q, question, list(value or []), roster, "\n"))
            elif question.kind == "conditions":
                scores = value or {}
                row.append(f"A{int(scores[option])}" if option in scores else "")
            elif question.kind == "groups":
                row.append("Y" if option in {groups[g] for g in value or []} else "")
            else:
                row.append("Y" if option in {code[i] for i in value or []} else "")
        rows.append(row)
    return _csv(rows)


def qualtrics_numeric(q: Questionnaire, roster: pd.DataFrame, answers: Answers) -> bytes:
    """Qualtrics' CSV download with numeric values: a ticked choice is 1, a scale point its recode value."""
    text = qualtrics(q, roster, answers).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    codes = table[0]
    out = table[:3]
    by_code = {x.code: x for x in q.questions}
    for row in table[3:]:
        new = []
        for header, cell in zip(codes, row):
            base = header.rsplit("_", 1)[0]
            question = by_code.get(base)
            if question is None or not cell or "_" not in header:
                new.append(cell)
            elif question.kind == "conditions":
                new.append(str(question.scale.index(cell) + 1))
            else:
                new.append("1")
        out.append(new)
    return b"\xef\xbb\xbf" + _csv(out)
