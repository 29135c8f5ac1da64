"""What every workbook import reports, and the workbook of rejected rows it can write.

The roster import and the job-posting import share these, so a broker sees the same
summary, the same row/column/reason messages and the same errors workbook for both.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from broker_app.domain.coerce import spreadsheet_general
from broker_app.services.excel.headers import HeaderMap
from broker_app.services.excel.specs import ColumnKind, ColumnSpec
from broker_app.services.excel.values import CellValue
from broker_app.services.excel.writer import XlsxWriter
from broker_app.store.writer import Change


@dataclass(frozen=True)
class RowProblem:
    row_number: int
    field: str
    column: str  # the header as written in the sheet, or the field's label
    message: str
    value: str = ""  # the cell as written, for warnings about values left empty


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
    ``text_fields`` (ID numbers, phones) are written as text, never as numbers, and
    as the user saw them. A second sheet 已留空的值 lists the values of imported rows
    that nobody could map (row, column, the value), which were left empty."""
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
            sheet.append(
                [
                    outcome.row_number,
                    reasons,
                    *(_as_shown(c, i in text_columns) for i, c in enumerate(outcome.cells)),
                ]
            )
        if result.warnings:
            notes = book.add_sheet(
                "已留空的值",
                [
                    ColumnSpec("行号", width=6, kind="int"),
                    ColumnSpec("列", width=14),
                    ColumnSpec("填写的值", width=16),
                    ColumnSpec("说明", width=48),
                ],
            )
            for warning in result.warnings:
                notes.append([warning.row_number, warning.column, warning.value, warning.message])
    return path


def _as_shown(value: CellValue, text_column: bool) -> CellValue:
    """A cell as the user saw it in the sheet."""
    if isinstance(value, float) and value.is_integer():
        if text_column and len(str(abs(int(value)))) > 15:
            # An ID Excel stored as a number showed as 3.70883E+17 and its last digits
            # are gone: the float's digits (…137216) were never what anyone typed.
            return spreadsheet_general(value)
        return str(int(value))
    return value
