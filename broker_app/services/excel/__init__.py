"""Excel input and output shared by imports and exports: no Qt, no database.

Reading: ``check_workbook_file`` refuses unsafe or unsupported files, ``iter_rows``
and ``preview_rows`` read a sheet, ``detect_header`` maps its columns to fields.
Writing: ``XlsxWriter`` is the one writer every export uses.
"""

from __future__ import annotations

from .errors import Problem, WorkbookError
from .headers import HeaderMap, detect_header, normalize_header
from .reader import DEFAULT_MAX_ROWS, Row, iter_rows, list_sheets, preview_rows
from .roster_columns import (
    ROSTER_EXPORT_COLUMNS,
    ROSTER_HEADER_SYNONYMS,
    ROSTER_REQUIRED_FIELDS,
    roster_export_specs,
)
from .safety import check_workbook_file
from .sheet_titles import sanitize_sheet_title
from .specs import ColumnKind, ColumnSpec, PrintSetup
from .values import CellValue
from .writer import SheetWriter, XlsxWriter

__all__ = [
    "DEFAULT_MAX_ROWS",
    "ROSTER_EXPORT_COLUMNS",
    "ROSTER_HEADER_SYNONYMS",
    "ROSTER_REQUIRED_FIELDS",
    "CellValue",
    "ColumnKind",
    "ColumnSpec",
    "HeaderMap",
    "PrintSetup",
    "Problem",
    "Row",
    "SheetWriter",
    "WorkbookError",
    "XlsxWriter",
    "check_workbook_file",
    "detect_header",
    "iter_rows",
    "list_sheets",
    "normalize_header",
    "preview_rows",
    "roster_export_specs",
    "sanitize_sheet_title",
]
