"""The one exception the Excel layer raises for problems a user can fix.

Every refusal carries two texts: ``message`` is shown to the broker as is (Chinese,
plain words, says what to do next) and ``message_en`` goes to the log, so support can
read logs without translating. ``problem`` lets callers branch (for example, offer
"save as .xlsx" help only for legacy files) without parsing text.
"""

from __future__ import annotations

from enum import StrEnum

from broker_app.domain.common.errors import UserError


class Problem(StrEnum):
    """Why a workbook was refused or could not be written."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    LEGACY_XLS = "legacy_xls"
    ENCRYPTED = "encrypted"
    NOT_WORKBOOK = "not_workbook"
    CORRUPT = "corrupt"
    ZIP_BOMB = "zip_bomb"
    NO_SHEETS = "no_sheets"
    SHEET_NOT_FOUND = "sheet_not_found"
    TOO_MANY_ROWS = "too_many_rows"
    NO_HEADER = "no_header"
    MISSING_COLUMNS = "missing_columns"
    FILE_IN_USE = "file_in_use"
    WRITE_FAILED = "write_failed"


class WorkbookError(UserError):
    """A workbook could not be read or written; ``str()`` is the Chinese message."""

    def __init__(self, message: str, message_en: str, problem: Problem) -> None:
        super().__init__(message, message_en)
        self.problem = problem

    def __repr__(self) -> str:
        return f"WorkbookError({self.problem.value}: {self.message_en})"
