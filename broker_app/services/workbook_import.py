"""What every workbook import reports, and the workbook of rejected rows it can write.

The roster import and the job-posting import share these, so a broker sees the same
summary, the same row/column/reason messages and the same errors workbook for both.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from broker_app.services.changes import Change
from broker_app.services.excel.headers import HeaderMap
from broker_app.services.excel.specs import ColumnKind, ColumnSpec
from broker_app.services.excel.values import CellValue
from broker_app.services.excel.writer import XlsxWriter


@dataclass(frozen=True)
class RowProblem:
    row_number: int
    field: str
    column: str  # the header as written in the sheet, or the field's label
    message: str


@dataclass
class RowOutcome:
    """One data row after validation."""

    row_number: int
    cells: list[CellValue]
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    existing_id: str | None = None


@dataclass
class ImportPreview:
    sheets: list[str]
    sheet: str
    header: HeaderMap
    rows: list[RowOutcome]


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowOutcome] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    header: HeaderMap | None = None
    changes: list[Change] = field(default_factory=list)

    @property
    def problems(self) -> list[RowProblem]:
        return [p for row in self.rejected for p in row.problems]


def write_errors_workbook(
    result: ImportResult, path: Path, text_fields: Collection[str] = ()
) -> Path:
    """The rejected rows as they were in the sheet, plus 行号 and 错误原因, so the broker
    can fix them and import that file again (the two extra columns are ignored).
    ``text_fields`` (ID numbers, phones) are written as text, never as numbers."""
    header = result.header
    labels = header.labels if header else {}
    width = max([len(o.cells) for o in result.rejected] + [max(labels, default=-1) + 1])
    text_columns = {header.columns[f] for f in text_fields if header and f in header.columns}
    columns = [ColumnSpec("行号", width=6, kind="int"), ColumnSpec("错误原因", width=48)]
    for index in range(width):
        kind: ColumnKind = "id_text" if index in text_columns else "text"
        columns.append(ColumnSpec(labels.get(index, f"第{index + 1}列"), kind=kind))
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("有误的行", columns)
        for outcome in result.rejected:
            reasons = "；".join(f"{p.column}：{p.message}" for p in outcome.problems)
            sheet.append([outcome.row_number, reasons, *(_as_shown(c) for c in outcome.cells)])
    return path


def _as_shown(value: CellValue) -> CellValue:
    # A number cell holding an ID or phone would be written back as 3.70883E+17.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value
