"""Rules for strings written to cells: what Excel would run, and what XML cannot hold.

A value such as "=HYPERLINK(...)" or "+86 139..." typed by a user or imported from
someone else's file must reach Excel as text, never as a formula, including after
someone clicks into the cell and presses Enter (Excel re-parses it then unless the
cell is marked "quote prefix"). The characters below are those Excel, WPS and the
OWASP guidance treat as formula starters; "#" is added because strings like "#N/A"
would otherwise be stored as error cells.
"""

from __future__ import annotations

import re

FORMULA_STARTERS = "=+-@\t\r"
LITERAL_FIRST_CHARS: frozenset[str] = frozenset(FORMULA_STARTERS + "#")
# Excel's limit per cell; longer text would be cut silently by the writer anyway.
MAX_CELL_TEXT = 32_767

# XML 1.0 cannot carry these at all: writing one would abort the whole export.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def needs_literal(text: str) -> bool:
    """True if Excel could treat ``text`` as a formula or an error code."""
    return text[:1] in LITERAL_FIRST_CHARS


def clean_text(text: str) -> str:
    """``text`` without characters a workbook cannot store, cut to Excel's limit."""
    return _UNWRITABLE.sub("", text)[:MAX_CELL_TEXT]
