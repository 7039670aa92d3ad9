"""Reading a survey export into an :class:`~ona.model.OrgNetwork`, with a report of everything doubtful.

The steps, each leaving a line in the report for whatever it drops or doubts:

1. read the file (CSV in any common delimiter and encoding, or XLSX) and
   recognise the platform; with the survey's structure file (LimeSurvey
   ``.lss``, Qualtrics ``.qsf``), turn codes into texts and labels;
2. leave out preview and test responses;
3. decide what each question asks (:mod:`ona.io.survey.questions`); a question
   whose relation is unclear is listed as not used, never a reason to stop;
4. identify each respondent by id or e-mail, by name only if needed;
5. keep the latest submission per person, by the parsed submission time;
6. match every name typed or chosen to the roster
   (:mod:`ona.io.survey.matching`), applying the caller's decisions first;
   in a multi-select cell the listed names are split off first and only the
   rest is "other" text;
7. weight ties by the frequency answers ("never" is no tie), leave out
   self-nominations and merge duplicates. The report states every scale's
   mapping from answers to weights.

An export that holds only answer codes (LimeSurvey's default: ``Y`` under
``advies[SQ001]``) is refused without its structure file, with one sentence
saying which export setting to choose or which file to add: it never yields
partial ties.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ona.exceptions import SurveyFormatError
from ona.io.files import MAX_BYTES, RawTable, Source, read_tables
from ona.io.roster import Roster, read_roster
from ona.io.survey import limesurvey, qualtrics
from ona.io.survey.detect import detect_platform, parser_for, platform_key
from ona.io.survey.export import Column, ParsedExport
from ona.io.survey.matching import NameMatch, NameMatcher, Resolutions, split_names, split_options
from ona.io.survey.questions import NETWORK_KINDS, GroupIndex, QuestionPlan, is_tick, plan_questions, scale_value
from ona.io.survey.structure import SurveyStructure, read_structure
from ona.io.kit.conditions import ITEM_CONDITION
from ona.io.kit.recognise import CONDITION_COLUMNS, conditions_item, is_perceived, split_perceived, valid_score
from ona.io.ties import PersonIndex, clean_ties
from ona.model import OrgNetwork
from ona.report import IngestReport, IssueLog

__all__ = ["GROUP_TIE_COLUMNS", "MAX_ROWS", "apply_structure", "read_survey", "survey_network"]

_OTHER_LABEL = ("other", "anders", "overig", "andere", "iemand anders", "someone else")

#: Most responses a single export may hold (a clear message instead of a long wait).
MAX_ROWS = 100_000

#: Columns of ``net.group_ties``: who answered, about which group, the relation, the ordinal weight (0 is
#: "never"), the question (its text) and its purpose (``"perceived"`` or ``"expected"``).
GROUP_TIE_COLUMNS = ("respondent", "group", "relation", "weight", "question", "purpose")


def read_survey(
    source: Source,
    roster: Roster | Source | pd.DataFrame,
    *,
    platform: str | None = None,
    relations: Mapping[str, str | None] | None = None,
    resolutions: Mapping[object, str | None] | None = None,
    structure: SurveyStructure | Source | None = None,
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
        Column code, piece of question text or ``"column:F"`` -> relation
        name, e.g. ``{"gevoelige werkkwestie": "trust"}``; None or ``"-"``
        ignores a question. Questions not mapped are recognised from their text.
    resolutions : mapping, optional
        Decisions on names: the name as written (or a ``(respondent id, name)``
        tuple) -> a roster id or e-mail, or None for "not on the roster". See
        :func:`ona.io.survey.read_resolutions`.
    structure : SurveyStructure, path, bytes or file object, optional
        The survey's structure file (LimeSurvey ``.lss``, Qualtrics ``.qsf``);
        needed for exports that hold codes instead of texts.
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
        group-level answers (:data:`GROUP_TIE_COLUMNS`); ``net.report`` lists
        every dropped or doubtful item, and its ``details`` hold the platform,
        the questions with their relations, the scales, the names to review
        and the unmatched names.

    Raises
    ------
    SurveyFormatError
        If the export has no responses, more than `max_rows` of them, holds
        only codes without its structure file, if no question can be used (the
        error's ``questions`` list them), or if a decision names someone not on
        the roster.
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
    if not len(export.data):
        raise SurveyFormatError(key="ingest.survey.no_responses", fix_key="ingest.survey.no_responses.fix",
                                file=table.filename, values={"platform": export.platform})
    if len(export.data) > max_rows:
        raise SurveyFormatError(key="ingest.survey.too_many_rows", fix_key="ingest.survey.too_many_rows.fix",
                                file=table.filename, values={"rows": len(export.data), "limit": max_rows})
    if not len(export.columns):
        raise SurveyFormatError(key="ingest.survey.no_questions", fix_key="ingest.survey.no_questions.fix",
                                file=export.file, values={"platform": export.platform})
    if structure is not None:
        if not isinstance(structure, SurveyStructure):
            structure = read_structure(structure)
        export = apply_structure(export, structure)
    return survey_network(export, roster, relations=relations, resolutions=resolutions, wave=wave, name=name)


def apply_structure(export: ParsedExport, structure: SurveyStructure) -> ParsedExport:
    """Turn the codes of `export` into texts and labels with the survey's structure file.

    Raises
    ------
    SurveyFormatError
        If the structure file is from another platform than the export.
    """
    if export.platform == limesurvey.PLATFORM and structure.platform == "LimeSurvey":
        return limesurvey.apply_structure(export, structure)
    if export.platform == qualtrics.PLATFORM and structure.platform == "Qualtrics":
        return qualtrics.apply_structure(export, structure)
    raise SurveyFormatError(key="ingest.structure.mismatch", fix_key="ingest.structure.mismatch.fix",
                            file=structure.source, values={"structure": structure.platform,
                                                           "platform": export.platform})


def _choose_table(tables: list[RawTable], sheet: str | int | None, platform: str | None) -> tuple[RawTable, str]:
    if not tables:
        raise SurveyFormatError(key="ingest.survey.no_data")
    if sheet is not None:
        chosen = [t for i, t in enumerate(tables) if t.name == sheet or i == sheet]
        if not chosen:
            names = ", ".join(repr(t.name) for t in tables)
            raise SurveyFormatError(key="ingest.sheet.missing", fix_key="ingest.sheet.missing.fix",
                                    file=tables[0].filename, values={"sheet": str(sheet), "sheets": names})
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
        self.people = PersonIndex(self.frame)
        self.groups = GroupIndex(self.frame)
        self.resolutions = resolutions
        self.file = export.file
        self.log = IssueLog(self.file)
        self.review: list[dict[str, object]] = []
        self.unmatched: list[dict[str, object]] = []
        self.scales: dict[str, dict[str, float | None]] = {}
        self.conditions: list[tuple[str, str, str, str, float]] = []

    def add(self, kind: str, key: str, row: int | None = None, column: str | None = None, cell: object = None,
            **params: object) -> None:
        self.log.add(kind, key, row, column, cell, **params)

    # -- the steps ----------------------------------------------------------------------

    def build(self, relations: Mapping[str, str | None] | None, *, wave: str | None, name: str | None) -> OrgNetwork:
        export = self.export
        self._refuse_codes()
        rows = self._drop_previews()
        plans = plan_questions(export, self.matcher, self.groups, relations, rows=rows)
        for plan in plans:
            if plan.kind in ("other", "ignored") or (plan.kind in NETWORK_KINDS and not plan.relation):
                self.add("unmapped_question", plan.note_key or "ingest.note.not_used", None, plan.columns[0].where,
                         None, question=plan.display)
        identified = self._identify(rows, [p for p in plans if p.kind == "respondent"])
        kept = self._latest_submissions(identified)
        for row in kept:
            if not bool(export.finished.loc[row]):  # type: ignore[union-attr]
                self.add("incomplete_response", "ingest.survey.incomplete", row, who=self._who(kept[row]))
        mentions, group_rows = self._collect(plans, kept)
        group_frame = self._merge_group_answers(group_rows)
        scales = self._report_scales(plans)
        ties = self._match(mentions)
        clean, _ = clean_ties(ties, log=self.log)
        clean, perceived = split_perceived(clean)  # the kit's perception answers are not ties (ona.io.kit)
        person_relations = [p.relation for p in plans
                            if p.kind in ("names", "people", "person_scale") and p.relation
                            and not is_perceived(p.relation)]
        log = IssueLog(self.file)
        log.extend(self.roster.issues)
        for kind, n in self.roster.omitted.items():
            log.count(kind, n)
        log.extend(self.log.issues)
        omitted = dict(log.omitted)
        for kind, n in self.log.omitted.items():
            omitted[kind] = omitted.get(kind, 0) + n
        report = IngestReport(
            sources=(self.roster.source, export.file) + ((export.structure,) if export.structure else ()),
            input_format=export.platform,
            issues=tuple(log.issues),
            rows_read=len(export.data),
            details={
                "platform": export.platform,
                "structure": export.structure,
                "questions": [p.describe() for p in plans],
                "scales": scales,
                "review": self.review,
                "unmatched": self.unmatched,
                "notes": list(export.notes),
                "responses": {"rows": len(export.data), "used": len(kept)},
            },
            omitted=omitted,
        )
        has_groups = any(p.kind in ("groups", "group_scale") and p.relation for p in plans)
        return OrgNetwork(
            self.frame.drop(columns=["responded"], errors="ignore"),
            clean[["source", "target", "relation", "weight"]],
            relations=tuple(dict.fromkeys(person_relations)),
            respondents=frozenset(kept.values()),
            wave=wave,
            name=name,
            report=report,
            group_ties=group_frame if len(group_frame) or has_groups else None,
            perceived_ties=perceived if any(is_perceived(p.relation) for p in plans) else None,
            conditions=self._conditions_frame() if any(p.kind == "conditions" for p in plans) else None,
        )

    def _conditions_frame(self) -> pd.DataFrame:
        """The five-conditions answers (:data:`~ona.io.kit.recognise.CONDITION_COLUMNS`), one per statement."""
        frame = pd.DataFrame(self.conditions, columns=list(CONDITION_COLUMNS))
        frame["score"] = frame["score"].astype(float)
        return frame

    def _refuse_codes(self) -> None:
        """A code-only export (LimeSurvey's default) without its structure file cannot be read: say how to get one."""
        export = self.export
        if not export.coded or export.structure:
            return
        data = export.data
        for column in export.columns:
            values = [str(v).strip() for v in data[column.position].tolist() if str(v).strip()]
            if not values:
                continue
            ticks = sum(v.upper() in ("Y", "N") for v in values) / len(values)
            codes = sum(bool(limesurvey.ANSWER_CODE.fullmatch(v)) for v in values) / len(values)
            label_known = bool(column.label) and (self.matcher.match(column.label).status == "matched"
                                                  or self.groups.exact(column.label) is not None)
            if (ticks >= 0.95 and not label_known) or codes >= 0.9:
                raise SurveyFormatError(key="ingest.lime.codes", fix_key="ingest.lime.codes.fix", file=export.file,
                                        values={"value": values[0], "column": column.header})

    def _merge_group_answers(self, rows: list[tuple[str, str, str, float, int, str, str, str]]) -> pd.DataFrame:
        """Group-level answers; two answers about the same group, relation and purpose keep the highest."""
        frame = pd.DataFrame(rows, columns=["respondent", "group", "relation", "weight", "row", "column", "question",
                                            "purpose"])
        frame["weight"] = frame["weight"].astype(float)
        frame = frame.sort_values("weight", ascending=False, kind="stable")
        dup = frame.duplicated(["respondent", "group", "relation", "purpose"], keep="first")
        for r in frame.loc[dup].itertuples(index=False):
            self.add("duplicate_tie", "ingest.survey.group_duplicate", int(r.row), r.column, None,
                     person=r.respondent, group=r.group, relation=r.relation)
        frame = frame.loc[~dup].sort_index(kind="stable")
        return frame[list(GROUP_TIE_COLUMNS)].reset_index(drop=True)

    def _drop_previews(self) -> pd.Index:
        export = self.export
        preview = export.preview.astype(bool)  # type: ignore[union-attr]
        for row in export.data.index[preview]:
            self.add("preview_response", "ingest.survey.preview", int(row))
        return export.data.index[~preview]

    def _lookup(self, value: str, row: int) -> str | None:
        pid = self.people.lookup(value)
        if pid is not None and self.people.needs_cleaning(value):
            self.add("normalised_id", "ingest.ties.cleaned_id", row, None, value, written=value, id=pid)
        return pid

    def _identify(self, rows: pd.Index, own: list[QuestionPlan]) -> dict[int, str]:
        """Row -> respondent id, by id, e-mail, then name; unknown respondents reported."""
        export = self.export
        by_field = {p.respondent_field: p.columns[0] for p in own}
        found: dict[int, str] = {}
        for row in rows:
            row = int(row)
            tried: list[str] = []
            pid: str | None = None
            for series in (export.person_id, export.email):
                value = _cell(series, row)
                if value:
                    tried.append(value)
                    pid = pid or self._lookup(value, row)
            for fieldname in ("id", "email"):
                if pid is None and fieldname in by_field:
                    value = str(export.data.at[row, by_field[fieldname].position]).strip()
                    if value:
                        tried.append(value)
                        pid = self._lookup(value, row)
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
                        self.add("resolved", "ingest.survey.respondent_resolved", row, None, written, name=written,
                                 person=self.matcher.describe(pid))
                    continue
                match = self.matcher.match(written)
                if match.status == "matched":
                    pid = match.person
                    if match.approximate:
                        self.add("fuzzy_match", "ingest.survey.respondent_fuzzy", row, None, written, name=written,
                                 person=self.matcher.describe(pid), method=match.method,  # type: ignore[arg-type]
                                 score=round(match.score))
                elif match.status == "review" and review is None:
                    review = match
            if pid is not None:
                found[row] = pid
                continue
            if not tried:
                self.add("unknown_respondent", "ingest.survey.respondent_missing", row)
                continue
            shown = ", ".join(f"'{t}'" for t in dict.fromkeys(tried))
            if review is not None:
                self._add_review(review, "(respondent)", row, None, None)
                self.add("unknown_respondent", "ingest.survey.respondent_review", row, None, review.text, who=shown)
            else:
                self.add("unknown_respondent", "ingest.survey.respondent_unknown", row, None, tried[0], who=shown)
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
                when, latest_when = submitted.loc[row], submitted.loc[latest]
                if pd.notna(when) and pd.notna(latest_when):
                    self.add("duplicate_submission", "ingest.survey.duplicate_submission_dated", row, None, pid,
                             who=self._who(pid), when=f"{when:%Y-%m-%d %H:%M}", latest=str(latest),
                             latest_when=f"{latest_when:%Y-%m-%d %H:%M}")
                else:
                    self.add("duplicate_submission", "ingest.survey.duplicate_submission", row, None, pid,
                             who=self._who(pid), latest=str(latest))
        return dict(sorted(kept.items()))

    def _who(self, pid: str) -> str:
        name = self.matcher.name_of(pid)
        return f"{pid} ({name})" if name != pid else pid

    # -- answers ------------------------------------------------------------------------

    def _collect(self, plans: list[QuestionPlan], kept: dict[int, str]) -> tuple[list[_Mention], list[tuple]]:
        data = self.export.data
        mentions: list[_Mention] = []
        groups: list[tuple[str, str, str, float, int, str, str, str]] = []
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
            if relation is None or plan.kind not in NETWORK_KINDS:
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
                            chosen, rest = split_options(cell, plan.separator, plan.options)
                            for option in chosen:
                                mentions.append(_Mention(row, pid, relation, option, column, 1.0))
                            for text in rest:
                                if text.strip().casefold() in _OTHER_LABEL:
                                    continue  # "Other" ticked with nothing typed
                                self.add("other_answer", "ingest.survey.other_in_cell", row, column.where, text,
                                         text=text)
                                for name in split_names(text, self.matcher):
                                    mentions.append(_Mention(row, pid, relation, name, column, 1.0))
                        elif is_tick(cell, column.label) and _is_other_label(column.label):
                            self._other_ticked(plan, row, column, cell)
                        elif is_tick(cell, column.label):
                            mentions.append(_Mention(row, pid, relation, column.label, column, 1.0))
                elif plan.kind == "person_scale":
                    for column in plan.columns:
                        weight = self._scale(plan, data.at[row, column.position], row, column)
                        if weight:
                            mentions.append(_Mention(row, pid, relation, column.label, column, weight))
                elif plan.kind == "partner_scale":
                    for column in plan.columns:
                        raw = str(data.at[row, column.position]).strip()
                        status, value = scale_value(raw)
                        self._note_scale(plan, raw, status, value)
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
                                    self.add("other", "ingest.survey.not_a_group", row, column.where, option,
                                             option=option)
                                else:
                                    groups.append((pid, group, relation, 1.0, row, column.where, plan.display,
                                                   plan.purpose))
                        elif is_tick(cell, column.label):
                            groups.append((pid, plan.groups[column.position], relation, 1.0, row, column.where,
                                           plan.display, plan.purpose))
                elif plan.kind == "group_scale":
                    for column in plan.columns:
                        weight = self._scale(plan, data.at[row, column.position], row, column, keep_zero=True)
                        if weight is not None:
                            groups.append((pid, plan.groups[column.position], relation, float(weight), row,
                                           column.where, plan.display, plan.purpose))
        mentions = self._weigh(mentions, partner)
        self._report_empty(asked, kept, mentions)
        return mentions, groups

    def _condition_answers(self, plan: QuestionPlan, row: int, pid: str) -> None:
        """One respondent's agreement scores on a five-conditions grid (the survey kit's statements)."""
        for column in plan.columns:
            collaboration, item = conditions_item(column.text, column.label, column.header)  # type: ignore[misc]
            score = self._scale(plan, self.export.data.at[row, column.position], row, column)
            if score is None:
                continue
            if not valid_score(score):
                self.add("invalid_weight", "ingest.survey.condition_score", row, column.where, f"{score:g}",
                         score=f"{score:g}")
            elif not collaboration:
                self.add("unmapped_question", "ingest.survey.condition_unnamed", row, column.where)
            else:
                self.conditions.append((pid, collaboration, ITEM_CONDITION[item], item, float(score)))

    def _other_ticked(self, plan: QuestionPlan, row: int, column: Column, cell: str) -> None:
        """'Other, namely' ticked: its name is in the question's text column; say so if that is empty."""
        texts = [c for c in self.export.columns if c.other and c.question == plan.key]
        if not any(str(self.export.data.at[row, c.position]).strip() for c in texts):
            self.add("empty_answer", "ingest.survey.other_empty", row, column.where, cell, option=column.label)

    def _note_scale(self, plan: QuestionPlan, raw: str, status: str, value: float | None) -> None:
        if raw and status in ("value", "na"):
            self.scales.setdefault(plan.key, {}).setdefault(raw, value)

    def _scale(self, plan: QuestionPlan, value: object, row: int, column: Column, *,
               keep_zero: bool = False) -> float | None:
        raw = str(value).strip()
        status, weight = scale_value(raw)
        self._note_scale(plan, raw, status, weight)
        if status == "value":
            if weight is not None and weight < 0:
                self.add("invalid_weight", "ingest.survey.negative", row, column.where, raw, value=raw)
                return None
            return weight if (keep_zero or weight) else None
        if status == "na":
            self.add("not_applicable", "ingest.survey.not_applicable", row, column.where, raw, value=raw,
                     about=column.label or column.text)
        elif status == "unknown":
            self.add("invalid_weight", "ingest.survey.unknown_scale", row, column.where, raw, value=raw)
        return None

    def _report_scales(self, plans: list[QuestionPlan]) -> list[dict[str, object]]:
        """Report lines on the scales: which answer became which weight (0: no tie, no contact).

        Questions of one kind and relation share one line with every answer
        seen in any of them (a form with fifteen "how often with person n?"
        questions gets one line).
        """
        out = []
        lines: dict[tuple[str, str, str], tuple[list[QuestionPlan], dict[str, dict[str, object]]]] = {}
        for plan in plans:
            seen = self.scales.get(plan.key)
            if not seen or plan.kind not in ("person_scale", "partner_scale", "group_scale") or not plan.relation:
                continue
            codes: dict[str, str] = {}
            for column in plan.columns:
                for code, label in self.export.recodes.get(column.position, {}).items():
                    codes.setdefault(label, code)
            levels = sorted(((v if v is not None else float("inf")), answer) for answer, v in seen.items())
            entries = [{"answer": answer, "code": codes.get(answer, ""), "weight": None if v == float("inf") else v}
                       for v, answer in levels]
            out.append({"question": plan.display, "code": plan.code, "kind": plan.kind, "levels": entries})
            numbers_only = all(_is_number(e["answer"]) for e in entries if e["weight"] is not None)
            key = "ingest.scale.numbers" if numbers_only and not codes else "ingest.scale.used"
            same, merged = lines.setdefault((key, plan.kind, plan.relation), ([], {}))
            same.append(plan)
            for entry in entries:
                merged.setdefault(str(entry["answer"]), entry)
        for (key, _, _), (same, merged) in lines.items():
            entries = sorted(merged.values(), key=lambda e: (e["weight"] is None, e["weight"] or 0, str(e["answer"])))
            shown = ", ".join(
                (f"{e['code']} = " if e["code"] else "") + f"{e['answer']} → "
                + ("–" if e["weight"] is None else _level(e["weight"]))  # type: ignore[arg-type]
                for e in entries)
            first = same[0]
            self.add("scale", key if len(same) == 1 else key + "_many", None, first.columns[0].where, None,
                     question=first.display, mapping=shown, more=len(same) - 1)
        return out

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
                self.add("zero_weight", "ingest.survey.zero_frequency", m.row, where or m.column.where, m.text,
                         name=m.text, relation=m.relation, value=raw)
            else:
                key_name = {"empty": "ingest.survey.no_frequency", "na": "ingest.survey.na_frequency",
                            "unknown": "ingest.survey.unknown_frequency"}[status]
                self.add("missing_weight", key_name, m.row, where or m.column.where, m.text, name=m.text,
                         relation=m.relation, value=raw)
                out.append(_with_weight(m, 1.0))
        for key, (status, _, raw, where) in partner.items():
            if key not in used and status in ("value", "na", "unknown") and raw:
                relation, slot, row = key
                self.add("empty_answer", "ingest.survey.frequency_without_name", row, where, raw, value=raw,
                         slot=str(slot), relation=relation)
        return out

    def _report_empty(self, asked: dict[str, list[QuestionPlan]], kept: dict[int, str],
                      mentions: list[_Mention]) -> None:
        answered = {(m.row, m.relation) for m in mentions}
        for relation in asked:
            for row, pid in kept.items():
                if (row, relation) not in answered:
                    self.add("empty_answer", "ingest.survey.named_nobody", row, None, pid, who=self._who(pid),
                             relation=relation)

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
                    self.log.add("needs_review", "ingest.survey.needs_review", m.row, m.column.where, m.text,
                                 data={"candidates": list(match.candidates)}, name=m.text, relation=m.relation,
                                 who=self._who(m.respondent), candidates=_candidates(match))
                elif match.status == "unmatched":
                    self._add_unmatched(m, match)
                elif match.approximate:
                    self.add("fuzzy_match", "ingest.survey.fuzzy", m.row, m.column.where, m.text, name=m.text,
                             person=self.matcher.describe(target), method=match.method,  # type: ignore[arg-type]
                             score=round(match.score))
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
            self.add("unmatched_name", "ingest.survey.decided_not_on_roster", row, column, text, name=text)
            return None
        pid = self._decision(text, value)
        self.add("resolved", "ingest.survey.resolved", row, column, text, name=text,
                 person=self.matcher.describe(pid))
        return pid

    def _decision(self, text: str, value: str) -> str:
        """The roster id a decision names; a decision naming nobody on the roster is an error."""
        pid = self.matcher.lookup(value)
        if pid is None:
            raise SurveyFormatError(key="ingest.survey.bad_decision", fix_key="ingest.survey.bad_decision.fix",
                                    values={"name": text, "value": value})
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
        if match.candidates:
            self.add("unmatched_name", "ingest.survey.unmatched_closest", m.row, m.column.where, m.text, name=m.text,
                     relation=m.relation, who=self._who(m.respondent), candidates=_candidates(match))
        else:
            self.add("unmatched_name", "ingest.survey.unmatched", m.row, m.column.where, m.text, name=m.text,
                     relation=m.relation, who=self._who(m.respondent))


def _is_other_label(label: str) -> bool:
    text = " ".join(label.split()).casefold()
    return any(text == o or text.startswith(o + " ") or text.startswith(o + ",") for o in _OTHER_LABEL)


def _with_weight(m: _Mention, weight: float) -> _Mention:
    return _Mention(m.row, m.respondent, m.relation, m.text, m.column, weight, m.slot)


def _candidates(match: NameMatch) -> str:
    return " / ".join(f"{pid} {label} [{score:.0f}]" for pid, label, score in match.candidates[:5])


def _level(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _is_number(text: str) -> bool:
    try:
        float(str(text).replace(",", "."))
    except ValueError:
        return False
    return True


def _cell(series: pd.Series | None, row: int) -> str:
    if series is None:
        return ""
    value = series.loc[row]
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
