"""The fonts of every document: DejaVu Sans, which ships with matplotlib (so nothing to download).

DejaVu covers the accented letters of Dutch (é, ë, ï, ĳ) and typographic quotes and dashes. The PDF
embeds the subset it uses; the pictures use the same family, so text in pictures and pages matches.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["FONT_FAMILY", "font_files"]

#: The family name documents use.
FONT_FAMILY = "DejaVu Sans"

_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}


@lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """Style (``regular``, ``bold``, ``italic``, ``bold_italic``) -> the TrueType file in matplotlib's data.

    >>> sorted(font_files())
    ['bold', 'bold_italic', 'italic', 'regular']
    >>> all(path.exists() for path in font_files().values())
    True
    """
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {style: folder / name for style, name in _FILES.items()}
