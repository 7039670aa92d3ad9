"""Build a report's content (:class:`~ona.documents.content.ReportContent`) from what its reader may see.

:func:`build_report` turns a :class:`~ona.documents.source.ReportSource` into a title page, the main
findings in plain words, the department map and matrix as pictures, a page per declared collaboration
or flagged pair of departments, the other findings, method notes and the privacy statement.
:func:`build_change_report` does the same for two survey waves: what changed and where it spread.

Nothing here reads files or decides what a reader may see: the source already holds only that. The
built content is checked once more: a report for managers that contains a withheld name is refused
(:class:`ona.exceptions.OnaError`), as :func:`ona.workspace.build_workspace` does for workspaces.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import networkx as nx
import pandas as pd

from ona.documents.content import (
    Bullets,
    FindingCard,
    FindingList,
    Figures,
    Picture,
    ReportContent,
    Section,
    Table,
    Text,
    TitlePage,
)
from ona.documents.source import MANAGER_AUDIENCE, MAX_UNDECLARED_PAIRS, ReportSource, flagged_pairs
from ona.exceptions import ConfigurationError, OnaError
from ona.i18n import LANGUAGES, count, grouping_words, number, percent, relation_label, t

__all__ = [
    "MAX_SHEET_CARRIERS",
    "MAX_SUMMARY_FINDINGS",
    "build_change_report",
    "build_report",
    "check_no_leak",
    "finding_heading",
    "group_label",
]

#: Findings on the "in brief" page; the others follow later in the report.
MAX_SUMMARY_FINDINGS = 5
#: People listed on a joint process analysis sheet, at most (those with the most ties across first).
MAX_SHEET_CARRIERS = 12
_PEOPLE_KINDS = ("overloaded", "isolated")
_PICTURE_DPI = 150


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ConfigurationError(f"Unknown report language {lang!r}; use 'nl' or 'en'.")


def _ona_version() -> str:
    try:
        return version("ona")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        return "dev"


def _join(items: Sequence[str], lang: str) -> str:
    """'A', 'A en B', 'A, B en C' (Dutch) / 'A, B and C' (English)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('report.and', lang)} {items[-1]}"


def group_label(group: Any, lang: str) -> str:
    """Group names as written, the merged and unknown groups in the reader's language.

    >>> group_label("(other)", "nl"), group_label("Publiekszaken", "nl")
    ('(overig)', 'Publiekszaken')
    """
    text = str(group)
    if text == "(other)":
        return t("report.group.other", lang)
    if text == "(unknown)":
        return t("report.group.unknown", lang)
    return text


def _unit(source: ReportSource, lang: str) -> tuple[str, str]:
    """The word for the groups (singular, plural): department(s), or group(s) for another grouping."""
    if source.grouping == "department":
        return t("report.unit.department", lang), t("report.unit.departments", lang)
    return t("report.unit.group", lang), t("report.unit.groups", lang)


def finding_heading(finding: Any, names: Mapping[str, str], lang: str) -> str:
    """A finding's heading: its kind, then whom it is about — people first when it is about people.

    >>> from ona.findings import Finding
    >>> f = Finding("overloaded", 0.9, "advice", ("IT",), ("p1",), {}, {"nl": "", "en": ""}, {})
    >>> finding_heading(f, {"p1": "Ingrid Smit"}, "nl")
    'Overbelast: Ingrid Smit (IT)'
    """
    from ona.findings import KIND_TITLES

    kind = KIND_TITLES.get(finding.kind, {}).get(lang) or finding.kind
    groups = [group_label(g, lang) for g in finding.groups]
    people = [names.get(str(p), str(p)) for p in finding.people]
    if finding.kind in _PEOPLE_KINDS and people:
        about = _join(people[:4], lang) + (f" (+{len(people) - 4})" if len(people) > 4 else "")
        if groups:
            about += f" ({', '.join(groups)})"
        return f"{kind}: {about}"
    if groups:
        return f"{kind}: {_join(groups, lang)}"
    return kind


def _card(finding: Any, names: Mapping[str, str], lang: str, position: int) -> FindingCard:
    """A finding as a card: importance and, when known, confidence on the level line, and why in the note."""
    level = t("report.level", lang, level=t(f"severity.{finding.level}", lang))
    notes = []
    confidence = getattr(finding, "confidence", None)
    if confidence is not None:
        level += " · " + t(f"finding.confidence.{confidence.band}", lang)
        if confidence.reason.get(lang):
            notes.append(str(confidence.reason[lang]))
    robustness = getattr(finding, "robustness", None)
    robust = robustness.get("robust") if isinstance(robustness, Mapping) else getattr(robustness, "robust", None)
    if robust is False:
        notes.append(t("report.robust.no", lang))
    return FindingCard(
        heading=finding_heading(finding, names, lang),
        level=finding.level,
        level_label=level,
        text=str(finding.text.get(lang, "")),
        suggestions=tuple(str(s) for s in (finding.suggestions.get(lang) or ())),
        suggestions_heading=t("report.suggestions", lang),
        number=position,
        note=" ".join(notes),
    )


def _picture(png: bytes, svg: bytes | None, caption: str, alt: str, name: str) -> Picture:
    width, height = struct.unpack(">II", png[16:24])  # the PNG header (IHDR) holds the size
    return Picture(png=png, svg=svg, caption=caption, alt=alt, aspect=height / width if width else 0.75, name=name)


def _draw(function: Any, *args: Any, **kwargs: Any) -> tuple[bytes, bytes]:
    return (function(*args, format="png", dpi=_PICTURE_DPI, **kwargs), function(*args, format="svg", **kwargs))


# -- the wave report ----------------------------------------------------------------------------------


def build_report(source: ReportSource, lang: str = "nl") -> ReportContent:
    """The report of one survey wave, in `lang`, showing only what `source` holds.

    Parameters
    ----------
    source : ReportSource
        From :func:`ona.documents.source.analyst_source`, :func:`~ona.documents.source.manager_source`
        or :func:`~ona.documents.source.workspace_source`.
    lang : {"nl", "en"}, optional (default="nl")

    Returns
    -------
    ReportContent

    Raises
    ------
    ConfigurationError
        If `lang` is unknown.
    OnaError
        If the built report would show a withheld name (a safety net that should never trigger).
    """
    _check_lang(lang)
    names = source.names
    findings = list(source.findings)
    sections = [_summary_section(source, findings, lang)]
    sections += _map_sections(source, findings, lang)
    sections += _pair_sections(source, findings, lang)
    sections += _key_player_sections(source, lang)
    rest = findings[MAX_SUMMARY_FINDINGS:]
    if rest:
        cards = tuple(_card(f, names, lang, MAX_SUMMARY_FINDINGS + i + 1) for i, f in enumerate(rest))
        sections.append(Section(heading=t("report.other.heading", lang), key="other_findings", blocks=(
            Text(t("report.other.lead", lang), "lead"),
            FindingList(cards, overview_title=t("report.other.heading", lang)),
        )))
    sections.append(_method_section(source, lang))
    sections.append(_privacy_section(source, lang))
    content = ReportContent(
        lang=lang,
        title_page=_title_page(source, lang),
        sections=tuple(sections),
        footer=_footer(source, lang),
        audience=source.audience,
        kind="wave",
    )
    check_no_leak(content, source.withheld)
    return content


def _title(source: ReportSource, lang: str) -> str:
    from ona.io.samples import title_in

    return t("report.title", lang, name=title_in(source.title, lang)) if source.title else \
        t("report.title.unnamed", lang)


def _subtitle(source: ReportSource, lang: str) -> str:
    return t("report.subtitle.wave", lang, wave=source.wave) if source.wave else t("report.subtitle", lang)


def _footer(source: ReportSource, lang: str) -> str:
    return f"{_title(source, lang)} · {_subtitle(source, lang)} · ona {_ona_version()}"


def _title_page(source: ReportSource, lang: str) -> TitlePage:
    _, plural = _unit(source, lang)
    relations = [relation_label(r, lang) for r in source.relations]
    figures = (
        (number(source.people, lang), t("report.fig.people", lang)),
        (number(source.respondents, lang), t("report.fig.respondents", lang, share=percent(source.response_rate, lang))),
        (number(len(source.groups), lang), plural),
        (number(len(relations), lang), t("report.fig.relations", lang, relations=_join(relations, lang))),
    )
    if source.audience == MANAGER_AUDIENCE:
        audience = t("report.audience.manager", lang, k=source.min_group_size, names=_names_sentence(source, lang))
    else:
        audience = t("report.audience.analyst", lang)
    return TitlePage(title=_title(source, lang), subtitle=_subtitle(source, lang), figures=figures,
                     audience=audience, note=t("report.made_with", lang, version=_ona_version()))


def _names_sentence(source: ReportSource, lang: str) -> str:
    return t(f"report.names.{source.names_rule}", lang)


def _hidden_sentence(source: ReportSource, lang: str) -> str | None:
    if source.audience != MANAGER_AUDIENCE or not source.hidden_groups:
        return None
    singular, plural = _unit(source, lang)
    key = "report.hidden.one" if source.hidden_groups == 1 else "report.hidden.many"
    return t(key, lang, n=number(source.hidden_groups, lang), k=source.min_group_size, unit=singular, units=plural)


def _summary_section(source: ReportSource, findings: list[Any], lang: str) -> Section:
    blocks: list[Any] = []
    top = findings[:MAX_SUMMARY_FINDINGS]
    if top:
        high = sum(1 for f in findings if f.level == "high")
        blocks.append(Text(t("report.summary.lead", lang, findings=count(len(findings), "finding", lang),
                             respondents=number(source.respondents, lang), high=number(high, lang)), "lead"))
        blocks.append(FindingList(tuple(_card(f, source.names, lang, i + 1) for i, f in enumerate(top)),
                                  overview_title=t("report.summary.heading", lang)))
    else:
        _, plural = _unit(source, lang)
        blocks.append(Text(t("report.summary.none", lang, units=plural), "lead"))
    hidden = _hidden_sentence(source, lang)
    if hidden:
        blocks.append(Text(hidden, "note"))
    return Section(heading=t("report.summary.heading", lang), blocks=tuple(blocks), key="summary")


def _relabel_graph(H: nx.DiGraph, lang: str) -> nx.DiGraph:
    mapping = {g: group_label(g, lang) for g in H.nodes}
    return nx.relabel_nodes(H, mapping, copy=True) if any(k != v for k, v in mapping.items()) else H


def _combined_matrix(source: ReportSource) -> pd.DataFrame:
    order = list(source.groups.index)
    total = pd.DataFrame(0.0, index=order, columns=order)
    for matrix in source.matrices.values():
        m = matrix.copy()
        m.index, m.columns = [str(i) for i in m.index], [str(c) for c in m.columns]
        total = total.add(m.reindex(index=order, columns=order).fillna(0), fill_value=0)
    return total


def _map_sections(source: ReportSource, findings: list[Any], lang: str) -> list[Section]:
    from ona.viz.pictures import ALL_PAIRS_UP_TO, group_graph_picture, matrix_picture

    if not len(source.groups) or not source.relations:
        return []
    singular, plural = _unit(source, lang)
    relations = _join([relation_label(r, lang) for r in source.relations], lang)
    flagged = flagged_pairs(findings)
    declared = [(a, b) for a, b in zip(source.collaborations["group_a"], source.collaborations["group_b"])]
    H = _relabel_graph(source.group_graph, lang)
    png, svg = _draw(group_graph_picture, H, lang=lang,
                     highlight_pairs=[(group_label(a, lang), group_label(b, lang)) for a, b in flagged])
    lead = t("report.map.lead", lang, unit=singular, units=plural, relations=relations)
    if flagged:
        lead += " " + t("report.map.flagged", lang)
    caption = t("report.map.caption", lang, units=plural, relations=relations)
    if len(H) > ALL_PAIRS_UP_TO:
        caption += " " + t("report.map.strongest", lang, unit=singular, units=plural)
    map_section = Section(heading=t("report.map.heading", lang, units=plural), key="map", blocks=(
        Text(lead, "lead"),
        _picture(png, svg, caption,
                 t("report.map.alt", lang, units=plural, n=number(len(source.groups), lang)), "department_map"),
    ))
    matrix = _combined_matrix(source)
    labels = [group_label(g, lang) for g in matrix.index]
    matrix.index, matrix.columns = labels, labels
    png, svg = _draw(matrix_picture, matrix, lang=lang,
                     highlight=[(group_label(a, lang), group_label(b, lang)) for a, b in declared],
                     row_label=t("report.matrix.rows", lang), column_label=t("report.matrix.columns", lang))
    lead = t("report.matrix.lead", lang, unit=singular)
    if declared:
        lead += " " + t("report.matrix.declared", lang)
    matrix_section = Section(heading=t("report.matrix.heading", lang, unit=singular), key="matrix", blocks=(
        Text(lead, "lead"),
        _picture(png, svg, t("report.matrix.caption", lang, relations=relations),
                 t("report.matrix.alt", lang, units=plural), "department_matrix"),
    ))
    return [map_section, matrix_section]


def _pair_ties(source: ReportSource, a: str, b: str) -> list[tuple[str, int, int]]:
    rows = []
    for relation, matrix in source.matrices.items():
        m = matrix.copy()
        m.index, m.columns = [str(i) for i in m.index], [str(c) for c in m.columns]
        ab = int(m.at[a, b]) if a in m.index and b in m.columns else 0
        ba = int(m.at[b, a]) if b in m.index and a in m.columns else 0
        rows.append((relation, ab, ba))
    return rows


def _pair_sections(source: ReportSource, findings: list[Any], lang: str) -> list[Section]:
    declared = [(str(a), str(b), str(c or "")) for a, b, c in
                zip(source.collaborations["group_a"], source.collaborations["group_b"],
                    source.collaborations["collaboration"])]
    seen = {frozenset((a, b)) for a, b, _ in declared}
    undeclared = []
    for a, b in flagged_pairs(findings):
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            undeclared.append((a, b, ""))
    pages = [(p, True) for p in declared] + [(p, False) for p in undeclared[:MAX_UNDECLARED_PAIRS]]
    cards = {str(c.name): c for c in source.collaboration_cards}
    from ona.viz.render import group_colors

    colours = {group_label(g, lang): c for g, c in group_colors([str(g) for g in source.groups.index]).items()}
    colours[t("conditions.all_groups", lang)] = "#9AA5B1"  # everyone together: grey, as in the app's chart
    sections = []
    for i, ((a, b, collaboration), is_declared) in enumerate(pages, start=1):
        la, lb = group_label(a, lang), group_label(b, lang)
        pair = frozenset((a, b))
        about = [f for f in findings if len(f.groups) == 2 and frozenset(map(str, f.groups)) == pair]
        heading = (t("report.pair.heading.named", lang, name=collaboration, a=la, b=lb) if collaboration
                   else t("report.pair.heading", lang, a=la, b=lb))
        ties = _pair_ties(source, a, b)
        total = sum(ab + ba for _, ab, ba in ties)
        blocks: list[Any] = []
        if about:
            blocks.append(Text(str(about[0].text.get(lang, "")), "lead"))
            note = _card(about[0], source.names, lang, 0).note
            if note:
                blocks.append(Text(note, "note"))
        elif is_declared:
            blocks.append(Text(t("report.pair.fine", lang, a=la, b=lb, ties=count(total, "tie", lang)), "lead"))
        rows = [(relation_label(r, lang), number(ab, lang), number(ba, lang), number(ab + ba, lang))
                for r, ab, ba in ties]
        if len(ties) > 1:
            rows.append((t("report.pair.all", lang), number(sum(x for _, x, _ in ties), lang),
                         number(sum(y for _, _, y in ties), lang), number(total, lang)))
        blocks.append(Table(
            columns=(t("report.pair.relation", lang), t("report.pair.names", lang, a=la, b=lb),
                     t("report.pair.names", lang, a=lb, b=la), t("report.pair.total", lang)),
            rows=tuple(rows), numeric=(False, True, True, True),
            caption=t("report.pair.table", lang, a=la, b=lb),
        ))
        collaboration_card = cards.get(collaboration) if is_declared else None
        if collaboration_card is not None:
            blocks += _conditions_blocks(collaboration_card, a, b, lang, colours)
        for finding in about:
            card = _card(finding, source.names, lang, 0)
            if finding is about[0]:
                if card.suggestions:
                    blocks.append(Bullets(card.suggestions, heading=card.suggestions_heading))
            else:
                blocks.append(card)
        kicker = (t("report.pair.kicker.declared", lang, i=i, n=len(declared)) if is_declared
                  else t("report.pair.kicker.flagged", lang, i=i - len(declared), n=len(pages) - len(declared)))
        sections.append(Section(heading=heading, kicker=kicker, blocks=tuple(blocks), key=f"pair_{i}"))
        sheet = source.process_sheets.get((a, b, lang)) if is_declared else None
        if sheet is not None:
            sections.append(_sheet_section(sheet, lang, key=f"sheet_{i}"))
    return sections


def _key_player_blocks(answer: Any, caption: str, column: str, k: int, lang: str) -> list[Any]:
    """One key-player set: what it does (beside the best-connected people), its members, the best-connected."""
    import dataclasses

    from ona.findings.keyplayers import key_player_text

    result = answer.result
    groups = tuple(group_label(g, lang) for g in result.groups)  # the merged and unknown groups in the reader's language
    if not answer.rows:  # the set found cuts nobody off: nobody is named
        return [Text(t("report.kp.cut.none", lang, k=number(k, lang)))]
    if groups:
        result = dataclasses.replace(result, groups=groups)
    return [
        Text(key_player_text(result, lang)),
        Table(
            columns=(t("report.kp.person", lang), column, t("report.kp.ties", lang), t("report.kp.contribution", lang)),
            rows=tuple((name, group_label(unit, lang) if unit else "–", number(ties, lang),
                        number(contribution, lang, 3)) for name, unit, ties, contribution in answer.rows),
            numeric=(False, False, True, True),
            caption=caption,
        ),
        Bullets((_join(answer.best_connected, lang),),
                heading=t("report.kp.best_connected" + (".one" if len(answer.best_connected) == 1 else ""), lang,
                          k=number(len(answer.best_connected), lang))),
    ]


def _key_player_sections(source: ReportSource, lang: str) -> list[Section]:
    """The key players (Borgatti 2006) the reader may see: for the organisation, and per pair of groups."""
    page = source.key_players
    if page is None:
        return []
    singular, plural = _unit(source, lang)
    column = singular.capitalize() if page.grouping == source.grouping else grouping_words(page.grouping, lang)["Unit"]
    k = number(page.k, lang)
    searches = [page.fragmentation.result, page.reach.result] + [a.result for a in page.pairs]
    if not all(r.complete for r in searches):
        how = "report.kp.search.stopped"
    elif all(r.search == "exhaustive" for r in searches):
        how = "report.kp.search.exhaustive"
    else:
        how = "report.kp.search.swap"
    blocks: list[Any] = [Text(t("report.kp.lead", lang, k=k), "lead"),
                         Text(t("report.kp.how", lang, search=t(how, lang)), "note")]
    blocks += _key_player_blocks(page.fragmentation, t("report.kp.cut.caption", lang), column, page.k, lang)
    blocks += _key_player_blocks(page.reach, t("report.kp.reach.caption", lang), column, page.k, lang)
    sections = [Section(heading=t("report.kp.heading", lang), blocks=tuple(blocks), key="key_players")]
    if page.pairs or page.pairs_too_small:
        blocks = [Text(t("report.kp.pairs.lead", lang, k=k, unit=singular, units=plural), "lead")]
        considered = len(page.pairs) + len(page.pairs_too_small)
        if page.pairs_discussed > considered:
            blocks.append(Text(t("report.kp.pairs.first", lang, n=number(page.pairs_discussed, lang),
                                 shown=number(considered, lang), units=plural), "note"))
        def pair_names(pairs: Sequence[Sequence[str]]) -> str:
            return _join([t("report.kp.pair", lang, a=group_label(a, lang), b=group_label(b, lang))
                          for a, b in pairs], lang)

        uncut = [answer.result.groups for answer in page.pairs if not answer.rows]
        if uncut:
            blocks.append(Text(t("report.kp.cut.none.pairs", lang, pairs=pair_names(uncut), k=k)))
        if page.pairs_too_small:
            blocks.append(Text(t("report.kp.pairs.small", lang, pairs=pair_names(page.pairs_too_small), k=k), "note"))
        for answer in (answer for answer in page.pairs if answer.rows):
            a, b = (group_label(g, lang) for g in answer.result.groups)
            blocks += _key_player_blocks(answer, t("report.kp.pair.caption", lang, a=a, b=b), column, page.k, lang)
        sections.append(Section(heading=t("report.kp.pairs.heading", lang, units=plural), blocks=tuple(blocks),
                                key="key_players_pairs"))
    return sections


def _conditions_blocks(card: Any, a: str, b: str, lang: str, colours: Mapping[str, str]) -> list[Any]:
    """A collaboration's five conditions on its page: the strongest and weakest, and a chart of the two groups
    of the pair and all who answered (nothing when nobody answered the statements)."""
    from ona.io.kit.conditions import condition_label
    from ona.measures.conditions import ALL_GROUPS
    from ona.viz.pictures import conditions_picture

    scores = card.scores
    if scores is None or not len(scores):
        return []
    rows = [g for g in (a, b, ALL_GROUPS) if g in scores.index]
    table = scores.loc[rows].T
    table = table.loc[:, table.notna().any()]
    if not table.shape[1] or not table.notna().any().any():
        return []
    table.index = [condition_label(c, lang) for c in table.index]
    table.columns = [t("conditions.all_groups", lang) if g == ALL_GROUPS else group_label(g, lang)
                     for g in table.columns]
    blocks: list[Any] = []
    pooled = scores.loc[ALL_GROUPS] if ALL_GROUPS in scores.index else scores.mean()
    if card.best and card.weakest and not pd.isna(pooled.get(card.best)) and not pd.isna(pooled.get(card.weakest)):
        blocks.append(Text(t("collab.best_weakest", lang, best=condition_label(card.best, lang),
                             best_score=number(float(pooled[card.best]), lang, 1),
                             weakest=condition_label(card.weakest, lang),
                             weakest_score=number(float(pooled[card.weakest]), lang, 1))))
    png, svg = _draw(conditions_picture, table, lang=lang, width=8.0, colours=colours,
                     height=min(5.0, 1.2 + 0.22 * table.shape[0] * table.shape[1]))
    blocks.append(_picture(png, svg, t("report.conditions.caption", lang),
                           t("report.conditions.alt", lang, name=card.name), f"conditions_{card.name}"))
    return blocks


def _upper_first(text: Any) -> str:
    """'ruimte & Wonen → x' -> 'Ruimte & Wonen → x' (str.capitalize would lower the rest)."""
    value = str(text)
    return value[:1].upper() + value[1:]


def _sheet_section(sheet: Any, lang: str, key: str) -> Section:
    """The joint process analysis sheet of two departments as a printable page (issue W2 4/6, item 5)."""
    blocks: list[Any] = [Text(sheet.intro), Text(t("report.sheet.answer_space", lang), "note")]
    counts = ", ".join(f"{group_label(g, lang)}: {number(n, lang)}" for g, n in sheet.carriers_by_group.items())
    if not any(sheet.carriers_by_group.values()):
        blocks.append(Text(t("collab.sheet.carriers.none", lang, a=sheet.a, b=sheet.b)))
    elif len(sheet.carriers):
        frame = sheet.carriers.head(MAX_SHEET_CARRIERS)
        more = len(sheet.carriers) - len(frame)
        blocks.append(Table(
            columns=tuple(_upper_first(c) for c in frame.columns),
            rows=tuple((str(p), group_label(g, lang), number(int(n), lang), str(r))
                       for p, g, n, r in frame.itertuples(index=False)),
            numeric=(False, False, True, False),
            caption=t("report.sheet.carriers", lang) + " — " + counts,
        ))
        if more:
            blocks.append(Text(t("report.sheet.more", lang, n=number(more, lang)), "note"))
    else:
        blocks.append(Text(t("report.sheet.counts", lang, counts=counts) + " "
                           + t("collab.sheet.carriers.hidden", lang)))
    ties = sheet.ties
    blocks.append(Table(
        columns=tuple(_upper_first(c) for c in ties.columns),
        rows=tuple((str(r[0]), number(int(r[1]), lang), number(int(r[2]), lang), str(r[3]), str(r[4]))
                   for r in ties.itertuples(index=False)),
        numeric=(False, True, True, True, True),
        caption=t("report.sheet.ties", lang),
    ))
    if len(sheet.conditions):
        conditions = sheet.conditions
        blocks.append(Table(
            columns=(t("report.sheet.condition", lang),) + tuple(group_label(c, lang) for c in conditions.columns),
            rows=tuple((str(label),) + tuple("–" if pd.isna(v) else number(float(v), lang, 1) for v in values)
                       for label, values in zip(conditions.index, conditions.itertuples(index=False))),
            numeric=(False,) + (True,) * conditions.shape[1],
            caption=t("report.sheet.conditions", lang),
        ))
    blocks.append(Bullets(tuple(sheet.questions), heading=t("collab.sheet.questions", lang)))
    return Section(heading=sheet.title, kicker=t("report.sheet.kicker", lang), blocks=tuple(blocks), key=key)


def _method_section(source: ReportSource, lang: str) -> Section:
    singular, plural = _unit(source, lang)
    blocks: list[Any] = []
    if source.questions:
        items = tuple(t("report.method.question", lang, text=text, relation=relation_label(relation, lang))
                      for text, relation in source.questions)
    else:
        items = tuple(relation_label(r, lang) for r in source.relations)
    blocks.append(Bullets(items, heading=t("report.method.asked", lang)))
    rows = tuple(
        (group_label(g, lang), number(int(r.people), lang), number(int(r.respondents), lang),
         percent(r.respondents / r.people, lang) if r.people else "–")
        for g, r in source.groups.iterrows()
    )
    rows += ((t("report.method.total", lang), number(source.people, lang), number(source.respondents, lang),
              percent(source.response_rate, lang)),)
    blocks.append(Table(
        columns=(singular.capitalize(), t("report.method.people", lang), t("report.method.respondents", lang),
                 t("report.method.response", lang)),
        rows=rows, numeric=(False, True, True, True), caption=t("report.method.response_table", lang, unit=singular),
    ))
    blocks.append(Text(t("report.method.missing", lang, unit=singular)))
    blocks.append(Text(_treatment_sentence(source, lang)))
    blocks.append(Text(t("report.method.confidence", lang, units=plural)))
    assessed = [getattr(f, "robustness", None) for f in source.findings]
    assessed = [r.get("robust") if isinstance(r, Mapping) else getattr(r, "robust", None) for r in assessed]
    assessed = [r for r in assessed if r is not None]
    if assessed:
        blocks.append(Text(t("report.method.robust", lang, robust=number(sum(map(bool, assessed)), lang),
                             n=number(len(assessed), lang))))
    blocks.append(Text(t("report.method.measures", lang, units=plural)))
    if source.relations:
        blocks.append(Text(t("report.method.key_players", lang)))
    if any(len(card.scores) for card in source.collaboration_cards):
        blocks.append(Text(t("report.method.conditions", lang)))
    perceived = any(f.kind in ("overestimated_trust", "unrecognised_trust") for f in source.findings) or any(
        len(pair.perceived_trust) for card in source.collaboration_cards for pair in card.pairs)
    if perceived:
        blocks.append(Text(t("report.method.perception", lang)))
    if source.n_permutations:
        blocks.append(Text(t("report.method.chance", lang, n=number(source.n_permutations, lang), seed=source.seed)))
    figure_rows = []
    for relation in source.relations:
        figures = source.summary.get(relation, {})
        figure_rows.append((
            relation_label(relation, lang),
            number(int(figures.get("ties", 0) or 0), lang),
            _share(figures.get("density"), lang, 1),
            _share(figures.get("reciprocity"), lang, 0),
        ))
    if figure_rows:
        blocks.append(Table(
            columns=(t("report.pair.relation", lang), t("report.method.ties", lang), t("report.method.density", lang),
                     t("report.method.reciprocity", lang)),
            rows=tuple(figure_rows), numeric=(False, True, True, True), caption=t("report.method.figures", lang),
        ))
        blocks.append(Text(t("report.method.figures_note", lang), "note"))
    return Section(heading=t("report.method.heading", lang), blocks=tuple(blocks), key="method")


def _treatment_sentence(source: ReportSource, lang: str) -> str:
    """How the unknown ties of people who did not answer were treated (:mod:`ona.measures.missing`)."""
    rebuilt = [r for r in source.relations if source.summary.get(r, {}).get("missing_treatment") == "reconstruct"]
    if source.missing != "reconstruct" or not rebuilt:
        return t("report.method.treatment.none", lang)
    ties = sum(int(source.summary.get(r, {}).get("reconstructed_ties") or 0) for r in rebuilt)
    return t("report.method.treatment.reconstruct", lang, relations=_join([relation_label(r, lang) for r in rebuilt],
                                                                          lang),
             ties=count(ties, "tie", lang))


def _share(value: Any, lang: str, digits: int) -> str:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return "–"
    return percent(x, lang, digits) if x == x else "–"


def _privacy_section(source: ReportSource, lang: str) -> Section:
    singular, plural = _unit(source, lang)
    if source.audience == MANAGER_AUDIENCE:
        items = [t("report.privacy.manager.k", lang, k=source.min_group_size, units=plural)]
        hidden = _hidden_sentence(source, lang)
        if hidden:
            items.append(hidden + " " + t("report.privacy.manager.other", lang))
        items.append(_names_sentence(source, lang)[:1].upper() + _names_sentence(source, lang)[1:] + ".")
        items.append(t("report.privacy.manager.answers", lang))
    else:
        items = [t("report.privacy.analyst.names", lang), t("report.privacy.analyst.share", lang),
                 t("report.privacy.analyst.keep", lang)]
    return Section(heading=t("report.privacy.heading", lang), key="privacy", blocks=(Bullets(tuple(items)),))


def check_no_leak(content: ReportContent, withheld: Any) -> None:
    """Refuse a report that would show a withheld name (a small group, a person who may not be named).

    `withheld` is a view's leak matcher (:attr:`ona.views.ManagerView.leaks`, which lets a shown
    "Sociaal Domein" through beside a withheld "Domein") or a set of terms.

    Raises
    ------
    OnaError
        Naming the first withheld term found.
    """
    if not withheld:
        return
    from ona.privacy import TermMatcher

    matcher = withheld if isinstance(withheld, TermMatcher) else TermMatcher(withheld)
    for text in content.texts():
        found = matcher.find(text) if text else []
        if found:
            raise OnaError(
                f"The report stopped: it would contain {found[0]!r}, which its readers may not see. "
                "This is a bug in ona; please report it (without the data)."
            )


# -- the change report --------------------------------------------------------------------------------


def build_change_report(
    change: Any,
    *,
    lang: str = "nl",
    title: str | None = None,
    names: Mapping[str, str] | None = None,
    audience: str = "analyst",
    grouping: str = "department",
    withheld: frozenset[str] = frozenset(),
) -> ReportContent:
    """The report of two survey waves: what changed, and where new ties between departments spread from.

    Parameters
    ----------
    change : ona.views.Change or ChangeTables
        Two waves compared as the reader may see them: ``before_wave``, ``after_wave``, ``panel`` (people
        who answered both times), ``relations`` (kept, new, lost per relation), ``groups`` (ties with other
        groups per person, before and after), ``spread`` (per relation: where growth started) and
        ``findings``. A view's ``compare(before, after)`` gives one (for managers: screened); so does
        :func:`ona.documents.source.change_tables` for HR.
    lang : {"nl", "en"}, optional (default="nl")
    title : str, optional
        The organisation's name.
    names : mapping, optional
        Person key -> name to print (the change findings name teams and departments, not people).
    audience : {"analyst", "manager"}, optional
    grouping : str, optional (default="department")
    withheld : frozenset of str, optional
        Names that must not appear.
    """
    from ona.viz.pictures import change_picture

    _check_lang(lang)
    names = names or {}
    comparison = change
    findings = list(change.findings)
    before, after = str(change.before_wave), str(change.after_wave)
    panel = int(change.panel)
    relations = [str(r) for r in change.relations["relation"]]
    unit_single = t("report.unit.department" if grouping == "department" else "report.unit.group", lang)
    unit_plural = t("report.unit.departments" if grouping == "department" else "report.unit.groups", lang)
    from ona.io.samples import title_in

    heading = (t("report.change.title", lang, name=title_in(title, lang)) if title
               else t("report.change.title.unnamed", lang))
    page = TitlePage(
        title=heading,
        subtitle=t("report.change.subtitle", lang, before=before, after=after),
        figures=(
            (number(panel, lang), t("report.change.fig.panel", lang)),
            (number(int(comparison.relations["new"].sum()), lang), t("report.change.fig.new", lang)),
            (number(int(comparison.relations["lost"].sum()), lang), t("report.change.fig.lost", lang)),
        ),
        audience=t("report.audience.analyst" if audience != MANAGER_AUDIENCE else "report.change.audience.manager",
                   lang),
        note=t("report.made_with", lang, version=_ona_version()),
    )
    sections = []
    blocks: list[Any] = []
    if findings:
        blocks.append(Text(t("report.change.lead", lang, before=before, after=after,
                             findings=count(len(findings), "finding", lang)), "lead"))
        cards = tuple(_card(f, names, lang, i + 1) for i, f in enumerate(findings[:MAX_SUMMARY_FINDINGS]))
        blocks.append(FindingList(cards, overview_title=t("report.summary.heading", lang)))
    else:
        blocks.append(Text(t("report.change.none", lang, before=before, after=after), "lead"))
    sections.append(Section(heading=t("report.summary.heading", lang), blocks=tuple(blocks), key="summary"))

    rows = tuple(
        (relation_label(str(r.relation), lang), number(int(r.ties_before), lang), number(int(r.ties_after), lang),
         number(int(r.kept), lang), number(int(r.new), lang), number(int(r.lost), lang))
        for r in comparison.relations.itertuples(index=False)
    )
    sections.append(Section(heading=t("report.change.what.heading", lang), key="what", blocks=(
        Text(t("report.change.what.lead", lang, panel=number(panel, lang), before=before, after=after), "lead"),
        Table(columns=(t("report.pair.relation", lang), t("report.change.col.before", lang, wave=before),
                       t("report.change.col.after", lang, wave=after), t("report.change.col.kept", lang),
                       t("report.change.col.new", lang), t("report.change.col.lost", lang)),
              rows=rows, numeric=(False, True, True, True, True, True), caption=t("report.change.what.table", lang)),
    )))

    for relation in relations:
        groups = comparison.groups[comparison.groups["relation"] == relation]
        if not len(groups):
            continue
        frame = pd.DataFrame({"before": groups["cross_before"].to_numpy(dtype=float),
                              "after": groups["cross_after"].to_numpy(dtype=float)},
                             index=[group_label(g, lang) for g in groups["group"]])
        frame = frame.sort_values("after", ascending=False, kind="stable")
        png, svg = _draw(change_picture, frame, before_label=before, after_label=after, lang=lang,
                         axis_label=t("report.change.axis", lang, relation=relation_label(relation, lang),
                                      units=unit_plural))
        rows = change.spread[change.spread["relation"] == relation] if len(change.spread) else change.spread
        spread = rows.iloc[0].to_dict() if len(rows) else {}
        lead = t("report.change.spread.none", lang)
        if spread.get("origin"):
            unit = t("report.change.unit.team", lang) if spread.get("unit") == "team" else unit_single
            lead = t("report.change.spread.lead", lang, unit=unit, origin=group_label(spread["origin"], lang),
                     gain=number(float(spread.get("origin_gain") or 0), lang, 1),
                     contacts=number(int(spread.get("contacts") or 0), lang),
                     contacts_gain=number(float(spread.get("contacts_gain") or 0), lang, 1),
                     others_gain=number(float(spread.get("others_gain") or 0), lang, 1),
                     relation=relation_label(relation, lang))
        sections.append(Section(
            heading=t("report.change.spread.heading", lang, relation=relation_label(relation, lang)),
            key=f"spread_{relation}", blocks=(
                Text(lead, "lead"),
                _picture(png, svg, t("report.change.caption", lang, relation=relation_label(relation, lang),
                                     before=before, after=after, units=unit_plural),
                         t("report.change.alt", lang, units=unit_plural), f"change_{relation}"),
            )))
    rest = findings[MAX_SUMMARY_FINDINGS:]
    if rest:
        cards = tuple(_card(f, names, lang, MAX_SUMMARY_FINDINGS + i + 1) for i, f in enumerate(rest))
        sections.append(Section(heading=t("report.other.heading", lang), key="other_findings", blocks=(
            FindingList(cards, overview_title=t("report.other.heading", lang)),)))
    sections.append(Section(heading=t("report.method.heading", lang), key="method", blocks=(
        Text(t("report.change.method.panel", lang, before=before, after=after, unit=unit_single)),
        Text(t("report.change.method.groups", lang, before=before, unit=unit_single, units=unit_plural)),
    )))
    privacy = (t("report.privacy.analyst.names", lang),) if audience != MANAGER_AUDIENCE else (
        t("report.change.privacy.manager", lang),)
    sections.append(Section(heading=t("report.privacy.heading", lang), key="privacy", blocks=(Bullets(privacy),)))
    content = ReportContent(lang=lang, title_page=page, sections=tuple(sections),
                            footer=f"{heading} · {page.subtitle} · ona {_ona_version()}", audience=audience,
                            kind="change")
    check_no_leak(content, withheld)
    return content
