"""The review list as a CSV of decisions, and reading those decisions back.

After a survey is read, names that fit several people (and names that fit
nobody) are listed in ``net.report.details``. :func:`review_table` turns them
into one row per name and respondent, with the candidates; HR fills in the
``id`` column and hands the file back through :func:`read_resolutions`
(``resolutions=`` in Python, ``--resolutions FILE`` on the command line).

In the ``id`` column, a roster id or e-mail decides the name; ``-`` (or
``none``, ``geen``, ``extern``) says "not on the roster"; an empty cell leaves
the name undecided, so it stays on the review list. A filled ``mentioned_by``
limits the decision to that respondent, which is needed when the same text
means different people (two colleagues called Iris de Vries); clear it to
apply the decision to everyone who wrote that name.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ona.io.files import Source, read_tables
from ona.exceptions import SurveyFormatError
from ona.model import OrgNetwork
from ona.io.cells import neutralize_formulas, restore_cell
from ona.io.survey.export import header_key

__all__ = ["NOT_ON_ROSTER", "read_resolutions", "review_table", "write_review"]

#: Values in the id column meaning "this person is not on the roster".
NOT_ON_ROSTER = frozenset({"-", "none", "geen", "extern", "external", "nietoproster", "notonroster", "nee", "no"})

_COLUMNS = ["name", "mentioned_by", "mentioned_by_name", "relation", "status", "candidates", "file", "row",
            "column", "id"]


def review_table(net: OrgNetwork) -> pd.DataFrame:
    """One row per name (and respondent) that needs a decision, with its candidates.

    Columns: ``name, mentioned_by, mentioned_by_name, relation, status
    ("review" or "unmatched"), candidates, file, row, column, id`` (empty, for
    the decision). Names already decided by resolutions are left out.
    """
    details = net.report.details
    names = net.display_names()
    rows = []
    for status, entries in (("review", details.get("review", [])), ("unmatched", details.get("unmatched", []))):
        for entry in entries:
            if entry.get("decided"):
                continue
            respondent = entry.get("mentioned_by") or ""
            candidates = entry.get("candidates") or entry.get("suggestions") or []
            rows.append({
                "name": entry["name"],
                "mentioned_by": respondent,
                "mentioned_by_name": str(names.get(respondent, "")) if respondent in names.index else "",
                "relation": entry.get("relation") or "",
                "status": status,
                "candidates": "; ".join(f"{pid} {label} [{score:.0f}]" for pid, label, score in candidates),
                "file": entry.get("file") or "",
                "row": entry.get("row"),
                "column": entry.get("column") or "",
                "id": "",
            })
    table = pd.DataFrame(rows, columns=_COLUMNS)
    if table.empty:
        return table
    first = table.groupby(["name", "mentioned_by"], sort=False, dropna=False).head(1)
    return first.reset_index(drop=True)


def write_review(net: OrgNetwork, path: str | os.PathLike[str], *, sep: str = ",") -> int:
    """Write :func:`review_table` as a UTF-8 CSV (with BOM, so Excel shows accents); returns the row count.

    Names come from survey answers that anyone could type, so text that a
    spreadsheet would run as a formula is neutralised (see
    :func:`ona.privacy.neutralize_formulas`); :func:`read_resolutions` undoes it.
    """
    table = review_table(net)
    neutralize_formulas(table).to_csv(Path(path), index=False, sep=sep, encoding="utf-8-sig")
    return len(table)


def read_resolutions(source: Source, *, filename: str | None = None) -> dict[object, str | None]:
    """Read a CSV or XLSX of decisions into a ``resolutions`` mapping.

    Needs the columns ``name`` and ``id`` (also ``naam``); ``mentioned_by``
    (also ``respondent``, ``genoemd door``) is optional. Rows with an empty id
    are undecided and skipped.

    >>> read_resolutions(b"name,mentioned_by,id\\nIris de Vries,E0023,E0006\\nJan,,E0141\\nHenk,,-\\nBo,,\\n")
    {('E0023', 'Iris de Vries'): 'E0006', 'Jan': 'E0141', 'Henk': None}

    Raises
    ------
    SurveyFormatError
        If the name or id column is missing, or two rows decide the same name
        differently.
    """
    table = read_tables(source, filename)[0]
    frame = table.with_header(0)
    keys = {header_key(c): c for c in frame.columns}
    name_col = keys.get("name") or keys.get("naam") or keys.get("naamzoalsgeschreven")
    id_col = keys.get("id") or keys.get("decision") or keys.get("besluit") or keys.get("personeelsnummer")
    if name_col is None or id_col is None:
        raise SurveyFormatError(
            "the decisions file needs the columns 'name' and 'id' (it has " + ", ".join(frame.columns) + ")",
            file=table.filename,
            fix="Start from the file written by write_review (or ona's review list) and fill in the id column",
            key="ingest.review.columns", fix_key="ingest.review.columns.fix", values={"columns": ", ".join(frame.columns)},
        )
    by_col = keys.get("mentionedby") or keys.get("respondent") or keys.get("genoemddoor")
    decisions: dict[object, str | None] = {}
    origin: dict[object, int] = {}
    for index, record in frame.iterrows():
        name = str(restore_cell(str(record[name_col]).strip()))
        value = str(record[id_col]).strip()
        if not name or not value:
            continue
        decision = None if header_key(value) in NOT_ON_ROSTER or value == "-" else value
        respondent = str(restore_cell(str(record[by_col]).strip())) if by_col is not None else ""
        key: object = (respondent, name) if respondent and respondent != "(respondent)" else name
        row = int(index) + 1
        if key in decisions and decisions[key] != decision:
            raise SurveyFormatError(
                f"{name!r} is decided twice, as {decisions[key]!r} (row {origin[key]}) and as {decision!r}",
                file=table.filename, row=row, column=id_col,
                fix="Keep one decision per name and respondent",
                key="ingest.review.twice", fix_key="ingest.review.twice.fix",
                values={"name": name, "first": str(decisions[key]), "first_row": str(origin[key]),
                        "second": str(decision)},
            )
        decisions[key] = decision
        origin[key] = row
    return decisions
