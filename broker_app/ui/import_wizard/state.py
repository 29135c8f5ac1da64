"""What the import wizard's pages share: the chosen file, sheet and column mapping."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from broker_app.services.roster.importing import RosterImportService
from broker_app.services.workbook_import import ImportPreview, ImportResult

#: How many data rows the mapping page shows.
PREVIEW_ROWS = 20


@dataclass
class ImportState:
    service: RosterImportService
    path: Path | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    #: field -> 0-based column; None keeps what the header detection found.
    mapping: dict[str, int] | None = None
    preview: ImportPreview | None = None
    result: ImportResult | None = None

    def load_preview(self) -> ImportPreview:
        """Read the header and the first rows with the current choices (no writes)."""
        assert self.path is not None
        self.preview = self.service.preview(self.path, self.sheet, self.mapping, PREVIEW_ROWS)
        return self.preview
