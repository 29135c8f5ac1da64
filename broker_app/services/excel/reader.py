"""Reads worksheet rows as plain Python values, after the file passed the safety checks.

Values come from python-calamine, which is several times faster than openpyxl for
reading. Calamine reports every number as a float, even one typed as an integer;
we keep it that way on purpose: a float tells the caller the cell was numeric, which
for an ID number means Excel has already dropped digits past the 15th.
"""

from __future__ import annotations

import logging
import os
import zipfile
import zlib
from collections.abc import Iterator
from datetime import timedelta
from itertools import chain, islice
from typing import Any, TypeAlias

from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    SheetTypeEnum,
    SheetVisibleEnum,
    WorksheetNotFound,
)

from .errors import Problem, WorkbookError
from .package import PackageError, sheet_entries
from .safety import check_workbook_file
from .sheet_size import SheetSize, check_sheet_size
from .values import CellValue

log = logging.getLogger(__name__)

Row: TypeAlias = tuple[int, list[CellValue]]

DEFAULT_MAX_ROWS = 200_000

_SECONDS_PER_DAY = 86_400


def list_sheets(path: str | os.PathLike[str]) -> list[str]:
    """Names of the worksheets a user can see, in workbook order.

    Hidden sheets usually hold a template's drop-down lists, and chart sheets hold
    no cells, so neither is offered. A hidden sheet can still be read by name.
    """
    check_workbook_file(path)
    with _open(path) as book:
        return _visible_sheets(book)


def iter_rows(
    path: str | os.PathLike[str],
    sheet: str | None = None,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> Iterator[Row]:
    """Yield ``(excel_row_number, cells)`` from the first row holding data to the last.

    ``cells[i]`` is column ``i`` counted from column A, so indexes match what the user
    sees; empty cells are None. Rows between data rows are yielded (all None) so row
    numbers in error messages always match the sheet. ``sheet`` defaults to the first
    visible worksheet. The file checks and the row limit run at call time, before the
    first row is requested, so a refusal reaches the caller immediately.
    """
    check_workbook_file(path)
    with _open(path) as book:
        if sheet is None:
            names = _visible_sheets(book)
            if not names:
                raise _sheet_not_found(path, "")
            sheet = names[0]
        _refuse_if_too_big(path, sheet, max_rows)
        try:
            data = book.get_sheet_by_name(sheet)
        except WorksheetNotFound:
            raise _sheet_not_found(path, sheet) from None
        except CalamineError as exc:
            raise _corrupt(path, exc) from exc
    # The scan above bounds the grid from the XML; this is the reader's own count.
    if data.height > max_rows:
        raise _too_many_rows(path, sheet, max_rows)
    return _rows(data)


def preview_rows(
    path: str | os.PathLike[str],
    sheet: str | None = None,
    n: int = 20,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> list[Row]:
    """The first ``n`` rows of ``iter_rows``, for header detection and on-screen preview."""
    return list(islice(iter_rows(path, sheet, max_rows=max_rows), n))


def _rows(data: CalamineSheet) -> Iterator[Row]:
    start = data.start
    if start is None:
        return
    first_row, first_col = start
    pad: list[CellValue] = [None] * first_col
    rows: Iterator[list[Any]] = data.iter_rows()
    row_index = 0
    if first_row > 0:
        # Calamine yields the empty rows above the data as well; detect that rather
        # than assume it, since the top data row always has a value.
        first = next(rows, None)
        if first is None:
            return
        if any(v != "" for v in first):
            row_index = first_row
            rows = chain([first], rows)
        else:
            rows = islice(rows, first_row - 1, None)
            row_index = first_row
    for raw in rows:
        row_index += 1
        # Inlined rather than a per-cell function call: this loop runs millions of times.
        yield (
            row_index,
            pad
            + [None if v == "" else v if v.__class__ is not timedelta else _days(v) for v in raw],
        )


def _days(value: timedelta) -> float:
    # Durations ("[h]:mm" cells) have no place in our data; keep Excel's number.
    return value.total_seconds() / _SECONDS_PER_DAY


def _visible_sheets(book: CalamineWorkbook) -> list[str]:
    worksheets = [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    visible = [m.name for m in worksheets if m.visible == SheetVisibleEnum.Visible]
    return visible or [m.name for m in worksheets]


def _refuse_if_too_big(path: str | os.PathLike[str], name: str, max_rows: int) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            part = next(
                (e.part for e in sheet_entries(zf) if e.name == name and e.part is not None),
                None,
            )
            if part is None:
                # Unknown names are reported by the reader with the proper message.
                return
            size = check_sheet_size(zf, part, max_rows)
    except (zipfile.BadZipFile, PackageError, zlib.error, OSError) as exc:
        raise _corrupt(path, exc) from exc
    if size is SheetSize.TOO_MANY_ROWS:
        raise _too_many_rows(path, name, max_rows)
    if size is SheetSize.TOO_MANY_CELLS:
        raise WorkbookError(
            "表格的数据范围太大（列数过多，或有数据写在很远的行列里）。请删除多余的行和列，"
            "或拆分后再导入。",
            f"{os.path.basename(path)}: sheet {name!r} spans too many cells",
            Problem.TOO_MANY_ROWS,
        )


def _open(path: str | os.PathLike[str]) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(os.fspath(path))
    except (CalamineError, OSError) as exc:
        raise _corrupt(path, exc) from exc


def _too_many_rows(path: str | os.PathLike[str], sheet: str, max_rows: int) -> WorkbookError:
    return WorkbookError(
        f"表格超过 {max_rows} 行，请拆分后导入。",
        f"{os.path.basename(path)}: sheet {sheet!r} has more than {max_rows} rows",
        Problem.TOO_MANY_ROWS,
    )


def _sheet_not_found(path: str | os.PathLike[str], sheet: str) -> WorkbookError:
    return WorkbookError(
        f"工作簿里找不到名为“{sheet}”的工作表，请重新选择。",
        f"{os.path.basename(path)}: no sheet named {sheet!r}",
        Problem.SHEET_NOT_FOUND,
    )


def _corrupt(path: str | os.PathLike[str], exc: BaseException) -> WorkbookError:
    log.warning("reading %s failed: %r", os.path.basename(path), exc)
    return WorkbookError(
        f"“{os.path.basename(path)}”内容已损坏或格式异常，无法读取。"
        "请在 Excel 中打开并重新保存后再试。",
        f"{os.path.basename(path)}: unreadable workbook: {exc}",
        Problem.CORRUPT,
    )
