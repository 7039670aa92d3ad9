"""The joint process analysis sheet as a printable HTML page (A4, no scripts, nothing fetched from elsewhere).

Every name and number comes from :class:`~ona.findings.collaboration_view.ProcessSheet`;
names come from HR files, so every cell is escaped.
"""

from __future__ import annotations

import html

import pandas as pd

from ona.findings.collaboration_view import ProcessSheet
from ona.i18n import number, t

__all__ = ["process_sheet_html"]

_STYLE = """
@page { size: A4; margin: 16mm; }
body { font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: #1f2933; font-size: 11pt; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #cbd2d9; }
p.intro { color: #52606d; margin-top: 0; }
table { border-collapse: collapse; margin: 4pt 0; } th, td { padding: 3pt 8pt; border-bottom: 1px solid #e4e7eb;
text-align: left; } td.n { text-align: right; }
ol li { margin-bottom: 28pt; }
@media print { h2 { break-after: avoid; } table, li { break-inside: avoid; } }
"""


def _table(frame: pd.DataFrame, lang: str, *, index: bool = False) -> str:
    head = ([""] if index else []) + [str(c) for c in frame.columns]
    rows = []
    for label, values in zip(frame.index, frame.itertuples(index=False)):
        cells = [f"<th>{html.escape(str(label))}</th>"] if index else []
        for value in values:
            if isinstance(value, float):
                cells.append(f'<td class="n">{"" if pd.isna(value) else number(value, lang, 1)}</td>')
            elif isinstance(value, int):
                cells.append(f'<td class="n">{number(value, lang)}</td>')
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def process_sheet_html(sheet: ProcessSheet) -> str:
    """The sheet as one self-contained HTML document, ready to print.

    Examples
    --------
    >>> from ona import samples
    >>> from ona.findings.collaboration_view import process_sheet
    >>> page = process_sheet_html(process_sheet(samples.load("municipality"), "Ruimte & Wonen", "Publiekszaken"))
    >>> page.startswith("<!DOCTYPE html>"), "Ruimte &amp; Wonen" in page, "<script" in page
    (True, True, False)
    """
    lang = sheet.lang
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
             f"<title>{html.escape(sheet.title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{html.escape(sheet.title)}</h1>", f'<p class="intro">{html.escape(sheet.intro)}</p>',
             f"<h2>{html.escape(t('collab.sheet.carriers', lang))}</h2>"]
    if not any(sheet.carriers_by_group.values()):
        parts.append(f"<p>{html.escape(t('collab.sheet.carriers.none', lang, a=sheet.a, b=sheet.b))}</p>")
    else:
        counts = ", ".join(f"{html.escape(g)}: {number(n, lang)}" for g, n in sheet.carriers_by_group.items())
        parts.append(f"<p>{counts}</p>")
        if len(sheet.carriers):
            parts.append(_table(sheet.carriers, lang))
        else:
            parts.append(f"<p>{html.escape(t('collab.sheet.carriers.hidden', lang))}</p>")
    parts += [f"<h2>{html.escape(t('collab.sheet.ties', lang))}</h2>", _table(sheet.ties, lang)]
    if len(sheet.conditions):
        parts += [f"<h2>{html.escape(t('collab.sheet.conditions', lang))}</h2>",
                  _table(sheet.conditions, lang, index=True)]
    parts.append(f"<h2>{html.escape(t('collab.sheet.questions', lang))}</h2><ol>")
    parts += [f"<li>{html.escape(q)}</li>" for q in sheet.questions]
    parts.append("</ol></body></html>")
    return "".join(parts)
