"""The table of batches. Batches number in the hundreds, so the model holds the rows
the service returns (with their member counts) and is reset on every search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Qt,
)

from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.dispatch.status import batch_status
from broker_app.services.dispatch.rows import BatchRow
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.table_models import Index, RowListModel

_CONTEXT = "BatchTableModel"

#: (title, width in Chinese characters)
COLUMNS: tuple[tuple[str, float], ...] = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "批次"), 16),
    (QT_TRANSLATE_NOOP(_CONTEXT, "务工单位"), 12),
    (QT_TRANSLATE_NOOP(_CONTEXT, "务工地点"), 7),
    (QT_TRANSLATE_NOOP(_CONTEXT, "务工地域"), 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "出发日期"), 6),
    (QT_TRANSLATE_NOOP(_CONTEXT, "状态"), 3),
    (QT_TRANSLATE_NOOP(_CONTEXT, "人数"), 3),
    (QT_TRANSLATE_NOOP(_CONTEXT, "其中脱贫"), 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "带队人"), 4),
)
_NUMBERS = (6, 7)


class BatchTableModel(RowListModel[BatchRow]):
    context = _CONTEXT
    titles = tuple(title for title, _ in COLUMNS)

    def batch(self, row: int) -> BatchRow | None:
        return self.row_at(row)

    def row_of(self, batch_id: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == batch_id), None)

    # -- Qt ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        batch = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(batch, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and batch.notes:
            return batch.notes
        return None

    def _display(self, batch: BatchRow, column: int) -> str:
        if column == 0:
            return batch.name
        if column == 1:
            return batch.employer
        if column == 2:
            return batch.destination
        if column == 3:
            tier = PlaceTier.from_value(batch.place_tier)
            return enum_label(tier) if tier else batch.place_tier
        if column == 4:
            return batch.departure_date.isoformat() if batch.departure_date else ""
        if column == 5:
            status = batch_status(batch.status)
            return enum_label(status) if status else batch.status
        if column == 6:
            return str(batch.members)
        if column == 7:
            return str(batch.priority_members)
        return batch.leader_name
