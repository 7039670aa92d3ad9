"""Render a :class:`~ona.documents.content.ReportContent` as a PDF (A4), with reportlab.

reportlab's Platypus lays out flowing text, tables that continue on the next page and pictures; the
DejaVu fonts are embedded (subset), so the PDF reads the same everywhere, offline. Every text is
escaped before it becomes a reportlab paragraph (whose text is XML-like markup), so a name such as
``<b>Jansen & Co</b>`` prints literally. The PDF is written with reportlab's ``invariant`` mode: no
creation date and a fixed document id, so the same content gives the same bytes.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

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
)
from ona.documents.fonts import font_files
from ona.i18n import t

__all__ = ["LEVEL_COLOURS", "to_pdf"]

#: Colour of each finding level (high, medium, low), also used on slides.
LEVEL_COLOURS = {"high": "#c0392b", "medium": "#d68910", "low": "#7f8c8d"}
_ACCENT = "#1f4e79"
_GREY = "#555555"
_LIGHT = "#f2f5f9"
_FONT = "OnaSans"


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    files = font_files()
    names = {"regular": _FONT, "bold": f"{_FONT}-Bold", "italic": f"{_FONT}-Italic",
             "bold_italic": f"{_FONT}-BoldItalic"}
    for style, name in names.items():
        pdfmetrics.registerFont(TTFont(name, str(files[style])))
    addMapping(_FONT, 0, 0, names["regular"])
    addMapping(_FONT, 1, 0, names["bold"])
    addMapping(_FONT, 0, 1, names["italic"])
    addMapping(_FONT, 1, 1, names["bold_italic"])


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=_FONT, fontSize=10, leading=14, spaceAfter=6, textColor=HexColor("#222222"))
    return {
        "body": base,
        "lead": ParagraphStyle("lead", parent=base, fontSize=12, leading=17, spaceAfter=10),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11.5, textColor=HexColor(_GREY)),
        "kicker": ParagraphStyle("kicker", parent=base, fontSize=9, leading=12, textColor=HexColor(_GREY),
                                 spaceAfter=2),
        "heading": ParagraphStyle("heading", parent=base, fontName=f"{_FONT}-Bold", fontSize=18, leading=23,
                                  textColor=HexColor(_ACCENT), spaceAfter=10),
        "subheading": ParagraphStyle("subheading", parent=base, fontName=f"{_FONT}-Bold", fontSize=11, leading=15,
                                     spaceBefore=4, spaceAfter=4),
        "card_heading": ParagraphStyle("card_heading", parent=base, fontName=f"{_FONT}-Bold", fontSize=11.5,
                                       leading=15, spaceAfter=3),
        "level": ParagraphStyle("level", parent=base, fontSize=8.5, leading=11, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12, spaceAfter=0),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=9, leading=12, spaceAfter=0, alignment=2),
        "header": ParagraphStyle("header", parent=base, fontName=f"{_FONT}-Bold", fontSize=9, leading=12,
                                 spaceAfter=0, textColor=HexColor("#ffffff")),
        "header_right": ParagraphStyle("header_right", parent=base, fontName=f"{_FONT}-Bold", fontSize=9,
                                       leading=12, spaceAfter=0, alignment=2, textColor=HexColor("#ffffff")),
        "title": ParagraphStyle("title", parent=base, fontName=f"{_FONT}-Bold", fontSize=28, leading=34,
                                textColor=HexColor(_ACCENT), spaceAfter=8),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=15, leading=20, textColor=HexColor(_GREY),
                                   spaceAfter=28),
        "figure_value": ParagraphStyle("figure_value", parent=base, fontName=f"{_FONT}-Bold", fontSize=24,
                                       leading=28, textColor=HexColor(_ACCENT), spaceAfter=0),
        "figure_label": ParagraphStyle("figure_label", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0),
    }


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def to_pdf(content: ReportContent) -> bytes:
    """The report as PDF bytes (A4, fonts embedded, same bytes for the same content).

    Examples
    --------
    >>> from ona.documents.content import ReportContent, Section, Text, TitlePage
    >>> page = TitlePage("Samenwerking in <Test & Co>", "Netwerkonderzoek", (("12", "mensen"),), "Voor HR.")
    >>> pdf = to_pdf(ReportContent("nl", page, (Section("In het kort", (Text("Niets bijzonders."),)),), "Test"))
    >>> pdf[:5], pdf == to_pdf(ReportContent("nl", page, (Section("In het kort", (Text("Niets bijzonders."),)),),
    ...                                                   "Test"))
    (b'%PDF-', True)
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer

    _register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    margin = 2.0 * cm
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=2.2 * cm,
        title=content.title_page.title, author="ona", subject=content.title_page.subtitle, creator="ona",
        lang=content.lang, invariant=1,
    )
    width, height = doc.width, doc.height
    story: list[Any] = _title_page(content, styles, width)
    for section in content.sections:
        story.append(PageBreak() if section.new_page else Spacer(1, 14))
        story += _section(section, styles, width, height)

    def decorate(canvas: Any, document: Any) -> None:
        page = canvas.getPageNumber()
        if page == 1:
            return
        canvas.saveState()
        canvas.setFont(_FONT, 7.5)
        canvas.setFillColorRGB(0.45, 0.45, 0.45)
        label = t("report.page", content.lang, page=page)
        room = A4[0] - 2 * margin - canvas.stringWidth(label, _FONT, 7.5) - 12
        footer = content.footer
        while footer and canvas.stringWidth(footer, _FONT, 7.5) > room:
            footer = footer[:-2].rstrip() + "…" if len(footer) > 2 else ""
        canvas.drawString(margin, 1.2 * cm, footer)
        canvas.drawRightString(A4[0] - margin, 1.2 * cm, label)
        canvas.restoreState()

    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _title_page(content: ReportContent, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    page = content.title_page
    story: list[Any] = [Spacer(1, 3.5 * cm), _p(page.title, styles["title"]), _p(page.subtitle, styles["subtitle"])]
    if page.figures:
        cells = [[_p(value, styles["figure_value"]), _p(label, styles["figure_label"])] for value, label in page.figures]
        grid = RLTable(cells, colWidths=[4.2 * cm, width - 4.2 * cm])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                                  ("LINEBELOW", (0, 0), (-1, -2), 0.4, HexColor("#dddddd"))]))
        story.append(grid)
    story.append(Spacer(1, 1.2 * cm))
    box = RLTable([[_p(page.audience, styles["body"])]], colWidths=[width])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HexColor(_LIGHT)),
                             ("LINEBEFORE", (0, 0), (0, -1), 4, HexColor(_ACCENT)),
                             ("LEFTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, -1), 10),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story.append(box)
    if page.note:
        story += [Spacer(1, 0.8 * cm), _p(page.note, styles["note"])]
    return story


def _section(section: Section, styles: dict[str, Any], width: float, height: float) -> list[Any]:
    from reportlab.platypus import KeepTogether

    head = []
    if section.kicker:
        head.append(_p(section.kicker.upper(), styles["kicker"]))
    head.append(_p(section.heading, styles["heading"]))
    flowables: list[Any] = []
    for block in section.blocks:
        flowables += _block(block, styles, width, height)
    # the heading never stands alone at the foot of a page
    first = flowables[:1]
    return [KeepTogether(head + first)] + flowables[1:]


def _block(block: Any, styles: dict[str, Any], width: float, height: float) -> list[Any]:
    if isinstance(block, Text):
        return [_p(block.text, styles.get(block.style, styles["body"]))]
    if isinstance(block, Bullets):
        return _bullets(block, styles)
    if isinstance(block, Figures):
        return _figures(block, styles, width)
    if isinstance(block, Table):
        return _table(block, styles, width)
    if isinstance(block, Picture):
        return _picture(block, styles, width, height)
    if isinstance(block, FindingCard):
        return _card(block, styles, width)
    if isinstance(block, FindingList):
        out: list[Any] = []
        for card in block.cards:
            out += _card(card, styles, width)
        return out
    raise TypeError(f"unknown block {type(block).__name__}")


def _bullets(block: Bullets, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import ListFlowable, ListItem

    from reportlab.platypus import KeepTogether

    out: list[Any] = []
    if block.heading:
        out.append(_p(block.heading, styles["subheading"]))
    items = [ListItem(_p(item, styles["body"]), leftIndent=14, value="•") for item in block.items]
    out.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=14, bulletFontName=_FONT))
    return [KeepTogether(out)] if block.heading else out  # a heading never stands alone at the foot of a page


def _figures(block: Figures, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    cells = [[_p(value, styles["figure_value"]) for value, _ in block.items],
             [_p(label, styles["figure_label"]) for _, label in block.items]]
    grid = RLTable(cells, colWidths=[width / max(len(block.items), 1)] * len(block.items))
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [grid]


def _table(block: Table, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    numeric = block.numeric
    header = [_p(c, styles["header_right" if numeric[i] else "header"]) for i, c in enumerate(block.columns)]
    rows = [[_p(v, styles["cell_right" if numeric[i] else "cell"]) for i, v in enumerate(row)] for row in block.rows]
    text_columns = sum(1 for n in numeric if not n) or 1
    number_width = min(3.2 * 28.35, width / max(len(numeric), 1))
    rest = width - number_width * sum(1 for n in numeric if n)
    widths = [number_width if n else rest / text_columns for n in numeric]
    table = RLTable([header] + rows, colWidths=widths, repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(_ACCENT)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor("#d9d9d9")),
    ]
    for r in range(2, len(rows) + 1, 2):
        style.append(("BACKGROUND", (0, r), (-1, r), HexColor(_LIGHT)))
    table.setStyle(TableStyle(style))
    from reportlab.platypus import KeepTogether

    out: list[Any] = []
    if block.caption:
        out.append(_p(block.caption, styles["subheading"]))
    out.append(table)
    if block.caption and len(block.rows) <= 15:  # a short table stays with its caption
        out = [KeepTogether(out)]
    return out + [_spacer(10)]


def _spacer(points: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, points)


def _picture(block: Picture, styles: dict[str, Any], width: float, height: float) -> list[Any]:
    from reportlab.platypus import Image, KeepTogether

    w = width
    h = w * block.aspect
    limit = height * 0.68
    if h > limit:
        w, h = limit / block.aspect, limit
    image = Image(io.BytesIO(block.png), width=w, height=h)
    image.hAlign = "CENTER"
    return [KeepTogether([image, _p(block.caption, styles["note"])])]


def _card(card: FindingCard, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import KeepTogether
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    colour = LEVEL_COLOURS.get(card.level, LEVEL_COLOURS["low"])
    heading = f"{card.number}. {card.heading}" if card.number else card.heading
    inner: list[Any] = [_p(heading, styles["card_heading"])]
    level = styles["level"].clone("level_c", textColor=HexColor(colour))
    inner.append(_p(card.level_label, level))
    inner.append(_p(card.text, styles["body"]))
    for label, value in card.details:
        inner.append(_p(f"{label}: {value}", styles["note"]))
    if card.note:
        inner.append(_p(card.note, styles["note"]))
    if card.suggestions:
        inner.append(_p(card.suggestions_heading, styles["subheading"]))
        inner += [_p(f"• {s}", styles["body"]) for s in card.suggestions]
    box = RLTable([[inner]], colWidths=[width])
    box.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 4, HexColor(colour)),
                             ("BACKGROUND", (0, 0), (-1, -1), HexColor("#fafafa")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                             ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [KeepTogether([box]), _spacer(10)]
