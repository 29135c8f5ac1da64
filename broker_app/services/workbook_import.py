"""The one workbook import pipeline, what every import reports, and the workbook of
rejected rows it can write.

The roster import and the job-posting import are ``WorkbookImport`` subclasses: they
say how the header is found, how rows are checked and how good rows are written; the
steps between (sheets, preview, header rows, splitting good from rejected, the log)
are here, so a broker sees the same summary, the same row/column/reason messages and
the same errors workbook for both.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from broker_app.domain.common.coerce import spreadsheet_general
from broker_app.services.changes import Change
from broker_app.services.excel.headers import HeaderMap
from broker_app.services.excel.reader import iter_rows, list_sheets, preview_rows
from broker_app.services.excel.specs import ColumnKind, ColumnSpec
from broker_app.services.excel.values import CellValue
from broker_app.services.excel.writer import XlsxWriter
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.store.store import Store

log = logging.getLogger(__name__)

Rows = Sequence[tuple[int, Sequence[CellValue]]]
#: Rows searched for the header (titles and notes may stand above it).
HEADER_ROWS = 12


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


class WorkbookImport:
    """Read a workbook, check every row, write the good ones in one transaction."""

    #: What is imported, for the log ("roster", "job").
    subject = ""

    def __init__(self, store: Store) -> None:
        self.store = store

    def preview(
        self,
        path: Path,
        sheet: str | None = None,
        mapping: Mapping[str, int] | None = None,
        n: int = 20,
        today: date | None = None,
    ) -> ImportPreview:
        """Header found, and the first ``n`` data rows checked, without writing."""
        sheets = list_sheets(path)
        chosen = sheet or sheets[0]
        rows = preview_rows(path, chosen, n + HEADER_ROWS)
        header = self.find_header(rows, mapping, require=False)
        data = [(num, cells) for num, cells in rows if num > header.row_number][:n]
        return ImportPreview(sheets, chosen, header, self.validate(data, header, today=today))

    def run(
        self,
        path: Path,
        sheet: str | None = None,
        mapping: Mapping[str, int] | None = None,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> ImportResult:
        progress(0.0, "读取表格")
        rows = list(iter_rows(path, sheet))
        header = self.find_header(rows[:HEADER_ROWS], mapping, require=True)
        data = [(num, cells) for num, cells in rows if num > header.row_number]
        result = ImportResult(header=header)
        outcomes = self.validate(data, header, progress=progress, cancel=cancel, today=today)
        good = [o for o in outcomes if not o.problems]
        result.rejected = [o for o in outcomes if o.problems]
        result.warnings = [w for o in good for w in o.warnings]
        self.write(good, result, progress, cancel)
        log.info(
            "%s import %s: added %d, updated %d, unchanged %d, rejected %d",
            self.subject, path.name, result.added, result.updated, result.unchanged,
            len(result.rejected),
        )  # fmt: skip
        return result

    # -- what each import says ---------------------------------------------------------
    def find_header(
        self, rows: Rows, mapping: Mapping[str, int] | None, *, require: bool
    ) -> HeaderMap:
        """The header among ``rows``; the wizard's ``mapping`` replaces what was found.
        ``require``: refuse a header without the required columns (not in a preview,
        where the broker can still map them)."""
        raise NotImplementedError

    def validate(
        self,
        data: Rows,
        header: HeaderMap,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> list[RowOutcome]:
        raise NotImplementedError

    def write(
        self,
        good: list[RowOutcome],
        result: ImportResult,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        """Write the good rows in one transaction, counting into ``result``."""
        raise NotImplementedError


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
