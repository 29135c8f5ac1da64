"""The 帮扶预警 summary table of a township or the county: one row per village with
people on the list, most urgent first (``services.assistance.watch_summary``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import Qt

from broker_app.domain.people.watch_urgency import Urgency
from broker_app.services.assistance.watch_list import WatchReason
from broker_app.services.assistance.watch_summary import VillageWatch
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.table_models import Index, RowListModel

_CONTEXT = "WatchVillageModel"

#: (title, cell value, width in Chinese characters); numbers are right-aligned.
COLUMNS: Final[tuple[tuple[str, Callable[[VillageWatch], str | int], float], ...]] = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "户籍地"), lambda v: v.place, 12),
    (QT_TRANSLATE_NOOP(_CONTEXT, "预警人数"), lambda v: v.people, 5),
    (QT_TRANSLATE_NOOP(_CONTEXT, "紧急"), lambda v: v.by_urgency[Urgency.HIGH], 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "较急"), lambda v: v.by_urgency[Urgency.MEDIUM], 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "脱贫人口（含监测对象）"), lambda v: v.first_priority, 9),
    (QT_TRANSLATE_NOOP(_CONTEXT, "未就业"), lambda v: v.by_reason[WatchReason.UNEMPLOYED], 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "近期离岗"), lambda v: v.by_reason[WatchReason.JOB_ENDED], 5),
    (
        QT_TRANSLATE_NOOP(_CONTEXT, "长期未跟踪"),
        lambda v: v.by_reason[WatchReason.NO_FOLLOW_UP],
        5,
    ),
)


class WatchVillageModel(RowListModel[VillageWatch]):
    context = _CONTEXT
    titles = tuple(title for title, _, _ in COLUMNS)

    def set_villages(self, villages: Sequence[VillageWatch]) -> None:
        self.set_rows(villages)

    def village_code(self, row: int) -> str | None:
        village = self.row_at(row)
        return village.code if village else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        village = self.row_at(index.row()) if index.isValid() else None
        if village is None:
            return None
        value = COLUMNS[index.column()][1](village)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
