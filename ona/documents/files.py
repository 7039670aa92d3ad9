"""Report and picture files of a view, for the app's downloads and anything else that holds a view.

:func:`report_file` and :func:`picture_file` take a view of :mod:`ona.views` (analyst, manager or a
published workspace) and return the bytes of a file: what the view's reader may see, nothing more.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ona.i18n import grouping_words, relation_label, t

__all__ = ["PICTURES", "conditions_file", "picture_file", "report_file"]

#: The pictures a view can be drawn as.
PICTURES = ("network", "departments", "matrix")


def report_file(view: Any, lang: str = "nl", format: str = "pdf", *, n_permutations: int = 1000) -> bytes:
    """The report of `view` in `lang`, as PDF or PowerPoint bytes (see :func:`ona.documents.build_report`)."""
    from ona.documents import render
    from ona.documents.build import build_report
    from ona.documents.source import view_source

    return render(build_report(view_source(view, n_permutations=n_permutations), lang), format)


def picture_file(view: Any, picture: str, relation: str, *, lang: str = "nl", format: str = "png",
                 seed: int = 0) -> bytes:
    """A picture of `view` for one relation: ``network`` (people, coloured by group, as in the browser),
    ``departments`` (the department map, pairs with a finding in red) or ``matrix`` (ties between groups).

    Raises
    ------
    ConfigurationError
        If `picture` is unknown.
    """
    from ona.documents.build import group_label
    from ona.exceptions import ConfigurationError
    from ona.viz import pictures

    what = relation_label(relation, lang)
    if picture == "network":
        return pictures.network_picture(view.graph(relation), color_by=view.grouping, seed=seed, lang=lang,
                                        format=format, title=f"{t('render.title.people', lang)}: {what}")
    if picture == "departments":
        H = view.group_graph(relation)
        flagged = [tuple(f.groups) for f in view.findings() if len(f.groups) == 2 and f.kind in
                   ("gap", "fragile_bridge", "one_sided_trust")]
        mapping = {g: group_label(g, lang) for g in H.nodes}
        H = nx.relabel_nodes(H, mapping, copy=True)
        return pictures.group_graph_picture(
            H, lang=lang, format=format, title=f"{t('render.title.groups', lang, **grouping_words(view.grouping, lang))}: {what}",
            highlight_pairs=[(mapping.get(a, a), mapping.get(b, b)) for a, b in flagged if a in mapping and b in mapping])
    if picture == "matrix":
        matrix = view.group_matrix(relation, "counts").copy()
        matrix.index = [group_label(g, lang) for g in matrix.index]
        matrix.columns = [group_label(g, lang) for g in matrix.columns]
        return pictures.matrix_picture(matrix, lang=lang, format=format,
                                       title=f"{t('render.title.groups', lang, **grouping_words(view.grouping, lang))}: {what}",
                                       row_label=t("report.matrix.rows", lang),
                                       column_label=t("report.matrix.columns", lang))
    raise ConfigurationError(f"Unknown picture {picture!r}; use one of {', '.join(PICTURES)}.")


def conditions_file(view: Any, collaboration: str | None = None, *, lang: str = "nl", format: str = "png") -> bytes:
    """The five conditions of one collaboration as the view shows them (its member groups, the other groups
    that answered and everyone together, in the groups' own colours), as PNG or SVG.

    Parameters
    ----------
    collaboration : str, optional
        Its name; default the first of :meth:`view.collaborations` with answers.

    Raises
    ------
    ConfigurationError
        If no collaboration has answers about the conditions, or `collaboration` has none.
    """
    from ona.exceptions import ConfigurationError
    from ona.io.kit.conditions import condition_label
    from ona.measures.conditions import ALL_GROUPS
    from ona.viz import pictures
    from ona.viz.render import group_colors

    cards = [c for c in view.collaborations() if len(c.scores) and c.scores.notna().any().any()]
    names = [str(c.name) for c in cards]
    if not cards or (collaboration is not None and collaboration not in names):
        raise ConfigurationError(f"No answers about the five conditions of {collaboration or 'any collaboration'}"
                                 f"; collaborations with answers: {', '.join(names) or 'none'}.")
    card = cards[names.index(collaboration)] if collaboration is not None else cards[0]
    table = card.scores.T
    table = table.loc[:, table.notna().any()]
    table.index = [condition_label(c, lang) for c in table.index]
    everyone = t("conditions.all_groups", lang)
    table.columns = [everyone if g == ALL_GROUPS else str(g) for g in table.columns]
    colours = {**group_colors([str(g) for g in view.groups_shown()]), everyone: "#9AA5B1"}
    return pictures.conditions_picture(table, colours=colours, lang=lang, format=format, title=str(card.name))
