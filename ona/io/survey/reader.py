"""Reading a survey export into an :class:`~ona.model.OrgNetwork`, with a report of everything doubtful.

The steps, each leaving a line in the report for whatever it drops or doubts:

1. read the file (CSV in any common delimiter and encoding, or XLSX) and
   recognise the platform;
2. leave out preview and test responses;
3. decide what each question asks (:mod:`ona.io.survey.questions`);
4. identify each respondent by id or e-mail, by name only if needed;
5. keep the latest submission per person, by the parsed submission time;
6. match every name typed or chosen to the roster
   (:mod:`ona.io.survey.matching`), applying the caller's decisions first;
7. weight ties by the frequency answers, leave out self-nominations and merge
   duplicates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ona.io.files import MAX_BYTES, RawTable, Source, read_tables
from ona.exceptions import SurveyFormatError
from ona.model import OrgNetwork
from ona.report import IngestReport, Issue
from ona.io.roster import Roster, read_roster
from ona.io.survey.detect import detect_platform, parser_for, platform_key
from ona.io.survey.export import Column, ParsedExport, short
from ona.io.survey.matching import NameMatch, NameMatcher, Resolutions, split_names
from ona.io.survey.questions import GroupIndex, QuestionPlan, is_tick, plan_questions, scale_value
from ona.io.ties import clean_ties
from ona.io.kit.conditions import ITEM_CONDITION
from ona.io.kit.recognise import (
    CONDITION_COLUMNS,
    conditions_item,
    is_perceived,
    split_perceived,
    valid_score,
)

__all__ = ["MAX_ROWS", "read_survey", "survey_network"]

_OTHER = re.compile(r"(?i)\s*(?:other|anders|overig|andere|iemand anders|someone else)\b.*")

#: Most responses a single export may hold (a clear message instead of a long wait).
MAX_ROWS = 100_000


def read_survey(
    source: Source,
    roster: Roster | Source | pd.DataFrame,
    *,
    platform: str | None = None,
    relations: Mapping[str, str | None] | None = None,
    resolutions: Mapping[object, str | None] | None = None,
    wave: str | None = None,
    name: str | None = None,
    filename: str | None = None,
    sheet: str | int | None = None,
    max_rows: int = MAX_ROWS,
    max_bytes: int = MAX_BYTES,
) -> OrgNetwork:
    """Read a raw survey export, exactly as the platform produced it, into a network.

    Supported: Microsoft Forms (XLSX, or re-saved by Excel as CSV), Qualtrics,
    Google Forms, LimeSurvey and SurveyMonkey exports, and any table with one
    header row of question texts. The platform is recognised from the header
    rows unless `platform` says otherwise.

    Parameters
    ----------
    source : path, bytes or file object
        The export (CSV or XLSX).
    roster : Roster, path, bytes, file object or DataFrame
        Everyone who could be named; see :func:`ona.read_roster`.
    platform : str, optional
        Override detection: ``"msforms"``, ``"qualtrics"``, ``"googleforms"``,
        ``"limesurvey"``, ``"surveymonkey"`` or ``"generic"``.
    relations : mapping, optional
        Column code or piece of question text -> relation name, e.g.
        ``{"gevoelige werkkwestie": "trust"}``; None or ``"-"`` ignores a
        question. Questions not mapped are recognised from their text.
    resolutions : mapping, optional
        Decisions on names: the name as written (or a ``(respondent id, name)``
        tuple) -> a roster id or e-mail, or None for "not on the roster". See
        :func:`ona.io.survey.read_resolutions`.
    wave, name : str, optional
        Wave label and display name of the network.
    filename : str, optional
        Display name of `source` when it is bytes or an upload.
    sheet : str or int, optional
        The workbook sheet holding the responses (default: the first sheet
        that looks like an export).
    max_rows : int, optional
        Most responses accepted.
    max_bytes : int, optional
        Largest file accepted (default :data:`ona.io.files.MAX_BYTES`).

    Returns
    -------
    OrgNetwork
        Respondents are the matched respondents; ``net.group_ties`` holds
        department-level answers (respondent, group, relation, weight);
        ``net.report`` lists every dropped or doubtful item, and its
        ``details`` hold the platform, the questions with their relations,
        the names to review and the unmatched names.

    Raises
    ------
    SurveyFormatError
        If it cannot tell which question is which relation (the message lists
        the questions and how to map them), if no question asks about people,
        if the export has more than `max_rows` responses, or if a decision
        names someone not on the roster.
    FileFormatError, RosterError
        If a file cannot be read or is larger than `max_bytes`.

    Examples
    --------
    >>> roster = b"id,naam,e-mail,afdeling\\nE1,Ana de Vries,ana@x.nl,HR\\nE2,Bo Jansen,bo@x.nl,IT\\n"
    >>> export = (b"Tijdstempel,E-mailadres,Bij wie ga je voor advies over je werk?\\n"
    ...           b"4-3-2025 9:15:22,ana@x.nl,bo jansen\\n5-3-2025 10:00:00,bo@x.nl,\\"Vries, Ana de\\"\\n")
    >>> net = read_survey(export, roster)
    >>> net.report.input_format, sorted(net.ties[["source", "target"]].itertuples(index=False, name=None))
    ('Google Forms', [('E1', 'E2'), ('E2', 'E1')])
    """
    if not isinstance(roster, Roster):
        roster = read_roster(roster)
    tables = [t for t in read_tables(source, filename, max_bytes=max_bytes) if len(t.cells)]
    table, key = _choose_table(tables, sheet, platform)
    export = parser_for(key)(table)
    if len(export.data) > max_rows:
        raise SurveyFormatError(
            f"the export has {len(export.data):,} rows, more than the limit of {max_rows:,} responses",
            file=table.filename,
            fix="Split the export, or pass a higher max_rows if your machine can handle it",
        )
    if not len(export.columns):
        raise SurveyFormatError(
            f"the {export.platform} export has no question columns",
            file=export.file,
            fix="Export the responses with the questions included",
        )
    return survey_network(export, roster, relations=relations, resolutions=resolutions, wave=wave, name=name)


def _choose_table(tables: list[RawTable], sheet: str | int | None, platform: str | None) -> tuple[RawTable, str]:
    if not tables:
        raise SurveyFormatError("the file holds no data")
    if sheet is not None:
        chosen = [t for i, t in enumerate(tables) if t.name == sheet or i == sheet]
        if not chosen:
            names = ", ".join(repr(t.name) for t in tables)
            raise SurveyFormatError(f"the workbook has no sheet {sheet!r} (it has {names})",
                                    file=tables[0].filename, fix="Name one of those sheets")
        tables = chosen
    if platform is not None:
        return tables[0], platform_key(platform)
    for table in tables:
        key = detect_platform(table)
        if key is not None:
            return table, key
    return tables[0], "generic"


# -- building the network ---------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    row: int
    respondent: str
    relation: str
    text: str
    column: Column
    weight: float | None  # None: take it from a partner scale (or 1)
    slot: int | None = None


def survey_network(
    export: ParsedExport,
    roster: Roster,
    *,
    relations: Mapping[str, str | None] | None = None,
    resolutions: Mapping[object, str | None] | None = None,
    wave: str | None = None,
    name: str | None = None,
) -> OrgNetwork:
    """Turn a parsed export into a network (the second half of :func:`read_survey`)."""
    builder = _Builder(export, roster, Resolutions(resolutions))
    return builder.build(relations, wave=wave, name=name)


class _Builder:
    def __init__(self, export: ParsedExport, roster: Roster, resolutions: Resolutions) -> None:
        self.export = export
        self.roster = roster
        self.frame = roster.frame
        self.matcher = NameMatcher(self.frame)
        self.groups = GroupIndex(self.frame)
        self.resolutions = resolutions
        self.issues: list[Issue] = []
        self.review: list[dict[str, object]] = []
        self.unmatched: list[dict[str, object]] = []
        self.file = export.file
        self.conditions: list[tuple[str, str, str, str, float]] = []

    def issue(self, kind: str, message: str, row: int | None = None, column: str | None = None,
              value: str | None = None, **data: object) -> None:
        self.issues.append(Issue(kind, message, self.file, row, column, value, dict(data)))

    # -- the steps ----------------------------------------------------------------------

    def build(self, relations: Mapping[str, str | None] | None, *, wave: str | None, name: str | None) -> OrgNetwork:
        export = self.export
        rows = self._drop_previews()
        plans = plan_questions(export, self.matcher, self.groups, relations, rows=rows)
        for plan in plans:
            if plan.kind in ("other", "ignored"):
                self.issue("unmapped_question", f"the question {short(plan.display, 70)!r} is not used: {plan.note}",
                           None, plan.columns[0].where)
        identified = self._identify(rows, [p for p in plans if p.kind == "respondent"])
        kept = self._latest_submissions(identified)
        for row in kept:
            if not bool(export.finished.loc[row]):  # type: ignore[union-attr]
                self.issue("incomplete_response", f"{self._who(kept[row])} did not finish the survey; the answers "
                           "given are used", row)
        mentions, group_rows = self._collect(plans, kept)
        group_frame = self._merge_group_answers(group_rows)
        ties = self._match(mentions)
        clean, tie_issues = clean_ties(ties)
        clean, perceived = split_perceived(clean)  # the kit's perception answers are not ties (ona.io.kit)
        person_relations = [p.relation for p in plans
                            if p.kind in ("names", "people", "person_scale") and p.relation
                            and not is_perceived(p.relation)]
        report = IngestReport(
            sources=(self.roster.source, export.file),
            input_format=export.platform,
            issues=tuple(self.roster.issues) + tuple(self.issues) + tuple(tie_issues),
            rows_read=len(export.data),
            details={
                "platform": export.platform,
                "questions": [p.describe() for p in plans],
                "review": self.review,
                "unmatched": self.unmatched,
                "notes": list(export.notes),
                "responses": {"rows": len(export.data), "used": len(kept)},
            },
        )
        return OrgNetwork(
            self.frame.drop(columns=["responded"], errors="ignore"),
            clean[["source", "target", "relation", "weight"]],
            relations=tuple(dict.fromkeys(person_relations)),
            respondents=frozenset(kept.values()),
            wave=wave,
            name=name,
            report=report,
            group_ties=group_frame if len(group_frame) or any(
                p.kind in ("groups", "group_scale") for p in plans) else None,
            perceived_ties=perceived if any(is_perceived(p.relation) for p in plans) else None,
            conditions=self._conditions_frame() if any(p.kind == "conditions" for p in plans) else None,
        )

    def _conditions_frame(self) -> pd.DataFrame:
        """The five-conditions answers (:data:`~ona.io.kit.recognise.CONDITION_COLUMNS`), one per statement."""
        frame = pd.DataFrame(self.conditions, columns=list(CONDITION_COLUMNS))
        frame["score"] = frame["score"].astype(float)
        return frame

    def _merge_group_answers(self, rows: list[tuple[str, str, str, float, int, str]]) -> pd.DataFrame:
        """Group-level answers; two answers about the same department and relation keep the highest."""
        frame = pd.DataFrame(rows, columns=["respondent", "group", "relation", "weight", "row", "column"])
        frame["weight"] = frame["weight"].astype(float)
        frame = frame.sort_values("weight", ascending=False, kind="stable")
        dup = frame.duplicated(["respondent", "group", "relation"], keep="first")
        for r in frame.loc[dup].itertuples(index=False):
            self.issue("duplicate_tie", f"{r.respondent} answered about {r.group} ({r.relation}) in more than one "
                       "question; merged, keeping the highest weight", int(r.row), r.column)
        frame = frame.loc[~dup].sort_index(kind="stable")
        return frame[["respondent", "group", "relation", "weight"]].reset_index(drop=True)

    def _drop_previews(self) -> pd.Index:
        export = self.export
        preview = export.preview.astype(bool)  # type: ignore[union-attr]
        for row in export.data.index[preview]:
            self.issue("preview_response", "a preview or test response of the survey; not used", int(row))
        return export.data.index[~preview]

    def _identify(self, rows: pd.Index, own: list[QuestionPlan]) -> dict[int, str]:
        """Row -> respondent id, by id, e-mail, then name; unknown respondents reported."""
        export = self.export
        by_field = {p.respondent_field: p.columns[0] for p in own}
        found: dict[int, str] = {}
        for row in rows:
            tried: list[str] = []
            pid: str | None = None
            for series in (export.person_id, export.email):
                value = _cell(series, row)
                if value:
                    tried.append(value)
                    pid = pid or self.matcher.lookup(value)
            for fieldname in ("id", "email"):
                if pid is None and fieldname in by_field:
                    value = str(export.data.at[row, by_field[fieldname].position]).strip()
                    if value:
                        tried.append(value)
                        pid = self.matcher.lookup(value)
            names = [_cell(export.name, row)]
            if "name" in by_field:
                names.append(str(export.data.at[row, by_field["name"].position]).strip())
            review: NameMatch | None = None
            for written in (n for n in names if n):
                if pid is not None:
                    break
                tried.append(written)
                decided, value = self.resolutions.get(written, None)
                if decided:
                    if value is not None:
                        pid = self._decision(written, value)
                        self.issue("resolved", f"respondent {written!r} taken as {self.matcher.describe(pid)} "
                                   "(your decision)", int(row), None, written)
                    continue
                match = self.matcher.match(written)
                if match.status == "matched":
                    pid = match.person
                    if match.approximate:
                        self.issue("fuzzy_match", f"respondent {written!r} taken as {self.matcher.describe(pid)} "
                                   f"({match.method}, score {match.score:.0f})", int(row), None, written)
                elif match.status == "review" and review is None:
                    review = match
            if pid is not None:
                found[int(row)] = pid
                continue
            if not tried:
                self.issue("unknown_respondent", "the response has no e-mail, id or name of the respondent; its "
                           "answers are not used. Collect e-mail addresses or ask for the respondent's name",
                           int(row))
                continue
            shown = ", ".join(repr(t) for t in dict.fromkeys(tried))
            if review is not None:
                self._add_review(review, "(respondent)", int(row), None, None)
                self.issue("unknown_respondent", f"the respondent {shown} fits several people on the roster; "
                           "the answers are not used until you decide who it is (see the review list)",
                           int(row), None, review.text)
            else:
                self.issue("unknown_respondent", f"the respondent {shown} is not on the roster; the answers are "
                           "not used. Add them to the roster or correct the e-mail", int(row), None, tried[0])
        return found

    def _latest_submissions(self, identified: dict[int, str]) -> dict[int, str]:
        """Row -> respondent for the latest submission of each person (by parsed time, then row)."""
        submitted = self.export.submitted
        by_person: dict[str, list[int]] = defaultdict(list)
        for row, pid in identified.items():
            by_person[pid].append(row)
        kept: dict[int, str] = {}
        for pid, person_rows in by_person.items():
            def order(r: int) -> tuple[int, pd.Timestamp, int]:
                t = submitted.loc[r]
                return (0, pd.Timestamp.min, r) if pd.isna(t) else (1, t, r)

            ranked = sorted(person_rows, key=order)
            latest = ranked[-1]
            kept[latest] = pid
            for row in ranked[:-1]:
                when = submitted.loc[row]
                latest_when = submitted.loc[latest]
                self.issue(
                    "duplicate_submission",
                    f"{self._who(pid)} submitted more than once; this submission"
                    + (f" of {when:%Y-%m-%d %H:%M}" if pd.notna(when) else "")
                    + f" is replaced by the later one in row {latest}"
                    + (f" ({latest_when:%Y-%m-%d %H:%M})" if pd.notna(latest_when) else ""),
                    row, None, pid,
                )
        return dict(sorted(kept.items()))

    def _who(self, pid: str) -> str:
        name = self.matcher.name_of(pid)
        return f"{pid} ({name})" if name != pid else pid

    # -- answers ------------------------------------------------------------------------

    def _collect(self, plans: list[QuestionPlan], kept: dict[int, str]) -> tuple[list[_Mention], list[tuple]]:
        data = self.export.data
        mentions: list[_Mention] = []
        groups: list[tuple[str, str, str, float, int, str]] = []
        partner: dict[tuple[str, int, int], tuple[str, float | None, str, str]] = {}
        asked: dict[str, list[QuestionPlan]] = defaultdict(list)
        for plan in plans:
            if plan.kind in ("names", "people", "person_scale") and plan.relation and not is_perceived(plan.relation):
                asked[plan.relation].append(plan)
        for plan in plans:
            if plan.kind == "conditions":
                for row, pid in kept.items():
                    self._condition_answers(plan, row, pid)
            relation = plan.relation
            if relation is None:
                continue
            for row, pid in kept.items():
                if plan.kind == "names":
                    for column in plan.columns:
                        cell = str(data.at[row, column.position]).strip()
                        for text in split_names(cell, self.matcher) if cell else []:
                            mentions.append(_Mention(row, pid, relation, text, column, None,
                                                     plan.slots.get(column.position)))
                elif plan.kind == "people":
                    for column in plan.columns:
                        cell = str(data.at[row, column.position]).strip()
                        if not cell:
                            continue
                        if plan.separator:
                            for option in (o.strip() for o in cell.split(plan.separator) if o.strip()):
                                mentions.append(_Mention(row, pid, relation, option, column, 1.0))
                        elif is_tick(cell, column.label) and _OTHER.fullmatch(column.label):
                            self._other_ticked(plan, row, column, cell)
                        elif is_tick(cell, column.label):
                            mentions.append(_Mention(row, pid, relation, column.label, column, 1.0))
                elif plan.kind == "person_scale":
                    for column in plan.columns:
                        weight = self._scale(data.at[row, column.position], row, column)
                        if weight:
                            mentions.append(_Mention(row, pid, relation, column.label, column, weight))
                elif plan.kind == "partner_scale":
                    for column in plan.columns:
                        raw = str(data.at[row, column.position]).strip()
                        status, value = scale_value(raw)
                        partner[(relation, plan.slots[column.position], row)] = (status, value, raw, column.where)
                elif plan.kind == "groups":
                    for column in plan.columns:
                        cell = str(data.at[row, column.position]).strip()
                        if not cell:
                            continue
                        if plan.separator:
                            for option in (o.strip() for o in cell.split(plan.separator) if o.strip()):
                                group = self.groups.exact(option)
                                if group is None:
                                    self.issue("other", f"{option!r} is not a department or team on the roster; "
                                               "left out", row, column.where, option)
                                else:
                                    groups.append((pid, group, relation, 1.0, row, column.where))
                        elif is_tick(cell, column.label):
                            groups.append((pid, plan.groups[column.position], relation, 1.0, row, column.where))
                elif plan.kind == "group_scale":
                    for column in plan.columns:
                        weight = self._scale(data.at[row, column.position], row, column, keep_zero=True)
                        if weight is not None:
                            groups.append((pid, plan.groups[column.position], relation, float(weight), row, column.where))
        mentions = self._weigh(mentions, partner)
        self._report_empty(asked, kept, mentions)
        return mentions, groups

    def _condition_answers(self, plan: QuestionPlan, row: int, pid: str) -> None:
        """One respondent's agreement scores on a five-conditions grid (the survey kit's statements)."""
        for column in plan.columns:
            collaboration, item = conditions_item(column.text, column.label, column.header)  # type: ignore[misc]
            score = self._scale(self.export.data.at[row, column.position], row, column)
            if score is None:
                continue
            if not valid_score(score):
                self.issue("invalid_weight", f"{score:g} is not on the 1-5 agreement scale; left out",
                           row, column.where, str(score))
            elif not collaboration:
                self.issue("unmapped_question", "the statement's collaboration is not named in the export; add the "
                           "survey's structure file", row, column.where)
            else:
                self.conditions.append((pid, collaboration, ITEM_CONDITION[item], item, float(score)))

    def _other_ticked(self, plan: QuestionPlan, row: int, column: Column, cell: str) -> None:
        """'Other, namely' ticked: its name is in the question's text column; say so if that is empty."""
        texts = [c for c in self.export.columns if c.other and c.question == plan.key]
        if not any(str(self.export.data.at[row, c.position]).strip() for c in texts):
            self.issue("empty_answer", f"{column.label!r} is ticked but no name was typed; no tie made",
                       row, column.where, cell)

    def _scale(self, value: object, row: int, column: Column, *, keep_zero: bool = False) -> float | None:
        raw = str(value).strip()
        status, weight = scale_value(raw)
        if status == "value":
            if weight is not None and weight < 0:
                self.issue("invalid_weight", f"{raw!r} is negative; left out", row, column.where, raw)
                return None
            return weight if (keep_zero or weight) else None
        if status == "na":
            self.issue("not_applicable", f"{raw!r} for {short(column.label or column.text, 40)!r}; not used",
                       row, column.where, raw)
        elif status == "unknown":
            self.issue("invalid_weight", f"{raw!r} is not a frequency or scale answer ona knows; left out. "
                       "Use e.g. Nooit/Maandelijks/Wekelijks/Dagelijks or numbers", row, column.where, raw)
        return None

    def _weigh(self, mentions: list[_Mention],
               partner: dict[tuple[str, int, int], tuple[str, float | None, str, str]]) -> list[_Mention]:
        """Give named people the weight of the matching frequency answer (box n -> frequency n)."""
        scaled = {relation for relation, _, _ in partner}
        out: list[_Mention] = []
        used: set[tuple[str, int, int]] = set()
        for m in mentions:
            if m.weight is not None or m.relation not in scaled or m.slot is None:
                out.append(m if m.weight is not None else _with_weight(m, 1.0))
                continue
            key = (m.relation, m.slot, m.row)
            used.add(key)
            status, value, raw, where = partner.get(key, ("empty", None, "", ""))
            if status == "value" and value is not None and value > 0:
                out.append(_with_weight(m, value))
            elif status == "value":
                self.issue("zero_weight", f"{m.text!r} is named for {m.relation} but the frequency is {raw!r}; "
                           "no tie made", m.row, where or m.column.where, m.text)
            else:
                what = {"empty": "no frequency was given", "na": f"the frequency is {raw!r}",
                        "unknown": f"the frequency {raw!r} is not on the scale"}[status]
                self.issue("missing_weight", f"{m.text!r} is named for {m.relation} but {what}; weight 1 used",
                           m.row, where or m.column.where, m.text)
                out.append(_with_weight(m, 1.0))
        for key, (status, _, raw, where) in partner.items():
            if key not in used and status in ("value", "na", "unknown") and raw:
                relation, slot, row = key
                self.issue("empty_answer", f"a frequency ({raw!r}) is given for person {slot} but no name was "
                           f"typed in box {slot} ({relation}); not used", row, where, raw)
        return out

    def _report_empty(self, asked: dict[str, list[QuestionPlan]], kept: dict[int, str],
                      mentions: list[_Mention]) -> None:
        answered = {(m.row, m.relation) for m in mentions}
        for relation in asked:
            for row, pid in kept.items():
                if (row, relation) not in answered:
                    self.issue("empty_answer", f"{self._who(pid)} named nobody for {relation}", row, None, pid)

    # -- names --------------------------------------------------------------------------

    def _match(self, mentions: list[_Mention]) -> pd.DataFrame:
        records = []
        for m in mentions:
            decided, value = self.resolutions.get(m.text, m.respondent)
            if decided:
                target = self._resolved(m.text, value, m.row, m.column.where, m.respondent, m.relation)
            else:
                match = self.matcher.match(m.text)
                target = match.person if match.status == "matched" else None
                if match.status == "review":
                    self._add_review(match, m.respondent, m.row, m.column.where, m.relation)
                    self.issue("needs_review", f"{m.text!r} ({m.relation}, named by {self._who(m.respondent)}) "
                               f"could be {_candidates(match)}; no tie until you decide", m.row,
                               m.column.where, m.text, candidates=list(match.candidates))
                elif match.status == "unmatched":
                    self._add_unmatched(m, match)
                elif match.approximate:
                    self.issue("fuzzy_match", f"{m.text!r} taken as {self.matcher.describe(target)} "  # type: ignore[arg-type]
                               f"({match.method}, score {match.score:.0f})", m.row, m.column.where, m.text)
            if target is not None:
                records.append((m.respondent, target, m.relation, float(m.weight or 1.0), self.file, m.row,
                                m.column.where))
        return pd.DataFrame(records, columns=["source", "target", "relation", "weight", "file", "row", "column"])

    def _resolved(self, text: str, value: str | None, row: int, column: str | None, respondent: str | None = None,
                  relation: str | None = None) -> str | None:
        if value is None:
            self.unmatched.append({"name": text, "mentioned_by": respondent, "relation": relation,
                                   "file": self.file, "row": row, "column": column, "decided": True,
                                   "suggestions": []})
            self.issue("unmatched_name", f"{text!r} is not on the roster (your decision); no tie made",
                       row, column, text)
            return None
        pid = self._decision(text, value)
        self.issue("resolved", f"{text!r} taken as {self.matcher.describe(pid)} (your decision)", row, column, text)
        return pid

    def _decision(self, text: str, value: str) -> str:
        """The roster id a decision names; a decision naming nobody on the roster is an error."""
        pid = self.matcher.lookup(value)
        if pid is None:
            raise SurveyFormatError(
                f"the decision for {text!r} names {value!r}, which is not an id or e-mail on the roster",
                fix="Correct the id in your resolutions (write '-' for someone not on the roster)",
            )
        return pid

    def _add_review(self, match: NameMatch, respondent: str | None, row: int, column: str | None,
                    relation: str | None) -> None:
        self.review.append({
            "name": match.text,
            "mentioned_by": respondent,
            "relation": relation,
            "candidates": list(match.candidates),
            "file": self.file,
            "row": row,
            "column": column,
        })

    def _add_unmatched(self, m: _Mention, match: NameMatch) -> None:
        self.unmatched.append({
            "name": m.text, "mentioned_by": m.respondent, "relation": m.relation, "file": self.file,
            "row": m.row, "column": m.column.where, "decided": False, "suggestions": list(match.candidates),
        })
        hint = f"; closest: {_candidates(match)}" if match.candidates else ""
        self.issue("unmatched_name", f"{m.text!r} ({m.relation}, named by {self._who(m.respondent)}) is not on the "
                   f"roster{hint}; no tie made", m.row, m.column.where, m.text)


def _with_weight(m: _Mention, weight: float) -> _Mention:
    return _Mention(m.row, m.respondent, m.relation, m.text, m.column, weight, m.slot)


def _candidates(match: NameMatch) -> str:
    return " or ".join(f"{pid} {label} [{score:.0f}]" for pid, label, score in match.candidates[:5])


def _cell(series: pd.Series | None, row: int) -> str:
    if series is None:
        return ""
    value = series.loc[row]
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()

