"""The project's one .xlsx writer: streaming, formula-safe, and all-or-nothing on disk.

Every export (roster, ledger, dispatch list, import errors) goes through here so all
of them keep ID numbers as text, dates as dates, user text inert, and print alike.

Memory stays flat at any row count: openpyxl's write-only mode streams each row to a
scratch file. The finished workbook is saved under a temporary name beside the
destination and moved over it only on success, so a crash, a cancel or a full disk
never leaves a half-written file where the broker expects the export, and never
destroys the previous export.

Per-cell cost matters (100k-row rosters), so ``SheetWriter.append`` checks each value
with a couple of type tests and only wraps the cells that need a style in a cell
object; each column reuses one pre-styled cell object instead of building a styled
cell per value (openpyxl serialises every row before the next ``append``),
``fast_rows`` spares openpyxl an exception per styled cell and its type inference,
title, header and 合计 cells take styles worked out once per workbook
(``cell_styles``), and all rows of one height share one row dimension.
"""

from __future__ import annotations

import errno
import logging
import math
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import suppress
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.page import PageMargins

from broker_app.atomic_write import commit, remove_scratch, scratch_path, sweep_scratch

from . import fast_rows, layout, styles
from .cell_styles import CellStyles
from .cell_text import LITERAL_FIRST_CHARS, MAX_CELL_TEXT, clean_text
from .errors import Problem, WorkbookError
from .sheet_titles import sanitize_sheet_title
from .specs import ColumnSpec, PrintSetup

log = logging.getLogger(__name__)

APP_CREATOR = "劳务驿站"
DEFAULT_PRINT_SETUP = PrintSetup()
_EXPORT_FILE_MODE = 0o644

# Values openpyxl writes correctly as they are; everything else takes the slow path.
_PLAIN_TYPES: frozenset[type] = frozenset({int, bool, type(None), date})
# Rows a paper sheet measures its columns on before writing anything.
_MEASURED_ROWS = 200
# Texts whose wrapped line count a sheet remembers (a bound on its memory).
_MEASURED_TEXTS = 20_000


class _Note(str):
    """A note row held back with the data rows of a paper sheet."""


class XlsxWriter:
    """Writes one .xlsx file; use as a context manager.

    ``with XlsxWriter(path) as book: sheet = book.add_sheet(...); sheet.append(...)``.
    Leaving the block normally saves the file; leaving it with an exception, or
    calling ``abort()`` (from the thread that writes), discards everything and leaves
    any existing file at ``path`` untouched.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._book = Workbook(write_only=True)
        self._book.properties.creator = APP_CREATOR
        self._sheets: list[SheetWriter] = []
        self._cell_styles = CellStyles()
        self._state = "open"
        # Created now so an unwritable folder is reported before a long export runs.
        self._temp = _make_temp_beside(self.path)

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()
        elif self._state == "open":
            self.close()

    @property
    def sheets(self) -> tuple[SheetWriter, ...]:
        return tuple(self._sheets)

    def add_sheet(
        self,
        title: str,
        columns: Sequence[ColumnSpec],
        *,
        title_rows: Sequence[str] = (),
        freeze_header: bool = True,
        print_setup: PrintSetup | None = DEFAULT_PRINT_SETUP,
        autofilter: bool = True,
        paper: bool = False,
    ) -> SheetWriter:
        """Add a sheet; ``title`` is made valid and unique (see ``sheet_titles``).

        ``title_rows`` go above the header, each merged across all columns; the first
        is set large and bold as the sheet's heading. The header row follows. Title
        and header rows are always as tall as their text needs.

        ``paper``: a sheet meant to be printed and filed. Columns are as wide as
        their content (measured on the first rows, in CJK width) up to their
        ``ColumnSpec.width``, longer text wraps and its row is made tall enough, and
        data cells get thin borders (see ``layout``).
        """
        self._require_open()
        if not columns:
            raise ValueError("a sheet needs at least one column")
        safe_title = sanitize_sheet_title(title, [s.title for s in self._sheets])
        worksheet = self._book.create_sheet(safe_title)
        sheet = SheetWriter(
            worksheet,
            safe_title,
            columns,
            title_rows=title_rows,
            freeze_header=freeze_header,
            print_setup=print_setup,
            autofilter=autofilter,
            paper=paper,
            cell_styles=self._cell_styles,
        )
        self._sheets.append(sheet)
        return sheet

    def close(self) -> Path:
        """Save and move the file into place; returns the destination path."""
        self._require_open()
        if not self._sheets:
            self.abort()
            raise ValueError("cannot save a workbook without sheets")
        try:
            for sheet in self._sheets:
                sheet.finish()
            self._book.save(self._temp)
        except OSError as exc:
            self.abort()
            raise _write_failed(self.path, exc) from exc
        except BaseException:
            self.abort()
            raise
        try:
            # The scratch name is private to its owner; the export must read like any
            # file the user saves (this only matters where permissions exist).
            commit(self._temp, self.path, mode=_EXPORT_FILE_MODE)
        except OSError as exc:
            self.abort()
            if isinstance(exc, PermissionError):
                raise _file_in_use(self.path, exc) from exc
            raise _write_failed(self.path, exc) from exc
        self._state = "closed"
        log.info("wrote %s (%d sheets)", self.path.name, len(self._sheets))
        return self.path

    def abort(self) -> None:
        """Discard the export: remove the temporary file and openpyxl's scratch files."""
        if self._state != "open":
            return
        self._state = "aborted"
        for sheet in self._sheets:
            sheet.discard()
        remove_scratch(self._temp)
        log.info("export to %s aborted", self.path.name)

    def _require_open(self) -> None:
        if self._state != "open":
            raise RuntimeError(f"workbook writer is {self._state}")


class SheetWriter:
    """Appends rows to one sheet of an ``XlsxWriter``."""

    def __init__(
        self,
        worksheet: Any,
        title: str,
        columns: Sequence[ColumnSpec],
        *,
        title_rows: Sequence[str],
        freeze_header: bool,
        print_setup: PrintSetup | None,
        autofilter: bool,
        paper: bool = False,
        cell_styles: CellStyles | None = None,
    ) -> None:
        self.title = title
        self._cell_styles = cell_styles or CellStyles()
        self.paper = paper
        # Paper sheets hold their first rows back to measure the columns on them.
        self._pending: list[Sequence[object]] | None = [] if paper else None
        self._print_setup = print_setup
        self.columns: tuple[ColumnSpec, ...] = tuple(columns)
        self.header_row = len(title_rows) + 1
        self._ws = worksheet
        self._ncols = len(self.columns)
        self._title_rows = tuple(title_rows)
        self._widths = [spec.effective_width() for spec in self.columns]
        self._fixed_widths: set[int] = set()
        self._autofilter = autofilter
        self._started = False
        self._last_row = 0
        self._last_data_row = 0
        self._total_columns = [i for i, spec in enumerate(self.columns) if spec.total]
        self._totals: list[Any] = [0] * self._ncols
        self._literal_cells = [
            self._make_literal_cell(styles.KIND_FORMATS[spec.kind]) for spec in self.columns
        ]
        self._styled = self._make_styled_columns()
        # Text columns whose long values wrap and make their row taller (paper only).
        self._wrapping = [i for i, spec in enumerate(self.columns) if spec.kind == "text"]
        self._wrap_cells = {
            i: self._cell_styles.cell(worksheet, alignment=styles.GRID_ALIGNMENT)
            for i in self._wrapping
        }
        self._measured: dict[tuple[int, str], int] = {}
        # The dimension of a row n lines tall, by n: one object shared by all such rows.
        self._tall_rows: dict[int, _SharedRowDimension] = {}
        self._fits: list[float] = []
        fast_rows.install(worksheet)
        if freeze_header:
            worksheet.freeze_panes = f"A{self.header_row + 1}"
        if print_setup is not None:
            self._apply_print_setup(print_setup)

    @property
    def rows_written(self) -> int:
        """Data rows appended so far (title, header and total rows not counted)."""
        held = sum(not isinstance(r, _Note) for r in self._pending) if self._pending else 0
        return max(self._last_data_row - self.header_row, 0) + held

    @property
    def last_row(self) -> int:
        """Excel row number of the last row written, 0 before anything is written."""
        if self._pending:
            return max(self._last_row, self.header_row) + len(self._pending)
        return self._last_row

    @property
    def widths(self) -> tuple[float, ...]:
        """Column widths in Excel character units (final once rows are written)."""
        return tuple(self._widths)

    def set_column_widths(self, widths: Sequence[float | None] | Mapping[int, float]) -> None:
        """Override widths (Excel character units) by position; before the first row."""
        if self._started:
            raise RuntimeError("column widths must be set before rows are written")
        items = widths.items() if isinstance(widths, Mapping) else enumerate(widths)
        for index, width in items:
            if width is not None:
                self._widths[index] = float(width)
                self._fixed_widths.add(index)

    def append(self, values: Sequence[object]) -> None:
        """Write one data row; ``values`` line up with the columns and may be shorter.

        Strings that Excel could run as a formula are stored as plain text with the
        quote-prefix style; None and "" leave the cell empty.
        """
        pending = self._pending
        if pending is not None:
            pending.append(values)
            if len(pending) >= _MEASURED_ROWS:
                self._flush()
            return
        if not self._started:
            self._start()
        self._write(values)

    def _flush(self) -> None:
        """Measure the held-back rows, start the sheet, write them."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        rows = [values for values in pending if not isinstance(values, _Note)]
        widths = layout.column_widths(self.columns, rows)
        for i, width in enumerate(widths):
            if i not in self._fixed_widths:
                self._widths[i] = width
        if not self._started:
            self._start()
        for values in pending:
            if isinstance(values, _Note):
                self._write_note(values)
            else:
                self._write(values)

    def _write(self, values: Sequence[object]) -> None:
        row: list[Any] = list(values)
        missing = self._ncols - len(row)
        if missing:
            if missing < 0:
                raise ValueError(f"row has {len(row)} values, sheet has {self._ncols} columns")
            row.extend([None] * missing)
        plain = _PLAIN_TYPES
        literal_first = LITERAL_FIRST_CHARS
        for i, value in enumerate(row):
            cls = value.__class__
            if cls is str:
                if not value:
                    row[i] = None
                elif value[0] in literal_first or not value.isprintable():
                    row[i] = self._text(i, value)
            elif cls not in plain:
                row[i] = self._unusual(i, value)
        if self._total_columns:
            self._add_to_totals(row)
        for i, cell, convert, dates in self._styled:
            value = row[i]
            if value is None or value.__class__ is Cell:
                continue
            if convert is not None:
                value = convert(value)
            cls = value.__class__
            # What the value setter would decide, without its type inference: text
            # is already checked above, and a date column's cell has a date format.
            if cls is str:
                cell._value = value if len(value) <= MAX_CELL_TEXT else value[:MAX_CELL_TEXT]
                cell.data_type = "s"
            elif dates and (cls is date or cls is datetime):
                cell._value = value
                cell.data_type = "d"
            else:
                cell.value = value
            row[i] = cell
        number = self._last_row + 1
        if self.paper and self._wrap_long_text(row, number):
            self._ws.append(row)
            # Written: openpyxl needs the row's dimension no more (memory stays flat).
            del self._ws.row_dimensions[number]
        else:
            self._ws.append(row)
        self._last_row = self._last_data_row = number

    def _wrap_long_text(self, row: list[Any], row_number: int) -> bool:
        """Wrap the text cells too long for their column and make the row tall enough;
        True if the row was given a height.

        Only those cells get a style: a style on every cell would cost a third of
        the export's time, and the lines between cells come from the printed
        gridlines (``_apply_print_setup``)."""
        fits = self._fits
        measured = self._measured
        most = 1
        for i in self._wrapping:
            value = row[i]
            # len() bounds the display width from below and 2*len() from above, so
            # the exact width is measured only for text that may not fit.
            if value.__class__ is str and 2 * len(value) > fits[i]:
                # The same text recurs (a batch's employer on every row): measure once.
                key = (i, value)
                lines = measured.get(key, 0)
                if not lines:
                    if len(measured) > _MEASURED_TEXTS:
                        measured.clear()
                    lines = measured[key] = layout.lines_needed(value, self._widths[i])
                if lines > 1:
                    cell = self._wrap_cells[i]
                    # Checked text, as in ``_write``: no need for the value setter.
                    cell._value = value if len(value) <= MAX_CELL_TEXT else value[:MAX_CELL_TEXT]
                    cell.data_type = "s"
                    row[i] = cell
                    most = max(most, lines)
            elif value.__class__ is Cell and value.value.__class__ is str:
                lines = layout.lines_needed(value.value, self._widths[i])
                if lines > 1:
                    value.alignment = styles.GRID_ALIGNMENT  # a quote-prefixed text cell
                    most = max(most, lines)
        if most == 1:
            return False
        dimension = self._tall_rows.get(most)
        if dimension is None:
            dimension = _SharedRowDimension(self._ws, layout.row_height(most))
            self._tall_rows[most] = dimension
        self._ws.row_dimensions[row_number] = dimension
        return True

    def _size_total_row(self, row: Sequence[object], row_number: int) -> None:
        most = max(
            (
                layout.lines_needed(value, self._widths[i])
                for i, value in enumerate(row)
                if isinstance(value, str)
            ),
            default=1,
        )
        if most > 1:
            self._ws.row_dimensions[row_number].height = layout.row_height(most)

    def append_note_row(self, text: str) -> None:
        """A bold line across the whole sheet (a block's heading), as tall as its text."""
        if self._pending is not None:
            self._pending.append(_Note(text))  # written in order once columns are measured
            return
        if not self._started:
            self._start()
        self._write_note(text)

    def _write_note(self, text: str) -> None:
        cell = self._cell_styles.cell(
            self._ws, font=styles.TOTAL_FONT, alignment=styles.SUBTITLE_ALIGNMENT
        )
        self._set_static_value(cell, text)
        number = self._last_row + 1
        if self._ncols > 1:
            self._ws.merged_cells.add(f"A{number}:{get_column_letter(self._ncols)}{number}")
        height = layout.header_height(text, sum(self._widths))  # bold, like a header
        if height > layout.row_height(1):
            self._ws.row_dimensions[number].height = height
        self._ws.append([cell])
        self._last_row += 1

    def append_total_row(
        self,
        label: str = "合计",
        values: Mapping[int | str, object] | None = None,
    ) -> None:
        """Write a bold total row: ``label`` in the first column, sums of ``total``
        columns of the rows appended so far, then ``values`` (by column index or
        header) on top."""
        self._flush()
        if not self._started:
            self._start()
        row: list[object] = [None] * self._ncols
        row[0] = label
        for i in self._total_columns:
            row[i] = self._totals[i]
        for key, value in (values or {}).items():
            row[self._column_index(key)] = value
        cells = []
        for i, value in enumerate(row):
            cell = self._cell_styles.cell(
                self._ws,
                font=styles.TOTAL_FONT,
                border=styles.GRID_BORDER if self.paper else styles.TOTAL_BORDER,
                alignment=styles.GRID_ALIGNMENT if self.paper else None,
                number_format=styles.KIND_FORMATS[self.columns[i].kind],
            )
            self._set_static_value(cell, value)
            cells.append(cell)
        if self.paper:
            self._size_total_row(row, self._last_row + 1)
        self._ws.append(cells)
        self._last_row += 1

    def finish(self) -> None:
        """Complete the sheet before the workbook is saved (called by ``close``)."""
        self._flush()
        if not self._started:
            self._start()
        if self._autofilter and self._last_data_row > self.header_row:
            last_column = get_column_letter(self._ncols)
            self._ws.auto_filter.ref = f"A{self.header_row}:{last_column}{self._last_data_row}"

    def discard(self) -> None:
        """Close and delete openpyxl's scratch file for this sheet (on abort)."""
        # openpyxl would delete it only at interpreter exit; the app runs for days.
        with suppress(Exception):
            self._ws.close()
        writer = getattr(self._ws, "_writer", None)
        if writer is not None:
            with suppress(Exception):
                writer.xf.close()
            with suppress(Exception):
                writer.cleanup()

    # Hot-path helpers: called only for the few cells that need them.

    def _text(self, i: int, value: str) -> object:
        if not value.isprintable():
            value = clean_text(value)
            if not value:
                return None
        if value[0] in LITERAL_FIRST_CHARS:
            cell = self._literal_cells[i]
            cell.value = value
            # The value setter would turn "=..." into a formula and "#N/A" into an
            # error; the cell must stay a plain string.
            cell.data_type = "s"
            return cell
        return value

    def _unusual(self, i: int, value: object) -> object:
        if isinstance(value, str):
            return self._text(i, str(value)) if value else None
        if isinstance(value, float):
            # NaN or infinity would make Excel report the whole file as damaged.
            return float(value) if math.isfinite(value) else None
        if isinstance(value, Decimal):
            return value if value.is_finite() else None
        if isinstance(value, datetime | time):
            if value.tzinfo is None:
                return value
            # Excel has no time zones: show the local wall-clock time.
            if isinstance(value, datetime):
                return value.astimezone().replace(tzinfo=None)
            return value.replace(tzinfo=None)
        if isinstance(value, int | date | Cell):
            return value
        raise TypeError(
            f"column {self.columns[i].header!r}: cannot write {type(value).__name__} to Excel"
        )

    def _add_to_totals(self, row: list[object]) -> None:
        totals = self._totals
        for i in self._total_columns:
            value = row[i]
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                try:
                    totals[i] += value
                except TypeError:  # Decimal mixed with float
                    totals[i] = float(totals[i]) + float(value)

    # Setup.

    def _make_literal_cell(self, number_format: str | None) -> Cell:
        cell = WriteOnlyCell(self._ws)
        # Keeps Excel treating the text as text when someone edits the cell.
        cell.quotePrefix = True
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def _make_styled_columns(
        self,
    ) -> list[tuple[int, Cell, Callable[[object], object] | None, bool]]:
        styled: list[tuple[int, Cell, Callable[[object], object] | None, bool]] = []
        for i, spec in enumerate(self.columns):
            number_format = styles.KIND_FORMATS[spec.kind]
            if number_format is None:
                continue
            cell = WriteOnlyCell(self._ws)
            cell.number_format = number_format
            convert = _as_id_text if spec.kind == "id_text" else None
            styled.append((i, cell, convert, spec.kind in ("date", "datetime")))
        return styled

    def _apply_print_setup(self, setup: PrintSetup) -> None:
        ws = self._ws
        ws.page_setup.orientation = "landscape" if setup.landscape else "portrait"
        ws.page_setup.paperSize = styles.PAPER_SIZES[setup.paper]
        if setup.fit_width:
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0  # 0: as many pages tall as the rows need
        if setup.repeat_header:
            ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        if setup.footer_page_numbers:
            ws.oddFooter.center.text = styles.FOOTER_PAGE_NUMBERS
        ws.print_options.horizontalCentered = True
        if self.paper:
            # Thin lines between all cells on paper, at no cost per cell.
            ws.print_options.gridLines = True
        ws.page_margins = PageMargins(left=0.3, right=0.3, top=0.6, bottom=0.7)

    def _start(self) -> None:
        """Write widths, title rows and the header: all must precede the data rows."""
        self._started = True
        ws = self._ws
        for index, width in enumerate(self._widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        self._fits = [max(1.0, w - 1) for w in self._widths]
        self._check_scale()
        last_column = get_column_letter(self._ncols)
        # Title rows are merged across the sheet: their text wraps within its width.
        across = sum(self._widths)
        for number, text in enumerate(self._title_rows, start=1):
            is_heading = number == 1
            cell = self._cell_styles.cell(
                ws,
                font=styles.TITLE_FONT if is_heading else styles.SUBTITLE_FONT,
                alignment=styles.TITLE_ALIGNMENT if is_heading else styles.SUBTITLE_ALIGNMENT,
            )
            self._set_static_value(cell, text)
            font_pt = styles.TITLE_FONT.sz if is_heading else styles.SUBTITLE_FONT.sz
            least = styles.TITLE_ROW_HEIGHT if is_heading else styles.SUBTITLE_ROW_HEIGHT
            ws.row_dimensions[number].height = max(
                least, layout.text_height(text, across, float(font_pt or layout.BODY_PT))
            )
            if self._ncols > 1:
                ws.merged_cells.add(f"A{number}:{last_column}{number}")
            ws.append([cell])
        header = []
        for spec in self.columns:
            cell = self._cell_styles.cell(
                ws,
                font=styles.HEADER_FONT,
                fill=styles.HEADER_FILL,
                border=styles.HEADER_BORDER,
                alignment=styles.HEADER_ALIGNMENT,
            )
            self._set_static_value(cell, spec.header)
            header.append(cell)
        # A wrapped header must not spill over the rows above it (LibreOffice draws
        # it over the 制表日期 line when the row keeps its default height).
        ws.row_dimensions[self.header_row].height = max(
            layout.header_height(spec.header, width)
            for spec, width in zip(self.columns, self._widths, strict=True)
        )
        ws.append(header)
        self._last_row = self._last_data_row = self.header_row

    def _check_scale(self) -> None:
        setup = self._print_setup
        if not self.paper or setup is None or not setup.fit_width:
            return
        scale = layout.print_scale(self._widths, setup)
        if scale * layout.BODY_PT < layout.MIN_BODY_PT:
            # The layout of the columns is the caller's to fix (fewer columns per
            # sheet, A3); the export still goes out.
            log.warning(
                "sheet %s prints at %.0f%% (%.1f pt text): too small to read",
                self.title, scale * 100, scale * layout.BODY_PT,
            )  # fmt: skip

    def _set_static_value(self, cell: Cell, value: object) -> None:
        if isinstance(value, str):
            cell.value = clean_text(value)
            cell.data_type = "s"
            if value[:1] in LITERAL_FIRST_CHARS:
                cell.quotePrefix = True
        else:
            cell.value = self._unusual(0, value) if value is not None else None

    def _column_index(self, key: int | str) -> int:
        if isinstance(key, int):
            return key
        for index, spec in enumerate(self.columns):
            if spec.header == key:
                return index
        raise KeyError(f"no column with header {key!r}")


class _SharedRowDimension(RowDimension):
    """The height of every data row that is ``lines`` tall, as one object.

    openpyxl reads a streamed row's dimension only to write the attributes of its
    ``<row>`` element, when the row is appended; a dimension object per row cost
    about a tenth of a dispatch list's time (every row of a batch whose employer
    wraps is tall) and stayed in memory for the whole export. The attributes are the
    same for all rows of the height, so they are worked out once."""

    def __init__(self, worksheet: Any, height: float) -> None:
        super().__init__(worksheet, ht=height)
        self._attributes = tuple(super().__iter__())

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._attributes)


def _as_id_text(value: object) -> object:
    """ID numbers and phones as text: never a number Excel could round or reformat."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _make_temp_beside(path: Path) -> Path:
    sweep_scratch(path)
    scratch = scratch_path(path)
    try:
        # Created now, private (0600) until it is committed: a missing folder or a
        # read-only one is reported before any row is written.
        handle = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileNotFoundError as exc:
        raise WorkbookError(
            f"保存位置“{path.parent}”不存在，请重新选择保存位置。",
            f"{path}: destination folder does not exist",
            Problem.WRITE_FAILED,
        ) from exc
    except OSError as exc:
        raise _write_failed(path, exc) from exc
    os.close(handle)
    return scratch


def _write_failed(path: Path, exc: OSError) -> WorkbookError:
    if exc.errno == errno.ENOSPC:
        reason = "磁盘空间不足，请清理磁盘或换一个保存位置后重试。"
    elif isinstance(exc, PermissionError):
        reason = "没有权限写入这个位置，请换一个保存位置（例如“桌面”或“文档”）。"
    else:
        reason = "请换一个保存位置后重试。"
    return WorkbookError(
        f"无法保存“{path.name}”：{reason}",
        f"{path.name}: write failed: {exc!r}",
        Problem.WRITE_FAILED,
    )


def _file_in_use(path: Path, exc: OSError) -> WorkbookError:
    return WorkbookError(
        f"“{path.name}”正在被 Excel 或 WPS 打开，无法覆盖。请先关闭这个文件，再导出一次。",
        f"{path.name}: replace failed, file probably open elsewhere: {exc!r}",
        Problem.FILE_IN_USE,
    )
