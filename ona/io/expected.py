"""Expected collaboration: which groups are supposed to work together.

A gap ("working side by side instead of together") only makes sense against an
expectation. Users declare it in one of two ways:

* a file such as ``collaborations.csv`` with the columns ``collaboration,group``
  and one row per group taking part (Dutch headers ``samenwerking,afdeling``
  work too), read by :func:`read_expected`; a file with one row per pair
  (``group_a,group_b``) is accepted as well;
* a survey question in which respondents name the departments they depend on
  or should work with (``net.group_ties`` rows whose ``purpose`` is
  ``"expected"``), aggregated by :func:`expected_from_group_ties`. A question
  asking how *often* one works with each department is perceived
  collaboration, not an expectation (:func:`ona.io.survey.perceived_collaboration`),
  and never gives expected pairs.

Both give the same table (:data:`EXPECTED_COLUMNS`): one row per unordered
pair of groups, with the collaboration(s) it belongs to and where the
expectation came from. :func:`expected_frame` turns a plain list of pairs into
that table. Group names are checked against the roster, so a typo is reported
with a suggestion instead of silently finding nothing.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Union

import pandas as pd

from ona.io.files import Source, read_tables
from ona.exceptions import InputError
from ona.model import UNKNOWN_GROUP, OrgNetwork
from ona.compat import old_grouping_names

__all__ = [
    "EXPECTED_COLUMNS",
    "ExpectedLike",
    "expected_frame",
    "expected_from_group_ties",
    "expected_pairs",
    "read_expected",
]

#: Columns of every expected-collaboration table, in order.
EXPECTED_COLUMNS = ("group_a", "group_b", "collaboration", "source", "support")

#: What :func:`expected_frame` and the detectors accept as expectations.
ExpectedLike = Union[pd.DataFrame, Iterable[Iterable[str]]]

_COLLABORATION_HEADERS = (
    "collaboration", "samenwerking", "samenwerkingsverband", "programma", "programme", "program",
    "project", "initiatief", "initiative", "thema", "theme", "keten", "ketenproces", "proces", "process",
)
_GROUP_HEADERS = (
    "group", "groep", "department", "afdeling", "team", "unit", "directie", "sector", "cluster",
    "domein", "division", "office", "kantoor", "organisatieonderdeel", "partner", "deelnemer", "member",
)
_PAIR_HEADERS = (
    ("groupa", "groupb"), ("group1", "group2"), ("groepa", "groepb"), ("groep1", "groep2"),
    ("departmenta", "departmentb"), ("afdelinga", "afdelingb"), ("afdeling1", "afdeling2"),
    ("from", "to"), ("van", "naar"),
)


# -- public API ---------------------------------------------------------------------------


@old_grouping_names
def read_expected(
    source: Source | pd.DataFrame,
    groups: OrgNetwork | Iterable[str],
    *,
    grouping: str = "department",
    filename: str | None = None,
) -> pd.DataFrame:
    """Read declared collaborations from a CSV/XLSX file (or a DataFrame) into group pairs.

    Two layouts are recognised from their headers:

    * **long**: ``collaboration,group`` (or ``samenwerking,afdeling``), one row
      per group taking part. A collaboration of *k* groups gives every one of
      its *k(k-1)/2* pairs.
    * **pairs**: ``group_a,group_b`` (or ``afdeling_a,afdeling_b``, ``van,naar``),
      one row per pair; an optional ``collaboration`` column names it.

    Group names are matched to the roster ignoring case, accents and extra
    spaces, and come back spelled as in the roster.

    Parameters
    ----------
    source : path, bytes, file object or DataFrame
        The file (CSV or the first sheet of an XLSX workbook).
    groups : OrgNetwork or iterable of str
        The network whose roster defines the valid groups, or the group names.
    grouping : str, optional (default="department")
        The roster attribute the groups belong to (used with an OrgNetwork and
        in messages).
    filename : str, optional
        Display name for messages (e.g. an uploaded file's name).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EXPECTED_COLUMNS`: ``group_a, group_b`` (in the order
        first met in the file), ``collaboration`` (names joined with ``"; "``
        when a pair belongs to several), ``source`` (``"file"``) and ``support``
        (``nan``: a declaration has no survey support figure).

    Raises
    ------
    InputError
        If the headers are not recognised, a row has an empty group or
        collaboration, a group is not in the roster (the message suggests the
        closest name and lists the valid ones), a collaboration names fewer
        than two different groups, or the file declares nothing.
    FileFormatError
        If the file cannot be read at all.

    Examples
    --------
    >>> data = b"samenwerking;afdeling\\nOmgevingswet;Ruimte & Wonen\\nOmgevingswet;publiekszaken\\n"
    >>> read_expected(data, ["Ruimte & Wonen", "Publiekszaken", "ICT"]).iloc[0, :3].tolist()
    ['Ruimte & Wonen', 'Publiekszaken', 'Omgevingswet']
    >>> data = b"collaboration,group\\nX,Ruimte & Wonen\\nX,Publiekzaken\\n"
    >>> read_expected(data, ["Ruimte & Wonen", "Publiekszaken"])
    Traceback (most recent call last):
    ...
    ona.exceptions.InputError: uploaded file, row 3, column 'group': 'Publiekzaken' is not a department in the roster.
    Did you mean 'Publiekszaken'?...
    """
    known = _known_groups(groups, grouping)
    if isinstance(source, pd.DataFrame):
        frame = source.astype(object).where(source.notna(), "").astype(str)
        frame.columns = [str(c).strip() for c in frame.columns]
        frame.index = range(1, len(frame) + 1)  # as if read from a file: header in row 1
        name = filename or "collaborations"
    else:
        table = read_tables(source, filename)[0]
        frame = table.with_header(0)
        name = table.filename
    frame = frame.map(lambda v: " ".join(str(v).split()))
    frame = frame.loc[(frame != "").any(axis=1)]
    layout, columns = _detect_layout(list(frame.columns), grouping, name)
    if layout == "long":
        pairs = _pairs_from_long(frame, columns, known, grouping, name)
    else:
        pairs = _pairs_from_pairs(frame, columns, known, grouping, name)
    if not pairs:
        raise InputError(
            "the file declares no collaboration",
            fix="Add one row per group taking part, e.g. 'Omgevingswet,Publiekszaken' and "
            "'Omgevingswet,Ruimte & Wonen'",
            file=name, key="ingest.expected.none", fix_key="ingest.expected.none.fix",
        )
    return _frame_from_pairs(pairs, source_label="file")


@old_grouping_names
def expected_from_group_ties(
    net: OrgNetwork,
    *,
    grouping: str = "department",
    relation: str | None = None,
    min_share: float = 0.25,
    min_respondents: int = 2,
) -> pd.DataFrame:
    r"""Aggregate a survey's answers about the groups one depends on or should work with into expected pairs.

    ``net.group_ties`` holds group-level answers (columns ``respondent, group,
    relation, weight`` and, from the survey reader, ``question`` and
    ``purpose``). Only answers whose purpose is ``"expected"`` count ("which
    departments do you depend on?", "... should you work more with?"); how
    often one works with a group is perceived collaboration and is left out.
    A table without a ``purpose`` column counts as declarations throughout.
    For groups A and B,
    let :math:`n_A` be the respondents in A who answered the question and
    :math:`n_{A \to B}` those of them who named B (with a weight above 0). The
    pair is expected when

    .. math:: \max\left(\frac{n_{A \to B}}{n_A}, \frac{n_{B \to A}}{n_B}\right) \ge \text{min\_share}
              \quad\text{and}\quad \max(n_{A \to B}, n_{B \to A}) \ge \text{min\_respondents},

    i.e. when a real share of either group says it needs the other. Naming
    one's own group is ignored.

    Parameters
    ----------
    net : OrgNetwork
    grouping : str, optional (default="department")
        The roster attribute the named groups belong to.
    relation : str, optional
        Use only the answers of this group-level question; None uses all.
    min_share : float, optional (default=0.25)
    min_respondents : int, optional (default=2)

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EXPECTED_COLUMNS`, ``source`` = ``"survey"``, ``support``
        = the larger of the two shares, ``collaboration`` = the question (its
        text, or the relation name for tables without questions). Empty when
        the network has no answers about expected collaboration.
        Named groups that are not in the roster are left out and listed in
        ``frame.attrs["unmatched_groups"]``.

    Examples
    --------
    >>> roster = pd.DataFrame({"department": ["HR", "HR", "IT", "IT"]}, index=pd.Index(list("abcd"), name="id"))
    >>> answers = pd.DataFrame({"respondent": ["a", "b", "c"], "group": ["IT", "IT", "Sales"],
    ...                         "relation": "depends_on", "weight": 1.0})
    >>> net = OrgNetwork(roster, pd.DataFrame(columns=["source", "target"]), group_ties=answers)
    >>> pairs = expected_from_group_ties(net)
    >>> pairs[["group_a", "group_b", "support"]].values.tolist(), pairs.attrs["unmatched_groups"]
    ([['HR', 'IT', 1.0]], ['Sales'])
    """
    all_answers = net.group_ties
    if all_answers is None or all_answers.empty:
        return _empty_frame()
    if "purpose" in all_answers.columns:
        all_answers = all_answers.loc[all_answers["purpose"].astype(str) == "expected"]
        if all_answers.empty:
            return _empty_frame()
    label = "question" if "question" in all_answers.columns else "relation"
    answers = all_answers.loc[pd.to_numeric(all_answers["weight"], errors="coerce").fillna(0) > 0]
    if relation is not None:
        answers = answers.loc[answers["relation"].astype(str) == relation]
    labels = net.groups(grouping)
    lookup = _lookup(set(labels.unique()) - {UNKNOWN_GROUP})
    named = answers["group"].astype(str).map(lambda g: lookup.get(_norm(g)))
    unmatched = sorted(set(answers.loc[named.isna(), "group"].astype(str)))
    answers = answers.assign(
        named=named, own=answers["respondent"].astype(str).map(labels)
    ).dropna(subset=["named", "own"])
    answers = answers.loc[(answers["own"] != answers["named"]) & (answers["own"] != UNKNOWN_GROUP)]
    answered = all_answers.assign(own=all_answers["respondent"].astype(str).map(labels))
    if relation is not None:
        answered = answered.loc[answered["relation"].astype(str) == relation]
    n_answered = answered.groupby("own")["respondent"].nunique()
    counts = answers.groupby(["own", "named"])["respondent"].nunique()
    relations_used = answers.groupby(["own", "named"])[label].agg(lambda r: sorted(set(map(str, r))))
    rows = []
    seen: set[frozenset[str]] = set()
    for (a, b), _ in counts.items():
        key = frozenset((a, b))
        if key in seen:
            continue
        seen.add(key)
        n_ab, n_ba = int(counts.get((a, b), 0)), int(counts.get((b, a), 0))
        share_ab = n_ab / n_answered.get(a, 0) if n_answered.get(a, 0) else 0.0
        share_ba = n_ba / n_answered.get(b, 0) if n_answered.get(b, 0) else 0.0
        if max(share_ab, share_ba) >= min_share and max(n_ab, n_ba) >= min_respondents:
            names = sorted(set(relations_used.get((a, b), [])) | set(relations_used.get((b, a), [])))
            rows.append((a, b, "; ".join(names), "survey", round(max(share_ab, share_ba), 4)))
    frame = pd.DataFrame(rows, columns=list(EXPECTED_COLUMNS)) if rows else _empty_frame()
    frame.attrs["unmatched_groups"] = unmatched
    return frame


@old_grouping_names
def expected_frame(
    expected: ExpectedLike,
    groups: OrgNetwork | Iterable[str] | None = None,
    *,
    grouping: str = "department",
) -> pd.DataFrame:
    """Bring any form of expectation into the standard table (:data:`EXPECTED_COLUMNS`).

    Accepts a table that already has the standard columns, a declaration
    table in the long (``collaboration, group``) or pair (``group_a, group_b``)
    layout, or an iterable of pairs such as ``[("HR", "IT")]`` (a third item
    names the collaboration). With `groups`, every group is checked against
    the roster as in :func:`read_expected`.

    Raises
    ------
    InputError
        If a pair does not have two different groups, or a group is not in the
        roster (when `groups` is given).

    Examples
    --------
    >>> frame = expected_frame([("HR", "IT"), ("IT", "Sales", "Webshop")])
    >>> frame[["group_a", "group_b", "collaboration"]].values.tolist()
    [['HR', 'IT', ''], ['IT', 'Sales', 'Webshop']]
    """
    if isinstance(expected, pd.DataFrame):
        if set(EXPECTED_COLUMNS) <= set(expected.columns):
            frame = expected.loc[:, list(EXPECTED_COLUMNS)].reset_index(drop=True)
            if groups is not None:
                known = _known_groups(groups, grouping)
                for row, (a, b) in enumerate(zip(frame["group_a"], frame["group_b"]), start=2):
                    _match(str(a), known, grouping, "expected collaborations", row, "group_a")
                    _match(str(b), known, grouping, "expected collaborations", row, "group_b")
            return frame
        if groups is None:
            groups = sorted({str(v) for c in expected.columns for v in expected[c] if _is_group_column(str(c))})
        return read_expected(expected, groups, grouping=grouping)
    pairs: list[tuple[str, str, str]] = []
    known = _known_groups(groups, grouping) if groups is not None else None
    for row, item in enumerate(expected, start=1):
        values = [str(v) for v in item]
        if len(values) not in (2, 3) or values[0] == values[1]:
            raise InputError(
                f"expected pair {row} is {tuple(values)!r}; a pair needs two different groups",
                fix="Give pairs as ('Group A', 'Group B') or ('Group A', 'Group B', 'collaboration')",
                key="ingest.expected.pair", values={"number": row, "pair": " / ".join(values)},
            )
        a, b = values[0], values[1]
        if known is not None:
            a = _match(a, known, grouping, "expected collaborations", row, None)
            b = _match(b, known, grouping, "expected collaborations", row, None)
        pairs.append((a, b, values[2] if len(values) == 3 else ""))
    return _frame_from_pairs(pairs, source_label="declared")


def expected_pairs(expected: pd.DataFrame) -> dict[frozenset[str], str]:
    """The pairs of a standard table as ``{frozenset({a, b}): collaboration}``.

    >>> expected_pairs(expected_frame([("HR", "IT", "Onboarding")])) == {frozenset({"HR", "IT"}): "Onboarding"}
    True
    """
    return {
        frozenset((str(a), str(b))): str(c) if isinstance(c, str) else ""
        for a, b, c in zip(expected["group_a"], expected["group_b"], expected["collaboration"])
    }


# -- reading ------------------------------------------------------------------------------


def _detect_layout(headers: list[str], grouping: str, filename: str) -> tuple[str, dict[str, str]]:
    keys = {_key(h): h for h in headers}
    for a, b in _PAIR_HEADERS + ((_key(grouping) + "a", _key(grouping) + "b"),):
        if a in keys and b in keys:
            columns = {"group_a": keys[a], "group_b": keys[b]}
            collab = next((keys[k] for k in _COLLABORATION_HEADERS if k in keys), None)
            if collab:
                columns["collaboration"] = collab
            return "pairs", columns
    collab = next((keys[k] for k in _COLLABORATION_HEADERS if k in keys), None)
    group = next((keys[k] for k in (_key(grouping), *_GROUP_HEADERS) if k in keys), None)
    if collab and group:
        return "long", {"collaboration": collab, "group": group}
    shown = ", ".join(repr(h) for h in headers) or "none"
    raise InputError(
        f"the columns ({shown}) are not recognised as declared collaborations",
        fix="Use the columns 'collaboration,group' with one row per group taking part "
        "(e.g. 'Omgevingswet,Publiekszaken'), or 'group_a,group_b' with one row per pair",
        file=filename, key="ingest.expected.columns", fix_key="ingest.expected.columns.fix",
        values={"columns": shown},
    )


def _pairs_from_long(
    frame: pd.DataFrame, columns: Mapping[str, str], known: Mapping[str, str], grouping: str, name: str
) -> list[tuple[str, str, str]]:
    members: dict[str, list[str]] = {}
    first_row: dict[str, int] = {}
    problems: list[InputError] = []
    for index, collab, group in zip(frame.index, frame[columns["collaboration"]], frame[columns["group"]]):
        row = int(index) + 1
        if not collab:
            raise InputError(
                f"the row names the group {group!r} but no collaboration",
                fix="Fill in which collaboration the group takes part in",
                file=name, row=row, column=columns["collaboration"], key="ingest.expected.no_collaboration",
                fix_key="ingest.expected.no_collaboration.fix", values={"group": group},
            )
        if not group:
            raise InputError(
                f"the collaboration {collab!r} has an empty group",
                fix="Fill in the group or remove the row",
                file=name, row=row, column=columns["group"], key="ingest.expected.empty_group",
                fix_key="ingest.expected.empty_group.fix", values={"collaboration": collab},
            )
        try:
            matched = _match(group, known, grouping, name, row, columns["group"])
        except InputError as exc:
            problems.append(exc)
            continue
        first_row.setdefault(collab, row)
        if matched not in members.setdefault(collab, []):
            members[collab].append(matched)
    _raise_all(problems)
    pairs = []
    for collab, groups in members.items():
        if len(groups) < 2:
            raise InputError(
                f"the collaboration {collab!r} names only one group ({groups[0]}); "
                "a collaboration needs at least two different groups",
                fix="Add a row for every other group taking part, or remove the collaboration",
                file=name, row=first_row[collab], column=columns["collaboration"], key="ingest.expected.one_group",
                fix_key="ingest.expected.one_group.fix", values={"collaboration": collab, "group": groups[0]},
            )
        pairs.extend((a, b, collab) for a, b in itertools.combinations(groups, 2))
    return pairs


def _pairs_from_pairs(
    frame: pd.DataFrame, columns: Mapping[str, str], known: Mapping[str, str], grouping: str, name: str
) -> list[tuple[str, str, str]]:
    pairs = []
    problems: list[InputError] = []
    collabs = frame[columns["collaboration"]] if "collaboration" in columns else pd.Series("", index=frame.index)
    for index, a, b, collab in zip(frame.index, frame[columns["group_a"]], frame[columns["group_b"]], collabs):
        row = int(index) + 1
        for value, column in ((a, columns["group_a"]), (b, columns["group_b"])):
            if not value:
                raise InputError("the group is empty", fix="Fill in both groups of the pair or remove the row",
                                 file=name, row=row, column=column, key="ingest.expected.pair_empty",
                                 fix_key="ingest.expected.pair_empty.fix")
        try:
            ma = _match(a, known, grouping, name, row, columns["group_a"])
            mb = _match(b, known, grouping, name, row, columns["group_b"])
        except InputError as exc:
            problems.append(exc)
            continue
        if ma == mb:
            raise InputError(f"the pair names {ma!r} twice", fix="Name two different groups",
                             file=name, row=row, key="ingest.expected.twice", fix_key="ingest.expected.twice.fix",
                             values={"group": ma})
        pairs.append((ma, mb, collab))
    _raise_all(problems)
    return pairs


def _raise_all(problems: list[InputError]) -> None:
    if not problems:
        return
    if len(problems) == 1:
        raise problems[0]
    first = problems[0]
    listed = "; ".join(str(p).split(". ")[0] for p in problems[:5])
    more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
    raise InputError(f"{len(problems)} groups are not in the roster: {listed}{more}", fix=first.fix,
                     key="ingest.expected.many_unknown", fix_key=first.fix_key,
                     values={**first.values, "count": len(problems),
                             "groups": [str(p.values.get("value", "")) for p in problems[:5]]})


# -- matching group names -----------------------------------------------------------------


def _known_groups(groups: OrgNetwork | Iterable[str], grouping: str) -> dict[str, str]:
    if isinstance(groups, OrgNetwork):
        names = set(groups.groups(grouping).unique()) - {UNKNOWN_GROUP}
    else:
        names = {str(g) for g in groups}
    return _lookup(names)


def _lookup(names: Iterable[str]) -> dict[str, str]:
    return {_norm(n): n for n in sorted(names)}


def _match(value: str, known: Mapping[str, str], grouping: str, file: str, row: int | None,
           column: str | None) -> str:
    found = known.get(_norm(value))
    if found is not None:
        return found
    options = sorted(known.values())
    close = difflib.get_close_matches(_norm(value), list(known), n=1, cutoff=0.6)
    hint = f"Did you mean {known[close[0]]!r}? " if close else ""
    listed = ", ".join(options[:20]) + (f" and {len(options) - 20} more" if len(options) > 20 else "")
    raise InputError(
        f"{value!r} is not a {grouping} in the roster",
        fix=f"{hint}Spell it as in the roster's {grouping} column ({listed or 'no groups'})",
        file=file, row=row, column=column, key="ingest.expected.unknown",
        fix_key="ingest.expected.unknown.fix_close" if close else "ingest.expected.unknown.fix",
        values={"value": value, "grouping": grouping, "close": known[close[0]] if close else "",
                "groups": listed or "—"},
    )


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def _key(header: str) -> str:
    return re.sub(r"[\s\-_.:/()]+", "", _norm(header))


def _is_group_column(header: str) -> bool:
    key = _key(header)
    return key in _GROUP_HEADERS or any(key in pair for pair in _PAIR_HEADERS)


# -- building the table -------------------------------------------------------------------


def _frame_from_pairs(pairs: Iterable[tuple[str, str, str]], *, source_label: str) -> pd.DataFrame:
    merged: dict[frozenset[str], list] = {}
    for a, b, collab in pairs:
        key = frozenset((a, b))
        if key not in merged:
            merged[key] = [a, b, []]
        if collab and collab not in merged[key][2]:
            merged[key][2].append(collab)
    rows = [(a, b, "; ".join(c), source_label, float("nan")) for a, b, c in merged.values()]
    return pd.DataFrame(rows, columns=list(EXPECTED_COLUMNS)) if rows else _empty_frame()


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float if c == "support" else object) for c in EXPECTED_COLUMNS})
