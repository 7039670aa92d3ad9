"""Render a :class:`~ona.documents.content.ReportContent` as a PowerPoint deck (16:9), with python-pptx.

One message per slide: the title slide; per section a slide for its text, one per picture, one per
table (long tables continue on a next slide) and, for a list of findings, an overview slide followed
by one slide per finding. Tables are native PowerPoint tables and pictures ordinary pictures, so people
can edit, restyle and reuse them; each picture carries its text alternative. Text is set in plain
runs (PowerPoint draws it literally, nothing is interpreted).

The same content gives the same bytes: the document properties carry a fixed date and the zip entries
a fixed time stamp.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import zipfile
from typing import Any

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
from ona.documents.fonts import FONT_FAMILY
from ona.documents.pdf import LEVEL_COLOURS

__all__ = ["MAX_TABLE_ROWS", "to_pptx"]

#: Rows of a table on one slide; longer tables continue on the next slide.
MAX_TABLE_ROWS = 12

_ACCENT = "1F4E79"
_GREY = "555555"
_TEXT = "222222"
_FIXED_TIME = _dt.datetime(2000, 1, 1)
_WIDTH_IN, _HEIGHT_IN = 13.333, 7.5
_MARGIN_IN = 0.6


def to_pptx(content: ReportContent) -> bytes:
    """The report as a PowerPoint deck (bytes of a .pptx file).

    Examples
    --------
    >>> from ona.documents.content import ReportContent, Section, Text, TitlePage
    >>> page = TitlePage("Samenwerking in Test", "Netwerkonderzoek", (("12", "mensen"),), "Voor HR.")
    >>> deck = to_pptx(ReportContent("nl", page, (Section("In het kort", (Text("Niets bijzonders."),)),), "Test"))
    >>> from pptx import Presentation
    >>> [slide.shapes.title.text for slide in Presentation(io.BytesIO(deck)).slides]
    ['Samenwerking in Test', 'In het kort']
    """
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(_WIDTH_IN), Inches(_HEIGHT_IN)
    builder = _Deck(deck, content)
    builder.title_slide()
    for section in content.sections:
        builder.section(section)
    props = deck.core_properties
    props.title = content.title_page.title
    props.subject = content.title_page.subtitle
    props.author = props.last_modified_by = "ona"
    props.language = content.lang
    props.created = props.modified = _FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())


class _Deck:
    """Adds slides to a python-pptx presentation, one message each."""

    def __init__(self, deck: Any, content: ReportContent) -> None:
        self.deck = deck
        self.content = content
        self.title_layout = deck.slide_layouts[5]  # "title only": the title stays a real title placeholder

    # -- building blocks ------------------------------------------------------------------------------

    def _slide(self, title: str, kicker: str = "") -> Any:
        from pptx.util import Inches, Pt

        slide = self.deck.slides.add_slide(self.title_layout)
        shape = slide.shapes.title
        shape.left, shape.top = Inches(_MARGIN_IN), Inches(0.55 if kicker else 0.35)
        shape.width, shape.height = Inches(_WIDTH_IN - 2 * _MARGIN_IN), Inches(1.0)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = title
        for paragraph in frame.paragraphs:
            paragraph.alignment = 1  # left
            for run in paragraph.runs:
                run.font.size = Pt(28 if len(title) <= 48 else 22)  # a longer title stays on one line
                run.font.bold = True
                run.font.name = FONT_FAMILY
                run.font.color.rgb = _rgb(_ACCENT)
        if kicker:
            self._text(slide, kicker.upper(), 0.22, 0.3, size=12, colour=_GREY)
        self._footer(slide)
        return slide

    def _footer(self, slide: Any) -> None:
        self._text(slide, self.content.footer, _HEIGHT_IN - 0.45, 0.3, size=9, colour="888888")

    def _text(self, slide: Any, text: str, top: float, height: float, *, size: float = 16, colour: str = _TEXT,
              bold: bool = False, left: float = _MARGIN_IN, width: float | None = None) -> Any:
        from pptx.util import Inches, Pt

        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width or _WIDTH_IN - left - _MARGIN_IN),
                                       Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        frame.text = text
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = bold
                run.font.name = FONT_FAMILY
                run.font.color.rgb = _rgb(colour)
        return box

    def _paragraphs(self, slide: Any, items: list[tuple[str, dict[str, Any]]], top: float, height: float,
                    left: float = _MARGIN_IN, width: float | None = None) -> None:
        """Several paragraphs in one text box: (text, {size, bold, colour, bullet})."""
        from pptx.util import Inches, Pt

        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width or _WIDTH_IN - left - _MARGIN_IN),
                                       Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        for i, (text, style) in enumerate(items):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = ("•  " + text) if style.get("bullet") else text
            run.font.size = Pt(style.get("size", 16))
            run.font.bold = bool(style.get("bold"))
            run.font.name = FONT_FAMILY
            run.font.color.rgb = _rgb(style.get("colour", _TEXT))
            paragraph.space_after = Pt(style.get("after", 8))

    # -- slides ---------------------------------------------------------------------------------------

    def title_slide(self) -> None:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Inches

        from pptx.util import Pt

        page = self.content.title_page
        slide = self.deck.slides.add_slide(self.title_layout)  # a real title: screen readers and outlines see it
        title = slide.shapes.title
        title.left, title.top = Inches(_MARGIN_IN), Inches(1.0)
        title.width, title.height = Inches(_WIDTH_IN - 2 * _MARGIN_IN), Inches(1.3)
        title.text_frame.word_wrap = True
        title.text_frame.text = page.title
        for paragraph in title.text_frame.paragraphs:
            paragraph.alignment = 1
            for run in paragraph.runs:
                run.font.size, run.font.bold, run.font.name = Pt(36), True, FONT_FAMILY
                run.font.color.rgb = _rgb(_ACCENT)
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.25), self.deck.slide_height)
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(_ACCENT)
        band.line.fill.background()
        self._text(slide, page.subtitle, 2.35, 0.6, size=20, colour=_GREY)
        left = _MARGIN_IN
        share = (_WIDTH_IN - 2 * _MARGIN_IN) / max(len(page.figures), 1)
        for value, label in page.figures:
            self._text(slide, value, 3.4, 0.8, size=36, bold=True, colour=_ACCENT, left=left, width=share - 0.2)
            self._text(slide, label, 4.2, 0.9, size=13, left=left, width=share - 0.3)
            left += share
        self._text(slide, page.audience, 5.4, 1.0, size=13, colour=_GREY)
        if page.note:
            self._text(slide, page.note, _HEIGHT_IN - 0.55, 0.3, size=9, colour="888888")

    def section(self, section: Section) -> None:
        pending: list[Any] = []
        blocks = list(section.blocks)
        skip = set()
        for index, block in enumerate(blocks):
            if index in skip:
                continue
            if isinstance(block, (Text, Bullets, Figures)):
                pending.append(block)
            elif isinstance(block, Picture):
                self.picture_slide(section, block, pending)
                pending = []
            elif isinstance(block, Table):
                after: list[Any] = []
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                if isinstance(following, Bullets) and len(block.rows) <= 6:  # short table: its points fit below
                    after = [following]
                    skip.add(index + 1)
                self.table_slides(section, block, pending, after)
                pending = []
            elif isinstance(block, FindingList):
                self.overview_slide(section, block, pending)
                pending = []
                for card in block.cards:
                    self.card_slide(card)
            elif isinstance(block, FindingCard):
                if pending:
                    self.text_slide(section, pending)
                    pending = []
                self.card_slide(block)
        if pending:
            self.text_slide(section, pending)

    def _text_items(self, blocks: list[Any]) -> list[tuple[str, dict[str, Any]]]:
        items: list[tuple[str, dict[str, Any]]] = []
        for block in blocks:
            if isinstance(block, Text):
                size = {"lead": 18, "note": 12}.get(block.style, 15)
                items.append((block.text, {"size": size, "colour": _GREY if block.style == "note" else _TEXT}))
            elif isinstance(block, Bullets):
                if block.heading:
                    items.append((block.heading, {"size": 16, "bold": True, "after": 4}))
                items += [(item, {"size": 15, "bullet": True}) for item in block.items]
            elif isinstance(block, Figures):
                items += [(f"{value}  {label}", {"size": 18}) for value, label in block.items]
        return items

    def text_slide(self, section: Section, blocks: list[Any]) -> None:
        slide = self._slide(section.heading, section.kicker)
        items = self._text_items(blocks)
        size = 15 if sum(len(text) for text, _ in items) < 900 else 12
        self._paragraphs(slide, [(text, {**style, "size": min(style.get("size", 15), size + 3)})
                                 for text, style in items], 1.6, _HEIGHT_IN - 2.3)

    def picture_slide(self, section: Section, picture: Picture, lead: list[Any]) -> None:
        from pptx.util import Inches

        slide = self._slide(section.heading, section.kicker)
        top = 1.45
        text_width = 0.0
        if lead:
            text_width = 4.2
            self._paragraphs(slide, [(text, {**style, "size": min(style.get("size", 15), 15)})
                                     for text, style in self._text_items(lead)],
                             top, _HEIGHT_IN - top - 0.8, width=text_width)
        left = _MARGIN_IN + (text_width + 0.3 if text_width else 0)
        max_w = _WIDTH_IN - left - _MARGIN_IN
        max_h = _HEIGHT_IN - top - 1.0
        width = min(max_w, max_h / picture.aspect)
        height = width * picture.aspect
        left += (max_w - width) / 2
        shape = slide.shapes.add_picture(io.BytesIO(picture.png), Inches(left), Inches(top), Inches(width),
                                         Inches(height))
        shape._element.nvPicPr.cNvPr.set("descr", picture.alt)  # the picture's text alternative
        shape.name = picture.name
        self._text(slide, picture.caption, top + height + 0.05, 0.4, size=11, colour=_GREY, left=left, width=width)

    def table_slides(self, section: Section, table: Table, lead: list[Any], after: list[Any] = ()) -> None:  # type: ignore[assignment]
        from pptx.util import Inches

        chunks = [table.rows[i:i + MAX_TABLE_ROWS] for i in range(0, max(len(table.rows), 1), MAX_TABLE_ROWS)]
        for part, rows in enumerate(chunks):
            slide = self._slide(section.heading, section.kicker)
            top = 1.45
            items = self._text_items(lead) if part == 0 else []
            if table.caption:
                items.append((table.caption, {"size": 15, "bold": True, "after": 2}))
            if items:
                self._paragraphs(slide, [(text, {**style, "size": min(style.get("size", 15), 16)})
                                         for text, style in items], top, 1.4)
                top += 0.3 * sum(math.ceil(len(text) / 100) for text, _ in items) + 0.12 * len(items) + 0.1
            width = _WIDTH_IN - 2 * _MARGIN_IN
            height = min(0.4 * (len(rows) + 1), _HEIGHT_IN - top - 0.8)
            shape = slide.shapes.add_table(len(rows) + 1, len(table.columns), Inches(_MARGIN_IN), Inches(top),
                                           Inches(width), Inches(height))
            grid = shape.table
            for j, name in enumerate(table.columns):
                self._cell(grid.cell(0, j), name, header=True, right=table.numeric[j])
            for i, row in enumerate(rows, start=1):
                for j, value in enumerate(row):
                    self._cell(grid.cell(i, j), value, right=table.numeric[j])
            numbers = sum(1 for n in table.numeric if n)
            words = len(table.numeric) - numbers
            number_width = min(2.0, width / max(len(table.numeric), 1))
            for j, is_number in enumerate(table.numeric):
                grid.columns[j].width = Inches(number_width if is_number or not words else
                                               (width - number_width * numbers) / words)
            if after and part == len(chunks) - 1:
                below = top + 0.37 * (len(rows) + 1) + 0.45
                self._paragraphs(slide, [(text, {**style, "size": min(style.get("size", 15), 14), "after": 4})
                                         for text, style in self._text_items(list(after))],
                                 below, max(_HEIGHT_IN - below - 0.6, 0.8))

    def _cell(self, cell: Any, text: str, *, header: bool = False, right: bool = False) -> None:
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        cell.text = text
        for paragraph in cell.text_frame.paragraphs:
            paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(13)
                run.font.bold = header
                run.font.name = FONT_FAMILY
                if header:
                    run.font.color.rgb = _rgb("FFFFFF")
        if header:
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(_ACCENT)

    def overview_slide(self, section: Section, findings: FindingList, lead: list[Any]) -> None:
        slide = self._slide(section.heading, section.kicker)
        items = [(text, {**style, "size": min(style.get("size", 15), 16)}) for text, style in self._text_items(lead)]
        for card in findings.cards:
            prefix = f"{card.number}. " if card.number else ""
            items.append((f"{prefix}{card.heading}  ({card.level_label.lower()})",
                          {"size": 17, "colour": LEVEL_COLOURS.get(card.level, _TEXT).lstrip("#"), "after": 10}))
        self._paragraphs(slide, items, 1.5, _HEIGHT_IN - 2.2)

    def card_slide(self, card: FindingCard) -> None:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Inches

        heading = f"{card.number}. {card.heading}" if card.number else card.heading
        slide = self._slide(heading)
        colour = LEVEL_COLOURS.get(card.level, LEVEL_COLOURS["low"]).lstrip("#")
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(_MARGIN_IN - 0.25), Inches(1.5), Inches(0.1),
                                     Inches(4.8))
        bar.fill.solid()
        bar.fill.fore_color.rgb = _rgb(colour)
        bar.line.fill.background()
        items: list[tuple[str, dict[str, Any]]] = [(card.level_label, {"size": 14, "colour": colour, "bold": True}),
                                                   (card.text, {"size": 18 if len(card.text) < 420 else 15})]
        items += [(f"{label}: {value}", {"size": 12, "colour": _GREY}) for label, value in card.details]
        if card.note:
            items.append((card.note, {"size": 12, "colour": _GREY}))
        if card.suggestions:
            items.append((card.suggestions_heading, {"size": 16, "bold": True, "after": 4}))
            items += [(s, {"size": 15, "bullet": True}) for s in card.suggestions]
        self._paragraphs(slide, items, 1.5, _HEIGHT_IN - 2.2)

