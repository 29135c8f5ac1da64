"""The cell value type shared by reading, header detection and writing."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TypeAlias

# What a cell read from a workbook can hold. Numbers read back are floats even when
# typed as integers; see ``reader``.
CellValue: TypeAlias = str | int | float | bool | date | datetime | time | None
