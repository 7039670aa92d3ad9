"""Reading five-conditions answers from a plain table (``respondent,collaboration,condition,item,score``).

The survey kit's questions arrive with any platform's export (the readers
recognise them, see :mod:`ona.io.kit.recognise`). Answers collected some
other way — a paper round, another tool, an earlier scan — can be given as a
plain CSV or XLSX with one row per answer:

==================  ======================================================================
column              meaning (Dutch headers work too)
==================  ======================================================================
``respondent``      roster id or e-mail (``medewerker``, ``id``, ``e-mail``)
``collaboration``   the collaboration's name (``samenwerking``)
``condition``       ambition, interests, relationship, organisation, process — or ambitie,
                    belangen, relatie, organisatie, proces (``voorwaarde``)
``item``            optional: the statement's code (``AMB1``) or any label (``uitspraak``)
``score``           1 (strongly disagree) to 5 (strongly agree), as a number or a label
                    such as "Eens" (``score``, ``antwoord``, ``waarde``)
==================  ======================================================================

Every problem is reported with its file, row and column.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from ona.exceptions import InputError
from ona.io.files import Source, read_tables
from ona.io.kit.conditions import condition_key
from ona.io.kit.recognise import CONDITION_COLUMNS, valid_score
from ona.io.roster import Roster
from ona.io.survey.questions import scale_value
from ona.model import OrgNetwork

__all__ = ["read_conditions"]

_HEADERS = {
    "respondent": ("respondent", "respondentid", "id", "medewerker", "personeelsnummer", "email", "emailadres",
                   "person", "persoon"),
    "collaboration": ("collaboration", "samenwerking", "samenwerkingsverband", "programma"),
    "condition": ("condition", "voorwaarde", "conditie", "aspect"),
    "item": ("item", "uitspraak", "statement", "vraag", "question"),
    "score": ("score", "antwoord", "answer", "waarde", "value"),
}


def _key(text: object) -> str:
    value = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", value)


def read_conditions(
    source: Source | pd.DataFrame,
    roster: OrgNetwork | Roster | pd.DataFrame,
    *,
    filename: str | None = None,
) -> pd.DataFrame:
    """Read five-conditions answers from a plain table.

    Parameters
    ----------
    source : path, bytes, file object or DataFrame
    roster : OrgNetwork, Roster or DataFrame
        Whose ids and e-mail addresses identify the respondents.
    filename : str, optional
        Display name for messages.

    Returns
    -------
    pandas.DataFrame
        :data:`~ona.io.kit.recognise.CONDITION_COLUMNS`, ready for
        ``net.with_changes(conditions=...)``.

    Raises
    ------
    InputError
        If a column is missing, or a row names someone not on the roster, a
        condition that is not one of the five, or a score off the 1-5 scale
        (the message gives file, row and column).

    Examples
    --------
    >>> roster = pd.DataFrame({"email": ["ana@x.nl", "bo@x.nl"]}, index=pd.Index(["E1", "E2"], name="id"))
    >>> table = pd.DataFrame({"samenwerking": ["Omgevingswet", "Omgevingswet"], "medewerker": ["E1", "bo@x.nl"],
    ...                       "voorwaarde": ["proces", "Ambitie"], "antwoord": ["2", "Helemaal eens"]})
    >>> read_conditions(table, roster).values.tolist()
    [['E1', 'Omgevingswet', 'process', 'process1', 2.0], ['E2', 'Omgevingswet', 'ambition', 'ambition1', 5.0]]
    """
    name = filename or (getattr(source, "name", None) if not isinstance(source, (bytes, pd.DataFrame)) else None)\
        or "conditions"
    if isinstance(source, pd.DataFrame):
        frame = source.astype(object).where(source.notna(), "").astype(str)
        first_row = 2
    else:
        tables = [t for t in read_tables(source, filename) if len(t.cells)]
        if not tables:
            raise InputError("the file holds no answers", file=str(name),
                             fix="Give one row per answer: respondent,collaboration,condition,item,score")
        cells = tables[0].cells
        frame = pd.DataFrame(cells.iloc[1:].values, columns=[str(c).strip() for c in cells.iloc[0]]).astype(str)
        name = tables[0].filename
        first_row = 2
    found = {}
    for column in frame.columns:
        for field, names in _HEADERS.items():
            if _key(column) in names and field not in found:
                found[field] = column
    missing = [f for f in ("respondent", "collaboration", "condition", "score") if f not in found]
    if missing:
        raise InputError(f"the column(s) {', '.join(missing)} are missing", file=str(name),
                         fix="Use the headers respondent,collaboration,condition,item,score")
    people = _people(roster)
    rows = []
    counters: dict[tuple[str, str, str], int] = {}
    for offset, record in enumerate(frame.to_dict("records")):
        row = first_row + offset
        values = {f: str(record[c]).strip() for f, c in found.items()}
        if not any(values.values()):
            continue
        pid = people.get(values["respondent"].lower())
        if pid is None:
            raise InputError(f"the respondent {values['respondent']!r} is not on the roster", file=str(name), row=row,
                             column=found["respondent"], fix="Use the roster's id or e-mail address")
        condition = condition_key(values["condition"])
        if condition is None:
            raise InputError(f"{values['condition']!r} is not one of the five conditions", file=str(name), row=row,
                             column=found["condition"],
                             fix="Use ambition, interests, relationship, organisation or process "
                             "(ambitie, belangen, relatie, organisatie, proces)")
        status, score = scale_value(values["score"])
        if status == "empty" or status == "na":
            continue
        if status != "value" or not valid_score(score):
            raise InputError(f"{values['score']!r} is not a score from 1 to 5", file=str(name), row=row,
                             column=found["score"], fix="Use 1 (strongly disagree) to 5 (strongly agree)")
        collaboration = values["collaboration"]
        if not collaboration:
            raise InputError("the collaboration is empty", file=str(name), row=row, column=found["collaboration"],
                             fix="Name the collaboration the answer is about")
        item = values.get("item", "")
        if not item:
            key = (pid, collaboration, condition)
            counters[key] = counters.get(key, 0) + 1
            item = f"{condition}{counters[key]}"
        rows.append((pid, collaboration, condition, item, float(score)))  # type: ignore[arg-type]
    return pd.DataFrame(rows, columns=list(CONDITION_COLUMNS))


def _people(roster: OrgNetwork | Roster | pd.DataFrame) -> dict[str, str]:
    if isinstance(roster, OrgNetwork):
        frame = roster.roster
    elif isinstance(roster, Roster):
        frame = roster.frame
    else:
        frame = roster
    lookup = {str(i).lower(): str(i) for i in frame.index}
    if "email" in frame.columns:
        lookup.update({str(e).strip().lower(): str(i) for i, e in zip(frame.index, frame["email"]) if
                       isinstance(e, str) and e.strip()})
    return lookup
