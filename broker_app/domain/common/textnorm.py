"""Clean-up shared by the validators: full-width folding and whitespace removal.

Brokers type with Chinese input methods, which produce full-width digits and
letters (１２３, Ｘ), the ideographic space U+3000 and em dashes; values pasted from
web pages or Word carry no-break and zero-width spaces. Every validator folds these
the same way before it judges the value.
"""

from __future__ import annotations

_FULL_WIDTH_OFFSET = 0xFEE0
# Full-width ASCII block U+FF01..U+FF5E maps one-to-one onto U+0021..U+007E.
_WIDTH_TABLE: dict[int, int] = {code: code - _FULL_WIDTH_OFFSET for code in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20  # ideographic space

# Not matched by str.isspace(), yet invisible in a cell and common in pasted text.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def fold_width(text: str) -> str:
    """Full-width ASCII characters and the ideographic space turned half-width."""
    return text.translate(_WIDTH_TABLE)


def remove_spaces(text: str) -> str:
    """``text`` without any whitespace (anywhere) or zero-width characters."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in _ZERO_WIDTH)


def compact(text: str) -> str:
    """Width-folded and without spaces: the first step of every code validator."""
    if text.isascii() and text.isalnum():
        # Already compact (the stored form of every ID number and phone): an export
        # masks one of each per row, so this skips the per-character pass.
        return text
    return remove_spaces(fold_width(text))
