"""The content of a report, independent of its format: what the PDF and the slide deck both show.

A :class:`ReportContent` is a title page and a sequence of :class:`Section` objects, each holding
blocks (:class:`Text`, :class:`Bullets`, :class:`Figures`, :class:`Table`, :class:`Picture`,
:class:`FindingCard`, :class:`FindingList`). Every text is final: translated, numbers formatted in the
reader's language, names already as the reader may see them. Renderers (:mod:`ona.documents.pdf`,
:mod:`ona.documents.slides`) only lay these out; they decide nothing about what is shown.

All classes are frozen dataclasses, so a content object can be compared and reused for both formats.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Union

__all__ = [
    "Block",
    "Bullets",
    "FindingCard",
    "FindingList",
    "Figures",
    "Picture",
    "ReportContent",
    "Section",
    "Table",
    "Text",
    "TitlePage",
]


@dataclass(frozen=True)
class Text:
    """A paragraph. ``style`` is ``"body"``, ``"lead"`` (larger, the section's message) or ``"note"`` (small)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Bullets:
    """A list of short points, optionally under a small heading."""

    items: tuple[str, ...]
    heading: str = ""


@dataclass(frozen=True)
class Figures:
    """Key figures shown side by side: (value, label) pairs such as ("250", "medewerkers")."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table of formatted texts. ``numeric`` marks right-aligned columns; ``caption`` goes above it."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    caption: str = ""

    def __post_init__(self) -> None:
        width = len(self.columns)
        if any(len(row) != width for row in self.rows):
            raise ValueError("every row of a Table needs one cell per column")
        if not self.numeric:
            object.__setattr__(self, "numeric", (False,) * width)


@dataclass(frozen=True)
class Picture:
    """A picture: PNG bytes (and the SVG twin where there is one), with a caption and a text alternative.

    ``aspect`` is height / width, so a renderer can size it without opening the image.
    """

    png: bytes = field(repr=False)
    caption: str
    alt: str
    aspect: float
    svg: bytes | None = field(default=None, repr=False)
    name: str = "picture"


@dataclass(frozen=True)
class FindingCard:
    """One finding as a reader sees it: a heading, how serious, the sentence, and what one could do.

    ``level`` is ``"high"``, ``"medium"`` or ``"low"``; ``level_label`` its word in the reader's language
    (with the finding's confidence when known). ``details`` are (label, value) pairs of plain evidence;
    ``note`` says how certain the finding is and why (printed small).
    """

    heading: str
    level: str
    level_label: str
    text: str
    suggestions: tuple[str, ...] = ()
    suggestions_heading: str = ""
    details: tuple[tuple[str, str], ...] = ()
    number: int = 0
    note: str = ""


@dataclass(frozen=True)
class FindingList:
    """Several findings: a document prints them one after another, slides give each its own slide."""

    cards: tuple[FindingCard, ...]
    overview_title: str = ""


Block = Union[Text, Bullets, Figures, Table, Picture, FindingCard, FindingList]


@dataclass(frozen=True)
class Section:
    """A part of the report with one message: its ``heading`` says it; the blocks show it.

    ``kicker`` is a small label above the heading (e.g. "Samenwerking 2 van 4"); ``new_page`` starts
    the section on a new page in documents (slides always start a new slide).
    """

    heading: str
    blocks: tuple[Block, ...]
    kicker: str = ""
    new_page: bool = True
    key: str = ""


@dataclass(frozen=True)
class TitlePage:
    """The first page: title, subtitle, key figures and who the report is for."""

    title: str
    subtitle: str
    figures: tuple[tuple[str, str], ...]
    audience: str
    note: str = ""


@dataclass(frozen=True)
class ReportContent:
    """A whole report: language, title page, sections and the line at the foot of every page."""

    lang: str
    title_page: TitlePage
    sections: tuple[Section, ...]
    footer: str
    audience: str = "analyst"
    kind: str = "wave"

    def texts(self) -> Iterator[str]:
        """Every text in the report (for checks such as "no withheld name appears")."""
        page = self.title_page
        yield from (page.title, page.subtitle, page.audience, page.note, self.footer)
        for value, label in page.figures:
            yield value
            yield label
        for section in self.sections:
            yield section.heading
            yield section.kicker
            for block in section.blocks:
                yield from _block_texts(block)


def _block_texts(block: Block) -> Iterator[str]:
    if isinstance(block, Text):
        yield block.text
    elif isinstance(block, Bullets):
        yield block.heading
        yield from block.items
    elif isinstance(block, Figures):
        for value, label in block.items:
            yield value
            yield label
    elif isinstance(block, Table):
        yield block.caption
        yield from block.columns
        for row in block.rows:
            yield from row
    elif isinstance(block, Picture):
        yield block.caption
        yield block.alt
        if block.svg is not None:
            yield block.svg.decode("utf-8", errors="replace")
    elif isinstance(block, FindingCard):
        yield from (block.heading, block.level_label, block.text, block.note, block.suggestions_heading)
        yield from block.suggestions
        for label, value in block.details:
            yield label
            yield value
    elif isinstance(block, FindingList):
        yield block.overview_title
        for card in block.cards:
            yield from _block_texts(card)
